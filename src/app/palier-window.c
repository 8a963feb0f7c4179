/* palier-window.c: Palier's main window, one workspace at a time
 *
 * The window owns the open workspace and hands it to the four views.
 * Opening a workspace runs in a worker thread and only replaces the
 * current one once it succeeded, so a file that cannot be opened leaves
 * the user where they were.  The actions live in palier-window-actions.c.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-sample.h"
#include "palier-window-private.h"

G_DEFINE_FINAL_TYPE (PalierWindow, palier_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PalierWindow *
palier_window_new (PalierApplication *application)
{
  return g_object_new (PALIER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
palier_window_show_toast (PalierWindow *self,
                          const char   *message)
{
  g_return_if_fail (PALIER_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_palier_window_show_error (PalierWindow *self,
                           const char   *heading,
                           const char   *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The workspace */

static void
update_title (PalierWindow *self)
{
  g_autofree char *workspace_title = NULL;
  g_autofree char *window_title = NULL;

  if (self->workspace == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_label_set_text (self->workspace_label, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Palier"));
      return;
    }

  workspace_title = palier_workspace_dup_title (self->workspace);
  /* Translators: the window title: the workspace, then the application. */
  window_title = g_strdup_printf (_("%s — Palier"), workspace_title);

  /* The switcher hides its subtitle while the window is wide, so the
   * header bar names the workspace beside the Open button too. */
  adw_view_switcher_title_set_subtitle (self->switcher_title, workspace_title);
  gtk_label_set_text (self->workspace_label, workspace_title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label),
                               palier_workspace_get_path (self->workspace));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

PalierWorkspace *
palier_window_get_workspace (PalierWindow *self)
{
  g_return_val_if_fail (PALIER_IS_WINDOW (self), NULL);

  return self->workspace;
}

void
palier_window_set_workspace (PalierWindow    *self,
                             PalierWorkspace *workspace)
{
  GtkApplication *application;

  g_return_if_fail (PALIER_IS_WINDOW (self));
  g_return_if_fail (workspace == NULL || PALIER_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self->results_view);
  g_set_object (&self->workspace, workspace);

  /* Results of earlier sales would mislead once more sales come in. */
  palier_results_view_clear (self->results_view);
  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "sales-changed",
                               G_CALLBACK (palier_results_view_clear), self->results_view,
                               G_CONNECT_SWAPPED);
      /* The live simulation and the Compare view follow the range
       * themselves. */
      g_signal_connect_object (workspace, "range-changed",
                               G_CALLBACK (palier_results_view_resimulate), self->results_view,
                               G_CONNECT_SWAPPED);
    }
  palier_range_selector_set_workspace (palier_results_view_get_range_selector (self->results_view),
                                       workspace);
  palier_data_view_set_workspace (self->data_view, workspace);
  palier_designer_view_set_workspace (self->designer_view, workspace);
  palier_compare_view_set_workspace (self->compare_view, workspace);
  palier_scenarios_view_set_workspace (self->scenarios_view, workspace);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (workspace != NULL && PALIER_IS_APPLICATION (application))
    palier_application_note_workspace (PALIER_APPLICATION (application),
                                       palier_workspace_get_path (workspace));

  update_title (self);
  _palier_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* Returns advice for an error of palier_store_open(), or NULL when the
 * core's message is complete without it. */
static const char *
open_error_advice (const GError *error)
{
  if (error->domain != PALIER_STORE_ERROR)
    return NULL;

  switch (error->code)
    {
    case PALIER_STORE_ERROR_NOT_FOUND:
      return _("The file does not exist any more. It may have been moved, renamed or deleted.");
    case PALIER_STORE_ERROR_NOT_WORKSPACE:
      return _("This file is not a Palier workspace. To load sales from a CSV file, choose Import Sales in the main menu.");
    case PALIER_STORE_ERROR_NEWER_VERSION:
      return _("This workspace was saved by a newer version of Palier. Install that version to open it.");
    case PALIER_STORE_ERROR_CORRUPT:
      return _("This workspace is damaged. Open a backup copy of it, or create a new workspace and import the sales again.");
    case PALIER_STORE_ERROR_LOCKED:
      return _("Another program is writing to this workspace. Close the workspace there, then try again.");
    case PALIER_STORE_ERROR_READ_ONLY:
      return _("You cannot write to this workspace. Copy it to one of your folders, then open the copy.");
    case PALIER_STORE_ERROR_FULL:
      return _("The disk is full. Free some space, then try again.");
    default:
      return NULL;
    }
}

static void
show_open_error (PalierWindow *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *advice = open_error_advice (error);

  /* Translators: heading of the dialog shown when a workspace cannot be
   * opened. */
  heading = g_strdup_printf (_("Cannot Open “%s”"), basename);
  if (advice != NULL)
    body = g_strdup_printf ("%s\n\n%s", advice, error->message);
  else
    body = g_strdup (error->message);

  _palier_window_show_error (self, heading, body);
}

typedef struct {
  PalierWindow *window;
  char *path;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void
workspace_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  OpenRequest *request = user_data;
  PalierWindow *self = request->window;
  g_autoptr(PalierWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  workspace = palier_workspace_open_finish (result, &error);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      open_request_free (request);
      return;
    }

  g_clear_object (&self->open_cancellable);

  if (workspace == NULL)
    show_open_error (self, request->path, error);
  else
    palier_window_set_workspace (self, workspace);

  open_request_free (request);
}

