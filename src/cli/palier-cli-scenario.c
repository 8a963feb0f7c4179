/* palier-cli-scenario.c: "palier-cli scenario create|list|show|run|
 * compare|remove", what-if scenarios stored in a workspace */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

/* Differences listed per compared scenario in the table output: the
 * largest gains and the largest losses. */
#define N_LISTED_DIFFERENCES 5

typedef struct {
  char      *workspace;
  char      *program;
  char      *name;
  char      *from;
  char      *to;
  gint       fiscal_year;
  char      *growth;
  char     **segment_growths;
  char     **category_growths;
  char     **region_growths;
  char     **removed;
  char     **added;
  char      *format;
  char      *chart;
  char     **arguments;
} Args;

static void
args_clear (Args *args)
{
  g_free (args->workspace);
  g_free (args->program);
  g_free (args->name);
  g_free (args->from);
  g_free (args->to);
  g_free (args->growth);
  g_strfreev (args->segment_growths);
  g_strfreev (args->category_growths);
  g_strfreev (args->region_growths);
  g_strfreev (args->removed);
  g_strfreev (args->added);
  g_free (args->format);
  g_free (args->chart);
  g_strfreev (args->arguments);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

/* Create */

static gboolean
parse_percent_option (const char     *option,
                      const char     *text,
                      PalierDecimal  *out,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (palier_growth_parse_percent (text, out, &local_error))
    return TRUE;
  _palier_cli_set_usage_error (error, "%s: %s", option, local_error->message);
  return FALSE;
}

/* NAME=PCT, split at the last '=' so that a name may contain one. */
static gboolean
add_dimension_growths (PalierAssumptions      *assumptions,
                       PalierGrowthDimension   dimension,
                       const char             *option,
                       char                  **values,
                       GError                **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *equals = strrchr (values[i], '=');
      g_autofree char *key = NULL;
      PalierDecimal growth;

      if (equals == NULL || equals == values[i])
        {
          _palier_cli_set_usage_error (error, _("%s: invalid value “%s”; write NAME=PERCENT, such as “Technology=8”"),
                                       option, values[i]);
          return FALSE;
        }
      key = g_strndup (values[i], (gsize) (equals - values[i]));
      if (!parse_percent_option (option, equals + 1, &growth, error))
        return FALSE;
      palier_assumptions_set_growth (assumptions, dimension, key, growth);
    }
  return TRUE;
}

/* CODE=SOURCE or CODE=SOURCE*FACTOR, split at the first '=' and the last
 * '*'. */
static gboolean
add_partners (PalierAssumptions  *assumptions,
              char              **values,
              GError            **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *equals = strchr (values[i], '=');
      const char *star = equals != NULL ? strrchr (equals, '*') : NULL;
      g_autofree char *code = NULL;
      g_autofree char *source = NULL;
      PalierDecimal factor = PALIER_DECIMAL_ONE;

      if (equals == NULL || equals == values[i] || equals[1] == '\0' || star == equals + 1 ||
          (star != NULL && !palier_decimal_parse (star + 1, -1, &factor, NULL)))
        {
          _palier_cli_set_usage_error (error, _("--add: invalid value “%s”; write CODE=SOURCE or CODE=SOURCE*FACTOR, such as “NEW-1=AB-10015*1.5”"),
                                       values[i]);
          return FALSE;
        }
      code = g_strndup (values[i], (gsize) (equals - values[i]));
      source = star != NULL ? g_strndup (equals + 1, (gsize) (star - equals - 1)) : g_strdup (equals + 1);
      palier_assumptions_add_partner (assumptions, code, NULL, source, factor);
    }
  return TRUE;
}

static PalierAssumptions *
assumptions_from_args (const Args  *args,
                       GError     **error)
{
  g_autoptr(PalierAssumptions) assumptions = palier_assumptions_new ();

  if (args->growth != NULL &&
      !parse_percent_option ("--growth", args->growth, &assumptions->growth, error))
    return NULL;

  if (!add_dimension_growths (assumptions, PALIER_GROWTH_SEGMENT, "--segment-growth",
                              args->segment_growths, error) ||
      !add_dimension_growths (assumptions, PALIER_GROWTH_CATEGORY, "--category-growth",
                              args->category_growths, error) ||
      !add_dimension_growths (assumptions, PALIER_GROWTH_REGION, "--region-growth",
                              args->region_growths, error) ||
      !add_partners (assumptions, args->added, error))
    return NULL;

  for (guint i = 0; args->removed != NULL && args->removed[i] != NULL; i++)
    palier_assumptions_remove_partner (assumptions, args->removed[i]);

  if (!palier_assumptions_validate (assumptions, error))
    return NULL;
  return g_steal_pointer (&assumptions);
}

