/* palier-import.c: mapping a sales CSV to Palier's fields and reading it
 *
 * A plan reads the header and a sample of records once, to map columns to
 * fields and to decide each column's decimal mark and the date order.
 * Running the plan reads the file again from the start and converts every
 * record with those choices, so a value that the sample did not foresee is
 * an error naming its line instead of a silent change of style.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-import.h"
#include "palier-import-private.h"
#include "palier-number-private.h"

/* Records read to decide the value styles.  Enough for a mark or a day
 * above 12 to show up in real exports, small enough to stay instant. */
#define SAMPLE_RECORDS 10000

#define PREVIEW_RECORDS 20

/* Bytes of input between two progress reports. */
#define PROGRESS_INTERVAL (64 * 1024)

/* Records between two checks of the cancellable. */
#define CANCEL_CHECK_INTERVAL 1024

/* Maximum rejected rows kept in a report.  A longer list is not useful
 * to read, and a file where every row is wrong would otherwise cost an
 * estimated 200 bytes of memory per row. */
#define MAX_PROBLEMS 10000

G_DEFINE_QUARK (palier-import-error-quark, palier_import_error)

struct _PalierImportPlan
{
  char               *path;
  char               *display_name;
  PalierCsvDialect    dialect;      /* encoding and delimiter as detected */

  char              **headers;
  guint               n_columns;
  int                 columns[PALIER_N_FIELDS];

  /* Evidence from the sample, per column. */
  PalierNumberSniffer *number_sniffers;
  PalierDateSniffer   *date_sniffers;
  guint                n_sampled;

  /* Styles forced by the options or the setters, AUTO when not. */
  PalierDateOrder     forced_date_order;
  PalierDecimalMark   forced_mark;

  /* Styles in use, from the forced ones, the sample or the fallback. */
  PalierDateOrder     date_order;
  PalierDecimalMark   marks[PALIER_N_FIELDS];

  gboolean            skip_invalid;
  GPtrArray          *preview;      /* GStrv */
  GPtrArray          *notes;        /* char * */
};

/* Fields */

static const char *const field_names[PALIER_N_FIELDS] = {
  "date", "partner", "amount", "margin", "quantity",
  "product", "category", "region", "segment", "deal",
};

/* Headers that common English and French exports use for each field, in
 * order of preference.  Matching ignores case, accents, spaces, '_', '-'
 * and '.', so "OrderDate", "ORDER_DATE" and "order date" all match. */
static const char *const *const field_headers[PALIER_N_FIELDS] = {
  [PALIER_FIELD_DATE] = (const char *const[]) {
    "date", "order date", "invoice date", "transaction date",
    "date de commande", "date facture", "date de facture", NULL },
  [PALIER_FIELD_PARTNER] = (const char *const[]) {
    "partner", "partner id", "reseller", "reseller key", "customer id",
    "dealer", "partenaire", "revendeur", "code client", "client", NULL },
  [PALIER_FIELD_AMOUNT] = (const char *const[]) {
    "amount", "sales", "sales amount", "revenue", "net sales", "montant",
    "chiffre d'affaires", "ca", "ventes", NULL },
  [PALIER_FIELD_MARGIN] = (const char *const[]) {
    "margin", "profit", "gross margin", "marge", NULL },
  [PALIER_FIELD_QUANTITY] = (const char *const[]) {
    "quantity", "qty", "units", "order quantity", "quantité", "qté", NULL },
  [PALIER_FIELD_PRODUCT] = (const char *const[]) {
    "product", "product id", "sku", "product key", "produit", "article",
    "référence", NULL },
  [PALIER_FIELD_CATEGORY] = (const char *const[]) {
    "category", "product line", "catégorie", "famille", NULL },
  [PALIER_FIELD_REGION] = (const char *const[]) {
    "region", "territory", "région", "territoire", NULL },
  [PALIER_FIELD_SEGMENT] = (const char *const[]) {
    "segment", "business type", "tier", "type de partenaire", NULL },
  [PALIER_FIELD_DEAL] = (const char *const[]) {
    "deal", "deal id", "order id", "order number", "opportunity",
    "sales order number", "commande", "n° de commande", NULL },
};

