/* palier-scenario-compare.c: side-by-side comparison of scenario results
 *
 * Each column is one scenario's result on its own bases.  Winners and
 * losers compare each partner's cost (payout plus non-cash rewards)
 * with its cost in the first column; a partner missing from one side
 * counts as a cost of 0 there.
 *
 * The tier counts need each partner's base per period of the first
 * commission or bonus component, which a PalierResult does not keep, so
 * they are summed here from the bases as the simulation sums them: the
 * component's measure over its filtered month totals, per component
 * period in which the partner has a line, with the carry-forward deficit
 * of a commission added within a fiscal year, and the program-period
 * quota times the program periods the component period shares with the
 * range.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-payout.h"
#include "palier-money.h"
#include "palier-scenario.h"
#include "palier-simulate-private.h"

static void
comparison_row_free (gpointer data)
{
  PalierComparisonRow *row = data;

  g_free (row->partner);
  g_free (row->segment);
  g_free (row);
}

static const PalierComponent *
first_tiered_component (const PalierProgram *program)
{
  for (guint c = 0; c < program->components->len; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);

      if (component->kind == PALIER_COMPONENT_COMMISSION || component->kind == PALIER_COMPONENT_BONUS)
        return component;
    }
  return NULL;
}

/* Tiers reached */

/* One partner's bases of one component, per component period. */
typedef struct {
  const PalierProgram    *program;
  const PalierComponent  *component;
  const PalierBases      *bases;
  PalierPeriodKind        kind;
  gint32                  first_index;
  guint                   n_periods;
  PalierDecimal          *values;       /* n_periods */
  guint8                 *present;      /* n_periods */
} PartnerBases;

static gint32
period_of_month (const PartnerBases *partner,
                 PalierPeriodKind    kind,
                 gint32              month)
{
  PalierDate first_day = palier_date_from_ymd (month / 12, month % 12 + 1, 1);

  return palier_period_index (kind, partner->program->fiscal_year_start, first_day);
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

static gboolean
partner_bases_fill (PartnerBases  *partner,
                    guint          index,
                    GError       **error)
{
  const PalierBases *bases = partner->bases;
  const PalierMonthTable *all_lines = g_ptr_array_index (bases->tables, 0);
  int found = _palier_bases_find_table (bases, &partner->component->filter);
  const PalierMonthTable *table;
  const PalierMonthTotal *months;
  guint n_months;

  memset (partner->values, 0, sizeof (PalierDecimal) * partner->n_periods);
  memset (partner->present, 0, partner->n_periods);
  if (found < 0)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("the bases lack the sales of component “%s”; compute them with its program"),
                   partner->component->id);
      return FALSE;
    }
  table = g_ptr_array_index (bases->tables, found);

  months = _palier_month_table_get (all_lines, index, &n_months);
  for (guint m = 0; m < n_months; m++)
    partner->present[period_of_month (partner, partner->kind, months[m].month) - partner->first_index] = TRUE;

  months = _palier_month_table_get (table, index, &n_months);
  for (guint m = 0; m < n_months; m++)
    {
      PalierDecimal *value = &partner->values[period_of_month (partner, partner->kind, months[m].month) -
                                              partner->first_index];

      if (!palier_decimal_add (*value, measure_of (&months[m], partner->component->measure), value))
        return _palier_simulate_set_overflow (error);
    }
  return TRUE;
}

/* The quota of component period @index: the program-period quota times
 * the program periods it shares with the range. */
static gboolean
component_quota (const PartnerBases  *partner,
                 PalierDecimal        quota,
                 gint32               index,
                 PalierDecimal       *out_quota)
{
  const PalierProgram *program = partner->program;
  PalierDate first, last;
  gint64 n_spanned;
  PalierWide product;

  palier_period_bounds (partner->kind, program->fiscal_year_start, index, &first, &last);
  n_spanned = palier_period_index (program->period, program->fiscal_year_start,
                                   MIN (last, partner->bases->to)) -
              palier_period_index (program->period, program->fiscal_year_start,
                                   MAX (first, partner->bases->from)) + 1;
  product = (PalierWide) quota * n_spanned;
  if (product > PALIER_DECIMAL_MAX || product < PALIER_DECIMAL_MIN)
    return FALSE;
  *out_quota = (PalierDecimal) product;
  return TRUE;
}

