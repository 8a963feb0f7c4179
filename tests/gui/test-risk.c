/* test-risk.c: the cost risk and health panels and the goal-seek dialog
 *
 * Each test builds a real workspace file from tests/data/gui/sales.csv,
 * five sales of two partners over two quarters.  The program's XML
 * works out its payouts by hand.  The test reads the bases with the
 * core and shows them in a panel inside a window.  The panels' figures are
 * checked against the core's own functions called on the same bases,
 * and against hand-computed values where the data makes them easy.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "palier-application.h"
#include "palier-designer-view.h"
#include "palier-format.h"
#include "palier-goal-seek-dialog.h"
#include "palier-health-panel.h"
#include "palier-health-row.h"
#include "palier-number-input.h"
#include "palier-risk-panel.h"
#include "palier-scenario-data.h"
#include "palier-scenarios-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-window.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (60 * G_USEC_PER_SEC)

#define DECIMAL(units) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE)

static PalierApplication *application;


static void
run_pending_events (void)
{
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (widget, type, name)));
}

/* Workspace and bases */

typedef struct {
  char *dir;
  char *path;
  PalierProgram *program;
  PalierScenarioData *data;
  GtkWidget *window;
} Fixture;

static void
make_workspace (Fixture    *fixture,
                const char *program_file)
{
  g_autofree char *csv = palier_test_data_path ("gui/sales.csv");
  g_autofree char *xml = palier_test_data_path (program_file);
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportReport report;
  PalierImportPlan *plan;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "risk.palier", NULL);
  store = palier_store_open (fixture->path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  palier_import_options_init (&options);
  plan = palier_import_plan_new (csv, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);

  palier_import_report_init (&report);
  palier_store_import_sales (store, plan, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  palier_import_report_clear (&report);
  palier_import_plan_free (plan);

  fixture->program = palier_program_read_file (xml, &error);
  g_assert_no_error (error);
  palier_store_save_program (store, fixture->program, "Test program", &error);
  g_assert_no_error (error);
}

/* The bases of the whole history, read as the window's workers read
 * them, on a connection of the test's own. */
static PalierBases *
read_bases (Fixture *fixture)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const PalierProgram *programs[] = { fixture->program, NULL };
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  PalierBases *bases;

  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  bases = palier_bases_compute (store, programs, &options, NULL, &error);
  g_assert_no_error (error);

  return bases;
}

static void
fixture_set_up (Fixture    *fixture,
                const char *program_file)
{
  g_autoptr(GError) error = NULL;

  make_workspace (fixture, program_file);
  fixture->data = palier_scenario_data_new ("Baseline", fixture->program,
                                            read_bases (fixture), NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_show (Fixture   *fixture,
              GtkWidget *panel)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 640);
  gtk_window_set_child (GTK_WINDOW (fixture->window), panel);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
}

static void
close_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PALIER_IS_GOAL_SEEK_DIALOG (l->data))
      gtk_window_destroy (l->data);

  g_list_free (toplevels);
}

static void
fixture_tear_down (Fixture *fixture)
{
  close_dialogs ();
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  run_pending_events ();

  g_clear_pointer (&fixture->data, palier_scenario_data_unref);
  g_clear_pointer (&fixture->program, palier_program_unref);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Whether @function is still a stub, which returns NULL without an
 * error.  The test is then marked skipped. */
static gboolean
core_is_stub (gconstpointer  result,
              const GError  *error,
              const char    *function)
{
  if (result != NULL || error != NULL)
    return FALSE;

  g_test_skip_printf ("%s() returns nothing yet", function);
  return TRUE;
}

/* Cost risk */

/* The draws show grouped as the locale groups numbers, and read back
 * what the user types in that form. */
static void
check_draws_spin (const char *shown,
                  const char *typed,
                  double      expected)
{
  GtkWidget *window = gtk_window_new ();
  PalierRiskPanel *panel = PALIER_RISK_PANEL (palier_risk_panel_new ());
  GtkSpinButton *draws = child (panel, PALIER_TYPE_RISK_PANEL, "draws_spin");

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (draws)), ==, shown);

  gtk_editable_set_text (GTK_EDITABLE (draws), typed);
  gtk_spin_button_update (draws);
  g_assert_cmpfloat (gtk_spin_button_get_value (draws), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_risk_draws_grouped (void)
{
  check_draws_spin ("10,000", "25,000", 25000);
  check_draws_spin ("10,000", "1500", 1500);
}

static void
test_risk_draws_grouped_french (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("The fr_FR.UTF-8 locale is not installed");
      return;
    }

  /* glibc's fr_FR groups with U+202F, a narrow no-break space; people
   * type a plain space. */
  check_draws_spin ("10\u202f000", "12 500", 12500);

  setlocale (LC_NUMERIC, saved);
}

