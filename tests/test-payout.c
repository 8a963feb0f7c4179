/* test-payout.c: payout arithmetic of commissions and bonuses
 *
 * Every expected value is computed by hand from the tiers in the test.
 */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

/* A decimal from whole units and millionths: D (1, 500000) is 1.5. */
#define D(units, millionths) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE + (millionths))

/* A rate from hundredths of a percent: BP (450) is 4.5 %. */
#define BP(basis_points) ((PalierDecimal) (basis_points) * 100)

/* Cents as a PalierDecimal: C (1020000) is 10 200.00. */
#define C(cents) ((PalierDecimal) (cents) * 10000)

/* Components are built here rather than with palier_component_new(), so
 * that these tests only depend on the payout arithmetic. */
static PalierComponent *
component_new (PalierComponentKind kind,
               PalierBasis         basis,
               PalierMethod        method)
{
  PalierComponent *component = g_new0 (PalierComponent, 1);

  component->kind = kind;
  component->id = g_strdup ("test");
  component->name = g_strdup ("Test component");
  component->basis = basis;
  component->method = method;
  component->negative = PALIER_NEGATIVE_ZERO;
  component->tiers = g_array_new (FALSE, TRUE, sizeof (PalierTier));
  component->levels = g_array_new (FALSE, TRUE, sizeof (PalierLevel));
  return component;
}

static void
overrides_free (GArray *overrides)
{
  if (overrides == NULL)
    return;

  for (guint i = 0; i < overrides->len; i++)
    g_free (g_array_index (overrides, PalierOverride, i).segment);
  g_array_unref (overrides);
}

static void
component_free (PalierComponent *component)
{
  for (guint i = 0; i < component->tiers->len; i++)
    overrides_free (g_array_index (component->tiers, PalierTier, i).overrides);
  for (guint i = 0; i < component->levels->len; i++)
    overrides_free (g_array_index (component->levels, PalierLevel, i).overrides);

  g_array_unref (component->tiers);
  g_array_unref (component->levels);
  g_free (component->id);
  g_free (component->name);
  g_free (component);
}

typedef PalierComponent TestComponent;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestComponent, component_free)

static void
add_tier (PalierComponent *component,
          PalierTierKind   kind,
          PalierDecimal    from,
          PalierDecimal    value)
{
  PalierTier tier = { from, kind, value, NULL };

  g_array_append_val (component->tiers, tier);
}

static void
add_rate (PalierComponent *component,
          PalierDecimal    from,
          PalierDecimal    rate)
{
  add_tier (component, PALIER_TIER_RATE, from, rate);
}

static void
add_level (PalierComponent *component,
           PalierDecimal    min,
           PalierDecimal    amount)
{
  PalierLevel level = { min, amount, NULL };

  g_array_append_val (component->levels, level);
}

static void
add_override (GArray     **overrides,
              const char  *segment,
              PalierDecimal value)
{
  PalierOverride override = { g_strdup (segment), value };

  if (*overrides == NULL)
    *overrides = g_array_new (FALSE, TRUE, sizeof (PalierOverride));
  g_array_append_val (*overrides, override);
}

static PalierPayoutInput
input_amount (PalierDecimal base)
{
  PalierPayoutInput input = { base, FALSE, 0, NULL, 2 };

  return input;
}

static PalierPayoutInput
input_quota (PalierDecimal base,
             PalierDecimal quota)
{
  PalierPayoutInput input = { base, TRUE, quota, NULL, 2 };

  return input;
}

/* Computes a payout that must succeed. */
static PalierDecimal
pay (const PalierComponent   *component,
     const PalierPayoutInput *input)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal payout = G_MAXINT64;
  gboolean ok;

  ok = palier_payout_compute (component, input, &payout, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return payout;
}

static PalierDecimal
pay_amount (const PalierComponent *component,
            PalierDecimal          base)
{
  PalierPayoutInput input = input_amount (base);

  return pay (component, &input);
}

static PalierDecimal
pay_quota (const PalierComponent *component,
           PalierDecimal          base,
           PalierDecimal          quota)
{
  PalierPayoutInput input = input_quota (base, quota);

  return pay (component, &input);
}

static int
reached_amount (const PalierComponent *component,
                PalierDecimal          base)
{
  PalierPayoutInput input = input_amount (base);

  return palier_payout_reached_index (component, &input);
}

/* Tiers 0 → 4 %, 150 000 → 6 %, 250 000 → 8 % on amounts. */
static PalierComponent *
three_tier_commission (PalierMethod method)
{
  PalierComponent *component = component_new (PALIER_COMPONENT_COMMISSION,
                                               PALIER_BASIS_AMOUNT, method);

  add_rate (component, 0, BP (400));
  add_rate (component, D (150000, 0), BP (600));
  add_rate (component, D (250000, 0), BP (800));
  return component;
}

