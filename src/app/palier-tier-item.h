/* palier-tier-item.h: one row of the designer's tier table */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_TIER_ITEM (palier_tier_item_get_type ())

G_DECLARE_FINAL_TYPE (PalierTierItem, palier_tier_item, PALIER, TIER_ITEM, GObject)

const char *palier_tier_item_get_from      (PalierTierItem        *self);
const char *palier_tier_item_get_value     (PalierTierItem        *self);
const char *palier_tier_item_get_overrides (PalierTierItem        *self);

/* The rows of @component's table, formatted for people in the current
 * locale: its tiers for a commission, its levels for a bonus, nothing for
 * other kinds.  Returns a GListModel of PalierTierItem. */
GListModel *palier_tier_items_new          (const PalierProgram   *program,
                                            const PalierComponent *component);

G_END_DECLS
