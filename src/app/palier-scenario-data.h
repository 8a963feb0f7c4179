/* palier-scenario-data.h: what the risk and health panels compute on
 *
 * One scenario's program, its bases (the sales with the scenario's
 * assumptions applied) and the simulation of those bases, shared by
 * reference between the panels and their worker threads.  Nothing in
 * it changes once it is made, so worker threads read it without locks.
 */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

typedef struct _PalierScenarioData PalierScenarioData;

#define PALIER_TYPE_SCENARIO_DATA (palier_scenario_data_get_type ())
GType               palier_scenario_data_get_type (void) G_GNUC_CONST;

/* Takes @bases; refs @program.  Simulates @bases with @program to fill
 * the history result. */
PalierScenarioData *palier_scenario_data_new       (const char     *label,
                                                    PalierProgram  *program,
                                                    PalierBases    *bases,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
PalierScenarioData *palier_scenario_data_ref       (PalierScenarioData *data);
void                palier_scenario_data_unref     (PalierScenarioData *data);

/* The scenario's name, for headings. */
const char         *palier_scenario_data_get_label   (PalierScenarioData *data);
PalierProgram      *palier_scenario_data_get_program (PalierScenarioData *data);
const PalierBases  *palier_scenario_data_get_bases   (PalierScenarioData *data);
/* The program simulated on the bases, as the history the goal-seek and
 * the health read. */
PalierResult       *palier_scenario_data_get_result  (PalierScenarioData *data);

/* Reads @scenario's program as last saved in the workspace at @path,
 * computes its bases and simulates them, in a worker thread on a
 * read-only connection of its own. */
void                palier_scenario_data_load_async  (const char           *path,
                                                      const PalierScenario *scenario,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
PalierScenarioData *palier_scenario_data_load_finish (GAsyncResult         *result,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierScenarioData, palier_scenario_data_unref)

G_END_DECLS
