/* palier-window-import.c: which kind of file a CSV file opened on the window is
 *
 * A CSV file dropped on the window or opened from the command line may
 * list sales, partners or quotas.  Its headers decide, in a worker
 * thread: a file with a sales date and amount is imported as sales at
 * once.  Otherwise the user chooses between partners and quotas, with the
 * kind whose fields the headers match as the default.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-window-private.h"

typedef struct {
  PalierWindow *window;
  char *path;
} GuessData;

static void
guess_data_free (GuessData *data)
{
  g_object_unref (data->window);
  g_free (data->path);
  g_free (data);
}

static void
guess_data_closure_free (gpointer  data,
                         GClosure *closure)
{
  guess_data_free (data);
}

static gboolean
plan_has_sales_fields (PalierImportPlan *plan)
{
  return palier_import_plan_get_column (plan, PALIER_FIELD_DATE) >= 0 &&
         palier_import_plan_get_column (plan, PALIER_FIELD_AMOUNT) >= 0;
}

static gboolean
check_has_quotas_fields (const PalierFileCheck *check)
{
  for (guint f = 0; f < PALIER_QUOTAS_N_FIELDS; f++)
    if (check->columns[f] < 0)
      return FALSE;
  return TRUE;
}

/* Returns the kind of the file, or -1 for partners or quotas with
 * partners as the better guess, -2 with quotas.  A file that cannot be
 * read is sales, whose dialog then shows why. */
static void
guess_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GuessData *data = task_data;
  PalierImportOptions options;
  PalierQuotasOptions quotas_options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(PalierFileCheck) check = NULL;

  palier_import_options_init (&options);
  options.allow_unmapped = TRUE;
  plan = palier_import_plan_new (data->path, &options, NULL);
  palier_import_options_clear (&options);
  if (plan == NULL || plan_has_sales_fields (plan))
    {
      g_task_return_int (task, PALIER_IMPORT_KIND_SALES);
      return;
    }

  palier_quotas_options_init (&quotas_options);
  check = palier_quotas_check (data->path, &quotas_options, NULL);
  palier_quotas_options_clear (&quotas_options);
  g_task_return_int (task, check != NULL && check_has_quotas_fields (check) ? -2 : -1);
}

static void
kind_chosen_cb (AdwMessageDialog *dialog,
                const char       *response,
                GuessData        *data)
{
  if (g_strcmp0 (response, "partners") == 0)
    _palier_window_import_file_kind (data->window, data->path, PALIER_IMPORT_KIND_PARTNERS);
  else if (g_strcmp0 (response, "quotas") == 0)
    _palier_window_import_file_kind (data->window, data->path, PALIER_IMPORT_KIND_QUOTAS);
  else if (g_strcmp0 (response, "sales") == 0)
    _palier_window_import_file_kind (data->window, data->path, PALIER_IMPORT_KIND_SALES);
}

static void
ask_kind (GuessData *data,
          gboolean   quotas_first)
{
  g_autofree char *basename = g_filename_display_basename (data->path);
  g_autofree char *heading = g_strdup_printf (_("Import “%s” As…"), basename);
  GtkWidget *dialog;
  const char *body = quotas_first
    ? _("The file has no sales dates and amounts. Its columns look like per-partner quotas.")
    : _("The file has no sales dates and amounts. Its columns look like a list of partners.");

  dialog = adw_message_dialog_new (GTK_WINDOW (data->window), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sales", _("_Sales"),
                                    "partners", _("_Partners"),
                                    "quotas", _("_Quotas"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              quotas_first ? "quotas" : "partners",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           quotas_first ? "quotas" : "partners");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (kind_chosen_cb),
                         data, guess_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
guessed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GuessData *data = g_task_get_task_data (G_TASK (result));
  gssize kind = g_task_propagate_int (G_TASK (result), NULL);
  GuessData *question;

  if (kind >= 0)
    {
      _palier_window_import_file_kind (data->window, data->path, kind);
      return;
    }

  question = g_new0 (GuessData, 1);
  question->window = g_object_ref (data->window);
  question->path = g_strdup (data->path);
  ask_kind (question, kind == -2);
}

void
_palier_window_import_csv (PalierWindow *self,
                           const char   *path)
{
  g_autoptr(GTask) task = NULL;
  GuessData *data;

  /* Without a workspace, the sales dialog's error says what to do. */
  if (self->workspace == NULL)
    {
      _palier_window_import_file (self, path);
      return;
    }

  data = g_new0 (GuessData, 1);
  data->window = g_object_ref (self);
  data->path = g_strdup (path);

  task = g_task_new (NULL, NULL, guessed_cb, NULL);
  g_task_set_source_tag (task, _palier_window_import_csv);
  g_task_set_task_data (task, data, (GDestroyNotify) guess_data_free);
  g_task_run_in_thread (task, guess_thread);
}
