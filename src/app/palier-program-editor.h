/* palier-program-editor.h: one program being edited, with its history
 *
 * The editor keeps the program as last accepted and the draft the
 * designer shows.  An edit replaces the draft; when palier_program_check() accepts
 * the draft it becomes the program, the previous program goes on the undo
 * stack and the draft is saved to the workspace with a summary of the
 * change.  An invalid draft is kept, with its problem, and saved only
 * once a later edit makes it valid.  Saves run in order in a worker
 * thread, on a connection of its own, so a slow disk or a busy workspace
 * never blocks the window.
 */
#pragma once

#include <gio/gio.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_PROGRAM_EDITOR (palier_program_editor_get_type ())

G_DECLARE_FINAL_TYPE (PalierProgramEditor, palier_program_editor, PALIER, PROGRAM_EDITOR, GObject)

/* An editor of @program, saved into the workspace file at @path. */
PalierProgramEditor *palier_program_editor_new          (const char          *path,
                                                         PalierProgram       *program);

/* The program as last accepted, which is what the workspace contains
 * once the pending saves are written. */
PalierProgram       *palier_program_editor_get_program  (PalierProgramEditor *self);

/* What the designer shows: the program, or an invalid edit of it. */
PalierProgram       *palier_program_editor_get_draft    (PalierProgramEditor *self);

/* Why the draft is not accepted, or NULL when the draft is the program. */
const GError        *palier_program_editor_get_problem  (PalierProgramEditor *self);

/* Replaces the draft with @candidate (taking a reference) after an edit
 * described by @summary.  Returns TRUE when @candidate is valid and was
 * accepted (or equals the program), FALSE when it was kept as an invalid
 * draft. */
gboolean             palier_program_editor_edit         (PalierProgramEditor *self,
                                                         PalierProgram       *candidate,
                                                         const char          *summary);

gboolean             palier_program_editor_can_undo     (PalierProgramEditor *self);
gboolean             palier_program_editor_can_redo     (PalierProgramEditor *self);

/* Undoes the last accepted edit, or drops an invalid draft first.  Both
 * save the program they restore. */
void                 palier_program_editor_undo         (PalierProgramEditor *self);
void                 palier_program_editor_redo         (PalierProgramEditor *self);

/* Saves the program in the workspace as a new program (its first
 * version), in the worker thread. */
void                 palier_program_editor_save_new     (PalierProgramEditor *self,
                                                         const char          *summary);

/* Number of saves queued or running. */
guint                palier_program_editor_get_n_pending_saves (PalierProgramEditor *self);

/* Waits until every queued save is written.  Call before deleting the
 * program or reading its history. */
void                 palier_program_editor_flush        (PalierProgramEditor *self);

/* Time the last save took in the worker, in microseconds. */
gint64               palier_program_editor_get_last_save_time (PalierProgramEditor *self);

G_END_DECLS
