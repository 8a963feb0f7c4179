/* test-axis.c: axis bounds and 1-2-5 ticks */

#include "config.h"

#include <math.h>

#include "palier.h"
#include "palier-test.h"

typedef struct {
  double   data_min;
  double   data_max;
  guint    max_ticks;
  gboolean include_zero;
  double   min;
  double   max;
  double   step;
  guint    n_ticks;
} AxisCase;

/* Each expected axis was worked out by hand: the smallest 1-2-5 step whose
 * loose bounds need at most max_ticks ticks. */
static const AxisCase axis_cases[] = {
  /* Plain positive ranges. */
  { 0, 100, 6, FALSE, 0, 100, 20, 6 },
  { 0, 95, 6, FALSE, 0, 100, 20, 6 },
  { 3, 97, 11, FALSE, 0, 100, 10, 11 },
  { 12, 87, 8, FALSE, 0, 100, 20, 6 },
  { 12, 87, 5, FALSE, 0, 100, 50, 3 },
  { 0, 1, 11, FALSE, 0, 1, 0.1, 11 },
  { 0.3, 0.7, 5, FALSE, 0.3, 0.7, 0.1, 5 },
  { 0.0012, 0.0047, 6, FALSE, 0.001, 0.005, 0.001, 5 },
  { 1234567, 9876543, 6, TRUE, 0, 1e7, 2e6, 6 },
  { 150, 480, 4, FALSE, 0, 600, 200, 4 },
  { 150, 480, 3, TRUE, 0, 500, 500, 2 },

  /* Negative ranges and ranges across zero. */
  { -35, 72, 6, FALSE, -50, 100, 50, 4 },
  { -80, -20, 5, FALSE, -80, -20, 20, 4 },
  { -80, -20, 5, TRUE, -80, 0, 20, 5 },
  { -3, 7, 2, FALSE, -10, 10, 10, 3 },

  /* Bounds given in the wrong order. */
  { 100, 0, 6, FALSE, 0, 100, 20, 6 },

  /* A single value. */
  { 0, 0, 5, FALSE, 0, 1, 0.5, 3 },
  { 0, 0, 5, TRUE, 0, 1, 0.5, 3 },
  { 5, 5, 5, FALSE, 4, 6, 0.5, 5 },
  { 5, 5, 5, TRUE, 0, 6, 2, 4 },
  { -5, -5, 5, FALSE, -6, -4, 0.5, 5 },
  { 250, 250, 6, FALSE, 150, 350, 50, 5 },

  /* Two ticks: the step covers the whole range. */
  { 3, 7, 2, FALSE, 0, 10, 10, 2 },
};

static void
test_axis_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_cases); i++)
    {
      const AxisCase *c = &axis_cases[i];
      PalierAxis axis;
      double tolerance = c->step * 1e-9;

      g_test_message ("case %u: [%g, %g], %u ticks, zero %d",
                      i, c->data_min, c->data_max, c->max_ticks,
                      c->include_zero);
      palier_axis_compute (c->data_min, c->data_max, c->max_ticks,
                           c->include_zero, &axis);

      g_assert_cmpfloat_with_epsilon (axis.min, c->min, tolerance);
      g_assert_cmpfloat_with_epsilon (axis.max, c->max, tolerance);
      g_assert_cmpfloat_with_epsilon (axis.step, c->step, tolerance);
      g_assert_cmpuint (axis.n_ticks, ==, c->n_ticks);
    }
}

/* Properties that every axis must have, over many ranges. */
static void
test_axis_invariants (void)
{
  static const double values[] = {
    -1e6, -12345.678, -250, -1, -0.004, 0, 0.001, 0.5, 1, 7, 99.99, 100,
    101, 4321.5, 1e5, 3.3e7,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = i; j < G_N_ELEMENTS (values); j++)
      for (guint max_ticks = 3; max_ticks <= 12; max_ticks++)
        {
          PalierAxis axis;
          double exponent, mantissa;
          double tolerance;

          palier_axis_compute (values[i], values[j], max_ticks, FALSE, &axis);
          tolerance = axis.step * 1e-9;

          g_assert_cmpfloat (axis.step, >, 0);
          g_assert_cmpfloat (axis.min, <=, values[i] + tolerance);
          g_assert_cmpfloat (axis.max, >=, values[j] - tolerance);
          g_assert_cmpuint (axis.n_ticks, <=, max_ticks);
          g_assert_cmpuint (axis.n_ticks, >=, 2);
          g_assert_cmpfloat_with_epsilon (axis.min + (axis.n_ticks - 1) * axis.step,
                                          axis.max, tolerance * axis.n_ticks);
          g_assert_cmpfloat_with_epsilon (axis.min / axis.step,
                                          round (axis.min / axis.step), 1e-6);

          exponent = floor (log10 (axis.step) + 1e-9);
          mantissa = round (axis.step / pow (10, exponent));
          g_assert_true (mantissa == 1 || mantissa == 2 || mantissa == 5);
        }
}

static void
test_axis_include_zero (void)
{
  PalierAxis axis;

  palier_axis_compute (40, 90, 6, TRUE, &axis);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 100);

  palier_axis_compute (-90, -40, 6, TRUE, &axis);
  g_assert_cmpfloat (axis.min, ==, -100);
  g_assert_cmpfloat (axis.max, ==, 0);
}

static void
test_axis_rejects_nan (void)
{
  PalierAxis axis = { 0 };

  g_test_expect_message ("Palier", G_LOG_LEVEL_CRITICAL, "*isfinite*");
  palier_axis_compute (NAN, 10, 5, FALSE, &axis);
  g_test_assert_expected_messages ();

  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
  g_assert_cmpuint (axis.n_ticks, ==, 2);
}

static void
test_axis_rejects_infinity (void)
{
  PalierAxis axis = { 0 };

  g_test_expect_message ("Palier", G_LOG_LEVEL_CRITICAL, "*isfinite*");
  palier_axis_compute (0, INFINITY, 5, FALSE, &axis);
  g_test_assert_expected_messages ();

  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
}

static void
test_axis_rejects_one_tick (void)
{
  PalierAxis axis = { 0 };

  g_test_expect_message ("Palier", G_LOG_LEVEL_CRITICAL, "*max_ticks*");
  palier_axis_compute (0, 10, 1, FALSE, &axis);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (axis.n_ticks, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/axis/compute/table", test_axis_table);
  g_test_add_func ("/axis/compute/invariants", test_axis_invariants);
  g_test_add_func ("/axis/compute/include-zero", test_axis_include_zero);
  g_test_add_func ("/axis/compute/nan", test_axis_rejects_nan);
  g_test_add_func ("/axis/compute/infinity", test_axis_rejects_infinity);
  g_test_add_func ("/axis/compute/one-tick", test_axis_rejects_one_tick);

  return g_test_run ();
}
