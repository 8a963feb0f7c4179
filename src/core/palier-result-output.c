/* palier-result-output.c: simulation results as a table, CSV or JSON
 *
 * The table is for people: aligned columns, numbers in the current
 * locale.  CSV and JSON are for files and never use the locale.  Their
 * amounts have exactly the currency's decimals, with '.' as the mark, and
 * are rounded half away from zero once, when printed.  Their ratios
 * (attainment, cost of sales) have six decimals.
 *
 * CSV layout of a result, RFC 4180 (CRLF line ends, fields quoted when
 * they contain a comma, a quote or a line break): one row per partner and
 * program period, with the columns
 *
 *   partner, segment, period, sales, quota, attainment, payout,
 *   [non_cash,] payout:<component id>, ... (one per component, program order)
 *
 * quota and attainment are empty when the partner has no quota.  The
 * non_cash column, and the non-cash fields of JSON (totals.non_cash,
 * totals.cost, each partner's non_cash and rewards), are written only for
 * a program with a reward component.  A
 * comparison has one row per partner: partner, segment, baseline,
 * proposal, difference.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-simulate.h"
#include "palier-money.h"

#define RATIO_DECIMALS 6
#define PERCENT_DECIMALS 2

gboolean
palier_output_format_from_string (const char         *text,
                                  PalierOutputFormat *out)
{
  static const char *const names[] = { "table", "csv", "json" };

  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *out = (PalierOutputFormat) i;
        return TRUE;
      }
  return FALSE;
}

static const PalierComponent *
component_at (const PalierResult *result,
              guint               c)
{
  return g_ptr_array_index (result->program->components, c);
}

/* Exact text of a number for files. */
static void
append_decimal (GString       *out,
                PalierDecimal  value,
                int            decimals)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  g_string_append (out, palier_decimal_format (value, decimals, buf));
}

static void
append_date (GString    *out,
             PalierDate  date)
{
  char buf[16];

  g_string_append (out, palier_date_format_iso (date, buf));
}

/* Table */

/* Columns a terminal gives @text: two for wide East Asian characters,
 * none for combining marks. */
static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

typedef struct {
  guint       n_columns;
  gboolean   *right_aligned;
  GPtrArray  *cells;            /* char *, row after row */
} Table;

static Table *
table_new (guint n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->right_aligned = g_new0 (gboolean, n_columns);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  return table;
}

static void
table_free (Table *table)
{
  g_free (table->right_aligned);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Adds a cell, taking ownership of @text. */
static void
table_take (Table *table,
            char  *text)
{
  g_ptr_array_add (table->cells, text != NULL ? text : g_strdup (""));
}

static void
table_add (Table      *table,
           const char *text)
{
  table_take (table, g_strdup (text));
}

static void
append_padding (GString *out,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* Writes the table with its first row as the header, underlined. */
static void
table_write (const Table *table,
             GString     *out)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);
  guint n_rows = table->cells->len / table->n_columns;

  for (guint i = 0; i < table->cells->len; i++)
    widths[i % table->n_columns] = MAX (widths[i % table->n_columns],
                                        display_width (g_ptr_array_index (table->cells, i)));

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint col = 0; col < table->n_columns; col++)
        {
          const char *text = g_ptr_array_index (table->cells, row * table->n_columns + col);
          gsize padding = widths[col] - display_width (text);
          gboolean last = col + 1 == table->n_columns;

          if (col > 0)
            g_string_append (out, "  ");
          if (table->right_aligned[col])
            append_padding (out, padding);
          g_string_append (out, text);
          if (!table->right_aligned[col] && !last)
            append_padding (out, padding);
        }
      g_string_append_c (out, '\n');

      if (row == 0)
        {
          for (guint col = 0; col < table->n_columns; col++)
            {
              if (col > 0)
                g_string_append (out, "  ");
              for (gsize i = 0; i < widths[col]; i++)
                g_string_append_c (out, '-');
            }
          g_string_append_c (out, '\n');
        }
    }
}

