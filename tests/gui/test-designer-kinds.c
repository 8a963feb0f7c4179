/* test-designer-kinds.c: editing deal bonuses, rewards and commission
 * options in the designer
 *
 * Each test builds a workspace from tests/data/designer2: six sales of
 * three partners with deal ids, and a program.  The program has a 5 %
 * commission, a deal bonus of 200 per deal of at least 5000 and a trip
 * for the best partner of the year.  program.xml works out its payouts by hand:
 * commission 675, deal bonus 400 (deals of 5500 and 6000), payout 1075,
 * one trip of 1000 to P2.  The tests edit through the widgets and check
 * the editor's program, the workspace file, the history and the live
 * totals.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "palier-application.h"
#include "palier-curve-editor.h"
#include "palier-designer-view.h"
#include "palier-live-simulation.h"
#include "palier-partner-detail.h"
#include "palier-program-editor.h"
#include "palier-program-edits.h"
#include "palier-results-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-window.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (20 * G_USEC_PER_SEC)

#define UNITS(n) ((PalierDecimal) (n) * PALIER_DECIMAL_ONE)

enum {
  COMMISSION,
  DEAL_BONUS,
  REWARD,
};

static PalierApplication *application;

typedef struct {
  char *dir;
  char *path;
  PalierWorkspace *workspace;
  PalierWindow *window;
  PalierDesignerView *designer;
  PalierProgram *original;
} Fixture;


static GtkWidget *
designer_child (Fixture    *fixture,
                const char *name)
{
  return palier_gui_test_template_child (fixture->designer, PALIER_TYPE_DESIGNER_VIEW, name);
}

static void
make_workspace (const char *path)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  palier_gui_test_import_sales (store, "designer2/sales.csv");
  palier_gui_test_save_program (store, "designer2/program.xml");
}

static PalierProgramEditor *
editor (Fixture *fixture)
{
  PalierProgramEditor *program_editor = palier_designer_view_get_editor (fixture->designer);

  g_assert_nonnull (program_editor);
  return program_editor;
}

static PalierProgram *
program (Fixture *fixture)
{
  return palier_program_editor_get_program (editor (fixture));
}

static const PalierComponent *
component (PalierProgram *in,
           guint          index)
{
  g_assert_cmpuint (index, <, in->components->len);
  return g_ptr_array_index (in->components, index);
}

static PalierLiveSimulation *
live (Fixture *fixture)
{
  return palier_designer_view_get_live_simulation (fixture->designer);
}

/* Whether the live simulation finished a run of the program as it is. */
static gboolean
live_is_current (gpointer data)
{
  Fixture *fixture = data;
  PalierProgram *simulated = palier_live_simulation_get_program (live (fixture));

  return !palier_live_simulation_is_running (live (fixture)) &&
         palier_live_simulation_get_result (live (fixture)) != NULL &&
         simulated != NULL && palier_program_equal (simulated, program (fixture));
}

static PalierResult *
live_result (Fixture *fixture)
{
  g_assert_true (palier_gui_test_wait_for (live_is_current, fixture, WAIT_TIMEOUT_US));
  palier_gui_test_run_pending_events ();
  return palier_live_simulation_get_result (live (fixture));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.palier", NULL);
  make_workspace (fixture->path);

  fixture->workspace = palier_workspace_open (fixture->path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  fixture->window = palier_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 1000);
  palier_window_set_workspace (fixture->window, fixture->workspace);
  stack = ADW_VIEW_STACK (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "designer");
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  fixture->designer = PALIER_DESIGNER_VIEW (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "designer_view"));
  fixture->original = palier_program_copy (program (fixture));
  live_result (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->workspace);
  g_clear_pointer (&fixture->original, palier_program_unref);

  /* Let the worker threads' callbacks drop their references. */
  for (int i = 0; i < 50; i++)
    {
      palier_gui_test_run_pending_events ();
      g_usleep (1000);
    }

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Reading the workspace file */

static PalierProgram *
saved_program (Fixture *fixture)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierProgram *saved;

  palier_program_editor_flush (editor (fixture));
  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  saved = palier_store_load_program (store, fixture->original->id, &error);
  g_assert_no_error (error);

  return saved;
}

/* The summary of the last saved version, as the history shows it. */
static char *
last_summary (Fixture *fixture)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  const PalierProgramVersion *last;

  palier_program_editor_flush (editor (fixture));
  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  versions = palier_store_list_program_versions (store, fixture->original->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, >, 0);

  last = g_ptr_array_index (versions, versions->len - 1);
  return g_strdup (last->summary);
}

/* Widgets */

static void
select_component (Fixture *fixture,
                  guint    index)
{
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "component_list"));

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
apply_row (Fixture    *fixture,
           const char *name,
           const char *text)
{
  GtkWidget *row = designer_child (fixture, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
choose (Fixture    *fixture,
        const char *name,
        guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (designer_child (fixture, name)), position);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (designer_child (fixture, name)));
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *node = gtk_widget_get_first_child (widget); node != NULL;
       node = gtk_widget_get_next_sibling (node))
    n++;

  return n;
}

typedef struct {
  Fixture    *fixture;
  const char *text;
} DealSummary;

