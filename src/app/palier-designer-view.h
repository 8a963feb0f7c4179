/* palier-designer-view.h: the programs of a workspace, edited */
#pragma once

#include <adwaita.h>

#include "palier-live-simulation.h"
#include "palier-program-editor.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_DESIGNER_VIEW (palier_designer_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierDesignerView, palier_designer_view, PALIER, DESIGNER_VIEW, AdwBin)

PalierWorkspace      *palier_designer_view_get_workspace (PalierDesignerView *self);
void                  palier_designer_view_set_workspace (PalierDesignerView *self,
                                                          PalierWorkspace    *workspace);

/* The selected program as last accepted, or NULL. */
PalierProgram        *palier_designer_view_get_program   (PalierDesignerView *self);

/* The editor of the selected program, or NULL. */
PalierProgramEditor  *palier_designer_view_get_editor    (PalierDesignerView *self);

/* The simulation that follows the edits, or NULL without a workspace. */
PalierLiveSimulation *palier_designer_view_get_live_simulation (PalierDesignerView *self);

/* Whether the workspace has at least one program. */
gboolean              palier_designer_view_has_programs  (PalierDesignerView *self);

/* Reloads the list of programs, keeping the selection when the selected
 * program still exists. */
void                  palier_designer_view_reload        (PalierDesignerView *self);

/* Selects the program @id in the sidebar.  Returns FALSE when it is not
 * listed. */
gboolean              palier_designer_view_select_program (PalierDesignerView *self,
                                                           const char         *id);

/* Restores version @version_id of the selected program, saved at
 * @version_time (seconds since 1970), as a new edit that can be
 * undone. */
gboolean              palier_designer_view_restore_version (PalierDesignerView  *self,
                                                            gint64               version_id,
                                                            gint64               version_time,
                                                            GError             **error);

gboolean              palier_designer_view_can_undo      (PalierDesignerView *self);
gboolean              palier_designer_view_can_redo      (PalierDesignerView *self);
void                  palier_designer_view_undo          (PalierDesignerView *self);
void                  palier_designer_view_redo          (PalierDesignerView *self);

G_END_DECLS
