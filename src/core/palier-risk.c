/* palier-risk.c: stubs until the module lands */

#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "config.h"
#include "palier-risk.h"

PalierMonteCarloResult *
palier_monte_carlo_run (const PalierBases *bases, const PalierProgram *program, const PalierMonteCarloOptions *options, GCancellable *cancellable, GError **error)
{
  return 0;
}

PalierMonteCarloResult *
palier_monte_carlo_result_ref (PalierMonteCarloResult *result)
{
  return 0;
}

void
palier_monte_carlo_result_unref (PalierMonteCarloResult *result)
{
}

void
palier_chart_draw_risk (cairo_t *cr, double width, double height, const PalierMonteCarloResult *result, const PalierChartStyle *style)
{
}

PalierGoalSeekResult *
palier_goal_seek (const PalierBases *bases, const PalierProgram *program, const PalierGoalSeekOptions *options, GCancellable *cancellable, GError **error)
{
  return 0;
}

PalierGoalSeekResult *
palier_goal_seek_result_ref (PalierGoalSeekResult *result)
{
  return 0;
}

void
palier_goal_seek_result_unref (PalierGoalSeekResult *result)
{
}

gboolean
palier_goal_parameter_get (const PalierProgram *program, const PalierGoalParameter *parameter, PalierDecimal *out_value, GError **error)
{
  return 0;
}

gboolean
palier_goal_parameter_set (PalierProgram *program, const PalierGoalParameter *parameter, PalierDecimal value, GError **error)
{
  return 0;
}
G_DEFINE_QUARK (palier-risk-error-quark, palier_risk_error)
