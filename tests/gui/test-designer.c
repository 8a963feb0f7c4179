/* test-designer.c: editing programs in the designer
 *
 * Each test builds a workspace from tests/data/gui: five sales of two
 * partners and a quarterly program whose payouts program.xml works out
 * by hand.  It opens the window's Designer on it and edits the program
 * through the widgets, the curve's drag functions or the designer's
 * actions.  Edits are checked in the editor's program, in the workspace
 * file and in the live totals.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "palier-application.h"
#include "palier-curve-editor.h"
#include "palier-designer-view.h"
#include "palier-history-dialog.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"
#include "palier-results-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-tier-item.h"
#include "palier-window.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (20 * G_USEC_PER_SEC)

#define RATE(percent_tenths) ((PalierDecimal) (percent_tenths) * 1000)

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

  palier_gui_test_import_sales (store, "gui/sales.csv");
  palier_gui_test_save_program (store, "gui/program.xml");
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

static const PalierTier *
tier (PalierProgram *in,
      guint          index)
{
  const PalierComponent *base = g_ptr_array_index (in->components, 0);

  g_assert_cmpuint (index, <, base->tiers->len);
  return &g_array_index (base->tiers, PalierTier, index);
}

static guint
n_tiers (PalierProgram *in)
{
  const PalierComponent *base = g_ptr_array_index (in->components, 0);

  return base->tiers->len;
}

static gboolean
live_has_result (gpointer data)
{
  Fixture *fixture = data;
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (fixture->designer);

  return !palier_live_simulation_is_running (live) &&
         palier_live_simulation_get_result (live) != NULL;
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
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  palier_window_set_workspace (fixture->window, fixture->workspace);
  stack = ADW_VIEW_STACK (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "designer");
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  fixture->designer = PALIER_DESIGNER_VIEW (palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "designer_view"));
  fixture->original = palier_program_copy (program (fixture));
  g_assert_true (palier_gui_test_wait_for (live_has_result, fixture, WAIT_TIMEOUT_US));
}

static void
close_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || PALIER_IS_HISTORY_DIALOG (l->data))
      gtk_window_destroy (l->data);

  g_list_free (toplevels);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  close_dialogs ();
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

/* Waits for the queued saves and returns the program's versions, oldest
 * first, read on a connection of the test's own. */
static GPtrArray *
saved_versions (Fixture *fixture)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *versions;

  palier_program_editor_flush (editor (fixture));
  palier_gui_test_run_pending_events ();

  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  versions = palier_store_list_program_versions (store, fixture->original->id, &error);
  g_assert_no_error (error);

  return versions;
}

static const char *
last_summary (GPtrArray *versions)
{
  const PalierProgramVersion *last = g_ptr_array_index (versions, versions->len - 1);

  return last->summary;
}

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

/* Table cells */

static GtkWidget *
find_cell_in (GtkWidget      *widget,
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

      found = find_cell_in (node, row, field);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
cell (Fixture        *fixture,
      guint           row,
      PalierRowField  field)
{
  GtkWidget *found;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  found = find_cell_in (designer_child (fixture, "tier_table"), row, field);
  g_assert_nonnull (found);

  return found;
}

static void
type_in_cell (Fixture        *fixture,
              guint           row,
              PalierRowField  field,
              const char     *text)
{
  GtkWidget *entry = cell (fixture, row, field);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

/* Number input */

static void
test_parse_percent (void)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  g_assert_true (palier_input_parse_percent ("7", &value, NULL));
  g_assert_cmpint (value, ==, 70000);
  g_assert_true (palier_input_parse_percent ("7.5 %", &value, NULL));
  g_assert_cmpint (value, ==, 75000);
  g_assert_true (palier_input_parse_percent ("12.3456%", &value, NULL));
  g_assert_cmpint (value, ==, 123456);

  g_assert_false (palier_input_parse_percent ("12.34567", &value, &error));
  g_assert_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE);
  g_clear_error (&error);

  g_assert_false (palier_input_parse_percent ("seven", &value, &error));
  g_assert_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_NUMBER);
  g_assert_nonnull (strstr (error->message, "“seven”"));
}

