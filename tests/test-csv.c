/* test-csv.c: the streaming CSV reader on small files of each form */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

/* Bytes the reader reads at a time (CHUNK_SIZE in palier-csv.c): the
 * boundary tests place tricky bytes around multiples of it. */
#define READER_CHUNK (256 * 1024)

typedef struct {
  GPtrArray *records;               /* GStrv */
  GArray    *lines;                 /* guint64 */
} Records;

static void
records_free (Records *records)
{
  g_ptr_array_unref (records->records);
  g_array_unref (records->lines);
  g_free (records);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Records, records_free)

/* Reads every record of @path, including the header. */
static Records *
read_records (const char              *path,
              const PalierCsvDialect  *dialect,
              PalierCsvReader        **out_reader,
              GError                 **error)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = g_new0 (Records, 1);
  PalierCsvRecord record;

  records->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  records->lines = g_array_new (FALSE, FALSE, sizeof (guint64));

  reader = palier_csv_reader_new_for_path (path, dialect, error);
  if (reader == NULL)
    return NULL;

  while (palier_csv_reader_next (reader, &record, error))
    {
      char **copy = g_new0 (char *, record.n_fields + 1);

      for (guint i = 0; i < record.n_fields; i++)
        {
          g_assert_cmpuint (strlen (record.fields[i]), ==, record.lengths[i]);
          copy[i] = g_strdup (record.fields[i]);
        }
      g_ptr_array_add (records->records, copy);
      g_array_append_val (records->lines, record.line);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  if (out_reader != NULL)
    *out_reader = g_steal_pointer (&reader);
  return g_steal_pointer (&records);
}

static Records *
read_data_file (const char             *name,
                const PalierCsvDialect *dialect,
                PalierCsvReader       **out_reader)
{
  g_autofree char *path = palier_test_data_path (name);
  g_autoptr(GError) error = NULL;
  Records *records = read_records (path, dialect, out_reader, &error);

  g_assert_no_error (error);
  return records;
}

/* Writes @len bytes to a new temporary file and returns its path. */
static char *
write_temp_file (const char *name,
                 const char *bytes,
                 gsize       len)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_record (Records    *records,
               guint       index,
               guint64     line,
               const char *const *expected)
{
  char **fields;

  g_assert_cmpuint (index, <, records->records->len);
  fields = g_ptr_array_index (records->records, index);
  g_assert_cmpstrv (fields, expected);
  g_assert_cmpuint (g_array_index (records->lines, guint64, index), ==, line);
}

static void
test_quoted (void)
{
  g_autoptr(Records) records = read_data_file ("csv/quoted.csv", NULL, NULL);

  g_assert_cmpuint (records->records->len, ==, 4);
  assert_record (records, 1, 2,
                 (const char *[]) { "Smith, John", "He said \"hello\"", "12", NULL });
  assert_record (records, 2, 3,
                 (const char *[]) { "Multi", "first line\nsecond line", "3", NULL });
  assert_record (records, 3, 5, (const char *[]) { "plain", "", "0", NULL });
}

static void
test_semicolon (void)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/semicolon.csv", NULL, &reader);

  g_assert_cmpint (palier_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_false (palier_csv_reader_had_sep_line (reader));
  assert_record (records, 1, 2, (const char *[]) { "2017-01-03", "P1", "12,5", NULL });
}

static void
test_tab (void)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/tab.tsv", NULL, &reader);

  g_assert_cmpint (palier_csv_reader_get_delimiter (reader), ==, '\t');
  assert_record (records, 1, 2, (const char *[]) { "2017-01-03", "P1", "12.5", NULL });
}

static void
test_sep_line (void)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/sep-line.csv", NULL, &reader);

  g_assert_true (palier_csv_reader_had_sep_line (reader));
  g_assert_cmpint (palier_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpuint (records->records->len, ==, 2);
  assert_record (records, 0, 2, (const char *[]) { "date", "partner,code", "amount", NULL });
  assert_record (records, 1, 3, (const char *[]) { "2017-01-03", "P1,x", "12,5", NULL });
}

static void
test_forced_delimiter (void)
{
  PalierCsvDialect dialect = { PALIER_ENCODING_AUTO, ';' };
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/tab.tsv", &dialect, &reader);

  g_assert_cmpint (palier_csv_reader_get_delimiter (reader), ==, ';');
  assert_record (records, 1, 2, (const char *[]) { "2017-01-03\tP1\t12.5", NULL });
}

