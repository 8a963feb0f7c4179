/* palier-cli-risk.c: "palier-cli montecarlo" and "palier-cli goal-seek" */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

#define CHART_WIDTH  960
#define CHART_HEIGHT 600

/* Options common to both commands: the sales, the program and the
 * draws. */
typedef struct {
  char     *workspace;
  char     *scenario;
  char     *program;
  char     *growth;
  char     *from;
  char     *to;
  int       draws;
  gint64    seed;
  char     *budget;
  char     *format;
  char     *output;
} RiskArgs;

static void
risk_args_add_entries (GOptionContext *context,
                       RiskArgs       *args)
{
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args->workspace,
      N_("Workspace file with the sales"), N_("FILE.palier") },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &args->scenario,
      N_("Scenario stored in the workspace: its program, window and assumptions"), N_("ID") },
    { "program", 'p', 0, G_OPTION_ARG_FILENAME, &args->program,
      N_("Program file, or the id of a program stored in the workspace"), N_("FILE.xml") },
    { "growth", 0, 0, G_OPTION_ARG_STRING, &args->growth,
      N_("Overall sales growth in percent, with --program (for example 8 or -2.5)"), N_("PCT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args->from,
      N_("First day of the history, inclusive (default: the first sale)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args->to,
      N_("Last day of the history, inclusive (default: the last sale)"), N_("YYYY-MM-DD") },
    { "draws", 'n', 0, G_OPTION_ARG_INT, &args->draws,
      N_("Simulated years (default: 10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &args->seed,
      /* Translators: the default is PALIER_MONTE_CARLO_DEFAULT_SEED. */
      N_("Seed of the draws; the same seed gives the same numbers (default: 1)"), N_("N") },
    { "budget", 'b', 0, G_OPTION_ARG_STRING, &args->budget,
      N_("Yearly cost to compare with, in the program’s currency"), N_("AMOUNT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format,
      N_("Output format: table (for people, in the user’s locale) or json (default: table)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  args->seed = PALIER_MONTE_CARLO_DEFAULT_SEED;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static void
risk_args_clear (RiskArgs *args)
{
  g_clear_pointer (&args->workspace, g_free);
  g_clear_pointer (&args->scenario, g_free);
  g_clear_pointer (&args->program, g_free);
  g_clear_pointer (&args->growth, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->budget, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->output, g_free);
}

/* Parses the decimal given to @option_name.  A trailing "%", or
 * @always_percent, divides it by 100, which must stay exact. */
static gboolean
parse_number (const char     *option_name,
              const char     *text,
              gboolean        always_percent,
              PalierDecimal  *out,
              GError        **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gboolean percent = always_percent;
  PalierDecimal value;

  if (len > 0 && copy[len - 1] == '%')
    {
      copy[--len] = '\0';
      percent = TRUE;
    }

  if (!palier_decimal_parse (copy, -1, &value, NULL) || (percent && value % 100 != 0))
    {
      _palier_cli_set_usage_error (error, _("invalid %s “%s”; write a number such as 7, 7.5 or 7.5%%, with up to six decimals"),
                                   option_name, text);
      return FALSE;
    }

  *out = percent ? value / 100 : value;
  return TRUE;
}

/* The options that need no file: format, draws, budget. */
static gboolean
risk_args_check (const RiskArgs           *args,
                 PalierOutputFormat       *format,
                 PalierSimulateOptions    *range,
                 PalierMonteCarloOptions  *monte_carlo,
                 GError                  **error)
{
  *format = PALIER_OUTPUT_TABLE;
  if (args->format != NULL &&
      (!palier_output_format_from_string (args->format, format) || *format == PALIER_OUTPUT_CSV))
    {
      _palier_cli_set_usage_error (error, _("invalid --format “%s”; use table or json"), args->format);
      return FALSE;
    }

  if (args->workspace == NULL)
    {
      _palier_cli_set_usage_error (error, _("--workspace is required"));
      return FALSE;
    }

  if ((args->scenario == NULL) == (args->program == NULL))
    {
      _palier_cli_set_usage_error (error, _("give either --scenario or --program"));
      return FALSE;
    }

  if (args->scenario != NULL && (args->growth != NULL || args->from != NULL || args->to != NULL))
    {
      _palier_cli_set_usage_error (error, _("--growth, --from and --to only apply with --program; a scenario has its own"));
      return FALSE;
    }

  if (args->draws < 0)
    {
      _palier_cli_set_usage_error (error, _("invalid --draws %d; give a positive number of simulated years"),
                                   args->draws);
      return FALSE;
    }

  memset (monte_carlo, 0, sizeof *monte_carlo);
  monte_carlo->n_draws = (guint) args->draws;
  monte_carlo->seed = (guint64) args->seed;
  if (args->budget != NULL)
    {
      monte_carlo->has_budget = TRUE;
      if (!parse_number ("--budget", args->budget, FALSE, &monte_carlo->budget, error))
        return FALSE;
    }

  return _palier_cli_parse_range (args->from, args->to, range, error);
}

/* Reads the program and the bases the options name. */
static gboolean
load_bases (const RiskArgs                *args,
            const PalierSimulateOptions   *range,
            PalierStore                   *store,
            PalierProgram                **out_program,
            PalierBases                  **out_bases,
            GError                       **error)
{
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(PalierProgram) program = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };

  if (args->scenario != NULL)
    {
      *out_bases = _palier_cli_read_scenario_bases (store, args->scenario, out_program, error);
      return *out_bases != NULL;
    }

  program = _palier_cli_load_program (args->program, store, error);
  if (program == NULL)
    return FALSE;

  /* --growth runs an unsaved scenario over the --from and --to window. */
  if (args->growth != NULL)
    {
      PalierDecimal growth;

      if (!parse_number ("--growth", args->growth, TRUE, &growth, error))
        return FALSE;
      scenario = palier_scenario_new ("palier-cli", "palier-cli", program->id);
      scenario->from = range->from;
      scenario->to = range->to;
      scenario->assumptions->growth = growth;
    }

  programs[0] = program;
  *out_bases = scenario != NULL
               ? palier_scenario_compute_bases (scenario, store, programs, NULL, error)
               : palier_bases_compute (store, programs, range, NULL, error);
  if (*out_bases == NULL)
    return FALSE;

  *out_program = g_steal_pointer (&program);
  return TRUE;
}

/* Output */

static void
append_money (GString       *out,
              PalierDecimal  value,
              int            decimals)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  g_string_append (out, palier_decimal_format (value, decimals, buf));
}

static void
append_json_stats (GString               *out,
                   const char            *name,
                   const PalierRiskStats *stats,
                   int                    decimals)
{
  const struct { const char *key; PalierDecimal value; } fields[] = {
    { "mean", stats->mean }, { "p10", stats->p10 }, { "p50", stats->p50 },
    { "p90", stats->p90 }, { "p99", stats->p99 }, { "min", stats->min }, { "max", stats->max },
  };

  g_string_append_printf (out, "  \"%s\": {", name);
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    {
      g_string_append_printf (out, "%s\"%s\": ", k > 0 ? ", " : "", fields[k].key);
      append_money (out, fields[k].value, decimals);
    }
  g_string_append (out, "},\n");
}

static void
write_monte_carlo_json (const PalierProgram          *program,
                        const PalierMonteCarloResult *result,
                        GString                      *out)
{
  int minor = result->minor_digits;

  g_string_append (out, "{\n");
  g_string_append_printf (out, "  \"program\": \"%s\",\n  \"currency\": \"%s\",\n",
                          program->id, result->currency);
  g_string_append_printf (out, "  \"draws\": %u,\n  \"seed\": %" G_GUINT64_FORMAT ",\n",
                          result->n_draws, result->seed);
  g_string_append_printf (out, "  \"partners\": %u,\n  \"periods_per_year\": %u,\n",
                          result->n_partners, result->periods_per_year);
  append_json_stats (out, "cost", &result->cost, minor);
  append_json_stats (out, "payout", &result->payout, minor);
  append_json_stats (out, "sales", &result->sales, minor);
  append_json_stats (out, "cost_of_sales", &result->cost_of_sales, PALIER_DECIMAL_DIGITS);
  if (result->has_budget)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, "  \"budget\": ");
      append_money (out, result->budget, minor);
      g_string_append_printf (out, ",\n  \"draws_over_budget\": %u,\n", result->n_over_budget);
      g_string_append_printf (out, "  \"probability_over_budget\": %s\n}\n",
                              g_ascii_formatd (buf, sizeof buf, "%.6f", result->probability_over_budget));
    }
  else
    g_string_append (out, "  \"budget\": null,\n  \"draws_over_budget\": null,\n"
                          "  \"probability_over_budget\": null\n}\n");
}


static void
write_monte_carlo_table (const PalierProgram          *program,
                         const PalierMonteCarloResult *result,
                         GString                      *out)
{
  const char *currency = result->currency;
  const struct { const char *label; PalierDecimal cost; PalierDecimal ratio; } rows[] = {
    { N_("Mean"), result->cost.mean, result->cost_of_sales.mean },
    { "P10", result->cost.p10, result->cost_of_sales.p10 },
    { "P50", result->cost.p50, result->cost_of_sales.p50 },
    { "P90", result->cost.p90, result->cost_of_sales.p90 },
    { "P99", result->cost.p99, result->cost_of_sales.p99 },
  };
  char *cells[G_N_ELEMENTS (rows) + 1][3];
  gsize widths[3] = { 0 };
  g_autofree char *draws = NULL;
  g_autofree char *partners = NULL;

  g_string_append_printf (out, _("Program: %s (%s)\n"), program->name, program->id);
  draws = palier_format_number (palier_decimal_from_int (result->n_draws), 0);
  partners = palier_format_number (palier_decimal_from_int (result->n_partners), 0);
  /* TRANSLATORS: the counts are in the locale's form, "10,000". */
  g_string_append_printf (out, _("%s simulated years, seed %llu, %s partners\n\n"),
                          draws, (unsigned long long) result->seed, partners);
  cells[0][0] = g_strdup ("");
  cells[0][1] = g_strdup (_("Cost per year"));
  cells[0][2] = g_strdup (_("Cost of sales"));
  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      cells[k + 1][0] = g_strdup (_(rows[k].label));
      cells[k + 1][1] = palier_format_money (rows[k].cost, currency);
      cells[k + 1][2] = palier_format_percent (rows[k].ratio, 2);
    }

  /* Columns are measured in terminal columns, not bytes, because French
   * amounts contain multibyte no-break spaces. */
  for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
    for (guint c = 0; c < 3; c++)
      widths[c] = MAX (widths[c], _palier_cli_display_width (cells[k][c]));

  for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
    {
      _palier_cli_append_padded (out, cells[k][0], widths[0], FALSE);
      for (guint c = 1; c < 3; c++)
        {
          g_string_append (out, "  ");
          _palier_cli_append_padded (out, cells[k][c], widths[c], TRUE);
        }
      g_string_append_c (out, '\n');
      for (guint c = 0; c < 3; c++)
        g_free (cells[k][c]);
    }

  if (result->has_budget)
    {
      g_autofree char *budget = palier_format_money (result->budget, currency);

      g_string_append_printf (out, _("\nProbability of exceeding %s: %.1f %% (%u of %u years)\n"),
                              budget, 100 * result->probability_over_budget,
                              result->n_over_budget, result->n_draws);
    }
}

/* montecarlo */

static void
draw_risk_chart (cairo_t *cr,
                 double   width,
                 double   height,
                 gpointer user_data)
{
  const PalierMonteCarloResult *result = user_data;

  palier_chart_draw_risk (cr, width, height, result, NULL);
}

static gboolean
run_monte_carlo (const RiskArgs  *args,
                 const char      *chart,
                 GError         **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierMonteCarloResult) result = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  PalierMonteCarloOptions options;
  PalierSimulateOptions range;
  PalierOutputFormat format;
  PalierImageFormat image_format = PALIER_IMAGE_PNG;

  if (!risk_args_check (args, &format, &range, &options, error))
    return FALSE;
  if (chart != NULL && !palier_image_format_from_path (chart, &image_format))
    {
      _palier_cli_set_usage_error (error, _("--chart “%s”: unknown extension; use .png, .svg or .pdf"),
                                   chart);
      return FALSE;
    }

  store = palier_store_open (args->workspace, PALIER_STORE_READ_ONLY, error);
  if (store == NULL || !load_bases (args, &range, store, &program, &bases, error))
    return FALSE;

  result = palier_monte_carlo_run (bases, program, &options, NULL, error);
  if (result == NULL)
    return FALSE;

  if (chart != NULL &&
      !palier_chart_export (chart, image_format, CHART_WIDTH, CHART_HEIGHT,
                            draw_risk_chart, (gpointer) result, error))
    return FALSE;

  if (format == PALIER_OUTPUT_JSON)
    write_monte_carlo_json (program, result, text);
  else
    write_monte_carlo_table (program, result, text);
  return _palier_cli_write_output (args->output, text, error);
}

