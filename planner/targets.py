"""Targets from what sold (docs/design-book.md, "Targets from what sold"; docs/targets.md).

For each product and weekday: the last ``history`` **sample days** of that weekday (a date with a
``sold`` record of the product or a ``titip`` visit counting its pieces; a day it was only made,
e.g. for an order, is not one: docs/targets.md), each with its demand = pieces sold that
date, at home and reported by the shops on that date's visits (the period report's own counting,
planner/book/period.py, over that one day). The target is the **newsvendor quantity**: the
smallest sample ``q`` with ``F(q) ≥ c_u / (c_u + c_o)`` on the samples' empirical distribution,
where ``c_u`` is what a missed sale loses (receipt − HPP) and ``c_o`` what an unsold piece costs
(its HPP). With fewer than ``FEW`` samples it is the average, rounded up.

Everything is exact: the ratio is a Decimal and ``F(q) ≥ r`` is ``#{x ≤ q} ≥ r × n``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from typing import Any

from planner.book.ledger import Book, Entry, Period, ProductKey
from planner.book.period import Costed, period_report
from planner.book.records import Titip
from planner.money import ONE, ZERO, ceil_div
from planner.records import Record
from planner.settings import Settings

FEW = 4  # fewer samples than this: the average, rounded up, with a warning
DIRECT_SALES = ("sold", "titip")  # what counts as demand; an order handed over is not a day's demand


def critical_ratio(missed: Decimal, unsold: Decimal) -> Decimal:
    """``c_u / (c_u + c_o)``, kept within 0..1: a sale that loses money (c_u ≤ 0) asks for the
    fewest pieces the samples show, an unsold piece that costs nothing (c_o ≤ 0) for the most."""
    if missed <= 0:
        return ZERO
    if unsold <= 0:
        return ONE
    return missed / (missed + unsold)


def newsvendor(samples: Sequence[int], ratio: Decimal) -> int:
    """The smallest sample ``q`` with ``F(q) = #{x ≤ q} / n ≥ ratio`` (ties counted together).

    In sorted order that is the ``k``-th sample, ``k = ⌈ratio × n⌉`` (at least the first): the
    ``k``-th has at least ``k`` samples at or below it, and anything smaller at most ``k − 1``."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    k = int((ratio * len(ordered)).to_integral_value(rounding=ROUND_CEILING))
    return ordered[min(max(k, 1), len(ordered)) - 1]


def average(samples: Sequence[int]) -> Decimal:
    return Decimal(sum(samples)) / len(samples)


def rounded_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


@dataclass(frozen=True)
class Sample:
    """One sample day of one product: what sold, what was made (if recorded), what came back."""

    day: date
    sold: int
    made: int | None
    returned: int
    entry: Entry[Any]  # the day's first record of the product (where a warning is placed)

    @property
    def sold_out(self) -> bool:
        """Nothing came back and what was made that day was all sold: demand was at least ``sold``.
        With no ``made`` record there is nothing to say what was on offer: not counted as sold out."""
        return self.returned == 0 and self.made is not None and self.sold >= self.made


@dataclass(frozen=True)
class DayTarget:
    weekday: int  # date.weekday(): Monday 0
    samples: tuple[Sample, ...]  # the latest last
    target: int
    few: bool  # fewer than FEW samples: the target is the average rounded up

    @property
    def sold(self) -> list[int]:
        return [s.sold for s in self.samples]

    @property
    def average(self) -> Decimal:
        return average(self.sold)

    @property
    def sold_out(self) -> tuple[Sample, ...]:
        return tuple(s for s in self.samples if s.sold_out)

    @property
    def at_or_below(self) -> int:
        """How many samples sold the target or fewer (``n × F(target)``)."""
        return sum(1 for s in self.sold if s <= self.target)


@dataclass(frozen=True)
class ProductTarget:
    cost: Costed
    receipt: Decimal  # what a piece sold on the main channel leaves
    sellable: Decimal  # sellable pieces of a batch
    days: tuple[DayTarget, ...]

    @property
    def key(self) -> ProductKey:
        return self.cost.key

    @property
    def unit_cost(self) -> Decimal:
        """``c_o``: an unsold piece costs its HPP."""
        return self.cost.unit

    @property
    def missed_profit(self) -> Decimal:
        """``c_u``: a missed sale loses ``receipt − HPP``."""
        return self.receipt - self.cost.unit

    @property
    def ratio(self) -> Decimal:
        return critical_ratio(self.missed_profit, self.unit_cost)

    @property
    def week_pieces(self) -> int:
        return sum(d.target for d in self.days)

    @property
    def batches(self) -> int:
        return ceil_div(Decimal(self.week_pieces), self.sellable)


def day_target(weekday: int, samples: Sequence[Sample], ratio: Decimal) -> DayTarget:
    sold = [s.sold for s in samples]
    few = len(sold) < FEW
    target = rounded_up(average(sold)) if few else newsvendor(sold, ratio)
    return DayTarget(weekday, tuple(samples), target, few)


def product_target(
    cost: Costed, receipt: Decimal, sellable: Decimal, samples: Sequence[Sample], history: int
) -> ProductTarget:
    """Per weekday (Monday first), the target from the last ``history`` samples of that weekday."""
    ratio = critical_ratio(receipt - cost.unit, cost.unit)
    days = []
    for weekday in range(7):
        found = [s for s in samples if s.day.weekday() == weekday][-history:]
        if found:
            days.append(day_target(weekday, found, ratio))
    return ProductTarget(cost, receipt, sellable, tuple(days))


def _offered(record: Record) -> bool:
    """A sale, or a shop visit that counts pieces (not one that only brings money)."""
    return not isinstance(record, Titip) or bool(record.delivered or record.sold or record.returned)


def samples_of(
    book: Book, settings: Settings, costed: Mapping[ProductKey, Costed], today: date
) -> dict[ProductKey, list[Sample]]:
    """Every product's sample days up to ``today``, oldest first, counted by the period report."""
    firsts: dict[tuple[ProductKey, date], Entry[Any]] = {}
    offered: list[Entry[Any]] = [*book.sold, *book.titip]
    for entry in sorted(offered, key=lambda e: e.date):
        key = entry.product
        if key is not None and key in costed and entry.date <= today and _offered(entry.record):
            firsts.setdefault((key, entry.date), entry)
    found: dict[ProductKey, list[Sample]] = {}
    for day in sorted({d for _key, d in firsts}):
        report = period_report(book, settings, costed, Period(day, day))
        for p in report.products:
            first = firsts.get((p.key, day))
            if first is None:
                continue  # only an order handed over that day
            made = p.made or None  # a [[made]] record has at least one piece
            sold = sum(s.pieces for s in p.sales.values() if s.kind in DIRECT_SALES)
            found.setdefault(p.key, []).append(Sample(day, sold, made, p.returned, first))
    return found