static void
test_bom_utf8 (void)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/bom-utf8.csv", NULL, &reader);

  g_assert_true (palier_csv_reader_had_bom (reader));
  g_assert_cmpint (palier_csv_reader_get_encoding (reader), ==, PALIER_ENCODING_UTF8);
  assert_record (records, 0, 1, (const char *[]) { "date", "partner", "amount", NULL });
  assert_record (records, 1, 2, (const char *[]) { "2017-01-03", "Café", "12.5", NULL });
}

/* Writes @utf8 as UTF-16 in @charset with a byte order mark first. */
static char *
write_utf16_file (const char *name,
                  const char *utf8,
                  const char *charset,
                  gboolean    little_endian)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);
  g_autofree char *bytes = g_malloc (len + 2);

  g_assert_no_error (error);
  bytes[0] = little_endian ? '\xff' : '\xfe';
  bytes[1] = little_endian ? '\xfe' : '\xff';
  memcpy (bytes + 2, converted, len);
  return write_temp_file (name, bytes, len + 2);
}

static void
check_utf16 (gboolean little_endian)
{
  const char *text = "date,partner,amount\r\n2017-01-03,Café,€ 12\r\n2017-01-04,\"A, B\",3\r\n";
  g_autofree char *path = write_utf16_file ("utf16.csv", text,
                                            little_endian ? "UTF-16LE" : "UTF-16BE",
                                            little_endian);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_records (path, NULL, &reader, &error);

  g_assert_no_error (error);
  g_assert_true (palier_csv_reader_had_bom (reader));
  g_assert_cmpint (palier_csv_reader_get_encoding (reader), ==,
                   little_endian ? PALIER_ENCODING_UTF16LE : PALIER_ENCODING_UTF16BE);
  g_assert_cmpuint (records->records->len, ==, 3);
  assert_record (records, 0, 1, (const char *[]) { "date", "partner", "amount", NULL });
  assert_record (records, 1, 2, (const char *[]) { "2017-01-03", "Café", "€ 12", NULL });
  assert_record (records, 2, 3, (const char *[]) { "2017-01-04", "A, B", "3", NULL });
}

static void
test_utf16le (void)
{
  check_utf16 (TRUE);
}

static void
test_utf16be (void)
{
  check_utf16 (FALSE);
}

