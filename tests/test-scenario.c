/* test-scenario.c: assumptions, scenario bases, kept runs, comparison
 *
 * The workspace has four partners in 2024-Q1:
 *   A  Gold    North  Hardware 1000 (Jan), Software 500 (Feb)
 *   B  Silver  South  Hardware 2000 (Jan)
 *   C  Gold    North  Software 300.333333 (Mar)
 *   D  Bronze  West   Hardware 100.000001 (Feb)
 * and the program pays 5 % up to 1000 and 10 % above (marginal, USD,
 * quarterly).  Without growth: A 50 + 50 = 100, B 50 + 100 = 150,
 * C 15.0166665 -> 15.02, D 5.00000005 -> 5.00; total 270.02.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "palier.h"
#include "palier-scenario.h"
#include "palier-test.h"

typedef struct {
  const char *date;
  const char *partner;
  const char *amount;
  const char *category;
  const char *region;
  const char *segment;
} TestSale;

static const TestSale sales[] = {
  { "2024-01-10", "A", "1000", "Hardware", "North", "Gold" },
  { "2024-02-05", "A", "500", "Software", "North", "Gold" },
  { "2024-01-15", "B", "2000", "Hardware", "South", "Silver" },
  { "2024-03-20", "C", "300.333333", "Software", "North", "Gold" },
  { "2024-02-01", "D", "100.000001", "Hardware", "West", "Bronze" },
};

static PalierDecimal
decimal (const char *text)
{
  PalierDecimal value = 0;

  g_assert_true (palier_decimal_parse (text, -1, &value, NULL));
  return value;
}

static PalierProgram *
program_new (const char *top_rate)
{
  PalierProgram *program = palier_program_new ("plan", "Plan");
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "base", "Base");

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  palier_component_add_tier (component, 0, decimal ("0.05"));
  palier_component_add_tier (component, decimal ("1000"), decimal (top_rate));
  palier_program_add_component (program, component);
  return program;
}

static PalierStore *
store_new (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autoptr(PalierProgram) program = program_new ("0.10");
  PalierStoreImport *import;
  PalierStore *store;

  *out_path = g_build_filename (dir, "scenario.palier", NULL);
  store = palier_store_open (*out_path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  import = palier_store_import_begin (store, "sales.csv", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    {
      PalierSaleRow row = { 0 };

      row.line = i + 2;
      g_assert_true (palier_date_parse_iso (sales[i].date, &row.date));
      row.partner = sales[i].partner;
      row.amount = decimal (sales[i].amount);
      row.category = sales[i].category;
      row.region = sales[i].region;
      row.segment = sales[i].segment;
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }
  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (palier_store_save_program (store, program, "First version.", &error));
  g_assert_no_error (error);
  return store;
}

/* Simulates the stored program on @scenario's bases. */
static PalierResult *
simulate (PalierStore          *store,
          const PalierScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = program_new ("0.10");
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierBases) bases = NULL;
  PalierResult *result;

  bases = palier_scenario_compute_bases (scenario, store, programs, NULL, &error);
  g_assert_no_error (error);
  result = palier_bases_simulate (bases, program, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static PalierDecimal
partner_payout (const PalierResult *result,
                const char         *code)
{
  const PalierPartnerResult *row = palier_result_find_partner (result, code);

  g_assert_nonnull (row);
  return row->payout;
}

static char *
result_json (const PalierResult *result)
{
  GString *out = g_string_new (NULL);

  palier_result_write (result, PALIER_OUTPUT_JSON, out);
  return g_string_free (out, FALSE);
}

/* Assumptions */

static void
test_percent_parse (void)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal growth = 0;

  g_assert_true (palier_growth_parse_percent ("8", &growth, NULL));
  g_assert_cmpint (growth, ==, decimal ("0.08"));
  g_assert_true (palier_growth_parse_percent ("8%", &growth, NULL));
  g_assert_cmpint (growth, ==, decimal ("0.08"));
  g_assert_true (palier_growth_parse_percent ("-2.5", &growth, NULL));
  g_assert_cmpint (growth, ==, decimal ("-0.025"));
  g_assert_true (palier_growth_parse_percent ("0.0001%", &growth, NULL));
  g_assert_cmpint (growth, ==, 1);

  g_assert_false (palier_growth_parse_percent ("0.00001", &growth, &error));
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palier_growth_parse_percent ("8,5", &growth, &error));
  g_assert_nonnull (strstr (error->message, "“8,5”"));
}

