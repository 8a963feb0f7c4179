#!/usr/bin/python3
"""Compute a Palier program's payouts with pandas, as an analyst's notebook would.

This is the reference side of the benchmark and the oracle that checks
Palier's results to the cent.  It reads the sales CSV with pandas, sums each
component's base per partner and period with one groupby, and applies the
version 1 payout rules with exact integer arithmetic on numpy int64 arrays:

- amounts are converted to integer cents once, and the conversion is checked
  to be exact, so the files must have at most two decimals;
- rates, tier boundaries and quotas become integers at a power-of-ten scale
  read from the program, and every product is checked against int64
  overflow;
- each payout of one component, partner and period is computed exactly,
  capped, and rounded once to the currency's minor unit, half away from
  zero.  Every total is a sum of those rounded payouts.

Version 2 features (component periods, per-unit or interpolated tiers,
negative-base policies, overrides, include filters, deal bonuses, rewards)
are rejected with an error.

Run it with Debian's /usr/bin/python3, which has pandas 1.5.3.

  reference.py --program P --sales FILE              JSON result on stdout
  reference.py --program P --sales FILE --resimulate N
                                                     times N recomputations
  reference.py --program P --sales FILE --cross-check
                                                     compares with a naive exact computation
  reference.py --self-test                           checks hand-computed cases
"""

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

NAMESPACE = "{urn:palier:program:1}"
MINOR_DIGITS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0}
INT64_LIMIT = 2**63 - 1
CENTS = 100
FILTER_COLUMNS = ("category", "product", "region")
MEASURE_COLUMNS = {"revenue": "amount", "margin": "margin", "units": "quantity"}


class ReferenceError(Exception):
    """A program or a file the reference cannot compute exactly."""


# Program model


def decimal_to_scaled(text, where):
    """Return (integer, decimals) such that text == integer / 10**decimals."""
    try:
        value = Decimal(text)
    except ArithmeticError as exc:
        raise ReferenceError(f"{where}: invalid number “{text}”") from exc
    if not value.is_finite():
        raise ReferenceError(f"{where}: invalid number “{text}”")
    value = value.normalize()
    decimals = max(0, -value.as_tuple().exponent)
    return int(value.scaleb(decimals)), decimals


def scaled(text, decimals, where):
    """Return text as an integer count of 10**-decimals; raise when that needs rounding."""
    integer, have = decimal_to_scaled(text, where)
    if have > decimals:
        raise ReferenceError(f"{where}: “{text}” has more than {decimals} decimals")
    return integer * 10 ** (decimals - have)


@dataclass
class Filter:
    values: dict = field(default_factory=dict)  # field name -> set of values
    start: date = None
    end: date = None


@dataclass
class Component:
    kind: str
    id: str
    measure: str = "revenue"
    basis: str = "amount"
    method: str = "marginal"
    filter: Filter = field(default_factory=Filter)
    tiers: list = field(default_factory=list)  # (from text, rate text)
    levels: list = field(default_factory=list)  # (min text, amount text)
    gate: str = None
    cap: str = None


@dataclass
class Program:
    id: str
    currency: str
    period: str
    fiscal_year_start: int
    quota: str = None
    segment_quotas: dict = field(default_factory=dict)
    components: list = field(default_factory=list)

    @property
    def minor_digits(self):
        return MINOR_DIGITS.get(self.currency, 2)


def parse_iso_date(text, where):
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ReferenceError(f"{where}: invalid date “{text}”; use YYYY-MM-DD") from exc


def parse_filter(element, where):
    result = Filter()
    if element is None:
        return result
    for name, value in element.attrib.items():
        if name in FILTER_COLUMNS or name == "segment":
            result.values[name] = {value}
        elif name == "start":
            result.start = parse_iso_date(value, where)
        elif name == "end":
            result.end = parse_iso_date(value, where)
        else:
            raise ReferenceError(f"{where}: filter attribute “{name}” is not supported")
    if len(element):
        raise ReferenceError(f"{where}: <include> filters are version 2 and not supported")
    return result


