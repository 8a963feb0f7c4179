/* palier-format.c: numbers and dates for people, in the current locale */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"

char *
palier_format_count (guint64 count)
{
  guint64 max = PALIER_DECIMAL_MAX / PALIER_DECIMAL_ONE;

  return palier_format_number (palier_decimal_from_int ((gint64) MIN (count, max)), 0);
}

char *
palier_format_date (PalierDate date)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (palier_date_is_valid (date), NULL);

  time = g_date_time_new_utc (palier_date_year (date), palier_date_month (date),
                              palier_date_day (date), 0, 0, 0);

  /* Translators: a date in the window, see g_date_time_format():
   * "March 15, 2017". */
  return g_date_time_format (time, _("%B %-d, %Y"));
}

char *
palier_format_date_range (PalierDate first,
                          PalierDate last)
{
  g_autofree char *first_text = palier_format_date (first);
  g_autofree char *last_text = palier_format_date (last);

  /* Translators: a range of dates: "January 3, 2014 to December 30,
   * 2017". */
  return g_strdup_printf (_("%s to %s"), first_text, last_text);
}

/* A fraction in millionths is a percentage in units of 10^-4 %, so four
 * decimals always show it exactly. */
char *
palier_format_rate (PalierDecimal rate)
{
  gint64 unit = 10000;
  int decimals = 0;

  while (decimals < 4 && rate % unit != 0)
    {
      unit /= 10;
      decimals++;
    }

  return palier_format_percent (rate, decimals);
}

char *
palier_format_quantity (PalierDecimal value)
{
  gint64 unit = PALIER_DECIMAL_ONE;
  int decimals = 0;

  while (decimals < PALIER_DECIMAL_DIGITS && value % unit != 0)
    {
      unit /= 10;
      decimals++;
    }

  return palier_format_number (value, decimals);
}
