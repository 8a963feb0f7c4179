/* palier-scenarios-view.c: what-if scenarios of the workspace
 *
 * The list shows every scenario of the workspace with its program, its
 * window, its overall growth and the cost of its latest kept run.  Runs
 * go through palier_scenario_run() in a worker thread with a connection
 * of its own, one scenario after the other, so the progress bar moves
 * per scenario and Cancel stops before the next one.  The core keeps
 * each run in the workspace, so reopening the workspace shows the same
 * comparison.
 *
 * The comparison is computed again whenever the ticked scenarios or
 * their runs change, in a worker thread too, because it reads each
 * run's bases for the tiers reached.  It always uses the program,
 * assumptions and window each run was computed from.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-presentation-window.h"
#include "palier-scenario-dialog.h"
#include "palier-scenarios-view-private.h"

G_DEFINE_FINAL_TYPE (PalierScenariosView, palier_scenarios_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SELECTED_SCENARIO,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_comparison (PalierScenariosView *self);
static void update_actions    (PalierScenariosView *self);

PalierScenario *
_palier_scenarios_view_find (PalierScenariosView *self,
                             const char          *id)
{
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      PalierScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (g_strcmp0 (scenario->id, id) == 0)
        return scenario;
    }

  return NULL;
}

static GtkWindow *
parent_window (PalierScenariosView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The rows */

/* "All history", or the window's dates. */
static char *
describe_window (PalierScenariosView  *self,
                 const PalierScenario *scenario)
{
  PalierDate first = PALIER_DATE_NONE;
  PalierDate last = PALIER_DATE_NONE;
  PalierDate from = scenario->from;
  PalierDate to = scenario->to;

  if (!palier_date_is_valid (from) && !palier_date_is_valid (to))
    return g_strdup (_("All history"));

  palier_workspace_get_sales_dates (self->workspace, &first, &last);
  if (!palier_date_is_valid (from))
    from = first;
  if (!palier_date_is_valid (to))
    to = last;
  if (!palier_date_is_valid (from) || !palier_date_is_valid (to))
    return g_strdup (_("All history"));

  return palier_format_date_range (from, to);
}

static char *
describe_growth (PalierDecimal growth)
{
  g_autofree char *rate = palier_format_rate (growth);

  if (growth > 0)
    /* Translators: a growth with its sign, "+8%". */
    return g_strdup_printf (_("+%s"), rate);

  return g_steal_pointer (&rate);
}

/* "Program · window · growth" under the scenario's name. */
static char *
describe_scenario (PalierScenariosView  *self,
                   const PalierScenario *scenario,
                   GHashTable           *program_names)
{
  const char *program = g_hash_table_lookup (program_names, scenario->program_id);
  g_autofree char *window = describe_window (self, scenario);
  g_autofree char *growth = describe_growth (scenario->assumptions->growth);

  /* Translators: the subtitle of a scenario in the list: its program on
   * the first line, then its window of sales and its overall growth. */
  return g_strdup_printf (_("%s\n%s · %s"), program != NULL ? program : scenario->program_id,
                          window, growth);
}

static char *
describe_run (const PalierScenarioRun *run)
{
  if (run == NULL)
    return g_strdup (_("Not run"));

  return palier_format_money (run->result->total_cost, run->result->program->currency);
}

static void
tick_toggled_cb (GtkToggleButton     *check,
                 PalierScenariosView *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "palier-scenario-id");
  gboolean active = gtk_toggle_button_get_active (check);

  if (self->filling)
    return;

  if (!palier_scenarios_view_set_ticked (self, id, active))
    {
      /* Past the limit: the check goes back off and the hint says why. */
      self->filling = TRUE;
      gtk_toggle_button_set_active (check, FALSE);
      self->filling = FALSE;
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_label_set_text (self->hint_label,
                          _("At most four scenarios can be compared at once. Untick one first."));
    }
}

