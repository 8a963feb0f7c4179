/* palier-cli-report.c: "palier-cli report", the leadership report PDF */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>

#include "palier-cli-private.h"

/* Distance below a boundary that counts as near a cliff in the health
 * section, as a fraction of the boundary. */
#define DEFAULT_NEAR (PALIER_DECIMAL_ONE / 20)

typedef struct {
  char      *workspace;                 /* --workspace, or NULL for the plain argument */
  char     **scenarios;
  gboolean   risk;
  char      *risk_scenario;
  int        draws;
  gint64     seed;
  gboolean   has_seed;
  char      *budget;
  gboolean   health;
  char      *title;
  char      *output;
} ReportArgs;

static void
report_args_clear (ReportArgs *args)
{
  g_clear_pointer (&args->workspace, g_free);
  g_clear_pointer (&args->scenarios, g_strfreev);
  g_clear_pointer (&args->risk_scenario, g_free);
  g_clear_pointer (&args->budget, g_free);
  g_clear_pointer (&args->title, g_free);
  g_clear_pointer (&args->output, g_free);
}

/* Everything the report is drawn from, one entry per scenario. */
typedef struct {
  guint                     n;
  PalierScenario           *scenarios[PALIER_SCENARIO_MAX_COMPARED];
  PalierScenarioRun        *runs[PALIER_SCENARIO_MAX_COMPARED];
  PalierBases              *bases[PALIER_SCENARIO_MAX_COMPARED];
  PalierScenarioComparison *comparison;
  PalierMonteCarloResult   *risk;
  guint                     risk_index;
  PalierHealth             *health;
} ReportData;

static void
report_data_clear (ReportData *data)
{
  for (guint i = 0; i < data->n; i++)
    {
      g_clear_pointer (&data->scenarios[i], palier_scenario_unref);
      g_clear_pointer (&data->runs[i], palier_scenario_run_free);
      g_clear_pointer (&data->bases[i], palier_bases_free);
    }
  g_clear_pointer (&data->comparison, palier_scenario_comparison_unref);
  g_clear_pointer (&data->risk, palier_monte_carlo_result_unref);
  g_clear_pointer (&data->health, palier_health_unref);
}

/* Checks the options that need no file. */
static gboolean
report_args_check (const ReportArgs          *args,
                   PalierMonteCarloOptions   *monte_carlo,
                   GError                   **error)
{
  guint n = args->scenarios != NULL ? g_strv_length (args->scenarios) : 0;

  if (n == 0 || n > PALIER_SCENARIO_MAX_COMPARED)
    {
      _palier_cli_set_usage_error (error, _("give 1 to %d --scenario options, not %u"),
                                   PALIER_SCENARIO_MAX_COMPARED, n);
      return FALSE;
    }

  if (args->output == NULL)
    {
      _palier_cli_set_usage_error (error, _("missing --output FILE.pdf"));
      return FALSE;
    }

  if (!args->risk && (args->risk_scenario != NULL || args->draws != 0 || args->has_seed
                      || args->budget != NULL))
    {
      _palier_cli_set_usage_error (error, _("--risk-scenario, --draws, --seed and --budget "
                                            "need --risk"));
      return FALSE;
    }

  if (args->draws < 0)
    {
      _palier_cli_set_usage_error (error, _("invalid --draws %d; give a positive number"),
                                   args->draws);
      return FALSE;
    }

  monte_carlo->n_draws = (guint) args->draws;
  monte_carlo->seed = args->has_seed ? (guint64) args->seed : PALIER_MONTE_CARLO_DEFAULT_SEED;
  monte_carlo->has_budget = args->budget != NULL;
  if (args->budget != NULL && !palier_decimal_parse (args->budget, -1, &monte_carlo->budget, NULL))
    {
      _palier_cli_set_usage_error (error, _("invalid --budget “%s”; give an amount such as "
                                            "50000 or 50000.50"), args->budget);
      return FALSE;
    }

  return TRUE;
}

/* Sets @error when a call returned NULL without saying why. */
static void
ensure_error (GError     **error,
              const char  *scenario)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                 _("scenario “%s” could not be run"), scenario);
}

