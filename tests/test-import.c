/* test-import.c: column mapping, value styles and import runs */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

/* Millionths, to write expected values readably. */
#define M(units, millionths) ((PalierDecimal) (units) * 1000000 + (millionths))

/* A sale as the test sink keeps it, with its own copies of the strings. */
typedef struct {
  guint64        line;
  PalierDate     date;
  char          *partner;
  PalierDecimal  amount;
  gboolean       has_margin;
  PalierDecimal  margin;
  gboolean       has_quantity;
  PalierDecimal  quantity;
  char          *product;
  char          *category;
  char          *region;
  char          *segment;
  char          *deal;
} Sale;

static void
sale_free (Sale *sale)
{
  g_free (sale->partner);
  g_free (sale->product);
  g_free (sale->category);
  g_free (sale->region);
  g_free (sale->segment);
  g_free (sale->deal);
  g_free (sale);
}

static gboolean
collect_sale (const PalierSaleRow  *row,
              gpointer              user_data,
              GError              **error)
{
  GPtrArray *sales = user_data;
  Sale *sale = g_new0 (Sale, 1);

  sale->line = row->line;
  sale->date = row->date;
  sale->partner = g_strdup (row->partner);
  sale->amount = row->amount;
  sale->has_margin = row->has_margin;
  sale->margin = row->margin;
  sale->has_quantity = row->has_quantity;
  sale->quantity = row->quantity;
  sale->product = g_strdup (row->product);
  sale->category = g_strdup (row->category);
  sale->region = g_strdup (row->region);
  sale->segment = g_strdup (row->segment);
  sale->deal = g_strdup (row->deal);
  g_ptr_array_add (sales, sale);
  return TRUE;
}

static PalierImportPlan *
plan_for_path (const char                *path,
               const PalierImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  PalierImportPlan *plan = palier_import_plan_new (path, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static PalierImportPlan *
plan_for_data (const char                *name,
               const PalierImportOptions *options)
{
  g_autofree char *path = palier_test_data_path (name);

  return plan_for_path (path, options);
}

/* Runs @plan into a new array of Sale and checks that it succeeds. */
static GPtrArray *
run_plan (PalierImportPlan *plan)
{
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;
  gboolean ok = palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return g_steal_pointer (&sales);
}

static GPtrArray *
import_data (const char                *name,
             const PalierImportOptions *options)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data (name, options);

  return run_plan (plan);
}

static Sale *
sale_at (GPtrArray *sales,
         guint      index)
{
  g_assert_cmpuint (index, <, sales->len);
  return g_ptr_array_index (sales, index);
}

static PalierDecimal
sum_amounts (GPtrArray *sales)
{
  PalierDecimal total = 0;

  for (guint i = 0; i < sales->len; i++)
    g_assert_true (palier_decimal_add (total, sale_at (sales, i)->amount, &total));
  return total;
}

static void
assert_column (PalierImportPlan *plan,
               PalierField       field,
               const char       *header)
{
  int column = palier_import_plan_get_column (plan, field);

  g_test_message ("field %s", palier_field_to_string (field));
  if (header == NULL)
    {
      g_assert_cmpint (column, ==, -1);
      return;
    }
  g_assert_cmpint (column, >=, 0);
  g_assert_cmpstr (palier_import_plan_get_header (plan, column), ==, header);
}

/* Header guesses */

static void
test_guess_english (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/import-english.csv", NULL);
  g_autoptr(GPtrArray) sales = NULL;
  Sale *first;
  Sale *last;

  assert_column (plan, PALIER_FIELD_DATE, "Order Date");
  assert_column (plan, PALIER_FIELD_PARTNER, "Customer ID");
  assert_column (plan, PALIER_FIELD_AMOUNT, "Sales");
  assert_column (plan, PALIER_FIELD_MARGIN, "Profit");
  assert_column (plan, PALIER_FIELD_QUANTITY, "Quantity");
  assert_column (plan, PALIER_FIELD_PRODUCT, "Product ID");
  assert_column (plan, PALIER_FIELD_CATEGORY, "Category");
  assert_column (plan, PALIER_FIELD_REGION, "Region");
  assert_column (plan, PALIER_FIELD_SEGMENT, "Segment");
  assert_column (plan, PALIER_FIELD_DEAL, "Order ID");
  g_assert_cmpint (palier_import_plan_get_delimiter (plan), ==, ',');
  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_YMD);
  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_AMOUNT), ==,
                   PALIER_DECIMAL_MARK_POINT);

  sales = run_plan (plan);

  g_assert_cmpuint (sales->len, ==, 3);
  first = sale_at (sales, 0);
  g_assert_cmpuint (first->line, ==, 2);
  g_assert_cmpint (first->date, ==, 20170103);
  g_assert_cmpstr (first->partner, ==, "C-001");
  g_assert_cmpint (first->amount, ==, M (100, 500000));
  g_assert_true (first->has_margin);
  g_assert_cmpint (first->margin, ==, M (10, 250000));
  g_assert_true (first->has_quantity);
  g_assert_cmpint (first->quantity, ==, M (2, 0));
  g_assert_cmpstr (first->product, ==, "P-1");
  g_assert_cmpstr (first->category, ==, "Furniture");
  g_assert_cmpstr (first->region, ==, "West");
  g_assert_cmpstr (first->segment, ==, "Consumer");
  g_assert_cmpstr (first->deal, ==, "CA-1");
  g_assert_cmpint (sale_at (sales, 1)->amount, ==, M (1200, 0));
  g_assert_cmpint (sale_at (sales, 1)->margin, ==, M (-30, -500000));
  last = sale_at (sales, 2);
  g_assert_false (last->has_margin);
  g_assert_cmpint (sum_amounts (sales), ==, M (1307, 956000));
}

