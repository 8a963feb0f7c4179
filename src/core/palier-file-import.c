/* palier-file-import.c: reading and column mapping shared by the
 * partners and quotas imports */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-file-import-private.h"
#include "palier-file-check-private.h"
#include "palier-import.h"
#include "palier-import-private.h"

static void
row_free (gpointer data)
{
  PalierImportRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

void
_palier_import_table_clear (PalierImportTable *table)
{
  g_clear_pointer (&table->display_name, g_free);
  g_clear_pointer (&table->headers, g_strfreev);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->problems, g_ptr_array_unref);
}

gboolean
_palier_import_table_read (PalierImportTable      *table,
                           const char             *path,
                           const PalierCsvDialect *dialect,
                           GError                **error)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  PalierCsvRecord record;
  g_autoptr(GError) local_error = NULL;

  reader = palier_csv_reader_new_for_path (path, dialect, error);
  if (reader == NULL)
    return FALSE;
  table->encoding = palier_csv_reader_get_encoding (reader);
  table->delimiter = palier_csv_reader_get_delimiter (reader);

  if (!palier_csv_reader_next (reader, &record, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  table->n_columns = record.n_fields;
  table->headers = g_new0 (char *, record.n_fields + 1);
  for (guint i = 0; i < record.n_fields; i++)
    table->headers[i] = g_strstrip (g_strdup (record.fields[i]));

  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_import_problem_free);
  while (palier_csv_reader_next (reader, &record, &local_error))
    {
      gboolean too_wide = FALSE;
      PalierImportRow *row;

      for (guint i = table->n_columns; i < record.n_fields; i++)
        too_wide = too_wide || record.lengths[i] != 0;
      if (too_wide)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s:%llu: %u fields where the header has %u; check the quotes and delimiters on this line"),
                             table->display_name, (unsigned long long) record.line,
                             record.n_fields, table->n_columns);

          _palier_file_check_add_problem (table->problems, record.line, NULL, NULL, message);
          continue;
        }

      row = g_new0 (PalierImportRow, 1);
      row->line = record.line;
      row->fields = g_new0 (char *, table->n_columns + 1);
      for (guint i = 0; i < table->n_columns; i++)
        row->fields[i] = g_strstrip (g_strdup (i < record.n_fields ? record.fields[i] : ""));
      g_ptr_array_add (table->rows, row);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
_palier_import_table_map (const PalierImportTable  *table,
                          guint                     n_fields,
                          const char *const        *field_names,
                          const char *const *const *field_headers,
                          char *const              *requested,
                          int                      *columns,
                          GError                  **error)
{
  for (guint f = 0; f < n_fields; f++)
    {
      g_autofree char *headers = NULL;

      columns[f] = -1;
      if (requested[f] == NULL || requested[f][0] == '\0')
        continue;

      columns[f] = _palier_import_find_header (table->headers, table->n_columns, requested[f]);
      if (columns[f] >= 0)
        continue;

      headers = _palier_import_list_headers (table->headers, table->n_columns);
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("%s: no column “%s” for the field “%s”; the columns are %s"),
                   table->display_name, requested[f], field_names[f], headers);
      return FALSE;
    }

  for (guint f = 0; f < n_fields; f++)
    {
      int column;
      gboolean in_use = FALSE;

      if (columns[f] >= 0 || requested[f] != NULL)
        continue;

      column = _palier_import_guess_header (table->headers, table->n_columns, field_headers[f]);
      for (guint g = 0; g < n_fields; g++)
        in_use = in_use || (column >= 0 && columns[g] == column);
      if (!in_use)
        columns[f] = column;
    }
  return TRUE;
}

void
_palier_import_table_describe (const PalierImportTable *table,
                               guint                    n_fields,
                               const int               *columns,
                               PalierFileCheck         *check)
{
  check->encoding = table->encoding;
  check->delimiter = table->delimiter;
  check->headers = g_strdupv (table->headers);
  check->n_columns = table->n_columns;
  check->rows_read = table->rows->len + table->problems->len;

  for (guint f = 0; f < n_fields; f++)
    check->columns[f] = columns[f];

  for (guint i = 0; i < table->rows->len && i < PALIER_FILE_CHECK_PREVIEW_ROWS; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (table->rows, i);

      g_ptr_array_add (check->preview, g_strdupv (row->fields));
    }
}
