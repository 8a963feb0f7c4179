/* test-dialogs.c: the import and export dialogs and the Compare view
 *
 * Each test shows the window on a workspace made from files under
 * tests/data: five sales of two partners and a quarterly program, or the
 * comparison's sales and two programs whose comments work out the
 * payouts by hand.  The tests drive the dialogs through their actions
 * and widgets, and read the workspace back with a connection of their
 * own.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "palier-application.h"
#include "palier-compare-view.h"
#include "palier-comparison-item.h"
#include "palier-data-view.h"
#include "palier-designer-view.h"
#include "palier-export-dialog.h"
#include "palier-import-dialog.h"
#include "palier-import-problem-item.h"
#include "palier-results-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-window-private.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (60 * G_USEC_PER_SEC)

static PalierApplication *application;

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
  return palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, name);
}

/* The last shown toplevel of @type, or NULL. */
static gpointer
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;

  g_list_free (toplevels);
  return found;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Workspaces */

/* The workspace of the tests: the window's test sales and program, or,
 * with @comparison, the comparison's sales and both its programs. */
static void
make_workspace (const char *path,
                gboolean    comparison)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  if (comparison)
    {
      palier_gui_test_import_sales (store, "dialogs/compare-sales.csv");
      palier_gui_test_save_program (store, "dialogs/baseline.xml");
      palier_gui_test_save_program (store, "dialogs/proposal.xml");
    }
  else
    {
      palier_gui_test_import_sales (store, "gui/sales.csv");
      palier_gui_test_save_program (store, "gui/program.xml");
    }
}

/* The workspace's summary, read with a connection of the test's own. */
static PalierStoreSummary
read_summary (Fixture *fixture)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary = { 0 };

  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  palier_store_get_summary (store, &summary, &error);
  g_assert_no_error (error);

  return summary;
}

static const char *
data_label (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (window_child (fixture, "data_view"),
                                               PALIER_TYPE_DATA_VIEW, name)));
}

static gboolean
data_view_loaded (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (palier_gui_test_template_child (window_child (fixture, "data_view"),
                                      PALIER_TYPE_DATA_VIEW, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.palier", NULL);
  make_workspace (fixture->path, user_data != NULL);

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
    if (ADW_IS_MESSAGE_DIALOG (l->data) || PALIER_IS_IMPORT_DIALOG (l->data) ||
        PALIER_IS_EXPORT_DIALOG (l->data) || GTK_IS_FILE_CHOOSER (l->data))
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

/* Import dialog */

static gboolean
dialog_ready (gpointer data)
{
  PalierImportDialog *dialog = data;

  return palier_import_dialog_get_plan (dialog) != NULL &&
         !palier_import_dialog_is_checking (dialog);
}

/* Opens the import dialog on @path, as dropping the file does, and waits
 * until the dry run has checked every row. */
static PalierImportDialog *
open_import_dialog (Fixture    *fixture,
                    const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PalierImportDialog *dialog;

  palier_window_open_file (fixture->window, file);
  dialog = find_toplevel (PALIER_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));

  return dialog;
}

static PalierImportDialog *
open_import_dialog_on_data (Fixture    *fixture,
                            const char *relative)
{
  g_autofree char *path = palier_test_data_path (relative);

  return open_import_dialog (fixture, path);
}

static GtkWidget *
dialog_child (PalierImportDialog *dialog,
              const char         *name)
{
  return palier_gui_test_template_child (dialog, PALIER_TYPE_IMPORT_DIALOG, name);
}

/* The header the drop-down of @field shows, "Not used" included. */
static const char *
mapped_header (PalierImportDialog *dialog,
               PalierField         field)
{
  PalierColumnMappingRow *row = palier_import_dialog_get_mapping_row (dialog, field);
  GtkDropDown *drop_down = palier_column_mapping_row_get_drop_down (row);
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static const char *
mapping_subtitle (PalierImportDialog *dialog,
                  PalierField         field)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (palier_import_dialog_get_mapping_row (dialog, field)));
}

static guint
combo_selected (PalierImportDialog *dialog,
                const char         *name)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog, name)));
}

static gboolean
import_enabled (PalierImportDialog *dialog)
{
  return gtk_widget_is_sensitive (dialog_child (dialog, "import_button"));
}

static GListModel *
problems (PalierImportDialog *dialog)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (dialog_child (dialog, "problems_table"))));
}

