/* palier-test.h: helpers shared by the test programs */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Path of a file under tests/data, to g_free(). */
char *palier_test_data_path   (const char *relative);

/* Path of a file in the shared real datasets ("data/real/superstore/
 * superstore.csv"), or NULL when the shared folder is absent, in which
 * case the caller skips with g_test_skip(). */
char *palier_test_shared_path (const char *relative);

/* A new empty directory under the test's temporary folder, removed at
 * exit.  Free with g_free(). */
char *palier_test_tmp_dir     (void);

/* Path of a built program ("src/cli/palier-cli"). */
char *palier_test_build_path  (const char *relative);

G_END_DECLS
