/* palier-risk-panel.c: how much a scenario's yearly cost may vary
 *
 * Every figure is the core's palier_monte_carlo_run(); the panel only
 * runs it off the main thread and formats its numbers in the locale.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-format.h"
#include "palier-goal-seek-dialog.h"
#include "palier-number-input.h"
#include "palier-risk-panel.h"
#include "palier-window-private.h"

/* Pause after the last change of an input before the panel runs again,
 * in milliseconds: long enough to type a budget without a run per key. */
#define RERUN_DELAY_MS 400

struct _PalierRiskPanel
{
  AdwBin parent_instance;

  PalierScenarioData *data;
  PalierMonteCarloResult *result;
  PalierProgramEditor *editor;
  PalierProgramEditor *applied_editor;  /* saving a goal-seek's Apply, or NULL */
  GCancellable *cancellable;            /* of the run going, or NULL */
  GCancellable *load_cancellable;       /* of the scenario being read, or NULL */
  guint rerun_source;
  gint64 start_time;
  gint64 last_duration;                 /* microseconds */

  /* template */
  GtkLabel *heading_label;
  GtkSpinButton *draws_spin;
  GtkSpinButton *seed_spin;
  GtkEntry *budget_entry;
  GtkButton *run_button;
  GtkButton *cancel_button;
  GtkSpinner *spinner;
  GtkButton *goal_seek_button;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkDrawingArea *chart;
  GtkLabel *mean_cost_label;
  GtkLabel *p10_cost_label;
  GtkLabel *p50_cost_label;
  GtkLabel *p90_cost_label;
  GtkLabel *p99_cost_label;
  GtkLabel *mean_ratio_label;
  GtkLabel *p10_ratio_label;
  GtkLabel *p50_ratio_label;
  GtkLabel *p90_ratio_label;
  GtkLabel *p99_ratio_label;
  GtkLabel *budget_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (PalierRiskPanel, palier_risk_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  PROGRAM_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Showing a result */

static void
set_stats_labels (GtkLabel               *labels[5],
                  const PalierRiskStats  *stats,
                  char                 *(*format) (PalierDecimal, const char *),
                  const char             *currency)
{
  const PalierDecimal values[5] = { stats->mean, stats->p10, stats->p50, stats->p90, stats->p99 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = format (values[i], currency);

      gtk_label_set_text (labels[i], text);
    }
}

static char *
format_money (PalierDecimal  value,
              const char    *currency)
{
  return palier_format_money (value, currency);
}

static char *
format_ratio (PalierDecimal  value,
              const char    *currency)
{
  return palier_format_percent (value, 2);
}

/* The share of draws over the budget, exactly, as a fraction in
 * millionths rounded half up. */
static PalierDecimal
over_budget_fraction (const PalierMonteCarloResult *result)
{
  if (result->n_draws == 0)
    return 0;

  return (PalierDecimal) ((result->n_over_budget * (guint64) PALIER_DECIMAL_ONE * 2 + result->n_draws) /
                          (2 * (guint64) result->n_draws));
}

static void
show_budget (PalierRiskPanel *self)
{
  const PalierMonteCarloResult *result = self->result;
  const char *currency = palier_scenario_data_get_program (self->data)->currency;
  g_autofree char *budget = NULL;
  g_autofree char *share = NULL;
  g_autofree char *over = NULL;
  g_autofree char *draws = NULL;
  g_autofree char *text = NULL;

  if (!result->has_budget)
    {
      gtk_label_set_text (self->budget_label, _("Type a budget to see how likely the cost is to exceed it."));
      return;
    }

  budget = palier_format_money (result->budget, currency);
  share = palier_format_percent (over_budget_fraction (result), 2);
  over = palier_format_count (result->n_over_budget);
  draws = palier_format_count (result->n_draws);
  /* Translators: "Probability of exceeding the budget of $50,000.00:
   * 12.34% (1,234 of 10,000 draws)". */
  text = g_strdup_printf (_("Probability of exceeding the budget of %s: %s (%s of %s draws)"),
                          budget, share, over, draws);
  gtk_label_set_text (self->budget_label, text);
}

static void
show_status (PalierRiskPanel *self)
{
  g_autofree char *draws = palier_format_count (self->result->n_draws);
  g_autofree char *partners = palier_format_count (self->result->n_partners);
  g_autofree char *text = NULL;

  /* Translators: "10,000 draws of 793 partners in 0.84 s"; the time is
   * in seconds. */
  text = g_strdup_printf (_("%s draws of %s partners in %.2f s"),
                          draws, partners, self->last_duration / (double) G_USEC_PER_SEC);
  gtk_label_set_text (self->status_label, text);
}

static void
show_result (PalierRiskPanel *self)
{
  const char *currency = palier_scenario_data_get_program (self->data)->currency;
  GtkLabel *cost_labels[5] = {
    self->mean_cost_label, self->p10_cost_label, self->p50_cost_label,
    self->p90_cost_label, self->p99_cost_label,
  };
  GtkLabel *ratio_labels[5] = {
    self->mean_ratio_label, self->p10_ratio_label, self->p50_ratio_label,
    self->p90_ratio_label, self->p99_ratio_label,
  };

  set_stats_labels (cost_labels, &self->result->cost, format_money, currency);
  set_stats_labels (ratio_labels, &self->result->cost_of_sales, format_ratio, currency);
  show_budget (self);
  show_status (self);

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
show_error (PalierRiskPanel *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PalierRiskPanel *self = user_data;
  PalierChartStyle style;

  if (self->result == NULL)
    return;

  palier_chart_view_init_style (GTK_WIDGET (area), &style);
  palier_chart_draw_risk (cr, width, height, self->result, &style);
}

/* Running */

static void
set_running (PalierRiskPanel *self,
             gboolean         running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

typedef struct {
  PalierScenarioData *data;
  PalierMonteCarloOptions options;
} RunData;

static void
run_data_free (RunData *run)
{
  palier_scenario_data_unref (run->data);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  PalierMonteCarloResult *result;

  result = palier_monte_carlo_run (palier_scenario_data_get_bases (run->data),
                                   palier_scenario_data_get_program (run->data),
                                   &run->options, cancellable, &error);
  if (result == NULL && error == NULL)
    g_set_error (&error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_INVALID,
                 _("The Monte Carlo returned no result"));

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) palier_monte_carlo_result_unref);
}

static void
run_ready_cb (GObject      *source,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  g_autoptr(PalierRiskPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  PalierMonteCarloResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);

  /* A replaced or cancelled run reports nothing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    {
      g_clear_pointer (&result, palier_monte_carlo_result_unref);
      return;
    }

  g_clear_object (&self->cancellable);
  self->last_duration = g_get_monotonic_time () - self->start_time;
  g_clear_pointer (&self->result, palier_monte_carlo_result_unref);
  self->result = result;

  if (result == NULL)
    show_error (self, error);
  else
    show_result (self);

  set_running (self, FALSE);
  g_signal_emit (self, signals[UPDATED], 0);
}

gboolean
palier_risk_panel_get_options (PalierRiskPanel          *self,
                               PalierMonteCarloOptions  *out_options,
                               GError                  **error)
{
  const char *budget_text;

  g_return_val_if_fail (PALIER_IS_RISK_PANEL (self), FALSE);
  g_return_val_if_fail (out_options != NULL, FALSE);

  *out_options = (PalierMonteCarloOptions) { 0 };
  out_options->n_draws = (guint) gtk_spin_button_get_value_as_int (self->draws_spin);
  out_options->seed = (guint64) gtk_spin_button_get_value (self->seed_spin);

  budget_text = gtk_editable_get_text (GTK_EDITABLE (self->budget_entry));
  if (budget_text[0] == '\0')
    return TRUE;

  if (!palier_input_parse_number (budget_text, &out_options->budget, error))
    return FALSE;

  out_options->has_budget = TRUE;
  return TRUE;
}

/* Marks the budget entry as invalid, with the reason as its tooltip,
 * when it contains text that is not a number.  Returns whether the
 * budget is valid or empty. */
static gboolean
check_budget (PalierRiskPanel *self)
{
  g_autoptr(GError) error = NULL;
  PalierMonteCarloOptions options;
  GtkWidget *entry = GTK_WIDGET (self->budget_entry);

  if (palier_risk_panel_get_options (self, &options, &error))
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, _("Cost per year to compare the draws with"));
      return TRUE;
    }

  gtk_widget_add_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, error->message);
  return FALSE;
}

