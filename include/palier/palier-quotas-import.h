/* palier-quotas-import.h: per-partner quotas from a quotas file
 *
 * A quotas file gives one quota per partner and period label ("2017-Q1",
 * "2017-03", "FY2018-H1").  Each label is resolved to its first and last
 * day when the file is read, so that the simulation can match quotas to
 * the program's periods by date.  The file is read with the same CSV
 * reader, header matching and number parsing as a sales file.  The
 * workspace keeps the quotas with palier_store_import_quotas().
 */
#pragma once

#include <glib.h>
#include "palier-csv.h"
#include "palier-file-check.h"
#include "palier-number.h"
#include "palier-store.h"

G_BEGIN_DECLS

typedef enum {
  PALIER_QUOTAS_FIELD_PARTNER,
  PALIER_QUOTAS_FIELD_PERIOD,
  PALIER_QUOTAS_FIELD_QUOTA,
  PALIER_QUOTAS_N_FIELDS,
} PalierQuotasField;

/* "partner", "period", "quota" as used by --map. */
const char *palier_quotas_field_to_string   (PalierQuotasField  field);
gboolean    palier_quotas_field_from_string (const char        *text,
                                             PalierQuotasField *out);

typedef struct {
  PalierCsvDialect   dialect;
  char              *columns[PALIER_QUOTAS_N_FIELDS]; /* header names; NULL: guess;
                                                      * "": no column */
  PalierDecimalMark  decimal_mark;                    /* AUTO: decide from values */
  int                fiscal_year_start;               /* month 2..12 that "FY" labels
                                                       * use; 0 or 1: they are rejected */
} PalierQuotasOptions;

void palier_quotas_options_init  (PalierQuotasOptions *options);
void palier_quotas_options_clear (PalierQuotasOptions *options);

/* One partner's quota for the days of one period. */
typedef struct {
  char           *partner;              /* partner code */
  char           *label;                /* the period label as written */
  PalierDate      first;
  PalierDate      last;
  PalierDecimal   quota;                /* greater than zero */
  guint64         line;                 /* line in the file; 0 from a workspace */
} PalierQuota;

void        palier_quota_free           (PalierQuota *quota);

/* Resolves a period label to its first and last day: "2017-03" (a
 * month), "2017-Q1", "2017-H1" and "2017" (calendar quarter, half and
 * year), and "FY2018-Q1", "FY2018-H1" and "FY2018" (fiscal periods of
 * the fiscal year that ends in 2018 and starts on the first day of
 * month @fiscal_year_start).  Letters may be lower case.  Fails with
 * PALIER_IMPORT_ERROR_VALUE on any other label, and on a fiscal label
 * when @fiscal_year_start is not between 2 and 12. */
gboolean    palier_quota_parse_period   (const char   *label,
                                         int           fiscal_year_start,
                                         PalierDate   *out_first,
                                         PalierDate   *out_last,
                                         GError      **error);

/* Reads the quotas file at @path into PalierQuota structures, in file
 * order.  Fails with PALIER_IMPORT_ERROR_MAPPING when a requested column
 * does not exist or no column holds the partner, period or quota, and
 * with PALIER_IMPORT_ERROR_VALUE, naming the file, line, column and
 * value, on an empty partner, an unknown period label, an invalid,
 * zero or negative quota, or two rows of one partner whose periods
 * share a day. */
GPtrArray  *palier_quotas_read          (const char                 *path,
                                         const PalierQuotasOptions  *options,
                                         GError                    **error);

/* Reads the quotas file at @path as palier_quotas_read() does, but
 * leaves out each invalid row and records it in the check's problems, in
 * line order, instead of failing.  Of two rows of one partner whose
 * periods share a day, the later line is the invalid one.  A field
 * without a column is not an error here: the check then has no records.
 * Fails when the file cannot be read or a requested column does not
 * exist.  The records are PalierQuota structures. */
PalierFileCheck *palier_quotas_check        (const char                 *path,
                                             const PalierQuotasOptions  *options,
                                             GError                    **error);

/* Stores @quotas (PalierQuota *) in one transaction.  Partners not yet in
 * the workspace are created.  A quota replaces the stored quotas of the
 * same partner whose periods share a day with its own.  All or
 * nothing. */
gboolean    palier_store_import_quotas  (PalierStore  *store,
                                         GPtrArray    *quotas,
                                         GError      **error);

/* Every stored quota (PalierQuota *, line 0), by partner code, then
 * first day.  Empty for workspaces older than format 5. */
GPtrArray  *palier_store_list_quotas    (PalierStore  *store,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierQuota, palier_quota_free)

G_END_DECLS
