/* palier-store.c: the workspace file (.palier), one sqlite database
 *
 * Schema, version 5 (docs/workspace-format.md describes it for users):
 *
 *   meta             (key TEXT PRIMARY KEY, value TEXT)
 *   imports          (id, file, time, rows, first_date, last_date, amount,
 *                     size, fingerprint)
 *   partners         (id INTEGER PRIMARY KEY dense from 1, code UNIQUE,
 *                     name, segment, region, start,
 *                     segment_date, region_date,
 *                     segment_from_file, region_from_file: 1 when the
 *                     partners file set the value, which sales rows
 *                     then leave alone)
 *   products, categories, regions
 *                    (id INTEGER PRIMARY KEY, name UNIQUE): dictionaries
 *                    that transactions refer to by id
 *   transactions     (id, date yyyymmdd, partner_id, amount, margin,
 *                     quantity, product_id, category_id, region_id, deal,
 *                     import_id)
 *   month_totals     (partner_id, month yyyymm, category_id, region_id,
 *                     amount, margin, quantity, lines): the sums of the
 *                     transactions per key, 0 for an empty category or
 *                     region, kept up to date by every import
 *   programs         (id TEXT PRIMARY KEY, name, xml, updated)
 *   program_versions (id, program_id, time, summary, xml)
 *   quotas           (partner_id, first_date, last_date, label, quota):
 *                    per-partner quotas read from a quotas file
 *   scenarios        (id TEXT PRIMARY KEY, name, program_id, from_date,
 *                     to_date, assumptions, updated)
 *   scenario_runs    (id, scenario_id, time, program_version,
 *                     program_xml, assumptions, from_date, to_date,
 *                     sales, payout, non_cash, cost, result): each run
 *                     kept with what it was computed from
 *
 * Money and quantities are INTEGER millionths (PalierDecimal), so that
 * sqlite's sum() is exact.  Margin and quantity are NULL when the sales
 * file has no such column or an empty cell.  Dates are INTEGER yyyymmdd
 * and times are seconds since 1970-01-01 UTC.
 *
 * The file carries PRAGMA application_id PALIER_APPLICATION_ID, so that a
 * sqlite database written by another program is recognised, and PRAGMA
 * user_version, the schema version: migrations[v] moves a file from
 * version v to v + 1.
 *
 * The simulation reads month totals from month_totals, whose primary
 * key is in the order it needs, so a 10 million row workspace costs a
 * scan of about a million rows.  Only the days of months that a range or
 * a filter's dates cut, product filters and deals read the transactions,
 * through an index by date.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "palier-store.h"
#include "palier-store-private.h"
#include "palier-money.h"
#include "palier-program-xml.h"

/* "PALR" in ASCII. */
#define PALIER_APPLICATION_ID 0x50414c52

/* Waiting this long for another process to release the file before
 * reporting it as locked. */
#define BUSY_TIMEOUT_MS 3000

/* Page size of new workspaces, in bytes; larger pages than sqlite's
 * default of 4096 make bulk inserts and full scans a little faster. */
#define PAGE_SIZE 8192

/* Page cache per connection, in KiB (sqlite's negative cache_size). */
#define CACHE_SIZE_KIB 8192

/* Page cache during an import, in KiB.  The cache also bounds the runs
 * that the sorter building the index keeps in memory.  On 1 million rows
 * (x86-64, sqlite 3.40, one measurement) a 4 MiB cache made the whole
 * import about 40 % faster than a 128 MiB one, because small runs stay in
 * the CPU caches. */
#define IMPORT_CACHE_SIZE_KIB 4096

/* Rough size of one CSV sales row in bytes, on the small side, to guess
 * the rows of a file from its size: a file of fewer bytes per row only
 * makes the guess larger. */
#define MIN_BYTES_PER_ROW 64

/* Entries of month totals an import keeps in memory, about 64 bytes
 * each, before it adds them to the month_totals table. */
#define MONTH_TOTALS_FLUSH_ENTRIES (1 << 20)

/* Rows between two checks of an import's GCancellable. */
#define IMPORT_CANCEL_CHECK_ROWS 4096

/* Sqlite virtual machine steps between two checks of a query's
 * GCancellable. */
#define QUERY_CANCEL_CHECK_STEPS 100000

/* The oldest format that a read-only connection reads without migrating
 * it: format 3 only added columns to imports, which
 * palier_store_list_imports() then reports as unknown. */
#define OLDEST_READ_ONLY_VERSION 2

/* Bytes at each end of a file that its fingerprint hashes.  Hashing all
 * of a 1 million row CSV (73 MB, from palier-bench-gen) with GLib's
 * SHA-256 took 0.18 to 0.33 s, 8 to 10 % of its import by palier-cli,
 * which took 1.9 to 3.6 s.  The two ends took 6 to 8 ms.  (Six runs of
 * each, x86-64 with 2 cores shared with other jobs, debugoptimized
 * build.)  Two files of the same size that differ only in the middle
 * then get the same fingerprint, as a corrected amount of the same
 * width would. */
#define FINGERPRINT_SAMPLE_BYTES (1 << 20)

/* Key in the meta table of the highest id of a removed import, so that
 * import ids are never reused. */
#define MAX_REMOVED_IMPORT_ID_KEY "max-removed-import-id"

/* The index of version 1, which migrations[0] still creates. */
#define TRANSACTIONS_INDEX_V1_SQL \
  "CREATE INDEX transactions_by_partner_month ON transactions" \
  " (partner_id, date / 100, date, amount, margin, quantity," \
  "  category_id, product_id, region_id)"

#define TRANSACTIONS_INDEX_SQL \
  "CREATE INDEX transactions_by_date ON transactions (date)"

#define MONTH_TOTALS_TABLE_SQL \
  "CREATE TABLE month_totals (" \
  "  partner_id INTEGER NOT NULL," \
  "  month INTEGER NOT NULL," \
  "  category_id INTEGER NOT NULL," \
  "  region_id INTEGER NOT NULL," \
  "  amount INTEGER NOT NULL," \
  "  margin INTEGER NOT NULL," \
  "  quantity INTEGER NOT NULL," \
  "  lines INTEGER NOT NULL," \
  "  PRIMARY KEY (partner_id, month, category_id, region_id)" \
  ") WITHOUT ROWID"

struct _PalierStore
{
  sqlite3 *db;
  char *path;                   /* NULL for a store in memory */
  gboolean read_only;
  gboolean asked_read_only;     /* opened with PALIER_STORE_READ_ONLY */
  gint64   user_version;        /* below the current one only read-only */
  PalierStoreDuplicatePolicy duplicate_policy;
  gboolean importing;
  gboolean use_month_totals;    /* FALSE only in tests */
  guint    flush_entries;       /* MONTH_TOTALS_FLUSH_ENTRIES but in tests */
};

G_DEFINE_QUARK (palier-store-error-quark, palier_store_error)

static const char *const migrations[] = {
  /* 0 -> 1: everything. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  file TEXT NOT NULL,"
  "  time INTEGER NOT NULL,"
  "  rows INTEGER NOT NULL DEFAULT 0,"
  "  first_date INTEGER,"
  "  last_date INTEGER,"
  "  amount INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE partners ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT,"
  "  segment TEXT,"
  "  region TEXT,"
  "  start INTEGER,"
  "  segment_date INTEGER,"
  "  region_date INTEGER"
  ");"
  "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE regions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE transactions ("
  "  id INTEGER PRIMARY KEY,"
  "  date INTEGER NOT NULL,"
  "  partner_id INTEGER NOT NULL REFERENCES partners (id),"
  "  amount INTEGER NOT NULL,"
  "  margin INTEGER,"
  "  quantity INTEGER,"
  "  product_id INTEGER REFERENCES products (id),"
  "  category_id INTEGER REFERENCES categories (id),"
  "  region_id INTEGER REFERENCES regions (id),"
  "  deal TEXT,"
  "  import_id INTEGER NOT NULL REFERENCES imports (id)"
  ");"
  TRANSACTIONS_INDEX_V1_SQL ";"
  "CREATE TABLE programs ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  xml TEXT NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE TABLE program_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,"
  "  time INTEGER NOT NULL,"
  "  summary TEXT NOT NULL,"
  "  xml TEXT NOT NULL"
  ");"
  "CREATE INDEX program_versions_by_program ON program_versions (program_id, id);"
  "INSERT INTO meta (key, value) VALUES ('created-by', 'Palier " PACKAGE_VERSION "');",

  /* 1 -> 2: month totals per partner, category and region, so that the
   * simulation reads them instead of every transaction.  An empty
   * category or region is 0, because key columns cannot be NULL.  The
   * transactions keep an index by date only, for the days of months
   * that a range cuts, which is much cheaper to build at import than
   * the covering index of version 1. */
  MONTH_TOTALS_TABLE_SQL ";"
  "INSERT INTO month_totals"
  " SELECT partner_id, date / 100, coalesce (category_id, 0), coalesce (region_id, 0),"
  "  sum (amount), coalesce (sum (margin), 0), coalesce (sum (quantity), 0), count (*)"
  " FROM transactions GROUP BY 1, 2, 3, 4;"
  "DROP INDEX transactions_by_partner_month;"
  TRANSACTIONS_INDEX_SQL ";",

  /* 2 -> 3: the size and fingerprint of each imported file, so that an
   * import of a file already imported is noticed.  Earlier imports have
   * neither. */
  "ALTER TABLE imports ADD COLUMN size INTEGER;"
  "ALTER TABLE imports ADD COLUMN fingerprint TEXT;",

  /* 3 -> 4: a partners file's segment and region win over those of the
   * sales rows, so the workspace remembers which values came from it.
   * Earlier values all came from sales rows. */
  "ALTER TABLE partners ADD COLUMN segment_from_file INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE partners ADD COLUMN region_from_file INTEGER NOT NULL DEFAULT 0;",

  /* 4 -> 5: per-partner quotas from a quotas file, each for the days
   * of one period label, and what-if scenarios with the runs kept as
   * they were computed (program XML, assumptions and result), so that a
   * comparison can be reproduced after the program changed. */
  "CREATE TABLE quotas ("
  "  partner_id INTEGER NOT NULL REFERENCES partners (id),"
  "  first_date INTEGER NOT NULL,"
  "  last_date INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  quota INTEGER NOT NULL,"
  "  PRIMARY KEY (partner_id, first_date, last_date)"
  ") WITHOUT ROWID;"
  "CREATE TABLE scenarios ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  program_id TEXT NOT NULL,"
  "  from_date INTEGER,"
  "  to_date INTEGER,"
  "  assumptions TEXT NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE TABLE scenario_runs ("
  "  id INTEGER PRIMARY KEY,"
  "  scenario_id TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,"
  "  time INTEGER NOT NULL,"
  "  program_version INTEGER,"
  "  program_xml TEXT NOT NULL,"
  "  assumptions TEXT NOT NULL,"
  "  from_date INTEGER NOT NULL,"
  "  to_date INTEGER NOT NULL,"
  "  sales INTEGER NOT NULL,"
  "  payout INTEGER NOT NULL,"
  "  non_cash INTEGER NOT NULL,"
  "  cost INTEGER NOT NULL,"
  "  result TEXT NOT NULL"
  ");"
  "CREATE INDEX scenario_runs_by_scenario ON scenario_runs (scenario_id, id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PALIER_STORE_SCHEMA_VERSION);

const char *
_palier_store_get_display_name (PalierStore *store)
{
  return store->path != NULL ? store->path : _("in-memory workspace");
}

/* Errors */

/* Sets @error from one of sqlite's SQLITE_READONLY result codes.  Only
 * some of them mean that the workspace cannot be written: a read-only
 * connection also meets them when it would have to roll back a journal
 * that an interrupted write left behind. */
static void
set_read_only_error (PalierStore  *store,
                     int           rc,
                     GError      **error)
{
  const char *name = _palier_store_get_display_name (store);

  switch (rc)
    {
    case SQLITE_READONLY_ROLLBACK:
    case SQLITE_READONLY_RECOVERY:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NEEDS_RECOVERY,
                   _("%s: an interrupted import left the workspace needing recovery, which needs write access to the file and its folder; open it once with write access to recover it"),
                   name);
      break;

    case SQLITE_READONLY_CANTINIT:
    case SQLITE_READONLY_CANTLOCK:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: cannot write the workspace’s shared-memory file (%s-shm); check the permissions of the folder, or save a copy elsewhere"),
                   name, name);
      break;

    case SQLITE_READONLY_DIRECTORY:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: the folder of the workspace is read-only, so no journal can be created there; check the permissions of the folder, or save a copy elsewhere"),
                   name);
      break;

    case SQLITE_READONLY_DBMOVED:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("%s: the workspace was moved or deleted while it was open; open it again"),
                   name);
      break;

    default:
      if (store->asked_read_only)
        g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                     _("%s: the workspace is open read-only; open it with write access to change it"),
                     name);
      else
        g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                     _("%s: the workspace is read-only; check the permissions of the file and its folder, or save a copy elsewhere"),
                     name);
      break;
    }
}