static PalierImportProblemItem *
problem_at (PalierImportDialog *dialog,
            guint               position)
{
  PalierImportProblemItem *item = g_list_model_get_item (problems (dialog), position);

  g_assert_nonnull (item);
  /* The model keeps its own reference for the test's duration. */
  g_object_unref (item);
  return item;
}

static void
test_import_guess_english (Fixture       *fixture,
                           gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "csv/import-english.csv");

  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DATE), ==, "Order Date");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_PARTNER), ==, "Customer ID");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_AMOUNT), ==, "Sales");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_MARGIN), ==, "Profit");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_QUANTITY), ==, "Quantity");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_PRODUCT), ==, "Product ID");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_CATEGORY), ==, "Category");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_REGION), ==, "Region");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_SEGMENT), ==, "Segment");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DEAL), ==, "Order ID");

  /* Comma, point, year first, UTF-8. */
  g_assert_cmpuint (combo_selected (dialog, "delimiter_row"), ==, 0);
  g_assert_cmpuint (combo_selected (dialog, "decimal_mark_row"), ==, 0);
  g_assert_cmpuint (combo_selected (dialog, "date_order_row"), ==, 0);
  g_assert_cmpuint (combo_selected (dialog, "encoding_row"), ==, 0);

  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_DATE), ==, "“2017-01-03” reads as January 3, 2017");
  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_AMOUNT), ==, "“100.50” reads as 100.5");
  g_assert_true (import_enabled (dialog));
}

static void
test_import_guess_french (Fixture       *fixture,
                          gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "csv/import-french.csv");

  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DATE), ==, "Date de commande");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_PARTNER), ==, "Code client");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_AMOUNT), ==, "Montant");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_MARGIN), ==, "Marge");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_QUANTITY), ==, "Quantité");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_PRODUCT), ==, "Référence");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_CATEGORY), ==, "Catégorie");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_REGION), ==, "Région");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_SEGMENT), ==, "Type de partenaire");
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DEAL), ==, "N° de commande");

  /* Semicolon, comma, day first. */
  g_assert_cmpuint (combo_selected (dialog, "delimiter_row"), ==, 1);
  g_assert_cmpuint (combo_selected (dialog, "decimal_mark_row"), ==, 1);
  g_assert_cmpuint (combo_selected (dialog, "date_order_row"), ==, 2);

  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_DATE), ==, "“03/01/2017” reads as January 3, 2017");
  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_AMOUNT), ==, "“1 234,50” reads as 1,234.5");
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "csv/import-english.csv");
  GtkColumnView *table = GTK_COLUMN_VIEW (dialog_child (dialog, "preview_table"));
  GListModel *columns = gtk_column_view_get_columns (table);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) fifth = g_list_model_get_item (columns, 4);
  g_autoptr(GtkStringList) row = g_list_model_get_item (rows, 1);

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  /* A mapped column names its field, an unmapped one only itself. */
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Order ID → Deal");
  g_assert_cmpstr (gtk_column_view_column_get_title (fifth), ==, "Customer Name");
  g_assert_cmpstr (gtk_string_list_get_string (row, 9), ==, "1,200.00");
}

static void
test_import_date_order_changes_problems (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "dialogs/dates-dmy.csv");
  GtkWidget *date_order_row = dialog_child (dialog, "date_order_row");

  /* A day of 13 and one of 25 make the file day first. */
  g_assert_cmpuint (combo_selected (dialog, "date_order_row"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 0);
  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_DATE), ==, "“13/01/2024” reads as January 13, 2024");

  adw_combo_row_set_selected (ADW_COMBO_ROW (date_order_row), 1);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));

  g_assert_cmpint (palier_import_plan_get_date_order (palier_import_dialog_get_plan (dialog)), ==,
                   PALIER_DATE_ORDER_MDY);
  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_DATE), ==,
                   "“13/01/2024” cannot be read as a date in this order");

  /* As month first, 13/01 and 25/12 are no dates. */
  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 2);
  g_assert_cmpuint (palier_import_problem_item_get_line (problem_at (dialog, 0)), ==, 2);
  g_assert_cmpuint (palier_import_problem_item_get_line (problem_at (dialog, 1)), ==, 4);
  g_assert_cmpstr (palier_import_problem_item_get_value (problem_at (dialog, 1)), ==, "25/12/2024");
  g_assert_false (import_enabled (dialog));
}

