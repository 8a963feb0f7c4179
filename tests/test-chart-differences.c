/* test-chart-differences.c: bars of the payout changes between programs
 *
 * The comparisons are built by hand, so every bar's length is known: the
 * tests find the bars by their colour on an image surface and compare
 * their extents.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "palier.h"
#include "palier-test.h"

#define D(units) palier_decimal_from_int (units)

#define CHART_WIDTH  800
#define CHART_HEIGHT 500

/* Colours of the light and dark palettes, from the GNOME HIG. */
#define GREEN      0x33d17a
#define RED        0xe01b24
#define DARK_GREEN 0x57e389
#define WHITE      0xffffff
#define DARK_GREY  0x242424

/* Comparisons */

static void
row_free (gpointer data)
{
  PalierComparisonRow *row = data;

  g_free (row->partner);
  g_free (row->segment);
  g_free (row);
}

static PalierComparison *
comparison_new (void)
{
  PalierComparison *comparison = g_new0 (PalierComparison, 1);

  comparison->ref_count = 1;
  comparison->rows = g_ptr_array_new_with_free_func (row_free);
  return comparison;
}

/* Appends a row; the caller appends them largest gain first, as
 * palier_compare() sorts them. */
static void
add_row (PalierComparison *comparison,
         const char       *partner,
         gint64            baseline,
         gint64            proposal)
{
  PalierComparisonRow *row = g_new0 (PalierComparisonRow, 1);

  row->partner = g_strdup (partner);
  row->baseline = D (baseline);
  row->proposal = D (proposal);
  row->difference = D (proposal - baseline);
  g_ptr_array_add (comparison->rows, row);

  if (row->difference > 0)
    comparison->n_gain++;
  else if (row->difference < 0)
    comparison->n_lose++;
  else
    comparison->n_same++;
}

/* Two gains of 100 and 50, a loss of 200, one partner unchanged. */
static PalierComparison *
small_comparison (void)
{
  PalierComparison *comparison = comparison_new ();

  add_row (comparison, "P1", 400, 500);
  add_row (comparison, "P2", 100, 150);
  add_row (comparison, "P4", 80, 80);
  add_row (comparison, "P3", 300, 100);
  return comparison;
}

/* @n_gain gains of 10, 20, ... then @n_lose losses. */
static PalierComparison *
many_comparison (guint n_gain,
                 guint n_lose)
{
  PalierComparison *comparison = comparison_new ();

  for (guint i = n_gain; i > 0; i--)
    {
      g_autofree char *partner = g_strdup_printf ("G%02u", i);
      add_row (comparison, partner, 1000, 1000 + 10 * i);
    }
  for (guint i = 1; i <= n_lose; i++)
    {
      g_autofree char *partner = g_strdup_printf ("L%02u", i);
      add_row (comparison, partner, 1000, 1000 - 10 * i);
    }
  return comparison;
}

/* Pixels */

static cairo_surface_t *
draw (const PalierComparison *comparison,
      const PalierChartStyle *style,
      int                     width,
      int                     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  palier_chart_draw_differences (cr, width, height, comparison, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + 4 * x);
}

static gboolean
pixel_is (guint32 pixel,
          guint32 rgb)
{
  return (pixel & 0xffffff) == rgb && (pixel >> 24) == 0xff;
}

/* A run of image rows that contain pixels of one colour: a bar. */
typedef struct {
  int top;
  int bottom;                       /* inclusive */
  int left;
  int right;                        /* inclusive */
} Band;

/* Finds the bars of colour @rgb, top to bottom.  A bar's extent is that
 * of its pixels of exactly that colour. */
static GArray *
find_bands (cairo_surface_t *surface,
            guint32          rgb)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  Band band = { -1, -1, G_MAXINT, -1 };

  for (int y = 0; y < height; y++)
    {
      int left = G_MAXINT;
      int right = -1;

      for (int x = 0; x < width; x++)
        if (pixel_is (pixel_at (surface, x, y), rgb))
          {
            left = MIN (left, x);
            right = MAX (right, x);
          }

      if (right >= 0)
        {
          if (band.top < 0)
            band.top = y;
          band.bottom = y;
          band.left = MIN (band.left, left);
          band.right = MAX (band.right, right);
        }
      else if (band.top >= 0)
        {
          g_array_append_val (bands, band);
          band = (Band) { -1, -1, G_MAXINT, -1 };
        }
    }
  if (band.top >= 0)
    g_array_append_val (bands, band);

  return bands;
}

static int
band_length (const GArray *bands,
             guint         index)
{
  const Band *band = &g_array_index (bands, Band, index);

  return band->right - band->left + 1;
}

/* Tests */

