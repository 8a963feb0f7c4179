/* palier-chart-deals.c: deal sizes of a deal bonus
 *
 * Reads the value of each deal as the engine groups them, counts the
 * deals that reach the bonus's minimum, and draws their histogram with
 * the minimum as a vertical line.  Bins have a 1-2-5 width and the range
 * always contains the minimum, so the line stays on the chart however
 * far it is dragged within the data.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"
#include "palier-store-private.h"

/* Bins for n deals: twice the cube root of n (the Rice rule), within
 * these bounds. */
#define MIN_BINS 5
#define MAX_BINS 40

/* Reading and counting */

typedef struct {
  GArray        *values;
  PalierMeasure  measure;
} ReadState;

static gboolean
add_deal (const PalierDealTotal  *total,
          gpointer                user_data,
          GError                **error)
{
  ReadState *state = user_data;
  PalierDecimal value;

  switch (state->measure)
    {
    case PALIER_MEASURE_MARGIN:
      value = total->margin;
      break;
    case PALIER_MEASURE_UNITS:
      value = total->units;
      break;
    case PALIER_MEASURE_REVENUE:
    default:
      value = total->revenue;
      break;
    }

  g_array_append_val (state->values, value);
  return TRUE;
}

GArray *
palier_deal_sizes_read (PalierStore            *store,
                        const PalierComponent  *component,
                        PalierDate              from,
                        PalierDate              to,
                        GCancellable           *cancellable,
                        GError                **error)
{
  ReadState state;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (component != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state.values = g_array_new (FALSE, FALSE, sizeof (PalierDecimal));
  state.measure = component->measure;

  if (!_palier_store_foreach_deal_total (store, &component->filter, from, to, cancellable,
                                         add_deal, &state, error))
    {
      g_array_unref (state.values);
      return NULL;
    }

  return state.values;
}

gboolean
palier_deal_sizes_qualify (const PalierDecimal    *values,
                           guint                   n_values,
                           const PalierComponent  *component,
                           int                     minor_digits,
                           guint                  *out_count,
                           PalierDecimal          *out_cost)
{
  PalierWide amounts = 0;
  PalierWide rated = 0;
  PalierDecimal cost;
  guint count = 0;

  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);
  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (out_count != NULL && out_cost != NULL, FALSE);

  for (guint i = 0; i < n_values; i++)
    {
      if (values[i] < component->deal_min)
        continue;

      count++;
      amounts += component->deal_amount;
      if (component->has_deal_rate)
        rated += palier_decimal_mul_wide (values[i], component->deal_rate);
    }

  /* Amounts are at scale 10^-6 and rated values at 10^-12: bring the
   * amounts to the finer scale and round the sum once. */
  if (!palier_wide_round (amounts * PALIER_DECIMAL_ONE + rated, 12, minor_digits, &cost))
    return FALSE;

  *out_count = count;
  *out_cost = cost;
  return TRUE;
}

/* The chart */

typedef struct {
  PalierAxis        bins;
  guint             n_bins;
  guint            *counts;
  guint             max_count;
  guint             n_qualifying;

  PalierChartFrame  frame;
  PalierChartTicks  x_ticks;
  PalierChartTicks  y_ticks;
  PalierChartRect   plot;
} DealChart;

