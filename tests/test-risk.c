/* test-risk.c: the Monte Carlo of yearly cost and the goal-seek
 *
 * Closed forms: a partner with one historical period makes every draw
 * the same year; a partner with two equally likely periods makes the
 * year's cost binomial.  A history replicated into every quarter of a
 * year gives, through palier_bases_simulate(), the cost of the only
 * possible draw of its one-quarter version, for every component kind.
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "palier.h"
#include "palier-test.h"
#include "../src/core/palier-risk-private.h"
#include "../src/core/palier-simulate-private.h"

#define D(units) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE)

/* A sales line of the tests' stores. */
typedef struct {
  const char   *partner;
  PalierDate    date;
  PalierDecimal amount;
  const char   *segment;
  const char   *category;
  const char   *deal;
} Line;

static PalierStore *
store_with_lines (const Line *lines,
                  guint       n_lines)
{
  g_autoptr(GError) error = NULL;
  PalierStore *store = palier_store_new_memory (&error);
  PalierStoreImport *import;

  g_assert_no_error (error);
  import = palier_store_import_begin (store, "sales.csv", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_lines; i++)
    {
      PalierSaleRow row = { 0 };

      row.line = i + 2;
      row.date = lines[i].date;
      row.partner = lines[i].partner;
      row.amount = lines[i].amount;
      row.has_margin = TRUE;
      row.margin = lines[i].amount / 3;
      row.has_quantity = TRUE;
      row.quantity = D (1 + i % 4);
      row.segment = lines[i].segment;
      row.category = lines[i].category;
      row.deal = lines[i].deal;
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static PalierProgram *
program_from_xml (const char *xml)
{
  g_autoptr(GError) error = NULL;
  PalierProgram *program = palier_program_read_data (xml, strlen (xml), "test.xml", &error);

  g_assert_no_error (error);
  return program;
}

static PalierBases *
bases_between (PalierStore         *store,
               const PalierProgram *program,
               PalierDate           from,
               PalierDate           to)
{
  g_autoptr(GError) error = NULL;
  const PalierProgram *programs[] = { program, NULL };
  PalierSimulateOptions options = { from, to };
  PalierBases *bases = palier_bases_compute (store, programs, &options, NULL, &error);

  g_assert_no_error (error);
  return bases;
}

static PalierMonteCarloResult *
run_monte_carlo (const PalierBases   *bases,
                 const PalierProgram *program,
                 guint                n_draws,
                 guint64              seed)
{
  g_autoptr(GError) error = NULL;
  PalierMonteCarloOptions options = { .n_draws = n_draws, .seed = seed };
  PalierMonteCarloResult *result = palier_monte_carlo_run (bases, program, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static const char flat_program_xml[] =
  "<program xmlns='urn:palier:program:1' id='flat' name='Flat'"
  "         currency='EUR' period='quarter'>"
  "  <commission id='base' name='Base' basis='amount' method='marginal'>"
  "    <tier from='0' rate='0.1'/>"
  "  </commission>"
  "</program>";

/* One partner, one historical quarter: every draw is that quarter four
 * times. */
static void
test_monte_carlo_one_period (void)
{
  const Line lines[] = {
    { "P1", 20230115, D (1000), NULL, NULL, NULL },
    { "P1", 20230320, D (234) + 560000, NULL, NULL, NULL },
  };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230331);
  g_autoptr(PalierMonteCarloResult) result = run_monte_carlo (bases, program, 500, 7);
  /* 10 % of 1234.56 is 123.456, rounded to 123.46, four times. */
  PalierDecimal expected = 4 * (D (123) + 460000);

  g_assert_cmpuint (result->n_partners, ==, 1);
  g_assert_cmpuint (result->periods_per_year, ==, 4);
  g_assert_cmpint (result->cost.min, ==, expected);
  g_assert_cmpint (result->cost.max, ==, expected);
  g_assert_cmpint (result->cost.mean, ==, expected);
  g_assert_cmpint (result->cost.p10, ==, expected);
  g_assert_cmpint (result->cost.p99, ==, expected);
  g_assert_cmpint (result->sales.p50, ==, 4 * (D (1234) + 560000));
  /* 493.84 / 4938.24 = 0.1000032... */
  g_assert_cmpint (result->cost_of_sales.p50, ==, 100003);
  g_assert_cmpstr (result->currency, ==, "EUR");
}

/* One partner with quarters of 1000 and 3000: a year's cost is
 * 400 + 200 K with K ~ Binomial(4, 1/2), whose distribution function is
 * 1/16, 5/16, 11/16, 15/16, 1 at K = 0..4.  Nearest-rank percentiles are
 * therefore K = 1 (P10), 2 (P50), 3 (P90) and 4 (P99).  Each cut-off is
 * at least 0.05 from the distribution function, over 10 standard errors
 * of its estimate from 10 000 draws, so another outcome is negligible. */
static PalierMonteCarloResult *
run_two_periods (guint64  seed,
                 gboolean with_budget)
{
  const Line lines[] = {
    { "P1", 20230210, D (1000), NULL, NULL, NULL },
    { "P1", 20230505, D (3000), NULL, NULL, NULL },
  };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230630);
  g_autoptr(GError) error = NULL;
  PalierMonteCarloOptions options = { .n_draws = 10000, .seed = seed };
  PalierMonteCarloResult *result;

  options.has_budget = with_budget;
  options.budget = D (1000);
  result = palier_monte_carlo_run (bases, program, &options, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_monte_carlo_binomial (void)
{
  g_autoptr(PalierMonteCarloResult) result = run_two_periods (42, FALSE);

  g_assert_cmpuint (result->n_draws, ==, 10000);
  g_assert_cmpint (result->cost.min, ==, D (400));
  g_assert_cmpint (result->cost.p10, ==, D (600));
  g_assert_cmpint (result->cost.p50, ==, D (800));
  g_assert_cmpint (result->cost.p90, ==, D (1000));
  g_assert_cmpint (result->cost.p99, ==, D (1200));
  g_assert_cmpint (result->cost.max, ==, D (1200));
  /* The mean's standard error is 200 / sqrt (10 000) = 2. */
  g_assert_cmpint (ABS (result->cost.mean - D (800)), <, D (10));
  /* Sales are ten times the cost, so the cost of sales is always 10 %. */
  g_assert_cmpint (result->cost_of_sales.min, ==, 100000);
  g_assert_cmpint (result->cost_of_sales.max, ==, 100000);
  g_assert_cmpint (result->sales.p50, ==, D (8000));
}

/* The probability of exceeding 1000 is P(K = 4) = 1/16. */
static void
test_monte_carlo_budget (void)
{
  g_autoptr(PalierMonteCarloResult) result = run_two_periods (42, TRUE);
  guint over = 0;

  for (guint d = 0; d < result->n_draws; d++)
    if (result->draw_costs[d] > D (1000))
      over++;

  g_assert_true (result->has_budget);
  g_assert_cmpint (result->budget, ==, D (1000));
  g_assert_cmpuint (result->n_over_budget, ==, over);
  g_assert_cmpfloat (result->probability_over_budget, ==, over / 10000.0);
  /* 1/16 = 0.0625, standard error 0.0024. */
  g_assert_cmpfloat (ABS (result->probability_over_budget - 0.0625), <, 0.012);
}

/* The same seed gives the same draws; another seed other draws. */
static void
test_monte_carlo_seeded (void)
{
  g_autoptr(PalierMonteCarloResult) first = run_two_periods (42, FALSE);
  g_autoptr(PalierMonteCarloResult) again = run_two_periods (42, FALSE);
  g_autoptr(PalierMonteCarloResult) other = run_two_periods (43, FALSE);

  g_assert_cmpmem (first->draw_costs, sizeof (PalierDecimal) * first->n_draws,
                   again->draw_costs, sizeof (PalierDecimal) * again->n_draws);
  g_assert_true (memcmp (first->draw_costs, other->draw_costs,
                         sizeof (PalierDecimal) * first->n_draws) != 0);
}

/* Fixed-seed figures, pinned so that a change of the generator, of the
 * seeding or of the order of the draws is noticed: they are part of the
 * promise that a seed gives the same numbers on every machine. */
static void
test_monte_carlo_pinned (void)
{
  g_autoptr(PalierMonteCarloResult) result = run_two_periods (2024, FALSE);
  const gint64 first_costs[] = { 600, 800, 800, 800, 800, 800, 1200, 1200 };

  for (guint d = 0; d < G_N_ELEMENTS (first_costs); d++)
    g_assert_cmpint (result->draw_costs[d], ==, D (first_costs[d]));
  g_assert_cmpint (result->cost.mean, ==, D (801) + 580000);
}

static void
test_monte_carlo_no_history (void)
{
  /* Sales in the middle of a quarter only: no quarter is whole. */
  const Line lines[] = {
    { "P1", 20230515, D (1000), NULL, NULL, NULL },
  };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230501, 20230531);
  g_autoptr(GError) error = NULL;
  PalierMonteCarloOptions options = { .n_draws = 10, .seed = 1 };
  g_autoptr(PalierMonteCarloResult) result = palier_monte_carlo_run (bases, program, &options,
                                                                     NULL, &error);

  g_assert_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_NO_HISTORY);
  g_assert_null (result);
}

/* Every component kind, without dated filters so that a history shifted
 * by whole quarters pays the same. */
static const char rich_program_xml[] =
  "<program xmlns='urn:palier:program:1' id='rich' name='Rich'"
  "         currency='EUR' period='quarter'>"
  "  <quota amount='30000'/>"
  "  <segment id='Gold' quota='60000'/>"
  "  <commission id='base' name='Base' basis='attainment' method='marginal' negative='clawback'>"
  "    <tier from='0' rate='0.03'><override segment='Gold' rate='0.035'/></tier>"
  "    <tier from='1' rate='0.05'/>"
  "    <gate min='0.2'/>"
  "    <cap max='2500'/>"
  "  </commission>"
  "  <commission id='soft' name='Software' basis='amount' method='retroactive'>"
  "    <filter category='Software'/>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='15000' rate='0.02'/>"
  "  </commission>"
  "  <commission id='rebate' name='Rebate' measure='margin' period='year' basis='amount'"
  "              method='marginal' negative='carry-forward'>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='40000' rate='0.03'/>"
  "  </commission>"
  "  <commission id='carry' name='Carry' basis='amount' method='marginal' negative='carry-forward'>"
  "    <filter category='Services'/>"
  "    <tier from='0' rate='0.02'/>"
  "  </commission>"
  "  <commission id='units' name='Units' measure='units' period='half' basis='amount' method='marginal'>"
  "    <tier from='0' per-unit='1.25'/>"
  "    <tier from='20' per-unit='2'/>"
  "  </commission>"
  "  <commission id='smooth' name='Smooth' basis='attainment' method='interpolated' period='half'>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='1' rate='0.02'/>"
  "  </commission>"
  "  <bonus id='club' name='Club' basis='attainment'>"
  "    <level min='1' amount='500'/>"
  "    <level min='1.5' amount='1200'/>"
  "  </bonus>"
  "  <deal-bonus id='deals' name='Deals' min='2000' amount='25' rate='0.005'/>"
  "  <deal-bonus id='half-deals' name='Half deals' period='half' min='5000' amount='10' rate='0.0015'/>"
  "  <reward id='trip' name='Trip' period='year' kind='trip' unit-cost='4500'>"
  "    <top count='3'/>"
  "  </reward>"
  "  <reward id='dinner' name='Dinner' kind='other' unit-cost='120'>"
  "    <top count='5'/>"
  "  </reward>"
  "  <reward id='plaque' name='Plaque' kind='recognition' unit-cost='80.5'>"
  "    <threshold basis='attainment' min='0.8'/>"
  "  </reward>"
  "</program>";

static const char *const segments[] = { "Gold", "Silver", NULL };
static const char *const categories[] = { "Hardware", "Software", "Services" };

/* Random lines in the first quarter of 2023; with @replicate, each line
 * again 3, 6 and 9 months later, its deal renamed per quarter. */
static PalierStore *
store_with_quarter (gboolean replicate)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5150);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint copies = replicate ? 4 : 1;

  for (guint n = 0; n < 600; n++)
    {
      int partner = g_rand_int_range (rand, 0, 25);
      int month = g_rand_int_range (rand, 1, 4);
      int day = g_rand_int_range (rand, 1, 29);
      gint64 cents = g_rand_int_range (rand, 1, 900000);
      int deal = g_rand_int_range (rand, 0, 150);
      const char *category = categories[g_rand_int_range (rand, 0, 3)];

      if (g_rand_int_range (rand, 0, 15) == 0)
        cents = -cents;

      for (guint q = 0; q < copies; q++)
        {
          Line line = { 0 };
          char *code = g_strdup_printf ("P%02d", partner);
          char *deal_id = g_strdup_printf ("D%d-%u", deal, q);

          g_ptr_array_add (strings, code);
          g_ptr_array_add (strings, deal_id);
          line.partner = code;
          line.date = palier_date_from_ymd (2023, month + 3 * (int) q, day);
          line.amount = cents * 10000;
          line.segment = segments[partner % 3];
          line.category = category;
          line.deal = deal_id;
          g_array_append_val (lines, line);
        }
    }

  return store_with_lines ((const Line *) lines->data, lines->len);
}

