/* palier-file-check-private.h: building a PalierFileCheck */
#pragma once

#include "palier-file-check.h"

G_BEGIN_DECLS

/* A check with every field unmapped and empty lists; @record_free frees
 * one of its records. */
PalierFileCheck *_palier_file_check_new         (GDestroyNotify  record_free);

/* Appends a PalierImportProblem to @problems.  @column and @value may be
 * NULL when the row as a whole is wrong. */
void             _palier_file_check_add_problem (GPtrArray      *problems,
                                                 guint64         line,
                                                 const char     *column,
                                                 const char     *value,
                                                 const char     *message);

/* Sorts the check's problems by line, keeping the order of one line's
 * problems. */
void             _palier_file_check_sort_problems (PalierFileCheck *check);

G_END_DECLS
