/* palier-goal-seek-dialog.c: finds the parameter value that meets a cost target
 *
 * The search is the core's palier_goal_seek() on the scenario's bases;
 * the dialog lists the parameters a component has, reads the target in
 * the locale's number forms and shows the outcome.  The value found is
 * written into the editor's program only on Apply, so that it lands on
 * the undo stack like any other edit.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-goal-seek-dialog.h"
#include "palier-number-input.h"

/* Period of the progress bar's pulse while a search runs, in
 * milliseconds.  The core reports no progress, so the bar only shows
 * that the search goes on. */
#define PULSE_INTERVAL_MS 100

typedef struct {
  PalierGoalParameter  parameter;       /* component points into the dialog's program */
  char                *label;
} ParameterChoice;

struct _PalierGoalSeekDialog
{
  AdwWindow parent_instance;

  PalierScenarioData *data;
  PalierMonteCarloOptions monte_carlo;
  PalierProgramEditor *editor;
  GPtrArray *component_ids;             /* ids of the components listed, borrowed */
  GArray *parameters;                   /* ParameterChoice of the selected component */
  GCancellable *cancellable;            /* of the search going, or NULL */
  guint pulse_source;
  PalierGoalSeekResult *result;
  ParameterChoice sought;               /* what @result was sought for */
  PalierGoalSeekOptions sought_options;

  /* template */
  AdwComboRow *component_row;
  GtkStringList *component_list;
  AdwComboRow *parameter_row;
  GtkStringList *parameter_list;
  GtkLabel *current_label;
  AdwComboRow *metric_row;
  AdwComboRow *statistic_row;
  AdwEntryRow *target_row;
  GtkProgressBar *progress_bar;
  GtkLabel *result_label;
  GtkButton *cancel_button;
  GtkButton *find_button;
  GtkButton *apply_button;
};

G_DEFINE_FINAL_TYPE (PalierGoalSeekDialog, palier_goal_seek_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
parameter_choice_clear (ParameterChoice *choice)
{
  g_clear_pointer (&choice->label, g_free);
}

static PalierProgram *
program (PalierGoalSeekDialog *self)
{
  return palier_scenario_data_get_program (self->data);
}

/* Parameters of each component */

static void
add_choice (PalierGoalSeekDialog    *self,
            PalierGoalParameterKind  kind,
            const PalierComponent   *component,
            guint                    index,
            char                    *label)
{
  ParameterChoice choice = { { kind, component->id, index }, label };

  g_array_append_val (self->parameters, choice);
}

/* Lists the parameters of @component that palier_goal_seek() can change,
 * in the order the designer shows them. */
static void
list_parameters (PalierGoalSeekDialog  *self,
                 const PalierComponent *component)
{
  g_array_set_size (self->parameters, 0);

  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      for (guint i = 0; component->tiers != NULL && i < component->tiers->len; i++)
        {
          const PalierTier *tier = &g_array_index (component->tiers, PalierTier, i);

          if (tier->kind == PALIER_TIER_PER_UNIT)
            add_choice (self, PALIER_GOAL_TIER_RATE, component, i,
                        g_strdup_printf (_("Tier %u amount per unit"), i + 1));
          else
            add_choice (self, PALIER_GOAL_TIER_RATE, component, i,
                        g_strdup_printf (_("Tier %u rate"), i + 1));

          if (i > 0)
            add_choice (self, PALIER_GOAL_TIER_FROM, component, i,
                        g_strdup_printf (_("Tier %u boundary"), i + 1));
        }
      if (component->has_cap)
        add_choice (self, PALIER_GOAL_CAP, component, 0, g_strdup (_("Cap")));
      break;

    case PALIER_COMPONENT_BONUS:
      for (guint i = 0; component->levels != NULL && i < component->levels->len; i++)
        add_choice (self, PALIER_GOAL_LEVEL_AMOUNT, component, i,
                    g_strdup_printf (_("Level %u amount"), i + 1));
      break;

    case PALIER_COMPONENT_DEAL_BONUS:
      add_choice (self, PALIER_GOAL_DEAL_AMOUNT, component, 0, g_strdup (_("Deal amount")));
      break;

    case PALIER_COMPONENT_REWARD:
    default:
      break;
    }
}

