/* test-window.c: the window on a workspace made by the test
 *
 * Each test builds a workspace from tests/data/gui (five sales of two
 * partners and a quarterly program whose payouts program.xml works out
 * by hand), shows the window on it and reads the widgets back.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "palier-application.h"
#include "palier-data-view.h"
#include "palier-designer-view.h"
#include "palier-import-dialog.h"
#include "palier-partner-item.h"
#include "palier-results-view.h"
#include "palier-sample.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-tier-item.h"
#include "palier-window.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (20 * G_USEC_PER_SEC)

static PalierApplication *application;
static char *user_data_dir;

typedef struct {
  char *dir;
  char *path;
  PalierWorkspace *workspace;
  PalierWindow *window;
} Fixture;


/* Runs the main loop until @condition is TRUE.  Returns FALSE on
 * timeout. */
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

  g_assert_cmpuint (palier_gui_test_import_sales (store, "gui/sales.csv"), ==, 5);
  palier_gui_test_save_program (store, "gui/program.xml");
}

static gboolean
data_view_loaded (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *data_view = window_child (fixture, "data_view");
  GtkStack *stack = GTK_STACK (palier_gui_test_template_child (data_view, PALIER_TYPE_DATA_VIEW, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.palier", NULL);
  make_workspace (fixture->path);

  fixture->workspace = palier_workspace_open (fixture->path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  fixture->window = palier_window_new (application);
  palier_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (palier_gui_test_wait_for (data_view_loaded, fixture, WAIT_TIMEOUT_US));
}

static void
close_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);

  g_list_free (toplevels);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->workspace);

  /* Let the worker threads' callbacks drop their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Data view */

static const char *
data_label (Fixture    *fixture,
            const char *name)
{
  GtkWidget *data_view = window_child (fixture, "data_view");

  return gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (data_view, PALIER_TYPE_DATA_VIEW, name)));
}

