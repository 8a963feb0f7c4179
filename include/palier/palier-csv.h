/* palier-csv.h: streaming RFC 4180 reader for real-world exports
 *
 * Handles quoted fields with separators, doubled quotes and line breaks;
 * ',', ';' and tab separators (detected, or forced); Excel's "sep=;" first
 * line; UTF-8 with or without BOM, Windows-1252 and UTF-16 with BOM, all
 * converted to UTF-8 as they are read.  Memory stays bounded by the longest
 * record, whatever the file size.
 *
 * Without a BOM, the first 64 KiB decide between UTF-8 and Windows-1252.
 * A quote inside an unquoted field is kept as text (12" pipe), as
 * spreadsheets read it; text after the closing quote of a quoted field is
 * a SYNTAX error.  Records longer than 16 MiB or with more than 65 536
 * fields are TOO_LONG errors.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PALIER_CSV_ERROR (palier_csv_error_quark ())

typedef enum {
  PALIER_CSV_ERROR_IO,
  PALIER_CSV_ERROR_ENCODING,        /* bytes invalid in the detected encoding */
  PALIER_CSV_ERROR_SYNTAX,          /* unterminated quote, stray quote */
  PALIER_CSV_ERROR_TOO_LONG,        /* record longer than the limit */
  PALIER_CSV_ERROR_EMPTY,           /* no header line */
} PalierCsvError;

GQuark palier_csv_error_quark (void);

typedef enum {
  PALIER_ENCODING_AUTO,
  PALIER_ENCODING_UTF8,
  PALIER_ENCODING_WINDOWS_1252,
  PALIER_ENCODING_UTF16LE,
  PALIER_ENCODING_UTF16BE,
} PalierEncoding;

const char *palier_encoding_to_string   (PalierEncoding  encoding);
gboolean    palier_encoding_from_string (const char     *text,
                                         PalierEncoding *out);

typedef struct {
  PalierEncoding encoding;          /* AUTO: BOM, then UTF-8 validity */
  char           delimiter;         /* 0: detect from "sep=" or the header */
} PalierCsvDialect;

typedef struct {
  guint         n_fields;
  char        **fields;             /* UTF-8, NUL-terminated, owned by the reader */
  gsize        *lengths;
  guint64       line;               /* 1-based line where the record starts */
} PalierCsvRecord;

typedef struct _PalierCsvReader PalierCsvReader;

/* Opens @path and detects what @dialect leaves open.  Reading starts at
 * the header record. */
PalierCsvReader *palier_csv_reader_new_for_path (const char             *path,
                                                 const PalierCsvDialect *dialect,
                                                 GError                **error);

/* The dialect in use after detection: encoding, delimiter and whether a
 * BOM or a "sep=" line was seen. */
PalierEncoding   palier_csv_reader_get_encoding  (PalierCsvReader *reader);
char             palier_csv_reader_get_delimiter (PalierCsvReader *reader);
gboolean         palier_csv_reader_had_bom       (PalierCsvReader *reader);
gboolean         palier_csv_reader_had_sep_line  (PalierCsvReader *reader);
const char      *palier_csv_reader_get_path      (PalierCsvReader *reader);

/* Reads the next record into @record, whose fields stay valid until the
 * next call.  Returns FALSE at the end of the file (error unset) or on
 * error (the message names the file and line).  Blank lines are
 * skipped. */
gboolean         palier_csv_reader_next          (PalierCsvReader *reader,
                                                  PalierCsvRecord *record,
                                                  GError         **error);

/* Bytes consumed and total file size, for progress reports. */
guint64          palier_csv_reader_get_position  (PalierCsvReader *reader);
guint64          palier_csv_reader_get_size      (PalierCsvReader *reader);

void             palier_csv_reader_free          (PalierCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierCsvReader, palier_csv_reader_free)

G_END_DECLS
