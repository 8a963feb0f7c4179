/* palier-chart-curve.c: payout of one component against its base
 *
 * The curve is computed with palier_payout_compute() at evenly spaced
 * bases and, exactly, at each boundary and one millionth below it.  A
 * retroactive cliff is then a vertical step, a marginal kink falls on a
 * computed point, and the point where the cap is reached is found by
 * bisection, so the flat top starts where it should.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-private.h"
#include "palier-money.h"
#include "palier-payout.h"

/* Evenly spaced bases between the boundaries: enough for a smooth
 * interpolated curve on a full-screen chart. */
#define N_SAMPLES 600

/* Rows of boundary labels above the plot before labels are left out.
 * TODO: a label that finds no free row is dropped (its line stays); the
 * designer could show it in a tooltip instead. */
#define MAX_MARKER_ROWS 3

typedef struct {
  PalierDecimal base;               /* money or units */
  double        x;                  /* basis units */
  double        payout;
} CurvePoint;

typedef struct {
  PalierDecimal  boundary;          /* basis units */
  double         x;
  double         payout;            /* at the boundary itself */
  gboolean       has_line;
  int            handle;            /* index in PalierCurveLayout, or -1 */
  PangoLayout   *label;
  guint          row;               /* G_MAXUINT: label left out */
} CurveMarker;

typedef struct {
  const PalierCurveSpec *spec;
  const PalierComponent *component;
  const char            *currency;
  PalierDecimal          quota;
  int                    minor_digits;
  gboolean               attainment;

  GArray                *points;    /* CurvePoint, ascending base */
  GArray                *markers;   /* CurveMarker */
  guint                  n_handles;
  double                 x_max;
  double                 y_data_min;
  double                 y_data_max;
  gboolean               capped;    /* the cap is reached in the range */
  char                  *message;   /* drawn in place of the curve */
  char                  *title;

  PalierChartFrame       frame;
  PalierChartTicks       x_ticks;
  PalierChartTicks       y_ticks;
  PalierChartRect        plot;
  double                 marker_line_height;
  guint                  marker_rows;
  PangoLayout           *cap_label;
} CurveChart;

static void
curve_marker_clear (gpointer data)
{
  CurveMarker *marker = data;

  g_clear_object (&marker->label);
}

static void
curve_chart_clear (CurveChart *chart)
{
  g_clear_pointer (&chart->points, g_array_unref);
  g_clear_pointer (&chart->markers, g_array_unref);
  g_clear_pointer (&chart->message, g_free);
  g_clear_pointer (&chart->title, g_free);
  g_clear_object (&chart->cap_label);
  _palier_chart_frame_clear (&chart->frame);
  _palier_chart_ticks_clear (&chart->x_ticks);
  _palier_chart_ticks_clear (&chart->y_ticks);
}

/* Bases and payouts */

/* The smallest base that reaches @boundary: the boundary itself, or for
 * an attainment basis the quota times the boundary rounded up, because
 * attainment is reached when base >= boundary * quota exactly. */
static PalierDecimal
base_for_boundary (const CurveChart *chart,
                   PalierDecimal     boundary)
{
  PalierWide product;
  PalierWide rounded;

  if (!chart->attainment)
    return boundary;

  product = palier_decimal_mul_wide (boundary, chart->quota);
  rounded = product / PALIER_DECIMAL_ONE;
  if (product > 0 && product % PALIER_DECIMAL_ONE != 0)
    rounded++;
  return (PalierDecimal) CLAMP (rounded, (PalierWide) PALIER_DECIMAL_MIN,
                                (PalierWide) PALIER_DECIMAL_MAX);
}

static double
x_for_base (const CurveChart *chart,
            PalierDecimal     base)
{
  if (chart->attainment)
    return palier_decimal_to_double (base) / palier_decimal_to_double (chart->quota);
  return palier_decimal_to_double (base);
}

static gboolean
compute_payout (const CurveChart  *chart,
                PalierDecimal      base,
                PalierDecimal     *out_payout,
                GError           **error)
{
  PalierPayoutInput input = {
    .base = base,
    .has_quota = chart->quota > 0,
    .quota = chart->quota,
    .segment = chart->spec->segment,
    .minor_digits = chart->minor_digits,
  };

  return palier_payout_compute (chart->component, &input, out_payout, NULL, error);
}

