/* test-filter-values.c: listing the values a filter can match
 *
 * tests/data/designer2/sales.csv names the categories Technology and
 * Furniture, the regions East and West, the segments Gold and Silver,
 * and no product.
 */

#include "config.h"

#include "palier.h"
#include "palier-filter-values.h"
#include "palier-test.h"

static PalierStore *
open_workspace (char **out_dir)
{
  g_autofree char *csv = palier_test_data_path ("designer2/sales.csv");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  PalierImportOptions options;
  PalierImportReport report;
  PalierImportPlan *plan;
  PalierStore *store;

  *out_dir = palier_test_tmp_dir ();
  path = g_build_filename (*out_dir, "values.palier", NULL);
  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);

  palier_import_options_init (&options);
  plan = palier_import_plan_new (csv, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);

  palier_import_report_init (&report);
  palier_store_import_sales (store, plan, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  palier_import_report_clear (&report);
  palier_import_plan_free (plan);

  return store;
}

static char *
list_values (PalierStore       *store,
             PalierFilterField  field)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  values = palier_store_list_filter_values (store, field, &error);
  g_assert_no_error (error);
  g_ptr_array_add (values, NULL);

  return g_strjoinv ("|", (char **) values->pdata);
}

static void
test_values_per_field (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PalierStore) store = open_workspace (&dir);
  g_autofree char *categories = list_values (store, PALIER_FILTER_CATEGORY);
  g_autofree char *products = list_values (store, PALIER_FILTER_PRODUCT);
  g_autofree char *regions = list_values (store, PALIER_FILTER_REGION);
  g_autofree char *segments = list_values (store, PALIER_FILTER_SEGMENT);

  g_assert_cmpstr (categories, ==, "Furniture|Technology");
  g_assert_cmpstr (products, ==, "");
  g_assert_cmpstr (regions, ==, "East|West");
  g_assert_cmpstr (segments, ==, "Gold|Silver");
}

static void
test_values_empty_workspace (void)
{
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *segments = NULL;

  store = palier_store_new_memory (&error);
  g_assert_no_error (error);
  segments = list_values (store, PALIER_FILTER_SEGMENT);

  g_assert_cmpstr (segments, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/filter-values/list/per-field", test_values_per_field);
  g_test_add_func ("/filter-values/list/empty", test_values_empty_workspace);

  return g_test_run ();
}