void
palier_risk_panel_run (PalierRiskPanel *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_running;
  RunData *run;

  g_return_if_fail (PALIER_IS_RISK_PANEL (self));

  g_clear_handle_id (&self->rerun_source, g_source_remove);
  if (self->data == NULL || !check_budget (self))
    return;

  was_running = self->cancellable != NULL;
  if (was_running)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  run = g_new0 (RunData, 1);
  run->data = palier_scenario_data_ref (self->data);
  palier_risk_panel_get_options (self, &run->options, NULL);

  self->cancellable = g_cancellable_new ();
  self->start_time = g_get_monotonic_time ();
  task = g_task_new (NULL, self->cancellable, run_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, palier_risk_panel_run);
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);

  if (!was_running)
    set_running (self, TRUE);
}

void
palier_risk_panel_cancel (PalierRiskPanel *self)
{
  g_return_if_fail (PALIER_IS_RISK_PANEL (self));

  g_clear_handle_id (&self->rerun_source, g_source_remove);
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
}

gboolean
palier_risk_panel_is_running (PalierRiskPanel *self)
{
  g_return_val_if_fail (PALIER_IS_RISK_PANEL (self), FALSE);

  return self->cancellable != NULL;
}

static gboolean
rerun_cb (gpointer user_data)
{
  PalierRiskPanel *self = user_data;

  self->rerun_source = 0;
  palier_risk_panel_run (self);

  return G_SOURCE_REMOVE;
}

