/* palier-cli.c: Palier's command line */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "palier.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  palier_core_init ();

  return 0;
}