static void
test_marginal_three_tiers (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_MARGINAL);

  /* 150 000 × 4 % + 70 000 × 6 % = 6 000 + 4 200. */
  g_assert_cmpint (pay_amount (component, D (220000, 0)), ==, C (1020000));

  /* Around 150 000: 149 999 × 4 %; 6 000; 6 000 + 1 × 6 %. */
  g_assert_cmpint (pay_amount (component, D (149999, 0)), ==, C (599996));
  g_assert_cmpint (pay_amount (component, D (150000, 0)), ==, C (600000));
  g_assert_cmpint (pay_amount (component, D (150001, 0)), ==, C (600006));

  /* Around 250 000: 6 000 + 99 999 × 6 %; 12 000; 12 000 + 1 × 8 %. */
  g_assert_cmpint (pay_amount (component, D (249999, 0)), ==, C (1199994));
  g_assert_cmpint (pay_amount (component, D (250000, 0)), ==, C (1200000));
  g_assert_cmpint (pay_amount (component, D (250001, 0)), ==, C (1200008));

  /* 12 000 + 50 000 × 8 %. */
  g_assert_cmpint (pay_amount (component, D (300000, 0)), ==, C (1600000));
  g_assert_cmpint (pay_amount (component, D (0, 10000)), ==, 0);
  g_assert_cmpint (pay_amount (component, D (1, 0)), ==, C (4));
}

static void
test_retroactive_three_tiers (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_RETROACTIVE);

  /* 220 000 × 6 %. */
  g_assert_cmpint (pay_amount (component, D (220000, 0)), ==, C (1320000));

  g_assert_cmpint (pay_amount (component, D (149999, 0)), ==, C (599996));
  g_assert_cmpint (pay_amount (component, D (150000, 0)), ==, C (900000));
  g_assert_cmpint (pay_amount (component, D (150001, 0)), ==, C (900006));

  g_assert_cmpint (pay_amount (component, D (249999, 0)), ==, C (1499994));
  g_assert_cmpint (pay_amount (component, D (250000, 0)), ==, C (2000000));
  g_assert_cmpint (pay_amount (component, D (250001, 0)), ==, C (2000008));
}

static void
test_two_tiers_both_methods (void)
{
  g_autoptr(TestComponent) marginal = component_new (PALIER_COMPONENT_COMMISSION,
                                                     PALIER_BASIS_AMOUNT,
                                                     PALIER_METHOD_MARGINAL);
  g_autoptr(TestComponent) retroactive = component_new (PALIER_COMPONENT_COMMISSION,
                                                        PALIER_BASIS_AMOUNT,
                                                        PALIER_METHOD_RETROACTIVE);

  add_rate (marginal, 0, BP (500));
  add_rate (marginal, D (100000, 0), BP (800));
  add_rate (retroactive, 0, BP (500));
  add_rate (retroactive, D (100000, 0), BP (800));

  /* 5 000 + 4 000, and 150 000 × 8 %. */
  g_assert_cmpint (pay_amount (marginal, D (150000, 0)), ==, C (900000));
  g_assert_cmpint (pay_amount (retroactive, D (150000, 0)), ==, C (1200000));
}

static void
test_retroactive_single_threshold (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_RETROACTIVE);

  /* 5 % from 1 000 000 needs a 0 % tier at 0, because tiers start at 0. */
  add_rate (component, 0, 0);
  add_rate (component, D (1000000, 0), BP (500));

  g_assert_cmpint (pay_amount (component, D (1200000, 0)), ==, C (6000000));
  g_assert_cmpint (pay_amount (component, D (1000000, 0)), ==, C (5000000));
  g_assert_cmpint (pay_amount (component, D (999999, 990000)), ==, 0);
  g_assert_cmpint (reached_amount (component, D (999999, 990000)), ==, 0);
  g_assert_cmpint (reached_amount (component, D (1000000, 0)), ==, 1);
}

static void
test_first_tier_above_zero (void)
{
  g_autoptr(TestComponent) marginal = component_new (PALIER_COMPONENT_COMMISSION,
                                                     PALIER_BASIS_AMOUNT,
                                                     PALIER_METHOD_MARGINAL);
  g_autoptr(TestComponent) retroactive = component_new (PALIER_COMPONENT_COMMISSION,
                                                        PALIER_BASIS_AMOUNT,
                                                        PALIER_METHOD_RETROACTIVE);

  /* Without the tier at 0, the base below 1 000 earns nothing. */
  add_rate (marginal, D (1000, 0), BP (1000));
  add_rate (retroactive, D (1000, 0), BP (1000));

  g_assert_cmpint (pay_amount (marginal, D (1500, 0)), ==, C (5000));
  g_assert_cmpint (pay_amount (marginal, D (999, 0)), ==, 0);
  g_assert_cmpint (pay_amount (retroactive, D (1500, 0)), ==, C (15000));
  g_assert_cmpint (pay_amount (retroactive, D (999, 0)), ==, 0);
  g_assert_cmpint (reached_amount (retroactive, D (999, 0)), ==, -1);
}

/* Tiers 0 → 4 %, 1.0 → 7 % of quota. */
static PalierComponent *
attainment_commission (PalierMethod method)
{
  PalierComponent *component = component_new (PALIER_COMPONENT_COMMISSION,
                                               PALIER_BASIS_ATTAINMENT, method);

  add_rate (component, 0, BP (400));
  add_rate (component, D (1, 0), BP (700));
  return component;
}

static void
test_marginal_attainment (void)
{
  g_autoptr(TestComponent) component = attainment_commission (PALIER_METHOD_MARGINAL);
  PalierDecimal quota = D (100000, 0);

  /* The slice above 100 % is converted to money with the quota:
   * 100 000 × 4 % + 20 000 × 7 %. */
  g_assert_cmpint (pay_quota (component, D (120000, 0), quota), ==, C (540000));
  g_assert_cmpint (pay_quota (component, D (99999, 0), quota), ==, C (399996));
  g_assert_cmpint (pay_quota (component, D (100000, 0), quota), ==, C (400000));
  g_assert_cmpint (pay_quota (component, D (100001, 0), quota), ==, C (400007));

  /* A quota of 15 000 moves the boundary: 15 000 × 4 % + 5 000 × 7 %. */
  g_assert_cmpint (pay_quota (component, D (20000, 0), D (15000, 0)), ==, C (95000));
}