def parse_component(element):
    kind = element.tag.removeprefix(NAMESPACE)
    ident = element.get("id")
    where = f"component “{ident}”"
    if kind not in ("commission", "bonus"):
        raise ReferenceError(f"{where}: <{kind}> is not supported by the reference")
    for name in ("period", "negative"):
        if element.get(name) is not None:
            raise ReferenceError(f"{where}: attribute “{name}” is version 2 and not supported")

    component = Component(kind=kind, id=ident,
                          measure=element.get("measure", "revenue"),
                          basis=element.get("basis", "amount"),
                          method=element.get("method", "marginal"),
                          filter=parse_filter(element.find(NAMESPACE + "filter"), where))
    if component.measure not in MEASURE_COLUMNS:
        raise ReferenceError(f"{where}: unknown measure “{component.measure}”")
    if component.method not in ("marginal", "retroactive"):
        raise ReferenceError(f"{where}: method “{component.method}” is not supported")

    for tier in element.findall(NAMESPACE + "tier"):
        if tier.get("rate") is None or len(tier):
            raise ReferenceError(f"{where}: only rate tiers without overrides are supported")
        component.tiers.append((tier.get("from"), tier.get("rate")))
    for level in element.findall(NAMESPACE + "level"):
        if len(level):
            raise ReferenceError(f"{where}: level overrides are not supported")
        component.levels.append((level.get("min"), level.get("amount")))
    gate = element.find(NAMESPACE + "gate")
    cap = element.find(NAMESPACE + "cap")
    component.gate = gate.get("min") if gate is not None else None
    component.cap = cap.get("max") if cap is not None else None
    if kind == "bonus" and (gate is not None or cap is not None):
        raise ReferenceError(f"{where}: a gate or cap on a bonus is not supported")
    return component


def load_program(path):
    root = ET.parse(path).getroot()
    if root.tag != NAMESPACE + "program":
        raise ReferenceError(f"{path}: not a Palier program (root <{root.tag}>)")
    program = Program(id=root.get("id"), currency=root.get("currency", "EUR"),
                      period=root.get("period", "quarter"),
                      fiscal_year_start=int(root.get("fiscal-year-start", "1")))
    quota = root.find(NAMESPACE + "quota")
    if quota is not None:
        program.quota = quota.get("amount")
    for segment in root.findall(NAMESPACE + "segment"):
        program.segment_quotas[segment.get("id")] = segment.get("quota")
    for element in root:
        if element.tag.removeprefix(NAMESPACE) in ("commission", "bonus", "deal-bonus", "reward"):
            program.components.append(parse_component(element))
    return program


def copy_with_rate(program, component_id, tier_index, rate_text):
    """Return a copy of program where one tier of one component has a new rate."""
    components = []
    for component in program.components:
        if component.id == component_id:
            tiers = list(component.tiers)
            tiers[tier_index] = (tiers[tier_index][0], rate_text)
            component = Component(**{**component.__dict__, "tiers": tiers})
        components.append(component)
    return Program(**{**program.__dict__, "components": components})


# Periods


def period_of(day, kind, fiscal_year_start):
    """Return (sortable index, label) of the program period containing day."""
    if kind == "month":
        index = day.year * 12 + day.month - 1
        return index, f"{day.year:04d}-{day.month:02d}"

    months = day.year * 12 + day.month - 1 - (fiscal_year_start - 1)
    fiscal_year, month_in_year = divmod(months, 12)
    year_label = (f"{fiscal_year:04d}" if fiscal_year_start == 1
                  else f"FY{fiscal_year + 1:04d}")
    if kind == "quarter":
        part = month_in_year // 3
        return fiscal_year * 4 + part, f"{year_label}-Q{part + 1}"
    if kind == "half":
        part = month_in_year // 6
        return fiscal_year * 2 + part, f"{year_label}-H{part + 1}"
    if kind == "year":
        return fiscal_year, year_label
    raise ReferenceError(f"unknown period “{kind}”")


# Loading


