/* palier-simulate.c: payouts of a program on a workspace's sales
 *
 * Phase one (PalierBases) queries sqlite, once per distinct component
 * filter, for every measure summed per partner and calendar month within
 * the range.  The unfiltered query also gives each partner's sales and
 * the months in which it has at least one transaction.  Deal bonuses add
 * one query per distinct filter and measure for the deals.  Phase two is
 * palier-evaluation.c, which folds those months into component periods
 * and applies the payout rules.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-simulate.h"
#include "palier-simulate-private.h"
#include "palier-quotas-import.h"
#include "palier-store-private.h"

G_DEFINE_QUARK (palier-simulate-error-quark, palier_simulate_error)

gboolean
_palier_simulate_set_overflow (GError **error)
{
  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_OVERFLOW,
               _("a sum of amounts is too large to be held exactly"));
  return FALSE;
}

gboolean
_palier_simulate_set_cancelled (GError **error)
{
  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CANCELLED,
               _("simulation cancelled"));
  return FALSE;
}

/* Filters */

static gboolean
field_is_filtered (const PalierFilter *filter,
                   int                 field)
{
  return filter->values[field] != NULL && filter->values[field]->len > 0;
}

void
_palier_filter_copy (const PalierFilter *source,
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

void
_palier_filter_clear (PalierFilter *filter)
{
  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    g_clear_pointer (&filter->values[field], g_ptr_array_unref);
}

/* Same values in the same order: filters listing the same values in
 * another order are treated as different, which only costs a query. */
gboolean
_palier_filter_equal (const PalierFilter *a,
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

void
_palier_month_table_free (gpointer data)
{
  PalierMonthTable *table = data;

  _palier_filter_clear (&table->filter);
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
month_table_index (PalierMonthTable *table,
                   guint             n_partners)
{
  guint position = 0;

  g_free (table->starts);
  table->starts = g_new0 (guint, n_partners + 2);
  for (guint id = 0; id <= n_partners + 1; id++)
    {
      while (position < table->totals->len &&
             g_array_index (table->totals, PalierMonthTotal, position).partner_id < id)
        position++;
      table->starts[id] = position;
    }
}

void
_palier_bases_add_month_table (PalierBases      *bases,
                               PalierMonthTable *table)
{
  month_table_index (table, bases->partners->len);
  g_ptr_array_add (bases->tables, table);
}

static PalierMonthTable *
month_table_compute (PalierStore         *store,
                     const PalierFilter  *filter,
                     PalierDate           from,
                     PalierDate           to,
                     GCancellable        *cancellable,
                     GError             **error)
{
  PalierMonthTable *table = g_new0 (PalierMonthTable, 1);

  _palier_filter_copy (filter, &table->filter);
  table->totals = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  if (!_palier_store_foreach_month_total (store, filter, from, to, cancellable,
                                          append_month_total, table->totals, error))
    {
      _palier_month_table_free (table);
      return NULL;
    }

  return table;
}

const PalierMonthTotal *
_palier_month_table_get (const PalierMonthTable *table,
                         guint                   index,
                         guint                  *out_n_totals)
{
  guint start = table->starts[index + 1];

  *out_n_totals = table->starts[index + 2] - start;
  return &g_array_index (table->totals, PalierMonthTotal, start);
}

int
_palier_bases_find_table (const PalierBases  *bases,
                          const PalierFilter *filter)
{
  for (guint i = 0; i < bases->tables->len; i++)
    {
      const PalierMonthTable *table = g_ptr_array_index (bases->tables, i);

      if (_palier_filter_equal (&table->filter, filter))
        return (int) i;
    }
  return -1;
}

void
_palier_deal_table_free (gpointer data)
{
  PalierDealTable *table = data;

  _palier_filter_clear (&table->filter);
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
  PalierDealTable *table = user_data;
  PalierDeal deal;

  deal.partner_index = (guint) (total->partner_id - 1);
  deal.date = total->date;
  deal.value = deal_value (total, table->measure);
  g_array_append_val (table->deals, deal);
  return TRUE;
}

static void
deal_table_index (PalierDealTable *table,
                  guint            n_partners)
{
  guint position = 0;

  g_free (table->starts);
  table->starts = g_new0 (guint, n_partners + 1);
  for (guint index = 0; index <= n_partners; index++)
    {
      while (position < table->deals->len &&
             g_array_index (table->deals, PalierDeal, position).partner_index < index)
        position++;
      table->starts[index] = position;
    }
}

void
_palier_bases_add_deal_table (PalierBases     *bases,
                              PalierDealTable *table)
{
  deal_table_index (table, bases->partners->len);
  g_ptr_array_add (bases->deal_tables, table);
}

int
_palier_bases_find_deal_table (const PalierBases  *bases,
                               const PalierFilter *filter,
                               PalierMeasure       measure)
{
  for (guint i = 0; i < bases->deal_tables->len; i++)
    {
      const PalierDealTable *table = g_ptr_array_index (bases->deal_tables, i);

      if (table->measure == measure && _palier_filter_equal (&table->filter, filter))
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
  PalierDealTable *table;

  if (_palier_bases_find_deal_table (bases, &component->filter, component->measure) >= 0)
    return TRUE;

  table = g_new0 (PalierDealTable, 1);
  _palier_filter_copy (&component->filter, &table->filter);
  table->measure = component->measure;
  table->deals = g_array_new (FALSE, FALSE, sizeof (PalierDeal));

  if (!_palier_store_foreach_deal_total (store, &component->filter, bases->from, bases->to,
                                         cancellable, append_deal, table, error))
    {
      _palier_deal_table_free (table);
      return FALSE;
    }

  _palier_bases_add_deal_table (bases, table);
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

void
_palier_bases_list_active (PalierBases *bases)
{
  const PalierMonthTable *all_lines = g_ptr_array_index (bases->tables, 0);

  g_clear_pointer (&bases->active, g_array_unref);
  bases->active = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint index = 0; index < bases->partners->len; index++)
    if (all_lines->starts[index + 2] > all_lines->starts[index + 1])
      g_array_append_val (bases->active, index);

  g_array_sort_with_data (bases->active, compare_partner_codes, bases->partners);
}

static gint
compare_partner_quotas (gconstpointer a,
                        gconstpointer b)
{
  const PalierPartnerQuota *qa = a;
  const PalierPartnerQuota *qb = b;

  if (qa->partner_index != qb->partner_index)
    return qa->partner_index < qb->partner_index ? -1 : 1;
  return qa->first < qb->first ? -1 : (qa->first > qb->first ? 1 : 0);
}

void
_palier_bases_set_quotas (PalierBases *bases,
                          GPtrArray   *quotas)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_partners = bases->partners->len;
  guint position = 0;

  for (guint index = 0; index < n_partners; index++)
    {
      const PalierPartner *partner = g_ptr_array_index (bases->partners, index);

      g_hash_table_insert (by_code, partner->code, GUINT_TO_POINTER (index + 1));
    }

  g_clear_pointer (&bases->quotas, g_array_unref);
  bases->quotas = g_array_new (FALSE, FALSE, sizeof (PalierPartnerQuota));
  for (guint i = 0; quotas != NULL && i < quotas->len; i++)
    {
      const PalierQuota *quota = g_ptr_array_index (quotas, i);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (by_code, quota->partner));
      PalierPartnerQuota entry;

      if (found == 0)
        continue;
      entry.partner_index = found - 1;
      entry.first = quota->first;
      entry.last = quota->last;
      entry.quota = quota->quota;
      g_array_append_val (bases->quotas, entry);
    }
  g_array_sort (bases->quotas, compare_partner_quotas);

  g_free (bases->quota_starts);
  bases->quota_starts = g_new0 (guint, n_partners + 1);
  for (guint index = 0; index <= n_partners; index++)
    {
      while (position < bases->quotas->len &&
             g_array_index (bases->quotas, PalierPartnerQuota, position).partner_index < index)
        position++;
      bases->quota_starts[index] = position;
    }
}

const PalierPartnerQuota *
_palier_bases_get_quotas (const PalierBases *bases,
                          guint              index,
                          guint             *out_n_quotas)
{
  guint start;

  if (bases->quotas == NULL)
    {
      *out_n_quotas = 0;
      return NULL;
    }

  start = bases->quota_starts[index];
  *out_n_quotas = bases->quota_starts[index + 1] - start;
  return &g_array_index (bases->quotas, PalierPartnerQuota, start);
}

static gboolean
add_table (PalierBases         *bases,
           PalierStore         *store,
           const PalierFilter  *filter,
           GCancellable        *cancellable,
           GError             **error)
{
  PalierMonthTable *table;

  if (_palier_bases_find_table (bases, filter) >= 0)
    return TRUE;

  if (g_cancellable_is_cancelled (cancellable))
    return _palier_simulate_set_cancelled (error);

  table = month_table_compute (store, filter, bases->from, bases->to, cancellable, error);
  if (table == NULL)
    return FALSE;

  _palier_bases_add_month_table (bases, table);
  return TRUE;
}

gboolean
_palier_bases_add_program (PalierBases          *bases,
                           PalierStore          *store,
                           const PalierProgram  *program,
                           GCancellable         *cancellable,
                           GError              **error)
{
  for (guint c = 0; c < program->components->len; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);

      if (component->kind == PALIER_COMPONENT_DEAL_BONUS
          ? !add_deal_table (bases, store, component, cancellable, error)
          : !add_table (bases, store, &component->filter, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
programs_read_table (const PalierProgram * const *programs,
                     const PalierFilter          *filter,
                     gboolean                     deals,
                     PalierMeasure                measure)
{
  for (guint p = 0; programs[p] != NULL; p++)
    for (guint c = 0; c < programs[p]->components->len; c++)
      {
        const PalierComponent *component = g_ptr_array_index (programs[p]->components, c);

        if ((component->kind == PALIER_COMPONENT_DEAL_BONUS) != deals)
          continue;
        if (deals && component->measure != measure)
          continue;
        if (_palier_filter_equal (&component->filter, filter))
          return TRUE;
      }
  return FALSE;
}

void
_palier_bases_prune (PalierBases                 *bases,
                     const PalierProgram * const *programs)
{
  for (guint i = bases->tables->len; i-- > 1;)
    {
      const PalierMonthTable *table = g_ptr_array_index (bases->tables, i);

      if (!programs_read_table (programs, &table->filter, FALSE, 0))
        g_ptr_array_remove_index (bases->tables, i);
    }

  for (guint i = bases->deal_tables->len; i-- > 0;)
    {
      const PalierDealTable *table = g_ptr_array_index (bases->deal_tables, i);

      if (!programs_read_table (programs, &table->filter, TRUE, table->measure))
        g_ptr_array_remove_index (bases->deal_tables, i);
    }
}

PalierBases *
_palier_bases_new (void)
{
  PalierBases *bases = g_new0 (PalierBases, 1);

  bases->tables = g_ptr_array_new_with_free_func (_palier_month_table_free);
  bases->deal_tables = g_ptr_array_new_with_free_func (_palier_deal_table_free);
  return bases;
}

PalierBases *
palier_bases_compute (PalierStore                  *store,
                      const PalierProgram * const  *programs,
                      const PalierSimulateOptions  *options,
                      GCancellable                 *cancellable,
                      GError                      **error)
{
  g_autoptr(PalierBases) bases = NULL;
  g_autoptr(GPtrArray) quotas = NULL;
  PalierFilter all_lines = { 0 };

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (programs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bases = _palier_bases_new ();

  if (!resolve_range (store, options, &bases->from, &bases->to, error))
    return NULL;

  bases->partners = palier_store_list_partners (store, error);
  if (bases->partners == NULL)
    return NULL;

  quotas = palier_store_list_quotas (store, error);
  if (quotas == NULL)
    return NULL;
  _palier_bases_set_quotas (bases, quotas);

  if (!add_table (bases, store, &all_lines, cancellable, error))
    return NULL;

  for (guint p = 0; programs[p] != NULL; p++)
    if (!_palier_bases_add_program (bases, store, programs[p], cancellable, error))
      return NULL;

  _palier_bases_list_active (bases);
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
  g_clear_pointer (&bases->quotas, g_array_unref);
  g_free (bases->quota_starts);
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
                  ? _palier_bases_find_deal_table (bases, &component->filter, component->measure)
                  : _palier_bases_find_table (bases, &component->filter);

      if (found < 0)
        return FALSE;
    }
  return TRUE;
}

PalierResult *
palier_bases_simulate (const PalierBases    *bases,
                       const PalierProgram  *program,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(PalierEvaluation) evaluation = NULL;

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (palier_bases_can_simulate (bases, program), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  evaluation = _palier_evaluation_new (bases);
  if (!_palier_evaluation_update (evaluation, program, cancellable, error))
    return NULL;

  return _palier_evaluation_build_result (evaluation, cancellable, error);
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
