/* test-scenarios.c: the Scenarios page, its dialog, presentation and report
 *
 * The workspace holds tests/data/gui's five sales and two programs: the
 * quarterly program of program.xml and a proposal whose second and
 * third tiers pay 9 % and 14 % in place of 7 % and 10 %.  With 8 %
 * growth every month total is multiplied by 1.08, which gives, by hand:
 *
 *   partner quarter  sales  baseline               proposal
 *   P1      2024-Q1  1620   40 + 620 x 7% = 83.40  40 + 620 x 9% = 95.80, club 25
 *   P2      2024-Q1   432   432 x 4% = 17.28       17.28
 *   P1      2024-Q2   324   324 x 4% = 12.96       12.96
 *   P2      2024-Q2  2700   40 + 70 + 70 = 180     40 + 90 + 98 = 228, club 25
 *
 * Baseline payout 343.64 and proposal 404.04 on sales of 5076; cost of
 * sales 6.77 % and 7.96 %; both partners gain (P1 +12.40, P2 +48).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "palier-application.h"
#include "palier-goal-seek-dialog.h"
#include "palier-health-panel.h"
#include "palier-designer-view.h"
#include "palier-presentation-window.h"
#include "palier-program-edits.h"
#include "palier-risk-panel.h"
#include "palier-scenario-dialog.h"
#include "palier-scenarios-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-tier-item.h"
#include "palier-window.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (60 * G_USEC_PER_SEC)

static PalierApplication *application;
static char *user_data_dir;

typedef struct {
  char *dir;
  char *path;
  PalierWorkspace *workspace;
  PalierWindow *window;
  PalierScenariosView *view;
} Fixture;


static void
make_workspace (const char *path)
{
  g_autofree char *csv = palier_test_data_path ("gui/sales.csv");
  g_autofree char *xml = palier_test_data_path ("gui/program.xml");
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierProgram) proposal = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportReport report;
  PalierImportPlan *plan;
  PalierComponent *commission;
  gboolean ok;

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  palier_import_options_init (&options);
  plan = palier_import_plan_new (csv, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);
  palier_import_report_init (&report);
  ok = palier_store_import_sales (store, plan, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  palier_import_report_clear (&report);
  palier_import_plan_free (plan);

  program = palier_program_read_file (xml, &error);
  g_assert_no_error (error);
  ok = palier_store_save_program (store, program, "Baseline", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  proposal = palier_program_copy (program);
  g_free (proposal->id);
  proposal->id = g_strdup ("proposal-2024");
  g_free (proposal->name);
  proposal->name = g_strdup ("Higher accelerators");
  commission = g_ptr_array_index (proposal->components, 0);
  g_array_index (commission->tiers, PalierTier, 1).value = 90000;
  g_array_index (commission->tiers, PalierTier, 2).value = 140000;
  ok = palier_store_save_program (store, proposal, "Proposal", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "scenarios.palier", NULL);
  make_workspace (fixture->path);

  fixture->workspace = palier_workspace_open (fixture->path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  fixture->window = palier_window_new (application);
  palier_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                         PALIER_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "scenarios");
  fixture->view = PALIER_SCENARIOS_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                        PALIER_TYPE_WINDOW, "scenarios_view"));
  g_assert_nonnull (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) fixture->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->workspace);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (fixture->path);
  g_free (fixture->dir);
}

static GObject *
dialog_child (PalierScenarioDialog *dialog,
              const char           *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), PALIER_TYPE_SCENARIO_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

/* Picks the program named @name in the dialog's program row. */
static void
pick_program (PalierScenarioDialog *dialog,
              const char           *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (dialog_child (dialog, "program_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* The scenario dialog that the view opened, among the toplevels. */
static PalierScenarioDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PALIER_IS_SCENARIO_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Opens the dialog as the New Scenario button does, so that saving it
 * reaches the view, and fills its name, program and overall growth. */
static PalierScenarioDialog *
fill_dialog (Fixture    *fixture,
             const char *name,
             const char *program,
             const char *growth)
{
  PalierScenarioDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "scenarios.new", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "name_row")), name);
  pick_program (dialog, program);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "growth_row")), growth);

  return dialog;
}

