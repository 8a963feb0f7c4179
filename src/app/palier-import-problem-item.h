/* palier-import-problem-item.h: a row that an import would reject */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_IMPORT_PROBLEM_ITEM (palier_import_problem_item_get_type ())

G_DECLARE_FINAL_TYPE (PalierImportProblemItem, palier_import_problem_item, PALIER, IMPORT_PROBLEM_ITEM, GObject)

/* Copies @problem.  The reason is its message without the file and line
 * that the item's other fields show. */
PalierImportProblemItem *palier_import_problem_item_new        (const PalierImportProblem *problem,
                                                                const char                *file_name);

guint64                  palier_import_problem_item_get_line   (PalierImportProblemItem   *self);
/* The column's header, or NULL when the row as a whole is wrong. */
const char              *palier_import_problem_item_get_column (PalierImportProblemItem   *self);
const char              *palier_import_problem_item_get_value  (PalierImportProblemItem   *self);
const char              *palier_import_problem_item_get_reason (PalierImportProblemItem   *self);

G_END_DECLS
