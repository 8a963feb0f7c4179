/* palier-scenario-store.c: scenarios and their kept runs in a workspace
 *
 * Scenarios live in the scenarios table, their assumptions as canonical
 * text.  Each run is one row of scenario_runs with everything it was
 * computed from (the program's XML and version, the assumptions' text
 * and the effective window), its exact totals and its result as the JSON
 * that palier_result_write() writes.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "palier-program-xml.h"
#include "palier-scenario.h"
#include "palier-scenario-private.h"

static const char *
display_name (PalierStore *store)
{
  const char *path = palier_store_get_path (store);

  return path != NULL ? path : _("in-memory workspace");
}

static gboolean
set_sqlite_error (PalierStore  *store,
                  GError      **error)
{
  sqlite3 *db = palier_store_get_db (store);
  int code = sqlite3_errcode (db);

  g_set_error (error, PALIER_STORE_ERROR,
               code == SQLITE_READONLY ? PALIER_STORE_ERROR_READ_ONLY
               : code == SQLITE_BUSY || code == SQLITE_LOCKED ? PALIER_STORE_ERROR_LOCKED
               : code == SQLITE_FULL ? PALIER_STORE_ERROR_FULL
               : PALIER_STORE_ERROR_FAILED,
               _("%s: %s"), display_name (store), sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
prepare (PalierStore  *store,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (palier_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (store, error);
      return NULL;
    }
  return stmt;
}

static gboolean
exec_sql (PalierStore  *store,
          const char   *sql,
          GError      **error)
{
  if (sqlite3_exec (palier_store_get_db (store), sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (store, error);
  return TRUE;
}

static void
bind_date (sqlite3_stmt *stmt,
           int           column,
           PalierDate    date)
{
  if (date == PALIER_DATE_NONE)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, date);
}

static gboolean
set_scenario_not_found (PalierStore  *store,
                        const char   *id,
                        GError      **error)
{
  g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND,
               _("%s: no scenario “%s”; list them with “palier-cli scenario list”"),
               display_name (store), id);
  return FALSE;
}

static gboolean
program_exists (PalierStore  *store,
                const char   *id,
                gboolean     *out_exists,
                GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT 1 FROM programs WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (store, error);
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
palier_store_save_scenario (PalierStore           *store,
                            const PalierScenario  *scenario,
                            GError               **error)
{
  g_autofree char *assumptions = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!palier_assumptions_validate (scenario->assumptions, error) ||
      !program_exists (store, scenario->program_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND,
                   _("%s: no program “%s”; save the program in the workspace first"),
                   display_name (store), scenario->program_id);
      return FALSE;
    }

  stmt = prepare (store,
                  "INSERT INTO scenarios (id, name, program_id, from_date, to_date, assumptions, updated)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                  " ON CONFLICT (id) DO UPDATE SET name = ?2, program_id = ?3, from_date = ?4,"
                  " to_date = ?5, assumptions = ?6, updated = ?7",
                  error);
  if (stmt == NULL)
    return FALSE;

  assumptions = palier_assumptions_to_string (scenario->assumptions);
  sqlite3_bind_text (stmt, 1, scenario->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, scenario->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, scenario->program_id, -1, SQLITE_STATIC);
  bind_date (stmt, 4, scenario->from);
  bind_date (stmt, 5, scenario->to);
  sqlite3_bind_text (stmt, 6, assumptions, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || set_sqlite_error (store, error);
}

/* The scenario in the row of @stmt: id, name, program, from, to,
 * assumptions. */
static PalierScenario *
read_scenario_row (PalierStore   *store,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  PalierAssumptions *assumptions;

  assumptions = palier_assumptions_parse ((const char *) sqlite3_column_text (stmt, 5), &local_error);
  if (assumptions == NULL)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("%s: scenario “%s”: %s"), display_name (store), id, local_error->message);
      return NULL;
    }

  scenario = palier_scenario_new (id, (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2));
  scenario->from = sqlite3_column_int (stmt, 3);        /* NULL reads as PALIER_DATE_NONE */
  scenario->to = sqlite3_column_int (stmt, 4);
  palier_assumptions_free (scenario->assumptions);
  scenario->assumptions = assumptions;
  return g_steal_pointer (&scenario);
}

#define SCENARIO_COLUMNS "SELECT id, name, program_id, from_date, to_date, assumptions FROM scenarios"

