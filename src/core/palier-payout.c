/* palier-payout.c: payout of one component for one partner and period
 *
 * Positions along the base are compared at scale 10^-12, where both an
 * amount boundary (from × 10^6) and an attainment boundary (from × quota)
 * are exact, so "base >= from × quota" never rounds.  A slice at 10^-12
 * times a rate or per-unit value at 10^-6 gives an exact amount at
 * 10^-18.  The interpolated method keeps its amount as a fraction.  Every
 * payout is rounded once, at the end.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-payout.h"

#define WIDE_E6  ((PalierWide) PALIER_DECIMAL_ONE)
#define WIDE_E12 (WIDE_E6 * WIDE_E6)

G_DEFINE_QUARK (palier-payout-error-quark, palier_payout_error)

/* A payout in millionths of the currency, num × factor / den (den > 0),
 * so that the interpolated method can be rounded exactly once. */
typedef struct {
  PalierWide num;
  PalierWide factor;
  PalierWide den;
} ExactAmount;

/* The component and partner being computed, with the base at 10^-12. */
typedef struct {
  const PalierComponent   *component;
  const PalierPayoutInput *input;
  PalierWide               base12;
  GArray                  *steps;
} PayoutContext;

static PalierDecimal
find_override (GArray        *overrides,
               const char    *segment,
               PalierDecimal  value)
{
  if (overrides == NULL || segment == NULL)
    return value;

  for (guint i = 0; i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);

      if (g_strcmp0 (override->segment, segment) == 0)
        return override->value;
    }
  return value;
}

PalierDecimal
palier_tier_value_for_segment (const PalierTier *tier,
                               const char       *segment)
{
  g_return_val_if_fail (tier != NULL, 0);

  return find_override (tier->overrides, segment, tier->value);
}

PalierDecimal
palier_level_amount_for_segment (const PalierLevel *level,
                                 const char        *segment)
{
  g_return_val_if_fail (level != NULL, 0);

  return find_override (level->overrides, segment, level->amount);
}

static ExactAmount
exact_from_scale18 (PalierWide amount18)
{
  ExactAmount exact = { amount18, 1, WIDE_E12 };

  return exact;
}

static ExactAmount
exact_from_decimal (PalierDecimal amount)
{
  ExactAmount exact = { amount, 1, 1 };

  return exact;
}

static gboolean
exact_exceeds (const ExactAmount *exact,
               PalierDecimal      limit)
{
  return palier_wide_compare_products (exact->num, exact->factor, limit, exact->den) > 0;
}

static gboolean
exact_round (const ExactAmount *exact,
             int                decimals,
             PalierDecimal     *out)
{
  PalierWide step = 1;
  PalierWide den;
  PalierWide rounded;

  for (int i = decimals; i < PALIER_DECIMAL_DIGITS; i++)
    step *= 10;

  if (__builtin_mul_overflow (exact->den, step, &den) ||
      !palier_wide_mul_div_round (exact->num, exact->factor, den, &rounded))
    return FALSE;

  return palier_wide_round (rounded, decimals, decimals, out);
}

/* Returns the amount at scale 10^-18 for a step, rounded when the amount
 * is a fraction with a finer denominator. */
static PalierWide
exact_to_scale18 (const ExactAmount *exact)
{
  PalierWide scaled;
  PalierWide amount18 = 0;

  if (!__builtin_mul_overflow (exact->num, WIDE_E12, &scaled))
    palier_wide_mul_div_round (scaled, exact->factor, exact->den, &amount18);
  else if (!__builtin_mul_overflow (exact->factor, WIDE_E12, &scaled))
    palier_wide_mul_div_round (exact->num, scaled, exact->den, &amount18);

  return amount18;
}

/* Converts a position at 10^-12 to a PalierDecimal for display, rounding
 * and clamping to the range. */
static PalierDecimal
scale12_to_decimal (PalierWide value)
{
  PalierDecimal out;

  if (palier_wide_round (value, 12, PALIER_DECIMAL_DIGITS, &out))
    return out;
  return value < 0 ? PALIER_DECIMAL_MIN : PALIER_DECIMAL_MAX;
}