static void
test_monte_carlo_replicated_history (void)
{
  g_autoptr(PalierProgram) program = program_from_xml (rich_program_xml);
  g_autoptr(PalierStore) quarter = store_with_quarter (FALSE);
  g_autoptr(PalierStore) year = store_with_quarter (TRUE);
  g_autoptr(PalierBases) quarter_bases = bases_between (quarter, program, 20230101, 20230331);
  g_autoptr(PalierBases) year_bases = bases_between (year, program, 20230101, 20231231);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierResult) expected = palier_bases_simulate (year_bases, program, NULL, &error);
  g_autoptr(PalierMonteCarloResult) result = NULL;

  g_assert_no_error (error);
  result = run_monte_carlo (quarter_bases, program, 20, 99);

  g_assert_cmpuint (result->n_partners, ==, expected->partners->len);
  g_assert_cmpint (result->cost.min, ==, expected->total_cost);
  g_assert_cmpint (result->cost.max, ==, expected->total_cost);
  g_assert_cmpint (result->payout.p50, ==, expected->total_payout);
  g_assert_cmpint (result->sales.p50, ==, expected->total_sales);
  g_assert_cmpint (result->cost_of_sales.p50, ==, expected->cost_of_sales);
  /* The test is void if a component pays nothing. */
  for (guint c = 0; c < expected->n_components; c++)
    g_assert_cmpint (expected->component_totals[c] + expected->component_non_cash[c], !=, 0);
}