static int
compare_decimals (gconstpointer a,
                  gconstpointer b)
{
  PalierDecimal left = *(const PalierDecimal *) a;
  PalierDecimal right = *(const PalierDecimal *) b;

  return (left > right) - (left < right);
}

/* Bases to compute: evenly spaced ones, and each boundary with the base
 * one millionth below it, ascending and without repeats. */
static GArray *
collect_bases (const CurveChart *chart)
{
  PalierDecimal x_max = _palier_chart_decimal_from_double (chart->x_max);
  PalierDecimal top = base_for_boundary (chart, x_max);
  GArray *bases = g_array_new (FALSE, FALSE, sizeof (PalierDecimal));
  guint n_unique = 0;

  for (guint i = 0; i <= N_SAMPLES; i++)
    {
      PalierDecimal base = (PalierDecimal) ((PalierWide) top * i / N_SAMPLES);

      g_array_append_val (bases, base);
    }

  for (guint i = 0; i < chart->markers->len; i++)
    {
      const CurveMarker *marker = &g_array_index (chart->markers, CurveMarker, i);
      PalierDecimal at = base_for_boundary (chart, marker->boundary);
      PalierDecimal below = at - 1;

      if (at <= 0 || at > top)
        continue;
      g_array_append_val (bases, below);
      g_array_append_val (bases, at);
    }

  g_array_sort (bases, compare_decimals);
  for (guint i = 0; i < bases->len; i++)
    if (n_unique == 0 || g_array_index (bases, PalierDecimal, i) !=
                     g_array_index (bases, PalierDecimal, n_unique - 1))
      g_array_index (bases, PalierDecimal, n_unique++) = g_array_index (bases, PalierDecimal, i);
  g_array_set_size (bases, n_unique);

  return bases;
}

/* Adds the first base that reaches the cap, found by bisection between
 * the last point below it and the first one at it.  Between two computed
 * points there is no boundary, so the curve is straight up to there. */
static gboolean
insert_cap_point (CurveChart  *chart,
                  GError     **error)
{
  PalierDecimal cap = chart->component->cap;
  PalierDecimal low, high;
  CurvePoint point;
  guint index;

  for (index = 0; index < chart->points->len; index++)
    if (g_array_index (chart->points, CurvePoint, index).payout >=
        palier_decimal_to_double (cap))
      break;
  if (index == 0 || index == chart->points->len)
    return TRUE;

  chart->capped = TRUE;
  low = g_array_index (chart->points, CurvePoint, index - 1).base;
  high = g_array_index (chart->points, CurvePoint, index).base;

  while (high - low > 1)
    {
      PalierDecimal middle = low + (high - low) / 2;
      PalierDecimal payout;

      if (!compute_payout (chart, middle, &payout, error))
        return FALSE;
      if (payout >= cap)
        high = middle;
      else
        low = middle;
    }

  if (high == g_array_index (chart->points, CurvePoint, index).base)
    return TRUE;

  point.base = high;
  point.x = x_for_base (chart, high);
  point.payout = palier_decimal_to_double (cap);
  g_array_insert_val (chart->points, index, point);
  return TRUE;
}

static gboolean
compute_points (CurveChart  *chart,
                GError     **error)
{
  g_autoptr(GArray) bases = collect_bases (chart);

  chart->points = g_array_sized_new (FALSE, FALSE, sizeof (CurvePoint), bases->len);
  for (guint i = 0; i < bases->len; i++)
    {
      CurvePoint point;
      PalierDecimal payout;

      point.base = g_array_index (bases, PalierDecimal, i);
      if (!compute_payout (chart, point.base, &payout, error))
        return FALSE;
      point.x = x_for_base (chart, point.base);
      point.payout = palier_decimal_to_double (payout);
      g_array_append_val (chart->points, point);
    }

  if (chart->component->kind == PALIER_COMPONENT_COMMISSION &&
      chart->component->has_cap &&
      !insert_cap_point (chart, error))
    return FALSE;

  for (guint i = 0; i < chart->markers->len; i++)
    {
      CurveMarker *marker = &g_array_index (chart->markers, CurveMarker, i);
      PalierDecimal payout;

      if (!compute_payout (chart, base_for_boundary (chart, marker->boundary),
                           &payout, error))
        return FALSE;
      marker->payout = palier_decimal_to_double (payout);
    }

  chart->y_data_min = 0;
  chart->y_data_max = 0;
  for (guint i = 0; i < chart->points->len; i++)
    {
      double payout = g_array_index (chart->points, CurvePoint, i).payout;

      chart->y_data_min = MIN (chart->y_data_min, payout);
      chart->y_data_max = MAX (chart->y_data_max, payout);
    }

  return TRUE;
}