static void
test_import_delimiter_rebuilds_plan (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "csv/import-english.csv");
  AdwComboRow *delimiter_row = ADW_COMBO_ROW (dialog_child (dialog, "delimiter_row"));
  GtkColumnView *preview = GTK_COLUMN_VIEW (dialog_child (dialog, "preview_table"));

  /* Read with semicolons, each line is one column that feeds nothing. */
  adw_combo_row_set_selected (delimiter_row, 1);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));

  g_assert_cmpint (palier_import_plan_get_delimiter (palier_import_dialog_get_plan (dialog)), ==, ';');
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview)), ==, 1);
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DATE), ==, "Not used");
  g_assert_false (import_enabled (dialog));

  /* Back to commas, the columns are guessed again. */
  adw_combo_row_set_selected (delimiter_row, 0);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));

  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview)), ==, 12);
  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DATE), ==, "Order Date");
  g_assert_true (import_enabled (dialog));
}

static void
test_import_lists_invalid_rows (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "dialogs/invalid-rows.csv");
  PalierImportProblemItem *item;
  PalierStoreSummary summary;

  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 3);

  item = problem_at (dialog, 0);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 3);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "Amount");
  g_assert_cmpstr (palier_import_problem_item_get_value (item), ==, "abc");

  item = problem_at (dialog, 1);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 5);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "Date");
  g_assert_cmpstr (palier_import_problem_item_get_value (item), ==, "2024-02-30");

  item = problem_at (dialog, 2);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 6);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "Partner");
  g_assert_cmpstr (palier_import_problem_item_get_value (item), ==, "");

  /* The reason leaves out the file and line, which have columns. */
  g_assert_false (g_str_has_prefix (palier_import_problem_item_get_reason (item), "invalid-rows.csv"));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "check_label"))), ==,
                   "3 of 6 rows cannot be imported. Turn on Skip Invalid Rows to import the "
                   "others, or correct the file and import it again.");

  /* Nothing is written before the import, which waits for the switch. */
  summary = read_summary (fixture);
  g_assert_cmpuint (summary.n_transactions, ==, 5);
  g_assert_false (import_enabled (dialog));
  gtk_switch_set_active (GTK_SWITCH (dialog_child (dialog, "skip_switch")), TRUE);
  g_assert_true (import_enabled (dialog));
}

static gboolean
transactions_shown (gpointer data)
{
  const char **expected = data;
  Fixture *fixture = (Fixture *) expected[1];

  return g_strcmp0 (data_label (fixture, "transactions_label"), expected[0]) == 0;
}

static void
wait_for_transactions (Fixture    *fixture,
                       const char *text)
{
  const char *expected[] = { text, (const char *) fixture };

  g_assert_true (palier_gui_test_wait_for (transactions_shown, expected, WAIT_TIMEOUT_US));
}

typedef struct {
  guint64 rows;
  guint64 skipped;
  gboolean imported;
  gboolean cancelled;
  double max_fraction;
  PalierImportDialog *dialog;           /* weak */
} ImportWatch;

static void
imported_cb (PalierImportDialog *dialog,
             guint64             rows,
             guint64             skipped,
             ImportWatch        *watch)
{
  watch->imported = TRUE;
  watch->rows = rows;
  watch->skipped = skipped;
}

static void
import_cancelled_cb (PalierImportDialog *dialog,
                     ImportWatch        *watch)
{
  watch->cancelled = TRUE;
}

static void
fraction_changed_cb (GtkProgressBar *bar,
                     GParamSpec     *pspec,
                     ImportWatch    *watch)
{
  watch->max_fraction = MAX (watch->max_fraction, gtk_progress_bar_get_fraction (bar));
}

static void
watch_import (ImportWatch        *watch,
              PalierImportDialog *dialog)
{
  *watch = (ImportWatch) { 0 };
  watch->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &watch->dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), watch);
  g_signal_connect (dialog, "import-cancelled", G_CALLBACK (import_cancelled_cb), watch);
  g_signal_connect (dialog_child (dialog, "progress_bar"), "notify::fraction",
                    G_CALLBACK (fraction_changed_cb), watch);
}

static gboolean
dialog_closed (gpointer data)
{
  ImportWatch *watch = data;

  return watch->dialog == NULL;
}

