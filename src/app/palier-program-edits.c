/* palier-program-edits.c: the edits the designer makes to a program */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-program-edits.h"

/* Rows */

guint
palier_component_n_rows (const PalierComponent *component)
{
  g_return_val_if_fail (component != NULL, 0);

  if (component->kind == PALIER_COMPONENT_COMMISSION && component->tiers != NULL)
    return component->tiers->len;
  if (component->kind == PALIER_COMPONENT_BONUS && component->levels != NULL)
    return component->levels->len;

  return 0;
}

static gboolean
is_commission (const PalierComponent *component)
{
  return component->kind == PALIER_COMPONENT_COMMISSION;
}

PalierDecimal
palier_component_row_from (const PalierComponent *component,
                           guint                  row)
{
  g_return_val_if_fail (row < palier_component_n_rows (component), 0);

  if (is_commission (component))
    return g_array_index (component->tiers, PalierTier, row).from;

  return g_array_index (component->levels, PalierLevel, row).min;
}

PalierDecimal
palier_component_row_value (const PalierComponent *component,
                            guint                  row)
{
  g_return_val_if_fail (row < palier_component_n_rows (component), 0);

  if (is_commission (component))
    return g_array_index (component->tiers, PalierTier, row).value;

  return g_array_index (component->levels, PalierLevel, row).amount;
}

gboolean
palier_component_row_is_rate (const PalierComponent *component,
                              guint                  row)
{
  g_return_val_if_fail (row < palier_component_n_rows (component), FALSE);

  return is_commission (component) &&
         g_array_index (component->tiers, PalierTier, row).kind == PALIER_TIER_RATE;
}

static void
set_row (PalierComponent *component,
         guint            row,
         PalierDecimal    from,
         PalierDecimal    value)
{
  if (is_commission (component))
    {
      PalierTier *tier = &g_array_index (component->tiers, PalierTier, row);

      tier->from = from;
      tier->value = value;
    }
  else
    {
      PalierLevel *level = &g_array_index (component->levels, PalierLevel, row);

      level->min = from;
      level->amount = value;
    }
}

/* Formatting */

char *
palier_format_boundary (const PalierProgram   *program,
                        const PalierComponent *component,
                        PalierDecimal          value)
{
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component != NULL, NULL);

  if (component->basis == PALIER_BASIS_ATTAINMENT)
    {
      g_autofree char *percent = palier_format_rate (value);

      /* Translators: a tier boundary in attainment: "120% of quota". */
      return g_strdup_printf (_("%s of quota"), percent);
    }

  if (component->measure == PALIER_MEASURE_UNITS)
    {
      g_autofree char *units = palier_format_quantity (value);

      /* Translators: a tier boundary in units sold: "250 units". */
      return g_strdup_printf (_("%s units"), units);
    }

  return palier_format_money (value, program->currency);
}

char *
palier_format_row_value (const PalierProgram   *program,
                         const PalierComponent *component,
                         guint                  row,
                         PalierDecimal          value)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (row < palier_component_n_rows (component), NULL);

  if (palier_component_row_is_rate (component, row))
    return palier_format_rate (value);

  amount = palier_format_money (value, program->currency);
  if (!is_commission (component))
    return g_steal_pointer (&amount);

  /* Translators: a tier that pays an amount per unit: "$2.50 per unit". */
  return g_strdup_printf (_("%s per unit"), amount);
}

/* Row edits */

static PalierComponent *
component_at (PalierProgram *program,
              guint          index)
{
  return g_ptr_array_index (program->components, index);
}

