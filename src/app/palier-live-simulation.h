/* palier-live-simulation.h: the simulation that follows the designer
 *
 * Each run replaces the one before: starting a run cancels any run still
 * going, and a cancelled run reports nothing.  Runs go to a worker
 * thread on a read-only connection of their own.
 */
#pragma once

#include <gio/gio.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_LIVE_SIMULATION (palier_live_simulation_get_type ())

G_DECLARE_FINAL_TYPE (PalierLiveSimulation, palier_live_simulation, PALIER, LIVE_SIMULATION, GObject)

PalierLiveSimulation *palier_live_simulation_new         (PalierWorkspace      *workspace);

/* Starts simulating a copy of @program on every sale of the workspace,
 * cancelling the run before it. */
void                  palier_live_simulation_run         (PalierLiveSimulation *self,
                                                          const PalierProgram  *program);

/* Cancels the run still going, if any. */
void                  palier_live_simulation_cancel      (PalierLiveSimulation *self);

gboolean              palier_live_simulation_is_running  (PalierLiveSimulation *self);

/* The last result, or NULL before the first or after a failed run. */
PalierResult         *palier_live_simulation_get_result  (PalierLiveSimulation *self);

/* Why the last run failed, or NULL. */
const GError         *palier_live_simulation_get_error   (PalierLiveSimulation *self);

/* Wall time of the last completed run, from its start to its result on
 * the main thread, in microseconds. */
gint64                palier_live_simulation_get_last_duration (PalierLiveSimulation *self);

/* Number of runs that completed, for tests. */
guint                 palier_live_simulation_get_n_completed   (PalierLiveSimulation *self);

G_END_DECLS