static gboolean
risk_is_done (gpointer data)
{
  return !palier_risk_panel_is_running (data);
}

static gboolean
risk_is_running (gpointer data)
{
  return palier_risk_panel_is_running (data);
}

static PalierRiskPanel *
risk_panel_new (Fixture    *fixture,
                guint       draws,
                guint       seed,
                const char *budget)
{
  PalierRiskPanel *panel = PALIER_RISK_PANEL (palier_risk_panel_new ());

  gtk_spin_button_set_value (child (panel, PALIER_TYPE_RISK_PANEL, "draws_spin"), draws);
  gtk_spin_button_set_value (child (panel, PALIER_TYPE_RISK_PANEL, "seed_spin"), seed);
  gtk_editable_set_text (child (panel, PALIER_TYPE_RISK_PANEL, "budget_entry"), budget);
  fixture_show (fixture, GTK_WIDGET (panel));

  return panel;
}

static void
assert_money_label (PalierRiskPanel *panel,
                    const char      *name,
                    PalierDecimal    value)
{
  g_autofree char *expected = palier_format_money (value, "USD");

  g_assert_cmpstr (label_text (panel, PALIER_TYPE_RISK_PANEL, name), ==, expected);
}

static void
assert_ratio_label (PalierRiskPanel *panel,
                    const char      *name,
                    PalierDecimal    value)
{
  g_autofree char *expected = palier_format_percent (value, 2);

  g_assert_cmpstr (label_text (panel, PALIER_TYPE_RISK_PANEL, name), ==, expected);
}

static void
test_risk_matches_core (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PalierMonteCarloResult) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *over = NULL;
  PalierMonteCarloOptions options = { 2000, 7, TRUE, DECIMAL (300) };
  PalierMonteCarloResult *displayed;
  PalierRiskPanel *panel;

  fixture_set_up (&fixture, "gui/program.xml");
  expected = palier_monte_carlo_run (palier_scenario_data_get_bases (fixture.data),
                                     fixture.program, &options, NULL, &error);
  if (core_is_stub (expected, error, "palier_monte_carlo_run"))
    {
      fixture_tear_down (&fixture);
      return;
    }
  g_assert_no_error (error);

  panel = risk_panel_new (&fixture, 2000, 7, "300");
  palier_risk_panel_set_data (panel, fixture.data);
  g_assert_true (palier_gui_test_wait_for (risk_is_done, panel, WAIT_TIMEOUT_US));

  displayed = palier_risk_panel_get_result (panel);
  g_assert_cmpuint (displayed->n_draws, ==, 2000);
  g_assert_cmpuint (displayed->seed, ==, 7);
  g_assert_cmpint (displayed->cost.p90, ==, expected->cost.p90);
  g_assert_cmpuint (displayed->n_over_budget, ==, expected->n_over_budget);

  assert_money_label (panel, "mean_cost_label", expected->cost.mean);
  assert_money_label (panel, "p10_cost_label", expected->cost.p10);
  assert_money_label (panel, "p50_cost_label", expected->cost.p50);
  assert_money_label (panel, "p90_cost_label", expected->cost.p90);
  assert_money_label (panel, "p99_cost_label", expected->cost.p99);
  assert_ratio_label (panel, "mean_ratio_label", expected->cost_of_sales.mean);
  assert_ratio_label (panel, "p10_ratio_label", expected->cost_of_sales.p10);
  assert_ratio_label (panel, "p50_ratio_label", expected->cost_of_sales.p50);
  assert_ratio_label (panel, "p90_ratio_label", expected->cost_of_sales.p90);
  assert_ratio_label (panel, "p99_ratio_label", expected->cost_of_sales.p99);

  over = palier_format_count (expected->n_over_budget);
  g_assert_nonnull (strstr (label_text (panel, PALIER_TYPE_RISK_PANEL, "budget_label"), over));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (panel, PALIER_TYPE_RISK_PANEL, "stack")),
                   ==, "result");

  fixture_tear_down (&fixture);
}

