/* palier-workspace.c: an open workspace file, as the window uses it */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-workspace.h"

struct _PalierWorkspace
{
  GObject parent_instance;

  PalierStore *store;
  char *path;
  PalierSimulateOptions range;
};

G_DEFINE_FINAL_TYPE (PalierWorkspace, palier_workspace, G_TYPE_OBJECT)

enum {
  SALES_CHANGED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
palier_overview_free (PalierOverview *overview)
{
  if (overview == NULL)
    return;

  g_clear_pointer (&overview->months, g_array_unref);
  g_free (overview->currency);
  g_free (overview);
}

static void
palier_workspace_finalize (GObject *object)
{
  PalierWorkspace *self = PALIER_WORKSPACE (object);

  g_clear_pointer (&self->store, palier_store_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (palier_workspace_parent_class)->finalize (object);
}

static void
palier_workspace_class_init (PalierWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_workspace_finalize;

  /**
   * PalierWorkspace::sales-changed:
   *
   * Emitted on the main thread after an import added sales, partners or
   * quotas, so that every view showing them or a result reloads.
   */
  signals[SALES_CHANGED] =
    g_signal_new ("sales-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PalierWorkspace::range-changed:
   *
   * Emitted when palier_workspace_set_range() changed the simulated
   * range.
   */
  signals[RANGE_CHANGED] =
    g_signal_new ("range-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
palier_workspace_init (PalierWorkspace *self)
{
}

/* Opening */

PalierWorkspace *
palier_workspace_open (const char        *path,
                       PalierStoreFlags   flags,
                       GError           **error)
{
  PalierWorkspace *self;
  PalierStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = palier_store_open (path, flags, error);
  if (store == NULL)
    return NULL;

  self = g_object_new (PALIER_TYPE_WORKSPACE, NULL);
  self->store = store;
  self->path = g_strdup (path);

  return self;
}

typedef struct {
  char *path;
  PalierStoreFlags flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  PalierWorkspace *workspace;

  workspace = palier_workspace_open (data->path, data->flags, &error);
  if (workspace == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

void
palier_workspace_open_async (const char          *path,
                             PalierStoreFlags     flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_workspace_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

PalierWorkspace *
palier_workspace_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

PalierStore *
palier_workspace_get_store (PalierWorkspace *self)
{
  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), NULL);

  return self->store;
}

const char *
palier_workspace_get_path (PalierWorkspace *self)
{
  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), NULL);

  return self->path;
}

char *
palier_workspace_dup_title (PalierWorkspace *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), NULL);

  basename = g_path_get_basename (self->path);
  if (g_str_has_suffix (basename, ".palier") && strlen (basename) > strlen (".palier"))
    basename[strlen (basename) - strlen (".palier")] = '\0';

  return g_steal_pointer (&basename);
}

/* Importing */

typedef struct {
  char *path;
  PalierImportPlan *plan;
  PalierProgressFunc progress;
  gpointer progress_data;
  GPtrArray *records;                   /* partners or quotas to store */
  gboolean quotas;
  guint64 rows;
  guint64 skipped;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->plan, palier_import_plan_free);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  PalierImportReport report;
  PalierImportPlan *plan = g_steal_pointer (&data->plan);
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A connection of this thread's own: the main thread keeps reading
   * the workspace on its connection while the import writes, which
   * keeps the store in WAL mode for the import. */
  store = palier_store_open (data->path, PALIER_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      palier_import_plan_free (plan);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  palier_import_report_init (&report);
  ok = palier_store_import_sales (store, plan, data->progress, data->progress_data,
                                  cancellable, &report, &error);
  data->rows = report.rows_imported;
  data->skipped = report.rows_skipped;
  palier_import_report_clear (&report);
  palier_import_plan_free (plan);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
palier_workspace_import_plan_async (PalierWorkspace     *self,
                                    PalierImportPlan    *plan,
                                    PalierProgressFunc   progress,
                                    gpointer             progress_data,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (PALIER_IS_WORKSPACE (self));
  g_return_if_fail (plan != NULL);

  data = g_new0 (ImportData, 1);
  data->path = g_strdup (self->path);
  data->plan = palier_import_plan_copy (plan);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_workspace_import_plan_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/* Importing partners and quotas */

static void
import_records_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* The store writes records in one short transaction that takes no
   * cancellable, so a cancellation counts only until it starts. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  store = palier_store_open (data->path, PALIER_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->quotas)
    ok = palier_store_import_quotas (store, data->records, &error);
  else
    ok = palier_store_import_partners (store, data->records, &error);

  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->rows = data->records->len;
  g_task_return_boolean (task, TRUE);
}

static void
import_records_async (PalierWorkspace     *self,
                      GPtrArray           *records,
                      gboolean             quotas,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  data = g_new0 (ImportData, 1);
  data->path = g_strdup (self->path);
  data->records = g_ptr_array_ref (records);
  data->quotas = quotas;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_workspace_import_plan_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_records_thread);
}

void
palier_workspace_import_partners_async (PalierWorkspace     *self,
                                        GPtrArray           *partners,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (PALIER_IS_WORKSPACE (self));
  g_return_if_fail (partners != NULL);

  import_records_async (self, partners, FALSE, cancellable, callback, user_data);
}

void
palier_workspace_import_quotas_async (PalierWorkspace     *self,
                                      GPtrArray           *quotas,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (PALIER_IS_WORKSPACE (self));
  g_return_if_fail (quotas != NULL);

  import_records_async (self, quotas, TRUE, cancellable, callback, user_data);
}

/* Emits "sales-changed" when the import added rows, so every view that
 * shows sales reloads. */
gboolean
palier_workspace_import_finish (PalierWorkspace  *self,
                                GAsyncResult     *result,
                                guint64          *out_rows,
                                guint64          *out_skipped,
                                GError          **error)
{
  ImportData *data;

  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (out_rows != NULL)
    *out_rows = data->rows;
  if (out_skipped != NULL)
    *out_skipped = data->skipped;

  if (data->rows > 0)
    g_signal_emit (self, signals[SALES_CHANGED], 0);

  return TRUE;
}

/* Overview of the sales */

static gint32
month_of_date (PalierDate date)
{
  return palier_date_year (date) * 12 + palier_date_month (date) - 1;
}

static gboolean
add_month_total (const PalierMonthTotal  *total,
                 gpointer                 user_data,
                 GError                 **error)
{
  PalierOverview *overview = user_data;
  PalierMonthSales *first;
  PalierMonthSales *slot;
  gint32 offset;

  first = &g_array_index (overview->months, PalierMonthSales, 0);
  offset = total->month - first->month;
  if (offset < 0 || (guint) offset >= overview->months->len)
    return TRUE;

  slot = &g_array_index (overview->months, PalierMonthSales, offset);
  if (!palier_decimal_add (slot->sales, total->revenue, &slot->sales))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The sales of one month are too large to add up"));
      return FALSE;
    }

  return TRUE;
}

/* Sales carry no currency, but the programs designed for them do: when
 * they agree, that is the sales' currency too.  A program that cannot be
 * read is left out. */
static char *
find_programs_currency (PalierStore *store)
{
  g_autoptr(GPtrArray) ids = palier_store_list_programs (store, NULL);
  g_autofree char *currency = NULL;

  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PalierProgram) program = palier_store_load_program (store, g_ptr_array_index (ids, i), NULL);

