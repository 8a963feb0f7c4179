/* palier-designer-view-program.c: the program's settings and actions
 *
 * The program's name, currency, period, fiscal year and quotas, the
 * actions of the program menu (new, duplicate, rename, delete, history)
 * and the hook that stages a drag for screenshots.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-history-dialog.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"

/* Program properties */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  _palier_designer_view_flag (GTK_WIDGET (row), NULL);
}

static void
remove_segment_quota_cb (GtkButton          *button,
                         PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const char *segment = g_object_get_data (G_OBJECT (button), ID_KEY);
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;

  if (draft == NULL)
    return;

  changed = palier_program_copy (draft);
  for (guint i = 0; i < changed->segment_quotas->len; i++)
    if (g_strcmp0 (g_array_index (changed->segment_quotas, PalierSegmentQuota, i).segment, segment) == 0)
      {
        g_array_remove_index (changed->segment_quotas, i);
        break;
      }

  _palier_designer_view_edit (self, palier_edit_properties (draft, changed, &summary),
                              &summary);
}

static void
segment_quota_apply_cb (AdwEntryRow        *row,
                        PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const char *segment = g_object_get_data (G_OBJECT (row), ID_KEY);
  g_autoptr(PalierProgram) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  PalierDecimal quota;

  if (draft == NULL)
    return;

  if (!palier_input_parse_number (gtk_editable_get_text (GTK_EDITABLE (row)), &quota, &error))
    {
      _palier_designer_view_flag (GTK_WIDGET (row), error->message);
      return;
    }

  changed = palier_program_copy (draft);
  for (guint i = 0; i < changed->segment_quotas->len; i++)
    {
      PalierSegmentQuota *entry = &g_array_index (changed->segment_quotas, PalierSegmentQuota, i);

      if (g_strcmp0 (entry->segment, segment) == 0)
        entry->quota = quota;
    }

  _palier_designer_view_flag (GTK_WIDGET (row), NULL);
  _palier_designer_view_edit (self, palier_edit_properties (draft, changed, &summary),
                              &summary);
}

static void
clear_segment_quota_rows (PalierDesignerView *self)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->segment_quotas_row), "palier-rows");

  if (rows == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (self->segment_quotas_row, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_segment_quotas (PalierDesignerView *self,
                     const PalierProgram *program)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->segment_quotas_row), "palier-rows");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *subtitle = NULL;

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (self->segment_quotas_row), "palier-rows", rows,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  clear_segment_quota_rows (self);

  for (guint i = 0; i < program->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *quota = &g_array_index (program->segment_quotas, PalierSegmentQuota, i);
      g_autofree char *text = palier_input_format_number (quota->quota);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quota->segment);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_object_set_data_full (G_OBJECT (row), ID_KEY, g_strdup (quota->segment), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (segment_quota_apply_cb), self);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove This Segment Quota"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Segment Quota"),
                                      -1);
      g_object_set_data_full (G_OBJECT (remove), ID_KEY, g_strdup (quota->segment), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_segment_quota_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

      adw_expander_row_add_row (self->segment_quotas_row, row);
      g_ptr_array_add (rows, row);
    }

  /* The workspace's segments that have no quota yet. */
  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      const char *segment = g_ptr_array_index (self->segments, i);
      g_autofree char *action = NULL;
      gboolean listed = FALSE;

      for (guint j = 0; j < program->segment_quotas->len; j++)
        listed |= g_strcmp0 (g_array_index (program->segment_quotas, PalierSegmentQuota, j).segment,
                             segment) == 0;
      if (listed)
        continue;

      action = g_action_print_detailed_name ("designer.add-segment-quota", g_variant_new_string (segment));
      g_menu_append (menu, segment, action);
    }

  gtk_menu_button_set_menu_model (self->add_segment_quota_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_segment_quota_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u segment", "%u segments",
                                           program->segment_quotas->len),
                              program->segment_quotas->len);
  adw_expander_row_set_subtitle (self->segment_quotas_row, subtitle);
}

void
_palier_designer_view_show_properties (PalierDesignerView  *self,
                                      const PalierProgram *program)
{
  g_autofree char *quota = NULL;

  if (program->has_quota)
    quota = palier_input_format_number (program->quota);

  set_entry_text (self->name_row, program->name);
  set_entry_text (self->currency_row, program->currency);
  set_entry_text (self->quota_row, quota != NULL ? quota : "");
  adw_combo_row_set_selected (self->period_row, program->period);
  adw_combo_row_set_selected (self->fiscal_year_row, program->fiscal_year_start - 1);
  show_segment_quotas (self, program);
}