static void
test_risk_rerun_on_seed (void)
{
  Fixture fixture = { 0 };
  PalierRiskPanel *panel;
  guint n_first;

  fixture_set_up (&fixture, "gui/program.xml");
  panel = risk_panel_new (&fixture, 500, 1, "");
  palier_risk_panel_set_data (panel, fixture.data);
  g_assert_true (palier_gui_test_wait_for (risk_is_done, panel, WAIT_TIMEOUT_US));
  if (palier_risk_panel_get_result (panel) == NULL)
    {
      g_test_skip ("palier_monte_carlo_run() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }
  n_first = palier_risk_panel_get_result (panel)->n_draws;
  g_assert_cmpuint (n_first, ==, 500);

  /* A new seed runs again by itself after the pause. */
  gtk_spin_button_set_value (child (panel, PALIER_TYPE_RISK_PANEL, "seed_spin"), 99);
  g_assert_true (palier_gui_test_wait_for (risk_is_running, panel, WAIT_TIMEOUT_US));
  g_assert_true (palier_gui_test_wait_for (risk_is_done, panel, WAIT_TIMEOUT_US));
  g_assert_cmpuint (palier_risk_panel_get_result (panel)->seed, ==, 99);
  g_assert_false (palier_risk_panel_get_result (panel)->has_budget);

  fixture_tear_down (&fixture);
}

static void
test_risk_invalid_budget (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  PalierMonteCarloOptions options;
  PalierRiskPanel *panel;
  GtkWidget *entry;

  fixture_set_up (&fixture, "gui/program.xml");
  panel = risk_panel_new (&fixture, 500, 1, "");
  palier_risk_panel_set_data (panel, fixture.data);
  g_assert_true (palier_gui_test_wait_for (risk_is_done, panel, WAIT_TIMEOUT_US));

  entry = child (panel, PALIER_TYPE_RISK_PANEL, "budget_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "12,3.4x");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (palier_risk_panel_get_options (panel, &options, &error));
  g_assert_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER);

  /* Nothing runs on a budget that is not a number. */
  palier_risk_panel_run (panel);
  g_assert_false (palier_risk_panel_is_running (panel));

  gtk_editable_set_text (GTK_EDITABLE (entry), "1,500");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (palier_risk_panel_get_options (panel, &options, NULL));
  g_assert_true (options.has_budget);
  g_assert_cmpint (options.budget, ==, DECIMAL (1500));

  fixture_tear_down (&fixture);
}

static gboolean
risk_panel_has_data (gpointer data)
{
  return palier_risk_panel_get_data (data) != NULL ||
         g_strcmp0 (gtk_stack_get_visible_child_name (child (data, PALIER_TYPE_RISK_PANEL, "stack")),
                    "error") == 0;
}

static void
test_risk_set_scenario (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierBases) bases = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };
  PalierRiskPanel *panel;

  fixture_set_up (&fixture, "gui/program.xml");
  scenario = palier_scenario_new ("growth", "Growth 8%", fixture.program->id);
  if (core_is_stub (scenario, NULL, "palier_scenario_new"))
    {
      fixture_tear_down (&fixture);
      return;
    }
  scenario->assumptions->growth = 80000;

  store = palier_store_open (fixture.path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  programs[0] = fixture.program;
  bases = palier_scenario_compute_bases (scenario, store, programs, NULL, &error);
  if (core_is_stub (bases, error, "palier_scenario_compute_bases"))
    {
      fixture_tear_down (&fixture);
      return;
    }
  g_assert_no_error (error);
  g_clear_pointer (&store, palier_store_close);

  workspace = palier_workspace_open (fixture.path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  panel = risk_panel_new (&fixture, 500, 1, "");
  palier_risk_panel_set_scenario (panel, workspace, scenario);
  g_assert_true (palier_gui_test_wait_for (risk_panel_has_data, panel, WAIT_TIMEOUT_US));
  g_assert_nonnull (palier_risk_panel_get_data (panel));

  /* 8 % growth on 4,700 of sales. */
  g_assert_cmpint (palier_scenario_data_get_result (palier_risk_panel_get_data (panel))->total_sales,
                   ==, DECIMAL (5076));
  g_assert_cmpstr (label_text (panel, PALIER_TYPE_RISK_PANEL, "heading_label"), ==, "Growth 8%");

  fixture_tear_down (&fixture);
}

/* Goal-seek */

static gboolean
dialog_is_done (gpointer data)
{
  return !palier_goal_seek_dialog_is_running (data);
}

/* Selects the parameter labelled @label in the dialog's list. */
static void
select_parameter (PalierGoalSeekDialog *dialog,
                  const char           *label)
{
  GtkStringList *list = child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "parameter_list");
  AdwComboRow *row = child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "parameter_row");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), label) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_assert_not_reached ();
}