static gboolean
component_has_parameters (PalierGoalSeekDialog  *self,
                          const PalierComponent *component)
{
  list_parameters (self, component);
  return self->parameters->len > 0;
}

/* Formatting */

static char *
format_parameter (PalierGoalSeekDialog      *self,
                  const PalierGoalParameter *parameter,
                  PalierDecimal              value)
{
  const PalierComponent *component = palier_program_find_component (program (self), parameter->component);
  const char *currency = program (self)->currency;

  switch (parameter->kind)
    {
    case PALIER_GOAL_TIER_RATE:
      if (g_array_index (component->tiers, PalierTier, parameter->index).kind == PALIER_TIER_PER_UNIT)
        return palier_format_money (value, currency);
      return palier_format_rate (value);

    case PALIER_GOAL_TIER_FROM:
      if (component->basis == PALIER_BASIS_ATTAINMENT)
        return palier_format_rate (value);
      if (component->measure == PALIER_MEASURE_UNITS)
        return palier_format_quantity (value);
      return palier_format_money (value, currency);

    case PALIER_GOAL_LEVEL_AMOUNT:
    case PALIER_GOAL_CAP:
    case PALIER_GOAL_DEAL_AMOUNT:
    default:
      return palier_format_money (value, currency);
    }
}

static char *
format_metric (PalierGoalSeekDialog *self,
               PalierGoalMetric      metric,
               PalierDecimal         value)
{
  if (metric == PALIER_GOAL_COST_OF_SALES)
    return palier_format_percent (value, 2);

  return palier_format_money (value, program (self)->currency);
}

/* The figure sought, to stand in the middle of a sentence. */
static const char *
describe_figure (PalierGoalMetric    metric,
                 PalierGoalStatistic statistic)
{
  gboolean cost = metric == PALIER_GOAL_COST;

  switch (statistic)
    {
    case PALIER_GOAL_ON_P50:
      return cost ? _("the P50 cost") : _("the P50 cost of sales");

    case PALIER_GOAL_ON_P90:
      return cost ? _("the P90 cost") : _("the P90 cost of sales");

    case PALIER_GOAL_ON_HISTORY:
    default:
      return cost ? _("the cost on history") : _("the cost of sales on history");
    }
}

/* The choices */

static const ParameterChoice *
selected_parameter (PalierGoalSeekDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->parameter_row);

  if (selected >= self->parameters->len)
    return NULL;

  return &g_array_index (self->parameters, ParameterChoice, selected);
}

static PalierGoalMetric
selected_metric (PalierGoalSeekDialog *self)
{
  return adw_combo_row_get_selected (self->metric_row) == 1 ? PALIER_GOAL_COST_OF_SALES
                                                             : PALIER_GOAL_COST;
}

static PalierGoalStatistic
selected_statistic (PalierGoalSeekDialog *self)
{
  switch (adw_combo_row_get_selected (self->statistic_row))
    {
    case 1:
      return PALIER_GOAL_ON_P50;
    case 2:
      return PALIER_GOAL_ON_P90;
    default:
      return PALIER_GOAL_ON_HISTORY;
    }
}

static void
clear_result (PalierGoalSeekDialog *self)
{
  g_clear_pointer (&self->result, palier_goal_seek_result_unref);
  parameter_choice_clear (&self->sought);
  gtk_label_set_text (self->result_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
}

static void
show_current_value (PalierGoalSeekDialog *self)
{
  const ParameterChoice *choice = selected_parameter (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PalierDecimal value;

  if (choice == NULL)
    {
      gtk_label_set_text (self->current_label, "—");
      return;
    }

  if (!palier_goal_parameter_get (program (self), &choice->parameter, &value, &error))
    {
      gtk_label_set_text (self->current_label, error != NULL ? error->message : "—");
      return;
    }

  text = format_parameter (self, &choice->parameter, value);
  gtk_label_set_text (self->current_label, text);
}

static void
choice_changed_cb (PalierGoalSeekDialog *self)
{
  /* The template's rows report their first selection before the dialog
   * has a scenario. */
  if (self->data == NULL)
    return;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  clear_result (self);
}

static void
parameter_selected_cb (PalierGoalSeekDialog *self)
{
  if (self->data == NULL)
    return;

  show_current_value (self);
  choice_changed_cb (self);
}

static void
component_selected_cb (PalierGoalSeekDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->component_row);
  const PalierComponent *component;
  guint n_old;

  if (self->data == NULL || selected >= self->component_ids->len)
    return;

  component = palier_program_find_component (program (self),
                                             g_ptr_array_index (self->component_ids, selected));
  list_parameters (self, component);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->parameter_list));
  {
    g_autofree const char **labels = g_new0 (const char *, self->parameters->len + 1);

    for (guint i = 0; i < self->parameters->len; i++)
      labels[i] = g_array_index (self->parameters, ParameterChoice, i).label;
    gtk_string_list_splice (self->parameter_list, 0, n_old, labels);
  }

  adw_combo_row_set_selected (self->parameter_row, 0);
  parameter_selected_cb (self);
}

