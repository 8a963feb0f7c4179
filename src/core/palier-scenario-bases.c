/* palier-scenario-bases.c: bases with a scenario's assumptions applied
 *
 * The bases are read as palier_bases_compute() reads them, one table per
 * distinct filter, except that the sums keep their category and region:
 * whole months come from the month_totals table, grouped by partner,
 * month, category and region, and the days of months that the range or
 * a filter's dates cut come from the transactions, grouped the same way.
 * Each of those sums is scaled by the factor of the partner's segment,
 * its category and its region (the sale's region, or the partner's when
 * the sale has none), rounded once to 10^-6, and the scaled sums are
 * added up per partner and month.  A factor of exactly 1 leaves every
 * sum as it is, so neutral assumptions give the bases of
 * palier_bases_compute().
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "palier-scenario.h"
#include "palier-scenario-private.h"
#include "palier-simulate-private.h"

/* Rows between two checks of the GCancellable. */
#define CANCEL_CHECK_ROWS 4096

#define WIDE_E6 ((PalierWide) PALIER_DECIMAL_ONE)

/* One added partner as the reader applies it. */
typedef struct {
  guint          index;                 /* in bases->partners */
  PalierDecimal  factor;
} Copy;

typedef struct {
  PalierStore              *store;
  sqlite3                  *db;
  const PalierAssumptions  *assumptions;
  PalierBases              *bases;
  guint                     n_stored;   /* partners in the workspace */
  gboolean                 *removed;    /* per stored partner index */
  GPtrArray               **copies;     /* per stored partner index: Copy *, or NULL */
  GHashTable               *categories; /* id -> name */
  GHashTable               *regions;    /* id -> name */
  GCancellable             *cancellable;
  guint                     n_rows;
} Reader;

/* One grouped sum read from the store. */
typedef struct {
  gint64         partner_id;
  gint64         category_id;
  gint64         region_id;
  PalierDecimal  revenue;
  PalierDecimal  margin;
  PalierDecimal  units;
} GroupSum;

static void
reader_clear (Reader *reader)
{
  g_free (reader->removed);
  if (reader->copies != NULL)
    for (guint i = 0; i < reader->n_stored; i++)
      g_clear_pointer (&reader->copies[i], g_ptr_array_unref);
  g_free (reader->copies);
  g_clear_pointer (&reader->categories, g_hash_table_unref);
  g_clear_pointer (&reader->regions, g_hash_table_unref);
}

static gboolean
set_sqlite_error (Reader  *reader,
                  GError **error)
{
  g_set_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED,
               _("%s: reading the sales failed: %s"),
               palier_store_get_path (reader->store) != NULL ? palier_store_get_path (reader->store)
                                                            : _("in-memory workspace"),
               sqlite3_errmsg (reader->db));
  return FALSE;
}

static gboolean
load_dictionary (Reader      *reader,
                 const char  *sql,
                 GHashTable  *names,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (reader, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || set_sqlite_error (reader, error);
}

/* Filter SQL
 *
 * The same conditions as the store's own month totals: category,
 * product and region match the line's value, segment the partner's
 * segment.  Values are bound, never spliced into the SQL. */

typedef struct {
  GString    *sql;
  GPtrArray  *texts;            /* const char *, bound in order */
  GArray     *dates;            /* PalierDate, bound after the texts */
  gboolean    has_where;
} Query;

static const char *const value_conditions[PALIER_N_FILTER_FIELDS] = {
  [PALIER_FILTER_CATEGORY] = "category_id IN (SELECT id FROM categories WHERE name IN (",
  [PALIER_FILTER_PRODUCT] = "product_id IN (SELECT id FROM products WHERE name IN (",
  [PALIER_FILTER_REGION] = "region_id IN (SELECT id FROM regions WHERE name IN (",
  [PALIER_FILTER_SEGMENT] = "partner_id IN (SELECT id FROM partners WHERE segment IN (",
};

static void
query_add_condition (Query      *query,
                     const char *condition)
{
  g_string_append (query->sql, query->has_where ? " AND " : " WHERE ");
  g_string_append (query->sql, condition);
  query->has_where = TRUE;
}

static void
query_add_values (Query              *query,
                  const PalierFilter *filter)
{
  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      GPtrArray *values = filter->values[field];

      if (values == NULL || values->len == 0)
        continue;

      query_add_condition (query, value_conditions[field]);
      for (guint i = 0; i < values->len; i++)
        {
          g_string_append (query->sql, i == 0 ? "?" : ", ?");
          g_ptr_array_add (query->texts, g_ptr_array_index (values, i));
        }
      g_string_append (query->sql, "))");
    }
}

