/* palier-designer-view-table.c: the tier table and the payout curve
 *
 * The selected component's tiers (or levels) as a table of entries, and
 * its payout curve.  While a value is typed in the table, the curve and
 * the live simulation preview it.  The value goes to the editor when
 * Enter is pressed or the entry loses the focus.  The curve previews a
 * dragged handle the same way and hands the edit over when the handle
 * is dropped.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-format.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"
#include "palier-tier-item.h"

#define FIELD_KEY "palier-field"
#define LIST_ITEM_KEY "palier-list-item"
#define FILLING_KEY "palier-filling"
#define HANDLER_KEY "palier-handler"
#define FILLED_KEY "palier-filled"

/* The tier table */

static void
set_column_titles (PalierDesignerView    *self,
                   const PalierProgram   *program,
                   const PalierComponent *component)
{
  g_autofree char *from_title = NULL;
  g_autofree char *value_title = NULL;
  const char *symbol = palier_currency_symbol (program->currency);
  gboolean tier = component->kind == PALIER_COMPONENT_COMMISSION;

  if (component->basis == PALIER_BASIS_ATTAINMENT)
    /* xgettext:no-c-format */
    from_title = g_strdup (_("From (% of Quota)"));
  else if (component->measure == PALIER_MEASURE_UNITS)
    from_title = g_strdup (_("From (Units)"));
  else
    /* Translators: a column title with the currency: "From ($)". */
    from_title = g_strdup_printf (_("From (%s)"), symbol);

  if (tier && palier_component_n_rows (component) > 0 && !palier_component_row_is_rate (component, 0))
    /* Translators: a column title with the currency: "Per Unit ($)". */
    value_title = g_strdup_printf (_("Per Unit (%s)"), symbol);
  else if (tier)
    value_title = g_strdup (_("Rate (%)"));
  else
    /* Translators: a column title with the currency: "Amount ($)". */
    value_title = g_strdup_printf (_("Amount (%s)"), symbol);

  gtk_column_view_column_set_title (self->from_column, from_title);
  gtk_column_view_column_set_title (self->value_column, value_title);
}

static void
show_row_problem (PalierDesignerView    *self,
                  const PalierProgram   *program,
                  const PalierComponent *component)
{
  g_autofree char *message = NULL;
  PalierRowField field;
  guint row;

  if (!palier_find_row_problem (program, component, &row, &field, &message))
    g_clear_pointer (&message, g_free);

  gtk_label_set_text (self->row_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->row_error_label), message != NULL);
}

void
_palier_designer_view_show_table (PalierDesignerView    *self,
                                  const PalierProgram   *draft,
                                  const PalierComponent *component)
{
  gboolean tier = component->kind == PALIER_COMPONENT_COMMISSION;

  adw_preferences_group_set_title (self->component_group, tier ? _("Tiers") : _("Levels"));
  adw_preferences_group_set_description (self->component_group,
                                         tier ? _("Type rates as percentages, or drag the handles of the curve: sideways moves a boundary, up and down changes the rate of the tier that starts there.")
                                              : _("The highest level reached pays its amount. Drag the handles of the curve to move a level or change its amount."));
  adw_button_content_set_label (self->add_row_content, tier ? _("Add Tier") : _("Add Level"));

  set_column_titles (self, draft, component);
  palier_tier_items_update (self->tier_items, draft, component);
  show_row_problem (self, draft, component);
  /* Overrides are edited in one column per segment, so the column that
   * lists them all as text stays hidden. */
  gtk_column_view_column_set_visible (self->overrides_column, FALSE);
  _palier_designer_view_show_segment_columns (self, component);
}

/* Table cells */

static PalierTierItem *
cell_item (GtkWidget *cell)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), LIST_ITEM_KEY);

  return list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
}

static PalierRowField
cell_field (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), FIELD_KEY));
}

/* The draft with the entry's text as the row's start or value, and a
 * summary; NULL with @error set when the text is not a number, NULL
 * without an error when the value is unchanged. */
static PalierProgram *
cell_candidate (PalierDesignerView  *self,
                GtkWidget           *entry,
                char               **out_summary,
                GError             **error)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const PalierComponent *component = _palier_designer_view_get_component (self);
  PalierTierItem *item = cell_item (entry);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  PalierDecimal value;
  gboolean percent;
  guint row;

  if (component == NULL || item == NULL)
    return NULL;

  row = palier_tier_item_get_row (item);
  if (row >= palier_component_n_rows (component))
    return NULL;

  if (cell_field (entry) == PALIER_ROW_FIELD_FROM)
    percent = component->basis == PALIER_BASIS_ATTAINMENT;
  else
    percent = palier_component_row_is_rate (component, row);

  if (percent ? !palier_input_parse_percent (text, &value, error)
              : !palier_input_parse_number (text, &value, error))
    return NULL;

  if (cell_field (entry) == PALIER_ROW_FIELD_FROM)
    return palier_edit_row_from (draft, self->component, row, value, out_summary);

  return palier_edit_row_value (draft, self->component, row, value, out_summary);
}