def to_cents(values, column, path):
    """Convert float values read from text with at most 2 decimals to exact int64 cents.

    A double read from "1234.56" is within one ulp of it, so for amounts
    below 10^9 the product by 100 is within 1e-4 of the integer.  A third
    decimal digit would leave at least 0.1, so deviations above 1e-3 are
    rejected, never rounded.
    """
    values = values.to_numpy(dtype=np.float64)
    if np.isnan(values).any():
        raise ReferenceError(f"{path}: column “{column}”: empty or invalid values")
    hundredths = values * CENTS
    cents = np.rint(hundredths)
    deviation = np.abs(hundredths - cents)
    if deviation.size and deviation.max() > 1e-3:
        row = int(deviation.argmax())
        raise ReferenceError(f"{path}: line {row + 2}: column “{column}”: "
                             f"“{values[row]!r}” has more than two decimals")
    if cents.size and np.abs(cents).max() >= 2**53:
        raise ReferenceError(f"{path}: column “{column}”: amount too large")
    return cents.astype(np.int64)


def needed_columns(program):
    columns = {"date", "partner", "segment", "amount"}
    for component in program.components:
        columns.add(MEASURE_COLUMNS[component.measure])
        columns.update(name for name in component.filter.values if name != "segment")
    return columns


@dataclass
class Sales:
    """The loaded sales: one row per line, keyed by categorical codes."""
    frame: pd.DataFrame           # partner (category), period (int), measure columns in cents
    date_codes: np.ndarray        # per row, code into date_values
    date_values: list             # datetime.date per date category
    partner_segments: np.ndarray  # per partner code, the segment of its first line or None
    period_labels: dict           # period index -> label
    columns: dict                 # filter column name -> categorical Series
    first_date: date
    last_date: date


def load_sales(path, program):
    columns = needed_columns(program)
    string_columns = {"date", "partner", "segment", "category", "product", "region"}
    dtypes = {name: "category" for name in columns & string_columns}
    dtypes.update({name: np.float64 for name in ("amount", "margin", "quantity") if name in columns})
    frame = pd.read_csv(path, usecols=sorted(columns), dtype=dtypes, keep_default_na=False,
                        na_values={"amount": [""], "margin": [""], "quantity": [""]})

    # Each distinct date is parsed once, then spread to the rows by code.
    date_values = [parse_iso_date(text, path) for text in frame["date"].cat.categories]
    date_codes = frame["date"].cat.codes.to_numpy()
    periods = [period_of(day, program.period, program.fiscal_year_start) for day in date_values]
    period_index = np.array([index for index, _ in periods], dtype=np.int64)
    period_labels = dict(periods)

    result = pd.DataFrame({"partner": frame["partner"], "period": period_index[date_codes]})
    for column in ("amount", "margin", "quantity"):
        if column in columns:
            result[column] = to_cents(frame[column], column, path)

    # A partner keeps the segment of its first line, as partners are created
    # when they first appear.
    partner_codes = frame["partner"].cat.codes.to_numpy()
    _, first_rows = np.unique(partner_codes, return_index=True)
    segment_text = frame["segment"].astype(object).to_numpy()
    partner_segments = np.array([segment_text[row] or None for row in first_rows], dtype=object)
    used_dates = np.unique(date_codes)
    return Sales(frame=result, date_codes=date_codes, date_values=date_values,
                 partner_segments=partner_segments, period_labels=period_labels,
                 columns={name: frame[name] for name in FILTER_COLUMNS if name in columns},
                 first_date=date_values[used_dates[0]], last_date=date_values[used_dates[-1]])


# Bases


