/* palier-scenario-data.c: what the risk and health panels compute on */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-scenario-data.h"

struct _PalierScenarioData
{
  gint ref_count;
  char *label;
  PalierProgram *program;
  PalierBases *bases;
  PalierResult *result;
};

G_DEFINE_BOXED_TYPE (PalierScenarioData, palier_scenario_data,
                     palier_scenario_data_ref, palier_scenario_data_unref)

PalierScenarioData *
palier_scenario_data_new (const char     *label,
                          PalierProgram  *program,
                          PalierBases    *bases,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(PalierBases) owned_bases = bases;
  PalierScenarioData *data;
  PalierResult *result;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (bases != NULL, NULL);

  result = palier_bases_simulate (bases, program, cancellable, error);
  if (result == NULL)
    return NULL;

  data = g_new0 (PalierScenarioData, 1);
  data->ref_count = 1;
  data->label = g_strdup (label != NULL ? label : program->name);
  data->program = palier_program_ref (program);
  data->bases = g_steal_pointer (&owned_bases);
  data->result = result;

  return data;
}

PalierScenarioData *
palier_scenario_data_ref (PalierScenarioData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_int_inc (&data->ref_count);
  return data;
}

void
palier_scenario_data_unref (PalierScenarioData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_int_dec_and_test (&data->ref_count))
    return;

  g_free (data->label);
  palier_program_unref (data->program);
  palier_bases_free (data->bases);
  palier_result_unref (data->result);
  g_free (data);
}

const char *
palier_scenario_data_get_label (PalierScenarioData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->label;
}

PalierProgram *
palier_scenario_data_get_program (PalierScenarioData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->program;
}

const PalierBases *
palier_scenario_data_get_bases (PalierScenarioData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->bases;
}

PalierResult *
palier_scenario_data_get_result (PalierScenarioData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->result;
}

typedef struct {
  char *path;
  PalierScenario *scenario;
} LoadData;

static void
load_data_free (LoadData *load)
{
  g_free (load->path);
  palier_scenario_unref (load->scenario);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };
  PalierBases *bases;
  PalierScenarioData *data;

  store = palier_store_open (load->path, PALIER_STORE_READ_ONLY, &error);
  if (store != NULL)
    program = palier_store_load_program (store, load->scenario->program_id, &error);
  if (program == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  programs[0] = program;
  bases = palier_scenario_compute_bases (load->scenario, store, programs, cancellable, &error);
  if (bases == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = palier_scenario_data_new (load->scenario->name, program, bases, cancellable, &error);
  if (data == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, data, (GDestroyNotify) palier_scenario_data_unref);
}

void
palier_scenario_data_load_async (const char           *path,
                                 const PalierScenario *scenario,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (path != NULL);
  g_return_if_fail (scenario != NULL);

  load = g_new0 (LoadData, 1);
  load->path = g_strdup (path);
  load->scenario = palier_scenario_copy (scenario);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_scenario_data_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

PalierScenarioData *
palier_scenario_data_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
