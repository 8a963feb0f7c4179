/* palier-format.h: numbers and dates for people, in the current locale */
#pragma once

#include "palier.h"

G_BEGIN_DECLS

/* A count with the locale's grouping ("9,994"). */
char *palier_format_count (guint64       count);

/* A date in the translator's long form ("March 15, 2017"). */
char *palier_format_date  (PalierDate    date);

/* Two dates as a range ("January 3, 2014 to December 30, 2017"). */
char *palier_format_date_range (PalierDate first,
                                PalierDate last);

/* Percentage of a fraction in the locale, with as few decimals as show
 * it exactly ("7%", "12.5%"), up to four. */
char *palier_format_rate  (PalierDecimal rate);

/* A quantity with as few decimals as show it exactly ("250", "2.5"). */
char *palier_format_quantity (PalierDecimal value);

G_END_DECLS