static void
test_parse_french (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  PalierDecimal value = 0;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("The fr_FR.UTF-8 locale is not installed");
      return;
    }

  g_assert_cmpint (palier_input_decimal_mark (), ==, PALIER_DECIMAL_MARK_COMMA);
  g_assert_true (palier_input_parse_percent ("7,5", &value, NULL));
  g_assert_cmpint (value, ==, 75000);
  /* A no-break space before the sign, as French writes it. */
  g_assert_true (palier_input_parse_percent ("7,5\u00a0%", &value, NULL));
  g_assert_cmpint (value, ==, 75000);
  g_assert_true (palier_input_parse_number ("12\u202f500,50", &value, NULL));
  g_assert_cmpint (value, ==, 12500500000);

  setlocale (LC_NUMERIC, saved);
}

/* Tier table */

static void
test_table_edit_rate (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(PalierProgram) saved = NULL;

  type_in_cell (fixture, 1, PALIER_ROW_FIELD_VALUE, "8");

  g_assert_cmpint (tier (program (fixture), 1)->value, ==, RATE (80));
  g_assert_cmpint (tier (program (fixture), 1)->from, ==, PALIER_DECIMAL_ONE);
  g_assert_null (palier_program_editor_get_problem (editor (fixture)));

  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (last_summary (versions), ==,
                   "Changed the rate of tier 2 of “Base commission” from 7% to 8%");

  saved = saved_program (fixture);
  g_assert_true (palier_program_equal (saved, program (fixture)));
}

static void
test_table_edit_from (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) versions = NULL;

  type_in_cell (fixture, 2, PALIER_ROW_FIELD_FROM, "250 %");

  g_assert_cmpint (tier (program (fixture), 2)->from, ==, 2500000);
  versions = saved_versions (fixture);
  g_assert_cmpstr (last_summary (versions), ==,
                   "Moved tier 3 of “Base commission” from 200% of quota to 250% of quota");
}

static void
test_table_add_remove (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *add = designer_child (fixture, "add_row_button");
  g_autoptr(GPtrArray) versions = NULL;

  g_signal_emit_by_name (add, "clicked");

  /* Half as far again as the last tier, at the last tier's rate. */
  g_assert_cmpuint (n_tiers (program (fixture)), ==, 4);
  g_assert_cmpint (tier (program (fixture), 3)->from, ==, 3 * PALIER_DECIMAL_ONE);
  g_assert_cmpint (tier (program (fixture), 3)->value, ==, RATE (100));

  /* The new row is in the table, and its entry edits it. */
  type_in_cell (fixture, 3, PALIER_ROW_FIELD_VALUE, "12.5");
  g_assert_cmpint (tier (program (fixture), 3)->value, ==, RATE (125));

  palier_designer_view_undo (fixture->designer);
  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));

  versions = saved_versions (fixture);
  g_assert_cmpstr (last_summary (versions), ==, "Undid: Added tier 4 to “Base commission”");
}

static void
test_table_remove_row (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;

  changed = palier_edit_remove_row (program (fixture), 0, 2, &summary);
  g_assert_cmpstr (summary, ==, "Removed tier 3 from “Base commission”");
  g_assert_true (palier_program_editor_edit (editor (fixture), changed, summary));

  g_assert_cmpuint (n_tiers (program (fixture)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (designer_child (fixture, "tier_table"))))),
                    ==, 2);
}

static void
test_table_invalid_rate (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *entry;

  type_in_cell (fixture, 1, PALIER_ROW_FIELD_VALUE, "seven");

  /* Flagged where it was typed, with the reason; nothing changed. */
  entry = cell (fixture, 1, PALIER_ROW_FIELD_VALUE);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (entry), "not a percentage"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "seven");
  g_assert_true (palier_program_equal (program (fixture), fixture->original));

  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 1);
}

