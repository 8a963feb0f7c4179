/* palier-designer-view-kinds.c: commission options, deal bonuses, rewards
 *
 * The settings of the version 2 vocabulary.  A commission chooses what
 * its tiers pay, what a negative base does and a period longer than the
 * program's.  A deal bonus shows a histogram of the workspace's deal
 * sizes, and a non-cash reward lists who wins it on the live result.
 * Every change goes through palier_edit_component(), so it is undoable
 * and summarised in the history.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-format.h"
#include "palier-live-simulation.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"

/* Max rows of the qualifier list.  Its heading counts the others. */
#define MAX_QUALIFIER_ROWS 50

/* Snapping steps of the deal minimum per bin of the histogram. */
#define DEAL_STEPS_PER_BIN 10

/* The object-data key of the component period row's menu as the
 * template gives it: the program's period, then every period kind. */
#define ALL_PERIODS_KEY "palier-all-periods"

static gboolean
string_lists_equal (GListModel *a,
                    GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (!GTK_IS_STRING_LIST (a) || n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;

  return TRUE;
}

static void
edit_component (PalierDesignerView *self,
                PalierComponent    *changed)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autofree char *summary = NULL;

  _palier_designer_view_edit (self, palier_edit_component (draft, self->component, changed, &summary),
                              &summary);
}

static void
set_entry_text (GtkEditable *editable,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
  _palier_designer_view_flag (GTK_WIDGET (editable), NULL);
}

static void
set_number_text (AdwEntryRow   *row,
                 PalierDecimal  value)
{
  g_autofree char *text = palier_input_format_number (value);

  set_entry_text (GTK_EDITABLE (row), text);
}

static void
set_percent_text (GtkEditable   *editable,
                  PalierDecimal  fraction)
{
  g_autofree char *text = palier_format_rate (fraction);

  set_entry_text (editable, text);
}

/* Reads a number (or a percentage) typed in @editable.  Returns FALSE
 * and flags the entry with the parse error when the text is invalid. */
static gboolean
read_value (GtkEditable   *editable,
            gboolean       percent,
            PalierDecimal *out_value)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = percent ? palier_input_parse_percent (text, out_value, &error)
               : palier_input_parse_number (text, out_value, &error);
  _palier_designer_view_flag (GTK_WIDGET (editable), ok ? NULL : error->message);

  return ok;
}

/* Commission options */

static PalierTierKind
first_tier_kind (const PalierComponent *component)
{
  if (component->tiers == NULL || component->tiers->len == 0)
    return PALIER_TIER_RATE;

  return g_array_index (component->tiers, PalierTier, 0).kind;
}

/* The component period menu offers the program's period, then only
 * the longer periods, because a component period must span whole
 * program periods.  Position 0 is the program's period and position p
 * is the period p steps longer than the program's. */
static void
show_component_periods (PalierDesignerView    *self,
                        const PalierProgram   *draft,
                        const PalierComponent *component)
{
  GListModel *all = g_object_get_data (G_OBJECT (self->component_period_row), ALL_PERIODS_KEY);
  g_autoptr(GtkStringList) offered = gtk_string_list_new (NULL);
  GListModel *current = adw_combo_row_get_model (self->component_period_row);
  guint selected = 0;

  gtk_string_list_append (offered, gtk_string_list_get_string (GTK_STRING_LIST (all), 0));
  for (guint period = draft->period + 1; period <= PALIER_PERIOD_YEAR; period++)
    gtk_string_list_append (offered, gtk_string_list_get_string (GTK_STRING_LIST (all), period + 1));

  if (!string_lists_equal (current, G_LIST_MODEL (offered)))
    adw_combo_row_set_model (self->component_period_row, G_LIST_MODEL (offered));

  /* A period shorter than the program's (left by a change of the
   * program's period) selects nothing, so that any choice fixes it. */
  if (component->has_period && component->period > draft->period)
    selected = component->period - draft->period;
  else if (component->has_period && component->period < draft->period)
    selected = GTK_INVALID_LIST_POSITION;
  adw_combo_row_set_selected (self->component_period_row, selected);
}

