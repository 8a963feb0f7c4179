/* palier-file-check.h: what a dry run of a partners or quotas file found
 *
 * A mapping dialog reads a partners or quotas file once per change of
 * settings.  The check keeps what the dialog shows: the dialect, the
 * headers, the first rows, the column of each field and the value style
 * decided from all values.  Unlike a plain read, it lists every invalid
 * row, not only the first one.
 */
#pragma once

#include <glib.h>
#include "palier-csv.h"
#include "palier-number.h"

G_BEGIN_DECLS

/* Fields of the widest kind: partners files have five. */
#define PALIER_FILE_CHECK_MAX_FIELDS 5

/* Data rows that a check keeps for a preview. */
#define PALIER_FILE_CHECK_PREVIEW_ROWS 20

typedef struct {
  PalierEncoding      encoding;         /* as detected or forced */
  char                delimiter;
  char              **headers;          /* NULL-terminated, trimmed */
  guint               n_columns;
  GPtrArray          *preview;          /* GStrv of n_columns cells: the first rows */
  int                 columns[PALIER_FILE_CHECK_MAX_FIELDS]; /* per field; -1: no column */
  PalierDateOrder     date_order;       /* partners: order of the start dates */
  PalierDecimalMark   decimal_mark;     /* quotas: decimal mark of the quota column */
  gboolean            has_fiscal_labels; /* quotas: some period label starts with "FY" */
  guint64             rows_read;        /* data rows, blank lines not counted */
  GPtrArray          *problems;         /* PalierImportProblem *: every invalid row */
  GPtrArray          *records;          /* the valid rows, PalierPartner * or
                                         * PalierQuota *; empty while a required
                                         * field has no column */
} PalierFileCheck;

void palier_file_check_free (PalierFileCheck *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierFileCheck, palier_file_check_free)

G_END_DECLS