/* The window: --from and --to, or the program's fiscal year that ends in
 * --fiscal-year. */
static gboolean
window_from_args (const Args      *args,
                  PalierStore     *store,
                  PalierScenario  *scenario,
                  GError         **error)
{
  g_autoptr(PalierProgram) program = NULL;
  PalierSimulateOptions range = { PALIER_DATE_NONE, PALIER_DATE_NONE };
  gint32 index;

  if (args->fiscal_year == 0)
    {
      if (!_palier_cli_parse_range (args->from, args->to, &range, error))
        return FALSE;
      scenario->from = range.from;
      scenario->to = range.to;
      return TRUE;
    }

  if (args->from != NULL || args->to != NULL)
    {
      _palier_cli_set_usage_error (error, _("give either --fiscal-year or --from and --to, not both"));
      return FALSE;
    }
  if (args->fiscal_year < 1900 || args->fiscal_year > 9999)
    {
      _palier_cli_set_usage_error (error, _("--fiscal-year: invalid year %d; write a year such as 2017"),
                                   args->fiscal_year);
      return FALSE;
    }

  program = palier_store_load_program (store, scenario->program_id, error);
  if (program == NULL)
    return FALSE;

  /* 1 January of a year lies in the fiscal year that ends in it. */
  index = palier_period_index (PALIER_PERIOD_YEAR, program->fiscal_year_start,
                               palier_date_from_ymd (args->fiscal_year, 1, 1));
  palier_period_bounds (PALIER_PERIOD_YEAR, program->fiscal_year_start, index,
                        &scenario->from, &scenario->to);
  return TRUE;
}

static gboolean
create_scenario (PalierStore  *store,
                 const Args   *args,
                 GError      **error)
{
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(PalierAssumptions) assumptions = NULL;
  const char *id = args->arguments[1];

  if (args->program == NULL)
    {
      _palier_cli_set_usage_error (error, _("--program is required to create a scenario"));
      return FALSE;
    }

  assumptions = assumptions_from_args (args, error);
  if (assumptions == NULL)
    return FALSE;

  scenario = palier_scenario_new (id, args->name != NULL ? args->name : id, args->program);
  palier_assumptions_free (scenario->assumptions);
  scenario->assumptions = g_steal_pointer (&assumptions);
  if (!window_from_args (args, store, scenario, error) ||
      !palier_store_save_scenario (store, scenario, error))
    return FALSE;

  g_print (_("Stored scenario “%s” (%s) on program “%s”.\n"), scenario->id, scenario->name,
           scenario->program_id);
  return TRUE;
}

/* List and show */

static char *
format_window (PalierDate from,
               PalierDate to)
{
  char from_text[16], to_text[16];

  return g_strdup_printf ("%s – %s",
                          from != PALIER_DATE_NONE ? palier_date_format_iso (from, from_text) : _("first sale"),
                          to != PALIER_DATE_NONE ? palier_date_format_iso (to, to_text) : _("last sale"));
}

static char *
describe_assumptions (const PalierAssumptions *assumptions)
{
  g_autofree char *text = palier_assumptions_to_string (assumptions);
  g_auto(GStrv) lines = NULL;

  if (*text == '\0')
    return g_strdup (_("none"));

  g_strchomp (text);
  lines = g_strsplit (text, "\n", -1);
  return g_strjoinv ("; ", lines);
}

static gboolean
list_scenarios (PalierStore  *store,
                GError      **error)
{
  g_autoptr(GPtrArray) scenarios = palier_store_list_scenarios (store, error);

  if (scenarios == NULL)
    return FALSE;

  for (guint i = 0; i < scenarios->len; i++)
    {
      const PalierScenario *scenario = g_ptr_array_index (scenarios, i);
      g_autofree char *window = format_window (scenario->from, scenario->to);
      g_autofree char *assumptions = describe_assumptions (scenario->assumptions);

      g_print ("%s\t%s\t%s\t%s\t%s\n", scenario->id, scenario->name, scenario->program_id,
               window, assumptions);
    }
  return TRUE;
}

