/* palier-cli.c: Palier's command line, the entry point and the list of
 * commands */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "palier-cli-private.h"

static const PalierCliCommand commands[] = {
  { "import", N_("Import a sales CSV file into a workspace"), _palier_cli_import },
  { "import-partners", N_("Import a partners file (name, segment, region, start date) into a workspace"), _palier_cli_import_partners },
  { "import-quotas", N_("Import a quotas file (a quota per partner and period) into a workspace"), _palier_cli_import_quotas },
  { "simulate", N_("Compute a program’s payouts on historical sales"), _palier_cli_simulate },
  { "compare", N_("Compare the payouts of two programs on the same sales"), _palier_cli_compare },
  { "validate", N_("Check program files against the schema and the payout rules"), _palier_cli_validate },
  { "chart", N_("Draw a payout curve, payouts per period or their distribution to PNG, SVG or PDF"), _palier_cli_chart },
  { "program", N_("Add, list, show or remove the programs stored in a workspace"), _palier_cli_program },
  { "scenario", N_("Create, list, run and compare what-if scenarios with sales growth"), _palier_cli_scenario },
  { "statement", N_("Explain one partner’s payout for one period, as text, JSON or a one-page PDF"), _palier_cli_statement },
  { "health", N_("Show how concentrated a program’s cost is, the partners near a cliff and effective rates"), _palier_cli_health },
  { "report", N_("Write the leadership report of up to four scenarios as a PDF"), _palier_cli_report },
  { "imports", N_("List the imports of a workspace, or remove one with its sales"), _palier_cli_imports },
  { "montecarlo", N_("Simulate the yearly cost many times: mean, percentiles, risk of exceeding a budget"), _palier_cli_montecarlo },
  { "goal-seek", N_("Find the parameter value that meets a cost target"), _palier_cli_goal_seek },
  { "bench-resimulate", N_("Time re-simulations after a one-rate edit, for benchmarks"), _palier_cli_bench_resimulate },
};

static void
print_usage (FILE *stream)
{
  /* Translators: COMMAND and [OPTION…] are placeholders of the usage
   * line, as in “palier-cli COMMAND --help” further down. */
  fprintf (stream, "%s\n  palier-cli %s %s\n\n%s\n",
           _("Usage:"), _("COMMAND"), _("[OPTION…]"), _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));

  fprintf (stream, "  %-10s %s\n", "help", _("Show this list, or a command’s options"));
  fprintf (stream, "  %-10s %s\n\n%s\n", "--version", _("Print the version"),
           _("Run “palier-cli COMMAND --help” to see the options of a command."));
}

static const PalierCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static int
unknown_command (const char *name)
{
  g_printerr (_("palier-cli: unknown command “%s”\n"), name);
  g_printerr (_("Run “palier-cli help” to see the commands.\n"));
  return PALIER_CLI_EXIT_USAGE;
}

/* Prints the list of commands for "palier-cli help", or runs
 * "COMMAND --help" for "palier-cli help COMMAND". */
static int
run_help (int   argc,
          char *argv[])
{
  const PalierCliCommand *command;
  char *help_argv[3];

  if (argc < 3)
    {
      print_usage (stdout);
      return 0;
    }

  command = find_command (argv[2]);
  if (command == NULL)
    return unknown_command (argv[2]);

  help_argv[0] = argv[2];
  help_argv[1] = (char *) "--help";
  help_argv[2] = NULL;
  return command->run (2, help_argv);
}

int
main (int   argc,
      char *argv[])
{
  const PalierCliCommand *command;
  const char *name;

  /* A write past the file size limit (RLIMIT_FSIZE) then fails with
   * EFBIG, which the store reports, instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, palier_core_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("palier-cli");
  palier_core_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return PALIER_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--version") || g_str_equal (name, "-V"))
    {
      g_print ("palier-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    return run_help (argc, argv);

  command = find_command (name);
  if (command == NULL)
    return unknown_command (name);

  return command->run (argc - 1, argv + 1);
}
