/* test-program-xml.c: the program model, its XML form and its checks */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "palier.h"
#include "palier-test.h"

#define D(units, millionths) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE + (millionths))

/* Helpers ================================================================ */

/* Reads tests/data/xml/@name, giving the bare file name as display name so
 * that messages can be compared whole. */
static PalierProgram *
read_test_file (const char  *name,
                GError     **error)
{
  g_autofree char *relative = g_build_filename ("xml", name, NULL);
  g_autofree char *path = palier_test_data_path (relative);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return palier_program_read_data (data, len, name, error);
}

static PalierComponent *
component_at (const PalierProgram *program,
              guint                index)
{
  g_assert_cmpuint (index, <, program->components->len);
  return g_ptr_array_index (program->components, index);
}

static const PalierTier *
tier_at (const PalierComponent *component,
         guint                  index)
{
  g_assert_cmpuint (index, <, component->tiers->len);
  return &g_array_index (component->tiers, PalierTier, index);
}

static const PalierLevel *
level_at (const PalierComponent *component,
          guint                  index)
{
  g_assert_cmpuint (index, <, component->levels->len);
  return &g_array_index (component->levels, PalierLevel, index);
}

static const char *
filter_value (const PalierComponent *component,
              PalierFilterField      field,
              guint                  index)
{
  const GPtrArray *values = component->filter.values[field];

  g_assert_nonnull (values);
  g_assert_cmpuint (index, <, values->len);
  return g_ptr_array_index (values, index);
}

static guint
filter_count (const PalierComponent *component,
              PalierFilterField      field)
{
  const GPtrArray *values = component->filter.values[field];

  return values != NULL ? values->len : 0;
}

/* A valid program with one component of each kind, built in code. */
static PalierProgram *
build_program (void)
{
  PalierProgram *program = palier_program_new ("built", "Built <in> code & \"quoted\" 'single' café");
  PalierComponent *commission, *bonus, *deal, *reward;

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  program->has_quota = TRUE;
  program->quota = D (1000, 0);
  palier_program_add_segment_quota (program, "Gold", D (1500, 0));

  commission = palier_component_new (PALIER_COMPONENT_COMMISSION, "base", "Base");
  commission->basis = PALIER_BASIS_ATTAINMENT;
  palier_component_add_tier (commission, 0, D (0, 40000));
  palier_component_add_tier (commission, D (1, 0), D (0, 70000));
  palier_tier_add_override (&g_array_index (commission->tiers, PalierTier, 1), "Gold", D (0, 80000));
  commission->has_cap = TRUE;
  commission->cap = D (900, 0);
  palier_program_add_component (program, commission);

  bonus = palier_component_new (PALIER_COMPONENT_BONUS, "club", "Club");
  palier_component_add_level (bonus, D (5000, 0), D (25, 0));
  palier_level_add_override (&g_array_index (bonus->levels, PalierLevel, 0), "Gold", D (40, 0));
  palier_filter_add_value (&bonus->filter, PALIER_FILTER_REGION, "West");
  palier_program_add_component (program, bonus);

  deal = palier_component_new (PALIER_COMPONENT_DEAL_BONUS, "deal", "Deal");
  deal->deal_min = D (2000, 0);
  deal->deal_amount = D (20, 0);
  palier_program_add_component (program, deal);

  reward = palier_component_new (PALIER_COMPONENT_REWARD, "trip", "Trip");
  reward->reward_kind = PALIER_REWARD_TRIP;
  reward->top_count = 2;
  reward->unit_cost = D (3000, 0);
  reward->has_period = TRUE;
  reward->period = PALIER_PERIOD_YEAR;
  palier_program_add_component (program, reward);

  return program;
}

static void
assert_check_message (const PalierProgram *program,
                      const char          *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_program_check (program, &error));
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Model ================================================================== */

static void
test_model_defaults (void)
{
  g_autoptr(PalierProgram) program = palier_program_new ("p", "Plan");
  g_autoptr(PalierComponent) component = palier_component_new (PALIER_COMPONENT_COMMISSION, "c", "C");

  g_assert_cmpstr (program->currency, ==, "EUR");
  g_assert_cmpint (program->period, ==, PALIER_PERIOD_QUARTER);
  g_assert_cmpint (program->fiscal_year_start, ==, 1);
  g_assert_false (program->has_quota);
  g_assert_cmpuint (program->components->len, ==, 0);
  g_assert_cmpint (component->measure, ==, PALIER_MEASURE_REVENUE);
  g_assert_cmpint (component->basis, ==, PALIER_BASIS_AMOUNT);
  g_assert_cmpint (component->method, ==, PALIER_METHOD_MARGINAL);
  g_assert_cmpint (component->negative, ==, PALIER_NEGATIVE_ZERO);
  g_assert_cmpuint (component->tiers->len, ==, 0);
  g_assert_true (palier_filter_is_empty (&component->filter));
}

static void
test_model_copy_equal (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autoptr(PalierProgram) copy = palier_program_copy (program);
  PalierComponent *commission = component_at (copy, 0);

  g_assert_true (copy != program);
  g_assert_true (palier_program_equal (program, copy));
  g_assert_true (component_at (copy, 0) != component_at (program, 0));

  /* A change deep inside the copy makes the programs differ and leaves
   * the original alone. */
  g_array_index (g_array_index (commission->tiers, PalierTier, 1).overrides, PalierOverride, 0).value = D (0, 90000);
  g_assert_false (palier_program_equal (program, copy));
  g_assert_cmpint (g_array_index (g_array_index (component_at (program, 0)->tiers, PalierTier, 1).overrides,
                                  PalierOverride, 0).value, ==, D (0, 80000));
}

static void
test_model_equal_fields (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autoptr(PalierProgram) other = NULL;

  other = palier_program_copy (program);
  other->fiscal_year_start = 7;
  g_assert_false (palier_program_equal (program, other));
  g_clear_pointer (&other, palier_program_unref);

  other = palier_program_copy (program);
  palier_filter_add_value (&component_at (other, 1)->filter, PALIER_FILTER_REGION, "East");
  g_assert_false (palier_program_equal (program, other));
  g_clear_pointer (&other, palier_program_unref);

  other = palier_program_copy (program);
  g_array_index (other->segment_quotas, PalierSegmentQuota, 0).quota = D (1600, 0);
  g_assert_false (palier_program_equal (program, other));
  g_clear_pointer (&other, palier_program_unref);

  other = palier_program_copy (program);
  g_ptr_array_remove_index (other->components, 3);
  g_assert_false (palier_program_equal (program, other));
  g_clear_pointer (&other, palier_program_unref);

  /* Fields that do not apply to the kind are not compared. */
  other = palier_program_copy (program);
  component_at (other, 2)->basis = PALIER_BASIS_ATTAINMENT;
  component_at (other, 3)->threshold_min = D (5, 0);
  g_assert_true (palier_program_equal (program, other));
}

