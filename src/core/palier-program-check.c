/* palier-program-check.c: semantic rules of a program
 *
 * The XSD checks the shape of a file.  These rules check what it cannot
 * express (uniqueness, order, ranges, combinations of attributes), and
 * they run on the model, so programs built in the designer get the same
 * checks as programs read from XML.  Only the first broken rule is
 * reported.  Its message names the element as it is written in XML and
 * the component that contains it.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-money.h"
#include "palier-program-private.h"
#include "palier-program-xml.h"

/* Same limits as the Identifier and Name types of the XSD. */
#define MAX_ID_LENGTH   64
#define MAX_NAME_LENGTH 200

typedef struct {
  const PalierProgram  *program;
  const char           *display_name;
  GHashTable           *lines;
  GError              **error;
} Checker;

/* Messages =============================================================== */

/* "<tier from="0.5">": an element with the attribute that identifies it. */
static char *
describe (const char *element,
          const char *attribute,
          const char *value)
{
  if (attribute == NULL)
    return g_strdup_printf ("<%s>", element);
  return g_strdup_printf ("<%s %s=\"%s\">", element, attribute, value != NULL ? value : "");
}

static char *
describe_decimal (const char    *element,
                  const char    *attribute,
                  PalierDecimal  value)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  return describe (element, attribute, palier_decimal_format_exact (value, buf));
}

static char *
describe_component (const PalierComponent *component)
{
  return describe (_palier_component_kind_to_element (component->kind), "id", component->id);
}

static char *
location_prefix (const Checker *checker,
                 gconstpointer  site)
{
  int line = 0;

  if (checker->display_name == NULL)
    return g_strdup ("");

  if (checker->lines != NULL && site != NULL)
    line = GPOINTER_TO_INT (g_hash_table_lookup (checker->lines, site));

  if (line > 0)
    return g_strdup_printf ("%s:%d: ", checker->display_name, line);
  return g_strdup_printf ("%s: ", checker->display_name);
}

/* Sets the error for @element, the part of the model at @site, inside
 * @component (NULL for program-level parts), and returns FALSE. */
G_GNUC_PRINTF (5, 6)
static gboolean
fail (const Checker         *checker,
      gconstpointer          site,
      const PalierComponent *component,
      const char            *element,
      const char            *format,
      ...)
{
  g_autofree char *prefix = location_prefix (checker, site);
  g_autofree char *rule = NULL;
  va_list args;

  va_start (args, format);
  rule = g_strdup_vprintf (format, args);
  va_end (args);

  if (component != NULL && site != (gconstpointer) component)
    {
      /* Translators: "plan.xml:14: ", an XML element, the component's
       * element name and id, then the rule that is broken. */
      g_set_error (checker->error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_INVALID,
                   _("%s%s in %s “%s”: %s"),
                   prefix, element, _palier_component_kind_to_element (component->kind),
                   component->id, rule);
    }
  else
    {
      /* Translators: "plan.xml:14: ", an XML element, then the rule. */
      g_set_error (checker->error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_INVALID,
                   _("%s%s: %s"), prefix, element, rule);
    }
  return FALSE;
}

/* Text =================================================================== */

/* Text that XML 1.0 can carry in an attribute and reads back unchanged:
 * valid UTF-8 without control characters. */
static gboolean
text_is_valid (const char *text)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

/* Letters, digits, '_', '.' and '-', not starting with '.' or '-'. */
static gboolean
id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || *id == '\0' || *id == '.' || *id == '-')
    return FALSE;

  len = strlen (id);
  if (len > MAX_ID_LENGTH)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '.' && id[i] != '-')
        return FALSE;
    }
  return TRUE;
}

static gboolean
name_is_valid (const char *name)
{
  return text_is_valid (name) && g_utf8_strlen (name, -1) <= MAX_NAME_LENGTH;
}

