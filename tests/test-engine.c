/* test-engine.c: live re-simulation with PalierEngine
 *
 * The engine must give exactly what palier_simulate() gives, whatever
 * sequence of edits came before; these tests compare the JSON output of
 * both after random edits of a program that uses every component kind.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "palier.h"
#include "palier-test.h"
#include "../src/core/palier-simulate-private.h"

#define N_EDITS 150

static const char *const segments[] = { "Gold", "Silver", "Bronze", NULL };
static const char *const categories[] = { "Hardware", "Software", "Services" };
static const char *const regions[] = { "East", "West" };

/* Deterministic sales over 2023 and 2024: 30 partners, one of them
 * without a segment, lines of several categories and regions, returns,
 * deals of several lines and lines without a deal. */
static PalierStore *
store_with_random_sales (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240917);
  PalierStore *store = palier_store_new_memory (&error);
  PalierStoreImport *import;

  g_assert_no_error (error);
  import = palier_store_import_begin (store, "sales.csv", NULL, &error);
  g_assert_no_error (error);

  for (guint line = 0; line < 3000; line++)
    {
      PalierSaleRow row = { 0 };
      g_autofree char *partner = g_strdup_printf ("P%02d", g_rand_int_range (rand, 0, 30));
      g_autofree char *product = g_strdup_printf ("SKU-%d", g_rand_int_range (rand, 0, 6));
      g_autofree char *deal = g_strdup_printf ("D%d", g_rand_int_range (rand, 0, 400));
      gint64 cents = g_rand_int_range (rand, 1, 400000);
      int partner_number = atoi (partner + 1);

      row.line = line + 2;
      row.date = palier_date_from_ymd (g_rand_int_range (rand, 2023, 2025),
                                       g_rand_int_range (rand, 1, 13),
                                       g_rand_int_range (rand, 1, 29));
      row.partner = partner;
      if (g_rand_int_range (rand, 0, 20) == 0)
        cents = -cents;
      row.amount = cents * 10000;
      row.has_margin = TRUE;
      row.margin = row.amount / 4 - 3000000;
      row.has_quantity = TRUE;
      row.quantity = (PalierDecimal) g_rand_int_range (rand, 1, 9) * PALIER_DECIMAL_ONE;
      row.product = product;
      row.category = categories[g_rand_int_range (rand, 0, 3)];
      row.region = regions[g_rand_int_range (rand, 0, 2)];
      row.segment = partner_number == 7 ? NULL : segments[partner_number % 3];
      row.deal = g_rand_int_range (rand, 0, 3) == 0 ? NULL : deal;

      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static const char program_xml[] =
  "<program xmlns='urn:palier:program:1' id='engine' name='Engine test'"
  "         currency='EUR' period='quarter' fiscal-year-start='4'>"
  "  <quota amount='40000'/>"
  "  <segment id='Gold' quota='90000'/>"
  "  <segment id='Silver' quota='20000.5'/>"
  "  <commission id='base' name='Base' basis='attainment' method='marginal' negative='clawback'>"
  "    <tier from='0' rate='0.03'><override segment='Gold' rate='0.035'/></tier>"
  "    <tier from='1' rate='0.05'/>"
  "    <tier from='1.5' rate='0.075'/>"
  "    <gate min='0.25'/>"
  "    <cap max='9000'/>"
  "  </commission>"
  "  <commission id='spiff' name='SPIFF' basis='amount' method='retroactive'>"
  "    <filter category='Software' start='2023-05-17' end='2024-02-10'/>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='20000' rate='0.02'/>"
  "  </commission>"
  "  <commission id='kicker' name='Kicker' measure='margin' period='year' basis='amount'"
  "              method='marginal' negative='carry-forward'>"
  "    <filter region='West'/>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='50000' rate='0.03'/>"
  "  </commission>"
  "  <commission id='smooth' name='Smooth' basis='attainment' method='interpolated'>"
  "    <tier from='0' rate='0.01'/>"
  "    <tier from='1' rate='0.04'/>"
  "    <tier from='2' rate='0.06'/>"
  "  </commission>"
  "  <commission id='units' name='Units' measure='units' period='half' basis='amount' method='marginal'>"
  "    <filter><include field='category' value='Hardware'/><include field='segment' value='Silver'/></filter>"
  "    <tier from='0' per-unit='1.25'><override segment='Silver' per-unit='1.3'/></tier>"
  "    <tier from='50' per-unit='2'/>"
  "  </commission>"
  "  <bonus id='club' name='Club' basis='attainment'>"
  "    <level min='1' amount='500'><override segment='Gold' amount='750'/></level>"
  "    <level min='1.25' amount='1200'/>"
  "  </bonus>"
  "  <deal-bonus id='big-deal' name='Big deal' period='half' min='2500' amount='25' rate='0.005'>"
  "    <filter category='Services'/>"
  "  </deal-bonus>"
  "  <reward id='trip' name='Trip' period='year' kind='trip' unit-cost='4500'>"
  "    <top count='3'/>"
  "  </reward>"
  "  <reward id='plaque' name='Plaque' measure='margin' kind='recognition' unit-cost='80.5'>"
  "    <threshold basis='attainment' min='0.3'/>"
  "  </reward>"
  "</program>";

static PalierProgram *
read_program (void)
{
  g_autoptr(GError) error = NULL;
  PalierProgram *program = palier_program_read_data (program_xml, sizeof program_xml - 1,
                                                     "engine.xml", &error);

  g_assert_no_error (error);
  return program;
}

/* Compares two JSON texts and, when they differ, shows where. */
static void
assert_same_json (const char *json,
                  const char *expected)
{
  gsize at = 0;

  while (json[at] != '\0' && json[at] == expected[at])
    at++;
  if (json[at] == expected[at])
    return;

  at = at > 200 ? at - 200 : 0;
  g_test_message ("first difference near: %.400s", json + at);
  g_test_message ("expected: %.400s", expected + at);
  g_assert_cmpint (json[at], ==, expected[at]);
  g_assert_cmpstr (json, ==, expected);
}

static char *
result_json (const PalierResult *result)
{
  GString *out = g_string_new (NULL);

  palier_result_write (result, PALIER_OUTPUT_JSON, out);
  return g_string_free (out, FALSE);
}

/* palier_simulate()'s JSON, or NULL with @error set. */
static char *
simulate_json (PalierStore                  *store,
               const PalierProgram          *program,
               const PalierSimulateOptions  *options,
               GError                      **error)
{
  g_autoptr(PalierResult) result = palier_simulate (store, program, options, NULL, error);

  return result != NULL ? result_json (result) : NULL;
}

/* Checks that the engine's totals and result match palier_simulate(),
 * or that both fail the same way. */
static void
assert_engine_matches (PalierEngine                 *engine,
                       PalierStore                  *store,
                       const PalierProgram          *program,
                       const PalierSimulateOptions  *options)
{
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = simulate_json (store, program, options, &expected_error);
  g_autoptr(PalierEngineTotals) totals = palier_engine_update (engine, program, NULL, &error);
  g_autoptr(PalierResult) result = NULL;
  g_autofree char *json = NULL;

  if (expected == NULL)
    {
      g_assert_null (totals);
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, expected_error->domain);
      g_assert_cmpint (error->code, ==, expected_error->code);
      g_assert_cmpstr (error->message, ==, expected_error->message);
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (totals);
  result = palier_engine_get_result (engine, NULL, &error);
  g_assert_no_error (error);
  json = result_json (result);
  assert_same_json (json, expected);

  g_assert_cmpint (totals->sales, ==, result->total_sales);
  g_assert_cmpint (totals->payout, ==, result->total_payout);
  g_assert_cmpint (totals->non_cash, ==, result->total_non_cash);
  g_assert_cmpint (totals->cost, ==, result->total_cost);
  g_assert_cmpint (totals->cost_of_sales, ==, result->cost_of_sales);
  g_assert_cmpuint (totals->n_components, ==, result->n_components);
  for (guint c = 0; c < totals->n_components; c++)
    {
      g_assert_cmpint (totals->component_payouts[c], ==, result->component_totals[c]);
      g_assert_cmpint (totals->component_non_cash[c], ==, result->component_non_cash[c]);
    }
}

static PalierComponent *
random_component (GRand         *rand,
                  PalierProgram *program)
{
  return g_ptr_array_index (program->components,
                            g_rand_int_range (rand, 0, (gint32) program->components->len));
}

static PalierDecimal
random_decimal (GRand  *rand,
                gint32  max_units,
                int     decimals)
{
  gint64 scale = 1;

  for (int i = decimals; i < PALIER_DECIMAL_DIGITS; i++)
    scale *= 10;
  return (PalierDecimal) g_rand_int_range (rand, 0, max_units) * scale;
}

/* Moves tier @t between its neighbours, keeping the first at 0. */
static void
move_boundary (GRand           *rand,
               PalierComponent *component)
{
  GArray *tiers = component->tiers;
  guint t;
  PalierDecimal low, high;

  if (tiers == NULL || tiers->len < 2)
    return;

  t = (guint) g_rand_int_range (rand, 1, (gint32) tiers->len);
  low = g_array_index (tiers, PalierTier, t - 1).from;
  high = t + 1 < tiers->len ? g_array_index (tiers, PalierTier, t + 1).from
                            : low + 4 * g_array_index (tiers, PalierTier, t).from + PALIER_DECIMAL_ONE;
  g_array_index (tiers, PalierTier, t).from = low + 1 + (PalierDecimal) (g_rand_double (rand) * (double) (high - low - 2));
}

static void
change_filter (GRand           *rand,
               PalierComponent *component)
{
  PalierFilter *filter = &component->filter;

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      g_clear_pointer (&filter->values[PALIER_FILTER_CATEGORY], g_ptr_array_unref);
      palier_filter_add_value (filter, PALIER_FILTER_CATEGORY, categories[g_rand_int_range (rand, 0, 3)]);
      break;
    case 1:
      g_clear_pointer (&filter->values[PALIER_FILTER_REGION], g_ptr_array_unref);
      if (g_rand_boolean (rand))
        palier_filter_add_value (filter, PALIER_FILTER_REGION, regions[g_rand_int_range (rand, 0, 2)]);
      break;
    case 2:
      filter->start = g_rand_boolean (rand) ? PALIER_DATE_NONE
                      : palier_date_from_ymd (2023, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      break;
    default:
      filter->end = g_rand_boolean (rand) ? PALIER_DATE_NONE
                    : palier_date_from_ymd (2024, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      break;
    }
}

/* Applies one random edit of the kinds a designer makes. */
static void
edit_program (GRand         *rand,
              PalierProgram *program)
{
  PalierComponent *component = random_component (rand, program);
  static const PalierPeriodKind periods[] = { PALIER_PERIOD_QUARTER, PALIER_PERIOD_HALF, PALIER_PERIOD_YEAR };

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
    case 1:
    case 2:
      if (component->tiers != NULL && component->tiers->len > 0)
        g_array_index (component->tiers, PalierTier,
                       g_rand_int_range (rand, 0, (gint32) component->tiers->len)).value = random_decimal (rand, 100000, 6);
      break;
    case 3:
      move_boundary (rand, component);
      break;
    case 4:
      change_filter (rand, component);
      break;
    case 5:
      component->has_cap = g_rand_boolean (rand);
      component->cap = random_decimal (rand, 20000, 2);
      component->has_gate = g_rand_boolean (rand);
      component->gate = random_decimal (rand, 100, 2);
      break;
    case 6:
      if (component->levels != NULL && component->levels->len > 0)
        g_array_index (component->levels, PalierLevel, 0).amount = random_decimal (rand, 2000, 2);
      component->measure = g_rand_int_range (rand, 0, 3);
      break;
    case 7:
      component->has_period = g_rand_boolean (rand);
      component->period = periods[g_rand_int_range (rand, 0, 3)];
      break;
    case 8:
      program->quota = random_decimal (rand, 60000, 2);
      g_array_index (program->segment_quotas, PalierSegmentQuota, 0).quota = random_decimal (rand, 120000, 2);
      break;
    default:
      if (component->kind == PALIER_COMPONENT_COMMISSION)
        {
          component->method = g_rand_int_range (rand, 0, 3);
          component->negative = g_rand_int_range (rand, 0, 3);
        }
      else if (component->kind == PALIER_COMPONENT_REWARD)
        component->top_count = (guint) g_rand_int_range (rand, 1, 6);
      else
        program->period = periods[g_rand_int_range (rand, 0, 3)];
      break;
    }
}

static void
run_random_edits (const PalierSimulateOptions *options,
                  guint32                      seed)
{
  g_autoptr(PalierStore) store = store_with_random_sales ();
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(PalierEngine) engine = palier_engine_new (store, options);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  assert_engine_matches (engine, store, program, options);
  for (guint i = 0; i < N_EDITS; i++)
    {
      edit_program (rand, program);
      assert_engine_matches (engine, store, program, options);
    }
}

static void
test_random_edits (void)
{
  run_random_edits (NULL, 1);
}

static void
test_random_edits_range (void)
{
  PalierSimulateOptions options = {
    palier_date_from_ymd (2023, 2, 14),
    palier_date_from_ymd (2024, 8, 20),
  };

  run_random_edits (&options, 2);
}

/* The faster arithmetic for commissions and bonuses gives what
 * palier_payout_compute() gives, on every cell of random programs. */
static void
test_general_payouts (void)
{
  g_autoptr(PalierStore) store = store_with_random_sales ();
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(GError) fast_error = NULL;
      g_autoptr(GError) general_error = NULL;
      g_autofree char *fast = NULL;
      g_autofree char *general = NULL;

      edit_program (rand, program);
      fast = simulate_json (store, program, NULL, &fast_error);
      _palier_evaluation_use_general_payouts (TRUE);
      general = simulate_json (store, program, NULL, &general_error);
      _palier_evaluation_use_general_payouts (FALSE);

      g_assert_cmpstr (fast, ==, general);
      g_assert_true ((fast_error == NULL) == (general_error == NULL));
    }
}

