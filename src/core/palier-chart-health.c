/* palier-chart-health.c: Lorenz curve of partner cost, and the partners
 * near each cliff
 *
 * The left part plots the Lorenz curve: partners sorted by cost, lowest
 * first, the cumulative share of partners across and of cost up, with
 * the line of equality for comparison.  The right part has one bar per
 * boundary (component and tier or level) with the partners just below
 * it, most first, at most MAX_BARS of them.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-health.h"
#include "palier-money.h"

#define MAX_BARS 8

/* Share of the width that the Lorenz curve takes when there are bars. */
#define CURVE_SHARE 0.6

typedef struct {
  const char *component;
  guint       index;
  gboolean    gate;
  GHashTable *partners;                 /* partner codes, borrowed */
} Boundary;

static void
boundary_clear (gpointer data)
{
  Boundary *boundary = data;

  g_clear_pointer (&boundary->partners, g_hash_table_unref);
}

static gint
compare_boundaries (gconstpointer a,
                    gconstpointer b)
{
  const Boundary *ba = a;
  const Boundary *bb = b;
  guint na = g_hash_table_size (ba->partners);
  guint nb = g_hash_table_size (bb->partners);
  int order;

  if (na != nb)
    return na > nb ? -1 : 1;
  order = strcmp (ba->component, bb->component);
  if (order != 0)
    return order;
  if (ba->gate != bb->gate)
    return ba->gate ? -1 : 1;
  return ba->index < bb->index ? -1 : (ba->index > bb->index ? 1 : 0);
}

/* Distinct partners near each boundary, most first. */
static GArray *
count_boundaries (const PalierHealth *health)
{
  GArray *boundaries = g_array_new (FALSE, TRUE, sizeof (Boundary));

  g_array_set_clear_func (boundaries, boundary_clear);
  for (guint i = 0; health->cliffs != NULL && i < health->cliffs->len; i++)
    {
      const PalierCliff *cliff = &g_array_index (health->cliffs, PalierCliff, i);
      Boundary *found = NULL;

      for (guint b = 0; found == NULL && b < boundaries->len; b++)
        {
          Boundary *boundary = &g_array_index (boundaries, Boundary, b);

          if (boundary->index == cliff->index && boundary->gate == cliff->gate &&
              g_str_equal (boundary->component, cliff->component))
            found = boundary;
        }

      if (found == NULL)
        {
          Boundary boundary = { cliff->component, cliff->index, cliff->gate,
                                g_hash_table_new (g_str_hash, g_str_equal) };

          g_array_append_val (boundaries, boundary);
          found = &g_array_index (boundaries, Boundary, boundaries->len - 1);
        }
      g_hash_table_add (found->partners, cliff->partner);
    }

  g_array_sort (boundaries, compare_boundaries);
  return boundaries;
}

static char *
format_share_tick (double   value,
                   double   step,
                   gpointer user_data)
{
  return palier_format_percent (_palier_chart_decimal_from_double (value), 0);
}

static char *
build_note (const PalierHealth *health)
{
  g_autofree char *gini = palier_format_number (health->gini, 2);
  g_autofree char *top = palier_format_percent (health->top_decile_share, 0);

  /* TRANSLATORS: the Gini coefficient of partner cost, then the share
   * of cost earned by the top tenth of partners. */
  return g_strdup_printf (_("Gini %s · top 10 %% of partners: %s of the cost"), gini, top);
}

static void
map_point (const PalierChartRect *plot,
           double                 x,
           double                 y,
           double                *out_x,
           double                *out_y)
{
  *out_x = plot->x + x * plot->width;
  *out_y = plot->y + plot->height - y * plot->height;
}

/* Draws the line of equality, then the curve through (i / n, cost of
 * the i lowest / total cost). */
