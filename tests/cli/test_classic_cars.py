#!/usr/bin/python3
"""Classic-cars dealer sales: M/D/YYYY dates with a time, dealer names as
partner ids, and the territory "NA" (North America), which must stay the
text "NA" and not become an empty value."""

import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
import reference_payouts  # noqa: E402

SALES = palier_e2e.require_shared("data", "real", "classic-cars", "sales_data_sample.csv")
PROGRAM = palier_e2e.program_path("classic-cars-na.xml")
MAPPING = {
    "date": "ORDERDATE",
    "partner": "CUSTOMERNAME",
    "amount": "SALES",
    "quantity": "QUANTITYORDERED",
    "category": "PRODUCTLINE",
    "region": "TERRITORY",
    "deal": "ORDERNUMBER",
}
MAP_ARGS = [arg for field, column in MAPPING.items()
            for arg in ("--map", "%s=%s" % (field, column))]


class ClassicCarsTest(palier_e2e.CliTestCase):
    @classmethod
    def setUpClass(cls):
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--sales", SALES,
                                     *MAP_ARGS, "--format", "json")
        cls.output = palier_e2e.load_json(process.stdout)
        program = reference_payouts.Program(PROGRAM)
        lines = reference_payouts.read_lines(SALES, MAPPING, date_order="mdy")
        cls.expected = reference_payouts.simulate(program, lines)

    def test_total_sales(self):
        self.assertEqual(palier_e2e.money(self.output["totals"]["sales"]),
                         palier_e2e.money("10032628.85"))

    def test_date_range_from_data(self):
        self.assertEqual(self.output["from"], "2003-01-06")
        self.assertEqual(self.output["to"], "2005-05-31")

    def test_half_year_labels(self):
        labels = {p["period"] for partner in self.output["partners"] for p in partner["periods"]}
        self.assertEqual(labels, {"2003-H1", "2003-H2", "2004-H1", "2004-H2", "2005-H1"})

    def test_na_region_pays(self):
        components = {c["id"]: palier_e2e.money(c["payout"]) for c in self.output["components"]}
        self.assertGreater(components["na-commission"], 0)
        self.assertEqual(components["na-commission"], self.expected["components"]["na-commission"])

    def test_na_dealer_paid_emea_dealer_not(self):
        partners = {p["partner"]: p for p in self.output["partners"]}
        american = sum(palier_e2e.money(p["components"]["na-commission"])
                       for p in partners["Mini Gifts Distributors Ltd."]["periods"])
        european = sum(palier_e2e.money(p["components"]["na-commission"])
                       for p in partners["Euro Shopping Channel"]["periods"])
        self.assertGreater(american, 0)
        self.assertEqual(european, 0)

    def test_reference_recomputation(self):
        self.assert_result_matches(self.output, self.expected)

    def test_explicit_date_format_same_result(self):
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--sales", SALES,
                                     *MAP_ARGS, "--date-format", "MM/DD/YYYY", "--format", "json")
        self.assertEqual(palier_e2e.load_json(process.stdout), self.output)


if __name__ == "__main__":
    palier_e2e.main()
