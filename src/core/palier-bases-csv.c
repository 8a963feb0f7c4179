/* palier-bases-csv.c: simulation bases streamed from a sales CSV file
 *
 * palier_bases_compute_from_plan() gives the same PalierBases as an
 * import into a workspace followed by palier_bases_compute(), without
 * sqlite: each row is added to the month totals of every distinct
 * component filter it passes, per partner and calendar month, and to
 * its deal where a deal bonus needs deals.  Memory grows with partners
 * times months times filters (plus deals), not with rows.
 *
 * The segment of a partner is the one of its latest row that has one,
 * known only at the end, so segment conditions are applied after the
 * last row: a partner's totals are kept or dropped as a whole.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-simulate-private.h"
#include "palier-store.h"

typedef struct {
  PalierDecimal  revenue;
  PalierDecimal  margin;
  PalierDecimal  units;
  gint64         n_lines;
} MonthCell;

/* One partner as its rows arrive.  Attributes follow the workspace's
 * rule: the latest dated row with a value wins, the last read among
 * rows of the same date. */
typedef struct {
  char        *code;
  char        *name;              /* from a partners file, or NULL */
  char        *segment;
  char        *region;
  PalierDate   start;             /* from a partners file, or PALIER_DATE_NONE */
  PalierDate   segment_date;
  PalierDate   region_date;
  gint32       first_month;       /* year * 12 + month - 1 of cells[0] */
  guint        n_months;
  guint        capacity;          /* months allocated */
  MonthCell   *cells;             /* month-major: n_months x n_tables */
} PartnerSums;

/* One deal of one partner for one deal table. */
typedef struct {
  guint          partner_index;
  PalierDate     date;            /* earliest line that passes */
  PalierDecimal  revenue;
  PalierDecimal  margin;
  PalierDecimal  units;
} DealSums;

typedef struct {
  PalierFilter   filter;
  PalierMeasure  measure;
  GArray        *deals;           /* DealSums */
  GHashTable    *by_id;           /* "partner index\x1fdeal id" -> deal number + 1 */
} DealAccumulator;

typedef struct {
  PalierDate     from;            /* PALIER_DATE_NONE: no bound */
  PalierDate     to;
  GPtrArray     *filters;         /* PalierFilter *, the first passes everything */
  guint          n_tables;
  GPtrArray     *deal_tables;     /* DealAccumulator * */

  GPtrArray     *partners;        /* PartnerSums *, in order of appearance */
  GHashTable    *partner_index;   /* code -> index + 1 */
  guint          last_partner;    /* index + 1 of the previous row's partner, or 0 */

  PalierDate     first_date;      /* over every row, for open range ends */
  PalierDate     last_date;
  PalierDecimal  total_amount;
} Accumulator;

static void
partner_sums_free (gpointer data)
{
  PartnerSums *partner = data;

  g_free (partner->code);
  g_free (partner->name);
  g_free (partner->segment);
  g_free (partner->region);
  g_free (partner->cells);
  g_free (partner);
}

static void
filter_free (gpointer data)
{
  PalierFilter *filter = data;

  _palier_filter_clear (filter);
  g_free (filter);
}

static void
deal_accumulator_free (gpointer data)
{
  DealAccumulator *deals = data;

  _palier_filter_clear (&deals->filter);
  g_array_unref (deals->deals);
  g_hash_table_unref (deals->by_id);
  g_free (deals);
}

static gboolean
has_filter (GPtrArray          *filters,
            const PalierFilter *filter)
{
  for (guint i = 0; i < filters->len; i++)
    if (_palier_filter_equal (g_ptr_array_index (filters, i), filter))
      return TRUE;
  return FALSE;
}

static gboolean
has_deal_table (GPtrArray             *deal_tables,
                const PalierComponent *component)
{
  for (guint i = 0; i < deal_tables->len; i++)
    {
      const DealAccumulator *deals = g_ptr_array_index (deal_tables, i);

      if (deals->measure == component->measure &&
          _palier_filter_equal (&deals->filter, &component->filter))
        return TRUE;
    }
  return FALSE;
}