const char *
palier_field_to_string (PalierField field)
{
  g_return_val_if_fail (field < PALIER_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
palier_field_from_string (const char  *text,
                          PalierField *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < PALIER_N_FIELDS; i++)
    if (g_ascii_strcasecmp (text, field_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
palier_field_is_required (PalierField field)
{
  return field == PALIER_FIELD_DATE
         || field == PALIER_FIELD_PARTNER
         || field == PALIER_FIELD_AMOUNT;
}

static gboolean
field_is_numeric (PalierField field)
{
  return field == PALIER_FIELD_AMOUNT
         || field == PALIER_FIELD_MARGIN
         || field == PALIER_FIELD_QUANTITY;
}

/* Options and reports */

void
palier_import_options_init (PalierImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->dialect.encoding = PALIER_ENCODING_AUTO;
  options->date_order = PALIER_DATE_ORDER_AUTO;
  options->decimal_mark = PALIER_DECIMAL_MARK_AUTO;
}

void
palier_import_options_clear (PalierImportOptions *options)
{
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < PALIER_N_FIELDS; i++)
    g_clear_pointer (&options->columns[i], g_free);
}

void
palier_import_problem_free (PalierImportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

void
palier_import_report_init (PalierImportReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_import_problem_free);
}

void
palier_import_report_clear (PalierImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->problems, g_ptr_array_unref);
}

/* Header matching */

/* Returns @text without accents, spaces, '_', '-' and '.', and case
 * folded, for comparing headers. */
static char *
header_key (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) key = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK
          || g_unichar_isspace (c) || c == '_' || c == '-' || c == '.')
        continue;
      if (c == 0x2019)
        c = '\'';
      g_string_append_unichar (key, g_unichar_tolower (c));
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Returns @text without surrounding spaces, case folded. */
static char *
trimmed_casefold (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return g_utf8_casefold (copy, -1);
}

/* Lists the headers for an error message: “A”, “B”, “C”. */
static char *
list_headers (PalierImportPlan *plan)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < plan->n_columns; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "“%s”", plan->headers[i]);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Finds the column named @name: exact match first, then ignoring case and
 * surrounding spaces.  Returns -1 when none matches. */
static int
find_column (PalierImportPlan *plan,
             const char       *name)
{
  g_autofree char *folded = NULL;

  for (guint i = 0; i < plan->n_columns; i++)
    if (strcmp (plan->headers[i], name) == 0)
      return i;

  folded = trimmed_casefold (name);
  for (guint i = 0; i < plan->n_columns; i++)
    {
      g_autofree char *header = trimmed_casefold (plan->headers[i]);

      if (strcmp (header, folded) == 0)
        return i;
    }
  return -1;
}

int
_palier_import_find_header (char *const *headers,
                            guint        n_headers,
                            const char  *name)
{
  g_autofree char *folded = trimmed_casefold (name);

  for (guint i = 0; i < n_headers; i++)
    if (strcmp (headers[i], name) == 0)
      return i;

  for (guint i = 0; i < n_headers; i++)
    {
      g_autofree char *header = trimmed_casefold (headers[i]);

      if (strcmp (header, folded) == 0)
        return i;
    }
  return -1;
}

int
_palier_import_guess_header (char *const       *headers,
                             guint              n_headers,
                             const char *const *names)
{
  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autofree char *candidate = header_key (names[k]);

      for (guint i = 0; i < n_headers; i++)
        {
          g_autofree char *key = header_key (headers[i]);

          if (strcmp (key, candidate) == 0)
            return i;
        }
    }
  return -1;
}

char *
_palier_import_list_headers (char *const *headers,
                             guint        n_headers)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n_headers; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "“%s”", headers[i]);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
map_requested_columns (PalierImportPlan           *plan,
                       const PalierImportOptions  *options,
                       GError                    **error)
{
  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    {
      const char *name = options->columns[f];
      g_autofree char *headers = NULL;

      if (name == NULL)
        continue;

      plan->columns[f] = find_column (plan, name);
      if (plan->columns[f] >= 0)
        continue;

      headers = list_headers (plan);
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("%s: no column “%s” for the field “%s”; the columns "
                     "are %s"),
                   plan->display_name, name, field_names[f], headers);
      return FALSE;
    }
  return TRUE;
}

static gboolean
column_is_taken (PalierImportPlan *plan,
                 int               column)
{
  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    if (plan->columns[f] == column)
      return TRUE;
  return FALSE;
}

/* Maps each field left open to the first header that a common name for
 * it matches, never taking a column another field already uses. */
static void
guess_columns (PalierImportPlan *plan)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < plan->n_columns; i++)
    g_ptr_array_add (keys, header_key (plan->headers[i]));

  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    {
      if (plan->columns[f] >= 0)
        continue;

      for (guint k = 0; field_headers[f][k] != NULL && plan->columns[f] < 0; k++)
        {
          g_autofree char *candidate = header_key (field_headers[f][k]);

          for (guint i = 0; i < plan->n_columns; i++)
            if (strcmp (g_ptr_array_index (keys, i), candidate) == 0
                && !column_is_taken (plan, i))
              {
                plan->columns[f] = i;
                break;
              }
        }
    }
}