/* Text of values in basis units */

/* Minimum number of decimals, up to @max_decimals, that shows @value
 * exactly. */
static int
exact_decimals (PalierDecimal value,
                int           max_decimals)
{
  int decimals = 0;

  while (decimals < max_decimals &&
         palier_decimal_round (value, decimals) != value)
    decimals++;
  return decimals;
}

static char *
format_rate (PalierDecimal rate)
{
  /* A rate of 0.0725 is 7.25 %: two more decimals as a percentage. */
  return palier_format_percent (rate, MAX (0, exact_decimals (rate, 6) - 2));
}

static char *
format_basis_value (const CurveChart *chart,
                    PalierDecimal     value)
{
  if (chart->attainment)
    return format_rate (value);
  if (chart->component->measure == PALIER_MEASURE_UNITS)
    return palier_format_number (value, exact_decimals (value, 6));
  return palier_format_money (value, chart->currency);
}

static char *
format_x_tick (double   value,
               double   step,
               gpointer user_data)
{
  const CurveChart *chart = user_data;

  if (chart->attainment)
    return palier_format_percent (_palier_chart_decimal_from_double (value),
                                  _palier_chart_decimals_for_step (step * 100));
  return _palier_chart_format_amount_tick (value, step, NULL);
}

/* Markers: tier and level boundaries, and the gate */

static void
add_marker (CurveChart             *chart,
            const PalierChartTheme *theme,
            PalierDecimal           boundary,
            gboolean                has_line,
            gboolean                has_handle,
            const char             *text)
{
  CurveMarker marker = {
    .boundary = boundary,
    .x = palier_decimal_to_double (boundary),
    .has_line = has_line,
    .handle = has_handle ? (int) chart->n_handles++ : -1,
    .label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, text),
    .row = G_MAXUINT,
  };

  g_array_append_val (chart->markers, marker);
}

static char *
tier_label (const CurveChart *chart,
            const PalierTier *tier)
{
  PalierDecimal value = palier_tier_value_for_segment (tier, chart->spec->segment);
  g_autofree char *amount = NULL;

  if (tier->kind == PALIER_TIER_RATE)
    return format_rate (value);

  amount = palier_format_money (value, chart->currency);
  /* TRANSLATORS: the amount paid for each unit sold in a tier. */
  return g_strdup_printf (_("%s per unit"), amount);
}

/* The first tier starts at zero, on the y axis, so it gets a label but
 * neither a line nor a handle. */
static void
collect_markers (CurveChart             *chart,
                 const PalierChartTheme *theme)
{
  const PalierComponent *component = chart->component;

  chart->markers = g_array_new (FALSE, TRUE, sizeof (CurveMarker));
  g_array_set_clear_func (chart->markers, curve_marker_clear);

  if (component->kind == PALIER_COMPONENT_BONUS)
    {
      for (guint i = 0; i < component->levels->len; i++)
        {
          const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);
          PalierDecimal amount = palier_level_amount_for_segment (level, chart->spec->segment);
          g_autofree char *text = palier_format_money (amount, chart->currency);

          add_marker (chart, theme, level->min, TRUE, TRUE, text);
        }
      return;
    }

  for (guint i = 0; i < component->tiers->len; i++)
    {
      const PalierTier *tier = &g_array_index (component->tiers, PalierTier, i);
      g_autofree char *text = tier_label (chart, tier);

      add_marker (chart, theme, tier->from, i > 0, i > 0, text);
    }

  if (component->has_gate)
    add_marker (chart, theme, component->gate, TRUE, FALSE, _("Gate"));
}

/* About one and a half times the last boundary, rounded to a 1-2-5
 * value; without boundaries, twice the quota, or 200 % of attainment. */
static double
choose_x_max (const CurveChart *chart)
{
  double last = 0;
  double target;
  PalierAxis axis;

  for (guint i = 0; i < chart->markers->len; i++)
    last = MAX (last, g_array_index (chart->markers, CurveMarker, i).x);

  if (last > 0)
    target = 1.5 * last;
  else if (chart->attainment)
    target = 2.0;
  else if (chart->quota > 0)
    target = 2.0 * palier_decimal_to_double (chart->quota);
  else if (chart->component->measure == PALIER_MEASURE_UNITS)
    target = 100;
  else
    target = 10000;

  palier_axis_compute (0, target, 11, TRUE, &axis);
  return axis.max;
}