static void
accumulator_init (Accumulator                  *acc,
                  const PalierProgram * const  *programs,
                  const PalierSimulateOptions  *options)
{
  memset (acc, 0, sizeof *acc);
  acc->from = options != NULL ? options->from : PALIER_DATE_NONE;
  acc->to = options != NULL ? options->to : PALIER_DATE_NONE;
  acc->filters = g_ptr_array_new_with_free_func (filter_free);
  acc->deal_tables = g_ptr_array_new_with_free_func (deal_accumulator_free);
  acc->partners = g_ptr_array_new_with_free_func (partner_sums_free);
  acc->partner_index = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_add (acc->filters, g_new0 (PalierFilter, 1));

  for (guint p = 0; programs[p] != NULL; p++)
    for (guint c = 0; c < programs[p]->components->len; c++)
      {
        const PalierComponent *component = g_ptr_array_index (programs[p]->components, c);

        if (component->kind == PALIER_COMPONENT_DEAL_BONUS)
          {
            DealAccumulator *deals;

            if (has_deal_table (acc->deal_tables, component))
              continue;
            deals = g_new0 (DealAccumulator, 1);
            _palier_filter_copy (&component->filter, &deals->filter);
            deals->measure = component->measure;
            deals->deals = g_array_new (FALSE, FALSE, sizeof (DealSums));
            deals->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            g_ptr_array_add (acc->deal_tables, deals);
          }
        else if (!has_filter (acc->filters, &component->filter))
          {
            PalierFilter *filter = g_new0 (PalierFilter, 1);

            _palier_filter_copy (&component->filter, filter);
            g_ptr_array_add (acc->filters, filter);
          }
      }

  acc->n_tables = acc->filters->len;
}

static void
accumulator_clear (Accumulator *acc)
{
  g_clear_pointer (&acc->filters, g_ptr_array_unref);
  g_clear_pointer (&acc->deal_tables, g_ptr_array_unref);
  g_clear_pointer (&acc->partner_index, g_hash_table_unref);
  g_clear_pointer (&acc->partners, g_ptr_array_unref);
}

/* Rows */

static void
update_attribute (char        **attribute,
                  PalierDate   *attribute_date,
                  const char   *value,
                  PalierDate    date)
{
  if (value == NULL || date < *attribute_date)
    return;

  *attribute_date = date;
  if (g_strcmp0 (*attribute, value) != 0)
    {
      g_free (*attribute);
      *attribute = g_strdup (value);
    }
}

static guint
find_partner (Accumulator *acc,
              const char  *code)
{
  PartnerSums *partner;
  gpointer found;

  if (acc->last_partner != 0)
    {
      partner = g_ptr_array_index (acc->partners, acc->last_partner - 1);
      if (strcmp (partner->code, code) == 0)
        return acc->last_partner - 1;
    }

  found = g_hash_table_lookup (acc->partner_index, code);
  if (found == NULL)
    {
      partner = g_new0 (PartnerSums, 1);
      partner->code = g_strdup (code);
      g_ptr_array_add (acc->partners, partner);
      found = GUINT_TO_POINTER (acc->partners->len);
      g_hash_table_insert (acc->partner_index, partner->code, found);
    }

  acc->last_partner = GPOINTER_TO_UINT (found);
  return acc->last_partner - 1;
}

/* The cells of @month for @partner, growing its months as needed. */
static MonthCell *
month_cells (Accumulator *acc,
             PartnerSums *partner,
             gint32       month)
{
  gsize row = acc->n_tables * sizeof (MonthCell);

  if (partner->n_months == 0)
    {
      partner->capacity = 16;
      partner->cells = g_malloc0 (row * partner->capacity);
      partner->first_month = month;
      partner->n_months = 1;
    }
  else if (month < partner->first_month)
    {
      guint shift = (guint) (partner->first_month - month);
      guint n_months = partner->n_months + shift;
      MonthCell *cells = g_malloc0 (row * MAX (n_months, partner->capacity));

      memcpy ((char *) cells + shift * row, partner->cells, partner->n_months * row);
      g_free (partner->cells);
      partner->cells = cells;
      partner->capacity = MAX (n_months, partner->capacity);
      partner->first_month = month;
      partner->n_months = n_months;
    }
  else if ((guint) (month - partner->first_month) >= partner->n_months)
    {
      guint n_months = (guint) (month - partner->first_month) + 1;

      if (n_months > partner->capacity)
        {
          guint capacity = MAX (n_months, partner->capacity * 2);

          partner->cells = g_realloc (partner->cells, row * capacity);
          memset ((char *) partner->cells + partner->capacity * row, 0,
                  (capacity - partner->capacity) * row);
          partner->capacity = capacity;
        }
      partner->n_months = n_months;
    }

  return partner->cells + (gsize) (month - partner->first_month) * acc->n_tables;
}

