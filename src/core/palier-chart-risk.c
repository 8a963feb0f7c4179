#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "config.h"
#include "palier-risk.h"
void
palier_chart_draw_risk (cairo_t *cr, double width, double height, const PalierMonteCarloResult *result, const PalierChartStyle *style)
{
}
