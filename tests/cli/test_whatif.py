#!/usr/bin/python3
"""The what-if flow of a sales-ops user on Superstore, end to end through
palier-cli.

The flow creates two scenarios with 8 % growth, the acceptance program
and a proposal with higher accelerators, and compares them.  It then
reads the Monte Carlo P90 cost, goal-seeks the top rate so that the P90
cost of sales is 7 % and applies it, and writes the program health, a
partner statement and the leadership report.

Figures on history are checked against reference_payouts.py run on the
CSV lines scaled by 1.08.  Superstore's amounts have at most four
decimals, so each scaled line is exact and so is their sum, which is
the scaled month total the engine computes."""

import datetime
import os
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
import reference_payouts  # noqa: E402

SALES = palier_e2e.require_shared("data", "real", "superstore", "superstore.csv")
BASELINE = palier_e2e.require_shared("acceptance", "programs", "superstore-quarterly.xml")
PROPOSAL = palier_e2e.source_path("tests", "data", "whatif", "superstore-accelerated.xml")
MAPPING = {
    "date": "Order Date",
    "partner": "Customer ID",
    "amount": "Sales",
    "margin": "Profit",
    "category": "Category",
    "segment": "Segment",
    "region": "Region",
}
MAP_ARGS = [arg for field, column in MAPPING.items()
            for arg in ("--map", "%s=%s" % (field, column))]
GROWTH = Decimal("1.08")
FIRST = datetime.date(2017, 1, 1)
LAST = datetime.date(2017, 12, 31)
# Few draws keep the test short under the sanitizers.  The seed makes
# every Monte Carlo of the flow draw the same years.
RISK_ARGS = ["--draws", "1000", "--seed", "7"]
TARGET = Decimal("0.07")
FRENCH = {"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}
STATEMENT_PARTNER = "GT-14635"
STATEMENT_PERIOD = "2017-Q4"


def ratio(value, divisor):
    """A ratio rounded half away from zero to six decimals, as the
    engine rounds cost of sales, shares and the Gini coefficient."""
    return (value / divisor).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def grown_lines():
    lines = reference_payouts.read_lines(SALES, MAPPING)
    for line in lines:
        line.amount *= GROWTH
        line.margin *= GROWTH
    return lines


def pdf_text(path, env=None):
    """Text of the PDF, with no-break spaces written as plain spaces."""
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                          check=True, env=env).stdout
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def english_money(value):
    return "${:,.2f}".format(Decimal(value))


def french_money(value):
    digits = "{:,.2f}".format(Decimal(value))
    return digits.replace(",", " ").replace(".", ",") + " $"


