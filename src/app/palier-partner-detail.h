/* palier-partner-detail.h: one partner's periods in a simulation's result */
#pragma once

#include <adwaita.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_PARTNER_DETAIL (palier_partner_detail_get_type ())

G_DECLARE_FINAL_TYPE (PalierPartnerDetail, palier_partner_detail, PALIER, PARTNER_DETAIL, AdwBin)

GtkWidget  *palier_partner_detail_new         (void);

/* Shows the periods of partner @partner in @result, which the widget
 * keeps alive.  Returns FALSE, and shows nothing, when @result has no
 * such partner. */
gboolean    palier_partner_detail_show        (PalierPartnerDetail *self,
                                               PalierResult        *result,
                                               const char          *partner);

/* Shows nothing and drops the result. */
void        palier_partner_detail_clear       (PalierPartnerDetail *self);

/* Code of the partner shown, or NULL. */
const char *palier_partner_detail_get_partner (PalierPartnerDetail *self);

G_END_DECLS
