/* test-quotas.c: quotas files, per-partner quotas and proration
 *
 * The sales of tests/data/quotas/sales.csv, with the partners and
 * quotas files beside it, run through both ways of simulating: a
 * workspace into which every file was imported, and the bases streamed
 * from the CSV file.  Expected amounts are worked out by hand in the
 * comments.
 */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

#define M(units, millionths) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE + (millionths))

/* Quarterly, calendar year: default quota 10 000, Gold 20 000; 1 % below
 * quota and 5 % on the whole base from quota; 1 000 once a year's sales
 * reach the year's quota. */
static const char quarterly_xml[] =
  "<program xmlns='urn:palier:program:1' id='q' name='Q' currency='USD' period='quarter'>"
  "  <quota amount='10000'/>"
  "  <segment id='Gold' quota='20000'/>"
  "  <commission id='base' name='Base' basis='attainment' method='retroactive'>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='1.0' rate='0.05'/>"
  "  </commission>"
  "  <bonus id='annual' name='Annual' basis='attainment' period='year'>"
  "    <level min='1.0' amount='1000'/>"
  "  </bonus>"
  "</program>";

static PalierProgram *
read_program (const char *xml)
{
  g_autoptr(GError) error = NULL;
  PalierProgram *program = palier_program_read_data (xml, strlen (xml), "test.xml", &error);

  g_assert_no_error (error);
  return program;
}

static GPtrArray *
read_quotas_file (const char *name,
                  int         fiscal_year_start,
                  GError    **error)
{
  g_autofree char *path = palier_test_data_path (name);
  PalierQuotasOptions options;
  GPtrArray *quotas;

  palier_quotas_options_init (&options);
  options.fiscal_year_start = fiscal_year_start;
  quotas = palier_quotas_read (path, &options, error);
  palier_quotas_options_clear (&options);
  return quotas;
}

static GPtrArray *
read_quotas (const char *name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *quotas = read_quotas_file (name, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (quotas);
  return quotas;
}

static GPtrArray *
read_partners (void)
{
  g_autofree char *path = palier_test_data_path ("quotas/partners.csv");
  g_autoptr(GError) error = NULL;
  PalierPartnersOptions options;
  GPtrArray *partners;

  palier_partners_options_init (&options);
  partners = palier_partners_read (path, &options, &error);
  palier_partners_options_clear (&options);
  g_assert_no_error (error);
  return partners;
}

static PalierImportPlan *
sales_plan (void)
{
  g_autofree char *path = palier_test_data_path ("quotas/sales.csv");
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportPlan *plan;

  palier_import_options_init (&options);
  plan = palier_import_plan_new (path, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);
  return plan;
}

/* The whole of 2017, so that every quarter is in the range. */
static const PalierSimulateOptions year_2017 = { 20170101, 20171231 };

static PalierResult *
simulate_csv (const PalierProgram *program,
              GPtrArray           *partners,
              GPtrArray           *quotas,
              GError             **error)
{
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierImportPlan) plan = sales_plan ();
  g_autoptr(PalierBases) bases = NULL;

  bases = palier_bases_compute_from_files (plan, partners, quotas, programs, &year_2017,
                                           NULL, NULL, NULL, NULL, error);
  if (bases == NULL)
    return NULL;
  return palier_bases_simulate (bases, program, NULL, error);
}

