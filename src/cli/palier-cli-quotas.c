/* palier-cli-quotas.c: "palier-cli import-quotas", and the partners and
 * quotas files that "simulate --sales" and "compare --sales" read
 *
 * A quotas file gives each partner a quota per period label.  Imported
 * into a workspace, a quota replaces the partner's stored quotas whose
 * periods share a day with it; partners not yet in the workspace are
 * created, and their number is printed so that a mistyped id shows.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-cli-private.h"

typedef gboolean (*FieldFromString) (const char *text,
                                     guint      *out);

static gboolean
quotas_field_from_string (const char *text,
                          guint      *out)
{
  PalierQuotasField field;

  if (!palier_quotas_field_from_string (text, &field))
    return FALSE;
  *out = field;
  return TRUE;
}

static gboolean
partners_field_from_string (const char *text,
                            guint      *out)
{
  PalierPartnersField field;

  if (!palier_partners_field_from_string (text, &field))
    return FALSE;
  *out = field;
  return TRUE;
}

/* Reads "PREFIX.FIELD=COLUMN" (the prefix may be left out) into
 * @columns, indexed by field. */
static gboolean
parse_file_map (const char       *map,
                const char       *prefix,
                FieldFromString   field_from_string,
                const char       *fields_list,
                char            **columns,
                GError          **error)
{
  g_autofree char *dotted = g_strconcat (prefix, ".", NULL);
  const char *equals = strchr (map, '=');
  const char *start = g_str_has_prefix (map, dotted) ? map + strlen (dotted) : map;
  g_autofree char *field_name = NULL;
  guint field;

  if (equals == NULL || equals <= start || equals[1] == '\0')
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --map “%s”; expected %s.FIELD=COLUMN"),
                                   map, prefix);
      return FALSE;
    }

  field_name = g_strndup (start, (gsize) (equals - start));
  if (!field_from_string (field_name, &field))
    {
      _palier_cli_set_usage_error (error,
                                   _("unknown field “%s” in --map; the fields of a %s file are %s"),
                                   field_name, prefix, fields_list);
      return FALSE;
    }

  if (columns[field] != NULL)
    {
      _palier_cli_set_usage_error (error,
                                   _("the field “%s” is mapped twice; give one --map per field"),
                                   field_name);
      return FALSE;
    }

  columns[field] = g_strdup (equals + 1);
  return TRUE;
}

static gboolean
parse_quotas_maps (char                 **maps,
                   PalierQuotasOptions   *options,
                   GError               **error)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!parse_file_map (maps[i], "quotas", quotas_field_from_string,
                         "partner, period, quota", options->columns, error))
      return FALSE;
  return TRUE;
}

void
_palier_cli_take_file_maps (char    **maps,
                            char   ***out_partners_maps,
                            char   ***out_quotas_maps)
{
  GPtrArray *partners = g_ptr_array_new ();
  GPtrArray *quotas = g_ptr_array_new ();
  guint kept = 0;

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      if (g_str_has_prefix (maps[i], "partners."))
        g_ptr_array_add (partners, maps[i]);
      else if (g_str_has_prefix (maps[i], "quotas."))
        g_ptr_array_add (quotas, maps[i]);
      else
        maps[kept++] = maps[i];
    }
  if (maps != NULL)
    maps[kept] = NULL;

  g_ptr_array_add (partners, NULL);
  g_ptr_array_add (quotas, NULL);
  *out_partners_maps = (char **) g_ptr_array_free (partners, FALSE);
  *out_quotas_maps = (char **) g_ptr_array_free (quotas, FALSE);
}

void
_palier_cli_file_args_clear (PalierCliFileArgs *args)
{
  g_clear_pointer (&args->encoding, g_free);
  g_clear_pointer (&args->delimiter, g_free);
  g_clear_pointer (&args->date_order, g_free);
  g_clear_pointer (&args->decimal_mark, g_free);
}

