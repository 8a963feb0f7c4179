/* palier-chart.c: colours, text, axes and frames shared by the charts */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"

#define DEFAULT_FONT_SIZE 10.0      /* points */
#define FONT_RESOLUTION   96.0      /* user units per inch, as on screen */
#define FONT_FAMILY       "Sans"

static const struct {
  PalierChartKind  kind;
  const char      *name;
} chart_kind_names[] = {
  { PALIER_CHART_PAYOUT_CURVE, "payout-curve" },
  { PALIER_CHART_PERIODS, "periods" },
  { PALIER_CHART_DISTRIBUTION, "distribution" },
};

const char *
palier_chart_kind_to_string (PalierChartKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_kind_names); i++)
    if (chart_kind_names[i].kind == kind)
      return chart_kind_names[i].name;

  g_return_val_if_reached (NULL);
}

gboolean
palier_chart_kind_from_string (const char      *text,
                               PalierChartKind *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (chart_kind_names); i++)
    if (g_str_equal (chart_kind_names[i].name, text))
      {
        *out = chart_kind_names[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* Colours */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, \
                   ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0 }

/* The GNOME HIG palette, ordered so that neighbours in a stack contrast:
 * shade 3 of each hue on light backgrounds, the lighter shade 2 on dark
 * ones, and shade 5 for a second round when there are more series. */
static const PalierChartColor palette_light[] = {
  RGB (0x3584e4), RGB (0xff7800), RGB (0x33d17a), RGB (0x9141ac),
  RGB (0xf6d32d), RGB (0xe01b24), RGB (0x986a44),
};
static const PalierChartColor palette_dark[] = {
  RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xc061cb),
  RGB (0xf8e45c), RGB (0xed333b), RGB (0xb5835a),
};
static const PalierChartColor palette_second[] = {
  RGB (0x1a5fb4), RGB (0xc64600), RGB (0x26a269), RGB (0x613583),
  RGB (0xe5a50a), RGB (0xa51d2d), RGB (0x63452c),
};

PalierChartColor
_palier_chart_palette_color (const PalierChartTheme *theme,
                             guint                   index)
{
  guint n = G_N_ELEMENTS (palette_light);

  if ((index / n) % 2 == 1)
    return palette_second[index % n];
  return theme->dark ? palette_dark[index % n] : palette_light[index % n];
}

void
_palier_chart_set_color (cairo_t                *cr,
                         const PalierChartColor *color,
                         double                  alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

static PangoContext *
create_text_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics give the same text sizes on every surface. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, FONT_RESOLUTION);
  pango_context_set_round_glyph_positions (context, FALSE);

  cairo_font_options_destroy (options);
  return context;
}

void
_palier_chart_theme_init (PalierChartTheme       *theme,
                          const PalierChartStyle *style)
{
  static const PalierChartTheme light = {
    .background = RGB (0xffffff),
    .foreground = RGB (0x241f31),
    .secondary = RGB (0x5e5c64),
    .grid = RGB (0xdeddda),
    .axis_line = RGB (0x9a9996),
  };
  static const PalierChartTheme dark = {
    .background = RGB (0x242424),
    .foreground = RGB (0xffffff),
    .secondary = RGB (0xc0bfbc),
    .grid = RGB (0x3d3d3d),
    .axis_line = RGB (0x77767b),
  };
  double font_size = DEFAULT_FONT_SIZE;

  *theme = style->dark ? dark : light;
  theme->dark = style->dark;
  theme->transparent = style->transparent;

  if (style->font_size > 0)
    font_size = style->font_size;
  theme->font_size = font_size;
  theme->spacing = round (font_size * FONT_RESOLUTION / 72.0 * 0.75);
  theme->context = create_text_context ();
}

void
_palier_chart_theme_clear (PalierChartTheme *theme)
{
  g_clear_object (&theme->context);
}

/* Text */

