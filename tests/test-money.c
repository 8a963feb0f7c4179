/* test-money.c: currency tables and locale-aware display of amounts */

#include "config.h"

#include <langinfo.h>
#include <locale.h>

#include "palier.h"
#include "palier-test.h"

#define D(units, millionths) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE + (millionths))

/* Switches the whole process to @name, or skips the test when the locale
 * is not installed.  Returns whether the test can go on. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("locale %s is not installed; "
                                                 "generate it with localedef", name);
      g_test_skip (reason);
      return FALSE;
    }
  return TRUE;
}

static void
restore_c_locale (void)
{
  setlocale (LC_ALL, "C");
}

typedef struct {
  const char *code;
  int         digits;
} DigitsCase;

static void
test_minor_digits (void)
{
  static const DigitsCase cases[] = {
    { "EUR", 2 }, { "USD", 2 }, { "GBP", 2 }, { "CHF", 2 },
    { "JPY", 0 }, { "KRW", 0 }, { "CLP", 0 }, { "ISK", 0 }, { "VND", 0 },
    { "XOF", 0 }, { "BHD", 3 }, { "KWD", 3 }, { "OMR", 3 }, { "JOD", 3 },
    { "TND", 3 }, { "IQD", 3 }, { "LYD", 3 }, { "CLF", 4 },
    { "ZZZ", 2 }, { "", 2 }, { "jpy", 2 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("currency “%s”", cases[i].code);
      g_assert_cmpint (palier_currency_minor_digits (cases[i].code), ==, cases[i].digits);
    }
}

static void
test_currency_valid (void)
{
  g_assert_true (palier_currency_is_valid ("EUR"));
  g_assert_true (palier_currency_is_valid ("XYZ"));
  g_assert_false (palier_currency_is_valid ("eur"));
  g_assert_false (palier_currency_is_valid ("EU"));
  g_assert_false (palier_currency_is_valid ("EURO"));
  g_assert_false (palier_currency_is_valid (""));
  g_assert_false (palier_currency_is_valid ("E1R"));
  g_assert_false (palier_currency_is_valid ("ÉUR"));
}

static void
test_currency_symbol (void)
{
  const char *unknown = "CHF";

  g_assert_cmpstr (palier_currency_symbol ("USD"), ==, "$");
  g_assert_cmpstr (palier_currency_symbol ("EUR"), ==, "€");
  g_assert_cmpstr (palier_currency_symbol ("GBP"), ==, "£");
  g_assert_cmpstr (palier_currency_symbol ("JPY"), ==, "¥");
  g_assert_cmpstr (palier_currency_symbol ("CAD"), ==, "CA$");
  g_assert_true (palier_currency_symbol (unknown) == unknown);
}

typedef struct {
  PalierDecimal  value;
  int            decimals;
  const char    *text;
} NumberCase;

static void
test_number_c (void)
{
  static const NumberCase cases[] = {
    { 0, 2, "0.00" },
    { D (999, 0), 0, "999" },
    { D (1000, 0), 0, "1,000" },
    { D (1234, 560000), 2, "1,234.56" },
    { D (-1234, -560000), 2, "-1,234.56" },
    { D (1234567890, 123456), 2, "1,234,567,890.12" },
    { D (123456, 0), 2, "123,456.00" },
    { D (999999, 500000), 0, "1,000,000" },
    { D (-999999, -500000), 0, "-1,000,000" },
    { D (0, -4999), 2, "0.00" },
    { D (0, -5000), 2, "-0.01" },
    { D (22, 996000), 3, "22.996" },
    { PALIER_DECIMAL_MAX, 6, "9,223,372,036,854.775807" },
  };

  restore_c_locale ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = palier_format_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

typedef struct {
  PalierDecimal  value;
  const char    *currency;
  const char    *text;
} MoneyCase;

static void
test_money_c (void)
{
  static const MoneyCase cases[] = {
    { D (1234, 560000), "USD", "$1,234.56" },
    { D (-1234, -560000), "USD", "-$1,234.56" },
    { D (123456000, 0), "EUR", "€123,456,000.00" },
    { D (0, 5000), "EUR", "€0.01" },
    { D (0, -4999), "EUR", "€0.00" },
    { D (1234, 500000), "JPY", "¥1,235" },
    { D (-1234, -500000), "JPY", "-¥1,235" },
    { D (1234, 499999), "JPY", "¥1,234" },
    { D (1, 234500), "BHD", "BHD 1.235" },
    { D (-1, -234500), "BHD", "-BHD 1.235" },
    { D (1500, 0), "CHF", "CHF 1,500.00" },
  };

  restore_c_locale ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = palier_format_money (cases[i].value, cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_percent_c (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *rounded = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *tiny = NULL;
  g_autofree char *large = NULL;

  restore_c_locale ();

  plain = palier_format_percent (63800, 2);
  rounded = palier_format_percent (63849, 2);
  negative = palier_format_percent (-63850, 1);
  tiny = palier_format_percent (1, 4);
  large = palier_format_percent (D (12, 0), 0);

  g_assert_cmpstr (plain, ==, "6.38%");
  g_assert_cmpstr (rounded, ==, "6.38%");
  g_assert_cmpstr (negative, ==, "-6.4%");
  g_assert_cmpstr (tiny, ==, "0.0001%");
  g_assert_cmpstr (large, ==, "1,200%");
}

/* Builds "123<separator>456,00 €" from a pattern where '_' marks the
 * locale's group separator, so the checks hold for the separator glibc
 * uses, whichever that is. */
