/* palier-sales-chart.c: bar chart of the sales of each month
 *
 * TODO: move the drawing into the core's palier-chart.c as a
 * sales-per-period chart, so that it can be exported like the others.
 * Until then this widget only draws what the workspace summed.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "palier-sales-chart.h"

/* Space around the plot and between a label and the plot, in pixels. */
#define PADDING 8
#define LABEL_GAP 6

/* Fraction of a month's slot that its bar fills. */
#define BAR_FILL 0.72

#define MAX_Y_TICKS 6

struct _PalierSalesChart
{
  GtkDrawingArea parent_instance;

  GArray *months;                       /* PalierMonthSales */
  char *currency;
};

G_DEFINE_FINAL_TYPE (PalierSalesChart, palier_sales_chart, GTK_TYPE_DRAWING_AREA)

/* Where the plot falls in the widget, and the axis it shows. */
typedef struct {
  double x, y, width, height;
  PalierAxis axis;
} Plot;

static char *
format_month (gint32 month)
{
  g_autoptr(GDateTime) date = NULL;

  date = g_date_time_new_utc (month / 12, month % 12 + 1, 1, 0, 0, 0);

  /* Translators: label of a month on the sales chart's axis,
   * see g_date_time_format(): "Jan 2017". */
  return g_date_time_format (date, _("%b %Y"));
}

static char *
format_tick (double value,
             double step)
{
  PalierDecimal decimal = (PalierDecimal) llround (value * PALIER_DECIMAL_ONE);

  return palier_format_number (decimal, step < 1.0 ? 2 : 0);
}

static void
get_text_size (GtkWidget  *widget,
               const char *text,
               int        *width,
               int        *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_get_pixel_size (layout, width, height);
}

static void
compute_axis (PalierSalesChart *self,
              PalierAxis       *axis)
{
  double low = 0.0;
  double high = 0.0;

  for (guint i = 0; i < self->months->len; i++)
    {
      double value = palier_decimal_to_double (g_array_index (self->months, PalierMonthSales, i).sales);

      low = MIN (low, value);
      high = MAX (high, value);
    }

  if (high <= low)
    high = low + 1.0;

  palier_axis_compute (low, high, MAX_Y_TICKS, TRUE, axis);
}

/* Lays the plot out: the y labels take the left margin, one line of
 * month labels the bottom. */
static void
compute_plot (PalierSalesChart *self,
              int               width,
              int               height,
              Plot             *plot)
{
  int label_width = 0;
  int label_height = 0;

  compute_axis (self, &plot->axis);

  for (guint i = 0; i < plot->axis.n_ticks; i++)
    {
      g_autofree char *text = format_tick (plot->axis.min + i * plot->axis.step, plot->axis.step);
      int w, h;

      get_text_size (GTK_WIDGET (self), text, &w, &h);
      label_width = MAX (label_width, w);
      label_height = MAX (label_height, h);
    }

  plot->x = PADDING + label_width + LABEL_GAP;
  plot->y = PADDING + label_height / 2.0;
  plot->width = MAX (1.0, width - plot->x - PADDING);
  plot->height = MAX (1.0, height - plot->y - PADDING - label_height - LABEL_GAP);
}

static double
value_to_y (const Plot *plot,
            double      value)
{
  double span = plot->axis.max - plot->axis.min;

  return plot->y + plot->height * (plot->axis.max - value) / span;
}

