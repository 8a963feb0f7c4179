/* fuzz-csv.c: the streaming CSV reader on any file
 *
 * The input is written to a file and read twice: once with everything
 * detected, once with an encoding and delimiter forced, chosen by the last
 * byte so that the fuzzer can steer it.  Every record must hold valid
 * UTF-8 fields of the stated lengths, lines must not go back, and the
 * reader must end in a bounded number of steps.
 */

#define G_LOG_DOMAIN "Palier"

#include <string.h>

#include "palier-csv.h"

#include "fuzz-common.h"

static const PalierEncoding encodings[] = {
  PALIER_ENCODING_UTF8,
  PALIER_ENCODING_WINDOWS_1252,
  PALIER_ENCODING_UTF16LE,
  PALIER_ENCODING_UTF16BE,
};

static const char delimiters[] = { ',', ';', '\t', 0 };

static void
check_record (const PalierCsvRecord *record,
              guint64                previous_line)
{
  fuzz_assert (record->n_fields >= 1);
  fuzz_assert (record->fields != NULL && record->lengths != NULL);
  fuzz_assert (record->line >= 1 && record->line > previous_line);

  for (guint i = 0; i < record->n_fields; i++)
    {
      const char *field = record->fields[i];
      gsize length = record->lengths[i];

      fuzz_assert (field != NULL);
      fuzz_assert (field[length] == '\0');
      if (!g_utf8_validate (field, length, NULL))
        fuzz_fail ("field %u of the record at line %" G_GUINT64_FORMAT " is not valid UTF-8",
                   i + 1, record->line);
    }
}

static void
read_all (const char             *path,
          gsize                   size,
          const PalierCsvDialect *dialect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierCsvReader) reader = NULL;
  PalierCsvRecord record = { 0, };
  guint64 previous_line = 0;
  guint64 previous_position = 0;
  guint64 n_records = 0;
  char delimiter;

  reader = palier_csv_reader_new_for_path (path, dialect, &error);
  if (reader == NULL)
    {
      fuzz_check_error (error, PALIER_CSV_ERROR);
      return;
    }

  /* What was forced stays as it was; what was detected is concrete. */
  delimiter = palier_csv_reader_get_delimiter (reader);
  fuzz_assert (palier_csv_reader_get_encoding (reader) != PALIER_ENCODING_AUTO);
  fuzz_assert (delimiter != 0);
  if (dialect->encoding != PALIER_ENCODING_AUTO)
    fuzz_assert (palier_csv_reader_get_encoding (reader) == dialect->encoding);
  if (dialect->delimiter != 0)
    fuzz_assert (delimiter == dialect->delimiter);
  fuzz_assert (palier_csv_reader_get_size (reader) == size);
  fuzz_assert (strcmp (palier_csv_reader_get_path (reader), path) == 0);

  while (palier_csv_reader_next (reader, &record, &error))
    {
      guint64 position = palier_csv_reader_get_position (reader);

      check_record (&record, previous_line);
      previous_line = record.line;

      fuzz_assert (position >= previous_position && position <= size);
      previous_position = position;

      /* Each record takes at least one byte, a BOM and a "sep=" line
       * aside. */
      if (++n_records > size + 1)
        fuzz_fail ("the reader returned more records than the file has bytes");
    }

  if (error != NULL)
    fuzz_check_error (error, PALIER_CSV_ERROR);

  /* At the end the reader stays at the end. */
  if (error == NULL)
    {
      g_autoptr(GError) again_error = NULL;

      fuzz_assert (!palier_csv_reader_next (reader, &record, &again_error));
      fuzz_assert (again_error == NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  PalierCsvDialect detected = { PALIER_ENCODING_AUTO, 0 };
  PalierCsvDialect forced;
  const char *path;
  guint choice;

  fuzz_init ();
  path = fuzz_write_temp ("fuzz.csv", data, size);

  read_all (path, size, &detected);

  choice = size > 0 ? data[size - 1] : 0;
  forced.encoding = encodings[choice % G_N_ELEMENTS (encodings)];
  forced.delimiter = delimiters[(choice / G_N_ELEMENTS (encodings)) % G_N_ELEMENTS (delimiters)];
  read_all (path, size, &forced);

  return 0;
}
