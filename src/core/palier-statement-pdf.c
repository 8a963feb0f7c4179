/* palier-statement-pdf.c: a statement on one A4 page
 *
 * The page has a header (program, partner, period and dates, currency),
 * one small two-column table per component (what, then the amount), the
 * totals, and a footer on rounding.  When the rows do not fit, the text
 * shrinks down to MIN_FONT_SIZE; rows that still do not fit are left out
 * and a last row says how many, so the page never overflows.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "palier-health-private.h"

/* A4 in points, and the page's margins. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN        50.0

#define FONT_FAMILY   "Sans"
#define FONT_SIZE     9.0
#define MIN_FONT_SIZE 6.0
#define AMOUNT_WIDTH  110.0             /* the amount column, at FONT_SIZE */

typedef struct {
  cairo_t  *cr;
  double    font_size;
  double    y;
} Page;

static PangoLayout *
text_new (Page       *page,
          const char *text,
          double      size,
          gboolean    bold,
          double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinting off, so that text measures the same on every surface. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

static void
text_draw (Page        *page,
           PangoLayout *layout,
           double       x,
           double       y,
           double       gray)
{
  cairo_set_source_rgb (page->cr, gray, gray, gray);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
}

static double
amount_width (const Page *page)
{
  return AMOUNT_WIDTH * page->font_size / FONT_SIZE;
}

/* Returns the height of one row and, with @draw, draws it and moves
 * the page down. */
static double
row_render (Page                     *page,
            const PalierStatementRow *row,
            gboolean                  draw)
{
  double content = PAGE_WIDTH - 2 * MARGIN;
  double label_width = content - amount_width (page) - page->font_size;
  gboolean bold = row->kind != PALIER_STATEMENT_ROW_LINE;
  double gap = row->kind == PALIER_STATEMENT_ROW_HEADING ? page->font_size : page->font_size / 4;
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) amount = NULL;
  double height;

  label = text_new (page, row->label, row->kind == PALIER_STATEMENT_ROW_HEADING ? page->font_size + 1 : page->font_size,
                    bold, row->kind == PALIER_STATEMENT_ROW_HEADING ? content : label_width);
  height = text_height (label);
  if (row->amount != NULL)
    {
      amount = text_new (page, row->amount, page->font_size, bold, 0);
      height = MAX (height, text_height (amount));
    }
  if (!draw)
    return gap + height;

  if (row->kind == PALIER_STATEMENT_ROW_HEADING)
    {
      cairo_set_source_rgb (page->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (page->cr, 0.5);
      cairo_move_to (page->cr, MARGIN, page->y + gap / 2);
      cairo_line_to (page->cr, PAGE_WIDTH - MARGIN, page->y + gap / 2);
      cairo_stroke (page->cr);
    }

  text_draw (page, label, MARGIN + (row->kind == PALIER_STATEMENT_ROW_LINE ? page->font_size : 0),
             page->y + gap, 0.1);
  if (amount != NULL)
    text_draw (page, amount, PAGE_WIDTH - MARGIN - text_width (amount), page->y + gap, 0.1);

  if (row->kind == PALIER_STATEMENT_ROW_TOTAL && amount != NULL)
    {
      cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.1);
      cairo_set_line_width (page->cr, 0.5);
      cairo_move_to (page->cr, PAGE_WIDTH - MARGIN - amount_width (page), page->y + gap / 2);
      cairo_line_to (page->cr, PAGE_WIDTH - MARGIN, page->y + gap / 2);
      cairo_stroke (page->cr);
    }

  page->y += gap + height;
  return gap + height;
}

