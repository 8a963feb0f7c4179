/* palier-report-pages.c: the report's cover, program pages and
 * scenario comparison */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-money.h"
#include "palier-report-private.h"

/* Partners listed on each side of a "largest changes" table. */
#define MAX_CHANGES_SHOWN 8

static const char *
scenario_label (const PalierReportInput *input,
                guint                    index)
{
  const PalierScenario *scenario = input->scenarios[index];

  if (input->comparison != NULL && input->comparison->columns[index].label != NULL)
    return input->comparison->columns[index].label;
  return scenario->name != NULL ? scenario->name : scenario->id;
}

static const char *
scenario_currency (const PalierReportInput *input,
                   guint                    index)
{
  return input->programs[index]->currency;
}

/* Cover */

static char *
format_change (const PalierReportInput *input,
               guint                    index)
{
  const PalierScenarioColumn *first = &input->comparison->columns[0];
  const PalierScenarioColumn *column = &input->comparison->columns[index];
  PalierDecimal difference = column->cost - first->cost;
  g_autofree char *money = _palier_report_format_signed_money (difference,
                                                               scenario_currency (input, index));
  g_autofree char *percent = NULL;
  PalierDecimal ratio;

  if (!_palier_report_ratio (difference, first->cost, &ratio))
    return g_steal_pointer (&money);

  percent = _palier_report_format_signed_percent (ratio, 1);
  return g_strdup_printf ("%s (%s)", money, percent);
}

static void
draw_headline_table (PalierReportDoc         *doc,
                     const PalierReportInput *input)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (6);

  _palier_report_table_set_column (table, 0, _("Scenario"), 2.2, FALSE);
  _palier_report_table_set_column (table, 1, _("Program"), 2.0, FALSE);
  _palier_report_table_set_column (table, 2, _("Cost"), 1.6, TRUE);
  _palier_report_table_set_column (table, 3, _("Cost of sales"), 1.1, TRUE);
  _palier_report_table_set_column (table, 4, _("Change against the first"), 2.2, TRUE);
  _palier_report_table_set_column (table, 5, _("P90 cost"), 1.6, TRUE);

  for (guint i = 0; i < input->n_scenarios; i++)
    {
      const PalierScenarioColumn *column = &input->comparison->columns[i];
      const char *currency = scenario_currency (input, i);
      char *p90 = g_strdup ("—");

      if (input->risk != NULL && input->risk_scenario == i)
        {
          g_free (p90);
          p90 = palier_format_money (input->risk->cost.p90, currency);
        }

      _palier_report_table_take_row (table,
                                     g_strdup (scenario_label (input, i)),
                                     g_strdup (input->programs[i]->name),
                                     palier_format_money (column->cost, currency),
                                     palier_format_percent (column->cost_of_sales, 2),
                                     i == 0 ? g_strdup ("—") : format_change (input, i),
                                     p90);
    }

  _palier_report_doc_table (doc, table);
}

/* One sentence per scenario after the first, for readers who skip the
 * tables. */
static void
draw_headline_sentences (PalierReportDoc         *doc,
                         const PalierReportInput *input)
{
  const PalierScenarioColumn *first = &input->comparison->columns[0];
  const char *currency = scenario_currency (input, 0);
  g_autofree char *first_cost = palier_format_money (first->cost, currency);
  g_autofree char *first_rate = palier_format_percent (first->cost_of_sales, 2);
  g_autofree char *opening = NULL;

  /* Translators: the first headline: scenario, cost, cost of sales. */
  opening = g_strdup_printf (_("%1$s costs %2$s, %3$s of sales."),
                             scenario_label (input, 0), first_cost, first_rate);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, opening);

  for (guint i = 1; i < input->n_scenarios; i++)
    {
      const PalierScenarioColumn *column = &input->comparison->columns[i];
      g_autofree char *cost = palier_format_money (column->cost, scenario_currency (input, i));
      g_autofree char *change = format_change (input, i);
      g_autofree char *sentence = NULL;

      /* Translators: scenario, its cost, the change against the first
       * scenario, the first scenario's name and the partner counts. */
      sentence = g_strdup_printf (_("%1$s costs %2$s, %3$s against %4$s (partners who gain: "
                                    "%5$u, who lose: %6$u)."),
                                  scenario_label (input, i), cost, change,
                                  scenario_label (input, 0), column->n_gain, column->n_lose);
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, sentence);
    }

  if (input->risk != NULL)
    {
      const char *risk_currency = scenario_currency (input, input->risk_scenario);
      g_autofree char *p50 = palier_format_money (input->risk->cost.p50, risk_currency);
      g_autofree char *p90 = palier_format_money (input->risk->cost.p90, risk_currency);
      g_autofree char *sentence = NULL;

      sentence = g_strdup_printf (_("For %1$s, one simulated year in two costs more than %2$s, "
                                    "and one in ten more than %3$s (P90)."),
                                  scenario_label (input, input->risk_scenario), p50, p90);
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, sentence);
    }
}

