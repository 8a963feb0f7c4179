/* palier-program-editor.c: one program being edited, with its history */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-program-editor.h"

/* One step of the history: the program before an edit and what the edit
 * did. */
typedef struct {
  PalierProgram *program;
  char *summary;
} Step;

struct _PalierProgramEditor
{
  GObject parent_instance;

  char *path;
  PalierProgram *program;
  PalierProgram *draft;
  GError *problem;
  GPtrArray *pending_summaries;         /* edits of the invalid draft */
  GPtrArray *undo_stack;                /* Step, oldest first */
  GPtrArray *redo_stack;                /* Step, next redo last */

  GThreadPool *saver;                   /* one thread: saves stay in order */
  GMutex lock;
  GCond written_cond;
  guint n_queued;                       /* guarded by lock */
  guint n_written;                      /* guarded by lock */
  gint64 last_save_time;                /* guarded by lock */
};

G_DEFINE_FINAL_TYPE (PalierProgramEditor, palier_program_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Step *
step_new (PalierProgram *program,
          const char    *summary)
{
  Step *step = g_new0 (Step, 1);

  step->program = palier_program_ref (program);
  step->summary = g_strdup (summary);

  return step;
}

static void
step_free (Step *step)
{
  palier_program_unref (step->program);
  g_free (step->summary);
  g_free (step);
}

/* Saving */

typedef struct {
  PalierProgramEditor *editor;
  PalierProgram *program;               /* a copy of the worker's own */
  char *summary;
  GError *error;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->editor);
  palier_program_unref (job->program);
  g_free (job->summary);
  g_clear_error (&job->error);
  g_free (job);
}

/* Back on the main thread: reports the save. */
static gboolean
save_done_cb (gpointer data)
{
  SaveJob *job = data;

  if (job->error != NULL)
    g_signal_emit (job->editor, signals[SAVE_FAILED], 0, job->error->message);
  else
    g_signal_emit (job->editor, signals[SAVED], 0, job->summary);

  save_job_free (job);
  return G_SOURCE_REMOVE;
}

static void
save_thread (gpointer data,
             gpointer user_data)
{
  SaveJob *job = data;
  PalierProgramEditor *self = job->editor;
  g_autoptr(PalierStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  store = palier_store_open (self->path, PALIER_STORE_OPEN_EXISTING, &job->error);
  if (store != NULL)
    palier_store_save_program (store, job->program, job->summary, &job->error);

  g_mutex_lock (&self->lock);
  self->n_written++;
  self->last_save_time = g_get_monotonic_time () - start;
  g_cond_broadcast (&self->written_cond);
  g_mutex_unlock (&self->lock);

  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, save_done_cb, job, NULL);
}

static void
queue_save (PalierProgramEditor *self,
            const char          *summary)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->editor = g_object_ref (self);
  job->program = palier_program_copy (self->program);
  job->summary = g_strdup (summary);

  g_mutex_lock (&self->lock);
  self->n_queued++;
  g_mutex_unlock (&self->lock);

  g_thread_pool_push (self->saver, job, NULL);
}

guint
palier_program_editor_get_n_pending_saves (PalierProgramEditor *self)
{
  guint pending;

  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), 0);

  g_mutex_lock (&self->lock);
  pending = self->n_queued - self->n_written;
  g_mutex_unlock (&self->lock);

  return pending;
}

void
palier_program_editor_flush (PalierProgramEditor *self)
{
  g_return_if_fail (PALIER_IS_PROGRAM_EDITOR (self));

  g_mutex_lock (&self->lock);
  while (self->n_written < self->n_queued)
    g_cond_wait (&self->written_cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

gint64
palier_program_editor_get_last_save_time (PalierProgramEditor *self)
{
  gint64 time;

  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), 0);

  g_mutex_lock (&self->lock);
  time = self->last_save_time;
  g_mutex_unlock (&self->lock);

  return time;
}

void
palier_program_editor_save_new (PalierProgramEditor *self,
                                const char          *summary)
{
  g_return_if_fail (PALIER_IS_PROGRAM_EDITOR (self));
  g_return_if_fail (summary != NULL);

  queue_save (self, summary);
}

/* Editing */

