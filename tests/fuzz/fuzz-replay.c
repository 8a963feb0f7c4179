/* fuzz-replay.c: runs a fuzz target once on every file it is given
 *
 * Builds without libFuzzer, so the corpus and the regressions of each
 * target run as ordinary tests.  Arguments are files or folders; the
 * files of a folder run in name order, skipping hidden files and
 * README.md.  A file whose name ends in ".open" reproduces a finding that
 * is not fixed yet: it is reported as skipped, not run, and so is a
 * missing argument, because a target's regressions folder only exists
 * once it has one.  The output is TAP, and a crash or failed check aborts
 * the run.
 */

#define G_LOG_DOMAIN "Palier"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (GPtrArray  *paths,
            const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.' || strcmp (name, "README.md") == 0)
        continue;
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
    }

  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_strdup (names->pdata[i]));
}

static void
run_file (guint       number,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      printf ("ok %u %s # SKIP no such file or folder\n", number, path);
      return;
    }

  if (g_str_has_suffix (path, ".open"))
    {
      printf ("ok %u %s # SKIP open finding, not fixed yet\n", number, path);
      return;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      printf ("not ok %u %s # %s\n", number, path, error->message);
      return;
    }

  /* Announce the file first, so that a crash names it. */
  fprintf (stderr, "running %s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  printf ("ok %u %s\n", number, path);
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        add_folder (paths, argv[i]);
      else
        g_ptr_array_add (paths, g_strdup (argv[i]));
    }

  printf ("1..%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    run_file (i + 1, paths->pdata[i]);

  return 0;
}
