/* test-number.c: numbers and dates as spreadsheets export them */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

/* Millionths, to write expected values readably. */
#define M(units, millionths) ((PalierDecimal) (units) * 1000000 + (millionths))

typedef struct {
  const char    *text;
  PalierDecimal  expected;
} NumberCase;

static void
check_numbers (const NumberCase  *cases,
               guint              n_cases,
               PalierDecimalMark  mark)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDecimal value = 0;
      gboolean ok = palier_number_parse (cases[i].text, strlen (cases[i].text),
                                         mark, &value, &error);

      g_test_message ("number “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (value, ==, cases[i].expected);
    }
}

static void
check_number_errors (const char *const *texts,
                     PalierDecimalMark  mark,
                     int                code)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDecimal value = 0;

      g_test_message ("number “%s”", texts[i]);
      g_assert_false (palier_number_parse (texts[i], strlen (texts[i]), mark, &value, &error));
      g_assert_error (error, PALIER_PARSE_ERROR, code);
    }
}

static void
test_number_point (void)
{
  static const NumberCase cases[] = {
    { "1234.56", M (1234, 560000) },
    { "1,234.56", M (1234, 560000) },
    { "1 234.56", M (1234, 560000) },
    { "1'234.56", M (1234, 560000) },
    { "1’234.56", M (1234, 560000) },
    { "12,345,678", M (12345678, 0) },
    { "0.000001", 1 },
    { "0.1234560000", M (0, 123456) },
    { ".5", M (0, 500000) },
    { "12.", M (12, 0) },
    { "  42  ", M (42, 0) },
    { "9223372036854.775807", PALIER_DECIMAL_MAX },
  };

  check_numbers (cases, G_N_ELEMENTS (cases), PALIER_DECIMAL_MARK_POINT);
}

static void
test_number_comma (void)
{
  static const NumberCase cases[] = {
    { "1234,56", M (1234, 560000) },
    { "1 234,56", M (1234, 560000) },
    { "1\u00a0234,56", M (1234, 560000) },
    { "1\u202f234,56", M (1234, 560000) },
    { "1\u2009234,56", M (1234, 560000) },
    { "1.234,56", M (1234, 560000) },
    { "1.234.567,8", M (1234567, 800000) },
    { "1'234,56", M (1234, 560000) },
    { "0,5", M (0, 500000) },
    { "12 345 678", M (12345678, 0) },
  };

  check_numbers (cases, G_N_ELEMENTS (cases), PALIER_DECIMAL_MARK_COMMA);
}

static void
test_number_negatives (void)
{
  static const NumberCase cases[] = {
    { "-12.5", M (-12, -500000) },
    { "(12.5)", M (-12, -500000) },
    { "12.5-", M (-12, -500000) },
    { "- 12.5", M (-12, -500000) },
    { "12.5 -", M (-12, -500000) },
    { "\u221212.5", M (-12, -500000) },
    { "( 12.5 )", M (-12, -500000) },
    { "+12.5", M (12, 500000) },
    { "-0", 0 },
  };

  check_numbers (cases, G_N_ELEMENTS (cases), PALIER_DECIMAL_MARK_POINT);
}

static void
test_number_currency (void)
{
  static const NumberCase point_cases[] = {
    { "$12", M (12, 0) },
    { "$ 1,234.50", M (1234, 500000) },
    { "($1,234.50)", M (-1234, -500000) },
    { "-$12", M (-12, 0) },
    { "$-12", M (-12, 0) },
    { "£3.50", M (3, 500000) },
    { "12 $", M (12, 0) },
  };
  static const NumberCase comma_cases[] = {
    { "12 €", M (12, 0) },
    { "1 234,50 €", M (1234, 500000) },
    { "€12,5", M (12, 500000) },
    { "-1 234,50\u00a0€", M (-1234, -500000) },
  };

  check_numbers (point_cases, G_N_ELEMENTS (point_cases), PALIER_DECIMAL_MARK_POINT);
  check_numbers (comma_cases, G_N_ELEMENTS (comma_cases), PALIER_DECIMAL_MARK_COMMA);
}

