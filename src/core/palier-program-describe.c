/* palier-program-describe.c: a program's rules in plain words
 *
 * Every sentence is one translatable message with the numbers as
 * arguments, so that translators can reorder them.  Numbers use the
 * current locale's forms through palier_format_money() and friends.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-money.h"
#include "palier-report-private.h"

/* Numbers */

char *
_palier_format_percent_exact (PalierDecimal ratio)
{
  /* A ratio in millionths is a percentage with four decimals. */
  gint64 unit = 10000;

  for (int decimals = 0; decimals < 4; decimals++, unit /= 10)
    if (ratio % unit == 0)
      return palier_format_percent (ratio, decimals);

  return palier_format_percent (ratio, 4);
}

static char *
format_quantity (PalierDecimal value)
{
  gint64 unit = PALIER_DECIMAL_ONE;

  for (int decimals = 0; decimals < PALIER_DECIMAL_DIGITS; decimals++, unit /= 10)
    if (value % unit == 0)
      return palier_format_number (value, decimals);

  return palier_format_number (value, PALIER_DECIMAL_DIGITS);
}

char *
_palier_format_date (PalierDate date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (palier_date_year (date),
                                                   palier_date_month (date),
                                                   palier_date_day (date), 0, 0, 0);

  if (time == NULL)
    return g_strdup ("?");

  /* Some languages write the first of a month as an ordinal, which a
   * g_date_time_format() conversion cannot express. */
  if (palier_date_day (date) == 1)
    /* Translators: the first day of a month, see g_date_time_format():
     * "March 1, 2017".  French writes "1er mars 2017". */
    return g_date_time_format (time, C_("first of the month", "%B %-d, %Y"));

  /* Translators: a date, see g_date_time_format(): "March 15, 2017". */
  return g_date_time_format (time, _("%B %-d, %Y"));
}

static char *
format_month_name (int month)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2001, CLAMP (month, 1, 12), 1, 0, 0, 0);

  return g_date_time_format (time, "%B");
}

char *
_palier_component_format_boundary (const PalierProgram   *program,
                                   const PalierComponent *component,
                                   PalierBasis            basis,
                                   PalierDecimal          value)
{
  g_autofree char *number = NULL;

  if (basis == PALIER_BASIS_ATTAINMENT)
    {
      number = _palier_format_percent_exact (value);
      /* Translators: a tier boundary as a share of quota: "100 % of quota". */
      return g_strdup_printf (_("%s of quota"), number);
    }

  if (component->measure == PALIER_MEASURE_UNITS)
    {
      number = format_quantity (value);
      /* Translators: a number of units sold: "1,500 units". */
      return g_strdup_printf (_("%s units"), number);
    }

  return palier_format_money (value, program->currency);
}

char *
_palier_component_format_tier_value (const PalierProgram *program,
                                     PalierTierKind       kind,
                                     PalierDecimal        value)
{
  g_autofree char *amount = NULL;

  if (kind == PALIER_TIER_RATE)
    return _palier_format_percent_exact (value);

  amount = palier_format_money (value, program->currency);
  /* Translators: a per-unit tier value: "$2.00 per unit". */
  return g_strdup_printf (_("%s per unit"), amount);
}

/* Text pieces */

