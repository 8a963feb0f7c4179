/* palier-csv.c: streaming CSV reader
 *
 * The file is read in chunks and decoded to UTF-8: UTF-8 input is only
 * validated, other encodings go through iconv.  A state machine that
 * survives chunk boundaries then splits the text into records, copying
 * each field into one reusable buffer, so memory stays bounded by the
 * longest record whatever the file size.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-csv.h"

/* Bytes read from the file at a time.  Large enough that the cost of
 * each read vanishes, small enough that a chunk stays in the CPU cache
 * between the UTF-8 check and the parse. */
#define CHUNK_SIZE (256 * 1024)

/* Bytes examined to choose between UTF-8 and Windows-1252 when the file
 * has no byte order mark. */
#define SNIFF_SIZE (64 * 1024)

/* Maximum record length, in UTF-8 bytes.  A sales line takes a few
 * hundred bytes, so the limit only stops a quote left open near the top
 * of a large file from pulling the rest of the file into memory. */
#define MAX_RECORD_BYTES (16 * 1024 * 1024)

/* Maximum fields in one record, for the same reason, because the field
 * tables cost 24 bytes per field. */
#define MAX_FIELDS 65536

/* UTF-8 bytes per input byte at most: 3 for Windows-1252 ("€" takes
 * three bytes), 1.5 for UTF-16. */
#define MAX_EXPANSION 3

G_DEFINE_QUARK (palier-csv-error-quark, palier_csv_error)

typedef enum {
  STATE_RECORD_START,
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,           /* a quote seen inside a quoted field */
} ParseState;

typedef enum {
  STEP_CONTINUE,
  STEP_RECORD,
  STEP_ERROR,
} Step;

typedef enum {
  FILL_MORE,
  FILL_END,
  FILL_ERROR,
} FillResult;

typedef enum {
  UTF8_VALID,
  UTF8_TRUNCATED,                  /* valid, but ends inside a character */
  UTF8_INVALID,
} Utf8Status;

struct _PalierCsvReader
{
  char           *path;
  char           *display_name;
  GInputStream   *stream;
  guint64         size;

  PalierEncoding  encoding;
  char            delimiter;
  gboolean        had_bom;
  gboolean        encoding_detected;    /* from the bytes, with no BOM */
  gboolean        had_sep_line;

  /* Raw bytes waiting for iconv; unused for UTF-8 input. */
  GIConv          converter;
  guint8         *raw;
  gsize           raw_len;
  gboolean        stream_eof;
  guint64         raw_offset;      /* bytes read from the file so far */

  /* Decoded UTF-8.  Bytes from text_end to text_len are the start of a
   * character split by the read.  While the parser runs over the chunk,
   * a NUL sentinel replaces the byte at text_end. */
  guint8         *text;
  gsize           text_pos;
  gsize           text_end;
  gsize           text_len;
  guint8          sentinel_saved;
  guint64         text_raw_start;  /* file offsets of text[0] and text[text_end] */
  guint64         text_raw_end;
  gboolean        decode_invalid;  /* invalid bytes start at text_end */

  /* Bytes that stop the scan of an unquoted or a quoted field. */
  guint8          stop_unquoted[256];
  guint8          stop_quoted[256];

  ParseState      state;
  guint64         line;            /* line of the next byte, from 1 */
  gboolean        after_cr;        /* the last line break was a CR */
  guint64         record_line;
  guint64         quote_line;

  char           *record;
  gsize           record_len;
  gsize           record_alloc;
  gsize          *starts;
  char          **fields;
  gsize          *lengths;
  guint           n_fields;
  guint           fields_alloc;
};

static const struct {
  PalierEncoding  encoding;
  const char     *name;
  const char     *iconv_name;
} encodings[] = {
  { PALIER_ENCODING_AUTO, "auto", NULL },
  { PALIER_ENCODING_UTF8, "utf-8", NULL },
  { PALIER_ENCODING_WINDOWS_1252, "windows-1252", "WINDOWS-1252" },
  { PALIER_ENCODING_UTF16LE, "utf-16le", "UTF-16LE" },
  { PALIER_ENCODING_UTF16BE, "utf-16be", "UTF-16BE" },
};

const char *
palier_encoding_to_string (PalierEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i].encoding == encoding)
      return encodings[i].name;

  g_return_val_if_reached (NULL);
}

