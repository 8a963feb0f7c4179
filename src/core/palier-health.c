/* palier-health.c: stubs until the module lands */

#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "config.h"
#include "palier-health.h"

PalierHealth *
palier_health_compute (const PalierBases *bases, const PalierProgram *program, const PalierResult *result, PalierDecimal near, GCancellable *cancellable, GError **error)
{
  return 0;
}

PalierHealth *
palier_health_ref (PalierHealth *health)
{
  return 0;
}

void
palier_health_unref (PalierHealth *health)
{
}

void
palier_chart_draw_health (cairo_t *cr, double width, double height, const PalierHealth *health, const PalierChartStyle *style)
{
}

PalierStatement *
palier_statement_compute (const PalierBases *bases, const PalierProgram *program, const char *partner, const char *period, GCancellable *cancellable, GError **error)
{
  return 0;
}

PalierStatement *
palier_statement_ref (PalierStatement *statement)
{
  return 0;
}

void
palier_statement_unref (PalierStatement *statement)
{
}

gboolean
palier_statement_write_pdf (const PalierStatement *statement, const char *path, GError **error)
{
  return 0;
}
G_DEFINE_QUARK (palier-health-error-quark, palier_health_error)
