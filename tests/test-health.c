/* test-health.c: program health and partner statements
 *
 * Every expected value is computed by hand in the comment above its
 * check.  Statements are also checked against the simulation for every
 * partner and period of the sample workspace and of Superstore.
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "palier.h"
#include "palier-test.h"

typedef struct {
  const char *date;
  const char *partner;
  const char *amount;
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
      PalierSaleRow row = { 0 };

      row.line = i + 2;
      g_assert_true (palier_date_parse_iso (sales[i].date, &row.date));
      row.partner = sales[i].partner;
      row.amount = decimal (sales[i].amount);
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* A quarterly USD program with one commission on amounts. */
static PalierProgram *
program_with_commission (PalierMethod method)
{
  PalierProgram *program = palier_program_new ("test", "Test program");
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "c", "Commission");

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  component->method = method;
  palier_program_add_component (program, component);
  return program;
}

static PalierBases *
bases_for (PalierStore         *store,
           const PalierProgram *program)
{
  const PalierProgram *programs[] = { program, NULL };
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  g_autoptr(GError) error = NULL;
  PalierBases *bases = palier_bases_compute (store, programs, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bases);
  return bases;
}

static PalierHealth *
health_for (const TestSale      *sales,
            guint                n_sales,
            const PalierProgram *program,
            const char          *near)
{
  g_autoptr(PalierStore) store = store_with_sales (sales, n_sales);
  g_autoptr(PalierBases) bases = bases_for (store, program);
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PalierHealth *health;

  result = palier_bases_simulate (bases, program, NULL, &error);
  g_assert_no_error (error);
  health = palier_health_compute (bases, program, result, decimal (near), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (health);
  return health;
}

/* Concentration */

static void
test_concentration_equal (void)
{
  const TestSale sales[] = {
    { "2024-01-10", "A", "1000" }, { "2024-01-10", "B", "1000" },
    { "2024-01-10", "C", "1000" }, { "2024-01-10", "D", "1000" },
  };
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(PalierHealth) health = NULL;
  PalierComponent *component = g_ptr_array_index (program->components, 0);

  palier_component_add_tier (component, 0, decimal ("0.1"));
  health = health_for (sales, G_N_ELEMENTS (sales), program, "0.05");

  /* Four costs of 100: no inequality; the top ceil(4 / 10) = 1 partner
   * earns 100 / 400. */
  g_assert_cmpuint (health->n_partners, ==, 4);
  g_assert_cmpuint (health->n_paid, ==, 4);
  g_assert_cmpint (health->gini, ==, 0);
  g_assert_cmpint (health->top_decile_share, ==, decimal ("0.25"));
}

static void
test_concentration_one_takes_all (void)
{
  const TestSale sales[] = {
    { "2024-01-10", "A", "100" }, { "2024-01-10", "B", "100" },
    { "2024-01-10", "C", "100" }, { "2024-01-10", "D", "100" },
    { "2024-01-10", "E", "1000" },
  };
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(PalierHealth) health = NULL;
  PalierComponent *component = g_ptr_array_index (program->components, 0);

  palier_component_add_tier (component, 0, decimal ("0.1"));
  component->has_gate = TRUE;
  component->gate = decimal ("500");
  health = health_for (sales, G_N_ELEMENTS (sales), program, "0.05");

  /* Only E passes the gate: Gini (n - 1) / n = 4 / 5, and the top
   * partner earns everything. */
  g_assert_cmpuint (health->n_partners, ==, 5);
  g_assert_cmpuint (health->n_paid, ==, 1);
  g_assert_cmpint (health->gini, ==, decimal ("0.8"));
  g_assert_cmpint (health->top_decile_share, ==, PALIER_DECIMAL_ONE);
}

static void
test_concentration_worked (void)
{
  const TestSale sales[] = {
    { "2024-01-10", "A", "100" }, { "2024-01-10", "B", "300" },
    { "2024-01-10", "C", "200" }, { "2024-01-10", "D", "400" },
  };
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(PalierHealth) health = NULL;
  PalierComponent *component = g_ptr_array_index (program->components, 0);
  const PalierEffectiveRate *first;

  palier_component_add_tier (component, 0, decimal ("0.1"));
  health = health_for (sales, G_N_ELEMENTS (sales), program, "0.05");

  /* Costs 10, 20, 30, 40: Σ i x_i = 10 + 40 + 90 + 160 = 300, so
   * Gini = (2 × 300 - 5 × 100) / (4 × 100) = 0.25; the top partner
   * earns 40 of 100. */
  g_assert_cmpint (health->gini, ==, decimal ("0.25"));
  g_assert_cmpint (health->top_decile_share, ==, decimal ("0.4"));

  /* Rates by cost, largest first: D earns 40 on 400. */
  g_assert_cmpuint (health->rates->len, ==, 4);
  first = &g_array_index (health->rates, PalierEffectiveRate, 0);
  g_assert_cmpstr (first->partner, ==, "D");
  g_assert_cmpint (first->cost, ==, decimal ("40"));
  g_assert_cmpint (first->sales, ==, decimal ("400"));
  g_assert_cmpint (first->rate, ==, decimal ("0.1"));
}

/* Cliffs */

/* Bases 9 500, 9 499.99, 10 000 and 5 000 against tiers 0 → 4 % and
 * 10 000 → 6 %. */
static const TestSale cliff_sales[] = {
  { "2024-01-10", "A", "9500" },
  { "2024-01-10", "B", "9499.99" },
  { "2024-01-10", "C", "10000" },
  { "2024-01-10", "D", "5000" },
};

static PalierHealth *
cliff_health (PalierMethod method)
{
  g_autoptr(PalierProgram) program = program_with_commission (method);
  PalierComponent *component = g_ptr_array_index (program->components, 0);

  palier_component_add_tier (component, 0, decimal ("0.04"));
  palier_component_add_tier (component, decimal ("10000"), decimal ("0.06"));
  return health_for (cliff_sales, G_N_ELEMENTS (cliff_sales), program, "0.05");
}

static void
test_cliffs_retroactive (void)
{
  g_autoptr(PalierHealth) health = cliff_health (PALIER_METHOD_RETROACTIVE);
  const PalierCliff *cliff;

  /* 10 000 × 0.95 = 9 500 counts; 9 499.99 does not; 10 000 is on the
   * boundary, not below it. */
  g_assert_cmpuint (health->cliffs->len, ==, 1);
  g_assert_cmpuint (health->n_near_partners, ==, 1);
  cliff = &g_array_index (health->cliffs, PalierCliff, 0);
  g_assert_cmpstr (cliff->partner, ==, "A");
  g_assert_cmpstr (cliff->component, ==, "c");
  g_assert_cmpstr (cliff->period, ==, "2024-Q1");
  g_assert_cmpuint (cliff->index, ==, 1);
  g_assert_cmpint (cliff->base, ==, decimal ("9500"));
  g_assert_cmpint (cliff->boundary, ==, decimal ("10000"));
  g_assert_cmpint (cliff->gap, ==, decimal ("500"));

  /* 10 000 × 6 % - 9 500 × 4 % = 600 - 380. */
  g_assert_cmpint (cliff->step, ==, decimal ("220"));
}

static void
test_cliffs_marginal (void)
{
  g_autoptr(PalierHealth) health = cliff_health (PALIER_METHOD_MARGINAL);

  g_assert_cmpuint (health->cliffs->len, ==, 0);
  g_assert_cmpuint (health->n_near_partners, ==, 0);
}

static void
test_cliffs_bonus_and_gate (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("test", "Test program");
  g_autoptr(PalierHealth) health = NULL;
  PalierComponent *bonus = palier_component_new (PALIER_COMPONENT_BONUS, "club", "Club");
  PalierComponent *gated = palier_component_new (PALIER_COMPONENT_COMMISSION, "gated", "Gated");
  const PalierCliff *cliff;

  palier_component_add_level (bonus, decimal ("10000"), decimal ("100"));
  palier_component_add_level (bonus, decimal ("20000"), decimal ("100"));
  palier_program_add_component (program, bonus);
  palier_component_add_tier (gated, 0, decimal ("0.01"));
  gated->has_gate = TRUE;
  gated->gate = decimal ("9800");
  palier_program_add_component (program, gated);
  health = health_for (cliff_sales, G_N_ELEMENTS (cliff_sales), program, "0.05");

  /* A (9 500) is near the level (step 100) and the gate (9 800 × 1 % =
   * 98); B (9 499.99) is near the gate only, 9 800 × 0.95 = 9 310.  The
   * second level pays no more than the first, so it is no cliff. */
  g_assert_cmpuint (health->cliffs->len, ==, 3);
  g_assert_cmpuint (health->n_near_partners, ==, 2);

  cliff = &g_array_index (health->cliffs, PalierCliff, 0);
  g_assert_cmpstr (cliff->partner, ==, "A");
  g_assert_cmpstr (cliff->component, ==, "club");
  g_assert_cmpint (cliff->step, ==, decimal ("100"));
  g_assert_false (cliff->gate);

  cliff = &g_array_index (health->cliffs, PalierCliff, 1);
  g_assert_cmpstr (cliff->partner, ==, "A");
  g_assert_cmpstr (cliff->component, ==, "gated");
  g_assert_cmpint (cliff->step, ==, decimal ("98"));
  g_assert_true (cliff->gate);

  cliff = &g_array_index (health->cliffs, PalierCliff, 2);
  g_assert_cmpstr (cliff->partner, ==, "B");
  g_assert_cmpint (cliff->boundary, ==, decimal ("9800"));
  g_assert_cmpint (cliff->step, ==, decimal ("98"));
  g_assert_true (cliff->gate);
}

static void
test_health_invalid_near (void)
{
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(PalierStore) store = store_with_sales (cliff_sales, G_N_ELEMENTS (cliff_sales));
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(PalierHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  palier_component_add_tier (g_ptr_array_index (program->components, 0), 0, decimal ("0.04"));
  bases = bases_for (store, program);
  result = palier_bases_simulate (bases, program, NULL, &error);
  g_assert_no_error (error);

  health = palier_health_compute (bases, program, result, 0, NULL, &error);
  g_assert_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_INVALID);
  g_assert_null (health);
}

/* Statements: the worked examples of three tiers, 0 → 4 %, 150 000 →
 * 6 % and 250 000 → 8 %, on a base of 220 000. */

static PalierStatement *
worked_statement (PalierMethod method)
{
  const TestSale sales[] = {
    { "2024-02-01", "P1", "200000" },
    { "2024-03-15", "P1", "20000" },
    { "2024-02-01", "P2", "1000" },
  };
  g_autoptr(PalierProgram) program = program_with_commission (method);
  g_autoptr(PalierStore) store = store_with_sales (sales, G_N_ELEMENTS (sales));
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(GError) error = NULL;
  PalierComponent *component = g_ptr_array_index (program->components, 0);
  PalierStatement *statement;

  palier_component_add_tier (component, 0, decimal ("0.04"));
  palier_component_add_tier (component, decimal ("150000"), decimal ("0.06"));
  palier_component_add_tier (component, decimal ("250000"), decimal ("0.08"));
  bases = bases_for (store, program);

  statement = palier_statement_compute (bases, program, "P1", "2024-Q1", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (statement);
  return statement;
}

static const PalierPayoutStep *
step_at (const PalierStatementLine *line,
         guint                      index)
{
  g_assert_cmpuint (index, <, line->steps->len);
  return &g_array_index (line->steps, PalierPayoutStep, index);
}

static void
test_statement_marginal (void)
{
  g_autoptr(PalierStatement) statement = worked_statement (PALIER_METHOD_MARGINAL);
  g_autoptr(GString) text = g_string_new (NULL);
  const PalierStatementLine *line;

  g_assert_cmpstr (statement->partner, ==, "P1");
  g_assert_cmpstr (statement->period, ==, "2024-Q1");
  g_assert_cmpint (statement->first, ==, 20240101);
  g_assert_cmpint (statement->last, ==, 20240331);
  g_assert_cmpint (statement->sales, ==, decimal ("220000"));
  g_assert_cmpuint (statement->lines->len, ==, 1);

  /* 150 000 × 4 % + 70 000 × 6 % = 6 000 + 4 200. */
  line = g_ptr_array_index (statement->lines, 0);
  g_assert_cmpint (line->input.base, ==, decimal ("220000"));
  g_assert_cmpuint (line->steps->len, ==, 2);
  g_assert_cmpint (step_at (line, 0)->from, ==, 0);
  g_assert_cmpint (step_at (line, 0)->to, ==, decimal ("150000"));
  g_assert_cmpint (step_at (line, 0)->value, ==, decimal ("0.04"));
  g_assert_true (step_at (line, 0)->amount == (PalierWide) decimal ("6000") * PALIER_DECIMAL_ONE * PALIER_DECIMAL_ONE);
  g_assert_cmpint (step_at (line, 1)->from, ==, decimal ("150000"));
  g_assert_cmpint (step_at (line, 1)->to, ==, decimal ("220000"));
  g_assert_cmpint (step_at (line, 1)->value, ==, decimal ("0.06"));
  g_assert_true (step_at (line, 1)->amount == (PalierWide) decimal ("4200") * PALIER_DECIMAL_ONE * PALIER_DECIMAL_ONE);
  g_assert_cmpint (line->payout, ==, decimal ("10200"));
  g_assert_cmpint (statement->payout, ==, decimal ("10200"));

  palier_statement_write (statement, PALIER_OUTPUT_TABLE, text);
  g_assert_nonnull (strstr (text->str, "Tier 2: 150,000.00 – 220,000.00 × 6%: $4,200.00"));
  g_assert_nonnull (strstr (text->str, "Total payout: $10,200.00"));
}

/* A base with more decimals than the currency is printed with all of
 * them, as a plain number in the header's currency, so that base × rate
 * gives the line back: 8 820.8136 × 4 % = 352.832544, paid 352.83. */
static void
test_statement_exact_base (void)
{
  const TestSale sales[] = {
    { "2024-02-01", "P1", "8000.5" },
    { "2024-03-15", "P1", "820.3136" },
  };
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(PalierStore) store = store_with_sales (sales, G_N_ELEMENTS (sales));
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierStatement) statement = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  palier_component_add_tier (g_ptr_array_index (program->components, 0), 0, decimal ("0.04"));
  bases = bases_for (store, program);
  statement = palier_statement_compute (bases, program, "P1", "2024-Q1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (statement->payout, ==, decimal ("352.83"));

  palier_statement_write (statement, PALIER_OUTPUT_TABLE, text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Currency: USD"));
  g_assert_nonnull (strstr (text->str, "Base (revenue): 8,820.8136\n"));
  g_assert_nonnull (strstr (text->str, "Tier 1: 0.00 – 8,820.8136 × 4%: $352.83"));
  g_assert_nonnull (strstr (text->str, "Sales in the period: 8,820.8136\n"));
  g_assert_nonnull (strstr (text->str, "Bases, quotas and boundaries are amounts in USD"));
  g_assert_null (strstr (text->str, "8,820.8136 $"));
}

static void
test_statement_retroactive (void)
{
  g_autoptr(PalierStatement) statement = worked_statement (PALIER_METHOD_RETROACTIVE);
  g_autoptr(GString) json = g_string_new (NULL);
  const PalierStatementLine *line;

  /* The whole 220 000 at the second tier's 6 %. */
  line = g_ptr_array_index (statement->lines, 0);
  g_assert_cmpuint (line->steps->len, ==, 1);
  g_assert_cmpint (step_at (line, 0)->kind, ==, PALIER_STEP_TIER);
  g_assert_cmpuint (step_at (line, 0)->index, ==, 1);
  g_assert_cmpint (step_at (line, 0)->from, ==, 0);
  g_assert_cmpint (step_at (line, 0)->to, ==, decimal ("220000"));
  g_assert_cmpint (step_at (line, 0)->value, ==, decimal ("0.06"));
  g_assert_cmpint (statement->payout, ==, decimal ("13200"));

  palier_statement_write (statement, PALIER_OUTPUT_JSON, json);
  g_assert_nonnull (strstr (json->str, "\"payout\": 13200.00"));
}

static void
test_statement_not_found (void)
{
  const TestSale sales[] = { { "2024-02-01", "P1", "100" } };
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(PalierStore) store = store_with_sales (sales, G_N_ELEMENTS (sales));
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  palier_component_add_tier (g_ptr_array_index (program->components, 0), 0, decimal ("0.04"));
  bases = bases_for (store, program);

  statement = palier_statement_compute (bases, program, "P9", "2024-Q1", NULL, &error);
  g_assert_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_NOT_FOUND);
  g_assert_null (statement);
  g_clear_error (&error);

  statement = palier_statement_compute (bases, program, "P1", "2024-03", NULL, &error);
  g_assert_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_NOT_FOUND);
  g_assert_null (statement);
  g_clear_error (&error);

  statement = palier_statement_compute (bases, program, "P1", "2024-Q2", NULL, &error);
  g_assert_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_NOT_FOUND);
  g_assert_null (statement);
}

