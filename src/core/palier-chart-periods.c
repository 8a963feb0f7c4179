/* palier-chart-periods.c: payouts per period, stacked by component
 *
 * One bar per period total, one segment per component in palette order,
 * positive payouts stacked up from zero and negative ones (clawbacks)
 * down from it.  Period labels turn upright when they do not fit side by
 * side, and only every n-th is shown when even upright they would touch.
 * A program with a reward adds a hatched segment of non-cash cost on top
 * of each bar, in the period where the rewards land.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"

typedef struct {
  PangoLayout *label;
  double       x;                     /* relative to the legend's left */
  guint        row;
  guint        series;
} LegendEntry;

typedef struct {
  const PalierResult *result;
  const char         *currency;
  guint               n_periods;
  guint               n_components;
  guint               n_series;       /* components, then non-cash when shown */
  double             *non_cash;       /* per period, NULL without rewards */
  double              y_data_min;
  double              y_data_max;

  PalierChartFrame    frame;
  GArray             *legend;         /* LegendEntry */
  guint               legend_rows;
  double              line_height;    /* of labels and legend */
  double              swatch_size;

  PalierChartTicks    y_ticks;
  GPtrArray          *period_labels;  /* PangoLayout * */
  double              period_label_width;
  gboolean            upright;        /* period labels read upwards */
  guint               label_every;
  GPtrArray          *total_labels;   /* PangoLayout *, or NULL when hidden */
  PalierChartRect     plot;
} PeriodsChart;

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *entry = data;

  g_clear_object (&entry->label);
}

static void
periods_chart_clear (PeriodsChart *chart)
{
  _palier_chart_frame_clear (&chart->frame);
  _palier_chart_ticks_clear (&chart->y_ticks);
  g_clear_pointer (&chart->legend, g_array_unref);
  g_clear_pointer (&chart->period_labels, g_ptr_array_unref);
  g_clear_pointer (&chart->total_labels, g_ptr_array_unref);
  g_clear_pointer (&chart->non_cash, g_free);
}

static const PalierPeriodTotal *
period_total (const PeriodsChart *chart,
              guint               index)
{
  return &g_array_index (chart->result->period_totals, PalierPeriodTotal, index);
}

static double
component_payout (const PeriodsChart *chart,
                  guint               period,
                  guint               component)
{
  const PalierPeriodTotal *total = period_total (chart, period);

  if (total->component_payouts == NULL)
    return 0;
  return palier_decimal_to_double (total->component_payouts[component]);
}

/* The amount of series @series in period @period: a component's payout,
 * or the non-cash cost after the last component. */
static double
series_value (const PeriodsChart *chart,
              guint               period,
              guint               series)
{
  if (series == chart->n_components)
    return chart->non_cash[period];

  return component_payout (chart, period, series);
}

/* Sums the partners' non-cash costs per period of the chart. */
static void
compute_non_cash (PeriodsChart *chart)
{
  const PalierResult *result = chart->result;

  chart->n_series = chart->n_components;
  if (!result->has_rewards)
    return;

  chart->non_cash = g_new0 (double, chart->n_periods);
  chart->n_series = chart->n_components + 1;
  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *partner = g_ptr_array_index (result->partners, i);

      for (guint j = 0; partner->periods != NULL && j < partner->periods->len; j++)
        {
          const PalierPeriodResult *period = &g_array_index (partner->periods, PalierPeriodResult, j);

          for (guint p = 0; p < chart->n_periods && period->non_cash != 0; p++)
            if (period_total (chart, p)->index == period->index)
              chart->non_cash[p] += palier_decimal_to_double (period->non_cash);
        }
    }
}

static gboolean
is_reward (const PalierResult *result,
           guint               index)
{
  const PalierProgram *program = result->program;
  const PalierComponent *component;

  if (program == NULL || program->components == NULL || index >= program->components->len)
    return FALSE;

  component = g_ptr_array_index (program->components, index);
  return component->kind == PALIER_COMPONENT_REWARD;
}