static const char *
period_phrase (PalierPeriodKind kind)
{
  switch (kind)
    {
    case PALIER_PERIOD_MONTH:
      return _("per month");
    case PALIER_PERIOD_QUARTER:
      return _("per quarter");
    case PALIER_PERIOD_HALF:
      return _("per half-year");
    case PALIER_PERIOD_YEAR:
      return _("per year");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
_palier_component_kind_label (PalierComponentKind kind)
{
  switch (kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      return _("Commission");
    case PALIER_COMPONENT_BONUS:
      return _("Bonus");
    case PALIER_COMPONENT_DEAL_BONUS:
      return _("Deal bonus");
    case PALIER_COMPONENT_REWARD:
      return _("Non-cash reward");
    default:
      g_return_val_if_reached ("");
    }
}

/* Joins @items as "a, b and c" (or "a, b or c" with @alternatives);
 * translators choose the separators. */
static char *
join_list (GPtrArray *items,
           gboolean   alternatives)
{
  char *text;

  if (items->len == 0)
    return g_strdup ("");

  text = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      char *longer;

      if (i + 1 < items->len)
        /* Translators: all but the last item of a list: "4 %, 7 %". */
        longer = g_strdup_printf (_("%1$s, %2$s"), text, item);
      else if (alternatives)
        /* Translators: the last item of a list of alternatives. */
        longer = g_strdup_printf (_("%1$s or %2$s"), text, item);
      else
        /* Translators: the last item of a list: "4 %, 7 % and 10 %". */
        longer = g_strdup_printf (_("%1$s and %2$s"), text, item);

      g_free (text);
      text = longer;
    }

  return text;
}

/* Appends @sentence to @text with a space between them, and frees it. */
static void
append_sentence (GString *text,
                 char    *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
  g_free (sentence);
}

static PalierPeriodKind
component_period (const PalierProgram   *program,
                  const PalierComponent *component)
{
  return component->has_period ? component->period : program->period;
}

/* Sentences every component kind shares */

static void
describe_scope (GString               *text,
                const PalierProgram   *program,
                const PalierComponent *component)
{
  PalierPeriodKind period = component_period (program, component);
  const char *per = period_phrase (period);

  switch (component->measure)
    {
    case PALIER_MEASURE_REVENUE:
      /* Translators: %s is a period phrase such as “per quarter”. */
      append_sentence (text, g_strdup_printf (_("Measured on sales, %s."), per));
      break;
    case PALIER_MEASURE_MARGIN:
      append_sentence (text, g_strdup_printf (_("Measured on margin, %s."), per));
      break;
    case PALIER_MEASURE_UNITS:
      append_sentence (text, g_strdup_printf (_("Measured on units sold, %s."), per));
      break;
    default:
      g_assert_not_reached ();
    }

  if (period == program->period)
    return;

  append_sentence (text, g_strdup (_("The payout lands in the program period that "
                                     "contains the last day of that period.")));
  if (component->basis == PALIER_BASIS_ATTAINMENT
      && (component->kind == PALIER_COMPONENT_COMMISSION
          || component->kind == PALIER_COMPONENT_BONUS))
    append_sentence (text, g_strdup (_("Its quota is the sum of the program-period "
                                       "quotas it spans.")));
}

static char *
format_filter_field (PalierFilterField  field,
                     const char        *values)
{
  switch (field)
    {
    case PALIER_FILTER_CATEGORY:
      /* Translators: part of “Only sales lines with … count.” */
      return g_strdup_printf (_("category %s"), values);
    case PALIER_FILTER_PRODUCT:
      return g_strdup_printf (_("product %s"), values);
    case PALIER_FILTER_REGION:
      return g_strdup_printf (_("region %s"), values);
    case PALIER_FILTER_SEGMENT:
      return g_strdup_printf (_("partner segment %s"), values);
    default:
      g_return_val_if_reached (g_strdup (values));
    }
}

static void
describe_filter (GString            *text,
                 const PalierFilter *filter)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      GPtrArray *values = filter->values[field];
      g_autofree char *alternatives = NULL;

      if (values == NULL || values->len == 0)
        continue;
      alternatives = join_list (values, TRUE);
      g_ptr_array_add (fields, format_filter_field (field, alternatives));
    }

  if (fields->len > 0)
    {
      g_autofree char *conditions = join_list (fields, FALSE);

      append_sentence (text, g_strdup_printf (_("Only sales lines with %s count."), conditions));
    }

  if (filter->start != PALIER_DATE_NONE)
    start = _palier_format_date (filter->start);
  if (filter->end != PALIER_DATE_NONE)
    end = _palier_format_date (filter->end);

  if (start != NULL && end != NULL)
    append_sentence (text, g_strdup_printf (_("Only sales from %1$s to %2$s count."), start, end));
  else if (start != NULL)
    append_sentence (text, g_strdup_printf (_("Only sales from %s on count."), start));
  else if (end != NULL)
    append_sentence (text, g_strdup_printf (_("Only sales up to %s count."), end));
}

/* Commission */

static char *
tier_value (const PalierProgram *program,
            const PalierTier    *tier)
{
  return _palier_component_format_tier_value (program, tier->kind, tier->value);
}

static char *
tier_boundary (const PalierProgram   *program,
               const PalierComponent *component,
               guint                  index)
{
  const PalierTier *tier = &g_array_index (component->tiers, PalierTier, index);

  return _palier_component_format_boundary (program, component, component->basis, tier->from);
}

