/* test-file-check.c: dry runs of partners and quotas files
 *
 * Each test writes a small file, checks it, and compares the problems,
 * the mapping and the valid records with what the file was written to
 * contain.
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

static const PalierImportProblem *
problem_at (const PalierFileCheck *check,
            guint                  index)
{
  g_assert_cmpuint (index, <, check->problems->len);
  return g_ptr_array_index (check->problems, index);
}

static void
test_partners_check_valid (void)
{
  g_autofree char *path = write_file ("partners.csv",
                                      "Reseller Key;Business Type;Start Date\n"
                                      "7;Warehouse;2017-03-01\n"
                                      "8;Specialty Bike Shop;\n"
                                      "7;Value Added Reseller;2017-04-01\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierFileCheck) check = NULL;
  PalierPartnersOptions options;
  const PalierPartner *seven;

  palier_partners_options_init (&options);
  check = palier_partners_check (path, &options, &error);
  palier_partners_options_clear (&options);

  g_assert_no_error (error);
  g_assert_cmpint (check->delimiter, ==, ';');
  g_assert_cmpuint (check->n_columns, ==, 3);
  g_assert_cmpstr (check->headers[1], ==, "Business Type");
  g_assert_cmpint (check->columns[PALIER_PARTNERS_FIELD_PARTNER], ==, 0);
  g_assert_cmpint (check->columns[PALIER_PARTNERS_FIELD_SEGMENT], ==, 1);
  g_assert_cmpint (check->columns[PALIER_PARTNERS_FIELD_START], ==, 2);
  g_assert_cmpint (check->columns[PALIER_PARTNERS_FIELD_NAME], ==, -1);
  g_assert_cmpuint (check->preview->len, ==, 3);
  g_assert_cmpuint (check->rows_read, ==, 3);

  /* Partner 7's second row gives another segment: that later line is
   * the problem, and the first row stays. */
  g_assert_cmpuint (check->problems->len, ==, 1);
  g_assert_cmpuint (((PalierImportProblem *) g_ptr_array_index (check->problems, 0))->line, ==, 4);
  g_assert_cmpstr (((PalierImportProblem *) g_ptr_array_index (check->problems, 0))->value, ==,
                   "Value Added Reseller");
  g_assert_cmpuint (check->records->len, ==, 2);
  seven = g_ptr_array_index (check->records, 0);
  g_assert_cmpstr (seven->code, ==, "7");
  g_assert_cmpstr (seven->segment, ==, "Warehouse");
  g_assert_cmpint (seven->start, ==, palier_date_from_ymd (2017, 3, 1));
}

static void
test_partners_check_problems (void)
{
  g_autofree char *path = write_file ("partners.csv",
                                      "partner,segment,start\n"
                                      "1,Gold,2017-01-01\n"
                                      ",Silver,2017-01-01\n"
                                      "3,Gold,2017-02-30\n"
                                      "4,Gold,2017-01-01,extra\n"
                                      "5,Silver,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierFileCheck) check = NULL;
  PalierPartnersOptions options;
  g_autoptr(GPtrArray) partners = NULL;

  palier_partners_options_init (&options);
  check = palier_partners_check (path, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (check->rows_read, ==, 5);
  g_assert_cmpuint (check->problems->len, ==, 3);
  g_assert_cmpuint (problem_at (check, 0)->line, ==, 3);
  g_assert_cmpstr (problem_at (check, 0)->column, ==, "partner");
  g_assert_cmpuint (problem_at (check, 1)->line, ==, 4);
  g_assert_cmpstr (problem_at (check, 1)->column, ==, "start");
  g_assert_cmpstr (problem_at (check, 1)->value, ==, "2017-02-30");
  g_assert_cmpuint (problem_at (check, 2)->line, ==, 5);
  g_assert_null (problem_at (check, 2)->column);
  g_assert_true (g_str_has_prefix (problem_at (check, 2)->message, "partners.csv:5: 4 fields"));
  g_assert_cmpuint (check->records->len, ==, 2);

  /* A plain read still stops, at the field count of line 5, which is
   * read before any value is converted. */
  partners = palier_partners_read (path, &options, &error);
  palier_partners_options_clear (&options);
  g_assert_null (partners);
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "partners.csv:5: 4 fields"));
}