static gboolean
check_required_fields (PalierImportPlan  *plan,
                       GError           **error)
{
  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    {
      g_autofree char *headers = NULL;

      if (!palier_field_is_required (f) || plan->columns[f] >= 0)
        continue;

      headers = list_headers (plan);
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("%s: no column found for the required field “%s”; use "
                     "--map %s=COLUMN with one of %s"),
                   plan->display_name, field_names[f], field_names[f], headers);
      return FALSE;
    }
  return TRUE;
}

/* Value styles */

static PalierDecimalMark
mark_convention (PalierImportPlan *plan)
{
  return plan->dialect.delimiter == ';' ? PALIER_DECIMAL_MARK_COMMA : PALIER_DECIMAL_MARK_POINT;
}

/* The mark every decided numeric column agrees on, or AUTO. */
static PalierDecimalMark
mark_from_other_columns (PalierImportPlan *plan)
{
  PalierDecimalMark agreed = PALIER_DECIMAL_MARK_AUTO;

  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    {
      PalierDecimalMark mark;

      if (!field_is_numeric (f) || plan->columns[f] < 0)
        continue;

      mark = palier_number_sniffer_result (&plan->number_sniffers[plan->columns[f]]);
      if (mark == PALIER_DECIMAL_MARK_AUTO)
        continue;
      if (agreed != PALIER_DECIMAL_MARK_AUTO && agreed != mark)
        return PALIER_DECIMAL_MARK_AUTO;
      agreed = mark;
    }
  return agreed;
}

static void
add_note (PalierImportPlan *plan,
          char             *note)
{
  g_ptr_array_add (plan->notes, note);
}

static void
resolve_decimal_marks (PalierImportPlan *plan)
{
  PalierDecimalMark fallback = mark_from_other_columns (plan);
  gboolean from_other_columns = fallback != PALIER_DECIMAL_MARK_AUTO;

  if (!from_other_columns)
    fallback = mark_convention (plan);

  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    {
      int column = plan->columns[f];
      const PalierNumberSniffer *sniffer;

      plan->marks[f] = PALIER_DECIMAL_MARK_AUTO;
      if (!field_is_numeric (f) || column < 0)
        continue;

      if (plan->forced_mark != PALIER_DECIMAL_MARK_AUTO)
        {
          plan->marks[f] = plan->forced_mark;
          continue;
        }

      sniffer = &plan->number_sniffers[column];
      plan->marks[f] = palier_number_sniffer_result (sniffer);
      if (plan->marks[f] != PALIER_DECIMAL_MARK_AUTO)
        continue;

      /* Only values such as "1,234" make the assumption matter. */
      plan->marks[f] = fallback;
      if (sniffer->ambiguous == 0)
        continue;

      if (fallback == PALIER_DECIMAL_MARK_COMMA)
        add_note (plan, g_strdup_printf (from_other_columns
                                         ? _("Column “%s”: no value in the first %u rows shows the decimal mark, so it is read with a decimal comma like the other number columns; use --decimal-mark to force it.")
                                         : _("Column “%s”: no value in the first %u rows shows the decimal mark, so it is read with a decimal comma because the file is separated by semicolons; use --decimal-mark to force it."),
                                         plan->headers[column], plan->n_sampled));
      else
        add_note (plan, g_strdup_printf (from_other_columns
                                         ? _("Column “%s”: no value in the first %u rows shows the decimal mark, so it is read with a decimal point like the other number columns; use --decimal-mark to force it.")
                                         : _("Column “%s”: no value in the first %u rows shows the decimal mark, so it is read with a decimal point; use --decimal-mark to force it."),
                                         plan->headers[column], plan->n_sampled));
    }
}

/* Notes that a sample with as many year-first as year-last dates left
 * the shape open, quoting one date of each. */
static void
note_undecided_shape (PalierImportPlan        *plan,
                      int                      column,
                      const PalierDateSniffer *sniffer)
{
  const char *year_last_example = sniffer->both_example[0] != '\0' ? sniffer->both_example
                                  : sniffer->mdy_only_example[0] != '\0' ? sniffer->mdy_only_example
                                  : sniffer->dmy_only_example;

  add_note (plan, g_strdup_printf (_("Column “%s”: the first %u rows, read to decide the date format, do not show it, because as many dates have the year first, such as “%s”, as the year last, such as “%s”; the dates are read as year-month-day and the others will be rejected; use --date-format to force the format."),
                                   plan->headers[column], plan->n_sampled,
                                   sniffer->ymd_example, year_last_example));
}

