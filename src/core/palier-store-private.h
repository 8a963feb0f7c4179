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

/* Month totals of the rows of an import, by partner id, month (yyyymm,
 * as date / 100), category id and region id (0 when empty), summed in
 * memory before they are written to the month_totals table. */
typedef struct {
  gint64         partner_id;
  gint64         category_id;
  gint64         region_id;
  gint32         month;
  PalierDecimal  amount;
  PalierDecimal  margin;
  PalierDecimal  quantity;
  gint64         lines;
} PalierMonthAggregateEntry;

typedef struct _PalierMonthAggregate PalierMonthAggregate;

PalierMonthAggregate *_palier_month_aggregate_new      (void);
void                  _palier_month_aggregate_free     (PalierMonthAggregate *aggregate);
void                  _palier_month_aggregate_clear    (PalierMonthAggregate *aggregate);
guint                 _palier_month_aggregate_get_size (PalierMonthAggregate *aggregate);

/* Adds one row; returns FALSE when a sum overflows. */
gboolean              _palier_month_aggregate_add      (PalierMonthAggregate *aggregate,
                                                        gint64                partner_id,
                                                        gint32                month,
                                                        gint64                category_id,
                                                        gint64                region_id,
                                                        PalierDecimal         amount,
                                                        PalierDecimal         margin,
                                                        PalierDecimal         quantity);

/* Sorts the entries by key and returns them.  Only
 * _palier_month_aggregate_clear() or _free() may follow. */
const PalierMonthAggregateEntry *
                      _palier_month_aggregate_sort     (PalierMonthAggregate *aggregate,
                                                        guint                *out_n_entries);

/* For tests: computes month totals from the transactions table even
 * where the month_totals table would do. */
void _palier_store_use_month_totals (PalierStore *store,
                                     gboolean     use);

/* For tests: makes imports add their month totals to the table every
 * @n_entries keys, to test the merge of partial sums. */
void _palier_store_set_flush_entries (PalierStore *store,
                                      guint        n_entries);

/* Name of the workspace for messages: its path, or "in-memory
 * workspace". */
const char *_palier_store_get_display_name (PalierStore *store);

G_END_DECLS