static void
test_table_rate_above_100 (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *label = designer_child (fixture, "row_error_label");

  type_in_cell (fixture, 2, PALIER_ROW_FIELD_VALUE, "150");

  /* The invalid draft is shown, flagged, and not saved. */
  g_assert_nonnull (palier_program_editor_get_problem (editor (fixture)));
  g_assert_cmpint (tier (palier_program_editor_get_draft (editor (fixture)), 2)->value, ==, RATE (1500));
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
  g_assert_true (gtk_widget_has_css_class (cell (fixture, 2, PALIER_ROW_FIELD_VALUE), "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "A rate cannot be above 100%");

  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 1);
}

static void
test_table_tiers_ascend (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *label = designer_child (fixture, "row_error_label");
  g_autoptr(GPtrArray) invalid_versions = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  type_in_cell (fixture, 2, PALIER_ROW_FIELD_FROM, "50");

  g_assert_nonnull (palier_program_editor_get_problem (editor (fixture)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Tiers must ascend: 50% of quota is below the previous tier’s 100% of quota");
  g_assert_true (gtk_widget_has_css_class (cell (fixture, 2, PALIER_ROW_FIELD_FROM), "error"));
  invalid_versions = saved_versions (fixture);
  g_assert_cmpuint (invalid_versions->len, ==, 1);

  /* Moving tier 2 below it makes the draft valid: both edits are saved
   * as one version. */
  type_in_cell (fixture, 1, PALIER_ROW_FIELD_FROM, "40");
  g_assert_null (palier_program_editor_get_problem (editor (fixture)));
  g_assert_cmpint (tier (program (fixture), 1)->from, ==, 400000);
  g_assert_cmpint (tier (program (fixture), 2)->from, ==, 500000);
  g_assert_false (gtk_widget_get_visible (label));

  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (last_summary (versions), ==,
                   "Moved tier 3 of “Base commission” from 200% of quota to 50% of quota; "
                   "Moved tier 2 of “Base commission” from 100% of quota to 40% of quota");
}

/* Payout curve */

static PalierCurveEditor *
curve (Fixture *fixture)
{
  return PALIER_CURVE_EDITOR (designer_child (fixture, "curve_editor"));
}

/* The drag scales as the curve editor computes them, from the layout of
 * the widget's size now. */
static void
curve_layout (Fixture           *fixture,
              PalierCurveLayout *layout)
{
  PalierCurveEditor *editor_widget = curve (fixture);
  GtkWidget *area = gtk_widget_get_first_child (GTK_WIDGET (editor_widget));
  PalierProgram *shown = palier_curve_editor_get_program (editor_widget);
  PalierCurveSpec spec = { shown, g_ptr_array_index (shown->components, 0), NULL, shown->quota };
  PalierChartStyle style = { 0 };
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (area));

  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    style.font_size = 0.9 * pango_font_description_get_size (font) / PANGO_SCALE;

  palier_chart_payout_curve_layout (gtk_widget_get_width (area), gtk_widget_get_height (area),
                                    &spec, &style, layout);
}

static void
test_curve_handles_match_layout (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  PalierCurveLayout layout;
  double x, y;

  curve_layout (fixture, &layout);

  g_assert_cmpuint (palier_curve_editor_get_n_handles (curve (fixture)), ==, 2);
  g_assert_cmpuint (layout.n_handles, ==, 2);
  g_assert_true (palier_curve_editor_get_handle_position (curve (fixture), 0, &x, &y));
  g_assert_cmpfloat (x, ==, layout.handle_x[0]);
  g_assert_cmpfloat (y, ==, layout.handle_y[0]);
  g_assert_cmpint (palier_curve_editor_handle_at (curve (fixture), x + 3, y - 3), ==, 0);
  g_assert_cmpint (palier_curve_editor_handle_at (curve (fixture), x + 40, y), ==, -1);

  palier_curve_layout_clear (&layout);
}

static void
test_curve_drag (Fixture       *fixture,
                 gconstpointer  user_data)
{
  PalierCurveLayout layout;
  g_autoptr(GPtrArray) versions = NULL;
  double x, y;
  double from_per_pixel, rate_per_pixel;
  PalierDecimal expected_from, expected_rate;

  curve_layout (fixture, &layout);
  x = layout.handle_x[0];
  y = layout.handle_y[0];

  /* On a 0-300 % axis boundaries snap to 1 % of quota; rates to 0.1 %.
   * Up by one pixel adds the slope of the plot's diagonal per pixel. */
  g_assert_cmpfloat (layout.x_max, ==, 3.0);
  from_per_pixel = (layout.x_max - layout.x_min) / layout.plot_width;
  rate_per_pixel = (layout.y_max - layout.y_min) / ((layout.x_max - layout.x_min) * 1000) / layout.plot_height;
  expected_from = (PalierDecimal) llround ((1.0 + 37 * from_per_pixel) * 100) * 10000;
  expected_rate = (PalierDecimal) llround ((0.07 + 25 * rate_per_pixel) * 1000) * 1000;

  g_assert_true (palier_curve_editor_begin_drag (curve (fixture), x + 2, y + 1));
  palier_curve_editor_update_drag (curve (fixture), 10, 0);
  palier_curve_editor_update_drag (curve (fixture), 37, -25);

  /* While dragging, nothing is saved and the table follows. */
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
  g_assert_cmpint (tier (palier_curve_editor_get_program (curve (fixture)), 1)->from, ==, expected_from);
  g_assert_cmpint (tier (palier_curve_editor_get_program (curve (fixture)), 1)->value, ==, expected_rate);
  g_assert_nonnull (palier_curve_editor_get_drag_label (curve (fixture)));

  palier_curve_editor_end_drag (curve (fixture));

  g_assert_cmpint (tier (program (fixture), 1)->from, ==, expected_from);
  g_assert_cmpint (tier (program (fixture), 1)->value, ==, expected_rate);
  g_assert_cmpint (expected_from % 10000, ==, 0);
  g_assert_cmpint (expected_rate % 1000, ==, 0);
  g_assert_cmpint (tier (program (fixture), 2)->from, ==, 2 * PALIER_DECIMAL_ONE);

  /* The whole drag is one step of history and one saved version. */
  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_true (g_str_has_prefix (last_summary (versions), "Moved tier 2 of “Base commission” from 100% of quota to "));
  g_assert_nonnull (strstr (last_summary (versions), "and changed its rate from 7% to"));
  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));

  palier_curve_layout_clear (&layout);
}