static gboolean
deal_summary_is (gpointer data)
{
  DealSummary *expected = data;

  return g_strcmp0 (label_text (expected->fixture, "deal_summary_label"), expected->text) == 0;
}

static void
assert_deal_summary (Fixture    *fixture,
                     const char *text)
{
  DealSummary expected = { fixture, text };

  if (!palier_gui_test_wait_for (deal_summary_is, &expected, WAIT_TIMEOUT_US))
    g_assert_cmpstr (label_text (fixture, "deal_summary_label"), ==, text);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

/* Deal bonus */

static void
test_deal_bonus_minimum (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(PalierProgram) saved = NULL;
  g_autofree char *summary = NULL;
  PalierResult *result;

  select_component (fixture, DEAL_BONUS);
  g_assert_true (gtk_widget_get_visible (designer_child (fixture, "deal_group")));
  g_assert_false (gtk_widget_get_visible (designer_child (fixture, "component_group")));
  assert_deal_summary (fixture, "2 of 5 deals qualify, costing $400.00");

  /* 5600 leaves the 6000 deal alone. */
  apply_row (fixture, "deal_min_row", "5600");
  g_assert_cmpint (component (program (fixture), DEAL_BONUS)->deal_min, ==, UNITS (5600));
  assert_deal_summary (fixture, "1 of 5 deals qualify, costing $200.00");

  result = live_result (fixture);
  g_assert_cmpint (result->total_payout, ==, UNITS (875));
  g_assert_cmpint (result->component_totals[DEAL_BONUS], ==, UNITS (200));

  saved = saved_program (fixture);
  g_assert_cmpint (component (saved, DEAL_BONUS)->deal_min, ==, UNITS (5600));
  summary = last_summary (fixture);
  g_assert_cmpstr (summary, ==, "Paid “Big deals” for deals of at least $5,600.00");

  palier_designer_view_undo (fixture->designer);
  g_assert_cmpint (component (program (fixture), DEAL_BONUS)->deal_min, ==, UNITS (5000));
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1075));
}

static void
test_deal_bonus_filter (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkMenuButton *categories;
  g_autoptr(PalierProgram) saved = NULL;
  const GPtrArray *values;

  select_component (fixture, DEAL_BONUS);
  categories = GTK_MENU_BUTTON (designer_child (fixture, "category_menu_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (categories)));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (categories)), ==, 2);

  /* Technology lines only: D1 is worth its 3000 line, so D3 alone
   * reaches 5000. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.add-filter-value",
                                             "(is)", PALIER_FILTER_CATEGORY, "Technology"));
  assert_deal_summary (fixture, "1 of 4 deals qualify, costing $200.00");
  g_assert_cmpint (live_result (fixture)->component_totals[DEAL_BONUS], ==, UNITS (200));

  /* A second value of the same field is an alternative. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.add-filter-value",
                                             "(is)", PALIER_FILTER_CATEGORY, "Furniture"));
  assert_deal_summary (fixture, "2 of 5 deals qualify, costing $400.00");

  saved = saved_program (fixture);
  values = component (saved, DEAL_BONUS)->filter.values[PALIER_FILTER_CATEGORY];
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (values, 0), ==, "Technology");
  g_assert_cmpstr (g_ptr_array_index (values, 1), ==, "Furniture");
}

static void
test_deal_bonus_invalid (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *row;

  select_component (fixture, DEAL_BONUS);
  apply_row (fixture, "deal_amount_row", "2O0");
  row = designer_child (fixture, "deal_amount_row");

  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
}

static void
test_deal_bonus_rate (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PalierProgram) saved = NULL;

  select_component (fixture, DEAL_BONUS);

  /* The switch starts at 1 %: 400 + 1 % of 5500 + 6000 = 515. */
  gtk_switch_set_active (GTK_SWITCH (designer_child (fixture, "deal_rate_switch")), TRUE);
  g_assert_true (component (program (fixture), DEAL_BONUS)->has_deal_rate);
  g_assert_cmpint (component (program (fixture), DEAL_BONUS)->deal_rate, ==, PALIER_DECIMAL_ONE / 100);
  assert_deal_summary (fixture, "2 of 5 deals qualify, costing $515.00");
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1190));

  /* 2 % typed in the entry: 400 + 230 = 630. */
  gtk_editable_set_text (GTK_EDITABLE (designer_child (fixture, "deal_rate_entry")), "2");
  g_signal_emit_by_name (designer_child (fixture, "deal_rate_entry"), "activate");
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1305));

  saved = saved_program (fixture);
  g_assert_true (component (saved, DEAL_BONUS)->has_deal_rate);
  g_assert_cmpint (component (saved, DEAL_BONUS)->deal_rate, ==, PALIER_DECIMAL_ONE / 50);
}