static void
test_data_summary (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *data_view = window_child (fixture, "data_view");
  GtkStack *stack = GTK_STACK (palier_gui_test_template_child (data_view, PALIER_TYPE_DATA_VIEW, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  g_assert_cmpstr (data_label (fixture, "transactions_label"), ==, "5");
  g_assert_cmpstr (data_label (fixture, "partners_label"), ==, "2");
  g_assert_cmpstr (data_label (fixture, "dates_label"), ==, "January 15, 2024 to May 2, 2024");

  /* The sales take the currency of the workspace's only program. */
  g_assert_cmpstr (data_label (fixture, "total_label"), ==, "$4,700.00");
}

static gboolean
stack_shows (gpointer data)
{
  GtkStack *stack = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static void
test_empty_workspace (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.palier", NULL);
  g_autoptr(PalierWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  PalierWindow *window;
  GtkWidget *data_view;
  GtkWidget *designer;
  GtkStack *data_stack;
  GtkStack *designer_stack;

  workspace = palier_workspace_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  window = palier_window_new (application);
  palier_window_set_workspace (window, workspace);
  data_view = palier_gui_test_template_child (GTK_WIDGET (window), PALIER_TYPE_WINDOW, "data_view");
  designer = palier_gui_test_template_child (GTK_WIDGET (window), PALIER_TYPE_WINDOW, "designer_view");
  data_stack = GTK_STACK (palier_gui_test_template_child (data_view, PALIER_TYPE_DATA_VIEW, "stack"));
  designer_stack = GTK_STACK (palier_gui_test_template_child (designer, PALIER_TYPE_DESIGNER_VIEW, "stack"));

  g_assert_true (palier_gui_test_wait_for (stack_shows, data_stack, WAIT_TIMEOUT_US));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (data_stack), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (designer_stack), ==, "empty");
  g_assert_false (palier_designer_view_has_programs (PALIER_DESIGNER_VIEW (designer)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Designer view */

static GtkWidget *
designer_child (Fixture    *fixture,
                const char *name)
{
  GtkWidget *designer = window_child (fixture, "designer_view");

  return palier_gui_test_template_child (designer, PALIER_TYPE_DESIGNER_VIEW, name);
}

static void
test_designer_lists_program (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "program_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = gtk_list_box_row_get_child (row);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Test partner program");
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
}

static void
test_designer_components (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "component_list"));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);
  GtkListBoxRow *second = gtk_list_box_get_row_at_index (list, 1);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Base commission");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Quota club");
}

static PalierTierItem *
tier_row (GListModel *model,
          guint       position)
{
  PalierTierItem *item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The model keeps its own reference for the test's duration. */
  g_object_unref (item);
  return item;
}

static void
test_designer_tier_table (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (designer_child (fixture, "tier_table"));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (palier_tier_item_get_from (tier_row (model, 0)), ==, "0% of quota");
  g_assert_cmpstr (palier_tier_item_get_value (tier_row (model, 0)), ==, "4%");
  g_assert_cmpstr (palier_tier_item_get_from (tier_row (model, 1)), ==, "100% of quota");
  g_assert_cmpstr (palier_tier_item_get_value (tier_row (model, 1)), ==, "7%");
  g_assert_cmpstr (palier_tier_item_get_from (tier_row (model, 2)), ==, "200% of quota");
  g_assert_cmpstr (palier_tier_item_get_value (tier_row (model, 2)), ==, "10%");
  g_assert_cmpstr (palier_tier_item_get_overrides (tier_row (model, 2)), ==, "");
}

static void
test_designer_level_table (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkListBox *list = GTK_LIST_BOX (designer_child (fixture, "component_list"));
  GtkColumnView *table = GTK_COLUMN_VIEW (designer_child (fixture, "tier_table"));
  GListModel *model;

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  model = G_LIST_MODEL (gtk_column_view_get_model (table));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (palier_tier_item_get_from (tier_row (model, 0)), ==, "100% of quota");
  g_assert_cmpstr (palier_tier_item_get_value (tier_row (model, 0)), ==, "$25.00");
}

/* Results view */

static GtkWidget *
results_child (Fixture    *fixture,
               const char *name)
{
  GtkWidget *results = window_child (fixture, "results_view");

  return palier_gui_test_template_child (results, PALIER_TYPE_RESULTS_VIEW, name);
}

static gboolean
has_result (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *results = window_child (fixture, "results_view");

  return palier_results_view_get_result (PALIER_RESULTS_VIEW (results)) != NULL;
}

static void
simulate (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.simulate", NULL));
  g_assert_true (palier_gui_test_wait_for (has_result, fixture, WAIT_TIMEOUT_US));
}

static const char *
results_label (Fixture    *fixture,
               const char *name)
{
  return gtk_label_get_text (GTK_LABEL (results_child (fixture, name)));
}

static void
test_results_totals (Fixture       *fixture,
                     gconstpointer  user_data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));

  simulate (fixture);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "results");
  g_assert_cmpstr (results_label (fixture, "total_sales_label"), ==, "$4,700.00");
  g_assert_cmpstr (results_label (fixture, "total_payout_label"), ==, "$313.00");
  g_assert_cmpstr (results_label (fixture, "cost_of_sales_label"), ==, "6.66%");
  g_assert_cmpstr (results_label (fixture, "program_label"), ==, "Test partner program");
}