static GtkWidget *
scenario_row_new (PalierScenariosView  *self,
                  const PalierScenario *scenario,
                  GHashTable           *program_names)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_toggle_button_new ();
  GtkWidget *cost = gtk_label_new (NULL);
  g_autofree char *subtitle = describe_scenario (self, scenario, program_names);
  g_autofree char *run = describe_run (g_hash_table_lookup (self->runs, scenario->id));
  g_autofree char *check_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scenario->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  g_object_set_data_full (G_OBJECT (row), "palier-scenario-id", g_strdup (scenario->id), g_free);

  /* A toggle button, not a GtkCheckButton: GTK 4.8 gives a check button
   * no AT-SPI action, so assistive tools could not tick it, while a
   * toggle button offers "click".  Checked with pyatspi under Xvfb. */
  /* Translators: accessible name and tooltip of the tick of a scenario. */
  check_label = g_strdup_printf (_("Compare “%s”"), scenario->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_widget_set_tooltip_text (check, check_label);
  gtk_button_set_icon_name (GTK_BUTTON (check), "object-select-symbolic");
  gtk_widget_add_css_class (check, "circular");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (check),
                               g_ptr_array_find_with_equal_func (self->ticked, scenario->id, g_str_equal, NULL));
  g_object_set_data_full (G_OBJECT (check), "palier-scenario-id", g_strdup (scenario->id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (tick_toggled_cb), self, 0);
  g_hash_table_insert (self->checks, g_strdup (scenario->id), check);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_label_set_text (GTK_LABEL (cost), run);
  gtk_widget_add_css_class (cost, "numeric");
  gtk_widget_add_css_class (cost, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cost);

  return row;
}

static GHashTable *
program_names_new (PalierScenariosView *self)
{
  PalierStore *store = palier_workspace_get_store (self->workspace);
  g_autoptr(GPtrArray) ids = palier_store_list_programs (store, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(PalierProgram) program = palier_store_load_program (store, id, NULL);

      if (program != NULL && program->name != NULL)
        g_hash_table_insert (names, g_strdup (id), g_strdup (program->name));
    }

  return names;
}

static void
fill_list (PalierScenariosView *self)
{
  g_autoptr(GHashTable) program_names = program_names_new (self);
  GtkWidget *child;

  self->filling = TRUE;
  g_hash_table_remove_all (self->checks);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list))) != NULL)
    gtk_list_box_remove (self->scenario_list, child);

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      PalierScenario *scenario = g_ptr_array_index (self->scenarios, i);
      GtkWidget *row = scenario_row_new (self, scenario, program_names);

      gtk_list_box_append (self->scenario_list, row);
      if (g_strcmp0 (scenario->id, self->selected_id) == 0)
        gtk_list_box_select_row (self->scenario_list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
}

/* Loading */

static void
clear_results (PalierScenariosView *self)
{
  g_clear_pointer (&self->risk, palier_monte_carlo_result_unref);
  g_clear_pointer (&self->health, palier_health_unref);
}

static void
forget_scenarios (PalierScenariosView *self)
{
  palier_scenarios_view_cancel (self);
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_hash_table_remove_all (self->runs);
  g_ptr_array_set_size (self->ticked, 0);
  g_clear_pointer (&self->comparison, palier_scenario_comparison_unref);
  g_clear_pointer (&self->selected_id, g_free);
  clear_results (self);
  palier_scenario_compare_set_comparison (self->compare, NULL);
}

/* Keeps only the ticked ids that still name a scenario. */
static void
prune_ticked (PalierScenariosView *self)
{
  for (guint i = self->ticked->len; i > 0; i--)
    if (_palier_scenarios_view_find (self, g_ptr_array_index (self->ticked, i - 1)) == NULL)
      g_ptr_array_remove_index (self->ticked, i - 1);
}

