/* palier-health-text.c: program health as a table for people or as JSON */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-health-private.h"
#include "palier-money.h"

static void
write_table (const PalierHealth *health,
             GString            *out)
{
  const char *currency = health->program->currency;
  g_autofree char *top = palier_format_percent (health->top_decile_share, 2);
  g_autofree char *gini = palier_format_number (health->gini, 4);
  g_autofree char *near = palier_format_percent (health->near, 2);

  g_string_append_printf (out, _("Program health: %s (%s)\n"), health->program->name,
                          health->program->id);
  g_string_append_printf (out, _("Partners: %u, of whom %u have a cost\n"),
                          health->n_partners, health->n_paid);
  g_string_append_printf (out, _("Share of the cost earned by the top 10 %% of partners: %s\n"), top);
  g_string_append_printf (out, _("Gini coefficient of partner cost: %s\n"), gini);
  g_string_append_printf (out, _("Partners within %s below a boundary that pays a step: %u\n"),
                          near, health->n_near_partners);

  if (health->cliffs->len > 0)
    g_string_append_printf (out, "\n%s\n", _("Cliffs, largest step first:"));
  for (guint i = 0; i < health->cliffs->len; i++)
    {
      const PalierCliff *cliff = &g_array_index (health->cliffs, PalierCliff, i);
      g_autofree char *base = palier_format_number (cliff->base, 2);
      g_autofree char *boundary = palier_format_number (cliff->boundary, 2);
      g_autofree char *step = palier_format_money (cliff->step, currency);

      /* TRANSLATORS: partner, component, period, base, boundary (both in
       * money or units) and the payout step at the boundary. */
      g_string_append_printf (out, _("  %s  %s  %s: base %s, boundary %s, step %s\n"),
                              cliff->partner, cliff->component, cliff->period, base, boundary, step);
    }

  if (health->rates->len > 0)
    g_string_append_printf (out, "\n%s\n", _("Effective rate per partner, largest cost first:"));
  for (guint i = 0; i < health->rates->len; i++)
    {
      const PalierEffectiveRate *rate = &g_array_index (health->rates, PalierEffectiveRate, i);
      g_autofree char *sales = palier_format_money (rate->sales, currency);
      g_autofree char *cost = palier_format_money (rate->cost, currency);
      g_autofree char *percent = palier_format_percent (rate->rate, 2);

      /* TRANSLATORS: partner, cost, sales and cost as a share of sales. */
      g_string_append_printf (out, _("  %s  cost %s on sales %s: %s\n"),
                              rate->partner, cost, sales, percent);
    }
}

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

static const char *
exact (PalierDecimal value,
       char          buf[PALIER_DECIMAL_BUFSIZE])
{
  return palier_decimal_format_exact (value, buf);
}

static const char *
money (PalierDecimal value,
       int           minor_digits,
       char          buf[PALIER_DECIMAL_BUFSIZE])
{
  return palier_decimal_format (value, minor_digits, buf);
}

static void
write_json (const PalierHealth *health,
            GString            *out)
{
  int minor = palier_currency_minor_digits (health->program->currency);
  char a[PALIER_DECIMAL_BUFSIZE], b[PALIER_DECIMAL_BUFSIZE], c[PALIER_DECIMAL_BUFSIZE];
  char d[PALIER_DECIMAL_BUFSIZE];

  g_string_append (out, "{\n  \"program\": ");
  append_json_string (out, health->program->id);
  g_string_append (out, ",\n  \"currency\": ");
  append_json_string (out, health->program->currency);
  g_string_append_printf (out, ",\n  \"partners\": %u,\n  \"paid\": %u", health->n_partners,
                          health->n_paid);
  g_string_append_printf (out, ",\n  \"top_decile_share\": %s,\n  \"gini\": %s,\n  \"near\": %s",
                          palier_decimal_format (health->top_decile_share, 6, a),
                          palier_decimal_format (health->gini, 6, b), exact (health->near, c));
  g_string_append_printf (out, ",\n  \"near_partners\": %u,\n  \"cliffs\": [", health->n_near_partners);

  for (guint i = 0; i < health->cliffs->len; i++)
    {
      const PalierCliff *cliff = &g_array_index (health->cliffs, PalierCliff, i);

      g_string_append (out, i > 0 ? ",\n    {\"partner\": " : "\n    {\"partner\": ");
      append_json_string (out, cliff->partner);
      g_string_append (out, ", \"component\": ");
      append_json_string (out, cliff->component);
      g_string_append (out, ", \"period\": ");
      append_json_string (out, cliff->period);
      g_string_append_printf (out, ", \"index\": %u, \"gate\": %s, \"base\": %s, \"boundary\": %s, \"gap\": %s, \"step\": %s}",
                              cliff->index, cliff->gate ? "true" : "false", exact (cliff->base, a), exact (cliff->boundary, b),
                              exact (cliff->gap, c), money (cliff->step, minor, d));
    }
  g_string_append (out, health->cliffs->len > 0 ? "\n  ],\n  \"rates\": [" : "],\n  \"rates\": [");

  for (guint i = 0; i < health->rates->len; i++)
    {
      const PalierEffectiveRate *rate = &g_array_index (health->rates, PalierEffectiveRate, i);

      g_string_append (out, i > 0 ? ",\n    {\"partner\": " : "\n    {\"partner\": ");
      append_json_string (out, rate->partner);
      g_string_append (out, ", \"segment\": ");
      append_json_string (out, rate->segment);
      g_string_append_printf (out, ", \"sales\": %s, \"cost\": %s, \"rate\": %s}",
                              money (rate->sales, minor, a), money (rate->cost, minor, b),
                              palier_decimal_format (rate->rate, 6, c));
    }
  g_string_append (out, health->rates->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

void
palier_health_write (const PalierHealth *health,
                     PalierOutputFormat  format,
                     GString            *out)
{
  g_return_if_fail (health != NULL);
  g_return_if_fail (out != NULL);

  if (format == PALIER_OUTPUT_JSON)
    write_json (health, out);
  else
    write_table (health, out);
}
