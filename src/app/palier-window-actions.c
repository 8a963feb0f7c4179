/* palier-window-actions.c: the window's actions ("win.*")
 *
 * Files are chosen with GtkFileChooserNative, the portal's dialog where
 * there is one.  Long work runs in the workspace's worker threads, so
 * this file only starts it and reports the outcome.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "palier-format.h"
#include "palier-window-private.h"

/* File choosers */

static GtkFileFilter *
file_filter_new (const char *name,
                 const char *first_pattern,
                 ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char *pattern;
  va_list args;

  gtk_file_filter_set_name (filter, name);

  va_start (args, first_pattern);
  for (pattern = first_pattern; pattern != NULL; pattern = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);

  return filter;
}

static void
add_filter (GtkFileChooser *chooser,
            GtkFileFilter  *filter)
{
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* The chooser's file when the user accepted it, else NULL.  Drops the
 * reference that kept the chooser alive while it was shown. */
static GFile *
take_chosen_file (GtkNativeDialog *native,
                  int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  return file;
}

static GtkFileChooserNative *
file_chooser_new (PalierWindow         *self,
                  const char           *title,
                  GtkFileChooserAction  action,
                  const char           *accept_label)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  return native;
}

/* win.open */

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  PalierWindow    *self)
{
  g_autoptr(GFile) file = take_chosen_file (native, response);

  if (file != NULL)
    palier_window_open_file (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  GtkFileChooserNative *native;

  native = file_chooser_new (self, _("Open Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Workspaces and sales files"), "*.palier", "*.csv", "*.CSV", NULL));
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Palier workspaces"), "*.palier", NULL));
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Sales files (CSV)"), "*.csv", "*.CSV", NULL));

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* win.open-recent */

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  palier_window_open_file (PALIER_WINDOW (widget), file);
}

/* win.new-workspace */

/* Removes the workspace at @path and its sqlite journal files, which the
 * file chooser already asked the user to overwrite. */
static gboolean
remove_workspace_file (const char  *path,
                       GError     **error)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side_file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (side_file);
    }

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot replace %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
new_workspace_response_cb (GtkNativeDialog *native,
                           int              response,
                           PalierWindow    *self)
{
  g_autoptr(GFile) file = take_chosen_file (native, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    return;

  path = g_str_has_suffix (chosen, ".palier") ? g_strdup (chosen)
                                              : g_strconcat (chosen, ".palier", NULL);

  if (self->workspace != NULL &&
      g_strcmp0 (path, palier_workspace_get_path (self->workspace)) == 0)
    {
      palier_window_show_toast (self, _("This workspace is open; choose another name for the new one"));
      return;
    }

  if (!remove_workspace_file (path, &error))
    {
      _palier_window_show_error (self, _("Cannot Create the Workspace"), error->message);
      return;
    }

  _palier_window_open_workspace (self, path, PALIER_STORE_CREATE);
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  GtkFileChooserNative *native;

  native = file_chooser_new (self, _("New Workspace"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"));
  /* Translators: the proposed file name of a new workspace.  Keep
   * ".palier". */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Workspace.palier"));
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Palier workspaces"), "*.palier", NULL));

  g_signal_connect (native, "response", G_CALLBACK (new_workspace_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* win.import-sales */

typedef struct {
  PalierWindow *window;
  char *basename;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_object_unref (request->window);
  g_free (request->basename);
  g_free (request);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportRequest *request = user_data;
  PalierWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;

  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_clear_object (&self->import_toast);

  if (!palier_workspace_import_finish (PALIER_WORKSPACE (source), result, &rows, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), request->basename);

      _palier_window_show_error (self, heading, error->message);
    }
  else
    {
      g_autofree char *count = palier_format_count (rows);
      g_autofree char *message = NULL;

      /* Translators: "Imported 9,994 sales from “superstore.csv”". */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %s sale from “%s”",
                                              "Imported %s sales from “%s”",
                                              (gulong) MIN (rows, G_MAXULONG)),
                                 count, request->basename);
      palier_window_show_toast (self, message);
    }

  import_request_free (request);
}

void
_palier_window_import_file (PalierWindow *self,
                            const char   *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *message = NULL;
  ImportRequest *request;

  if (self->workspace == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), basename);

      _palier_window_show_error (self, heading,
                                 _("Sales are imported into a workspace. Open a workspace or create a new one, then import the file again."));
      return;
    }

  /* Translators: shown while a CSV file is imported. */
  message = g_strdup_printf (_("Importing “%s”…"), basename);
  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_clear_object (&self->import_toast);
  self->import_toast = adw_toast_new (message);
  adw_toast_set_timeout (self->import_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->import_toast));

  request = g_new0 (ImportRequest, 1);
  request->window = g_object_ref (self);
  request->basename = g_steal_pointer (&basename);

  palier_workspace_import_async (self->workspace, path, NULL, imported_cb, request);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    PalierWindow    *self)
{
  g_autoptr(GFile) file = take_chosen_file (native, response);
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path != NULL)
    _palier_window_import_file (self, path);
}

