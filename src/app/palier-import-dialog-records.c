/* palier-import-dialog-records.c: partners and quotas files in the import dialog
 *
 * A partners or quotas file is small, so every change of settings checks
 * the whole file again in a worker thread.  The check lists every invalid
 * row and keeps the valid ones, which the Import button then stores.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-import-dialog-private.h"

const char *
_palier_import_dialog_field_label (PalierImportKind kind,
                                   guint            field)
{
  if (kind == PALIER_IMPORT_KIND_SALES)
    return palier_field_get_label (field);

  if (kind == PALIER_IMPORT_KIND_PARTNERS)
    switch (field)
      {
      case PALIER_PARTNERS_FIELD_PARTNER:
        return _("Partner");
      case PALIER_PARTNERS_FIELD_NAME:
        return _("Name");
      case PALIER_PARTNERS_FIELD_SEGMENT:
        return _("Segment");
      case PALIER_PARTNERS_FIELD_REGION:
        return _("Region");
      case PALIER_PARTNERS_FIELD_START:
        return _("Start Date");
      default:
        g_return_val_if_reached (NULL);
      }

  switch (field)
    {
    case PALIER_QUOTAS_FIELD_PARTNER:
      return _("Partner");
    case PALIER_QUOTAS_FIELD_PERIOD:
      return _("Period");
    case PALIER_QUOTAS_FIELD_QUOTA:
      return _("Quota");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
_palier_import_dialog_field_is_required (PalierImportKind kind,
                                         guint            field)
{
  switch (kind)
    {
    case PALIER_IMPORT_KIND_SALES:
      return palier_field_is_required (field);
    case PALIER_IMPORT_KIND_PARTNERS:
      return field == PALIER_PARTNERS_FIELD_PARTNER;
    case PALIER_IMPORT_KIND_QUOTAS:
    default:
      return TRUE;
    }
}

/* What one check reads: the file and the settings of the moment. */
typedef struct {
  PalierImportKind kind;
  char *path;
  PalierPartnersOptions partners;
  PalierQuotasOptions quotas;
} CheckRequest;

static void
check_request_free (CheckRequest *request)
{
  g_free (request->path);
  palier_partners_options_clear (&request->partners);
  palier_quotas_options_clear (&request->quotas);
  g_free (request);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  PalierFileCheck *check;

  if (request->kind == PALIER_IMPORT_KIND_PARTNERS)
    check = palier_partners_check (request->path, &request->partners, &error);
  else
    check = palier_quotas_check (request->path, &request->quotas, &error);

  if (check == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, check, (GDestroyNotify) palier_file_check_free);
}

static void
show_check_error (PalierImportDialog *self,
                  const GError       *error)
{
  g_autofree char *text = _palier_import_dialog_strip_advice (error->message);

  adw_status_page_set_description (self->error_page, text);
  gtk_widget_set_visible (self->detected_button,
                          self->encoding != PALIER_ENCODING_AUTO || self->delimiter != 0);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_check (PalierImportDialog *self)
{
  PalierFileCheck *check = self->file_check;

  self->checked = TRUE;
  self->check_failed = FALSE;
  self->n_rows_read = check->rows_read;
  self->n_invalid = check->problems->len;
  gtk_spinner_stop (self->check_spinner);

  if (!_palier_import_dialog_mapping_is_complete (self))
    {
      g_list_store_remove_all (self->problems);
      gtk_widget_set_visible (self->skip_list, FALSE);
      gtk_widget_set_visible (self->problems_frame, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_more_label), FALSE);
      gtk_label_set_text (self->check_label,
                          self->kind == PALIER_IMPORT_KIND_PARTNERS
                          ? _("Choose a column for the partner to check the rows.")
                          : _("Choose a column for the partner, the period and the quota to check the rows."));
      self->checked = FALSE;
      return;
    }

  _palier_import_dialog_show_problems (self, check->rows_read, check->problems->len, check->problems);
}

static void
check_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PalierImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  PalierFileCheck *check;

  check = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      palier_file_check_free (check);
      return;
    }

  g_clear_object (&self->plan_cancellable);
  gtk_spinner_stop (self->loading_spinner);

  if (check == NULL)
    {
      show_check_error (self, error);
      _palier_import_dialog_update_actions (self);
      return;
    }

  g_clear_pointer (&self->file_check, palier_file_check_free);
  self->file_check = check;
  _palier_import_dialog_fill_from_source (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  show_check (self);
  _palier_import_dialog_update_actions (self);
}

/* The column names that the options request: the mapped header, "" for
 * a field set to "Not used", or NULL to guess while nothing was read. */
static void
set_requested_columns (PalierImportDialog  *self,
                       char               **columns,
                       gboolean             keep_mapping)
{
  if (!keep_mapping || self->file_check == NULL)
    return;

  for (guint f = 0; f < _palier_import_dialog_n_fields (self); f++)
    {
      int column = palier_column_mapping_row_get_column (self->mapping_rows[f]);

      columns[f] = g_strdup (column >= 0 ? self->file_check->headers[column] : "");
    }
}

static CheckRequest *
check_request_new (PalierImportDialog *self,
                   gboolean            keep_mapping)
{
  CheckRequest *request = g_new0 (CheckRequest, 1);

  request->kind = self->kind;
  request->path = g_strdup (self->path);
  palier_partners_options_init (&request->partners);
  palier_quotas_options_init (&request->quotas);

  if (self->kind == PALIER_IMPORT_KIND_PARTNERS)
    {
      request->partners.dialect.encoding = self->encoding;
      request->partners.dialect.delimiter = self->delimiter;
      request->partners.date_order = self->date_order;
      set_requested_columns (self, request->partners.columns, keep_mapping);
    }
  else
    {
      request->quotas.dialect.encoding = self->encoding;
      request->quotas.dialect.delimiter = self->delimiter;
      request->quotas.decimal_mark = self->decimal_mark;
      request->quotas.fiscal_year_start = self->fiscal_year_start;
      set_requested_columns (self, request->quotas.columns, keep_mapping);
    }

  return request;
}

void
_palier_import_dialog_load_check (PalierImportDialog *self,
                                  gboolean            keep_mapping)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->plan_cancellable);
  g_clear_object (&self->plan_cancellable);
  self->plan_cancellable = g_cancellable_new ();
  self->checked = FALSE;
  _palier_import_dialog_update_actions (self);

  if (self->file_check == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    {
      gtk_spinner_start (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    {
      gtk_spinner_start (self->check_spinner);
      gtk_label_set_text (self->check_label, _("Checking every row…"));
    }

  task = g_task_new (NULL, self->plan_cancellable, check_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, _palier_import_dialog_load_check);
  g_task_set_task_data (task, check_request_new (self, keep_mapping), (GDestroyNotify) check_request_free);
  g_task_run_in_thread (task, check_thread);
}

void
palier_import_dialog_set_fiscal_year_start (PalierImportDialog *self,
                                            int                 month)
{
  g_return_if_fail (PALIER_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->kind == PALIER_IMPORT_KIND_QUOTAS);
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->fiscal_year_start == month)
    return;

  self->fiscal_year_start = month;
  _palier_import_dialog_load_check (self, TRUE);
}
