/* palier-data-view.h: the sales a workspace contains */
#pragma once

#include <adwaita.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_DATA_VIEW (palier_data_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierDataView, palier_data_view, PALIER, DATA_VIEW, AdwBin)

PalierWorkspace *palier_data_view_get_workspace (PalierDataView  *self);
void             palier_data_view_set_workspace (PalierDataView  *self,
                                                 PalierWorkspace *workspace);

G_END_DECLS
