/* palier-risk-private.h: the Monte Carlo model shared with the goal-seek
 *
 * A model holds, per partner with history and per historical program
 * period of that partner (a "cell"), the sales and every period-level
 * component's payout, so that a draw is mostly table lookups.  The
 * goal-seek keeps one model and replaces the edited component only.
 */
#pragma once

#include "palier-risk.h"

G_BEGIN_DECLS

typedef struct _PalierRiskModel PalierRiskModel;

/* Builds the model of @program on @bases, which must pass
 * palier_bases_can_simulate().  Fails with PALIER_RISK_ERROR_NO_HISTORY
 * when no partner has a complete program period in the range. */
PalierRiskModel        *_palier_risk_model_new    (const PalierBases      *bases,
                                                   const PalierProgram    *program,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
void                    _palier_risk_model_free   (PalierRiskModel        *model);

/* Brings the model up to date for @program, recomputing only the
 * components that changed, or everything when the program's period,
 * fiscal year, quotas, currency or component list changed. */
gboolean                _palier_risk_model_update (PalierRiskModel        *model,
                                                   const PalierProgram    *program,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

PalierMonteCarloResult *_palier_risk_model_run    (PalierRiskModel               *model,
                                                   const PalierMonteCarloOptions *options,
                                                   GCancellable                  *cancellable,
                                                   GError                       **error);

/* Threads that _palier_risk_model_run() may use; 0 chooses from the
 * processor count.  The results do not depend on it.  For tests. */
void                    _palier_risk_set_max_threads (guint n_threads);

/* cost / sales rounded to 6 decimals, 0 when @sales is 0. */
PalierDecimal           _palier_risk_ratio        (PalierDecimal cost,
                                                   PalierDecimal sales);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierRiskModel, _palier_risk_model_free)

G_END_DECLS
