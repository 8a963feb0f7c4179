/* palier-number.c: numbers as spreadsheets export them
 *
 * Digits are accumulated into an integer count of millionths, so no value
 * ever passes through binary floating point or the C locale.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-number.h"
#include "palier-number-private.h"

G_DEFINE_QUARK (palier-parse-error-quark, palier_parse_error)

/* Largest integer part that still fits in a PalierDecimal. */
#define MAX_INTEGER_PART (PALIER_DECIMAL_MAX / PALIER_DECIMAL_ONE)

typedef enum {
  NUMBER_OK,
  NUMBER_EMPTY,
  NUMBER_SYNTAX,
  NUMBER_PRECISION,
  NUMBER_OVERFLOW,
} NumberStatus;

const char *
palier_decimal_mark_to_string (PalierDecimalMark mark)
{
  switch (mark)
    {
    case PALIER_DECIMAL_MARK_AUTO:
      return "auto";
    case PALIER_DECIMAL_MARK_POINT:
      return "point";
    case PALIER_DECIMAL_MARK_COMMA:
      return "comma";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Accepts "auto", "point" (or "dot", ".") and "comma" (or ","), in any
 * case. */
gboolean
palier_decimal_mark_from_string (const char        *text,
                                 PalierDecimalMark *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "auto") == 0)
    *out = PALIER_DECIMAL_MARK_AUTO;
  else if (g_ascii_strcasecmp (text, "point") == 0
           || g_ascii_strcasecmp (text, "dot") == 0
           || strcmp (text, ".") == 0)
    *out = PALIER_DECIMAL_MARK_POINT;
  else if (g_ascii_strcasecmp (text, "comma") == 0 || strcmp (text, ",") == 0)
    *out = PALIER_DECIMAL_MARK_COMMA;
  else
    return FALSE;
  return TRUE;
}

/* Returns the length of a currency symbol at @p, or 0. */
static gsize
currency_length (const char *p,
                 const char *end)
{
  gsize left = end - p;

  if (left >= 1 && p[0] == '$')
    return 1;
  if (left >= 3 && memcmp (p, "€", 3) == 0)
    return 3;
  if (left >= 2 && memcmp (p, "£", 2) == 0)
    return 2;
  return 0;
}

static gsize
currency_length_before (const char *start,
                        const char *end)
{
  gsize left = end - start;

  if (left >= 1 && end[-1] == '$')
    return 1;
  if (left >= 3 && memcmp (end - 3, "€", 3) == 0)
    return 3;
  if (left >= 2 && memcmp (end - 2, "£", 2) == 0)
    return 2;
  return 0;
}

/* Returns the length of a minus sign at @p: '-' or U+2212. */
static gsize
minus_length (const char *p,
              const char *end)
{
  if (end - p >= 1 && p[0] == '-')
    return 1;
  if (end - p >= 3 && memcmp (p, "\xe2\x88\x92", 3) == 0)
    return 3;
  return 0;
}

/* Returns the length of a digit group separator at @p for @mark: a
 * space, an apostrophe (' or U+2019) or the mark that is not the decimal
 * one. */
static gsize
group_separator_length (const char        *p,
                        const char        *end,
                        PalierDecimalMark  mark)
{
  gsize n = _palier_space_length (p, end);

  if (n > 0 && p[0] != '\t')
    return n;
  if (p[0] == '\'')
    return 1;
  if (end - p >= 3 && memcmp (p, "\xe2\x80\x99", 3) == 0)
    return 3;
  if (p[0] == (mark == PALIER_DECIMAL_MARK_POINT ? ',' : '.'))
    return 1;
  return 0;
}

/* Strips the signs, parentheses and currency symbols around the digits
 * and returns whether the number is negative; FALSE in *@ok when two
 * signs are present. */
