/* palier-payout.h: payout of one component for one partner and period
 *
 * This is the arithmetic of the payout rules, shared by the simulation,
 * the payout-curve chart and the designer.  Each call computes exactly and
 * rounds once to the currency's minor unit, half away from zero.
 */
#pragma once

#include <glib.h>
#include "palier-program.h"

G_BEGIN_DECLS

typedef struct {
  PalierDecimal  base;          /* measure summed over the filtered lines */
  gboolean       has_quota;
  PalierDecimal  quota;         /* for this partner and this component period */
  const char    *segment;       /* partner's segment, for overrides; may be NULL */
  int            minor_digits;  /* currency decimals */
} PalierPayoutInput;

/* One line of the explanation of a payout, for statements and tooltips. */
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
 * not NULL, receives PalierPayoutStep items explaining the computation.
 * Returns FALSE with an error only when the input is unusable (attainment
 * basis without quota, overflow). */
gboolean  palier_payout_compute        (const PalierComponent   *component,
                                        const PalierPayoutInput *input,
                                        PalierDecimal           *out_payout,
                                        GArray                  *steps,
                                        GError                 **error);

/* Index of the tier (or level) the base reaches, or -1 below the first
 * level or the gate. */
int       palier_payout_reached_index  (const PalierComponent   *component,
                                        const PalierPayoutInput *input);

/* Rate or per-unit value of @tier for a partner of @segment, after
 * overrides. */
PalierDecimal palier_tier_value_for_segment  (const PalierTier  *tier,
                                              const char        *segment);
PalierDecimal palier_level_amount_for_segment (const PalierLevel *level,
                                               const char        *segment);

G_END_DECLS