static void
deal_chart_clear (DealChart *chart)
{
  g_clear_pointer (&chart->counts, g_free);
  _palier_chart_frame_clear (&chart->frame);
  _palier_chart_ticks_clear (&chart->x_ticks);
  _palier_chart_ticks_clear (&chart->y_ticks);
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

/* Chooses bins that hold every value and the minimum, and counts the
 * values in each, in exact decimals: a value on an inner edge goes in the
 * upper bin, one on the last edge in the last bin. */
static void
count_bins (DealChart                 *chart,
            const PalierDealSizesSpec *spec)
{
  PalierDecimal low = spec->component->deal_min;
  PalierDecimal high = spec->component->deal_min;
  PalierDecimal edge, width;
  guint n_bins;

  for (guint i = 0; i < spec->n_values; i++)
    {
      low = MIN (low, spec->values[i]);
      high = MAX (high, spec->values[i]);
      if (spec->values[i] >= spec->component->deal_min)
        chart->n_qualifying++;
    }

  n_bins = (guint) ceil (2 * cbrt (spec->n_values));
  n_bins = CLAMP (n_bins, MIN_BINS, MAX_BINS);
  palier_axis_compute (palier_decimal_to_double (low), palier_decimal_to_double (high),
                       n_bins + 1, TRUE, &chart->bins);

  width = MAX (1, _palier_chart_decimal_from_double (chart->bins.step));
  edge = _palier_chart_decimal_from_double (chart->bins.min);
  chart->n_bins = MAX (chart->bins.n_ticks, 2) - 1;
  chart->counts = g_new0 (guint, chart->n_bins);

  for (guint i = 0; i < spec->n_values; i++)
    {
      gint64 bin = floor_divide ((PalierWide) spec->values[i] - edge, width);

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
format_units_tick (double   value,
                   double   step,
                   gpointer user_data)
{
  return palier_format_number (_palier_chart_decimal_from_double (value),
                               _palier_chart_decimals_for_step (step));
}

static char *
format_minimum (const PalierDealSizesSpec *spec)
{
  if (spec->component->measure == PALIER_MEASURE_UNITS)
    return palier_format_number (spec->component->deal_min, 0);

  return palier_format_money (spec->component->deal_min, spec->currency);
}

static char *
build_note (const DealChart           *chart,
            const PalierDealSizesSpec *spec)
{
  g_autofree char *deals = NULL;
  g_autofree char *minimum = format_minimum (spec);
  g_autofree char *qualifying = NULL;
  g_autofree char *n_deals = palier_format_number (palier_decimal_from_int (spec->n_values), 0);
  g_autofree char *n_qualifying = palier_format_number (palier_decimal_from_int (chart->n_qualifying), 0);

  /* Translators: "3,616 deals", with the count grouped as the locale
   * does. */
  deals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal", "%s deals", spec->n_values),
                           n_deals);
  /* Translators: "12 of at least $5,000.00", in the deal sizes chart. */
  qualifying = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of at least %s",
                                             "%s of at least %s", chart->n_qualifying),
                                n_qualifying, minimum);

  return g_strdup_printf ("%s · %s", deals, qualifying);
}

static char *
build_x_title (const PalierDealSizesSpec *spec)
{
  switch (spec->component->measure)
    {
    case PALIER_MEASURE_UNITS:
      return g_strdup (_("Units per deal"));
    case PALIER_MEASURE_MARGIN:
      return _palier_chart_amount_title (_("Margin per deal"), spec->currency);
    case PALIER_MEASURE_REVENUE:
    default:
      return _palier_chart_amount_title (_("Revenue per deal"), spec->currency);
    }
}

/* Lays the chart out.  Returns FALSE, with @chart cleared, when there is
 * no deal or no room, and sets @out_message to what to draw instead. */
static gboolean
deal_chart_layout (DealChart                 *chart,
                   const PalierChartTheme    *theme,
                   double                     width,
                   double                     height,
                   const PalierDealSizesSpec *spec,
                   const char                *title,
                   const char               **out_message)
{
  g_autofree char *note = NULL;
  g_autofree char *x_title = NULL;
  PalierChartAxisSpec x_spec = { 0 };
  PalierChartAxisSpec y_spec = { .include_zero = TRUE, .integers = TRUE,
                                 .format = format_count_tick };

  if (spec->n_values == 0)
    {
      *out_message = _("No deals in the simulated range");
      return FALSE;
    }

  count_bins (chart, spec);
  note = build_note (chart, spec);
  x_title = build_x_title (spec);
  _palier_chart_frame_init (&chart->frame, theme, width, title, note, x_title, _("Deals"));

  x_spec.format = spec->component->measure == PALIER_MEASURE_UNITS ? format_units_tick
                                                                   : _palier_chart_format_amount_tick;
  x_spec.data_min = chart->bins.min;
  x_spec.data_max = chart->bins.max;
  y_spec.data_max = chart->max_count;
  _palier_chart_layout_plot (theme, &chart->frame, width, height, 0, &x_spec, &y_spec,
                             &chart->x_ticks, &chart->y_ticks, &chart->plot);
  if (!_palier_chart_plot_is_usable (theme, &chart->plot))
    {
      _palier_chart_frame_make_compact (&chart->frame, theme);
      _palier_chart_layout_plot (theme, &chart->frame, width, height, 0, &x_spec, &y_spec,
                                 &chart->x_ticks, &chart->y_ticks, &chart->plot);
    }
  if (!_palier_chart_plot_is_usable (theme, &chart->plot))
    {
      deal_chart_clear (chart);
      *out_message = _("Too small to draw this chart");
      return FALSE;
    }

  return TRUE;
}

static double
map_x (const DealChart *chart,
       double           value)
{
  return chart->plot.x + (value - chart->bins.min) /
         (chart->bins.max - chart->bins.min) * chart->plot.width;
}

static double
map_y (const DealChart *chart,
       double           count)
{
  const PalierAxis *axis = &chart->y_ticks.axis;

  return chart->plot.y + chart->plot.height -
         (count - axis->min) / (axis->max - axis->min) * chart->plot.height;
}

