/* palier-live-simulation.c: the simulation that follows the designer */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-live-simulation.h"

struct _PalierLiveSimulation
{
  GObject parent_instance;

  PalierWorkspace *workspace;
  GCancellable *cancellable;            /* of the run going, or NULL */
  PalierResult *result;
  GError *error;
  gint64 start_time;
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
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
simulated_cb (GObject      *source,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  g_autoptr(PalierLiveSimulation) self = user_data;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = palier_workspace_simulate_finish (PALIER_WORKSPACE (source), async_result, &error);

  /* A replaced or cancelled run reports nothing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_error (&self->error);
  self->result = g_steal_pointer (&result);
  self->error = g_steal_pointer (&error);
  self->last_duration = g_get_monotonic_time () - self->start_time;
  self->n_completed++;
  g_debug ("Live simulation took %.1f ms", self->last_duration / 1000.0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[UPDATED], 0);
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

/* TODO: run on the core's cached engine (palier-engine.h) once it is
 * on main, so that an edit does not read the sales again. */
void
palier_live_simulation_run (PalierLiveSimulation *self,
                            const PalierProgram  *program)
{
  gboolean was_running;

  g_return_if_fail (PALIER_IS_LIVE_SIMULATION (self));
  g_return_if_fail (program != NULL);

  was_running = self->cancellable != NULL;
  if (was_running)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->cancellable = g_cancellable_new ();
  self->start_time = g_get_monotonic_time ();
  palier_workspace_simulate_async (self->workspace, program, self->cancellable,
                                   simulated_cb, g_object_ref (self));

  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
palier_live_simulation_is_running (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), FALSE);

  return self->cancellable != NULL;
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
palier_live_simulation_get_last_duration (PalierLiveSimulation *self)
{
  g_return_val_if_fail (PALIER_IS_LIVE_SIMULATION (self), 0);

  return self->last_duration;
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
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (palier_live_simulation_parent_class)->dispose (object);
}

static void
palier_live_simulation_finalize (GObject *object)
{
  PalierLiveSimulation *self = PALIER_LIVE_SIMULATION (object);

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

  /* Whether a run is going. */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A run completed: the result or the error changed. */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
palier_live_simulation_init (PalierLiveSimulation *self)
{
}

PalierLiveSimulation *
palier_live_simulation_new (PalierWorkspace *workspace)
{
  PalierLiveSimulation *self;

  g_return_val_if_fail (PALIER_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PALIER_TYPE_LIVE_SIMULATION, NULL);
  self->workspace = g_object_ref (workspace);

  return self;
}