/* "4 % below 100 % of quota", "7 % from … to …", "10 % from … up". */
static char *
tier_range_item (const PalierProgram   *program,
                 const PalierComponent *component,
                 guint                  index)
{
  const PalierTier *tier = &g_array_index (component->tiers, PalierTier, index);
  g_autofree char *value = tier_value (program, tier);
  g_autofree char *from = tier_boundary (program, component, index);
  g_autofree char *to = NULL;

  if (index + 1 < component->tiers->len)
    to = tier_boundary (program, component, index + 1);

  if (index == 0)
    /* Translators: a tier: “4 % below $100,000.00”. */
    return g_strdup_printf (_("%1$s below %2$s"), value, to);
  if (to != NULL)
    /* Translators: a tier: “7 % from $100,000.00 to $200,000.00”. */
    return g_strdup_printf (_("%1$s from %2$s to %3$s"), value, from, to);
  /* Translators: the last tier: “10 % from $200,000.00 up”. */
  return g_strdup_printf (_("%1$s from %2$s up"), value, from);
}

static char *
tier_point_item (const PalierProgram   *program,
                 const PalierComponent *component,
                 guint                  index)
{
  const PalierTier *tier = &g_array_index (component->tiers, PalierTier, index);
  g_autofree char *value = tier_value (program, tier);
  g_autofree char *at = tier_boundary (program, component, index);

  /* Translators: a point of an interpolated rate: “7 % at 100 % of quota”. */
  return g_strdup_printf (_("%1$s at %2$s"), value, at);
}

