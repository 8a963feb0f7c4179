/* palier-program-xml.h: programs as XML in the urn:palier:program:1
 * vocabulary, validated against data/palier-program-1.xsd
 *
 * Reading never touches the network, never expands entities and rejects any
 * document that carries a DTD.  Errors name the file, the line and the
 * element.
 */
#pragma once

#include <glib.h>
#include "palier-program.h"

G_BEGIN_DECLS

#define PALIER_PROGRAM_NAMESPACE "urn:palier:program:1"

#define PALIER_PROGRAM_ERROR (palier_program_error_quark ())

typedef enum {
  PALIER_PROGRAM_ERROR_IO,           /* file missing or unreadable */
  PALIER_PROGRAM_ERROR_MALFORMED,    /* not well-formed XML */
  PALIER_PROGRAM_ERROR_FORBIDDEN,    /* DTD, entities or other rejected constructs */
  PALIER_PROGRAM_ERROR_SCHEMA,       /* does not match the XSD */
  PALIER_PROGRAM_ERROR_INVALID,      /* semantic rule broken */
} PalierProgramError;

GQuark          palier_program_error_quark  (void);

/* Reads, validates (XSD, then palier_program_check()) and returns a
 * program.  @display_name names the source in errors ("plan.xml"). */
PalierProgram  *palier_program_read_file    (const char          *path,
                                             GError             **error);
PalierProgram  *palier_program_read_data    (const char          *data,
                                             gsize                len,
                                             const char          *display_name,
                                             GError             **error);

/* Serialises @program as an indented UTF-8 document whose closing
 * elements are labelled; numbers use the exact decimal form and never the
 * locale.  Reading the result gives a program palier_program_equal() to
 * @program. */
char           *palier_program_to_xml       (const PalierProgram *program,
                                             gsize               *out_len);

/* Writes the XML atomically (temporary file, then rename): on failure the
 * previous file is intact. */
gboolean        palier_program_write_file   (const PalierProgram *program,
                                             const char          *path,
                                             GError             **error);

/* Semantic rules the XSD cannot express: unique component ids, tiers
 * ascending and starting at 0, levels ascending, a quota wherever a
 * component uses attainment, component periods no shorter than the
 * program's, known currency code.  The error names the component and the
 * element. */
gboolean        palier_program_check        (const PalierProgram *program,
                                             GError             **error);

G_END_DECLS
