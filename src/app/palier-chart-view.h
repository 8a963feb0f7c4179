/* palier-chart-view.h: a widget that shows one of the core's charts */
#pragma once

#include <gtk/gtk.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_CHART_VIEW (palier_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierChartView, palier_chart_view, PALIER, CHART_VIEW, GtkDrawingArea)

/* Sets the result of the "periods" and "distribution" charts.  NULL
 * clears the chart. */
void  palier_chart_view_set_result (PalierChartView *self,
                                    PalierResult    *result);

/* For the "payout-curve" chart: the curve of the component @component_id
 * of @program.  A NULL @program clears the chart. */
void  palier_chart_view_set_curve  (PalierChartView *self,
                                    PalierProgram   *program,
                                    const char      *component_id);

/* Fills @style for drawing on this widget now: dark when the libadwaita
 * style is dark, and the widget's font size. */
void  palier_chart_view_init_style (GtkWidget        *widget,
                                    PalierChartStyle *style);

G_END_DECLS
