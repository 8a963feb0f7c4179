/* palier-number-input.c: numbers that people type, in the current locale
 *
 * Typed numbers go through palier_number_parse() with the locale's
 * decimal mark, never through strtod(), so "7,5" is 7.5 in French and
 * every accepted value is held exactly.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-number-input.h"

PalierDecimalMark
palier_input_decimal_mark (void)
{
  const char *radix = nl_langinfo (RADIXCHAR);

  if (radix != NULL && strcmp (radix, ",") == 0)
    return PALIER_DECIMAL_MARK_COMMA;

  return PALIER_DECIMAL_MARK_POINT;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
palier_input_parse_number (const char     *text,
                           PalierDecimal  *out_value,
                           GError        **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *example = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (is_blank (text))
    {
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER,
                   _("Type a number"));
      return FALSE;
    }

  if (palier_number_parse (text, strlen (text), palier_input_decimal_mark (),
                           out_value, &parse_error))
    return TRUE;

  if (g_error_matches (parse_error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE))
    {
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE,
                   _("“%s” is too large or has more than six decimals"), text);
      return FALSE;
    }

  example = palier_format_number (12500 * PALIER_DECIMAL_ONE + PALIER_DECIMAL_ONE / 2, 2);
  /* Translators: the example is a number in the user's locale,
   * "12,500.50". */
  g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER,
               _("“%s” is not a number; type a number such as %s"), text, example);
  return FALSE;
}

/* Removes a trailing percent sign and the spaces before it, as French
 * writes "7,5 %" with a no-break space. */
static char *
strip_percent_sign (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  char *end;

  if (len == 0 || copy[len - 1] != '%')
    return g_steal_pointer (&copy);

  copy[len - 1] = '\0';
  end = copy + len - 1;
  while (end > copy)
    {
      char *previous = g_utf8_find_prev_char (copy, end);

      if (previous == NULL || !g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      *previous = '\0';
      end = previous;
    }

  return g_steal_pointer (&copy);
}

gboolean
palier_input_parse_percent (const char     *text,
                            PalierDecimal  *out_fraction,
                            GError        **error)
{
  g_autofree char *number = NULL;
  g_autofree char *example = NULL;
  PalierDecimal percent;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_fraction != NULL, FALSE);

  number = strip_percent_sign (text);
  if (number[0] == '\0')
    {
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER,
                   _("Type a percentage"));
      return FALSE;
    }

  if (!palier_number_parse (number, strlen (number), palier_input_decimal_mark (),
                            &percent, NULL))
    {
      example = palier_format_rate (75000);
      /* Translators: the example is a rate in the user's locale, "7.5%". */
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER,
                   _("“%s” is not a percentage; type a rate such as %s"), text, example);
      return FALSE;
    }

  /* A percent in millionths is a fraction in hundred-millionths. */
  if (percent % 100 != 0)
    {
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE,
                   _("“%s” has more than four decimals; rates are kept to four decimals of a percent"),
                   text);
      return FALSE;
    }

  *out_fraction = percent / 100;
  return TRUE;
}

char *
palier_input_format_number (PalierDecimal value)
{
  return palier_format_quantity (value);
}