PangoLayout *
_palier_chart_text_new (const PalierChartTheme *theme,
                        PalierChartTextKind     kind,
                        const char             *text)
{
  PangoLayout *layout = pango_layout_new (theme->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  double scale = 1.0;

  switch (kind)
    {
    case PALIER_CHART_TEXT_LABEL:
    case PALIER_CHART_TEXT_NOTE:
      scale = 0.9;
      break;
    case PALIER_CHART_TEXT_AXIS_TITLE:
      break;
    case PALIER_CHART_TEXT_TITLE:
      scale = 1.3;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case PALIER_CHART_TEXT_MESSAGE:
      scale = 1.2;
      break;
    default:
      g_assert_not_reached ();
    }

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, theme->font_size * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_palier_chart_text_ellipsize (PangoLayout *layout,
                              double       max_width)
{
  pango_layout_set_width (layout, MAX (1, (int) (max_width * PANGO_SCALE)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

void
_palier_chart_text_size (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout)
{
  PangoRectangle logical;

  pango_cairo_update_layout (cr, layout);
  pango_layout_get_extents (layout, NULL, &logical);

  /* A layout with a width keeps its alignment inside that width. */
  if (pango_layout_get_width (layout) >= 0)
    logical.x = 0;
  cairo_move_to (cr,
                 (double) -logical.x / PANGO_SCALE,
                 (double) -logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

void
_palier_chart_text_draw (cairo_t                *cr,
                         PangoLayout            *layout,
                         double                  x,
                         double                  y,
                         const PalierChartColor *color)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  _palier_chart_set_color (cr, color, 1.0);
  show_layout (cr, layout);
  cairo_restore (cr);
}

void
_palier_chart_text_draw_up (cairo_t                *cr,
                            PangoLayout            *layout,
                            double                  x,
                            double                  bottom,
                            const PalierChartColor *color)
{
  cairo_save (cr);
  cairo_translate (cr, x, bottom);
  cairo_rotate (cr, -G_PI / 2);
  _palier_chart_set_color (cr, color, 1.0);
  show_layout (cr, layout);
  cairo_restore (cr);
}

void
_palier_chart_paint_background (cairo_t                *cr,
                                const PalierChartTheme *theme,
                                double                  width,
                                double                  height)
{
  if (theme->transparent)
    return;

  cairo_save (cr);
  _palier_chart_set_color (cr, &theme->background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_palier_chart_draw_message (cairo_t                *cr,
                            const PalierChartTheme *theme,
                            double                  width,
                            double                  height,
                            const char             *title,
                            const char             *message)
{
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) message_layout = NULL;
  double title_height = 0;
  double message_width, message_height;
  double inner_width = MAX (1, width - 2 * theme->spacing);

  _palier_chart_paint_background (cr, theme, width, height);

  if (title != NULL)
    {
      title_layout = _palier_chart_text_new (theme, PALIER_CHART_TEXT_TITLE, title);
      _palier_chart_text_ellipsize (title_layout, inner_width);
      _palier_chart_text_size (title_layout, NULL, &title_height);
      _palier_chart_text_draw (cr, title_layout, theme->spacing, theme->spacing,
                               &theme->foreground);
    }

  message_layout = _palier_chart_text_new (theme, PALIER_CHART_TEXT_MESSAGE, message);
  pango_layout_set_width (message_layout, (int) (inner_width * PANGO_SCALE));
  pango_layout_set_wrap (message_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (message_layout, PANGO_ALIGN_CENTER);
  _palier_chart_text_size (message_layout, &message_width, &message_height);
  _palier_chart_text_draw (cr, message_layout,
                           theme->spacing,
                           MAX (theme->spacing + title_height,
                                (height - message_height) / 2),
                           &theme->secondary);
}

double
_palier_chart_x_label_gap (const PalierChartTheme *theme)
{
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, "0");
  double line_height;

  _palier_chart_text_size (probe, NULL, &line_height);
  return MAX (theme->spacing / 2, ceil (line_height / 2) + 1);
}

/* Numbers */

int
_palier_chart_decimals_for_step (double step)
{
  double decimals;

  if (!(step > 0))
    return 0;

  decimals = ceil (-log10 (step) - 1e-9);
  return (int) CLAMP (decimals, 0, PALIER_DECIMAL_DIGITS);
}

PalierDecimal
_palier_chart_decimal_from_double (double value)
{
  double millionths = round (value * PALIER_DECIMAL_ONE);

  if (!(millionths > (double) PALIER_DECIMAL_MIN))
    return PALIER_DECIMAL_MIN;
  if (!(millionths < (double) PALIER_DECIMAL_MAX))
    return PALIER_DECIMAL_MAX;
  return (PalierDecimal) millionths;
}

char *
_palier_chart_format_amount_tick (double   value,
                                  double   step,
                                  gpointer user_data)
{
  return palier_format_number (_palier_chart_decimal_from_double (value),
                               _palier_chart_decimals_for_step (step));
}

char *
_palier_chart_amount_title (const char *name,
                            const char *currency)
{
  if (currency == NULL)
    return g_strdup (name);

  /* TRANSLATORS: an axis title: what is measured, then the currency
   * symbol, as in "Payout ($)". */
  return g_strdup_printf (_("%s (%s)"), name, palier_currency_symbol (currency));
}

/* Ticks */

void
_palier_chart_ticks_clear (PalierChartTicks *ticks)
{
  g_clear_pointer (&ticks->labels, g_ptr_array_unref);
  ticks->label_width = 0;
  ticks->label_height = 0;
}

double
_palier_chart_tick_value (const PalierChartTicks *ticks,
                          guint                   index)
{
  return ticks->axis.min + index * ticks->axis.step;
}

static void
ticks_measure (PalierChartTicks       *ticks,
               const PalierChartTheme *theme,
               PalierTickFormatFunc    format,
               gpointer                user_data)
{
  _palier_chart_ticks_clear (ticks);
  ticks->labels = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ticks->axis.n_ticks; i++)
    {
      g_autofree char *text = format (_palier_chart_tick_value (ticks, i),
                                      ticks->axis.step, user_data);
      PangoLayout *layout = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, text);
      double label_width, label_height;

      _palier_chart_text_size (layout, &label_width, &label_height);
      ticks->label_width = MAX (ticks->label_width, label_width);
      ticks->label_height = MAX (ticks->label_height, label_height);
      g_ptr_array_add (ticks->labels, layout);
    }
}

/* Counts get whole-number ticks: a step below one becomes one, which
 * fits because a finer step already did. */
static void
round_step_to_integer (PalierAxis *axis)
{
  if (axis->step >= 1)
    return;

  axis->min = floor (axis->min);
  axis->max = ceil (axis->max);
  axis->step = 1;
  axis->n_ticks = (guint) (axis->max - axis->min) + 1;
}

void
_palier_chart_ticks_fit_vertical (PalierChartTicks       *ticks,
                                  const PalierChartTheme *theme,
                                  double                  data_min,
                                  double                  data_max,
                                  gboolean                include_zero,
                                  gboolean                integers,
                                  double                  length,
                                  PalierTickFormatFunc    format,
                                  gpointer                user_data)
{
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, "0");
  double line_height;
  double max_ticks;

  /* 2.2 lines per tick keep a gap of more than a line between labels. */
  _palier_chart_text_size (probe, NULL, &line_height);
  max_ticks = floor (length / (2.2 * line_height)) + 1;
  max_ticks = CLAMP (max_ticks, 2, 11);

  palier_axis_compute (data_min, data_max, (guint) max_ticks, include_zero,
                       &ticks->axis);
  if (integers)
    round_step_to_integer (&ticks->axis);
  ticks_measure (ticks, theme, format, user_data);
}

/* Whether the labels of the ticks inside [low, high] leave a gap of
 * @gap between neighbours at @length for the whole range. */
static gboolean
ticks_fit_horizontally (const PalierChartTicks *ticks,
                        double                  low,
                        double                  high,
                        double                  length,
                        double                  gap)
{
  double previous_right = -G_MAXDOUBLE;

  for (guint i = 0; i < ticks->axis.n_ticks; i++)
    {
      double value = _palier_chart_tick_value (ticks, i);
      double center = (value - low) / (high - low) * length;
      double label_width;

      if (center < -1e-6 * length || center > length * (1 + 1e-6))
        continue;

      _palier_chart_text_size (g_ptr_array_index (ticks->labels, i), &label_width, NULL);
      if (center - label_width / 2 < previous_right + gap)
        return FALSE;
      previous_right = center + label_width / 2;
    }

  return TRUE;
}

static gboolean
axis_spans_exactly (const PalierAxis *axis,
                    double            low,
                    double            high)
{
  double tolerance = axis->step * 1e-9;

  return fabs (axis->min - low) <= tolerance && fabs (axis->max - high) <= tolerance;
}

void
_palier_chart_ticks_fit_horizontal (PalierChartTicks       *ticks,
                                    const PalierChartTheme *theme,
                                    double                  data_min,
                                    double                  data_max,
                                    gboolean                include_zero,
                                    double                  length,
                                    PalierTickFormatFunc    format,
                                    gpointer                user_data)
{
  double low = include_zero ? MIN (data_min, 0) : data_min;
  double high = include_zero ? MAX (data_max, 0) : data_max;
  guint max_ticks = (guint) CLAMP (floor (length / 40) + 1, 2, 15);
  guint fallback = 2;
  gboolean has_fallback = FALSE;

  /* Take the maximum number of ticks whose labels do not touch, but
   * prefer an axis that starts and ends on the range shown, so that both
   * ends get a label. */
  for (; max_ticks >= 2; max_ticks--)
    {
      palier_axis_compute (data_min, data_max, max_ticks, include_zero, &ticks->axis);
      ticks_measure (ticks, theme, format, user_data);

      if (high > low && !ticks_fit_horizontally (ticks, low, high, length, theme->spacing))
        continue;
      if (axis_spans_exactly (&ticks->axis, low, high))
        return;
      if (!has_fallback)
        {
          fallback = max_ticks;
          has_fallback = TRUE;
        }
    }

  palier_axis_compute (data_min, data_max, fallback, include_zero, &ticks->axis);
  ticks_measure (ticks, theme, format, user_data);
}

static double
map_linear (double value,
            double low,
            double high,
            double start,
            double length)
{
  if (high <= low)
    return start;
  return start + (value - low) / (high - low) * length;
}

void
_palier_chart_draw_y_ticks (cairo_t                *cr,
                            const PalierChartTheme *theme,
                            const PalierChartRect  *plot,
                            const PalierChartTicks *ticks,
                            double                  low,
                            double                  high)
{
  double bottom = plot->y + plot->height;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < ticks->axis.n_ticks; i++)
    {
      PangoLayout *label = g_ptr_array_index (ticks->labels, i);
      double y = map_linear (_palier_chart_tick_value (ticks, i), low, high,
                             bottom, -plot->height);
      double label_width, label_height;

      /* Half-pixel offsets keep one-unit lines sharp on images. */
      y = round (y) + 0.5;
      _palier_chart_set_color (cr, &theme->grid, 1.0);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);

      _palier_chart_text_size (label, &label_width, &label_height);
      _palier_chart_text_draw (cr, label,
                               plot->x - theme->spacing / 2 - label_width,
                               y - label_height / 2, &theme->foreground);
    }

  cairo_restore (cr);
}

void
_palier_chart_draw_x_ticks (cairo_t                *cr,
                            const PalierChartTheme *theme,
                            const PalierChartRect  *plot,
                            const PalierChartTicks *ticks,
                            double                  low,
                            double                  high,
                            gboolean                grid)
{
  double bottom = plot->y + plot->height;
  double tick_length = theme->spacing / 3;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < ticks->axis.n_ticks; i++)
    {
      PangoLayout *label = g_ptr_array_index (ticks->labels, i);
      double value = _palier_chart_tick_value (ticks, i);
      double x = map_linear (value, low, high, plot->x, plot->width);
      double label_width;

      if (x < plot->x - 0.5 || x > plot->x + plot->width + 0.5)
        continue;

      x = round (x) + 0.5;
      if (grid)
        {
          _palier_chart_set_color (cr, &theme->grid, 1.0);
          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, bottom);
          cairo_stroke (cr);
        }
      _palier_chart_set_color (cr, &theme->axis_line, 1.0);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + tick_length);
      cairo_stroke (cr);

      _palier_chart_text_size (label, &label_width, NULL);
      _palier_chart_text_draw (cr, label, x - label_width / 2,
                               bottom + _palier_chart_x_label_gap (theme), &theme->foreground);
    }

  cairo_restore (cr);
}