static void
test_retroactive_attainment (void)
{
  g_autoptr(TestComponent) component = attainment_commission (PALIER_METHOD_RETROACTIVE);
  PalierDecimal quota = D (100000, 0);

  g_assert_cmpint (pay_quota (component, D (120000, 0), quota), ==, C (840000));
  g_assert_cmpint (pay_quota (component, D (99999, 0), quota), ==, C (399996));
  g_assert_cmpint (pay_quota (component, D (100000, 0), quota), ==, C (700000));
}

static void
test_attainment_exact_boundary (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_ATTAINMENT,
                                                      PALIER_METHOD_RETROACTIVE);
  PalierPayoutInput below = input_quota (D (50000, 0), D (33333, 340000));
  PalierPayoutInput on = input_quota (D (50000, 10000), D (33333, 340000));
  PalierPayoutInput third = input_quota (D (99999, 990000), D (33333, 330000));

  add_rate (component, 0, BP (100));
  add_rate (component, D (1, 500000), BP (1000));

  /* 1.5 × 33 333.34 = 50 000.01 exactly, so 50 000.00 stays below it.
   * Its attainment rounded to six decimals (1.4999997 → 1.5) would not. */
  g_assert_cmpint (pay (component, &below), ==, C (50000));
  g_assert_cmpint (palier_payout_reached_index (component, &below), ==, 0);
  g_assert_cmpint (pay (component, &on), ==, C (500000));
  g_assert_cmpint (palier_payout_reached_index (component, &on), ==, 1);

  /* 3 × 33 333.33 = 99 999.99, far above 1.5. */
  g_assert_cmpint (palier_payout_reached_index (component, &third), ==, 1);
}

static void
test_attainment_zero_quota (void)
{
  g_autoptr(TestComponent) marginal = attainment_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(TestComponent) interpolated = attainment_commission (PALIER_METHOD_INTERPOLATED);

  /* Every boundary is 0 × 0, so the whole base is in the last tier. */
  g_assert_cmpint (pay_quota (marginal, D (100, 0), 0), ==, C (700));
  g_assert_cmpint (pay_quota (interpolated, D (100, 0), 0), ==, C (700));
}

/* Points 0 → 2 %, 1.0 → 4 %, 1.5 → 8 % of quota. */
static PalierComponent *
interpolated_commission (void)
{
  PalierComponent *component = component_new (PALIER_COMPONENT_COMMISSION,
                                               PALIER_BASIS_ATTAINMENT,
                                               PALIER_METHOD_INTERPOLATED);

  add_rate (component, 0, BP (200));
  add_rate (component, D (1, 0), BP (400));
  add_rate (component, D (1, 500000), BP (800));
  return component;
}

static void
test_interpolated_attainment (void)
{
  g_autoptr(TestComponent) component = interpolated_commission ();
  PalierDecimal quota = D (100000, 0);

  /* 125 % is halfway from 4 % to 8 %: 125 000 × 6 %. */
  g_assert_cmpint (pay_quota (component, D (125000, 0), quota), ==, C (750000));

  /* On the points: 3 %... 50 000 × 3 %, 100 000 × 4 %, 150 000 × 8 %. */
  g_assert_cmpint (pay_quota (component, D (50000, 0), quota), ==, C (150000));
  g_assert_cmpint (pay_quota (component, D (100000, 0), quota), ==, C (400000));
  g_assert_cmpint (pay_quota (component, D (150000, 0), quota), ==, C (1200000));

  /* Around 100 %: 99 000 × 3.98 %, 101 000 × 4.08 %. */
  g_assert_cmpint (pay_quota (component, D (99000, 0), quota), ==, C (394020));
  g_assert_cmpint (pay_quota (component, D (101000, 0), quota), ==, C (412080));

  /* Just below 150 %: 149 999 × 7.99992 % = 11 999.8000008. */
  g_assert_cmpint (pay_quota (component, D (149999, 0), quota), ==, C (1199980));

  /* Above the last point, its rate: 200 000 × 8 %. */
  g_assert_cmpint (pay_quota (component, D (200000, 0), quota), ==, C (1600000));
}

static void
test_interpolated_rounds_once (void)
{
  g_autoptr(TestComponent) component = interpolated_commission ();

  /* 1/3 of quota: rate 2 % + 2 % / 3 = 2.6666…%, paying 26 666.666…
   * Rounding the rate to 0.026667 first would give 26 667.00. */
  g_assert_cmpint (pay_quota (component, D (1000000, 0), D (3000000, 0)), ==, C (2666667));
}

static void
test_interpolated_amount (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_INTERPOLATED);

  add_rate (component, 0, 0);
  add_rate (component, D (100000, 0), BP (1000));

  /* Rate = base / 1 000 000, so the payout is base² / 1 000 000. */
  g_assert_cmpint (pay_amount (component, D (50000, 0)), ==, C (250000));
  g_assert_cmpint (pay_amount (component, D (33333, 330000)), ==, C (111111));
  g_assert_cmpint (pay_amount (component, D (100000, 0)), ==, C (1000000));
  g_assert_cmpint (pay_amount (component, D (120000, 0)), ==, C (1200000));
  g_assert_cmpint (reached_amount (component, D (99999, 0)), ==, 0);
  g_assert_cmpint (reached_amount (component, D (100000, 0)), ==, 1);
}

