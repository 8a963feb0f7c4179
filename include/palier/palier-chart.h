/* palier-chart.h: charts drawn with cairo and pango
 *
 * Each chart kind has one function that draws onto any cairo_t, so the
 * window, PNG, SVG and PDF files share one code path.  Coordinates are in
 * the surface's user units (pixels for PNG, points for PDF and SVG).
 * Numbers are formatted in the current locale.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include "palier-program.h"
#include "palier-simulate.h"

G_BEGIN_DECLS

/* Axis bounds and ticks: a step of 1, 2 or 5 times a power of ten, bounds
 * that are multiples of the step and enclose the data, and zero included
 * when asked.  @max_ticks >= 2. */
typedef struct {
  double min;
  double max;
  double step;
  guint  n_ticks;                   /* ticks from min to max inclusive */
} PalierAxis;

void palier_axis_compute (double      data_min,
                          double      data_max,
                          guint       max_ticks,
                          gboolean    include_zero,
                          PalierAxis *axis);

typedef enum {
  PALIER_CHART_PAYOUT_CURVE,
  PALIER_CHART_PERIODS,
  PALIER_CHART_DISTRIBUTION,
} PalierChartKind;

const char *palier_chart_kind_to_string   (PalierChartKind  kind);
gboolean    palier_chart_kind_from_string (const char      *text,
                                           PalierChartKind *out);

/* Look of a chart.  Every drawing function takes NULL for the default
 * style: light, 10 points, the chart's own title, painted background. */
typedef struct {
  gboolean     dark;                /* light text on a dark background */
  double       font_size;           /* points; 0 for the default */
  const char  *title;               /* NULL: a title chosen by the chart */
  gboolean     transparent;         /* leave the background unpainted */
} PalierChartStyle;

/* Payout of one partner for one period against the component's base
 * (sales, units or attainment), with each tier boundary marked.  For an
 * attainment basis the curve uses @quota, the quota of one component
 * period, or the program's quota for @segment when @quota is 0.
 * @segment selects overrides.  Commissions and bonuses have a curve;
 * other kinds draw a message. */
typedef struct {
  const PalierProgram   *program;
  const PalierComponent *component;
  const char            *segment;   /* may be NULL */
  PalierDecimal          quota;     /* used for attainment basis */
} PalierCurveSpec;

void palier_chart_draw_payout_curve (cairo_t                *cr,
                                     double                  width,
                                     double                  height,
                                     const PalierCurveSpec  *spec,
                                     const PalierChartStyle *style);

/* Payouts per period, stacked by component, with a legend. */
void palier_chart_draw_periods      (cairo_t                *cr,
                                     double                  width,
                                     double                  height,
                                     const PalierResult     *result,
                                     const PalierChartStyle *style);

/* Histogram of partner payouts over the simulated range. */
void palier_chart_draw_distribution (cairo_t                *cr,
                                     double                  width,
                                     double                  height,
                                     const PalierResult     *result,
                                     const PalierChartStyle *style);

/* Largest changes of payout per partner between the two programs of
 * @comparison: a horizontal bar per partner, gains right of zero and
 * losses left of it, the largest gains at the top and the largest losses
 * at the bottom, as many as the height holds.  Partners whose payout
 * does not change get no bar. */
void palier_chart_draw_differences  (cairo_t                *cr,
                                     double                  width,
                                     double                  height,
                                     const PalierComparison *comparison,
                                     const PalierChartStyle *style);

/* Where the payout curve's plot area and tier handles fall for a given
 * size, for hit-testing and dragging.  Uses the same mapping as
 * palier_chart_draw_payout_curve().  The base range is in basis units:
 * money or units, or attainment as a fraction (1.0 is 100 %).  A handle is
 * at a boundary's base and at the payout reached exactly there.  When the
 * chart draws a message in place of a curve, n_handles is 0 and the
 * ranges are [0, 1]. */
typedef struct {
  double  plot_x, plot_y, plot_width, plot_height;
  double  x_min, x_max;             /* base range shown */
  double  y_min, y_max;             /* payout range shown */
  guint   n_handles;
  double *handle_x;                 /* commission: one per tier after the
                                     * first (tier index - 1); bonus: one
                                     * per level */
  double *handle_y;
} PalierCurveLayout;