static char *
component_name (const PalierResult *result,
                guint               index)
{
  const PalierProgram *program = result->program;

  if (program != NULL && program->components != NULL && index < program->components->len)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, index);

      if (component->name != NULL)
        return g_strdup (component->name);
      if (component->id != NULL)
        return g_strdup (component->id);
    }

  /* TRANSLATORS: legend entry of a component that has no name. */
  return g_strdup_printf (_("Component %u"), index + 1);
}

/* Sums of the positive and of the negative segments of each bar. */
static void
compute_range (PeriodsChart *chart)
{
  chart->y_data_min = 0;
  chart->y_data_max = 0;

  for (guint p = 0; p < chart->n_periods; p++)
    {
      double up = 0, down = 0;

      for (guint c = 0; c < chart->n_series; c++)
        {
          double value = series_value (chart, p, c);

          if (value > 0)
            up += value;
          else
            down += value;
        }
      chart->y_data_min = MIN (chart->y_data_min, down);
      chart->y_data_max = MAX (chart->y_data_max, up);
    }
}

/* Legend */

/* Flows the legend entries left to right, wrapping at @max_width. */
static void
legend_layout (PeriodsChart           *chart,
               const PalierChartTheme *theme,
               double                  max_width)
{
  double x = 0;
  guint row = 0;

  chart->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_array_set_clear_func (chart->legend, legend_entry_clear);

  for (guint c = 0; c < chart->n_series; c++)
    {
      g_autofree char *name = NULL;
      LegendEntry entry = { 0 };
      double entry_width, text_width;

      /* A reward pays no cash: its cost is the non-cash series. */
      if (c < chart->n_components && is_reward (chart->result, c))
        continue;

      /* TRANSLATORS: legend entry of the hatched non-cash segments. */
      name = c == chart->n_components ? g_strdup (_("Non-cash rewards"))
                                      : component_name (chart->result, c);
      entry.series = c;

      entry.label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, name);
      _palier_chart_text_ellipsize (entry.label,
                                    MAX (1, max_width - chart->swatch_size - theme->spacing / 2));
      _palier_chart_text_size (entry.label, &text_width, NULL);
      entry_width = chart->swatch_size + theme->spacing / 2 + text_width;

      if (x > 0 && x + entry_width > max_width)
        {
          x = 0;
          row++;
        }
      entry.x = x;
      entry.row = row;
      x += entry_width + 1.5 * theme->spacing;
      g_array_append_val (chart->legend, entry);
    }

  chart->legend_rows = row + 1;
}

static double
legend_height (const PeriodsChart     *chart,
               const PalierChartTheme *theme)
{
  return chart->legend_rows * chart->line_height + theme->spacing / 2;
}

/* Fills the current path with a light tint of @color crossed by
 * diagonal lines, so that non-cash cost stands apart from cash. */