static const char *
item_partner (GListModel *model,
              guint       position)
{
  g_autoptr(PalierPartnerItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return palier_partner_item_get_partner (item);
}

static void
test_results_partners_sorted (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkColumnView *table;
  GListModel *model;
  g_autoptr(PalierPartnerItem) top = NULL;
  g_autoptr(PalierPartnerItem) second = NULL;

  simulate (fixture);
  table = GTK_COLUMN_VIEW (results_child (fixture, "partner_table"));
  model = G_LIST_MODEL (gtk_column_view_get_model (table));

  /* Six fixed columns and one per component. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 8);

  /* Largest payout first: P2 is paid 16 + 160 + 25, P1 75 + 12 + 25. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  top = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (palier_partner_item_get_partner (top), ==, "P2");
  g_assert_cmpint (palier_partner_item_get_payout (top), ==, 201 * PALIER_DECIMAL_ONE);
  g_assert_cmpint (palier_partner_item_get_component_payout (top, 0), ==, 176 * PALIER_DECIMAL_ONE);
  g_assert_cmpint (palier_partner_item_get_component_payout (top, 1), ==, 25 * PALIER_DECIMAL_ONE);
  g_assert_cmpstr (palier_partner_item_get_partner (second), ==, "P1");
  g_assert_cmpint (palier_partner_item_get_payout (second), ==, 112 * PALIER_DECIMAL_ONE);
}

static void
test_results_sort_by_partner (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkColumnView *table;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) partner_column = NULL;
  GListModel *model;

  simulate (fixture);
  table = GTK_COLUMN_VIEW (results_child (fixture, "partner_table"));
  columns = gtk_column_view_get_columns (table);
  partner_column = g_list_model_get_item (columns, 0);
  gtk_column_view_sort_by_column (table, partner_column, GTK_SORT_ASCENDING);
  model = G_LIST_MODEL (gtk_column_view_get_model (table));

  g_assert_cmpstr (item_partner (model, 0), ==, "P1");
  g_assert_cmpstr (item_partner (model, 1), ==, "P2");
}

static gboolean
one_partner_shown (gpointer data)
{
  GListModel *model = data;

  return g_list_model_get_n_items (model) == 1;
}

static void
test_results_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkEditable *entry;
  GListModel *model;

  simulate (fixture);
  entry = GTK_EDITABLE (results_child (fixture, "search_entry"));
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (results_child (fixture, "partner_table"))));

  /* Segments are searched too.  GtkSearchEntry emits "search-changed"
   * after a delay. */
  gtk_editable_set_text (entry, "gold");
  g_assert_true (palier_gui_test_wait_for (one_partner_shown, model, WAIT_TIMEOUT_US));
  g_assert_cmpstr (item_partner (model, 0), ==, "P1");
}

static void
test_results_component_totals (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkListBox *list;
  GtkListBoxRow *row;

  simulate (fixture);
  list = GTK_LIST_BOX (results_child (fixture, "component_list"));

  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Base commission");
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Quota club");
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
}

/* Opening files */

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

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_open_error_keeps_workspace (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.palier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_file_set_contents (path, "These are notes, not a workspace.\n", -1, &error);
  g_assert_no_error (error);

  palier_window_open_file (fixture->window, file);
  g_assert_true (palier_gui_test_wait_for (message_dialog_shown, NULL, WAIT_TIMEOUT_US));

  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open “notes.palier”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Palier workspace"));
  g_assert_true (palier_window_get_workspace (fixture->window) == fixture->workspace);
}

static gboolean
workspace_changed (gpointer data)
{
  Fixture *fixture = data;

  return palier_window_get_workspace (fixture->window) != fixture->workspace;
}

static void
test_open_workspace_replaces (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.palier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = NULL;
  PalierWorkspace *opened;

  make_workspace (path);
  palier_window_open_file (fixture->window, file);
  g_assert_true (palier_gui_test_wait_for (workspace_changed, fixture, WAIT_TIMEOUT_US));

  opened = palier_window_get_workspace (fixture->window);
  g_assert_cmpstr (palier_workspace_get_path (opened), ==, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "other — Palier");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window_child (fixture, "workspace_label"))), ==, "other");

  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, path);
}

static AdwMessageDialog *find_message_dialog (void);

/* The import either reloads the Data view or shows an error. */
static gboolean
import_finished (gpointer data)
{
  Fixture *fixture = data;

  return find_message_dialog () != NULL ||
         g_strcmp0 (data_label (fixture, "transactions_label"), "10") == 0;
}