void
palier_scenarios_view_reload (PalierScenariosView *self)
{
  PalierStore *store;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  if (self->workspace == NULL)
    {
      forget_scenarios (self);
      gtk_stack_set_visible_child_name (self->stack, "no-workspace");
      update_actions (self);
      return;
    }

  store = palier_workspace_get_store (self->workspace);
  scenarios = palier_store_list_scenarios (store, &error);
  if (scenarios == NULL && error != NULL)
    g_warning ("Cannot list the scenarios of %s: %s",
               palier_workspace_get_path (self->workspace), error->message);

  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  self->scenarios = scenarios != NULL ? g_steal_pointer (&scenarios)
                                      : g_ptr_array_new_with_free_func ((GDestroyNotify) palier_scenario_unref);

  g_hash_table_remove_all (self->runs);
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      PalierScenario *scenario = g_ptr_array_index (self->scenarios, i);
      g_autoptr(GError) run_error = NULL;
      PalierScenarioRun *run = palier_store_load_last_scenario_run (store, scenario->id, &run_error);

      if (run != NULL)
        g_hash_table_insert (self->runs, g_strdup (scenario->id), run);
      else if (run_error != NULL)
        g_warning ("Cannot read the last run of scenario %s: %s", scenario->id, run_error->message);
    }

  prune_ticked (self);
  if (_palier_scenarios_view_find (self, self->selected_id) == NULL)
    {
      g_clear_pointer (&self->selected_id, g_free);
      if (self->scenarios->len > 0)
        self->selected_id = g_strdup (((PalierScenario *) g_ptr_array_index (self->scenarios, 0))->id);
      clear_results (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCENARIO]);
    }

  fill_list (self);
  gtk_stack_set_visible_child_name (self->stack, self->scenarios->len > 0 ? "scenarios" : "no-scenarios");
  update_comparison (self);
  update_actions (self);
}

/* Selection and ticks */

static void
row_selected_cb (PalierScenariosView *self,
                 GtkListBoxRow       *row)
{
  const char *id;

  if (self->filling || row == NULL)
    return;

  id = g_object_get_data (G_OBJECT (row), "palier-scenario-id");
  if (g_strcmp0 (id, self->selected_id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  clear_results (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCENARIO]);
}

gboolean
palier_scenarios_view_select (PalierScenariosView *self,
                              const char          *id)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "palier-scenario-id"), id) == 0)
      {
        gtk_list_box_select_row (self->scenario_list, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }

  return FALSE;
}

gboolean
palier_scenarios_view_set_ticked (PalierScenariosView *self,
                                  const char          *id,
                                  gboolean             ticked)
{
  guint index;
  gboolean is_ticked;

  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (_palier_scenarios_view_find (self, id) == NULL)
    return FALSE;

  is_ticked = g_ptr_array_find_with_equal_func (self->ticked, id, g_str_equal, &index);
  if (is_ticked == ticked)
    return TRUE;
  if (ticked && self->ticked->len >= PALIER_SCENARIO_MAX_COMPARED)
    return FALSE;

  if (ticked)
    g_ptr_array_add (self->ticked, g_strdup (id));
  else
    g_ptr_array_remove_index (self->ticked, index);

  gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
  gtk_label_set_text (self->hint_label,
                      _("Tick up to four scenarios to compare them. The first ticked is the reference."));

  /* Keep the tick button in step when the tick came from the API. */
  self->filling = TRUE;
  if (g_hash_table_contains (self->checks, id))
    gtk_toggle_button_set_active (g_hash_table_lookup (self->checks, id), ticked);
  self->filling = FALSE;

  update_comparison (self);
  update_actions (self);
  return TRUE;
}

gboolean
palier_scenarios_view_is_ticked (PalierScenariosView *self,
                                 const char          *id)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_ptr_array_find_with_equal_func (self->ticked, id, g_str_equal, NULL);
}

/* The comparison */

void
_palier_run_input_free (PalierRunInput *input)
{
  g_clear_pointer (&input->scenario, palier_scenario_unref);
  g_clear_pointer (&input->program, palier_program_unref);
  g_clear_pointer (&input->result, palier_result_unref);
  g_free (input);
}

GPtrArray *
_palier_scenarios_view_collect_runs (PalierScenariosView *self,
                                     const char * const  *ids,
                                     guint                n)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) _palier_run_input_free);

  for (guint i = 0; i < n; i++)
    {
      const PalierScenario *scenario = _palier_scenarios_view_find (self, ids[i]);
      const PalierScenarioRun *run = g_hash_table_lookup (self->runs, ids[i]);
      PalierRunInput *input;

      if (scenario == NULL || run == NULL)
        return NULL;

      input = g_new0 (PalierRunInput, 1);
      input->scenario = palier_scenario_copy (scenario);
      input->scenario->from = run->from;
      input->scenario->to = run->to;
      palier_assumptions_free (input->scenario->assumptions);
      input->scenario->assumptions = palier_assumptions_copy (run->assumptions);
      input->program = palier_program_copy (run->program);
      input->result = palier_result_ref (run->result);
      g_ptr_array_add (inputs, input);
    }

  return g_steal_pointer (&inputs);
}