static void
test_model_ref_boxed (void)
{
  PalierProgram *program = palier_program_new ("p", "Plan");
  PalierProgram *boxed;

  g_assert_true (G_TYPE_IS_BOXED (PALIER_TYPE_PROGRAM));
  boxed = g_boxed_copy (PALIER_TYPE_PROGRAM, program);
  g_assert_true (boxed == program);
  g_assert_cmpint (program->ref_count, ==, 2);
  g_boxed_free (PALIER_TYPE_PROGRAM, boxed);
  g_assert_cmpint (program->ref_count, ==, 1);
  palier_program_unref (program);
}

static void
test_model_quota_lookup (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  PalierDecimal quota = -1;

  g_assert_true (palier_program_quota_for_segment (program, "Gold", &quota));
  g_assert_cmpint (quota, ==, D (1500, 0));
  g_assert_true (palier_program_quota_for_segment (program, "Silver", &quota));
  g_assert_cmpint (quota, ==, D (1000, 0));
  g_assert_true (palier_program_quota_for_segment (program, NULL, &quota));
  g_assert_cmpint (quota, ==, D (1000, 0));

  program->has_quota = FALSE;
  quota = -1;
  g_assert_false (palier_program_quota_for_segment (program, "Silver", &quota));
  g_assert_cmpint (quota, ==, -1);
  g_assert_true (palier_program_quota_for_segment (program, "Gold", &quota));
  g_assert_cmpint (quota, ==, D (1500, 0));
}

static void
test_model_find_component (void)
{
  g_autoptr(PalierProgram) program = build_program ();

  g_assert_true (palier_program_find_component (program, "deal") == component_at (program, 2));
  g_assert_null (palier_program_find_component (program, "missing"));
}

static void
test_model_names (void)
{
  PalierMeasure measure;
  PalierBasis basis;
  PalierMethod method;
  PalierNegativePolicy negative;
  PalierFilterField field;
  PalierRewardKind kind;

  for (int i = PALIER_MEASURE_REVENUE; i <= PALIER_MEASURE_UNITS; i++)
    {
      g_assert_true (palier_measure_from_string (palier_measure_to_string (i), &measure));
      g_assert_cmpint (measure, ==, i);
    }
  for (int i = PALIER_METHOD_MARGINAL; i <= PALIER_METHOD_INTERPOLATED; i++)
    {
      g_assert_true (palier_method_from_string (palier_method_to_string (i), &method));
      g_assert_cmpint (method, ==, i);
    }
  for (int i = PALIER_FILTER_CATEGORY; i < PALIER_N_FILTER_FIELDS; i++)
    {
      g_assert_true (palier_filter_field_from_string (palier_filter_field_to_string (i), &field));
      g_assert_cmpint (field, ==, i);
    }

  g_assert_cmpstr (palier_basis_to_string (PALIER_BASIS_ATTAINMENT), ==, "attainment");
  g_assert_cmpstr (palier_negative_to_string (PALIER_NEGATIVE_CARRY_FORWARD), ==, "carry-forward");
  g_assert_cmpstr (palier_reward_kind_to_string (PALIER_REWARD_RECOGNITION), ==, "recognition");
  g_assert_true (palier_basis_from_string ("amount", &basis));
  g_assert_cmpint (basis, ==, PALIER_BASIS_AMOUNT);
  g_assert_true (palier_negative_from_string ("clawback", &negative));
  g_assert_cmpint (negative, ==, PALIER_NEGATIVE_CLAWBACK);
  g_assert_true (palier_reward_kind_from_string ("training", &kind));
  g_assert_cmpint (kind, ==, PALIER_REWARD_TRAINING);

  g_assert_false (palier_measure_from_string ("Revenue", &measure));
  g_assert_false (palier_method_from_string ("", &method));
  g_assert_false (palier_basis_from_string (NULL, &basis));
}

/* Reading ================================================================ */

static void
test_read_acceptance (void)
{
  g_autofree char *path = palier_test_shared_path ("acceptance/programs/superstore-quarterly.xml");
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  PalierComponent *base, *spiff, *club;
  PalierDecimal quota;

  if (path == NULL)
    {
      g_test_skip ("the shared acceptance programs are absent");
      return;
    }

  program = palier_program_read_file (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (program->id, ==, "superstore-2017");
  g_assert_cmpstr (program->currency, ==, "USD");
  g_assert_cmpint (program->period, ==, PALIER_PERIOD_QUARTER);
  g_assert_cmpint (program->fiscal_year_start, ==, 1);
  g_assert_true (palier_program_quota_for_segment (program, "Consumer", &quota));
  g_assert_cmpint (quota, ==, D (1000, 0));
  g_assert_true (palier_program_quota_for_segment (program, "Corporate", &quota));
  g_assert_cmpint (quota, ==, D (1500, 0));
  g_assert_cmpuint (program->components->len, ==, 3);

  base = component_at (program, 0);
  g_assert_cmpint (base->kind, ==, PALIER_COMPONENT_COMMISSION);
  g_assert_cmpint (base->basis, ==, PALIER_BASIS_ATTAINMENT);
  g_assert_cmpint (base->method, ==, PALIER_METHOD_MARGINAL);
  g_assert_cmpuint (base->tiers->len, ==, 3);
  g_assert_cmpint (tier_at (base, 1)->from, ==, D (1, 0));
  g_assert_cmpint (tier_at (base, 2)->value, ==, D (0, 100000));
  g_assert_true (base->has_cap);
  g_assert_cmpint (base->cap, ==, D (900, 0));

  spiff = component_at (program, 1);
  g_assert_cmpint (spiff->method, ==, PALIER_METHOD_RETROACTIVE);
  g_assert_cmpstr (filter_value (spiff, PALIER_FILTER_CATEGORY, 0), ==, "Technology");
  g_assert_cmpint (spiff->filter.start, ==, 20170301);
  g_assert_cmpint (spiff->filter.end, ==, 20170531);
  g_assert_cmpint (tier_at (spiff, 1)->from, ==, D (2000, 0));

  club = component_at (program, 2);
  g_assert_cmpint (club->kind, ==, PALIER_COMPONENT_BONUS);
  g_assert_cmpuint (club->levels->len, ==, 2);
  g_assert_cmpint (level_at (club, 1)->min, ==, D (1, 500000));
  g_assert_cmpint (level_at (club, 1)->amount, ==, D (60, 0));
}

static void
test_read_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("minimal.xml", &error);
  PalierComponent *flat;

  g_assert_no_error (error);
  g_assert_cmpstr (program->name, ==, "Resellers 2023");
  g_assert_cmpstr (program->currency, ==, "GBP");
  g_assert_cmpint (program->period, ==, PALIER_PERIOD_MONTH);
  g_assert_false (program->has_quota);

  flat = component_at (program, 0);
  g_assert_cmpint (flat->measure, ==, PALIER_MEASURE_REVENUE);
  g_assert_false (flat->has_period);
  g_assert_cmpint (flat->negative, ==, PALIER_NEGATIVE_ZERO);
  g_assert_true (palier_filter_is_empty (&flat->filter));
  g_assert_cmpint (tier_at (flat, 0)->kind, ==, PALIER_TIER_RATE);
  g_assert_cmpint (tier_at (flat, 0)->value, ==, D (0, 60000));
}

