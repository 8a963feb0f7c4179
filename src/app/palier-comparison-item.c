/* palier-comparison-item.c: one partner's row of a comparison
 *
 * The item exposes the amounts as gint64 properties (PalierDecimal
 * millionths), so that GtkNumericSorter sorts them exactly.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include "palier-comparison-item.h"

struct _PalierComparisonItem
{
  GObject parent_instance;

  PalierComparison *comparison;
  const PalierComparisonRow *row;
  char *search_text;
};

G_DEFINE_FINAL_TYPE (PalierComparisonItem, palier_comparison_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTNER,
  PROP_SEGMENT,
  PROP_BASELINE,
  PROP_PROPOSAL,
  PROP_DIFFERENCE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
palier_comparison_item_finalize (GObject *object)
{
  PalierComparisonItem *self = PALIER_COMPARISON_ITEM (object);

  g_clear_pointer (&self->comparison, palier_comparison_unref);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (palier_comparison_item_parent_class)->finalize (object);
}

static void
palier_comparison_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PalierComparisonItem *self = PALIER_COMPARISON_ITEM (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      g_value_set_string (value, self->row->partner);
      break;

    case PROP_SEGMENT:
      g_value_set_string (value, self->row->segment);
      break;

    case PROP_BASELINE:
      g_value_set_int64 (value, self->row->baseline);
      break;

    case PROP_PROPOSAL:
      g_value_set_int64 (value, self->row->proposal);
      break;

    case PROP_DIFFERENCE:
      g_value_set_int64 (value, self->row->difference);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_comparison_item_class_init (PalierComparisonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_comparison_item_finalize;
  object_class->get_property = palier_comparison_item_get_property;

  /* The partner's code as mapped at import. */
  properties[PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASELINE] =
    g_param_spec_int64 ("baseline", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROPOSAL] =
    g_param_spec_int64 ("proposal", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Proposal minus baseline. */
  properties[PROP_DIFFERENCE] =
    g_param_spec_int64 ("difference", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The code and the segment, which the search matches. */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palier_comparison_item_init (PalierComparisonItem *self)
{
}

PalierComparisonItem *
palier_comparison_item_new (PalierComparison *comparison,
                            guint             index)
{
  PalierComparisonItem *self;

  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (index < comparison->rows->len, NULL);

  self = g_object_new (PALIER_TYPE_COMPARISON_ITEM, NULL);
  self->comparison = palier_comparison_ref (comparison);
  self->row = g_ptr_array_index (comparison->rows, index);
  self->search_text = g_strjoin (" ", self->row->partner,
                                 self->row->segment != NULL ? self->row->segment : "", NULL);

  return self;
}

const PalierComparisonRow *
palier_comparison_item_get_row (PalierComparisonItem *self)
{
  g_return_val_if_fail (PALIER_IS_COMPARISON_ITEM (self), NULL);

  return self->row;
}

const char *
palier_comparison_item_get_partner (PalierComparisonItem *self)
{
  g_return_val_if_fail (PALIER_IS_COMPARISON_ITEM (self), NULL);

  return self->row->partner;
}

static PalierDecimal
magnitude (PalierDecimal value)
{
  /* PalierDecimal excludes G_MININT64, so the negation cannot overflow. */
  return value < 0 ? -value : value;
}

/* Largest magnitude first, then the partner code, for a stable order. */
static int
compare_magnitude (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const PalierComparisonRow *ra = palier_comparison_item_get_row (*(PalierComparisonItem **) a);
  const PalierComparisonRow *rb = palier_comparison_item_get_row (*(PalierComparisonItem **) b);
  PalierDecimal ma = magnitude (ra->difference);
  PalierDecimal mb = magnitude (rb->difference);

  if (ma != mb)
    return ma > mb ? -1 : 1;
  return strcmp (ra->partner, rb->partner);
}

GListModel *
palier_comparison_items_new (PalierComparison *comparison)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;

  g_return_val_if_fail (comparison != NULL, NULL);

  for (guint i = 0; i < comparison->rows->len; i++)
    g_ptr_array_add (items, palier_comparison_item_new (comparison, i));
  g_ptr_array_sort_with_data (items, compare_magnitude, NULL);

  store = g_list_store_new (PALIER_TYPE_COMPARISON_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (store);
}
