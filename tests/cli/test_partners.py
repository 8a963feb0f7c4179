#!/usr/bin/python3
"""palier-cli import-partners: a partners file's segment wins over the
sales rows', before and after it, new partners are created, mapping
errors name the columns, and AdventureWorks' resellers get their
business type as segment."""

import csv
import os
import sys
from decimal import Decimal

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
from palier_e2e import load_json, money, run_cli  # noqa: E402

SALES = """date,partner,amount,segment
2024-01-05,P1,1000.00,Silver
2024-01-10,P2,2000.00,Gold
"""

LATER_SALES = """date,partner,amount,segment
2024-02-05,P1,500.00,Bronze
"""

PARTNERS = """Partner;Name;Segment;Start
P1;Alpha;Gold;15/01/2024
P2;Beta;;
P3;Gamma;Silver;01/02/2024
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

# The whole of the Warehouse resellers' sales, so that the payout equals
# their sales exactly.
WAREHOUSE_PROGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="urn:palier:program:1" id="warehouse" name="Warehouse sales"
         currency="USD" period="quarter">
  <commission id="warehouse" name="Warehouse sales" basis="amount" method="marginal">
    <filter segment="Warehouse"/>
    <tier from="0" rate="1"/>
  </commission>
</program>
"""

ADVENTUREWORKS_DIR = ("data", "real", "adventureworks-resellers")


class PartnersTest(palier_e2e.CliTestCase):
    def setUp(self):
        super().setUp()
        self.workspace = self.tmp_path("w.palier")
        self.sales = self.write("sales.csv", SALES)
        self.later_sales = self.write("later.csv", LATER_SALES)
        self.partners = self.write("partners.csv", PARTNERS)
        self.program = self.write("gold.xml", PROGRAM)

    def write(self, name, text):
        path = self.tmp_path(name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return path

    def payouts(self):
        process = run_cli("simulate", "--program", self.program, "--workspace", self.workspace,
                          "--format", "json")
        output = load_json(process.stdout)
        return {p["partner"]: money(p["payout"]) for p in output["partners"]}

    def test_file_segment_wins(self):
        run_cli("import", "--workspace", self.workspace, "--sales", self.sales)
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", self.partners)
        self.assertEqual(process.stdout,
                         "Imported 3 partners from %s into %s (new: 1).\n"
                         % (self.partners, self.workspace))
        run_cli("import", "--workspace", self.workspace, "--sales", self.later_sales)

        # P1 is Gold by the partners file: (1000 + 500) × 0.20 = 300 over
        # two months; P2 keeps its sales rows' Gold: 2000 × 0.20 = 400.
        payouts = self.payouts()
        self.assertEqual(payouts["P1"], Decimal("300"))
        self.assertEqual(payouts["P2"], Decimal("400"))

    def test_without_partners_file(self):
        run_cli("import", "--workspace", self.workspace, "--sales", self.sales)
        run_cli("import", "--workspace", self.workspace, "--sales", self.later_sales)

        # P1 follows its latest sales row, Bronze: 1500 × 0.10 = 150.
        self.assertEqual(self.payouts()["P1"], Decimal("150"))

    def test_unknown_column(self):
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", self.partners, "--map", "partners.segment=Tier",
                          expect=1)
        self.assertEqual(process.stderr,
                         "palier-cli import-partners: partners.csv: no column “Tier” for the "
                         "field “segment”; the columns are “Partner”, “Name”, “Segment”, "
                         "“Start”\n")

    def test_unknown_field(self):
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", self.partners, "--map", "partners.quota=Start",
                          expect=2)
        self.assertIn("unknown field “quota” in --map", process.stderr)

    def test_adventureworks_business_type(self):
        resellers = os.path.join(palier_e2e.shared_dir(), *ADVENTUREWORKS_DIR, "Resellers.csv")
        sales = os.path.join(palier_e2e.shared_dir(), *ADVENTUREWORKS_DIR, "FactResellerSales.csv")
        if not (os.path.exists(resellers) and os.path.exists(sales)):
            self.skipTest("the AdventureWorks reseller files are absent")

        with open(resellers, encoding="utf-8-sig", newline="") as stream:
            warehouses = {row["ResellerKey"] for row in csv.DictReader(stream)
                          if row["BusinessType"] == "Warehouse"}
        with open(sales, encoding="utf-8-sig", newline="") as stream:
            expected = sum((Decimal(row["SalesAmount"]) for row in csv.DictReader(stream)
                            if row["ResellerKey"] in warehouses), Decimal(0))

        run_cli("import", "--workspace", self.workspace, "--sales", sales,
                "--map", "date=OrderDate", "--map", "partner=ResellerKey",
                "--map", "amount=SalesAmount")
        process = run_cli("import-partners", "--workspace", self.workspace,
                          "--partners", resellers, "--map", "partners.partner=ResellerKey",
                          "--map", "partners.segment=BusinessType",
                          "--map", "partners.name=ResellerName")
        # 701 resellers, 632 of which have sales.
        self.assertIn("Imported 701 partners", process.stdout)
        self.assertIn("(new: 69)", process.stdout)
        program = self.write("warehouse.xml", WAREHOUSE_PROGRAM)
        process = run_cli("simulate", "--program", program, "--workspace", self.workspace,
                          "--format", "json")
        output = load_json(process.stdout)
        self.assertEqual(expected, Decimal("36700302.60"))
        self.assertEqual(money(output["totals"]["payout"]), expected)


if __name__ == "__main__":
    palier_e2e.main()
