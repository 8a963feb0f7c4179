/* palier-scenarios-view-private.h: what palier-scenarios-view*.c share */
#pragma once

#include "palier-health-panel.h"
#include "palier-risk-panel.h"
#include "palier-scenarios-view.h"

G_BEGIN_DECLS

struct _PalierScenariosView
{
  AdwBin parent_instance;

  PalierWorkspace *workspace;
  GPtrArray *scenarios;                 /* PalierScenario *, list order */
  GHashTable *runs;                     /* id → PalierScenarioRun *, the latest */
  GPtrArray *ticked;                    /* char * ids, in tick order */
  GHashTable *checks;                   /* id → GtkCheckButton of its row, not owned */
  char *selected_id;
  PalierScenarioComparison *comparison;
  PalierMonteCarloResult *risk;
  PalierHealth *health;
  GCancellable *run_cancellable;
  GCancellable *compare_cancellable;
  GCancellable *panels_cancellable;     /* of the bases the panels read */
  gboolean filling;                     /* the view itself sets the rows */

  /* template */
  GtkStack *stack;
  GtkListBox *scenario_list;
  GtkRevealer *run_revealer;
  GtkLabel *run_label;
  GtkProgressBar *run_progress;
  GtkLabel *hint_label;
  AdwViewStack *scenario_pages;
  GtkStack *compare_stack;
  PalierScenarioCompare *compare;
  GtkSpinner *compare_spinner;
  AdwStatusPage *error_page;
  PalierRiskPanel *risk_panel;
  PalierHealthPanel *health_panel;
};

/* What a worker thread needs of one kept run: copies, because programs
 * are not thread-safe. */
typedef struct {
  PalierScenario *scenario;             /* with the run's assumptions and window */
  PalierProgram  *program;              /* the program as run */
  PalierResult   *result;
} PalierRunInput;

void            _palier_run_input_free (PalierRunInput *input);

/* Inputs of the latest runs of scenarios @ids (n of them).  Returns
 * NULL when one of them has no kept run. */
GPtrArray      *_palier_scenarios_view_collect_runs (PalierScenariosView *self,
                                                     const char * const  *ids,
                                                     guint                n);

/* Compares @inputs (PalierRunInput *) on their own bases, read from
 * @store.  @out_first_bases, when not NULL, receives the bases of the
 * first input. */
PalierScenarioComparison *_palier_run_inputs_compare (PalierStore   *store,
                                                      GPtrArray     *inputs,
                                                      PalierBases  **out_first_bases,
                                                      GCancellable  *cancellable,
                                                      GError       **error);

/* The scenario of @id in the list, or NULL. */
PalierScenario *_palier_scenarios_view_find (PalierScenariosView *self,
                                             const char          *id);

G_END_DECLS
