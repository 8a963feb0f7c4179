/* palier-designer-view.c: the programs of a workspace, edited
 *
 * The sidebar lists the workspace's programs.  The selected program is
 * edited through its PalierProgramEditor, which keeps its undo history
 * while the workspace is open and saves every accepted edit.  Each
 * change of a valid draft reruns the live simulation, started at most
 * once a frame while the view is shown, and the totals line shows its
 * outcome.  The components, the tier table
 * and the payout curve live in palier-designer-view-component.c.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-format.h"
#include "palier-history-dialog.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"
#include "palier-window.h"

G_DEFINE_FINAL_TYPE (PalierDesignerView, palier_designer_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_PROGRAM,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LIVE_RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ID_KEY "palier-id"

static void show_draft (PalierDesignerView *self);

/* Helpers shared with the component side */

PalierProgram *
_palier_designer_view_get_draft (PalierDesignerView *self)
{
  return self->editor != NULL ? palier_program_editor_get_draft (self->editor) : NULL;
}

void
_palier_designer_view_edit (PalierDesignerView  *self,
                            PalierProgram       *candidate,
                            char               **summary)
{
  g_autoptr(PalierProgram) program = candidate;
  g_autofree char *text = g_steal_pointer (summary);

  if (program == NULL || self->editor == NULL)
    return;

  palier_program_editor_edit (self->editor, program, text);
}

void
_palier_designer_view_toast (PalierDesignerView *self,
                             const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PALIER_IS_WINDOW (root))
    palier_window_show_toast (PALIER_WINDOW (root), message);
}

void
_palier_designer_view_flag (GtkWidget  *widget,
                            const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");

  gtk_widget_set_tooltip_text (widget, message);
}

/* Live simulation */

static void
show_totals (PalierDesignerView *self)
{
  PalierResult *result = palier_live_simulation_get_result (self->live);
  const GError *error = palier_live_simulation_get_error (self->live);
  g_autofree char *payout = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *text = NULL;

  if (result == NULL)
    {
      gtk_label_set_text (self->totals_label, error != NULL ? error->message : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), error != NULL ? error->message : NULL);
      return;
    }

  payout = palier_format_money (result->total_payout, result->program->currency);
  cost = palier_format_percent (result->cost_of_sales, 2);
  /* Translators: the designer's totals line: "Total payout $313.00 ·
   * Cost of sales 6.66%". */
  text = g_strdup_printf (_("Total payout %s · Cost of sales %s"), payout, cost);
  gtk_label_set_text (self->totals_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), NULL);
}

static void
live_updated_cb (PalierDesignerView *self)
{
  show_totals (self);
  g_signal_emit (self, signals[LIVE_RESULT], 0);
}

static void
live_running_cb (PalierDesignerView *self)
{
  gboolean running = palier_live_simulation_is_running (self->live);

  gtk_spinner_set_spinning (self->live_spinner, running);
}

static void
run_pending (PalierDesignerView *self)
{
  g_autoptr(PalierProgram) program = g_steal_pointer (&self->pending_run);

  if (program != NULL && self->live != NULL)
    palier_live_simulation_run (self->live, program);
}

static gboolean
run_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);

  self->run_tick_id = 0;
  run_pending (self);

  return G_SOURCE_REMOVE;
}

void
_palier_designer_view_simulate (PalierDesignerView *self,
                                PalierProgram      *program)
{
  if (self->live == NULL || program == NULL)
    return;

  palier_program_ref (program);
  g_clear_pointer (&self->pending_run, palier_program_unref);
  self->pending_run = program;

  /* A view that is not shown has no frames to wait for. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      run_pending (self);
      return;
    }

  if (self->run_tick_id == 0)
    self->run_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), run_tick_cb, NULL, NULL);
}

static void
stop_live_simulation (PalierDesignerView *self)
{
  if (self->run_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->run_tick_id);
  self->run_tick_id = 0;
  g_clear_pointer (&self->pending_run, palier_program_unref);

  if (self->live != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->live, self);
      palier_live_simulation_cancel (self->live);
    }
  g_clear_object (&self->live);
}

static void
start_live_simulation (PalierDesignerView *self)
{
  stop_live_simulation (self);
  if (self->workspace == NULL)
    return;

  self->live = palier_live_simulation_new (self->workspace);
  g_signal_connect_swapped (self->live, "updated", G_CALLBACK (live_updated_cb), self);
  g_signal_connect_swapped (self->live, "notify::running", G_CALLBACK (live_running_cb), self);
}

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

static void
show_properties (PalierDesignerView  *self,
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

/* The draft */

static GtkListBoxRow *
find_program_row (PalierDesignerView *self,
                  const char         *id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->program_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), ID_KEY), id) == 0)
      return row;

  return NULL;
}

