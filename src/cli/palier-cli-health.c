/* palier-cli-health.c: "palier-cli statement" and "palier-cli health" */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

/* Size of the --chart image, in pixels for PNG and points otherwise. */
#define CHART_WIDTH  900.0
#define CHART_HEIGHT 480.0

/* What both commands read: a workspace, and either a program in it (or
 * a file) with a date range, or a scenario stored in it. */
typedef struct {
  char *workspace;                      /* --workspace, or NULL for the plain argument */
  char *scenario;
  char *program;
  char *from;
  char *to;
  char *format;
  char *output;
} CommonArgs;

static void
common_args_clear (CommonArgs *args)
{
  g_clear_pointer (&args->workspace, g_free);
  g_clear_pointer (&args->scenario, g_free);
  g_clear_pointer (&args->program, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->output, g_free);
}

static void
common_args_add_entries (GOptionContext *context,
                         CommonArgs     *args,
                         const char     *format_help,
                         const char     *output_help)
{
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args->workspace,
      N_("Workspace file (or give it as the plain argument)"), N_("FILE.palier") },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &args->scenario,
      N_("Scenario stored in the workspace: its program, window and assumptions"), N_("ID") },
    { "program", 'p', 0, G_OPTION_ARG_FILENAME, &args->program,
      N_("Program file, or the id of a program stored in the workspace"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args->from,
      N_("First day of the range, inclusive (default: the first sale)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args->to,
      N_("Last day of the range, inclusive (default: the last sale)"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format, format_help, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, output_help, N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Opens the workspace, loads the program and reads the bases it needs,
 * those of the scenario with --scenario, which it then sets
 * @out_scenario to when that is not NULL. */
static PalierBases *
read_bases (const char          *workspace,
            const CommonArgs    *args,
            PalierProgram      **out_program,
            PalierScenario     **out_scenario,
            GError             **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  const PalierProgram *programs[2] = { NULL, NULL };
  PalierBases *bases;

  if (!_palier_cli_parse_range (args->from, args->to, &options, error))
    return NULL;

  store = palier_store_open (workspace, PALIER_STORE_READ_ONLY, error);
  if (store == NULL)
    return NULL;

  if (args->scenario != NULL && out_scenario != NULL)
    {
      *out_scenario = palier_store_load_scenario (store, args->scenario, error);
      if (*out_scenario == NULL)
        return NULL;
    }

  if (args->scenario != NULL)
    return _palier_cli_read_scenario_bases (store, args->scenario, out_program, error);

  program = _palier_cli_load_program (args->program, store, error);
  if (program == NULL)
    return NULL;

  programs[0] = program;
  bases = palier_bases_compute (store, programs, &options, NULL, error);
  if (bases != NULL)
    *out_program = g_steal_pointer (&program);
  return bases;
}

/* Checks the arguments shared by both commands: one workspace, which
 * it sets @out_workspace to, and a program or a scenario. */
static gboolean
check_common (int                argc,
              char             **argv,
              const CommonArgs  *args,
              const char       **out_workspace,
              GError           **error)
{
  if (!_palier_cli_take_workspace (args->workspace, argc, argv, out_workspace, error))
    return FALSE;
  if ((args->program == NULL) == (args->scenario == NULL))
    {
      _palier_cli_set_usage_error (error, _("give either --scenario or --program"));
      return FALSE;
    }
  if (args->scenario != NULL && (args->from != NULL || args->to != NULL))
    {
      _palier_cli_set_usage_error (error, _("--from and --to only apply with --program; a scenario has its own window"));
      return FALSE;
    }
  return TRUE;
}

/* statement */

typedef enum {
  STATEMENT_PDF,
  STATEMENT_TEXT,
  STATEMENT_JSON,
} StatementFormat;

static gboolean
parse_statement_format (const CommonArgs  *args,
                        StatementFormat   *out,
                        GError           **error)
{
  if (args->format == NULL)
    *out = args->output != NULL ? STATEMENT_PDF : STATEMENT_TEXT;
  else if (g_str_equal (args->format, "pdf"))
    *out = STATEMENT_PDF;
  else if (g_str_equal (args->format, "text"))
    *out = STATEMENT_TEXT;
  else if (g_str_equal (args->format, "json"))
    *out = STATEMENT_JSON;
  else
    {
      _palier_cli_set_usage_error (error, _("invalid --format “%s”; use pdf, text or json"),
                                   args->format);
      return FALSE;
    }

  if (*out == STATEMENT_PDF && args->output == NULL)
    {
      _palier_cli_set_usage_error (error, _("a PDF statement needs --output FILE.pdf"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_statement (const char        *workspace,
               const CommonArgs  *args,
               const char        *partner,
               const char        *period,
               GError           **error)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierStatement) statement = NULL;
  g_autoptr(GString) text = NULL;
  StatementFormat format;

  if (!parse_statement_format (args, &format, error))
    return FALSE;

  bases = read_bases (workspace, args, &program, &scenario, error);
  if (bases == NULL)
    return FALSE;

  statement = palier_statement_compute (bases, program, partner, period, NULL, error);
  if (statement == NULL)
    return FALSE;
  palier_statement_set_scenario (statement, scenario);

  if (format == STATEMENT_PDF)
    return palier_statement_write_pdf (statement, args->output, error);

  text = g_string_new (NULL);
  palier_statement_write (statement, format == STATEMENT_JSON ? PALIER_OUTPUT_JSON : PALIER_OUTPUT_TABLE,
                          text);
  return _palier_cli_write_output (args->output, text, error);
}

int
_palier_cli_statement (int   argc,
                       char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *period = NULL;
  CommonArgs args = { 0 };
  const char *workspace = NULL;
  const GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner,
      N_("Partner code, as mapped at import"), N_("CODE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("Program period, such as 2017-Q1"), N_("LABEL") },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("statement",
                                     N_("(--workspace FILE.palier | WORKSPACE) (--program ID | --scenario ID) --partner CODE --period LABEL [-o FILE.pdf]"),
                                     N_("Explains one partner’s payout for one program period, component "
                                        "by component and line by line: base, quota, tiers crossed, "
                                        "rates, gate, cap and bonus level.  With --output the statement "
                                        "is a one-page PDF; otherwise it is printed as text."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  common_args_add_entries (context, &args,
                           N_("Output format: pdf, text (for people, in the user’s locale) or json "
                              "(default: pdf with --output, else text)"),
                           N_("Write to FILE instead of the standard output"));

  if (!_palier_cli_parse (context, "statement", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (check_common (argc, argv, &args, &workspace, &error))
    {
      if (partner == NULL || period == NULL)
        _palier_cli_set_usage_error (&error, _("--partner and --period are both required"));
      else
        run_statement (workspace, &args, partner, period, &error);
    }

  if (error != NULL)
    status = _palier_cli_report_error ("statement", error);

  common_args_clear (&args);
  return status;
}

/* health */

/* Parses "5%" as 0.05, or a plain fraction such as "0.05". */
static gboolean
parse_near (const char     *text,
            PalierDecimal  *out,
            GError        **error)
{
  gsize length = strlen (text);
  gboolean percent = length > 0 && text[length - 1] == '%';
  PalierDecimal value;

  if (!palier_decimal_parse (text, percent ? (gssize) length - 1 : -1, &value, NULL) ||
      (percent && value % 100 != 0))
    {
      _palier_cli_set_usage_error (error, _("invalid --near “%s”; use a percentage such as 5%% or a fraction such as 0.05"),
                                   text);
      return FALSE;
    }

  *out = percent ? value / 100 : value;
  return TRUE;
}

static void
draw_health (cairo_t *cr,
             double   width,
             double   height,
             gpointer user_data)
{
  palier_chart_draw_health (cr, width, height, user_data, NULL);
}

static gboolean
run_health (const char        *workspace,
            const CommonArgs  *args,
            const char        *near_text,
            const char        *chart,
            GError           **error)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(PalierHealth) health = NULL;
  g_autoptr(GString) text = NULL;
  PalierOutputFormat format = PALIER_OUTPUT_TABLE;
  PalierImageFormat image_format = PALIER_IMAGE_PNG;
  PalierDecimal near = PALIER_DECIMAL_ONE / 20;

  if (args->format != NULL &&
      (!palier_output_format_from_string (args->format, &format) || format == PALIER_OUTPUT_CSV))
    {
      _palier_cli_set_usage_error (error, _("invalid --format “%s”; use table or json"), args->format);
      return FALSE;
    }
  if (near_text != NULL && !parse_near (near_text, &near, error))
    return FALSE;
  if (chart != NULL && !palier_image_format_from_path (chart, &image_format))
    {
      _palier_cli_set_usage_error (error, _("invalid --chart “%s”; name a .png, .svg or .pdf file"),
                                   chart);
      return FALSE;
    }

  bases = read_bases (workspace, args, &program, NULL, error);
  if (bases == NULL)
    return FALSE;

  result = palier_bases_simulate (bases, program, NULL, error);
  if (result == NULL)
    return FALSE;

  health = palier_health_compute (bases, program, result, near, NULL, error);
  if (health == NULL)
    return FALSE;

  if (chart != NULL &&
      !palier_chart_export (chart, image_format, CHART_WIDTH, CHART_HEIGHT, draw_health, health, error))
    return FALSE;

  text = g_string_new (NULL);
  palier_health_write (health, format, text);
  return _palier_cli_write_output (args->output, text, error);
}

int
_palier_cli_health (int   argc,
                    char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *near = NULL;
  g_autofree char *chart = NULL;
  CommonArgs args = { 0 };
  const char *workspace = NULL;
  const GOptionEntry entries[] = {
    { "near", 0, 0, G_OPTION_ARG_STRING, &near,
      N_("Distance below a boundary that counts as near, as a percentage of the boundary (default: 5%)"),
      N_("PERCENT") },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &chart,
      N_("Also draw the Lorenz curve and the partners near each boundary to a PNG, SVG or PDF file"),
      N_("FILE") },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("health",
                                     N_("(--workspace FILE.palier | WORKSPACE) (--program ID | --scenario ID) [--near 5%] [--chart FILE]"),
                                     N_("Shows how a program spreads its cost: the share of the top "
                                        "tenth of partners, the Gini coefficient, the partners just below "
                                        "a tier boundary or bonus level that pays a step, and each "
                                        "partner’s effective rate."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  common_args_add_entries (context, &args,
                           N_("Output format: table (for people, in the user’s locale) or json (default: table)"),
                           N_("Write to FILE instead of the standard output"));

  if (!_palier_cli_parse (context, "health", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (check_common (argc, argv, &args, &workspace, &error))
    run_health (workspace, &args, near, chart, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("health", error);

  common_args_clear (&args);
  return status;
}
