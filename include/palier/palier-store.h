/* palier-store.h: the workspace file (.palier), one sqlite database
 *
 * The workspace contains partners, sales transactions and programs with their
 * history.  Its schema is versioned with PRAGMA user_version and migrated
 * forward on open; foreign keys are on and the journal is WAL.  Amounts are
 * stored as integers of PalierDecimal (millionths) so that SQL sums are
 * exact.  Every write is one transaction: a failed or cancelled import
 * leaves the file as it was.
 */
#pragma once

#include <gio/gio.h>
#include "palier-import.h"
#include "palier-program.h"

G_BEGIN_DECLS

#define PALIER_STORE_SCHEMA_VERSION 5

#define PALIER_STORE_ERROR (palier_store_error_quark ())

typedef enum {
  PALIER_STORE_ERROR_FAILED,
  PALIER_STORE_ERROR_NOT_FOUND,         /* no such file, program or partner */
  PALIER_STORE_ERROR_NOT_WORKSPACE,     /* not a sqlite file, or not Palier's */
  PALIER_STORE_ERROR_NEWER_VERSION,     /* written by a newer Palier */
  PALIER_STORE_ERROR_CORRUPT,
  PALIER_STORE_ERROR_LOCKED,            /* busy in another process */
  PALIER_STORE_ERROR_READ_ONLY,
  PALIER_STORE_ERROR_FULL,              /* disk or quota full */
  PALIER_STORE_ERROR_CANCELLED,
  PALIER_STORE_ERROR_NEEDS_RECOVERY,    /* an interrupted write left a journal
                                         * that only write access can roll back */
  PALIER_STORE_ERROR_DUPLICATE,         /* a file with this content was already imported */
} PalierStoreError;

GQuark palier_store_error_quark (void);

typedef enum {
  PALIER_STORE_OPEN_EXISTING = 0,
  PALIER_STORE_CREATE        = 1 << 0,  /* create the file when missing */
  PALIER_STORE_READ_ONLY     = 1 << 1,
} PalierStoreFlags;

typedef struct _PalierStore PalierStore;

/* An interrupted import can leave a journal that only a read-write
 * connection may roll back.  A read-only open then opens the workspace
 * read-write once to roll it back, when the file and its folder are
 * writable.  Otherwise it fails with PALIER_STORE_ERROR_NEEDS_RECOVERY. */
PalierStore *palier_store_open        (const char        *path,
                                       PalierStoreFlags   flags,
                                       GError           **error);
/* A workspace that lives in memory only, for runs on a CSV file. */
PalierStore *palier_store_new_memory  (GError           **error);
void         palier_store_close       (PalierStore       *store);
const char  *palier_store_get_path    (PalierStore       *store);

/* What an import of a file does when the workspace already contains an
 * import of a file with the same fingerprint: the same size, and the
 * same SHA-256 of its first and last MiB. */
typedef enum {
  PALIER_STORE_DUPLICATE_REJECT,        /* fail with PALIER_STORE_ERROR_DUPLICATE (default) */
  PALIER_STORE_DUPLICATE_ALLOW,         /* add the rows again */
  PALIER_STORE_DUPLICATE_REPLACE,       /* remove those imports in the same transaction */
} PalierStoreDuplicatePolicy;

/* Sets what palier_store_import_sales() and palier_store_replace_import()
 * do with a file already imported. */
void         palier_store_set_duplicate_policy (PalierStore                *store,
                                                PalierStoreDuplicatePolicy  policy);

/* Imports every row of @plan in one transaction, creating partners as
 * they appear, and records the file's fingerprint.  On any error or
 * cancellation nothing is written. */
gboolean     palier_store_import_sales (PalierStore        *store,
                                        PalierImportPlan   *plan,
                                        PalierProgressFunc  progress,
                                        gpointer            progress_data,
                                        GCancellable       *cancellable,
                                        PalierImportReport *report,
                                        GError            **error);

/* Removes import @import_id and imports @plan in one transaction, so
 * that on any error the earlier import stays as it was. */
gboolean     palier_store_replace_import (PalierStore        *store,
                                          gint64              import_id,
                                          PalierImportPlan   *plan,
                                          PalierProgressFunc  progress,
                                          gpointer            progress_data,
                                          GCancellable       *cancellable,
                                          PalierImportReport *report,
                                          GError            **error);

/* One import recorded in the workspace. */
typedef struct {
  gint64         id;                    /* grows with each import, never reused */
  char          *file;                  /* the path given at import */
  gint64         time;                  /* seconds since 1970-01-01 UTC */
  guint64        n_rows;
  PalierDate     first_date;            /* PALIER_DATE_NONE without rows */
  PalierDate     last_date;
  PalierDecimal  amount;
  gint64         size;                  /* bytes; -1 when unknown */
  char          *fingerprint;           /* hex SHA-256; NULL when unknown */
} PalierStoreImportInfo;

void         palier_store_import_info_free (PalierStoreImportInfo *info);

/* Every import, oldest first.  Imports made row by row, and those of
 * workspaces older than format 3, have no size or fingerprint. */
