/* palier-quotas-import.c: reading a quotas file
 *
 * The whole file is read into memory first: quotas files are small, and
 * the quota column's decimal mark is decided from all its values before
 * any of them is parsed.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-quotas-import.h"
#include "palier-file-check-private.h"
#include "palier-file-import-private.h"
#include "palier-import.h"
#include "palier-import-private.h"

static const char *const field_names[PALIER_QUOTAS_N_FIELDS] = {
  "partner", "period", "quota",
};

/* Common English and French headers for each field, in order of
 * preference. */
static const char *const *const field_headers[PALIER_QUOTAS_N_FIELDS] = {
  [PALIER_QUOTAS_FIELD_PARTNER] = (const char *const[]) {
    "partner", "partner id", "reseller key", "reseller", "reseller id",
    "dealer", "customer id", "partenaire", "revendeur", "code client", NULL },
  [PALIER_QUOTAS_FIELD_PERIOD] = (const char *const[]) {
    "period", "quota period", "fiscal period", "période", "periode", NULL },
  [PALIER_QUOTAS_FIELD_QUOTA] = (const char *const[]) {
    "quota", "target", "sales quota", "objective", "objectif", NULL },
};

typedef struct {
  PalierImportTable table;
  int            columns[PALIER_QUOTAS_N_FIELDS];
  PalierDecimalMark decimal_mark;
} QuotasFile;

static void
quotas_file_clear (QuotasFile *file)
{
  _palier_import_table_clear (&file->table);
}

