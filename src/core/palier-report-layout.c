/* palier-report-layout.c: text, tables and charts flowing over A4 pages
 *
 * Text is measured with hinting off and at 72 units per inch, so one
 * point of font size is one unit of the PDF page, and the counting pass
 * breaks pages where the written pass does.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "palier-report-private.h"

#define PAGE_WIDTH    PALIER_REPORT_PAGE_WIDTH
#define PAGE_HEIGHT   PALIER_REPORT_PAGE_HEIGHT
#define MARGIN_SIDE    56.693           /* 2 cm */
#define MARGIN_TOP     56.693
#define CONTENT_BOTTOM (PAGE_HEIGHT - 70.0)
#define FOOTER_TOP     (PAGE_HEIGHT - 50.0)
#define FONT_FAMILY   "Sans"
#define MONO_FAMILY   "Monospace"
#define CELL_PADDING   4.0

/* Lines of the following text a heading keeps on its page. */
#define HEADING_KEEP  60.0

static const double foreground[] = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };
static const double secondary[] = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 };
static const double rule[] = { 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0 };
static const double header_fill[] = { 0xf6 / 255.0, 0xf5 / 255.0, 0xf4 / 255.0 };

static void
set_rgb (cairo_t      *cr,
         const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

void
_palier_report_doc_init (PalierReportDoc *doc,
                         cairo_t         *cr,
                         const char      *footer,
                         guint            n_pages)
{
  doc->cr = cr;
  doc->context = create_context ();
  doc->y = MARGIN_TOP;
  doc->page = 0;
  doc->n_pages = n_pages;
  doc->page_open = FALSE;
  doc->footer = g_strdup (footer);
  doc->heading = NULL;
  doc->subheading = NULL;
}

void
_palier_report_doc_clear (PalierReportDoc *doc)
{
  g_clear_object (&doc->context);
  g_clear_pointer (&doc->footer, g_free);
  g_clear_pointer (&doc->heading, g_free);
  g_clear_pointer (&doc->subheading, g_free);
}

double
_palier_report_doc_width (const PalierReportDoc *doc)
{
  return PAGE_WIDTH - 2 * MARGIN_SIDE;
}

static PangoLayout *
text_layout (PalierReportDoc      *doc,
             PalierReportTextKind  kind,
             const char           *text)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  double size = 10.0;

  pango_font_description_set_family (font, FONT_FAMILY);
  switch (kind)
    {
    case PALIER_REPORT_TEXT_BODY:
      break;
    case PALIER_REPORT_TEXT_SMALL:
      size = 8.0;
      break;
    case PALIER_REPORT_TEXT_MONO:
      size = 8.0;
      pango_font_description_set_family (font, MONO_FAMILY);
      break;
    case PALIER_REPORT_TEXT_SUBHEADING:
      size = 12.0;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case PALIER_REPORT_TEXT_HEADING:
      size = 17.0;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case PALIER_REPORT_TEXT_TITLE:
      size = 26.0;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    default:
      g_assert_not_reached ();
    }

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_footer (PalierReportDoc *doc)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  int width, right_width;

  if (doc->n_pages > 0)
    /* Translators: the page number in the report's footer. */
    number = g_strdup_printf (_("Page %u of %u"), doc->page, doc->n_pages);
  else
    number = g_strdup_printf (_("Page %u of %u"), doc->page, doc->page);

  right = text_layout (doc, PALIER_REPORT_TEXT_SMALL, number);
  pango_layout_get_size (right, &right_width, NULL);
  left = text_layout (doc, PALIER_REPORT_TEXT_SMALL, doc->footer);
  width = (int) ((_palier_report_doc_width (doc) - 20.0) * PANGO_SCALE) - right_width;
  pango_layout_set_width (left, MAX (width, PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);

  set_rgb (doc->cr, rule);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN_SIDE, FOOTER_TOP - 6.0);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN_SIDE, FOOTER_TOP - 6.0);
  cairo_stroke (doc->cr);

  set_rgb (doc->cr, secondary);
  cairo_move_to (doc->cr, MARGIN_SIDE, FOOTER_TOP);
  pango_cairo_show_layout (doc->cr, left);
  cairo_move_to (doc->cr, PAGE_WIDTH - MARGIN_SIDE - right_width / (double) PANGO_SCALE,
                 FOOTER_TOP);
  pango_cairo_show_layout (doc->cr, right);
}

static void
end_page (PalierReportDoc *doc)
{
  if (!doc->page_open)
    return;

  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page_open = FALSE;
}