static void
test_cancel (void)
{
  g_autoptr(PalierStore) store = store_with_random_sales ();
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(PalierEngine) engine = palier_engine_new (store, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierEngineTotals) totals = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *component;

  g_cancellable_cancel (cancellable);
  totals = palier_engine_update (engine, program, cancellable, &error);
  g_assert_null (totals);
  g_assert_true (g_error_matches (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED) ||
                 g_error_matches (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED));

  /* The engine stays usable after a cancelled run. */
  assert_engine_matches (engine, store, program, NULL);

  /* A cancelled edit leaves the cached payouts consistent. */
  component = palier_program_find_component (program, "base");
  g_array_index (component->tiers, PalierTier, 1).value = 70000;
  g_clear_error (&error);
  totals = palier_engine_update (engine, program, cancellable, &error);
  g_assert_null (totals);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED);
  assert_engine_matches (engine, store, program, NULL);

  g_clear_error (&error);
  result = palier_engine_get_result (engine, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED);
}

static void
update_and_stats (PalierEngine        *engine,
                  const PalierProgram *program,
                  PalierEngineStats   *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierEngineTotals) totals = palier_engine_update (engine, program, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (totals);
  palier_engine_get_stats (engine, stats);
}

/* Components that read the quota: commissions and bonuses on
 * attainment, and rewards with an attainment threshold. */
