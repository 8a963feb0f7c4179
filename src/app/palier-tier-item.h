/* palier-tier-item.h: one row of the designer's tier table */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_TIER_ITEM (palier_tier_item_get_type ())

G_DECLARE_FINAL_TYPE (PalierTierItem, palier_tier_item, PALIER, TIER_ITEM, GObject)

guint       palier_tier_item_get_row        (PalierTierItem        *self);
const char *palier_tier_item_get_from       (PalierTierItem        *self);
const char *palier_tier_item_get_value      (PalierTierItem        *self);
const char *palier_tier_item_get_overrides  (PalierTierItem        *self);

/* The start and the value as an entry shows them for editing: "150%" for
 * an attainment boundary or a rate, "12,500" for an amount. */
const char *palier_tier_item_get_from_text  (PalierTierItem        *self);
const char *palier_tier_item_get_value_text (PalierTierItem        *self);

/* Why the row's start or value breaks a rule, or NULL. */
const char *palier_tier_item_get_from_error  (PalierTierItem       *self);
const char *palier_tier_item_get_value_error (PalierTierItem       *self);

/* The rows of @component's table, formatted for people in the current
 * locale: its tiers for a commission, its levels for a bonus, nothing for
 * other kinds.  Returns a GListStore of PalierTierItem. */
GListModel *palier_tier_items_new           (const PalierProgram   *program,
                                             const PalierComponent *component);

/* Updates @items, made by palier_tier_items_new(), to show @component.
 * Items are changed in place and only notify what changed, so an entry
 * being typed in keeps its place.  Rows are added or removed at the
 * end. */
void        palier_tier_items_update        (GListStore            *items,
                                             const PalierProgram   *program,
                                             const PalierComponent *component);

G_END_DECLS