static void
test_read_full_program (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("full.xml", &error);
  PalierComponent *share, *kicker, *smooth, *units, *club, *deal, *plaque, *gift;
  const PalierTier *tier;

  g_assert_no_error (error);
  g_assert_cmpint (program->fiscal_year_start, ==, 4);
  g_assert_cmpuint (program->segment_quotas->len, ==, 2);
  g_assert_cmpstr (g_array_index (program->segment_quotas, PalierSegmentQuota, 1).segment, ==, "Home Office");
  g_assert_cmpint (g_array_index (program->segment_quotas, PalierSegmentQuota, 1).quota, ==, D (20000, 500000));
  g_assert_cmpuint (program->components->len, ==, 12);

  share = component_at (program, 0);
  g_assert_cmpint (share->negative, ==, PALIER_NEGATIVE_CLAWBACK);
  g_assert_cmpstr (filter_value (share, PALIER_FILTER_CATEGORY, 0), ==, "Technology");
  g_assert_cmpstr (filter_value (share, PALIER_FILTER_REGION, 0), ==, "West");
  g_assert_cmpuint (filter_count (share, PALIER_FILTER_SEGMENT), ==, 2);
  g_assert_cmpstr (filter_value (share, PALIER_FILTER_SEGMENT, 1), ==, "Silver");
  g_assert_cmpuint (filter_count (share, PALIER_FILTER_PRODUCT), ==, 0);
  g_assert_cmpint (share->filter.end, ==, 20250331);
  tier = tier_at (share, 0);
  g_assert_cmpuint (tier->overrides->len, ==, 1);
  g_assert_cmpstr (g_array_index (tier->overrides, PalierOverride, 0).segment, ==, "Gold");
  g_assert_cmpint (g_array_index (tier->overrides, PalierOverride, 0).value, ==, D (0, 35000));
  g_assert_null (tier_at (share, 1)->overrides);
  g_assert_true (share->has_gate);
  g_assert_cmpint (share->gate, ==, D (0, 500000));

  kicker = component_at (program, 1);
  g_assert_cmpint (kicker->measure, ==, PALIER_MEASURE_MARGIN);
  g_assert_true (kicker->has_period);
  g_assert_cmpint (kicker->period, ==, PALIER_PERIOD_YEAR);
  g_assert_cmpint (kicker->negative, ==, PALIER_NEGATIVE_CARRY_FORWARD);
  g_assert_cmpstr (filter_value (kicker, PALIER_FILTER_PRODUCT, 0), ==, "Phones");

  smooth = component_at (program, 2);
  g_assert_cmpint (smooth->method, ==, PALIER_METHOD_INTERPOLATED);

  units = component_at (program, 3);
  g_assert_cmpint (units->measure, ==, PALIER_MEASURE_UNITS);
  g_assert_cmpuint (filter_count (units, PALIER_FILTER_CATEGORY), ==, 2);
  g_assert_cmpstr (filter_value (units, PALIER_FILTER_CATEGORY, 1), ==, "Office Supplies");
  g_assert_cmpstr (filter_value (units, PALIER_FILTER_REGION, 0), ==, "East");
  g_assert_cmpint (units->filter.start, ==, PALIER_DATE_NONE);
  tier = tier_at (units, 0);
  g_assert_cmpint (tier->kind, ==, PALIER_TIER_PER_UNIT);
  g_assert_cmpint (tier->value, ==, D (1, 250000));
  g_assert_cmpuint (tier->overrides->len, ==, 2);
  g_assert_cmpint (g_array_index (tier->overrides, PalierOverride, 1).value, ==, D (1, 300000));

  club = component_at (program, 4);
  g_assert_cmpstr (club->name, ==, "President's club");
  g_assert_cmpint (g_array_index (level_at (club, 0)->overrides, PalierOverride, 0).value, ==, D (750, 0));

  deal = component_at (program, 6);
  g_assert_cmpint (deal->kind, ==, PALIER_COMPONENT_DEAL_BONUS);
  g_assert_cmpint (deal->deal_min, ==, D (25000, 0));
  g_assert_cmpint (deal->deal_amount, ==, D (250, 0));
  g_assert_true (deal->has_deal_rate);
  g_assert_cmpint (deal->deal_rate, ==, D (0, 5000));
  g_assert_false (component_at (program, 7)->has_deal_rate);

  g_assert_cmpint (component_at (program, 8)->reward_rule, ==, PALIER_REWARD_RULE_TOP);
  g_assert_cmpuint (component_at (program, 8)->top_count, ==, 3);
  plaque = component_at (program, 9);
  g_assert_cmpint (plaque->reward_kind, ==, PALIER_REWARD_RECOGNITION);
  g_assert_cmpint (plaque->unit_cost, ==, D (80, 500000));
  g_assert_cmpint (plaque->reward_rule, ==, PALIER_REWARD_RULE_THRESHOLD);
  g_assert_cmpint (plaque->threshold_basis, ==, PALIER_BASIS_ATTAINMENT);
  g_assert_cmpint (plaque->threshold_min, ==, D (1, 100000));
  gift = component_at (program, 11);
  g_assert_cmpint (gift->reward_kind, ==, PALIER_REWARD_OTHER);
  g_assert_cmpint (gift->unit_cost, ==, 0);
}

/* The XSD collapses the spaces around integers and dates, so the reader
 * does too.  A leading "+" and zeros after the sixth decimal are
 * accepted, and so is an encoding other than UTF-8. */
static void
test_read_lexical_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("lexical-forms.xml", &error);
  PalierComponent *trip;

  g_assert_no_error (error);
  g_assert_cmpstr (program->name, ==, "Café programme");
  g_assert_cmpint (program->fiscal_year_start, ==, 7);
  g_assert_cmpint (program->quota, ==, D (1000, 0));
  g_assert_cmpint (component_at (program, 0)->filter.start, ==, 20170101);
  g_assert_cmpint (tier_at (component_at (program, 0), 0)->value, ==, D (0, 50000));
  trip = component_at (program, 1);
  g_assert_cmpuint (trip->top_count, ==, 5);
}

static void
test_read_invalid_utf8 (void)
{
  const char xml[] = "<program xmlns=\"urn:palier:program:1\" id=\"p\" name=\"\xff\xfe\" "
                     "currency=\"USD\" period=\"quarter\"/>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = palier_program_read_data (xml, sizeof xml - 1, "bytes.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "bytes.xml:1: "));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_read_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = palier_program_read_file ("/nonexistent/plan.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/plan.xml"));
}

