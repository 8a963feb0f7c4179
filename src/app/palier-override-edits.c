/* palier-override-edits.c: segment overrides of tiers and levels
 *
 * An override replaces a tier's rate (or amount per unit) or a level's
 * amount for the partners of one segment.  The designer edits them as
 * columns of the tier table, one per segment.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-program-edits.h"

/* The overrides of row @row, or NULL for a component without rows. */
static GArray *
row_overrides (const PalierComponent *component,
               guint                  row)
{
  if (component->kind == PALIER_COMPONENT_COMMISSION)
    return g_array_index (component->tiers, PalierTier, row).overrides;
  if (component->kind == PALIER_COMPONENT_BONUS)
    return g_array_index (component->levels, PalierLevel, row).overrides;

  return NULL;
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), text))
      return TRUE;

  return FALSE;
}

GPtrArray *
palier_component_override_segments (const PalierComponent *component)
{
  GPtrArray *segments = g_ptr_array_new ();

  g_return_val_if_fail (component != NULL, segments);

  for (guint row = 0; row < palier_component_n_rows (component); row++)
    {
      GArray *overrides = row_overrides (component, row);

      for (guint i = 0; overrides != NULL && i < overrides->len; i++)
        {
          const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);

          if (!contains_string (segments, override->segment))
            g_ptr_array_add (segments, override->segment);
        }
    }

  return segments;
}

/* Index of @segment's override in @overrides, or -1. */
static int
find_override (GArray     *overrides,
               const char *segment)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    if (g_str_equal (g_array_index (overrides, PalierOverride, i).segment, segment))
      return (int) i;

  return -1;
}

gboolean
palier_component_row_override (const PalierComponent *component,
                               guint                  row,
                               const char            *segment,
                               PalierDecimal         *out_value)
{
  GArray *overrides;
  int index;

  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (row < palier_component_n_rows (component), FALSE);
  g_return_val_if_fail (segment != NULL, FALSE);

  overrides = row_overrides (component, row);
  index = find_override (overrides, segment);
  if (index < 0)
    return FALSE;

  if (out_value != NULL)
    *out_value = g_array_index (overrides, PalierOverride, index).value;
  return TRUE;
}

/* Sets or removes one override in place.  Returns FALSE when nothing
 * changed. */
static gboolean
set_override (PalierComponent *component,
              guint            row,
              const char      *segment,
              gboolean         has_value,
              PalierDecimal    value)
{
  GArray *overrides = row_overrides (component, row);
  int index = find_override (overrides, segment);

  if (!has_value)
    {
      if (index < 0)
        return FALSE;
      /* The array's clear function frees the segment. */
      g_array_remove_index (overrides, index);
      return TRUE;
    }

  if (index >= 0)
    {
      PalierOverride *override = &g_array_index (overrides, PalierOverride, index);

      if (override->value == value)
        return FALSE;
      override->value = value;
      return TRUE;
    }

  if (component->kind == PALIER_COMPONENT_COMMISSION)
    palier_tier_add_override (&g_array_index (component->tiers, PalierTier, row), segment, value);
  else
    palier_level_add_override (&g_array_index (component->levels, PalierLevel, row), segment, value);
  return TRUE;
}

PalierProgram *
palier_edit_row_override (const PalierProgram  *program,
                          guint                 component,
                          guint                 row,
                          const char           *segment,
                          gboolean              has_value,
                          PalierDecimal         value,
                          char                **out_summary)
{
  g_autoptr(PalierProgram) copy = NULL;
  PalierComponent *changed;
  g_autofree char *value_text = NULL;
  gboolean tier;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (segment != NULL, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  copy = palier_program_copy (program);
  changed = g_ptr_array_index (copy->components, component);
  g_return_val_if_fail (row < palier_component_n_rows (changed), NULL);

  if (!set_override (changed, row, segment, has_value, value))
    return NULL;

  tier = changed->kind == PALIER_COMPONENT_COMMISSION;
  if (!has_value)
    *out_summary = tier
      /* Translators: a change in the program history: "Removed the
       * Gold override of tier 2 of “Base commission”". */
      ? g_strdup_printf (_("Removed the %s override of tier %u of “%s”"), segment, row + 1, changed->name)
      : g_strdup_printf (_("Removed the %s override of level %u of “%s”"), segment, row + 1, changed->name);
  else
    {
      value_text = palier_format_row_value (copy, changed, row, value);
      *out_summary = tier
        /* Translators: a change in the program history: "Set tier 2 of
         * “Base commission” to 8% for Gold". */
        ? g_strdup_printf (_("Set tier %u of “%s” to %s for %s"), row + 1, changed->name, value_text, segment)
        : g_strdup_printf (_("Set level %u of “%s” to %s for %s"), row + 1, changed->name, value_text, segment);
    }

  return g_steal_pointer (&copy);
}

PalierProgram *
palier_edit_add_segment_column (const PalierProgram  *program,
                                guint                 component,
                                const char           *segment,
                                char                **out_summary)
{
  g_autoptr(PalierProgram) copy = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  PalierComponent *changed;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (segment != NULL && segment[0] != '\0', NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  segments = palier_component_override_segments (g_ptr_array_index (program->components, component));
  if (contains_string (segments, segment))
    return NULL;

  copy = palier_program_copy (program);
  changed = g_ptr_array_index (copy->components, component);
  if (palier_component_n_rows (changed) == 0)
    return NULL;

  for (guint row = 0; row < palier_component_n_rows (changed); row++)
    set_override (changed, row, segment, TRUE, palier_component_row_value (changed, row));

  /* Translators: a change in the program history. */
  *out_summary = g_strdup_printf (_("Added overrides for %s to “%s”"), segment, changed->name);
  return g_steal_pointer (&copy);
}

PalierProgram *
palier_edit_remove_segment_column (const PalierProgram  *program,
                                   guint                 component,
                                   const char           *segment,
                                   char                **out_summary)
{
  g_autoptr(PalierProgram) copy = NULL;
  PalierComponent *changed;
  gboolean removed = FALSE;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (segment != NULL, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  copy = palier_program_copy (program);
  changed = g_ptr_array_index (copy->components, component);
  for (guint row = 0; row < palier_component_n_rows (changed); row++)
    removed |= set_override (changed, row, segment, FALSE, 0);

  if (!removed)
    return NULL;

  /* Translators: a change in the program history. */
  *out_summary = g_strdup_printf (_("Removed the overrides for %s from “%s”"), segment, changed->name);
  return g_steal_pointer (&copy);
}