/* Notes that the year-last dates of the sample read as well month first
 * as day first, quoting the dates that left the order open. */
static void
note_undecided_order (PalierImportPlan        *plan,
                      int                      column,
                      const PalierDateSniffer *sniffer)
{
  gboolean dmy = plan->date_order == PALIER_DATE_ORDER_DMY;
  guint mdy_only = sniffer->mdy_ok - sniffer->both_ok;

  if (mdy_only == 0)
    add_note (plan, g_strdup_printf (dmy
                                     ? _("Column “%s”: the first %u rows, read to decide the date order, do not show it, because every date in them with the year last has a day and a month of 12 or less, such as “%s”; the dates are read as day/month/year, as usual with a decimal comma; use --date-format to force the order.")
                                     : _("Column “%s”: the first %u rows, read to decide the date order, do not show it, because every date in them with the year last has a day and a month of 12 or less, such as “%s”; the dates are read as month/day/year; use --date-format to force the order."),
                                     plan->headers[column], plan->n_sampled,
                                     sniffer->both_example));
  else
    add_note (plan, g_strdup_printf (dmy
                                     ? _("Column “%s”: the first %u rows, read to decide the date order, do not show it, because %u dates read only as month/day/year, such as “%s”, and as many only as day/month/year, such as “%s”; the dates are read as day/month/year, as usual with a decimal comma, and the others will be rejected; use --date-format to force the order.")
                                     : _("Column “%s”: the first %u rows, read to decide the date order, do not show it, because %u dates read only as month/day/year, such as “%s”, and as many only as day/month/year, such as “%s”; the dates are read as month/day/year and the others will be rejected; use --date-format to force the order."),
                                     plan->headers[column], plan->n_sampled, mdy_only,
                                     sniffer->mdy_only_example, sniffer->dmy_only_example));
}

static void
resolve_date_order (PalierImportPlan *plan)
{
  int column = plan->columns[PALIER_FIELD_DATE];
  const PalierDateSniffer *sniffer;
  guint year_last;

  if (plan->forced_date_order != PALIER_DATE_ORDER_AUTO)
    {
      plan->date_order = plan->forced_date_order;
      return;
    }

  /* A plan built with the date unmapped has no column to decide from. */
  if (column < 0)
    {
      plan->date_order = PALIER_DATE_ORDER_MDY;
      return;
    }

  sniffer = &plan->date_sniffers[column];
  plan->date_order = palier_date_sniffer_result (sniffer);
  if (plan->date_order != PALIER_DATE_ORDER_AUTO)
    return;

  /* Year-first dates read with certainty, so they win a tie of shapes. */
  year_last = palier_date_sniffer_year_last (sniffer);
  if (sniffer->ymd_ok > 0 && sniffer->ymd_ok == year_last)
    {
      plan->date_order = PALIER_DATE_ORDER_YMD;
      note_undecided_shape (plan, column, sniffer);
      return;
    }

  /* Countries that write a decimal comma write the day first. */
  if (plan->marks[PALIER_FIELD_AMOUNT] == PALIER_DECIMAL_MARK_COMMA)
    plan->date_order = PALIER_DATE_ORDER_DMY;
  else
    plan->date_order = PALIER_DATE_ORDER_MDY;

  /* With no readable date in the sample, the run reports the first
   * one instead. */
  if (year_last > 0)
    note_undecided_order (plan, column, sniffer);
}

/* Decides the styles in use and rewrites the notes; called again after
 * every change of mapping or forced style. */
static void
resolve_styles (PalierImportPlan *plan)
{
  g_ptr_array_set_size (plan->notes, 0);
  resolve_decimal_marks (plan);
  resolve_date_order (plan);
}

/* Plan creation */

static gboolean
record_is_blank (const PalierCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    {
      const char *s = record->fields[i];
      const char *e = s + record->lengths[i];

      _palier_trim_spaces (&s, &e);
      if (s != e)
        return FALSE;
    }
  return TRUE;
}

static char **
copy_record (const PalierCsvRecord *record)
{
  char **copy = g_new0 (char *, record->n_fields + 1);

  for (guint i = 0; i < record->n_fields; i++)
    copy[i] = g_strndup (record->fields[i], record->lengths[i]);
  return copy;
}

static gboolean
read_header (PalierImportPlan  *plan,
             PalierCsvReader   *reader,
             GError           **error)
{
  PalierCsvRecord record;

  if (!palier_csv_reader_next (reader, &record, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_EMPTY,
                     _("%s: the file is empty; a header line naming the "
                       "columns is expected"),
                     plan->display_name);
      return FALSE;
    }

  plan->headers = copy_record (&record);
  plan->n_columns = record.n_fields;
  return TRUE;
}

