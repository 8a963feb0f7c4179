/* palier-number-input.h: numbers that people type, in the current locale */
#pragma once

#include "palier.h"

G_BEGIN_DECLS

/* The decimal mark of the current LC_NUMERIC locale: COMMA where the
 * locale writes "7,5", else POINT. */
PalierDecimalMark palier_input_decimal_mark   (void);

/* Parses an amount, a quota or a number of units as the locale writes it
 * ("12 500,50" in French, "12,500.50" in English), exactly.  A currency
 * symbol and grouping are accepted.  Errors are in PALIER_PARSE_ERROR and
 * quote @text. */
gboolean          palier_input_parse_number   (const char    *text,
                                               PalierDecimal *out_value,
                                               GError       **error);

/* Parses a percentage ("7", "7 %", "7,5" in French) into a fraction
 * (0.07, 0.075).  Four decimals of a percent at most, because a fraction
 * has six. */
gboolean          palier_input_parse_percent  (const char    *text,
                                               PalierDecimal *out_fraction,
                                               GError       **error);

/* Formats @value with as few decimals as show it exactly, grouped as the
 * locale groups, for an entry that palier_input_parse_number() reads
 * back. */
char             *palier_input_format_number  (PalierDecimal  value);

G_END_DECLS