/* The draws are the same whatever the number of threads. */
static void
test_monte_carlo_threads (void)
{
  g_autoptr(PalierProgram) program = program_from_xml (rich_program_xml);
  g_autoptr(PalierStore) store = store_with_quarter (TRUE);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20231231);
  g_autoptr(PalierMonteCarloResult) one = NULL;
  g_autoptr(PalierMonteCarloResult) three = NULL;

  _palier_risk_set_max_threads (1);
  one = run_monte_carlo (bases, program, 301, 11);
  _palier_risk_set_max_threads (3);
  three = run_monte_carlo (bases, program, 301, 11);
  _palier_risk_set_max_threads (0);

  g_assert_cmpmem (one->draw_costs, sizeof (PalierDecimal) * one->n_draws,
                   three->draw_costs, sizeof (PalierDecimal) * three->n_draws);
  g_assert_cmpmem (one->draw_sales, sizeof (PalierDecimal) * one->n_draws,
                   three->draw_sales, sizeof (PalierDecimal) * three->n_draws);
  g_assert_cmpint (one->cost.min, <, one->cost.max);
}

/* Monthly: twelve drawn months of up to twelve in history, so the kept
 * cells pack two months to a byte in six groups. */
static const char monthly_program_xml[] =
  "<program xmlns='urn:palier:program:1' id='monthly' name='Monthly'"
  "         currency='EUR' period='month'>"
  "  <quota amount='10000'/>"
  "  <commission id='base' name='Base' basis='attainment' method='marginal'>"
  "    <tier from='0' rate='0.02'/>"
  "    <tier from='1' rate='0.06'/>"
  "    <cap max='900'/>"
  "  </commission>"
  "  <commission id='yearly' name='Yearly' period='year' basis='amount' method='retroactive'>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='60000' rate='0.015'/>"
  "  </commission>"
  "  <bonus id='club' name='Club' basis='attainment'>"
  "    <level min='1' amount='150'/>"
  "  </bonus>"
  "</program>";

