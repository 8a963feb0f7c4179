/* palier-monte-carlo.c: cost risk by resampling each partner's periods
 *
 * History.  The range of the bases counts in whole calendar months,
 * because the bases hold month totals: a program period counts when
 * every one of its months overlaps the range.  A partner's history is
 * every counted period from the first one, or from the period of its
 * start date when a partners file gives a later one, to the last.
 * Periods without a line count as zero sales.  Starting at each
 * partner's first line instead would make a partner that buys rarely
 * look busier than it is.  With this rule, the expected cost of a draw
 * equals the cost of a one-year range for components paid per program
 * period.  Only partners with a line in the range take part, and a
 * partner whose start falls after the last counted period has no
 * history and takes no part either.
 *
 * A draw.  One fiscal year of program periods: for each partner and each
 * period of the year, in that order, one of the partner's historical
 * periods drawn uniformly with replacement.  Every component of the
 * partner reads the same drawn period, so the components stay
 * consistent.  A component whose period is longer than the program's
 * (a yearly rebate in a quarterly program) sees the sum of the drawn
 * periods it spans, and the sum of their slots' quotas.
 * Top-N rewards rank the partners of the draw.  Carry-forward runs
 * within the drawn year.
 *
 * Quotas.  A drawn period takes the quota of the program period it
 * fills: slot j of the drawn year stands for the latest counted program
 * period at place j of the fiscal year.  The quotas file gives that
 * quota when it covers every day of that period, else the program's
 * quota for the partner's segment, or its default, does.  A drawn year
 * is a whole year for every partner, so no quota is prorated by a start
 * date.  Components whose payout depends on a quota are then paid per
 * draw, because the same historical period can fill slots with
 * different quotas.
 *
 * Exactness.  Payouts are computed and rounded as the simulation does
 * (palier_payout_compute()), once per component, partner and component
 * period; sums are exact integers.  A component paid per program period
 * depends only on the drawn period's base, so its payout is computed
 * once per partner and historical period before the draws.
 *
 * Numbers.  Draw d uses xoshiro256** seeded with outputs 4d to 4d + 3 of
 * splitmix64 started at the seed, and Lemire's rejection method for
 * unbiased bounded integers.  Each draw depends only on the seed and its
 * index, so the draws can be split across threads and still give the
 * same results for any thread count.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-risk-private.h"
#include "palier-simulate-private.h"
#include "palier-money.h"
#include "palier-payout.h"

/* Draws between two checks of the GCancellable. */
#define CANCEL_CHECK_DRAWS 64

/* Below this many partner-periods times draws, one thread is faster. */
#define MIN_WORK_PER_THREAD 2000000

#define MAX_THREADS 8

/* Partners between two checks of the GCancellable in a pass over codes. */
#define CANCEL_CHECK_PARTNERS 64

/* Largest memory for the kept cells; beyond it an edit draws the cells
 * again, which gives the same cells more slowly. */
#define MAX_CODE_BYTES ((guint64) 256 << 20)

typedef enum {
  COMPONENT_FIXED,              /* paid per program period, folded into the cells */
  COMPONENT_CARRY,              /* per program period, carry-forward */
  COMPONENT_TOP,                /* per program period, top-N reward */
  COMPONENT_LONG,               /* longer period: summed bases per draw */
  COMPONENT_LONG_DEALS,         /* longer deal bonus: summed exact deal payouts */
} ComponentClass;

typedef struct {
  PalierComponent *component;   /* a copy, to recognise it */
  ComponentClass   klass;
  guint            span;        /* program periods per component period */
  PalierDecimal   *bases;       /* per cell; NULL for deal bonuses */
  PalierDecimal   *values;      /* per cell: payout or reward cost, for FIXED and CARRY */
  PalierWide      *deal_sums;   /* per cell, scale 10^-12, for LONG_DEALS */
} ComponentModel;

struct _PalierRiskModel
{
  const PalierBases *bases;
  PalierProgram     *program;
  int                minor_digits;
  guint              periods_per_year;
  gint32             first_period;      /* first counted program period */
  guint              n_periods;         /* counted program periods */

  guint              n_partners;        /* partners with history */
  guint             *partner_index;     /* into bases->partners */
  const char       **segments;
  gboolean          *has_quota;         /* n_partners x periods_per_year */
  PalierDecimal     *quota;             /* n_partners x periods_per_year */
  gboolean           quotas_vary;       /* some partner's quota differs between slots */
  guint             *cell_start;        /* cells of partner i: [cell_start[i], cell_start[i + 1]) */
  gint32            *first_history;     /* program period of each partner's first cell */
  guint              n_cells;

  PalierDecimal     *sales;             /* per cell, all lines */
  PalierDecimal     *fixed_payout;      /* per cell, FIXED commissions, bonuses, deals */
  PalierDecimal     *fixed_non_cash;    /* per cell, FIXED rewards */
  GPtrArray         *components;        /* ComponentModel *, program order */

  /* Per-draw figures of the last run, so that a run with the same seed
   * and draw count after an edit recomputes only the edited components. */
  gboolean           has_kept;
  guint64            kept_seed;
  guint              kept_n_draws;
  PalierDecimal     *kept_sales;        /* per draw */
  PalierWide        *kept_fixed_payout; /* per draw, FIXED components */
  PalierWide        *kept_fixed_non_cash;
  PalierWide        *kept_dynamic;      /* n_components x n_draws, 0 for FIXED ones */
  ComponentModel   **replaced;          /* per component: the model the kept draws used */

  /* The drawn cells of the last run, as offsets into each partner's
   * history packed code_digits to a byte, or NULL. */
  gboolean           keep_cells;
  guint8            *codes;             /* n_partners x n_chunks x n_draws */
  guint              code_radix;        /* longest history */
  guint              code_digits;       /* offsets per code */
  guint              n_chunks;          /* codes per partner and draw */
};

static guint max_threads;

void
_palier_risk_set_max_threads (guint n_threads)
{
  max_threads = n_threads;
}

/* Generator */

typedef struct {
  guint64 s[4];
} Xoshiro;