static void
test_assumptions_text_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierAssumptions) assumptions = palier_assumptions_new ();
  g_autoptr(PalierAssumptions) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  assumptions->growth = decimal ("0.08");
  palier_assumptions_set_growth (assumptions, PALIER_GROWTH_SEGMENT, "Home Office", decimal ("0.05"));
  palier_assumptions_set_growth (assumptions, PALIER_GROWTH_CATEGORY, "Tech \"A\"", decimal ("-0.025"));
  palier_assumptions_remove_partner (assumptions, "B");
  palier_assumptions_add_partner (assumptions, "E", "New \\ one", "A", decimal ("1.5"));

  text = palier_assumptions_to_string (assumptions);
  g_assert_cmpstr (text, ==,
                   "growth 8%\n"
                   "segment \"Home Office\" 5%\n"
                   "category \"Tech \\\"A\\\"\" -2.5%\n"
                   "remove \"B\"\n"
                   "add \"E\" copy \"A\" factor 1.5 name \"New \\\\ one\"\n");

  parsed = palier_assumptions_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (palier_assumptions_equal (assumptions, parsed));
  again = palier_assumptions_to_string (parsed);
  g_assert_cmpstr (again, ==, text);
}

static void
test_assumptions_parse_errors (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "growth 8%\nsegment Gold abc\n", "line 2: “segment”: invalid percentage “abc”" },
    { "grow 8%\n", "line 1: “grow”: unknown keyword" },
    { "# comment\n\nremove\n", "line 3: “remove”: expected “remove CODE”" },
    { "segment \"Gold 5%\n", "line 1: “Gold 5%”: the closing quote is missing" },
    { "add E copy A factor x\n", "line 1: “add”: invalid factor “x”" },
    { "growth -150%\n", "growth -150% is out of range" },
    { "add E copy A factor 0\n", "factor 0 is out of range" },
    { "remove E\nadd E copy A factor 1\n", "both added and removed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalierAssumptions) parsed = palier_assumptions_parse (cases[i].text, &error);

      g_assert_null (parsed);
      g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expected);
    }
}

static void
test_assumptions_factor_multiplies (void)
{
  g_autoptr(PalierAssumptions) assumptions = palier_assumptions_new ();

  assumptions->growth = decimal ("0.1");
  palier_assumptions_set_growth (assumptions, PALIER_GROWTH_SEGMENT, "Gold", decimal ("0.1"));
  palier_assumptions_set_growth (assumptions, PALIER_GROWTH_CATEGORY, "Software", decimal ("0.2"));
  palier_assumptions_set_growth (assumptions, PALIER_GROWTH_REGION, "West", decimal ("-0.5"));

  /* 1.1 x 1.1 x 1.2 x 0.5 = 0.726 */
  g_assert_cmpint (palier_assumptions_factor (assumptions, "Gold", "Software", "West"), ==, decimal ("0.726"));
  g_assert_cmpint (palier_assumptions_factor (assumptions, NULL, NULL, NULL), ==, decimal ("1.1"));
  g_assert_cmpint (palier_assumptions_factor (assumptions, "Silver", "Software", "North"), ==, decimal ("1.32"));
  g_assert_false (palier_assumptions_is_neutral (assumptions));
}

/* Bases */

static void
test_bases_neutral_same_as_history (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierProgram) program = program_new ("0.10");
  g_autoptr(PalierResult) scaled = simulate (store, scenario);
  g_autoptr(PalierResult) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scaled_json = NULL;
  g_autofree char *history_json = NULL;

  history = palier_simulate (store, program, NULL, NULL, &error);
  g_assert_no_error (error);
  scaled_json = result_json (scaled);
  history_json = result_json (history);
  g_assert_cmpstr (scaled_json, ==, history_json);
  g_assert_cmpint (scaled->total_payout, ==, decimal ("270.02"));
}

