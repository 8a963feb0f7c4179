/* palier-designer-view-segments.c: segment overrides in the tier table
 *
 * Each segment that overrides a row of the component gets a column of
 * the tier table after the value column.  A cell contains the segment's
 * rate or amount for that row, and an empty cell means the row has no
 * override for the segment.  "Add Segment Column" offers the
 * workspace's segments, and a column's header menu removes it.  A
 * drop-down above the curve draws it for one segment.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-format.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"
#include "palier-tier-item.h"

#define SEGMENT_KEY "palier-segment"
#define LIST_ITEM_KEY "palier-list-item"
#define FOCUS_KEY "palier-focus"
#define HANDLER_KEY "palier-handler"
#define VIEW_KEY "palier-view"

static const char *
cell_segment (GtkWidget *entry)
{
  return g_object_get_data (G_OBJECT (entry), SEGMENT_KEY);
}

static PalierTierItem *
cell_item (GtkWidget *entry)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (entry), LIST_ITEM_KEY);

  return list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
}

/* The cell's row in the selected component, or FALSE when it has none. */
static gboolean
cell_row (PalierDesignerView *self,
          GtkWidget          *entry,
          guint              *out_row)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  PalierTierItem *item = cell_item (entry);

  if (component == NULL || item == NULL)
    return FALSE;

  *out_row = palier_tier_item_get_row (item);
  return *out_row < palier_component_n_rows (component);
}

static void
fill_override_cell (PalierDesignerView *self,
                    GtkWidget          *entry)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  g_autofree char *text = NULL;
  PalierDecimal value;
  guint row;

  if (cell_row (self, entry, &row) &&
      palier_component_row_override (component, row, cell_segment (entry), &value))
    text = palier_component_row_is_rate (component, row) ? palier_format_rate (value)
                                                         : palier_input_format_number (value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Hands the typed override to the editor: an empty cell removes it. */
static void
commit_override_cell (PalierDesignerView *self,
                      GtkWidget          *entry)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const PalierComponent *component = _palier_designer_view_get_component (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  PalierDecimal value = 0;
  gboolean has_value = text[0] != '\0';
  guint row;

  if (self->updating || !cell_row (self, entry, &row))
    return;

  if (has_value &&
      !(palier_component_row_is_rate (component, row) ? palier_input_parse_percent (text, &value, &error)
                                                      : palier_input_parse_number (text, &value, &error)))
    {
      _palier_designer_view_flag (entry, error->message);
      gtk_label_set_text (self->row_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->row_error_label), TRUE);
      return;
    }

  _palier_designer_view_flag (entry, NULL);
  _palier_designer_view_edit (self,
                              palier_edit_row_override (draft, self->component, row, cell_segment (entry),
                                                        has_value, value, &summary),
                              &summary);
}

static void
override_cell_activate_cb (GtkEntry           *entry,
                           PalierDesignerView *self)
{
  commit_override_cell (self, GTK_WIDGET (entry));
}

static void
override_cell_leave_cb (GtkEventControllerFocus *controller,
                        PalierDesignerView      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_override_cell (self, entry);
  if (!gtk_widget_has_css_class (entry, "error"))
    fill_override_cell (self, entry);
}

static void
override_item_notify_cb (PalierTierItem *item,
                         GParamSpec     *pspec,
                         GtkWidget      *entry)
{
  GtkEventControllerFocus *focus = g_object_get_data (G_OBJECT (entry), FOCUS_KEY);
  PalierDesignerView *self = g_object_get_data (G_OBJECT (entry), VIEW_KEY);

  /* Text being typed stays; everything else follows the model. */
  if (!gtk_event_controller_focus_contains_focus (focus))
    fill_override_cell (self, entry);
}

static void
setup_override_cell_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        PalierDesignerView       *self)
{
  const char *segment = g_object_get_data (G_OBJECT (factory), SEGMENT_KEY);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *label = NULL;

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "—");
  gtk_widget_add_css_class (entry, "numeric");
  g_object_set_data_full (G_OBJECT (entry), SEGMENT_KEY, g_strdup (segment), g_free);
  g_object_set_data (G_OBJECT (entry), LIST_ITEM_KEY, list_item);
  g_object_set_data (G_OBJECT (entry), FOCUS_KEY, focus);
  g_object_set_data (G_OBJECT (entry), VIEW_KEY, self);

  /* Translators: the accessible name of a cell of the tier table:
   * "Override for Gold". */
  label = g_strdup_printf (_("Override for %s"), segment);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  g_signal_connect (entry, "activate", G_CALLBACK (override_cell_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (override_cell_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (list_item, entry);
}

static void
bind_override_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       PalierDesignerView       *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  gulong handler;

  handler = g_signal_connect (gtk_list_item_get_item (list_item), "notify::overrides",
                              G_CALLBACK (override_item_notify_cb), entry);
  g_object_set_data (G_OBJECT (entry), HANDLER_KEY, GSIZE_TO_POINTER (handler));
  _palier_designer_view_flag (entry, NULL);
  fill_override_cell (self, entry);
}

static void
unbind_override_cell_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         PalierDesignerView       *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), HANDLER_KEY));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (entry), HANDLER_KEY, NULL);
}

static GtkColumnViewColumn *
segment_column_new (PalierDesignerView *self,
                    const char         *segment)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("Remove Column"), NULL);
  GtkColumnViewColumn *column;

  g_object_set_data_full (G_OBJECT (factory), SEGMENT_KEY, g_strdup (segment), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_override_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_override_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_override_cell_cb), self);

  g_menu_item_set_action_and_target_value (remove, "designer.remove-segment-column",
                                           g_variant_new_string (segment));
  g_menu_append_item (menu, remove);

  column = gtk_column_view_column_new (segment, g_object_ref (factory));
  gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (menu));
  g_object_set_data_full (G_OBJECT (column), SEGMENT_KEY, g_strdup (segment), g_free);

  return column;
}