static void
show_commission_options (PalierDesignerView    *self,
                         const PalierProgram   *draft,
                         const PalierComponent *component)
{
  gboolean commission = component->kind == PALIER_COMPONENT_COMMISSION;

  gtk_widget_set_visible (GTK_WIDGET (self->tier_kind_row), commission);
  gtk_widget_set_visible (GTK_WIDGET (self->negative_row), commission);
  adw_combo_row_set_selected (self->tier_kind_row, first_tier_kind (component));
  adw_combo_row_set_selected (self->negative_row, component->negative);
  show_component_periods (self, draft, component);
}

static void
component_option_changed_cb (PalierDesignerView *self)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autoptr(PalierComponent) changed = NULL;
  guint position;

  if (component == NULL || self->updating)
    return;

  changed = palier_component_copy (component);
  position = adw_combo_row_get_selected (self->component_period_row);
  if (position == 0)
    {
      changed->has_period = FALSE;
      changed->period = 0;
    }
  else if (position != GTK_INVALID_LIST_POSITION)
    {
      changed->has_period = TRUE;
      changed->period = (PalierPeriodKind) (draft->period + position);
    }

  if (changed->kind == PALIER_COMPONENT_COMMISSION)
    {
      PalierTierKind kind = adw_combo_row_get_selected (self->tier_kind_row);

      changed->negative = adw_combo_row_get_selected (self->negative_row);

      /* Tiers pay per unit exactly when the measure is units, so the
       * kind carries the measure along.  Values stay as typed: a 5 %
       * rate becomes 0.05 per unit, which the user then adjusts. */
      if (kind != first_tier_kind (component))
        {
          if (kind == PALIER_TIER_PER_UNIT)
            changed->measure = PALIER_MEASURE_UNITS;
          else if (changed->measure == PALIER_MEASURE_UNITS)
            changed->measure = PALIER_MEASURE_REVENUE;

          for (guint row = 0; row < changed->tiers->len; row++)
            g_array_index (changed->tiers, PalierTier, row).kind = kind;
        }
    }

  edit_component (self, g_steal_pointer (&changed));
}

/* Deal bonus: reading the deal sizes */

typedef struct {
  char            *path;
  PalierComponent *component;
  PalierDate       from;
  PalierDate       to;
} DealRead;

static void
deal_read_free (DealRead *read)
{
  g_free (read->path);
  palier_component_free (read->component);
  g_free (read);
}

static void
read_deals_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DealRead *read = task_data;
  g_autoptr(PalierStore) store = NULL;
  GError *error = NULL;
  GArray *values;

  store = palier_store_open (read->path, PALIER_STORE_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  values = palier_deal_sizes_read (store, read->component, read->from, read->to, cancellable, &error);
  if (values == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, values, (GDestroyNotify) g_array_unref);
}

/* What decides the deals: the measure, the filter and the range. */
static char *
deal_values_key (const PalierComponent *component,
                 PalierDate             from,
                 PalierDate             to)
{
  GString *key = g_string_new (NULL);
  const PalierFilter *filter = &component->filter;

  g_string_append_printf (key, "%d|%d|%d|%d|%d|", component->measure, from, to,
                          filter->start, filter->end);
  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      for (guint i = 0; filter->values[field] != NULL && i < filter->values[field]->len; i++)
        g_string_append_printf (key, "%s\x1f", (char *) g_ptr_array_index (filter->values[field], i));
      g_string_append_c (key, '|');
    }

  return g_string_free (key, FALSE);
}

static void update_deal_summary (PalierDesignerView *self);

