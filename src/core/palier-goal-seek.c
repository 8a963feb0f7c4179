/* palier-goal-seek.c: placeholder until the goal-seek lands */
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "config.h"
#include "palier-risk.h"
PalierGoalSeekResult *
palier_goal_seek (const PalierBases *bases, const PalierProgram *program, const PalierGoalSeekOptions *options, GCancellable *cancellable, GError **error)
{ return 0; }
PalierGoalSeekResult * palier_goal_seek_result_ref (PalierGoalSeekResult *result) { return 0; }
void palier_goal_seek_result_unref (PalierGoalSeekResult *result) { }
gboolean palier_goal_parameter_get (const PalierProgram *program, const PalierGoalParameter *parameter, PalierDecimal *out_value, GError **error) { return 0; }
gboolean palier_goal_parameter_set (PalierProgram *program, const PalierGoalParameter *parameter, PalierDecimal value, GError **error) { return 0; }
