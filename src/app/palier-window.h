/* palier-window.h: Palier's main window, one workspace at a time */
#pragma once

#include <adwaita.h>

#include "palier-application.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_WINDOW (palier_window_get_type ())

G_DECLARE_FINAL_TYPE (PalierWindow, palier_window, PALIER, WINDOW, AdwApplicationWindow)

PalierWindow    *palier_window_new           (PalierApplication *application);

/* Opens a workspace (.palier) in place of the current one, or shows the
 * import dialog for a CSV file of sales, which imports it into the
 * current one.  Errors are shown in a dialog, and the current workspace
 * stays open. */
void             palier_window_open_file     (PalierWindow      *self,
                                              GFile             *file);

/* Opens the user's copy of the sample workspace, making it first. */
void             palier_window_open_sample   (PalierWindow      *self);

PalierWorkspace *palier_window_get_workspace (PalierWindow      *self);
void             palier_window_set_workspace (PalierWindow      *self,
                                              PalierWorkspace   *workspace);

void             palier_window_show_toast    (PalierWindow      *self,
                                              const char        *message);

G_END_DECLS
