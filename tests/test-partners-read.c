/* test-partners-read.c: what the partners and quotas readers reject
 *
 * Each test writes a small file and checks the error's message for the
 * line, the values and the advice it gives.
 */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

static char *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static GPtrArray *
read_partners (const char  *path,
               GError     **error)
{
  PalierPartnersOptions options;
  GPtrArray *partners;

  palier_partners_options_init (&options);
  partners = palier_partners_read (path, &options, error);
  palier_partners_options_clear (&options);
  return partners;
}

static GPtrArray *
read_quotas (const char  *path,
             GError     **error)
{
  PalierQuotasOptions options;
  GPtrArray *quotas;

  palier_quotas_options_init (&options);
  quotas = palier_quotas_read (path, &options, error);
  palier_quotas_options_clear (&options);
  return quotas;
}

static void
test_conflicting_segment (void)
{
  g_autofree char *path = write_file ("conflict.csv",
                                      "partner,segment\n"
                                      "4,Gold\n"
                                      "5,Silver\n"
                                      "4,Silver\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = read_partners (path, &error);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_null (partners);
  g_assert_cmpstr (error->message, ==,
                   "conflict.csv:4: partner “4” has the segment “Silver” here but “Gold” "
                   "on line 2; give each partner one row, or the same values on each of "
                   "its rows");
}

static void
test_conflicting_start (void)
{
  g_autofree char *path = write_file ("start.csv",
                                      "partner,start\n"
                                      "4,2018-01-01\n"
                                      "4,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = read_partners (path, &error);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "start.csv:3: partner “4” starts on “” here "
                                            "but on “2018-01-01” on line 2"));
}

static void
test_identical_duplicate (void)
{
  g_autofree char *path = write_file ("same.csv",
                                      "partner,name,segment\n"
                                      "4,Vélo,Gold\n"
                                      "5,Roue,Silver\n"
                                      "4,Vélo,Gold\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = read_partners (path, &error);
  const PalierPartner *four;

  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, 2);
  four = g_ptr_array_index (partners, 0);
  g_assert_cmpstr (four->code, ==, "4");
  g_assert_cmpstr (four->segment, ==, "Gold");
}

/* A UTF-8 file with one Windows-1252 byte fails on that line instead
 * of importing "Vélo" as "VÃ©lo". */
static void
test_partners_stray_byte (void)
{
  g_autofree char *path = write_file ("stray.csv",
                                      "partner,name\n"
                                      "P1,V\xc3\xa9lo\n"
                                      "P2,Caf\xe9\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = read_partners (path, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_null (partners);
  g_assert_true (g_str_has_prefix (error->message, "stray.csv:3: "));
}

static void
test_quotas_stray_byte (void)
{
  g_autofree char *path = write_file ("stray-quotas.csv",
                                      "partenaire,période,quota\n"
                                      "P\xe9,2018-Q1,100\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotas = read_quotas (path, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_ENCODING);
  g_assert_null (quotas);
  g_assert_true (g_str_has_prefix (error->message, "stray-quotas.csv:2: "));
}

/* 03/04/2018 reads both ways, and no other start date decides. */
static void
test_ambiguous_start (void)
{
  g_autofree char *path = write_file ("dates.csv",
                                      "partner,start\n"
                                      "P1,03/04/2018\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = read_partners (path, &error);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "dates.csv:2: column “start”: invalid start date “03/04/2018”: "
                   "“03/04/2018” can be read as month/day/year or as day/month/year; "
                   "use --date-order MDY or DMY to choose the order");
}

static void
test_quota_too_precise (void)
{
  g_autofree char *path = write_file ("precise.csv",
                                      "partner,period,quota\n"
                                      "P1,2018-Q1,1000.1234567\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotas = read_quotas (path, &error);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "more than six decimals"));
  g_assert_null (strstr (error->message, "--decimal-mark"));
}

/* The advice appears once, not after a "choose the decimal mark". */
static void
test_quota_ambiguous (void)
{
  g_autofree char *path = write_file ("mark.csv",
                                      "partner,period,quota\n"
                                      "P1,2018-Q1,\"1,234\"\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotas = read_quotas (path, &error);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "mark.csv:2: column “quota”: “1,234”: invalid quota: “1,234” reads "
                   "differently with a decimal point and with a decimal comma; use "
                   "--decimal-mark point or comma to force the decimal mark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/partners-read/duplicate/conflicting-segment", test_conflicting_segment);
  g_test_add_func ("/partners-read/duplicate/conflicting-start", test_conflicting_start);
  g_test_add_func ("/partners-read/duplicate/identical", test_identical_duplicate);
  g_test_add_func ("/partners-read/encoding/partners-stray-byte", test_partners_stray_byte);
  g_test_add_func ("/partners-read/encoding/quotas-stray-byte", test_quotas_stray_byte);
  g_test_add_func ("/partners-read/advice/ambiguous-start", test_ambiguous_start);
  g_test_add_func ("/partners-read/advice/quota-too-precise", test_quota_too_precise);
  g_test_add_func ("/partners-read/advice/quota-ambiguous", test_quota_ambiguous);

  return g_test_run ();
}