static PalierStore *
store_with_files (GPtrArray *partners,
                  GPtrArray *quotas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(PalierImportPlan) plan = sales_plan ();

  g_assert_no_error (error);
  g_assert_true (palier_store_import_sales (store, plan, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (partners != NULL)
    g_assert_true (palier_store_import_partners (store, partners, &error));
  g_assert_no_error (error);
  if (quotas != NULL)
    g_assert_true (palier_store_import_quotas (store, quotas, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static PalierResult *
simulate_store (const PalierProgram *program,
                GPtrArray           *partners,
                GPtrArray           *quotas,
                GError             **error)
{
  g_autoptr(PalierStore) store = store_with_files (partners, quotas);

  return palier_simulate (store, program, &year_2017, NULL, error);
}

static const PalierPeriodResult *
find_period (const PalierResult *result,
             const char         *partner,
             const char         *label)
{
  const PalierPartnerResult *row = palier_result_find_partner (result, partner);

  g_assert_nonnull (row);
  for (guint p = 0; p < row->periods->len; p++)
    {
      const PalierPeriodResult *period = &g_array_index (row->periods, PalierPeriodResult, p);

      if (g_strcmp0 (period->label, label) == 0)
        return period;
    }
  g_assert_not_reached ();
}

typedef struct {
  const char    *partner;
  const char    *period;
  PalierDecimal  quota;
  PalierDecimal  base_payout;
} PeriodCase;

/* Each row worked out by hand:
 * - P1 (Gold) has 30 000 in the quotas file for 2017-Q1, which wins over
 *   Gold's 20 000: 25 000 is below quota, 1 % = 250.  In 2017-Q2 the
 *   file has nothing, so Gold's 20 000 applies: 15 000 x 1 % = 150.
 * - P2 has no segment: the default 10 000; 9 000 x 1 % = 90.
 * - P3 starts on 2017-02-15, 45 of the quarter's 90 days: 5 000, and
 *   6 000 earns 5 % = 300.  In 2017-Q4 it has the whole 10 000, and
 *   29 000 earns 5 % = 1 450.
 * - P4 starts on the quarter's first day: no proration, 6 000 x 1 % = 60.
 * - P5 starts on its last day: 10 000 x 1 / 90 = 111.111111, and 200
 *   earns 5 % = 10.
 * - P6 and P7 start on 2017-02-01, 59 days: 10 000 x 59 / 90 =
 *   6 555.5555… rounded to 6 555.555556.  6 555.56 reaches it (5 % =
 *   327.778, paid 327.78); 6 555.55 does not (1 % = 65.5555, paid
 *   65.56). */
static const PeriodCase quarterly_cases[] = {
  { "P1", "2017-Q1", M (30000, 0), M (250, 0) },
  { "P1", "2017-Q2", M (20000, 0), M (150, 0) },
  { "P2", "2017-Q1", M (10000, 0), M (90, 0) },
  { "P3", "2017-Q1", M (5000, 0), M (300, 0) },
  { "P3", "2017-Q4", M (10000, 0), M (1450, 0) },
  { "P4", "2017-Q1", M (10000, 0), M (60, 0) },
  { "P5", "2017-Q1", M (111, 111111), M (10, 0) },
  { "P6", "2017-Q1", M (6555, 555556), M (327, 780000) },
  { "P7", "2017-Q1", M (6555, 555556), M (65, 560000) },
};

static void
check_quarterly_result (const PalierResult *result)
{
  const PalierPartnerResult *p3;

  for (guint i = 0; i < G_N_ELEMENTS (quarterly_cases); i++)
    {
      const PeriodCase *expected = &quarterly_cases[i];
      const PalierPeriodResult *period = find_period (result, expected->partner, expected->period);

      g_test_message ("%s %s", expected->partner, expected->period);
      g_assert_true (period->has_quota);
      g_assert_cmpint (period->quota, ==, expected->quota);
      g_assert_cmpint (period->component_payouts[0], ==, expected->base_payout);
    }

  /* P3's year: 5 000 + 3 x 10 000 = 35 000, which its 35 000 of sales
   * reach, so the annual bonus pays 1 000 in 2017-Q4.  P1's year is
   * 30 000 + 3 x 20 000 = 90 000, far above its 40 000. */
  p3 = palier_result_find_partner (result, "P3");
  g_assert_cmpint (p3->component_payouts[1], ==, M (1000, 0));
  g_assert_cmpint (find_period (result, "P3", "2017-Q4")->component_payouts[1], ==, M (1000, 0));
  g_assert_cmpint (palier_result_find_partner (result, "P1")->component_payouts[1], ==, 0);

  /* 250 + 150 + 90 + 300 + 1 450 + 60 + 10 + 327.78 + 65.56 = 2 703.34 */
  g_assert_cmpint (result->component_totals[0], ==, M (2703, 340000));
  g_assert_cmpint (result->component_totals[1], ==, M (1000, 0));
  g_assert_cmpint (result->total_payout, ==, M (3703, 340000));
}

static void
test_precedence_and_proration_store (void)
{
  g_autoptr(PalierProgram) program = read_program (quarterly_xml);
  g_autoptr(GPtrArray) partners = read_partners ();
  g_autoptr(GPtrArray) quotas = read_quotas ("quotas/quotas.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = simulate_store (program, partners, quotas, &error);

  g_assert_no_error (error);
  check_quarterly_result (result);
}

static void
test_precedence_and_proration_csv (void)
{
  g_autoptr(PalierProgram) program = read_program (quarterly_xml);
  g_autoptr(GPtrArray) partners = read_partners ();
  g_autoptr(GPtrArray) quotas = read_quotas ("quotas/quotas.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = simulate_csv (program, partners, quotas, &error);

  g_assert_no_error (error);
  check_quarterly_result (result);
}

/* Without the partners and quotas files, P1 gets Gold's 20 000 and
 * nobody is prorated. */
static void
test_without_files (void)
{
  g_autoptr(PalierProgram) program = read_program (quarterly_xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = simulate_csv (program, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (find_period (result, "P1", "2017-Q1")->quota, ==, M (20000, 0));
  /* 25 000 reaches 20 000: 5 % = 1 250. */
  g_assert_cmpint (find_period (result, "P1", "2017-Q1")->component_payouts[0], ==, M (1250, 0));
  g_assert_cmpint (find_period (result, "P3", "2017-Q1")->quota, ==, M (10000, 0));
}

/* A quarterly quota in a monthly program is split by days: 9 000 over
 * January's 31, February's 28 and March's 31 of 90 days gives 3 100,
 * 2 800 and 3 100. */
static void
test_quarter_split_by_days (void)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GPtrArray) quotas = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_quota_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autofree char *xml = g_strdup (quarterly_xml);
  PalierQuota *quota = g_new0 (PalierQuota, 1);

  /* The same program, monthly. */
  memcpy (strstr (xml, "period='quarter'"), "period='month'  ", strlen ("period='month'  "));
  program = read_program (xml);

  quota->partner = g_strdup ("P2");
  quota->label = g_strdup ("2017-Q1");
  quota->first = 20170101;
  quota->last = 20170331;
  quota->quota = M (9000, 0);
  g_ptr_array_add (quotas, quota);

  result = simulate_store (program, NULL, quotas, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_period (result, "P2", "2017-01")->quota, ==, M (3100, 0));
  /* 9 000 reach 3 100: 5 % = 450. */
  g_assert_cmpint (find_period (result, "P2", "2017-01")->component_payouts[0], ==, M (450, 0));
}

/* Monthly quotas in a quarterly program are summed; when they leave a
 * day of the quarter uncovered, the quarter has no quota and the
 * simulation error names it. */
static void
test_months_summed_or_partial (void)
{
  g_autoptr(PalierProgram) program = read_program (quarterly_xml);
  g_autoptr(GPtrArray) quotas = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_quota_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = NULL;
  static const struct { PalierDate first, last; } months[] = {
    { 20170101, 20170131 }, { 20170201, 20170228 }, { 20170301, 20170331 },
  };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      PalierQuota *quota = g_new0 (PalierQuota, 1);

      quota->partner = g_strdup ("P2");
      quota->label = g_strdup ("month");
      quota->first = months[m].first;
      quota->last = months[m].last;
      quota->quota = M (3000, 0);
      g_ptr_array_add (quotas, quota);
    }

  result = simulate_csv (program, NULL, quotas, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_period (result, "P2", "2017-Q1")->quota, ==, M (9000, 0));
  /* 9 000 reach 9 000: 5 % = 450. */
  g_assert_cmpint (find_period (result, "P2", "2017-Q1")->component_payouts[0], ==, M (450, 0));

  g_clear_pointer (&result, palier_result_unref);
  g_ptr_array_remove_index (quotas, 2);
  result = simulate_csv (program, NULL, quotas, &error);
  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA);
  g_assert_nonnull (strstr (error->message, "part of 2017-Q1"));
  g_assert_nonnull (strstr (error->message, "“P2”"));
}

/* A new quota replaces the stored ones whose days it shares, and
 * creates partners the workspace does not have. */
static void
test_store_replaces_overlaps (void)
{
  g_autoptr(PalierStore) store = store_with_files (NULL, NULL);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_quota_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_quota_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary;
  const char *partners[] = { "P1", "P1", "NEW" };
  PalierDate firsts[] = { 20170101, 20170201, 20170101 };
  PalierDate lasts[] = { 20170131, 20170228, 20171231 };

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      PalierQuota *quota = g_new0 (PalierQuota, 1);

      quota->partner = g_strdup (partners[i]);
      quota->label = g_strdup_printf ("label %u", i);
      quota->first = firsts[i];
      quota->last = lasts[i];
      quota->quota = M (100 + i, 0);
      g_ptr_array_add (first, quota);
    }
  g_assert_true (palier_store_import_quotas (store, first, &error));
  g_assert_no_error (error);

  /* P1's 2017-Q1 replaces its January and February. */
  g_ptr_array_add (second, g_new0 (PalierQuota, 1));
  ((PalierQuota *) second->pdata[0])->partner = g_strdup ("P1");
  ((PalierQuota *) second->pdata[0])->label = g_strdup ("2017-Q1");
  ((PalierQuota *) second->pdata[0])->first = 20170101;
  ((PalierQuota *) second->pdata[0])->last = 20170331;
  ((PalierQuota *) second->pdata[0])->quota = M (500, 0);
  g_assert_true (palier_store_import_quotas (store, second, &error));
  g_assert_no_error (error);

  stored = palier_store_list_quotas (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (((PalierQuota *) stored->pdata[0])->partner, ==, "NEW");
  g_assert_cmpstr (((PalierQuota *) stored->pdata[1])->partner, ==, "P1");
  g_assert_cmpstr (((PalierQuota *) stored->pdata[1])->label, ==, "2017-Q1");
  g_assert_cmpint (((PalierQuota *) stored->pdata[1])->quota, ==, M (500, 0));

  /* Seven partners have sales; NEW was created by the quotas. */
  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_cmpuint (summary.n_partners, ==, 8);
}

/* The CSV path ignores the quotas of partners without sales, who have
 * nothing to be paid on. */
static void
test_csv_ignores_unknown_partner (void)
{
  g_autoptr(PalierProgram) program = read_program (quarterly_xml);
  g_autoptr(GPtrArray) quotas = read_quotas ("quotas/quotas.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierQuota *stranger = g_new0 (PalierQuota, 1);

  stranger->partner = g_strdup ("NOBODY");
  stranger->label = g_strdup ("2017-Q1");
  stranger->first = 20170101;
  stranger->last = 20170331;
  stranger->quota = M (1, 0);
  g_ptr_array_add (quotas, stranger);

  result = simulate_csv (program, NULL, quotas, &error);
  g_assert_no_error (error);
  g_assert_null (palier_result_find_partner (result, "NOBODY"));
  g_assert_cmpint (find_period (result, "P1", "2017-Q1")->quota, ==, M (30000, 0));
}

/* Sales before a partner's start date meet a zero quota, which the
 * simulation reports instead of paying every tier. */
static void
test_sales_before_start (void)
{
  g_autoptr(PalierProgram) program = read_program (quarterly_xml);
  g_autoptr(GPtrArray) partners = read_partners ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierPartner *p4 = NULL;

  for (guint i = 0; i < partners->len; i++)
    if (g_strcmp0 (((PalierPartner *) partners->pdata[i])->code, "P4") == 0)
      p4 = partners->pdata[i];
  g_assert_nonnull (p4);
  p4->start = 20170401;

  result = simulate_csv (program, partners, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA);
  g_assert_nonnull (strstr (error->message, "“P4” has sales in 2017-Q1, before its start date 2017-04-01"));
}

static void
test_read_file (void)
{
  g_autoptr(GPtrArray) quotas = NULL;
  g_autoptr(GError) error = NULL;
  const PalierQuota *quota;

  /* Semicolons, French headers, CRLF, decimal comma with spaces between
   * groups, a lower-case label and a fiscal quarter. */
  quotas = read_quotas_file ("quotas/quotas-semicolon.csv", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotas->len, ==, 3);

  quota = quotas->pdata[0];
  g_assert_cmpstr (quota->partner, ==, "P1");
  g_assert_cmpstr (quota->label, ==, "2017-q1");
  g_assert_cmpint (quota->first, ==, 20170101);
  g_assert_cmpint (quota->last, ==, 20170331);
  g_assert_cmpint (quota->quota, ==, M (12500, 500000));
  g_assert_cmpuint (quota->line, ==, 2);

  quota = quotas->pdata[1];
  g_assert_cmpint (quota->first, ==, 20170701);
  g_assert_cmpint (quota->last, ==, 20170930);
  g_assert_cmpint (quota->quota, ==, M (7000, 0));

  quota = quotas->pdata[2];
  g_assert_cmpint (quota->first, ==, 20170201);
  g_assert_cmpint (quota->last, ==, 20170228);
}

static void
test_parse_period (void)
{
  static const struct {
    const char *label;
    int         fiscal_year_start;
    PalierDate  first;
    PalierDate  last;
  } cases[] = {
    { "2017-03", 0, 20170301, 20170331 },
    { "2017-Q4", 0, 20171001, 20171231 },
    { "2017-H2", 0, 20170701, 20171231 },
    { "2016", 0, 20160101, 20161231 },
    { "FY2018", 7, 20170701, 20180630 },
    { "FY2018-H2", 7, 20180101, 20180630 },
    { "FY2025-Q1", 4, 20240401, 20240630 },
    { "fy2025-q4", 4, 20250101, 20250331 },
    { "2024-02", 4, 20240201, 20240229 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDate first = 0, last = 0;

      g_test_message ("%s", cases[i].label);
      g_assert_true (palier_quota_parse_period (cases[i].label, cases[i].fiscal_year_start,
                                                &first, &last, &error));
      g_assert_no_error (error);
      g_assert_cmpint (first, ==, cases[i].first);
      g_assert_cmpint (last, ==, cases[i].last);
    }
}

typedef struct {
  const char *file;
  int         fiscal_year_start;
  int         code;
  const char *expected;                 /* part of the message */
} BadFileCase;

static void
test_bad_files (void)
{
  static const BadFileCase cases[] = {
    { "quotas/bad-label.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "bad-label.csv:3: column “period”: unknown period label “2017-Q5”" },
    { "quotas/bad-negative.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "bad-negative.csv:3: column “quota”: “-100”: the quota must be greater than zero" },
    { "quotas/bad-zero.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "bad-zero.csv:3: column “quota”: “0”: the quota must be greater than zero" },
    { "quotas/bad-overlap.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "bad-overlap.csv:4: partner “P1” already has a quota for “2017-Q1” on line 2, which shares days with “2017-02”" },
    { "quotas/bad-partner.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "bad-partner.csv:3: column “partner”: “”: empty partner id" },
    { "quotas/bad-number.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "bad-number.csv:2: column “quota”: “1.2.3”: invalid quota" },
    { "quotas/bad-no-period.csv", 0, PALIER_IMPORT_ERROR_MAPPING,
      "bad-no-period.csv: no column holds the field “period”" },
    { "quotas/fiscal.csv", 0, PALIER_IMPORT_ERROR_VALUE,
      "fiscal.csv:2: column “period”: the fiscal period “FY2018-Q1” needs a fiscal year" },
    { "quotas/fiscal.csv", 1, PALIER_IMPORT_ERROR_VALUE,
      "the fiscal period “FY2018-Q1” needs a fiscal year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) quotas = read_quotas_file (cases[i].file, cases[i].fiscal_year_start, &error);

      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "no error");
      g_assert_null (quotas);
      g_assert_error (error, PALIER_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/quotas/read/file", test_read_file);
  g_test_add_func ("/quotas/read/period-labels", test_parse_period);
  g_test_add_func ("/quotas/read/bad-files", test_bad_files);
  g_test_add_func ("/quotas/store/replaces-overlaps", test_store_replaces_overlaps);
  g_test_add_func ("/quotas/simulate/store", test_precedence_and_proration_store);
  g_test_add_func ("/quotas/simulate/csv", test_precedence_and_proration_csv);
  g_test_add_func ("/quotas/simulate/without-files", test_without_files);
  g_test_add_func ("/quotas/simulate/quarter-split-by-days", test_quarter_split_by_days);
  g_test_add_func ("/quotas/simulate/months-summed-or-partial", test_months_summed_or_partial);
  g_test_add_func ("/quotas/simulate/csv-unknown-partner", test_csv_ignores_unknown_partner);
  g_test_add_func ("/quotas/simulate/sales-before-start", test_sales_before_start);

  return g_test_run ();
}
