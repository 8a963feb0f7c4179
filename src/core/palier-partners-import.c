/* palier-partners-import.c: reading a partners file
 *
 * The whole file is read into memory first: partners files are small,
 * and the start column's date order is decided from all its values
 * before any of them is parsed.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-partners-import.h"
#include "palier-file-check-private.h"
#include "palier-file-import-private.h"
#include "palier-import.h"
#include "palier-import-private.h"
#include "palier-store.h"

static const char *const field_names[PALIER_PARTNERS_N_FIELDS] = {
  "partner", "name", "segment", "region", "start",
};

/* Common English and French headers for each field, in order of
 * preference. */
static const char *const *const field_headers[PALIER_PARTNERS_N_FIELDS] = {
  [PALIER_PARTNERS_FIELD_PARTNER] = (const char *const[]) {
    "partner", "partner id", "reseller key", "reseller", "reseller id",
    "dealer", "customer id", "partenaire", "revendeur", "code client", NULL },
  [PALIER_PARTNERS_FIELD_NAME] = (const char *const[]) {
    "name", "partner name", "reseller name", "dealer name", "nom",
    "raison sociale", NULL },
  [PALIER_PARTNERS_FIELD_SEGMENT] = (const char *const[]) {
    "segment", "business type", "tier", "type de partenaire", NULL },
  [PALIER_PARTNERS_FIELD_REGION] = (const char *const[]) {
    "region", "territory", "région", "territoire", NULL },
  [PALIER_PARTNERS_FIELD_START] = (const char *const[]) {
    "start", "start date", "since", "date de début", "date d'entrée", NULL },
};

typedef struct {
  PalierImportTable table;
  char        *path;
  int          columns[PALIER_PARTNERS_N_FIELDS];
  PalierDateOrder date_order;
} PartnersFile;

static void
partners_file_clear (PartnersFile *file)
{
  g_free (file->path);
  _palier_import_table_clear (&file->table);
}

const char *
palier_partners_field_to_string (PalierPartnersField field)
{
  g_return_val_if_fail (field < PALIER_PARTNERS_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
palier_partners_field_from_string (const char          *text,
                                   PalierPartnersField *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint f = 0; f < PALIER_PARTNERS_N_FIELDS; f++)
    if (g_ascii_strcasecmp (text, field_names[f]) == 0)
      {
        *out = f;
        return TRUE;
      }
  return FALSE;
}

void
palier_partners_options_init (PalierPartnersOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->date_order = PALIER_DATE_ORDER_AUTO;
}

void
palier_partners_options_clear (PalierPartnersOptions *options)
{
  g_return_if_fail (options != NULL);

  for (guint f = 0; f < PALIER_PARTNERS_N_FIELDS; f++)
    g_clear_pointer (&options->columns[f], g_free);
}

/* Reads the header and every record into the file's table. */
static gboolean
read_records (PartnersFile                *file,
              const PalierPartnersOptions *options,
              GError                     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_palier_import_table_read (&file->table, file->path, &options->dialect, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                 _("%s: the file is empty; a partners file needs a header line"),
                 file->table.display_name);
  return FALSE;
}

/* Maps each field to the requested column, or to a guessed one that no
 * other field uses.  Without @require_partner, a partner id left without
 * a column is not an error. */
static gboolean
map_columns (PartnersFile                *file,
             const PalierPartnersOptions *options,
             gboolean                     require_partner,
             GError                     **error)
{
  if (!_palier_import_table_map (&file->table, PALIER_PARTNERS_N_FIELDS, field_names, field_headers,
                                 options->columns, file->columns, error))
    return FALSE;

  if (require_partner && file->columns[PALIER_PARTNERS_FIELD_PARTNER] < 0)
    {
      g_autofree char *headers = _palier_import_list_headers (file->table.headers, file->table.n_columns);

      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING,
                   _("%s: no column holds the partner id; the columns are %s; use --map partners.partner=COLUMN"),
                   file->table.display_name, headers);
      return FALSE;
    }
  return TRUE;
}

/* Decides the start column's date order from all its values, unless
 * the options fix it.  An undecided order stays AUTO, which reads any
 * date that is not ambiguous. */
static void
resolve_date_order (PartnersFile                *file,
                    const PalierPartnersOptions *options)
{
  int column = file->columns[PALIER_PARTNERS_FIELD_START];
  PalierDateSniffer sniffer = { 0 };

  file->date_order = options->date_order;
  if (column < 0 || file->date_order != PALIER_DATE_ORDER_AUTO)
    return;

  for (guint i = 0; i < file->table.rows->len; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (file->table.rows, i);

      if (row->fields[column][0] != '\0')
        palier_date_sniffer_add (&sniffer, row->fields[column], strlen (row->fields[column]));
    }
  file->date_order = palier_date_sniffer_result (&sniffer);
}

static const char *
cell (const PartnersFile  *file,
      const PalierImportRow           *row,
      PalierPartnersField  field)
{
  int column = file->columns[field];

  if (column < 0 || row->fields[column][0] == '\0')
    return NULL;
  return row->fields[column];
}

