/* palier-workspace.h: an open workspace file, as the window uses it
 *
 * A PalierWorkspace owns the PalierStore connection that the main thread
 * uses.  Work that may take long (opening, importing, the sales overview,
 * simulating) runs in a GTask thread on a connection of its own, so the
 * main thread never waits on sqlite and never shares a connection with a
 * worker.
 */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_WORKSPACE (palier_workspace_get_type ())

G_DECLARE_FINAL_TYPE (PalierWorkspace, palier_workspace, PALIER, WORKSPACE, GObject)

/* Sales of one calendar month of the workspace, over every partner. */
typedef struct {
  gint32         month;                 /* year * 12 + (month - 1) */
  PalierDecimal  sales;
} PalierMonthSales;

/* What the Data view shows: the store's summary and the sales of every
 * month from the first sale to the last, months without sales included. */
typedef struct {
  PalierStoreSummary  summary;
  GArray             *months;           /* PalierMonthSales, month order */
  char               *currency;         /* the programs' currency when they
                                         * all use one, else NULL */
  guint               n_quotas;         /* per-partner quotas stored */
} PalierOverview;

void              palier_overview_free            (PalierOverview       *overview);

PalierWorkspace  *palier_workspace_open           (const char           *path,
                                                   PalierStoreFlags      flags,
                                                   GError              **error);
void              palier_workspace_open_async     (const char           *path,
                                                   PalierStoreFlags      flags,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
PalierWorkspace  *palier_workspace_open_finish    (GAsyncResult         *result,
                                                   GError              **error);

PalierStore      *palier_workspace_get_store      (PalierWorkspace      *self);
const char       *palier_workspace_get_path       (PalierWorkspace      *self);

/* The file name without its ".palier" extension, for window titles. */
char             *palier_workspace_dup_title      (PalierWorkspace      *self);

/* Imports the rows of a copy of @plan.  @progress, which may be NULL,
 * is called from the worker thread.  The workspace emits "sales-changed"
 * when rows were added. */
void              palier_workspace_import_plan_async (PalierWorkspace      *self,
                                                      PalierImportPlan     *plan,
                                                      PalierProgressFunc    progress,
                                                      gpointer              progress_data,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
/* Stores @partners (PalierPartner *) or @quotas (PalierQuota *), as a
 * partners or quotas file check found them, in one transaction.  They
 * finish with palier_workspace_import_finish(), which counts the records
 * as rows. */
void              palier_workspace_import_partners_async (PalierWorkspace      *self,
                                                          GPtrArray            *partners,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
void              palier_workspace_import_quotas_async   (PalierWorkspace      *self,
                                                          GPtrArray            *quotas,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);

/* @out_skipped counts the invalid rows a plan that skips them left
 * out. */
gboolean          palier_workspace_import_finish  (PalierWorkspace      *self,
                                                   GAsyncResult         *result,
                                                   guint64              *out_rows,
                                                   guint64              *out_skipped,
                                                   GError              **error);

void              palier_workspace_load_overview_async  (PalierWorkspace      *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
PalierOverview   *palier_workspace_load_overview_finish (PalierWorkspace      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* The simulated range: the dates that every simulation of the window
 * reads, PALIER_DATE_NONE for an open end (the first or the last sale).
 * It starts as the whole history.  Setting a different range emits
 * "range-changed"; setting @from after @to is a programming error. */
void              palier_workspace_get_range       (PalierWorkspace      *self,
                                                    PalierDate           *out_from,
                                                    PalierDate           *out_to);
void              palier_workspace_set_range       (PalierWorkspace      *self,
                                                    PalierDate            from,
                                                    PalierDate            to);

/* Reads the first and the last date of the workspace's sales from its
 * import records, which is quick enough for the main thread.  Both are
 * PALIER_DATE_NONE when the workspace has no sales or cannot be read. */
void              palier_workspace_get_sales_dates (PalierWorkspace      *self,
                                                    PalierDate           *out_first,
                                                    PalierDate           *out_last);

/* Simulates a copy of @program on the sales of the simulated range. */
void              palier_workspace_simulate_async  (PalierWorkspace      *self,
                                                    const PalierProgram  *program,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
PalierResult     *palier_workspace_simulate_finish (PalierWorkspace      *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Compares copies of @baseline and @proposal on the sales of the
 * simulated range. */
void              palier_workspace_compare_async   (PalierWorkspace      *self,
                                                    const PalierProgram  *baseline,
                                                    const PalierProgram  *proposal,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
PalierComparison *palier_workspace_compare_finish  (PalierWorkspace      *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierOverview, palier_overview_free)

G_END_DECLS
