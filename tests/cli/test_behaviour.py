#!/usr/bin/python3
"""palier-cli's behaviour as a command: help, exit statuses, error
messages, atomic outputs, workspaces and charts.  Runs on the sample
sales built into build/data/sample and on small files written here."""

import json
import os
import sys

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import money, run_cli  # noqa: E402

SAMPLE_SALES = palier_e2e.build_path("data", "sample", "sample-sales.csv")
SAMPLE_WORKSPACE = palier_e2e.build_path("data", "sample", "sample.palier")
SAMPLE_PROGRAM = palier_e2e.source_path("data", "sample", "sample-program.xml")
SAMPLE_MAP = ["--map", "date=Date", "--map", "partner=Partner ID", "--map", "amount=Amount",
              "--map", "margin=Margin", "--map", "quantity=Quantity", "--map", "product=Product",
              "--map", "category=Category", "--map", "region=Region", "--map", "segment=Segment",
              "--map", "deal=Deal ID"]
COMMANDS = ["import", "simulate", "compare", "validate", "chart", "program"]

SMALL_PROGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="urn:palier:program:1" id="small" name="Small program"
         currency="EUR" period="month">
  <quota amount="1000"/>
  <commission id="base" name="Base commission" basis="amount" method="retroactive">
    <tier from="0" rate="0.05"/>
    <tier from="1000" rate="0.10"/>
  </commission>
