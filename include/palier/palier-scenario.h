/* palier-scenario.h: what-if scenarios
 *
 * A scenario pairs a program with assumptions about the sales it runs
 * on: an overall growth, growths per segment, category and region (they
 * multiply), partners left out of the run and partners added as scaled
 * copies of an existing partner's history.  It runs against a window of
 * the workspace's history.
 *
 * Growth scales every measure (revenue, margin, units) of each partner
 * and month by (1 + overall) × (1 + segment) × (1 + category) ×
 * (1 + region), where a dimension without an entry grows by 0.  Each
 * scaled month total is rounded once to 10^-6, half away from zero, so
 * that the bases stay exact sums of stored values.  Deal values scale
 * the same way; the number of deals does not change.
 *
 * Scenarios are stored in the workspace.  Each run is kept with the
 * program (its XML and version), the assumptions and the window it was
 * computed from, so that a comparison can be reproduced later.
 */

#pragma once

#include <gio/gio.h>
#include "palier-chart.h"
#include "palier-simulate.h"

G_BEGIN_DECLS

#define PALIER_SCENARIO_ERROR (palier_scenario_error_quark ())

typedef enum {
  PALIER_SCENARIO_ERROR_NOT_FOUND,      /* no such scenario, program or partner */
  PALIER_SCENARIO_ERROR_INVALID,        /* growth below -100 %, duplicate code, ... */
  PALIER_SCENARIO_ERROR_TOO_MANY,       /* more than PALIER_SCENARIO_MAX_COMPARED */
} PalierScenarioError;

GQuark palier_scenario_error_quark (void);

#define PALIER_SCENARIO_MAX_COMPARED 4

typedef enum {
  PALIER_GROWTH_SEGMENT,
  PALIER_GROWTH_CATEGORY,
  PALIER_GROWTH_REGION,
  PALIER_N_GROWTH_DIMENSIONS,
} PalierGrowthDimension;

/* Largest growth and added-partner factor, as a fraction (100000 %),
 * so that the product of the four growth multipliers stays exact in
 * 128 bits. */
#define PALIER_GROWTH_MAX (1000 * PALIER_DECIMAL_ONE)

/* "segment", "category" or "region", as in the assumptions' text. */
const char        *palier_growth_dimension_to_string (PalierGrowthDimension dimension);

/* Reads a percentage such as "8", "8%" or "-2.5" as a fraction (0.08).
 * At most 4 decimals, so that the fraction is exact; the locale is never
 * used. */
gboolean           palier_growth_parse_percent  (const char     *text,
                                                 PalierDecimal  *out_growth,
                                                 GError        **error);
/* Writes @growth as an exact percentage ("8%", "-2.5%"). */
char              *palier_growth_format_percent (PalierDecimal   growth);

/* Growth of one segment, category or region, as a fraction (0.08 for
 * +8 %, -0.1 for -10 %). */
typedef struct {
  char          *key;
  PalierDecimal  growth;
} PalierGrowth;

/* A partner added to the run: a copy of @source's history, every
 * measure multiplied by @factor (1 for the same sales), under @code. */
typedef struct {
  char          *code;
  char          *name;                  /* may be NULL */
  char          *source;
  PalierDecimal  factor;
} PalierAddedPartner;

typedef struct {
  PalierDecimal  growth;                /* overall, fraction */
  GArray        *growths[PALIER_N_GROWTH_DIMENSIONS];   /* PalierGrowth */
  GPtrArray     *removed;               /* partner codes (char *) */
  GArray        *added;                 /* PalierAddedPartner */
} PalierAssumptions;

#define PALIER_TYPE_ASSUMPTIONS (palier_assumptions_get_type ())
GType              palier_assumptions_get_type (void) G_GNUC_CONST;

/* No growth, nobody removed or added. */
PalierAssumptions *palier_assumptions_new      (void);
PalierAssumptions *palier_assumptions_copy     (const PalierAssumptions *assumptions);
void               palier_assumptions_free     (PalierAssumptions       *assumptions);
gboolean           palier_assumptions_equal    (const PalierAssumptions *a,
                                                const PalierAssumptions *b);
