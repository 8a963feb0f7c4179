/* fuzz-store.c: opening any file as a workspace, read-only
 *
 * The input is written to a .palier file and opened with
 * PALIER_STORE_READ_ONLY.  A file that is not a workspace must fail with a
 * readable PALIER_STORE_ERROR; one that opens is then read the way the
 * window reads it on open: the summary, the partners, the programs and
 * the month totals.
 */

#define G_LOG_DOMAIN "Palier"

#include <glib/gstdio.h>

#include "palier-program-xml.h"
#include "palier-store.h"

#include "fuzz-common.h"

/* Files sqlite may leave beside the workspace. */
static const char * const side_files[] = {
  "fuzz.palier-journal",
  "fuzz.palier-wal",
  "fuzz.palier-shm",
};

static void
check_store_error (const GError *error)
{
  /* A bad program stored in a workspace is reported as the program
   * reader's error. */
  if (error != NULL && error->domain == PALIER_PROGRAM_ERROR)
    fuzz_check_error (error, PALIER_PROGRAM_ERROR);
  else
    fuzz_check_error (error, PALIER_STORE_ERROR);
}

static gboolean
count_total (const PalierMonthTotal *total,
             gpointer                user_data,
             GError                **error)
{
  guint64 *n_totals = user_data;

  fuzz_assert (total->n_lines >= 1);
  (*n_totals)++;
  return TRUE;
}

static void
read_programs (PalierStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = palier_store_list_programs (store, &error);

  if (ids == NULL)
    {
      check_store_error (error);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(PalierProgram) program = palier_store_load_program (store, ids->pdata[i], &load_error);

      if (program == NULL)
        check_store_error (load_error);
      else
        fuzz_assert (palier_program_check (program, NULL));
    }
}

static void
read_partners (PalierStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = palier_store_list_partners (store, &error);

  if (partners == NULL)
    {
      check_store_error (error);
      return;
    }

  for (guint i = 0; i < partners->len; i++)
    {
      const PalierPartner *partner = partners->pdata[i];

      fuzz_assert (partner->id == (gint64) i + 1);
      fuzz_assert (partner->code == NULL || g_utf8_validate (partner->code, -1, NULL));
      fuzz_assert (partner->name == NULL || g_utf8_validate (partner->name, -1, NULL));
    }
}

static void
read_store (PalierStore *store)
{
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary;
  guint64 n_totals = 0;

  if (palier_store_get_summary (store, &summary, &error))
    {
      fuzz_assert ((summary.first_date == PALIER_DATE_NONE) == (summary.last_date == PALIER_DATE_NONE));
    }
  else
    {
      check_store_error (error);
      g_clear_error (&error);
    }

  read_partners (store);
  read_programs (store);

  if (!palier_store_foreach_month_total (store, NULL, PALIER_DATE_NONE, PALIER_DATE_NONE,
                                         count_total, &n_totals, &error))
    check_store_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  PalierStore *store;
  const char *path;

  fuzz_init ();
  path = fuzz_write_temp ("fuzz.palier", data, size);

  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  if (store == NULL)
    check_store_error (error);
  else
    read_store (store);
  g_clear_pointer (&store, palier_store_close);

  for (guint i = 0; i < G_N_ELEMENTS (side_files); i++)
    g_unlink (fuzz_temp_path (side_files[i]));

  return 0;
}