/* The highest tier or level index @partner reaches in any period, or -1. */
static gboolean
partner_highest_reached (PartnerBases         *partner,
                         const PalierPartner  *info,
                         int                  *out_highest,
                         GError              **error)
{
  const PalierComponent *component = partner->component;
  gboolean carry = component->kind == PALIER_COMPONENT_COMMISSION &&
                   component->negative == PALIER_NEGATIVE_CARRY_FORWARD;
  PalierPayoutInput input = { 0 };
  PalierDecimal quota = 0;
  PalierDecimal deficit = 0;
  gint32 deficit_year = 0;
  gboolean has_quota;

  has_quota = palier_program_quota_for_segment (partner->program, info->segment, &quota);
  input.segment = info->segment;
  input.minor_digits = palier_currency_minor_digits (partner->program->currency);
  *out_highest = -1;

  for (guint k = 0; k < partner->n_periods; k++)
    {
      gint32 index = partner->first_index + (gint32) k;
      PalierDecimal base = partner->values[k];

      if (!partner->present[k])
        continue;

      input.has_quota = has_quota && component_quota (partner, quota, index, &input.quota);
      if (carry)
        {
          PalierDate first, last;
          gint32 year;

          palier_period_bounds (partner->kind, partner->program->fiscal_year_start, index, &first, &last);
          year = palier_period_index (PALIER_PERIOD_YEAR, partner->program->fiscal_year_start, first);
          if (year != deficit_year)
            deficit = 0;
          deficit_year = year;
          if (!palier_decimal_add (base, deficit, &base))
            return _palier_simulate_set_overflow (error);
          deficit = MIN (base, 0);
          if (base < 0)
            continue;
        }

      input.base = base;
      *out_highest = MAX (*out_highest, palier_payout_reached_index (component, &input));
    }
  return TRUE;
}

static GArray *
count_tiers (const PalierProgram    *program,
             const PalierComponent  *component,
             const PalierBases      *bases,
             GError                **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  guint n_values = component->kind == PALIER_COMPONENT_BONUS ? component->levels->len
                                                             : component->tiers->len;
  PartnerBases partner = { 0 };
  gboolean ok = TRUE;

  g_array_set_size (counts, n_values + 1);
  if (bases->from == PALIER_DATE_NONE || bases->to == PALIER_DATE_NONE)
    return g_steal_pointer (&counts);

  partner.program = program;
  partner.component = component;
  partner.bases = bases;
  partner.kind = component->has_period ? component->period : program->period;
  partner.first_index = palier_period_index (partner.kind, program->fiscal_year_start, bases->from);
  partner.n_periods = (guint) (palier_period_index (partner.kind, program->fiscal_year_start, bases->to) -
                               partner.first_index + 1);
  partner.values = g_new0 (PalierDecimal, partner.n_periods + 1);
  partner.present = g_new0 (guint8, partner.n_periods + 1);

  for (guint i = 0; ok && i < bases->active->len; i++)
    {
      guint index = g_array_index (bases->active, guint, i);
      int highest;

      ok = partner_bases_fill (&partner, index, error) &&
           partner_highest_reached (&partner, g_ptr_array_index (bases->partners, index), &highest, error);
      if (ok)
        g_array_index (counts, guint, (guint) (highest + 1))++;
    }

  g_free (partner.values);
  g_free (partner.present);
  return ok ? g_steal_pointer (&counts) : NULL;
}

/* Winners and losers */

static PalierDecimal
partner_cost (const PalierPartnerResult *row)
{
  return row != NULL ? row->payout + row->non_cash : 0;
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PalierComparisonRow *ra = *(const PalierComparisonRow * const *) a;
  const PalierComparisonRow *rb = *(const PalierComparisonRow * const *) b;

  if (ra->difference != rb->difference)
    return ra->difference > rb->difference ? -1 : 1;
  return strcmp (ra->partner, rb->partner);
}