static void
test_number_invalid (void)
{
  static const char *const point_syntax[] = {
    "", "   ", "abc", "1e3", "12,3.4", "1,23.5", "1,2345", "1 234 56",
    "1,234 567", "1234,567", "--12", "(-12)", "-12-", "+-12", "1.2.3", "$$12",
    "12%", ".", "-", "()", "1,,234", ",234", "1 234\t567", NULL,
  };
  static const char *const comma_syntax[] = {
    "1.5", "1,234.56", "12.34", NULL,
  };
  static const char *const range[] = {
    "0.1234567", "1.0000001", "10000000000000", "9223372036854.775808", NULL,
  };

  check_number_errors (point_syntax, PALIER_DECIMAL_MARK_POINT, PALIER_PARSE_ERROR_NUMBER);
  check_number_errors (comma_syntax, PALIER_DECIMAL_MARK_COMMA, PALIER_PARSE_ERROR_NUMBER);
  check_number_errors (range, PALIER_DECIMAL_MARK_POINT, PALIER_PARSE_ERROR_RANGE);
}

static void
test_number_error_names_value (void)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  g_assert_false (palier_number_parse ("12,3.4", 6, PALIER_DECIMAL_MARK_POINT, &value, &error));
  g_assert_nonnull (strstr (error->message, "“12,3.4”"));
}

/* Only the first @len bytes count, as with fields of a record. */
static void
test_number_length (void)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  g_assert_true (palier_number_parse ("12.5;99", 4, PALIER_DECIMAL_MARK_POINT, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, M (12, 500000));
}

static void
test_number_auto (void)
{
  static const NumberCase cases[] = {
    { "12", M (12, 0) },
    { "1,5", M (1, 500000) },
    { "1.5", M (1, 500000) },
    { "1 234,56", M (1234, 560000) },
    { "1,234.56", M (1234, 560000) },
  };
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  check_numbers (cases, G_N_ELEMENTS (cases), PALIER_DECIMAL_MARK_AUTO);

  g_assert_false (palier_number_parse ("1,234", 5, PALIER_DECIMAL_MARK_AUTO, &value, &error));
  g_assert_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_AMBIGUOUS);
}

static PalierNumberSniffer
sniff_numbers (const char *const *texts)
{
  PalierNumberSniffer sniffer = { 0, };

  for (guint i = 0; texts[i] != NULL; i++)
    palier_number_sniffer_add (&sniffer, texts[i], strlen (texts[i]));
  return sniffer;
}

static void
test_number_sniffer (void)
{
  PalierNumberSniffer point = sniff_numbers ((const char *[]) { "1,234.56", "12", "3.5", NULL });
  PalierNumberSniffer comma = sniff_numbers ((const char *[]) { "1 234,56", "2,5", "", NULL });
  PalierNumberSniffer undecided = sniff_numbers ((const char *[]) { "1,234", "12", NULL });
  PalierNumberSniffer text = sniff_numbers ((const char *[]) { "ACME", "B-2", NULL });

  g_assert_cmpint (palier_number_sniffer_result (&point), ==, PALIER_DECIMAL_MARK_POINT);
  g_assert_cmpuint (point.point_votes, ==, 2);
  g_assert_cmpuint (point.n_values, ==, 3);

  g_assert_cmpint (palier_number_sniffer_result (&comma), ==, PALIER_DECIMAL_MARK_COMMA);
  g_assert_cmpuint (comma.comma_votes, ==, 2);
  g_assert_cmpuint (comma.n_values, ==, 2);

  g_assert_cmpint (palier_number_sniffer_result (&undecided), ==, PALIER_DECIMAL_MARK_AUTO);
  g_assert_cmpuint (undecided.ambiguous, ==, 1);

  g_assert_cmpint (palier_number_sniffer_result (&text), ==, PALIER_DECIMAL_MARK_AUTO);
  g_assert_cmpuint (text.invalid, ==, 2);
}