/* sqlite reads errno after rolling back, when another system call may
 * have replaced it, so a write that failed for lack of space can come
 * without its errno. */
static gboolean
is_write_error (int extended_rc)
{
  return extended_rc == SQLITE_IOERR_WRITE ||
         extended_rc == SQLITE_IOERR_FSYNC ||
         extended_rc == SQLITE_IOERR_DIR_FSYNC ||
         extended_rc == SQLITE_IOERR_TRUNCATE ||
         extended_rc == SQLITE_IOERR_SHMSIZE;
}

/* Sets @error for a failed read or write of the workspace or its
 * journal.  sqlite reports a full disk as an I/O error, so the system's
 * errno separates a full disk from other I/O failures. */
static void
set_io_error (PalierStore  *store,
              GError      **error)
{
  const char *name = _palier_store_get_display_name (store);
  int system_errno = store->db != NULL ? sqlite3_system_errno (store->db) : 0;

  switch (system_errno)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FULL,
                   _("%s: the disk is full; free some space and try again"),
                   name);
      break;

    case EFBIG:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FULL,
                   _("%s: the workspace cannot grow past the file size limit of this system or account; raise the limit or move the workspace, then try again"),
                   name);
      break;

    default:
      if (store->db != NULL && is_write_error (sqlite3_extended_errcode (store->db)))
        {
          g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FULL,
                       _("%s: cannot write the workspace: the disk may be full or the file too large; free some space and try again"),
                       name);
          break;
        }
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("%s: cannot read or write the workspace (%s); check the disk and try again"),
                   name, system_errno != 0 ? g_strerror (system_errno) : sqlite3_errmsg (store->db));
      break;
    }
}

/* Sets @error from sqlite's result code @rc, an extended one when the
 * connection has them, naming the workspace and saying what the user can
 * do about it. */
static void
set_sqlite_error (PalierStore  *store,
                  int           rc,
                  GError      **error)
{
  const char *name = _palier_store_get_display_name (store);
  /* sqlite quotes a damaged schema's bytes as they are, which may not be
   * UTF-8. */
  g_autofree char *detail = g_utf8_make_valid (store->db != NULL
                                               ? sqlite3_errmsg (store->db)
                                               : sqlite3_errstr (rc), -1);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_LOCKED,
                   _("%s: the workspace is in use by another program; close it there and try again"),
                   name);
      break;

    case SQLITE_READONLY:
      set_read_only_error (store, rc, error);
      break;

    case SQLITE_FULL:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FULL,
                   _("%s: the disk is full; free some space and try again"),
                   name);
      break;

    case SQLITE_IOERR:
      set_io_error (store, error);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT,
                   _("%s: the workspace is damaged (%s); restore it from a backup"),
                   name, detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE,
                   _("%s: not a Palier workspace; choose a .palier file"),
                   name);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("%s: cannot open the workspace (%s); check that its folder exists and is writable"),
                   name, detail);
      break;

    case SQLITE_INTERRUPT:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED,
                   _("%s: cancelled"), name);
      break;

    default:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("%s: workspace error: %s"), name, detail);
      break;
    }
}

static gboolean
exec_sql (PalierStore  *store,
          const char   *sql,
          GError      **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (PalierStore  *store,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return stmt;
}

/* Steps @stmt once.  Returns SQLITE_ROW or SQLITE_DONE, or -1 with
 * @error set and the statement reset. */
static int
step_once (PalierStore   *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      sqlite3_reset (stmt);
      return -1;
    }
  return rc;
}

/* Stores in @out_value the single integer that @sql yields (0 when it
 * yields no row).  Returns FALSE with @error set when the statement
 * fails.  Any value is possible, negative ones included: a damaged
 * header can hold a negative user_version. */
static gboolean
query_int (PalierStore  *store,
           const char   *sql,
           gint64       *out_value,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, sql, error);
  int rc;

  *out_value = 0;
  if (stmt == NULL)
    return FALSE;

  rc = step_once (store, stmt, error);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return rc >= 0;
}

/* Reports a format number (PRAGMA user_version) that no Palier writes. */
static void
set_damaged_header_error (PalierStore  *store,
                          gint64        user_version,
                          GError      **error)
{
  g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT,
               _("%s: the workspace header is damaged (format %lld); restore the file from a backup"),
               _palier_store_get_display_name (store), (long long) user_version);
}

/* Opening */

static void
store_free (PalierStore *store)
{
  if (store->db != NULL)
    sqlite3_close_v2 (store->db);
  g_free (store->path);
  g_free (store);
}

/* Reads the header fields that tell whose file this is, without writing
 * anything, so that a file this version cannot use is left untouched. */
static gboolean
read_identity (PalierStore  *store,
               gint64       *out_application_id,
               gint64       *out_user_version,
               gint64       *out_n_objects,
               GError      **error)
{
  return query_int (store, "PRAGMA application_id", out_application_id, error) &&
         query_int (store, "PRAGMA user_version", out_user_version, error) &&
         query_int (store, "SELECT count(*) FROM sqlite_schema", out_n_objects, error);
}

/* Sets @out_found to whether the file has the tables that every Palier
 * workspace format has, whatever its header contains. */
static gboolean
has_workspace_tables (PalierStore  *store,
                      gboolean     *out_found,
                      GError      **error)
{
  gint64 n_tables;

  if (!query_int (store,
                  "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                  " AND name IN ('meta', 'imports', 'partners', 'transactions')",
                  &n_tables, error))
    return FALSE;

  *out_found = n_tables == 4;
  return TRUE;
}

/* Decides whether the file can be used as a Palier workspace.  Sets
 * @out_is_new when it is empty and may be initialised. */
static gboolean
check_identity (PalierStore       *store,
                PalierStoreFlags   flags,
                gboolean           existed_empty,
                gboolean          *out_is_new,
                gint64            *out_user_version,
                GError           **error)
{
  const char *name = _palier_store_get_display_name (store);
  gint64 application_id, user_version, n_objects;

  if (!read_identity (store, &application_id, &user_version, &n_objects, error))
    return FALSE;
  *out_user_version = user_version;

  *out_is_new = application_id == 0 && user_version == 0 && n_objects == 0;

  if (*out_is_new)
    {
      if ((flags & PALIER_STORE_CREATE) != 0 && (flags & PALIER_STORE_READ_ONLY) == 0)
        return TRUE;

      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE,
                   existed_empty
                   ? _("%s: the file is empty, not a Palier workspace; choose a .palier file or create a new workspace")
                   : _("%s: not a Palier workspace; choose a .palier file"),
                   name);
      return FALSE;
    }

  /* Only the migration from format 0 creates tables, and it stamps the
   * format in the same transaction, so tables under format 0 mean that
   * the header lost its format number.  Migrating would fail on the
   * first table that already exists. */
  if (user_version == 0 && n_objects > 0)
    {
      gboolean has_tables = application_id == PALIER_APPLICATION_ID;

      if (!has_tables && !has_workspace_tables (store, &has_tables, error))
        return FALSE;
      if (has_tables)
        {
          set_damaged_header_error (store, user_version, error);
          return FALSE;
        }
    }

  if (application_id != PALIER_APPLICATION_ID)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE,
                   _("%s: a SQLite database of another program, not a Palier workspace; choose a .palier file"),
                   name);
      return FALSE;
    }

  if (user_version < 0)
    {
      set_damaged_header_error (store, user_version, error);
      return FALSE;
    }

  if (user_version > PALIER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NEWER_VERSION,
                   _("%s: written by a newer version of Palier (workspace format %d, this version reads up to %d); update Palier to open it"),
                   name, (int) user_version, PALIER_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (user_version < OLDEST_READ_ONLY_VERSION && store->read_only)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: the workspace uses an older format that must be upgraded; open it once with write access"),
                   name);
      return FALSE;
    }

  return TRUE;
}

/* Sets the connection's options.  The page size only takes effect on a
 * new file, before its first write. */
static gboolean
configure (PalierStore  *store,
           gboolean      is_new,
           GError      **error)
{
  g_autofree char *cache_sql = g_strdup_printf ("PRAGMA cache_size = -%d", CACHE_SIZE_KIB);

  if (is_new && !exec_sql (store, "PRAGMA page_size = " G_STRINGIFY (PAGE_SIZE), error))
    return FALSE;

  if (!store->read_only && store->path != NULL &&
      !exec_sql (store, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  return exec_sql (store, "PRAGMA synchronous = NORMAL", error) &&
         exec_sql (store, "PRAGMA foreign_keys = ON", error) &&
         exec_sql (store, cache_sql, error);
}

/* Brings the schema to PALIER_STORE_SCHEMA_VERSION in one transaction. */
static gboolean
migrate (PalierStore  *store,
         GError      **error)
{
  g_autofree char *stamp_sql = NULL;
  gint64 version;

  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process may have migrated the file in the meantime. */
  if (!query_int (store, "PRAGMA user_version", &version, error))
    goto failed;
  if (version < 0 || version > PALIER_STORE_SCHEMA_VERSION)
    {
      set_damaged_header_error (store, version, error);
      goto failed;
    }

  for (; version < PALIER_STORE_SCHEMA_VERSION; version++)
    {
      g_debug ("Migrating %s from workspace format %d",
               _palier_store_get_display_name (store), (int) version);
      if (!exec_sql (store, migrations[version], error))
        goto failed;
    }

  stamp_sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                               PALIER_APPLICATION_ID, PALIER_STORE_SCHEMA_VERSION);
  if (!exec_sql (store, stamp_sql, error) ||
      !exec_sql (store, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Opens @filename once.  With @immutable, the file is opened read-only
 * through sqlite's "immutable" URI parameter, which takes no lock and
 * needs no shared-memory file beside it. */
static PalierStore *
store_open_once (const char        *path,
                 const char        *filename,
                 PalierStoreFlags   flags,
                 gboolean           existed_empty,
                 gboolean           immutable,
                 GError           **error)
{
  PalierStore *store = g_new0 (PalierStore, 1);
  g_autofree char *uri = NULL;
  gboolean is_new = FALSE;
  gint64 user_version = 0;
  int open_flags;
  int rc;

  store->path = g_strdup (path);
  store->use_month_totals = TRUE;
  store->flush_entries = MONTH_TOTALS_FLUSH_ENTRIES;
  store->read_only = (flags & PALIER_STORE_READ_ONLY) != 0;
  store->asked_read_only = store->read_only;

  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri == NULL)
        {
          set_sqlite_error (store, SQLITE_CANTOPEN, error);
          store_free (store);
          return NULL;
        }
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      filename = uri;
      store->read_only = TRUE;
      open_flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
  else if (store->read_only)
    open_flags = SQLITE_OPEN_READONLY;
  else if ((flags & PALIER_STORE_CREATE) != 0)
    open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  else
    open_flags = SQLITE_OPEN_READWRITE;

  rc = sqlite3_open_v2 (filename, &store->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, rc, error);
      store_free (store);
      return NULL;
    }

  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);

  /* sqlite opens a file the user may not write read-only, silently. */
  if (sqlite3_db_readonly (store->db, "main") == 1)
    store->read_only = TRUE;

  if (!check_identity (store, flags, existed_empty, &is_new, &user_version, error) ||
      !configure (store, is_new, error) ||
      (user_version < PALIER_STORE_SCHEMA_VERSION && !store->read_only && !migrate (store, error)))
    {
      store_free (store);
      return NULL;
    }

  store->user_version = store->read_only ? user_version : PALIER_STORE_SCHEMA_VERSION;
  return store;
}

/* Returns whether this process may write @path and create and delete
 * files beside it, as rolling back a journal does. */
static gboolean
can_write_file_and_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
}