int
_palier_cli_montecarlo (int   argc,
                        char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chart = NULL;
  RiskArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &chart,
      N_("Also draw the histogram of yearly costs to a PNG, SVG or PDF file"), N_("FILE") },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("montecarlo",
                                     N_("--workspace FILE.palier (--scenario ID | --program FILE.xml)"),
                                     N_("Simulates the program’s yearly cost many times by drawing each "
                                        "partner’s program periods from its own history, and prints the "
                                        "mean, P10, P50, P90 and P99 of the cost and the probability of "
                                        "exceeding --budget."));
  risk_args_add_entries (context, &args);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "montecarlo", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else
    run_monte_carlo (&args, chart, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("montecarlo", error);

  risk_args_clear (&args);
  return status;
}

/* goal-seek */

typedef struct {
  char     *parameter;
  char     *target;
  char     *on;
  gboolean  apply;
} SeekArgs;

static const struct {
  const char              *name;
  PalierGoalParameterKind  kind;
  gboolean                 numbered;
} parameter_kinds[] = {
  { "rate", PALIER_GOAL_TIER_RATE, TRUE },
  { "from", PALIER_GOAL_TIER_FROM, TRUE },
  { "amount", PALIER_GOAL_LEVEL_AMOUNT, TRUE },
  { "cap", PALIER_GOAL_CAP, FALSE },
  { "deal-amount", PALIER_GOAL_DEAL_AMOUNT, FALSE },
};

