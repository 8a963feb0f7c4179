/* palier-goal-seek.c: the parameter value that meets a cost target
 *
 * The figure (cost or cost of sales, on history or at a Monte Carlo
 * percentile) is a function of one parameter on a range:
 *
 *   - a tier's rate: 0 to 1; a per-unit value: 0 to 10 times the current
 *     one (or to 1 when it is 0);
 *   - a tier's lower boundary: strictly between its neighbours' (the
 *     last tier's: up to 10 times the current boundary);
 *   - a level's amount, a cap, a deal bonus's amount: 0 to 10 times the
 *     current value, or to 1000 units of the currency when it is 0.
 *
 * Rates and attainment boundaries resolve to 10^-6; money, and
 * boundaries in money or units, to the currency's minor unit.
 *
 * The range is scanned on a grid of GRID_INTERVALS intervals plus the
 * current value.  Every pair of neighbouring grid values whose figures
 * lie on either side of the target (or meet it) brackets a crossing; the
 * bracket nearest the current value is bisected down to one resolution
 * step, which also covers figures that are not monotone.  Of the two
 * values one step apart, the one whose figure is closer to the target
 * wins.  Without a bracket no value meets the target: the result gives
 * the grid value whose figure is closest, and the range of figures seen.
 *
 * Monte Carlo figures use the same seed for every evaluation (common
 * random numbers), so they are a deterministic function of the value.
 * History figures reuse one evaluation, which recomputes only the edited
 * component.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-risk-private.h"
#include "palier-simulate-private.h"
#include "palier-money.h"

#define GRID_INTERVALS 40

/* Upper bound of an amount whose current value is 0, in currency units. */
#define ZERO_AMOUNT_BOUND 1000

/* Parameters */

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_INVALID, message);
  return FALSE;
}

/* The component of @parameter, checked to have the kind and the tier,
 * level or cap it names. */
static PalierComponent *
find_parameter_component (const PalierProgram        *program,
                          const PalierGoalParameter  *parameter,
                          GError                    **error)
{
  PalierComponent *component = palier_program_find_component (program, parameter->component);
  PalierComponentKind expected;
  guint count = 0;

  if (component == NULL)
    {
      set_invalid (error, _("program “%s” has no component “%s”; check the component id"),
                   program->id, parameter->component);
      return NULL;
    }

  switch (parameter->kind)
    {
    case PALIER_GOAL_LEVEL_AMOUNT:
      expected = PALIER_COMPONENT_BONUS;
      count = component->levels != NULL ? component->levels->len : 0;
      break;
    case PALIER_GOAL_DEAL_AMOUNT:
      expected = PALIER_COMPONENT_DEAL_BONUS;
      break;
    case PALIER_GOAL_TIER_RATE:
    case PALIER_GOAL_TIER_FROM:
    case PALIER_GOAL_CAP:
    default:
      expected = PALIER_COMPONENT_COMMISSION;
      count = component->tiers != NULL ? component->tiers->len : 0;
      break;
    }

  if (component->kind != expected)
    {
      set_invalid (error, _("component “%s” is not a %s; this parameter needs one"),
                   component->id,
                   expected == PALIER_COMPONENT_BONUS ? "bonus"
                   : expected == PALIER_COMPONENT_DEAL_BONUS ? "deal-bonus" : "commission");
      return NULL;
    }

  if ((parameter->kind == PALIER_GOAL_TIER_RATE || parameter->kind == PALIER_GOAL_TIER_FROM ||
       parameter->kind == PALIER_GOAL_LEVEL_AMOUNT) && parameter->index >= count)
    {
      set_invalid (error, _("component “%s” has %u tiers or levels, so there is no number %u; number them from 1"),
                   component->id, count, parameter->index + 1);
      return NULL;
    }

  if (parameter->kind == PALIER_GOAL_TIER_FROM && parameter->index == 0)
    {
      set_invalid (error, _("the first tier of component “%s” always starts at 0; choose a later tier"),
                   component->id);
      return NULL;
    }

  if (parameter->kind == PALIER_GOAL_CAP && !component->has_cap)
    {
      set_invalid (error, _("component “%s” has no cap; add one to the program first"),
                   component->id);
      return NULL;
    }

  return component;
}

static PalierDecimal *
parameter_slot (PalierComponent           *component,
                const PalierGoalParameter *parameter)
{
  switch (parameter->kind)
    {
    case PALIER_GOAL_TIER_RATE:
      return &g_array_index (component->tiers, PalierTier, parameter->index).value;
    case PALIER_GOAL_TIER_FROM:
      return &g_array_index (component->tiers, PalierTier, parameter->index).from;
    case PALIER_GOAL_LEVEL_AMOUNT:
      return &g_array_index (component->levels, PalierLevel, parameter->index).amount;
    case PALIER_GOAL_CAP:
      return &component->cap;
    case PALIER_GOAL_DEAL_AMOUNT:
    default:
      return &component->deal_amount;
    }
}