static void
test_bars_lengths_and_sides (void)
{
  g_autoptr(PalierComparison) comparison = small_comparison ();
  cairo_surface_t *surface = draw (comparison, NULL, CHART_WIDTH, CHART_HEIGHT);
  g_autoptr(GArray) gains = find_bands (surface, GREEN);
  g_autoptr(GArray) losses = find_bands (surface, RED);
  const Band *p1, *p2, *p3;

  g_assert_cmpuint (gains->len, ==, 2);
  g_assert_cmpuint (losses->len, ==, 1);
  p1 = &g_array_index (gains, Band, 0);
  p2 = &g_array_index (gains, Band, 1);
  p3 = &g_array_index (losses, Band, 0);

  /* Largest gain at the top, the loss at the bottom. */
  g_assert_cmpint (p1->bottom, <, p2->top);
  g_assert_cmpint (p2->bottom, <, p3->top);

  /* Gains start where losses end: at zero, where the zero line covers
   * the column of pixels between them. */
  g_assert_cmpint (ABS (p1->left - p2->left), <=, 1);
  g_assert_cmpint (ABS (p3->right + 1 - p1->left), <=, 2);

  /* 100 is twice 50, and 200 twice 100, within a pixel of rounding. */
  g_assert_cmpint (ABS (band_length (gains, 0) - 2 * band_length (gains, 1)), <=, 2);
  g_assert_cmpint (ABS (band_length (losses, 0) - 2 * band_length (gains, 0)), <=, 2);

  cairo_surface_destroy (surface);
}

static void
test_background_light (void)
{
  g_autoptr(PalierComparison) comparison = small_comparison ();
  cairo_surface_t *surface = draw (comparison, NULL, CHART_WIDTH, CHART_HEIGHT);

  g_assert_true (pixel_is (pixel_at (surface, 0, 0), WHITE));
  g_assert_true (pixel_is (pixel_at (surface, CHART_WIDTH - 1, CHART_HEIGHT - 1), WHITE));

  cairo_surface_destroy (surface);
}

static void
test_background_dark (void)
{
  g_autoptr(PalierComparison) comparison = small_comparison ();
  PalierChartStyle style = { .dark = TRUE };
  cairo_surface_t *surface = draw (comparison, &style, CHART_WIDTH, CHART_HEIGHT);
  g_autoptr(GArray) gains = find_bands (surface, DARK_GREEN);

  g_assert_true (pixel_is (pixel_at (surface, 0, 0), DARK_GREY));
  g_assert_cmpuint (gains->len, ==, 2);

  cairo_surface_destroy (surface);
}