static void
add_step (PayoutContext        *context,
          PalierPayoutStepKind  kind,
          guint                 index,
          PalierDecimal         from,
          PalierDecimal         to,
          PalierDecimal         value,
          PalierWide            amount)
{
  PalierPayoutStep step = { kind, index, from, to, value, amount };

  if (context->steps != NULL)
    g_array_append_val (context->steps, step);
}

/* Position of a boundary in basis units at scale 10^-12: the amount
 * itself, or the attainment fraction times the quota.  Never overflows,
 * because both factors are below 2^63. */
static PalierWide
boundary_scale12 (const PayoutContext *context,
                  PalierDecimal        from)
{
  if (context->component->basis == PALIER_BASIS_ATTAINMENT)
    return palier_decimal_mul_wide (from, context->input->quota);
  return palier_decimal_mul_wide (from, PALIER_DECIMAL_ONE);
}

static const PalierTier *
tier_at (const PalierComponent *component,
         guint                  index)
{
  return &g_array_index (component->tiers, PalierTier, index);
}

static guint
n_tiers (const PalierComponent *component)
{
  return component->tiers != NULL ? component->tiers->len : 0;
}

static guint
n_levels (const PalierComponent *component)
{
  return component->levels != NULL ? component->levels->len : 0;
}

static PalierDecimal
tier_value (const PayoutContext *context,
            guint                index)
{
  return palier_tier_value_for_segment (tier_at (context->component, index),
                                        context->input->segment);
}

/* Highest tier whose boundary the base reaches (a base on a boundary
 * belongs to the upper tier), or -1. */
static int
reached_tier (const PayoutContext *context)
{
  int reached = -1;

  for (guint i = 0; i < n_tiers (context->component); i++)
    {
      if (context->base12 >= boundary_scale12 (context, tier_at (context->component, i)->from))
        reached = (int) i;
    }
  return reached;
}

static int
reached_level (const PayoutContext *context)
{
  const PalierComponent *component = context->component;
  int reached = -1;

  for (guint i = 0; i < n_levels (component); i++)
    {
      const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);

      if (context->base12 >= boundary_scale12 (context, level->min))
        reached = (int) i;
    }
  return reached;
}

static gboolean
gate_reached (const PayoutContext *context)
{
  const PalierComponent *component = context->component;

  return !component->has_gate ||
         context->base12 >= boundary_scale12 (context, component->gate);
}

static gboolean
set_overflow_error (const PayoutContext  *context,
                    GError              **error)
{
  char base[PALIER_DECIMAL_BUFSIZE];

  g_set_error (error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_OVERFLOW,
               _("Component “%s”: the payout for base %s is too large to compute; check the tiers and the quota"),
               context->component->id,
               palier_decimal_format_exact (context->input->base, base));
  return FALSE;
}

/* Sums each slice of the base between two boundaries at its tier's value. */
static gboolean
compute_marginal (PayoutContext *context,
                  ExactAmount   *out)
{
  guint count = n_tiers (context->component);
  PalierWide total18 = 0;

  for (guint i = 0; i < count; i++)
    {
      PalierWide lower = boundary_scale12 (context, tier_at (context->component, i)->from);
      PalierWide top = context->base12;
      PalierDecimal value = tier_value (context, i);
      PalierWide amount18;

      if (top <= lower)
        break;
      if (i + 1 < count)
        top = MIN (top, boundary_scale12 (context, tier_at (context->component, i + 1)->from));
      if (top <= lower)
        continue;

      if (__builtin_mul_overflow (top - lower, (PalierWide) value, &amount18) ||
          __builtin_add_overflow (total18, amount18, &total18))
        return FALSE;

      add_step (context, PALIER_STEP_TIER, i, scale12_to_decimal (lower),
                scale12_to_decimal (top), value, amount18);
    }

  *out = exact_from_scale18 (total18);
  return TRUE;
}

/* Pays the whole base at the value of the highest tier reached. */
static gboolean
compute_retroactive (PayoutContext *context,
                     ExactAmount   *out)
{
  int reached = reached_tier (context);
  PalierDecimal value;
  PalierWide amount18;

  if (reached < 0)
    {
      *out = exact_from_scale18 (0);
      return TRUE;
    }

  value = tier_value (context, reached);
  if (__builtin_mul_overflow (context->base12, (PalierWide) value, &amount18))
    return FALSE;

  add_step (context, PALIER_STEP_TIER, reached, 0, context->input->base, value, amount18);
  *out = exact_from_scale18 (amount18);
  return TRUE;
}