/* Rewrites the options that @error's message advises, such as
 * "--encoding", into those of "simulate" for a @file_kind file, such as
 * "--partners-encoding".  The core's messages name the options of the
 * import commands, which "simulate" would read as sales options.
 * NOTE: this matches the core's wording, so a reworded core message
 * loses its option silently; the encoding messages no longer name one. */
static void
prefix_advised_options (GError     *error,
                        const char *file_kind)
{
  static const char *const options[] = {
    "--encoding", "--delimiter", "--date-order", "--decimal-mark",
  };
  GString *message;

  if (error == NULL)
    return;

  message = g_string_new (error->message);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *prefixed = g_strdup_printf ("--%s-%s", file_kind, options[i] + 2);

      g_string_replace (message, options[i], prefixed, 0);
    }
  g_free (error->message);
  error->message = g_string_free (message, FALSE);
}

GPtrArray *
_palier_cli_read_partners_file (const char               *path,
                                char                    **maps,
                                const PalierCliFileArgs  *file_args,
                                GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  PalierPartnersOptions options;
  GPtrArray *partners = NULL;
  gboolean ok = TRUE;

  palier_partners_options_init (&options);
  for (guint i = 0; ok && maps != NULL && maps[i] != NULL; i++)
    ok = parse_file_map (maps[i], "partners", partners_field_from_string,
                         "partner, name, segment, region, start", options.columns, error);

  ok = ok && _palier_cli_parse_dialect (file_args->encoding, file_args->delimiter,
                                        "partners", &options.dialect, error);
  if (ok && file_args->date_order != NULL
      && !palier_date_order_from_string (file_args->date_order, &options.date_order))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid %s “%s”; use ISO, MDY or DMY"),
                                   "--partners-date-order", file_args->date_order);
      ok = FALSE;
    }

  if (ok)
    {
      partners = palier_partners_read (path, &options, &local_error);
      prefix_advised_options (local_error, "partners");
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  palier_partners_options_clear (&options);
  return partners;
}

GPtrArray *
_palier_cli_read_quotas_file (const char               *path,
                              char                    **maps,
                              const PalierCliFileArgs  *file_args,
                              int                       fiscal_year_start,
                              GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  PalierQuotasOptions options;
  GPtrArray *quotas = NULL;
  gboolean ok;

  palier_quotas_options_init (&options);
  options.fiscal_year_start = fiscal_year_start;
  ok = parse_quotas_maps (maps, &options, error)
       && _palier_cli_parse_dialect (file_args->encoding, file_args->delimiter,
                                     "quotas", &options.dialect, error);
  if (ok && file_args->decimal_mark != NULL
      && !palier_decimal_mark_from_string (file_args->decimal_mark, &options.decimal_mark))
    {
      _palier_cli_set_usage_error (error, _("invalid %s “%s”; use point or comma"),
                                   "--quotas-decimal-mark", file_args->decimal_mark);
      ok = FALSE;
    }

  if (ok)
    {
      quotas = palier_quotas_read (path, &options, &local_error);
      prefix_advised_options (local_error, "quotas");
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  palier_quotas_options_clear (&options);
  return quotas;
}

static gboolean
build_options (char                 **maps,
               const char            *decimal_mark,
               const char            *encoding,
               const char            *delimiter,
               int                    fiscal_year_start,
               PalierQuotasOptions   *options,
               GError               **error)
{
  if (!parse_quotas_maps (maps, options, error)
      || !_palier_cli_parse_dialect (encoding, delimiter, "", &options->dialect, error))
    return FALSE;

  if (decimal_mark != NULL && !palier_decimal_mark_from_string (decimal_mark, &options->decimal_mark))
    {
      _palier_cli_set_usage_error (error, _("invalid %s “%s”; use point or comma"),
                                   "--decimal-mark", decimal_mark);
      return FALSE;
    }

  if (fiscal_year_start < 0 || fiscal_year_start > 12)
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --fiscal-year-start %d; give the month the fiscal year starts in, 1 to 12"),
                                   fiscal_year_start);
      return FALSE;
    }
  options->fiscal_year_start = fiscal_year_start;
  return TRUE;
}

