/* palier-file-import-private.h: reading and column mapping shared by
 * the partners and quotas imports */
#pragma once

#include <glib.h>

#include "palier-csv.h"
#include "palier-file-check.h"

G_BEGIN_DECLS

/* One record of the file, padded to the header's width. */
typedef struct {
  guint64  line;
  char   **fields;                  /* n_columns strings */
} PalierImportRow;

/* A small CSV file read whole into memory. */
typedef struct {
  char           *display_name;
  char          **headers;
  guint           n_columns;
  GPtrArray      *rows;             /* PalierImportRow * */
  GPtrArray      *problems;         /* PalierImportProblem *: rows with a
                                     * wrong field count */
  PalierEncoding  encoding;
  char            delimiter;
} PalierImportTable;

void     _palier_import_table_clear    (PalierImportTable      *table);

/* Reads the header and every record of @path into @table, whose
 * display_name the caller sets first.  A record with more fields than
 * the header is left out and recorded in the table's problems.  Returns
 * FALSE with @error unset when the file has no header line, so that the
 * caller can name the kind of file it expected. */
gboolean _palier_import_table_read     (PalierImportTable      *table,
                                        const char             *path,
                                        const PalierCsvDialect *dialect,
                                        GError                **error);

/* Maps each of the @n_fields fields to its column in @requested (header
 * names, NULL to guess) or to a guessed one from @field_headers that no
 * other field uses, storing the column or -1 in @columns.  Fails only
 * on a requested header that the file lacks. */
gboolean _palier_import_table_map      (const PalierImportTable  *table,
                                        guint                     n_fields,
                                        const char *const        *field_names,
                                        const char *const *const *field_headers,
                                        char *const              *requested,
                                        int                      *columns,
                                        GError                  **error);

/* Copies the file's layout, field columns and first rows into @check. */
void     _palier_import_table_describe (const PalierImportTable *table,
                                        guint                    n_fields,
                                        const int               *columns,
                                        PalierFileCheck         *check);

G_END_DECLS