static void
read_deals_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (source);
  g_autoptr(GError) error = NULL;
  GArray *values;

  values = g_task_propagate_pointer (G_TASK (result), &error);

  /* A read that a newer one replaced may still finish. */
  if (g_task_get_cancellable (G_TASK (result)) != self->deal_cancellable)
    {
      g_clear_pointer (&values, g_array_unref);
      return;
    }

  if (values == NULL)
    {
      if (!g_error_matches (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Cannot read the deal sizes: %s", error->message);
          gtk_label_set_text (self->deal_summary_label, error->message);
        }
      return;
    }

  g_clear_object (&self->deal_cancellable);
  g_clear_pointer (&self->deal_values, g_array_unref);
  self->deal_values = values;
  update_deal_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->deal_chart));
}

/* Starts reading the deals of @component unless those read last are
 * the same. */
static void
ensure_deal_values (PalierDesignerView    *self,
                    const PalierComponent *component)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  DealRead *read;
  PalierDate from, to;

  if (self->workspace == NULL)
    return;

  palier_workspace_get_range (self->workspace, &from, &to);
  key = deal_values_key (component, from, to);
  if (g_strcmp0 (key, self->deal_values_key) == 0)
    return;

  g_cancellable_cancel (self->deal_cancellable);
  g_clear_object (&self->deal_cancellable);
  g_clear_pointer (&self->deal_values, g_array_unref);
  g_free (self->deal_values_key);
  self->deal_values_key = g_steal_pointer (&key);
  self->deal_cancellable = g_cancellable_new ();

  read = g_new0 (DealRead, 1);
  read->path = g_strdup (palier_workspace_get_path (self->workspace));
  read->component = palier_component_copy (component);
  read->from = from;
  read->to = to;

  task = g_task_new (self, self->deal_cancellable, read_deals_done_cb, NULL);
  g_task_set_source_tag (task, ensure_deal_values);
  g_task_set_task_data (task, read, (GDestroyNotify) deal_read_free);
  g_task_run_in_thread (task, read_deals_thread);
}

/* Deal bonus: the chart and its summary */

/* The deal bonus drawn: the one whose line is dragged, or the selected
 * component when it is a deal bonus. */
static const PalierComponent *
drawn_deal_bonus (PalierDesignerView *self)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);

  if (self->deal_preview != NULL)
    return self->deal_preview;
  if (component == NULL || component->kind != PALIER_COMPONENT_DEAL_BONUS)
    return NULL;

  return component;
}

static void
fill_deal_spec (PalierDesignerView    *self,
                const PalierComponent *component,
                PalierDealSizesSpec   *spec)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);

  spec->values = self->deal_values != NULL ? (const PalierDecimal *) self->deal_values->data : NULL;
  spec->n_values = self->deal_values != NULL ? self->deal_values->len : 0;
  spec->component = component;
  spec->currency = draft != NULL ? draft->currency : NULL;
}

static void
draw_deal_chart (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  PalierDesignerView *self = user_data;
  const PalierComponent *component = drawn_deal_bonus (self);
  PalierChartStyle style = { .transparent = TRUE };
  PalierDealSizesSpec spec;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (component == NULL || self->deal_values == NULL)
    return;

  style.dark = adw_style_manager_get_dark (manager);
  fill_deal_spec (self, component, &spec);
  palier_chart_draw_deal_sizes (cr, width, height, &spec, &style);
}

/* Sets *@out_cost to what the live result pays for @component, when
 * that result is of @component as it is drawn.  Both read the
 * workspace's simulated range.  The engine rounds the bonus once per
 * partner and period, so its total can differ by cents from the sum
 * that palier_deal_sizes_qualify() rounds once. */
static gboolean
find_live_deal_cost (PalierDesignerView    *self,
                     const PalierComponent *component,
                     PalierDecimal         *out_cost)
{
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (self);
  PalierResult *result = live != NULL ? palier_live_simulation_get_result (live) : NULL;
  const PalierComponent *simulated;

  if (result == NULL || self->component >= result->program->components->len)
    return FALSE;

  simulated = g_ptr_array_index (result->program->components, self->component);
  if (!palier_component_equal (simulated, component))
    return FALSE;

  *out_cost = result->component_totals[self->component];
  return TRUE;
}