static void
test_curve_drag_constrained (Fixture       *fixture,
                             gconstpointer  user_data)
{
  double x, y;

  g_assert_true (palier_curve_editor_get_handle_position (curve (fixture), 0, &x, &y));
  g_assert_true (palier_curve_editor_begin_drag (curve (fixture), x, y));

  /* A few pixels of jitter change nothing. */
  palier_curve_editor_update_drag (curve (fixture), 3, -2);
  g_assert_true (palier_program_equal (palier_curve_editor_get_program (curve (fixture)), fixture->original));

  /* Far right stops one step before the next boundary, far down at 0 %. */
  palier_curve_editor_update_drag (curve (fixture), 5000, 5000);
  g_assert_cmpint (tier (palier_curve_editor_get_program (curve (fixture)), 1)->from, ==, 1990000);
  g_assert_cmpint (tier (palier_curve_editor_get_program (curve (fixture)), 1)->value, ==, 0);

  /* Far left stops one step above the first tier. */
  palier_curve_editor_update_drag (curve (fixture), -5000, 0);
  g_assert_cmpint (tier (palier_curve_editor_get_program (curve (fixture)), 1)->from, ==, 10000);

  palier_curve_editor_cancel_drag (curve (fixture));
  g_assert_true (palier_program_equal (palier_curve_editor_get_program (curve (fixture)), fixture->original));
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
}

