/* fuzz-import.c: import plans built and run on any file
 *
 * The input is written to a CSV file, a plan is built with the default
 * options and run into a counting sink, once stopping at the first bad
 * value and once skipping invalid rows.  What the plan returns, the rows the
 * sink sees and the report must agree with one another.
 */

#define G_LOG_DOMAIN "Palier"

#include <string.h>

#include "palier-import.h"

#include "fuzz-common.h"

typedef struct {
  guint64 n_rows;
  guint64 last_line;
  guint64 progress_done;
} Counts;

static void
check_text (const char *text)
{
  fuzz_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

static gboolean
count_row (const PalierSaleRow *row,
           gpointer             user_data,
           GError             **error)
{
  Counts *counts = user_data;

  fuzz_assert (row->line > counts->last_line);
  fuzz_assert (palier_date_is_valid (row->date));
  check_text (row->partner);
  check_text (row->product);
  check_text (row->category);
  check_text (row->region);
  check_text (row->segment);
  check_text (row->deal);

  counts->last_line = row->line;
  counts->n_rows++;
  return TRUE;
}

static void
count_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Counts *counts = user_data;

  fuzz_assert (done >= counts->progress_done);
  fuzz_assert (total == 0 || done <= total);
  counts->progress_done = done;
}

static void
check_plan (PalierImportPlan *plan)
{
  guint n_columns = palier_import_plan_get_n_columns (plan);
  GPtrArray *preview = palier_import_plan_get_preview (plan);
  GPtrArray *notes = palier_import_plan_get_notes (plan);

  for (guint i = 0; i < n_columns; i++)
    {
      const char *header = palier_import_plan_get_header (plan, i);

      fuzz_assert (header != NULL);
      check_text (header);
    }

  for (int field = 0; field < PALIER_N_FIELDS; field++)
    {
      int column = palier_import_plan_get_column (plan, field);

      fuzz_assert (column >= -1 && column < (int) n_columns);
      if (palier_field_is_required (field))
        fuzz_assert (column >= 0);
    }

  fuzz_assert (palier_import_plan_get_date_order (plan) != PALIER_DATE_ORDER_AUTO);

  for (guint i = 0; preview != NULL && i < preview->len; i++)
    {
      char **cells = preview->pdata[i];

      for (guint j = 0; cells != NULL && cells[j] != NULL; j++)
        check_text (cells[j]);
    }

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    check_text (notes->pdata[i]);
}

static void
check_report (const PalierImportReport *report,
              const Counts             *counts,
              gboolean                  ok,
              gboolean                  skip_invalid)
{
  fuzz_assert (report->rows_imported == counts->n_rows);
  fuzz_assert (report->rows_imported + report->rows_skipped <= report->rows_read);
  if (ok)
    fuzz_assert (report->rows_imported + report->rows_skipped == report->rows_read);
  if (!skip_invalid)
    fuzz_assert (report->rows_skipped == 0);

  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    {
      const PalierImportProblem *problem = report->problems->pdata[i];

      fuzz_assert (problem->line >= 1);
      fuzz_assert (problem->message != NULL && problem->message[0] != '\0');
      check_text (problem->message);
      check_text (problem->column);
      check_text (problem->value);
    }
}

static void
import (const char *path,
        gboolean    skip_invalid)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportReport report;
  Counts counts = { 0, };
  gboolean ok;

  palier_import_options_init (&options);
  options.skip_invalid = skip_invalid;
  plan = palier_import_plan_new (path, &options, &error);
  palier_import_options_clear (&options);

  if (plan == NULL)
    {
      if (error != NULL && error->domain == PALIER_CSV_ERROR)
        fuzz_check_error (error, PALIER_CSV_ERROR);
      else
        fuzz_check_error (error, PALIER_IMPORT_ERROR);
      return;
    }

  fuzz_assert (palier_import_plan_get_skip_invalid (plan) == skip_invalid);
  check_plan (plan);

  palier_import_report_init (&report);
  ok = palier_import_plan_run (plan, count_row, &counts, count_progress, &counts,
                               NULL, &report, &error);
  if (!ok)
    {
      if (error != NULL && error->domain == PALIER_CSV_ERROR)
        fuzz_check_error (error, PALIER_CSV_ERROR);
      else
        fuzz_check_error (error, PALIER_IMPORT_ERROR);
    }

  check_report (&report, &counts, ok, skip_invalid);
  palier_import_report_clear (&report);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path;

  fuzz_init ();
  path = fuzz_write_temp ("fuzz.csv", data, size);

  import (path, FALSE);
  import (path, TRUE);
  return 0;
}
