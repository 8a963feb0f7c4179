/* palier-chart-differences.c: largest payout changes between two programs
 *
 * A horizontal bar per partner: the proposal's payout minus the
 * baseline's, gains to the right of zero and losses to the left.  The
 * chart shows the largest gains at the top and the largest losses at the
 * bottom, as many of each as fit in the height (at most MAX_BARS in all),
 * and counts the others in the note under the title.  Partners whose
 * payout does not change get no bar.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"

#define MAX_BARS 20

/* Minimum height of a bar's slot and maximum thickness of a bar, in
 * lines of label text, and the fraction of its slot a bar fills.  The
 * slots share the plot's height, so a few bars spread over it. */
#define MIN_SLOT_LINES 1.5
#define MAX_BAR_LINES 2.5
#define BAR_FILL 0.7

/* Maximum width of a partner label, as a fraction of the chart's width. */
#define MAX_LABEL_FRACTION 0.3

/* Palette indices of the bars: green for a gain, red for a loss. */
#define GAIN_COLOR 2
#define LOSS_COLOR 5

typedef struct {
  const PalierComparison *comparison;
  const char             *currency;
  int                     minor_digits;

  guint                   n_gain;
  guint                   n_lose;
  GPtrArray              *bars;     /* PalierComparisonRow *, top to bottom */
  GPtrArray              *labels;   /* PangoLayout *, one per bar */
  double                  label_width;
  double                  line_height;

  PalierChartFrame        frame;
  PalierChartTicks        x_ticks;
  PalierChartRect         plot;
  double                  low;      /* value range of the x axis */
  double                  high;
} DifferencesChart;

static void
differences_chart_clear (DifferencesChart *chart)
{
  g_clear_pointer (&chart->bars, g_ptr_array_unref);
  g_clear_pointer (&chart->labels, g_ptr_array_unref);
  _palier_chart_frame_clear (&chart->frame);
  _palier_chart_ticks_clear (&chart->x_ticks);
}

static const PalierComparisonRow *
comparison_row (const PalierComparison *comparison,
                guint                   index)
{
  return g_ptr_array_index (comparison->rows, index);
}

/* Counts the rows that gain and lose.  The rows are sorted by difference,
 * largest gain first, so gains lead and losses trail. */
static void
count_changes (DifferencesChart *chart)
{
  const GPtrArray *rows = chart->comparison->rows;

  for (guint i = 0; i < rows->len; i++)
    {
      PalierDecimal difference = comparison_row (chart->comparison, i)->difference;

      if (difference > 0)
        chart->n_gain++;
      else if (difference < 0)
        chart->n_lose++;
    }
}

/* Picks up to @max_bars rows: the largest gains and the largest losses,
 * half each when both have enough, else the rest to the other side. */
static void
choose_bars (DifferencesChart *chart,
             guint             max_bars)
{
  const PalierComparison *comparison = chart->comparison;
  guint n_rows = comparison->rows->len;
  guint shown_gain = MIN (chart->n_gain, max_bars / 2 + max_bars % 2);
  guint shown_lose = MIN (chart->n_lose, max_bars - shown_gain);

  shown_gain = MIN (chart->n_gain, max_bars - shown_lose);

  g_ptr_array_set_size (chart->bars, 0);
  for (guint i = 0; i < shown_gain; i++)
    g_ptr_array_add (chart->bars, (gpointer) comparison_row (comparison, i));
  for (guint i = n_rows - shown_lose; i < n_rows; i++)
    g_ptr_array_add (chart->bars, (gpointer) comparison_row (comparison, i));
}

