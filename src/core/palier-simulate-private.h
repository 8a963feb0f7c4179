/* palier-simulate-private.h: the simulation's internal data
 *
 * Phase one (PalierBases) holds month totals per filter and deals per
 * filter and measure, read from a store or streamed from a CSV file.
 * Phase two (PalierEvaluation) lays them out per component period in
 * flat arrays, computes payouts per component and builds the result.
 * The engine keeps both between edits of a program.
 */
#pragma once

#include "palier-simulate.h"

G_BEGIN_DECLS

/* Month totals of one filter. */
typedef struct {
  PalierFilter  filter;
  GArray       *totals;         /* PalierMonthTotal, by partner id, then month */
  guint        *starts;         /* totals of partner id i: [starts[i], starts[i + 1]) */
} PalierMonthTable;

/* One deal's value for one measure. */
typedef struct {
  guint          partner_index;
  PalierDate     date;
  PalierDecimal  value;
} PalierDeal;

typedef struct {
  PalierFilter   filter;
  PalierMeasure  measure;
  GArray        *deals;         /* PalierDeal, by partner, then date */
  guint         *starts;        /* deals of partner index i: [starts[i], starts[i + 1]) */
} PalierDealTable;

/* One partner's quota from a quotas file, for the days [first, last]. */
typedef struct {
  guint          partner_index;
  PalierDate     first;
  PalierDate     last;
  PalierDecimal  quota;
} PalierPartnerQuota;

struct _PalierBases
{
  PalierDate  from;
  PalierDate  to;
  GPtrArray  *partners;         /* PalierPartner *, element i has id i + 1 */
  GArray     *active;           /* guint partner index, by partner code */
  GPtrArray  *tables;           /* PalierMonthTable *; the first covers all lines */
  GPtrArray  *deal_tables;      /* PalierDealTable *, for deal bonuses */
  GArray     *quotas;           /* PalierPartnerQuota, by partner index, then first day */
  guint      *quota_starts;     /* quotas of partner index i: [quota_starts[i], quota_starts[i + 1]) */
};

/* Filters */
void     _palier_filter_copy   (const PalierFilter *source,
                                PalierFilter       *dest);
void     _palier_filter_clear  (PalierFilter       *filter);
gboolean _palier_filter_equal  (const PalierFilter *a,
                                const PalierFilter *b);

/* Bases */
PalierBases *_palier_bases_new           (void);
int          _palier_bases_find_table    (const PalierBases  *bases,
                                          const PalierFilter *filter);
int          _palier_bases_find_deal_table (const PalierBases  *bases,
                                            const PalierFilter *filter,
                                            PalierMeasure       measure);

/* Adds @table, taking it, and indexes its totals by partner. */
void         _palier_bases_add_month_table (PalierBases      *bases,
                                            PalierMonthTable *table);
void         _palier_bases_add_deal_table  (PalierBases      *bases,
                                            PalierDealTable  *table);
void         _palier_month_table_free      (gpointer          table);
void         _palier_deal_table_free       (gpointer          table);

/* Takes the quotas of @quotas (PalierQuota *) whose partner is among
 * the bases' partners, and drops the others, whose partner has no sales
 * and so no payout.  Called once the partners are in. */
void         _palier_bases_set_quotas      (PalierBases      *bases,
                                            GPtrArray        *quotas);

/* The quotas of partner @index, by first day. */
const PalierPartnerQuota *_palier_bases_get_quotas (const PalierBases *bases,
                                                    guint              index,
                                                    guint             *out_n_quotas);

/* Lists the partners with at least one line in the range, by code, from
 * the first table.  Called once every table is in. */
void         _palier_bases_list_active     (PalierBases      *bases);

/* Reads from @store the tables that @program needs and @bases lacks. */
gboolean     _palier_bases_add_program     (PalierBases          *bases,
                                            PalierStore          *store,
                                            const PalierProgram  *program,
                                            GCancellable         *cancellable,
                                            GError              **error);