static void
draw_grid (PalierSalesChart *self,
           cairo_t          *cr,
           const Plot       *plot,
           const GdkRGBA    *fg)
{
  for (guint i = 0; i < plot->axis.n_ticks; i++)
    {
      double value = plot->axis.min + i * plot->axis.step;
      double y = round (value_to_y (plot, value)) + 0.5;
      g_autofree char *text = format_tick (value, plot->axis.step);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int w, h;

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fabs (value) < plot->axis.step / 2 ? 0.45 : 0.12);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      cairo_move_to (cr, plot->x - LABEL_GAP - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Labels every @every months, on months that are a multiple of it so that
 * quarters and years line up. */
static guint
label_interval (PalierSalesChart *self,
                const Plot       *plot)
{
  static const guint intervals[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  g_autofree char *sample = format_month (2000 * 12 + 8);
  double slot = plot->width / self->months->len;
  int w, h;

  get_text_size (GTK_WIDGET (self), sample, &w, &h);

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (slot * intervals[i] >= w + 2 * LABEL_GAP)
      return intervals[i];

  return intervals[G_N_ELEMENTS (intervals) - 1];
}

static void
draw_bars (PalierSalesChart *self,
           cairo_t          *cr,
           const Plot       *plot,
           const GdkRGBA    *fg,
           const GdkRGBA    *accent)
{
  double slot = plot->width / self->months->len;
  double zero = value_to_y (plot, 0.0);
  guint every = label_interval (self, plot);

  for (guint i = 0; i < self->months->len; i++)
    {
      const PalierMonthSales *month = &g_array_index (self->months, PalierMonthSales, i);
      double value = palier_decimal_to_double (month->sales);
      double top = value_to_y (plot, value);
      double x = plot->x + slot * i + slot * (1.0 - BAR_FILL) / 2.0;

      gdk_cairo_set_source_rgba (cr, accent);
      cairo_rectangle (cr, x, MIN (top, zero), slot * BAR_FILL, fabs (zero - top));
      cairo_fill (cr);

      if (month->month % every == 0)
        {
          g_autofree char *text = format_month (month->month);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
          cairo_move_to (cr, x + slot * BAR_FILL / 2.0 - w / 2.0,
                         plot->y + plot->height + LABEL_GAP);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

static void
palier_sales_chart_draw (GtkDrawingArea *area,
                         cairo_t        *cr,
                         int             width,
                         int             height,
                         gpointer        user_data)
{
  PalierSalesChart *self = PALIER_SALES_CHART (area);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg;
  GdkRGBA accent;
  Plot plot;

  if (self->months->len == 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  compute_plot (self, width, height, &plot);
  draw_grid (self, cr, &plot, &fg);
  draw_bars (self, cr, &plot, &fg, &accent);
}

static gboolean
palier_sales_chart_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  PalierSalesChart *self = PALIER_SALES_CHART (widget);
  const PalierMonthSales *month;
  g_autofree char *month_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *text = NULL;
  Plot plot;
  int index;

  if (self->months->len == 0)
    return FALSE;

  compute_plot (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget), &plot);
  if (x < plot.x || x >= plot.x + plot.width)
    return FALSE;

  index = (int) ((x - plot.x) / (plot.width / self->months->len));
  if (index < 0 || (guint) index >= self->months->len)
    return FALSE;

  month = &g_array_index (self->months, PalierMonthSales, index);
  month_text = format_month (month->month);
  amount_text = palier_format_money (month->sales, self->currency);
  /* Translators: tooltip of a bar of the sales chart: "Jan 2017: $12,345.00". */
  text = g_strdup_printf (_("%s: %s"), month_text, amount_text);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
palier_sales_chart_finalize (GObject *object)
{
  PalierSalesChart *self = PALIER_SALES_CHART (object);

  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (palier_sales_chart_parent_class)->finalize (object);
}

static void
palier_sales_chart_class_init (PalierSalesChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = palier_sales_chart_finalize;
  widget_class->query_tooltip = palier_sales_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "palier-sales-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
palier_sales_chart_init (PalierSalesChart *self)
{
  self->months = g_array_new (FALSE, FALSE, sizeof (PalierMonthSales));
  self->currency = g_strdup ("EUR");

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self),
                                  palier_sales_chart_draw, NULL, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

void
palier_sales_chart_set_months (PalierSalesChart       *self,
                               const PalierMonthSales *months,
                               guint                   n_months,
                               const char             *currency)
{
  g_return_if_fail (PALIER_IS_SALES_CHART (self));
  g_return_if_fail (months != NULL || n_months == 0);

  g_array_set_size (self->months, 0);
  g_array_append_vals (self->months, months, n_months);

  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "EUR");

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
