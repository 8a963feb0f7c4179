/* palier-compare-view.h: two programs on the same sales */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PALIER_TYPE_COMPARE_VIEW (palier_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierCompareView, palier_compare_view, PALIER, COMPARE_VIEW, AdwBin)

G_END_DECLS