static void
test_curve_keyboard (Fixture       *fixture,
                     gconstpointer  user_data)
{
  palier_curve_editor_nudge (curve (fixture), 1, 1, 0);
  g_assert_cmpint (tier (program (fixture), 2)->from, ==, 2010000);

  palier_curve_editor_nudge (curve (fixture), 1, 0, -1);
  g_assert_cmpint (tier (program (fixture), 2)->value, ==, RATE (99));
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
test_curve_tab_and_arrows (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *widget = GTK_WIDGET (curve (fixture));

  /* Tab enters on the first handle, then walks to the second, then
   * leaves the curve. */
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (palier_curve_editor_get_focus_handle (curve (fixture)), ==, 0);
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (palier_curve_editor_get_focus_handle (curve (fixture)), ==, 1);

  g_assert_true (press_key (widget, GDK_KEY_Left));
  g_assert_cmpint (tier (program (fixture), 2)->from, ==, 1990000);
  g_assert_true (press_key (widget, GDK_KEY_Up));
  g_assert_cmpint (tier (program (fixture), 2)->value, ==, RATE (101));

  g_assert_false (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
}

static void
test_curve_bonus_level (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "component_list"));
  const PalierComponent *club;
  double x, y;

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (palier_curve_editor_get_n_handles (curve (fixture)), ==, 1);
  g_assert_true (palier_curve_editor_get_handle_position (curve (fixture), 0, &x, &y));

  g_assert_true (palier_curve_editor_begin_drag (curve (fixture), x, y));
  palier_curve_editor_update_drag (curve (fixture), 0, -5000);
  palier_curve_editor_end_drag (curve (fixture));

  /* Up raises the level's amount; the level stays where it was. */
  club = g_ptr_array_index (program (fixture)->components, 1);
  g_assert_cmpint (g_array_index (club->levels, PalierLevel, 0).min, ==, PALIER_DECIMAL_ONE);
  g_assert_cmpint (g_array_index (club->levels, PalierLevel, 0).amount, >, 25 * PALIER_DECIMAL_ONE);
}

/* Undo and redo */

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(PalierProgram) first = NULL;
  g_autoptr(PalierProgram) second = NULL;
  g_autoptr(PalierProgram) saved = NULL;

  g_assert_false (palier_designer_view_can_undo (fixture->designer));

  type_in_cell (fixture, 1, PALIER_ROW_FIELD_VALUE, "8");
  first = palier_program_copy (program (fixture));
  type_in_cell (fixture, 0, PALIER_ROW_FIELD_VALUE, "3");
  second = palier_program_copy (program (fixture));

  g_assert_true (palier_designer_view_can_undo (fixture->designer));
  g_assert_false (palier_designer_view_can_redo (fixture->designer));

  /* win.undo is the window's Ctrl+Z. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  g_assert_true (palier_program_equal (program (fixture), first));
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
  g_assert_false (palier_designer_view_can_undo (fixture->designer));

  g_assert_true (gtk_widget_activate_action (window, "win.redo", NULL));
  g_assert_true (palier_program_equal (program (fixture), first));
  g_assert_true (gtk_widget_activate_action (window, "win.redo", NULL));
  g_assert_true (palier_program_equal (program (fixture), second));
  g_assert_false (palier_designer_view_can_redo (fixture->designer));

  /* The table shows what was restored, and the file contains it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell (fixture, 0, PALIER_ROW_FIELD_VALUE))), ==, "3%");
  saved = saved_program (fixture);
  g_assert_true (palier_program_equal (saved, second));
}

static void
test_undo_drops_invalid_draft (Fixture       *fixture,
                               gconstpointer  user_data)
{
  type_in_cell (fixture, 2, PALIER_ROW_FIELD_FROM, "50");
  g_assert_nonnull (palier_program_editor_get_problem (editor (fixture)));
  g_assert_true (palier_designer_view_can_undo (fixture->designer));

  palier_designer_view_undo (fixture->designer);

  g_assert_null (palier_program_editor_get_problem (editor (fixture)));
  g_assert_true (palier_program_equal (palier_program_editor_get_draft (editor (fixture)), fixture->original));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell (fixture, 2, PALIER_ROW_FIELD_FROM))), ==, "200%");
  g_assert_false (gtk_widget_has_css_class (cell (fixture, 2, PALIER_ROW_FIELD_FROM), "error"));
}

/* History */