static void
print_run_line (const PalierScenarioRun *run)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (run->time);
  g_autofree char *when = g_date_time_format (time, "%Y-%m-%d %H:%M:%S UTC");
  g_autofree char *window = format_window (run->from, run->to);
  g_autofree char *cost = palier_format_money (run->result->total_cost, run->program->currency);

  g_print (_("  run %lld  %s  program version %lld  %s  cost %s\n"),
           (long long) run->id, when, (long long) run->program_version, window, cost);
}

static gboolean
show_scenario (PalierStore  *store,
               const char   *id,
               GError      **error)
{
  g_autoptr(PalierScenario) scenario = palier_store_load_scenario (store, id, error);
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *window = NULL;
  g_autofree char *assumptions = NULL;

  if (scenario == NULL)
    return FALSE;
  runs = palier_store_list_scenario_runs (store, id, error);
  if (runs == NULL)
    return FALSE;

  window = format_window (scenario->from, scenario->to);
  assumptions = palier_assumptions_to_string (scenario->assumptions);
  g_print (_("Scenario:    %s (%s)\n"), scenario->id, scenario->name);
  g_print (_("Program:     %s\n"), scenario->program_id);
  g_print (_("Window:      %s\n"), window);
  g_print (_("Assumptions:\n"));
  g_print ("%s", *assumptions != '\0' ? assumptions : "");
  if (*assumptions == '\0')
    g_print (_("  none\n"));
  g_print (_("Kept runs:   %u\n"), runs->len);
  for (guint i = 0; i < runs->len; i++)
    print_run_line (g_ptr_array_index (runs, i));
  return TRUE;
}

/* Run */

static void
print_run_totals (const PalierScenario     *scenario,
                  const PalierScenarioRun  *run)
{
  const PalierResult *result = run->result;
  const char *currency = run->program->currency;
  g_autofree char *window = format_window (run->from, run->to);
  g_autofree char *assumptions = describe_assumptions (run->assumptions);
  g_autofree char *sales = palier_format_money (result->total_sales, currency);
  g_autofree char *payout = palier_format_money (result->total_payout, currency);
  g_autofree char *cost = palier_format_money (result->total_cost, currency);
  g_autofree char *ratio = palier_format_percent (result->cost_of_sales, 2);

  g_print (_("Scenario:       %s (%s)\n"), scenario->id, scenario->name);
  g_print (_("Program:        %s, version %lld\n"), run->program->id, (long long) run->program_version);
  g_print (_("Window:         %s\n"), window);
  g_print (_("Assumptions:    %s\n"), assumptions);
  g_print (_("Partners:       %u\n"), result->partners->len);
  g_print (_("Sales:          %s\n"), sales);
  g_print (_("Payout:         %s\n"), payout);
  if (result->has_rewards)
    {
      g_autofree char *non_cash = palier_format_money (result->total_non_cash, currency);

      g_print (_("Non-cash:       %s\n"), non_cash);
    }
  g_print (_("Cost:           %s\n"), cost);
  g_print (_("Cost of sales:  %s\n"), ratio);
  for (guint c = 0; c < result->n_components; c++)
    {
      const PalierComponent *component = g_ptr_array_index (result->program->components, c);
      g_autofree char *total = palier_format_money (result->component_totals[c], currency);

      g_autoptr(GString) line = g_string_new ("  ");

      _palier_cli_append_padded (line, component->id, 12, FALSE);
      g_print ("%s  %s\n", line->str, total);
    }
  g_print (_("Kept as run %lld.\n"), (long long) run->id);
}

static gboolean
run_scenario (PalierStore         *store,
              const char          *id,
              PalierOutputFormat   format,
              GError             **error)
{
  g_autoptr(PalierScenario) scenario = palier_store_load_scenario (store, id, error);
  g_autoptr(PalierScenarioRun) run = NULL;
  g_autoptr(GString) json = NULL;

  if (scenario == NULL)
    return FALSE;

  run = palier_scenario_run (scenario, store, NULL, error);
  if (run == NULL)
    return FALSE;

  if (format != PALIER_OUTPUT_JSON)
    {
      print_run_totals (scenario, run);
      return TRUE;
    }

  json = g_string_new (NULL);
  palier_result_write (run->result, PALIER_OUTPUT_JSON, json);
  return _palier_cli_write_output (NULL, json, error);
}

/* Compare */

typedef struct {
  PalierScenario     *scenario;
  PalierScenarioRun  *run;
  PalierBases        *bases;
} Compared;