static void
test_guess_french (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/import-french.csv", NULL);
  g_autoptr(GPtrArray) sales = NULL;
  Sale *first;

  assert_column (plan, PALIER_FIELD_DEAL, "N° de commande");
  assert_column (plan, PALIER_FIELD_DATE, "Date de commande");
  assert_column (plan, PALIER_FIELD_PARTNER, "Code client");
  assert_column (plan, PALIER_FIELD_REGION, "Région");
  assert_column (plan, PALIER_FIELD_SEGMENT, "Type de partenaire");
  assert_column (plan, PALIER_FIELD_PRODUCT, "Référence");
  assert_column (plan, PALIER_FIELD_CATEGORY, "Catégorie");
  assert_column (plan, PALIER_FIELD_QUANTITY, "Quantité");
  assert_column (plan, PALIER_FIELD_AMOUNT, "Montant");
  assert_column (plan, PALIER_FIELD_MARGIN, "Marge");
  g_assert_cmpint (palier_import_plan_get_delimiter (plan), ==, ';');
  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_AMOUNT), ==,
                   PALIER_DECIMAL_MARK_COMMA);
  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_DMY);

  sales = run_plan (plan);

  g_assert_cmpuint (sales->len, ==, 2);
  first = sale_at (sales, 0);
  g_assert_cmpint (first->date, ==, 20170103);
  g_assert_cmpstr (first->partner, ==, "00042");
  g_assert_cmpint (first->amount, ==, M (1234, 500000));
  g_assert_cmpint (first->margin, ==, M (100, 250000));
  g_assert_cmpstr (first->region, ==, "Île-de-France");
  g_assert_cmpint (sale_at (sales, 1)->margin, ==, M (-3, -100000));
  g_assert_cmpint (sum_amounts (sales), ==, M (1247, 0));
}

static void
test_guess_camel_case (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/import-camel-case.csv", NULL);

  assert_column (plan, PALIER_FIELD_DEAL, "SalesOrderNumber");
  assert_column (plan, PALIER_FIELD_DATE, "OrderDate");
  assert_column (plan, PALIER_FIELD_PRODUCT, "ProductKey");
  assert_column (plan, PALIER_FIELD_PARTNER, "ResellerKey");
  assert_column (plan, PALIER_FIELD_QUANTITY, "OrderQuantity");
  assert_column (plan, PALIER_FIELD_AMOUNT, "SalesAmount");
  assert_column (plan, PALIER_FIELD_MARGIN, NULL);
}

/* Explicit mapping */

static void
test_map_explicit (void)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;

  palier_import_options_init (&options);
  options.columns[PALIER_FIELD_AMOUNT] = g_strdup ("Profit");
  options.columns[PALIER_FIELD_PARTNER] = g_strdup ("  customer NAME ");
  options.columns[PALIER_FIELD_DATE] = g_strdup ("Ship Date");
  plan = plan_for_data ("csv/import-english.csv", &options);
  palier_import_options_clear (&options);

  assert_column (plan, PALIER_FIELD_AMOUNT, "Profit");
  assert_column (plan, PALIER_FIELD_PARTNER, "Customer Name");
  assert_column (plan, PALIER_FIELD_DATE, "Ship Date");
  /* The guesses take what is left, never a column already mapped. */
  assert_column (plan, PALIER_FIELD_MARGIN, NULL);

  palier_import_options_init (&options);
  options.columns[PALIER_FIELD_PARTNER] = g_strdup ("Customer Name");
  options.columns[PALIER_FIELD_DEAL] = g_strdup ("Customer ID");
  g_clear_pointer (&plan, palier_import_plan_free);
  plan = plan_for_data ("csv/import-english.csv", &options);
  palier_import_options_clear (&options);

  assert_column (plan, PALIER_FIELD_DEAL, "Customer ID");
  assert_column (plan, PALIER_FIELD_PARTNER, "Customer Name");

  sales = run_plan (plan);
  g_assert_cmpstr (sale_at (sales, 0)->partner, ==, "Ann");
  g_assert_cmpstr (sale_at (sales, 0)->deal, ==, "C-001");
}