PalierScenario *
palier_store_load_scenario (PalierStore  *store,
                            const char   *id,
                            GError      **error)
{
  PalierScenario *scenario = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store, SCENARIO_COLUMNS " WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    scenario = read_scenario_row (store, stmt, error);
  else if (rc == SQLITE_DONE)
    set_scenario_not_found (store, id, error);
  else
    set_sqlite_error (store, error);
  sqlite3_finalize (stmt);
  return scenario;
}

GPtrArray *
palier_store_list_scenarios (PalierStore  *store,
                             GError      **error)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (store, SCENARIO_COLUMNS " ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_scenario_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalierScenario *scenario = read_scenario_row (store, stmt, error);

      if (scenario == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (scenarios, scenario);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&scenarios);
}

gboolean
palier_store_delete_scenario (PalierStore  *store,
                              const char   *id,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* The runs go first, so that the delete does not depend on the
   * foreign keys being on. */
  stmt = prepare (store, "DELETE FROM scenario_runs WHERE scenario_id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed_sqlite;

  stmt = prepare (store, "DELETE FROM scenarios WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed_sqlite;

  if (sqlite3_changes (palier_store_get_db (store)) == 0)
    {
      sqlite3_exec (palier_store_get_db (store), "ROLLBACK", NULL, NULL, NULL);
      return set_scenario_not_found (store, id, error);
    }
  if (!exec_sql (store, "COMMIT", error))
    goto failed;
  return TRUE;

failed_sqlite:
  set_sqlite_error (store, error);
failed:
  sqlite3_exec (palier_store_get_db (store), "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Runs */

void
palier_scenario_run_free (PalierScenarioRun *run)
{
  if (run == NULL)
    return;

  g_free (run->scenario_id);
  g_clear_pointer (&run->program, palier_program_unref);
  g_clear_pointer (&run->assumptions, palier_assumptions_free);
  g_clear_pointer (&run->result, palier_result_unref);
  g_free (run);
}

/* The program as last saved, with the id of that version (0 when the
 * workspace has no version of it). */
static PalierProgram *
load_latest_program (PalierStore  *store,
                     const char   *id,
                     gint64       *out_version,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  PalierProgram *program = NULL;
  int rc;

  stmt = prepare (store,
                  "SELECT id, xml FROM program_versions WHERE program_id = ? ORDER BY id DESC LIMIT 1",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = g_strdup_printf (_("%s: program “%s”"), display_name (store), id);

      *out_version = sqlite3_column_int64 (stmt, 0);
      program = palier_program_read_data ((const char *) sqlite3_column_text (stmt, 1),
                                          (gsize) sqlite3_column_bytes (stmt, 1), name, error);
    }
  else if (rc != SQLITE_DONE)
    set_sqlite_error (store, error);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    {
      *out_version = 0;
      program = palier_store_load_program (store, id, error);
    }
  return program;
}

static gboolean
insert_run (PalierStore        *store,
            PalierScenarioRun  *run,
            GError            **error)
{
  g_autofree char *xml = palier_program_to_xml (run->program, NULL);
  g_autofree char *assumptions = palier_assumptions_to_string (run->assumptions);
  g_autoptr(GString) json = g_string_new (NULL);
  const PalierResult *result = run->result;
  sqlite3_stmt *stmt;
  int rc;

  palier_result_write (result, PALIER_OUTPUT_JSON, json);

  if (!exec_sql (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = prepare (store,
                  "INSERT INTO scenario_runs (scenario_id, time, program_version, program_xml,"
                  " assumptions, from_date, to_date, sales, payout, non_cash, cost, result)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    {
      sqlite3_exec (palier_store_get_db (store), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, run->scenario_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, run->time);
  if (run->program_version > 0)
    sqlite3_bind_int64 (stmt, 3, run->program_version);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, xml, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, assumptions, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, run->from);
  sqlite3_bind_int (stmt, 7, run->to);
  sqlite3_bind_int64 (stmt, 8, result->total_sales);
  sqlite3_bind_int64 (stmt, 9, result->total_payout);
  sqlite3_bind_int64 (stmt, 10, result->total_non_cash);
  sqlite3_bind_int64 (stmt, 11, result->total_cost);
  sqlite3_bind_text (stmt, 12, json->str, (int) json->len, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE || !exec_sql (store, "COMMIT", error))
    {
      if (rc != SQLITE_DONE)
        set_sqlite_error (store, error);
      sqlite3_exec (palier_store_get_db (store), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  run->id = sqlite3_last_insert_rowid (palier_store_get_db (store));
  return TRUE;
}

PalierScenarioRun *
palier_scenario_run (const PalierScenario  *scenario,
                     PalierStore           *store,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(PalierScenarioRun) run = NULL;
  g_autoptr(PalierBases) bases = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  run = g_new0 (PalierScenarioRun, 1);
  run->scenario_id = g_strdup (scenario->id);
  run->assumptions = palier_assumptions_copy (scenario->assumptions);
  run->program = load_latest_program (store, scenario->program_id, &run->program_version, error);
  if (run->program == NULL)
    return NULL;

  programs[0] = run->program;
  bases = palier_scenario_compute_bases (scenario, store, programs, cancellable, error);
  if (bases == NULL)
    return NULL;

  run->result = palier_bases_simulate (bases, run->program, cancellable, error);
  if (run->result == NULL)
    return NULL;

  run->from = run->result->from;
  run->to = run->result->to;
  run->time = g_get_real_time () / G_USEC_PER_SEC;
  if (!insert_run (store, run, error))
    return NULL;
  return g_steal_pointer (&run);
}

#define RUN_COLUMNS \
  "SELECT id, scenario_id, time, program_version, program_xml, assumptions," \
  " from_date, to_date, sales, payout, non_cash, cost, result FROM scenario_runs"

/* The run in the row of @stmt, with its program and result read back. */
static PalierScenarioRun *
read_run_row (PalierStore   *store,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(PalierScenarioRun) run = g_new0 (PalierScenarioRun, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  PalierResult *result;

  run->id = sqlite3_column_int64 (stmt, 0);
  run->scenario_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  run->time = sqlite3_column_int64 (stmt, 2);
  run->program_version = sqlite3_column_int64 (stmt, 3);
  run->from = sqlite3_column_int (stmt, 6);
  run->to = sqlite3_column_int (stmt, 7);

  name = g_strdup_printf (_("%s: run %lld of scenario “%s”"), display_name (store),
                          (long long) run->id, run->scenario_id);
  run->program = palier_program_read_data ((const char *) sqlite3_column_text (stmt, 4),
                                           (gsize) sqlite3_column_bytes (stmt, 4), name, error);
  if (run->program == NULL)
    return NULL;

  run->assumptions = palier_assumptions_parse ((const char *) sqlite3_column_text (stmt, 5), &local_error);
  if (run->assumptions == NULL ||
      (result = _palier_result_read_json ((const char *) sqlite3_column_text (stmt, 12),
                                          run->program, &local_error)) == NULL)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  /* The columns keep the exact totals, which the JSON rounds. */
  result->total_sales = sqlite3_column_int64 (stmt, 8);
  result->total_payout = sqlite3_column_int64 (stmt, 9);
  result->total_non_cash = sqlite3_column_int64 (stmt, 10);
  result->total_cost = sqlite3_column_int64 (stmt, 11);
  run->result = result;
  return g_steal_pointer (&run);
}

static GPtrArray *
read_runs (PalierStore  *store,
           const char   *sql,
           const char   *scenario_id,
           GError      **error)
{
  g_autoptr(GPtrArray) runs = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, scenario_id, -1, SQLITE_STATIC);
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_scenario_run_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalierScenarioRun *run = read_run_row (store, stmt, error);

      if (run == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (runs, run);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&runs);
}

GPtrArray *
palier_store_list_scenario_runs (PalierStore  *store,
                                 const char   *scenario_id,
                                 GError      **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_runs (store, RUN_COLUMNS " WHERE scenario_id = ? ORDER BY id", scenario_id, error);
}

PalierScenarioRun *
palier_store_load_last_scenario_run (PalierStore  *store,
                                     const char   *scenario_id,
                                     GError      **error)
{
  g_autoptr(GPtrArray) runs = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  runs = read_runs (store, RUN_COLUMNS " WHERE scenario_id = ? ORDER BY id DESC LIMIT 1",
                    scenario_id, error);
  if (runs == NULL || runs->len == 0)
    return NULL;
  return g_ptr_array_steal_index (runs, 0);
}