/* Shows @message under the table and on @entry, or the item's own
 * problem when @message is NULL. */
static void
flag_cell (PalierDesignerView *self,
           GtkWidget          *entry,
           const char         *message)
{
  PalierTierItem *item = cell_item (entry);

  if (message == NULL && item != NULL)
    message = cell_field (entry) == PALIER_ROW_FIELD_FROM ? palier_tier_item_get_from_error (item)
                                                          : palier_tier_item_get_value_error (item);

  _palier_designer_view_flag (entry, message);
  if (message != NULL)
    {
      gtk_label_set_text (self->row_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->row_error_label), TRUE);
    }
}

static void
cell_changed_cb (GtkEditable        *entry,
                 PalierDesignerView *self)
{
  g_autoptr(PalierProgram) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *problem = NULL;
  const PalierComponent *component;
  PalierRowField field;
  guint row;

  if (g_object_get_data (G_OBJECT (entry), FILLING_KEY) != NULL || self->updating)
    return;

  candidate = cell_candidate (self, GTK_WIDGET (entry), &summary, &error);
  if (error != NULL)
    {
      flag_cell (self, GTK_WIDGET (entry), error->message);
      return;
    }

  if (candidate == NULL)
    {
      flag_cell (self, GTK_WIDGET (entry), NULL);
      return;
    }

  /* Preview a valid value; flag one that breaks a rule of the rows. */
  component = g_ptr_array_index (candidate->components, self->component);
  if (palier_find_row_problem (candidate, component, &row, &field, &problem))
    {
      flag_cell (self, GTK_WIDGET (entry), problem);
      return;
    }

  _palier_designer_view_flag (GTK_WIDGET (entry), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->row_error_label), FALSE);
  palier_curve_editor_set_component (self->curve_editor, candidate, self->component);
  _palier_designer_view_simulate (self, candidate);
}

static void
fill_cell (GtkWidget *entry)
{
  PalierTierItem *item = cell_item (entry);
  const char *text;

  if (item == NULL)
    return;

  text = cell_field (entry) == PALIER_ROW_FIELD_FROM ? palier_tier_item_get_from_text (item)
                                                     : palier_tier_item_get_value_text (item);

  g_object_set_data (G_OBJECT (entry), FILLING_KEY, GINT_TO_POINTER (TRUE));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (entry), FILLING_KEY, NULL);
  g_object_set_data_full (G_OBJECT (entry), FILLED_KEY, g_strdup (text), g_free);
}

/* Whether @entry shows what the model last put in it, so no typing
 * would be lost by filling it again. */
static gboolean
cell_is_untouched (GtkWidget *entry)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)),
                    g_object_get_data (G_OBJECT (entry), FILLED_KEY)) == 0;
}

/* Hands the typed value to the editor.  Invalid text stays, flagged. */
static void
commit_cell (PalierDesignerView *self,
             GtkWidget          *entry,
             gboolean            leaving)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  PalierProgram *candidate;

  if (self->updating)
    return;

  candidate = cell_candidate (self, entry, &summary, &error);
  if (error != NULL)
    {
      flag_cell (self, entry, error->message);
      return;
    }

  if (candidate != NULL)
    _palier_designer_view_edit (self, candidate, &summary);

  if (leaving)
    fill_cell (entry);
  flag_cell (self, entry, NULL);
}

static void
cell_activate_cb (GtkEntry           *entry,
                  PalierDesignerView *self)
{
  commit_cell (self, GTK_WIDGET (entry), FALSE);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               PalierDesignerView      *self)
{
  commit_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), TRUE);
}

static void
cell_item_notify_cb (PalierTierItem *item,
                     GParamSpec     *pspec,
                     GtkWidget      *entry)
{
  GtkEventControllerFocus *focus = g_object_get_data (G_OBJECT (entry), "palier-focus");
  const char *error;

  /* Text being typed stays.  A focused cell that was not typed in
   * follows the model too, so that a change of basis or measure
   * re-formats it ("0%" becomes "0"). */
  if (!gtk_event_controller_focus_contains_focus (focus) || cell_is_untouched (entry))
    fill_cell (entry);

  error = cell_field (entry) == PALIER_ROW_FIELD_FROM ? palier_tier_item_get_from_error (item)
                                                      : palier_tier_item_get_value_error (item);
  _palier_designer_view_flag (entry, error);
}

static void
setup_entry_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     PalierDesignerView       *self)
{
  PalierRowField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), FIELD_KEY));
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_widget_add_css_class (entry, "numeric");
  g_object_set_data (G_OBJECT (entry), FIELD_KEY, GINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (entry), LIST_ITEM_KEY, list_item);
  g_object_set_data (G_OBJECT (entry), "palier-focus", focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  field == PALIER_ROW_FIELD_FROM ? _("Start") : _("Rate or amount"),
                                  -1);

  g_signal_connect (entry, "changed", G_CALLBACK (cell_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
  gtk_widget_add_controller (entry, focus);

  gtk_list_item_set_child (list_item, entry);
}

static void
bind_entry_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    PalierDesignerView       *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  PalierTierItem *item = gtk_list_item_get_item (list_item);
  gulong handler;

  handler = g_signal_connect (item, "notify", G_CALLBACK (cell_item_notify_cb), entry);
  g_object_set_data (G_OBJECT (entry), HANDLER_KEY, GSIZE_TO_POINTER (handler));
  cell_item_notify_cb (item, NULL, entry);
  fill_cell (entry);
}