static void
test_deal_bonus_rounding (Fixture       *fixture,
                          gconstpointer  user_data)
{
  select_component (fixture, DEAL_BONUS);

  /* 0.0001 %: P1 earns 200.0055 and P2 200.006, each rounded to
   * 200.01 as the engine pays them, 400.02 in all.  Rounded once, the
   * sum 400.0115 would be 400.01. */
  gtk_switch_set_active (GTK_SWITCH (designer_child (fixture, "deal_rate_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (designer_child (fixture, "deal_rate_entry")), "0.0001");
  g_signal_emit_by_name (designer_child (fixture, "deal_rate_entry"), "activate");
  g_assert_cmpint (component (program (fixture), DEAL_BONUS)->deal_rate, ==, 1);
  g_assert_cmpint (live_result (fixture)->component_totals[DEAL_BONUS], ==, UNITS (400) + 20000);
  assert_deal_summary (fixture, "2 of 5 deals qualify, costing $400.02");
}

static void
test_deal_bonus_drag (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const PalierDecimal values[] = { UNITS (5500), UNITS (1000), UNITS (6000), UNITS (800), UNITS (200) };
  GtkWidget *chart;
  GtkEventController *drag;
  GtkEventController *keys;
  PalierDealSizesSpec spec;
  PalierDealSizesLayout layout;
  PalierDecimal dropped;
  double x_5000, x_5800;
  gboolean handled = FALSE;

  select_component (fixture, DEAL_BONUS);
  assert_deal_summary (fixture, "2 of 5 deals qualify, costing $400.00");
  chart = designer_child (fixture, "deal_chart");

  spec = (PalierDealSizesSpec) { values, G_N_ELEMENTS (values),
                                 component (program (fixture), DEAL_BONUS), "USD" };
  palier_chart_deal_sizes_layout (gtk_widget_get_width (chart), gtk_widget_get_height (chart),
                                  &spec, &(PalierChartStyle) { .transparent = TRUE }, &layout);
  g_assert_cmpfloat (layout.plot_width, >, 0);
  x_5000 = layout.plot_x + (5000 - layout.x_min) / (layout.x_max - layout.x_min) * layout.plot_width;
  x_5800 = layout.plot_x + (5800 - layout.x_min) / (layout.x_max - layout.x_min) * layout.plot_width;

  /* Dragging from the line to 5800 leaves only the 6000 deal. */
  drag = find_controller (chart, GTK_TYPE_GESTURE_DRAG);
  g_signal_emit_by_name (drag, "drag-begin", x_5000, layout.plot_y + 10);
  g_signal_emit_by_name (drag, "drag-update", x_5800 - x_5000, 0.0);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
  g_signal_emit_by_name (drag, "drag-end", x_5800 - x_5000, 0.0);

  dropped = component (program (fixture), DEAL_BONUS)->deal_min;
  g_assert_cmpint (dropped, >, UNITS (5500));
  g_assert_cmpint (dropped, <=, UNITS (6000));
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (875));

  /* Left moves it down one snapping step, a tenth of a bin. */
  keys = find_controller (chart, GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (component (program (fixture), DEAL_BONUS)->deal_min, ==,
                   dropped - (PalierDecimal) (layout.step / 10 * PALIER_DECIMAL_ONE));

  palier_designer_view_undo (fixture->designer);
  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
}

/* Reward */

static void
test_reward_top (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *list;
  g_autofree char *summary = NULL;

  select_component (fixture, REWARD);
  g_assert_true (gtk_widget_get_visible (designer_child (fixture, "reward_group")));
  g_assert_true (gtk_widget_get_visible (designer_child (fixture, "top_count_row")));
  g_assert_false (gtk_widget_get_visible (designer_child (fixture, "threshold_min_row")));

  list = designer_child (fixture, "qualifier_list");
  g_assert_cmpuint (n_children (list), ==, 1);
  g_assert_cmpstr (label_text (fixture, "qualifier_label"), ==,
                   "1 partner qualifies on the simulated range, non-cash cost $1,000.00");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list))),
                   ==, "P2");

  /* The two best: P2 (6800) and P1 (6500). */
  apply_row (fixture, "top_count_row", "2");
  g_assert_cmpuint (component (program (fixture), REWARD)->top_count, ==, 2);
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (2000));
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1075));
  g_assert_cmpuint (n_children (list), ==, 2);
  /* (1075 + 2000) / 13 500 = 22.78 %. */
  g_assert_cmpstr (label_text (fixture, "totals_label"), ==,
                   "Total payout $1,075.00 · Non-cash $2,000.00 · Cost of sales 22.78%");
  summary = last_summary (fixture);
  g_assert_cmpstr (summary, ==, "Gave “President's club” to the 2 best partners");

  /* No winners is not a rule: the row is flagged and nothing changes. */
  apply_row (fixture, "top_count_row", "0");
  g_assert_true (gtk_widget_has_css_class (designer_child (fixture, "top_count_row"), "error"));
  g_assert_cmpuint (component (program (fixture), REWARD)->top_count, ==, 2);

  palier_designer_view_undo (fixture->designer);
  g_assert_cmpuint (component (program (fixture), REWARD)->top_count, ==, 1);
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (1000));
}