static void
metric_selected_cb (PalierGoalSeekDialog *self)
{
  if (self->data == NULL)
    return;

  if (selected_metric (self) == PALIER_GOAL_COST_OF_SALES)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row),
                                   _("Target cost of sales (%)"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target cost"));

  choice_changed_cb (self);
}

gboolean
palier_goal_seek_dialog_select_component (PalierGoalSeekDialog *self,
                                          const char           *id)
{
  g_return_val_if_fail (PALIER_IS_GOAL_SEEK_DIALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->component_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->component_ids, i), id) == 0)
      {
        adw_combo_row_set_selected (self->component_row, i);
        component_selected_cb (self);
        return TRUE;
      }

  return FALSE;
}

static gboolean
read_target (PalierGoalSeekDialog  *self,
             PalierDecimal         *out_target,
             GError               **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->target_row));

  if (selected_metric (self) == PALIER_GOAL_COST_OF_SALES)
    return palier_input_parse_percent (text, out_target, error);

  return palier_input_parse_number (text, out_target, error);
}

/* Showing the outcome */

static void
show_outcome (PalierGoalSeekDialog *self)
{
  const PalierGoalSeekResult *result = self->result;
  const PalierGoalParameter *parameter = &self->sought.parameter;
  PalierGoalMetric metric = self->sought_options.metric;
  const char *figure = describe_figure (metric, self->sought_options.statistic);
  g_autofree char *value = format_parameter (self, parameter, result->value);
  g_autofree char *original = format_parameter (self, parameter, result->original);
  g_autofree char *achieved = format_metric (self, metric, result->achieved);
  g_autofree char *target = format_metric (self, metric, result->target);
  g_autofree char *text = NULL;

  if (result->found)
    {
      /* Translators: "Tier 3 rate: 8.25% (now 10%). At that value, the
       * P90 cost of sales is 7.00%, for a target of 7.00%." */
      text = g_strdup_printf (_("%s: %s (now %s). At that value, %s is %s, for a target of %s."),
                              self->sought.label, value, original, figure, achieved, target);
    }
  else
    {
      g_autofree char *range_min = format_parameter (self, parameter, result->range_min);
      g_autofree char *range_max = format_parameter (self, parameter, result->range_max);
      g_autofree char *reachable_min = format_metric (self, metric, result->reachable_min);
      g_autofree char *reachable_max = format_metric (self, metric, result->reachable_max);

      /* Translators: "No value of Tier 3 rate can reach 7.00%. From 0%
       * to 100%, the P90 cost of sales stays between 7.40% and 9.10%.
       * The closest value, 0%, gives 7.40%." */
      text = g_strdup_printf (_("No value of %s can reach %s. From %s to %s, %s stays between %s and %s. The closest value, %s, gives %s."),
                              self->sought.label, target, range_min, range_max, figure,
                              reachable_min, reachable_max, value, achieved);
    }

  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), result->found && self->editor != NULL);
}

/* Searching */