static void
test_read_missing_file_reason (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = palier_program_read_file ("/nonexistent/plan.xml", &error);

  g_assert_null (program);
  g_assert_cmpstr (error->message, ==,
                   "Failed to read the program “/nonexistent/plan.xml”: file not found; check the path");
}

/* Errors of one file: code and whole message. */
typedef struct {
  const char *file;
  int         code;
  const char *message;
} ErrorCase;

static void
test_read_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file (error_case->file, &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, error_case->code);
  g_assert_cmpstr (error->message, ==, error_case->message);
}

static const ErrorCase schema_cases[] = {
  { "schema-wrong-namespace.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-wrong-namespace.xml:3: not a valid program: <program> is in the namespace “urn:palier:program:2”, "
    "not in the Palier program namespace “urn:palier:program:1”; write xmlns=\"urn:palier:program:1\"" },
  { "schema-unknown-element.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-unknown-element.xml:6: not a valid program: <ceiling> is not allowed here in <commission>; "
    "expected one of <tier>, <gate>, <cap>" },
  { "schema-decimal-comma.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-decimal-comma.xml:5: not a valid program: invalid number “1,5” in the attribute “rate” of <tier>; "
    "write digits with “.” as the decimal mark, no grouping and at most 6 decimals, such as 0.05" },
  { "schema-seven-decimals.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-seven-decimals.xml:5: not a valid program: invalid number “0.0512345” in the attribute “rate” of <tier>; "
    "write digits with “.” as the decimal mark, no grouping and at most 6 decimals, such as 0.05" },
  { "schema-missing-id.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-missing-id.xml:4: not a valid program: <commission> is missing the required attribute “id”; "
    "add id=\"…\"" },
  { "schema-negative-from.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-negative-from.xml:5: not a valid program: invalid value “-10” in the attribute “from” of <tier>; "
    "it must be zero or more" },
  { "schema-reward-without-rule.xml", PALIER_PROGRAM_ERROR_SCHEMA,
    "schema-reward-without-rule.xml:4: not a valid program: <reward> is incomplete; "
    "add one of <filter>, <top>, <threshold>" },
};

static const ErrorCase invalid_cases[] = {
  { "invalid-duplicate-id.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-duplicate-id.xml:6: <bonus id=\"base\">: id “base” is already used by another component; "
    "component ids must be unique" },
  { "invalid-first-tier.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-first-tier.xml:4: <tier from=\"100\"> in commission “base”: the first tier must start at 0" },
  { "invalid-tier-order.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-tier-order.xml:7: <tier from=\"0.5\"> in commission “base”: tiers must be in ascending order of “from”" },
  { "invalid-tier-equal.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-tier-equal.xml:6: <tier from=\"500\"> in commission “base”: tiers must be in ascending order of “from”" },
  { "invalid-level-order.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-level-order.xml:5: <level min=\"1000\"> in bonus “club”: levels must be in ascending order of “min”" },
  { "invalid-attainment-without-quota.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-attainment-without-quota.xml:3: <commission id=\"base\">: basis “attainment” needs a quota; "
    "add <quota amount=\"…\"/> or <segment id=\"…\" quota=\"…\"/> to the program" },
  { "invalid-bonus-without-quota.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-bonus-without-quota.xml:3: <bonus id=\"club\">: basis “attainment” needs a quota; "
    "add <quota amount=\"…\"/> or <segment id=\"…\" quota=\"…\"/> to the program" },
  { "invalid-threshold-without-quota.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-threshold-without-quota.xml:4: <threshold min=\"1.2\"> in reward “trip”: basis “attainment” needs a quota; "
    "add <quota amount=\"…\"/> or <segment id=\"…\" quota=\"…\"/> to the program" },
  { "invalid-short-period.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-short-period.xml:3: <commission id=\"monthly\">: period “month” is shorter than the program’s "
    "period “quarter”; use the program’s period or a longer one" },
  { "invalid-interpolated-per-unit.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-interpolated-per-unit.xml:4: <tier from=\"0\"> in commission “smooth”: method=\"interpolated\" "
    "interpolates rates; give each tier a rate" },
  { "invalid-per-unit-revenue.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-per-unit-revenue.xml:4: <tier from=\"0\"> in commission “spiff”: per-unit tiers need "
    "measure=\"units\"; with measure=\"revenue\" give a rate" },
  { "invalid-rate-units.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-rate-units.xml:4: <tier from=\"0\"> in commission “spiff”: with measure=\"units\" a tier pays "
    "per-unit, not a rate; write per-unit=\"…\"" },
  { "invalid-rate-above-one.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-rate-above-one.xml:4: <tier from=\"0\"> in commission “base”: rate 5 is above 1 (100 %); "
    "rates are fractions of the base, write 0.05 for 5 %" },
  { "invalid-override-twice.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-override-twice.xml:6: <override segment=\"Gold\"> in commission “base”: segment “Gold” already has "
    "an override in <tier from=\"0\">; keep one override per segment" },
  { "invalid-override-kind.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-override-kind.xml:5: <override segment=\"Gold\"> in commission “base”: the override must give "
    "“rate”, like its tier" },
  { "invalid-tier-both-values.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-tier-both-values.xml:4: <tier from=\"0\"> in commission “base”: give either “rate” or “per-unit”, "
    "not both" },
  { "invalid-tier-no-value.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-tier-no-value.xml:4: <tier from=\"0\"> in commission “base”: give a “rate” (a fraction of the base) "
    "or a “per-unit” amount" },
  { "invalid-filter-dates.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-filter-dates.xml:4: <filter> in commission “spring”: start 2017-05-31 is after end 2017-03-01; "
    "both dates are inclusive" },
  { "invalid-segment-twice.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-segment-twice.xml:5: <segment id=\"Gold\">: segment “Gold” already has a quota; "
    "keep one <segment> per segment" },
  { "invalid-zero-quota.xml", PALIER_PROGRAM_ERROR_INVALID,
    "invalid-zero-quota.xml:3: <quota amount=\"0\">: the quota must be greater than zero" },
};

static void
test_read_overflow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("invalid-overflow.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "invalid-overflow.xml:5: <cap max=\"99999999999999\"> in commission “base”: "
                                   "attribute “max”: "));
  g_assert_nonnull (strstr (error->message, "99999999999999"));
}

static void
test_read_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("malformed.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "malformed.xml:6: not well-formed XML: </commission> found where <tier> from line 5 "
                   "must be closed first; close it with </tier> or “/>”, or check the spelling of both tags");
}

static void
test_read_undeclared_entity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("malformed-undeclared-entity.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "malformed-undeclared-entity.xml:2: "));
  g_assert_nonnull (strstr (error->message, "unknown entity “&secret;”"));
}

