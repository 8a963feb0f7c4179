/* palier-report-analysis.c: the report's cost risk, program health,
 * goal-seek and assumptions pages */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "palier-money.h"
#include "palier-report-private.h"

/* Rows of the cliffs and effective-rates tables. */
#define MAX_CLIFFS_SHOWN 15
#define MAX_RATES_SHOWN  10

static const char *
scenario_label (const PalierReportInput *input,
                guint                    index)
{
  const PalierScenario *scenario = input->scenarios[index];

  if (input->comparison != NULL && input->comparison->columns[index].label != NULL)
    return input->comparison->columns[index].label;
  return scenario->name != NULL ? scenario->name : scenario->id;
}

static char *
format_count (guint64 count)
{
  return palier_format_number (palier_decimal_from_int ((gint64) count), 0);
}

/* Cost risk */

static void
draw_risk_chart (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  palier_chart_draw_risk (cr, width, height, user_data, _palier_report_chart_style ());
}

static void
take_stats_row (PalierReportTable            *table,
                const char                   *label,
                const PalierMonteCarloResult *risk,
                const char                   *currency,
                gsize                         offset)
{
  PalierDecimal cost = G_STRUCT_MEMBER (PalierDecimal, &risk->cost, offset);
  PalierDecimal rate = G_STRUCT_MEMBER (PalierDecimal, &risk->cost_of_sales, offset);
  PalierDecimal sales = G_STRUCT_MEMBER (PalierDecimal, &risk->sales, offset);

  _palier_report_table_take_row (table, g_strdup (label),
                                 palier_format_money (cost, currency),
                                 palier_format_percent (rate, 2),
                                 palier_format_money (sales, currency));
}

static void
draw_stats_table (PalierReportDoc              *doc,
                  const PalierMonteCarloResult *risk,
                  const char                   *currency)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (4);

  _palier_report_table_set_column (table, 0, _("Statistic"), 2.0, FALSE);
  _palier_report_table_set_column (table, 1, _("Cost per year"), 1.8, TRUE);
  _palier_report_table_set_column (table, 2, _("Cost of sales"), 1.4, TRUE);
  _palier_report_table_set_column (table, 3, _("Sales per year"), 1.8, TRUE);

  take_stats_row (table, _("Mean"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, mean));
  take_stats_row (table, _("P10"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, p10));
  take_stats_row (table, _("P50 (median)"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, p50));
  take_stats_row (table, _("P90"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, p90));
  take_stats_row (table, _("P99"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, p99));
  take_stats_row (table, _("Lowest draw"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, min));
  take_stats_row (table, _("Highest draw"), risk, currency, G_STRUCT_OFFSET (PalierRiskStats, max));

  _palier_report_doc_table (doc, table);
}

static void
draw_budget (PalierReportDoc              *doc,
             const PalierMonteCarloResult *risk,
             const char                   *currency)
{
  g_autofree char *budget = palier_format_money (risk->budget, currency);
  g_autofree char *over = format_count (risk->n_over_budget);
  g_autofree char *draws = format_count (risk->n_draws);
  g_autofree char *probability = NULL;
  g_autofree char *sentence = NULL;
  PalierDecimal ratio = (PalierDecimal) llround (risk->probability_over_budget
                                                 * PALIER_DECIMAL_ONE);

  probability = palier_format_percent (ratio, 1);
  /* Translators: budget, probability, draws over budget, all draws. */
  sentence = g_strdup_printf (_("The cost exceeds the budget of %1$s with a probability of %2$s "
                                "(%3$s of %4$s simulated years)."),
                              budget, probability, over, draws);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, sentence);
}

void
_palier_report_draw_risk (PalierReportDoc         *doc,
                          const PalierReportInput *input)
{
  const PalierMonteCarloResult *risk = input->risk;
  const char *currency;
  g_autofree char *draws = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *method = NULL;

  if (risk == NULL)
    return;

  currency = input->programs[input->risk_scenario]->currency;
  draws = format_count (risk->n_draws);
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, risk->seed);
  /* Translators: scenario, number of simulated years, seed, partners,
   * program periods per year. */
  method = g_strdup_printf (_("%1$s: %2$s simulated years (seed %3$s), each partner’s %5$u "
                              "periods drawn at random from its own history, for %4$u partners."),
                            scenario_label (input, input->risk_scenario), draws, seed,
                            risk->n_partners, risk->periods_per_year);

  _palier_report_doc_new_page (doc);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, _("Cost risk"));
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, method);
  _palier_report_doc_chart (doc, 230.0, draw_risk_chart, (gpointer) risk);
  draw_stats_table (doc, risk, currency);
  if (risk->has_budget)
    draw_budget (doc, risk, currency);
}

