/* palier-file-check.c: what a dry run of a partners or quotas file found */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-file-check.h"
#include "palier-file-check-private.h"
#include "palier-import.h"

void
palier_file_check_free (PalierFileCheck *check)
{
  if (check == NULL)
    return;

  g_strfreev (check->headers);
  g_clear_pointer (&check->preview, g_ptr_array_unref);
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_clear_pointer (&check->records, g_ptr_array_unref);
  g_free (check);
}

PalierFileCheck *
_palier_file_check_new (GDestroyNotify record_free)
{
  PalierFileCheck *check = g_new0 (PalierFileCheck, 1);

  for (guint f = 0; f < PALIER_FILE_CHECK_MAX_FIELDS; f++)
    check->columns[f] = -1;
  check->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  check->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_import_problem_free);
  check->records = g_ptr_array_new_with_free_func (record_free);
  return check;
}

void
_palier_file_check_add_problem (GPtrArray  *problems,
                                guint64     line,
                                const char *column,
                                const char *value,
                                const char *message)
{
  PalierImportProblem *problem = g_new0 (PalierImportProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column);
  problem->value = g_strdup (value);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static int
compare_problem_lines (gconstpointer a,
                       gconstpointer b)
{
  const PalierImportProblem *pa = *(const PalierImportProblem * const *) a;
  const PalierImportProblem *pb = *(const PalierImportProblem * const *) b;

  return pa->line < pb->line ? -1 : (pa->line > pb->line ? 1 : 0);
}

void
_palier_file_check_sort_problems (PalierFileCheck *check)
{
  /* g_ptr_array_sort is a stable merge sort since GLib 2.32. */
  g_ptr_array_sort (check->problems, compare_problem_lines);
}