/* Reads up to SAMPLE_RECORDS records: the preview, and the evidence about
 * every column's styles, so that any column can be mapped later. */
static gboolean
read_sample (PalierImportPlan  *plan,
             PalierCsvReader   *reader,
             GError           **error)
{
  PalierCsvRecord record;
  g_autoptr(GError) local_error = NULL;

  plan->number_sniffers = g_new0 (PalierNumberSniffer, plan->n_columns);
  plan->date_sniffers = g_new0 (PalierDateSniffer, plan->n_columns);

  while (plan->n_sampled < SAMPLE_RECORDS
         && palier_csv_reader_next (reader, &record, &local_error))
    {
      guint n = MIN (record.n_fields, plan->n_columns);

      if (record_is_blank (&record))
        continue;

      plan->n_sampled++;
      if (plan->preview->len < PREVIEW_RECORDS)
        g_ptr_array_add (plan->preview, copy_record (&record));

      for (guint i = 0; i < n; i++)
        {
          palier_number_sniffer_add (&plan->number_sniffers[i], record.fields[i], record.lengths[i]);
          palier_date_sniffer_add (&plan->date_sniffers[i], record.fields[i], record.lengths[i]);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

PalierImportPlan *
palier_import_plan_new (const char                 *path,
                        const PalierImportOptions  *options,
                        GError                    **error)
{
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(PalierCsvReader) reader = NULL;
  PalierImportOptions defaults;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      palier_import_options_init (&defaults);
      options = &defaults;
    }

  plan = g_new0 (PalierImportPlan, 1);
  plan->path = g_strdup (path);
  plan->display_name = g_filename_display_basename (path);
  plan->forced_date_order = options->date_order;
  plan->forced_mark = options->decimal_mark;
  plan->skip_invalid = options->skip_invalid;
  plan->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  plan->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    plan->columns[f] = -1;

  reader = palier_csv_reader_new_for_path (path, &options->dialect, error);
  if (reader == NULL || !read_header (plan, reader, error))
    return NULL;

  plan->dialect.encoding = palier_csv_reader_get_encoding (reader);
  plan->dialect.delimiter = palier_csv_reader_get_delimiter (reader);

  if (!map_requested_columns (plan, options, error))
    return NULL;
  guess_columns (plan);
  if (!options->allow_unmapped && !check_required_fields (plan, error))
    return NULL;

  if (!read_sample (plan, reader, error))
    return NULL;
  resolve_styles (plan);

  return g_steal_pointer (&plan);
}

void
palier_import_plan_free (PalierImportPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->path);
  g_free (plan->display_name);
  g_strfreev (plan->headers);
  g_free (plan->number_sniffers);
  g_free (plan->date_sniffers);
  g_clear_pointer (&plan->preview, g_ptr_array_unref);
  g_clear_pointer (&plan->notes, g_ptr_array_unref);
  g_free (plan);
}

static char **
copy_rows (char **rows,
           guint  n_rows)
{
  char **copy = g_new0 (char *, n_rows + 1);

  for (guint i = 0; i < n_rows; i++)
    copy[i] = g_strdup (rows[i]);
  return copy;
}

PalierImportPlan *
palier_import_plan_copy (PalierImportPlan *plan)
{
  PalierImportPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  copy->path = g_strdup (plan->path);
  copy->display_name = g_strdup (plan->display_name);
  copy->headers = copy_rows (plan->headers, plan->n_columns);
  copy->number_sniffers = g_memdup2 (plan->number_sniffers,
                                     plan->n_columns * sizeof (PalierNumberSniffer));
  copy->date_sniffers = g_memdup2 (plan->date_sniffers,
                                   plan->n_columns * sizeof (PalierDateSniffer));

  copy->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < plan->preview->len; i++)
    g_ptr_array_add (copy->preview, g_strdupv (g_ptr_array_index (plan->preview, i)));

  copy->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < plan->notes->len; i++)
    g_ptr_array_add (copy->notes, g_strdup (g_ptr_array_index (plan->notes, i)));

  return copy;
}

/* Plan accessors */

const char *
palier_import_plan_get_path (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->path;
}

guint
palier_import_plan_get_n_columns (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_columns;
}

const char *
palier_import_plan_get_header (PalierImportPlan *plan,
                               guint             column)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (column < plan->n_columns, NULL);

  return plan->headers[column];
}