static void
update_deal_summary (PalierDesignerView *self)
{
  const PalierComponent *component = drawn_deal_bonus (self);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autofree char *cost_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *deals_text = NULL;
  g_autofree char *text = NULL;
  PalierDealSizesSpec spec;
  PalierDecimal cost;
  guint count;

  if (component == NULL || draft == NULL)
    return;

  if (self->deal_values == NULL)
    {
      gtk_label_set_text (self->deal_summary_label, _("Reading the deals…"));
      return;
    }

  fill_deal_spec (self, component, &spec);
  if (!palier_deal_sizes_qualify (spec.values, spec.n_values, component,
                                  palier_currency_minor_digits (draft->currency), &count, &cost))
    {
      gtk_label_set_text (self->deal_summary_label, _("The cost of the qualifying deals is too large to compute"));
      return;
    }

  /* While the live result lags (a drag), the cost rounded once shows. */
  find_live_deal_cost (self, component, &cost);
  cost_text = palier_format_money (cost, draft->currency);
  count_text = palier_format_count (count);
  deals_text = palier_format_count (spec.n_values);
  /* Translators: under the deal sizes chart: "12 of 3,616 deals qualify,
   * costing $2,400.00". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s deal qualifies, costing %s",
                                       "%s of %s deals qualify, costing %s",
                                       spec.n_values),
                          count_text, deals_text, cost_text);
  gtk_label_set_text (self->deal_summary_label, text);
}

/* Deal bonus: dragging the minimum */

static double
snap_step (const PalierDealSizesLayout *layout)
{
  return layout->step / DEAL_STEPS_PER_BIN;
}

/* The minimum at @x on the chart laid out as @layout, snapped to a
 * tenth of a bin and never negative. */
static PalierDecimal
deal_min_at (const PalierDealSizesLayout *layout,
             double                       x)
{
  double snap = snap_step (layout);
  double value;

  if (layout->plot_width <= 0)
    return 0;

  value = layout->x_min + (x - layout->plot_x) / layout->plot_width * (layout->x_max - layout->x_min);
  value = CLAMP (value, MAX (layout->x_min, 0), layout->x_max);
  value = round (value / snap) * snap;

  return (PalierDecimal) llround (value * PALIER_DECIMAL_ONE);
}

static PalierProgram *
program_with_deal_preview (PalierDesignerView *self)
{
  PalierProgram *candidate = palier_program_copy (_palier_designer_view_get_draft (self));

  palier_component_free (g_ptr_array_index (candidate->components, self->component));
  g_ptr_array_index (candidate->components, self->component) = palier_component_copy (self->deal_preview);

  return candidate;
}

static void
preview_deal_min (PalierDesignerView *self,
                  PalierDecimal       value)
{
  g_autoptr(PalierProgram) candidate = NULL;

  if (self->deal_preview->deal_min == value)
    return;

  self->deal_preview->deal_min = value;
  candidate = program_with_deal_preview (self);
  _palier_designer_view_simulate (self, candidate);
  update_deal_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->deal_chart));
}