void
_palier_chart_draw_axis_lines (cairo_t                *cr,
                               const PalierChartTheme *theme,
                               const PalierChartRect  *plot)
{
  double left = round (plot->x) + 0.5;
  double bottom = round (plot->y + plot->height) + 0.5;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  _palier_chart_set_color (cr, &theme->axis_line, 1.0);
  cairo_move_to (cr, left, plot->y);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, plot->x + plot->width, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Frame */

/* Height of one line of tick labels. */
static double
label_line_height (const PalierChartTheme *theme)
{
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, "0");
  double line_height;

  _palier_chart_text_size (probe, NULL, &line_height);
  return line_height;
}


static double
frame_title_height (const PalierChartFrame *frame,
                    const PalierChartTheme *theme)
{
  double title_height = 0;
  double note_height = 0;

  _palier_chart_text_size (frame->title, NULL, &title_height);
  if (frame->note != NULL)
    {
      _palier_chart_text_size (frame->note, NULL, &note_height);
      note_height += theme->spacing / 2;
    }
  return title_height + theme->spacing / 2 + note_height + theme->spacing / 2;
}

void
_palier_chart_frame_init (PalierChartFrame       *frame,
                          const PalierChartTheme *theme,
                          double                  width,
                          const char             *title,
                          const char             *note,
                          const char             *x_title,
                          const char             *y_title)
{
  double inner_width = MAX (1, width - 2 * theme->spacing);

  *frame = (PalierChartFrame) { 0 };

  frame->title = _palier_chart_text_new (theme, PALIER_CHART_TEXT_TITLE, title);
  _palier_chart_text_ellipsize (frame->title, inner_width);
  if (note != NULL && note[0] != '\0')
    {
      frame->note = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, note);
      _palier_chart_text_ellipsize (frame->note, inner_width);
    }
  frame->title_height = frame_title_height (frame, theme);

  frame->x_title = _palier_chart_text_new (theme, PALIER_CHART_TEXT_AXIS_TITLE, x_title);
  _palier_chart_text_size (frame->x_title, NULL, &frame->x_title_height);

  frame->y_title = _palier_chart_text_new (theme, PALIER_CHART_TEXT_AXIS_TITLE, y_title);
  _palier_chart_text_size (frame->y_title, NULL, &frame->y_title_width);
}

