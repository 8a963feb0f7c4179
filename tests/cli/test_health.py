#!/usr/bin/python3
"""palier-cli statement and health on the sample workspace: the PDF is a
real one-page PDF with the figures in English and in French, and the
JSON outputs carry the same numbers as the simulation."""

import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import run_cli  # noqa: E402

SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
PROGRAM = "sample-partner-program"
PARTNER = "P-0012"
PERIOD = "2025-Q2"

# Generated fr_FR locale for number forms, LANGUAGE for the messages.
FRENCH = {"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}


def has_locale(name):
    process = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    return name.lower().replace("utf-8", "utf8") in process.stdout.lower()


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count for %s" % path)


class HealthTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
            self.skipTest("poppler-utils (pdfinfo, pdftotext) is not installed")

    def statement_pdf(self, name, env=None):
        path = self.tmp_path(name)
        run_cli("statement", SAMPLE_WORKSPACE, "--program", PROGRAM, "--partner", PARTNER,
                "--period", PERIOD, "-o", path, env=env)
        return path

    def simulated_payout(self):
        process = run_cli("simulate", "--workspace", SAMPLE_WORKSPACE, "--program", PROGRAM,
                          "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        partner = next(p for p in output["partners"] if p["partner"] == PARTNER)
        period = next(p for p in partner["periods"] if p["period"] == PERIOD)
        return palier_e2e.money(period["payout"])

    def test_statement_pdf_english(self):
        path = self.statement_pdf("statement.pdf")
        self.assertEqual(pdf_pages(path), 1)
        text = pdf_text(path)
        self.assertIn("Payout statement", text)
        self.assertIn("Period: 2025-Q2, 2025-04-01 to 2025-06-30", text)
        # 110 000 × 3 %, then the cap of the base commission.
        self.assertIn("€3,300.00", text)
        self.assertIn("€6,000.00", text)
        self.assertIn("€7,389.59", text)

    def test_statement_pdf_french(self):
        if not has_locale("fr_FR.UTF-8"):
            self.skipTest("the fr_FR.UTF-8 locale is not generated")
        path = self.statement_pdf("releve.pdf", env=FRENCH)
        self.assertEqual(pdf_pages(path), 1)
        text = pdf_text(path)
        self.assertIn("Relevé de versement", text)
        self.assertIn("Plafond", text)
        # pdftotext turns the narrow no-break spaces into plain ones.
        self.assertIn("7 389,59 €", text.replace("\u202f", " ").replace("\u00a0", " "))

    def test_statement_json_matches_simulation(self):
        process = run_cli("statement", SAMPLE_WORKSPACE, "--program", PROGRAM, "--partner", PARTNER,
                          "--period", PERIOD, "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        self.assertEqual(palier_e2e.money(output["payout"]), self.simulated_payout())
        self.assertEqual([line["component"] for line in output["lines"]],
                         ["base", "services-spiff", "quota-club"])

    def test_statement_text_to_stdout(self):
        process = run_cli("statement", SAMPLE_WORKSPACE, "--program", PROGRAM, "--partner", PARTNER,
                          "--period", PERIOD)
        self.assertIn("Total payout: €7,389.59", process.stdout)

    def test_statement_unknown_partner(self):
        process = run_cli("statement", SAMPLE_WORKSPACE, "--program", PROGRAM, "--partner", "NOPE",
                          "--period", PERIOD, expect=1)
        self.assertIn("partner “NOPE” not found", process.stderr)

    def test_statement_pdf_needs_output(self):
        process = run_cli("statement", SAMPLE_WORKSPACE, "--program", PROGRAM, "--partner", PARTNER,
                          "--period", PERIOD, "--format", "pdf", expect=2)
        self.assertIn("--output", process.stderr)

    def test_health_json(self):
        process = run_cli("health", SAMPLE_WORKSPACE, "--program", PROGRAM, "--near", "5%",
                          "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        self.assertEqual(output["partners"], 300)
        self.assertEqual(output["near"], palier_e2e.money("0.05"))
        self.assertTrue(0 < output["gini"] < 1)
        self.assertEqual(len({c["partner"] for c in output["cliffs"]}), output["near_partners"])
        for cliff in output["cliffs"]:
            self.assertLess(cliff["base"], cliff["boundary"])
            self.assertGreaterEqual(cliff["base"], cliff["boundary"] * palier_e2e.money("0.95"))
            self.assertGreater(cliff["step"], 0)

    def test_health_near_changes_count(self):
        narrow = palier_e2e.load_json(run_cli("health", SAMPLE_WORKSPACE, "--program", PROGRAM,
                                              "--near", "1%", "--format", "json").stdout)
        wide = palier_e2e.load_json(run_cli("health", SAMPLE_WORKSPACE, "--program", PROGRAM,
                                            "--near", "0.1", "--format", "json").stdout)
        self.assertLess(narrow["near_partners"], wide["near_partners"])

    def test_health_chart(self):
        path = self.tmp_path("health.pdf")
        run_cli("health", SAMPLE_WORKSPACE, "--program", PROGRAM, "--chart", path)
        self.assertEqual(pdf_pages(path), 1)
        self.assertIn("Program health", pdf_text(path))

    def test_health_invalid_near(self):
        process = run_cli("health", SAMPLE_WORKSPACE, "--program", PROGRAM, "--near", "five",
                          expect=2)
        self.assertIn("invalid --near “five”", process.stderr)


if __name__ == "__main__":
    palier_e2e.main()
