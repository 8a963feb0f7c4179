/* palier-program-edits.h: the edits the designer makes to a program
 *
 * Each edit takes a program, which it leaves untouched, and returns a
 * changed copy with a one-sentence summary of the change for the
 * workspace's history, or NULL when the edit changes nothing.  Rows are
 * the tiers of a commission or the levels of a bonus: a row's "from" is
 * the tier's start or the level's minimum, its "value" the tier's rate
 * (or amount per unit) or the level's amount.
 */
#pragma once

#include "palier.h"

G_BEGIN_DECLS

typedef enum {
  PALIER_ROW_FIELD_FROM,
  PALIER_ROW_FIELD_VALUE,
} PalierRowField;

/* Number of rows of @component: tiers, levels, or 0 for other kinds. */
guint          palier_component_n_rows        (const PalierComponent *component);
PalierDecimal  palier_component_row_from      (const PalierComponent *component,
                                               guint                  row);
PalierDecimal  palier_component_row_value     (const PalierComponent *component,
                                               guint                  row);

/* Whether the row's value is a rate, typed as a percentage, rather than
 * an amount of money. */
gboolean       palier_component_row_is_rate   (const PalierComponent *component,
                                               guint                  row);

/* A boundary in the component's basis, for people: "150% of quota",
 * "$10,000.00", "250 units". */
char          *palier_format_boundary         (const PalierProgram   *program,
                                               const PalierComponent *component,
                                               PalierDecimal          value);

/* A row's value for people: "7.5%", "$2.50 per unit", "$25.00". */
char          *palier_format_row_value        (const PalierProgram   *program,
                                               const PalierComponent *component,
                                               guint                  row,
                                               PalierDecimal          value);

/* Sets the row's start and value at once (a handle dragged on the
 * payout curve), or either of them. */
PalierProgram *palier_edit_row                (const PalierProgram   *program,
                                               guint                  component,
                                               guint                  row,
                                               PalierDecimal          from,
                                               PalierDecimal          value,
                                               char                 **out_summary);
PalierProgram *palier_edit_row_from           (const PalierProgram   *program,
                                               guint                  component,
                                               guint                  row,
                                               PalierDecimal          from,
                                               char                 **out_summary);
PalierProgram *palier_edit_row_value          (const PalierProgram   *program,
                                               guint                  component,
                                               guint                  row,
                                               PalierDecimal          value,
                                               char                 **out_summary);

/* Appends a row above the last one: half as far again as the last start
 * (or one quota, or 10,000) with the last row's value. */
PalierProgram *palier_edit_add_row            (const PalierProgram   *program,
                                               guint                  component,
                                               char                 **out_summary);
PalierProgram *palier_edit_remove_row         (const PalierProgram   *program,
                                               guint                  component,
                                               guint                  row,
                                               char                 **out_summary);

/* Appends a commission (one tier from 0 at 5 %) or a bonus (one level of
 * 100 at the quota, or at 10,000), with a new unique id. */
PalierProgram *palier_edit_add_component      (const PalierProgram   *program,
                                               PalierComponentKind    kind,
                                               char                 **out_summary);
PalierProgram *palier_edit_remove_component   (const PalierProgram   *program,
                                               guint                  component,
                                               char                 **out_summary);
/* Moves component @component by @offset places (-1 up, +1 down). */
PalierProgram *palier_edit_move_component     (const PalierProgram   *program,
                                               guint                  component,
                                               int                    offset,
                                               char                 **out_summary);

/* A component that palier_edit_component() compares with the original
 * and describes: change the copy's fields, then pass it back. */
PalierProgram *palier_edit_component          (const PalierProgram   *program,
                                               guint                  index,
                                               PalierComponent       *changed,
                                               char                 **out_summary);

/* Program properties, changed the same way on a copy of the program.
 * Only the properties (name, currency, period, fiscal year, quotas) are
 * compared; the components of @changed are ignored. */
PalierProgram *palier_edit_properties         (const PalierProgram   *program,
                                               const PalierProgram   *changed,
                                               char                 **out_summary);

/* Segment overrides of rows (palier-override-edits.c).  The table shows
 * one column per segment that overrides a row of the component; an
 * empty cell is a row without an override for that segment. */

/* The segments that override a row of @component, in the order of their
 * first override.  Returns a GPtrArray of strings owned by @component. */
GPtrArray     *palier_component_override_segments (const PalierComponent *component);

/* Looks up the override of @segment on row @row.  Returns FALSE when
 * the row has none. */
gboolean       palier_component_row_override  (const PalierComponent *component,
                                               guint                  row,
                                               const char            *segment,
                                               PalierDecimal         *out_value);

/* Sets the override of @segment on row @row to @value, or removes it
 * when @has_value is FALSE. */
PalierProgram *palier_edit_row_override       (const PalierProgram   *program,
                                               guint                  component,
                                               guint                  row,
                                               const char            *segment,
                                               gboolean               has_value,
                                               PalierDecimal          value,
                                               char                 **out_summary);

/* Adds a column for @segment: an override on every row at the row's own
 * value, so payouts stay the same until a cell is changed.  Returns NULL
 * when @segment already has a column. */
PalierProgram *palier_edit_add_segment_column (const PalierProgram   *program,
                                               guint                  component,
                                               const char            *segment,
                                               char                 **out_summary);

/* Removes every override of @segment from the component's rows. */
PalierProgram *palier_edit_remove_segment_column (const PalierProgram *program,
                                                  guint                component,
                                                  const char          *segment,
                                                  char               **out_summary);

/* The first row of @component that breaks a rule of tiers or levels
 * (first tier from 0, ascending starts, no negative values, rates up to
 * 100 %), with the field to flag and why, for the table and the curve.
 * Returns FALSE when every row is valid. */
gboolean       palier_find_row_problem        (const PalierProgram   *program,
                                               const PalierComponent *component,
                                               guint                 *out_row,
                                               PalierRowField        *out_field,
                                               char                 **out_message);

G_END_DECLS