static void
fill_hatched (cairo_t                *cr,
              const PalierChartColor *color)
{
  double x1, y1, x2, y2;

  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  _palier_chart_set_color (cr, color, 0.3);
  cairo_fill (cr);

  _palier_chart_set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.5);
  for (double d = -(y2 - y1); d < x2 - x1; d += 5)
    {
      cairo_move_to (cr, x1 + d, y2);
      cairo_line_to (cr, x1 + d + (y2 - y1), y1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
draw_legend (cairo_t                *cr,
             const PeriodsChart     *chart,
             const PalierChartTheme *theme)
{
  double top = theme->spacing + chart->frame.title_height;

  for (guint c = 0; c < chart->legend->len; c++)
    {
      const LegendEntry *entry = &g_array_index (chart->legend, LegendEntry, c);
      PalierChartColor color = _palier_chart_palette_color (theme, entry->series);
      double x = theme->spacing + entry->x;
      double y = top + entry->row * chart->line_height;

      cairo_rectangle (cr, x, y + (chart->line_height - chart->swatch_size) / 2,
                       chart->swatch_size, chart->swatch_size);
      if (entry->series == chart->n_components)
        {
          fill_hatched (cr, &color);
        }
      else
        {
          _palier_chart_set_color (cr, &color, 1.0);
          cairo_fill (cr);
        }
      _palier_chart_text_draw (cr, entry->label,
                               x + chart->swatch_size + theme->spacing / 2, y,
                               &theme->foreground);
    }
}

/* Period and total labels */

static void
measure_period_labels (PeriodsChart           *chart,
                       const PalierChartTheme *theme)
{
  g_clear_pointer (&chart->period_labels, g_ptr_array_unref);
  chart->period_labels = g_ptr_array_new_with_free_func (g_object_unref);
  chart->period_label_width = 0;

  for (guint p = 0; p < chart->n_periods; p++)
    {
      const PalierPeriodTotal *total = period_total (chart, p);
      g_autofree char *fallback = g_strdup_printf ("%d", total->index);
      PangoLayout *label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL,
                                                   total->label != NULL ? total->label : fallback);
      double label_width;

      _palier_chart_text_size (label, &label_width, NULL);
      chart->period_label_width = MAX (chart->period_label_width, label_width);
      g_ptr_array_add (chart->period_labels, label);
    }
}

static double
bar_total (const PeriodsChart *chart,
           guint               period)
{
  double total = 0;

  for (guint c = 0; c < chart->n_series; c++)
    total += series_value (chart, period, c);
  return total;
}

/* Totals above the bars, only when every one fits in its slot. */
static void
measure_total_labels (PeriodsChart           *chart,
                      const PalierChartTheme *theme,
                      double                  slot)
{
  int decimals = _palier_chart_decimals_for_step (chart->y_ticks.axis.step);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&chart->total_labels, g_ptr_array_unref);

  for (guint p = 0; p < chart->n_periods; p++)
    {
      PalierDecimal total = _palier_chart_decimal_from_double (bar_total (chart, p));
      g_autofree char *text = palier_format_number (total, decimals);
      PangoLayout *label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, text);
      double label_width;

      _palier_chart_text_size (label, &label_width, NULL);
      g_ptr_array_add (labels, label);
      if (label_width + theme->spacing / 2 > slot)
        return;
    }

  chart->total_labels = g_steal_pointer (&labels);
}

/* Layout */

/* Plot area for a band of @label_band under it: y ticks for the height
 * left, then the width left by the y labels.  Side-by-side labels leave
 * room for the totals above the bars too. */
static void
layout_plot (PeriodsChart           *chart,
             const PalierChartTheme *theme,
             double                  width,
             double                  height,
             double                  label_band)
{
  double spacing = theme->spacing;
  double top = spacing + chart->frame.title_height + legend_height (chart, theme) +
               (chart->upright ? chart->line_height / 2 : chart->line_height);
  double bottom = _palier_chart_x_label_gap (theme) + label_band + spacing / 2 +
                  chart->frame.x_title_height + spacing;
  double left;

  chart->plot.y = top;
  chart->plot.height = MAX (1, height - top - bottom);
  _palier_chart_ticks_fit_vertical (&chart->y_ticks, theme,
                                    chart->y_data_min, chart->y_data_max, TRUE, FALSE,
                                    chart->plot.height,
                                    _palier_chart_format_amount_tick, NULL);

  left = spacing + chart->frame.y_title_width + spacing / 2 +
         chart->y_ticks.label_width + spacing / 2;
  chart->plot.x = left;
  chart->plot.width = MAX (1, width - left - spacing);
}

/* Period labels go side by side when each fits in its bar's slot, else
 * upright when they fit in a quarter of the height, else side by side
 * with only every n-th label shown. */