static void
unbind_entry_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      PalierDesignerView       *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  PalierTierItem *item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), HANDLER_KEY));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (entry), HANDLER_KEY, NULL);
}

static void
remove_row_clicked_cb (GtkButton          *button,
                       PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  PalierTierItem *item = cell_item (GTK_WIDGET (button));
  g_autofree char *summary = NULL;

  if (draft == NULL || item == NULL || _palier_designer_view_get_component (self) == NULL)
    return;

  _palier_designer_view_edit (self,
                              palier_edit_remove_row (draft, self->component,
                                                      palier_tier_item_get_row (item), &summary),
                              &summary);
}

static void
setup_remove_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      PalierDesignerView       *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove This Row"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Row"),
                                  -1);
  g_object_set_data (G_OBJECT (button), LIST_ITEM_KEY, list_item);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_row_clicked_cb), self);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_remove_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     PalierDesignerView       *self)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  PalierTierItem *item = gtk_list_item_get_item (list_item);

  /* The first tier starts the payout at 0 and stays. */
  gtk_widget_set_sensitive (gtk_list_item_get_child (list_item),
                            component == NULL ||
                            component->kind != PALIER_COMPONENT_COMMISSION ||
                            palier_tier_item_get_row (item) > 0);
}

static void
setup_overrides_cell_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         PalierDesignerView       *self)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 10);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 16);
  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_overrides_cell_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        PalierDesignerView       *self)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  GBinding *binding;

  binding = g_object_bind_property (gtk_list_item_get_item (list_item), "overrides",
                                    inscription, "text", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (inscription), "palier-binding", binding);
}

static void
unbind_overrides_cell_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          PalierDesignerView       *self)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_steal_data (G_OBJECT (inscription), "palier-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static GtkListItemFactory *
entry_factory_new (PalierDesignerView *self,
                   PalierRowField      field)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), FIELD_KEY, GINT_TO_POINTER (field));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_entry_cell_cb), self);

  return factory;
}

static void
add_row_clicked_cb (PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autofree char *summary = NULL;

  if (draft == NULL || _palier_designer_view_get_component (self) == NULL)
    return;

  _palier_designer_view_edit (self, palier_edit_add_row (draft, self->component, &summary),
                              &summary);
}

/* The curve */

static void
curve_preview_cb (PalierDesignerView *self,
                  PalierProgram      *program)
{
  const PalierComponent *component = g_ptr_array_index (program->components, self->component);

  /* The table follows the handle while it moves. */
  palier_tier_items_update (self->tier_items, program, component);
  _palier_designer_view_simulate (self, program);
}

static void
curve_commit_cb (PalierDesignerView *self,
                 PalierProgram      *program,
                 const char         *summary)
{
  g_autofree char *text = g_strdup (summary);

  _palier_designer_view_edit (self, palier_program_ref (program), &text);
}

/* Setup */

void
_palier_designer_view_init_table (PalierDesignerView *self)
{
  g_autoptr(GtkListItemFactory) from_factory = entry_factory_new (self, PALIER_ROW_FIELD_FROM);
  g_autoptr(GtkListItemFactory) value_factory = entry_factory_new (self, PALIER_ROW_FIELD_VALUE);
  g_autoptr(GtkListItemFactory) remove_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) overrides_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_signal_connect (remove_factory, "setup", G_CALLBACK (setup_remove_cell_cb), self);
  g_signal_connect (remove_factory, "bind", G_CALLBACK (bind_remove_cell_cb), self);

  gtk_column_view_column_set_factory (self->from_column, from_factory);
  gtk_column_view_column_set_factory (self->value_column, value_factory);
  gtk_column_view_column_set_factory (self->remove_column, remove_factory);

  g_signal_connect (overrides_factory, "setup", G_CALLBACK (setup_overrides_cell_cb), self);
  g_signal_connect (overrides_factory, "bind", G_CALLBACK (bind_overrides_cell_cb), self);
  g_signal_connect (overrides_factory, "unbind", G_CALLBACK (unbind_overrides_cell_cb), self);
  gtk_column_view_column_set_factory (self->overrides_column, overrides_factory);

  self->tier_items = g_list_store_new (PALIER_TYPE_TIER_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->tier_items)));
  gtk_column_view_set_model (self->tier_table, GTK_SELECTION_MODEL (selection));
}

void
_palier_designer_view_class_init_table (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, tier_table);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, from_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, value_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, overrides_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, remove_column);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, row_error_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, add_row_button);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, add_row_content);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, curve_editor);

  gtk_widget_class_bind_template_callback (widget_class, add_row_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, curve_preview_cb);
  gtk_widget_class_bind_template_callback (widget_class, curve_commit_cb);
}
