/* palier-scenario-private.h: internals shared by the scenario files */
#pragma once

#include "palier-scenario.h"

G_BEGIN_DECLS

/* Growth of @key in @dimension, 0 when it has none or @key is NULL. */
PalierDecimal _palier_assumptions_find_growth (const PalierAssumptions *assumptions,
                                               PalierGrowthDimension    dimension,
                                               const char              *key);

/* Reads a result written by palier_result_write() as JSON back, for
 * @program, the program it was computed with.  Partner names, period
 * dates and reward costs are not in that JSON: names come back NULL,
 * period dates as PALIER_DATE_NONE and reward costs from @program. */
PalierResult *_palier_result_read_json (const char           *json,
                                        const PalierProgram  *program,
                                        GError              **error);

G_END_DECLS