void
_palier_report_draw_cover (PalierReportDoc         *doc,
                           const PalierReportInput *input,
                           const char              *title,
                           const char              *date)
{
  g_autofree char *prepared = g_strdup_printf (_("Prepared on %s"), date);

  _palier_report_doc_new_page (doc);
  _palier_report_doc_space (doc, 90.0);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_TITLE, title);

  if (input->workspace != NULL)
    {
      g_autofree char *workspace = g_strdup_printf (_("Workspace: %s"), input->workspace);

      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, workspace);
    }
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, prepared);
  _palier_report_doc_space (doc, 40.0);

  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, _("Headline figures"));
  if (input->comparison == NULL)
    {
      for (guint i = 0; i < input->n_scenarios; i++)
        _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, scenario_label (input, i));
      return;
    }

  draw_headline_table (doc, input);
  draw_headline_sentences (doc, input);
}

/* Program pages */

static void
draw_curve (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  palier_chart_draw_payout_curve (cr, width, height, user_data, _palier_report_chart_style ());
}

static char *
format_overrides (const PalierProgram *program,
                  GArray              *overrides,
                  PalierTierKind       kind,
                  gboolean             money)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (overrides == NULL)
    return g_strdup ("");

  for (guint i = 0; i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);
      g_autofree char *value = money ? palier_format_money (override->value, program->currency)
                                     : _palier_component_format_tier_value (program, kind,
                                                                            override->value);

      /* Translators: a segment override in a tiers table: “Gold: 5 %”. */
      g_ptr_array_add (items, g_strdup_printf (_("%1$s: %2$s"), override->segment, value));
    }
  g_ptr_array_add (items, NULL);

  return g_strjoinv ("; ", (char **) items->pdata);
}

static void
draw_tiers_table (PalierReportDoc       *doc,
                  const PalierProgram   *program,
                  const PalierComponent *component)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (4);
  guint n = component->tiers->len;

  _palier_report_table_set_column (table, 0, _("From"), 1.6, TRUE);
  _palier_report_table_set_column (table, 1, _("Up to"), 1.6, TRUE);
  _palier_report_table_set_column (table, 2, component->method == PALIER_METHOD_INTERPOLATED
                                             ? _("Rate at this point") : _("Rate"), 1.4, TRUE);
  _palier_report_table_set_column (table, 3, _("Segment overrides"), 2.4, FALSE);

  for (guint i = 0; i < n; i++)
    {
      const PalierTier *tier = &g_array_index (component->tiers, PalierTier, i);
      const PalierTier *next = i + 1 < n ? &g_array_index (component->tiers, PalierTier, i + 1) : NULL;

      _palier_report_table_take_row (table,
                                     _palier_component_format_boundary (program, component,
                                                                        component->basis, tier->from),
                                     next != NULL
                                     ? _palier_component_format_boundary (program, component,
                                                                          component->basis, next->from)
                                     : g_strdup ("—"),
                                     _palier_component_format_tier_value (program, tier->kind,
                                                                          tier->value),
                                     format_overrides (program, tier->overrides, tier->kind, FALSE));
    }

  _palier_report_doc_table (doc, table);
}