const char *
palier_quotas_field_to_string (PalierQuotasField field)
{
  g_return_val_if_fail (field < PALIER_QUOTAS_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
palier_quotas_field_from_string (const char        *text,
                                 PalierQuotasField *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint f = 0; f < PALIER_QUOTAS_N_FIELDS; f++)
    if (g_ascii_strcasecmp (text, field_names[f]) == 0)
      {
        *out = f;
        return TRUE;
      }
  return FALSE;
}

void
palier_quotas_options_init (PalierQuotasOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->decimal_mark = PALIER_DECIMAL_MARK_AUTO;
}

void
palier_quotas_options_clear (PalierQuotasOptions *options)
{
  g_return_if_fail (options != NULL);

  for (guint f = 0; f < PALIER_QUOTAS_N_FIELDS; f++)
    g_clear_pointer (&options->columns[f], g_free);
}

void
palier_quota_free (PalierQuota *quota)
{
  if (quota == NULL)
    return;

  g_free (quota->partner);
  g_free (quota->label);
  g_free (quota);
}

/* Period labels */

static gboolean
parse_kinds (const char       *label,
             int               fy_start,
             PalierDate       *out_first,
             PalierDate       *out_last)
{
  static const PalierPeriodKind kinds[] = {
    PALIER_PERIOD_MONTH, PALIER_PERIOD_QUARTER, PALIER_PERIOD_HALF, PALIER_PERIOD_YEAR,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gint32 index;

      /* Months never carry the fiscal prefix, whatever the fiscal year. */
      if (kinds[k] == PALIER_PERIOD_MONTH && fy_start != 1)
        continue;

      if (palier_period_parse_label (kinds[k], fy_start, label, &index))
        {
          palier_period_bounds (kinds[k], fy_start, index, out_first, out_last);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
palier_quota_parse_period (const char   *label,
                           int           fiscal_year_start,
                           PalierDate   *out_first,
                           PalierDate   *out_last,
                           GError      **error)
{
  g_autofree char *upper = NULL;
  gboolean fiscal;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (out_first != NULL && out_last != NULL, FALSE);

  upper = g_ascii_strup (label, -1);
  fiscal = g_str_has_prefix (upper, "FY");

  if (fiscal && (fiscal_year_start < 2 || fiscal_year_start > 12))
    {
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                   _("the fiscal period “%s” needs a fiscal year that does not start in January; give the month it starts in (--fiscal-year-start), or use calendar labels such as 2017-Q1"),
                   label);
      return FALSE;
    }

  if (!parse_kinds (upper, fiscal ? fiscal_year_start : 1, out_first, out_last))
    {
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                   _("unknown period label “%s”; use a month (2017-03), a quarter (2017-Q1), a half (2017-H1), a year (2017) or a fiscal period (FY2018-Q1, FY2018-H1, FY2018)"),
                   label);
      return FALSE;
    }
  return TRUE;
}

/* Reading */

/* Reads the header and every record into the file's table. */
static gboolean
read_records (QuotasFile                 *file,
              const char                 *path,
              const PalierQuotasOptions  *options,
              GError                    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_palier_import_table_read (&file->table, path, &options->dialect, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                 _("%s: the file is empty; a quotas file needs a header line"),
                 file->table.display_name);
  return FALSE;
}

/* Maps each field to the requested column, or to a guessed one that no
 * other field uses.  Every field is required, unless @require_all is
 * FALSE. */
static gboolean
map_columns (QuotasFile                 *file,
             const PalierQuotasOptions  *options,
             gboolean                    require_all,
             GError                    **error)
{
  if (!_palier_import_table_map (&file->table, PALIER_QUOTAS_N_FIELDS, field_names, field_headers,
                                 options->columns, file->columns, error))
    return FALSE;

  for (guint f = 0; require_all && f < PALIER_QUOTAS_N_FIELDS; f++)
    {
      g_autofree char *headers = NULL;

      if (file->columns[f] >= 0)
        continue;

      headers = _palier_import_list_headers (file->table.headers, file->table.n_columns);
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("%s: no column holds the field “%s”; the columns are %s; use --map quotas.%s=COLUMN"),
                   file->table.display_name, field_names[f], headers, field_names[f]);
      return FALSE;
    }
  return TRUE;
}

/* Decides the quota column's decimal mark from all its values, unless
 * the options fix it.  An undecided mark stays AUTO, which reads any
 * value that is not ambiguous. */
static void
resolve_decimal_mark (QuotasFile                *file,
                      const PalierQuotasOptions *options)
{
  int column = file->columns[PALIER_QUOTAS_FIELD_QUOTA];
  PalierNumberSniffer sniffer = { 0 };

  file->decimal_mark = options->decimal_mark;
  if (column < 0 || file->decimal_mark != PALIER_DECIMAL_MARK_AUTO)
    return;

  for (guint i = 0; i < file->table.rows->len; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (file->table.rows, i);

      if (row->fields[column][0] != '\0')
        palier_number_sniffer_add (&sniffer, row->fields[column], strlen (row->fields[column]));
    }
  file->decimal_mark = palier_number_sniffer_result (&sniffer);
}

static const char *
header_of (const QuotasFile  *file,
           PalierQuotasField  field)
{
  return file->table.headers[file->columns[field]];
}

static gboolean
set_value_error (const QuotasFile   *file,
                 const PalierImportRow          *row,
                 PalierQuotasField   field,
                 const char         *value,
                 const char         *problem,
                 GError            **error)
{
  g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
               /* Translators: the last %s is the problem with the value. */
               _("%s:%llu: column “%s”: “%s”: %s"),
               file->table.display_name, (unsigned long long) row->line,
               header_of (file, field), value, problem);
  return FALSE;
}

static gboolean
parse_quota (const QuotasFile  *file,
             const PalierImportRow         *row,
             PalierDecimal     *out_quota,
             GError           **error)
{
  const char *text = row->fields[file->columns[PALIER_QUOTAS_FIELD_QUOTA]];
  g_autoptr(GError) local_error = NULL;

  if (text[0] == '\0')
    return set_value_error (file, row, PALIER_QUOTAS_FIELD_QUOTA, text,
                            _("empty quota; every row needs one"), error);

  if (!palier_number_parse (text, strlen (text), file->decimal_mark, out_quota, &local_error))
    {
      g_autofree char *problem = NULL;

      /* Another decimal mark cannot help a value with too many decimals
       * or too large. */
      if (g_error_matches (local_error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_RANGE))
        problem = g_strdup_printf (_("invalid quota: %s"), local_error->message);
      else
        problem = g_strdup_printf (_("invalid quota: %s; use --decimal-mark point or comma to force the decimal mark"),
                                   local_error->message);

      return set_value_error (file, row, PALIER_QUOTAS_FIELD_QUOTA, text, problem, error);
    }

  if (*out_quota <= 0)
    return set_value_error (file, row, PALIER_QUOTAS_FIELD_QUOTA, text,
                            _("the quota must be greater than zero"), error);
  return TRUE;
}

