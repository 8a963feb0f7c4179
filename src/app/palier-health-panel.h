/* palier-health-panel.h: how a scenario's program spreads its cost
 *
 * The panel runs the core's palier_health_compute() on one scenario in
 * a worker thread.  It shows the share of the top tenth of partners, the
 * Gini coefficient, the partners just below a step (the cliffs), each
 * partner's effective rate and the Lorenz curve.  It exports them to
 * CSV.  A change of the near distance computes again after a short
 * pause.
 */
#pragma once

#include <adwaita.h>

#include "palier-scenario-data.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_HEALTH_PANEL (palier_health_panel_get_type ())

G_DECLARE_FINAL_TYPE (PalierHealthPanel, palier_health_panel, PALIER, HEALTH_PANEL, AdwBin)

GtkWidget          *palier_health_panel_new          (void);

/* Shows the health of @data, or nothing for NULL, and computes it. */
void                palier_health_panel_set_data     (PalierHealthPanel  *self,
                                                      PalierScenarioData *data);
PalierScenarioData *palier_health_panel_get_data     (PalierHealthPanel  *self);

/* Reads @scenario's bases from @workspace in a worker thread, then does
 * as palier_health_panel_set_data(). */
void                palier_health_panel_set_scenario (PalierHealthPanel    *self,
                                                      PalierWorkspace      *workspace,
                                                      const PalierScenario *scenario);

/* The distance below a boundary that counts as near, as a fraction of
 * the boundary (0.05 for 5 %, the default), in tenths of a percent. */
PalierDecimal       palier_health_panel_get_near     (PalierHealthPanel  *self);
void                palier_health_panel_set_near     (PalierHealthPanel  *self,
                                                      PalierDecimal       near);

/* Computes now, cancelling the computation going. */
void                palier_health_panel_compute      (PalierHealthPanel  *self);
gboolean            palier_health_panel_is_running   (PalierHealthPanel  *self);

/* The health shown, or NULL. */
PalierHealth       *palier_health_panel_get_health   (PalierHealthPanel  *self);

/* The health shown as CSV, one figure a row, with exact decimals and no
 * locale: "section,partner,segment,component,period,figure,value", the
 * sections being "summary", "cliff" and "partner".  A cliff's first
 * figure is "tier" with the tier or level number, or "gate" with 1 when
 * the boundary is the component's gate. */
char               *palier_health_panel_to_csv       (PalierHealthPanel  *self);

/* Writes palier_health_panel_to_csv() to @path atomically. */
gboolean            palier_health_panel_export       (PalierHealthPanel  *self,
                                                      const char         *path,
                                                      GError            **error);

G_END_DECLS
