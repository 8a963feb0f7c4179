/* palier-chart-view.c: a widget that shows one of the core's charts
 *
 * The drawing itself is the core's (palier_chart_draw_*), so the window
 * and the exported files look the same.  This widget only keeps what to
 * draw and redraws when the style switches between light and dark.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <adwaita.h>

#include "palier-chart-view.h"

struct _PalierChartView
{
  GtkDrawingArea parent_instance;

  PalierChartKind kind;
  PalierResult *result;
  PalierProgram *program;
  char *component_id;
};

G_DEFINE_FINAL_TYPE (PalierChartView, palier_chart_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
palier_chart_view_init_style (GtkWidget        *widget,
                              PalierChartStyle *style)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (context);

  *style = (PalierChartStyle) { 0 };
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* Charts a little smaller than the text around them, as axis labels
   * usually are. */
  if (font != NULL && !pango_font_description_get_size_is_absolute (font) &&
      pango_font_description_get_size (font) > 0)
    style->font_size = 0.9 * pango_font_description_get_size (font) / PANGO_SCALE;
}

static void
draw_curve (PalierChartView        *self,
            cairo_t                *cr,
            int                     width,
            int                     height,
            const PalierChartStyle *style)
{
  PalierCurveSpec spec = { 0 };
  const PalierComponent *component;

  if (self->program == NULL || self->component_id == NULL)
    return;

  component = palier_program_find_component (self->program, self->component_id);
  if (component == NULL)
    return;

  spec.program = self->program;
  spec.component = component;
  spec.segment = NULL;
  spec.quota = self->program->has_quota ? self->program->quota : 0;

  palier_chart_draw_payout_curve (cr, width, height, &spec, style);
}

static void
palier_chart_view_draw (GtkDrawingArea *area,
                        cairo_t        *cr,
                        int             width,
                        int             height,
                        gpointer        user_data)
{
  PalierChartView *self = PALIER_CHART_VIEW (area);
  PalierChartStyle style;

  palier_chart_view_init_style (GTK_WIDGET (area), &style);

  switch (self->kind)
    {
    case PALIER_CHART_PAYOUT_CURVE:
      draw_curve (self, cr, width, height, &style);
      break;

    case PALIER_CHART_PERIODS:
      if (self->result != NULL)
        palier_chart_draw_periods (cr, width, height, self->result, &style);
      break;

    case PALIER_CHART_DISTRIBUTION:
      if (self->result != NULL)
        palier_chart_draw_distribution (cr, width, height, self->result, &style);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
palier_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PalierChartView *self = PALIER_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      if (!palier_chart_kind_from_string (g_value_get_string (value), &self->kind))
        g_critical ("Unknown chart kind “%s”", g_value_get_string (value));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PalierChartView *self = PALIER_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_string (value, palier_chart_kind_to_string (self->kind));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_chart_view_finalize (GObject *object)
{
  PalierChartView *self = PALIER_CHART_VIEW (object);

  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_pointer (&self->program, palier_program_unref);
  g_clear_pointer (&self->component_id, g_free);

  G_OBJECT_CLASS (palier_chart_view_parent_class)->finalize (object);
}

static void
palier_chart_view_class_init (PalierChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = palier_chart_view_set_property;
  object_class->get_property = palier_chart_view_get_property;
  object_class->finalize = palier_chart_view_finalize;

  /* The chart's name as palier_chart_kind_from_string() reads it:
   * "payout-curve", "periods" or "distribution". */
  properties[PROP_CHART] =
    g_param_spec_string ("chart", NULL, NULL,
                         "payout-curve",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "palier-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
palier_chart_view_init (PalierChartView *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self),
                                  palier_chart_view_draw, NULL, NULL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

void
palier_chart_view_set_result (PalierChartView *self,
                              PalierResult    *result)
{
  g_return_if_fail (PALIER_IS_CHART_VIEW (self));

  if (result != NULL)
    palier_result_ref (result);
  g_clear_pointer (&self->result, palier_result_unref);
  self->result = result;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
palier_chart_view_set_curve (PalierChartView *self,
                             PalierProgram   *program,
                             const char      *component_id)
{
  g_return_if_fail (PALIER_IS_CHART_VIEW (self));

  if (program != NULL)
    palier_program_ref (program);
  g_clear_pointer (&self->program, palier_program_unref);
  self->program = program;
  g_free (self->component_id);
  self->component_id = g_strdup (component_id);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