static char *
describe_row_edit (const PalierProgram   *program,
                   const PalierComponent *component,
                   guint                  row,
                   PalierDecimal          old_from,
                   PalierDecimal          old_value)
{
  PalierDecimal from = palier_component_row_from (component, row);
  PalierDecimal value = palier_component_row_value (component, row);
  g_autofree char *old_from_text = palier_format_boundary (program, component, old_from);
  g_autofree char *from_text = palier_format_boundary (program, component, from);
  g_autofree char *old_value_text = palier_format_row_value (program, component, row, old_value);
  g_autofree char *value_text = palier_format_row_value (program, component, row, value);
  gboolean tier = is_commission (component);
  guint number = row + 1;

  if (from != old_from && value != old_value)
    return tier
      /* Translators: a change in the program history: "Moved tier 2 of
       * “Base commission” from 100% of quota to 150% of quota and
       * changed its rate from 7% to 8%". */
      ? g_strdup_printf (_("Moved tier %u of “%s” from %s to %s and changed its rate from %s to %s"),
                         number, component->name, old_from_text, from_text,
                         old_value_text, value_text)
      : g_strdup_printf (_("Moved level %u of “%s” from %s to %s and changed its amount from %s to %s"),
                         number, component->name, old_from_text, from_text,
                         old_value_text, value_text);

  if (from != old_from)
    return tier
      ? g_strdup_printf (_("Moved tier %u of “%s” from %s to %s"),
                         number, component->name, old_from_text, from_text)
      : g_strdup_printf (_("Moved level %u of “%s” from %s to %s"),
                         number, component->name, old_from_text, from_text);

  return tier
    ? g_strdup_printf (_("Changed the rate of tier %u of “%s” from %s to %s"),
                       number, component->name, old_value_text, value_text)
    : g_strdup_printf (_("Changed the amount of level %u of “%s” from %s to %s"),
                       number, component->name, old_value_text, value_text);
}

PalierProgram *
palier_edit_row (const PalierProgram  *program,
                 guint                 component,
                 guint                 row,
                 PalierDecimal         from,
                 PalierDecimal         value,
                 char                **out_summary)
{
  const PalierComponent *original;
  PalierProgram *copy;
  PalierDecimal old_from;
  PalierDecimal old_value;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  original = g_ptr_array_index (program->components, component);
  g_return_val_if_fail (row < palier_component_n_rows (original), NULL);

  old_from = palier_component_row_from (original, row);
  old_value = palier_component_row_value (original, row);
  if (from == old_from && value == old_value)
    return NULL;

  copy = palier_program_copy (program);
  set_row (component_at (copy, component), row, from, value);
  *out_summary = describe_row_edit (copy, component_at (copy, component), row, old_from, old_value);

  return copy;
}

PalierProgram *
palier_edit_row_from (const PalierProgram  *program,
                      guint                 component,
                      guint                 row,
                      PalierDecimal         from,
                      char                **out_summary)
{
  const PalierComponent *original;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);

  original = g_ptr_array_index (program->components, component);
  return palier_edit_row (program, component, row, from,
                          palier_component_row_value (original, row), out_summary);
}

PalierProgram *
palier_edit_row_value (const PalierProgram  *program,
                       guint                 component,
                       guint                 row,
                       PalierDecimal         value,
                       char                **out_summary)
{
  const PalierComponent *original;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);

  original = g_ptr_array_index (program->components, component);
  return palier_edit_row (program, component, row,
                          palier_component_row_from (original, row), value, out_summary);
}

/* Where a new row starts: half as far again as the last one, rounded to
 * a whole percent of quota or a whole unit. */
static PalierDecimal
next_row_start (const PalierProgram   *program,
                const PalierComponent *component)
{
  guint n_rows = palier_component_n_rows (component);
  PalierDecimal last;
  PalierDecimal unit;

  if (n_rows == 0 || palier_component_row_from (component, n_rows - 1) <= 0)
    {
      if (component->basis == PALIER_BASIS_ATTAINMENT)
        return PALIER_DECIMAL_ONE;
      if (program->has_quota)
        return program->quota;
      return 10000 * PALIER_DECIMAL_ONE;
    }

  last = palier_component_row_from (component, n_rows - 1);
  unit = component->basis == PALIER_BASIS_ATTAINMENT ? PALIER_DECIMAL_ONE / 100 : PALIER_DECIMAL_ONE;

  return (last + last / 2) / unit * unit;
}

