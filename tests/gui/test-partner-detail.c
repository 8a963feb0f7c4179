/* test-partner-detail.c: a partner's periods in the Results view
 *
 * Each test builds a workspace from tests/data/gui (five sales of two
 * partners over two quarters), simulates program.xml in a Results view
 * and selects a partner.  program.xml and detail-raise.xml work out the
 * payouts per partner and quarter by hand.
 */

#include "config.h"

#include <adwaita.h>

#include "palier-partner-detail.h"
#include "palier-partner-item.h"
#include "palier-results-view.h"
#include "palier-test.h"
#include "palier-workspace.h"

/* How long a test waits for a worker thread, in microseconds. */
#define WAIT_TIMEOUT_US (20 * G_USEC_PER_SEC)

typedef struct {
  char *dir;
  PalierWorkspace *workspace;
  PalierProgram *program;
  PalierProgram *raised;
  GtkWindow *window;
  PalierResultsView *view;
} Fixture;

static PalierProgram *
read_program (const char *file)
{
  g_autofree char *path = palier_test_data_path (file);
  g_autoptr(GError) error = NULL;
  PalierProgram *program;

  program = palier_program_read_file (path, &error);
  g_assert_no_error (error);
  return program;
}

static void
make_workspace (const char *path)
{
  g_autofree char *csv = palier_test_data_path ("gui/sales.csv");
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportReport report;
  PalierImportPlan *plan;
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
  g_assert_cmpuint (report.rows_imported, ==, 5);
  palier_import_report_clear (&report);
  palier_import_plan_free (plan);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = palier_test_tmp_dir ();
  path = g_build_filename (fixture->dir, "detail.palier", NULL);
  make_workspace (path);

  fixture->workspace = palier_workspace_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  fixture->program = read_program ("gui/program.xml");
  fixture->raised = read_program ("gui/detail-raise.xml");

  fixture->view = g_object_new (PALIER_TYPE_RESULTS_VIEW, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->workspace);
  g_clear_pointer (&fixture->program, palier_program_unref);
  g_clear_pointer (&fixture->raised, palier_program_unref);

  /* Let the worker threads' callbacks drop their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (fixture->dir);
}

/* Waiting */

typedef struct {
  Fixture *fixture;
  const char *program;
  PalierDate from;
} Expected;

static gboolean
result_is (Expected *expected)
{
  PalierResult *result = palier_results_view_get_result (expected->fixture->view);
  gboolean running;

  g_object_get (expected->fixture->view, "running", &running, NULL);

  return !running && result != NULL &&
         g_strcmp0 (result->program->id, expected->program) == 0 &&
         result->from == expected->from;
}

static void
simulate (Fixture       *fixture,
          PalierProgram *program,
          PalierDate     from)
{
  Expected expected = { fixture, program->id, from };
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  palier_results_view_simulate (fixture->view, fixture->workspace, program);

  while (!result_is (&expected))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* Lets the tables lay out and bind their rows. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* The widgets */

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                   PALIER_TYPE_RESULTS_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static PalierPartnerDetail *
detail (Fixture *fixture)
{
  return PALIER_PARTNER_DETAIL (view_child (fixture, "partner_detail"));
}

static GtkWidget *
detail_child (Fixture    *fixture,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (detail (fixture)),
                                                   PALIER_TYPE_PARTNER_DETAIL, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
detail_label (Fixture    *fixture,
              const char *name)
{
  return gtk_label_get_text (GTK_LABEL (detail_child (fixture, name)));
}

static const char *
side_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture, "side_stack")));
}

static GtkSingleSelection *
partner_selection (Fixture *fixture)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (view_child (fixture, "partner_table"));

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (table));
}

static void
select_partner (Fixture    *fixture,
                const char *partner)
{
  GtkSingleSelection *selection = partner_selection (fixture);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PalierPartnerItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (palier_partner_item_get_partner (item), partner) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static const char *
selected_partner (Fixture *fixture)
{
  PalierPartnerItem *item = gtk_single_selection_get_selected_item (partner_selection (fixture));

  return item != NULL ? palier_partner_item_get_partner (item) : NULL;
}

static void
collect_inscriptions (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_INSCRIPTION (widget))
    {
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append (out, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, out);
}

/* The cells of the period table, row after row, joined with "|". */
static char *
period_cells (Fixture *fixture)
{
  GString *out = g_string_new (NULL);

  settle ();
  collect_inscriptions (detail_child (fixture, "period_table"), out);
  return g_string_free (out, FALSE);
}

static char *
column_titles (Fixture *fixture)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (detail_child (fixture, "period_table")));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, gtk_column_view_column_get_title (column));
    }

  return g_string_free (out, FALSE);
}

/* Tests */

static void
test_detail_hidden_at_first (Fixture       *fixture,
                             gconstpointer  user_data)
{
  simulate (fixture, fixture->program, 20240115);

  g_assert_cmpstr (side_page (fixture), ==, "charts");
  g_assert_null (palier_partner_detail_get_partner (detail (fixture)));
}