static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotate_left (guint64 x,
             int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
xoshiro_next (Xoshiro *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotate_left (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotate_left (s[3], 45);
  return result;
}

/* The generator of draw @draw: splitmix64 outputs 4 × @draw onwards. */
static void
xoshiro_seed_for_draw (Xoshiro *rng,
                       guint64  seed,
                       guint64  draw)
{
  guint64 state = seed + draw * 4 * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  for (guint k = 0; k < 4; k++)
    rng->s[k] = splitmix64_next (&state);
}

/* Uniform in [0, @bound), @bound > 0, without modulo bias. */
static inline guint32
xoshiro_bounded (Xoshiro *rng,
                 guint32  bound)
{
  guint64 product = (xoshiro_next (rng) >> 32) * (guint64) bound;
  guint32 low = (guint32) product;

  if (low < bound)
    {
      guint32 threshold = (guint32) (-bound) % bound;

      while (low < threshold)
        {
          product = (xoshiro_next (rng) >> 32) * (guint64) bound;
          low = (guint32) product;
        }
    }
  return (guint32) (product >> 32);
}

/* Helpers */

static gboolean
set_overflow (GError **error)
{
  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_OVERFLOW,
               _("amounts too large to simulate: a sum exceeds 9,223,372,036,854 units"));
  return FALSE;
}

static gboolean
add_checked (PalierDecimal  *sum,
             PalierDecimal   value,
             GError        **error)
{
  if (!palier_decimal_add (*sum, value, sum))
    return set_overflow (error);
  return TRUE;
}

static gint32
month_of_date (PalierDate date)
{
  return palier_date_year (date) * 12 + palier_date_month (date) - 1;
}

static PalierDate
month_first_day (gint32 month)
{
  return palier_date_from_ymd (month / 12, month % 12 + 1, 1);
}

PalierDecimal
_palier_risk_ratio (PalierDecimal cost,
                    PalierDecimal sales)
{
  if (sales == 0)
    return 0;
  return (PalierDecimal) palier_wide_div_round ((PalierWide) cost * PALIER_DECIMAL_ONE, sales);
}

static gint32
program_period_of_month (const PalierRiskModel *model,
                         gint32                 month)
{
  return palier_period_index (model->program->period, model->program->fiscal_year_start,
                              month_first_day (month));
}

/* Cell of partner @i for the month @month, or -1 outside its history. */
static gint64
cell_of_month (const PalierRiskModel *model,
               guint                  i,
               gint32                 month)
{
  gint32 period = program_period_of_month (model, month);
  gint64 h = (gint64) period - model->first_history[i];

  if (h < 0 || h >= (gint64) (model->cell_start[i + 1] - model->cell_start[i]))
    return -1;
  return (gint64) model->cell_start[i] + h;
}

/* Partners and their history */

/* Sets first_period and n_periods: the program periods whose months all
 * overlap the range. */
static void
find_counted_periods (PalierRiskModel *model)
{
  const PalierBases *bases = model->bases;
  const PalierProgram *program = model->program;
  int fy = program->fiscal_year_start;
  gint32 first, last;
  PalierDate start, end;

  model->n_periods = 0;
  if (bases->from == PALIER_DATE_NONE || bases->to == PALIER_DATE_NONE)
    return;

  first = palier_period_index (program->period, fy, bases->from);
  palier_period_bounds (program->period, fy, first, &start, NULL);
  if (month_of_date (start) < month_of_date (bases->from))
    first++;

  last = palier_period_index (program->period, fy, bases->to);
  palier_period_bounds (program->period, fy, last, NULL, &end);
  if (month_of_date (end) > month_of_date (bases->to))
    last--;

  model->first_period = first;
  if (last >= first)
    model->n_periods = (guint) (last - first + 1);
}

static void
list_partners (PalierRiskModel *model)
{
  const PalierBases *bases = model->bases;
  const PalierMonthTable *all_lines = g_ptr_array_index (bases->tables, 0);
  guint n_active = bases->active->len;
  gint32 end_period = model->first_period + (gint32) model->n_periods;

  model->partner_index = g_new0 (guint, n_active + 1);
  model->segments = g_new0 (const char *, n_active + 1);
  model->has_quota = g_new0 (gboolean, (gsize) n_active * model->periods_per_year + 1);
  model->quota = g_new0 (PalierDecimal, (gsize) n_active * model->periods_per_year + 1);
  model->first_history = g_new0 (gint32, n_active + 1);
  model->cell_start = g_new0 (guint, n_active + 1);
  model->n_partners = 0;
  model->n_cells = 0;

  for (guint a = 0; a < n_active; a++)
    {
      guint index = g_array_index (bases->active, guint, a);
      const PalierPartner *partner = g_ptr_array_index (bases->partners, index);
      guint n_months;
      gint32 first = model->first_period;
      guint i = model->n_partners;

      _palier_month_table_get (all_lines, index, &n_months);
      if (n_months == 0)
        continue;

      if (partner->start != PALIER_DATE_NONE)
        first = MAX (first, palier_period_index (model->program->period,
                                                 model->program->fiscal_year_start, partner->start));
      if (first >= end_period)
        continue;

      model->partner_index[i] = index;
      model->segments[i] = partner->segment;
      model->first_history[i] = first;
      model->cell_start[i] = model->n_cells;
      model->n_cells += (guint) (end_period - first);
      model->n_partners++;
    }
  model->cell_start[model->n_partners] = model->n_cells;
}

/* Latest counted program period at place @slot of the fiscal year, or
 * FALSE when the counted periods do not reach that place. */
static gboolean
period_of_slot (const PalierRiskModel *model,
                guint                  slot,
                gint32                *out_period)
{
  gint32 ppy = (gint32) model->periods_per_year;

  for (gint32 p = model->first_period + (gint32) model->n_periods - 1; p >= model->first_period; p--)
    {
      /* Period indexes count from a fiscal year's first period. */
      if (((p % ppy) + ppy) % ppy == (gint32) slot)
        {
          *out_period = p;
          return TRUE;
        }
    }
  return FALSE;
}

/* The quotas file's quota of partner @index for the days [@first,
 * @last], computed as the simulation does: each row's quota times the
 * share of its days in the range, rounded to 6 decimals, summed.
 * Returns FALSE when some day of the range has no row. */
static gboolean
file_quota (const PalierBases  *bases,
            guint               index,
            PalierDate          first,
            PalierDate          last,
            PalierDecimal      *out_quota,
            GError            **error)
{
  guint n_quotas;
  const PalierPartnerQuota *quotas = _palier_bases_get_quotas (bases, index, &n_quotas);
  gint32 first_day = palier_date_to_days (first);
  gint32 last_day = palier_date_to_days (last);
  gint64 covered = 0;

  *out_quota = 0;
  for (guint q = 0; q < n_quotas; q++)
    {
      gint32 row_first = palier_date_to_days (quotas[q].first);
      gint32 row_last = palier_date_to_days (quotas[q].last);
      gint32 overlap = MIN (last_day, row_last) - MAX (first_day, row_first) + 1;
      PalierWide share;

      if (overlap <= 0)
        continue;

      covered += overlap;
      share = palier_wide_div_round ((PalierWide) quotas[q].quota * overlap,
                                     row_last - row_first + 1);
      if (!add_checked (out_quota, (PalierDecimal) share, error))
        return FALSE;
    }
  return covered == (gint64) last_day - first_day + 1;
}

/* Sets the quota of every partner in every slot of the drawn year, and
 * whether any partner's quota differs between slots. */
static gboolean
fill_slot_quotas (PalierRiskModel  *model,
                  GError          **error)
{
  const PalierProgram *program = model->program;
  guint ppy = model->periods_per_year;

  model->quotas_vary = FALSE;
  for (guint i = 0; i < model->n_partners; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (model->bases->partners, model->partner_index[i]);
      PalierDecimal program_quota = 0;
      gboolean has_program_quota = palier_program_quota_for_segment (program, partner->segment,
                                                                     &program_quota);

      for (guint j = 0; j < ppy; j++)
        {
          gsize cell = (gsize) i * ppy + j;
          PalierDate first, last;
          gint32 period;
          GError *quota_error = NULL;

          model->has_quota[cell] = has_program_quota;
          model->quota[cell] = program_quota;
          if (!period_of_slot (model, j, &period))
            continue;

          palier_period_bounds (program->period, program->fiscal_year_start, period, &first, &last);
          if (file_quota (model->bases, model->partner_index[i], first, last, &model->quota[cell],
                          &quota_error))
            model->has_quota[cell] = TRUE;
          else if (quota_error != NULL)
            {
              g_propagate_error (error, quota_error);
              return FALSE;
            }
          else
            model->quota[cell] = program_quota;

          if (model->has_quota[cell] != model->has_quota[i * ppy] ||
              model->quota[cell] != model->quota[i * ppy])
            model->quotas_vary = TRUE;
        }
    }
  return TRUE;
}

static PalierDecimal
measure_of (const PalierMonthTotal *total,
            PalierMeasure           measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_MARGIN:
      return total->margin;
    case PALIER_MEASURE_UNITS:
      return total->units;
    case PALIER_MEASURE_REVENUE:
    default:
      return total->revenue;
    }
}

