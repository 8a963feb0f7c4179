/* palier-chart-private.h: colours, text and axes shared by the charts
 *
 * Every chart first measures its text with pango, then lays out its
 * margins around the measured labels, then draws.  Text is measured with
 * hinting off, so a layout has the same size on an image, a PDF or an
 * SVG surface and on no surface at all (for hit-testing).
 */
#pragma once

#include <pango/pangocairo.h>

#include "palier-chart.h"

G_BEGIN_DECLS

typedef struct {
  double red;
  double green;
  double blue;
} PalierChartColor;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} PalierChartRect;

typedef struct {
  gboolean          dark;
  gboolean          transparent;
  double            font_size;      /* points */
  double            spacing;        /* user units between blocks of text */
  PalierChartColor  background;
  PalierChartColor  foreground;     /* titles, tick labels */
  PalierChartColor  secondary;      /* axis titles, notes, markers */
  PalierChartColor  grid;
  PalierChartColor  axis_line;
  PangoContext     *context;
} PalierChartTheme;

typedef enum {
  PALIER_CHART_TEXT_LABEL,          /* tick labels, legend */
  PALIER_CHART_TEXT_AXIS_TITLE,
  PALIER_CHART_TEXT_NOTE,           /* subtitle, marker labels */
  PALIER_CHART_TEXT_TITLE,
  PALIER_CHART_TEXT_MESSAGE,        /* "No data" */
} PalierChartTextKind;

void              _palier_chart_theme_init      (PalierChartTheme        *theme,
                                                 const PalierChartStyle  *style);
void              _palier_chart_theme_clear     (PalierChartTheme        *theme);

/* Colour @index of the series palette, the same for a given index in
 * every chart. */
PalierChartColor  _palier_chart_palette_color   (const PalierChartTheme  *theme,
                                                 guint                    index);

void              _palier_chart_set_color       (cairo_t                 *cr,
                                                 const PalierChartColor  *color,
                                                 double                   alpha);

PangoLayout      *_palier_chart_text_new        (const PalierChartTheme  *theme,
                                                 PalierChartTextKind      kind,
                                                 const char              *text);

/* Limits @layout to @max_width, ending it with an ellipsis when longer. */
void              _palier_chart_text_ellipsize  (PangoLayout             *layout,
                                                 double                   max_width);

void              _palier_chart_text_size       (PangoLayout             *layout,
                                                 double                  *width,
                                                 double                  *height);

/* Draws @layout with its logical top-left corner at (@x, @y). */
void              _palier_chart_text_draw       (cairo_t                 *cr,
                                                 PangoLayout             *layout,
                                                 double                   x,
                                                 double                   y,
                                                 const PalierChartColor  *color);

/* Draws @layout turned a quarter left (reading upwards), its logical box
 * occupying [@x, @x + height] x [@bottom - width, @bottom]. */
void              _palier_chart_text_draw_up    (cairo_t                 *cr,
                                                 PangoLayout             *layout,
                                                 double                   x,
                                                 double                   bottom,
                                                 const PalierChartColor  *color);

void              _palier_chart_paint_background (cairo_t                *cr,
                                                  const PalierChartTheme *theme,
                                                  double                  width,
                                                  double                  height);

/* Draws @title at the top and @message centred in the rest, for charts
 * without data to show. */
void              _palier_chart_draw_message    (cairo_t                 *cr,
                                                 const PalierChartTheme  *theme,
                                                 double                   width,
                                                 double                   height,
                                                 const char              *title,
                                                 const char              *message);

/* Space between the bottom of a plot and the labels under it, enough to
 * clear the lowest vertical tick label centred on that bottom. */
double            _palier_chart_x_label_gap     (const PalierChartTheme  *theme);

/* Numbers on axes and in labels. */

typedef char *  (*PalierTickFormatFunc)         (double                   value,
                                                 double                   step,
                                                 gpointer                 user_data);

/* Decimals needed to tell ticks @step apart (0 for steps of 1 or more). */
int               _palier_chart_decimals_for_step (double                 step);

/* @value in millionths, rounded and clamped to the PalierDecimal range. */
PalierDecimal     _palier_chart_decimal_from_double (double               value);

/* Tick label in the current locale without a currency symbol, which goes
 * in the axis title. */
char             *_palier_chart_format_amount_tick (double                value,
                                                    double                step,
                                                    gpointer              user_data);

/* Axis title for amounts: "@name (@currency's symbol)", or @name when
 * @currency is NULL. */
char             *_palier_chart_amount_title    (const char              *name,
                                                 const char              *currency);

/* Ticks of one axis with their measured labels. */
typedef struct {
  PalierAxis   axis;
  GPtrArray   *labels;              /* PangoLayout *, one per tick */
  double       label_width;         /* widest label */
  double       label_height;        /* tallest label */
} PalierChartTicks;

