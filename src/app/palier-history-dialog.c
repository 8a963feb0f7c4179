/* palier-history-dialog.c: the saved versions of a program */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-history-dialog.h"

struct _PalierHistoryDialog
{
  AdwWindow parent_instance;

  /* template */
  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (PalierHistoryDialog, palier_history_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define VERSION_KEY "palier-version"
#define TIME_KEY "palier-time"

static void
restore_clicked_cb (GtkButton           *button,
                    PalierHistoryDialog *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), VERSION_KEY);
  gint64 *time = g_object_get_data (G_OBJECT (button), TIME_KEY);

  g_signal_emit (self, signals[RESTORE], 0, *id, *time);
}

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);

  /* Translators: when a version was saved, see g_date_time_format():
   * "March 15, 2017 14:05:09". */
  return g_date_time_format (local, _("%B %-d, %Y %H:%M:%S"));
}

static GtkWidget *
version_row_new (PalierHistoryDialog        *self,
                 const PalierProgramVersion *version,
                 gboolean                    current)
{
  g_autofree char *when = format_time (version->time);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 version->summary[0] != '\0' ? version->summary : _("Saved"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  if (current)
    {
      suffix = gtk_label_new (_("Current"));
      gtk_widget_add_css_class (suffix, "dim-label");
    }
  else
    {
      suffix = gtk_button_new_with_mnemonic (_("_Restore"));
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (suffix), VERSION_KEY,
                              g_memdup2 (&version->id, sizeof version->id), g_free);
      g_object_set_data_full (G_OBJECT (suffix), TIME_KEY,
                              g_memdup2 (&version->time, sizeof version->time), g_free);
      g_signal_connect (suffix, "clicked", G_CALLBACK (restore_clicked_cb), self);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
fill (PalierHistoryDialog *self,
      PalierStore         *store,
      const char          *id)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = palier_store_list_program_versions (store, id, &error);
  if (versions == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = versions->len; i > 0; i--)
    gtk_list_box_append (self->list,
                         version_row_new (self, g_ptr_array_index (versions, i - 1),
                                          i == versions->len));

  gtk_stack_set_visible_child_name (self->stack, "versions");
}

static void
palier_history_dialog_class_init (PalierHistoryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Restore was chosen on the version of this id, saved at this time
   * (seconds since 1970). */
  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PalierHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierHistoryDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierHistoryDialog, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palier_history_dialog_init (PalierHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PalierHistoryDialog *
palier_history_dialog_new (GtkWindow           *parent,
                           PalierStore         *store,
                           const PalierProgram *program)
{
  PalierHistoryDialog *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);

  self = g_object_new (PALIER_TYPE_HISTORY_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  adw_window_title_set_subtitle (self->window_title, program->name);
  fill (self, store, program->id);

  return self;
}

GtkListBox *
palier_history_dialog_get_list (PalierHistoryDialog *self)
{
  g_return_val_if_fail (PALIER_IS_HISTORY_DIALOG (self), NULL);

  return self->list;
}
