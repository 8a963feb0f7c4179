/* palier-column-mapping-row.h: which column of a file feeds one field */
#pragma once

#include <adwaita.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_COLUMN_MAPPING_ROW (palier_column_mapping_row_get_type ())

G_DECLARE_FINAL_TYPE (PalierColumnMappingRow, palier_column_mapping_row, PALIER, COLUMN_MAPPING_ROW, AdwActionRow)

GtkWidget   *palier_column_mapping_row_new            (PalierField             field);

/* A row for field @field of a partners or quotas file, titled @label.
 * get_field() returns @field as given. */
GtkWidget   *palier_column_mapping_row_new_labelled   (guint                   field,
                                                       const char             *label,
                                                       gboolean                required);

PalierField  palier_column_mapping_row_get_field      (PalierColumnMappingRow *self);

/* Sets the drop-down's @choices: "Not used", then the file's headers in
 * order. */
void         palier_column_mapping_row_set_headers    (PalierColumnMappingRow *self,
                                                       GListModel             *choices);

/* The column index chosen, or -1 for "Not used". */
int          palier_column_mapping_row_get_column     (PalierColumnMappingRow *self);
void         palier_column_mapping_row_set_column     (PalierColumnMappingRow *self,
                                                       int                     column);

GtkDropDown *palier_column_mapping_row_get_drop_down  (PalierColumnMappingRow *self);

/* The field's name as the dialog shows it ("Date", "Partner"). */
const char  *palier_field_get_label                   (PalierField             field);

G_END_DECLS
