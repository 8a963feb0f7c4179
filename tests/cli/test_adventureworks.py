#!/usr/bin/python3
"""AdventureWorks reseller sales on a program whose fiscal year starts in
July, checked per reseller and per fiscal quarter against an independent
recomputation."""

import datetime
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
import reference_payouts  # noqa: E402

SALES = palier_e2e.require_shared("data", "real", "adventureworks-resellers",
                                  "FactResellerSales.csv")
PROGRAM = palier_e2e.program_path("adventureworks-fiscal.xml")
MAPPING = {
    "date": "OrderDate",
    "partner": "ResellerKey",
    "amount": "SalesAmount",
    "quantity": "OrderQuantity",
    "deal": "SalesOrderNumber",
}
MAP_ARGS = [arg for field, column in MAPPING.items()
            for arg in ("--map", "%s=%s" % (field, column))]
FIRST = datetime.date(2017, 7, 1)
LAST = datetime.date(2019, 6, 30)


class AdventureWorksTest(palier_e2e.CliTestCase):
    @classmethod
    def setUpClass(cls):
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--sales", SALES,
                                     *MAP_ARGS, "--from", FIRST.isoformat(),
                                     "--to", LAST.isoformat(), "--format", "json")
        cls.output = palier_e2e.load_json(process.stdout)
        program = reference_payouts.Program(PROGRAM)
        lines = reference_payouts.read_lines(SALES, MAPPING)
        cls.expected = reference_payouts.simulate(program, lines, FIRST, LAST)

    def test_fiscal_years_sales(self):
        # FY2018 and FY2019 of the main fact file, summed with Decimal.
        self.assertEqual(palier_e2e.money(self.output["totals"]["sales"]),
                         palier_e2e.money("44408822.13"))

    def test_fiscal_quarter_labels(self):
        labels = {p["period"] for partner in self.output["partners"] for p in partner["periods"]}
        expected = {"FY%d-Q%d" % (year, quarter) for year in (2018, 2019) for quarter in range(1, 5)}
        self.assertEqual(labels, expected)

    def test_first_fiscal_quarter_is_july(self):
        partner = next(p for p in self.output["partners"]
                       if any(q["period"] == "FY2018-Q1" for q in p["periods"]))
        self.assertEqual(partner["periods"][0]["period"], "FY2018-Q1")

    def test_reseller_keys_kept_as_text(self):
        partners = {p["partner"] for p in self.output["partners"]}
        self.assertIn("676", partners)

    def test_reference_recomputation(self):
        self.assert_result_matches(self.output, self.expected)

    def test_workspace_matches_sales(self):
        workspace = self.tmp_path("adventureworks.palier")
        palier_e2e.run_cli("import", "--workspace", workspace, "--sales", SALES, *MAP_ARGS)
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--workspace", workspace,
                                     "--from", FIRST.isoformat(), "--to", LAST.isoformat(),
                                     "--format", "json")
        self.assertEqual(palier_e2e.load_json(process.stdout), self.output)


if __name__ == "__main__":
    palier_e2e.main()
