/* palier-designer-view.h: the programs of a workspace and their tiers */
#pragma once

#include <adwaita.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_DESIGNER_VIEW (palier_designer_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierDesignerView, palier_designer_view, PALIER, DESIGNER_VIEW, AdwBin)

PalierWorkspace *palier_designer_view_get_workspace (PalierDesignerView *self);
void             palier_designer_view_set_workspace (PalierDesignerView *self,
                                                     PalierWorkspace    *workspace);

/* The selected program, or NULL. */
PalierProgram   *palier_designer_view_get_program   (PalierDesignerView *self);

/* Whether the workspace has at least one program. */
gboolean         palier_designer_view_has_programs  (PalierDesignerView *self);

/* Reloads the list of programs, keeping the selection when the selected
 * program still exists. */
void             palier_designer_view_reload        (PalierDesignerView *self);

G_END_DECLS