/* Rolls back the journal that an interrupted write left beside @path, or
 * replays its WAL, with a read-write connection that sqlite lets do so
 * on its first read.  A killed bulk import also left the file with a
 * rollback journal, so this puts it back into WAL mode.  When another
 * connection prevents that, the next read-write open does it. */
static gboolean
recover (const char  *path,
         GError     **error)
{
  PalierStore *store = g_new0 (PalierStore, 1);
  gint64 n_objects;
  gboolean ok;
  int rc;

  store->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, rc, error);
      store_free (store);
      return FALSE;
    }

  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);

  ok = query_int (store, "SELECT count(*) FROM sqlite_schema", &n_objects, error);
  if (ok)
    {
      g_info ("%s: rolled back an interrupted write", path);
      sqlite3_exec (store->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }

  store_free (store);
  return ok;
}

/* Returns whether a file named @path plus @suffix exists and is not
 * empty. */
static gboolean
has_nonempty_companion (const char *path,
                        const char *suffix)
{
  g_autofree char *companion = g_strconcat (path, suffix, NULL);
  GStatBuf buf;

  return g_stat (companion, &buf) == 0 && buf.st_size > 0;
}

/* Returns whether no process of this user can write @path or create
 * files beside it. */
static gboolean
is_locked_read_only (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) != 0 && g_access (folder, W_OK) != 0;
}

/* Returns whether a WAL or rollback journal beside @path contains a
 * write that a reader without sqlite's shared-memory file would miss. */
static gboolean
has_pending_journal (const char *path)
{
  return has_nonempty_companion (path, "-wal") ||
         has_nonempty_companion (path, "-journal");
}

/* Opens the workspace.  A read-only connection cannot roll back what an
 * interrupted import left behind (sqlite's SQLITE_READONLY_ROLLBACK and
 * SQLITE_READONLY_RECOVERY), so when the file and its folder are
 * writable, a read-write connection does it first and the open is tried
 * again.  When neither is writable, sqlite cannot create the WAL's
 * shared-memory file either, so the file is opened immutable. */
static PalierStore *
store_open_db (const char        *path,
               const char        *filename,
               PalierStoreFlags   flags,
               gboolean           existed_empty,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  PalierStore *store;

  store = store_open_once (path, filename, flags, existed_empty, FALSE, &local_error);
  if (store != NULL)
    return store;

  /* NOTE: another account, root included, may still write the file; an
   * immutable reader would then see a mix of old and new pages. */
  if (path != NULL && is_locked_read_only (path) && !has_pending_journal (path) &&
      g_error_matches (local_error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY))
    {
      g_clear_error (&local_error);
      return store_open_once (path, filename, flags, existed_empty, TRUE, error);
    }

  /* sqlite fails with SQLITE_CANTOPEN or a read-only code here. */
  if (path != NULL && is_locked_read_only (path) && has_pending_journal (path) &&
      (g_error_matches (local_error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY) ||
       g_error_matches (local_error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED)))
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: the workspace’s journal contains changes not yet copied into the file, which cannot be read in a read-only folder; copy the workspace and the files beside it whose names start with its name to a writable folder, and open the copy"),
                   path);
      return NULL;
    }

  if (path == NULL ||
      !g_error_matches (local_error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NEEDS_RECOVERY) ||
      !can_write_file_and_folder (path))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!recover (path, error))
    return NULL;

  return store_open_once (path, filename, flags, existed_empty, FALSE, error);
}

/**
 * palier_store_open:
 *
 * Opens the workspace at @path, creating it when @flags has
 * PALIER_STORE_CREATE and the file is missing or empty, and migrating an
 * older schema forward.  A file written by a newer Palier, a file that is
 * not a Palier workspace or a file that cannot be upgraded because it is
 * opened read-only is rejected before anything is written to it.
 */
PalierStore *
palier_store_open (const char        *path,
                   PalierStoreFlags   flags,
                   GError           **error)
{
  GStatBuf buf;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exists = g_stat (path, &buf) == 0;
  if (!exists && ((flags & PALIER_STORE_CREATE) == 0 || (flags & PALIER_STORE_READ_ONLY) != 0))
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no such workspace; check the path or create a new workspace"),
                   path);
      return NULL;
    }

  if (exists && S_ISDIR (buf.st_mode))
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE,
                   _("%s: a folder, not a Palier workspace; choose a .palier file"),
                   path);
      return NULL;
    }

  return store_open_db (path, path, flags, exists && buf.st_size == 0, error);
}

PalierStore *
palier_store_new_memory (GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open_db (NULL, ":memory:", PALIER_STORE_CREATE, FALSE, error);
}

void
palier_store_close (PalierStore *store)
{
  if (store == NULL)
    return;

  g_return_if_fail (!store->importing);

  store_free (store);
}

const char *
palier_store_get_path (PalierStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);

  return store->path;
}

struct sqlite3 *
palier_store_get_db (PalierStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);

  return store->db;
}

/* Import
 *
 * Rows are inserted with reused prepared statements inside one
 * BEGIN IMMEDIATE transaction.  Partners and dictionary values are looked
 * up in hash tables loaded at the start, so each row costs one INSERT
 * unless it brings a new partner or value.
 *
 * A partner's segment and region come from its sales rows: the row with
 * the latest date that carries a value wins, and among rows of the same
 * date the last one read wins (also across imports).  An empty cell
 * never clears a value, and a value set by a partners file is never
 * replaced by a sales row.
 */

typedef enum {
  DICTIONARY_PRODUCT,
  DICTIONARY_CATEGORY,
  DICTIONARY_REGION,
  N_DICTIONARIES,
} Dictionary;

static const char *const dictionary_tables[N_DICTIONARIES] = {
  "products", "categories", "regions",
};

typedef struct {
  gint64      id;
  char       *segment;
  char       *region;
  PalierDate  segment_date;
  PalierDate  region_date;
  gboolean    segment_from_file;
  gboolean    region_from_file;
  gboolean    changed;
} PartnerEntry;

/* The size of a file and the hex SHA-256 that identifies its content;
 * a size of -1 when the file has no fingerprint. */
typedef struct {
  gint64  size;
  char    hex[65];
} Fingerprint;

struct _PalierStoreImport
{
  PalierStore   *store;
  GCancellable  *cancellable;
  gint64         import_id;
  guint64        n_rows;
  PalierDate     first_date;
  PalierDate     last_date;
  PalierDecimal  amount;
  gboolean       bulk;

  GHashTable    *partners;                      /* code -> PartnerEntry */
  GHashTable    *dictionaries[N_DICTIONARIES];  /* name -> id */

  sqlite3_stmt  *insert_transaction;
  sqlite3_stmt  *insert_partner;
  sqlite3_stmt  *insert_value[N_DICTIONARIES];

  PalierMonthAggregate *month_totals;
  sqlite3_stmt         *add_month_total;
};

static void
partner_entry_free (gpointer data)
{
  PartnerEntry *entry = data;

  g_free (entry->segment);
  g_free (entry->region);
  g_free (entry);
}

static void
store_import_free (PalierStoreImport *import)
{
  g_clear_pointer (&import->insert_transaction, sqlite3_finalize);
  g_clear_pointer (&import->insert_partner, sqlite3_finalize);
  g_clear_pointer (&import->add_month_total, sqlite3_finalize);
  g_clear_pointer (&import->month_totals, _palier_month_aggregate_free);
  for (guint i = 0; i < N_DICTIONARIES; i++)
    {
      g_clear_pointer (&import->insert_value[i], sqlite3_finalize);
      g_clear_pointer (&import->dictionaries[i], g_hash_table_unref);
    }
  g_clear_pointer (&import->partners, g_hash_table_unref);
  g_clear_object (&import->cancellable);
  import->store->importing = FALSE;
  g_free (import);
}

