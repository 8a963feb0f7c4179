/* palier-number.h: numbers and dates as spreadsheets export them
 *
 * The style of a column (decimal mark, date order) is decided once per
 * column from its values, never per row, and can be forced.  Nothing here
 * depends on the C locale and nothing goes through binary floating point.
 */
#pragma once

#include <glib.h>
#include "palier-decimal.h"
#include "palier-period.h"

G_BEGIN_DECLS

#define PALIER_PARSE_ERROR (palier_parse_error_quark ())

typedef enum {
  PALIER_PARSE_ERROR_NUMBER,
  PALIER_PARSE_ERROR_DATE,
  PALIER_PARSE_ERROR_AMBIGUOUS,
  PALIER_PARSE_ERROR_RANGE,         /* more than six decimals, too large */
  PALIER_PARSE_ERROR_DATE_SHAPE,    /* year first in a day-month column, or the reverse */
} PalierParseError;

GQuark palier_parse_error_quark (void);

typedef enum {
  PALIER_DECIMAL_MARK_AUTO,
  PALIER_DECIMAL_MARK_POINT,        /* 1,234.56  1 234.56  1'234.56 */
  PALIER_DECIMAL_MARK_COMMA,        /* 1.234,56  1 234,56 */
} PalierDecimalMark;

const char *palier_decimal_mark_to_string   (PalierDecimalMark  mark);
gboolean    palier_decimal_mark_from_string (const char        *text,
                                             PalierDecimalMark *out);

/* Parses a number written with @mark: grouping by space, U+00A0,
 * U+202F, U+2009, apostrophe (' or U+2019), or the other mark, only
 * between groups of three digits; negatives as "-12", "(12)" and "12-";
 * an optional currency symbol ($, €, £) and spaces around.  More than six
 * decimals that are not zeros is a RANGE error, never rounded.  With
 * @mark AUTO a value that reads differently with each mark ("1,234") is
 * an AMBIGUOUS error. */
gboolean    palier_number_parse        (const char        *text,
                                        gsize              len,
                                        PalierDecimalMark  mark,
                                        PalierDecimal     *out,
                                        GError           **error);

/* Accumulates evidence about one column's decimal mark. */
typedef struct {
  guint n_values;
  guint point_votes;                /* values only readable with '.' as mark */
  guint comma_votes;                /* values only readable with ',' as mark */
  guint invalid;                    /* values readable with neither */
  guint ambiguous;                  /* values read differently by each ("1,234") */
} PalierNumberSniffer;

void              palier_number_sniffer_add    (PalierNumberSniffer *sniffer,
                                                const char          *text,
                                                gsize                len);
/* The mark with more votes, or AUTO on a tie, such as when every value
 * reads both ways (integers, "1,234").  Empty values are not counted. */
PalierDecimalMark palier_number_sniffer_result (const PalierNumberSniffer *sniffer);

typedef enum {
  PALIER_DATE_ORDER_AUTO,
  PALIER_DATE_ORDER_YMD,            /* 2017-03-15, 2017/03/15 */
  PALIER_DATE_ORDER_MDY,            /* 3/15/2017 */
  PALIER_DATE_ORDER_DMY,            /* 15/03/2017, 15.03.2017 */
} PalierDateOrder;

const char *palier_date_order_to_string   (PalierDateOrder  order);

/* Accepts "YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY" (also "%d/%m/%Y"
 * style strftime names) and "ISO", "MDY", "DMY" in any case. */
gboolean    palier_date_order_from_string (const char      *text,
                                           PalierDateOrder *out);

/* Parses a date in @order, with '-', '/' or '.' separators, one- or
 * two-digit day and month, a four-digit year, and an optional time part
 * that is checked and ignored ("2/24/2003 0:00", "2017-01-03T10:00:00Z").
 * The order fixes the shape too, because a column never mixes two: YMD
 * reads only year-first dates, MDY and DMY only year-last ones, and a
 * date of the other shape is a DATE_SHAPE error.  With @order AUTO both
 * shapes are read, and a date that reads differently as MDY and DMY is
 * an AMBIGUOUS error.  Impossible dates (2/30/2017) are DATE errors. */
gboolean    palier_date_parse_text     (const char        *text,
                                        gsize              len,
                                        PalierDateOrder    order,
                                        PalierDate        *out,
                                        GError           **error);

#define PALIER_DATE_EXAMPLE_SIZE 32

/* Accumulates evidence about one column's date order.  The examples are
 * the first value of each kind, cut to fit, or empty; notes quote them
 * to say which values left the order undecided. */
typedef struct {
  guint n_values;
  guint ymd_ok;                     /* year-first values */
  guint mdy_ok, dmy_ok;             /* year-last values each order can read */
  guint both_ok;                    /* year-last values both read: day and month <= 12 */
  char  ymd_example[PALIER_DATE_EXAMPLE_SIZE];
  char  mdy_only_example[PALIER_DATE_EXAMPLE_SIZE];
  char  dmy_only_example[PALIER_DATE_EXAMPLE_SIZE];
  char  both_example[PALIER_DATE_EXAMPLE_SIZE];
} PalierDateSniffer;

void            palier_date_sniffer_add    (PalierDateSniffer *sniffer,
                                            const char        *text,
                                            gsize              len);

/* Values with the year last, whichever order reads them. */
guint           palier_date_sniffer_year_last (const PalierDateSniffer *sniffer);

/* The shape of most values decides first: YMD when year-first values
 * outnumber year-last ones.  Among year-last values, the order that
 * reads more of them wins.  AUTO when the shapes are as many (and when
 * there is no readable value), or when MDY and DMY read as many
 * year-last values, such as when every day and month is 12 or less.
 * Counting instead of requiring every value lets a stray value be
 * reported as invalid instead of swinging the column to a wrong order.
 * Empty values are not counted. */
PalierDateOrder palier_date_sniffer_result (const PalierDateSniffer *sniffer);

G_END_DECLS
