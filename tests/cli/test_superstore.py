#!/usr/bin/python3
"""Superstore 2017 on the acceptance program, checked against the known
totals and against an independent recomputation per partner and period."""

import datetime
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
import reference_payouts  # noqa: E402

SALES = palier_e2e.require_shared("data", "real", "superstore", "superstore.csv")
PROGRAM = palier_e2e.require_shared("acceptance", "programs", "superstore-quarterly.xml")
MAPPING = {
    "date": "Order Date",
    "partner": "Customer ID",
    "amount": "Sales",
    "margin": "Profit",
    "category": "Category",
    "segment": "Segment",
    "region": "Region",
}
MAP_ARGS = ["--map", "date=Order Date", "--map", "partner=Customer ID",
            "--map", "amount=Sales", "--map", "margin=Profit",
            "--map", "category=Category", "--map", "segment=Segment",
            "--map", "region=Region"]


class SuperstoreTest(palier_e2e.CliTestCase):
    @classmethod
    def setUpClass(cls):
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--sales", SALES,
                                     *MAP_ARGS, "--from", "2017-01-01", "--to", "2017-12-31",
                                     "--format", "json")
        cls.output = palier_e2e.load_json(process.stdout)
        program = reference_payouts.Program(PROGRAM)
        lines = reference_payouts.read_lines(SALES, MAPPING)
        cls.expected = reference_payouts.simulate(program, lines,
                                                  datetime.date(2017, 1, 1),
                                                  datetime.date(2017, 12, 31))

    def test_known_totals(self):
        totals = self.output["totals"]
        self.assertEqual(palier_e2e.money(totals["sales"]), palier_e2e.money("733215.26"))
        self.assertEqual(palier_e2e.money(totals["payout"]), palier_e2e.money("46764.72"))

    def test_known_component_totals(self):
        components = {c["id"]: palier_e2e.money(c["payout"]) for c in self.output["components"]}
        self.assertEqual(components["base"], palier_e2e.money("38398.40"))
        self.assertEqual(components["tech-spiff"], palier_e2e.money("896.32"))
        self.assertEqual(components["club"], palier_e2e.money("7470.00"))

    def test_header_fields(self):
        self.assertEqual(self.output["program"], "superstore-2017")
        self.assertEqual(self.output["currency"], "USD")
        self.assertEqual(self.output["period"], "quarter")
        self.assertEqual(self.output["from"], "2017-01-01")
        self.assertEqual(self.output["to"], "2017-12-31")

    def test_reference_recomputation(self):
        self.assertEqual(self.expected["totals"]["payout"], palier_e2e.money("46764.72"))
        self.assert_result_matches(self.output, self.expected)

    def test_quarter_labels(self):
        labels = {p["period"] for partner in self.output["partners"] for p in partner["periods"]}
        self.assertEqual(labels, {"2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"})

    def test_corporate_segment_kept(self):
        segments = {p["partner"]: p["segment"] for p in self.output["partners"]}
        self.assertEqual(segments["SM-20320"], "Home Office")
        self.assertEqual(set(segments.values()), {"Consumer", "Corporate", "Home Office"})


if __name__ == "__main__":
    palier_e2e.main()
