/* palier-evaluation.c: phase two of a simulation, kept between edits
 *
 * The month totals of PalierBases are laid out once per component
 * period kind and filter in flat arrays, one cell per active partner
 * and component period (a "grid").  Each component's payouts are one
 * more array of the same shape.  An edit of one component therefore
 * recomputes one array, and the totals are plain sums.  The
 * PalierResult, with its strings and per-partner periods, is built only
 * when asked.
 *
 * The rules, as the simulation applies them:
 *
 * - A partner is paid, for each component, in every component period in
 *   which it has at least one transaction in the range.  The base is the
 *   component's measure over the lines that pass its filter, or zero when
 *   none does.
 * - A component period longer than the program's lands its payout in the
 *   program period that contains its last day, or the range's last day
 *   when the range ends earlier.  Its quota, for attainment, is the sum of
 *   the program-period quotas of the program periods it shares with the
 *   range.
 * - With negative="carry-forward", a negative base pays nothing and its
 *   deficit is added to the base of the partner's next paid period of the
 *   same component, until the fiscal year ends.
 * - Each payout of one component, partner and period is rounded once;
 *   every total is a sum of those payouts.
 * - A deal bonus pays, for each component period, the exact sum of its
 *   qualifying deals, rounded once.  A deal belongs to the period of its
 *   earliest line in the range that passes the filter.
 * - A reward qualifies partners per component period, on the same bases
 *   as a commission.  Its cost is non-cash and lands like a payout.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-simulate-private.h"
#include "palier-money.h"
#include "palier-payout.h"

/* Where the quota of one partner and program period comes from. */
typedef enum {
  QUOTA_NONE,                   /* neither the quotas file nor the program gives one */
  QUOTA_SET,
  QUOTA_PARTIAL,                /* the quotas file covers some of its days only */
} QuotaState;

/* Partners between two checks of a GCancellable. */
#define CANCEL_CHECK_PARTNERS 256

#define N_PERIOD_KINDS (PALIER_PERIOD_YEAR + 1)

#define WIDE_E6  ((PalierWide) PALIER_DECIMAL_ONE)
#define WIDE_E12 (WIDE_E6 * WIDE_E6)

/* Component periods of one kind over the range. */
typedef struct {
  gint32      first_index;
  guint       n_periods;
  PalierDate *first_days;
  PalierDate *last_days;
  guint      *landing;          /* program slot where a payout lands */
  guint      *first_slot;       /* first program slot it shares with the range */
  gint32     *fiscal_years;
  guint      *month_period;     /* component period of each month of the range */
  guint8     *present;          /* n_active x n_periods: at least one line */
} Frame;

/* One filter's measure summed per active partner and component period. */
typedef struct {
  const PalierMonthTable *table;
  PalierMeasure           measure;
  PalierPeriodKind        kind;
  PalierDecimal          *bases;        /* n_active x n_periods of the frame */
} Grid;

/* A commission or bonus prepared for the payout loop: its tier or level
 * values resolved for each partner segment. */
typedef struct {
  gboolean        fast;         /* the exact arithmetic below applies */
  gboolean        attainment;
  guint           n_values;
  PalierDecimal  *bounds;       /* each tier's from or level's min */
  PalierDecimal  *values;       /* (n_segments + 1) x n_values; row 0: no segment */
} Compiled;

typedef struct {
  PalierComponent        *component;    /* a copy, to recognise it */
  PalierPeriodKind        kind;
  Grid                   *grid;         /* NULL for a deal bonus */
  const PalierDealTable  *deal_table;   /* deal bonus only */
  PalierDecimal          *payouts;      /* n_active x n_periods; the non-cash cost for a reward */
  guint8                 *paid;         /* cells that land a payout or a reward */
  PalierDecimal           total;        /* payout, or non-cash for a reward */
} ComponentState;

struct _PalierEvaluation
{
  const PalierBases *bases;
  guint              n_active;
  const guint       *active;            /* partner index of each active partner */

  /* Layout for the program's period kind and fiscal year. */
  gboolean           has_layout;
  PalierPeriodKind   period;
  int                fy_start;
  gint32             first_month;       /* year * 12 + month - 1 */
  guint              n_months;
  gint32             first_period;
  guint              n_periods;
  guint             *month_slot;        /* program slot of each month of the range */
  PalierDecimal     *sales;             /* n_active x n_periods */
  guint8            *sales_listed;
  PalierDecimal      total_sales;
  Frame             *frames[N_PERIOD_KINDS];
  GPtrArray         *grids;             /* Grid * */

  /* Partner segments, and quotas per partner and program period for the
   * program's quotas and the bases' quotas file. */
  int               *segment_ids;       /* -1 for no segment */
  GPtrArray         *segments;          /* const char *, owned by the bases */
  gboolean           has_quotas;
  guint8            *quota_state;       /* n_active x n_periods, QuotaState */
  PalierDecimal     *quota;             /* n_active x n_periods */
  int                minor_digits;

  GPtrArray         *pool;              /* ComponentState *, reusable */
  GPtrArray         *current;           /* ComponentState *, program order, or NULL */
  PalierProgram     *program;           /* copy of the last program updated */
  PalierDecimal      total_payout;
  PalierDecimal      total_non_cash;

  PalierEvaluationStats stats;
};

static PalierDate
month_first_day (gint32 month)
{
  return palier_date_from_ymd (month / 12, month % 12 + 1, 1);
}

static gint32
month_of_date (PalierDate date)
{
  return palier_date_year (date) * 12 + palier_date_month (date) - 1;
}

static gboolean
add_checked (PalierDecimal  *sum,
             PalierDecimal   value,
             GError        **error)
{
  if (!palier_decimal_add (*sum, value, sum))
    return _palier_simulate_set_overflow (error);
  return TRUE;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 guint          i,
                 GError       **error)
{
  if (i % CANCEL_CHECK_PARTNERS != 0 || !g_cancellable_is_cancelled (cancellable))
    return TRUE;
  return _palier_simulate_set_cancelled (error);
}

static gboolean
range_is_empty (const PalierEvaluation *evaluation)
{
  return evaluation->bases->from == PALIER_DATE_NONE ||
         evaluation->bases->to == PALIER_DATE_NONE;
}

/* Frames */

static void
frame_free (Frame *frame)
{
  if (frame == NULL)
    return;

  g_free (frame->first_days);
  g_free (frame->last_days);
  g_free (frame->landing);
  g_free (frame->first_slot);
  g_free (frame->fiscal_years);
  g_free (frame->month_period);
  g_free (frame->present);
  g_free (frame);
}

static gint32
program_period_of (const PalierEvaluation *evaluation,
                   PalierDate              date)
{
  return palier_period_index (evaluation->period, evaluation->fy_start, date);
}

/* Slot of the program period that contains @date, which is in range. */
static guint
slot_of_date (const PalierEvaluation *evaluation,
              PalierDate              date)
{
  return (guint) (program_period_of (evaluation, date) - evaluation->first_period);
}

static void
frame_fill_periods (const PalierEvaluation *evaluation,
                    PalierPeriodKind        kind,
                    Frame                  *frame)
{
  const PalierBases *bases = evaluation->bases;
  int fy_start = evaluation->fy_start;

  for (guint k = 0; k < frame->n_periods; k++)
    {
      PalierDate first, last;

      palier_period_bounds (kind, fy_start, frame->first_index + (gint32) k, &first, &last);
      frame->first_days[k] = first;
      frame->last_days[k] = last;
      frame->landing[k] = slot_of_date (evaluation, MIN (last, bases->to));
      frame->first_slot[k] = slot_of_date (evaluation, MAX (first, bases->from));
      frame->fiscal_years[k] = palier_period_index (PALIER_PERIOD_YEAR, fy_start, first);
    }

  for (guint m = 0; m < evaluation->n_months; m++)
    frame->month_period[m] = (guint) (palier_period_index (kind, fy_start,
                                                           month_first_day (evaluation->first_month + (gint32) m)) -
                                      frame->first_index);
}

static void
frame_fill_present (const PalierEvaluation *evaluation,
                    Frame                  *frame)
{
  const PalierMonthTable *all_lines = g_ptr_array_index (evaluation->bases->tables, 0);

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      guint n_months;
      const PalierMonthTotal *months = _palier_month_table_get (all_lines, evaluation->active[i], &n_months);
      guint8 *present = frame->present + (gsize) i * frame->n_periods;

      for (guint m = 0; m < n_months; m++)
        present[frame->month_period[months[m].month - evaluation->first_month]] = TRUE;
    }
}

