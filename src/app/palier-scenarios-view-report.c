/* palier-scenarios-view-report.c: the leadership report of the Scenarios page
 *
 * The user picks the scenarios (those with a kept run, the ticked ones
 * first) and whether to add the cost risk and the health of the first
 * proposal, then a file.  A worker thread compares the scenarios on their
 * runs' bases and writes the PDF with palier_report_write_pdf(), so the
 * report shows the same figures as the Side by Side page.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-scenarios-view-private.h"
#include "palier-window.h"

/* The seed of the report's own Monte Carlo when the risk panel has not
 * run one: the same default as palier-cli and the risk panel, so that
 * two exports of the same runs agree with each other and with them. */
#define REPORT_SEED PALIER_MONTE_CARLO_DEFAULT_SEED

/* Distance below a boundary that the report's health counts, as a
 * fraction of the boundary: the health panel's default. */
#define REPORT_NEAR (PALIER_DECIMAL_ONE / 20)

/* Returns the index of the scenario that the cost risk and the health
 * are for: the second (the first proposal) when there are two or more,
 * else the first.  palier-cli report applies the same rule. */
static guint
analysis_index (guint n_scenarios)
{
  return n_scenarios > 1 ? 1 : 0;
}

typedef struct {
  char *path;                           /* the workspace */
  char *workspace_title;
  char *output;                         /* the PDF */
  GPtrArray *inputs;                    /* PalierRunInput * */
  gboolean with_risk;
  gboolean with_health;
  PalierMonteCarloResult *risk;         /* computed by the panel, or NULL */
  PalierHealth *health;
} ReportData;

static void
report_data_free (ReportData *data)
{
  g_free (data->path);
  g_free (data->workspace_title);
  g_free (data->output);
  g_ptr_array_unref (data->inputs);
  g_clear_pointer (&data->risk, palier_monte_carlo_result_unref);
  g_clear_pointer (&data->health, palier_health_unref);
  g_free (data);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportData *data = task_data;
  guint analysed = analysis_index (data->inputs->len);
  PalierRunInput *run = g_ptr_array_index (data->inputs, analysed);
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierScenarioComparison) comparison = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierMonteCarloResult) risk = NULL;
  g_autoptr(PalierHealth) health = NULL;
  const PalierScenario *scenarios[PALIER_SCENARIO_MAX_COMPARED];
  const PalierProgram *programs[PALIER_SCENARIO_MAX_COMPARED];
  PalierReportInput input = { 0 };
  GError *error = NULL;

  store = palier_store_open (data->path, PALIER_STORE_READ_ONLY, &error);
  if (store != NULL)
    comparison = _palier_run_inputs_compare (store, data->inputs, &bases, cancellable, &error);
  if (comparison == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->with_risk)
    {
      PalierMonteCarloOptions options = { 0 };

      options.seed = REPORT_SEED;
      risk = data->risk != NULL ? palier_monte_carlo_result_ref (data->risk)
                                : palier_monte_carlo_run (bases, run->program, &options, cancellable, &error);
      if (risk == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (data->with_health)
    {
      health = data->health != NULL ? palier_health_ref (data->health)
                                    : palier_health_compute (bases, run->program, run->result,
                                                             REPORT_NEAR, cancellable, &error);
      if (health == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  for (guint i = 0; i < data->inputs->len; i++)
    {
      PalierRunInput *scenario_run = g_ptr_array_index (data->inputs, i);

      scenarios[i] = scenario_run->scenario;
      programs[i] = scenario_run->program;
    }

  input.workspace = data->workspace_title;
  input.n_scenarios = data->inputs->len;
  input.scenarios = scenarios;
  input.programs = programs;
  input.comparison = comparison;
  input.risk = risk;
  input.risk_scenario = analysed;
  input.health = health;
  input.health_scenario = analysed;

  if (!palier_report_write_pdf (&input, data->output, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
palier_scenarios_view_write_report_async (PalierScenariosView *self,
                                          const char * const  *ids,
                                          gboolean             with_risk,
                                          gboolean             with_health,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  ReportData *data;
  guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;

  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_scenarios_view_write_report_async);

  if (self->workspace == NULL || n == 0 || n > PALIER_SCENARIO_MAX_COMPARED)
    {
      g_task_return_new_error (task, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID,
                               _("Pick one to four scenarios for the report"));
      return;
    }

  inputs = _palier_scenarios_view_collect_runs (self, ids, n);
  if (inputs == NULL)
    {
      g_task_return_new_error (task, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID,
                               _("A scenario of the report has not been run; run it first"));
      return;
    }

  data = g_new0 (ReportData, 1);
  data->path = g_strdup (palier_workspace_get_path (self->workspace));
  data->workspace_title = palier_workspace_dup_title (self->workspace);
  data->output = g_strdup (path);
  data->inputs = g_steal_pointer (&inputs);
  data->with_risk = with_risk;
  data->with_health = with_health;

  /* The panels' results are for the selected scenario only. */
  if (g_strcmp0 (ids[analysis_index (n)], self->selected_id) == 0)
    {
      data->risk = self->risk != NULL ? palier_monte_carlo_result_ref (self->risk) : NULL;
      data->health = self->health != NULL ? palier_health_ref (self->health) : NULL;
    }

  g_task_set_task_data (task, data, (GDestroyNotify) report_data_free);
  g_task_run_in_thread (task, report_thread);
}

gboolean
palier_scenarios_view_write_report_finish (PalierScenariosView  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The export dialog */

/* The options dialog closes, destroying its check buttons, before the
 * file chooser answers: "export" copies what they show. */
typedef struct {
  PalierScenariosView *self;
  GPtrArray *checks;                    /* GtkCheckButton *, one per scenario with a run */
  GtkCheckButton *risk_check;
  GtkCheckButton *health_check;
  GStrv ids;                            /* picked, set on "export" */
  gboolean with_risk;                   /* set on "export" */
  gboolean with_health;                 /* set on "export" */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->self);
  g_ptr_array_unref (request->checks);
  g_strfreev (request->ids);
  g_free (request);
}

static void
show_message (PalierScenariosView *self,
              const char          *heading,
              const char          *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PalierScenariosView *self = PALIER_SCENARIOS_VIEW (source);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  GtkWidget *window;

  if (!palier_scenarios_view_write_report_finish (self, result, &error))
    {
      g_autofree char *heading = NULL;

      /* Translators: heading of the dialog shown when the report cannot
       * be written; %s is the file name. */
      heading = g_strdup_printf (_("Cannot Write “%s”"), basename);
      show_message (self, heading, error->message);
      return;
    }

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), PALIER_TYPE_WINDOW);
  if (window != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: a notification; %s is the file name. */
      message = g_strdup_printf (_("Report saved as “%s”"), basename);
      palier_window_show_toast (PALIER_WINDOW (window), message);
    }
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ExportRequest   *request)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    palier_scenarios_view_write_report_async (request->self, (const char * const *) request->ids,
                                              request->with_risk, request->with_health,
                                              path, NULL, written_cb, path);

  export_request_free (request);
  g_object_unref (chooser);
}

static void
choose_file (ExportRequest *request)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (request->self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = palier_workspace_dup_title (request->self->workspace);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export the Leadership Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Translators: the report's default file name; %s is the workspace. */
  name = g_strdup_printf (_("%s report.pdf"), title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
options_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ExportRequest    *request)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  if (g_strcmp0 (response, "export") != 0)
    {
      export_request_free (request);
      return;
    }

  for (guint i = 0; i < request->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (request->checks, i);

      if (gtk_check_button_get_active (check) && n < PALIER_SCENARIO_MAX_COMPARED)
        {
          g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "palier-scenario-id"));
          n++;
        }
    }

  if (n == 0)
    {
      show_message (request->self, _("No Scenario Picked"), _("Pick one to four scenarios for the report."));
      export_request_free (request);
      return;
    }

  request->ids = g_strv_builder_end (builder);
  request->with_risk = gtk_check_button_get_active (request->risk_check);
  request->with_health = gtk_check_button_get_active (request->health_check);
  choose_file (request);
}

