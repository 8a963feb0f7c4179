/* palier-statement.c: one partner's payout for one program period,
 * explained line by line
 *
 * A statement runs the simulation's second phase for the program.  For
 * each component, it then takes the component periods whose payout
 * lands in the requested program period: the same period for a
 * component on the program's period, or the longer period whose last
 * day falls in it.  It recomputes each payout with
 * palier_payout_compute() and its trace, so what it shows is what it
 * adds up.  A payout that differs from the simulation's is logged as a
 * bug.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-health-private.h"
#include "palier-money.h"

#define WIDE_E6 ((PalierWide) PALIER_DECIMAL_ONE)

/* The partner and period a statement is built for. */
typedef struct {
  PalierStatement    *statement;
  PalierEvaluation   *evaluation;
  const PalierBases  *bases;
  guint               active;           /* index in the bases' active list */
  guint               partner_index;    /* index in the bases' partners */
  gint32              period;           /* program period index */
  int                 minor_digits;
} Builder;

static void
statement_line_free (gpointer data)
{
  PalierStatementLine *line = data;

  g_free (line->period);
  g_clear_pointer (&line->steps, g_array_unref);
  g_clear_pointer (&line->deals, g_array_unref);
  g_free (line);
}

static void
statement_deal_clear (gpointer data)
{
  PalierStatementDeal *deal = data;

  g_free (deal->deal);
}

PalierStatement *
palier_statement_ref (PalierStatement *statement)
{
  g_return_val_if_fail (statement != NULL, NULL);

  g_atomic_int_inc (&statement->ref_count);
  return statement;
}

void
palier_statement_unref (PalierStatement *statement)
{
  g_return_if_fail (statement != NULL);

  if (!g_atomic_int_dec_and_test (&statement->ref_count))
    return;

  g_clear_pointer (&statement->program, palier_program_unref);
  g_free (statement->partner);
  g_free (statement->name);
  g_free (statement->segment);
  g_free (statement->period);
  g_clear_pointer (&statement->lines, g_ptr_array_unref);
  g_clear_pointer (&statement->scenario, palier_scenario_unref);
  g_free (statement);
}

void
palier_statement_set_scenario (PalierStatement      *statement,
                               const PalierScenario *scenario)
{
  g_return_if_fail (statement != NULL);

  g_clear_pointer (&statement->scenario, palier_scenario_unref);
  if (scenario != NULL)
    statement->scenario = palier_scenario_copy (scenario);
}

static PalierDecimal
ratio_of (PalierDecimal value,
          PalierDecimal divisor)
{
  PalierWide ratio;

  if (divisor == 0 || !palier_wide_mul_div_round (value, WIDE_E6, divisor, &ratio))
    return 0;
  return (PalierDecimal) ratio;
}

/* The partner's revenue over all lines in the program period. */
static gboolean
sum_sales (Builder   *builder,
           gboolean  *out_listed,
           GError   **error)
{
  PalierStatement *statement = builder->statement;
  const PalierMonthTable *all_lines = g_ptr_array_index (builder->bases->tables, 0);
  gint32 first = palier_date_year (statement->first) * 12 + palier_date_month (statement->first) - 1;
  gint32 last = palier_date_year (statement->last) * 12 + palier_date_month (statement->last) - 1;
  guint n_months;
  const PalierMonthTotal *months = _palier_month_table_get (all_lines, builder->partner_index, &n_months);

  *out_listed = FALSE;
  for (guint m = 0; m < n_months; m++)
    {
      if (months[m].month < first || months[m].month > last)
        continue;
      *out_listed = TRUE;
      if (!palier_decimal_add (statement->sales, months[m].revenue, &statement->sales))
        return _palier_simulate_set_overflow (error);
    }
  return TRUE;
}

/* Deals */

static gboolean
list_deals (Builder              *builder,
            const PalierComponent *component,
            PalierStatementLine  *line,
            GError              **error)
{
  const PalierBases *bases = builder->bases;
  int found = _palier_bases_find_deal_table (bases, &component->filter, component->measure);
  const PalierDealTable *table;
  PalierWide sum = 0;

  g_return_val_if_fail (found >= 0, FALSE);
  table = g_ptr_array_index (bases->deal_tables, found);

  line->deals = g_array_new (FALSE, TRUE, sizeof (PalierStatementDeal));
  g_array_set_clear_func (line->deals, statement_deal_clear);

  for (guint d = table->starts[builder->partner_index]; d < table->starts[builder->partner_index + 1]; d++)
    {
      const PalierDeal *deal = &g_array_index (table->deals, PalierDeal, d);
      PalierStatementDeal item = { 0 };
      PalierWide exact = 0;

      if (deal->date < line->first || deal->date > line->last)
        continue;

      /* The deal table keeps no deal ids, only each deal's date. */
      item.date = deal->date;
      item.value = deal->value;
      if (deal->value >= component->deal_min)
        {
          exact = (PalierWide) component->deal_amount * WIDE_E6;
          if (component->has_deal_rate)
            exact += palier_decimal_mul_wide (component->deal_rate, deal->value);
        }
      if (!palier_wide_round (exact, 2 * PALIER_DECIMAL_DIGITS, PALIER_DECIMAL_DIGITS, &item.payout))
        return _palier_simulate_set_overflow (error);
      sum += exact;
      g_array_append_val (line->deals, item);
    }

  if (!palier_wide_round (sum, 2 * PALIER_DECIMAL_DIGITS, builder->minor_digits, &line->payout))
    return _palier_simulate_set_overflow (error);
  return TRUE;
}

