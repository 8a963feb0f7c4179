/* palier-chart-scenarios.c: charts that compare scenarios on one scale
 *
 * Every chart draws up to PALIER_SCENARIO_MAX_COMPARED scenarios in one
 * plot with one y-axis, one palette colour per scenario (the same colour
 * for a scenario in all three charts) and a legend under the title:
 * payouts per period as grouped bars, the distribution of partner costs
 * as overlaid histogram outlines on shared bins, and each scenario's
 * per-partner cost differences against the first, sorted from the
 * largest gain down.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"
#include "palier-scenario.h"

#define DISTRIBUTION_BINS 20

typedef struct {
  const PalierScenarioComparison *comparison;
  guint                           first_series;   /* first column drawn */
  const char                     *currency;       /* NULL when unknown */

  PalierChartFrame                frame;
  GPtrArray                      *legend;         /* PangoLayout *, one per series */
  double                         *legend_x;
  guint                          *legend_row;
  guint                           legend_rows;
  double                          line_height;
  double                          swatch_size;

  PalierChartTicks                x_ticks;
  PalierChartTicks                y_ticks;
  PalierChartRect                 plot;
} ComparisonChart;

static void
comparison_chart_clear (ComparisonChart *chart)
{
  _palier_chart_frame_clear (&chart->frame);
  g_clear_pointer (&chart->legend, g_ptr_array_unref);
  g_clear_pointer (&chart->legend_x, g_free);
  g_clear_pointer (&chart->legend_row, g_free);
  _palier_chart_ticks_clear (&chart->x_ticks);
  _palier_chart_ticks_clear (&chart->y_ticks);
}

static const char *
comparison_currency (const PalierScenarioComparison *comparison)
{
  const PalierResult *result = comparison->columns[0].result;

  return result != NULL && result->program != NULL ? result->program->currency : NULL;
}

static double
to_double (PalierDecimal value)
{
  return palier_decimal_to_double (value);
}

/* Legend */

/* Flows the scenario names left to right, wrapping at @max_width. */
static void
legend_layout (ComparisonChart        *chart,
               const PalierChartTheme *theme,
               double                  max_width)
{
  guint n = chart->comparison->n_columns;
  double x = 0;
  guint row = 0;

  chart->legend = g_ptr_array_new_with_free_func (g_object_unref);
  chart->legend_x = g_new0 (double, n);
  chart->legend_row = g_new0 (guint, n);

  for (guint c = chart->first_series; c < n; c++)
    {
      PangoLayout *label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL,
                                                   chart->comparison->columns[c].label);
      double text_width, entry_width;

      _palier_chart_text_ellipsize (label, MAX (1, max_width - chart->swatch_size - theme->spacing / 2));
      _palier_chart_text_size (label, &text_width, NULL);
      entry_width = chart->swatch_size + theme->spacing / 2 + text_width;
      if (x > 0 && x + entry_width > max_width)
        {
          x = 0;
          row++;
        }
      chart->legend_x[c] = x;
      chart->legend_row[c] = row;
      x += entry_width + 1.5 * theme->spacing;
      g_ptr_array_add (chart->legend, label);
    }

  chart->legend_rows = row + 1;
}

static double
legend_height (const ComparisonChart  *chart,
               const PalierChartTheme *theme)
{
  return chart->legend_rows * chart->line_height + theme->spacing / 2;
}

static void
draw_legend (cairo_t                *cr,
             const ComparisonChart  *chart,
             const PalierChartTheme *theme)
{
  double top = theme->spacing + chart->frame.title_height;

  for (guint c = chart->first_series; c < chart->comparison->n_columns; c++)
    {
      PangoLayout *label = g_ptr_array_index (chart->legend, c - chart->first_series);
      PalierChartColor color = _palier_chart_palette_color (theme, c);
      double x = theme->spacing + chart->legend_x[c];
      double y = top + chart->legend_row[c] * chart->line_height;

      _palier_chart_set_color (cr, &color, 1.0);
      cairo_rectangle (cr, x, y + (chart->line_height - chart->swatch_size) / 2,
                       chart->swatch_size, chart->swatch_size);
      cairo_fill (cr);
      _palier_chart_text_draw (cr, label, x + chart->swatch_size + theme->spacing / 2, y,
                               &theme->foreground);
    }
}

/* Layout and common drawing */

