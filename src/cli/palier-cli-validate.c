/* palier-cli-validate.c: "palier-cli validate", checks program files */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>

#include "palier-cli-private.h"

/* Prints "FILE: valid" or the reason the file is not, which names the
 * file, the line and the element. */
static gboolean
validate_file (const char *path)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = palier_program_read_file (path, &error);
  if (program == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  g_print (_("%s: valid\n"), path);
  return TRUE;
}

int
_palier_cli_validate (int   argc,
                      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  int status = 0;

  context = _palier_cli_context_new ("validate",
                                     N_("FILE.xml…"),
                                     N_("Checks each program file against the program schema and the "
                                        "payout rules: tiers in ascending order from 0, unique component "
                                        "ids, a quota wherever attainment is used.  Prints “FILE: valid” "
                                        "or the errors, and exits with status 1 when a file is invalid."));

  if (!_palier_cli_parse (context, "validate", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      g_autoptr(GError) error = NULL;

      _palier_cli_set_usage_error (&error, _("no program file given"));
      return _palier_cli_report_error ("validate", error);
    }

  for (int i = 1; i < argc; i++)
    if (!validate_file (argv[i]))
      status = PALIER_CLI_EXIT_FAILURE;

  return status;
}