/* Accepts the names written by palier_encoding_to_string() in any case,
 * with or without the hyphen, and the usual aliases of Windows-1252. */
gboolean
palier_encoding_from_string (const char     *text,
                             PalierEncoding *out)
{
  static const struct {
    const char     *alias;
    PalierEncoding  encoding;
  } aliases[] = {
    { "utf8", PALIER_ENCODING_UTF8 },
    { "windows1252", PALIER_ENCODING_WINDOWS_1252 },
    { "cp1252", PALIER_ENCODING_WINDOWS_1252 },
    { "latin1", PALIER_ENCODING_WINDOWS_1252 },
    { "iso88591", PALIER_ENCODING_WINDOWS_1252 },
    { "utf16le", PALIER_ENCODING_UTF16LE },
    { "utf16be", PALIER_ENCODING_UTF16BE },
    { "auto", PALIER_ENCODING_AUTO },
  };
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  key = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != '-' && *p != '_')
      g_string_append_c (key, g_ascii_tolower (*p));

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (key->str, aliases[i].alias) == 0)
      {
        *out = aliases[i].encoding;
        return TRUE;
      }
  return FALSE;
}

static const char *
encoding_iconv_name (PalierEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i].encoding == encoding)
      return encodings[i].iconv_name;
  return NULL;
}

/* Checks that @s is UTF-8 as RFC 3629 defines it (no overlong forms, no
 * surrogates, nothing above U+10FFFF).  *@valid_len is the length of the
 * longest valid prefix.  ASCII runs are skipped eight bytes at a time. */
static Utf8Status
utf8_check (const guint8 *s,
            gsize         len,
            gsize        *valid_len)
{
  gsize i = 0;

  while (i < len)
    {
      guint8 c = s[i];
      gsize n;
      guint32 cp;
      guint32 min;

      if (c < 0x80)
        {
          guint64 word;

          while (i + 8 <= len)
            {
              memcpy (&word, s + i, 8);
              if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
                break;
              i += 8;
            }
          while (i < len && s[i] < 0x80)
            i++;
          continue;
        }

      if (c >= 0xc2 && c <= 0xdf)
        n = 2, cp = c & 0x1f, min = 0x80;
      else if (c >= 0xe0 && c <= 0xef)
        n = 3, cp = c & 0x0f, min = 0x800;
      else if (c >= 0xf0 && c <= 0xf4)
        n = 4, cp = c & 0x07, min = 0x10000;
      else
        {
          *valid_len = i;
          return UTF8_INVALID;
        }

      for (gsize k = 1; k < n; k++)
        {
          if (i + k == len)
            {
              *valid_len = i;
              return UTF8_TRUNCATED;
            }
          if ((s[i + k] & 0xc0) != 0x80)
            {
              *valid_len = i;
              return UTF8_INVALID;
            }
          cp = (cp << 6) | (s[i + k] & 0x3f);

          /* Reject overlong, surrogate and out-of-range forms as soon as
           * the second byte shows them, so a truncated tail is judged on
           * what it contains. */
          if (k == 1 && n >= 3)
            {
              guint32 top = cp << (6 * (n - 2));

              if (top < min || (top >= 0xd800 && top <= 0xdfff) || top > 0x10ffff)
                {
                  *valid_len = i;
                  return UTF8_INVALID;
                }
            }
        }
      i += n;
    }

  *valid_len = len;
  return UTF8_VALID;
}

static gboolean
read_stream (PalierCsvReader  *reader,
             guint8           *buffer,
             gsize             count,
             gsize            *out_read,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_input_stream_read_all (reader->stream, buffer, count, out_read,
                                NULL, &local_error))
    {
      g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO,
                   _("%s: read failed: %s"),
                   reader->display_name, local_error->message);
      return FALSE;
    }

  reader->raw_offset += *out_read;
  if (*out_read < count)
    reader->stream_eof = TRUE;
  return TRUE;
}

/* Sets text_end after the valid UTF-8 in the text buffer.  A character
 * split by the end of the chunk waits for the next read, unless the file
 * ends there. */