PalierScenarioComparison *
_palier_run_inputs_compare (PalierStore   *store,
                            GPtrArray     *inputs,
                            PalierBases  **out_first_bases,
                            GCancellable  *cancellable,
                            GError       **error)
{
  PalierResult *results[PALIER_SCENARIO_MAX_COMPARED] = { NULL };
  PalierBases *bases[PALIER_SCENARIO_MAX_COMPARED] = { NULL };
  const char *labels[PALIER_SCENARIO_MAX_COMPARED] = { NULL };
  PalierScenarioComparison *comparison = NULL;
  guint n = MIN (inputs->len, PALIER_SCENARIO_MAX_COMPARED);
  guint computed;

  for (computed = 0; computed < n; computed++)
    {
      PalierRunInput *input = g_ptr_array_index (inputs, computed);
      const PalierProgram *programs[] = { input->program, NULL };

      bases[computed] = palier_scenario_compute_bases (input->scenario, store, programs, cancellable, error);
      if (bases[computed] == NULL)
        break;

      results[computed] = input->result;
      labels[computed] = input->scenario->name;
    }

  if (computed == n)
    comparison = palier_scenario_compare ((PalierResult * const *) results,
                                          (const PalierBases * const *) bases,
                                          labels, n, error);

  for (guint i = 0; i < n; i++)
    {
      if (i == 0 && out_first_bases != NULL && comparison != NULL)
        *out_first_bases = g_steal_pointer (&bases[0]);
      g_clear_pointer (&bases[i], palier_bases_free);
    }

  return comparison;
}

typedef struct {
  char *path;
  GPtrArray *inputs;
} CompareData;

static void
compare_data_free (CompareData *data)
{
  g_free (data->path);
  g_ptr_array_unref (data->inputs);
  g_free (data);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareData *data = task_data;
  g_autoptr(PalierStore) store = NULL;
  PalierScenarioComparison *comparison;
  GError *error = NULL;

  store = palier_store_open (data->path, PALIER_STORE_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  comparison = _palier_run_inputs_compare (store, data->inputs, NULL, cancellable, &error);
  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify) palier_scenario_comparison_unref);
}

static void
set_comparison (PalierScenariosView      *self,
                PalierScenarioComparison *comparison)
{
  if (comparison != NULL)
    palier_scenario_comparison_ref (comparison);
  g_clear_pointer (&self->comparison, palier_scenario_comparison_unref);
  self->comparison = comparison;

  palier_scenario_compare_set_comparison (self->compare, comparison);
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PalierScenariosView) self = user_data;
  g_autoptr(PalierScenarioComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  comparison = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->compare_cancellable);
  gtk_spinner_stop (self->compare_spinner);

  if (comparison == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->compare_stack, "error");
    }
  else
    {
      set_comparison (self, comparison);
      gtk_stack_set_visible_child_name (self->compare_stack, "comparison");
    }

  update_actions (self);
}

/* Compares the ticked scenarios again, or says what they lack. */
static void
update_comparison (PalierScenariosView *self)
{
  g_autoptr(GPtrArray) inputs = NULL;
  CompareData *data;
  GTask *task;

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  gtk_spinner_stop (self->compare_spinner);
  set_comparison (self, NULL);

  if (self->workspace == NULL || self->ticked->len == 0)
    {
      gtk_stack_set_visible_child_name (self->compare_stack, "comparison");
      return;
    }

  inputs = _palier_scenarios_view_collect_runs (self, (const char * const *) self->ticked->pdata,
                                                self->ticked->len);
  if (inputs == NULL)
    {
      gtk_stack_set_visible_child_name (self->compare_stack, "not-run");
      return;
    }

  data = g_new0 (CompareData, 1);
  data->path = g_strdup (palier_workspace_get_path (self->workspace));
  data->inputs = g_steal_pointer (&inputs);

  self->compare_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->compare_spinner);
  gtk_stack_set_visible_child_name (self->compare_stack, "comparing");

  task = g_task_new (self, self->compare_cancellable, compared_cb, g_object_ref (self));
  g_task_set_source_tag (task, update_comparison);
  g_task_set_task_data (task, data, (GDestroyNotify) compare_data_free);
  g_task_run_in_thread (task, compare_thread);
  g_object_unref (task);
}