/* Converts @row, or fails naming in @out_field the field whose value is
 * invalid. */
static PalierQuota *
convert_row (const QuotasFile           *file,
             const PalierImportRow                  *row,
             const PalierQuotasOptions  *options,
             PalierQuotasField          *out_field,
             GError                    **error)
{
  const char *partner = row->fields[file->columns[PALIER_QUOTAS_FIELD_PARTNER]];
  const char *label = row->fields[file->columns[PALIER_QUOTAS_FIELD_PERIOD]];
  g_autoptr(PalierQuota) quota = g_new0 (PalierQuota, 1);
  g_autoptr(GError) local_error = NULL;

  if (partner[0] == '\0')
    {
      *out_field = PALIER_QUOTAS_FIELD_PARTNER;
      set_value_error (file, row, PALIER_QUOTAS_FIELD_PARTNER, partner,
                       _("empty partner id; every row needs one"), error);
      return NULL;
    }

  if (!palier_quota_parse_period (label, options->fiscal_year_start,
                                  &quota->first, &quota->last, &local_error))
    {
      *out_field = PALIER_QUOTAS_FIELD_PERIOD;
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                   _("%s:%llu: column “%s”: %s"), file->table.display_name, (unsigned long long) row->line,
                   header_of (file, PALIER_QUOTAS_FIELD_PERIOD), local_error->message);
      return NULL;
    }

  if (!parse_quota (file, row, &quota->quota, error))
    {
      *out_field = PALIER_QUOTAS_FIELD_QUOTA;
      return NULL;
    }

  quota->partner = g_strdup (partner);
  quota->label = g_strdup (label);
  quota->line = row->line;
  return g_steal_pointer (&quota);
}

static int
compare_partner_first (const void *a,
                       const void *b)
{
  const PalierQuota *qa = *(const PalierQuota * const *) a;
  const PalierQuota *qb = *(const PalierQuota * const *) b;
  int order = strcmp (qa->partner, qb->partner);

  if (order != 0)
    return order;
  return qa->first < qb->first ? -1 : (qa->first > qb->first ? 1 : 0);
}

/* Finds the rows of one partner whose periods share a day with an
 * earlier-sorted row, because the simulation would count those days
 * twice.  Without @problems, fails on the first such pair.  With it,
 * records each pair there, under the later line, and removes that
 * line's quota from @quotas. */
static gboolean
check_overlaps (const QuotasFile  *file,
                GPtrArray         *quotas,
                GPtrArray         *problems,
                GError           **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (quotas, NULL, NULL);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  const PalierQuota *kept = NULL;

  /* The copy takes @quotas' free function, but not its elements. */
  g_ptr_array_set_free_func (sorted, NULL);
  if (sorted->len > 1)
    qsort (sorted->pdata, sorted->len, sizeof (gpointer), compare_partner_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      PalierQuota *later = g_ptr_array_index (sorted, i);
      const PalierQuota *earlier = kept;
      const PalierQuota *first_line, *second_line;
      g_autofree char *message = NULL;

      if (earlier == NULL || strcmp (earlier->partner, later->partner) != 0 ||
          later->first > earlier->last)
        {
          kept = later;
          continue;
        }

      first_line = earlier->line < later->line ? earlier : later;
      second_line = earlier->line < later->line ? later : earlier;
      message = g_strdup_printf (_("%s:%llu: partner “%s” already has a quota for “%s” on line %llu, which shares days with “%s”; give each partner one quota per period"),
                                 file->table.display_name, (unsigned long long) second_line->line,
                                 later->partner, first_line->label, (unsigned long long) first_line->line,
                                 second_line->label);
      if (problems == NULL)
        {
          g_set_error_literal (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE, message);
          return FALSE;
        }

      _palier_file_check_add_problem (problems, second_line->line,
                                      file->table.headers[file->columns[PALIER_QUOTAS_FIELD_PERIOD]],
                                      second_line->label, message);
      g_ptr_array_add (dropped, (gpointer) second_line);
      kept = first_line;
    }

  for (guint i = 0; i < dropped->len; i++)
    g_ptr_array_remove (quotas, g_ptr_array_index (dropped, i));
  return TRUE;
}

