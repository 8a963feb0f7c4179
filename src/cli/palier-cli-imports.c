/* palier-cli-imports.c: "palier-cli imports list|remove", the import
 * history of a workspace, and what "palier-cli import" prints about
 * earlier imports of the same file */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

/* A time of the import history in the local time zone, "2026-12-04
 * 21:10". */
static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);

  /* Only a damaged record has a time outside GDateTime's years. */
  if (local == NULL)
    return g_strdup_printf ("%lld", (long long) time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
format_rows (guint64 n_rows)
{
  g_autofree char *count = palier_format_number (palier_decimal_from_int ((gint64) n_rows), 0);

  return g_strdup_printf (ngettext ("%s row", "%s rows", (unsigned long) n_rows), count);
}

static const PalierStoreImportInfo *
find_import (GPtrArray *imports,
             gint64     id)
{
  for (guint i = 0; i < imports->len; i++)
    {
      const PalierStoreImportInfo *info = g_ptr_array_index (imports, i);

      if (info->id == id)
        return info;
    }

  return NULL;
}

void
_palier_cli_imports_add_duplicate_hint (GError *error)
{
  char *message;

  if (!g_error_matches (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE))
    return;

  /* TRANSLATORS: follows "sales.csv was already imported on 2026-12-04
   * at 21:10 (9,994 rows)". */
  message = g_strdup_printf (_("%s; use --replace to replace that import, or --allow-duplicate to add its rows again"),
                             error->message);
  g_free (error->message);
  error->message = message;
}

void
_palier_cli_imports_print_replaced (GPtrArray   *before,
                                    GPtrArray   *after,
                                    const char  *sales)
{
  guint n_replaced = 0;

  for (guint i = 0; i < before->len; i++)
    {
      const PalierStoreImportInfo *info = g_ptr_array_index (before, i);
      g_autofree char *time = NULL;
      g_autofree char *rows = NULL;

      if (find_import (after, info->id) != NULL)
        continue;

      time = format_time (info->time);
      rows = format_rows (info->n_rows);
      /* TRANSLATORS: "Replaced import 3 of sales.csv, made on 2026-12-04
       * 21:10 (9,994 rows)." */
      g_print (_("Replaced import %lld of %s, made on %s (%s).\n"),
               (long long) info->id, info->file, time, rows);
      n_replaced++;
    }

  if (n_replaced == 0)
    g_print (_("No earlier import had the content of %s, so nothing was replaced.\n"), sales);
}

/* Prints one line per import: id, time, rows, first and last date, file
 * and fingerprint, separated by tabs, with "-" for what is unknown. */
static gboolean
list_imports (PalierStore  *store,
              GError      **error)
{
  g_autoptr(GPtrArray) imports = palier_store_list_imports (store, error);

  if (imports == NULL)
    return FALSE;

  for (guint i = 0; i < imports->len; i++)
    {
      const PalierStoreImportInfo *info = g_ptr_array_index (imports, i);
      g_autofree char *time = format_time (info->time);
      char first[16] = "-";
      char last[16] = "-";

      if (info->first_date != PALIER_DATE_NONE)
        palier_date_format_iso (info->first_date, first);
      if (info->last_date != PALIER_DATE_NONE)
        palier_date_format_iso (info->last_date, last);

      g_print ("%lld\t%s\t%llu\t%s\t%s\t%s\t%s\n",
               (long long) info->id, time, (unsigned long long) info->n_rows,
               first, last, info->file,
               info->fingerprint != NULL ? info->fingerprint : "-");
    }

  return TRUE;
}

static gboolean
parse_import_id (const char  *text,
                 gint64      *out,
                 GError     **error)
{
  char *end = NULL;
  gint64 value;

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value <= 0)
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid import id “%s”; give the number that “palier-cli imports list” shows first"),
                                   text);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Removes every import of @ids, each in its own transaction, after
 * checking that all of them exist so that a typo removes nothing. */
static gboolean
remove_imports (PalierStore  *store,
                char        **ids,
                GError      **error)
{
  g_autoptr(GPtrArray) imports = palier_store_list_imports (store, error);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();

  if (imports == NULL)
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const PalierStoreImportInfo *info;
      gint64 id;

      if (!parse_import_id (ids[i], &id, error))
        return FALSE;

      info = find_import (imports, id);
      if (info == NULL)
        {
          g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                       _("%s: no import %s in this workspace; run “palier-cli imports list” to see them"),
                       palier_store_get_path (store), ids[i]);
          return FALSE;
        }
      g_ptr_array_add (targets, (gpointer) info);
    }

  for (guint i = 0; i < targets->len; i++)
    {
      const PalierStoreImportInfo *info = g_ptr_array_index (targets, i);
      g_autofree char *rows = format_rows (info->n_rows);

      if (!palier_store_remove_import (store, info->id, error))
        return FALSE;

      /* TRANSLATORS: "Removed import 3 of sales.csv (9,994 rows)." */
      g_print (_("Removed import %lld of %s (%s).\n"), (long long) info->id, info->file, rows);
    }

  return TRUE;
}

static gboolean
run_imports (const char  *action,
             const char  *workspace,
             char       **arguments,
             GError     **error)
{
  g_autoptr(PalierStore) store = NULL;
  gboolean list = g_strcmp0 (action, "list") == 0;
  guint n_arguments = g_strv_length (arguments);

  if (!list && g_strcmp0 (action, "remove") != 0)
    {
      _palier_cli_set_usage_error (error, _("unknown action “%s”; use list or remove"), action);
      return FALSE;
    }

  if (workspace == NULL)
    {
      _palier_cli_set_usage_error (error, _("--workspace is required"));
      return FALSE;
    }

  if (list ? n_arguments != 0 : n_arguments == 0)
    {
      _palier_cli_set_usage_error (error, list
                                   ? _("wrong arguments; usage: palier-cli imports list --workspace FILE.palier")
                                   : _("wrong arguments; usage: palier-cli imports remove --workspace FILE.palier ID…"));
      return FALSE;
    }

  store = palier_store_open (workspace,
                             list ? PALIER_STORE_READ_ONLY : PALIER_STORE_OPEN_EXISTING,
                             error);
  if (store == NULL)
    return FALSE;

  return list ? list_imports (store, error) : remove_imports (store, arguments, error);
}

int
_palier_cli_imports (int   argc,
                     char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  g_auto(GStrv) arguments = NULL;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("Workspace file"), N_("FILE.palier") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &arguments, NULL, NULL },
    { NULL }
  };

  context = _palier_cli_context_new ("imports",
                                     N_("(list | remove ID…) --workspace FILE.palier"),
                                     N_("Shows or undoes the imports of a workspace:\n"
                                        "  list    prints one line per import, oldest first: id, time, rows,\n"
                                        "          first and last sales date, file and fingerprint (the\n"
                                        "          SHA-256 of the file's size and its first and last MiB),\n"
                                        "          separated by tabs, with - for what is unknown\n"
                                        "  remove  deletes imports with their sales lines; partners stay"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "imports", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (arguments == NULL || arguments[0] == NULL)
    {
      _palier_cli_set_usage_error (&error, _("missing action: list or remove"));
      return _palier_cli_report_error ("imports", error);
    }

  if (!run_imports (arguments[0], workspace, arguments + 1, &error))
    return _palier_cli_report_error ("imports", error);

  return 0;
}
