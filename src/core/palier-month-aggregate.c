/* palier-month-aggregate.c: month totals summed in memory during an import
 *
 * An open-addressing hash table keyed by partner, month, category and
 * region, with linear probing over a power-of-two array of entry
 * numbers.  Rows of one deal usually share their key, so the last entry
 * found is tried first.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "palier-store-private.h"

/* Slots per entry at most, so that probes stay short. */
#define MAX_LOAD_FACTOR 2

struct _PalierMonthAggregate
{
  GArray  *entries;             /* PalierMonthAggregateEntry */
  guint32 *slots;               /* entry number + 1, 0 when free */
  guint32  n_slots;             /* a power of two */
  guint32  last;                /* entry number + 1 of the last hit, or 0 */
};

PalierMonthAggregate *
_palier_month_aggregate_new (void)
{
  PalierMonthAggregate *aggregate = g_new0 (PalierMonthAggregate, 1);

  aggregate->entries = g_array_new (FALSE, FALSE, sizeof (PalierMonthAggregateEntry));
  aggregate->n_slots = 1024;
  aggregate->slots = g_new0 (guint32, aggregate->n_slots);
  return aggregate;
}

void
_palier_month_aggregate_free (PalierMonthAggregate *aggregate)
{
  if (aggregate == NULL)
    return;

  g_array_unref (aggregate->entries);
  g_free (aggregate->slots);
  g_free (aggregate);
}

void
_palier_month_aggregate_clear (PalierMonthAggregate *aggregate)
{
  g_array_set_size (aggregate->entries, 0);
  memset (aggregate->slots, 0, sizeof (guint32) * aggregate->n_slots);
  aggregate->last = 0;
}

guint
_palier_month_aggregate_get_size (PalierMonthAggregate *aggregate)
{
  return aggregate->entries->len;
}

static guint64
hash_key (gint64 partner_id,
          gint32 month,
          gint64 category_id,
          gint64 region_id)
{
  guint64 h = (guint64) partner_id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  h ^= ((guint64) month + ((guint64) category_id << 24) + ((guint64) region_id << 44)) *
       G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  h ^= h >> 31;
  h *= G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return h ^ (h >> 29);
}

static gboolean
entry_has_key (const PalierMonthAggregateEntry *entry,
               gint64                           partner_id,
               gint32                           month,
               gint64                           category_id,
               gint64                           region_id)
{
  return entry->partner_id == partner_id && entry->month == month &&
         entry->category_id == category_id && entry->region_id == region_id;
}

static void
place (PalierMonthAggregate *aggregate,
       guint32               number)
{
  const PalierMonthAggregateEntry *entry = &g_array_index (aggregate->entries,
                                                           PalierMonthAggregateEntry, number - 1);
  guint32 mask = aggregate->n_slots - 1;
  guint32 slot = (guint32) hash_key (entry->partner_id, entry->month,
                                     entry->category_id, entry->region_id) & mask;

  while (aggregate->slots[slot] != 0)
    slot = (slot + 1) & mask;
  aggregate->slots[slot] = number;
}

static void
grow (PalierMonthAggregate *aggregate)
{
  aggregate->n_slots *= 2;
  g_free (aggregate->slots);
  aggregate->slots = g_new0 (guint32, aggregate->n_slots);
  for (guint32 number = 1; number <= aggregate->entries->len; number++)
    place (aggregate, number);
}

static PalierMonthAggregateEntry *
lookup (PalierMonthAggregate *aggregate,
        gint64                partner_id,
        gint32                month,
        gint64                category_id,
        gint64                region_id)
{
  PalierMonthAggregateEntry *entries = (PalierMonthAggregateEntry *) (gpointer) aggregate->entries->data;
  guint32 mask = aggregate->n_slots - 1;
  guint32 slot;
  PalierMonthAggregateEntry entry = { 0 };

  if (aggregate->last != 0 &&
      entry_has_key (&entries[aggregate->last - 1], partner_id, month, category_id, region_id))
    return &entries[aggregate->last - 1];

  slot = (guint32) hash_key (partner_id, month, category_id, region_id) & mask;
  while (aggregate->slots[slot] != 0)
    {
      guint32 number = aggregate->slots[slot];

      if (entry_has_key (&entries[number - 1], partner_id, month, category_id, region_id))
        {
          aggregate->last = number;
          return &entries[number - 1];
        }
      slot = (slot + 1) & mask;
    }

  entry.partner_id = partner_id;
  entry.month = month;
  entry.category_id = category_id;
  entry.region_id = region_id;
  g_array_append_val (aggregate->entries, entry);
  aggregate->slots[slot] = aggregate->entries->len;
  aggregate->last = aggregate->entries->len;

  if ((guint64) aggregate->entries->len * MAX_LOAD_FACTOR > aggregate->n_slots)
    grow (aggregate);

  return &g_array_index (aggregate->entries, PalierMonthAggregateEntry, aggregate->last - 1);
}

gboolean
_palier_month_aggregate_add (PalierMonthAggregate *aggregate,
                             gint64                partner_id,
                             gint32                month,
                             gint64                category_id,
                             gint64                region_id,
                             PalierDecimal         amount,
                             PalierDecimal         margin,
                             PalierDecimal         quantity)
{
  PalierMonthAggregateEntry *entry = lookup (aggregate, partner_id, month, category_id, region_id);

  entry->lines++;
  return palier_decimal_add (entry->amount, amount, &entry->amount) &&
         palier_decimal_add (entry->margin, margin, &entry->margin) &&
         palier_decimal_add (entry->quantity, quantity, &entry->quantity);
}

static int
compare_entries (const void *a,
                 const void *b)
{
  const PalierMonthAggregateEntry *ea = a;
  const PalierMonthAggregateEntry *eb = b;

  if (ea->partner_id != eb->partner_id)
    return ea->partner_id < eb->partner_id ? -1 : 1;
  if (ea->month != eb->month)
    return ea->month < eb->month ? -1 : 1;
  if (ea->category_id != eb->category_id)
    return ea->category_id < eb->category_id ? -1 : 1;
  if (ea->region_id != eb->region_id)
    return ea->region_id < eb->region_id ? -1 : 1;
  return 0;
}

const PalierMonthAggregateEntry *
_palier_month_aggregate_sort (PalierMonthAggregate *aggregate,
                              guint                *out_n_entries)
{
  qsort (aggregate->entries->data, aggregate->entries->len,
         sizeof (PalierMonthAggregateEntry), compare_entries);

  *out_n_entries = aggregate->entries->len;
  return (const PalierMonthAggregateEntry *) (gconstpointer) aggregate->entries->data;
}