static gboolean
columns_match (PalierDesignerView *self,
               GPtrArray          *segments)
{
  if (self->segment_columns->len != segments->len)
    return FALSE;

  for (guint i = 0; i < segments->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->segment_columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), SEGMENT_KEY),
                     g_ptr_array_index (segments, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Position of @column among the table's columns. */
static guint
column_position (GtkColumnView       *table,
                 GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) item = g_list_model_get_item (columns, i);

      if (item == column)
        return i;
    }

  return g_list_model_get_n_items (columns);
}

static void
rebuild_columns (PalierDesignerView *self,
                 GPtrArray          *segments)
{
  for (guint i = 0; i < self->segment_columns->len; i++)
    gtk_column_view_remove_column (self->tier_table, g_ptr_array_index (self->segment_columns, i));
  g_ptr_array_set_size (self->segment_columns, 0);

  for (guint i = 0; i < segments->len; i++)
    {
      GtkColumnViewColumn *column = segment_column_new (self, g_ptr_array_index (segments, i));

      gtk_column_view_insert_column (self->tier_table,
                                     column_position (self->tier_table, self->remove_column),
                                     column);
      g_ptr_array_add (self->segment_columns, column);
    }
}

/* The workspace's segments that have no column yet. */
static GMenuModel *
add_column_menu (PalierDesignerView *self,
                 GPtrArray          *segments)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      const char *segment = g_ptr_array_index (self->segments, i);
      g_autoptr(GMenuItem) item = NULL;
      gboolean present = FALSE;

      for (guint j = 0; j < segments->len && !present; j++)
        present = g_str_equal (g_ptr_array_index (segments, j), segment);
      if (present)
        continue;

      item = g_menu_item_new (segment, NULL);
      g_menu_item_set_action_and_target_value (item, "designer.add-segment-column",
                                               g_variant_new_string (segment));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
show_curve_segments (PalierDesignerView *self,
                     GPtrArray          *segments)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *model = gtk_drop_down_get_model (self->curve_segment_dropdown);
  g_autofree char *selected = NULL;
  guint position = 0;

  if (model != NULL && gtk_drop_down_get_selected (self->curve_segment_dropdown) > 0)
    selected = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                                     gtk_drop_down_get_selected (self->curve_segment_dropdown)));

  gtk_string_list_append (names, _("Base Rates"));
  for (guint i = 0; i < segments->len; i++)
    {
      gtk_string_list_append (names, g_ptr_array_index (segments, i));
      if (g_strcmp0 (selected, g_ptr_array_index (segments, i)) == 0)
        position = i + 1;
    }

  gtk_drop_down_set_model (self->curve_segment_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->curve_segment_dropdown, position);
  gtk_widget_set_visible (GTK_WIDGET (self->curve_segment_dropdown), segments->len > 0);
  palier_curve_editor_set_segment (self->curve_editor,
                                   position > 0 ? g_ptr_array_index (segments, position - 1) : NULL);
}

void
_palier_designer_view_show_segment_columns (PalierDesignerView    *self,
                                            const PalierComponent *component)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GMenuModel) menu = NULL;

  /* A disposed view shows nothing. */
  if (self->segment_columns == NULL)
    return;

  segments = palier_component_override_segments (component);
  menu = add_column_menu (self, segments);
  if (!columns_match (self, segments))
    rebuild_columns (self, segments);

  for (guint i = 0; i < self->segment_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->segment_columns, i), TRUE);

  gtk_menu_button_set_menu_model (self->add_segment_column_button, menu);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_segment_column_button),
                            g_menu_model_get_n_items (menu) > 0);
  show_curve_segments (self, segments);
}

static void
curve_segment_selected_cb (PalierDesignerView *self)
{
  GListModel *model = gtk_drop_down_get_model (self->curve_segment_dropdown);
  guint selected = gtk_drop_down_get_selected (self->curve_segment_dropdown);

  if (model == NULL)
    return;

  palier_curve_editor_set_segment (self->curve_editor,
                                   selected > 0 && selected != GTK_INVALID_LIST_POSITION
                                   ? gtk_string_list_get_string (GTK_STRING_LIST (model), selected)
                                   : NULL);
}

static void
segment_column_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const char *segment = g_variant_get_string (parameter, NULL);
  g_autofree char *summary = NULL;
  PalierProgram *changed;

  if (draft == NULL || _palier_designer_view_get_component (self) == NULL)
    return;

  if (g_str_equal (action_name, "designer.add-segment-column"))
    changed = palier_edit_add_segment_column (draft, self->component, segment, &summary);
  else
    changed = palier_edit_remove_segment_column (draft, self->component, segment, &summary);

  _palier_designer_view_edit (self, changed, &summary);
}

void
_palier_designer_view_init_segments (PalierDesignerView *self)
{
  self->segment_columns = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_palier_designer_view_dispose_segments (PalierDesignerView *self)
{
  g_clear_pointer (&self->segment_columns, g_ptr_array_unref);
}

void
_palier_designer_view_class_init_segments (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, add_segment_column_button);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, curve_segment_dropdown);

  gtk_widget_class_bind_template_callback (widget_class, curve_segment_selected_cb);

  gtk_widget_class_install_action (widget_class, "designer.add-segment-column", "s", segment_column_action);
  gtk_widget_class_install_action (widget_class, "designer.remove-segment-column", "s", segment_column_action);
}