static void
notify_stacks (PalierProgramEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
set_draft (PalierProgramEditor *self,
           PalierProgram       *draft)
{
  palier_program_ref (draft);
  g_clear_pointer (&self->draft, palier_program_unref);
  self->draft = draft;
}

/* Makes @program the accepted program and the draft, and drops any
 * problem and pending summaries. */
static void
accept (PalierProgramEditor *self,
        PalierProgram       *program)
{
  palier_program_ref (program);
  g_clear_pointer (&self->program, palier_program_unref);
  self->program = program;

  set_draft (self, program);
  g_clear_error (&self->problem);
  g_ptr_array_set_size (self->pending_summaries, 0);
}

/* The summaries of the edits that led to a valid draft, as one line. */
static char *
join_pending_summaries (PalierProgramEditor *self)
{
  g_ptr_array_add (self->pending_summaries, NULL);
  /* Translators: separates the summaries of edits saved together. */
  return g_strjoinv (_("; "), (char **) self->pending_summaries->pdata);
}

gboolean
palier_program_editor_edit (PalierProgramEditor *self,
                            PalierProgram       *candidate,
                            const char          *summary)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), FALSE);
  g_return_val_if_fail (candidate != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  g_ptr_array_add (self->pending_summaries, g_strdup (summary));

  if (!palier_program_check (candidate, &error))
    {
      set_draft (self, candidate);
      g_clear_error (&self->problem);
      self->problem = g_steal_pointer (&error);
      notify_stacks (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return FALSE;
    }

  /* Back to the program as it was: nothing to record or save. */
  if (palier_program_equal (candidate, self->program))
    {
      accept (self, self->program);
      notify_stacks (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }

  joined = join_pending_summaries (self);
  g_ptr_array_add (self->undo_stack, step_new (self->program, joined));
  g_ptr_array_set_size (self->redo_stack, 0);
  accept (self, candidate);
  queue_save (self, joined);

  notify_stacks (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
palier_program_editor_can_undo (PalierProgramEditor *self)
{
  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), FALSE);

  return self->problem != NULL || self->undo_stack->len > 0;
}

gboolean
palier_program_editor_can_redo (PalierProgramEditor *self)
{
  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), FALSE);

  return self->problem == NULL && self->redo_stack->len > 0;
}

/* Moves the last step of @from to @to, in place of the current program,
 * and saves the program it restores. */
static void
travel (PalierProgramEditor *self,
        GPtrArray           *from,
        GPtrArray           *to,
        gboolean             undo)
{
  Step *step = g_ptr_array_steal_index (from, from->len - 1);
  g_autofree char *summary = NULL;

  if (undo)
    /* Translators: a change in the program history; the summary of the
     * edit that was undone follows. */
    summary = g_strdup_printf (_("Undid: %s"), step->summary);
  else
    /* Translators: a change in the program history; the summary of the
     * edit that was redone follows. */
    summary = g_strdup_printf (_("Redid: %s"), step->summary);

  g_ptr_array_add (to, step_new (self->program, step->summary));
  accept (self, step->program);
  queue_save (self, summary);
  step_free (step);

  notify_stacks (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
palier_program_editor_undo (PalierProgramEditor *self)
{
  g_return_if_fail (PALIER_IS_PROGRAM_EDITOR (self));

  /* An invalid draft was never saved: dropping it is the undo. */
  if (self->problem != NULL)
    {
      accept (self, self->program);
      notify_stacks (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  if (self->undo_stack->len == 0)
    return;

  travel (self, self->undo_stack, self->redo_stack, TRUE);
}

void
palier_program_editor_redo (PalierProgramEditor *self)
{
  g_return_if_fail (PALIER_IS_PROGRAM_EDITOR (self));

  if (!palier_program_editor_can_redo (self))
    return;

  travel (self, self->redo_stack, self->undo_stack, FALSE);
}

PalierProgram *
palier_program_editor_get_program (PalierProgramEditor *self)
{
  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), NULL);

  return self->program;
}

PalierProgram *
palier_program_editor_get_draft (PalierProgramEditor *self)
{
  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), NULL);

  return self->draft;
}

const GError *
palier_program_editor_get_problem (PalierProgramEditor *self)
{
  g_return_val_if_fail (PALIER_IS_PROGRAM_EDITOR (self), NULL);

  return self->problem;
}

/* GObject */

static void
palier_program_editor_finalize (GObject *object)
{
  PalierProgramEditor *self = PALIER_PROGRAM_EDITOR (object);

  /* Every queued save holds a reference, so none is left here. */
  g_thread_pool_free (self->saver, FALSE, TRUE);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->written_cond);

  g_free (self->path);
  g_clear_pointer (&self->program, palier_program_unref);
  g_clear_pointer (&self->draft, palier_program_unref);
  g_clear_error (&self->problem);
  g_ptr_array_unref (self->pending_summaries);
  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);

  G_OBJECT_CLASS (palier_program_editor_parent_class)->finalize (object);
}

static void
palier_program_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PalierProgramEditor *self = PALIER_PROGRAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, palier_program_editor_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, palier_program_editor_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_program_editor_class_init (PalierProgramEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_program_editor_finalize;
  object_class->get_property = palier_program_editor_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The draft, the program or the problem changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A version was written, with its summary. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* A save failed, with the store's message. */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
palier_program_editor_init (PalierProgramEditor *self)
{
  self->pending_summaries = g_ptr_array_new_with_free_func (g_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->saver = g_thread_pool_new (save_thread, NULL, 1, FALSE, NULL);
  g_mutex_init (&self->lock);
  g_cond_init (&self->written_cond);
}

PalierProgramEditor *
palier_program_editor_new (const char    *path,
                           PalierProgram *program)
{
  PalierProgramEditor *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);

  self = g_object_new (PALIER_TYPE_PROGRAM_EDITOR, NULL);
  self->path = g_strdup (path);
  accept (self, program);

  return self;
}
