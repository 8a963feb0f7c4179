#!/usr/bin/python3
"""palier-cli scenario on Superstore: the acceptance program as baseline
and a proposal with higher accelerators, both with 8 % growth in fiscal
2017, checked against an independent recomputation with Decimal."""

import datetime
import os
import re
import sys
import tempfile
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

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
GROWTH = Decimal("1.08")
MILLIONTH = Decimal("0.000001")


def proposal_xml():
    """The acceptance program with its accelerators raised: 7 % -> 9 %
    and 10 % -> 13 % above quota, under another id."""
    with open(PROGRAM, encoding="utf-8") as stream:
        text = stream.read()
    text = text.replace('id="superstore-2017"', 'id="superstore-2017-proposal"', 1)
    text = text.replace('<tier from="1.0" rate="0.07"/>', '<tier from="1.0" rate="0.09"/>')
    text = text.replace('<tier from="2.0" rate="0.10"/>', '<tier from="2.0" rate="0.13"/>')
    return text


def grown_lines(lines, growth):
    """One line per partner, month, category and region, its sums times
    @growth rounded half away from zero to a millionth, as the scenario
    documentation defines the growth."""
    groups = defaultdict(lambda: [Decimal(0), Decimal(0)])
    segments = {}
    for line in lines:
        key = (line.partner, line.date.year, line.date.month, line.category, line.region)
        groups[key][0] += line.amount
        groups[key][1] += line.margin
        segments.setdefault(key, line.segment)

    grown = []
    for key, (amount, margin) in sorted(groups.items(), key=lambda item: str(item[0])):
        line = reference_payouts.Line()
        line.partner, year, month, line.category, line.region = key
        line.date = datetime.date(year, month, 1)
        line.amount = (amount * growth).quantize(MILLIONTH, rounding=ROUND_HALF_UP)
        line.margin = (margin * growth).quantize(MILLIONTH, rounding=ROUND_HALF_UP)
        line.quantity = Decimal(0)
        line.product = None
        line.deal = None
        line.segment = segments[key]
        grown.append(line)
    return grown


class ScenarioTest(palier_e2e.CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls._workspace_dir = tempfile.TemporaryDirectory(prefix="palier-scenario-test-")
        cls.workspace = os.path.join(cls._workspace_dir.name, "superstore.palier")
        proposal = os.path.join(cls._workspace_dir.name, "proposal.xml")
        with open(proposal, "w", encoding="utf-8") as stream:
            stream.write(proposal_xml())

        palier_e2e.run_cli("import", "--workspace", cls.workspace, "--sales", SALES, *MAP_ARGS)
        palier_e2e.run_cli("program", "add", "--workspace", cls.workspace, PROGRAM, proposal)
        for scenario, program in (("baseline", "superstore-2017"),
                                  ("proposal", "superstore-2017-proposal")):
            palier_e2e.run_cli("scenario", "create", scenario, "--workspace", cls.workspace,
                               "--program", program, "--name", scenario.capitalize(),
                               "--fiscal-year", "2017", "--growth", "8%")

        process = palier_e2e.run_cli("scenario", "run", "baseline", "--workspace", cls.workspace,
                                     "--format", "json")
        cls.baseline = palier_e2e.load_json(process.stdout)

    @classmethod
    def tearDownClass(cls):
        cls._workspace_dir.cleanup()

    def cli(self, *args, expect=0):
        return palier_e2e.run_cli("scenario", *args, "--workspace", self.workspace, expect=expect)

    def test_baseline_matches_reference(self):
        program = reference_payouts.Program(PROGRAM)
        lines = grown_lines(reference_payouts.read_lines(SALES, MAPPING), GROWTH)
        expected = reference_payouts.simulate(program, lines,
                                              datetime.date(2017, 1, 1),
                                              datetime.date(2017, 12, 31))
        self.assertEqual(self.baseline["from"], "2017-01-01")
        self.assertEqual(self.baseline["to"], "2017-12-31")
        self.assert_result_matches(self.baseline, expected)

    def test_neutral_run_equals_simulate(self):
        self.cli("create", "neutral", "--program", "superstore-2017", "--fiscal-year", "2017")
        run = self.cli("run", "neutral", "--format", "json")
        simulate = palier_e2e.run_cli("simulate", "--workspace", self.workspace,
                                      "--program", "superstore-2017",
                                      "--from", "2017-01-01", "--to", "2017-12-31",
                                      "--format", "json")
        self.assertEqual(run.stdout, simulate.stdout)
        self.cli("remove", "neutral")

    def test_compare_proposal_costs_more(self):
        chart = self.tmp_path("compare.png")
        process = self.cli("compare", "baseline", "proposal", "--format", "json", "--chart", chart)
        columns = palier_e2e.load_json(process.stdout)["scenarios"]
        baseline, proposal = columns

        self.assertEqual(baseline["scenario"], "Baseline")
        self.assertEqual(palier_e2e.money(baseline["payout"]),
                         palier_e2e.money(self.baseline["totals"]["payout"]))
        self.assertGreater(palier_e2e.money(proposal["payout"]),
                           palier_e2e.money(baseline["payout"]))
        n_partners = len(self.baseline["partners"])
        self.assertEqual(sum(baseline["tier_counts"]), n_partners)
        self.assertEqual(baseline["tier_counts"], proposal["tier_counts"])
        self.assertEqual(proposal["gain"] + proposal["lose"] + proposal["same"], n_partners)
        self.assertEqual(proposal["lose"], 0)
        self.assertGreater(os.path.getsize(chart), 1000)

    def test_compare_table_names_scenarios(self):
        process = self.cli("compare", "baseline", "proposal")
        self.assertRegex(process.stdout, r"Baseline\s+Proposal")
        self.assertIn("Partners at tier 3", process.stdout)

    def test_runs_are_kept(self):
        process = self.cli("show", "baseline")
        self.assertIn("growth 8%", process.stdout)
        self.assertRegex(process.stdout, re.compile(r"run \d+ .* program version \d+"))

    def test_list_shows_assumptions(self):
        process = self.cli("list")
        self.assertIn("baseline\tBaseline\tsuperstore-2017\t2017-01-01 – 2017-12-31\tgrowth 8%",
                      process.stdout)

    def test_invalid_growth_is_usage_error(self):
        process = self.cli("create", "bad", "--program", "superstore-2017", "--growth", "8,5",
                           expect=2)
        self.assertIn("“8,5”", process.stderr)

    def test_unknown_partner_fails(self):
        self.cli("create", "ghost", "--program", "superstore-2017", "--add", "NEW=NOPE-1*2")
        process = self.cli("run", "ghost", expect=1)
        self.assertIn("“NOPE-1”", process.stderr)
        self.cli("remove", "ghost")

    def test_compare_takes_at_most_four(self):
        self.cli("compare", "baseline", "proposal", "baseline", "proposal", "baseline", expect=2)


if __name__ == "__main__":
    palier_e2e.main()
