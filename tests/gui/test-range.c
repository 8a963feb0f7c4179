/* test-range.c: the simulated range in the window
 *
 * Each test builds a workspace from tests/data/range (four sales in 2016
 * and 2017, a yearly program and a flat proposal whose payouts per year
 * the XML files work out by hand), shows the window on it and drives
 * the range selectors of the Results and Compare views.
 */

#include "config.h"

#include <adwaita.h>

#include "palier-application.h"
#include "palier-compare-view.h"
#include "palier-designer-view.h"
#include "palier-live-simulation.h"
#include "palier-range-selector.h"
#include "palier-results-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-window.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (20 * G_USEC_PER_SEC)

/* Positions in the drop-down: all history, the years newest first,
 * then the custom range. */
enum {
  CHOICE_ALL,
  CHOICE_2017,
  CHOICE_2016,
  CHOICE_CUSTOM,
  N_CHOICES
};

static PalierApplication *application;

typedef struct {
  char *dir;
  char *path;
  PalierWorkspace *workspace;
  PalierWindow *window;
} Fixture;


static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  return palier_gui_test_template_child (GTK_WIDGET (fixture->window), PALIER_TYPE_WINDOW, name);
}

static void
make_workspace (const char *path)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (palier_gui_test_import_sales (store, "range/sales.csv"), ==, 4);
  palier_gui_test_save_program (store, "range/yearly.xml");
  palier_gui_test_save_program (store, "range/flat.xml");
}

static PalierResultsView *
results_view (Fixture *fixture)
{
  return PALIER_RESULTS_VIEW (window_child (fixture, "results_view"));
}

static PalierCompareView *
compare_view (Fixture *fixture)
{
  return PALIER_COMPARE_VIEW (window_child (fixture, "compare_view"));
}

static PalierRangeSelector *
results_selector (Fixture *fixture)
{
  return palier_results_view_get_range_selector (results_view (fixture));
}

