/* palier-statement-text.c: a statement's lines as people read them, and
 * as text or JSON
 *
 * The rows are shared by the text output and the PDF.  Amounts on a row
 * are rounded to the currency's minor unit where printed.  Each
 * component's payout is the exact sum of its lines rounded once, so the
 * rounded lines may differ from it by a cent.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-health-private.h"
#include "palier-money.h"
#include "palier-report-private.h"

static void
row_free (gpointer data)
{
  PalierStatementRow *row = data;

  g_free (row->label);
  g_free (row->amount);
  g_free (row);
}

/* Takes @label and @amount. */
static void
add_row (GPtrArray              *rows,
         PalierStatementRowKind  kind,
         char                   *label,
         char                   *amount)
{
  PalierStatementRow *row = g_new0 (PalierStatementRow, 1);

  row->kind = kind;
  row->label = label;
  row->amount = amount;
  g_ptr_array_add (rows, row);
}

/* Number forms */

/* Decimals needed to show @value exactly, from @min_decimals up to 6. */
static int
exact_decimals (PalierDecimal value,
                int           min_decimals)
{
  int decimals = PALIER_DECIMAL_DIGITS;
  PalierDecimal rest = value < 0 ? -value : value;

  while (decimals > min_decimals && rest % 10 == 0)
    {
      rest /= 10;
      decimals--;
    }
  return decimals;
}

/* An amount in the measure: a base, quota or boundary.  Money is a plain
 * number in the currency named in the header.  It has at least the
 * currency's decimals and every further one the engine computes with,
 * because a base rounded to cents times its rate can miss the line's
 * amount by a cent.  Units are a plain number with their own decimals. */
static char *
format_measure (const PalierStatement *statement,
                const PalierComponent *component,
                PalierDecimal          value)
{
  int minor = palier_currency_minor_digits (statement->program->currency);

  if (component->measure == PALIER_MEASURE_UNITS)
    return palier_format_number (value, exact_decimals (value, 0));
  return palier_format_number (value, exact_decimals (value, minor));
}

static char *
format_money (const PalierStatement *statement,
              PalierDecimal          value)
{
  return palier_format_money (value, statement->program->currency);
}

static char *
format_exact_amount (const PalierStatement *statement,
                     PalierWide             amount18)
{
  PalierDecimal rounded = 0;

  palier_wide_round (amount18, 3 * PALIER_DECIMAL_DIGITS,
                     palier_currency_minor_digits (statement->program->currency), &rounded);
  return format_money (statement, rounded);
}

static char *
format_rate (PalierDecimal rate)
{
  /* A rate has 6 decimals, so its percentage has at most 4. */
  return palier_format_percent (rate, MAX (exact_decimals (rate, 2) - 2, 0));
}

/* A tier's value: a rate, or an amount per unit. */
static char *
format_tier_value (const PalierStatement *statement,
                   const PalierComponent *component,
                   guint                  index,
                   PalierDecimal          value)
{
  g_autofree char *number = NULL;
  g_autofree char *money = NULL;

  if (component->tiers == NULL || index >= component->tiers->len ||
      g_array_index (component->tiers, PalierTier, index).kind == PALIER_TIER_RATE)
    return format_rate (value);

  number = palier_format_number (value, exact_decimals (value, 2));
  money = g_strdup_printf ("%s %s", number, palier_currency_symbol (statement->program->currency));
  /* TRANSLATORS: an amount paid per unit sold, such as "2.50 € per unit". */
  return g_strdup_printf (_("%s per unit"), money);
}

static char *
format_date (PalierDate date)
{
  char buf[16];

  return g_strdup (palier_date_format_iso (date, buf));
}

/* Rows of one line */