static char *
build_note (const DifferencesChart *chart)
{
  guint n_same = chart->comparison->rows->len - chart->n_gain - chart->n_lose;
  g_autofree char *gain = NULL;
  g_autofree char *lose = NULL;
  g_autofree char *same = NULL;
  g_autofree char *counts = NULL;

  gain = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner gains",
                                       "%u partners gain", chart->n_gain),
                          chart->n_gain);
  lose = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u loses", "%u lose",
                                       chart->n_lose),
                          chart->n_lose);
  same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                       n_same),
                          n_same);
  /* Translators: "12 partners gain, 5 lose, 3 unchanged". */
  counts = g_strdup_printf (_("%s, %s, %s"), gain, lose, same);

  if (chart->bars->len == chart->n_gain + chart->n_lose)
    return g_steal_pointer (&counts);

  /* Translators: the counts of partners, then how many bars the chart
   * shows: "12 partners gain, 5 lose, 3 unchanged · largest 10 shown". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · largest %u shown",
                                       "%s · largest %u shown", chart->bars->len),
                          counts, chart->bars->len);
}

/* The layout of the plot that does not depend on the bars: below the
 * title, above the x labels and title. */
static void
layout_vertical (DifferencesChart       *chart,
                 const PalierChartTheme *theme,
                 double                  height)
{
  double top = theme->spacing + chart->frame.title_height + chart->line_height / 2;
  double bottom = _palier_chart_x_label_gap (theme) + chart->line_height + theme->spacing / 2 +
                  chart->frame.x_title_height + theme->spacing;

  chart->plot.y = top;
  chart->plot.height = MAX (1, height - top - bottom);
}

static void
measure_labels (DifferencesChart       *chart,
                const PalierChartTheme *theme,
                double                  width)
{
  double max_width = MAX (1, width * MAX_LABEL_FRACTION);

  g_ptr_array_set_size (chart->labels, 0);
  chart->label_width = 0;

  for (guint i = 0; i < chart->bars->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (chart->bars, i);
      PangoLayout *label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, row->partner);
      double label_width;

      _palier_chart_text_size (label, &label_width, NULL);
      if (label_width > max_width)
        {
          _palier_chart_text_ellipsize (label, max_width);
          label_width = max_width;
        }
      chart->label_width = MAX (chart->label_width, label_width);
      g_ptr_array_add (chart->labels, label);
    }
}

static void
value_range (const DifferencesChart *chart,
             double                 *low,
             double                 *high)
{
  *low = 0;
  *high = 0;

  for (guint i = 0; i < chart->bars->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (chart->bars, i);
      double value = palier_decimal_to_double (row->difference);

      *low = MIN (*low, value);
      *high = MAX (*high, value);
    }
}

/* Fits the x axis to the width left by the partner labels, and widens
 * the margins for the first and last tick labels, which are centred on
 * the plot's edges. */
static void
layout_horizontal (DifferencesChart       *chart,
                   const PalierChartTheme *theme,
                   double                  width)
{
  double data_min, data_max;
  double labels_left = theme->spacing + chart->frame.y_title_width + chart->label_width +
                       theme->spacing;
  double left = labels_left;
  double right = theme->spacing;

  value_range (chart, &data_min, &data_max);

  for (guint pass = 0; pass < 2; pass++)
    {
      double first_width, last_width;
      double needed_left, needed_right;

      chart->plot.x = left;
      chart->plot.width = MAX (1, width - left - right);
      _palier_chart_ticks_fit_horizontal (&chart->x_ticks, theme, data_min, data_max, TRUE,
                                          chart->plot.width, _palier_chart_format_amount_tick,
                                          NULL);
      chart->low = MIN (chart->x_ticks.axis.min, 0);
      chart->high = MAX (chart->x_ticks.axis.max, 0);

      _palier_chart_text_size (g_ptr_array_index (chart->x_ticks.labels, 0), &first_width, NULL);
      _palier_chart_text_size (g_ptr_array_index (chart->x_ticks.labels,
                                                  chart->x_ticks.axis.n_ticks - 1),
                               &last_width, NULL);
      needed_left = MAX (labels_left, first_width / 2 + theme->spacing);
      needed_right = MAX (theme->spacing, last_width / 2 + theme->spacing / 2);
      if (needed_left <= left && needed_right <= right)
        break;
      left = MAX (left, needed_left);
      right = MAX (right, needed_right);
    }
}

static double
map_x (const DifferencesChart *chart,
       double                  value)
{
  if (chart->high <= chart->low)
    return chart->plot.x;
  return chart->plot.x + (value - chart->low) / (chart->high - chart->low) * chart->plot.width;
}