/* Whether the assumptions change nothing. */
gboolean           palier_assumptions_is_neutral (const PalierAssumptions *assumptions);

/* Sets the growth of @key in @dimension, replacing an earlier one. */
void               palier_assumptions_set_growth (PalierAssumptions     *assumptions,
                                                  PalierGrowthDimension  dimension,
                                                  const char            *key,
                                                  PalierDecimal          growth);
void               palier_assumptions_remove_partner (PalierAssumptions *assumptions,
                                                      const char        *code);
void               palier_assumptions_add_partner    (PalierAssumptions *assumptions,
                                                      const char        *code,
                                                      const char        *name,
                                                      const char        *source,
                                                      PalierDecimal      factor);

/* Checks that every growth is between -100 % and PALIER_GROWTH_MAX,
 * every added partner's factor above 0 and at most PALIER_GROWTH_MAX,
 * and that no partner is both added and removed. */
gboolean           palier_assumptions_validate  (const PalierAssumptions  *assumptions,
                                                 GError                  **error);

/* The multiplier of a month total of a partner of @segment, in @category
 * and @region (each may be NULL), rounded to 10^-6. */
PalierDecimal      palier_assumptions_factor     (const PalierAssumptions *assumptions,
                                                  const char              *segment,
                                                  const char              *category,
                                                  const char              *region);

/* Canonical text of the assumptions, as stored in the workspace and
 * printed by palier-cli; parse() reads it back exactly. */
char              *palier_assumptions_to_string  (const PalierAssumptions *assumptions);
PalierAssumptions *palier_assumptions_parse      (const char              *text,
                                                  GError                 **error);

typedef struct {
  /*< private >*/
  gint               ref_count;

  /*< public >*/
  char              *id;
  char              *name;
  char              *program_id;
  PalierDate         from;              /* PALIER_DATE_NONE: from the first sale */
  PalierDate         to;                /* PALIER_DATE_NONE: to the last sale */
  PalierAssumptions *assumptions;
} PalierScenario;

#define PALIER_TYPE_SCENARIO (palier_scenario_get_type ())
GType           palier_scenario_get_type (void) G_GNUC_CONST;

/* A scenario with neutral assumptions on all of the history. */
PalierScenario *palier_scenario_new      (const char           *id,
                                          const char           *name,
                                          const char           *program_id);
PalierScenario *palier_scenario_ref      (PalierScenario       *scenario);
void            palier_scenario_unref    (PalierScenario       *scenario);
PalierScenario *palier_scenario_copy     (const PalierScenario *scenario);

/* Storage in the workspace.  save() inserts or replaces by id. */
gboolean        palier_store_save_scenario   (PalierStore           *store,
                                              const PalierScenario  *scenario,
                                              GError               **error);
PalierScenario *palier_store_load_scenario   (PalierStore           *store,
                                              const char            *id,
                                              GError               **error);
/* PalierScenario *, in name order. */
GPtrArray      *palier_store_list_scenarios  (PalierStore           *store,
                                              GError               **error);
/* Deletes the scenario and its runs. */
gboolean        palier_store_delete_scenario (PalierStore           *store,
                                              const char            *id,
                                              GError               **error);

/* Reads the sales that @programs (NULL-terminated) need from @store,
 * between @scenario's dates, with its assumptions applied.  The result
 * feeds palier_bases_simulate(), palier_engine_new_for_bases(), the
 * Monte Carlo and the goal-seek like unscaled bases.  Fails with
 * PALIER_SCENARIO_ERROR_NOT_FOUND when a removed or copied partner is
 * not in the workspace. */
PalierBases    *palier_scenario_compute_bases (const PalierScenario         *scenario,
                                               PalierStore                  *store,
                                               const PalierProgram * const  *programs,
                                               GCancellable                 *cancellable,
                                               GError                      **error);

/* One kept run of a scenario. */
typedef struct {
  gint64             id;
  char              *scenario_id;
  gint64             time;              /* seconds since 1970-01-01 UTC */
  gint64             program_version;   /* program_versions id, 0 when unsaved */
  PalierProgram     *program;           /* as it was run */
  PalierAssumptions *assumptions;       /* as they were */
  PalierDate         from;              /* effective window */
  PalierDate         to;
  PalierResult      *result;
} PalierScenarioRun;

