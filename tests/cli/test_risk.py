#!/usr/bin/python3
"""palier-cli montecarlo and goal-seek on Superstore 2017 with the
acceptance program: the P90 is printed, a fixed seed gives the same
figures, and a goal-seek of the top rate meets a P90 cost of sales of
7 %."""

import os
import sys
from decimal import Decimal

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402

SALES = palier_e2e.require_shared("data", "real", "superstore", "superstore.csv")
PROGRAM = palier_e2e.require_shared("acceptance", "programs", "superstore-quarterly.xml")
MAP_ARGS = ["--map", "date=Order Date", "--map", "partner=Customer ID",
            "--map", "amount=Sales", "--map", "margin=Profit",
            "--map", "category=Category", "--map", "segment=Segment",
            "--map", "region=Region"]
RANGE = ["--from", "2017-01-01", "--to", "2017-12-31"]


class RiskTest(palier_e2e.CliTestCase):
    def workspace(self):
        path = os.path.join(self.tmp, "superstore.palier")
        palier_e2e.run_cli("import", "--workspace", path, "--sales", SALES, *MAP_ARGS)
        palier_e2e.run_cli("program", "add", "--workspace", path, PROGRAM)
        return path

    def test_montecarlo_prints_p90(self):
        workspace = self.workspace()
        process = palier_e2e.run_cli("montecarlo", "--workspace", workspace,
                                     "--program", "superstore-2017", *RANGE,
                                     "--draws", "2000", "--seed", "7", "--budget", "50000")
        self.assertIn("P90", process.stdout)
        self.assertIn("$50,000.00", process.stdout)

    def test_montecarlo_json_is_seeded(self):
        workspace = self.workspace()
        args = ["montecarlo", "--workspace", workspace, "--program", "superstore-2017",
                *RANGE, "--draws", "2000", "--seed", "7", "--format", "json"]
        first = palier_e2e.load_json(palier_e2e.run_cli(*args).stdout)
        again = palier_e2e.load_json(palier_e2e.run_cli(*args).stdout)
        self.assertEqual(first, again)
        self.assertEqual(first["draws"], 2000)
        self.assertEqual(first["partners"], 693)
        cost = first["cost"]
        self.assertLess(cost["p10"], cost["p50"])
        self.assertLess(cost["p50"], cost["p90"])
        # The mean of the draws is close to the history's 46,764.72: for
        # components paid per quarter their expectations are equal.
        self.assertLess(abs(cost["mean"] - Decimal("46764.72")), Decimal("500"))

    def test_goal_seek_top_rate_p90(self):
        workspace = self.workspace()
        process = palier_e2e.run_cli("goal-seek", "--workspace", workspace,
                                     "--program", "superstore-2017", *RANGE,
                                     "--parameter", "rate:base:3",
                                     "--target", "cost-of-sales=7%", "--on", "p90",
                                     "--draws", "500", "--format", "json", "--apply")
        result = palier_e2e.load_json(process.stdout)
        self.assertTrue(result["found"])
        self.assertEqual(result["achieved"], Decimal("0.070000"))
        self.assertTrue(result["applied"])
        shown = palier_e2e.run_cli("program", "show", "--workspace", workspace,
                                   "superstore-2017")
        self.assertIn(str(result["value"]).rstrip("0"), shown.stdout)

    def test_goal_seek_no_solution(self):
        workspace = self.workspace()
        process = palier_e2e.run_cli("goal-seek", "--workspace", workspace,
                                     "--program", "superstore-2017", *RANGE,
                                     "--parameter", "amount:club:1",
                                     "--target", "cost=1", "--format", "json", expect=1)
        result = palier_e2e.load_json(process.stdout)
        self.assertFalse(result["found"])

    def test_goal_seek_bad_parameter(self):
        workspace = self.workspace()
        process = palier_e2e.run_cli("goal-seek", "--workspace", workspace,
                                     "--program", "superstore-2017",
                                     "--parameter", "rate:base",
                                     "--target", "cost=1", expect=2)
        self.assertIn("rate:COMPONENT:TIER", process.stderr)


if __name__ == "__main__":
    palier_e2e.main()
