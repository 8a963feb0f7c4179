/* palier-axis.c: axis bounds and ticks with a 1-2-5 step
 *
 * The step is the smallest value of 1, 2 or 5 times a power of ten for
 * which the loose bounds (the multiples of the step just outside the
 * data) need at most max_ticks ticks.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include "palier-chart.h"

/* Slack, in steps, when rounding data values to multiples of the step, so
 * that 0.3 / 0.1 = 2.9999999999999996 counts as the multiple 3. */
#define TICK_EPSILON 1e-9

static double
step_from_mantissa (int    mantissa,
                    int    exponent)
{
  /* Dividing by an exact power of ten gives the double nearest to 0.1 or
   * 0.2, but multiplying by 1e-1 can be one bit off. */
  if (exponent < 0)
    return mantissa / pow (10.0, -exponent);
  return mantissa * pow (10.0, exponent);
}

static void
fit_step (double      low,
          double      high,
          double      step,
          PalierAxis *axis)
{
  double first = floor (low / step + TICK_EPSILON);
  double last = ceil (high / step - TICK_EPSILON);

  axis->min = first * step;
  axis->max = last * step;
  axis->step = step;
  axis->n_ticks = (guint) (last - first) + 1;
}

/* Widens a single value into a range: [v - p, v + p] with p the power of
 * ten at or below |v|, or [0, 1] for zero. */
static void
widen_single_value (double *low,
                    double *high)
{
  double value = *low;
  double power;

  if (value == 0.0)
    {
      *low = 0.0;
      *high = 1.0;
      return;
    }

  power = pow (10.0, floor (log10 (fabs (value))));
  *low = value - power;
  *high = value + power;
}

/**
 * palier_axis_compute:
 *
 * Fills @axis with loose bounds for [@data_min, @data_max] (swapped when
 * given in the wrong order).  When the range crosses zero, it needs at
 * least three ticks (one below zero, zero and one above), so @axis gets
 * three even when @max_ticks is 2.  A range of a single value v is shown
 * as [v - p, v + p] with p the power of ten at or below |v|, and [0, 1]
 * for zero.  NaN or infinite data is rejected and leaves [0, 1].
 */
void
palier_axis_compute (double      data_min,
                     double      data_max,
                     guint       max_ticks,
                     gboolean    include_zero,
                     PalierAxis *axis)
{
  double low, high, largest, raw_step;
  int exponent;

  g_return_if_fail (axis != NULL);

  *axis = (PalierAxis) { .min = 0.0, .max = 1.0, .step = 1.0, .n_ticks = 2 };

  g_return_if_fail (isfinite (data_min));
  g_return_if_fail (isfinite (data_max));
  g_return_if_fail (max_ticks >= 2);

  low = MIN (data_min, data_max);
  high = MAX (data_min, data_max);
  if (include_zero)
    {
      low = MIN (low, 0.0);
      high = MAX (high, 0.0);
    }
  if (low == high)
    widen_single_value (&low, &high);

  /* No step below the raw step fits, so start at its power of ten.  Once
   * the step reaches the largest magnitude the tick count is at its
   * minimum (two, or three across zero) and cannot drop further. */
  largest = MAX (fabs (low), fabs (high));
  raw_step = high / (max_ticks - 1) - low / (max_ticks - 1);
  exponent = (int) floor (log10 (raw_step));

  for (;;)
    {
      static const int mantissas[] = { 1, 2, 5 };

      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          double step = step_from_mantissa (mantissas[i], exponent);

          fit_step (low, high, step, axis);
          if (axis->n_ticks <= max_ticks || step >= largest)
            return;
        }
      exponent++;
    }
}