def filter_mask(sales, component_filter):
    """Boolean per row: the line passes the filter.  None when nothing is filtered."""
    mask = None

    def combine(row_mask):
        return row_mask if mask is None else mask & row_mask

    for name, allowed in component_filter.values.items():
        if name == "segment":
            per_partner = np.array([segment in allowed for segment in sales.partner_segments],
                                   dtype=bool)
            row_mask = per_partner[sales.frame["partner"].cat.codes.to_numpy()]
        else:
            column = sales.columns[name]
            per_category = np.asarray(column.cat.categories.isin(allowed))
            codes = column.cat.codes.to_numpy()
            row_mask = np.where(codes >= 0, per_category[codes], False)
        mask = combine(row_mask)

    if component_filter.start is not None or component_filter.end is not None:
        start = component_filter.start or date.min
        end = component_filter.end or date.max
        per_date = np.array([start <= day <= end for day in sales.date_values], dtype=bool)
        mask = combine(per_date[sales.date_codes])

    return mask


def compute_bases(sales, program):
    """Sum sales and each component's base per partner and period with one groupby."""
    columns = {"partner": sales.frame["partner"], "period": sales.frame["period"],
               "sales": sales.frame["amount"]}
    for number, component in enumerate(program.components):
        measure = sales.frame[MEASURE_COLUMNS[component.measure]].to_numpy()
        mask = filter_mask(sales, component.filter)
        columns[f"base{number}"] = measure if mask is None else np.where(mask, measure, 0)
    frame = pd.DataFrame(columns)
    return frame.groupby(["partner", "period"], observed=True, sort=True).sum().reset_index()


# Payouts


def checked_product(array, factor, where):
    """Multiply an int64 array by an integer; raise ReferenceError on int64 overflow."""
    largest = int(np.abs(array).max()) if array.size else 0
    if largest * abs(factor) > INT64_LIMIT:
        raise ReferenceError(f"{where}: int64 overflow ({largest} × {factor})")
    return array * np.int64(factor)