static gboolean
load_partners (PalierStoreImport  *import,
               GError            **error)
{
  PalierStore *store = import->store;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "SELECT id, code, segment, region, segment_date, region_date,"
                  " segment_from_file, region_from_file FROM partners",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PartnerEntry *entry = g_new0 (PartnerEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->segment = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->region = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->segment_date = sqlite3_column_int (stmt, 4);
      entry->region_date = sqlite3_column_int (stmt, 5);
      entry->segment_from_file = sqlite3_column_int (stmt, 6) != 0;
      entry->region_from_file = sqlite3_column_int (stmt, 7) != 0;
      g_hash_table_insert (import->partners,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                           entry);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_dictionary (PalierStoreImport  *import,
                 Dictionary          dictionary,
                 GError            **error)
{
  PalierStore *store = import->store;
  g_autofree char *select_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  import->dictionaries[dictionary] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  select_sql = g_strdup_printf ("SELECT id, name FROM %s", dictionary_tables[dictionary]);
  stmt = prepare (store, select_sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (import->dictionaries[dictionary],
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return FALSE;
    }

  insert_sql = g_strdup_printf ("INSERT INTO %s (name) VALUES (?)", dictionary_tables[dictionary]);
  import->insert_value[dictionary] = prepare (store, insert_sql, error);
  return import->insert_value[dictionary] != NULL;
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           column,
                   gboolean      present,
                   gint64        value)
{
  if (present)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

/* Fingerprints
 *
 * A file's fingerprint is its size and the SHA-256 of its size and its
 * first and last FINGERPRINT_SAMPLE_BYTES bytes (all of it when smaller
 * than twice that), so that it costs the same at any size. */

/* Hashes @length bytes of @stream from @offset. */
static gboolean
hash_range (FILE       *stream,
            gint64      offset,
            gint64      length,
            GChecksum  *checksum)
{
  g_autofree guchar *buffer = g_malloc (64 * 1024);

  if (fseeko (stream, (off_t) offset, SEEK_SET) != 0)
    return FALSE;

  while (length > 0)
    {
      size_t wanted = (size_t) MIN (length, 64 * 1024);
      size_t n_read = fread (buffer, 1, wanted, stream);

      if (n_read == 0)
        return FALSE;
      g_checksum_update (checksum, buffer, n_read);
      length -= (gint64) n_read;
    }
  return TRUE;
}

/* Computes the fingerprint of the file at @path.  Anything but a
 * regular file gets none, with a size of -1, because reading a pipe
 * would take its data from the import. */
static gboolean
compute_fingerprint (const char   *path,
                     Fingerprint  *out,
                     GError      **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *size_text = NULL;
  struct stat buf;
  gint64 head, tail_offset;
  gboolean ok;
  FILE *stream;

  out->size = -1;
  out->hex[0] = '\0';

  stream = g_fopen (path, "rb");
  if (stream == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot read the file: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fileno (stream), &buf) != 0 || !S_ISREG (buf.st_mode))
    {
      fclose (stream);
      return TRUE;
    }

  out->size = (gint64) buf.st_size;
  head = MIN (out->size, FINGERPRINT_SAMPLE_BYTES);
  tail_offset = MAX (head, out->size - FINGERPRINT_SAMPLE_BYTES);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  size_text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", out->size);
  g_checksum_update (checksum, (const guchar *) size_text, -1);
  ok = hash_range (stream, 0, head, checksum) &&
       hash_range (stream, tail_offset, out->size - tail_offset, checksum);
  fclose (stream);

  if (!ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                   _("%s: cannot read the file, which may have changed while it was read; try again"),
                   path);
      return FALSE;
    }

  g_strlcpy (out->hex, g_checksum_get_string (checksum), sizeof out->hex);
  return TRUE;
}

/* Decides whether an import expected to bring @expected_rows rows (0
 * when unknown) is a bulk import: one into an empty workspace, or one
 * that brings at least a quarter as many rows as the workspace holds.
 *
 * A bulk import drops the transactions index, appends the rows and builds
 * the index once at the end, by sorting: several times faster than
 * inserting each row into it.  A small import into a large workspace
 * keeps the index, because rebuilding it would cost as much as all the
 * rows already there. */
static gboolean
is_bulk_import (PalierStore  *store,
                guint64       expected_rows,
                gboolean     *out_bulk,
                GError      **error)
{
  gint64 n_existing;

  if (!query_int (store, "SELECT coalesce (sum (rows), 0) FROM imports", &n_existing, error))
    return FALSE;

  *out_bulk = n_existing == 0 || expected_rows >= (guint64) n_existing / 4;
  return TRUE;
}

/* Records the import, with an id above every id given before, also
 * those of removed imports. */
static gboolean
insert_import_record (PalierStoreImport        *import,
                      const char               *source,
                      const Fingerprint  *fingerprint,
                      GError                  **error)
{
  PalierStore *store = import->store;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "INSERT INTO imports (id, file, time, size, fingerprint) VALUES"
                  " (max (coalesce ((SELECT max (id) FROM imports), 0),"
                  "       coalesce ((SELECT CAST (value AS INTEGER) FROM meta"
                  "                  WHERE key = '" MAX_REMOVED_IMPORT_ID_KEY "'), 0)) + 1,"
                  "  ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  bind_optional_int (stmt, 3, fingerprint != NULL, fingerprint != NULL ? fingerprint->size : 0);
  if (fingerprint != NULL)
    sqlite3_bind_text (stmt, 4, fingerprint->hex, -1, SQLITE_TRANSIENT);
  rc = step_once (store, stmt, error);
  sqlite3_finalize (stmt);
  if (rc < 0)
    return FALSE;

  import->import_id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

/* Sets the connection's options for an import, or back to normal.  None
 * of these pragmas has an effect inside a transaction, hence before BEGIN
 * and after COMMIT.
 *
 * Every row an import refers to is created by the import itself in the
 * same transaction, so the per-row foreign key lookups are skipped.  The
 * sorter that builds the index may use one helper thread.
 *
 * A bulk import into a file switches from WAL to a rollback journal:
 * appended pages need no journal, whereas WAL would write every page
 * twice, once to the log and once more when it is checkpointed.  This
 * took a 10 million row import from 24 s to 16 s.  The switch needs every
 * other connection to the file closed; when one is open, the import stays
 * in WAL, only slower.  Meanwhile other readers wait for the import, and
 * synchronous is FULL, as a rollback journal needs to be safe against a
 * power loss. */
static gboolean
set_import_options (PalierStore  *store,
                    gboolean      importing,
                    gboolean      bulk,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  gboolean switched;

  sql = g_strdup_printf ("PRAGMA foreign_keys = %s; PRAGMA cache_size = -%d; PRAGMA threads = %d",
                         importing ? "OFF" : "ON",
                         importing ? IMPORT_CACHE_SIZE_KIB : CACHE_SIZE_KIB,
                         importing ? 1 : 0);
  if (!exec_sql (store, sql, error))
    return FALSE;

  if (!bulk || store->path == NULL)
    return TRUE;

  /* A mode that cannot be changed is reported as a row, not an error.
   * Leaving WAL needs the only connection to the file; when another one
   * is open (the window reads while it imports), sqlite answers BUSY and
   * the import stays in WAL, which is slower but just as safe.  The
   * busy timeout is off meanwhile, so that this costs no wait. */
  sqlite3_busy_timeout (store->db, 0);
  switched = exec_sql (store,
                       importing
                       ? "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL"
                       : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
                       &local_error);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);
  if (!switched)
    {
      if (!g_error_matches (local_error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s: another connection is open, importing in WAL mode",
               _palier_store_get_display_name (store));
    }
  return TRUE;
}

/* Earlier imports */

/* Runs @sql with @id bound to ?1. */
static gboolean
exec_with_id (PalierStore  *store,
              const char   *sql,
              gint64        id,
              GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = step_once (store, stmt, error);
  sqlite3_finalize (stmt);
  return rc >= 0;
}

static gboolean
check_import_exists (PalierStore  *store,
                     gint64        import_id,
                     GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT 1 FROM imports WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, import_id);
  rc = step_once (store, stmt, error);
  sqlite3_finalize (stmt);
  if (rc < 0)
    return FALSE;

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no import %lld in this workspace; list the imports to see their ids"),
                   _palier_store_get_display_name (store), (long long) import_id);
      return FALSE;
    }
  return TRUE;
}

/* Removes import @import_id inside the current transaction: subtracts
 * its rows from the month totals, whose sums stay exact because they are
 * integers, drops the keys left without lines, and deletes its
 * transactions and its record.  The transactions have no index by
 * import, so this scans them twice: removing an import of 1 million
 * rows from a workspace of 1,001,000 took 2.4 s with palier-cli. */
static gboolean
remove_import_rows (PalierStore  *store,
                    gint64        import_id,
                    GError      **error)
{
  g_debug ("%s: removing import %" G_GINT64_FORMAT,
           _palier_store_get_display_name (store), import_id);

  return exec_with_id (store,
                       "UPDATE month_totals AS m SET amount = m.amount - t.amount,"
                       " margin = m.margin - t.margin, quantity = m.quantity - t.quantity,"
                       " lines = m.lines - t.lines"
                       " FROM (SELECT partner_id, date / 100 AS month,"
                       "        coalesce (category_id, 0) AS category_id,"
                       "        coalesce (region_id, 0) AS region_id, sum (amount) AS amount,"
                       "        coalesce (sum (margin), 0) AS margin,"
                       "        coalesce (sum (quantity), 0) AS quantity, count (*) AS lines"
                       "       FROM transactions WHERE import_id = ?1 GROUP BY 1, 2, 3, 4) AS t"
                       " WHERE m.partner_id = t.partner_id AND m.month = t.month"
                       " AND m.category_id = t.category_id AND m.region_id = t.region_id",
                       import_id, error) &&
         exec_sql (store, "DELETE FROM month_totals WHERE lines = 0", error) &&
         exec_with_id (store, "DELETE FROM transactions WHERE import_id = ?1", import_id, error) &&
         exec_with_id (store, "DELETE FROM imports WHERE id = ?1", import_id, error) &&
         exec_with_id (store,
                       "INSERT INTO meta (key, value) VALUES ('" MAX_REMOVED_IMPORT_ID_KEY "', ?1)"
                       " ON CONFLICT (key) DO UPDATE"
                       " SET value = max (CAST (value AS INTEGER), CAST (excluded.value AS INTEGER))",
                       import_id, error);
}

static gboolean
id_in (GArray *ids,
       gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
set_duplicate_error (const char   *source,
                     const char   *earlier_file,
                     gint64        time,
                     gint64        n_rows,
                     GError      **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *count = palier_format_number (palier_decimal_from_int (n_rows), 0);
  g_autofree char *rows = NULL;
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *earlier_name = g_path_get_basename (earlier_file);

  /* Only a damaged record has a time outside GDateTime's years. */
  if (when == NULL)
    when = g_date_time_new_from_unix_utc (0);
  day = g_date_time_format (when, "%Y-%m-%d");
  clock = g_date_time_format (when, "%H:%M");
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", (gulong) n_rows), count);

  if (g_strcmp0 (name, earlier_name) == 0)
    /* TRANSLATORS: "sales.csv was already imported on 2026-12-04 at
     * 21:10 (9,994 rows)". */
    g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE,
                 _("%s was already imported on %s at %s (%s)"),
                 source, day, clock, rows);
  else
    /* TRANSLATORS: "copy.csv was already imported as sales.csv on
     * 2026-12-04 at 21:10 (9,994 rows)". */
    g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE,
                 _("%s was already imported as %s on %s at %s (%s)"),
                 source, earlier_name, day, clock, rows);
}

/* Applies the store's duplicate policy to the earlier imports of a file
 * with @fingerprint, other than those in @remove_ids: rejects the import,
 * or adds them to @remove_ids to replace them. */