static gboolean
value_in (const GPtrArray *values,
          const char      *value)
{
  if (values == NULL || values->len == 0)
    return TRUE;
  if (value == NULL)
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    if (strcmp (g_ptr_array_index (values, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the row passes @filter, except for its segment condition. */
static gboolean
row_passes (const PalierFilter  *filter,
            const PalierSaleRow *row)
{
  return (filter->start == PALIER_DATE_NONE || row->date >= filter->start) &&
         (filter->end == PALIER_DATE_NONE || row->date <= filter->end) &&
         value_in (filter->values[PALIER_FILTER_CATEGORY], row->category) &&
         value_in (filter->values[PALIER_FILTER_PRODUCT], row->product) &&
         value_in (filter->values[PALIER_FILTER_REGION], row->region);
}

static gboolean
set_line_overflow (const PalierSaleRow  *row,
                   GError              **error)
{
  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_OVERFLOW,
               _("line %llu: a sum of amounts is too large to be held exactly"),
               (unsigned long long) row->line);
  return FALSE;
}

static gboolean
add_to_cell (MonthCell           *cell,
             const PalierSaleRow *row,
             GError             **error)
{
  cell->n_lines++;
  if (!palier_decimal_add (cell->revenue, row->amount, &cell->revenue) ||
      (row->has_margin && !palier_decimal_add (cell->margin, row->margin, &cell->margin)) ||
      (row->has_quantity && !palier_decimal_add (cell->units, row->quantity, &cell->units)))
    return set_line_overflow (row, error);
  return TRUE;
}

static gboolean
add_to_deal (DealAccumulator      *deals,
             guint                 partner_index,
             const PalierSaleRow  *row,
             GError              **error)
{
  DealSums *deal;

  if (row->deal == NULL)
    {
      DealSums single = { partner_index, row->date, 0, 0, 0 };

      g_array_append_val (deals->deals, single);
      deal = &g_array_index (deals->deals, DealSums, deals->deals->len - 1);
    }
  else
    {
      g_autofree char *key = g_strdup_printf ("%u\x1f%s", partner_index, row->deal);
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (deals->by_id, key));

      if (number == 0)
        {
          DealSums first = { partner_index, row->date, 0, 0, 0 };

          g_array_append_val (deals->deals, first);
          number = deals->deals->len;
          g_hash_table_insert (deals->by_id, g_steal_pointer (&key), GUINT_TO_POINTER (number));
        }
      deal = &g_array_index (deals->deals, DealSums, number - 1);
      deal->date = MIN (deal->date, row->date);
    }

  if (!palier_decimal_add (deal->revenue, row->amount, &deal->revenue) ||
      (row->has_margin && !palier_decimal_add (deal->margin, row->margin, &deal->margin)) ||
      (row->has_quantity && !palier_decimal_add (deal->units, row->quantity, &deal->units)))
    return set_line_overflow (row, error);
  return TRUE;
}

static gboolean
add_row (const PalierSaleRow  *row,
         gpointer              user_data,
         GError              **error)
{
  Accumulator *acc = user_data;
  PartnerSums *partner;
  guint partner_index;
  MonthCell *cells;

  if (row->partner == NULL || row->date == PALIER_DATE_NONE)
    {
      g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
                   _("line %llu: a sales row needs a date and a partner"),
                   (unsigned long long) row->line);
      return FALSE;
    }

  partner_index = find_partner (acc, row->partner);
  partner = g_ptr_array_index (acc->partners, partner_index);
  update_attribute (&partner->segment, &partner->segment_date, row->segment, row->date);
  update_attribute (&partner->region, &partner->region_date, row->region, row->date);

  if (!palier_decimal_add (acc->total_amount, row->amount, &acc->total_amount))
    return set_line_overflow (row, error);
  if (acc->first_date == PALIER_DATE_NONE || row->date < acc->first_date)
    acc->first_date = row->date;
  acc->last_date = MAX (acc->last_date, row->date);

  if ((acc->from != PALIER_DATE_NONE && row->date < acc->from) ||
      (acc->to != PALIER_DATE_NONE && row->date > acc->to))
    return TRUE;

  cells = month_cells (acc, partner, palier_date_year (row->date) * 12 + palier_date_month (row->date) - 1);
  for (guint t = 0; t < acc->n_tables; t++)
    if (row_passes (g_ptr_array_index (acc->filters, t), row) &&
        !add_to_cell (&cells[t], row, error))
      return FALSE;

  for (guint d = 0; d < acc->deal_tables->len; d++)
    {
      DealAccumulator *deals = g_ptr_array_index (acc->deal_tables, d);

      if (row_passes (&deals->filter, row) && !add_to_deal (deals, partner_index, row, error))
        return FALSE;
    }

  return TRUE;
}

/* Bases */

static gboolean
segment_passes (const PalierFilter *filter,
                const PartnerSums  *partner)
{
  return value_in (filter->values[PALIER_FILTER_SEGMENT], partner->segment);
}

static PalierMonthTable *
build_month_table (const Accumulator *acc,
                   guint              t)
{
  const PalierFilter *filter = g_ptr_array_index (acc->filters, t);
  PalierMonthTable *table = g_new0 (PalierMonthTable, 1);

  _palier_filter_copy (filter, &table->filter);
  table->totals = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  for (guint i = 0; i < acc->partners->len; i++)
    {
      const PartnerSums *partner = g_ptr_array_index (acc->partners, i);

      if (!segment_passes (filter, partner))
        continue;

      for (guint m = 0; m < partner->n_months; m++)
        {
          const MonthCell *cell = &partner->cells[(gsize) m * acc->n_tables + t];
          PalierMonthTotal total;

          if (cell->n_lines == 0)
            continue;

          total.partner_id = i + 1;
          total.month = partner->first_month + (gint32) m;
          total.revenue = cell->revenue;
          total.margin = cell->margin;
          total.units = cell->units;
          total.n_lines = cell->n_lines;
          g_array_append_val (table->totals, total);
        }
    }

  return table;
}

static gint
compare_deals (gconstpointer a,
               gconstpointer b)
{
  const PalierDeal *da = a;
  const PalierDeal *db = b;

  if (da->partner_index != db->partner_index)
    return da->partner_index < db->partner_index ? -1 : 1;
  return da->date < db->date ? -1 : (da->date > db->date ? 1 : 0);
}

static PalierDealTable *
build_deal_table (const Accumulator     *acc,
                  const DealAccumulator *deals)
{
  PalierDealTable *table = g_new0 (PalierDealTable, 1);

  _palier_filter_copy (&deals->filter, &table->filter);
  table->measure = deals->measure;
  table->deals = g_array_sized_new (FALSE, FALSE, sizeof (PalierDeal), deals->deals->len);

  for (guint i = 0; i < deals->deals->len; i++)
    {
      const DealSums *sums = &g_array_index (deals->deals, DealSums, i);
      const PartnerSums *partner = g_ptr_array_index (acc->partners, sums->partner_index);
      PalierDeal deal = { sums->partner_index, sums->date, sums->revenue };

      if (!segment_passes (&deals->filter, partner))
        continue;
      if (deals->measure == PALIER_MEASURE_MARGIN)
        deal.value = sums->margin;
      else if (deals->measure == PALIER_MEASURE_UNITS)
        deal.value = sums->units;
      g_array_append_val (table->deals, deal);
    }

  g_array_sort (table->deals, compare_deals);
  return table;
}

static GPtrArray *
build_partners (const Accumulator *acc)
{
  GPtrArray *partners = g_ptr_array_new_full (acc->partners->len, (GDestroyNotify) palier_partner_free);

  for (guint i = 0; i < acc->partners->len; i++)
    {
      const PartnerSums *sums = g_ptr_array_index (acc->partners, i);
      PalierPartner *partner = g_new0 (PalierPartner, 1);

      partner->id = i + 1;
      partner->code = g_strdup (sums->code);
      /* Sales files carry no partner name, so the code is used as one
       * unless a partners file gave a name. */
      partner->name = g_strdup (sums->name != NULL ? sums->name : sums->code);
      partner->segment = g_strdup (sums->segment);
      partner->region = g_strdup (sums->region);
      partner->start = sums->start;
      g_ptr_array_add (partners, partner);
    }
  return partners;
}

static gboolean
resolve_range (Accumulator  *acc,
               PalierBases  *bases,
               GError      **error)
{
  char from_text[16], to_text[16];

  bases->from = acc->from != PALIER_DATE_NONE ? acc->from : acc->first_date;
  bases->to = acc->to != PALIER_DATE_NONE ? acc->to : acc->last_date;

  if (bases->from != PALIER_DATE_NONE && bases->to != PALIER_DATE_NONE && bases->from > bases->to)
    {
      g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_INVALID_RANGE,
                   _("the range starts on %s, after its end on %s; swap the two dates"),
                   palier_date_format_iso (bases->from, from_text),
                   palier_date_format_iso (bases->to, to_text));
      return FALSE;
    }
  return TRUE;
}

