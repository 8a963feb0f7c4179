/* palier-comparison-item.h: one partner's row of a comparison */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_COMPARISON_ITEM (palier_comparison_item_get_type ())

G_DECLARE_FINAL_TYPE (PalierComparisonItem, palier_comparison_item, PALIER, COMPARISON_ITEM, GObject)

/* The row of @comparison's partner number @index.  The item keeps
 * @comparison alive. */
PalierComparisonItem      *palier_comparison_item_new         (PalierComparison     *comparison,
                                                               guint                 index);

const PalierComparisonRow *palier_comparison_item_get_row     (PalierComparisonItem *self);
const char                *palier_comparison_item_get_partner (PalierComparisonItem *self);

/* Every partner of @comparison as a GListModel of PalierComparisonItem,
 * the largest change first, gain or loss. */
GListModel                *palier_comparison_items_new        (PalierComparison     *comparison);

G_END_DECLS