/* Parses KIND:COMPONENT[:N] into @parameter; @parts keeps the strings. */
static gboolean
parse_parameter (const char           *text,
                 GStrv                *parts,
                 PalierGoalParameter  *parameter,
                 GError              **error)
{
  guint n_parts;
  guint64 number = 0;

  *parts = g_strsplit (text, ":", 3);
  n_parts = g_strv_length (*parts);

  for (guint k = 0; n_parts >= 2 && k < G_N_ELEMENTS (parameter_kinds); k++)
    {
      if (!g_str_equal ((*parts)[0], parameter_kinds[k].name))
        continue;
      if ((n_parts == 3) != parameter_kinds[k].numbered ||
          (n_parts == 3 && (!g_ascii_string_to_unsigned ((*parts)[2], 10, 1, G_MAXUINT, &number, NULL))))
        break;

      parameter->kind = parameter_kinds[k].kind;
      parameter->component = (*parts)[1];
      parameter->index = number > 0 ? (guint) number - 1 : 0;
      return TRUE;
    }

  _palier_cli_set_usage_error (error, _("invalid --parameter “%s”; use rate:COMPONENT:TIER, from:COMPONENT:TIER, amount:COMPONENT:LEVEL, cap:COMPONENT or deal-amount:COMPONENT, numbering tiers and levels from 1"),
                               text);
  return FALSE;
}

