#!/usr/bin/python3
"""AdventureWorks resellers with their business type as segment, on a
program whose tier rates differ per segment and that adds a yearly
volume rebate, with and without a quotas file.  The workspace path
(import-partners, import-quotas, import) and the --sales path must give
the same JSON, and both must match a Decimal recomputation here."""

import csv
import datetime
import sys
from collections import defaultdict
from decimal import Decimal

sys.dont_write_bytecode = True

import palier_e2e  # noqa: E402
import reference_payouts  # noqa: E402

FOLDER = ("data", "real", "adventureworks-resellers")
SALES = palier_e2e.require_shared(*FOLDER, "FactResellerSales.csv")
RESELLERS = palier_e2e.require_shared(*FOLDER, "Resellers.csv")
PROGRAM = palier_e2e.program_path("adventureworks-segments.xml")
SALES_MAPS = ["--map", "date=OrderDate", "--map", "partner=ResellerKey",
              "--map", "amount=SalesAmount"]
PARTNERS_MAPS = ["--map", "partners.partner=ResellerKey",
                 "--map", "partners.segment=BusinessType"]
RANGE = ["--from", "2017-07-01", "--to", "2019-06-30"]

# The program's rates below and from quota, per segment, and quotas.
RATES = {
    None: (Decimal("0.02"), Decimal("0.04")),
    "Value Added Reseller": (Decimal("0.025"), Decimal("0.05")),
    "Warehouse": (Decimal("0.015"), Decimal("0.03")),
}
QUOTAS = {"Warehouse": Decimal(80000)}
DEFAULT_QUOTA = Decimal(50000)
REBATE_FROM, REBATE_RATE = Decimal(200000), Decimal("0.01")


def fiscal_quarter(date):
    """Return (fiscal year, quarter number) for a fiscal year starting in July."""
    months = date.year * 12 + date.month - 1 - 6
    return (months // 12 + 1, months % 12 // 3 + 1)


def read_inputs():
    with open(RESELLERS, newline="", encoding="utf-8-sig") as stream:
        segments = {row["ResellerKey"]: row["BusinessType"] for row in csv.DictReader(stream)}
    sales = defaultdict(Decimal)                  # (partner, fiscal year, quarter) -> sales
    with open(SALES, newline="", encoding="utf-8-sig") as stream:
        for row in csv.DictReader(stream):
            date = datetime.date.fromisoformat(row["OrderDate"])
            if datetime.date(2017, 7, 1) <= date <= datetime.date(2019, 6, 30):
                sales[(row["ResellerKey"],) + fiscal_quarter(date)] += Decimal(row["SalesAmount"])
    return segments, sales


def expected_payouts(segments, sales, file_quotas):
    """Return {component: total} recomputed with Decimal."""
    totals = {"base": Decimal(0), "rebate": Decimal(0)}
    yearly = defaultdict(Decimal)
    for (partner, year, quarter), amount in sales.items():
        segment = segments.get(partner)
        quota = file_quotas.get((partner, year, quarter),
                                QUOTAS.get(segment, DEFAULT_QUOTA))
        below, above = RATES.get(segment, RATES[None])
        exact = min(amount, quota) * below + max(amount - quota, Decimal(0)) * above
        totals["base"] += reference_payouts.round_money(max(exact, Decimal(0)), 2)
        yearly[(partner, year)] += amount
    for amount in yearly.values():
        if amount >= REBATE_FROM:
            totals["rebate"] += reference_payouts.round_money(amount * REBATE_RATE, 2)
    return totals


class AdventureWorksSegmentsTest(palier_e2e.CliTestCase):
    @classmethod
    def setUpClass(cls):
        cls.segments, cls.sales = read_inputs()

    def write_quotas(self):
        """Write a quota of 20 000 per fiscal quarter of FY2018 for every
        third reseller, and return the path and the quotas."""
        path = self.tmp_path("quotas.csv")
        quotas = {}
        with open(path, "w", newline="", encoding="utf-8") as stream:
            stream.write("ResellerKey,Quarter,Target\n")
            for partner in sorted(self.segments, key=int):
                if int(partner) % 3 != 0:
                    continue
                for quarter in range(1, 5):
                    stream.write("%s,FY2018-Q%d,20000\n" % (partner, quarter))
                    quotas[(partner, 2018, quarter)] = Decimal(20000)
        return path, quotas

    def simulate_sales(self, *extra):
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--sales", SALES,
                                     *SALES_MAPS, "--partners", RESELLERS, *PARTNERS_MAPS,
                                     *extra, *RANGE, "--format", "json")
        return palier_e2e.load_json(process.stdout)

    def simulate_workspace(self, quotas_path=None):
        workspace = self.tmp_path("segments.palier")
        palier_e2e.run_cli("import-partners", "--workspace", workspace,
                           "--partners", RESELLERS, *PARTNERS_MAPS)
        if quotas_path is not None:
            palier_e2e.run_cli("import-quotas", "--workspace", workspace, "--quotas", quotas_path,
                               "--map", "quotas.period=Quarter", "--map", "quotas.quota=Target",
                               "--fiscal-year-start", "7")
        palier_e2e.run_cli("import", "--workspace", workspace, "--sales", SALES, *SALES_MAPS)
        process = palier_e2e.run_cli("simulate", "--program", PROGRAM, "--workspace", workspace,
                                     *RANGE, "--format", "json")
        return palier_e2e.load_json(process.stdout)

    def assert_components(self, output, expected):
        payouts = {c["id"]: palier_e2e.money(c["payout"]) for c in output["components"]}
        self.assertEqual(payouts, expected)

    def test_segments_without_quotas(self):
        output = self.simulate_sales()
        self.assertEqual(self.simulate_workspace(), output)
        expected = expected_payouts(self.segments, self.sales, {})
        self.assert_components(output, expected)
        self.assertGreater(expected["rebate"], 0)
        segments = {p["segment"] for p in output["partners"]}
        self.assertEqual(segments & set(RATES), {"Value Added Reseller", "Warehouse"})
        self.assertIn("Specialty Bike Shop", segments)

    def test_quotas_file(self):
        path, quotas = self.write_quotas()
        output = self.simulate_sales("--quotas", path, "--map", "quotas.period=Quarter",
                                     "--map", "quotas.quota=Target")
        self.assertEqual(self.simulate_workspace(path), output)
        expected = expected_payouts(self.segments, self.sales, quotas)
        self.assert_components(output, expected)
        self.assertNotEqual(expected["base"],
                            expected_payouts(self.segments, self.sales, {})["base"])
        partner = next(p for p in output["partners"] if p["partner"] == "3")
        first = next(p for p in partner["periods"] if p["period"] == "FY2018-Q1")
        self.assertEqual(palier_e2e.money(first["quota"]), Decimal(20000))


if __name__ == "__main__":
    palier_e2e.main()