static Frame *
get_frame (PalierEvaluation *evaluation,
           PalierPeriodKind  kind)
{
  Frame *frame = evaluation->frames[kind];

  if (frame != NULL)
    return frame;

  frame = g_new0 (Frame, 1);
  if (!range_is_empty (evaluation))
    {
      frame->first_index = palier_period_index (kind, evaluation->fy_start, evaluation->bases->from);
      frame->n_periods = (guint) (palier_period_index (kind, evaluation->fy_start, evaluation->bases->to) -
                                  frame->first_index + 1);
    }
  frame->first_days = g_new0 (PalierDate, frame->n_periods + 1);
  frame->last_days = g_new0 (PalierDate, frame->n_periods + 1);
  frame->landing = g_new0 (guint, frame->n_periods + 1);
  frame->first_slot = g_new0 (guint, frame->n_periods + 1);
  frame->fiscal_years = g_new0 (gint32, frame->n_periods + 1);
  frame->month_period = g_new0 (guint, evaluation->n_months + 1);
  frame->present = g_new0 (guint8, (gsize) evaluation->n_active * frame->n_periods + 1);

  frame_fill_periods (evaluation, kind, frame);
  frame_fill_present (evaluation, frame);

  evaluation->frames[kind] = frame;
  return frame;
}

/* Grids */

static void
grid_free (gpointer data)
{
  Grid *grid = data;

  g_free (grid->bases);
  g_free (grid);
}

static PalierDecimal
measure_of (const PalierMonthTotal *total,
            PalierMeasure           measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_MARGIN:
      return total->margin;
    case PALIER_MEASURE_UNITS:
      return total->units;
    case PALIER_MEASURE_REVENUE:
    default:
      return total->revenue;
    }
}

static Grid *
grid_compute (PalierEvaluation        *evaluation,
              const PalierMonthTable  *table,
              PalierMeasure            measure,
              PalierPeriodKind         kind,
              GError                 **error)
{
  Frame *frame = get_frame (evaluation, kind);
  Grid *grid = g_new0 (Grid, 1);

  grid->table = table;
  grid->measure = measure;
  grid->kind = kind;
  grid->bases = g_new0 (PalierDecimal, (gsize) evaluation->n_active * frame->n_periods + 1);

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      guint n_months;
      const PalierMonthTotal *months = _palier_month_table_get (table, evaluation->active[i], &n_months);
      PalierDecimal *bases = grid->bases + (gsize) i * frame->n_periods;

      for (guint m = 0; m < n_months; m++)
        {
          guint k = frame->month_period[months[m].month - evaluation->first_month];

          if (!add_checked (&bases[k], measure_of (&months[m], measure), error))
            {
              grid_free (grid);
              return NULL;
            }
        }
    }

  evaluation->stats.n_grids++;
  return grid;
}

static Grid *
get_grid (PalierEvaluation       *evaluation,
          const PalierComponent  *component,
          PalierPeriodKind        kind,
          GError                **error)
{
  const PalierBases *bases = evaluation->bases;
  const PalierMonthTable *table = g_ptr_array_index (bases->tables,
                                                     _palier_bases_find_table (bases, &component->filter));
  Grid *grid;

  for (guint i = 0; i < evaluation->grids->len; i++)
    {
      grid = g_ptr_array_index (evaluation->grids, i);
      if (grid->table == table && grid->measure == component->measure && grid->kind == kind)
        return grid;
    }

  grid = grid_compute (evaluation, table, component->measure, kind, error);
  if (grid != NULL)
    g_ptr_array_add (evaluation->grids, grid);
  return grid;
}

/* Layout */

static void
layout_clear (PalierEvaluation *evaluation)
{
  evaluation->has_layout = FALSE;
  g_clear_pointer (&evaluation->month_slot, g_free);
  g_clear_pointer (&evaluation->sales, g_free);
  g_clear_pointer (&evaluation->sales_listed, g_free);
  for (guint kind = 0; kind < N_PERIOD_KINDS; kind++)
    g_clear_pointer (&evaluation->frames[kind], frame_free);
  g_ptr_array_set_size (evaluation->grids, 0);
  g_ptr_array_set_size (evaluation->pool, 0);
  g_clear_pointer (&evaluation->current, g_ptr_array_unref);
  evaluation->has_quotas = FALSE;
  g_clear_pointer (&evaluation->quota_state, g_free);
  g_clear_pointer (&evaluation->quota, g_free);
}

static gboolean
layout_compute (PalierEvaluation     *evaluation,
                const PalierProgram  *program,
                GError              **error)
{
  const PalierBases *bases = evaluation->bases;
  const PalierMonthTable *all_lines = g_ptr_array_index (bases->tables, 0);

  layout_clear (evaluation);
  evaluation->period = program->period;
  evaluation->fy_start = program->fiscal_year_start;
  evaluation->first_month = 0;
  evaluation->n_months = 0;
  evaluation->first_period = 0;
  evaluation->n_periods = 0;

  if (!range_is_empty (evaluation))
    {
      evaluation->first_month = month_of_date (bases->from);
      evaluation->n_months = (guint) (month_of_date (bases->to) - evaluation->first_month + 1);
      evaluation->first_period = program_period_of (evaluation, bases->from);
      evaluation->n_periods = (guint) (program_period_of (evaluation, bases->to) - evaluation->first_period + 1);
    }

  evaluation->month_slot = g_new0 (guint, evaluation->n_months + 1);
  for (guint m = 0; m < evaluation->n_months; m++)
    evaluation->month_slot[m] = slot_of_date (evaluation,
                                              MAX (month_first_day (evaluation->first_month + (gint32) m),
                                                   bases->from));

  evaluation->sales = g_new0 (PalierDecimal, (gsize) evaluation->n_active * evaluation->n_periods + 1);
  evaluation->sales_listed = g_new0 (guint8, (gsize) evaluation->n_active * evaluation->n_periods + 1);
  evaluation->total_sales = 0;

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      guint n_months;
      const PalierMonthTotal *months = _palier_month_table_get (all_lines, evaluation->active[i], &n_months);
      gsize row = (gsize) i * evaluation->n_periods;

      for (guint m = 0; m < n_months; m++)
        {
          guint slot = evaluation->month_slot[months[m].month - evaluation->first_month];

          evaluation->sales_listed[row + slot] = TRUE;
          if (!add_checked (&evaluation->sales[row + slot], months[m].revenue, error) ||
              !add_checked (&evaluation->total_sales, months[m].revenue, error))
            return FALSE;
        }
    }

  evaluation->has_layout = TRUE;
  return TRUE;
}

/* Segments and quotas */

static void
list_segments (PalierEvaluation *evaluation)
{
  const PalierBases *bases = evaluation->bases;

  evaluation->segments = g_ptr_array_new ();
  evaluation->segment_ids = g_new0 (int, evaluation->n_active + 1);

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (bases->partners, evaluation->active[i]);
      guint found;

      evaluation->segment_ids[i] = -1;
      if (partner->segment == NULL)
        continue;

      if (!g_ptr_array_find_with_equal_func (evaluation->segments, partner->segment,
                                             g_str_equal, &found))
        {
          found = evaluation->segments->len;
          g_ptr_array_add (evaluation->segments, partner->segment);
        }
      evaluation->segment_ids[i] = (int) found;
    }
}

static const char *
segment_name (const PalierEvaluation *evaluation,
              int                     segment_id)
{
  return segment_id < 0 ? NULL : g_ptr_array_index (evaluation->segments, segment_id);
}