static void
draw_levels_table (PalierReportDoc       *doc,
                   const PalierProgram   *program,
                   const PalierComponent *component)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (3);

  _palier_report_table_set_column (table, 0, _("From"), 1.6, TRUE);
  _palier_report_table_set_column (table, 1, _("Amount"), 1.6, TRUE);
  _palier_report_table_set_column (table, 2, _("Segment overrides"), 3.0, FALSE);

  for (guint i = 0; i < component->levels->len; i++)
    {
      const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);

      _palier_report_table_take_row (table,
                                     _palier_component_format_boundary (program, component,
                                                                        component->basis, level->min),
                                     palier_format_money (level->amount, program->currency),
                                     format_overrides (program, level->overrides,
                                                       PALIER_TIER_RATE, TRUE));
    }

  _palier_report_doc_table (doc, table);
}

static void
draw_component (PalierReportDoc       *doc,
                const PalierProgram   *program,
                const PalierComponent *component)
{
  g_autofree char *heading = NULL;
  g_autofree char *rules = _palier_component_describe (program, component);
  PalierCurveSpec spec = { program, component, NULL, 0 };
  gboolean has_tiers = component->kind == PALIER_COMPONENT_COMMISSION
                       && component->tiers != NULL && component->tiers->len > 0;
  gboolean has_levels = component->kind == PALIER_COMPONENT_BONUS
                        && component->levels != NULL && component->levels->len > 0;

  /* Translators: a component's heading: its name and its kind. */
  heading = g_strdup_printf (_("%1$s — %2$s"), component->name,
                             _palier_component_kind_label (component->kind));
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING, heading);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, rules);

  if (has_tiers)
    draw_tiers_table (doc, program, component);
  if (has_levels)
    draw_levels_table (doc, program, component);
  if (has_tiers || has_levels)
    _palier_report_doc_chart (doc, 190.0, draw_curve, &spec);

  _palier_report_doc_space (doc, 8.0);
}

/* The scenarios that run @program, as a list of names. */
static char *
program_users (const PalierReportInput *input,
               const PalierProgram     *program)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < input->n_scenarios; i++)
    if (palier_program_equal (input->programs[i], program))
      g_ptr_array_add (names, (gpointer) scenario_label (input, i));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
draw_program (PalierReportDoc         *doc,
              const PalierReportInput *input,
              const PalierProgram     *program)
{
  g_autofree char *intro = _palier_program_describe_intro (program);
  g_autofree char *users = program_users (input, program);
  g_autofree char *used_by = g_strdup_printf (_("Program %1$s, used by %2$s"), program->id, users);

  _palier_report_doc_new_page (doc);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, program->name);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SMALL, used_by);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, intro);
  _palier_report_doc_space (doc, 6.0);

  for (guint i = 0; i < program->components->len; i++)
    draw_component (doc, program, g_ptr_array_index (program->components, i));
}

void
_palier_report_draw_programs (PalierReportDoc         *doc,
                              const PalierReportInput *input)
{
  for (guint i = 0; i < input->n_scenarios; i++)
    {
      gboolean seen = FALSE;

      /* Scenarios that share a program get one description of it. */
      for (guint j = 0; j < i && !seen; j++)
        seen = palier_program_equal (input->programs[j], input->programs[i]);

      if (!seen)
        draw_program (doc, input, input->programs[i]);
    }
}

/* Comparison */

static void
draw_totals_table (PalierReportDoc         *doc,
                   const PalierReportInput *input)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (7);

  _palier_report_table_set_column (table, 0, _("Scenario"), 2.0, FALSE);
  _palier_report_table_set_column (table, 1, _("Sales"), 1.8, TRUE);
  _palier_report_table_set_column (table, 2, _("Payout"), 1.5, TRUE);
  _palier_report_table_set_column (table, 3, _("Non-cash"), 1.2, TRUE);
  _palier_report_table_set_column (table, 4, _("Cost"), 1.5, TRUE);
  _palier_report_table_set_column (table, 5, _("Cost of sales"), 1.2, TRUE);
  _palier_report_table_set_column (table, 6, _("Gain / lose"), 1.1, TRUE);

  for (guint i = 0; i < input->n_scenarios; i++)
    {
      const PalierScenarioColumn *column = &input->comparison->columns[i];
      const char *currency = scenario_currency (input, i);

      _palier_report_table_take_row (table,
                                     g_strdup (scenario_label (input, i)),
                                     palier_format_money (column->sales, currency),
                                     palier_format_money (column->payout, currency),
                                     palier_format_money (column->non_cash, currency),
                                     palier_format_money (column->cost, currency),
                                     palier_format_percent (column->cost_of_sales, 2),
                                     i == 0 ? g_strdup ("—")
                                            : g_strdup_printf ("%u / %u", column->n_gain,
                                                               column->n_lose));
    }

  _palier_report_doc_table (doc, table);
}