/* Titles */

static char *
build_note (const CurveChart *chart)
{
  const PalierComponent *component = chart->component;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (component->kind == PALIER_COMPONENT_BONUS)
    g_ptr_array_add (parts, g_strdup (_("Bonus levels")));
  else if (component->method == PALIER_METHOD_RETROACTIVE)
    g_ptr_array_add (parts, g_strdup (_("Retroactive tiers")));
  else if (component->method == PALIER_METHOD_INTERPOLATED)
    g_ptr_array_add (parts, g_strdup (_("Interpolated rates")));
  else
    g_ptr_array_add (parts, g_strdup (_("Marginal tiers")));

  if (chart->spec->segment != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("segment %s"), chart->spec->segment));

  if (chart->attainment)
    {
      g_autofree char *quota = palier_format_money (chart->quota, chart->currency);

      g_ptr_array_add (parts, g_strdup_printf (_("quota %s"), quota));
    }

  if (component->kind == PALIER_COMPONENT_COMMISSION && component->has_gate)
    {
      g_autofree char *gate = format_basis_value (chart, component->gate);

      g_ptr_array_add (parts, g_strdup_printf (_("gate at %s"), gate));
    }

  if (component->kind == PALIER_COMPONENT_COMMISSION && component->has_cap)
    {
      g_autofree char *cap = palier_format_money (component->cap, chart->currency);

      g_ptr_array_add (parts, g_strdup_printf (_("capped at %s per period"), cap));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
build_x_title (const CurveChart *chart)
{
  if (chart->attainment)
    return g_strdup (_("Attainment"));

  switch (chart->component->measure)
    {
    case PALIER_MEASURE_UNITS:
      return g_strdup (_("Units"));
    case PALIER_MEASURE_MARGIN:
      return _palier_chart_amount_title (_("Margin"), chart->currency);
    case PALIER_MEASURE_REVENUE:
    default:
      return _palier_chart_amount_title (_("Sales"), chart->currency);
    }
}

/* Layout */

static double
map_x (const CurveChart *chart,
       double            x)
{
  return chart->plot.x + x / chart->x_max * chart->plot.width;
}

static double
map_y (const CurveChart *chart,
       double            payout)
{
  const PalierAxis *axis = &chart->y_ticks.axis;

  return chart->plot.y + chart->plot.height -
         (payout - axis->min) / (axis->max - axis->min) * chart->plot.height;
}

static double
marker_band_top (const CurveChart       *chart,
                 const PalierChartTheme *theme)
{
  return theme->spacing + chart->frame.title_height;
}

/* Puts each marker label just right of its line, in the first row where
 * it clears the previous label, and returns the rows needed. */
static guint
place_markers (CurveChart             *chart,
               const PalierChartTheme *theme,
               double                  width,
               double                 *label_x)
{
  double row_right[MAX_MARKER_ROWS];
  guint rows = 0;

  for (guint r = 0; r < MAX_MARKER_ROWS; r++)
    row_right[r] = -G_MAXDOUBLE;

  for (guint i = 0; i < chart->markers->len; i++)
    {
      CurveMarker *marker = &g_array_index (chart->markers, CurveMarker, i);
      double label_width;
      double x;

      marker->row = G_MAXUINT;
      if (marker->x > chart->x_max)
        continue;

      _palier_chart_text_size (marker->label, &label_width, NULL);
      x = map_x (chart, marker->x) + theme->spacing / 3;
      x = MIN (x, width - theme->spacing - label_width);
      label_x[i] = x;

      for (guint r = 0; r < MAX_MARKER_ROWS; r++)
        if (x >= row_right[r] + theme->spacing)
          {
            marker->row = r;
            row_right[r] = x + label_width;
            rows = MAX (rows, r + 1);
            break;
          }
    }

  return rows;
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const CurveMarker *left = a;
  const CurveMarker *right = b;

  return (left->x > right->x) - (left->x < right->x);
}

static void
curve_chart_layout (CurveChart             *chart,
                    const PalierChartTheme *theme,
                    double                  width,
                    double                  height,
                    double                 *label_x)
{
  PalierChartAxisSpec x_spec = {
    .data_min = 0,
    .data_max = chart->x_max,
    .include_zero = TRUE,
    .format = format_x_tick,
    .user_data = chart,
  };
  /* Headroom keeps a flat top off the plot's upper edge. */
  PalierChartAxisSpec y_spec = {
    .data_min = chart->y_data_min,
    .data_max = chart->y_data_max * 1.05,
    .include_zero = TRUE,
    .format = _palier_chart_format_amount_tick,
  };
  g_autoptr(PangoLayout) probe = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, "0");
  guint rows = 1;

  _palier_chart_text_size (probe, NULL, &chart->marker_line_height);

  /* More rows of labels shorten the plot, which can change the y labels
   * and so the x mapping: lay out again until the rows suffice. */
  for (guint attempt = 0; attempt < MAX_MARKER_ROWS; attempt++)
    {
      double band = rows * chart->marker_line_height + theme->spacing / 2;
      guint needed;

      _palier_chart_layout_plot (theme, &chart->frame, width, height, band,
                                 &x_spec, &y_spec, &chart->x_ticks, &chart->y_ticks,
                                 &chart->plot);
      needed = place_markers (chart, theme, width, label_x);
      if (needed <= rows)
        break;
      rows = needed;
    }

  for (guint i = 0; i < chart->markers->len; i++)
    {
      CurveMarker *marker = &g_array_index (chart->markers, CurveMarker, i);

      if (marker->row != G_MAXUINT && marker->row >= rows)
        marker->row = G_MAXUINT;
    }
  chart->marker_rows = rows;
}