/* Pays the whole base at the rate interpolated between the points at
 * positions T[i] <= base < T[i+1] with values R[i], R[i+1]:
 *   rate = (R[i] dT + dR (base - T[i])) / dT, with dT = T[i+1] - T[i],
 * kept as the fraction base × rate_num / (10^6 dT) in millionths. */
static gboolean
compute_interpolated (PayoutContext *context,
                      ExactAmount   *out)
{
  int reached = reached_tier (context);
  guint i = (guint) reached;
  PalierWide lower;
  PalierWide span;
  PalierWide rate_num;
  PalierWide rise;
  PalierDecimal rate;
  PalierWide rate_wide;

  if (reached < 0)
    {
      *out = exact_from_scale18 (0);
      return TRUE;
    }

  /* At or above the last point: its rate, like a retroactive tier.  A
   * component built by hand may have NULL tiers, which count as none:
   * then nothing is reached, and ">=" states that no tier follows
   * without relying on it. */
  if (i + 1 >= n_tiers (context->component))
    return compute_retroactive (context, out);

  lower = boundary_scale12 (context, tier_at (context->component, i)->from);
  span = boundary_scale12 (context, tier_at (context->component, i + 1)->from) - lower;

  /* base12 < T[i+1] and base12 >= T[i], so span > 0. */
  g_assert (span > 0);

  if (__builtin_mul_overflow ((PalierWide) tier_value (context, i), span, &rate_num) ||
      __builtin_mul_overflow ((PalierWide) tier_value (context, i + 1) - tier_value (context, i),
                              context->base12 - lower, &rise) ||
      __builtin_add_overflow (rate_num, rise, &rate_num))
    return FALSE;

  out->num = context->input->base;
  out->factor = rate_num;
  if (__builtin_mul_overflow (span, WIDE_E6, &out->den))
    return FALSE;

  /* The rate in the step is for display only. */
  if (!palier_wide_mul_div_round (rate_num, 1, span, &rate_wide) ||
      !palier_wide_round (rate_wide, PALIER_DECIMAL_DIGITS, PALIER_DECIMAL_DIGITS, &rate))
    rate = 0;

  add_step (context, PALIER_STEP_TIER, i, 0, context->input->base, rate,
            exact_to_scale18 (out));
  return TRUE;
}

/* Handles a base of zero or below: nothing, or under clawback a negative
 * payout of base × the first tier's value. */
static gboolean
compute_negative (PayoutContext *context,
                  ExactAmount   *out)
{
  const PalierComponent *component = context->component;
  PalierDecimal value = 0;
  PalierWide amount18 = 0;

  if (component->kind == PALIER_COMPONENT_COMMISSION &&
      component->negative == PALIER_NEGATIVE_CLAWBACK &&
      context->input->base < 0 && n_tiers (component) > 0)
    {
      value = tier_value (context, 0);
      if (__builtin_mul_overflow (context->base12, (PalierWide) value, &amount18))
        return FALSE;
    }

  add_step (context, PALIER_STEP_NEGATIVE, 0, context->input->base, 0, value, amount18);
  *out = exact_from_scale18 (amount18);
  return TRUE;
}