static void
show_problem (PalierDesignerView *self)
{
  const GError *problem = palier_program_editor_get_problem (self->editor);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  if (problem == NULL)
    return;

  /* Translators: shown above an invalid program; the problem follows. */
  text = g_strdup_printf (_("Not saved until fixed: %s"), problem->message);
  gtk_label_set_text (self->problem_label, text);
}

static void
show_draft (PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  PalierProgram *program = palier_program_editor_get_program (self->editor);
  GtkListBoxRow *row = find_program_row (self, program->id);

  self->updating = TRUE;
  show_properties (self, draft);
  _palier_designer_view_show_components (self);
  self->updating = FALSE;

  show_problem (self);
  if (row != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (row)), program->name);

  /* An invalid draft cannot be simulated: the totals stay those of the
   * program as saved. */
  if (palier_program_editor_get_problem (self->editor) == NULL)
    _palier_designer_view_simulate (self, draft);

  gtk_stack_set_visible_child_name (self->program_stack, "program");
}

static void
editor_changed_cb (PalierDesignerView *self)
{
  show_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

static void
editor_stacks_cb (PalierDesignerView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
editor_save_failed_cb (PalierDesignerView *self,
                       const char         *message)
{
  g_autofree char *text = NULL;

  /* Translators: a toast; the store's message follows. */
  text = g_strdup_printf (_("Cannot save the program: %s"), message);
  _palier_designer_view_toast (self, text);
}

/* The editor of program @id, made on first use from @program. */
static PalierProgramEditor *
ensure_editor (PalierDesignerView *self,
               PalierProgram      *program)
{
  PalierProgramEditor *editor = g_hash_table_lookup (self->editors, program->id);

  if (editor != NULL)
    return editor;

  editor = palier_program_editor_new (palier_workspace_get_path (self->workspace), program);
  g_hash_table_insert (self->editors, g_strdup (program->id), editor);

  return editor;
}

static void
set_editor (PalierDesignerView  *self,
            PalierProgramEditor *editor)
{
  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  self->editor = editor;

  if (editor != NULL)
    {
      g_signal_connect_swapped (editor, "changed", G_CALLBACK (editor_changed_cb), self);
      g_signal_connect_swapped (editor, "notify::can-undo", G_CALLBACK (editor_stacks_cb), self);
      g_signal_connect_swapped (editor, "notify::can-redo", G_CALLBACK (editor_stacks_cb), self);
      g_signal_connect_swapped (editor, "save-failed", G_CALLBACK (editor_save_failed_cb), self);
    }

  self->component = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
  editor_stacks_cb (self);
}

/* Programs */

static void
program_list_row_selected_cb (PalierDesignerView *self,
                              GtkListBoxRow      *row,
                              GtkListBox         *list)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  PalierProgramEditor *editor;
  const char *id;

  if (row == NULL || self->workspace == NULL)
    {
      set_editor (self, NULL);
      return;
    }

  id = g_object_get_data (G_OBJECT (row), ID_KEY);
  editor = g_hash_table_lookup (self->editors, id);
  if (editor == NULL)
    {
      program = palier_store_load_program (palier_workspace_get_store (self->workspace), id, &error);
      if (program == NULL)
        {
          set_editor (self, NULL);
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->program_stack, "error");
          return;
        }
      editor = ensure_editor (self, program);
    }

  set_editor (self, editor);
  show_draft (self);
}

