/* palier-application.c: the Palier application
 *
 * Starts with the workspace named on the command line (`palier FILE` or
 * `--workspace FILE`), else the last workspace, else, on the first run,
 * the user's copy of the sample workspace.  It also keeps the list of
 * recent workspaces shown in the primary menu.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-application.h"
#include "palier-window.h"

/* Length of the list of recent workspaces. */
#define MAX_RECENT 10

struct _PalierApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GFile *requested_workspace;           /* from --workspace */
};

G_DEFINE_FINAL_TYPE (PalierApplication, palier_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace FILE"), N_("FILE") },
  { NULL }
};

PalierApplication *
palier_application_new (void)
{
  return g_object_new (PALIER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/palier/Palier",
                       NULL);
}

/* Recent workspaces */

static void
fill_recent_menu (PalierApplication *self)
{
  GMenu *section;
  g_auto(GStrv) paths = NULL;

  section = gtk_application_get_menu_by_id (GTK_APPLICATION (self), "recent-workspaces");
  if (section == NULL)
    return;

  g_menu_remove_all (section);
  paths = g_settings_get_strv (self->settings, "recent-workspaces");

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *basename = g_path_get_basename (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (basename, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", paths[i]);
      g_menu_append_item (section, item);
    }

  /* An item without an action shows as disabled. */
  if (paths[0] == NULL)
    g_menu_append (section, _("No Recent Workspaces"), NULL);
}

void
palier_application_note_workspace (PalierApplication *self,
                                   const char        *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (PALIER_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  g_settings_set_string (self->settings, "last-workspace", path);

  old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) recent);
}

/* Application actions */

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Palier developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Palier"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Palier developers"),
                         "developers", developers,
                         "comments", _("Design channel-partner incentive programs and see what they would have paid on your past sales."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing each window lets it save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (application));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new-workspace", { "<Control>n", NULL } },
    { "win.import-sales", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.simulate", { "<Control>r", "F5", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

/* GApplication */

static void
palier_application_startup (GApplication *application)
{
  PalierApplication *self = PALIER_APPLICATION (application);

  G_APPLICATION_CLASS (palier_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (fill_recent_menu), self,
                           G_CONNECT_SWAPPED);
  fill_recent_menu (self);
}

static PalierWindow *
get_window (PalierApplication *self,
            gboolean          *out_created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *out_created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (palier_window_new (self));

  return PALIER_WINDOW (window);
}

/* The workspace a new window starts with: the one asked for, the last
 * one, or the sample on the first run. */
static void
open_start_workspace (PalierApplication *self,
                      PalierWindow      *window)
{
  g_autofree char *last = NULL;

  if (self->requested_workspace != NULL)
    {
      palier_window_open_file (window, self->requested_workspace);
      g_clear_object (&self->requested_workspace);
      return;
    }

  last = g_settings_get_string (self->settings, "last-workspace");
  if (last[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      palier_window_open_file (window, file);
      return;
    }

  palier_window_open_sample (window);
}

static void
palier_application_activate (GApplication *application)
{
  PalierApplication *self = PALIER_APPLICATION (application);
  gboolean created;
  PalierWindow *window = get_window (self, &created);

  gtk_window_present (GTK_WINDOW (window));

  if (created)
    open_start_workspace (self, window);
}

static void
palier_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  PalierApplication *self = PALIER_APPLICATION (application);
  gboolean created;
  PalierWindow *window = get_window (self, &created);

  gtk_window_present (GTK_WINDOW (window));

  /* A window shows one workspace: the first file is opened, or imported
   * into the current workspace when it is a CSV file. */
  if (n_files > 0)
    palier_window_open_file (window, files[0]);
}

static int
palier_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  PalierApplication *self = PALIER_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *path = NULL;

  if (!g_variant_dict_lookup (options, "workspace", "^&ay", &path))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A running instance opens the file in its own window. */
  if (g_application_get_is_remote (application))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_application_open (application, &file, 1, "");
      return 0;
    }

  self->requested_workspace = g_file_new_for_commandline_arg (path);
  return -1;
}

/* GObject */

static void
palier_application_dispose (GObject *object)
{
  PalierApplication *self = PALIER_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->requested_workspace);

  G_OBJECT_CLASS (palier_application_parent_class)->dispose (object);
}

static void
palier_application_class_init (PalierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = palier_application_dispose;

  application_class->startup = palier_application_startup;
  application_class->activate = palier_application_activate;
  application_class->open = palier_application_open;
  application_class->handle_local_options = palier_application_handle_local_options;
}

static void
palier_application_init (PalierApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open a workspace (.palier), or import a CSV file of sales into the current workspace."));
}
