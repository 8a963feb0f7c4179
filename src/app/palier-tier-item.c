/* palier-tier-item.c: one row of the designer's tier table */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"
#include "palier-tier-item.h"

struct _PalierTierItem
{
  GObject parent_instance;

  guint row;
  char *from;
  char *value;
  char *overrides;
  char *from_text;
  char *value_text;
  char *from_error;
  char *value_error;
};

G_DEFINE_FINAL_TYPE (PalierTierItem, palier_tier_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_FROM,
  PROP_VALUE,
  PROP_OVERRIDES,
  PROP_FROM_TEXT,
  PROP_VALUE_TEXT,
  PROP_FROM_ERROR,
  PROP_VALUE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
palier_tier_item_finalize (GObject *object)
{
  PalierTierItem *self = PALIER_TIER_ITEM (object);

  g_free (self->from);
  g_free (self->value);
  g_free (self->overrides);
  g_free (self->from_text);
  g_free (self->value_text);
  g_free (self->from_error);
  g_free (self->value_error);

  G_OBJECT_CLASS (palier_tier_item_parent_class)->finalize (object);
}

static void
palier_tier_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PalierTierItem *self = PALIER_TIER_ITEM (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, self->row);
      break;

    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_OVERRIDES:
      g_value_set_string (value, self->overrides);
      break;

    case PROP_FROM_TEXT:
      g_value_set_string (value, self->from_text);
      break;

    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;

    case PROP_FROM_ERROR:
      g_value_set_string (value, self->from_error);
      break;

    case PROP_VALUE_ERROR:
      g_value_set_string (value, self->value_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
palier_tier_item_class_init (PalierTierItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_tier_item_finalize;
  object_class->get_property = palier_tier_item_get_property;

  /* Index of the tier or level in its component. */
  properties[PROP_ROW] =
    g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Where the tier or level starts, in the basis's units. */
  properties[PROP_FROM] = string_property ("from");

  /* The tier's rate or amount per unit, or the level's amount. */
  properties[PROP_VALUE] = string_property ("value");

  /* The segment overrides as one line, empty when there is none. */
  properties[PROP_OVERRIDES] = string_property ("overrides");

  /* The start and the value as typed in the table's entries. */
  properties[PROP_FROM_TEXT] = string_property ("from-text");
  properties[PROP_VALUE_TEXT] = string_property ("value-text");

  /* Why the start or the value breaks a rule, or NULL. */
  properties[PROP_FROM_ERROR] = string_property ("from-error");
  properties[PROP_VALUE_ERROR] = string_property ("value-error");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palier_tier_item_init (PalierTierItem *self)
{
}

guint
palier_tier_item_get_row (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), 0);

  return self->row;
}

const char *
palier_tier_item_get_from (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->from;
}

const char *
palier_tier_item_get_value (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->value;
}

const char *
palier_tier_item_get_overrides (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->overrides;
}

const char *
palier_tier_item_get_from_text (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->from_text;
}

const char *
palier_tier_item_get_value_text (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->value_text;
}

const char *
palier_tier_item_get_from_error (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->from_error;
}

const char *
palier_tier_item_get_value_error (PalierTierItem *self)
{
  g_return_val_if_fail (PALIER_IS_TIER_ITEM (self), NULL);

  return self->value_error;
}

/* Formatting */

/* "Gold: 5%, Silver: 4.5%": each value formatted as the row's value. */
static char *
format_overrides (const PalierProgram   *program,
                  const PalierComponent *component,
                  guint                  row,
                  const GArray          *overrides)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (overrides == NULL)
    return g_strdup ("");

  for (guint i = 0; i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);
      g_autofree char *value = palier_format_row_value (program, component, row, override->value);

      if (text->len > 0)
        g_string_append (text, _(", "));
      /* Translators: a segment override: "Gold: 5%". */
      g_string_append_printf (text, _("%s: %s"), override->segment, value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const GArray *
row_overrides (const PalierComponent *component,
               guint                  row)
{
  if (component->kind == PALIER_COMPONENT_COMMISSION)
    return g_array_index (component->tiers, PalierTier, row).overrides;

  return g_array_index (component->levels, PalierLevel, row).overrides;
}

static char *
format_from_text (const PalierComponent *component,
                  PalierDecimal          from)
{
  if (component->basis == PALIER_BASIS_ATTAINMENT)
    return palier_format_rate (from);

  return palier_input_format_number (from);
}

static char *
format_value_text (const PalierComponent *component,
                   guint                  row,
                   PalierDecimal          value)
{
  if (palier_component_row_is_rate (component, row))
    return palier_format_rate (value);

  return palier_input_format_number (value);
}

/* Replaces *@field with @value (taken) and notifies when they differ. */
static void
set_field (PalierTierItem  *self,
           char           **field,
           char            *value,
           guint            prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
fill_item (PalierTierItem        *self,
           const PalierProgram   *program,
           const PalierComponent *component,
           guint                  row)
{
  PalierDecimal from = palier_component_row_from (component, row);
  PalierDecimal value = palier_component_row_value (component, row);

  if (self->row != row)
    {
      self->row = row;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
    }

  set_field (self, &self->from, palier_format_boundary (program, component, from), PROP_FROM);
  set_field (self, &self->value, palier_format_row_value (program, component, row, value), PROP_VALUE);
  set_field (self, &self->overrides,
             format_overrides (program, component, row, row_overrides (component, row)),
             PROP_OVERRIDES);
  set_field (self, &self->from_text, format_from_text (component, from), PROP_FROM_TEXT);
  set_field (self, &self->value_text, format_value_text (component, row, value), PROP_VALUE_TEXT);
}

static void
set_errors (PalierTierItem *self,
            const char     *from_error,
            const char     *value_error)
{
  set_field (self, &self->from_error, g_strdup (from_error), PROP_FROM_ERROR);
  set_field (self, &self->value_error, g_strdup (value_error), PROP_VALUE_ERROR);
}

void
palier_tier_items_update (GListStore            *items,
                          const PalierProgram   *program,
                          const PalierComponent *component)
{
  guint n_rows;
  guint n_items;
  guint problem_row = G_MAXUINT;
  PalierRowField problem_field = PALIER_ROW_FIELD_FROM;
  g_autofree char *problem = NULL;

  g_return_if_fail (G_IS_LIST_STORE (items));
  g_return_if_fail (program != NULL);
  g_return_if_fail (component != NULL);

  n_rows = palier_component_n_rows (component);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (items));
  if (n_items > n_rows)
    g_list_store_splice (items, n_rows, n_items - n_rows, NULL, 0);

  if (!palier_find_row_problem (program, component, &problem_row, &problem_field, &problem))
    problem_row = G_MAXUINT;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(PalierTierItem) item = NULL;
      gboolean is_new = row >= n_items;

      item = is_new ? g_object_new (PALIER_TYPE_TIER_ITEM, NULL)
                    : g_list_model_get_item (G_LIST_MODEL (items), row);
      fill_item (item, program, component, row);

      if (row == problem_row)
        set_errors (item,
                    problem_field == PALIER_ROW_FIELD_FROM ? problem : NULL,
                    problem_field == PALIER_ROW_FIELD_VALUE ? problem : NULL);
      else
        set_errors (item, NULL, NULL);

      if (is_new)
        g_list_store_append (items, item);
    }
}

GListModel *
palier_tier_items_new (const PalierProgram   *program,
                       const PalierComponent *component)
{
  GListStore *items;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component != NULL, NULL);

  items = g_list_store_new (PALIER_TYPE_TIER_ITEM);
  palier_tier_items_update (items, program, component);

  return G_LIST_MODEL (items);
}
