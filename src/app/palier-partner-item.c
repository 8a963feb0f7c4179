/* palier-partner-item.c: one partner's row of a simulation's results
 *
 * The item exposes the numbers as gint64 properties (PalierDecimal
 * millionths), so that GtkNumericSorter sorts them exactly.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-partner-item.h"

struct _PalierPartnerItem
{
  GObject parent_instance;

  PalierResult *result;
  const PalierPartnerResult *partner;
  gboolean has_attainment;
  PalierDecimal attainment;
  char *search_text;
};

G_DEFINE_FINAL_TYPE (PalierPartnerItem, palier_partner_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTNER,
  PROP_NAME,
  PROP_SEGMENT,
  PROP_SALES,
  PROP_PAYOUT,
  PROP_ATTAINMENT,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
palier_partner_item_finalize (GObject *object)
{
  PalierPartnerItem *self = PALIER_PARTNER_ITEM (object);

  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (palier_partner_item_parent_class)->finalize (object);
}

static void
palier_partner_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PalierPartnerItem *self = PALIER_PARTNER_ITEM (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      g_value_set_string (value, self->partner->partner);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->partner->name);
      break;

    case PROP_SEGMENT:
      g_value_set_string (value, self->partner->segment);
      break;

    case PROP_SALES:
      g_value_set_int64 (value, self->partner->sales);
      break;

    case PROP_PAYOUT:
      g_value_set_int64 (value, self->partner->payout);
      break;

    case PROP_ATTAINMENT:
      g_value_set_int64 (value, self->has_attainment ? self->attainment : G_MININT64);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_partner_item_class_init (PalierPartnerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_partner_item_finalize;
  object_class->get_property = palier_partner_item_get_property;

  /* The partner's code as mapped at import. */
  properties[PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SALES] =
    g_param_spec_int64 ("sales", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAYOUT] =
    g_param_spec_int64 ("payout", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* G_MININT64 when no period had a quota, so those rows sort first. */
  properties[PROP_ATTAINMENT] =
    g_param_spec_int64 ("attainment", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Code, name and segment in one string, for the search filter. */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palier_partner_item_init (PalierPartnerItem *self)
{
}

/* TODO: take the attainment from the simulation once PalierPartnerResult
 * carries it, because the window should not divide amounts itself. */
static gboolean
compute_attainment (const PalierPartnerResult *partner,
                    PalierDecimal             *out_attainment)
{
  PalierDecimal quota = 0;
  PalierWide attainment;

  for (guint i = 0; i < partner->periods->len; i++)
    {
      const PalierPeriodResult *period = &g_array_index (partner->periods, PalierPeriodResult, i);

      if (period->has_quota && !palier_decimal_add (quota, period->quota, &quota))
        return FALSE;
    }

  if (quota <= 0)
    return FALSE;

  attainment = palier_wide_div_round ((PalierWide) partner->sales * PALIER_DECIMAL_ONE, quota);
  *out_attainment = (PalierDecimal) CLAMP (attainment, PALIER_DECIMAL_MIN, PALIER_DECIMAL_MAX);

  return TRUE;
}

PalierPartnerItem *
palier_partner_item_new (PalierResult *result,
                         guint         index)
{
  PalierPartnerItem *self;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->partners->len, NULL);

  self = g_object_new (PALIER_TYPE_PARTNER_ITEM, NULL);
  self->result = palier_result_ref (result);
  self->partner = g_ptr_array_index (result->partners, index);
  self->has_attainment = self->partner->periods != NULL &&
                         compute_attainment (self->partner, &self->attainment);
  self->search_text = g_strjoin (" ",
                                 self->partner->partner,
                                 self->partner->name != NULL ? self->partner->name : "",
                                 self->partner->segment != NULL ? self->partner->segment : "",
                                 NULL);

  return self;
}

const PalierPartnerResult *
palier_partner_item_get_result (PalierPartnerItem *self)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_ITEM (self), NULL);

  return self->partner;
}

const char *
palier_partner_item_get_partner (PalierPartnerItem *self)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_ITEM (self), NULL);

  return self->partner->partner;
}

PalierDecimal
palier_partner_item_get_sales (PalierPartnerItem *self)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_ITEM (self), 0);

  return self->partner->sales;
}

PalierDecimal
palier_partner_item_get_payout (PalierPartnerItem *self)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_ITEM (self), 0);

  return self->partner->payout;
}

gboolean
palier_partner_item_get_attainment (PalierPartnerItem *self,
                                    PalierDecimal     *out_attainment)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_ITEM (self), FALSE);

  if (self->has_attainment && out_attainment != NULL)
    *out_attainment = self->attainment;

  return self->has_attainment;
}

PalierDecimal
palier_partner_item_get_component_payout (PalierPartnerItem *self,
                                          guint              component)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_ITEM (self), 0);
  g_return_val_if_fail (component < self->result->n_components, 0);

  return self->partner->component_payouts[component];
}

GListModel *
palier_partner_items_new (PalierResult *result)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (result != NULL, NULL);

  items = g_ptr_array_new_full (result->partners->len, g_object_unref);
  for (guint i = 0; i < result->partners->len; i++)
    g_ptr_array_add (items, palier_partner_item_new (result, i));

  store = g_list_store_new (PALIER_TYPE_PARTNER_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (store);
}