class WhatIfFlowTest(palier_e2e.CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines = grown_lines()
        cls.baseline = reference_payouts.Program(BASELINE)
        cls.proposal = reference_payouts.Program(PROPOSAL)

    def setUp(self):
        super().setUp()
        if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
            self.skipTest("pdftotext and pdfinfo (poppler-utils) are not installed")
        self.workspace = self.tmp_path("superstore.palier")

    def cli(self, *args, env=None):
        return palier_e2e.run_cli(*args, env=env).stdout

    def cli_json(self, *args):
        return palier_e2e.load_json(self.cli(*args, "--format", "json"))

    def expected(self, program):
        return reference_payouts.simulate(program, self.lines, FIRST, LAST)

    def test_flow(self):
        self.create_scenarios()
        self.check_comparison()
        before = self.check_monte_carlo()
        self.check_goal_seek(before)
        self.check_health()
        self.check_statement()
        self.check_report()

    def create_scenarios(self):
        self.cli("import", "--workspace", self.workspace, "--sales", SALES, *MAP_ARGS)
        self.cli("program", "add", "--workspace", self.workspace, BASELINE)
        self.cli("program", "add", "--workspace", self.workspace, PROPOSAL)
        for scenario, name, program in (("baseline", "Baseline", "superstore-2017"),
                                        ("accelerated", "Higher accelerators",
                                         "superstore-2017-accelerated")):
            self.cli("scenario", "create", scenario, "--workspace", self.workspace,
                     "--program", program, "--name", name, "--growth", "8",
                     "--fiscal-year", "2017")

    def check_comparison(self):
        comparison = self.cli_json("scenario", "compare", "baseline", "accelerated",
                                   "--workspace", self.workspace,
                                   "--chart", self.tmp_path("compare.png"))
        columns = comparison["scenarios"]
        expected = [self.expected(self.baseline), self.expected(self.proposal)]

        # 733,215.26 of sales in 2017, grown by 8 %.
        self.assertEqual(palier_e2e.money(columns[0]["sales"]), Decimal("791872.48"))
        for column, reference in zip(columns, expected):
            with self.subTest(scenario=column["scenario"]):
                self.assertEqual(palier_e2e.money(column["sales"]), reference["totals"]["sales"])
                self.assertEqual(palier_e2e.money(column["payout"]), reference["totals"]["payout"])
                self.assertEqual(palier_e2e.money(column["cost"]), reference["totals"]["payout"])
                self.assertEqual(palier_e2e.money(column["cost_of_sales"]),
                                 ratio(reference["totals"]["payout"], reference["totals"]["sales"]))
                for component, payout in reference["components"].items():
                    self.assertEqual(palier_e2e.money(column["components"][component]), payout)

        # Winners and losers: each partner's cost against the baseline's.
        first = expected[0]["partners"]
        second = expected[1]["partners"]
        gains = [p for p in second if second[p]["payout"] > first[p]["payout"]]
        losses = [p for p in second if second[p]["payout"] < first[p]["payout"]]
        self.assertEqual(columns[1]["gain"], len(gains))
        self.assertEqual(columns[1]["lose"], len(losses))
        self.assertEqual(columns[1]["same"], len(second) - len(gains) - len(losses))
        top = columns[1]["differences"][0]
        self.assertEqual(palier_e2e.money(top["difference"]),
                         max(second[p]["payout"] - first[p]["payout"] for p in second))
        self.assertTrue(os.path.getsize(self.tmp_path("compare.png")) > 0)

    def check_monte_carlo(self):
        """The scenario's Monte Carlo equals the same program, growth and
        window given as options, and its P90 cost of sales is above the
        7 % target, so that the goal-seek has work to do."""
        scenario = self.cli_json("montecarlo", "--workspace", self.workspace,
                                 "--scenario", "accelerated", *RISK_ARGS)
        options = self.cli_json("montecarlo", "--workspace", self.workspace,
                                "--program", "superstore-2017-accelerated", "--growth", "8",
                                "--from", "2017-01-01", "--to", "2017-12-31", *RISK_ARGS)

        self.assertEqual(scenario, options)
        self.assertEqual(scenario["draws"], 1000)
        self.assertEqual(scenario["partners"], len(self.expected(self.proposal)["partners"]))
        cost = scenario["cost"]
        self.assertLessEqual(cost["p10"], cost["p50"])
        self.assertLessEqual(cost["p50"], cost["p90"])
        self.assertLessEqual(cost["p90"], cost["p99"])
        self.assertGreater(scenario["cost_of_sales"]["p90"], TARGET)
        return scenario

    def check_goal_seek(self, before):
        seek = self.cli_json("goal-seek", "--workspace", self.workspace,
                             "--scenario", "accelerated", "--parameter", "rate:base:3",
                             "--target", "cost-of-sales=7%", "--on", "p90", *RISK_ARGS,
                             "--apply")
        self.assertTrue(seek["found"])
        self.assertTrue(seek["applied"])
        self.assertEqual(seek["original"], Decimal("0.13"))
        self.assertLess(seek["value"], Decimal("0.13"))
        self.assertGreater(seek["value"], Decimal("0.10"))
        self.assertLessEqual(abs(seek["achieved"] - TARGET), Decimal("0.0001"))
        self.assertLess(seek["achieved"], before["cost_of_sales"]["p90"])

        # The scenario now runs on the saved version: its Monte Carlo
        # meets the target with the same draws, and its history pays
        # what the reference pays with the new top rate.
        after = self.cli_json("montecarlo", "--workspace", self.workspace,
                              "--scenario", "accelerated", *RISK_ARGS)
        self.assertEqual(after["cost_of_sales"]["p90"], seek["achieved"])

        base = next(c for c in self.proposal.components if c.id == "base")
        base.tiers[2] = (base.tiers[2][0], seek["value"])
        self.top_rate = seek["value"]
        run = self.cli_json("scenario", "run", "accelerated", "--workspace", self.workspace)
        self.assert_result_matches(run, self.expected(self.proposal))
        self.run = run

    def check_health(self):
        health = self.cli_json("health", self.workspace, "--scenario", "accelerated")
        costs = sorted(palier_e2e.money(p["payout"]) for p in self.run["partners"])
        n = len(costs)
        total = sum(costs)
        weighted = sum((i + 1) * cost for i, cost in enumerate(costs))
        top = sum(costs[n - (n + 9) // 10:])

        self.assertEqual(health["partners"], n)
        self.assertEqual(palier_e2e.money(health["gini"]),
                         ratio(2 * weighted - (n + 1) * total, n * total))
        self.assertEqual(palier_e2e.money(health["top_decile_share"]), ratio(top, total))

    def check_statement(self):
        statement = self.cli_json("statement", self.workspace, "--scenario", "accelerated",
                                  "--partner", STATEMENT_PARTNER, "--period", STATEMENT_PERIOD)
        partner = next(p for p in self.run["partners"] if p["partner"] == STATEMENT_PARTNER)
        period = next(p for p in partner["periods"] if p["period"] == STATEMENT_PERIOD)
        base_line = next(line for line in statement["lines"] if line["component"] == "base")
        sales = sum((line.amount for line in self.lines
                     if line.partner == STATEMENT_PARTNER
                     and datetime.date(2017, 10, 1) <= line.date <= LAST), Decimal(0))

        self.assertEqual(statement["payout"], palier_e2e.money(period["payout"]))
        self.assertEqual(base_line["base"], sales)
        # A Corporate quota of 1,500: 4 % up to 1,500, 8 % up to 3,000,
        # and the top rate on the rest, each step shown to 10^-6.
        self.assertEqual(base_line["quota"], Decimal(1500))
        self.assertEqual([step["amount"] for step in base_line["steps"]],
                         [Decimal(60), Decimal(120), ratio((sales - 3000) * self.top_rate, 1)])

        # Superstore has no partner names, so the code is not repeated.
        text = self.cli("statement", self.workspace, "--scenario", "accelerated",
                        "--partner", STATEMENT_PARTNER, "--period", STATEMENT_PERIOD)
        self.assertIn("Partner: %s\n" % STATEMENT_PARTNER, text)

        for name, env, money in (("statement-en.pdf", None, english_money),
                                 ("statement-fr.pdf", FRENCH, french_money)):
            with self.subTest(statement=name):
                path = self.tmp_path(name)
                palier_e2e.run_cli("statement", self.workspace, "--scenario", "accelerated",
                                   "--partner", STATEMENT_PARTNER, "--period", STATEMENT_PERIOD,
                                   "-o", path, env=env)
                self.assertEqual(pdf_pages(path), 1)
                self.assertIn(money(period["payout"]), pdf_text(path))

    def check_report(self):
        costs = [palier_e2e.money(column["cost"]) for column in
                 self.cli_json("scenario", "compare", "baseline", "accelerated",
                               "--workspace", self.workspace)["scenarios"]]
        for name, env, money, risk_title in (("report-en.pdf", None, english_money, "Cost risk"),
                                             ("report-fr.pdf", FRENCH, french_money,
                                              "Risque de coût")):
            with self.subTest(report=name):
                path = self.tmp_path(name)
                palier_e2e.run_cli("report", self.workspace, "--scenario", "baseline",
                                   "--scenario", "accelerated", "--risk", *RISK_ARGS,
                                   "--budget", "60000", "--health", "-o", path, env=env)
                text = pdf_text(path)
                self.assertGreaterEqual(pdf_pages(path), 8)
                for cost in costs:
                    self.assertIn(money(cost), text)
                self.assertIn(risk_title, text)
                self.assertIn("P90", text)


if __name__ == "__main__":
    palier_e2e.main()