static void
add_step_row (GPtrArray                 *rows,
              const PalierStatement     *statement,
              const PalierStatementLine *line,
              const PalierPayoutStep    *step)
{
  const PalierComponent *component = line->component;
  g_autofree char *from = format_measure (statement, component, step->from);
  g_autofree char *to = format_measure (statement, component, step->to);
  g_autofree char *value = NULL;

  switch (step->kind)
    {
    case PALIER_STEP_TIER:
      value = format_tier_value (statement, component, step->index, step->value);
      if (component->method == PALIER_METHOD_MARGINAL)
        /* TRANSLATORS: one slice of a marginal commission: tier number,
         * the slice's start and end, and its rate. */
        add_row (rows, PALIER_STATEMENT_ROW_LINE,
                 g_strdup_printf (_("Tier %u: %s – %s × %s"), step->index + 1, from, to, value),
                 format_exact_amount (statement, step->amount));
      else
        /* TRANSLATORS: a retroactive or interpolated commission: the
         * whole base at the rate of the tier reached. */
        add_row (rows, PALIER_STATEMENT_ROW_LINE,
                 g_strdup_printf (_("Tier %u: whole base %s × %s"), step->index + 1, to, value),
                 format_exact_amount (statement, step->amount));
      break;

    case PALIER_STEP_GATE:
      add_row (rows, PALIER_STATEMENT_ROW_LINE,
               g_strdup_printf (_("Gate %s not reached by the base %s: nothing is paid"), from, to),
               format_money (statement, 0));
      break;

    case PALIER_STEP_CAP:
      value = format_money (statement, step->value);
      add_row (rows, PALIER_STATEMENT_ROW_LINE,
               g_strdup_printf (_("Cap: the payout is limited to %s"), value),
               format_money (statement, step->value));
      break;

    case PALIER_STEP_LEVEL:
      add_row (rows, PALIER_STATEMENT_ROW_LINE,
               g_strdup_printf (_("Level %u reached (from %s)"), step->index + 1, from),
               format_money (statement, step->value));
      break;

    case PALIER_STEP_NEGATIVE:
    default:
      value = format_tier_value (statement, component, 0, step->value);
      if (step->value != 0)
        add_row (rows, PALIER_STATEMENT_ROW_LINE,
                 g_strdup_printf (_("Negative base %s × %s, taken back"), from, value),
                 format_exact_amount (statement, step->amount));
      else
        add_row (rows, PALIER_STATEMENT_ROW_LINE,
                 g_strdup (_("A base of zero or below pays nothing")),
                 format_money (statement, 0));
      break;
    }
}

static void
add_deal_rows (GPtrArray                 *rows,
               const PalierStatement     *statement,
               const PalierStatementLine *line)
{
  const PalierComponent *component = line->component;
  g_autofree char *minimum = format_measure (statement, component, component->deal_min);
  guint n_paid = 0;

  for (guint d = 0; d < line->deals->len; d++)
    {
      const PalierStatementDeal *deal = &g_array_index (line->deals, PalierStatementDeal, d);
      g_autofree char *date = format_date (deal->date);
      g_autofree char *value = format_measure (statement, component, deal->value);

      if (deal->value >= component->deal_min)
        {
          n_paid++;
          add_row (rows, PALIER_STATEMENT_ROW_LINE,
                   g_strdup_printf (_("Deal of %s worth %s"), date, value),
                   format_money (statement, deal->payout));
        }
      else
        add_row (rows, PALIER_STATEMENT_ROW_LINE,
                 g_strdup_printf (_("Deal of %s worth %s, below the minimum %s"), date, value, minimum),
                 format_money (statement, 0));
    }

  add_row (rows, PALIER_STATEMENT_ROW_LINE,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u deal pays", "%u of %u deals pay",
                                         line->deals->len),
                            n_paid, line->deals->len),
           NULL);
}

static void
add_reward_rows (GPtrArray                 *rows,
                 const PalierStatement     *statement,
                 const PalierStatementLine *line)
{
  const PalierComponent *component = line->component;
  g_autofree char *minimum = NULL;
  char *label;

  if (component->reward_rule == PALIER_REWARD_RULE_TOP)
    {
      if (line->rank > 0)
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Rank %u by base; the top %u partner qualifies",
                                              "Rank %u by base; the top %u partners qualify",
                                              component->top_count),
                                 line->rank, component->top_count);
      else
        label = g_strdup (_("No positive base, so no rank"));
    }
  else
    {
      if (component->threshold_basis == PALIER_BASIS_ATTAINMENT)
        minimum = format_rate (component->threshold_min);
      else
        minimum = format_measure (statement, component, component->threshold_min);
      label = g_strdup_printf (line->qualified ? _("Threshold %s reached") : _("Threshold %s not reached"),
                               minimum);
    }
  add_row (rows, PALIER_STATEMENT_ROW_LINE, label, NULL);

  add_row (rows, PALIER_STATEMENT_ROW_TOTAL,
           g_strdup (line->qualified ? _("Qualifies: non-cash cost") : _("Does not qualify")),
           format_money (statement, line->non_cash));
}

static const char *
measure_name (PalierMeasure measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_MARGIN:
      return _("margin");
    case PALIER_MEASURE_UNITS:
      return _("units");
    case PALIER_MEASURE_REVENUE:
    default:
      return _("revenue");
    }
}