static void
add_row (PalierScenarioColumn       *column,
         const char                 *code,
         const PalierPartnerResult  *reference,
         const PalierPartnerResult  *row)
{
  PalierComparisonRow *out = g_new0 (PalierComparisonRow, 1);

  out->partner = g_strdup (code);
  out->segment = g_strdup (row != NULL ? row->segment : reference->segment);
  out->baseline = partner_cost (reference);
  out->proposal = partner_cost (row);
  out->difference = out->proposal - out->baseline;
  if (out->difference > 0)
    column->n_gain++;
  else if (out->difference < 0)
    column->n_lose++;
  else
    column->n_same++;
  g_ptr_array_add (column->rows, out);
}

static void
compare_partners (PalierScenarioColumn *column,
                  const PalierResult   *reference,
                  const PalierResult   *result)
{
  for (guint i = 0; i < reference->partners->len; i++)
    {
      const PalierPartnerResult *row = g_ptr_array_index (reference->partners, i);

      add_row (column, row->partner, row, palier_result_find_partner (result, row->partner));
    }

  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *row = g_ptr_array_index (result->partners, i);

      if (palier_result_find_partner (reference, row->partner) == NULL)
        add_row (column, row->partner, NULL, row);
    }
  g_ptr_array_sort (column->rows, compare_rows);
}

static void
column_clear (PalierScenarioColumn *column)
{
  g_free (column->label);
  g_clear_pointer (&column->result, palier_result_unref);
  g_clear_pointer (&column->tier_counts, g_array_unref);
  g_free (column->tier_component);
  g_clear_pointer (&column->rows, g_ptr_array_unref);
}

static gboolean
fill_column (PalierScenarioColumn  *column,
             PalierResult          *result,
             const PalierBases     *bases,
             const char            *label,
             const PalierResult    *reference,
             GError               **error)
{
  const PalierComponent *component = first_tiered_component (result->program);

  column->label = g_strdup (label);
  column->result = palier_result_ref (result);
  column->sales = result->total_sales;
  column->payout = result->total_payout;
  column->non_cash = result->total_non_cash;
  column->cost = result->total_cost;
  column->cost_of_sales = result->cost_of_sales;
  column->rows = g_ptr_array_new_with_free_func (comparison_row_free);

  if (component != NULL && bases != NULL)
    {
      column->tier_component = g_strdup (component->id);
      column->tier_counts = count_tiers (result->program, component, bases, error);
      if (column->tier_counts == NULL)
        return FALSE;
    }

  if (reference != NULL)
    compare_partners (column, reference, result);
  return TRUE;
}

PalierScenarioComparison *
palier_scenario_compare (PalierResult      * const *results,
                         const PalierBases * const *bases,
                         const char        * const *labels,
                         guint                      n,
                         GError                   **error)
{
  g_autoptr(PalierScenarioComparison) comparison = NULL;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (labels != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n == 0 || n > PALIER_SCENARIO_MAX_COMPARED)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR,
                   n == 0 ? PALIER_SCENARIO_ERROR_INVALID : PALIER_SCENARIO_ERROR_TOO_MANY,
                   _("%u scenarios given; compare 1 to %d scenarios"),
                   n, PALIER_SCENARIO_MAX_COMPARED);
      return NULL;
    }

  comparison = g_new0 (PalierScenarioComparison, 1);
  comparison->ref_count = 1;
  comparison->columns = g_new0 (PalierScenarioColumn, n);
  for (guint i = 0; i < n; i++)
    {
      comparison->n_columns = i + 1;
      if (!fill_column (&comparison->columns[i], results[i], bases != NULL ? bases[i] : NULL,
                        labels[i], i > 0 ? results[0] : NULL, error))
        return NULL;
    }
  return g_steal_pointer (&comparison);
}

PalierScenarioComparison *
palier_scenario_comparison_ref (PalierScenarioComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, NULL);

  g_atomic_int_inc (&comparison->ref_count);
  return comparison;
}

void
palier_scenario_comparison_unref (PalierScenarioComparison *comparison)
{
  g_return_if_fail (comparison != NULL);

  if (!g_atomic_int_dec_and_test (&comparison->ref_count))
    return;

  for (guint i = 0; i < comparison->n_columns; i++)
    column_clear (&comparison->columns[i]);
  g_free (comparison->columns);
  g_free (comparison);
}
