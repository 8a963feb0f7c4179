/* palier-compare.c: two programs on the same sales
 *
 * Both programs are simulated over the same range with one reading of the
 * sales (one PalierBases for both).  A partner paid by only one of them
 * counts as paid zero by the other.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-simulate.h"

static void
comparison_row_free (gpointer data)
{
  PalierComparisonRow *row = data;

  g_free (row->partner);
  g_free (row->segment);
  g_free (row);
}

/* Largest gain first, then the partner code, so that the order is the
 * same from run to run. */
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

static gboolean
set_overflow_error (GError **error)
{
  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_OVERFLOW,
               _("a difference of payouts is too large to be held exactly"));
  return FALSE;
}

static PalierComparisonRow *
row_new (const PalierPartnerResult *partner)
{
  PalierComparisonRow *row = g_new0 (PalierComparisonRow, 1);

  row->partner = g_strdup (partner->partner);
  row->segment = g_strdup (partner->segment);
  return row;
}

/* Pairs the partners of both results, which are sorted by code, in one
 * merge pass. */
static gboolean
pair_partners (PalierComparison  *comparison,
               GError           **error)
{
  GPtrArray *base_rows = comparison->baseline->partners;
  GPtrArray *proposal_rows = comparison->proposal->partners;
  guint b = 0, p = 0;

  while (b < base_rows->len || p < proposal_rows->len)
    {
      const PalierPartnerResult *in_base = b < base_rows->len ? g_ptr_array_index (base_rows, b) : NULL;
      const PalierPartnerResult *in_proposal = p < proposal_rows->len ? g_ptr_array_index (proposal_rows, p) : NULL;
      PalierComparisonRow *row;

      if (in_base != NULL && in_proposal != NULL &&
          strcmp (in_base->partner, in_proposal->partner) == 0)
        {
          row = row_new (in_base);
          row->baseline = in_base->payout;
          row->proposal = in_proposal->payout;
          b++;
          p++;
        }
      else if (in_base != NULL &&
               (in_proposal == NULL || strcmp (in_base->partner, in_proposal->partner) < 0))
        {
          row = row_new (in_base);
          row->baseline = in_base->payout;
          b++;
        }
      else if (in_proposal != NULL)
        {
          row = row_new (in_proposal);
          row->proposal = in_proposal->payout;
          p++;
        }
      else
        g_assert_not_reached ();

      g_ptr_array_add (comparison->rows, row);

      if (!palier_decimal_sub (row->proposal, row->baseline, &row->difference))
        return set_overflow_error (error);

      if (row->difference > 0)
        comparison->n_gain++;
      else if (row->difference < 0)
        comparison->n_lose++;
      else
        comparison->n_same++;
    }

  return TRUE;
}

static PalierComparison *
comparison_new (PalierResult *baseline,
                PalierResult *proposal)
{
  PalierComparison *comparison = g_new0 (PalierComparison, 1);

  comparison->ref_count = 1;
  comparison->baseline = baseline;
  comparison->proposal = proposal;
  comparison->rows = g_ptr_array_new_with_free_func (comparison_row_free);
  return comparison;
}

static gboolean
check_currencies (const PalierProgram  *baseline,
                  const PalierProgram  *proposal,
                  GError              **error)
{
  if (g_strcmp0 (baseline->currency, proposal->currency) == 0)
    return TRUE;

  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_CURRENCY,
               _("program “%s” pays in %s and program “%s” in %s; compare programs that pay in the same currency"),
               baseline->id, baseline->currency, proposal->id, proposal->currency);
  return FALSE;
}

PalierComparison *
palier_compare (PalierStore                  *store,
                const PalierProgram          *baseline,
                const PalierProgram          *proposal,
                const PalierSimulateOptions  *options,
                GCancellable                 *cancellable,
                GError                      **error)
{
  const PalierProgram *programs[] = { baseline, proposal, NULL };
  g_autoptr(PalierBases) bases = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (baseline != NULL, NULL);
  g_return_val_if_fail (proposal != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_currencies (baseline, proposal, error))
    return NULL;

  bases = palier_bases_compute (store, programs, options, cancellable, error);
  if (bases == NULL)
    return NULL;

  return palier_bases_compare (bases, baseline, proposal, cancellable, error);
}

PalierComparison *
palier_bases_compare (const PalierBases    *bases,
                      const PalierProgram  *baseline,
                      const PalierProgram  *proposal,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(PalierComparison) comparison = NULL;
  PalierResult *baseline_result, *proposal_result;

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (baseline != NULL, NULL);
  g_return_val_if_fail (proposal != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_currencies (baseline, proposal, error))
    return NULL;

  baseline_result = palier_bases_simulate (bases, baseline, cancellable, error);
  if (baseline_result == NULL)
    return NULL;
  proposal_result = palier_bases_simulate (bases, proposal, cancellable, error);
  if (proposal_result == NULL)
    {
      palier_result_unref (baseline_result);
      return NULL;
    }

  comparison = comparison_new (baseline_result, proposal_result);
  if (!palier_decimal_sub (proposal_result->total_payout, baseline_result->total_payout,
                           &comparison->difference))
    {
      set_overflow_error (error);
      return NULL;
    }

  if (!pair_partners (comparison, error))
    return NULL;

  g_ptr_array_sort (comparison->rows, compare_rows);
  return g_steal_pointer (&comparison);
}

PalierComparison *
palier_comparison_ref (PalierComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, NULL);

  g_atomic_int_inc (&comparison->ref_count);
  return comparison;
}

void
palier_comparison_unref (PalierComparison *comparison)
{
  g_return_if_fail (comparison != NULL);

  if (!g_atomic_int_dec_and_test (&comparison->ref_count))
    return;

  g_clear_pointer (&comparison->baseline, palier_result_unref);
  g_clear_pointer (&comparison->proposal, palier_result_unref);
  g_ptr_array_unref (comparison->rows);
  g_free (comparison);
}