static void
test_decimal_mark_names (void)
{
  PalierDecimalMark mark = PALIER_DECIMAL_MARK_AUTO;

  g_assert_cmpstr (palier_decimal_mark_to_string (PALIER_DECIMAL_MARK_COMMA), ==, "comma");
  g_assert_true (palier_decimal_mark_from_string ("Point", &mark));
  g_assert_cmpint (mark, ==, PALIER_DECIMAL_MARK_POINT);
  g_assert_true (palier_decimal_mark_from_string (",", &mark));
  g_assert_cmpint (mark, ==, PALIER_DECIMAL_MARK_COMMA);
  g_assert_false (palier_decimal_mark_from_string ("semicolon", &mark));
}

/* Dates */

typedef struct {
  const char      *text;
  PalierDateOrder  order;
  PalierDate       expected;
} DateCase;

static void
check_dates (const DateCase *cases,
             guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDate date = PALIER_DATE_NONE;
      gboolean ok = palier_date_parse_text (cases[i].text, strlen (cases[i].text),
                                            cases[i].order, &date, &error);

      g_test_message ("date “%s” as %s", cases[i].text,
                      palier_date_order_to_string (cases[i].order));
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (date, ==, cases[i].expected);
    }
}

static void
check_date_errors (const char *const *texts,
                   PalierDateOrder    order,
                   int                code)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDate date = PALIER_DATE_NONE;

      g_test_message ("date “%s” as %s", texts[i], palier_date_order_to_string (order));
      g_assert_false (palier_date_parse_text (texts[i], strlen (texts[i]), order, &date, &error));
      g_assert_error (error, PALIER_PARSE_ERROR, code);
    }
}

static void
test_date_orders (void)
{
  static const DateCase cases[] = {
    { "2017-01-03", PALIER_DATE_ORDER_YMD, 20170103 },
    { "2017/1/3", PALIER_DATE_ORDER_YMD, 20170103 },
    { "3/15/2017", PALIER_DATE_ORDER_MDY, 20170315 },
    { "03/15/2017", PALIER_DATE_ORDER_MDY, 20170315 },
    { "1/2/2017", PALIER_DATE_ORDER_MDY, 20170102 },
    { "1/2/2017", PALIER_DATE_ORDER_DMY, 20170201 },
    { "15/03/2017", PALIER_DATE_ORDER_DMY, 20170315 },
    { "15.03.2017", PALIER_DATE_ORDER_DMY, 20170315 },
    { "15-3-2017", PALIER_DATE_ORDER_DMY, 20170315 },
    { "2/29/2016", PALIER_DATE_ORDER_MDY, 20160229 },
    { " 2017-12-31 ", PALIER_DATE_ORDER_YMD, 20171231 },
  };

  check_dates (cases, G_N_ELEMENTS (cases));
}

static void
test_date_time_part (void)
{
  static const DateCase cases[] = {
    { "2/24/2003 0:00", PALIER_DATE_ORDER_MDY, 20030224 },
    { "11/18/2003 0:00", PALIER_DATE_ORDER_MDY, 20031118 },
    { "2017-01-03 10:00:00", PALIER_DATE_ORDER_YMD, 20170103 },
    { "2017-01-03T10:00:00Z", PALIER_DATE_ORDER_YMD, 20170103 },
    { "2017-01-03T10:00:00.123+02:00", PALIER_DATE_ORDER_YMD, 20170103 },
    { "2017-01-03 00:00:00.000", PALIER_DATE_ORDER_YMD, 20170103 },
    { "1/2/2017 10:30 PM", PALIER_DATE_ORDER_MDY, 20170102 },
    { "31.12.2017 23:59", PALIER_DATE_ORDER_DMY, 20171231 },
  };
  static const char *const invalid[] = {
    "2017-01-03 25:00", "2017-01-03 junk", "2017-01-03T", "2017-01-03 10",
    "2017-01-03 10:0", "2017-01-03 10:00:00.", NULL,
  };

  check_dates (cases, G_N_ELEMENTS (cases));
  check_date_errors (invalid, PALIER_DATE_ORDER_YMD, PALIER_PARSE_ERROR_DATE);
}