/* Checks that a model that ran @program and then had @parameter set to
 * @value gives, draw by draw, what a new run of the edited program
 * gives, with the cells kept and with the cells drawn again. */
static void
check_edit_matches_new_run (const PalierBases         *bases,
                            const PalierProgram       *program,
                            const PalierGoalParameter *parameter,
                            PalierDecimal              value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) edited = palier_program_copy (program);
  g_autoptr(PalierMonteCarloResult) expected = NULL;
  PalierMonteCarloOptions options = { .n_draws = 257, .seed = 2024 };

  g_assert_true (palier_goal_parameter_set (edited, parameter, value, &error));
  g_assert_no_error (error);
  expected = run_monte_carlo (bases, edited, options.n_draws, options.seed);

  for (int keep = 0; keep <= 1; keep++)
    {
      g_autoptr(PalierRiskModel) model = _palier_risk_model_new (bases, program, NULL, &error);
      g_autoptr(PalierMonteCarloResult) first = NULL;
      g_autoptr(PalierMonteCarloResult) result = NULL;

      g_assert_no_error (error);
      _palier_risk_model_keep_cells (model, keep);
      first = _palier_risk_model_run (model, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (_palier_risk_model_update (model, edited, NULL, &error));
      g_assert_no_error (error);
      result = _palier_risk_model_run (model, &options, NULL, &error);
      g_assert_no_error (error);

      g_assert_cmpmem (result->draw_costs, sizeof (PalierDecimal) * result->n_draws,
                       expected->draw_costs, sizeof (PalierDecimal) * expected->n_draws);
      g_assert_cmpmem (result->draw_sales, sizeof (PalierDecimal) * result->n_draws,
                       expected->draw_sales, sizeof (PalierDecimal) * expected->n_draws);
      g_assert_cmpint (result->payout.p90, ==, expected->payout.p90);
      g_assert_cmpint (result->cost_of_sales.p50, ==, expected->cost_of_sales.p50);
    }
}