static gboolean
strip_decorations (const char **start,
                   const char **end,
                   gboolean    *ok)
{
  const char *s = *start;
  const char *e = *end;
  guint n_minus = 0;
  gboolean has_plus = FALSE;
  gboolean has_currency = FALSE;
  gsize n;

  if (e - s >= 2 && s[0] == '(' && e[-1] == ')')
    {
      n_minus++;
      s++;
      e--;
      _palier_trim_spaces (&s, &e);
    }

  /* A sign and a currency symbol before the digits, in either order. */
  for (guint round = 0; round < 2; round++)
    {
      if (!has_plus && n_minus == 0 && (n = minus_length (s, e)) > 0)
        n_minus++, s += n;
      else if (!has_plus && n_minus == 0 && s < e && *s == '+')
        has_plus = TRUE, s++;
      else if (!has_currency && (n = currency_length (s, e)) > 0)
        has_currency = TRUE, s += n;
      _palier_trim_spaces (&s, &e);
    }

  /* A trailing minus and a currency symbol after the digits. */
  for (guint round = 0; round < 2; round++)
    {
      if (e > s && e[-1] == '-')
        n_minus++, e--;
      else if (!has_currency && (n = currency_length_before (s, e)) > 0)
        has_currency = TRUE, e -= n;
      _palier_trim_spaces (&s, &e);
    }

  *ok = n_minus <= 1 && !(has_plus && n_minus > 0);
  *start = s;
  *end = e;
  return n_minus == 1;
}

/* Reads the digits, group separators and decimal mark of a number. */
static NumberStatus
read_digits (const char        *s,
             const char        *e,
             PalierDecimalMark  mark,
             PalierDecimal     *out)
{
  char decimal = mark == PALIER_DECIMAL_MARK_POINT ? '.' : ',';
  const char *separator = NULL;
  gsize separator_len = 0;
  guint64 integer = 0;
  guint64 fraction = 0;
  guint n_integer_digits = 0;
  guint n_fraction_digits = 0;
  guint group_len = 0;
  gboolean precision_lost = FALSE;

  /* Integer part, with groups of three after the first group. */
  while (s < e && *s != decimal)
    {
      gsize n;

      if (g_ascii_isdigit (*s))
        {
          if (integer > MAX_INTEGER_PART)
            return NUMBER_OVERFLOW;
          integer = integer * 10 + (*s - '0');
          n_integer_digits++;
          group_len++;
          s++;
          continue;
        }

      n = group_separator_length (s, e, mark);
      if (n == 0 || group_len == 0)
        return NUMBER_SYNTAX;
      if (separator == NULL)
        {
          if (group_len > 3)
            return NUMBER_SYNTAX;
          separator = s;
          separator_len = n;
        }
      else if (group_len != 3 || n != separator_len || memcmp (s, separator, n) != 0)
        return NUMBER_SYNTAX;
      group_len = 0;
      s += n;
    }
  if (separator != NULL && group_len != 3)
    return NUMBER_SYNTAX;

  /* Decimals: up to six kept, further ones must be zeros. */
  if (s < e)
    {
      for (s++; s < e && g_ascii_isdigit (*s); s++)
        {
          if (n_fraction_digits < PALIER_DECIMAL_DIGITS)
            fraction = fraction * 10 + (*s - '0');
          else if (*s != '0')
            precision_lost = TRUE;
          n_fraction_digits++;
        }
    }
  if (s != e || n_integer_digits + n_fraction_digits == 0)
    return NUMBER_SYNTAX;
  if (precision_lost)
    return NUMBER_PRECISION;

  for (guint i = n_fraction_digits; i < PALIER_DECIMAL_DIGITS; i++)
    fraction *= 10;
  if (integer > MAX_INTEGER_PART
      || integer * PALIER_DECIMAL_ONE > (guint64) PALIER_DECIMAL_MAX - fraction)
    return NUMBER_OVERFLOW;

  *out = (PalierDecimal) (integer * PALIER_DECIMAL_ONE + fraction);
  return NUMBER_OK;
}

static NumberStatus
read_number (const char        *text,
             gsize              len,
             PalierDecimalMark  mark,
             PalierDecimal     *out)
{
  const char *s = text;
  const char *e = text + len;
  gboolean negative;
  gboolean ok;
  PalierDecimal value = 0;
  NumberStatus status;

  _palier_trim_spaces (&s, &e);
  if (s == e)
    return NUMBER_EMPTY;

  /* Signs, parentheses and currency symbols sit at either end. */
  if (g_ascii_isdigit (s[0]) && g_ascii_isdigit (e[-1]))
    negative = FALSE;
  else
    {
      negative = strip_decorations (&s, &e, &ok);
      if (!ok || s == e)
        return NUMBER_SYNTAX;
    }

  status = read_digits (s, e, mark, &value);
  if (status == NUMBER_OK)
    *out = negative ? -value : value;
  return status;
}

char *
_palier_quote_value (const char *text,
                     gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  const char *cut;

  if (g_utf8_strlen (valid, -1) <= 60)
    return g_steal_pointer (&valid);

  cut = g_utf8_offset_to_pointer (valid, 60);
  return g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
}

