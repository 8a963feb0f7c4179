/* test-report.c: program descriptions and the leadership report PDF */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "palier.h"
#include "palier-test.h"
#include "../src/core/palier-report-private.h"

#define D(units) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE)
/* @millionths of one: M(40000) is 0.04. */
#define M(millionths) ((PalierDecimal) (millionths))

/* Programs */

static PalierProgram *
program_new (void)
{
  PalierProgram *program = palier_program_new ("channel", "Channel 2017");

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  program->has_quota = TRUE;
  program->quota = D (10000);
  palier_program_add_segment_quota (program, "Corporate", D (15000));
  return program;
}

static PalierComponent *
attainment_commission (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "base",
                                                     "Base commission");

  component->basis = PALIER_BASIS_ATTAINMENT;
  palier_component_add_tier (component, 0, M (40000));
  palier_component_add_tier (component, D (1), M (70000));
  palier_component_add_tier (component, D (2), M (100000));
  component->has_cap = TRUE;
  component->cap = D (2500);
  return component;
}

static char *
describe_one (PalierComponent *component)
{
  g_autoptr(PalierProgram) program = program_new ();

  palier_program_add_component (program, component);
  return palier_program_describe (program);
}

/* Asserts that @text contains @expected, printing both when not. */
#define assert_contains(text, expected) \
  G_STMT_START { \
    if (strstr ((text), (expected)) == NULL) \
      g_error ("expected “%s” in:\n%s", (expected), (text)); \
  } G_STMT_END

static void
test_describe_program_intro (void)
{
  g_autoptr(PalierProgram) program = program_new ();
  g_autofree char *text = NULL;

  program->fiscal_year_start = 4;
  text = palier_program_describe (program);

  assert_contains (text, "Channel 2017\n\n");
  assert_contains (text, "Payouts are in USD, computed per quarter.");
  assert_contains (text, "The fiscal year starts in April.");
  assert_contains (text, "The quota is $10,000.00 per partner per quarter.");
  assert_contains (text, "Partners of segment Corporate have a quota of $15,000.00.");
}

static void
test_describe_commission_marginal (void)
{
  g_autofree char *text = describe_one (attainment_commission ());

  assert_contains (text, "Base commission (Commission): Measured on sales, per quarter.");
  assert_contains (text, "Each slice earns the rate of its tier: 4% below 100% of quota, "
                         "7% from 100% of quota to 200% of quota and 10% from 200% of quota up.");
  assert_contains (text, "The payout is capped at $2,500.00 per partner per quarter.");
  assert_contains (text, "A period whose total is zero or negative pays nothing.");
}

static void
test_describe_commission_retroactive (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "spiff",
                                                     "Technology SPIFF");
  g_autofree char *text = NULL;

  component->method = PALIER_METHOD_RETROACTIVE;
  component->measure = PALIER_MEASURE_MARGIN;
  palier_component_add_tier (component, 0, M (10000));
  palier_component_add_tier (component, D (50000), M (12500));
  component->has_gate = TRUE;
  component->gate = D (1000);
  palier_filter_add_value (&component->filter, PALIER_FILTER_CATEGORY, "Technology");
  palier_filter_add_value (&component->filter, PALIER_FILTER_REGION, "East");
  palier_filter_add_value (&component->filter, PALIER_FILTER_REGION, "West");
  component->filter.start = 20170301;
  component->filter.end = 20170531;
  text = describe_one (component);

  assert_contains (text, "Measured on margin, per quarter.");
  assert_contains (text, "Only sales lines with category Technology and region East or West count.");
  assert_contains (text, "Only sales from March 1, 2017 to May 31, 2017 count.");
  assert_contains (text, "The whole amount earns the rate of the highest tier reached: "
                         "1% below $50,000.00 and 1.25% from $50,000.00 up.");
  assert_contains (text, "Nothing is paid for a period below $1,000.00.");
}

