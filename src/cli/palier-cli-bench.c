/* palier-cli-bench.c: "palier-cli bench-resimulate", the time of a
 * re-simulation after a one-rate edit, as the window runs it while a
 * tier handle is dragged */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

#define DEFAULT_ITERATIONS 7

/* The rate the benchmark edits: the middle tier of the first commission
 * with more than one tier, as the pandas reference of tests/bench does. */
static PalierTier *
find_edited_tier (PalierProgram  *program,
                  const char    **out_component,
                  guint          *out_index)
{
  for (guint c = 0; c < program->components->len; c++)
    {
      PalierComponent *component = g_ptr_array_index (program->components, c);

      if (component->kind != PALIER_COMPONENT_COMMISSION ||
          component->tiers == NULL || component->tiers->len < 2)
        continue;

      *out_component = component->id;
      *out_index = component->tiers->len / 2;
      return &g_array_index (component->tiers, PalierTier, *out_index);
    }
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : (da > db ? 1 : 0);
}

/* The value at @fraction (0 to 1) of sorted @values, by the nearest
 * rank. */
static double
percentile (const double *sorted,
            guint         n,
            double        fraction)
{
  guint rank = (guint) (fraction * n + 0.999999);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static double
median (const double *sorted,
        guint         n)
{
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static void
print_json (double        load_ms,
            const double *sorted,
            guint         n,
            const char   *component,
            guint         tier,
            PalierDecimal payout)
{
  char load_text[G_ASCII_DTOSTR_BUF_SIZE], median_text[G_ASCII_DTOSTR_BUF_SIZE];
  char p95_text[G_ASCII_DTOSTR_BUF_SIZE], max_text[G_ASCII_DTOSTR_BUF_SIZE];
  char payout_text[PALIER_DECIMAL_BUFSIZE];

  /* Numbers for a file: never the locale's decimal mark. */
  g_print ("{\"median_ms\": %s, \"p95_ms\": %s, \"max_ms\": %s, \"iterations\": %u,"
           " \"load_ms\": %s, \"edited\": \"%s tier %u\", \"last_payout\": %s}\n",
           g_ascii_formatd (median_text, sizeof median_text, "%.3f", median (sorted, n)),
           g_ascii_formatd (p95_text, sizeof p95_text, "%.3f", percentile (sorted, n, 0.95)),
           g_ascii_formatd (max_text, sizeof max_text, "%.3f", sorted[n - 1]),
           n,
           g_ascii_formatd (load_text, sizeof load_text, "%.3f", load_ms),
           component, tier,
           palier_decimal_format_exact (payout, payout_text));
}

static gboolean
run_bench (const char  *workspace,
           const char  *program_path,
           guint        iterations,
           GError     **error)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierEngine) engine = NULL;
  g_autoptr(PalierEngineTotals) totals = NULL;
  g_autofree double *times = g_new0 (double, iterations);
  const char *component = NULL;
  guint tier_index = 0;
  PalierTier *tier;
  PalierDecimal original, edited;
  gint64 start;
  double load_ms;

  store = palier_store_open (workspace, PALIER_STORE_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  program = _palier_cli_load_program (program_path, store, error);
  if (program == NULL)
    return FALSE;

  tier = find_edited_tier (program, &component, &tier_index);
  if (tier == NULL)
    {
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   _("%s: no commission with two tiers or more, so there is no rate to edit"),
                   program_path);
      return FALSE;
    }
  original = tier->value;
  edited = original + PALIER_DECIMAL_ONE / 1000;

  /* The first run reads the sales and is the load, not a re-simulation. */
  engine = palier_engine_new (store, NULL);
  start = g_get_monotonic_time ();
  totals = palier_engine_update (engine, program, NULL, error);
  if (totals == NULL)
    return FALSE;
  load_ms = (g_get_monotonic_time () - start) / 1000.0;

  for (guint i = 0; i < iterations; i++)
    {
      g_clear_pointer (&totals, palier_engine_totals_free);
      start = g_get_monotonic_time ();
      tier->value = i % 2 == 0 ? edited : original;
      totals = palier_engine_update (engine, program, NULL, error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (totals == NULL)
        return FALSE;
    }

  qsort (times, iterations, sizeof (double), compare_doubles);
  print_json (load_ms, times, iterations, component, tier_index, totals->payout);
  return TRUE;
}

int
_palier_cli_bench_resimulate (int   argc,
                              char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *program = NULL;
  int iterations = DEFAULT_ITERATIONS;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("Workspace file with the sales"), N_("FILE.palier") },
    { "program", 'p', 0, G_OPTION_ARG_FILENAME, &program,
      N_("Program file, or the id of a program stored in the workspace"), N_("FILE.xml") },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations,
      N_("Number of timed re-simulations (default: 7)"), N_("N") },
    { NULL }
  };

  context = _palier_cli_context_new ("bench-resimulate",
                                     N_("--workspace FILE.palier --program FILE.xml [--iterations N]"),
                                     N_("Reads the sales once, then N times changes one tier rate, "
                                        "alternating between two values, and recomputes every payout "
                                        "as the window does while a tier is dragged.  Prints the median, "
                                        "95th percentile and maximum time of a re-simulation in "
                                        "milliseconds, as one line of JSON."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "bench-resimulate", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else if (workspace == NULL || program == NULL)
    _palier_cli_set_usage_error (&error, _("give --workspace FILE.palier and --program FILE.xml"));
  else if (iterations < 1)
    _palier_cli_set_usage_error (&error, _("invalid --iterations %d; give 1 or more"), iterations);

  if (error == NULL)
    run_bench (workspace, program, (guint) iterations, &error);

  return error != NULL ? _palier_cli_report_error ("bench-resimulate", error) : 0;
}