static void
test_map_unknown_column (void)
{
  PalierImportOptions options;
  g_autofree char *path = palier_test_data_path ("csv/import-english.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;

  palier_import_options_init (&options);
  options.columns[PALIER_FIELD_AMOUNT] = g_strdup ("Revenue");
  plan = palier_import_plan_new (path, &options, &error);
  palier_import_options_clear (&options);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING);
  g_assert_null (plan);
  g_assert_nonnull (strstr (error->message, "import-english.csv"));
  g_assert_nonnull (strstr (error->message, "“Revenue”"));
  g_assert_nonnull (strstr (error->message, "“Order ID”, “Order Date”, “Ship Date”"));
  g_assert_nonnull (strstr (error->message, "“Profit”"));
}

static void
test_map_required_missing (void)
{
  g_autofree char *path = palier_test_data_path ("csv/missing-partner.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = palier_import_plan_new (path, NULL, &error);

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "“partner”"));
  g_assert_nonnull (strstr (error->message, "--map partner="));
  g_assert_nonnull (strstr (error->message, "“date”, “amount”"));
}

static void
test_map_set_column (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/import-english.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (palier_import_plan_set_column (plan, PALIER_FIELD_MARGIN, -1, &error));
  g_assert_no_error (error);
  assert_column (plan, PALIER_FIELD_MARGIN, NULL);
  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_MARGIN), ==,
                   PALIER_DECIMAL_MARK_AUTO);

  g_assert_true (palier_import_plan_set_column (plan, PALIER_FIELD_DATE, 2, &error));
  assert_column (plan, PALIER_FIELD_DATE, "Ship Date");

  g_assert_false (palier_import_plan_set_column (plan, PALIER_FIELD_AMOUNT, -1, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  g_assert_false (palier_import_plan_set_column (plan, PALIER_FIELD_REGION, 99, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING);
}

static void
test_field_names (void)
{
  PalierField field = PALIER_FIELD_DATE;

  g_assert_cmpstr (palier_field_to_string (PALIER_FIELD_QUANTITY), ==, "quantity");
  g_assert_true (palier_field_from_string ("Partner", &field));
  g_assert_cmpint (field, ==, PALIER_FIELD_PARTNER);
  g_assert_false (palier_field_from_string ("price", &field));
  g_assert_true (palier_field_is_required (PALIER_FIELD_AMOUNT));
  g_assert_false (palier_field_is_required (PALIER_FIELD_MARGIN));
}

/* Numbers */

static void
check_amounts (const char        *name,
               PalierDecimalMark  expected_mark,
               PalierDecimal      expected_total)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data (name, NULL);
  g_autoptr(GPtrArray) sales = NULL;

  g_test_message ("file %s", name);
  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_AMOUNT), ==,
                   expected_mark);
  sales = run_plan (plan);
  g_assert_cmpint (sum_amounts (sales), ==, expected_total);
}

static void
test_numbers_comma_grouping (void)
{
  PalierDecimal total = M (12346913, 960000);

  check_amounts ("csv/amounts-comma-space.csv", PALIER_DECIMAL_MARK_COMMA, total);
  check_amounts ("csv/amounts-comma-nbsp.csv", PALIER_DECIMAL_MARK_COMMA, total);
  check_amounts ("csv/amounts-comma-nnbsp.csv", PALIER_DECIMAL_MARK_COMMA, total);
  check_amounts ("csv/amounts-comma-dot.csv", PALIER_DECIMAL_MARK_COMMA, total);
}

static void
test_numbers_apostrophe (void)
{
  check_amounts ("csv/amounts-apostrophe.csv", PALIER_DECIMAL_MARK_POINT, M (12346913, 960000));
}

static void
test_numbers_negatives (void)
{
  g_autoptr(GPtrArray) sales = import_data ("csv/amounts-negative.csv", NULL);

  g_assert_cmpint (sale_at (sales, 0)->amount, ==, M (-12, -500000));
  g_assert_cmpint (sale_at (sales, 1)->amount, ==, M (-12, -500000));
  g_assert_cmpint (sale_at (sales, 2)->amount, ==, M (-12, -500000));
  g_assert_cmpint (sum_amounts (sales), ==, M (62, 500000));
}

static void
test_numbers_forced_mark (void)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;

  palier_import_options_init (&options);
  options.decimal_mark = PALIER_DECIMAL_MARK_COMMA;
  plan = plan_for_data ("csv/amounts-apostrophe.csv", &options);

  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_AMOUNT), ==,
                   PALIER_DECIMAL_MARK_COMMA);

  palier_import_plan_set_decimal_mark (plan, PALIER_DECIMAL_MARK_AUTO);
  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_AMOUNT), ==,
                   PALIER_DECIMAL_MARK_POINT);

  sales = run_plan (plan);
  g_assert_cmpint (sale_at (sales, 0)->amount, ==, M (1234, 560000));
}

/* A semicolon file whose values never show the mark: the comma is
 * assumed, with a note, and "1.234" reads as a thousand. */
