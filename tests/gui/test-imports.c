/* test-imports.c: partners and quotas files through the import dialog
 *
 * The workspace contains AdventureWorks' reseller sales and a program whose
 * rates depend on each reseller's business type and whose commission
 * depends on attainment of a quota.  The tests import the resellers file
 * and quotas files written here through the dialog, and check the stored
 * rows, the Data view and the simulated result.  With
 * PALIER_SCREENSHOT_DIR set, they also save pictures of the dialogs.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "palier-application.h"
#include "palier-data-view.h"
#include "palier-import-dialog.h"
#include "palier-import-problem-item.h"
#include "palier-results-view.h"
#include "palier-gui-test.h"
#include "palier-test.h"
#include "palier-window-private.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (120 * G_USEC_PER_SEC)

#define ADVENTUREWORKS "data/real/adventureworks-resellers/"

static PalierApplication *application;

/* The workspace every test copies: the reseller sales and the program. */
static char *template_path;

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
  return palier_gui_test_template_child (fixture->window, PALIER_TYPE_WINDOW, name);
}

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

/* Workspaces */

static void
make_template (const char *sales,
               const char *path)
{
  g_autofree char *xml = palier_test_data_path ("programs/adventureworks-segments.xml");
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  palier_import_options_init (&options);
  options.columns[PALIER_FIELD_DATE] = g_strdup ("OrderDate");
  options.columns[PALIER_FIELD_PARTNER] = g_strdup ("ResellerKey");
  options.columns[PALIER_FIELD_AMOUNT] = g_strdup ("SalesAmount");
  plan = palier_import_plan_new (sales, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);
  palier_store_import_sales (store, plan, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  program = palier_program_read_file (xml, &error);
  g_assert_no_error (error);
  palier_store_save_program (store, program, "AdventureWorks segments", &error);
  g_assert_no_error (error);
}

static gboolean
data_view_loaded (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (palier_gui_test_template_child (window_child (fixture, "data_view"),
                                      PALIER_TYPE_DATA_VIEW, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static const char *
data_label (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (palier_gui_test_template_child (window_child (fixture, "data_view"),
                                               PALIER_TYPE_DATA_VIEW, name)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (template_path == NULL)
    return;

  fixture->dir = palier_test_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "adventureworks.palier", NULL);
  g_file_get_contents (template_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  fixture->workspace = palier_workspace_open (fixture->path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  fixture->window = palier_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
  palier_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (palier_gui_test_wait_for (data_view_loaded, fixture, WAIT_TIMEOUT_US));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GList *toplevels;

  if (fixture->window == NULL)
    return;

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || PALIER_IS_IMPORT_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->workspace);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Simulation */

static PalierResult *
shown_result (Fixture *fixture)
{
  return palier_results_view_get_result (PALIER_RESULTS_VIEW (window_child (fixture, "results_view")));
}

static gboolean
has_result (gpointer data)
{
  return shown_result (data) != NULL;
}

static PalierDecimal
simulate_total (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.simulate", NULL));
  g_assert_true (palier_gui_test_wait_for (has_result, fixture, WAIT_TIMEOUT_US));
  return shown_result (fixture)->total_payout;
}

typedef struct {
  Fixture *fixture;
  PalierDecimal before;
} TotalWatch;

/* Whether the window simulated again after an import, to a new total. */
static gboolean
total_changed (gpointer data)
{
  TotalWatch *watch = data;
  PalierResult *result = shown_result (watch->fixture);

  return result != NULL && result->total_payout != watch->before;
}

/* Import dialog */

static gboolean
dialog_ready (gpointer data)
{
  PalierImportDialog *dialog = data;

  return palier_import_dialog_get_file_check (dialog) != NULL &&
         !palier_import_dialog_is_checking (dialog);
}

static GtkWidget *
dialog_child (PalierImportDialog *dialog,
              const char         *name)
{
  return palier_gui_test_template_child (dialog, PALIER_TYPE_IMPORT_DIALOG, name);
}

static const char *
mapped_header (PalierImportDialog *dialog,
               guint               field)
{
  PalierColumnMappingRow *row = palier_import_dialog_get_mapping_row (dialog, field);
  GtkStringObject *item = gtk_drop_down_get_selected_item (palier_column_mapping_row_get_drop_down (row));

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
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
  g_object_unref (item);
  return item;
}

static PalierImportDialog *
open_dialog (Fixture          *fixture,
             const char       *path,
             PalierImportKind  kind)
{
  PalierImportDialog *dialog = _palier_window_import_file_kind (fixture->window, path, kind);

  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 900);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));
  return dialog;
}

typedef struct {
  PalierImportDialog *dialog;           /* weak */
  gboolean imported;
  guint64 rows;
} ImportWatch;

static void
imported_cb (PalierImportDialog *dialog,
             guint64             rows,
             guint64             skipped,
             ImportWatch        *watch)
{
  watch->imported = TRUE;
  watch->rows = rows;
}

static gboolean
dialog_closed (gpointer data)
{
  ImportWatch *watch = data;

  return watch->dialog == NULL;
}

/* Imports what @dialog checked and returns the rows it reported. */
static guint64
run_import (PalierImportDialog *dialog)
{
  ImportWatch watch = { dialog, FALSE, 0 };

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &watch.dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &watch);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (palier_gui_test_wait_for (dialog_closed, &watch, WAIT_TIMEOUT_US));
  g_assert_true (watch.imported);
  return watch.rows;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static const PalierPartner *
find_partner (GPtrArray  *partners,
              const char *code)
{
  for (guint i = 0; i < partners->len; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (partners, i);

      if (g_strcmp0 (partner->code, code) == 0)
        return partner;
    }

  g_assert_not_reached ();
}

typedef struct {
  Fixture *fixture;
  const char *name;
  const char *expected;
} LabelWatch;

static gboolean
label_shows (gpointer data)
{
  LabelWatch *watch = data;

  return g_strcmp0 (data_label (watch->fixture, watch->name), watch->expected) == 0;
}

/* Tests */

static gboolean
skip_without_shared (Fixture *fixture)
{
  if (template_path != NULL)
    return FALSE;

  g_test_skip ("the shared AdventureWorks files are absent");
  return TRUE;
}

/* Drops Resellers.csv on the window, chooses Partners, and imports it
 * with ResellerKey as the partner and BusinessType as the segment. */
static void
import_resellers (Fixture *fixture)
{
  g_autofree char *path = palier_test_shared_path (ADVENTUREWORKS "Resellers.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *question;
  PalierImportDialog *dialog;

  palier_window_open_file (fixture->window, file);
  g_assert_true (palier_gui_test_wait_for (message_dialog_shown, NULL, WAIT_TIMEOUT_US));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "partners");
  save_screenshot (GTK_WIDGET (question), "import-kind-question");
  adw_message_dialog_response (question, "partners");
  gtk_window_destroy (GTK_WINDOW (question));

  dialog = find_toplevel (PALIER_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (palier_import_dialog_get_kind (dialog), ==, PALIER_IMPORT_KIND_PARTNERS);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 900);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));

  g_assert_cmpstr (mapped_header (dialog, PALIER_PARTNERS_FIELD_PARTNER), ==, "ResellerKey");
  g_assert_cmpstr (mapped_header (dialog, PALIER_PARTNERS_FIELD_SEGMENT), ==, "BusinessType");
  g_assert_cmpstr (mapped_header (dialog, PALIER_PARTNERS_FIELD_NAME), ==, "ResellerName");
  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 0);
  g_assert_cmpuint (palier_import_dialog_get_file_check (dialog)->rows_read, ==, 701);
  g_assert_true (import_enabled (dialog));
  save_screenshot (GTK_WIDGET (dialog), "import-partners");

  g_assert_cmpuint (run_import (dialog), ==, 701);
}