static void
deal_drag_begin_cb (GtkGestureDrag     *gesture,
                    double              x,
                    double              y,
                    PalierDesignerView *self)
{
  const PalierComponent *component = drawn_deal_bonus (self);
  PalierDealSizesSpec spec;

  if (component == NULL || self->deal_values == NULL || self->deal_values->len == 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* The layout stays as it was at the press, so the axis does not move
   * under the pointer when the minimum leaves the data's range. */
  fill_deal_spec (self, component, &spec);
  palier_chart_deal_sizes_layout (gtk_widget_get_width (GTK_WIDGET (self->deal_chart)),
                                  gtk_widget_get_height (GTK_WIDGET (self->deal_chart)),
                                  &spec, NULL, &self->deal_drag_layout);
  self->deal_drag_x = x;
  self->deal_preview = palier_component_copy (component);
  gtk_widget_grab_focus (GTK_WIDGET (self->deal_chart));
  preview_deal_min (self, deal_min_at (&self->deal_drag_layout, x));
}

static void
deal_drag_update_cb (GtkGestureDrag     *gesture,
                     double              dx,
                     double              dy,
                     PalierDesignerView *self)
{
  if (self->deal_preview == NULL)
    return;

  preview_deal_min (self, deal_min_at (&self->deal_drag_layout, self->deal_drag_x + dx));
}

static void
deal_drag_end_cb (GtkGestureDrag     *gesture,
                  double              dx,
                  double              dy,
                  PalierDesignerView *self)
{
  PalierComponent *changed = g_steal_pointer (&self->deal_preview);

  if (changed == NULL)
    return;

  edit_component (self, changed);
  update_deal_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->deal_chart));
}

/* Left and right move the minimum by one snapping step. */
static gboolean
deal_chart_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           PalierDesignerView    *self)
{
  const PalierComponent *component = drawn_deal_bonus (self);
  PalierDealSizesLayout layout;
  PalierDealSizesSpec spec;
  PalierComponent *changed;
  PalierDecimal step;
  int direction;

  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    direction = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    direction = 1;
  else
    return FALSE;

  if (component == NULL || self->deal_preview != NULL || self->deal_values == NULL)
    return FALSE;

  fill_deal_spec (self, component, &spec);
  palier_chart_deal_sizes_layout (gtk_widget_get_width (GTK_WIDGET (self->deal_chart)),
                                  gtk_widget_get_height (GTK_WIDGET (self->deal_chart)),
                                  &spec, NULL, &layout);
  step = MAX (1, (PalierDecimal) llround (snap_step (&layout) * PALIER_DECIMAL_ONE));

  changed = palier_component_copy (component);
  changed->deal_min = MAX (0, component->deal_min + direction * step);
  edit_component (self, changed);

  return TRUE;
}

/* Deal bonus: the settings */

static void
show_deal_bonus (PalierDesignerView    *self,
                 const PalierComponent *component)
{
  set_number_text (self->deal_min_row, component->deal_min);
  set_number_text (self->deal_amount_row, component->deal_amount);
  gtk_switch_set_active (self->deal_rate_switch, component->has_deal_rate);
  gtk_widget_set_sensitive (GTK_WIDGET (self->deal_rate_entry), component->has_deal_rate);
  if (component->has_deal_rate)
    set_percent_text (GTK_EDITABLE (self->deal_rate_entry), component->deal_rate);
  else
    set_entry_text (GTK_EDITABLE (self->deal_rate_entry), "");

  ensure_deal_values (self, component);
  update_deal_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->deal_chart));
}

static void
deal_entry_apply_cb (PalierDesignerView *self,
                     AdwEntryRow        *row)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  g_autoptr(PalierComponent) changed = NULL;
  PalierDecimal value;

  if (component == NULL || self->updating || !read_value (GTK_EDITABLE (row), FALSE, &value))
    return;

  changed = palier_component_copy (component);
  if (row == self->deal_min_row)
    changed->deal_min = value;
  else
    changed->deal_amount = value;

  edit_component (self, g_steal_pointer (&changed));
}