static gboolean
check_id_and_name (const Checker         *checker,
                   gconstpointer          site,
                   const PalierComponent *component,
                   const char            *element,
                   const char            *id,
                   const char            *name)
{
  if (!id_is_valid (id))
    return fail (checker, site, component, element,
                 _("invalid id “%s”: use 1 to 64 letters, digits, “_”, “.” or “-”, starting with a letter, digit or “_”"),
                 id != NULL ? id : "");

  if (!name_is_valid (name))
    return fail (checker, site, component, element,
                 _("invalid name “%s”: give a name of 1 to 200 characters without control characters"),
                 name != NULL ? name : "");

  return TRUE;
}

/* Numbers ================================================================ */

static gboolean
check_not_negative (const Checker         *checker,
                    gconstpointer          site,
                    const PalierComponent *component,
                    const char            *element,
                    const char            *attribute,
                    PalierDecimal          value)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  if (value >= 0)
    return TRUE;

  return fail (checker, site, component, element,
               _("“%s” is %s; it must be zero or more"),
               attribute, palier_decimal_format_exact (value, buf));
}

/* A rate is a fraction of the base: 0.05 is 5 %, 1 is 100 %. */
static gboolean
check_rate (const Checker         *checker,
            gconstpointer          site,
            const PalierComponent *component,
            const char            *element,
            PalierDecimal          rate)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  if (!check_not_negative (checker, site, component, element, "rate", rate))
    return FALSE;

  if (rate > PALIER_DECIMAL_ONE)
    return fail (checker, site, component, element,
                 _("rate %s is above 1 (100 %%); rates are fractions of the base, write 0.05 for 5 %%"),
                 palier_decimal_format_exact (rate, buf));

  return TRUE;
}

static gboolean
check_tier_value (const Checker         *checker,
                  gconstpointer          site,
                  const PalierComponent *component,
                  const char            *element,
                  PalierTierKind         kind,
                  PalierDecimal          value)
{
  if (kind == PALIER_TIER_RATE)
    return check_rate (checker, site, component, element, value);
  return check_not_negative (checker, site, component, element, "per-unit", value);
}

/* Program ================================================================ */

static gboolean
check_program_attributes (const Checker *checker)
{
  const PalierProgram *program = checker->program;
  g_autofree char *element = describe ("program", "id", program->id);

  if (!check_id_and_name (checker, program, NULL, element, program->id, program->name))
    return FALSE;

  if (program->currency == NULL || !palier_currency_is_valid (program->currency))
    return fail (checker, program, NULL, element,
                 _("invalid currency “%s”: use a three-letter ISO 4217 code in capitals, such as USD or EUR"),
                 program->currency != NULL ? program->currency : "");

  if ((guint) program->period > PALIER_PERIOD_YEAR)
    return fail (checker, program, NULL, element,
                 _("invalid period; use month, quarter, half or year"));

  if (program->fiscal_year_start < 1 || program->fiscal_year_start > 12)
    return fail (checker, program, NULL, element,
                 _("invalid fiscal-year-start %d; give the month the fiscal year starts in, 1 to 12"),
                 program->fiscal_year_start);

  return TRUE;
}

static gboolean
check_quotas (const Checker *checker)
{
  const PalierProgram *program = checker->program;
  GArray *segment_quotas = program->segment_quotas;

  if (program->has_quota && program->quota <= 0)
    {
      g_autofree char *element = describe_decimal ("quota", "amount", program->quota);

      return fail (checker, &program->quota, NULL, element,
                   _("the quota must be greater than zero"));
    }

  for (guint i = 0; segment_quotas != NULL && i < segment_quotas->len; i++)
    {
      const PalierSegmentQuota *segment_quota = &g_array_index (segment_quotas, PalierSegmentQuota, i);
      g_autofree char *element = describe ("segment", "id", segment_quota->segment);

      if (!text_is_valid (segment_quota->segment))
        return fail (checker, segment_quota, NULL, element,
                     _("the segment id must be a non-empty text without control characters"));

      if (segment_quota->quota <= 0)
        return fail (checker, segment_quota, NULL, element,
                     _("the quota must be greater than zero"));

      for (guint j = 0; j < i; j++)
        {
          const PalierSegmentQuota *other = &g_array_index (segment_quotas, PalierSegmentQuota, j);

          if (g_strcmp0 (other->segment, segment_quota->segment) == 0)
            return fail (checker, segment_quota, NULL, element,
                         _("segment “%s” already has a quota; keep one <segment> per segment"),
                         segment_quota->segment);
        }
    }

  return TRUE;
}

