/* palier-engine.h: live re-simulation while a program is edited
 *
 * An engine belongs to one workspace and one date range.  It keeps the
 * sales it has read (month totals per component filter) and each
 * component's payouts between calls, so that after an edit only what the
 * edit invalidated is computed again: a new rate or tier recomputes that
 * component's payouts, a new filter reads one more table from the
 * workspace, a new program period or quota recomputes every component
 * without reading the sales again.
 *
 * palier_engine_update() returns the totals, which is what a frame
 * drawn while a tier handle is dragged needs; palier_engine_get_result()
 * then builds the per-partner detail of the same run.  Both give exactly
 * what palier_simulate() gives for the same program.
 *
 * Calls on one engine are serialised by a lock, so the async variants
 * can run in a worker thread while the window keeps the engine.  The
 * store must stay open as long as the engine exists, and must not be
 * written (imported into) meanwhile: create a new engine after an
 * import.  Give the engine a store of its own, opened read-only,
 * because a query's cancellation handler applies to the whole sqlite
 * connection and would interrupt other threads' queries on it.
 */
#pragma once

#include <gio/gio.h>
#include "palier-simulate.h"

G_BEGIN_DECLS

#define PALIER_TYPE_ENGINE (palier_engine_get_type ())
G_DECLARE_FINAL_TYPE (PalierEngine, palier_engine, PALIER, ENGINE, GObject)

/* Totals of one run, as in PalierResult. */
typedef struct {
  PalierDecimal   sales;
  PalierDecimal   payout;
  PalierDecimal   non_cash;
  PalierDecimal   cost;                 /* payout + non_cash */
  PalierDecimal   cost_of_sales;        /* cost / sales, 6 decimals */
  guint           n_components;
  PalierDecimal  *component_payouts;    /* program order */
  PalierDecimal  *component_non_cash;   /* program order */
} PalierEngineTotals;

#define PALIER_TYPE_ENGINE_TOTALS (palier_engine_totals_get_type ())
GType               palier_engine_totals_get_type (void) G_GNUC_CONST;
PalierEngineTotals *palier_engine_totals_copy     (const PalierEngineTotals *totals);
void                palier_engine_totals_free     (PalierEngineTotals       *totals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierEngineTotals, palier_engine_totals_free)

/* An engine on @store's sales between options->from and options->to
 * (NULL or PALIER_DATE_NONE: the first and last sale).  Nothing is read
 * until the first update. */
PalierEngine       *palier_engine_new            (PalierStore                 *store,
                                                  const PalierSimulateOptions *options);

/* An engine on sales read already, taking @bases.  It can only run
 * programs that pass palier_bases_can_simulate() on them; updates with
 * another program fail with PALIER_SIMULATE_ERROR_FAILED. */
PalierEngine       *palier_engine_new_for_bases  (PalierBases                 *bases);

/* Runs @program, reusing what earlier runs computed, and returns its
 * totals.  @program is copied; the caller may change it afterwards.  On
 * cancellation (PALIER_SIMULATE_ERROR_CANCELLED or
 * PALIER_STORE_ERROR_CANCELLED) what was computed so far is kept for
 * the next run. */
PalierEngineTotals *palier_engine_update         (PalierEngine         *engine,
                                                  const PalierProgram  *program,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

/* The whole result of the last update, as palier_simulate() returns it.
 * Fails with PALIER_SIMULATE_ERROR_CANCELLED when cancelled, and with
 * PALIER_SIMULATE_ERROR_FAILED when the last update failed or none ran. */
PalierResult       *palier_engine_get_result     (PalierEngine         *engine,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

void                palier_engine_update_async   (PalierEngine         *engine,
                                                  const PalierProgram  *program,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PalierEngineTotals *palier_engine_update_finish  (PalierEngine         *engine,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void                palier_engine_get_result_async  (PalierEngine         *engine,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
PalierResult       *palier_engine_get_result_finish (PalierEngine         *engine,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Work done since the engine was created, for tests and benchmarks. */
typedef struct {
  guint n_queries;                      /* tables read from the workspace */
  guint n_grids;                        /* filter bases laid out per period */
  guint n_components;                   /* component payouts computed */
} PalierEngineStats;

void                palier_engine_get_stats      (PalierEngine         *engine,
                                                  PalierEngineStats    *out_stats);

G_END_DECLS
