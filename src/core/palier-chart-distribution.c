/* palier-chart-distribution.c: histogram of payouts across partners
 *
 * Partners with a zero payout are counted in the note under the title
 * and left out of the bars, which would otherwise be dwarfed by them.
 * Bins have a 1-2-5 width and start at multiples of it.  A partner goes
 * in the bin [edge, next edge), except that one exactly on the last edge
 * goes in the last bin.  Binning compares exact decimals, so a payout on
 * an inner edge always lands in the upper bin.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"

/* Bins for n partners: twice the cube root of n (the Rice rule), within
 * these bounds. */
#define MIN_BINS 5
#define MAX_BINS 40

typedef struct {
  guint             n_partners;
  guint             n_zero;
  PalierAxis        bins;
  guint             n_bins;
  guint            *counts;
  guint             max_count;

  PalierChartFrame  frame;
  PalierChartTicks  x_ticks;
  PalierChartTicks  y_ticks;
  PalierChartRect   plot;
} DistributionChart;

static void
distribution_chart_clear (DistributionChart *chart)
{
  g_clear_pointer (&chart->counts, g_free);
  _palier_chart_frame_clear (&chart->frame);
  _palier_chart_ticks_clear (&chart->x_ticks);
  _palier_chart_ticks_clear (&chart->y_ticks);
}

static PalierDecimal
partner_payout (const PalierResult *result,
                guint               index)
{
  const PalierPartnerResult *partner = g_ptr_array_index (result->partners, index);

  return partner->payout;
}

/* Floor of @numerator / @denominator for a positive denominator. */
static gint64
floor_divide (PalierWide numerator,
              PalierWide denominator)
{
  PalierWide quotient = numerator / denominator;

  if (numerator % denominator != 0 && numerator < 0)
    quotient--;
  return (gint64) quotient;
}

/* Chooses the bins and counts the partners with a non-zero payout. */
static void
count_bins (DistributionChart  *chart,
            const PalierResult *result)
{
  PalierDecimal low = PALIER_DECIMAL_MAX, high = PALIER_DECIMAL_MIN;
  PalierDecimal edge, width;
  guint n_bins;

  for (guint i = 0; i < result->partners->len; i++)
    {
      PalierDecimal payout = partner_payout (result, i);

      if (payout == 0)
        continue;
      low = MIN (low, payout);
      high = MAX (high, payout);
    }

  n_bins = (guint) ceil (2 * cbrt (chart->n_partners - chart->n_zero));
  n_bins = CLAMP (n_bins, MIN_BINS, MAX_BINS);
  palier_axis_compute (palier_decimal_to_double (low), palier_decimal_to_double (high),
                       n_bins + 1, TRUE, &chart->bins);

  /* Payouts are in a currency's minor unit, so bins are never narrower
   * than one millionth, the finest exact width. */
  width = MAX (1, _palier_chart_decimal_from_double (chart->bins.step));
  edge = _palier_chart_decimal_from_double (chart->bins.min);
  chart->n_bins = chart->bins.n_ticks - 1;
  chart->counts = g_new0 (guint, chart->n_bins);

  for (guint i = 0; i < result->partners->len; i++)
    {
      PalierDecimal payout = partner_payout (result, i);
      gint64 bin;

      if (payout == 0)
        continue;
      bin = floor_divide ((PalierWide) payout - edge, width);
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

static char *
build_note (const DistributionChart *chart)
{
  g_autofree char *partners = NULL;
  g_autofree char *zero = NULL;

  partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners",
                                           chart->n_partners),
                              chart->n_partners);
  if (chart->n_zero == 0)
    return g_steal_pointer (&partners);

  zero = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u with a zero payout, not shown",
                                       "%u with a zero payout, not shown",
                                       chart->n_zero),
                          chart->n_zero);
  return g_strdup_printf ("%s · %s", partners, zero);
}

static double
map_x (const DistributionChart *chart,
       double                   value)
{
  return chart->plot.x + (value - chart->bins.min) /
         (chart->bins.max - chart->bins.min) * chart->plot.width;
}

