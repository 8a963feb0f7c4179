/* palier-simulate.h: payouts of a program on a workspace's sales
 *
 * A simulation sums each component's base per partner and component period,
 * from a workspace's month totals or straight from a CSV file, then
 * applies the payout rules.  Every payout of one component, partner and
 * period is rounded once; every total is a sum of those rounded payouts.
 * palier-engine.h keeps both between edits of a program.
 */
#pragma once

#include <gio/gio.h>
#include "palier-program.h"
#include "palier-store.h"

G_BEGIN_DECLS

#define PALIER_SIMULATE_ERROR (palier_simulate_error_quark ())

typedef enum {
  PALIER_SIMULATE_ERROR_NO_QUOTA,       /* attainment without a quota */
  PALIER_SIMULATE_ERROR_OVERFLOW,
  PALIER_SIMULATE_ERROR_CANCELLED,
  PALIER_SIMULATE_ERROR_INVALID_RANGE,  /* from after to */
  PALIER_SIMULATE_ERROR_CURRENCY,       /* compared programs pay in different currencies */
  PALIER_SIMULATE_ERROR_FAILED,         /* a PalierEngine call out of order */
} PalierSimulateError;

GQuark palier_simulate_error_quark (void);

typedef struct {
  gint32          index;                /* program period index */
  char           *label;
  PalierDate      first;
  PalierDate      last;
  PalierDecimal   sales;                /* revenue of all lines in the range */
  gboolean        has_quota;
  PalierDecimal   quota;
  PalierDecimal   attainment;           /* sales / quota, rounded to 6 decimals */
  PalierDecimal   payout;
  PalierDecimal  *component_payouts;    /* one per component, program order */
  PalierDecimal   non_cash;             /* cost of the rewards landing here (version 2) */
} PalierPeriodResult;

/* A non-cash reward won by a partner (version 2). */
typedef struct {
  const char        *component;         /* component id, owned by the result's program */
  PalierRewardKind   kind;
  char              *period;            /* label of the component period */
  PalierDecimal      cost;              /* the component's unit cost */
} PalierRewardResult;

typedef struct {
  char           *partner;              /* code as mapped at import */
  char           *name;
  char           *segment;              /* may be NULL */
  PalierDecimal   sales;
  PalierDecimal   payout;
  PalierDecimal  *component_payouts;
  GArray         *periods;              /* PalierPeriodResult, date order */
  PalierDecimal   non_cash;             /* cost of the partner's rewards (version 2) */
  GArray         *rewards;              /* PalierRewardResult, by period, then program order */
} PalierPartnerResult;

typedef struct {
  gint32          index;
  char           *label;
  PalierDecimal   sales;
  PalierDecimal   payout;
  PalierDecimal  *component_payouts;
} PalierPeriodTotal;

typedef struct {
  /*< private >*/
  gint            ref_count;

  /*< public >*/
  PalierProgram  *program;
  PalierDate      from;                 /* effective range: the requested */
  PalierDate      to;                   /* bounds or the data's first/last day */
  int             minor_digits;
  PalierDecimal   total_sales;
  PalierDecimal   total_payout;
  PalierDecimal   cost_of_sales;        /* total_cost / sales, rounded to 6 decimals */
  guint           n_components;
  PalierDecimal  *component_totals;
  GPtrArray      *partners;             /* PalierPartnerResult *, by partner code */
  GArray         *period_totals;        /* PalierPeriodTotal, date order */

  /* Non-cash rewards (version 2); zero for a program without them. */
  gboolean        has_rewards;          /* the program has a reward component */
  PalierDecimal   total_non_cash;
  PalierDecimal   total_cost;           /* total_payout + total_non_cash */
  PalierDecimal  *component_non_cash;   /* one per component, program order */
} PalierResult;

typedef struct {
  PalierDate from;                      /* PALIER_DATE_NONE: from the first sale */
  PalierDate to;                        /* PALIER_DATE_NONE: to the last sale */
} PalierSimulateOptions;

PalierResult *palier_simulate       (PalierStore                 *store,
                                     const PalierProgram         *program,
                                     const PalierSimulateOptions *options,
                                     GCancellable                *cancellable,
                                     GError                     **error);

/* A simulation runs in two phases.  The first reads the sales: for each
 * distinct component filter, the sums of every measure per partner and
 * calendar month within the range.  The second folds those months into
 * component periods and applies the payout rules.  Keeping the first
 * phase lets a designer re-run a program whose rates, tiers, periods or
 * quotas changed without reading the sales again. */
typedef struct _PalierBases PalierBases;