static void
test_saved_on_close (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) saved = NULL;
  g_autoptr(PalierProgram) edited = NULL;
  g_autoptr(GError) error = NULL;

  type_in_cell (fixture, 0, PALIER_ROW_FIELD_VALUE, "4.5");
  edited = palier_program_copy (program (fixture));

  /* Closing the window right after the edit waits for its save. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  saved = palier_store_load_program (store, fixture->original->id, &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (saved, edited));
}

static void
test_history_restore (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) edited = NULL;
  const PalierProgramVersion *first;
  GList *toplevels;
  PalierHistoryDialog *dialog = NULL;

  type_in_cell (fixture, 1, PALIER_ROW_FIELD_VALUE, "9");
  edited = palier_program_copy (program (fixture));
  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 2);

  /* The dialog lists both versions, newest first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.program-history", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PALIER_IS_HISTORY_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_nonnull (gtk_list_box_get_row_at_index (palier_history_dialog_get_list (dialog), 1));
  g_assert_null (gtk_list_box_get_row_at_index (palier_history_dialog_get_list (dialog), 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (palier_history_dialog_get_list (dialog), 0))),
                   ==, "Changed the rate of tier 2 of “Base commission” from 7% to 9%");

  /* Restoring the first version is an edit of its own. */
  first = g_ptr_array_index (versions, 0);
  g_signal_emit_by_name (dialog, "restore", first->id, first->time);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));

  after = saved_versions (fixture);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (g_str_has_prefix (last_summary (after), "Restored the version of "));

  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_program_equal (program (fixture), edited));
}

/* Live simulation */

static gboolean
live_completed_more (gpointer data)
{
  Fixture *fixture = data;
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (fixture->designer);
  guint *before = g_object_get_data (G_OBJECT (live), "test-before");

  return !palier_live_simulation_is_running (live) &&
         palier_live_simulation_get_n_completed (live) > *before;
}

static void
test_live_totals (Fixture       *fixture,
                  gconstpointer  user_data)
{
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (fixture->designer);
  GtkWidget *totals = designer_child (fixture, "totals_label");
  GtkWidget *results = palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, "results_view");
  GtkWidget *payout_label = palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, "total_payout_label");
  guint before = palier_live_simulation_get_n_completed (live);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (totals)), ==,
                   "Total payout $313.00 · Cost of sales 6.66%");
  /* Selecting a program leaves the Results view to the Simulate
   * action; edits fill it. */
  g_assert_null (palier_results_view_get_result (PALIER_RESULTS_VIEW (results)));

  /* Tier 2 at 8 %: P1 earns 500 x 1 % more in 2024-Q1, P2 1000 x 1 %
   * more in 2024-Q2, so 313 + 5 + 10 = 328 on sales of 4,700. */
  g_object_set_data (G_OBJECT (live), "test-before", &before);
  type_in_cell (fixture, 1, PALIER_ROW_FIELD_VALUE, "8");
  g_assert_true (palier_gui_test_wait_for (live_completed_more, fixture, WAIT_TIMEOUT_US));

  g_assert_cmpint (palier_live_simulation_get_result (live)->total_payout, ==, 328 * PALIER_DECIMAL_ONE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (totals)), ==,
                   "Total payout $328.00 · Cost of sales 6.98%");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (payout_label)), ==, "$328.00");
  g_object_set_data (G_OBJECT (live), "test-before", NULL);
}

static void
test_live_reuses_sales (Fixture       *fixture,
                        gconstpointer  user_data)
{
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (fixture->designer);
  guint before = palier_live_simulation_get_n_completed (live);
  PalierEngineStats first;
  PalierEngineStats second;

  palier_live_simulation_get_stats (live, &first);
  g_assert_cmpuint (first.n_queries, >, 0);

  /* A new rate recomputes its component from the sales read already. */
  g_object_set_data (G_OBJECT (live), "test-before", &before);
  type_in_cell (fixture, 1, PALIER_ROW_FIELD_VALUE, "8");
  g_assert_true (palier_gui_test_wait_for (live_completed_more, fixture, WAIT_TIMEOUT_US));
  g_object_set_data (G_OBJECT (live), "test-before", NULL);

  palier_live_simulation_get_stats (live, &second);
  g_assert_cmpuint (second.n_queries, ==, first.n_queries);
  g_assert_cmpuint (second.n_components, ==, first.n_components + 1);
}

