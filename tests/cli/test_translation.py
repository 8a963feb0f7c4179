#!/usr/bin/python3
"""French messages from the built catalogue, and file outputs that do
not change with the locale."""

import ast
import glob
import os
import re
import shutil
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


# Help lines that GLib writes and translates in its own domain.
GLIB_HELP = {"Help Options:", "Application Options:", "Show help options"}

# An option line of GLib's help: "  -p, --program=FILE.xml    Program file".
OPTION_LINE = re.compile(r"^\s+(?:-\w, )?--[\w-]+(?:=(\S+))?\s{2,}(\S.*)$")


def cli_msgids():
    """Return the msgids that xgettext extracts from palier-cli's sources,
    or None when xgettext is not installed."""
    xgettext = shutil.which("xgettext")
    if xgettext is None:
        return None
    sources = sorted(glob.glob(palier_e2e.source_path("src", "cli", "*.c")))
    process = subprocess.run([xgettext, "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                              "--keyword=ngettext:1,2", "--output=-", *sources],
                             capture_output=True, text=True, check=True)
    msgids = set()
    current = None
    for line in process.stdout.splitlines():
        if line.startswith("msgid ") or line.startswith("msgid_plural "):
            current = [line.split(" ", 1)[1]]
        elif line.startswith('"') and current is not None:
            current.append(line)
        else:
            if current is not None:
                # The escapes of a PO string (\n, \", \\) are Python's too.
                msgids.add("".join(ast.literal_eval(part) for part in current))
            current = None
    return msgids


def help_pieces(text):
    """Split a GLib --help text into the parameter string, the summary
    and each option's argument name and description."""
    lines = text.rstrip("\n").split("\n")
    usage = lines[1].split("[OPTION\u2026]", 1)
    pieces = [usage[1].strip()] if len(usage) == 2 and usage[1].strip() else []
    end = lines.index("Help Options:")
    summary = "\n".join(lines[3:end]).strip("\n")
    if summary:
        pieces.append(summary)
    for line in lines[end:]:
        match = OPTION_LINE.match(line)
        if match:
            pieces.extend(piece for piece in match.groups() if piece is not None)
    return [piece for piece in pieces if piece not in GLIB_HELP]


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

    def test_help_texts_are_translatable(self):
        msgids = cli_msgids()
        if msgids is None:
            self.skipTest("xgettext is not installed")

        def assert_msgid(text):
            self.assertTrue(text in msgids, "%r is not marked for translation" % text)

        lines = run_cli("--help").stdout.rstrip("\n").split("\n")
        usage = lines[1].split()
        self.assertEqual(usage[0], "palier-cli")
        pieces = [lines[0], lines[3], lines[-1], *usage[1:]]
        pieces += [line.split(None, 1)[1] for line in lines[4:-2]]
        for piece in pieces:
            with self.subTest(command="palier-cli", text=piece):
                assert_msgid(piece)

        for command in ["import", "simulate", "compare", "validate", "chart", "program"]:
            pieces = help_pieces(run_cli(command, "--help").stdout)
            self.assertGreaterEqual(len(pieces), 2, command)
            for piece in pieces:
                with self.subTest(command=command, text=piece):
                    assert_msgid(piece)

        for parameters in ["FILE.xml\u2026", "ID", "ID\u2026"]:
            assert_msgid(parameters)

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
