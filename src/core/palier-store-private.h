/* palier-store-private.h: store functions shared with the simulation */
#pragma once

#include "palier-store.h"

G_BEGIN_DECLS

/* Same as palier_store_foreach_month_total(), and interrupts the query
 * with a PALIER_STORE_ERROR_CANCELLED error when @cancellable fires, even
 * while sqlite is still scanning before the first group. */
gboolean _palier_store_foreach_month_total (PalierStore          *store,
                                            const PalierFilter   *filter,
                                            PalierDate            from,
                                            PalierDate            to,
                                            GCancellable         *cancellable,
                                            PalierMonthTotalFunc  func,
                                            gpointer              user_data,
                                            GError              **error);

/* One deal of one partner: the lines that share a deal id, or a single
 * line without one, summed over the lines that pass a filter. */
typedef struct {
  gint64         partner_id;
  PalierDate     date;                  /* earliest line that passes */
  PalierDecimal  revenue;
  PalierDecimal  margin;
  PalierDecimal  units;
} PalierDealTotal;

typedef gboolean (*PalierDealTotalFunc) (const PalierDealTotal  *total,
                                         gpointer                user_data,
                                         GError                **error);

/* Calls @func for each deal with at least one line between @from and @to
 * that passes @filter, by partner id then date. */
gboolean _palier_store_foreach_deal_total (PalierStore          *store,
                                           const PalierFilter   *filter,
                                           PalierDate            from,
                                           PalierDate            to,
                                           GCancellable         *cancellable,
                                           PalierDealTotalFunc   func,
                                           gpointer              user_data,
                                           GError              **error);

/* Name of the workspace for messages: its path, or "in-memory
 * workspace". */
const char *_palier_store_get_display_name (PalierStore *store);

G_END_DECLS