static void
test_bases_overall_growth (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierResult) result = NULL;

  scenario->assumptions->growth = decimal ("0.1");
  result = simulate (store, scenario);

  /* A: 1650 -> 50 + 65; B: 2200 -> 50 + 120; C: 330.3666663 rounds to
   * 330.366666 -> 16.5183333 -> 16.52; D: 110.0000011 -> 110.000001
   * -> 5.50. */
  g_assert_cmpint (partner_payout (result, "A"), ==, decimal ("115"));
  g_assert_cmpint (partner_payout (result, "B"), ==, decimal ("170"));
  g_assert_cmpint (partner_payout (result, "C"), ==, decimal ("16.52"));
  g_assert_cmpint (partner_payout (result, "D"), ==, decimal ("5.50"));
  g_assert_cmpint (palier_result_find_partner (result, "C")->sales, ==, decimal ("330.366666"));
  g_assert_cmpint (result->total_payout, ==, decimal ("307.02"));
}

static void
test_bases_segment_times_category (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierResult) result = NULL;

  palier_assumptions_set_growth (scenario->assumptions, PALIER_GROWTH_SEGMENT, "Gold", decimal ("0.1"));
  palier_assumptions_set_growth (scenario->assumptions, PALIER_GROWTH_CATEGORY, "Software", decimal ("0.2"));
  result = simulate (store, scenario);

  /* A: Hardware 1000 x 1.1 = 1100, Software 500 x 1.32 = 660, base 1760
   * -> 50 + 76 = 126.  B is Silver and Hardware: 150.  C: 300.333333 x
   * 1.32 = 396.43999956 -> 396.440000 -> 19.822 -> 19.82.  D: 5.00. */
  g_assert_cmpint (partner_payout (result, "A"), ==, decimal ("126"));
  g_assert_cmpint (partner_payout (result, "B"), ==, decimal ("150"));
  g_assert_cmpint (partner_payout (result, "C"), ==, decimal ("19.82"));
  g_assert_cmpint (palier_result_find_partner (result, "C")->sales, ==, decimal ("396.44"));
  g_assert_cmpint (partner_payout (result, "D"), ==, decimal ("5"));
  g_assert_cmpint (result->total_payout, ==, decimal ("300.82"));
}

static void
test_bases_rounding_half_away (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierResult) result = NULL;

  palier_assumptions_set_growth (scenario->assumptions, PALIER_GROWTH_REGION, "West", decimal ("0.5"));
  result = simulate (store, scenario);

  /* D: 100.000001 x 1.5 = 150.0000015, half a millionth, rounds away
   * from zero to 150.000002; it pays 7.5000001 -> 7.50. */
  g_assert_cmpint (palier_result_find_partner (result, "D")->sales, ==, decimal ("150.000002"));
  g_assert_cmpint (partner_payout (result, "D"), ==, decimal ("7.5"));
  g_assert_cmpint (partner_payout (result, "A"), ==, decimal ("100"));
}

static void
test_bases_removed_partner (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierResult) result = NULL;

  palier_assumptions_remove_partner (scenario->assumptions, "B");
  result = simulate (store, scenario);

  g_assert_null (palier_result_find_partner (result, "B"));
  g_assert_cmpuint (result->partners->len, ==, 3);
  g_assert_cmpint (result->total_payout, ==, decimal ("120.02"));
  g_assert_cmpint (result->total_sales, ==, decimal ("1900.333334"));
}

static void
test_bases_added_copy (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierResult) result = NULL;
  const PalierPartnerResult *row;

  palier_assumptions_add_partner (scenario->assumptions, "E", "Newcomer", "A", decimal ("1.5"));
  result = simulate (store, scenario);

  /* E: (1000 + 500) x 1.5 = 2250 -> 50 + 125 = 175, in A's segment. */
  row = palier_result_find_partner (result, "E");
  g_assert_nonnull (row);
  g_assert_cmpint (row->payout, ==, decimal ("175"));
  g_assert_cmpstr (row->segment, ==, "Gold");
  g_assert_cmpstr (row->name, ==, "Newcomer");
  g_assert_cmpint (partner_payout (result, "A"), ==, decimal ("100"));
  g_assert_cmpint (result->total_payout, ==, decimal ("445.02"));
}

