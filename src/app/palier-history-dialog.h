/* palier-history-dialog.h: the saved versions of a program */
#pragma once

#include <adwaita.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_HISTORY_DIALOG (palier_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalierHistoryDialog, palier_history_dialog, PALIER, HISTORY_DIALOG, AdwWindow)

/* A dialog over @parent listing the versions of @program saved in
 * @store, newest first.  Choosing Restore on one emits "restore" with
 * the version's id and time; the caller restores it. */
PalierHistoryDialog *palier_history_dialog_new (GtkWindow           *parent,
                                                PalierStore         *store,
                                                const PalierProgram *program);

/* The list of versions, for tests. */
GtkListBox          *palier_history_dialog_get_list (PalierHistoryDialog *self);

G_END_DECLS