PalierScenarioComparison *
palier_scenarios_view_get_comparison (PalierScenariosView *self)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), NULL);

  return self->comparison;
}

PalierScenarioCompare *
palier_scenarios_view_get_compare (PalierScenariosView *self)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), NULL);

  return self->compare;
}

/* Running */

typedef struct {
  char *path;
  GPtrArray *scenarios;                 /* PalierScenario * copies */
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->path);
  g_ptr_array_unref (data->scenarios);
  g_free (data);
}

typedef struct {
  PalierScenariosView *self;
  guint index;
  guint n;
  char *name;
} RunProgress;

static gboolean
show_progress_cb (gpointer user_data)
{
  RunProgress *progress = user_data;
  g_autofree char *text = NULL;

  /* Translators: progress of a run, "Running “Growth 8%” (1 of 2)…". */
  text = g_strdup_printf (_("Running “%s” (%u of %u)…"), progress->name, progress->index + 1, progress->n);
  gtk_label_set_text (progress->self->run_label, text);
  gtk_progress_bar_set_fraction (progress->self->run_progress, (double) progress->index / progress->n);

  return G_SOURCE_REMOVE;
}

static void
run_progress_free (RunProgress *progress)
{
  g_object_unref (progress->self);
  g_free (progress->name);
  g_free (progress);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_scenario_run_free);
  GError *error = NULL;

  store = palier_store_open (data->path, PALIER_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < data->scenarios->len; i++)
    {
      PalierScenario *scenario = g_ptr_array_index (data->scenarios, i);
      RunProgress *progress = g_new0 (RunProgress, 1);
      PalierScenarioRun *run;

      if (g_task_return_error_if_cancelled (task))
        return;

      progress->self = g_object_ref (source_object);
      progress->index = i;
      progress->n = data->scenarios->len;
      progress->name = g_strdup (scenario->name);
      g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                  show_progress_cb, progress, (GDestroyNotify) run_progress_free);

      run = palier_scenario_run (scenario, store, cancellable, &error);
      if (run == NULL)
        {
          /* Translators: a run that failed: the scenario, then the reason. */
          g_prefix_error (&error, _("Scenario “%s”: "), scenario->name);
          g_task_return_error (task, error != NULL ? error
                                                   : g_error_new_literal (PALIER_SCENARIO_ERROR,
                                                                          PALIER_SCENARIO_ERROR_INVALID,
                                                                          _("The run returned no result")));
          return;
        }
      g_ptr_array_add (runs, run);
    }

  g_task_return_pointer (task, g_steal_pointer (&runs), (GDestroyNotify) g_ptr_array_unref);
}

static void
set_running (PalierScenariosView *self,
             gboolean             running)
{
  gtk_revealer_set_reveal_child (self->run_revealer, running);
  if (running)
    {
      gtk_label_set_text (self->run_label, _("Starting…"));
      gtk_progress_bar_set_fraction (self->run_progress, 0.0);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
ran_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PalierScenariosView) self = user_data;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  runs = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->run_cancellable);
  set_running (self, FALSE);

  if (runs == NULL)
    {
      window = parent_window (self);
      if (window != NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (window, _("Cannot Run the Scenario"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        g_warning ("Cannot run the scenarios: %s", error->message);
      return;
    }

  /* The runs are kept in the workspace; reading them back shows
   * exactly what a reopened workspace would show. */
  palier_scenarios_view_reload (self);
}

void
palier_scenarios_view_run (PalierScenariosView *self)
{
  RunData *data;
  GTask *task;

  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  if (self->workspace == NULL || self->run_cancellable != NULL)
    return;

  data = g_new0 (RunData, 1);
  data->path = g_strdup (palier_workspace_get_path (self->workspace));
  data->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_scenario_unref);
  for (guint i = 0; i < self->ticked->len; i++)
    g_ptr_array_add (data->scenarios,
                     palier_scenario_copy (_palier_scenarios_view_find (self, g_ptr_array_index (self->ticked, i))));
  if (data->scenarios->len == 0 && _palier_scenarios_view_find (self, self->selected_id) != NULL)
    g_ptr_array_add (data->scenarios, palier_scenario_copy (_palier_scenarios_view_find (self, self->selected_id)));

  if (data->scenarios->len == 0)
    {
      run_data_free (data);
      return;
    }

  self->run_cancellable = g_cancellable_new ();
  set_running (self, TRUE);

  task = g_task_new (self, self->run_cancellable, ran_cb, g_object_ref (self));
  g_task_set_source_tag (task, palier_scenarios_view_run);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
  g_object_unref (task);
}

void
palier_scenarios_view_cancel (PalierScenariosView *self)
{
  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  if (self->run_cancellable == NULL)
    return;

  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  set_running (self, FALSE);
}

/* Editing */

static void
saved_cb (PalierScenariosView  *self,
          const PalierScenario *scenario)
{
  g_free (self->selected_id);
  self->selected_id = g_strdup (scenario->id);
  clear_results (self);

  /* A changed scenario no longer matches its runs until it runs again,
   * but its kept runs still say what they were computed from. */
  palier_scenarios_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCENARIO]);
}

