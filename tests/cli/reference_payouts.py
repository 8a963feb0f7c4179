"""Independent reimplementation of Palier's version 1 payout rules.

The end-to-end tests compare palier-cli's output with the numbers computed
here from the same CSV file and program XML.  This module shares no code
with the C engine: it reads the CSV with the csv module, sums with
decimal.Decimal and applies the rules as the program format defines them:

- a period is a month, quarter, half or year aligned to the fiscal year;
- a component's base is its measure summed over one partner's lines in one
  period that pass its filter;
- commissions pay tiers marginally or retroactively, on amount or
  attainment (base / quota), with an optional gate and cap, and nothing
  on a base of zero or below;
- bonuses pay the amount of the highest level reached;
- each payout of one component, partner and period is rounded once, half
  away from zero, to the currency's minor unit, and totals add up those
  rounded payouts.
"""

import csv
import datetime
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

NAMESPACE = "{urn:palier:program:1}"
PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
MINOR_DIGITS = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3}
FILTER_FIELDS = ("category", "product", "region", "segment")


def round_money(value, digits):
    """Round half away from zero (Decimal's ROUND_HALF_UP does exactly that)."""
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


class Component:
    def __init__(self, element):
        self.kind = element.tag[len(NAMESPACE):]
        self.id = element.get("id")
        self.measure = element.get("measure", "revenue")
        self.basis = element.get("basis", "amount")
        self.method = element.get("method", "marginal")
        # A tier's value is a rate (a fraction of the base) or an amount
        # per unit; both multiply the base.
        self.tiers = [(Decimal(t.get("from")), Decimal(t.get("rate") or t.get("per-unit")))
                      for t in element.findall(NAMESPACE + "tier")]
        self.levels = [(Decimal(l.get("min")), Decimal(l.get("amount")))
                       for l in element.findall(NAMESPACE + "level")]
        gate = element.find(NAMESPACE + "gate")
        cap = element.find(NAMESPACE + "cap")
        self.gate = Decimal(gate.get("min")) if gate is not None else None
        self.cap = Decimal(cap.get("max")) if cap is not None else None
        self.allowed = {}
        self.start = None
        self.end = None
        filter_element = element.find(NAMESPACE + "filter")
        if filter_element is not None:
            self._read_filter(filter_element)

    def _read_filter(self, element):
        for field in FILTER_FIELDS:
            if element.get(field) is not None:
                self.allowed.setdefault(field, set()).add(element.get(field))
        for include in element.findall(NAMESPACE + "include"):
            self.allowed.setdefault(include.get("field"), set()).add(include.get("value"))
        if element.get("start"):
            self.start = datetime.date.fromisoformat(element.get("start"))
        if element.get("end"):
            self.end = datetime.date.fromisoformat(element.get("end"))

    def accepts(self, line, segment):
        """Return whether a sales line of a partner in @segment feeds the base."""
        if self.start is not None and line.date < self.start:
            return False
        if self.end is not None and line.date > self.end:
            return False
        for field, values in self.allowed.items():
            value = segment if field == "segment" else getattr(line, field)
            if value not in values:
                return False
        return True

    def measure_of(self, line):
        if self.measure == "margin":
            return line.margin
        if self.measure == "units":
            return line.quantity
        return line.amount

    def payout(self, base, quota):
        """Exact payout for one partner and period, before rounding."""
        def scale(boundary):
            return boundary * quota if self.basis == "attainment" else boundary

        if self.basis == "attainment" and quota is None:
            raise ValueError("component %s needs a quota" % self.id)

        if self.kind == "bonus":
            reached = [amount for minimum, amount in self.levels if base >= scale(minimum)]
            return reached[-1] if reached else Decimal(0)

        if base <= 0:
            return Decimal(0)
        if self.gate is not None and base < scale(self.gate):
            return Decimal(0)

        if self.method == "retroactive":
            rate = [r for start, r in self.tiers if base >= scale(start)][-1]
            amount = base * rate
        else:
            amount = Decimal(0)
            for i, (start, rate) in enumerate(self.tiers):
                low = scale(start)
                high = scale(self.tiers[i + 1][0]) if i + 1 < len(self.tiers) else None
                if base <= low:
                    break
                top = base if high is None or base < high else high
                amount += (top - low) * rate

        if self.cap is not None and amount > self.cap:
            amount = self.cap
        return amount