/* Measures the frame and the legend, then fits the plot to the axes.
 * Returns FALSE when the chart is too small even without the note and
 * the axis titles. */
static gboolean
comparison_chart_layout (ComparisonChart           *chart,
                         const PalierChartTheme    *theme,
                         double                     width,
                         double                     height,
                         const char                *title,
                         const char                *note,
                         const char                *x_title,
                         const char                *y_title,
                         const PalierChartAxisSpec *x_spec,
                         const PalierChartAxisSpec *y_spec)
{
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, "0");

  _palier_chart_text_size (probe, NULL, &chart->line_height);
  chart->swatch_size = round (chart->line_height * 0.7);
  _palier_chart_frame_init (&chart->frame, theme, width, title, note, x_title, y_title);
  legend_layout (chart, theme, MAX (1, width - 2 * theme->spacing));

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      _palier_chart_ticks_clear (&chart->x_ticks);
      _palier_chart_ticks_clear (&chart->y_ticks);
      _palier_chart_layout_plot (theme, &chart->frame, width, height, legend_height (chart, theme),
                                 x_spec, y_spec, &chart->x_ticks, &chart->y_ticks, &chart->plot);
      if (_palier_chart_plot_is_usable (theme, &chart->plot))
        return TRUE;
      _palier_chart_frame_make_compact (&chart->frame, theme);
    }
  return FALSE;
}

static double
map_y (const ComparisonChart *chart,
       double                 value)
{
  const PalierAxis *axis = &chart->y_ticks.axis;

  return chart->plot.y + chart->plot.height -
         (value - axis->min) / (axis->max - axis->min) * chart->plot.height;
}

static double
map_x (const ComparisonChart *chart,
       double                 value,
       double                 low,
       double                 high)
{
  return chart->plot.x + (value - low) / (high - low) * chart->plot.width;
}

static void
draw_zero_line (cairo_t                *cr,
                const ComparisonChart  *chart,
                const PalierChartTheme *theme)
{
  double y = round (map_y (chart, 0)) + 0.5;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  _palier_chart_set_color (cr, &theme->axis_line, 1.0);
  cairo_move_to (cr, chart->plot.x, y);
  cairo_line_to (cr, chart->plot.x + chart->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_frame (cairo_t                *cr,
            const ComparisonChart  *chart,
            const PalierChartTheme *theme,
            double                  width,
            double                  height)
{
  _palier_chart_paint_background (cr, theme, width, height);
  _palier_chart_frame_draw (cr, theme, &chart->frame, width, height, &chart->plot);
  draw_legend (cr, chart, theme);
  _palier_chart_draw_y_ticks (cr, theme, &chart->plot, &chart->y_ticks,
                              chart->y_ticks.axis.min, chart->y_ticks.axis.max);
}

/* Payouts per period: grouped bars */

/* Period labels of all scenarios, in period order, each once.  Scenarios
 * normally share their window, but one may cover periods another lacks. */
static GArray *
collect_periods (const PalierScenarioComparison *comparison)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (const PalierPeriodTotal *));

  for (guint c = 0; c < comparison->n_columns; c++)
    {
      const PalierResult *result = comparison->columns[c].result;

      for (guint p = 0; result != NULL && result->period_totals != NULL &&
                        p < result->period_totals->len; p++)
        {
          const PalierPeriodTotal *total = &g_array_index (result->period_totals, PalierPeriodTotal, p);
          guint at = periods->len;
          gboolean seen = FALSE;

          for (guint k = 0; k < periods->len && !seen; k++)
            seen = g_strcmp0 (g_array_index (periods, const PalierPeriodTotal *, k)->label,
                              total->label) == 0;
          if (seen)
            continue;
          while (at > 0 && g_array_index (periods, const PalierPeriodTotal *, at - 1)->index > total->index)
            at--;
          g_array_insert_val (periods, at, total);
        }
    }
  return periods;
}

/* Payout of column @c in the period labelled @label, 0 when it has none. */
static double
period_payout (const PalierScenarioColumn *column,
               const char                 *label)
{
  const PalierResult *result = column->result;

  for (guint p = 0; result != NULL && result->period_totals != NULL &&
                    p < result->period_totals->len; p++)
    {
      const PalierPeriodTotal *total = &g_array_index (result->period_totals, PalierPeriodTotal, p);

      if (g_strcmp0 (total->label, label) == 0)
        return to_double (total->payout);
    }
  return 0;
}

