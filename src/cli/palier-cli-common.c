/* palier-cli-common.c: option parsing, sales sources and output shared by
 * palier-cli's commands */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

G_DEFINE_QUARK (palier-cli-error-quark, _palier_cli_error)

GOptionContext *
_palier_cli_context_new (const char *command,
                         const char *parameters,
                         const char *summary)
{
  g_autofree char *prgname = g_strdup_printf ("palier-cli %s", command);
  GOptionContext *context = g_option_context_new (parameters);

  /* The usage line starts with the program name, so it names the
   * command too. */
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);

  return context;
}

gboolean
_palier_cli_parse (GOptionContext  *context,
                   const char      *command,
                   int             *argc,
                   char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  g_printerr ("palier-cli %s: %s\n", command, error->message);
  g_printerr (_("Run “palier-cli %s --help” to see the options.\n"), command);
  return FALSE;
}

int
_palier_cli_report_error (const char   *command,
                          const GError *error)
{
  g_printerr ("palier-cli %s: %s\n", command, error->message);

  if (g_error_matches (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_USAGE))
    {
      g_printerr (_("Run “palier-cli %s --help” to see the options.\n"), command);
      return PALIER_CLI_EXIT_USAGE;
    }

  return PALIER_CLI_EXIT_FAILURE;
}

void
_palier_cli_set_usage_error (GError     **error,
                             const char  *format,
                             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PALIER_CLI_ERROR,
                                                PALIER_CLI_ERROR_USAGE,
                                                format, args));
  va_end (args);
}

void
_palier_cli_sales_args_add_entries (GOptionContext     *context,
                                    PalierCliSalesArgs *args,
                                    gboolean            with_sales)
{
  const GOptionEntry sales_entry[] = {
    { "sales", 's', 0, G_OPTION_ARG_FILENAME, &args->sales,
      N_("Sales CSV file to read"), N_("FILE.csv") },
    { NULL }
  };
  const GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &args->maps,
      N_("Read FIELD from the column named COLUMN; fields: date, partner, amount, "
         "margin, quantity, product, category, region, segment, deal (repeatable)"),
      N_("FIELD=COLUMN") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &args->date_format,
      N_("Order of the dates: YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY (default: decided from the values)"),
      N_("FORMAT") },
    { "decimal-mark", 0, 0, G_OPTION_ARG_STRING, &args->decimal_mark,
      N_("Decimal mark of the numbers: point or comma (default: decided per column)"),
      N_("MARK") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &args->encoding,
      N_("Encoding of the file: utf-8, windows-1252, utf-16le or utf-16be (default: detected)"),
      N_("ENCODING") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &args->delimiter,
      N_("Field separator: a single character such as , or ; or the word tab (default: detected)"),
      N_("CHAR") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &args->skip_invalid,
      N_("Skip rows with invalid values and list them on stderr instead of stopping"),
      NULL },
    { NULL }
  };

  if (with_sales)
    g_option_context_add_main_entries (context, sales_entry, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
_palier_cli_sales_args_clear (PalierCliSalesArgs *args)
{
  g_clear_pointer (&args->sales, g_free);
  g_clear_pointer (&args->maps, g_strfreev);
  g_clear_pointer (&args->date_format, g_free);
  g_clear_pointer (&args->decimal_mark, g_free);
  g_clear_pointer (&args->encoding, g_free);
  g_clear_pointer (&args->delimiter, g_free);
}

gboolean
_palier_cli_sales_args_has_import_options (const PalierCliSalesArgs *args)
{
  return (args->maps != NULL && args->maps[0] != NULL)
         || args->date_format != NULL
         || args->decimal_mark != NULL
         || args->encoding != NULL
         || args->delimiter != NULL
         || args->skip_invalid;
}

static gboolean
parse_map (const char           *map,
           PalierImportOptions  *options,
           GError              **error)
{
  const char *equals = strchr (map, '=');
  g_autofree char *field_name = NULL;
  PalierField field;

  if (equals == NULL || equals == map || equals[1] == '\0')
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --map “%s”; expected FIELD=COLUMN, such as amount=Sales"),
                                   map);
      return FALSE;
    }

  field_name = g_strndup (map, (gsize) (equals - map));
  if (!palier_field_from_string (field_name, &field))
    {
      _palier_cli_set_usage_error (error,
                                   _("unknown field “%s” in --map; the fields are date, partner, amount, "
                                     "margin, quantity, product, category, region, segment and deal"),
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
parse_delimiter (const char  *text,
                 const char  *option,
                 char        *out,
                 GError     **error)
{
  if (g_ascii_strcasecmp (text, "tab") == 0 || g_strcmp0 (text, "\\t") == 0)
    {
      *out = '\t';
      return TRUE;
    }

  if (text[0] != '\0' && text[1] == '\0' && g_ascii_isprint (text[0])
      && !g_ascii_isalnum (text[0]) && text[0] != '"')
    {
      *out = text[0];
      return TRUE;
    }

  _palier_cli_set_usage_error (error,
                               _("invalid %s “%s”; give one punctuation character such as ; or the word tab"),
                               option, text);
  return FALSE;
}

gboolean
_palier_cli_parse_dialect (const char        *encoding,
                           const char        *delimiter,
                           const char        *file_kind,
                           PalierCsvDialect  *dialect,
                           GError           **error)
{
  g_autofree char *encoding_option = g_strdup_printf ("--%s%sencoding", file_kind,
                                                      file_kind[0] != '\0' ? "-" : "");
  g_autofree char *delimiter_option = g_strdup_printf ("--%s%sdelimiter", file_kind,
                                                       file_kind[0] != '\0' ? "-" : "");

  if (encoding != NULL && !palier_encoding_from_string (encoding, &dialect->encoding))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid %s “%s”; use utf-8, windows-1252, utf-16le or utf-16be"),
                                   encoding_option, encoding);
      return FALSE;
    }

  if (delimiter != NULL && !parse_delimiter (delimiter, delimiter_option, &dialect->delimiter, error))
    return FALSE;
  return TRUE;
}