/* Health */

static void
draw_health_chart (cairo_t  *cr,
                   double    width,
                   double    height,
                   gpointer  user_data)
{
  palier_chart_draw_health (cr, width, height, user_data, _palier_report_chart_style ());
}

static void
draw_health_figures (PalierReportDoc    *doc,
                     const PalierHealth *health)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (2);
  g_autofree char *near = _palier_format_percent_exact (health->near);

  _palier_report_table_set_column (table, 0, _("Figure"), 3.0, FALSE);
  _palier_report_table_set_column (table, 1, _("Value"), 1.5, TRUE);

  _palier_report_table_take_row (table, g_strdup (_("Partners")), format_count (health->n_partners));
  _palier_report_table_take_row (table, g_strdup (_("Partners paid")), format_count (health->n_paid));
  _palier_report_table_take_row (table, g_strdup (_("Share of cost of the top tenth of partners")),
                                 palier_format_percent (health->top_decile_share, 1));
  _palier_report_table_take_row (table, g_strdup (_("Gini coefficient (0 even, 1 one partner)")),
                                 palier_format_number (health->gini, 3));
  _palier_report_table_take_row (table,
                                 g_strdup_printf (_("Partners within %s below a boundary"), near),
                                 format_count (health->n_near_partners));

  _palier_report_doc_table (doc, table);
}

/* A cliff's base or boundary: money, or units for a units measure. */
static char *
format_cliff_amount (const PalierHealth *health,
                     const PalierCliff  *cliff,
                     PalierDecimal       value)
{
  const PalierComponent *component = palier_program_find_component (health->program,
                                                                    cliff->component);

  if (component == NULL)
    return palier_format_number (value, 2);
  return _palier_component_format_boundary (health->program, component, PALIER_BASIS_AMOUNT,
                                            value);
}

static void
draw_cliffs_table (PalierReportDoc    *doc,
                   const PalierHealth *health)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (7);
  const char *currency = health->program->currency;
  guint n = MIN (health->cliffs->len, MAX_CLIFFS_SHOWN);

  _palier_report_table_set_column (table, 0, _("Partner"), 1.3, FALSE);
  _palier_report_table_set_column (table, 1, _("Component"), 1.3, FALSE);
  _palier_report_table_set_column (table, 2, _("Period"), 1.0, FALSE);
  _palier_report_table_set_column (table, 3, _("Base"), 1.4, TRUE);
  _palier_report_table_set_column (table, 4, _("Boundary"), 1.4, TRUE);
  _palier_report_table_set_column (table, 5, _("Gap"), 1.2, TRUE);
  _palier_report_table_set_column (table, 6, _("Step"), 1.2, TRUE);

  for (guint i = 0; i < n; i++)
    {
      const PalierCliff *cliff = &g_array_index (health->cliffs, PalierCliff, i);

      _palier_report_table_take_row (table, g_strdup (cliff->partner),
                                     g_strdup (cliff->component),
                                     g_strdup (cliff->period),
                                     format_cliff_amount (health, cliff, cliff->base),
                                     format_cliff_amount (health, cliff, cliff->boundary),
                                     format_cliff_amount (health, cliff, cliff->gap),
                                     palier_format_money (cliff->step, currency));
    }

  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING,
                           _("Partners just below a boundary, largest step first"));
  _palier_report_doc_table (doc, table);

  if (health->cliffs->len > n)
    {
      g_autofree char *more = format_count (health->cliffs->len - n);
      g_autofree char *note = g_strdup_printf (_("%s more are not shown."), more);

      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SMALL, note);
    }
}