static void
open_dialog (PalierScenariosView  *self,
             const PalierScenario *scenario)
{
  PalierScenarioDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = palier_scenario_dialog_new (parent_window (self), self->workspace, scenario);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
palier_scenarios_view_new_scenario (PalierScenariosView *self)
{
  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  open_dialog (self, NULL);
}

void
palier_scenarios_view_edit_scenario (PalierScenariosView *self)
{
  const PalierScenario *scenario;

  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  scenario = palier_scenarios_view_get_selected_scenario (self);
  if (scenario != NULL)
    open_dialog (self, scenario);
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    PalierScenariosView *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "palier-scenario-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->workspace == NULL)
    return;

  if (!palier_store_delete_scenario (palier_workspace_get_store (self->workspace), id, &error))
    {
      GtkWidget *message = adw_message_dialog_new (parent_window (self), _("Cannot Delete the Scenario"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  palier_scenarios_view_set_ticked (self, id, FALSE);
  palier_scenarios_view_reload (self);
}

static void
delete_scenario (PalierScenariosView *self)
{
  const PalierScenario *scenario = palier_scenarios_view_get_selected_scenario (self);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (scenario == NULL)
    return;

  /* Translators: heading of the dialog that confirms deleting a scenario. */
  heading = g_strdup_printf (_("Delete “%s”?"), scenario->name);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("The scenario and all of its kept runs will be deleted from the workspace."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "palier-scenario-id", g_strdup (scenario->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presentation */

GtkWindow *
palier_scenarios_view_present (PalierScenariosView *self)
{
  const PalierScenarioRun *run;
  PalierPresentationWindow *window;

  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), NULL);

  run = palier_scenarios_view_get_selected_run (self);
  if (run == NULL)
    return NULL;

  window = palier_presentation_window_new (parent_window (self), run->program, run->result,
                                           self->comparison, self->risk, self->health);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_fullscreen (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

/* Actions */

static void
update_actions (PalierScenariosView *self)
{
  gboolean has_workspace = self->workspace != NULL;
  gboolean running = self->run_cancellable != NULL;
  gboolean has_selected = palier_scenarios_view_get_selected_scenario (self) != NULL;
  gboolean can_run = has_selected || self->ticked->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.new", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.edit", has_selected && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.delete", has_selected && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.compare", has_selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.run", can_run && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.present",
                                 palier_scenarios_view_get_selected_run (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.export-report",
                                 self->runs != NULL && g_hash_table_size (self->runs) > 0 && !running);
}

/* Ticks the selected scenario for the comparison, or unticks it.  Past
 * the limit the hint explains why, as when the tick button is clicked. */
static void
toggle_selected_ticked (PalierScenariosView *self)
{
  const PalierScenario *scenario = palier_scenarios_view_get_selected_scenario (self);
  GtkToggleButton *check;

  if (scenario == NULL)
    return;

  check = g_hash_table_lookup (self->checks, scenario->id);
  if (check != NULL)
    gtk_toggle_button_set_active (check, !gtk_toggle_button_get_active (check));
}

static void
scenarios_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PalierScenariosView *self = PALIER_SCENARIOS_VIEW (widget);

  if (g_str_equal (action_name, "scenarios.new"))
    palier_scenarios_view_new_scenario (self);
  else if (g_str_equal (action_name, "scenarios.edit"))
    palier_scenarios_view_edit_scenario (self);
  else if (g_str_equal (action_name, "scenarios.delete"))
    delete_scenario (self);
  else if (g_str_equal (action_name, "scenarios.compare"))
    toggle_selected_ticked (self);
  else if (g_str_equal (action_name, "scenarios.run"))
    palier_scenarios_view_run (self);
  else if (g_str_equal (action_name, "scenarios.cancel"))
    palier_scenarios_view_cancel (self);
  else if (g_str_equal (action_name, "scenarios.present"))
    palier_scenarios_view_present (self);
  else if (g_str_equal (action_name, "scenarios.export-report"))
    palier_scenarios_view_export_report (self);
}

/* The page's shortcuts work wherever the focus is in the window while
 * the page is shown, because the window runs managed shortcut
 * controllers of mapped widgets only.  ui/palier-shortcuts.ui lists
 * them. */
static const struct {
  const char *trigger;
  const char *action;
} shortcuts[] = {
  { "<Control><Shift>n", "scenarios.new" },
  { "<Control><Shift>r", "scenarios.run" },
  { "<Control><Shift>c", "scenarios.compare" },
  { "<Control><Shift>p", "scenarios.present" },
  { "<Control><Shift>e", "scenarios.export-report" },
};

static void
add_shortcuts (PalierScenariosView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Public */

const PalierScenario *
palier_scenarios_view_get_selected_scenario (PalierScenariosView *self)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), NULL);

  return _palier_scenarios_view_find (self, self->selected_id);
}

const PalierScenarioRun *
palier_scenarios_view_get_selected_run (PalierScenariosView *self)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), NULL);

  if (self->selected_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->runs, self->selected_id);
}

void
palier_scenarios_view_set_risk (PalierScenariosView    *self,
                                PalierMonteCarloResult *risk)
{
  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  if (risk != NULL)
    palier_monte_carlo_result_ref (risk);
  g_clear_pointer (&self->risk, palier_monte_carlo_result_unref);
  self->risk = risk;
}

void
palier_scenarios_view_set_health (PalierScenariosView *self,
                                  PalierHealth        *health)
{
  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  if (health != NULL)
    palier_health_ref (health);
  g_clear_pointer (&self->health, palier_health_unref);
  self->health = health;
}

PalierWorkspace *
palier_scenarios_view_get_workspace (PalierScenariosView *self)
{
  g_return_val_if_fail (PALIER_IS_SCENARIOS_VIEW (self), NULL);

  return self->workspace;
}

void
palier_scenarios_view_set_workspace (PalierScenariosView *self,
                                     PalierWorkspace     *workspace)
{
  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (workspace == NULL || PALIER_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  forget_scenarios (self);
  g_set_object (&self->workspace, workspace);
  palier_scenarios_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCENARIO]);
}