static void
compared_clear (Compared *compared)
{
  g_clear_pointer (&compared->scenario, palier_scenario_unref);
  g_clear_pointer (&compared->run, palier_scenario_run_free);
  g_clear_pointer (&compared->bases, palier_bases_free);
}

/* The latest kept run of scenario @id, made now when it has none, and
 * the bases recomputed with that run's program, assumptions and window
 * for the tiers reached. */
static gboolean
load_compared (PalierStore  *store,
               const char   *id,
               Compared     *compared,
               GError      **error)
{
  g_autoptr(PalierScenario) as_run = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };

  compared->scenario = palier_store_load_scenario (store, id, error);
  if (compared->scenario == NULL)
    return FALSE;

  compared->run = palier_store_load_last_scenario_run (store, id, error);
  if (compared->run == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      compared->run = palier_scenario_run (compared->scenario, store, NULL, error);
      if (compared->run == NULL)
        return FALSE;
    }

  as_run = palier_scenario_copy (compared->scenario);
  palier_assumptions_free (as_run->assumptions);
  as_run->assumptions = palier_assumptions_copy (compared->run->assumptions);
  as_run->from = compared->run->from;
  as_run->to = compared->run->to;
  programs[0] = compared->run->program;
  compared->bases = palier_scenario_compute_bases (as_run, store, programs, NULL, error);
  return compared->bases != NULL;
}

/* Adds a row of the comparison table: @label and one cell per
 * scenario, copied. */
static void
append_table_row (GPtrArray   *rows,
                  const char  *label,
                  char       **cells,
                  guint        n)
{
  char **row = g_new0 (char *, n + 2);

  row[0] = g_strdup (label);
  for (guint i = 0; i < n; i++)
    row[i + 1] = g_strdup (cells[i]);
  g_ptr_array_add (rows, row);
}

/* Writes @rows with the labels left-aligned and the scenarios' cells
 * right-aligned, each column as wide as its widest cell on screen. */
static void
write_table_rows (GPtrArray *rows,
                  guint      n_columns,
                  GString   *out)
{
  gsize widths[PALIER_SCENARIO_MAX_COMPARED + 1] = { 0 };

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], _palier_cli_display_width (row[c]));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      _palier_cli_append_padded (out, row[0], widths[0], FALSE);
      for (guint c = 1; c < n_columns; c++)
        {
          g_string_append (out, "  ");
          _palier_cli_append_padded (out, row[c], widths[c], TRUE);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_money_row (GPtrArray                      *rows,
                  const char                     *label,
                  const PalierScenarioComparison *comparison,
                  gsize                           offset,
                  const char                     *currency)
{
  char *cells[PALIER_SCENARIO_MAX_COMPARED] = { NULL };

  for (guint i = 0; i < comparison->n_columns; i++)
    cells[i] = palier_format_money (G_STRUCT_MEMBER (PalierDecimal, &comparison->columns[i], offset),
                                    currency);
  append_table_row (rows, label, cells, comparison->n_columns);
  for (guint i = 0; i < comparison->n_columns; i++)
    g_free (cells[i]);
}

static void
append_tier_rows (GPtrArray                      *rows,
                  const PalierScenarioComparison *comparison)
{
  guint n_rows = 0;

  for (guint i = 0; i < comparison->n_columns; i++)
    if (comparison->columns[i].tier_counts != NULL)
      n_rows = MAX (n_rows, comparison->columns[i].tier_counts->len);

  for (guint row = 0; row < n_rows; row++)
    {
      char *cells[PALIER_SCENARIO_MAX_COMPARED] = { NULL };
      g_autofree char *label = row == 0 ? g_strdup (_("Partners below tier 1"))
                                        : g_strdup_printf (_("Partners at tier %u"), row);

      for (guint i = 0; i < comparison->n_columns; i++)
        {
          const GArray *counts = comparison->columns[i].tier_counts;

          cells[i] = counts != NULL && row < counts->len
                     ? g_strdup_printf ("%u", g_array_index (counts, guint, row))
                     : g_strdup ("–");
        }
      append_table_row (rows, label, cells, comparison->n_columns);
      for (guint i = 0; i < comparison->n_columns; i++)
        g_free (cells[i]);
    }
}

static void
append_count_row (GPtrArray                      *rows,
                  const char                     *label,
                  const PalierScenarioComparison *comparison,
                  gsize                           offset)
{
  char *cells[PALIER_SCENARIO_MAX_COMPARED] = { NULL };

  for (guint i = 0; i < comparison->n_columns; i++)
    cells[i] = i == 0 ? g_strdup ("–")
                      : g_strdup_printf ("%u", G_STRUCT_MEMBER (guint, &comparison->columns[i], offset));
  append_table_row (rows, label, cells, comparison->n_columns);
  for (guint i = 0; i < comparison->n_columns; i++)
    g_free (cells[i]);
}

static void
append_differences (GString                    *out,
                    const PalierScenarioColumn *column,
                    const char                 *reference,
                    const char                 *currency)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = column->rows->len;

  g_string_append_printf (out, _("\nLargest differences of “%s” against “%s”:\n"), column->label, reference);
  for (guint i = 0; i < n; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (column->rows, i);
      g_autofree char *label = NULL;
      char *difference[1];

      if (i >= N_LISTED_DIFFERENCES && i + N_LISTED_DIFFERENCES < n)
        continue;
      if (row->difference == 0)
        continue;
      label = g_strconcat ("  ", row->partner, NULL);
      difference[0] = palier_format_money (row->difference, currency);
      append_table_row (rows, label, difference, 1);
      g_free (difference[0]);
    }
  write_table_rows (rows, 2, out);
}

