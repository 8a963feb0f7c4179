/* palier-import-private.h: header matching shared by the CSV imports */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The column of @headers named @name: an exact match first, then one
 * ignoring case and surrounding spaces; -1 when none matches. */
int _palier_import_find_header  (char *const       *headers,
                                 guint              n_headers,
                                 const char        *name);

/* The first column of @headers that one of @names (NULL-terminated, in
 * order of preference) matches ignoring case, accents, spaces, '_', '-'
 * and '.'; -1 when none does. */
int _palier_import_guess_header (char *const       *headers,
                                 guint              n_headers,
                                 const char *const *names);

/* “A”, “B”, “C”, for error messages. */
char *_palier_import_list_headers (char *const *headers,
                                   guint        n_headers);

G_END_DECLS