static void
test_per_unit (void)
{
  g_autoptr(TestComponent) marginal = component_new (PALIER_COMPONENT_COMMISSION,
                                                     PALIER_BASIS_AMOUNT,
                                                     PALIER_METHOD_MARGINAL);
  g_autoptr(TestComponent) retroactive = component_new (PALIER_COMPONENT_COMMISSION,
                                                        PALIER_BASIS_AMOUNT,
                                                        PALIER_METHOD_RETROACTIVE);

  marginal->measure = PALIER_MEASURE_UNITS;
  retroactive->measure = PALIER_MEASURE_UNITS;
  add_tier (marginal, PALIER_TIER_PER_UNIT, 0, D (5, 0));
  add_tier (marginal, PALIER_TIER_PER_UNIT, D (3, 0), D (10, 0));
  add_tier (retroactive, PALIER_TIER_PER_UNIT, 0, D (5, 0));
  add_tier (retroactive, PALIER_TIER_PER_UNIT, D (3, 0), D (10, 0));

  /* 3 × 5.00 + 2 × 10.00, and 5 × 10.00. */
  g_assert_cmpint (pay_amount (marginal, D (5, 0)), ==, C (3500));
  g_assert_cmpint (pay_amount (retroactive, D (5, 0)), ==, C (5000));

  g_assert_cmpint (pay_amount (marginal, D (2, 0)), ==, C (1000));
  g_assert_cmpint (pay_amount (marginal, D (3, 0)), ==, C (1500));
  g_assert_cmpint (pay_amount (retroactive, D (3, 0)), ==, C (3000));
  g_assert_cmpint (pay_amount (retroactive, D (2, 500000)), ==, C (1250));
}

static void
test_gate_amount (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_MARGINAL);

  add_rate (component, 0, BP (500));
  component->has_gate = TRUE;
  component->gate = D (10000, 0);

  g_assert_cmpint (pay_amount (component, D (9999, 990000)), ==, 0);
  g_assert_cmpint (reached_amount (component, D (9999, 990000)), ==, -1);
  g_assert_cmpint (pay_amount (component, D (10000, 0)), ==, C (50000));
  g_assert_cmpint (reached_amount (component, D (10000, 0)), ==, 0);
  g_assert_cmpint (pay_amount (component, D (10000, 10000)), ==, C (50000));
}

static void
test_gate_attainment (void)
{
  g_autoptr(TestComponent) component = attainment_commission (PALIER_METHOD_MARGINAL);
  PalierDecimal quota = D (100000, 0);

  /* Nothing below 80 % of quota. */
  component->has_gate = TRUE;
  component->gate = D (0, 800000);

  g_assert_cmpint (pay_quota (component, D (79999, 990000), quota), ==, 0);
  g_assert_cmpint (pay_quota (component, D (80000, 0), quota), ==, C (320000));
}

static void
test_cap (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_MARGINAL);

  add_rate (component, 0, BP (1000));
  component->has_cap = TRUE;
  component->cap = D (2500, 0);

  g_assert_cmpint (pay_amount (component, D (24999, 0)), ==, C (249990));
  g_assert_cmpint (pay_amount (component, D (25000, 0)), ==, C (250000));
  g_assert_cmpint (pay_amount (component, D (25000, 10000)), ==, C (250000));
  g_assert_cmpint (pay_amount (component, D (1000000, 0)), ==, C (250000));
}

static void
test_cap_rounds_after (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_RETROACTIVE);

  /* A cap of 100.005 is applied exactly, then rounded: 100.01. */
  add_rate (component, 0, BP (1000));
  component->has_cap = TRUE;
  component->cap = D (100, 5000);

  g_assert_cmpint (pay_amount (component, D (1000, 40000)), ==, C (10000));
  g_assert_cmpint (pay_amount (component, D (2000, 0)), ==, C (10001));
}

static gboolean
has_cap_step (GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      if (g_array_index (steps, PalierPayoutStep, i).kind == PALIER_STEP_CAP)
        return TRUE;
    }
  return FALSE;
}

static void
test_cap_interpolated (void)
{
  g_autoptr(TestComponent) component = interpolated_commission ();
  g_autoptr(GArray) below_steps = g_array_new (FALSE, TRUE, sizeof (PalierPayoutStep));
  g_autoptr(GArray) above_steps = g_array_new (FALSE, TRUE, sizeof (PalierPayoutStep));
  PalierPayoutInput input = input_quota (D (1000000, 0), D (3000000, 0));
  PalierDecimal payout = 0;

  /* The exact 26 666.666… is compared with the cap: 26 666.666666 is
   * below it and applies, 26 666.666667 is above it and does not. */
  component->has_cap = TRUE;
  component->cap = D (26666, 666666);
  g_assert_true (palier_payout_compute (component, &input, &payout, below_steps, NULL));
  g_assert_cmpint (payout, ==, C (2666667));
  g_assert_true (has_cap_step (below_steps));

  component->cap = D (26666, 666667);
  g_assert_true (palier_payout_compute (component, &input, &payout, above_steps, NULL));
  g_assert_cmpint (payout, ==, C (2666667));
  g_assert_false (has_cap_step (above_steps));

  component->cap = D (26666, 0);
  g_assert_cmpint (pay (component, &input), ==, C (2666600));
}