PalierProgram *
palier_edit_add_row (const PalierProgram  *program,
                     guint                 component,
                     char                **out_summary)
{
  PalierProgram *copy;
  PalierComponent *changed;
  guint n_rows;
  PalierDecimal from;
  PalierDecimal value;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  copy = palier_program_copy (program);
  changed = component_at (copy, component);
  n_rows = palier_component_n_rows (changed);

  if (is_commission (changed))
    {
      from = n_rows == 0 ? 0 : next_row_start (copy, changed);
      value = n_rows == 0 ? 50000 : palier_component_row_value (changed, n_rows - 1);
      if (n_rows > 0 && !palier_component_row_is_rate (changed, n_rows - 1))
        palier_component_add_per_unit_tier (changed, from, value);
      else
        palier_component_add_tier (changed, from, value);

      /* Translators: a change in the program history. */
      *out_summary = g_strdup_printf (_("Added tier %u to “%s”"), n_rows + 1, changed->name);
    }
  else if (changed->kind == PALIER_COMPONENT_BONUS)
    {
      from = next_row_start (copy, changed);
      value = n_rows == 0 ? 100 * PALIER_DECIMAL_ONE : palier_component_row_value (changed, n_rows - 1);
      palier_component_add_level (changed, from, value);
      *out_summary = g_strdup_printf (_("Added level %u to “%s”"), n_rows + 1, changed->name);
    }
  else
    {
      palier_program_unref (copy);
      return NULL;
    }

  return copy;
}

PalierProgram *
palier_edit_remove_row (const PalierProgram  *program,
                        guint                 component,
                        guint                 row,
                        char                **out_summary)
{
  PalierProgram *copy;
  PalierComponent *changed;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  copy = palier_program_copy (program);
  changed = component_at (copy, component);
  g_return_val_if_fail (row < palier_component_n_rows (changed), (palier_program_unref (copy), NULL));

  if (is_commission (changed))
    {
      g_array_remove_index (changed->tiers, row);
      /* Translators: a change in the program history. */
      *out_summary = g_strdup_printf (_("Removed tier %u from “%s”"), row + 1, changed->name);
    }
  else
    {
      g_array_remove_index (changed->levels, row);
      *out_summary = g_strdup_printf (_("Removed level %u from “%s”"), row + 1, changed->name);
    }

  return copy;
}

/* Components */

/* "commission-3": the kind's name and the first number free. */
static char *
unique_component_id (const PalierProgram *program,
                     const char          *prefix)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (palier_program_find_component (program, id) == NULL)
        return g_steal_pointer (&id);
    }
}

PalierProgram *
palier_edit_add_component (const PalierProgram  *program,
                           PalierComponentKind   kind,
                           char                **out_summary)
{
  g_autofree char *id = NULL;
  PalierComponent *component;
  PalierProgram *copy;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  if (kind == PALIER_COMPONENT_COMMISSION)
    {
      id = unique_component_id (program, "commission");
      component = palier_component_new (kind, id, _("New commission"));
      palier_component_add_tier (component, 0, 50000);
    }
  else if (kind == PALIER_COMPONENT_BONUS)
    {
      id = unique_component_id (program, "bonus");
      component = palier_component_new (kind, id, _("New bonus"));
      palier_component_add_level (component,
                                  program->has_quota ? program->quota : 10000 * PALIER_DECIMAL_ONE,
                                  100 * PALIER_DECIMAL_ONE);
    }
  else if (kind == PALIER_COMPONENT_DEAL_BONUS)
    {
      id = unique_component_id (program, "deal-bonus");
      component = palier_component_new (kind, id, _("New deal bonus"));
      component->deal_min = 5000 * PALIER_DECIMAL_ONE;
      component->deal_amount = 100 * PALIER_DECIMAL_ONE;
    }
  else if (kind == PALIER_COMPONENT_REWARD)
    {
      /* The three best partners of each year win a trip. */
      id = unique_component_id (program, "reward");
      component = palier_component_new (kind, id, _("New reward"));
      component->has_period = TRUE;
      component->period = PALIER_PERIOD_YEAR;
      component->reward_kind = PALIER_REWARD_TRIP;
      component->unit_cost = 1000 * PALIER_DECIMAL_ONE;
      component->reward_rule = PALIER_REWARD_RULE_TOP;
      component->top_count = 3;
    }
  else
    {
      g_return_val_if_reached (NULL);
    }

  copy = palier_program_copy (program);
  palier_program_add_component (copy, component);

  switch (kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      /* Translators: a change in the program history. */
      *out_summary = g_strdup_printf (_("Added the commission “%s”"), component->name);
      break;
    case PALIER_COMPONENT_BONUS:
      *out_summary = g_strdup_printf (_("Added the bonus “%s”"), component->name);
      break;
    case PALIER_COMPONENT_DEAL_BONUS:
      *out_summary = g_strdup_printf (_("Added the deal bonus “%s”"), component->name);
      break;
    case PALIER_COMPONENT_REWARD:
    default:
      *out_summary = g_strdup_printf (_("Added the reward “%s”"), component->name);
      break;
    }

  return copy;
}

