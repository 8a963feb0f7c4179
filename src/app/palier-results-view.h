/* palier-results-view.h: what a program would have paid */
#pragma once

#include <adwaita.h>

#include "palier-range-selector.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_RESULTS_VIEW (palier_results_view_get_type ())

G_DECLARE_FINAL_TYPE (PalierResultsView, palier_results_view, PALIER, RESULTS_VIEW, AdwBin)

/* Simulates @program on the simulated range of @workspace in a worker
 * thread, cancelling any simulation still running, and shows the
 * result. */
void          palier_results_view_simulate   (PalierResultsView *self,
                                              PalierWorkspace   *workspace,
                                              PalierProgram     *program);

/* Shows @result, computed elsewhere, cancelling any simulation still
 * running here. */
void          palier_results_view_show_result (PalierResultsView *self,
                                               PalierResult      *result);

/* Simulates again the program of the result shown or running, if any,
 * as after a change of the simulated range. */
void          palier_results_view_resimulate (PalierResultsView *self,
                                              PalierWorkspace   *workspace);

/* Cancels any simulation and clears the shown result. */
void          palier_results_view_clear      (PalierResultsView *self);

/* The result shown, or NULL. */
PalierResult *palier_results_view_get_result (PalierResultsView *self);

/* The selector of the simulated range in the view's header. */
PalierRangeSelector *palier_results_view_get_range_selector (PalierResultsView *self);

G_END_DECLS