static void
test_numbers_assumed_mark_note (void)
{
  static const char text[] = "date;partner;amount\n2017-01-03;P1;1.234\n2017-01-04;P2;12\n";
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "assumed.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;
  GPtrArray *notes;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  plan = plan_for_path (path, NULL);

  g_assert_cmpint (palier_import_plan_get_decimal_mark (plan, PALIER_FIELD_AMOUNT), ==,
                   PALIER_DECIMAL_MARK_COMMA);
  notes = palier_import_plan_get_notes (plan);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "“amount”"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "--decimal-mark"));

  sales = run_plan (plan);
  g_assert_cmpint (sale_at (sales, 0)->amount, ==, M (1234, 0));
}

/* Dates */

static void
check_dates (const char      *name,
             PalierDateOrder  expected_order,
             PalierDate       first,
             PalierDate       second)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data (name, NULL);
  g_autoptr(GPtrArray) sales = NULL;

  g_test_message ("file %s", name);
  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, expected_order);
  g_assert_cmpuint (palier_import_plan_get_notes (plan)->len, ==, 0);
  sales = run_plan (plan);
  g_assert_cmpint (sale_at (sales, 0)->date, ==, first);
  g_assert_cmpint (sale_at (sales, 1)->date, ==, second);
}

static void
test_dates_iso (void)
{
  check_dates ("csv/dates-iso.csv", PALIER_DATE_ORDER_YMD, 20170103, 20171231);
}

static void
test_dates_mdy (void)
{
  check_dates ("csv/dates-mdy.csv", PALIER_DATE_ORDER_MDY, 20170103, 20171231);
}

static void
test_dates_dmy (void)
{
  check_dates ("csv/dates-dmy.csv", PALIER_DATE_ORDER_DMY, 20170103, 20171231);
}

static void
test_dates_with_time (void)
{
  check_dates ("csv/dates-mdy-time.csv", PALIER_DATE_ORDER_MDY, 20030224, 20031231);
  check_dates ("csv/dates-iso-time.csv", PALIER_DATE_ORDER_YMD, 20170103, 20170104);
}

static void
test_dates_assumed_order (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/dates-ambiguous.csv", NULL);
  g_autoptr(PalierImportPlan) semicolon = plan_for_data ("csv/dates-ambiguous-semicolon.csv", NULL);
  GPtrArray *notes = palier_import_plan_get_notes (plan);

  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_MDY);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "“date”"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "month/day/year"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "--date-format"));

  g_assert_cmpint (palier_import_plan_get_date_order (semicolon), ==, PALIER_DATE_ORDER_DMY);
  g_assert_cmpuint (palier_import_plan_get_notes (semicolon)->len, ==, 1);
}

static void
test_dates_forced_order (void)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;
  g_autoptr(GPtrArray) again = NULL;

  palier_import_options_init (&options);
  options.date_order = PALIER_DATE_ORDER_DMY;
  plan = plan_for_data ("csv/dates-ambiguous.csv", &options);

  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_DMY);
  g_assert_cmpuint (palier_import_plan_get_notes (plan)->len, ==, 0);
  sales = run_plan (plan);
  g_assert_cmpint (sale_at (sales, 0)->date, ==, 20170201);
  g_assert_cmpint (sale_at (sales, 1)->date, ==, 20170403);

  palier_import_plan_set_date_order (plan, PALIER_DATE_ORDER_MDY);
  again = run_plan (plan);
  g_assert_cmpint (sale_at (again, 0)->date, ==, 20170102);
}

/* Runs @plan, expecting it to stop on a bad value, and returns the
 * error message. */
static char *
run_plan_error (PalierImportPlan *plan)
{
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                          NULL, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  return g_strdup (error->message);
}

/* Thirty year-first dates and one "03/04/2017": the column is
 * year-first, and the stray date is an error instead of 4 March. */
static void
test_dates_mixed_shapes (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/dates-iso-one-year-last.csv", NULL);
  g_autofree char *message = NULL;

  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_YMD);
  g_assert_cmpuint (palier_import_plan_get_notes (plan)->len, ==, 0);

  message = run_plan_error (plan);
  g_assert_nonnull (strstr (message, "dates-iso-one-year-last.csv:21: column “date”"));
  g_assert_nonnull (strstr (message, "“03/04/2017”"));
  g_assert_nonnull (strstr (message, "year-month-day"));
}

static void
test_dates_mixed_shapes_skipped (void)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;
  PalierImportReport report;
  PalierImportProblem *problem;

  palier_import_options_init (&options);
  options.skip_invalid = TRUE;
  plan = plan_for_data ("csv/dates-iso-one-year-last.csv", &options);
  palier_import_report_init (&report);

  g_assert_true (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                         &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rows_imported, ==, 30);
  g_assert_cmpuint (report.rows_skipped, ==, 1);
  problem = g_ptr_array_index (report.problems, 0);
  g_assert_cmpuint (problem->line, ==, 21);
  g_assert_cmpstr (problem->column, ==, "date");
  g_assert_cmpstr (problem->value, ==, "03/04/2017");
  for (guint i = 0; i < sales->len; i++)
    g_assert_cmpint (sale_at (sales, i)->date, !=, 20170304);

  palier_import_report_clear (&report);
}