static void
test_partners_resellers (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  const PalierPartner *partner;
  TotalWatch total = { fixture, 0 };
  LabelWatch label = { fixture, "partners_label", "701" };

  if (skip_without_shared (fixture))
    return;

  /* Without segments every reseller earns the default rates. */
  total.before = simulate_total (fixture);
  import_resellers (fixture);

  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, 701);
  partner = find_partner (partners, "1");
  g_assert_cmpstr (partner->segment, ==, "Value Added Reseller");
  g_assert_cmpstr (partner->name, ==, "A Bike Store");
  partner = find_partner (partners, "3");
  g_assert_cmpstr (partner->segment, ==, "Warehouse");

  /* Every reseller of the sales is in the file, so the count stays at
   * the file's 701 resellers. */
  g_assert_true (palier_gui_test_wait_for (label_shows, &label, WAIT_TIMEOUT_US));
  g_assert_true (palier_gui_test_wait_for (total_changed, &total, WAIT_TIMEOUT_US));
  save_screenshot (GTK_WIDGET (fixture->window), "data-after-partners");
}

/* Quotas of FY2018-Q1 (July to September 2017): a quota of 1 puts all
 * but the first unit of reseller 676's sales of that quarter above
 * attainment 1.0, where every segment's rate is higher than below it. */