gboolean
_palier_cli_sales_args_to_options (const PalierCliSalesArgs *args,
                                   PalierImportOptions      *options,
                                   GError                  **error)
{
  for (guint i = 0; args->maps != NULL && args->maps[i] != NULL; i++)
    if (!parse_map (args->maps[i], options, error))
      return FALSE;

  if (args->date_format != NULL
      && !palier_date_order_from_string (args->date_format, &options->date_order))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --date-format “%s”; use YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY"),
                                   args->date_format);
      return FALSE;
    }

  if (args->decimal_mark != NULL
      && !palier_decimal_mark_from_string (args->decimal_mark, &options->decimal_mark))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --decimal-mark “%s”; use point or comma"),
                                   args->decimal_mark);
      return FALSE;
    }

  if (!_palier_cli_parse_dialect (args->encoding, args->delimiter, "", &options->dialect, error))
    return FALSE;

  options->skip_invalid = args->skip_invalid;
  return TRUE;
}

/* Shows the import's progress on a terminal only, so that logs and pipes
 * stay clean.  @user_data is the last percentage shown, -1 before the
 * first. */
static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  int *shown_percent = user_data;
  int percent;

  if (total == 0)
    return;

  percent = (int) (MIN (done, total) * 100 / total);
  if (percent == *shown_percent)
    return;

  g_printerr ("\r%s %3d %%", _("Importing…"), percent);
  *shown_percent = percent;
}

/* Returns the part of @message after a "FILE:LINE: " prefix naming
 * @path's base name and @line, or NULL when it has no such prefix. */
static const char *
strip_location (const char *message,
                const char *path,
                guint64     line)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s:%llu: ", basename, (unsigned long long) line);

  if (g_str_has_prefix (message, prefix))
    return message + strlen (prefix);

  return NULL;
}

static void
print_problems (const char               *path,
                const PalierImportReport *report)
{
  if (report->problems == NULL)
    return;

  for (guint i = 0; i < report->problems->len; i++)
    {
      const PalierImportProblem *problem = g_ptr_array_index (report->problems, i);
      unsigned long long line = problem->line;
      const char *reason = strip_location (problem->message, path, problem->line);

      /* The import's messages usually name the column and the value
       * already; otherwise they are added here. */
      if (reason != NULL)
        g_printerr (_("%s:%llu: row skipped: %s\n"), path, line, reason);
      else
        g_printerr (_("%s:%llu: row skipped: column “%s”, value “%s”: %s\n"),
                    path, line,
                    problem->column != NULL ? problem->column : "",
                    problem->value != NULL ? problem->value : "",
                    problem->message);
    }
}