/* The cost of component @id in @column's result, or NULL when its
 * program has no such component. */
static char *
component_cost (const PalierScenarioColumn *column,
                const char                 *id,
                const char                 *currency)
{
  const PalierResult *result = column->result;

  if (result == NULL)
    return NULL;

  for (guint k = 0; k < result->n_components; k++)
    {
      const PalierComponent *component = g_ptr_array_index (result->program->components, k);
      PalierDecimal cost = result->component_totals[k];

      if (!g_str_equal (component->id, id))
        continue;
      if (result->component_non_cash != NULL)
        cost += result->component_non_cash[k];
      return palier_format_money (cost, currency);
    }

  return NULL;
}

static void
draw_components_table (PalierReportDoc         *doc,
                       const PalierReportInput *input)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (input->n_scenarios + 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* Components in order of first appearance across the programs. */
  for (guint i = 0; i < input->n_scenarios; i++)
    for (guint k = 0; k < input->programs[i]->components->len; k++)
      {
        const PalierComponent *component = g_ptr_array_index (input->programs[i]->components, k);

        if (!g_ptr_array_find_with_equal_func (ids, component->id, g_str_equal, NULL))
          {
            g_ptr_array_add (ids, component->id);
            g_ptr_array_add (names, component->name);
          }
      }

  _palier_report_table_set_column (table, 0, _("Component"), 2.4, FALSE);
  for (guint i = 0; i < input->n_scenarios; i++)
    _palier_report_table_set_column (table, i + 1, scenario_label (input, i), 1.6, TRUE);

  for (guint r = 0; r < ids->len; r++)
    {
      char *cells[PALIER_SCENARIO_MAX_COMPARED] = { NULL };

      for (guint i = 0; i < input->n_scenarios; i++)
        {
          cells[i] = component_cost (&input->comparison->columns[i], g_ptr_array_index (ids, r),
                                     scenario_currency (input, i));
          if (cells[i] == NULL)
            cells[i] = g_strdup ("—");
        }

      _palier_report_table_take_row (table, g_strdup (g_ptr_array_index (names, r)),
                                     cells[0], cells[1], cells[2], cells[3]);
    }

  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING, _("Cost per component"));
  _palier_report_doc_table (doc, table);
}

static void
draw_tier_counts_table (PalierReportDoc         *doc,
                        const PalierReportInput *input)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (input->n_scenarios + 1);
  guint n_rows = 0;

  for (guint i = 0; i < input->n_scenarios; i++)
    if (input->comparison->columns[i].tier_counts != NULL)
      n_rows = MAX (n_rows, input->comparison->columns[i].tier_counts->len);
  if (n_rows == 0)
    return;

  _palier_report_table_set_column (table, 0, _("Highest tier reached"), 2.4, FALSE);
  for (guint i = 0; i < input->n_scenarios; i++)
    _palier_report_table_set_column (table, i + 1, scenario_label (input, i), 1.6, TRUE);

  for (guint r = 0; r < n_rows; r++)
    {
      char *cells[PALIER_SCENARIO_MAX_COMPARED] = { NULL };

      for (guint i = 0; i < input->n_scenarios; i++)
        {
          GArray *counts = input->comparison->columns[i].tier_counts;

          cells[i] = counts != NULL && r < counts->len
                     ? g_strdup_printf ("%u", g_array_index (counts, guint, r))
                     : g_strdup ("—");
        }

      _palier_report_table_take_row (table,
                                     r == 0 ? g_strdup (_("None"))
                                            /* Translators: a row of the tiers reached. */
                                            : g_strdup_printf (_("Tier %u"), r),
                                     cells[0], cells[1], cells[2], cells[3]);
    }

  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING, _("Partners by highest tier reached"));
  for (guint i = 0; i < input->n_scenarios; i++)
    {
      const char *component = input->comparison->columns[i].tier_component;
      g_autofree char *note = NULL;

      if (component == NULL)
        continue;
      note = g_strdup_printf (_("%1$s: tiers of component %2$s, in any period"),
                              scenario_label (input, i), component);
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SMALL, note);
    }
  _palier_report_doc_table (doc, table);
}