static void
test_windows_1252 (void)
{
  static const char bytes[] = "partner,amount\r\nCaf\xe9,\x80 12\r\n";
  g_autofree char *path = write_temp_file ("cp1252.csv", bytes, sizeof bytes - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_records (path, NULL, &reader, &error);

  g_assert_no_error (error);
  g_assert_cmpint (palier_csv_reader_get_encoding (reader), ==, PALIER_ENCODING_WINDOWS_1252);
  g_assert_false (palier_csv_reader_had_bom (reader));
  assert_record (records, 1, 2, (const char *[]) { "Café", "€ 12", NULL });
}

static void
test_forced_windows_1252 (void)
{
  static const char bytes[] = "partner\nCaf\xc3\xa9\n";
  g_autofree char *path = write_temp_file ("forced.csv", bytes, sizeof bytes - 1);
  PalierCsvDialect dialect = { PALIER_ENCODING_WINDOWS_1252, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, &dialect, NULL, &error);

  g_assert_no_error (error);
  assert_record (records, 1, 2, (const char *[]) { "CafÃ©", NULL });
}

static void
test_windows_1252_undefined_byte (void)
{
  static const char bytes[] = "partner\nCaf\xe9\nbad \x81 byte\n";
  g_autofree char *path = write_temp_file ("undefined.csv", bytes, sizeof bytes - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_null (records);
  g_assert_nonnull (strstr (error->message, "undefined.csv:3:"));
}

/* A UTF-8 file with one Windows-1252 byte fails on that byte's line
 * instead of turning its UTF-8 letters into "Ã©". */
static void
test_mixed_utf8_windows_1252 (void)
{
  static const char bytes[] = "partner,name\nP1,V\xc3\xa9lo\nP2,Caf\xe9\n";
  g_autofree char *path = write_temp_file ("mixed.csv", bytes, sizeof bytes - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_null (records);
  g_assert_nonnull (strstr (error->message, "mixed.csv:3:"));
  g_assert_nonnull (strstr (error->message, "set its encoding"));
}

/* Valid UTF-8 beyond the first 64 KiB decides the encoding; a bad byte
 * after that is an error naming its line. */
static void
test_invalid_utf8_later (void)
{
  g_autoptr(GString) text = g_string_new ("partner,amount\n");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = NULL;
  guint line = 1;

  while (text->len < 300 * 1024)
    {
      g_string_append (text, "Café,12\n");
      line++;
    }
  g_string_append (text, "Caf\xe9,13\n");
  line++;
  path = write_temp_file ("late.csv", text->str, text->len);

  records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  expected = g_strdup_printf ("late.csv:%u:", line);
  g_assert_nonnull (strstr (error->message, expected));
}

/* Reads @path until the reader fails, and returns the error. */
static GError *
read_until_error (const char             *path,
                  const PalierCsvDialect *dialect,
                  PalierEncoding         *out_encoding)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  GError *error = NULL;
  PalierCsvRecord record;

  reader = palier_csv_reader_new_for_path (path, dialect, &error);
  g_assert_no_error (error);
  *out_encoding = palier_csv_reader_get_encoding (reader);
  while (palier_csv_reader_next (reader, &record, &error))
    ;
  return error;
}

/* A UTF-8 file with one bad byte among many accented letters inside the
 * sniffed sample stays UTF-8, and the bad byte is an error at its line. */
static void
test_invalid_utf8_in_sample (void)
{
  g_autoptr(GString) text = g_string_new ("partner,amount\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  PalierEncoding encoding = PALIER_ENCODING_AUTO;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "Zürich Händler,12\n");
  g_string_append (text, "Caf\xe9,13\n");
  for (guint i = 0; i < 400; i++)
    g_string_append (text, "Zürich Händler,12\n");
  path = write_temp_file ("bad-byte.csv", text->str, text->len);

  error = read_until_error (path, NULL, &encoding);

  g_assert_cmpint (encoding, ==, PALIER_ENCODING_UTF8);
  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "bad-byte.csv:402:"));
  g_assert_nonnull (strstr (error->message, "set its encoding"));
}

/* A real Windows-1252 export, accents and euro signs included, has no
 * valid UTF-8 multibyte character, so it is read as Windows-1252. */
static void
test_windows_1252_file (void)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/windows-1252.csv", NULL, &reader);

  g_assert_cmpint (palier_csv_reader_get_encoding (reader), ==, PALIER_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (records->records->len, ==, 9);
  assert_record (records, 1, 2, (const char *[]) {
    "2023-01-05", "Société Générale Équipements", "Île-de-France", "1 250,00 €", NULL });
  assert_record (records, 7, 8, (const char *[]) {
    "2023-01-16", "François « Le Grand » Négoce", "Hauts-de-France", "640,00 €", NULL });
  assert_record (records, 8, 9, (const char *[]) {
    "2023-01-17", "São Paulo Comércio – Ltda", "Grand Est", "12,40 €", NULL });
}

/* In this Windows-1252 text "É™" happens to be a valid UTF-8 character,
 * so the file is read as UTF-8 and the first other accent is an error at
 * its line.  Naming the encoding then reads the file. */
static void
test_windows_1252_with_utf8_pair (void)
{
  static const char bytes[] = "partner,amount\nSoci\xe9t\xe9,12\nCAF\xc9\x99,13\n";
  g_autofree char *path = write_temp_file ("pair.csv", bytes, sizeof bytes - 1);
  PalierCsvDialect dialect = { PALIER_ENCODING_WINDOWS_1252, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = NULL;
  PalierEncoding encoding = PALIER_ENCODING_AUTO;

  error = read_until_error (path, NULL, &encoding);

  g_assert_cmpint (encoding, ==, PALIER_ENCODING_UTF8);
  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "pair.csv:2:"));

  g_clear_error (&error);
  records = read_records (path, &dialect, NULL, &error);
  g_assert_no_error (error);
  assert_record (records, 2, 3, (const char *[]) { "CAFÉ™", "13", NULL });
}

static void
test_truncated_utf8_at_end (void)
{
  g_autoptr(GString) text = g_string_new ("partner\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = NULL;

  /* Long enough that the first 64 KiB decide UTF-8. */
  while (text->len < 70 * 1024)
    g_string_append (text, "Café\n");
  g_string_append (text, "Caf\xc3");
  path = write_temp_file ("cut.csv", text->str, text->len);

  records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
}

static void
test_nul_byte (void)
{
  static const char bytes[] = "a,b\n1,2\n3,\0\n";
  g_autofree char *path = write_temp_file ("nul.csv", bytes, sizeof bytes - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "nul.csv:3:"));
  g_assert_nonnull (strstr (error->message, "set its encoding to UTF-16LE or UTF-16BE"));
  g_assert_null (strstr (error->message, "--encoding"));
}