static void
replace_text (char       **text,
              const char  *value)
{
  if (value == NULL)
    return;

  g_free (*text);
  *text = g_strdup (value);
}

/* Gives the partners of @acc the attributes a partners file set, as
 * palier_store_import_partners() does: each known value wins over those
 * of the sales rows.  Partners of the file without sales are left out,
 * because they have nothing to be paid on. */
static void
apply_partners_file (Accumulator *acc,
                     GPtrArray   *partners)
{
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      const PalierPartner *attributes = g_ptr_array_index (partners, i);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (acc->partner_index, attributes->code));
      PartnerSums *sums;

      if (found == 0)
        continue;

      sums = g_ptr_array_index (acc->partners, found - 1);
      replace_text (&sums->name, attributes->name);
      replace_text (&sums->segment, attributes->segment);
      replace_text (&sums->region, attributes->region);
      if (attributes->start != PALIER_DATE_NONE)
        sums->start = attributes->start;
    }
}

/**
 * palier_bases_compute_from_plan:
 *
 * Reads every row of @plan once and keeps only the month totals and
 * deals that @programs (a NULL-terminated array) need.  The result is
 * the same as palier_bases_compute() on a workspace into which @plan was
 * imported, and @report, which may be NULL, is filled as by
 * palier_import_plan_run().
 */