static gboolean
parse_target (const char             *text,
              PalierGoalSeekOptions  *options,
              GError                **error)
{
  const char *equals = text != NULL ? strchr (text, '=') : NULL;
  g_autofree char *name = equals != NULL ? g_strndup (text, (gsize) (equals - text)) : NULL;

  if (name != NULL && g_str_equal (name, "cost"))
    options->metric = PALIER_GOAL_COST;
  else if (name != NULL && g_str_equal (name, "cost-of-sales"))
    options->metric = PALIER_GOAL_COST_OF_SALES;
  else
    {
      _palier_cli_set_usage_error (error, _("invalid --target “%s”; use cost=AMOUNT or cost-of-sales=PERCENT%%"),
                                   text != NULL ? text : "");
      return FALSE;
    }

  /* A cost of sales is always in percent, as --growth and the window
   * read it: "7", "7%" and "6.5" are 7 %, 7 % and 6.5 %. */
  return parse_number ("--target", equals + 1, options->metric == PALIER_GOAL_COST_OF_SALES,
                       &options->target, error);
}

static gboolean
parse_statistic (const char          *text,
                 PalierGoalStatistic *out,
                 GError             **error)
{
  if (text == NULL || g_str_equal (text, "history"))
    *out = PALIER_GOAL_ON_HISTORY;
  else if (g_str_equal (text, "p50"))
    *out = PALIER_GOAL_ON_P50;
  else if (g_str_equal (text, "p90"))
    *out = PALIER_GOAL_ON_P90;
  else
    {
      _palier_cli_set_usage_error (error, _("invalid --on “%s”; use history, p50 or p90"), text);
      return FALSE;
    }
  return TRUE;
}