      if (program == NULL)
        continue;
      if (currency == NULL)
        currency = g_strdup (program->currency);
      else if (g_strcmp0 (currency, program->currency) != 0)
        return NULL;
    }

  return g_steal_pointer (&currency);
}

static PalierOverview *
load_overview (PalierStore  *store,
               GError      **error)
{
  g_autoptr(PalierOverview) overview = g_new0 (PalierOverview, 1);
  gint32 first_month;
  gint32 last_month;

  g_autoptr(GPtrArray) quotas = NULL;

  if (!palier_store_get_summary (store, &overview->summary, error))
    return NULL;

  quotas = palier_store_list_quotas (store, error);
  if (quotas == NULL)
    return NULL;
  overview->n_quotas = quotas->len;

  overview->currency = find_programs_currency (store);
  overview->months = g_array_new (FALSE, TRUE, sizeof (PalierMonthSales));
  if (overview->summary.n_transactions == 0 ||
      overview->summary.first_date == PALIER_DATE_NONE)
    return g_steal_pointer (&overview);

  first_month = month_of_date (overview->summary.first_date);
  last_month = month_of_date (overview->summary.last_date);
  for (gint32 month = first_month; month <= last_month; month++)
    {
      PalierMonthSales slot = { month, 0 };
      g_array_append_val (overview->months, slot);
    }

  if (!palier_store_foreach_month_total (store, NULL, PALIER_DATE_NONE, PALIER_DATE_NONE,
                                         add_month_total, overview, error))
    return NULL;

  return g_steal_pointer (&overview);
}