static void
validate_text (PalierCsvReader *reader)
{
  gsize valid_len;
  Utf8Status status = utf8_check (reader->text, reader->text_len, &valid_len);

  reader->text_end = valid_len;
  if (status == UTF8_INVALID || (status == UTF8_TRUNCATED && reader->stream_eof))
    reader->decode_invalid = TRUE;
  reader->text_raw_end = reader->raw_offset - (reader->text_len - reader->text_end);
}

/* Reads and validates the next chunk of a UTF-8 file, after the carried
 * partial character. */
static gboolean
decode_utf8 (PalierCsvReader  *reader,
             GError          **error)
{
  if (!reader->stream_eof)
    {
      gsize n_read;

      if (!read_stream (reader, reader->text + reader->text_len, CHUNK_SIZE,
                        &n_read, error))
        return FALSE;
      reader->text_len += n_read;
    }

  validate_text (reader);
  return TRUE;
}

/* Converts what iconv can of the raw bytes, reading more first when the
 * raw buffer is not full. */
static gboolean
decode_converted (PalierCsvReader  *reader,
                  GError          **error)
{
  char *in;
  char *out;
  gsize in_left;
  gsize out_left;
  gsize result;
  int saved_errno;

  if (!reader->stream_eof && reader->raw_len < CHUNK_SIZE)
    {
      gsize n_read;

      if (!read_stream (reader, reader->raw + reader->raw_len,
                        CHUNK_SIZE - reader->raw_len, &n_read, error))
        return FALSE;
      reader->raw_len += n_read;
    }

  in = (char *) reader->raw;
  in_left = reader->raw_len;
  out = (char *) reader->text + reader->text_len;
  out_left = CHUNK_SIZE * MAX_EXPANSION - reader->text_len;
  result = g_iconv (reader->converter, &in, &in_left, &out, &out_left);
  saved_errno = errno;

  reader->text_len = (guint8 *) out - reader->text;
  reader->text_end = reader->text_len;
  memmove (reader->raw, in, in_left);
  reader->raw_len = in_left;
  reader->text_raw_end = reader->raw_offset - reader->raw_len;

  if (result == (gsize) -1)
    {
      if (saved_errno == EILSEQ || (saved_errno == EINVAL && reader->stream_eof))
        reader->decode_invalid = TRUE;
    }
  else if (reader->stream_eof && reader->raw_len > 0)
    reader->decode_invalid = TRUE;

  return TRUE;
}

static void
set_decode_error (PalierCsvReader  *reader,
                  GError          **error)
{
  const char *name = palier_encoding_to_string (reader->encoding);

  if (reader->encoding == PALIER_ENCODING_UTF8 && reader->encoding_detected)
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING,
                 _("%s:%llu: bytes that are not valid UTF-8 in a file "
                   "detected as UTF-8; convert the file to UTF-8 or set its "
                   "encoding"),
                 reader->display_name, (unsigned long long) reader->line);
  else
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING,
                 _("%s:%llu: bytes that are not valid %s; "
                   "convert the file to UTF-8 or set its encoding"),
                 reader->display_name, (unsigned long long) reader->line, name);
}

static void
place_sentinel (PalierCsvReader *reader)
{
  reader->sentinel_saved = reader->text[reader->text_end];
  reader->text[reader->text_end] = '\0';
}

static void
remove_sentinel (PalierCsvReader *reader)
{
  reader->text[reader->text_end] = reader->sentinel_saved;
}

/* Moves the unparsed tail of the text (a split character) to the front
 * and decodes more, once the parser has consumed every decoded byte. */
static FillResult
fill_text (PalierCsvReader  *reader,
           GError          **error)
{
  gsize carry;

  if (reader->decode_invalid)
    {
      set_decode_error (reader, error);
      return FILL_ERROR;
    }

  remove_sentinel (reader);
  carry = reader->text_len - reader->text_end;
  memmove (reader->text, reader->text + reader->text_end, carry);
  reader->text_len = carry;
  reader->text_pos = 0;
  reader->text_end = 0;
  reader->text_raw_start = reader->text_raw_end;

  while (reader->text_end == 0)
    {
      gboolean ok;

      if (reader->stream_eof && reader->text_len == 0 && reader->raw_len == 0)
        {
          place_sentinel (reader);
          return FILL_END;
        }

      if (reader->converter == (GIConv) -1)
        ok = decode_utf8 (reader, error);
      else
        ok = decode_converted (reader, error);
      if (!ok)
        {
          place_sentinel (reader);
          return FILL_ERROR;
        }

      if (reader->decode_invalid && reader->text_end == 0)
        {
          place_sentinel (reader);
          set_decode_error (reader, error);
          return FILL_ERROR;
        }
    }

  place_sentinel (reader);
  return FILL_MORE;
}