static void
test_reward_threshold (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(PalierProgram) saved = NULL;

  select_component (fixture, REWARD);

  /* The threshold starts at the base of the current winner, P2's
   * 6800, so the winners stay the same. */
  choose (fixture, "reward_rule_row", PALIER_REWARD_RULE_THRESHOLD);
  g_assert_cmpint (component (program (fixture), REWARD)->reward_rule, ==, PALIER_REWARD_RULE_THRESHOLD);
  g_assert_cmpint (component (program (fixture), REWARD)->threshold_min, ==, UNITS (6800));
  g_assert_true (gtk_widget_get_visible (designer_child (fixture, "threshold_min_row")));
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (1000));
  g_assert_cmpuint (n_children (designer_child (fixture, "qualifier_list")), ==, 1);

  /* A threshold of 0: every partner with a positive base wins. */
  apply_row (fixture, "threshold_min_row", "0");
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (3000));
  g_assert_cmpuint (n_children (designer_child (fixture, "qualifier_list")), ==, 3);

  /* 6600 keeps P2 only. */
  apply_row (fixture, "threshold_min_row", "6600");
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (1000));
  g_assert_cmpuint (n_children (designer_child (fixture, "qualifier_list")), ==, 1);

  /* The kind and the unit cost: 2 500 per recognition. */
  choose (fixture, "reward_kind_row", PALIER_REWARD_RECOGNITION);
  apply_row (fixture, "unit_cost_row", "2500");
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (2500));

  saved = saved_program (fixture);
  g_assert_cmpint (component (saved, REWARD)->reward_rule, ==, PALIER_REWARD_RULE_THRESHOLD);
  g_assert_cmpint (component (saved, REWARD)->threshold_min, ==, UNITS (6600));
  g_assert_cmpint (component (saved, REWARD)->reward_kind, ==, PALIER_REWARD_RECOGNITION);
  g_assert_cmpint (component (saved, REWARD)->unit_cost, ==, UNITS (2500));
}

/* Commission options and new components */

static void
test_reward_threshold_attainment (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  select_component (fixture, REWARD);

  /* On attainment of a quota of 10 000, the threshold starts at 100 %. */
  apply_row (fixture, "quota_row", "10000");
  g_assert_true (program (fixture)->has_quota);
  choose (fixture, "threshold_basis_row", PALIER_BASIS_ATTAINMENT);
  choose (fixture, "reward_rule_row", PALIER_REWARD_RULE_THRESHOLD);
  g_assert_cmpint (component (program (fixture), REWARD)->threshold_basis, ==, PALIER_BASIS_ATTAINMENT);
  g_assert_cmpint (component (program (fixture), REWARD)->threshold_min, ==, PALIER_DECIMAL_ONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (designer_child (fixture, "threshold_min_row"))),
                   ==, "100%");
}

static void
test_commission_options (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(PalierProgram) saved = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *period = NULL;
  g_autofree char *kind = NULL;

  select_component (fixture, COMMISSION);
  g_assert_true (gtk_widget_get_visible (designer_child (fixture, "negative_row")));

  choose (fixture, "negative_row", PALIER_NEGATIVE_CARRY_FORWARD);
  negative = last_summary (fixture);
  /* The menu of the quarterly program starts at its own period:
   * Program's Period, Half-year, Year. */
  choose (fixture, "component_period_row", 2);
  period = last_summary (fixture);

  /* One yearly base of 13 500 pays the same 5 % as the quarter did. */
  g_assert_cmpint (live_result (fixture)->component_totals[COMMISSION], ==, UNITS (675));

  choose (fixture, "tier_kind_row", PALIER_TIER_PER_UNIT);
  kind = last_summary (fixture);

  g_assert_cmpstr (negative, ==, "Changed what a negative base of “Base commission” does to carry forward");
  g_assert_cmpstr (period, ==, "Paid “Base commission” per year");
  g_assert_cmpstr (kind, ==, "Paid “Base commission” per unit");

  saved = saved_program (fixture);
  g_assert_cmpint (component (saved, COMMISSION)->negative, ==, PALIER_NEGATIVE_CARRY_FORWARD);
  g_assert_true (component (saved, COMMISSION)->has_period);
  g_assert_cmpint (component (saved, COMMISSION)->period, ==, PALIER_PERIOD_YEAR);
  g_assert_cmpint (g_array_index (component (saved, COMMISSION)->tiers, PalierTier, 0).kind,
                   ==, PALIER_TIER_PER_UNIT);
  g_assert_cmpint (component (saved, COMMISSION)->measure, ==, PALIER_MEASURE_UNITS);

  /* sales.csv has no quantities, so per unit the commission pays 0. */
  g_assert_cmpint (live_result (fixture)->component_totals[COMMISSION], ==, 0);

  palier_designer_view_undo (fixture->designer);
  palier_designer_view_undo (fixture->designer);
  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
}

static void
test_component_periods (Fixture       *fixture,
                        gconstpointer  user_data)
{
  AdwComboRow *periods;
  GListModel *model;
  GtkWidget *problem;

  select_component (fixture, COMMISSION);
  periods = ADW_COMBO_ROW (designer_child (fixture, "component_period_row"));
  model = adw_combo_row_get_model (periods);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Program’s Period");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Half-year");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Year");

  choose (fixture, "component_period_row", 1);
  g_assert_true (component (program (fixture), COMMISSION)->has_period);
  g_assert_cmpint (component (program (fixture), COMMISSION)->period, ==, PALIER_PERIOD_HALF);

  /* A yearly program leaves the half-year component invalid: the
   * problem shows beside the component and no period is selected. */
  problem = designer_child (fixture, "component_problem_label");
  g_assert_false (gtk_widget_get_visible (problem));
  choose (fixture, "period_row", PALIER_PERIOD_YEAR);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "shorter than the program’s period"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (periods)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (periods), ==, GTK_INVALID_LIST_POSITION);

  /* Choosing the program's period fixes it, and the yearly draft is
   * accepted. */
  choose (fixture, "component_period_row", 0);
  g_assert_cmpint (program (fixture)->period, ==, PALIER_PERIOD_YEAR);
  g_assert_false (component (program (fixture), COMMISSION)->has_period);
  g_assert_false (gtk_widget_get_visible (problem));
}