/* The reverse: a year-first date in a month-first column. */
static void
test_dates_year_first_in_mdy (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/dates-mdy-one-iso.csv", NULL);
  g_autofree char *message = NULL;

  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_MDY);
  message = run_plan_error (plan);
  g_assert_nonnull (strstr (message, "dates-mdy-one-iso.csv:4: column “date”"));
  g_assert_nonnull (strstr (message, "“2017-03-04”"));
  g_assert_nonnull (strstr (message, "month/day/year"));
}

/* A forced order fixes the shape as well. */
static void
test_dates_forced_shape (void)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autofree char *message = NULL;

  palier_import_options_init (&options);
  options.date_order = PALIER_DATE_ORDER_DMY;
  plan = plan_for_data ("csv/dates-iso.csv", &options);

  message = run_plan_error (plan);
  g_assert_nonnull (strstr (message, "dates-iso.csv:2: column “date”"));
  g_assert_nonnull (strstr (message, "“2017-01-03”"));
  g_assert_nonnull (strstr (message, "day/month/year"));
  g_assert_nonnull (strstr (message, "--date-format"));
}

static const char *
only_note (PalierImportPlan *plan)
{
  GPtrArray *notes = palier_import_plan_get_notes (plan);

  g_assert_cmpuint (notes->len, ==, 1);
  return g_ptr_array_index (notes, 0);
}

/* The notes about an undecided order quote the dates that left it open
 * and give the size of the sample. */
static void
test_dates_undecided_notes (void)
{
  g_autoptr(PalierImportPlan) ambiguous = plan_for_data ("csv/dates-ambiguous.csv", NULL);
  g_autoptr(PalierImportPlan) tie = plan_for_data ("csv/dates-order-tie.csv", NULL);
  g_autoptr(PalierImportPlan) shapes = plan_for_data ("csv/dates-shape-tie.csv", NULL);
  const char *note;

  note = only_note (ambiguous);
  g_assert_nonnull (strstr (note, "first 2 rows"));
  g_assert_nonnull (strstr (note, "“1/2/2017”"));
  g_assert_nonnull (strstr (note, "12 or less"));

  g_assert_cmpint (palier_import_plan_get_date_order (tie), ==, PALIER_DATE_ORDER_MDY);
  note = only_note (tie);
  g_assert_nonnull (strstr (note, "first 3 rows"));
  g_assert_nonnull (strstr (note, "“12/25/2017”"));
  g_assert_nonnull (strstr (note, "“25/12/2017”"));
  g_assert_null (strstr (note, "12 or less"));

  g_assert_cmpint (palier_import_plan_get_date_order (shapes), ==, PALIER_DATE_ORDER_YMD);
  note = only_note (shapes);
  g_assert_nonnull (strstr (note, "first 2 rows"));
  g_assert_nonnull (strstr (note, "“2017-01-15”"));
  g_assert_nonnull (strstr (note, "“03/04/2017”"));
  g_assert_null (strstr (note, "12 or less"));
}

/* Text values */

static void
test_codes_stay_text (void)
{
  g_autoptr(GPtrArray) sales = import_data ("csv/codes.csv", NULL);

  g_assert_cmpstr (sale_at (sales, 0)->partner, ==, "00042");
  g_assert_cmpstr (sale_at (sales, 0)->product, ==, "007");
}

static void
test_optional_empty (void)
{
  g_autoptr(GPtrArray) sales = import_data ("csv/optional-empty.csv", NULL);
  Sale *sale = sale_at (sales, 0);

  g_assert_false (sale->has_margin);
  g_assert_false (sale->has_quantity);
  g_assert_null (sale->product);
  g_assert_null (sale->category);
  g_assert_null (sale->region);
  g_assert_null (sale->segment);
  g_assert_null (sale->deal);
}

static void
test_blank_rows_skipped (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/blank-rows.csv", NULL);
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;
  PalierImportReport report;

  palier_import_report_init (&report);
  g_assert_true (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                         &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rows_read, ==, 2);
  g_assert_cmpuint (report.rows_imported, ==, 2);
  g_assert_cmpuint (sale_at (sales, 1)->line, ==, 6);
  palier_import_report_clear (&report);
}

/* Errors */

static void
test_invalid_value_stops (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/invalid-amount.csv", NULL);
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                          NULL, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "invalid-amount.csv:4:"));
  g_assert_nonnull (strstr (error->message, "column “amount”"));
  g_assert_nonnull (strstr (error->message, "“12,3.4”"));
  g_assert_nonnull (strstr (error->message, "--decimal-mark"));
  g_assert_cmpuint (sales->len, ==, 2);
}

static void
test_invalid_date_stops (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/invalid-date.csv", NULL);
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                          NULL, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "invalid-date.csv:3:"));
  g_assert_nonnull (strstr (error->message, "column “date”"));
  g_assert_nonnull (strstr (error->message, "“2/30/2017”"));
  g_assert_nonnull (strstr (error->message, "--date-format"));
}