/* Rewards */

/* Ranks the partner among the partners with a line and a positive base
 * in the same component period: 1 + those with a larger base, so tied
 * partners share a rank. */
static gboolean
rank_partner (Builder             *builder,
              guint                component,
              guint                k,
              PalierDecimal        base,
              guint               *out_rank,
              GError             **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (PalierEvaluationCell));
  guint rank = 1;

  for (guint i = 0; i < builder->bases->active->len; i++)
    {
      const PalierEvaluationCell *cell;

      g_array_set_size (cells, 0);
      if (!_palier_evaluation_get_cells (builder->evaluation, i, component, cells, error))
        return FALSE;
      cell = &g_array_index (cells, PalierEvaluationCell, k);
      if (cell->present && cell->base > 0 && cell->base > base)
        rank++;
    }
  *out_rank = rank;
  return TRUE;
}

static gboolean
qualify_reward (Builder                     *builder,
                guint                        component_number,
                guint                        k,
                PalierStatementLine         *line,
                GError                     **error)
{
  const PalierComponent *component = line->component;
  const PalierPayoutInput *input = &line->input;

  if (component->reward_rule == PALIER_REWARD_RULE_TOP)
    {
      if (input->base > 0 &&
          !rank_partner (builder, component_number, k, input->base, &line->rank, error))
        return FALSE;
      line->qualified = input->base > 0 && line->rank <= component->top_count;
    }
  else if (component->threshold_basis == PALIER_BASIS_ATTAINMENT)
    line->qualified = input->base > 0 && input->has_quota &&
                      palier_decimal_compare_product (input->base, component->threshold_min,
                                                      input->quota) >= 0;
  else
    line->qualified = input->base > 0 && input->base >= component->threshold_min;

  line->non_cash = line->qualified ? component->unit_cost : 0;
  return TRUE;
}

/* Lines */

static PalierStatementLine *
line_new (Builder                    *builder,
          const PalierComponent      *component,
          const PalierEvaluationCell *cell,
          PalierDecimal               carried_in)
{
  PalierStatement *statement = builder->statement;
  PalierStatementLine *line = g_new0 (PalierStatementLine, 1);

  line->component = component;
  line->period = palier_period_label (cell->kind, statement->program->fiscal_year_start, cell->index);
  line->first = cell->first;
  line->last = cell->last;
  line->carried_in = carried_in;
  line->input.base = cell->base;
  line->input.has_quota = cell->has_quota;
  line->input.quota = cell->quota;
  line->input.segment = statement->segment;
  line->input.minor_digits = builder->minor_digits;
  if (_palier_health_uses_quota (component) && cell->has_quota)
    line->attainment = ratio_of (cell->base, cell->quota);
  line->steps = g_array_new (FALSE, TRUE, sizeof (PalierPayoutStep));
  return line;
}