static void
create_scenarios (Fixture *fixture)
{
  PalierScenarioDialog *dialog;

  dialog = fill_dialog (fixture, "Baseline +8%", "Test partner program", "8");
  g_assert_true (palier_scenario_dialog_save (dialog));
  dialog = fill_dialog (fixture, "Proposal +8%", "Higher accelerators", "8");
  g_assert_true (palier_scenario_dialog_save (dialog));
}

static void
test_dialog_saves_scenarios (Fixture       *fixture,
                             gconstpointer  user_data)
{
  PalierStore *store = palier_workspace_get_store (fixture->workspace);
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  const PalierScenario *baseline;
  const PalierScenario *proposal;
  g_autoptr(PalierScenario) selected = NULL;

  create_scenarios (fixture);

  scenarios = palier_store_list_scenarios (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 2);
  baseline = g_ptr_array_index (scenarios, 0);
  proposal = g_ptr_array_index (scenarios, 1);
  g_assert_cmpstr (baseline->name, ==, "Baseline +8%");
  g_assert_cmpstr (baseline->program_id, ==, "test-2024");
  g_assert_cmpint (baseline->assumptions->growth, ==, 80000);
  g_assert_cmpint (baseline->from, ==, PALIER_DATE_NONE);
  g_assert_cmpstr (proposal->name, ==, "Proposal +8%");
  g_assert_cmpstr (proposal->program_id, ==, "proposal-2024");
  g_assert_cmpint (proposal->assumptions->growth, ==, 80000);

  /* The view lists what the dialog saved and selects the last one. */
  g_assert_nonnull (palier_scenarios_view_get_selected_scenario (fixture->view));
  g_assert_cmpstr (palier_scenarios_view_get_selected_scenario (fixture->view)->name, ==, "Proposal +8%");
  g_assert_null (palier_scenarios_view_get_selected_run (fixture->view));

  /* The property gives the same scenario as a boxed reference. */
  g_object_get (fixture->view, "selected-scenario", &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_cmpstr (selected->id, ==, palier_scenarios_view_get_selected_scenario (fixture->view)->id);
}

static void
test_dialog_rejects_invalid (Fixture       *fixture,
                             gconstpointer  user_data)
{
  PalierScenarioDialog *dialog;
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  dialog = fill_dialog (fixture, "Bad growth", "Test partner program", "8x");
  scenario = palier_scenario_dialog_build (dialog, &error);
  g_assert_null (scenario);
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“8x”"));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "growth_row")), "8");
  palier_scenario_dialog_add_removed (dialog, "P9");
  scenario = palier_scenario_dialog_build (dialog, &error);
  g_assert_null (scenario);
  g_assert_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“P9”"));
  g_clear_error (&error);

  /* Saving a rejected scenario stores nothing and keeps the dialog. */
  g_assert_false (palier_scenario_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

static gboolean
comparison_shown (gpointer data)
{
  Fixture *fixture = data;
  gboolean running;

  g_object_get (fixture->view, "running", &running, NULL);
  return !running && palier_scenarios_view_get_comparison (fixture->view) != NULL;
}

static void
run_and_compare (Fixture *fixture)
{
  g_autoptr(GPtrArray) scenarios = NULL;

  create_scenarios (fixture);
  scenarios = palier_store_list_scenarios (palier_workspace_get_store (fixture->workspace), NULL);

  g_assert_true (palier_scenarios_view_set_ticked (fixture->view,
                                                   ((PalierScenario *) g_ptr_array_index (scenarios, 0))->id, TRUE));
  g_assert_true (palier_scenarios_view_set_ticked (fixture->view,
                                                   ((PalierScenario *) g_ptr_array_index (scenarios, 1))->id, TRUE));
  palier_scenarios_view_run (fixture->view);
  g_assert_true (palier_gui_test_wait_for (comparison_shown, fixture, WAIT_TIMEOUT_US));
}

static void
test_run_compares_side_by_side (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PalierScenarioCompare *compare;

  run_and_compare (fixture);
  compare = palier_scenarios_view_get_compare (fixture->view);

  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "sales", 0), ==, "$5,076.00");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "sales", 1), ==, "$5,076.00");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "payout", 0), ==, "$343.64");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "payout", 1), ==, "$404.04");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "cost-of-sales", 0), ==, "6.77%");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "cost-of-sales", 1), ==, "7.96%");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "component:base", 0), ==, "$293.64");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "component:base", 1), ==, "$354.04");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "component:club", 1), ==, "$50.00");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "difference", 1), ==, "+$60.40");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "gain", 1), ==, "2");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "lose", 1), ==, "0");

  /* P1 reaches the second tier (7 %), P2 the third (10 %). */
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "tier:2", 0), ==, "1");
  g_assert_cmpstr (palier_scenario_compare_get_figure (compare, "tier:3", 0), ==, "1");

  /* The first scenario is the reference, with no change of its own. */
  g_assert_null (palier_scenario_compare_get_figure (compare, "gain", 0));

  /* The runs are kept: the selected scenario has one now. */
  g_assert_nonnull (palier_scenarios_view_get_selected_run (fixture->view));
}