static void
test_read_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = palier_program_read_data ("", 0, "empty.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "empty.xml:"));
}

/* Plain messages ========================================================= */

/* A valid program, changed by each case below into one mistake. */
static const char plain_base[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<program xmlns=\"urn:palier:program:1\" id=\"small\" name=\"Small program\" currency=\"EUR\" period=\"month\">\n"
  "  <quota amount=\"1000\"/>\n"
  "  <commission id=\"base\" name=\"Base commission\" basis=\"amount\" method=\"retroactive\">\n"
  "    <tier from=\"0\" rate=\"0.05\"/>\n"
  "    <tier from=\"1000\" rate=\"0.10\"/>\n"
  "  </commission>\n"
  "</program>\n";

/* @from is replaced by @to in plain_base, then @from2 by @to2 when set;
 * reading "plan.xml" must fail with @code and exactly @message. */
typedef struct {
  const char *name;
  const char *from, *to;
  const char *from2, *to2;
  int         code;
  const char *message;
} PlainCase;

#define SCHEMA PALIER_PROGRAM_ERROR_SCHEMA
#define MALFORMED PALIER_PROGRAM_ERROR_MALFORMED

static const PlainCase plain_cases[] = {
  { "no-namespace", " xmlns=\"urn:palier:program:1\"", "", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: <program> is not in the Palier program namespace "
    "“urn:palier:program:1”; add xmlns=\"urn:palier:program:1\"" },
  { "other-namespace", "xmlns=\"urn:palier:program:1\"", "xmlns=\"urn:example:plan\"", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: <program> is in the namespace “urn:example:plan”, not in the "
    "Palier program namespace “urn:palier:program:1”; write xmlns=\"urn:palier:program:1\"" },
  { "root-name", "<program ", "<plan ", "</program>", "</plan>", SCHEMA,
    "plan.xml:2: not a valid program: the root element is <plan>, but a program file starts with "
    "<program xmlns=\"urn:palier:program:1\">" },
  { "child-namespace", "<quota amount", "<quota xmlns=\"\" amount", NULL, NULL, SCHEMA,
    "plan.xml:3: not a valid program: <quota> is not in the Palier program namespace "
    "“urn:palier:program:1”; write it in the same namespace as <program>" },
  { "unknown-element", "<tier from=\"1000\"", "<tire from=\"1000\"", NULL, NULL, SCHEMA,
    "plan.xml:6: not a valid program: <tire> is not allowed here in <commission>; "
    "expected one of <tier>, <gate>, <cap>" },
  { "element-order", "  <quota amount=\"1000\"/>\n", "",
    "  </commission>\n", "  </commission>\n  <quota amount=\"1000\"/>\n", SCHEMA,
    "plan.xml:7: not a valid program: <quota> is not allowed here in <program>; check the order "
    "of the elements and how many times each may appear" },
  { "missing-child", "    <tier from=\"0\" rate=\"0.05\"/>\n", "",
    "    <tier from=\"1000\" rate=\"0.10\"/>\n", "", SCHEMA,
    "plan.xml:4: not a valid program: <commission> is incomplete; add one of <filter>, <tier>" },
  { "missing-attribute", " currency=\"EUR\"", "", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: <program> is missing the required attribute “currency”; "
    "add currency=\"…\"" },
  { "attribute-not-allowed", "<quota amount=\"1000\"/>", "<quota amount=\"1000\" color=\"red\"/>",
    NULL, NULL, SCHEMA,
    "plan.xml:3: not a valid program: <quota> does not take the attribute “color”; remove it or "
    "check its spelling" },
  { "enumeration", "period=\"month\"", "period=\"week\"", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: invalid value “week” in the attribute “period” of <program>; "
    "use one of month, quarter, half, year" },
  { "empty-name", "name=\"Small program\"", "name=\"\"", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: the attribute “name” of <program> is empty; give it a value" },
  { "month", "period=\"month\"", "period=\"month\" fiscal-year-start=\"13\"", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: invalid month “13” in the attribute “fiscal-year-start” of "
    "<program>; give a month number from 1 to 12" },
  { "date", "    <tier from=\"0\"", "    <filter start=\"01/02/2017\"/>\n    <tier from=\"0\"", NULL, NULL,
    SCHEMA,
    "plan.xml:5: not a valid program: invalid date “01/02/2017” in the attribute “start” of <filter>; "
    "write a real date as YYYY-MM-DD, such as 2017-01-31" },
  { "content-in-empty", "<quota amount=\"1000\"/>", "<quota amount=\"1000\">1000</quota>", NULL, NULL,
    SCHEMA,
    "plan.xml:3: not a valid program: <quota> must be empty; remove what is between <quota> and "
    "</quota>" },
  { "text-in-program", "  <quota", "  1000 <quota", NULL, NULL, SCHEMA,
    "plan.xml:2: not a valid program: text directly inside <program> is not allowed; remove it, "
    "or make it a comment <!-- … -->" },
  { "tag-mismatch", "  </commission>", "  </commision>", NULL, NULL, MALFORMED,
    "plan.xml:7: not well-formed XML: </commision> found where <commission> from line 4 must be "
    "closed first; close it with </commission> or “/>”, or check the spelling of both tags" },
  { "unclosed-root", "</program>\n", "", NULL, NULL, MALFORMED,
    "plan.xml:8: not well-formed XML: the file ends before <program> from line 2 is closed; "
    "add </program>" },
  { "ampersand", "name=\"Small program\"", "name=\"Small & program\"", NULL, NULL, MALFORMED,
    "plan.xml:2: not well-formed XML: near column 63: a “&” that does not start an entity; "
    "write “&amp;” for “&”" },
  { "unquoted-value", "rate=\"0.05\"", "rate=0.05", NULL, NULL, MALFORMED,
    "plan.xml:5: not well-formed XML: near column 25: an attribute value without quotes; write it "
    "between quotes, such as rate=\"0.05\"" },
  { "duplicate-attribute", "rate=\"0.05\"", "rate=\"0.05\" rate=\"0.1\"", NULL, NULL, MALFORMED,
    "plan.xml:5: not well-formed XML: near column 42: the attribute “rate” appears twice in one tag; "
    "keep one" },
  { "content-after-root", "</program>\n", "</program>\n<program/>\n", NULL, NULL, MALFORMED,
    "plan.xml:9: not well-formed XML: near column 1: content after the end of the root element; a file "
    "contains one <program>, so remove what follows </program>" },
  { "undeclared-prefix", "<quota amount=\"1000\"/>", "<q:quota amount=\"1000\"/>", NULL, NULL, MALFORMED,
    "plan.xml:3: not well-formed XML: near column 25: the namespace prefix “q:” is not declared; remove "
    "it, because every element of a program is in the namespace that "
    "xmlns=\"urn:palier:program:1\" sets on <program>" },
  { "latin-1-byte", "name=\"Small program\"", "name=\"Caf\xe9\"", NULL, NULL, MALFORMED,
    "plan.xml:2: not well-formed XML: near column 59: bytes that are not valid UTF-8; save the file as "
    "UTF-8, or declare its encoding, such as <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" },
};

#undef SCHEMA
#undef MALFORMED

static char *
plain_case_text (const PlainCase *plain_case)
{
  GString *text = g_string_new (plain_base);

  g_assert_cmpuint (g_string_replace (text, plain_case->from, plain_case->to, 1), ==, 1);
  if (plain_case->from2 != NULL)
    g_assert_cmpuint (g_string_replace (text, plain_case->from2, plain_case->to2, 1), ==, 1);
  return g_string_free (text, FALSE);
}

static void
test_plain_message_case (gconstpointer data)
{
  const PlainCase *plain_case = data;
  g_autofree char *text = plain_case_text (plain_case);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = palier_program_read_data (text, strlen (text), "plan.xml", &error);

  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, plain_case->code);
  g_assert_cmpstr (error->message, ==, plain_case->message);
}

/* Phrases of libxml2 2.9.14's own messages, which must not reach the
 * user. */
static const char *const libxml2_phrases[] = {
  "Element '", "attribute '", "is not expected", "Expected is", "[facet", "atomic type",
  "No matching global declaration", "Opening and ending tag mismatch", "Premature end",
  "xmlParse", "AttValue", "StartTag", "Entity '", "not proper UTF-8", "Couldn't find",
  "Document is empty", "Extra content", "{urn:",
};

static void
assert_no_libxml2_text (const char *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (libxml2_phrases); i++)
    {
      g_test_message ("“%s” in “%s”", libxml2_phrases[i], message);
      g_assert_null (strstr (message, libxml2_phrases[i]));
    }
}

