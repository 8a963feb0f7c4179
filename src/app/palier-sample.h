/* palier-sample.h: the sample workspace opened on the first run */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Path of the bundled sample: $PALIER_SAMPLE_WORKSPACE when set (the
 * build's copy, for runs from the build folder), else the installed
 * PKGDATADIR/sample.palier. */
char *palier_sample_get_bundled_path (void);

/* Path of the user's own copy, in the user data folder. */
char *palier_sample_get_user_path    (void);

/* Returns the user's copy of the sample, copying the bundled sample there
 * first when the copy does not exist yet, so that edits never touch the
 * bundled file.  An existing copy is kept as it is. */
char *palier_sample_prepare          (GError **error);

/* The same, from the bundled sample at @bundled_path. */
char *palier_sample_prepare_from     (const char  *bundled_path,
                                      GError     **error);

G_END_DECLS