static guint
count_partners (GPtrArray *quotas)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < quotas->len; i++)
    g_hash_table_add (codes, ((PalierQuota *) g_ptr_array_index (quotas, i))->partner);
  return g_hash_table_size (codes);
}

static gboolean
import_quotas (const char                 *workspace,
               const char                 *path,
               const PalierQuotasOptions  *options,
               GError                    **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) quotas = NULL;
  PalierStoreSummary before, after;
  guint n_partners;

  quotas = palier_quotas_read (path, options, error);
  if (quotas == NULL)
    return FALSE;

  store = palier_store_open (workspace, PALIER_STORE_CREATE, error);
  if (store == NULL ||
      !palier_store_get_summary (store, &before, error) ||
      !palier_store_import_quotas (store, quotas, error) ||
      !palier_store_get_summary (store, &after, error))
    return FALSE;

  n_partners = count_partners (quotas);
  g_print (ngettext ("Imported %u quota for %u partners from %s into %s (partners not in the workspace before: %u).\n",
                     "Imported %u quotas for %u partners from %s into %s (partners not in the workspace before: %u).\n",
                     quotas->len),
           quotas->len, n_partners, path, workspace, after.n_partners - before.n_partners);
  return TRUE;
}

int
_palier_cli_import_quotas (int   argc,
                           char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *quotas = NULL;
  g_autofree char *decimal_mark = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter = NULL;
  g_auto(GStrv) maps = NULL;
  int fiscal_year_start = 0;
  PalierQuotasOptions options;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("Workspace file, created when missing"), N_("FILE.palier") },
    { "quotas", 'q', 0, G_OPTION_ARG_FILENAME, &quotas,
      N_("Quotas CSV file: a partner, a period label and a quota per line"), N_("FILE.csv") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read a field (partner, period, quota) from a column"),
      N_("quotas.FIELD=COLUMN") },
    { "decimal-mark", 0, 0, G_OPTION_ARG_STRING, &decimal_mark,
      N_("Decimal mark of the quotas: point or comma (default: decided from the values)"),
      N_("MARK") },
    { "fiscal-year-start", 0, 0, G_OPTION_ARG_INT, &fiscal_year_start,
      N_("Month (2 to 12) in which the fiscal year of labels such as FY2018-Q1 starts"),
      N_("MONTH") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the file: utf-8, windows-1252, utf-16le or utf-16be (default: detected)"),
      N_("ENCODING") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      N_("Field separator: a single character such as , or ; or the word tab (default: detected)"),
      N_("CHAR") },
    { NULL }
  };

  context = _palier_cli_context_new ("import-quotas",
                                     N_("--workspace FILE.palier --quotas FILE.csv"),
                                     N_("Imports per-partner quotas, one per partner and period label\n"
                                        "(2017-03, 2017-Q1, 2017-H1, 2017, FY2018-Q1).  A quota replaces\n"
                                        "the partner’s stored quotas whose periods share a day with it.\n"
                                        "Partners not yet in the workspace are created."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "import-quotas", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
      return _palier_cli_report_error ("import-quotas", error);
    }

  if (workspace == NULL || quotas == NULL)
    {
      _palier_cli_set_usage_error (&error, _("--workspace and --quotas are required"));
      return _palier_cli_report_error ("import-quotas", error);
    }

  palier_quotas_options_init (&options);
  ok = build_options (maps, decimal_mark, encoding, delimiter, fiscal_year_start, &options, &error) &&
       import_quotas (workspace, quotas, &options, &error);
  palier_quotas_options_clear (&options);

  if (!ok)
    return _palier_cli_report_error ("import-quotas", error);
  return 0;
}