gboolean
_palier_cli_import_sales (PalierStore              *store,
                          const PalierCliSalesArgs *args,
                          PalierImportReport       *report,
                          GError                  **error)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  GPtrArray *notes;
  int shown_percent = -1;
  gboolean ok;

  palier_import_options_init (&options);
  if (!_palier_cli_sales_args_to_options (args, &options, error))
    {
      palier_import_options_clear (&options);
      return FALSE;
    }

  plan = palier_import_plan_new (args->sales, &options, error);
  palier_import_options_clear (&options);
  if (plan == NULL)
    return FALSE;

  notes = palier_import_plan_get_notes (plan);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_printerr (_("%s: note: %s\n"), args->sales, (const char *) g_ptr_array_index (notes, i));

  ok = palier_store_import_sales (store, plan,
                                  isatty (STDERR_FILENO) ? print_progress : NULL,
                                  &shown_percent, NULL, report, error);
  if (shown_percent >= 0)
    g_printerr ("\n");

  print_problems (args->sales, report);
  return ok;
}

PalierBases *
_palier_cli_read_bases (const PalierCliSalesArgs     *args,
                        const PalierProgram * const  *programs,
                        const PalierSimulateOptions  *simulate_options,
                        GError                      **error)
{
  return _palier_cli_read_bases_with_files (args, NULL, NULL, programs, simulate_options, error);
}

PalierBases *
_palier_cli_read_bases_with_files (const PalierCliSalesArgs     *args,
                                   GPtrArray                    *partners,
                                   GPtrArray                    *quotas,
                                   const PalierProgram * const  *programs,
                                   const PalierSimulateOptions  *simulate_options,
                                   GError                      **error)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  PalierImportReport report;
  PalierBases *bases;
  GPtrArray *notes;
  int shown_percent = -1;

  palier_import_options_init (&options);
  if (!_palier_cli_sales_args_to_options (args, &options, error))
    {
      palier_import_options_clear (&options);
      return NULL;
    }

  plan = palier_import_plan_new (args->sales, &options, error);
  palier_import_options_clear (&options);
  if (plan == NULL)
    return NULL;

  notes = palier_import_plan_get_notes (plan);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_printerr (_("%s: note: %s\n"), args->sales, (const char *) g_ptr_array_index (notes, i));

  palier_import_report_init (&report);
  bases = palier_bases_compute_from_files (plan, partners, quotas, programs, simulate_options,
                                          isatty (STDERR_FILENO) ? print_progress : NULL,
                                          &shown_percent, NULL, &report, error);
  if (shown_percent >= 0)
    g_printerr ("\n");

  print_problems (args->sales, &report);
  palier_import_report_clear (&report);
  return bases;
}

gboolean
_palier_cli_take_workspace (const char  *option,
                            int          argc,
                            char       **argv,
                            const char **out_workspace,
                            GError     **error)
{
  if (option != NULL && argc > 1)
    {
      _palier_cli_set_usage_error (error, _("give the workspace either with --workspace or as an argument, not both (“%s”)"),
                                   argv[1]);
      return FALSE;
    }
  if (option == NULL && argc < 2)
    {
      _palier_cli_set_usage_error (error, _("no workspace: give --workspace FILE.palier"));
      return FALSE;
    }
  if (argc > 2)
    {
      _palier_cli_set_usage_error (error, _("unexpected argument “%s”"), argv[2]);
      return FALSE;
    }

  *out_workspace = option != NULL ? option : argv[1];
  return TRUE;
}

PalierStore *
_palier_cli_open_sales (const char               *workspace,
                        const PalierCliSalesArgs *args,
                        GError                  **error)
{
  g_autoptr(PalierStore) store = NULL;
  PalierImportReport report;
  gboolean ok;

  if (workspace != NULL && args->sales != NULL)
    {
      _palier_cli_set_usage_error (error, _("give either --workspace or --sales, not both"));
      return NULL;
    }

  if (workspace == NULL && args->sales == NULL)
    {
      _palier_cli_set_usage_error (error, _("no sales: give --workspace FILE.palier or --sales FILE.csv"));
      return NULL;
    }

  if (workspace != NULL)
    {
      if (_palier_cli_sales_args_has_import_options (args))
        {
          _palier_cli_set_usage_error (error, _("the CSV options (--map, --date-format, …) only apply with --sales"));
          return NULL;
        }
      return palier_store_open (workspace, PALIER_STORE_READ_ONLY, error);
    }

  store = palier_store_new_memory (error);
  if (store == NULL)
    return NULL;

  palier_import_report_init (&report);
  ok = _palier_cli_import_sales (store, args, &report, error);
  palier_import_report_clear (&report);

  return ok ? g_steal_pointer (&store) : NULL;
}

