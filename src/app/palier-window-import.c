/* palier-window-import.c: which kind of file a CSV file opened on the window is
 *
 * A CSV file dropped on the window or opened from the command line may
 * list sales, partners or quotas.  Its headers decide: a file with a
 * sales date and amount, or whose columns match no kind, opens the sales
 * import.  A file without them whose columns match a partners or quotas
 * file makes the window ask which kind it is, with that kind as the
 * default response.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-window-private.h"

typedef enum {
  GUESS_SALES,
  GUESS_PARTNERS,
  GUESS_QUOTAS,
} Guess;

static gboolean
plan_has_sales_fields (const char *path)
{
  g_autoptr(PalierImportPlan) plan = NULL;
  PalierImportOptions options;

  palier_import_options_init (&options);
  options.allow_unmapped = TRUE;
  plan = palier_import_plan_new (path, &options, NULL);
  palier_import_options_clear (&options);

  /* A file that cannot be read goes to the sales dialog, which shows
   * the error. */
  return plan == NULL ||
         (palier_import_plan_get_column (plan, PALIER_FIELD_DATE) >= 0 &&
          palier_import_plan_get_column (plan, PALIER_FIELD_AMOUNT) >= 0);
}

static gboolean
looks_like_quotas (const char *path)
{
  g_autoptr(PalierFileCheck) check = NULL;
  PalierQuotasOptions options;

  palier_quotas_options_init (&options);
  check = palier_quotas_check (path, &options, NULL);
  palier_quotas_options_clear (&options);
  if (check == NULL)
    return FALSE;

  for (guint f = 0; f < PALIER_QUOTAS_N_FIELDS; f++)
    if (check->columns[f] < 0)
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_partners (const char *path)
{
  g_autoptr(PalierFileCheck) check = NULL;
  PalierPartnersOptions options;

  palier_partners_options_init (&options);
  check = palier_partners_check (path, &options, NULL);
  palier_partners_options_clear (&options);

  return check != NULL && check->columns[PALIER_PARTNERS_FIELD_PARTNER] >= 0;
}

/* Reads the header and a sample of rows, which keeps a sales file quick
 * to decide on the main thread.
 * NOTE: a file without sales fields is checked whole, which assumes that
 * such a file is a partners or quotas file of a few thousand rows. */
static Guess
guess_kind (const char *path)
{
  if (plan_has_sales_fields (path))
    return GUESS_SALES;
  if (looks_like_quotas (path))
    return GUESS_QUOTAS;
  if (looks_like_partners (path))
    return GUESS_PARTNERS;
  return GUESS_SALES;
}

typedef struct {
  PalierWindow *window;
  char *path;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->window);
  g_free (question->path);
  g_free (question);
}

static void
kind_chosen_cb (AdwMessageDialog *dialog,
                const char       *response,
                Question         *question)
{
  if (g_strcmp0 (response, "partners") == 0)
    _palier_window_import_file_kind (question->window, question->path, PALIER_IMPORT_KIND_PARTNERS);
  else if (g_strcmp0 (response, "quotas") == 0)
    _palier_window_import_file_kind (question->window, question->path, PALIER_IMPORT_KIND_QUOTAS);
  else if (g_strcmp0 (response, "sales") == 0)
    _palier_window_import_file_kind (question->window, question->path, PALIER_IMPORT_KIND_SALES);
}

static void
ask_kind (PalierWindow *self,
          const char   *path,
          Guess         guess)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Import “%s” As…"), basename);
  const char *suggested = guess == GUESS_QUOTAS ? "quotas" : "partners";
  const char *body = guess == GUESS_QUOTAS
    ? _("The file has no sales dates and amounts. Its columns look like per-partner quotas.")
    : _("The file has no sales dates and amounts. Its columns look like a list of partners.");
  Question *question;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sales", _("_Sales"),
                                    "partners", _("_Partners"),
                                    "quotas", _("_Quotas"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), suggested,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), suggested);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  question = g_new0 (Question, 1);
  question->window = g_object_ref (self);
  question->path = g_strdup (path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (kind_chosen_cb),
                         question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_palier_window_import_csv (PalierWindow *self,
                           const char   *path)
{
  Guess guess;

  /* Without a workspace, the window's error explains what to do. */
  if (self->workspace == NULL)
    {
      _palier_window_import_file (self, path);
      return;
    }

  guess = guess_kind (path);
  if (guess == GUESS_SALES)
    _palier_window_import_file (self, path);
  else
    ask_kind (self, path, guess);
}