/* TODO: replace the guessed column mapping with the import dialog, which
 * shows the mapping and the rejected rows before anything is written. */
static void
import_sales_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  GtkFileChooserNative *native;

  native = file_chooser_new (self, _("Import Sales"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Sales files (CSV)"), "*.csv", "*.CSV", NULL));

  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* win.export */

static gboolean
write_result (PalierResult  *result,
              const char    *path,
              GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (path, -1);
  PalierOutputFormat format = PALIER_OUTPUT_CSV;

  if (g_str_has_suffix (lower, ".json"))
    format = PALIER_OUTPUT_JSON;

  palier_result_write (result, format, text);

  return g_file_set_contents_full (path, text->str, text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0644, error);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    PalierWindow    *self)
{
  g_autoptr(GFile) file = take_chosen_file (native, response);
  PalierResult *result = palier_results_view_get_result (self->results_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (file == NULL || result == NULL)
    return;

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    return;

  lower = g_utf8_strdown (chosen, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".json"))
    path = g_steal_pointer (&chosen);
  else
    path = g_strconcat (chosen, ".csv", NULL);

  basename = g_path_get_basename (path);
  if (!write_result (result, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Save “%s”"), basename);

      _palier_window_show_error (self, heading, error->message);
      return;
    }

  /* Translators: "Results saved to “channel-2017.csv”". */
  message = g_strdup_printf (_("Results saved to “%s”"), basename);
  palier_window_show_toast (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  PalierResult *result = palier_results_view_get_result (self->results_view);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (result == NULL)
    return;

  native = file_chooser_new (self, _("Export Results"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  name = g_strconcat (result->program->id, ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Results (CSV or JSON)"), "*.csv", "*.json", NULL));

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* win.simulate */

static void
simulate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  PalierProgram *program = palier_designer_view_get_program (self->designer_view);

  if (self->workspace == NULL)
    {
      palier_window_show_toast (self, _("Open a workspace first"));
      return;
    }

  if (program == NULL)
    {
      if (palier_designer_view_has_programs (self->designer_view))
        palier_window_show_toast (self, _("Select a program in the Designer first"));
      else
        palier_window_show_toast (self, _("This workspace has no program to simulate"));
      adw_view_stack_set_visible_child_name (self->view_stack, "designer");
      return;
    }

  palier_results_view_simulate (self->results_view, self->workspace, program);
  adw_view_stack_set_visible_child_name (self->view_stack, "results");
}

/* win.undo and win.redo */

/* TODO: undo and redo program edits once the designer edits programs.
 * Both actions stay disabled until then. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
}

void
_palier_window_update_actions (PalierWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_workspace = self->workspace != NULL;

  gtk_widget_action_set_enabled (widget, "win.import-sales", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.export",
                                 palier_results_view_get_result (self->results_view) != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  gtk_widget_action_set_enabled (widget, "win.redo", FALSE);
}

void
_palier_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.import-sales", NULL, import_sales_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.simulate", NULL, simulate_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
}
