/* palier-period.c: calendar dates and payout periods
 *
 * Dates follow the proleptic Gregorian calendar for years 1 to 9999.
 *
 * Period indices count periods from a fixed origin so that consecutive
 * periods get consecutive indices:
 *   - a month's index is year * 12 + (month - 1), whatever the fiscal year;
 *   - quarters, halves and years count months from the start of the fiscal
 *     year that ends in year 0.  So the year index of a fiscal year is the
 *     year of its label: "FY2025" has index 2025, and so does "2025".
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "palier-period.h"

#define MIN_YEAR 1
#define MAX_YEAR 9999

/* Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
#define EPOCH_SHIFT 719468

/* Days in a 400-year Gregorian cycle. */
#define DAYS_PER_ERA 146097

static const char *const kind_names[] = {
  [PALIER_PERIOD_MONTH] = "month",
  [PALIER_PERIOD_QUARTER] = "quarter",
  [PALIER_PERIOD_HALF] = "half",
  [PALIER_PERIOD_YEAR] = "year",
};

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 quotient = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    quotient--;
  return quotient;
}

static gboolean
fy_start_is_valid (int fy_start)
{
  return fy_start >= 1 && fy_start <= 12;
}

static gboolean
kind_is_valid (PalierPeriodKind kind)
{
  return kind >= PALIER_PERIOD_MONTH && kind <= PALIER_PERIOD_YEAR;
}

PalierDate
palier_date_from_ymd (int year,
                      int month,
                      int day)
{
  return year * 10000 + month * 100 + day;
}

int
palier_date_year (PalierDate date)
{
  return date / 10000;
}

int
palier_date_month (PalierDate date)
{
  return date / 100 % 100;
}

int
palier_date_day (PalierDate date)
{
  return date % 100;
}

int
palier_days_in_month (int year,
                      int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

gboolean
palier_date_is_valid (PalierDate date)
{
  int year = palier_date_year (date);
  int month = palier_date_month (date);
  int day = palier_date_day (date);

  if (date <= 0 || year < MIN_YEAR || year > MAX_YEAR)
    return FALSE;
  if (month < 1 || month > 12)
    return FALSE;
  return day >= 1 && day <= palier_days_in_month (year, month);
}

/* Counts days in years that start on March 1st, so that the leap day is
 * the last day of its year and month lengths repeat every five months. */
gint32
palier_date_to_days (PalierDate date)
{
  int year;
  int month;
  int day;
  int march_month;
  int era;
  int year_of_era;
  int day_of_year;
  int day_of_era;

  g_return_val_if_fail (palier_date_is_valid (date), 0);

  year = palier_date_year (date);
  month = palier_date_month (date);
  day = palier_date_day (date);

  if (month <= 2)
    year--;
  march_month = (month + 9) % 12;   /* March is 0, February is 11 */

  era = (int) floor_div (year, 400);
  year_of_era = year - era * 400;
  day_of_year = (153 * march_month + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT;
}

PalierDate
palier_date_from_days (gint32 days)
{
  gint64 shifted = (gint64) days + EPOCH_SHIFT;
  gint64 era = floor_div (shifted, DAYS_PER_ERA);
  int day_of_era = (int) (shifted - era * DAYS_PER_ERA);
  int year_of_era;
  int day_of_year;
  int march_month;
  int day;
  int month;
  gint64 year;

  /* Leap days of the era before this day: one every 1461 days, none at
   * the end of each century (36524 days) but one at the end of the era. */
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                 - day_of_era / (DAYS_PER_ERA - 1)) / 365;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  march_month = (5 * day_of_year + 2) / 153;
  day = day_of_year - (153 * march_month + 2) / 5 + 1;
  month = march_month < 10 ? march_month + 3 : march_month - 9;
  year = era * 400 + year_of_era + (month <= 2 ? 1 : 0);

  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, PALIER_DATE_NONE);

  return palier_date_from_ymd ((int) year, month, day);
}

