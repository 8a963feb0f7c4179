/* palier-program.c: the program model
 *
 * Construction, deep copy and deep comparison of programs and their
 * components, and the names of the enumerations in the XML vocabulary.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include "palier-program-private.h"

G_DEFINE_BOXED_TYPE (PalierProgram, palier_program,
                     palier_program_ref, palier_program_unref)

/* Overrides, tiers and levels ============================================ */

static void
override_clear (gpointer data)
{
  PalierOverride *override = data;

  g_clear_pointer (&override->segment, g_free);
}

static GArray *
overrides_new (void)
{
  GArray *overrides = g_array_new (FALSE, TRUE, sizeof (PalierOverride));

  g_array_set_clear_func (overrides, override_clear);
  return overrides;
}

static GArray *
overrides_copy (const GArray *overrides)
{
  GArray *copy;

  if (overrides == NULL)
    return NULL;

  copy = overrides_new ();
  for (guint i = 0; i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);
      PalierOverride item = { g_strdup (override->segment), override->value };

      g_array_append_val (copy, item);
    }
  return copy;
}

/* NULL and empty arrays are equal: both mean "no override". */
static gboolean
overrides_equal (const GArray *a,
                 const GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      const PalierOverride *x = &g_array_index (a, PalierOverride, i);
      const PalierOverride *y = &g_array_index (b, PalierOverride, i);

      if (g_strcmp0 (x->segment, y->segment) != 0 || x->value != y->value)
        return FALSE;
    }
  return TRUE;
}

static void
overrides_append (GArray     **overrides,
                  const char  *segment,
                  PalierDecimal value)
{
  PalierOverride item = { g_strdup (segment), value };

  if (*overrides == NULL)
    *overrides = overrides_new ();
  g_array_append_val (*overrides, item);
}

void
palier_tier_add_override (PalierTier    *tier,
                          const char    *segment,
                          PalierDecimal  value)
{
  g_return_if_fail (tier != NULL);
  g_return_if_fail (segment != NULL);

  overrides_append (&tier->overrides, segment, value);
}

void
palier_level_add_override (PalierLevel   *level,
                           const char    *segment,
                           PalierDecimal  amount)
{
  g_return_if_fail (level != NULL);
  g_return_if_fail (segment != NULL);

  overrides_append (&level->overrides, segment, amount);
}

static void
tier_clear (gpointer data)
{
  PalierTier *tier = data;

  g_clear_pointer (&tier->overrides, g_array_unref);
}

static void
level_clear (gpointer data)
{
  PalierLevel *level = data;

  g_clear_pointer (&level->overrides, g_array_unref);
}

static GArray *
tiers_new (void)
{
  GArray *tiers = g_array_new (FALSE, TRUE, sizeof (PalierTier));

  g_array_set_clear_func (tiers, tier_clear);
  return tiers;
}

static GArray *
levels_new (void)
{
  GArray *levels = g_array_new (FALSE, TRUE, sizeof (PalierLevel));

  g_array_set_clear_func (levels, level_clear);
  return levels;
}

static GArray *
tiers_copy (const GArray *tiers)
{
  GArray *copy;

  if (tiers == NULL)
    return NULL;

  copy = tiers_new ();
  for (guint i = 0; i < tiers->len; i++)
    {
      PalierTier tier = g_array_index (tiers, PalierTier, i);

      tier.overrides = overrides_copy (tier.overrides);
      g_array_append_val (copy, tier);
    }
  return copy;
}

static GArray *
levels_copy (const GArray *levels)
{
  GArray *copy;

  if (levels == NULL)
    return NULL;

  copy = levels_new ();
  for (guint i = 0; i < levels->len; i++)
    {
      PalierLevel level = g_array_index (levels, PalierLevel, i);

      level.overrides = overrides_copy (level.overrides);
      g_array_append_val (copy, level);
    }
  return copy;
}

