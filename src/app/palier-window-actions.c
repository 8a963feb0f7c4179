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

#include "palier-export-dialog.h"
#include "palier-format.h"
#include "palier-import-dialog.h"
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

/* win.import-sales, win.import-partners and win.import-quotas */

static void
imported_cb (PalierWindow       *self,
             guint64             rows,
             guint64             skipped,
             PalierImportDialog *dialog)
{
  g_autofree char *count = palier_format_count (rows);
  g_autofree char *message = NULL;
  gulong n = (gulong) MIN (rows, G_MAXULONG);

  switch (palier_import_dialog_get_kind (dialog))
    {
    case PALIER_IMPORT_KIND_PARTNERS:
      /* Translators: "Imported 701 partners". */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s partner", "Imported %s partners", n),
                                 count);
      break;

    case PALIER_IMPORT_KIND_QUOTAS:
      /* Translators: "Imported 48 quotas". */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s quota", "Imported %s quotas", n),
                                 count);
      break;

    case PALIER_IMPORT_KIND_SALES:
    default:
      message = palier_import_dialog_format_result (rows, skipped);
      break;
    }

  palier_window_show_toast (self, message);

  /* The import cleared the results, as for new sales.  New segments or
   * quotas change the payouts of the same sales, so the results of the
   * Designer's program are simulated again at once. */
  if (palier_import_dialog_get_kind (dialog) != PALIER_IMPORT_KIND_SALES &&
      self->workspace != NULL && palier_designer_view_get_program (self->designer_view) != NULL)
    palier_results_view_simulate (self->results_view, self->workspace,
                                  palier_designer_view_get_program (self->designer_view));
}

static void
import_cancelled_cb (PalierWindow *self)
{
  palier_window_show_toast (self, _("Import cancelled; the workspace is unchanged"));
}

static const char *
no_workspace_message (PalierImportKind kind)
{
  switch (kind)
    {
    case PALIER_IMPORT_KIND_PARTNERS:
      return _("Partners are imported into a workspace. Open a workspace or create a new one, then import the file again.");
    case PALIER_IMPORT_KIND_QUOTAS:
      return _("Quotas are imported into a workspace. Open a workspace or create a new one, then import the file again.");
    case PALIER_IMPORT_KIND_SALES:
    default:
      return _("Sales are imported into a workspace. Open a workspace or create a new one, then import the file again.");
    }
}

PalierImportDialog *
_palier_window_import_file_kind (PalierWindow     *self,
                                 const char       *path,
                                 PalierImportKind  kind)
{
  PalierImportDialog *dialog;

  if (self->workspace == NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), basename);

      _palier_window_show_error (self, heading, no_workspace_message (kind));
      return NULL;
    }

  dialog = palier_import_dialog_new_for_kind (GTK_WINDOW (self), self->workspace, path, kind);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "import-cancelled", G_CALLBACK (import_cancelled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
_palier_window_import_file (PalierWindow *self,
                            const char   *path)
{
  _palier_window_import_file_kind (self, path, PALIER_IMPORT_KIND_SALES);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    PalierWindow    *self)
{
  PalierImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "palier-import-kind"));
  g_autoptr(GFile) file = take_chosen_file (native, response);
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path != NULL)
    _palier_window_import_file_kind (self, path, kind);
}

static void
choose_import_file (PalierWindow     *self,
                    PalierImportKind  kind)
{
  GtkFileChooserNative *native;
  const char *title;
  const char *filter;

  switch (kind)
    {
    case PALIER_IMPORT_KIND_PARTNERS:
      title = _("Import Partners");
      filter = _("Partners files (CSV)");
      break;
    case PALIER_IMPORT_KIND_QUOTAS:
      title = _("Import Quotas");
      filter = _("Quotas files (CSV)");
      break;
    case PALIER_IMPORT_KIND_SALES:
    default:
      title = _("Import Sales");
      filter = _("Sales files (CSV)");
      break;
    }

  native = file_chooser_new (self, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  add_filter (GTK_FILE_CHOOSER (native), file_filter_new (filter, "*.csv", "*.CSV", NULL));
  g_object_set_data (G_OBJECT (native), "palier-import-kind", GINT_TO_POINTER (kind));

  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_sales_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_import_file (PALIER_WINDOW (widget), PALIER_IMPORT_KIND_SALES);
}

static void
import_partners_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_import_file (PALIER_WINDOW (widget), PALIER_IMPORT_KIND_PARTNERS);
}

static void
import_quotas_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_import_file (PALIER_WINDOW (widget), PALIER_IMPORT_KIND_QUOTAS);
}

/* win.export */