static void
write_comparison_table (const PalierScenarioComparison *comparison,
                        GString                        *out)
{
  const PalierResult *first = comparison->columns[0].result;
  const char *currency = first->program->currency;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char *cells[PALIER_SCENARIO_MAX_COMPARED] = { NULL };

  for (guint i = 0; i < comparison->n_columns; i++)
    cells[i] = comparison->columns[i].label;
  append_table_row (rows, "", cells, comparison->n_columns);

  append_money_row (rows, _("Sales"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, sales), currency);
  append_money_row (rows, _("Payout"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, payout), currency);
  append_money_row (rows, _("Non-cash"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, non_cash), currency);
  append_money_row (rows, _("Cost"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, cost), currency);

  for (guint i = 0; i < comparison->n_columns; i++)
    cells[i] = palier_format_percent (comparison->columns[i].cost_of_sales, 2);
  append_table_row (rows, _("Cost of sales"), cells, comparison->n_columns);
  for (guint i = 0; i < comparison->n_columns; i++)
    g_free (cells[i]);

  for (guint c = 0; c < first->n_components; c++)
    {
      const PalierComponent *component = g_ptr_array_index (first->program->components, c);

      for (guint i = 0; i < comparison->n_columns; i++)
        {
          const PalierResult *result = comparison->columns[i].result;
          int found = -1;

          for (guint k = 0; k < result->n_components; k++)
            if (g_strcmp0 (((PalierComponent *) g_ptr_array_index (result->program->components, k))->id,
                           component->id) == 0)
              found = (int) k;
          cells[i] = found >= 0 ? palier_format_money (result->component_totals[found], currency)
                                : g_strdup ("–");
        }
      append_table_row (rows, component->id, cells, comparison->n_columns);
      for (guint i = 0; i < comparison->n_columns; i++)
        g_free (cells[i]);
    }

  append_tier_rows (rows, comparison);
  append_count_row (rows, _("Partners paid more"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, n_gain));
  append_count_row (rows, _("Partners paid less"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, n_lose));
  append_count_row (rows, _("Partners paid the same"), comparison, G_STRUCT_OFFSET (PalierScenarioColumn, n_same));

  write_table_rows (rows, comparison->n_columns + 1, out);

  for (guint i = 1; i < comparison->n_columns; i++)
    append_differences (out, &comparison->columns[i], comparison->columns[0].label, currency);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

static void
append_json_decimal (GString       *out,
                     PalierDecimal  value,
                     int            decimals)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  g_string_append (out, palier_decimal_format (value, decimals, buf));
}