static void
test_curve_component_quota (Fixture       *fixture,
                            gconstpointer  user_data)
{
  PalierCurveEditor *curve = PALIER_CURVE_EDITOR (designer_child (fixture, "curve_editor"));

  /* A quarterly quota of 10 000: a yearly component spans four
   * quarters, so its curve uses 40 000. */
  select_component (fixture, COMMISSION);
  apply_row (fixture, "quota_row", "10000");
  g_assert_cmpint (palier_curve_editor_get_quota (curve), ==, UNITS (10000));

  choose (fixture, "component_period_row", 2);
  g_assert_cmpint (component (program (fixture), COMMISSION)->period, ==, PALIER_PERIOD_YEAR);
  g_assert_cmpint (palier_curve_editor_get_quota (curve), ==, UNITS (40000));

  /* Half-year: two quarters. */
  choose (fixture, "component_period_row", 1);
  g_assert_cmpint (palier_curve_editor_get_quota (curve), ==, UNITS (20000));
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *node = gtk_widget_get_first_child (widget); node != NULL;
       node = gtk_widget_get_next_sibling (node))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (node) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (node)), text) == 0)
        return GTK_LABEL (node);

      found = find_label (node, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_choice_labels_whole (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkLabel *label;

  select_component (fixture, COMMISSION);
  choose (fixture, "negative_row", PALIER_NEGATIVE_CLAWBACK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* The chosen value wraps where it would otherwise be cut. */
  label = find_label (designer_child (fixture, "negative_row"), "Claws Back at the First Tier’s Rate");
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_label_get_wrap (label));
}

static void
test_component_descriptions (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "component_list"));
  AdwActionRow *deal_row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, DEAL_BONUS));
  AdwActionRow *reward_row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, REWARD));

  g_assert_cmpstr (adw_action_row_get_subtitle (deal_row), ==,
                   "Deal bonus on revenue · deals of at least $5,000.00");
  g_assert_cmpstr (adw_action_row_get_subtitle (reward_row), ==,
                   "Reward on revenue · trip · top 1 · yearly");
}

static GtkWidget *
find_cell (GtkWidget      *widget,
           PalierRowField  field,
           guint           row)
{
  for (GtkWidget *node = gtk_widget_get_first_child (widget); node != NULL;
       node = gtk_widget_get_next_sibling (node))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (node), "palier-list-item");
      GtkWidget *found;

      if (GTK_IS_ENTRY (node) && list_item != NULL &&
          g_object_get_data (G_OBJECT (node), "palier-segment") == NULL &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (node), "palier-field")) == (int) field &&
          gtk_list_item_get_position (list_item) == row)
        return node;

      found = find_cell (node, field, row);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_interpolated_tiers (Fixture       *fixture,
                         gconstpointer  user_data)
{
  PalierCurveEditor *curve = PALIER_CURVE_EDITOR (designer_child (fixture, "curve_editor"));
  GtkWidget *entry;

  select_component (fixture, COMMISSION);
  choose (fixture, "method_row", PALIER_METHOD_INTERPOLATED);
  g_signal_emit_by_name (designer_child (fixture, "add_row_button"), "clicked");
  g_assert_cmpint (component (program (fixture), COMMISSION)->method, ==, PALIER_METHOD_INTERPOLATED);
  g_assert_cmpint (palier_component_row_from (component (program (fixture), COMMISSION), 1), ==, UNITS (10000));

  /* Points 0 -> 5 % and 10 000 -> 10 %: P1's 6500 earns 8.25 % on the
   * whole base (536.25), P2's 6800 earns 8.4 % (571.20) and P3's 200
   * earns 5.1 % (10.20), 1117.65 in all. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  entry = find_cell (designer_child (fixture, "tier_table"), PALIER_ROW_FIELD_VALUE, 1);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "10");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (live_result (fixture)->component_totals[COMMISSION], ==,
                   UNITS (1117) + 650000);

  /* The interpolated curve keeps its handle, which still drags. */
  g_assert_cmpuint (palier_curve_editor_get_n_handles (curve), ==, 1);
  palier_curve_editor_nudge (curve, 0, 1, 0);
  g_assert_cmpint (palier_component_row_from (component (program (fixture), COMMISSION), 1), >, UNITS (10000));
}