static const char good_quotas[] =
  "Reseller;Quarter;Target\n"
  "676;FY2018-Q1;1\n"
  "676;FY2018-Q2;1\n"
  "1;FY2018-Q1;1\n";

static void
test_quotas_fiscal_change_result (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) quotas = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportDialog *dialog;
  PalierImportProblemItem *item;
  const PalierQuota *quota;
  TotalWatch total = { fixture, 0 };
  LabelWatch label = { fixture, "quotas_label", "3" };
  AdwComboRow *fiscal_row;
  GtkDropDown *period;
  g_autofree char *unread = NULL;

  if (skip_without_shared (fixture))
    return;

  total.before = simulate_total (fixture);
  path = write_file (fixture, "quotas.csv", good_quotas);
  dialog = open_dialog (fixture, path, PALIER_IMPORT_KIND_QUOTAS);

  g_assert_cmpstr (mapped_header (dialog, PALIER_QUOTAS_FIELD_PARTNER), ==, "Reseller");
  g_assert_cmpstr (mapped_header (dialog, PALIER_QUOTAS_FIELD_QUOTA), ==, "Target");

  /* No common header names "Quarter": the user chooses it, the second
   * column, after "Not used". */
  g_assert_cmpstr (mapped_header (dialog, PALIER_QUOTAS_FIELD_PERIOD), ==, _("Not used"));
  g_assert_false (import_enabled (dialog));
  period = palier_column_mapping_row_get_drop_down (palier_import_dialog_get_mapping_row (dialog, PALIER_QUOTAS_FIELD_PERIOD));
  gtk_drop_down_set_selected (period, 2);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));
  g_assert_cmpstr (mapped_header (dialog, PALIER_QUOTAS_FIELD_PERIOD), ==, "Quarter");
  unread = g_strdup_printf (_("“%s” cannot be read as a period"), "FY2018-Q1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (palier_import_dialog_get_mapping_row (dialog, PALIER_QUOTAS_FIELD_PERIOD))),
                   ==, unread);

  /* Fiscal labels need the month the fiscal year starts in. */
  fiscal_row = ADW_COMBO_ROW (dialog_child (dialog, "fiscal_year_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fiscal_row)));
  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 3);
  item = problem_at (dialog, 0);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 2);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "Quarter");
  g_assert_false (import_enabled (dialog));

  adw_combo_row_set_selected (fiscal_row, 6);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));
  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 0);
  g_assert_true (import_enabled (dialog));
  save_screenshot (GTK_WIDGET (dialog), "import-quotas");
  g_assert_cmpuint (run_import (dialog), ==, 3);

  store = palier_store_open (fixture->path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  quotas = palier_store_list_quotas (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotas->len, ==, 3);
  quota = g_ptr_array_index (quotas, 0);
  g_assert_cmpstr (quota->partner, ==, "1");
  g_assert_cmpint (quota->first, ==, palier_date_from_ymd (2017, 7, 1));
  g_assert_cmpint (quota->last, ==, palier_date_from_ymd (2017, 9, 30));
  g_assert_cmpint (quota->quota, ==, PALIER_DECIMAL_ONE);
  quota = g_ptr_array_index (quotas, 2);
  g_assert_cmpstr (quota->partner, ==, "676");
  g_assert_cmpint (quota->first, ==, palier_date_from_ymd (2017, 10, 1));

  g_assert_true (palier_gui_test_wait_for (label_shows, &label, WAIT_TIMEOUT_US));
  g_assert_true (palier_gui_test_wait_for (total_changed, &total, WAIT_TIMEOUT_US));
  g_assert_cmpint (shown_result (fixture)->total_payout, >, total.before);
}

/* Line 2 is valid; lines 3 to 6 are not, each for its own reason. */
static const char bad_quotas[] =
  "partner,period,quota\n"
  "676,2017-Q3,50000\n"
  "676,2017-Q5,50000\n"
  "677,2017-Q3,lots\n"
  ",2017-Q3,50000\n"
  "676,2017-09,1000\n";