static void
periods_chart_layout (PeriodsChart           *chart,
                      const PalierChartTheme *theme,
                      double                  width,
                      double                  height)
{
  double band;
  double slot;

  measure_period_labels (chart, theme);
  band = chart->period_label_width;

  chart->upright = FALSE;
  chart->label_every = 1;
  layout_plot (chart, theme, width, height, chart->line_height);
  slot = chart->plot.width / chart->n_periods;
  if (chart->period_label_width + theme->spacing / 2 <= slot)
    {
      measure_total_labels (chart, theme, slot);
      return;
    }

  if (band <= height / 4)
    {
      chart->upright = TRUE;
      layout_plot (chart, theme, width, height, band);
      slot = chart->plot.width / chart->n_periods;
      chart->label_every = (guint) ceil ((chart->line_height + theme->spacing / 3) / slot);
    }
  else
    {
      chart->label_every = (guint) ceil ((chart->period_label_width + theme->spacing / 2) / slot);
    }
  chart->label_every = MAX (chart->label_every, 1);
}

/* Drawing */

static double
map_y (const PeriodsChart *chart,
       double              value)
{
  const PalierAxis *axis = &chart->y_ticks.axis;

  return chart->plot.y + chart->plot.height -
         (value - axis->min) / (axis->max - axis->min) * chart->plot.height;
}

static void
draw_bars (cairo_t                *cr,
           const PeriodsChart     *chart,
           const PalierChartTheme *theme)
{
  double slot = chart->plot.width / chart->n_periods;
  double bar_width = MIN (slot * 0.7, 8 * theme->spacing);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  for (guint p = 0; p < chart->n_periods; p++)
    {
      double x = chart->plot.x + slot * (p + 0.5) - bar_width / 2;
      double up = 0, down = 0;

      for (guint c = 0; c < chart->n_series; c++)
        {
          double value = series_value (chart, p, c);
          PalierChartColor color = _palier_chart_palette_color (theme, c);
          double from, to;

          if (value == 0)
            continue;
          from = value > 0 ? up : down;
          to = from + value;
          if (value > 0)
            up = to;
          else
            down = to;

          cairo_rectangle (cr, x, map_y (chart, MAX (from, to)),
                           bar_width, fabs (map_y (chart, to) - map_y (chart, from)));
          if (c == chart->n_components)
            {
              fill_hatched (cr, &color);
              continue;
            }
          _palier_chart_set_color (cr, &color, 1.0);
          if (bar_width > 4)
            {
              /* A thin outline in the background colour parts the
               * segments. */
              cairo_fill_preserve (cr);
              _palier_chart_set_color (cr, &theme->background, 1.0);
              cairo_stroke (cr);
            }
          else
            {
              cairo_fill (cr);
            }
        }

      if (chart->total_labels != NULL)
        {
          PangoLayout *label = g_ptr_array_index (chart->total_labels, p);
          double label_width, label_height;

          _palier_chart_text_size (label, &label_width, &label_height);
          _palier_chart_text_draw (cr, label, x + (bar_width - label_width) / 2,
                                   map_y (chart, up) - label_height - 1,
                                   &theme->secondary);
        }
    }

  cairo_restore (cr);
}

static void
draw_period_labels (cairo_t                *cr,
                    const PeriodsChart     *chart,
                    const PalierChartTheme *theme)
{
  double slot = chart->plot.width / chart->n_periods;
  double top = chart->plot.y + chart->plot.height + _palier_chart_x_label_gap (theme);

  for (guint p = 0; p < chart->n_periods; p += chart->label_every)
    {
      PangoLayout *label = g_ptr_array_index (chart->period_labels, p);
      double center = chart->plot.x + slot * (p + 0.5);
      double label_width, label_height;

      _palier_chart_text_size (label, &label_width, &label_height);
      if (chart->upright)
        _palier_chart_text_draw_up (cr, label, center - label_height / 2,
                                    top + label_width, &theme->foreground);
      else
        _palier_chart_text_draw (cr, label, center - label_width / 2, top,
                                 &theme->foreground);
    }
}