static GtkWidget *
program_row_new (const char *id,
                 const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, name);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), ID_KEY, g_strdup (id), g_free);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Adds one row per program, named after the program.  A program that
 * cannot be read is listed under its id, and selecting it shows why. */
static void
fill_programs (PalierDesignerView *self,
               GPtrArray          *ids,
               const char         *keep_id)
{
  PalierStore *store = palier_workspace_get_store (self->workspace);
  GtkListBoxRow *selected = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      PalierProgramEditor *editor = g_hash_table_lookup (self->editors, id);
      g_autoptr(PalierProgram) program = NULL;
      const char *name = id;
      GtkWidget *row;

      if (editor != NULL)
        name = palier_program_editor_get_program (editor)->name;
      else if ((program = palier_store_load_program (store, id, NULL)) != NULL)
        name = program->name;

      row = program_row_new (id, name);
      gtk_list_box_append (self->program_list, row);
      if (selected == NULL || g_strcmp0 (id, keep_id) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_select_row (self->program_list, selected);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Segments and regions of the partners, offered in quotas and filters. */
static void
load_partner_values (PalierDesignerView *self)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  self->segments = g_ptr_array_new_with_free_func (g_free);
  self->regions = g_ptr_array_new_with_free_func (g_free);

  partners = palier_store_list_partners (palier_workspace_get_store (self->workspace), NULL);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (partners, i);

      if (partner->segment != NULL && g_hash_table_add (seen, partner->segment))
        g_ptr_array_add (self->segments, g_strdup (partner->segment));
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (partners, i);

      if (partner->region != NULL && g_hash_table_add (seen, partner->region))
        g_ptr_array_add (self->regions, g_strdup (partner->region));
    }

  g_ptr_array_sort (self->segments, compare_strings);
  g_ptr_array_sort (self->regions, compare_strings);
}

void
palier_designer_view_reload (PalierDesignerView *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_id = NULL;

  g_return_if_fail (PALIER_IS_DESIGNER_VIEW (self));

  if (self->editor != NULL)
    keep_id = g_strdup (palier_program_editor_get_program (self->editor)->id);

  /* Clearing the list selects nothing, which clears the program. */
  clear_list_box (self->program_list);

  if (self->workspace == NULL)
    {
      adw_status_page_set_description (self->empty_page, _("Open a workspace to see its programs."));
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  load_partner_values (self);
  ids = palier_store_list_programs (palier_workspace_get_store (self->workspace), &error);
  if (ids == NULL || ids->len == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       error != NULL ? error->message
                                                     : _("This workspace has no incentive program yet."));
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), error == NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill_programs (self, ids, keep_id);
  gtk_stack_set_visible_child_name (self->stack, "programs");
}

gboolean
palier_designer_view_select_program (PalierDesignerView *self,
                                     const char         *id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), FALSE);

  row = find_program_row (self, id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->program_list, row);
  return TRUE;
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

  ensure_editor (self, program);
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

  set_editor (self, NULL);
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

/* Undo and redo */

gboolean
palier_designer_view_can_undo (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), FALSE);

  return self->editor != NULL && palier_program_editor_can_undo (self->editor);
}

gboolean
palier_designer_view_can_redo (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), FALSE);

  return self->editor != NULL && palier_program_editor_can_redo (self->editor);
}

void
palier_designer_view_undo (PalierDesignerView *self)
{
  g_return_if_fail (PALIER_IS_DESIGNER_VIEW (self));

  if (self->editor != NULL)
    palier_program_editor_undo (self->editor);
}

void
palier_designer_view_redo (PalierDesignerView *self)
{
  g_return_if_fail (PALIER_IS_DESIGNER_VIEW (self));

  if (self->editor != NULL)
    palier_program_editor_redo (self->editor);
}

/* New sales bring new segments and regions.  The totals of the earlier
 * sales are dropped, as the Results view drops its result, until the
 * next edit simulates again. */
