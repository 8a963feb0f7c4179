#!/usr/bin/python3
"""The encoding, delimiter, date order and decimal mark options of
import-partners, import-quotas and simulate's partners and quotas files,
and that each error's advice names an option the command has."""

import sys
from decimal import Decimal

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import load_json, money, run_cli  # noqa: E402

SALES = """date,partner,amount
2018-04-10,P1,1000.00
"""

# 10 % of the sales, 20 % for Gold partners.
PROGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="urn:palier:program:1" id="gold" name="Gold rate"
         currency="EUR" period="month">
  <commission id="base" name="Base commission" basis="amount" method="marginal">
    <tier from="0" rate="0.10">
      <override segment="Gold" rate="0.20"/>
    </tier>
  </commission>
</program>
"""


class PartnerFileOptionsTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        self.workspace = self.tmp_path("w.palier")
        self.sales = self.write("sales.csv", SALES.encode("utf-8"))
        self.program = self.write("gold.xml", PROGRAM.encode("utf-8"))

    def write(self, name, data):
        path = self.tmp_path(name)
        with open(path, "wb") as stream:
            stream.write(data)
        return path

    def simulate_payout(self, *args):
        process = run_cli("simulate", "--program", self.program, "--sales", self.sales,
                          "--format", "json", *args)
        return money(load_json(process.stdout)["totals"]["payout"])

    def test_import_partners_utf16(self):
        partners = self.write("p16.csv", "partner;segment\nP1;Gold\n".encode("utf-16-le"))
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", partners, expect=1)
        self.assertIn("set its encoding to UTF-16LE", process.stderr)

        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", partners, "--encoding", "utf-16le",
                          "--delimiter", ";")
        self.assertIn("Imported 1 partner", process.stdout)

    def test_import_quotas_utf16(self):
        quotas = self.write("q16.csv", "partner;period;quota\nP1;2018-Q2;1000\n"
                            .encode("utf-16-le"))
        process = run_cli("import-quotas", "--workspace", self.workspace,
                          "--quotas", quotas, expect=1)
        self.assertIn("set its encoding to UTF-16LE", process.stderr)

        process = run_cli("import-quotas", "--workspace", self.workspace,
                          "--quotas", quotas, "--encoding", "utf-16le", "--delimiter", ";")
        self.assertIn("Imported 1 quota", process.stdout)

    def test_import_invalid_encoding(self):
        partners = self.write("p.csv", b"partner\nP1\n")
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", partners, "--encoding", "ebcdic", expect=2)
        self.assertIn("invalid --encoding “ebcdic”", process.stderr)

    def test_simulate_partners_date_order(self):
        partners = self.write("dates.csv", b"partner,segment,start\nP1,Gold,03/04/2018\n")
        process = run_cli("simulate", "--program", self.program, "--sales", self.sales,
                          "--partners", partners, expect=1)
        self.assertIn("use --partners-date-order MDY or DMY", process.stderr)

        # Gold from April 3 or March 4 alike: 1000 × 0.20 on April 10.
        self.assertEqual(self.simulate_payout("--partners", partners,
                                              "--partners-date-order", "DMY"),
                         Decimal("200"))

    def test_simulate_partners_encoding(self):
        partners = self.write("p16.csv", "partner,segment\nP1,Gold\n".encode("utf-16-le"))
        process = run_cli("simulate", "--program", self.program, "--sales", self.sales,
                          "--partners", partners, expect=1)
        self.assertIn("set its encoding to UTF-16LE", process.stderr)
        self.assertNotIn(" --encoding", process.stderr)

        self.assertEqual(self.simulate_payout("--partners", partners,
                                              "--partners-encoding", "utf-16le"),
                         Decimal("200"))

    def test_simulate_quotas_decimal_mark(self):
        quotas = self.write("q.csv", b'partner;period;quota\nP1;2018-Q2;"1,234"\n')
        process = run_cli("simulate", "--program", self.program, "--sales", self.sales,
                          "--quotas", quotas, "--quotas-delimiter", ";", expect=1)
        self.assertIn("use --quotas-decimal-mark point or comma", process.stderr)

        run_cli("simulate", "--program", self.program, "--sales", self.sales,
                "--quotas", quotas, "--quotas-delimiter", ";",
                "--quotas-decimal-mark", "comma")

    def test_simulate_file_option_without_file(self):
        process = run_cli("simulate", "--program", self.program, "--sales", self.sales,
                          "--partners-date-order", "DMY", expect=2)
        self.assertIn("--partners-date-order needs --partners FILE.csv", process.stderr)

    def test_conflicting_partner_rows(self):
        partners = self.write("dup.csv", b"partner,segment\n4,Gold\n4,Silver\n")
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", partners, expect=1)
        self.assertIn("dup.csv:3: partner “4” has the segment “Silver” here but “Gold” "
                      "on line 2", process.stderr)


if __name__ == "__main__":
    palier_e2e.main()