static void
draw_rates_table (PalierReportDoc    *doc,
                  const PalierHealth *health)
{
  g_autoptr(PalierReportTable) table = _palier_report_table_new (5);
  const char *currency = health->program->currency;
  guint n = MIN (health->rates->len, MAX_RATES_SHOWN);

  _palier_report_table_set_column (table, 0, _("Partner"), 1.5, FALSE);
  _palier_report_table_set_column (table, 1, _("Segment"), 1.5, FALSE);
  _palier_report_table_set_column (table, 2, _("Sales"), 1.7, TRUE);
  _palier_report_table_set_column (table, 3, _("Cost"), 1.5, TRUE);
  _palier_report_table_set_column (table, 4, _("Effective rate"), 1.3, TRUE);

  for (guint i = 0; i < n; i++)
    {
      const PalierEffectiveRate *rate = &g_array_index (health->rates, PalierEffectiveRate, i);

      _palier_report_table_take_row (table, g_strdup (rate->partner),
                                     g_strdup (rate->segment != NULL ? rate->segment : ""),
                                     palier_format_money (rate->sales, currency),
                                     palier_format_money (rate->cost, currency),
                                     palier_format_percent (rate->rate, 2));
    }

  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING,
                           _("Effective rate of the partners who cost most"));
  _palier_report_doc_table (doc, table);
}

void
_palier_report_draw_health (PalierReportDoc         *doc,
                            const PalierReportInput *input)
{
  const PalierHealth *health = input->health;
  g_autofree char *scenario = NULL;

  if (health == NULL)
    return;

  scenario = g_strdup_printf (_("Scenario %s"), scenario_label (input, input->health_scenario));

  _palier_report_doc_new_page (doc);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, _("Program health"));
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SMALL, scenario);
  _palier_report_doc_chart (doc, 210.0, draw_health_chart, (gpointer) health);
  draw_health_figures (doc, health);
  if (health->cliffs != NULL && health->cliffs->len > 0)
    draw_cliffs_table (doc, health);
  if (health->rates != NULL && health->rates->len > 0)
    draw_rates_table (doc, health);
}

/* Goal-seek */

static char *
describe_parameter (const PalierGoalSeekResult  *goal,
                    const PalierGoalSeekOptions *options)
{
  const PalierGoalParameter *parameter = &options->parameter;
  const PalierComponent *component = palier_program_find_component (goal->program,
                                                                    parameter->component);
  const char *name = component != NULL ? component->name : parameter->component;

  switch (parameter->kind)
    {
    case PALIER_GOAL_TIER_RATE:
      /* Translators: %1$u is a tier number from 1, %2$s a component. */
      return g_strdup_printf (_("rate of tier %1$u of %2$s"), parameter->index + 1, name);
    case PALIER_GOAL_TIER_FROM:
      return g_strdup_printf (_("lower boundary of tier %1$u of %2$s"), parameter->index + 1, name);
    case PALIER_GOAL_LEVEL_AMOUNT:
      return g_strdup_printf (_("amount of level %1$u of %2$s"), parameter->index + 1, name);
    case PALIER_GOAL_CAP:
      return g_strdup_printf (_("cap of %s"), name);
    case PALIER_GOAL_DEAL_AMOUNT:
      return g_strdup_printf (_("amount per deal of %s"), name);
    default:
      g_return_val_if_reached (g_strdup (name));
    }
}

static char *
format_parameter_value (const PalierGoalSeekResult  *goal,
                        const PalierGoalSeekOptions *options,
                        PalierDecimal                value)
{
  const PalierGoalParameter *parameter = options != NULL ? &options->parameter : NULL;
  const PalierComponent *component = NULL;
  const PalierTier *tier = NULL;

  if (parameter != NULL)
    component = palier_program_find_component (goal->program, parameter->component);
  if (component == NULL)
    return palier_format_number (value, PALIER_DECIMAL_DIGITS);

  if ((parameter->kind == PALIER_GOAL_TIER_RATE || parameter->kind == PALIER_GOAL_TIER_FROM)
      && component->tiers != NULL && parameter->index < component->tiers->len)
    tier = &g_array_index (component->tiers, PalierTier, parameter->index);

  if (parameter->kind == PALIER_GOAL_TIER_RATE)
    return _palier_component_format_tier_value (goal->program,
                                                tier != NULL ? tier->kind : PALIER_TIER_RATE,
                                                value);
  if (parameter->kind == PALIER_GOAL_TIER_FROM)
    return _palier_component_format_boundary (goal->program, component, component->basis, value);
  return palier_format_money (value, goal->program->currency);
}

static char *
format_figure (const PalierGoalSeekResult  *goal,
               const PalierGoalSeekOptions *options,
               PalierDecimal                value)
{
  if (options != NULL && options->metric == PALIER_GOAL_COST_OF_SALES)
    return palier_format_percent (value, 2);
  return palier_format_money (value, goal->program->currency);
}

