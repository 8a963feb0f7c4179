/* palier-curve-editor.c: the payout curve of a component, with handles
 *
 * A drag maps pointer offsets to values with the layout of the moment it
 * began.  The chart rescales its axes as boundaries move, and mapping
 * through the new axes would make the handle run away from the pointer.
 * Left and right move the boundary by the base shown per pixel.  Up and
 * down change the rate by the slope of the plot's diagonal per pixel: a
 * drag over the plot's height adds the rate that would climb from the
 * bottom to the top of the plot over its width.  Each direction has a
 * dead zone of a few pixels, so a straight drag changes one value only.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-curve-editor.h"
#include "palier-program-edits.h"

/* Pixels a pointer may stray along one direction without changing its
 * value, and how far from a handle's centre a press still catches it. */
#define DEAD_ZONE    4.0
#define HANDLE_REACH 10.0

/* How a handle's values follow the pointer and where they snap. */
typedef struct {
  double        from_per_pixel;         /* basis units */
  double        value_per_pixel;        /* rate, or money */
  PalierDecimal from_step;
  PalierDecimal value_step;
} Scales;

typedef struct {
  guint          handle;
  guint          row;
  PalierProgram *start_program;
  PalierDecimal  start_from;
  PalierDecimal  start_value;
  Scales         scales;
  double         x;
  double         y;
  char          *summary;               /* NULL while nothing changed */
  char          *label;
} Drag;

struct _PalierCurveEditor
{
  GtkWidget parent_instance;

  GtkWidget *area;
  GtkWidget *label;

  PalierProgram *program;
  guint component;
  char *segment;                        /* whose overrides the curve draws, or NULL */
  Drag *drag;
  int focus_handle;                     /* -1: none */
  int hover_handle;                     /* -1: none */
};

G_DEFINE_FINAL_TYPE (PalierCurveEditor, palier_curve_editor, GTK_TYPE_WIDGET)

enum {
  PREVIEW,
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drag_free (Drag *drag)
{
  palier_program_unref (drag->start_program);
  g_free (drag->summary);
  g_free (drag->label);
  g_free (drag);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Drag, drag_free)

/* Layout */

static const PalierComponent *
current_component (PalierCurveEditor *self)
{
  if (self->program == NULL || self->component >= self->program->components->len)
    return NULL;

  return g_ptr_array_index (self->program->components, self->component);
}

/* Sets *@out_quota to the quota of one period of the component, for
 * @segment or the program's own when @segment is NULL.  A component
 * period longer than the program's spans several program periods, and
 * its quota is the sum of theirs. */
static gboolean
find_component_quota (PalierCurveEditor *self,
                      const char        *segment,
                      PalierDecimal     *out_quota)
{
  const PalierComponent *component = current_component (self);
  PalierDecimal quota = 0;
  int n_periods = 1;

  if (!palier_program_quota_for_segment (self->program, segment, &quota) || quota <= 0)
    return FALSE;

  if (component->has_period)
    n_periods = MAX (palier_period_kind_months (component->period) /
                     palier_period_kind_months (self->program->period), 1);

  if (quota > G_MAXINT64 / n_periods)
    return FALSE;

  *out_quota = quota * n_periods;
  return TRUE;
}

static void
init_spec (PalierCurveEditor *self,
           PalierCurveSpec   *spec)
{
  *spec = (PalierCurveSpec) { 0 };
  spec->program = self->program;
  spec->component = current_component (self);
  spec->segment = self->segment;
  if (!find_component_quota (self, self->segment, &spec->quota))
    spec->quota = 0;
}

/* Computes the layout at the widget's size now.  Returns FALSE when
 * there is no curve to lay out. */
static gboolean
compute_layout (PalierCurveEditor *self,
                PalierCurveLayout *layout)
{
  int width = gtk_widget_get_width (self->area);
  int height = gtk_widget_get_height (self->area);
  PalierChartStyle style;
  PalierCurveSpec spec;

  *layout = (PalierCurveLayout) { 0 };
  if (current_component (self) == NULL || width <= 0 || height <= 0)
    return FALSE;

  init_spec (self, &spec);
  palier_chart_view_init_style (self->area, &style);
  palier_chart_payout_curve_layout (width, height, &spec, &style, layout);

  return TRUE;
}

static guint
row_for_handle (const PalierComponent *component,
                guint                  handle)
{
  if (component == NULL || component->kind != PALIER_COMPONENT_COMMISSION)
    return handle;

  return handle + 1;
}

/* Drawing */

static void
draw_ring (cairo_t *cr,
           double   x,
           double   y,
           double   radius,
           gboolean dark)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (dark)
    cairo_set_source_rgba (cr, 0.47, 0.68, 0.93, 1.0);
  else
    cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  PalierCurveEditor *self = user_data;
  PalierCurveLayout layout;
  PalierChartStyle style;
  PalierCurveSpec spec;
  int active;