static void
edit_deal_rate (PalierDesignerView *self,
                gboolean            active)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  GtkEditable *entry = GTK_EDITABLE (self->deal_rate_entry);
  g_autoptr(PalierComponent) changed = NULL;
  PalierDecimal rate = 0;

  if (component == NULL || self->updating)
    return;

  if (active && !read_value (entry, TRUE, &rate))
    {
      /* A switch turned on before a rate was typed starts at 1 %. */
      if (gtk_editable_get_text (entry)[0] != '\0')
        return;
      rate = PALIER_DECIMAL_ONE / 100;
      _palier_designer_view_flag (GTK_WIDGET (entry), NULL);
    }

  changed = palier_component_copy (component);
  changed->has_deal_rate = active;
  changed->deal_rate = active ? rate : 0;
  edit_component (self, g_steal_pointer (&changed));
}

static void
deal_rate_switched_cb (PalierDesignerView *self)
{
  edit_deal_rate (self, gtk_switch_get_active (self->deal_rate_switch));
}

static void
deal_rate_activate_cb (PalierDesignerView *self)
{
  edit_deal_rate (self, TRUE);
}

/* Reward */

static void
show_reward (PalierDesignerView    *self,
             const PalierComponent *component)
{
  gboolean top = component->reward_rule == PALIER_REWARD_RULE_TOP;
  g_autofree char *count = g_strdup_printf ("%u", component->top_count);

  adw_combo_row_set_selected (self->reward_kind_row, component->reward_kind);
  adw_combo_row_set_selected (self->reward_rule_row, component->reward_rule);
  adw_combo_row_set_selected (self->threshold_basis_row, component->threshold_basis);
  set_number_text (self->unit_cost_row, component->unit_cost);
  set_entry_text (GTK_EDITABLE (self->top_count_row), count);
  if (component->threshold_basis == PALIER_BASIS_ATTAINMENT)
    set_percent_text (GTK_EDITABLE (self->threshold_min_row), component->threshold_min);
  else
    set_number_text (self->threshold_min_row, component->threshold_min);

  gtk_widget_set_visible (GTK_WIDGET (self->top_count_row), top);
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_basis_row), !top);
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_min_row), !top);
  _palier_designer_view_show_qualifiers (self);
}

/* The lowest revenue of the partners who win @component in the live
 * result, or 0 without a winner, so that a threshold there keeps the
 * current winners.
 * NOTE: this is revenue over the whole simulated range, which is the
 * reward's base only for an unfiltered revenue reward paid once over
 * that range. */
static PalierDecimal
find_top_cut_off (PalierDesignerView    *self,
                  const PalierComponent *component)
{
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (self);
  PalierResult *result = live != NULL ? palier_live_simulation_get_result (live) : NULL;
  PalierDecimal cut_off = 0;
  gboolean found = FALSE;

  for (guint i = 0; result != NULL && i < result->partners->len; i++)
    {
      const PalierPartnerResult *partner = g_ptr_array_index (result->partners, i);

      for (guint j = 0; partner->rewards != NULL && j < partner->rewards->len; j++)
        {
          const PalierRewardResult *reward = &g_array_index (partner->rewards, PalierRewardResult, j);

          if (g_strcmp0 (reward->component, component->id) != 0)
            continue;
          if (!found || partner->sales < cut_off)
            cut_off = partner->sales;
          found = TRUE;
        }
    }

  return cut_off;
}

/* A threshold that starts at 0 gives the reward to every partner, so a
 * switch from the top rule starts at full attainment, or at the base
 * of the current winners. */
static void
set_default_threshold (PalierDesignerView *self,
                       PalierComponent    *changed)
{
  if (changed->threshold_basis == PALIER_BASIS_ATTAINMENT)
    changed->threshold_min = PALIER_DECIMAL_ONE;
  else
    changed->threshold_min = find_top_cut_off (self, changed);
}

