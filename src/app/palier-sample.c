/* palier-sample.c: the sample workspace opened on the first run */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "palier-sample.h"

char *
palier_sample_get_bundled_path (void)
{
  const char *path = g_getenv ("PALIER_SAMPLE_WORKSPACE");

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);

  return g_build_filename (PKGDATADIR, "sample.palier", NULL);
}

char *
palier_sample_get_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "palier", "Sample.palier", NULL);
}

/* Copies to a temporary name beside @target and renames, so that an
 * interrupted copy never looks like a workspace. */
static gboolean
copy_sample (const char  *source_path,
             const char  *target_path,
             GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autofree char *partial_path = g_strconcat (target_path, ".part", NULL);
  g_autoptr(GFile) partial = g_file_new_for_path (partial_path);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);

  if (!g_file_copy (source, partial, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    NULL, NULL, NULL, error))
    {
      g_file_delete (partial, NULL, NULL);
      return FALSE;
    }

  if (!g_file_move (partial, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    {
      g_file_delete (partial, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

char *
palier_sample_prepare (GError **error)
{
  g_autofree char *bundled = palier_sample_get_bundled_path ();

  return palier_sample_prepare_from (bundled, error);
}

char *
palier_sample_prepare_from (const char  *bundled,
                            GError     **error)
{
  g_autofree char *user_path = palier_sample_get_user_path ();
  g_autofree char *folder = g_path_get_dirname (user_path);

  g_return_val_if_fail (bundled != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (user_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&user_path);

  if (!g_file_test (bundled, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The sample workspace %s is missing; reinstall Palier, or set PALIER_SAMPLE_WORKSPACE to the sample’s path"),
                   bundled);
      return NULL;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  if (!copy_sample (bundled, user_path, error))
    return NULL;

  return g_steal_pointer (&user_path);
}