static void
test_date_invalid (void)
{
  static const char *const mdy_invalid[] = {
    "2/30/2017", "2/29/2017", "13/1/2017", "0/1/2017", "1/32/2017", "15/03/2017",
    "3/15/17", "", "yesterday", "1/2-2017", "12345/1/1", "1/2/20170", NULL,
  };
  static const char *const ymd_invalid[] = {
    "2017-02-30", "2017-13-01", "0000-01-01", "2017-1-3-4", "17-01-03", NULL,
  };

  check_date_errors (mdy_invalid, PALIER_DATE_ORDER_MDY, PALIER_PARSE_ERROR_DATE);
  check_date_errors (ymd_invalid, PALIER_DATE_ORDER_YMD, PALIER_PARSE_ERROR_DATE);
}

/* An order fixes the shape: a year-last date in a year-first column is
 * rejected instead of being read in some day-month order, and the
 * reverse. */
static void
test_date_shape (void)
{
  static const char *const year_last[] = {
    "03/04/2017", "3/15/2017", "15.03.2017", "1/2/2017 10:30 PM", NULL,
  };
  static const char *const year_first[] = {
    "2017-03-04", "2017/1/3", "2017-01-03T10:00:00Z", NULL,
  };
  g_autoptr(GError) error = NULL;
  PalierDate date = PALIER_DATE_NONE;

  check_date_errors (year_last, PALIER_DATE_ORDER_YMD, PALIER_PARSE_ERROR_DATE_SHAPE);
  check_date_errors (year_first, PALIER_DATE_ORDER_MDY, PALIER_PARSE_ERROR_DATE_SHAPE);
  check_date_errors (year_first, PALIER_DATE_ORDER_DMY, PALIER_PARSE_ERROR_DATE_SHAPE);

  g_assert_false (palier_date_parse_text ("03/04/2017", 10, PALIER_DATE_ORDER_YMD, &date, &error));
  g_assert_cmpint (date, ==, PALIER_DATE_NONE);
  g_assert_nonnull (strstr (error->message, "“03/04/2017”"));
  g_assert_nonnull (strstr (error->message, "year-month-day"));
  g_clear_error (&error);

  g_assert_false (palier_date_parse_text ("2017-03-04", 10, PALIER_DATE_ORDER_DMY, &date, &error));
  g_assert_nonnull (strstr (error->message, "“2017-03-04”"));
  g_assert_nonnull (strstr (error->message, "day/month/year"));
}

static void
test_date_error_names_value (void)
{
  g_autoptr(GError) error = NULL;
  PalierDate date = PALIER_DATE_NONE;

  g_assert_false (palier_date_parse_text ("2/30/2017", 9, PALIER_DATE_ORDER_MDY, &date, &error));
  g_assert_nonnull (strstr (error->message, "“2/30/2017”"));
  g_assert_nonnull (strstr (error->message, "month/day/year"));
}

static void
test_date_auto (void)
{
  static const DateCase cases[] = {
    { "3/15/2017", PALIER_DATE_ORDER_AUTO, 20170315 },
    { "15/3/2017", PALIER_DATE_ORDER_AUTO, 20170315 },
    { "4/4/2017", PALIER_DATE_ORDER_AUTO, 20170404 },
    { "2017-04-03", PALIER_DATE_ORDER_AUTO, 20170403 },
  };
  g_autoptr(GError) error = NULL;
  PalierDate date = PALIER_DATE_NONE;

  check_dates (cases, G_N_ELEMENTS (cases));

  g_assert_false (palier_date_parse_text ("3/4/2017", 8, PALIER_DATE_ORDER_AUTO, &date, &error));
  g_assert_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_AMBIGUOUS);
}

static PalierDateOrder
sniff_dates (const char *const *texts)
{
  PalierDateSniffer sniffer = { 0, };

  for (guint i = 0; texts[i] != NULL; i++)
    palier_date_sniffer_add (&sniffer, texts[i], strlen (texts[i]));
  return palier_date_sniffer_result (&sniffer);
}

