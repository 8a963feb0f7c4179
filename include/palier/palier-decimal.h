/* palier-decimal.h: exact decimal numbers for money, rates and quotas
 *
 * A PalierDecimal is a signed 64-bit count of millionths (scale 10^-6), so
 * every value with at most six decimals between about -9.2e12 and 9.2e12 is
 * held exactly.  Products and quotients go through 128-bit intermediates
 * (PalierWide) and are rounded once, half away from zero, where the payout
 * rules require it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 PalierDecimal;
typedef __int128 PalierWide;

#define PALIER_DECIMAL_DIGITS 6
#define PALIER_DECIMAL_ONE    G_GINT64_CONSTANT (1000000)
#define PALIER_DECIMAL_MAX    G_MAXINT64
#define PALIER_DECIMAL_MIN    (-G_MAXINT64)

/* Maximum length of the text palier_decimal_format() writes, with its
 * terminating NUL. */
#define PALIER_DECIMAL_BUFSIZE 32

#define PALIER_DECIMAL_ERROR (palier_decimal_error_quark ())

typedef enum {
  PALIER_DECIMAL_ERROR_SYNTAX,
  PALIER_DECIMAL_ERROR_PRECISION,
  PALIER_DECIMAL_ERROR_OVERFLOW,
} PalierDecimalError;

GQuark        palier_decimal_error_quark   (void);

/* Parses the plain form used in program files and workspaces, which is
 * the lexical form of xs:decimal: an optional sign, digits, an optional
 * '.' and up to six decimals.  "12", "-0.075", ".5" and "1." are valid,
 * while "1e3", " 1" and "1,5" are SYNTAX errors.  Trailing zeros beyond
 * six decimals are accepted, but any other digit beyond the sixth is a
 * PRECISION error, never rounded.  A magnitude above PALIER_DECIMAL_MAX is an OVERFLOW error.
 * @len may be -1 for a NUL-terminated string.  Never uses the C locale. */
gboolean      palier_decimal_parse         (const char     *text,
                                            gssize          len,
                                            PalierDecimal  *out_value,
                                            GError        **error);

/* Writes @value with exactly @decimals decimals (0..6), rounding half away
 * from zero, with '.' as the decimal mark and no grouping.  Returns @buf. */
char *        palier_decimal_format        (PalierDecimal   value,
                                            int             decimals,
                                            char            buf[PALIER_DECIMAL_BUFSIZE]);

/* Writes the shortest exact form ("12.5", "0.04", "-3"), for XML and
 * other files that must read back the same value.  Returns @buf. */
char *        palier_decimal_format_exact  (PalierDecimal   value,
                                            char            buf[PALIER_DECIMAL_BUFSIZE]);

PalierDecimal palier_decimal_from_int      (gint64          units);

/* Rounds @value to @decimals decimals (0..6), half away from zero.  Near
 * the limits, where that would overflow, it rounds toward zero instead. */
PalierDecimal palier_decimal_round         (PalierDecimal   value,
                                            int             decimals);

/* Checked arithmetic: return FALSE on overflow and leave *out untouched. */
gboolean      palier_decimal_add           (PalierDecimal   a,
                                            PalierDecimal   b,
                                            PalierDecimal  *out);
gboolean      palier_decimal_sub           (PalierDecimal   a,
                                            PalierDecimal   b,
                                            PalierDecimal  *out);

/* a * b, exact, at scale 10^-12. */
PalierWide    palier_decimal_mul_wide      (PalierDecimal   a,
                                            PalierDecimal   b);

/* Rounds a 128-bit value held at scale 10^-@scale_digits to @decimals
 * decimals (half away from zero) and returns it as a PalierDecimal.
 * Returns FALSE when the result does not fit. */
gboolean      palier_wide_round            (PalierWide      value,
                                            int             scale_digits,
                                            int             decimals,
                                            PalierDecimal  *out);

/* Returns num / den rounded to an integer, half away from zero
 * (@den != 0). */
PalierWide    palier_wide_div_round        (PalierWide      num,
                                            PalierWide      den);

/* Returns @a * @b / @den rounded to an integer, half away from zero, in
 * *@out.  The product is held in 256 bits, so it may exceed PalierWide.
 * Returns FALSE, leaving *@out untouched, when @den is 0 or the quotient
 * does not fit in a PalierWide. */
gboolean      palier_wide_mul_div_round    (PalierWide      a,
                                            PalierWide      b,
                                            PalierWide      den,
                                            PalierWide     *out);

/* Compares the exact products @a * @b and @c * @d: returns <0, 0 or >0. */
int           palier_wide_compare_products (PalierWide      a,
                                            PalierWide      b,
                                            PalierWide      c,
                                            PalierWide      d);

/* Compares @value with the exact product @a * @b: returns <0, 0 or >0 as
 * @value is below, equal to or above it.  Used for attainment tests
 * (base >= from * quota). */
int           palier_decimal_compare_product (PalierDecimal value,
                                              PalierDecimal a,
                                              PalierDecimal b);

/* Approximate value for drawing and statistics only, never for money. */
double        palier_decimal_to_double     (PalierDecimal   value);

G_END_DECLS
