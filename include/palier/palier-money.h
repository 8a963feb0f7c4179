/* palier-money.h: currencies and locale-aware display of amounts */
#pragma once

#include <glib.h>
#include "palier-decimal.h"

G_BEGIN_DECLS

/* Decimals of the currency's minor unit, from ISO 4217 (JPY 0, EUR 2,
 * BHD 3, ...).  Unknown codes get 2. */
int     palier_currency_minor_digits  (const char     *currency);

/* Returns whether @currency is three ASCII capital letters. */
gboolean palier_currency_is_valid     (const char     *currency);

/* Display symbol of a currency ("$", "€", "£", "¥"), or the code itself. */
const char *palier_currency_symbol    (const char     *currency);

/* Formats @value for people in the current LC_NUMERIC/LC_MONETARY locale:
 * grouping and decimal mark of the locale ("1 234,56" in French,
 * "1,234.56" in English and in the C locale), @decimals decimals, half
 * away from zero.  Never use for files. */
char *  palier_format_number          (PalierDecimal   value,
                                       int             decimals);

/* Same with the currency symbol placed as the locale places it
 * ("1 234,56 €", "$1,234.56").  Uses the currency's minor digits. */
char *  palier_format_money           (PalierDecimal   value,
                                       const char     *currency);

/* Formats a ratio given in millionths as a percentage with @decimals
 * decimals in the current locale ("6,38 %", "6.38%"). */
char *  palier_format_percent         (PalierDecimal   ratio,
                                       int             decimals);

G_END_DECLS