static void
query_add_date (Query      *query,
                const char *condition,
                PalierDate  date)
{
  query_add_condition (query, condition);
  g_array_append_val (query->dates, date);
}

static sqlite3_stmt *
query_prepare (Reader  *reader,
               Query   *query,
               GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int param = 1;

  if (sqlite3_prepare_v2 (reader->db, query->sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (reader, error);
      stmt = NULL;
    }
  else
    {
      for (guint i = 0; i < query->texts->len; i++)
        sqlite3_bind_text (stmt, param++, g_ptr_array_index (query->texts, i), -1, SQLITE_STATIC);
      for (guint i = 0; i < query->dates->len; i++)
        sqlite3_bind_int (stmt, param++, g_array_index (query->dates, PalierDate, i));
    }

  g_string_free (query->sql, TRUE);
  g_ptr_array_unref (query->texts);
  g_array_unref (query->dates);
  return stmt;
}

static void
query_init (Query      *query,
            const char *head)
{
  query->sql = g_string_new (head);
  query->texts = g_ptr_array_new ();
  query->dates = g_array_new (FALSE, FALSE, sizeof (PalierDate));
  query->has_where = FALSE;
}

/* Scaling */

static PalierDecimal
reader_factor (Reader  *reader,
               gint64   partner_id,
               gint64   category_id,
               gint64   region_id)
{
  const PalierPartner *partner = g_ptr_array_index (reader->bases->partners, partner_id - 1);
  const char *category = g_hash_table_lookup (reader->categories, GSIZE_TO_POINTER ((gsize) category_id));
  const char *region = region_id != 0
                       ? g_hash_table_lookup (reader->regions, GSIZE_TO_POINTER ((gsize) region_id))
                       : partner->region;

  return palier_assumptions_factor (reader->assumptions, partner->segment, category, region);
}

/* @value times @factor, rounded once to 10^-6, half away from zero. */
static gboolean
scale (PalierDecimal   value,
       PalierDecimal   factor,
       PalierDecimal  *out)
{
  PalierWide scaled;

  if (factor == PALIER_DECIMAL_ONE)
    {
      *out = value;
      return TRUE;
    }

  scaled = palier_wide_div_round ((PalierWide) value * factor, WIDE_E6);
  if (scaled > PALIER_DECIMAL_MAX || scaled < PALIER_DECIMAL_MIN)
    return FALSE;
  *out = (PalierDecimal) scaled;
  return TRUE;
}

static gboolean
scale_sum (const GroupSum  *sum,
           PalierDecimal    factor,
           GroupSum        *out)
{
  *out = *sum;
  return scale (sum->revenue, factor, &out->revenue) &&
         scale (sum->margin, factor, &out->margin) &&
         scale (sum->units, factor, &out->units);
}

/* The multiplier of an added partner: the growth factor times its own,
 * rounded to 10^-6. */
static PalierDecimal
copy_factor (PalierDecimal growth_factor,
             PalierDecimal copy_factor)
{
  return (PalierDecimal) palier_wide_div_round ((PalierWide) growth_factor * copy_factor, WIDE_E6);
}

static gboolean
check_cancelled (Reader  *reader,
                 GError **error)
{
  if (++reader->n_rows % CANCEL_CHECK_ROWS != 0 || !g_cancellable_is_cancelled (reader->cancellable))
    return TRUE;
  return _palier_simulate_set_cancelled (error);
}

/* Month tables */

/* Month totals of one table being built, keyed by partner id and month. */
typedef struct {
  GHashTable  *positions;       /* partner id * 2^20 + month -> index + 1 in totals */
  GArray      *totals;          /* PalierMonthTotal */
} MonthSums;

static gboolean
month_sums_add (MonthSums       *sums,
                gint64           partner_id,
                gint32           month,
                const GroupSum  *value,
                gint64           n_lines,
                GError         **error)
{
  gint64 key = partner_id * (1 << 20) + month;
  gpointer found = g_hash_table_lookup (sums->positions, &key);
  PalierMonthTotal *total;

  if (found == NULL)
    {
      PalierMonthTotal fresh = { partner_id, month, 0, 0, 0, 0 };
      gint64 *stored_key = g_new (gint64, 1);

      *stored_key = key;
      g_array_append_val (sums->totals, fresh);
      found = GUINT_TO_POINTER (sums->totals->len);
      g_hash_table_insert (sums->positions, stored_key, found);
    }

  total = &g_array_index (sums->totals, PalierMonthTotal, GPOINTER_TO_UINT (found) - 1);
  total->n_lines += n_lines;
  if (!palier_decimal_add (total->revenue, value->revenue, &total->revenue) ||
      !palier_decimal_add (total->margin, value->margin, &total->margin) ||
      !palier_decimal_add (total->units, value->units, &total->units))
    return _palier_simulate_set_overflow (error);
  return TRUE;
}

/* Adds one grouped sum of a stored partner, scaled, and its copies. */
static gboolean
month_sums_add_group (Reader          *reader,
                      MonthSums       *sums,
                      gint32           month,
                      const GroupSum  *group,
                      gint64           n_lines,
                      GError         **error)
{
  guint index = (guint) (group->partner_id - 1);
  PalierDecimal factor = reader_factor (reader, group->partner_id, group->category_id, group->region_id);
  GPtrArray *copies = reader->copies[index];
  GroupSum scaled;

  if (!reader->removed[index])
    {
      if (!scale_sum (group, factor, &scaled))
        return _palier_simulate_set_overflow (error);
      if (!month_sums_add (sums, group->partner_id, month, &scaled, n_lines, error))
        return FALSE;
    }

  for (guint c = 0; copies != NULL && c < copies->len; c++)
    {
      const Copy *copy = g_ptr_array_index (copies, c);

      if (!scale_sum (group, copy_factor (factor, copy->factor), &scaled))
        return _palier_simulate_set_overflow (error);
      if (!month_sums_add (sums, copy->index + 1, month, &scaled, n_lines, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs @stmt, whose rows are partner id, yyyymm, category id, region
 * id, revenue, margin, units and lines, into @sums. */
static gboolean
month_sums_read (Reader        *reader,
                 MonthSums     *sums,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 year_month = sqlite3_column_int64 (stmt, 1);
      GroupSum group;

      group.partner_id = sqlite3_column_int64 (stmt, 0);
      group.category_id = sqlite3_column_int64 (stmt, 2);
      group.region_id = sqlite3_column_int64 (stmt, 3);
      group.revenue = sqlite3_column_int64 (stmt, 4);
      group.margin = sqlite3_column_int64 (stmt, 5);       /* NULL reads as 0 */
      group.units = sqlite3_column_int64 (stmt, 6);

      if (group.partner_id < 1 || group.partner_id > (gint64) reader->n_stored)
        continue;

      ok = check_cancelled (reader, error) &&
           month_sums_add_group (reader, sums,
                                 (gint32) ((year_month / 100) * 12 + year_month % 100 - 1),
                                 &group, sqlite3_column_int64 (stmt, 7), error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = set_sqlite_error (reader, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* The lines of days @first to @last (PALIER_DATE_NONE for open ends). */
static gboolean
read_transactions (Reader              *reader,
                   MonthSums           *sums,
                   const PalierFilter  *filter,
                   PalierDate           first,
                   PalierDate           last,
                   GError             **error)
{
  Query query;
  sqlite3_stmt *stmt;

  query_init (&query, "SELECT partner_id, date / 100, coalesce (category_id, 0),"
                      " coalesce (region_id, 0), sum (amount), sum (margin), sum (quantity),"
                      " count (*) FROM transactions");
  query_add_values (&query, filter);
  if (first != PALIER_DATE_NONE)
    query_add_date (&query, "date >= ?", first);
  if (last != PALIER_DATE_NONE)
    query_add_date (&query, "date <= ?", last);
  g_string_append (query.sql, " GROUP BY 1, 2, 3, 4");

  stmt = query_prepare (reader, &query, error);
  return stmt != NULL && month_sums_read (reader, sums, stmt, error);
}

/* The months @first_month to @last_month (yyyymm) from month_totals. */
static gboolean
read_whole_months (Reader              *reader,
                   MonthSums           *sums,
                   const PalierFilter  *filter,
                   int                  first_month,
                   int                  last_month,
                   GError             **error)
{
  g_autofree char *head = NULL;
  Query query;
  sqlite3_stmt *stmt;

  head = g_strdup_printf ("SELECT partner_id, month, category_id, region_id, amount, margin,"
                          " quantity, lines FROM month_totals"
                          " WHERE month >= %d AND month <= %d",
                          first_month, last_month);
  query_init (&query, head);
  query.has_where = TRUE;
  query_add_values (&query, filter);

  stmt = query_prepare (reader, &query, error);
  return stmt != NULL && month_sums_read (reader, sums, stmt, error);
}

static PalierDate
month_last_day (PalierDate date)
{
  int year = palier_date_year (date);
  int month = palier_date_month (date);

  return palier_date_from_ymd (year, month, palier_days_in_month (year, month));
}

/* yyyymm of the month after or before that of @date. */
static int
next_month (PalierDate date)
{
  int month = date / 100;

  return month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1;
}

static int
previous_month (PalierDate date)
{
  int month = date / 100;

  return month % 100 == 1 ? (month / 100 - 1) * 100 + 12 : month - 1;
}

/* Reads the lines of @filter between @first and @last, the days of cut
 * months from the transactions and whole months from month_totals.
 * Product filters read the transactions only, because month_totals has
 * no product. */
static gboolean
read_filtered (Reader              *reader,
               MonthSums           *sums,
               const PalierFilter  *filter,
               PalierDate           first,
               PalierDate           last,
               GError             **error)
{
  GPtrArray *products = filter->values[PALIER_FILTER_PRODUCT];
  int first_month = 0;
  int last_month = G_MAXINT;

  if (first != PALIER_DATE_NONE && last != PALIER_DATE_NONE && first > last)
    return TRUE;

  if (products != NULL && products->len > 0)
    return read_transactions (reader, sums, filter, first, last, error);

  if (first != PALIER_DATE_NONE)
    first_month = palier_date_day (first) == 1 ? first / 100 : next_month (first);
  if (last != PALIER_DATE_NONE)
    last_month = last == month_last_day (last) ? last / 100 : previous_month (last);

  if (first != PALIER_DATE_NONE && palier_date_day (first) != 1 &&
      !read_transactions (reader, sums, filter, first,
                          last != PALIER_DATE_NONE ? MIN (last, month_last_day (first))
                                                   : month_last_day (first),
                          error))
    return FALSE;

  if (last != PALIER_DATE_NONE && last != month_last_day (last) &&
      (first == PALIER_DATE_NONE || palier_date_day (first) == 1 || first / 100 != last / 100) &&
      !read_transactions (reader, sums, filter,
                          first != PALIER_DATE_NONE ? MAX (first, last / 100 * 100 + 1)
                                                    : last / 100 * 100 + 1,
                          last, error))
    return FALSE;

  return first_month > last_month ||
         read_whole_months (reader, sums, filter, first_month, last_month, error);
}

static int
compare_month_totals (gconstpointer a,
                      gconstpointer b)
{
  const PalierMonthTotal *ta = a;
  const PalierMonthTotal *tb = b;

  if (ta->partner_id != tb->partner_id)
    return ta->partner_id < tb->partner_id ? -1 : 1;
  return ta->month < tb->month ? -1 : (ta->month > tb->month ? 1 : 0);
}

/* Intersects the bases' range with the filter's own dates. */
static void
filter_bounds (const PalierBases   *bases,
               const PalierFilter  *filter,
               PalierDate          *out_first,
               PalierDate          *out_last)
{
  *out_first = bases->from;
  *out_last = bases->to;
  if (filter->start != PALIER_DATE_NONE && (bases->from == PALIER_DATE_NONE || filter->start > bases->from))
    *out_first = filter->start;
  if (filter->end != PALIER_DATE_NONE && (bases->to == PALIER_DATE_NONE || filter->end < bases->to))
    *out_last = filter->end;
}

static gboolean
add_month_table (Reader              *reader,
                 const PalierFilter  *filter,
                 GError             **error)
{
  PalierMonthTable *table;
  MonthSums sums;
  PalierDate first, last;
  gboolean ok;

  if (_palier_bases_find_table (reader->bases, filter) >= 0)
    return TRUE;

  sums.positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sums.totals = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  filter_bounds (reader->bases, filter, &first, &last);
  ok = read_filtered (reader, &sums, filter, first, last, error);
  g_hash_table_unref (sums.positions);
  if (!ok)
    {
      g_array_unref (sums.totals);
      return FALSE;
    }

  g_array_sort (sums.totals, compare_month_totals);
  table = g_new0 (PalierMonthTable, 1);
  _palier_filter_copy (filter, &table->filter);
  table->totals = sums.totals;
  _palier_bases_add_month_table (reader->bases, table);
  return TRUE;
}

/* Deal tables */

static PalierDecimal
measure_value (const GroupSum *sum,
               PalierMeasure   measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_MARGIN:
      return sum->margin;
    case PALIER_MEASURE_UNITS:
      return sum->units;
    case PALIER_MEASURE_REVENUE:
    default:
      return sum->revenue;
    }
}

static int
compare_deals (gconstpointer a,
               gconstpointer b)
{
  const PalierDeal *da = a;
  const PalierDeal *db = b;

  if (da->partner_index != db->partner_index)
    return da->partner_index < db->partner_index ? -1 : 1;
  if (da->date != db->date)
    return da->date < db->date ? -1 : 1;
  return da->value < db->value ? -1 : (da->value > db->value ? 1 : 0);
}

/* One deal being summed over its category and region groups: the
 * stored partner's deal and one per copy. */
typedef struct {
  gint64         partner_id;
  char          *key;           /* deal id, or the line id of a single line */
  PalierDate     date;
  PalierDecimal  value;
  PalierDecimal *copy_values;   /* one per copy of the partner */
  guint          n_copies;
} OpenDeal;

static gboolean
open_deal_flush (Reader    *reader,
                 OpenDeal  *deal,
                 GArray    *deals)
{
  guint index = (guint) (deal->partner_id - 1);
  GPtrArray *copies;
  PalierDeal out;

  if (deal->key == NULL)
    return TRUE;

  copies = reader->copies[index];
  out.date = deal->date;
  if (!reader->removed[index])
    {
      out.partner_index = index;
      out.value = deal->value;
      g_array_append_val (deals, out);
    }
  for (guint c = 0; c < deal->n_copies; c++)
    {
      out.partner_index = ((const Copy *) g_ptr_array_index (copies, c))->index;
      out.value = deal->copy_values[c];
      g_array_append_val (deals, out);
    }

  g_clear_pointer (&deal->key, g_free);
  g_clear_pointer (&deal->copy_values, g_free);
  return TRUE;
}

static gboolean
open_deal_add (Reader          *reader,
               OpenDeal        *deal,
               const GroupSum  *group,
               PalierDate       date,
               PalierMeasure    measure,
               GError         **error)
{
  PalierDecimal factor = reader_factor (reader, group->partner_id, group->category_id, group->region_id);
  GPtrArray *copies = reader->copies[group->partner_id - 1];
  PalierDecimal raw = measure_value (group, measure);
  PalierDecimal scaled;

  deal->date = deal->date == PALIER_DATE_NONE ? date : MIN (deal->date, date);
  if (!scale (raw, factor, &scaled) || !palier_decimal_add (deal->value, scaled, &deal->value))
    return _palier_simulate_set_overflow (error);

  for (guint c = 0; c < deal->n_copies; c++)
    {
      const Copy *copy = g_ptr_array_index (copies, c);

      if (!scale (raw, copy_factor (factor, copy->factor), &scaled) ||
          !palier_decimal_add (deal->copy_values[c], scaled, &deal->copy_values[c]))
        return _palier_simulate_set_overflow (error);
    }
  return TRUE;
}

static gboolean
read_deals (Reader         *reader,
            sqlite3_stmt   *stmt,
            PalierMeasure   measure,
            GArray         *deals,
            GError        **error)
{
  OpenDeal deal = { 0 };
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%d:%s", sqlite3_column_type (stmt, 1),
                                              (const char *) sqlite3_column_text (stmt, 1));
      GroupSum group;

      group.partner_id = sqlite3_column_int64 (stmt, 0);
      group.category_id = sqlite3_column_int64 (stmt, 3);
      group.region_id = sqlite3_column_int64 (stmt, 4);
      group.revenue = sqlite3_column_int64 (stmt, 5);
      group.margin = sqlite3_column_int64 (stmt, 6);
      group.units = sqlite3_column_int64 (stmt, 7);
      if (group.partner_id < 1 || group.partner_id > (gint64) reader->n_stored)
        continue;

      if (deal.key == NULL || deal.partner_id != group.partner_id || strcmp (deal.key, key) != 0)
        {
          GPtrArray *copies = reader->copies[group.partner_id - 1];

          open_deal_flush (reader, &deal, deals);
          deal.partner_id = group.partner_id;
          deal.key = g_steal_pointer (&key);
          deal.date = PALIER_DATE_NONE;
          deal.value = 0;
          deal.n_copies = copies != NULL ? copies->len : 0;
          deal.copy_values = g_new0 (PalierDecimal, deal.n_copies + 1);
        }

      ok = check_cancelled (reader, error) &&
           open_deal_add (reader, &deal, &group, sqlite3_column_int (stmt, 2), measure, error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = set_sqlite_error (reader, error);
  if (ok)
    open_deal_flush (reader, &deal, deals);
  g_free (deal.key);
  g_free (deal.copy_values);
  sqlite3_finalize (stmt);
  return ok;
}

/* A deal is the lines that share a deal id, or a single line without
 * one; its value is the sum of its lines' measure, each category and
 * region group scaled by its own factor. */
static gboolean
add_deal_table (Reader                 *reader,
                const PalierComponent  *component,
                GError                **error)
{
  PalierDealTable *table;
  PalierDate first, last;
  Query query;
  sqlite3_stmt *stmt;

  if (_palier_bases_find_deal_table (reader->bases, &component->filter, component->measure) >= 0)
    return TRUE;

  filter_bounds (reader->bases, &component->filter, &first, &last);
  query_init (&query, "SELECT partner_id, coalesce (deal, id), min (date),"
                      " coalesce (category_id, 0), coalesce (region_id, 0),"
                      " sum (amount), sum (margin), sum (quantity) FROM transactions");
  query_add_values (&query, &component->filter);
  if (first != PALIER_DATE_NONE)
    query_add_date (&query, "date >= ?", first);
  if (last != PALIER_DATE_NONE)
    query_add_date (&query, "date <= ?", last);
  g_string_append (query.sql, " GROUP BY 1, 2, 4, 5 ORDER BY 1, 2");

  stmt = query_prepare (reader, &query, error);
  if (stmt == NULL)
    return FALSE;

  table = g_new0 (PalierDealTable, 1);
  _palier_filter_copy (&component->filter, &table->filter);
  table->measure = component->measure;
  table->deals = g_array_new (FALSE, FALSE, sizeof (PalierDeal));

  if (!read_deals (reader, stmt, component->measure, table->deals, error))
    {
      _palier_deal_table_free (table);
      return FALSE;
    }

  g_array_sort (table->deals, compare_deals);
  _palier_bases_add_deal_table (reader->bases, table);
  return TRUE;
}

/* Partners */

static int
find_partner (GPtrArray  *partners,
              guint       n_stored,
              const char *code)
{
  for (guint i = 0; i < n_stored; i++)
    if (strcmp (((const PalierPartner *) g_ptr_array_index (partners, i))->code, code) == 0)
      return (int) i;
  return -1;
}

static gboolean
set_partner_not_found (const char  *code,
                       GError     **error)
{
  g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND,
               _("partner “%s” is not in the workspace; check the code with “palier-cli partners”"),
               code);
  return FALSE;
}

/* Marks the removed partners and appends the added ones to the
 * partners, with their source's segment and region. */
static gboolean
reader_apply_partners (Reader  *reader,
                       GError **error)
{
  const PalierAssumptions *assumptions = reader->assumptions;
  GPtrArray *partners = reader->bases->partners;

  reader->removed = g_new0 (gboolean, reader->n_stored + 1);
  reader->copies = g_new0 (GPtrArray *, reader->n_stored + 1);

  for (guint i = 0; i < assumptions->removed->len; i++)
    {
      const char *code = g_ptr_array_index (assumptions->removed, i);
      int found = find_partner (partners, reader->n_stored, code);

      if (found < 0)
        return set_partner_not_found (code, error);
      reader->removed[found] = TRUE;
    }

  for (guint i = 0; i < assumptions->added->len; i++)
    {
      const PalierAddedPartner *added = &g_array_index (assumptions->added, PalierAddedPartner, i);
      int source = find_partner (partners, reader->n_stored, added->source);
      const PalierPartner *original;
      PalierPartner *partner;
      Copy *copy;

      if (source < 0)
        return set_partner_not_found (added->source, error);
      if (find_partner (partners, reader->n_stored, added->code) >= 0)
        {
          g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                       _("added partner “%s” is already in the workspace; give it a new code"),
                       added->code);
          return FALSE;
        }

      original = g_ptr_array_index (partners, source);
      partner = g_new0 (PalierPartner, 1);
      partner->id = partners->len + 1;
      partner->code = g_strdup (added->code);
      partner->name = g_strdup (added->name != NULL ? added->name : added->code);
      partner->segment = g_strdup (original->segment);
      partner->region = g_strdup (original->region);
      partner->start = original->start;
      g_ptr_array_add (partners, partner);

      copy = g_new (Copy, 1);
      copy->index = partners->len - 1;
      copy->factor = added->factor;
      if (reader->copies[source] == NULL)
        reader->copies[source] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (reader->copies[source], copy);
    }
  return TRUE;
}

static gboolean
resolve_range (const PalierScenario  *scenario,
               PalierStore           *store,
               PalierBases           *bases,
               GError               **error)
{
  PalierStoreSummary summary;
  char from_text[16], to_text[16];

  bases->from = scenario->from;
  bases->to = scenario->to;
  if (bases->from == PALIER_DATE_NONE || bases->to == PALIER_DATE_NONE)
    {
      if (!palier_store_get_summary (store, &summary, error))
        return FALSE;
      if (bases->from == PALIER_DATE_NONE)
        bases->from = summary.first_date;
      if (bases->to == PALIER_DATE_NONE)
        bases->to = summary.last_date;
    }

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

static gboolean
reader_read_tables (Reader                       *reader,
                    const PalierProgram * const  *programs,
                    GError                      **error)
{
  PalierFilter all_lines = { 0 };

  if (!add_month_table (reader, &all_lines, error))
    return FALSE;

  for (guint p = 0; programs[p] != NULL; p++)
    for (guint c = 0; c < programs[p]->components->len; c++)
      {
        const PalierComponent *component = g_ptr_array_index (programs[p]->components, c);

        if (component->kind == PALIER_COMPONENT_DEAL_BONUS
            ? !add_deal_table (reader, component, error)
            : !add_month_table (reader, &component->filter, error))
          return FALSE;
      }
  return TRUE;
}

PalierBases *
palier_scenario_compute_bases (const PalierScenario         *scenario,
                               PalierStore                  *store,
                               const PalierProgram * const  *programs,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  g_autoptr(PalierBases) bases = NULL;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (programs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!palier_assumptions_validate (scenario->assumptions, error))
    return NULL;

  bases = _palier_bases_new ();
  if (!resolve_range (scenario, store, bases, error))
    return NULL;

  bases->partners = palier_store_list_partners (store, error);
  if (bases->partners == NULL)
    return NULL;

  reader.store = store;
  reader.db = palier_store_get_db (store);
  reader.assumptions = scenario->assumptions;
  reader.bases = bases;
  reader.n_stored = bases->partners->len;
  reader.cancellable = cancellable;
  reader.categories = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reader.regions = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  ok = reader_apply_partners (&reader, error) &&
       load_dictionary (&reader, "SELECT id, name FROM categories", reader.categories, error) &&
       load_dictionary (&reader, "SELECT id, name FROM regions", reader.regions, error) &&
       reader_read_tables (&reader, programs, error);
  reader_clear (&reader);
  if (!ok)
    return NULL;

  _palier_bases_list_active (bases);
  return g_steal_pointer (&bases);
}