/* Every error of the test files, whatever its kind, is in plain
 * words. */
static void
test_plain_no_libxml2_text (void)
{
  const char *files[] = {
    "malformed.xml", "malformed-undeclared-entity.xml", "schema-wrong-namespace.xml",
    "schema-unknown-element.xml", "schema-decimal-comma.xml", "schema-seven-decimals.xml",
    "schema-missing-id.xml", "schema-negative-from.xml", "schema-reward-without-rule.xml",
  };
  const char *documents[] = {
    "", "\xef\xbb\xbf", "hello", "<program xmlns=\"urn:palier:program:1\"><!-- a -- b --></program>",
    "<program xmlns=\"urn:palier:program:1\" id=\"p\" name=\"N\" currency=\"EUR\" period=\"year\">"
    "<reward id=\"r\" name=\"R\" kind=\"trip\" unit-cost=\"1\"><top count=\"0\"/></reward></program>",
    "<program xmlns=\"urn:palier:program:1\" id=\"p\" name=\"N\" currency=\"EUR\" period=\"year\">"
    "<reward id=\"r\" name=\"R\" kind=\"trip\" unit-cost=\"1\"><top count=\"x\"/></reward></program>",
    "<program xmlns=\"urn:palier:program:1\" id=\"p\" name=\"N\" currency=\"eur\" period=\"year\"/>",
    "<program xmlns=\"urn:palier:program:1\" id=\"a b\" name=\"N\" currency=\"EUR\" period=\"year\"/>",
    "<program xmlns=\"urn:palier:program:1\" id=\"p\" name=\"N\" currency=\"EUR\" period=\"year\">"
    "<commission id=\"c\" name=\"C\" basis=\"amount\" method=\"marginal\"><tier from=\"0\" rate=\"1\"/>"
    "<filter start=\"2017-13-01\"/></commission></program>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plain_cases); i++)
    {
      g_autofree char *text = plain_case_text (&plain_cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PalierProgram) program = palier_program_read_data (text, strlen (text), "plan.xml", &error);

      g_assert_nonnull (error);
      assert_no_libxml2_text (error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalierProgram) program = read_test_file (files[i], &error);

      g_assert_nonnull (error);
      assert_no_libxml2_text (error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalierProgram) program = palier_program_read_data (documents[i], strlen (documents[i]),
                                                                   "plan.xml", &error);

      g_test_message ("document “%s”: %s", documents[i], error != NULL ? error->message : "no error");
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "plan.xml:"));
      assert_no_libxml2_text (error->message);
    }
}

/* Hostile documents ====================================================== */

static const ErrorCase forbidden_cases[] = {
  { "forbidden-internal-dtd.xml", PALIER_PROGRAM_ERROR_FORBIDDEN,
    "forbidden-internal-dtd.xml:2: a DOCTYPE is not allowed in a program file, because it can declare "
    "entities; remove the <!DOCTYPE …> declaration" },
  { "forbidden-external-dtd.xml", PALIER_PROGRAM_ERROR_FORBIDDEN,
    "forbidden-external-dtd.xml:2: a DOCTYPE is not allowed in a program file, because it can declare "
    "entities; remove the <!DOCTYPE …> declaration" },
  { "forbidden-external-entity.xml", PALIER_PROGRAM_ERROR_FORBIDDEN,
    "forbidden-external-entity.xml:2: a DOCTYPE is not allowed in a program file, because it can declare "
    "entities; remove the <!DOCTYPE …> declaration" },
  { "forbidden-billion-laughs.xml", PALIER_PROGRAM_ERROR_FORBIDDEN,
    "forbidden-billion-laughs.xml:2: a DOCTYPE is not allowed in a program file, because it can declare "
    "entities; remove the <!DOCTYPE …> declaration" },
};

/* Peak resident memory of the process, in kilobytes. */
static long
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* AddressSanitizer keeps freed memory in quarantine, so memory peaks
 * measure it rather than the parser. */
#if defined(__SANITIZE_ADDRESS__)
#define MEASURE_MEMORY FALSE
#else
#define MEASURE_MEMORY TRUE
#endif

static void
test_hostile_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<program xmlns=\"urn:palier:program:1\" id=\"p\" name=\"Deep\" "
                                         "currency=\"USD\" period=\"quarter\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = NULL;

  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "<filter>");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "</filter>");
  g_string_append (xml, "\n</program>\n");

  program = palier_program_read_data (xml->str, xml->len, "deep.xml", &error);

  /* libxml2 stops at its depth limit (256 without XML_PARSE_HUGE). */
  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "deep.xml:2: "));
}

static void
test_hostile_huge_attribute (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) xml = g_string_sized_new (size + 256);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = NULL;
  long before;

  g_string_append (xml, "<program xmlns=\"urn:palier:program:1\" id=\"p\" currency=\"USD\" period=\"quarter\" name=\"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\"/>\n");

  before = peak_rss_kb ();
  program = palier_program_read_data (xml->str, xml->len, "huge.xml", &error);

  /* libxml2 limits attribute values to 10 000 000 bytes without
   * XML_PARSE_HUGE, so this one is not well-formed for it. */
  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "huge.xml:1: "));
  if (MEASURE_MEMORY)
    g_assert_cmpint (peak_rss_kb () - before, <, 100 * 1024);
}

