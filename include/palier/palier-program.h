/* palier-program.h: the program model
 *
 * A program is plain data: a currency, a period, quotas and an ordered list
 * of components.  It is reference counted and copied deeply for undo.  The
 * fields marked "version 2" are read, written and checked, and the engine
 * applies them as palier-payout.h documents.
 */
#pragma once

#include <glib-object.h>
#include "palier-decimal.h"
#include "palier-period.h"

G_BEGIN_DECLS

typedef enum {
  PALIER_MEASURE_REVENUE,
  PALIER_MEASURE_MARGIN,
  PALIER_MEASURE_UNITS,
} PalierMeasure;

typedef enum {
  PALIER_BASIS_AMOUNT,
  PALIER_BASIS_ATTAINMENT,
} PalierBasis;

typedef enum {
  PALIER_METHOD_MARGINAL,
  PALIER_METHOD_RETROACTIVE,
  PALIER_METHOD_INTERPOLATED,        /* version 2 */
} PalierMethod;

typedef enum {
  PALIER_NEGATIVE_ZERO,
  PALIER_NEGATIVE_CLAWBACK,          /* version 2 */
  PALIER_NEGATIVE_CARRY_FORWARD,     /* version 2 */
} PalierNegativePolicy;

typedef enum {
  PALIER_COMPONENT_COMMISSION,
  PALIER_COMPONENT_BONUS,
  PALIER_COMPONENT_DEAL_BONUS,       /* version 2 */
  PALIER_COMPONENT_REWARD,           /* version 2 */
} PalierComponentKind;

typedef enum {
  PALIER_FILTER_CATEGORY,
  PALIER_FILTER_PRODUCT,
  PALIER_FILTER_REGION,
  PALIER_FILTER_SEGMENT,
  PALIER_N_FILTER_FIELDS,
} PalierFilterField;

typedef enum {
  PALIER_TIER_RATE,                  /* value is a fraction of the base */
  PALIER_TIER_PER_UNIT,              /* version 2: amount per unit */
} PalierTierKind;

typedef enum {
  PALIER_REWARD_TRIP,
  PALIER_REWARD_RECOGNITION,
  PALIER_REWARD_TRAINING,
  PALIER_REWARD_OTHER,
} PalierRewardKind;

typedef enum {
  PALIER_REWARD_RULE_TOP,
  PALIER_REWARD_RULE_THRESHOLD,
} PalierRewardRule;

/* Segment-specific replacement of a tier's rate or a level's amount
 * (version 2). */
typedef struct {
  char          *segment;
  PalierDecimal  value;
} PalierOverride;

typedef struct {
  PalierDecimal   from;              /* basis units; attainment as a fraction */
  PalierTierKind  kind;
  PalierDecimal   value;             /* rate (0.05) or amount per unit */
  GArray         *overrides;         /* PalierOverride, may be NULL */
} PalierTier;

typedef struct {
  PalierDecimal   min;
  PalierDecimal   amount;
  GArray         *overrides;         /* PalierOverride, may be NULL */
} PalierLevel;

typedef struct {
  /* Allowed values per field, as owned strings; an empty or NULL array
   * means the field is not filtered.  Values of one field are
   * alternatives; different fields must all match. */
  GPtrArray  *values[PALIER_N_FILTER_FIELDS];
  PalierDate  start;                 /* PALIER_DATE_NONE when open */
  PalierDate  end;                   /* inclusive, PALIER_DATE_NONE when open */
} PalierFilter;

typedef struct {
  PalierComponentKind   kind;
  char                 *id;
  char                 *name;
  PalierMeasure         measure;
  gboolean              has_period;
  PalierPeriodKind      period;      /* only when has_period */
  PalierFilter          filter;

  /* commission and bonus */
  PalierBasis           basis;

  /* commission */
  PalierMethod          method;
  PalierNegativePolicy  negative;
  GArray               *tiers;       /* PalierTier, ascending from 0 */
  gboolean              has_gate;
  PalierDecimal         gate;        /* basis units */
  gboolean              has_cap;
  PalierDecimal         cap;         /* currency per partner per period */

  /* bonus */
  GArray               *levels;      /* PalierLevel, ascending min */

  /* deal-bonus (version 2) */
  PalierDecimal         deal_min;
  PalierDecimal         deal_amount;
  gboolean              has_deal_rate;
  PalierDecimal         deal_rate;

  /* reward (version 2) */
  PalierRewardKind      reward_kind;
  PalierDecimal         unit_cost;
  PalierRewardRule      reward_rule;
  guint                 top_count;
  PalierBasis           threshold_basis;
  PalierDecimal         threshold_min;
} PalierComponent;

typedef struct {
  char          *segment;
  PalierDecimal  quota;
} PalierSegmentQuota;