void
_palier_report_doc_new_page (PalierReportDoc *doc)
{
  end_page (doc);
  doc->page++;
  doc->page_open = TRUE;
  doc->y = MARGIN_TOP;
}

void
_palier_report_doc_finish (PalierReportDoc *doc)
{
  end_page (doc);
}

void
_palier_report_doc_reserve (PalierReportDoc *doc,
                            double           height)
{
  if (!doc->page_open || (doc->y + height > CONTENT_BOTTOM && doc->y > MARGIN_TOP))
    _palier_report_doc_new_page (doc);
}

void
_palier_report_doc_space (PalierReportDoc *doc,
                          double           height)
{
  doc->y += height;
}

static double
space_after (PalierReportTextKind kind)
{
  switch (kind)
    {
    case PALIER_REPORT_TEXT_TITLE:
      return 14.0;
    case PALIER_REPORT_TEXT_HEADING:
      return 10.0;
    case PALIER_REPORT_TEXT_SUBHEADING:
      return 4.0;
    default:
      return 6.0;
    }
}

static void
draw_text (PalierReportDoc      *doc,
           PalierReportTextKind  kind,
           const char           *text)
{
  g_autoptr(PangoLayout) layout = text_layout (doc, kind, text);
  gboolean heading = kind >= PALIER_REPORT_TEXT_SUBHEADING;
  PangoLayoutIter *iter;

  pango_layout_set_width (layout, (int) (_palier_report_doc_width (doc) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (heading)
    {
      int height;

      pango_layout_get_size (layout, NULL, &height);
      _palier_report_doc_reserve (doc, height / (double) PANGO_SCALE + HEADING_KEEP);
    }

  /* Line by line, so that a long paragraph continues on the next page. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double line_top, line_height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = logical.y / (double) PANGO_SCALE;
      line_height = logical.height / (double) PANGO_SCALE;

      _palier_report_doc_reserve (doc, line_height);

      set_rgb (doc->cr, kind == PALIER_REPORT_TEXT_SMALL ? secondary : foreground);
      cairo_move_to (doc->cr, MARGIN_SIDE + logical.x / (double) PANGO_SCALE,
                     doc->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE
                     - line_top);
      pango_cairo_show_layout_line (doc->cr, pango_layout_iter_get_line_readonly (iter));
      doc->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  doc->y += space_after (kind);
}

void
_palier_report_doc_text (PalierReportDoc      *doc,
                         PalierReportTextKind  kind,
                         const char           *text)
{
  if (kind == PALIER_REPORT_TEXT_HEADING || kind == PALIER_REPORT_TEXT_TITLE)
    {
      g_free (doc->heading);
      doc->heading = kind == PALIER_REPORT_TEXT_HEADING ? g_strdup (text) : NULL;
      g_clear_pointer (&doc->subheading, g_free);
    }
  else if (kind == PALIER_REPORT_TEXT_SUBHEADING)
    {
      g_free (doc->subheading);
      doc->subheading = g_strdup (text);
    }

  draw_text (doc, kind, text);
}

/* Heads a page that a table continues on with the section's heading
 * and subheading, marked as continued, so its rows are not anonymous. */
static void
draw_continued_heading (PalierReportDoc *doc)
{
  g_autofree char *heading = NULL;

  if (doc->heading != NULL)
    {
      /* Translators: heading repeated on the page a table continues on. */
      heading = g_strdup_printf (_("%s (continued)"), doc->heading);
      draw_text (doc, PALIER_REPORT_TEXT_HEADING, heading);
    }
  if (doc->subheading != NULL)
    draw_text (doc, PALIER_REPORT_TEXT_SUBHEADING, doc->subheading);
}

void
_palier_report_doc_chart (PalierReportDoc     *doc,
                          double               height,
                          PalierChartDrawFunc  draw,
                          gpointer             user_data)
{
  double width = _palier_report_doc_width (doc);

  _palier_report_doc_reserve (doc, height);

  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN_SIDE, doc->y);
  cairo_rectangle (doc->cr, 0, 0, width, height);
  cairo_clip (doc->cr);
  draw (doc->cr, width, height, user_data);
  cairo_restore (doc->cr);

  doc->y += height + 10.0;
}

/* Tables */

struct _PalierReportTable {
  guint       n_columns;
  char      **titles;
  double     *shares;
  gboolean   *numeric;
  GPtrArray  *rows;                     /* GStrv, n_columns cells each */
};

PalierReportTable *
_palier_report_table_new (guint n_columns)
{
  PalierReportTable *table = g_new0 (PalierReportTable, 1);

  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  table->shares = g_new0 (double, n_columns);
  table->numeric = g_new0 (gboolean, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return table;
}

void
_palier_report_table_free (PalierReportTable *table)
{
  g_strfreev (table->titles);
  g_free (table->shares);
  g_free (table->numeric);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
_palier_report_table_set_column (PalierReportTable *table,
                                 guint              index,
                                 const char        *title,
                                 double             share,
                                 gboolean           numeric)
{
  g_return_if_fail (index < table->n_columns);

  g_free (table->titles[index]);
  table->titles[index] = g_strdup (title);
  table->shares[index] = share;
  table->numeric[index] = numeric;
}

void
_palier_report_table_take_row (PalierReportTable *table,
                               ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *cell = va_arg (args, char *);

      cells[i] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);

  g_ptr_array_add (table->rows, cells);
}

guint
_palier_report_table_n_rows (const PalierReportTable *table)
{
  return table->rows->len;
}

static double
column_width (PalierReportDoc         *doc,
              const PalierReportTable *table,
              guint                    index)
{
  double total_share = 0.0;

  for (guint i = 0; i < table->n_columns; i++)
    total_share += table->shares[i];

  return _palier_report_doc_width (doc) * table->shares[index] / total_share;
}

/* Lays out one cell in its column.  Cells wrap between words, and inside
 * a word only when the word alone is wider than the column, so no figure
 * or name is ever cut. */
static PangoLayout *
cell_layout (PalierReportDoc         *doc,
             const PalierReportTable *table,
             guint                    index,
             const char              *text,
             gboolean                 header)
{
  PangoLayout *layout = text_layout (doc, PALIER_REPORT_TEXT_SMALL, text);
  double width = column_width (doc, table, index) - 2 * CELL_PADDING;

  if (header)
    {
      g_autoptr(PangoFontDescription) font = NULL;

      font = pango_font_description_copy (pango_layout_get_font_description (layout));
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
    }

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, table->numeric[index] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

/* Height of a row: its tallest cell, in points. */
static double
row_height (PalierReportDoc         *doc,
            const PalierReportTable *table,
            char * const            *cells,
            gboolean                 header)
{
  int tallest = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (doc, table, i, cells[i], header);
      int height;

      pango_layout_get_size (layout, NULL, &height);
      tallest = MAX (tallest, height);
    }

  return tallest / (double) PANGO_SCALE + CELL_PADDING;
}

/* Draws one row of cells at the current position; @header rows are bold
 * on a shaded band. */
static void
draw_row (PalierReportDoc         *doc,
          const PalierReportTable *table,
          char * const            *cells,
          gboolean                 header,
          double                   height)
{
  double width = _palier_report_doc_width (doc);
  double x = MARGIN_SIDE;

  if (header)
    {
      cairo_rectangle (doc->cr, MARGIN_SIDE, doc->y, width, height);
      set_rgb (doc->cr, header_fill);
      cairo_fill (doc->cr);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (doc, table, i, cells[i], header);

      set_rgb (doc->cr, foreground);
      cairo_move_to (doc->cr, x + CELL_PADDING, doc->y + CELL_PADDING / 2);
      pango_cairo_show_layout (doc->cr, layout);
      x += column_width (doc, table, i);
    }

  set_rgb (doc->cr, rule);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN_SIDE, doc->y + height);
  cairo_line_to (doc->cr, MARGIN_SIDE + width, doc->y + height);
  cairo_stroke (doc->cr);

  doc->y += height;
}

void
_palier_report_doc_table (PalierReportDoc         *doc,
                          const PalierReportTable *table)
{
  double header = row_height (doc, table, table->titles, TRUE);
  double first_rows = 0.0;

  /* The header and at least two rows stay together. */
  for (guint i = 0; i < MIN (table->rows->len, 2); i++)
    first_rows += row_height (doc, table, g_ptr_array_index (table->rows, i), FALSE);
  if (doc->page_open && doc->y > MARGIN_TOP && doc->y + header + first_rows > CONTENT_BOTTOM)
    {
      _palier_report_doc_new_page (doc);
      draw_continued_heading (doc);
    }
  _palier_report_doc_reserve (doc, header + first_rows);
  draw_row (doc, table, table->titles, TRUE, header);

  for (guint i = 0; i < table->rows->len; i++)
    {
      char * const *cells = g_ptr_array_index (table->rows, i);
      double height = row_height (doc, table, cells, FALSE);

      if (doc->y + height > CONTENT_BOTTOM)
        {
          _palier_report_doc_new_page (doc);
          draw_continued_heading (doc);
          draw_row (doc, table, table->titles, TRUE, header);
        }
      draw_row (doc, table, cells, FALSE, height);
    }

  doc->y += 10.0;
}
