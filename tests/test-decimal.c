/* test-decimal.c: parsing, printing and exact arithmetic of PalierDecimal */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

#define D(units, millionths) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE + (millionths))

typedef struct {
  const char    *text;
  PalierDecimal  value;
} ParseCase;

static void
test_parse_valid (void)
{
  static const ParseCase cases[] = {
    { "0", 0 },
    { "-0", 0 },
    { "+0", 0 },
    { "1", D (1, 0) },
    { "+1", D (1, 0) },
    { "-1", D (-1, 0) },
    { "-0.5", -500000 },
    { "0.000001", 1 },
    { "-0.000001", -1 },
    { ".5", 500000 },
    { "-.5", -500000 },
    { "1.", D (1, 0) },
    { "007", D (7, 0) },
    { "12.3400000", D (12, 340000) },
    { "1.0000000000000000000000", D (1, 0) },
    { "-0.075", -75000 },
    { "22.9960", D (22, 996000) },
    { "123456789.123456", D (123456789, 123456) },
    { "9223372036854.775807", PALIER_DECIMAL_MAX },
    { "-9223372036854.775807", PALIER_DECIMAL_MIN },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDecimal value = 42;
      gboolean ok;

      ok = palier_decimal_parse (cases[i].text, -1, &value, &error);
      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_parse_length (void)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  /* Only the first four bytes count: "12.5" out of "12.5e9". */
  g_assert_true (palier_decimal_parse ("12.5e9", 4, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, D (12, 500000));
}

typedef struct {
  const char *text;
  int         code;
} RejectCase;

static void
test_parse_invalid (void)
{
  static const RejectCase cases[] = {
    { "", PALIER_DECIMAL_ERROR_SYNTAX },
    { "-", PALIER_DECIMAL_ERROR_SYNTAX },
    { "+", PALIER_DECIMAL_ERROR_SYNTAX },
    { ".", PALIER_DECIMAL_ERROR_SYNTAX },
    { "-.", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1e3", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1E3", PALIER_DECIMAL_ERROR_SYNTAX },
    { " 1", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1 ", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1\t", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1 000", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1,5", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1.2.3", PALIER_DECIMAL_ERROR_SYNTAX },
    { "--1", PALIER_DECIMAL_ERROR_SYNTAX },
    { "+-1", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1-", PALIER_DECIMAL_ERROR_SYNTAX },
    { "0x10", PALIER_DECIMAL_ERROR_SYNTAX },
    { "inf", PALIER_DECIMAL_ERROR_SYNTAX },
    { "nan", PALIER_DECIMAL_ERROR_SYNTAX },
    { "1.0000001", PALIER_DECIMAL_ERROR_PRECISION },
    { "-0.0000005", PALIER_DECIMAL_ERROR_PRECISION },
    { "0.12345670", PALIER_DECIMAL_ERROR_PRECISION },
    { "9223372036854.775808", PALIER_DECIMAL_ERROR_OVERFLOW },
    { "-9223372036854.775808", PALIER_DECIMAL_ERROR_OVERFLOW },
    { "10000000000000", PALIER_DECIMAL_ERROR_OVERFLOW },
    { "99999999999999999999999999999", PALIER_DECIMAL_ERROR_OVERFLOW },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDecimal value = 42;
      gboolean ok;

      g_test_message ("parsing “%s”", cases[i].text);
      ok = palier_decimal_parse (cases[i].text, -1, &value, &error);
      g_assert_false (ok);
      g_assert_error (error, PALIER_DECIMAL_ERROR, cases[i].code);
      g_assert_cmpint (value, ==, 42);
    }
}

static void
test_parse_error_names_value (void)
{
  g_autoptr(GError) precision = NULL;
  g_autoptr(GError) syntax = NULL;
  PalierDecimal value;

  g_assert_false (palier_decimal_parse ("1.0000001", -1, &value, &precision));
  g_assert_nonnull (strstr (precision->message, "“1.0000001”"));

  /* With a length, the message shows only the bytes that were read. */
  g_assert_false (palier_decimal_parse ("1x5;rest", 3, &value, &syntax));
  g_assert_nonnull (strstr (syntax->message, "“1x5”"));
  g_assert_null (strstr (syntax->message, "rest"));
}

typedef struct {
  PalierDecimal  value;
  int            decimals;
  const char    *text;
} FormatCase;

static void
test_format (void)
{
  static const FormatCase cases[] = {
    { 0, 2, "0.00" },
    { 0, 0, "0" },
    { D (1234, 560000), 2, "1234.56" },
    { D (1234, 560000), 0, "1235" },
    { D (1234, 560000), 6, "1234.560000" },
    { D (2, 500000), 0, "3" },
    { D (-2, -500000), 0, "-3" },
    { D (1, 5000), 2, "1.01" },
    { D (-1, -5000), 2, "-1.01" },
    { D (1, 4999), 2, "1.00" },
    { D (-1, -4999), 2, "-1.00" },
    { -4000, 2, "0.00" },
    { -5000, 2, "-0.01" },
    { D (22, 996000), 2, "23.00" },
    { D (22, 994999), 2, "22.99" },
    { PALIER_DECIMAL_MAX, 6, "9223372036854.775807" },
    { PALIER_DECIMAL_MIN, 6, "-9223372036854.775807" },
    { PALIER_DECIMAL_MAX, 0, "9223372036855" },
    { PALIER_DECIMAL_MIN, 2, "-9223372036854.78" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[PALIER_DECIMAL_BUFSIZE];

      g_assert_cmpstr (palier_decimal_format (cases[i].value, cases[i].decimals, buf),
                       ==, cases[i].text);
    }
}

static void
test_format_exact (void)
{
  static const FormatCase cases[] = {
    { 0, 0, "0" },
    { D (12, 500000), 0, "12.5" },
    { 40000, 0, "0.04" },
    { D (-3, 0), 0, "-3" },
    { -1, 0, "-0.000001" },
    { D (1000000, 0), 0, "1000000" },
    { PALIER_DECIMAL_MIN, 0, "-9223372036854.775807" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[PALIER_DECIMAL_BUFSIZE];

      g_assert_cmpstr (palier_decimal_format_exact (cases[i].value, buf),
                       ==, cases[i].text);
    }
}

static void
test_format_round_trip (void)
{
  static const PalierDecimal values[] = {
    0, 1, -1, 10, 999999, 1000000, -1000001, D (22, 996000), -75000,
    D (123456789, 123456), PALIER_DECIMAL_MAX, PALIER_DECIMAL_MIN,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char exact[PALIER_DECIMAL_BUFSIZE];
      char full[PALIER_DECIMAL_BUFSIZE];
      PalierDecimal from_exact = 0;
      PalierDecimal from_full = 0;

      palier_decimal_format_exact (values[i], exact);
      palier_decimal_format (values[i], PALIER_DECIMAL_DIGITS, full);
      g_assert_true (palier_decimal_parse (exact, -1, &from_exact, NULL));
      g_assert_true (palier_decimal_parse (full, -1, &from_full, NULL));
      g_assert_cmpint (from_exact, ==, values[i]);
      g_assert_cmpint (from_full, ==, values[i]);
    }
}

static void
test_from_int (void)
{
  g_assert_cmpint (palier_decimal_from_int (0), ==, 0);
  g_assert_cmpint (palier_decimal_from_int (-7), ==, D (-7, 0));
  g_assert_cmpint (palier_decimal_from_int (9223372036854), ==, D (9223372036854, 0));
}

static void
test_round_half_away (void)
{
  g_assert_cmpint (palier_decimal_round (D (2, 500000), 0), ==, D (3, 0));
  g_assert_cmpint (palier_decimal_round (D (-2, -500000), 0), ==, D (-3, 0));
  g_assert_cmpint (palier_decimal_round (D (2, 499999), 0), ==, D (2, 0));
  g_assert_cmpint (palier_decimal_round (D (-2, -499999), 0), ==, D (-2, 0));
  g_assert_cmpint (palier_decimal_round (D (0, 5000), 2), ==, 10000);
  g_assert_cmpint (palier_decimal_round (D (0, -5000), 2), ==, -10000);
  g_assert_cmpint (palier_decimal_round (D (0, 4999), 2), ==, 0);
  g_assert_cmpint (palier_decimal_round (D (0, -4999), 2), ==, 0);
  g_assert_cmpint (palier_decimal_round (D (1, 234567), 6), ==, D (1, 234567));
  g_assert_cmpint (palier_decimal_round (D (1, 234567), 5), ==, D (1, 234570));
}

static void
test_round_near_limits (void)
{
  /* 9223372036854.775807 would round up past the limit, so it rounds
   * toward zero to the nearest value with that many decimals. */
  g_assert_cmpint (palier_decimal_round (PALIER_DECIMAL_MAX, 0), ==, D (9223372036854, 0));
  g_assert_cmpint (palier_decimal_round (PALIER_DECIMAL_MIN, 0), ==, D (-9223372036854, 0));
  g_assert_cmpint (palier_decimal_round (PALIER_DECIMAL_MAX, 2), ==, D (9223372036854, 770000));
  g_assert_cmpint (palier_decimal_round (PALIER_DECIMAL_MAX, 5), ==, D (9223372036854, 775800));
}

static void
test_add_sub_overflow (void)
{
  PalierDecimal out = 42;

  g_assert_true (palier_decimal_add (D (1, 500000), D (2, 600000), &out));
  g_assert_cmpint (out, ==, D (4, 100000));
  g_assert_true (palier_decimal_sub (D (1, 500000), D (2, 600000), &out));
  g_assert_cmpint (out, ==, D (-1, -100000));

  g_assert_true (palier_decimal_add (PALIER_DECIMAL_MAX, 0, &out));
  g_assert_cmpint (out, ==, PALIER_DECIMAL_MAX);

  out = 42;
  g_assert_false (palier_decimal_add (PALIER_DECIMAL_MAX, 1, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (palier_decimal_add (PALIER_DECIMAL_MIN, -1, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (palier_decimal_sub (PALIER_DECIMAL_MIN, 1, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (palier_decimal_sub (PALIER_DECIMAL_MAX, -1, &out));
  g_assert_cmpint (out, ==, 42);

  /* The range is symmetric, so negating the minimum fits. */
  g_assert_true (palier_decimal_sub (0, PALIER_DECIMAL_MIN, &out));
  g_assert_cmpint (out, ==, PALIER_DECIMAL_MAX);
}

static void
test_mul_wide (void)
{
  PalierWide product = palier_decimal_mul_wide (D (150000, 0), 50000);
  PalierWide largest = palier_decimal_mul_wide (PALIER_DECIMAL_MAX, PALIER_DECIMAL_MAX);

  /* 150 000 × 0.05 = 7 500, at scale 10^-12. */
  g_assert_true (product == (PalierWide) 7500 * 1000000000000);
  g_assert_true (palier_decimal_mul_wide (-3, 3) == -9);
  g_assert_true (largest == (PalierWide) G_MAXINT64 * G_MAXINT64);
}

static void
test_wide_round (void)
{
  PalierDecimal out = 42;
  PalierWide scale12 = 1000000000000;

  /* 22.9960 × 0.05 = 1.1498 at scale 10^-12, to 2 decimals: 1.15. */
  g_assert_true (palier_wide_round (palier_decimal_mul_wide (D (22, 996000), 50000),
                                    12, 2, &out));
  g_assert_cmpint (out, ==, D (1, 150000));

  /* Exactly half a cent, both signs. */
  g_assert_true (palier_wide_round (scale12 / 200, 12, 2, &out));
  g_assert_cmpint (out, ==, 10000);
  g_assert_true (palier_wide_round (-scale12 / 200, 12, 2, &out));
  g_assert_cmpint (out, ==, -10000);
  g_assert_true (palier_wide_round (scale12 / 200 - 1, 12, 2, &out));
  g_assert_cmpint (out, ==, 0);

  /* Scale 10^-18 to 0 decimals (JPY). */
  g_assert_true (palier_wide_round ((PalierWide) 12345 * scale12 * 1000000 + scale12 * 500000,
                                    18, 0, &out));
  g_assert_cmpint (out, ==, D (12346, 0));

  /* A scale coarser than the decimals only widens: 7 units at scale 1. */
  g_assert_true (palier_wide_round (7, 0, 2, &out));
  g_assert_cmpint (out, ==, D (7, 0));
  g_assert_true (palier_wide_round (-75, 1, 6, &out));
  g_assert_cmpint (out, ==, D (-7, -500000));
}

static void
test_wide_round_overflow (void)
{
  PalierDecimal out = 42;
  PalierWide limit = (PalierWide) PALIER_DECIMAL_MAX;

  g_assert_true (palier_wide_round (limit, 6, 6, &out));
  g_assert_cmpint (out, ==, PALIER_DECIMAL_MAX);

  out = 42;
  g_assert_false (palier_wide_round (limit + 1, 6, 6, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (palier_wide_round (-limit - 1, 6, 6, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (palier_wide_round (limit * 1000000, 12, 0, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (palier_wide_round (limit, 0, 2, &out));
  g_assert_cmpint (out, ==, 42);
}

static void
test_wide_div_round (void)
{
  g_assert_true (palier_wide_div_round (7, 2) == 4);
  g_assert_true (palier_wide_div_round (-7, 2) == -4);
  g_assert_true (palier_wide_div_round (7, -2) == -4);
  g_assert_true (palier_wide_div_round (-7, -2) == 4);
  g_assert_true (palier_wide_div_round (5, 3) == 2);
  g_assert_true (palier_wide_div_round (4, 3) == 1);
  g_assert_true (palier_wide_div_round (-4, 3) == -1);
  g_assert_true (palier_wide_div_round (-5, 3) == -2);
  g_assert_true (palier_wide_div_round (0, 9) == 0);
  g_assert_true (palier_wide_div_round (9, 9) == 1);
}

static void
test_mul_div_round (void)
{
  PalierWide out = 42;
  PalierWide e18 = (PalierWide) 1000000000 * 1000000000;
  PalierWide e30 = e18 * 1000000000000;
  PalierWide largest = ((PalierWide) 1 << 126) - 1 + ((PalierWide) 1 << 126);

  g_assert_true (palier_wide_mul_div_round (7, 1, 2, &out));
  g_assert_true (out == 4);
  g_assert_true (palier_wide_mul_div_round (-7, 1, 2, &out));
  g_assert_true (out == -4);
  g_assert_true (palier_wide_mul_div_round (7, -1, -2, &out));
  g_assert_true (out == 4);
  g_assert_true (palier_wide_mul_div_round (5, 1, -3, &out));
  g_assert_true (out == -2);
  g_assert_true (palier_wide_mul_div_round (0, -5, 3, &out));
  g_assert_true (out == 0);

  /* 10^30 * 10^30 / 10^30: the product needs about 200 bits. */
  g_assert_true (palier_wide_mul_div_round (e30, e30, e30, &out));
  g_assert_true (out == e30);

  /* (2 10^18 ± 1) 10^30 / (2 10^30) = 10^18 ± 0.5, away from zero. */
  g_assert_true (palier_wide_mul_div_round (2 * e18 + 1, e30, 2 * e30, &out));
  g_assert_true (out == e18 + 1);
  g_assert_true (palier_wide_mul_div_round (2 * e18 - 1, e30, 2 * e30, &out));
  g_assert_true (out == e18);
  g_assert_true (palier_wide_mul_div_round (-2 * e18 - 1, e30, 2 * e30, &out));
  g_assert_true (out == -e18 - 1);

  /* 2^127 - 1 fits; one more does not. */
  g_assert_true (palier_wide_mul_div_round (largest, 1, 1, &out));
  g_assert_true (out == largest);
  g_assert_true (palier_wide_mul_div_round (-largest, 1, 1, &out));
  g_assert_true (out == -largest);

  out = 42;
  g_assert_false (palier_wide_mul_div_round (largest, 2, 1, &out));
  g_assert_true (out == 42);
  g_assert_false (palier_wide_mul_div_round (e30, e30, 1, &out));
  g_assert_true (out == 42);
  g_assert_false (palier_wide_mul_div_round (1, 1, 0, &out));
  g_assert_true (out == 42);
}

static void
test_mul_div_round_half (void)
{
  PalierWide out = 0;
  PalierWide big = (PalierWide) 1 << 100;

  /* big * 3 / (2 big) = 1.5 rounds away from zero, both signs. */
  g_assert_true (palier_wide_mul_div_round (big, 3, 2 * big, &out));
  g_assert_true (out == 2);
  g_assert_true (palier_wide_mul_div_round (-big, 3, 2 * big, &out));
  g_assert_true (out == -2);

  /* Just below one half rounds toward zero. */
  g_assert_true (palier_wide_mul_div_round (big - 1, 1, 2 * big, &out));
  g_assert_true (out == 0);
  g_assert_true (palier_wide_mul_div_round (big + 1, 1, 2 * big, &out));
  g_assert_true (out == 1);
}

static void
test_compare_products (void)
{
  PalierWide e30 = (PalierWide) 1000000000000000 * 1000000000000000;

  g_assert_cmpint (palier_wide_compare_products (2, 3, 3, 2), ==, 0);
  g_assert_cmpint (palier_wide_compare_products (2, 3, 7, 1), <, 0);
  g_assert_cmpint (palier_wide_compare_products (-2, 3, 1, 1), <, 0);
  g_assert_cmpint (palier_wide_compare_products (-2, 3, -7, 1), >, 0);
  g_assert_cmpint (palier_wide_compare_products (-2, -3, 6, 1), ==, 0);
  g_assert_cmpint (palier_wide_compare_products (0, 3, 0, -9), ==, 0);
  g_assert_cmpint (palier_wide_compare_products (0, 3, 1, -9), >, 0);

  /* Products near 10^60 that differ by one unit of 10^30. */
  g_assert_cmpint (palier_wide_compare_products (e30, e30 + 1, e30 + 1, e30), ==, 0);
  g_assert_cmpint (palier_wide_compare_products (e30, e30 + 1, e30, e30), >, 0);
  g_assert_cmpint (palier_wide_compare_products (-e30, e30 + 1, -e30, e30), <, 0);
}

static void
test_compare_product (void)
{
  PalierDecimal quota = D (100000, 0);

  /* 1.0 × 100 000 against bases around 100 000. */
  g_assert_cmpint (palier_decimal_compare_product (D (100000, 0), D (1, 0), quota), ==, 0);
  g_assert_cmpint (palier_decimal_compare_product (D (99999, 999999), D (1, 0), quota), <, 0);
  g_assert_cmpint (palier_decimal_compare_product (D (100000, 1), D (1, 0), quota), >, 0);

  /* 0.333333 × 3 = 0.999999: exact, no rounding of the product. */
  g_assert_cmpint (palier_decimal_compare_product (999999, 333333, D (3, 0)), ==, 0);

  /* 0.000001 × 0.5 = 0.0000005 lies strictly between 0 and 0.000001. */
  g_assert_cmpint (palier_decimal_compare_product (0, 1, 500000), <, 0);
  g_assert_cmpint (palier_decimal_compare_product (1, 1, 500000), >, 0);

  g_assert_cmpint (palier_decimal_compare_product (PALIER_DECIMAL_MAX,
                                                   PALIER_DECIMAL_MAX,
                                                   PALIER_DECIMAL_MAX), <, 0);
  g_assert_cmpint (palier_decimal_compare_product (D (-5, 0), D (-1, 0), D (5, 0)), ==, 0);
}

static void
test_to_double (void)
{
  g_assert_cmpfloat_with_epsilon (palier_decimal_to_double (D (-12, -500000)), -12.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (palier_decimal_to_double (1), 1e-6, 1e-15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/decimal/parse/valid", test_parse_valid);
  g_test_add_func ("/decimal/parse/length", test_parse_length);
  g_test_add_func ("/decimal/parse/invalid", test_parse_invalid);
  g_test_add_func ("/decimal/parse/error-names-value", test_parse_error_names_value);
  g_test_add_func ("/decimal/format/fixed", test_format);
  g_test_add_func ("/decimal/format/exact", test_format_exact);
  g_test_add_func ("/decimal/format/round-trip", test_format_round_trip);
  g_test_add_func ("/decimal/from-int", test_from_int);
  g_test_add_func ("/decimal/round/half-away", test_round_half_away);
  g_test_add_func ("/decimal/round/near-limits", test_round_near_limits);
  g_test_add_func ("/decimal/add-sub/overflow", test_add_sub_overflow);
  g_test_add_func ("/decimal/wide/mul", test_mul_wide);
  g_test_add_func ("/decimal/wide/round", test_wide_round);
  g_test_add_func ("/decimal/wide/round-overflow", test_wide_round_overflow);
  g_test_add_func ("/decimal/wide/div-round", test_wide_div_round);
  g_test_add_func ("/decimal/wide/mul-div-round", test_mul_div_round);
  g_test_add_func ("/decimal/wide/mul-div-round-half", test_mul_div_round_half);
  g_test_add_func ("/decimal/wide/compare-products", test_compare_products);
  g_test_add_func ("/decimal/compare-product", test_compare_product);
  g_test_add_func ("/decimal/to-double", test_to_double);

  return g_test_run ();
}