typedef struct {
  /*< private >*/
  gint              ref_count;

  /*< public >*/
  char             *id;
  char             *name;
  char             *currency;        /* ISO 4217 code */
  PalierPeriodKind  period;
  int               fiscal_year_start;   /* 1..12 */
  gboolean          has_quota;
  PalierDecimal     quota;           /* default per partner per period */
  GArray           *segment_quotas;  /* PalierSegmentQuota */
  GPtrArray        *components;      /* PalierComponent *, owned */
} PalierProgram;

#define PALIER_TYPE_PROGRAM (palier_program_get_type ())
GType             palier_program_get_type      (void) G_GNUC_CONST;

/* A new program with the given id and name, currency "EUR", quarterly,
 * fiscal year starting in January, no quota and no component. */
PalierProgram    *palier_program_new           (const char          *id,
                                                const char          *name);
PalierProgram    *palier_program_ref           (PalierProgram       *program);
void              palier_program_unref         (PalierProgram       *program);
PalierProgram    *palier_program_copy          (const PalierProgram *program);

/* Deep comparison of every field, in order.  Fields that do not apply to
 * a component's kind (the tiers of a bonus, the basis of a deal-bonus,
 * the threshold of a top-N reward...) are ignored, because the XML does
 * not carry them. */
gboolean          palier_program_equal         (const PalierProgram *a,
                                                const PalierProgram *b);

PalierComponent  *palier_program_find_component (const PalierProgram *program,
                                                 const char          *id);

/* Appends @component, taking ownership of it. */
void              palier_program_add_component (PalierProgram       *program,
                                                PalierComponent     *component);

/* Appends the quota of the partners of @segment. */
void              palier_program_add_segment_quota (PalierProgram   *program,
                                                    const char      *segment,
                                                    PalierDecimal    quota);

/* Quota of a partner of @segment (may be NULL) for one program period:
 * the segment's quota when the program has one, else the default.
 * Returns FALSE when neither exists. */
gboolean          palier_program_quota_for_segment (const PalierProgram *program,
                                                    const char          *segment,
                                                    PalierDecimal       *out_quota);

/* A new component of @kind with empty tiers/levels and defaults: revenue,
 * amount basis, marginal, negative bases pay zero. */
PalierComponent  *palier_component_new         (PalierComponentKind  kind,
                                                const char          *id,
                                                const char          *name);
PalierComponent  *palier_component_copy        (const PalierComponent *component);
void              palier_component_free        (PalierComponent     *component);
/* See palier_program_equal(). */
gboolean          palier_component_equal       (const PalierComponent *a,
                                                const PalierComponent *b);

/* Appends a rate tier or a level; overrides start empty. */
void              palier_component_add_tier    (PalierComponent     *component,
                                                PalierDecimal        from,
                                                PalierDecimal        rate);
void              palier_component_add_level   (PalierComponent     *component,
                                                PalierDecimal        min,
                                                PalierDecimal        amount);

/* Appends a tier that pays @per_unit per unit of the measure (version 2). */
void              palier_component_add_per_unit_tier (PalierComponent *component,
                                                      PalierDecimal    from,
                                                      PalierDecimal    per_unit);

/* Appends a segment override to a tier (same kind as the tier's value) or
 * to a level (version 2). */
void              palier_tier_add_override     (PalierTier          *tier,
                                                const char          *segment,
                                                PalierDecimal        value);
void              palier_level_add_override    (PalierLevel         *level,
                                                const char          *segment,
                                                PalierDecimal        amount);

/* Adds @value as an allowed value of @field. */
void              palier_filter_add_value      (PalierFilter        *filter,
                                                PalierFilterField    field,
                                                const char          *value);
gboolean          palier_filter_is_empty       (const PalierFilter  *filter);

/* Names as they appear in the XML vocabulary ("revenue", "attainment",
 * "retroactive", "category", ...) and back. */
const char *palier_measure_to_string     (PalierMeasure        measure);
gboolean    palier_measure_from_string   (const char          *text,
                                          PalierMeasure       *out);
const char *palier_basis_to_string       (PalierBasis          basis);
gboolean    palier_basis_from_string     (const char          *text,
                                          PalierBasis         *out);
const char *palier_method_to_string      (PalierMethod         method);
gboolean    palier_method_from_string    (const char          *text,
                                          PalierMethod        *out);
const char *palier_negative_to_string    (PalierNegativePolicy policy);
gboolean    palier_negative_from_string  (const char          *text,
                                          PalierNegativePolicy *out);
const char *palier_filter_field_to_string (PalierFilterField   field);
gboolean    palier_filter_field_from_string (const char       *text,
                                             PalierFilterField *out);
const char *palier_reward_kind_to_string (PalierRewardKind     kind);
gboolean    palier_reward_kind_from_string (const char        *text,
                                            PalierRewardKind  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierProgram, palier_program_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierComponent, palier_component_free)

G_END_DECLS