/* An edit of one component after a run recomputes that component's
 * share of the kept draws only; the result must be a new run's. */
static void
test_monte_carlo_edit_kept (void)
{
  g_autoptr(PalierProgram) rich = program_from_xml (rich_program_xml);
  g_autoptr(PalierProgram) monthly = program_from_xml (monthly_program_xml);
  g_autoptr(PalierStore) store = store_with_quarter (TRUE);
  g_autoptr(PalierBases) rich_bases = bases_between (store, rich, 20230101, 20231231);
  g_autoptr(PalierBases) monthly_bases = bases_between (store, monthly, 20230101, 20231231);
  const struct {
    PalierGoalParameter parameter;
    PalierDecimal       value;
  } rich_edits[] = {
    { { PALIER_GOAL_TIER_RATE, "base", 1 }, 72000 },
    { { PALIER_GOAL_TIER_FROM, "base", 1 }, 1300000 },
    { { PALIER_GOAL_CAP, "base", 0 }, D (900) },
    { { PALIER_GOAL_TIER_RATE, "rebate", 1 }, 50000 },
    { { PALIER_GOAL_TIER_RATE, "carry", 0 }, 35000 },
    { { PALIER_GOAL_LEVEL_AMOUNT, "club", 1 }, D (2000) },
    { { PALIER_GOAL_DEAL_AMOUNT, "deals", 0 }, D (40) },
    { { PALIER_GOAL_DEAL_AMOUNT, "half-deals", 0 }, D (3) },
  }, monthly_edits[] = {
    { { PALIER_GOAL_TIER_RATE, "base", 1 }, 90000 },
    { { PALIER_GOAL_TIER_RATE, "yearly", 1 }, 25000 },
    { { PALIER_GOAL_LEVEL_AMOUNT, "club", 0 }, D (10) },
  };

  for (guint e = 0; e < G_N_ELEMENTS (rich_edits); e++)
    check_edit_matches_new_run (rich_bases, rich, &rich_edits[e].parameter, rich_edits[e].value);
  for (guint e = 0; e < G_N_ELEMENTS (monthly_edits); e++)
    check_edit_matches_new_run (monthly_bases, monthly, &monthly_edits[e].parameter,
                                monthly_edits[e].value);
}

/* Goal-seek */

static PalierGoalSeekResult *
seek (const PalierBases           *bases,
      const PalierProgram         *program,
      const PalierGoalSeekOptions *options)
{
  g_autoptr(GError) error = NULL;
  PalierGoalSeekResult *result = palier_goal_seek (bases, program, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* 1000 of sales in one quarter: a flat rate r costs 1000 r, so a cost
 * of 75 needs r = 0.075, give or take the rates that round to 75.00. */
static void
test_goal_seek_monotone (void)
{
  const Line lines[] = { { "P1", 20230210, D (1000), NULL, NULL, NULL } };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230331);
  PalierGoalSeekOptions options = { 0 };
  g_autoptr(PalierGoalSeekResult) result = NULL;
  PalierDecimal applied;

  options.parameter = (PalierGoalParameter) { PALIER_GOAL_TIER_RATE, "base", 0 };
  options.metric = PALIER_GOAL_COST;
  options.statistic = PALIER_GOAL_ON_HISTORY;
  options.target = D (75);
  result = seek (bases, program, &options);

  g_assert_true (result->found);
  g_assert_cmpint (result->original, ==, 100000);
  g_assert_cmpint (result->achieved, ==, D (75));
  g_assert_cmpint (ABS (result->value - 75000), <=, 5);
  g_assert_cmpint (result->range_min, ==, 0);
  g_assert_cmpint (result->range_max, ==, PALIER_DECIMAL_ONE);
  g_assert_cmpint (result->reachable_min, ==, 0);
  g_assert_cmpint (result->reachable_max, ==, D (1000));
  g_assert_true (palier_goal_parameter_get (result->program, &options.parameter, &applied, NULL));
  g_assert_cmpint (applied, ==, result->value);
}

/* The binomial case at P90: K = 3, so sales of 10 000 and a cost of
 * 10 000 r; a P90 cost of 1500 needs r = 0.15. */
static void
test_goal_seek_p90 (void)
{
  const Line lines[] = {
    { "P1", 20230210, D (1000), NULL, NULL, NULL },
    { "P1", 20230505, D (3000), NULL, NULL, NULL },
  };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230630);
  PalierGoalSeekOptions options = { 0 };
  g_autoptr(PalierGoalSeekResult) result = NULL;

  options.parameter = (PalierGoalParameter) { PALIER_GOAL_TIER_RATE, "base", 0 };
  options.metric = PALIER_GOAL_COST;
  options.statistic = PALIER_GOAL_ON_P90;
  options.target = D (1500);
  options.monte_carlo.n_draws = 2000;
  options.monte_carlo.seed = 42;
  result = seek (bases, program, &options);

  g_assert_true (result->found);
  g_assert_cmpint (result->value, ==, 150000);
  g_assert_cmpint (result->achieved, ==, D (1500));
}