static guint
count_quota_components (const PalierProgram *program)
{
  guint count = 0;

  for (guint c = 0; c < program->components->len; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);

      if (component->kind == PALIER_COMPONENT_REWARD
          ? component->reward_rule == PALIER_REWARD_RULE_THRESHOLD &&
            component->threshold_basis == PALIER_BASIS_ATTAINMENT
          : component->kind != PALIER_COMPONENT_DEAL_BONUS &&
            component->basis == PALIER_BASIS_ATTAINMENT)
        count++;
    }
  return count;
}

/* A rate change recomputes one component and reads nothing; a filter
 * change reads one table; a quota change recomputes the components that
 * read quotas, without reading. */
static void
test_cache_invalidation (void)
{
  g_autoptr(PalierStore) store = store_with_random_sales ();
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(PalierEngine) engine = palier_engine_new (store, NULL);
  PalierComponent *spiff = palier_program_find_component (program, "spiff");
  PalierEngineStats first, stats;
  guint n_components = program->components->len;

  update_and_stats (engine, program, &first);
  g_assert_cmpuint (first.n_components, ==, n_components);

  update_and_stats (engine, program, &stats);
  g_assert_cmpuint (stats.n_queries, ==, first.n_queries);
  g_assert_cmpuint (stats.n_grids, ==, first.n_grids);
  g_assert_cmpuint (stats.n_components, ==, first.n_components);

  g_array_index (spiff->tiers, PalierTier, 1).value = 25000;
  update_and_stats (engine, program, &stats);
  g_assert_cmpuint (stats.n_queries, ==, first.n_queries);
  g_assert_cmpuint (stats.n_grids, ==, first.n_grids);
  g_assert_cmpuint (stats.n_components, ==, first.n_components + 1);
  assert_engine_matches (engine, store, program, NULL);

  palier_filter_add_value (&spiff->filter, PALIER_FILTER_REGION, "East");
  update_and_stats (engine, program, &stats);
  g_assert_cmpuint (stats.n_queries, ==, first.n_queries + 1);
  g_assert_cmpuint (stats.n_grids, ==, first.n_grids + 1);
  g_assert_cmpuint (stats.n_components, ==, first.n_components + 2);
  assert_engine_matches (engine, store, program, NULL);

  program->quota += PALIER_DECIMAL_ONE;
  palier_engine_get_stats (engine, &first);
  update_and_stats (engine, program, &stats);
  g_assert_cmpuint (stats.n_queries, ==, first.n_queries);
  g_assert_cmpuint (stats.n_grids, ==, first.n_grids);
  g_assert_cmpuint (count_quota_components (program), ==, 4);
  g_assert_cmpuint (stats.n_components, ==, first.n_components + count_quota_components (program));
  assert_engine_matches (engine, store, program, NULL);
}

