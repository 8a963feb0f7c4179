/* palier-decimal.c: exact decimal numbers for money, rates and quotas
 *
 * Values are counts of millionths in a gint64.  Parsing and printing never
 * go through binary floating point or the C locale, and every rounding is
 * half away from zero.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-decimal.h"

/* 10^38 is the largest power of ten a signed 128-bit integer holds. */
#define WIDE_MAX_DIGITS 38

G_DEFINE_QUARK (palier-decimal-error-quark, palier_decimal_error)

static PalierWide
wide_pow10 (int digits)
{
  PalierWide result = 1;

  g_assert (digits >= 0 && digits <= WIDE_MAX_DIGITS);

  for (int i = 0; i < digits; i++)
    result *= 10;
  return result;
}

static PalierWide
wide_abs (PalierWide value)
{
  return value < 0 ? -value : value;
}

static gboolean
wide_fits_decimal (PalierWide value)
{
  return value >= PALIER_DECIMAL_MIN && value <= PALIER_DECIMAL_MAX;
}

static void
set_parse_error (GError      **error,
                 int           code,
                 const char   *text,
                 gssize        len)
{
  g_autofree char *value_text = len < 0 ? g_strdup (text) : g_strndup (text, len);

  switch (code)
    {
    case PALIER_DECIMAL_ERROR_PRECISION:
      g_set_error (error, PALIER_DECIMAL_ERROR, code,
                   _("Invalid number “%s”: more than 6 decimals; round it to at most 6 decimals"),
                   value_text);
      break;

    case PALIER_DECIMAL_ERROR_OVERFLOW:
      g_set_error (error, PALIER_DECIMAL_ERROR, code,
                   _("Number “%s” is out of range; the limit is ±9223372036854.775807"),
                   value_text);
      break;

    default:
      g_set_error (error, PALIER_DECIMAL_ERROR, code,
                   _("Invalid number “%s”: expected digits with an optional sign and “.” as the decimal mark, such as “-1234.5”"),
                   value_text);
      break;
    }
}

/* Accepts the lexical form of xs:decimal: an optional sign, then digits
 * with an optional '.', and at least one digit on either side of it (".5"
 * and "1." are valid, "." is not).  Exponents, spaces, grouping and ','
 * are rejected. */
