/* test-chart.c: payout curve, periods and distribution charts, exports */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "palier.h"
#include "palier-test.h"

#define D(units) palier_decimal_from_int (units)
#define MILLI(thousandths) ((PalierDecimal) (thousandths) * 1000)

#define CHART_WIDTH  800
#define CHART_HEIGHT 500

/* Test data */

static PalierProgram *
build_superstore_program (void)
{
  PalierProgram *program = palier_program_new ("superstore-2017",
                                                "Superstore partner program 2017");
  PalierSegmentQuota corporate = { g_strdup ("Corporate"), D (1500) };
  PalierComponent *component;

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  program->period = PALIER_PERIOD_QUARTER;
  program->has_quota = TRUE;
  program->quota = D (1000);
  g_array_append_val (program->segment_quotas, corporate);

  component = palier_component_new (PALIER_COMPONENT_COMMISSION, "base", "Base commission");
  component->basis = PALIER_BASIS_ATTAINMENT;
  component->method = PALIER_METHOD_MARGINAL;
  palier_component_add_tier (component, 0, MILLI (40));
  palier_component_add_tier (component, D (1), MILLI (70));
  palier_component_add_tier (component, D (2), MILLI (100));
  component->has_cap = TRUE;
  component->cap = D (900);
  g_ptr_array_add (program->components, component);

  component = palier_component_new (PALIER_COMPONENT_COMMISSION, "tech-spiff", "Technology SPIFF");
  component->basis = PALIER_BASIS_AMOUNT;
  component->method = PALIER_METHOD_RETROACTIVE;
  palier_filter_add_value (&component->filter, PALIER_FILTER_CATEGORY, "Technology");
  component->filter.start = palier_date_from_ymd (2017, 3, 1);
  component->filter.end = palier_date_from_ymd (2017, 5, 31);
  palier_component_add_tier (component, 0, MILLI (10));
  palier_component_add_tier (component, D (2000), MILLI (20));
  g_ptr_array_add (program->components, component);

  component = palier_component_new (PALIER_COMPONENT_BONUS, "club", "Quota club");
  component->basis = PALIER_BASIS_ATTAINMENT;
  palier_component_add_level (component, D (1), D (25));
  palier_component_add_level (component, MILLI (1500), D (60));
  g_ptr_array_add (program->components, component);

  return program;
}

static PalierComponent *
program_component (PalierProgram *program,
                   guint          index)
{
  return g_ptr_array_index (program->components, index);
}

static PalierDecimal
round_cents (double amount)
{
  return (PalierDecimal) llround (amount * 100) * (PALIER_DECIMAL_ONE / 100);
}

/* A gaussian draw, for sales that look like a real channel's. */
static double
random_normal (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-9, 1);
  double v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

static PalierDecimal
payout_of (const PalierComponent *component,
           PalierDecimal          base,
           PalierDecimal          quota,
           const char            *segment)
{
  PalierPayoutInput input = {
    .base = base,
    .has_quota = TRUE,
    .quota = quota,
    .segment = segment,
    .minor_digits = 2,
  };
  PalierDecimal payout = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (palier_payout_compute (component, &input, &payout, NULL, &error));
  g_assert_no_error (error);
  return payout;
}

static void
free_period_total (gpointer data)
{
  PalierPeriodTotal *total = data;

  g_free (total->label);
  g_free (total->component_payouts);
}

static void
free_partner (gpointer data)
{
  PalierPartnerResult *partner = data;

  g_free (partner->partner);
  g_free (partner->name);
  g_free (partner->segment);
  g_free (partner->component_payouts);
  g_free (partner);
}

static void
free_result (PalierResult *result)
{
  g_clear_pointer (&result->program, palier_program_unref);
  g_free (result->component_totals);
  g_clear_pointer (&result->partners, g_ptr_array_unref);
  g_clear_pointer (&result->period_totals, g_array_unref);
  g_free (result);
}

/* Results built here are freed field by field, not by the engine. */
typedef PalierResult TestResult;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestResult, free_result)

/* An empty result of @program: no partner, no period. */
static PalierResult *
new_result (PalierProgram *program)
{
  PalierResult *result = g_new0 (PalierResult, 1);

  result->ref_count = 1;
  result->program = palier_program_ref (program);
  result->minor_digits = 2;
  result->n_components = program->components->len;
  result->component_totals = g_new0 (PalierDecimal, result->n_components);
  result->partners = g_ptr_array_new_with_free_func (free_partner);
  result->period_totals = g_array_new (FALSE, TRUE, sizeof (PalierPeriodTotal));
  g_array_set_clear_func (result->period_totals, free_period_total);

  return result;
}

static void
add_period (PalierResult *result,
            const char   *label)
{
  PalierPeriodTotal total = { 0 };

  total.index = result->period_totals->len;
  total.label = g_strdup (label);
  total.component_payouts = g_new0 (PalierDecimal, result->n_components);
  g_array_append_val (result->period_totals, total);
}

static PalierPartnerResult *
add_partner (PalierResult *result,
             const char   *segment)
{
  PalierPartnerResult *partner = g_new0 (PalierPartnerResult, 1);

  partner->partner = g_strdup_printf ("P-%04u", result->partners->len + 1);
  partner->name = g_strdup_printf ("Partner %u", result->partners->len + 1);
  partner->segment = g_strdup (segment);
  partner->component_payouts = g_new0 (PalierDecimal, result->n_components);
  g_ptr_array_add (result->partners, partner);

  return partner;
}