static void
describe_tiers (GString               *text,
                const PalierProgram   *program,
                const PalierComponent *component)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  guint n = component->tiers != NULL ? component->tiers->len : 0;

  if (n == 0)
    {
      append_sentence (text, g_strdup (_("It has no tiers, so it pays nothing.")));
      return;
    }

  if (n == 1)
    {
      g_autofree char *value = tier_value (program, &g_array_index (component->tiers, PalierTier, 0));

      append_sentence (text, g_strdup_printf (_("Partners earn %s."), value));
      return;
    }

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, component->method == PALIER_METHOD_INTERPOLATED
                            ? tier_point_item (program, component, i)
                            : tier_range_item (program, component, i));
  list = join_list (items, FALSE);

  switch (component->method)
    {
    case PALIER_METHOD_MARGINAL:
      append_sentence (text, g_strdup_printf (_("Each slice earns the rate of its tier: %s."), list));
      break;
    case PALIER_METHOD_RETROACTIVE:
      append_sentence (text, g_strdup_printf (_("The whole amount earns the rate of the "
                                                "highest tier reached: %s."), list));
      break;
    case PALIER_METHOD_INTERPOLATED:
      append_sentence (text, g_strdup_printf (_("The whole amount earns a rate read on a "
                                                "straight line between these points: %s."), list));
      append_sentence (text, g_strdup (_("Above the last point, its rate applies.")));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
describe_tier_overrides (GString               *text,
                         const PalierProgram   *program,
                         const PalierComponent *component)
{
  for (guint i = 0; component->tiers != NULL && i < component->tiers->len; i++)
    {
      const PalierTier *tier = &g_array_index (component->tiers, PalierTier, i);
      g_autofree char *from = NULL;

      if (tier->overrides == NULL)
        continue;

      from = tier_boundary (program, component, i);
      for (guint j = 0; j < tier->overrides->len; j++)
        {
          const PalierOverride *override = &g_array_index (tier->overrides, PalierOverride, j);
          g_autofree char *value = _palier_component_format_tier_value (program, tier->kind,
                                                                        override->value);

          append_sentence (text, g_strdup_printf (_("Partners of segment %1$s earn %2$s in the "
                                                    "tier from %3$s."),
                                                  override->segment, value, from));
        }
    }
}

static void
describe_negative (GString               *text,
                   const PalierProgram   *program,
                   const PalierComponent *component)
{
  g_autofree char *first = NULL;

  switch (component->negative)
    {
    case PALIER_NEGATIVE_ZERO:
      append_sentence (text, g_strdup (_("A period whose total is zero or negative "
                                         "pays nothing.")));
      break;
    case PALIER_NEGATIVE_CLAWBACK:
      if (component->tiers != NULL && component->tiers->len > 0)
        first = tier_value (program, &g_array_index (component->tiers, PalierTier, 0));
      else
        first = _palier_format_percent_exact (0);
      append_sentence (text, g_strdup_printf (_("A period whose total is negative is paid "
                                                "back at the first tier’s %s, as a "
                                                "negative payout."), first));
      break;
    case PALIER_NEGATIVE_CARRY_FORWARD:
      append_sentence (text, g_strdup (_("A period whose total is negative pays nothing, "
                                         "and the deficit is taken off the partner’s next "
                                         "period in the same fiscal year.")));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
describe_commission (GString               *text,
                     const PalierProgram   *program,
                     const PalierComponent *component)
{
  describe_tiers (text, program, component);
  describe_tier_overrides (text, program, component);

  if (component->has_gate)
    {
      g_autofree char *gate = _palier_component_format_boundary (program, component,
                                                                 component->basis,
                                                                 component->gate);

      append_sentence (text, g_strdup_printf (_("Nothing is paid for a period below %s."), gate));
    }

  if (component->has_cap)
    {
      g_autofree char *cap = palier_format_money (component->cap, program->currency);

      /* Translators: %2$s is a period phrase such as “per quarter”. */
      append_sentence (text, g_strdup_printf (_("The payout is capped at %1$s per partner %2$s."),
                                              cap,
                                              period_phrase (component_period (program, component))));
    }

  describe_negative (text, program, component);
}

/* Bonus */

static void
describe_bonus (GString               *text,
                const PalierProgram   *program,
                const PalierComponent *component)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  guint n = component->levels != NULL ? component->levels->len : 0;

  if (n == 0)
    {
      append_sentence (text, g_strdup (_("It has no levels, so it pays nothing.")));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);
      g_autofree char *amount = palier_format_money (level->amount, program->currency);
      g_autofree char *min = _palier_component_format_boundary (program, component,
                                                                component->basis, level->min);

      /* Translators: a bonus level: “$250.00 from 100 % of quota”. */
      g_ptr_array_add (items, g_strdup_printf (_("%1$s from %2$s"), amount, min));
    }
  list = join_list (items, FALSE);
  append_sentence (text, g_strdup_printf (_("Partners receive one fixed amount for the highest "
                                            "level reached, as levels do not add up: %s."), list));

  for (guint i = 0; i < n; i++)
    {
      const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);
      g_autofree char *min = NULL;

      if (level->overrides == NULL)
        continue;

      min = _palier_component_format_boundary (program, component, component->basis, level->min);
      for (guint j = 0; j < level->overrides->len; j++)
        {
          const PalierOverride *override = &g_array_index (level->overrides, PalierOverride, j);
          g_autofree char *amount = palier_format_money (override->value, program->currency);

          append_sentence (text, g_strdup_printf (_("Partners of segment %1$s receive %2$s at "
                                                    "the level from %3$s."),
                                                  override->segment, amount, min));
        }
    }
}

/* Deal bonus */

static void
describe_deal_bonus (GString               *text,
                     const PalierProgram   *program,
                     const PalierComponent *component)
{
  g_autofree char *min = _palier_component_format_boundary (program, component,
                                                            PALIER_BASIS_AMOUNT,
                                                            component->deal_min);
  g_autofree char *amount = palier_format_money (component->deal_amount, program->currency);

  if (component->has_deal_rate)
    {
      g_autofree char *rate = _palier_format_percent_exact (component->deal_rate);

      append_sentence (text, g_strdup_printf (_("Each deal worth at least %1$s pays %2$s plus "
                                                "%3$s of its value."), min, amount, rate));
    }
  else
    {
      append_sentence (text, g_strdup_printf (_("Each deal worth at least %1$s pays %2$s."),
                                              min, amount));
    }

  append_sentence (text, g_strdup (_("A deal is the set of one partner’s sales lines that "
                                     "share a deal id, or a single line when no deal id was "
                                     "imported.")));
  append_sentence (text, g_strdup (_("It counts in the period of its first line.")));
}

/* Reward */

