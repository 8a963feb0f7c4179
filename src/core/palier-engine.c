/* palier-engine.c: live re-simulation while a program is edited
 *
 * The engine owns a PalierBases (phase one) and a PalierEvaluation
 * (phase two) over it.  An update first reads the tables the program
 * needs and the bases lack, then lets the evaluation recompute what
 * changed.  After a successful update, tables no component reads any
 * more are dropped, so memory follows the current program rather than
 * every filter tried.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-engine.h"
#include "palier-simulate-private.h"

struct _PalierEngine
{
  GObject                 parent_instance;

  GMutex                  lock;         /* held by every call */
  PalierStore            *store;        /* not owned; NULL for given bases */
  PalierSimulateOptions   options;
  PalierBases            *bases;        /* NULL until the first update */
  PalierEvaluation       *evaluation;
  guint                   n_queries;
};

G_DEFINE_FINAL_TYPE (PalierEngine, palier_engine, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PalierEngineTotals, palier_engine_totals,
                     palier_engine_totals_copy, palier_engine_totals_free)

PalierEngineTotals *
palier_engine_totals_copy (const PalierEngineTotals *totals)
{
  PalierEngineTotals *copy;

  g_return_val_if_fail (totals != NULL, NULL);

  copy = g_memdup2 (totals, sizeof *totals);
  copy->component_payouts = g_memdup2 (totals->component_payouts,
                                       sizeof (PalierDecimal) * (totals->n_components + 1));
  copy->component_non_cash = g_memdup2 (totals->component_non_cash,
                                        sizeof (PalierDecimal) * (totals->n_components + 1));
  return copy;
}

void
palier_engine_totals_free (PalierEngineTotals *totals)
{
  if (totals == NULL)
    return;

  g_free (totals->component_payouts);
  g_free (totals->component_non_cash);
  g_free (totals);
}

static void
palier_engine_finalize (GObject *object)
{
  PalierEngine *self = PALIER_ENGINE (object);

  g_clear_pointer (&self->evaluation, _palier_evaluation_free);
  g_clear_pointer (&self->bases, palier_bases_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (palier_engine_parent_class)->finalize (object);
}

static void
palier_engine_class_init (PalierEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_engine_finalize;
}

static void
palier_engine_init (PalierEngine *self)
{
  g_mutex_init (&self->lock);
}

PalierEngine *
palier_engine_new (PalierStore                 *store,
                   const PalierSimulateOptions *options)
{
  PalierEngine *self;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (PALIER_TYPE_ENGINE, NULL);
  self->store = store;
  if (options != NULL)
    self->options = *options;
  return self;
}

PalierEngine *
palier_engine_new_for_bases (PalierBases *bases)
{
  PalierEngine *self;

  g_return_val_if_fail (bases != NULL, NULL);

  self = g_object_new (PALIER_TYPE_ENGINE, NULL);
  self->bases = bases;
  self->options.from = bases->from;
  self->options.to = bases->to;
  self->evaluation = _palier_evaluation_new (bases);
  return self;
}

/* Reads what @program needs: everything on the first run, then only the
 * tables of new filters. */
static gboolean
read_bases (PalierEngine         *self,
            const PalierProgram  *program,
            GCancellable         *cancellable,
            GError              **error)
{
  const PalierProgram *programs[] = { program, NULL };
  guint n_before;

  if (self->bases == NULL)
    {
      self->bases = palier_bases_compute (self->store, programs, &self->options, cancellable, error);
      if (self->bases == NULL)
        return FALSE;
      self->n_queries += self->bases->tables->len + self->bases->deal_tables->len;
      self->evaluation = _palier_evaluation_new (self->bases);
      return TRUE;
    }

  if (self->store == NULL)
    return TRUE;

  n_before = self->bases->tables->len + self->bases->deal_tables->len;
  if (!_palier_bases_add_program (self->bases, self->store, program, cancellable, error))
    return FALSE;
  self->n_queries += self->bases->tables->len + self->bases->deal_tables->len - n_before;
  return TRUE;
}

static PalierEngineTotals *
collect_totals (PalierEngine *self,
                guint         n_components)
{
  PalierEngineTotals *totals = g_new0 (PalierEngineTotals, 1);

  totals->n_components = n_components;
  totals->component_payouts = g_new0 (PalierDecimal, n_components + 1);
  totals->component_non_cash = g_new0 (PalierDecimal, n_components + 1);
  _palier_evaluation_get_totals (self->evaluation, &totals->sales, &totals->payout,
                                 &totals->non_cash, &totals->cost, &totals->cost_of_sales,
                                 totals->component_payouts, totals->component_non_cash);
  return totals;
}

static PalierEngineTotals *
update_locked (PalierEngine         *self,
               const PalierProgram  *program,
               GCancellable         *cancellable,
               GError              **error)
{
  const PalierProgram *programs[] = { program, NULL };

  if (!read_bases (self, program, cancellable, error))
    return NULL;

  if (!palier_bases_can_simulate (self->bases, program))
    {
      g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_FAILED,
                   _("program “%s” filters sales that were not read; read the sales again for this program"),
                   program->id);
      return NULL;
    }

  if (!_palier_evaluation_update (self->evaluation, program, cancellable, error))
    return NULL;

  /* The evaluation now reads only the current program's tables. */
  if (self->store != NULL)
    _palier_bases_prune (self->bases, programs);

  return collect_totals (self, program->components->len);
}