static guint
count_drawing_areas (GtkWidget *widget)
{
  guint count = GTK_IS_DRAWING_AREA (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_drawing_areas (child);

  return count;
}

/* Writes @widget as drawn to @path, for a person to look at. */
static void
save_snapshot (GtkWidget  *widget,
               const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* Lets the stacks' transitions end and the window draw. */
static void
settle (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  gtk_test_widget_wait_for_draw (widget);
}

static GtkStack *
find_chart_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "distribution") != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_chart_stack (child);

      if (stack != NULL)
        return stack;
    }

  return NULL;
}

/* Two scenarios are drawn in one chart per page, on one y-scale: not
 * one chart per scenario. */
static void
test_compare_charts_shared (Fixture       *fixture,
                            gconstpointer  user_data)
{
  PalierScenarioCompare *compare;

  run_and_compare (fixture);
  compare = palier_scenarios_view_get_compare (fixture->view);

  /* Payouts per period, distribution and differences. */
  g_assert_cmpuint (count_drawing_areas (GTK_WIDGET (compare)), ==, 3);

  /* PALIER_TEST_SNAPSHOT_DIR asks for a picture of each chart page. */
  if (g_getenv ("PALIER_TEST_SNAPSHOT_DIR") != NULL)
    {
      static const char *const pages[] = { "periods", "distribution", "differences" };
      GtkStack *stack = find_chart_stack (GTK_WIDGET (compare));

      g_assert_nonnull (stack);
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *name = g_strconcat ("scenario-compare-", pages[i], ".png", NULL);
          g_autofree char *path = g_build_filename (g_getenv ("PALIER_TEST_SNAPSHOT_DIR"), name, NULL);

          gtk_stack_set_visible_child_name (stack, pages[i]);
          settle (GTK_WIDGET (fixture->window));
          save_snapshot (GTK_WIDGET (compare), path);
        }
    }
}

static void
test_presentation_compares (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWindow *presentation;
  PalierPresentationWindow *window;

  run_and_compare (fixture);
  presentation = palier_scenarios_view_present (fixture->view);
  g_assert_nonnull (presentation);
  window = PALIER_PRESENTATION_WINDOW (presentation);

  /* Curve, periods, three comparison pages, then the cost-risk and
   * health pages when their runs have finished. */
  g_assert_cmpuint (palier_presentation_window_get_n_pages (window), >=, 5);
  g_assert_cmpstr (palier_presentation_window_get_page_name (window, 2), ==, "comparison-periods");
  g_assert_cmpstr (palier_presentation_window_get_page_name (window, 3), ==, "comparison-distribution");
  g_assert_cmpstr (palier_presentation_window_get_page_name (window, 4), ==, "comparison-differences");

  palier_presentation_window_set_page (window, 4);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (presentation),
                                   "Cost differences per partner against Baseline +8% — 5 of "));
  g_assert_cmpuint (count_drawing_areas (GTK_WIDGET (presentation)), ==,
                    palier_presentation_window_get_n_pages (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (presentation));
}

static void
test_ticks_at_most_four (Fixture       *fixture,
                         gconstpointer  user_data)
{
  PalierStore *store = palier_workspace_get_store (fixture->workspace);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(PalierScenario) scenario = palier_scenario_new (id, id, "test-2024");

      g_assert_true (palier_store_save_scenario (store, scenario, &error));
      g_assert_no_error (error);
    }
  palier_scenarios_view_reload (fixture->view);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      g_assert_true (palier_scenarios_view_set_ticked (fixture->view, id, TRUE));
    }
  g_assert_false (palier_scenarios_view_set_ticked (fixture->view, "s4", TRUE));
  g_assert_true (palier_scenarios_view_set_ticked (fixture->view, "s0", FALSE));
  g_assert_true (palier_scenarios_view_set_ticked (fixture->view, "s4", TRUE));
}

