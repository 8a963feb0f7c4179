/* palier-cli-simulate.c: "palier-cli simulate" and "palier-cli compare" */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>

#include "palier-cli-private.h"

/* Options common to simulate and compare: where the sales come from, the
 * date range and the output. */
typedef struct {
  char               *workspace;
  PalierCliSalesArgs  sales;
  char               *partners;         /* with --sales only */
  char               *quotas;
  char              **partners_maps;    /* the "partners." entries of --map */
  char              **quotas_maps;      /* the "quotas." entries of --map */
  PalierCliFileArgs   partners_file;    /* --partners-encoding and the like */
  PalierCliFileArgs   quotas_file;
  char               *from;
  char               *to;
  char               *format;
  char               *output;
} RunArgs;

static void
run_args_add_entries (GOptionContext *context,
                      RunArgs        *args)
{
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args->workspace,
      N_("Workspace file with the sales"), N_("FILE.palier") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args->from,
      N_("First day of the range, inclusive (default: the first sale)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args->to,
      N_("Last day of the range, inclusive (default: the last sale)"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format,
      N_("Output format: table (for people, in the user’s locale), csv or json (default: table)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "partners", 0, 0, G_OPTION_ARG_FILENAME, &args->partners,
      N_("With --sales: partners file whose name, segment, region and start date win over the sales rows; "
         "map its columns with --map partners.FIELD=COLUMN"),
      N_("FILE.csv") },
    { "quotas", 0, 0, G_OPTION_ARG_FILENAME, &args->quotas,
      N_("With --sales: quotas file, a quota per partner and period label; "
         "map its columns with --map quotas.FIELD=COLUMN"),
      N_("FILE.csv") },
    { "partners-encoding", 0, 0, G_OPTION_ARG_STRING, &args->partners_file.encoding,
      N_("Encoding of the partners file: utf-8, windows-1252, utf-16le or utf-16be (default: detected)"),
      N_("ENCODING") },
    { "partners-delimiter", 0, 0, G_OPTION_ARG_STRING, &args->partners_file.delimiter,
      N_("Field separator of the partners file: a single character such as , or ; or the word tab (default: detected)"),
      N_("CHAR") },
    { "partners-date-order", 0, 0, G_OPTION_ARG_STRING, &args->partners_file.date_order,
      N_("Order of the partners file’s start dates: ISO, MDY or DMY (default: decided from the values)"),
      N_("ORDER") },
    { "quotas-encoding", 0, 0, G_OPTION_ARG_STRING, &args->quotas_file.encoding,
      N_("Encoding of the quotas file: utf-8, windows-1252, utf-16le or utf-16be (default: detected)"),
      N_("ENCODING") },
    { "quotas-delimiter", 0, 0, G_OPTION_ARG_STRING, &args->quotas_file.delimiter,
      N_("Field separator of the quotas file: a single character such as , or ; or the word tab (default: detected)"),
      N_("CHAR") },
    { "quotas-decimal-mark", 0, 0, G_OPTION_ARG_STRING, &args->quotas_file.decimal_mark,
      N_("Decimal mark of the quotas file: point or comma (default: decided from the values)"),
      N_("MARK") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  _palier_cli_sales_args_add_entries (context, &args->sales, TRUE);
}

static void
run_args_clear (RunArgs *args)
{
  g_clear_pointer (&args->workspace, g_free);
  _palier_cli_sales_args_clear (&args->sales);
  g_clear_pointer (&args->partners, g_free);
  g_clear_pointer (&args->quotas, g_free);
  g_clear_pointer (&args->partners_maps, g_strfreev);
  g_clear_pointer (&args->quotas_maps, g_strfreev);
  _palier_cli_file_args_clear (&args->partners_file);
  _palier_cli_file_args_clear (&args->quotas_file);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->output, g_free);
}

/* Returns the name of the first option of @file_args that was given,
 * such as "--partners-encoding", or NULL. */
static const char *
first_file_option (const PalierCliFileArgs *file_args,
                   const char              *file_kind)
{
  gboolean partners = g_str_equal (file_kind, "partners");

  if (file_args->encoding != NULL)
    return partners ? "--partners-encoding" : "--quotas-encoding";
  if (file_args->delimiter != NULL)
    return partners ? "--partners-delimiter" : "--quotas-delimiter";
  if (file_args->date_order != NULL)
    return "--partners-date-order";
  if (file_args->decimal_mark != NULL)
    return "--quotas-decimal-mark";
  return NULL;
}

/* Moves the partners and quotas entries of --map apart from the sales
 * ones, and rejects them, and the options of the partners and quotas
 * files, without the file they apply to. */
static gboolean
take_file_maps (RunArgs  *args,
                GError  **error)
{
  const char *option;

  _palier_cli_take_file_maps (args->sales.maps, &args->partners_maps, &args->quotas_maps);

  if (args->partners_maps[0] != NULL && args->partners == NULL)
    {
      _palier_cli_set_usage_error (error, _("--map %s needs --partners FILE.csv"), args->partners_maps[0]);
      return FALSE;
    }
  if (args->quotas_maps[0] != NULL && args->quotas == NULL)
    {
      _palier_cli_set_usage_error (error, _("--map %s needs --quotas FILE.csv"), args->quotas_maps[0]);
      return FALSE;
    }

  option = first_file_option (&args->partners_file, "partners");
  if (option != NULL && args->partners == NULL)
    {
      _palier_cli_set_usage_error (error, _("%s needs --partners FILE.csv"), option);
      return FALSE;
    }

  option = first_file_option (&args->quotas_file, "quotas");
  if (option != NULL && args->quotas == NULL)
    {
      _palier_cli_set_usage_error (error, _("%s needs --quotas FILE.csv"), option);
      return FALSE;
    }
  return TRUE;
}

/* Checks the options that need no file, so that a typo is reported
 * before a long import. */
static gboolean
run_args_check (const RunArgs          *args,
                PalierOutputFormat     *format,
                PalierSimulateOptions  *options,
                GError                **error)
{
  *format = PALIER_OUTPUT_TABLE;
  if (args->format != NULL && !palier_output_format_from_string (args->format, format))
    {
      _palier_cli_set_usage_error (error, _("invalid --format “%s”; use table, csv or json"),
                                   args->format);
      return FALSE;
    }

  if (args->workspace != NULL && args->sales.sales != NULL)
    {
      _palier_cli_set_usage_error (error, _("give either --workspace or --sales, not both"));
      return FALSE;
    }

  if (args->workspace == NULL && args->sales.sales == NULL)
    {
      _palier_cli_set_usage_error (error, _("no sales: give --workspace FILE.palier or --sales FILE.csv"));
      return FALSE;
    }

  if (!_palier_cli_parse_range (args->from, args->to, options, error))
    return FALSE;

  if (args->sales.sales == NULL && (args->partners != NULL || args->quotas != NULL))
    {
      _palier_cli_set_usage_error (error, _("--partners and --quotas go with --sales; import them into a workspace with import-partners and import-quotas"));
      return FALSE;
    }

  if (args->sales.sales != NULL)
    {
      PalierImportOptions import_options;
      gboolean ok;

      palier_import_options_init (&import_options);
      ok = _palier_cli_sales_args_to_options (&args->sales, &import_options, error);
      palier_import_options_clear (&import_options);
      return ok;
    }

  return TRUE;
}

/* Reads the program files that exist before opening the sales, so that
 * a broken program fails fast; ids of stored programs wait for the
 * workspace. */
static PalierProgram *
load_program_early (const char  *path,
                    GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return palier_program_read_file (path, error);
}

static gboolean
load_programs (const char * const *paths,
               PalierProgram     **programs,
               guint               n_programs,
               PalierStore        *store,
               GError            **error)
{
  for (guint i = 0; i < n_programs; i++)
    {
      if (programs[i] != NULL)
        continue;

      programs[i] = _palier_cli_load_program (paths[i], store, error);
      if (programs[i] == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Reads the sales of --sales into bases for @programs, with the
 * partners and quotas files when given.  Fiscal quota labels use the
 * first program's fiscal year. */
static PalierBases *
read_bases (const RunArgs                *args,
            const PalierProgram * const  *programs,
            const PalierSimulateOptions  *options,
            GError                      **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) quotas = NULL;

  if (args->partners != NULL)
    {
      partners = _palier_cli_read_partners_file (args->partners, args->partners_maps,
                                                 &args->partners_file, error);
      if (partners == NULL)
        return NULL;
    }

  if (args->quotas != NULL)
    {
      quotas = _palier_cli_read_quotas_file (args->quotas, args->quotas_maps, &args->quotas_file,
                                             programs[0]->fiscal_year_start, error);
      if (quotas == NULL)
        return NULL;
    }

  return _palier_cli_read_bases_with_files (&args->sales, partners, quotas, programs, options, error);
}

static gboolean
run_simulate (const char     *program_path,
              const RunArgs  *args,
              GError        **error)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GString) text = NULL;
  PalierSimulateOptions options;
  PalierOutputFormat format;
  GError *program_error = NULL;

  if (!run_args_check (args, &format, &options, error))
    return FALSE;

  program = load_program_early (program_path, &program_error);
  if (program_error != NULL)
    {
      g_propagate_error (error, program_error);
      return FALSE;
    }

  /* A program file on --sales: the rows go straight into the bases, with
   * no workspace in memory. */
  if (args->sales.sales != NULL && program != NULL)
    {
      const PalierProgram *programs[] = { program, NULL };
      g_autoptr(PalierBases) bases = read_bases (args, programs, &options, error);

      if (bases == NULL)
        return FALSE;
      result = palier_bases_simulate (bases, program, NULL, error);
      if (result == NULL)
        return FALSE;
    }
  else
    {
      store = _palier_cli_open_sales (args->workspace, &args->sales, error);
      if (store == NULL)
        return FALSE;

      if (!load_programs (&program_path, &program, 1, store, error))
        return FALSE;

      result = palier_simulate (store, program, &options, NULL, error);
      if (result == NULL)
        return FALSE;
    }

  text = g_string_new (NULL);
  palier_result_write (result, format, text);
  return _palier_cli_write_output (args->output, text, error);
}

int
_palier_cli_simulate (int   argc,
                      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = NULL;
  RunArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "program", 'p', 0, G_OPTION_ARG_FILENAME, &program,
      N_("Program file, or the id of a program stored in the workspace"), N_("FILE.xml") },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("simulate",
                                     N_("--program FILE.xml (--workspace FILE.palier | --sales FILE.csv)"),
                                     N_("Computes what a program would have paid each partner on "
                                        "historical sales: totals, components, partners and periods.\n\n"
                                        "With --sales the CSV file is read into memory and nothing is "
                                        "written to disk except --output."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  run_args_add_entries (context, &args);

  if (!_palier_cli_parse (context, "simulate", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else if (program == NULL)
    _palier_cli_set_usage_error (&error, _("--program is required"));
  else if (take_file_maps (&args, &error))
    run_simulate (program, &args, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("simulate", error);

  run_args_clear (&args);
  return status;
}

static gboolean
run_compare (const char     *baseline_path,
             const char     *proposal_path,
             const RunArgs  *args,
             GError        **error)
{
  const char *paths[2] = { baseline_path, proposal_path };
  PalierProgram *programs[2] = { NULL, NULL };
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierComparison) comparison = NULL;
  g_autoptr(GString) text = NULL;
  PalierSimulateOptions options;
  PalierOutputFormat format;
  gboolean ok = FALSE;

  if (!run_args_check (args, &format, &options, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GError *program_error = NULL;

      programs[i] = load_program_early (paths[i], &program_error);
      if (program_error != NULL)
        {
          g_propagate_error (error, program_error);
          goto out;
        }
    }

  if (args->sales.sales != NULL && programs[0] != NULL && programs[1] != NULL)
    {
      const PalierProgram *both[] = { programs[0], programs[1], NULL };
      g_autoptr(PalierBases) bases = read_bases (args, both, &options, error);

      if (bases == NULL)
        goto out;
      comparison = palier_bases_compare (bases, programs[0], programs[1], NULL, error);
    }
  else
    {
      store = _palier_cli_open_sales (args->workspace, &args->sales, error);
      if (store == NULL || !load_programs (paths, programs, 2, store, error))
        goto out;

      comparison = palier_compare (store, programs[0], programs[1], &options, NULL, error);
    }
  if (comparison == NULL)
    goto out;

  text = g_string_new (NULL);
  palier_comparison_write (comparison, format, text);
  ok = _palier_cli_write_output (args->output, text, error);

out:
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    g_clear_pointer (&programs[i], palier_program_unref);
  return ok;
}

int
_palier_cli_compare (int   argc,
                     char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *proposal = NULL;
  RunArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "baseline", 'b', 0, G_OPTION_ARG_FILENAME, &baseline,
      N_("Program in force: a file, or the id of a program stored in the workspace"), N_("FILE.xml") },
    { "proposal", 'p', 0, G_OPTION_ARG_FILENAME, &proposal,
      N_("Program proposed in its place"), N_("FILE.xml") },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("compare",
                                     N_("--baseline A.xml --proposal B.xml (--workspace FILE.palier | --sales FILE.csv)"),
                                     N_("Simulates two programs on the same sales and lists, per partner, "
                                        "the payout under each and the difference, largest gain first, "
                                        "with the number of partners who gain, lose or stay the same."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  run_args_add_entries (context, &args);

  if (!_palier_cli_parse (context, "compare", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else if (baseline == NULL || proposal == NULL)
    _palier_cli_set_usage_error (&error, _("--baseline and --proposal are both required"));
  else if (take_file_maps (&args, &error))
    run_compare (baseline, proposal, &args, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("compare", error);

  run_args_clear (&args);
  return status;
}