static void
test_rounds_once_four_decimals (void)
{
  g_autoptr(TestComponent) flat = component_new (PALIER_COMPONENT_COMMISSION,
                                                 PALIER_BASIS_AMOUNT,
                                                 PALIER_METHOD_RETROACTIVE);
  g_autoptr(TestComponent) sliced = component_new (PALIER_COMPONENT_COMMISSION,
                                                   PALIER_BASIS_AMOUNT,
                                                   PALIER_METHOD_MARGINAL);

  /* 22.9960 × 5 % = 1.1498. */
  add_rate (flat, 0, BP (500));
  g_assert_cmpint (pay_amount (flat, D (22, 996000)), ==, C (115));

  /* 4 × 0.1 % + 2 × 0.2 % = 0.004 + 0.004 = 0.008 → 0.01, whereas
   * rounding each slice would give 0.00 + 0.00. */
  add_rate (sliced, 0, BP (10));
  add_rate (sliced, D (4, 0), BP (20));
  g_assert_cmpint (pay_amount (sliced, D (6, 0)), ==, C (1));

  /* 4 × 0.1 % + 257.3085 × 0.2 % = 0.518617 → 0.52. */
  g_assert_cmpint (pay_amount (sliced, D (261, 308500)), ==, C (52));
}

static void
test_round_half_away (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_RETROACTIVE);

  add_rate (component, 0, BP (1000));

  /* 0.05 × 10 % = 0.005 → 0.01; 0.049999 × 10 % → 0.00. */
  g_assert_cmpint (pay_amount (component, D (0, 50000)), ==, C (1));
  g_assert_cmpint (pay_amount (component, D (0, 49999)), ==, 0);
}

static void
test_jpy (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_RETROACTIVE);
  PalierPayoutInput input = input_amount (D (123456, 0));

  add_rate (component, 0, BP (500));
  component->negative = PALIER_NEGATIVE_CLAWBACK;
  input.minor_digits = 0;

  /* 123 456 × 5 % = 6 172.8 → 6 173 yen. */
  g_assert_cmpint (pay (component, &input), ==, D (6173, 0));

  /* 10 × 5 % = 0.5 → 1, and −0.5 → −1. */
  input.base = D (10, 0);
  g_assert_cmpint (pay (component, &input), ==, D (1, 0));
  input.base = D (9, 990000);
  g_assert_cmpint (pay (component, &input), ==, 0);
  input.base = D (-10, 0);
  g_assert_cmpint (pay (component, &input), ==, D (-1, 0));
}

static void
test_three_decimal_currency (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_RETROACTIVE);
  PalierPayoutInput input = input_amount (D (12, 345000));

  /* 12.345 × 10 % = 1.2345 → 1.235 in BHD. */
  add_rate (component, 0, BP (1000));
  input.minor_digits = 3;
  g_assert_cmpint (pay (component, &input), ==, D (1, 235000));
}

static void
test_negative_zero_policies (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_MARGINAL);

  g_assert_cmpint (pay_amount (component, D (-10000, 0)), ==, 0);
  g_assert_cmpint (pay_amount (component, 0), ==, 0);
  g_assert_cmpint (reached_amount (component, D (-10000, 0)), ==, -1);
  g_assert_cmpint (reached_amount (component, 0), ==, -1);

  /* The engine carries the deficit forward; this period pays nothing. */
  component->negative = PALIER_NEGATIVE_CARRY_FORWARD;
  g_assert_cmpint (pay_amount (component, D (-10000, 0)), ==, 0);
  g_assert_cmpint (pay_amount (component, 0), ==, 0);
}

static void
test_clawback (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_RETROACTIVE);

  component->negative = PALIER_NEGATIVE_CLAWBACK;

  /* −10 000 × the first tier's 4 %, even with a gate and a cap. */
  g_assert_cmpint (pay_amount (component, D (-10000, 0)), ==, C (-40000));
  g_assert_cmpint (reached_amount (component, D (-10000, 0)), ==, 0);
  g_assert_cmpint (pay_amount (component, 0), ==, 0);
  g_assert_cmpint (reached_amount (component, 0), ==, -1);

  /* −0.125 × 4 % = −0.005 → −0.01. */
  g_assert_cmpint (pay_amount (component, D (0, -125000)), ==, C (-1));

  component->has_gate = TRUE;
  component->gate = D (5000, 0);
  component->has_cap = TRUE;
  component->cap = D (100, 0);
  g_assert_cmpint (pay_amount (component, D (-10000, 0)), ==, C (-40000));

  /* A positive base keeps the gate, and 5 000 × 4 % = 200 is capped. */
  g_assert_cmpint (pay_amount (component, D (4000, 0)), ==, 0);
  g_assert_cmpint (pay_amount (component, D (5000, 0)), ==, C (10000));
}

