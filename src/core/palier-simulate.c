/* palier-simulate.c: payouts of a program on a workspace's sales
 *
 * Phase one (PalierBases) queries sqlite, once per distinct component
 * filter, for every measure summed per partner and calendar month within
 * the range.  The unfiltered query also gives each partner's sales and
 * the months in which it has at least one transaction.  Phase two folds those
 * months into component periods and program periods and applies the
 * payout rules of palier-payout.c:
 *
 * - A partner is paid, for each component, in every component period in
 *   which it has at least one transaction in the range.  The base is the
 *   component's measure over the lines that pass its filter, or zero when
 *   none does.
 * - A component period longer than the program's lands its payout in the
 *   program period that contains its last day, or the range's last day
 *   when the range ends earlier.  Its quota, for attainment, is the sum of
 *   the program-period quotas of the program periods it shares with the
 *   range.
 * - With negative="carry-forward", a negative base pays nothing and its
 *   deficit is added to the base of the partner's next paid period of the
 *   same component, until the fiscal year ends.
 * - Each payout of one component, partner and period is rounded once by
 *   palier_payout_compute(); every total is a sum of those payouts.
 * - A deal bonus pays, for each component period, the exact sum of its
 *   qualifying deals, rounded once.  Deals come from a second kind of
 *   query, once per distinct filter and measure, and a deal belongs to
 *   the period of its earliest line in the range that passes the filter.
 * - A reward qualifies partners per component period, on the same bases
 *   as a commission.  Its cost is non-cash and lands like a payout.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-simulate.h"
#include "palier-money.h"
#include "palier-payout.h"
#include "palier-store-private.h"

/* Partners between two checks of phase two's GCancellable. */
#define CANCEL_CHECK_PARTNERS 64

G_DEFINE_QUARK (palier-simulate-error-quark, palier_simulate_error)

/* Months are counted as year * 12 + (month - 1), as in PalierMonthTotal. */
static PalierDate
month_first_day (gint32 month)
{
  return palier_date_from_ymd (month / 12, month % 12 + 1, 1);
}

static gboolean
set_overflow_error (GError **error)
{
  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_OVERFLOW,
               _("a sum of amounts is too large to be held exactly"));
  return FALSE;
}

static gboolean
add_checked (PalierDecimal  *sum,
             PalierDecimal   value,
             GError        **error)
{
  if (!palier_decimal_add (*sum, value, sum))
    return set_overflow_error (error);
  return TRUE;
}

/* Filters */

static gboolean
field_is_filtered (const PalierFilter *filter,
                   int                 field)
{
  return filter->values[field] != NULL && filter->values[field]->len > 0;
}

static void
filter_copy (const PalierFilter *source,
             PalierFilter       *dest)
{
  memset (dest, 0, sizeof *dest);
  dest->start = source->start;
  dest->end = source->end;

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      if (!field_is_filtered (source, field))
        continue;

      dest->values[field] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < source->values[field]->len; i++)
        g_ptr_array_add (dest->values[field],
                         g_strdup (g_ptr_array_index (source->values[field], i)));
    }
}

static void
filter_clear (PalierFilter *filter)
{
  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    g_clear_pointer (&filter->values[field], g_ptr_array_unref);
}

/* Same values in the same order: filters listing the same values in
 * another order are treated as different, which only costs a query. */
static gboolean
filter_equal (const PalierFilter *a,
              const PalierFilter *b)
{
  if (a->start != b->start || a->end != b->end)
    return FALSE;

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      guint len_a = field_is_filtered (a, field) ? a->values[field]->len : 0;
      guint len_b = field_is_filtered (b, field) ? b->values[field]->len : 0;

      if (len_a != len_b)
        return FALSE;
      for (guint i = 0; i < len_a; i++)
        if (g_strcmp0 (g_ptr_array_index (a->values[field], i),
                       g_ptr_array_index (b->values[field], i)) != 0)
          return FALSE;
    }
  return TRUE;
}

/* Phase one: month tables */

typedef struct {
  PalierFilter  filter;
  GArray       *totals;         /* PalierMonthTotal, by partner id, then month */
  guint        *starts;         /* totals of partner id i: [starts[i], starts[i + 1]) */
} MonthTable;

/* One deal's value for one measure. */
typedef struct {
  guint          partner_index;
  PalierDate     date;
  PalierDecimal  value;
} Deal;

typedef struct {
  PalierFilter   filter;
  PalierMeasure  measure;
  GArray        *deals;         /* Deal, by partner, then date */
  guint         *starts;        /* deals of partner index i: [starts[i], starts[i + 1]) */
} DealTable;

struct _PalierBases
{
  PalierDate  from;
  PalierDate  to;
  GPtrArray  *partners;         /* PalierPartner *, element i has id i + 1 */
  GArray     *active;           /* guint partner index, by partner code */
  GPtrArray  *tables;           /* MonthTable *; the first covers all lines */
  GPtrArray  *deal_tables;      /* DealTable *, for deal bonuses */
};

static void
month_table_free (gpointer data)
{
  MonthTable *table = data;

  filter_clear (&table->filter);
  g_clear_pointer (&table->totals, g_array_unref);
  g_free (table->starts);
  g_free (table);
}

static gboolean
append_month_total (const PalierMonthTotal  *total,
                    gpointer                 user_data,
                    GError                 **error)
{
  g_array_append_val ((GArray *) user_data, *total);
  return TRUE;
}

/* Indexes the totals by partner id; ids run from 1 to @n_partners. */
static void
month_table_index (MonthTable *table,
                   guint       n_partners)
{
  guint position = 0;

  table->starts = g_new0 (guint, n_partners + 2);
  for (guint id = 0; id <= n_partners + 1; id++)
    {
      while (position < table->totals->len &&
             g_array_index (table->totals, PalierMonthTotal, position).partner_id < id)
        position++;
      table->starts[id] = position;
    }
}

