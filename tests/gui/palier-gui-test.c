/* palier-gui-test.c: helpers shared by the in-process window tests */

#include "config.h"

#include "palier-gui-test.h"
#include "palier-import.h"
#include "palier-program-xml.h"
#include "palier-test.h"

gboolean
palier_gui_test_wait_for (PalierGuiTestCondition condition,
                          gpointer               data,
                          gint64                 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }

  return TRUE;
}

void
palier_gui_test_run_pending_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
palier_gui_test_template_child (gpointer    widget,
                                GType       type,
                                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

guint64
palier_gui_test_import_sales (PalierStore *store,
                              const char  *relative_path)
{
  g_autofree char *csv = palier_test_data_path (relative_path);
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportReport report;
  PalierImportPlan *plan;
  guint64 rows_imported;
  gboolean ok;

  palier_import_options_init (&options);
  plan = palier_import_plan_new (csv, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);

  palier_import_report_init (&report);
  ok = palier_store_import_sales (store, plan, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  rows_imported = report.rows_imported;
  palier_import_report_clear (&report);
  palier_import_plan_free (plan);

  return rows_imported;
}

void
palier_gui_test_save_program (PalierStore *store,
                              const char  *relative_path)
{
  g_autofree char *xml = palier_test_data_path (relative_path);
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  program = palier_program_read_file (xml, &error);
  g_assert_no_error (error);
  ok = palier_store_save_program (store, program, "Test program", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}
