#!/usr/bin/python3
"""French messages from the built catalogue, and file outputs that do
not change with the locale."""

import subprocess
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import run_cli  # noqa: E402

SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
SAMPLE_PROGRAM = palier_e2e.source_path("data", "sample", "sample-program.xml")

# LANGUAGE selects the messages without a generated French locale; it is
# ignored under the plain C locale, hence C.UTF-8.
FRENCH = {"LANGUAGE": "fr", "LANG": "C.UTF-8", "LC_ALL": ""}


def has_locale(name):
    process = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    expected = name.lower().replace("-", "")
    return any(line.lower().replace("-", "") == expected for line in process.stdout.split())


class TranslationTest(palier_e2e.CliTestCase):
    def test_command_list_in_french(self):
        process = run_cli("--help", env=FRENCH)
        self.assertIn("Commandes", process.stdout)
        self.assertIn("Importer un fichier CSV de ventes", process.stdout)

    def test_command_help_in_french(self):
        process = run_cli("simulate", "--help", env=FRENCH)
        self.assertIn("Fichier de programme", process.stdout)

    def test_usage_error_in_french(self):
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                          "--format", "xml", env=FRENCH, expect=2)
        self.assertIn("--format «\u00a0xml\u00a0» non valide", process.stderr)

    def test_core_error_in_french(self):
        broken = self.tmp_path("broken.xml")
        with open(SAMPLE_PROGRAM, encoding="utf-8") as source, \
                open(broken, "w", encoding="utf-8") as target:
            target.write(source.read().replace("<tier ", "<tire ", 1))
        process = run_cli("validate", broken, env=FRENCH, expect=1)
        self.assertIn("broken.xml", process.stderr)
        self.assertIn("programme non valide", process.stderr)

    def test_import_summary_in_french(self):
        sales = self.tmp_path("ventes.csv")
        with open(sales, "w", encoding="utf-8") as stream:
            stream.write("date,partner,amount\n2024-01-05,A,600.00\n2024-01-20,B,500.00\n")
        process = run_cli("import", "--workspace", self.tmp_path("w.palier"), "--sales", sales,
                          env=FRENCH)
        self.assertIn("2 lignes importées", process.stdout)
        self.assertIn("2 lignes de ventes de 2 partenaires", process.stdout)

    def test_json_ignores_locale(self):
        if not has_locale("fr_FR.UTF-8"):
            self.skipTest("the fr_FR.UTF-8 locale is not generated")
        args = ["simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                "--format", "json"]
        english = run_cli(*args).stdout
        french = run_cli(*args, env={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}).stdout
        self.assertEqual(french, english)

    def test_csv_ignores_locale(self):
        if not has_locale("fr_FR.UTF-8"):
            self.skipTest("the fr_FR.UTF-8 locale is not generated")
        args = ["simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                "--format", "csv"]
        english = run_cli(*args).stdout
        french = run_cli(*args, env={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}).stdout
        self.assertEqual(french, english)


if __name__ == "__main__":
    palier_e2e.main()