static void
draw_lorenz (cairo_t                *cr,
             const PalierChartTheme *theme,
             const PalierChartRect  *plot,
             const PalierHealth     *health)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 0);
  guint n = health->rates->len;
  double total = 0, sum = 0, x, y;
  static const double dash[] = { 4.0, 3.0 };

  for (guint i = 0; i < n; i++)
    total += MAX (palier_decimal_to_double (g_array_index (health->rates, PalierEffectiveRate, i).cost), 0);

  cairo_save (cr);
  _palier_chart_set_color (cr, &theme->secondary, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  map_point (plot, 0, 0, &x, &y);
  cairo_move_to (cr, x, y);
  map_point (plot, 1, 1, &x, &y);
  cairo_line_to (cr, x, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  map_point (plot, 0, 0, &x, &y);
  cairo_move_to (cr, x, y);
  for (guint i = 0; i < n; i++)
    {
      /* Rates are sorted by cost, largest first. */
      const PalierEffectiveRate *rate = &g_array_index (health->rates, PalierEffectiveRate, n - 1 - i);

      sum += MAX (palier_decimal_to_double (rate->cost), 0);
      map_point (plot, (double) (i + 1) / n, total > 0 ? sum / total : 0, &x, &y);
      cairo_line_to (cr, x, y);
    }
  map_point (plot, 1, 0, &x, &y);
  cairo_line_to (cr, x, y);
  cairo_close_path (cr);
  _palier_chart_set_color (cr, &color, 0.18);
  cairo_fill_preserve (cr);
  _palier_chart_set_color (cr, &color, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
boundary_label (const PalierHealth *health,
                const Boundary     *boundary)
{
  const PalierComponent *component = palier_program_find_component (health->program,
                                                                     boundary->component);
  const char *name = component != NULL ? component->name : boundary->component;

  if (boundary->gate)
    /* TRANSLATORS: a component's name and its gate, the minimum below
     * which it pays nothing. */
    return g_strdup_printf (_("%s, gate"), name);
  if (component != NULL && component->kind == PALIER_COMPONENT_BONUS)
    /* TRANSLATORS: a bonus component's name and the level's number. */
    return g_strdup_printf (_("%s, level %u"), name, boundary->index + 1);
  /* TRANSLATORS: a commission's name and the tier's number. */
  return g_strdup_printf (_("%s, tier %u"), name, boundary->index + 1);
}

/* Draws the bars in @area: each a label line, then a bar with its count. */
static void
draw_bars (cairo_t                *cr,
           const PalierChartTheme *theme,
           const PalierChartRect  *area,
           const PalierHealth     *health,
           GArray                 *boundaries)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 1);
  g_autoptr(PangoLayout) heading = NULL;
  g_autofree char *heading_text = NULL;
  g_autofree char *near = palier_format_percent (health->near, 0);
  guint n_bars = MIN (boundaries->len, MAX_BARS);
  guint max_count = 0;
  double y = area->y, heading_height, slot;

  heading_text = g_strdup_printf (_("Partners within %s below a boundary"), near);
  heading = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, heading_text);
  _palier_chart_text_ellipsize (heading, area->width);
  _palier_chart_text_size (heading, NULL, &heading_height);
  _palier_chart_text_draw (cr, heading, area->x, y, &theme->foreground);
  y += heading_height + theme->spacing;

  if (n_bars == 0)
    {
      g_autoptr(PangoLayout) none = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL,
                                                            _("None"));

      _palier_chart_text_draw (cr, none, area->x, y, &theme->secondary);
      return;
    }

  for (guint b = 0; b < n_bars; b++)
    max_count = MAX (max_count, g_hash_table_size (g_array_index (boundaries, Boundary, b).partners));

  slot = MIN ((area->y + area->height - y) / n_bars, 4 * theme->font_size);
  for (guint b = 0; b < n_bars; b++)
    {
      const Boundary *boundary = &g_array_index (boundaries, Boundary, b);
      guint count = g_hash_table_size (boundary->partners);
      g_autofree char *label_text = boundary_label (health, boundary);
      g_autofree char *count_text = g_strdup_printf ("%u", count);
      g_autoptr(PangoLayout) label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, label_text);
      g_autoptr(PangoLayout) number = _palier_chart_text_new (theme, PALIER_CHART_TEXT_LABEL, count_text);
      double label_height, number_width, bar_height, bar_width;

      _palier_chart_text_ellipsize (label, area->width);
      _palier_chart_text_size (label, NULL, &label_height);
      _palier_chart_text_size (number, &number_width, NULL);
      _palier_chart_text_draw (cr, label, area->x, y, &theme->foreground);

      bar_height = MAX (2, slot - label_height - theme->spacing / 2);
      bar_height = MIN (bar_height, theme->font_size * 1.4);
      bar_width = (area->width - number_width - theme->spacing) * count / max_count;
      cairo_save (cr);
      _palier_chart_set_color (cr, &color, 1.0);
      cairo_rectangle (cr, area->x, y + label_height, MAX (1, bar_width), bar_height);
      cairo_fill (cr);
      cairo_restore (cr);
      _palier_chart_text_draw (cr, number, area->x + bar_width + theme->spacing / 2,
                               y + label_height + (bar_height - label_height) / 2,
                               &theme->foreground);
      y += slot;
    }
}