PalierProgram *
palier_edit_remove_component (const PalierProgram  *program,
                              guint                 component,
                              char                **out_summary)
{
  const PalierComponent *original;
  PalierProgram *copy;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  original = g_ptr_array_index (program->components, component);
  /* Translators: a change in the program history. */
  *out_summary = g_strdup_printf (_("Removed the component “%s”"), original->name);

  copy = palier_program_copy (program);
  g_ptr_array_remove_index (copy->components, component);

  return copy;
}

PalierProgram *
palier_edit_move_component (const PalierProgram  *program,
                            guint                 component,
                            int                   offset,
                            char                **out_summary)
{
  PalierProgram *copy;
  gpointer moved;
  int target = (int) component + offset;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (component < program->components->len, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  if (offset == 0 || target < 0 || target >= (int) program->components->len)
    return NULL;

  copy = palier_program_copy (program);
  moved = g_ptr_array_steal_index (copy->components, component);
  g_ptr_array_insert (copy->components, target, moved);

  *out_summary = offset < 0
    /* Translators: a change in the program history. */
    ? g_strdup_printf (_("Moved “%s” up"), ((PalierComponent *) moved)->name)
    : g_strdup_printf (_("Moved “%s” down"), ((PalierComponent *) moved)->name);

  return copy;
}

static const char *
measure_label (PalierMeasure measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_REVENUE:
      return _("revenue");
    case PALIER_MEASURE_MARGIN:
      return _("margin");
    case PALIER_MEASURE_UNITS:
    default:
      return _("units");
    }
}

static const char *
method_label (PalierMethod method)
{
  switch (method)
    {
    case PALIER_METHOD_MARGINAL:
      return _("marginal");
    case PALIER_METHOD_RETROACTIVE:
      return _("retroactive");
    case PALIER_METHOD_INTERPOLATED:
    default:
      return _("interpolated");
    }
}

static char *
describe_limit (const PalierProgram   *program,
                const PalierComponent *before,
                const PalierComponent *after,
                gboolean               gate)
{
  gboolean had = gate ? before->has_gate : before->has_cap;
  gboolean has = gate ? after->has_gate : after->has_cap;
  g_autofree char *value = NULL;

  if (!has)
    return gate
      /* Translators: a change in the program history. */
      ? g_strdup_printf (_("Removed the gate of “%s”"), after->name)
      : g_strdup_printf (_("Removed the cap of “%s”"), after->name);

  value = gate ? palier_format_boundary (program, after, after->gate)
               : palier_format_money (after->cap, program->currency);

  if (!had)
    return gate
      ? g_strdup_printf (_("Added a gate at %s to “%s”"), value, after->name)
      : g_strdup_printf (_("Added a cap of %s to “%s”"), value, after->name);

  return gate
    ? g_strdup_printf (_("Changed the gate of “%s” to %s"), after->name, value)
    : g_strdup_printf (_("Changed the cap of “%s” to %s"), after->name, value);
}

static guint
n_values (const GPtrArray *values)
{
  return values != NULL ? values->len : 0;
}

static gboolean
filters_equal (const PalierFilter *a,
               const PalierFilter *b)
{
  if (a->start != b->start || a->end != b->end)
    return FALSE;

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      if (n_values (a->values[field]) != n_values (b->values[field]))
        return FALSE;

      for (guint i = 0; i < n_values (a->values[field]); i++)
        if (g_strcmp0 (g_ptr_array_index (a->values[field], i),
                       g_ptr_array_index (b->values[field], i)) != 0)
          return FALSE;
    }

  return TRUE;
}