gboolean
palier_goal_parameter_get (const PalierProgram        *program,
                           const PalierGoalParameter  *parameter,
                           PalierDecimal              *out_value,
                           GError                    **error)
{
  PalierComponent *component;

  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (parameter != NULL && parameter->component != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  component = find_parameter_component (program, parameter, error);
  if (component == NULL)
    return FALSE;

  *out_value = *parameter_slot (component, parameter);
  return TRUE;
}

gboolean
palier_goal_parameter_set (PalierProgram              *program,
                           const PalierGoalParameter  *parameter,
                           PalierDecimal               value,
                           GError                    **error)
{
  PalierComponent *component;

  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (parameter != NULL && parameter->component != NULL, FALSE);

  component = find_parameter_component (program, parameter, error);
  if (component == NULL)
    return FALSE;

  *parameter_slot (component, parameter) = value;
  return TRUE;
}

/* The range and resolution step of @parameter, whose value is @current. */
static void
parameter_range (const PalierProgram       *program,
                 const PalierGoalParameter *parameter,
                 PalierDecimal              current,
                 PalierDecimal             *out_min,
                 PalierDecimal             *out_max,
                 PalierDecimal             *out_step)
{
  const PalierComponent *component = palier_program_find_component (program, parameter->component);
  int minor_digits = palier_currency_minor_digits (program->currency);
  PalierDecimal money_step = 1;
  PalierDecimal amount_max;

  for (int d = minor_digits; d < PALIER_DECIMAL_DIGITS; d++)
    money_step *= 10;

  amount_max = current > 0 && current <= PALIER_DECIMAL_MAX / 10 ? 10 * current
               : current > 0 ? PALIER_DECIMAL_MAX : (PalierDecimal) ZERO_AMOUNT_BOUND * PALIER_DECIMAL_ONE;
  *out_min = 0;
  *out_max = amount_max;
  *out_step = money_step;

  if (parameter->kind == PALIER_GOAL_TIER_RATE)
    {
      const PalierTier *tier = &g_array_index (component->tiers, PalierTier, parameter->index);

      if (tier->kind == PALIER_TIER_RATE)
        {
          *out_max = PALIER_DECIMAL_ONE;
          *out_step = 1;
        }
      else if (current == 0)
        *out_max = PALIER_DECIMAL_ONE;
    }
  else if (parameter->kind == PALIER_GOAL_TIER_FROM)
    {
      guint index = parameter->index;
      const PalierTier *tiers = (const PalierTier *) component->tiers->data;

      *out_step = component->basis == PALIER_BASIS_ATTAINMENT ? 1 : money_step;
      *out_min = tiers[index - 1].from + *out_step;
      if (index + 1 < component->tiers->len)
        *out_max = tiers[index + 1].from - *out_step;
      else
        *out_max = MAX (amount_max, *out_min);
    }
}

/* Evaluation of the figure */

typedef struct {
  const PalierBases           *bases;
  const PalierGoalSeekOptions *options;
  PalierProgram               *program;         /* working copy */
  PalierEvaluation            *evaluation;      /* for history */
  PalierRiskModel             *model;           /* for percentiles */
  GCancellable                *cancellable;
  guint                        n_evaluations;
  gboolean                     has_seen;
  PalierDecimal                seen_min;
  PalierDecimal                seen_max;
} Seeker;

static gboolean
evaluate_history (Seeker         *seeker,
                  PalierDecimal  *out_figure,
                  GError        **error)
{
  PalierDecimal sales, payout, non_cash, cost, cost_of_sales;

  if (seeker->evaluation == NULL)
    seeker->evaluation = _palier_evaluation_new (seeker->bases);
  if (!_palier_evaluation_update (seeker->evaluation, seeker->program, seeker->cancellable, error))
    return FALSE;

  _palier_evaluation_get_totals (seeker->evaluation, &sales, &payout, &non_cash, &cost,
                                 &cost_of_sales, NULL, NULL);
  *out_figure = seeker->options->metric == PALIER_GOAL_COST ? cost : cost_of_sales;
  return TRUE;
}

static gboolean
evaluate_percentile (Seeker         *seeker,
                     PalierDecimal  *out_figure,
                     GError        **error)
{
  const PalierGoalSeekOptions *options = seeker->options;
  g_autoptr(PalierMonteCarloResult) result = NULL;
  const PalierRiskStats *stats;

  if (seeker->model == NULL)
    seeker->model = _palier_risk_model_new (seeker->bases, seeker->program, seeker->cancellable, error);
  else if (!_palier_risk_model_update (seeker->model, seeker->program, seeker->cancellable, error))
    return FALSE;
  if (seeker->model == NULL)
    return FALSE;

  result = _palier_risk_model_run (seeker->model, &options->monte_carlo, seeker->cancellable, error);
  if (result == NULL)
    return FALSE;

  stats = options->metric == PALIER_GOAL_COST ? &result->cost : &result->cost_of_sales;
  *out_figure = options->statistic == PALIER_GOAL_ON_P50 ? stats->p50 : stats->p90;
  return TRUE;
}

static gboolean
evaluate (Seeker         *seeker,
          PalierDecimal   value,
          PalierDecimal  *out_figure,
          GError        **error)
{
  gboolean ok;

  palier_goal_parameter_set (seeker->program, &seeker->options->parameter, value, NULL);
  ok = seeker->options->statistic == PALIER_GOAL_ON_HISTORY
       ? evaluate_history (seeker, out_figure, error)
       : evaluate_percentile (seeker, out_figure, error);
  if (!ok)
    return FALSE;

  seeker->n_evaluations++;
  seeker->seen_min = seeker->has_seen ? MIN (seeker->seen_min, *out_figure) : *out_figure;
  seeker->seen_max = seeker->has_seen ? MAX (seeker->seen_max, *out_figure) : *out_figure;
  seeker->has_seen = TRUE;
  return TRUE;
}

static void
seeker_clear (Seeker *seeker)
{
  g_clear_pointer (&seeker->program, palier_program_unref);
  g_clear_pointer (&seeker->evaluation, _palier_evaluation_free);
  g_clear_pointer (&seeker->model, _palier_risk_model_free);
}

/* Search */

typedef struct {
  PalierDecimal value;
  PalierDecimal figure;
} Point;

static int
sign_of (PalierDecimal figure,
         PalierDecimal target)
{
  return figure < target ? -1 : (figure > target ? 1 : 0);
}

static PalierDecimal
distance (PalierDecimal a,
          PalierDecimal b)
{
  return a > b ? a - b : b - a;
}

/* The grid values from @min to @max on multiples of @step from @min,
 * with @original added when it lies inside. */
static GArray *
grid_values (PalierDecimal min,
             PalierDecimal max,
             PalierDecimal step,
             PalierDecimal original)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (PalierDecimal));
  PalierWide n_steps = ((PalierWide) max - min) / step;

  for (guint k = 0; k <= GRID_INTERVALS; k++)
    {
      PalierDecimal value = (PalierDecimal) (min + n_steps * k / GRID_INTERVALS * step);

      if (k == GRID_INTERVALS)
        value = max;
      if (original > (values->len > 0 ? g_array_index (values, PalierDecimal, values->len - 1) : PALIER_DECIMAL_MIN) &&
          original < value)
        g_array_append_val (values, original);
      if (values->len == 0 || g_array_index (values, PalierDecimal, values->len - 1) < value)
        g_array_append_val (values, value);
    }
  return values;
}

