/* palier-chart-risk.c: histogram of the Monte Carlo's yearly costs
 *
 * Bars count the draws per cost bin (1-2-5 widths, as the distribution
 * chart).  Vertical lines mark the mean, P10, P50, P90 and P99, each
 * labelled at the top of the plot, and a dashed line marks the budget,
 * with the probability of exceeding it in the note under the title.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"
#include "palier-risk.h"

#define MIN_BINS 10
#define MAX_BINS 60

typedef struct {
  PalierAxis        bins;
  guint             n_bins;
  guint            *counts;
  guint             max_count;
  double            label_height;

  PalierChartFrame  frame;
  PalierChartTicks  x_ticks;
  PalierChartTicks  y_ticks;
  PalierChartRect   plot;
} RiskChart;

static void
risk_chart_clear (RiskChart *chart)
{
  g_clear_pointer (&chart->counts, g_free);
  _palier_chart_frame_clear (&chart->frame);
  _palier_chart_ticks_clear (&chart->x_ticks);
  _palier_chart_ticks_clear (&chart->y_ticks);
}

static void
count_bins (RiskChart                    *chart,
            const PalierMonteCarloResult *result)
{
  double low = palier_decimal_to_double (result->cost.min);
  double high = palier_decimal_to_double (result->cost.max);
  guint n_bins = (guint) ceil (2 * cbrt (result->n_draws));

  if (result->has_budget)
    {
      low = MIN (low, palier_decimal_to_double (result->budget));
      high = MAX (high, palier_decimal_to_double (result->budget));
    }
  if (high <= low)
    high = low + 1;

  palier_axis_compute (low, high, CLAMP (n_bins, MIN_BINS, MAX_BINS) + 1, FALSE, &chart->bins);
  chart->n_bins = MAX (chart->bins.n_ticks, 2) - 1;
  chart->counts = g_new0 (guint, chart->n_bins);

  /* Bin positions only place bars, so doubles are exact enough here. */
  for (guint d = 0; d < result->n_draws; d++)
    {
      double cost = palier_decimal_to_double (result->costs[d]);
      gint64 bin = (gint64) floor ((cost - chart->bins.min) / chart->bins.step);

      bin = CLAMP (bin, 0, (gint64) chart->n_bins - 1);
      chart->counts[bin]++;
      chart->max_count = MAX (chart->max_count, chart->counts[bin]);
    }
}

static char *
format_count_tick (double   value,
                   double   step,
                   gpointer user_data)
{
  return palier_format_number (_palier_chart_decimal_from_double (value), 0);
}

static double
map_x (const RiskChart *chart,
       double           value)
{
  return chart->plot.x + (value - chart->bins.min) /
         (chart->bins.max - chart->bins.min) * chart->plot.width;
}

static double
map_y (const RiskChart *chart,
       double           count)
{
  const PalierAxis *axis = &chart->y_ticks.axis;

  return chart->plot.y + chart->plot.height -
         (count - axis->min) / (axis->max - axis->min) * chart->plot.height;
}

static void
draw_bins (cairo_t                *cr,
           const RiskChart        *chart,
           const PalierChartTheme *theme)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 0);
  double bottom = map_y (chart, 0);

  cairo_save (cr);
  _palier_chart_set_color (cr, &color, 0.85);
  for (guint i = 0; i < chart->n_bins; i++)
    {
      double left = map_x (chart, chart->bins.min + i * chart->bins.step);
      double right = map_x (chart, chart->bins.min + (i + 1) * chart->bins.step);
      double gap = right - left > 4 ? 1 : 0;

      if (chart->counts[i] == 0)
        continue;
      cairo_rectangle (cr, left + gap / 2, map_y (chart, chart->counts[i]),
                       right - left - gap, bottom - map_y (chart, chart->counts[i]));
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Draws a vertical line at @value with its label in text row @row from
 * the plot's top, so that neighbouring labels do not overlap. */
static void
draw_marker (cairo_t                *cr,
             const RiskChart        *chart,
             const PalierChartTheme *theme,
             PalierDecimal           value,
             const char             *name,
             const char             *currency,
             guint                   row,
             gboolean                dashed)
{
  g_autofree char *amount = palier_format_money (value, currency);
  g_autofree char *text = g_strdup_printf ("%s %s", name, amount);
  g_autoptr(PangoLayout) layout = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, text);
  double x = map_x (chart, palier_decimal_to_double (value));
  double text_width, text_height;
  const double dash[] = { 4, 3 };

  cairo_save (cr);
  _palier_chart_set_color (cr, &theme->foreground, dashed ? 1.0 : 0.7);
  cairo_set_line_width (cr, dashed ? 1.5 : 1);
  if (dashed)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, chart->plot.y + row * chart->label_height);
  cairo_line_to (cr, x, chart->plot.y + chart->plot.height);
  cairo_stroke (cr);
  cairo_restore (cr);

  _palier_chart_text_size (layout, &text_width, &text_height);
  x = CLAMP (x + 3, chart->plot.x, chart->plot.x + chart->plot.width - text_width);
  _palier_chart_text_draw (cr, layout, x, chart->plot.y + row * chart->label_height,
                           &theme->foreground);
}