/* Returns the action that a managed shortcut of @widget runs on
 * @trigger, or NULL. */
static char *
shortcut_action (GtkWidget  *widget,
                 const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

static void
test_shortcuts_run_actions (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const struct {
    const char *trigger;
    const char *action;
  } expected[] = {
    { "<Control><Shift>n", "scenarios.new" },
    { "<Control><Shift>r", "scenarios.run" },
    { "<Control><Shift>c", "scenarios.compare" },
    { "<Control><Shift>p", "scenarios.present" },
    { "<Control><Shift>e", "scenarios.export-report" },
  };
  const PalierScenario *selected;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *action = shortcut_action (GTK_WIDGET (fixture->view), expected[i].trigger);

      g_assert_cmpstr (action, ==, expected[i].action);
    }

  /* scenarios.compare ticks the selected scenario, then unticks it. */
  create_scenarios (fixture);
  selected = palier_scenarios_view_get_selected_scenario (fixture->view);
  g_assert_nonnull (selected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "scenarios.compare", NULL));
  g_assert_true (palier_scenarios_view_is_ticked (fixture->view, selected->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "scenarios.compare", NULL));
  g_assert_false (palier_scenarios_view_is_ticked (fixture->view, selected->id));
}

/* The presentation needs only a program and a result, which
 * palier_simulate() gives. */
static void
test_presentation_pages (Fixture       *fixture,
                         gconstpointer  user_data)
{
  PalierStore *store = palier_workspace_get_store (fixture->workspace);
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  PalierPresentationWindow *presentation;

  program = palier_store_load_program (store, "test-2024", &error);
  g_assert_no_error (error);
  result = palier_simulate (store, program, &options, NULL, &error);
  g_assert_no_error (error);

  presentation = palier_presentation_window_new (GTK_WINDOW (fixture->window), program, result,
                                                 NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (presentation));

  g_assert_cmpuint (palier_presentation_window_get_n_pages (presentation), ==, 2);
  g_assert_cmpstr (palier_presentation_window_get_page_name (presentation, 0), ==, "curve");
  g_assert_cmpstr (palier_presentation_window_get_page_name (presentation, 1), ==, "periods");
  g_assert_cmpuint (palier_presentation_window_get_page (presentation), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==,
                   "Payout curve of Base commission — 1 of 2");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL));
  g_assert_cmpuint (palier_presentation_window_get_page (presentation), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==, "Payouts per period — 2 of 2");

  /* Past the last page the action is disabled and the page stays. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (palier_presentation_window_get_page (presentation), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.first", NULL));
  g_assert_cmpuint (palier_presentation_window_get_page (presentation), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.last", NULL));
  g_assert_cmpuint (palier_presentation_window_get_page (presentation), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL));
  g_assert_cmpuint (palier_presentation_window_get_page (presentation), ==, 0);

  gtk_window_destroy (GTK_WINDOW (presentation));
}

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;

  if (!palier_scenarios_view_write_report_finish (PALIER_SCENARIOS_VIEW (source), result, error) &&
      *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "palier-test-done", GINT_TO_POINTER (TRUE));
}

static gboolean
report_done (gpointer data)
{
  return g_object_get_data (data, "palier-test-done") != NULL;
}

/* Returns the "Pages:" line of pdfinfo for @path, or -1 without
 * pdfinfo. */