static void
append_json_column (GString                    *out,
                    const PalierScenarioColumn *column)
{
  const PalierResult *result = column->result;
  int digits = result->minor_digits;

  g_string_append (out, "    {\"scenario\": ");
  append_json_string (out, column->label);
  g_string_append (out, ", \"program\": ");
  append_json_string (out, result->program->id);
  g_string_append (out, ",\n     \"sales\": ");
  append_json_decimal (out, column->sales, digits);
  g_string_append (out, ", \"payout\": ");
  append_json_decimal (out, column->payout, digits);
  g_string_append (out, ", \"non_cash\": ");
  append_json_decimal (out, column->non_cash, digits);
  g_string_append (out, ", \"cost\": ");
  append_json_decimal (out, column->cost, digits);
  g_string_append (out, ", \"cost_of_sales\": ");
  append_json_decimal (out, column->cost_of_sales, PALIER_DECIMAL_DIGITS);

  g_string_append (out, ",\n     \"components\": {");
  for (guint c = 0; c < result->n_components; c++)
    {
      g_string_append (out, c > 0 ? ", " : "");
      append_json_string (out, ((PalierComponent *) g_ptr_array_index (result->program->components, c))->id);
      g_string_append (out, ": ");
      append_json_decimal (out, result->component_totals[c], digits);
    }

  g_string_append (out, "},\n     \"tier_component\": ");
  append_json_string (out, column->tier_component);
  g_string_append (out, ", \"tier_counts\": ");
  if (column->tier_counts == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < column->tier_counts->len; i++)
        g_string_append_printf (out, i > 0 ? ", %u" : "%u", g_array_index (column->tier_counts, guint, i));
      g_string_append_c (out, ']');
    }

  g_string_append_printf (out, ",\n     \"gain\": %u, \"lose\": %u, \"same\": %u,\n     \"differences\": [",
                          column->n_gain, column->n_lose, column->n_same);
  for (guint i = 0; i < column->rows->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (column->rows, i);

      g_string_append (out, i > 0 ? ",\n       {\"partner\": " : "\n       {\"partner\": ");
      append_json_string (out, row->partner);
      g_string_append (out, ", \"segment\": ");
      append_json_string (out, row->segment);
      g_string_append (out, ", \"first\": ");
      append_json_decimal (out, row->baseline, digits);
      g_string_append (out, ", \"cost\": ");
      append_json_decimal (out, row->proposal, digits);
      g_string_append (out, ", \"difference\": ");
      append_json_decimal (out, row->difference, digits);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

/* {"scenarios": [...]}: each column's totals, tier counts and, against
 * the first, every partner's cost difference. */
static void
write_comparison_json (const PalierScenarioComparison *comparison,
                       GString                        *out)
{
  g_string_append (out, "{\"scenarios\": [\n");
  for (guint i = 0; i < comparison->n_columns; i++)
    {
      append_json_column (out, &comparison->columns[i]);
      g_string_append (out, i + 1 < comparison->n_columns ? ",\n" : "\n");
    }
  g_string_append (out, "]}\n");
}

/* Size of one chart of the --chart image, in pixels for PNG and points
 * otherwise.  The image stacks the charts one above the other. */
#define CHART_WIDTH  800.0
#define CHART_HEIGHT 420.0

static void
draw_comparison_charts (cairo_t  *cr,
                        double    width,
                        double    height,
                        gpointer  user_data)
{
  const PalierScenarioComparison *comparison = user_data;
  const PalierScenarioChart charts[] = {
    PALIER_SCENARIO_CHART_PERIODS,
    PALIER_SCENARIO_CHART_DISTRIBUTION,
    PALIER_SCENARIO_CHART_DIFFERENCES,
  };
  guint n_charts = comparison->n_columns > 1 ? G_N_ELEMENTS (charts) : 2;
  double chart_height = height / n_charts;

  for (guint k = 0; k < n_charts; k++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, k * chart_height);
      palier_scenario_chart_draw (cr, width, chart_height, comparison, charts[k], NULL);
      cairo_restore (cr);
    }
}

static gboolean
write_chart (const PalierScenarioComparison *comparison,
             const char                     *path,
             GError                        **error)
{
  PalierImageFormat format;
  guint n_charts = comparison->n_columns > 1 ? 3 : 2;

  if (!palier_image_format_from_path (path, &format))
    {
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   _("%s: unknown image format; name the file .png, .svg or .pdf"), path);
      return FALSE;
    }
  return palier_chart_export (path, format, CHART_WIDTH, n_charts * CHART_HEIGHT,
                              draw_comparison_charts, (gpointer) comparison, error);
}