static void
test_live_follows_drag (Fixture       *fixture,
                        gconstpointer  user_data)
{
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (fixture->designer);
  guint before = palier_live_simulation_get_n_completed (live);
  double x, y;

  g_assert_true (palier_curve_editor_get_handle_position (curve (fixture), 1, &x, &y));
  g_assert_true (palier_curve_editor_begin_drag (curve (fixture), x, y));
  palier_curve_editor_update_drag (curve (fixture), 0, 5000);

  /* A dragged tier 3 at 0 %: P2's 2024-Q2 pays 40 + 70 = 110, not 160. */
  g_object_set_data (G_OBJECT (live), "test-before", &before);
  g_assert_true (palier_gui_test_wait_for (live_completed_more, fixture, WAIT_TIMEOUT_US));
  g_assert_cmpint (palier_live_simulation_get_result (live)->total_payout, ==, 263 * PALIER_DECIMAL_ONE);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
  g_object_set_data (G_OBJECT (live), "test-before", NULL);

  palier_curve_editor_cancel_drag (curve (fixture));
}

/* Programs and components */

static void
test_program_new_and_delete (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *designer = GTK_WIDGET (fixture->designer);
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "program_list"));
  g_autoptr(PalierProgram) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GList *toplevels;
  AdwMessageDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (designer, "designer.new-program", NULL));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (palier_designer_view_get_program (fixture->designer)->name, ==, "New Program");
  g_assert_cmpstr (palier_designer_view_get_program (fixture->designer)->currency, ==, "USD");
  g_assert_cmpuint (palier_designer_view_get_program (fixture->designer)->components->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (designer, "designer.delete-program", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");

  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  loaded = palier_store_load_program (palier_workspace_get_store (fixture->workspace), "program-1", &error);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_program_duplicate (Fixture       *fixture,
                        gconstpointer  user_data)
{
  PalierProgram *copy;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.duplicate-program", NULL));

  copy = palier_designer_view_get_program (fixture->designer);
  g_assert_cmpstr (copy->id, ==, "test-2024-copy-1");
  g_assert_cmpstr (copy->name, ==, "Test partner program (Copy)");
  g_assert_cmpuint (copy->components->len, ==, fixture->original->components->len);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);

  return dialog;
}

static void
test_program_rename (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) versions = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.rename-program", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Test partner program");

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Partners 2024  ");
  adw_message_dialog_response (dialog, "rename");

  g_assert_cmpstr (program (fixture)->name, ==, "Partners 2024");
  versions = saved_versions (fixture);
  g_assert_cmpstr (last_summary (versions), ==, "Renamed the program “Partners 2024”");
}

static void
test_program_properties (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *name = designer_child (fixture, "name_row");
  GtkWidget *quota = designer_child (fixture, "quota_row");
  GtkWidget *period = designer_child (fixture, "period_row");
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "program_list"));
  GtkWidget *label = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 0));
  g_autoptr(GPtrArray) versions = NULL;

  gtk_editable_set_text (GTK_EDITABLE (name), "Channel 2024");
  g_signal_emit_by_name (name, "apply");
  g_assert_cmpstr (program (fixture)->name, ==, "Channel 2024");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Channel 2024");

  gtk_editable_set_text (GTK_EDITABLE (quota), "1,500");
  g_signal_emit_by_name (quota, "apply");
  g_assert_cmpint (program (fixture)->quota, ==, 1500 * PALIER_DECIMAL_ONE);

  gtk_editable_set_text (GTK_EDITABLE (quota), "lots");
  g_signal_emit_by_name (quota, "apply");
  g_assert_true (gtk_widget_has_css_class (quota, "error"));
  g_assert_cmpint (program (fixture)->quota, ==, 1500 * PALIER_DECIMAL_ONE);

  adw_combo_row_set_selected (ADW_COMBO_ROW (period), PALIER_PERIOD_YEAR);
  g_assert_cmpint (program (fixture)->period, ==, PALIER_PERIOD_YEAR);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->designer), "designer.add-segment-quota",
                                             "s", "Gold"));
  g_assert_cmpuint (program (fixture)->segment_quotas->len, ==, 1);

  versions = saved_versions (fixture);
  g_assert_cmpuint (versions->len, ==, 5);
  g_assert_cmpstr (last_summary (versions), ==, "Changed the segment quotas");
}