static gboolean
pulse_cb (gpointer user_data)
{
  PalierGoalSeekDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_running (PalierGoalSeekDialog *self,
             gboolean              running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (running)
    self->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

typedef struct {
  PalierScenarioData *data;
  PalierGoalSeekOptions options;
  char *component_id;                   /* options.parameter.component */
} FindData;

static void
find_data_free (FindData *find)
{
  palier_scenario_data_unref (find->data);
  g_free (find->component_id);
  g_free (find);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FindData *find = task_data;
  GError *error = NULL;
  PalierGoalSeekResult *result;

  result = palier_goal_seek (palier_scenario_data_get_bases (find->data),
                             palier_scenario_data_get_program (find->data),
                             &find->options, cancellable, &error);
  if (result == NULL && error == NULL)
    g_set_error (&error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_INVALID,
                 _("The goal-seek returned no result"));

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) palier_goal_seek_result_unref);
}

static void
find_ready_cb (GObject      *source,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  g_autoptr(PalierGoalSeekDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  PalierGoalSeekResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    {
      g_clear_pointer (&result, palier_goal_seek_result_unref);
      return;
    }

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  self->result = result;

  if (result == NULL)
    gtk_label_set_text (self->result_label, error->message);
  else
    show_outcome (self);

  g_signal_emit (self, signals[FINISHED], 0);
}

void
palier_goal_seek_dialog_find (PalierGoalSeekDialog *self)
{
  const ParameterChoice *choice;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  PalierDecimal target;
  gboolean was_running;
  FindData *find;

  g_return_if_fail (PALIER_IS_GOAL_SEEK_DIALOG (self));

  choice = selected_parameter (self);
  if (choice == NULL)
    return;

  was_running = self->cancellable != NULL;
  choice_changed_cb (self);

  if (!read_target (self, &target, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->target_row), "error");
      gtk_label_set_text (self->result_label, error->message);
      if (was_running)
        set_running (self, FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");

  self->sought.parameter = choice->parameter;
  self->sought.label = g_strdup (choice->label);

  find = g_new0 (FindData, 1);
  find->data = palier_scenario_data_ref (self->data);
  find->component_id = g_strdup (choice->parameter.component);
  find->options.parameter = choice->parameter;
  find->options.parameter.component = find->component_id;
  find->options.metric = selected_metric (self);
  find->options.statistic = selected_statistic (self);
  find->options.target = target;
  find->options.monte_carlo = self->monte_carlo;
  self->sought_options = find->options;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, find_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, palier_goal_seek_dialog_find);
  g_task_set_task_data (task, find, (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);

  set_running (self, TRUE);
}

gboolean
palier_goal_seek_dialog_is_running (PalierGoalSeekDialog *self)
{
  g_return_val_if_fail (PALIER_IS_GOAL_SEEK_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

PalierGoalSeekResult *
palier_goal_seek_dialog_get_result (PalierGoalSeekDialog *self)
{
  g_return_val_if_fail (PALIER_IS_GOAL_SEEK_DIALOG (self), NULL);

  return self->result;
}

static void
find_clicked_cb (PalierGoalSeekDialog *self)
{
  palier_goal_seek_dialog_find (self);
}

static void
cancel_clicked_cb (PalierGoalSeekDialog *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  gtk_label_set_text (self->result_label, _("Search cancelled."));
}

/* Applying */

gboolean
palier_goal_seek_dialog_apply (PalierGoalSeekDialog *self)
{
  g_autoptr(PalierProgram) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *summary = NULL;
  const PalierComponent *component;
  PalierProgram *current;

  g_return_val_if_fail (PALIER_IS_GOAL_SEEK_DIALOG (self), FALSE);

  if (self->result == NULL || !self->result->found || self->editor == NULL)
    return FALSE;

  /* The editor may hold later edits than the scenario's program: change
   * only the parameter sought in its program, and keep the rest. */
  current = palier_program_editor_get_program (self->editor);
  if (g_strcmp0 (current->id, program (self)->id) != 0)
    {
      gtk_label_set_text (self->result_label,
                          _("The Designer now edits another program; select the scenario’s program there and apply again."));
      return FALSE;
    }

  candidate = palier_program_copy (current);
  if (!palier_goal_parameter_set (candidate, &self->sought.parameter, self->result->value, &error))
    {
      gtk_label_set_text (self->result_label, error->message);
      return FALSE;
    }

  component = palier_program_find_component (candidate, self->sought.parameter.component);
  value = format_parameter (self, &self->sought.parameter, self->result->value);
  /* Translators: the summary of the edit in the program's history:
   * "Goal seek on Base commission: Tier 3 rate set to 8.25%". */
  summary = g_strdup_printf (_("Goal seek on %s: %s set to %s"),
                             component->name, self->sought.label, value);

  if (!palier_program_editor_edit (self->editor, candidate, summary))
    return FALSE;

  g_signal_emit (self, signals[APPLIED], 0, self->editor);
  return TRUE;
}

static void
apply_clicked_cb (PalierGoalSeekDialog *self)
{
  if (palier_goal_seek_dialog_apply (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
palier_goal_seek_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PalierGoalSeekDialog *self = PALIER_GOAL_SEEK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, palier_goal_seek_dialog_is_running (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_goal_seek_dialog_dispose (GObject *object)
{
  PalierGoalSeekDialog *self = PALIER_GOAL_SEEK_DIALOG (object);

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), PALIER_TYPE_GOAL_SEEK_DIALOG);

  G_OBJECT_CLASS (palier_goal_seek_dialog_parent_class)->dispose (object);
}

static void
palier_goal_seek_dialog_finalize (GObject *object)
{
  PalierGoalSeekDialog *self = PALIER_GOAL_SEEK_DIALOG (object);

  g_clear_pointer (&self->result, palier_goal_seek_result_unref);
  parameter_choice_clear (&self->sought);
  g_clear_pointer (&self->parameters, g_array_unref);
  g_clear_pointer (&self->component_ids, g_ptr_array_unref);
  g_clear_pointer (&self->data, palier_scenario_data_unref);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (palier_goal_seek_dialog_parent_class)->finalize (object);
}

static void
palier_goal_seek_dialog_class_init (PalierGoalSeekDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = palier_goal_seek_dialog_get_property;
  object_class->dispose = palier_goal_seek_dialog_dispose;
  object_class->finalize = palier_goal_seek_dialog_finalize;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a search ends with a result or an error; a cancelled
   * search emits nothing. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Emitted when Apply has changed the editor's program.  The editor,
   * the argument, writes the new version in a worker thread and emits
   * "saved" once it is written, which may come before this signal. */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PALIER_TYPE_PROGRAM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/palier/Palier/palier-goal-seek-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, component_row);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, component_list);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, parameter_row);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, parameter_list);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, current_label);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, statistic_row);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, find_button);
  gtk_widget_class_bind_template_child (widget_class, PalierGoalSeekDialog, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, component_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, parameter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, metric_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
}