static const char *
statistic_name (PalierGoalStatistic statistic)
{
  switch (statistic)
    {
    case PALIER_GOAL_ON_P50:
      return "p50";
    case PALIER_GOAL_ON_P90:
      return "p90";
    case PALIER_GOAL_ON_HISTORY:
    default:
      return "history";
    }
}

/* Value of the parameter with its natural number of decimals: 6 for
 * rates and attainment, the currency's otherwise. */
static int
value_decimals (const PalierProgram         *program,
                const PalierGoalSeekOptions *options)
{
  const PalierComponent *component = palier_program_find_component (program, options->parameter.component);
  const PalierTier *tier;

  if (options->parameter.kind == PALIER_GOAL_TIER_FROM)
    return component->basis == PALIER_BASIS_ATTAINMENT ? PALIER_DECIMAL_DIGITS
           : palier_currency_minor_digits (program->currency);
  if (options->parameter.kind != PALIER_GOAL_TIER_RATE)
    return palier_currency_minor_digits (program->currency);

  tier = &g_array_index (component->tiers, PalierTier, options->parameter.index);
  return tier->kind == PALIER_TIER_RATE ? PALIER_DECIMAL_DIGITS
         : palier_currency_minor_digits (program->currency);
}

static void
write_goal_seek_json (const PalierProgram          *program,
                      const char                   *parameter_text,
                      const PalierGoalSeekOptions  *options,
                      const PalierGoalSeekResult   *result,
                      gboolean                      applied,
                      GString                      *out)
{
  int value_digits = value_decimals (program, options);
  int figure_digits = options->metric == PALIER_GOAL_COST
                      ? palier_currency_minor_digits (program->currency) : PALIER_DECIMAL_DIGITS;
  const struct { const char *key; PalierDecimal value; int digits; } fields[] = {
    { "original", result->original, value_digits },
    { "value", result->value, value_digits },
    { "achieved", result->achieved, figure_digits },
    { "target", result->target, figure_digits },
    { "range_min", result->range_min, value_digits },
    { "range_max", result->range_max, value_digits },
    { "reachable_min", result->reachable_min, figure_digits },
    { "reachable_max", result->reachable_max, figure_digits },
  };

  g_string_append_printf (out, "{\n  \"program\": \"%s\",\n  \"parameter\": \"%s\",\n",
                          program->id, parameter_text);
  g_string_append_printf (out, "  \"metric\": \"%s\",\n  \"on\": \"%s\",\n",
                          options->metric == PALIER_GOAL_COST ? "cost" : "cost-of-sales",
                          statistic_name (options->statistic));
  g_string_append_printf (out, "  \"found\": %s,\n", result->found ? "true" : "false");
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    {
      g_string_append_printf (out, "  \"%s\": ", fields[k].key);
      append_money (out, fields[k].value, fields[k].digits);
      g_string_append (out, ",\n");
    }
  g_string_append_printf (out, "  \"evaluations\": %u,\n  \"applied\": %s\n}\n",
                          result->n_evaluations, applied ? "true" : "false");
}