int
palier_import_plan_get_column (PalierImportPlan *plan,
                               PalierField       field)
{
  g_return_val_if_fail (plan != NULL, -1);
  g_return_val_if_fail (field < PALIER_N_FIELDS, -1);

  return plan->columns[field];
}

/* Maps @field to @column, or unmaps it with -1, which a required field
 * rejects.  The styles are decided again from the sample. */
gboolean
palier_import_plan_set_column (PalierImportPlan  *plan,
                               PalierField        field,
                               int                column,
                               GError           **error)
{
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (field < PALIER_N_FIELDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (column < -1 || column >= (int) plan->n_columns)
    {
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("%s: no column %d; the file has %u columns"),
                   plan->display_name, column, plan->n_columns);
      return FALSE;
    }
  if (column == -1 && palier_field_is_required (field))
    {
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("The field “%s” is required and needs a column"),
                   field_names[field]);
      return FALSE;
    }

  plan->columns[field] = column;
  resolve_styles (plan);
  return TRUE;
}

PalierEncoding
palier_import_plan_get_encoding (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, PALIER_ENCODING_AUTO);

  return plan->dialect.encoding;
}

char
palier_import_plan_get_delimiter (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, '\0');

  return plan->dialect.delimiter;
}

PalierDateOrder
palier_import_plan_get_date_order (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, PALIER_DATE_ORDER_AUTO);

  return plan->date_order;
}

/* Forces the date order, or with AUTO returns to the order the sample
 * decides. */
void
palier_import_plan_set_date_order (PalierImportPlan *plan,
                                   PalierDateOrder   order)
{
  g_return_if_fail (plan != NULL);

  plan->forced_date_order = order;
  resolve_styles (plan);
}

/* The decimal mark used for @field: AUTO when the field is not a mapped
 * number column. */
PalierDecimalMark
palier_import_plan_get_decimal_mark (PalierImportPlan *plan,
                                     PalierField       field)
{
  g_return_val_if_fail (plan != NULL, PALIER_DECIMAL_MARK_AUTO);
  g_return_val_if_fail (field < PALIER_N_FIELDS, PALIER_DECIMAL_MARK_AUTO);

  return plan->marks[field];
}

/* Forces the decimal mark of every number column, or with AUTO returns
 * to the marks the sample decides. */
void
palier_import_plan_set_decimal_mark (PalierImportPlan  *plan,
                                     PalierDecimalMark  mark)
{
  g_return_if_fail (plan != NULL);

  plan->forced_mark = mark;
  resolve_styles (plan);
}

gboolean
palier_import_plan_get_skip_invalid (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->skip_invalid;
}

void
palier_import_plan_set_skip_invalid (PalierImportPlan *plan,
                                     gboolean          skip_invalid)
{
  g_return_if_fail (plan != NULL);

  plan->skip_invalid = skip_invalid;
}

GPtrArray *
palier_import_plan_get_preview (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->preview;
}

GPtrArray *
palier_import_plan_get_notes (PalierImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->notes;
}

/* Running */

/* The reason a record was rejected, before it becomes an error or a
 * problem in the report. */
typedef struct {
  guint64     line;
  int         column;               /* -1 for the record as a whole */
  const char *value;
  gsize       value_len;
  char       *message;
} Rejection;

/* Trims the field of @column in place and returns it, or NULL when it is
 * empty. */
static const char *
field_text (const PalierCsvRecord *record,
            int                    column,
            gsize                 *out_len)
{
  const char *s = record->fields[column];
  const char *e = s + record->lengths[column];

  _palier_trim_spaces (&s, &e);
  *out_len = e - s;
  if (s == e)
    return NULL;

  /* The reader's buffer is writable until its next record. */
  *(char *) e = '\0';
  return s;
}

static gboolean
reject (Rejection             *rejection,
        const PalierCsvRecord *record,
        int                    column,
        char                  *message)
{
  rejection->line = record->line;
  rejection->column = column;
  rejection->value = column >= 0 ? record->fields[column] : NULL;
  rejection->value_len = column >= 0 ? record->lengths[column] : 0;
  rejection->message = message;
  return FALSE;
}

static gboolean
check_field_count (PalierImportPlan      *plan,
                   const PalierCsvRecord *record,
                   Rejection             *rejection)
{
  gboolean ok = record->n_fields >= plan->n_columns;

  /* Trailing delimiters after the last column are harmless. */
  for (guint i = plan->n_columns; ok && i < record->n_fields; i++)
    ok = record->lengths[i] == 0;
  if (ok)
    return TRUE;

  return reject (rejection, record, -1,
                 g_strdup_printf (_("%s:%llu: %u fields where "
                                    "the header has %u; check the quotes and "
                                    "delimiters on this line"),
                                  plan->display_name, (unsigned long long) record->line,
                                  record->n_fields, plan->n_columns));
}