static char *
line_heading (const PalierStatement     *statement,
              const PalierStatementLine *line)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (g_strcmp0 (line->period, statement->period) == 0)
    return g_strdup (line->component->name);

  first = format_date (line->first);
  last = format_date (line->last);
  /* TRANSLATORS: a component paid over a longer period than the
   * statement's: its name, the period's label, first and last day. */
  return g_strdup_printf (_("%s, period %s (%s to %s)"), line->component->name, line->period,
                          first, last);
}

static void
add_line_rows (GPtrArray                 *rows,
               const PalierStatement     *statement,
               const PalierStatementLine *line)
{
  const PalierComponent *component = line->component;

  add_row (rows, PALIER_STATEMENT_ROW_HEADING, line_heading (statement, line), NULL);

  if (component->kind != PALIER_COMPONENT_DEAL_BONUS)
    {
      add_row (rows, PALIER_STATEMENT_ROW_LINE,
               g_strdup_printf (_("Base (%s)"), measure_name (component->measure)),
               format_measure (statement, component, line->input.base));
      if (line->carried_in != 0)
        add_row (rows, PALIER_STATEMENT_ROW_LINE,
                 g_strdup (_("Of which deficit carried from earlier periods")),
                 format_measure (statement, component, line->carried_in));
    }

  if (_palier_health_uses_quota (component) && line->input.has_quota)
    {
      add_row (rows, PALIER_STATEMENT_ROW_LINE, g_strdup (_("Quota")),
               format_measure (statement, component, line->input.quota));
      add_row (rows, PALIER_STATEMENT_ROW_LINE, g_strdup (_("Attainment")),
               palier_format_percent (line->attainment, 2));
    }

  if (component->kind == PALIER_COMPONENT_DEAL_BONUS)
    add_deal_rows (rows, statement, line);
  else if (component->kind == PALIER_COMPONENT_REWARD)
    {
      add_reward_rows (rows, statement, line);
      return;
    }
  else if (line->steps->len == 0)
    add_row (rows, PALIER_STATEMENT_ROW_LINE,
             g_strdup (component->kind == PALIER_COMPONENT_BONUS ? _("No level reached")
                                                                  : _("No tier reached")),
             format_money (statement, 0));
  else
    for (guint s = 0; s < line->steps->len; s++)
      add_step_row (rows, statement, line, &g_array_index (line->steps, PalierPayoutStep, s));

  add_row (rows, PALIER_STATEMENT_ROW_TOTAL, g_strdup (_("Component payout")),
           format_money (statement, line->payout));
}

GPtrArray *
_palier_statement_build_rows (const PalierStatement *statement)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; i < statement->lines->len; i++)
    add_line_rows (rows, statement, g_ptr_array_index (statement->lines, i));

  if (statement->lines->len == 0)
    add_row (rows, PALIER_STATEMENT_ROW_LINE,
             g_strdup (_("No component pays in this period")), NULL);

  add_row (rows, PALIER_STATEMENT_ROW_HEADING, g_strdup (_("Totals")), NULL);
  add_row (rows, PALIER_STATEMENT_ROW_LINE, g_strdup (_("Sales in the period")),
           palier_format_number (statement->sales,
                                 exact_decimals (statement->sales,
                                                 palier_currency_minor_digits (statement->program->currency))));
  if (statement->non_cash != 0)
    add_row (rows, PALIER_STATEMENT_ROW_LINE, g_strdup (_("Non-cash rewards")),
             format_money (statement, statement->non_cash));
  add_row (rows, PALIER_STATEMENT_ROW_TOTAL, g_strdup (_("Total payout")),
           format_money (statement, statement->payout));
  return rows;
}

char *
_palier_statement_note (const PalierStatement *statement)
{
  /* TRANSLATORS: the footer of a partner statement.  %s is the
   * currency code, such as EUR. */
  return g_strdup_printf (_("Bases, quotas and boundaries are amounts in %s shown with every decimal "
                            "the computation uses, so each line can be recomputed by hand. Each "
                            "component’s payout is computed exactly and rounded once to the "
                            "currency’s minor unit, half away from zero. The amounts on the lines "
                            "are shown rounded, so their sum may differ from the payout by a minor "
                            "unit."),
                          statement->program->currency);
}

GPtrArray *
_palier_statement_scenario_lines (const PalierStatement *statement)
{
  const PalierScenario *scenario = statement->scenario;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) assumptions = NULL;

  if (scenario == NULL)
    return lines;

  if (scenario->name == NULL || g_strcmp0 (scenario->name, scenario->id) == 0)
    g_ptr_array_add (lines, g_strdup_printf (_("Scenario: %s"), scenario->id));
  else
    /* TRANSLATORS: scenario name and id on a statement. */
    g_ptr_array_add (lines, g_strdup_printf (_("Scenario: %s (%s)"), scenario->name, scenario->id));

  if (scenario->assumptions == NULL)
    {
      g_ptr_array_add (lines, g_strdup (_("No growth, nobody left out or added.")));
      return lines;
    }

  assumptions = _palier_assumptions_describe (scenario->assumptions);
  for (guint i = 0; i < assumptions->len; i++)
    g_ptr_array_add (lines, g_strdup (g_ptr_array_index (assumptions, i)));
  return lines;
}

