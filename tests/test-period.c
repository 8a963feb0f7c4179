/* test-period.c: dates, days since the epoch and fiscal periods */

#include "config.h"

#include "palier.h"
#include "palier-test.h"

static void
test_date_fields (void)
{
  PalierDate date = palier_date_from_ymd (2017, 3, 15);

  g_assert_cmpint (date, ==, 20170315);
  g_assert_cmpint (palier_date_year (date), ==, 2017);
  g_assert_cmpint (palier_date_month (date), ==, 3);
  g_assert_cmpint (palier_date_day (date), ==, 15);
}

static void
test_date_validity (void)
{
  g_assert_true (palier_date_is_valid (20240229));
  g_assert_true (palier_date_is_valid (20000229));
  g_assert_false (palier_date_is_valid (20230229));
  g_assert_false (palier_date_is_valid (19000229));
  g_assert_true (palier_date_is_valid (20241231));
  g_assert_false (palier_date_is_valid (20241232));
  g_assert_false (palier_date_is_valid (20240431));
  g_assert_false (palier_date_is_valid (20241301));
  g_assert_false (palier_date_is_valid (20240001));
  g_assert_false (palier_date_is_valid (20240100));
  g_assert_false (palier_date_is_valid (PALIER_DATE_NONE));
  g_assert_false (palier_date_is_valid (-20240101));
  g_assert_true (palier_date_is_valid (10101));
  g_assert_true (palier_date_is_valid (99991231));
}

static void
test_days_in_month (void)
{
  g_assert_cmpint (palier_days_in_month (2024, 2), ==, 29);
  g_assert_cmpint (palier_days_in_month (2023, 2), ==, 28);
  g_assert_cmpint (palier_days_in_month (1900, 2), ==, 28);
  g_assert_cmpint (palier_days_in_month (2000, 2), ==, 29);
  g_assert_cmpint (palier_days_in_month (2024, 4), ==, 30);
  g_assert_cmpint (palier_days_in_month (2024, 12), ==, 31);
}

typedef struct {
  PalierDate date;
  gint32     days;
} DaysCase;

static void
test_days_known (void)
{
  /* Values from the Unix day count (seconds since epoch / 86400). */
  static const DaysCase cases[] = {
    { 19700101, 0 },
    { 19700102, 1 },
    { 19691231, -1 },
    { 20000101, 10957 },
    { 20000229, 11016 },
    { 20000301, 11017 },
    { 20170315, 17240 },
    { 20240229, 19782 },
    { 19000301, -25508 },
    { 10101, -719162 },
    { 99991231, 2932896 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (palier_date_to_days (cases[i].date), ==, cases[i].days);
      g_assert_cmpint (palier_date_from_days (cases[i].days), ==, cases[i].date);
    }
}

/* Walks every day from 1600-01-01 to 2400-12-31 and checks that the day
 * count grows by one and the date steps to the next calendar day. */
static void
test_days_consecutive (void)
{
  PalierDate date = palier_date_from_ymd (1600, 1, 1);
  gint32 days = palier_date_to_days (date);

  while (date < 24010101)
    {
      int year = palier_date_year (date);
      int month = palier_date_month (date);
      int day = palier_date_day (date) + 1;
      PalierDate next;

      if (day > palier_days_in_month (year, month))
        {
          day = 1;
          month++;
        }
      if (month > 12)
        {
          month = 1;
          year++;
        }
      next = palier_date_from_ymd (year, month, day);

      if (palier_date_from_days (days + 1) != next ||
          palier_date_to_days (next) != days + 1)
        {
          g_test_message ("after %d", date);
          g_assert_cmpint (palier_date_from_days (days + 1), ==, next);
          g_assert_cmpint (palier_date_to_days (next), ==, days + 1);
        }

      date = next;
      days++;
    }

  g_assert_cmpint (date, ==, 24010101);
}

static void
test_iso_parse (void)
{
  static const char *const invalid[] = {
    "", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00",
    "2024-1-05", "24-01-05", "2024/01/05", "20240105", " 2024-01-05",
    "2024-01-05 ", "2024-01-05T00:00", "0000-01-01", "2024-0a-05", "+024-01-05",
  };
  PalierDate date = 0;

  g_assert_true (palier_date_parse_iso ("2024-02-29", &date));
  g_assert_cmpint (date, ==, 20240229);
  g_assert_true (palier_date_parse_iso ("0001-01-01", &date));
  g_assert_cmpint (date, ==, 10101);

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      date = 42;
      g_test_message ("parsing “%s”", invalid[i]);
      g_assert_false (palier_date_parse_iso (invalid[i], &date));
      g_assert_cmpint (date, ==, 42);
    }
}