static gboolean
tiers_equal (const GArray *a,
             const GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      const PalierTier *x = &g_array_index (a, PalierTier, i);
      const PalierTier *y = &g_array_index (b, PalierTier, i);

      if (x->from != y->from || x->kind != y->kind || x->value != y->value)
        return FALSE;
      if (!overrides_equal (x->overrides, y->overrides))
        return FALSE;
    }
  return TRUE;
}

static gboolean
levels_equal (const GArray *a,
              const GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      const PalierLevel *x = &g_array_index (a, PalierLevel, i);
      const PalierLevel *y = &g_array_index (b, PalierLevel, i);

      if (x->min != y->min || x->amount != y->amount)
        return FALSE;
      if (!overrides_equal (x->overrides, y->overrides))
        return FALSE;
    }
  return TRUE;
}

/* Filters ================================================================ */

void
palier_filter_add_value (PalierFilter      *filter,
                         PalierFilterField  field,
                         const char        *value)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (field < PALIER_N_FILTER_FIELDS);
  g_return_if_fail (value != NULL);

  if (filter->values[field] == NULL)
    filter->values[field] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (filter->values[field], g_strdup (value));
}

gboolean
palier_filter_is_empty (const PalierFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      if (filter->values[field] != NULL && filter->values[field]->len > 0)
        return FALSE;
    }
  return filter->start == PALIER_DATE_NONE && filter->end == PALIER_DATE_NONE;
}

static void
filter_clear (PalierFilter *filter)
{
  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    g_clear_pointer (&filter->values[field], g_ptr_array_unref);
}

static void
filter_copy (const PalierFilter *source,
             PalierFilter       *dest)
{
  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      const GPtrArray *values = source->values[field];

      dest->values[field] = NULL;
      for (guint i = 0; values != NULL && i < values->len; i++)
        palier_filter_add_value (dest, field, g_ptr_array_index (values, i));
    }
  dest->start = source->start;
  dest->end = source->end;
}

static gboolean
filter_values_equal (const GPtrArray *a,
                     const GPtrArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
filter_equal (const PalierFilter *a,
              const PalierFilter *b)
{
  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      if (!filter_values_equal (a->values[field], b->values[field]))
        return FALSE;
    }
  return a->start == b->start && a->end == b->end;
}

/* Components ============================================================= */