static void
test_import_skips_invalid_rows (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "dialogs/invalid-rows.csv");
  PalierStoreSummary summary;
  ImportWatch watch;

  watch_import (&watch, dialog);
  gtk_switch_set_active (GTK_SWITCH (dialog_child (dialog, "skip_switch")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (palier_gui_test_wait_for (dialog_closed, &watch, WAIT_TIMEOUT_US));

  g_assert_true (watch.imported);
  g_assert_cmpuint (watch.rows, ==, 3);
  g_assert_cmpuint (watch.skipped, ==, 3);
  wait_for_transactions (fixture, "8");

  summary = read_summary (fixture);
  g_assert_cmpuint (summary.n_transactions, ==, 8);
  g_assert_cmpuint (summary.n_imports, ==, 2);
}

/* Writes @n_rows sales of 20 partners to a CSV file in the fixture's
 * folder: about 30 bytes a row. */
static char *
write_large_csv (Fixture *fixture,
                 guint    n_rows)
{
  g_autofree char *path = g_build_filename (fixture->dir, "large.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Date,Partner,Amount\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2024-%02u-%02u,P%u,%u.%02u\n",
                            i % 12 + 1, i % 28 + 1, i % 20, i % 1000, i % 100);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_import_progress_and_summary (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *path = write_large_csv (fixture, 20000);
  PalierImportDialog *dialog = open_import_dialog (fixture, path);
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  PalierStoreSummary summary;
  ImportWatch watch;

  watch_import (&watch, dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (dialog, "stack"))), ==,
                   "importing");
  g_assert_true (palier_gui_test_wait_for (dialog_closed, &watch, WAIT_TIMEOUT_US));

  g_assert_true (watch.imported);
  g_assert_cmpuint (watch.rows, ==, 20000);
  g_assert_cmpuint (watch.skipped, ==, 0);
  g_assert_cmpfloat (watch.max_fraction, ==, 1.0);

  /* The Data view shows the five sales and the new ones, whose partners
   * P0 to P19 include the two partners already there. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "data");
  wait_for_transactions (fixture, "20,005");
  g_assert_cmpstr (data_label (fixture, "partners_label"), ==, "20");
  g_assert_cmpstr (data_label (fixture, "imports_label"), ==, "2");

  summary = read_summary (fixture);
  g_assert_cmpuint (summary.n_transactions, ==, 20005);
}

static gboolean
import_progressed (gpointer data)
{
  ImportWatch *watch = data;

  return watch->max_fraction > 0.0 || watch->dialog == NULL;
}

static void
test_import_cancel_leaves_workspace (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *path = write_large_csv (fixture, 400000);
  PalierImportDialog *dialog = open_import_dialog (fixture, path);
  PalierStoreSummary summary;
  ImportWatch watch;

  watch_import (&watch, dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));

  /* Cancel once rows are being written. */
  g_assert_true (palier_gui_test_wait_for (import_progressed, &watch, WAIT_TIMEOUT_US));
  g_assert_nonnull (watch.dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  g_assert_true (palier_gui_test_wait_for (dialog_closed, &watch, WAIT_TIMEOUT_US));

  g_assert_true (watch.cancelled);
  g_assert_false (watch.imported);

  summary = read_summary (fixture);
  g_assert_cmpuint (summary.n_transactions, ==, 5);
  g_assert_cmpuint (summary.n_imports, ==, 1);
  g_assert_cmpstr (data_label (fixture, "transactions_label"), ==, "5");
}

static void
test_import_unmapped_required (Fixture       *fixture,
                               gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "dialogs/unknown-headers.csv");
  GtkDropDown *date;
  GtkDropDown *partner;
  GtkDropDown *amount;

  g_assert_cmpstr (mapped_header (dialog, PALIER_FIELD_DATE), ==, "Not used");
  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_PARTNER), ==, "Required: choose a column");
  g_assert_false (import_enabled (dialog));

  /* Choices are "Not used", then the columns in order. */
  date = palier_column_mapping_row_get_drop_down (palier_import_dialog_get_mapping_row (dialog, PALIER_FIELD_DATE));
  partner = palier_column_mapping_row_get_drop_down (palier_import_dialog_get_mapping_row (dialog, PALIER_FIELD_PARTNER));
  amount = palier_column_mapping_row_get_drop_down (palier_import_dialog_get_mapping_row (dialog, PALIER_FIELD_AMOUNT));
  gtk_drop_down_set_selected (date, 1);
  gtk_drop_down_set_selected (partner, 2);
  g_assert_false (import_enabled (dialog));
  gtk_drop_down_set_selected (amount, 3);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));

  g_assert_cmpstr (mapping_subtitle (dialog, PALIER_FIELD_AMOUNT), ==, "“100” reads as 100");
  g_assert_true (import_enabled (dialog));
}

