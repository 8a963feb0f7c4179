/* palier-presentation-window.h: the charts of a scenario, full screen */
#pragma once

#include <adwaita.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_PRESENTATION_WINDOW (palier_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (PalierPresentationWindow, palier_presentation_window, PALIER, PRESENTATION_WINDOW, AdwWindow)

/* One page per chart that has data: the payout curve of @program's
 * first commission or bonus, @result's payouts per period, the
 * differences of @comparison's second scenario against its first, the
 * cost risk and the health.  Every argument but @program and @result
 * may be NULL.  The arrow keys, Page Up, Page Down, Home and End move
 * between pages, and Escape closes the window. */
PalierPresentationWindow *palier_presentation_window_new (GtkWindow                      *parent,
                                                          const PalierProgram            *program,
                                                          PalierResult                   *result,
                                                          PalierScenarioComparison       *comparison,
                                                          PalierMonteCarloResult         *risk,
                                                          PalierHealth                   *health);

guint       palier_presentation_window_get_n_pages   (PalierPresentationWindow *self);
guint       palier_presentation_window_get_page      (PalierPresentationWindow *self);
/* Shows page @page, clamped to the last one. */
void        palier_presentation_window_set_page      (PalierPresentationWindow *self,
                                                      guint                     page);
/* "curve", "periods", "comparison", "risk" or "health". */
const char *palier_presentation_window_get_page_name (PalierPresentationWindow *self,
                                                      guint                     page);

G_END_DECLS
