/* palier-report-private.h: pieces shared by the leadership report's files
 *
 * The report is laid out on A4 pages measured in points.  A
 * PalierReportDoc keeps the drawing position and begins a new page
 * whenever the next line, table row or chart would run into the footer,
 * so the section code only says what comes next.
 */
#pragma once

#include <pango/pangocairo.h>

#include "palier-chart.h"
#include "palier-report.h"

G_BEGIN_DECLS

/* Program descriptions (palier-program-describe.c). */

/* The program-wide rules: currency, period, fiscal year, quotas. */
char *_palier_program_describe_intro     (const PalierProgram   *program);

/* The rules of one component of @program, without its name. */
char *_palier_component_describe         (const PalierProgram   *program,
                                          const PalierComponent *component);

/* Translated name of a component kind ("Commission", "Bonus", ...). */
const char *_palier_component_kind_label (PalierComponentKind    kind);

/* A tier boundary or level minimum in @component's basis: money, units
 * or a percentage of quota. */
char *_palier_component_format_boundary  (const PalierProgram   *program,
                                          const PalierComponent *component,
                                          PalierBasis            basis,
                                          PalierDecimal          value);

/* A tier's rate as a percentage, or its amount per unit. */
char *_palier_component_format_tier_value (const PalierProgram  *program,
                                           PalierTierKind       kind,
                                           PalierDecimal        value);

/* A fraction as a percentage with the decimals it needs, up to four
 * ("4 %", "7,25 %"). */
char *_palier_format_percent_exact       (PalierDecimal          ratio);

/* The assumptions in plain words, one translated line each (char *):
 * the overall growth, then growth per segment, category and region,
 * partners left out and partners added. */
GPtrArray *_palier_assumptions_describe  (const PalierAssumptions *assumptions);

/* A date in the locale's long form ("March 1, 2017", "1 mars 2017"). */
char *_palier_format_date                (PalierDate             date);

/* Numbers for the report (palier-report.c). */

/* @value with a sign, "+$1,234.00" or "-$1,234.00", for changes. */
char *_palier_report_format_signed_money   (PalierDecimal  value,
                                            const char    *currency);

/* A fraction as a signed percentage with @decimals decimals. */
char *_palier_report_format_signed_percent (PalierDecimal  ratio,
                                            int            decimals);

/* @value / @reference as a fraction in millionths, or FALSE when
 * @reference is 0 or the ratio does not fit. */
gboolean _palier_report_ratio              (PalierDecimal  value,
                                            PalierDecimal  reference,
                                            PalierDecimal *out_ratio);

/* Style of the charts on report pages: their text at the size of the
 * report's small text. */
const PalierChartStyle *_palier_report_chart_style (void);

/* Page layout (palier-report-layout.c). */

#define PALIER_REPORT_PAGE_WIDTH  595.276     /* A4, in points */
#define PALIER_REPORT_PAGE_HEIGHT 841.890

typedef enum {
  PALIER_REPORT_TEXT_BODY,
  PALIER_REPORT_TEXT_SMALL,             /* notes, in the secondary colour */
  PALIER_REPORT_TEXT_MONO,              /* canonical text, as stored */
  PALIER_REPORT_TEXT_SUBHEADING,
  PALIER_REPORT_TEXT_HEADING,
  PALIER_REPORT_TEXT_TITLE,
} PalierReportTextKind;

typedef struct {
  cairo_t      *cr;
  PangoContext *context;
  double        y;                      /* top of the next block, in points */
  guint         page;                   /* pages begun so far */
  guint         n_pages;                /* total, or 0 while counting */
  gboolean      page_open;
  char         *footer;
  char         *heading;                /* last heading drawn, repeated when a table breaks */
  char         *subheading;             /* last subheading under it, or NULL */
} PalierReportDoc;

void  _palier_report_doc_init       (PalierReportDoc      *doc,
                                     cairo_t              *cr,
                                     const char           *footer,
                                     guint                 n_pages);
void  _palier_report_doc_clear      (PalierReportDoc      *doc);

/* Ends the current page, if any, with its footer and begins the next. */
void  _palier_report_doc_new_page   (PalierReportDoc      *doc);

/* Ends the last page. */
void  _palier_report_doc_finish     (PalierReportDoc      *doc);

/* Begins a new page unless @height points still fit on this one. */
void  _palier_report_doc_reserve    (PalierReportDoc      *doc,
                                     double                height);

void  _palier_report_doc_space      (PalierReportDoc      *doc,
                                     double                height);

/* Width of the text column, in points. */
double _palier_report_doc_width     (const PalierReportDoc *doc);

/* Wraps @text to the text column, line by line across pages.  Headings
 * keep at least a few lines of what follows on their page. */
void  _palier_report_doc_text       (PalierReportDoc      *doc,
                                     PalierReportTextKind  kind,
                                     const char           *text);

/* Draws @draw into a box of the column's width and @height points. */
void  _palier_report_doc_chart      (PalierReportDoc      *doc,
                                     double                height,
                                     PalierChartDrawFunc   draw,
                                     gpointer              user_data);

/* A table whose cells wrap in their columns, so each row is as tall as
 * its tallest cell.  A row that does not fit begins a new page, which
 * repeats the header row. */
typedef struct _PalierReportTable PalierReportTable;

PalierReportTable *_palier_report_table_new  (guint               n_columns);
void               _palier_report_table_free (PalierReportTable  *table);

/* Sets column @index's header, its share of the column width (the
 * shares are normalised) and whether it holds numbers, which are
 * right-aligned. */
void  _palier_report_table_set_column (PalierReportTable *table,
                                       guint              index,
                                       const char        *title,
                                       double             share,
                                       gboolean           numeric);

/* Appends a row of n_columns cells, each a g_malloc()ed string that the
 * table takes. */
void  _palier_report_table_take_row   (PalierReportTable *table,
                                       ...);

guint _palier_report_table_n_rows     (const PalierReportTable *table);

void  _palier_report_doc_table        (PalierReportDoc         *doc,
                                       const PalierReportTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalierReportTable, _palier_report_table_free)

/* Sections (palier-report-pages.c and palier-report-analysis.c).  Each
 * begins its own page and draws nothing when @input has no data for it. */

void  _palier_report_draw_cover       (PalierReportDoc         *doc,
                                       const PalierReportInput *input,
                                       const char              *title,
                                       const char              *date);
void  _palier_report_draw_programs    (PalierReportDoc         *doc,
                                       const PalierReportInput *input);
void  _palier_report_draw_comparison  (PalierReportDoc         *doc,
                                       const PalierReportInput *input);
void  _palier_report_draw_risk        (PalierReportDoc         *doc,
                                       const PalierReportInput *input);
void  _palier_report_draw_health      (PalierReportDoc         *doc,
                                       const PalierReportInput *input);
void  _palier_report_draw_goal        (PalierReportDoc         *doc,
                                       const PalierReportInput *input);
void  _palier_report_draw_assumptions (PalierReportDoc         *doc,
                                       const PalierReportInput *input);

G_END_DECLS
