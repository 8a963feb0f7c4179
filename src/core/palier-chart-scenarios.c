/* palier-chart-scenarios.c: charts of a scenario comparison
 *
 * Each chart draws up to PALIER_SCENARIO_MAX_COMPARED scenarios as
 * small multiples: the area is split into one cell per scenario (side by
 * side for two, two by two for three or four), and each cell holds the
 * single-result chart of that scenario, titled with its name, so that
 * colours, axes and number forms are those of the other charts.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-scenario.h"

typedef void (*CellDrawFunc) (cairo_t                        *cr,
                              double                          width,
                              double                          height,
                              const PalierScenarioComparison *comparison,
                              guint                           column,
                              const PalierChartStyle         *style);

static void
draw_cells (cairo_t                        *cr,
            double                          width,
            double                          height,
            const PalierScenarioComparison *comparison,
            const PalierChartStyle         *style,
            CellDrawFunc                    draw_cell,
            guint                           first_column)
{
  guint n = comparison->n_columns - first_column;
  guint n_across = n <= 2 ? MAX (n, 1) : 2;
  guint n_down = (n + n_across - 1) / n_across;
  double cell_width = width / n_across;
  double cell_height = height / MAX (n_down, 1);

  for (guint i = 0; i < n; i++)
    {
      PalierChartStyle cell_style = *style;
      g_autofree char *title = NULL;
      guint column = first_column + i;

      title = style->title != NULL
              ? g_strdup_printf ("%s: %s", style->title, comparison->columns[column].label)
              : g_strdup (comparison->columns[column].label);
      cell_style.title = title;

      cairo_save (cr);
      cairo_translate (cr, (i % n_across) * cell_width, (i / n_across) * cell_height);
      cairo_rectangle (cr, 0, 0, cell_width, cell_height);
      cairo_clip (cr);
      draw_cell (cr, cell_width, cell_height, comparison, column, &cell_style);
      cairo_restore (cr);
    }
}

static void
draw_periods_cell (cairo_t                        *cr,
                   double                          width,
                   double                          height,
                   const PalierScenarioComparison *comparison,
                   guint                           column,
                   const PalierChartStyle         *style)
{
  palier_chart_draw_periods (cr, width, height, comparison->columns[column].result, style);
}

static void
draw_distribution_cell (cairo_t                        *cr,
                        double                          width,
                        double                          height,
                        const PalierScenarioComparison *comparison,
                        guint                           column,
                        const PalierChartStyle         *style)
{
  palier_chart_draw_distribution (cr, width, height, comparison->columns[column].result, style);
}

/* The differences chart of two programs, fed with the column's rows
 * against the first scenario. */
static void
draw_differences_cell (cairo_t                        *cr,
                       double                          width,
                       double                          height,
                       const PalierScenarioComparison *comparison,
                       guint                           column,
                       const PalierChartStyle         *style)
{
  const PalierScenarioColumn *first = &comparison->columns[0];
  const PalierScenarioColumn *other = &comparison->columns[column];
  PalierComparison pair = { 0 };

  pair.ref_count = 1;
  pair.baseline = first->result;
  pair.proposal = other->result;
  pair.difference = other->cost - first->cost;
  pair.n_gain = other->n_gain;
  pair.n_lose = other->n_lose;
  pair.n_same = other->n_same;
  pair.rows = other->rows;
  palier_chart_draw_differences (cr, width, height, &pair, style);
}

void
palier_scenario_chart_draw (cairo_t                        *cr,
                            double                          width,
                            double                          height,
                            const PalierScenarioComparison *comparison,
                            PalierScenarioChart             chart,
                            const PalierChartStyle         *style)
{
  PalierChartStyle default_style = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (comparison != NULL && comparison->n_columns > 0);

  if (style == NULL)
    style = &default_style;

  switch (chart)
    {
    case PALIER_SCENARIO_CHART_PERIODS:
      draw_cells (cr, width, height, comparison, style, draw_periods_cell, 0);
      break;
    case PALIER_SCENARIO_CHART_DISTRIBUTION:
      draw_cells (cr, width, height, comparison, style, draw_distribution_cell, 0);
      break;
    case PALIER_SCENARIO_CHART_DIFFERENCES:
      /* Against the first scenario, which has no cell of its own; one
       * scenario alone gets its periods instead. */
      if (comparison->n_columns == 1)
        draw_cells (cr, width, height, comparison, style, draw_periods_cell, 0);
      else
        draw_cells (cr, width, height, comparison, style, draw_differences_cell, 1);
      break;
    default:
      g_return_if_reached ();
    }
}

typedef struct {
  const PalierScenarioComparison *comparison;
  PalierScenarioChart             chart;
} ExportData;

static void
draw_export (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  const ExportData *data = user_data;

  palier_scenario_chart_draw (cr, width, height, data->comparison, data->chart, NULL);
}

gboolean
palier_scenario_chart_export (const PalierScenarioComparison  *comparison,
                              PalierScenarioChart              chart,
                              const char                      *path,
                              double                           width,
                              double                           height,
                              GError                         **error)
{
  ExportData data = { comparison, chart };
  PalierImageFormat format;

  g_return_val_if_fail (comparison != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!palier_image_format_from_path (path, &format))
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("%s: unknown image format; name the file .png, .svg or .pdf"), path);
      return FALSE;
    }
  return palier_chart_export (path, format, width, height, draw_export, &data, error);
}
