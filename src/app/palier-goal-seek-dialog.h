/* palier-goal-seek-dialog.h: finds the parameter value that meets a cost target
 *
 * The user picks a component and one of its parameters: a tier's rate
 * or boundary, a bonus level's amount, a cap or a deal bonus's amount.
 * The target is a cost or a cost of sales, on history or at the Monte
 * Carlo's P50 or P90.  Find runs palier_goal_seek() in a worker thread;
 * Apply writes the value found into the program through a
 * PalierProgramEditor, as an edit that can be undone.
 */
#pragma once

#include <adwaita.h>

#include "palier-program-editor.h"
#include "palier-scenario-data.h"

G_BEGIN_DECLS

#define PALIER_TYPE_GOAL_SEEK_DIALOG (palier_goal_seek_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalierGoalSeekDialog, palier_goal_seek_dialog, PALIER, GOAL_SEEK_DIALOG, AdwWindow)

/* A dialog on @data's program and bases.  @monte_carlo gives the draws
 * and seed for the P50 and P90 targets.  @editor, which may be NULL,
 * must edit the same program; without it Apply stays hidden. */
PalierGoalSeekDialog *palier_goal_seek_dialog_new (GtkWindow                     *parent,
                                                   PalierScenarioData            *data,
                                                   const PalierMonteCarloOptions *monte_carlo,
                                                   PalierProgramEditor           *editor);

/* Selects the component @id and its first parameter.  Returns FALSE
 * when the component has no parameter to seek. */
gboolean              palier_goal_seek_dialog_select_component (PalierGoalSeekDialog *self,
                                                                const char           *id);

/* Starts the search with the choices shown, as the Find button does. */
void                  palier_goal_seek_dialog_find       (PalierGoalSeekDialog *self);
gboolean              palier_goal_seek_dialog_is_running (PalierGoalSeekDialog *self);

/* The last search's result, or NULL. */
PalierGoalSeekResult *palier_goal_seek_dialog_get_result (PalierGoalSeekDialog *self);

/* Applies the value found through the editor, as the Apply button does,
 * and emits "applied".  Returns FALSE when there is nothing to apply or
 * the editor rejected the edit. */
gboolean              palier_goal_seek_dialog_apply      (PalierGoalSeekDialog *self);

G_END_DECLS
