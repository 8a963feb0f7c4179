/* palier-health-row.c: one row of the health panel's tables */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-health-row.h"

struct _PalierHealthRow
{
  GObject parent_instance;

  PalierHealth *health;
  gboolean is_cliff;
  guint index;
};

G_DEFINE_FINAL_TYPE (PalierHealthRow, palier_health_row, G_TYPE_OBJECT)

static void
palier_health_row_finalize (GObject *object)
{
  PalierHealthRow *self = PALIER_HEALTH_ROW (object);

  g_clear_pointer (&self->health, palier_health_unref);

  G_OBJECT_CLASS (palier_health_row_parent_class)->finalize (object);
}

static void
palier_health_row_class_init (PalierHealthRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = palier_health_row_finalize;
}

static void
palier_health_row_init (PalierHealthRow *self)
{
}

static GListModel *
list_rows (PalierHealth *health,
           gboolean      cliffs)
{
  GListStore *store = g_list_store_new (PALIER_TYPE_HEALTH_ROW);
  GArray *array = cliffs ? health->cliffs : health->rates;

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      g_autoptr(PalierHealthRow) row = g_object_new (PALIER_TYPE_HEALTH_ROW, NULL);

      row->health = palier_health_ref (health);
      row->is_cliff = cliffs;
      row->index = i;
      g_list_store_append (store, row);
    }

  return G_LIST_MODEL (store);
}

GListModel *
palier_health_row_list_cliffs (PalierHealth *health)
{
  g_return_val_if_fail (health != NULL, NULL);

  return list_rows (health, TRUE);
}

GListModel *
palier_health_row_list_rates (PalierHealth *health)
{
  g_return_val_if_fail (health != NULL, NULL);

  return list_rows (health, FALSE);
}

PalierHealth *
palier_health_row_get_health (PalierHealthRow *self)
{
  g_return_val_if_fail (PALIER_IS_HEALTH_ROW (self), NULL);

  return self->health;
}

const PalierCliff *
palier_health_row_get_cliff (PalierHealthRow *self)
{
  g_return_val_if_fail (PALIER_IS_HEALTH_ROW (self), NULL);

  if (!self->is_cliff)
    return NULL;

  return &g_array_index (self->health->cliffs, PalierCliff, self->index);
}

const PalierEffectiveRate *
palier_health_row_get_rate (PalierHealthRow *self)
{
  g_return_val_if_fail (PALIER_IS_HEALTH_ROW (self), NULL);

  if (self->is_cliff)
    return NULL;

  return &g_array_index (self->health->rates, PalierEffectiveRate, self->index);
}