gboolean
palier_decimal_parse (const char     *text,
                      gssize          len,
                      PalierDecimal  *out_value,
                      GError        **error)
{
  gsize end;
  gsize pos = 0;
  gboolean negative = FALSE;
  gboolean seen_digit = FALSE;
  gboolean overflow = FALSE;
  gboolean too_precise = FALSE;
  guint64 magnitude = 0;
  int decimals = -1;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  end = len < 0 ? strlen (text) : (gsize) len;

  if (pos < end && (text[pos] == '+' || text[pos] == '-'))
    {
      negative = text[pos] == '-';
      pos++;
    }

  for (; pos < end; pos++)
    {
      char c = text[pos];

      if (c == '.' && decimals < 0)
        {
          decimals = 0;
          continue;
        }
      if (!g_ascii_isdigit (c))
        {
          set_parse_error (error, PALIER_DECIMAL_ERROR_SYNTAX, text, len);
          return FALSE;
        }

      seen_digit = TRUE;

      /* Digits past the sixth decimal are only allowed when zero. */
      if (decimals >= PALIER_DECIMAL_DIGITS)
        {
          if (c != '0')
            too_precise = TRUE;
          continue;
        }
      if (decimals >= 0)
        decimals++;

      if (__builtin_mul_overflow (magnitude, 10, &magnitude) ||
          __builtin_add_overflow (magnitude, (guint64) (c - '0'), &magnitude))
        overflow = TRUE;
    }

  if (!seen_digit)
    {
      set_parse_error (error, PALIER_DECIMAL_ERROR_SYNTAX, text, len);
      return FALSE;
    }
  if (too_precise)
    {
      set_parse_error (error, PALIER_DECIMAL_ERROR_PRECISION, text, len);
      return FALSE;
    }

  /* Scale the digits read to millionths. */
  for (int i = MAX (decimals, 0); i < PALIER_DECIMAL_DIGITS && !overflow; i++)
    overflow = __builtin_mul_overflow (magnitude, 10, &magnitude);

  if (overflow || magnitude > (guint64) PALIER_DECIMAL_MAX)
    {
      set_parse_error (error, PALIER_DECIMAL_ERROR_OVERFLOW, text, len);
      return FALSE;
    }

  *out_value = negative ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

/* Writes @value, held at scale 10^-6, with @decimals decimals and no
 * rounding: the caller has already cleared the digits past @decimals. */
static char *
format_wide (PalierWide  value,
             int         decimals,
             char        buf[PALIER_DECIMAL_BUFSIZE])
{
  PalierWide magnitude = wide_abs (value);
  guint64 units = (guint64) (magnitude / PALIER_DECIMAL_ONE);
  guint64 fraction = (guint64) (magnitude % PALIER_DECIMAL_ONE);
  const char *sign = value < 0 ? "-" : "";

  if (decimals == 0)
    {
      g_snprintf (buf, PALIER_DECIMAL_BUFSIZE, "%s%" G_GUINT64_FORMAT,
                  sign, units);
      return buf;
    }

  for (int i = decimals; i < PALIER_DECIMAL_DIGITS; i++)
    fraction /= 10;

  g_snprintf (buf, PALIER_DECIMAL_BUFSIZE, "%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
              sign, units, decimals, fraction);
  return buf;
}

/* Rounds @value to @decimals decimals in 128 bits, so that values next to
 * the limits round without overflowing. */
static PalierWide
round_to_wide (PalierDecimal value,
               int           decimals)
{
  PalierWide step = wide_pow10 (PALIER_DECIMAL_DIGITS - decimals);

  return palier_wide_div_round (value, step) * step;
}

char *
palier_decimal_format (PalierDecimal   value,
                       int             decimals,
                       char            buf[PALIER_DECIMAL_BUFSIZE])
{
  g_return_val_if_fail (buf != NULL, NULL);
  g_return_val_if_fail (decimals >= 0 && decimals <= PALIER_DECIMAL_DIGITS, NULL);

  return format_wide (round_to_wide (value, decimals), decimals, buf);
}

char *
palier_decimal_format_exact (PalierDecimal   value,
                             char            buf[PALIER_DECIMAL_BUFSIZE])
{
  int decimals = PALIER_DECIMAL_DIGITS;
  PalierDecimal rest = value;

  g_return_val_if_fail (buf != NULL, NULL);

  while (decimals > 0 && rest % 10 == 0)
    {
      rest /= 10;
      decimals--;
    }

  return format_wide (value, decimals, buf);
}

PalierDecimal
palier_decimal_from_int (gint64 units)
{
  g_return_val_if_fail (units >= PALIER_DECIMAL_MIN / PALIER_DECIMAL_ONE &&
                        units <= PALIER_DECIMAL_MAX / PALIER_DECIMAL_ONE, 0);

  return units * PALIER_DECIMAL_ONE;
}

/* A value within half a step of the limits would round past them.  Such a
 * value rounds toward zero instead, to the nearest value that has
 * @decimals decimals and fits. */
PalierDecimal
palier_decimal_round (PalierDecimal   value,
                      int             decimals)
{
  PalierWide rounded;
  PalierWide step;

  g_return_val_if_fail (decimals >= 0 && decimals <= PALIER_DECIMAL_DIGITS, value);

  rounded = round_to_wide (value, decimals);
  if (wide_fits_decimal (rounded))
    return (PalierDecimal) rounded;

  step = wide_pow10 (PALIER_DECIMAL_DIGITS - decimals);
  return (PalierDecimal) (rounded > 0 ? rounded - step : rounded + step);
}

gboolean
palier_decimal_add (PalierDecimal   a,
                    PalierDecimal   b,
                    PalierDecimal  *out)
{
  PalierDecimal sum;

  g_return_val_if_fail (out != NULL, FALSE);

  /* G_MININT64 itself is outside the range, which is symmetric. */
  if (__builtin_add_overflow (a, b, &sum) || sum < PALIER_DECIMAL_MIN)
    return FALSE;

  *out = sum;
  return TRUE;
}

gboolean
palier_decimal_sub (PalierDecimal   a,
                    PalierDecimal   b,
                    PalierDecimal  *out)
{
  PalierDecimal difference;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_sub_overflow (a, b, &difference) ||
      difference < PALIER_DECIMAL_MIN)
    return FALSE;

  *out = difference;
  return TRUE;
}