void palier_chart_payout_curve_layout (double                  width,
                                       double                  height,
                                       const PalierCurveSpec  *spec,
                                       const PalierChartStyle *style,
                                       PalierCurveLayout      *layout);
void palier_curve_layout_clear        (PalierCurveLayout      *layout);

/* Deal sizes of a deal bonus (version 2) */

/* Reads the value of every deal that @component (a deal bonus) counts
 * between @from and @to, inclusive, with PALIER_DATE_NONE for open ends.
 * A deal's value is the sum of the measure over the lines of one partner
 * that share a deal id and pass the filter.  A line without a deal id is
 * a deal of its own.
 * Returns a GArray of PalierDecimal, by partner then date, or NULL with
 * @error set in the PALIER_STORE_ERROR domain. */
GArray *palier_deal_sizes_read      (PalierStore            *store,
                                     const PalierComponent  *component,
                                     PalierDate              from,
                                     PalierDate              to,
                                     GCancellable           *cancellable,
                                     GError                **error);

/* Counts the deals of @values (@n_values of them) worth at least the
 * component's minimum, and what they cost: the amount per deal plus the
 * rate times the deal's value, rounded to @minor_digits once in all.
 * The engine rounds per partner and period, so the cost may differ from
 * its payout by the minor units that rounding moves.  Returns FALSE when
 * the cost overflows. */
gboolean palier_deal_sizes_qualify  (const PalierDecimal    *values,
                                     guint                   n_values,
                                     const PalierComponent  *component,
                                     int                     minor_digits,
                                     guint                  *out_count,
                                     PalierDecimal          *out_cost);

/* A histogram of deal values with the deal bonus's minimum drawn as a
 * vertical line, the qualifying bins highlighted and their count in the
 * note under the title. */
typedef struct {
  const PalierDecimal   *values;
  guint                  n_values;
  const PalierComponent *component;   /* a deal bonus: measure, minimum */
  const char            *currency;    /* for revenue and margin */
} PalierDealSizesSpec;

void palier_chart_draw_deal_sizes   (cairo_t                   *cr,
                                     double                     width,
                                     double                     height,
                                     const PalierDealSizesSpec *spec,
                                     const PalierChartStyle    *style);

/* Layout of the deal sizes chart for dragging the minimum: the plot area
 * and the values it shows, mapped as palier_chart_draw_deal_sizes() maps
 * them.  The range is [0, 1] when the chart draws a message. */
typedef struct {
  double  plot_x, plot_y, plot_width, plot_height;
  double  x_min, x_max;             /* deal values shown */
  double  step;                     /* width of one bin */
} PalierDealSizesLayout;

void palier_chart_deal_sizes_layout (double                     width,
                                     double                     height,
                                     const PalierDealSizesSpec *spec,
                                     const PalierChartStyle    *style,
                                     PalierDealSizesLayout     *layout);

#define PALIER_CHART_ERROR (palier_chart_error_quark ())

typedef enum {
  PALIER_CHART_ERROR_RENDER,        /* cairo failed to draw or encode */
} PalierChartError;

GQuark palier_chart_error_quark (void);

typedef enum {
  PALIER_IMAGE_PNG,
  PALIER_IMAGE_SVG,
  PALIER_IMAGE_PDF,
} PalierImageFormat;

/* Format from the file name's extension (.png, .svg, .pdf). */
gboolean palier_image_format_from_path (const char        *path,
                                        PalierImageFormat *out);

typedef void (*PalierChartDrawFunc) (cairo_t *cr,
                                     double   width,
                                     double   height,
                                     gpointer user_data);

/* Renders @draw into a PNG, SVG or PDF file of @width x @height, written
 * to a temporary file and renamed into place, so a failure leaves no
 * partial file at @path.  PNG sizes are rounded up to whole pixels.  The
 * background is what @draw paints (the charts paint white or dark unless
 * their style is transparent).  File errors are in the G_FILE_ERROR
 * domain, cairo failures in PALIER_CHART_ERROR; both name @path. */
gboolean palier_chart_export (const char          *path,
                              PalierImageFormat    format,
                              double               width,
                              double               height,
                              PalierChartDrawFunc  draw,
                              gpointer             user_data,
                              GError             **error);

G_END_DECLS
