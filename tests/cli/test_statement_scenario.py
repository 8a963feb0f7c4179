#!/usr/bin/python3
"""palier-cli statement run from a scenario names the scenario and its
assumptions in the header of the text, JSON and PDF, so that a partner
can tell that the sales were grown.  Each test runs on a copy of the
sample workspace with a scenario that grows every sale by 8 %."""

import shutil
import subprocess
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import run_cli  # noqa: E402

SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
PROGRAM = "sample-partner-program"
PARTNER = "P-0010"
PERIOD = "2024-Q4"


class StatementScenarioTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        self.workspace = self.tmp_path("sample.palier")
        shutil.copyfile(SAMPLE_WORKSPACE, self.workspace)
        run_cli("scenario", "create", "grown", "--workspace", self.workspace,
                "--program", PROGRAM, "--name", "Grown by 8", "--growth", "8",
                "--segment-growth", "Gold=2")

    def statement(self, *args):
        return run_cli("statement", "--workspace", self.workspace, "--partner", PARTNER,
                       "--period", PERIOD, *args)

    def test_text_names_scenario(self):
        text = self.statement("--scenario", "grown").stdout
        self.assertIn("Scenario: Grown by 8 (grown)", text)
        self.assertIn("Overall sales growth: +8%", text)
        self.assertIn("Growth of segment Gold: +2%", text)

    def test_json_carries_assumptions(self):
        output = palier_e2e.load_json(self.statement("--scenario", "grown", "--format", "json").stdout)
        self.assertEqual(output["scenario"]["id"], "grown")
        self.assertEqual(output["scenario"]["name"], "Grown by 8")
        self.assertIn("growth 8%", output["scenario"]["assumptions"])
        self.assertIn("Gold", output["scenario"]["assumptions"])

    def test_program_statement_has_no_scenario(self):
        output = palier_e2e.load_json(self.statement("--program", PROGRAM, "--format", "json").stdout)
        self.assertIsNone(output["scenario"])
        text = self.statement("--program", PROGRAM).stdout
        self.assertNotIn("Scenario:", text)

    def test_pdf_names_scenario(self):
        if shutil.which("pdftotext") is None:
            self.skipTest("poppler-utils (pdftotext) is not installed")
        path = self.tmp_path("statement.pdf")
        self.statement("--scenario", "grown", "-o", path)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertIn("Scenario: Grown by 8 (grown)", text)
        self.assertIn("Overall sales growth: +8%", text)


if __name__ == "__main__":
    palier_e2e.main()
