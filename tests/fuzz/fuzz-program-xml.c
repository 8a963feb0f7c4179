/* fuzz-program-xml.c: palier_program_read_data() with a round trip
 *
 * Any input either fails with a readable PALIER_PROGRAM_ERROR or gives a
 * program that survives the round trip: written with
 * palier_program_to_xml(), read again, it must be equal to the first one
 * and write the same bytes.
 */

#define G_LOG_DOMAIN "Palier"

#include <string.h>

#include "palier-program-xml.h"

#include "fuzz-common.h"

static void
check_round_trip (const PalierProgram *program)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) again = NULL;
  g_autoptr(PalierProgram) copy = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize len = 0, len_again = 0;

  fuzz_assert (palier_program_check (program, NULL));

  copy = palier_program_copy (program);
  fuzz_assert (palier_program_equal (program, copy));

  xml = palier_program_to_xml (program, &len);
  fuzz_assert (xml != NULL);
  fuzz_assert (strlen (xml) == len);

  again = palier_program_read_data (xml, len, "round-trip.xml", &error);
  if (again == NULL)
    fuzz_fail ("the written program does not read back: %s\n%s", error->message, xml);
  if (!palier_program_equal (program, again))
    fuzz_fail ("the written program reads back different:\n%s", xml);

  xml_again = palier_program_to_xml (again, &len_again);
  fuzz_assert (len_again == len);
  fuzz_assert (memcmp (xml, xml_again, len) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = NULL;

  fuzz_init ();

  program = palier_program_read_data ((const char *) data, size, "fuzz.xml", &error);
  if (program == NULL)
    {
      fuzz_check_error (error, PALIER_PROGRAM_ERROR);
      fuzz_assert (g_str_has_prefix (error->message, "fuzz.xml"));
      return 0;
    }

  fuzz_assert (error == NULL);
  check_round_trip (program);
  return 0;
}
