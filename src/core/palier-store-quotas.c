/* palier-store-quotas.c: per-partner quotas in the workspace
 *
 * The quotas table (schema version 5) holds one row per partner and
 * period, with the period's first and last day as yyyymmdd integers, its
 * label as the quotas file wrote it, and the quota in millionths.  The
 * simulation matches rows to program periods by date, so the label is
 * only kept for people.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <sqlite3.h>

#include <glib/gi18n-lib.h>

#include "palier-quotas-import.h"
#include "palier-store-private.h"

/* Sets @error from sqlite's result code @rc for an access to the
 * quotas of @store. */
static gboolean
set_quotas_error (PalierStore  *store,
                  int           rc,
                  GError      **error)
{
  const char *name = _palier_store_get_display_name (store);
  g_autofree char *detail = g_utf8_make_valid (sqlite3_errmsg (palier_store_get_db (store)), -1);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_LOCKED,
                   _("%s: the workspace is in use by another program; close it there and try again"),
                   name);
      break;

    case SQLITE_READONLY:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY,
                   _("%s: the workspace is read-only; check the permissions of the file and its folder, or save a copy elsewhere"),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FULL,
                   _("%s: the disk is full; free some space and try again"),
                   name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT,
                   _("%s: the workspace is damaged (%s); restore it from a backup"),
                   name, detail);
      break;

    default:
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("%s: workspace error: %s"), name, detail);
      break;
    }
  return FALSE;
}

static gboolean
exec_sql (PalierStore  *store,
          const char   *sql,
          GError      **error)
{
  int rc = sqlite3_exec (palier_store_get_db (store), sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || set_quotas_error (store, rc, error);
}

static gboolean
rollback (PalierStore *store)
{
  sqlite3_exec (palier_store_get_db (store), "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Runs @stmt to its end and resets it. */
static gboolean
step_done (PalierStore   *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || set_quotas_error (store, rc, error);
}

enum {
  STMT_ADD_PARTNER,
  STMT_REMOVE_OVERLAPS,
  STMT_INSERT,
  N_STMTS,
};

static const char *const import_sql[N_STMTS] = {
  [STMT_ADD_PARTNER] = "INSERT OR IGNORE INTO partners (code) VALUES (?1)",
  [STMT_REMOVE_OVERLAPS] = "DELETE FROM quotas"
                           " WHERE partner_id = (SELECT id FROM partners WHERE code = ?1)"
                           " AND first_date <= ?3 AND last_date >= ?2",
  [STMT_INSERT] = "INSERT INTO quotas (partner_id, first_date, last_date, label, quota)"
                  " SELECT id, ?2, ?3, ?4, ?5 FROM partners WHERE code = ?1",
};

static gboolean
import_one (PalierStore        *store,
            sqlite3_stmt      **stmts,
            const PalierQuota  *quota,
            GError            **error)
{
  for (guint s = 0; s < N_STMTS; s++)
    {
      sqlite3_bind_text (stmts[s], 1, quota->partner, -1, SQLITE_STATIC);
      if (s == STMT_ADD_PARTNER)
        continue;
      sqlite3_bind_int (stmts[s], 2, quota->first);
      sqlite3_bind_int (stmts[s], 3, quota->last);
      if (s == STMT_INSERT)
        {
          sqlite3_bind_text (stmts[s], 4, quota->label != NULL ? quota->label : "", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmts[s], 5, quota->quota);
        }
    }

  for (guint s = 0; s < N_STMTS; s++)
    if (!step_done (store, stmts[s], error))
      return FALSE;
  return TRUE;
}

gboolean
palier_store_import_quotas (PalierStore  *store,
                            GPtrArray    *quotas,
                            GError      **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmts[N_STMTS] = { NULL };
  gboolean ok = TRUE;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (quotas != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = palier_store_get_db (store);
  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint s = 0; ok && s < N_STMTS; s++)
    {
      int rc = sqlite3_prepare_v2 (db, import_sql[s], -1, &stmts[s], NULL);

      if (rc != SQLITE_OK)
        ok = set_quotas_error (store, rc, error);
    }

  for (guint i = 0; ok && i < quotas->len; i++)
    ok = import_one (store, stmts, g_ptr_array_index (quotas, i), error);

  for (guint s = 0; s < N_STMTS; s++)
    sqlite3_finalize (stmts[s]);

  if (!ok || !exec_sql (store, "COMMIT", error))
    return rollback (store);
  return TRUE;
}

static gboolean
has_quotas_table (PalierStore  *store,
                  gboolean     *out_has,
                  GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (palier_store_get_db (store),
                               "SELECT count (*) FROM sqlite_master"
                               " WHERE type = 'table' AND name = 'quotas'",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_has = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || set_quotas_error (store, rc, error);
}

static gboolean
set_damaged_quota_error (PalierStore  *store,
                         const char   *partner,
                         GError      **error)
{
  g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT,
               _("%s: the workspace is damaged (a quota of partner “%s” has invalid dates, a quota that is not positive or a label that is not UTF-8); import the quotas file again"),
               _palier_store_get_display_name (store), partner);
  return FALSE;
}

static PalierQuota *
read_quota (PalierStore   *store,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(PalierQuota) quota = g_new0 (PalierQuota, 1);
  const char *partner = (const char *) sqlite3_column_text (stmt, 0);
  const char *label = (const char *) sqlite3_column_text (stmt, 3);

  quota->partner = g_utf8_make_valid (partner != NULL ? partner : "", -1);
  quota->first = sqlite3_column_int (stmt, 1);
  quota->last = sqlite3_column_int (stmt, 2);
  quota->quota = sqlite3_column_int64 (stmt, 4);

  if (!palier_date_is_valid (quota->first) || !palier_date_is_valid (quota->last) ||
      quota->first > quota->last || quota->quota <= 0 ||
      label == NULL || !g_utf8_validate (label, -1, NULL))
    {
      set_damaged_quota_error (store, quota->partner, error);
      return NULL;
    }

  quota->label = g_strdup (label);
  return g_steal_pointer (&quota);
}

GPtrArray *
palier_store_list_quotas (PalierStore  *store,
                          GError      **error)
{
  g_autoptr(GPtrArray) quotas = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has_table = FALSE;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  quotas = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_quota_free);
  if (!has_quotas_table (store, &has_table, error))
    return NULL;
  if (!has_table)
    return g_steal_pointer (&quotas);

  rc = sqlite3_prepare_v2 (palier_store_get_db (store),
                           "SELECT p.code, q.first_date, q.last_date, q.label, q.quota"
                           " FROM quotas AS q JOIN partners AS p ON p.id = q.partner_id"
                           " ORDER BY p.code, q.first_date",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_quotas_error (store, rc, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalierQuota *quota = read_quota (store, stmt, error);

      if (quota == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (quotas, quota);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_quotas_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&quotas);
}