/* Loads, runs and reads the bases of scenario @id into entry @index. */
static gboolean
run_scenario (PalierStore  *store,
              const char   *id,
              ReportData   *data,
              guint         index,
              GError      **error)
{
  const PalierProgram *programs[2] = { NULL, NULL };

  data->scenarios[index] = palier_store_load_scenario (store, id, error);
  if (data->scenarios[index] == NULL)
    {
      ensure_error (error, id);
      return FALSE;
    }

  data->runs[index] = palier_scenario_run (data->scenarios[index], store, NULL, error);
  if (data->runs[index] == NULL)
    {
      ensure_error (error, id);
      return FALSE;
    }

  programs[0] = data->runs[index]->program;
  data->bases[index] = palier_scenario_compute_bases (data->scenarios[index], store, programs,
                                                      NULL, error);
  if (data->bases[index] == NULL)
    {
      ensure_error (error, id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
compare_scenarios (ReportData  *data,
                   GError     **error)
{
  PalierResult *results[PALIER_SCENARIO_MAX_COMPARED];
  const PalierBases *bases[PALIER_SCENARIO_MAX_COMPARED];
  const char *labels[PALIER_SCENARIO_MAX_COMPARED];

  for (guint i = 0; i < data->n; i++)
    {
      results[i] = data->runs[i]->result;
      bases[i] = data->bases[i];
      labels[i] = data->scenarios[i]->name;
    }

  data->comparison = palier_scenario_compare (results, bases, labels, data->n, error);
  if (data->comparison == NULL)
    {
      ensure_error (error, data->scenarios[0]->id);
      return FALSE;
    }
  return TRUE;
}

/* The scenario the cost risk and the health are for: --risk-scenario,
 * else the first proposal (the second scenario), else the only one. */
static gboolean
find_analysis_index (const ReportArgs  *args,
                     const ReportData  *data,
                     guint             *out_index,
                     GError           **error)
{
  if (args->risk_scenario == NULL)
    {
      *out_index = data->n > 1 ? 1 : 0;
      return TRUE;
    }

  for (guint i = 0; i < data->n; i++)
    if (g_str_equal (args->scenarios[i], args->risk_scenario))
      {
        *out_index = i;
        return TRUE;
      }

  _palier_cli_set_usage_error (error, _("--risk-scenario “%s” is not one of the --scenario options"),
                               args->risk_scenario);
  return FALSE;
}

static gboolean
analyse (const ReportArgs               *args,
         const PalierMonteCarloOptions  *monte_carlo,
         ReportData                     *data,
         GError                        **error)
{
  guint index = 0;

  if (!find_analysis_index (args, data, &index, error))
    return FALSE;
  data->risk_index = index;

  if (args->risk)
    {
      data->risk = palier_monte_carlo_run (data->bases[index], data->runs[index]->program,
                                           monte_carlo, NULL, error);
      if (data->risk == NULL)
        {
          ensure_error (error, data->scenarios[index]->id);
          return FALSE;
        }
    }

  if (args->health)
    {
      data->health = palier_health_compute (data->bases[index], data->runs[index]->program,
                                            data->runs[index]->result, DEFAULT_NEAR, NULL, error);
      if (data->health == NULL)
        {
          ensure_error (error, data->scenarios[index]->id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_report (const ReportArgs  *args,
              const char        *workspace,
              const ReportData  *data,
              GError           **error)
{
  const PalierScenario *scenarios[PALIER_SCENARIO_MAX_COMPARED];
  const PalierProgram *programs[PALIER_SCENARIO_MAX_COMPARED];
  g_autofree char *workspace_name = g_path_get_basename (workspace);
  PalierReportInput input = { 0 };

  for (guint i = 0; i < data->n; i++)
    {
      scenarios[i] = data->scenarios[i];
      programs[i] = data->runs[i]->program;
    }

  input.title = args->title;
  input.workspace = workspace_name;
  input.n_scenarios = data->n;
  input.scenarios = scenarios;
  input.programs = programs;
  input.comparison = data->comparison;
  input.risk = data->risk;
  input.risk_scenario = data->risk_index;
  input.health = data->health;
  input.health_scenario = data->risk_index;

  return palier_report_write_pdf (&input, args->output, error);
}

static gboolean
run_report (const char        *workspace,
            const ReportArgs  *args,
            GError           **error)
{
  g_autoptr(PalierStore) store = NULL;
  PalierMonteCarloOptions monte_carlo = { 0 };
  ReportData data = { 0 };
  gboolean ok = FALSE;

  if (!report_args_check (args, &monte_carlo, error))
    return FALSE;

  /* Runs are kept in the workspace, so it opens read-write. */
  store = palier_store_open (workspace, PALIER_STORE_OPEN_EXISTING, error);
  if (store == NULL)
    return FALSE;

  data.n = g_strv_length (args->scenarios);
  for (guint i = 0; i < data.n; i++)
    if (!run_scenario (store, args->scenarios[i], &data, i, error))
      goto out;

  ok = compare_scenarios (&data, error)
       && analyse (args, &monte_carlo, &data, error)
       && write_report (args, workspace, &data, error);

out:
  report_data_clear (&data);
  return ok;
}

/* Reads --seed, and records that it was given: any seed without --risk
 * is an error, the default one included. */
static gboolean
parse_seed (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  ReportArgs *args = data;
  g_autoptr(GError) number_error = NULL;

  if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &args->seed, &number_error))
    {
      _palier_cli_set_usage_error (error, _("invalid %s “%s”; give a whole number from 0"),
                                   option_name, value);
      return FALSE;
    }

  args->has_seed = TRUE;
  return TRUE;
}

int
_palier_cli_report (int   argc,
                    char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionGroup *group;
  ReportArgs args = { 0 };
  const char *workspace = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args.workspace,
      N_("Workspace file (or give it as the plain argument)"), N_("FILE.palier") },
    { "scenario", 's', 0, G_OPTION_ARG_STRING_ARRAY, &args.scenarios,
      N_("Scenario to run and compare, 1 to 4 times; the first is the reference"), N_("ID") },
    { "risk", 0, 0, G_OPTION_ARG_NONE, &args.risk,
      N_("Add the cost risk (Monte Carlo) of the first proposal"), NULL },
    { "risk-scenario", 0, 0, G_OPTION_ARG_STRING, &args.risk_scenario,
      N_("Scenario the cost risk and the health are for (default: the second, else the first)"),
      N_("ID") },
    { "draws", 0, 0, G_OPTION_ARG_INT, &args.draws,
      N_("Simulated years of the cost risk (default: 10000)"), N_("N") },
    { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_CALLBACK, parse_seed,
      /* Translators: the default is PALIER_MONTE_CARLO_DEFAULT_SEED. */
      N_("Seed of the cost risk’s random draws (default: 1)"), N_("S") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &args.budget,
      N_("Yearly budget, in the program’s currency, to give the probability of exceeding"),
      N_("AMOUNT") },
    { "health", 0, 0, G_OPTION_ARG_NONE, &args.health,
      N_("Add the program health: concentration, and partners just below a tier boundary"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title,
      N_("Title of the report (default: “Incentive program report”)"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };

  context = _palier_cli_context_new ("report", N_("(--workspace FILE.palier | WORKSPACE)"),
                                     _("Writes the leadership report: the programs in plain words, "
                                       "the scenario comparison,\nand optionally the cost risk and "
                                       "the program health, as an A4 PDF in your language."));
  /* The main group carries &args for parse_seed(). */
  group = g_option_group_new (NULL, NULL, NULL, &args, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, group);

  if (!_palier_cli_parse (context, "report", &argc, &argv))
    {
      report_args_clear (&args);
      return PALIER_CLI_EXIT_USAGE;
    }

  if (_palier_cli_take_workspace (args.workspace, argc, argv, &workspace, &error))
    run_report (workspace, &args, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("report", error);

  report_args_clear (&args);
  return status;
}