typedef struct {
  GMainLoop          *loop;
  PalierEngineTotals *totals;
  PalierResult       *result;
  GError             *error;
} AsyncData;

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = palier_engine_get_result_finish (PALIER_ENGINE (source), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
on_update (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  data->totals = palier_engine_update_finish (PALIER_ENGINE (source), result, &data->error);
  if (data->totals == NULL)
    {
      g_main_loop_quit (data->loop);
      return;
    }
  palier_engine_get_result_async (PALIER_ENGINE (source), NULL, on_result, data);
}

static void
test_async (void)
{
  g_autoptr(PalierStore) store = store_with_random_sales ();
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(PalierEngine) engine = palier_engine_new (store, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = simulate_json (store, program, NULL, &error);
  g_autofree char *json = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL };

  g_assert_no_error (error);
  palier_engine_update_async (engine, program, NULL, on_update, &data);
  /* The program is copied: changing it now does not change the run. */
  palier_program_find_component (program, "base")->has_cap = FALSE;
  g_main_loop_run (data.loop);

  g_assert_no_error (data.error);
  g_assert_nonnull (data.totals);
  g_assert_nonnull (data.result);
  json = result_json (data.result);
  g_assert_cmpstr (json, ==, expected);
  g_assert_cmpint (data.totals->payout, ==, data.result->total_payout);

  palier_engine_totals_free (data.totals);
  palier_result_unref (data.result);
  g_main_loop_unref (data.loop);
}

/* A result needs a successful update; an engine on given bases runs
 * only programs whose filters they cover. */
static void
test_out_of_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = store_with_random_sales ();
  g_autoptr(PalierProgram) program = read_program ();
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierEngine) engine = palier_engine_new (store, NULL);
  g_autoptr(PalierEngine) bases_engine = NULL;
  g_autoptr(PalierEngineTotals) totals = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierComponent *base = palier_program_find_component (program, "base");

  result = palier_engine_get_result (engine, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_FAILED);
  g_clear_error (&error);

  /* No quota for the partner without a segment: the update fails. */
  program->has_quota = FALSE;
  totals = palier_engine_update (engine, program, NULL, &error);
  g_assert_null (totals);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA);
  g_clear_error (&error);
  result = palier_engine_get_result (engine, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_FAILED);
  g_clear_error (&error);
  program->has_quota = TRUE;

  bases_engine = palier_engine_new_for_bases (palier_bases_compute (store, programs, NULL, NULL, &error));
  g_assert_no_error (error);
  palier_filter_add_value (&base->filter, PALIER_FILTER_REGION, "East");
  totals = palier_engine_update (bases_engine, program, NULL, &error);
  g_assert_null (totals);
  g_assert_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_FAILED);
}