/* Statements against the simulation */

typedef struct {
  guint n_statements;
  guint n_carried;                      /* lines with a carried deficit */
  guint n_deals;
  guint n_qualified;
  guint n_longer;                       /* lines of a longer component period */
} StatementCounts;

static guint
component_number (const PalierProgram *program,
                  const char          *id)
{
  for (guint c = 0; c < program->components->len; c++)
    if (g_str_equal (((PalierComponent *) g_ptr_array_index (program->components, c))->id, id))
      return c;
  g_assert_not_reached ();
}

/* Checks that the statement of every partner and period of @result pays
 * what the simulation paid, component by component. */
static void
check_every_statement (const PalierBases  *bases,
                       const PalierResult *result,
                       StatementCounts    *counts)
{
  const PalierProgram *program = result->program;

  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *partner = g_ptr_array_index (result->partners, i);

      for (guint p = 0; p < partner->periods->len; p++)
        {
          const PalierPeriodResult *period = &g_array_index (partner->periods, PalierPeriodResult, p);
          g_autoptr(PalierStatement) statement = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree PalierDecimal *by_component = g_new0 (PalierDecimal, program->components->len + 1);

          statement = palier_statement_compute (bases, program, partner->partner, period->label,
                                                NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (statement->payout, ==, period->payout);
          g_assert_cmpint (statement->non_cash, ==, period->non_cash);
          g_assert_cmpint (statement->sales, ==, period->sales);

          for (guint l = 0; l < statement->lines->len; l++)
            {
              const PalierStatementLine *line = g_ptr_array_index (statement->lines, l);

              by_component[component_number (program, line->component->id)] += line->payout;
              counts->n_carried += line->carried_in != 0;
              counts->n_deals += line->deals != NULL ? line->deals->len : 0;
              counts->n_qualified += line->qualified;
              counts->n_longer += g_strcmp0 (line->period, statement->period) != 0;
            }
          for (guint c = 0; c < program->components->len; c++)
            g_assert_cmpint (by_component[c], ==, period->component_payouts[c]);
          counts->n_statements++;
        }
    }
}