static char *
check_drawable (const CurveChart *chart)
{
  const PalierComponent *component = chart->component;

  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      if (component->tiers == NULL || component->tiers->len == 0)
        return g_strdup (_("No tiers yet: add a tier to see the payout curve"));
      break;
    case PALIER_COMPONENT_BONUS:
      if (component->levels == NULL || component->levels->len == 0)
        return g_strdup (_("No levels yet: add a level to see the payout curve"));
      break;
    case PALIER_COMPONENT_DEAL_BONUS:
    case PALIER_COMPONENT_REWARD:
    default:
      return g_strdup (_("The payout curve shows commissions and bonuses only"));
    }

  if (chart->attainment && chart->quota <= 0)
    return g_strdup (_("No quota: set a quota to see an attainment payout curve"));

  return NULL;
}

static PalierDecimal
resolve_quota (const PalierCurveSpec *spec)
{
  PalierDecimal quota = 0;

  if (spec->quota > 0)
    return spec->quota;
  if (!palier_program_quota_for_segment (spec->program, spec->segment, &quota))
    return 0;
  return quota;
}

/* Computes the curve and lays it out.  On return either chart->message
 * is set, or the points, markers, ticks and plot area are, with each
 * label's x in @label_x (one per marker, allocated here). */
static void
curve_chart_init (CurveChart             *chart,
                  const PalierChartTheme *theme,
                  double                  width,
                  double                  height,
                  const PalierCurveSpec  *spec,
                  const PalierChartStyle *style,
                  double                **label_x)
{
  const PalierComponent *component = spec->component;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *x_title = NULL;
  g_autofree char *y_title = NULL;

  *chart = (CurveChart) { 0 };
  *label_x = NULL;
  chart->spec = spec;
  chart->component = component;
  chart->currency = spec->program->currency;
  chart->minor_digits = palier_currency_minor_digits (chart->currency);
  chart->attainment = component->basis == PALIER_BASIS_ATTAINMENT;
  chart->quota = resolve_quota (spec);

  if (style->title != NULL)
    chart->title = g_strdup (style->title);
  else
    chart->title = g_strdup (component->name != NULL ? component->name : component->id);

  chart->message = check_drawable (chart);
  if (chart->message != NULL)
    return;

  collect_markers (chart, theme);
  g_array_sort (chart->markers, compare_markers);
  chart->x_max = choose_x_max (chart);
  if (!compute_points (chart, &error))
    {
      chart->message = g_strdup (error->message);
      return;
    }

  note = build_note (chart);
  x_title = build_x_title (chart);
  y_title = _palier_chart_amount_title (_("Payout"), chart->currency);
  _palier_chart_frame_init (&chart->frame, theme, width, chart->title, note,
                            x_title, y_title);

  if (chart->capped)
    {
      g_autofree char *cap = palier_format_money (component->cap, chart->currency);
      g_autofree char *text = g_strdup_printf (_("Cap %s"), cap);

      chart->cap_label = _palier_chart_text_new (theme, PALIER_CHART_TEXT_NOTE, text);
    }

  *label_x = g_new0 (double, chart->markers->len);
  curve_chart_layout (chart, theme, width, height, *label_x);
  if (_palier_chart_plot_is_usable (theme, &chart->plot))
    return;

  _palier_chart_frame_make_compact (&chart->frame, theme);
  curve_chart_layout (chart, theme, width, height, *label_x);
  if (!_palier_chart_plot_is_usable (theme, &chart->plot))
    chart->message = g_strdup (_("Too small to draw this chart"));
}

