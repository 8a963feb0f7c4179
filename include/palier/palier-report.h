/* palier-report.h: the leadership report
 *
 * A multi-page A4 PDF drawn with cairo and pango, in the current
 * locale's language and number forms: a cover with the headline
 * figures, each program's rules in plain words (tiers as a table and
 * the payout curve), the scenario comparison, the cost-risk chart,
 * program health, and the assumptions.  Sections without data are left
 * out.
 */

#pragma once

#include <gio/gio.h>
#include "palier-health.h"
#include "palier-risk.h"
#include "palier-scenario.h"

G_BEGIN_DECLS

#define PALIER_REPORT_ERROR (palier_report_error_quark ())

typedef enum {
  PALIER_REPORT_ERROR_INVALID,          /* nothing to report */
  PALIER_REPORT_ERROR_RENDER,           /* cairo failed */
} PalierReportError;

GQuark palier_report_error_quark (void);

typedef struct {
  const char                     *title;        /* NULL: a default title */
  const char                     *workspace;    /* shown on the cover, may be NULL */
  guint                           n_scenarios;  /* 1 to PALIER_SCENARIO_MAX_COMPARED */
  const PalierScenario * const   *scenarios;    /* for names and assumptions */
  const PalierProgram  * const   *programs;     /* each scenario's program as run */
  const PalierScenarioComparison *comparison;   /* of those scenarios */
  const PalierMonteCarloResult   *risk;         /* may be NULL */
  guint                           risk_scenario;/* index of the scenario @risk is for */
  const PalierHealth             *health;       /* may be NULL */
  guint                           health_scenario;
  const PalierGoalSeekResult     *goal;         /* may be NULL */
  const PalierGoalSeekOptions    *goal_options; /* what @goal sought; may be NULL */
} PalierReportInput;

/* Writes the report to @path through a temporary file renamed into
 * place. */
gboolean palier_report_write_pdf (const PalierReportInput *input,
                                  const char              *path,
                                  GError                 **error);

/* The rules of @program in plain words, one paragraph per component,
 * in the current locale's language and number forms. */
char    *palier_program_describe (const PalierProgram     *program);

G_END_DECLS