static const char *
reward_kind_phrase (PalierRewardKind kind)
{
  switch (kind)
    {
    case PALIER_REWARD_TRIP:
      return _("a trip");
    case PALIER_REWARD_RECOGNITION:
      return _("recognition");
    case PALIER_REWARD_TRAINING:
      return _("training");
    case PALIER_REWARD_OTHER:
      return _("another reward");
    default:
      g_return_val_if_reached ("");
    }
}

static void
describe_reward (GString               *text,
                 const PalierProgram   *program,
                 const PalierComponent *component)
{
  g_autofree char *cost = palier_format_money (component->unit_cost, program->currency);

  append_sentence (text, g_strdup_printf (_("It offers %1$s, costing %2$s for each qualifying "
                                            "partner."), reward_kind_phrase (component->reward_kind),
                                          cost));

  if (component->reward_rule == PALIER_REWARD_RULE_TOP)
    {
      append_sentence (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "The top partner of each period "
                                                           "qualifies, and partners tied at the "
                                                           "cut-off all qualify.",
                                                           "The top %u partners of each period "
                                                           "qualify, and partners tied at the "
                                                           "cut-off all qualify.",
                                                           component->top_count),
                                              component->top_count));
    }
  else
    {
      g_autofree char *min = _palier_component_format_boundary (program, component,
                                                                component->threshold_basis,
                                                                component->threshold_min);

      append_sentence (text, g_strdup_printf (_("Partners who reach %s in the period qualify."),
                                              min));
    }

  append_sentence (text, g_strdup (_("A partner needs a positive total to qualify.")));
  append_sentence (text, g_strdup (_("The cost counts as non-cash cost, not as payout.")));
}

/* Entry points */

char *
_palier_component_describe (const PalierProgram   *program,
                            const PalierComponent *component)
{
  GString *text = g_string_new (NULL);

  describe_scope (text, program, component);
  describe_filter (text, &component->filter);

  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      describe_commission (text, program, component);
      break;
    case PALIER_COMPONENT_BONUS:
      describe_bonus (text, program, component);
      break;
    case PALIER_COMPONENT_DEAL_BONUS:
      describe_deal_bonus (text, program, component);
      break;
    case PALIER_COMPONENT_REWARD:
      describe_reward (text, program, component);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free (text, FALSE);
}

char *
_palier_program_describe_intro (const PalierProgram *program)
{
  GString *text = g_string_new (NULL);
  const char *per = period_phrase (program->period);

  /* Translators: %1$s is a currency code, %2$s a period phrase such as
   * “per quarter”. */
  append_sentence (text, g_strdup_printf (_("Payouts are in %1$s, computed %2$s."),
                                          program->currency, per));

  if (program->fiscal_year_start != 1)
    {
      g_autofree char *month = format_month_name (program->fiscal_year_start);

      append_sentence (text, g_strdup_printf (_("The fiscal year starts in %s."), month));
    }

  if (program->has_quota)
    {
      g_autofree char *quota = palier_format_money (program->quota, program->currency);

      append_sentence (text, g_strdup_printf (_("The quota is %1$s per partner %2$s."), quota, per));
    }

  for (guint i = 0; program->segment_quotas != NULL && i < program->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *segment = &g_array_index (program->segment_quotas,
                                                          PalierSegmentQuota, i);
      g_autofree char *quota = palier_format_money (segment->quota, program->currency);

      append_sentence (text, g_strdup_printf (_("Partners of segment %1$s have a quota of %2$s."),
                                              segment->segment, quota));
    }

  if (program->has_quota || (program->segment_quotas != NULL && program->segment_quotas->len > 0))
    append_sentence (text, g_strdup (_("A quota imported for one partner and period "
                                       "replaces these.")));

  return g_string_free (text, FALSE);
}

char *
palier_program_describe (const PalierProgram *program)
{
  g_autofree char *intro = NULL;
  GString *text;

  g_return_val_if_fail (program != NULL, NULL);

  intro = _palier_program_describe_intro (program);
  text = g_string_new (program->name);
  g_string_append (text, "\n\n");
  g_string_append (text, intro);

  for (guint i = 0; i < program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, i);
      g_autofree char *rules = _palier_component_describe (program, component);

      g_string_append (text, "\n\n");
      /* Translators: a component's paragraph: its name, its kind and its
       * rules. */
      g_string_append_printf (text, _("%1$s (%2$s): %3$s"), component->name,
                              _palier_component_kind_label (component->kind), rules);
    }

  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
