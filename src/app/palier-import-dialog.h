/* palier-import-dialog.h: maps a sales CSV file's columns, then imports it */
#pragma once

#include <adwaita.h>

#include "palier-column-mapping-row.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

#define PALIER_TYPE_IMPORT_DIALOG (palier_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalierImportDialog, palier_import_dialog, PALIER, IMPORT_DIALOG, AdwWindow)

/* A dialog, modal for @parent, that reads the CSV file at @path and lets
 * the user check how it maps before importing it into @workspace.  It
 * emits "imported" (guint64 rows, guint64 skipped) or "import-cancelled"
 * and closes itself when the import ends. */
PalierImportDialog     *palier_import_dialog_new             (GtkWindow          *parent,
                                                              PalierWorkspace    *workspace,
                                                              const char         *path);

/* The plan as the dialog's settings make it, or NULL while the file is
 * read. */
PalierImportPlan       *palier_import_dialog_get_plan        (PalierImportDialog *self);

PalierColumnMappingRow *palier_import_dialog_get_mapping_row (PalierImportDialog *self,
                                                              PalierField         field);

/* Whether a dry run of the current settings is still reading the file. */
gboolean                palier_import_dialog_is_checking     (PalierImportDialog *self);

/* The message that reports a finished import: "Imported 9,994 rows", in
 * the locale's numbers. */
char                   *palier_import_dialog_format_result   (guint64             rows,
                                                              guint64             skipped);

G_END_DECLS