static gboolean
quotas_equal (const PalierProgram *a,
              const PalierProgram *b)
{
  if (a->has_quota != b->has_quota || (a->has_quota && a->quota != b->quota))
    return FALSE;
  if (a->segment_quotas->len != b->segment_quotas->len)
    return FALSE;

  for (guint i = 0; i < a->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *qa = &g_array_index (a->segment_quotas, PalierSegmentQuota, i);
      const PalierSegmentQuota *qb = &g_array_index (b->segment_quotas, PalierSegmentQuota, i);

      if (qa->quota != qb->quota || g_strcmp0 (qa->segment, qb->segment) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The quotas file's quota of partner @index for the days [@first,
 * @last]: each row's quota times the share of its days that fall in
 * that range, rounded to 6 decimals, summed over the rows.  The file's
 * rows never share a day, so the days they cover add up. */
static gboolean
file_quota (const PalierEvaluation  *evaluation,
            guint                    index,
            PalierDate               first,
            PalierDate               last,
            QuotaState              *out_state,
            PalierDecimal           *out_quota,
            GError                 **error)
{
  guint n_quotas;
  const PalierPartnerQuota *quotas = _palier_bases_get_quotas (evaluation->bases, index, &n_quotas);
  gint32 first_day = palier_date_to_days (first);
  gint32 last_day = palier_date_to_days (last);
  gint64 covered = 0;
  PalierDecimal sum = 0;

  for (guint q = 0; q < n_quotas; q++)
    {
      gint32 row_first = palier_date_to_days (quotas[q].first);
      gint32 row_last = palier_date_to_days (quotas[q].last);
      gint32 overlap = MIN (last_day, row_last) - MAX (first_day, row_first) + 1;
      PalierWide share;

      if (overlap <= 0)
        continue;

      covered += overlap;
      share = palier_wide_div_round ((PalierWide) quotas[q].quota * overlap,
                                     row_last - row_first + 1);
      if (!add_checked (&sum, (PalierDecimal) share, error))
        return FALSE;
    }

  *out_quota = sum;
  if (covered == 0)
    *out_state = QUOTA_NONE;
  else
    *out_state = covered == (gint64) last_day - first_day + 1 ? QUOTA_SET : QUOTA_PARTIAL;
  return TRUE;
}

/* Prorates @quota of the period [@first, @last] for a partner that
 * starts on @start: quota x days from @start to @last / days in the
 * period, rounded to 6 decimals.  A start on or before the first day
 * leaves the quota whole, and a start after the last day makes it
 * zero. */
static PalierDecimal
prorate (PalierDecimal  quota,
         PalierDate     start,
         PalierDate     first,
         PalierDate     last)
{
  gint32 days_in_period, days_active;

  if (start == PALIER_DATE_NONE || start <= first)
    return quota;
  if (start > last)
    return 0;

  days_in_period = palier_date_to_days (last) - palier_date_to_days (first) + 1;
  days_active = palier_date_to_days (last) - palier_date_to_days (start) + 1;
  return (PalierDecimal) palier_wide_div_round ((PalierWide) quota * days_active, days_in_period);
}

/* Quota of each active partner in each program period of the range,
 * from the quotas file, else the partner's segment, else the program's
 * default, prorated in the period in which the partner starts. */
static gboolean
compute_quotas (PalierEvaluation     *evaluation,
                const PalierProgram  *program,
                GError              **error)
{
  guint n_segments = evaluation->segments->len;
  guint n_periods = evaluation->n_periods;
  g_autofree gboolean *segment_has = g_new0 (gboolean, n_segments + 1);
  g_autofree PalierDecimal *segment_quota = g_new0 (PalierDecimal, n_segments + 1);

  for (guint s = 0; s <= n_segments; s++)
    segment_has[s] = palier_program_quota_for_segment (program, segment_name (evaluation, (int) s - 1),
                                                       &segment_quota[s]);

  g_free (evaluation->quota_state);
  g_free (evaluation->quota);
  evaluation->quota_state = g_new0 (guint8, (gsize) evaluation->n_active * n_periods + 1);
  evaluation->quota = g_new0 (PalierDecimal, (gsize) evaluation->n_active * n_periods + 1);

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (evaluation->bases->partners, evaluation->active[i]);
      int s = evaluation->segment_ids[i] + 1;

      for (guint slot = 0; slot < n_periods; slot++)
        {
          gsize cell = (gsize) i * n_periods + slot;
          PalierDate first, last;
          PalierDecimal quota = 0;
          QuotaState state;

          palier_period_bounds (evaluation->period, evaluation->fy_start,
                                evaluation->first_period + (gint32) slot, &first, &last);
          if (!file_quota (evaluation, evaluation->active[i], first, last, &state, &quota, error))
            return FALSE;

          if (state == QUOTA_NONE && segment_has[s])
            {
              state = QUOTA_SET;
              quota = segment_quota[s];
            }

          evaluation->quota_state[cell] = state;
          evaluation->quota[cell] = state == QUOTA_SET ? prorate (quota, partner->start, first, last) : 0;
        }
    }

  evaluation->has_quotas = TRUE;
  return TRUE;
}

static gboolean
component_needs_quota (const PalierComponent *component)
{
  switch (component->kind)
    {
    case PALIER_COMPONENT_COMMISSION:
    case PALIER_COMPONENT_BONUS:
      return component->basis == PALIER_BASIS_ATTAINMENT;
    case PALIER_COMPONENT_REWARD:
      return component->reward_rule == PALIER_REWARD_RULE_THRESHOLD &&
             component->threshold_basis == PALIER_BASIS_ATTAINMENT;
    case PALIER_COMPONENT_DEAL_BONUS:
    default:
      return FALSE;
    }
}

/* Component quota of partner @i in component period @k of @frame: the
 * sum of the partner's quotas in the program periods that the component
 * period shares with the range.  It has none when one of those program
 * periods has none.  Returns the program slot without a quota in
 * @out_missing, or -1 when there is a quota. */
static gboolean
component_quota (const PalierEvaluation  *evaluation,
                 guint                    i,
                 const Frame             *frame,
                 guint                    k,
                 PalierDecimal           *out_quota,
                 int                     *out_missing,
                 GError                 **error)
{
  gsize row = (gsize) i * evaluation->n_periods;

  *out_quota = 0;
  *out_missing = -1;
  for (guint slot = frame->first_slot[k]; slot <= frame->landing[k]; slot++)
    {
      if (evaluation->quota_state[row + slot] != QUOTA_SET)
        {
          *out_missing = (int) slot;
          *out_quota = 0;
          return TRUE;
        }
      if (!add_checked (out_quota, evaluation->quota[row + slot], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_no_quota_error (const PalierEvaluation  *evaluation,
                    const PalierComponent   *component,
                    guint                    i,
                    guint                    slot,
                    GError                 **error)
{
  const PalierPartner *partner = g_ptr_array_index (evaluation->bases->partners, evaluation->active[i]);
  g_autofree char *label = palier_period_label (evaluation->period, evaluation->fy_start,
                                                evaluation->first_period + (gint32) slot);

  if (evaluation->quota_state[(gsize) i * evaluation->n_periods + slot] == QUOTA_PARTIAL)
    g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA,
                 _("component “%s” pays on attainment, but the quotas file covers only part of %s for partner “%s”; give quotas for every day of the period, or none"),
                 component->id, label, partner->code);
  else if (partner->segment != NULL)
    g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA,
                 _("component “%s” pays on attainment, but partner “%s” (segment “%s”) has no quota; add a default quota or one for segment “%s”"),
                 component->id, partner->code, partner->segment, partner->segment);
  else
    g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA,
                 _("component “%s” pays on attainment, but partner “%s” has no segment and the program has no default quota; add a default quota"),
                 component->id, partner->code);
  return FALSE;
}

/* A partner's quota is zero only in periods that end before its start
 * date, where it should have no sales. */
static gboolean
set_before_start_error (const PalierEvaluation  *evaluation,
                        const PalierComponent   *component,
                        guint                    i,
                        const Frame             *frame,
                        guint                    k,
                        GError                 **error)
{
  const PalierPartner *partner = g_ptr_array_index (evaluation->bases->partners, evaluation->active[i]);
  PalierPeriodKind kind = component->has_period ? component->period : evaluation->period;
  g_autofree char *label = palier_period_label (kind, evaluation->fy_start, frame->first_index + (gint32) k);
  char start[16];

  g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_NO_QUOTA,
               _("component “%s” pays on attainment, but partner “%s” has sales in %s, before its start date %s, so its quota there is zero; correct the start date in the partners file"),
               component->id, partner->code, label,
               partner->start != PALIER_DATE_NONE ? palier_date_format_iso (partner->start, start) : "?");
  return FALSE;
}

/* Reports the first partner, by code, that lacks a quota in a component
 * period where it is paid, for the first component, in program order,
 * that needs one. */
static gboolean
check_quotas (PalierEvaluation     *evaluation,
              const PalierProgram  *program,
              GError              **error)
{
  for (guint i = 0; i < evaluation->n_active; i++)
    for (guint c = 0; c < program->components->len; c++)
      {
        const PalierComponent *component = g_ptr_array_index (program->components, c);
        PalierPeriodKind kind = component->has_period ? component->period : evaluation->period;
        const Frame *frame;

        if (!component_needs_quota (component))
          continue;

        frame = get_frame (evaluation, kind);
        for (guint k = 0; k < frame->n_periods; k++)
          {
            PalierDecimal quota;
            int missing;

            if (!frame->present[(gsize) i * frame->n_periods + k])
              continue;
            if (!component_quota (evaluation, i, frame, k, &quota, &missing, error))
              return FALSE;
            if (missing >= 0)
              return set_no_quota_error (evaluation, component, i, (guint) missing, error);
            if (quota == 0)
              return set_before_start_error (evaluation, component, i, frame, k, error);
          }
      }
  return TRUE;
}

/* Payouts of commissions and bonuses
 *
 * fast_payout() computes what palier_payout_compute() computes, with the
 * same exact arithmetic (positions at 10^-12, amounts at 10^-18, one
 * rounding half away from zero) but without its general 256-bit
 * division, and with the segment's values looked up once per component.
 * It declines, and the caller uses palier_payout_compute(), for the
 * interpolated method and whenever a step could overflow, so that errors
 * read the same. */

static void
compiled_clear (Compiled *compiled)
{
  g_clear_pointer (&compiled->bounds, g_free);
  g_clear_pointer (&compiled->values, g_free);
}

static void
compile_component (const PalierEvaluation *evaluation,
                   const PalierComponent  *component,
                   Compiled               *compiled)
{
  gboolean bonus = component->kind == PALIER_COMPONENT_BONUS;
  guint n_segments = evaluation->segments->len;

  memset (compiled, 0, sizeof *compiled);
  compiled->fast = bonus || component->method != PALIER_METHOD_INTERPOLATED;
  compiled->attainment = component->basis == PALIER_BASIS_ATTAINMENT;
  compiled->n_values = bonus ? (component->levels != NULL ? component->levels->len : 0)
                             : (component->tiers != NULL ? component->tiers->len : 0);
  compiled->bounds = g_new0 (PalierDecimal, compiled->n_values + 1);
  compiled->values = g_new0 (PalierDecimal, (gsize) (n_segments + 1) * compiled->n_values + 1);

  for (guint t = 0; t < compiled->n_values; t++)
    {
      if (bonus)
        compiled->bounds[t] = g_array_index (component->levels, PalierLevel, t).min;
      else
        compiled->bounds[t] = g_array_index (component->tiers, PalierTier, t).from;

      for (guint s = 0; s <= n_segments; s++)
        {
          const char *segment = segment_name (evaluation, (int) s - 1);
          PalierDecimal *value = &compiled->values[s * compiled->n_values + t];

          if (bonus)
            *value = palier_level_amount_for_segment (&g_array_index (component->levels, PalierLevel, t), segment);
          else
            *value = palier_tier_value_for_segment (&g_array_index (component->tiers, PalierTier, t), segment);
        }
    }
}

static gboolean use_general_payouts;

void
_palier_evaluation_use_general_payouts (gboolean general)
{
  use_general_payouts = general;
}

static const PalierWide pow10_wide[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

/* Rounds @num / (@den × 10^(6 - minor digits)) half away from zero and
 * brings it back to millionths, as palier_payout_compute() rounds. */
static gboolean
round_exact (PalierWide     num,
             PalierWide     den,
             int            minor_digits,
             PalierDecimal *out)
{
  PalierWide step = pow10_wide[PALIER_DECIMAL_DIGITS - minor_digits];
  unsigned __int128 divisor = (unsigned __int128) (den * step);
  unsigned __int128 magnitude;
  unsigned __int128 quotient, remainder;
  PalierWide rounded;

  if (num == -num && num != 0)
    return FALSE;

  magnitude = (unsigned __int128) (num < 0 ? -num : num);
  quotient = magnitude / divisor;
  remainder = magnitude % divisor;
  if (remainder != 0 && remainder >= divisor - remainder)
    quotient++;

  if (quotient > (guint64) PALIER_DECIMAL_MAX / (guint64) step)
    return FALSE;

  rounded = (PalierWide) quotient * step;
  *out = (PalierDecimal) (num < 0 ? -rounded : rounded);
  return TRUE;
}

static inline PalierWide
boundary12 (const Compiled *compiled,
            PalierDecimal   from,
            PalierDecimal   quota)
{
  return (PalierWide) from * (compiled->attainment ? quota : PALIER_DECIMAL_ONE);
}

static gboolean
fast_commission (const PalierComponent *component,
                 const Compiled        *compiled,
                 const PalierDecimal   *values,
                 PalierWide             base12,
                 PalierDecimal          quota,
                 PalierWide            *out_amount18)
{
  guint count = compiled->n_values;
  PalierWide total18 = 0;
  int reached = -1;

  if (component->method == PALIER_METHOD_RETROACTIVE)
    {
      for (guint i = 0; i < count; i++)
        if (base12 >= boundary12 (compiled, compiled->bounds[i], quota))
          reached = (int) i;

      if (reached >= 0 && __builtin_mul_overflow (base12, (PalierWide) values[reached], &total18))
        return FALSE;
      *out_amount18 = total18;
      return TRUE;
    }

  for (guint i = 0; i < count; i++)
    {
      PalierWide lower = boundary12 (compiled, compiled->bounds[i], quota);
      PalierWide top = base12;
      PalierWide amount18;

      if (top <= lower)
        break;
      if (i + 1 < count)
        top = MIN (top, boundary12 (compiled, compiled->bounds[i + 1], quota));
      if (top <= lower)
        continue;

      if (__builtin_mul_overflow (top - lower, (PalierWide) values[i], &amount18) ||
          __builtin_add_overflow (total18, amount18, &total18))
        return FALSE;
    }

  *out_amount18 = total18;
  return TRUE;
}

static gboolean
fast_payout (const PalierComponent *component,
             const Compiled        *compiled,
             int                    segment_id,
             int                    minor_digits,
             PalierDecimal          base,
             gboolean               has_quota,
             PalierDecimal          quota,
             PalierDecimal         *out_payout)
{
  const PalierDecimal *values = compiled->values + (gsize) (segment_id + 1) * compiled->n_values;
  PalierWide base12 = (PalierWide) base * PALIER_DECIMAL_ONE;
  PalierWide amount18 = 0;
  PalierDecimal amount;
  int reached = -1;

  if (!compiled->fast || (compiled->attainment && (!has_quota || quota < 0)))
    return FALSE;

  if (base <= 0)
    {
      if (component->kind == PALIER_COMPONENT_COMMISSION &&
          component->negative == PALIER_NEGATIVE_CLAWBACK &&
          base < 0 && compiled->n_values > 0 &&
          __builtin_mul_overflow (base12, (PalierWide) values[0], &amount18))
        return FALSE;
      return round_exact (amount18, WIDE_E12, minor_digits, out_payout);
    }

  if (component->has_gate && base12 < boundary12 (compiled, component->gate, quota))
    return round_exact (0, 1, minor_digits, out_payout);

  if (component->kind == PALIER_COMPONENT_BONUS)
    {
      for (guint i = 0; i < compiled->n_values; i++)
        if (base12 >= boundary12 (compiled, compiled->bounds[i], quota))
          reached = (int) i;

      amount = reached >= 0 ? values[reached] : 0;
      if (component->has_cap && amount > component->cap)
        amount = component->cap;
      return round_exact (amount, 1, minor_digits, out_payout);
    }

  if (!fast_commission (component, compiled, values, base12, quota, &amount18))
    return FALSE;

  if (component->has_cap && amount18 > (PalierWide) component->cap * WIDE_E12)
    return round_exact (component->cap, 1, minor_digits, out_payout);
  return round_exact (amount18, WIDE_E12, minor_digits, out_payout);
}

static gboolean
compute_payout (const PalierEvaluation  *evaluation,
                const PalierComponent   *component,
                const Compiled          *compiled,
                guint                    i,
                PalierDecimal            base,
                gboolean                 has_quota,
                PalierDecimal            quota,
                PalierDecimal           *out_payout,
                GError                 **error)
{
  int segment_id = evaluation->segment_ids[i];
  PalierPayoutInput input;

  if (!use_general_payouts &&
      fast_payout (component, compiled, segment_id, evaluation->minor_digits,
                   base, has_quota, quota, out_payout))
    return TRUE;

  input.base = base;
  input.has_quota = has_quota;
  input.quota = quota;
  input.segment = segment_name (evaluation, segment_id);
  input.minor_digits = evaluation->minor_digits;
  return palier_payout_compute (component, &input, out_payout, NULL, error);
}

/* Components */

static void
component_state_free (gpointer data)
{
  ComponentState *state = data;

  palier_component_free (state->component);
  g_free (state->payouts);
  g_free (state->paid);
  g_free (state);
}

static PalierPeriodKind
component_period_kind (const PalierEvaluation *evaluation,
                       const PalierComponent  *component)
{
  return component->has_period ? component->period : evaluation->period;
}

static gboolean
land (ComponentState  *state,
      gsize            cell,
      PalierDecimal    amount,
      GError         **error)
{
  state->paid[cell] = TRUE;
  return add_checked (&state->payouts[cell], amount, error) &&
         add_checked (&state->total, amount, error);
}

/* Pays a commission or a bonus in every component period where the
 * partner has a line. */
static gboolean
pay_rated (PalierEvaluation  *evaluation,
           ComponentState    *state,
           GCancellable      *cancellable,
           GError           **error)
{
  const PalierComponent *component = state->component;
  const Frame *frame = evaluation->frames[state->kind];
  guint n = frame->n_periods;
  gboolean carry = component->kind == PALIER_COMPONENT_COMMISSION &&
                   component->negative == PALIER_NEGATIVE_CARRY_FORWARD;
  Compiled compiled;
  gboolean ok = TRUE;

  compile_component (evaluation, component, &compiled);

  for (guint i = 0; ok && i < evaluation->n_active; i++)
    {
      const guint8 *present = frame->present + (gsize) i * n;
      const PalierDecimal *bases = state->grid->bases + (gsize) i * n;
      PalierDecimal deficit = 0;
      gint32 deficit_year = 0;

      if (!check_cancelled (cancellable, i, error))
        {
          ok = FALSE;
          break;
        }

      for (guint k = 0; ok && k < n; k++)
        {
          PalierDecimal base = bases[k];
          PalierDecimal quota = 0;
          PalierDecimal payout = 0;
          int missing;

          if (!present[k])
            continue;

          if (!component_quota (evaluation, i, frame, k, &quota, &missing, error))
            {
              ok = FALSE;
              break;
            }

          if (carry)
            {
              if (frame->fiscal_years[k] != deficit_year)
                deficit = 0;
              deficit_year = frame->fiscal_years[k];
              if (!add_checked (&base, deficit, error))
                {
                  ok = FALSE;
                  break;
                }
              deficit = MIN (base, 0);
            }

          if (!(carry && base < 0))
            ok = compute_payout (evaluation, component, &compiled, i, base, missing < 0, quota,
                                 &payout, error);

          ok = ok && land (state, (gsize) i * n + k, payout, error);
        }
    }

  compiled_clear (&compiled);
  return ok;
}

/* Adds one deal's exact payout, at scale 10^-12, to @sum: the amount,
 * plus the rate times the value, when the value reaches the minimum. */
static void
add_deal_payout (const PalierComponent *component,
                 const PalierDeal      *deal,
                 PalierWide            *sum)
{
  if (deal->value < component->deal_min)
    return;

  *sum += (PalierWide) component->deal_amount * PALIER_DECIMAL_ONE;
  if (component->has_deal_rate)
    *sum += palier_decimal_mul_wide (component->deal_rate, deal->value);
}

/* Rounds the exact payouts of one component period once and lands them. */
static gboolean
land_deal_payouts (PalierEvaluation  *evaluation,
                   ComponentState    *state,
                   gsize              cell,
                   PalierWide         sum,
                   GError           **error)
{
  PalierDecimal payout;

  if (!palier_wide_round (sum, 2 * PALIER_DECIMAL_DIGITS, evaluation->minor_digits, &payout))
    return _palier_simulate_set_overflow (error);

  return land (state, cell, payout, error);
}

/* Pays a deal bonus: deals are sorted by date, so the deals of one
 * component period are consecutive. */
static gboolean
pay_deals (PalierEvaluation  *evaluation,
           ComponentState    *state,
           GCancellable      *cancellable,
           GError           **error)
{
  const PalierComponent *component = state->component;
  const PalierDealTable *table = state->deal_table;
  const Frame *frame = evaluation->frames[state->kind];
  int fy_start = evaluation->fy_start;

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      guint partner_index = evaluation->active[i];
      guint start = table->starts[partner_index];
      guint end = table->starts[partner_index + 1];
      PalierDate last = PALIER_DATE_NONE;
      gsize cell = 0;
      PalierWide sum = 0;

      if (!check_cancelled (cancellable, i, error))
        return FALSE;

      for (guint d = start; d < end; d++)
        {
          const PalierDeal *deal = &g_array_index (table->deals, PalierDeal, d);

          if (last != PALIER_DATE_NONE && deal->date > last)
            {
              if (!land_deal_payouts (evaluation, state, cell, sum, error))
                return FALSE;
              sum = 0;
              last = PALIER_DATE_NONE;
            }

          if (last == PALIER_DATE_NONE)
            {
              guint k = (guint) (palier_period_index (state->kind, fy_start, deal->date) - frame->first_index);

              last = frame->last_days[k];
              cell = (gsize) i * frame->n_periods + k;
            }
          add_deal_payout (component, deal, &sum);
        }

      if (last != PALIER_DATE_NONE && !land_deal_payouts (evaluation, state, cell, sum, error))
        return FALSE;
    }
  return TRUE;
}

static gint
compare_decimals_descending (gconstpointer a,
                             gconstpointer b)
{
  PalierDecimal da = *(const PalierDecimal *) a;
  PalierDecimal db = *(const PalierDecimal *) b;

  return da > db ? -1 : (da < db ? 1 : 0);
}

/* For a top-N reward, finds in each component period the smallest base
 * that qualifies: the N-th largest positive base, or the smallest one
 * when fewer partners have a positive base.  Partners tied with it all
 * qualify.  A period where no partner has a positive base gets no
 * cutoff (has_cutoff FALSE). */
static void
compute_cutoffs (const PalierEvaluation *evaluation,
                 const ComponentState   *state,
                 PalierDecimal          *cutoffs,
                 gboolean               *has_cutoff)
{
  const Frame *frame = evaluation->frames[state->kind];
  g_autoptr(GArray) bases = g_array_new (FALSE, FALSE, sizeof (PalierDecimal));
  guint n = frame->n_periods;

  for (guint k = 0; k < n; k++)
    {
      guint count;

      g_array_set_size (bases, 0);
      for (guint i = 0; i < evaluation->n_active; i++)
        {
          PalierDecimal base = state->grid->bases[(gsize) i * n + k];

          if (frame->present[(gsize) i * n + k] && base > 0)
            g_array_append_val (bases, base);
        }

      count = MIN (state->component->top_count, bases->len);
      has_cutoff[k] = count > 0;
      if (count == 0)
        continue;

      g_array_sort (bases, compare_decimals_descending);
      cutoffs[k] = g_array_index (bases, PalierDecimal, count - 1);
    }
}

static gboolean
reward_qualifies (const PalierComponent *component,
                  PalierDecimal          base,
                  gboolean               has_cutoff,
                  PalierDecimal          cutoff,
                  gboolean               has_quota,
                  PalierDecimal          quota)
{
  if (base <= 0)
    return FALSE;

  if (component->reward_rule == PALIER_REWARD_RULE_TOP)
    return has_cutoff && base >= cutoff;

  if (component->threshold_basis == PALIER_BASIS_ATTAINMENT)
    return has_quota && palier_decimal_compare_product (base, component->threshold_min, quota) >= 0;

  return base >= component->threshold_min;
}

/* Grants a reward in each component period where the partner qualifies;
 * its unit cost is non-cash and lands like a payout. */
static gboolean
grant_rewards (PalierEvaluation  *evaluation,
               ComponentState    *state,
               GCancellable      *cancellable,
               GError           **error)
{
  const PalierComponent *component = state->component;
  const Frame *frame = evaluation->frames[state->kind];
  guint n = frame->n_periods;
  g_autofree PalierDecimal *cutoffs = g_new0 (PalierDecimal, n + 1);
  g_autofree gboolean *has_cutoff = g_new0 (gboolean, n + 1);

  if (component->reward_rule == PALIER_REWARD_RULE_TOP)
    compute_cutoffs (evaluation, state, cutoffs, has_cutoff);

  for (guint i = 0; i < evaluation->n_active; i++)
    {
      if (!check_cancelled (cancellable, i, error))
        return FALSE;

      for (guint k = 0; k < n; k++)
        {
          gsize cell = (gsize) i * n + k;
          PalierDecimal quota = 0;
          int missing;

          if (!frame->present[cell])
            continue;
          if (!component_quota (evaluation, i, frame, k, &quota, &missing, error))
            return FALSE;

          if (reward_qualifies (component, state->grid->bases[cell], has_cutoff[k], cutoffs[k],
                                missing < 0, quota) &&
              !land (state, cell, component->unit_cost, error))
            return FALSE;
        }
    }
  return TRUE;
}

static ComponentState *
component_state_compute (PalierEvaluation       *evaluation,
                         const PalierComponent  *component,
                         GCancellable           *cancellable,
                         GError                **error)
{
  ComponentState *state = g_new0 (ComponentState, 1);
  const Frame *frame;
  gboolean ok;

  state->component = palier_component_copy (component);
  state->kind = component_period_kind (evaluation, component);
  frame = get_frame (evaluation, state->kind);
  state->payouts = g_new0 (PalierDecimal, (gsize) evaluation->n_active * frame->n_periods + 1);
  state->paid = g_new0 (guint8, (gsize) evaluation->n_active * frame->n_periods + 1);

  if (component->kind == PALIER_COMPONENT_DEAL_BONUS)
    {
      const PalierBases *bases = evaluation->bases;
      int found = _palier_bases_find_deal_table (bases, &component->filter, component->measure);

      state->deal_table = g_ptr_array_index (bases->deal_tables, found);
      ok = pay_deals (evaluation, state, cancellable, error);
    }
  else
    {
      state->grid = get_grid (evaluation, component, state->kind, error);
      ok = state->grid != NULL &&
           (component->kind == PALIER_COMPONENT_REWARD
            ? grant_rewards (evaluation, state, cancellable, error)
            : pay_rated (evaluation, state, cancellable, error));
    }

  if (!ok)
    {
      component_state_free (state);
      return NULL;
    }

  evaluation->stats.n_components++;
  return state;
}

/* Whether @a and @b pay the same.  palier_component_equal() ignores
 * what the XML does not carry for a kind, such as the gate and cap of a
 * bonus, which palier_payout_compute() still honours. */
static gboolean
components_pay_same (const PalierComponent *a,
                     const PalierComponent *b)
{
  return palier_component_equal (a, b) &&
         a->has_gate == b->has_gate && (!a->has_gate || a->gate == b->gate) &&
         a->has_cap == b->has_cap && (!a->has_cap || a->cap == b->cap);
}

/* A computed state for @component that no other component of the
 * program took yet, or NULL. */
static ComponentState *
find_state (PalierEvaluation      *evaluation,
            const PalierComponent *component,
            GPtrArray             *taken)
{
  for (guint i = 0; i < evaluation->pool->len; i++)
    {
      ComponentState *state = g_ptr_array_index (evaluation->pool, i);

      if (!g_ptr_array_find (taken, state, NULL) &&
          components_pay_same (state->component, component))
        return state;
    }
  return NULL;
}

/* Keeps in the pool only the states of the current program, and the
 * grids they read. */
static void
prune_pool (PalierEvaluation *evaluation)
{
  for (guint i = evaluation->pool->len; i-- > 0;)
    if (!g_ptr_array_find (evaluation->current, g_ptr_array_index (evaluation->pool, i), NULL))
      g_ptr_array_remove_index_fast (evaluation->pool, i);

  for (guint g = evaluation->grids->len; g-- > 0;)
    {
      Grid *grid = g_ptr_array_index (evaluation->grids, g);
      gboolean used = FALSE;

      for (guint i = 0; !used && i < evaluation->current->len; i++)
        used = ((ComponentState *) g_ptr_array_index (evaluation->current, i))->grid == grid;
      if (!used)
        g_ptr_array_remove_index_fast (evaluation->grids, g);
    }
}

static gboolean
sum_totals (PalierEvaluation  *evaluation,
            GError           **error)
{
  evaluation->total_payout = 0;
  evaluation->total_non_cash = 0;

  for (guint c = 0; c < evaluation->current->len; c++)
    {
      const ComponentState *state = g_ptr_array_index (evaluation->current, c);

      if (!add_checked (state->component->kind == PALIER_COMPONENT_REWARD
                        ? &evaluation->total_non_cash : &evaluation->total_payout,
                        state->total, error))
        return FALSE;
    }
  return TRUE;
}

/* Drops the computed states of the components that read quotas, so
 * that new quotas recompute them and only them. */
static void
drop_quota_states (PalierEvaluation *evaluation)
{
  g_clear_pointer (&evaluation->current, g_ptr_array_unref);
  for (guint i = evaluation->pool->len; i-- > 0;)
    {
      const ComponentState *state = g_ptr_array_index (evaluation->pool, i);

      if (component_needs_quota (state->component))
        g_ptr_array_remove_index_fast (evaluation->pool, i);
    }
}

/* Sets up what depends on the program as a whole, dropping the states
 * that it invalidates. */
static gboolean
prepare_program (PalierEvaluation     *evaluation,
                 const PalierProgram  *program,
                 GError              **error)
{
  int minor_digits = palier_currency_minor_digits (program->currency);

  if (!evaluation->has_layout ||
      evaluation->period != program->period ||
      evaluation->fy_start != program->fiscal_year_start)
    {
      if (!layout_compute (evaluation, program, error))
        return FALSE;
    }

  if (evaluation->minor_digits != minor_digits)
    {
      g_ptr_array_set_size (evaluation->pool, 0);
      g_clear_pointer (&evaluation->current, g_ptr_array_unref);
      evaluation->minor_digits = minor_digits;
    }

  if (!evaluation->has_quotas || evaluation->program == NULL ||
      !quotas_equal (evaluation->program, program))
    {
      drop_quota_states (evaluation);
      if (!compute_quotas (evaluation, program, error))
        return FALSE;
    }

  g_clear_pointer (&evaluation->program, palier_program_unref);
  evaluation->program = palier_program_copy (program);
  return TRUE;
}

gboolean
_palier_evaluation_update (PalierEvaluation     *evaluation,
                           const PalierProgram  *program,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(GPtrArray) current = NULL;

  g_return_val_if_fail (evaluation != NULL, FALSE);
  g_return_val_if_fail (program != NULL, FALSE);

  if (!prepare_program (evaluation, program, error))
    return FALSE;

  g_clear_pointer (&evaluation->current, g_ptr_array_unref);
  if (!check_quotas (evaluation, program, error))
    return FALSE;

  current = g_ptr_array_new ();
  for (guint c = 0; c < program->components->len; c++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, c);
      ComponentState *state = find_state (evaluation, component, current);

      if (state == NULL)
        {
          state = component_state_compute (evaluation, component, cancellable, error);
          if (state == NULL)
            return FALSE;
          g_ptr_array_add (evaluation->pool, state);
        }
      g_ptr_array_add (current, state);
    }

  evaluation->current = g_steal_pointer (&current);
  prune_pool (evaluation);

  if (!sum_totals (evaluation, error))
    {
      g_clear_pointer (&evaluation->current, g_ptr_array_unref);
      return FALSE;
    }
  return TRUE;
}