static void
test_import_cancel_before_import (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  PalierImportDialog *dialog = open_import_dialog_on_data (fixture, "csv/import-english.csv");
  ImportWatch watch;

  watch_import (&watch, dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));

  g_assert_null (watch.dialog);
  g_assert_false (watch.cancelled);
  g_assert_cmpuint (read_summary (fixture).n_transactions, ==, 5);
}

static void
test_import_result_message (void)
{
  g_autofree char *one = palier_import_dialog_format_result (1, 0);
  g_autofree char *many = palier_import_dialog_format_result (9994, 0);
  g_autofree char *skipped = palier_import_dialog_format_result (9991, 3);
  g_autofree char *skipped_one = palier_import_dialog_format_result (2, 1);

  g_assert_cmpstr (one, ==, "Imported 1 row");
  g_assert_cmpstr (many, ==, "Imported 9,994 rows");
  g_assert_cmpstr (skipped, ==, "Imported 9,991 rows, 3 invalid rows left out");
  g_assert_cmpstr (skipped_one, ==, "Imported 2 rows, 1 invalid row left out");
}

/* Export dialog */

static PalierExportDialog *
open_export_dialog (Fixture *fixture)
{
  PalierExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  dialog = find_toplevel (PALIER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

static gboolean
file_written (gpointer data)
{
  gpointer *watch = data;

  return watch[0] == NULL || find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Exports the selected item to @name in the fixture's folder and waits
 * until the dialog closes or shows an error.  Returns the path. */
static char *
export_to (Fixture            *fixture,
           PalierExportDialog *dialog,
           const char         *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer watch[1] = { dialog };

  g_object_add_weak_pointer (G_OBJECT (dialog), &watch[0]);
  palier_export_dialog_export_to_file (dialog, file);
  g_assert_true (palier_gui_test_wait_for (file_written, watch, WAIT_TIMEOUT_US));
  if (watch[0] != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), &watch[0]);

  return g_steal_pointer (&path);
}

static void
test_export_program_reads_back (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PalierExportDialog *dialog = open_export_dialog (fixture);
  PalierProgram *shown = palier_designer_view_get_program (PALIER_DESIGNER_VIEW (window_child (fixture, "designer_view")));
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PalierProgram) read_back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_PROGRAM));
  name = palier_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "test-2024.xml");

  path = export_to (fixture, dialog, "program.xml");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  read_back = palier_program_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (read_back, shown));
}

static void
check_magic (const char *path,
             const char *magic,
             gsize       magic_length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, magic_length);
  g_assert_cmpmem (contents, magic_length, magic, magic_length);
}

static void
set_image (PalierExportDialog *dialog,
           guint               format,
           double              width,
           double              height)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (palier_gui_test_template_child (dialog, PALIER_TYPE_EXPORT_DIALOG, "format_row")), format);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (palier_gui_test_template_child (dialog, PALIER_TYPE_EXPORT_DIALOG, "width_spin")), width);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (palier_gui_test_template_child (dialog, PALIER_TYPE_EXPORT_DIALOG, "height_spin")), height);
}

static void
test_export_curve_png (Fixture       *fixture,
                       gconstpointer  user_data)
{
  PalierExportDialog *dialog = open_export_dialog (fixture);
  AdwComboRow *size_row = ADW_COMBO_ROW (palier_gui_test_template_child (dialog, PALIER_TYPE_EXPORT_DIALOG, "size_row"));
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *png_path = NULL;
  cairo_surface_t *surface;

  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_PAYOUT_CURVE));
  set_image (dialog, 0, 640, 400);
  g_assert_cmpuint (adw_combo_row_get_selected (size_row), ==, 5);
  name = palier_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "test-2024-base-curve.png");

  /* The extension comes from the format when the name lacks it. */
  path = export_to (fixture, dialog, "curve");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  png_path = g_strconcat (path, ".png", NULL);
  check_magic (png_path, "\x89PNG\r\n\x1a\n", 8);

  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  cairo_surface_destroy (surface);
}

static gboolean
has_result (gpointer data)
{
  Fixture *fixture = data;

  return palier_results_view_get_result (PALIER_RESULTS_VIEW (window_child (fixture, "results_view"))) != NULL;
}

static void
simulate (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.simulate", NULL));
  g_assert_true (palier_gui_test_wait_for (has_result, fixture, WAIT_TIMEOUT_US));
}