static void
reward_combo_changed_cb (PalierDesignerView *self)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  g_autoptr(PalierComponent) changed = NULL;

  if (component == NULL || self->updating || component->kind != PALIER_COMPONENT_REWARD)
    return;

  changed = palier_component_copy (component);
  changed->reward_kind = adw_combo_row_get_selected (self->reward_kind_row);
  changed->reward_rule = adw_combo_row_get_selected (self->reward_rule_row);
  changed->threshold_basis = adw_combo_row_get_selected (self->threshold_basis_row);
  if (changed->reward_rule == PALIER_REWARD_RULE_TOP && changed->top_count == 0)
    changed->top_count = 1;
  if (changed->reward_rule == PALIER_REWARD_RULE_THRESHOLD &&
      component->reward_rule == PALIER_REWARD_RULE_TOP && changed->threshold_min == 0)
    set_default_threshold (self, changed);

  edit_component (self, g_steal_pointer (&changed));
}

/* Reads the number of winners: a whole number from 1. */
static gboolean
read_count (AdwEntryRow *row,
            guint       *out_count)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint64 count;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &count, NULL))
    {
      _palier_designer_view_flag (GTK_WIDGET (row), _("Type a whole number of winners, 1 or more"));
      return FALSE;
    }

  _palier_designer_view_flag (GTK_WIDGET (row), NULL);
  *out_count = (guint) count;
  return TRUE;
}

static void
reward_entry_apply_cb (PalierDesignerView *self,
                       AdwEntryRow        *row)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  g_autoptr(PalierComponent) changed = NULL;
  PalierDecimal value = 0;
  guint count = 0;

  if (component == NULL || self->updating)
    return;

  if (row == self->top_count_row)
    {
      if (!read_count (row, &count))
        return;
    }
  else if (!read_value (GTK_EDITABLE (row),
                        row == self->threshold_min_row &&
                        component->threshold_basis == PALIER_BASIS_ATTAINMENT,
                        &value))
    {
      return;
    }

  changed = palier_component_copy (component);
  if (row == self->top_count_row)
    changed->top_count = count;
  else if (row == self->unit_cost_row)
    changed->unit_cost = value;
  else
    changed->threshold_min = value;

  edit_component (self, g_steal_pointer (&changed));
}

/* The periods a partner wins @component in, and their cost. */
static char *
describe_wins (const PalierPartnerResult *partner,
               const char                *component,
               PalierDecimal             *out_cost)
{
  g_autoptr(GString) periods = g_string_new (NULL);

  *out_cost = 0;
  for (guint i = 0; partner->rewards != NULL && i < partner->rewards->len; i++)
    {
      const PalierRewardResult *reward = &g_array_index (partner->rewards, PalierRewardResult, i);

      if (g_strcmp0 (reward->component, component) != 0)
        continue;

      if (periods->len > 0)
        /* Translators: separates the periods a partner wins a reward in. */
        g_string_append (periods, _(", "));
      g_string_append (periods, reward->period);
      *out_cost += reward->cost;
    }

  return periods->len > 0 ? g_string_free (g_steal_pointer (&periods), FALSE) : NULL;
}

static GtkWidget *
qualifier_row_new (const PalierPartnerResult *partner,
                   const char                *periods,
                   const char                *cost)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (cost);
  g_autofree char *title = NULL;

  if (partner->name != NULL && g_strcmp0 (partner->name, partner->partner) != 0)
    /* Translators: a partner's name and code: "Acme (P-004)". */
    title = g_strdup_printf (_("%s (%s)"), partner->name, partner->partner);
  else
    title = g_strdup (partner->partner);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), periods);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
clear_qualifiers (PalierDesignerView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->qualifier_list))) != NULL)
    gtk_list_box_remove (self->qualifier_list, child);
}

void
_palier_designer_view_show_deal_summary (PalierDesignerView *self)
{
  update_deal_summary (self);
}

