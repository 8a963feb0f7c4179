/* palier-application.h: the Palier application */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PALIER_TYPE_APPLICATION (palier_application_get_type ())

G_DECLARE_FINAL_TYPE (PalierApplication, palier_application, PALIER, APPLICATION, AdwApplication)

PalierApplication *palier_application_new            (void);

/* Records @path as the last workspace, reopened at the next start, and at
 * the top of the recent workspaces. */
void               palier_application_note_workspace (PalierApplication *self,
                                                      const char        *path);

G_END_DECLS