/* Converts @row, or fails naming in @out_field the field whose value is
 * invalid. */
static PalierPartner *
convert_row (const PartnersFile   *file,
             const PalierImportRow            *row,
             PalierPartnersField  *out_field,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *code = cell (file, row, PALIER_PARTNERS_FIELD_PARTNER);
  const char *start = cell (file, row, PALIER_PARTNERS_FIELD_START);
  PalierDate start_date = PALIER_DATE_NONE;
  PalierPartner *partner;

  if (code == NULL)
    {
      *out_field = PALIER_PARTNERS_FIELD_PARTNER;
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                   _("%s:%llu: column “%s”: empty partner id; every row needs one"),
                   file->table.display_name, (unsigned long long) row->line,
                   file->table.headers[file->columns[PALIER_PARTNERS_FIELD_PARTNER]]);
      return NULL;
    }

  if (start != NULL
      && !palier_date_parse_text (start, strlen (start), file->date_order,
                                  &start_date, &local_error))
    {
      *out_field = PALIER_PARTNERS_FIELD_START;
      if (g_error_matches (local_error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_AMBIGUOUS))
        g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                     _("%s:%llu: column “%s”: invalid start date “%s”: %s; use --date-order MDY or DMY to choose the order"),
                     file->table.display_name, (unsigned long long) row->line,
                     file->table.headers[file->columns[PALIER_PARTNERS_FIELD_START]],
                     start, local_error->message);
      else
        g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                     _("%s:%llu: column “%s”: invalid start date “%s”: %s"),
                     file->table.display_name, (unsigned long long) row->line,
                     file->table.headers[file->columns[PALIER_PARTNERS_FIELD_START]],
                     start, local_error->message);
      return NULL;
    }

  partner = g_new0 (PalierPartner, 1);
  partner->code = g_strdup (code);
  partner->name = g_strdup (cell (file, row, PALIER_PARTNERS_FIELD_NAME));
  partner->segment = g_strdup (cell (file, row, PALIER_PARTNERS_FIELD_SEGMENT));
  partner->region = g_strdup (cell (file, row, PALIER_PARTNERS_FIELD_REGION));
  partner->start = start_date;
  return partner;
}

/* The partners read so far, in file order, with the line of each. */
typedef struct {
  GPtrArray  *partners;             /* PalierPartner * */
  GArray     *lines;                /* guint64, parallel to partners */
  GHashTable *index;                /* code -> position in partners */
} PartnerList;

static void
partner_list_init (PartnerList *list,
                   GPtrArray   *partners)
{
  list->partners = partners;
  list->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  list->index = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
partner_list_clear (PartnerList *list)
{
  g_clear_pointer (&list->lines, g_array_unref);
  g_clear_pointer (&list->index, g_hash_table_unref);
}

/* Returns the first field whose value differs between @a and @b, or
 * PALIER_PARTNERS_N_FIELDS when none does. */
static PalierPartnersField
find_differing_field (const PalierPartner *a,
                      const PalierPartner *b)
{
  if (g_strcmp0 (a->name, b->name) != 0)
    return PALIER_PARTNERS_FIELD_NAME;
  if (g_strcmp0 (a->segment, b->segment) != 0)
    return PALIER_PARTNERS_FIELD_SEGMENT;
  if (g_strcmp0 (a->region, b->region) != 0)
    return PALIER_PARTNERS_FIELD_REGION;
  if (a->start != b->start)
    return PALIER_PARTNERS_FIELD_START;
  return PALIER_PARTNERS_N_FIELDS;
}

static const char *
partner_text (const PalierPartner *partner,
              PalierPartnersField  field)
{
  const char *text = NULL;

  switch (field)
    {
    case PALIER_PARTNERS_FIELD_NAME:
      text = partner->name;
      break;
    case PALIER_PARTNERS_FIELD_SEGMENT:
      text = partner->segment;
      break;
    case PALIER_PARTNERS_FIELD_REGION:
      text = partner->region;
      break;
    case PALIER_PARTNERS_FIELD_PARTNER:
    case PALIER_PARTNERS_FIELD_START:
    case PALIER_PARTNERS_N_FIELDS:
    default:
      break;
    }
  return text != NULL ? text : "";
}

/* Adds @partner, read on @row, to @list, taking it.  A later row of the
 * same partner with the same values is dropped.  One with another name,
 * segment, region or start date fails naming both lines and both
 * values, and sets *@out_field to that field, because silently keeping
 * either row would hide a mistake in the file. */
static gboolean
add_partner (const PartnersFile   *file,
             PartnerList          *list,
             PalierPartner        *partner,
             const PalierImportRow            *row,
             PalierPartnersField  *out_field,
             GError              **error)
{
  gpointer position;
  const PalierPartner *earlier;
  guint64 earlier_line;
  PalierPartnersField field;

  if (!g_hash_table_lookup_extended (list->index, partner->code, NULL, &position))
    {
      g_hash_table_insert (list->index, partner->code, GUINT_TO_POINTER (list->partners->len));
      g_ptr_array_add (list->partners, partner);
      g_array_append_val (list->lines, row->line);
      return TRUE;
    }

  earlier = g_ptr_array_index (list->partners, GPOINTER_TO_UINT (position));
  earlier_line = g_array_index (list->lines, guint64, GPOINTER_TO_UINT (position));
  field = find_differing_field (earlier, partner);
  if (field == PALIER_PARTNERS_N_FIELDS)
    {
      palier_partner_free (partner);
      return TRUE;
    }

  *out_field = field;
  if (field == PALIER_PARTNERS_FIELD_START)
    {
      char earlier_date[16] = "";
      char later_date[16] = "";

      if (earlier->start != PALIER_DATE_NONE)
        palier_date_format_iso (earlier->start, earlier_date);
      if (partner->start != PALIER_DATE_NONE)
        palier_date_format_iso (partner->start, later_date);
      g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                   _("%s:%llu: partner “%s” starts on “%s” here but on “%s” on line %llu; give each partner one row, or the same values on each of its rows"),
                   file->table.display_name, (unsigned long long) row->line, partner->code,
                   later_date, earlier_date, (unsigned long long) earlier_line);
    }
  else
    /* Translators: the second %s is the field: name, segment or region. */
    g_set_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE,
                 _("%s:%llu: partner “%s” has the %s “%s” here but “%s” on line %llu; give each partner one row, or the same values on each of its rows"),
                 file->table.display_name, (unsigned long long) row->line, partner->code,
                 field_names[field], partner_text (partner, field),
                 partner_text (earlier, field), (unsigned long long) earlier_line);

  palier_partner_free (partner);
  return FALSE;
}

