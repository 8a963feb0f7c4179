/* palier-number-private.h: helpers shared by the number, date and import
 * parsers */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the length of the space at @p: ASCII space or tab, U+00A0,
 * U+2009 or U+202F, else 0.  Inline because the importer trims every
 * field of every record. */
static inline gsize
_palier_space_length (const char *p,
                      const char *end)
{
  const guint8 *u = (const guint8 *) p;
  gsize left = end - p;

  if (left == 0)
    return 0;
  if (u[0] == ' ' || u[0] == '\t')
    return 1;
  if (u[0] < 0xc2)
    return 0;
  if (left >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
    return 2;
  if (left >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xaf))
    return 3;
  return 0;
}

/* Same, for a space that ends at @end. */
static inline gsize
_palier_space_length_before (const char *start,
                             const char *end)
{
  gsize left = end - start;
  guint8 last;

  if (left == 0)
    return 0;
  last = (guint8) end[-1];
  if (last == ' ' || last == '\t')
    return 1;
  if (last != 0xa0 && last != 0x89 && last != 0xaf)
    return 0;
  if (left >= 2 && _palier_space_length (end - 2, end) == 2)
    return 2;
  if (left >= 3 && _palier_space_length (end - 3, end) == 3)
    return 3;
  return 0;
}

/* Moves @start and @end inward past the spaces _palier_space_length()
 * recognises. */
static inline void
_palier_trim_spaces (const char **start,
                     const char **end)
{
  gsize n;

  while ((n = _palier_space_length (*start, *end)) > 0)
    *start += n;
  while ((n = _palier_space_length_before (*start, *end)) > 0)
    *end -= n;
}

/* Returns a copy of @text for an error message: invalid UTF-8 replaced,
 * cut after 60 characters with an ellipsis. */
char *_palier_quote_value (const char *text,
                           gsize       len);

G_END_DECLS