static void
test_date_sniffer (void)
{
  g_assert_cmpint (sniff_dates ((const char *[]) { "2017-01-03", "2017-12-31", NULL }),
                   ==, PALIER_DATE_ORDER_YMD);
  g_assert_cmpint (sniff_dates ((const char *[]) { "1/2/2017", "3/15/2017 0:00", NULL }),
                   ==, PALIER_DATE_ORDER_MDY);
  g_assert_cmpint (sniff_dates ((const char *[]) { "15/03/2017", "1/2/2017", NULL }),
                   ==, PALIER_DATE_ORDER_DMY);
  g_assert_cmpint (sniff_dates ((const char *[]) { "1/2/2017", "3/4/2017", "", NULL }),
                   ==, PALIER_DATE_ORDER_AUTO);
  g_assert_cmpint (sniff_dates ((const char *[]) { "2017-01-03", "3/15/2017", NULL }),
                   ==, PALIER_DATE_ORDER_AUTO);
  g_assert_cmpint (sniff_dates ((const char *[]) { "2017-01-03", "3/15/2017", "4/15/2017", NULL }),
                   ==, PALIER_DATE_ORDER_MDY);
  g_assert_cmpint (sniff_dates ((const char *[]) { "15.03.2017", "16.03.2017", "junk", NULL }),
                   ==, PALIER_DATE_ORDER_DMY);
  g_assert_cmpint (sniff_dates ((const char *[]) { "2017-01-03", "2017-02-30", NULL }),
                   ==, PALIER_DATE_ORDER_YMD);
  g_assert_cmpint (sniff_dates ((const char *[]) { "1/2/2017", "3/4/2017", "junk", NULL }),
                   ==, PALIER_DATE_ORDER_AUTO);
  g_assert_cmpint (sniff_dates ((const char *[]) { "", NULL }), ==, PALIER_DATE_ORDER_AUTO);
  g_assert_cmpint (sniff_dates ((const char *[]) { "12/25/2017", "25/12/2017", "1/2/2017", NULL }),
                   ==, PALIER_DATE_ORDER_AUTO);
}

/* Year-first dates with one day-month date: the shape of most values
 * decides, so the stray one does not make the column day-month. */
static void
test_date_sniffer_shapes (void)
{
  PalierDateSniffer sniffer = { 0, };

  for (int day = 10; day < 40; day++)
    {
      g_autofree char *text = g_strdup_printf ("2017-%02d-%02d", day / 28 + 1, day % 28 + 1);

      palier_date_sniffer_add (&sniffer, text, strlen (text));
    }
  palier_date_sniffer_add (&sniffer, "03/04/2017", 10);

  g_assert_cmpint (palier_date_sniffer_result (&sniffer), ==, PALIER_DATE_ORDER_YMD);
  g_assert_cmpuint (sniffer.n_values, ==, 31);
  g_assert_cmpuint (sniffer.ymd_ok, ==, 30);
  g_assert_cmpuint (palier_date_sniffer_year_last (&sniffer), ==, 1);
  g_assert_cmpuint (sniffer.both_ok, ==, 1);
}

/* The first value of each kind is kept, trimmed and cut on a character
 * boundary, for the notes to quote. */
static void
test_date_sniffer_examples (void)
{
  static const char long_date[] = "2017-01-03T10:00:00.123456789012345+02:00";
  PalierDateSniffer sniffer = { 0, };
  const char *texts[] = {
    " 12/25/2017 ", "25/12/2017", "1/2/2017", "3/4/2017", "12/26/2017", "", "junk", NULL,
  };

  palier_date_sniffer_add (&sniffer, long_date, strlen (long_date));
  for (guint i = 0; texts[i] != NULL; i++)
    palier_date_sniffer_add (&sniffer, texts[i], strlen (texts[i]));

  g_assert_cmpuint (sniffer.n_values, ==, 7);
  g_assert_cmpuint (sniffer.ymd_ok, ==, 1);
  g_assert_cmpuint (sniffer.mdy_ok, ==, 4);
  g_assert_cmpuint (sniffer.dmy_ok, ==, 3);
  g_assert_cmpuint (sniffer.both_ok, ==, 2);
  g_assert_cmpuint (palier_date_sniffer_year_last (&sniffer), ==, 5);
  g_assert_cmpstr (sniffer.mdy_only_example, ==, "12/25/2017");
  g_assert_cmpstr (sniffer.dmy_only_example, ==, "25/12/2017");
  g_assert_cmpstr (sniffer.both_example, ==, "1/2/2017");
  g_assert_cmpuint (strlen (sniffer.ymd_example), ==, PALIER_DATE_EXAMPLE_SIZE - 1);
  g_assert_true (g_str_has_prefix (long_date, sniffer.ymd_example));
}

