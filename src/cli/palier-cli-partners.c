/* palier-cli-partners.c: "palier-cli import-partners"
 *
 * Reads a partners file (id, name, segment, region, start date) into a
 * workspace, creating the workspace and the partners it does not have
 * yet.  The file's segment and region win over those of sales rows.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-cli-private.h"

/* Reads "partners.FIELD=COLUMN" (the "partners." prefix may be left
 * out) into @options. */
static gboolean
parse_map (const char             *map,
           PalierPartnersOptions  *options,
           GError                **error)
{
  const char *equals = strchr (map, '=');
  const char *start = g_str_has_prefix (map, "partners.") ? map + strlen ("partners.") : map;
  g_autofree char *field_name = NULL;
  PalierPartnersField field;

  if (equals == NULL || equals <= start || equals[1] == '\0')
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --map “%s”; expected partners.FIELD=COLUMN, such as partners.segment=BusinessType"),
                                   map);
      return FALSE;
    }

  field_name = g_strndup (start, (gsize) (equals - start));
  if (!palier_partners_field_from_string (field_name, &field))
    {
      _palier_cli_set_usage_error (error,
                                   _("unknown field “%s” in --map; the fields of a partners file are partner, name, segment, region and start"),
                                   field_name);
      return FALSE;
    }

  if (options->columns[field] != NULL)
    {
      _palier_cli_set_usage_error (error,
                                   _("the field “%s” is mapped twice; give one --map per field"),
                                   field_name);
      return FALSE;
    }

  options->columns[field] = g_strdup (equals + 1);
  return TRUE;
}

static gboolean
build_options (char                  **maps,
               const char             *date_order,
               const char             *encoding,
               const char             *delimiter,
               PalierPartnersOptions  *options,
               GError                **error)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!parse_map (maps[i], options, error))
      return FALSE;

  if (!_palier_cli_parse_dialect (encoding, delimiter, "", &options->dialect, error))
    return FALSE;

  if (date_order != NULL && !palier_date_order_from_string (date_order, &options->date_order))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid %s “%s”; use ISO, MDY or DMY"),
                                   "--date-order", date_order);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_partners (const char                  *workspace,
                 const char                  *path,
                 const PalierPartnersOptions *options,
                 GError                     **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  PalierStoreSummary before, after;
  guint n_new;

  partners = palier_partners_read (path, options, error);
  if (partners == NULL)
    return FALSE;

  store = palier_store_open (workspace, PALIER_STORE_CREATE, error);
  if (store == NULL ||
      !palier_store_get_summary (store, &before, error) ||
      !palier_store_import_partners (store, partners, error) ||
      !palier_store_get_summary (store, &after, error))
    return FALSE;

  n_new = after.n_partners - before.n_partners;
  g_print (ngettext ("Imported %u partner from %s into %s (new: %u).\n",
                     "Imported %u partners from %s into %s (new: %u).\n",
                     partners->len),
           partners->len, path, workspace, n_new);
  return TRUE;
}

int
_palier_cli_import_partners (int   argc,
                             char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *date_order = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter = NULL;
  g_auto(GStrv) maps = NULL;
  PalierPartnersOptions options;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("Workspace file, created when missing"), N_("FILE.palier") },
    { "partners", 'p', 0, G_OPTION_ARG_FILENAME, &partners,
      N_("Partners CSV file"), N_("FILE.csv") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read a field (partner, name, segment, region, start) from a column"),
      N_("partners.FIELD=COLUMN") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order,
      N_("Order of the start dates: ISO, MDY or DMY (default: decided from the values)"),
      N_("ORDER") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the file: utf-8, windows-1252, utf-16le or utf-16be (default: detected)"),
      N_("ENCODING") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      N_("Field separator: a single character such as , or ; or the word tab (default: detected)"),
      N_("CHAR") },
    { NULL }
  };

  context = _palier_cli_context_new ("import-partners",
                                     N_("--workspace FILE.palier --partners FILE.csv"),
                                     N_("Imports partners with their name, segment, region and start date.\n"
                                        "Partners not yet in the workspace are created; the file's segment\n"
                                        "and region win over those of the sales rows."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "import-partners", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (workspace == NULL || partners == NULL)
    {
      _palier_cli_set_usage_error (&error, _("--workspace and --partners are required"));
      return _palier_cli_report_error ("import-partners", error);
    }

  palier_partners_options_init (&options);
  ok = build_options (maps, date_order, encoding, delimiter, &options, &error) &&
       import_partners (workspace, partners, &options, &error);
  palier_partners_options_clear (&options);

  if (!ok)
    return _palier_cli_report_error ("import-partners", error);
  return 0;
}
