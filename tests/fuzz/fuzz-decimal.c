/* fuzz-decimal.c: palier_decimal_parse() and the exact arithmetic
 *
 * The input holds up to six values, one per line.  Each line is parsed
 * and compared with a reference reading of the xs:decimal grammar the
 * header describes, then written back and read again.  The values that
 * parse then feed the checked arithmetic, whose results are compared with
 * exact 128-bit and 256-bit computations done here.
 */

#define G_LOG_DOMAIN "Palier"

#include <string.h>

#include "palier-decimal.h"

#include "fuzz-common.h"

#define N_VALUES 6

typedef unsigned __int128 Unsigned128;

#define WIDE_MIN ((PalierWide) ((Unsigned128) 1 << 127))

static const gint64 powers_of_ten[] = {
  1, 10, 100, 1000, 10000, 100000, 1000000,
};

/* Reference parser ======================================================= */

typedef struct {
  gboolean      ok;
  int           code;               /* when !ok */
  PalierDecimal value;              /* when ok */
} Expected;

/* Reads @text by the rules written in palier-decimal.h, reporting a
 * SYNTAX error before a PRECISION error before an OVERFLOW error. */
static Expected
reference_parse (const char *text,
                 gsize       len)
{
  Expected result = { FALSE, PALIER_DECIMAL_ERROR_SYNTAX, 0 };
  gboolean negative = FALSE;
  gboolean seen_point = FALSE;
  gboolean too_precise = FALSE;
  gboolean too_large = FALSE;
  guint n_digits = 0;
  guint n_decimals = 0;
  PalierWide magnitude = 0;
  gsize i = 0;

  if (i < len && (text[i] == '+' || text[i] == '-'))
    negative = text[i++] == '-';

  for (; i < len; i++)
    {
      char c = text[i];

      if (c == '.' && !seen_point)
        {
          seen_point = TRUE;
          continue;
        }
      if (c < '0' || c > '9')
        return result;

      n_digits++;
      if (seen_point && n_decimals >= PALIER_DECIMAL_DIGITS)
        {
          too_precise |= c != '0';
          continue;
        }
      if (seen_point)
        n_decimals++;

      magnitude = magnitude * 10 + (c - '0');
      if (magnitude > (PalierWide) G_MAXINT64 * 10)
        {
          too_large = TRUE;
          magnitude = (PalierWide) G_MAXINT64 * 10;
        }
    }

  if (n_digits == 0)
    return result;
  if (too_precise)
    {
      result.code = PALIER_DECIMAL_ERROR_PRECISION;
      return result;
    }

  magnitude *= powers_of_ten[PALIER_DECIMAL_DIGITS - n_decimals];
  if (too_large || magnitude > PALIER_DECIMAL_MAX)
    {
      result.code = PALIER_DECIMAL_ERROR_OVERFLOW;
      return result;
    }

  result.ok = TRUE;
  result.value = negative ? -(PalierDecimal) magnitude : (PalierDecimal) magnitude;
  return result;
}

/* 256-bit products =========================================================== */

typedef struct {
  Unsigned128 high;
  Unsigned128 low;
} Unsigned256;

/* A signed 256-bit number as a sign (-1, 0, 1) and a magnitude. */
typedef struct {
  int         sign;
  Unsigned256 magnitude;
} Signed256;

static Unsigned128
magnitude_of (PalierWide value)
{
  return value < 0 ? -(Unsigned128) value : (Unsigned128) value;
}

static int
sign_of (PalierWide value)
{
  return (value > 0) - (value < 0);
}

static Unsigned256
multiply_128 (Unsigned128 a,
              Unsigned128 b)
{
  Unsigned128 a0 = (guint64) a, a1 = a >> 64;
  Unsigned128 b0 = (guint64) b, b1 = b >> 64;
  Unsigned128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  Unsigned128 middle = p01 + p10;
  Unsigned128 middle_carry = middle < p01;
  Unsigned256 result;

  result.low = p00 + (middle << 64);
  result.high = p11 + (middle >> 64) + (middle_carry << 64) + (result.low < p00);
  return result;
}