/* Drawing */

static void
curve_path (cairo_t          *cr,
            const CurveChart *chart)
{
  for (guint i = 0; i < chart->points->len; i++)
    {
      const CurvePoint *point = &g_array_index (chart->points, CurvePoint, i);

      cairo_line_to (cr, map_x (chart, point->x), map_y (chart, point->payout));
    }
}

static void
draw_curve (cairo_t                *cr,
            const CurveChart       *chart,
            const PalierChartTheme *theme)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 0);
  const CurvePoint *first = &g_array_index (chart->points, CurvePoint, 0);
  const CurvePoint *last = &g_array_index (chart->points, CurvePoint, chart->points->len - 1);
  double zero = map_y (chart, 0);

  cairo_save (cr);
  cairo_rectangle (cr, chart->plot.x, chart->plot.y - 2,
                   chart->plot.width + 2, chart->plot.height + 4);
  cairo_clip (cr);

  cairo_new_path (cr);
  cairo_move_to (cr, map_x (chart, first->x), zero);
  curve_path (cr, chart);
  cairo_line_to (cr, map_x (chart, last->x), zero);
  cairo_close_path (cr);
  _palier_chart_set_color (cr, &color, theme->dark ? 0.22 : 0.15);
  cairo_fill (cr);

  cairo_new_path (cr);
  curve_path (cr, chart);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _palier_chart_set_color (cr, &color, 1.0);
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
draw_markers (cairo_t                *cr,
              const CurveChart       *chart,
              const PalierChartTheme *theme,
              const double           *label_x)
{
  double band_top = marker_band_top (chart, theme);
  static const double dashes[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < chart->markers->len; i++)
    {
      const CurveMarker *marker = &g_array_index (chart->markers, CurveMarker, i);
      double x = round (map_x (chart, marker->x)) + 0.5;
      double label_y = band_top + marker->row * chart->marker_line_height;
      double line_top = chart->plot.y;

      if (marker->x > chart->x_max)
        continue;

      if (marker->row != G_MAXUINT)
        {
          _palier_chart_text_draw (cr, marker->label, label_x[i], label_y,
                                   &theme->secondary);
          line_top = label_y + chart->marker_line_height;
        }

      if (!marker->has_line)
        continue;
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      _palier_chart_set_color (cr, &theme->secondary, 0.8);
      cairo_move_to (cr, x, line_top);
      cairo_line_to (cr, x, chart->plot.y + chart->plot.height);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
draw_cap (cairo_t                *cr,
          const CurveChart       *chart,
          const PalierChartTheme *theme)
{
  static const double dashes[] = { 2, 3 };
  double y = round (map_y (chart, palier_decimal_to_double (chart->component->cap))) + 0.5;
  double label_width, label_height;
  double label_y;

  if (!chart->capped)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  _palier_chart_set_color (cr, &theme->secondary, 0.8);
  cairo_move_to (cr, chart->plot.x, y);
  cairo_line_to (cr, chart->plot.x + chart->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Under the line when there is no room above it in the plot. */
  _palier_chart_text_size (chart->cap_label, &label_width, &label_height);
  label_y = y - label_height - 2;
  if (label_y < chart->plot.y)
    label_y = y + 2;
  _palier_chart_text_draw (cr, chart->cap_label,
                           chart->plot.x + chart->plot.width - label_width - 2,
                           label_y, &theme->secondary);
}

static void
draw_handles (cairo_t                *cr,
              const CurveChart       *chart,
              const PalierChartTheme *theme)
{
  PalierChartColor color = _palier_chart_palette_color (theme, 0);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);

  for (guint i = 0; i < chart->markers->len; i++)
    {
      const CurveMarker *marker = &g_array_index (chart->markers, CurveMarker, i);

      if (marker->handle < 0 || marker->x > chart->x_max)
        continue;

      cairo_new_path (cr);
      cairo_arc (cr, map_x (chart, marker->x), map_y (chart, marker->payout),
                 4, 0, 2 * G_PI);
      _palier_chart_set_color (cr, &color, 1.0);
      cairo_fill_preserve (cr);
      _palier_chart_set_color (cr, &theme->background, 1.0);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
curve_chart_draw (cairo_t                *cr,
                  const CurveChart       *chart,
                  const PalierChartTheme *theme,
                  double                  width,
                  double                  height,
                  const double           *label_x)
{
  _palier_chart_paint_background (cr, theme, width, height);
  _palier_chart_frame_draw (cr, theme, &chart->frame, width, height, &chart->plot);
  _palier_chart_draw_y_ticks (cr, theme, &chart->plot, &chart->y_ticks,
                              chart->y_ticks.axis.min, chart->y_ticks.axis.max);
  _palier_chart_draw_x_ticks (cr, theme, &chart->plot, &chart->x_ticks,
                              0, chart->x_max, TRUE);
  draw_markers (cr, chart, theme, label_x);
  draw_cap (cr, chart, theme);
  draw_curve (cr, chart, theme);
  draw_handles (cr, chart, theme);
  _palier_chart_draw_axis_lines (cr, theme, &chart->plot);
}

static const PalierChartStyle default_style = { 0 };

void
palier_chart_draw_payout_curve (cairo_t                *cr,
                                double                  width,
                                double                  height,
                                const PalierCurveSpec  *spec,
                                const PalierChartStyle *style)
{
  PalierChartTheme theme;
  CurveChart chart;
  g_autofree double *label_x = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (spec->program != NULL);
  g_return_if_fail (spec->component != NULL);

  if (style == NULL)
    style = &default_style;

  _palier_chart_theme_init (&theme, style);
  curve_chart_init (&chart, &theme, width, height, spec, style, &label_x);

  cairo_save (cr);
  if (chart.message != NULL)
    _palier_chart_draw_message (cr, &theme, width, height, chart.title, chart.message);
  else
    curve_chart_draw (cr, &chart, &theme, width, height, label_x);
  cairo_restore (cr);

  curve_chart_clear (&chart);
  _palier_chart_theme_clear (&theme);
}

void
palier_chart_payout_curve_layout (double                  width,
                                  double                  height,
                                  const PalierCurveSpec  *spec,
                                  const PalierChartStyle *style,
                                  PalierCurveLayout      *layout)
{
  PalierChartTheme theme;
  CurveChart chart;
  g_autofree double *label_x = NULL;

  g_return_if_fail (layout != NULL);

  *layout = (PalierCurveLayout) {
    .plot_width = width,
    .plot_height = height,
    .x_max = 1,
    .y_max = 1,
  };

  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (spec->program != NULL);
  g_return_if_fail (spec->component != NULL);

  if (style == NULL)
    style = &default_style;

  _palier_chart_theme_init (&theme, style);
  curve_chart_init (&chart, &theme, width, height, spec, style, &label_x);

  if (chart.message == NULL)
    {
      layout->plot_x = chart.plot.x;
      layout->plot_y = chart.plot.y;
      layout->plot_width = chart.plot.width;
      layout->plot_height = chart.plot.height;
      layout->x_min = 0;
      layout->x_max = chart.x_max;
      layout->y_min = chart.y_ticks.axis.min;
      layout->y_max = chart.y_ticks.axis.max;
      layout->n_handles = chart.n_handles;
      layout->handle_x = g_new0 (double, chart.n_handles);
      layout->handle_y = g_new0 (double, chart.n_handles);

      for (guint i = 0; i < chart.markers->len; i++)
        {
          const CurveMarker *marker = &g_array_index (chart.markers, CurveMarker, i);

          if (marker->handle < 0)
            continue;
          layout->handle_x[marker->handle] = map_x (&chart, marker->x);
          layout->handle_y[marker->handle] = map_y (&chart, marker->payout);
        }
    }

  curve_chart_clear (&chart);
  _palier_chart_theme_clear (&theme);
}

void
palier_curve_layout_clear (PalierCurveLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->handle_x, g_free);
  g_clear_pointer (&layout->handle_y, g_free);
  *layout = (PalierCurveLayout) { 0 };
}