void
_palier_window_open_workspace (PalierWindow     *self,
                               const char       *path,
                               PalierStoreFlags  flags)
{
  OpenRequest *request;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  request = g_new0 (OpenRequest, 1);
  request->window = g_object_ref (self);
  request->path = g_strdup (path);

  palier_workspace_open_async (path, flags, self->open_cancellable,
                               workspace_opened_cb, request);
}

static gboolean
is_csv_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (basename, -1);

  return g_str_has_suffix (lower, ".csv");
}

void
palier_window_open_file (PalierWindow *self,
                         GFile        *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PALIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *heading = g_strdup_printf (_("Cannot Open “%s”"), uri);

      _palier_window_show_error (self, heading,
                                 _("Palier opens files on this computer only. Copy the file to one of your folders, then open the copy."));
      return;
    }

  if (is_csv_file (file))
    _palier_window_import_csv (self, path);
  else
    _palier_window_open_workspace (self, path, PALIER_STORE_OPEN_EXISTING);
}

void
palier_window_open_sample (PalierWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (PALIER_IS_WINDOW (self));

  path = palier_sample_prepare (&error);
  if (path == NULL)
    {
      _palier_window_show_error (self, _("Cannot Open the Sample Workspace"), error->message);
      return;
    }

  _palier_window_open_workspace (self, path, PALIER_STORE_OPEN_EXISTING);
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PalierWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  /* One workspace per window: the first file wins. */
  palier_window_open_file (self, files->data);
  g_slist_free (files);

  return TRUE;
}

static void
setup_drop_target (PalierWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Window state */

static void
restore_window_state (PalierWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (PalierWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The default size follows the size the user gives the window, but not
   * its maximized size. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static gboolean
palier_window_close_request (GtkWindow *window)
{
  save_window_state (PALIER_WINDOW (window));

  return GTK_WINDOW_CLASS (palier_window_parent_class)->close_request (window);
}

/* GObject */

static void
palier_window_dispose (GObject *object)
{
  PalierWindow *self = PALIER_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (palier_window_parent_class)->dispose (object);
}

/* The primary menu comes from the application's gtk/menus.ui.  GtkWindow
 * sets its application after construction, so this follows the
 * property. */
static void
application_changed_cb (PalierWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GMenu *menu = NULL;

  if (application != NULL)
    menu = gtk_application_get_menu_by_id (application, "primary-menu");

  gtk_menu_button_set_menu_model (self->primary_menu_button, G_MENU_MODEL (menu));
}

static void
palier_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PalierWindow *self = PALIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PalierWindow *self = PALIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      palier_window_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_window_class_init (PalierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = palier_window_dispose;
  object_class->get_property = palier_window_get_property;
  object_class->set_property = palier_window_set_property;
  window_class->close_request = palier_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         PALIER_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALIER_TYPE_DATA_VIEW);
  g_type_ensure (PALIER_TYPE_DESIGNER_VIEW);
  g_type_ensure (PALIER_TYPE_RESULTS_VIEW);
  g_type_ensure (PALIER_TYPE_COMPARE_VIEW);
  g_type_ensure (PALIER_TYPE_SCENARIOS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, data_view);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, designer_view);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, PalierWindow, scenarios_view);

  _palier_window_class_add_actions (widget_class);
}

/* Each edit in the Designer reruns the simulation: its result replaces
 * the one shown. */
static void
live_result_cb (PalierWindow *self)
{
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (self->designer_view);

  if (live != NULL && palier_live_simulation_get_result (live) != NULL)
    palier_results_view_show_result (self->results_view, palier_live_simulation_get_result (live));
}

/* The range selectors list the fiscal years of the program selected in
 * the Designer. */
static void
program_changed_cb (PalierWindow *self)
{
  PalierProgram *program = palier_designer_view_get_program (self->designer_view);
  int month = program != NULL ? program->fiscal_year_start : 1;

  palier_range_selector_set_fiscal_year_start (palier_results_view_get_range_selector (self->results_view),
                                               month);
  palier_range_selector_set_fiscal_year_start (palier_compare_view_get_range_selector (self->compare_view),
                                               month);
}

static void
palier_window_init (PalierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "preferred-currency",
                   self->data_view, "currency",
                   G_SETTINGS_BIND_GET);

  g_signal_connect (self, "notify::application",
                    G_CALLBACK (application_changed_cb), NULL);
  g_signal_connect_object (self->results_view, "notify::has-result",
                           G_CALLBACK (_palier_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->designer_view, "notify::program",
                           G_CALLBACK (_palier_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->designer_view, "notify::program",
                           G_CALLBACK (program_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_view, "notify::has-comparison",
                           G_CALLBACK (_palier_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->designer_view, "notify::can-undo",
                           G_CALLBACK (_palier_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->designer_view, "notify::can-redo",
                           G_CALLBACK (_palier_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->designer_view, "live-result",
                           G_CALLBACK (live_result_cb), self,
                           G_CONNECT_SWAPPED);

  setup_drop_target (self);
  restore_window_state (self);
  update_title (self);
  _palier_window_update_actions (self);
}