static void
test_focused_cell_reformat (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWidget *entry;

  select_component (fixture, COMMISSION);
  choose (fixture, "basis_row", PALIER_BASIS_ATTAINMENT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  entry = find_cell (designer_child (fixture, "tier_table"), PALIER_ROW_FIELD_FROM, 0);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0%");

  /* The cell keeps the focus while the basis changes in another row,
   * as when a user clicks it before opening the menu. */
  g_assert_true (gtk_widget_grab_focus (entry));
  palier_gui_test_run_pending_events ();
  choose (fixture, "basis_row", PALIER_BASIS_AMOUNT);
  palier_gui_test_run_pending_events ();
  g_assert_cmpint (component (program (fixture), COMMISSION)->basis, ==, PALIER_BASIS_AMOUNT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Text being typed stays when the model changes under it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "12");
  choose (fixture, "basis_row", PALIER_BASIS_ATTAINMENT);
  palier_gui_test_run_pending_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");
}

static void
test_add_components (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *designer = GTK_WIDGET (fixture->designer);
  g_autoptr(PalierProgram) saved = NULL;

  g_assert_true (gtk_widget_activate_action (designer, "designer.add-component", "s", "deal-bonus"));
  g_assert_true (gtk_widget_activate_action (designer, "designer.add-component", "s", "reward"));

  g_assert_cmpuint (program (fixture)->components->len, ==, 5);
  g_assert_cmpint (component (program (fixture), 3)->kind, ==, PALIER_COMPONENT_DEAL_BONUS);
  g_assert_cmpint (component (program (fixture), 4)->kind, ==, PALIER_COMPONENT_REWARD);
  g_assert_true (gtk_widget_get_visible (designer_child (fixture, "reward_group")));

  /* A second deal bonus of 100 per deal of 5000: 2 more deals paid; a
   * trip of 1000 for each of the 3 best. */
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1275));
  g_assert_cmpint (live_result (fixture)->total_non_cash, ==, UNITS (4000));

  saved = saved_program (fixture);
  g_assert_cmpuint (saved->components->len, ==, 5);
  g_assert_cmpstr (component (saved, 3)->id, ==, "deal-bonus-1");
  g_assert_cmpstr (component (saved, 4)->id, ==, "reward-1");
}

/* Results with non-cash rewards */

static char *
column_titles (GtkColumnView *table)
{
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      if (titles->len > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, gtk_column_view_column_get_title (column));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_results_non_cash (Fixture       *fixture,
                       gconstpointer  user_data)
{
  PalierResultsView *results = PALIER_RESULTS_VIEW (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "results_view"));
  GtkWidget *detail_widget = palier_partner_detail_new ();
  PalierPartnerDetail *detail = PALIER_PARTNER_DETAIL (detail_widget);
  GtkListBox *components;
  GtkListBoxRow *reward_row;
  g_autofree char *partner_titles = NULL;
  g_autofree char *period_titles = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);

  g_object_ref_sink (detail_widget);
  palier_results_view_show_result (results, live_result (fixture));

  g_assert_true (gtk_widget_get_visible (palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, "non_cash_card")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, "total_non_cash_label"))),
                   ==, "$1,000.00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, "total_payout_label"))),
                   ==, "$1,075.00");

  /* The reward's row gives its non-cash cost, not its zero payout. */
  components = GTK_LIST_BOX (palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, "component_list"));
  reward_row = gtk_list_box_get_row_at_index (components, REWARD);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reward_row)), ==,
                   "Non-cash reward, not in the payout");

  partner_titles = column_titles (GTK_COLUMN_VIEW (palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, "partner_table")));
  g_assert_cmpstr (partner_titles, ==,
                   "Partner|Segment|Sales|Attainment|Payout|Base commission|Big deals|President's club|Non-cash");

  /* P2 won the trip of 2024. */
  g_assert_true (palier_partner_detail_show (detail, live_result (fixture), "P2"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (detail, PALIER_TYPE_PARTNER_DETAIL, "non_cash_label"))),
                   ==, "$1,000.00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (detail, PALIER_TYPE_PARTNER_DETAIL, "rewards_label"))),
                   ==, "President's club (Trip), 2024");
  period_titles = column_titles (GTK_COLUMN_VIEW (palier_gui_test_template_child (detail, PALIER_TYPE_PARTNER_DETAIL, "period_table")));
  g_assert_cmpstr (period_titles, ==, "Period|Sales|Quota|Attainment|Payout|Base commission|Big deals|Non-cash");

  /* The CSV export writes what the core writes: a non_cash column. */
  palier_result_write (live_result (fixture), PALIER_OUTPUT_CSV, csv);
  g_assert_nonnull (strstr (csv->str, "non_cash"));

  g_object_unref (detail_widget);
}

/* Segment overrides */

static GtkWidget *
find_override_cell (GtkWidget  *widget,
                    const char *segment)
{
  for (GtkWidget *node = gtk_widget_get_first_child (widget); node != NULL;
       node = gtk_widget_get_next_sibling (node))
    {
      GtkWidget *found;

      if (GTK_IS_ENTRY (node) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (node), "palier-segment"), segment) == 0)
        return node;

      found = find_override_cell (node, segment);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
override_cell (Fixture    *fixture,
               const char *segment)
{
  GtkWidget *found;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  found = find_override_cell (designer_child (fixture, "tier_table"), segment);
  g_assert_nonnull (found);

  return found;
}