static void
test_background_transparent (void)
{
  g_autoptr(PalierComparison) comparison = small_comparison ();
  PalierChartStyle style = { .transparent = TRUE };
  cairo_surface_t *surface = draw (comparison, &style, CHART_WIDTH, CHART_HEIGHT);

  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_no_change_draws_no_bar (void)
{
  g_autoptr(PalierComparison) comparison = comparison_new ();
  cairo_surface_t *surface;
  g_autoptr(GArray) gains = NULL;
  g_autoptr(GArray) losses = NULL;

  add_row (comparison, "P1", 100, 100);
  add_row (comparison, "P2", 0, 0);
  surface = draw (comparison, NULL, CHART_WIDTH, CHART_HEIGHT);
  gains = find_bands (surface, GREEN);
  losses = find_bands (surface, RED);

  g_assert_cmpuint (gains->len, ==, 0);
  g_assert_cmpuint (losses->len, ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_empty_comparison (void)
{
  g_autoptr(PalierComparison) comparison = comparison_new ();
  cairo_surface_t *surface = draw (comparison, NULL, CHART_WIDTH, CHART_HEIGHT);
  g_autoptr(GArray) gains = find_bands (surface, GREEN);

  g_assert_cmpuint (gains->len, ==, 0);
  g_assert_true (pixel_is (pixel_at (surface, 0, 0), WHITE));

  cairo_surface_destroy (surface);
}

static void
test_many_partners_capped (void)
{
  g_autoptr(PalierComparison) comparison = many_comparison (30, 30);
  cairo_surface_t *surface = draw (comparison, NULL, CHART_WIDTH, 900);
  g_autoptr(GArray) gains = find_bands (surface, GREEN);
  g_autoptr(GArray) losses = find_bands (surface, RED);

  /* At most 20 bars, shared equally when both sides have enough. */
  g_assert_cmpuint (gains->len, ==, 10);
  g_assert_cmpuint (losses->len, ==, 10);

  /* The largest of each are shown: the top gain is 300, the last gain
   * shown 210; the bottom loss is 300. */
  g_assert_cmpint (ABS (10 * band_length (gains, 9) - 7 * band_length (gains, 0)), <=, 10);
  g_assert_cmpint (ABS (band_length (losses, 9) - band_length (gains, 0)), <=, 2);

  cairo_surface_destroy (surface);
}

static void
test_one_sided_takes_all_bars (void)
{
  g_autoptr(PalierComparison) comparison = many_comparison (30, 2);
  cairo_surface_t *surface = draw (comparison, NULL, CHART_WIDTH, 900);
  g_autoptr(GArray) gains = find_bands (surface, GREEN);
  g_autoptr(GArray) losses = find_bands (surface, RED);

  g_assert_cmpuint (gains->len, ==, 18);
  g_assert_cmpuint (losses->len, ==, 2);

  cairo_surface_destroy (surface);
}

static void
test_short_chart_fewer_bars (void)
{
  g_autoptr(PalierComparison) comparison = many_comparison (30, 30);
  cairo_surface_t *surface = draw (comparison, NULL, CHART_WIDTH, 200);
  g_autoptr(GArray) gains = find_bands (surface, GREEN);
  g_autoptr(GArray) losses = find_bands (surface, RED);

  g_assert_cmpuint (gains->len, >, 0);
  g_assert_cmpuint (losses->len, >, 0);
  g_assert_cmpuint (gains->len + losses->len, <, 20);
  g_assert_cmpint ((int) gains->len - (int) losses->len, <=, 1);

  cairo_surface_destroy (surface);
}

static void
test_tiny_chart_draws_nothing_wrong (void)
{
  g_autoptr(PalierComparison) comparison = small_comparison ();
  cairo_surface_t *surface = draw (comparison, NULL, 40, 30);
  g_autoptr(GArray) gains = find_bands (surface, GREEN);

  g_assert_cmpuint (gains->len, ==, 0);

  cairo_surface_destroy (surface);
}

/* Files */

static void
draw_comparison (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  palier_chart_draw_differences (cr, width, height, user_data, NULL);
}

static void
test_export_formats (void)
{
  static const struct {
    const char        *name;
    PalierImageFormat  format;
    const char        *magic;
    gsize              magic_length;
  } formats[] = {
    { "differences.png", PALIER_IMAGE_PNG, "\x89PNG\r\n\x1a\n", 8 },
    { "differences.svg", PALIER_IMAGE_SVG, "<?xml", 5 },
    { "differences.pdf", PALIER_IMAGE_PDF, "%PDF-", 5 },
  };
  g_autoptr(PalierComparison) comparison = small_comparison ();
  g_autofree char *dir = palier_test_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      gboolean ok;

      ok = palier_chart_export (path, formats[i].format, CHART_WIDTH, CHART_HEIGHT,
                                draw_comparison, comparison, &error);
      g_assert_no_error (error);
      g_assert_true (ok);

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, formats[i].magic_length);
      g_assert_cmpmem (contents, formats[i].magic_length, formats[i].magic,
                       formats[i].magic_length);
    }
}

static void
test_export_svg_colours (void)
{
  g_autoptr(PalierComparison) comparison = small_comparison ();
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "differences.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  palier_chart_export (path, PALIER_IMAGE_SVG, CHART_WIDTH, CHART_HEIGHT,
                       draw_comparison, comparison, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  /* cairo writes text as glyph outlines, so the bars are found by their
   * fill colours: green (#33d17a) for gains and red (#e01b24) for
   * losses. */
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "rgb(20%,81.960784%,47.843137%)"));
  g_assert_nonnull (strstr (contents, "rgb(87.843137%,10.588235%,14.117647%)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/chart-differences/bars/lengths-and-sides", test_bars_lengths_and_sides);
  g_test_add_func ("/chart-differences/bars/no-change", test_no_change_draws_no_bar);
  g_test_add_func ("/chart-differences/bars/many-capped", test_many_partners_capped);
  g_test_add_func ("/chart-differences/bars/one-sided", test_one_sided_takes_all_bars);
  g_test_add_func ("/chart-differences/bars/short-chart", test_short_chart_fewer_bars);
  g_test_add_func ("/chart-differences/style/light", test_background_light);
  g_test_add_func ("/chart-differences/style/dark", test_background_dark);
  g_test_add_func ("/chart-differences/style/transparent", test_background_transparent);
  g_test_add_func ("/chart-differences/message/empty", test_empty_comparison);
  g_test_add_func ("/chart-differences/message/tiny", test_tiny_chart_draws_nothing_wrong);
  g_test_add_func ("/chart-differences/export/formats", test_export_formats);
  g_test_add_func ("/chart-differences/export/svg-colours", test_export_svg_colours);

  return g_test_run ();
}