static char *
describe_target (const PalierGoalSeekResult  *goal,
                 const PalierGoalSeekOptions *options)
{
  g_autofree char *target = format_figure (goal, options, goal->target);
  gboolean cost = options->metric == PALIER_GOAL_COST;

  switch (options->statistic)
    {
    case PALIER_GOAL_ON_HISTORY:
      return g_strdup_printf (cost ? _("cost of %s on history")
                                   : _("cost of sales of %s on history"), target);
    case PALIER_GOAL_ON_P50:
      return g_strdup_printf (cost ? _("cost of %s at the simulated median (P50)")
                                   : _("cost of sales of %s at the simulated median (P50)"),
                              target);
    case PALIER_GOAL_ON_P90:
      return g_strdup_printf (cost ? _("cost of %s at the simulated P90")
                                   : _("cost of sales of %s at the simulated P90"), target);
    default:
      g_return_val_if_reached (g_strdup (target));
    }
}

static void
draw_goal_outcome (PalierReportDoc             *doc,
                   const PalierGoalSeekResult  *goal,
                   const PalierGoalSeekOptions *options)
{
  g_autofree char *value = format_parameter_value (goal, options, goal->value);
  g_autofree char *achieved = format_figure (goal, options, goal->achieved);
  g_autofree char *low = format_parameter_value (goal, options, goal->range_min);
  g_autofree char *high = format_parameter_value (goal, options, goal->range_max);
  g_autofree char *sentence = NULL;

  if (goal->found)
    sentence = g_strdup_printf (_("The value %1$s meets the target: it gives %2$s."), value, achieved);
  else
    sentence = g_strdup_printf (_("No value from %1$s to %2$s meets the target. The closest, "
                                  "%3$s, gives %4$s."), low, high, value, achieved);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, sentence);
}

void
_palier_report_draw_goal (PalierReportDoc         *doc,
                          const PalierReportInput *input)
{
  const PalierGoalSeekResult *goal = input->goal;
  const PalierGoalSeekOptions *options = input->goal_options;
  g_autoptr(PalierReportTable) table = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (goal == NULL || goal->program == NULL)
    return;

  _palier_report_doc_new_page (doc);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, _("Goal-seek"));

  if (options != NULL)
    {
      g_autofree char *parameter = describe_parameter (goal, options);
      g_autofree char *target = describe_target (goal, options);
      g_autofree char *sought = NULL;

      /* Translators: the parameter changed, then the target sought. */
      sought = g_strdup_printf (_("Palier changed the %1$s of program %2$s to reach a %3$s."),
                                parameter, goal->program->name, target);
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, sought);
    }
  draw_goal_outcome (doc, goal, options);

  table = _palier_report_table_new (2);
  _palier_report_table_set_column (table, 0, _("Figure"), 3.0, FALSE);
  _palier_report_table_set_column (table, 1, _("Value"), 2.0, TRUE);
  _palier_report_table_take_row (table, g_strdup (_("Value in the program")),
                                 format_parameter_value (goal, options, goal->original));
  _palier_report_table_take_row (table, g_strdup (goal->found ? _("Value found")
                                                              : _("Closest value")),
                                 format_parameter_value (goal, options, goal->value));
  _palier_report_table_take_row (table, g_strdup (_("Target")),
                                 format_figure (goal, options, goal->target));
  _palier_report_table_take_row (table, g_strdup (_("Figure reached")),
                                 format_figure (goal, options, goal->achieved));
  low = format_figure (goal, options, goal->reachable_min);
  high = format_figure (goal, options, goal->reachable_max);
  _palier_report_table_take_row (table, g_strdup (_("Figures over the allowed range")),
                                 g_strdup_printf ("%s – %s", low, high));
  _palier_report_table_take_row (table, g_strdup (_("Simulations run")),
                                 format_count (goal->n_evaluations));
  _palier_report_doc_table (doc, table);
}

/* Assumptions */

static char *
format_growth (PalierDecimal growth)
{
  g_autofree char *percent = _palier_format_percent_exact (growth);

  if (growth > 0)
    return g_strconcat ("+", percent, NULL);
  return g_steal_pointer (&percent);
}