static void
add_payout (PalierResult        *result,
            PalierPartnerResult *partner,
            guint                period,
            guint                component,
            PalierDecimal        payout)
{
  PalierPeriodTotal *total = &g_array_index (result->period_totals, PalierPeriodTotal, period);

  total->component_payouts[component] += payout;
  total->payout += payout;
  partner->component_payouts[component] += payout;
  partner->payout += payout;
  result->component_totals[component] += payout;
  result->total_payout += payout;
}

/* Twelve quarters of the Superstore program for @n_partners partners with
 * sales drawn around the quota; one partner in six never sells. */
static PalierResult *
build_superstore_result (guint n_partners)
{
  static const char *segments[] = { "Consumer", "Corporate", "Home Office" };
  g_autoptr(PalierProgram) program = build_superstore_program ();
  PalierResult *result = new_result (program);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170101);

  for (int year = 2015; year <= 2017; year++)
    for (int quarter = 1; quarter <= 4; quarter++)
      {
        g_autofree char *label = g_strdup_printf ("%d-Q%d", year, quarter);

        add_period (result, label);
      }

  for (guint i = 0; i < n_partners; i++)
    {
      const char *segment = segments[g_rand_int_range (rand, 0, 3)];
      PalierPartnerResult *partner = add_partner (result, segment);
      PalierDecimal quota = g_str_equal (segment, "Corporate") ? D (1500) : D (1000);
      double scale = exp (0.5 * random_normal (rand));
      gboolean sells = g_rand_int_range (rand, 0, 6) != 0;

      for (guint period = 0; period < result->period_totals->len && sells; period++)
        {
          double growth = 1 + 0.04 * period;
          double sales = 900 * scale * growth * exp (0.35 * random_normal (rand));
          PalierDecimal base = round_cents (sales);
          PalierDecimal technology = round_cents (sales * 0.3);

          add_payout (result, partner, period, 0,
                      payout_of (program_component (program, 0), base, quota, segment));
          if (period == 8 || period == 9)
            add_payout (result, partner, period, 1,
                        payout_of (program_component (program, 1), technology, quota, segment));
          add_payout (result, partner, period, 2,
                      payout_of (program_component (program, 2), base, quota, segment));
        }
    }

  return result;
}

/* The program built above is the Superstore acceptance program. */
static void
test_chart_superstore_program (void)
{
  g_autofree char *path = palier_test_shared_path ("acceptance/programs/superstore-quarterly.xml");
  g_autoptr(PalierProgram) from_file = NULL;
  g_autoptr(PalierProgram) built = build_superstore_program ();
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("the shared acceptance programs are not available");
      return;
    }

  from_file = palier_program_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (from_file, built));
}

/* Drawing through palier_chart_export() */

typedef struct {
  PalierChartKind         kind;
  const PalierCurveSpec  *spec;
  const PalierResult     *result;
  PalierChartStyle        style;
} ChartJob;

static void
draw_job (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  const ChartJob *job = user_data;

  switch (job->kind)
    {
    case PALIER_CHART_PAYOUT_CURVE:
      palier_chart_draw_payout_curve (cr, width, height, job->spec, &job->style);
      break;
    case PALIER_CHART_PERIODS:
      palier_chart_draw_periods (cr, width, height, job->result, &job->style);
      break;
    case PALIER_CHART_DISTRIBUTION:
      palier_chart_draw_distribution (cr, width, height, job->result, &job->style);
      break;
    default:
      g_assert_not_reached ();
    }
}

static cairo_surface_t *
render_job (const ChartJob *job)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw_job (cr, CHART_WIDTH, CHART_HEIGHT, (gpointer) job);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Pixels */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + y * stride + 4 * x);
}

static gboolean
pixel_is_near (guint32 pixel,
               guint32 rgb,
               int     tolerance)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) (pixel >> shift & 0xff) - (int) (rgb >> shift & 0xff)) > tolerance)
      return FALSE;
  return (pixel >> 24) == 0xff;
}

/* Pixels in the rectangle, clamped to the surface, that are within
 * @tolerance of @rgb (or that differ from it, with @differ). */
static guint
count_pixels (cairo_surface_t *surface,
              double           x,
              double           y,
              double           width,
              double           height,
              guint32          rgb,
              int              tolerance,
              gboolean         differ)
{
  int x0 = MAX (0, (int) floor (x));
  int y0 = MAX (0, (int) floor (y));
  int x1 = MIN (cairo_image_surface_get_width (surface), (int) ceil (x + width));
  int y1 = MIN (cairo_image_surface_get_height (surface), (int) ceil (y + height));
  guint count = 0;

  for (int j = y0; j < y1; j++)
    for (int i = x0; i < x1; i++)
      if (pixel_is_near (pixel_at (surface, i, j), rgb, tolerance) != differ)
        count++;

  return count;
}

#define BLUE      0x3584e4
#define WHITE     0xffffff
#define DARK_GREY 0x242424

/* Files */