static PalierGoalSeekDialog *
goal_seek_dialog_new (Fixture             *fixture,
                      PalierProgramEditor *editor,
                      const char          *parameter,
                      const char          *target)
{
  PalierMonteCarloOptions options = { 500, 1, FALSE, 0 };
  PalierGoalSeekDialog *dialog;

  dialog = palier_goal_seek_dialog_new (NULL, fixture->data, &options, editor);
  g_assert_true (palier_goal_seek_dialog_select_component (dialog, "base"));
  select_parameter (dialog, parameter);
  gtk_editable_set_text (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "target_row"), target);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  return dialog;
}

static const PalierTier *
base_tier (PalierProgram *program,
           guint          index)
{
  const PalierComponent *base = palier_program_find_component (program, "base");

  return &g_array_index (base->tiers, PalierTier, index);
}

/* The program pays 313 on history, 50 of it from tier 3's 10 % on P2's
 * 500 above 200 % of quota.  A cost of 318 needs 55 there: a rate of
 * 11 %, give or take what rounding to cents leaves unchanged. */
static void
test_goal_seek_apply_undo (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PalierProgramEditor) editor = NULL;
  PalierGoalSeekDialog *dialog;
  PalierGoalSeekResult *result;
  PalierDecimal found;

  fixture_set_up (&fixture, "gui/program.xml");
  editor = palier_program_editor_new (fixture.path, fixture.program);
  dialog = goal_seek_dialog_new (&fixture, editor, "Tier 3 rate", "318");

  palier_goal_seek_dialog_find (dialog);
  g_assert_true (palier_gui_test_wait_for (dialog_is_done, dialog, WAIT_TIMEOUT_US));
  result = palier_goal_seek_dialog_get_result (dialog);
  if (result == NULL)
    {
      g_test_skip ("palier_goal_seek() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }

  g_assert_cmpstr (label_text (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "current_label"), ==, "10%");
  g_assert_true (result->found);
  g_assert_cmpint (result->original, ==, 100000);
  g_assert_cmpint (result->achieved, ==, DECIMAL (318));
  g_assert_cmpint (result->value, >=, 110000 - 10);
  g_assert_cmpint (result->value, <=, 110000 + 10);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "apply_button")));
  found = result->value;

  g_assert_true (palier_goal_seek_dialog_apply (dialog));
  g_assert_cmpint (base_tier (palier_program_editor_get_program (editor), 2)->value, ==, found);
  g_assert_true (palier_program_editor_can_undo (editor));

  palier_program_editor_undo (editor);
  g_assert_cmpint (base_tier (palier_program_editor_get_program (editor), 2)->value, ==, 100000);

  palier_program_editor_flush (editor);
  fixture_tear_down (&fixture);
}

/* With tier 3's rate at 0 the program still pays 263, so no rate can
 * bring the cost down to 100. */