PalierEngineTotals *
palier_engine_update (PalierEngine         *engine,
                      const PalierProgram  *program,
                      GCancellable         *cancellable,
                      GError              **error)
{
  PalierEngineTotals *totals;

  g_return_val_if_fail (PALIER_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&engine->lock);
  totals = update_locked (engine, program, cancellable, error);
  g_mutex_unlock (&engine->lock);
  return totals;
}

PalierResult *
palier_engine_get_result (PalierEngine  *engine,
                          GCancellable  *cancellable,
                          GError       **error)
{
  PalierResult *result = NULL;

  g_return_val_if_fail (PALIER_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&engine->lock);
  if (engine->evaluation == NULL || !_palier_evaluation_has_totals (engine->evaluation))
    g_set_error (error, PALIER_SIMULATE_ERROR, PALIER_SIMULATE_ERROR_FAILED,
                 _("no result: the last simulation failed or none was run"));
  else
    result = _palier_evaluation_build_result (engine->evaluation, cancellable, error);
  g_mutex_unlock (&engine->lock);
  return result;
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  PalierEngineTotals *totals;

  totals = palier_engine_update (source_object, task_data, cancellable, &error);
  if (totals == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, totals, (GDestroyNotify) palier_engine_totals_free);
}

void
palier_engine_update_async (PalierEngine         *engine,
                            const PalierProgram  *program,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PALIER_IS_ENGINE (engine));
  g_return_if_fail (program != NULL);

  task = g_task_new (engine, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_engine_update_async);
  g_task_set_task_data (task, palier_program_copy (program), (GDestroyNotify) palier_program_unref);
  g_task_run_in_thread (task, update_thread);
}

PalierEngineTotals *
palier_engine_update_finish (PalierEngine  *engine,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, engine), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == palier_engine_update_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
result_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  PalierResult *result;

  result = palier_engine_get_result (source_object, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) palier_result_unref);
}

void
palier_engine_get_result_async (PalierEngine         *engine,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PALIER_IS_ENGINE (engine));

  task = g_task_new (engine, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_engine_get_result_async);
  g_task_run_in_thread (task, result_thread);
}

PalierResult *
palier_engine_get_result_finish (PalierEngine  *engine,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, engine), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == palier_engine_get_result_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
palier_engine_get_stats (PalierEngine      *engine,
                         PalierEngineStats *out_stats)
{
  const PalierEvaluationStats *stats;

  g_return_if_fail (PALIER_IS_ENGINE (engine));
  g_return_if_fail (out_stats != NULL);

  g_mutex_lock (&engine->lock);
  memset (out_stats, 0, sizeof *out_stats);
  out_stats->n_queries = engine->n_queries;
  if (engine->evaluation != NULL)
    {
      stats = _palier_evaluation_get_stats (engine->evaluation);
      out_stats->n_grids = stats->n_grids;
      out_stats->n_components = stats->n_components;
    }
  g_mutex_unlock (&engine->lock);
}