static gboolean
explain_line (Builder              *builder,
              guint                 component_number,
              guint                 k,
              PalierStatementLine  *line,
              GError              **error)
{
  switch (line->component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
    case PALIER_COMPONENT_BONUS:
      return palier_payout_compute (line->component, &line->input, &line->payout,
                                    line->steps, error);
    case PALIER_COMPONENT_DEAL_BONUS:
      return list_deals (builder, line->component, line, error);
    case PALIER_COMPONENT_REWARD:
      return qualify_reward (builder, component_number, k, line, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Whether the simulation pays @cell: a rated component or a reward in
 * every period with a line, a deal bonus where it has deals. */
static gboolean
cell_is_paid (const PalierComponent      *component,
              const PalierEvaluationCell *cell)
{
  if (component->kind == PALIER_COMPONENT_DEAL_BONUS)
    return cell->paid;
  return cell->present;
}

static void
check_against_simulation (const Builder              *builder,
                          const PalierStatementLine  *line,
                          const PalierEvaluationCell *cell)
{
  PalierDecimal computed = line->component->kind == PALIER_COMPONENT_REWARD ? line->non_cash
                                                                             : line->payout;
  char expected_text[PALIER_DECIMAL_BUFSIZE], computed_text[PALIER_DECIMAL_BUFSIZE];

  if (computed == cell->payout)
    return;

  g_warning ("Statement of partner %s, component %s, period %s: computed %s, the simulation paid %s",
             builder->statement->partner, line->component->id, line->period,
             palier_decimal_format_exact (computed, computed_text),
             palier_decimal_format_exact (cell->payout, expected_text));
}

static gboolean
add_component_lines (Builder   *builder,
                     guint      c,
                     GArray    *cells,
                     GArray    *carried,
                     GError   **error)
{
  PalierStatement *statement = builder->statement;
  const PalierComponent *component = g_ptr_array_index (statement->program->components, c);

  if (!_palier_health_read_cells (builder->evaluation, statement->program, builder->active, c,
                                  cells, carried, error))
    return FALSE;

  for (guint k = 0; k < cells->len; k++)
    {
      const PalierEvaluationCell *cell = &g_array_index (cells, PalierEvaluationCell, k);
      PalierStatementLine *line;

      if (cell->landing != builder->period || !cell_is_paid (component, cell))
        continue;

      line = line_new (builder, component, cell, g_array_index (carried, PalierDecimal, k));
      g_ptr_array_add (statement->lines, line);
      if (!explain_line (builder, c, k, line, error))
        return FALSE;
      check_against_simulation (builder, line, cell);

      if (!palier_decimal_add (statement->payout, line->payout, &statement->payout) ||
          !palier_decimal_add (statement->non_cash, line->non_cash, &statement->non_cash))
        return _palier_simulate_set_overflow (error);
    }
  return TRUE;
}

static gboolean
add_lines (Builder  *builder,
           GError  **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (PalierEvaluationCell));
  g_autoptr(GArray) carried = g_array_new (FALSE, TRUE, sizeof (PalierDecimal));
  const PalierProgram *program = builder->statement->program;

  for (guint c = 0; c < program->components->len; c++)
    if (!add_component_lines (builder, c, cells, carried, error))
      return FALSE;
  return TRUE;
}

/* Finds the partner and the program period, or sets a NOT_FOUND error. */
static gboolean
locate (Builder     *builder,
        const char  *partner,
        const char  *period,
        GError     **error)
{
  PalierStatement *statement = builder->statement;
  const PalierProgram *program = statement->program;
  const PalierPartner *row;
  int active;

  if (!palier_period_parse_label (program->period, program->fiscal_year_start, period,
                                  &builder->period))
    {
      g_autofree char *example = palier_period_label (program->period, program->fiscal_year_start,
                                                      palier_period_index (program->period,
                                                                           program->fiscal_year_start,
                                                                           builder->bases->from != PALIER_DATE_NONE ? builder->bases->from : 20240101));

      g_set_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_NOT_FOUND,
                   _("invalid period “%s” for program “%s”, which pays per %s; use a label such as “%s”"),
                   period, program->id, palier_period_kind_to_string (program->period), example);
      return FALSE;
    }

  active = _palier_health_find_active (builder->bases, partner);
  if (active < 0)
    {
      g_set_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_NOT_FOUND,
                   _("partner “%s” not found among the partners with sales in the range; check the partner code and the dates"),
                   partner);
      return FALSE;
    }

  builder->active = (guint) active;
  builder->partner_index = g_array_index (builder->bases->active, guint, active);
  row = g_ptr_array_index (builder->bases->partners, builder->partner_index);

  statement->partner = g_strdup (row->code);
  statement->name = g_strdup (row->name);
  statement->segment = g_strdup (row->segment);
  statement->period = palier_period_label (program->period, program->fiscal_year_start,
                                           builder->period);
  palier_period_bounds (program->period, program->fiscal_year_start, builder->period,
                        &statement->first, &statement->last);
  return TRUE;
}

PalierStatement *
palier_statement_compute (const PalierBases    *bases,
                          const PalierProgram  *program,
                          const char           *partner,
                          const char           *period,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(PalierStatement) statement = NULL;
  g_autoptr(PalierEvaluation) evaluation = NULL;
  Builder builder = { 0 };
  gboolean listed;

  g_return_val_if_fail (bases != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (partner != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (palier_bases_can_simulate (bases, program), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = g_new0 (PalierStatement, 1);
  statement->ref_count = 1;
  statement->program = palier_program_copy (program);
  statement->lines = g_ptr_array_new_with_free_func (statement_line_free);

  builder.statement = statement;
  builder.bases = bases;
  builder.minor_digits = palier_currency_minor_digits (program->currency);
  if (!locate (&builder, partner, period, error))
    return NULL;

  evaluation = _palier_evaluation_new (bases);
  builder.evaluation = evaluation;
  if (!_palier_evaluation_update (evaluation, statement->program, cancellable, error) ||
      !sum_sales (&builder, &listed, error) ||
      !add_lines (&builder, error))
    return NULL;

  if (!listed && statement->lines->len == 0)
    {
      g_set_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_NOT_FOUND,
                   _("partner “%s” has no sales and no payout in period “%s”; choose a period in which the partner sold"),
                   statement->partner, statement->period);
      return NULL;
    }
  return g_steal_pointer (&statement);
}