static void
test_invalid_row_stops (void)
{
  g_autoptr(PalierImportPlan) plan = plan_for_data ("csv/invalid-rows.csv", NULL);
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                          NULL, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "invalid-rows.csv:3: column “amount”"));
  g_assert_cmpuint (sales->len, ==, 1);
}

static void
assert_problem (PalierImportReport *report,
                guint               index,
                guint64             line,
                const char         *column,
                const char         *value)
{
  PalierImportProblem *problem;
  g_autofree char *prefix = g_strdup_printf ("invalid-rows.csv:%" G_GUINT64_FORMAT ":", line);

  g_assert_cmpuint (index, <, report->problems->len);
  problem = g_ptr_array_index (report->problems, index);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->column, ==, column);
  g_assert_cmpstr (problem->value, ==, value);
  g_assert_true (g_str_has_prefix (problem->message, prefix));
}

static void
test_skip_invalid (void)
{
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);
  g_autoptr(GError) error = NULL;
  PalierImportReport report;

  palier_import_options_init (&options);
  options.skip_invalid = TRUE;
  plan = plan_for_data ("csv/invalid-rows.csv", &options);
  g_assert_true (palier_import_plan_get_skip_invalid (plan));
  palier_import_report_init (&report);

  g_assert_true (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                         &report, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (report.rows_read, ==, 8);
  g_assert_cmpuint (report.rows_imported, ==, 2);
  g_assert_cmpuint (report.rows_skipped, ==, 6);
  g_assert_cmpuint (report.problems->len, ==, 6);
  assert_problem (&report, 0, 3, "amount", "abc");
  assert_problem (&report, 1, 4, "date", "2017-02-30");
  assert_problem (&report, 2, 5, "partner", "");
  assert_problem (&report, 3, 6, "amount", "");
  assert_problem (&report, 4, 7, NULL, NULL);
  assert_problem (&report, 5, 8, "margin", "x");
  g_assert_cmpuint (sale_at (sales, 1)->line, ==, 9);
  g_assert_cmpint (sum_amounts (sales), ==, M (30, 0));

  palier_import_report_clear (&report);
}

/* A mark decided from the first 10 000 rows meets a value it cannot read
 * further down. */
static void
test_later_value_unreadable (void)
{
  g_autoptr(GString) text = g_string_new ("date,partner,amount\n");
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "later.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) sale_free);

  for (guint i = 0; i < 10500; i++)
    g_string_append (text, "2017-01-03,P1,1.5\n");
  g_string_append (text, "2017-01-03,P1,\"1,5\"\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  plan = plan_for_path (path, NULL);

  g_assert_false (palier_import_plan_run (plan, collect_sale, sales, NULL, NULL, NULL,
                                          NULL, &error));

  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "later.csv:10502: column “amount”"));
  g_assert_nonnull (strstr (error->message, "“1,5”"));
  g_assert_nonnull (strstr (error->message, "--decimal-mark"));
}

static void
test_empty_file (void)
{
  g_autofree char *path = palier_test_data_path ("csv/empty.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = palier_import_plan_new (path, NULL, &error);

  g_assert_error (error, PALIER_CSV_ERROR, PALIER_CSV_ERROR_EMPTY);
  g_assert_null (plan);
}

/* Plan details */

static void
test_preview (void)
{
  g_autoptr(GString) text = g_string_new ("date,partner,amount\n");
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "preview.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  GPtrArray *preview;
  char **first;

  for (guint i = 1; i <= 25; i++)
    g_string_append_printf (text, "2017-01-03,P%u,%u\n", i, i);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  plan = plan_for_path (path, NULL);

  preview = palier_import_plan_get_preview (plan);
  g_assert_cmpuint (preview->len, ==, 20);
  first = g_ptr_array_index (preview, 0);
  g_assert_cmpstrv (first, ((const char *[]) { "2017-01-03", "P1", "1", NULL }));
  g_assert_cmpuint (palier_import_plan_get_n_columns (plan), ==, 3);
  g_assert_cmpstr (palier_import_plan_get_header (plan, 1), ==, "partner");
}

typedef struct {
  guint   n_calls;
  guint64 last_done;
  guint64 last_total;
  gboolean monotonic;
} Progress;

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Progress *progress = user_data;

  if (done < progress->last_done)
    progress->monotonic = FALSE;
  progress->n_calls++;
  progress->last_done = done;
  progress->last_total = total;
}