static int
pdf_page_count (const char *path)
{
  g_autofree char *output = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  const char *pages;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &output, NULL, NULL, &error))
    return -1;

  pages = strstr (output, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
test_report_writes_pdf (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autofree char *pdf = NULL;
  GError *error = NULL;
  const char *ids[3];
  int pages;

  run_and_compare (fixture);
  scenarios = palier_store_list_scenarios (palier_workspace_get_store (fixture->workspace), NULL);
  ids[0] = ((PalierScenario *) g_ptr_array_index (scenarios, 0))->id;
  ids[1] = ((PalierScenario *) g_ptr_array_index (scenarios, 1))->id;
  ids[2] = NULL;

  pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  palier_scenarios_view_write_report_async (fixture->view, ids, TRUE, TRUE, pdf, NULL,
                                            report_written_cb, &error);
  g_assert_true (palier_gui_test_wait_for (report_done, fixture->view, WAIT_TIMEOUT_US));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  pages = pdf_page_count (pdf);
  if (pages < 0)
    {
      g_test_message ("pdfinfo is missing: page count not checked");
      return;
    }
  /* Cover, rules, comparison, cost risk and health at least. */
  g_assert_cmpint (pages, >=, 5);
}

/* Goal-seek from the cost-risk panel */

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static PalierRiskPanel *
risk_panel (Fixture *fixture)
{
  return template_child (fixture->view, PALIER_TYPE_SCENARIOS_VIEW, "risk_panel");
}

static PalierHealthPanel *
health_panel (Fixture *fixture)
{
  return template_child (fixture->view, PALIER_TYPE_SCENARIOS_VIEW, "health_panel");
}

static gboolean
panels_loaded (gpointer data)
{
  Fixture *fixture = data;

  return palier_risk_panel_get_data (risk_panel (fixture)) != NULL &&
         palier_health_panel_get_data (health_panel (fixture)) != NULL;
}

static PalierGoalSeekDialog *
find_goal_seek_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PALIER_IS_GOAL_SEEK_DIALOG (l->data))
      return l->data;

  return NULL;
}

static gboolean
goal_seek_done (gpointer data)
{
  return !palier_goal_seek_dialog_is_running (data);
}

static PalierDecimal
top_rate (PalierProgram *program)
{
  const PalierComponent *base = palier_program_find_component (program, "base");

  return g_array_index (base->tiers, PalierTier, 2).value;
}

static gboolean
scenarios_ran (gpointer data)
{
  Fixture *fixture = data;
  gboolean running;

  g_object_get (fixture->view, "running", &running, NULL);
  return !running && palier_scenarios_view_get_selected_run (fixture->view) != NULL;
}

typedef struct {
  Fixture *fixture;
  PalierDecimal rate;
} RateCheck;

static gboolean
panels_show_rate (gpointer data)
{
  RateCheck *check = data;
  PalierScenarioData *risk = palier_risk_panel_get_data (risk_panel (check->fixture));
  PalierScenarioData *health = palier_health_panel_get_data (health_panel (check->fixture));

  return risk != NULL && health != NULL &&
         top_rate (palier_scenario_data_get_program (risk)) == check->rate &&
         top_rate (palier_scenario_data_get_program (health)) == check->rate;
}

#define DECIMAL_411_04 G_GINT64_CONSTANT (411040000)

/* The entry of the Designer's tier table for @field of row @row, or
 * NULL when the table does not show it. */
static GtkWidget *
find_tier_cell (GtkWidget      *widget,
                guint           row,
                PalierRowField  field)
{
  for (GtkWidget *node = gtk_widget_get_first_child (widget); node != NULL;
       node = gtk_widget_get_next_sibling (node))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (node), "palier-list-item");
      GtkWidget *found;

      if (GTK_IS_ENTRY (node) && list_item != NULL &&
          gtk_list_item_get_item (list_item) != NULL &&
          palier_tier_item_get_row (gtk_list_item_get_item (list_item)) == row &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (node), "palier-field")) == (int) field)
        return node;

      found = find_tier_cell (node, row, field);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static PalierDesignerView *
designer_view (Fixture *fixture)
{
  return template_child (fixture->window, PALIER_TYPE_WINDOW, "designer_view");
}

