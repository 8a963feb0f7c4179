/* palier-scenario-dialog.h: creates or edits one scenario */
#pragma once

#include <adwaita.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_SCENARIO_DIALOG (palier_scenario_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalierScenarioDialog, palier_scenario_dialog, PALIER, SCENARIO_DIALOG, AdwWindow)

/* A dialog that edits a copy of @scenario, or a new scenario on the
 * workspace's first program when @scenario is NULL.  Saving stores the
 * scenario in @workspace, emits "saved" with it and closes the dialog. */
PalierScenarioDialog *palier_scenario_dialog_new (GtkWindow            *parent,
                                                  PalierWorkspace      *workspace,
                                                  const PalierScenario *scenario);

/* Appends a row of growth in @dimension with @key and @percent as the
 * user would type them ("8" for +8 %); either may be NULL. */
void                  palier_scenario_dialog_add_growth  (PalierScenarioDialog  *self,
                                                          PalierGrowthDimension  dimension,
                                                          const char            *key,
                                                          const char            *percent);
/* Appends a row of a partner left out of the run. */
void                  palier_scenario_dialog_add_removed (PalierScenarioDialog  *self,
                                                          const char            *code);
/* Appends a row of a partner added as a scaled copy of @source. */
void                  palier_scenario_dialog_add_added   (PalierScenarioDialog  *self,
                                                          const char            *code,
                                                          const char            *name,
                                                          const char            *source,
                                                          const char            *factor);

/* Reads the fields, as the Save button does.  Returns the scenario they
 * describe, or NULL with @error naming the field and the value. */
PalierScenario       *palier_scenario_dialog_build       (PalierScenarioDialog  *self,
                                                          GError               **error);

/* Saves as the Save button does.  Returns FALSE, showing the error in the
 * dialog, when a field is invalid or the workspace cannot be written. */
gboolean              palier_scenario_dialog_save        (PalierScenarioDialog  *self);

G_END_DECLS
