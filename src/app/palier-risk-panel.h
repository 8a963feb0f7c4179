/* palier-risk-panel.h: how much a scenario's yearly cost may vary
 *
 * The panel runs the core's Monte Carlo (palier_monte_carlo_run) on one
 * scenario in a worker thread and shows the distribution of the yearly
 * cost, its mean and percentiles, the cost of sales and the probability
 * of exceeding a budget.  A change of the draws, the seed or the budget
 * runs it again after a short pause, cancelling the run going.
 */
#pragma once

#include <adwaita.h>

#include "palier-program-editor.h"
#include "palier-scenario-data.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_RISK_PANEL (palier_risk_panel_get_type ())

G_DECLARE_FINAL_TYPE (PalierRiskPanel, palier_risk_panel, PALIER, RISK_PANEL, AdwBin)

GtkWidget              *palier_risk_panel_new          (void);

/* Shows the cost risk of @data, or nothing for NULL, and runs it. */
void                    palier_risk_panel_set_data     (PalierRiskPanel    *self,
                                                        PalierScenarioData *data);
PalierScenarioData     *palier_risk_panel_get_data     (PalierRiskPanel    *self);

/* Reads @scenario's bases from @workspace in a worker thread, then does
 * as palier_risk_panel_set_data(). */
void                    palier_risk_panel_set_scenario (PalierRiskPanel      *self,
                                                        PalierWorkspace      *workspace,
                                                        const PalierScenario *scenario);

/* The editor that the goal-seek's Apply changes.  Without one, the panel
 * uses the Designer's editor of the scenario's program when it sits in a
 * PalierWindow, and the goal-seek cannot apply otherwise. */
void                    palier_risk_panel_set_editor   (PalierRiskPanel     *self,
                                                        PalierProgramEditor *editor);

/* Runs the Monte Carlo now with the inputs shown, cancelling the run
 * going.  Does nothing while the budget is not a number. */
void                    palier_risk_panel_run          (PalierRiskPanel    *self);
void                    palier_risk_panel_cancel       (PalierRiskPanel    *self);
gboolean                palier_risk_panel_is_running   (PalierRiskPanel    *self);

/* The draws, seed and budget shown.  Returns FALSE with the budget's
 * problem when the budget entry does not hold a number. */
gboolean                palier_risk_panel_get_options  (PalierRiskPanel         *self,
                                                        PalierMonteCarloOptions *out_options,
                                                        GError                 **error);

/* The result shown, or NULL. */
PalierMonteCarloResult *palier_risk_panel_get_result   (PalierRiskPanel    *self);

/* Opens the goal-seek dialog on the panel's scenario, preselecting
 * @component_id when it is not NULL.  After an Apply, the panel emits
 * "program-saved" once the editor has written the new version. */
void                    palier_risk_panel_goal_seek    (PalierRiskPanel    *self,
                                                        const char         *component_id);

G_END_DECLS