/* Returns whether @s contains a valid UTF-8 character of two or more
 * bytes, even when invalid bytes surround it. */
static gboolean
has_utf8_multibyte (const guint8 *s,
                    gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      gsize valid_len;

      if (s[i] < 0xc2)
        continue;

      /* A lead byte starts a valid character when the check of its own
       * bytes reaches past it. */
      utf8_check (s + i, MIN (len - i, 4), &valid_len);
      if (valid_len > 0)
        return TRUE;
    }
  return FALSE;
}

/* Chooses the encoding from the byte order mark, else from the first
 * SNIFF_SIZE bytes, and returns the length of the mark to skip.  The
 * sample is UTF-8 when it is valid UTF-8 or contains any valid UTF-8
 * multibyte character.  A few bad bytes in a UTF-8 file then raise an
 * error at their line, instead of every accented letter being read as
 * two Windows-1252 characters.  Windows-1252 text rarely has such a
 * character, and when it does the error tells the user to set the
 * encoding. */
static gsize
detect_encoding (PalierCsvReader *reader,
                 const guint8    *head,
                 gsize            len,
                 PalierEncoding   requested)
{
  PalierEncoding bom = PALIER_ENCODING_AUTO;
  gsize bom_len = 0;

  if (len >= 3 && head[0] == 0xef && head[1] == 0xbb && head[2] == 0xbf)
    bom = PALIER_ENCODING_UTF8, bom_len = 3;
  else if (len >= 2 && head[0] == 0xff && head[1] == 0xfe)
    bom = PALIER_ENCODING_UTF16LE, bom_len = 2;
  else if (len >= 2 && head[0] == 0xfe && head[1] == 0xff)
    bom = PALIER_ENCODING_UTF16BE, bom_len = 2;

  if (requested != PALIER_ENCODING_AUTO)
    reader->encoding = requested;
  else if (bom != PALIER_ENCODING_AUTO)
    reader->encoding = bom;
  else
    {
      gsize sniff_len = MIN (len, SNIFF_SIZE);
      gsize valid_len;
      Utf8Status status = utf8_check (head, sniff_len, &valid_len);

      /* A character cut by the end of the window proves nothing, but one
       * cut by the end of the file is invalid. */
      if (status == UTF8_VALID || (status == UTF8_TRUNCATED && len > sniff_len))
        reader->encoding = PALIER_ENCODING_UTF8;
      else if (has_utf8_multibyte (head, sniff_len))
        reader->encoding = PALIER_ENCODING_UTF8;
      else
        reader->encoding = PALIER_ENCODING_WINDOWS_1252;
      reader->encoding_detected = TRUE;
    }

  if (bom != PALIER_ENCODING_AUTO && bom == reader->encoding)
    {
      reader->had_bom = TRUE;
      return bom_len;
    }
  return 0;
}

/* Skips Excel's "sep=X" first line and takes X as the delimiter unless
 * one was forced. */
static void
read_sep_line (PalierCsvReader *reader)
{
  const guint8 *t = reader->text;
  gsize len = reader->text_end;
  gsize i = 5;

  if (len < 5 || g_ascii_strncasecmp ((const char *) t, "sep=", 4) != 0)
    return;
  if (t[4] == '\r' || t[4] == '\n' || t[4] == '"' || t[4] >= 0x80)
    return;
  if (i < len && t[i] != '\r' && t[i] != '\n')
    return;

  if (reader->delimiter == '\0')
    reader->delimiter = (char) t[4];
  reader->had_sep_line = TRUE;

  if (i < len && t[i] == '\r')
    i++;
  if (i < len && t[i] == '\n')
    i++;
  reader->text_pos = i;
  reader->line = 2;
}

/* Picks the most frequent of ',', ';' and tab outside quotes on the
 * header line; ties go to the earlier one in that list. */
