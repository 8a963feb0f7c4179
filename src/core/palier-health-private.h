/* palier-health-private.h: what health, statements and their output share */
#pragma once

#include "palier-health.h"
#include "palier-simulate-private.h"

G_BEGIN_DECLS

/* Index of partner @code in the active list of @bases, or -1 when the
 * partner has no line in the range. */
int      _palier_health_find_active   (const PalierBases      *bases,
                                       const char             *code);

/* Reads the cells of active partner @partner and component number
 * @component of @program into @cells, then applies a carry-forward
 * policy as the simulation does.  Each cell's base gets the deficit
 * carried in from the partner's previous paid period of the same fiscal
 * year, and @carried (PalierDecimal, one per cell) gets that deficit. */
gboolean _palier_health_read_cells    (PalierEvaluation       *evaluation,
                                       const PalierProgram    *program,
                                       guint                   partner,
                                       guint                   component,
                                       GArray                 *cells,
                                       GArray                 *carried,
                                       GError                **error);

/* Whether the component compares its base with a quota. */
gboolean _palier_health_uses_quota    (const PalierComponent  *component);

/* One row of a statement as people read it: a heading, a line with a
 * label and an amount (either may be empty), or a total. */
typedef enum {
  PALIER_STATEMENT_ROW_HEADING,
  PALIER_STATEMENT_ROW_LINE,
  PALIER_STATEMENT_ROW_TOTAL,
} PalierStatementRowKind;

typedef struct {
  PalierStatementRowKind  kind;
  char                   *label;
  char                   *amount;       /* may be NULL */
} PalierStatementRow;

/* The rows of the component lines of @statement in the current locale's
 * language and number forms, then the totals.  Free with
 * g_ptr_array_unref(). */
GPtrArray *_palier_statement_build_rows (const PalierStatement *statement);

/* The statement's footer: the form of its bases, which are plain
 * numbers in the program's currency, and how its payouts are rounded. */
char      *_palier_statement_note       (const PalierStatement *statement);

/* The header lines that name the statement's scenario and its
 * assumptions in plain words (char *), empty without a scenario. */
GPtrArray *_palier_statement_scenario_lines (const PalierStatement *statement);

G_END_DECLS