class Program:
    def __init__(self, path):
        root = ElementTree.parse(path).getroot()
        self.id = root.get("id")
        self.currency = root.get("currency")
        self.period = root.get("period")
        self.fiscal_year_start = int(root.get("fiscal-year-start", "1"))
        quota = root.find(NAMESPACE + "quota")
        self.quota = Decimal(quota.get("amount")) if quota is not None else None
        self.segment_quotas = {s.get("id"): Decimal(s.get("quota"))
                               for s in root.findall(NAMESPACE + "segment")}
        self.components = [Component(e) for e in root
                           if e.tag in (NAMESPACE + "commission", NAMESPACE + "bonus")]
        self.minor_digits = MINOR_DIGITS.get(self.currency, 2)

    def quota_for(self, segment):
        return self.segment_quotas.get(segment, self.quota)

    def period_index(self, date):
        months = PERIOD_MONTHS[self.period]
        return (date.year * 12 + date.month - 1 - (self.fiscal_year_start - 1)) // months

    def period_label(self, index):
        months = PERIOD_MONTHS[self.period]
        first = index * months + self.fiscal_year_start - 1   # months since year 0
        if self.period == "month":
            return "%04d-%02d" % (first // 12, first % 12 + 1)
        fiscal_year = (index * months) // 12
        year = (fiscal_year * 12 + self.fiscal_year_start - 1 + 11) // 12
        prefix = "FY" if self.fiscal_year_start != 1 else ""
        number = (index * months) % 12 // months + 1
        if self.period == "year":
            return "%s%04d" % (prefix, year)
        letter = "Q" if self.period == "quarter" else "H"
        return "%s%04d-%s%d" % (prefix, year, letter, number)


class Line:
    __slots__ = ("date", "partner", "amount", "margin", "quantity", "product",
                 "category", "region", "segment", "deal")


def parse_date(text, order):
    """Parse the date part of @text, written year-first or as M/D/YYYY."""
    text = text.split(" ")[0].split("T")[0]
    if order == "ymd":
        return datetime.date.fromisoformat(text)
    month, day, year = (int(part) for part in text.split("/"))
    return datetime.date(year, month, day)


def read_lines(path, mapping, date_order="ymd"):
    """Read a sales CSV; @mapping maps field names to column headers."""
    lines = []
    with open(path, newline="", encoding="utf-8-sig") as stream:
        for row in csv.DictReader(stream):
            line = Line()
            line.date = parse_date(row[mapping["date"]], date_order)
            line.partner = row[mapping["partner"]]
            line.amount = Decimal(row[mapping["amount"]])
            for field in ("margin", "quantity"):
                column = mapping.get(field)
                setattr(line, field, Decimal(row[column]) if column else Decimal(0))
            for field in ("product", "category", "region", "segment", "deal"):
                column = mapping.get(field)
                setattr(line, field, row[column] if column and row[column] != "" else None)
            lines.append(line)
    return lines


def simulate(program, lines, first=None, last=None):
    """Return the result as a dict shaped like palier-cli's JSON output,
    with Decimal values rounded where the output rounds them."""
    digits = program.minor_digits
    segments = {}
    for line in lines:
        if line.segment is not None:
            segments.setdefault(line.partner, line.segment)

    sales = defaultdict(Decimal)              # (partner, period) -> revenue
    bases = defaultdict(Decimal)              # (component, partner, period) -> base
    for line in lines:
        if (first and line.date < first) or (last and line.date > last):
            continue
        period = program.period_index(line.date)
        sales[(line.partner, period)] += line.amount
        segment = segments.get(line.partner)
        for component in program.components:
            if component.accepts(line, segment):
                bases[(component.id, line.partner, period)] += component.measure_of(line)

    partners = {}
    component_totals = {c.id: Decimal(0) for c in program.components}
    for (partner, period) in sorted(sales):
        segment = segments.get(partner)
        quota = program.quota_for(segment)
        payouts = {}
        for component in program.components:
            base = bases.get((component.id, partner, period), Decimal(0))
            payouts[component.id] = round_money(component.payout(base, quota), digits)
            component_totals[component.id] += payouts[component.id]
        entry = partners.setdefault(partner, {"partner": partner, "segment": segment,
                                              "sales": Decimal(0), "payout": Decimal(0),
                                              "periods": []})
        payout = sum(payouts.values(), Decimal(0))
        entry["sales"] += sales[(partner, period)]
        entry["payout"] += payout
        entry["periods"].append({"period": program.period_label(period),
                                 "sales": round_money(sales[(partner, period)], digits),
                                 "payout": payout, "components": payouts})

    for entry in partners.values():
        entry["sales"] = round_money(entry["sales"], digits)

    total_sales = sum(sales.values(), Decimal(0))
    return {
        "totals": {"sales": round_money(total_sales, digits),
                   "payout": sum(component_totals.values(), Decimal(0))},
        "components": component_totals,
        "partners": partners,
    }