static GtkWidget *
find_import_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PALIER_IS_IMPORT_DIALOG (l->data))
      dialog = l->data;

  g_list_free (toplevels);
  return dialog;
}

static gboolean
import_dialog_ready (gpointer data)
{
  GtkWidget *dialog = find_import_dialog ();

  return dialog != NULL &&
         palier_import_dialog_get_plan (PALIER_IMPORT_DIALOG (dialog)) != NULL &&
         !palier_import_dialog_is_checking (PALIER_IMPORT_DIALOG (dialog));
}

static gboolean
ten_transactions_shown (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (data_label (fixture, "transactions_label"), "10") == 0;
}

static void
test_open_csv_imports (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "june.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  GtkWidget *results = window_child (fixture, "results_view");

  g_file_set_contents (csv,
                       "Date,Partner,Segment,Category,Amount\n"
                       "2024-06-15,P1,Gold,Technology,500\n"
                       "2024-06-16,P1,Gold,Furniture,1000\n"
                       "2024-06-17,P2,Silver,Technology,400\n"
                       "2024-06-18,P1,Gold,Technology,300\n"
                       "2024-06-19,P2,Silver,Furniture,2500\n",
                       -1, &error);
  g_assert_no_error (error);

  simulate (fixture);

  /* Five more sales, added to the current workspace once the import
   * dialog checked them. */
  palier_window_open_file (fixture->window, file);
  g_assert_true (palier_gui_test_wait_for (import_dialog_ready, NULL, WAIT_TIMEOUT_US));
  g_assert_true (gtk_widget_activate_action (find_import_dialog (), "import.import", NULL));
  g_assert_true (palier_gui_test_wait_for (import_finished, fixture, WAIT_TIMEOUT_US));

  g_assert_null (find_message_dialog ());

  g_assert_true (palier_gui_test_wait_for (ten_transactions_shown, fixture, WAIT_TIMEOUT_US));
  g_assert_true (palier_window_get_workspace (fixture->window) == fixture->workspace);

  /* The results of the earlier sales are gone. */
  g_assert_null (palier_results_view_get_result (PALIER_RESULTS_VIEW (results)));
}

/* The workspace already holds the sales of this file, so the import is
 * rejected with the date of the earlier one and nothing is added. */
static void
test_open_csv_twice_rejected (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *csv = palier_test_data_path ("gui/sales.csv");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  AdwMessageDialog *dialog;

  palier_window_open_file (fixture->window, file);
  g_assert_true (palier_gui_test_wait_for (import_dialog_ready, NULL, WAIT_TIMEOUT_US));
  g_assert_true (gtk_widget_activate_action (find_import_dialog (), "import.import", NULL));
  g_assert_true (palier_gui_test_wait_for (message_dialog_shown, NULL, WAIT_TIMEOUT_US));

  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Import “sales.csv”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "was already imported on"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "(5 rows)"));
  g_assert_cmpstr (data_label (fixture, "transactions_label"), ==, "5");
}

/* Sample workspace and recent workspaces */

static void
test_sample_copied_once (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *bundled = g_build_filename (dir, "sample.palier", NULL);
  g_autofree char *expected = g_build_filename (user_data_dir, "palier", "Sample.palier", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (bundled, "bundled", -1, &error);
  g_assert_no_error (error);

  first = palier_sample_prepare_from (bundled, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected);
  g_file_get_contents (first, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "bundled");

  /* The user's copy is theirs: a second start keeps their edits. */
  g_file_set_contents (first, "edited", -1, &error);
  g_assert_no_error (error);
  second = palier_sample_prepare_from (bundled, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, expected);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (bundled, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "bundled");

  g_unlink (first);
}

static void
test_sample_missing (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.palier", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = palier_sample_prepare_from (missing, &error);

  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
}

static void
test_recent_workspaces (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) recent = NULL;
  GMenuModel *section;

  g_settings_reset (settings, "recent-workspaces");
  palier_application_note_workspace (application, "/tmp/a.palier");
  palier_application_note_workspace (application, "/tmp/b.palier");
  palier_application_note_workspace (application, "/tmp/a.palier");

  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, "/tmp/a.palier");
  g_assert_cmpstr (recent[1], ==, "/tmp/b.palier");

  section = G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (application),
                                                          "recent-workspaces"));
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
}