static char *
format_range (PalierDate from,
              PalierDate to)
{
  char first[16], last[16];

  if (from == PALIER_DATE_NONE || to == PALIER_DATE_NONE)
    return g_strdup (_("no sales"));

  /* TRANSLATORS: a range of dates, "2017-01-01 to 2017-12-31". */
  return g_strdup_printf (_("%s to %s"),
                          palier_date_format_iso (from, first),
                          palier_date_format_iso (to, last));
}

static const char *
describe_period (PalierPeriodKind period)
{
  switch (period)
    {
    case PALIER_PERIOD_MONTH:
      return _("paid monthly");
    case PALIER_PERIOD_QUARTER:
      return _("paid quarterly");
    case PALIER_PERIOD_HALF:
      return _("paid half-yearly");
    case PALIER_PERIOD_YEAR:
      return _("paid yearly");
    default:
      g_assert_not_reached ();
    }
}

static void
write_result_heading (const PalierResult *result,
                      GString            *out)
{
  const PalierProgram *program = result->program;
  g_autofree char *range = format_range (result->from, result->to);
  g_autofree char *sales = palier_format_money (result->total_sales, program->currency);
  g_autofree char *payout = palier_format_money (result->total_payout, program->currency);
  g_autofree char *cost = palier_format_percent (result->cost_of_sales, PERCENT_DECIMALS);
  g_autoptr(Table) table = table_new (result->has_rewards ? 5 : 3);

  g_string_append_printf (out, _("Program: %s (%s)\n"), program->name, program->id);
  g_string_append_printf (out, _("Range: %s, %s\n\n"),
                          range, describe_period (program->period));

  for (guint col = 0; col < table->n_columns; col++)
    table->right_aligned[col] = TRUE;
  table_add (table, _("Sales"));
  table_add (table, _("Payout"));
  if (result->has_rewards)
    {
      table_add (table, _("Non-cash"));
      table_add (table, _("Cost"));
    }
  table_add (table, _("Cost of sales"));
  table_add (table, sales);
  table_add (table, payout);
  if (result->has_rewards)
    {
      table_take (table, palier_format_money (result->total_non_cash, program->currency));
      table_take (table, palier_format_money (result->total_cost, program->currency));
    }
  table_add (table, cost);
  table_write (table, out);
  g_string_append_c (out, '\n');
}

static void
write_component_table (const PalierResult *result,
                       GString            *out)
{
  g_autoptr(Table) table = table_new (result->has_rewards ? 4 : 3);

  table->right_aligned[2] = TRUE;
  table_add (table, _("Component"));
  table_add (table, _("Name"));
  table_add (table, _("Payout"));
  if (result->has_rewards)
    {
      table->right_aligned[3] = TRUE;
      table_add (table, _("Non-cash"));
    }

  for (guint c = 0; c < result->n_components; c++)
    {
      const PalierComponent *component = component_at (result, c);

      table_add (table, component->id);
      table_add (table, component->name);
      table_take (table, palier_format_money (result->component_totals[c],
                                              result->program->currency));
      if (result->has_rewards)
        table_take (table, palier_format_money (result->component_non_cash[c],
                                                result->program->currency));
    }

  table_write (table, out);
  g_string_append_c (out, '\n');
}

static void
write_period_table (const PalierResult *result,
                    GString            *out)
{
  g_autoptr(Table) table = table_new (3);
  const char *currency = result->program->currency;

  table->right_aligned[1] = TRUE;
  table->right_aligned[2] = TRUE;
  table_add (table, _("Period"));
  table_add (table, _("Sales"));
  table_add (table, _("Payout"));

  for (guint i = 0; i < result->period_totals->len; i++)
    {
      const PalierPeriodTotal *total = &g_array_index (result->period_totals, PalierPeriodTotal, i);

      table_add (table, total->label);
      table_take (table, palier_format_money (total->sales, currency));
      table_take (table, palier_format_money (total->payout, currency));
    }

  table_write (table, out);
  g_string_append_c (out, '\n');
}