static void
check_png_file (const char *path,
                int         width,
                int         height)
{
  static const char magic[] = "\x89PNG\r\n\x1a\n";
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, magic, 8);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  /* Something in the middle of the chart is not background. */
  cairo_surface_flush (surface);
  g_assert_cmpuint (count_pixels (surface, width * 0.2, height * 0.2,
                                  width * 0.6, height * 0.6,
                                  pixel_at (surface, 0, 0) & 0xffffff, 8, TRUE),
                    >, 500);
  cairo_surface_destroy (surface);
}

static void
check_svg_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));
}

/* Page objects: "/Type /Page" not followed by "s" (which would make it
 * the page tree, "/Type /Pages"). */
static guint
count_pdf_pages (const char *contents,
                 gsize       length)
{
  static const char needle[] = "/Type /Page";
  const char *end = contents + length;
  const char *at = contents;
  guint pages = 0;

  while ((at = memmem (at, end - at, needle, strlen (needle))) != NULL)
    {
      at += strlen (needle);
      if (at >= end || *at != 's')
        pages++;
    }

  return pages;
}

static void
check_pdf_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

/* Writes @job as PNG, SVG and PDF into @dir as @name.* and checks each
 * file. */
static void
export_and_check (const ChartJob *job,
                  const char     *dir,
                  const char     *name)
{
  static const struct {
    const char        *extension;
    PalierImageFormat  format;
  } formats[] = {
    { "png", PALIER_IMAGE_PNG },
    { "svg", PALIER_IMAGE_SVG },
    { "pdf", PALIER_IMAGE_PDF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.%s", name, formats[i].extension);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (palier_chart_export (path, formats[i].format, CHART_WIDTH, CHART_HEIGHT,
                                          draw_job, (gpointer) job, &error));
      g_assert_no_error (error);

      switch (formats[i].format)
        {
        case PALIER_IMAGE_PNG:
          check_png_file (path, CHART_WIDTH, CHART_HEIGHT);
          break;
        case PALIER_IMAGE_SVG:
          check_svg_file (path);
          break;
        case PALIER_IMAGE_PDF:
          check_pdf_file (path);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Kinds and formats */

static void
test_chart_kind_strings (void)
{
  static const PalierChartKind kinds[] = {
    PALIER_CHART_PAYOUT_CURVE, PALIER_CHART_PERIODS, PALIER_CHART_DISTRIBUTION,
  };
  PalierChartKind kind;

  g_assert_cmpstr (palier_chart_kind_to_string (PALIER_CHART_PAYOUT_CURVE), ==, "payout-curve");
  g_assert_cmpstr (palier_chart_kind_to_string (PALIER_CHART_PERIODS), ==, "periods");
  g_assert_cmpstr (palier_chart_kind_to_string (PALIER_CHART_DISTRIBUTION), ==, "distribution");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (palier_chart_kind_from_string (palier_chart_kind_to_string (kinds[i]),
                                                    &kind));
      g_assert_cmpint (kind, ==, kinds[i]);
    }

  g_assert_false (palier_chart_kind_from_string ("histogram", &kind));
  g_assert_false (palier_chart_kind_from_string ("", &kind));
  g_assert_false (palier_chart_kind_from_string ("Periods", &kind));
}

static void
test_chart_image_format (void)
{
  PalierImageFormat format = PALIER_IMAGE_PDF;

  g_assert_true (palier_image_format_from_path ("chart.png", &format));
  g_assert_cmpint (format, ==, PALIER_IMAGE_PNG);
  g_assert_true (palier_image_format_from_path ("/tmp/out/Chart.SVG", &format));
  g_assert_cmpint (format, ==, PALIER_IMAGE_SVG);
  g_assert_true (palier_image_format_from_path ("report.v2.Pdf", &format));
  g_assert_cmpint (format, ==, PALIER_IMAGE_PDF);

  g_assert_false (palier_image_format_from_path ("chart", &format));
  g_assert_false (palier_image_format_from_path ("chart.jpeg", &format));
  g_assert_false (palier_image_format_from_path ("chart.png.txt", &format));
  g_assert_false (palier_image_format_from_path ("charts.png/summary", &format));
  g_assert_false (palier_image_format_from_path (".png", &format));
  g_assert_false (palier_image_format_from_path ("chart.", &format));
}

/* Exports of each chart */

static void
test_chart_export_curve (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autofree char *dir = palier_test_tmp_dir ();

  for (guint i = 0; i < program->components->len; i++)
    {
      PalierCurveSpec spec = { program, program_component (program, i), NULL, 0 };
      ChartJob job = { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, { 0 } };
      g_autofree char *name = g_strdup_printf ("curve-%u", i);

      export_and_check (&job, dir, name);
    }

  /* Three files per chart and no temporary file left behind. */
  g_assert_cmpuint (count_files (dir), ==, 3 * program->components->len);
}

static void
test_chart_export_periods (void)
{
  g_autoptr(TestResult) result = build_superstore_result (800);
  g_autofree char *dir = palier_test_tmp_dir ();
  ChartJob job = { PALIER_CHART_PERIODS, NULL, result, { 0 } };

  export_and_check (&job, dir, "periods");
  g_assert_cmpuint (count_files (dir), ==, 3);
}

static void
test_chart_export_distribution (void)
{
  g_autoptr(TestResult) result = build_superstore_result (800);
  g_autofree char *dir = palier_test_tmp_dir ();
  ChartJob job = { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } };

  export_and_check (&job, dir, "distribution");
  g_assert_cmpuint (count_files (dir), ==, 3);
}