static void
test_goal_seek_no_solution (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PalierProgramEditor) editor = NULL;
  PalierGoalSeekDialog *dialog;
  PalierGoalSeekResult *result;

  fixture_set_up (&fixture, "gui/program.xml");
  editor = palier_program_editor_new (fixture.path, fixture.program);
  dialog = goal_seek_dialog_new (&fixture, editor, "Tier 3 rate", "100");

  palier_goal_seek_dialog_find (dialog);
  g_assert_true (palier_gui_test_wait_for (dialog_is_done, dialog, WAIT_TIMEOUT_US));
  result = palier_goal_seek_dialog_get_result (dialog);
  if (result == NULL)
    {
      g_test_skip ("palier_goal_seek() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }

  g_assert_false (result->found);
  g_assert_cmpint (result->reachable_min, ==, DECIMAL (263));
  g_assert_nonnull (strstr (label_text (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "result_label"),
                            "No value of Tier 3 rate can reach"));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "apply_button")));
  g_assert_false (palier_goal_seek_dialog_apply (dialog));
  g_assert_false (palier_program_editor_can_undo (editor));

  fixture_tear_down (&fixture);
}

static void
test_goal_seek_parameters (void)
{
  Fixture fixture = { 0 };
  PalierGoalSeekDialog *dialog;
  GtkStringList *list;
  const char *expected[] = {
    "Tier 1 rate", "Tier 2 rate", "Tier 2 boundary", "Tier 3 rate", "Tier 3 boundary",
  };

  PalierGoalParameter boundary = { PALIER_GOAL_TIER_FROM, "base", 1 };
  PalierDecimal value = 0;

  fixture_set_up (&fixture, "gui/program.xml");
  if (!palier_goal_parameter_get (fixture.program, &boundary, &value, NULL))
    {
      g_test_skip ("palier_goal_parameter_get() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }

  dialog = goal_seek_dialog_new (&fixture, NULL, "Tier 2 boundary", "");
  list = child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "parameter_list");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (list, i), ==, expected[i]);
  g_assert_cmpstr (label_text (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "current_label"), ==, "100%");

  /* Without an editor there is nothing to apply to. */
  g_assert_false (gtk_widget_get_visible (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "apply_button")));

  /* The bonus lists its level. */
  g_assert_true (palier_goal_seek_dialog_select_component (dialog, "club"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (list, 0), ==, "Level 1 amount");
  g_assert_cmpstr (label_text (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "current_label"), ==, "$25.00");

  /* A target that is not a number is not searched. */
  palier_goal_seek_dialog_find (dialog);
  g_assert_false (palier_goal_seek_dialog_is_running (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "target_row"),
                                           "error"));

  fixture_tear_down (&fixture);
}

/* Program health */

static gboolean
health_is_done (gpointer data)
{
  return !palier_health_panel_is_running (data);
}

static gboolean
health_is_running (gpointer data)
{
  return palier_health_panel_is_running (data);
}