static void
take_change_row (PalierReportTable         *table,
                 const PalierComparisonRow *row,
                 const char                *currency)
{
  _palier_report_table_take_row (table,
                                 g_strdup (row->partner),
                                 g_strdup (row->segment != NULL ? row->segment : ""),
                                 palier_format_money (row->baseline, currency),
                                 palier_format_money (row->proposal, currency),
                                 _palier_report_format_signed_money (row->difference, currency));
}

static void
draw_changes_table (PalierReportDoc         *doc,
                    const PalierReportInput *input,
                    guint                    index)
{
  const PalierScenarioColumn *column = &input->comparison->columns[index];
  const char *currency = scenario_currency (input, index);
  g_autoptr(PalierReportTable) table = _palier_report_table_new (5);
  g_autofree char *heading = NULL;
  guint n_gains = 0, n_losses = 0;

  if (column->rows == NULL || column->rows->len == 0)
    return;

  _palier_report_table_set_column (table, 0, _("Partner"), 1.6, FALSE);
  _palier_report_table_set_column (table, 1, _("Segment"), 1.4, FALSE);
  _palier_report_table_set_column (table, 2, scenario_label (input, 0), 1.6, TRUE);
  _palier_report_table_set_column (table, 3, scenario_label (input, index), 1.6, TRUE);
  _palier_report_table_set_column (table, 4, _("Difference"), 1.6, TRUE);

  /* Rows run from the largest gain to the largest loss. */
  for (guint r = 0; r < column->rows->len && n_gains < MAX_CHANGES_SHOWN; r++)
    {
      const PalierComparisonRow *row = g_ptr_array_index (column->rows, r);

      if (row->difference <= 0)
        break;
      take_change_row (table, row, currency);
      n_gains++;
    }
  for (guint r = column->rows->len; r > n_gains && n_losses < MAX_CHANGES_SHOWN; r--)
    {
      const PalierComparisonRow *row = g_ptr_array_index (column->rows, r - 1);

      if (row->difference >= 0)
        break;
      take_change_row (table, row, currency);
      n_losses++;
    }

  if (_palier_report_table_n_rows (table) == 0)
    return;

  heading = g_strdup_printf (_("Largest changes: %1$s against %2$s"),
                             scenario_label (input, index), scenario_label (input, 0));
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING, heading);
  _palier_report_doc_table (doc, table);
}

typedef struct {
  const PalierResult *result;
  char               *title;
} PeriodsChart;

static void
draw_periods (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  PeriodsChart *chart = user_data;
  PalierChartStyle style = *_palier_report_chart_style ();

  style.title = chart->title;
  palier_chart_draw_periods (cr, width, height, chart->result, &style);
}

void
_palier_report_draw_comparison (PalierReportDoc         *doc,
                                const PalierReportInput *input)
{
  if (input->comparison == NULL)
    return;

  _palier_report_doc_new_page (doc);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, _("Scenario comparison"));
  draw_totals_table (doc, input);
  draw_components_table (doc, input);
  draw_tier_counts_table (doc, input);

  for (guint i = 1; i < input->n_scenarios; i++)
    draw_changes_table (doc, input, i);

  /* TODO: draw the scenarios side by side in one chart once
   * palier-scenario.h offers one; until then each gets its own. */
  for (guint i = 0; i < input->n_scenarios; i++)
    {
      PeriodsChart chart = { input->comparison->columns[i].result, NULL };

      if (chart.result == NULL)
        continue;
      chart.title = g_strdup_printf (_("Payouts per period: %s"), scenario_label (input, i));
      _palier_report_doc_chart (doc, 200.0, draw_periods, &chart);
      g_free (chart.title);
    }
}