/* Rounds @value / @divisor to 6 decimals; 0 when @divisor is 0. */
static PalierDecimal
ratio_of (PalierDecimal value,
          PalierDecimal divisor)
{
  if (divisor == 0)
    return 0;
  return (PalierDecimal) palier_wide_div_round ((PalierWide) value * PALIER_DECIMAL_ONE, divisor);
}

void
_palier_evaluation_get_totals (PalierEvaluation *evaluation,
                               PalierDecimal    *out_sales,
                               PalierDecimal    *out_payout,
                               PalierDecimal    *out_non_cash,
                               PalierDecimal    *out_cost,
                               PalierDecimal    *out_cost_of_sales,
                               PalierDecimal    *component_payouts,
                               PalierDecimal    *component_non_cash)
{
  PalierDecimal cost;

  g_return_if_fail (evaluation != NULL && evaluation->current != NULL);

  /* Cannot overflow: the result builder adds the same two totals. */
  cost = evaluation->total_payout + evaluation->total_non_cash;
  *out_sales = evaluation->total_sales;
  *out_payout = evaluation->total_payout;
  *out_non_cash = evaluation->total_non_cash;
  *out_cost = cost;
  *out_cost_of_sales = ratio_of (cost, evaluation->total_sales);

  for (guint c = 0; c < evaluation->current->len; c++)
    {
      const ComponentState *state = g_ptr_array_index (evaluation->current, c);
      gboolean reward = state->component->kind == PALIER_COMPONENT_REWARD;

      if (component_payouts != NULL)
        component_payouts[c] = reward ? 0 : state->total;
      if (component_non_cash != NULL)
        component_non_cash[c] = reward ? state->total : 0;
    }
}

