/* main.c: entry point of the window, palier */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <locale.h>
#include <signal.h>

#include <glib/gi18n-lib.h>

#include "palier.h"
#include "palier-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PalierApplication) application = NULL;

  /* A write past the file size limit (RLIMIT_FSIZE) then fails with
   * EFBIG, which the store reports, instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, palier_core_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  palier_core_init ();

  application = palier_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