/* Some quota must exist.  A partner whose segment has no quota while the
 * program has no default is reported by the engine at run time. */
static gboolean
program_has_some_quota (const PalierProgram *program)
{
  return program->has_quota
         || (program->segment_quotas != NULL && program->segment_quotas->len > 0);
}

/* Components: common parts =============================================== */

static gboolean
check_component_common (const Checker         *checker,
                        const PalierComponent *component,
                        guint                  index)
{
  const PalierProgram *program = checker->program;
  g_autofree char *element = describe_component (component);

  if (!check_id_and_name (checker, component, component, element, component->id, component->name))
    return FALSE;

  for (guint i = 0; i < index; i++)
    {
      const PalierComponent *other = g_ptr_array_index (program->components, i);

      if (g_strcmp0 (other->id, component->id) == 0)
        return fail (checker, component, component, element,
                     _("id “%s” is already used by another component; component ids must be unique"),
                     component->id);
    }

  if ((guint) component->measure > PALIER_MEASURE_UNITS)
    return fail (checker, component, component, element,
                 _("invalid measure; use revenue, margin or units"));

  if (component->has_period
      && palier_period_kind_months (component->period) < palier_period_kind_months (program->period))
    return fail (checker, component, component, element,
                 _("period “%s” is shorter than the program’s period “%s”; use the program’s period or a longer one"),
                 palier_period_kind_to_string (component->period),
                 palier_period_kind_to_string (program->period));

  return TRUE;
}

static gboolean
check_filter (const Checker         *checker,
              const PalierComponent *component)
{
  const PalierFilter *filter = &component->filter;
  char start[16], end[16];

  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      const GPtrArray *values = filter->values[field];

      for (guint i = 0; values != NULL && i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);

          if (!text_is_valid (value))
            return fail (checker, value, component, "<filter>",
                         _("a value of “%s” is empty or has control characters; give the value as it appears in the sales data"),
                         palier_filter_field_to_string (field));
        }
    }

  if (filter->start != PALIER_DATE_NONE && !palier_date_is_valid (filter->start))
    return fail (checker, filter, component, "<filter>", _("invalid start date"));

  if (filter->end != PALIER_DATE_NONE && !palier_date_is_valid (filter->end))
    return fail (checker, filter, component, "<filter>", _("invalid end date"));

  if (filter->start != PALIER_DATE_NONE && filter->end != PALIER_DATE_NONE
      && filter->start > filter->end)
    return fail (checker, filter, component, "<filter>",
                 _("start %s is after end %s; both dates are inclusive"),
                 palier_date_format_iso (filter->start, start),
                 palier_date_format_iso (filter->end, end));

  return TRUE;
}

static gboolean
check_attainment_quota (const Checker         *checker,
                        gconstpointer          site,
                        const PalierComponent *component,
                        const char            *element,
                        PalierBasis            basis)
{
  if ((guint) basis > PALIER_BASIS_ATTAINMENT)
    return fail (checker, site, component, element,
                 _("invalid basis; use amount or attainment"));

  if (basis == PALIER_BASIS_ATTAINMENT && !program_has_some_quota (checker->program))
    return fail (checker, site, component, element,
                 _("basis “attainment” needs a quota; add <quota amount=\"…\"/> or <segment id=\"…\" quota=\"…\"/> to the program"));

  return TRUE;
}

/* Overrides must name distinct segments; their values follow the rules
 * of the value they replace. */
static gboolean
check_overrides (const Checker         *checker,
                 const PalierComponent *component,
                 const GArray          *overrides,
                 const char            *parent,
                 gboolean               is_tier,
                 PalierTierKind         kind)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);
      g_autofree char *element = describe ("override", "segment", override->segment);

      if (!text_is_valid (override->segment))
        return fail (checker, override, component, element,
                     _("the segment must be a non-empty text without control characters"));

      for (guint j = 0; j < i; j++)
        {
          const PalierOverride *other = &g_array_index (overrides, PalierOverride, j);

          if (g_strcmp0 (other->segment, override->segment) == 0)
            return fail (checker, override, component, element,
                         _("segment “%s” already has an override in %s; keep one override per segment"),
                         override->segment, parent);
        }

      if (is_tier && !check_tier_value (checker, override, component, element, kind, override->value))
        return FALSE;
      if (!is_tier && !check_not_negative (checker, override, component, element, "amount", override->value))
        return FALSE;
    }
  return TRUE;
}