void
_palier_chart_frame_make_compact (PalierChartFrame       *frame,
                                  const PalierChartTheme *theme)
{
  g_clear_object (&frame->note);
  g_clear_object (&frame->x_title);
  g_clear_object (&frame->y_title);
  frame->x_title_height = 0;
  frame->y_title_width = 0;
  frame->title_height = frame_title_height (frame, theme);
}

gboolean
_palier_chart_plot_is_usable (const PalierChartTheme *theme,
                              const PalierChartRect  *plot)
{
  double line_height = label_line_height (theme);

  return plot->height >= 3 * line_height && plot->width >= 6 * line_height;
}

void
_palier_chart_frame_clear (PalierChartFrame *frame)
{
  g_clear_object (&frame->title);
  g_clear_object (&frame->note);
  g_clear_object (&frame->x_title);
  g_clear_object (&frame->y_title);
}

void
_palier_chart_frame_draw (cairo_t                *cr,
                          const PalierChartTheme *theme,
                          const PalierChartFrame *frame,
                          double                  width,
                          double                  height,
                          const PalierChartRect  *plot)
{
  double y = theme->spacing;
  double text_width, text_height;

  _palier_chart_text_size (frame->title, NULL, &text_height);
  _palier_chart_text_draw (cr, frame->title, theme->spacing, y, &theme->foreground);
  y += text_height + theme->spacing / 2;

  if (frame->note != NULL)
    _palier_chart_text_draw (cr, frame->note, theme->spacing, y, &theme->secondary);

  /* The x title is centred under the plot and the y title on its
   * height, but neither is pushed past the chart's edges. */
  if (frame->x_title != NULL)
    {
      _palier_chart_text_size (frame->x_title, &text_width, &text_height);
      _palier_chart_text_draw (cr, frame->x_title,
                               CLAMP (plot->x + (plot->width - text_width) / 2,
                                      theme->spacing,
                                      MAX (theme->spacing, width - theme->spacing - text_width)),
                               height - theme->spacing - text_height,
                               &theme->secondary);
    }

  if (frame->y_title != NULL)
    {
      _palier_chart_text_size (frame->y_title, &text_width, NULL);
      _palier_chart_text_draw_up (cr, frame->y_title, theme->spacing,
                                  CLAMP (plot->y + (plot->height + text_width) / 2,
                                         MIN (text_width + theme->spacing, height),
                                         height - theme->spacing),
                                  &theme->secondary);
    }
}