/* The top rate as the Designer's tier table shows it. */
static const char *
designer_top_rate_text (Fixture *fixture)
{
  GtkWidget *table = template_child (designer_view (fixture), PALIER_TYPE_DESIGNER_VIEW, "tier_table");
  GtkWidget *entry;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  entry = find_tier_cell (table, 2, PALIER_ROW_FIELD_VALUE);
  g_assert_nonnull (entry);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* Whether the Designer's live totals are those of the top rate in
 * @data. */
static gboolean
live_shows_rate (gpointer data)
{
  RateCheck *check = data;
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (designer_view (check->fixture));
  PalierProgram *program = palier_live_simulation_get_program (live);

  return !palier_live_simulation_is_running (live) && program != NULL &&
         palier_live_simulation_get_totals (live) != NULL && top_rate (program) == check->rate;
}


/* The proposal pays its top rate, 14 %, on 700 of P2's grown sales.  A
 * cost of 411.04, 7 more than 404.04, needs 15 % there, give or take
 * what rounding to cents leaves unchanged. */
static void
test_goal_seek_apply_followed (Fixture       *fixture,
                               gconstpointer  user_data)
{
  PalierGoalSeekDialog *dialog;
  PalierGoalSeekResult *result;
  const PalierScenarioRun *run;
  RateCheck check = { fixture, 0 };
  RateCheck undone = { fixture, 0 };
  GtkStringList *parameters;
  PalierProgramEditor *editor;
  g_autofree char *applied_text = NULL;
  guint i;

  create_scenarios (fixture);
  g_assert_cmpstr (palier_scenarios_view_get_selected_scenario (fixture->view)->name, ==, "Proposal +8%");
  g_assert_true (palier_gui_test_wait_for (panels_loaded, fixture, WAIT_TIMEOUT_US));
  g_assert_cmpint (top_rate (palier_scenario_data_get_program (palier_risk_panel_get_data (risk_panel (fixture)))),
                   ==, 140000);

  palier_risk_panel_goal_seek (risk_panel (fixture), "base");
  dialog = find_goal_seek_dialog ();
  g_assert_nonnull (dialog);

  parameters = template_child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "parameter_list");
  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (parameters)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (parameters, i), "Tier 3 rate") == 0)
      break;
  g_assert_cmpuint (i, <, g_list_model_get_n_items (G_LIST_MODEL (parameters)));
  adw_combo_row_set_selected (template_child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "parameter_row"), i);
  gtk_editable_set_text (template_child (dialog, PALIER_TYPE_GOAL_SEEK_DIALOG, "target_row"), "411.04");

  palier_goal_seek_dialog_find (dialog);
  g_assert_true (palier_gui_test_wait_for (goal_seek_done, dialog, WAIT_TIMEOUT_US));
  result = palier_goal_seek_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_true (result->found);
  g_assert_cmpint (result->value, >=, 150000 - 20);
  g_assert_cmpint (result->value, <=, 150000 + 20);
  g_assert_cmpint (result->achieved, ==, DECIMAL_411_04);
  check.rate = result->value;

  g_assert_true (palier_goal_seek_dialog_apply (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Both panels read the scenario again once the version is saved. */
  g_assert_true (palier_gui_test_wait_for (panels_show_rate, &check, WAIT_TIMEOUT_US));

  /* The scenario's next run pays the applied rate too. */
  palier_scenarios_view_run (fixture->view);
  g_assert_true (palier_gui_test_wait_for (scenarios_ran, fixture, WAIT_TIMEOUT_US));
  run = palier_scenarios_view_get_selected_run (fixture->view);
  g_assert_nonnull (run);
  g_assert_cmpint (top_rate (run->program), ==, check.rate);
  g_assert_cmpint (run->result->total_cost, ==, DECIMAL_411_04);

  /* Undo and redo of the applied value reach the Designer's table. */
  adw_view_stack_set_visible_child_name (template_child (fixture->window, PALIER_TYPE_WINDOW, "view_stack"),
                                         "designer");
  editor = palier_designer_view_get_editor (designer_view (fixture));
  g_assert_nonnull (editor);
  g_assert_cmpint (top_rate (palier_program_editor_get_program (editor)), ==, check.rate);
  applied_text = g_strdup (designer_top_rate_text (fixture));
  g_assert_cmpstr (applied_text, !=, "14%");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (top_rate (palier_program_editor_get_program (editor)), ==, 140000);
  g_assert_cmpstr (designer_top_rate_text (fixture), ==, "14%");
  undone.rate = 140000;
  g_assert_true (palier_gui_test_wait_for (live_shows_rate, &undone, WAIT_TIMEOUT_US));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpint (top_rate (palier_program_editor_get_program (editor)), ==, check.rate);
  g_assert_cmpstr (designer_top_rate_text (fixture), ==, applied_text);
  g_assert_true (palier_gui_test_wait_for (live_shows_rate, &check, WAIT_TIMEOUT_US));
}

/* Report export through the window's dialogs */

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWidget **out = data;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      {
        *out = l->data;
        return TRUE;
      }

  return FALSE;
}

typedef struct {
  GtkFileChooser *chooser;
  GFile *file;
} ChooserPick;

