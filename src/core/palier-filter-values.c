/* palier-filter-values.c: the values a component filter can match
 *
 * Category, product and region filters compare with the names of the
 * store's dictionaries, which sales rows fill.  Segment values are the
 * partners' own, because a segment filter reads the partner.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <sqlite3.h>

#include <glib/gi18n-lib.h>

#include "palier-filter-values.h"

static const char *const queries[PALIER_N_FILTER_FIELDS] = {
  [PALIER_FILTER_CATEGORY] = "SELECT name FROM categories ORDER BY name",
  [PALIER_FILTER_PRODUCT] = "SELECT name FROM products ORDER BY name",
  [PALIER_FILTER_REGION] = "SELECT name FROM regions ORDER BY name",
  [PALIER_FILTER_SEGMENT] = "SELECT DISTINCT segment FROM partners"
                            " WHERE segment IS NOT NULL AND segment <> '' ORDER BY segment",
};

GPtrArray *
palier_store_list_filter_values (PalierStore        *store,
                                 PalierFilterField   field,
                                 GError            **error)
{
  g_autoptr(GPtrArray) values = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int status;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (field < PALIER_N_FILTER_FIELDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = palier_store_get_db (store);
  if (sqlite3_prepare_v2 (db, queries[field], -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("Failed to list the %s values of %s: %s"),
                   palier_filter_field_to_string (field), palier_store_get_path (store),
                   sqlite3_errmsg (db));
      return NULL;
    }

  values = g_ptr_array_new_with_free_func (g_free);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (status != SQLITE_DONE)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("Failed to list the %s values of %s: %s"),
                   palier_filter_field_to_string (field), palier_store_get_path (store),
                   sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&values);
}