GPtrArray   *palier_store_list_imports  (PalierStore  *store,
                                         GError      **error);

/* Removes import @import_id with its transactions and its share of the
 * month totals, in one transaction.  Partners, products, categories and
 * regions stay, also when no transaction refers to them any more. */
gboolean     palier_store_remove_import (PalierStore  *store,
                                         gint64        import_id,
                                         GError      **error);

/* An import in progress: rows handed to palier_store_import_add_row(),
 * which is a PalierSaleSink, are written in one transaction that
 * palier_store_import_commit() commits.  palier_store_import_abort(), or
 * any error, rolls the whole import back.  @source names the imported
 * file in the workspace's import history. */
typedef struct _PalierStoreImport PalierStoreImport;

PalierStoreImport *palier_store_import_begin   (PalierStore        *store,
                                                const char         *source,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean           palier_store_import_add_row (const PalierSaleRow *row,
                                                gpointer             import,
                                                GError             **error);
/* Commits and frees @import; on failure nothing is written. */
gboolean           palier_store_import_commit  (PalierStoreImport  *import,
                                                guint64            *out_n_rows,
                                                GError            **error);
/* Rolls back and frees @import. */
void               palier_store_import_abort   (PalierStoreImport  *import);

typedef struct {
  guint64        n_transactions;
  guint          n_partners;
  guint          n_imports;
  PalierDate     first_date;            /* PALIER_DATE_NONE when empty */
  PalierDate     last_date;
  PalierDecimal  total_amount;
} PalierStoreSummary;

gboolean     palier_store_get_summary (PalierStore        *store,
                                       PalierStoreSummary *summary,
                                       GError            **error);

typedef struct {
  gint64      id;                       /* dense, from 1 */
  char       *code;                     /* as mapped at import: "00042" stays text */
  char       *name;
  char       *segment;                  /* may be NULL */
  char       *region;                   /* may be NULL */
  PalierDate  start;                    /* PALIER_DATE_NONE when unknown */
} PalierPartner;

void         palier_partner_free      (PalierPartner *partner);

/* Stores the attributes of @partners (PalierPartner *, id ignored), as
 * read from a partners file: partners not yet in the workspace are
 * created, and each non-NULL name, segment, region and known start
 * replaces the stored one.  A segment or region set this way wins over
 * those of sales rows, in earlier and later imports.  All or nothing. */
gboolean     palier_store_import_partners (PalierStore  *store,
                                           GPtrArray    *partners,
                                           GError      **error);

/* Every partner, in id order (element i has id i + 1). */
GPtrArray   *palier_store_list_partners (PalierStore  *store,
                                         GError      **error);

/* Programs are stored as their XML; each save records a version with a
 * one-sentence summary of the change. */
gboolean       palier_store_save_program   (PalierStore          *store,
                                            const PalierProgram  *program,
                                            const char           *summary,
                                            GError              **error);
PalierProgram *palier_store_load_program   (PalierStore          *store,
                                            const char           *id,
                                            GError              **error);
/* Program ids, in name order. */
GPtrArray     *palier_store_list_programs  (PalierStore          *store,
                                            GError              **error);
gboolean       palier_store_delete_program (PalierStore          *store,
                                            const char           *id,
                                            GError              **error);

/* One saved version of a program. */
typedef struct {
  gint64  id;                           /* grows with each save */
  gint64  time;                         /* seconds since 1970-01-01 UTC */
  char   *summary;
} PalierProgramVersion;

void           palier_program_version_free (PalierProgramVersion *version);

/* Versions of program @id, oldest first; empty when it has none. */
GPtrArray     *palier_store_list_program_versions (PalierStore  *store,
                                                   const char   *id,
                                                   GError      **error);
/* The program as it was saved in version @version_id. */
PalierProgram *palier_store_load_program_version  (PalierStore  *store,
                                                   gint64        version_id,
                                                   GError      **error);

/* One partner's sums for one calendar month, over the lines that pass a
 * filter. */
typedef struct {
  gint64         partner_id;
  gint32         month;                 /* year * 12 + (month - 1) */
  PalierDecimal  revenue;
  PalierDecimal  margin;
  PalierDecimal  units;
  gint64         n_lines;
} PalierMonthTotal;

typedef gboolean (*PalierMonthTotalFunc) (const PalierMonthTotal *total,
                                          gpointer                user_data,
                                          GError                **error);

/* Calls @func for each partner and month with at least one line between
 * @from and @to (inclusive, PALIER_DATE_NONE for open ends) that passes
 * @filter (NULL for all lines, including its own start and end dates and
 * segment on the partner's segment).  Sums are computed by sqlite. */
gboolean     palier_store_foreach_month_total (PalierStore          *store,
                                               const PalierFilter   *filter,
                                               PalierDate            from,
                                               PalierDate            to,
                                               PalierMonthTotalFunc  func,
                                               gpointer              user_data,
                                               GError              **error);

/* The underlying connection, for the store's own tests and tools. */
struct sqlite3 *palier_store_get_db    (PalierStore *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierStore, palier_store_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierStoreImportInfo, palier_store_import_info_free)

G_END_DECLS