/* Text */

static void
write_text (const PalierStatement *statement,
            GString               *out)
{
  g_autoptr(GPtrArray) rows = _palier_statement_build_rows (statement);
  g_autofree char *first = format_date (statement->first);
  g_autofree char *last = format_date (statement->last);
  g_autofree char *note = _palier_statement_note (statement);
  g_autoptr(GPtrArray) scenario_lines = _palier_statement_scenario_lines (statement);

  g_string_append_printf (out, "%s\n", statement->program->name);
  /* A partner without a name from a partners file is named by its code,
   * which then is not repeated. */
  if (g_strcmp0 (statement->name, statement->partner) == 0)
    g_string_append_printf (out, _("Partner: %s\n"), statement->partner);
  else
    g_string_append_printf (out, _("Partner: %s (%s)\n"), statement->name, statement->partner);
  g_string_append_printf (out, _("Period: %s, %s to %s\n"), statement->period, first, last);
  g_string_append_printf (out, _("Currency: %s\n"), statement->program->currency);
  for (guint i = 0; i < scenario_lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (scenario_lines, i));

  for (guint r = 0; r < rows->len; r++)
    {
      const PalierStatementRow *row = g_ptr_array_index (rows, r);

      if (row->kind == PALIER_STATEMENT_ROW_HEADING)
        g_string_append_printf (out, "\n%s\n", row->label);
      else if (row->amount != NULL)
        g_string_append_printf (out, "  %s: %s\n", row->label, row->amount);
      else
        g_string_append_printf (out, "  %s\n", row->label);
    }

  g_string_append_printf (out, "\n%s\n", note);
}

/* JSON, exact decimals, never the locale */

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_decimal (GString       *out,
                     const char    *name,
                     PalierDecimal  value)
{
  char text[PALIER_DECIMAL_BUFSIZE];

  g_string_append_printf (out, "\"%s\": %s", name, palier_decimal_format_exact (value, text));
}

static void
append_json_money (GString       *out,
                   const char    *name,
                   PalierDecimal  value,
                   int            minor_digits)
{
  char text[PALIER_DECIMAL_BUFSIZE];

  g_string_append_printf (out, "\"%s\": %s", name, palier_decimal_format (value, minor_digits, text));
}

static void
append_json_date (GString    *out,
                  const char *name,
                  PalierDate  date)
{
  char text[16];

  g_string_append_printf (out, "\"%s\": \"%s\"", name, palier_date_format_iso (date, text));
}

static const char *
step_kind_name (PalierPayoutStepKind kind)
{
  switch (kind)
    {
    case PALIER_STEP_TIER:
      return "tier";
    case PALIER_STEP_GATE:
      return "gate";
    case PALIER_STEP_CAP:
      return "cap";
    case PALIER_STEP_LEVEL:
      return "level";
    case PALIER_STEP_NEGATIVE:
    default:
      return "negative";
    }
}

static void
append_json_steps (GString                   *out,
                   const PalierStatementLine *line)
{
  g_string_append (out, ", \"steps\": [");
  for (guint s = 0; s < line->steps->len; s++)
    {
      const PalierPayoutStep *step = &g_array_index (line->steps, PalierPayoutStep, s);
      PalierDecimal amount = 0;

      palier_wide_round (step->amount, 3 * PALIER_DECIMAL_DIGITS, PALIER_DECIMAL_DIGITS, &amount);
      g_string_append_printf (out, "%s{\"kind\": \"%s\", \"index\": %u, ", s > 0 ? ", " : "",
                              step_kind_name (step->kind), step->index);
      append_json_decimal (out, "from", step->from);
      g_string_append (out, ", ");
      append_json_decimal (out, "to", step->to);
      g_string_append (out, ", ");
      append_json_decimal (out, "value", step->value);
      g_string_append (out, ", ");
      append_json_decimal (out, "amount", amount);
      g_string_append (out, "}");
    }
  g_string_append (out, "]");
}