static MonthTable *
month_table_compute (PalierStore         *store,
                     const PalierFilter  *filter,
                     PalierDate           from,
                     PalierDate           to,
                     guint                n_partners,
                     GCancellable        *cancellable,
                     GError             **error)
{
  MonthTable *table = g_new0 (MonthTable, 1);

  filter_copy (filter, &table->filter);
  table->totals = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  if (!_palier_store_foreach_month_total (store, filter, from, to, cancellable,
                                          append_month_total, table->totals, error))
    {
      month_table_free (table);
      return NULL;
    }

  month_table_index (table, n_partners);
  return table;
}

/* The month totals of partner @index (its id minus one). */
static const PalierMonthTotal *
month_table_get (const MonthTable *table,
                 guint             index,
                 guint            *out_n_totals)
{
  guint start = table->starts[index + 1];

  *out_n_totals = table->starts[index + 2] - start;
  return &g_array_index (table->totals, PalierMonthTotal, start);
}

static int
find_table (const PalierBases  *bases,
            const PalierFilter *filter)
{
  for (guint i = 0; i < bases->tables->len; i++)
    {
      const MonthTable *table = g_ptr_array_index (bases->tables, i);

      if (filter_equal (&table->filter, filter))
        return (int) i;
    }
  return -1;
}

static void
deal_table_free (gpointer data)
{
  DealTable *table = data;

  filter_clear (&table->filter);
  g_clear_pointer (&table->deals, g_array_unref);
  g_free (table->starts);
  g_free (table);
}

static PalierDecimal
deal_value (const PalierDealTotal *total,
            PalierMeasure          measure)
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
append_deal (const PalierDealTotal  *total,
             gpointer                user_data,
             GError                **error)
{
  DealTable *table = user_data;
  Deal deal;

  deal.partner_index = (guint) (total->partner_id - 1);
  deal.date = total->date;
  deal.value = deal_value (total, table->measure);
  g_array_append_val (table->deals, deal);
  return TRUE;
}

static void
deal_table_index (DealTable *table,
                  guint      n_partners)
{
  guint position = 0;

  table->starts = g_new0 (guint, n_partners + 1);
  for (guint index = 0; index <= n_partners; index++)
    {
      while (position < table->deals->len &&
             g_array_index (table->deals, Deal, position).partner_index < index)
        position++;
      table->starts[index] = position;
    }
}

static int
find_deal_table (const PalierBases  *bases,
                 const PalierFilter *filter,
                 PalierMeasure       measure)
{
  for (guint i = 0; i < bases->deal_tables->len; i++)
    {
      const DealTable *table = g_ptr_array_index (bases->deal_tables, i);

      if (table->measure == measure && filter_equal (&table->filter, filter))
        return (int) i;
    }
  return -1;
}

/* NOTE: the deals are kept in memory, 16 bytes each, so a deal bonus on
 * sales without deal ids costs 16 bytes per sales line in the range. */
static gboolean
add_deal_table (PalierBases            *bases,
                PalierStore            *store,
                const PalierComponent  *component,
                GCancellable           *cancellable,
                GError                **error)
{
  DealTable *table;

  if (find_deal_table (bases, &component->filter, component->measure) >= 0)
    return TRUE;

  table = g_new0 (DealTable, 1);
  filter_copy (&component->filter, &table->filter);
  table->measure = component->measure;
  table->deals = g_array_new (FALSE, FALSE, sizeof (Deal));
  g_ptr_array_add (bases->deal_tables, table);

  if (!_palier_store_foreach_deal_total (store, &component->filter, bases->from, bases->to,
                                         cancellable, append_deal, table, error))
    return FALSE;

  deal_table_index (table, bases->partners->len);
  return TRUE;
}

/* Takes the requested range, or the first and last day of the sales. */
static gboolean
resolve_range (PalierStore                  *store,
               const PalierSimulateOptions  *options,
               PalierDate                   *out_from,
               PalierDate                   *out_to,
               GError                      **error)
{
  PalierStoreSummary summary;
  char from_text[16], to_text[16];

  *out_from = options != NULL ? options->from : PALIER_DATE_NONE;
  *out_to = options != NULL ? options->to : PALIER_DATE_NONE;

  if (*out_from == PALIER_DATE_NONE || *out_to == PALIER_DATE_NONE)
    {
      if (!palier_store_get_summary (store, &summary, error))
        return FALSE;
      if (*out_from == PALIER_DATE_NONE)
        *out_from = summary.first_date;
      if (*out_to == PALIER_DATE_NONE)
        *out_to = summary.last_date;
    }

  if (*out_from != PALIER_DATE_NONE && *out_to != PALIER_DATE_NONE && *out_from > *out_to)
    {
      g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_INVALID_RANGE,
                   _("the range starts on %s, after its end on %s; swap the two dates"),
                   palier_date_format_iso (*out_from, from_text),
                   palier_date_format_iso (*out_to, to_text));
      return FALSE;
    }
  return TRUE;
}

static gint
compare_partner_codes (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GPtrArray *partners = user_data;
  const PalierPartner *pa = g_ptr_array_index (partners, *(const guint *) a);
  const PalierPartner *pb = g_ptr_array_index (partners, *(const guint *) b);

  return strcmp (pa->code, pb->code);
}

/* Partners with at least one transaction in the range, by code. */
static void
list_active_partners (PalierBases *bases)
{
  const MonthTable *all_lines = g_ptr_array_index (bases->tables, 0);

  bases->active = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint index = 0; index < bases->partners->len; index++)
    if (all_lines->starts[index + 2] > all_lines->starts[index + 1])
      g_array_append_val (bases->active, index);

  g_array_sort_with_data (bases->active, compare_partner_codes, bases->partners);
}