static void
test_mixed_endings (void)
{
  g_autoptr(Records) records = read_data_file ("csv/mixed-endings.csv", NULL, NULL);

  g_assert_cmpuint (records->records->len, ==, 5);
  assert_record (records, 0, 1, (const char *[]) { "a", "b", NULL });
  assert_record (records, 1, 2, (const char *[]) { "1", "2", NULL });
  assert_record (records, 2, 3, (const char *[]) { "3", "4", NULL });
  assert_record (records, 3, 4, (const char *[]) { "5", "6", NULL });
  assert_record (records, 4, 5, (const char *[]) { "7", "8", NULL });
}

static void
test_no_final_newline (void)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = read_data_file ("csv/no-final-newline.csv", NULL, &reader);

  g_assert_cmpuint (records->records->len, ==, 3);
  assert_record (records, 2, 3, (const char *[]) { "3", "4", NULL });
  g_assert_cmpuint (palier_csv_reader_get_position (reader), ==,
                    palier_csv_reader_get_size (reader));
}

static void
test_blank_lines (void)
{
  g_autoptr(Records) records = read_data_file ("csv/blank-lines.csv", NULL, NULL);

  g_assert_cmpuint (records->records->len, ==, 3);
  assert_record (records, 1, 3, (const char *[]) { "1", "2", NULL });
  assert_record (records, 2, 6, (const char *[]) { "3", "4", NULL });
}

