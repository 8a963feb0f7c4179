/* palier-health.h: program health and partner statements
 *
 * Health tells how a program spreads its cost: the share of the top
 * tenth of partners, the Gini coefficient of partner cost, the partners
 * just below a tier boundary or bonus level where a small push pays a
 * large step (the cliffs that invite gaming), and the effective rate
 * each partner earns.
 *
 * A statement explains one partner's payout for one program period,
 * component by component and line by line, so that a partner or a
 * finance reviewer can recompute it by hand.
 */

#pragma once

#include <gio/gio.h>
#include "palier-chart.h"
#include "palier-payout.h"
#include "palier-scenario.h"
#include "palier-simulate.h"

G_BEGIN_DECLS

#define PALIER_HEALTH_ERROR (palier_health_error_quark ())

typedef enum {
  PALIER_HEALTH_ERROR_NOT_FOUND,        /* no such partner or period */
  PALIER_HEALTH_ERROR_INVALID,
} PalierHealthError;

GQuark palier_health_error_quark (void);

/* A partner within the chosen distance below a boundary that pays a
 * step: a retroactive tier, a bonus level, a gate or a deal bonus's
 * minimum is not counted here (deals are many). */
typedef struct {
  char          *partner;
  const char    *component;             /* id, owned by the health's program */
  char          *period;                /* component period label */
  guint          index;                 /* tier or level reached at the boundary */
  gboolean       gate;                  /* the boundary is the component's gate */
  PalierDecimal  base;                  /* money or units */
  PalierDecimal  boundary;              /* money or units */
  PalierDecimal  gap;                   /* boundary - base */
  PalierDecimal  step;                  /* payout at the boundary - payout at base */
} PalierCliff;

typedef struct {
  char          *partner;
  char          *segment;               /* may be NULL */
  PalierDecimal  sales;
  PalierDecimal  cost;                  /* payout + non-cash */
  PalierDecimal  rate;                  /* cost / sales, 6 decimals; 0 without sales */
} PalierEffectiveRate;

typedef struct {
  /*< private >*/
  gint            ref_count;

  /*< public >*/
  PalierProgram  *program;
  guint           n_partners;
  guint           n_paid;               /* partners with a positive cost */
  PalierDecimal   top_decile_share;     /* share of cost of the top ceil(n / 10), 6 decimals */
  PalierDecimal   gini;                 /* of partner cost, 6 decimals, exact then rounded */
  PalierDecimal   near;                 /* the distance asked, as a fraction of the boundary */
  GArray         *cliffs;               /* PalierCliff, largest step first */
  guint           n_near_partners;      /* distinct partners in @cliffs */
  GArray         *rates;                /* PalierEffectiveRate, by cost, largest first */
} PalierHealth;

/* Health of @result, computed on @bases with @program (the same the
 * result came from).  @near is the distance below a boundary that
 * counts, as a fraction of it (0.05 for 5 %). */
PalierHealth *palier_health_compute (const PalierBases    *bases,
                                     const PalierProgram  *program,
                                     const PalierResult   *result,
                                     PalierDecimal         near,
                                     GCancellable         *cancellable,
                                     GError              **error);
PalierHealth *palier_health_ref     (PalierHealth         *health);
void          palier_health_unref   (PalierHealth         *health);

/* Writes @health to @out: PALIER_OUTPUT_JSON with exact decimals, any
 * other format as text for people in the current locale. */
void          palier_health_write   (const PalierHealth   *health,
                                     PalierOutputFormat    format,
                                     GString              *out);

/* Lorenz curve of partner cost with its Gini coefficient, and the
 * count of partners near a cliff. */
void palier_chart_draw_health (cairo_t                *cr,
                               double                  width,
                               double                  height,
                               const PalierHealth     *health,
                               const PalierChartStyle *style);

/* One component's part of a statement. */
typedef struct {
  const PalierComponent *component;     /* owned by the statement's program */
  char                  *period;        /* component period label */
  PalierDate             first;
  PalierDate             last;
  PalierDecimal          carried_in;    /* carry-forward deficit added, <= 0 */
  PalierPayoutInput      input;         /* base, quota, segment */
  PalierDecimal          attainment;    /* base / quota, 6 decimals, when a quota applies */
  GArray                *steps;         /* PalierPayoutStep */
  GArray                *deals;         /* deal bonus: PalierStatementDeal */
  gboolean               qualified;     /* reward: the partner qualifies */
  guint                  rank;          /* reward with top: rank by base, from 1 */
  PalierDecimal          payout;
  PalierDecimal          non_cash;
} PalierStatementLine;

typedef struct {
  PalierDate     date;
  char          *deal;                  /* deal id, NULL for a single line */
  PalierDecimal  value;
  PalierDecimal  payout;                /* 0 below the minimum */
} PalierStatementDeal;

typedef struct {
  /*< private >*/
  gint            ref_count;

  /*< public >*/
  PalierProgram  *program;
  char           *partner;
  char           *name;
  char           *segment;              /* may be NULL */
  char           *period;               /* program period label */
  PalierDate      first;
  PalierDate      last;
  PalierDecimal   sales;
  GPtrArray      *lines;                /* PalierStatementLine *, program order */
  PalierDecimal   payout;
  PalierDecimal   non_cash;
  PalierScenario *scenario;             /* the sales' scenario, or NULL for plain history */
} PalierStatement;

/* The statement of @partner for the program period labelled @period,
 * as palier_bases_simulate() would pay it. */
PalierStatement *palier_statement_compute  (const PalierBases    *bases,
                                            const PalierProgram  *program,
                                            const char           *partner,
                                            const char           *period,
                                            GCancellable         *cancellable,
                                            GError              **error);
PalierStatement *palier_statement_ref      (PalierStatement      *statement);
/* Records that @statement's bases were grown by @scenario (may be NULL),
 * so the text, JSON and PDF headers name it and its assumptions. */
void             palier_statement_set_scenario (PalierStatement      *statement,
                                                const PalierScenario *scenario);
void             palier_statement_unref    (PalierStatement      *statement);

/* Writes @statement to @out: PALIER_OUTPUT_JSON with exact decimals
 * and ISO dates, any other format as text for people in the current
 * locale's language and number forms. */
void             palier_statement_write     (const PalierStatement *statement,
                                             PalierOutputFormat     format,
                                             GString               *out);

/* A one-page A4 PDF of @statement in the current locale's language and
 * number forms, written atomically. */
gboolean         palier_statement_write_pdf (const PalierStatement *statement,
                                             const char            *path,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierHealth, palier_health_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierStatement, palier_statement_unref)

G_END_DECLS
