/* palier-health.c: how a program spreads its cost
 *
 * Concentration (the top tenth's share and the Gini coefficient) is
 * computed on partner cost, payout plus non-cash, with integer sums and
 * one rounding to 6 decimals.  A partner with a negative cost (a
 * clawback) counts as zero there, because a share of a total needs
 * parts of one sign.
 *
 * A cliff is a boundary where the payout jumps.  It is the gate of a
 * commission or bonus, a tier of a retroactive commission with a higher
 * value than the tier below, or a bonus level with a higher amount than
 * the level below.  Marginal and interpolated tiers raise the payout
 * continuously, so they have none.  A partner's component period counts
 * when its base, after any carried deficit, is below the boundary by at
 * most @near times the boundary, and reaching the boundary would pay
 * more.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-health-private.h"
#include "palier-money.h"

#define WIDE_E6 ((PalierWide) PALIER_DECIMAL_ONE)

G_DEFINE_QUARK (palier-health-error-quark, palier_health_error)

/* Shared with statements */

int
_palier_health_find_active (const PalierBases *bases,
                            const char        *code)
{
  guint low = 0, high = bases->active->len;

  /* The active list is sorted by code with strcmp(). */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint index = g_array_index (bases->active, guint, middle);
      const PalierPartner *partner = g_ptr_array_index (bases->partners, index);
      int order = strcmp (partner->code, code);

      if (order == 0)
        return (int) middle;
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

gboolean
_palier_health_uses_quota (const PalierComponent *component)
{
  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
    case PALIER_COMPONENT_BONUS:
      return component->basis == PALIER_BASIS_ATTAINMENT;
    case PALIER_COMPONENT_REWARD:
      return component->reward_rule == PALIER_REWARD_RULE_THRESHOLD &&
             component->threshold_basis == PALIER_BASIS_ATTAINMENT;
    case PALIER_COMPONENT_DEAL_BONUS:
    default:
      return FALSE;
    }
}

gboolean
_palier_health_read_cells (PalierEvaluation     *evaluation,
                           const PalierProgram  *program,
                           guint                 partner,
                           guint                 component,
                           GArray               *cells,
                           GArray               *carried,
                           GError              **error)
{
  const PalierComponent *definition = g_ptr_array_index (program->components, component);
  gboolean carry = definition->kind == PALIER_COMPONENT_COMMISSION &&
                   definition->negative == PALIER_NEGATIVE_CARRY_FORWARD;
  PalierDecimal deficit = 0;
  gint32 deficit_year = 0;

  g_array_set_size (cells, 0);
  g_array_set_size (carried, 0);
  if (!_palier_evaluation_get_cells (evaluation, partner, component, cells, error))
    return FALSE;
  g_array_set_size (carried, cells->len);

  for (guint k = 0; k < cells->len; k++)
    {
      PalierEvaluationCell *cell = &g_array_index (cells, PalierEvaluationCell, k);

      g_array_index (carried, PalierDecimal, k) = 0;
      if (!carry || !cell->present)
        continue;

      /* A deficit stays within its fiscal year. */
      if (cell->fiscal_year != deficit_year)
        deficit = 0;
      deficit_year = cell->fiscal_year;

      g_array_index (carried, PalierDecimal, k) = deficit;
      if (!palier_decimal_add (cell->base, deficit, &cell->base))
        return _palier_simulate_set_overflow (error);
      deficit = MIN (cell->base, 0);
    }
  return TRUE;
}

/* Health */

static void
cliff_clear (gpointer data)
{
  PalierCliff *cliff = data;

  g_free (cliff->partner);
  g_free (cliff->period);
}

static void
effective_rate_clear (gpointer data)
{
  PalierEffectiveRate *rate = data;

  g_free (rate->partner);
  g_free (rate->segment);
}

PalierHealth *
palier_health_ref (PalierHealth *health)
{
  g_return_val_if_fail (health != NULL, NULL);

  g_atomic_int_inc (&health->ref_count);
  return health;
}

void
palier_health_unref (PalierHealth *health)
{
  g_return_if_fail (health != NULL);

  if (!g_atomic_int_dec_and_test (&health->ref_count))
    return;

  g_clear_pointer (&health->program, palier_program_unref);
  g_clear_pointer (&health->cliffs, g_array_unref);
  g_clear_pointer (&health->rates, g_array_unref);
  g_free (health);
}