static void
program_entry_apply_cb (PalierDesignerView *self,
                        AdwEntryRow        *row)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;

  if (draft == NULL || self->updating)
    return;

  changed = palier_program_copy (draft);
  if (row == self->name_row)
    {
      g_free (changed->name);
      changed->name = g_strstrip (g_strdup (text));
    }
  else if (row == self->currency_row)
    {
      g_free (changed->currency);
      changed->currency = g_ascii_strup (g_strstrip (g_strdup (text)), -1);
      if (!palier_currency_is_valid (changed->currency))
        {
          _palier_designer_view_flag (GTK_WIDGET (row),
                                      _("Type a three-letter ISO 4217 code, such as USD or EUR"));
          return;
        }
    }
  else if (row == self->quota_row)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      changed->has_quota = stripped[0] != '\0';
      if (changed->has_quota &&
          !palier_input_parse_number (stripped, &changed->quota, &error))
        {
          _palier_designer_view_flag (GTK_WIDGET (row), error->message);
          return;
        }
      if (!changed->has_quota)
        changed->quota = 0;
    }

  _palier_designer_view_flag (GTK_WIDGET (row), NULL);
  _palier_designer_view_edit (self, palier_edit_properties (draft, changed, &summary),
                              &summary);
}

static void
program_combo_changed_cb (PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;

  if (draft == NULL || self->updating)
    return;

  changed = palier_program_copy (draft);
  changed->period = adw_combo_row_get_selected (self->period_row);
  changed->fiscal_year_start = adw_combo_row_get_selected (self->fiscal_year_row) + 1;

  _palier_designer_view_edit (self, palier_edit_properties (draft, changed, &summary),
                              &summary);
}

static void
add_segment_quota_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;

  if (draft == NULL)
    return;

  changed = palier_program_copy (draft);
  palier_program_add_segment_quota (changed, g_variant_get_string (parameter, NULL),
                                    draft->has_quota ? draft->quota : 10000 * PALIER_DECIMAL_ONE);
  _palier_designer_view_edit (self, palier_edit_properties (draft, changed, &summary),
                              &summary);
  adw_expander_row_set_expanded (self->segment_quotas_row, TRUE);
}

/* Program actions */

/* An id of "@stem-N" that no program of the workspace has. */
static char *
unique_program_id (PalierDesignerView *self,
                   const char         *stem)
{
  g_autoptr(GPtrArray) ids = palier_store_list_programs (palier_workspace_get_store (self->workspace), NULL);

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", stem, n);
      gboolean taken = FALSE;

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        taken |= g_strcmp0 (g_ptr_array_index (ids, i), id) == 0;

      if (!taken)
        return g_steal_pointer (&id);
    }
}

/* Saves a program that is new to the workspace, lists it and selects it. */
static void
add_program (PalierDesignerView *self,
             PalierProgram      *program,
             const char         *summary)
{
  g_autoptr(GError) error = NULL;

  if (!palier_store_save_program (palier_workspace_get_store (self->workspace), program, summary, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot save the program: %s"), error->message);

      _palier_designer_view_toast (self, text);
      return;
    }

  _palier_designer_view_ensure_editor (self, program);
  palier_designer_view_reload (self);
  palier_designer_view_select_program (self, program->id);
}

static void
new_program_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autoptr(PalierProgram) empty = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autofree char *id = NULL;
  g_autofree char *summary = NULL;

  if (self->workspace == NULL)
    return;

  id = unique_program_id (self, "program");
  empty = palier_program_new (id, _("New Program"));
  if (draft != NULL)
    {
      g_free (empty->currency);
      empty->currency = g_strdup (draft->currency);
    }

  program = palier_edit_add_component (empty, PALIER_COMPONENT_COMMISSION, &summary);
  /* Translators: the first version in a program's history. */
  add_program (self, program, _("Created the program"));
}

static void
duplicate_program_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  g_autoptr(PalierProgram) copy = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *summary = NULL;
  PalierProgram *program;

  if (self->editor == NULL)
    return;

  program = palier_program_editor_get_program (self->editor);
  copy = palier_program_copy (program);
  stem = g_strdup_printf ("%s-copy", program->id);
  g_free (copy->id);
  copy->id = unique_program_id (self, stem);
  g_free (copy->name);
  /* Translators: the name of a duplicated program. */
  copy->name = g_strdup_printf (_("%s (Copy)"), program->name);

  /* Translators: the first version in a duplicated program's history. */
  summary = g_strdup_printf (_("Duplicated “%s”"), program->name);
  add_program (self, copy, summary);
}

static void
rename_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    PalierDesignerView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "palier-entry");
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;

  if (g_strcmp0 (response, "rename") != 0 || draft == NULL)
    return;

  changed = palier_program_copy (draft);
  g_free (changed->name);
  changed->name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  _palier_designer_view_edit (self, palier_edit_properties (draft, changed, &summary),
                              &summary);
}

static void
rename_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (draft == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Program"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), draft->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "palier-entry", entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_program (PalierDesignerView *self,
                const char         *id)
{
  PalierProgramEditor *editor = g_hash_table_lookup (self->editors, id);
  g_autoptr(GError) error = NULL;

  /* A save still queued would bring the program back. */
  if (editor != NULL)
    palier_program_editor_flush (editor);

  if (!palier_store_delete_program (palier_workspace_get_store (self->workspace), id, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot delete the program: %s"), error->message);

      _palier_designer_view_toast (self, text);
      return;
    }

  _palier_designer_view_set_editor (self, NULL);
  g_hash_table_remove (self->editors, id);
  palier_designer_view_reload (self);
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    PalierDesignerView *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), ID_KEY);

  if (g_strcmp0 (response, "delete") == 0 && self->workspace != NULL)
    delete_program (self, id);
}

