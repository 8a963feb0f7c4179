/* palier-designer-view.c: the programs of a workspace and their tiers
 *
 * The sidebar lists the workspace's programs.  The selected program's
 * properties and components are shown beside it, with the tier table and
 * payout curve of the selected component.  This version only shows the
 * program, because editing comes with the undo history.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-designer-view.h"
#include "palier-tier-item.h"

struct _PalierDesignerView
{
  AdwBin parent_instance;

  PalierWorkspace *workspace;
  PalierProgram *program;

  /* template */
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkListBox *program_list;
  GtkStack *program_stack;
  AdwStatusPage *error_page;
  AdwEntryRow *name_row;
  AdwEntryRow *currency_row;
  AdwComboRow *period_row;
  AdwComboRow *fiscal_year_row;
  GtkListBox *component_list;
  AdwPreferencesGroup *component_group;
  GtkColumnView *tier_table;
  GtkColumnViewColumn *from_column;
  GtkColumnViewColumn *value_column;
  GtkColumnViewColumn *overrides_column;
  PalierChartView *curve_view;
};

G_DEFINE_FINAL_TYPE (PalierDesignerView, palier_designer_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ID_KEY "palier-id"

/* Components */

static const char *
component_kind_label (PalierComponentKind kind)
{
  switch (kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      return _("Commission");
    case PALIER_COMPONENT_BONUS:
      return _("Bonus");
    case PALIER_COMPONENT_DEAL_BONUS:
      return _("Deal bonus");
    case PALIER_COMPONENT_REWARD:
      return _("Reward");
    default:
      g_assert_not_reached ();
    }
}

static const char *
measure_label (PalierMeasure measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_REVENUE:
      return _("revenue");
    case PALIER_MEASURE_MARGIN:
      return _("margin");
    case PALIER_MEASURE_UNITS:
      return _("units");
    default:
      g_assert_not_reached ();
    }
}

static const char *
method_label (PalierMethod method)
{
  switch (method)
    {
    case PALIER_METHOD_MARGINAL:
      return _("marginal tiers");
    case PALIER_METHOD_RETROACTIVE:
      return _("retroactive tiers");
    case PALIER_METHOD_INTERPOLATED:
      return _("interpolated tiers");
    default:
      g_assert_not_reached ();
    }
}

/* One line that distinguishes the component from its siblings:
 * "Commission on revenue · attainment · marginal tiers · capped". */
static char *
describe_component (const PalierComponent *component)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* Translators: "Commission on revenue", "Bonus on margin". */
  g_ptr_array_add (parts, g_strdup_printf (_("%s on %s"),
                                           component_kind_label (component->kind),
                                           measure_label (component->measure)));

  if (component->kind == PALIER_COMPONENT_COMMISSION ||
      component->kind == PALIER_COMPONENT_BONUS)
    g_ptr_array_add (parts, g_strdup (component->basis == PALIER_BASIS_ATTAINMENT
                                      ? _("attainment") : _("amount")));

  if (component->kind == PALIER_COMPONENT_COMMISSION)
    g_ptr_array_add (parts, g_strdup (method_label (component->method)));

  if (component->has_gate)
    g_ptr_array_add (parts, g_strdup (_("gated")));
  if (component->has_cap)
    g_ptr_array_add (parts, g_strdup (_("capped")));
  if (!palier_filter_is_empty (&component->filter))
    g_ptr_array_add (parts, g_strdup (_("filtered")));

  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a component's description. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
show_component_table (PalierDesignerView    *self,
                      const PalierComponent *component)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      adw_preferences_group_set_title (self->component_group, _("Tiers"));
      adw_preferences_group_set_description (self->component_group, NULL);
      gtk_column_view_column_set_title (self->from_column, _("From"));
      gtk_column_view_column_set_title (self->value_column, _("Rate"));
      break;

    case PALIER_COMPONENT_BONUS:
      adw_preferences_group_set_title (self->component_group, _("Levels"));
      adw_preferences_group_set_description (self->component_group,
                                             _("The highest level reached pays its amount."));
      gtk_column_view_column_set_title (self->from_column, _("From"));
      gtk_column_view_column_set_title (self->value_column, _("Amount"));
      break;

    case PALIER_COMPONENT_DEAL_BONUS:
    case PALIER_COMPONENT_REWARD:
    default:
      adw_preferences_group_set_title (self->component_group, component->name);
      adw_preferences_group_set_description (self->component_group,
                                             _("This kind of component has no tier table."));
      break;
    }

  items = palier_tier_items_new (self->program, component);
  selection = gtk_no_selection_new (g_object_ref (items));
  gtk_column_view_set_model (self->tier_table, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (GTK_WIDGET (self->tier_table),
                          g_list_model_get_n_items (items) > 0);
}