static void
test_describe_commission_interpolated (void)
{
  PalierComponent *component = attainment_commission ();
  g_autofree char *text = NULL;

  component->method = PALIER_METHOD_INTERPOLATED;
  component->negative = PALIER_NEGATIVE_CLAWBACK;
  component->has_cap = FALSE;
  text = describe_one (component);

  assert_contains (text, "The whole amount earns a rate read on a straight line between these "
                         "points: 4% at 0% of quota, 7% at 100% of quota and 10% at 200% of quota.");
  assert_contains (text, "Above the last point, its rate applies.");
  assert_contains (text, "A period whose total is negative is paid back at the first tier’s 4%, "
                         "as a negative payout.");
}

static void
test_describe_commission_per_unit (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "units",
                                                     "Units rebate");
  PalierTier *tier;
  g_autofree char *text = NULL;

  component->measure = PALIER_MEASURE_UNITS;
  component->has_period = TRUE;
  component->period = PALIER_PERIOD_YEAR;
  component->negative = PALIER_NEGATIVE_CARRY_FORWARD;
  palier_component_add_per_unit_tier (component, 0, D (2));
  palier_component_add_per_unit_tier (component, D (1500), M (2500000));
  tier = &g_array_index (component->tiers, PalierTier, 1);
  palier_tier_add_override (tier, "Gold", D (3));
  text = describe_one (component);

  assert_contains (text, "Measured on units sold, per year.");
  assert_contains (text, "The payout lands in the program period that contains the last day "
                         "of that period.");
  assert_contains (text, "$2.00 per unit below 1,500 units and $2.50 per unit from 1,500 units up.");
  assert_contains (text, "Partners of segment Gold earn $3.00 per unit in the tier from 1,500 units.");
  assert_contains (text, "the deficit is taken off the partner’s next period in the same fiscal year.");
}

static void
test_describe_commission_single_tier (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "flat",
                                                     "Flat");
  g_autofree char *text = NULL;

  palier_component_add_tier (component, 0, M (50000));
  text = describe_one (component);

  assert_contains (text, "Partners earn 5%.");
}

static void
test_describe_bonus (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_BONUS, "club", "Quota club");
  PalierLevel *level;
  g_autofree char *text = NULL;

  component->basis = PALIER_BASIS_ATTAINMENT;
  palier_component_add_level (component, D (1), D (250));
  palier_component_add_level (component, M (1500000), D (600));
  level = &g_array_index (component->levels, PalierLevel, 1);
  palier_level_add_override (level, "Corporate", D (800));
  text = describe_one (component);

  assert_contains (text, "Quota club (Bonus): Measured on sales, per quarter.");
  assert_contains (text, "Partners receive one fixed amount for the highest level reached, as "
                         "levels do not add up: $250.00 from 100% of quota and $600.00 from "
                         "150% of quota.");
  assert_contains (text, "Partners of segment Corporate receive $800.00 at the level from "
                         "150% of quota.");
}

static void
test_describe_deal_bonus (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_DEAL_BONUS, "deals",
                                                     "Big deals");
  g_autofree char *text = NULL;

  component->deal_min = D (5000);
  component->deal_amount = D (200);
  component->has_deal_rate = TRUE;
  component->deal_rate = M (10000);
  text = describe_one (component);

  assert_contains (text, "Big deals (Deal bonus): ");
  assert_contains (text, "Each deal worth at least $5,000.00 pays $200.00 plus 1% of its value.");
  assert_contains (text, "It counts in the period of its first line.");
}

