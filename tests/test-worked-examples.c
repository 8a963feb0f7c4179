/* test-worked-examples.c: the worked examples of the payout rules
 *
 * Each example is a program and a few sales lines, simulated from a CSV
 * file as "palier-cli simulate --sales" does, with the amount each
 * partner is paid asserted to the cent.  The arithmetic is in the
 * comment above each example.  Read top to bottom, this file is the
 * list of examples that the payout rules promise.
 */

#include "config.h"

#include <string.h>

#include "palier.h"
#include "palier-test.h"

#define M(units, millionths) ((PalierDecimal) (units) * PALIER_DECIMAL_ONE + (millionths))

#define PROGRAM_START(period) \
  "<program xmlns='urn:palier:program:1' id='example' name='Example' currency='USD' period='" period "'>"

/* Simulates @program_xml on @sales_csv, written to a temporary file. */
static PalierResult *
simulate (const char *program_xml,
          const char *sales_csv)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierImportPlan) plan = NULL;
  g_autoptr(PalierBases) bases = NULL;
  const PalierProgram *programs[2] = { NULL, NULL };
  PalierImportOptions options;
  PalierResult *result;

  program = palier_program_read_data (program_xml, strlen (program_xml), "example.xml", &error);
  g_assert_no_error (error);
  programs[0] = program;

  g_assert_true (g_file_set_contents (path, sales_csv, -1, &error));
  palier_import_options_init (&options);
  plan = palier_import_plan_new (path, &options, &error);
  palier_import_options_clear (&options);
  g_assert_no_error (error);

  bases = palier_bases_compute_from_plan (plan, programs, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  result = palier_bases_simulate (bases, program, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static PalierDecimal
partner_payout (const PalierResult *result,
                const char         *partner)
{
  const PalierPartnerResult *row = palier_result_find_partner (result, partner);

  g_assert_nonnull (row);
  return row->payout;
}

static const PalierPeriodResult *
partner_period (const PalierResult *result,
                const char         *partner,
                guint               index)
{
  const PalierPartnerResult *row = palier_result_find_partner (result, partner);

  g_assert_nonnull (row);
  g_assert_cmpuint (index, <, row->periods->len);
  return &g_array_index (row->periods, PalierPeriodResult, index);
}

#define TIERS_4_6_8 \
  "    <tier from='0' rate='0.04'/>" \
  "    <tier from='150000' rate='0.06'/>" \
  "    <tier from='250000' rate='0.08'/>"

/* 1. Marginal tiers 0 -> 4 %, 150 000 -> 6 %, 250 000 -> 8 %: a base of
 * 220 000 pays 150 000 x 4 % + 70 000 x 6 % = 6 000 + 4 200 = 10 200. */
static void
test_marginal_tiers (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <commission id='c' name='C' basis='amount' method='marginal'>" TIERS_4_6_8 "</commission>"
    "</program>",
    "date,partner,amount\n2017-01-10,A,220000\n");

  g_assert_cmpint (partner_payout (result, "A"), ==, M (10200, 0));
}

/* 2. Retroactive tiers on the same table: 220 000 reaches the 6 % tier,
 * which pays on the whole base: 220 000 x 6 % = 13 200. */
static void
test_retroactive_tiers (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <commission id='c' name='C' basis='amount' method='retroactive'>" TIERS_4_6_8 "</commission>"
    "</program>",
    "date,partner,amount\n2017-01-10,A,220000\n");

  g_assert_cmpint (partner_payout (result, "A"), ==, M (13200, 0));
}

/* 3. A retroactive volume rebate of 5 % once a year's purchases reach
 * 1 000 000, in a quarterly program: 1 200 000 over the year pays
 * 1 200 000 x 5 % = 60 000, in the year's last quarter; 999 999.99 pays
 * nothing. */
static void
test_volume_rebate (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <commission id='rebate' name='Rebate' basis='amount' method='retroactive' period='year'>"
    "    <tier from='0' rate='0'/>"
    "    <tier from='1000000' rate='0.05'/>"
    "  </commission>"
    "</program>",
    "date,partner,amount\n"
    "2017-02-10,A,700000\n2017-11-10,A,500000\n"
    "2017-02-10,B,500000\n2017-11-10,B,499999.99\n");

  g_assert_cmpint (partner_payout (result, "A"), ==, M (60000, 0));
  g_assert_cmpstr (partner_period (result, "A", 1)->label, ==, "2017-Q4");
  g_assert_cmpint (partner_period (result, "A", 1)->payout, ==, M (60000, 0));
  g_assert_cmpint (partner_payout (result, "B"), ==, 0);
}