static void
test_tier_overrides (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_MARGINAL);
  PalierPayoutInput gold = input_amount (D (220000, 0));
  PalierPayoutInput silver = input_amount (D (220000, 0));
  PalierPayoutInput none = input_amount (D (220000, 0));

  add_override (&g_array_index (component->tiers, PalierTier, 0).overrides, "Gold", BP (500));
  add_override (&g_array_index (component->tiers, PalierTier, 1).overrides, "Gold", BP (700));
  add_override (&g_array_index (component->tiers, PalierTier, 1).overrides, "Bronze", BP (100));
  gold.segment = "Gold";
  silver.segment = "Silver";

  /* 150 000 × 5 % + 70 000 × 7 % for Gold, the table's rates otherwise. */
  g_assert_cmpint (pay (component, &gold), ==, C (1240000));
  g_assert_cmpint (pay (component, &silver), ==, C (1020000));
  g_assert_cmpint (pay (component, &none), ==, C (1020000));

  g_assert_cmpint (palier_tier_value_for_segment (&g_array_index (component->tiers, PalierTier, 1),
                                                  "Bronze"), ==, BP (100));
  g_assert_cmpint (palier_tier_value_for_segment (&g_array_index (component->tiers, PalierTier, 1),
                                                  "gold"), ==, BP (600));
  g_assert_cmpint (palier_tier_value_for_segment (&g_array_index (component->tiers, PalierTier, 2),
                                                  "Gold"), ==, BP (800));
}

static void
test_clawback_override (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_MARGINAL);
  PalierPayoutInput gold = input_amount (D (-10000, 0));

  component->negative = PALIER_NEGATIVE_CLAWBACK;
  add_override (&g_array_index (component->tiers, PalierTier, 0).overrides, "Gold", BP (500));
  gold.segment = "Gold";

  g_assert_cmpint (pay (component, &gold), ==, C (-50000));
}

/* Levels 1.0 → 250, 1.5 → 600 of quota, as in a quota club. */
static PalierComponent *
club_bonus (void)
{
  PalierComponent *component = component_new (PALIER_COMPONENT_BONUS,
                                               PALIER_BASIS_ATTAINMENT,
                                               PALIER_METHOD_MARGINAL);

  add_level (component, D (1, 0), D (250, 0));
  add_level (component, D (1, 500000), D (600, 0));
  return component;
}

static void
test_bonus_levels (void)
{
  g_autoptr(TestComponent) component = club_bonus ();
  PalierDecimal quota = D (10000, 0);
  PalierPayoutInput below = input_quota (D (9999, 990000), quota);
  PalierPayoutInput top = input_quota (D (15000, 0), quota);

  g_assert_cmpint (pay_quota (component, D (9999, 990000), quota), ==, 0);
  g_assert_cmpint (pay_quota (component, D (10000, 0), quota), ==, C (25000));
  g_assert_cmpint (pay_quota (component, D (14999, 990000), quota), ==, C (25000));

  /* The highest level pays alone: 600, not 850. */
  g_assert_cmpint (pay_quota (component, D (15000, 0), quota), ==, C (60000));
  g_assert_cmpint (pay_quota (component, D (40000, 0), quota), ==, C (60000));

  g_assert_cmpint (palier_payout_reached_index (component, &below), ==, -1);
  g_assert_cmpint (palier_payout_reached_index (component, &top), ==, 1);
}

static void
test_bonus_amount_basis (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_BONUS,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_MARGINAL);
  PalierPayoutInput jpy = input_amount (D (500, 0));

  /* A level at 0 pays nothing without sales. */
  add_level (component, 0, D (10, 0));
  add_level (component, D (500, 0), D (250, 5000));

  g_assert_cmpint (pay_amount (component, 0), ==, 0);
  g_assert_cmpint (pay_amount (component, D (-5, 0)), ==, 0);
  g_assert_cmpint (pay_amount (component, D (0, 10000)), ==, C (1000));

  /* 250.005 rounds once, half away from zero. */
  g_assert_cmpint (pay_amount (component, D (500, 0)), ==, C (25001));
  jpy.minor_digits = 0;
  g_assert_cmpint (pay (component, &jpy), ==, D (250, 0));
}

static void
test_bonus_override (void)
{
  g_autoptr(TestComponent) component = club_bonus ();
  PalierPayoutInput gold = input_quota (D (12000, 0), D (10000, 0));

  add_override (&g_array_index (component->levels, PalierLevel, 0).overrides, "Gold", D (300, 0));
  gold.segment = "Gold";

  g_assert_cmpint (pay (component, &gold), ==, C (30000));
  g_assert_cmpint (palier_level_amount_for_segment (&g_array_index (component->levels, PalierLevel, 1),
                                                    "Gold"), ==, D (600, 0));
}

static void
test_no_quota_error (void)
{
  g_autoptr(TestComponent) component = attainment_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(GError) error = NULL;
  PalierPayoutInput input = input_amount (D (1000, 0));
  PalierDecimal payout = 42;

  g_assert_false (palier_payout_compute (component, &input, &payout, NULL, &error));
  g_assert_error (error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_NO_QUOTA);
  g_assert_nonnull (strstr (error->message, "“test”"));
  g_assert_cmpint (payout, ==, 42);
  g_assert_cmpint (palier_payout_reached_index (component, &input), ==, -1);
}

static void
test_negative_quota_error (void)
{
  g_autoptr(TestComponent) component = club_bonus ();
  g_autoptr(GError) error = NULL;
  PalierPayoutInput input = input_quota (D (1000, 0), D (-1, 0));
  PalierDecimal payout = 42;

  g_assert_false (palier_payout_compute (component, &input, &payout, NULL, &error));
  g_assert_error (error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_INVALID_QUOTA);
  g_assert_nonnull (strstr (error->message, "-1"));
}