GPtrArray *
palier_partners_read (const char                  *path,
                      const PalierPartnersOptions *options,
                      GError                     **error)
{
  PartnersFile file = { 0 };
  g_autoptr(GPtrArray) partners = NULL;
  PartnerList list;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file.path = g_strdup (path);
  file.table.display_name = g_filename_display_basename (path);
  if (!read_records (&file, options, error))
    {
      partners_file_clear (&file);
      return NULL;
    }

  if (file.table.problems->len > 0)
    {
      const PalierImportProblem *first = g_ptr_array_index (file.table.problems, 0);

      g_set_error_literal (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE, first->message);
      partners_file_clear (&file);
      return NULL;
    }

  if (!map_columns (&file, options, TRUE, error))
    {
      partners_file_clear (&file);
      return NULL;
    }
  resolve_date_order (&file, options);

  partners = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_partner_free);
  partner_list_init (&list, partners);
  for (guint i = 0; i < file.table.rows->len; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (file.table.rows, i);
      PalierPartnersField field;
      PalierPartner *partner = convert_row (&file, row, &field, error);

      if (partner == NULL || !add_partner (&file, &list, partner, row, &field, error))
        {
          partner_list_clear (&list);
          partners_file_clear (&file);
          return NULL;
        }
    }

  partner_list_clear (&list);
  partners_file_clear (&file);
  return g_steal_pointer (&partners);
}

/* Copies what the dialog shows from @file into @check. */
static void
describe_file (const PartnersFile *file,
               PalierFileCheck    *check)
{
  _palier_import_table_describe (&file->table, PALIER_PARTNERS_N_FIELDS, file->columns, check);
  check->date_order = file->date_order;
}

PalierFileCheck *
palier_partners_check (const char                  *path,
                       const PalierPartnersOptions *options,
                       GError                     **error)
{
  PartnersFile file = { 0 };
  g_autoptr(PalierFileCheck) check = NULL;
  PartnerList list;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file.path = g_strdup (path);
  file.table.display_name = g_filename_display_basename (path);
  if (!read_records (&file, options, error) || !map_columns (&file, options, FALSE, error))
    {
      partners_file_clear (&file);
      return NULL;
    }
  resolve_date_order (&file, options);

  check = _palier_file_check_new ((GDestroyNotify) palier_partner_free);
  describe_file (&file, check);
  g_ptr_array_extend_and_steal (check->problems, g_steal_pointer (&file.table.problems));

  partner_list_init (&list, check->records);
  for (guint i = 0; file.columns[PALIER_PARTNERS_FIELD_PARTNER] >= 0 && i < file.table.rows->len; i++)
    {
      const PalierImportRow *row = g_ptr_array_index (file.table.rows, i);
      g_autoptr(GError) row_error = NULL;
      PalierPartnersField field = PALIER_PARTNERS_FIELD_PARTNER;
      PalierPartner *partner = convert_row (&file, row, &field, &row_error);

      if (partner == NULL || !add_partner (&file, &list, partner, row, &field, &row_error))
        {
          int column = file.columns[field];

          _palier_file_check_add_problem (check->problems, row->line,
                                          column >= 0 ? file.table.headers[column] : NULL,
                                          column >= 0 ? row->fields[column] : NULL,
                                          row_error->message);
        }
    }
  partner_list_clear (&list);

  _palier_file_check_sort_problems (check);
  partners_file_clear (&file);
  return g_steal_pointer (&check);
}