static void
palier_goal_seek_dialog_init (PalierGoalSeekDialog *self)
{
  self->component_ids = g_ptr_array_new ();
  self->parameters = g_array_new (FALSE, TRUE, sizeof (ParameterChoice));
  g_array_set_clear_func (self->parameters, (GDestroyNotify) parameter_choice_clear);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Lists the components that have a parameter to seek, then selects the
 * first one. */
static void
fill_components (PalierGoalSeekDialog *self)
{
  PalierProgram *sought_program = program (self);

  for (guint i = 0; i < sought_program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (sought_program->components, i);

      if (!component_has_parameters (self, component))
        continue;

      g_ptr_array_add (self->component_ids, component->id);
      gtk_string_list_append (self->component_list, component->name);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), self->component_ids->len > 0);
  if (self->component_ids->len == 0)
    {
      gtk_label_set_text (self->result_label,
                          _("This program has no tier, bonus level, cap or deal amount to seek."));
      return;
    }

  adw_combo_row_set_selected (self->component_row, 0);
  component_selected_cb (self);
}

PalierGoalSeekDialog *
palier_goal_seek_dialog_new (GtkWindow                     *parent,
                             PalierScenarioData            *data,
                             const PalierMonteCarloOptions *monte_carlo,
                             PalierProgramEditor           *editor)
{
  PalierGoalSeekDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (monte_carlo != NULL, NULL);
  g_return_val_if_fail (editor == NULL || PALIER_IS_PROGRAM_EDITOR (editor), NULL);

  self = g_object_new (PALIER_TYPE_GOAL_SEEK_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->data = palier_scenario_data_ref (data);
  self->monte_carlo = *monte_carlo;
  self->editor = editor != NULL ? g_object_ref (editor) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), editor != NULL);

  fill_components (self);

  return self;
}