/* Sums @measure of @table per cell into a new array. */
static PalierDecimal *
compute_cell_bases (const PalierRiskModel   *model,
                    const PalierMonthTable  *table,
                    PalierMeasure            measure,
                    GError                 **error)
{
  g_autofree PalierDecimal *cells = g_new0 (PalierDecimal, model->n_cells + 1);

  for (guint i = 0; i < model->n_partners; i++)
    {
      guint n_months;
      const PalierMonthTotal *months = _palier_month_table_get (table, model->partner_index[i], &n_months);

      for (guint m = 0; m < n_months; m++)
        {
          gint64 cell = cell_of_month (model, i, months[m].month);

          if (cell >= 0 && !add_checked (&cells[cell], measure_of (&months[m], measure), error))
            return NULL;
        }
    }
  return g_steal_pointer (&cells);
}

/* Components */

static void
component_model_free (gpointer data)
{
  ComponentModel *cm = data;

  palier_component_free (cm->component);
  g_free (cm->bases);
  g_free (cm->values);
  g_free (cm->deal_sums);
  g_free (cm);
}

static gboolean
component_is_carry (const PalierComponent *component)
{
  return component->kind == PALIER_COMPONENT_COMMISSION &&
         component->negative == PALIER_NEGATIVE_CARRY_FORWARD;
}

/* Sum of partner @i's quotas over the @span slots from @first_slot.
 * @out_has is FALSE when one of those slots has no quota. */
static gboolean
span_quota (const PalierRiskModel  *model,
            guint                   i,
            guint                   first_slot,
            guint                   span,
            gboolean               *out_has,
            PalierDecimal          *out_quota,
            GError                **error)
{
  gsize row = (gsize) i * model->periods_per_year;

  *out_has = TRUE;
  *out_quota = 0;
  for (guint j = first_slot; j < first_slot + span; j++)
    {
      *out_has = *out_has && model->has_quota[row + j];
      if (!add_checked (out_quota, model->quota[row + j], error))
        return FALSE;
    }
  if (!*out_has)
    *out_quota = 0;
  return TRUE;
}

static gboolean
compute_payout (const PalierRiskModel  *model,
                const PalierComponent  *component,
                guint                   i,
                PalierDecimal           base,
                guint                   first_slot,
                guint                   span,
                PalierDecimal          *out_payout,
                GError                **error)
{
  PalierPayoutInput input = { 0 };
  PalierDecimal quota;
  gboolean has_quota;

  if (!span_quota (model, i, first_slot, span, &has_quota, &quota, error))
    return FALSE;

  input.base = base;
  input.has_quota = has_quota;
  input.quota = quota;
  input.segment = model->segments[i];
  input.minor_digits = model->minor_digits;
  return palier_payout_compute (component, &input, out_payout, NULL, error);
}

static gboolean
reward_qualifies (const PalierRiskModel *model,
                  const PalierComponent *component,
                  guint                  i,
                  PalierDecimal          base,
                  guint                  first_slot,
                  guint                  span)
{
  if (base <= 0)
    return FALSE;

  if (component->threshold_basis == PALIER_BASIS_ATTAINMENT)
    {
      PalierDecimal quota;
      gboolean has_quota;

      /* A quota sum too large to represent qualifies no partner. */
      return span_quota (model, i, first_slot, span, &has_quota, &quota, NULL) && has_quota &&
             palier_decimal_compare_product (base, component->threshold_min, quota) >= 0;
    }
  return base >= component->threshold_min;
}

/* Whether @component's payout or qualification depends on a quota. */
static gboolean
component_uses_quota (const PalierComponent *component)
{
  if (component->kind == PALIER_COMPONENT_REWARD)
    return component->reward_rule != PALIER_REWARD_RULE_TOP &&
           component->threshold_basis == PALIER_BASIS_ATTAINMENT;
  return component->basis == PALIER_BASIS_ATTAINMENT;
}

/* Exact payout of each deal bonus deal, summed per cell at 10^-12. */
static PalierWide *
compute_deal_sums (const PalierRiskModel *model,
                   const PalierComponent *component)
{
  const PalierBases *bases = model->bases;
  int found = _palier_bases_find_deal_table (bases, &component->filter, component->measure);
  const PalierDealTable *table = g_ptr_array_index (bases->deal_tables, found);
  PalierWide *sums = g_new0 (PalierWide, model->n_cells + 1);

  for (guint i = 0; i < model->n_partners; i++)
    {
      guint index = model->partner_index[i];

      for (guint d = table->starts[index]; d < table->starts[index + 1]; d++)
        {
          const PalierDeal *deal = &g_array_index (table->deals, PalierDeal, d);
          gint64 cell = cell_of_month (model, i, month_of_date (deal->date));

          if (cell < 0 || deal->value < component->deal_min)
            continue;
          sums[cell] += (PalierWide) component->deal_amount * PALIER_DECIMAL_ONE;
          if (component->has_deal_rate)
            sums[cell] += palier_decimal_mul_wide (component->deal_rate, deal->value);
        }
    }
  return sums;
}

