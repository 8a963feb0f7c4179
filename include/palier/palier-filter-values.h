/* palier-filter-values.h: the values a component filter can match */
#pragma once

#include <gio/gio.h>
#include "palier-program.h"
#include "palier-store.h"

G_BEGIN_DECLS

/* Lists the values of @field found in @store, sorted by name: the
 * categories, products or regions that sales rows named, or the
 * partners' segments.  These are the values a filter of @field can
 * match.  Returns a GPtrArray of strings, or NULL with @error set in
 * the PALIER_STORE_ERROR domain. */
GPtrArray *palier_store_list_filter_values (PalierStore        *store,
                                            PalierFilterField   field,
                                            GError            **error);

G_END_DECLS
