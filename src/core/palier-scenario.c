/* palier-scenario.c: assumptions and scenarios as values
 *
 * Assumptions keep their growths sorted by key, their removed partners
 * sorted by code and their added partners sorted by code, so that equal
 * assumptions have the same canonical text.  docs/scenarios.md describes
 * that text for users.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-scenario.h"
#include "palier-scenario-private.h"

G_DEFINE_QUARK (palier-scenario-error-quark, palier_scenario_error)

G_DEFINE_BOXED_TYPE (PalierAssumptions, palier_assumptions,
                     palier_assumptions_copy, palier_assumptions_free)

G_DEFINE_BOXED_TYPE (PalierScenario, palier_scenario,
                     palier_scenario_ref, palier_scenario_unref)

#define WIDE_E6 ((PalierWide) PALIER_DECIMAL_ONE)

static void
growth_clear (gpointer data)
{
  PalierGrowth *growth = data;

  g_free (growth->key);
}

static void
added_partner_clear (gpointer data)
{
  PalierAddedPartner *added = data;

  g_free (added->code);
  g_free (added->name);
  g_free (added->source);
}

PalierAssumptions *
palier_assumptions_new (void)
{
  PalierAssumptions *assumptions = g_new0 (PalierAssumptions, 1);

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    {
      assumptions->growths[d] = g_array_new (FALSE, FALSE, sizeof (PalierGrowth));
      g_array_set_clear_func (assumptions->growths[d], growth_clear);
    }
  assumptions->removed = g_ptr_array_new_with_free_func (g_free);
  assumptions->added = g_array_new (FALSE, FALSE, sizeof (PalierAddedPartner));
  g_array_set_clear_func (assumptions->added, added_partner_clear);
  return assumptions;
}

PalierAssumptions *
palier_assumptions_copy (const PalierAssumptions *assumptions)
{
  PalierAssumptions *copy;

  g_return_val_if_fail (assumptions != NULL, NULL);

  copy = palier_assumptions_new ();
  copy->growth = assumptions->growth;
  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    for (guint i = 0; i < assumptions->growths[d]->len; i++)
      {
        const PalierGrowth *growth = &g_array_index (assumptions->growths[d], PalierGrowth, i);

        palier_assumptions_set_growth (copy, d, growth->key, growth->growth);
      }
  for (guint i = 0; i < assumptions->removed->len; i++)
    palier_assumptions_remove_partner (copy, g_ptr_array_index (assumptions->removed, i));
  for (guint i = 0; i < assumptions->added->len; i++)
    {
      const PalierAddedPartner *added = &g_array_index (assumptions->added, PalierAddedPartner, i);

      palier_assumptions_add_partner (copy, added->code, added->name, added->source, added->factor);
    }
  return copy;
}

void
palier_assumptions_free (PalierAssumptions *assumptions)
{
  if (assumptions == NULL)
    return;

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    g_array_unref (assumptions->growths[d]);
  g_ptr_array_unref (assumptions->removed);
  g_array_unref (assumptions->added);
  g_free (assumptions);
}

gboolean
palier_assumptions_equal (const PalierAssumptions *a,
                          const PalierAssumptions *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  /* The canonical text carries every field, in a fixed order. */
  text_a = palier_assumptions_to_string (a);
  text_b = palier_assumptions_to_string (b);
  return strcmp (text_a, text_b) == 0;
}

gboolean
palier_assumptions_is_neutral (const PalierAssumptions *assumptions)
{
  g_return_val_if_fail (assumptions != NULL, FALSE);

  if (assumptions->growth != 0 || assumptions->removed->len > 0 || assumptions->added->len > 0)
    return FALSE;

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    for (guint i = 0; i < assumptions->growths[d]->len; i++)
      if (g_array_index (assumptions->growths[d], PalierGrowth, i).growth != 0)
        return FALSE;
  return TRUE;
}

/* Position of @key in @growths, or where it would be inserted, with
 * @out_found telling which. */
static guint
find_growth (GArray     *growths,
             const char *key,
             gboolean   *out_found)
{
  guint i;

  for (i = 0; i < growths->len; i++)
    {
      int order = strcmp (g_array_index (growths, PalierGrowth, i).key, key);

      if (order >= 0)
        {
          *out_found = order == 0;
          return i;
        }
    }
  *out_found = FALSE;
  return i;
}

void
palier_assumptions_set_growth (PalierAssumptions     *assumptions,
                               PalierGrowthDimension  dimension,
                               const char            *key,
                               PalierDecimal          growth)
{
  PalierGrowth entry;
  gboolean found;
  guint position;

  g_return_if_fail (assumptions != NULL);
  g_return_if_fail (dimension < PALIER_N_GROWTH_DIMENSIONS);
  g_return_if_fail (key != NULL);

  position = find_growth (assumptions->growths[dimension], key, &found);
  if (found)
    {
      g_array_index (assumptions->growths[dimension], PalierGrowth, position).growth = growth;
      return;
    }

  entry.key = g_strdup (key);
  entry.growth = growth;
  g_array_insert_val (assumptions->growths[dimension], position, entry);
}