static char *
format_figure (const PalierProgram         *program,
               const PalierGoalSeekOptions *options,
               PalierDecimal                figure)
{
  if (options->metric == PALIER_GOAL_COST)
    return palier_format_money (figure, program->currency);
  return palier_format_percent (figure, 2);
}

/* Rates and attainment (six decimals) read as percentages, "10.7628%",
 * amounts as numbers in the currency's decimals. */
static char *
format_value (PalierDecimal value,
              int           digits)
{
  if (digits == PALIER_DECIMAL_DIGITS)
    return palier_format_percent (value, PALIER_DECIMAL_DIGITS - 2);
  return palier_format_number (value, digits);
}

static void
write_goal_seek_table (const PalierProgram          *program,
                       const char                   *parameter_text,
                       const PalierGoalSeekOptions  *options,
                       const PalierGoalSeekResult   *result,
                       gboolean                      applied,
                       GString                      *out)
{
  int digits = value_decimals (program, options);
  g_autofree char *original = format_value (result->original, digits);
  g_autofree char *value = format_value (result->value, digits);
  g_autofree char *achieved = format_figure (program, options, result->achieved);
  g_autofree char *target = format_figure (program, options, result->target);
  g_autofree char *low = format_figure (program, options, result->reachable_min);
  g_autofree char *high = format_figure (program, options, result->reachable_max);

  g_string_append_printf (out, _("Program: %s (%s)\n"), program->name, program->id);
  g_string_append_printf (out, _("Parameter %s: %s now\n"), parameter_text, original);
  if (result->found)
    g_string_append_printf (out, _("Found %s, which gives %s (target %s) after %u evaluations\n"),
                            value, achieved, target, result->n_evaluations);
  else
    g_string_append_printf (out, _("No value meets the target %s: the figure ranges from %s to %s; the closest is %s at %s\n"),
                            target, low, high, achieved, value);
  if (applied)
    g_string_append (out, _("Saved as a new version of the program in the workspace.\n"));
}

static gboolean
apply_result (const RiskArgs              *args,
              const char                  *parameter_text,
              const PalierGoalSeekOptions *options,
              const PalierGoalSeekResult  *result,
              GError                     **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  g_autofree char *summary = NULL;
  char buf[PALIER_DECIMAL_BUFSIZE];

  if (!result->found)
    {
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   _("no value of %s meets the target, so nothing was saved; try another parameter or target"),
                   parameter_text);
      return FALSE;
    }

  value = g_strdup (palier_decimal_format_exact (result->value, buf));
  target = g_strdup (palier_decimal_format_exact (result->target, buf));
  /* TRANSLATORS: the summary of a saved program version, "Goal-seek set
   * rate:base:3 to 0.071234 to meet cost-of-sales 0.07 on p90." */
  summary = g_strdup_printf (_("Goal-seek set %s to %s to meet %s %s on %s."),
                             parameter_text, value,
                             options->metric == PALIER_GOAL_COST ? "cost" : "cost-of-sales",
                             target, statistic_name (options->statistic));

  store = palier_store_open (args->workspace, PALIER_STORE_OPEN_EXISTING, error);
  return store != NULL && palier_store_save_program (store, result->program, summary, error);
}