static void
test_export_result_charts (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const struct {
    PalierExportItem  item;
    guint             format;
    const char       *name;
    const char       *magic;
  } exports[] = {
    { PALIER_EXPORT_PERIODS, 1, "periods.svg", "<?xml" },
    { PALIER_EXPORT_DISTRIBUTION, 2, "distribution.pdf", "%PDF-" },
    { PALIER_EXPORT_PERIODS, 0, "periods.png", "\x89PNG\r\n\x1a\n" },
  };

  simulate (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      PalierExportDialog *dialog = open_export_dialog (fixture);
      g_autofree char *path = NULL;

      g_assert_true (palier_export_dialog_select_item (dialog, exports[i].item));
      set_image (dialog, exports[i].format, 842, 595);
      path = export_to (fixture, dialog, exports[i].name);

      g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      check_magic (path, exports[i].magic, strlen (exports[i].magic));
    }
}

static void
test_export_results_csv (Fixture       *fixture,
                         gconstpointer  user_data)
{
  PalierExportDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  simulate (fixture);
  dialog = open_export_dialog (fixture);
  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_RESULTS));
  name = palier_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "test-2024-results.csv");

  path = export_to (fixture, dialog, "results.csv");
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  /* One line per partner and period, with the payouts the program's
   * comment works out, and CRLF line ends as RFC 4180 has them. */
  g_assert_true (g_str_has_prefix (contents, "partner,segment,period,"));
  g_assert_nonnull (strstr (contents, "\r\nP1,Gold,2024-Q1,1500.00,1000.00,1.500000,100.00,75.00,25.00\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nP2,Silver,2024-Q2,2500.00,1000.00,2.500000,185.00,160.00,25.00\r\n"));
}

static void
test_export_error_names_file (Fixture       *fixture,
                              gconstpointer  user_data)
{
  PalierExportDialog *dialog = open_export_dialog (fixture);
  g_autofree char *path = NULL;
  AdwMessageDialog *message;

  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_PAYOUT_CURVE));
  path = export_to (fixture, dialog, "missing-folder/curve.png");

  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Cannot Export “curve.png”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "curve.png"));

  /* The dialog stays open for another try. */
  g_assert_true (find_toplevel (PALIER_TYPE_EXPORT_DIALOG) == dialog);
}

static void
test_export_offers_what_exists (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PalierExportDialog *dialog = open_export_dialog (fixture);

  /* Before a simulation: the program and its curves only. */
  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_PROGRAM));
  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_PAYOUT_CURVE));
  g_assert_false (palier_export_dialog_select_item (dialog, PALIER_EXPORT_PERIODS));
  g_assert_false (palier_export_dialog_select_item (dialog, PALIER_EXPORT_RESULTS));
  g_assert_false (palier_export_dialog_select_item (dialog, PALIER_EXPORT_DIFFERENCES));
}

/* Program import */

