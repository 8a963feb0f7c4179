/* palier-sales-chart.h: bar chart of the sales of each month */
#pragma once

#include <gtk/gtk.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_SALES_CHART (palier_sales_chart_get_type ())

G_DECLARE_FINAL_TYPE (PalierSalesChart, palier_sales_chart, PALIER, SALES_CHART, GtkDrawingArea)

/* Copies @months (consecutive months, in order) and redraws.  @currency
 * is the ISO 4217 code used in tooltips. */
void  palier_sales_chart_set_months (PalierSalesChart       *self,
                                     const PalierMonthSales *months,
                                     guint                   n_months,
                                     const char             *currency);

G_END_DECLS
