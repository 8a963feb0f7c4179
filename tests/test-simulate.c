/* test-simulate.c: simulation, comparison and result output
 *
 * Every expected payout is computed by hand in the comment above its
 * check.
 */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

typedef struct {
  const char *date;
  const char *partner;
  const char *amount;
  const char *category;
  const char *region;
  const char *segment;
  const char *margin;
  const char *quantity;
  const char *deal;
} TestSale;

static PalierDecimal
decimal (const char *text)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  g_assert_true (palier_decimal_parse (text, -1, &value, &error));
  g_assert_no_error (error);
  return value;
}

static PalierDate
date (const char *text)
{
  PalierDate value = PALIER_DATE_NONE;

  g_assert_true (palier_date_parse_iso (text, &value));
  return value;
}

static PalierStore *
store_with_sales (const TestSale *sales,
                  guint           n_sales)
{
  g_autoptr(GError) error = NULL;
  PalierStore *store = palier_store_new_memory (&error);
  PalierStoreImport *import;

  g_assert_no_error (error);
  import = palier_store_import_begin (store, "sales.csv", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_sales; i++)
    {
      const TestSale *sale = &sales[i];
      PalierSaleRow row = { 0 };

      row.line = i + 2;
      row.date = date (sale->date);
      row.partner = sale->partner;
      row.amount = decimal (sale->amount);
      row.category = sale->category;
      row.region = sale->region;
      row.segment = sale->segment;
      row.has_margin = sale->margin != NULL;
      row.margin = sale->margin != NULL ? decimal (sale->margin) : 0;
      row.has_quantity = sale->quantity != NULL;
      row.quantity = sale->quantity != NULL ? decimal (sale->quantity) : 0;
      row.deal = sale->deal;
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static PalierProgram *
program_new (const char *quota)
{
  PalierProgram *program = palier_program_new ("test", "Test program");

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  if (quota != NULL)
    {
      program->has_quota = TRUE;
      program->quota = decimal (quota);
    }
  return program;
}

static void
add_segment_quota (PalierProgram *program,
                   const char    *segment,
                   const char    *quota)
{
  PalierSegmentQuota entry = { g_strdup (segment), decimal (quota) };

  g_array_append_val (program->segment_quotas, entry);
}

static PalierComponent *
add_component (PalierProgram       *program,
               PalierComponentKind  kind,
               const char          *id,
               PalierBasis          basis,
               PalierMethod         method)
{
  PalierComponent *component = palier_component_new (kind, id, id);

  component->basis = basis;
  component->method = method;
  g_ptr_array_add (program->components, component);
  return component;
}

static void
add_tier (PalierComponent *component,
          const char      *from,
          const char      *rate)
{
  palier_component_add_tier (component, decimal (from), decimal (rate));
}

static void
add_level (PalierComponent *component,
           const char      *min,
           const char      *amount)
{
  palier_component_add_level (component, decimal (min), decimal (amount));
}

static char *
result_json (const PalierResult *result)
{
  GString *out = g_string_new (NULL);

  palier_result_write (result, PALIER_OUTPUT_JSON, out);
  return g_string_free (out, FALSE);
}

/* The live engine must give the same result as palier_simulate(), both
 * on its first run and after an edit and its undo. */
static void
assert_engine_agrees (PalierStore                 *store,
                      const PalierProgram         *program,
                      const PalierSimulateOptions *options,
                      const PalierResult          *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierEngine) engine = palier_engine_new (store, options);
  g_autoptr(PalierProgram) edited = palier_program_copy (program);
  g_autoptr(PalierEngineTotals) totals = NULL;
  g_autoptr(PalierEngineTotals) edited_totals = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autofree char *expected_json = result_json (expected);
  g_autofree char *json = NULL;

  for (guint c = 0; c < edited->components->len; c++)
    {
      PalierComponent *component = g_ptr_array_index (edited->components, c);

      if (component->tiers != NULL && component->tiers->len > 0)
        g_array_index (component->tiers, PalierTier, 0).value += 1000;
    }

  edited_totals = palier_engine_update (engine, edited, NULL, &error);
  g_assert_no_error (error);
  totals = palier_engine_update (engine, program, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (totals);
  g_assert_cmpint (totals->payout, ==, expected->total_payout);
  g_assert_cmpint (totals->sales, ==, expected->total_sales);
  g_assert_cmpint (totals->non_cash, ==, expected->total_non_cash);

  result = palier_engine_get_result (engine, NULL, &error);
  g_assert_no_error (error);
  json = result_json (result);
  g_assert_cmpstr (json, ==, expected_json);
}

static PalierResult *
simulate (PalierStore         *store,
          const PalierProgram *program,
          const char          *from,
          const char          *to)
{
  g_autoptr(GError) error = NULL;
  PalierSimulateOptions options = {
    from != NULL ? date (from) : PALIER_DATE_NONE,
    to != NULL ? date (to) : PALIER_DATE_NONE,
  };
  PalierResult *result = palier_simulate (store, program, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  assert_engine_agrees (store, program, &options, result);
  return result;
}

static const PalierPartnerResult *
partner_of (const PalierResult *result,
            const char         *code)
{
  const PalierPartnerResult *row = palier_result_find_partner (result, code);

  g_assert_nonnull (row);
  return row;
}

static const PalierPeriodResult *
period_of (const PalierPartnerResult *row,
           guint                      i)
{
  g_assert_cmpuint (i, <, row->periods->len);
  return &g_array_index (row->periods, PalierPeriodResult, i);
}

/* Commission on amount */

static const TestSale one_large_sale[] = {
  { "2017-02-10", "P1", "150000" },
};

static void
test_commission_marginal_amount (void)
{
  g_autoptr(PalierStore) store = store_with_sales (one_large_sale, 1);
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.05");
  add_tier (component, "100000", "0.08");
  result = simulate (store, program, NULL, NULL);

  /* 100 000 x 5 % + 50 000 x 8 % = 5 000 + 4 000 */
  g_assert_cmpint (result->total_payout, ==, decimal ("9000"));
  g_assert_cmpint (result->component_totals[0], ==, decimal ("9000"));
  g_assert_cmpint (result->total_sales, ==, decimal ("150000"));
  /* 9 000 / 150 000 */
  g_assert_cmpint (result->cost_of_sales, ==, decimal ("0.06"));
}

static void
test_commission_retroactive_amount (void)
{
  g_autoptr(PalierStore) store = store_with_sales (one_large_sale, 1);
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_RETROACTIVE);
  add_tier (component, "0", "0.05");
  add_tier (component, "100000", "0.08");
  result = simulate (store, program, NULL, NULL);

  /* 150 000 x 8 % */
  g_assert_cmpint (result->total_payout, ==, decimal ("12000"));
}

/* Commission on attainment */

static const TestSale attainment_sales[] = {
  { "2017-01-10", "P1", "10000" },
  { "2017-03-20", "P1", "5000" },
};

static void
test_commission_marginal_attainment (void)
{
  g_autoptr(PalierStore) store = store_with_sales (attainment_sales, G_N_ELEMENTS (attainment_sales));
  g_autoptr(PalierProgram) program = program_new ("10000");
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;
  const PalierPeriodResult *period;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_ATTAINMENT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.04");
  add_tier (component, "1.0", "0.07");
  result = simulate (store, program, NULL, NULL);

  /* Up to 100 % of 10 000 at 4 %, the 5 000 above at 7 %: 400 + 350 */
  g_assert_cmpint (result->total_payout, ==, decimal ("750"));

  period = period_of (partner_of (result, "P1"), 0);
  g_assert_cmpstr (period->label, ==, "2017-Q1");
  g_assert_cmpint (period->sales, ==, decimal ("15000"));
  g_assert_true (period->has_quota);
  g_assert_cmpint (period->quota, ==, decimal ("10000"));
  g_assert_cmpint (period->attainment, ==, decimal ("1.5"));
  g_assert_cmpint (period->payout, ==, decimal ("750"));
}

static void
test_commission_retroactive_attainment (void)
{
  g_autoptr(PalierStore) store = store_with_sales (attainment_sales, G_N_ELEMENTS (attainment_sales));
  g_autoptr(PalierProgram) program = program_new ("10000");
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_ATTAINMENT, PALIER_METHOD_RETROACTIVE);
  add_tier (component, "0", "0.04");
  add_tier (component, "1.0", "0.07");
  result = simulate (store, program, NULL, NULL);

  /* 15 000 x 7 % */
  g_assert_cmpint (result->total_payout, ==, decimal ("1050"));
}

static const TestSale gate_sales[] = {
  { "2017-01-10", "P1", "999.99" },
  { "2017-01-10", "P2", "1000" },
};

static void
test_commission_gate (void)
{
  g_autoptr(PalierStore) store = store_with_sales (gate_sales, G_N_ELEMENTS (gate_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.05");
  component->has_gate = TRUE;
  component->gate = decimal ("1000");
  result = simulate (store, program, NULL, NULL);

  /* Below the gate nothing; on the gate 1 000 x 5 %. */
  g_assert_cmpint (partner_of (result, "P1")->payout, ==, 0);
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, decimal ("50"));
}

static void
test_commission_cap (void)
{
  g_autoptr(PalierStore) store = store_with_sales (one_large_sale, 1);
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.05");
  component->has_cap = TRUE;
  component->cap = decimal ("500");
  result = simulate (store, program, NULL, NULL);

  /* 150 000 x 5 % = 7 500, capped. */
  g_assert_cmpint (result->total_payout, ==, decimal ("500"));
}

/* Bonus */

static const TestSale bonus_sales[] = {
  { "2017-01-10", "P1", "9999.99" },
  { "2017-01-10", "P2", "12000" },
  { "2017-01-10", "P3", "15000" },
};

static void
test_bonus_levels (void)
{
  g_autoptr(PalierStore) store = store_with_sales (bonus_sales, G_N_ELEMENTS (bonus_sales));
  g_autoptr(PalierProgram) program = program_new ("10000");
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_BONUS, "club",
                             PALIER_BASIS_ATTAINMENT, PALIER_METHOD_MARGINAL);
  add_level (component, "1.0", "250");
  add_level (component, "1.5", "600");
  result = simulate (store, program, NULL, NULL);

  /* Attainment 0.999999, 1.2 and exactly 1.5: levels do not add up. */
  g_assert_cmpint (partner_of (result, "P1")->payout, ==, 0);
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, decimal ("250"));
  g_assert_cmpint (partner_of (result, "P3")->payout, ==, decimal ("600"));
  g_assert_cmpint (result->total_payout, ==, decimal ("850"));
}

