/* test-chart-deals.c: reading, counting and drawing deal sizes
 *
 * tests/data/designer2/sales.csv has five deals: P1's D1 (3000 + 2500 =
 * 5500) and D2 (1000), P2's D3 (6000), and two lines without a deal id
 * (P2's 800 and P3's 200), which are deals of their own.  The periods
 * chart's non-cash segments are checked here too, on the same data.
 */

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "palier.h"
#include "palier-test.h"

#define UNITS(n) ((PalierDecimal) (n) * PALIER_DECIMAL_ONE)

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
  path = g_build_filename (*out_dir, "deals.palier", NULL);
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

static PalierComponent *
deal_bonus_new (void)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_DEAL_BONUS, "big", "Big deals");

  component->deal_min = UNITS (5000);
  component->deal_amount = UNITS (200);
  return component;
}

static void
test_read_groups_deal_ids (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PalierStore) store = open_workspace (&dir);
  g_autoptr(PalierComponent) component = deal_bonus_new ();
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) error = NULL;

  values = palier_deal_sizes_read (store, component, PALIER_DATE_NONE, PALIER_DATE_NONE,
                                   NULL, &error);
  g_assert_no_error (error);

  /* By partner, then by date. */
  g_assert_cmpuint (values->len, ==, 5);
  g_assert_cmpint (g_array_index (values, PalierDecimal, 0), ==, UNITS (5500));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 1), ==, UNITS (1000));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 2), ==, UNITS (6000));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 3), ==, UNITS (800));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 4), ==, UNITS (200));
}

static void
test_read_applies_filter (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PalierStore) store = open_workspace (&dir);
  g_autoptr(PalierComponent) component = deal_bonus_new ();
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the technology lines: D1 keeps its 3000 line. */
  palier_filter_add_value (&component->filter, PALIER_FILTER_CATEGORY, "Technology");
  values = palier_deal_sizes_read (store, component, PALIER_DATE_NONE, PALIER_DATE_NONE,
                                   NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (values->len, ==, 4);
  g_assert_cmpint (g_array_index (values, PalierDecimal, 0), ==, UNITS (3000));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 1), ==, UNITS (1000));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 2), ==, UNITS (6000));
  g_assert_cmpint (g_array_index (values, PalierDecimal, 3), ==, UNITS (200));
}

static void
test_qualify_counts_and_costs (void)
{
  const PalierDecimal values[] = { UNITS (5500), UNITS (1000), UNITS (6000), UNITS (800), UNITS (5000) };
  g_autoptr(PalierComponent) component = deal_bonus_new ();
  PalierDecimal cost = -1;
  guint count = 0;

  /* 5500, 6000 and 5000 (on the minimum) qualify: 3 x 200. */
  g_assert_true (palier_deal_sizes_qualify (values, G_N_ELEMENTS (values), component, 2,
                                            &count, &cost));
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (cost, ==, UNITS (600));

  /* With 1.5 % of the value: 600 + 0.015 x 16500 = 847.50. */
  component->has_deal_rate = TRUE;
  component->deal_rate = 15000;
  g_assert_true (palier_deal_sizes_qualify (values, G_N_ELEMENTS (values), component, 2,
                                            &count, &cost));
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (cost, ==, UNITS (847) + PALIER_DECIMAL_ONE / 2);
}

static void
test_qualify_rounds_once (void)
{
  const PalierDecimal values[] = { UNITS (1) + 10000, UNITS (1) + 10000, UNITS (1) + 10000 };
  g_autoptr(PalierComponent) component = deal_bonus_new ();
  PalierDecimal cost = -1;
  guint count = 0;

  /* 3 x 1.01 x 50 % = 1.515, which rounds to 1.52; rounding each 0.505
   * to 0.51 first would give 1.53. */
  component->deal_min = 0;
  component->deal_amount = 0;
  component->has_deal_rate = TRUE;
  component->deal_rate = PALIER_DECIMAL_ONE / 2;
  g_assert_true (palier_deal_sizes_qualify (values, G_N_ELEMENTS (values), component, 2,
                                            &count, &cost));
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (cost, ==, UNITS (1) + 520000);
}