static char *
write_rows (const char *name,
            guint       n_rows)
{
  g_autoptr(GString) text = g_string_new ("date,partner,amount\n");
  g_autofree char *dir = palier_test_tmp_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2017-01-03,P%u,%u.25\n", i % 100, i % 1000);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
count_sale (const PalierSaleRow  *row,
            gpointer              user_data,
            GError              **error)
{
  guint64 *count = user_data;

  (*count)++;
  return TRUE;
}

static void
test_progress (void)
{
  g_autofree char *path = write_rows ("progress.csv", 50000);
  g_autoptr(PalierImportPlan) plan = plan_for_path (path, NULL);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, 0, 0, TRUE };
  guint64 count = 0;

  g_assert_true (palier_import_plan_run (plan, count_sale, &count, record_progress,
                                         &progress, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 50000);
  /* About 1 MB of input: one report per 64 KiB and a final one. */
  g_assert_cmpuint (progress.n_calls, >=, 10);
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.last_done, ==, progress.last_total);
  g_assert_cmpuint (progress.last_total, >, 0);
}

static gboolean
cancel_after_100 (const PalierSaleRow  *row,
                  gpointer              user_data,
                  GError              **error)
{
  GCancellable *cancellable = user_data;

  if (row->line == 101)
    g_cancellable_cancel (cancellable);
  return TRUE;
}

static void
test_cancel (void)
{
  g_autofree char *path = write_rows ("cancel.csv", 50000);
  g_autoptr(PalierImportPlan) plan = plan_for_path (path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  PalierImportReport report;

  palier_import_report_init (&report);
  g_assert_false (palier_import_plan_run (plan, cancel_after_100, cancellable, NULL, NULL,
                                          cancellable, &report, &error));
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_CANCELLED);
  g_assert_cmpuint (report.rows_imported, <, 50000);
  palier_import_report_clear (&report);
}

static gboolean
fail_on_third (const PalierSaleRow  *row,
               gpointer              user_data,
               GError              **error)
{
  guint *count = user_data;

  if (++(*count) == 3)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  return TRUE;
}

