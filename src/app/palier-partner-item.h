/* palier-partner-item.h: one partner's row of a simulation's results */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_PARTNER_ITEM (palier_partner_item_get_type ())

G_DECLARE_FINAL_TYPE (PalierPartnerItem, palier_partner_item, PALIER, PARTNER_ITEM, GObject)

/* The row of @result's partner number @index.  The item keeps @result
 * alive. */
PalierPartnerItem         *palier_partner_item_new        (PalierResult      *result,
                                                           guint              index);

const PalierPartnerResult *palier_partner_item_get_result (PalierPartnerItem *self);
const char                *palier_partner_item_get_partner (PalierPartnerItem *self);
PalierDecimal              palier_partner_item_get_sales  (PalierPartnerItem *self);
PalierDecimal              palier_partner_item_get_payout (PalierPartnerItem *self);

/* Sets @out_attainment to the sales over the sum of the quotas of the
 * partner's periods.  Returns FALSE when no period had a quota. */
gboolean                   palier_partner_item_get_attainment (PalierPartnerItem *self,
                                                               PalierDecimal     *out_attainment);

/* Payout of component @component, in program order. */
PalierDecimal              palier_partner_item_get_component_payout (PalierPartnerItem *self,
                                                                     guint              component);

/* Every partner of @result, as a GListModel of PalierPartnerItem. */
GListModel                *palier_partner_items_new       (PalierResult      *result);

G_END_DECLS