gboolean
_palier_evaluation_has_totals (PalierEvaluation *evaluation)
{
  return evaluation->current != NULL;
}

PalierEvaluationStats *
_palier_evaluation_get_stats (PalierEvaluation *evaluation)
{
  return &evaluation->stats;
}

PalierEvaluation *
_palier_evaluation_new (const PalierBases *bases)
{
  PalierEvaluation *evaluation = g_new0 (PalierEvaluation, 1);

  evaluation->bases = bases;
  evaluation->n_active = bases->active->len;
  evaluation->active = (const guint *) bases->active->data;
  evaluation->grids = g_ptr_array_new_with_free_func (grid_free);
  evaluation->pool = g_ptr_array_new_with_free_func (component_state_free);
  list_segments (evaluation);
  return evaluation;
}

void
_palier_evaluation_free (PalierEvaluation *evaluation)
{
  if (evaluation == NULL)
    return;

  layout_clear (evaluation);
  g_ptr_array_unref (evaluation->grids);
  g_ptr_array_unref (evaluation->pool);
  g_ptr_array_unref (evaluation->segments);
  g_free (evaluation->segment_ids);
  g_clear_pointer (&evaluation->program, palier_program_unref);
  g_free (evaluation);
}

/* The result */

/* A reward of the current partner, with what orders them. */
typedef struct {
  PalierRewardResult  reward;
  PalierDate          period_last;
  guint               component;
} PendingReward;