/* The draws read as a count of years, grouped as the locale groups
 * numbers ("10,000", "10 000" in French).  The seed stays ungrouped
 * because it is an identifier, not a quantity. */
static gboolean
draws_output_cb (GtkSpinButton *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = palier_format_count ((guint64) MAX (value, 0.0));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* Reads what the user typed in the locale's form, grouping included. */
static int
draws_input_cb (GtkSpinButton *spin,
                double        *new_value)
{
  PalierDecimal value;

  if (!palier_input_parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), &value, NULL) ||
      value % PALIER_DECIMAL_ONE != 0)
    return GTK_INPUT_ERROR;

  *new_value = (double) (value / PALIER_DECIMAL_ONE);
  return TRUE;
}

static void
input_changed_cb (PalierRiskPanel *self)
{
  g_clear_handle_id (&self->rerun_source, g_source_remove);
  if (!check_budget (self) || self->data == NULL)
    return;

  self->rerun_source = g_timeout_add (RERUN_DELAY_MS, rerun_cb, self);
}

static void
run_clicked_cb (PalierRiskPanel *self)
{
  palier_risk_panel_run (self);
}

static void
cancel_clicked_cb (PalierRiskPanel *self)
{
  palier_risk_panel_cancel (self);
}

/* The scenario */

void
palier_risk_panel_set_data (PalierRiskPanel    *self,
                            PalierScenarioData *data)
{
  g_return_if_fail (PALIER_IS_RISK_PANEL (self));

  palier_risk_panel_cancel (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (data != NULL)
    palier_scenario_data_ref (data);
  g_clear_pointer (&self->data, palier_scenario_data_unref);
  self->data = data;
  g_clear_pointer (&self->result, palier_monte_carlo_result_unref);

  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_seek_button), data != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), data != NULL);

  if (data == NULL)
    {
      gtk_label_set_text (self->heading_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->heading_label, palier_scenario_data_get_label (data));
  palier_risk_panel_run (self);
}