static gboolean
add_table (PalierBases         *bases,
           PalierStore         *store,
           const PalierFilter  *filter,
           GCancellable        *cancellable,
           GError             **error)
{
  MonthTable *table;

  if (find_table (bases, filter) >= 0)
    return TRUE;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED,
                   _("simulation cancelled"));
      return FALSE;
    }

  table = month_table_compute (store, filter, bases->from, bases->to,
                               bases->partners->len, cancellable, error);
  if (table == NULL)
    return FALSE;

  g_ptr_array_add (bases->tables, table);
  return TRUE;
}

PalierBases *
palier_bases_compute (PalierStore                  *store,
                      const PalierProgram * const  *programs,
                      const PalierSimulateOptions  *options,
                      GCancellable                 *cancellable,
                      GError                      **error)
{
  g_autoptr(PalierBases) bases = NULL;
  PalierFilter all_lines = { 0 };

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (programs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bases = g_new0 (PalierBases, 1);
  bases->tables = g_ptr_array_new_with_free_func (month_table_free);
  bases->deal_tables = g_ptr_array_new_with_free_func (deal_table_free);

  if (!resolve_range (store, options, &bases->from, &bases->to, error))
    return NULL;

  bases->partners = palier_store_list_partners (store, error);
  if (bases->partners == NULL)
    return NULL;

  if (!add_table (bases, store, &all_lines, cancellable, error))
    return NULL;

  for (guint p = 0; programs[p] != NULL; p++)
    for (guint c = 0; c < programs[p]->components->len; c++)
      {
        const PalierComponent *component = g_ptr_array_index (programs[p]->components, c);

        if (component->kind == PALIER_COMPONENT_DEAL_BONUS
            ? !add_deal_table (bases, store, component, cancellable, error)
            : !add_table (bases, store, &component->filter, cancellable, error))
          return NULL;
      }

  list_active_partners (bases);
  return g_steal_pointer (&bases);
}

void
palier_bases_free (PalierBases *bases)
{
  if (bases == NULL)
    return;

  g_clear_pointer (&bases->partners, g_ptr_array_unref);
  g_clear_pointer (&bases->active, g_array_unref);
  g_clear_pointer (&bases->tables, g_ptr_array_unref);
  g_clear_pointer (&bases->deal_tables, g_ptr_array_unref);
  g_free (bases);
}

gboolean
palier_bases_can_simulate (const PalierBases   *bases,
                           const PalierProgram *program)
{
  g_return_val_if_fail (bases != NULL, FALSE);
  g_return_val_if_fail (program != NULL, FALSE);

  for (guint c = 0; c < program->components->len; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);

      int found = component->kind == PALIER_COMPONENT_DEAL_BONUS
                  ? find_deal_table (bases, &component->filter, component->measure)
                  : find_table (bases, &component->filter);

      if (found < 0)
        return FALSE;
    }
  return TRUE;
}

/* Phase two: payouts */

typedef struct {
  const PalierBases    *bases;
  const PalierProgram  *program;
  guint                 n_components;
  int                   minor_digits;
  gint32                first_period;   /* program period of the range's first day */
  guint                 n_periods;      /* program periods the range touches */
  int                  *tables;         /* month or deal table of each component */
  GHashTable          **cutoffs;        /* per top-N reward: period -> PalierDecimal * */

  /* One partner at a time, one slot per program period of the range. */
  PalierDecimal        *sales;
  gboolean             *listed;
  PalierDecimal        *payouts;        /* n_periods x n_components */
  PalierDecimal        *non_cash;       /* n_periods x n_components */
  GArray               *rewards;        /* PendingReward */

  /* Sums over all partners, same slots. */
  PalierDecimal        *total_sales;
  gboolean             *total_listed;
  PalierDecimal        *total_payouts;
  PalierDecimal        *component_non_cash;     /* one per component */
} Simulation;

/* A reward of the current partner, with what orders them. */
typedef struct {
  PalierRewardResult  reward;
  PalierDate          period_last;
  guint               component;
} PendingReward;

static void
reward_result_clear (gpointer data)
{
  PalierRewardResult *reward = data;

  g_free (reward->period);
}

static void
pending_reward_clear (gpointer data)
{
  PendingReward *pending = data;

  reward_result_clear (&pending->reward);
}

static void
simulation_clear (Simulation *sim)
{
  for (guint c = 0; c < sim->n_components; c++)
    g_clear_pointer (&sim->cutoffs[c], g_hash_table_unref);
  g_free (sim->cutoffs);
  g_clear_pointer (&sim->rewards, g_array_unref);
  g_free (sim->tables);
  g_free (sim->sales);
  g_free (sim->listed);
  g_free (sim->payouts);
  g_free (sim->non_cash);
  g_free (sim->total_sales);
  g_free (sim->total_listed);
  g_free (sim->total_payouts);
  g_free (sim->component_non_cash);
}

static gint32
program_period_of (const Simulation *sim,
                   PalierDate        date)
{
  return palier_period_index (sim->program->period, sim->program->fiscal_year_start, date);
}

/* Slot of the program period that contains @date, which is in range. */
static guint
slot_of_date (const Simulation *sim,
              PalierDate        date)
{
  return (guint) (program_period_of (sim, date) - sim->first_period);
}