static gboolean
parse_digits (const char *text,
              int         count,
              int        *out)
{
  int value = 0;

  for (int i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
palier_date_parse_iso (const char  *text,
                       PalierDate  *out)
{
  int year;
  int month;
  int day;
  PalierDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  date = palier_date_from_ymd (year, month, day);
  if (!palier_date_is_valid (date))
    return FALSE;

  *out = date;
  return TRUE;
}

char *
palier_date_format_iso (PalierDate   date,
                        char        *buf)
{
  g_return_val_if_fail (buf != NULL, NULL);

  g_snprintf (buf, 11, "%04d-%02d-%02d",
              palier_date_year (date), palier_date_month (date),
              palier_date_day (date));
  return buf;
}

const char *
palier_period_kind_to_string (PalierPeriodKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kind_names[kind];
}

gboolean
palier_period_kind_from_string (const char       *text,
                                PalierPeriodKind *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (text, kind_names[i]))
        {
          *out = (PalierPeriodKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

int
palier_period_kind_months (PalierPeriodKind kind)
{
  switch (kind)
    {
    case PALIER_PERIOD_MONTH:
      return 1;
    case PALIER_PERIOD_QUARTER:
      return 3;
    case PALIER_PERIOD_HALF:
      return 6;
    case PALIER_PERIOD_YEAR:
      return 12;
    default:
      g_return_val_if_reached (1);
    }
}

/* Months to add to a calendar month count so that a fiscal year starts on
 * a multiple of 12 and takes the number of the year it ends in. */
static int
fiscal_shift (int fy_start)
{
  return fy_start == 1 ? 0 : 13 - fy_start;
}

/* Month count of @kind's origin: calendar for months, fiscal otherwise. */
static int
period_shift (PalierPeriodKind kind,
              int              fy_start)
{
  return kind == PALIER_PERIOD_MONTH ? 0 : fiscal_shift (fy_start);
}

gint32
palier_period_index (PalierPeriodKind kind,
                     int              fy_start,
                     PalierDate       date)
{
  gint64 months;

  g_return_val_if_fail (kind_is_valid (kind), 0);
  g_return_val_if_fail (fy_start_is_valid (fy_start), 0);
  g_return_val_if_fail (palier_date_is_valid (date), 0);

  months = (gint64) palier_date_year (date) * 12 + palier_date_month (date) - 1;
  months += period_shift (kind, fy_start);

  return (gint32) floor_div (months, palier_period_kind_months (kind));
}

void
palier_period_bounds (PalierPeriodKind kind,
                      int              fy_start,
                      gint32           index,
                      PalierDate      *first,
                      PalierDate      *last)
{
  gint64 first_month;
  gint64 last_month;
  int last_year;
  int last_month_of_year;

  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (fy_start_is_valid (fy_start));

  first_month = (gint64) index * palier_period_kind_months (kind)
                - period_shift (kind, fy_start);
  last_month = first_month + palier_period_kind_months (kind) - 1;

  if (first != NULL)
    *first = palier_date_from_ymd ((int) floor_div (first_month, 12),
                                   (int) (first_month - floor_div (first_month, 12) * 12) + 1,
                                   1);

  last_year = (int) floor_div (last_month, 12);
  last_month_of_year = (int) (last_month - (gint64) last_year * 12) + 1;
  if (last != NULL)
    *last = palier_date_from_ymd (last_year, last_month_of_year,
                                  palier_days_in_month (last_year, last_month_of_year));
}

static char
kind_letter (PalierPeriodKind kind)
{
  return kind == PALIER_PERIOD_QUARTER ? 'Q' : 'H';
}

char *
palier_period_label (PalierPeriodKind kind,
                     int              fy_start,
                     gint32           index)
{
  const char *prefix = fy_start == 1 ? "" : "FY";
  int per_year;
  int year;
  int number;

  g_return_val_if_fail (kind_is_valid (kind), NULL);
  g_return_val_if_fail (fy_start_is_valid (fy_start), NULL);

  if (kind == PALIER_PERIOD_MONTH)
    return g_strdup_printf ("%04d-%02d", (int) floor_div (index, 12),
                            (int) (index - floor_div (index, 12) * 12) + 1);

  if (kind == PALIER_PERIOD_YEAR)
    return g_strdup_printf ("%s%04d", prefix, index);

  per_year = 12 / palier_period_kind_months (kind);
  year = (int) floor_div (index, per_year);
  number = index - year * per_year + 1;

  return g_strdup_printf ("%s%04d-%c%d", prefix, year, kind_letter (kind), number);
}

/* Reads a four-digit year at *text and moves past it. */
static gboolean
read_year (const char **text,
           int         *out_year)
{
  if (!parse_digits (*text, 4, out_year) || *out_year < MIN_YEAR)
    return FALSE;

  *text += 4;
  return TRUE;
}

gboolean
palier_period_parse_label (PalierPeriodKind kind,
                           int              fy_start,
                           const char      *label,
                           gint32          *out_index)
{
  const char *p = label;
  int year;
  int number;
  int per_year;

  g_return_val_if_fail (kind_is_valid (kind), FALSE);
  g_return_val_if_fail (fy_start_is_valid (fy_start), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (out_index != NULL, FALSE);

  /* Months are calendar months and never carry the fiscal prefix. */
  if (kind != PALIER_PERIOD_MONTH && fy_start != 1)
    {
      if (!g_str_has_prefix (p, "FY"))
        return FALSE;
      p += 2;
    }

  if (!read_year (&p, &year))
    return FALSE;

  if (kind == PALIER_PERIOD_YEAR)
    {
      if (*p != '\0')
        return FALSE;
      *out_index = year;
      return TRUE;
    }

  if (kind == PALIER_PERIOD_MONTH)
    {
      if (p[0] != '-' || strlen (p) != 3 || !parse_digits (p + 1, 2, &number) ||
          number < 1 || number > 12)
        return FALSE;
      *out_index = year * 12 + number - 1;
      return TRUE;
    }

  per_year = 12 / palier_period_kind_months (kind);
  if (p[0] != '-' || p[1] != kind_letter (kind) || strlen (p) != 3 ||
      !parse_digits (p + 2, 1, &number) || number < 1 || number > per_year)
    return FALSE;

  *out_index = year * per_year + number - 1;
  return TRUE;
}