static void
test_quotas_bad_file_problems (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  PalierImportDialog *dialog;
  PalierImportProblemItem *item;
  GtkLabel *check_label;
  g_autofree char *summary = NULL;

  if (skip_without_shared (fixture))
    return;

  path = write_file (fixture, "bad-quotas.csv", bad_quotas);
  dialog = open_dialog (fixture, path, PALIER_IMPORT_KIND_QUOTAS);

  g_assert_cmpuint (g_list_model_get_n_items (problems (dialog)), ==, 4);
  item = problem_at (dialog, 0);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 3);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "period");
  g_assert_cmpstr (palier_import_problem_item_get_value (item), ==, "2017-Q5");
  item = problem_at (dialog, 1);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 4);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "quota");
  g_assert_cmpstr (palier_import_problem_item_get_value (item), ==, "lots");
  item = problem_at (dialog, 2);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 5);
  g_assert_cmpstr (palier_import_problem_item_get_column (item), ==, "partner");
  item = problem_at (dialog, 3);
  g_assert_cmpuint (palier_import_problem_item_get_line (item), ==, 6);
  g_assert_cmpstr (palier_import_problem_item_get_value (item), ==, "2017-09");
  /* The reason names the quarter of line 2 that the month falls in. */
  g_assert_nonnull (strstr (palier_import_problem_item_get_reason (item), "2017-Q3"));

  check_label = GTK_LABEL (dialog_child (dialog, "check_label"));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s of %s rows cannot be imported. Turn on Skip Invalid Rows to import the others, or correct the file and import it again.",
                                          "%s of %s rows cannot be imported. Turn on Skip Invalid Rows to import the others, or correct the file and import it again.",
                                          4),
                             "4", "5");
  g_assert_cmpstr (gtk_label_get_text (check_label), ==, summary);
  g_assert_false (import_enabled (dialog));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 1250);
  save_screenshot (GTK_WIDGET (dialog), "import-quotas-problems");

  /* Skipping the invalid rows imports the valid one only. */
  gtk_switch_set_active (GTK_SWITCH (dialog_child (dialog, "skip_switch")), TRUE);
  g_assert_true (import_enabled (dialog));
  g_assert_cmpuint (run_import (dialog), ==, 1);
}

static void
test_partners_unmapped_optional (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  PalierImportDialog *dialog;
  GtkDropDown *segment;

  if (skip_without_shared (fixture))
    return;

  path = write_file (fixture, "partners.csv", "Partner;Segment\n1;Gold\n2;Silver\n");
  dialog = open_dialog (fixture, path, PALIER_IMPORT_KIND_PARTNERS);
  g_assert_cmpint (palier_import_dialog_get_file_check (dialog)->columns[PALIER_PARTNERS_FIELD_SEGMENT], ==, 1);

  /* "Not used" stays unused: the check does not guess the column again. */
  segment = palier_column_mapping_row_get_drop_down (palier_import_dialog_get_mapping_row (dialog, PALIER_PARTNERS_FIELD_SEGMENT));
  gtk_drop_down_set_selected (segment, 0);
  g_assert_true (palier_gui_test_wait_for (dialog_ready, dialog, WAIT_TIMEOUT_US));
  g_assert_cmpint (palier_import_dialog_get_file_check (dialog)->columns[PALIER_PARTNERS_FIELD_SEGMENT], ==, -1);
  g_assert_cmpstr (mapped_header (dialog, PALIER_PARTNERS_FIELD_SEGMENT), ==, _("Not used"));
  g_assert_null (((PalierPartner *) g_ptr_array_index (palier_import_dialog_get_file_check (dialog)->records, 0))->segment);
  g_assert_true (import_enabled (dialog));
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
  g_autofree char *user_data_dir = NULL;
  g_autofree char *sales = NULL;
  g_autofree char *template_dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  user_data_dir = palier_test_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", user_data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  /* gtk_test_init() keeps the C locale.  Screenshot runs take the
   * environment's, so that LANGUAGE=fr pictures the French dialogs. */
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

  sales = palier_test_shared_path (ADVENTUREWORKS "FactResellerSales.csv");
  if (sales != NULL)
    {
      template_dir = palier_test_tmp_dir ();
      template_path = g_build_filename (template_dir, "template.palier", NULL);
      make_template (sales, template_path);
    }

  add_test ("/imports/partners/resellers", test_partners_resellers);
  add_test ("/imports/partners/unmapped-optional", test_partners_unmapped_optional);
  add_test ("/imports/quotas/fiscal-change-result", test_quotas_fiscal_change_result);
  add_test ("/imports/quotas/bad-file-problems", test_quotas_bad_file_problems);

  status = g_test_run ();
  g_clear_pointer (&template_path, g_free);
  g_clear_object (&application);
  return status;
}