</program>
"""

SMALL_SALES = """date,partner,amount
2024-01-05,A,600.00
2024-01-20,A,500.00
2024-01-21,B,abc
2024-02-03,B,200.50
"""

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"


class BehaviourTest(palier_e2e.CliTestCase):
    def write(self, name, text):
        path = self.tmp_path(name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return path

    # Help and usage

    def test_version(self):
        process = run_cli("--version")
        self.assertRegex(process.stdout, r"^palier-cli \d+\.\d+\.\d+\n$")

    def test_no_command_lists_commands(self):
        process = run_cli(expect=2)
        for command in COMMANDS:
            self.assertIn(command, process.stderr)

    def test_help_lists_commands(self):
        process = run_cli("help")
        for command in COMMANDS:
            self.assertIn(command, process.stdout)

    def test_command_help_exits_zero(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                process = run_cli(command, "--help")
                self.assertIn("palier-cli " + command, process.stdout)

    def test_help_of_command(self):
        process = run_cli("help", "simulate")
        self.assertIn("--program", process.stdout)
        self.assertIn("--decimal-mark", process.stdout)

    def test_unknown_command(self):
        process = run_cli("frobnicate", expect=2)
        self.assertIn("frobnicate", process.stderr)

    def test_unknown_option(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                process = run_cli(command, "--no-such-option", expect=2)
                self.assertIn("--no-such-option", process.stderr)

    def test_bad_option_values(self):
        cases = [
            ["--format", "xml"],
            ["--from", "2024-13-01"],
            ["--to", "31/12/2024"],
            ["--from", "2025-01-01", "--to", "2024-01-01"],
            ["--map", "amount"],
            ["--map", "price=Amount"],
            ["--map", "amount=Amount", "--map", "amount=Margin"],
            ["--decimal-mark", "semicolon"],
            ["--delimiter", "ab"],
        ]
        for extra in cases:
            with self.subTest(options=extra):
                process = run_cli("simulate", "--program", SAMPLE_PROGRAM,
                                  "--sales", SAMPLE_SALES, *extra, expect=2)
                self.assertIn(extra[-1].split("=")[0], process.stderr)

    def test_sales_source_required_once(self):
        run_cli("simulate", "--program", SAMPLE_PROGRAM, expect=2)
        run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                "--sales", SAMPLE_SALES, expect=2)
        run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                "--map", "amount=Amount", expect=2)

    def test_required_options(self):
        run_cli("simulate", "--sales", SAMPLE_SALES, expect=2)
        run_cli("import", "--sales", SAMPLE_SALES, expect=2)
        run_cli("compare", "--baseline", SAMPLE_PROGRAM, "--sales", SAMPLE_SALES, expect=2)
        run_cli("validate", expect=2)
        run_cli("chart", "--program", SAMPLE_PROGRAM, "--kind", "periods", expect=2)
        run_cli("program", "list", expect=2)

    # Missing and invalid files

    def test_missing_program_named(self):
        missing = self.tmp_path("no-such-program.xml")
        process = run_cli("simulate", "--program", missing, "--sales", SAMPLE_SALES, expect=1)
        self.assertIn("no-such-program.xml", process.stderr)

    def test_missing_sales_named(self):
        missing = self.tmp_path("no-such-sales.csv")
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--sales", missing, expect=1)
        self.assertIn("no-such-sales.csv", process.stderr)

    def test_missing_sales_plain_sentence(self):
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--sales", "nosuch.csv",
                          expect=1)
        self.assertIn("nosuch.csv: file not found; check the path", process.stderr)
        self.assertNotIn("Error opening", process.stderr)

    def test_missing_workspace_named(self):
        missing = self.tmp_path("no-such-workspace.palier")
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", missing, expect=1)
        self.assertIn("no-such-workspace.palier", process.stderr)
        self.assertFalse(os.path.exists(missing))

    def test_unknown_column_lists_headers(self):
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--sales", SAMPLE_SALES,
                          "--map", "amount=Revenue", expect=1)
        self.assertIn("Revenue", process.stderr)
        self.assertIn("Amount", process.stderr)

    def test_invalid_program_names_element(self):
        broken = self.write("broken.xml", SMALL_PROGRAM.replace("<tier from=\"1000\"",
                                                                "<tire from=\"1000\""))
        process = run_cli("validate", broken, expect=1)
        self.assertIn("broken.xml", process.stderr)
        self.assertIn("tire", process.stderr)

        process = run_cli("simulate", "--program", broken, "--sales", SAMPLE_SALES, expect=1)
        self.assertIn("tire", process.stderr)

    def test_schema_errors_plain_sentences(self):
        cases = [
            (SMALL_PROGRAM.replace(' xmlns="urn:palier:program:1"', ""),
             "plan.xml:3: not a valid program: <program> is not in the Palier program namespace "
             "\u201curn:palier:program:1\u201d; add xmlns=\"urn:palier:program:1\""),
            (SMALL_PROGRAM.replace('period="month"', 'period="week"'),
             "plan.xml:3: not a valid program: invalid value \u201cweek\u201d in the attribute "
             "\u201cperiod\u201d of <program>; use one of month, quarter, half, year"),
            (SMALL_PROGRAM.replace(' currency="EUR"', ""),
             "plan.xml:3: not a valid program: <program> is missing the required attribute "
             "\u201ccurrency\u201d"),
            (SMALL_PROGRAM.replace('<quota amount="1000"/>', '<quota amount="1000" color="red"/>'),
             "plan.xml:4: not a valid program: <quota> does not take the attribute \u201ccolor\u201d"),
            (SMALL_PROGRAM.replace("<tier from=\"1000\"", "<tire from=\"1000\""),
             "plan.xml:7: not a valid program: <tire> is not allowed here in <commission>"),
        ]
        for text, expected in cases:
            with self.subTest(expected=expected):
                plan = self.write("plan.xml", text)
                process = run_cli("validate", plan, expect=1)
                self.assertIn(expected, process.stderr)
                self.assertNotIn("Element '", process.stderr)

    def test_malformed_program_names_line(self):
        broken = self.write("malformed.xml", SMALL_PROGRAM.replace("</program>", ""))
        process = run_cli("validate", broken, expect=1)
        self.assertIn("malformed.xml", process.stderr)

    def test_unordered_tiers_name_component(self):
        tiers = '<tier from="0" rate="0.05"/>\n    <tier from="1000" rate="0.10"/>'
        swapped = '<tier from="1000" rate="0.10"/>\n    <tier from="0" rate="0.05"/>'
        self.assertIn(tiers, SMALL_PROGRAM)
        broken = self.write("unordered.xml", SMALL_PROGRAM.replace(tiers, swapped))
        process = run_cli("validate", broken, expect=1)
        self.assertIn("base", process.stderr)

    def test_validate_valid_programs(self):
        small = self.write("small.xml", SMALL_PROGRAM)
        process = run_cli("validate", SAMPLE_PROGRAM, small)
        self.assertIn("sample-program.xml: valid", process.stdout)
        self.assertIn("small.xml: valid", process.stdout)

    def test_validate_reports_each_file(self):
        small = self.write("small.xml", SMALL_PROGRAM)
        missing = self.tmp_path("missing.xml")
        process = run_cli("validate", small, missing, expect=1)
        self.assertIn("small.xml: valid", process.stdout)
        self.assertIn("missing.xml", process.stderr)

    # Invalid rows

    def test_invalid_value_stops_import(self):
        sales = self.write("small.csv", SMALL_SALES)
        workspace = self.tmp_path("small.palier")
        process = run_cli("import", "--workspace", workspace, "--sales", sales, expect=1)
        self.assertIn("small.csv", process.stderr)
        self.assertIn("abc", process.stderr)
        self.assertFalse(os.path.exists(workspace))

    def test_stray_date_shape_rejected(self):
        rows = ["date,partner,amount"]
        rows += ["2024-01-%02d,A,100.00" % day for day in range(1, 31)]
        rows.insert(21, "03/04/2024,B,100.00")
        sales = self.write("mixed.csv", "\n".join(rows) + "\n")
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--sales", sales, expect=1)
        self.assertIn("mixed.csv:22: column \u201cdate\u201d", process.stderr)
        self.assertIn("\u201c03/04/2024\u201d", process.stderr)
        self.assertNotIn("12 or less", process.stderr)

        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--sales", sales,
                          "--skip-invalid", "--format", "json")
        self.assertIn("mixed.csv:22: row skipped", process.stderr)
        self.assertEqual(money(json.loads(process.stdout)["totals"]["sales"]), 3000)

    def test_skip_invalid_lists_rows(self):
        sales = self.write("small.csv", SMALL_SALES)
        workspace = self.tmp_path("small.palier")
        process = run_cli("import", "--workspace", workspace, "--sales", sales, "--skip-invalid")
        self.assertIn("small.csv:4:", process.stderr)
        self.assertIn("amount", process.stderr.lower())
        self.assertIn("abc", process.stderr)
        self.assertIn("Imported 3 rows", process.stdout)
        self.assertIn("2024-01-05", process.stdout)
        self.assertIn("2024-02-03", process.stdout)

    def test_small_simulation(self):
        sales = self.write("small.csv", SMALL_SALES)
        program = self.write("small.xml", SMALL_PROGRAM)
        process = run_cli("simulate", "--program", program, "--sales", sales, "--skip-invalid",
                          "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        # A: 1100.00 in January reaches the 10 % tier, B: 200.50 at 5 %.
        self.assertEqual(money(output["totals"]["sales"]), money("1300.50"))
        self.assertEqual(money(output["totals"]["payout"]), money("120.03"))
        partners = {p["partner"]: p for p in output["partners"]}
        self.assertEqual(money(partners["A"]["payout"]), money("110.00"))
        self.assertEqual(money(partners["B"]["payout"]), money("10.03"))
        self.assertEqual([p["period"] for p in partners["B"]["periods"]], ["2024-02"])

    def test_european_export_options(self):
        # A spreadsheet export as written in France: Windows-1252, ";"
        # between fields, "," as decimal mark and day-first dates.
        sales = self.tmp_path("ventes.csv")
        with open(sales, "w", encoding="cp1252", newline="") as stream:
            stream.write("Date;Revendeur;Montant\r\n"
                         "03/02/2024;Société Générale des Essais;1.234,50\r\n"
                         "04/02/2024;Société Générale des Essais;-34,50\r\n"
                         "01/03/2024;Café Fictif;200,00\r\n")
        program = self.write("small.xml", SMALL_PROGRAM)
        process = run_cli("simulate", "--program", program, "--sales", sales,
                          "--map", "date=Date", "--map", "partner=Revendeur",
                          "--map", "amount=Montant", "--encoding", "windows-1252",
                          "--delimiter", ";", "--decimal-mark", "comma",
                          "--date-format", "DD/MM/YYYY", "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        partners = {p["partner"]: p for p in output["partners"]}
        self.assertEqual(sorted(partners), ["Café Fictif", "Société Générale des Essais"])
        self.assertEqual(money(output["totals"]["sales"]), money("1400.00"))
        # 1200.00 in February reaches the 10 % tier; 200.00 in March pays 5 %.
        self.assertEqual(money(partners["Société Générale des Essais"]["payout"]), money("120.00"))
        self.assertEqual(partners["Société Générale des Essais"]["periods"][0]["period"], "2024-02")
        self.assertEqual(money(partners["Café Fictif"]["payout"]), money("10.00"))

    # Workspaces

    def test_import_then_simulate_equals_sales(self):
        workspace = self.tmp_path("sample.palier")
        process = run_cli("import", "--workspace", workspace, "--sales", SAMPLE_SALES, *SAMPLE_MAP)
        self.assertIn("300 partners", process.stdout)
        from_workspace = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", workspace,
                                 "--format", "json")
        from_sales = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--sales", SAMPLE_SALES,
                             *SAMPLE_MAP, "--format", "json")
        self.assertEqual(from_workspace.stdout, from_sales.stdout)

    def test_import_appends_to_workspace(self):
        sales = self.write("small.csv", SMALL_SALES.replace("2024-01-21,B,abc\n", ""))
        later = self.write("later.csv", "date,partner,amount\n2024-03-01,C,50.00\n")
        workspace = self.tmp_path("small.palier")
        run_cli("import", "--workspace", workspace, "--sales", sales)
        process = run_cli("import", "--workspace", workspace, "--sales", later)
        self.assertIn("Imported 1 row", process.stdout)
        self.assertIn("4 sales lines from 3 partners, dated 2024-01-05 to 2024-03-01",
                      process.stdout)

    def test_failed_import_keeps_workspace(self):
        sales = self.write("small.csv", SMALL_SALES.replace("2024-01-21,B,abc\n", ""))
        workspace = self.tmp_path("small.palier")
        run_cli("import", "--workspace", workspace, "--sales", sales)
        broken = self.write("broken.csv", SMALL_SALES)
        run_cli("import", "--workspace", workspace, "--sales", broken, expect=1)
        program = self.write("small.xml", SMALL_PROGRAM)
        process = run_cli("simulate", "--program", program, "--workspace", workspace,
                          "--format", "json")
        output = palier_e2e.load_json(process.stdout)
        self.assertEqual(money(output["totals"]["sales"]), money("1300.50"))

    def test_simulate_formats(self):
        for output_format in ("table", "csv", "json"):
            with self.subTest(format=output_format):
                process = run_cli("simulate", "--program", SAMPLE_PROGRAM,
                                  "--workspace", SAMPLE_WORKSPACE, "--format", output_format)
                self.assertGreater(len(process.stdout), 100)
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                          "--format", "json")
        json.loads(process.stdout)

    def test_output_file_equals_stdout(self):
        output = self.tmp_path("result.json")
        run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                "--format", "json", "--output", output)
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                          "--format", "json")
        with open(output, encoding="utf-8") as stream:
            self.assertEqual(stream.read(), process.stdout)

    def test_nothing_written_on_error(self):
        output = self.tmp_path("result.json")
        run_cli("simulate", "--program", self.tmp_path("missing.xml"),
                "--workspace", SAMPLE_WORKSPACE, "--output", output, expect=1)
        self.assertFalse(os.path.exists(output))
        run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                "--format", "xml", "--output", output, expect=2)
        self.assertFalse(os.path.exists(output))
        self.assertEqual(os.listdir(self.tmp), [])

    def test_unwritable_output_named(self):
        output = self.tmp_path(os.path.join("no-such-dir", "result.json"))
        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                          "--output", output, expect=1)
        self.assertIn("no-such-dir", process.stderr)

    def test_unwritable_output_plain_sentence(self):
        output = self.tmp_path(os.path.join("no-such-dir", "result.json"))
        for command in (["simulate", "--program", SAMPLE_PROGRAM],
                        ["program", "show", "sample-partner-program"]):
            with self.subTest(command=command[0]):
                process = run_cli(*command, "--workspace", SAMPLE_WORKSPACE,
                                  "--output", output, expect=1)
                self.assertIn(output + ": cannot write: folder not found", process.stderr)
                self.assertNotIn("result.json.", process.stderr)

        process = run_cli("simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
                          "--output", self.tmp, expect=1)
        self.assertIn(self.tmp + ": cannot write: this is a folder", process.stderr)

    def test_program_add_list_show_remove(self):
        workspace = self.tmp_path("programs.palier")
        small = self.write("small.xml", SMALL_PROGRAM)
        run_cli("program", "add", "--workspace", workspace, SAMPLE_PROGRAM, small)

        listing = run_cli("program", "list", "--workspace", workspace).stdout
        self.assertIn("sample-partner-program\tSample partner program\tEUR\tquarter", listing)
        self.assertIn("small\tSmall program\tEUR\tmonth", listing)

        exported = self.tmp_path("exported.xml")
        run_cli("program", "show", "--workspace", workspace, "small", "--output", exported)
        run_cli("validate", exported)

        run_cli("program", "remove", "--workspace", workspace, "small")
        listing = run_cli("program", "list", "--workspace", workspace).stdout
        self.assertNotIn("small\t", listing)
        process = run_cli("program", "show", "--workspace", workspace, "small", expect=1)
        self.assertIn("small", process.stderr)

    def test_stored_program_by_id(self):
        by_id = run_cli("simulate", "--program", "sample-partner-program",
                        "--workspace", SAMPLE_WORKSPACE, "--format", "json")
        by_file = run_cli("simulate", "--program", SAMPLE_PROGRAM,
                          "--workspace", SAMPLE_WORKSPACE, "--format", "json")
        self.assertEqual(by_id.stdout, by_file.stdout)

    # Comparison

    def test_compare_counts(self):
        proposal = self.write("proposal.xml", open(SAMPLE_PROGRAM, encoding="utf-8").read()
                              .replace('<segment id="Gold" quota="110000"/>',
                                       '<segment id="Gold" quota="130000"/>'))
        baseline_result = palier_e2e.load_json(run_cli(
            "simulate", "--program", SAMPLE_PROGRAM, "--workspace", SAMPLE_WORKSPACE,
            "--format", "json").stdout)
        proposal_result = palier_e2e.load_json(run_cli(
            "simulate", "--program", proposal, "--workspace", SAMPLE_WORKSPACE,
            "--format", "json").stdout)
        baseline = {p["partner"]: money(p["payout"]) for p in baseline_result["partners"]}
        differences = [money(p["payout"]) - baseline[p["partner"]]
                       for p in proposal_result["partners"]]

        process = run_cli("compare", "--baseline", SAMPLE_PROGRAM, "--proposal", proposal,
                          "--workspace", SAMPLE_WORKSPACE, "--format", "json")
        comparison = palier_e2e.load_json(process.stdout)
        self.assertEqual(comparison["gain"], sum(1 for d in differences if d > 0))
        self.assertEqual(comparison["lose"], sum(1 for d in differences if d < 0))
        self.assertEqual(comparison["same"], sum(1 for d in differences if d == 0))
        self.assertGreater(comparison["lose"], 0)
        self.assertEqual(len(comparison["partners"]), len(differences))
        self.assertEqual(money(comparison["difference"]),
                         money(proposal_result["totals"]["payout"])
                         - money(baseline_result["totals"]["payout"]))

    # Charts

    def check_chart(self, name, magic, *args):
        output = self.tmp_path(name)
        run_cli("chart", "--program", SAMPLE_PROGRAM, "--output", output, *args)
        with open(output, "rb") as stream:
            head = stream.read(4096)
        if magic is None:
            self.assertIn(b"<svg", head)
        else:
            self.assertTrue(head.startswith(magic), head[:16])

    def test_chart_formats(self):
        self.check_chart("periods.png", PNG_MAGIC, "--kind", "periods",
                         "--workspace", SAMPLE_WORKSPACE)
        self.check_chart("periods.svg", None, "--kind", "periods",
                         "--workspace", SAMPLE_WORKSPACE)
        self.check_chart("periods.pdf", PDF_MAGIC, "--kind", "periods",
                         "--workspace", SAMPLE_WORKSPACE)

    def test_chart_kinds(self):
        self.check_chart("distribution.png", PNG_MAGIC, "--kind", "distribution",
                         "--sales", SAMPLE_SALES, *SAMPLE_MAP, "--from", "2025-01-01")
        self.check_chart("curve.png", PNG_MAGIC, "--kind", "payout-curve",
                         "--component", "base", "--segment", "Gold")
        self.check_chart("club.svg", None, "--kind", "payout-curve",
                         "--component", "quota-club", "--quota", "20000",
                         "--width", "400", "--height", "300")

    def test_chart_png_size(self):
        output = self.tmp_path("small.png")
        run_cli("chart", "--program", SAMPLE_PROGRAM, "--kind", "payout-curve",
                "--width", "320", "--height", "200", "--output", output)
        with open(output, "rb") as stream:
            header = stream.read(24)
        self.assertEqual(int.from_bytes(header[16:20], "big"), 320)
        self.assertEqual(int.from_bytes(header[20:24], "big"), 200)

    def test_chart_errors_write_nothing(self):
        output = self.tmp_path("chart.png")
        process = run_cli("chart", "--program", SAMPLE_PROGRAM, "--kind", "payout-curve",
                          "--component", "no-such-component", "--output", output, expect=1)
        self.assertIn("no-such-component", process.stderr)
        self.assertIn("base", process.stderr)
        run_cli("chart", "--program", SAMPLE_PROGRAM, "--kind", "pie",
                "--output", output, expect=2)
        run_cli("chart", "--program", SAMPLE_PROGRAM, "--kind", "periods",
                "--workspace", SAMPLE_WORKSPACE, "--output", self.tmp_path("chart.gif"), expect=2)
        run_cli("chart", "--program", SAMPLE_PROGRAM, "--kind", "periods",
                "--workspace", SAMPLE_WORKSPACE, "--width", "5", "--output", output, expect=2)
        self.assertEqual(os.listdir(self.tmp), [])


if __name__ == "__main__":
    palier_e2e.main()
