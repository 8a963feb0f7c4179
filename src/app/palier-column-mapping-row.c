/* palier-column-mapping-row.c: which column of a file feeds one field
 *
 * A row of the import dialog: the field's name, a subtitle the dialog
 * sets (how the first value reads), and a drop-down of the file's
 * columns whose first entry is "Not used".  A required field left unused
 * shows a warning icon, and the dialog does not import until the field
 * has a column.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-column-mapping-row.h"

struct _PalierColumnMappingRow
{
  AdwActionRow parent_instance;

  PalierField field;
  gboolean required;
  GtkDropDown *drop_down;
  GtkWidget *warning_icon;
};

G_DEFINE_FINAL_TYPE (PalierColumnMappingRow, palier_column_mapping_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
palier_field_get_label (PalierField field)
{
  switch (field)
    {
    case PALIER_FIELD_DATE:
      return _("Date");
    case PALIER_FIELD_PARTNER:
      return _("Partner");
    case PALIER_FIELD_AMOUNT:
      return _("Amount");
    case PALIER_FIELD_MARGIN:
      return _("Margin");
    case PALIER_FIELD_QUANTITY:
      return _("Quantity");
    case PALIER_FIELD_PRODUCT:
      return _("Product");
    case PALIER_FIELD_CATEGORY:
      return _("Category");
    case PALIER_FIELD_REGION:
      return _("Region");
    case PALIER_FIELD_SEGMENT:
      return _("Segment");
    case PALIER_FIELD_DEAL:
      return _("Deal");
    case PALIER_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_warning (PalierColumnMappingRow *self)
{
  gboolean missing = self->required &&
                     palier_column_mapping_row_get_column (self) < 0;

  gtk_widget_set_visible (self->warning_icon, missing);
}

static void
selected_changed_cb (PalierColumnMappingRow *self)
{
  update_warning (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
}

static void
palier_column_mapping_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PalierColumnMappingRow *self = PALIER_COLUMN_MAPPING_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_int (value, self->field);
      break;

    case PROP_COLUMN:
      g_value_set_int (value, palier_column_mapping_row_get_column (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_column_mapping_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PalierColumnMappingRow *self = PALIER_COLUMN_MAPPING_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_get_int (value);
      break;

    case PROP_COLUMN:
      palier_column_mapping_row_set_column (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_column_mapping_row_constructed (GObject *object)
{
  PalierColumnMappingRow *self = PALIER_COLUMN_MAPPING_ROW (object);
  const char *label = palier_field_get_label (self->field);

  G_OBJECT_CLASS (palier_column_mapping_row_parent_class)->constructed (object);

  self->required = palier_field_is_required (self->field);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  update_warning (self);
}

static void
palier_column_mapping_row_class_init (PalierColumnMappingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = palier_column_mapping_row_get_property;
  object_class->set_property = palier_column_mapping_row_set_property;
  object_class->constructed = palier_column_mapping_row_constructed;

  /* The PalierField the row maps. */
  properties[PROP_FIELD] =
    g_param_spec_int ("field", NULL, NULL,
                      0, PALIER_N_FIELDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Index of the chosen column, -1 for "Not used". */
  properties[PROP_COLUMN] =
    g_param_spec_int ("column", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palier_column_mapping_row_init (PalierColumnMappingRow *self)
{
  self->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->warning_icon, "error");
  gtk_widget_set_tooltip_text (self->warning_icon, _("This field is required: choose a column"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->warning_icon);

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->drop_down), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->drop_down), 220, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));

  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (selected_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
palier_column_mapping_row_new (PalierField field)
{
  g_return_val_if_fail (field < PALIER_N_FIELDS, NULL);

  return g_object_new (PALIER_TYPE_COLUMN_MAPPING_ROW,
                       "field", field,
                       NULL);
}

GtkWidget *
palier_column_mapping_row_new_labelled (guint       field,
                                        const char *label,
                                        gboolean    required)
{
  PalierColumnMappingRow *self;

  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (PALIER_TYPE_COLUMN_MAPPING_ROW, NULL);
  self->field = field;
  self->required = required;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  update_warning (self);

  return GTK_WIDGET (self);
}

PalierField
palier_column_mapping_row_get_field (PalierColumnMappingRow *self)
{
  g_return_val_if_fail (PALIER_IS_COLUMN_MAPPING_ROW (self), PALIER_FIELD_DATE);

  return self->field;
}

void
palier_column_mapping_row_set_headers (PalierColumnMappingRow *self,
                                       GListModel             *choices)
{
  g_return_if_fail (PALIER_IS_COLUMN_MAPPING_ROW (self));
  g_return_if_fail (choices == NULL || G_IS_LIST_MODEL (choices));

  gtk_drop_down_set_model (self->drop_down, choices);
}

int
palier_column_mapping_row_get_column (PalierColumnMappingRow *self)
{
  guint selected;

  g_return_val_if_fail (PALIER_IS_COLUMN_MAPPING_ROW (self), -1);

  selected = gtk_drop_down_get_selected (self->drop_down);
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return -1;

  return (int) selected - 1;
}

void
palier_column_mapping_row_set_column (PalierColumnMappingRow *self,
                                      int                     column)
{
  g_return_if_fail (PALIER_IS_COLUMN_MAPPING_ROW (self));
  g_return_if_fail (column >= -1);

  gtk_drop_down_set_selected (self->drop_down, (guint) (column + 1));
}

GtkDropDown *
palier_column_mapping_row_get_drop_down (PalierColumnMappingRow *self)
{
  g_return_val_if_fail (PALIER_IS_COLUMN_MAPPING_ROW (self), NULL);

  return self->drop_down;
}