static void
test_date_order_names (void)
{
  static const struct {
    const char      *text;
    PalierDateOrder  order;
  } cases[] = {
    { "YYYY-MM-DD", PALIER_DATE_ORDER_YMD },
    { "iso", PALIER_DATE_ORDER_YMD },
    { "%Y-%m-%d", PALIER_DATE_ORDER_YMD },
    { "MM/DD/YYYY", PALIER_DATE_ORDER_MDY },
    { "m/d/yyyy", PALIER_DATE_ORDER_MDY },
    { "%m/%d/%Y", PALIER_DATE_ORDER_MDY },
    { "MDY", PALIER_DATE_ORDER_MDY },
    { "DD/MM/YYYY", PALIER_DATE_ORDER_DMY },
    { "%d.%m.%Y", PALIER_DATE_ORDER_DMY },
    { "JJ/MM/AAAA", PALIER_DATE_ORDER_DMY },
    { "dmy", PALIER_DATE_ORDER_DMY },
    { "Auto", PALIER_DATE_ORDER_AUTO },
  };
  static const char *const invalid[] = { "YYYY", "MM/MM/YYYY", "tomorrow", "", "DD/MM/YYYY/DD", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PalierDateOrder order = PALIER_DATE_ORDER_AUTO;

      g_test_message ("date format “%s”", cases[i].text);
      g_assert_true (palier_date_order_from_string (cases[i].text, &order));
      g_assert_cmpint (order, ==, cases[i].order);
    }
  for (guint i = 0; invalid[i] != NULL; i++)
    {
      PalierDateOrder order = PALIER_DATE_ORDER_AUTO;

      g_test_message ("date format “%s”", invalid[i]);
      g_assert_false (palier_date_order_from_string (invalid[i], &order));
    }

  /* Each name reads back as its order. */
  for (PalierDateOrder order = PALIER_DATE_ORDER_AUTO; order <= PALIER_DATE_ORDER_DMY; order++)
    {
      PalierDateOrder back = PALIER_DATE_ORDER_AUTO;

      g_assert_true (palier_date_order_from_string (palier_date_order_to_string (order), &back));
      g_assert_cmpint (back, ==, order);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/number/parse/point", test_number_point);
  g_test_add_func ("/number/parse/comma", test_number_comma);
  g_test_add_func ("/number/parse/negatives", test_number_negatives);
  g_test_add_func ("/number/parse/currency", test_number_currency);
  g_test_add_func ("/number/parse/invalid", test_number_invalid);
  g_test_add_func ("/number/parse/error-names-value", test_number_error_names_value);
  g_test_add_func ("/number/parse/length", test_number_length);
  g_test_add_func ("/number/parse/auto", test_number_auto);
  g_test_add_func ("/number/sniffer/marks", test_number_sniffer);
  g_test_add_func ("/number/mark/names", test_decimal_mark_names);
  g_test_add_func ("/date/parse/orders", test_date_orders);
  g_test_add_func ("/date/parse/time-part", test_date_time_part);
  g_test_add_func ("/date/parse/invalid", test_date_invalid);
  g_test_add_func ("/date/parse/shape", test_date_shape);
  g_test_add_func ("/date/parse/error-names-value", test_date_error_names_value);
  g_test_add_func ("/date/parse/auto", test_date_auto);
  g_test_add_func ("/date/sniffer/orders", test_date_sniffer);
  g_test_add_func ("/date/sniffer/shapes", test_date_sniffer_shapes);
  g_test_add_func ("/date/sniffer/examples", test_date_sniffer_examples);
  g_test_add_func ("/date/order/names", test_date_order_names);

  return g_test_run ();
}