static void
test_chart_export_replaces (void)
{
  g_autoptr(TestResult) result = build_superstore_result (50);
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  ChartJob job = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_error (error);

  g_assert_true (palier_chart_export (path, PALIER_IMAGE_PNG, 320, 200, draw_job, &job, &error));
  g_assert_no_error (error);
  check_png_file (path, 320, 200);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_chart_export_fractional_size (void)
{
  g_autoptr(TestResult) result = build_superstore_result (50);
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  ChartJob job = { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } };
  g_autoptr(GError) error = NULL;

  g_assert_true (palier_chart_export (path, PALIER_IMAGE_PNG, 400.25, 300.5, draw_job, &job,
                                      &error));
  g_assert_no_error (error);
  check_png_file (path, 401, 301);
}

static void
test_chart_export_missing_dir (void)
{
  g_autoptr(TestResult) result = build_superstore_result (10);
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "chart.pdf", NULL);
  ChartJob job = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_chart_export (path, PALIER_IMAGE_PDF, 400, 300, draw_job, &job,
                                       &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
}

/* A drawing that leaves cairo in an error state. */
static void
draw_broken (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  cairo_restore (cr);
}

static void
test_chart_export_cairo_error (void)
{
  static const PalierImageFormat formats[] = {
    PALIER_IMAGE_PNG, PALIER_IMAGE_SVG, PALIER_IMAGE_PDF,
  };
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (palier_chart_export (path, formats[i], 100, 100, draw_broken, NULL,
                                           &error));
      g_assert_error (error, PALIER_CHART_ERROR, PALIER_CHART_ERROR_RENDER);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpuint (count_files (dir), ==, 0);
    }
}

/* Payout curve */

/* Payout at the boundary's base, as the engine computes it. */
static double
payout_at_boundary (const PalierProgram   *program,
                    const PalierComponent *component,
                    PalierDecimal          boundary)
{
  PalierDecimal quota = program->has_quota ? program->quota : 0;
  PalierDecimal base = boundary;

  if (component->basis == PALIER_BASIS_ATTAINMENT)
    base = (PalierDecimal) (palier_decimal_mul_wide (boundary, quota) / PALIER_DECIMAL_ONE);
  return palier_decimal_to_double (payout_of (component, base, quota, NULL));
}

static double
layout_x_value (const PalierCurveLayout *layout,
                double                   screen_x)
{
  return layout->x_min + (screen_x - layout->plot_x) / layout->plot_width *
         (layout->x_max - layout->x_min);
}

static double
layout_y_value (const PalierCurveLayout *layout,
                double                   screen_y)
{
  return layout->y_min + (layout->plot_y + layout->plot_height - screen_y) /
         layout->plot_height * (layout->y_max - layout->y_min);
}

static double
layout_screen_y (const PalierCurveLayout *layout,
                 double                   payout)
{
  return layout->plot_y + layout->plot_height -
         (payout - layout->y_min) / (layout->y_max - layout->y_min) * layout->plot_height;
}

static double
layout_screen_x (const PalierCurveLayout *layout,
                 double                   base)
{
  return layout->plot_x + (base - layout->x_min) / (layout->x_max - layout->x_min) *
         layout->plot_width;
}

/* Each handle maps back to its boundary and to the engine's payout
 * there. */
static void
check_handles (const PalierProgram   *program,
               const PalierComponent *component,
               guint                  expected_handles)
{
  PalierCurveSpec spec = { program, component, NULL, 0 };
  PalierCurveLayout layout;
  guint first = component->kind == PALIER_COMPONENT_BONUS ? 0 : 1;

  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  g_assert_cmpuint (layout.n_handles, ==, expected_handles);
  g_assert_cmpfloat (layout.x_min, ==, 0);
  g_assert_cmpfloat (layout.plot_width, >, CHART_WIDTH / 2);
  g_assert_cmpfloat (layout.plot_height, >, CHART_HEIGHT / 2);
  g_assert_cmpfloat (layout.plot_x + layout.plot_width, <=, CHART_WIDTH);
  g_assert_cmpfloat (layout.plot_y + layout.plot_height, <=, CHART_HEIGHT);

  for (guint i = 0; i < layout.n_handles; i++)
    {
      PalierDecimal boundary;
      double expected_payout;

      if (component->kind == PALIER_COMPONENT_BONUS)
        boundary = g_array_index (component->levels, PalierLevel, i + first).min;
      else
        boundary = g_array_index (component->tiers, PalierTier, i + first).from;
      expected_payout = payout_at_boundary (program, component, boundary);

      g_assert_cmpfloat_with_epsilon (layout_x_value (&layout, layout.handle_x[i]),
                                      palier_decimal_to_double (boundary), 1e-9);
      g_assert_cmpfloat_with_epsilon (layout_y_value (&layout, layout.handle_y[i]),
                                      expected_payout, 1e-9 * layout.y_max);
      g_assert_cmpfloat (layout.handle_x[i], >, layout.plot_x);
      g_assert_cmpfloat (layout.handle_x[i], <, layout.plot_x + layout.plot_width);
    }

  palier_curve_layout_clear (&layout);
  g_assert_null (layout.handle_x);
  g_assert_null (layout.handle_y);
}