static int
compare_256 (Unsigned256 a,
             Unsigned256 b)
{
  if (a.high != b.high)
    return a.high < b.high ? -1 : 1;
  if (a.low != b.low)
    return a.low < b.low ? -1 : 1;
  return 0;
}

static Unsigned256
subtract_256 (Unsigned256 a,
              Unsigned256 b)
{
  Unsigned256 result;

  result.low = a.low - b.low;
  result.high = a.high - b.high - (a.low < b.low);
  return result;
}

static Unsigned256
add_256 (Unsigned256 a,
         Unsigned256 b)
{
  Unsigned256 result;

  result.low = a.low + b.low;
  result.high = a.high + b.high + (result.low < a.low);
  return result;
}

static Signed256
signed_product (PalierWide a,
                PalierWide b)
{
  Signed256 result;

  result.sign = sign_of (a) * sign_of (b);
  result.magnitude = multiply_128 (magnitude_of (a), magnitude_of (b));
  return result;
}

static int
compare_signed (Signed256 a,
                Signed256 b)
{
  if (a.sign != b.sign)
    return a.sign < b.sign ? -1 : 1;
  if (a.sign == 0)
    return 0;
  return a.sign * compare_256 (a.magnitude, b.magnitude);
}

/* |a - b| */
static Unsigned256
distance (Signed256 a,
          Signed256 b)
{
  if (a.sign * b.sign < 0)
    return add_256 (a.magnitude, b.magnitude);
  if (compare_256 (a.magnitude, b.magnitude) >= 0)
    return subtract_256 (a.magnitude, b.magnitude);
  return subtract_256 (b.magnitude, a.magnitude);
}

/* Checks of one value ======================================================== */

static void
check_parse (const char *text,
             gsize       len,
             Expected   *out)
{
  g_autoptr(GError) error = NULL;
  Expected expected = reference_parse (text, len);
  PalierDecimal value = 0;
  gboolean ok = palier_decimal_parse (text, len, &value, &error);

  if (ok != expected.ok)
    fuzz_fail ("palier_decimal_parse returned %d, the grammar says %d", ok, expected.ok);

  if (ok)
    {
      fuzz_assert (error == NULL);
      fuzz_assert (value == expected.value);
    }
  else
    {
      fuzz_assert (error != NULL);
      fuzz_assert (error->domain == PALIER_DECIMAL_ERROR);
      if (error->code != expected.code)
        fuzz_fail ("error code %d, expected %d: %s", error->code, expected.code, error->message);
      if (g_utf8_validate (text, len, NULL))
        fuzz_check_error (error, PALIER_DECIMAL_ERROR);
    }

  /* The same text, NUL-terminated, gives the same result. */
  if (memchr (text, '\0', len) == NULL)
    {
      g_autofree char *copy = g_strndup (text, len);
      g_autoptr(GError) copy_error = NULL;
      PalierDecimal copy_value = 0;

      fuzz_assert (palier_decimal_parse (copy, -1, &copy_value, &copy_error) == ok);
      fuzz_assert (!ok || copy_value == value);
    }

  *out = expected;
}

/* The shortest exact form: no leading zero but the one before '.', no
 * trailing zero after it, no "-0", and it reads back as @value. */
static void
check_format_exact (PalierDecimal value)
{
  char buf[PALIER_DECIMAL_BUFSIZE];
  const char *text = palier_decimal_format_exact (value, buf);
  const char *digits = text[0] == '-' ? text + 1 : text;
  const char *point = strchr (text, '.');
  g_autoptr(GError) error = NULL;
  PalierDecimal read_back = 0;

  fuzz_assert (text == buf);
  fuzz_assert (strlen (text) < PALIER_DECIMAL_BUFSIZE);
  fuzz_assert ((text[0] == '-') == (value < 0));
  fuzz_assert (digits[0] != '0' || digits[1] == '\0' || digits[1] == '.');
  fuzz_assert (point == NULL || (point[1] != '\0' && text[strlen (text) - 1] != '0'));
  fuzz_assert (palier_decimal_parse (text, -1, &read_back, &error));
  fuzz_assert (read_back == value);
}

/* Rounds exactly, half away from zero, or toward zero where that would
 * leave the range, as palier_decimal_round() promises. */
