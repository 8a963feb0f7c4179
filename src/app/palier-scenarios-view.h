/* palier-scenarios-view.h: what-if scenarios of the workspace
 *
 * The Scenarios page lists the workspace's scenarios, creates and edits
 * them, runs them in a worker thread and compares up to
 * PALIER_SCENARIO_MAX_COMPARED of them side by side.  Its pages
 * "compare", "risk" and "health" follow the selected scenario; the
 * cost-risk and health panels read it through
 * palier_scenarios_view_get_selected_scenario() and
 * palier_scenarios_view_get_selected_run(), and the "selected-scenario"
 * property notifies them when it changes.
 */
#pragma once

#include <adwaita.h>

#include "palier-scenario-compare.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_SCENARIOS_VIEW (palier_scenarios_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierScenariosView, palier_scenarios_view, PALIER, SCENARIOS_VIEW, AdwBin)

void                      palier_scenarios_view_set_workspace  (PalierScenariosView *self,
                                                                PalierWorkspace     *workspace);
PalierWorkspace          *palier_scenarios_view_get_workspace  (PalierScenariosView *self);

/* Reads the scenarios and their latest runs from the workspace again. */
void                      palier_scenarios_view_reload         (PalierScenariosView *self);

/* The scenario selected in the list, or NULL. */
const PalierScenario     *palier_scenarios_view_get_selected_scenario (PalierScenariosView *self);
/* The latest kept run of the selected scenario, or NULL when it has
 * none. */
const PalierScenarioRun  *palier_scenarios_view_get_selected_run      (PalierScenariosView *self);
/* Selects scenario @id in the list.  Returns FALSE when there is none. */
gboolean                  palier_scenarios_view_select         (PalierScenariosView *self,
                                                                const char          *id);

/* Ticks scenario @id for the comparison, or unticks it.  Returns FALSE
 * when there is no such scenario, or when @ticked would make more than
 * PALIER_SCENARIO_MAX_COMPARED. */
gboolean                  palier_scenarios_view_set_ticked     (PalierScenariosView *self,
                                                                const char          *id,
                                                                gboolean             ticked);

/* Whether scenario @id is ticked for the comparison. */
gboolean                  palier_scenarios_view_is_ticked      (PalierScenariosView *self,
                                                                const char          *id);

/* Runs the ticked scenarios, or the selected one when none is ticked,
 * in a worker thread.  "running" is TRUE until they finish. */
void                      palier_scenarios_view_run            (PalierScenariosView *self);
void                      palier_scenarios_view_cancel         (PalierScenariosView *self);

/* The comparison of the ticked scenarios, or NULL while they are not
 * all run or it is being computed ("comparing" is TRUE then). */
PalierScenarioComparison *palier_scenarios_view_get_comparison (PalierScenariosView *self);
PalierScenarioCompare    *palier_scenarios_view_get_compare    (PalierScenariosView *self);

/* Cost-risk and health results of the selected scenario, which the
 * presentation and the report show.  The panels that compute them set
 * them; selecting another scenario clears them. */
void                      palier_scenarios_view_set_risk       (PalierScenariosView          *self,
                                                                PalierMonteCarloResult       *risk);
void                      palier_scenarios_view_set_health     (PalierScenariosView          *self,
                                                                PalierHealth                 *health);

/* Opens the scenario dialog on a new scenario, or on the selected one. */
void                      palier_scenarios_view_new_scenario   (PalierScenariosView *self);
void                      palier_scenarios_view_edit_scenario  (PalierScenariosView *self);

/* Asks which scenarios and sections to put in the leadership report,
 * then where to save it. */
void                      palier_scenarios_view_export_report  (PalierScenariosView *self);

/* Writes the leadership report of the scenarios @ids (1 to
 * PALIER_SCENARIO_MAX_COMPARED, each with a kept run) to @path in a
 * worker thread, with the cost risk and the health of the first when
 * asked. */
void                      palier_scenarios_view_write_report_async  (PalierScenariosView  *self,
                                                                     const char * const   *ids,
                                                                     gboolean              with_risk,
                                                                     gboolean              with_health,
                                                                     const char           *path,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
gboolean                  palier_scenarios_view_write_report_finish (PalierScenariosView  *self,
                                                                     GAsyncResult         *result,
                                                                     GError              **error);

/* Shows the charts of the selected scenario full screen.  Returns the
 * presentation window, or NULL when no scenario is selected. */
GtkWindow                *palier_scenarios_view_present        (PalierScenariosView *self);

G_END_DECLS