static void
draw_zero_line (cairo_t                *cr,
                const PeriodsChart     *chart,
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

static char *
build_note (const PeriodsChart *chart)
{
  const PalierResult *result = chart->result;
  g_autofree char *total = NULL;
  g_autofree char *periods = NULL;

  if (chart->currency != NULL)
    total = palier_format_money (result->total_payout, chart->currency);
  else
    total = palier_format_number (result->total_payout, result->minor_digits);

  periods = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u period", "%u periods",
                                          chart->n_periods),
                             chart->n_periods);
  if (result->has_rewards)
    {
      g_autofree char *non_cash = chart->currency != NULL
        ? palier_format_money (result->total_non_cash, chart->currency)
        : palier_format_number (result->total_non_cash, result->minor_digits);

      /* TRANSLATORS: the note under the title of the payouts per period
       * chart of a program with rewards, as in "Total payout $12,345.00
       * · Non-cash $3,000.00 · 12 periods". */
      return g_strdup_printf (_("Total payout %s · Non-cash %s · %s"), total, non_cash, periods);
    }

  /* TRANSLATORS: the note under the title of the payouts per period
   * chart, as in "Total payout $12,345.00 · 12 periods". */
  return g_strdup_printf (_("Total payout %s · %s"), total, periods);
}

static void
periods_chart_draw (cairo_t                *cr,
                    const PalierChartTheme *theme,
                    double                  width,
                    double                  height,
                    const PalierResult     *result,
                    const char             *title)
{
  PeriodsChart chart = { 0 };
  g_autofree char *note = NULL;
  g_autofree char *y_title = NULL;
  g_autoptr(PangoLayout) probe = NULL;

  chart.result = result;
  chart.currency = result->program != NULL ? result->program->currency : NULL;
  chart.n_periods = result->period_totals->len;
  chart.n_components = result->n_components;

  probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, "0");
  _palier_chart_text_size (probe, NULL, &chart.line_height);
  chart.swatch_size = round (chart.line_height * 0.7);

  compute_non_cash (&chart);
  compute_range (&chart);
  note = build_note (&chart);
  y_title = _palier_chart_amount_title (_("Payout"), chart.currency);
  _palier_chart_frame_init (&chart.frame, theme, width, title, note, _("Period"), y_title);
  legend_layout (&chart, theme, MAX (1, width - 2 * theme->spacing));
  periods_chart_layout (&chart, theme, width, height);
  if (!_palier_chart_plot_is_usable (theme, &chart.plot))
    {
      _palier_chart_frame_make_compact (&chart.frame, theme);
      periods_chart_layout (&chart, theme, width, height);
    }
  if (!_palier_chart_plot_is_usable (theme, &chart.plot))
    {
      _palier_chart_draw_message (cr, theme, width, height, title,
                                  _("Too small to draw this chart"));
      periods_chart_clear (&chart);
      return;
    }

  _palier_chart_paint_background (cr, theme, width, height);
  _palier_chart_frame_draw (cr, theme, &chart.frame, width, height, &chart.plot);
  draw_legend (cr, &chart, theme);
  _palier_chart_draw_y_ticks (cr, theme, &chart.plot, &chart.y_ticks,
                              chart.y_ticks.axis.min, chart.y_ticks.axis.max);
  draw_bars (cr, &chart, theme);
  draw_zero_line (cr, &chart, theme);
  draw_period_labels (cr, &chart, theme);
  _palier_chart_draw_axis_lines (cr, theme, &chart.plot);

  periods_chart_clear (&chart);
}

static const PalierChartStyle default_style = { 0 };

void
palier_chart_draw_periods (cairo_t                *cr,
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
  title = style->title != NULL ? style->title : _("Payouts per period");

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);

  if (result->period_totals == NULL || result->period_totals->len == 0 ||
      result->n_components == 0)
    _palier_chart_draw_message (cr, &theme, width, height, title, _("No data"));
  else
    periods_chart_draw (cr, &theme, width, height, result, title);

  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
}