  if (current_component (self) == NULL)
    return;

  init_spec (self, &spec);
  palier_chart_view_init_style (GTK_WIDGET (area), &style);
  palier_chart_draw_payout_curve (cr, width, height, &spec, &style);

  /* The handle under the pointer, dragged or focused gets a ring. */
  active = self->drag != NULL ? (int) self->drag->handle : self->hover_handle;
  if (active < 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    active = self->focus_handle;
  if (active < 0)
    return;

  palier_chart_payout_curve_layout (width, height, &spec, &style, &layout);
  if ((guint) active < layout.n_handles)
    draw_ring (cr, layout.handle_x[active], layout.handle_y[active],
               self->drag != NULL ? 9 : 7, style.dark);
  palier_curve_layout_clear (&layout);
}

/* Values */

/* The largest 1, 2 or 5 times a power of ten not above @value. */
static double
floor_125 (double value)
{
  double power;
  double mantissa;

  if (value <= 0 || !isfinite (value))
    return 0;

  power = pow (10, floor (log10 (value)));
  mantissa = value / power;
  if (mantissa >= 5)
    return 5 * power;
  if (mantissa >= 2)
    return 2 * power;
  return power;
}

static PalierDecimal
decimal_from_double (double value)
{
  return (PalierDecimal) llround (CLAMP (value * PALIER_DECIMAL_ONE, -9e18, 9e18));
}

/* @value rounded to the nearest multiple of @step, half away from zero. */
static PalierDecimal
snap (PalierDecimal value,
      PalierDecimal step)
{
  PalierDecimal quotient;
  PalierDecimal remainder;

  if (step <= 0)
    return value;

  quotient = value / step;
  remainder = value % step;
  if (2 * ABS (remainder) >= step)
    quotient += remainder > 0 ? 1 : -1;

  return quotient * step;
}

/* A hundredth of the currency, or a unit when the currency has no minor
 * unit. */
static PalierDecimal
money_step (const PalierProgram *program)
{
  int digits = palier_currency_minor_digits (program->currency);
  PalierDecimal step = PALIER_DECIMAL_ONE;

  for (int i = 0; i < digits && i < PALIER_DECIMAL_DIGITS; i++)
    step /= 10;

  return step;
}

static void
compute_scales (PalierCurveEditor       *self,
                const PalierCurveLayout *layout,
                guint                    row,
                Scales                  *scales)
{
  const PalierComponent *component = current_component (self);
  double x_range = layout->x_max - layout->x_min;
  double y_range = layout->y_max - layout->y_min;
  double money_range = x_range;
  PalierDecimal quota = 0;

  /* Boundaries snap to about a two-hundredth of the base shown: 1 % of
   * quota on a 0–300 % axis, 100 on a 0–30,000 one. */
  scales->from_per_pixel = x_range / MAX (layout->plot_width, 1);
  scales->from_step = MAX (decimal_from_double (floor_125 (x_range / 200)), 1);

  if (component->basis == PALIER_BASIS_ATTAINMENT &&
      find_component_quota (self, NULL, &quota))
    money_range = x_range * palier_decimal_to_double (quota);

  if (component->kind == PALIER_COMPONENT_COMMISSION)
    {
      scales->value_per_pixel = y_range / MAX (money_range, 1e-9) / MAX (layout->plot_height, 1);
      scales->value_step = palier_component_row_is_rate (component, row)
                           ? PALIER_DECIMAL_ONE / 1000
                           : money_step (self->program);
    }
  else
    {
      scales->value_per_pixel = y_range / MAX (layout->plot_height, 1);
      scales->value_step = MAX (decimal_from_double (floor_125 (y_range / 100)),
                                money_step (self->program));
    }
}

/* @from kept strictly between the row's neighbours, one step away. */
static PalierDecimal
constrain_from (const PalierComponent *component,
                guint                  row,
                PalierDecimal          from,
                PalierDecimal          fallback,
                PalierDecimal          step)
{
  guint n_rows = palier_component_n_rows (component);
  PalierDecimal low = 0;
  PalierDecimal high = PALIER_DECIMAL_MAX;

  if (row > 0)
    low = palier_component_row_from (component, row - 1) + step;
  if (row + 1 < n_rows)
    high = palier_component_row_from (component, row + 1) - step;

  if (low > high)
    return fallback;

  return CLAMP (from, low, high);
}

static PalierDecimal
constrain_value (const PalierComponent *component,
                 guint                  row,
                 PalierDecimal          value)
{
  if (palier_component_row_is_rate (component, row))
    return CLAMP (value, 0, PALIER_DECIMAL_ONE);

  return MAX (value, 0);
}

/* The value a handle shows: the override of the segment drawn, when
 * the row has one, else the row's own. */
static PalierDecimal
row_value (PalierCurveEditor     *self,
           const PalierComponent *component,
           guint                  row)
{
  PalierDecimal value;

  if (self->segment != NULL && palier_component_row_override (component, row, self->segment, &value))
    return value;

  return palier_component_row_value (component, row);
}

static gboolean
edits_override (PalierCurveEditor     *self,
                const PalierComponent *component,
                guint                  row)
{
  return self->segment != NULL && palier_component_row_override (component, row, self->segment, NULL);
}

static char *
describe_values (PalierCurveEditor   *self,
                 const PalierProgram *program,
                 guint                row)
{
  const PalierComponent *component = g_ptr_array_index (program->components, self->component);
  g_autofree char *from = palier_format_boundary (program, component, palier_component_row_from (component, row));
  g_autofree char *value = palier_format_row_value (program, component, row,
                                                    row_value (self, component, row));

  /* Translators: the label beside a dragged handle: "150% of quota ·
   * 7.5%". */
  return g_strdup_printf (_("%s · %s"), from, value);
}

/* The program with row @row moved to @from and the drawn segment's
 * override set to @value, for a handle of a segment's curve. */
static PalierProgram *
apply_override_values (PalierCurveEditor    *self,
                       const PalierProgram  *start,
                       guint                 row,
                       PalierDecimal         from,
                       PalierDecimal         value,
                       char                **out_summary)
{
  g_autoptr(PalierProgram) moved = NULL;
  g_autofree char *from_summary = NULL;
  g_autofree char *value_summary = NULL;
  const PalierComponent *component;
  g_autofree char *from_text = NULL;
  g_autofree char *value_text = NULL;
  PalierProgram *changed;

  moved = palier_edit_row_from (start, self->component, row, from, &from_summary);
  changed = palier_edit_row_override (moved != NULL ? moved : start, self->component, row,
                                      self->segment, TRUE, value, &value_summary);

  if (changed == NULL)
    {
      *out_summary = g_steal_pointer (&from_summary);
      return moved != NULL ? g_steal_pointer (&moved) : palier_program_ref ((PalierProgram *) start);
    }

  if (moved == NULL)
    {
      *out_summary = g_steal_pointer (&value_summary);
      return changed;
    }

  component = g_ptr_array_index (changed->components, self->component);
  from_text = palier_format_boundary (changed, component, from);
  value_text = palier_format_row_value (changed, component, row, value);
  *out_summary = component->kind == PALIER_COMPONENT_COMMISSION
    /* Translators: a change in the program history: "Moved tier 2 of
     * “Base commission” to $10,000.00 and set it to 8% for Gold". */
    ? g_strdup_printf (_("Moved tier %u of “%s” to %s and set it to %s for %s"),
                       row + 1, component->name, from_text, value_text, self->segment)
    : g_strdup_printf (_("Moved level %u of “%s” to %s and set it to %s for %s"),
                       row + 1, component->name, from_text, value_text, self->segment);
  return changed;
}

/* The program with row @row of the start program set to @from and
 * @value, constrained, and the summary of the change (NULL when none). */
static PalierProgram *
apply_values (PalierCurveEditor    *self,
              const PalierProgram  *start,
              guint                 row,
              PalierDecimal         from,
              PalierDecimal         value,
              PalierDecimal         from_step,
              char                **out_summary)
{
  const PalierComponent *component = g_ptr_array_index (start->components, self->component);
  PalierDecimal start_from = palier_component_row_from (component, row);
  PalierProgram *changed;

  from = constrain_from (component, row, from, start_from, from_step);
  value = constrain_value (component, row, value);

  *out_summary = NULL;
  if (edits_override (self, component, row))
    return apply_override_values (self, start, row, from, value, out_summary);

  changed = palier_edit_row (start, self->component, row, from, value, out_summary);
  if (changed == NULL)
    return palier_program_ref ((PalierProgram *) start);

  return changed;
}

/* Showing */

static void
set_program (PalierCurveEditor *self,
             PalierProgram     *program)
{
  if (program != NULL)
    palier_program_ref (program);
  g_clear_pointer (&self->program, palier_program_unref);
  self->program = program;

  gtk_widget_queue_draw (self->area);
}

static void
place_label (PalierCurveEditor *self,
             double             x,
             double             y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int label_width;

  gtk_label_set_text (GTK_LABEL (self->label), self->drag->label);
  gtk_widget_measure (self->label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
  /* The measure includes the margins set by the last placement. */
  label_width -= gtk_widget_get_margin_start (self->label);

  /* Above and right of the pointer, inside the widget. */
  gtk_widget_set_margin_start (self->label, (int) CLAMP (x + 14, 0, MAX (0, width - label_width)));
  gtk_widget_set_margin_top (self->label, (int) MAX (0, y - 40));
  gtk_widget_set_visible (self->label, TRUE);
}

void
palier_curve_editor_set_component (PalierCurveEditor *self,
                                   PalierProgram     *program,
                                   guint              component)
{
  g_return_if_fail (PALIER_IS_CURVE_EDITOR (self));

  if (self->drag != NULL)
    return;

  self->component = component;
  set_program (self, program);

  if ((guint) self->focus_handle >= palier_curve_editor_get_n_handles (self))
    self->focus_handle = -1;
}

void
palier_curve_editor_set_segment (PalierCurveEditor *self,
                                 const char        *segment)
{
  g_return_if_fail (PALIER_IS_CURVE_EDITOR (self));

  if (g_strcmp0 (self->segment, segment) == 0)
    return;

  g_free (self->segment);
  self->segment = g_strdup (segment);
  gtk_widget_queue_draw (self->area);
}

PalierProgram *
palier_curve_editor_get_program (PalierCurveEditor *self)
{
  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), NULL);