static char *
expand_separator (const char *pattern,
                  const char *separator)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "_", -1);

  return g_strjoinv (separator, parts);
}

static void
test_number_french (void)
{
  static const NumberCase cases[] = {
    { D (1234, 560000), 2, "1_234,56" },
    { D (-1234, -560000), 2, "-1_234,56" },
    { D (999, 0), 0, "999" },
    { D (1234567, 0), 0, "1_234_567" },
  };

  if (!use_locale ("fr_FR.UTF-8"))
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = palier_format_number (cases[i].value, cases[i].decimals);
      g_autofree char *expected = expand_separator (cases[i].text, nl_langinfo (THOUSEP));

      g_assert_cmpstr (text, ==, expected);
    }

  restore_c_locale ();
}

static void
test_money_french (void)
{
  static const MoneyCase cases[] = {
    { 123456000000, "EUR", "123_456,00 €" },
    { D (-1234, -500000), "EUR", "-1_234,50 €" },
    { D (999, 995000), "EUR", "1_000,00 €" },
    { D (0, 4000), "EUR", "0,00 €" },
    { D (1234, 500000), "JPY", "1_235 ¥" },
    { D (1500, 0), "CHF", "1_500,00 CHF" },
  };

  if (!use_locale ("fr_FR.UTF-8"))
    return;

  /* glibc 2.36 groups French amounts with U+202F NARROW NO-BREAK SPACE.
   * The checks below take the locale's own separator. */
  g_assert_cmpstr (nl_langinfo (MON_THOUSANDS_SEP), !=, "");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = palier_format_money (cases[i].value, cases[i].currency);
      g_autofree char *expected = expand_separator (cases[i].text,
                                                    nl_langinfo (MON_THOUSANDS_SEP));

      g_assert_cmpstr (text, ==, expected);
    }

  restore_c_locale ();
}

static void
test_percent_french_number (void)
{
  g_autofree char *text = NULL;

  if (!use_locale ("fr_FR.UTF-8"))
    return;

  /* Without a French catalogue loaded the sign follows the number
   * directly; the catalogue adds the space. */
  text = palier_format_percent (63800, 2);
  g_assert_true (g_str_has_prefix (text, "6,38"));
  g_assert_true (g_str_has_suffix (text, "%"));

  restore_c_locale ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/money/currency/minor-digits", test_minor_digits);
  g_test_add_func ("/money/currency/valid", test_currency_valid);
  g_test_add_func ("/money/currency/symbol", test_currency_symbol);
  g_test_add_func ("/money/format/number-c", test_number_c);
  g_test_add_func ("/money/format/money-c", test_money_c);
  g_test_add_func ("/money/format/percent-c", test_percent_c);
  g_test_add_func ("/money/format/number-french", test_number_french);
  g_test_add_func ("/money/format/money-french", test_money_french);
  g_test_add_func ("/money/format/percent-french", test_percent_french_number);

  return g_test_run ();
}
