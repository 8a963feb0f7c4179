/* palier-core.h: process-wide set-up of the core library */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the core's resources (the program XSD) and sets up libxml2
 * safely.  Safe to call more than once and from several threads. */
void palier_core_init (void);

/* Folder of the message catalogs: the build tree's po/ folder when the
 * running executable lies inside the build tree (an uninstalled run),
 * else the installed locale folder. */
const char *palier_core_get_locale_dir (void);

G_END_DECLS