/* Near-black on a light bar, white on a dark one, by the relative
 * luminance of sRGB (WCAG 2 weights, without the gamma step, which is
 * enough to tell the palette's greens from its reds). */
static PalierChartColor
contrasting_text_color (const PalierChartColor *bar_color)
{
  static const PalierChartColor dark_text = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };
  static const PalierChartColor light_text = { 1.0, 1.0, 1.0 };
  double luminance = 0.2126 * bar_color->red + 0.7152 * bar_color->green +
                     0.0722 * bar_color->blue;

  return luminance > 0.5 ? dark_text : light_text;
}

/* Draws the bar's amount beside its end when it fits there, else inside
 * the bar when it fits there, else not at all. */
static void
draw_bar_value (cairo_t                   *cr,
                const DifferencesChart    *chart,
                const PalierChartTheme    *theme,
                const PalierComparisonRow *row,
                const PalierChartColor    *bar_color,
                double                     zero,
                double                     end,
                double                     center)
{
  g_autofree char *text = palier_format_number (row->difference, chart->minor_digits);
  g_autoptr(PangoLayout) layout = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, text);
  double text_width, text_height;
  double gap = theme->spacing / 2;
  double bar_length = fabs (end - zero);
  gboolean gain = row->difference > 0;
  double outside_room = gain ? chart->plot.x + chart->plot.width - end : end - chart->plot.x;
  double y;

  _palier_chart_text_size (layout, &text_width, &text_height);
  y = center - text_height / 2;

  if (text_width + gap <= outside_room)
    _palier_chart_text_draw (cr, layout, gain ? end + gap : end - gap - text_width, y,
                             &theme->foreground);
  else if (text_width + 2 * gap <= bar_length)
    {
      PalierChartColor text_color = contrasting_text_color (bar_color);

      _palier_chart_text_draw (cr, layout, gain ? end - gap - text_width : end + gap, y,
                               &text_color);
    }
}

static void
draw_bars (cairo_t                *cr,
           const DifferencesChart *chart,
           const PalierChartTheme *theme)
{
  PalierChartColor gain_color = _palier_chart_palette_color (theme, GAIN_COLOR);
  PalierChartColor loss_color = _palier_chart_palette_color (theme, LOSS_COLOR);
  double slot = chart->plot.height / chart->bars->len;
  double thickness = MIN (slot * BAR_FILL, MAX_BAR_LINES * chart->line_height);
  double zero = map_x (chart, 0);

  cairo_save (cr);

  for (guint i = 0; i < chart->bars->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (chart->bars, i);
      PangoLayout *label = g_ptr_array_index (chart->labels, i);
      double end = map_x (chart, palier_decimal_to_double (row->difference));
      double center = chart->plot.y + slot * (i + 0.5);
      const PalierChartColor *bar_color = row->difference > 0 ? &gain_color : &loss_color;
      double label_width, label_height;

      _palier_chart_set_color (cr, bar_color, 1.0);
      cairo_rectangle (cr, MIN (zero, end), center - thickness / 2,
                       fabs (end - zero), thickness);
      cairo_fill (cr);

      draw_bar_value (cr, chart, theme, row, bar_color, zero, end, center);

      _palier_chart_text_size (label, &label_width, &label_height);
      _palier_chart_text_draw (cr, label, chart->plot.x - theme->spacing / 2 - label_width,
                               center - label_height / 2, &theme->foreground);
    }

  cairo_restore (cr);
}