static void
test_partners_check_unmapped (void)
{
  g_autofree char *path = write_file ("partners.csv", "Code,Kind\nA,Gold\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierFileCheck) check = NULL;
  PalierPartnersOptions options;

  palier_partners_options_init (&options);
  check = palier_partners_check (path, &options, &error);
  palier_partners_options_clear (&options);

  g_assert_no_error (error);
  g_assert_cmpint (check->columns[PALIER_PARTNERS_FIELD_PARTNER], ==, -1);
  g_assert_cmpuint (check->rows_read, ==, 1);
  g_assert_cmpuint (check->records->len, ==, 0);
  g_assert_cmpuint (check->problems->len, ==, 0);
}

static void
test_quotas_check_problems (void)
{
  g_autofree char *path = write_file ("quotas.csv",
                                      "partner,period,quota\n"
                                      "1,2017-Q1,\"1,5\"\n"
                                      "1,2017-Q2,-5\n"
                                      "2,2017-Q5,100\n"
                                      "2,2017,100\n"
                                      "2,2017-Q3,100\n"
                                      ",2017-Q1,100\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierFileCheck) check = NULL;
  PalierQuotasOptions options;
  const PalierQuota *quota;

  palier_quotas_options_init (&options);
  options.decimal_mark = PALIER_DECIMAL_MARK_COMMA;
  check = palier_quotas_check (path, &options, &error);
  palier_quotas_options_clear (&options);

  g_assert_no_error (error);
  g_assert_cmpuint (check->rows_read, ==, 6);
  g_assert_false (check->has_fiscal_labels);
  g_assert_cmpint (check->decimal_mark, ==, PALIER_DECIMAL_MARK_COMMA);
  g_assert_cmpuint (check->problems->len, ==, 4);

  g_assert_cmpuint (problem_at (check, 0)->line, ==, 3);
  g_assert_cmpstr (problem_at (check, 0)->column, ==, "quota");
  g_assert_cmpstr (problem_at (check, 0)->value, ==, "-5");
  g_assert_cmpuint (problem_at (check, 1)->line, ==, 4);
  g_assert_cmpstr (problem_at (check, 1)->column, ==, "period");
  g_assert_cmpstr (problem_at (check, 1)->value, ==, "2017-Q5");
  /* 2017-Q3 of line 6 shares days with the year 2017 of line 5. */
  g_assert_cmpuint (problem_at (check, 2)->line, ==, 6);
  g_assert_cmpstr (problem_at (check, 2)->value, ==, "2017-Q3");
  g_assert_nonnull (strstr (problem_at (check, 2)->message, "on line 5"));
  g_assert_cmpuint (problem_at (check, 3)->line, ==, 7);
  g_assert_cmpstr (problem_at (check, 3)->column, ==, "partner");

  /* Left: partner 1's 2017-Q1 of 1.5 and partner 2's year. */
  g_assert_cmpuint (check->records->len, ==, 2);
  quota = g_ptr_array_index (check->records, 0);
  g_assert_cmpstr (quota->partner, ==, "1");
  g_assert_cmpint (quota->quota, ==, PALIER_DECIMAL_ONE + PALIER_DECIMAL_ONE / 2);
  quota = g_ptr_array_index (check->records, 1);
  g_assert_cmpstr (quota->label, ==, "2017");
}

static void
test_quotas_check_fiscal (void)
{
  g_autofree char *path = write_file ("quotas.csv",
                                      "Partner,Period,Target\n"
                                      "1,FY2018-Q1,100\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierFileCheck) check = NULL;
  PalierQuotasOptions options;
  const PalierQuota *quota;

  palier_quotas_options_init (&options);
  check = palier_quotas_check (path, &options, &error);
  g_assert_no_error (error);
  g_assert_true (check->has_fiscal_labels);
  g_assert_cmpuint (check->problems->len, ==, 1);
  g_assert_cmpuint (problem_at (check, 0)->line, ==, 2);
  g_clear_pointer (&check, palier_file_check_free);

  /* A fiscal year from July: FY2018-Q1 is July to September 2017. */
  options.fiscal_year_start = 7;
  check = palier_quotas_check (path, &options, &error);
  palier_quotas_options_clear (&options);
  g_assert_no_error (error);
  g_assert_cmpuint (check->problems->len, ==, 0);
  g_assert_cmpuint (check->records->len, ==, 1);
  quota = g_ptr_array_index (check->records, 0);
  g_assert_cmpint (quota->first, ==, palier_date_from_ymd (2017, 7, 1));
  g_assert_cmpint (quota->last, ==, palier_date_from_ymd (2017, 9, 30));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-check/partners/valid", test_partners_check_valid);
  g_test_add_func ("/file-check/partners/problems", test_partners_check_problems);
  g_test_add_func ("/file-check/partners/unmapped", test_partners_check_unmapped);
  g_test_add_func ("/file-check/quotas/problems", test_quotas_check_problems);
  g_test_add_func ("/file-check/quotas/fiscal", test_quotas_check_fiscal);

  return g_test_run ();
}