static const char *
period_noun (PalierPeriodKind period)
{
  switch (period)
    {
    case PALIER_PERIOD_MONTH:
      return _("month");
    case PALIER_PERIOD_QUARTER:
      return _("quarter");
    case PALIER_PERIOD_HALF:
      return _("half-year");
    case PALIER_PERIOD_YEAR:
    default:
      return _("year");
    }
}

static const char *
negative_label (PalierNegativePolicy policy)
{
  switch (policy)
    {
    case PALIER_NEGATIVE_ZERO:
      return _("pay nothing");
    case PALIER_NEGATIVE_CLAWBACK:
      return _("claw back");
    case PALIER_NEGATIVE_CARRY_FORWARD:
    default:
      return _("carry forward");
    }
}

static const char *
reward_kind_label (PalierRewardKind kind)
{
  switch (kind)
    {
    case PALIER_REWARD_TRIP:
      return _("trip");
    case PALIER_REWARD_RECOGNITION:
      return _("recognition");
    case PALIER_REWARD_TRAINING:
      return _("training");
    case PALIER_REWARD_OTHER:
    default:
      return _("other");
    }
}

/* The kind of a commission's tiers, from its first tier. */
static PalierTierKind
tier_kind (const PalierComponent *component)
{
  if (component->kind != PALIER_COMPONENT_COMMISSION || component->tiers->len == 0)
    return PALIER_TIER_RATE;

  return g_array_index (component->tiers, PalierTier, 0).kind;
}

static gboolean
tier_kinds_differ (const PalierComponent *before,
                   const PalierComponent *after)
{
  return after->kind == PALIER_COMPONENT_COMMISSION &&
         before->tiers->len > 0 && after->tiers->len > 0 &&
         tier_kind (before) != tier_kind (after);
}

static char *
format_deal_min (const PalierProgram   *program,
                 const PalierComponent *component)
{
  g_autofree char *quantity = NULL;

  if (component->measure == PALIER_MEASURE_UNITS)
    {
      quantity = palier_format_quantity (component->deal_min);
      /* Translators: a deal bonus's minimum: "50 units". */
      return g_strdup_printf (_("%s units"), quantity);
    }

  return palier_format_money (component->deal_min, program->currency);
}

/* Adds the sentences of the deal bonus and reward fields that changed. */
static void
describe_v2_edit (const PalierProgram   *program,
                  const PalierComponent *before,
                  const PalierComponent *after,
                  char                 **summary,
                  guint                 *n_changes)
{
  g_autofree char *value = NULL;

#define CHANGE(expression) G_STMT_START {               \
    g_free (*summary);                                  \
    *summary = (expression);                            \
    (*n_changes)++;                                     \
  } G_STMT_END

  if (after->kind == PALIER_COMPONENT_DEAL_BONUS)
    {
      if (before->deal_min != after->deal_min)
        {
          value = format_deal_min (program, after);
          /* Translators: a change in the program history. */
          CHANGE (g_strdup_printf (_("Paid “%s” for deals of at least %s"), after->name, value));
          g_clear_pointer (&value, g_free);
        }
      if (before->deal_amount != after->deal_amount)
        {
          value = palier_format_money (after->deal_amount, program->currency);
          CHANGE (g_strdup_printf (_("Changed the amount per deal of “%s” to %s"), after->name, value));
          g_clear_pointer (&value, g_free);
        }
      if (before->has_deal_rate != after->has_deal_rate ||
          (after->has_deal_rate && before->deal_rate != after->deal_rate))
        {
          value = palier_format_rate (after->deal_rate);
          CHANGE (after->has_deal_rate
                  ? g_strdup_printf (_("Changed the rate on deal values of “%s” to %s"), after->name, value)
                  : g_strdup_printf (_("Removed the rate on deal values of “%s”"), after->name));
          g_clear_pointer (&value, g_free);
        }
    }

  if (after->kind == PALIER_COMPONENT_REWARD)
    {
      if (before->reward_kind != after->reward_kind)
        CHANGE (g_strdup_printf (_("Changed the kind of “%s” to %s"),
                                 after->name, reward_kind_label (after->reward_kind)));
      if (before->unit_cost != after->unit_cost)
        {
          value = palier_format_money (after->unit_cost, program->currency);
          CHANGE (g_strdup_printf (_("Changed the cost per winner of “%s” to %s"), after->name, value));
          g_clear_pointer (&value, g_free);
        }
      if (before->reward_rule != after->reward_rule ||
          (after->reward_rule == PALIER_REWARD_RULE_TOP && before->top_count != after->top_count))
        {
          if (after->reward_rule == PALIER_REWARD_RULE_TOP)
            CHANGE (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Gave “%s” to the best partner",
                                                  "Gave “%s” to the %u best partners",
                                                  after->top_count),
                                     after->name, after->top_count));
          else
            CHANGE (g_strdup_printf (_("Gave “%s” to partners above a threshold"), after->name));
        }
      if (after->reward_rule == PALIER_REWARD_RULE_THRESHOLD &&
          before->reward_rule == PALIER_REWARD_RULE_THRESHOLD &&
          (before->threshold_basis != after->threshold_basis ||
           before->threshold_min != after->threshold_min))
        {
          value = after->threshold_basis == PALIER_BASIS_ATTAINMENT
            ? palier_format_rate (after->threshold_min)
            : palier_format_money (after->threshold_min, program->currency);
          CHANGE (g_strdup_printf (_("Changed the threshold of “%s” to %s"), after->name, value));
        }
    }