static void
delete_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  PalierProgram *program;
  GtkWidget *dialog;

  if (self->editor == NULL)
    return;

  program = palier_program_editor_get_program (self->editor);
  /* Translators: heading of the dialog that confirms a deletion. */
  heading = g_strdup_printf (_("Delete “%s”?"), program->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The program and its history are removed from the workspace. This cannot be undone."));
  g_object_set_data_full (G_OBJECT (dialog), ID_KEY, g_strdup (program->id), g_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* History */

gboolean
palier_designer_view_restore_version (PalierDesignerView  *self,
                                      gint64               version_id,
                                      gint64               version_time,
                                      GError             **error)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), FALSE);
  g_return_val_if_fail (self->editor != NULL, FALSE);

  program = palier_store_load_program_version (palier_workspace_get_store (self->workspace),
                                               version_id, error);
  if (program == NULL)
    return FALSE;

  time = g_date_time_new_from_unix_local (version_time);
  /* Translators: a date and time in the program history, see
   * g_date_time_format(): "March 15, 2017 14:05". */
  when = g_date_time_format (time, _("%B %-d, %Y %H:%M"));
  /* Translators: a change in the program history. */
  summary = g_strdup_printf (_("Restored the version of %s"), when);

  palier_program_editor_edit (self->editor, program, summary);
  return TRUE;
}

static void
history_restore_cb (PalierHistoryDialog *dialog,
                    gint64               version_id,
                    gint64               version_time,
                    PalierDesignerView  *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL)
    return;

  if (!palier_designer_view_restore_version (self, version_id, version_time, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot restore the version: %s"), error->message);

      _palier_designer_view_toast (self, text);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
program_history_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PalierHistoryDialog *dialog;
  PalierProgram *program;

  if (self->editor == NULL)
    return;

  /* The history lists what is written: wait for the saves queued. */
  palier_program_editor_flush (self->editor);
  program = palier_program_editor_get_program (self->editor);
  dialog = palier_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      palier_workspace_get_store (self->workspace),
                                      program);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (history_restore_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Screenshots */

/* PALIER_DESIGNER_DEMO_DRAG="HANDLE,DX,DY" shows the designer at
 * 1280x800 and leaves handle HANDLE of the first component dragged by
 * (DX, DY) pixels, for screenshots of a drag in progress. */
static gboolean
demo_drag_cb (gpointer user_data)
{
  PalierDesignerView *self = user_data;
  g_auto(GStrv) parts = g_strsplit (g_getenv ("PALIER_DESIGNER_DEMO_DRAG"), ",", 3);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->curve_editor), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t top;
  double x, y;

  if (g_strv_length (parts) != 3)
    return G_SOURCE_REMOVE;

  /* The component list and the curve, without the program's settings. */
  if (gtk_widget_compute_point (GTK_WIDGET (self->component_group), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (adjustment, top.y - 330);

  if (palier_curve_editor_get_handle_position (self->curve_editor, atoi (parts[0]), &x, &y) &&
      palier_curve_editor_begin_drag (self->curve_editor, x, y))
    palier_curve_editor_update_drag (self->curve_editor, g_ascii_strtod (parts[1], NULL),
                                     g_ascii_strtod (parts[2], NULL));

  return G_SOURCE_REMOVE;
}

static gboolean
demo_show_cb (gpointer user_data)
{
  PalierDesignerView *self = user_data;
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_size (GTK_WINDOW (root), 1280, 800);
  if (stack != NULL)
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), GTK_WIDGET (self));

  g_timeout_add_full (G_PRIORITY_DEFAULT, 700, demo_drag_cb, g_object_ref (self), g_object_unref);
  return G_SOURCE_REMOVE;
}

void
_palier_designer_view_start_demo (PalierDesignerView *self)
{
  if (g_getenv ("PALIER_DESIGNER_DEMO_DRAG") != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 300, demo_show_cb, g_object_ref (self), g_object_unref);
}

/* Setup */

void
_palier_designer_view_class_init_program (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, name_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, currency_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, period_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, quota_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, segment_quotas_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, add_segment_quota_button);

  gtk_widget_class_bind_template_callback (widget_class, program_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_combo_changed_cb);

  gtk_widget_class_install_action (widget_class, "designer.new-program", NULL, new_program_action);
  gtk_widget_class_install_action (widget_class, "designer.duplicate-program", NULL, duplicate_program_action);
  gtk_widget_class_install_action (widget_class, "designer.rename-program", NULL, rename_program_action);
  gtk_widget_class_install_action (widget_class, "designer.delete-program", NULL, delete_program_action);
  gtk_widget_class_install_action (widget_class, "designer.program-history", NULL, program_history_action);
  gtk_widget_class_install_action (widget_class, "designer.add-segment-quota", "s", add_segment_quota_action);
}