static void
path_bins (cairo_t         *cr,
           const DealChart *chart)
{
  double bottom = map_y (chart, 0);

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
}

/* Bins left of the minimum in the secondary colour, the part right of it
 * in the series colour, so a bin that the line cuts shows both. */
static void
draw_bins (cairo_t                *cr,
           const DealChart        *chart,
           const PalierChartTheme *theme,
           double                  line_x)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 0);

  cairo_save (cr);
  _palier_chart_set_color (cr, &theme->secondary, 0.45);
  path_bins (cr, chart);
  cairo_fill (cr);

  cairo_rectangle (cr, line_x, chart->plot.y, chart->plot.x + chart->plot.width - line_x,
                   chart->plot.height);
  cairo_clip (cr);
  _palier_chart_set_color (cr, &color, 1.0);
  path_bins (cr, chart);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_minimum (cairo_t                   *cr,
              const DealChart           *chart,
              const PalierChartTheme    *theme,
              const PalierDealSizesSpec *spec,
              double                     line_x)
{
  g_autofree char *minimum = format_minimum (spec);
  PangoLayout *label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, minimum);
  double label_width, label_height, label_x;

  cairo_save (cr);
  _palier_chart_set_color (cr, &theme->foreground, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, line_x, chart->plot.y);
  cairo_line_to (cr, line_x, chart->plot.y + chart->plot.height);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The label sits right of the line, or left of it near the edge. */
  _palier_chart_text_size (label, &label_width, &label_height);
  label_x = line_x + 4;
  if (label_x + label_width > chart->plot.x + chart->plot.width)
    label_x = line_x - 4 - label_width;
  _palier_chart_text_draw (cr, label, label_x, chart->plot.y, &theme->foreground);
  g_object_unref (label);
}

static const PalierChartStyle default_style = { 0 };

static const char *
chart_title (const PalierChartStyle *style)
{
  return style->title != NULL ? style->title : _("Deal sizes");
}

void
palier_chart_draw_deal_sizes (cairo_t                   *cr,
                              double                     width,
                              double                     height,
                              const PalierDealSizesSpec *spec,
                              const PalierChartStyle    *style)
{
  PalierChartTheme theme;
  DealChart chart = { 0 };
  const char *message = NULL;
  double line_x;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (spec != NULL && spec->component != NULL);
  g_return_if_fail (spec->values != NULL || spec->n_values == 0);

  if (style == NULL)
    style = &default_style;

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);

  if (!deal_chart_layout (&chart, &theme, width, height, spec, chart_title (style), &message))
    {
      _palier_chart_draw_message (cr, &theme, width, height, chart_title (style), message);
    }
  else
    {
      line_x = map_x (&chart, palier_decimal_to_double (spec->component->deal_min));
      _palier_chart_paint_background (cr, &theme, width, height);
      _palier_chart_frame_draw (cr, &theme, &chart.frame, width, height, &chart.plot);
      _palier_chart_draw_y_ticks (cr, &theme, &chart.plot, &chart.y_ticks,
                                  chart.y_ticks.axis.min, chart.y_ticks.axis.max);
      _palier_chart_draw_x_ticks (cr, &theme, &chart.plot, &chart.x_ticks,
                                  chart.bins.min, chart.bins.max, FALSE);
      draw_bins (cr, &chart, &theme, line_x);
      _palier_chart_draw_axis_lines (cr, &theme, &chart.plot);
      draw_minimum (cr, &chart, &theme, spec, line_x);
      deal_chart_clear (&chart);
    }

  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
}

void
palier_chart_deal_sizes_layout (double                     width,
                                double                     height,
                                const PalierDealSizesSpec *spec,
                                const PalierChartStyle    *style,
                                PalierDealSizesLayout     *layout)
{
  PalierChartTheme theme;
  DealChart chart = { 0 };
  const char *message = NULL;

  g_return_if_fail (spec != NULL && spec->component != NULL);
  g_return_if_fail (layout != NULL);

  if (style == NULL)
    style = &default_style;

  *layout = (PalierDealSizesLayout) { .x_min = 0, .x_max = 1, .step = 1 };
  if (width <= 0 || height <= 0)
    return;

  _palier_chart_theme_init (&theme, style);
  if (deal_chart_layout (&chart, &theme, width, height, spec, chart_title (style), &message))
    {
      layout->plot_x = chart.plot.x;
      layout->plot_y = chart.plot.y;
      layout->plot_width = chart.plot.width;
      layout->plot_height = chart.plot.height;
      layout->x_min = chart.bins.min;
      layout->x_max = chart.bins.max;
      layout->step = chart.bins.step;
      deal_chart_clear (&chart);
    }
  _palier_chart_theme_clear (&theme);
}