static gboolean
chooser_picks_file (gpointer data)
{
  ChooserPick *pick = data;
  g_autoptr(GFile) picked = gtk_file_chooser_get_file (pick->chooser);

  return picked != NULL && g_file_equal (picked, pick->file);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* Returns the text of @path as pdftotext extracts it, with no-break
 * spaces as plain spaces, or NULL without pdftotext. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *output = NULL;
  g_autoptr(GString) text = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &output, NULL, &status, NULL))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  text = g_string_new (output);
  g_string_replace (text, "\u202f", " ", 0);
  g_string_replace (text, "\u00a0", " ", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  g_autoptr(GString) wanted = g_string_new (expected);

  g_string_replace (wanted, "\u202f", " ", 0);
  g_string_replace (wanted, "\u00a0", " ", 0);
  if (strstr (text, wanted->str) == NULL)
    g_error ("the report's text lacks “%s”:\n%s", wanted->str, text);
}

/* Runs both scenarios, then exports the report as a user does: the
 * export action, the options dialog's Choose File, and the file
 * chooser's Export on a path typed in it. */
static void
export_report_through_dialogs (Fixture    *fixture,
                               const char *headline)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "leadership.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *baseline_payout = palier_format_money (G_GINT64_CONSTANT (343640000), "USD");
  g_autofree char *proposal_payout = palier_format_money (G_GINT64_CONSTANT (404040000), "USD");
  AdwMessageDialog *options;
  GtkWidget *chooser = NULL;
  int pages;

  run_and_compare (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "scenarios.export-report", NULL));
  options = find_message_dialog ();
  g_assert_nonnull (options);
  /* A click on the button responds, then closes the dialog. */
  adw_message_dialog_response (options, "export");
  gtk_window_destroy (GTK_WINDOW (options));

  g_assert_true (palier_gui_test_wait_for (file_chooser_shown, &chooser, WAIT_TIMEOUT_US));
  /* The chooser loads folders in the background: changing the folder
   * while it loads the first one cancels that load with an error
   * dialog, and the name typed is read against the folder loaded. */
  settle (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  settle (chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "leadership.pdf");
  g_assert_true (palier_gui_test_wait_for (chooser_picks_file, &(ChooserPick) { GTK_FILE_CHOOSER (chooser), file }, WAIT_TIMEOUT_US));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* The report is renamed into place once complete. */
  g_assert_true (palier_gui_test_wait_for (file_exists, pdf, WAIT_TIMEOUT_US));

  pages = pdf_page_count (pdf);
  text = pdf_text (pdf);
  if (pages < 0 || text == NULL)
    {
      g_test_skip ("pdfinfo or pdftotext is missing (Debian package poppler-utils)");
      return;
    }

  /* Cover, rules, comparison, cost risk and health at least. */
  g_assert_cmpint (pages, >=, 5);
  assert_contains (text, headline);
  assert_contains (text, "Baseline +8%");
  assert_contains (text, "Proposal +8%");
  assert_contains (text, baseline_payout);
  assert_contains (text, proposal_payout);
}

static void
test_report_export_english (Fixture       *fixture,
                            gconstpointer  user_data)
{
  export_report_through_dialogs (fixture, "Headline figures");
}

static void
test_report_export_french (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));

  /* Setting the locale again also drops gettext's cached lookups. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_setenv ("LANGUAGE", "", TRUE);
      g_test_skip ("The fr_FR.UTF-8 locale is not installed");
      return;
    }

  export_report_through_dialogs (fixture, "Chiffres clés");

  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved_locale);
}

/* Saves a picture of @widget as NAME.png in PALIER_SCREENSHOT_DIR, when
 * that is set, after the widget's next frame. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("PALIER_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  gint64 settled;

  if (dir == NULL)
    return;

  /* Let stack transitions and spinners finish: GtkStack's default
   * transition lasts 200 ms. */
  settled = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < settled)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Minimum width of the Scenarios page of a window opened on the
 * fixture's workspace in the current language, the widest of its
 * three pages, after running both scenarios there.  Saves a screenshot
 * of each page when PALIER_SCREENSHOT_DIR is set. */