#undef CHANGE
}

/* One sentence for the one field that changed, or a general one. */
static char *
describe_component_edit (const PalierProgram   *program,
                         const PalierComponent *before,
                         const PalierComponent *after)
{
  guint n_changes = 0;
  char *summary = NULL;

#define CHANGE(expression) G_STMT_START {               \
    g_free (summary);                                   \
    summary = (expression);                             \
    n_changes++;                                        \
  } G_STMT_END

  if (g_strcmp0 (before->name, after->name) != 0)
    /* Translators: a change in the program history. */
    CHANGE (g_strdup_printf (_("Renamed “%s” to “%s”"), before->name, after->name));
  if (g_strcmp0 (before->id, after->id) != 0)
    CHANGE (g_strdup_printf (_("Changed the id of “%s” from “%s” to “%s”"),
                             after->name, before->id, after->id));
  /* A new tier kind changes the measure with it, so the tier kind's
   * sentence below describes both. */
  if (before->measure != after->measure && !tier_kinds_differ (before, after))
    CHANGE (g_strdup_printf (_("Changed the measure of “%s” to %s"),
                             after->name, measure_label (after->measure)));
  if (before->basis != after->basis)
    CHANGE (g_strdup_printf (after->basis == PALIER_BASIS_ATTAINMENT
                             ? _("Based “%s” on attainment of quota")
                             : _("Based “%s” on amounts"),
                             after->name));
  if (before->method != after->method)
    CHANGE (g_strdup_printf (_("Changed the tier method of “%s” to %s"),
                             after->name, method_label (after->method)));
  if (before->has_gate != after->has_gate || (after->has_gate && before->gate != after->gate))
    CHANGE (describe_limit (program, before, after, TRUE));
  if (before->has_cap != after->has_cap || (after->has_cap && before->cap != after->cap))
    CHANGE (describe_limit (program, before, after, FALSE));
  if (!filters_equal (&before->filter, &after->filter))
    CHANGE (g_strdup_printf (_("Changed the filter of “%s”"), after->name));
  if (before->has_period != after->has_period ||
      (after->has_period && before->period != after->period))
    CHANGE (after->has_period
            /* Translators: a change in the program history: "Paid
             * “Volume rebate” per year". */
            ? g_strdup_printf (_("Paid “%s” per %s"), after->name, period_noun (after->period))
            : g_strdup_printf (_("Paid “%s” per program period"), after->name));
  if (before->negative != after->negative)
    CHANGE (g_strdup_printf (_("Changed what a negative base of “%s” does to %s"),
                             after->name, negative_label (after->negative)));
  if (tier_kinds_differ (before, after))
    CHANGE (g_strdup_printf (tier_kind (after) == PALIER_TIER_PER_UNIT
                             ? _("Paid “%s” per unit")
                             : _("Paid “%s” at a rate of the base"),
                             after->name));
  describe_v2_edit (program, before, after, &summary, &n_changes);