static void
test_draw_and_layout (void)
{
  const PalierDecimal values[] = { UNITS (5500), UNITS (1000), UNITS (6000), UNITS (800), UNITS (200) };
  g_autoptr(PalierComponent) component = deal_bonus_new ();
  PalierDealSizesSpec spec = { values, G_N_ELEMENTS (values), component, "USD" };
  PalierDealSizesLayout layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 300);
  cairo_t *cr = cairo_create (surface);
  double line_x;
  guint32 pixel;
  int stride;

  palier_chart_draw_deal_sizes (cr, 480, 300, &spec, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  palier_chart_deal_sizes_layout (480, 300, &spec, NULL, &layout);
  g_assert_cmpfloat (layout.plot_width, >, 100);
  g_assert_cmpfloat (layout.x_min, <=, 200);
  g_assert_cmpfloat (layout.x_max, >=, 6000);
  g_assert_cmpfloat (layout.step, >, 0);

  /* The minimum's line is drawn in the foreground colour, dark on the
   * light default background, halfway down the plot. */
  line_x = layout.plot_x + (5000 - layout.x_min) / (layout.x_max - layout.x_min) * layout.plot_width;
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                        (int) (layout.plot_y + layout.plot_height / 2) * stride +
                        (int) line_x * 4);
  g_assert_cmpuint ((pixel >> 16) & 0xff, <, 128);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_draw_without_deals (void)
{
  g_autoptr(PalierComponent) component = deal_bonus_new ();
  PalierDealSizesSpec spec = { NULL, 0, component, "USD" };
  PalierDealSizesLayout layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 120);
  cairo_t *cr = cairo_create (surface);

  palier_chart_draw_deal_sizes (cr, 200, 120, &spec, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  palier_chart_deal_sizes_layout (200, 120, &spec, NULL, &layout);
  g_assert_cmpfloat (layout.x_min, ==, 0);
  g_assert_cmpfloat (layout.x_max, ==, 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The periods chart of a program with a reward stacks a hatched
 * non-cash segment on the bars; without the reward the bars stop at the
 * cash payout. */
static cairo_surface_t *
draw_periods (PalierStore         *store,
              const PalierProgram *program)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PalierSimulateOptions options = { PALIER_DATE_NONE, PALIER_DATE_NONE };

  result = palier_simulate (store, program, &options, NULL, &error);
  g_assert_no_error (error);
  palier_chart_draw_periods (cr, 600, 400, result, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_periods_non_cash (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *xml = palier_test_data_path ("designer2/program.xml");
  g_autoptr(PalierStore) store = open_workspace (&dir);
  g_autoptr(PalierProgram) with_reward = NULL;
  g_autoptr(PalierProgram) without_reward = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *with_surface;
  cairo_surface_t *without_surface;
  gsize size;

  with_reward = palier_program_read_file (xml, &error);
  g_assert_no_error (error);
  without_reward = palier_program_copy (with_reward);
  g_ptr_array_remove_index (without_reward->components, 2);

  with_surface = draw_periods (store, with_reward);
  without_surface = draw_periods (store, without_reward);
  size = (gsize) cairo_image_surface_get_stride (with_surface) * 400;
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (with_surface),
                           cairo_image_surface_get_data (without_surface), size), !=, 0);

  cairo_surface_destroy (with_surface);
  cairo_surface_destroy (without_surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/chart-deals/read/deal-ids", test_read_groups_deal_ids);
  g_test_add_func ("/chart-deals/read/filter", test_read_applies_filter);
  g_test_add_func ("/chart-deals/qualify/count-cost", test_qualify_counts_and_costs);
  g_test_add_func ("/chart-deals/qualify/rounds-once", test_qualify_rounds_once);
  g_test_add_func ("/chart-deals/draw/layout", test_draw_and_layout);
  g_test_add_func ("/chart-deals/draw/no-deals", test_draw_without_deals);
  g_test_add_func ("/chart-periods/non-cash/hatched", test_periods_non_cash);

  return g_test_run ();
}