PalierComponent *
palier_component_new (PalierComponentKind  kind,
                      const char          *id,
                      const char          *name)
{
  PalierComponent *component;

  g_return_val_if_fail (kind <= PALIER_COMPONENT_REWARD, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  component = g_new0 (PalierComponent, 1);
  component->kind = kind;
  component->id = g_strdup (id);
  component->name = g_strdup (name);
  component->measure = PALIER_MEASURE_REVENUE;
  component->basis = PALIER_BASIS_AMOUNT;
  component->method = PALIER_METHOD_MARGINAL;
  component->negative = PALIER_NEGATIVE_ZERO;
  component->tiers = tiers_new ();
  component->levels = levels_new ();
  component->filter.start = PALIER_DATE_NONE;
  component->filter.end = PALIER_DATE_NONE;
  component->reward_kind = PALIER_REWARD_OTHER;
  component->reward_rule = PALIER_REWARD_RULE_TOP;
  component->threshold_basis = PALIER_BASIS_AMOUNT;

  return component;
}

PalierComponent *
palier_component_copy (const PalierComponent *component)
{
  PalierComponent *copy;

  g_return_val_if_fail (component != NULL, NULL);

  copy = g_memdup2 (component, sizeof *component);
  copy->id = g_strdup (component->id);
  copy->name = g_strdup (component->name);
  filter_copy (&component->filter, &copy->filter);
  copy->tiers = tiers_copy (component->tiers);
  copy->levels = levels_copy (component->levels);

  return copy;
}

void
palier_component_free (PalierComponent *component)
{
  if (component == NULL)
    return;

  g_free (component->id);
  g_free (component->name);
  filter_clear (&component->filter);
  g_clear_pointer (&component->tiers, g_array_unref);
  g_clear_pointer (&component->levels, g_array_unref);
  g_free (component);
}

static gboolean
commission_equal (const PalierComponent *a,
                  const PalierComponent *b)
{
  return a->basis == b->basis
         && a->method == b->method
         && a->negative == b->negative
         && tiers_equal (a->tiers, b->tiers)
         && a->has_gate == b->has_gate
         && (!a->has_gate || a->gate == b->gate)
         && a->has_cap == b->has_cap
         && (!a->has_cap || a->cap == b->cap);
}

static gboolean
bonus_equal (const PalierComponent *a,
             const PalierComponent *b)
{
  return a->basis == b->basis && levels_equal (a->levels, b->levels);
}

static gboolean
deal_bonus_equal (const PalierComponent *a,
                  const PalierComponent *b)
{
  return a->deal_min == b->deal_min
         && a->deal_amount == b->deal_amount
         && a->has_deal_rate == b->has_deal_rate
         && (!a->has_deal_rate || a->deal_rate == b->deal_rate);
}

static gboolean
reward_equal (const PalierComponent *a,
              const PalierComponent *b)
{
  if (a->reward_kind != b->reward_kind
      || a->unit_cost != b->unit_cost
      || a->reward_rule != b->reward_rule)
    return FALSE;

  if (a->reward_rule == PALIER_REWARD_RULE_TOP)
    return a->top_count == b->top_count;

  return a->threshold_basis == b->threshold_basis
         && a->threshold_min == b->threshold_min;
}

gboolean
palier_component_equal (const PalierComponent *a,
                        const PalierComponent *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->kind != b->kind
      || g_strcmp0 (a->id, b->id) != 0
      || g_strcmp0 (a->name, b->name) != 0
      || a->measure != b->measure
      || a->has_period != b->has_period
      || (a->has_period && a->period != b->period)
      || !filter_equal (&a->filter, &b->filter))
    return FALSE;

  switch (a->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      return commission_equal (a, b);
    case PALIER_COMPONENT_BONUS:
      return bonus_equal (a, b);
    case PALIER_COMPONENT_DEAL_BONUS:
      return deal_bonus_equal (a, b);
    case PALIER_COMPONENT_REWARD:
      return reward_equal (a, b);
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
palier_component_add_tier (PalierComponent *component,
                           PalierDecimal    from,
                           PalierDecimal    rate)
{
  PalierTier tier = { from, PALIER_TIER_RATE, rate, NULL };

  g_return_if_fail (component != NULL);

  if (component->tiers == NULL)
    component->tiers = tiers_new ();
  g_array_append_val (component->tiers, tier);
}

void
palier_component_add_per_unit_tier (PalierComponent *component,
                                    PalierDecimal    from,
                                    PalierDecimal    per_unit)
{
  PalierTier tier = { from, PALIER_TIER_PER_UNIT, per_unit, NULL };

  g_return_if_fail (component != NULL);

  if (component->tiers == NULL)
    component->tiers = tiers_new ();
  g_array_append_val (component->tiers, tier);
}

void
palier_component_add_level (PalierComponent *component,
                            PalierDecimal    min,
                            PalierDecimal    amount)
{
  PalierLevel level = { min, amount, NULL };

  g_return_if_fail (component != NULL);

  if (component->levels == NULL)
    component->levels = levels_new ();
  g_array_append_val (component->levels, level);
}

/* Programs =============================================================== */

static void
segment_quota_clear (gpointer data)
{
  PalierSegmentQuota *segment_quota = data;

  g_clear_pointer (&segment_quota->segment, g_free);
}

static GArray *
segment_quotas_new (void)
{
  GArray *segment_quotas = g_array_new (FALSE, TRUE, sizeof (PalierSegmentQuota));

  g_array_set_clear_func (segment_quotas, segment_quota_clear);
  return segment_quotas;
}

PalierProgram *
palier_program_new (const char *id,
                    const char *name)
{
  PalierProgram *program;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  program = g_new0 (PalierProgram, 1);
  program->ref_count = 1;
  program->id = g_strdup (id);
  program->name = g_strdup (name);
  program->currency = g_strdup ("EUR");
  program->period = PALIER_PERIOD_QUARTER;
  program->fiscal_year_start = 1;
  program->segment_quotas = segment_quotas_new ();
  program->components = g_ptr_array_new_with_free_func ((GDestroyNotify) palier_component_free);

  return program;
}

PalierProgram *
palier_program_ref (PalierProgram *program)
{
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (program->ref_count > 0, NULL);

  g_atomic_int_inc (&program->ref_count);
  return program;
}

void
palier_program_unref (PalierProgram *program)
{
  g_return_if_fail (program != NULL);
  g_return_if_fail (program->ref_count > 0);

  if (!g_atomic_int_dec_and_test (&program->ref_count))
    return;

  g_free (program->id);
  g_free (program->name);
  g_free (program->currency);
  g_clear_pointer (&program->segment_quotas, g_array_unref);
  g_clear_pointer (&program->components, g_ptr_array_unref);
  g_free (program);
}

PalierProgram *
palier_program_copy (const PalierProgram *program)
{
  PalierProgram *copy;

  g_return_val_if_fail (program != NULL, NULL);

  copy = palier_program_new (program->id, program->name);
  g_free (copy->currency);
  copy->currency = g_strdup (program->currency);
  copy->period = program->period;
  copy->fiscal_year_start = program->fiscal_year_start;
  copy->has_quota = program->has_quota;
  copy->quota = program->quota;

  for (guint i = 0; program->segment_quotas != NULL && i < program->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *segment_quota =
        &g_array_index (program->segment_quotas, PalierSegmentQuota, i);

      palier_program_add_segment_quota (copy, segment_quota->segment, segment_quota->quota);
    }

  for (guint i = 0; program->components != NULL && i < program->components->len; i++)
    palier_program_add_component (copy, palier_component_copy (g_ptr_array_index (program->components, i)));

  return copy;
}

static gboolean
segment_quotas_equal (const GArray *a,
                      const GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      const PalierSegmentQuota *x = &g_array_index (a, PalierSegmentQuota, i);
      const PalierSegmentQuota *y = &g_array_index (b, PalierSegmentQuota, i);

      if (g_strcmp0 (x->segment, y->segment) != 0 || x->quota != y->quota)
        return FALSE;
    }
  return TRUE;
}

gboolean
palier_program_equal (const PalierProgram *a,
                      const PalierProgram *b)
{
  guint len_a, len_b;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (g_strcmp0 (a->id, b->id) != 0
      || g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->currency, b->currency) != 0
      || a->period != b->period
      || a->fiscal_year_start != b->fiscal_year_start
      || a->has_quota != b->has_quota
      || (a->has_quota && a->quota != b->quota)
      || !segment_quotas_equal (a->segment_quotas, b->segment_quotas))
    return FALSE;

  len_a = a->components != NULL ? a->components->len : 0;
  len_b = b->components != NULL ? b->components->len : 0;
  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      if (!palier_component_equal (g_ptr_array_index (a->components, i),
                                   g_ptr_array_index (b->components, i)))
        return FALSE;
    }
  return TRUE;
}