/* Drops the tables that none of @programs (NULL-terminated) reads,
 * except the first one. */
void         _palier_bases_prune           (PalierBases                 *bases,
                                            const PalierProgram * const *programs);

/* The month totals of partner @index (its id minus one). */
const PalierMonthTotal *_palier_month_table_get (const PalierMonthTable *table,
                                                 guint                   index,
                                                 guint                  *out_n_totals);

gboolean _palier_simulate_set_cancelled (GError **error);
gboolean _palier_simulate_set_overflow  (GError **error);

/* Phase two, kept between runs of edited programs.  Not thread-safe:
 * one caller at a time. */
typedef struct _PalierEvaluation PalierEvaluation;

typedef struct {
  guint n_queries;              /* tables read from the store */
  guint n_grids;                /* component bases laid out */
  guint n_components;           /* component payouts computed */
} PalierEvaluationStats;

PalierEvaluation *_palier_evaluation_new    (const PalierBases   *bases);
void              _palier_evaluation_free   (PalierEvaluation    *evaluation);

/* Brings the payouts up to date for @program, recomputing only the
 * components whose definition changed, or everything when the
 * program's period, fiscal year, quotas or currency changed.  @program
 * must pass palier_bases_can_simulate() on the evaluation's bases.  On
 * failure (cancelled, no quota, overflow) what was computed stays cached
 * for the next call. */
gboolean          _palier_evaluation_update (PalierEvaluation    *evaluation,
                                             const PalierProgram *program,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* Whether the last update succeeded, so that there are totals and a
 * result to build. */
gboolean          _palier_evaluation_has_totals (PalierEvaluation *evaluation);

/* Totals of the last successful update. */
void              _palier_evaluation_get_totals (PalierEvaluation *evaluation,
                                                 PalierDecimal    *out_sales,
                                                 PalierDecimal    *out_payout,
                                                 PalierDecimal    *out_non_cash,
                                                 PalierDecimal    *out_cost,
                                                 PalierDecimal    *out_cost_of_sales,
                                                 PalierDecimal    *component_payouts,
                                                 PalierDecimal    *component_non_cash);

/* The whole result of the last successful update. */
PalierResult     *_palier_evaluation_build_result (PalierEvaluation  *evaluation,
                                                   GCancellable      *cancellable,
                                                   GError           **error);

PalierEvaluationStats *_palier_evaluation_get_stats (PalierEvaluation *evaluation);

/* For tests: computes every commission and bonus payout with
 * palier_payout_compute(), so that the faster arithmetic can be compared
 * with it.  Not thread-safe. */
void _palier_evaluation_use_general_payouts (gboolean general);

/* One component period of one partner and component, as the last
 * successful update computed it. */
typedef struct {
  PalierPeriodKind  kind;               /* the component's period kind */
  gint32            index;              /* component period index */
  PalierDate        first;
  PalierDate        last;
  gint32            landing;            /* program period index the payout lands in */
  gint32            fiscal_year;        /* year index, where carried deficits end */
  gboolean          present;            /* the partner has a line in it, so it is paid */
  gboolean          paid;               /* a payout or a reward landed */
  PalierDecimal     base;               /* before any carried deficit; 0 for a deal bonus */
  gboolean          has_quota;
  PalierDecimal     quota;              /* the component quota */
  PalierDecimal     payout;             /* the non-cash cost for a reward */
} PalierEvaluationCell;

/* Appends to @cells (PalierEvaluationCell) every component period of
 * the range for active partner @partner (an index into the bases'
 * active list) and component @component (program order), in date
 * order.  Needs a successful update; fails only on a quota overflow. */
gboolean _palier_evaluation_get_cells (PalierEvaluation  *evaluation,
                                       guint              partner,
                                       guint              component,
                                       GArray            *cells,
                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierEvaluation, _palier_evaluation_free)

G_END_DECLS