static void
test_bases_added_copy_grows (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierResult) result = NULL;

  scenario->assumptions->growth = decimal ("0.1");
  palier_assumptions_add_partner (scenario->assumptions, "E", NULL, "A", decimal ("1.5"));
  result = simulate (store, scenario);

  /* Multiplier 1.1 x 1.5 = 1.65: 2475 -> 50 + 147.5 = 197.5. */
  g_assert_cmpint (partner_payout (result, "E"), ==, decimal ("197.5"));
}

static void
test_bases_unknown_partner (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierProgram) program = program_new ("0.10");
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(GError) error = NULL;

  palier_assumptions_add_partner (scenario->assumptions, "E", NULL, "Z", PALIER_DECIMAL_ONE);
  bases = palier_scenario_compute_bases (scenario, store, programs, NULL, &error);
  g_assert_null (bases);
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Z”"));
}

/* Store and runs */

static void
test_store_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("grow", "Growth", "plan");
  g_autoptr(PalierScenario) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  scenario->from = 20240101;
  scenario->to = 20240331;
  scenario->assumptions->growth = decimal ("0.08");
  palier_assumptions_add_partner (scenario->assumptions, "E", NULL, "A", decimal ("1.5"));
  g_assert_true (palier_store_save_scenario (store, scenario, &error));
  g_assert_no_error (error);

  loaded = palier_store_load_scenario (store, "grow", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Growth");
  g_assert_cmpstr (loaded->program_id, ==, "plan");
  g_assert_cmpint (loaded->from, ==, 20240101);
  g_assert_cmpint (loaded->to, ==, 20240331);
  g_assert_true (palier_assumptions_equal (loaded->assumptions, scenario->assumptions));

  list = palier_store_list_scenarios (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (palier_store_delete_scenario (store, "grow", &error));
  g_assert_no_error (error);
  g_assert_null (palier_store_load_scenario (store, "grow", &error));
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND);
}

static void
test_store_unknown_program (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "missing");
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_store_save_scenario (store, scenario, &error));
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND);
}

static void
test_run_kept_after_program_change (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("grow", "Growth", "plan");
  g_autoptr(PalierScenarioRun) first = NULL;
  g_autoptr(PalierScenarioRun) second = NULL;
  g_autoptr(PalierScenarioRun) last = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(PalierProgram) richer = program_new ("0.20");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *kept_json = NULL;
  const PalierScenarioRun *kept;

  scenario->assumptions->growth = decimal ("0.1");
  g_assert_true (palier_store_save_scenario (store, scenario, &error));
  g_assert_no_error (error);

  first = palier_scenario_run (scenario, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->result->total_payout, ==, decimal ("307.02"));
  g_assert_cmpint (first->program_version, >, 0);

  /* The top rate doubles: A 50 + 130, B 50 + 240, C and D unchanged. */
  g_assert_true (palier_store_save_program (store, richer, "Richer top tier.", &error));
  g_assert_no_error (error);
  second = palier_scenario_run (scenario, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->result->total_payout, ==, decimal ("492.02"));
  g_assert_cmpint (second->program_version, >, first->program_version);

  runs = palier_store_list_scenario_runs (store, "grow", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  kept = g_ptr_array_index (runs, 0);
  g_assert_cmpint (kept->id, ==, first->id);
  g_assert_cmpint (kept->program_version, ==, first->program_version);
  g_assert_true (palier_program_equal (kept->program, first->program));
  g_assert_true (palier_assumptions_equal (kept->assumptions, scenario->assumptions));
  g_assert_cmpint (kept->from, ==, 20240110);
  g_assert_cmpint (kept->to, ==, 20240320);

  /* The kept result reads back as it was written. */
  first_json = result_json (first->result);
  kept_json = result_json (kept->result);
  g_assert_cmpstr (kept_json, ==, first_json);

  last = palier_store_load_last_scenario_run (store, "grow", &error);
  g_assert_no_error (error);
  g_assert_cmpint (last->id, ==, second->id);
  g_assert_cmpint (last->result->total_payout, ==, decimal ("492.02"));
}

/* Names from a partners file survive a kept run: the reader returns
 * them, not the codes. */
static void
test_run_kept_names (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("named", "Named", "plan");
  g_autoptr(PalierScenarioRun) run = NULL;
  g_autoptr(PalierScenarioRun) kept = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_partner_free);
  g_autoptr(GError) error = NULL;
  PalierPartner *named = g_new0 (PalierPartner, 1);

  named->code = g_strdup ("A");
  named->name = g_strdup ("Atelier Dupré & Fils");
  named->start = PALIER_DATE_NONE;
  g_ptr_array_add (partners, named);
  g_assert_true (palier_store_import_partners (store, partners, &error));
  g_assert_no_error (error);
  g_assert_true (palier_store_save_scenario (store, scenario, &error));
  g_assert_no_error (error);

  run = palier_scenario_run (scenario, store, NULL, &error);
  g_assert_no_error (error);
  kept = palier_store_load_last_scenario_run (store, "named", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);

  for (guint i = 0; i < kept->result->partners->len; i++)
    {
      const PalierPartnerResult *row = g_ptr_array_index (kept->result->partners, i);

      if (g_str_equal (row->partner, "A"))
        g_assert_cmpstr (row->name, ==, "Atelier Dupré & Fils");
      else
        g_assert_cmpstr (row->name, ==, row->partner);
    }
}