/* A long name under the libxml2 limit reaches the XSD, which rejects it. */
static void
test_hostile_long_name (void)
{
  g_autoptr(GString) xml = g_string_new ("<program xmlns=\"urn:palier:program:1\" id=\"p\" currency=\"USD\" "
                                         "period=\"quarter\" name=\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = NULL;

  for (int i = 0; i < 1000000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\"/>\n");

  program = palier_program_read_data (xml->str, xml->len, "long.xml", &error);
  g_assert_null (program);
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_SCHEMA);
}

/* libxml2's messages go into the GError only, never to stderr. */
static void
test_hostile_silent (void)
{
  if (g_test_subprocess ())
    {
      const char *files[] = {
        "malformed.xml", "schema-unknown-element.xml", "forbidden-billion-laughs.xml",
        "invalid-tier-order.xml",
      };

      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PalierProgram) program = read_test_file (files[i], &error);

          g_assert_null (program);
          g_assert_nonnull (error);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* Checks on programs built in code ======================================= */

static void
test_check_valid (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autoptr(GError) error = NULL;

  g_assert_true (palier_program_check (program, &error));
  g_assert_no_error (error);
}

static void
test_check_program_rules (void)
{
  g_autoptr(PalierProgram) program = build_program ();

  g_free (program->currency);
  program->currency = g_strdup ("usd");
  assert_check_message (program, "<program id=\"built\">: invalid currency “usd”: use a three-letter ISO 4217 "
                        "code in capitals, such as USD or EUR");
  g_free (program->currency);
  program->currency = g_strdup ("USD");

  program->fiscal_year_start = 13;
  assert_check_message (program, "<program id=\"built\">: invalid fiscal-year-start 13; give the month the "
                        "fiscal year starts in, 1 to 12");
  program->fiscal_year_start = 1;

  program->quota = -5;
  assert_check_message (program, "<quota amount=\"-0.000005\">: the quota must be greater than zero");
  program->quota = D (1000, 0);

  g_free (program->name);
  program->name = g_strdup ("Tab\there");
  assert_check_message (program, "<program id=\"built\">: invalid name “Tab\there”: give a name of 1 to 200 "
                        "characters without control characters");
}

static void
test_check_component_rules (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  PalierComponent *commission = component_at (program, 0);
  PalierComponent *bonus = component_at (program, 1);
  PalierComponent *deal = component_at (program, 2);
  PalierComponent *reward = component_at (program, 3);
  g_autoptr(GArray) tiers = NULL;

  g_free (commission->id);
  commission->id = g_strdup ("two words");
  assert_check_message (program, "<commission id=\"two words\">: invalid id “two words”: use 1 to 64 letters, "
                        "digits, “_”, “.” or “-”, starting with a letter, digit or “_”");
  g_free (commission->id);
  commission->id = g_strdup ("base");

  tiers = g_steal_pointer (&commission->tiers);
  commission->tiers = g_array_new (FALSE, TRUE, sizeof (PalierTier));
  assert_check_message (program, "<commission id=\"base\">: a commission needs at least one <tier>, the first from 0");
  g_array_unref (commission->tiers);
  commission->tiers = g_steal_pointer (&tiers);

  g_array_index (commission->tiers, PalierTier, 0).value = -D (0, 10000);
  assert_check_message (program, "<tier from=\"0\"> in commission “base”: “rate” is -0.01; it must be zero or more");
  g_array_index (commission->tiers, PalierTier, 0).value = D (0, 40000);

  commission->cap = -D (1, 0);
  assert_check_message (program, "<cap max=\"-1\"> in commission “base”: “max” is -1; it must be zero or more");
  commission->cap = D (900, 0);

  g_array_set_size (bonus->levels, 0);
  assert_check_message (program, "<bonus id=\"club\">: a bonus needs at least one <level>");
  palier_component_add_level (bonus, D (5000, 0), D (25, 0));

  palier_filter_add_value (&bonus->filter, PALIER_FILTER_CATEGORY, "");
  assert_check_message (program, "<filter> in bonus “club”: a value of “category” is empty or has control "
                        "characters; give the value as it appears in the sales data");
  g_ptr_array_set_size (bonus->filter.values[PALIER_FILTER_CATEGORY], 0);

  deal->deal_min = -D (1, 0);
  assert_check_message (program, "<deal-bonus id=\"deal\">: “min” is -1; it must be zero or more");
  deal->deal_min = 0;

  deal->has_deal_rate = TRUE;
  deal->deal_rate = D (2, 0);
  assert_check_message (program, "<deal-bonus id=\"deal\">: rate 2 is above 1 (100 %); rates are fractions of "
                        "the base, write 0.05 for 5 %");
  deal->has_deal_rate = FALSE;

  reward->top_count = 0;
  assert_check_message (program, "<reward id=\"trip\">: a reward needs <top count=\"N\"/> with N at least 1, "
                        "or a <threshold>");
  reward->top_count = 1;

  program->has_quota = FALSE;
  g_array_set_size (program->segment_quotas, 0);
  assert_check_message (program, "<commission id=\"base\">: basis “attainment” needs a quota; add "
                        "<quota amount=\"…\"/> or <segment id=\"…\" quota=\"…\"/> to the program");

  /* A segment quota alone is enough: partners outside the segment are
   * the engine's error at run time. */
  palier_program_add_segment_quota (program, "Gold", D (1500, 0));
  g_assert_true (palier_program_check (program, NULL));
}

/* Writing ================================================================ */

static void
assert_round_trip (const PalierProgram *program)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize len;

  xml = palier_program_to_xml (program, &len);
  g_assert_nonnull (xml);
  g_assert_cmpuint (strlen (xml), ==, len);

  again = palier_program_read_data (xml, len, "written.xml", &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (program, again));

  /* Writing is stable: the second file is the same text. */
  xml_again = palier_program_to_xml (again, NULL);
  g_assert_cmpstr (xml, ==, xml_again);
}

static void
test_write_round_trip_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("full.xml", &error);

  g_assert_no_error (error);
  assert_round_trip (program);
}

static void
test_write_round_trip_built (void)
{
  g_autoptr(PalierProgram) program = build_program ();

  assert_round_trip (program);
}

static void
test_write_round_trip_acceptance (void)
{
  g_autofree char *path = palier_test_shared_path ("acceptance/programs/superstore-quarterly.xml");
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("the shared acceptance programs are absent");
      return;
    }

  program = palier_program_read_file (path, &error);
  g_assert_no_error (error);
  assert_round_trip (program);
}