static PalierDecimal
ratio_of (PalierWide value,
          PalierWide divisor)
{
  PalierWide ratio;

  if (divisor <= 0 || !palier_wide_mul_div_round (value, WIDE_E6, divisor, &ratio))
    return 0;
  return (PalierDecimal) ratio;
}

static gint
compare_rates (gconstpointer a,
               gconstpointer b)
{
  const PalierEffectiveRate *ra = a;
  const PalierEffectiveRate *rb = b;

  if (ra->cost != rb->cost)
    return ra->cost > rb->cost ? -1 : 1;
  return strcmp (ra->partner, rb->partner);
}

static gboolean
collect_rates (PalierHealth        *health,
               const PalierResult  *result,
               GError             **error)
{
  health->rates = g_array_sized_new (FALSE, TRUE, sizeof (PalierEffectiveRate),
                                     result->partners->len);
  g_array_set_clear_func (health->rates, effective_rate_clear);

  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *partner = g_ptr_array_index (result->partners, i);
      PalierEffectiveRate rate = { 0 };

      if (!palier_decimal_add (partner->payout, partner->non_cash, &rate.cost))
        return _palier_simulate_set_overflow (error);

      rate.partner = g_strdup (partner->partner);
      rate.segment = g_strdup (partner->segment);
      rate.sales = partner->sales;
      rate.rate = partner->sales > 0 ? ratio_of (rate.cost, partner->sales) : 0;
      g_array_append_val (health->rates, rate);

      if (rate.cost > 0)
        health->n_paid++;
    }

  g_array_sort (health->rates, compare_rates);
  return TRUE;
}

/* The Gini coefficient of x_1 <= ... <= x_n is
 * (2 Σ i x_i - (n + 1) Σ x_i) / (n Σ x_i), with i from 1.  The sums are
 * exact: n times the total stays far inside 128 bits. */
static void
compute_concentration (PalierHealth *health)
{
  guint n = health->rates->len;
  guint n_top = (n + 9) / 10;
  PalierWide total = 0, top = 0, weighted = 0;

  /* The rates are sorted by cost, largest first, so partner i from the
   * end has rank i + 1 in ascending order. */
  for (guint i = 0; i < n; i++)
    {
      const PalierEffectiveRate *rate = &g_array_index (health->rates, PalierEffectiveRate, n - 1 - i);
      PalierWide cost = MAX (rate->cost, 0);

      total += cost;
      weighted += (PalierWide) (i + 1) * cost;
      if (i >= n - n_top)
        top += cost;
    }

  health->n_partners = n;
  if (n == 0 || total == 0)
    return;

  health->top_decile_share = ratio_of (top, total);
  health->gini = ratio_of (2 * weighted - (PalierWide) (n + 1) * total, (PalierWide) n * total);
}

/* Cliffs */

typedef struct {
  PalierDecimal  boundary;              /* money or units */
  PalierDecimal  step;
  guint          index;
  gboolean       gate;
} Candidate;

/* A boundary in basis units, in money or units: a fraction of the quota
 * is rounded up to 10^-6, so that a base equal to it reaches it. */
static gboolean
boundary_in_units (const PalierComponent  *component,
                   const PalierPayoutInput *input,
                   PalierDecimal            value,
                   PalierDecimal           *out)
{
  PalierWide product, money;

  if (component->basis != PALIER_BASIS_ATTAINMENT)
    {
      *out = value;
      return TRUE;
    }

  product = (PalierWide) value * input->quota;
  money = product / WIDE_E6;
  if (product % WIDE_E6 > 0)
    money++;
  if (money > PALIER_DECIMAL_MAX)
    return FALSE;

  *out = (PalierDecimal) money;
  return TRUE;
}

/* The step values of a retroactive commission's tiers or a bonus's
 * levels, for the partner's segment; 0 when a boundary pays no step. */
static PalierDecimal
boundary_jump (const PalierComponent *component,
               const char            *segment,
               guint                  index)
{
  if (component->kind == PALIER_COMPONENT_BONUS)
    {
      PalierDecimal amount = palier_level_amount_for_segment (&g_array_index (component->levels, PalierLevel, index), segment);
      PalierDecimal below = index > 0 ? palier_level_amount_for_segment (&g_array_index (component->levels, PalierLevel, index - 1), segment) : 0;

      return amount - below;
    }
  else
    {
      PalierDecimal value = palier_tier_value_for_segment (&g_array_index (component->tiers, PalierTier, index), segment);
      PalierDecimal below = index > 0 ? palier_tier_value_for_segment (&g_array_index (component->tiers, PalierTier, index - 1), segment) : 0;

      return value - below;
    }
}