static gboolean
check_duplicates (PalierStore        *store,
                  const char         *source,
                  const Fingerprint  *fingerprint,
                  GArray             *remove_ids,
                  GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  if (fingerprint == NULL || store->duplicate_policy == PALIER_STORE_DUPLICATE_ALLOW)
    return TRUE;

  stmt = prepare (store,
                  "SELECT id, file, time, rows FROM imports"
                  " WHERE size = ? AND fingerprint = ? ORDER BY id",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fingerprint->size);
  sqlite3_bind_text (stmt, 2, fingerprint->hex, -1, SQLITE_STATIC);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id_in (remove_ids, id))
        continue;

      if (store->duplicate_policy == PALIER_STORE_DUPLICATE_REPLACE)
        {
          g_array_append_val (remove_ids, id);
          continue;
        }

      set_duplicate_error (source, (const char *) sqlite3_column_text (stmt, 1),
                           sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                           error);
      ok = FALSE;
    }

  if (ok && rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Finds the imports that a new one removes, in its transaction:
 * @replace_id unless it is 0, and those that the duplicate policy
 * replaces. */
static gboolean
find_imports_to_remove (PalierStore        *store,
                        const char         *source,
                        const Fingerprint  *fingerprint,
                        gint64              replace_id,
                        GArray             *remove_ids,
                        GError            **error)
{
  if (replace_id != 0)
    {
      if (!check_import_exists (store, replace_id, error))
        return FALSE;
      g_array_append_val (remove_ids, replace_id);
    }

  return check_duplicates (store, source, fingerprint, remove_ids, error);
}

static gboolean
remove_imports (PalierStore  *store,
                GArray       *remove_ids,
                GError      **error)
{
  for (guint i = 0; i < remove_ids->len; i++)
    if (!remove_import_rows (store, g_array_index (remove_ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Starts an import in a new transaction.  @fingerprint identifies the
 * imported file, NULL when it has none; @replace_id is an import to
 * remove in the same transaction, or 0; @expected_rows is a guess of the
 * number of rows, 0 when unknown. */
static PalierStoreImport *
store_import_begin (PalierStore        *store,
                    const char         *source,
                    const Fingerprint  *fingerprint,
                    gint64              replace_id,
                    guint64             expected_rows,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GArray) remove_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PalierStoreImport *import;
  gboolean bulk = FALSE;

  if (store->read_only)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: the workspace is open read-only; open it with write access to import sales"),
                   _palier_store_get_display_name (store));
      return NULL;
    }

  if (!is_bulk_import (store, expected_rows, &bulk, error))
    return NULL;

  if (!set_import_options (store, TRUE, bulk, error) ||
      !exec_sql (store, "BEGIN IMMEDIATE", error))
    {
      set_import_options (store, FALSE, bulk, NULL);
      return NULL;
    }

  import = g_new0 (PalierStoreImport, 1);
  import->store = store;
  import->bulk = bulk;
  store->importing = TRUE;
  if (cancellable != NULL)
    import->cancellable = g_object_ref (cancellable);
  import->partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, partner_entry_free);

  /* The new record comes first, so that its id is above those of the
   * imports it removes. */
  if (!find_imports_to_remove (store, source, fingerprint, replace_id, remove_ids, error) ||
      !insert_import_record (import, source, fingerprint, error) ||
      (bulk && !exec_sql (store, "DROP INDEX transactions_by_date", error)) ||
      !remove_imports (store, remove_ids, error) ||
      !load_partners (import, error))
    goto failed;

  for (guint i = 0; i < N_DICTIONARIES; i++)
    if (!load_dictionary (import, i, error))
      goto failed;

  import->insert_partner = prepare (store, "INSERT INTO partners (code) VALUES (?)", error);
  if (import->insert_partner == NULL)
    goto failed;

  import->insert_transaction =
    prepare (store,
             "INSERT INTO transactions (date, partner_id, amount, margin, quantity,"
             " product_id, category_id, region_id, deal, import_id)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             error);
  if (import->insert_transaction == NULL)
    goto failed;

  sqlite3_bind_int64 (import->insert_transaction, 10, import->import_id);

  import->month_totals = _palier_month_aggregate_new ();
  import->add_month_total =
    prepare (store,
             "INSERT INTO month_totals (partner_id, month, category_id, region_id,"
             " amount, margin, quantity, lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
             " ON CONFLICT DO UPDATE SET amount = amount + excluded.amount,"
             " margin = margin + excluded.margin, quantity = quantity + excluded.quantity,"
             " lines = lines + excluded.lines",
             error);
  if (import->add_month_total == NULL)
    goto failed;

  return import;

failed:
  palier_store_import_abort (import);
  return NULL;
}

/**
 * palier_store_import_begin:
 *
 * Starts an import: takes the write lock (waiting a few seconds for
 * another process), loads the partner and dictionary caches and prepares
 * the statements.  The store accepts no other import until this one is
 * committed or aborted.  @cancellable is checked every few thousand
 * rows.
 */
PalierStoreImport *
palier_store_import_begin (PalierStore   *store,
                           const char    *source,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (!store->importing, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_import_begin (store, source, NULL, 0, 0, cancellable, error);
}

static PartnerEntry *
lookup_partner (PalierStoreImport  *import,
                const char         *code,
                GError            **error)
{
  PartnerEntry *entry = g_hash_table_lookup (import->partners, code);
  sqlite3_stmt *stmt = import->insert_partner;

  if (entry != NULL)
    return entry;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (step_once (import->store, stmt, error) < 0)
    return NULL;
  sqlite3_reset (stmt);

  entry = g_new0 (PartnerEntry, 1);
  entry->id = sqlite3_last_insert_rowid (import->store->db);
  g_hash_table_insert (import->partners, g_strdup (code), entry);
  return entry;
}

/* Returns the id of @value in @dictionary, adding it when new; 0 when
 * @value is NULL, -1 on error. */
static gint64
lookup_value (PalierStoreImport  *import,
              Dictionary          dictionary,
              const char         *value,
              GError            **error)
{
  GHashTable *table = import->dictionaries[dictionary];
  sqlite3_stmt *stmt = import->insert_value[dictionary];
  gpointer id;
  gint64 new_id;

  if (value == NULL)
    return 0;

  if (g_hash_table_lookup_extended (table, value, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (step_once (import->store, stmt, error) < 0)
    return -1;
  sqlite3_reset (stmt);

  new_id = sqlite3_last_insert_rowid (import->store->db);
  g_hash_table_insert (table, g_strdup (value), GSIZE_TO_POINTER ((gsize) new_id));
  return new_id;
}

/* Keeps @value as the partner's attribute when @date is not older than
 * the date of the row that set the current one, unless a partners file
 * set it (@from_file). */
static void
update_attribute (PartnerEntry  *entry,
                  char         **attribute,
                  PalierDate    *attribute_date,
                  gboolean       from_file,
                  const char    *value,
                  PalierDate     date)
{
  if (value == NULL || from_file || date < *attribute_date)
    return;

  *attribute_date = date;
  if (g_strcmp0 (*attribute, value) != 0)
    {
      g_free (*attribute);
      *attribute = g_strdup (value);
    }
  entry->changed = TRUE;
}

/* Adds the month totals summed in memory to the month_totals table, in
 * key order so that the table's b-tree is appended to in order. */
static gboolean
flush_month_totals (PalierStoreImport  *import,
                    GError            **error)
{
  sqlite3_stmt *stmt = import->add_month_total;
  const PalierMonthAggregateEntry *entries;
  guint n_entries;

  entries = _palier_month_aggregate_sort (import->month_totals, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      sqlite3_bind_int64 (stmt, 1, entries[i].partner_id);
      sqlite3_bind_int (stmt, 2, entries[i].month);
      sqlite3_bind_int64 (stmt, 3, entries[i].category_id);
      sqlite3_bind_int64 (stmt, 4, entries[i].region_id);
      sqlite3_bind_int64 (stmt, 5, entries[i].amount);
      sqlite3_bind_int64 (stmt, 6, entries[i].margin);
      sqlite3_bind_int64 (stmt, 7, entries[i].quantity);
      sqlite3_bind_int64 (stmt, 8, entries[i].lines);
      if (step_once (import->store, stmt, error) < 0)
        return FALSE;
      sqlite3_reset (stmt);
    }

  _palier_month_aggregate_clear (import->month_totals);
  return TRUE;
}

static gboolean
add_to_month_totals (PalierStoreImport    *import,
                     const PalierSaleRow  *row,
                     gint64                partner_id,
                     const gint64         *ids,
                     GError              **error)
{
  if (!_palier_month_aggregate_add (import->month_totals, partner_id, row->date / 100,
                                    ids[DICTIONARY_CATEGORY], ids[DICTIONARY_REGION],
                                    row->amount,
                                    row->has_margin ? row->margin : 0,
                                    row->has_quantity ? row->quantity : 0))
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("line %llu: the month total of partner “%s” is too large"),
                   (unsigned long long) row->line, row->partner);
      return FALSE;
    }

  if (_palier_month_aggregate_get_size (import->month_totals) >= import->store->flush_entries)
    return flush_month_totals (import, error);
  return TRUE;
}

static gboolean
set_cancelled_error (PalierStoreImport  *import,
                     GError            **error)
{
  g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED,
               _("%s: import cancelled; the workspace is unchanged"),
               _palier_store_get_display_name (import->store));
  return FALSE;
}

static gboolean
check_cancelled (PalierStoreImport  *import,
                 GError            **error)
{
  if (import->n_rows % IMPORT_CANCEL_CHECK_ROWS != 0 ||
      !g_cancellable_is_cancelled (import->cancellable))
    return TRUE;

  return set_cancelled_error (import, error);
}

/**
 * palier_store_import_add_row:
 *
 * Writes one sales row.  This is a PalierSaleSink whose @user_data is
 * the PalierStoreImport.  A row without a partner or a date is rejected
 * with an error, and the caller then aborts the import.
 */
gboolean
palier_store_import_add_row (const PalierSaleRow  *row,
                             gpointer              user_data,
                             GError              **error)
{
  PalierStoreImport *import = user_data;
  sqlite3_stmt *stmt;
  PartnerEntry *partner;
  gint64 ids[N_DICTIONARIES];

  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (!check_cancelled (import, error))
    return FALSE;

  if (row->partner == NULL || row->date == PALIER_DATE_NONE)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("line %llu: a sales row needs a date and a partner"),
                   (unsigned long long) row->line);
      return FALSE;
    }

  partner = lookup_partner (import, row->partner, error);
  if (partner == NULL)
    return FALSE;
  update_attribute (partner, &partner->segment, &partner->segment_date,
                    partner->segment_from_file, row->segment, row->date);
  update_attribute (partner, &partner->region, &partner->region_date,
                    partner->region_from_file, row->region, row->date);

  ids[DICTIONARY_PRODUCT] = lookup_value (import, DICTIONARY_PRODUCT, row->product, error);
  if (ids[DICTIONARY_PRODUCT] < 0)
    return FALSE;
  ids[DICTIONARY_CATEGORY] = lookup_value (import, DICTIONARY_CATEGORY, row->category, error);
  if (ids[DICTIONARY_CATEGORY] < 0)
    return FALSE;
  ids[DICTIONARY_REGION] = lookup_value (import, DICTIONARY_REGION, row->region, error);
  if (ids[DICTIONARY_REGION] < 0)
    return FALSE;

  stmt = import->insert_transaction;
  sqlite3_bind_int (stmt, 1, row->date);
  sqlite3_bind_int64 (stmt, 2, partner->id);
  sqlite3_bind_int64 (stmt, 3, row->amount);
  bind_optional_int (stmt, 4, row->has_margin, row->margin);
  bind_optional_int (stmt, 5, row->has_quantity, row->quantity);
  bind_optional_int (stmt, 6, row->product != NULL, ids[DICTIONARY_PRODUCT]);
  bind_optional_int (stmt, 7, row->category != NULL, ids[DICTIONARY_CATEGORY]);
  bind_optional_int (stmt, 8, row->region != NULL, ids[DICTIONARY_REGION]);
  if (row->deal != NULL)
    sqlite3_bind_text (stmt, 9, row->deal, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 9);

  if (step_once (import->store, stmt, error) < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (!add_to_month_totals (import, row, partner->id, ids, error))
    return FALSE;

  if (!palier_decimal_add (import->amount, row->amount, &import->amount))
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("line %llu: the total amount of the import is too large"),
                   (unsigned long long) row->line);
      return FALSE;
    }
  if (import->first_date == PALIER_DATE_NONE || row->date < import->first_date)
    import->first_date = row->date;
  if (row->date > import->last_date)
    import->last_date = row->date;
  import->n_rows++;

  return TRUE;
}