void              _palier_chart_ticks_clear     (PalierChartTicks        *ticks);

/* Fits a vertical axis for [@data_min, @data_max] to @length: as many
 * ticks as leave room between the labels. */
void              _palier_chart_ticks_fit_vertical   (PalierChartTicks       *ticks,
                                                      const PalierChartTheme *theme,
                                                      double                  data_min,
                                                      double                  data_max,
                                                      gboolean                include_zero,
                                                      gboolean                integers,
                                                      double                  length,
                                                      PalierTickFormatFunc    format,
                                                      gpointer                user_data);

/* Fits a horizontal axis for [@data_min, @data_max] to @length so that no
 * two labels overlap. */
void              _palier_chart_ticks_fit_horizontal (PalierChartTicks       *ticks,
                                                      const PalierChartTheme *theme,
                                                      double                  data_min,
                                                      double                  data_max,
                                                      gboolean                include_zero,
                                                      double                  length,
                                                      PalierTickFormatFunc    format,
                                                      gpointer                user_data);

/* Value of tick @index. */
double            _palier_chart_tick_value      (const PalierChartTicks  *ticks,
                                                 guint                    index);

/* Draws the grid lines and labels of a vertical axis left of @plot,
 * which shows [@low, @high] bottom to top. */
void              _palier_chart_draw_y_ticks    (cairo_t                 *cr,
                                                 const PalierChartTheme  *theme,
                                                 const PalierChartRect   *plot,
                                                 const PalierChartTicks  *ticks,
                                                 double                   low,
                                                 double                   high);

/* Draws tick marks and labels under @plot, which shows [@low, @high]
 * left to right, leaving out ticks outside that range.  With @grid, also
 * draws vertical grid lines. */
void              _palier_chart_draw_x_ticks    (cairo_t                 *cr,
                                                 const PalierChartTheme  *theme,
                                                 const PalierChartRect   *plot,
                                                 const PalierChartTicks  *ticks,
                                                 double                   low,
                                                 double                   high,
                                                 gboolean                 grid);

/* The frame common to the charts with axes: a title, an optional note
 * under it, axis titles, and the plot area left between them. */
typedef struct {
  PangoLayout     *title;
  PangoLayout     *note;            /* may be NULL, as may the axis titles */
  PangoLayout     *x_title;
  PangoLayout     *y_title;
  double           title_height;    /* title and note with their spacing */
  double           x_title_height;
  double           y_title_width;   /* the rotated title's width */
} PalierChartFrame;

void              _palier_chart_frame_init      (PalierChartFrame        *frame,
                                                 const PalierChartTheme  *theme,
                                                 double                   width,
                                                 const char              *title,
                                                 const char              *note,
                                                 const char              *x_title,
                                                 const char              *y_title);
void              _palier_chart_frame_clear     (PalierChartFrame        *frame);

/* Drops the note and the axis titles, for charts too small to hold them. */
void              _palier_chart_frame_make_compact (PalierChartFrame     *frame,
                                                    const PalierChartTheme *theme);

/* Whether @plot leaves room for a few ticks each way. */
gboolean          _palier_chart_plot_is_usable  (const PalierChartTheme  *theme,
                                                 const PalierChartRect   *plot);

/* Draws the title, the note and the axis titles around @plot. */
void              _palier_chart_frame_draw      (cairo_t                 *cr,
                                                 const PalierChartTheme  *theme,
                                                 const PalierChartFrame  *frame,
                                                 double                   width,
                                                 double                   height,
                                                 const PalierChartRect   *plot);

/* Lays out the plot area of a chart with numeric axes: the title on top
 * and @top_extra below it, vertical tick labels on the left, one line of
 * horizontal tick labels and the x axis title at the bottom.  Fits
 * @y_ticks to the height and @x_ticks to the width that is left. */
typedef struct {
  double                data_min;
  double                data_max;
  gboolean              include_zero;
  gboolean              integers;
  PalierTickFormatFunc  format;
  gpointer              user_data;
} PalierChartAxisSpec;

void              _palier_chart_layout_plot     (const PalierChartTheme    *theme,
                                                 const PalierChartFrame    *frame,
                                                 double                     width,
                                                 double                     height,
                                                 double                     top_extra,
                                                 const PalierChartAxisSpec *x_spec,
                                                 const PalierChartAxisSpec *y_spec,
                                                 PalierChartTicks          *x_ticks,
                                                 PalierChartTicks          *y_ticks,
                                                 PalierChartRect           *plot);

/* Draws the axis lines along the left and bottom of @plot. */
void              _palier_chart_draw_axis_lines (cairo_t                 *cr,
                                                 const PalierChartTheme  *theme,
                                                 const PalierChartRect   *plot);

G_END_DECLS