static void
test_iso_format (void)
{
  char buf[11];

  g_assert_cmpstr (palier_date_format_iso (20170315, buf), ==, "2017-03-15");
  g_assert_cmpstr (palier_date_format_iso (10101, buf), ==, "0001-01-01");
}

static void
test_kind_strings (void)
{
  static const char *const names[] = { "month", "quarter", "half", "year" };
  static const int months[] = { 1, 3, 6, 12 };
  PalierPeriodKind kind;

  for (int i = PALIER_PERIOD_MONTH; i <= PALIER_PERIOD_YEAR; i++)
    {
      g_assert_cmpstr (palier_period_kind_to_string (i), ==, names[i]);
      g_assert_true (palier_period_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpint (palier_period_kind_months (i), ==, months[i]);
    }

  g_assert_false (palier_period_kind_from_string ("Quarter", &kind));
  g_assert_false (palier_period_kind_from_string ("week", &kind));
  g_assert_false (palier_period_kind_from_string ("", &kind));
}

/* One period with its expected label and bounds, and dates inside it. */
typedef struct {
  PalierPeriodKind  kind;
  int               fy_start;
  PalierDate        date;
  const char       *label;
  PalierDate        first;
  PalierDate        last;
} PeriodCase;

static const PeriodCase period_cases[] = {
  /* Calendar fiscal year. */
  { PALIER_PERIOD_MONTH, 1, 20240229, "2024-02", 20240201, 20240229 },
  { PALIER_PERIOD_MONTH, 1, 20230228, "2023-02", 20230201, 20230228 },
  { PALIER_PERIOD_QUARTER, 1, 20240101, "2024-Q1", 20240101, 20240331 },
  { PALIER_PERIOD_QUARTER, 1, 20240331, "2024-Q1", 20240101, 20240331 },
  { PALIER_PERIOD_QUARTER, 1, 20240401, "2024-Q2", 20240401, 20240630 },
  { PALIER_PERIOD_QUARTER, 1, 20241231, "2024-Q4", 20241001, 20241231 },
  { PALIER_PERIOD_HALF, 1, 20240630, "2024-H1", 20240101, 20240630 },
  { PALIER_PERIOD_HALF, 1, 20240701, "2024-H2", 20240701, 20241231 },
  { PALIER_PERIOD_YEAR, 1, 20240229, "2024", 20240101, 20241231 },

  /* Fiscal year from April: FY2025 runs from 2024-04-01 to 2025-03-31. */
  { PALIER_PERIOD_MONTH, 4, 20240415, "2024-04", 20240401, 20240430 },
  { PALIER_PERIOD_QUARTER, 4, 20240331, "FY2024-Q4", 20240101, 20240331 },
  { PALIER_PERIOD_QUARTER, 4, 20240401, "FY2025-Q1", 20240401, 20240630 },
  { PALIER_PERIOD_QUARTER, 4, 20241231, "FY2025-Q3", 20241001, 20241231 },
  { PALIER_PERIOD_QUARTER, 4, 20250129, "FY2025-Q4", 20250101, 20250331 },
  { PALIER_PERIOD_HALF, 4, 20240930, "FY2025-H1", 20240401, 20240930 },
  { PALIER_PERIOD_HALF, 4, 20241001, "FY2025-H2", 20241001, 20250331 },
  { PALIER_PERIOD_HALF, 4, 20240229, "FY2024-H2", 20231001, 20240331 },
  { PALIER_PERIOD_YEAR, 4, 20240401, "FY2025", 20240401, 20250331 },
  { PALIER_PERIOD_YEAR, 4, 20250331, "FY2025", 20240401, 20250331 },
  { PALIER_PERIOD_YEAR, 4, 20240331, "FY2024", 20230401, 20240331 },

  /* Fiscal year from July. */
  { PALIER_PERIOD_MONTH, 7, 20240701, "2024-07", 20240701, 20240731 },
  { PALIER_PERIOD_QUARTER, 7, 20240630, "FY2024-Q4", 20240401, 20240630 },
  { PALIER_PERIOD_QUARTER, 7, 20240701, "FY2025-Q1", 20240701, 20240930 },
  { PALIER_PERIOD_QUARTER, 7, 20240229, "FY2024-Q3", 20240101, 20240331 },
  { PALIER_PERIOD_HALF, 7, 20241231, "FY2025-H1", 20240701, 20241231 },
  { PALIER_PERIOD_HALF, 7, 20250101, "FY2025-H2", 20250101, 20250630 },
  { PALIER_PERIOD_YEAR, 7, 20240701, "FY2025", 20240701, 20250630 },
  { PALIER_PERIOD_YEAR, 7, 20240630, "FY2024", 20230701, 20240630 },

  /* Fiscal year from October. */
  { PALIER_PERIOD_MONTH, 10, 20241031, "2024-10", 20241001, 20241031 },
  { PALIER_PERIOD_QUARTER, 10, 20240930, "FY2024-Q4", 20240701, 20240930 },
  { PALIER_PERIOD_QUARTER, 10, 20241001, "FY2025-Q1", 20241001, 20241231 },
  { PALIER_PERIOD_QUARTER, 10, 20250101, "FY2025-Q2", 20250101, 20250331 },
  { PALIER_PERIOD_QUARTER, 10, 20240229, "FY2024-Q2", 20240101, 20240331 },
  { PALIER_PERIOD_HALF, 10, 20250331, "FY2025-H1", 20241001, 20250331 },
  { PALIER_PERIOD_HALF, 10, 20250401, "FY2025-H2", 20250401, 20250930 },
  { PALIER_PERIOD_YEAR, 10, 20241001, "FY2025", 20241001, 20250930 },
  { PALIER_PERIOD_YEAR, 10, 20240930, "FY2024", 20231001, 20240930 },

  /* Fiscal year from December: FY2025 starts on 2024-12-01. */
  { PALIER_PERIOD_QUARTER, 12, 20241201, "FY2025-Q1", 20241201, 20250228 },
  { PALIER_PERIOD_QUARTER, 12, 20240229, "FY2024-Q1", 20231201, 20240229 },
  { PALIER_PERIOD_YEAR, 12, 20241130, "FY2024", 20231201, 20241130 },
};

static void
test_period_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const PeriodCase *c = &period_cases[i];
      g_autofree char *label = NULL;
      gint32 index;
      gint32 parsed = -1;
      PalierDate first = 0;
      PalierDate last = 0;

      g_test_message ("%s %d from %d", palier_period_kind_to_string (c->kind),
                      c->fy_start, c->date);

      index = palier_period_index (c->kind, c->fy_start, c->date);
      label = palier_period_label (c->kind, c->fy_start, index);
      g_assert_cmpstr (label, ==, c->label);

      palier_period_bounds (c->kind, c->fy_start, index, &first, &last);
      g_assert_cmpint (first, ==, c->first);
      g_assert_cmpint (last, ==, c->last);

      /* Both bounds belong to the same period. */
      g_assert_cmpint (palier_period_index (c->kind, c->fy_start, first), ==, index);
      g_assert_cmpint (palier_period_index (c->kind, c->fy_start, last), ==, index);

      g_assert_true (palier_period_parse_label (c->kind, c->fy_start, label, &parsed));
      g_assert_cmpint (parsed, ==, index);
    }
}