void
palier_program_add_component (PalierProgram   *program,
                              PalierComponent *component)
{
  g_return_if_fail (program != NULL);
  g_return_if_fail (component != NULL);

  g_ptr_array_add (program->components, component);
}

void
palier_program_add_segment_quota (PalierProgram *program,
                                  const char    *segment,
                                  PalierDecimal  quota)
{
  PalierSegmentQuota item = { g_strdup (segment), quota };

  g_return_if_fail (program != NULL);
  g_return_if_fail (segment != NULL);

  g_array_append_val (program->segment_quotas, item);
}

PalierComponent *
palier_program_find_component (const PalierProgram *program,
                               const char          *id)
{
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < program->components->len; i++)
    {
      PalierComponent *component = g_ptr_array_index (program->components, i);

      if (g_strcmp0 (component->id, id) == 0)
        return component;
    }
  return NULL;
}

gboolean
palier_program_quota_for_segment (const PalierProgram *program,
                                  const char          *segment,
                                  PalierDecimal       *out_quota)
{
  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (out_quota != NULL, FALSE);

  for (guint i = 0; segment != NULL && i < program->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *segment_quota =
        &g_array_index (program->segment_quotas, PalierSegmentQuota, i);

      if (g_strcmp0 (segment_quota->segment, segment) == 0)
        {
          *out_quota = segment_quota->quota;
          return TRUE;
        }
    }

  if (!program->has_quota)
    return FALSE;

  *out_quota = program->quota;
  return TRUE;
}