static double
header_render (Page                  *page,
               const PalierStatement *statement,
               gboolean               draw)
{
  char first[16], last[16];
  g_autofree char *partner = NULL;
  g_autofree char *period = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GPtrArray) scenario_lines = _palier_statement_scenario_lines (statement);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) body = NULL;
  double content = PAGE_WIDTH - 2 * MARGIN;
  double height;

  /* A partner without a name from a partners file is named by its code,
   * which then is not repeated. */
  if (g_strcmp0 (statement->name, statement->partner) == 0 && statement->segment != NULL)
    /* TRANSLATORS: partner's code and segment on a statement. */
    partner = g_strdup_printf (_("Partner: %s, segment %s"), statement->partner, statement->segment);
  else if (g_strcmp0 (statement->name, statement->partner) == 0)
    partner = g_strdup_printf (_("Partner: %s"), statement->partner);
  else if (statement->segment != NULL)
    /* TRANSLATORS: partner's name, code and segment on a statement. */
    partner = g_strdup_printf (_("Partner: %s (%s), segment %s"), statement->name,
                               statement->partner, statement->segment);
  else
    partner = g_strdup_printf (_("Partner: %s (%s)"), statement->name, statement->partner);
  period = g_strdup_printf (_("Period: %s, %s to %s"), statement->period,
                            palier_date_format_iso (statement->first, first),
                            palier_date_format_iso (statement->last, last));
  currency = g_strdup_printf (_("Currency: %s"), statement->program->currency);
  details = g_strdup_printf ("%s\n%s\n%s\n%s", statement->program->name, partner, period, currency);
  for (guint i = 0; i < scenario_lines->len; i++)
    {
      char *longer = g_strconcat (details, "\n", g_ptr_array_index (scenario_lines, i), NULL);

      g_free (details);
      details = longer;
    }

  title = text_new (page, _("Payout statement"), 16, TRUE, content);
  body = text_new (page, details, 10, FALSE, content);
  height = text_height (title) + 4 + text_height (body) + 6;
  if (!draw)
    return height;

  text_draw (page, title, MARGIN, page->y, 0.0);
  text_draw (page, body, MARGIN, page->y + text_height (title) + 4, 0.1);
  page->y += height;
  return height;
}

static PangoLayout *
footer_new (Page                  *page,
            const PalierStatement *statement)
{
  g_autofree char *note = _palier_statement_note (statement);

  return text_new (page, note, 7, FALSE, PAGE_WIDTH - 2 * MARGIN);
}

/* Returns how many of @rows, from the first, fit in @available at the
 * page's font size. */
static guint
rows_that_fit (Page      *page,
               GPtrArray *rows,
               double     available)
{
  double used = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      used += row_render (page, g_ptr_array_index (rows, r), FALSE);
      if (used > available)
        return r;
    }
  return rows->len;
}

static void
draw_page (cairo_t               *cr,
           const PalierStatement *statement)
{
  g_autoptr(GPtrArray) rows = _palier_statement_build_rows (statement);
  g_autoptr(PangoLayout) footer = NULL;
  Page page = { cr, FONT_SIZE, MARGIN };
  double footer_top, available;
  guint n_fit;

  footer = footer_new (&page, statement);
  footer_top = PAGE_HEIGHT - MARGIN - text_height (footer);
  header_render (&page, statement, TRUE);
  available = footer_top - page.font_size - page.y;

  /* Shrink by half points until every row fits. */
  n_fit = rows_that_fit (&page, rows, available);
  while (n_fit < rows->len && page.font_size > MIN_FONT_SIZE)
    {
      page.font_size -= 0.5;
      n_fit = rows_that_fit (&page, rows, available);
    }

  if (n_fit < rows->len)
    {
      guint n_kept, n_left;
      PalierStatementRow more = { PALIER_STATEMENT_ROW_LINE, NULL, NULL };

      /* Keep room for the row that counts the rows left out. */
      n_kept = rows_that_fit (&page, rows, available - 2 * page.font_size);
      n_left = rows->len - n_kept;
      g_ptr_array_set_size (rows, n_kept);
      for (guint r = 0; r < rows->len; r++)
        row_render (&page, g_ptr_array_index (rows, r), TRUE);

      more.label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "… %u more line does not fit on the page; print the statement as text to see it",
                                                 "… %u more lines do not fit on the page; print the statement as text to see them",
                                                 n_left),
                                    n_left);
      row_render (&page, &more, TRUE);
      g_free (more.label);
    }
  else
    for (guint r = 0; r < rows->len; r++)
      row_render (&page, g_ptr_array_index (rows, r), TRUE);

  text_draw (&page, footer, MARGIN, footer_top, 0.35);
}

static gboolean
set_write_error (const char    *path,
                 const char    *reason,
                 GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("could not write the statement “%s”: %s; check that the folder exists and is writable"),
               path, reason);
  return FALSE;
}

gboolean
palier_statement_write_pdf (const PalierStatement  *statement,
                            const char             *path,
                            GError                **error)
{
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (statement != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A temporary file beside @path, renamed over it once complete. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    return set_write_error (path, g_strerror (errno), error);
  close (fd);

  surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  draw_page (cr, statement);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      return set_write_error (path, cairo_status_to_string (status), error);
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_write_error (path, g_strerror (saved_errno), error);
    }
  return TRUE;
}