static void
test_chart_curve_handle_payouts (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();

  check_handles (program, program_component (program, 0), 2);
  check_handles (program, program_component (program, 1), 1);
  check_handles (program, program_component (program, 2), 2);
}

static void
test_chart_curve_superstore_values (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  PalierCurveSpec spec = { program, program_component (program, 0), NULL, 0 };
  PalierCurveLayout layout;

  /* Quota 1,000: 4 % up to 100 % pays 40.00, and 7 % of the next 1,000
   * brings 200 % to 110.00.  The range ends at 300 %. */
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  g_assert_cmpuint (layout.n_handles, ==, 2);
  g_assert_cmpfloat_with_epsilon (layout.x_max, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout_y_value (&layout, layout.handle_y[0]), 40.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout_y_value (&layout, layout.handle_y[1]), 110.0, 1e-6);
  g_assert_cmpfloat (layout.y_max, >=, 210.0);
  palier_curve_layout_clear (&layout);
}

static PalierComponent *
amount_commission (PalierMethod method)
{
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION,
                                                      "resale", "Resale commission");

  component->method = method;
  palier_component_add_tier (component, 0, MILLI (50));
  palier_component_add_tier (component, D (1000), MILLI (80));
  palier_component_add_tier (component, D (2000), MILLI (100));
  return component;
}

static void
test_chart_curve_handles_move_right (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("p", "Program");
  PalierComponent *component = amount_commission (PALIER_METHOD_MARGINAL);
  PalierCurveSpec spec = { program, component, NULL, 0 };
  PalierCurveLayout before, after;

  g_ptr_array_add (program->components, component);

  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &before);
  g_array_index (component->tiers, PalierTier, 1).from = D (1200);
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &after);

  g_assert_cmpuint (before.n_handles, ==, 2);
  g_assert_cmpuint (after.n_handles, ==, 2);
  g_assert_cmpfloat (after.handle_x[0], >, before.handle_x[0] + 1);
  g_assert_cmpfloat_with_epsilon (after.handle_x[1], before.handle_x[1], 1e-9);
  g_assert_cmpfloat_with_epsilon (after.x_max, before.x_max, 1e-9);

  /* Marginal: at 1,200 the first tier has paid 5 % of 1,200 = 60.00. */
  g_assert_cmpfloat_with_epsilon (layout_y_value (&before, before.handle_y[0]), 50.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout_y_value (&after, after.handle_y[0]), 60.0, 1e-6);

  palier_curve_layout_clear (&before);
  palier_curve_layout_clear (&after);
}

static void
test_chart_curve_retroactive_jump (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("p", "Program");
  PalierComponent *component = amount_commission (PALIER_METHOD_RETROACTIVE);
  PalierCurveSpec spec = { program, component, NULL, 0 };
  ChartJob job = { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, { 0 } };
  PalierCurveLayout layout;
  cairo_surface_t *surface;
  double below, at, middle;

  g_ptr_array_add (program->components, component);
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  surface = render_job (&job);

  /* Just below 1,000 the base earns 5 % (50.00), and at 1,000 all of it
   * earns 8 % (80.00), so the curve climbs straight up between the two. */
  g_assert_cmpfloat_with_epsilon (layout_y_value (&layout, layout.handle_y[0]), 80.0, 1e-6);
  below = layout_screen_y (&layout, 50.0);
  at = layout_screen_y (&layout, 80.0);
  middle = (below + at) / 2;
  g_assert_cmpfloat (below - at, >, 10);
  g_assert_cmpuint (count_pixels (surface, layout.handle_x[0] - 2, middle - 1, 4, 2,
                                  BLUE, 40, FALSE), >, 0);

  /* Halfway through the first tier the curve is at 5 % of 500. */
  g_assert_cmpuint (count_pixels (surface, layout_screen_x (&layout, 500) - 1,
                                  layout_screen_y (&layout, 25.0) - 1, 2, 2,
                                  BLUE, 40, FALSE), >, 0);

  cairo_surface_destroy (surface);
  palier_curve_layout_clear (&layout);
}

static void
test_chart_curve_cap_flat_top (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("p", "Program");
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION,
                                                     "flat", "Flat commission");
  PalierCurveSpec spec = { program, component, NULL, 0 };
  ChartJob job = { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, { 0 } };
  PalierCurveLayout layout;
  cairo_surface_t *surface;
  double right;

  palier_component_add_tier (component, 0, MILLI (100));
  component->has_cap = TRUE;
  component->cap = D (150);
  g_ptr_array_add (program->components, component);

  /* One tier and no quota: the base runs to 10,000; 10 % reaches the cap
   * of 150.00 at 1,500 and stays there. */
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  g_assert_cmpuint (layout.n_handles, ==, 0);
  g_assert_cmpfloat_with_epsilon (layout.x_max, 10000, 1e-6);
  g_assert_cmpfloat (layout.y_max, >=, 150);

  surface = render_job (&job);
  right = layout.plot_x + layout.plot_width;
  g_assert_cmpuint (count_pixels (surface, right - 6, layout_screen_y (&layout, 150) - 1, 4, 2,
                                  BLUE, 40, FALSE), >, 0);
  g_assert_cmpuint (count_pixels (surface, layout_screen_x (&layout, 3000) - 1,
                                  layout_screen_y (&layout, 150) - 1, 2, 2,
                                  BLUE, 40, FALSE), >, 0);
  g_assert_cmpuint (count_pixels (surface, layout_screen_x (&layout, 750) - 1,
                                  layout_screen_y (&layout, 75) - 1, 2, 2,
                                  BLUE, 40, FALSE), >, 0);

  cairo_surface_destroy (surface);
  palier_curve_layout_clear (&layout);
}