static void
test_overflow_error (void)
{
  g_autoptr(TestComponent) component = component_new (PALIER_COMPONENT_COMMISSION,
                                                      PALIER_BASIS_AMOUNT,
                                                      PALIER_METHOD_RETROACTIVE);
  g_autoptr(GError) product_error = NULL;
  g_autoptr(GError) result_error = NULL;
  PalierPayoutInput input = input_amount (D (9000000000000, 0));
  PalierDecimal payout = 42;

  /* 9 × 10^12 at a rate of 9 × 10^12 does not fit in 128 bits. */
  add_rate (component, 0, D (9000000000000, 0));
  g_assert_false (palier_payout_compute (component, &input, &payout, NULL, &product_error));
  g_assert_error (product_error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_OVERFLOW);

  /* 9 × 10^12 at 200 % fits in 128 bits but not in a PalierDecimal. */
  g_array_index (component->tiers, PalierTier, 0).value = D (2, 0);
  g_assert_false (palier_payout_compute (component, &input, &payout, NULL, &result_error));
  g_assert_error (result_error, PALIER_PAYOUT_ERROR, PALIER_PAYOUT_ERROR_OVERFLOW);
  g_assert_cmpint (payout, ==, 42);
}

static PalierWide
amount18 (PalierDecimal amount)
{
  return palier_decimal_mul_wide (amount, PALIER_DECIMAL_ONE) * PALIER_DECIMAL_ONE;
}

static void
assert_step (const PalierPayoutStep *step,
             PalierPayoutStepKind    kind,
             guint                   index,
             PalierDecimal           from,
             PalierDecimal           to,
             PalierDecimal           value,
             PalierDecimal           amount)
{
  g_assert_cmpint (step->kind, ==, kind);
  g_assert_cmpuint (step->index, ==, index);
  g_assert_cmpint (step->from, ==, from);
  g_assert_cmpint (step->to, ==, to);
  g_assert_cmpint (step->value, ==, value);
  g_assert_true (step->amount == amount18 (amount));
}

static GArray *
steps_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (PalierPayoutStep));
}

static void
test_steps_marginal (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(GArray) steps = steps_new ();
  PalierPayoutInput input = input_amount (D (220000, 0));
  PalierDecimal payout = 0;

  g_assert_true (palier_payout_compute (component, &input, &payout, steps, NULL));
  g_assert_cmpint (payout, ==, C (1020000));
  g_assert_cmpuint (steps->len, ==, 2);
  assert_step (&g_array_index (steps, PalierPayoutStep, 0), PALIER_STEP_TIER, 0,
               0, D (150000, 0), BP (400), D (6000, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 1), PALIER_STEP_TIER, 1,
               D (150000, 0), D (220000, 0), BP (600), D (4200, 0));
}

static void
test_steps_attainment_cap (void)
{
  g_autoptr(TestComponent) component = attainment_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(GArray) steps = steps_new ();
  PalierPayoutInput input = input_quota (D (120000, 0), D (100000, 0));
  PalierDecimal payout = 0;

  component->has_cap = TRUE;
  component->cap = D (5000, 0);

  g_assert_true (palier_payout_compute (component, &input, &payout, steps, NULL));
  g_assert_cmpint (payout, ==, C (500000));
  g_assert_cmpuint (steps->len, ==, 3);
  assert_step (&g_array_index (steps, PalierPayoutStep, 0), PALIER_STEP_TIER, 0,
               0, D (100000, 0), BP (400), D (4000, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 1), PALIER_STEP_TIER, 1,
               D (100000, 0), D (120000, 0), BP (700), D (1400, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 2), PALIER_STEP_CAP, 0,
               0, D (120000, 0), D (5000, 0), D (5000, 0));
}

static void
test_steps_other_kinds (void)
{
  g_autoptr(TestComponent) retroactive = three_tier_commission (PALIER_METHOD_RETROACTIVE);
  g_autoptr(TestComponent) interpolated = interpolated_commission ();
  g_autoptr(TestComponent) bonus = club_bonus ();
  g_autoptr(GArray) steps = steps_new ();
  PalierPayoutInput base = input_amount (D (220000, 0));
  PalierPayoutInput attainment = input_quota (D (125000, 0), D (100000, 0));
  PalierPayoutInput negative = input_amount (D (-10000, 0));
  PalierPayoutInput gated = input_amount (D (4000, 0));
  PalierDecimal payout = 0;

  g_assert_true (palier_payout_compute (retroactive, &base, &payout, steps, NULL));
  g_assert_true (palier_payout_compute (interpolated, &attainment, &payout, steps, NULL));
  g_assert_true (palier_payout_compute (bonus, &attainment, &payout, steps, NULL));
  retroactive->negative = PALIER_NEGATIVE_CLAWBACK;
  g_assert_true (palier_payout_compute (retroactive, &negative, &payout, steps, NULL));
  retroactive->has_gate = TRUE;
  retroactive->gate = D (5000, 0);
  g_assert_true (palier_payout_compute (retroactive, &gated, &payout, steps, NULL));

  g_assert_cmpuint (steps->len, ==, 5);
  assert_step (&g_array_index (steps, PalierPayoutStep, 0), PALIER_STEP_TIER, 1,
               0, D (220000, 0), BP (600), D (13200, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 1), PALIER_STEP_TIER, 1,
               0, D (125000, 0), BP (600), D (7500, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 2), PALIER_STEP_LEVEL, 0,
               D (100000, 0), D (125000, 0), D (250, 0), D (250, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 3), PALIER_STEP_NEGATIVE, 0,
               D (-10000, 0), 0, BP (400), D (-400, 0));
  assert_step (&g_array_index (steps, PalierPayoutStep, 4), PALIER_STEP_GATE, 0,
               D (5000, 0), D (4000, 0), D (5000, 0), 0);
}