static void
simulation_init (Simulation          *sim,
                 const PalierBases   *bases,
                 const PalierProgram *program)
{
  memset (sim, 0, sizeof *sim);
  sim->bases = bases;
  sim->program = program;
  sim->n_components = program->components->len;
  sim->minor_digits = palier_currency_minor_digits (program->currency);

  sim->tables = g_new0 (int, sim->n_components + 1);
  for (guint c = 0; c < sim->n_components; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);

      sim->tables[c] = component->kind == PALIER_COMPONENT_DEAL_BONUS
                       ? find_deal_table (bases, &component->filter, component->measure)
                       : find_table (bases, &component->filter);
    }
  sim->cutoffs = g_new0 (GHashTable *, sim->n_components + 1);
  sim->rewards = g_array_new (FALSE, TRUE, sizeof (PendingReward));
  g_array_set_clear_func (sim->rewards, pending_reward_clear);

  if (bases->from != PALIER_DATE_NONE && bases->to != PALIER_DATE_NONE)
    {
      sim->first_period = program_period_of (sim, bases->from);
      sim->n_periods = (guint) (program_period_of (sim, bases->to) - sim->first_period + 1);
    }

  sim->sales = g_new0 (PalierDecimal, sim->n_periods + 1);
  sim->listed = g_new0 (gboolean, sim->n_periods + 1);
  sim->payouts = g_new0 (PalierDecimal, sim->n_periods * sim->n_components + 1);
  sim->non_cash = g_new0 (PalierDecimal, sim->n_periods * sim->n_components + 1);
  sim->total_sales = g_new0 (PalierDecimal, sim->n_periods + 1);
  sim->total_listed = g_new0 (gboolean, sim->n_periods + 1);
  sim->total_payouts = g_new0 (PalierDecimal, sim->n_periods * sim->n_components + 1);
  sim->component_non_cash = g_new0 (PalierDecimal, sim->n_components + 1);
}

static gboolean
component_needs_quota (const PalierComponent *component)
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

static PalierPeriodKind
component_period_kind (const Simulation      *sim,
                       const PalierComponent *component)
{
  return component->has_period ? component->period : sim->program->period;
}

/* One component period of one partner, as phase two walks them. */
typedef struct {
  gint32         index;
  PalierDate     first;
  PalierDate     last;
  PalierDecimal  base;
} ComponentPeriod;

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

/* Lists the component periods in which the partner has at least one
 * transaction, in order, each with its base.  The filtered months are a
 * subset of the partner's months, so one merge pass pairs them. */
static GArray *
list_component_periods (const Simulation        *sim,
                        const PalierComponent   *component,
                        const PalierMonthTotal  *months,
                        guint                    n_months,
                        const PalierMonthTotal  *filtered,
                        guint                    n_filtered,
                        GError                 **error)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (ComponentPeriod));
  PalierPeriodKind kind = component_period_kind (sim, component);
  int fy_start = sim->program->fiscal_year_start;
  guint f = 0;

  for (guint m = 0; m < n_months; m++)
    {
      gint32 index = palier_period_index (kind, fy_start, month_first_day (months[m].month));
      ComponentPeriod *current;

      if (periods->len == 0 || g_array_index (periods, ComponentPeriod, periods->len - 1).index != index)
        {
          ComponentPeriod period = { index, 0, 0, 0 };

          palier_period_bounds (kind, fy_start, index, &period.first, &period.last);
          g_array_append_val (periods, period);
        }
      current = &g_array_index (periods, ComponentPeriod, periods->len - 1);

      while (f < n_filtered && filtered[f].month <= months[m].month)
        {
          if (filtered[f].month == months[m].month &&
              !add_checked (&current->base, measure_of (&filtered[f], component->measure), error))
            return NULL;
          f++;
        }
    }

  return g_steal_pointer (&periods);
}

/* Quota of a component period: the partner's program-period quota times
 * the number of program periods it shares with the range. */
static gboolean
component_quota (const Simulation       *sim,
                 const ComponentPeriod  *period,
                 PalierDecimal           quota,
                 PalierDecimal          *out_quota,
                 GError                **error)
{
  const PalierBases *bases = sim->bases;
  PalierDate first = MAX (period->first, bases->from);
  PalierDate last = MIN (period->last, bases->to);
  gint64 n_spanned = program_period_of (sim, last) - program_period_of (sim, first) + 1;
  PalierWide product = (PalierWide) quota * n_spanned;

  if (product > PALIER_DECIMAL_MAX || product < PALIER_DECIMAL_MIN)
    return set_overflow_error (error);

  *out_quota = (PalierDecimal) product;
  return TRUE;
}

static gboolean
set_no_quota_error (const PalierComponent  *component,
                    const PalierPartner    *partner,
                    GError                **error)
{
  if (partner->segment != NULL)
    g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA,
                 _("component “%s” pays on attainment, but partner “%s” (segment “%s”) has no quota; add a default quota or one for segment “%s”"),
                 component->id, partner->code, partner->segment, partner->segment);
  else
    g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA,
                 _("component “%s” pays on attainment, but partner “%s” has no segment and the program has no default quota; add a default quota"),
                 component->id, partner->code);
  return FALSE;
}

/* Index of the fiscal year that contains @date. */
static gint32
fiscal_year_of (const Simulation *sim,
                PalierDate        date)
{
  return palier_period_index (PALIER_PERIOD_YEAR, sim->program->fiscal_year_start, date);
}

/* The component periods in which partner @partner_index has at least one
 * transaction, each with the base of component @c. */
static GArray *
component_periods_of (const Simulation  *sim,
                      guint              c,
                      guint              partner_index,
                      GError           **error)
{
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);
  const MonthTable *all_lines = g_ptr_array_index (sim->bases->tables, 0);
  const MonthTable *table = g_ptr_array_index (sim->bases->tables, sim->tables[c]);
  const PalierMonthTotal *months, *filtered;
  guint n_months, n_filtered;

  months = month_table_get (all_lines, partner_index, &n_months);
  filtered = month_table_get (table, partner_index, &n_filtered);
  return list_component_periods (sim, component, months, n_months, filtered, n_filtered, error);
}