/* Index k of the bracket [points[k], points[k + 1]] nearest @original,
 * or -1 when the figure never crosses the target. */
static int
nearest_bracket (const Point   *points,
                 guint          n_points,
                 PalierDecimal  target,
                 PalierDecimal  original)
{
  int best = -1;
  PalierDecimal best_distance = PALIER_DECIMAL_MAX;

  for (guint k = 0; k + 1 < n_points; k++)
    {
      int low = sign_of (points[k].figure, target);
      int high = sign_of (points[k + 1].figure, target);
      PalierDecimal away;

      if (low * high > 0)
        continue;

      if (original >= points[k].value && original <= points[k + 1].value)
        away = 0;
      else
        away = MIN (distance (original, points[k].value), distance (original, points[k + 1].value));

      if (away < best_distance)
        {
          best = (int) k;
          best_distance = away;
        }
    }
  return best;
}

/* Narrows [*low, *high], whose figures lie on either side of the target,
 * down to one step. */
static gboolean
bisect (Seeker         *seeker,
        Point          *low,
        Point          *high,
        PalierDecimal   step,
        GError        **error)
{
  PalierDecimal target = seeker->options->target;

  while (sign_of (low->figure, target) != 0 && sign_of (high->figure, target) != 0 &&
         high->value - low->value > step)
    {
      Point middle;

      middle.value = low->value + (high->value - low->value) / step / 2 * step;
      if (!evaluate (seeker, middle.value, &middle.figure, error))
        return FALSE;

      if (g_cancellable_is_cancelled (seeker->cancellable))
        {
          g_set_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_CANCELLED,
                       _("the goal-seek was cancelled"));
          return FALSE;
        }

      if (sign_of (middle.figure, target) == sign_of (low->figure, target))
        *low = middle;
      else
        *high = middle;
    }
  return TRUE;
}