/* 4. Interpolated points 0 -> 2 %, 1.0 -> 4 %, 1.5 -> 8 % on attainment,
 * quota 100 000: a base of 125 000 is 1.25 of quota, halfway between the
 * last two points, so the whole base earns 6 %: 7 500. */
static void
test_interpolated_tiers (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <quota amount='100000'/>"
    "  <commission id='c' name='C' basis='attainment' method='interpolated'>"
    "    <tier from='0' rate='0.02'/>"
    "    <tier from='1.0' rate='0.04'/>"
    "    <tier from='1.5' rate='0.08'/>"
    "  </commission>"
    "</program>",
    "date,partner,amount\n2017-01-10,A,125000\n");

  g_assert_cmpint (partner_payout (result, "A"), ==, M (7500, 0));
}

/* 5. Per-unit tiers 0 -> 5.00 and 3 -> 10.00 per unit, marginal: 5 units
 * pay 3 x 5.00 + 2 x 10.00 = 35.00. */
static void
test_per_unit_tiers (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <commission id='c' name='C' measure='units' basis='amount' method='marginal'>"
    "    <tier from='0' per-unit='5.00'/>"
    "    <tier from='3' per-unit='10.00'/>"
    "  </commission>"
    "</program>",
    "date,partner,amount,quantity\n2017-01-10,A,100,2\n2017-01-11,A,150,3\n");

  g_assert_cmpint (partner_payout (result, "A"), ==, M (35, 0));
}

/* 6. A deal bonus of 200 for deals of at least 5 000: partner A's lines
 * of 3 000 and 2 500 share the deal id D1, a deal of 5 500, which pays
 * 200.  Partner B's same lines have no deal id, so each is a deal of its
 * own, below 5 000, and B is paid nothing. */
static void
test_deal_bonus (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <deal-bonus id='big' name='Big deal' min='5000' amount='200'/>"
    "</program>",
    "date,partner,amount,deal\n"
    "2017-01-10,A,3000,D1\n2017-01-12,A,2500,D1\n"
    "2017-01-10,B,3000,\n2017-01-12,B,2500,\n");

  g_assert_cmpint (partner_payout (result, "A"), ==, M (200, 0));
  g_assert_cmpint (partner_payout (result, "B"), ==, 0);
}

/* 7. Carry-forward at a flat 10 %: a base of -1 000 pays nothing and
 * carries its deficit to the next quarter, whose base of 3 000 becomes
 * 2 000 and pays 200. */
static void
test_carry_forward (void)
{
  g_autoptr(PalierResult) result = simulate (
    PROGRAM_START ("quarter")
    "  <commission id='c' name='C' basis='amount' method='retroactive' negative='carry-forward'>"
    "    <tier from='0' rate='0.10'/>"
    "  </commission>"
    "</program>",
    "date,partner,amount\n2017-02-10,A,-1000\n2017-05-10,A,3000\n");

  g_assert_cmpstr (partner_period (result, "A", 0)->label, ==, "2017-Q1");
  g_assert_cmpint (partner_period (result, "A", 0)->payout, ==, 0);
  g_assert_cmpstr (partner_period (result, "A", 1)->label, ==, "2017-Q2");
  g_assert_cmpint (partner_period (result, "A", 1)->payout, ==, M (200, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/worked-examples/marginal-tiers", test_marginal_tiers);
  g_test_add_func ("/worked-examples/retroactive-tiers", test_retroactive_tiers);
  g_test_add_func ("/worked-examples/volume-rebate", test_volume_rebate);
  g_test_add_func ("/worked-examples/interpolated-tiers", test_interpolated_tiers);
  g_test_add_func ("/worked-examples/per-unit-tiers", test_per_unit_tiers);
  g_test_add_func ("/worked-examples/deal-bonus", test_deal_bonus);
  g_test_add_func ("/worked-examples/carry-forward", test_carry_forward);

  return g_test_run ();
}
