#!/usr/bin/python3
"""palier-cli goal-seek reads a cost-of-sales target in percent and exits
with 1 when no value meets it.  Health, statement and report take the
workspace as --workspace or as a plain argument.  Each test runs on a
copy of the sample workspace."""

import shutil
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import run_cli  # noqa: E402

SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
PROGRAM = "sample-partner-program"

# The top tier's rate of the base commission.  Between 0 and 100 %, it
# moves the sample's cost of sales from 3.73 % to 6.07 %.
TOP_RATE = "rate:base:3"


class PolishFinalTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        self.workspace = self.tmp_path("sample.palier")
        shutil.copyfile(SAMPLE_WORKSPACE, self.workspace)

    def goal_seek(self, target, expect=0):
        process = run_cli("goal-seek", "--workspace", self.workspace, "--program", PROGRAM,
                          "--parameter", TOP_RATE, "--target", "cost-of-sales=" + target,
                          "--format", "json", expect=expect)
        return palier_e2e.load_json(process.stdout)

    def test_cost_of_sales_plain_is_percent(self):
        result = self.goal_seek("5")
        self.assertTrue(result["found"])
        self.assertEqual(str(result["target"]), "0.050000")
        self.assertEqual(str(result["achieved"]), "0.050000")

    def test_cost_of_sales_forms_agree(self):
        plain = self.goal_seek("5")
        with_sign = self.goal_seek("5%")
        self.assertEqual(plain["value"], with_sign["value"])
        self.assertEqual(str(self.goal_seek("4.5")["target"]), "0.045000")

    def test_no_solution_exits_1(self):
        result = self.goal_seek("7", expect=1)
        self.assertFalse(result["found"])
        self.assertEqual(str(result["target"]), "0.070000")

    def test_goal_seek_help_names_status(self):
        process = run_cli("goal-seek", "--help")
        self.assertIn("status 1", process.stdout)

    def test_health_takes_workspace_option(self):
        option = run_cli("health", "--workspace", self.workspace, "--program", PROGRAM,
                         "--format", "json")
        plain = run_cli("health", self.workspace, "--program", PROGRAM, "--format", "json")
        self.assertEqual(option.stdout, plain.stdout)

    def test_health_rejects_two_workspaces(self):
        process = run_cli("health", "--workspace", self.workspace, self.workspace,
                          "--program", PROGRAM, expect=2)
        self.assertIn("not both", process.stderr)

    def test_health_needs_workspace(self):
        process = run_cli("health", "--program", PROGRAM, expect=2)
        self.assertIn("--workspace", process.stderr)

    def test_statement_takes_workspace_option(self):
        args = ["--program", PROGRAM, "--partner", "P-0010", "--period", "2024-Q4",
                "--format", "json"]
        option = run_cli("statement", "--workspace", self.workspace, *args)
        plain = run_cli("statement", self.workspace, *args)
        self.assertEqual(option.stdout, plain.stdout)
        self.assertIn("P-0010", option.stdout)

    def test_report_takes_workspace_option(self):
        run_cli("scenario", "create", "base", "--workspace", self.workspace,
                "--program", PROGRAM, "--name", "Base")
        output = self.tmp_path("report.pdf")
        run_cli("report", "--workspace", self.workspace, "--scenario", "base",
                "--output", output)
        with open(output, "rb") as pdf:
            self.assertEqual(pdf.read(5), b"%PDF-")


if __name__ == "__main__":
    palier_e2e.main()