  return self->program;
}

PalierDecimal
palier_curve_editor_get_quota (PalierCurveEditor *self)
{
  PalierDecimal quota = 0;

  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), 0);

  if (current_component (self) == NULL || !find_component_quota (self, self->segment, &quota))
    return 0;

  return quota;
}

guint
palier_curve_editor_get_n_handles (PalierCurveEditor *self)
{
  const PalierComponent *component;
  guint n_rows;

  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), 0);

  component = current_component (self);
  if (component == NULL)
    return 0;

  n_rows = palier_component_n_rows (component);
  if (component->kind == PALIER_COMPONENT_COMMISSION)
    return n_rows > 0 ? n_rows - 1 : 0;

  return n_rows;
}

gboolean
palier_curve_editor_get_handle_position (PalierCurveEditor *self,
                                         guint              handle,
                                         double            *out_x,
                                         double            *out_y)
{
  PalierCurveLayout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), FALSE);

  if (!compute_layout (self, &layout))
    return FALSE;

  if (handle < layout.n_handles)
    {
      *out_x = layout.handle_x[handle];
      *out_y = layout.handle_y[handle];
      found = TRUE;
    }

  palier_curve_layout_clear (&layout);
  return found;
}

int
palier_curve_editor_handle_at (PalierCurveEditor *self,
                               double             x,
                               double             y)
{
  PalierCurveLayout layout;
  double best = HANDLE_REACH * HANDLE_REACH;
  int found = -1;

  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), -1);

  if (!compute_layout (self, &layout))
    return -1;

  for (guint i = 0; i < layout.n_handles; i++)
    {
      double dx = layout.handle_x[i] - x;
      double dy = layout.handle_y[i] - y;

      if (dx * dx + dy * dy <= best)
        {
          best = dx * dx + dy * dy;
          found = (int) i;
        }
    }

  palier_curve_layout_clear (&layout);
  return found;
}

