/* palier-designer-view.c: the programs of a workspace, edited
 *
 * The sidebar lists the workspace's programs.  The selected program is
 * edited through its PalierProgramEditor, which keeps its undo history
 * while the workspace is open and saves every accepted edit.  Each
 * change of a valid draft reruns the live simulation, started at most
 * once a frame while the view is shown, and the totals line shows its
 * outcome.  The program's settings and menu are in
 * palier-designer-view-program.c, the components in
 * palier-designer-view-component.c, and the tier table and payout curve
 * in palier-designer-view-table.c.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-filter-values.h"
#include "palier-format.h"
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

static void show_draft (PalierDesignerView *self,
                        gboolean            edited);

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

static gboolean
program_has_reward (const PalierProgram *program)
{
  for (guint i = 0; i < program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, i);

      if (component->kind == PALIER_COMPONENT_REWARD)
        return TRUE;
    }

  return FALSE;
}

static void
show_totals (PalierDesignerView *self)
{
  PalierEngineTotals *totals = palier_live_simulation_get_totals (self->live);
  PalierProgram *program = palier_live_simulation_get_program (self->live);
  const GError *error = palier_live_simulation_get_error (self->live);
  g_autofree char *payout = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *text = NULL;

  if (totals == NULL || program == NULL)
    {
      gtk_label_set_text (self->totals_label, error != NULL ? error->message : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), error != NULL ? error->message : NULL);
      return;
    }

  payout = palier_format_money (totals->payout, program->currency);
  cost = palier_format_percent (totals->cost_of_sales, 2);
  if (program_has_reward (program))
    {
      g_autofree char *non_cash = palier_format_money (totals->non_cash, program->currency);

      /* Translators: the designer's totals line with rewards: "Total
       * payout $313.00 · Non-cash $2,000.00 · Cost of sales 6.66%".
       * The cost of sales counts both. */
      text = g_strdup_printf (_("Total payout %s · Non-cash %s · Cost of sales %s"),
                              payout, non_cash, cost);
    }
  else
    {
      /* Translators: the designer's totals line: "Total payout $313.00 ·
       * Cost of sales 6.66%". */
      text = g_strdup_printf (_("Total payout %s · Cost of sales %s"), payout, cost);
    }
  gtk_label_set_text (self->totals_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), NULL);
}

static void
live_updated_cb (PalierDesignerView *self)
{
  show_totals (self);
  _palier_designer_view_show_qualifiers (self);
  _palier_designer_view_show_deal_summary (self);
  if (self->run_publishes)
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

  if (program == NULL || self->live == NULL)
    return;

  palier_live_simulation_run (self->live, program);
  self->run_publishes = self->pending_publishes;
  g_clear_pointer (&self->last_run, palier_program_unref);
  self->last_run = g_steal_pointer (&program);
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

/* Simulates @program at the next frame.  Only the runs of edited
 * programs are published to the Results view (@publish), so that merely
 * selecting a program leaves the Results view to the Simulate action. */
static void
request_run (PalierDesignerView *self,
             PalierProgram      *program,
             gboolean            publish)
{
  PalierResult *result;

  if (self->live == NULL || program == NULL)
    return;

  /* A drag's preview already ran the program that its drop commits. */
  if (self->pending_run == NULL && self->last_run != NULL &&
      palier_program_equal (program, self->last_run))
    {
      result = palier_live_simulation_get_result (self->live);
      if (publish && !self->run_publishes)
        {
          self->run_publishes = TRUE;
          if (!palier_live_simulation_is_running (self->live) && result != NULL)
            g_signal_emit (self, signals[LIVE_RESULT], 0);
        }
      return;
    }

  palier_program_ref (program);
  g_clear_pointer (&self->pending_run, palier_program_unref);
  self->pending_run = program;
  self->pending_publishes = publish;

  /* A view that is not shown has no frames to wait for. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      run_pending (self);
      return;
    }

  if (self->run_tick_id == 0)
    self->run_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), run_tick_cb, NULL, NULL);
}

void
_palier_designer_view_simulate (PalierDesignerView *self,
                                PalierProgram      *program)
{
  request_run (self, program, TRUE);
}

static void
stop_live_simulation (PalierDesignerView *self)
{
  if (self->run_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->run_tick_id);
  self->run_tick_id = 0;
  g_clear_pointer (&self->pending_run, palier_program_unref);
  g_clear_pointer (&self->last_run, palier_program_unref);

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
  g_signal_connect_swapped (self->live, "totals", G_CALLBACK (show_totals), self);
  g_signal_connect_swapped (self->live, "updated", G_CALLBACK (live_updated_cb), self);
  g_signal_connect_swapped (self->live, "notify::running", G_CALLBACK (live_running_cb), self);
}

/* The draft */

GtkListBoxRow *
_palier_designer_view_find_program_row (PalierDesignerView *self,
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

/* Shows the editor's draft; @edited when an edit changed it, rather
 * than a selection. */
static void
show_draft (PalierDesignerView *self,
            gboolean            edited)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  PalierProgram *program = palier_program_editor_get_program (self->editor);
  GtkListBoxRow *row = _palier_designer_view_find_program_row (self, program->id);

  self->updating = TRUE;
  _palier_designer_view_show_properties (self, draft);
  _palier_designer_view_show_components (self);
  self->updating = FALSE;

  show_problem (self);
  if (row != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (row)), program->name);

  /* An invalid draft cannot be simulated: the totals stay those of the
   * program as saved. */
  if (palier_program_editor_get_problem (self->editor) == NULL)
    request_run (self, draft, edited);

  gtk_stack_set_visible_child_name (self->program_stack, "program");
}

static void
editor_changed_cb (PalierDesignerView *self)
{
  show_draft (self, TRUE);
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
PalierProgramEditor *
_palier_designer_view_ensure_editor (PalierDesignerView *self,
                                     PalierProgram      *program)
{
  PalierProgramEditor *editor = g_hash_table_lookup (self->editors, program->id);

  if (editor != NULL)
    return editor;

  editor = palier_program_editor_new (palier_workspace_get_path (self->workspace), program);
  g_hash_table_insert (self->editors, g_strdup (program->id), editor);

  return editor;
}

void
_palier_designer_view_set_editor (PalierDesignerView  *self,
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
      _palier_designer_view_set_editor (self, NULL);
      return;
    }

  id = g_object_get_data (G_OBJECT (row), ID_KEY);
  editor = g_hash_table_lookup (self->editors, id);
  if (editor == NULL)
    {
      program = palier_store_load_program (palier_workspace_get_store (self->workspace), id, &error);
      if (program == NULL)
        {
          _palier_designer_view_set_editor (self, NULL);
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->program_stack, "error");
          return;
        }
      editor = _palier_designer_view_ensure_editor (self, program);
    }

  _palier_designer_view_set_editor (self, editor);
  show_draft (self, FALSE);
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

/* The values that filters and quotas can name, from the workspace's
 * dictionaries: segments, regions, categories and products. */
static void
load_partner_values (PalierDesignerView *self)
{
  PalierStore *store = palier_workspace_get_store (self->workspace);
  GPtrArray **lists[PALIER_N_FILTER_FIELDS] = {
    [PALIER_FILTER_CATEGORY] = &self->categories,
    [PALIER_FILTER_PRODUCT] = &self->products,
    [PALIER_FILTER_REGION] = &self->regions,
    [PALIER_FILTER_SEGMENT] = &self->segments,
  };

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (lists[field], g_ptr_array_unref);
      *lists[field] = palier_store_list_filter_values (store, field, &error);
      if (*lists[field] == NULL)
        {
          /* The lists only offer values, which can still be typed. */
          g_warning ("Failed to list the filter values of %s: %s",
                     palier_workspace_get_path (self->workspace), error->message);
          *lists[field] = g_ptr_array_new_with_free_func (g_free);
        }
    }
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

  row = _palier_designer_view_find_program_row (self, id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->program_list, row);
  return TRUE;
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

  /* New sales make new deals: the deal bonus reads them again when it
   * is next shown. */
  g_clear_pointer (&self->deal_values_key, g_free);
}

