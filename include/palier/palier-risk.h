/* palier-risk.h: cost risk (Monte Carlo) and goal-seek
 *
 * The Monte Carlo simulates one fiscal year of the program many times.
 * In each draw, every partner's program periods of the year are filled
 * with periods drawn with replacement from that partner's own history
 * in the bases (a bootstrap of its periods), with whatever growth the
 * bases were computed with; the draw's cost is the program's cost on
 * that year.  Draws come from a seeded generator that gives the same
 * numbers on every machine for the same seed, bases and program.
 *
 * Goal-seek changes one parameter of a program until a cost figure
 * (on history or at a Monte Carlo percentile) meets a target, and says
 * when no value in the parameter's range can.
 */

#pragma once

#include <gio/gio.h>
#include "palier-chart.h"
#include "palier-simulate.h"

G_BEGIN_DECLS

#define PALIER_RISK_ERROR (palier_risk_error_quark ())

typedef enum {
  PALIER_RISK_ERROR_NO_HISTORY,         /* no partner has a period to draw */
  PALIER_RISK_ERROR_INVALID,            /* bad parameter, option or target */
  PALIER_RISK_ERROR_CANCELLED,
} PalierRiskError;

GQuark palier_risk_error_quark (void);

#define PALIER_MONTE_CARLO_DEFAULT_DRAWS 10000

/* The seed of palier-cli's montecarlo, goal-seek and report unless the
 * user gives another.  The window's risk panel and report start from
 * the same value. */
#define PALIER_MONTE_CARLO_DEFAULT_SEED 1

typedef struct {
  guint          n_draws;               /* 0: PALIER_MONTE_CARLO_DEFAULT_DRAWS */
  guint64        seed;
  gboolean       has_budget;
  PalierDecimal  budget;                /* cost per year to compare with */
} PalierMonteCarloOptions;

/* Mean and percentiles of one figure over the draws.  A percentile is
 * the draw at rank ceil(p × n) in ascending order (nearest rank), so it
 * is always a cost that one draw had. */
typedef struct {
  PalierDecimal  mean;                  /* rounded half away from zero */
  PalierDecimal  p10;
  PalierDecimal  p50;
  PalierDecimal  p90;
  PalierDecimal  p99;
  PalierDecimal  min;
  PalierDecimal  max;
} PalierRiskStats;

typedef struct {
  /*< private >*/
  gint             ref_count;

  /*< public >*/
  guint            n_draws;
  guint64          seed;
  guint            n_partners;
  guint            periods_per_year;
  char            *currency;            /* the program's ISO 4217 code */
  int              minor_digits;        /* the currency's decimals */
  PalierRiskStats  cost;                /* payout + non-cash, per year */
  PalierRiskStats  payout;
  PalierRiskStats  sales;
  PalierRiskStats  cost_of_sales;       /* cost / sales of each draw, 6 decimals */
  gboolean         has_budget;
  PalierDecimal    budget;
  guint            n_over_budget;       /* draws whose cost exceeds the budget */
  double           probability_over_budget;    /* n_over_budget / n_draws */
  PalierDecimal   *costs;               /* n_draws, ascending */
  PalierDecimal   *draw_costs;          /* n_draws, in draw order */
  PalierDecimal   *draw_sales;          /* n_draws, in draw order */
} PalierMonteCarloResult;

PalierMonteCarloResult *palier_monte_carlo_run   (const PalierBases             *bases,
                                                  const PalierProgram           *program,
                                                  const PalierMonteCarloOptions *options,
                                                  GCancellable                  *cancellable,
                                                  GError                       **error);
PalierMonteCarloResult *palier_monte_carlo_result_ref   (PalierMonteCarloResult *result);
void                    palier_monte_carlo_result_unref (PalierMonteCarloResult *result);

/* Histogram of the draws' costs with the mean, P10, P50, P90 and P99
 * marked, and the budget when the result has one. */
void palier_chart_draw_risk (cairo_t                      *cr,
                             double                        width,
                             double                        height,
                             const PalierMonteCarloResult *result,
                             const PalierChartStyle       *style);

/* Goal-seek. */
typedef enum {
  PALIER_GOAL_TIER_RATE,                /* a tier's rate or per-unit value */
  PALIER_GOAL_TIER_FROM,                /* a tier's lower boundary (not the first) */
  PALIER_GOAL_LEVEL_AMOUNT,             /* a bonus level's amount */
  PALIER_GOAL_CAP,                      /* a commission's cap */
  PALIER_GOAL_DEAL_AMOUNT,              /* a deal bonus's amount */
} PalierGoalParameterKind;

typedef struct {
  PalierGoalParameterKind  kind;
  const char              *component;   /* component id */
  guint                    index;       /* tier or level index */
} PalierGoalParameter;

typedef enum {
  PALIER_GOAL_COST,                     /* payout + non-cash */
  PALIER_GOAL_COST_OF_SALES,            /* cost / sales */
} PalierGoalMetric;

typedef enum {
  PALIER_GOAL_ON_HISTORY,               /* the simulation of the bases */
  PALIER_GOAL_ON_P50,                   /* the Monte Carlo's P50 */
  PALIER_GOAL_ON_P90,                   /* the Monte Carlo's P90 */
} PalierGoalStatistic;

typedef struct {
  PalierGoalParameter      parameter;
  PalierGoalMetric         metric;
  PalierGoalStatistic      statistic;
  PalierDecimal            target;      /* money, or a fraction for cost of sales */
  PalierMonteCarloOptions  monte_carlo; /* for ON_P50 and ON_P90 */
} PalierGoalSeekOptions;

typedef struct {
  /*< private >*/
  gint            ref_count;

  /*< public >*/
  gboolean        found;                /* a value meets the target */
  PalierDecimal   original;             /* the parameter's value in the program */
  PalierDecimal   value;                /* found value, or the closest one */
  PalierDecimal   achieved;             /* the figure at @value */
  PalierDecimal   target;
  PalierDecimal   range_min;            /* the parameter's allowed range */
  PalierDecimal   range_max;
  PalierDecimal   reachable_min;        /* lowest and highest figure seen */
  PalierDecimal   reachable_max;        /* over the range */
  guint           n_evaluations;
  PalierProgram  *program;              /* the program with @value applied */
} PalierGoalSeekResult;

PalierGoalSeekResult *palier_goal_seek   (const PalierBases           *bases,
                                          const PalierProgram         *program,
                                          const PalierGoalSeekOptions *options,
                                          GCancellable                *cancellable,
                                          GError                     **error);
PalierGoalSeekResult *palier_goal_seek_result_ref   (PalierGoalSeekResult *result);
void                  palier_goal_seek_result_unref (PalierGoalSeekResult *result);

/* Reads and sets the parameter in @program; FALSE with
 * PALIER_RISK_ERROR_INVALID when it does not exist. */
gboolean palier_goal_parameter_get (const PalierProgram       *program,
                                    const PalierGoalParameter *parameter,
                                    PalierDecimal             *out_value,
                                    GError                   **error);
gboolean palier_goal_parameter_set (PalierProgram             *program,
                                    const PalierGoalParameter *parameter,
                                    PalierDecimal              value,
                                    GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierMonteCarloResult, palier_monte_carlo_result_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierGoalSeekResult, palier_goal_seek_result_unref)

G_END_DECLS