static void
test_chart_curve_gate (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("p", "Program");
  PalierComponent *component = amount_commission (PALIER_METHOD_MARGINAL);
  PalierCurveSpec spec = { program, component, NULL, 0 };
  ChartJob job = { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, { 0 } };
  PalierCurveLayout layout;
  cairo_surface_t *surface;

  component->has_gate = TRUE;
  component->gate = D (500);
  g_ptr_array_add (program->components, component);

  /* Nothing below the gate, then 5 % of the whole base: 25.00 at 500. */
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  surface = render_job (&job);
  g_assert_cmpuint (count_pixels (surface, layout_screen_x (&layout, 250) - 1,
                                  layout_screen_y (&layout, 0) - 2, 2, 3,
                                  BLUE, 40, FALSE), >, 0);
  g_assert_cmpuint (count_pixels (surface, layout_screen_x (&layout, 250) - 1,
                                  layout_screen_y (&layout, 12.5) - 1, 2, 2,
                                  BLUE, 40, FALSE), ==, 0);
  g_assert_cmpuint (count_pixels (surface, layout_screen_x (&layout, 750) - 1,
                                  layout_screen_y (&layout, 37.5) - 1, 2, 2,
                                  BLUE, 40, FALSE), >, 0);

  cairo_surface_destroy (surface);
  palier_curve_layout_clear (&layout);
}

static void
check_curve_message (const PalierProgram   *program,
                     const PalierComponent *component)
{
  PalierCurveSpec spec = { program, component, NULL, 0 };
  ChartJob job = { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, { 0 } };
  PalierCurveLayout layout;
  cairo_surface_t *surface;

  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  g_assert_cmpuint (layout.n_handles, ==, 0);
  g_assert_null (layout.handle_x);
  g_assert_cmpfloat (layout.x_max, ==, 1);
  palier_curve_layout_clear (&layout);

  /* The message is drawn in the middle. */
  surface = render_job (&job);
  g_assert_cmpuint (count_pixels (surface, 0, CHART_HEIGHT * 0.4, CHART_WIDTH, CHART_HEIGHT * 0.2,
                                  WHITE, 8, TRUE), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_chart_curve_messages (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("p", "Program");
  PalierComponent *deal = palier_component_new (PALIER_COMPONENT_DEAL_BONUS, "deal", "Deals");
  PalierComponent *empty = palier_component_new (PALIER_COMPONENT_COMMISSION, "empty", "Empty");
  PalierComponent *no_levels = palier_component_new (PALIER_COMPONENT_BONUS, "club", "Club");
  PalierComponent *attainment = amount_commission (PALIER_METHOD_MARGINAL);

  /* Without a name, the title falls back to the component's id. */
  g_clear_pointer (&empty->name, g_free);
  attainment->basis = PALIER_BASIS_ATTAINMENT;
  g_ptr_array_add (program->components, deal);
  g_ptr_array_add (program->components, empty);
  g_ptr_array_add (program->components, no_levels);
  g_ptr_array_add (program->components, attainment);

  check_curve_message (program, deal);
  check_curve_message (program, empty);
  check_curve_message (program, no_levels);

  /* Attainment basis in a program without a quota. */
  check_curve_message (program, attainment);
}

static void
test_chart_curve_segment_quota (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  PalierCurveSpec spec = { program, program_component (program, 0), "Corporate", 0 };
  PalierCurveLayout layout;

  /* Corporate quota 1,500: 100 % is 1,500 of sales, paying 4 % = 60.00. */
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  g_assert_cmpuint (layout.n_handles, ==, 2);
  g_assert_cmpfloat_with_epsilon (layout_y_value (&layout, layout.handle_y[0]), 60.0, 1e-6);
  palier_curve_layout_clear (&layout);

  /* An explicit quota wins over the program's. */
  spec.quota = D (500);
  palier_chart_payout_curve_layout (CHART_WIDTH, CHART_HEIGHT, &spec, NULL, &layout);
  g_assert_cmpfloat_with_epsilon (layout_y_value (&layout, layout.handle_y[0]), 20.0, 1e-6);
  palier_curve_layout_clear (&layout);
}

/* The layout of a tiny or huge chart stays inside it. */
static void
test_chart_curve_sizes (void)
{
  static const double sizes[][2] = { { 120, 90 }, { 320, 200 }, { 2400, 1600 } };
  g_autoptr(PalierProgram) program = build_superstore_program ();
  PalierCurveSpec spec = { program, program_component (program, 0), NULL, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      PalierCurveLayout layout;
      cairo_surface_t *surface;
      cairo_t *cr;

      palier_chart_payout_curve_layout (sizes[i][0], sizes[i][1], &spec, NULL, &layout);
      g_assert_cmpfloat (layout.plot_width, >=, 1);
      g_assert_cmpfloat (layout.plot_height, >=, 1);
      g_assert_cmpfloat (layout.plot_x, >=, 0);
      g_assert_cmpfloat (layout.plot_y, >=, 0);
      palier_curve_layout_clear (&layout);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0], sizes[i][1]);
      cr = cairo_create (surface);
      palier_chart_draw_payout_curve (cr, sizes[i][0], sizes[i][1], &spec, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Periods and distribution */

static void
test_chart_empty_results (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autoptr(TestResult) result = new_result (program);
  ChartJob periods = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  ChartJob distribution = { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } };
  cairo_surface_t *surface;

  surface = render_job (&periods);
  g_assert_cmpuint (count_pixels (surface, 0, CHART_HEIGHT * 0.4, CHART_WIDTH, CHART_HEIGHT * 0.2,
                                  WHITE, 8, TRUE), >, 100);
  cairo_surface_destroy (surface);

  surface = render_job (&distribution);
  g_assert_cmpuint (count_pixels (surface, 0, CHART_HEIGHT * 0.4, CHART_WIDTH, CHART_HEIGHT * 0.2,
                                  WHITE, 8, TRUE), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_chart_distribution_all_zero (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autoptr(TestResult) result = new_result (program);
  ChartJob job = { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } };
  cairo_surface_t *surface;

  add_partner (result, NULL);
  add_partner (result, "Consumer");

  surface = render_job (&job);
  g_assert_cmpuint (count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, BLUE, 40, FALSE),
                    ==, 0);
  g_assert_cmpuint (count_pixels (surface, 0, CHART_HEIGHT * 0.4, CHART_WIDTH, CHART_HEIGHT * 0.2,
                                  WHITE, 8, TRUE), >, 100);
  cairo_surface_destroy (surface);
}

/* One partner, one period: a single bar and a single bin. */
static void
test_chart_single_partner (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autoptr(TestResult) result = new_result (program);
  ChartJob periods = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  ChartJob distribution = { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } };
  PalierPartnerResult *partner;
  cairo_surface_t *surface;

  add_period (result, "2017-Q1");
  partner = add_partner (result, "Consumer");
  add_payout (result, partner, 0, 0, D (40));

  surface = render_job (&periods);
  g_assert_cmpuint (count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, BLUE, 10, FALSE),
                    >, 1000);
  cairo_surface_destroy (surface);

  surface = render_job (&distribution);
  g_assert_cmpuint (count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, BLUE, 10, FALSE),
                    >, 1000);
  cairo_surface_destroy (surface);
}