/* One partner at a time, one slot per program period of the range, and
 * the sums over all partners. */
typedef struct {
  PalierEvaluation  *evaluation;
  guint              n_components;
  PalierDecimal     *payouts;           /* n_periods x n_components */
  PalierDecimal     *non_cash;          /* n_periods x n_components */
  guint8            *listed;
  GArray            *rewards;           /* PendingReward */

  PalierDecimal     *total_sales;
  gboolean          *total_listed;
  PalierDecimal     *total_payouts;
  PalierDecimal     *component_non_cash;
} Builder;

static void
reward_result_clear (gpointer data)
{
  PalierRewardResult *reward = data;

  g_free (reward->period);
}

static void
pending_reward_clear (gpointer data)
{
  PendingReward *pending = data;

  reward_result_clear (&pending->reward);
}

static void
builder_init (Builder          *builder,
              PalierEvaluation *evaluation)
{
  gsize n_cells = (gsize) evaluation->n_periods * evaluation->current->len + 1;

  memset (builder, 0, sizeof *builder);
  builder->evaluation = evaluation;
  builder->n_components = evaluation->current->len;
  builder->payouts = g_new0 (PalierDecimal, n_cells);
  builder->non_cash = g_new0 (PalierDecimal, n_cells);
  builder->listed = g_new0 (guint8, evaluation->n_periods + 1);
  builder->rewards = g_array_new (FALSE, TRUE, sizeof (PendingReward));
  g_array_set_clear_func (builder->rewards, pending_reward_clear);
  builder->total_sales = g_new0 (PalierDecimal, evaluation->n_periods + 1);
  builder->total_listed = g_new0 (gboolean, evaluation->n_periods + 1);
  builder->total_payouts = g_new0 (PalierDecimal, n_cells);
  builder->component_non_cash = g_new0 (PalierDecimal, builder->n_components + 1);
}