static void
detect_delimiter (PalierCsvReader *reader)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = reader->text_pos; i < reader->text_end; i++)
    {
      guint8 c = reader->text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\r' || c == '\n')
        break;
      else
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == (guint8) candidates[k])
            counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  reader->delimiter = candidates[best];
}

static void
init_stop_tables (PalierCsvReader *reader)
{
  memset (reader->stop_unquoted, 0, sizeof reader->stop_unquoted);
  memset (reader->stop_quoted, 0, sizeof reader->stop_quoted);

  reader->stop_unquoted['\0'] = 1;
  reader->stop_unquoted['\r'] = 1;
  reader->stop_unquoted['\n'] = 1;
  reader->stop_unquoted['"'] = 1;
  reader->stop_unquoted[(guint8) reader->delimiter] = 1;

  reader->stop_quoted['\0'] = 1;
  reader->stop_quoted['\r'] = 1;
  reader->stop_quoted['\n'] = 1;
  reader->stop_quoted['"'] = 1;
}

/* Sets an error that names the path as given and the reason in plain
 * words, with GIO's message only for the rarer failures. */
static void
set_open_error (PalierCsvReader  *reader,
                const GError     *cause,
                GError          **error)
{
  g_autofree char *name = g_filename_display_name (reader->path);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO,
                 _("%s: file not found; check the path"), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO,
                 _("%s: file not found, because a part of the path is not a folder; "
                   "check the path"), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO,
                 _("%s: this is a folder; give the path of a CSV file"), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO,
                 _("%s: permission denied; check that you may read this file"), name);
  else
    g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_IO,
                 /* Translators: the second %s is the system's reason. */
                 _("%s: cannot open the file: %s"), name, cause->message);
}

static gboolean
open_stream (PalierCsvReader  *reader,
             GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (reader->path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream,
                                           G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           NULL, &local_error);
  if (info == NULL)
    {
      set_open_error (reader, local_error, error);
      return FALSE;
    }

  reader->size = g_file_info_get_size (info);
  reader->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  return TRUE;
}

/* Reads the first chunk, settles the encoding and puts the first decoded
 * text in place. */
static gboolean
start_decoding (PalierCsvReader  *reader,
                PalierEncoding    requested,
                GError          **error)
{
  g_autofree guint8 *head = g_malloc (CHUNK_SIZE);
  gsize head_len;
  gsize bom_len;
  const char *iconv_name;

  if (!read_stream (reader, head, CHUNK_SIZE, &head_len, error))
    return FALSE;

  bom_len = detect_encoding (reader, head, head_len, requested);
  iconv_name = encoding_iconv_name (reader->encoding);
  reader->text_raw_start = bom_len;

  if (iconv_name == NULL)
    {
      reader->text = g_malloc (CHUNK_SIZE + 8);
      reader->text_len = head_len - bom_len;
      memcpy (reader->text, head + bom_len, reader->text_len);
      validate_text (reader);
      return TRUE;
    }

  reader->converter = g_iconv_open ("UTF-8", iconv_name);
  if (reader->converter == (GIConv) -1)
    {
      g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING,
                   _("%s: conversion from %s is not available on this system"),
                   reader->display_name, iconv_name);
      return FALSE;
    }

  reader->raw = g_steal_pointer (&head);
  reader->raw_len = head_len - bom_len;
  memmove (reader->raw, reader->raw + bom_len, reader->raw_len);
  reader->text = g_malloc (CHUNK_SIZE * MAX_EXPANSION + 8);
  return decode_converted (reader, error);
}

PalierCsvReader *
palier_csv_reader_new_for_path (const char              *path,
                                const PalierCsvDialect  *dialect,
                                GError                 **error)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  PalierEncoding requested = PALIER_ENCODING_AUTO;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = g_new0 (PalierCsvReader, 1);
  reader->path = g_strdup (path);
  reader->display_name = g_filename_display_basename (path);
  reader->converter = (GIConv) -1;
  reader->line = 1;
  if (dialect != NULL)
    {
      requested = dialect->encoding;
      reader->delimiter = dialect->delimiter;
    }

  if (!open_stream (reader, error)
      || !start_decoding (reader, requested, error))
    return NULL;

  read_sep_line (reader);
  if (reader->delimiter == '\0')
    detect_delimiter (reader);
  init_stop_tables (reader);
  place_sentinel (reader);

  reader->record_alloc = 4096;
  reader->record = g_malloc (reader->record_alloc);
  return g_steal_pointer (&reader);
}