static PalierRangeSelector *
compare_selector (Fixture *fixture)
{
  return palier_compare_view_get_range_selector (compare_view (fixture));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  PalierDesignerView *designer;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "range.palier", NULL);
  make_workspace (fixture->path);

  fixture->workspace = palier_workspace_open (fixture->path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  fixture->window = palier_window_new (application);
  palier_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));

  designer = PALIER_DESIGNER_VIEW (window_child (fixture, "designer_view"));
  g_assert_true (palier_designer_view_select_program (designer, "yearly"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->workspace);

  /* Let the worker threads' callbacks drop their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Waiting for results */

typedef struct {
  Fixture *fixture;
  PalierDate from;
} Expected;

static gboolean
result_from (gpointer data)
{
  Expected *expected = data;
  PalierResultsView *view = results_view (expected->fixture);
  PalierResult *result = palier_results_view_get_result (view);
  gboolean running;

  g_object_get (view, "running", &running, NULL);

  return !running && result != NULL && result->from == expected->from;
}

static void
wait_for_result (Fixture    *fixture,
                 PalierDate  from)
{
  Expected expected = { fixture, from };

  g_assert_true (palier_gui_test_wait_for (result_from, &expected, WAIT_TIMEOUT_US));
}

static gboolean
comparison_from (gpointer data)
{
  Expected *expected = data;
  PalierComparison *comparison = palier_compare_view_get_comparison (compare_view (expected->fixture));

  return comparison != NULL && comparison->baseline->from == expected->from;
}

static void
wait_for_comparison (Fixture    *fixture,
                     PalierDate  from)
{
  Expected expected = { fixture, from };

  g_assert_true (palier_gui_test_wait_for (comparison_from, &expected, WAIT_TIMEOUT_US));
}

static const char *
payout_text (Fixture *fixture)
{
  GtkWidget *label = palier_gui_test_template_child (GTK_WIDGET (results_view (fixture)), PALIER_TYPE_RESULTS_VIEW,
                            "total_payout_label");

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
simulate (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.simulate", NULL);
  wait_for_result (fixture, 20160310);
}

static char *
choice_label (PalierRangeSelector *selector,
              guint                position)
{
  GListModel *model = gtk_drop_down_get_model (palier_range_selector_get_drop_down (selector));
  GtkStringObject *item = g_list_model_get_item (model, position);
  char *label = g_strdup (gtk_string_object_get_string (item));

  g_object_unref (item);
  return label;
}

static void
select_choice (PalierRangeSelector *selector,
               guint                position)
{
  gtk_drop_down_set_selected (palier_range_selector_get_drop_down (selector), position);
}

static guint
selected_choice (PalierRangeSelector *selector)
{
  return gtk_drop_down_get_selected (palier_range_selector_get_drop_down (selector));
}

/* The choices */

static void
test_range_choices (Fixture       *fixture,
                    gconstpointer  user_data)
{
  PalierRangeSelector *selector = results_selector (fixture);
  GListModel *model = gtk_drop_down_get_model (palier_range_selector_get_drop_down (selector));
  g_autofree char *all = choice_label (selector, CHOICE_ALL);
  g_autofree char *newest = choice_label (selector, CHOICE_2017);
  g_autofree char *oldest = choice_label (selector, CHOICE_2016);
  g_autofree char *custom = choice_label (selector, CHOICE_CUSTOM);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CHOICES);
  /* "%x" is month/day/two-digit year in the C locale. */
  g_assert_cmpstr (all, ==, "All history (03/10/16 – 11/30/17)");
  g_assert_cmpstr (newest, ==, "2017");
  g_assert_cmpstr (oldest, ==, "2016");
  g_assert_cmpstr (custom, ==, "Custom…");
  g_assert_cmpuint (selected_choice (selector), ==, CHOICE_ALL);
}

/* A fiscal year from July: the sales of March 2016 fall in FY2016
 * (July 2015 to June 2016), those of November 2017 in FY2018. */
static void
test_range_fiscal_years (Fixture       *fixture,
                         gconstpointer  user_data)
{
  PalierRangeSelector *selector = results_selector (fixture);
  GListModel *model = gtk_drop_down_get_model (palier_range_selector_get_drop_down (selector));
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;
  PalierDate from;
  PalierDate to;

  palier_range_selector_set_fiscal_year_start (selector, 7);
  model = gtk_drop_down_get_model (palier_range_selector_get_drop_down (selector));
  newest = choice_label (selector, 1);
  oldest = choice_label (selector, 3);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpstr (newest, ==, "FY2018");
  g_assert_cmpstr (oldest, ==, "FY2016");

  select_choice (selector, 2);
  palier_workspace_get_range (fixture->workspace, &from, &to);
  g_assert_cmpint (from, ==, 20160701);
  g_assert_cmpint (to, ==, 20170630);
}

/* Results */

static void
test_range_year_payout (Fixture       *fixture,
                        gconstpointer  user_data)
{
  PalierResult *result;

  simulate (fixture);
  g_assert_cmpstr (payout_text (fixture), ==, "$325.00");

  select_choice (results_selector (fixture), CHOICE_2016);
  wait_for_result (fixture, 20160101);
  result = palier_results_view_get_result (results_view (fixture));
  g_assert_cmpint (result->to, ==, 20161231);
  g_assert_cmpint (result->total_payout, ==, palier_decimal_from_int (75));
  g_assert_cmpint (result->total_sales, ==, palier_decimal_from_int (1500));
  g_assert_cmpstr (payout_text (fixture), ==, "$75.00");

  select_choice (results_selector (fixture), CHOICE_2017);
  wait_for_result (fixture, 20170101);
  result = palier_results_view_get_result (results_view (fixture));
  g_assert_cmpint (result->total_payout, ==, palier_decimal_from_int (250));
  g_assert_cmpstr (payout_text (fixture), ==, "$250.00");

  select_choice (results_selector (fixture), CHOICE_ALL);
  wait_for_result (fixture, 20160310);
  g_assert_cmpstr (payout_text (fixture), ==, "$325.00");
}

static gboolean
has_error (GtkEditable *entry)
{
  return gtk_widget_has_css_class (GTK_WIDGET (entry), "error") &&
         gtk_widget_get_tooltip_text (GTK_WIDGET (entry)) != NULL;
}

static void
test_range_custom_invalid (Fixture       *fixture,
                           gconstpointer  user_data)
{
  PalierRangeSelector *selector = results_selector (fixture);
  GtkEditable *from_entry = palier_range_selector_get_from_entry (selector);
  GtkEditable *to_entry = palier_range_selector_get_to_entry (selector);
  GtkRevealer *revealer = GTK_REVEALER (palier_gui_test_template_child (GTK_WIDGET (selector), PALIER_TYPE_RANGE_SELECTOR,
                                               "custom_revealer"));
  PalierDate from;
  PalierDate to;
  gboolean running;

  simulate (fixture);

  /* Custom starts from the range simulated now. */
  select_choice (selector, CHOICE_CUSTOM);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_editable_get_text (from_entry), ==, "2016-03-10");
  g_assert_cmpstr (gtk_editable_get_text (to_entry), ==, "2017-11-30");

  gtk_editable_set_text (from_entry, "2017-02-30");
  g_assert_true (has_error (from_entry));
  g_assert_false (has_error (to_entry));
  g_object_get (results_view (fixture), "running", &running, NULL);
  g_assert_false (running);
  palier_workspace_get_range (fixture->workspace, &from, &to);
  g_assert_cmpint (from, ==, PALIER_DATE_NONE);
  g_assert_cmpint (to, ==, PALIER_DATE_NONE);

  /* An end before the start is flagged on the end. */
  gtk_editable_set_text (from_entry, "2017-12-01");
  g_assert_false (has_error (from_entry));
  g_assert_true (has_error (to_entry));
  palier_workspace_get_range (fixture->workspace, &from, &to);
  g_assert_cmpint (from, ==, PALIER_DATE_NONE);

  /* ISO, and the C locale's month/day/year. */
  gtk_editable_set_text (from_entry, "2016-01-01");
  gtk_editable_set_text (to_entry, "6/30/2017");
  g_assert_false (has_error (from_entry));
  g_assert_false (has_error (to_entry));
  wait_for_result (fixture, 20160101);
  g_assert_cmpint (palier_results_view_get_result (results_view (fixture))->to, ==, 20170630);
  /* 2016 whole, then P1's 2000 of February 2017 alone: 75 + 150. */
  g_assert_cmpstr (payout_text (fixture), ==, "$225.00");
  g_assert_cmpuint (selected_choice (selector), ==, CHOICE_CUSTOM);
}