/* Reads the sales that @programs (a NULL-terminated array) need. */
PalierBases  *palier_bases_compute  (PalierStore                 *store,
                                     const PalierProgram * const *programs,
                                     const PalierSimulateOptions *options,
                                     GCancellable                *cancellable,
                                     GError                     **error);
void          palier_bases_free     (PalierBases                 *bases);

/* Reads the sales of @plan straight into bases for @programs, without a
 * workspace: the same bases as importing @plan into a workspace and
 * calling palier_bases_compute(), in memory that grows with partners
 * times months times distinct filters (plus deals for a deal bonus),
 * not with rows.  @progress and @report are as for
 * palier_import_plan_run() and may be NULL. */
PalierBases  *palier_bases_compute_from_plan (PalierImportPlan            *plan,
                                              const PalierProgram * const *programs,
                                              const PalierSimulateOptions *options,
                                              PalierProgressFunc           progress,
                                              gpointer                     progress_data,
                                              GCancellable                *cancellable,
                                              PalierImportReport          *report,
                                              GError                     **error);

/* The same as palier_bases_compute_from_plan() followed by imports of a
 * partners file and a quotas file into the workspace: @partners
 * (PalierPartner *, as palier_partners_read() returns them) sets the
 * names, segments, regions and start dates that it gives, over those of
 * the sales rows, and @quotas (PalierQuota *, as palier_quotas_read()
 * returns them) gives per-partner quotas.  Either may be NULL.  Entries
 * of partners without sales are ignored. */
PalierBases  *palier_bases_compute_from_files (PalierImportPlan           *plan,
                                               GPtrArray                  *partners,
                                               GPtrArray                  *quotas,
                                               const PalierProgram * const *programs,
                                               const PalierSimulateOptions *options,
                                               PalierProgressFunc          progress,
                                               gpointer                    progress_data,
                                               GCancellable               *cancellable,
                                               PalierImportReport         *report,
                                               GError                    **error);

/* Whether @bases contains the sales every component of @program reads,
 * that is whether each of its filters was among those computed. */
gboolean      palier_bases_can_simulate (const PalierBases       *bases,
                                         const PalierProgram     *program);

/* The second phase; @program must pass palier_bases_can_simulate(). */
PalierResult *palier_bases_simulate (const PalierBases           *bases,
                                     const PalierProgram         *program,
                                     GCancellable                *cancellable,
                                     GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierBases, palier_bases_free)

PalierResult *palier_result_ref     (PalierResult *result);
void          palier_result_unref   (PalierResult *result);

/* The partner's row, or NULL. */
const PalierPartnerResult *palier_result_find_partner (const PalierResult *result,
                                                       const char         *partner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierResult, palier_result_unref)

/* Comparison of two programs on the same sales. */

typedef struct {
  char           *partner;
  char           *segment;
  PalierDecimal   baseline;
  PalierDecimal   proposal;
  PalierDecimal   difference;           /* proposal - baseline */
} PalierComparisonRow;

typedef struct {
  /*< private >*/
  gint            ref_count;

  /*< public >*/
  PalierResult   *baseline;
  PalierResult   *proposal;
  PalierDecimal   difference;           /* proposal total - baseline total */
  guint           n_gain;
  guint           n_lose;
  guint           n_same;
  GPtrArray      *rows;                 /* PalierComparisonRow *, by difference, largest gain first */
} PalierComparison;

PalierComparison *palier_compare         (PalierStore                 *store,
                                          const PalierProgram         *baseline,
                                          const PalierProgram         *proposal,
                                          const PalierSimulateOptions *options,
                                          GCancellable                *cancellable,
                                          GError                     **error);
/* The same on bases read already, which must pass
 * palier_bases_can_simulate() for both programs. */
PalierComparison *palier_bases_compare    (const PalierBases           *bases,
                                           const PalierProgram         *baseline,
                                           const PalierProgram         *proposal,
                                           GCancellable                *cancellable,
                                           GError                     **error);
PalierComparison *palier_comparison_ref   (PalierComparison *comparison);
void              palier_comparison_unref (PalierComparison *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierComparison, palier_comparison_unref)

/* Output for people (table, aligned, locale numbers) or for files (csv and
 * json, exact decimals, never the locale). */
typedef enum {
  PALIER_OUTPUT_TABLE,
  PALIER_OUTPUT_CSV,
  PALIER_OUTPUT_JSON,
} PalierOutputFormat;

gboolean palier_output_format_from_string (const char         *text,
                                           PalierOutputFormat *out);

void     palier_result_write      (const PalierResult     *result,
                                   PalierOutputFormat      format,
                                   GString                *out);
void     palier_comparison_write  (const PalierComparison *comparison,
                                   PalierOutputFormat      format,
                                   GString                *out);

G_END_DECLS
