"""The mentor's monitor (``planner monitor``): each group's books month by month, this month against
last, and the groups ranked by one figure.

Every figure of a month is the period report's (planner/book/period.py) for that month — earned,
net profit, take-home — or counted from its records: the measured sell-through ``Σ sold / (Σ sold
+ Σ returned)`` over the month's titip visits (None: no visit counted), and the orders done: the
orders whose ``done`` date falls in the month (an order is done the day it is handed over; its
``due`` date does not count, an order handed over late is done in the month it was handed over).

A month still going on (cut at today) is compared with last month up to the same day. The change
of a figure is this month against last: money and orders as a share of last month's
(None when last month had none), sell-through in points. ``growth`` ranks by the change of net
profit in money (a group from −Rp100.000 to Rp50.000 grew Rp150.000: a share of a negative month
would say nothing).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from planner.book.ledger import Book, Entry, Period
from planner.book.period import PeriodReport
from planner.errors import named_sort
from planner.records import Record

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class MonthFigures:
    """One group's month."""

    period: Period
    earned: Decimal
    net: Decimal
    take_home: Decimal
    sell_through: Decimal | None  # titip pieces sold of those counted (sold + returned)
    titip_sold: int
    titip_returned: int
    orders: int  # orders handed over (done) in the month

    @property
    def month(self) -> str:
        return self.period.start.strftime("%Y-%m")


@dataclass(frozen=True)
class GroupMonths:
    """One group (a sub-workspace): its figures for each month asked, the oldest first."""

    name: str  # the folder's name
    folder: str  # as shown
    business: str
    months: tuple[MonthFigures, ...] = ()  # empty: no books
    has_books: bool = True
    same_days: MonthFigures | None = None  # this month cut at today: last month up to the same day

    @property
    def this(self) -> MonthFigures | None:
        return self.months[-1] if self.months else None

    @property
    def last(self) -> MonthFigures | None:
        """What this month is compared with: last month (up to the same day while this one goes on)."""
        if len(self.months) < 2:
            return None
        return self.same_days if self.same_days is not None else self.months[-2]


def month_figures(book: Book, report: PeriodReport) -> MonthFigures:
    """A month's figures: the period report's, the titip sell-through of its shops, its orders done."""
    sold = sum(s.sold for s in report.shops)
    returned = sum(s.returned for s in report.shops)
    counted = sold + returned
    orders = sum(1 for e in book.orders if e.record.done is not None and e.record.done in report.period)
    return MonthFigures(
        report.period,
        report.earned,
        report.net,
        report.take_home,
        Decimal(sold) / counted if counted else None,
        sold,
        returned,
        orders,
    )


def month_records(book: Book, period: Period) -> Book:
    """The records the period report of ``period`` reads: made, sold and spent in it, titip visits
    and orders taken up to its end (a visit before it tells what was on the shelf; an order done in
    it was taken before its end). The same report, without going through a year of records for
    each month: the records are in date order, so each kind is cut by bisection."""
    start, end = period.start, period.end

    def cut(entries: tuple[Entry[R], ...], first: date | None) -> tuple[Entry[R], ...]:
        low = 0 if first is None else bisect_left(entries, first, key=_day)
        return entries[low : bisect_right(entries, end, key=_day)]

    return replace(
        book,
        made=cut(book.made, start),
        sold=cut(book.sold, start),
        spent=cut(book.spent, start),
        titip=cut(book.titip, None),
        orders=cut(book.orders, None),
    )


def _day(entry: Entry[Any]) -> date:
    return entry.date


def month_of(day: date) -> Period:
    """The calendar month holding ``day``."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(first, following - timedelta(days=1))


def same_days(last: Period, this: Period) -> Period:
    """``last`` cut to as many days as ``this`` has (1-14 November for 1-14 December; the 31st of a
    month cuts a shorter one at its end)."""
    return Period(last.start, min(last.start + timedelta(days=this.days - 1), last.end))


def months_back(last: Period, count: int) -> list[Period]:
    """``count`` calendar months ending with ``last``, the oldest first."""
    found = [last]
    while len(found) < count:
        found.insert(0, month_of(found[0].start - timedelta(days=1)))
    return found


def change(this: Decimal | int | None, last: Decimal | int | None) -> Decimal | None:
    """This month against last as a share of last month's (None: nothing to compare with)."""
    if this is None or last is None or not last:
        return None
    return (Decimal(this) - Decimal(last)) / abs(Decimal(last))


def points(this: Decimal | None, last: Decimal | None) -> Decimal | None:
    """The change of a share, in points (0.05: five points)."""
    return None if this is None or last is None else this - last


def growth(group: GroupMonths) -> Decimal | None:
    """Net profit this month − last month (None without two months)."""
    this, last = group.this, group.last
    return None if this is None or last is None else this.net - last.net


# --sort: figures largest first, names A to Z; blanks (no books, no sell-through counted) last
SORTS: dict[str, Callable[[GroupMonths], object]] = {
    "earned": lambda g: g.this.earned if g.this else None,
    "profit": lambda g: g.this.net if g.this else None,
    "take-home": lambda g: g.this.take_home if g.this else None,
    "sell-through": lambda g: g.this.sell_through if g.this else None,
    "orders": lambda g: g.this.orders if g.this else None,
    "growth": growth,
    "name": lambda g: g.name.casefold(),
}
DEFAULT_SORT = "profit"
ALIASES = {
    "penjualan": "earned",
    "laba": "profit",
    "penghasilan": "take-home",
    "laku": "sell-through",
    "pesanan": "orders",
    "pertumbuhan": "growth",
    "nama": "name",
}


def sort_name(column: str) -> str:
    """The figure a user named for --sort (English or Indonesian), or an error naming the closest."""
    return named_sort(column, SORTS, ALIASES)


def ranked(groups: Sequence[GroupMonths], column: str = DEFAULT_SORT, reverse: bool = False) -> list[GroupMonths]:
    """The groups by ``column``: figures largest first, names A to Z (``reverse`` flips); groups
    without the figure always last (those without a month of books the very last); ties keep the
    order the folders were found in."""
    key = SORTS[sort_name(column)]
    blank = sorted((g for g in groups if key(g) is None), key=lambda g: not g.months)
    shown = [g for g in groups if key(g) is not None]
    by_name = column == "name"
    shown.sort(key=key, reverse=(not by_name) != reverse)  # type: ignore[arg-type]
    return shown + blank