/* Dragging */

gboolean
palier_curve_editor_begin_drag (PalierCurveEditor *self,
                                double             x,
                                double             y)
{
  const PalierComponent *component;
  PalierCurveLayout layout;
  Drag *drag;
  int handle;

  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), FALSE);

  if (self->drag != NULL)
    palier_curve_editor_cancel_drag (self);

  handle = palier_curve_editor_handle_at (self, x, y);
  if (handle < 0 || !compute_layout (self, &layout))
    return FALSE;

  component = current_component (self);
  drag = g_new0 (Drag, 1);
  drag->handle = handle;
  drag->row = row_for_handle (component, handle);
  drag->start_program = palier_program_ref (self->program);
  drag->start_from = palier_component_row_from (component, drag->row);
  drag->start_value = row_value (self, component, drag->row);
  drag->x = x;
  drag->y = y;
  drag->label = describe_values (self, self->program, drag->row);
  compute_scales (self, &layout, drag->row, &drag->scales);
  palier_curve_layout_clear (&layout);

  self->drag = drag;
  self->focus_handle = handle;
  gtk_widget_set_cursor_from_name (self->area, "grabbing");
  place_label (self, x, y);
  gtk_widget_queue_draw (self->area);

  return TRUE;
}

void
palier_curve_editor_update_drag (PalierCurveEditor *self,
                                 double             dx,
                                 double             dy)
{
  Drag *drag;
  PalierDecimal from;
  PalierDecimal value;
  g_autoptr(PalierProgram) changed = NULL;
  double x;
  double y;

  g_return_if_fail (PALIER_IS_CURVE_EDITOR (self));

  drag = self->drag;
  if (drag == NULL)
    return;

  from = drag->start_from;
  if (fabs (dx) >= DEAD_ZONE)
    from = snap (drag->start_from + decimal_from_double (dx * drag->scales.from_per_pixel),
                 drag->scales.from_step);

  value = drag->start_value;
  if (fabs (dy) >= DEAD_ZONE)
    value = snap (drag->start_value + decimal_from_double (-dy * drag->scales.value_per_pixel),
                  drag->scales.value_step);

  g_clear_pointer (&drag->summary, g_free);
  changed = apply_values (self, drag->start_program, drag->row, from, value,
                          drag->scales.from_step, &drag->summary);

  g_free (drag->label);
  drag->label = describe_values (self, changed, drag->row);

  if (!palier_program_equal (changed, self->program))
    {
      set_program (self, changed);
      g_signal_emit (self, signals[PREVIEW], 0, changed);
    }

  /* The label stays with the handle, which leaves the pointer when the
   * axes rescale. */
  if (palier_curve_editor_get_handle_position (self, drag->handle, &x, &y))
    place_label (self, x, y);
  else
    place_label (self, drag->x + dx, drag->y + dy);
}