static gboolean
reject_empty (PalierImportPlan      *plan,
              const PalierCsvRecord *record,
              PalierField            field,
              Rejection             *rejection)
{
  int column = plan->columns[field];

  return reject (rejection, record, column,
                 g_strdup_printf (_("%s:%llu: column “%s”: "
                                    "empty %s; every row needs a date, a "
                                    "partner and an amount"),
                                  plan->display_name, (unsigned long long) record->line,
                                  plan->headers[column], field_names[field]));
}

static gboolean
read_date_field (PalierImportPlan      *plan,
                 const PalierCsvRecord *record,
                 PalierDate            *out,
                 Rejection             *rejection)
{
  int column = plan->columns[PALIER_FIELD_DATE];
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *text = field_text (record, column, &len);

  if (text == NULL)
    return reject_empty (plan, record, PALIER_FIELD_DATE, rejection);
  if (palier_date_parse_text (text, len, plan->date_order, out, &error))
    return TRUE;

  /* Forcing another order cannot help a date of the other shape. */
  if (g_error_matches (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_DATE_SHAPE))
    return reject (rejection, record, column,
                   g_strdup_printf (plan->forced_date_order != PALIER_DATE_ORDER_AUTO
                                    ? _("%s:%llu: column “%s”: %s; check --date-format, or "
                                        "write this date like the others")
                                    : _("%s:%llu: column “%s”: %s; write this date like the "
                                        "others of the column"),
                                    plan->display_name, (unsigned long long) record->line,
                                    plan->headers[column], error->message));

  return reject (rejection, record, column,
                 g_strdup_printf (_("%s:%llu: column “%s”: %s; "
                                    "use --date-format to force the date order "
                                    "(YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY)"),
                                  plan->display_name, (unsigned long long) record->line,
                                  plan->headers[column], error->message));
}

/* Reads a number field; an empty optional one leaves *@has_value FALSE. */
static gboolean
read_number_field (PalierImportPlan      *plan,
                   const PalierCsvRecord *record,
                   PalierField            field,
                   PalierDecimal         *out,
                   gboolean              *has_value,
                   Rejection             *rejection)
{
  int column = plan->columns[field];
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *text;

  *has_value = FALSE;
  if (column < 0)
    return TRUE;

  text = field_text (record, column, &len);
  if (text == NULL)
    {
      if (palier_field_is_required (field))
        return reject_empty (plan, record, field, rejection);
      return TRUE;
    }

  if (palier_number_parse (text, len, plan->marks[field], out, &error))
    {
      *has_value = TRUE;
      return TRUE;
    }

  if (g_error_matches (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE))
    return reject (rejection, record, column,
                   g_strdup_printf (_("%s:%llu: column “%s”: %s"),
                                    plan->display_name, (unsigned long long) record->line,
                                    plan->headers[column], error->message));

  return reject (rejection, record, column,
                 g_strdup_printf (_("%s:%llu: column “%s”: %s; "
                                    "use --decimal-mark point or comma to "
                                    "force how the column is read"),
                                  plan->display_name, (unsigned long long) record->line,
                                  plan->headers[column], error->message));
}

static const char *
read_text_field (PalierImportPlan      *plan,
                 const PalierCsvRecord *record,
                 PalierField            field)
{
  gsize len;

  if (plan->columns[field] < 0)
    return NULL;
  return field_text (record, plan->columns[field], &len);
}

/* Converts @record into @row, whose strings point into the record. */
static gboolean
convert_record (PalierImportPlan      *plan,
                const PalierCsvRecord *record,
                PalierSaleRow         *row,
                Rejection             *rejection)
{
  gboolean has_amount;

  memset (row, 0, sizeof *row);
  row->line = record->line;

  if (!check_field_count (plan, record, rejection)
      || !read_date_field (plan, record, &row->date, rejection))
    return FALSE;

  row->partner = read_text_field (plan, record, PALIER_FIELD_PARTNER);
  if (row->partner == NULL)
    return reject_empty (plan, record, PALIER_FIELD_PARTNER, rejection);

  if (!read_number_field (plan, record, PALIER_FIELD_AMOUNT, &row->amount,
                          &has_amount, rejection)
      || !read_number_field (plan, record, PALIER_FIELD_MARGIN, &row->margin,
                             &row->has_margin, rejection)
      || !read_number_field (plan, record, PALIER_FIELD_QUANTITY, &row->quantity,
                             &row->has_quantity, rejection))
    return FALSE;

  row->product = read_text_field (plan, record, PALIER_FIELD_PRODUCT);
  row->category = read_text_field (plan, record, PALIER_FIELD_CATEGORY);
  row->region = read_text_field (plan, record, PALIER_FIELD_REGION);
  row->segment = read_text_field (plan, record, PALIER_FIELD_SEGMENT);
  row->deal = read_text_field (plan, record, PALIER_FIELD_DEAL);
  return TRUE;
}