def round_half_away(numerator, denominator):
    """numerator / denominator rounded half away from zero (denominator a power of ten ≥ 1)."""
    if denominator == 1:
        return numerator
    magnitude = (np.abs(numerator) + denominator // 2) // denominator
    return np.where(numerator < 0, -magnitude, magnitude)


def group_quotas(program, groups, sales):
    """Quota in cents per group: the segment's, else the default, else -1 for none."""
    default = scaled(program.quota, 2, "quota") if program.quota is not None else -1
    by_segment = {segment: scaled(value, 2, f"segment “{segment}” quota")
                  for segment, value in program.segment_quotas.items()}
    per_partner = np.array([by_segment.get(segment, default) for segment in sales.partner_segments],
                           dtype=np.int64)
    return per_partner[groups["partner"].cat.codes.to_numpy()]


def max_decimals(texts, where):
    return max(decimal_to_scaled(text, where)[1] for text in texts if text is not None)


def commission_payout(component, base, quota, minor_digits):
    """Exact payout per group of one commission, rounded once to the minor unit."""
    where = f"component “{component.id}”"
    rate_digits = max_decimals([rate for _, rate in component.tiers], where)
    rates = [scaled(rate, rate_digits, where) for _, rate in component.tiers]

    if component.basis == "attainment":
        if (quota < 0).any():
            raise ReferenceError(f"{where}: attainment basis without a quota")
        from_digits = max_decimals([text for text, _ in component.tiers] + [component.gate], where)
        # Base and boundaries in cents × 10^-from_digits: boundary = from × quota.
        scaled_base = checked_product(base, 10 ** from_digits, where)
        froms = [scaled(text, from_digits, where) for text, _ in component.tiers]
        bounds = [checked_product(quota, value, where) for value in froms]
        gate = (checked_product(quota, scaled(component.gate, from_digits, where), where)
                if component.gate else None)
    else:
        from_digits = 0
        scaled_base = base
        bounds = [np.full_like(base, scaled(text, 2, where)) for text, _ in component.tiers]
        gate = np.full_like(base, scaled(component.gate, 2, where)) if component.gate else None

    if component.method == "marginal":
        # Each slice between two boundaries earns its tier's rate.
        numerator = np.zeros_like(base)
        for number, rate in enumerate(rates):
            upper = bounds[number + 1] if number + 1 < len(bounds) else scaled_base
            top = np.minimum(scaled_base, upper)
            slice_ = np.clip(top - bounds[number], 0, None)
            numerator += checked_product(slice_, rate, where)
        scale_digits = 2 + from_digits + rate_digits
    else:
        # The whole base earns the rate of the highest tier reached.
        rate_per_group = np.zeros_like(base)
        for number, rate in enumerate(rates):
            rate_per_group = np.where(scaled_base >= bounds[number], rate, rate_per_group)
        largest = int(np.abs(base).max()) if base.size else 0
        if largest * max(rates) > INT64_LIMIT:
            raise ReferenceError(f"{where}: int64 overflow")
        numerator = base * rate_per_group
        scale_digits = 2 + rate_digits

    paid = base > 0
    if gate is not None:
        paid &= scaled_base >= gate
    numerator = np.where(paid, numerator, 0)

    if component.cap is not None:
        cap = checked_product(np.array([scaled(component.cap, 2, where)], dtype=np.int64),
                              10 ** (scale_digits - 2), where)[0]
        numerator = np.minimum(numerator, cap)

    return round_half_away(numerator, 10 ** (scale_digits - minor_digits))


def bonus_payout(component, base, quota, minor_digits):
    """Amount of the highest level reached per group (levels do not add up)."""
    where = f"component “{component.id}”"
    amounts = [scaled(amount, minor_digits, where) for _, amount in component.levels]
    if component.basis == "attainment":
        if (quota < 0).any():
            raise ReferenceError(f"{where}: attainment basis without a quota")
        digits = max_decimals([text for text, _ in component.levels], where)
        scaled_base = checked_product(base, 10 ** digits, where)
        bounds = [checked_product(quota, scaled(text, digits, where), where)
                  for text, _ in component.levels]
    else:
        scaled_base = base
        bounds = [scaled(text, 2, where) for text, _ in component.levels]

    payout = np.zeros_like(base)
    for bound, amount in zip(bounds, amounts):
        payout = np.where(scaled_base >= bound, amount, payout)
    # As for commissions, a base of zero or below pays nothing.
    return np.where(base > 0, payout, 0)


def compute_payouts(groups, program, sales):
    """Add a rounded payout column per component and their sum to groups."""
    quota = group_quotas(program, groups, sales)
    total = np.zeros(len(groups), dtype=np.int64)
    for number, component in enumerate(program.components):
        base = groups[f"base{number}"].to_numpy(dtype=np.int64)
        if component.kind == "commission":
            payout = commission_payout(component, base, quota, program.minor_digits)
        else:
            payout = bonus_payout(component, base, quota, program.minor_digits)
        groups[f"payout{number}"] = payout
        total += payout
    groups["payout"] = total
    return groups


def simulate(sales, program):
    return compute_payouts(compute_bases(sales, program), program, sales)


# Output


def money(units, digits):
    """Exact text of an integer count of 10**-digits ("-12.05")."""
    units = int(units)
    sign = "-" if units < 0 else ""
    units = abs(units)
    if digits == 0:
        return f"{sign}{units}"
    return f"{sign}{units // 10 ** digits}.{units % 10 ** digits:0{digits}d}"


def sales_money(cents, digits):
    """Sales are summed exactly in cents and rounded once where printed."""
    return money(round_half_away(np.array([cents], dtype=np.int64), 10 ** (2 - digits))[0]
                 if digits < 2 else cents, digits)


def build_result(groups, program, sales):
    digits = program.minor_digits
    ids = [component.id for component in program.components]
    payout_columns = [f"payout{number}" for number in range(len(ids))]
    partners = []

    partner_codes = groups["partner"].cat.codes.to_numpy()
    partner_ids = groups["partner"].cat.categories
    records = groups[["period", "sales", "payout"] + payout_columns].itertuples(index=False)
    current = None
    current_code = -1
    for code, record in zip(partner_codes, records):
        period, period_sales, payout, *component_payouts = record
        if code != current_code:
            current_code = code
            current = {"partner": partner_ids[code], "segment": sales.partner_segments[code],
                       "sales": 0, "payout": 0, "periods": []}
            partners.append(current)
        current["sales"] += period_sales
        current["payout"] += payout
        current["periods"].append({
            "period": sales.period_labels[period],
            "sales": sales_money(period_sales, digits),
            "payout": money(payout, digits),
            "components": {ident: money(value, digits)
                           for ident, value in zip(ids, component_payouts)},
        })
    for partner in partners:
        partner["sales"] = sales_money(partner["sales"], digits)
        partner["payout"] = money(partner["payout"], digits)

    total_sales = int(groups["sales"].sum())
    return {
        "program": program.id,
        "currency": program.currency,
        "period": program.period,
        "from": sales.first_date.isoformat(),
        "to": sales.last_date.isoformat(),
        "totals": {"sales": sales_money(total_sales, digits),
                   "payout": money(groups["payout"].sum(), digits)},
        "components": [{"id": ident, "payout": money(groups[column].sum(), digits)}
                       for ident, column in zip(ids, payout_columns)],
        "partners": partners,
    }


# Commands


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_simulation(args):
    """Print the result as JSON; with --timings, the in-process steps go to stderr."""
    steps = {}
    started = time.perf_counter()
    program = load_program(args.program)
    sales = load_sales(args.sales, program)
    steps["load_ms"] = time.perf_counter()
    groups = simulate(sales, program)
    steps["simulate_ms"] = time.perf_counter()
    result = build_result(groups, program, sales)
    # json.dumps runs the C encoder; json.dump would stream in pure Python.
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    sys.stdout.write("\n")
    steps["output_ms"] = time.perf_counter()

    if args.timings:
        previous = started
        for name, moment in steps.items():
            steps[name], previous = round((moment - previous) * 1000, 3), moment
        steps["peak_rss_kb"] = peak_rss_kb()
        print(json.dumps({"timings": steps}), file=sys.stderr)


def run_resimulation(args):
    """Time the groupby and tiers on a loaded frame after each one-rate edit.

    The edit alternates the rate of one tier between its value and that
    value plus 0.001, so that every run computes a changed program.  One
    unmeasured run first warms up pandas' code paths and caches.
    """
    program = load_program(args.program)
    started = time.perf_counter()
    sales = load_sales(args.sales, program)
    load_ms = (time.perf_counter() - started) * 1000

    component = next(c for c in program.components if c.kind == "commission" and len(c.tiers) > 1)
    tier_index = len(component.tiers) // 2
    original = component.tiers[tier_index][1]
    edited = str(Decimal(original) + Decimal("0.001"))

    simulate(sales, program)
    times = []
    total = None
    for iteration in range(args.resimulate):
        variant = copy_with_rate(program, component.id, tier_index,
                                 edited if iteration % 2 == 0 else original)
        started = time.perf_counter()
        groups = simulate(sales, variant)
        total = int(groups["payout"].sum())
        times.append((time.perf_counter() - started) * 1000)

    json.dump({"rows": len(sales.frame), "load_ms": round(load_ms, 3),
               "iterations": args.resimulate, "median_ms": round(statistics.median(times), 3),
               "min_ms": round(min(times), 3), "runs_ms": [round(t, 3) for t in times],
               "edited": f"{component.id} tier {tier_index} rate {original} <-> {edited}",
               "last_total_payout": money(total, program.minor_digits),
               "peak_rss_kb": peak_rss_kb()}, sys.stdout)
    sys.stdout.write("\n")


def exact_payouts(program, sales_path):
    """Compute every component payout line by line with Fractions, for cross-checks.

    This is a second, deliberately naive reading of the same rules: the csv
    module, exact rationals, no pandas and no scaling.  It returns
    {(partner, period label, component id): payout text}.
    """
    import csv
    from fractions import Fraction

    def exact(text):
        return Fraction(Decimal(text))

    def rounded(value, digits):
        units = value * 10 ** digits
        magnitude = int(abs(units) + Fraction(1, 2))
        return money(-magnitude if units < 0 else magnitude, digits)

    bases = {}
    segments = {}
    labels = {}
    with open(sales_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            day = date.fromisoformat(row["date"])
            segments.setdefault(row["partner"], row["segment"] or None)
            index, labels_text = period_of(day, program.period, program.fiscal_year_start)
            labels[index] = labels_text
            sums = bases.setdefault((row["partner"], index), [Fraction(0)] * len(program.components))
            for number, component in enumerate(program.components):
                rule = component.filter
                if any((segments[row["partner"]] if name == "segment" else row[name]) not in allowed
                       for name, allowed in rule.values.items()):
                    continue
                if (rule.start and day < rule.start) or (rule.end and day > rule.end):
                    continue
                sums[number] += exact(row[MEASURE_COLUMNS[component.measure]])

    def quota_of(partner):
        text = program.segment_quotas.get(segments[partner], program.quota)
        return exact(text) if text is not None else None

    result = {}
    for (partner, index), sums in bases.items():
        quota = quota_of(partner)
        for component, base in zip(program.components, sums):
            unit = quota if component.basis == "attainment" else 1
            if component.kind == "bonus":
                payout = Fraction(0)
                for minimum, amount in component.levels:
                    if base > 0 and base >= exact(minimum) * unit:
                        payout = exact(amount)
            else:
                bounds = [exact(start) * unit for start, _ in component.tiers]
                rates = [exact(rate) for _, rate in component.tiers]
                if component.method == "marginal":
                    payout = sum(rate * max(Fraction(0), min(base, upper) - lower)
                                 for rate, lower, upper in
                                 zip(rates, bounds, bounds[1:] + [max(base, bounds[-1])]))
                else:
                    reached = [rate for rate, lower in zip(rates, bounds) if base >= lower]
                    payout = base * reached[-1] if reached else Fraction(0)
                if base <= 0 or (component.gate and base < exact(component.gate) * unit):
                    payout = Fraction(0)
                if component.cap:
                    payout = min(payout, exact(component.cap))
            result[(partner, labels[index], component.id)] = rounded(payout, program.minor_digits)
    return result


def run_cross_check(args):
    """Compare the pandas computation with exact_payouts() on every partner and period."""
    program = load_program(args.program)
    sales = load_sales(args.sales, program)
    result = build_result(simulate(sales, program), program, sales)
    found = {(partner["partner"], period["period"], ident): value
             for partner in result["partners"] for period in partner["periods"]
             for ident, value in period["components"].items()}
    expected = exact_payouts(program, args.sales)
    differences = [key for key in expected.keys() | found.keys()
                   if expected.get(key) != found.get(key)]
    for key in sorted(differences)[:10]:
        print(f"cross-check: {key}: exact {expected.get(key)}, pandas {found.get(key)}",
              file=sys.stderr)
    print(f"cross-check: {len(expected)} payouts compared, {len(differences)} differ")
    return 1 if differences else 0


SELF_TEST_PROGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="urn:palier:program:1" id="t" name="t" currency="EUR" period="quarter">
  <quota amount="100000"/>
  <segment id="Gold" quota="200000"/>
  <commission id="marginal" name="m" basis="amount" method="marginal">
    <tier from="0" rate="0.05"/>
    <tier from="100000" rate="0.08"/>
  </commission>
  <commission id="retro" name="r" basis="amount" method="retroactive">
    <tier from="0" rate="0.05"/>
    <tier from="100000" rate="0.08"/>
  </commission>
  <commission id="att" name="a" basis="attainment" method="marginal">
    <tier from="0" rate="0.04"/>
    <tier from="1.0" rate="0.07"/>
    <gate min="0.5"/>
    <cap max="5000"/>
  </commission>
  <commission id="spiff" name="s" basis="amount" method="retroactive">
    <filter category="Tech" start="2024-02-15" end="2024-04-10"/>
    <tier from="0" rate="0.015"/>
  </commission>
  <bonus id="club" name="c" basis="attainment">
    <level min="1.0" amount="250"/>
    <level min="1.5" amount="600"/>
  </bonus>
</program>
"""

# Sales for the self-test program; the expected payouts are computed by hand below.
SELF_TEST_SALES = """date,partner,product,category,region,segment,deal,quantity,amount,margin
2024-01-10,A,x,Tech,N,Silver,1,1,100000.00,0
2024-02-20,A,x,Tech,N,Silver,2,1,50000.00,0
2024-03-05,B,x,Office,N,Gold,3,1,90000.00,0
2024-03-06,B,x,Office,N,Gold,4,-1,-10000.00,0
2024-04-01,B,x,Tech,N,Gold,5,1,0.33,0
2024-04-02,C,x,Office,N,Silver,6,1,-500.00,0
"""

# partner, period, component -> expected payout text.
SELF_TEST_EXPECTED = {
    # A 2024-Q1: base 150 000, quota 100 000.
    ("A", "2024-Q1", "marginal"): "9000.00",    # 5 000 + 4 000
    ("A", "2024-Q1", "retro"): "12000.00",      # 150 000 × 8 %
    ("A", "2024-Q1", "att"): "5000.00",         # 4 000 + 3 500 = 7 500, capped
    ("A", "2024-Q1", "spiff"): "750.00",        # 50 000 × 1.5 % (2024-02-20 only)
    ("A", "2024-Q1", "club"): "600.00",         # attainment 1.5 reached exactly
    # B 2024-Q1: base 80 000, Gold quota 200 000: attainment 0.4, below the gate.
    ("B", "2024-Q1", "marginal"): "4000.00",
    ("B", "2024-Q1", "retro"): "4000.00",
    ("B", "2024-Q1", "att"): "0.00",
    ("B", "2024-Q1", "club"): "0.00",
    # B 2024-Q2: 0.33 × 5 % = 0.0165 -> 0.02; 0.33 × 1.5 % = 0.00495 -> 0.00.
    ("B", "2024-Q2", "marginal"): "0.02",
    ("B", "2024-Q2", "spiff"): "0.00",
    # C 2024-Q2: negative base pays nothing.
    ("C", "2024-Q2", "marginal"): "0.00",
    ("C", "2024-Q2", "retro"): "0.00",
}


def run_self_test():
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        program_path = Path(folder, "program.xml")
        sales_path = Path(folder, "sales.csv")
        program_path.write_text(SELF_TEST_PROGRAM, encoding="utf-8")
        sales_path.write_text(SELF_TEST_SALES, encoding="utf-8")
        program = load_program(program_path)
        sales = load_sales(sales_path, program)
        result = build_result(simulate(sales, program), program, sales)

    found = {(partner["partner"], period["period"], ident): value
             for partner in result["partners"] for period in partner["periods"]
             for ident, value in period["components"].items()}
    for key, expected in SELF_TEST_EXPECTED.items():
        if found.get(key) != expected:
            print(f"self-test: {key}: expected {expected}, got {found.get(key)}", file=sys.stderr)
            failures += 1
    if result["totals"]["sales"] != "229500.33":
        print(f"self-test: total sales: expected 229500.33, got {result['totals']['sales']}",
              file=sys.stderr)
        failures += 1
    print("self-test: " + ("passed" if failures == 0 else f"{failures} failures"))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--program", help="program XML (version 1 features only)")
    parser.add_argument("--sales", help="sales CSV with date, partner, segment, amount columns")
    parser.add_argument("--resimulate", type=int, metavar="N",
                        help="time N recomputations after a one-rate edit instead of printing the result")
    parser.add_argument("--timings", action="store_true",
                        help="print the in-process time of each step to stderr as JSON")
    parser.add_argument("--self-test", action="store_true", help="check hand-computed cases and exit")
    parser.add_argument("--cross-check", action="store_true",
                        help="compare every payout with a naive exact computation (slow) and exit")
    args = parser.parse_args()

    if args.self_test:
        return run_self_test()
    if not args.program or not args.sales:
        parser.error("--program and --sales are required")
    try:
        if args.cross_check:
            return run_cross_check(args)
        if args.resimulate:
            run_resimulation(args)
        else:
            run_simulation(args)
    except (ReferenceError, OSError, ValueError) as exc:
        print(f"reference.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