/* Commission ============================================================= */

/* Rates are fractions of money, per-unit amounts are paid per unit
 * counted: the tier kind follows the measure. */
static gboolean
check_tier_kind (const Checker         *checker,
                 const PalierComponent *component,
                 const PalierTier      *tier,
                 const char            *element)
{
  if ((guint) tier->kind > PALIER_TIER_PER_UNIT)
    return fail (checker, tier, component, element, _("invalid tier kind"));

  if (tier->kind == PALIER_TIER_PER_UNIT && component->measure != PALIER_MEASURE_UNITS)
    return fail (checker, tier, component, element,
                 _("per-unit tiers need measure=\"units\"; with measure=\"%s\" give a rate"),
                 palier_measure_to_string (component->measure));

  if (tier->kind == PALIER_TIER_RATE && component->measure == PALIER_MEASURE_UNITS)
    return fail (checker, tier, component, element,
                 _("with measure=\"units\" a tier pays per-unit, not a rate; write per-unit=\"…\""));

  if (tier->kind != PALIER_TIER_RATE && component->method == PALIER_METHOD_INTERPOLATED)
    return fail (checker, tier, component, element,
                 _("method=\"interpolated\" interpolates rates; give each tier a rate"));

  return TRUE;
}

static gboolean
check_tiers (const Checker         *checker,
             const PalierComponent *component)
{
  const GArray *tiers = component->tiers;

  if (tiers == NULL || tiers->len == 0)
    {
      g_autofree char *element = describe_component (component);

      return fail (checker, component, component, element,
                   _("a commission needs at least one <tier>, the first from 0"));
    }

  for (guint i = 0; i < tiers->len; i++)
    {
      const PalierTier *tier = &g_array_index (tiers, PalierTier, i);
      g_autofree char *element = describe_decimal ("tier", "from", tier->from);

      if (i == 0 && tier->from != 0)
        return fail (checker, tier, component, element,
                     _("the first tier must start at 0"));

      if (i > 0 && tier->from <= g_array_index (tiers, PalierTier, i - 1).from)
        return fail (checker, tier, component, element,
                     _("tiers must be in ascending order of “from”"));

      if (!check_tier_kind (checker, component, tier, element)
          || !check_tier_value (checker, tier, component, element, tier->kind, tier->value)
          || !check_overrides (checker, component, tier->overrides, element, TRUE, tier->kind))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_commission (const Checker         *checker,
                  const PalierComponent *component)
{
  g_autofree char *element = describe_component (component);

  if ((guint) component->method > PALIER_METHOD_INTERPOLATED)
    return fail (checker, component, component, element,
                 _("invalid method; use marginal, retroactive or interpolated"));

  if ((guint) component->negative > PALIER_NEGATIVE_CARRY_FORWARD)
    return fail (checker, component, component, element,
                 _("invalid negative policy; use zero, clawback or carry-forward"));

  if (!check_attainment_quota (checker, component, component, element, component->basis)
      || !check_tiers (checker, component))
    return FALSE;

  if (component->has_gate)
    {
      g_autofree char *gate = describe_decimal ("gate", "min", component->gate);

      if (!check_not_negative (checker, &component->gate, component, gate, "min", component->gate))
        return FALSE;
    }

  if (component->has_cap)
    {
      g_autofree char *cap = describe_decimal ("cap", "max", component->cap);

      if (!check_not_negative (checker, &component->cap, component, cap, "max", component->cap))
        return FALSE;
    }

  return TRUE;
}

/* Bonus ================================================================== */

static gboolean
check_bonus (const Checker         *checker,
             const PalierComponent *component)
{
  const GArray *levels = component->levels;
  g_autofree char *element = describe_component (component);

  if (!check_attainment_quota (checker, component, component, element, component->basis))
    return FALSE;

  if (levels == NULL || levels->len == 0)
    return fail (checker, component, component, element,
                 _("a bonus needs at least one <level>"));

  for (guint i = 0; i < levels->len; i++)
    {
      const PalierLevel *level = &g_array_index (levels, PalierLevel, i);
      g_autofree char *level_element = describe_decimal ("level", "min", level->min);

      if (!check_not_negative (checker, level, component, level_element, "min", level->min))
        return FALSE;

      if (i > 0 && level->min <= g_array_index (levels, PalierLevel, i - 1).min)
        return fail (checker, level, component, level_element,
                     _("levels must be in ascending order of “min”"));

      if (!check_not_negative (checker, level, component, level_element, "amount", level->amount)
          || !check_overrides (checker, component, level->overrides, level_element, FALSE, PALIER_TIER_RATE))
        return FALSE;
    }
  return TRUE;
}

/* Deal bonus ============================================================= */

static gboolean
check_deal_bonus (const Checker         *checker,
                  const PalierComponent *component)
{
  g_autofree char *element = describe_component (component);

  if (!check_not_negative (checker, component, component, element, "min", component->deal_min)
      || !check_not_negative (checker, component, component, element, "amount", component->deal_amount))
    return FALSE;

  if (component->has_deal_rate
      && !check_rate (checker, component, component, element, component->deal_rate))
    return FALSE;

  return TRUE;
}

/* Reward ================================================================= */

static gboolean
check_reward (const Checker         *checker,
              const PalierComponent *component)
{
  g_autofree char *element = describe_component (component);

  if ((guint) component->reward_kind > PALIER_REWARD_OTHER)
    return fail (checker, component, component, element,
                 _("invalid kind; use trip, recognition, training or other"));

  if (!check_not_negative (checker, component, component, element, "unit-cost", component->unit_cost))
    return FALSE;

  switch (component->reward_rule)
    {
    case PALIER_REWARD_RULE_TOP:
      if (component->top_count == 0)
        return fail (checker, component, component, element,
                     _("a reward needs <top count=\"N\"/> with N at least 1, or a <threshold>"));
      return TRUE;

    case PALIER_REWARD_RULE_THRESHOLD:
      {
        g_autofree char *threshold = describe_decimal ("threshold", "min", component->threshold_min);

        return check_not_negative (checker, &component->threshold_min, component, threshold,
                                   "min", component->threshold_min)
               && check_attainment_quota (checker, &component->threshold_min, component,
                                          threshold, component->threshold_basis);
      }

    default:
      return fail (checker, component, component, element,
                   _("a reward needs a <top> or a <threshold> rule"));
    }
}

/* Entry points =========================================================== */

static gboolean
check_component (const Checker         *checker,
                 const PalierComponent *component,
                 guint                  index)
{
  if (!check_component_common (checker, component, index)
      || !check_filter (checker, component))
    return FALSE;

  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      return check_commission (checker, component);
    case PALIER_COMPONENT_BONUS:
      return check_bonus (checker, component);
    case PALIER_COMPONENT_DEAL_BONUS:
      return check_deal_bonus (checker, component);
    case PALIER_COMPONENT_REWARD:
      return check_reward (checker, component);
    default:
      return fail (checker, component, NULL, "<component>",
                   _("unknown component kind %d"), (int) component->kind);
    }
}

gboolean
_palier_program_check_located (const PalierProgram  *program,
                               const char           *display_name,
                               GHashTable           *lines,
                               GError              **error)
{
  Checker checker = { program, display_name, lines, error };

  if (!check_program_attributes (&checker) || !check_quotas (&checker))
    return FALSE;

  for (guint i = 0; i < program->components->len; i++)
    {
      if (!check_component (&checker, g_ptr_array_index (program->components, i), i))
        return FALSE;
    }
  return TRUE;
}

gboolean
palier_program_check (const PalierProgram  *program,
                      GError              **error)
{
  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _palier_program_check_located (program, NULL, NULL, error);
}