static void
component_list_row_selected_cb (PalierDesignerView *self,
                                GtkListBoxRow      *row,
                                GtkListBox         *list)
{
  const PalierComponent *component = NULL;
  const char *id;

  if (row != NULL && self->program != NULL)
    {
      id = g_object_get_data (G_OBJECT (row), ID_KEY);
      component = palier_program_find_component (self->program, id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->component_group), component != NULL);
  if (component == NULL)
    {
      palier_chart_view_set_curve (self->curve_view, NULL, NULL);
      return;
    }

  show_component_table (self, component);
  palier_chart_view_set_curve (self->curve_view, self->program, component->id);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_components (PalierDesignerView *self)
{
  GtkListBoxRow *first = NULL;

  clear_list_box (self->component_list);

  for (guint i = 0; i < self->program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (self->program->components, i);
      g_autofree char *description = describe_component (component);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), ID_KEY, g_strdup (component->id), g_free);
      gtk_list_box_append (self->component_list, row);

      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_select_row (self->component_list, first);
  component_list_row_selected_cb (self, first, self->component_list);
}

/* Programs */

static void
show_program (PalierDesignerView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->program->name);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), self->program->currency);
  adw_combo_row_set_selected (self->period_row, self->program->period);
  adw_combo_row_set_selected (self->fiscal_year_row, self->program->fiscal_year_start - 1);

  /* TODO: make the properties editable once programs have an undo
   * history.  Until then the combo rows must not open their lists. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->period_row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->fiscal_year_row), FALSE);

  fill_components (self);
  gtk_stack_set_visible_child_name (self->program_stack, "program");
}

static void
set_program (PalierDesignerView *self,
             PalierProgram      *program)
{
  if (self->program == program)
    return;

  g_clear_pointer (&self->program, palier_program_unref);
  self->program = program != NULL ? palier_program_ref (program) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

static void
program_list_row_selected_cb (PalierDesignerView *self,
                              GtkListBoxRow      *row,
                              GtkListBox         *list)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  if (row == NULL || self->workspace == NULL)
    {
      set_program (self, NULL);
      return;
    }

  id = g_object_get_data (G_OBJECT (row), ID_KEY);
  program = palier_store_load_program (palier_workspace_get_store (self->workspace), id, &error);
  set_program (self, program);

  if (program == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->program_stack, "error");
      return;
    }

  show_program (self);
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
      g_autoptr(PalierProgram) program = palier_store_load_program (store, id, NULL);
      GtkWidget *row = program_row_new (id, program != NULL ? program->name : id);

      gtk_list_box_append (self->program_list, row);
      if (selected == NULL || g_strcmp0 (id, keep_id) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_select_row (self->program_list, selected);
}

void
palier_designer_view_reload (PalierDesignerView *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_id = NULL;

  g_return_if_fail (PALIER_IS_DESIGNER_VIEW (self));

  if (self->program != NULL)
    keep_id = g_strdup (self->program->id);

  /* Clearing the list selects nothing, which clears the program. */
  clear_list_box (self->program_list);

  if (self->workspace == NULL)
    {
      adw_status_page_set_description (self->empty_page, _("Open a workspace to see its programs."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ids = palier_store_list_programs (palier_workspace_get_store (self->workspace), &error);
  if (ids == NULL || ids->len == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       error != NULL ? error->message
                                                     : _("This workspace has no incentive program yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill_programs (self, ids, keep_id);
  gtk_stack_set_visible_child_name (self->stack, "programs");
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

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->program, palier_program_unref);

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
      g_value_set_boxed (value, self->program);
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

  /* The program selected in the sidebar, as last loaded from the store. */
  properties[PROP_PROGRAM] =
    g_param_spec_boxed ("program", NULL, NULL,
                        PALIER_TYPE_PROGRAM,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALIER_TYPE_CHART_VIEW);
  g_type_ensure (PALIER_TYPE_TIER_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-designer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, program_list);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, program_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, name_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, currency_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, period_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_list);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_group);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, tier_table);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, from_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, value_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, overrides_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, curve_view);
  gtk_widget_class_bind_template_callback (widget_class, program_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, component_list_row_selected_cb);
}

static void
palier_designer_view_init (PalierDesignerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  if (!g_set_object (&self->workspace, workspace))
    return;

  palier_designer_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

PalierProgram *
palier_designer_view_get_program (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), NULL);

  return self->program;
}

gboolean
palier_designer_view_has_programs (PalierDesignerView *self)
{
  g_return_val_if_fail (PALIER_IS_DESIGNER_VIEW (self), FALSE);

  return gtk_list_box_get_row_at_index (self->program_list, 0) != NULL;
}