PalierBases *
palier_bases_compute_from_plan (PalierImportPlan             *plan,
                                const PalierProgram * const  *programs,
                                const PalierSimulateOptions  *options,
                                PalierProgressFunc            progress,
                                gpointer                      progress_data,
                                GCancellable                 *cancellable,
                                PalierImportReport           *report,
                                GError                      **error)
{
  return palier_bases_compute_from_files (plan, NULL, NULL, programs, options,
                                          progress, progress_data, cancellable,
                                          report, error);
}

PalierBases *
palier_bases_compute_from_files (PalierImportPlan             *plan,
                                 GPtrArray                    *partners,
                                 GPtrArray                    *quotas,
                                 const PalierProgram * const  *programs,
                                 const PalierSimulateOptions  *options,
                                 PalierProgressFunc            progress,
                                 gpointer                      progress_data,
                                 GCancellable                 *cancellable,
                                 PalierImportReport           *report,
                                 GError                      **error)
{
  g_autoptr(PalierBases) bases = NULL;
  Accumulator acc;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (programs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  accumulator_init (&acc, programs, options);
  if (!palier_import_plan_run (plan, add_row, &acc, progress, progress_data,
                               cancellable, report, error))
    {
      accumulator_clear (&acc);
      return NULL;
    }

  bases = _palier_bases_new ();
  if (!resolve_range (&acc, bases, error))
    {
      accumulator_clear (&acc);
      return NULL;
    }

  apply_partners_file (&acc, partners);
  bases->partners = build_partners (&acc);
  _palier_bases_set_quotas (bases, quotas);
  for (guint t = 0; t < acc.n_tables; t++)
    _palier_bases_add_month_table (bases, build_month_table (&acc, t));
  for (guint d = 0; d < acc.deal_tables->len; d++)
    _palier_bases_add_deal_table (bases, build_deal_table (&acc, g_ptr_array_index (acc.deal_tables, d)));
  _palier_bases_list_active (bases);

  accumulator_clear (&acc);
  return g_steal_pointer (&bases);
}