/* Slot of the program period where a component period's payout lands. */
static guint
landing_slot (const Simulation *sim,
              PalierDate        period_last)
{
  return slot_of_date (sim, MIN (period_last, sim->bases->to));
}

static gboolean
add_payout (Simulation     *sim,
            guint           slot,
            guint           c,
            PalierDecimal   payout,
            GError        **error)
{
  sim->listed[slot] = TRUE;
  return add_checked (&sim->payouts[slot * sim->n_components + c], payout, error);
}

/* Pays a commission or a bonus through palier_payout_compute(). */
static gboolean
pay_rated (Simulation           *sim,
           guint                 c,
           const PalierPartner  *partner,
           guint                 partner_index,
           GError              **error)
{
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);
  g_autoptr(GArray) periods = NULL;
  PalierPayoutInput input = { 0 };
  gboolean carry = component->kind == PALIER_COMPONENT_COMMISSION &&
                   component->negative == PALIER_NEGATIVE_CARRY_FORWARD;
  PalierDecimal quota = 0;
  PalierDecimal deficit = 0;
  gint32 deficit_year = 0;

  input.has_quota = palier_program_quota_for_segment (sim->program, partner->segment, &quota);
  input.segment = partner->segment;
  input.minor_digits = sim->minor_digits;
  if (component_needs_quota (component) && !input.has_quota)
    return set_no_quota_error (component, partner, error);

  periods = component_periods_of (sim, c, partner_index, error);
  if (periods == NULL)
    return FALSE;

  for (guint i = 0; i < periods->len; i++)
    {
      const ComponentPeriod *period = &g_array_index (periods, ComponentPeriod, i);
      PalierDecimal payout = 0;

      input.base = period->base;
      if (input.has_quota && !component_quota (sim, period, quota, &input.quota, error))
        return FALSE;

      if (carry)
        {
          gint32 year = fiscal_year_of (sim, period->first);

          if (year != deficit_year)
            deficit = 0;
          deficit_year = year;
          if (!add_checked (&input.base, deficit, error))
            return FALSE;
          deficit = MIN (input.base, 0);
        }

      if (!(carry && input.base < 0) &&
          !palier_payout_compute (component, &input, &payout, NULL, error))
        return FALSE;

      if (!add_payout (sim, landing_slot (sim, period->last), c, payout, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds one deal's exact payout, at scale 10^-12, to @sum: the amount,
 * plus the rate times the value, when the value reaches the minimum. */
static void
add_deal_payout (const PalierComponent *component,
                 const Deal            *deal,
                 PalierWide            *sum)
{
  if (deal->value < component->deal_min)
    return;

  *sum += (PalierWide) component->deal_amount * PALIER_DECIMAL_ONE;
  if (component->has_deal_rate)
    *sum += palier_decimal_mul_wide (component->deal_rate, deal->value);
}

/* Rounds the exact payouts of one component period once and lands them. */
static gboolean
land_deal_payouts (Simulation     *sim,
                   guint           c,
                   PalierDate      period_last,
                   PalierWide      sum,
                   GError        **error)
{
  PalierDecimal payout;

  if (!palier_wide_round (sum, 2 * PALIER_DECIMAL_DIGITS, sim->minor_digits, &payout))
    return set_overflow_error (error);

  return add_payout (sim, landing_slot (sim, period_last), c, payout, error);
}

/* Pays a deal bonus: its deals are sorted by date, so the deals of one
 * component period are consecutive. */
static gboolean
pay_deals (Simulation  *sim,
           guint        c,
           guint        partner_index,
           GError     **error)
{
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);
  const DealTable *table = g_ptr_array_index (sim->bases->deal_tables, sim->tables[c]);
  PalierPeriodKind kind = component_period_kind (sim, component);
  int fy_start = sim->program->fiscal_year_start;
  guint start = table->starts[partner_index];
  guint end = table->starts[partner_index + 1];
  PalierDate first = PALIER_DATE_NONE, last = PALIER_DATE_NONE;
  PalierWide sum = 0;

  for (guint i = start; i < end; i++)
    {
      const Deal *deal = &g_array_index (table->deals, Deal, i);

      if (last != PALIER_DATE_NONE && deal->date > last)
        {
          if (!land_deal_payouts (sim, c, last, sum, error))
            return FALSE;
          sum = 0;
          last = PALIER_DATE_NONE;
        }

      if (last == PALIER_DATE_NONE)
        palier_period_bounds (kind, fy_start, palier_period_index (kind, fy_start, deal->date),
                              &first, &last);
      add_deal_payout (component, deal, &sum);
    }

  if (last != PALIER_DATE_NONE)
    return land_deal_payouts (sim, c, last, sum, error);
  return TRUE;
}

static void
cutoff_free (gpointer data)
{
  g_free (data);
}

static gint
compare_decimals_descending (gconstpointer a,
                             gconstpointer b)
{
  PalierDecimal da = *(const PalierDecimal *) a;
  PalierDecimal db = *(const PalierDecimal *) b;

  return da > db ? -1 : (da < db ? 1 : 0);
}

/* For a top-N reward, finds in each component period the smallest base
 * that qualifies: the N-th largest positive base, or the smallest one
 * when fewer partners have a positive base.  Partners tied with it all
 * qualify. */
static gboolean
compute_cutoffs (Simulation  *sim,
                 guint        c,
                 GError     **error)
{
  g_autoptr(GHashTable) bases_by_period = g_hash_table_new_full (NULL, NULL, NULL,
                                                                 (GDestroyNotify) g_array_unref);
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < sim->bases->active->len; i++)
    {
      g_autoptr(GArray) periods = component_periods_of (sim, c, g_array_index (sim->bases->active, guint, i), error);

      if (periods == NULL)
        return FALSE;

      for (guint j = 0; j < periods->len; j++)
        {
          const ComponentPeriod *period = &g_array_index (periods, ComponentPeriod, j);
          GArray *bases = g_hash_table_lookup (bases_by_period, GINT_TO_POINTER (period->index));

          if (period->base <= 0)
            continue;
          if (bases == NULL)
            {
              bases = g_array_new (FALSE, FALSE, sizeof (PalierDecimal));
              g_hash_table_insert (bases_by_period, GINT_TO_POINTER (period->index), bases);
            }
          g_array_append_val (bases, period->base);
        }
    }

  sim->cutoffs[c] = g_hash_table_new_full (NULL, NULL, NULL, cutoff_free);
  g_hash_table_iter_init (&iter, bases_by_period);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *bases = value;
      guint n = MIN (component->top_count, bases->len);

      if (n == 0)
        continue;
      g_array_sort (bases, compare_decimals_descending);
      g_hash_table_insert (sim->cutoffs[c], key,
                           g_memdup2 (&g_array_index (bases, PalierDecimal, n - 1), sizeof (PalierDecimal)));
    }
  return TRUE;
}