/* Waits for every queued save, so that closing the window or the
 * workspace loses no edit. */
static void
flush_editors (PalierDesignerView *self)
{
  GHashTableIter iter;
  gpointer editor;

  if (self->editors == NULL)
    return;

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &editor))
    palier_program_editor_flush (editor);
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
  _palier_designer_view_dispose_kinds (self);
  _palier_designer_view_set_editor (self, NULL);
  flush_editors (self);
  _palier_designer_view_dispose_segments (self);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->tier_items);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_callback (widget_class, program_list_row_selected_cb);

  _palier_designer_view_class_init_program (widget_class);
  _palier_designer_view_class_init_components (widget_class);
  _palier_designer_view_class_init_table (widget_class);
  _palier_designer_view_class_init_kinds (widget_class);
  _palier_designer_view_class_init_segments (widget_class);
}

/* Combo row choices: labels that wrap rather than ellipsize.  The
 * default factory of AdwComboRow 1.2 ellipsizes the chosen value, which
 * showed "Claws Back at the Firs…" even in a wide window. */

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkStringObject *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (choice));
}

static void
let_choices_wrap (PalierDesignerView *self)
{
  AdwComboRow *rows[] = {
    self->period_row, self->fiscal_year_row, self->measure_row, self->basis_row,
    self->method_row, self->tier_kind_row, self->negative_row, self->component_period_row,
    self->reward_kind_row, self->reward_rule_row, self->threshold_basis_row,
  };
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_combo_row_set_factory (rows[i], factory);
}

static void
palier_designer_view_init (PalierDesignerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  let_choices_wrap (self);

  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->component = G_MAXUINT;

  _palier_designer_view_init_table (self);
  _palier_designer_view_init_kinds (self);
  _palier_designer_view_init_segments (self);
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
  _palier_designer_view_set_editor (self, NULL);
  flush_editors (self);
  g_hash_table_remove_all (self->editors);
  g_set_object (&self->workspace, workspace);
  start_live_simulation (self);
  gtk_label_set_text (self->totals_label, "");
  if (workspace != NULL)
    g_signal_connect_object (workspace, "sales-changed", G_CALLBACK (sales_changed_cb), self,
                             G_CONNECT_SWAPPED);

  palier_designer_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);

  if (workspace != NULL)
    _palier_designer_view_start_demo (self);
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