static void
draw_markers (cairo_t                      *cr,
              const RiskChart              *chart,
              const PalierChartTheme       *theme,
              const PalierMonteCarloResult *result)
{
  const struct { const char *name; PalierDecimal value; } markers[] = {
    { "P10", result->cost.p10 },
    { "P50", result->cost.p50 },
    { C_("statistic", "Mean"), result->cost.mean },
    { "P90", result->cost.p90 },
    { "P99", result->cost.p99 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (markers); k++)
    draw_marker (cr, chart, theme, markers[k].value, markers[k].name, result->currency, k, FALSE);

  if (result->has_budget)
    draw_marker (cr, chart, theme, result->budget, _("Budget"), result->currency,
                 G_N_ELEMENTS (markers), TRUE);
}

static char *
build_note (const PalierMonteCarloResult *result)
{
  g_autofree char *count = palier_format_number (palier_decimal_from_int (result->n_draws), 0);
  /* TRANSLATORS: %s is a count in the locale's form, "10,000". */
  g_autofree char *draws = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s simulated year",
                                                         "%s simulated years", result->n_draws),
                                            count);
  g_autofree char *budget = NULL;
  g_autofree char *share = NULL;

  if (!result->has_budget)
    return g_strdup_printf (_("%s, seed %llu"), draws, (unsigned long long) result->seed);

  budget = palier_format_money (result->budget, result->currency);
  share = palier_format_percent (_palier_chart_decimal_from_double (result->probability_over_budget), 1);
  /* TRANSLATORS: "10,000 simulated years, seed 1 · 13.8% above the budget of $50,000.00" */
  return g_strdup_printf (_("%s, seed %llu · %s above the budget of %s"),
                          draws, (unsigned long long) result->seed, share, budget);
}

static void
risk_chart_draw (cairo_t                      *cr,
                 const PalierChartTheme       *theme,
                 double                        width,
                 double                        height,
                 const PalierMonteCarloResult *result,
                 const char                   *title)
{
  RiskChart chart = { 0 };
  g_autofree char *note = build_note (result);
  g_autofree char *x_title = _palier_chart_amount_title (_("Cost per year"), result->currency);
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, "P90");
  PalierChartAxisSpec x_spec = { .format = _palier_chart_format_amount_tick };
  PalierChartAxisSpec y_spec = { .include_zero = TRUE, .integers = TRUE, .format = format_count_tick };
  guint n_rows = result->has_budget ? 6 : 5;
  double probe_width;

  count_bins (&chart, result);
  _palier_chart_text_size (probe, &probe_width, &chart.label_height);
  _palier_chart_frame_init (&chart.frame, theme, width, title, note, x_title, _("Simulated years"));

  x_spec.data_min = chart.bins.min;
  x_spec.data_max = chart.bins.max;
  y_spec.data_max = chart.max_count;
  _palier_chart_layout_plot (theme, &chart.frame, width, height, 0, &x_spec, &y_spec,
                             &chart.x_ticks, &chart.y_ticks, &chart.plot);
  if (!_palier_chart_plot_is_usable (theme, &chart.plot) ||
      chart.plot.height < 2 * n_rows * chart.label_height)
    {
      _palier_chart_draw_message (cr, theme, width, height, title, _("Too small to draw this chart"));
      risk_chart_clear (&chart);
      return;
    }

  /* Leave room above the highest bar for the marker labels. */
  y_spec.data_max = chart.max_count * chart.plot.height / (chart.plot.height - n_rows * chart.label_height);
  _palier_chart_ticks_clear (&chart.x_ticks);
  _palier_chart_ticks_clear (&chart.y_ticks);
  _palier_chart_layout_plot (theme, &chart.frame, width, height, 0, &x_spec, &y_spec,
                             &chart.x_ticks, &chart.y_ticks, &chart.plot);

  _palier_chart_paint_background (cr, theme, width, height);
  _palier_chart_frame_draw (cr, theme, &chart.frame, width, height, &chart.plot);
  _palier_chart_draw_y_ticks (cr, theme, &chart.plot, &chart.y_ticks,
                              chart.y_ticks.axis.min, chart.y_ticks.axis.max);
  _palier_chart_draw_x_ticks (cr, theme, &chart.plot, &chart.x_ticks,
                              chart.bins.min, chart.bins.max, FALSE);
  draw_bins (cr, &chart, theme);
  draw_markers (cr, &chart, theme, result);
  _palier_chart_draw_axis_lines (cr, theme, &chart.plot);

  risk_chart_clear (&chart);
}

static const PalierChartStyle default_style = { 0 };

void
palier_chart_draw_risk (cairo_t                      *cr,
                        double                        width,
                        double                        height,
                        const PalierMonteCarloResult *result,
                        const PalierChartStyle       *style)
{
  PalierChartTheme theme;
  const char *title;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (result != NULL);

  if (style == NULL)
    style = &default_style;
  title = style->title != NULL ? style->title : _("Cost risk");

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);
  /* A result filled by hand may carry the statistics without the draws,
   * and the histogram needs the draws. */
  if (result->n_draws == 0 || result->costs == NULL)
    _palier_chart_draw_message (cr, &theme, width, height, title, _("No data"));
  else
    risk_chart_draw (cr, &theme, width, height, result, title);
  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
}