/* A clawback below zero stacks down from the zero line. */
static void
test_chart_periods_negative (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autoptr(TestResult) result = new_result (program);
  ChartJob job = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  PalierPartnerResult *partner;
  cairo_surface_t *surface;
  guint top_half, bottom_half;

  add_period (result, "2017-Q1");
  add_period (result, "2017-Q2");
  partner = add_partner (result, "Consumer");
  add_payout (result, partner, 0, 0, D (100));
  add_payout (result, partner, 1, 0, D (-100));

  surface = render_job (&job);
  top_half = count_pixels (surface, 0, 0, CHART_WIDTH / 2, CHART_HEIGHT, BLUE, 10, FALSE);
  bottom_half = count_pixels (surface, CHART_WIDTH / 2, 0, CHART_WIDTH / 2, CHART_HEIGHT,
                              BLUE, 10, FALSE);
  g_assert_cmpuint (top_half, >, 1000);
  g_assert_cmpuint (bottom_half, >, 1000);
  cairo_surface_destroy (surface);
}

/* Two hundred periods: labels are thinned out, and nothing breaks. */
static void
test_chart_periods_crowded (void)
{
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autoptr(TestResult) result = new_result (program);
  ChartJob job = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  PalierPartnerResult *partner = add_partner (result, "Consumer");
  cairo_surface_t *surface;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u-%02u", 2000 + i / 12, i % 12 + 1);

      add_period (result, label);
      add_payout (result, partner, i, i % 3, D (100 + i));
    }

  surface = render_job (&job);
  g_assert_cmpuint (count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, BLUE, 10, FALSE),
                    >, 100);
  cairo_surface_destroy (surface);
}

/* Styles */

static void
test_chart_style_backgrounds (void)
{
  g_autoptr(TestResult) result = build_superstore_result (100);
  ChartJob job = { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } };
  cairo_surface_t *surface;

  surface = render_job (&job);
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0xff000000 | WHITE);
  g_assert_cmphex (pixel_at (surface, CHART_WIDTH - 1, CHART_HEIGHT - 1), ==, 0xff000000 | WHITE);
  cairo_surface_destroy (surface);

  job.style.dark = TRUE;
  surface = render_job (&job);
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0xff000000 | DARK_GREY);
  cairo_surface_destroy (surface);

  job.style.transparent = TRUE;
  surface = render_job (&job);
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_chart_style_title (void)
{
  g_autoptr(TestResult) result = build_superstore_result (100);
  ChartJob plain = { PALIER_CHART_PERIODS, NULL, result, { 0 } };
  ChartJob titled = { PALIER_CHART_PERIODS, NULL, result, { .title = "" } };
  cairo_surface_t *surface;
  guint plain_ink, titled_ink;

  /* An empty title leaves the top-left corner blank. */
  surface = render_job (&plain);
  plain_ink = count_pixels (surface, 0, 0, CHART_WIDTH / 2, 30, WHITE, 8, TRUE);
  cairo_surface_destroy (surface);
  surface = render_job (&titled);
  titled_ink = count_pixels (surface, 0, 0, CHART_WIDTH / 2, 30, WHITE, 8, TRUE);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (plain_ink, >, 100);
  g_assert_cmpuint (titled_ink, <, plain_ink);
}