static guint
n_rows (PalierHealthPanel *panel,
        const char        *table)
{
  GtkColumnView *view = child (panel, PALIER_TYPE_HEALTH_PANEL, table);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static PalierHealthPanel *
health_panel_show (Fixture *fixture)
{
  PalierHealthPanel *panel = PALIER_HEALTH_PANEL (palier_health_panel_new ());

  fixture_show (fixture, GTK_WIDGET (panel));
  palier_health_panel_set_data (panel, fixture->data);
  g_assert_true (palier_gui_test_wait_for (health_is_done, panel, WAIT_TIMEOUT_US));

  return panel;
}

static void
test_health_counts (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PalierHealth) expected = NULL;
  g_autoptr(GError) error = NULL;
  PalierHealthPanel *panel;
  PalierHealth *health;

  fixture_set_up (&fixture, "grisk/health.xml");
  expected = palier_health_compute (palier_scenario_data_get_bases (fixture.data), fixture.program,
                                    palier_scenario_data_get_result (fixture.data), 50000,
                                    NULL, &error);
  if (core_is_stub (expected, error, "palier_health_compute"))
    {
      fixture_tear_down (&fixture);
      return;
    }
  g_assert_no_error (error);

  panel = health_panel_show (&fixture);
  health = palier_health_panel_get_health (panel);
  g_assert_cmpint (palier_health_panel_get_near (panel), ==, 50000);
  g_assert_cmpuint (health->n_partners, ==, 2);
  g_assert_cmpuint (health->n_paid, ==, 2);
  g_assert_cmpint (health->top_decile_share, ==, 750000);
  g_assert_cmpint (health->gini, ==, 250000);
  g_assert_cmpuint (health->cliffs->len, ==, 2);
  g_assert_cmpuint (health->n_near_partners, ==, 2);
  g_assert_cmpuint (health->n_near_partners, ==, expected->n_near_partners);

  g_assert_cmpstr (label_text (panel, PALIER_TYPE_HEALTH_PANEL, "paid_label"), ==, "2 of 2");
  g_assert_cmpstr (label_text (panel, PALIER_TYPE_HEALTH_PANEL, "top_share_label"), ==, "75.0%");
  g_assert_cmpstr (label_text (panel, PALIER_TYPE_HEALTH_PANEL, "gini_label"), ==, "0.250");
  g_assert_cmpstr (label_text (panel, PALIER_TYPE_HEALTH_PANEL, "near_label"), ==, "2");
  g_assert_cmpuint (n_rows (panel, "cliff_table"), ==, 2);
  g_assert_cmpuint (n_rows (panel, "rate_table"), ==, 2);

  fixture_tear_down (&fixture);
}

/* At 1 % neither P1's 5 % gap under 155 % nor P2's 2 % gap under 42 %
 * is near. */