static void
append_json_deals (GString                   *out,
                   const PalierStatementLine *line)
{
  g_string_append (out, ", \"deals\": [");
  for (guint d = 0; d < line->deals->len; d++)
    {
      const PalierStatementDeal *deal = &g_array_index (line->deals, PalierStatementDeal, d);

      g_string_append (out, d > 0 ? ", {" : "{");
      append_json_date (out, "date", deal->date);
      g_string_append (out, ", ");
      append_json_decimal (out, "value", deal->value);
      g_string_append (out, ", ");
      append_json_decimal (out, "payout", deal->payout);
      g_string_append (out, "}");
    }
  g_string_append (out, "]");
}

static void
append_json_line (GString                   *out,
                  const PalierStatementLine *line,
                  int                        minor_digits)
{
  g_string_append (out, "    {\"component\": ");
  append_json_string (out, line->component->id);
  g_string_append (out, ", \"period\": ");
  append_json_string (out, line->period);
  g_string_append (out, ", ");
  append_json_date (out, "first", line->first);
  g_string_append (out, ", ");
  append_json_date (out, "last", line->last);
  g_string_append (out, ", ");
  append_json_decimal (out, "base", line->input.base);
  g_string_append (out, ", ");
  append_json_decimal (out, "carried_in", line->carried_in);
  if (_palier_health_uses_quota (line->component) && line->input.has_quota)
    {
      g_string_append (out, ", ");
      append_json_decimal (out, "quota", line->input.quota);
      g_string_append (out, ", ");
      append_json_decimal (out, "attainment", line->attainment);
    }
  if (line->component->kind == PALIER_COMPONENT_REWARD)
    g_string_append_printf (out, ", \"qualified\": %s, \"rank\": %u",
                            line->qualified ? "true" : "false", line->rank);
  append_json_steps (out, line);
  if (line->deals != NULL)
    append_json_deals (out, line);
  g_string_append (out, ", ");
  append_json_money (out, "payout", line->payout, minor_digits);
  g_string_append (out, ", ");
  append_json_money (out, "non_cash", line->non_cash, minor_digits);
  g_string_append (out, "}");
}

/* The scenario as its id, name and canonical assumptions, which
 * palier_assumptions_parse() reads back; null without one. */
static void
append_json_scenario (GString              *out,
                      const PalierScenario *scenario)
{
  g_autofree char *assumptions = NULL;

  g_string_append (out, ",\n  \"scenario\": ");
  if (scenario == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  if (scenario->assumptions != NULL)
    assumptions = palier_assumptions_to_string (scenario->assumptions);

  g_string_append (out, "{ \"id\": ");
  append_json_string (out, scenario->id);
  g_string_append (out, ", \"name\": ");
  append_json_string (out, scenario->name);
  g_string_append (out, ", \"assumptions\": ");
  append_json_string (out, assumptions != NULL ? assumptions : "");
  g_string_append (out, " }");
}

static void
write_json (const PalierStatement *statement,
            GString               *out)
{
  int minor_digits = palier_currency_minor_digits (statement->program->currency);

  g_string_append (out, "{\n  \"program\": ");
  append_json_string (out, statement->program->id);
  g_string_append (out, ",\n  \"currency\": ");
  append_json_string (out, statement->program->currency);
  append_json_scenario (out, statement->scenario);
  g_string_append (out, ",\n  \"partner\": ");
  append_json_string (out, statement->partner);
  g_string_append (out, ",\n  \"name\": ");
  append_json_string (out, statement->name);
  g_string_append (out, ",\n  \"segment\": ");
  append_json_string (out, statement->segment);
  g_string_append (out, ",\n  \"period\": ");
  append_json_string (out, statement->period);
  g_string_append (out, ",\n  ");
  append_json_date (out, "first", statement->first);
  g_string_append (out, ",\n  ");
  append_json_date (out, "last", statement->last);
  g_string_append (out, ",\n  ");
  append_json_money (out, "sales", statement->sales, minor_digits);
  g_string_append (out, ",\n  ");
  append_json_money (out, "payout", statement->payout, minor_digits);
  g_string_append (out, ",\n  ");
  append_json_money (out, "non_cash", statement->non_cash, minor_digits);
  g_string_append (out, ",\n  \"lines\": [\n");

  for (guint i = 0; i < statement->lines->len; i++)
    {
      append_json_line (out, g_ptr_array_index (statement->lines, i), minor_digits);
      g_string_append (out, i + 1 < statement->lines->len ? ",\n" : "\n");
    }
  g_string_append (out, "  ]\n}\n");
}

void
palier_statement_write (const PalierStatement *statement,
                        PalierOutputFormat     format,
                        GString               *out)
{
  g_return_if_fail (statement != NULL);
  g_return_if_fail (out != NULL);

  if (format == PALIER_OUTPUT_JSON)
    write_json (statement, out);
  else
    write_text (statement, out);
}