/* Quotas */

static const TestSale segment_sales[] = {
  { "2017-01-10", "G1", "15000", NULL, NULL, "Gold" },
  { "2017-01-10", "S1", "15000", NULL, NULL, "Silver" },
};

static void
test_quota_segment (void)
{
  g_autoptr(PalierStore) store = store_with_sales (segment_sales, G_N_ELEMENTS (segment_sales));
  g_autoptr(PalierProgram) program = program_new ("10000");
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;
  const PalierPeriodResult *period;

  add_segment_quota (program, "Gold", "20000");
  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_ATTAINMENT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.04");
  add_tier (component, "1.0", "0.07");
  result = simulate (store, program, NULL, NULL);

  /* Gold: 15 000 of a 20 000 quota, all at 4 %: 600. */
  period = period_of (partner_of (result, "G1"), 0);
  g_assert_cmpint (period->quota, ==, decimal ("20000"));
  g_assert_cmpint (period->attainment, ==, decimal ("0.75"));
  g_assert_cmpint (period->payout, ==, decimal ("600"));

  /* Silver takes the default quota: 400 + 5 000 x 7 % = 750. */
  period = period_of (partner_of (result, "S1"), 0);
  g_assert_cmpint (period->quota, ==, decimal ("10000"));
  g_assert_cmpint (period->payout, ==, decimal ("750"));
}