static gboolean
reward_qualifies (const Simulation       *sim,
                  guint                   c,
                  const ComponentPeriod  *period,
                  gboolean                has_quota,
                  PalierDecimal           quota)
{
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);
  const PalierDecimal *cutoff;

  if (period->base <= 0)
    return FALSE;

  if (component->reward_rule == PALIER_REWARD_RULE_TOP)
    {
      cutoff = g_hash_table_lookup (sim->cutoffs[c], GINT_TO_POINTER (period->index));
      return cutoff != NULL && period->base >= *cutoff;
    }

  if (component->threshold_basis == PALIER_BASIS_ATTAINMENT)
    return has_quota && palier_decimal_compare_product (period->base, component->threshold_min, quota) >= 0;

  return period->base >= component->threshold_min;
}

/* Grants a reward in each component period where the partner qualifies;
 * its unit cost is non-cash and lands like a payout. */
static gboolean
grant_rewards (Simulation           *sim,
               guint                 c,
               const PalierPartner  *partner,
               guint                 partner_index,
               GError              **error)
{
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);
  PalierPeriodKind kind = component_period_kind (sim, component);
  g_autoptr(GArray) periods = NULL;
  PalierDecimal quota = 0;
  gboolean has_quota;

  has_quota = palier_program_quota_for_segment (sim->program, partner->segment, &quota);
  if (component_needs_quota (component) && !has_quota)
    return set_no_quota_error (component, partner, error);

  periods = component_periods_of (sim, c, partner_index, error);
  if (periods == NULL)
    return FALSE;

  for (guint i = 0; i < periods->len; i++)
    {
      const ComponentPeriod *period = &g_array_index (periods, ComponentPeriod, i);
      PalierDecimal period_quota = 0;
      PendingReward pending;
      guint slot;

      if (has_quota && !component_quota (sim, period, quota, &period_quota, error))
        return FALSE;
      if (!reward_qualifies (sim, c, period, has_quota, period_quota))
        continue;

      slot = landing_slot (sim, period->last);
      sim->listed[slot] = TRUE;
      if (!add_checked (&sim->non_cash[slot * sim->n_components + c], component->unit_cost, error))
        return FALSE;

      pending.reward.component = component->id;
      pending.reward.kind = component->reward_kind;
      pending.reward.period = palier_period_label (kind, sim->program->fiscal_year_start, period->index);
      pending.reward.cost = component->unit_cost;
      pending.period_last = period->last;
      pending.component = c;
      g_array_append_val (sim->rewards, pending);
    }

  return TRUE;
}

/* Computes one component's payouts (or rewards) for one partner and adds
 * each to the program period where it lands. */
static gboolean
pay_component (Simulation           *sim,
               guint                 c,
               const PalierPartner  *partner,
               guint                 partner_index,
               GError              **error)
{
  const PalierComponent *component = g_ptr_array_index (sim->program->components, c);

  switch (component->kind)
    {
    case PALIER_COMPONENT_DEAL_BONUS:
      return pay_deals (sim, c, partner_index, error);
    case PALIER_COMPONENT_REWARD:
      return grant_rewards (sim, c, partner, partner_index, error);
    case PALIER_COMPONENT_COMMISSION:
    case PALIER_COMPONENT_BONUS:
    default:
      return pay_rated (sim, c, partner, partner_index, error);
    }
}

static void
period_result_clear (gpointer data)
{
  PalierPeriodResult *period = data;

  g_free (period->label);
  g_free (period->component_payouts);
}

static void
partner_result_free (gpointer data)
{
  PalierPartnerResult *partner = data;

  g_free (partner->partner);
  g_free (partner->name);
  g_free (partner->segment);
  g_free (partner->component_payouts);
  g_clear_pointer (&partner->periods, g_array_unref);
  g_clear_pointer (&partner->rewards, g_array_unref);
  g_free (partner);
}

/* Rounds @value / @divisor to 6 decimals; 0 when @divisor is 0. */
static PalierDecimal
ratio_of (PalierDecimal value,
          PalierDecimal divisor)
{
  if (divisor == 0)
    return 0;
  return (PalierDecimal) palier_wide_div_round ((PalierWide) value * PALIER_DECIMAL_ONE, divisor);
}

