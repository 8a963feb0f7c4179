/* palier-import-dialog.h: maps a CSV file's columns, then imports it
 *
 * The file is a sales, partners or quotas file, each with its own fields
 * and the same steps: preview, mapping, format, the rows that would fail,
 * then a threaded import that can be cancelled.
 */
#pragma once

#include <adwaita.h>

#include "palier-column-mapping-row.h"
#include "palier-workspace.h"

G_BEGIN_DECLS

typedef enum {
  PALIER_IMPORT_KIND_SALES,
  PALIER_IMPORT_KIND_PARTNERS,
  PALIER_IMPORT_KIND_QUOTAS,
} PalierImportKind;

#define PALIER_TYPE_IMPORT_DIALOG (palier_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalierImportDialog, palier_import_dialog, PALIER, IMPORT_DIALOG, AdwWindow)

/* A dialog, modal for @parent, that reads the CSV file at @path and lets
 * the user check how it maps before importing it into @workspace.  It
 * emits "imported" (guint64 rows, guint64 skipped) or "import-cancelled"
 * and closes itself when the import ends. */
PalierImportDialog     *palier_import_dialog_new             (GtkWindow          *parent,
                                                              PalierWorkspace    *workspace,
                                                              const char         *path);

/* The same for a file of @kind: sales, partners or quotas. */
PalierImportDialog     *palier_import_dialog_new_for_kind    (GtkWindow          *parent,
                                                              PalierWorkspace    *workspace,
                                                              const char         *path,
                                                              PalierImportKind    kind);

PalierImportKind        palier_import_dialog_get_kind        (PalierImportDialog *self);

/* The check of a partners or quotas file as the dialog's settings make
 * it, or NULL while the file is read and for sales files. */
PalierFileCheck        *palier_import_dialog_get_file_check  (PalierImportDialog *self);

/* The plan as the dialog's settings make it, or NULL while the file is
 * read and for partners and quotas files. */
PalierImportPlan       *palier_import_dialog_get_plan        (PalierImportDialog *self);

/* The row of @field: a PalierField, PalierPartnersField or
 * PalierQuotasField after the dialog's kind. */
PalierColumnMappingRow *palier_import_dialog_get_mapping_row (PalierImportDialog *self,
                                                              guint               field);

/* Whether a dry run of the current settings is still reading the file. */
gboolean                palier_import_dialog_is_checking     (PalierImportDialog *self);

/* Sets the month the fiscal year of a quotas file starts in, 2 to 12, or
 * 1 for calendar years only, and checks the file again. */
void                    palier_import_dialog_set_fiscal_year_start (PalierImportDialog *self,
                                                                    int                 month);

/* The message that reports a finished import: "Imported 9,994 rows", in
 * the locale's numbers. */
char                   *palier_import_dialog_format_result   (guint64             rows,
                                                              guint64             skipped);

G_END_DECLS