/* Lists the boundaries of @component in basis units that may pay a
 * step, gate first. */
static void
list_boundaries (const PalierComponent *component,
                 const char            *segment,
                 GArray                *values)
{
  g_array_set_size (values, 0);
  if (component->has_gate)
    g_array_append_val (values, component->gate);

  if (component->kind == PALIER_COMPONENT_BONUS && component->levels != NULL)
    {
      for (guint i = 0; i < component->levels->len; i++)
        if (boundary_jump (component, segment, i) > 0)
          g_array_append_val (values, g_array_index (component->levels, PalierLevel, i).min);
    }
  else if (component->kind == PALIER_COMPONENT_COMMISSION &&
           component->method == PALIER_METHOD_RETROACTIVE && component->tiers != NULL)
    {
      for (guint i = 0; i < component->tiers->len; i++)
        if (boundary_jump (component, segment, i) > 0)
          g_array_append_val (values, g_array_index (component->tiers, PalierTier, i).from);
    }
}

/* Whether @base is below @boundary by at most @near times it:
 * boundary × (1 - near) <= base < boundary, compared exactly. */
static gboolean
is_near (PalierDecimal base,
         PalierDecimal boundary,
         PalierDecimal near)
{
  if (boundary <= 0 || base >= boundary)
    return FALSE;
  return (PalierWide) base * WIDE_E6 >= (PalierWide) boundary * (WIDE_E6 - near);
}

static gboolean
find_candidates (const PalierComponent   *component,
                 const PalierPayoutInput *input,
                 PalierDecimal            near,
                 GArray                  *values,
                 GArray                  *candidates,
                 GError                 **error)
{
  PalierDecimal payout_at_base;

  g_array_set_size (candidates, 0);
  if (component->basis == PALIER_BASIS_ATTAINMENT && !input->has_quota)
    return TRUE;

  list_boundaries (component, input->segment, values);
  if (values->len == 0)
    return TRUE;
  if (!palier_payout_compute (component, input, &payout_at_base, NULL, error))
    return FALSE;

  for (guint v = 0; v < values->len; v++)
    {
      PalierPayoutInput at = *input;
      PalierDecimal payout_at_boundary;
      Candidate candidate = { 0 };
      gboolean duplicate = FALSE;

      if (!boundary_in_units (component, input, g_array_index (values, PalierDecimal, v), &at.base) ||
          !is_near (input->base, at.base, near))
        continue;

      for (guint c = 0; c < candidates->len; c++)
        duplicate = duplicate || g_array_index (candidates, Candidate, c).boundary == at.base;
      if (duplicate)
        continue;

      if (!palier_payout_compute (component, &at, &payout_at_boundary, NULL, error))
        return FALSE;
      if (payout_at_boundary <= payout_at_base)
        continue;

      candidate.boundary = at.base;
      candidate.step = payout_at_boundary - payout_at_base;
      candidate.index = (guint) MAX (palier_payout_reached_index (component, &at), 0);
      /* list_boundaries() puts the gate first. */
      candidate.gate = component->has_gate && v == 0;
      g_array_append_val (candidates, candidate);
    }
  return TRUE;
}

static gboolean
component_has_cliffs (const PalierComponent *component)
{
  if (component->kind == PALIER_COMPONENT_BONUS)
    return TRUE;
  return component->kind == PALIER_COMPONENT_COMMISSION &&
         (component->has_gate || component->method == PALIER_METHOD_RETROACTIVE);
}

typedef struct {
  PalierHealth      *health;
  PalierEvaluation  *evaluation;
  const PalierBases *bases;
  int                minor_digits;
  GArray            *cells;             /* PalierEvaluationCell */
  GArray            *carried;           /* PalierDecimal */
  GArray            *values;            /* PalierDecimal */
  GArray            *candidates;        /* Candidate */
  GArray            *component_order;   /* guint, per cliff */
} CliffSearch;