static void
test_trailing_delimiter (void)
{
  static const char bytes[] = "a,b,\n1,2,";
  g_autofree char *path = write_temp_file ("trailing.csv", bytes, sizeof bytes - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_no_error (error);
  assert_record (records, 0, 1, (const char *[]) { "a", "b", "", NULL });
  assert_record (records, 1, 2, (const char *[]) { "1", "2", "", NULL });
}

static void
test_unterminated_quote (void)
{
  g_autofree char *path = palier_test_data_path ("csv/unterminated.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "unterminated.csv:2:"));
}

static void
test_text_after_quote (void)
{
  g_autofree char *path = palier_test_data_path ("csv/after-quote.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "after-quote.csv:3:"));
}

static void
test_stray_quote_kept (void)
{
  g_autoptr(Records) records = read_data_file ("csv/stray-quote.csv", NULL, NULL);

  assert_record (records, 1, 2, (const char *[]) { "12\" pipe", "3", NULL });
}

static void
test_empty_file (void)
{
  g_autofree char *path = palier_test_data_path ("csv/empty.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->records->len, ==, 0);
}

static void
test_missing_file (void)
{
  g_autofree char *path = palier_test_data_path ("csv/no-such-file.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierCsvReader) reader = palier_csv_reader_new_for_path (path, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO);
  g_assert_null (reader);
  g_assert_nonnull (strstr (error->message, "no-such-file.csv"));
}

/* Open errors name the path as given and the reason in plain words,
 * without GIO's "Error opening file" text. */
static void
test_open_error_messages (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "nosuch.csv", NULL);
  g_autofree char *file = g_build_filename (dir, "sales.csv", NULL);
  g_autofree char *under_file = g_build_filename (file, "x.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  PalierCsvReader *reader;

  reader = palier_csv_reader_new_for_path (missing, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO);
  expected = g_strdup_printf ("%s: file not found; check the path", missing);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  reader = palier_csv_reader_new_for_path (dir, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_assert_null (strstr (error->message, "Error opening"));
  g_clear_error (&error);

  g_file_set_contents (file, "a,b\n", -1, &error);
  g_assert_no_error (error);
  reader = palier_csv_reader_new_for_path (under_file, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, under_file));
  g_assert_nonnull (strstr (error->message, "check the path"));
}

static void
test_record_too_long (void)
{
  gsize field_len = 17 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (field_len + 64);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = NULL;

  g_string_append (text, "a,b\n1,2\n\"");
  for (gsize i = 0; i < field_len / 64; i++)
    g_string_append (text, "0123456789012345678901234567890123456789012345678901234567890123");
  g_string_append (text, "\",3\n");
  path = write_temp_file ("long.csv", text->str, text->len);

  records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "long.csv:3:"));
  g_assert_nonnull (strstr (error->message, "quote that is never closed"));
}

/* A huge line with no quote gets no hint about an unclosed quote. */
static void
test_line_too_long_unquoted (void)
{
  gsize line_len = 17 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (line_len + 64);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Records) records = NULL;

  g_string_append (text, "a,b\n1,2\n");
  for (gsize i = 0; i < line_len / 64; i++)
    g_string_append (text, "0123456789012345678901234567890123456789012345678901234567890123");
  g_string_append (text, ",3\n");
  path = write_temp_file ("wide.csv", text->str, text->len);

  records = read_records (path, NULL, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "wide.csv:3: line longer than 16 MiB"));
  g_assert_nonnull (strstr (error->message, "not a CSV export"));
  g_assert_null (strstr (error->message, "quote"));
}

/* Places @tail so that its byte @mark falls @shift bytes before a chunk
 * boundary, after a header line "h" and a filler line. */
static char *
write_straddling_file (const char *tail,
                       gsize       mark,
                       gsize       shift)
{
  g_autoptr(GString) text = g_string_new ("h\n");
  gsize filler = READER_CHUNK - shift - mark - text->len - 1;

  for (gsize i = 0; i < filler; i++)
    g_string_append_c (text, 'x');
  g_string_append_c (text, '\n');
  g_assert_cmpuint (text->len + mark, ==, READER_CHUNK - shift);
  g_string_append (text, tail);
  return write_temp_file ("straddle.csv", text->str, text->len);
}

static void
test_chunk_boundaries (void)
{
  static const struct {
    const char *tail;
    gsize       mark;
    const char *expected[3];
    guint64     line;               /* line of the second record of the tail */
  } cases[] = {
    /* CRLF between records */
    { "a\r\nb\n", 1, { "a", "b" }, 4 },
    /* a two-byte and a three-byte character */
    { "é€\nb\n", 1, { "é€", "b" }, 4 },
    { "é€\nb\n", 2, { "é€", "b" }, 4 },
    { "é€\nb\n", 3, { "é€", "b" }, 4 },
    /* a doubled quote and a CRLF inside quotes */
    { "\"q\"\"q\"\n\"x\r\ny\"\n", 2, { "q\"q", "x\r\ny" }, 4 },
    { "\"q\"\"q\"\n\"x\r\ny\"\nz\n", 10, { "q\"q", "x\r\ny" }, 4 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (gsize shift = 0; shift < 4; shift++)
      {
        g_autofree char *path = write_straddling_file (cases[c].tail, cases[c].mark, shift);
        g_autoptr(GError) error = NULL;
        g_autoptr(Records) records = read_records (path, NULL, NULL, &error);

        g_assert_no_error (error);
        assert_record (records, 2, 3, (const char *[]) { cases[c].expected[0], NULL });
        assert_record (records, 3, cases[c].line,
                       (const char *[]) { cases[c].expected[1], NULL });
      }
}

/* A UTF-16 surrogate pair split by the end of a read. */
static void
test_utf16_split_surrogate (void)
{
  for (gsize shift = 0; shift < 2; shift++)
    {
      g_autoptr(GString) text = g_string_new ("h\n");
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(Records) records = NULL;

      /* Two bytes per unit after the two-byte mark: the emoji's first
       * unit starts at byte READER_CHUNK - 2 - 2 * shift. */
      while (2 + 2 * (text->len + 1) < READER_CHUNK - 2 - 2 * shift)
        g_string_append_c (text, 'x');
      g_string_append (text, "\n😀\n");
      path = write_utf16_file ("emoji.csv", text->str, "UTF-16LE", TRUE);

      records = read_records (path, NULL, NULL, &error);

      g_assert_no_error (error);
      assert_record (records, 2, 3, (const char *[]) { "😀", NULL });
    }
}

static void
test_encoding_names (void)
{
  PalierEncoding encoding = PALIER_ENCODING_AUTO;

  g_assert_cmpstr (palier_encoding_to_string (PALIER_ENCODING_WINDOWS_1252), ==, "windows-1252");
  g_assert_true (palier_encoding_from_string ("UTF-16LE", &encoding));
  g_assert_cmpint (encoding, ==, PALIER_ENCODING_UTF16LE);
  g_assert_true (palier_encoding_from_string ("cp1252", &encoding));
  g_assert_cmpint (encoding, ==, PALIER_ENCODING_WINDOWS_1252);
  g_assert_true (palier_encoding_from_string ("utf8", &encoding));
  g_assert_cmpint (encoding, ==, PALIER_ENCODING_UTF8);
  g_assert_false (palier_encoding_from_string ("ebcdic", &encoding));
}

/* The shared real files, record by record. */
static void
check_real_file (const char *relative,
                 guint       expected_records,
                 guint       expected_fields,
                 PalierEncoding expected_encoding)
{
  g_autofree char *path = palier_test_shared_path (relative);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierCsvReader) reader = NULL;
  g_autoptr(Records) records = NULL;

  if (path == NULL)
    {
      g_test_skip ("the shared real datasets are absent");
      return;
    }

  records = read_records (path, NULL, &reader, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->records->len, ==, expected_records);
  g_assert_cmpint (palier_csv_reader_get_encoding (reader), ==, expected_encoding);
  for (guint i = 0; i < records->records->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (records->records, i)), ==,
                      expected_fields);
}

static void
test_real_superstore (void)
{
  check_real_file ("data/real/superstore/superstore.csv", 9995, 21, PALIER_ENCODING_UTF8);
}

static void
test_real_classic_cars (void)
{
  check_real_file ("data/real/classic-cars/sales_data_sample.csv", 2824, 25,
                   PALIER_ENCODING_UTF8);
}

static void
test_real_utf16 (void)
{
  check_real_file ("data/real/adventureworks-resellers/pl300/ResellerSales_202006.csv",
                   3005, 14, PALIER_ENCODING_UTF16LE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/csv/reader/quoted", test_quoted);
  g_test_add_func ("/csv/reader/semicolon", test_semicolon);
  g_test_add_func ("/csv/reader/tab", test_tab);
  g_test_add_func ("/csv/reader/sep-line", test_sep_line);
  g_test_add_func ("/csv/reader/forced-delimiter", test_forced_delimiter);
  g_test_add_func ("/csv/reader/bom-utf8", test_bom_utf8);
  g_test_add_func ("/csv/reader/utf16le", test_utf16le);
  g_test_add_func ("/csv/reader/utf16be", test_utf16be);
  g_test_add_func ("/csv/reader/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/reader/forced-windows-1252", test_forced_windows_1252);
  g_test_add_func ("/csv/reader/windows-1252-undefined", test_windows_1252_undefined_byte);
  g_test_add_func ("/csv/reader/mixed-utf8-windows-1252", test_mixed_utf8_windows_1252);
  g_test_add_func ("/csv/reader/invalid-utf8-later", test_invalid_utf8_later);
  g_test_add_func ("/csv/reader/invalid-utf8-in-sample", test_invalid_utf8_in_sample);
  g_test_add_func ("/csv/reader/windows-1252-file", test_windows_1252_file);
  g_test_add_func ("/csv/reader/windows-1252-utf8-pair", test_windows_1252_with_utf8_pair);
  g_test_add_func ("/csv/reader/truncated-utf8-at-end", test_truncated_utf8_at_end);
  g_test_add_func ("/csv/reader/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/reader/mixed-endings", test_mixed_endings);
  g_test_add_func ("/csv/reader/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/reader/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/reader/trailing-delimiter", test_trailing_delimiter);
  g_test_add_func ("/csv/reader/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/reader/text-after-quote", test_text_after_quote);
  g_test_add_func ("/csv/reader/stray-quote-kept", test_stray_quote_kept);
  g_test_add_func ("/csv/reader/empty-file", test_empty_file);
  g_test_add_func ("/csv/reader/missing-file", test_missing_file);
  g_test_add_func ("/csv/reader/open-error-messages", test_open_error_messages);
  g_test_add_func ("/csv/reader/record-too-long", test_record_too_long);
  g_test_add_func ("/csv/reader/line-too-long-unquoted", test_line_too_long_unquoted);
  g_test_add_func ("/csv/reader/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/csv/reader/utf16-split-surrogate", test_utf16_split_surrogate);
  g_test_add_func ("/csv/encoding/names", test_encoding_names);
  g_test_add_func ("/csv/real/superstore", test_real_superstore);
  g_test_add_func ("/csv/real/classic-cars", test_real_classic_cars);
  g_test_add_func ("/csv/real/utf16", test_real_utf16);

  return g_test_run ();
}