static void
test_empty_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(PalierEngine) engine = palier_engine_new (store, NULL);

  g_assert_no_error (error);
  assert_engine_matches (engine, store, program, NULL);
}

/* Writes deterministic sales as CSV, with empty cells in every optional
 * column, partners whose segment changes, returns and shared deal ids. */
static char *
write_random_csv (guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) csv = g_string_new ("date,partner,product,category,region,segment,deal,quantity,amount,margin\n");
  g_autofree char *dir = palier_test_tmp_dir ();
  char *path = g_build_filename (dir, "sales.csv", NULL);

  for (guint line = 0; line < 2500; line++)
    {
      int partner = g_rand_int_range (rand, 0, 25);
      gint64 cents = g_rand_int_range (rand, 1, 400000) * (g_rand_int_range (rand, 0, 15) == 0 ? -1 : 1);
      const char *segment = partner == 7 ? "" : segments[(partner + g_rand_int_range (rand, 0, 2)) % 3];

      g_string_append_printf (csv, "%04d-%02d-%02d,P%02d,SKU-%d,%s,%s,%s,",
                              g_rand_int_range (rand, 2023, 2025), g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29), partner, g_rand_int_range (rand, 0, 6),
                              g_rand_int_range (rand, 0, 8) == 0 ? "" : categories[g_rand_int_range (rand, 0, 3)],
                              g_rand_int_range (rand, 0, 8) == 0 ? "" : regions[g_rand_int_range (rand, 0, 2)],
                              g_rand_int_range (rand, 0, 4) == 0 ? "" : segment);
      if (g_rand_int_range (rand, 0, 3) != 0)
        g_string_append_printf (csv, "D%d", g_rand_int_range (rand, 0, 300));
      g_string_append_c (csv, ',');
      if (g_rand_int_range (rand, 0, 6) != 0)
        g_string_append_printf (csv, "%d", g_rand_int_range (rand, 1, 9));
      g_string_append_printf (csv, ",%" G_GINT64_FORMAT ".%02d,", cents / 100, (int) ABS (cents % 100));
      if (g_rand_int_range (rand, 0, 6) != 0)
        g_string_append_printf (csv, "%" G_GINT64_FORMAT, cents / 400);
      g_string_append_c (csv, '\n');
    }

  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, &error));
  g_assert_no_error (error);
  return path;
}