static void
test_describe_reward (void)
{
  PalierComponent *top = palier_component_new (PALIER_COMPONENT_REWARD, "trip", "President's club");
  PalierComponent *threshold = palier_component_new (PALIER_COMPONENT_REWARD, "training",
                                                     "Academy");
  g_autoptr(PalierProgram) program = program_new ();
  g_autofree char *text = NULL;

  top->reward_kind = PALIER_REWARD_TRIP;
  top->unit_cost = D (3000);
  top->reward_rule = PALIER_REWARD_RULE_TOP;
  top->top_count = 10;
  top->has_period = TRUE;
  top->period = PALIER_PERIOD_YEAR;
  threshold->reward_kind = PALIER_REWARD_TRAINING;
  threshold->unit_cost = D (500);
  threshold->reward_rule = PALIER_REWARD_RULE_THRESHOLD;
  threshold->threshold_basis = PALIER_BASIS_ATTAINMENT;
  threshold->threshold_min = M (1200000);
  palier_program_add_component (program, top);
  palier_program_add_component (program, threshold);
  text = palier_program_describe (program);

  assert_contains (text, "President's club (Non-cash reward): Measured on sales, per year.");
  assert_contains (text, "It offers a trip, costing $3,000.00 for each qualifying partner.");
  assert_contains (text, "The top 10 partners of each period qualify, and partners tied at the "
                         "cut-off all qualify.");
  assert_contains (text, "It offers training, costing $500.00 for each qualifying partner.");
  assert_contains (text, "Partners who reach 120% of quota in the period qualify.");
  assert_contains (text, "The cost counts as non-cash cost, not as payout.");
}

/* The French translation and number forms, when the locale exists. */
static void
test_describe_french (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);

  text = describe_one (attainment_commission ());

  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);

  assert_contains (text, "Les versements sont en USD, calculés par trimestre.");
  assert_contains (text, "Le quota est de 10\u202f000,00 $ par partenaire par trimestre.");
  assert_contains (text, "Chaque tranche rapporte le taux de son palier\u00a0: 4\u00a0% en dessous de "
                         "100\u00a0% du quota");
  assert_contains (text, "10\u00a0% à partir de 200\u00a0% du quota.");
}

/* French writes the first of a month as an ordinal, "1er". */
static void
test_describe_french_dates (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *english_first = _palier_format_date (20170101);
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;

  g_assert_cmpstr (english_first, ==, "January 1, 2017");

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);

  first = _palier_format_date (20170101);
  other = _palier_format_date (20170315);

  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (first, ==, "1er janvier 2017");
  g_assert_cmpstr (other, ==, "15 mars 2017");
}

/* Report */