static gboolean
compute_commission (PayoutContext *context,
                    ExactAmount   *out)
{
  switch (context->component->method)
    {
    case PALIER_METHOD_MARGINAL:
      return compute_marginal (context, out);
    case PALIER_METHOD_RETROACTIVE:
      return compute_retroactive (context, out);
    case PALIER_METHOD_INTERPOLATED:
      return compute_interpolated (context, out);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Pays the amount of the highest level reached; levels do not add up. */
static void
compute_bonus (PayoutContext *context,
               ExactAmount   *out)
{
  int reached = reached_level (context);
  const PalierLevel *level;
  PalierDecimal amount;

  if (reached < 0)
    {
      *out = exact_from_decimal (0);
      return;
    }

  level = &g_array_index (context->component->levels, PalierLevel, reached);
  amount = palier_level_amount_for_segment (level, context->input->segment);

  add_step (context, PALIER_STEP_LEVEL, reached,
            scale12_to_decimal (boundary_scale12 (context, level->min)),
            context->input->base, amount,
            palier_decimal_mul_wide (amount, PALIER_DECIMAL_ONE) * WIDE_E6);
  *out = exact_from_decimal (amount);
}

static gboolean
check_quota (const PalierComponent    *component,
             const PalierPayoutInput  *input,
             GError                  **error)
{
  char quota[PALIER_DECIMAL_BUFSIZE];

  if (component->basis != PALIER_BASIS_ATTAINMENT)
    return TRUE;

  if (!input->has_quota)
    {
      g_set_error (error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_NO_QUOTA,
                   _("Component “%s” has an attainment basis but no quota applies to this partner; set a quota on the program, the partner’s segment or the partner"),
                   component->id);
      return FALSE;
    }
  if (input->quota < 0)
    {
      g_set_error (error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_INVALID_QUOTA,
                   _("Component “%s”: invalid quota %s; a quota must be zero or more"),
                   component->id, palier_decimal_format_exact (input->quota, quota));
      return FALSE;
    }
  return TRUE;
}

/* Applies the gate, the method and the cap to a positive base. */
static gboolean
compute_positive (PayoutContext *context,
                  ExactAmount   *out)
{
  const PalierComponent *component = context->component;

  if (!gate_reached (context))
    {
      add_step (context, PALIER_STEP_GATE, 0,
                scale12_to_decimal (boundary_scale12 (context, component->gate)),
                context->input->base, component->gate, 0);
      *out = exact_from_scale18 (0);
      return TRUE;
    }

  if (component->kind == PALIER_COMPONENT_BONUS)
    compute_bonus (context, out);
  else if (!compute_commission (context, out))
    return FALSE;

  if (component->has_cap && exact_exceeds (out, component->cap))
    {
      *out = exact_from_decimal (component->cap);
      add_step (context, PALIER_STEP_CAP, 0, 0, context->input->base, component->cap,
                palier_decimal_mul_wide (component->cap, PALIER_DECIMAL_ONE) * WIDE_E6);
    }
  return TRUE;
}

gboolean
palier_payout_compute (const PalierComponent   *component,
                       const PalierPayoutInput *input,
                       PalierDecimal           *out_payout,
                       GArray                  *steps,
                       GError                 **error)
{
  PayoutContext context = { component, input, 0, steps };
  ExactAmount exact;
  gboolean computed;

  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (component->kind == PALIER_COMPONENT_COMMISSION ||
                        component->kind == PALIER_COMPONENT_BONUS, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (input->minor_digits >= 0 &&
                        input->minor_digits <= PALIER_DECIMAL_DIGITS, FALSE);
  g_return_val_if_fail (out_payout != NULL, FALSE);
  g_return_val_if_fail (steps == NULL ||
                        g_array_get_element_size (steps) == sizeof (PalierPayoutStep), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_quota (component, input, error))
    return FALSE;

  context.base12 = palier_decimal_mul_wide (input->base, PALIER_DECIMAL_ONE);

  if (input->base <= 0)
    computed = compute_negative (&context, &exact);
  else
    computed = compute_positive (&context, &exact);

  if (!computed)
    return set_overflow_error (&context, error);

  if (!exact_round (&exact, input->minor_digits, out_payout))
    return set_overflow_error (&context, error);
  return TRUE;
}

int
palier_payout_reached_index (const PalierComponent   *component,
                             const PalierPayoutInput *input)
{
  PayoutContext context = { component, input, 0, NULL };

  g_return_val_if_fail (component != NULL, -1);
  g_return_val_if_fail (input != NULL, -1);

  if (component->basis == PALIER_BASIS_ATTAINMENT &&
      (!input->has_quota || input->quota < 0))
    return -1;

  context.base12 = palier_decimal_mul_wide (input->base, PALIER_DECIMAL_ONE);

  if (input->base <= 0)
    {
      gboolean clawback = component->kind == PALIER_COMPONENT_COMMISSION &&
                          component->negative == PALIER_NEGATIVE_CLAWBACK &&
                          input->base < 0 && n_tiers (component) > 0;

      return clawback ? 0 : -1;
    }

  if (!gate_reached (&context))
    return -1;

  if (component->kind == PALIER_COMPONENT_BONUS)
    return reached_level (&context);
  return reached_tier (&context);
}