static void
draw_period_labels (cairo_t                *cr,
                    const ComparisonChart  *chart,
                    const PalierChartTheme *theme,
                    GArray                 *periods)
{
  double slot = chart->plot.width / periods->len;
  double top = chart->plot.y + chart->plot.height + _palier_chart_x_label_gap (theme);
  double widest = 0;
  guint every;

  for (guint p = 0; p < periods->len; p++)
    {
      const PalierPeriodTotal *total = g_array_index (periods, const PalierPeriodTotal *, p);
      g_autoptr(PangoLayout) label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL,
                                                             total->label);
      double label_width;

      _palier_chart_text_size (label, &label_width, NULL);
      widest = MAX (widest, label_width);
    }

  /* Labels that would touch are thinned to every n-th period. */
  every = MAX (1, (guint) ceil ((widest + theme->spacing / 2) / slot));
  for (guint p = 0; p < periods->len; p += every)
    {
      const PalierPeriodTotal *total = g_array_index (periods, const PalierPeriodTotal *, p);
      g_autoptr(PangoLayout) label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL,
                                                             total->label);
      double label_width;

      _palier_chart_text_size (label, &label_width, NULL);
      _palier_chart_text_draw (cr, label, chart->plot.x + slot * (p + 0.5) - label_width / 2,
                               top, &theme->foreground);
    }
}