void
_palier_designer_view_show_qualifiers (PalierDesignerView *self)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  PalierLiveSimulation *live = palier_designer_view_get_live_simulation (self);
  PalierResult *result = live != NULL ? palier_live_simulation_get_result (live) : NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *heading = NULL;
  PalierDecimal total = 0;
  guint n_partners = 0;

  if (component == NULL || component->kind != PALIER_COMPONENT_REWARD)
    return;

  clear_qualifiers (self);
  if (result == NULL)
    {
      gtk_label_set_text (self->qualifier_label, _("Who qualifies shows once the live simulation has run"));
      gtk_widget_set_visible (GTK_WIDGET (self->qualifier_list), FALSE);
      return;
    }

  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *partner = g_ptr_array_index (result->partners, i);
      g_autofree char *periods = NULL;
      g_autofree char *cost_text = NULL;
      PalierDecimal cost;

      periods = describe_wins (partner, component->id, &cost);
      if (periods == NULL)
        continue;

      n_partners++;
      total += cost;
      if (n_partners > MAX_QUALIFIER_ROWS)
        continue;

      cost_text = palier_format_money (cost, result->program->currency);
      gtk_list_box_append (self->qualifier_list, qualifier_row_new (partner, periods, cost_text));
    }

  total_text = palier_format_money (total, result->program->currency);
  if (n_partners > MAX_QUALIFIER_ROWS)
    /* Translators: the heading of the reward's winners when only the
     * first 50 are listed. */
    heading = g_strdup_printf (_("%u partners qualify on the simulated range, non-cash cost %s; the first %u are listed"),
                               n_partners, total_text, MAX_QUALIFIER_ROWS);
  else if (n_partners > 0)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u partner qualifies on the simulated range, non-cash cost %s",
                                            "%u partners qualify on the simulated range, non-cash cost %s",
                                            n_partners),
                               n_partners, total_text);
  else
    heading = g_strdup (_("No partner qualifies on the simulated range"));

  gtk_label_set_text (self->qualifier_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->qualifier_list), n_partners > 0);
}

/* Showing */

void
_palier_designer_view_show_kinds (PalierDesignerView    *self,
                                  const PalierProgram   *draft,
                                  const PalierComponent *component)
{
  gboolean deal_bonus = component != NULL && component->kind == PALIER_COMPONENT_DEAL_BONUS;
  gboolean reward = component != NULL && component->kind == PALIER_COMPONENT_REWARD;

  gtk_widget_set_visible (GTK_WIDGET (self->deal_group), deal_bonus);
  gtk_widget_set_visible (GTK_WIDGET (self->reward_group), reward);
  if (component == NULL)
    return;

  show_commission_options (self, draft, component);
  if (deal_bonus)
    show_deal_bonus (self, component);
  if (reward)
    show_reward (self, component);
}

/* Setup */

void
_palier_designer_view_init_kinds (PalierDesignerView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_object_set_data_full (G_OBJECT (self->component_period_row), ALL_PERIODS_KEY,
                          g_object_ref (adw_combo_row_get_model (self->component_period_row)),
                          g_object_unref);

  gtk_drawing_area_set_draw_func (self->deal_chart, draw_deal_chart, self, NULL);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (deal_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (deal_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (deal_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->deal_chart), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (deal_chart_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->deal_chart), keys);
}

void
_palier_designer_view_dispose_kinds (PalierDesignerView *self)
{
  g_cancellable_cancel (self->deal_cancellable);
  g_clear_object (&self->deal_cancellable);
  g_clear_pointer (&self->deal_values, g_array_unref);
  g_clear_pointer (&self->deal_values_key, g_free);
  g_clear_pointer (&self->deal_preview, palier_component_free);
}

void
_palier_designer_view_class_init_kinds (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, tier_kind_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, negative_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_period_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_group);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_min_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_amount_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_rate_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_rate_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_rate_switch);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_chart);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, deal_summary_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, reward_group);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, reward_kind_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, unit_cost_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, reward_rule_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, top_count_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, threshold_basis_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, threshold_min_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, qualifier_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, qualifier_list);

  gtk_widget_class_bind_template_callback (widget_class, component_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deal_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, deal_rate_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, deal_rate_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, reward_combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reward_entry_apply_cb);
}