static gboolean
fill_period_result (Simulation           *sim,
                    const PalierPartner  *partner,
                    guint                 slot,
                    PalierPeriodResult   *period,
                    GError              **error)
{
  PalierPeriodKind kind = sim->program->period;
  int fy_start = sim->program->fiscal_year_start;

  period->index = sim->first_period + (gint32) slot;
  period->label = palier_period_label (kind, fy_start, period->index);
  palier_period_bounds (kind, fy_start, period->index, &period->first, &period->last);
  period->sales = sim->sales[slot];
  period->has_quota = palier_program_quota_for_segment (sim->program, partner->segment,
                                                        &period->quota);
  period->attainment = period->has_quota ? ratio_of (period->sales, period->quota) : 0;
  period->component_payouts = g_new0 (PalierDecimal, sim->n_components + 1);

  for (guint c = 0; c < sim->n_components; c++)
    {
      PalierDecimal payout = sim->payouts[slot * sim->n_components + c];

      period->component_payouts[c] = payout;
      if (!add_checked (&period->payout, payout, error) ||
          !add_checked (&period->non_cash, sim->non_cash[slot * sim->n_components + c], error))
        return FALSE;
    }
  return TRUE;
}

/* Adds a partner's period to the partner's totals and to the program's
 * period totals. */
static gboolean
add_period_to_totals (Simulation                *sim,
                      guint                      slot,
                      const PalierPeriodResult  *period,
                      PalierPartnerResult       *row,
                      GError                   **error)
{
  sim->total_listed[slot] = TRUE;
  if (!add_checked (&row->sales, period->sales, error) ||
      !add_checked (&row->payout, period->payout, error) ||
      !add_checked (&row->non_cash, period->non_cash, error) ||
      !add_checked (&sim->total_sales[slot], period->sales, error))
    return FALSE;

  for (guint c = 0; c < sim->n_components; c++)
    if (!add_checked (&row->component_payouts[c], period->component_payouts[c], error) ||
        !add_checked (&sim->total_payouts[slot * sim->n_components + c],
                      period->component_payouts[c], error) ||
        !add_checked (&sim->component_non_cash[c],
                      sim->non_cash[slot * sim->n_components + c], error))
      return FALSE;

  return TRUE;
}

static gint
compare_pending_rewards (gconstpointer a,
                         gconstpointer b)
{
  const PendingReward *ra = a;
  const PendingReward *rb = b;

  if (ra->period_last != rb->period_last)
    return ra->period_last < rb->period_last ? -1 : 1;
  return ra->component < rb->component ? -1 : (ra->component > rb->component ? 1 : 0);
}

/* Moves the current partner's rewards into a new array, by period, then
 * program order. */
static GArray *
take_rewards (Simulation *sim)
{
  GArray *rewards = g_array_sized_new (FALSE, TRUE, sizeof (PalierRewardResult), sim->rewards->len);

  g_array_set_clear_func (rewards, reward_result_clear);
  g_array_sort (sim->rewards, compare_pending_rewards);
  for (guint i = 0; i < sim->rewards->len; i++)
    {
      PendingReward *pending = &g_array_index (sim->rewards, PendingReward, i);

      g_array_append_val (rewards, pending->reward);
      pending->reward.period = NULL;
    }
  g_array_set_size (sim->rewards, 0);
  return rewards;
}

static PalierPartnerResult *
build_partner_result (Simulation           *sim,
                      const PalierPartner  *partner,
                      GError              **error)
{
  PalierPartnerResult *row = g_new0 (PalierPartnerResult, 1);

  row->partner = g_strdup (partner->code);
  row->name = g_strdup (partner->name);
  row->segment = g_strdup (partner->segment);
  row->component_payouts = g_new0 (PalierDecimal, sim->n_components + 1);
  row->periods = g_array_new (FALSE, TRUE, sizeof (PalierPeriodResult));
  g_array_set_clear_func (row->periods, period_result_clear);
  row->rewards = take_rewards (sim);

  for (guint slot = 0; slot < sim->n_periods; slot++)
    {
      PalierPeriodResult *period;

      if (!sim->listed[slot])
        continue;

      g_array_set_size (row->periods, row->periods->len + 1);
      period = &g_array_index (row->periods, PalierPeriodResult, row->periods->len - 1);
      if (!fill_period_result (sim, partner, slot, period, error) ||
          !add_period_to_totals (sim, slot, period, row, error))
        {
          partner_result_free (row);
          return NULL;
        }
    }

  return row;
}

static PalierPartnerResult *
simulate_partner (Simulation           *sim,
                  guint                 partner_index,
                  GError              **error)
{
  const PalierPartner *partner = g_ptr_array_index (sim->bases->partners, partner_index);
  const MonthTable *all_lines = g_ptr_array_index (sim->bases->tables, 0);
  const PalierMonthTotal *months;
  guint n_months;

  memset (sim->sales, 0, sizeof (PalierDecimal) * sim->n_periods);
  memset (sim->listed, 0, sizeof (gboolean) * sim->n_periods);
  memset (sim->payouts, 0, sizeof (PalierDecimal) * sim->n_periods * sim->n_components);
  memset (sim->non_cash, 0, sizeof (PalierDecimal) * sim->n_periods * sim->n_components);
  g_array_set_size (sim->rewards, 0);

  months = month_table_get (all_lines, partner_index, &n_months);
  for (guint m = 0; m < n_months; m++)
    {
      guint slot = slot_of_date (sim, MAX (month_first_day (months[m].month), sim->bases->from));

      sim->listed[slot] = TRUE;
      if (!add_checked (&sim->sales[slot], months[m].revenue, error))
        return NULL;
    }

  for (guint c = 0; c < sim->n_components; c++)
    if (!pay_component (sim, c, partner, partner_index, error))
      return NULL;

  return build_partner_result (sim, partner, error);
}