void
palier_assumptions_remove_partner (PalierAssumptions *assumptions,
                                   const char        *code)
{
  guint i;

  g_return_if_fail (assumptions != NULL);
  g_return_if_fail (code != NULL);

  for (i = 0; i < assumptions->removed->len; i++)
    {
      int order = strcmp (g_ptr_array_index (assumptions->removed, i), code);

      if (order == 0)
        return;
      if (order > 0)
        break;
    }
  g_ptr_array_insert (assumptions->removed, (gint) i, g_strdup (code));
}

void
palier_assumptions_add_partner (PalierAssumptions *assumptions,
                                const char        *code,
                                const char        *name,
                                const char        *source,
                                PalierDecimal      factor)
{
  PalierAddedPartner added;
  guint i;

  g_return_if_fail (assumptions != NULL);
  g_return_if_fail (code != NULL);
  g_return_if_fail (source != NULL);

  for (i = 0; i < assumptions->added->len; i++)
    {
      PalierAddedPartner *existing = &g_array_index (assumptions->added, PalierAddedPartner, i);
      int order = strcmp (existing->code, code);

      if (order == 0)
        {
          /* A second entry for the same code replaces the first. */
          g_free (existing->name);
          g_free (existing->source);
          existing->name = g_strdup (name);
          existing->source = g_strdup (source);
          existing->factor = factor;
          return;
        }
      if (order > 0)
        break;
    }

  added.code = g_strdup (code);
  added.name = g_strdup (name);
  added.source = g_strdup (source);
  added.factor = factor;
  g_array_insert_val (assumptions->added, i, added);
}

PalierDecimal
_palier_assumptions_find_growth (const PalierAssumptions *assumptions,
                                 PalierGrowthDimension    dimension,
                                 const char              *key)
{
  gboolean found;
  guint position;

  if (key == NULL)
    return 0;

  position = find_growth (assumptions->growths[dimension], key, &found);
  return found ? g_array_index (assumptions->growths[dimension], PalierGrowth, position).growth : 0;
}

/* The exact product of the four multipliers is held at scale 10^-24;
 * PALIER_GROWTH_MAX keeps it within 128 bits. */
PalierDecimal
palier_assumptions_factor (const PalierAssumptions *assumptions,
                           const char              *segment,
                           const char              *category,
                           const char              *region)
{
  PalierWide product;

  g_return_val_if_fail (assumptions != NULL, PALIER_DECIMAL_ONE);

  product = PALIER_DECIMAL_ONE + assumptions->growth;
  product *= PALIER_DECIMAL_ONE +
             _palier_assumptions_find_growth (assumptions, PALIER_GROWTH_SEGMENT, segment);
  product *= PALIER_DECIMAL_ONE +
             _palier_assumptions_find_growth (assumptions, PALIER_GROWTH_CATEGORY, category);
  product *= PALIER_DECIMAL_ONE +
             _palier_assumptions_find_growth (assumptions, PALIER_GROWTH_REGION, region);

  return (PalierDecimal) palier_wide_div_round (product, WIDE_E6 * WIDE_E6 * WIDE_E6);
}

/* Scenarios */

PalierScenario *
palier_scenario_new (const char *id,
                     const char *name,
                     const char *program_id)
{
  PalierScenario *scenario;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (program_id != NULL, NULL);

  scenario = g_new0 (PalierScenario, 1);
  scenario->ref_count = 1;
  scenario->id = g_strdup (id);
  scenario->name = g_strdup (name);
  scenario->program_id = g_strdup (program_id);
  scenario->from = PALIER_DATE_NONE;
  scenario->to = PALIER_DATE_NONE;
  scenario->assumptions = palier_assumptions_new ();
  return scenario;
}

PalierScenario *
palier_scenario_ref (PalierScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);

  g_atomic_int_inc (&scenario->ref_count);
  return scenario;
}

void
palier_scenario_unref (PalierScenario *scenario)
{
  g_return_if_fail (scenario != NULL);

  if (!g_atomic_int_dec_and_test (&scenario->ref_count))
    return;

  g_free (scenario->id);
  g_free (scenario->name);
  g_free (scenario->program_id);
  palier_assumptions_free (scenario->assumptions);
  g_free (scenario);
}

PalierScenario *
palier_scenario_copy (const PalierScenario *scenario)
{
  PalierScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = palier_scenario_new (scenario->id, scenario->name, scenario->program_id);
  copy->from = scenario->from;
  copy->to = scenario->to;
  palier_assumptions_free (copy->assumptions);
  copy->assumptions = palier_assumptions_copy (scenario->assumptions);
  return copy;
}
