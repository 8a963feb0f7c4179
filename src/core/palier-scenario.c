/* palier-scenario.c: stubs until the module lands */

#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "config.h"
#include "palier-scenario.h"

PalierAssumptions *
palier_assumptions_new (void)
{
  return 0;
}

PalierAssumptions *
palier_assumptions_copy (const PalierAssumptions *assumptions)
{
  return 0;
}

void
palier_assumptions_free (PalierAssumptions *assumptions)
{
}

gboolean
palier_assumptions_equal (const PalierAssumptions *a, const PalierAssumptions *b)
{
  return 0;
}

gboolean
palier_assumptions_is_neutral (const PalierAssumptions *assumptions)
{
  return 0;
}

void
palier_assumptions_set_growth (PalierAssumptions *assumptions, PalierGrowthDimension dimension, const char *key, PalierDecimal growth)
{
}

void
palier_assumptions_remove_partner (PalierAssumptions *assumptions, const char *code)
{
}

void
palier_assumptions_add_partner (PalierAssumptions *assumptions, const char *code, const char *name, const char *source, PalierDecimal factor)
{
}

PalierDecimal
palier_assumptions_factor (const PalierAssumptions *assumptions, const char *segment, const char *category, const char *region)
{
  return 0;
}

char *
palier_assumptions_to_string (const PalierAssumptions *assumptions)
{
  return 0;
}

PalierAssumptions *
palier_assumptions_parse (const char *text, GError **error)
{
  return 0;
}

PalierScenario *
palier_scenario_new (const char *id, const char *name, const char *program_id)
{
  return 0;
}

PalierScenario *
palier_scenario_ref (PalierScenario *scenario)
{
  return 0;
}

void
palier_scenario_unref (PalierScenario *scenario)
{
}

PalierScenario *
palier_scenario_copy (const PalierScenario *scenario)
{
  return 0;
}

gboolean
palier_store_save_scenario (PalierStore *store, const PalierScenario *scenario, GError **error)
{
  return 0;
}

PalierScenario *
palier_store_load_scenario (PalierStore *store, const char *id, GError **error)
{
  return 0;
}

GPtrArray *
palier_store_list_scenarios (PalierStore *store, GError **error)
{
  return 0;
}

gboolean
palier_store_delete_scenario (PalierStore *store, const char *id, GError **error)
{
  return 0;
}

PalierBases *
palier_scenario_compute_bases (const PalierScenario *scenario, PalierStore *store, const PalierProgram * const *programs, GCancellable *cancellable, GError **error)
{
  return 0;
}

void
palier_scenario_run_free (PalierScenarioRun *run)
{
}

PalierScenarioRun *
palier_scenario_run (const PalierScenario *scenario, PalierStore *store, GCancellable *cancellable, GError **error)
{
  return 0;
}

GPtrArray *
palier_store_list_scenario_runs (PalierStore *store, const char *scenario_id, GError **error)
{
  return 0;
}

PalierScenarioRun *
palier_store_load_last_scenario_run (PalierStore *store, const char *scenario_id, GError **error)
{
  return 0;
}

PalierScenarioComparison *
palier_scenario_compare (PalierResult * const *results, const PalierBases * const *bases, const char * const *labels, guint n, GError **error)
{
  return 0;
}

PalierScenarioComparison *
palier_scenario_comparison_ref (PalierScenarioComparison *comparison)
{
  return 0;
}

void
palier_scenario_comparison_unref (PalierScenarioComparison *comparison)
{
}
G_DEFINE_QUARK (palier-scenario-error-quark, palier_scenario_error)