static void
check_sample_program (const char *program_path,
                      StatementCounts *counts)
{
  g_autofree char *workspace = palier_test_build_path ("data/sample/sample.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierResult) result = NULL;

  store = palier_store_open (workspace, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  program = palier_program_read_file (program_path, &error);
  g_assert_no_error (error);
  bases = bases_for (store, program);
  result = palier_bases_simulate (bases, program, NULL, &error);
  g_assert_no_error (error);

  check_every_statement (bases, result, counts);
}

static void
test_statement_sample_matches (void)
{
  g_autofree char *program_path = g_build_filename (g_getenv ("PALIER_SOURCE_DIR"), "data", "sample",
                                                    "sample-program.xml", NULL);
  StatementCounts counts = { 0 };

  check_sample_program (program_path, &counts);

  /* 300 partners over eight quarters, less the quarters before some
   * partners start. */
  g_assert_cmpuint (counts.n_statements, >, 2000);
}

static void
test_statement_v2_matches (void)
{
  g_autofree char *program_path = palier_test_data_path ("health/sample-v2.xml");
  StatementCounts counts = { 0 };

  check_sample_program (program_path, &counts);

  /* Each kind of line occurs, so each path was compared. */
  g_assert_cmpuint (counts.n_statements, >, 2000);
  g_assert_cmpuint (counts.n_carried, >, 0);
  g_assert_cmpuint (counts.n_deals, >, 0);
  g_assert_cmpuint (counts.n_qualified, >, 0);
  g_assert_cmpuint (counts.n_longer, >, 0);
}

static void
test_statement_superstore_matches (void)
{
  g_autofree char *csv_path = palier_test_shared_path ("data/real/superstore/superstore.csv");
  g_autofree char *program_path = palier_test_data_path ("programs/superstore-quarterly.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierResult) result = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };
  PalierSimulateOptions range = { 20170101, 20171231 };
  PalierImportOptions options;
  PalierImportReport report;
  StatementCounts counts = { 0 };

  if (csv_path == NULL)
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

  program = palier_program_read_file (program_path, &error);
  g_assert_no_error (error);
  programs[0] = program;

  palier_import_report_init (&report);
  bases = palier_bases_compute_from_plan (plan, programs, &range, NULL, NULL, NULL, &report, &error);
  palier_import_report_clear (&report);
  g_assert_no_error (error);
  result = palier_bases_simulate (bases, program, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total_payout, ==, decimal ("46764.72"));

  check_every_statement (bases, result, &counts);
  g_assert_cmpuint (counts.n_statements, >, 1000);
}

/* Chart */

static void
test_chart_health_draws (void)
{
  g_autoptr(PalierProgram) program = program_with_commission (PALIER_METHOD_RETROACTIVE);
  g_autoptr(PalierHealth) health = NULL;
  PalierComponent *component = g_ptr_array_index (program->components, 0);
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *data;
  int stride;
  guint32 corner, plot;

  palier_component_add_tier (component, 0, decimal ("0.04"));
  palier_component_add_tier (component, decimal ("10000"), decimal ("0.06"));
  health = health_for (cliff_sales, G_N_ELEMENTS (cliff_sales), program, "0.05");

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 320);
  cr = cairo_create (surface);
  palier_chart_draw_health (cr, 600, 320, health, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The background is painted, and the Lorenz area under the diagonal
   * is filled: the pixel near the plot's bottom right differs from the
   * corner's. */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  corner = *(guint32 *) (data + 2 * stride + 4 * 2);
  plot = *(guint32 *) (data + 250 * stride + 4 * 320);
  g_assert_cmphex (corner >> 24, ==, 0xff);
  g_assert_cmphex (plot, !=, corner);
  cairo_surface_destroy (surface);
}

/* A commission's gate is labelled "gate", not as the first tier that
 * a partner reaches there. */
static void
test_chart_health_gate_label (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("test", "Test program");
  g_autoptr(PalierHealth) health = NULL;
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "health.pdf", NULL);
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PalierComponent *gated = palier_component_new (PALIER_COMPONENT_COMMISSION, "gated", "Gated");
  cairo_surface_t *surface;
  cairo_t *cr;
  int status = 0;

  palier_component_add_tier (gated, 0, decimal ("0.01"));
  gated->has_gate = TRUE;
  gated->gate = decimal ("9800");
  palier_program_add_component (program, gated);
  health = health_for (cliff_sales, G_N_ELEMENTS (cliff_sales), program, "0.05");

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  surface = cairo_pdf_surface_create (path, 600, 320);
  cr = cairo_create (surface);
  palier_chart_draw_health (cr, 600, 320, health, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { tool, path, (char *) "-", NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Gated, gate"));
  g_assert_null (strstr (text, "tier"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/health/concentration/equal", test_concentration_equal);
  g_test_add_func ("/health/concentration/one-takes-all", test_concentration_one_takes_all);
  g_test_add_func ("/health/concentration/worked", test_concentration_worked);
  g_test_add_func ("/health/cliffs/retroactive", test_cliffs_retroactive);
  g_test_add_func ("/health/cliffs/marginal", test_cliffs_marginal);
  g_test_add_func ("/health/cliffs/bonus-and-gate", test_cliffs_bonus_and_gate);
  g_test_add_func ("/health/near/invalid", test_health_invalid_near);
  g_test_add_func ("/health/statement/marginal", test_statement_marginal);
  g_test_add_func ("/health/statement/retroactive", test_statement_retroactive);
  g_test_add_func ("/health/statement/exact-base", test_statement_exact_base);
  g_test_add_func ("/health/statement/not-found", test_statement_not_found);
  g_test_add_func ("/health/statement/sample-matches", test_statement_sample_matches);
  g_test_add_func ("/health/statement/v2-matches", test_statement_v2_matches);
  g_test_add_func ("/health/statement/superstore-matches", test_statement_superstore_matches);
  g_test_add_func ("/health/chart/draws", test_chart_health_draws);
  g_test_add_func ("/health/chart/gate-label", test_chart_health_gate_label);

  return g_test_run ();
}