static char *
format_growth_line (PalierGrowthDimension  dimension,
                    const char            *key,
                    const char            *growth)
{
  switch (dimension)
    {
    case PALIER_GROWTH_SEGMENT:
      /* Translators: growth of one segment: “Growth of segment Consumer: +5 %”. */
      return g_strdup_printf (_("Growth of segment %1$s: %2$s"), key, growth);
    case PALIER_GROWTH_CATEGORY:
      return g_strdup_printf (_("Growth of category %1$s: %2$s"), key, growth);
    case PALIER_GROWTH_REGION:
      return g_strdup_printf (_("Growth of region %1$s: %2$s"), key, growth);
    default:
      g_return_val_if_reached (g_strdup (key));
    }
}

GPtrArray *
_palier_assumptions_describe (const PalierAssumptions *assumptions)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *overall = format_growth (assumptions->growth);

  g_ptr_array_add (lines, g_strdup_printf (_("Overall sales growth: %s"), overall));

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    for (guint i = 0; assumptions->growths[d] != NULL && i < assumptions->growths[d]->len; i++)
      {
        const PalierGrowth *growth = &g_array_index (assumptions->growths[d], PalierGrowth, i);
        g_autofree char *value = format_growth (growth->growth);

        g_ptr_array_add (lines, format_growth_line (d, growth->key, value));
      }

  if (assumptions->removed != NULL && assumptions->removed->len > 0)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_copy (assumptions->removed, NULL, NULL);
      g_autofree char *list = NULL;

      g_ptr_array_add (codes, NULL);
      list = g_strjoinv (", ", (char **) codes->pdata);
      g_ptr_array_add (lines, g_strdup_printf (_("Partners left out: %s"), list));
    }

  for (guint i = 0; assumptions->added != NULL && i < assumptions->added->len; i++)
    {
      const PalierAddedPartner *added = &g_array_index (assumptions->added, PalierAddedPartner, i);
      g_autofree char *factor = palier_format_number (added->factor, 2);

      /* Translators: an added partner: code, source partner, factor. */
      g_ptr_array_add (lines, g_strdup_printf (_("Partner %1$s added: the history of %2$s multiplied by %3$s"),
                                               added->name != NULL ? added->name : added->code,
                                               added->source, factor));
    }

  return lines;
}

static void
draw_assumption_lines (PalierReportDoc         *doc,
                       const PalierAssumptions *assumptions)
{
  g_autoptr(GPtrArray) lines = _palier_assumptions_describe (assumptions);

  for (guint i = 0; i < lines->len; i++)
    _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, g_ptr_array_index (lines, i));
}

static char *
format_window (const PalierScenario *scenario)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (scenario->from != PALIER_DATE_NONE)
    from = _palier_format_date (scenario->from);
  if (scenario->to != PALIER_DATE_NONE)
    to = _palier_format_date (scenario->to);

  if (from != NULL && to != NULL)
    return g_strdup_printf (_("Sales history: %1$s to %2$s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_("Sales history: from %s to the last sale"), from);
  if (to != NULL)
    return g_strdup_printf (_("Sales history: from the first sale to %s"), to);
  return g_strdup (_("Sales history: all of it"));
}

static void
draw_scenario_assumptions (PalierReportDoc         *doc,
                           const PalierReportInput *input,
                           guint                    index)
{
  const PalierScenario *scenario = input->scenarios[index];
  g_autofree char *program = g_strdup_printf (_("Program: %1$s (%2$s)"),
                                              input->programs[index]->name,
                                              input->programs[index]->id);
  g_autofree char *window = format_window (scenario);
  g_autofree char *canonical = NULL;

  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SUBHEADING, scenario_label (input, index));
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, program);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, window);

  if (scenario->assumptions == NULL)
    {
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_BODY, _("No growth, nobody left out or added."));
      return;
    }

  draw_assumption_lines (doc, scenario->assumptions);

  /* The stored text lets a reader re-create the scenario exactly. */
  canonical = palier_assumptions_to_string (scenario->assumptions);
  if (canonical != NULL && canonical[0] != '\0')
    {
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_SMALL, _("As stored in the workspace:"));
      _palier_report_doc_text (doc, PALIER_REPORT_TEXT_MONO, canonical);
    }
  _palier_report_doc_space (doc, 6.0);
}

void
_palier_report_draw_assumptions (PalierReportDoc         *doc,
                                 const PalierReportInput *input)
{
  _palier_report_doc_new_page (doc);
  _palier_report_doc_text (doc, PALIER_REPORT_TEXT_HEADING, _("Assumptions"));

  for (guint i = 0; i < input->n_scenarios; i++)
    draw_scenario_assumptions (doc, input, i);
}