/* Interpolated points (0, 8 %), (f, 2 %), (2000, 10 %) on a base of
 * 1000: the rate is 0.02 + 0.08 (1000 - f) / (2000 - f) below the base
 * and 0.08 - 60 / f above it, a V with its bottom at f = 1000.  A cost
 * of 40 (a rate of 4 %) is met at f = 666.67 and at f = 1500; the
 * goal-seek picks the one nearer the current boundary. */
static const char interpolated_program_xml[] =
  "<program xmlns='urn:palier:program:1' id='vee' name='Vee'"
  "         currency='EUR' period='quarter'>"
  "  <commission id='base' name='Base' basis='amount' method='interpolated'>"
  "    <tier from='0' rate='0.08'/>"
  "    <tier from='%s' rate='0.02'/>"
  "    <tier from='2000' rate='0.1'/>"
  "  </commission>"
  "</program>";

static PalierGoalSeekResult *
seek_interpolated (const char *boundary)
{
  const Line lines[] = { { "P1", 20230210, D (1000), NULL, NULL, NULL } };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autofree char *xml = g_strdup_printf (interpolated_program_xml, boundary);
  g_autoptr(PalierProgram) program = program_from_xml (xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230331);
  PalierGoalSeekOptions options = { 0 };

  options.parameter = (PalierGoalParameter) { PALIER_GOAL_TIER_FROM, "base", 1 };
  options.metric = PALIER_GOAL_COST;
  options.statistic = PALIER_GOAL_ON_HISTORY;
  options.target = D (40);
  return seek (bases, program, &options);
}

static void
test_goal_seek_not_monotone (void)
{
  g_autoptr(PalierGoalSeekResult) upper = seek_interpolated ("1800");
  g_autoptr(PalierGoalSeekResult) lower = seek_interpolated ("300");

  /* Payouts round to the cent, so 40.00 is paid on a window of
   * boundaries: ±0.005 / (60 000 / f²) = ±0.19 around 1500, and
   * ±0.005 / (80 000 / (2000 - f)²) = ±0.11 around 666.67. */
  g_assert_true (upper->found);
  g_assert_cmpint (upper->achieved, ==, D (40));
  g_assert_cmpint (ABS (upper->value - D (1500)), <=, 190000);
  g_assert_cmpint (upper->range_min, ==, 10000);
  g_assert_cmpint (upper->range_max, ==, D (2000) - 10000);

  g_assert_true (lower->found);
  g_assert_cmpint (lower->achieved, ==, D (40));
  g_assert_cmpint (ABS (lower->value - (D (666) + 666667)), <=, 110000);
}

/* A flat rate on 1000 of sales cannot cost 5000. */
static void
test_goal_seek_no_solution (void)
{
  const Line lines[] = { { "P1", 20230210, D (1000), NULL, NULL, NULL } };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230331);
  PalierGoalSeekOptions options = { 0 };
  g_autoptr(PalierGoalSeekResult) result = NULL;

  options.parameter = (PalierGoalParameter) { PALIER_GOAL_TIER_RATE, "base", 0 };
  options.metric = PALIER_GOAL_COST;
  options.statistic = PALIER_GOAL_ON_HISTORY;
  options.target = D (5000);
  result = seek (bases, program, &options);

  g_assert_false (result->found);
  g_assert_cmpint (result->value, ==, PALIER_DECIMAL_ONE);
  g_assert_cmpint (result->achieved, ==, D (1000));
  g_assert_cmpint (result->reachable_min, ==, 0);
  g_assert_cmpint (result->reachable_max, ==, D (1000));
}