PalierProgram *
_palier_cli_load_program (const char   *path,
                          PalierStore  *store,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  PalierProgram *program;

  if (store == NULL || g_file_test (path, G_FILE_TEST_EXISTS))
    return palier_program_read_file (path, error);

  program = palier_store_load_program (store, path, &local_error);
  if (program != NULL)
    return program;

  if (g_error_matches (local_error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND))
    {
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   _("%s: no such program file, and no program with this id in the workspace"),
                   path);
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

PalierBases *
_palier_cli_read_scenario_bases (PalierStore     *store,
                                 const char      *id,
                                 PalierProgram  **out_program,
                                 GError         **error)
{
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(PalierProgram) program = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };
  PalierBases *bases;

  scenario = palier_store_load_scenario (store, id, error);
  if (scenario == NULL)
    return NULL;

  program = palier_store_load_program (store, scenario->program_id, error);
  if (program == NULL)
    return NULL;

  programs[0] = program;
  bases = palier_scenario_compute_bases (scenario, store, programs, NULL, error);
  if (bases != NULL)
    *out_program = g_steal_pointer (&program);
  return bases;
}

gboolean
_palier_cli_parse_date (const char  *option_name,
                        const char  *text,
                        PalierDate  *out,
                        GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!palier_date_parse_iso (text, out))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid date “%s” for %s; expected YYYY-MM-DD, such as 2017-01-31"),
                                   text, option_name);
      return FALSE;
    }

  return TRUE;
}

gboolean
_palier_cli_parse_range (const char             *from,
                         const char             *to,
                         PalierSimulateOptions  *options,
                         GError                **error)
{
  options->from = PALIER_DATE_NONE;
  options->to = PALIER_DATE_NONE;

  if (!_palier_cli_parse_date ("--from", from, &options->from, error)
      || !_palier_cli_parse_date ("--to", to, &options->to, error))
    return FALSE;

  if (options->from != PALIER_DATE_NONE && options->to != PALIER_DATE_NONE
      && options->from > options->to)
    {
      _palier_cli_set_usage_error (error, _("--from %s is after --to %s"), from, to);
      return FALSE;
    }

  return TRUE;
}

/* Returns why GLib could not write a file, in plain words and with what
 * to do, from the GFileError code of @error.  GLib's own message names
 * the temporary file beside the requested one, so it is only used for
 * G_FILE_ERROR_FAILED, whose cause is unknown. */
static char *
describe_write_error (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case G_FILE_ERROR_NOENT:
      return g_strdup (_("folder not found; create it first or choose another folder"));
    case G_FILE_ERROR_NOTDIR:
      return g_strdup (_("a part of the path is not a folder; check the path"));
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return g_strdup (_("permission denied; choose a folder you can write to"));
    case G_FILE_ERROR_ROFS:
      return g_strdup (_("the file system is read-only; choose another folder"));
    case G_FILE_ERROR_NOSPC:
      return g_strdup (_("no space left on the device; free some space or choose another disk"));
    case G_FILE_ERROR_ISDIR:
      return g_strdup (_("this is a folder; give a file name"));
    case G_FILE_ERROR_NAMETOOLONG:
      return g_strdup (_("the name is too long; choose a shorter path"));
    case G_FILE_ERROR_FAILED:
      return g_strdup (error->message);
    default:
      break;
    }

  /* Every other code matches one errno value, whose description is
   * the reason. */
  for (int errsv = 1; errsv < 256; errsv++)
    if ((int) g_file_error_from_errno (errsv) == error->code)
      return g_strdup (g_strerror (errsv));

  return g_strdup (error->message);
}

gboolean
_palier_cli_write_output (const char     *path,
                          const GString  *text,
                          GError        **error)
{
  if (path != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *reason = NULL;

      if (g_file_set_contents_full (path, text->str, (gssize) text->len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
        return TRUE;

      name = g_filename_display_name (path);
      reason = describe_write_error (local_error);
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   /* Translators: a file name, then the reason. */
                   _("%s: cannot write: %s"), name, reason);
      return FALSE;
    }

  if (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0)
    {
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   _("failed to write to the standard output: %s"), g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

gsize
_palier_cli_display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
_palier_cli_append_padded (GString    *out,
                           const char *text,
                           gsize       width,
                           gboolean    right_aligned)
{
  gsize text_width = _palier_cli_display_width (text);
  gsize padding = width > text_width ? width - text_width : 0;

  if (!right_aligned)
    g_string_append (out, text);
  for (gsize i = 0; i < padding; i++)
    g_string_append_c (out, ' ');
  if (right_aligned)
    g_string_append (out, text);
}
