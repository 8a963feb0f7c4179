/* palier-health-row.h: one row of the health panel's tables
 *
 * A row points into a PalierHealth, which it keeps alive: a cliff (a
 * partner just below a boundary that pays a step) or a partner's
 * effective rate.
 */
#pragma once

#include <glib-object.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_HEALTH_ROW (palier_health_row_get_type ())

G_DECLARE_FINAL_TYPE (PalierHealthRow, palier_health_row, PALIER, HEALTH_ROW, GObject)

/* Rows of every cliff of @health, in its order (largest step first). */
GListModel                *palier_health_row_list_cliffs (PalierHealth    *health);
/* Rows of every effective rate of @health, in its order (largest cost
 * first). */
GListModel                *palier_health_row_list_rates  (PalierHealth    *health);

PalierHealth              *palier_health_row_get_health  (PalierHealthRow *self);
/* The cliff, or NULL for a rate row. */
const PalierCliff         *palier_health_row_get_cliff   (PalierHealthRow *self);
/* The effective rate, or NULL for a cliff row. */
const PalierEffectiveRate *palier_health_row_get_rate    (PalierHealthRow *self);

G_END_DECLS
