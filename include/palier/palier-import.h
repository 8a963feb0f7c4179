/* palier-import.h: mapping a sales CSV to Palier's fields and reading it
 *
 * An import plan is built from a file and the user's choices: which column
 * feeds which field (guessed from common English and French headers when
 * not given), the decimal mark of each numeric column and the date order,
 * decided per column from the values.  Running the plan hands every valid
 * row to a sink; the workspace store is one sink, an in-memory run is
 * another.
 */
#pragma once

#include <gio/gio.h>
#include "palier-csv.h"
#include "palier-number.h"

G_BEGIN_DECLS

#define PALIER_IMPORT_ERROR (palier_import_error_quark ())

typedef enum {
  PALIER_IMPORT_ERROR_MAPPING,      /* unknown column, required field unmapped */
  PALIER_IMPORT_ERROR_VALUE,        /* a value that cannot be read */
  PALIER_IMPORT_ERROR_CANCELLED,
} PalierImportError;

GQuark palier_import_error_quark (void);

typedef enum {
  PALIER_FIELD_DATE,
  PALIER_FIELD_PARTNER,
  PALIER_FIELD_AMOUNT,
  PALIER_FIELD_MARGIN,
  PALIER_FIELD_QUANTITY,
  PALIER_FIELD_PRODUCT,
  PALIER_FIELD_CATEGORY,
  PALIER_FIELD_REGION,
  PALIER_FIELD_SEGMENT,
  PALIER_FIELD_DEAL,
  PALIER_N_FIELDS,
} PalierField;

/* "date", "partner", "amount", ... as used by --map, and back. */
const char *palier_field_to_string   (PalierField   field);
gboolean    palier_field_from_string (const char   *text,
                                      PalierField  *out);
gboolean    palier_field_is_required (PalierField   field);

typedef struct {
  PalierCsvDialect   dialect;
  char              *columns[PALIER_N_FIELDS];  /* header names; NULL: guess */
  PalierDateOrder    date_order;                /* AUTO: decide from values */
  PalierDecimalMark  decimal_mark;              /* AUTO: decide per column */
  gboolean           skip_invalid;
  gboolean           allow_unmapped;            /* build the plan even when a
                                                 * required field has no
                                                 * column, for a mapping
                                                 * dialog */
} PalierImportOptions;

void palier_import_options_init  (PalierImportOptions *options);
void palier_import_options_clear (PalierImportOptions *options);

/* A row that was rejected: where, which column, the value, and why.
 * Column and value are NULL when the row as a whole is wrong (a field
 * count that differs from the header's). */
typedef struct {
  guint64  line;
  char    *column;
  char    *value;
  char    *message;                 /* names the file and line, as an error would */
} PalierImportProblem;

void palier_import_problem_free (PalierImportProblem *problem);

/* One valid sales line, as handed to a sink.  Strings are UTF-8, NULL when
 * the field is unmapped or the cell empty, and only valid during the
 * call. */
typedef struct {
  guint64        line;
  PalierDate     date;
  const char    *partner;
  PalierDecimal  amount;
  gboolean       has_margin;
  PalierDecimal  margin;
  gboolean       has_quantity;
  PalierDecimal  quantity;
  const char    *product;
  const char    *category;
  const char    *region;
  const char    *segment;
  const char    *deal;
} PalierSaleRow;

typedef gboolean (*PalierSaleSink)     (const PalierSaleRow *row,
                                        gpointer             user_data,
                                        GError             **error);

typedef void     (*PalierProgressFunc) (guint64              done,
                                        guint64              total,
                                        gpointer             user_data);

typedef struct {
  guint64     rows_read;            /* data rows, blank rows not counted */
  guint64     rows_imported;
  guint64     rows_skipped;
  GPtrArray  *problems;             /* PalierImportProblem *, owned: the
                                     * first 10 000 skipped rows */
} PalierImportReport;

void palier_import_report_init  (PalierImportReport *report);
void palier_import_report_clear (PalierImportReport *report);

typedef struct _PalierImportPlan PalierImportPlan;

/* Opens @path, reads the header and a sample of rows, and resolves the
 * mapping and the value styles.  Fails when a requested column does not
 * exist (the message lists the headers) or, unless the options allow
 * unmapped fields, when a required field (date, partner, amount) has no
 * column. */
PalierImportPlan *palier_import_plan_new          (const char                *path,
                                                   const PalierImportOptions *options,
                                                   GError                   **error);
void              palier_import_plan_free         (PalierImportPlan          *plan);

/* A deep copy, for running a plan in a worker thread while the original
 * stays with the main thread. */
PalierImportPlan *palier_import_plan_copy         (PalierImportPlan          *plan);

const char       *palier_import_plan_get_path     (PalierImportPlan *plan);
guint             palier_import_plan_get_n_columns (PalierImportPlan *plan);
const char       *palier_import_plan_get_header   (PalierImportPlan *plan,
                                                   guint             column);
/* Column index feeding @field, or -1. */
int               palier_import_plan_get_column   (PalierImportPlan *plan,
                                                   PalierField       field);
gboolean          palier_import_plan_set_column   (PalierImportPlan *plan,
                                                   PalierField       field,
                                                   int               column,
                                                   GError          **error);
PalierEncoding    palier_import_plan_get_encoding (PalierImportPlan *plan);
char              palier_import_plan_get_delimiter (PalierImportPlan *plan);
PalierDateOrder   palier_import_plan_get_date_order (PalierImportPlan *plan);
void              palier_import_plan_set_date_order (PalierImportPlan *plan,
                                                     PalierDateOrder   order);
PalierDecimalMark palier_import_plan_get_decimal_mark (PalierImportPlan *plan,
                                                       PalierField       field);
void              palier_import_plan_set_decimal_mark (PalierImportPlan *plan,
                                                       PalierDecimalMark mark);
gboolean          palier_import_plan_get_skip_invalid (PalierImportPlan *plan);
void              palier_import_plan_set_skip_invalid (PalierImportPlan *plan,
                                                       gboolean          skip_invalid);

/* First rows of the file as read (GStrv each), for a preview. */
GPtrArray        *palier_import_plan_get_preview  (PalierImportPlan *plan);

/* Notes about choices made without certainty, such as a date order
 * assumed because every day was 12 or less.  Strings, may be empty. */
GPtrArray        *palier_import_plan_get_notes    (PalierImportPlan *plan);

/* Reads the whole file and hands each valid row to @sink.  A bad value
 * stops the run with an error naming the file, line, column and value,
 * unless the plan skips invalid rows, in which case the row is recorded in
 * @report and the run goes on.  A sink error or a cancellation stops the
 * run.  A plan with a required field left unmapped fails at once with
 * PALIER_IMPORT_ERROR_MAPPING.  Rows whose cells are all empty are
 * skipped silently.  @progress, which may be NULL, is called about every
 * 64 KiB of input and once at the end with done == total; @report may be
 * NULL. */
gboolean          palier_import_plan_run          (PalierImportPlan   *plan,
                                                   PalierSaleSink      sink,
                                                   gpointer            sink_data,
                                                   PalierProgressFunc  progress,
                                                   gpointer            progress_data,
                                                   GCancellable       *cancellable,
                                                   PalierImportReport *report,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierImportPlan, palier_import_plan_free)

G_END_DECLS