static void
test_program_import_schema_error (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *path = palier_test_data_path ("xml/schema-missing-id.xml");
  AdwMessageDialog *message;
  const char *body;
  g_autoptr(GPtrArray) ids = NULL;

  _palier_window_import_program (fixture->window, path);
  g_assert_true (palier_gui_test_wait_for (message_dialog_shown, NULL, WAIT_TIMEOUT_US));

  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  body = adw_message_dialog_get_body (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Cannot Import “schema-missing-id.xml”");
  g_assert_nonnull (strstr (body, "schema-missing-id.xml:4:"));
  g_assert_nonnull (strstr (body, "<commission> is missing the required attribute “id”"));
  g_assert_nonnull (strstr (body, "structure of a Palier program"));

  ids = palier_store_list_programs (palier_workspace_get_store (fixture->workspace), NULL);
  g_assert_cmpuint (ids->len, ==, 1);
}

static void
test_program_import_saves (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = palier_test_data_path ("dialogs/proposal.xml");
  PalierDesignerView *designer = PALIER_DESIGNER_VIEW (window_child (fixture, "designer_view"));
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  g_autoptr(PalierProgram) saved = NULL;
  g_autoptr(PalierProgram) expected = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list;

  _palier_window_import_program (fixture->window, path);

  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  ids = palier_store_list_programs (palier_workspace_get_store (fixture->workspace), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);

  saved = palier_store_load_program (palier_workspace_get_store (fixture->workspace), "flat-2024", &error);
  g_assert_no_error (error);
  expected = palier_program_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (saved, expected));

  /* The Designer lists it. */
  list = GTK_LIST_BOX (palier_gui_test_template_child (designer, PALIER_TYPE_DESIGNER_VIEW, "program_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "designer");
}

/* Compare view */

static GtkWidget *
compare_child (Fixture    *fixture,
               const char *name)
{
  return palier_gui_test_template_child (window_child (fixture, "compare_view"), PALIER_TYPE_COMPARE_VIEW, name);
}

static const char *
compare_label (Fixture    *fixture,
               const char *name)
{
  return gtk_label_get_text (GTK_LABEL (compare_child (fixture, name)));
}

static gboolean
comparison_done (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (compare_child (fixture, "result_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "running") != 0;
}

static void
compare (Fixture    *fixture,
         const char *baseline,
         const char *proposal)
{
  PalierCompareView *view = PALIER_COMPARE_VIEW (window_child (fixture, "compare_view"));

  g_assert_true (palier_compare_view_select (view, baseline, proposal));
  g_assert_true (palier_gui_test_wait_for (comparison_done, fixture, WAIT_TIMEOUT_US));
}

static const char *
item_partner (GListModel *model,
              guint       position)
{
  g_autoptr(PalierComparisonItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return palier_comparison_item_get_partner (item);
}

static GListModel *
compare_rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (compare_child (fixture, "partner_table"))));
}

static void
test_compare_totals (Fixture       *fixture,
                     gconstpointer  user_data)
{
  PalierCompareView *view = PALIER_COMPARE_VIEW (window_child (fixture, "compare_view"));
  PalierComparison *comparison;

  compare (fixture, "tiers-2024", "flat-2024");

  /* The payouts the programs' comments work out: 313 and 256. */
  g_assert_cmpstr (compare_label (fixture, "baseline_label"), ==, "$313.00");
  g_assert_cmpstr (compare_label (fixture, "proposal_label"), ==, "$256.00");
  g_assert_cmpstr (compare_label (fixture, "difference_label"), ==, "-$57.00");

  /* P1 gains 12, P2 loses 69, P3 is paid nothing by either. */
  g_assert_cmpstr (compare_label (fixture, "gain_label"), ==, "1");
  g_assert_cmpstr (compare_label (fixture, "lose_label"), ==, "1");
  g_assert_cmpstr (compare_label (fixture, "same_label"), ==, "1");

  comparison = palier_compare_view_get_comparison (view);
  g_assert_nonnull (comparison);
  g_assert_cmpint (comparison->difference, ==, -57 * PALIER_DECIMAL_ONE);
}

static void
test_compare_rows_by_size (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GListModel *rows;
  g_autoptr(PalierComparisonItem) top = NULL;

  compare (fixture, "tiers-2024", "flat-2024");
  rows = compare_rows (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpstr (item_partner (rows, 0), ==, "P2");
  g_assert_cmpstr (item_partner (rows, 1), ==, "P1");
  g_assert_cmpstr (item_partner (rows, 2), ==, "P3");

  top = g_list_model_get_item (rows, 0);
  g_assert_cmpint (palier_comparison_item_get_row (top)->difference, ==, -69 * PALIER_DECIMAL_ONE);
}

static void
test_compare_sort_by_difference (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GtkColumnView *table;
  g_autoptr(GtkColumnViewColumn) difference = NULL;
  GListModel *rows;

  compare (fixture, "tiers-2024", "flat-2024");
  table = GTK_COLUMN_VIEW (compare_child (fixture, "partner_table"));
  difference = g_list_model_get_item (gtk_column_view_get_columns (table), 4);
  gtk_column_view_sort_by_column (table, difference, GTK_SORT_DESCENDING);
  rows = compare_rows (fixture);

  g_assert_cmpstr (item_partner (rows, 0), ==, "P1");
  g_assert_cmpstr (item_partner (rows, 1), ==, "P3");
  g_assert_cmpstr (item_partner (rows, 2), ==, "P2");
}

static gboolean
one_row_shown (gpointer data)
{
  return g_list_model_get_n_items (data) == 1;
}

static void
test_compare_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GListModel *rows;

  compare (fixture, "tiers-2024", "flat-2024");
  rows = compare_rows (fixture);

  /* Segments are searched too. */
  gtk_editable_set_text (GTK_EDITABLE (compare_child (fixture, "search_entry")), "silver");
  g_assert_true (palier_gui_test_wait_for (one_row_shown, rows, WAIT_TIMEOUT_US));
  g_assert_cmpstr (item_partner (rows, 0), ==, "P2");
}

static void
test_compare_swapped (Fixture       *fixture,
                      gconstpointer  user_data)
{
  compare (fixture, "flat-2024", "tiers-2024");

  g_assert_cmpstr (compare_label (fixture, "baseline_label"), ==, "$256.00");
  g_assert_cmpstr (compare_label (fixture, "difference_label"), ==, "+$57.00");
  g_assert_cmpstr (compare_label (fixture, "gain_label"), ==, "1");
  g_assert_cmpstr (compare_label (fixture, "lose_label"), ==, "1");
}

static void
test_compare_same_program (Fixture       *fixture,
                           gconstpointer  user_data)
{
  PalierCompareView *view = PALIER_COMPARE_VIEW (window_child (fixture, "compare_view"));
  GtkStack *stack = GTK_STACK (compare_child (fixture, "result_stack"));

  compare (fixture, "flat-2024", "flat-2024");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_null (palier_compare_view_get_comparison (view));
}

static void
test_compare_needs_two_programs (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  PalierCompareView *view = PALIER_COMPARE_VIEW (window_child (fixture, "compare_view"));
  GtkStack *stack = GTK_STACK (compare_child (fixture, "stack"));

  palier_compare_view_reload (view);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-programs");
  g_assert_false (palier_compare_view_select (view, "test-2024", "test-2024"));
}

static void
test_compare_exports_chart (Fixture       *fixture,
                            gconstpointer  user_data)
{
  PalierExportDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  compare (fixture, "tiers-2024", "flat-2024");
  dialog = open_export_dialog (fixture);
  g_assert_true (palier_export_dialog_select_item (dialog, PALIER_EXPORT_DIFFERENCES));
  set_image (dialog, 2, 842, 595);
  name = palier_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "flat-2024-vs-tiers-2024.pdf");

  path = export_to (fixture, dialog, name);
  check_magic (path, "%PDF-", 5);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

static void
add_compare_test (const char *path,
                  void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, "compare", fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_data_dir = NULL;
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

  add_test ("/dialogs/import/guess-english", test_import_guess_english);
  add_test ("/dialogs/import/guess-french", test_import_guess_french);
  add_test ("/dialogs/import/preview", test_import_preview);
  add_test ("/dialogs/import/date-order-changes-problems", test_import_date_order_changes_problems);
  add_test ("/dialogs/import/delimiter-rebuilds-plan", test_import_delimiter_rebuilds_plan);
  add_test ("/dialogs/import/lists-invalid-rows", test_import_lists_invalid_rows);
  add_test ("/dialogs/import/skips-invalid-rows", test_import_skips_invalid_rows);
  add_test ("/dialogs/import/progress-and-summary", test_import_progress_and_summary);
  add_test ("/dialogs/import/cancel-leaves-workspace", test_import_cancel_leaves_workspace);
  add_test ("/dialogs/import/cancel-before-import", test_import_cancel_before_import);
  add_test ("/dialogs/import/unmapped-required", test_import_unmapped_required);
  g_test_add_func ("/dialogs/import/result-message", test_import_result_message);
  add_test ("/dialogs/export/program-reads-back", test_export_program_reads_back);
  add_test ("/dialogs/export/curve-png", test_export_curve_png);
  add_test ("/dialogs/export/result-charts", test_export_result_charts);
  add_test ("/dialogs/export/results-csv", test_export_results_csv);
  add_test ("/dialogs/export/error-names-file", test_export_error_names_file);
  add_test ("/dialogs/export/offers-what-exists", test_export_offers_what_exists);
  add_test ("/dialogs/program/import-schema-error", test_program_import_schema_error);
  add_test ("/dialogs/program/import-saves", test_program_import_saves);
  add_compare_test ("/dialogs/compare/totals", test_compare_totals);
  add_compare_test ("/dialogs/compare/rows-by-size", test_compare_rows_by_size);
  add_compare_test ("/dialogs/compare/sort-by-difference", test_compare_sort_by_difference);
  add_compare_test ("/dialogs/compare/search", test_compare_search);
  add_compare_test ("/dialogs/compare/swapped", test_compare_swapped);
  add_compare_test ("/dialogs/compare/same-program", test_compare_same_program);
  add_test ("/dialogs/compare/needs-two-programs", test_compare_needs_two_programs);
  add_compare_test ("/dialogs/compare/exports-chart", test_compare_exports_chart);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
