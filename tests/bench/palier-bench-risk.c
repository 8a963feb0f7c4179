/* palier-bench-risk.c: times the Monte Carlo and the goal-seek
 *
 * Without arguments it builds, in memory, 1 000 partners with one sale
 * a month for three years, sized by a fixed formula, and times a
 * quarterly program with a gated, capped commission and a bonus.  With
 * --workspace and --program it times a workspace instead:
 *
 *   palier-bench-risk --workspace W.palier --program ID [--from D --to D]
 *                     [--component ID --tier N] [--target-cost AMOUNT]
 *
 * It prints one line per measurement: the Monte Carlo run (10 000
 * draws, seed 1) and the goal-seek of a tier rate at P90, wall and
 * process CPU time.  Not part of meson test.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "palier.h"

#define N_SYNTHETIC_PARTNERS 1000

static const char synthetic_program_xml[] =
  "<program xmlns='urn:palier:program:1' id='bench-risk' name='Risk benchmark'"
  "         currency='EUR' period='quarter'>"
  "  <quota amount='8000'/>"
  "  <commission id='base' name='Base' basis='attainment' method='marginal'>"
  "    <tier from='0' rate='0.03'/>"
  "    <tier from='1.0' rate='0.05'/>"
  "    <tier from='1.5' rate='0.08'/>"
  "    <gate min='0.5'/>"
  "    <cap max='25000'/>"
  "  </commission>"
  "  <bonus id='club' name='Quota club' basis='attainment'>"
  "    <level min='1.0' amount='250'/>"
  "    <level min='1.5' amount='750'/>"
  "  </bonus>"
  "</program>";

static double
cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

/* Sales of partner p in month m: a size that falls with the partner's
 * rank, times a month pattern, so that every tier is reached. */
static PalierStore *
synthetic_store (void)
{
  g_autoptr(GError) error = NULL;
  PalierStore *store = palier_store_new_memory (&error);
  PalierStoreImport *import;
  guint line = 2;

  g_assert_no_error (error);
  import = palier_store_import_begin (store, "synthetic", NULL, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < N_SYNTHETIC_PARTNERS; p++)
    for (guint m = 0; m < 36; m++)
      {
        g_autofree char *code = g_strdup_printf ("P%04u", p);
        PalierSaleRow row = { 0 };
        guint64 noise = ((guint64) p * 2654435761u + m * 40503u) % 1000;

        row.line = line++;
        row.date = palier_date_from_ymd (2022 + (int) (m / 12), (int) (m % 12) + 1, 15);
        row.partner = code;
        row.amount = (PalierDecimal) ((60000 / (p + 5) + 500 + noise * 4) * PALIER_DECIMAL_ONE);
        if (!palier_store_import_add_row (&row, import, &error))
          g_error ("%s", error->message);
      }

  if (!palier_store_import_commit (import, NULL, &error))
    g_error ("%s", error->message);
  return store;
}

static void
time_risk (PalierStore   *store,
           PalierProgram *program,
           PalierDate     from,
           PalierDate     to,
           const char    *component,
           guint          tier,
           PalierDecimal  target_cost)
{
  g_autoptr(GError) error = NULL;
  const PalierProgram *programs[] = { program, NULL };
  PalierSimulateOptions simulate = { from, to };
  g_autoptr(PalierBases) bases = palier_bases_compute (store, programs, &simulate, NULL, &error);
  PalierMonteCarloOptions options = { .n_draws = PALIER_MONTE_CARLO_DEFAULT_DRAWS, .seed = 1 };
  PalierGoalSeekOptions seek = { 0 };
  g_autoptr(PalierMonteCarloResult) result = NULL;
  g_autoptr(PalierGoalSeekResult) found = NULL;
  gint64 start;
  double cpu;

  if (bases == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  result = palier_monte_carlo_run (bases, program, &options, NULL, &error);
  if (result == NULL)
    g_error ("%s", error->message);
  printf ("montecarlo: %u partners x %u draws: %.2f s wall, %.2f s CPU, P90 cost %.2f\n",
          result->n_partners, result->n_draws,
          (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu,
          (double) result->cost.p90 / PALIER_DECIMAL_ONE);

  seek.parameter = (PalierGoalParameter) { PALIER_GOAL_TIER_RATE, component, tier };
  seek.metric = PALIER_GOAL_COST;
  seek.statistic = PALIER_GOAL_ON_P90;
  seek.target = target_cost != 0 ? target_cost : result->cost.p90 - result->cost.p90 / 10;
  seek.monte_carlo = options;
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  found = palier_goal_seek (bases, program, &seek, NULL, &error);
  if (found == NULL)
    g_error ("%s", error->message);
  printf ("goal-seek at P90: %u evaluations: %.2f s wall, %.2f s CPU, found %s, rate %.6f\n",
          found->n_evaluations, (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu,
          found->found ? "yes" : "no", (double) found->value / PALIER_DECIMAL_ONE);
}

static gboolean
parse_date (const char *text,
            PalierDate *out)
{
  return text == NULL || palier_date_parse_iso (text, out);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *workspace = NULL;
  g_autofree char *program_id = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *component = NULL;
  g_autofree char *target_text = NULL;
  gint tier = 1;
  const GOptionEntry entries[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &workspace, "Workspace to time instead of the synthetic partners", "FILE" },
    { "program", 0, 0, G_OPTION_ARG_STRING, &program_id, "Id of a program stored in the workspace", "ID" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, "First day of the history (default: the first sale)", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, "Last day of the history (default: the last sale)", "YYYY-MM-DD" },
    { "component", 0, 0, G_OPTION_ARG_STRING, &component, "Commission whose tier rate the goal-seek changes (default: base)", "ID" },
    { "tier", 0, 0, G_OPTION_ARG_INT, &tier, "Tier number, from 1 (default: 1)", "N" },
    { "target-cost", 0, 0, G_OPTION_ARG_STRING, &target_text, "P90 cost to seek (default: 90 % of the P90 cost)", "AMOUNT" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the Monte Carlo and the goal-seek");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierProgram) program = NULL;
  PalierDate from = PALIER_DATE_NONE, to = PALIER_DATE_NONE;
  PalierDecimal target = 0;

  palier_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_date (from_text, &from) || !parse_date (to_text, &to) || tier < 1 ||
      (target_text != NULL && !palier_decimal_parse (target_text, -1, &target, NULL)))
    {
      fprintf (stderr, "palier-bench-risk: invalid option%s%s; see --help\n",
               error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  if (workspace != NULL)
    {
      store = palier_store_open (workspace, PALIER_STORE_READ_ONLY, &error);
      if (store != NULL && program_id != NULL)
        program = palier_store_load_program (store, program_id, &error);
      else if (store != NULL)
        g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "--program is missing");
    }
  else
    {
      store = synthetic_store ();
      program = palier_program_read_data (synthetic_program_xml, strlen (synthetic_program_xml),
                                          "synthetic.xml", &error);
    }
  if (program == NULL)
    {
      fprintf (stderr, "palier-bench-risk: %s\n", error->message);
      return 1;
    }

  time_risk (store, program, from, to, component != NULL ? component : "base", (guint) tier - 1, target);
  return 0;
}