static void
test_year_index_is_label_year (void)
{
  g_assert_cmpint (palier_period_index (PALIER_PERIOD_YEAR, 1, 20240615), ==, 2024);
  g_assert_cmpint (palier_period_index (PALIER_PERIOD_YEAR, 4, 20240615), ==, 2025);
  g_assert_cmpint (palier_period_index (PALIER_PERIOD_YEAR, 4, 20240315), ==, 2024);
  g_assert_cmpint (palier_period_index (PALIER_PERIOD_MONTH, 1, 20240315), ==, 2024 * 12 + 2);
  g_assert_cmpint (palier_period_index (PALIER_PERIOD_MONTH, 7, 20240315), ==, 2024 * 12 + 2);
  g_assert_cmpint (palier_period_index (PALIER_PERIOD_QUARTER, 1, 20240315), ==, 2024 * 4);
}

/* Walks the periods from 2019 to 2026 for every kind and fiscal start.
 * Each period starts the day after the previous one ends, on the first day
 * of a month aligned to the fiscal year.  It has the next index, and its
 * label parses back to that index. */
static void
test_period_consecutive (void)
{
  static const int fy_starts[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

  for (int kind = PALIER_PERIOD_MONTH; kind <= PALIER_PERIOD_YEAR; kind++)
    for (gsize f = 0; f < G_N_ELEMENTS (fy_starts); f++)
      {
        int fy_start = fy_starts[f];
        int months = palier_period_kind_months (kind);
        int alignment = kind == PALIER_PERIOD_MONTH ? 0 : (fy_start - 1) % months;
        gint32 index = palier_period_index (kind, fy_start, 20190101);
        PalierDate first;
        PalierDate last;

        palier_period_bounds (kind, fy_start, index, &first, &last);

        while (first < 20270101)
          {
            g_autofree char *label = palier_period_label (kind, fy_start, index);
            PalierDate next_first;
            PalierDate next_last;
            gint32 parsed = -1;

            g_assert_true (palier_period_parse_label (kind, fy_start, label, &parsed));
            g_assert_cmpint (parsed, ==, index);
            g_assert_cmpint (palier_date_day (first), ==, 1);
            g_assert_cmpint ((palier_date_month (first) - 1) % months, ==, alignment);

            palier_period_bounds (kind, fy_start, index + 1, &next_first, &next_last);
            g_assert_cmpint (palier_date_to_days (next_first), ==, palier_date_to_days (last) + 1);
            g_assert_cmpint (palier_period_index (kind, fy_start, next_first), ==, index + 1);
            g_assert_cmpint (palier_period_index (kind, fy_start, last), ==, index);

            first = next_first;
            last = next_last;
            index++;
          }
      }
}

static void
test_label_fiscal_quarter_starts (void)
{
  gint32 index = -1;
  PalierDate first = 0;
  PalierDate last = 0;

  /* FY2025-Q1 starts on 2024-04-01 when the fiscal year starts in April. */
  g_assert_true (palier_period_parse_label (PALIER_PERIOD_QUARTER, 4, "FY2025-Q1", &index));
  palier_period_bounds (PALIER_PERIOD_QUARTER, 4, index, &first, &last);
  g_assert_cmpint (first, ==, 20240401);
  g_assert_cmpint (last, ==, 20240630);

  g_assert_true (palier_period_parse_label (PALIER_PERIOD_YEAR, 7, "FY2017", &index));
  palier_period_bounds (PALIER_PERIOD_YEAR, 7, index, &first, &last);
  g_assert_cmpint (first, ==, 20160701);
  g_assert_cmpint (last, ==, 20170630);
}

typedef struct {
  PalierPeriodKind  kind;
  int               fy_start;
  const char       *label;
} BadLabel;

static void
test_parse_label_invalid (void)
{
  static const BadLabel cases[] = {
    { PALIER_PERIOD_QUARTER, 1, "FY2024-Q1" },
    { PALIER_PERIOD_QUARTER, 4, "2024-Q1" },
    { PALIER_PERIOD_QUARTER, 1, "2024-Q5" },
    { PALIER_PERIOD_QUARTER, 1, "2024-Q0" },
    { PALIER_PERIOD_QUARTER, 1, "2024-H1" },
    { PALIER_PERIOD_QUARTER, 1, "2024-q1" },
    { PALIER_PERIOD_QUARTER, 1, "2024-Q1 " },
    { PALIER_PERIOD_QUARTER, 1, "2024-Q12" },
    { PALIER_PERIOD_QUARTER, 1, "24-Q1" },
    { PALIER_PERIOD_HALF, 1, "2024-H3" },
    { PALIER_PERIOD_HALF, 7, "FY2024-Q1" },
    { PALIER_PERIOD_YEAR, 1, "2024-Q1" },
    { PALIER_PERIOD_YEAR, 1, "FY2024" },
    { PALIER_PERIOD_YEAR, 4, "2024" },
    { PALIER_PERIOD_YEAR, 1, "0000" },
    { PALIER_PERIOD_YEAR, 1, "" },
    { PALIER_PERIOD_MONTH, 1, "2024-13" },
    { PALIER_PERIOD_MONTH, 1, "2024-00" },
    { PALIER_PERIOD_MONTH, 1, "2024-3" },
    { PALIER_PERIOD_MONTH, 4, "FY2024-03" },
    { PALIER_PERIOD_MONTH, 1, "2024-03-01" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint32 index = 42;

      g_test_message ("parsing “%s”", cases[i].label);
      g_assert_false (palier_period_parse_label (cases[i].kind, cases[i].fy_start,
                                                 cases[i].label, &index));
      g_assert_cmpint (index, ==, 42);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/period/date/fields", test_date_fields);
  g_test_add_func ("/period/date/validity", test_date_validity);
  g_test_add_func ("/period/date/days-in-month", test_days_in_month);
  g_test_add_func ("/period/days/known", test_days_known);
  g_test_add_func ("/period/days/consecutive", test_days_consecutive);
  g_test_add_func ("/period/iso/parse", test_iso_parse);
  g_test_add_func ("/period/iso/format", test_iso_format);
  g_test_add_func ("/period/kind/strings", test_kind_strings);
  g_test_add_func ("/period/period/cases", test_period_cases);
  g_test_add_func ("/period/period/year-index", test_year_index_is_label_year);
  g_test_add_func ("/period/period/consecutive", test_period_consecutive);
  g_test_add_func ("/period/label/fiscal-starts", test_label_fiscal_quarter_starts);
  g_test_add_func ("/period/label/parse-invalid", test_parse_label_invalid);

  return g_test_run ();
}
