/* palier-report.c: the leadership report written as a PDF file
 *
 * The report is drawn twice: once into a discarded PDF stream to count
 * its pages, then into a temporary file beside @path with "Page n of m"
 * in each footer.  The temporary file is renamed into place only when
 * cairo and the file system both succeeded.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "palier-money.h"
#include "palier-report-private.h"

G_DEFINE_QUARK (palier-report-error-quark, palier_report_error)

/* Numbers */

char *
_palier_report_format_signed_money (PalierDecimal  value,
                                    const char    *currency)
{
  g_autofree char *amount = palier_format_money (value, currency);

  if (value > 0)
    return g_strconcat ("+", amount, NULL);
  return g_steal_pointer (&amount);
}

char *
_palier_report_format_signed_percent (PalierDecimal ratio,
                                      int           decimals)
{
  g_autofree char *percent = palier_format_percent (ratio, decimals);

  if (ratio > 0)
    return g_strconcat ("+", percent, NULL);
  return g_steal_pointer (&percent);
}

gboolean
_palier_report_ratio (PalierDecimal  value,
                      PalierDecimal  reference,
                      PalierDecimal *out_ratio)
{
  PalierWide ratio;

  if (reference == 0)
    return FALSE;

  ratio = palier_wide_div_round ((PalierWide) value * PALIER_DECIMAL_ONE, reference);
  if (ratio > PALIER_DECIMAL_MAX || ratio < PALIER_DECIMAL_MIN)
    return FALSE;

  *out_ratio = (PalierDecimal) ratio;
  return TRUE;
}

const PalierChartStyle *
_palier_report_chart_style (void)
{
  /* The charts measure text at 96 units per inch and the page is in
   * points, so 6 chart points print as 8 points. */
  static const PalierChartStyle style = { .font_size = 6.0 };

  return &style;
}

/* Input checks */

static gboolean
check_input (const PalierReportInput  *input,
             GError                  **error)
{
  if (input->n_scenarios == 0 || input->n_scenarios > PALIER_SCENARIO_MAX_COMPARED)
    {
      g_set_error (error, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID,
                   _("A report needs 1 to %d scenarios, not %u"),
                   PALIER_SCENARIO_MAX_COMPARED, input->n_scenarios);
      return FALSE;
    }

  for (guint i = 0; i < input->n_scenarios; i++)
    if (input->scenarios[i] == NULL || input->programs[i] == NULL)
      {
        g_set_error (error, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID,
                     _("Scenario %u of the report has no scenario or no program"), i + 1);
        return FALSE;
      }

  if (input->comparison != NULL && input->comparison->n_columns != input->n_scenarios)
    {
      g_set_error (error, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID,
                   _("The comparison has %u columns for %u scenarios"),
                   input->comparison->n_columns, input->n_scenarios);
      return FALSE;
    }

  if ((input->risk != NULL && input->risk_scenario >= input->n_scenarios)
      || (input->health != NULL && input->health_scenario >= input->n_scenarios))
    {
      g_set_error (error, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_INVALID,
                   _("The cost risk or the health is for scenario %u, but the report has %u"),
                   MAX (input->risk_scenario, input->health_scenario) + 1, input->n_scenarios);
      return FALSE;
    }

  return TRUE;
}

/* Drawing */

typedef struct {
  const PalierReportInput *input;
  const char              *title;
  char                    *date;
  char                    *footer;
} ReportJob;

/* Draws every section onto @cr and returns the number of pages. */
static guint
render (cairo_t         *cr,
        const ReportJob *job,
        guint            n_pages)
{
  PalierReportDoc doc;
  guint pages;

  _palier_report_doc_init (&doc, cr, job->footer, n_pages);

  _palier_report_draw_cover (&doc, job->input, job->title, job->date);
  _palier_report_draw_programs (&doc, job->input);
  _palier_report_draw_comparison (&doc, job->input);
  _palier_report_draw_risk (&doc, job->input);
  _palier_report_draw_health (&doc, job->input);
  _palier_report_draw_goal (&doc, job->input);
  _palier_report_draw_assumptions (&doc, job->input);
  _palier_report_doc_finish (&doc);

  pages = doc.page;
  _palier_report_doc_clear (&doc);
  return pages;
}

static cairo_status_t
discard_bytes (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Output of the written pass: an open file and the errno of the first
 * failed write. */
typedef struct {
  int fd;
  int write_errno;
} ReportTarget;

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  ReportTarget *target = closure;

  while (length > 0)
    {
      ssize_t written = write (target->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          target->write_errno = written < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* Renders the report into a PDF stream and returns cairo's status;
 * *@out_pages receives the page count. */
static cairo_status_t
render_pdf (cairo_write_func_t  write_func,
            gpointer            closure,
            const ReportJob    *job,
            guint               n_pages,
            guint              *out_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_func, closure,
                                                                  PALIER_REPORT_PAGE_WIDTH,
                                                                  PALIER_REPORT_PAGE_HEIGHT);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_t *cr;

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      *out_pages = render (cr, job, n_pages);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static void
set_file_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write the report to “%s”: %s; check that the folder exists "
                 "and is writable"),
               path, g_strerror (saved_errno));
}

static void
set_render_error (GError         **error,
                  cairo_status_t   status,
                  const char      *path)
{
  g_set_error (error, PALIER_REPORT_ERROR, PALIER_REPORT_ERROR_RENDER,
               _("Could not draw the report for “%s”: %s"),
               path, cairo_status_to_string (status));
}

static gboolean
write_file (const ReportJob  *job,
            const char       *path,
            guint             n_pages,
            GError          **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  ReportTarget target = { -1, 0 };
  cairo_status_t status;
  guint pages = 0;

  target.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (target.fd < 0)
    {
      set_file_error (error, errno, path);
      return FALSE;
    }

  status = render_pdf (write_bytes, &target, job, n_pages, &pages);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      close (target.fd);
      g_unlink (tmp_path);
      if (status == CAIRO_STATUS_WRITE_ERROR && target.write_errno != 0)
        set_file_error (error, target.write_errno, path);
      else
        set_render_error (error, status, path);
      return FALSE;
    }

  g_warn_if_fail (pages == n_pages);

  if (g_fsync (target.fd) != 0 || close (target.fd) != 0 || g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_file_error (error, saved_errno, path);
      return FALSE;
    }

  return TRUE;
}

static char *
format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return _palier_format_date (palier_date_from_ymd (g_date_time_get_year (now),
                                                    g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now)));
}

gboolean
palier_report_write_pdf (const PalierReportInput *input,
                         const char              *path,
                         GError                 **error)
{
  ReportJob job = { input, NULL, NULL, NULL };
  cairo_status_t status;
  guint n_pages = 0;
  gboolean ok;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_input (input, error))
    return FALSE;

  job.title = input->title != NULL ? input->title : _("Incentive program report");
  job.date = format_today ();
  if (input->workspace != NULL)
    /* Translators: the report's footer: title, workspace, date. */
    job.footer = g_strdup_printf (_("%1$s · %2$s · %3$s"), job.title, input->workspace, job.date);
  else
    job.footer = g_strdup_printf ("%s · %s", job.title, job.date);

  status = render_pdf (discard_bytes, NULL, &job, 0, &n_pages);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_render_error (error, status, path);
      ok = FALSE;
    }
  else
    {
      ok = write_file (&job, path, n_pages, error);
    }

  g_free (job.date);
  g_free (job.footer);
  return ok;
}