static gboolean
search_component (CliffSearch  *search,
                  guint         partner,
                  guint         c,
                  GError      **error)
{
  PalierHealth *health = search->health;
  const PalierComponent *component = g_ptr_array_index (health->program->components, c);
  const PalierPartner *row = g_ptr_array_index (search->bases->partners,
                                                g_array_index (search->bases->active, guint, partner));

  if (!_palier_health_read_cells (search->evaluation, health->program, partner, c,
                                  search->cells, search->carried, error))
    return FALSE;

  for (guint k = 0; k < search->cells->len; k++)
    {
      const PalierEvaluationCell *cell = &g_array_index (search->cells, PalierEvaluationCell, k);
      PalierPayoutInput input = { cell->base, cell->has_quota, cell->quota, row->segment,
                                  search->minor_digits };

      if (!cell->present)
        continue;
      if (!find_candidates (component, &input, health->near, search->values,
                            search->candidates, error))
        return FALSE;

      for (guint i = 0; i < search->candidates->len; i++)
        {
          const Candidate *candidate = &g_array_index (search->candidates, Candidate, i);
          PalierCliff cliff = { 0 };

          cliff.partner = g_strdup (row->code);
          cliff.component = component->id;
          cliff.period = palier_period_label (cell->kind, health->program->fiscal_year_start,
                                              cell->index);
          cliff.index = candidate->index;
          cliff.gate = candidate->gate;
          cliff.base = cell->base;
          cliff.boundary = candidate->boundary;
          cliff.gap = candidate->boundary - cell->base;
          cliff.step = candidate->step;
          g_array_append_val (health->cliffs, cliff);
        }
    }
  return TRUE;
}

static gint
compare_cliffs (gconstpointer a,
                gconstpointer b)
{
  const PalierCliff *ca = a;
  const PalierCliff *cb = b;
  int order;

  if (ca->step != cb->step)
    return ca->step > cb->step ? -1 : 1;
  order = strcmp (ca->partner, cb->partner);
  if (order != 0)
    return order;
  order = strcmp (ca->component, cb->component);
  if (order != 0)
    return order;
  order = strcmp (ca->period, cb->period);
  if (order != 0)
    return order;
  return ca->boundary < cb->boundary ? -1 : (ca->boundary > cb->boundary ? 1 : 0);
}

static void
count_near_partners (PalierHealth *health)
{
  g_autoptr(GHashTable) partners = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < health->cliffs->len; i++)
    g_hash_table_add (partners, g_array_index (health->cliffs, PalierCliff, i).partner);
  health->n_near_partners = g_hash_table_size (partners);
}

static gboolean
find_cliffs (PalierHealth       *health,
             const PalierBases  *bases,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(PalierEvaluation) evaluation = _palier_evaluation_new (bases);
  CliffSearch search = { 0 };
  gboolean ok = TRUE;

  health->cliffs = g_array_new (FALSE, TRUE, sizeof (PalierCliff));
  g_array_set_clear_func (health->cliffs, cliff_clear);

  if (!_palier_evaluation_update (evaluation, health->program, cancellable, error))
    return FALSE;

  search.health = health;
  search.evaluation = evaluation;
  search.bases = bases;
  search.minor_digits = palier_currency_minor_digits (health->program->currency);
  search.cells = g_array_new (FALSE, TRUE, sizeof (PalierEvaluationCell));
  search.carried = g_array_new (FALSE, TRUE, sizeof (PalierDecimal));
  search.values = g_array_new (FALSE, TRUE, sizeof (PalierDecimal));
  search.candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));

  for (guint i = 0; ok && i < bases->active->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        ok = _palier_simulate_set_cancelled (error);

      for (guint c = 0; ok && c < health->program->components->len; c++)
        if (component_has_cliffs (g_ptr_array_index (health->program->components, c)))
          ok = search_component (&search, i, c, error);
    }

  g_array_unref (search.cells);
  g_array_unref (search.carried);
  g_array_unref (search.values);
  g_array_unref (search.candidates);
  if (!ok)
    return FALSE;

  g_array_sort (health->cliffs, compare_cliffs);
  count_near_partners (health);
  return TRUE;
}

PalierHealth *
palier_health_compute (const PalierBases    *bases,
                       const PalierProgram  *program,
                       const PalierResult   *result,
                       PalierDecimal         near,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(PalierHealth) health = NULL;
  char text[PALIER_DECIMAL_BUFSIZE];

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (palier_bases_can_simulate (bases, program), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (near <= 0 || near > PALIER_DECIMAL_ONE)
    {
      g_set_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_INVALID,
                   _("invalid distance below a boundary %s; use a fraction above 0 and at most 1, such as 0.05 for 5 %%"),
                   palier_decimal_format_exact (near, text));
      return NULL;
    }

  health = g_new0 (PalierHealth, 1);
  health->ref_count = 1;
  health->program = palier_program_copy (program);
  health->near = near;

  if (!collect_rates (health, result, error))
    return NULL;
  compute_concentration (health);

  if (!find_cliffs (health, bases, cancellable, error))
    return NULL;

  return g_steal_pointer (&health);
}