static gboolean
fill_values (const PalierRiskModel  *model,
             ComponentModel         *cm,
             GError                **error)
{
  const PalierComponent *component = cm->component;

  cm->values = g_new0 (PalierDecimal, model->n_cells + 1);
  for (guint i = 0; i < model->n_partners; i++)
    for (guint c = model->cell_start[i]; c < model->cell_start[i + 1]; c++)
      {
        PalierDecimal base = cm->bases[c];

        if (component->kind == PALIER_COMPONENT_REWARD)
          cm->values[c] = reward_qualifies (model, component, i, base, 0, 1) ? component->unit_cost : 0;
        else if (!(cm->klass == COMPONENT_CARRY && base < 0) &&
                 !compute_payout (model, component, i, base, 0, 1, &cm->values[c], error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
fill_deal_values (const PalierRiskModel  *model,
                  ComponentModel         *cm,
                  GError                **error)
{
  g_autofree PalierWide *sums = compute_deal_sums (model, cm->component);

  cm->values = g_new0 (PalierDecimal, model->n_cells + 1);
  for (guint c = 0; c < model->n_cells; c++)
    if (!palier_wide_round (sums[c], 2 * PALIER_DECIMAL_DIGITS, model->minor_digits, &cm->values[c]))
      return set_overflow (error);
  return TRUE;
}

/* Components of class FIXED and CARRY pay each historical period once,
 * before the draws, which needs one quota per partner for every slot. */
static ComponentClass
classify (const PalierRiskModel *model,
          const PalierComponent *component,
          guint                  span)
{
  if (span > 1)
    return component->kind == PALIER_COMPONENT_DEAL_BONUS ? COMPONENT_LONG_DEALS : COMPONENT_LONG;
  if (model->quotas_vary && component_uses_quota (component))
    return COMPONENT_LONG;
  if (component->kind == PALIER_COMPONENT_REWARD && component->reward_rule == PALIER_REWARD_RULE_TOP)
    return COMPONENT_TOP;
  if (component_is_carry (component))
    return COMPONENT_CARRY;
  return COMPONENT_FIXED;
}

static ComponentModel *
component_model_new (const PalierRiskModel  *model,
                     const PalierComponent  *component,
                     GError                **error)
{
  g_autoptr(GPtrArray) owner = g_ptr_array_new_with_free_func (component_model_free);
  ComponentModel *cm = g_new0 (ComponentModel, 1);
  PalierPeriodKind kind = component->has_period ? component->period : model->program->period;
  int months = palier_period_kind_months (kind);
  int program_months = palier_period_kind_months (model->program->period);

  g_ptr_array_add (owner, cm);
  cm->component = palier_component_copy (component);
  if (months < program_months)
    {
      g_set_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_INVALID,
                   _("component “%s” has a period shorter than the program’s; use the program’s period or a longer one"),
                   component->id);
      return NULL;
    }
  cm->span = (guint) (months / program_months);
  cm->klass = classify (model, component, cm->span);

  if (component->kind == PALIER_COMPONENT_DEAL_BONUS)
    {
      if (cm->klass == COMPONENT_LONG_DEALS)
        cm->deal_sums = compute_deal_sums (model, component);
      else if (!fill_deal_values (model, cm, error))
        return NULL;
      return g_ptr_array_steal_index (owner, 0);
    }

  cm->bases = compute_cell_bases (model,
                                  g_ptr_array_index (model->bases->tables,
                                                     _palier_bases_find_table (model->bases, &component->filter)),
                                  component->measure, error);
  if (cm->bases == NULL)
    return NULL;

  if ((cm->klass == COMPONENT_FIXED || cm->klass == COMPONENT_CARRY) &&
      !fill_values (model, cm, error))
    return NULL;

  return g_ptr_array_steal_index (owner, 0);
}

/* Whether @a and @b pay the same, gate and cap of any kind included. */
static gboolean
components_pay_same (const PalierComponent *a,
                     const PalierComponent *b)
{
  return palier_component_equal (a, b) &&
         a->has_gate == b->has_gate && (!a->has_gate || a->gate == b->gate) &&
         a->has_cap == b->has_cap && (!a->has_cap || a->cap == b->cap);
}

static gboolean
sum_fixed (PalierRiskModel  *model,
           GError          **error)
{
  g_clear_pointer (&model->fixed_payout, g_free);
  g_clear_pointer (&model->fixed_non_cash, g_free);
  model->fixed_payout = g_new0 (PalierDecimal, model->n_cells + 1);
  model->fixed_non_cash = g_new0 (PalierDecimal, model->n_cells + 1);

  for (guint k = 0; k < model->components->len; k++)
    {
      const ComponentModel *cm = g_ptr_array_index (model->components, k);
      PalierDecimal *target = cm->component->kind == PALIER_COMPONENT_REWARD
                              ? model->fixed_non_cash : model->fixed_payout;

      if (cm->klass != COMPONENT_FIXED)
        continue;
      for (guint c = 0; c < model->n_cells; c++)
        if (!add_checked (&target[c], cm->values[c], error))
          return FALSE;
    }
  return TRUE;
}

/* Model */

/* Drops the kept draws and the component models they used. */
static void
forget_kept_draws (PalierRiskModel *model)
{
  if (model->replaced != NULL)
    for (guint k = 0; k < model->components->len; k++)
      g_clear_pointer (&model->replaced[k], component_model_free);

  model->has_kept = FALSE;
  g_clear_pointer (&model->replaced, g_free);
  g_clear_pointer (&model->kept_sales, g_free);
  g_clear_pointer (&model->kept_fixed_payout, g_free);
  g_clear_pointer (&model->kept_fixed_non_cash, g_free);
  g_clear_pointer (&model->kept_dynamic, g_free);
  g_clear_pointer (&model->codes, g_free);
}

static void
model_clear (PalierRiskModel *model)
{
  g_clear_pointer (&model->program, palier_program_unref);
  g_clear_pointer (&model->partner_index, g_free);
  g_clear_pointer (&model->segments, g_free);
  g_clear_pointer (&model->has_quota, g_free);
  g_clear_pointer (&model->quota, g_free);
  g_clear_pointer (&model->cell_start, g_free);
  g_clear_pointer (&model->first_history, g_free);
  g_clear_pointer (&model->sales, g_free);
  g_clear_pointer (&model->fixed_payout, g_free);
  g_clear_pointer (&model->fixed_non_cash, g_free);
  forget_kept_draws (model);
  g_clear_pointer (&model->components, g_ptr_array_unref);
}

void
_palier_risk_model_free (PalierRiskModel *model)
{
  if (model == NULL)
    return;

  model_clear (model);
  g_free (model);
}

static gboolean
quotas_equal (const PalierProgram *a,
              const PalierProgram *b)
{
  if (a->has_quota != b->has_quota || (a->has_quota && a->quota != b->quota) ||
      a->segment_quotas->len != b->segment_quotas->len)
    return FALSE;

  for (guint k = 0; k < a->segment_quotas->len; k++)
    {
      const PalierSegmentQuota *qa = &g_array_index (a->segment_quotas, PalierSegmentQuota, k);
      const PalierSegmentQuota *qb = &g_array_index (b->segment_quotas, PalierSegmentQuota, k);

      if (qa->quota != qb->quota || g_strcmp0 (qa->segment, qb->segment) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Lays out the partners and cells and computes every component. */
static gboolean
model_build (PalierRiskModel      *model,
             const PalierProgram  *program,
             GCancellable         *cancellable,
             GError              **error)
{
  const PalierBases *bases = model->bases;

  model_clear (model);
  model->program = palier_program_copy (program);
  model->minor_digits = palier_currency_minor_digits (program->currency);
  model->periods_per_year = (guint) (12 / palier_period_kind_months (program->period));
  model->components = g_ptr_array_new_with_free_func (component_model_free);

  find_counted_periods (model);
  list_partners (model);
  if (model->n_partners == 0)
    {
      g_set_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_NO_HISTORY,
                   _("no partner has a complete program period between the range’s first and last month; widen the range to at least one whole period"));
      return FALSE;
    }

  if (!fill_slot_quotas (model, error))
    return FALSE;

  model->sales = compute_cell_bases (model, g_ptr_array_index (bases->tables, 0),
                                     PALIER_MEASURE_REVENUE, error);
  if (model->sales == NULL)
    return FALSE;

  for (guint k = 0; k < program->components->len; k++)
    {
      ComponentModel *cm;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_CANCELLED,
                       _("the simulation was cancelled"));
          return FALSE;
        }
      cm = component_model_new (model, g_ptr_array_index (program->components, k), error);
      if (cm == NULL)
        return FALSE;
      g_ptr_array_add (model->components, cm);
    }

  return sum_fixed (model, error);
}

gboolean
_palier_risk_model_update (PalierRiskModel      *model,
                           const PalierProgram  *program,
                           GCancellable         *cancellable,
                           GError              **error)
{
  const PalierProgram *old = model->program;
  gboolean changed = FALSE;

  if (old == NULL || old->period != program->period ||
      old->fiscal_year_start != program->fiscal_year_start ||
      g_strcmp0 (old->currency, program->currency) != 0 ||
      !quotas_equal (old, program) ||
      old->components->len != program->components->len)
    return model_build (model, program, cancellable, error);

  for (guint k = 0; k < program->components->len; k++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, k);
      ComponentModel *cm = g_ptr_array_index (model->components, k);

      if (components_pay_same (cm->component, component))
        continue;

      cm = component_model_new (model, component, error);
      if (cm == NULL)
        {
          /* The model no longer matches any program: rebuild on next use. */
          forget_kept_draws (model);
          g_clear_pointer (&model->program, palier_program_unref);
          return FALSE;
        }
      /* The kept draws still hold the first replaced model's share. */
      if (model->has_kept && model->replaced[k] == NULL)
        model->replaced[k] = g_ptr_array_index (model->components, k);
      else
        component_model_free (g_ptr_array_index (model->components, k));
      g_ptr_array_index (model->components, k) = cm;
      changed = TRUE;
    }

  g_clear_pointer (&model->program, palier_program_unref);
  model->program = palier_program_copy (program);
  return !changed || sum_fixed (model, error);
}

PalierRiskModel *
_palier_risk_model_new (const PalierBases    *bases,
                        const PalierProgram  *program,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(PalierRiskModel) model = g_new0 (PalierRiskModel, 1);

  model->bases = bases;
  if (!model_build (model, program, cancellable, error))
    return NULL;
  return g_steal_pointer (&model);
}

/* Draws */

/* Element @k (0-based) of @values in descending order; reorders @values. */
static PalierDecimal
select_descending (PalierDecimal *values,
                   guint          n,
                   guint          k)
{
  guint left = 0, right = n - 1;

  while (left < right)
    {
      PalierDecimal pivot = values[left + (right - left) / 2];
      guint i = left, j = right;

      while (i <= j)
        {
          while (values[i] > pivot)
            i++;
          while (values[j] < pivot)
            j--;
          if (i <= j)
            {
              PalierDecimal swap = values[i];

              values[i] = values[j];
              values[j] = swap;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }

      if (k <= j)
        right = j;
      else if (k >= i)
        left = i;
      else
        return values[k];
    }
  return values[k];
}

/* Qualifiers of a top-N reward among @bases (one per partner, @n of
 * them): every positive base at or above the N-th largest positive one. */
static guint
count_top_qualifiers (PalierDecimal *bases,
                      guint          n,
                      guint          top_count)
{
  guint n_positive = 0, count, qualifiers = 0;
  PalierDecimal cutoff;

  for (guint i = 0; i < n; i++)
    if (bases[i] > 0)
      bases[n_positive++] = bases[i];

  count = MIN (top_count, n_positive);
  if (count == 0)
    return 0;

  cutoff = select_descending (bases, n_positive, count - 1);
  for (guint i = 0; i < n_positive; i++)
    if (bases[i] >= cutoff)
      qualifiers++;
  return qualifiers;
}

/* Sum of a LONG component's bases of partner @i over component period @j. */
static gboolean
long_base (const PalierRiskModel  *model,
           const ComponentModel   *cm,
           const guint            *cells,
           guint                   i,
           guint                   j,
           PalierDecimal          *out_base,
           GError                **error)
{
  const guint *row = cells + (gsize) i * model->periods_per_year + j * cm->span;

  *out_base = 0;
  for (guint t = 0; t < cm->span; t++)
    if (!add_checked (out_base, cm->bases[row[t]], error))
      return FALSE;
  return TRUE;
}

/* Pays a commission or bonus with carry-forward over the periods of one
 * partner's drawn year; @span is 1 for CARRY. */
static gboolean
pay_partner_year (const PalierRiskModel  *model,
                  const ComponentModel   *cm,
                  const guint            *cells,
                  guint                   i,
                  PalierWide             *payout,
                  GError                **error)
{
  const PalierComponent *component = cm->component;
  gboolean carry = component_is_carry (component);
  guint n_periods = model->periods_per_year / cm->span;
  PalierDecimal deficit = 0;

  for (guint j = 0; j < n_periods; j++)
    {
      PalierDecimal base;
      PalierDecimal value = 0;

      if (cm->klass == COMPONENT_CARRY && deficit == 0)
        {
          guint cell = cells[(gsize) i * model->periods_per_year + j];

          deficit = MIN (cm->bases[cell], 0);
          *payout += cm->values[cell];
          continue;
        }

      if (!long_base (model, cm, cells, i, j, &base, error))
        return FALSE;
      if (carry)
        {
          if (!add_checked (&base, deficit, error))
            return FALSE;
          deficit = MIN (base, 0);
        }

      /* TODO: these general payouts take most of a draw's time when a
       * component's period is longer than the program's; a faster exact
       * path is not written yet. */
      if (!(carry && base < 0) &&
          !compute_payout (model, component, i, base, j * cm->span, cm->span, &value, error))
        return FALSE;
      *payout += value;
    }
  return TRUE;
}

static gboolean
pay_rewards (const PalierRiskModel  *model,
             const ComponentModel   *cm,
             const guint            *cells,
             PalierDecimal          *scratch,
             PalierWide             *non_cash,
             GError                **error)
{
  const PalierComponent *component = cm->component;
  guint n_periods = model->periods_per_year / cm->span;

  for (guint j = 0; j < n_periods; j++)
    {
      guint qualifiers = 0;

      for (guint i = 0; i < model->n_partners; i++)
        if (!long_base (model, cm, cells, i, j, &scratch[i], error))
          return FALSE;

      if (component->reward_rule == PALIER_REWARD_RULE_TOP)
        qualifiers = count_top_qualifiers (scratch, model->n_partners, component->top_count);
      else
        for (guint i = 0; i < model->n_partners; i++)
          if (reward_qualifies (model, component, i, scratch[i], j * cm->span, cm->span))
            qualifiers++;

      *non_cash += (PalierWide) qualifiers * component->unit_cost;
    }
  return TRUE;
}

static gboolean
pay_long_deals (const PalierRiskModel  *model,
                const ComponentModel   *cm,
                const guint            *cells,
                PalierWide             *payout,
                GError                **error)
{
  guint n_periods = model->periods_per_year / cm->span;

  for (guint i = 0; i < model->n_partners; i++)
    for (guint j = 0; j < n_periods; j++)
      {
        const guint *row = cells + (gsize) i * model->periods_per_year + j * cm->span;
        PalierWide sum = 0;
        PalierDecimal value;

        for (guint t = 0; t < cm->span; t++)
          sum += cm->deal_sums[row[t]];
        if (!palier_wide_round (sum, 2 * PALIER_DECIMAL_DIGITS, model->minor_digits, &value))
          return set_overflow (error);
        *payout += value;
      }
  return TRUE;
}

/* Pays component @cm, which is not FIXED, on the drawn cells: its payout,
 * or its non-cash cost for a reward, in @out_total. */
static gboolean
pay_component (const PalierRiskModel  *model,
               const ComponentModel   *cm,
               const guint            *cells,
               PalierDecimal          *scratch,
               PalierWide             *out_total,
               GError                **error)
{
  *out_total = 0;

  if (cm->klass == COMPONENT_LONG_DEALS)
    return pay_long_deals (model, cm, cells, out_total, error);
  if (cm->component->kind == PALIER_COMPONENT_REWARD)
    return pay_rewards (model, cm, cells, scratch, out_total, error);

  for (guint i = 0; i < model->n_partners; i++)
    if (!pay_partner_year (model, cm, cells, i, out_total, error))
      return FALSE;
  return TRUE;
}

static gboolean
wide_to_decimal (PalierWide      value,
                 PalierDecimal  *out,
                 GError        **error)
{
  if (value > PALIER_DECIMAL_MAX || value < PALIER_DECIMAL_MIN)
    return set_overflow (error);
  *out = (PalierDecimal) value;
  return TRUE;
}

/* Draws the cells of draw @draw into @cells: for each partner and each
 * program period of the year, one of the partner's historical periods. */
static void
draw_cells (const PalierRiskModel *model,
            guint64                seed,
            guint                  draw,
            guint                 *cells)
{
  guint n_slots = model->periods_per_year;
  Xoshiro rng;

  xoshiro_seed_for_draw (&rng, seed, draw);

  for (guint i = 0; i < model->n_partners; i++)
    {
      guint start = model->cell_start[i];
      guint32 n_history = model->cell_start[i + 1] - start;
      guint *row = cells + (gsize) i * n_slots;

      for (guint s = 0; s < n_slots; s++)
        row[s] = start + xoshiro_bounded (&rng, n_history);
    }
}

static guint8 *
code_row (const PalierRiskModel *model,
          guint                  i,
          guint                  chunk)
{
  return model->codes + ((gsize) i * model->n_chunks + chunk) * model->kept_n_draws;
}

/* Packs the cells of draw @draw into the kept codes. */
static void
store_codes (PalierRiskModel *model,
             const guint     *cells,
             guint            draw)
{
  guint n_slots = model->periods_per_year;

  for (guint i = 0; i < model->n_partners; i++)
    for (guint c = 0; c < model->n_chunks; c++)
      {
        guint first = c * model->code_digits;
        guint last = MIN (first + model->code_digits, n_slots);
        guint code = 0, weight = 1;

        for (guint s = first; s < last; s++)
          {
            code += (cells[(gsize) i * n_slots + s] - model->cell_start[i]) * weight;
            weight *= model->code_radix;
          }
        code_row (model, i, c)[draw] = (guint8) code;
      }
}

/* Unpacks the cells of draw @draw from the kept codes. */
static void
load_cells (const PalierRiskModel *model,
            guint                  draw,
            guint                 *cells)
{
  guint n_slots = model->periods_per_year;

  for (guint i = 0; i < model->n_partners; i++)
    for (guint c = 0; c < model->n_chunks; c++)
      {
        guint first = c * model->code_digits;
        guint last = MIN (first + model->code_digits, n_slots);
        guint code = code_row (model, i, c)[draw];

        for (guint s = first; s < last; s++)
          {
            cells[(gsize) i * n_slots + s] = model->cell_start[i] + code % model->code_radix;
            code /= model->code_radix;
          }
      }
}

/* What a pass over the draws computes. */
typedef enum {
  PASS_ALL,                     /* every figure of each draw, kept */
  PASS_FIXED_CHANGE,            /* the sum of per-cell changes of FIXED components */
  PASS_COMPONENT,               /* one component that is not FIXED */
} PassKind;

/* Per-thread state of a pass. */
typedef struct {
  PalierRiskModel     *model;
  PassKind             pass;
  guint64              seed;
  guint                first_draw;
  guint                end_draw;
  GCancellable        *cancellable;
  const PalierWide    *changes;         /* PASS_FIXED_CHANGE: per cell */
  PalierWide          *sums;            /* PASS_FIXED_CHANGE: per draw, shared */
  guint                component;       /* PASS_COMPONENT: program order */

  guint               *cells;           /* n_partners x periods_per_year */
  PalierDecimal       *scratch;         /* n_partners */
  guint                failed_draw;
  GError              *error;
} Worker;

static gboolean
run_draw_all (Worker   *worker,
              guint     draw,
              GError  **error)
{
  PalierRiskModel *model = worker->model;
  gsize n_slots = (gsize) model->n_partners * model->periods_per_year;
  PalierWide sales = 0, payout = 0, non_cash = 0;

  draw_cells (model, worker->seed, draw, worker->cells);
  if (model->codes != NULL)
    store_codes (model, worker->cells, draw);

  for (gsize k = 0; k < n_slots; k++)
    {
      guint cell = worker->cells[k];

      sales += model->sales[cell];
      payout += model->fixed_payout[cell];
      non_cash += model->fixed_non_cash[cell];
    }
  model->kept_fixed_payout[draw] = payout;
  model->kept_fixed_non_cash[draw] = non_cash;
  if (!wide_to_decimal (sales, &model->kept_sales[draw], error))
    return FALSE;

  for (guint k = 0; k < model->components->len; k++)
    {
      const ComponentModel *cm = g_ptr_array_index (model->components, k);

      if (cm->klass != COMPONENT_FIXED &&
          !pay_component (model, cm, worker->cells, worker->scratch,
                          &model->kept_dynamic[(gsize) k * model->kept_n_draws + draw], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_draw (Worker   *worker,
          guint     draw,
          GError  **error)
{
  PalierRiskModel *model = worker->model;
  const ComponentModel *cm;
  PalierWide sum = 0;

  if (worker->pass == PASS_ALL)
    return run_draw_all (worker, draw, error);

  if (model->codes != NULL)
    load_cells (model, draw, worker->cells);
  else
    draw_cells (model, worker->seed, draw, worker->cells);

  if (worker->pass == PASS_COMPONENT)
    {
      cm = g_ptr_array_index (model->components, worker->component);
      return pay_component (model, cm, worker->cells, worker->scratch,
                            &model->kept_dynamic[(gsize) worker->component * model->kept_n_draws + draw],
                            error);
    }

  for (gsize k = 0; k < (gsize) model->n_partners * model->periods_per_year; k++)
    sum += worker->changes[worker->cells[k]];
  worker->sums[draw] = sum;
  return TRUE;
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;

  for (guint draw = worker->first_draw; draw < worker->end_draw; draw++)
    {
      if ((draw - worker->first_draw) % CANCEL_CHECK_DRAWS == 0 &&
          g_cancellable_is_cancelled (worker->cancellable))
        {
          g_set_error (&worker->error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_CANCELLED,
                       _("the simulation was cancelled"));
        }
      else
        run_draw (worker, draw, &worker->error);

      if (worker->error != NULL)
        {
          worker->failed_draw = draw;
          break;
        }
    }
  return NULL;
}

static guint
choose_threads (const PalierRiskModel *model,
                guint                  n_draws)
{
  guint64 work = (guint64) model->n_partners * model->periods_per_year * n_draws;
  guint n = max_threads != 0 ? max_threads : MIN ((guint) g_get_num_processors (), MAX_THREADS);

  if (max_threads == 0)
    n = (guint) MIN ((guint64) n, MAX (work / MIN_WORK_PER_THREAD, 1));
  return CLAMP (n, 1, n_draws);
}

/* Runs the pass of @template over the kept number of draws, split in
 * contiguous blocks over the threads.  The error reported is that of
 * the first failing draw, whatever the split. */
static gboolean
run_pass (const Worker  *template,
          GError       **error)
{
  PalierRiskModel *model = template->model;
  guint n_draws = model->kept_n_draws;
  guint n_threads = choose_threads (model, n_draws);
  g_autofree Worker *workers = g_new0 (Worker, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  Worker *failed = NULL;

  for (guint t = 0; t < n_threads; t++)
    {
      Worker *worker = &workers[t];

      *worker = *template;
      worker->first_draw = (guint) ((guint64) n_draws * t / n_threads);
      worker->end_draw = (guint) ((guint64) n_draws * (t + 1) / n_threads);
      worker->cells = g_new0 (guint, (gsize) model->n_partners * model->periods_per_year + 1);
      worker->scratch = g_new0 (PalierDecimal, model->n_partners + 1);
    }

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("palier-monte-carlo", worker_run, &workers[t]);
  worker_run (&workers[0]);

  for (guint t = 0; t < n_threads; t++)
    {
      if (threads[t] != NULL)
        g_thread_join (threads[t]);
      g_free (workers[t].cells);
      g_free (workers[t].scratch);
      if (workers[t].error != NULL && (failed == NULL || workers[t].failed_draw < failed->failed_draw))
        failed = &workers[t];
    }

  if (failed != NULL)
    g_propagate_error (error, g_steal_pointer (&failed->error));
  for (guint t = 0; t < n_threads; t++)
    g_clear_error (&workers[t].error);
  return failed == NULL;
}

/* Kept draws */

/* Whether @radix^@digits codes fit in a byte. */
static gboolean
pow_fits_byte (guint radix,
               guint digits)
{
  guint64 n_codes = 1;

  for (guint d = 0; d < digits && n_codes <= 256; d++)
    n_codes *= radix;
  return n_codes <= 256;
}

/* Sets up the codes when the model keeps cells and they fit in
 * MAX_CODE_BYTES. */
static void
allocate_codes (PalierRiskModel *model)
{
  guint radix = 1;
  guint digits = 1;
  guint64 n_bytes;

  for (guint i = 0; i < model->n_partners; i++)
    radix = MAX (radix, model->cell_start[i + 1] - model->cell_start[i]);
  if (!model->keep_cells || radix > 256)
    return;

  while (digits < model->periods_per_year && pow_fits_byte (radix, digits + 1))
    digits++;

  model->code_radix = radix;
  model->code_digits = digits;
  model->n_chunks = (model->periods_per_year + digits - 1) / digits;
  n_bytes = (guint64) model->n_partners * model->n_chunks * model->kept_n_draws;
  if (n_bytes <= MAX_CODE_BYTES)
    model->codes = g_malloc (n_bytes + 1);
}

/* Runs every draw and keeps its figures. */
static gboolean
run_all_draws (PalierRiskModel  *model,
               guint64           seed,
               guint             n_draws,
               GCancellable     *cancellable,
               GError          **error)
{
  guint n_components = model->components->len;
  Worker template = { 0 };

  forget_kept_draws (model);
  model->kept_seed = seed;
  model->kept_n_draws = n_draws;
  model->kept_sales = g_new0 (PalierDecimal, n_draws);
  model->kept_fixed_payout = g_new0 (PalierWide, n_draws);
  model->kept_fixed_non_cash = g_new0 (PalierWide, n_draws);
  model->kept_dynamic = g_new0 (PalierWide, (gsize) n_components * n_draws + 1);
  model->replaced = g_new0 (ComponentModel *, n_components + 1);
  allocate_codes (model);

  template.model = model;
  template.pass = PASS_ALL;
  template.seed = seed;
  template.cancellable = cancellable;
  if (!run_pass (&template, error))
    {
      forget_kept_draws (model);
      return FALSE;
    }

  model->has_kept = TRUE;
  return TRUE;
}

/* Partners of one thread of a pass over the codes. */
typedef struct {
  const PalierRiskModel *model;
  const PalierWide      *changes;
  guint                  first_partner;
  guint                  end_partner;
  GCancellable          *cancellable;
  PalierWide            *sums;          /* per draw, this thread's */
  gboolean               cancelled;
} CodeWorker;

/* Sums, for every code of chunk @chunk of partner @i, the changes of
 * the cells it stands for. */
static void
fill_code_table (const CodeWorker *worker,
                 guint             i,
                 guint             chunk,
                 PalierWide       *table)
{
  const PalierRiskModel *model = worker->model;
  guint first = chunk * model->code_digits;
  guint last = MIN (first + model->code_digits, model->periods_per_year);
  guint n_history = model->cell_start[i + 1] - model->cell_start[i];
  guint n_codes = 1;

  for (guint s = first; s < last; s++)
    n_codes *= model->code_radix;

  for (guint code = 0; code < n_codes; code++)
    {
      guint rest = code;
      PalierWide sum = 0;

      for (guint s = first; s < last; s++)
        {
          guint offset = rest % model->code_radix;

          rest /= model->code_radix;
          if (offset < n_history)
            sum += worker->changes[model->cell_start[i] + offset];
        }
      table[code] = sum;
    }
}

static gpointer
code_worker_run (gpointer data)
{
  CodeWorker *worker = data;
  const PalierRiskModel *model = worker->model;
  PalierWide table[256];

  for (guint i = worker->first_partner; i < worker->end_partner; i++)
    {
      if ((i - worker->first_partner) % CANCEL_CHECK_PARTNERS == 0 &&
          g_cancellable_is_cancelled (worker->cancellable))
        {
          worker->cancelled = TRUE;
          return NULL;
        }

      for (guint c = 0; c < model->n_chunks; c++)
        {
          const guint8 *codes = code_row (model, i, c);

          fill_code_table (worker, i, c, table);
          for (guint d = 0; d < model->kept_n_draws; d++)
            worker->sums[d] += table[codes[d]];
        }
    }
  return NULL;
}

/* Adds to @sums, per draw, the changes of the drawn cells, partner by
 * partner over the codes: each partner's codes index a table of at most
 * 256 sums, so this reads a byte per code instead of drawing again. */
static gboolean
sum_changes_from_codes (PalierRiskModel   *model,
                        const PalierWide  *changes,
                        GCancellable      *cancellable,
                        PalierWide        *sums,
                        GError           **error)
{
  guint n_draws = model->kept_n_draws;
  guint n_threads = MIN (choose_threads (model, n_draws), MAX (model->n_partners, 1));
  g_autofree CodeWorker *workers = g_new0 (CodeWorker, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  gboolean cancelled = FALSE;

  for (guint t = 0; t < n_threads; t++)
    {
      workers[t].model = model;
      workers[t].changes = changes;
      workers[t].first_partner = (guint) ((guint64) model->n_partners * t / n_threads);
      workers[t].end_partner = (guint) ((guint64) model->n_partners * (t + 1) / n_threads);
      workers[t].cancellable = cancellable;
      workers[t].sums = t == 0 ? sums : g_new0 (PalierWide, n_draws);
    }

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("palier-monte-carlo", code_worker_run, &workers[t]);
  code_worker_run (&workers[0]);

  for (guint t = 0; t < n_threads; t++)
    {
      if (threads[t] != NULL)
        g_thread_join (threads[t]);
      cancelled |= workers[t].cancelled;
      if (t == 0)
        continue;
      for (guint d = 0; d < n_draws; d++)
        sums[d] += workers[t].sums[d];
      g_free (workers[t].sums);
    }

  if (cancelled)
    {
      g_set_error (error, PALIER_RISK_ERROR, PALIER_RISK_ERROR_CANCELLED,
                   _("the simulation was cancelled"));
      return FALSE;
    }
  return TRUE;
}

/* Adds the per-cell @changes of a FIXED share to @kept, per draw. */
static gboolean
add_fixed_changes (PalierRiskModel   *model,
                   const PalierWide  *changes,
                   PalierWide        *kept,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autofree PalierWide *sums = NULL;
  Worker template = { 0 };
  guint c;

  /* A share that no cell changes leaves every draw as it was. */
  for (c = 0; c < model->n_cells && changes[c] == 0; c++)
    ;
  if (c == model->n_cells)
    return TRUE;

  sums = g_new0 (PalierWide, model->kept_n_draws);
  if (model->codes != NULL)
    {
      if (!sum_changes_from_codes (model, changes, cancellable, sums, error))
        return FALSE;
    }
  else
    {
      template.model = model;
      template.pass = PASS_FIXED_CHANGE;
      template.seed = model->kept_seed;
      template.cancellable = cancellable;
      template.changes = changes;
      template.sums = sums;
      if (!run_pass (&template, error))
        return FALSE;
    }

  for (guint d = 0; d < model->kept_n_draws; d++)
    kept[d] += sums[d];
  return TRUE;
}

/* Adds @sign times the cell values of @cm, when it is FIXED, to the
 * payout or non-cash changes. */
static void
add_cell_values (const PalierRiskModel *model,
                 const ComponentModel  *cm,
                 int                    sign,
                 PalierWide            *payout_changes,
                 PalierWide            *non_cash_changes)
{
  PalierWide *changes = cm->component->kind == PALIER_COMPONENT_REWARD
                        ? non_cash_changes : payout_changes;

  if (cm->klass != COMPONENT_FIXED)
    return;
  for (guint c = 0; c < model->n_cells; c++)
    changes[c] += sign * (PalierWide) cm->values[c];
}

/* Brings the kept draws up to date with the component models replaced
 * since the last run.  A FIXED component's share of each draw changes by
 * the change of its cells' values, and any other component is paid again
 * on the same cells.  Components that were not replaced keep their share. */
static gboolean
update_kept_draws (PalierRiskModel  *model,
                   GCancellable     *cancellable,
                   GError          **error)
{
  guint n_draws = model->kept_n_draws;

  for (guint k = 0; k < model->components->len; k++)
    {
      ComponentModel *old = model->replaced[k];
      const ComponentModel *cm = g_ptr_array_index (model->components, k);
      g_autofree PalierWide *payout_changes = NULL;
      g_autofree PalierWide *non_cash_changes = NULL;
      Worker template = { 0 };

      if (old == NULL)
        continue;

      payout_changes = g_new0 (PalierWide, model->n_cells + 1);
      non_cash_changes = g_new0 (PalierWide, model->n_cells + 1);
      add_cell_values (model, old, -1, payout_changes, non_cash_changes);
      add_cell_values (model, cm, 1, payout_changes, non_cash_changes);
      if (!add_fixed_changes (model, payout_changes, model->kept_fixed_payout, cancellable, error) ||
          !add_fixed_changes (model, non_cash_changes, model->kept_fixed_non_cash, cancellable, error))
        return FALSE;

      memset (model->kept_dynamic + (gsize) k * n_draws, 0, sizeof (PalierWide) * n_draws);
      template.model = model;
      template.pass = PASS_COMPONENT;
      template.seed = model->kept_seed;
      template.cancellable = cancellable;
      template.component = k;
      if (cm->klass != COMPONENT_FIXED && !run_pass (&template, error))
        return FALSE;

      model->replaced[k] = NULL;
      component_model_free (old);
    }
  return TRUE;
}

/* The payout and non-cash cost of each kept draw. */
static gboolean
sum_kept_draws (const PalierRiskModel  *model,
                PalierDecimal          *payouts,
                PalierDecimal          *non_cash,
                GError                **error)
{
  guint n_draws = model->kept_n_draws;
  g_autofree PalierWide *payout_sums = g_memdup2 (model->kept_fixed_payout, sizeof (PalierWide) * n_draws);
  g_autofree PalierWide *non_cash_sums = g_memdup2 (model->kept_fixed_non_cash, sizeof (PalierWide) * n_draws);

  for (guint k = 0; k < model->components->len; k++)
    {
      const ComponentModel *cm = g_ptr_array_index (model->components, k);
      PalierWide *sums = cm->component->kind == PALIER_COMPONENT_REWARD ? non_cash_sums : payout_sums;
      const PalierWide *shares = model->kept_dynamic + (gsize) k * n_draws;

      for (guint d = 0; d < n_draws; d++)
        sums[d] += shares[d];
    }

  for (guint d = 0; d < n_draws; d++)
    if (!wide_to_decimal (payout_sums[d], &payouts[d], error) ||
        !wide_to_decimal (non_cash_sums[d], &non_cash[d], error))
      return FALSE;
  return TRUE;
}

/* Statistics */

static gint
compare_decimals (gconstpointer a,
                  gconstpointer b)
{
  PalierDecimal da = *(const PalierDecimal *) a;
  PalierDecimal db = *(const PalierDecimal *) b;

  return da < db ? -1 : (da > db ? 1 : 0);
}

/* The value at nearest rank ceil(@percent / 100 × n) of @sorted. */
static PalierDecimal
percentile (const PalierDecimal *sorted,
            guint                n,
            guint                percent)
{
  guint64 rank = ((guint64) percent * n + 99) / 100;

  return sorted[MAX (rank, 1) - 1];
}

/* Sorts @values and fills @stats from them. */
static void
compute_stats (PalierDecimal   *values,
               guint            n,
               PalierRiskStats *stats)
{
  PalierWide sum = 0;

  qsort (values, n, sizeof (PalierDecimal), compare_decimals);
  for (guint d = 0; d < n; d++)
    sum += values[d];

  stats->mean = (PalierDecimal) palier_wide_div_round (sum, n);
  stats->p10 = percentile (values, n, 10);
  stats->p50 = percentile (values, n, 50);
  stats->p90 = percentile (values, n, 90);
  stats->p99 = percentile (values, n, 99);
  stats->min = values[0];
  stats->max = values[n - 1];
}

static PalierMonteCarloResult *
result_new (const PalierRiskModel          *model,
            const PalierMonteCarloOptions  *options,
            guint                           n_draws)
{
  PalierMonteCarloResult *result = g_new0 (PalierMonteCarloResult, 1);

  result->ref_count = 1;
  result->n_draws = n_draws;
  result->seed = options->seed;
  result->n_partners = model->n_partners;
  result->periods_per_year = model->periods_per_year;
  result->currency = g_strdup (model->program->currency);
  result->minor_digits = model->minor_digits;
  result->has_budget = options->has_budget;
  result->budget = options->budget;
  result->costs = g_new0 (PalierDecimal, n_draws);
  result->draw_costs = g_new0 (PalierDecimal, n_draws);
  result->draw_sales = g_new0 (PalierDecimal, n_draws);
  return result;
}

/* Fills the costs and the statistics from the draws' figures. */
static gboolean
result_fill (PalierMonteCarloResult  *result,
             PalierDecimal           *payouts,
             const PalierDecimal     *non_cash,
             GError                 **error)
{
  guint n = result->n_draws;
  g_autofree PalierDecimal *ratios = g_new0 (PalierDecimal, n);
  g_autofree PalierDecimal *sales = g_memdup2 (result->draw_sales, sizeof (PalierDecimal) * n);

  for (guint d = 0; d < n; d++)
    {
      if (!palier_decimal_add (payouts[d], non_cash[d], &result->draw_costs[d]))
        return set_overflow (error);
      ratios[d] = _palier_risk_ratio (result->draw_costs[d], result->draw_sales[d]);
      if (result->has_budget && result->draw_costs[d] > result->budget)
        result->n_over_budget++;
    }
  result->probability_over_budget = (double) result->n_over_budget / n;

  memcpy (result->costs, result->draw_costs, sizeof (PalierDecimal) * n);
  compute_stats (result->costs, n, &result->cost);
  compute_stats (payouts, n, &result->payout);
  compute_stats (sales, n, &result->sales);
  compute_stats (ratios, n, &result->cost_of_sales);
  return TRUE;
}

PalierMonteCarloResult *
_palier_risk_model_run (PalierRiskModel                *model,
                        const PalierMonteCarloOptions  *options,
                        GCancellable                   *cancellable,
                        GError                        **error)
{
  guint n_draws = options->n_draws != 0 ? options->n_draws : PALIER_MONTE_CARLO_DEFAULT_DRAWS;
  g_autoptr(PalierMonteCarloResult) result = result_new (model, options, n_draws);
  g_autofree PalierDecimal *payouts = g_new0 (PalierDecimal, n_draws);
  g_autofree PalierDecimal *non_cash = g_new0 (PalierDecimal, n_draws);
  gboolean ok;

  if (model->has_kept && model->kept_seed == options->seed && model->kept_n_draws == n_draws)
    ok = update_kept_draws (model, cancellable, error);
  else
    ok = run_all_draws (model, options->seed, n_draws, cancellable, error);

  if (!ok || !sum_kept_draws (model, payouts, non_cash, error))
    {
      forget_kept_draws (model);
      return NULL;
    }

  memcpy (result->draw_sales, model->kept_sales, sizeof (PalierDecimal) * n_draws);
  if (!result_fill (result, payouts, non_cash, error))
    return NULL;

  return g_steal_pointer (&result);
}

void
_palier_risk_model_keep_cells (PalierRiskModel *model,
                               gboolean         keep)
{
  model->keep_cells = keep;
}

PalierMonteCarloResult *
palier_monte_carlo_run (const PalierBases              *bases,
                        const PalierProgram            *program,
                        const PalierMonteCarloOptions  *options,
                        GCancellable                   *cancellable,
                        GError                        **error)
{
  g_autoptr(PalierRiskModel) model = NULL;

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (palier_bases_can_simulate (bases, program), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  model = _palier_risk_model_new (bases, program, cancellable, error);
  if (model == NULL)
    return NULL;

  return _palier_risk_model_run (model, options, cancellable, error);
}

PalierMonteCarloResult *
palier_monte_carlo_result_ref (PalierMonteCarloResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_int_inc (&result->ref_count);
  return result;
}

void
palier_monte_carlo_result_unref (PalierMonteCarloResult *result)
{
  if (result == NULL || !g_atomic_int_dec_and_test (&result->ref_count))
    return;

  g_free (result->currency);
  g_free (result->costs);
  g_free (result->draw_costs);
  g_free (result->draw_sales);
  g_free (result);
}

G_DEFINE_QUARK (palier-risk-error-quark, palier_risk_error)