static PalierStore *
store_with_sales (void)
{
  static const struct {
    PalierDate  date;
    const char *partner;
    const char *segment;
    gint64      amount;
  } sales[] = {
    { 20170115, "P1", "Consumer", 4000 }, { 20170410, "P1", "Consumer", 12000 },
    { 20170720, "P1", "Consumer", 9000 }, { 20171005, "P1", "Consumer", 16000 },
    { 20170201, "P2", "Corporate", 20000 }, { 20170515, "P2", "Corporate", 8000 },
    { 20170815, "P2", "Corporate", 31000 }, { 20171120, "P2", "Corporate", 14000 },
    { 20170310, "P3", "Consumer", 900 }, { 20170610, "P3", "Consumer", 11000 },
  };
  g_autoptr(GError) error = NULL;
  PalierStore *store = palier_store_new_memory (&error);
  PalierStoreImport *import;

  g_assert_no_error (error);
  import = palier_store_import_begin (store, "sales.csv", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    {
      PalierSaleRow row = { 0 };

      row.line = i + 2;
      row.date = sales[i].date;
      row.partner = sales[i].partner;
      row.segment = sales[i].segment;
      row.amount = D (sales[i].amount);
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* A report's inputs filled by hand around real simulation results. */
typedef struct {
  PalierStore              *store;
  PalierProgram            *programs[2];
  PalierScenario            scenarios[2];
  const PalierScenario     *scenario_pointers[2];
  PalierComparison         *comparison;
  PalierScenarioColumn      columns[2];
  PalierScenarioComparison  scenario_comparison;
  PalierMonteCarloResult    risk;
  PalierHealth              health;
  PalierGoalSeekResult      goal;
  PalierGoalSeekOptions     goal_options;
  PalierReportInput         input;
} ReportFixture;

static void
fill_column (PalierScenarioColumn *column,
             const char           *label,
             PalierResult         *result)
{
  column->label = (char *) label;
  column->result = result;
  column->sales = result->total_sales;
  column->payout = result->total_payout;
  column->non_cash = result->total_non_cash;
  column->cost = result->total_cost;
  column->cost_of_sales = result->cost_of_sales;
}

static void
report_fixture_init (ReportFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PalierComponent *proposal_base;

  memset (fixture, 0, sizeof *fixture);
  fixture->store = store_with_sales ();
  fixture->programs[0] = program_new ();
  palier_program_add_component (fixture->programs[0], attainment_commission ());
  fixture->programs[1] = palier_program_copy (fixture->programs[0]);
  g_free (fixture->programs[1]->id);
  fixture->programs[1]->id = g_strdup ("proposal");
  proposal_base = g_ptr_array_index (fixture->programs[1]->components, 0);
  g_array_index (proposal_base->tiers, PalierTier, 2).value = M (140000);

  fixture->comparison = palier_compare (fixture->store, fixture->programs[0], fixture->programs[1],
                                        &(PalierSimulateOptions) { 0 }, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      fixture->scenarios[i].ref_count = 1;
      fixture->scenarios[i].id = (char *) (i == 0 ? "baseline" : "proposal");
      fixture->scenarios[i].name = (char *) (i == 0 ? "Baseline" : "Higher accelerator");
      fixture->scenarios[i].program_id = fixture->programs[i]->id;
      fixture->scenario_pointers[i] = &fixture->scenarios[i];
    }

  fill_column (&fixture->columns[0], "Baseline", fixture->comparison->baseline);
  fill_column (&fixture->columns[1], "Higher accelerator", fixture->comparison->proposal);
  fixture->columns[1].n_gain = fixture->comparison->n_gain;
  fixture->columns[1].n_lose = fixture->comparison->n_lose;
  fixture->columns[1].n_same = fixture->comparison->n_same;
  fixture->columns[1].rows = fixture->comparison->rows;
  fixture->scenario_comparison.ref_count = 1;
  fixture->scenario_comparison.n_columns = 2;
  fixture->scenario_comparison.columns = fixture->columns;

  fixture->input.workspace = "report-test.palier";
  fixture->input.n_scenarios = 2;
  fixture->input.scenarios = fixture->scenario_pointers;
  fixture->input.programs = (const PalierProgram * const *) fixture->programs;
  fixture->input.comparison = &fixture->scenario_comparison;
}

/* Fills @risk's draws with costs that rise linearly between its
 * percentiles, so that each percentile is the draw at its nearest rank,
 * and sets the mean and the budget count from those draws. */
static void
fill_risk_draws (PalierMonteCarloResult *risk)
{
  const struct { guint rank; PalierDecimal cost; } anchors[] = {
    { 1, risk->cost.min },
    { risk->n_draws / 10, risk->cost.p10 },
    { risk->n_draws / 2, risk->cost.p50 },
    { risk->n_draws / 10 * 9, risk->cost.p90 },
    { risk->n_draws / 100 * 99, risk->cost.p99 },
    { risk->n_draws, risk->cost.max },
  };
  PalierDecimal total = 0;

  risk->costs = g_new (PalierDecimal, risk->n_draws);
  risk->draw_costs = g_new (PalierDecimal, risk->n_draws);
  risk->draw_sales = g_new (PalierDecimal, risk->n_draws);
  risk->n_over_budget = 0;

  for (guint k = 0; k + 1 < G_N_ELEMENTS (anchors); k++)
    for (guint rank = anchors[k].rank; rank <= anchors[k + 1].rank; rank++)
      {
        gint64 span = anchors[k + 1].rank - anchors[k].rank;
        PalierDecimal rise = anchors[k + 1].cost - anchors[k].cost;

        risk->costs[rank - 1] = anchors[k].cost + rise * (gint64) (rank - anchors[k].rank) / span;
      }

  for (guint d = 0; d < risk->n_draws; d++)
    {
      risk->draw_costs[d] = risk->costs[d];
      risk->draw_sales[d] = risk->sales.mean;
      total += risk->costs[d];
      if (risk->has_budget && risk->costs[d] > risk->budget)
        risk->n_over_budget++;
    }

  risk->cost.mean = total / risk->n_draws;
  risk->probability_over_budget = (double) risk->n_over_budget / risk->n_draws;
}

static void
report_fixture_add_analysis (ReportFixture *fixture)
{
  PalierMonteCarloResult *risk = &fixture->risk;

  risk->ref_count = 1;
  risk->n_draws = 10000;
  risk->seed = 42;
  risk->n_partners = 3;
  risk->periods_per_year = 4;
  risk->currency = (char *) "EUR";
  risk->minor_digits = 2;
  risk->cost = (PalierRiskStats) { D (5100), D (4000), D (5000), D (6543) + M (210000),
                                   D (7800), D (3000), D (9000) };
  risk->cost_of_sales = (PalierRiskStats) { M (41000), M (35000), M (40000), M (48000),
                                            M (55000), M (30000), M (60000) };
  risk->sales = (PalierRiskStats) { D (125000), D (100000), D (124000), D (150000), D (170000),
                                    D (90000), D (190000) };
  risk->has_budget = TRUE;
  risk->budget = D (6000);
  fill_risk_draws (risk);
  fixture->input.risk = risk;
  fixture->input.risk_scenario = 1;

  fixture->health.ref_count = 1;
  fixture->health.program = fixture->programs[0];
  fixture->health.n_partners = 3;
  fixture->health.n_paid = 3;
  fixture->health.top_decile_share = M (520000);
  fixture->health.gini = M (312000);
  fixture->health.near = M (50000);
  fixture->health.cliffs = g_array_new (FALSE, TRUE, sizeof (PalierCliff));
  g_array_append_val (fixture->health.cliffs, ((PalierCliff) { "P1", "base", "2017-Q4", 1, FALSE,
                                                                D (9700), D (10000), D (300),
                                                                D (21) }));
  fixture->health.rates = g_array_new (FALSE, TRUE, sizeof (PalierEffectiveRate));
  g_array_append_val (fixture->health.rates, ((PalierEffectiveRate) { "P2", "Corporate",
                                                                      D (73000), D (3100),
                                                                      M (42466) }));
  fixture->input.health = &fixture->health;

  fixture->goal.ref_count = 1;
  fixture->goal.found = TRUE;
  fixture->goal.original = M (140000);
  fixture->goal.value = M (112500);
  fixture->goal.achieved = M (70000);
  fixture->goal.target = M (70000);
  fixture->goal.range_min = 0;
  fixture->goal.range_max = D (1);
  fixture->goal.reachable_min = M (40000);
  fixture->goal.reachable_max = M (300000);
  fixture->goal.n_evaluations = 23;
  fixture->goal.program = fixture->programs[1];
  fixture->goal_options.parameter = (PalierGoalParameter) { PALIER_GOAL_TIER_RATE, "base", 2 };
  fixture->goal_options.metric = PALIER_GOAL_COST_OF_SALES;
  fixture->goal_options.statistic = PALIER_GOAL_ON_P90;
  fixture->goal_options.target = M (70000);
  fixture->input.goal = &fixture->goal;
  fixture->input.goal_options = &fixture->goal_options;
}

static void
report_fixture_clear (ReportFixture *fixture)
{
  g_clear_pointer (&fixture->risk.costs, g_free);
  g_clear_pointer (&fixture->risk.draw_costs, g_free);
  g_clear_pointer (&fixture->risk.draw_sales, g_free);
  g_clear_pointer (&fixture->health.cliffs, g_array_unref);
  g_clear_pointer (&fixture->health.rates, g_array_unref);
  g_clear_pointer (&fixture->comparison, palier_comparison_unref);
  g_clear_pointer (&fixture->programs[0], palier_program_unref);
  g_clear_pointer (&fixture->programs[1], palier_program_unref);
  g_clear_pointer (&fixture->store, palier_store_close);
}

#define PAGE_OBJECT "/Type /Page"

/* Counts the page objects of a PDF written by cairo. */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* The file contains binary streams, so the search goes past NUL bytes. */
  for (const char *p = contents;
       (p = memmem (p, length - (gsize) (p - contents), PAGE_OBJECT, strlen (PAGE_OBJECT))) != NULL;
       p++)
    if (p[strlen (PAGE_OBJECT)] != 's')
      pages++;

  return pages;
}

/* Text of the PDF as pdftotext extracts it, or NULL when the tool is
 * missing. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status = 0;

  if (tool == NULL)
    return NULL;

  argv[0] = tool;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

static void
test_report_sections_minimal (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "minimal.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ReportFixture fixture;

  report_fixture_init (&fixture);
  fixture.input.n_scenarios = 1;
  fixture.input.comparison = NULL;

  g_assert_true (palier_report_write_pdf (&fixture.input, path, &error));
  g_assert_no_error (error);

  /* Cover, the program, the assumptions. */
  g_assert_cmpuint (count_pdf_pages (path), ==, 3);
  report_fixture_clear (&fixture);
}

static void
test_report_sections_full (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ReportFixture fixture;

  report_fixture_init (&fixture);
  report_fixture_add_analysis (&fixture);

  g_assert_true (palier_report_write_pdf (&fixture.input, path, &error));
  g_assert_no_error (error);

  /* Cover, one page per program, the comparison and its three charts
   * on two pages, cost risk, health, goal-seek, assumptions. */
  g_assert_cmpuint (count_pdf_pages (path), ==, 9);

  text = pdf_text (path);
  if (text != NULL)
    {
      g_test_message ("%s", text);
      assert_contains (text, "Page 1 of 9");
      assert_contains (text, "Page 9 of 9");
      assert_contains (text, "$6,543.21");
      assert_contains (text, "Each slice earns the rate of its tier");
      assert_contains (text, "Goal-seek");
      assert_contains (text, "The value 11.25% meets the target");
    }

  report_fixture_clear (&fixture);
}

static void
test_report_invalid_input (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "none.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ReportFixture fixture;

  report_fixture_init (&fixture);
  fixture.input.n_scenarios = 0;

  g_assert_false (palier_report_write_pdf (&fixture.input, path, &error));
  g_assert_error (error, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  report_fixture_clear (&fixture);
}

static void
test_report_missing_folder (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ReportFixture fixture;

  report_fixture_init (&fixture);

  g_assert_false (palier_report_write_pdf (&fixture.input, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
  report_fixture_clear (&fixture);
}

/* An existing file is replaced whole, and no temporary file is left. */
static void
test_report_replaces_file (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  ReportFixture fixture;
  guint n_files = 0;

  report_fixture_init (&fixture);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));

  g_assert_true (palier_report_write_pdf (&fixture.input, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (path), >, 1);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  report_fixture_clear (&fixture);
}

/* Height in points that a two-column table with @cell in its narrow
 * first column takes on a fresh page. */
static double
table_height (const char *cell)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PalierReportTable) table = _palier_report_table_new (2);
  PalierReportDoc doc;
  double top;

  _palier_report_table_set_column (table, 0, "Scenario", 1.0, FALSE);
  _palier_report_table_set_column (table, 1, "Change against the first", 5.0, TRUE);
  _palier_report_table_take_row (table, g_strdup (cell), g_strdup ("+19 283,34 $ (+12,1 %)"));

  _palier_report_doc_init (&doc, cr, "footer", 0);
  _palier_report_doc_new_page (&doc);
  top = doc.y;
  _palier_report_doc_table (&doc, table);
  _palier_report_doc_finish (&doc);

  _palier_report_doc_clear (&doc);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return doc.y - top;
}

/* A cell wider than its column wraps onto more lines, so the row grows
 * and no figure or name is cut. */
static void
test_report_table_wraps (void)
{
  double short_height = table_height ("Base");
  double long_height = table_height ("Higher accelerator with eight percent growth everywhere");

  g_assert_cmpfloat (long_height, >, short_height + 8.0);
}

/* Counts the occurrences of @needle in @text. */
static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* A table too long for one page repeats its section's heading and
 * subheading, marked as continued, above the rows on the next page. */
static void
test_report_table_continued (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "continued.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(PalierReportTable) table = _palier_report_table_new (2);
  cairo_surface_t *surface;
  cairo_t *cr;
  PalierReportDoc doc;

  _palier_report_table_set_column (table, 0, "Partner", 2.0, FALSE);
  _palier_report_table_set_column (table, 1, "Payout", 1.0, TRUE);
  for (guint i = 0; i < 120; i++)
    _palier_report_table_take_row (table, g_strdup_printf ("Partner %03u", i), g_strdup ("$10.00"));

  surface = cairo_pdf_surface_create (path, PALIER_REPORT_PAGE_WIDTH, PALIER_REPORT_PAGE_HEIGHT);
  cr = cairo_create (surface);
  _palier_report_doc_init (&doc, cr, "footer", 0);
  _palier_report_doc_new_page (&doc);
  _palier_report_doc_text (&doc, PALIER_REPORT_TEXT_HEADING, "Program health");
  _palier_report_doc_text (&doc, PALIER_REPORT_TEXT_SUBHEADING, "Payout per partner");
  _palier_report_doc_table (&doc, table);
  _palier_report_doc_finish (&doc);
  _palier_report_doc_clear (&doc);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (count_pdf_pages (path), >=, 2);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is missing");
      return;
    }
  g_assert_cmpuint (count_occurrences (text, "Program health (continued)"), ==, count_pdf_pages (path) - 1);
  g_assert_cmpuint (count_occurrences (text, "Payout per partner"), ==, count_pdf_pages (path));
  g_assert_nonnull (strstr (text, "Partner 119"));
}