/* The cost-risk and health panels */

static void
panels_data_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PalierScenariosView) self = user_data;
  g_autoptr(PalierScenarioData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = palier_scenario_data_load_finish (result, &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->panels_cancellable);
  if (data == NULL)
    g_warning ("Cannot read the bases of scenario %s: %s", self->selected_id, error->message);

  palier_risk_panel_set_data (self->risk_panel, data);
  palier_health_panel_set_data (self->health_panel, data);
}

/* Reads the selected scenario's program as last saved, and its bases,
 * once for both panels in a worker thread.  With @keep_shown, the
 * panels show their figures until the new ones arrive. */
static void
reload_panels (PalierScenariosView *self,
               gboolean             keep_shown)
{
  const PalierScenario *scenario = palier_scenarios_view_get_selected_scenario (self);

  g_cancellable_cancel (self->panels_cancellable);
  g_clear_object (&self->panels_cancellable);
  if (!keep_shown || scenario == NULL)
    {
      palier_risk_panel_set_data (self->risk_panel, NULL);
      palier_health_panel_set_data (self->health_panel, NULL);
    }

  if (scenario == NULL || self->workspace == NULL)
    return;

  self->panels_cancellable = g_cancellable_new ();
  palier_scenario_data_load_async (palier_workspace_get_path (self->workspace),
                                   scenario, self->panels_cancellable,
                                   panels_data_ready_cb, g_object_ref (self));
}

