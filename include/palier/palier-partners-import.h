/* palier-partners-import.h: reading a partners file
 *
 * A partners file lists partners with their attributes: id, name,
 * segment, region and start date.  Its columns are guessed from common
 * headers unless given, and it is read with the same CSV reader, header
 * matching and date parsing as a sales file.  The workspace store keeps
 * what it reads with palier_store_import_partners(), and a segment or
 * region read this way wins over those of sales rows.
 */
#pragma once

#include <glib.h>
#include "palier-csv.h"
#include "palier-file-check.h"
#include "palier-number.h"

G_BEGIN_DECLS

typedef enum {
  PALIER_PARTNERS_FIELD_PARTNER,
  PALIER_PARTNERS_FIELD_NAME,
  PALIER_PARTNERS_FIELD_SEGMENT,
  PALIER_PARTNERS_FIELD_REGION,
  PALIER_PARTNERS_FIELD_START,
  PALIER_PARTNERS_N_FIELDS,
} PalierPartnersField;

/* "partner", "name", "segment", "region", "start" as used by --map. */
const char *palier_partners_field_to_string   (PalierPartnersField  field);
gboolean    palier_partners_field_from_string (const char          *text,
                                               PalierPartnersField *out);

typedef struct {
  PalierCsvDialect  dialect;
  char             *columns[PALIER_PARTNERS_N_FIELDS]; /* header names; NULL: guess;
                                                      * "": no column */
  PalierDateOrder   date_order;                        /* AUTO: decide from values */
} PalierPartnersOptions;

void palier_partners_options_init  (PalierPartnersOptions *options);
void palier_partners_options_clear (PalierPartnersOptions *options);

/* Reads the partners file at @path into PalierPartner structures (id 0;
 * name, segment and region NULL for an empty cell or an unmapped field;
 * start PALIER_DATE_NONE likewise), in file order, one per partner: a
 * later row of a partner with the same values is dropped.  Fails with
 * PALIER_IMPORT_ERROR_MAPPING when a requested column does not exist or
 * no column holds the partner id, and with PALIER_IMPORT_ERROR_VALUE,
 * naming the file, line, column and value, on an empty partner id, an
 * unreadable start date, a row with too many fields, or a later row of
 * a partner with another name, segment, region or start date. */
GPtrArray  *palier_partners_read (const char                  *path,
                                  const PalierPartnersOptions *options,
                                  GError                     **error);

/* Reads the partners file at @path as palier_partners_read() does, but
 * leaves out each invalid row and records it in the check's problems, in
 * line order, instead of failing.  Of two rows of a partner with
 * different values, the later line is the invalid one.  A partner id
 * without a column is not an error here: the check then has no records.
 * Fails when the file cannot be read or a requested column does not
 * exist.  The records are PalierPartner structures. */
PalierFileCheck *palier_partners_check (const char                  *path,
                                        const PalierPartnersOptions *options,
                                        GError                     **error);

G_END_DECLS