static void
test_sink_error (void)
{
  g_autofree char *path = write_rows ("sink.csv", 10);
  g_autoptr(PalierImportPlan) plan = plan_for_path (path, NULL);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_false (palier_import_plan_run (plan, fail_on_third, &count, NULL, NULL, NULL,
                                          NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (count, ==, 3);
}

/* Encodings through the importer */

static void
test_windows_1252_headers (void)
{
  static const char bytes[] = "Date;Revendeur;Cat\xe9gorie;Montant\r\n03/01/2017;Caf\xe9;V\xe9los;\x80 12,50\r\n";
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cp1252.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;

  g_file_set_contents (path, bytes, sizeof bytes - 1, &error);
  g_assert_no_error (error);
  plan = plan_for_path (path, NULL);

  g_assert_cmpint (palier_import_plan_get_encoding (plan), ==, PALIER_ENCODING_WINDOWS_1252);
  assert_column (plan, PALIER_FIELD_PARTNER, "Revendeur");
  assert_column (plan, PALIER_FIELD_CATEGORY, "Catégorie");
  sales = run_plan (plan);
  g_assert_cmpstr (sale_at (sales, 0)->partner, ==, "Café");
  g_assert_cmpint (sale_at (sales, 0)->amount, ==, M (12, 500000));
  g_assert_cmpint (sale_at (sales, 0)->date, ==, 20170103);
}

/* The shared real files */

static void
check_real_file (const char          *relative,
                 PalierImportOptions *options,
                 guint64              expected_rows,
                 PalierDecimal        expected_total)
{
  g_autofree char *path = palier_test_shared_path (relative);
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;

  if (path == NULL)
    {
      g_test_skip ("the shared real datasets are absent");
      return;
    }

  plan = plan_for_path (path, options);
  sales = run_plan (plan);

  g_assert_cmpuint (sales->len, ==, expected_rows);
  g_assert_cmpint (sum_amounts (sales), ==, expected_total);
}

static void
test_real_superstore (void)
{
  check_real_file ("data/real/superstore/superstore.csv", NULL, 9994, M (2297200, 860300));
}

static void
test_real_superstore_mapping (void)
{
  g_autofree char *path = palier_test_shared_path ("data/real/superstore/superstore.csv");
  g_autoptr(PalierImportPlan) plan = NULL;

  if (path == NULL)
    {
      g_test_skip ("the shared real datasets are absent");
      return;
    }

  plan = plan_for_path (path, NULL);
  assert_column (plan, PALIER_FIELD_DATE, "Order Date");
  assert_column (plan, PALIER_FIELD_PARTNER, "Customer ID");
  assert_column (plan, PALIER_FIELD_AMOUNT, "Sales");
  assert_column (plan, PALIER_FIELD_MARGIN, "Profit");
  assert_column (plan, PALIER_FIELD_DEAL, "Order ID");
  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_YMD);
  g_assert_cmpuint (palier_import_plan_get_notes (plan)->len, ==, 0);
}

static void
test_real_classic_cars (void)
{
  g_autofree char *path = palier_test_shared_path ("data/real/classic-cars/sales_data_sample.csv");
  PalierImportOptions options;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(GPtrArray) sales = NULL;

  if (path == NULL)
    {
      g_test_skip ("the shared real datasets are absent");
      return;
    }

  palier_import_options_init (&options);
  options.columns[PALIER_FIELD_PARTNER] = g_strdup ("CUSTOMERNAME");
  plan = plan_for_path (path, &options);
  palier_import_options_clear (&options);

  assert_column (plan, PALIER_FIELD_DATE, "ORDERDATE");
  assert_column (plan, PALIER_FIELD_AMOUNT, "SALES");
  assert_column (plan, PALIER_FIELD_CATEGORY, "PRODUCTLINE");
  assert_column (plan, PALIER_FIELD_REGION, "TERRITORY");
  assert_column (plan, PALIER_FIELD_DEAL, "ORDERNUMBER");
  g_assert_cmpint (palier_import_plan_get_date_order (plan), ==, PALIER_DATE_ORDER_MDY);

  sales = run_plan (plan);
  g_assert_cmpuint (sales->len, ==, 2823);
  g_assert_cmpint (sum_amounts (sales), ==, M (10032628, 850000));
  g_assert_cmpint (sale_at (sales, 0)->date, ==, 20030224);
  /* "NA" is North America, not a missing value. */
  g_assert_cmpstr (sale_at (sales, 0)->region, ==, "NA");
}

static void
test_real_adventureworks (void)
{
  check_real_file ("data/real/adventureworks-resellers/FactResellerSales.csv", NULL,
                   57851, M (77548570, 200000));
}

static void
test_real_adventureworks_utf16 (void)
{
  check_real_file ("data/real/adventureworks-resellers/pl300/ResellerSales_202006.csv", NULL,
                   3004, M (3429150, 10000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/import/guess/english", test_guess_english);
  g_test_add_func ("/import/guess/french", test_guess_french);
  g_test_add_func ("/import/guess/camel-case", test_guess_camel_case);
  g_test_add_func ("/import/map/explicit", test_map_explicit);
  g_test_add_func ("/import/map/unknown-column", test_map_unknown_column);
  g_test_add_func ("/import/map/required-missing", test_map_required_missing);
  g_test_add_func ("/import/map/set-column", test_map_set_column);
  g_test_add_func ("/import/field/names", test_field_names);
  g_test_add_func ("/import/numbers/comma-grouping", test_numbers_comma_grouping);
  g_test_add_func ("/import/numbers/apostrophe", test_numbers_apostrophe);
  g_test_add_func ("/import/numbers/negatives", test_numbers_negatives);
  g_test_add_func ("/import/numbers/forced-mark", test_numbers_forced_mark);
  g_test_add_func ("/import/numbers/assumed-mark-note", test_numbers_assumed_mark_note);
  g_test_add_func ("/import/dates/iso", test_dates_iso);
  g_test_add_func ("/import/dates/mdy", test_dates_mdy);
  g_test_add_func ("/import/dates/dmy", test_dates_dmy);
  g_test_add_func ("/import/dates/with-time", test_dates_with_time);
  g_test_add_func ("/import/dates/assumed-order", test_dates_assumed_order);
  g_test_add_func ("/import/dates/forced-order", test_dates_forced_order);
  g_test_add_func ("/import/dates/mixed-shapes", test_dates_mixed_shapes);
  g_test_add_func ("/import/dates/mixed-shapes-skipped", test_dates_mixed_shapes_skipped);
  g_test_add_func ("/import/dates/year-first-in-mdy", test_dates_year_first_in_mdy);
  g_test_add_func ("/import/dates/forced-shape", test_dates_forced_shape);
  g_test_add_func ("/import/dates/undecided-notes", test_dates_undecided_notes);
  g_test_add_func ("/import/text/codes-stay-text", test_codes_stay_text);
  g_test_add_func ("/import/text/optional-empty", test_optional_empty);
  g_test_add_func ("/import/rows/blank-skipped", test_blank_rows_skipped);
  g_test_add_func ("/import/errors/invalid-value-stops", test_invalid_value_stops);
  g_test_add_func ("/import/errors/invalid-date-stops", test_invalid_date_stops);
  g_test_add_func ("/import/errors/invalid-row-stops", test_invalid_row_stops);
  g_test_add_func ("/import/errors/skip-invalid", test_skip_invalid);
  g_test_add_func ("/import/errors/later-value-unreadable", test_later_value_unreadable);
  g_test_add_func ("/import/errors/empty-file", test_empty_file);
  g_test_add_func ("/import/plan/preview", test_preview);
  g_test_add_func ("/import/run/progress", test_progress);
  g_test_add_func ("/import/run/cancel", test_cancel);
  g_test_add_func ("/import/run/sink-error", test_sink_error);
  g_test_add_func ("/import/encoding/windows-1252-headers", test_windows_1252_headers);
  g_test_add_func ("/import/real/superstore", test_real_superstore);
  g_test_add_func ("/import/real/superstore-mapping", test_real_superstore_mapping);
  g_test_add_func ("/import/real/classic-cars", test_real_classic_cars);
  g_test_add_func ("/import/real/adventureworks", test_real_adventureworks);
  g_test_add_func ("/import/real/adventureworks-utf16", test_real_adventureworks_utf16);

  return g_test_run ();
}