static void
test_health_near_change (void)
{
  Fixture fixture = { 0 };
  PalierHealthPanel *panel;

  fixture_set_up (&fixture, "grisk/health.xml");
  panel = health_panel_show (&fixture);
  if (palier_health_panel_get_health (panel) == NULL)
    {
      g_test_skip ("palier_health_compute() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }

  palier_health_panel_set_near (panel, 10000);
  g_assert_cmpint (palier_health_panel_get_near (panel), ==, 10000);
  g_assert_true (palier_gui_test_wait_for (health_is_running, panel, WAIT_TIMEOUT_US));
  g_assert_true (palier_gui_test_wait_for (health_is_done, panel, WAIT_TIMEOUT_US));
  g_assert_cmpint (palier_health_panel_get_health (panel)->near, ==, 10000);
  g_assert_cmpuint (palier_health_panel_get_health (panel)->cliffs->len, ==, 0);
  g_assert_cmpuint (n_rows (panel, "cliff_table"), ==, 0);
  g_assert_cmpstr (label_text (panel, PALIER_TYPE_HEALTH_PANEL, "near_label"), ==, "0");

  fixture_tear_down (&fixture);
}

static void
test_health_export (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  PalierHealthPanel *panel;

  fixture_set_up (&fixture, "grisk/health.xml");
  panel = health_panel_show (&fixture);
  if (palier_health_panel_get_health (panel) == NULL)
    {
      g_test_skip ("palier_health_compute() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }

  csv_path = g_build_filename (fixture.dir, "health.csv", NULL);
  g_assert_true (palier_health_panel_export (panel, csv_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);

  /* Header, 6 summary rows, 2 cliffs of 5 figures, 2 partners of 3,
   * and the empty string after the last line break. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 10 + 6 + 1);
  g_assert_cmpstr (lines[0], ==, "section,partner,segment,component,period,figure,value");
  g_assert_true (g_strv_contains ((const char * const *) lines, "summary,,,,,gini,0.25"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "summary,,,,,top_decile_share,0.75"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "summary,,,,,near_partners,2"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "partner,P1,Gold,,,rate,0.005556"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "partner,P2,Silver,,,cost,30"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "cliff,P2,,steps,2024-Q1,step,10"));

  fixture_tear_down (&fixture);
}

/* In the window */

static gboolean
panels_are_done (gpointer data)
{
  PalierScenariosView *view = data;
  PalierRiskPanel *risk = child (view, PALIER_TYPE_SCENARIOS_VIEW, "risk_panel");
  PalierHealthPanel *health = child (view, PALIER_TYPE_SCENARIOS_VIEW, "health_panel");

  return palier_risk_panel_get_data (risk) != NULL && !palier_risk_panel_is_running (risk) &&
         palier_health_panel_get_data (health) != NULL && !palier_health_panel_is_running (health);
}

static PalierGoalSeekDialog *
find_goal_seek_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  PalierGoalSeekDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PALIER_IS_GOAL_SEEK_DIALOG (l->data))
      found = l->data;

  g_list_free (toplevels);
  return found;
}

/* The Scenarios page reads the selected scenario for both panels, and
 * the risk panel's goal-seek applies through the Designer's editor. */
/* Whether a GtkInscription below @widget, such as a table cell, shows
 * @text. */
static gboolean
has_cell_text (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (has_cell_text (c, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_health_gate (void)
{
  Fixture fixture = { 0 };
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  PalierHealthPanel *panel;
  PalierHealth *health;
  const PalierCliff *cliff;

  fixture_set_up (&fixture, "grisk/health-gate.xml");
  panel = health_panel_show (&fixture);
  health = palier_health_panel_get_health (panel);
  if (health == NULL)
    {
      g_test_skip ("palier_health_compute() returns nothing yet");
      fixture_tear_down (&fixture);
      return;
    }

  g_assert_cmpuint (health->cliffs->len, ==, 1);
  cliff = &g_array_index (health->cliffs, PalierCliff, 0);
  g_assert_true (cliff->gate);
  g_assert_cmpstr (cliff->partner, ==, "P1");
  g_assert_cmpint (cliff->step, ==, 15500000);

  /* The Tier column names the gate instead of a tier number. */
  run_pending_events ();
  g_assert_true (has_cell_text (child (panel, PALIER_TYPE_HEALTH_PANEL, "cliff_table"), "Gate"));

  csv = palier_health_panel_to_csv (panel);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_true (g_strv_contains ((const char * const *) lines, "cliff,P1,,base,2024-Q1,gate,1"));
  g_assert_null (strstr (csv, ",tier,"));

  fixture_tear_down (&fixture);
}

static void
test_risk_default_seed (void)
{
  PalierRiskPanel *panel = PALIER_RISK_PANEL (g_object_ref_sink (palier_risk_panel_new ()));
  GtkSpinButton *seed = child (panel, PALIER_TYPE_RISK_PANEL, "seed_spin");

  g_assert_cmpuint ((guint64) gtk_spin_button_get_value (seed), ==, PALIER_MONTE_CARLO_DEFAULT_SEED);
  g_object_unref (panel);
}

static void
test_window_scenario_panels (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  PalierScenariosView *view;
  PalierRiskPanel *risk;
  PalierGoalSeekDialog *dialog;
  PalierDesignerView *designer;
  PalierProgramEditor *editor;
  PalierGoalSeekResult *result;

  fixture_set_up (&fixture, "gui/program.xml");
  scenario = palier_scenario_new ("growth", "Growth 8%", fixture.program->id);
  if (core_is_stub (scenario, NULL, "palier_scenario_new"))
    {
      fixture_tear_down (&fixture);
      return;
    }
  scenario->assumptions->growth = 80000;
  store = palier_store_open (fixture.path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  palier_store_save_scenario (store, scenario, &error);
  g_assert_no_error (error);
  g_clear_pointer (&store, palier_store_close);

  workspace = palier_workspace_open (fixture.path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  fixture.window = GTK_WIDGET (palier_window_new (application));
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1280, 800);
  palier_window_set_workspace (PALIER_WINDOW (fixture.window), workspace);
  adw_view_stack_set_visible_child_name (child (fixture.window, PALIER_TYPE_WINDOW, "view_stack"),
                                         "scenarios");
  gtk_window_present (GTK_WINDOW (fixture.window));
  gtk_test_widget_wait_for_draw (fixture.window);

  view = child (fixture.window, PALIER_TYPE_WINDOW, "scenarios_view");
  g_assert_true (palier_scenarios_view_select (view, "growth"));
  g_assert_true (palier_gui_test_wait_for (panels_are_done, view, WAIT_TIMEOUT_US));

  risk = child (view, PALIER_TYPE_SCENARIOS_VIEW, "risk_panel");
  g_assert_cmpstr (palier_scenario_data_get_label (palier_risk_panel_get_data (risk)), ==, "Growth 8%");
  g_assert_cmpint (palier_scenario_data_get_result (palier_risk_panel_get_data (risk))->total_sales,
                   ==, DECIMAL (5076));

  /* With 8 % growth the program pays 343.64 on history: commissions of
   * 83.40, 17.28, 12.96 and 180 (tier 3 pays 10 % of P2's 700 above
   * 200 % of quota) and two club bonuses of 25.  A cost of 353.64 needs
   * 80 from tier 3, a rate of 80 / 700, about 11.43 %. */
  palier_risk_panel_goal_seek (risk, "base");
  dialog = find_goal_seek_dialog ();
  g_assert_nonnull (dialog);
  select_parameter (dialog, "Tier 3 rate");

  designer = child (fixture.window, PALIER_TYPE_WINDOW, "designer_view");
  editor = palier_designer_view_get_editor (designer);
  g_assert_nonnull (editor);
  g_assert_cmpstr (palier_program_editor_get_program (editor)->id, ==, "test-2024");

  gtk_editable_set_text (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "target_row"), "100000");
  palier_goal_seek_dialog_find (dialog);
  g_assert_true (palier_gui_test_wait_for (dialog_is_done, dialog, WAIT_TIMEOUT_US));
  result = palier_goal_seek_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_false (result->found);
  g_assert_false (palier_goal_seek_dialog_apply (dialog));

  gtk_editable_set_text (child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "target_row"), "353.64");
  palier_goal_seek_dialog_find (dialog);
  g_assert_true (palier_gui_test_wait_for (dialog_is_done, dialog, WAIT_TIMEOUT_US));
  result = palier_goal_seek_dialog_get_result (dialog);
  g_assert_true (result->found);
  g_assert_cmpint (result->original, ==, 100000);
  g_assert_cmpint (result->achieved, ==, 353640000);
  g_assert_cmpint (result->value, >=, 114286 - 20);
  g_assert_cmpint (result->value, <=, 114286 + 20);
  g_assert_true (palier_goal_seek_dialog_apply (dialog));
  g_assert_cmpint (base_tier (palier_program_editor_get_program (editor), 2)->value, ==, result->value);
  g_assert_true (palier_designer_view_can_undo (designer));

  palier_designer_view_undo (designer);
  g_assert_cmpint (base_tier (palier_program_editor_get_program (editor), 2)->value, ==, 100000);

  palier_program_editor_flush (editor);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_data_dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  user_data_dir = palier_test_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", user_data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  palier_core_init ();

  application = palier_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/risk/panel/matches-core", test_risk_matches_core);
  g_test_add_func ("/risk/panel/rerun-on-seed", test_risk_rerun_on_seed);
  g_test_add_func ("/risk/panel/invalid-budget", test_risk_invalid_budget);
  g_test_add_func ("/risk/panel/scenario", test_risk_set_scenario);
  g_test_add_func ("/risk/panel/draws-grouped", test_risk_draws_grouped);
  g_test_add_func ("/risk/panel/draws-grouped-french", test_risk_draws_grouped_french);
  g_test_add_func ("/risk/goal-seek/parameters", test_goal_seek_parameters);
  g_test_add_func ("/risk/goal-seek/apply-undo", test_goal_seek_apply_undo);
  g_test_add_func ("/risk/goal-seek/no-solution", test_goal_seek_no_solution);
  g_test_add_func ("/risk/health/counts", test_health_counts);
  g_test_add_func ("/risk/health/near-change", test_health_near_change);
  g_test_add_func ("/risk/health/export", test_health_export);
  g_test_add_func ("/risk/health/gate", test_health_gate);
  g_test_add_func ("/risk/panel/default-seed", test_risk_default_seed);
  g_test_add_func ("/risk/window/scenario-panels", test_window_scenario_panels);

  status = g_test_run ();

  g_clear_object (&application);
  return status;
}
