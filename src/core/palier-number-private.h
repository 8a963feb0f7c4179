/* palier-number-private.h: helpers shared by the number, date and import
 * parsers */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the length of the space at @p: ASCII space or tab, U+00A0,
 * U+2009 or U+202F, else 0. */
gsize _palier_space_length (const char  *p,
                            const char  *end);

/* Moves @start and @end inward past the spaces _palier_space_length()
 * recognises. */
void  _palier_trim_spaces  (const char **start,
                            const char **end);

/* Returns a copy of @text for an error message: invalid UTF-8 replaced,
 * cut after 60 characters with an ellipsis. */
char *_palier_quote_value  (const char  *text,
                            gsize        len);

G_END_DECLS