GPtrArray *
palier_quotas_read (const char                 *path,
                    const PalierQuotasOptions  *options,
                    GError                    **error)
{
  QuotasFile file = { 0 };
  g_autoptr(GPtrArray) quotas = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file.table.display_name = g_filename_display_basename (path);
  if (!read_records (&file, path, options, error))
    {
      quotas_file_clear (&file);
      return NULL;
    }

  if (file.table.problems->len > 0)
    {
      const PalierImportProblem *first = g_ptr_array_index (file.table.problems, 0);

      g_set_error_literal (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE, first->message);
      quotas_file_clear (&file);
      return NULL;
    }

  if (!map_columns (&file, options, TRUE, error))
    {
      quotas_file_clear (&file);
      return NULL;
    }
  resolve_decimal_mark (&file, options);

  quotas = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_quota_free);
  for (guint i = 0; i < file.table.rows->len; i++)
    {
      PalierQuotasField field;
      PalierQuota *quota = convert_row (&file, g_ptr_array_index (file.table.rows, i), options, &field, error);

      if (quota == NULL)
        {
          quotas_file_clear (&file);
          return NULL;
        }
      g_ptr_array_add (quotas, quota);
    }

  if (!check_overlaps (&file, quotas, NULL, error))
    {
      quotas_file_clear (&file);
      return NULL;
    }

  quotas_file_clear (&file);
  return g_steal_pointer (&quotas);
}

static gboolean
has_fiscal_labels (const QuotasFile *file)
{
  int column = file->columns[PALIER_QUOTAS_FIELD_PERIOD];

  for (guint i = 0; column >= 0 && i < file->table.rows->len; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (file->table.rows, i);

      if (g_ascii_strncasecmp (row->fields[column], "FY", 2) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Copies what the dialog shows from @file into @check. */
static void
describe_file (const QuotasFile *file,
               PalierFileCheck  *check)
{
  _palier_import_table_describe (&file->table, PALIER_QUOTAS_N_FIELDS, file->columns, check);
  check->decimal_mark = file->decimal_mark;
  check->has_fiscal_labels = has_fiscal_labels (file);
}

static gboolean
all_fields_mapped (const QuotasFile *file)
{
  for (guint f = 0; f < PALIER_QUOTAS_N_FIELDS; f++)
    if (file->columns[f] < 0)
      return FALSE;
  return TRUE;
}

PalierFileCheck *
palier_quotas_check (const char                 *path,
                     const PalierQuotasOptions  *options,
                     GError                    **error)
{
  QuotasFile file = { 0 };
  g_autoptr(PalierFileCheck) check = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file.table.display_name = g_filename_display_basename (path);
  if (!read_records (&file, path, options, error) || !map_columns (&file, options, FALSE, error))
    {
      quotas_file_clear (&file);
      return NULL;
    }
  resolve_decimal_mark (&file, options);

  check = _palier_file_check_new ((GDestroyNotify) palier_quota_free);
  describe_file (&file, check);
  g_ptr_array_extend_and_steal (check->problems, g_steal_pointer (&file.table.problems));

  for (guint i = 0; all_fields_mapped (&file) && i < file.table.rows->len; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (file.table.rows, i);
      g_autoptr(GError) row_error = NULL;
      PalierQuotasField field = PALIER_QUOTAS_FIELD_PARTNER;
      PalierQuota *quota = convert_row (&file, row, options, &field, &row_error);
      int column = file.columns[field];

      if (quota == NULL)
        _palier_file_check_add_problem (check->problems, row->line, file.table.headers[column],
                                        row->fields[column], row_error->message);
      else
        g_ptr_array_add (check->records, quota);
    }

  check_overlaps (&file, check->records, check->problems, NULL);
  _palier_file_check_sort_problems (check);
  quotas_file_clear (&file);
  return g_steal_pointer (&check);
}