static void
finish_drag (PalierCurveEditor *self)
{
  g_clear_pointer (&self->drag, drag_free);
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_cursor_from_name (self->area, self->hover_handle >= 0 ? "grab" : NULL);
  gtk_widget_queue_draw (self->area);
}

void
palier_curve_editor_end_drag (PalierCurveEditor *self)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (PALIER_IS_CURVE_EDITOR (self));

  if (self->drag == NULL)
    return;

  summary = g_steal_pointer (&self->drag->summary);
  program = palier_program_ref (self->program);
  finish_drag (self);

  if (summary != NULL)
    g_signal_emit (self, signals[COMMIT], 0, program, summary);
}

void
palier_curve_editor_cancel_drag (PalierCurveEditor *self)
{
  g_autoptr(PalierProgram) start = NULL;

  g_return_if_fail (PALIER_IS_CURVE_EDITOR (self));

  if (self->drag == NULL)
    return;

  start = palier_program_ref (self->drag->start_program);
  finish_drag (self);

  if (!palier_program_equal (start, self->program))
    {
      set_program (self, start);
      g_signal_emit (self, signals[PREVIEW], 0, start);
    }
}

gboolean
palier_curve_editor_is_dragging (PalierCurveEditor *self)
{
  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), FALSE);

  return self->drag != NULL;
}

