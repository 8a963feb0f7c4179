#!/usr/bin/python3
"""palier-cli and a workspace's import history: a second import of the
same file, --replace and --allow-duplicate, "imports list" and "imports
remove", and read commands after an import killed midway."""

import hashlib
import os
import re
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import load_json, money, run_cli  # noqa: E402

JANUARY = """date,partner,amount
2024-01-05,A,600.00
2024-01-20,B,500.00
2024-01-21,A,100.25
"""

FEBRUARY = """date,partner,amount
2024-02-03,B,200.50
2024-02-14,C,50.00
"""

PROGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="urn:palier:program:1" id="flat" name="Flat program"
         currency="EUR" period="month">
  <commission id="base" name="Base commission" basis="amount" method="marginal">
    <tier from="0" rate="0.10"/>
  </commission>
</program>
"""

DUPLICATE_MESSAGE = re.compile(
    r"^palier-cli import: (?P<file>\S+) was already imported on \d{4}-\d{2}-\d{2} at \d{2}:\d{2} "
    r"\((?P<rows>\d+) rows\); use --replace to replace that import, "
    r"or --allow-duplicate to add its rows again\n$")


def fingerprint(path):
    """The fingerprint of a file under 2 MiB: the SHA-256 of its size as
    decimal text, a newline and its content."""
    with open(path, "rb") as stream:
        content = stream.read()
    return hashlib.sha256(b"%d\n" % len(content) + content).hexdigest()


class ImportsTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        self.workspace = self.tmp_path("w.palier")
        self.january = self.write("january.csv", JANUARY)
        self.february = self.write("february.csv", FEBRUARY)
        self.program = self.write("flat.xml", PROGRAM)

    def write(self, name, text):
        path = self.tmp_path(name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return path

    def import_sales(self, sales, *options, expect=0):
        return run_cli("import", "--workspace", self.workspace, "--sales", sales, *options,
                       expect=expect)

    def list_imports(self):
        process = run_cli("imports", "list", "--workspace", self.workspace)
        return [line.split("\t") for line in process.stdout.splitlines()]

    def total_sales(self):
        process = run_cli("simulate", "--program", self.program, "--workspace", self.workspace,
                          "--format", "json")
        return money(load_json(process.stdout)["totals"]["sales"])

    # A second import of the same file

    def test_same_file_rejected(self):
        self.import_sales(self.january)
        process = self.import_sales(self.january, expect=1)

        match = DUPLICATE_MESSAGE.match(process.stderr)
        self.assertIsNotNone(match, process.stderr)
        self.assertEqual(match.group("file"), self.january)
        self.assertEqual(match.group("rows"), "3")
        self.assertEqual(len(self.list_imports()), 1)
        self.assertEqual(self.total_sales(), money("1200.25"))

    def test_renamed_copy_rejected(self):
        self.import_sales(self.january)
        copy = self.write("copy.csv", JANUARY)
        process = self.import_sales(copy, expect=1)
        self.assertIn("copy.csv was already imported as january.csv on ", process.stderr)

    def test_allow_duplicate_adds_rows(self):
        self.import_sales(self.january)
        process = self.import_sales(self.january, "--allow-duplicate")
        self.assertIn("holds 6 sales lines", process.stdout)
        self.assertEqual(len(self.list_imports()), 2)
        self.assertEqual(self.total_sales(), money("2400.50"))

    def test_replace_swaps_import(self):
        self.import_sales(self.january)
        self.import_sales(self.february)
        process = self.import_sales(self.january, "--replace")

        self.assertRegex(process.stdout, r"^Replaced import 1 of %s, made on \d{4}-\d{2}-\d{2} "
                         r"\d{2}:\d{2} \(3 rows\)\.\n" % re.escape(self.january))
        self.assertIn("holds 5 sales lines", process.stdout)
        self.assertEqual([row[0] for row in self.list_imports()], ["2", "3"])
        self.assertEqual(self.total_sales(), money("1450.75"))

    def test_replace_without_earlier_import(self):
        process = self.import_sales(self.january, "--replace")
        self.assertIn("nothing was replaced", process.stdout)
        self.assertEqual(len(self.list_imports()), 1)

    def test_replace_and_allow_duplicate_exclusive(self):
        process = self.import_sales(self.january, "--replace", "--allow-duplicate", expect=2)
        self.assertIn("--replace", process.stderr)
        self.assertFalse(os.path.exists(self.workspace))

    # imports list

    def test_list_columns(self):
        self.import_sales(self.january)
        self.import_sales(self.february)
        rows = self.list_imports()

        self.assertEqual(len(rows), 2)
        for row, path, count, first, last in [
                (rows[0], self.january, "3", "2024-01-05", "2024-01-21"),
                (rows[1], self.february, "2", "2024-02-03", "2024-02-14")]:
            with self.subTest(path=path):
                self.assertEqual(len(row), 7)
                self.assertRegex(row[1], r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
                self.assertEqual(row[2:6], [count, first, last, path])
                self.assertEqual(row[6], fingerprint(path))
        self.assertEqual([rows[0][0], rows[1][0]], ["1", "2"])

    def test_list_empty_workspace(self):
        run_cli("program", "add", "--workspace", self.workspace, self.program)
        process = run_cli("imports", "list", "--workspace", self.workspace)
        self.assertEqual(process.stdout, "")

    def test_list_leaves_workspace_unchanged(self):
        self.import_sales(self.january)
        with open(self.workspace, "rb") as stream:
            before = stream.read()
        self.list_imports()
        with open(self.workspace, "rb") as stream:
            self.assertEqual(stream.read(), before)

    # imports remove

    def test_remove_takes_sales_away(self):
        self.import_sales(self.january)
        self.import_sales(self.february)
        process = run_cli("imports", "remove", "--workspace", self.workspace, "1")

        self.assertEqual(process.stdout, "Removed import 1 of %s (3 rows).\n" % self.january)
        self.assertEqual([row[0] for row in self.list_imports()], ["2"])
        self.assertEqual(self.total_sales(), money("250.50"))

        # The file can be imported again, under a new id.
        self.import_sales(self.january)
        self.assertEqual([row[0] for row in self.list_imports()], ["2", "3"])

    def test_remove_unknown_id_removes_nothing(self):
        self.import_sales(self.january)
        self.import_sales(self.february)
        process = run_cli("imports", "remove", "--workspace", self.workspace, "2", "9", expect=1)
        self.assertIn("no import 9", process.stderr)
        self.assertEqual(len(self.list_imports()), 2)

    def test_remove_usage_errors(self):
        self.import_sales(self.january)
        cases = [
            ["remove", "--workspace", self.workspace],
            ["remove", "--workspace", self.workspace, "one"],
            ["remove", "--workspace", self.workspace, "0"],
            ["list", "--workspace", self.workspace, "1"],
            ["remove", "1"],
            ["clear", "--workspace", self.workspace],
            [],
        ]
        for arguments in cases:
            with self.subTest(arguments=arguments):
                process = run_cli("imports", *arguments, expect=2)
                self.assertIn("palier-cli imports --help", process.stderr)
        self.assertEqual(len(self.list_imports()), 1)

    def test_help(self):
        process = run_cli("imports", "--help")
        self.assertIn("palier-cli imports", process.stdout)
        self.assertIn("remove", process.stdout)
        process = run_cli("help")
        self.assertIn("imports", process.stdout)
        process = run_cli("import", "--help")
        self.assertIn("--replace", process.stdout)
        self.assertIn("--allow-duplicate", process.stdout)

    # Read commands after an import killed midway

    def test_read_after_killed_import(self):
        self.import_sales(self.january)
        run_cli("program", "add", "--workspace", self.workspace, self.program)
        big = self.tmp_path("big.csv")
        with open(big, "w", encoding="utf-8") as stream:
            stream.write("date,partner,amount\n")
            for i in range(400000):
                stream.write("2023-%02d-%02d,Q%d,%d.%02d\n"
                             % (i % 12 + 1, i % 28 + 1, i % 5000, i % 997, i % 100))

        size_before = os.path.getsize(self.workspace)
        journal = self.workspace + "-journal"
        child = subprocess.Popen([palier_e2e.CLI, "import", "--workspace", self.workspace,
                                  "--sales", big],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not (os.path.exists(journal) and os.path.getsize(self.workspace) > size_before):
            self.assertIsNone(child.poll(), "the import ended before it could be killed")
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.002)
        child.send_signal(signal.SIGKILL)
        self.assertEqual(child.wait(), -signal.SIGKILL)
        self.assertTrue(os.path.exists(journal))

        process = run_cli("program", "list", "--workspace", self.workspace)
        self.assertTrue(process.stdout.startswith("flat\t"), process.stdout)
        self.assertEqual(len(self.list_imports()), 1)
        self.assertEqual(self.total_sales(), money("1200.25"))
        self.assertFalse(os.path.exists(journal))


if __name__ == "__main__":
    palier_e2e.main()
