/* palier-export-dialog.h: writes a program, a chart or results to a file */
#pragma once

#include <adwaita.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_EXPORT_DIALOG (palier_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalierExportDialog, palier_export_dialog, PALIER, EXPORT_DIALOG, AdwWindow)

typedef enum {
  PALIER_EXPORT_PROGRAM,                /* XML */
  PALIER_EXPORT_PAYOUT_CURVE,           /* chart of one component */
  PALIER_EXPORT_PERIODS,                /* chart of the result */
  PALIER_EXPORT_DISTRIBUTION,           /* chart of the result */
  PALIER_EXPORT_DIFFERENCES,            /* chart of the comparison */
  PALIER_EXPORT_RESULTS,                /* CSV */
} PalierExportItem;

/* A dialog, modal for @parent, offering what can be exported: the
 * program and its payout curves when @program is not NULL, the result's
 * charts and table when @result is not NULL, the comparison's chart when
 * @comparison is not NULL.  It emits "exported" (the path written) and
 * closes itself once a file is written. */
PalierExportDialog *palier_export_dialog_new            (GtkWindow          *parent,
                                                         PalierProgram      *program,
                                                         PalierResult       *result,
                                                         PalierComparison   *comparison);

/* Selects @item; returns FALSE when the dialog does not offer it. */
gboolean            palier_export_dialog_select_item    (PalierExportDialog *self,
                                                         PalierExportItem    item);

/* The name the file chooser proposes for the selected item. */
char               *palier_export_dialog_dup_file_name  (PalierExportDialog *self);

/* Writes the selected item to @file in a worker thread, adding the
 * format's extension when the name lacks it, as accepting the file
 * chooser does.  Errors are shown in a message dialog that names the
 * file. */
void                palier_export_dialog_export_to_file (PalierExportDialog *self,
                                                         GFile              *file);

G_END_DECLS