/* Comparison */

static void
test_range_compare_follows (Fixture       *fixture,
                            gconstpointer  user_data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  PalierComparison *comparison;

  adw_view_stack_set_visible_child_name (stack, "compare");
  g_assert_true (palier_compare_view_select (compare_view (fixture), "yearly", "flat"));
  wait_for_comparison (fixture, 20160310);
  comparison = palier_compare_view_get_comparison (compare_view (fixture));
  g_assert_cmpint (comparison->difference, ==, palier_decimal_from_int (75));

  /* A year chosen in the Results view reaches the comparison. */
  select_choice (results_selector (fixture), CHOICE_2016);
  wait_for_comparison (fixture, 20160101);
  comparison = palier_compare_view_get_comparison (compare_view (fixture));
  g_assert_cmpint (comparison->baseline->total_payout, ==, palier_decimal_from_int (75));
  g_assert_cmpint (comparison->proposal->total_payout, ==, palier_decimal_from_int (120));
  g_assert_cmpint (comparison->difference, ==, palier_decimal_from_int (45));
  g_assert_cmpuint (selected_choice (compare_selector (fixture)), ==, CHOICE_2016);

  /* And one chosen in the Compare view reaches the other selector. */
  select_choice (compare_selector (fixture), CHOICE_2017);
  wait_for_comparison (fixture, 20170101);
  comparison = palier_compare_view_get_comparison (compare_view (fixture));
  g_assert_cmpint (comparison->difference, ==, palier_decimal_from_int (30));
  g_assert_cmpuint (selected_choice (results_selector (fixture)), ==, CHOICE_2017);
}

/* Live simulation */

typedef struct {
  PalierLiveSimulation *live;
  guint n_completed;
} LiveRun;

static gboolean
live_completed (gpointer data)
{
  LiveRun *run = data;

  return palier_live_simulation_get_n_completed (run->live) > run->n_completed &&
         !palier_live_simulation_is_running (run->live);
}

static void
test_range_live_simulation (Fixture       *fixture,
                            gconstpointer  user_data)
{
  PalierDesignerView *designer = PALIER_DESIGNER_VIEW (window_child (fixture, "designer_view"));
  PalierProgram *program = palier_designer_view_get_program (designer);
  LiveRun run = { palier_designer_view_get_live_simulation (designer), 0 };
  PalierResult *result;

  g_assert_nonnull (program);
  g_assert_nonnull (run.live);

  run.n_completed = palier_live_simulation_get_n_completed (run.live);
  palier_live_simulation_run (run.live, program);
  g_assert_true (palier_gui_test_wait_for (live_completed, &run, WAIT_TIMEOUT_US));
  result = palier_live_simulation_get_result (run.live);
  g_assert_nonnull (result);
  g_assert_cmpint (result->total_payout, ==, palier_decimal_from_int (325));

  /* A new range runs the same program again on its own sales. */
  run.n_completed = palier_live_simulation_get_n_completed (run.live);
  palier_workspace_set_range (fixture->workspace, 20170101, 20171231);
  g_assert_true (palier_gui_test_wait_for (live_completed, &run, WAIT_TIMEOUT_US));
  result = palier_live_simulation_get_result (run.live);
  g_assert_nonnull (result);
  g_assert_cmpint (result->from, ==, 20170101);
  g_assert_cmpint (result->total_payout, ==, palier_decimal_from_int (250));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_data_dir = NULL;
  int status;

  /* g_get_user_data_dir() caches its value, so set it before GTK reads
   * it. */
  user_data_dir = palier_test_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", user_data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  palier_core_init ();

  application = palier_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/range/choices", test_range_choices);
  ADD_TEST ("/range/fiscal-years", test_range_fiscal_years);
  ADD_TEST ("/range/year-payout", test_range_year_payout);
  ADD_TEST ("/range/custom-invalid", test_range_custom_invalid);
  ADD_TEST ("/range/compare-follows", test_range_compare_follows);
  ADD_TEST ("/range/live-simulation", test_range_live_simulation);

#undef ADD_TEST

  status = g_test_run ();

  g_clear_object (&application);
  return status;
}