void               palier_scenario_run_free (PalierScenarioRun *run);

/* Runs @scenario on its program as last saved in @store, keeps the run
 * in the workspace (one transaction) and returns it. */
PalierScenarioRun *palier_scenario_run        (const PalierScenario  *scenario,
                                               PalierStore           *store,
                                               GCancellable          *cancellable,
                                               GError               **error);
/* Kept runs of scenario @id, oldest first, with their results. */
GPtrArray         *palier_store_list_scenario_runs (PalierStore  *store,
                                                    const char   *scenario_id,
                                                    GError      **error);
/* The latest kept run of scenario @id, or NULL without error when it
 * has none. */
PalierScenarioRun *palier_store_load_last_scenario_run (PalierStore  *store,
                                                        const char   *scenario_id,
                                                        GError      **error);

/* Side-by-side comparison of up to PALIER_SCENARIO_MAX_COMPARED results
 * (each scenario's own program on its own bases).  The first is the
 * reference for winners and losers. */
typedef struct {
  char           *label;                /* scenario name */
  PalierResult   *result;               /* ref */
  PalierDecimal   sales;
  PalierDecimal   payout;
  PalierDecimal   non_cash;
  PalierDecimal   cost;
  PalierDecimal   cost_of_sales;
  /* Partners by the highest tier (or level) reached in any period of
   * the first commission (or bonus) component: counts[0] is "none",
   * counts[i + 1] tier i.  NULL when the program has neither. */
  GArray         *tier_counts;          /* guint */
  char           *tier_component;       /* id of that component, or NULL */
  guint           n_gain;               /* against the first scenario */
  guint           n_lose;
  guint           n_same;
  GPtrArray      *rows;                 /* PalierComparisonRow *, largest gain first;
                                         * empty for the first scenario */
} PalierScenarioColumn;

typedef struct {
  /*< private >*/
  gint     ref_count;

  /*< public >*/
  guint                 n_columns;
  PalierScenarioColumn *columns;
} PalierScenarioComparison;

/* Compares @results (n of them, 1 to PALIER_SCENARIO_MAX_COMPARED),
 * labelled by @labels; @bases[i] are the bases results[i] was computed
 * on, for the tiers reached.  With @bases NULL, or one of them NULL, the
 * columns concerned have no tier counts. */
PalierScenarioComparison *palier_scenario_compare (PalierResult      * const *results,
                                                   const PalierBases * const *bases,
                                                   const char        * const *labels,
                                                   guint                      n,
                                                   GError                   **error);
PalierScenarioComparison *palier_scenario_comparison_ref   (PalierScenarioComparison *comparison);
void                      palier_scenario_comparison_unref (PalierScenarioComparison *comparison);

/* Charts of a comparison, one cell per scenario in the style of the
 * single-result charts: payouts per period stacked by component, the
 * distribution of partner payouts, or each scenario's per-partner cost
 * differences against the first. */
typedef enum {
  PALIER_SCENARIO_CHART_PERIODS,
  PALIER_SCENARIO_CHART_DISTRIBUTION,
  PALIER_SCENARIO_CHART_DIFFERENCES,
} PalierScenarioChart;

/* @style may be NULL for the default; its title prefixes each cell's. */
void     palier_scenario_chart_draw   (cairo_t                         *cr,
                                       double                           width,
                                       double                           height,
                                       const PalierScenarioComparison  *comparison,
                                       PalierScenarioChart              chart,
                                       const PalierChartStyle          *style);
/* Writes the chart to a PNG, SVG or PDF file, by @path's extension. */
gboolean palier_scenario_chart_export (const PalierScenarioComparison  *comparison,
                                       PalierScenarioChart              chart,
                                       const char                      *path,
                                       double                           width,
                                       double                           height,
                                       GError                         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierAssumptions, palier_assumptions_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierScenario, palier_scenario_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierScenarioRun, palier_scenario_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierScenarioComparison, palier_scenario_comparison_unref)

G_END_DECLS