static gboolean
compare_scenarios (PalierStore         *store,
                   char               **ids,
                   PalierOutputFormat   format,
                   const char          *chart,
                   GError             **error)
{
  Compared compared[PALIER_SCENARIO_MAX_COMPARED] = { { 0 } };
  PalierResult *results[PALIER_SCENARIO_MAX_COMPARED];
  const PalierBases *bases[PALIER_SCENARIO_MAX_COMPARED];
  const char *labels[PALIER_SCENARIO_MAX_COMPARED];
  g_autoptr(PalierScenarioComparison) comparison = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_strv_length (ids);
  gboolean ok = TRUE;

  if (n < 2 || n > PALIER_SCENARIO_MAX_COMPARED)
    {
      _palier_cli_set_usage_error (error, _("compare takes 2 to %d scenario ids, not %u"),
                                   PALIER_SCENARIO_MAX_COMPARED, n);
      return FALSE;
    }

  for (guint i = 0; ok && i < n; i++)
    {
      ok = load_compared (store, ids[i], &compared[i], error);
      if (ok)
        {
          results[i] = compared[i].run->result;
          bases[i] = compared[i].bases;
          labels[i] = compared[i].scenario->name;
        }
    }

  if (ok)
    comparison = palier_scenario_compare (results, bases, labels, n, error);
  ok = comparison != NULL;
  if (ok)
    {
      if (format == PALIER_OUTPUT_JSON)
        write_comparison_json (comparison, out);
      else
        write_comparison_table (comparison, out);
      ok = _palier_cli_write_output (NULL, out, error) &&
           (chart == NULL || write_chart (comparison, chart, error));
    }

  for (guint i = 0; i < n; i++)
    compared_clear (&compared[i]);
  return ok;
}

/* Remove */

static gboolean
remove_scenarios (PalierStore  *store,
                  char        **ids,
                  GError      **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!palier_store_delete_scenario (store, ids[i], error))
        return FALSE;
      g_print (_("Removed scenario “%s” and its kept runs.\n"), ids[i]);
    }
  return TRUE;
}

/* Actions */

typedef enum {
  ACTION_CREATE,
  ACTION_LIST,
  ACTION_SHOW,
  ACTION_RUN,
  ACTION_COMPARE,
  ACTION_REMOVE,
} Action;

typedef struct {
  const char *name;
  Action      action;
  guint       min_arguments;
  guint       max_arguments;
  const char *parameters;
} ActionInfo;

static const ActionInfo actions[] = {
  { "create", ACTION_CREATE, 1, 1, N_("ID --program PROGRAM [OPTION…]") },
  { "list", ACTION_LIST, 0, 0, "" },
  { "show", ACTION_SHOW, 1, 1, N_("ID") },
  { "run", ACTION_RUN, 1, 1, N_("ID") },
  { "compare", ACTION_COMPARE, 2, PALIER_SCENARIO_MAX_COMPARED, N_("ID ID [ID [ID]]") },
  { "remove", ACTION_REMOVE, 1, G_MAXUINT, N_("ID…") },
};

static const ActionInfo *
find_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].name, name) == 0)
      return &actions[i];
  return NULL;
}

static gboolean
has_create_options (const Args *args)
{
  return args->program != NULL || args->name != NULL || args->from != NULL || args->to != NULL ||
         args->fiscal_year != 0 || args->growth != NULL || args->segment_growths != NULL ||
         args->category_growths != NULL || args->region_growths != NULL ||
         args->removed != NULL || args->added != NULL;
}