static void
period_total_clear (gpointer data)
{
  PalierPeriodTotal *total = data;

  g_free (total->label);
  g_free (total->component_payouts);
}

static void
collect_period_totals (Simulation   *sim,
                       PalierResult *result)
{
  PalierPeriodKind kind = sim->program->period;
  int fy_start = sim->program->fiscal_year_start;

  for (guint slot = 0; slot < sim->n_periods; slot++)
    {
      PalierPeriodTotal total = { 0 };

      if (!sim->total_listed[slot])
        continue;

      total.index = sim->first_period + (gint32) slot;
      total.label = palier_period_label (kind, fy_start, total.index);
      total.sales = sim->total_sales[slot];
      total.component_payouts = g_new0 (PalierDecimal, sim->n_components + 1);
      for (guint c = 0; c < sim->n_components; c++)
        {
          total.component_payouts[c] = sim->total_payouts[slot * sim->n_components + c];
          /* Cannot overflow: the same payouts were summed per partner and
           * into the program total without overflow. */
          total.payout += total.component_payouts[c];
        }
      g_array_append_val (result->period_totals, total);
    }
}

static gboolean
add_partner_to_totals (PalierResult               *result,
                       const PalierPartnerResult  *row,
                       GError                    **error)
{
  if (!add_checked (&result->total_sales, row->sales, error) ||
      !add_checked (&result->total_payout, row->payout, error) ||
      !add_checked (&result->total_non_cash, row->non_cash, error))
    return FALSE;

  for (guint c = 0; c < result->n_components; c++)
    if (!add_checked (&result->component_totals[c], row->component_payouts[c], error))
      return FALSE;

  return TRUE;
}

static PalierResult *
result_new (const PalierBases   *bases,
            const PalierProgram *program)
{
  PalierResult *result = g_new0 (PalierResult, 1);

  result->ref_count = 1;
  result->program = palier_program_ref ((PalierProgram *) program);
  result->from = bases->from;
  result->to = bases->to;
  result->minor_digits = palier_currency_minor_digits (program->currency);
  result->n_components = program->components->len;
  result->component_totals = g_new0 (PalierDecimal, result->n_components + 1);
  result->component_non_cash = g_new0 (PalierDecimal, result->n_components + 1);
  for (guint c = 0; c < result->n_components; c++)
    if (((PalierComponent *) g_ptr_array_index (program->components, c))->kind == PALIER_COMPONENT_REWARD)
      result->has_rewards = TRUE;
  result->partners = g_ptr_array_new_with_free_func (partner_result_free);
  result->period_totals = g_array_new (FALSE, TRUE, sizeof (PalierPeriodTotal));
  g_array_set_clear_func (result->period_totals, period_total_clear);

  return result;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return TRUE;

  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED,
               _("simulation cancelled"));
  return FALSE;
}

PalierResult *
palier_bases_simulate (const PalierBases    *bases,
                       const PalierProgram  *program,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(PalierResult) result = NULL;
  Simulation sim;
  gboolean ok = TRUE;

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (palier_bases_can_simulate (bases, program), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = result_new (bases, program);
  simulation_init (&sim, bases, program);

  for (guint c = 0; ok && c < sim.n_components; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);

      if (component->kind == PALIER_COMPONENT_REWARD &&
          component->reward_rule == PALIER_REWARD_RULE_TOP)
        ok = compute_cutoffs (&sim, c, error);
    }

  for (guint i = 0; ok && i < bases->active->len; i++)
    {
      PalierPartnerResult *row;

      if (i % CANCEL_CHECK_PARTNERS == 0 && !check_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      row = simulate_partner (&sim, g_array_index (bases->active, guint, i), error);
      if (row == NULL)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (result->partners, row);
      ok = add_partner_to_totals (result, row, error);
    }

  if (ok && !palier_decimal_add (result->total_payout, result->total_non_cash, &result->total_cost))
    ok = set_overflow_error (error);

  if (ok)
    {
      collect_period_totals (&sim, result);
      memcpy (result->component_non_cash, sim.component_non_cash,
              sizeof (PalierDecimal) * sim.n_components);
      result->cost_of_sales = ratio_of (result->total_cost, result->total_sales);
    }

  simulation_clear (&sim);
  return ok ? g_steal_pointer (&result) : NULL;
}

PalierResult *
palier_simulate (PalierStore                  *store,
                 const PalierProgram          *program,
                 const PalierSimulateOptions  *options,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierBases) bases = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bases = palier_bases_compute (store, programs, options, cancellable, error);
  if (bases == NULL)
    return NULL;

  return palier_bases_simulate (bases, program, cancellable, error);
}

PalierResult *
palier_result_ref (PalierResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_int_inc (&result->ref_count);
  return result;
}

void
palier_result_unref (PalierResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_int_dec_and_test (&result->ref_count))
    return;

  palier_program_unref (result->program);
  g_free (result->component_totals);
  g_free (result->component_non_cash);
  g_ptr_array_unref (result->partners);
  g_array_unref (result->period_totals);
  g_free (result);
}

static int
compare_code_to_row (const void *key,
                     const void *element)
{
  const PalierPartnerResult *row = *(const PalierPartnerResult * const *) element;

  return strcmp (key, row->partner);
}

const PalierPartnerResult *
palier_result_find_partner (const PalierResult *result,
                            const char         *partner)
{
  PalierPartnerResult **found;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (partner != NULL, NULL);

  found = bsearch (partner, result->partners->pdata, result->partners->len,
                   sizeof (gpointer), compare_code_to_row);
  return found != NULL ? *found : NULL;
}