static void
draw_grouped_bars (cairo_t                *cr,
                   const ComparisonChart  *chart,
                   const PalierChartTheme *theme,
                   GArray                 *periods)
{
  guint n = chart->comparison->n_columns;
  double slot = chart->plot.width / periods->len;
  double group = MIN (slot * 0.8, 8 * theme->spacing * n);
  double bar = group / n;

  cairo_save (cr);
  for (guint p = 0; p < periods->len; p++)
    {
      const PalierPeriodTotal *total = g_array_index (periods, const PalierPeriodTotal *, p);
      double left = chart->plot.x + slot * (p + 0.5) - group / 2;

      for (guint c = 0; c < n; c++)
        {
          PalierChartColor color = _palier_chart_palette_color (theme, c);
          double value = period_payout (&chart->comparison->columns[c], total->label);
          double top = map_y (chart, MAX (value, 0));
          double bottom = map_y (chart, MIN (value, 0));
          double gap = bar > 4 ? 1 : 0;

          _palier_chart_set_color (cr, &color, 1.0);
          cairo_rectangle (cr, left + c * bar + gap / 2, top, bar - gap, bottom - top);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

static void
draw_periods (cairo_t                        *cr,
              const PalierChartTheme         *theme,
              double                          width,
              double                          height,
              const PalierScenarioComparison *comparison,
              const char                     *title)
{
  ComparisonChart chart = { comparison, 0, comparison_currency (comparison) };
  g_autoptr(GArray) periods = collect_periods (comparison);
  g_autofree char *y_title = _palier_chart_amount_title (_("Payout"), chart.currency);
  PalierChartAxisSpec x_spec = { 0, 1, FALSE, FALSE, _palier_chart_format_amount_tick, NULL };
  PalierChartAxisSpec y_spec = { 0, 0, TRUE, FALSE, _palier_chart_format_amount_tick, NULL };

  if (periods->len == 0)
    {
      _palier_chart_draw_message (cr, theme, width, height, title, _("No data"));
      return;
    }

  for (guint c = 0; c < comparison->n_columns; c++)
    for (guint p = 0; p < periods->len; p++)
      {
        double value = period_payout (&comparison->columns[c],
                                      g_array_index (periods, const PalierPeriodTotal *, p)->label);

        y_spec.data_min = MIN (y_spec.data_min, value);
        y_spec.data_max = MAX (y_spec.data_max, value);
      }

  if (!comparison_chart_layout (&chart, theme, width, height, title, NULL, _("Period"), y_title,
                                &x_spec, &y_spec))
    {
      _palier_chart_draw_message (cr, theme, width, height, title, _("Too small to draw this chart"));
      comparison_chart_clear (&chart);
      return;
    }

  draw_frame (cr, &chart, theme, width, height);
  draw_grouped_bars (cr, &chart, theme, periods);
  draw_zero_line (cr, &chart, theme);
  draw_period_labels (cr, &chart, theme, periods);
  _palier_chart_draw_axis_lines (cr, theme, &chart.plot);
  comparison_chart_clear (&chart);
}

/* Distribution of partner costs: overlaid outlines on shared bins */

static char *
format_rank_tick (double   value,
                  double   step,
                  gpointer user_data)
{
  return palier_format_number (_palier_chart_decimal_from_double (value), 0);
}

static double
partner_cost (const PalierPartnerResult *partner)
{
  return to_double (partner->payout) + to_double (partner->non_cash);
}

static void
draw_distribution (cairo_t                        *cr,
                   const PalierChartTheme         *theme,
                   double                          width,
                   double                          height,
                   const PalierScenarioComparison *comparison,
                   const char                     *title)
{
  ComparisonChart chart = { comparison, 0, comparison_currency (comparison) };
  g_autofree char *x_title = _palier_chart_amount_title (_("Payout per partner"), chart.currency);
  PalierChartAxisSpec x_spec = { 0, 0, TRUE, FALSE, _palier_chart_format_amount_tick, NULL };
  PalierChartAxisSpec y_spec = { 0, 0, TRUE, TRUE, format_rank_tick, NULL };
  g_autofree guint *counts = NULL;
  PalierAxis bins;
  guint n_bins, max_count = 0, n_partners = 0;

  for (guint c = 0; c < comparison->n_columns; c++)
    {
      const PalierResult *result = comparison->columns[c].result;

      for (guint i = 0; result != NULL && i < result->partners->len; i++)
        {
          double cost = partner_cost (g_ptr_array_index (result->partners, i));

          x_spec.data_min = MIN (x_spec.data_min, cost);
          x_spec.data_max = MAX (x_spec.data_max, cost);
          n_partners++;
        }
    }
  if (n_partners == 0 || x_spec.data_max <= x_spec.data_min)
    {
      _palier_chart_draw_message (cr, theme, width, height, title,
                                  n_partners == 0 ? _("No data") : _("Every partner has a zero payout"));
      return;
    }

  /* The same bins for every scenario, so that the outlines compare. */
  palier_axis_compute (x_spec.data_min, x_spec.data_max, DISTRIBUTION_BINS + 1, TRUE, &bins);
  n_bins = MAX (bins.n_ticks, 2) - 1;
  counts = g_new0 (guint, n_bins * comparison->n_columns);
  for (guint c = 0; c < comparison->n_columns; c++)
    {
      const PalierResult *result = comparison->columns[c].result;

      for (guint i = 0; result != NULL && i < result->partners->len; i++)
        {
          double cost = partner_cost (g_ptr_array_index (result->partners, i));
          gint64 bin = (gint64) floor ((cost - bins.min) / bins.step);
          guint *count = &counts[c * n_bins + CLAMP (bin, 0, (gint64) n_bins - 1)];

          (*count)++;
          max_count = MAX (max_count, *count);
        }
    }

  x_spec.data_min = bins.min;
  x_spec.data_max = bins.max;
  y_spec.data_max = max_count;
  if (!comparison_chart_layout (&chart, theme, width, height, title, NULL, x_title, _("Partners"),
                                &x_spec, &y_spec))
    {
      _palier_chart_draw_message (cr, theme, width, height, title, _("Too small to draw this chart"));
      comparison_chart_clear (&chart);
      return;
    }

  draw_frame (cr, &chart, theme, width, height);
  _palier_chart_draw_x_ticks (cr, theme, &chart.plot, &chart.x_ticks, bins.min, bins.max, FALSE);

  /* Each scenario is a step outline over a light fill, so that all of
   * them stay visible where they overlap. */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (guint c = 0; c < comparison->n_columns; c++)
    {
      PalierChartColor color = _palier_chart_palette_color (theme, c);
      double base = map_y (&chart, 0);

      cairo_move_to (cr, map_x (&chart, bins.min, bins.min, bins.max), base);
      for (guint b = 0; b < n_bins; b++)
        {
          double y = map_y (&chart, counts[c * n_bins + b]);

          cairo_line_to (cr, map_x (&chart, bins.min + b * bins.step, bins.min, bins.max), y);
          cairo_line_to (cr, map_x (&chart, bins.min + (b + 1) * bins.step, bins.min, bins.max), y);
        }
      cairo_line_to (cr, map_x (&chart, bins.max, bins.min, bins.max), base);
      _palier_chart_set_color (cr, &color, 0.12);
      cairo_fill_preserve (cr);
      _palier_chart_set_color (cr, &color, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  _palier_chart_draw_axis_lines (cr, theme, &chart.plot);
  comparison_chart_clear (&chart);
}

/* Per-partner differences against the first scenario */

static void
draw_differences (cairo_t                        *cr,
                  const PalierChartTheme         *theme,
                  double                          width,
                  double                          height,
                  const PalierScenarioComparison *comparison,
                  const char                     *title)
{
  ComparisonChart chart = { comparison, 1, comparison_currency (comparison) };
  g_autofree char *y_title = _palier_chart_amount_title (_("Difference per partner"), chart.currency);
  /* TRANSLATORS: the note under the differences chart, "Against Baseline". */
  g_autofree char *note = g_strdup_printf (_("Against %s"), comparison->columns[0].label);
  PalierChartAxisSpec x_spec = { 1, 1, FALSE, TRUE, format_rank_tick, NULL };
  PalierChartAxisSpec y_spec = { 0, 0, TRUE, FALSE, _palier_chart_format_amount_tick, NULL };
  gboolean any_change = FALSE;

  for (guint c = 1; c < comparison->n_columns; c++)
    {
      const GPtrArray *rows = comparison->columns[c].rows;

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          const PalierComparisonRow *row = g_ptr_array_index (rows, i);
          double difference = to_double (row->difference);

          y_spec.data_min = MIN (y_spec.data_min, difference);
          y_spec.data_max = MAX (y_spec.data_max, difference);
          any_change |= row->difference != 0;
        }
      if (rows != NULL)
        x_spec.data_max = MAX (x_spec.data_max, rows->len);
    }
  if (!any_change)
    {
      _palier_chart_draw_message (cr, theme, width, height, title, _("No partner’s payout changes"));
      return;
    }

  if (!comparison_chart_layout (&chart, theme, width, height, title, note,
                                _("Partners, largest gain first"), y_title, &x_spec, &y_spec))
    {
      _palier_chart_draw_message (cr, theme, width, height, title, _("Too small to draw this chart"));
      comparison_chart_clear (&chart);
      return;
    }

  draw_frame (cr, &chart, theme, width, height);
  _palier_chart_draw_x_ticks (cr, theme, &chart.plot, &chart.x_ticks,
                              chart.x_ticks.axis.min, chart.x_ticks.axis.max, FALSE);
  draw_zero_line (cr, &chart, theme);

  /* The rows are sorted from the largest gain down, so each scenario is
   * a falling curve that crosses zero where its losers start. */
  cairo_save (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint c = 1; c < comparison->n_columns; c++)
    {
      const GPtrArray *rows = comparison->columns[c].rows;
      PalierChartColor color = _palier_chart_palette_color (theme, c);

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          const PalierComparisonRow *row = g_ptr_array_index (rows, i);
          double x = map_x (&chart, i + 1, chart.x_ticks.axis.min, chart.x_ticks.axis.max);

          cairo_line_to (cr, x, map_y (&chart, to_double (row->difference)));
        }
      _palier_chart_set_color (cr, &color, 1.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  _palier_chart_draw_axis_lines (cr, theme, &chart.plot);
  comparison_chart_clear (&chart);
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
  PalierChartTheme theme;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (comparison != NULL && comparison->n_columns > 0);

  if (style == NULL)
    style = &default_style;

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);
  switch (chart)
    {
    case PALIER_SCENARIO_CHART_PERIODS:
      draw_periods (cr, &theme, width, height, comparison,
                    style->title != NULL ? style->title : _("Payouts per period"));
      break;
    case PALIER_SCENARIO_CHART_DISTRIBUTION:
      draw_distribution (cr, &theme, width, height, comparison,
                         style->title != NULL ? style->title : _("Distribution of payouts"));
      break;
    case PALIER_SCENARIO_CHART_DIFFERENCES:
      /* Differences need a scenario to compare with the first. */
      if (comparison->n_columns == 1)
        draw_periods (cr, &theme, width, height, comparison,
                      style->title != NULL ? style->title : _("Payouts per period"));
      else
        draw_differences (cr, &theme, width, height, comparison,
                          style->title != NULL ? style->title : _("Cost differences per partner"));
      break;
    default:
      g_warn_if_reached ();
    }
  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
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
