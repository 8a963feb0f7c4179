/* test-program-xml.c */

#include "config.h"

#include "palier.h"
#include "palier-test.h"

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  return g_test_run ();
}