/* Of two points, the one whose figure is closer to the target, then the
 * one closer to @original. */
static const Point *
closer_point (const Point   *a,
              const Point   *b,
              PalierDecimal  target,
              PalierDecimal  original)
{
  PalierDecimal da = distance (a->figure, target);
  PalierDecimal db = distance (b->figure, target);

  if (da != db)
    return da < db ? a : b;
  return distance (a->value, original) <= distance (b->value, original) ? a : b;
}

static gboolean
search (Seeker                *seeker,
        PalierGoalSeekResult  *result,
        PalierDecimal          step,
        GError               **error)
{
  PalierDecimal target = seeker->options->target;
  g_autoptr(GArray) values = grid_values (result->range_min, result->range_max, step, result->original);
  g_autofree Point *points = g_new0 (Point, values->len);
  const Point *best = NULL;
  Point low, high;
  int bracket;

  for (guint k = 0; k < values->len; k++)
    {
      points[k].value = g_array_index (values, PalierDecimal, k);
      if (!evaluate (seeker, points[k].value, &points[k].figure, error))
        return FALSE;
    }

  result->reachable_min = seeker->seen_min;
  result->reachable_max = seeker->seen_max;

  bracket = nearest_bracket (points, values->len, target, result->original);
  if (bracket < 0)
    {
      best = &points[0];
      for (guint k = 1; k < values->len; k++)
        best = closer_point (best, &points[k], target, result->original);
      result->found = FALSE;
      result->value = best->value;
      result->achieved = best->figure;
      return TRUE;
    }

  low = points[bracket];
  high = points[bracket + 1];
  if (!bisect (seeker, &low, &high, step, error))
    return FALSE;

  best = closer_point (&low, &high, target, result->original);
  result->found = TRUE;
  result->value = best->value;
  result->achieved = best->figure;
  return TRUE;
}

static gboolean
check_options (const PalierBases            *bases,
               const PalierGoalSeekOptions  *options,
               GError                      **error)
{
  if (options->metric == PALIER_GOAL_COST_OF_SALES && options->target < 0)
    return set_invalid (error, _("the cost of sales target must be zero or more"));

  if (options->statistic != PALIER_GOAL_ON_HISTORY && bases->active->len == 0)
    {
      g_set_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_NO_HISTORY,
                   _("the range has no sales to draw from; choose a range with sales"));
      return FALSE;
    }
  return TRUE;
}

PalierGoalSeekResult *
palier_goal_seek (const PalierBases            *bases,
                  const PalierProgram          *program,
                  const PalierGoalSeekOptions  *options,
                  GCancellable                 *cancellable,
                  GError                      **error)
{
  g_autoptr(PalierGoalSeekResult) result = NULL;
  Seeker seeker = { 0 };
  PalierDecimal step;
  gboolean ok;

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (palier_bases_can_simulate (bases, program), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_new0 (PalierGoalSeekResult, 1);
  result->ref_count = 1;
  result->target = options->target;

  if (!check_options (bases, options, error) ||
      !palier_goal_parameter_get (program, &options->parameter, &result->original, error))
    return NULL;
  parameter_range (program, &options->parameter, result->original,
                   &result->range_min, &result->range_max, &step);
  if (result->range_min > result->range_max)
    {
      set_invalid (error, _("tier %u of component “%s” has no room between its neighbours’ boundaries"),
                   options->parameter.index + 1, options->parameter.component);
      return NULL;
    }

  seeker.bases = bases;
  seeker.options = options;
  seeker.program = palier_program_copy (program);
  seeker.cancellable = cancellable;

  ok = search (&seeker, result, step, error);
  result->n_evaluations = seeker.n_evaluations;
  seeker_clear (&seeker);
  if (!ok)
    return NULL;

  result->program = palier_program_copy (program);
  palier_goal_parameter_set (result->program, &options->parameter, result->value, NULL);
  return g_steal_pointer (&result);
}

PalierGoalSeekResult *
palier_goal_seek_result_ref (PalierGoalSeekResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_int_inc (&result->ref_count);
  return result;
}

void
palier_goal_seek_result_unref (PalierGoalSeekResult *result)
{
  if (result == NULL || !g_atomic_int_dec_and_test (&result->ref_count))
    return;

  g_clear_pointer (&result->program, palier_program_unref);
  g_free (result);
}
