/* palier-scenario-compare.h: up to four scenario results side by side */
#pragma once

#include <adwaita.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_SCENARIO_COMPARE (palier_scenario_compare_get_type ())

G_DECLARE_FINAL_TYPE (PalierScenarioCompare, palier_scenario_compare, PALIER, SCENARIO_COMPARE, AdwBin)

GtkWidget                *palier_scenario_compare_new            (void);

/* Shows @comparison, or an empty state when it is NULL. */
void                      palier_scenario_compare_set_comparison (PalierScenarioCompare    *self,
                                                                  PalierScenarioComparison *comparison);
PalierScenarioComparison *palier_scenario_compare_get_comparison (PalierScenarioCompare    *self);

/* The text shown for figure @key of column @column, or NULL when the
 * table has no such cell.  Keys: "sales", "payout", "non-cash", "cost",
 * "cost-of-sales", "component:ID", "tier:N" (N = 0 counts the partners
 * below the first tier), "gain", "lose", "same" and "difference". */
const char               *palier_scenario_compare_get_figure     (PalierScenarioCompare    *self,
                                                                  const char               *key,
                                                                  guint                     column);

G_END_DECLS