static void
test_detail_select_partner (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *titles = NULL;
  g_autofree char *cells = NULL;

  simulate (fixture, fixture->program, 20240115);
  select_partner (fixture, "P1");

  g_assert_cmpstr (side_page (fixture), ==, "detail");
  g_assert_cmpstr (palier_partner_detail_get_partner (detail (fixture)), ==, "P1");

  /* The sales file has no names: the code is the title. */
  g_assert_cmpstr (detail_label (fixture, "title_label"), ==, "P1");
  g_assert_cmpstr (detail_label (fixture, "subtitle_label"), ==, "Gold");
  g_assert_cmpstr (detail_label (fixture, "sales_label"), ==, "$1,800.00");
  g_assert_cmpstr (detail_label (fixture, "payout_label"), ==, "$112.00");
  /* 112 / 1800 = 6.222…% */
  g_assert_cmpstr (detail_label (fixture, "rate_label"), ==, "6.22%");

  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Period|Sales|Quota|Attainment|Payout|Base commission|Quota club");

  cells = period_cells (fixture);
  g_assert_cmpstr (cells, ==,
                   "2024-Q1|$1,500.00|$1,000.00|150.0%|$100.00|$75.00|$25.00|"
                   "2024-Q2|$300.00|$1,000.00|30.0%|$12.00|$12.00|$0.00");
}

static void
test_detail_other_partner (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *cells = NULL;

  simulate (fixture, fixture->program, 20240115);
  select_partner (fixture, "P1");
  select_partner (fixture, "P2");

  g_assert_cmpstr (palier_partner_detail_get_partner (detail (fixture)), ==, "P2");
  g_assert_cmpstr (detail_label (fixture, "subtitle_label"), ==, "Silver");
  g_assert_cmpstr (detail_label (fixture, "payout_label"), ==, "$201.00");

  cells = period_cells (fixture);
  g_assert_cmpstr (cells, ==,
                   "2024-Q1|$400.00|$1,000.00|40.0%|$16.00|$16.00|$0.00|"
                   "2024-Q2|$2,500.00|$1,000.00|250.0%|$185.00|$160.00|$25.00");
}

static void
test_detail_close (Fixture       *fixture,
                   gconstpointer  user_data)
{
  simulate (fixture, fixture->program, 20240115);
  select_partner (fixture, "P1");

  g_signal_emit_by_name (detail_child (fixture, "close_button"), "clicked");

  g_assert_cmpstr (side_page (fixture), ==, "charts");
  g_assert_null (selected_partner (fixture));
  g_assert_null (palier_partner_detail_get_partner (detail (fixture)));
}

/* A new simulation of higher rates keeps P1 and shows its new payouts. */
static void
test_detail_follows_result (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *cells = NULL;

  simulate (fixture, fixture->program, 20240115);
  select_partner (fixture, "P1");
  simulate (fixture, fixture->raised, 20240115);

  g_assert_cmpstr (side_page (fixture), ==, "detail");
  g_assert_cmpstr (selected_partner (fixture), ==, "P1");
  g_assert_cmpstr (palier_partner_detail_get_partner (detail (fixture)), ==, "P1");
  g_assert_cmpstr (detail_label (fixture, "payout_label"), ==, "$130.00");
  /* 130 / 1800 = 7.222…% */
  g_assert_cmpstr (detail_label (fixture, "rate_label"), ==, "7.22%");

  cells = period_cells (fixture);
  g_assert_cmpstr (cells, ==,
                   "2024-Q1|$1,500.00|$1,000.00|150.0%|$115.00|$90.00|$25.00|"
                   "2024-Q2|$300.00|$1,000.00|30.0%|$15.00|$15.00|$0.00");
}

/* P2's first sale is in March: a range to the end of February leaves
 * only P1, and P2's details close. */
static void
test_detail_partner_gone (Fixture       *fixture,
                          gconstpointer  user_data)
{
  PalierResult *result;

  simulate (fixture, fixture->program, 20240115);
  select_partner (fixture, "P2");

  palier_workspace_set_range (fixture->workspace, 20240101, 20240229);
  simulate (fixture, fixture->program, 20240101);

  result = palier_results_view_get_result (fixture->view);
  g_assert_cmpuint (result->partners->len, ==, 1);
  g_assert_cmpstr (side_page (fixture), ==, "charts");
  g_assert_null (selected_partner (fixture));
  g_assert_null (palier_partner_detail_get_partner (detail (fixture)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_data_dir = NULL;

  /* g_get_user_data_dir() caches its value, so set it before GTK reads
   * it. */
  user_data_dir = palier_test_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", user_data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  palier_core_init ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/partner-detail/hidden-at-first", test_detail_hidden_at_first);
  ADD_TEST ("/partner-detail/select-partner", test_detail_select_partner);
  ADD_TEST ("/partner-detail/other-partner", test_detail_other_partner);
  ADD_TEST ("/partner-detail/close", test_detail_close);
  ADD_TEST ("/partner-detail/follows-result", test_detail_follows_result);
  ADD_TEST ("/partner-detail/partner-gone", test_detail_partner_gone);

#undef ADD_TEST

  return g_test_run ();
}
