/* palier-compare-view.h: two programs on the same sales */
#pragma once

#include <adwaita.h>

#include "palier-range-selector.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_COMPARE_VIEW (palier_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierCompareView, palier_compare_view, PALIER, COMPARE_VIEW, AdwBin)

PalierWorkspace  *palier_compare_view_get_workspace  (PalierCompareView *self);
void              palier_compare_view_set_workspace  (PalierCompareView *self,
                                                      PalierWorkspace   *workspace);

/* Reads the workspace's programs again, keeping the baseline and the
 * proposal when they still exist, and compares them again when either
 * changed. */
void              palier_compare_view_reload         (PalierCompareView *self);

/* Picks the programs by id and compares them.  Returns FALSE when the
 * workspace has no program of either id. */
gboolean          palier_compare_view_select         (PalierCompareView *self,
                                                      const char        *baseline_id,
                                                      const char        *proposal_id);

/* The comparison shown, or NULL. */
PalierComparison *palier_compare_view_get_comparison (PalierCompareView *self);

/* The selector of the simulated range in the view's header. */
PalierRangeSelector *palier_compare_view_get_range_selector (PalierCompareView *self);

G_END_DECLS