static gboolean
write_partner_attributes (PalierStoreImport  *import,
                          GError            **error)
{
  PalierStore *store = import->store;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  stmt = prepare (store,
                  "UPDATE partners SET segment = ?, segment_date = ?, region = ?, region_date = ?"
                  " WHERE id = ?",
                  error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, import->partners);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PartnerEntry *entry = value;

      if (!entry->changed)
        continue;

      sqlite3_bind_text (stmt, 1, entry->segment, -1, SQLITE_STATIC);
      bind_optional_int (stmt, 2, entry->segment != NULL, entry->segment_date);
      sqlite3_bind_text (stmt, 3, entry->region, -1, SQLITE_STATIC);
      bind_optional_int (stmt, 4, entry->region != NULL, entry->region_date);
      sqlite3_bind_int64 (stmt, 5, entry->id);
      if (step_once (store, stmt, error) < 0)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
write_import_totals (PalierStoreImport  *import,
                     GError            **error)
{
  PalierStore *store = import->store;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "UPDATE imports SET rows = ?, first_date = ?, last_date = ?, amount = ?"
                  " WHERE id = ?",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, (gint64) import->n_rows);
  bind_optional_int (stmt, 2, import->n_rows > 0, import->first_date);
  bind_optional_int (stmt, 3, import->n_rows > 0, import->last_date);
  sqlite3_bind_int64 (stmt, 4, import->amount);
  sqlite3_bind_int64 (stmt, 5, import->import_id);
  rc = step_once (store, stmt, error);
  sqlite3_finalize (stmt);

  return rc >= 0;
}

gboolean
palier_store_import_commit (PalierStoreImport  *import,
                            guint64            *out_n_rows,
                            GError            **error)
{
  PalierStore *store;
  gboolean bulk;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = import->store;
  bulk = import->bulk;

  if (g_cancellable_is_cancelled (import->cancellable))
    {
      set_cancelled_error (import, error);
      palier_store_import_abort (import);
      return FALSE;
    }

  if (!write_partner_attributes (import, error) ||
      !write_import_totals (import, error) ||
      !flush_month_totals (import, error) ||
      (bulk && !exec_sql (store, TRANSACTIONS_INDEX_SQL, error)))
    {
      palier_store_import_abort (import);
      return FALSE;
    }

  /* The statements must be finalized before COMMIT can release the
   * tables they read. */
  if (out_n_rows != NULL)
    *out_n_rows = import->n_rows;
  store_import_free (import);

  if (!exec_sql (store, "COMMIT", error))
    {
      exec_sql (store, "ROLLBACK", NULL);
      set_import_options (store, FALSE, bulk, NULL);
      return FALSE;
    }

  set_import_options (store, FALSE, bulk, NULL);
  return TRUE;
}

void
palier_store_import_abort (PalierStoreImport *import)
{
  PalierStore *store;
  gboolean bulk;

  g_return_if_fail (import != NULL);

  store = import->store;
  bulk = import->bulk;
  store_import_free (import);
  exec_sql (store, "ROLLBACK", NULL);
  set_import_options (store, FALSE, bulk, NULL);
}

/* Imports @plan, removing @replace_id (unless 0) in the same
 * transaction. */
static gboolean
import_plan (PalierStore         *store,
             PalierImportPlan    *plan,
             gint64               replace_id,
             PalierProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             PalierImportReport  *report,
             GError             **error)
{
  const char *path = palier_import_plan_get_path (plan);
  guint64 expected_rows = 0;
  Fingerprint fingerprint;
  PalierStoreImport *import;

  if (!compute_fingerprint (path, &fingerprint, error))
    return FALSE;
  if (fingerprint.size > 0)
    expected_rows = (guint64) fingerprint.size / MIN_BYTES_PER_ROW;

  import = store_import_begin (store, path, fingerprint.size >= 0 ? &fingerprint : NULL,
                               replace_id, expected_rows, cancellable, error);
  if (import == NULL)
    return FALSE;

  if (!palier_import_plan_run (plan, palier_store_import_add_row, import,
                               progress, progress_data, cancellable, report, error))
    {
      palier_store_import_abort (import);
      return FALSE;
    }

  return palier_store_import_commit (import, NULL, error);
}