static void
test_segment_column (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *designer = GTK_WIDGET (fixture->designer);
  GtkDropDown *dropdown = GTK_DROP_DOWN (designer_child (fixture, "curve_segment_dropdown"));
  g_autoptr(PalierProgram) saved = NULL;
  g_autofree char *added = NULL;
  g_autofree char *changed = NULL;
  GtkWidget *entry;
  PalierDecimal value = 0;

  select_component (fixture, COMMISSION);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dropdown)));

  /* A new column starts at the tier's own 5 %, so nothing is paid
   * differently yet. */
  g_assert_true (gtk_widget_activate_action (designer, "designer.add-segment-column", "s", "Gold"));
  g_assert_true (palier_component_row_override (component (program (fixture), COMMISSION), 0, "Gold", &value));
  g_assert_cmpint (value, ==, PALIER_DECIMAL_ONE / 20);
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1075));
  added = last_summary (fixture);
  g_assert_cmpstr (added, ==, "Added overrides for Gold to “Base commission”");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);

  /* 8 % for Gold: P1's 6500 pays 520 in place of 325. */
  entry = override_cell (fixture, "Gold");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "5%");
  gtk_editable_set_text (GTK_EDITABLE (entry), "8");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (palier_component_row_override (component (program (fixture), COMMISSION), 0, "Gold", &value));
  g_assert_cmpint (value, ==, PALIER_DECIMAL_ONE * 8 / 100);
  g_assert_cmpint (live_result (fixture)->component_totals[COMMISSION], ==, UNITS (870));
  g_assert_cmpint (palier_result_find_partner (live_result (fixture), "P1")->payout, ==, UNITS (720));
  changed = last_summary (fixture);
  g_assert_cmpstr (changed, ==, "Set tier 1 of “Base commission” to 8% for Gold");

  saved = saved_program (fixture);
  g_assert_true (palier_component_row_override (component (saved, COMMISSION), 0, "Gold", &value));
  g_assert_cmpint (value, ==, PALIER_DECIMAL_ONE * 8 / 100);

  /* The curve draws Gold's rates on request. */
  gtk_drop_down_set_selected (dropdown, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* Text that is not a rate is flagged and changes nothing. */
  entry = override_cell (fixture, "Gold");
  gtk_editable_set_text (GTK_EDITABLE (entry), "8x");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (palier_component_row_override (component (program (fixture), COMMISSION), 0, "Gold", &value));
  g_assert_cmpint (value, ==, PALIER_DECIMAL_ONE * 8 / 100);

  /* An empty cell removes the override, and with it the column. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (palier_component_row_override (component (program (fixture), COMMISSION), 0, "Gold", NULL));
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1075));

  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_component_row_override (component (program (fixture), COMMISSION), 0, "Gold", NULL));
  g_assert_true (gtk_widget_activate_action (designer, "designer.remove-segment-column", "s", "Gold"));
  g_assert_false (palier_component_row_override (component (program (fixture), COMMISSION), 0, "Gold", NULL));
  g_assert_cmpint (live_result (fixture)->total_payout, ==, UNITS (1075));
}

static void
test_curve_segment_handles (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWidget *designer = GTK_WIDGET (fixture->designer);
  PalierCurveEditor *curve = PALIER_CURVE_EDITOR (designer_child (fixture, "curve_editor"));
  GtkDropDown *dropdown = GTK_DROP_DOWN (designer_child (fixture, "curve_segment_dropdown"));
  const PalierComponent *commission;
  PalierDecimal base_rate, gold_rate = 0, nudged = 0;
  g_autofree char *summary = NULL;

  select_component (fixture, COMMISSION);
  g_signal_emit_by_name (designer_child (fixture, "add_row_button"), "clicked");
  g_assert_true (gtk_widget_activate_action (designer, "designer.add-segment-column", "s", "Gold"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (palier_curve_editor_get_n_handles (curve), ==, 1);

  commission = component (program (fixture), COMMISSION);
  base_rate = palier_component_row_value (commission, 1);
  g_assert_true (palier_component_row_override (commission, 1, "Gold", &gold_rate));

  /* On Gold's curve, the arrow keys move Gold's rate and leave the
   * tier's own. */
  gtk_drop_down_set_selected (dropdown, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  palier_curve_editor_nudge (curve, 0, 0, 1);

  commission = component (program (fixture), COMMISSION);
  g_assert_cmpint (palier_component_row_value (commission, 1), ==, base_rate);
  g_assert_true (palier_component_row_override (commission, 1, "Gold", &nudged));
  g_assert_cmpint (nudged, >, gold_rate);
  summary = last_summary (fixture);
  g_assert_true (g_str_has_prefix (summary, "Set tier 2 of “Base commission” to "));
  g_assert_true (g_str_has_suffix (summary, " for Gold"));
}

static void
test_level_overrides (void)
{
  g_autoptr(PalierProgram) original = palier_program_new ("levels", "Levels");
  g_autoptr(PalierProgram) added = NULL;
  g_autoptr(PalierProgram) changed = NULL;
  g_autoptr(PalierProgram) removed = NULL;
  g_autofree char *summary = NULL;
  PalierComponent *bonus = palier_component_new (PALIER_COMPONENT_BONUS, "club", "Club");
  PalierDecimal value = 0;

  /* A new program pays in euros. */
  palier_component_add_level (bonus, UNITS (1000), UNITS (25));
  palier_component_add_level (bonus, UNITS (5000), UNITS (100));
  palier_program_add_component (original, bonus);

  added = palier_edit_add_segment_column (original, 0, "Gold", &summary);
  g_assert_nonnull (added);
  g_assert_true (palier_component_row_override (component (added, 0), 1, "Gold", &value));
  g_assert_cmpint (value, ==, UNITS (100));
  g_clear_pointer (&summary, g_free);
  g_assert_null (palier_edit_add_segment_column (added, 0, "Gold", &summary));

  changed = palier_edit_row_override (added, 0, 1, "Gold", TRUE, UNITS (150), &summary);
  g_assert_cmpstr (summary, ==, "Set level 2 of “Club” to €150.00 for Gold");
  g_assert_true (palier_component_row_override (component (changed, 0), 1, "Gold", &value));
  g_assert_cmpint (value, ==, UNITS (150));
  g_assert_true (palier_component_row_override (component (changed, 0), 0, "Gold", &value));
  g_assert_cmpint (value, ==, UNITS (25));
  g_clear_pointer (&summary, g_free);

  removed = palier_edit_remove_segment_column (changed, 0, "Gold", &summary);
  g_assert_false (palier_component_row_override (component (removed, 0), 0, "Gold", NULL));
  g_assert_false (palier_component_row_override (component (removed, 0), 1, "Gold", NULL));
  g_assert_cmpstr (summary, ==, "Removed the overrides for Gold from “Club”");
}

/* Screenshots, to look at: PALIER_SCREENSHOT_DIR=DIR runs this test */

/* Saves the X screen with ImageMagick's import, as a user sees it. */
static void
save_window (Fixture    *fixture,
             const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  g_autoptr(GError) error = NULL;
  int status = 0;

  for (int i = 0; i < 20; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
      palier_gui_test_run_pending_events ();
      g_usleep (10000);
    }

  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

/* Scrolls the designer so that @name is at the top. */
static void
scroll_to (Fixture    *fixture,
           const char *name)
{
  GtkWidget *target = designer_child (fixture, name);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (scroller);
  graphene_point_t point;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_point (target, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y + gtk_adjustment_get_value (adjustment) - 12);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *dir = g_getenv ("PALIER_SCREENSHOT_DIR");

  if (dir == NULL)
    {
      g_test_skip ("set PALIER_SCREENSHOT_DIR to save screenshots");
      return;
    }

  select_component (fixture, COMMISSION);
  scroll_to (fixture, "settings_group");
  save_window (fixture, dir, "commission.png");

  gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.add-segment-column", "s", "Gold");
  live_result (fixture);
  scroll_to (fixture, "component_group");
  save_window (fixture, dir, "segment-column.png");

  select_component (fixture, DEAL_BONUS);
  assert_deal_summary (fixture, gtk_label_get_text (GTK_LABEL (designer_child (fixture, "deal_summary_label"))));
  live_result (fixture);
  scroll_to (fixture, "deal_group");
  save_window (fixture, dir, "deal-bonus.png");

  select_component (fixture, REWARD);
  apply_row (fixture, "top_count_row", "2");
  live_result (fixture);
  scroll_to (fixture, "reward_group");
  save_window (fixture, dir, "reward.png");

  palier_results_view_show_result (PALIER_RESULTS_VIEW (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "results_view")),
                                   live_result (fixture));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "view_stack")),
                                         "results");
  save_window (fixture, dir, "results.png");
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
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
  /* gtk_test_init() sets the C locale; screenshots show the user's. */
  if (g_getenv ("PALIER_SCREENSHOT_DIR") != NULL)
    setlocale (LC_ALL, "");
  palier_core_init ();
  bindtextdomain (GETTEXT_PACKAGE, palier_core_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  application = palier_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  add_test ("/designer-kinds/deal-bonus/minimum", test_deal_bonus_minimum);
  add_test ("/designer-kinds/deal-bonus/filter", test_deal_bonus_filter);
  add_test ("/designer-kinds/deal-bonus/invalid", test_deal_bonus_invalid);
  add_test ("/designer-kinds/deal-bonus/rate", test_deal_bonus_rate);
  add_test ("/designer-kinds/deal-bonus/drag", test_deal_bonus_drag);
  add_test ("/designer-kinds/deal-bonus/rounding", test_deal_bonus_rounding);
  add_test ("/designer-kinds/reward/top", test_reward_top);
  add_test ("/designer-kinds/reward/threshold", test_reward_threshold);
  add_test ("/designer-kinds/reward/threshold-attainment", test_reward_threshold_attainment);
  add_test ("/designer-kinds/commission/options", test_commission_options);
  add_test ("/designer-kinds/commission/interpolated", test_interpolated_tiers);
  add_test ("/designer-kinds/commission/focused-cell", test_focused_cell_reformat);
  add_test ("/designer-kinds/components/add", test_add_components);
  add_test ("/designer-kinds/components/periods", test_component_periods);
  add_test ("/designer-kinds/components/choice-labels", test_choice_labels_whole);
  add_test ("/designer-kinds/commission/curve-quota", test_curve_component_quota);
  add_test ("/designer-kinds/components/descriptions", test_component_descriptions);
  add_test ("/designer-kinds/overrides/segment-column", test_segment_column);
  add_test ("/designer-kinds/overrides/curve-handles", test_curve_segment_handles);
  add_test ("/designer-kinds/results/non-cash", test_results_non_cash);
  g_test_add_func ("/designer-kinds/overrides/levels", test_level_overrides);
  add_test ("/designer-kinds/screenshots", test_screenshots);

  status = g_test_run ();

  g_clear_object (&application);
  return status;
}