/* Lists the scenarios with a run, the ticked ones first and in tick
 * order, so the report's reference is the comparison's. */
static GPtrArray *
report_candidates (PalierScenariosView *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < self->ticked->len; i++)
    if (g_hash_table_contains (self->runs, g_ptr_array_index (self->ticked, i)))
      g_ptr_array_add (ids, g_ptr_array_index (self->ticked, i));

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      PalierScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (g_hash_table_contains (self->runs, scenario->id) &&
          !g_ptr_array_find_with_equal_func (ids, scenario->id, g_str_equal, NULL))
        g_ptr_array_add (ids, scenario->id);
    }

  return ids;
}

void
palier_scenarios_view_export_report (PalierScenariosView *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  ExportRequest *request;
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *box;

  g_return_if_fail (PALIER_IS_SCENARIOS_VIEW (self));

  if (self->workspace == NULL)
    return;

  ids = report_candidates (self);
  if (ids->len == 0)
    {
      show_message (self, _("No Scenario Has Been Run"), _("Run a scenario, then export its report."));
      return;
    }

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->checks = g_ptr_array_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < ids->len; i++)
    {
      const PalierScenario *scenario = _palier_scenarios_view_find (self, g_ptr_array_index (ids, i));
      GtkWidget *check = gtk_check_button_new_with_label (scenario->name);
      gboolean ticked = g_ptr_array_find_with_equal_func (self->ticked, scenario->id, g_str_equal, NULL);

      /* Without ticks, the selected scenario alone. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   ticked || (self->ticked->len == 0 && g_strcmp0 (scenario->id, self->selected_id) == 0));
      g_object_set_data_full (G_OBJECT (check), "palier-scenario-id", g_strdup (scenario->id), g_free);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (request->checks, check);
    }

  request->risk_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Include the _cost risk of the first proposal")));
  request->health_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Include the program _health of the first proposal")));
  gtk_check_button_set_active (request->risk_check, TRUE);
  gtk_check_button_set_active (request->health_check, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (request->risk_check), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->risk_check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->health_check));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export the Leadership Report"),
                                   _("Pick up to four scenarios. The first is the reference for winners and losers. "
                                     "The cost risk and the health are for the first proposal, the second "
                                     "scenario, or for the first scenario when it is alone."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (options_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