static void
test_run_none_kept (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) scenario = palier_scenario_new ("s", "S", "plan");
  g_autoptr(PalierScenarioRun) run = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (palier_store_save_scenario (store, scenario, &error));
  run = palier_store_load_last_scenario_run (store, "s", &error);
  g_assert_null (run);
  g_assert_no_error (error);
}

/* Comparison */

static PalierBases *
bases_for (PalierStore          *store,
           const PalierScenario *scenario,
           const PalierProgram  *program)
{
  g_autoptr(GError) error = NULL;
  const PalierProgram *programs[] = { program, NULL };
  PalierBases *bases = palier_scenario_compute_bases (scenario, store, programs, NULL, &error);

  g_assert_no_error (error);
  return bases;
}

static void
test_compare_tiers_and_winners (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) flat = palier_scenario_new ("flat", "Flat", "plan");
  g_autoptr(PalierScenario) shift = palier_scenario_new ("shift", "Shift", "plan");
  g_autoptr(PalierProgram) program = program_new ("0.10");
  g_autoptr(PalierBases) flat_bases = NULL;
  g_autoptr(PalierBases) shift_bases = NULL;
  g_autoptr(PalierResult) flat_result = NULL;
  g_autoptr(PalierResult) shift_result = NULL;
  g_autoptr(PalierScenarioComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const PalierComparisonRow *row;
  const PalierScenarioColumn *column;

  /* Shift: Gold +10 %, A leaves, B falls 60 % below tier 2. */
  palier_assumptions_set_growth (shift->assumptions, PALIER_GROWTH_SEGMENT, "Gold", decimal ("0.1"));
  palier_assumptions_set_growth (shift->assumptions, PALIER_GROWTH_SEGMENT, "Silver", decimal ("-0.6"));
  palier_assumptions_remove_partner (shift->assumptions, "A");

  flat_bases = bases_for (store, flat, program);
  shift_bases = bases_for (store, shift, program);
  flat_result = palier_bases_simulate (flat_bases, program, NULL, &error);
  g_assert_no_error (error);
  shift_result = palier_bases_simulate (shift_bases, program, NULL, &error);
  g_assert_no_error (error);

  {
    PalierResult *results[] = { flat_result, shift_result };
    const PalierBases *bases[] = { flat_bases, shift_bases };
    const char *labels[] = { "Flat", "Shift" };

    comparison = palier_scenario_compare (results, bases, labels, 2, &error);
    g_assert_no_error (error);
  }

  /* Flat: A (1500) and B (2000) reach tier 2, C and D tier 1. */
  column = &comparison->columns[0];
  g_assert_cmpstr (column->tier_component, ==, "base");
  g_assert_cmpuint (column->tier_counts->len, ==, 3);
  g_assert_cmpuint (g_array_index (column->tier_counts, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (column->tier_counts, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (column->tier_counts, guint, 2), ==, 2);
  g_assert_cmpuint (column->rows->len, ==, 0);

  /* Shift: B 800 tier 1, C 330.366666 tier 1, D tier 1; A is gone.
   * B 40 (-110), C 16.52 (+1.50), D 5 (same), A 0 (-100). */
  column = &comparison->columns[1];
  g_assert_cmpuint (g_array_index (column->tier_counts, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (column->tier_counts, guint, 2), ==, 0);
  g_assert_cmpuint (column->n_gain, ==, 1);
  g_assert_cmpuint (column->n_lose, ==, 2);
  g_assert_cmpuint (column->n_same, ==, 1);
  row = g_ptr_array_index (column->rows, 0);
  g_assert_cmpstr (row->partner, ==, "C");
  g_assert_cmpint (row->difference, ==, decimal ("1.5"));
  row = g_ptr_array_index (column->rows, 3);
  g_assert_cmpstr (row->partner, ==, "B");
  g_assert_cmpint (row->difference, ==, decimal ("-110"));
  g_assert_cmpint (column->cost - comparison->columns[0].cost, ==, decimal ("-208.50"));
}

static void
test_compare_too_many (void)
{
  g_autoptr(GError) error = NULL;
  PalierResult *results[5] = { NULL };
  const char *labels[5] = { NULL };

  g_assert_null (palier_scenario_compare (results, NULL, labels, 5, &error));
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_TOO_MANY);
}

static void
test_compare_chart_draws (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = store_new (&path);
  g_autoptr(PalierScenario) flat = palier_scenario_new ("flat", "Flat", "plan");
  g_autoptr(PalierScenario) grow = palier_scenario_new ("grow", "Grow", "plan");
  g_autoptr(PalierResult) flat_result = simulate (store, flat);
  g_autoptr(PalierResult) grow_result = NULL;
  g_autoptr(PalierScenarioComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = palier_test_tmp_dir ();
  PalierResult *results[2];
  const char *labels[] = { "Flat", "Grow" };

  grow->assumptions->growth = decimal ("0.5");
  grow_result = simulate (store, grow);
  results[0] = flat_result;
  results[1] = grow_result;
  comparison = palier_scenario_compare (results, NULL, labels, 2, &error);
  g_assert_no_error (error);
  g_assert_null (comparison->columns[1].tier_counts);

  for (int chart = 0; chart <= PALIER_SCENARIO_CHART_DIFFERENCES; chart++)
    {
      g_autofree char *name = g_strdup_printf ("chart-%d.png", chart);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      GStatBuf info;

      g_assert_true (palier_scenario_chart_export (comparison, chart, file, 640, 400, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (file, &info), ==, 0);
      g_assert_cmpint (info.st_size, >, 1000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/percent/parse", test_percent_parse);
  g_test_add_func ("/scenario/assumptions/text-round-trip", test_assumptions_text_round_trip);
  g_test_add_func ("/scenario/assumptions/parse-errors", test_assumptions_parse_errors);
  g_test_add_func ("/scenario/assumptions/factor-multiplies", test_assumptions_factor_multiplies);
  g_test_add_func ("/scenario/bases/neutral-same-as-history", test_bases_neutral_same_as_history);
  g_test_add_func ("/scenario/bases/overall-growth", test_bases_overall_growth);
  g_test_add_func ("/scenario/bases/segment-times-category", test_bases_segment_times_category);
  g_test_add_func ("/scenario/bases/rounding-half-away", test_bases_rounding_half_away);
  g_test_add_func ("/scenario/bases/removed-partner", test_bases_removed_partner);
  g_test_add_func ("/scenario/bases/added-copy", test_bases_added_copy);
  g_test_add_func ("/scenario/bases/added-copy-grows", test_bases_added_copy_grows);
  g_test_add_func ("/scenario/bases/unknown-partner", test_bases_unknown_partner);
  g_test_add_func ("/scenario/store/round-trip", test_store_round_trip);
  g_test_add_func ("/scenario/store/unknown-program", test_store_unknown_program);
  g_test_add_func ("/scenario/run/kept-after-program-change", test_run_kept_after_program_change);
  g_test_add_func ("/scenario/run/none-kept", test_run_none_kept);
  g_test_add_func ("/scenario/run/kept-names", test_run_kept_names);
  g_test_add_func ("/scenario/compare/tiers-and-winners", test_compare_tiers_and_winners);
  g_test_add_func ("/scenario/compare/too-many", test_compare_too_many);
  g_test_add_func ("/scenario/compare/chart-draws", test_compare_chart_draws);

  return g_test_run ();
}