#undef CHANGE

  if (n_changes > 1)
    {
      g_free (summary);
      summary = g_strdup_printf (_("Changed the settings of “%s”"), after->name);
    }

  return summary;
}

PalierProgram *
palier_edit_component (const PalierProgram  *program,
                       guint                 index,
                       PalierComponent      *changed,
                       char                **out_summary)
{
  const PalierComponent *original;
  PalierProgram *copy;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (index < program->components->len, NULL);
  g_return_val_if_fail (changed != NULL, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  original = g_ptr_array_index (program->components, index);
  if (palier_component_equal (original, changed))
    {
      palier_component_free (changed);
      return NULL;
    }

  copy = palier_program_copy (program);
  *out_summary = describe_component_edit (copy, original, changed);
  if (*out_summary == NULL)
    *out_summary = g_strdup_printf (_("Changed the settings of “%s”"), changed->name);

  palier_component_free (g_ptr_array_index (copy->components, index));
  g_ptr_array_index (copy->components, index) = changed;

  return copy;
}

/* Program properties */

static const char *
period_label (PalierPeriodKind period)
{
  switch (period)
    {
    case PALIER_PERIOD_MONTH:
      return _("monthly");
    case PALIER_PERIOD_QUARTER:
      return _("quarterly");
    case PALIER_PERIOD_HALF:
      return _("half-yearly");
    case PALIER_PERIOD_YEAR:
    default:
      return _("yearly");
    }
}

static char *
month_name (int month)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2000, CLAMP (month, 1, 12), 1, 0, 0, 0);

  return g_date_time_format (time, "%B");
}

static gboolean
segment_quotas_equal (const PalierProgram *a,
                      const PalierProgram *b)
{
  if (a->segment_quotas->len != b->segment_quotas->len)
    return FALSE;

  for (guint i = 0; i < a->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *x = &g_array_index (a->segment_quotas, PalierSegmentQuota, i);
      const PalierSegmentQuota *y = &g_array_index (b->segment_quotas, PalierSegmentQuota, i);

      if (g_strcmp0 (x->segment, y->segment) != 0 || x->quota != y->quota)
        return FALSE;
    }

  return TRUE;
}

static char *
describe_quota (const PalierProgram *before,
                const PalierProgram *after)
{
  g_autofree char *quota = NULL;

  if (!after->has_quota)
    /* Translators: a change in the program history. */
    return g_strdup (_("Removed the default quota"));

  quota = palier_format_money (after->quota, after->currency);
  return g_strdup_printf (_("Set the default quota to %s"), quota);
}

static char *
describe_properties_edit (const PalierProgram *before,
                          const PalierProgram *after)
{
  guint n_changes = 0;
  char *summary = NULL;

#define CHANGE(expression) G_STMT_START {               \
    g_free (summary);                                   \
    summary = (expression);                             \
    n_changes++;                                        \
  } G_STMT_END

  if (g_strcmp0 (before->name, after->name) != 0)
    /* Translators: a change in the program history. */
    CHANGE (g_strdup_printf (_("Renamed the program “%s”"), after->name));
  if (g_strcmp0 (before->currency, after->currency) != 0)
    CHANGE (g_strdup_printf (_("Changed the currency to %s"), after->currency));
  if (before->period != after->period)
    CHANGE (g_strdup_printf (_("Made the program %s"), period_label (after->period)));
  if (before->fiscal_year_start != after->fiscal_year_start)
    {
      g_autofree char *month = month_name (after->fiscal_year_start);

      CHANGE (g_strdup_printf (_("Started the fiscal year in %s"), month));
    }
  if (before->has_quota != after->has_quota || (after->has_quota && before->quota != after->quota))
    CHANGE (describe_quota (before, after));
  if (!segment_quotas_equal (before, after))
    CHANGE (g_strdup (_("Changed the segment quotas")));