static void
draw_zero_line (cairo_t                *cr,
                const DifferencesChart *chart,
                const PalierChartTheme *theme)
{
  double x = round (map_x (chart, 0)) + 0.5;
  double bottom = round (chart->plot.y + chart->plot.height) + 0.5;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  _palier_chart_set_color (cr, &theme->axis_line, 1.0);
  cairo_move_to (cr, x, chart->plot.y);
  cairo_line_to (cr, x, bottom);
  cairo_move_to (cr, chart->plot.x, bottom);
  cairo_line_to (cr, chart->plot.x + chart->plot.width, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Lays the chart out for @width x @height.  Returns FALSE when the plot
 * has no room for a bar. */
static gboolean
differences_chart_layout (DifferencesChart       *chart,
                          const PalierChartTheme *theme,
                          double                  width,
                          double                  height)
{
  guint max_bars;

  layout_vertical (chart, theme, height);
  max_bars = (guint) floor (chart->plot.height / (MIN_SLOT_LINES * chart->line_height));
  max_bars = MIN (max_bars, MAX_BARS);
  if (max_bars == 0)
    return FALSE;

  choose_bars (chart, max_bars);
  measure_labels (chart, theme, width);
  layout_horizontal (chart, theme, width);

  return _palier_chart_plot_is_usable (theme, &chart->plot);
}

/* Sets up the title, the note and the x axis title.  The partner labels
 * name the bars, so the y axis has no title. */
static void
differences_chart_frame_init (DifferencesChart       *chart,
                              const PalierChartTheme *theme,
                              double                  width,
                              const char             *title)
{
  g_autofree char *note = build_note (chart);
  g_autofree char *x_title = _palier_chart_amount_title (_("Proposal minus baseline per partner"),
                                                         chart->currency);

  _palier_chart_frame_init (&chart->frame, theme, width, title, note, x_title, "");
  g_clear_object (&chart->frame.y_title);
  chart->frame.y_title_width = 0;
}

static void
differences_chart_draw (cairo_t                *cr,
                        const PalierChartTheme *theme,
                        double                  width,
                        double                  height,
                        const PalierComparison *comparison,
                        const char             *title)
{
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, "0");
  DifferencesChart chart = { 0 };

  chart.comparison = comparison;
  if (comparison->baseline != NULL && comparison->baseline->program != NULL)
    {
      chart.currency = comparison->baseline->program->currency;
      chart.minor_digits = comparison->baseline->minor_digits;
    }
  else
    chart.minor_digits = 2;
  chart.bars = g_ptr_array_new ();
  chart.labels = g_ptr_array_new_with_free_func (g_object_unref);
  _palier_chart_text_size (probe, NULL, &chart.line_height);

  count_changes (&chart);
  if (chart.n_gain + chart.n_lose == 0)
    {
      _palier_chart_draw_message (cr, theme, width, height, title,
                                  _("No partner’s payout changes"));
      differences_chart_clear (&chart);
      return;
    }

  /* The note counts the bars shown, and the number of bars depends on
   * the height the note leaves.  The note is one line whatever it says,
   * so it is laid out once for the height and written again once the
   * bars are chosen. */
  choose_bars (&chart, MAX_BARS);
  differences_chart_frame_init (&chart, theme, width, title);
  if (!differences_chart_layout (&chart, theme, width, height))
    {
      _palier_chart_frame_make_compact (&chart.frame, theme);
      if (!differences_chart_layout (&chart, theme, width, height))
        {
          _palier_chart_draw_message (cr, theme, width, height, title,
                                      _("Too small to draw this chart"));
          differences_chart_clear (&chart);
          return;
        }
    }
  else
    {
      _palier_chart_frame_clear (&chart.frame);
      differences_chart_frame_init (&chart, theme, width, title);
    }

  _palier_chart_paint_background (cr, theme, width, height);
  _palier_chart_frame_draw (cr, theme, &chart.frame, width, height, &chart.plot);
  _palier_chart_draw_x_ticks (cr, theme, &chart.plot, &chart.x_ticks, chart.low, chart.high, TRUE);
  draw_bars (cr, &chart, theme);
  draw_zero_line (cr, &chart, theme);

  differences_chart_clear (&chart);
}

static const PalierChartStyle default_style = { 0 };

void
palier_chart_draw_differences (cairo_t                *cr,
                               double                  width,
                               double                  height,
                               const PalierComparison *comparison,
                               const PalierChartStyle *style)
{
  PalierChartTheme theme;
  const char *title;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (comparison != NULL);

  if (style == NULL)
    style = &default_style;
  title = style->title != NULL ? style->title : _("Largest changes per partner");

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);

  if (comparison->rows == NULL || comparison->rows->len == 0)
    _palier_chart_draw_message (cr, &theme, width, height, title, _("No data"));
  else
    differences_chart_draw (cr, &theme, width, height, comparison, title);

  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
}