/* Writes the full report in English and French to the folder named by
 * PALIER_REPORT_RENDER_DIR, for people to look at. */
static void
test_report_gallery (void)
{
  const char *render_dir = g_getenv ("PALIER_REPORT_RENDER_DIR");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *english = NULL;
  g_autofree char *french = NULL;
  g_autoptr(GError) error = NULL;
  ReportFixture fixture;

  if (render_dir == NULL)
    {
      g_test_skip ("PALIER_REPORT_RENDER_DIR is not set");
      return;
    }

  english = g_build_filename (render_dir, "report-en.pdf", NULL);
  french = g_build_filename (render_dir, "report-fr.pdf", NULL);
  report_fixture_init (&fixture);
  report_fixture_add_analysis (&fixture);

  g_assert_true (palier_report_write_pdf (&fixture.input, english, &error));
  g_assert_no_error (error);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") != NULL)
    {
      g_setenv ("LANGUAGE", "fr", TRUE);
      g_assert_true (palier_report_write_pdf (&fixture.input, french, &error));
      g_assert_no_error (error);
      g_setenv ("LANGUAGE", "", TRUE);
      setlocale (LC_ALL, saved);
    }

  report_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();
  bindtextdomain (GETTEXT_PACKAGE, palier_core_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/report/describe/program-intro", test_describe_program_intro);
  g_test_add_func ("/report/describe/marginal", test_describe_commission_marginal);
  g_test_add_func ("/report/describe/retroactive", test_describe_commission_retroactive);
  g_test_add_func ("/report/describe/interpolated", test_describe_commission_interpolated);
  g_test_add_func ("/report/describe/per-unit", test_describe_commission_per_unit);
  g_test_add_func ("/report/describe/single-tier", test_describe_commission_single_tier);
  g_test_add_func ("/report/describe/bonus", test_describe_bonus);
  g_test_add_func ("/report/describe/deal-bonus", test_describe_deal_bonus);
  g_test_add_func ("/report/describe/reward", test_describe_reward);
  g_test_add_func ("/report/describe/french", test_describe_french);
  g_test_add_func ("/report/describe/french-dates", test_describe_french_dates);

  g_test_add_func ("/report/pdf/minimal", test_report_sections_minimal);
  g_test_add_func ("/report/pdf/full", test_report_sections_full);
  g_test_add_func ("/report/pdf/invalid-input", test_report_invalid_input);
  g_test_add_func ("/report/pdf/missing-folder", test_report_missing_folder);
  g_test_add_func ("/report/pdf/replaces-file", test_report_replaces_file);
  g_test_add_func ("/report/pdf/table-wraps", test_report_table_wraps);
  g_test_add_func ("/report/pdf/table-continued", test_report_table_continued);
  g_test_add_func ("/report/pdf/gallery", test_report_gallery);

  return g_test_run ();
}
