/* palier-chart-export.c: charts written to PNG, SVG and PDF files
 *
 * The chart is drawn into a temporary file in the target's folder, so the
 * final rename is atomic and a failure never leaves a partial image under
 * the requested name.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "palier-chart.h"

G_DEFINE_QUARK (palier-chart-error-quark, palier_chart_error)

static const struct {
  const char        *extension;
  PalierImageFormat  format;
} image_extensions[] = {
  { "png", PALIER_IMAGE_PNG },
  { "svg", PALIER_IMAGE_SVG },
  { "pdf", PALIER_IMAGE_PDF },
};

/**
 * palier_image_format_from_path:
 *
 * Sets @out from the extension of the last component of @path, in any
 * case ("chart.PNG" is a PNG).  Returns FALSE for other extensions and
 * for names without one.
 */
gboolean
palier_image_format_from_path (const char        *path,
                               PalierImageFormat *out)
{
  g_autofree char *basename = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  if (dot == NULL || dot == basename)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (image_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, image_extensions[i].extension) == 0)
      {
        *out = image_extensions[i].format;
        return TRUE;
      }

  return FALSE;
}

/* Output of the cairo surfaces: an open file and the errno of the first
 * failed write. */
typedef struct {
  int fd;
  int write_errno;
} ExportTarget;

static cairo_status_t
write_to_target (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  ExportTarget *target = closure;

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

static cairo_surface_t *
create_surface (PalierImageFormat  format,
                double             width,
                double             height,
                ExportTarget      *target)
{
  cairo_surface_t *surface;

  switch (format)
    {
    case PALIER_IMAGE_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                         (int) ceil (width), (int) ceil (height));
    case PALIER_IMAGE_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_target, target, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      return surface;
    case PALIER_IMAGE_PDF:
      return cairo_pdf_surface_create_for_stream (write_to_target, target, width, height);
    default:
      g_assert_not_reached ();
    }
}

/* Draws the chart and writes the whole file to @target. */
static cairo_status_t
render (PalierImageFormat    format,
        double               width,
        double               height,
        PalierChartDrawFunc  draw,
        gpointer             user_data,
        ExportTarget        *target)
{
  cairo_surface_t *surface = create_surface (format, width, height, target);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_t *cr;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return status;
    }

  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == PALIER_IMAGE_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_target, target);

  /* Vector surfaces write their last bytes when finished. */
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
               _("Could not write the chart to “%s”: %s; check that the folder exists and is writable"),
               path, g_strerror (saved_errno));
}

static gboolean
close_and_rename (int          fd,
                  const char  *tmp_path,
                  const char  *path,
                  GError     **error)
{
  int saved_errno;

  if (g_fsync (fd) != 0 || close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      set_file_error (error, saved_errno, path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      set_file_error (error, saved_errno, path);
      return FALSE;
    }

  return TRUE;
}

gboolean
palier_chart_export (const char          *path,
                     PalierImageFormat    format,
                     double               width,
                     double               height,
                     PalierChartDrawFunc  draw,
                     gpointer             user_data,
                     GError             **error)
{
  g_autofree char *tmp_path = NULL;
  ExportTarget target = { -1, 0 };
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= PALIER_IMAGE_PDF, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  target.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (target.fd < 0)
    {
      set_file_error (error, errno, path);
      return FALSE;
    }

  status = render (format, width, height, draw, user_data, &target);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      close (target.fd);
      g_unlink (tmp_path);

      if (status == CAIRO_STATUS_WRITE_ERROR && target.write_errno != 0)
        set_file_error (error, target.write_errno, path);
      else
        g_set_error (error, PALIER_CHART_ERROR, PALIER_CHART_ERROR_RENDER,
                     _("Could not draw the chart for “%s”: %s"),
                     path, cairo_status_to_string (status));
      return FALSE;
    }

  return close_and_rename (target.fd, tmp_path, path, error);
}