static void
test_goal_seek_bad_parameter (void)
{
  const Line lines[] = { { "P1", 20230210, D (1000), NULL, NULL, NULL } };
  g_autoptr(PalierStore) store = store_with_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(PalierProgram) program = program_from_xml (flat_program_xml);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20230331);
  const PalierGoalParameter parameters[] = {
    { PALIER_GOAL_TIER_RATE, "missing", 0 },
    { PALIER_GOAL_TIER_RATE, "base", 1 },
    { PALIER_GOAL_TIER_FROM, "base", 0 },
    { PALIER_GOAL_CAP, "base", 0 },
    { PALIER_GOAL_LEVEL_AMOUNT, "base", 0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (parameters); k++)
    {
      g_autoptr(GError) error = NULL;
      PalierGoalSeekOptions options = { 0 };
      g_autoptr(PalierGoalSeekResult) result = NULL;

      options.parameter = parameters[k];
      options.target = D (10);
      result = palier_goal_seek (bases, program, &options, NULL, &error);
      g_assert_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_INVALID);
      g_assert_null (result);
    }
}

/* The goal-seek at P90 keeps the draws between evaluations.  Its target
 * is the P90 of the program with the parameter at another value, so a
 * solution exists.  The figure it reports must be a new run's. */
static void
test_goal_seek_kept_draws (void)
{
  g_autoptr(PalierProgram) program = program_from_xml (rich_program_xml);
  g_autoptr(PalierStore) store = store_with_quarter (TRUE);
  g_autoptr(PalierBases) bases = bases_between (store, program, 20230101, 20231231);
  const struct {
    PalierGoalParameter parameter;
    PalierDecimal       value;
  } cases[] = {
    { { PALIER_GOAL_TIER_RATE, "base", 1 }, 80000 },
    { { PALIER_GOAL_TIER_RATE, "rebate", 1 }, 50000 },
    { { PALIER_GOAL_LEVEL_AMOUNT, "club", 0 }, D (800) },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PalierProgram) edited = palier_program_copy (program);
      g_autoptr(PalierMonteCarloResult) reference = NULL;
      g_autoptr(PalierMonteCarloResult) check = NULL;
      g_autoptr(PalierGoalSeekResult) result = NULL;
      PalierGoalSeekOptions options = { 0 };

      g_assert_true (palier_goal_parameter_set (edited, &cases[c].parameter, cases[c].value, NULL));
      reference = run_monte_carlo (bases, edited, 300, 8);

      options.parameter = cases[c].parameter;
      options.metric = PALIER_GOAL_COST;
      options.statistic = PALIER_GOAL_ON_P90;
      options.target = reference->cost.p90;
      options.monte_carlo.n_draws = 300;
      options.monte_carlo.seed = 8;
      result = seek (bases, program, &options);

      g_assert_true (result->found);
      g_assert_cmpint (result->achieved, ==, reference->cost.p90);
      g_assert_cmpuint (result->n_evaluations, >, 10);
      check = run_monte_carlo (bases, result->program, 300, 8);
      g_assert_cmpint (check->cost.p90, ==, result->achieved);
    }
}

static const char quota_bonus_xml[] =
  "<program xmlns='urn:palier:program:1' id='club' name='Club'"
  "         currency='EUR' period='quarter'>"
  "  <quota amount='900'/>"
  "  <bonus id='club' name='Club' basis='attainment'>"
  "    <level min='1' amount='50'/>"
  "  </bonus>"
  "</program>";

static PalierQuota *
quota_new (const char    *partner,
           PalierDate     first,
           PalierDate     last,
           PalierDecimal  amount)
{
  PalierQuota *quota = g_new0 (PalierQuota, 1);

  quota->partner = g_strdup (partner);
  quota->first = first;
  quota->last = last;
  quota->quota = amount;
  return quota;
}

/* A drawn period takes the quota of the program period it fills.  P1
 * sells 1 000 in every quarter of 2022 and 2023, so every draw has a
 * base of 1 000 in each slot.  The quotas file gives 5 000 for every
 * quarter of 2022, and 800, 1 000 and 1 200 for 2023-Q1 to Q3; 2023-Q4
 * has none, so the program's 900 applies.  The slots take 2023, the
 * latest year: attainment 125 %, 100 %, 83.3 % and 111.1 %, so the
 * bonus of 50 pays in three quarters, 150 in every draw.  The
 * program's quota alone would pay 200, and 2022's quotas nothing. */