PalierEncoding
palier_csv_reader_get_encoding (PalierCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, PALIER_ENCODING_AUTO);

  return reader->encoding;
}

char
palier_csv_reader_get_delimiter (PalierCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, '\0');

  return reader->delimiter;
}

gboolean
palier_csv_reader_had_bom (PalierCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->had_bom;
}

gboolean
palier_csv_reader_had_sep_line (PalierCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->had_sep_line;
}

const char *
palier_csv_reader_get_path (PalierCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->path;
}

/* The offset of the parse position in the file, interpolated inside the
 * current chunk when decoding changes the length. */
guint64
palier_csv_reader_get_position (PalierCsvReader *reader)
{
  guint64 span;

  g_return_val_if_fail (reader != NULL, 0);

  if (reader->text_end == 0)
    return reader->text_raw_start;

  span = reader->text_raw_end - reader->text_raw_start;
  return reader->text_raw_start + span * reader->text_pos / reader->text_end;
}

guint64
palier_csv_reader_get_size (PalierCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->size;
}

void
palier_csv_reader_free (PalierCsvReader *reader)
{
  if (reader == NULL)
    return;

  if (reader->converter != (GIConv) -1)
    g_iconv_close (reader->converter);
  g_clear_object (&reader->stream);
  g_free (reader->path);
  g_free (reader->display_name);
  g_free (reader->raw);
  g_free (reader->text);
  g_free (reader->record);
  g_free (reader->starts);
  g_free (reader->fields);
  g_free (reader->lengths);
  g_free (reader);
}

/* Record assembly */

static gboolean
grow_record (PalierCsvReader  *reader,
             gsize             needed,
             GError          **error)
{
  gsize alloc = reader->record_alloc;

  /* Only a quoted field can run past the end of its line.  Inside quotes
   * the likely cause is a quote never closed, and outside them a file
   * that is not line-based text. */
  if (needed > MAX_RECORD_BYTES && reader->state == STATE_QUOTED)
    {
      g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_TOO_LONG,
                   _("%s:%llu: record longer than %d MiB; "
                     "look for a quote that is never closed"),
                   reader->display_name, (unsigned long long) reader->record_line,
                   MAX_RECORD_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (needed > MAX_RECORD_BYTES)
    {
      g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_TOO_LONG,
                   _("%s:%llu: line longer than %d MiB, so the file is "
                     "probably not a CSV export; check that you chose the "
                     "right file"),
                   reader->display_name, (unsigned long long) reader->record_line,
                   MAX_RECORD_BYTES / (1024 * 1024));
      return FALSE;
    }

  while (alloc < needed)
    alloc *= 2;
  reader->record = g_realloc (reader->record, MIN (alloc, MAX_RECORD_BYTES));
  reader->record_alloc = MIN (alloc, MAX_RECORD_BYTES);
  return TRUE;
}

static inline gboolean
append_bytes (PalierCsvReader  *reader,
              const guint8     *bytes,
              gsize             n,
              GError          **error)
{
  if (G_UNLIKELY (reader->record_len + n > reader->record_alloc)
      && !grow_record (reader, reader->record_len + n, error))
    return FALSE;

  memcpy (reader->record + reader->record_len, bytes, n);
  reader->record_len += n;
  return TRUE;
}

static gboolean
begin_field (PalierCsvReader  *reader,
             GError          **error)
{
  if (G_UNLIKELY (reader->n_fields == reader->fields_alloc))
    {
      if (reader->fields_alloc == MAX_FIELDS)
        {
          g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_TOO_LONG,
                       _("%s:%llu: more than %d fields in "
                         "one record; check the delimiter"),
                       reader->display_name, (unsigned long long) reader->record_line, MAX_FIELDS);
          return FALSE;
        }
      reader->fields_alloc = MAX (16, MIN (reader->fields_alloc * 2, MAX_FIELDS));
      reader->starts = g_renew (gsize, reader->starts, reader->fields_alloc);
      reader->fields = g_renew (char *, reader->fields, reader->fields_alloc);
      reader->lengths = g_renew (gsize, reader->lengths, reader->fields_alloc);
    }

  reader->starts[reader->n_fields++] = reader->record_len;
  return TRUE;
}