static void
builder_clear (Builder *builder)
{
  g_free (builder->payouts);
  g_free (builder->non_cash);
  g_free (builder->listed);
  g_clear_pointer (&builder->rewards, g_array_unref);
  g_free (builder->total_sales);
  g_free (builder->total_listed);
  g_free (builder->total_payouts);
  g_free (builder->component_non_cash);
}

static void
period_result_clear (gpointer data)
{
  PalierPeriodResult *period = data;

  g_free (period->label);
  g_free (period->component_payouts);
}

static void
partner_result_free (gpointer data)
{
  PalierPartnerResult *partner = data;

  g_free (partner->partner);
  g_free (partner->name);
  g_free (partner->segment);
  g_free (partner->component_payouts);
  g_clear_pointer (&partner->periods, g_array_unref);
  g_clear_pointer (&partner->rewards, g_array_unref);
  g_free (partner);
}

static void
period_total_clear (gpointer data)
{
  PalierPeriodTotal *total = data;

  g_free (total->label);
  g_free (total->component_payouts);
}

/* Lands the component periods of partner @i in the program slots. */
static gboolean
gather_partner (Builder  *builder,
                guint     i,
                GError  **error)
{
  PalierEvaluation *evaluation = builder->evaluation;
  guint n_components = builder->n_components;

  memcpy (builder->listed, evaluation->sales_listed + (gsize) i * evaluation->n_periods,
          evaluation->n_periods);
  memset (builder->payouts, 0, sizeof (PalierDecimal) * evaluation->n_periods * n_components);
  memset (builder->non_cash, 0, sizeof (PalierDecimal) * evaluation->n_periods * n_components);
  g_array_set_size (builder->rewards, 0);

  for (guint c = 0; c < n_components; c++)
    {
      const ComponentState *state = g_ptr_array_index (evaluation->current, c);
      const Frame *frame = evaluation->frames[state->kind];
      gsize row = (gsize) i * frame->n_periods;
      gboolean reward = state->component->kind == PALIER_COMPONENT_REWARD;

      for (guint k = 0; k < frame->n_periods; k++)
        {
          guint slot = frame->landing[k];
          PendingReward pending;

          if (!state->paid[row + k])
            continue;

          builder->listed[slot] = TRUE;
          if (!add_checked (reward ? &builder->non_cash[slot * n_components + c]
                                   : &builder->payouts[slot * n_components + c],
                            state->payouts[row + k], error))
            return FALSE;

          if (!reward)
            continue;

          pending.reward.component = ((PalierComponent *) g_ptr_array_index (evaluation->program->components, c))->id;
          pending.reward.kind = state->component->reward_kind;
          pending.reward.period = palier_period_label (state->kind, evaluation->fy_start,
                                                       frame->first_index + (gint32) k);
          pending.reward.cost = state->component->unit_cost;
          pending.period_last = frame->last_days[k];
          pending.component = c;
          g_array_append_val (builder->rewards, pending);
        }
    }
  return TRUE;
}

static gboolean
fill_period_result (Builder             *builder,
                    guint                i,
                    guint                slot,
                    PalierPeriodResult  *period,
                    GError             **error)
{
  PalierEvaluation *evaluation = builder->evaluation;
  guint n_components = builder->n_components;

  period->index = evaluation->first_period + (gint32) slot;
  period->label = palier_period_label (evaluation->period, evaluation->fy_start, period->index);
  palier_period_bounds (evaluation->period, evaluation->fy_start, period->index,
                        &period->first, &period->last);
  period->sales = evaluation->sales[(gsize) i * evaluation->n_periods + slot];
  period->has_quota = evaluation->quota_state[(gsize) i * evaluation->n_periods + slot] == QUOTA_SET;
  period->quota = evaluation->quota[(gsize) i * evaluation->n_periods + slot];
  period->attainment = period->has_quota ? ratio_of (period->sales, period->quota) : 0;
  period->component_payouts = g_new0 (PalierDecimal, n_components + 1);

  for (guint c = 0; c < n_components; c++)
    {
      PalierDecimal payout = builder->payouts[slot * n_components + c];

      period->component_payouts[c] = payout;
      if (!add_checked (&period->payout, payout, error) ||
          !add_checked (&period->non_cash, builder->non_cash[slot * n_components + c], error))
        return FALSE;
    }
  return TRUE;
}

/* Adds a partner's period to the partner's totals and to the program's
 * period totals. */
static gboolean
add_period_to_totals (Builder                   *builder,
                      guint                      slot,
                      const PalierPeriodResult  *period,
                      PalierPartnerResult       *row,
                      GError                   **error)
{
  guint n_components = builder->n_components;

  builder->total_listed[slot] = TRUE;
  if (!add_checked (&row->sales, period->sales, error) ||
      !add_checked (&row->payout, period->payout, error) ||
      !add_checked (&row->non_cash, period->non_cash, error) ||
      !add_checked (&builder->total_sales[slot], period->sales, error))
    return FALSE;

  for (guint c = 0; c < n_components; c++)
    if (!add_checked (&row->component_payouts[c], period->component_payouts[c], error) ||
        !add_checked (&builder->total_payouts[slot * n_components + c],
                      period->component_payouts[c], error) ||
        !add_checked (&builder->component_non_cash[c],
                      builder->non_cash[slot * n_components + c], error))
      return FALSE;

  return TRUE;
}