/* Files @rejection in @report, taking its message.  Past MAX_PROBLEMS
 * only the count grows. */
static void
record_problem (PalierImportPlan   *plan,
                PalierImportReport *report,
                Rejection          *rejection)
{
  PalierImportProblem *problem;

  report->rows_skipped++;
  if (report->problems->len >= MAX_PROBLEMS)
    {
      g_clear_pointer (&rejection->message, g_free);
      return;
    }

  problem = g_new0 (PalierImportProblem, 1);
  problem->line = rejection->line;
  if (rejection->column >= 0)
    {
      problem->column = g_strdup (plan->headers[rejection->column]);
      problem->value = g_strndup (rejection->value, rejection->value_len);
    }
  problem->message = g_steal_pointer (&rejection->message);
  g_ptr_array_add (report->problems, problem);
}

static void
report_progress (PalierCsvReader    *reader,
                 PalierProgressFunc  progress,
                 gpointer            progress_data,
                 guint64            *last_reported)
{
  guint64 position = palier_csv_reader_get_position (reader);

  if (position - *last_reported < PROGRESS_INTERVAL)
    return;
  *last_reported = position;
  progress (position, palier_csv_reader_get_size (reader), progress_data);
}

static gboolean
check_cancelled (PalierImportPlan  *plan,
                 GCancellable      *cancellable,
                 GError           **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_CANCELLED,
               _("Import of %s cancelled"), plan->display_name);
  return TRUE;
}

static PalierCsvReader *
open_for_run (PalierImportPlan  *plan,
              GError           **error)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  PalierCsvRecord header;

  reader = palier_csv_reader_new_for_path (plan->path, &plan->dialect, error);
  if (reader == NULL)
    return NULL;

  if (!palier_csv_reader_next (reader, &header, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_EMPTY,
                     _("%s: the file is empty; a header line naming the "
                       "columns is expected"),
                     plan->display_name);
      return NULL;
    }
  return g_steal_pointer (&reader);
}

/* Converts every record after the header and hands the valid ones to
 * @sink. */
static gboolean
run_records (PalierImportPlan    *plan,
             PalierCsvReader     *reader,
             PalierSaleSink       sink,
             gpointer             sink_data,
             PalierProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             PalierImportReport  *report,
             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  PalierCsvRecord record;
  guint64 last_reported = 0;
  guint64 n_records = 0;

  while (palier_csv_reader_next (reader, &record, &local_error))
    {
      PalierSaleRow row;
      Rejection rejection = { 0, };

      if (++n_records % CANCEL_CHECK_INTERVAL == 0
          && check_cancelled (plan, cancellable, error))
        return FALSE;

      if (record_is_blank (&record))
        continue;
      report->rows_read++;

      if (!convert_record (plan, &record, &row, &rejection))
        {
          if (!plan->skip_invalid)
            {
              g_set_error_literal (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                                   rejection.message);
              g_free (rejection.message);
              return FALSE;
            }
          record_problem (plan, report, &rejection);
          continue;
        }

      if (!sink (&row, sink_data, error))
        return FALSE;
      report->rows_imported++;

      if (progress != NULL)
        report_progress (reader, progress, progress_data, &last_reported);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (check_cancelled (plan, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (palier_csv_reader_get_size (reader), palier_csv_reader_get_size (reader),
              progress_data);
  return TRUE;
}

gboolean
palier_import_plan_run (PalierImportPlan    *plan,
                        PalierSaleSink       sink,
                        gpointer             sink_data,
                        PalierProgressFunc   progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        PalierImportReport  *report,
                        GError             **error)
{
  g_autoptr(PalierCsvReader) reader = NULL;
  PalierImportReport local_report;
  gboolean ok;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_required_fields (plan, error))
    return FALSE;

  reader = open_for_run (plan, error);
  if (reader == NULL)
    return FALSE;

  palier_import_report_init (&local_report);
  ok = run_records (plan, reader, sink, sink_data, progress, progress_data,
                    cancellable, report != NULL ? report : &local_report, error);
  palier_import_report_clear (&local_report);
  return ok;
}