PalierWide
palier_decimal_mul_wide (PalierDecimal   a,
                         PalierDecimal   b)
{
  /* |a|, |b| < 2^63, so the product stays below 2^126. */
  return (PalierWide) a * (PalierWide) b;
}

gboolean
palier_wide_round (PalierWide      value,
                   int             scale_digits,
                   int             decimals,
                   PalierDecimal  *out)
{
  PalierWide rounded = value;
  int digits = scale_digits;

  g_return_val_if_fail (scale_digits >= 0 && scale_digits <= WIDE_MAX_DIGITS, FALSE);
  g_return_val_if_fail (decimals >= 0 && decimals <= PALIER_DECIMAL_DIGITS, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (digits > decimals)
    {
      rounded = palier_wide_div_round (rounded, wide_pow10 (digits - decimals));
      digits = decimals;
    }

  /* Bring the result to millionths, checking before each step. */
  for (; digits < PALIER_DECIMAL_DIGITS; digits++)
    {
      if (!wide_fits_decimal (rounded))
        return FALSE;
      rounded *= 10;
    }

  if (!wide_fits_decimal (rounded))
    return FALSE;

  *out = (PalierDecimal) rounded;
  return TRUE;
}

PalierWide
palier_wide_div_round (PalierWide      num,
                       PalierWide      den)
{
  PalierWide quotient;
  PalierWide remainder;
  PalierWide abs_remainder;
  PalierWide abs_den;

  g_return_val_if_fail (den != 0, 0);

  quotient = num / den;
  remainder = num % den;
  abs_remainder = wide_abs (remainder);
  abs_den = wide_abs (den);

  /* Half or more of the divisor left over: move one away from zero.
   * Written as a difference so that 2 * remainder cannot overflow. */
  if (abs_remainder != 0 && abs_remainder >= abs_den - abs_remainder)
    quotient += ((num < 0) != (den < 0)) ? -1 : 1;

  return quotient;
}

typedef unsigned __int128 WideMagnitude;

/* 2^127 - 1, the largest PalierWide. */
#define WIDE_MAGNITUDE_MAX (((WideMagnitude) 1 << 127) - 1)

/* An unsigned 256-bit integer as four 64-bit limbs, least significant
 * first. */
typedef struct {
  guint64 limb[4];
} Wide256;

static WideMagnitude
wide_magnitude (PalierWide value)
{
  /* Unsigned negation is defined for the most negative value too. */
  return value < 0 ? (WideMagnitude) 0 - (WideMagnitude) value : (WideMagnitude) value;
}

static Wide256
wide256_multiply (WideMagnitude a,
                  WideMagnitude b)
{
  guint64 x[2] = { (guint64) a, (guint64) (a >> 64) };
  guint64 y[2] = { (guint64) b, (guint64) (b >> 64) };
  Wide256 product = { { 0, 0, 0, 0 } };

  for (int i = 0; i < 2; i++)
    {
      guint64 carry = 0;

      /* Each partial sum is at most (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1. */
      for (int j = 0; j < 2; j++)
        {
          WideMagnitude partial = (WideMagnitude) x[i] * y[j]
                                  + product.limb[i + j] + carry;

          product.limb[i + j] = (guint64) partial;
          carry = (guint64) (partial >> 64);
        }
      product.limb[i + 2] = carry;
    }

  return product;
}

static int
wide256_compare (const Wide256 *a,
                 const Wide256 *b)
{
  for (int i = 3; i >= 0; i--)
    {
      if (a->limb[i] != b->limb[i])
        return a->limb[i] < b->limb[i] ? -1 : 1;
    }
  return 0;
}

/* Divides @num by @den (non-zero) with schoolbook binary division.
 * Returns FALSE when the quotient needs more than 128 bits. */
static gboolean
wide256_divide (const Wide256 *num,
                WideMagnitude  den,
                WideMagnitude *out_quotient,
                WideMagnitude *out_remainder)
{
  WideMagnitude high = ((WideMagnitude) num->limb[3] << 64) | num->limb[2];
  WideMagnitude low = ((WideMagnitude) num->limb[1] << 64) | num->limb[0];
  WideMagnitude remainder = high;
  WideMagnitude quotient = 0;

  /* The quotient fits in 128 bits exactly when the high half is below the
   * divisor, and then the high half is the first partial remainder. */
  if (high >= den)
    return FALSE;

  for (int bit = 127; bit >= 0; bit--)
    {
      gboolean carry = (remainder >> 127) != 0;

      remainder = (remainder << 1) | ((low >> bit) & 1);
      quotient <<= 1;
      if (carry || remainder >= den)
        {
          remainder -= den;
          quotient |= 1;
        }
    }

  *out_quotient = quotient;
  *out_remainder = remainder;
  return TRUE;
}

gboolean
palier_wide_mul_div_round (PalierWide      a,
                           PalierWide      b,
                           PalierWide      den,
                           PalierWide     *out)
{
  WideMagnitude divisor = wide_magnitude (den);
  WideMagnitude quotient;
  WideMagnitude remainder;
  Wide256 product;
  gboolean negative = (a < 0) != (b < 0) && a != 0 && b != 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (den == 0)
    return FALSE;
  if (den < 0)
    negative = !negative;

  product = wide256_multiply (wide_magnitude (a), wide_magnitude (b));
  if (!wide256_divide (&product, divisor, &quotient, &remainder))
    return FALSE;

  /* Half or more of the divisor left over rounds the magnitude up. */
  if (remainder != 0 && remainder >= divisor - remainder)
    quotient++;

  /* Keep the range symmetric: the most negative PalierWide is excluded. */
  if (quotient > WIDE_MAGNITUDE_MAX)
    return FALSE;

  *out = negative ? -(PalierWide) quotient : (PalierWide) quotient;
  return TRUE;
}

static int
wide_sign (PalierWide value)
{
  if (value < 0)
    return -1;
  return value > 0 ? 1 : 0;
}

int
palier_wide_compare_products (PalierWide      a,
                              PalierWide      b,
                              PalierWide      c,
                              PalierWide      d)
{
  int left_sign = wide_sign (a) * wide_sign (b);
  int right_sign = wide_sign (c) * wide_sign (d);
  Wide256 left;
  Wide256 right;
  int magnitude_order;

  if (left_sign != right_sign)
    return left_sign < right_sign ? -1 : 1;
  if (left_sign == 0)
    return 0;

  left = wide256_multiply (wide_magnitude (a), wide_magnitude (b));
  right = wide256_multiply (wide_magnitude (c), wide_magnitude (d));
  magnitude_order = wide256_compare (&left, &right);

  /* Both products are negative: the larger magnitude is the smaller. */
  return left_sign > 0 ? magnitude_order : -magnitude_order;
}

int
palier_decimal_compare_product (PalierDecimal value,
                                PalierDecimal a,
                                PalierDecimal b)
{
  PalierWide left = (PalierWide) value * PALIER_DECIMAL_ONE;
  PalierWide right = palier_decimal_mul_wide (a, b);

  if (left < right)
    return -1;
  return left > right ? 1 : 0;
}

double
palier_decimal_to_double (PalierDecimal value)
{
  return (double) value / (double) PALIER_DECIMAL_ONE;
}