static int
scenarios_min_width (Fixture    *fixture,
                     const char *screenshot)
{
  static const char * const page_names[] = { "compare", "risk", "health" };
  PalierWindow *window = palier_window_new (application);
  g_autoptr(GPtrArray) scenarios = NULL;
  AdwViewStack *pages;
  int minimum = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  palier_window_set_workspace (window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (template_child (window, PALIER_TYPE_WINDOW, "view_stack"), "scenarios");
  fixture->view = template_child (window, PALIER_TYPE_WINDOW, "scenarios_view");
  fixture->window = window;
  scenarios = palier_store_list_scenarios (palier_workspace_get_store (fixture->workspace), NULL);
  if (scenarios->len == 0)
    run_and_compare (fixture);
  else
    {
      for (guint i = 0; i < scenarios->len; i++)
        palier_scenarios_view_set_ticked (fixture->view, ((PalierScenario *) g_ptr_array_index (scenarios, i))->id,
                                          TRUE);
      palier_scenarios_view_run (fixture->view);
      g_assert_true (palier_gui_test_wait_for (comparison_shown, fixture, WAIT_TIMEOUT_US));
    }

  pages = template_child (fixture->view, PALIER_TYPE_SCENARIOS_VIEW, "scenario_pages");
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", screenshot, page_names[i]);
      int page_minimum = 0;

      adw_view_stack_set_visible_child_name (pages, page_names[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &page_minimum, NULL, NULL, NULL);
      minimum = MAX (minimum, page_minimum);
      save_screenshot (GTK_WIDGET (window), name);
    }
  return minimum;
}

/* The Scenarios page fits a 1280-pixel window in English and French. */
static void
test_view_fits_1280 (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  int english;
  int french;

  english = scenarios_min_width (fixture, "scenarios-en");
  g_assert_cmpint (english, <=, 1280);

  g_setenv ("LANGUAGE", "fr", TRUE);
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_setenv ("LANGUAGE", "", TRUE);
      g_test_skip ("The fr_FR.UTF-8 locale is not installed");
      return;
    }
  french = scenarios_min_width (fixture, "scenarios-fr");
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved_locale);

  g_test_message ("minimum width: %d in English, %d in French", english, french);
  g_assert_cmpint (french, <=, 1280);
}

/* With two scenarios the cost risk is the second's, as in palier-cli. */
static void
test_report_risk_second (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_method = NULL;
  g_autofree char *second_method = NULL;
  PalierScenario *first;
  PalierScenario *second;
  GError *error = NULL;
  const char *ids[3];

  run_and_compare (fixture);
  scenarios = palier_store_list_scenarios (palier_workspace_get_store (fixture->workspace), NULL);
  first = g_ptr_array_index (scenarios, 0);
  second = g_ptr_array_index (scenarios, 1);
  ids[0] = first->id;
  ids[1] = second->id;
  ids[2] = NULL;

  pdf = g_build_filename (fixture->dir, "report-risk.pdf", NULL);
  palier_scenarios_view_write_report_async (fixture->view, ids, TRUE, FALSE, pdf, NULL,
                                            report_written_cb, &error);
  g_assert_true (palier_gui_test_wait_for (report_done, fixture->view, WAIT_TIMEOUT_US));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is missing");
      return;
    }

  first_method = g_strdup_printf ("%s: 10,000 simulated years", first->name);
  second_method = g_strdup_printf ("%s: 10,000 simulated years", second->name);
  g_assert_nonnull (strstr (text, second_method));
  g_assert_null (strstr (text, first_method));
}

static void
add_test (const char *path,
          void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  user_data_dir = palier_test_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", user_data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  palier_core_init ();
  bindtextdomain (GETTEXT_PACKAGE, palier_core_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  application = palier_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  add_test ("/scenarios/dialog/saves-two", test_dialog_saves_scenarios);
  add_test ("/scenarios/dialog/rejects-invalid", test_dialog_rejects_invalid);
  add_test ("/scenarios/view/run-side-by-side", test_run_compares_side_by_side);
  add_test ("/scenarios/view/compare-charts-shared", test_compare_charts_shared);
  add_test ("/scenarios/presentation/compares", test_presentation_compares);
  add_test ("/scenarios/view/ticks-at-most-four", test_ticks_at_most_four);
  add_test ("/scenarios/view/shortcuts", test_shortcuts_run_actions);
  add_test ("/scenarios/presentation/pages", test_presentation_pages);
  add_test ("/scenarios/report/writes-pdf", test_report_writes_pdf);
  add_test ("/scenarios/report/risk-second", test_report_risk_second);
  add_test ("/scenarios/view/fits-1280", test_view_fits_1280);
  add_test ("/scenarios/report/export-english", test_report_export_english);
  add_test ("/scenarios/report/export-french", test_report_export_french);
  add_test ("/scenarios/goal-seek/apply-followed", test_goal_seek_apply_followed);

  status = g_test_run ();

  g_object_unref (application);
  g_free (user_data_dir);
  return status;
}