static void
health_chart_draw (cairo_t                *cr,
                   const PalierChartTheme *theme,
                   double                  width,
                   double                  height,
                   const PalierHealth     *health,
                   const char             *title)
{
  g_autoptr(GArray) boundaries = count_boundaries (health);
  g_autofree char *note = build_note (health);
  PalierChartFrame frame;
  PalierChartTicks x_ticks = { 0 }, y_ticks = { 0 };
  PalierChartRect plot, bars;
  PalierChartAxisSpec spec = { 0, 1, TRUE, FALSE, format_share_tick, NULL };
  double curve_width = width * CURVE_SHARE;

  _palier_chart_frame_init (&frame, theme, width, title, note,
                            _("Share of partners, lowest cost first"), _("Share of cost"));
  _palier_chart_layout_plot (theme, &frame, curve_width, height, 0, &spec, &spec,
                             &x_ticks, &y_ticks, &plot);
  if (!_palier_chart_plot_is_usable (theme, &plot))
    {
      _palier_chart_frame_make_compact (&frame, theme);
      _palier_chart_layout_plot (theme, &frame, curve_width, height, 0, &spec, &spec,
                                 &x_ticks, &y_ticks, &plot);
    }

  if (!_palier_chart_plot_is_usable (theme, &plot))
    _palier_chart_draw_message (cr, theme, width, height, title,
                                _("Too small to draw this chart"));
  else
    {
      _palier_chart_paint_background (cr, theme, width, height);
      _palier_chart_frame_draw (cr, theme, &frame, curve_width, height, &plot);
      _palier_chart_draw_y_ticks (cr, theme, &plot, &y_ticks, 0, 1);
      _palier_chart_draw_x_ticks (cr, theme, &plot, &x_ticks, 0, 1, TRUE);
      draw_lorenz (cr, theme, &plot, health);
      _palier_chart_draw_axis_lines (cr, theme, &plot);

      bars.x = curve_width + 2 * theme->spacing;
      bars.y = plot.y;
      bars.width = MAX (1, width - bars.x - theme->spacing);
      bars.height = plot.height;
      draw_bars (cr, theme, &bars, health, boundaries);
    }

  _palier_chart_frame_clear (&frame);
  _palier_chart_ticks_clear (&x_ticks);
  _palier_chart_ticks_clear (&y_ticks);
}

static const PalierChartStyle default_style = { 0 };

void
palier_chart_draw_health (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const PalierHealth     *health,
                          const PalierChartStyle *style)
{
  PalierChartTheme theme;
  const char *title;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (health != NULL);

  if (style == NULL)
    style = &default_style;
  title = style->title != NULL ? style->title : _("Program health");

  _palier_chart_theme_init (&theme, style);
  cairo_save (cr);

  if (health->rates == NULL || health->n_paid == 0)
    _palier_chart_draw_message (cr, &theme, width, height, title, _("No partner has a cost"));
  else
    health_chart_draw (cr, &theme, width, height, health, title);

  cairo_restore (cr);
  _palier_chart_theme_clear (&theme);
}