static void
test_recent_workspaces_limit (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) recent = NULL;

  g_settings_reset (settings, "recent-workspaces");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/%u.palier", i);
      palier_application_note_workspace (application, path);
    }

  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 10);
  g_assert_cmpstr (recent[0], ==, "/tmp/11.palier");
  g_assert_cmpstr (recent[9], ==, "/tmp/2.palier");
}

static void
test_window_size_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  PalierWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = palier_window_new (application);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  /* Closing saves the size the window has then. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_accelerators (void)
{
  GtkApplication *gtk_application = GTK_APPLICATION (application);
  g_auto(GStrv) simulate = gtk_application_get_accels_for_action (gtk_application, "win.simulate");
  g_auto(GStrv) undo = gtk_application_get_accels_for_action (gtk_application, "win.undo");
  g_auto(GStrv) redo = gtk_application_get_accels_for_action (gtk_application, "win.redo");
  g_auto(GStrv) open = gtk_application_get_accels_for_action (gtk_application, "win.open");

  g_assert_cmpuint (g_strv_length (simulate), ==, 2);
  g_assert_cmpstr (simulate[0], ==, "<Control>r");
  g_assert_cmpstr (simulate[1], ==, "F5");
  g_assert_cmpuint (g_strv_length (undo), ==, 1);
  g_assert_cmpstr (undo[0], ==, "<Control>z");
  g_assert_cmpuint (g_strv_length (redo), ==, 1);
  g_assert_cmpstr (redo[0], ==, "<Shift><Control>z");
  g_assert_cmpuint (g_strv_length (open), ==, 1);
  g_assert_cmpstr (open[0], ==, "<Control>o");
}

static void
add_window_test (const char *path,
                 void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
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

  add_window_test ("/gui/data/summary", test_data_summary);
  g_test_add_func ("/gui/data/empty-workspace", test_empty_workspace);
  add_window_test ("/gui/designer/lists-program", test_designer_lists_program);
  add_window_test ("/gui/designer/components", test_designer_components);
  add_window_test ("/gui/designer/tier-table", test_designer_tier_table);
  add_window_test ("/gui/designer/level-table", test_designer_level_table);
  add_window_test ("/gui/results/totals", test_results_totals);
  add_window_test ("/gui/results/partners-sorted", test_results_partners_sorted);
  add_window_test ("/gui/results/sort-by-partner", test_results_sort_by_partner);
  add_window_test ("/gui/results/search", test_results_search);
  add_window_test ("/gui/results/component-totals", test_results_component_totals);
  add_window_test ("/gui/window/open-error-keeps-workspace", test_open_error_keeps_workspace);
  add_window_test ("/gui/window/open-replaces-workspace", test_open_workspace_replaces);
  add_window_test ("/gui/window/open-csv-imports", test_open_csv_imports);
  add_window_test ("/gui/window/open-csv-twice", test_open_csv_twice_rejected);
  g_test_add_func ("/gui/sample/copied-once", test_sample_copied_once);
  g_test_add_func ("/gui/sample/missing", test_sample_missing);
  g_test_add_func ("/gui/application/recent-workspaces", test_recent_workspaces);
  g_test_add_func ("/gui/application/recent-limit", test_recent_workspaces_limit);
  g_test_add_func ("/gui/application/accelerators", test_accelerators);
  g_test_add_func ("/gui/window/size-saved", test_window_size_saved);

  status = g_test_run ();

  g_clear_object (&application);
  g_free (user_data_dir);

  return status;
}