/* Width of the last label inside the shown range that reaches past its
 * end, beyond that end. */
static double
right_overhang (const PalierChartTicks *ticks,
                double                  low,
                double                  high,
                double                  length)
{
  double overhang = 0;

  for (guint i = 0; i < ticks->axis.n_ticks; i++)
    {
      double center = map_linear (_palier_chart_tick_value (ticks, i), low, high, 0, length);
      double label_width;

      if (center > length * (1 + 1e-6))
        continue;
      _palier_chart_text_size (g_ptr_array_index (ticks->labels, i), &label_width, NULL);
      overhang = MAX (overhang, center + label_width / 2 - length);
    }

  return overhang;
}

void
_palier_chart_layout_plot (const PalierChartTheme    *theme,
                           const PalierChartFrame    *frame,
                           double                     width,
                           double                     height,
                           double                     top_extra,
                           const PalierChartAxisSpec *x_spec,
                           const PalierChartAxisSpec *y_spec,
                           PalierChartTicks          *x_ticks,
                           PalierChartTicks          *y_ticks,
                           PalierChartRect           *plot)
{
  double spacing = theme->spacing;
  double line_height = label_line_height (theme);
  double x_low = x_spec->include_zero ? MIN (x_spec->data_min, 0) : x_spec->data_min;
  double x_high = x_spec->include_zero ? MAX (x_spec->data_max, 0) : x_spec->data_max;
  double top, bottom, left, right;

  /* Vertical: title, extra band, plot, labels, x title. */
  top = spacing + frame->title_height + top_extra + line_height / 2;
  bottom = _palier_chart_x_label_gap (theme) + line_height + spacing / 2 +
           frame->x_title_height + spacing;
  plot->y = top;
  plot->height = MAX (1, height - top - bottom);

  _palier_chart_ticks_fit_vertical (y_ticks, theme, y_spec->data_min, y_spec->data_max,
                                    y_spec->include_zero, y_spec->integers,
                                    plot->height, y_spec->format, y_spec->user_data);

  /* Horizontal: y title, labels, plot, room for the last x label. */
  left = spacing + frame->y_title_width + spacing / 2 + y_ticks->label_width + spacing / 2;
  right = spacing;
  plot->x = left;
  plot->width = MAX (1, width - left - right);
  _palier_chart_ticks_fit_horizontal (x_ticks, theme, x_spec->data_min, x_spec->data_max,
                                      x_spec->include_zero, plot->width,
                                      x_spec->format, x_spec->user_data);

  /* A last label that reaches past the plot needs a wider right margin,
   * which can change the ticks once more. */
  right = MAX (spacing, right_overhang (x_ticks, x_low, x_high, plot->width) + spacing / 2);
  if (right > spacing)
    {
      plot->width = MAX (1, width - left - right);
      _palier_chart_ticks_fit_horizontal (x_ticks, theme, x_spec->data_min, x_spec->data_max,
                                          x_spec->include_zero, plot->width,
                                          x_spec->format, x_spec->user_data);
    }
}
