/* palier-period.h: calendar dates and payout periods
 *
 * Dates are held as PalierDate, the integer yyyymmdd (20170315), which
 * sorts like the date and is what the workspace stores.  A period is
 * identified by an index that grows by one from one period to the next,
 * for a given kind and fiscal-year start.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint32 PalierDate;

#define PALIER_DATE_NONE 0

typedef enum {
  PALIER_PERIOD_MONTH,
  PALIER_PERIOD_QUARTER,
  PALIER_PERIOD_HALF,
  PALIER_PERIOD_YEAR,
} PalierPeriodKind;

PalierDate  palier_date_from_ymd        (int          year,
                                         int          month,
                                         int          day);
int         palier_date_year            (PalierDate   date);
int         palier_date_month           (PalierDate   date);
int         palier_date_day             (PalierDate   date);
gboolean    palier_date_is_valid        (PalierDate   date);
int         palier_days_in_month        (int          year,
                                         int          month);

/* Days since 1970-01-01 (negative before), and back. */
gint32      palier_date_to_days         (PalierDate   date);
PalierDate  palier_date_from_days       (gint32       days);

/* Parses exactly "YYYY-MM-DD" into @out; FALSE on anything else or on an
 * impossible date. */
gboolean    palier_date_parse_iso       (const char  *text,
                                         PalierDate  *out);

/* Writes "YYYY-MM-DD" into @buf (at least 11 bytes) and returns it. */
char *      palier_date_format_iso      (PalierDate   date,
                                         char        *buf);

const char *palier_period_kind_to_string   (PalierPeriodKind  kind);
gboolean    palier_period_kind_from_string (const char       *text,
                                            PalierPeriodKind *out);

/* Number of months in one period of @kind (1, 3, 6 or 12). */
int         palier_period_kind_months   (PalierPeriodKind kind);

/* Index of the period of @kind that contains @date, for a fiscal year that
 * starts on the first day of month @fy_start (1..12).  Consecutive periods
 * have consecutive indices. */
gint32      palier_period_index         (PalierPeriodKind kind,
                                         int              fy_start,
                                         PalierDate       date);

/* First and last day of the period @index. */
void        palier_period_bounds        (PalierPeriodKind kind,
                                         int              fy_start,
                                         gint32           index,
                                         PalierDate      *first,
                                         PalierDate      *last);

/* Label of a period: "2024-03", "2024-Q1", "2024-H1", "2024"; with a
 * fiscal year that does not start in January, "FY2025-Q1", "FY2025-H1",
 * "FY2025", named after the calendar year in which the fiscal year ends.
 * Month labels are always the calendar month ("2024-04"), because a month
 * is the same whatever the fiscal year.  Free with g_free(). */
char *      palier_period_label         (PalierPeriodKind kind,
                                         int              fy_start,
                                         gint32           index);

/* Parses a label written by palier_period_label() for the same kind and
 * fiscal year start. */
gboolean    palier_period_parse_label   (PalierPeriodKind kind,
                                         int              fy_start,
                                         const char      *label,
                                         gint32          *out_index);

G_END_DECLS
