/* palier-cli-import.c: "palier-cli import", sales CSV into a workspace */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palier-cli-private.h"

static void
print_summary (const char               *sales,
               const char               *workspace,
               const PalierImportReport *report,
               const PalierStoreSummary *summary)
{
  g_autofree char *lines = NULL;
  g_autofree char *partners = NULL;
  char first[16];
  char last[16];

  g_print (ngettext ("Imported %llu row from %s into %s (rows skipped: %llu).\n",
                     "Imported %llu rows from %s into %s (rows skipped: %llu).\n",
                     (unsigned long) report->rows_imported),
           (unsigned long long) report->rows_imported, sales, workspace,
           (unsigned long long) report->rows_skipped);

  if (summary->first_date == PALIER_DATE_NONE)
    {
      g_print (_("The workspace holds no sales yet.\n"));
      return;
    }

  palier_date_format_iso (summary->first_date, first);
  palier_date_format_iso (summary->last_date, last);
  lines = g_strdup_printf (ngettext ("%llu sales line", "%llu sales lines",
                                     (unsigned long) summary->n_transactions),
                           (unsigned long long) summary->n_transactions);
  partners = g_strdup_printf (ngettext ("%u partner", "%u partners", summary->n_partners),
                              summary->n_partners);
  /* TRANSLATORS: "The workspace now holds 9994 sales lines from 793
   * partners, dated 2014-01-03 to 2017-12-30." */
  g_print (_("The workspace now holds %s from %s, dated %s to %s.\n"),
           lines, partners, first, last);
}

/* Removes a workspace this command created, with sqlite's side files,
 * so that a failed first import leaves nothing behind. */
static void
remove_new_workspace (const char *workspace)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (workspace, suffixes[i], NULL);

      g_unlink (path);
    }
}

static gboolean
run_import (const char               *workspace,
            const PalierCliSalesArgs *args,
            GError                  **error)
{
  g_autoptr(PalierStore) store = NULL;
  PalierImportReport report;
  PalierStoreSummary summary;
  gboolean existed = g_file_test (workspace, G_FILE_TEST_EXISTS);
  gboolean ok;

  store = palier_store_open (workspace, PALIER_STORE_CREATE, error);
  if (store == NULL)
    return FALSE;

  palier_import_report_init (&report);
  ok = _palier_cli_import_sales (store, args, &report, error)
       && palier_store_get_summary (store, &summary, error);
  if (ok)
    print_summary (args->sales, workspace, &report, &summary);
  palier_import_report_clear (&report);

  if (!ok && !existed)
    {
      g_clear_pointer (&store, palier_store_close);
      remove_new_workspace (workspace);
    }

  return ok;
}

int
_palier_cli_import (int   argc,
                    char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  PalierCliSalesArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("Workspace file to import into; created when missing"), N_("FILE.palier") },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("import",
                                     N_("--workspace FILE.palier --sales FILE.csv [--map FIELD=COLUMN…]"),
                                     N_("Imports the sales lines of a CSV file into a workspace, in one "
                                        "transaction: on any error the workspace is left as it was.\n\n"
                                        "The columns for date, partner and amount are guessed from common "
                                        "headers unless --map names them; the other fields are optional."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  _palier_cli_sales_args_add_entries (context, &args, TRUE);

  if (!_palier_cli_parse (context, "import", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else if (workspace == NULL)
    _palier_cli_set_usage_error (&error, _("--workspace is required"));
  else if (args.sales == NULL)
    _palier_cli_set_usage_error (&error, _("--sales is required"));
  else
    run_import (workspace, &args, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("import", error);

  _palier_cli_sales_args_clear (&args);
  return status;
}