PalierScenarioData *
palier_risk_panel_get_data (PalierRiskPanel *self)
{
  g_return_val_if_fail (PALIER_IS_RISK_PANEL (self), NULL);

  return self->data;
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  g_autoptr(PalierRiskPanel) self = user_data;
  g_autoptr(PalierScenarioData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = palier_scenario_data_load_finish (async_result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;

  g_clear_object (&self->load_cancellable);
  set_running (self, FALSE);

  if (data == NULL)
    {
      show_error (self, error);
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  palier_risk_panel_set_data (self, data);
}

void
palier_risk_panel_set_scenario (PalierRiskPanel      *self,
                                PalierWorkspace      *workspace,
                                const PalierScenario *scenario)
{
  g_return_if_fail (PALIER_IS_RISK_PANEL (self));
  g_return_if_fail (PALIER_IS_WORKSPACE (workspace));
  g_return_if_fail (scenario != NULL);

  palier_risk_panel_set_data (self, NULL);
  gtk_label_set_text (self->heading_label, scenario->name);

  self->load_cancellable = g_cancellable_new ();
  palier_scenario_data_load_async (palier_workspace_get_path (workspace), scenario,
                                   self->load_cancellable, load_ready_cb, g_object_ref (self));
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
}

PalierMonteCarloResult *
palier_risk_panel_get_result (PalierRiskPanel *self)
{
  g_return_val_if_fail (PALIER_IS_RISK_PANEL (self), NULL);

  return self->result;
}

/* Goal-seek */

void
palier_risk_panel_set_editor (PalierRiskPanel     *self,
                              PalierProgramEditor *editor)
{
  g_return_if_fail (PALIER_IS_RISK_PANEL (self));
  g_return_if_fail (editor == NULL || PALIER_IS_PROGRAM_EDITOR (editor));

  g_set_object (&self->editor, editor);
}

/* The editor of the scenario's program: the one set, or the Designer's
 * once it has selected that program. */
static PalierProgramEditor *
find_editor (PalierRiskPanel *self)
{
  const char *program_id = palier_scenario_data_get_program (self->data)->id;
  GtkWidget *window;
  PalierDesignerView *designer;

  if (self->editor != NULL)
    return self->editor;

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), PALIER_TYPE_WINDOW);
  if (window == NULL)
    return NULL;

  designer = PALIER_WINDOW (window)->designer_view;
  if (!palier_designer_view_select_program (designer, program_id))
    return NULL;

  return palier_designer_view_get_editor (designer);
}

static void
stop_following_save (PalierRiskPanel *self)
{
  if (self->applied_editor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->applied_editor, self);
  g_clear_object (&self->applied_editor);
}

/* An earlier edit's save may land first: wait until the editor has
 * written every version queued, the applied one included. */
static void
applied_version_saved_cb (PalierRiskPanel *self)
{
  if (palier_program_editor_get_n_pending_saves (self->applied_editor) > 0)
    return;

  stop_following_save (self);
  g_signal_emit (self, signals[PROGRAM_SAVED], 0);
}

static void
applied_version_failed_cb (PalierRiskPanel *self,
                           const char      *message)
{
  g_warning ("Cannot save the goal-seek's value to the program: %s", message);
  stop_following_save (self);
}

/* The scenario's data is read from the store, so the panels can follow
 * the applied value only once the editor has written it.  The editor
 * may have written it already: its window can run the main loop while
 * it takes the edit. */
static void
goal_seek_applied_cb (PalierRiskPanel     *self,
                      PalierProgramEditor *editor)
{
  stop_following_save (self);

  if (palier_program_editor_get_n_pending_saves (editor) == 0)
    {
      g_signal_emit (self, signals[PROGRAM_SAVED], 0);
      return;
    }

  self->applied_editor = g_object_ref (editor);
  g_signal_connect_swapped (editor, "saved", G_CALLBACK (applied_version_saved_cb), self);
  g_signal_connect_swapped (editor, "save-failed", G_CALLBACK (applied_version_failed_cb), self);
}

void
palier_risk_panel_goal_seek (PalierRiskPanel *self,
                             const char      *component_id)
{
  PalierMonteCarloOptions options;
  PalierGoalSeekDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (PALIER_IS_RISK_PANEL (self));

  if (self->data == NULL)
    return;

  if (!palier_risk_panel_get_options (self, &options, NULL))
    options.has_budget = FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = palier_goal_seek_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->data, &options, find_editor (self));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (goal_seek_applied_cb), self,
                           G_CONNECT_SWAPPED);
  if (component_id != NULL)
    palier_goal_seek_dialog_select_component (dialog, component_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
goal_seek_clicked_cb (PalierRiskPanel *self)
{
  palier_risk_panel_goal_seek (self, NULL);
}

/* GObject */

static void
palier_risk_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PalierRiskPanel *self = PALIER_RISK_PANEL (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, palier_risk_panel_is_running (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_risk_panel_dispose (GObject *object)
{
  PalierRiskPanel *self = PALIER_RISK_PANEL (object);

  g_clear_handle_id (&self->rerun_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_following_save (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PALIER_TYPE_RISK_PANEL);

  G_OBJECT_CLASS (palier_risk_panel_parent_class)->dispose (object);
}

static void
palier_risk_panel_finalize (GObject *object)
{
  PalierRiskPanel *self = PALIER_RISK_PANEL (object);

  g_clear_pointer (&self->data, palier_scenario_data_unref);
  g_clear_pointer (&self->result, palier_monte_carlo_result_unref);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (palier_risk_panel_parent_class)->finalize (object);
}

static void
palier_risk_panel_class_init (PalierRiskPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = palier_risk_panel_get_property;
  object_class->dispose = palier_risk_panel_dispose;
  object_class->finalize = palier_risk_panel_finalize;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a run or the reading of a scenario ends with a result
   * or an error; a cancelled run emits nothing. */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Emitted when the program version that a goal-seek's Apply made is
   * in the workspace, so that the owner can read the scenario again. */
  signals[PROGRAM_SAVED] =
    g_signal_new ("program-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/palier/Palier/palier-risk-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, draws_spin);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, budget_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, run_button);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, goal_seek_button);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, mean_cost_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p10_cost_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p50_cost_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p90_cost_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p99_cost_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, mean_ratio_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p10_ratio_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p50_ratio_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p90_ratio_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, p99_ratio_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, budget_label);
  gtk_widget_class_bind_template_child (widget_class, PalierRiskPanel, status_label);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, draws_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, draws_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_seek_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "palier-risk-panel");
}

static void
palier_risk_panel_init (PalierRiskPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->seed_spin, PALIER_MONTE_CARLO_DEFAULT_SEED);

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
palier_risk_panel_new (void)
{
  return g_object_new (PALIER_TYPE_RISK_PANEL, NULL);
}