static void
test_reached_index (void)
{
  g_autoptr(TestComponent) component = three_tier_commission (PALIER_METHOD_MARGINAL);
  g_autoptr(TestComponent) interpolated = interpolated_commission ();
  PalierPayoutInput attainment = input_quota (D (125000, 0), D (100000, 0));

  g_assert_cmpint (reached_amount (component, D (0, 1)), ==, 0);
  g_assert_cmpint (reached_amount (component, D (149999, 990000)), ==, 0);
  g_assert_cmpint (reached_amount (component, D (150000, 0)), ==, 1);
  g_assert_cmpint (reached_amount (component, D (249999, 990000)), ==, 1);
  g_assert_cmpint (reached_amount (component, D (250000, 0)), ==, 2);
  g_assert_cmpint (reached_amount (component, D (9000000, 0)), ==, 2);
  g_assert_cmpint (palier_payout_reached_index (interpolated, &attainment), ==, 1);
}

/* The component struct is public, and one built by hand may leave its
 * tiers and levels NULL: they count as empty, so every method pays
 * nothing and no tier is reached. */
static void
test_null_tiers (void)
{
  static const PalierMethod methods[] = {
    PALIER_METHOD_MARGINAL, PALIER_METHOD_RETROACTIVE, PALIER_METHOD_INTERPOLATED,
  };
  PalierComponent component = { 0 };
  PalierPayoutInput positive = input_amount (D (5000, 0));
  PalierPayoutInput negative = input_amount (D (-5000, 0));

  component.id = (char *) "by-hand";
  component.kind = PALIER_COMPONENT_COMMISSION;
  component.basis = PALIER_BASIS_AMOUNT;
  component.negative = PALIER_NEGATIVE_CLAWBACK;

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      component.method = methods[i];
      g_assert_cmpint (pay (&component, &positive), ==, 0);
      g_assert_cmpint (pay (&component, &negative), ==, 0);
      g_assert_cmpint (palier_payout_reached_index (&component, &positive), ==, -1);
    }

  component.kind = PALIER_COMPONENT_BONUS;
  g_assert_cmpint (pay (&component, &positive), ==, 0);
  g_assert_cmpint (palier_payout_reached_index (&component, &positive), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/payout/marginal/three-tiers", test_marginal_three_tiers);
  g_test_add_func ("/payout/retroactive/three-tiers", test_retroactive_three_tiers);
  g_test_add_func ("/payout/methods/two-tiers", test_two_tiers_both_methods);
  g_test_add_func ("/payout/retroactive/single-threshold", test_retroactive_single_threshold);
  g_test_add_func ("/payout/tiers/first-above-zero", test_first_tier_above_zero);
  g_test_add_func ("/payout/attainment/marginal", test_marginal_attainment);
  g_test_add_func ("/payout/attainment/retroactive", test_retroactive_attainment);
  g_test_add_func ("/payout/attainment/exact-boundary", test_attainment_exact_boundary);
  g_test_add_func ("/payout/attainment/zero-quota", test_attainment_zero_quota);
  g_test_add_func ("/payout/interpolated/attainment", test_interpolated_attainment);
  g_test_add_func ("/payout/interpolated/rounds-once", test_interpolated_rounds_once);
  g_test_add_func ("/payout/interpolated/amount", test_interpolated_amount);
  g_test_add_func ("/payout/per-unit/both-methods", test_per_unit);
  g_test_add_func ("/payout/gate/amount", test_gate_amount);
  g_test_add_func ("/payout/gate/attainment", test_gate_attainment);
  g_test_add_func ("/payout/cap/limit", test_cap);
  g_test_add_func ("/payout/cap/rounds-after", test_cap_rounds_after);
  g_test_add_func ("/payout/cap/interpolated", test_cap_interpolated);
  g_test_add_func ("/payout/rounding/four-decimals", test_rounds_once_four_decimals);
  g_test_add_func ("/payout/rounding/half-away", test_round_half_away);
  g_test_add_func ("/payout/rounding/jpy", test_jpy);
  g_test_add_func ("/payout/rounding/three-decimals", test_three_decimal_currency);
  g_test_add_func ("/payout/negative/zero-policies", test_negative_zero_policies);
  g_test_add_func ("/payout/negative/clawback", test_clawback);
  g_test_add_func ("/payout/override/tiers", test_tier_overrides);
  g_test_add_func ("/payout/override/clawback", test_clawback_override);
  g_test_add_func ("/payout/bonus/levels", test_bonus_levels);
  g_test_add_func ("/payout/bonus/amount-basis", test_bonus_amount_basis);
  g_test_add_func ("/payout/bonus/override", test_bonus_override);
  g_test_add_func ("/payout/error/no-quota", test_no_quota_error);
  g_test_add_func ("/payout/error/negative-quota", test_negative_quota_error);
  g_test_add_func ("/payout/error/overflow", test_overflow_error);
  g_test_add_func ("/payout/steps/marginal", test_steps_marginal);
  g_test_add_func ("/payout/steps/attainment-cap", test_steps_attainment_cap);
  g_test_add_func ("/payout/steps/other-kinds", test_steps_other_kinds);
  g_test_add_func ("/payout/reached-index", test_reached_index);
  g_test_add_func ("/payout/tiers/null", test_null_tiers);

  return g_test_run ();
}
