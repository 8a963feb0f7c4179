/* palier-curve-editor.h: the payout curve of a component, with handles
 *
 * The curve is the core's (palier_chart_draw_payout_curve()), with a
 * handle at each tier boundary after the first or at each bonus level.
 * Dragging a handle left or right moves the boundary, up or down changes
 * the rate of the tier that starts there (or the level's amount).  While
 * a handle moves, the editor emits "preview" with the changed program.
 * When the handle is dropped, it emits "commit" with the program and a
 * summary of the change.  Tab focuses the handles in turn and the arrow keys move
 * the focused one, one snapping step per press.
 */
#pragma once

#include <gtk/gtk.h>

#include "palier.h"

G_BEGIN_DECLS

#define PALIER_TYPE_CURVE_EDITOR (palier_curve_editor_get_type ())

G_DECLARE_FINAL_TYPE (PalierCurveEditor, palier_curve_editor, PALIER, CURVE_EDITOR, GtkWidget)

/* Shows component @component of @program (NULL for nothing).  Ignored
 * while a handle is dragged, so that a drag is never pulled away. */
void           palier_curve_editor_set_component (PalierCurveEditor *self,
                                                  PalierProgram     *program,
                                                  guint              component);

/* Draws the curve of the partners of @segment, with its overrides and
 * quota, or of partners without a segment when @segment is NULL.  Then
 * a handle changes the segment's override of its row, when the row has
 * one, and the row's own value otherwise. */
void           palier_curve_editor_set_segment   (PalierCurveEditor *self,
                                                  const char        *segment);

/* The program drawn: the one set, or the dragged one during a drag. */
PalierProgram *palier_curve_editor_get_program   (PalierCurveEditor *self);

/* The quota of one component period that the curve and its handles
 * use on an attainment basis, for the drawn segment; 0 without one. */
PalierDecimal  palier_curve_editor_get_quota     (PalierCurveEditor *self);

guint          palier_curve_editor_get_n_handles (PalierCurveEditor *self);

/* Where handle @handle is drawn now, in the widget's coordinates. */
gboolean       palier_curve_editor_get_handle_position (PalierCurveEditor *self,
                                                        guint              handle,
                                                        double            *out_x,
                                                        double            *out_y);

/* The handle within reach of (@x, @y), or -1. */
int            palier_curve_editor_handle_at     (PalierCurveEditor *self,
                                                  double             x,
                                                  double             y);

/* The drag, as the gesture drives it: begins on the handle at (@x, @y)
 * (FALSE when there is none), moves by (@dx, @dy) pixels from there, and
 * ends with a commit or is cancelled. */
gboolean       palier_curve_editor_begin_drag    (PalierCurveEditor *self,
                                                  double             x,
                                                  double             y);
void           palier_curve_editor_update_drag   (PalierCurveEditor *self,
                                                  double             dx,
                                                  double             dy);
void           palier_curve_editor_end_drag      (PalierCurveEditor *self);
void           palier_curve_editor_cancel_drag   (PalierCurveEditor *self);
gboolean       palier_curve_editor_is_dragging   (PalierCurveEditor *self);

/* The text of the label shown beside a dragged handle, or NULL. */
const char    *palier_curve_editor_get_drag_label (PalierCurveEditor *self);

/* The handle that Tab focused, or -1. */
int            palier_curve_editor_get_focus_handle (PalierCurveEditor *self);

/* Moves handle @handle by @from_steps snapping steps to the right and
 * @value_steps steps up, as the arrow keys do, and commits the edit. */
void           palier_curve_editor_nudge         (PalierCurveEditor *self,
                                                  guint              handle,
                                                  int                from_steps,
                                                  int                value_steps);

G_END_DECLS
