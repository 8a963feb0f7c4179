/* fuzz-common.c: set-up and checks shared by the fuzz targets */

#define G_LOG_DOMAIN "Palier"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "palier-core.h"

#include "fuzz-common.h"

static char *temp_dir;
static GHashTable *temp_paths;    /* basename → path */

/* Removes the folder and whatever a target left in it, sqlite's side
 * files included. */
static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (temp_dir == NULL)
    return;

  dir = g_dir_open (temp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
  g_clear_pointer (&temp_paths, g_hash_table_unref);
}

G_NORETURN void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("palier-fuzz: ", stderr);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);

  /* abort() skips atexit(); a sanitizer report still leaves the folder
   * behind, which is why run-short points TMPDIR at its scratch folder. */
  remove_temp_dir ();
  abort ();
}

/* Writes the message as GLib would, then aborts on a warning or worse.
 * The core logs with G_LOG_USE_STRUCTURED, so its g_warning() calls
 * reach this writer rather than a g_log_set_handler() handler. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    fuzz_fail ("a warning was logged for this input");
  return result;
}

void
fuzz_init (void)
{
  static gboolean initialized;
  g_autoptr(GError) error = NULL;

  if (initialized)
    return;
  initialized = TRUE;

  palier_core_init ();
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (write_log, NULL, NULL);

  temp_dir = g_dir_make_tmp ("palier-fuzz-XXXXXX", &error);
  if (temp_dir == NULL)
    fuzz_fail ("cannot create a temporary folder: %s", error->message);
  temp_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  atexit (remove_temp_dir);
}

const char *
fuzz_temp_path (const char *basename)
{
  char *path = g_hash_table_lookup (temp_paths, basename);

  if (path == NULL)
    {
      path = g_build_filename (temp_dir, basename, NULL);
      g_hash_table_insert (temp_paths, g_strdup (basename), path);
    }
  return path;
}

const char *
fuzz_write_temp (const char    *basename,
                 const uint8_t *data,
                 size_t         size)
{
  const char *path = fuzz_temp_path (basename);
  FILE *file;

  /* A plain stdio write, because the file is rewritten on every input and
   * needs no atomic rename or fsync.  g_file_set_contents_full() with
   * G_FILE_SET_CONTENTS_NONE is no substitute: GLib 2.74 does not truncate
   * the old contents there. */
  file = g_fopen (path, "wb");
  if (file == NULL
      || (size > 0 && fwrite (data, size, 1, file) != 1)
      || fclose (file) != 0)
    fuzz_fail ("cannot write %s: %s", path, g_strerror (errno));
  return path;
}

void
fuzz_check_error (const GError *error,
                  GQuark        domain)
{
  if (error == NULL)
    fuzz_fail ("the call failed without setting an error");
  if (error->domain != domain)
    fuzz_fail ("error in domain %s, expected %s: %s",
               g_quark_to_string (error->domain), g_quark_to_string (domain),
               error->message);
  if (error->message == NULL || error->message[0] == '\0')
    fuzz_fail ("empty error message");
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      fuzz_fail ("error message is not valid UTF-8: %s", escaped);
    }
}
