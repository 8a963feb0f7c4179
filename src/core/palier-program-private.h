/* palier-program-private.h: shared between the XML reader and the checks */
#pragma once

#include <glib.h>

#include "palier-program.h"

G_BEGIN_DECLS

/* Name of the XML element of a component kind ("deal-bonus"). */
const char *_palier_component_kind_to_element (PalierComponentKind kind);

/* Runs palier_program_check() and prefixes its error with "@display_name:
 * LINE: ".  @lines maps the address of a part of @program (the program, a
 * component, &component->filter, a PalierTier in its array, a filter value
 * string, ...) to the line of the element it was read from, as
 * GINT_TO_POINTER; it may be NULL, and so may @display_name. */
gboolean _palier_program_check_located (const PalierProgram  *program,
                                        const char           *display_name,
                                        GHashTable           *lines,
                                        GError              **error);

G_END_DECLS