gboolean
palier_store_import_sales (PalierStore         *store,
                           PalierImportPlan    *plan,
                           PalierProgressFunc   progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           PalierImportReport  *report,
                           GError             **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (!store->importing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_plan (store, plan, 0, progress, progress_data, cancellable, report, error);
}

gboolean
palier_store_replace_import (PalierStore         *store,
                             gint64               import_id,
                             PalierImportPlan    *plan,
                             PalierProgressFunc   progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             PalierImportReport  *report,
                             GError             **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (import_id > 0, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (!store->importing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_plan (store, plan, import_id, progress, progress_data, cancellable, report, error);
}

void
palier_store_set_duplicate_policy (PalierStore                *store,
                                   PalierStoreDuplicatePolicy  policy)
{
  g_return_if_fail (store != NULL);
  g_return_if_fail (policy <= PALIER_STORE_DUPLICATE_REPLACE);

  store->duplicate_policy = policy;
}

/* Summary and partners */

/* Sets @error for a workspace whose rows break a rule that Palier keeps
 * when it writes them, so the file was damaged outside Palier.  @detail
 * names the broken rule. */
static void
set_damaged_error (PalierStore  *store,
                   const char   *detail,
                   GError      **error)
{
  g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT,
               _("%s: the workspace is damaged (%s); restore it from a backup"),
               _palier_store_get_display_name (store), detail);
}

gboolean
palier_store_get_summary (PalierStore         *store,
                          PalierStoreSummary  *summary,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 n_partners;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Every transaction comes from an import, whose totals were recorded,
   * so the summary never scans the transactions. */
  stmt = prepare (store,
                  "SELECT coalesce (sum (rows), 0), count (*), min (first_date),"
                  " max (last_date), coalesce (sum (amount), 0) FROM imports",
                  error);
  if (stmt == NULL)
    return FALSE;

  rc = step_once (store, stmt, error);
  if (rc == SQLITE_ROW)
    {
      summary->n_transactions = (guint64) sqlite3_column_int64 (stmt, 0);
      summary->n_imports = (guint) sqlite3_column_int64 (stmt, 1);
      summary->first_date = sqlite3_column_int (stmt, 2);
      summary->last_date = sqlite3_column_int (stmt, 3);
      summary->total_amount = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_finalize (stmt);
  if (rc < 0)
    return FALSE;

  /* An import records both dates or neither, and the first is never
   * after the last. */
  if ((summary->first_date == PALIER_DATE_NONE) != (summary->last_date == PALIER_DATE_NONE) ||
      summary->first_date > summary->last_date)
    {
      set_damaged_error (store, _("an import has a first date without a last date or after it"),
                         error);
      return FALSE;
    }

  if (!query_int (store, "SELECT count (*) FROM partners", &n_partners, error))
    return FALSE;
  summary->n_partners = (guint) n_partners;

  return TRUE;
}

void
palier_partner_free (PalierPartner *partner)
{
  if (partner == NULL)
    return;

  g_free (partner->code);
  g_free (partner->name);
  g_free (partner->segment);
  g_free (partner->region);
  g_free (partner);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
is_utf8_or_null (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

/* Checks that @partner, row @index, has the dense id the engine indexes
 * partners by and UTF-8 texts.  Sets @error when it does not. */
static gboolean
check_partner (PalierStore          *store,
               const PalierPartner  *partner,
               guint                 index,
               GError              **error)
{
  if (partner->id != (gint64) index + 1)
    {
      g_autofree char *detail = g_strdup_printf (_("partner id %lld where %u was expected"),
                                                 (long long) partner->id, index + 1);

      set_damaged_error (store, detail, error);
      return FALSE;
    }

  if (partner->code == NULL ||
      !is_utf8_or_null (partner->code) || !is_utf8_or_null (partner->name) ||
      !is_utf8_or_null (partner->segment) || !is_utf8_or_null (partner->region))
    {
      g_autofree char *detail = g_strdup_printf (_("partner %lld has no code or a text that is not UTF-8"),
                                                 (long long) partner->id);

      set_damaged_error (store, detail, error);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
palier_store_list_partners (PalierStore  *store,
                            GError      **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store,
                  "SELECT id, code, name, segment, region, start FROM partners ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;

  partners = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_partner_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalierPartner *partner = g_new0 (PalierPartner, 1);

      partner->id = sqlite3_column_int64 (stmt, 0);
      partner->code = column_strdup (stmt, 1);
      /* Sales files carry no partner name, so the code is used as one. */
      partner->name = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                      ? g_strdup (partner->code)
                      : column_strdup (stmt, 2);
      partner->segment = column_strdup (stmt, 3);
      partner->region = column_strdup (stmt, 4);
      partner->start = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (partners, partner);
      if (!check_partner (store, partner, partners->len - 1, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&partners);
}

/* Programs */

static gboolean
rollback_with_error (PalierStore *store)
{
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Partners file */

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
palier_store_import_partners (PalierStore  *store,
                              GPtrArray    *partners,
                              GError      **error)
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (partners != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  insert = prepare (store, "INSERT OR IGNORE INTO partners (code) VALUES (?)", error);
  if (insert == NULL)
    return rollback_with_error (store);
  update = prepare (store,
                    "UPDATE partners SET"
                    " name = coalesce (?1, name),"
                    " segment = coalesce (?2, segment),"
                    " segment_from_file = (?2 IS NOT NULL OR segment_from_file),"
                    " region = coalesce (?3, region),"
                    " region_from_file = (?3 IS NOT NULL OR region_from_file),"
                    " start = coalesce (?4, start)"
                    " WHERE code = ?5",
                    error);
  if (update == NULL)
    {
      sqlite3_finalize (insert);
      return rollback_with_error (store);
    }

  for (guint i = 0; i < partners->len; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (partners, i);

      sqlite3_bind_text (insert, 1, partner->code, -1, SQLITE_STATIC);
      bind_optional_text (update, 1, partner->name);
      bind_optional_text (update, 2, partner->segment);
      bind_optional_text (update, 3, partner->region);
      bind_optional_int (update, 4, partner->start != PALIER_DATE_NONE, partner->start);
      sqlite3_bind_text (update, 5, partner->code, -1, SQLITE_STATIC);
      if (step_once (store, insert, error) < 0 || step_once (store, update, error) < 0)
        {
          sqlite3_finalize (insert);
          sqlite3_finalize (update);
          return rollback_with_error (store);
        }
      sqlite3_reset (insert);
      sqlite3_reset (update);
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (update);

  if (!exec_sql (store, "COMMIT", error))
    return rollback_with_error (store);
  return TRUE;
}

gboolean
palier_store_save_program (PalierStore          *store,
                           const PalierProgram  *program,
                           const char           *summary,
                           GError              **error)
{
  g_autofree char *xml = NULL;
  sqlite3_stmt *upsert = NULL;
  sqlite3_stmt *version = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize len;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (program != NULL && program->id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  xml = palier_program_to_xml (program, &len);

  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  upsert = prepare (store,
                    "INSERT INTO programs (id, name, xml, updated) VALUES (?1, ?2, ?3, ?4)"
                    " ON CONFLICT (id) DO UPDATE SET name = ?2, xml = ?3, updated = ?4",
                    error);
  version = prepare (store,
                     "INSERT INTO program_versions (program_id, time, summary, xml)"
                     " VALUES (?, ?, ?, ?)",
                     error);
  if (upsert == NULL || version == NULL)
    goto failed;

  sqlite3_bind_text (upsert, 1, program->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 2, program->name != NULL ? program->name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 3, xml, (int) len, SQLITE_STATIC);
  sqlite3_bind_int64 (upsert, 4, now);
  rc = step_once (store, upsert, error);
  if (rc < 0)
    goto failed;

  sqlite3_bind_text (version, 1, program->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (version, 2, now);
  sqlite3_bind_text (version, 3, summary != NULL ? summary : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (version, 4, xml, (int) len, SQLITE_STATIC);
  rc = step_once (store, version, error);
  if (rc < 0)
    goto failed;

  g_clear_pointer (&upsert, sqlite3_finalize);
  g_clear_pointer (&version, sqlite3_finalize);
  if (!exec_sql (store, "COMMIT", error))
    return rollback_with_error (store);
  return TRUE;

failed:
  g_clear_pointer (&upsert, sqlite3_finalize);
  g_clear_pointer (&version, sqlite3_finalize);
  return rollback_with_error (store);
}

/* Reads the program XML in the first column of the row @stmt yields. */
static PalierProgram *
read_program_row (PalierStore   *store,
                  sqlite3_stmt  *stmt,
                  const char    *what,
                  GError       **error)
{
  g_autofree char *display_name = NULL;
  const char *xml;
  int rc;

  rc = step_once (store, stmt, error);
  if (rc < 0)
    return NULL;

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no %s in this workspace"),
                   _palier_store_get_display_name (store), what);
      return NULL;
    }

  xml = (const char *) sqlite3_column_text (stmt, 0);
  display_name = g_strdup_printf ("%s (%s)", _palier_store_get_display_name (store), what);
  return palier_program_read_data (xml, (gsize) sqlite3_column_bytes (stmt, 0),
                                   display_name, error);
}

PalierProgram *
palier_store_load_program (PalierStore  *store,
                           const char   *id,
                           GError      **error)
{
  g_autofree char *quoted_id = NULL;
  g_autofree char *what = NULL;
  PalierProgram *program;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store, "SELECT xml FROM programs WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  /* The id is quoted in messages, which must be UTF-8. */
  quoted_id = g_utf8_make_valid (id, -1);
  what = g_strdup_printf (_("program “%s”"), quoted_id);
  program = read_program_row (store, stmt, what, error);
  sqlite3_finalize (stmt);

  return program;
}

GPtrArray *
palier_store_list_programs (PalierStore  *store,
                            GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store, "SELECT id FROM programs WHERE id IS NOT NULL ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  ids = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *id = column_strdup (stmt, 0);

      /* Palier writes only ids that are valid XML names.  A damaged
       * index can hand back other bytes, or no id at all although the
       * query excludes NULL. */
      if (id == NULL)
        {
          sqlite3_finalize (stmt);
          set_damaged_error (store, _("a program has no id"), error);
          return NULL;
        }
      if (!is_utf8_or_null (id))
        {
          sqlite3_finalize (stmt);
          g_free (id);
          set_damaged_error (store, _("a program id is not UTF-8"), error);
          return NULL;
        }
      g_ptr_array_add (ids, id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * palier_store_delete_program:
 *
 * Deletes program @id and its saved versions.
 */
gboolean
palier_store_delete_program (PalierStore  *store,
                             const char   *id,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare (store, "DELETE FROM programs WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = step_once (store, stmt, error);
  sqlite3_finalize (stmt);
  if (rc < 0)
    return FALSE;

  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no program “%s” in this workspace"),
                   _palier_store_get_display_name (store), id);
      return FALSE;
    }
  return TRUE;
}

void
palier_program_version_free (PalierProgramVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->summary);
  g_free (version);
}

GPtrArray *
palier_store_list_program_versions (PalierStore  *store,
                                    const char   *id,
                                    GError      **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store,
                  "SELECT id, time, summary FROM program_versions WHERE program_id = ? ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_program_version_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalierProgramVersion *version = g_new0 (PalierProgramVersion, 1);

      version->id = sqlite3_column_int64 (stmt, 0);
      version->time = sqlite3_column_int64 (stmt, 1);
      version->summary = column_strdup (stmt, 2);
      g_ptr_array_add (versions, version);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

PalierProgram *
palier_store_load_program_version (PalierStore  *store,
                                   gint64        version_id,
                                   GError      **error)
{
  g_autofree char *what = NULL;
  PalierProgram *program;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store, "SELECT xml FROM program_versions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, version_id);
  what = g_strdup_printf (_("program version %lld"), (long long) version_id);
  program = read_program_row (store, stmt, what, error);
  sqlite3_finalize (stmt);

  return program;
}

/* Import history */

void
palier_store_import_info_free (PalierStoreImportInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->file);
  g_free (info->fingerprint);
  g_free (info);
}

GPtrArray *
palier_store_list_imports (PalierStore  *store,
                           GError      **error)
{
  g_autoptr(GPtrArray) imports = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A format 2 file opened read-only has no size or fingerprint yet. */
  stmt = prepare (store,
                  store->user_version >= 3
                  ? "SELECT id, file, time, rows, first_date, last_date, amount, size, fingerprint"
                    " FROM imports ORDER BY id"
                  : "SELECT id, file, time, rows, first_date, last_date, amount, NULL, NULL"
                    " FROM imports ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;

  imports = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_store_import_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalierStoreImportInfo *info = g_new0 (PalierStoreImportInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->file = column_strdup (stmt, 1);
      info->time = sqlite3_column_int64 (stmt, 2);
      info->n_rows = (guint64) sqlite3_column_int64 (stmt, 3);
      info->first_date = sqlite3_column_int (stmt, 4);         /* NULL reads as PALIER_DATE_NONE */
      info->last_date = sqlite3_column_int (stmt, 5);
      info->amount = sqlite3_column_int64 (stmt, 6);
      info->size = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
      info->fingerprint = column_strdup (stmt, 8);
      g_ptr_array_add (imports, info);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&imports);
}

gboolean
palier_store_remove_import (PalierStore  *store,
                            gint64        import_id,
                            GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (!store->importing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (store->read_only)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: the workspace is open read-only; open it with write access to remove an import"),
                   _palier_store_get_display_name (store));
      return FALSE;
    }

  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!check_import_exists (store, import_id, error) ||
      !remove_import_rows (store, import_id, error) ||
      !exec_sql (store, "COMMIT", error))
    return rollback_with_error (store);

  return TRUE;
}

/* Month totals
 *
 * The filter becomes a WHERE clause with one bound parameter per value,
 * so that no value is ever spliced into SQL.  Category, product and region
 * match the transaction's own value; segment matches the partner's
 * segment.  The whole months come from month_totals in its primary key
 * order, without sorting.  A query on the transactions groups with a
 * temporary b-tree, whose size is bounded by partners times months.
 */

typedef struct {
  GString    *sql;
  guint       n_conditions;
  GPtrArray  *texts;            /* const char *, bound in order */
  GArray     *dates;            /* PalierDate, bound after the texts */
} FilterSql;

static const char *const filter_lookup_sql[PALIER_N_FILTER_FIELDS] = {
  [PALIER_FILTER_CATEGORY] = "category_id IN (SELECT id FROM categories WHERE name IN (",
  [PALIER_FILTER_PRODUCT] = "product_id IN (SELECT id FROM products WHERE name IN (",
  [PALIER_FILTER_REGION] = "region_id IN (SELECT id FROM regions WHERE name IN (",
  [PALIER_FILTER_SEGMENT] = "partner_id IN (SELECT id FROM partners WHERE segment IN (",
};

static void
add_condition (FilterSql  *query,
               const char *condition)
{
  g_string_append (query->sql, query->n_conditions == 0 ? " WHERE " : " AND ");
  g_string_append (query->sql, condition);
  query->n_conditions++;
}

static void
add_value_condition (FilterSql         *query,
                     PalierFilterField  field,
                     GPtrArray         *values)
{
  add_condition (query, filter_lookup_sql[field]);
  for (guint i = 0; i < values->len; i++)
    {
      g_string_append (query->sql, i == 0 ? "?" : ", ?");
      g_ptr_array_add (query->texts, g_ptr_array_index (values, i));
    }
  g_string_append (query->sql, "))");
}

/* Intersects the requested range with the filter's own dates. */
static void
effective_bounds (const PalierFilter *filter,
                  PalierDate          from,
                  PalierDate          to,
                  PalierDate         *out_first,
                  PalierDate         *out_last)
{
  *out_first = from;
  *out_last = to;
  if (filter == NULL)
    return;

  if (filter->start != PALIER_DATE_NONE && (from == PALIER_DATE_NONE || filter->start > from))
    *out_first = filter->start;
  if (filter->end != PALIER_DATE_NONE && (to == PALIER_DATE_NONE || filter->end < to))
    *out_last = filter->end;
}

/* Appends the WHERE clause of @filter and the range to @query. */
static void
append_filter (FilterSql          *query,
               const PalierFilter *filter,
               PalierDate          from,
               PalierDate          to)
{
  PalierDate first, last;

  for (int field = 0; filter != NULL && field < PALIER_N_FILTER_FIELDS; field++)
    if (filter->values[field] != NULL && filter->values[field]->len > 0)
      add_value_condition (query, field, filter->values[field]);

  effective_bounds (filter, from, to, &first, &last);
  if (first != PALIER_DATE_NONE)
    {
      add_condition (query, "date >= ?");
      g_array_append_val (query->dates, first);
    }
  if (last != PALIER_DATE_NONE)
    {
      add_condition (query, "date <= ?");
      g_array_append_val (query->dates, last);
    }
}

/* Prepares @head, the filter's WHERE clause and @tail, with the filter's
 * values bound.  They stay owned by @filter, which must outlive the
 * statement.  @head may end with a WHERE clause of its own, in which
 * case @head_has_where is TRUE and the filter's conditions follow with
 * AND. */
static sqlite3_stmt *
prepare_filtered_where (PalierStore         *store,
                        const char          *head,
                        gboolean             head_has_where,
                        const PalierFilter  *filter,
                        PalierDate           from,
                        PalierDate           to,
                        const char          *tail,
                        GError             **error)
{
  FilterSql query;
  sqlite3_stmt *stmt;
  int param = 1;

  query.sql = g_string_new (head);
  query.n_conditions = head_has_where ? 1 : 0;
  query.texts = g_ptr_array_new ();
  query.dates = g_array_new (FALSE, FALSE, sizeof (PalierDate));
  append_filter (&query, filter, from, to);
  g_string_append (query.sql, tail);

  stmt = prepare (store, query.sql->str, error);
  if (stmt != NULL)
    {
      for (guint i = 0; i < query.texts->len; i++)
        sqlite3_bind_text (stmt, param++, g_ptr_array_index (query.texts, i), -1, SQLITE_STATIC);
      for (guint i = 0; i < query.dates->len; i++)
        sqlite3_bind_int (stmt, param++, g_array_index (query.dates, PalierDate, i));
    }

  g_string_free (query.sql, TRUE);
  g_ptr_array_unref (query.texts);
  g_array_unref (query.dates);
  return stmt;
}

static sqlite3_stmt *
prepare_filtered (PalierStore         *store,
                  const char          *head,
                  const PalierFilter  *filter,
                  PalierDate           from,
                  PalierDate           to,
                  const char          *tail,
                  GError             **error)
{
  return prepare_filtered_where (store, head, FALSE, filter, from, to, tail, error);
}

static int
cancel_progress_handler (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

typedef gboolean (*RowFunc) (sqlite3_stmt  *stmt,
                             gpointer       func,
                             gpointer       user_data,
                             GError       **error);

/* Steps @stmt to the end, handing each row to @row_func, and finalizes
 * it.  @cancellable interrupts sqlite even inside a long step. */
static gboolean
run_rows (PalierStore    *store,
          sqlite3_stmt   *stmt,
          GCancellable   *cancellable,
          RowFunc         row_func,
          gpointer        func,
          gpointer        user_data,
          GError        **error)
{
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  if (cancellable != NULL)
    sqlite3_progress_handler (store->db, QUERY_CANCEL_CHECK_STEPS,
                              cancel_progress_handler, cancellable);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = row_func (stmt, func, user_data, error);

  if (ok && rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      ok = FALSE;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (store->db, 0, NULL, NULL);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
month_total_row (sqlite3_stmt  *stmt,
                 gpointer       func,
                 gpointer       user_data,
                 GError       **error)
{
  PalierMonthTotal total;
  gint64 year_month = sqlite3_column_int64 (stmt, 1);

  total.partner_id = sqlite3_column_int64 (stmt, 0);
  total.month = (gint32) ((year_month / 100) * 12 + year_month % 100 - 1);
  total.revenue = sqlite3_column_int64 (stmt, 2);
  total.margin = sqlite3_column_int64 (stmt, 3);        /* NULL reads as 0 */
  total.units = sqlite3_column_int64 (stmt, 4);
  total.n_lines = sqlite3_column_int64 (stmt, 5);

  return ((PalierMonthTotalFunc) func) (&total, user_data, error);
}

/* Month totals from the transactions, between @from and @to. */
static gboolean
foreach_month_total_in_transactions (PalierStore           *store,
                                     const PalierFilter    *filter,
                                     PalierDate             from,
                                     PalierDate             to,
                                     GCancellable          *cancellable,
                                     PalierMonthTotalFunc   func,
                                     gpointer               user_data,
                                     GError               **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare_filtered (store,
                           "SELECT partner_id, date / 100, sum (amount), sum (margin),"
                           " sum (quantity), count (*) FROM transactions",
                           filter, from, to,
                           " GROUP BY partner_id, date / 100 ORDER BY partner_id, date / 100",
                           error);
  if (stmt == NULL)
    return FALSE;

  return run_rows (store, stmt, cancellable, month_total_row, (gpointer) func, user_data, error);
}

typedef struct {
  PalierStore           *store;
  PalierMonthTotalFunc   func;
  gpointer               user_data;
} WholeMonthRows;

/* Passes on one row of month_totals.  Palier deletes a row when its last
 * line is removed, so a row without lines means a damaged file whose sums
 * cannot be trusted, and it is rejected rather than skipped. */
static gboolean
whole_month_total_row (sqlite3_stmt  *stmt,
                       gpointer       func,
                       gpointer       user_data,
                       GError       **error)
{
  WholeMonthRows *rows = user_data;
  gint64 n_lines = sqlite3_column_int64 (stmt, 5);

  if (n_lines < 1)
    {
      g_autofree char *detail = g_strdup_printf (_("month totals of partner %lld with %lld lines"),
                                                 (long long) sqlite3_column_int64 (stmt, 0),
                                                 (long long) n_lines);

      set_damaged_error (rows->store, detail, error);
      return FALSE;
    }

  return month_total_row (stmt, (gpointer) rows->func, rows->user_data, error);
}

/* Month totals of whole months (yyyymm) from the month_totals table;
 * @filter has no product values and its dates are already applied. */
static gboolean
foreach_whole_month_total (PalierStore           *store,
                           const PalierFilter    *filter,
                           int                    first_month,
                           int                    last_month,
                           GCancellable          *cancellable,
                           PalierMonthTotalFunc   func,
                           gpointer               user_data,
                           GError               **error)
{
  g_autofree char *head = NULL;
  PalierFilter values_only = { 0 };
  WholeMonthRows rows = { store, func, user_data };
  sqlite3_stmt *stmt;

  if (filter != NULL)
    for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
      values_only.values[field] = filter->values[field];

  head = g_strdup_printf ("SELECT partner_id, month, sum (amount), sum (margin),"
                          " sum (quantity), sum (lines) FROM month_totals"
                          " WHERE month >= %d AND month <= %d",
                          first_month, last_month);
  stmt = prepare_filtered_where (store, head, TRUE, &values_only, PALIER_DATE_NONE, PALIER_DATE_NONE,
                                 " GROUP BY partner_id, month ORDER BY partner_id, month",
                                 error);
  if (stmt == NULL)
    return FALSE;

  return run_rows (store, stmt, cancellable, whole_month_total_row, NULL, &rows, error);
}

static gboolean
append_total (const PalierMonthTotal  *total,
              gpointer                 user_data,
              GError                 **error)
{
  g_array_append_val ((GArray *) user_data, *total);
  return TRUE;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const PalierMonthTotal *ta = a;
  const PalierMonthTotal *tb = b;

  if (ta->partner_id != tb->partner_id)
    return ta->partner_id < tb->partner_id ? -1 : 1;
  return ta->month < tb->month ? -1 : (ta->month > tb->month ? 1 : 0);
}

/* Hands the whole-month totals to the caller with the partial-month
 * totals merged in, by partner and month. */
typedef struct {
  GArray               *partial;        /* PalierMonthTotal, sorted */
  guint                 next;
  PalierMonthTotalFunc  func;
  gpointer              user_data;
} MergeTotals;

static gboolean
emit_partial_before (MergeTotals             *merge,
                     const PalierMonthTotal  *total,
                     GError                 **error)
{
  while (merge->next < merge->partial->len)
    {
      const PalierMonthTotal *partial = &g_array_index (merge->partial, PalierMonthTotal, merge->next);

      if (total != NULL && compare_totals (partial, total) >= 0)
        break;
      merge->next++;
      if (!merge->func (partial, merge->user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_total (const PalierMonthTotal  *total,
             gpointer                 user_data,
             GError                 **error)
{
  MergeTotals *merge = user_data;

  return emit_partial_before (merge, total, error) &&
         merge->func (total, merge->user_data, error);
}

static PalierDate
month_last_day (PalierDate date)
{
  int year = palier_date_year (date);
  int month = palier_date_month (date);

  return palier_date_from_ymd (year, month, palier_days_in_month (year, month));
}

/* yyyymm of the month after or before the one of @date. */
static int
next_month (PalierDate date)
{
  int month = date / 100;

  return month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1;
}

static int
previous_month (PalierDate date)
{
  int month = date / 100;

  return month % 100 == 1 ? (month / 100 - 1) * 100 + 12 : month - 1;
}

static gboolean
filter_has_products (const PalierFilter *filter)
{
  return filter != NULL && filter->values[PALIER_FILTER_PRODUCT] != NULL &&
         filter->values[PALIER_FILTER_PRODUCT]->len > 0;
}

/* Reads whole months from the month_totals table and the days of the
 * first and last months that the bounds cut from the transactions, so
 * that a range or filter dates inside a month stay exact.  Product
 * filters read the transactions, because the table has no product. */
gboolean
_palier_store_foreach_month_total (PalierStore           *store,
                                   const PalierFilter    *filter,
                                   PalierDate             from,
                                   PalierDate             to,
                                   GCancellable          *cancellable,
                                   PalierMonthTotalFunc   func,
                                   gpointer               user_data,
                                   GError               **error)
{
  g_autoptr(GArray) partial = NULL;
  PalierDate first, last;
  int first_month = 0;
  int last_month = G_MAXINT;
  MergeTotals merge;

  if (!store->use_month_totals || filter_has_products (filter))
    return foreach_month_total_in_transactions (store, filter, from, to, cancellable,
                                                func, user_data, error);

  effective_bounds (filter, from, to, &first, &last);
  if (first != PALIER_DATE_NONE && last != PALIER_DATE_NONE && first > last)
    return TRUE;

  partial = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  if (first != PALIER_DATE_NONE)
    first_month = palier_date_day (first) == 1 ? first / 100 : next_month (first);
  if (last != PALIER_DATE_NONE)
    last_month = last == month_last_day (last) ? last / 100 : previous_month (last);

  /* The cut days at the start, up to the end of that month or @last. */
  if (first != PALIER_DATE_NONE && palier_date_day (first) != 1 &&
      !foreach_month_total_in_transactions (store, filter, first,
                                    last != PALIER_DATE_NONE ? MIN (last, month_last_day (first))
                                                             : month_last_day (first),
                                    cancellable, append_total, partial, error))
    return FALSE;

  /* The cut days at the end, unless the start already covered them. */
  if (last != PALIER_DATE_NONE && last != month_last_day (last) &&
      (first == PALIER_DATE_NONE || palier_date_day (first) == 1 || first / 100 != last / 100) &&
      !foreach_month_total_in_transactions (store, filter,
                                    first != PALIER_DATE_NONE ? MAX (first, last / 100 * 100 + 1)
                                                              : last / 100 * 100 + 1,
                                    last, cancellable, append_total, partial, error))
    return FALSE;

  g_array_sort (partial, compare_totals);
  merge.partial = partial;
  merge.next = 0;
  merge.func = func;
  merge.user_data = user_data;

  if (first_month <= last_month &&
      !foreach_whole_month_total (store, filter, first_month, last_month, cancellable,
                                  merge_total, &merge, error))
    return FALSE;

  return emit_partial_before (&merge, NULL, error);
}

void
_palier_store_use_month_totals (PalierStore *store,
                                gboolean     use)
{
  store->use_month_totals = use;
}

void
_palier_store_set_flush_entries (PalierStore *store,
                                 guint        n_entries)
{
  store->flush_entries = MAX (n_entries, 1);
}

static gboolean
deal_total_row (sqlite3_stmt  *stmt,
                gpointer       func,
                gpointer       user_data,
                GError       **error)
{
  PalierDealTotal total;

  total.partner_id = sqlite3_column_int64 (stmt, 0);
  total.date = sqlite3_column_int (stmt, 1);
  total.revenue = sqlite3_column_int64 (stmt, 2);
  total.margin = sqlite3_column_int64 (stmt, 3);
  total.units = sqlite3_column_int64 (stmt, 4);

  return ((PalierDealTotalFunc) func) (&total, user_data, error);
}

/* A row without a deal id is a deal of its own: grouping by the row id
 * keeps it apart, because sqlite never groups an integer with a text.
 * NOTE: the grouping sorts every line of the range in a temporary
 * b-tree.  That took about 16 s for 10 million bench rows, and
 * month_totals cannot help because it has no deal. */
gboolean
_palier_store_foreach_deal_total (PalierStore          *store,
                                  const PalierFilter   *filter,
                                  PalierDate            from,
                                  PalierDate            to,
                                  GCancellable         *cancellable,
                                  PalierDealTotalFunc   func,
                                  gpointer              user_data,
                                  GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare_filtered (store,
                           "SELECT partner_id, min (date), sum (amount), sum (margin),"
                           " sum (quantity) FROM transactions",
                           filter, from, to,
                           " GROUP BY partner_id, coalesce (deal, id) ORDER BY partner_id, 2",
                           error);
  if (stmt == NULL)
    return FALSE;

  return run_rows (store, stmt, cancellable, deal_total_row, (gpointer) func, user_data, error);
}

gboolean
palier_store_foreach_month_total (PalierStore           *store,
                                  const PalierFilter    *filter,
                                  PalierDate             from,
                                  PalierDate             to,
                                  PalierMonthTotalFunc   func,
                                  gpointer               user_data,
                                  GError               **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _palier_store_foreach_month_total (store, filter, from, to, NULL,
                                            func, user_data, error);
}