static PalierImportPlan *
plan_for (const char *path)
{
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportPlan *plan;

  palier_import_options_init (&options);
  plan = palier_import_plan_new (path, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);
  return plan;
}

/* Bases streamed from the CSV file give the result of an import into a
 * workspace, for every component kind and for ranges that cut months. */
static void
test_bases_from_plan (void)
{
  g_autofree char *path = write_random_csv (5);
  g_autoptr(PalierImportPlan) plan = plan_for (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(PalierProgram) program = read_program ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  PalierSimulateOptions ranges[] = {
    { PALIER_DATE_NONE, PALIER_DATE_NONE },
    { palier_date_from_ymd (2023, 3, 17), palier_date_from_ymd (2024, 10, 3) },
    { palier_date_from_ymd (2023, 6, 1), PALIER_DATE_NONE },
  };

  g_assert_no_error (error);
  g_assert_true (palier_store_import_sales (store, plan, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 30; i++)
    {
      const PalierProgram *programs[] = { program, NULL };
      const PalierSimulateOptions *options = &ranges[i % G_N_ELEMENTS (ranges)];
      g_autoptr(GError) expected_error = NULL;
      g_autofree char *expected = simulate_json (store, program, options, &expected_error);
      g_autoptr(PalierBases) bases = NULL;
      g_autoptr(PalierResult) result = NULL;
      g_autofree char *json = NULL;

      bases = palier_bases_compute_from_plan (plan, programs, options, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bases);
      g_assert_true (palier_bases_can_simulate (bases, program));

      result = palier_bases_simulate (bases, program, NULL, &error);
      if (expected == NULL)
        {
          g_assert_null (result);
          g_assert_cmpstr (error->message, ==, expected_error->message);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          json = result_json (result);
          assert_same_json (json, expected);
        }

      edit_program (rand, program);
    }
}

/* An engine on streamed bases runs edits that keep the filters. */
static void
test_engine_for_bases (void)
{
  g_autofree char *path = write_random_csv (7);
  g_autoptr(PalierImportPlan) plan = plan_for (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(PalierProgram) program = read_program ();
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierEngine) engine = NULL;
  PalierComponent *base = palier_program_find_component (program, "base");

  g_assert_no_error (error);
  g_assert_true (palier_store_import_sales (store, plan, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  engine = palier_engine_new_for_bases (palier_bases_compute_from_plan (plan, programs, NULL, NULL, NULL,
                                                                        NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 10; i++)
    {
      g_array_index (base->tiers, PalierTier, 1).value = 40000 + i * 5000;
      assert_engine_matches (engine, store, program, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/engine/update/random-edits", test_random_edits);
  g_test_add_func ("/engine/update/random-edits-range", test_random_edits_range);
  g_test_add_func ("/engine/update/empty-store", test_empty_store);
  g_test_add_func ("/engine/payout/general-arithmetic", test_general_payouts);
  g_test_add_func ("/engine/cancel", test_cancel);
  g_test_add_func ("/engine/errors/out-of-order", test_out_of_order);
  g_test_add_func ("/engine/cache/invalidation", test_cache_invalidation);
  g_test_add_func ("/engine/async", test_async);
  g_test_add_func ("/engine/bases/from-plan", test_bases_from_plan);
  g_test_add_func ("/engine/bases/engine-for-bases", test_engine_for_bases);

  return g_test_run ();
}