static void
test_write_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = read_test_file ("full.xml", &error);
  g_autofree char *xml = palier_program_to_xml (program, NULL);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<program xmlns=\"urn:palier:program:1\" id=\"full-2024\""));
  g_assert_nonnull (strstr (xml, "\n  <quota amount=\"50000\"/>\n"));
  g_assert_nonnull (strstr (xml, "\n  <segment id=\"Home Office\" quota=\"20000.5\"/>\n"));
  g_assert_nonnull (strstr (xml, " fiscal-year-start=\"4\""));

  /* One value per field as an attribute, several as <include>. */
  g_assert_nonnull (strstr (xml, "<filter category=\"Technology\" region=\"West\" start=\"2024-04-01\" "
                            "end=\"2025-03-31\">\n"
                            "      <include field=\"segment\" value=\"Gold\"/>\n"
                            "      <include field=\"segment\" value=\"Silver\"/>\n"
                            "    </filter>"));
  g_assert_nonnull (strstr (xml, "<filter region=\"East\">\n"
                            "      <include field=\"category\" value=\"Furniture\"/>\n"));
  g_assert_nonnull (strstr (xml, "<tier from=\"0\" per-unit=\"1.25\">\n"
                            "      <override segment=\"Gold\" per-unit=\"1.5\"/>\n"));

  /* Defaults are left out. */
  g_assert_null (strstr (xml, "measure=\"revenue\""));
  g_assert_null (strstr (xml, "negative=\"zero\""));
}

static void
test_write_french_locale (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autofree char *xml = NULL;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }

  /* The C library now writes decimals with a comma. */
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  xml = palier_program_to_xml (program, NULL);
  setlocale (LC_NUMERIC, "C");

  g_assert_nonnull (strstr (xml, "<tier from=\"1\" rate=\"0.07\">"));
  g_assert_nonnull (strstr (xml, "<override segment=\"Gold\" rate=\"0.08\"/>"));
  g_assert_null (strstr (xml, "0,07"));
}

static void
test_write_file (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autoptr(PalierProgram) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GDir) listing = NULL;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  g_assert_true (palier_program_write_file (program, path, &error));
  g_assert_no_error (error);

  again = palier_program_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (program, again));

  /* No temporary file is left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "plan.xml");
  g_assert_null (g_dir_read_name (listing));
}

static void
test_write_file_error (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_program_write_file (program, "/nonexistent/dir/plan.xml", &error));
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/plan.xml"));
}

/* The message names the requested file only, never the temporary file
 * written beside it, and gives the reason in plain words. */
static void
test_write_file_error_reason (void)
{
  g_autoptr(PalierProgram) program = build_program ();
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (palier_program_write_file (program, "/nonexistent/dir/plan.xml", &error));
  g_assert_cmpstr (error->message, ==,
                   "Failed to write the program “/nonexistent/dir/plan.xml”: folder not found; "
                   "create it first or choose another folder");
  g_clear_error (&error);

  g_assert_false (palier_program_write_file (program, dir, &error));
  g_assert_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_IO);
  expected = g_strdup_printf ("Failed to write the program “%s”: this is a folder; give a file name", dir);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Threads ================================================================ */

static gpointer
read_in_thread (gpointer data)
{
  const char *xml = data;

  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalierProgram) program = palier_program_read_data (xml, strlen (xml), "full.xml", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (program->components->len, ==, 12);
    }
  return NULL;
}

/* The schema is compiled once and shared; readers in several threads do
 * not disturb each other. */
static void
test_read_threads (void)
{
  g_autofree char *path = palier_test_data_path ("xml/full.xml");
  g_autofree char *xml = NULL;
  GThread *threads[4];

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_in_thread, xml);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
add_error_cases (const char     *prefix,
                 const ErrorCase *cases,
                 guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *name = g_strndup (cases[i].file, strlen (cases[i].file) - strlen (".xml"));
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

      g_test_add_data_func (path, &cases[i], test_read_error_case);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/program/model/defaults", test_model_defaults);
  g_test_add_func ("/program/model/copy-equal", test_model_copy_equal);
  g_test_add_func ("/program/model/equal-fields", test_model_equal_fields);
  g_test_add_func ("/program/model/ref-boxed", test_model_ref_boxed);
  g_test_add_func ("/program/model/quota-lookup", test_model_quota_lookup);
  g_test_add_func ("/program/model/find-component", test_model_find_component);
  g_test_add_func ("/program/model/names", test_model_names);

  g_test_add_func ("/program/read/acceptance", test_read_acceptance);
  g_test_add_func ("/program/read/minimal", test_read_minimal);
  g_test_add_func ("/program/read/full", test_read_full_program);
  g_test_add_func ("/program/read/lexical-forms", test_read_lexical_forms);
  g_test_add_func ("/program/read/invalid-utf8", test_read_invalid_utf8);
  g_test_add_func ("/program/read/missing-file", test_read_missing_file);
  g_test_add_func ("/program/read/missing-file-reason", test_read_missing_file_reason);
  g_test_add_func ("/program/read/overflow", test_read_overflow);
  g_test_add_func ("/program/read/malformed", test_read_malformed);
  g_test_add_func ("/program/read/undeclared-entity", test_read_undeclared_entity);
  g_test_add_func ("/program/read/empty", test_read_empty);
  for (guint i = 0; i < G_N_ELEMENTS (plain_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/program/plain/%s", plain_cases[i].name);

      g_test_add_data_func (path, &plain_cases[i], test_plain_message_case);
    }
  g_test_add_func ("/program/plain/no-libxml2-text", test_plain_no_libxml2_text);
  g_test_add_func ("/program/read/threads", test_read_threads);
  add_error_cases ("/program/schema", schema_cases, G_N_ELEMENTS (schema_cases));
  add_error_cases ("/program/invalid", invalid_cases, G_N_ELEMENTS (invalid_cases));

  add_error_cases ("/program/hostile", forbidden_cases, G_N_ELEMENTS (forbidden_cases));
  g_test_add_func ("/program/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/program/hostile/huge-attribute", test_hostile_huge_attribute);
  g_test_add_func ("/program/hostile/long-name", test_hostile_long_name);
  g_test_add_func ("/program/hostile/silent", test_hostile_silent);

  g_test_add_func ("/program/check/valid", test_check_valid);
  g_test_add_func ("/program/check/program-rules", test_check_program_rules);
  g_test_add_func ("/program/check/component-rules", test_check_component_rules);

  g_test_add_func ("/program/write/round-trip-full", test_write_round_trip_full);
  g_test_add_func ("/program/write/round-trip-built", test_write_round_trip_built);
  g_test_add_func ("/program/write/round-trip-acceptance", test_write_round_trip_acceptance);
  g_test_add_func ("/program/write/text", test_write_text);
  g_test_add_func ("/program/write/french-locale", test_write_french_locale);
  g_test_add_func ("/program/write/file", test_write_file);
  g_test_add_func ("/program/write/file-error", test_write_file_error);
  g_test_add_func ("/program/write/file-error-reason", test_write_file_error_reason);

  return g_test_run ();
}