static void
write_partner_table (const PalierResult *result,
                     GString            *out)
{
  g_autoptr(Table) table = table_new (4 + result->n_components + (result->has_rewards ? 1 : 0));
  const char *currency = result->program->currency;

  for (guint col = 2; col < table->n_columns; col++)
    table->right_aligned[col] = TRUE;

  table_add (table, _("Partner"));
  table_add (table, _("Segment"));
  table_add (table, _("Sales"));
  table_add (table, _("Payout"));
  for (guint c = 0; c < result->n_components; c++)
    table_add (table, component_at (result, c)->id);
  if (result->has_rewards)
    table_add (table, _("Non-cash"));

  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *row = g_ptr_array_index (result->partners, i);

      table_add (table, row->partner);
      table_add (table, row->segment);
      table_take (table, palier_format_money (row->sales, currency));
      table_take (table, palier_format_money (row->payout, currency));
      for (guint c = 0; c < result->n_components; c++)
        table_take (table, palier_format_money (row->component_payouts[c], currency));
      if (result->has_rewards)
        table_take (table, palier_format_money (row->non_cash, currency));
    }

  table_write (table, out);
}

static void
write_result_table (const PalierResult *result,
                    GString            *out)
{
  write_result_heading (result, out);
  write_component_table (result, out);
  write_period_table (result, out);
  write_partner_table (result, out);
}

/* CSV */

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_result_csv (const PalierResult *result,
                  GString            *out)
{
  int digits = result->minor_digits;

  g_string_append (out, "partner,segment,period,sales,quota,attainment,payout");
  if (result->has_rewards)
    g_string_append (out, ",non_cash");
  for (guint c = 0; c < result->n_components; c++)
    {
      g_autofree char *name = g_strconcat ("payout:", component_at (result, c)->id, NULL);

      g_string_append_c (out, ',');
      append_csv_field (out, name);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *row = g_ptr_array_index (result->partners, i);

      for (guint j = 0; j < row->periods->len; j++)
        {
          const PalierPeriodResult *period = &g_array_index (row->periods, PalierPeriodResult, j);

          append_csv_field (out, row->partner);
          g_string_append_c (out, ',');
          append_csv_field (out, row->segment);
          g_string_append_c (out, ',');
          append_csv_field (out, period->label);
          g_string_append_c (out, ',');
          append_decimal (out, period->sales, digits);
          g_string_append_c (out, ',');
          if (period->has_quota)
            append_decimal (out, period->quota, digits);
          g_string_append_c (out, ',');
          if (period->has_quota)
            append_decimal (out, period->attainment, RATIO_DECIMALS);
          g_string_append_c (out, ',');
          append_decimal (out, period->payout, digits);
          if (result->has_rewards)
            {
              g_string_append_c (out, ',');
              append_decimal (out, period->non_cash, digits);
            }
          for (guint c = 0; c < result->n_components; c++)
            {
              g_string_append_c (out, ',');
              append_decimal (out, period->component_payouts[c], digits);
            }
          g_string_append (out, "\r\n");
        }
    }
}

/* JSON */

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
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_date (GString    *out,
                  PalierDate  date)
{
  if (date == PALIER_DATE_NONE)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  append_date (out, date);
  g_string_append_c (out, '"');
}

/* {"<component id>": payout, ...} */
static void
append_json_component_map (GString             *out,
                           const PalierResult  *result,
                           const PalierDecimal *payouts)
{
  g_string_append_c (out, '{');
  for (guint c = 0; c < result->n_components; c++)
    {
      if (c > 0)
        g_string_append (out, ", ");
      append_json_string (out, component_at (result, c)->id);
      g_string_append (out, ": ");
      append_decimal (out, payouts[c], result->minor_digits);
    }
  g_string_append_c (out, '}');
}

