/* palier-tier-item.c: one row of the designer's tier table */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-tier-item.h"

struct _PalierTierItem
{
  GObject parent_instance;

  char *from;
  char *value;
  char *overrides;
};

G_DEFINE_FINAL_TYPE (PalierTierItem, palier_tier_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_VALUE,
  PROP_OVERRIDES,
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
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_OVERRIDES:
      g_value_set_string (value, self->overrides);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_tier_item_class_init (PalierTierItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_tier_item_finalize;
  object_class->get_property = palier_tier_item_get_property;

  /* Where the tier or level starts, in the basis's units. */
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The tier's rate or amount per unit, or the level's amount. */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The segment overrides as one line, empty when there is none. */
  properties[PROP_OVERRIDES] =
    g_param_spec_string ("overrides", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palier_tier_item_init (PalierTierItem *self)
{
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

/* Formatting */

/* A boundary in the component's basis: a share of the quota, an amount
 * of money, or a number of units. */
static char *
format_boundary (const PalierProgram   *program,
                 const PalierComponent *component,
                 PalierDecimal          value)
{
  if (component->basis == PALIER_BASIS_ATTAINMENT)
    {
      g_autofree char *percent = palier_format_rate (value);

      /* Translators: a tier boundary in attainment: "120% of quota". */
      return g_strdup_printf (_("%s of quota"), percent);
    }

  if (component->measure == PALIER_MEASURE_UNITS)
    {
      g_autofree char *units = palier_format_quantity (value);

      /* Translators: a tier boundary in units sold: "250 units". */
      return g_strdup_printf (_("%s units"), units);
    }

  return palier_format_money (value, program->currency);
}

static char *
format_tier_value (const PalierProgram *program,
                   PalierTierKind       kind,
                   PalierDecimal        value)
{
  g_autofree char *amount = NULL;

  if (kind == PALIER_TIER_RATE)
    return palier_format_rate (value);

  amount = palier_format_money (value, program->currency);
  /* Translators: a tier that pays an amount per unit: "$2.50 per unit". */
  return g_strdup_printf (_("%s per unit"), amount);
}

/* "Gold: 5%, Silver: 4.5%": each value formatted as a level's amount when
 * @is_level, else as a tier's value of @kind. */
static char *
format_overrides (const PalierProgram *program,
                  const GArray        *overrides,
                  PalierTierKind       kind,
                  gboolean             is_level)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (overrides == NULL)
    return g_strdup ("");

  for (guint i = 0; i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);
      g_autofree char *value = NULL;

      if (is_level)
        value = palier_format_money (override->value, program->currency);
      else
        value = format_tier_value (program, kind, override->value);

      if (text->len > 0)
        g_string_append (text, _(", "));
      /* Translators: a segment override: "Gold: 5%". */
      g_string_append_printf (text, _("%s: %s"), override->segment, value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static PalierTierItem *
tier_item_new (char *from,
               char *value,
               char *overrides)
{
  PalierTierItem *self = g_object_new (PALIER_TYPE_TIER_ITEM, NULL);

  self->from = from;
  self->value = value;
  self->overrides = overrides;

  return self;
}

GListModel *
palier_tier_items_new (const PalierProgram   *program,
                       const PalierComponent *component)
{
  GListStore *store;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component != NULL, NULL);

  store = g_list_store_new (PALIER_TYPE_TIER_ITEM);

  if (component->kind == PALIER_COMPONENT_COMMISSION && component->tiers != NULL)
    {
      for (guint i = 0; i < component->tiers->len; i++)
        {
          const PalierTier *tier = &g_array_index (component->tiers, PalierTier, i);
          g_autoptr(PalierTierItem) item = NULL;

          item = tier_item_new (format_boundary (program, component, tier->from),
                                format_tier_value (program, tier->kind, tier->value),
                                format_overrides (program, tier->overrides, tier->kind, FALSE));
          g_list_store_append (store, item);
        }
    }
  else if (component->kind == PALIER_COMPONENT_BONUS && component->levels != NULL)
    {
      for (guint i = 0; i < component->levels->len; i++)
        {
          const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);
          g_autoptr(PalierTierItem) item = NULL;

          item = tier_item_new (format_boundary (program, component, level->min),
                                palier_format_money (level->amount, program->currency),
                                format_overrides (program, level->overrides, PALIER_TIER_RATE, TRUE));
          g_list_store_append (store, item);
        }
    }

  return G_LIST_MODEL (store);
}