static double
map_y (const DistributionChart *chart,
       double                   count)
{
  const PalierAxis *axis = &chart->y_ticks.axis;

  return chart->plot.y + chart->plot.height -
         (count - axis->min) / (axis->max - axis->min) * chart->plot.height;
}

static void
draw_bins (cairo_t                 *cr,
           const DistributionChart *chart,
           const PalierChartTheme  *theme)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 0);
  double bottom = map_y (chart, 0);

  cairo_save (cr);
  _palier_chart_set_color (cr, &color, 1.0);

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

static void
distribution_chart_draw (cairo_t                *cr,
                         const PalierChartTheme *theme,
                         double                  width,
                         double                  height,
                         const PalierResult     *result,
                         const char             *title)
{
  const char *currency = result->program != NULL ? result->program->currency : NULL;
  DistributionChart chart = { 0 };
  g_autofree char *note = NULL;
  g_autofree char *x_title = NULL;
  PalierChartAxisSpec x_spec = { .format = _palier_chart_format_amount_tick };
  PalierChartAxisSpec y_spec = { .include_zero = TRUE, .integers = TRUE,
                                 .format = format_count_tick };

  chart.n_partners = result->partners->len;
  for (guint i = 0; i < result->partners->len; i++)
    if (partner_payout (result, i) == 0)
      chart.n_zero++;

  if (chart.n_zero == chart.n_partners)
    {
      _palier_chart_draw_message (cr, theme, width, height, title,
                                  _("Every partner has a zero payout"));
      return;
    }

  count_bins (&chart, result);
  note = build_note (&chart);
  x_title = _palier_chart_amount_title (_("Payout per partner"), currency);
  _palier_chart_frame_init (&chart.frame, theme, width, title, note, x_title,
                            _("Partners"));

  x_spec.data_min = chart.bins.min;
  x_spec.data_max = chart.bins.max;
  y_spec.data_max = chart.max_count;
  _palier_chart_layout_plot (theme, &chart.frame, width, height, 0, &x_spec, &y_spec,
                             &chart.x_ticks, &chart.y_ticks, &chart.plot);
  if (!_palier_chart_plot_is_usable (theme, &chart.plot))
    {
      _palier_chart_frame_make_compact (&chart.frame, theme);
      _palier_chart_layout_plot (theme, &chart.frame, width, height, 0, &x_spec, &y_spec,
                                 &chart.x_ticks, &chart.y_ticks, &chart.plot);
    }
  if (!_palier_chart_plot_is_usable (theme, &chart.plot))
    {
      _palier_chart_draw_message (cr, theme, width, height, title,
                                  _("Too small to draw this chart"));
      distribution_chart_clear (&chart);
      return;
    }

  _palier_chart_paint_background (cr, theme, width, height);
  _palier_chart_frame_draw (cr, theme, &chart.frame, width, height, &chart.plot);
  _palier_chart_draw_y_ticks (cr, theme, &chart.plot, &chart.y_ticks,
                              chart.y_ticks.axis.min, chart.y_ticks.axis.max);
  _palier_chart_draw_x_ticks (cr, theme, &chart.plot, &chart.x_ticks,
                              chart.bins.min, chart.bins.max, FALSE);
  draw_bins (cr, &chart, theme);
  _palier_chart_draw_axis_lines (cr, theme, &chart.plot);

  distribution_chart_clear (&chart);
}

static const PalierChartStyle default_style = { 0 };

void
palier_chart_draw_distribution (cairo_t                *cr,
                                double                  width,
                                double                  height,
                                const PalierResult     *result,
                                const PalierChartStyle *style)
{
  PalierChartTheme theme;
  const char *title;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (result != NULL);

  if (style == NULL)
    style = &default_style;
  title = style->title != NULL ? style->title : _("Distribution of payouts");

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);

  if (result->partners == NULL || result->partners->len == 0)
    _palier_chart_draw_message (cr, &theme, width, height, title, _("No data"));
  else
    distribution_chart_draw (cr, &theme, width, height, result, title);

  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
}
