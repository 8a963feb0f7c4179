/* palier-test.c: helpers shared by the test programs */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "palier-test.h"

static const char *
require_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run the tests through meson test", name);
  return value;
}

char *
palier_test_data_path (const char *relative)
{
  return g_build_filename (require_env ("PALIER_TEST_DATA"), relative, NULL);
}

char *
palier_test_shared_path (const char *relative)
{
  const char *dir = g_getenv ("PALIER_SHARED_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = require_env ("PALIER_SHARED_DIR_DEFAULT");

  path = g_build_filename (dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}

static GPtrArray *tmp_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
remove_tmp_dirs (void)
{
  for (guint i = 0; i < tmp_dirs->len; i++)
    remove_tree (g_ptr_array_index (tmp_dirs, i));
  g_clear_pointer (&tmp_dirs, g_ptr_array_unref);
}

char *
palier_test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("palier-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmp_dirs == NULL)
    {
      tmp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmp_dirs);
    }
  g_ptr_array_add (tmp_dirs, g_strdup (path));
  return path;
}

char *
palier_test_build_path (const char *relative)
{
  return g_build_filename (require_env ("PALIER_BUILD_DIR"), relative, NULL);
}