static gboolean
check_options (const ActionInfo  *info,
               const Args        *args,
               GError           **error)
{
  guint n_arguments = g_strv_length (args->arguments) - 1;

  if (args->workspace == NULL)
    {
      _palier_cli_set_usage_error (error, _("--workspace is required"));
      return FALSE;
    }
  if (n_arguments < info->min_arguments || n_arguments > info->max_arguments)
    {
      _palier_cli_set_usage_error (error, _("wrong arguments; usage: palier-cli scenario %s --workspace FILE.palier %s"),
                                   info->name, _(info->parameters));
      return FALSE;
    }
  if (info->action != ACTION_CREATE && has_create_options (args))
    {
      _palier_cli_set_usage_error (error, _("--program, the window and the growth options only apply to create"));
      return FALSE;
    }
  if ((args->format != NULL && info->action != ACTION_RUN && info->action != ACTION_COMPARE) ||
      (args->chart != NULL && info->action != ACTION_COMPARE))
    {
      _palier_cli_set_usage_error (error, _("--format only applies to run and compare, and --chart to compare"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_action (const ActionInfo  *info,
            const Args        *args,
            GError           **error)
{
  g_autoptr(PalierStore) store = NULL;
  PalierOutputFormat format = PALIER_OUTPUT_TABLE;
  char **ids = args->arguments + 1;

  if (!check_options (info, args, error))
    return FALSE;

  if (args->format != NULL &&
      (!palier_output_format_from_string (args->format, &format) || format == PALIER_OUTPUT_CSV))
    {
      _palier_cli_set_usage_error (error, _("invalid --format “%s”; use table or json"), args->format);
      return FALSE;
    }

  store = palier_store_open (args->workspace,
                             info->action == ACTION_LIST || info->action == ACTION_SHOW
                             ? PALIER_STORE_READ_ONLY : PALIER_STORE_OPEN_EXISTING,
                             error);
  if (store == NULL)
    return FALSE;

  switch (info->action)
    {
    case ACTION_CREATE:
      return create_scenario (store, args, error);
    case ACTION_LIST:
      return list_scenarios (store, error);
    case ACTION_SHOW:
      return show_scenario (store, ids[0], error);
    case ACTION_RUN:
      return run_scenario (store, ids[0], format, error);
    case ACTION_COMPARE:
      return compare_scenarios (store, ids, format, args->chart, error);
    case ACTION_REMOVE:
      return remove_scenarios (store, ids, error);
    default:
      g_assert_not_reached ();
    }
}

int
_palier_cli_scenario (int   argc,
                      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Args) args = { 0 };
  const ActionInfo *info;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args.workspace,
      N_("Workspace file"), N_("FILE.palier") },
    { "program", 'p', 0, G_OPTION_ARG_STRING, &args.program,
      N_("With create: id of the stored program the scenario runs"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &args.name,
      N_("With create: the scenario’s name (default: its id)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from,
      N_("With create: first day of the sales window (default: the first sale)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to,
      N_("With create: last day of the sales window (default: the last sale)"), N_("YYYY-MM-DD") },
    { "fiscal-year", 0, 0, G_OPTION_ARG_INT, &args.fiscal_year,
      N_("With create: the window is the program’s fiscal year that ends in YEAR"), N_("YEAR") },
    { "growth", 'g', 0, G_OPTION_ARG_STRING, &args.growth,
      N_("With create: overall sales growth in percent (8, 8% or -2.5)"), N_("PERCENT") },
    { "segment-growth", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.segment_growths,
      N_("With create: growth of one partner segment in percent; repeatable"), N_("NAME=PERCENT") },
    { "category-growth", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.category_growths,
      N_("With create: growth of one product category in percent; repeatable"), N_("NAME=PERCENT") },
    { "region-growth", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.region_growths,
      N_("With create: growth of one region in percent; repeatable"), N_("NAME=PERCENT") },
    { "remove", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.removed,
      N_("With create: leave this partner out of the runs; repeatable"), N_("PARTNER") },
    { "add", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.added,
      N_("With create: add partner CODE as a copy of SOURCE’s sales times FACTOR (default 1); repeatable"),
      N_("CODE=SOURCE[*FACTOR]") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format,
      N_("With run and compare: table (for people, in the user’s locale) or json (default: table)"),
      N_("FORMAT") },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &args.chart,
      N_("With compare: also draw the payouts per period, the distribution of partner payouts and the differences against the first scenario to FILE (.png, .svg or .pdf)"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.arguments, NULL, NULL },
    { NULL }
  };

  context = _palier_cli_context_new ("scenario",
                                     N_("(create ID | list | show ID | run ID | compare ID ID… | remove ID…) --workspace FILE.palier"),
                                     N_("Manages what-if scenarios: a stored program run on sales grown by assumptions.\n"
                                        "  create   stores a scenario with its program, window and assumptions\n"
                                        "  list     prints id, name, program, window and assumptions of each scenario\n"
                                        "  show     prints a scenario and its kept runs\n"
                                        "  run      runs a scenario on the program as last saved and keeps the run\n"
                                        "  compare  compares the latest kept runs of 2 to 4 scenarios, running those without one\n"
                                        "  remove   deletes scenarios and their kept runs"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "scenario", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (args.arguments == NULL || args.arguments[0] == NULL)
    {
      _palier_cli_set_usage_error (&error, _("missing action: create, list, show, run, compare or remove"));
      return _palier_cli_report_error ("scenario", error);
    }

  info = find_action (args.arguments[0]);
  if (info == NULL)
    {
      _palier_cli_set_usage_error (&error, _("unknown action “%s”; use create, list, show, run, compare or remove"),
                                   args.arguments[0]);
      return _palier_cli_report_error ("scenario", error);
    }

  if (!run_action (info, &args, &error))
    return _palier_cli_report_error ("scenario", error);
  return 0;
}