static void
test_components_edit (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *designer = GTK_WIDGET (fixture->designer);
  GtkWidget *cap_entry = designer_child (fixture, "cap_entry");
  GtkWidget *cap_switch = designer_child (fixture, "cap_switch");
  GtkWidget *category = designer_child (fixture, "category_row");
  const PalierComponent *base;

  g_assert_true (gtk_widget_activate_action (designer, "designer.add-component", "s", "bonus"));
  g_assert_cmpuint (program (fixture)->components->len, ==, 3);
  g_assert_cmpstr (((PalierComponent *) g_ptr_array_index (program (fixture)->components, 2))->id, ==, "bonus-1");

  /* The new bonus is selected; select the commission again. */
  gtk_list_box_select_row (GTK_LIST_BOX (designer_child (fixture, "component_list")),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (designer_child (fixture, "component_list")), 0));

  gtk_editable_set_text (GTK_EDITABLE (cap_entry), "150");
  gtk_switch_set_active (GTK_SWITCH (cap_switch), TRUE);
  base = g_ptr_array_index (program (fixture)->components, 0);
  g_assert_true (base->has_cap);
  g_assert_cmpint (base->cap, ==, 150 * PALIER_DECIMAL_ONE);

  gtk_editable_set_text (GTK_EDITABLE (category), "Technology, Furniture");
  g_signal_emit_by_name (category, "apply");
  base = g_ptr_array_index (program (fixture)->components, 0);
  g_assert_cmpuint (base->filter.values[PALIER_FILTER_CATEGORY]->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (base->filter.values[PALIER_FILTER_CATEGORY], 1), ==, "Furniture");

  palier_designer_view_undo (fixture->designer);
  palier_designer_view_undo (fixture->designer);
  palier_designer_view_undo (fixture->designer);
  g_assert_true (palier_program_equal (program (fixture), fixture->original));
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
  palier_core_init ();

  application = palier_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/designer/input/percent", test_parse_percent);
  g_test_add_func ("/designer/input/french", test_parse_french);
  add_test ("/designer/table/edit-rate", test_table_edit_rate);
  add_test ("/designer/table/edit-from", test_table_edit_from);
  add_test ("/designer/table/add-row", test_table_add_remove);
  add_test ("/designer/table/remove-row", test_table_remove_row);
  add_test ("/designer/table/invalid-rate", test_table_invalid_rate);
  add_test ("/designer/table/rate-above-100", test_table_rate_above_100);
  add_test ("/designer/table/tiers-ascend", test_table_tiers_ascend);
  add_test ("/designer/curve/handles", test_curve_handles_match_layout);
  add_test ("/designer/curve/drag", test_curve_drag);
  add_test ("/designer/curve/drag-constrained", test_curve_drag_constrained);
  add_test ("/designer/curve/keyboard", test_curve_keyboard);
  add_test ("/designer/curve/tab-and-arrows", test_curve_tab_and_arrows);
  add_test ("/designer/curve/bonus-level", test_curve_bonus_level);
  add_test ("/designer/history/undo-redo", test_undo_redo);
  add_test ("/designer/history/undo-invalid-draft", test_undo_drops_invalid_draft);
  add_test ("/designer/history/restore", test_history_restore);
  add_test ("/designer/history/saved-on-close", test_saved_on_close);
  add_test ("/designer/live/totals", test_live_totals);
  add_test ("/designer/live/reuses-sales", test_live_reuses_sales);
  add_test ("/designer/live/follows-drag", test_live_follows_drag);
  add_test ("/designer/programs/new-and-delete", test_program_new_and_delete);
  add_test ("/designer/programs/duplicate", test_program_duplicate);
  add_test ("/designer/programs/rename", test_program_rename);
  add_test ("/designer/programs/properties", test_program_properties);
  add_test ("/designer/components/edit", test_components_edit);

  status = g_test_run ();

  g_clear_object (&application);
  return status;
}