const char *
palier_curve_editor_get_drag_label (PalierCurveEditor *self)
{
  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), NULL);

  return self->drag != NULL ? self->drag->label : NULL;
}

int
palier_curve_editor_get_focus_handle (PalierCurveEditor *self)
{
  g_return_val_if_fail (PALIER_IS_CURVE_EDITOR (self), -1);

  return gtk_widget_has_focus (GTK_WIDGET (self)) ? self->focus_handle : -1;
}

void
palier_curve_editor_nudge (PalierCurveEditor *self,
                           guint              handle,
                           int                from_steps,
                           int                value_steps)
{
  const PalierComponent *component;
  g_autoptr(PalierProgram) changed = NULL;
  g_autofree char *summary = NULL;
  PalierCurveLayout layout;
  Scales scales;
  guint row;
  PalierDecimal from;
  PalierDecimal value;

  g_return_if_fail (PALIER_IS_CURVE_EDITOR (self));

  if (self->drag != NULL || handle >= palier_curve_editor_get_n_handles (self) ||
      !compute_layout (self, &layout))
    return;

  component = current_component (self);
  row = row_for_handle (component, handle);
  compute_scales (self, &layout, row, &scales);
  palier_curve_layout_clear (&layout);

  from = snap (palier_component_row_from (component, row) + from_steps * scales.from_step,
               scales.from_step);
  value = snap (row_value (self, component, row) + value_steps * scales.value_step,
                scales.value_step);

  changed = apply_values (self, self->program, row, from, value, scales.from_step, &summary);
  if (summary == NULL)
    return;

  set_program (self, changed);
  g_signal_emit (self, signals[COMMIT], 0, changed, summary);
}

/* Input */

