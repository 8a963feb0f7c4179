#!/usr/bin/python3
"""palier-cli's what-if outputs on a copy of the sample workspace: tables
that stay aligned in French, one default seed, kept partner names and
statement bases a reviewer can recompute."""

import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import run_cli  # noqa: E402

SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
PROGRAM = "sample-partner-program"

# Generated fr_FR locale for number forms, LANGUAGE for the messages.
FRENCH = {"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}


def has_locale(name):
    process = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    return name.lower().replace("utf-8", "utf8") in process.stdout.lower()


def table_lines(text):
    """The lines of the first table of @text: up to the first blank line."""
    lines = []
    for line in text.splitlines():
        if not line.strip():
            break
        lines.append(line)
    return lines


class PolishTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        self.workspace = self.tmp_path("sample.palier")
        shutil.copyfile(SAMPLE_WORKSPACE, self.workspace)

    def scenario(self, *args, env=None, expect=0):
        return run_cli("scenario", *args, "--workspace", self.workspace, env=env, expect=expect)

    def create_scenarios(self):
        self.scenario("create", "base", "--program", PROGRAM, "--name", "Base – 2025",
                      "--growth", "8%")
        self.scenario("create", "growth", "--program", PROGRAM, "--name", "Growth 12 €",
                      "--growth", "12%")

    def assert_aligned(self, lines):
        """Check that every line of a table whose last column is
        right-aligned ends at the same terminal column.  Python counts
        characters, and each character of these tables is one column."""
        self.assertGreater(len(lines), 3)
        widths = {len(line) for line in lines}
        self.assertEqual(len(widths), 1, "\n".join(lines))

    def test_compare_table_aligned_english(self):
        self.create_scenarios()
        process = self.scenario("compare", "base", "growth")
        self.assert_aligned(table_lines(process.stdout))

    def test_compare_table_aligned_french(self):
        if not has_locale("fr_FR.UTF-8"):
            self.skipTest("the fr_FR.UTF-8 locale is not installed")
        self.create_scenarios()
        process = self.scenario("compare", "base", "growth", env=FRENCH)
        lines = table_lines(process.stdout)
        self.assertIn("Base – 2025", lines[0])
        self.assertIn("\u202f", lines[1])
        self.assert_aligned(lines)

    def test_differences_aligned_french(self):
        if not has_locale("fr_FR.UTF-8"):
            self.skipTest("the fr_FR.UTF-8 locale is not installed")
        self.create_scenarios()
        process = self.scenario("compare", "base", "growth", env=FRENCH)
        listing = process.stdout.split("\n\n", 1)[1]
        self.assert_aligned(listing.splitlines()[1:])

    def test_montecarlo_table_aligned_french(self):
        if not has_locale("fr_FR.UTF-8"):
            self.skipTest("the fr_FR.UTF-8 locale is not installed")
        process = run_cli("montecarlo", "--workspace", self.workspace, "--program", PROGRAM,
                          "--draws", "200", env=FRENCH)
        table = process.stdout.split("\n\n", 1)[1]
        self.assert_aligned(table_lines(table))


    def test_default_seed_everywhere(self):
        self.create_scenarios()
        montecarlo = run_cli("montecarlo", "--workspace", self.workspace, "--scenario", "growth",
                             "--draws", "50", "--format", "json")
        self.assertEqual(palier_e2e.load_json(montecarlo.stdout)["seed"], 1)

        report = self.tmp_path("report.pdf")
        run_cli("report", self.workspace, "--scenario", "base", "--scenario", "growth",
                "--risk", "--draws", "50", "-o", report)
        text = subprocess.run(["pdftotext", report, "-"], capture_output=True, text=True,
                              check=True).stdout
        self.assertIn("(seed 1)", " ".join(text.split()))

    def test_report_seed_needs_risk(self):
        self.create_scenarios()
        process = run_cli("report", self.workspace, "--scenario", "base", "--seed", "1",
                          "-o", self.tmp_path("report.pdf"), expect=2)
        self.assertIn("need --risk", process.stderr)

    def test_report_invalid_seed(self):
        process = run_cli("report", self.workspace, "--scenario", "base", "--risk",
                          "--seed", "seven", "-o", self.tmp_path("report.pdf"), expect=2)
        self.assertIn("invalid --seed “seven”", process.stderr)

if __name__ == "__main__":
    palier_e2e.main()