/* French numbers ("1 000,00 $") are wider than English ones: every chart
 * still draws its plot. */
static void
test_chart_french_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(TestResult) result = build_superstore_result (200);
  PalierCurveSpec spec = { result->program, program_component (result->program, 0), NULL, 0 };
  ChartJob jobs[] = {
    { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, { 0 } },
    { PALIER_CHART_PERIODS, NULL, result, { 0 } },
    { PALIER_CHART_DISTRIBUTION, NULL, result, { 0 } },
  };

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      cairo_surface_t *surface = render_job (&jobs[i]);

      g_assert_cmpuint (count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, BLUE, 10, FALSE),
                        >, 1000);
      cairo_surface_destroy (surface);
    }

  setlocale (LC_ALL, saved);
}

/* Every chart in light and dark as PNG, SVG and PDF, in the folder named
 * by PALIER_CHART_RENDER_DIR when set, for people to look at. */
static void
test_chart_gallery (void)
{
  const char *render_dir = g_getenv ("PALIER_CHART_RENDER_DIR");
  g_autofree char *dir = render_dir != NULL ? g_strdup (render_dir) : palier_test_tmp_dir ();
  g_autoptr(PalierProgram) program = build_superstore_program ();
  g_autoptr(TestResult) result = build_superstore_result (800);
  PalierComponent *gated = amount_commission (PALIER_METHOD_RETROACTIVE);

  gated->has_gate = TRUE;
  gated->gate = D (500);
  gated->has_cap = TRUE;
  gated->cap = D (230);
  g_ptr_array_add (program->components, gated);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *shade = dark ? "dark" : "light";
      PalierChartStyle style = { .dark = dark };
      ChartJob periods = { PALIER_CHART_PERIODS, NULL, result, style };
      ChartJob distribution = { PALIER_CHART_DISTRIBUTION, NULL, result, style };
      g_autofree char *periods_name = g_strdup_printf ("periods-%s", shade);
      g_autofree char *distribution_name = g_strdup_printf ("distribution-%s", shade);

      for (guint i = 0; i < program->components->len; i++)
        {
          PalierComponent *component = program_component (program, i);
          PalierCurveSpec spec = { program, component, NULL, 0 };
          ChartJob curve = { PALIER_CHART_PAYOUT_CURVE, &spec, NULL, style };
          g_autofree char *name = g_strdup_printf ("curve-%s-%s", component->id, shade);

          export_and_check (&curve, dir, name);
        }
      export_and_check (&periods, dir, periods_name);
      export_and_check (&distribution, dir, distribution_name);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/chart/data/superstore-program", test_chart_superstore_program);
  g_test_add_func ("/chart/kind/strings", test_chart_kind_strings);
  g_test_add_func ("/chart/image-format/from-path", test_chart_image_format);

  g_test_add_func ("/chart/export/curve", test_chart_export_curve);
  g_test_add_func ("/chart/export/periods", test_chart_export_periods);
  g_test_add_func ("/chart/export/distribution", test_chart_export_distribution);
  g_test_add_func ("/chart/export/replaces", test_chart_export_replaces);
  g_test_add_func ("/chart/export/fractional-size", test_chart_export_fractional_size);
  g_test_add_func ("/chart/export/missing-dir", test_chart_export_missing_dir);
  g_test_add_func ("/chart/export/cairo-error", test_chart_export_cairo_error);

  g_test_add_func ("/chart/curve/handle-payouts", test_chart_curve_handle_payouts);
  g_test_add_func ("/chart/curve/superstore-values", test_chart_curve_superstore_values);
  g_test_add_func ("/chart/curve/handles-move-right", test_chart_curve_handles_move_right);
  g_test_add_func ("/chart/curve/retroactive-jump", test_chart_curve_retroactive_jump);
  g_test_add_func ("/chart/curve/cap-flat-top", test_chart_curve_cap_flat_top);
  g_test_add_func ("/chart/curve/gate", test_chart_curve_gate);
  g_test_add_func ("/chart/curve/messages", test_chart_curve_messages);
  g_test_add_func ("/chart/curve/segment-quota", test_chart_curve_segment_quota);
  g_test_add_func ("/chart/curve/sizes", test_chart_curve_sizes);

  g_test_add_func ("/chart/data/empty", test_chart_empty_results);
  g_test_add_func ("/chart/distribution/all-zero", test_chart_distribution_all_zero);
  g_test_add_func ("/chart/data/single-partner", test_chart_single_partner);
  g_test_add_func ("/chart/periods/negative", test_chart_periods_negative);
  g_test_add_func ("/chart/periods/crowded", test_chart_periods_crowded);

  g_test_add_func ("/chart/style/backgrounds", test_chart_style_backgrounds);
  g_test_add_func ("/chart/style/title", test_chart_style_title);
  g_test_add_func ("/chart/locale/french", test_chart_french_locale);
  g_test_add_func ("/chart/gallery", test_chart_gallery);

  return g_test_run ();
}