static PalierDecimal
reference_round (PalierDecimal value,
                 int           decimals)
{
  gint64 unit = powers_of_ten[PALIER_DECIMAL_DIGITS - decimals];
  PalierWide quotient = value / unit;
  PalierWide rest = value % unit;
  PalierWide rounded = quotient;

  if (2 * magnitude_of (rest) >= (Unsigned128) unit)
    rounded += sign_of (value);
  if (rounded * unit > PALIER_DECIMAL_MAX || rounded * unit < PALIER_DECIMAL_MIN)
    rounded = quotient;
  return (PalierDecimal) (rounded * unit);
}

static void
check_round_and_format (PalierDecimal value)
{
  for (int decimals = 0; decimals <= PALIER_DECIMAL_DIGITS; decimals++)
    {
      char buf[PALIER_DECIMAL_BUFSIZE];
      const char *text = palier_decimal_format (value, decimals, buf);
      const char *point = strchr (text, '.');
      PalierDecimal rounded = palier_decimal_round (value, decimals);
      g_autoptr(GError) error = NULL;
      PalierDecimal read_back = 0;

      fuzz_assert (rounded == reference_round (value, decimals));

      /* Exactly @decimals digits after the point, and no point for 0. */
      fuzz_assert (strlen (text) < PALIER_DECIMAL_BUFSIZE);
      if (decimals == 0)
        fuzz_assert (point == NULL);
      else
        fuzz_assert (point != NULL && strlen (point + 1) == (gsize) decimals);

      /* format() may round past the limit where round() does not, so the
       * two only have to agree away from it. */
      if (palier_decimal_parse (text, -1, &read_back, &error))
        {
          if (value < PALIER_DECIMAL_MAX - PALIER_DECIMAL_ONE
              && value > PALIER_DECIMAL_MIN + PALIER_DECIMAL_ONE)
            fuzz_assert (read_back == rounded);
        }
      else
        {
          fuzz_assert (error->code == PALIER_DECIMAL_ERROR_OVERFLOW);
        }
    }
}

/* Checks of pairs and triples ================================================ */

static gboolean
fits_decimal (PalierWide value)
{
  return value >= PALIER_DECIMAL_MIN && value <= PALIER_DECIMAL_MAX;
}

static void
check_add_sub (PalierDecimal a,
               PalierDecimal b)
{
  PalierDecimal sum = 42, difference = 42;
  PalierWide exact_sum = (PalierWide) a + b;
  PalierWide exact_difference = (PalierWide) a - b;
  gboolean sum_ok = palier_decimal_add (a, b, &sum);
  gboolean difference_ok = palier_decimal_sub (a, b, &difference);

  fuzz_assert (sum_ok == fits_decimal (exact_sum));
  fuzz_assert (sum == (sum_ok ? exact_sum : 42));
  fuzz_assert (difference_ok == fits_decimal (exact_difference));
  fuzz_assert (difference == (difference_ok ? exact_difference : 42));
}

/* palier_wide_round() of a product of two decimals, at scale 10^-12. */
static void
check_wide_round (PalierDecimal a,
                  PalierDecimal b)
{
  PalierWide product = palier_decimal_mul_wide (a, b);

  fuzz_assert (product == (PalierWide) a * b);

  for (int decimals = 0; decimals <= PALIER_DECIMAL_DIGITS; decimals++)
    {
      PalierWide unit = (PalierWide) powers_of_ten[PALIER_DECIMAL_DIGITS] * powers_of_ten[PALIER_DECIMAL_DIGITS - decimals];
      PalierWide quotient = product / unit;
      PalierWide rest = product % unit;
      PalierWide expected;
      PalierDecimal rounded = 42;
      gboolean ok;

      if (2 * magnitude_of (rest) >= (Unsigned128) unit)
        quotient += sign_of (product);
      expected = quotient * powers_of_ten[PALIER_DECIMAL_DIGITS - decimals];

      ok = palier_wide_round (product, 2 * PALIER_DECIMAL_DIGITS, decimals, &rounded);
      fuzz_assert (ok == fits_decimal (expected));
      fuzz_assert (!ok || rounded == expected);
    }
}