static void
overview_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierOverview *overview;

  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  overview = load_overview (store, &error);
  if (overview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, overview, (GDestroyNotify) palier_overview_free);
}

void
palier_workspace_load_overview_async (PalierWorkspace     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PALIER_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_workspace_load_overview_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, overview_thread);
}

PalierOverview *
palier_workspace_load_overview_finish (PalierWorkspace  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The simulated range */

void
palier_workspace_get_range (PalierWorkspace *self,
                            PalierDate      *out_from,
                            PalierDate      *out_to)
{
  g_return_if_fail (PALIER_IS_WORKSPACE (self));

  if (out_from != NULL)
    *out_from = self->range.from;
  if (out_to != NULL)
    *out_to = self->range.to;
}

void
palier_workspace_set_range (PalierWorkspace *self,
                            PalierDate       from,
                            PalierDate       to)
{
  g_return_if_fail (PALIER_IS_WORKSPACE (self));
  g_return_if_fail (from == PALIER_DATE_NONE || palier_date_is_valid (from));
  g_return_if_fail (to == PALIER_DATE_NONE || palier_date_is_valid (to));
  g_return_if_fail (from == PALIER_DATE_NONE || to == PALIER_DATE_NONE || from <= to);

  if (self->range.from == from && self->range.to == to)
    return;

  self->range.from = from;
  self->range.to = to;
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

void
palier_workspace_get_sales_dates (PalierWorkspace *self,
                                  PalierDate      *out_first,
                                  PalierDate      *out_last)
{
  PalierStoreSummary summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PALIER_IS_WORKSPACE (self));

  if (!palier_store_get_summary (self->store, &summary, &error))
    {
      g_warning ("Cannot read the sales dates of %s: %s", self->path, error->message);
      summary.first_date = PALIER_DATE_NONE;
      summary.last_date = PALIER_DATE_NONE;
    }

  if (out_first != NULL)
    *out_first = summary.first_date;
  if (out_last != NULL)
    *out_last = summary.last_date;
}

/* Simulation */

typedef struct {
  char *path;
  PalierProgram *program;
  PalierSimulateOptions options;
} SimulateData;

static void
simulate_data_free (SimulateData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->program, palier_program_unref);
  g_free (data);
}

static void
simulate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SimulateData *data = task_data;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierResult *result;

  store = palier_store_open (data->path, PALIER_STORE_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = palier_simulate (store, data->program, &data->options, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) palier_result_unref);
}

void
palier_workspace_simulate_async (PalierWorkspace     *self,
                                 const PalierProgram *program,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SimulateData *data;

  g_return_if_fail (PALIER_IS_WORKSPACE (self));
  g_return_if_fail (program != NULL);

  /* The worker gets its own copy: programs are not thread-safe. */
  data = g_new0 (SimulateData, 1);
  data->path = g_strdup (self->path);
  data->program = palier_program_copy (program);
  data->options = self->range;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_workspace_simulate_async);
  g_task_set_task_data (task, data, (GDestroyNotify) simulate_data_free);
  g_task_run_in_thread (task, simulate_thread);
}

PalierResult *
palier_workspace_simulate_finish (PalierWorkspace  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Comparison */

typedef struct {
  char *path;
  PalierProgram *baseline;
  PalierProgram *proposal;
  PalierSimulateOptions options;
} CompareData;

static void
compare_data_free (CompareData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->baseline, palier_program_unref);
  g_clear_pointer (&data->proposal, palier_program_unref);
  g_free (data);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareData *data = task_data;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PalierComparison *comparison;

  store = palier_store_open (data->path, PALIER_STORE_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  comparison = palier_compare (store, data->baseline, data->proposal, &data->options,
                               cancellable, &error);
  if (comparison == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify) palier_comparison_unref);
}

void
palier_workspace_compare_async (PalierWorkspace     *self,
                                const PalierProgram *baseline,
                                const PalierProgram *proposal,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CompareData *data;

  g_return_if_fail (PALIER_IS_WORKSPACE (self));
  g_return_if_fail (baseline != NULL);
  g_return_if_fail (proposal != NULL);

  /* The worker gets its own copies: programs are not thread-safe. */
  data = g_new0 (CompareData, 1);
  data->path = g_strdup (self->path);
  data->baseline = palier_program_copy (baseline);
  data->proposal = palier_program_copy (proposal);
  data->options = self->range;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, palier_workspace_compare_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compare_data_free);
  g_task_run_in_thread (task, compare_thread);
}

PalierComparison *
palier_workspace_compare_finish (PalierWorkspace  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (PALIER_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
