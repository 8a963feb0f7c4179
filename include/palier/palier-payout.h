/* palier-payout.h: payout of one component for one partner and period
 *
 * This is the arithmetic of the payout rules, shared by the simulation,
 * the payout-curve chart and the designer.  Each call computes exactly and
 * rounds once to the currency's minor unit, half away from zero.
 *
 * Choices where the payout rules leave room:
 *   - A base of zero or below pays nothing, whatever the gate.  Under the
 *     clawback policy a negative base pays base × the first tier's value
 *     even below the gate, and the cap never limits that negative payout.
 *   - Carry-forward pays nothing for a base of zero or below, because the
 *     engine adds the deficit to the next period's base before calling.
 *   - A bonus pays nothing for a base of zero or below, even with a level
 *     at 0.  It honours a gate or a cap when the component has one.
 *   - When the first tier or point does not start at 0, a base below it
 *     pays nothing, with every method.
 *   - An attainment quota of 0 puts every boundary at 0, so a positive
 *     base reaches the last tier.
 */
#pragma once

#include <glib.h>
#include "palier-program.h"

G_BEGIN_DECLS

#define PALIER_PAYOUT_ERROR (palier_payout_error_quark ())

typedef enum {
  PALIER_PAYOUT_ERROR_NO_QUOTA,       /* attainment basis without a quota */
  PALIER_PAYOUT_ERROR_INVALID_QUOTA,  /* negative quota */
  PALIER_PAYOUT_ERROR_OVERFLOW,       /* amounts too large to compute */
} PalierPayoutError;

GQuark    palier_payout_error_quark    (void);

typedef struct {
  PalierDecimal  base;          /* measure summed over the filtered lines */
  gboolean       has_quota;
  PalierDecimal  quota;         /* for this partner and this component period */
  const char    *segment;       /* partner's segment, for overrides; may be NULL */
  int            minor_digits;  /* currency decimals */
} PalierPayoutInput;

/* One line of the explanation of a payout, for statements and tooltips.
 * The fields hold, by kind:
 *   TIER: the slice [from, to) of the base paid at value (marginal), or
 *     the whole base from 0 to the base at the tier's or the interpolated
 *     rate (retroactive, interpolated, the rate rounded to 10^-6 there);
 *   GATE: from is the gate in money or units, to the base, value the gate
 *     in basis units;
 *   CAP: value is the cap, amount the capped payout;
 *   LEVEL: from is the level's minimum in money or units, to the base,
 *     value the level's amount;
 *   NEGATIVE: from is the base, value the rate applied (0 unless
 *     clawback).
 * from and to are in money or units of the measure, rounded to 10^-6
 * when an attainment boundary times the quota has more decimals.  amount
 * is exact, except with the interpolated method, where it is the exact
 * fraction rounded to 10^-18. */
typedef enum {
  PALIER_STEP_TIER,             /* a slice or the whole base at one rate */
  PALIER_STEP_GATE,             /* gate not reached: pays nothing */
  PALIER_STEP_CAP,              /* payout limited by the cap */
  PALIER_STEP_LEVEL,            /* bonus level reached */
  PALIER_STEP_NEGATIVE,         /* negative or zero base handled */
} PalierPayoutStepKind;

typedef struct {
  PalierPayoutStepKind kind;
  guint                index;   /* tier or level index */
  PalierDecimal        from;    /* slice start, money or units */
  PalierDecimal        to;      /* slice end */
  PalierDecimal        value;   /* rate, per-unit amount, cap or level amount */
  PalierWide           amount;  /* exact amount at scale 10^-18 */
} PalierPayoutStep;

/* Computes the payout of a commission or bonus component.  @steps, when
 * not NULL, gets PalierPayoutStep items appended that explain the
 * computation, in order.  Returns FALSE with an error only when the input
 * is unusable (attainment basis without quota, negative quota,
 * overflow). */
gboolean  palier_payout_compute        (const PalierComponent   *component,
                                        const PalierPayoutInput *input,
                                        PalierDecimal           *out_payout,
                                        GArray                  *steps,
                                        GError                 **error);

/* Index of the tier (or level) the base reaches, or -1 below the first
 * level or the gate.  A base of zero or below reaches nothing, except a
 * negative base under the clawback policy, which reaches tier 0.  For the
 * interpolated method it is the point at or below the base.  Returns -1
 * too when the basis needs a quota and there is none. */
int       palier_payout_reached_index  (const PalierComponent   *component,
                                        const PalierPayoutInput *input);

/* Rate or per-unit value of @tier for a partner of @segment, after
 * overrides.  Segments match exactly, case included; a NULL @segment
 * matches no override. */
PalierDecimal palier_tier_value_for_segment  (const PalierTier  *tier,
                                              const char        *segment);
PalierDecimal palier_level_amount_for_segment (const PalierLevel *level,
                                               const char        *segment);

G_END_DECLS