static inline gboolean
end_field (PalierCsvReader  *reader,
           GError          **error)
{
  static const guint8 nul = '\0';

  return append_bytes (reader, &nul, 1, error);
}

static void
finish_record (PalierCsvReader *reader,
               PalierCsvRecord *record)
{
  for (guint i = 0; i < reader->n_fields; i++)
    {
      gsize next = i + 1 < reader->n_fields ? reader->starts[i + 1] : reader->record_len;

      reader->fields[i] = reader->record + reader->starts[i];
      reader->lengths[i] = next - reader->starts[i] - 1;
    }

  record->n_fields = reader->n_fields;
  record->fields = reader->fields;
  record->lengths = reader->lengths;
  record->line = reader->record_line;
}

static void
set_nul_error (PalierCsvReader  *reader,
               GError          **error)
{
  g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING,
               _("%s:%llu: the line contains a NUL byte, "
                 "which text never does; if the file is UTF-16 without a "
                 "byte order mark, set its encoding to UTF-16LE or UTF-16BE"),
               reader->display_name, (unsigned long long) reader->line);
}

/* Parser steps.  Each consumes what it can from the current chunk and
 * leaves text_pos after it.  The NUL sentinel at text_end stops the scan
 * loops without a bounds check per byte. */

static inline gboolean
at_chunk_end (PalierCsvReader *reader,
              const guint8    *p)
{
  return p == reader->text + reader->text_end;
}

/* Ends the record on the line break at text_pos. */
static Step
end_record_at_break (PalierCsvReader  *reader,
                     GError          **error)
{
  guint8 c = reader->text[reader->text_pos++];

  if (!end_field (reader, error))
    return STEP_ERROR;
  reader->line++;
  reader->after_cr = (c == '\r');
  reader->state = STATE_RECORD_START;
  return STEP_RECORD;
}

static Step
step_record_start (PalierCsvReader  *reader,
                   GError          **error)
{
  const guint8 *p = reader->text + reader->text_pos;

  /* Blank lines, and the LF of a CRLF split from its CR by a chunk. */
  for (;;)
    {
      if (*p == '\n')
        {
          if (!reader->after_cr)
            reader->line++;
          reader->after_cr = FALSE;
        }
      else if (*p == '\r')
        {
          reader->line++;
          reader->after_cr = TRUE;
        }
      else
        break;
      p++;
    }
  reader->text_pos = p - reader->text;
  if (at_chunk_end (reader, p))
    return STEP_CONTINUE;

  reader->after_cr = FALSE;
  reader->record_line = reader->line;
  reader->record_len = 0;
  reader->n_fields = 0;
  reader->state = STATE_FIELD_START;
  return STEP_CONTINUE;
}

static Step
step_field_start (PalierCsvReader  *reader,
                  GError          **error)
{
  if (!begin_field (reader, error))
    return STEP_ERROR;

  if (reader->text[reader->text_pos] == '"')
    {
      reader->text_pos++;
      reader->quote_line = reader->line;
      reader->state = STATE_QUOTED;
    }
  else
    reader->state = STATE_UNQUOTED;
  return STEP_CONTINUE;
}

static Step
step_unquoted (PalierCsvReader  *reader,
               GError          **error)
{
  const guint8 *start = reader->text + reader->text_pos;
  const guint8 *p = start;
  guint8 c;

  while (!reader->stop_unquoted[*p])
    p++;
  if (!append_bytes (reader, start, p - start, error))
    return STEP_ERROR;
  reader->text_pos = p - reader->text;
  if (at_chunk_end (reader, p))
    return STEP_CONTINUE;

  c = *p;
  if (c == (guint8) reader->delimiter)
    {
      reader->text_pos++;
      reader->state = STATE_FIELD_START;
      return end_field (reader, error) ? STEP_CONTINUE : STEP_ERROR;
    }
  if (c == '\n' || c == '\r')
    return end_record_at_break (reader, error);
  if (c == '"')
    {
      /* A quote inside an unquoted field is kept as text, as spreadsheets
       * read it: 12" pipe. */
      reader->text_pos++;
      return append_bytes (reader, p, 1, error) ? STEP_CONTINUE : STEP_ERROR;
    }

  set_nul_error (reader, error);
  return STEP_ERROR;
}