static void
check_compare_product (PalierDecimal value,
                       PalierDecimal a,
                       PalierDecimal b)
{
  PalierWide scaled = (PalierWide) value * PALIER_DECIMAL_ONE;
  PalierWide product = (PalierWide) a * b;
  int expected = (scaled > product) - (scaled < product);
  int result = palier_decimal_compare_product (value, a, b);

  fuzz_assert ((result > 0) - (result < 0) == expected);
}

static void
check_div_round (PalierWide numerator,
                 PalierWide denominator)
{
  PalierWide quotient, rest;

  /* @denominator must not be 0, and the one quotient that does not fit
   * in a PalierWide is left open by the header. */
  if (denominator == 0 || (numerator == WIDE_MIN && denominator == -1))
    return;

  quotient = numerator / denominator;
  rest = numerator % denominator;
  if (2 * magnitude_of (rest) >= magnitude_of (denominator))
    quotient += sign_of (numerator) * sign_of (denominator);

  fuzz_assert (palier_wide_div_round (numerator, denominator) == quotient);
}

/* @a * @b / @denominator, checked through the remainder: the result q must
 * leave |a*b - q*den| <= |den| / 2, and a tie must round away from zero. */
static void
check_mul_div_round (PalierWide a,
                     PalierWide b,
                     PalierWide denominator)
{
  Signed256 product = signed_product (a, b);
  PalierWide quotient = 42;
  gboolean ok = palier_wide_mul_div_round (a, b, denominator, &quotient);

  if (denominator == 0)
    {
      fuzz_assert (!ok && quotient == 42);
      return;
    }

  if (ok)
    {
      Signed256 back = signed_product (quotient, denominator);
      Unsigned256 rest = distance (product, back);
      Unsigned128 half = magnitude_of (denominator) / 2;

      fuzz_assert (rest.high == 0 && rest.low <= half);
      if (rest.low == half && rest.low != 0 && magnitude_of (denominator) % 2 == 0)
        fuzz_assert (compare_256 (back.magnitude, product.magnitude) > 0);
    }
  else
    {
      /* Rejected: the quotient must be at least about 2^126 in magnitude. */
      Unsigned256 bound = multiply_128 ((Unsigned128) 1 << 126, magnitude_of (denominator));

      fuzz_assert (quotient == 42);
      fuzz_assert (compare_256 (product.magnitude, bound) >= 0);
    }
}

static void
check_compare_products (PalierWide a,
                        PalierWide b,
                        PalierWide c,
                        PalierWide d)
{
  int expected = compare_signed (signed_product (a, b), signed_product (c, d));
  int result = palier_wide_compare_products (a, b, c, d);

  fuzz_assert ((result > 0) - (result < 0) == expected);
}

/* Entry point ================================================================= */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  PalierDecimal values[N_VALUES] = { 0, };
  guint n_values = 0;
  gsize start = 0;

  fuzz_init ();

  while (start <= size && n_values < N_VALUES)
    {
      const char *newline = memchr (text + start, '\n', size - start);
      gsize end = newline != NULL ? (gsize) (newline - text) : size;
      Expected expected;

      check_parse (text + start, end - start, &expected);
      if (expected.ok)
        {
          check_format_exact (expected.value);
          check_round_and_format (expected.value);
          values[n_values] = expected.value;
        }
      n_values++;
      start = end + 1;
    }

  check_add_sub (values[0], values[1]);
  check_wide_round (values[0], values[1]);
  check_compare_product (values[2], values[0], values[1]);
  check_div_round (palier_decimal_mul_wide (values[0], values[1]), values[2]);
  check_div_round (palier_decimal_mul_wide (values[0], values[1]),
                   palier_decimal_mul_wide (values[2], values[3]));

  /* Wide operands built from pairs of decimals reach the 256-bit paths. */
  check_mul_div_round (palier_decimal_mul_wide (values[0], values[1]),
                       palier_decimal_mul_wide (values[2], values[3]),
                       palier_decimal_mul_wide (values[4], values[5]));
  check_mul_div_round (values[0], values[1], values[2]);
  check_compare_products (palier_decimal_mul_wide (values[0], values[1]),
                          palier_decimal_mul_wide (values[2], values[3]),
                          palier_decimal_mul_wide (values[4], values[5]),
                          values[0]);
  check_compare_products (values[0], values[1], values[2], values[3]);

  return 0;
}