/* Runs the goal-seek and writes its result.  Sets @out_found to whether
 * a value meets the target, so that the caller can exit with 1 when
 * none does although the result was written. */
static gboolean
run_goal_seek (const RiskArgs  *args,
               const SeekArgs  *seek,
               gboolean        *out_found,
               GError         **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(PalierGoalSeekResult) result = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  PalierGoalSeekOptions options = { 0 };
  PalierSimulateOptions range;
  PalierOutputFormat format;
  gboolean applied = FALSE;

  if (!risk_args_check (args, &format, &range, &options.monte_carlo, error))
    return FALSE;
  if (seek->parameter == NULL || seek->target == NULL)
    {
      _palier_cli_set_usage_error (error, _("--parameter and --target are required"));
      return FALSE;
    }
  if (!parse_parameter (seek->parameter, &parts, &options.parameter, error) ||
      !parse_target (seek->target, &options, error) ||
      !parse_statistic (seek->on, &options.statistic, error))
    return FALSE;

  store = palier_store_open (args->workspace, PALIER_STORE_READ_ONLY, error);
  if (store == NULL || !load_bases (args, &range, store, &program, &bases, error))
    return FALSE;

  result = palier_goal_seek (bases, program, &options, NULL, error);
  if (result == NULL)
    return FALSE;

  if (seek->apply)
    {
      g_clear_pointer (&store, palier_store_close);
      if (!apply_result (args, seek->parameter, &options, result, error))
        return FALSE;
      applied = TRUE;
    }

  *out_found = result->found;
  if (format == PALIER_OUTPUT_JSON)
    write_goal_seek_json (program, seek->parameter, &options, result, applied, text);
  else
    write_goal_seek_table (program, seek->parameter, &options, result, applied, text);
  return _palier_cli_write_output (args->output, text, error);
}

int
_palier_cli_goal_seek (int   argc,
                       char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  RiskArgs args = { 0 };
  SeekArgs seek = { 0 };
  gboolean found = FALSE;
  const GOptionEntry entries[] = {
    { "parameter", 0, 0, G_OPTION_ARG_STRING, &seek.parameter,
      N_("Parameter to change: rate:COMPONENT:TIER, from:COMPONENT:TIER, amount:COMPONENT:LEVEL, "
         "cap:COMPONENT or deal-amount:COMPONENT (tiers and levels numbered from 1)"), N_("PARAMETER") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &seek.target,
      N_("Figure to meet: cost=AMOUNT (yearly cost) or cost-of-sales=PERCENT (cost / sales in percent, "
         "for example 7 or 6.5%)"), N_("TARGET") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &seek.on,
      N_("Where the figure is measured: history, p50 or p90 of the simulated years (default: history)"),
      N_("WHERE") },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &seek.apply,
      N_("Save the changed program in the workspace as a new version"), NULL },
    { NULL }
  };
  int status = 0;

  context = _palier_cli_context_new ("goal-seek",
                                     N_("--workspace FILE.palier (--scenario ID | --program FILE.xml) --parameter PARAMETER --target TARGET"),
                                     N_("Finds the value of one program parameter that meets a cost "
                                        "target, on history or at the P50 or P90 of the simulated years, "
                                        "or says that no value in the parameter’s range can.  "
                                        "Exits with status 1 when no value meets the target."));
  risk_args_add_entries (context, &args);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "goal-seek", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else if (run_goal_seek (&args, &seek, &found, &error) && !found)
    status = PALIER_CLI_EXIT_FAILURE;

  if (error != NULL)
    status = _palier_cli_report_error ("goal-seek", error);

  g_free (seek.parameter);
  g_free (seek.target);
  g_free (seek.on);
  risk_args_clear (&args);
  return status;
}