static void
sales_changed_cb (PalierDesignerView *self)
{
  load_partner_values (self);
  start_live_simulation (self);
  gtk_label_set_text (self->totals_label, "");
  gtk_spinner_set_spinning (self->live_spinner, FALSE);
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

/* GObject */

static void
palier_designer_view_dispose (GObject *object)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (object);

  /* AdwBin unparents the template's child itself, so there is no
   * gtk_widget_dispose_template() here.  Emptying the lists then selects
   * nothing, which must not reach the half-disposed view. */
  g_signal_handlers_disconnect_by_data (self->program_list, self);
  g_signal_handlers_disconnect_by_data (self->component_list, self);

  stop_live_simulation (self);
  set_editor (self, NULL);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->tier_items);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);

  G_OBJECT_CLASS (palier_designer_view_parent_class)->dispose (object);
}

static void
palier_designer_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      palier_designer_view_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_designer_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_PROGRAM:
      g_value_set_boxed (value, palier_designer_view_get_program (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, palier_designer_view_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, palier_designer_view_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_designer_view_class_init (PalierDesignerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_designer_view_dispose;
  object_class->set_property = palier_designer_view_set_property;
  object_class->get_property = palier_designer_view_get_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         PALIER_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The selected program as last accepted by its editor. */
  properties[PROP_PROGRAM] =
    g_param_spec_boxed ("program", NULL, NULL,
                        PALIER_TYPE_PROGRAM,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the selected program's editor can undo or redo. */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The live simulation produced a result or failed: see
   * palier_designer_view_get_live_simulation(). */
  signals[LIVE_RESULT] =
    g_signal_new ("live-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PALIER_TYPE_CURVE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-designer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, program_list);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, program_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, live_spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, name_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, currency_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, period_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, quota_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, segment_quotas_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, add_segment_quota_button);
  gtk_widget_class_bind_template_callback (widget_class, program_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_combo_changed_cb);

  gtk_widget_class_install_action (widget_class, "designer.new-program", NULL, new_program_action);
  gtk_widget_class_install_action (widget_class, "designer.duplicate-program", NULL, duplicate_program_action);
  gtk_widget_class_install_action (widget_class, "designer.rename-program", NULL, rename_program_action);
  gtk_widget_class_install_action (widget_class, "designer.delete-program", NULL, delete_program_action);
  gtk_widget_class_install_action (widget_class, "designer.program-history", NULL, program_history_action);
  gtk_widget_class_install_action (widget_class, "designer.add-segment-quota", "s", add_segment_quota_action);

  _palier_designer_view_class_init_components (widget_class);
}

static void
palier_designer_view_init (PalierDesignerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->component = G_MAXUINT;

  _palier_designer_view_init_components (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

PalierWorkspace *
palier_designer_view_get_workspace (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), NULL);

  return self->workspace;
}

void
palier_designer_view_set_workspace (PalierDesignerView *self,
                                    PalierWorkspace    *workspace)
{
  g_return_if_fail (PALIER_IS_DESIGNER_VIEW (self));
  g_return_if_fail (workspace == NULL || PALIER_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);

  /* Histories belong to their workspace. */
  set_editor (self, NULL);
  g_hash_table_remove_all (self->editors);
  g_set_object (&self->workspace, workspace);
  start_live_simulation (self);
  gtk_label_set_text (self->totals_label, "");
  if (workspace != NULL)
    g_signal_connect_object (workspace, "sales-changed", G_CALLBACK (sales_changed_cb), self,
                             G_CONNECT_SWAPPED);

  palier_designer_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);

  if (workspace != NULL && g_getenv ("PALIER_DESIGNER_DEMO_DRAG") != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 300, demo_show_cb, g_object_ref (self), g_object_unref);
}

PalierProgram *
palier_designer_view_get_program (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), NULL);

  return self->editor != NULL ? palier_program_editor_get_program (self->editor) : NULL;
}

PalierProgramEditor *
palier_designer_view_get_editor (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), NULL);

  return self->editor;
}

PalierLiveSimulation *
palier_designer_view_get_live_simulation (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), NULL);

  return self->live;
}

gboolean
palier_designer_view_has_programs (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), FALSE);

  return gtk_list_box_get_row_at_index (self->program_list, 0) != NULL;
}