static void
test_monte_carlo_file_quotas (void)
{
  static const PalierDate quarters[][2] = {
    { 20220101, 20220331 }, { 20220401, 20220630 }, { 20220701, 20220930 }, { 20221001, 20221231 },
    { 20230101, 20230331 }, { 20230401, 20230630 }, { 20230701, 20230930 }, { 20231001, 20231231 },
  };
  Line lines[G_N_ELEMENTS (quarters)];
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = program_from_xml (quota_bonus_xml);
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierMonteCarloResult) result = NULL;
  g_autoptr(GPtrArray) quotas = g_ptr_array_new ();

  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    lines[q] = (Line) { "P1", quarters[q][0] + 14, D (1000), NULL, NULL, NULL };
  store = store_with_lines (lines, G_N_ELEMENTS (lines));
  bases = bases_between (store, program, 20220101, 20231231);

  for (guint q = 0; q < 4; q++)
    g_ptr_array_add (quotas, quota_new ("P1", quarters[q][0], quarters[q][1], D (5000)));
  g_ptr_array_add (quotas, quota_new ("P1", quarters[4][0], quarters[4][1], D (800)));
  g_ptr_array_add (quotas, quota_new ("P1", quarters[5][0], quarters[5][1], D (1000)));
  g_ptr_array_add (quotas, quota_new ("P1", quarters[6][0], quarters[6][1], D (1200)));
  g_ptr_array_set_free_func (quotas, (GDestroyNotify) palier_quota_free);
  _palier_bases_set_quotas (bases, quotas);

  result = run_monte_carlo (bases, program, 200, 3);

  g_assert_cmpuint (result->n_partners, ==, 1);
  g_assert_cmpint (result->cost.min, ==, D (150));
  g_assert_cmpint (result->cost.max, ==, D (150));
  g_assert_cmpint (result->cost.mean, ==, D (150));
}

/* A result filled by hand with statistics but no draws draws a message
 * in place of the histogram. */
static void
test_chart_risk_without_draws (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  PalierMonteCarloResult result = { 0 };

  result.ref_count = 1;
  result.n_draws = 1000;
  result.currency = (char *) "EUR";
  result.minor_digits = 2;
  result.cost = (PalierRiskStats) { D (50), D (40), D (50), D (60), D (70), D (30), D (80) };

  palier_chart_draw_risk (cr, 640, 400, &result, NULL);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The note under the title gives the number of draws in the locale's
 * form, "10,000", not "10000". */
static void
test_chart_risk_note_grouped (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "risk.pdf", NULL);
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PalierMonteCarloResult result = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status = 0;

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  result.ref_count = 1;
  result.n_draws = 10000;
  result.seed = 1;
  result.currency = (char *) "EUR";
  result.minor_digits = 2;
  result.costs = g_new (PalierDecimal, result.n_draws);
  for (guint d = 0; d < result.n_draws; d++)
    result.costs[d] = D (40) + d * (PALIER_DECIMAL_ONE / 100);
  result.cost = (PalierRiskStats) { D (90), D (50), D (90), D (130), D (139), D (40), D (140) };

  surface = cairo_pdf_surface_create (path, 640, 400);
  cr = cairo_create (surface);
  palier_chart_draw_risk (cr, 640, 400, &result, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_free (result.costs);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { tool, path, (char *) "-", NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "10,000 simulated years, seed 1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/risk/monte-carlo/one-period", test_monte_carlo_one_period);
  g_test_add_func ("/risk/monte-carlo/binomial", test_monte_carlo_binomial);
  g_test_add_func ("/risk/monte-carlo/budget", test_monte_carlo_budget);
  g_test_add_func ("/risk/monte-carlo/seeded", test_monte_carlo_seeded);
  g_test_add_func ("/risk/monte-carlo/pinned", test_monte_carlo_pinned);
  g_test_add_func ("/risk/monte-carlo/no-history", test_monte_carlo_no_history);
  g_test_add_func ("/risk/monte-carlo/replicated-history", test_monte_carlo_replicated_history);
  g_test_add_func ("/risk/monte-carlo/threads", test_monte_carlo_threads);
  g_test_add_func ("/risk/monte-carlo/edit-kept", test_monte_carlo_edit_kept);
  g_test_add_func ("/risk/monte-carlo/file-quotas", test_monte_carlo_file_quotas);

  g_test_add_func ("/risk/goal-seek/monotone", test_goal_seek_monotone);
  g_test_add_func ("/risk/goal-seek/p90", test_goal_seek_p90);
  g_test_add_func ("/risk/goal-seek/not-monotone", test_goal_seek_not_monotone);
  g_test_add_func ("/risk/goal-seek/no-solution", test_goal_seek_no_solution);
  g_test_add_func ("/risk/goal-seek/bad-parameter", test_goal_seek_bad_parameter);
  g_test_add_func ("/risk/goal-seek/kept-draws", test_goal_seek_kept_draws);

  g_test_add_func ("/risk/chart/without-draws", test_chart_risk_without_draws);
  g_test_add_func ("/risk/chart/note-grouped", test_chart_risk_note_grouped);

  return g_test_run ();
}