#undef CHANGE

  if (n_changes > 1)
    {
      g_free (summary);
      summary = g_strdup (_("Changed the program’s settings"));
    }

  return summary;
}

PalierProgram *
palier_edit_properties (const PalierProgram  *program,
                        const PalierProgram  *changed,
                        char                **out_summary)
{
  PalierProgram *copy;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (changed != NULL, NULL);
  g_return_val_if_fail (out_summary != NULL, NULL);

  *out_summary = describe_properties_edit (program, changed);
  if (*out_summary == NULL)
    return NULL;

  copy = palier_program_copy (program);
  g_free (copy->name);
  copy->name = g_strdup (changed->name);
  g_free (copy->currency);
  copy->currency = g_strdup (changed->currency);
  copy->period = changed->period;
  copy->fiscal_year_start = changed->fiscal_year_start;
  copy->has_quota = changed->has_quota;
  copy->quota = changed->quota;

  g_array_set_size (copy->segment_quotas, 0);
  for (guint i = 0; i < changed->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *quota = &g_array_index (changed->segment_quotas, PalierSegmentQuota, i);

      palier_program_add_segment_quota (copy, quota->segment, quota->quota);
    }

  return copy;
}

/* Problems */

static gboolean
row_problem (guint            row,
             PalierRowField   field,
             char            *message,
             guint           *out_row,
             PalierRowField  *out_field,
             char           **out_message)
{
  *out_row = row;
  *out_field = field;
  *out_message = message;
  return TRUE;
}

gboolean
palier_find_row_problem (const PalierProgram    *program,
                         const PalierComponent  *component,
                         guint                  *out_row,
                         PalierRowField         *out_field,
                         char                  **out_message)
{
  gboolean tier;

  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (out_row != NULL && out_field != NULL && out_message != NULL, FALSE);

  tier = is_commission (component);

  for (guint row = 0; row < palier_component_n_rows (component); row++)
    {
      PalierDecimal from = palier_component_row_from (component, row);
      PalierDecimal value = palier_component_row_value (component, row);

      if (tier && row == 0 && from != 0)
        return row_problem (row, PALIER_ROW_FIELD_FROM,
                            g_strdup (_("The first tier must start at 0, where the payout starts")),
                            out_row, out_field, out_message);

      if (from < 0)
        return row_problem (row, PALIER_ROW_FIELD_FROM,
                            g_strdup (tier ? _("A tier cannot start below 0")
                                           : _("A level cannot start below 0")),
                            out_row, out_field, out_message);

      if (row > 0 && from <= palier_component_row_from (component, row - 1))
        {
          PalierDecimal previous = palier_component_row_from (component, row - 1);
          g_autofree char *text = palier_format_boundary (program, component, from);
          g_autofree char *previous_text = palier_format_boundary (program, component, previous);

          return row_problem (row, PALIER_ROW_FIELD_FROM,
                              from == previous
                              /* Translators: "Tiers must ascend: 150% of quota is the
                               * previous tier’s start too". */
                              ? g_strdup_printf (tier ? _("Tiers must ascend: %s is the previous tier’s start too")
                                                      : _("Levels must ascend: %s is the previous level’s start too"),
                                                 text)
                              /* Translators: "Tiers must ascend: 150% of quota is below
                               * the previous tier’s 200% of quota". */
                              : g_strdup_printf (tier ? _("Tiers must ascend: %s is below the previous tier’s %s")
                                                      : _("Levels must ascend: %s is below the previous level’s %s"),
                                                 text, previous_text),
                              out_row, out_field, out_message);
        }

      if (value < 0)
        return row_problem (row, PALIER_ROW_FIELD_VALUE,
                            g_strdup (tier ? _("A rate cannot be negative")
                                           : _("An amount cannot be negative")),
                            out_row, out_field, out_message);

      if (palier_component_row_is_rate (component, row) && value > PALIER_DECIMAL_ONE)
        return row_problem (row, PALIER_ROW_FIELD_VALUE,
                            g_strdup (_("A rate cannot be above 100%")),
                            out_row, out_field, out_message);
    }

  return FALSE;
}
