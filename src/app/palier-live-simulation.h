/* palier-live-simulation.h: the simulation that follows the designer
 *
 * A live simulation runs programs on the core's PalierEngine, which
 * keeps the sales it has read and the payouts an edit leaves unchanged,
 * so a run after an edit only computes what the edit changed.  Each run
 * reports its totals first ("totals"), then the whole result
 * ("updated").  Starting a run cancels any run still going, and a
 * cancelled run reports nothing.  Runs go to worker threads on a
 * read-only connection of the simulation's own.
 */
#pragma once

#include <gio/gio.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_LIVE_SIMULATION (palier_live_simulation_get_type ())

G_DECLARE_FINAL_TYPE (PalierLiveSimulation, palier_live_simulation, PALIER, LIVE_SIMULATION, GObject)

/* A simulation on the sales of @workspace as they are now: make a new
 * one after an import.  It follows the workspace's simulated range, and
 * a new range runs the latest program again. */
PalierLiveSimulation *palier_live_simulation_new         (PalierWorkspace      *workspace);

/* Starts simulating a copy of @program, cancelling the run before it. */
void                  palier_live_simulation_run         (PalierLiveSimulation *self,
                                                          const PalierProgram  *program);

/* Cancels the run still going, if any. */
void                  palier_live_simulation_cancel      (PalierLiveSimulation *self);

/* Whether a run has not reported its whole result yet. */
gboolean              palier_live_simulation_is_running  (PalierLiveSimulation *self);

/* The program of the last run that reported, or NULL. */
PalierProgram        *palier_live_simulation_get_program (PalierLiveSimulation *self);

/* The totals of the last run that reported them, or NULL before the
 * first or after a failed run. */
PalierEngineTotals   *palier_live_simulation_get_totals  (PalierLiveSimulation *self);

/* The last whole result, or NULL before the first or after a failed
 * run. */
PalierResult         *palier_live_simulation_get_result  (PalierLiveSimulation *self);

/* Why the last run failed, or NULL. */
const GError         *palier_live_simulation_get_error   (PalierLiveSimulation *self);

/* Wall time of the last completed run from its start to its totals, and
 * to its whole result, on the main thread, in microseconds. */
gint64                palier_live_simulation_get_totals_duration (PalierLiveSimulation *self);
gint64                palier_live_simulation_get_last_duration   (PalierLiveSimulation *self);

/* The work of the simulation's engine so far, for tests. */
void                  palier_live_simulation_get_stats (PalierLiveSimulation *self,
                                                        PalierEngineStats    *out_stats);

/* Number of runs that reported their whole result, for tests. */
guint                 palier_live_simulation_get_n_completed     (PalierLiveSimulation *self);

G_END_DECLS