static gint
compare_pending_rewards (gconstpointer a,
                         gconstpointer b)
{
  const PendingReward *ra = a;
  const PendingReward *rb = b;

  if (ra->period_last != rb->period_last)
    return ra->period_last < rb->period_last ? -1 : 1;
  return ra->component < rb->component ? -1 : (ra->component > rb->component ? 1 : 0);
}

/* Moves the current partner's rewards into a new array, by period, then
 * program order. */
static GArray *
take_rewards (Builder *builder)
{
  GArray *rewards = g_array_sized_new (FALSE, TRUE, sizeof (PalierRewardResult), builder->rewards->len);

  g_array_set_clear_func (rewards, reward_result_clear);
  g_array_sort (builder->rewards, compare_pending_rewards);
  for (guint r = 0; r < builder->rewards->len; r++)
    {
      PendingReward *pending = &g_array_index (builder->rewards, PendingReward, r);

      g_array_append_val (rewards, pending->reward);
      pending->reward.period = NULL;
    }
  g_array_set_size (builder->rewards, 0);
  return rewards;
}

static PalierPartnerResult *
build_partner_result (Builder  *builder,
                      guint     i,
                      GError  **error)
{
  PalierEvaluation *evaluation = builder->evaluation;
  const PalierPartner *partner = g_ptr_array_index (evaluation->bases->partners, evaluation->active[i]);
  PalierPartnerResult *row;

  if (!gather_partner (builder, i, error))
    return NULL;

  row = g_new0 (PalierPartnerResult, 1);
  row->partner = g_strdup (partner->code);
  row->name = g_strdup (partner->name);
  row->segment = g_strdup (partner->segment);
  row->component_payouts = g_new0 (PalierDecimal, builder->n_components + 1);
  row->periods = g_array_new (FALSE, TRUE, sizeof (PalierPeriodResult));
  g_array_set_clear_func (row->periods, period_result_clear);
  row->rewards = take_rewards (builder);

  for (guint slot = 0; slot < evaluation->n_periods; slot++)
    {
      PalierPeriodResult *period;

      if (!builder->listed[slot])
        continue;

      g_array_set_size (row->periods, row->periods->len + 1);
      period = &g_array_index (row->periods, PalierPeriodResult, row->periods->len - 1);
      if (!fill_period_result (builder, i, slot, period, error) ||
          !add_period_to_totals (builder, slot, period, row, error))
        {
          partner_result_free (row);
          return NULL;
        }
    }

  return row;
}

static void
collect_period_totals (Builder      *builder,
                       PalierResult *result)
{
  PalierEvaluation *evaluation = builder->evaluation;
  guint n_components = builder->n_components;

  for (guint slot = 0; slot < evaluation->n_periods; slot++)
    {
      PalierPeriodTotal total = { 0 };

      if (!builder->total_listed[slot])
        continue;

      total.index = evaluation->first_period + (gint32) slot;
      total.label = palier_period_label (evaluation->period, evaluation->fy_start, total.index);
      total.sales = builder->total_sales[slot];
      total.component_payouts = g_new0 (PalierDecimal, n_components + 1);
      for (guint c = 0; c < n_components; c++)
        {
          total.component_payouts[c] = builder->total_payouts[slot * n_components + c];
          /* Cannot overflow: the same payouts were summed per partner and
           * into the program total without overflow. */
          total.payout += total.component_payouts[c];
        }
      g_array_append_val (result->period_totals, total);
    }
}

static gboolean
add_partner_to_totals (PalierResult               *result,
                       const PalierPartnerResult  *row,
                       GError                    **error)
{
  if (!add_checked (&result->total_sales, row->sales, error) ||
      !add_checked (&result->total_payout, row->payout, error) ||
      !add_checked (&result->total_non_cash, row->non_cash, error))
    return FALSE;

  for (guint c = 0; c < result->n_components; c++)
    if (!add_checked (&result->component_totals[c], row->component_payouts[c], error))
      return FALSE;

  return TRUE;
}

static PalierResult *
result_new (const PalierEvaluation *evaluation)
{
  const PalierProgram *program = evaluation->program;
  PalierResult *result = g_new0 (PalierResult, 1);

  result->ref_count = 1;
  result->program = palier_program_ref ((PalierProgram *) program);
  result->from = evaluation->bases->from;
  result->to = evaluation->bases->to;
  result->minor_digits = evaluation->minor_digits;
  result->n_components = program->components->len;
  result->component_totals = g_new0 (PalierDecimal, result->n_components + 1);
  result->component_non_cash = g_new0 (PalierDecimal, result->n_components + 1);
  for (guint c = 0; c < result->n_components; c++)
    if (((PalierComponent *) g_ptr_array_index (program->components, c))->kind == PALIER_COMPONENT_REWARD)
      result->has_rewards = TRUE;
  result->partners = g_ptr_array_new_with_free_func (partner_result_free);
  result->period_totals = g_array_new (FALSE, TRUE, sizeof (PalierPeriodTotal));
  g_array_set_clear_func (result->period_totals, period_total_clear);

  return result;
}

static gboolean
build_partners (Builder       *builder,
                PalierResult  *result,
                GCancellable  *cancellable,
                GError       **error)
{
  for (guint i = 0; i < builder->evaluation->n_active; i++)
    {
      PalierPartnerResult *row;

      if (!check_cancelled (cancellable, i, error))
        return FALSE;

      row = build_partner_result (builder, i, error);
      if (row == NULL)
        return FALSE;
      g_ptr_array_add (result->partners, row);
      if (!add_partner_to_totals (result, row, error))
        return FALSE;
    }
  return TRUE;
}

PalierResult *
_palier_evaluation_build_result (PalierEvaluation  *evaluation,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_autoptr(PalierResult) result = NULL;
  Builder builder;
  gboolean ok;

  g_return_val_if_fail (evaluation != NULL, NULL);
  g_return_val_if_fail (evaluation->current != NULL, NULL);

  result = result_new (evaluation);
  builder_init (&builder, evaluation);

  ok = build_partners (&builder, result, cancellable, error);
  if (ok && !palier_decimal_add (result->total_payout, result->total_non_cash, &result->total_cost))
    ok = _palier_simulate_set_overflow (error);

  if (ok)
    {
      collect_period_totals (&builder, result);
      memcpy (result->component_non_cash, builder.component_non_cash,
              sizeof (PalierDecimal) * builder.n_components);
      result->cost_of_sales = ratio_of (result->total_cost, result->total_sales);
    }

  builder_clear (&builder);
  return ok ? g_steal_pointer (&result) : NULL;
}

/* Cells, for statements and program health */

gboolean
_palier_evaluation_get_cells (PalierEvaluation  *evaluation,
                              guint              partner,
                              guint              component,
                              GArray            *cells,
                              GError           **error)
{
  const ComponentState *state;
  const Frame *frame;
  gsize row;

  g_return_val_if_fail (evaluation != NULL && evaluation->current != NULL, FALSE);
  g_return_val_if_fail (partner < evaluation->n_active, FALSE);
  g_return_val_if_fail (component < evaluation->current->len, FALSE);

  state = g_ptr_array_index (evaluation->current, component);
  frame = evaluation->frames[state->kind];
  row = (gsize) partner * frame->n_periods;

  for (guint k = 0; k < frame->n_periods; k++)
    {
      PalierEvaluationCell cell = { 0 };
      int missing;

      cell.kind = state->kind;
      cell.index = frame->first_index + (gint32) k;
      cell.first = frame->first_days[k];
      cell.last = frame->last_days[k];
      cell.landing = evaluation->first_period + (gint32) frame->landing[k];
      cell.fiscal_year = frame->fiscal_years[k];
      cell.present = frame->present[row + k];
      cell.paid = state->paid[row + k];
      cell.base = state->grid != NULL ? state->grid->bases[row + k] : 0;
      if (!component_quota (evaluation, partner, frame, k, &cell.quota, &missing, error))
        return FALSE;
      cell.has_quota = missing < 0;
      cell.payout = state->payouts[row + k];
      g_array_append_val (cells, cell);
    }
  return TRUE;
}
