/* palier-live-simulation.c: the simulation that follows the designer */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-live-simulation.h"

struct _PalierLiveSimulation
{
  GObject parent_instance;

  PalierStore *store;                   /* the engine's own, read-only */
  PalierEngine *engine;
  GError *open_error;                   /* why the store did not open */

  GCancellable *cancellable;            /* of the run going, or NULL */
  PalierProgram *running_program;
  PalierProgram *program;               /* of the last run that reported */
  PalierEngineTotals *totals;
  PalierResult *result;
  GError *error;
  gint64 start_time;
  gint64 totals_duration;
  gint64 last_duration;
  guint n_completed;
};

G_DEFINE_FINAL_TYPE (PalierLiveSimulation, palier_live_simulation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOTALS,
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Ends the run going with @error (taken), or with its result. */
static void
finish_run (PalierLiveSimulation *self,
            PalierResult         *result,
            GError               *error)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_error (&self->error);
  self->result = result;
  self->error = error;
  if (error != NULL)
    g_clear_pointer (&self->totals, palier_engine_totals_free);

  self->last_duration = g_get_monotonic_time () - self->start_time;
  self->n_completed++;
  g_debug ("Live simulation took %.1f ms to its totals, %.1f ms to its result",
           self->totals_duration / 1000.0, self->last_duration / 1000.0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
result_ready_cb (GObject      *source,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(PalierLiveSimulation) self = user_data;
  GError *error = NULL;
  PalierResult *result;

  result = palier_engine_get_result_finish (PALIER_ENGINE (source), async_result, &error);

  /* A replaced or cancelled run reports nothing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    {
      g_clear_error (&error);
      g_clear_pointer (&result, palier_result_unref);
      return;
    }

  finish_run (self, result, error);
}

static void
totals_ready_cb (GObject      *source,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(PalierLiveSimulation) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (async_result));
  GError *error = NULL;
  PalierEngineTotals *totals;

  totals = palier_engine_update_finish (PALIER_ENGINE (source), async_result, &error);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_clear_pointer (&totals, palier_engine_totals_free);
      return;
    }

  if (totals == NULL)
    {
      finish_run (self, NULL, error);
      return;
    }

  g_clear_pointer (&self->totals, palier_engine_totals_free);
  self->totals = totals;
  g_clear_pointer (&self->program, palier_program_unref);
  self->program = palier_program_ref (self->running_program);
  self->totals_duration = g_get_monotonic_time () - self->start_time;
  g_signal_emit (self, signals[TOTALS], 0);

  palier_engine_get_result_async (self->engine, cancellable, result_ready_cb, g_object_ref (self));
}

void
palier_live_simulation_cancel (PalierLiveSimulation *self)
{
  g_return_if_fail (PALIER_IS_LIVE_SIMULATION (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
palier_live_simulation_run (PalierLiveSimulation *self,
                            const PalierProgram  *program)
{
  gboolean was_running;

  g_return_if_fail (PALIER_IS_LIVE_SIMULATION (self));
  g_return_if_fail (program != NULL);

  if (self->engine == NULL)
    {
      self->start_time = g_get_monotonic_time ();
      finish_run (self, NULL, g_error_copy (self->open_error));
      return;
    }

  was_running = self->cancellable != NULL;
  if (was_running)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_clear_pointer (&self->running_program, palier_program_unref);
  self->running_program = palier_program_copy (program);
  self->cancellable = g_cancellable_new ();
  self->start_time = g_get_monotonic_time ();
  palier_engine_update_async (self->engine, self->running_program, self->cancellable,
                              totals_ready_cb, g_object_ref (self));

  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
palier_live_simulation_is_running (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), FALSE);

  return self->cancellable != NULL;
}

PalierProgram *
palier_live_simulation_get_program (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), NULL);

  return self->program;
}

PalierEngineTotals *
palier_live_simulation_get_totals (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), NULL);

  return self->totals;
}

PalierResult *
palier_live_simulation_get_result (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), NULL);

  return self->result;
}

const GError *
palier_live_simulation_get_error (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), NULL);

  return self->error;
}

gint64
palier_live_simulation_get_totals_duration (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), 0);

  return self->totals_duration;
}

gint64
palier_live_simulation_get_last_duration (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), 0);

  return self->last_duration;
}

void
palier_live_simulation_get_stats (PalierLiveSimulation *self,
                                  PalierEngineStats    *out_stats)
{
  g_return_if_fail (PALIER_IS_LIVE_SIMULATION (self));
  g_return_if_fail (out_stats != NULL);

  *out_stats = (PalierEngineStats) { 0 };
  if (self->engine != NULL)
    palier_engine_get_stats (self->engine, out_stats);
}

guint
palier_live_simulation_get_n_completed (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), 0);

  return self->n_completed;
}

static void
palier_live_simulation_dispose (GObject *object)
{
  PalierLiveSimulation *self = PALIER_LIVE_SIMULATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (palier_live_simulation_parent_class)->dispose (object);
}

static void
palier_live_simulation_finalize (GObject *object)
{
  PalierLiveSimulation *self = PALIER_LIVE_SIMULATION (object);

  /* Every run holds a reference, so no worker uses the engine now. */
  g_clear_object (&self->engine);
  g_clear_pointer (&self->store, palier_store_close);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->running_program, palier_program_unref);
  g_clear_pointer (&self->program, palier_program_unref);
  g_clear_pointer (&self->totals, palier_engine_totals_free);
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (palier_live_simulation_parent_class)->finalize (object);
}

static void
palier_live_simulation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PalierLiveSimulation *self = PALIER_LIVE_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_live_simulation_class_init (PalierLiveSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = palier_live_simulation_dispose;
  object_class->finalize = palier_live_simulation_finalize;
  object_class->get_property = palier_live_simulation_get_property;

  /* Whether a run has not reported its whole result yet. */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A run computed its totals; its whole result follows. */
  signals[TOTALS] =
    g_signal_new ("totals", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A run completed: the result or the error changed. */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
palier_live_simulation_init (PalierLiveSimulation *self)
{
}

/* An engine keeps the sales of one range, so a new range needs a new
 * engine.  The program of the latest run is simulated again on it, and
 * the run still going on the old engine is cancelled and reports
 * nothing.  Runs in flight hold their own reference to the old engine. */
static void
range_changed_cb (PalierLiveSimulation *self,
                  PalierWorkspace      *workspace)
{
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  g_autoptr(PalierProgram) program = NULL;

  if (self->store == NULL)
    return;

  palier_live_simulation_cancel (self);

  palier_workspace_get_range (workspace, &options.from, &options.to);
  g_clear_object (&self->engine);
  self->engine = palier_engine_new (self->store, &options);

  if (self->running_program != NULL)
    program = palier_program_ref (self->running_program);
  if (program != NULL)
    palier_live_simulation_run (self, program);
}

PalierLiveSimulation *
palier_live_simulation_new (PalierWorkspace *workspace)
{
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  PalierLiveSimulation *self;

  g_return_val_if_fail (PALIER_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PALIER_TYPE_LIVE_SIMULATION, NULL);

  /* A connection of the engine's own: cancelling a query interrupts
   * every query of its connection. */
  self->store = palier_store_open (palier_workspace_get_path (workspace), PALIER_STORE_READ_ONLY,
                                   &self->open_error);
  if (self->store != NULL)
    {
      palier_workspace_get_range (workspace, &options.from, &options.to);
      self->engine = palier_engine_new (self->store, &options);
    }

  g_signal_connect_object (workspace, "range-changed",
                           G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