static void
append_json_period (GString                  *out,
                    const PalierResult       *result,
                    const PalierPeriodResult *period)
{
  int digits = result->minor_digits;

  g_string_append (out, "        {\"period\": ");
  append_json_string (out, period->label);
  g_string_append (out, ", \"sales\": ");
  append_decimal (out, period->sales, digits);
  g_string_append (out, ", \"quota\": ");
  if (period->has_quota)
    append_decimal (out, period->quota, digits);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"attainment\": ");
  if (period->has_quota)
    append_decimal (out, period->attainment, RATIO_DECIMALS);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"payout\": ");
  append_decimal (out, period->payout, digits);
  if (result->has_rewards)
    {
      g_string_append (out, ", \"non_cash\": ");
      append_decimal (out, period->non_cash, digits);
    }
  g_string_append (out, ", \"components\": ");
  append_json_component_map (out, result, period->component_payouts);
  g_string_append_c (out, '}');
}

static void
append_json_rewards (GString                   *out,
                     const PalierPartnerResult *row)
{
  g_string_append (out, ", \"rewards\": [");
  for (guint i = 0; i < row->rewards->len; i++)
    {
      const PalierRewardResult *reward = &g_array_index (row->rewards, PalierRewardResult, i);

      g_string_append (out, i > 0 ? ", {\"id\": " : "{\"id\": ");
      append_json_string (out, reward->component);
      g_string_append (out, ", \"kind\": ");
      append_json_string (out, palier_reward_kind_to_string (reward->kind));
      g_string_append (out, ", \"period\": ");
      append_json_string (out, reward->period);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
append_json_partner (GString                   *out,
                     const PalierResult        *result,
                     const PalierPartnerResult *row)
{
  int digits = result->minor_digits;

  g_string_append (out, "    {\"partner\": ");
  append_json_string (out, row->partner);
  if (row->name != NULL && g_strcmp0 (row->name, row->partner) != 0)
    {
      g_string_append (out, ", \"name\": ");
      append_json_string (out, row->name);
    }
  g_string_append (out, ", \"segment\": ");
  append_json_string (out, row->segment);
  g_string_append (out, ", \"sales\": ");
  append_decimal (out, row->sales, digits);
  g_string_append (out, ", \"payout\": ");
  append_decimal (out, row->payout, digits);
  if (result->has_rewards)
    {
      g_string_append (out, ", \"non_cash\": ");
      append_decimal (out, row->non_cash, digits);
      append_json_rewards (out, row);
    }
  g_string_append (out, ", \"components\": ");
  append_json_component_map (out, result, row->component_payouts);
  g_string_append (out, ",\n      \"periods\": [\n");

  for (guint j = 0; j < row->periods->len; j++)
    {
      append_json_period (out, result, &g_array_index (row->periods, PalierPeriodResult, j));
      g_string_append (out, j + 1 < row->periods->len ? ",\n" : "\n");
    }
  g_string_append (out, "      ]}");
}

static void
append_json_heading (GString            *out,
                     const PalierResult *result)
{
  const PalierProgram *program = result->program;

  g_string_append (out, "  \"program\": ");
  append_json_string (out, program->id);
  g_string_append (out, ",\n  \"name\": ");
  append_json_string (out, program->name);
  g_string_append (out, ",\n  \"currency\": ");
  append_json_string (out, program->currency);
  g_string_append (out, ",\n  \"period\": ");
  append_json_string (out, palier_period_kind_to_string (program->period));
  g_string_append (out, ",\n  \"from\": ");
  append_json_date (out, result->from);
  g_string_append (out, ",\n  \"to\": ");
  append_json_date (out, result->to);
  g_string_append (out, ",\n  \"totals\": {\"sales\": ");
  append_decimal (out, result->total_sales, result->minor_digits);
  g_string_append (out, ", \"payout\": ");
  append_decimal (out, result->total_payout, result->minor_digits);
  if (result->has_rewards)
    {
      g_string_append (out, ", \"non_cash\": ");
      append_decimal (out, result->total_non_cash, result->minor_digits);
      g_string_append (out, ", \"cost\": ");
      append_decimal (out, result->total_cost, result->minor_digits);
    }
  g_string_append (out, ", \"cost_of_sales\": ");
  append_decimal (out, result->cost_of_sales, RATIO_DECIMALS);
  g_string_append (out, "},\n");
}

static void
append_json_components (GString            *out,
                        const PalierResult *result)
{
  g_string_append (out, "  \"components\": [");
  for (guint c = 0; c < result->n_components; c++)
    {
      g_string_append (out, c > 0 ? ",\n    {\"id\": " : "\n    {\"id\": ");
      append_json_string (out, component_at (result, c)->id);
      g_string_append (out, ", \"payout\": ");
      append_decimal (out, result->component_totals[c], result->minor_digits);
      if (component_at (result, c)->kind == PALIER_COMPONENT_REWARD)
        {
          g_string_append (out, ", \"non_cash\": ");
          append_decimal (out, result->component_non_cash[c], result->minor_digits);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, result->n_components > 0 ? "\n  ],\n" : "],\n");
}

static void
append_json_period_totals (GString            *out,
                           const PalierResult *result)
{
  g_string_append (out, "  \"periods\": [");
  for (guint i = 0; i < result->period_totals->len; i++)
    {
      const PalierPeriodTotal *total = &g_array_index (result->period_totals, PalierPeriodTotal, i);

      g_string_append (out, i > 0 ? ",\n    {\"period\": " : "\n    {\"period\": ");
      append_json_string (out, total->label);
      g_string_append (out, ", \"sales\": ");
      append_decimal (out, total->sales, result->minor_digits);
      g_string_append (out, ", \"payout\": ");
      append_decimal (out, total->payout, result->minor_digits);
      g_string_append (out, ", \"components\": ");
      append_json_component_map (out, result, total->component_payouts);
      g_string_append_c (out, '}');
    }
  g_string_append (out, result->period_totals->len > 0 ? "\n  ],\n" : "],\n");
}

/* The layout the simulation output documents: program, currency, period,
 * from, to, totals, components, partners, plus the program name and the
 * period totals ("periods"). */
static void
write_result_json (const PalierResult *result,
                   GString            *out)
{
  g_string_append (out, "{\n");
  append_json_heading (out, result);
  append_json_components (out, result);
  append_json_period_totals (out, result);

  g_string_append (out, "  \"partners\": [");
  for (guint i = 0; i < result->partners->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      append_json_partner (out, result, g_ptr_array_index (result->partners, i));
    }
  g_string_append (out, result->partners->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

void
palier_result_write (const PalierResult *result,
                     PalierOutputFormat  format,
                     GString            *out)
{
  g_return_if_fail (result != NULL);
  g_return_if_fail (out != NULL);

  switch (format)
    {
    case PALIER_OUTPUT_TABLE:
      write_result_table (result, out);
      break;
    case PALIER_OUTPUT_CSV:
      write_result_csv (result, out);
      break;
    case PALIER_OUTPUT_JSON:
      write_result_json (result, out);
      break;
    default:
      g_return_if_reached ();
    }
}

/* Comparison */

static char *
format_signed_money (PalierDecimal  value,
                     const char    *currency)
{
  g_autofree char *text = palier_format_money (value, currency);

  return value > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static void
write_comparison_table (const PalierComparison *comparison,
                        GString                *out)
{
  const PalierProgram *baseline = comparison->baseline->program;
  const PalierProgram *proposal = comparison->proposal->program;
  const char *currency = baseline->currency;
  g_autofree char *range = format_range (comparison->baseline->from, comparison->baseline->to);
  g_autofree char *base_total = palier_format_money (comparison->baseline->total_payout, currency);
  g_autofree char *proposal_total = palier_format_money (comparison->proposal->total_payout, currency);
  g_autofree char *difference = format_signed_money (comparison->difference, currency);
  g_autoptr(Table) table = table_new (5);

  g_string_append_printf (out, _("Range: %s\n"), range);
  g_string_append_printf (out, _("Baseline: %s (%s), payout %s\n"), baseline->name, baseline->id, base_total);
  g_string_append_printf (out, _("Proposal: %s (%s), payout %s\n"), proposal->name, proposal->id, proposal_total);
  g_string_append_printf (out, _("Difference: %s\n"), difference);
  g_string_append_printf (out, _("Partners: %u gain, %u lose, %u unchanged\n\n"),
                          comparison->n_gain, comparison->n_lose, comparison->n_same);

  for (guint col = 2; col < 5; col++)
    table->right_aligned[col] = TRUE;
  table_add (table, _("Partner"));
  table_add (table, _("Segment"));
  table_add (table, _("Baseline"));
  table_add (table, _("Proposal"));
  table_add (table, _("Difference"));

  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (comparison->rows, i);

      table_add (table, row->partner);
      table_add (table, row->segment);
      table_take (table, palier_format_money (row->baseline, currency));
      table_take (table, palier_format_money (row->proposal, currency));
      table_take (table, format_signed_money (row->difference, currency));
    }

  table_write (table, out);
}

static void
write_comparison_csv (const PalierComparison *comparison,
                      GString                *out)
{
  int digits = comparison->baseline->minor_digits;

  g_string_append (out, "partner,segment,baseline,proposal,difference\r\n");
  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (comparison->rows, i);

      append_csv_field (out, row->partner);
      g_string_append_c (out, ',');
      append_csv_field (out, row->segment);
      g_string_append_c (out, ',');
      append_decimal (out, row->baseline, digits);
      g_string_append_c (out, ',');
      append_decimal (out, row->proposal, digits);
      g_string_append_c (out, ',');
      append_decimal (out, row->difference, digits);
      g_string_append (out, "\r\n");
    }
}

static void
append_json_program_total (GString            *out,
                           const char         *key,
                           const PalierResult *result)
{
  g_string_append_printf (out, "  \"%s\": {\"program\": ", key);
  append_json_string (out, result->program->id);
  g_string_append (out, ", \"payout\": ");
  append_decimal (out, result->total_payout, result->minor_digits);
  g_string_append (out, "},\n");
}

static void
write_comparison_json (const PalierComparison *comparison,
                       GString                *out)
{
  const PalierResult *baseline = comparison->baseline;
  int digits = baseline->minor_digits;

  g_string_append (out, "{\n  \"currency\": ");
  append_json_string (out, baseline->program->currency);
  g_string_append (out, ",\n  \"from\": ");
  append_json_date (out, baseline->from);
  g_string_append (out, ",\n  \"to\": ");
  append_json_date (out, baseline->to);
  g_string_append (out, ",\n");
  append_json_program_total (out, "baseline", baseline);
  append_json_program_total (out, "proposal", comparison->proposal);
  g_string_append (out, "  \"difference\": ");
  append_decimal (out, comparison->difference, digits);
  g_string_append_printf (out, ",\n  \"gain\": %u,\n  \"lose\": %u,\n  \"same\": %u,\n  \"partners\": [",
                          comparison->n_gain, comparison->n_lose, comparison->n_same);

  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (comparison->rows, i);

      g_string_append (out, i > 0 ? ",\n    {\"partner\": " : "\n    {\"partner\": ");
      append_json_string (out, row->partner);
      g_string_append (out, ", \"segment\": ");
      append_json_string (out, row->segment);
      g_string_append (out, ", \"baseline\": ");
      append_decimal (out, row->baseline, digits);
      g_string_append (out, ", \"proposal\": ");
      append_decimal (out, row->proposal, digits);
      g_string_append (out, ", \"difference\": ");
      append_decimal (out, row->difference, digits);
      g_string_append_c (out, '}');
    }
  g_string_append (out, comparison->rows->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

void
palier_comparison_write (const PalierComparison *comparison,
                         PalierOutputFormat      format,
                         GString                *out)
{
  g_return_if_fail (comparison != NULL);
  g_return_if_fail (out != NULL);

  switch (format)
    {
    case PALIER_OUTPUT_TABLE:
      write_comparison_table (comparison, out);
      break;
    case PALIER_OUTPUT_CSV:
      write_comparison_csv (comparison, out);
      break;
    case PALIER_OUTPUT_JSON:
      write_comparison_json (comparison, out);
      break;
    default:
      g_return_if_reached ();
    }
}