static void
selected_scenario_changed_cb (PalierScenariosView *self)
{
  reload_panels (self, FALSE);
}

/* A goal-seek's Apply changed the selected scenario's program. */
static void
program_saved_cb (PalierScenariosView *self)
{
  reload_panels (self, TRUE);
}

static void
risk_updated_cb (PalierScenariosView *self)
{
  palier_scenarios_view_set_risk (self, palier_risk_panel_get_result (self->risk_panel));
}

static void
health_updated_cb (PalierScenariosView *self)
{
  palier_scenarios_view_set_health (self, palier_health_panel_get_health (self->health_panel));
}

/* GObject */

static void
palier_scenarios_view_dispose (GObject *object)
{
  PalierScenariosView *self = PALIER_SCENARIOS_VIEW (object);

  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_cancellable_cancel (self->panels_cancellable);
  g_clear_object (&self->panels_cancellable);
  g_clear_object (&self->workspace);
  if (self->checks != NULL)
    g_hash_table_remove_all (self->checks);

  G_OBJECT_CLASS (palier_scenarios_view_parent_class)->dispose (object);
}

static void
palier_scenarios_view_finalize (GObject *object)
{
  PalierScenariosView *self = PALIER_SCENARIOS_VIEW (object);

  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_hash_table_unref);
  g_clear_pointer (&self->ticked, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->comparison, palier_scenario_comparison_unref);
  clear_results (self);

  G_OBJECT_CLASS (palier_scenarios_view_parent_class)->finalize (object);
}

static void
palier_scenarios_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PalierScenariosView *self = PALIER_SCENARIOS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_SELECTED_SCENARIO:
      g_value_set_boxed (value, palier_scenarios_view_get_selected_scenario (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->run_cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_scenarios_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PalierScenariosView *self = PALIER_SCENARIOS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      palier_scenarios_view_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_scenarios_view_class_init (PalierScenariosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const action_names[] = {
    "scenarios.new", "scenarios.edit", "scenarios.delete", "scenarios.compare",
    "scenarios.run", "scenarios.cancel", "scenarios.present", "scenarios.export-report",
  };

  object_class->dispose = palier_scenarios_view_dispose;
  object_class->finalize = palier_scenarios_view_finalize;
  object_class->get_property = palier_scenarios_view_get_property;
  object_class->set_property = palier_scenarios_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         PALIER_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The PalierScenario selected in the list, which the risk and health
   * panels follow.  g_object_get() returns a new reference. */
  properties[PROP_SELECTED_SCENARIO] =
    g_param_spec_boxed ("selected-scenario", NULL, NULL,
                        PALIER_TYPE_SCENARIO,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether scenarios are being run. */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALIER_TYPE_SCENARIO_COMPARE);
  g_type_ensure (PALIER_TYPE_RISK_PANEL);
  g_type_ensure (PALIER_TYPE_HEALTH_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-scenarios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, run_revealer);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, run_label);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, run_progress);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, scenario_pages);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, compare);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, compare_spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, risk_panel);
  gtk_widget_class_bind_template_child (widget_class, PalierScenariosView, health_panel);

  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_class_install_action (widget_class, action_names[i], NULL, scenarios_action);
}

static void
palier_scenarios_view_init (PalierScenariosView *self)
{
  self->runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) palier_scenario_run_free);
  self->ticked = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);

  g_signal_connect_object (self->scenario_list, "row-selected",
                           G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::selected-scenario",
                    G_CALLBACK (selected_scenario_changed_cb), NULL);
  g_signal_connect_object (self->risk_panel, "updated",
                           G_CALLBACK (risk_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->risk_panel, "program-saved",
                           G_CALLBACK (program_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->health_panel, "updated",
                           G_CALLBACK (health_updated_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "no-workspace");
  update_actions (self);
}