static void
drag_begin_cb (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               PalierCurveEditor *self)
{
  if (palier_curve_editor_begin_drag (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  else
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
    }
}

static void
drag_update_cb (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                PalierCurveEditor *self)
{
  palier_curve_editor_update_drag (self, dx, dy);
}

static void
drag_end_cb (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             PalierCurveEditor *self)
{
  palier_curve_editor_end_drag (self);
}

static void
drag_cancel_cb (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                PalierCurveEditor *self)
{
  palier_curve_editor_cancel_drag (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PalierCurveEditor        *self)
{
  int handle;

  if (self->drag != NULL)
    return;

  handle = palier_curve_editor_handle_at (self, x, y);
  if (handle == self->hover_handle)
    return;

  self->hover_handle = handle;
  gtk_widget_set_cursor_from_name (self->area, handle >= 0 ? "grab" : NULL);
  gtk_widget_queue_draw (self->area);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          PalierCurveEditor        *self)
{
  if (self->hover_handle < 0)
    return;

  self->hover_handle = -1;
  gtk_widget_queue_draw (self->area);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PalierCurveEditor     *self)
{
  if (self->focus_handle < 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      palier_curve_editor_nudge (self, self->focus_handle, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      palier_curve_editor_nudge (self, self->focus_handle, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      palier_curve_editor_nudge (self, self->focus_handle, 0, 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      palier_curve_editor_nudge (self, self->focus_handle, 0, -1);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->drag == NULL)
        return FALSE;
      palier_curve_editor_cancel_drag (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Tab walks through the handles before leaving the widget. */
static gboolean
palier_curve_editor_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  PalierCurveEditor *self = PALIER_CURVE_EDITOR (widget);
  int n_handles = (int) palier_curve_editor_get_n_handles (self);
  int next;

  if (n_handles == 0)
    return FALSE;

  if (!gtk_widget_has_focus (widget))
    next = direction == GTK_DIR_TAB_BACKWARD ? n_handles - 1 : 0;
  else if (direction == GTK_DIR_TAB_FORWARD)
    next = self->focus_handle + 1;
  else if (direction == GTK_DIR_TAB_BACKWARD)
    next = self->focus_handle - 1;
  else
    return FALSE;

  if (next < 0 || next >= n_handles)
    return FALSE;

  self->focus_handle = next;
  gtk_widget_grab_focus (widget);
  gtk_widget_queue_draw (self->area);
  return TRUE;
}

static void
has_focus_cb (PalierCurveEditor *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    self->focus_handle = -1;
  gtk_widget_queue_draw (self->area);
}

/* GObject */

static void
palier_curve_editor_dispose (GObject *object)
{
  PalierCurveEditor *self = PALIER_CURVE_EDITOR (object);

  g_clear_pointer (&self->drag, drag_free);
  g_clear_pointer (&self->area, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->program, palier_program_unref);
  g_clear_pointer (&self->segment, g_free);

  G_OBJECT_CLASS (palier_curve_editor_parent_class)->dispose (object);
}

static void
palier_curve_editor_class_init (PalierCurveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_curve_editor_dispose;
  widget_class->focus = palier_curve_editor_focus;

  /* A handle moved: the program as it would be if it were dropped. */
  signals[PREVIEW] =
    g_signal_new ("preview", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PALIER_TYPE_PROGRAM);

  /* A handle was dropped or moved with a key: the changed program and a
   * summary of the change. */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PALIER_TYPE_PROGRAM, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "palier-curve-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
add_controllers (PalierCurveEditor *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (self->area, motion);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

static void
palier_curve_editor_init (PalierCurveEditor *self)
{
  self->focus_handle = -1;
  self->hover_handle = -1;

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_widget_set_halign (self->label, GTK_ALIGN_START);
  gtk_widget_set_valign (self->label, GTK_ALIGN_START);
  gtk_widget_set_can_target (self->label, FALSE);
  gtk_widget_add_css_class (self->label, "palier-curve-label");
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  add_controllers (self);

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (has_focus_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area,
                           G_CONNECT_SWAPPED);
}