/* Names in the XML vocabulary ============================================ */

static const char * const measure_names[] = { "revenue", "margin", "units" };
static const char * const basis_names[] = { "amount", "attainment" };
static const char * const method_names[] = { "marginal", "retroactive", "interpolated" };
static const char * const negative_names[] = { "zero", "clawback", "carry-forward" };
static const char * const filter_field_names[] = { "category", "product", "region", "segment" };
static const char * const reward_kind_names[] = { "trip", "recognition", "training", "other" };

G_STATIC_ASSERT (G_N_ELEMENTS (measure_names) == PALIER_MEASURE_UNITS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (basis_names) == PALIER_BASIS_ATTAINMENT + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (method_names) == PALIER_METHOD_INTERPOLATED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (negative_names) == PALIER_NEGATIVE_CARRY_FORWARD + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (filter_field_names) == PALIER_N_FILTER_FIELDS);
G_STATIC_ASSERT (G_N_ELEMENTS (reward_kind_names) == PALIER_REWARD_OTHER + 1);

const char *
_palier_component_kind_to_element (PalierComponentKind kind)
{
  switch (kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      return "commission";
    case PALIER_COMPONENT_BONUS:
      return "bonus";
    case PALIER_COMPONENT_DEAL_BONUS:
      return "deal-bonus";
    case PALIER_COMPONENT_REWARD:
      return "reward";
    default:
      return "component";
    }
}

/* Looks @text up in @names and stores its index in @out.  Returns FALSE,
 * leaving @out untouched, for NULL or an unknown name. */
static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             int                *out)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], text) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

#define DEFINE_NAMES(prefix, Type, names)                                    \
  const char *                                                               \
  prefix##_to_string (Type value)                                            \
  {                                                                          \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), NULL);       \
    return names[value];                                                     \
  }                                                                          \
                                                                             \
  gboolean                                                                   \
  prefix##_from_string (const char *text,                                    \
                        Type       *out)                                     \
  {                                                                          \
    int index;                                                               \
                                                                             \
    g_return_val_if_fail (out != NULL, FALSE);                               \
                                                                             \
    if (!lookup_name (names, G_N_ELEMENTS (names), text, &index))            \
      return FALSE;                                                          \
    *out = (Type) index;                                                     \
    return TRUE;                                                             \
  }

DEFINE_NAMES (palier_measure, PalierMeasure, measure_names)
DEFINE_NAMES (palier_basis, PalierBasis, basis_names)
DEFINE_NAMES (palier_method, PalierMethod, method_names)
DEFINE_NAMES (palier_negative, PalierNegativePolicy, negative_names)
DEFINE_NAMES (palier_filter_field, PalierFilterField, filter_field_names)
DEFINE_NAMES (palier_reward_kind, PalierRewardKind, reward_kind_names)