static void
test_quota_missing (void)
{
  g_autoptr(PalierStore) store = store_with_sales (segment_sales, G_N_ELEMENTS (segment_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  add_segment_quota (program, "Gold", "20000");
  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_ATTAINMENT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.04");

  result = palier_simulate (store, program, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA);
  g_assert_nonnull (strstr (error->message, "“base”"));
  g_assert_nonnull (strstr (error->message, "“S1”"));
  g_assert_nonnull (strstr (error->message, "Silver"));
}

/* Filters */

static const TestSale filter_sales[] = {
  { "2017-01-10", "P1", "1000", "Technology", "East", "Gold" },
  { "2017-01-11", "P1", "2000", "Furniture", "East", "Gold" },
  { "2017-01-12", "P2", "4000", "Technology", "West", "Silver" },
  { "2017-01-13", "P2", "8000", "Furniture", "East", "Silver" },
};

static PalierResult *
simulate_filtered (PalierFilterField field,
                   const char       *value)
{
  g_autoptr(PalierStore) store = store_with_sales (filter_sales, G_N_ELEMENTS (filter_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "spiff",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.01");
  palier_filter_add_value (&component->filter, field, value);
  return simulate (store, program, NULL, NULL);
}

static void
test_filter_category (void)
{
  g_autoptr(PalierResult) result = simulate_filtered (PALIER_FILTER_CATEGORY, "Technology");

  /* 1 % of the Technology lines only; sales stay all lines. */
  g_assert_cmpint (partner_of (result, "P1")->payout, ==, decimal ("10"));
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, decimal ("40"));
  g_assert_cmpint (partner_of (result, "P1")->sales, ==, decimal ("3000"));
}

static void
test_filter_region (void)
{
  g_autoptr(PalierResult) result = simulate_filtered (PALIER_FILTER_REGION, "East");

  /* The line's region: P1 1 000 + 2 000, P2 8 000. */
  g_assert_cmpint (partner_of (result, "P1")->payout, ==, decimal ("30"));
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, decimal ("80"));
}

static void
test_filter_segment (void)
{
  g_autoptr(PalierResult) result = simulate_filtered (PALIER_FILTER_SEGMENT, "Gold");

  /* The partner's segment: only P1 is paid, and P2 is still listed. */
  g_assert_cmpint (partner_of (result, "P1")->payout, ==, decimal ("30"));
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, 0);
  g_assert_cmpuint (result->partners->len, ==, 2);
}

static void
test_filter_zero_base (void)
{
  g_autoptr(PalierStore) store = store_with_sales (filter_sales, G_N_ELEMENTS (filter_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_BONUS, "active",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_level (component, "0", "10");
  add_level (component, "5000", "40");
  palier_filter_add_value (&component->filter, PALIER_FILTER_CATEGORY, "Chairs");
  result = simulate (store, program, NULL, NULL);

  /* No line is in "Chairs": each partner is still listed, with a base of
   * zero, and a base of zero pays nothing, even at a level of 0. */
  g_assert_cmpuint (result->partners->len, ==, 2);
  g_assert_cmpint (partner_of (result, "P1")->payout, ==, 0);
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, 0);
}

static const TestSale dated_sales[] = {
  { "2017-02-15", "P1", "1000" },
  { "2017-03-10", "P1", "2000" },
  { "2017-05-20", "P1", "4000" },
  { "2017-06-10", "P1", "8000" },
};

static void
test_filter_start_end (void)
{
  g_autoptr(PalierStore) store = store_with_sales (dated_sales, G_N_ELEMENTS (dated_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "spiff",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.01");
  component->filter.start = date ("2017-03-01");
  component->filter.end = date ("2017-05-31");
  result = simulate (store, program, NULL, NULL);

  /* Q1: only the March line, 2 000 x 1 %; Q2: only the May line. */
  row = partner_of (result, "P1");
  g_assert_cmpuint (row->periods->len, ==, 2);
  g_assert_cmpstr (period_of (row, 0)->label, ==, "2017-Q1");
  g_assert_cmpint (period_of (row, 0)->sales, ==, decimal ("3000"));
  g_assert_cmpint (period_of (row, 0)->payout, ==, decimal ("20"));
  g_assert_false (period_of (row, 0)->has_quota);
  g_assert_cmpstr (period_of (row, 1)->label, ==, "2017-Q2");
  g_assert_cmpint (period_of (row, 1)->sales, ==, decimal ("12000"));
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("40"));
}

static void
test_measure_margin_units (void)
{
  static const TestSale sales[] = {
    { "2017-01-10", "P1", "1000", NULL, NULL, NULL, "300", "4" },
    { "2017-01-11", "P1", "500", NULL, NULL, NULL, NULL, "6" },
  };
  g_autoptr(PalierStore) store = store_with_sales (sales, G_N_ELEMENTS (sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "margin",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  component->measure = PALIER_MEASURE_MARGIN;
  add_tier (component, "0", "0.1");
  component = add_component (program, PALIER_COMPONENT_BONUS, "units",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  component->measure = PALIER_MEASURE_UNITS;
  add_level (component, "10", "75");
  result = simulate (store, program, NULL, NULL);

  /* 300 of margin x 10 %; 4 + 6 units reach the level of 10. */
  g_assert_cmpint (result->component_totals[0], ==, decimal ("30"));
  g_assert_cmpint (result->component_totals[1], ==, decimal ("75"));
}

/* Periods and ranges */

static const TestSale fiscal_sales[] = {
  { "2017-06-30", "P1", "100" },
  { "2017-07-01", "P1", "200" },
};

static void
test_period_fiscal_year (void)
{
  g_autoptr(PalierStore) store = store_with_sales (fiscal_sales, G_N_ELEMENTS (fiscal_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;
  PalierComponent *component;

  program->fiscal_year_start = 7;
  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.1");
  result = simulate (store, program, NULL, NULL);

  /* The fiscal year 2018 starts on 2017-07-01. */
  row = partner_of (result, "P1");
  g_assert_cmpuint (row->periods->len, ==, 2);
  g_assert_cmpstr (period_of (row, 0)->label, ==, "FY2017-Q4");
  g_assert_cmpint (period_of (row, 0)->first, ==, 20170401);
  g_assert_cmpint (period_of (row, 0)->last, ==, 20170630);
  g_assert_cmpint (period_of (row, 0)->payout, ==, decimal ("10"));
  g_assert_cmpstr (period_of (row, 1)->label, ==, "FY2018-Q1");
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("20"));

  g_assert_cmpuint (result->period_totals->len, ==, 2);
  g_assert_cmpstr (g_array_index (result->period_totals, PalierPeriodTotal, 1).label, ==, "FY2018-Q1");
  g_assert_cmpint (g_array_index (result->period_totals, PalierPeriodTotal, 1).sales, ==, decimal ("200"));
}

static const TestSale range_sales[] = {
  { "2017-01-15", "P1", "100" },
  { "2017-02-15", "P1", "200" },
  { "2017-04-15", "P1", "400" },
  { "2017-05-15", "P1", "800" },
  { "2017-05-15", "P2", "1600" },
};

static void
test_period_range (void)
{
  g_autoptr(PalierStore) store = store_with_sales (range_sales, G_N_ELEMENTS (range_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.1");
  result = simulate (store, program, "2017-02-01", "2017-04-30");

  g_assert_cmpint (result->from, ==, 20170201);
  g_assert_cmpint (result->to, ==, 20170430);
  g_assert_cmpint (result->total_sales, ==, decimal ("600"));

  /* P2 has no line in the range, so it is not listed. */
  g_assert_cmpuint (result->partners->len, ==, 1);
  g_assert_null (palier_result_find_partner (result, "P2"));

  /* Q1 pays on February only, Q2 on April only. */
  row = partner_of (result, "P1");
  g_assert_cmpuint (row->periods->len, ==, 2);
  g_assert_cmpint (period_of (row, 0)->sales, ==, decimal ("200"));
  g_assert_cmpint (period_of (row, 0)->payout, ==, decimal ("20"));
  g_assert_cmpint (period_of (row, 1)->sales, ==, decimal ("400"));
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("40"));
}

static void
test_period_default_range (void)
{
  g_autoptr(PalierStore) store = store_with_sales (range_sales, G_N_ELEMENTS (range_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = simulate (store, program, NULL, NULL);

  g_assert_cmpint (result->from, ==, 20170115);
  g_assert_cmpint (result->to, ==, 20170515);
  g_assert_cmpint (result->total_sales, ==, decimal ("3100"));
  g_assert_cmpuint (result->partners->len, ==, 2);
  g_assert_cmpstr (((PalierPartnerResult *) g_ptr_array_index (result->partners, 0))->partner, ==, "P1");
}

static void
test_period_invalid_range (void)
{
  g_autoptr(PalierStore) store = store_with_sales (range_sales, G_N_ELEMENTS (range_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(GError) error = NULL;
  PalierSimulateOptions options = { date ("2017-12-31"), date ("2017-01-01") };
  PalierResult *result = palier_simulate (store, program, &options, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_INVALID_RANGE);
  g_assert_nonnull (strstr (error->message, "2017-12-31"));
}

/* Rounding */

static const TestSale cent_sales[] = {
  { "2017-01-10", "P1", "0.10" },
  { "2017-01-11", "P1", "0.10" },
  { "2017-01-12", "P1", "0.10" },
};

static void
test_rounding_once (void)
{
  g_autoptr(PalierStore) store = store_with_sales (cent_sales, G_N_ELEMENTS (cent_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.05");
  result = simulate (store, program, NULL, NULL);

  /* 0.30 x 5 % = 0.015, rounded once to 0.02; per line it would be
   * 3 x round (0.005) = 0.03. */
  g_assert_cmpint (result->total_payout, ==, decimal ("0.02"));
}

static const TestSale two_quarter_sales[] = {
  { "2017-01-10", "P1", "0.10" },
  { "2017-04-10", "P1", "0.10" },
};

static void
test_rounding_totals (void)
{
  g_autoptr(PalierStore) store = store_with_sales (two_quarter_sales, G_N_ELEMENTS (two_quarter_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.05");
  result = simulate (store, program, NULL, NULL);

  /* Each quarter pays round (0.005) = 0.01, and the total is their sum,
   * not round (0.010). */
  g_assert_cmpint (period_of (partner_of (result, "P1"), 0)->payout, ==, decimal ("0.01"));
  g_assert_cmpint (period_of (partner_of (result, "P1"), 1)->payout, ==, decimal ("0.01"));
  g_assert_cmpint (result->total_payout, ==, decimal ("0.02"));
}

/* Negative bases (version 2) */

static const TestSale negative_sales[] = {
  { "2017-01-10", "P1", "-100" },
  { "2017-04-10", "P1", "300" },
  { "2017-10-10", "P2", "-100" },
  { "2018-01-10", "P2", "300" },
};

static PalierResult *
simulate_negative (PalierNegativePolicy policy)
{
  g_autoptr(PalierStore) store = store_with_sales (negative_sales, G_N_ELEMENTS (negative_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  component->negative = policy;
  add_tier (component, "0", "0.1");
  return simulate (store, program, NULL, NULL);
}

static void
test_negative_zero (void)
{
  g_autoptr(PalierResult) result = simulate_negative (PALIER_NEGATIVE_ZERO);
  const PalierPartnerResult *row = partner_of (result, "P1");

  g_assert_cmpint (period_of (row, 0)->payout, ==, 0);
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("30"));
}

static void
test_negative_carry_forward (void)
{
  g_autoptr(PalierResult) result = simulate_negative (PALIER_NEGATIVE_CARRY_FORWARD);
  const PalierPartnerResult *row = partner_of (result, "P1");

  /* Q2 pays on 300 - 100 = 200. */
  g_assert_cmpint (period_of (row, 0)->payout, ==, 0);
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("20"));

  /* The deficit of 2017-Q4 does not cross into the fiscal year 2018. */
  row = partner_of (result, "P2");
  g_assert_cmpint (period_of (row, 0)->payout, ==, 0);
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("30"));
}

/* Component periods longer than the program's (version 2) */

static const TestSale yearly_sales[] = {
  { "2017-01-10", "P1", "1000" },
  { "2017-04-10", "P1", "1000" },
  { "2017-07-10", "P1", "1000" },
};

static PalierProgram *
yearly_program (void)
{
  PalierProgram *program = program_new ("1000");
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_BONUS, "rebate",
                             PALIER_BASIS_ATTAINMENT, PALIER_METHOD_MARGINAL);
  component->has_period = TRUE;
  component->period = PALIER_PERIOD_YEAR;
  add_level (component, "0.5", "50");
  add_level (component, "0.9", "90");
  return program;
}

static void
test_component_period_year (void)
{
  g_autoptr(PalierStore) store = store_with_sales (yearly_sales, G_N_ELEMENTS (yearly_sales));
  g_autoptr(PalierProgram) program = yearly_program ();
  g_autoptr(PalierResult) result = simulate (store, program, "2017-01-01", "2017-12-31");
  const PalierPartnerResult *row = partner_of (result, "P1");

  /* 3 000 of a yearly quota of 4 x 1 000: 0.75 reaches the first level.
   * It lands in Q4, listed although P1 sold nothing then. */
  g_assert_cmpint (result->total_payout, ==, decimal ("50"));
  g_assert_cmpuint (row->periods->len, ==, 4);
  g_assert_cmpstr (period_of (row, 3)->label, ==, "2017-Q4");
  g_assert_cmpint (period_of (row, 3)->sales, ==, 0);
  g_assert_cmpint (period_of (row, 3)->payout, ==, decimal ("50"));
  g_assert_cmpint (period_of (row, 0)->payout, ==, 0);
}

static void
test_component_period_cut (void)
{
  g_autoptr(PalierStore) store = store_with_sales (yearly_sales, G_N_ELEMENTS (yearly_sales));
  g_autoptr(PalierProgram) program = yearly_program ();
  g_autoptr(PalierResult) result = simulate (store, program, "2017-01-01", "2017-06-30");
  const PalierPartnerResult *row = partner_of (result, "P1");

  /* The range covers two quarters: 2 000 of 2 x 1 000 reaches 0.9, and
   * the payout lands in Q2, the range's last period. */
  g_assert_cmpuint (row->periods->len, ==, 2);
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("90"));
  g_assert_cmpint (result->total_payout, ==, decimal ("90"));
}

/* Deal bonuses (version 2) */

static const TestSale deal_sales[] = {
  { "2017-01-10", "P1", "6000", NULL, NULL, NULL, NULL, NULL, "D1" },
  { "2017-01-20", "P1", "5000", NULL, NULL, NULL, NULL, NULL, "D1" },
  { "2017-02-01", "P1", "3000", NULL, NULL, NULL, NULL, NULL, "D2" },
  { "2017-03-30", "P1", "8000", NULL, NULL, NULL, NULL, NULL, "D3" },
  { "2017-04-02", "P1", "4000", NULL, NULL, NULL, NULL, NULL, "D3" },
  { "2017-05-01", "P1", "20000" },
  { "2017-01-05", "P2", "15000" },
  { "2017-01-06", "P2", "15000" },
  { "2017-01-07", "P3", "10000.5", NULL, NULL, NULL, NULL, NULL, "E1" },
  { "2017-01-08", "P3", "10000.5", NULL, NULL, NULL, NULL, NULL, "E2" },
};

static void
test_deal_bonus (void)
{
  g_autoptr(PalierStore) store = store_with_sales (deal_sales, G_N_ELEMENTS (deal_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;
  PalierComponent *component;

  component = palier_component_new (PALIER_COMPONENT_DEAL_BONUS, "big-deal", "Big deal");
  component->deal_min = decimal ("10000");
  component->deal_amount = decimal ("250");
  component->has_deal_rate = TRUE;
  component->deal_rate = decimal ("0.005");
  g_ptr_array_add (program->components, component);
  result = simulate (store, program, NULL, NULL);

  /* Q1: D1 (11 000) pays 250 + 55 and D3 (12 000, dated by its March
   * line) 250 + 60; D2 is too small.  Q2: the line without a deal id is
   * a deal of 20 000 and pays 250 + 100. */
  row = partner_of (result, "P1");
  g_assert_cmpuint (row->periods->len, ==, 2);
  g_assert_cmpint (period_of (row, 0)->payout, ==, decimal ("615"));
  g_assert_cmpint (period_of (row, 1)->payout, ==, decimal ("350"));
  g_assert_cmpint (period_of (row, 1)->sales, ==, decimal ("24000"));

  /* Each line of P2 is its own deal: 2 x (250 + 75). */
  g_assert_cmpint (partner_of (result, "P2")->payout, ==, decimal ("650"));

  /* P3: 2 x (250 + 50.0025) = 600.005, rounded once to 600.01, where
   * rounding per deal would give 600.00. */
  g_assert_cmpint (partner_of (result, "P3")->payout, ==, decimal ("600.01"));
  g_assert_cmpint (result->total_payout, ==, decimal ("2215.01"));
}

/* Rewards (version 2) */

static const TestSale reward_sales[] = {
  { "2017-02-10", "A", "5000" },
  { "2017-02-10", "B", "3000" },
  { "2017-02-10", "C", "3000" },
  { "2017-02-10", "D", "1000" },
  { "2017-02-10", "E", "-100" },
};

static void
test_reward_top (void)
{
  g_autoptr(PalierStore) store = store_with_sales (reward_sales, G_N_ELEMENTS (reward_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;
  const PalierRewardResult *reward;
  PalierComponent *component;

  component = palier_component_new (PALIER_COMPONENT_REWARD, "trip", "Incentive trip");
  component->reward_kind = PALIER_REWARD_TRIP;
  component->unit_cost = decimal ("4500");
  component->reward_rule = PALIER_REWARD_RULE_TOP;
  component->top_count = 2;
  component->has_period = TRUE;
  component->period = PALIER_PERIOD_YEAR;
  g_ptr_array_add (program->components, component);
  result = simulate (store, program, "2017-01-01", "2017-12-31");

  /* A is first; B and C tie at the cut-off and both qualify. */
  g_assert_true (result->has_rewards);
  g_assert_cmpint (result->total_payout, ==, 0);
  g_assert_cmpint (result->total_non_cash, ==, decimal ("13500"));
  g_assert_cmpint (result->total_cost, ==, decimal ("13500"));
  g_assert_cmpint (result->component_non_cash[0], ==, decimal ("13500"));
  /* 13 500 / 11 900 = 1.1344537... */
  g_assert_cmpint (result->cost_of_sales, ==, decimal ("1.134454"));

  row = partner_of (result, "A");
  g_assert_cmpint (row->non_cash, ==, decimal ("4500"));
  g_assert_cmpuint (row->rewards->len, ==, 1);
  reward = &g_array_index (row->rewards, PalierRewardResult, 0);
  g_assert_cmpstr (reward->component, ==, "trip");
  g_assert_cmpint (reward->kind, ==, PALIER_REWARD_TRIP);
  g_assert_cmpstr (reward->period, ==, "2017");

  /* The yearly reward lands in Q4, listed with no sales. */
  g_assert_cmpuint (row->periods->len, ==, 2);
  g_assert_cmpstr (period_of (row, 1)->label, ==, "2017-Q4");
  g_assert_cmpint (period_of (row, 1)->non_cash, ==, decimal ("4500"));

  g_assert_cmpuint (partner_of (result, "C")->rewards->len, ==, 1);
  g_assert_cmpuint (partner_of (result, "D")->rewards->len, ==, 0);
  g_assert_cmpint (partner_of (result, "D")->non_cash, ==, 0);
  g_assert_cmpuint (partner_of (result, "E")->rewards->len, ==, 0);
}

static const TestSale threshold_sales[] = {
  { "2017-01-10", "A", "1200" },
  { "2017-01-10", "B", "1199.99" },
  { "2017-04-10", "B", "1300" },
};

static void
test_reward_threshold (void)
{
  g_autoptr(PalierStore) store = store_with_sales (threshold_sales, G_N_ELEMENTS (threshold_sales));
  g_autoptr(PalierProgram) program = program_new ("1000");
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;
  PalierComponent *component;

  component = palier_component_new (PALIER_COMPONENT_REWARD, "plaque", "Plaque");
  component->reward_kind = PALIER_REWARD_RECOGNITION;
  component->unit_cost = decimal ("80");
  component->reward_rule = PALIER_REWARD_RULE_THRESHOLD;
  component->threshold_basis = PALIER_BASIS_ATTAINMENT;
  component->threshold_min = decimal ("1.2");
  g_ptr_array_add (program->components, component);
  result = simulate (store, program, NULL, NULL);

  /* Exactly 120 % of the quota qualifies; 119.999 % does not. */
  g_assert_cmpint (partner_of (result, "A")->non_cash, ==, decimal ("80"));
  row = partner_of (result, "B");
  g_assert_cmpuint (row->rewards->len, ==, 1);
  g_assert_cmpstr (g_array_index (row->rewards, PalierRewardResult, 0).period, ==, "2017-Q2");
  g_assert_cmpint (period_of (row, 0)->non_cash, ==, 0);
  g_assert_cmpint (period_of (row, 1)->non_cash, ==, decimal ("80"));
  g_assert_cmpint (result->total_non_cash, ==, decimal ("160"));
}

static void
test_reward_json (void)
{
  g_autoptr(PalierStore) store = store_with_sales (reward_sales, G_N_ELEMENTS (reward_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  PalierComponent *component;

  component = palier_component_new (PALIER_COMPONENT_REWARD, "trip", "Incentive trip");
  component->reward_kind = PALIER_REWARD_TRIP;
  component->unit_cost = decimal ("4500");
  component->reward_rule = PALIER_REWARD_RULE_TOP;
  component->top_count = 1;
  g_ptr_array_add (program->components, component);
  result = simulate (store, program, NULL, NULL);
  palier_result_write (result, PALIER_OUTPUT_JSON, out);

  g_assert_nonnull (strstr (out->str, "\"totals\": {\"sales\": 11900.00, \"payout\": 0.00, "
                                      "\"non_cash\": 4500.00, \"cost\": 4500.00, "
                                      "\"cost_of_sales\": 0.378151}"));
  g_assert_nonnull (strstr (out->str, "{\"id\": \"trip\", \"payout\": 0.00, \"non_cash\": 4500.00}"));
  g_assert_nonnull (strstr (out->str, "\"non_cash\": 4500.00, \"rewards\": [{\"id\": \"trip\", "
                                      "\"kind\": \"trip\", \"period\": \"2017-Q1\"}]"));
  g_assert_nonnull (strstr (out->str, "\"non_cash\": 0.00, \"rewards\": []"));
}

/* Phases */

static void
test_bases_reuse (void)
{
  g_autoptr(PalierStore) store = store_with_sales (filter_sales, G_N_ELEMENTS (filter_sales));
  g_autoptr(PalierProgram) first = program_new (NULL);
  g_autoptr(PalierProgram) raised = NULL;
  g_autoptr(PalierProgram) filtered = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const PalierProgram *programs[] = { NULL, NULL };
  PalierComponent *component;

  component = add_component (first, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.01");
  programs[0] = first;
  bases = palier_bases_compute (store, programs, NULL, NULL, &error);
  g_assert_no_error (error);

  /* A new rate reuses the same sales. */
  raised = palier_program_copy (first);
  component = g_ptr_array_index (raised->components, 0);
  g_array_index (component->tiers, PalierTier, 0).value = decimal ("0.02");
  g_assert_true (palier_bases_can_simulate (bases, raised));
  result = palier_bases_simulate (bases, raised, NULL, &error);
  g_assert_no_error (error);
  /* 15 000 x 2 % */
  g_assert_cmpint (result->total_payout, ==, decimal ("300"));

  /* A new filter needs the sales again. */
  filtered = palier_program_copy (first);
  component = g_ptr_array_index (filtered->components, 0);
  palier_filter_add_value (&component->filter, PALIER_FILTER_CATEGORY, "Technology");
  g_assert_false (palier_bases_can_simulate (bases, filtered));
}

static void
test_cancel (void)
{
  g_autoptr(PalierStore) store = store_with_sales (filter_sales, G_N_ELEMENTS (filter_sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  PalierResult *result;

  g_cancellable_cancel (cancellable);
  result = palier_simulate (store, program, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_true (g_error_matches (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED) ||
                 g_error_matches (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED));
}

/* Comparison */

static const TestSale compare_sales[] = {
  { "2017-01-10", "A", "500" },
  { "2017-01-10", "B", "2000" },
  { "2017-01-10", "C", "-50" },
  { "2017-01-10", "D", "1000" },
};

static void
test_compare_counts (void)
{
  g_autoptr(PalierStore) store = store_with_sales (compare_sales, G_N_ELEMENTS (compare_sales));
  g_autoptr(PalierProgram) baseline = program_new (NULL);
  g_autoptr(PalierProgram) proposal = program_new (NULL);
  g_autoptr(PalierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const PalierComparisonRow *row;
  PalierComponent *component;

  component = add_component (baseline, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.05");
  component = add_component (proposal, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_RETROACTIVE);
  add_tier (component, "0", "0.04");
  add_tier (component, "1000", "0.05");
  add_tier (component, "2000", "0.10");

  comparison = palier_compare (store, baseline, proposal, NULL, NULL, &error);
  g_assert_no_error (error);

  /* A: 25 -> 20; B: 100 -> 200; C: 0 -> 0; D: 50 -> 50. */
  g_assert_cmpuint (comparison->n_gain, ==, 1);
  g_assert_cmpuint (comparison->n_lose, ==, 1);
  g_assert_cmpuint (comparison->n_same, ==, 2);
  g_assert_cmpint (comparison->difference, ==, decimal ("95"));
  g_assert_cmpint (comparison->baseline->total_payout, ==, decimal ("175"));
  g_assert_cmpint (comparison->proposal->total_payout, ==, decimal ("270"));

  g_assert_cmpuint (comparison->rows->len, ==, 4);
  row = g_ptr_array_index (comparison->rows, 0);
  g_assert_cmpstr (row->partner, ==, "B");
  g_assert_cmpint (row->baseline, ==, decimal ("100"));
  g_assert_cmpint (row->proposal, ==, decimal ("200"));
  g_assert_cmpint (row->difference, ==, decimal ("100"));
  row = g_ptr_array_index (comparison->rows, 1);
  g_assert_cmpstr (row->partner, ==, "C");
  row = g_ptr_array_index (comparison->rows, 2);
  g_assert_cmpstr (row->partner, ==, "D");
  row = g_ptr_array_index (comparison->rows, 3);
  g_assert_cmpstr (row->partner, ==, "A");
  g_assert_cmpint (row->difference, ==, decimal ("-5"));
}

static void
test_compare_currency (void)
{
  g_autoptr(PalierStore) store = store_with_sales (compare_sales, G_N_ELEMENTS (compare_sales));
  g_autoptr(PalierProgram) baseline = program_new (NULL);
  g_autoptr(PalierProgram) proposal = program_new (NULL);
  g_autoptr(GError) error = NULL;
  PalierComparison *comparison;

  g_free (proposal->currency);
  proposal->currency = g_strdup ("EUR");
  comparison = palier_compare (store, baseline, proposal, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CURRENCY);
}

/* Output */

static const TestSale output_sales[] = {
  { "2017-01-10", "Q\"1", "100.125", NULL, NULL, "Gold" },
};

static PalierResult *
output_result (void)
{
  g_autoptr(PalierStore) store = store_with_sales (output_sales, G_N_ELEMENTS (output_sales));
  g_autoptr(PalierProgram) program = program_new ("1000");
  PalierComponent *component;

  g_free (program->id);
  program->id = g_strdup ("p");
  g_free (program->name);
  program->name = g_strdup ("P");
  component = add_component (program, PALIER_COMPONENT_COMMISSION, "c",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.1");
  return simulate (store, program, NULL, NULL);
}

static void
test_output_json (void)
{
  g_autoptr(PalierResult) result = output_result ();
  g_autoptr(GString) out = g_string_new (NULL);
  /* Sales 100.125 print as 100.13; the payout 10.0125 rounds to 10.01;
   * cost of sales 10.01 / 100.125 = 0.0999750...; attainment
   * 100.125 / 1 000. */
  const char *expected =
    "{\n"
    "  \"program\": \"p\",\n"
    "  \"name\": \"P\",\n"
    "  \"currency\": \"USD\",\n"
    "  \"period\": \"quarter\",\n"
    "  \"from\": \"2017-01-10\",\n"
    "  \"to\": \"2017-01-10\",\n"
    "  \"totals\": {\"sales\": 100.13, \"payout\": 10.01, \"cost_of_sales\": 0.099975},\n"
    "  \"components\": [\n"
    "    {\"id\": \"c\", \"payout\": 10.01}\n"
    "  ],\n"
    "  \"periods\": [\n"
    "    {\"period\": \"2017-Q1\", \"sales\": 100.13, \"payout\": 10.01, \"components\": {\"c\": 10.01}}\n"
    "  ],\n"
    "  \"partners\": [\n"
    "    {\"partner\": \"Q\\\"1\", \"segment\": \"Gold\", \"sales\": 100.13, \"payout\": 10.01, \"components\": {\"c\": 10.01},\n"
    "      \"periods\": [\n"
    "        {\"period\": \"2017-Q1\", \"sales\": 100.13, \"quota\": 1000.00, \"attainment\": 0.100125, \"payout\": 10.01, \"components\": {\"c\": 10.01}}\n"
    "      ]}\n"
    "  ]\n"
    "}\n";

  palier_result_write (result, PALIER_OUTPUT_JSON, out);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_output_csv (void)
{
  g_autoptr(PalierResult) result = output_result ();
  g_autoptr(GString) out = g_string_new (NULL);
  const char *expected =
    "partner,segment,period,sales,quota,attainment,payout,payout:c\r\n"
    "\"Q\"\"1\",Gold,2017-Q1,100.13,1000.00,0.100125,10.01,10.01\r\n";

  palier_result_write (result, PALIER_OUTPUT_CSV, out);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_output_table (void)
{
  g_autoptr(PalierResult) result = output_result ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *payout = palier_format_money (decimal ("10.01"), "USD");
  g_auto(GStrv) lines = NULL;
  const char *header = NULL;
  const char *rule = NULL;

  palier_result_write (result, PALIER_OUTPUT_TABLE, out);
  g_assert_nonnull (strstr (out->str, payout));

  /* The partner table's rule is as wide as its header. */
  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Partner"))
      {
        header = lines[i];
        rule = lines[i + 1];
      }
  g_assert_nonnull (header);
  g_assert_cmpuint (g_utf8_strlen (rule, -1), ==, g_utf8_strlen (header, -1));
}

static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
test_output_table_wide (void)
{
  static const TestSale sales[] = {
    { "2017-01-10", "東京-1", "100", NULL, NULL, "Gold" },
    { "2017-01-10", "P2", "12345.67", NULL, NULL, "Silver" },
  };
  g_autoptr(PalierStore) store = store_with_sales (sales, G_N_ELEMENTS (sales));
  g_autoptr(PalierProgram) program = program_new (NULL);
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint header = 0;
  PalierComponent *component;

  component = add_component (program, PALIER_COMPONENT_COMMISSION, "base",
                             PALIER_BASIS_AMOUNT, PALIER_METHOD_MARGINAL);
  add_tier (component, "0", "0.1");
  result = simulate (store, program, NULL, NULL);
  palier_result_write (result, PALIER_OUTPUT_TABLE, out);

  /* The header, its rule and both rows of the partner table end in the
   * same column: "東京" takes four columns for two characters. */
  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Partner"))
      header = i;
  g_assert_cmpuint (header, >, 0);
  g_assert_nonnull (lines[header + 3]);
  g_assert_cmpuint (display_width (lines[header + 1]), ==, display_width (lines[header]));
  g_assert_cmpuint (display_width (lines[header + 2]), ==, display_width (lines[header]));
  g_assert_cmpuint (display_width (lines[header + 3]), ==, display_width (lines[header]));
  g_assert_true (g_str_has_prefix (lines[header + 3], "東京-1  "));
}

static void
test_output_format_names (void)
{
  PalierOutputFormat format = PALIER_OUTPUT_TABLE;

  g_assert_true (palier_output_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, PALIER_OUTPUT_JSON);
  g_assert_true (palier_output_format_from_string ("CSV", &format));
  g_assert_cmpint (format, ==, PALIER_OUTPUT_CSV);
  g_assert_false (palier_output_format_from_string ("xml", &format));
}

/* Acceptance on the Superstore sample */

static void
test_superstore (void)
{
  g_autofree char *csv_path = palier_test_shared_path ("data/real/superstore/superstore.csv");
  g_autofree char *program_path = palier_test_shared_path ("acceptance/programs/superstore-quarterly.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierImportOptions options;
  PalierImportReport report;

  if (csv_path == NULL || program_path == NULL)
    {
      g_test_skip ("the shared Superstore data is absent");
      return;
    }

  palier_import_options_init (&options);
  options.columns[PALIER_FIELD_DATE] = g_strdup ("Order Date");
  options.columns[PALIER_FIELD_PARTNER] = g_strdup ("Customer ID");
  options.columns[PALIER_FIELD_AMOUNT] = g_strdup ("Sales");
  options.columns[PALIER_FIELD_MARGIN] = g_strdup ("Profit");
  options.columns[PALIER_FIELD_CATEGORY] = g_strdup ("Category");
  options.columns[PALIER_FIELD_SEGMENT] = g_strdup ("Segment");
  options.columns[PALIER_FIELD_REGION] = g_strdup ("Region");
  plan = palier_import_plan_new (csv_path, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);

  store = palier_store_new_memory (&error);
  g_assert_no_error (error);
  palier_import_report_init (&report);
  g_assert_true (palier_store_import_sales (store, plan, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  palier_import_report_clear (&report);

  program = palier_program_read_file (program_path, &error);
  g_assert_no_error (error);

  result = simulate (store, program, "2017-01-01", "2017-12-31");
  g_assert_cmpint (palier_decimal_round (result->total_sales, 2), ==, decimal ("733215.26"));
  g_assert_cmpint (result->total_payout, ==, decimal ("46764.72"));
  g_assert_cmpuint (result->n_components, ==, 3);
  g_assert_cmpint (result->component_totals[0], ==, decimal ("38398.40"));
  g_assert_cmpint (result->component_totals[1], ==, decimal ("896.32"));
  g_assert_cmpint (result->component_totals[2], ==, decimal ("7470.00"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/simulate/commission/marginal-amount", test_commission_marginal_amount);
  g_test_add_func ("/simulate/commission/retroactive-amount", test_commission_retroactive_amount);
  g_test_add_func ("/simulate/commission/marginal-attainment", test_commission_marginal_attainment);
  g_test_add_func ("/simulate/commission/retroactive-attainment", test_commission_retroactive_attainment);
  g_test_add_func ("/simulate/commission/gate", test_commission_gate);
  g_test_add_func ("/simulate/commission/cap", test_commission_cap);
  g_test_add_func ("/simulate/bonus/levels", test_bonus_levels);
  g_test_add_func ("/simulate/quota/segment", test_quota_segment);
  g_test_add_func ("/simulate/quota/missing", test_quota_missing);
  g_test_add_func ("/simulate/filter/category", test_filter_category);
  g_test_add_func ("/simulate/filter/region", test_filter_region);
  g_test_add_func ("/simulate/filter/segment", test_filter_segment);
  g_test_add_func ("/simulate/filter/zero-base", test_filter_zero_base);
  g_test_add_func ("/simulate/filter/start-end", test_filter_start_end);
  g_test_add_func ("/simulate/measure/margin-units", test_measure_margin_units);
  g_test_add_func ("/simulate/period/fiscal-year", test_period_fiscal_year);
  g_test_add_func ("/simulate/period/range", test_period_range);
  g_test_add_func ("/simulate/period/default-range", test_period_default_range);
  g_test_add_func ("/simulate/period/invalid-range", test_period_invalid_range);
  g_test_add_func ("/simulate/rounding/once", test_rounding_once);
  g_test_add_func ("/simulate/rounding/totals", test_rounding_totals);
  g_test_add_func ("/simulate/negative/zero", test_negative_zero);
  g_test_add_func ("/simulate/negative/carry-forward", test_negative_carry_forward);
  g_test_add_func ("/simulate/component-period/year", test_component_period_year);
  g_test_add_func ("/simulate/component-period/cut", test_component_period_cut);
  g_test_add_func ("/simulate/deal-bonus/deals", test_deal_bonus);
  g_test_add_func ("/simulate/reward/top", test_reward_top);
  g_test_add_func ("/simulate/reward/threshold", test_reward_threshold);
  g_test_add_func ("/simulate/reward/json", test_reward_json);
  g_test_add_func ("/simulate/bases/reuse", test_bases_reuse);
  g_test_add_func ("/simulate/cancel", test_cancel);
  g_test_add_func ("/simulate/compare/counts", test_compare_counts);
  g_test_add_func ("/simulate/compare/currency", test_compare_currency);
  g_test_add_func ("/simulate/output/json", test_output_json);
  g_test_add_func ("/simulate/output/csv", test_output_csv);
  g_test_add_func ("/simulate/output/table", test_output_table);
  g_test_add_func ("/simulate/output/table-wide", test_output_table_wide);
  g_test_add_func ("/simulate/output/format-names", test_output_format_names);
  g_test_add_func ("/simulate/acceptance/superstore", test_superstore);

  return g_test_run ();
}