static void
exported_cb (PalierWindow *self,
             const char   *path)
{
  g_autofree char *basename = g_filename_display_basename (path);
  /* Translators: "Exported “superstore-2017-periods.png”". */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);

  palier_window_show_toast (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  PalierProgram *program = palier_designer_view_get_program (self->designer_view);
  PalierResult *result = palier_results_view_get_result (self->results_view);
  PalierComparison *comparison = palier_compare_view_get_comparison (self->compare_view);
  PalierExportDialog *dialog;

  if (program == NULL && result == NULL && comparison == NULL)
    return;

  dialog = palier_export_dialog_new (GTK_WINDOW (self), program, result, comparison);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.import-program */

/* Returns advice for an error of palier_program_read_file(), or NULL
 * when the core's message is complete without it. */
static const char *
program_error_advice (const GError *error)
{
  if (error->domain != PALIER_PROGRAM_ERROR)
    return NULL;

  switch (error->code)
    {
    case PALIER_PROGRAM_ERROR_MALFORMED:
      return _("The file is not well-formed XML. Correct it at the line below, then import it again.");
    case PALIER_PROGRAM_ERROR_FORBIDDEN:
      return _("Palier does not read XML with a document type declaration or entities, so that a file cannot reach other files or the network. Remove them, then import the file again.");
    case PALIER_PROGRAM_ERROR_SCHEMA:
      return _("The file does not follow the structure of a Palier program. Correct the element below, then import the file again.");
    case PALIER_PROGRAM_ERROR_INVALID:
      return _("The program breaks a rule of Palier programs. Correct the element below, then import the file again.");
    default:
      return NULL;
    }
}

/* Reads the program at @path, saves it in the workspace and shows it in
 * the Designer.  Errors are shown in a dialog naming the file, the line
 * and the element.  The file is small and validated in memory, so this
 * runs on the main thread. */
static void
import_program_file (PalierWindow *self,
                     const char   *path)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = palier_program_read_file (path, &error);
  /* Translators: the summary of the program's version saved by an
   * import: "Imported from plan.xml". */
  summary = g_strdup_printf (_("Imported from %s"), basename);
  if (program == NULL ||
      !palier_store_save_program (palier_workspace_get_store (self->workspace), program, summary, &error))
    {
      const char *advice = program_error_advice (error);
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), basename);
      g_autofree char *body = advice != NULL ? g_strdup_printf ("%s\n\n%s", advice, error->message)
                                             : g_strdup (error->message);

      _palier_window_show_error (self, heading, body);
      return;
    }

  /* TODO: select the imported program in the Designer once the Designer
   * can select a program by id; until then it keeps its selection. */
  palier_designer_view_reload (self->designer_view);
  palier_compare_view_reload (self->compare_view);
  adw_view_stack_set_visible_child_name (self->view_stack, "designer");

  /* Translators: "Imported the program “Superstore 2017”". */
  message = g_strdup_printf (_("Imported the program “%s”"), program->name);
  palier_window_show_toast (self, message);
}

static void
import_program_response_cb (GtkNativeDialog *native,
                            int              response,
                            PalierWindow    *self)
{
  g_autoptr(GFile) file = take_chosen_file (native, response);
  g_autofree char *path = NULL;

  if (file == NULL || self->workspace == NULL)
    return;

  path = g_file_get_path (file);
  if (path != NULL)
    import_program_file (self, path);
}

static void
import_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PalierWindow *self = PALIER_WINDOW (widget);
  GtkFileChooserNative *native;

  native = file_chooser_new (self, _("Import Program"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  add_filter (GTK_FILE_CHOOSER (native),
              file_filter_new (_("Palier programs (XML)"), "*.xml", "*.XML", NULL));

  g_signal_connect (native, "response", G_CALLBACK (import_program_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_palier_window_import_program (PalierWindow *self,
                               const char   *path)
{
  g_return_if_fail (PALIER_IS_WINDOW (self));
  g_return_if_fail (self->workspace != NULL);

  import_program_file (self, path);
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

/* win.undo and win.redo: the program selected in the Designer */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  palier_designer_view_undo (PALIER_WINDOW (widget)->designer_view);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  palier_designer_view_redo (PALIER_WINDOW (widget)->designer_view);
}

void
_palier_window_update_actions (PalierWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_workspace = self->workspace != NULL;

  gtk_widget_action_set_enabled (widget, "win.import-sales", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.import-partners", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.import-quotas", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.import-program", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.export",
                                 palier_designer_view_get_program (self->designer_view) != NULL ||
                                 palier_results_view_get_result (self->results_view) != NULL ||
                                 palier_compare_view_get_comparison (self->compare_view) != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 palier_designer_view_can_undo (self->designer_view));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 palier_designer_view_can_redo (self->designer_view));
}

void
_palier_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.import-sales", NULL, import_sales_action);
  gtk_widget_class_install_action (widget_class, "win.import-partners", NULL, import_partners_action);
  gtk_widget_class_install_action (widget_class, "win.import-quotas", NULL, import_quotas_action);
  gtk_widget_class_install_action (widget_class, "win.import-program", NULL, import_program_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.simulate", NULL, simulate_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
}