static const char *
mark_description (PalierDecimalMark mark)
{
  return mark == PALIER_DECIMAL_MARK_COMMA ? _("a decimal comma") : _("a decimal point");
}

static gboolean
set_number_error (NumberStatus        status,
                  const char         *text,
                  gsize               len,
                  PalierDecimalMark   mark,
                  GError            **error)
{
  g_autofree char *value = _palier_quote_value (text, len);

  switch (status)
    {
    case NUMBER_EMPTY:
      g_set_error_literal (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER,
                           _("empty value where a number is expected"));
      break;
    case NUMBER_PRECISION:
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE,
                   _("“%s” has more than six decimals, which Palier does not "
                     "round; round the values in the file"),
                   value);
      break;
    case NUMBER_OVERFLOW:
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE,
                   _("“%s” is too large"), value);
      break;
    case NUMBER_SYNTAX:
    case NUMBER_OK:
    default:
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER,
                   _("invalid number “%s” for %s"),
                   value, mark_description (mark));
      break;
    }
  return FALSE;
}

/* Reads @text with each mark; a value readable both ways must give the
 * same number. */
static gboolean
parse_auto (const char     *text,
            gsize           len,
            PalierDecimal  *out,
            GError        **error)
{
  PalierDecimal point_value = 0;
  PalierDecimal comma_value = 0;
  NumberStatus point = read_number (text, len, PALIER_DECIMAL_MARK_POINT, &point_value);
  NumberStatus comma = read_number (text, len, PALIER_DECIMAL_MARK_COMMA, &comma_value);

  if (point == NUMBER_OK && comma == NUMBER_OK && point_value != comma_value)
    {
      g_autofree char *value = _palier_quote_value (text, len);

      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_AMBIGUOUS,
                   _("“%s” reads differently with a decimal point and with a "
                     "decimal comma"),
                   value);
      return FALSE;
    }
  if (point == NUMBER_OK)
    {
      *out = point_value;
      return TRUE;
    }
  if (comma == NUMBER_OK)
    {
      *out = comma_value;
      return TRUE;
    }

  return set_number_error (point != NUMBER_SYNTAX ? point : comma, text, len,
                           PALIER_DECIMAL_MARK_POINT, error);
}

gboolean
palier_number_parse (const char         *text,
                     gsize               len,
                     PalierDecimalMark   mark,
                     PalierDecimal      *out,
                     GError            **error)
{
  NumberStatus status;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mark == PALIER_DECIMAL_MARK_AUTO)
    return parse_auto (text, len, out, error);

  status = read_number (text, len, mark, out);
  if (status != NUMBER_OK)
    return set_number_error (status, text, len, mark, error);
  return TRUE;
}

/* Whether @status shows that the text is written in the mark's style,
 * even if the value cannot be held. */
static gboolean
status_is_readable (NumberStatus status)
{
  return status == NUMBER_OK || status == NUMBER_PRECISION || status == NUMBER_OVERFLOW;
}

void
palier_number_sniffer_add (PalierNumberSniffer *sniffer,
                           const char          *text,
                           gsize                len)
{
  PalierDecimal point_value = 0;
  PalierDecimal comma_value = 0;
  NumberStatus point;
  NumberStatus comma;

  g_return_if_fail (sniffer != NULL);
  g_return_if_fail (text != NULL || len == 0);

  point = read_number (text, len, PALIER_DECIMAL_MARK_POINT, &point_value);
  if (point == NUMBER_EMPTY)
    return;
  comma = read_number (text, len, PALIER_DECIMAL_MARK_COMMA, &comma_value);

  sniffer->n_values++;
  if (status_is_readable (point) && status_is_readable (comma))
    {
      if (point != NUMBER_OK || comma != NUMBER_OK || point_value != comma_value)
        sniffer->ambiguous++;
    }
  else if (status_is_readable (point))
    sniffer->point_votes++;
  else if (status_is_readable (comma))
    sniffer->comma_votes++;
  else
    sniffer->invalid++;
}

PalierDecimalMark
palier_number_sniffer_result (const PalierNumberSniffer *sniffer)
{
  g_return_val_if_fail (sniffer != NULL, PALIER_DECIMAL_MARK_AUTO);

  if (sniffer->point_votes > sniffer->comma_votes)
    return PALIER_DECIMAL_MARK_POINT;
  if (sniffer->comma_votes > sniffer->point_votes)
    return PALIER_DECIMAL_MARK_COMMA;
  return PALIER_DECIMAL_MARK_AUTO;
}
