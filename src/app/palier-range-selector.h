/* palier-range-selector.h: the dates that the window simulates
 *
 * A drop-down of the workspace's whole history, each year of its sales
 * (fiscal years when the program's fiscal year does not start in
 * January) and a custom range typed in two entries.  The choice is the
 * workspace's simulated range, so every selector on one workspace shows
 * the same range.
 */
#pragma once

#include <adwaita.h>

#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_RANGE_SELECTOR (palier_range_selector_get_type ())

G_DECLARE_FINAL_TYPE (PalierRangeSelector, palier_range_selector, PALIER, RANGE_SELECTOR, AdwBin)

/* Shows and sets the simulated range of @workspace, which may be NULL. */
void        palier_range_selector_set_workspace         (PalierRangeSelector *self,
                                                         PalierWorkspace     *workspace);

/* Lists the fiscal years that start in month @month (1..12) in place of
 * calendar years; 1 lists calendar years. */
void        palier_range_selector_set_fiscal_year_start (PalierRangeSelector *self,
                                                         int                  month);

GtkDropDown *palier_range_selector_get_drop_down        (PalierRangeSelector *self);
GtkEditable *palier_range_selector_get_from_entry       (PalierRangeSelector *self);
GtkEditable *palier_range_selector_get_to_entry         (PalierRangeSelector *self);

G_END_DECLS