static Step
step_quoted (PalierCsvReader  *reader,
             GError          **error)
{
  const guint8 *start = reader->text + reader->text_pos;
  const guint8 *p = start;
  guint8 c;

  while (!reader->stop_quoted[*p])
    p++;
  if (p != start)
    {
      reader->after_cr = FALSE;
      if (!append_bytes (reader, start, p - start, error))
        return STEP_ERROR;
    }
  reader->text_pos = p - reader->text;
  if (at_chunk_end (reader, p))
    return STEP_CONTINUE;

  c = *p;
  reader->text_pos++;
  if (c == '"')
    {
      reader->after_cr = FALSE;
      reader->state = STATE_QUOTE_IN_QUOTED;
      return STEP_CONTINUE;
    }
  if (c == '\n' || c == '\r')
    {
      /* Line breaks inside quotes are kept as written and counted. */
      if (c == '\r' || !reader->after_cr)
        reader->line++;
      reader->after_cr = (c == '\r');
      return append_bytes (reader, p, 1, error) ? STEP_CONTINUE : STEP_ERROR;
    }

  reader->text_pos--;
  set_nul_error (reader, error);
  return STEP_ERROR;
}

static Step
step_quote_in_quoted (PalierCsvReader  *reader,
                      GError          **error)
{
  const guint8 *p = reader->text + reader->text_pos;
  guint8 c = *p;

  if (c == '"')
    {
      reader->text_pos++;
      reader->state = STATE_QUOTED;
      return append_bytes (reader, p, 1, error) ? STEP_CONTINUE : STEP_ERROR;
    }
  if (c == (guint8) reader->delimiter)
    {
      reader->text_pos++;
      reader->state = STATE_FIELD_START;
      return end_field (reader, error) ? STEP_CONTINUE : STEP_ERROR;
    }
  if (c == '\n' || c == '\r')
    return end_record_at_break (reader, error);
  if (c == '\0')
    {
      set_nul_error (reader, error);
      return STEP_ERROR;
    }

  g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_SYNTAX,
               _("%s:%llu: text after the closing quote of "
                 "field %u; a quote inside a quoted field must be doubled "
                 "(\"\")"),
               reader->display_name, (unsigned long long) reader->line, reader->n_fields);
  return STEP_ERROR;
}

/* Completes the record the end of the file interrupts, if any. */
static gboolean
finish_at_end (PalierCsvReader  *reader,
               PalierCsvRecord  *record,
               GError          **error)
{
  switch (reader->state)
    {
    case STATE_RECORD_START:
      return FALSE;

    case STATE_QUOTED:
      g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_SYNTAX,
                   _("%s:%llu: quoted field never closed "
                     "before the end of the file"),
                   reader->display_name, (unsigned long long) reader->quote_line);
      return FALSE;

    case STATE_FIELD_START:
      if (!begin_field (reader, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case STATE_UNQUOTED:
    case STATE_QUOTE_IN_QUOTED:
    default:
      if (!end_field (reader, error))
        return FALSE;
      reader->state = STATE_RECORD_START;
      finish_record (reader, record);
      return TRUE;
    }
}

gboolean
palier_csv_reader_next (PalierCsvReader  *reader,
                        PalierCsvRecord  *record,
                        GError          **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (;;)
    {
      Step step;

      if (reader->text_pos == reader->text_end)
        {
          FillResult fill = fill_text (reader, error);

          if (fill == FILL_ERROR)
            return FALSE;
          if (fill == FILL_END)
            return finish_at_end (reader, record, error);
          continue;
        }

      switch (reader->state)
        {
        case STATE_RECORD_START:
          step = step_record_start (reader, error);
          break;
        case STATE_FIELD_START:
          step = step_field_start (reader, error);
          break;
        case STATE_UNQUOTED:
          step = step_unquoted (reader, error);
          break;
        case STATE_QUOTED:
          step = step_quoted (reader, error);
          break;
        case STATE_QUOTE_IN_QUOTED:
        default:
          step = step_quote_in_quoted (reader, error);
          break;
        }

      if (step == STEP_ERROR)
        return FALSE;
      if (step == STEP_RECORD)
        {
          finish_record (reader, record);
          return TRUE;
        }
    }
}
