"""The book as one value: every valid record of every book file, with its file and line, in date
order, and the products they name loaded. The reports (titip, the period report, and the orders,
targets and sharing built on them) take a ``Book``; planner/bookfiles.py makes one from the files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Generic, NamedTuple, TypeVar

from planner.book.records import Bought, Capital, Made, Order, Sold, Spent, Titip, Worked
from planner.models import PatternProduct, Product
from planner.records import Record

R = TypeVar("R", bound=Record)
ONE_DAY = timedelta(days=1)


class ProductKey(NamedTuple):
    """A product as the book counts it: its file (as resolved from the book) and, for a pattern, a size."""

    path: str
    size: str | None = None


@dataclass(frozen=True)
class Entry(Generic[R]):
    """One record, where it is written, and the products it names (resolved from its file)."""

    record: R
    kind: str  # the array it is in: "made", "sold", ...
    file: str  # the book file, as problems name it
    index: int  # its place in that array
    line: int | None = None  # the line of its [[kind]] header (None: written inline)
    products: tuple[ProductKey, ...] = ()  # made, sold, titip: one; an order: one per make line

    @property
    def date(self) -> date:
        day: date = getattr(self.record, "date")  # noqa: B009  (every record kind has a date)
        return day

    @property
    def product(self) -> ProductKey | None:
        return self.products[0] if self.products else None

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where it is inside its file: ``("titip", 3)``."""
        return (self.kind, self.index)


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def weeks(self) -> list[Period]:
        """The ISO weeks (Monday to Sunday) the period touches, each cut to the period."""
        found, start = [], self.start
        while start <= self.end:
            end = min(start + timedelta(days=6 - start.weekday()), self.end)
            found.append(Period(start, end))
            start = end + ONE_DAY
        return found

    def split(self, day: date) -> tuple[Period, Period]:
        """The days up to ``day`` and the days after it."""
        return Period(self.start, day), Period(day + ONE_DAY, self.end)


@dataclass(frozen=True)
class Book:
    """Every valid record of the books read, in date order (a day's records in the order written)."""

    files: tuple[str, ...] = ()
    products: Mapping[str, Product] = field(default_factory=dict)  # by path, as in ProductKey
    made: tuple[Entry[Made], ...] = ()
    sold: tuple[Entry[Sold], ...] = ()
    titip: tuple[Entry[Titip], ...] = ()
    bought: tuple[Entry[Bought], ...] = ()
    spent: tuple[Entry[Spent], ...] = ()
    capital: tuple[Entry[Capital], ...] = ()
    worked: tuple[Entry[Worked], ...] = ()
    orders: tuple[Entry[Order], ...] = ()

    def name(self, key: ProductKey) -> str:
        """The product's name, with its size for a pattern: "Kemeja sekolah M"."""
        product = self.products.get(key.path)
        name = product.name if product is not None else key.path
        return f"{name} {key.size}" if key.size else name

    def product_keys(self) -> list[ProductKey]:
        """Every product the records name, in the order first named."""
        found: dict[ProductKey, None] = {}
        for entries in (self.made, self.sold, self.titip, self.orders):
            for entry in entries:
                found.update(dict.fromkeys(entry.products))
        return list(found)

    @property
    def first_day(self) -> date | None:
        days = [e.date for e in self.entries()]
        return min(days) if days else None

    @property
    def last_day(self) -> date | None:
        days = [e.date for e in self.entries()]
        return max(days) if days else None

    def entries(self) -> Iterator[Entry[Record]]:
        for kind in ("made", "sold", "titip", "bought", "spent", "capital", "worked", "orders"):
            yield from getattr(self, kind)

    def is_pattern(self, key: ProductKey) -> bool:
        return isinstance(self.products.get(key.path), PatternProduct)


def within(entries: Iterable[Entry[R]], period: Period) -> list[Entry[R]]:
    """The entries dated inside ``period``."""
    return [e for e in entries if e.date in period]


def until(entries: Iterable[Entry[R]], day: date) -> list[Entry[R]]:
    """The entries dated ``day`` or before."""
    return [e for e in entries if e.date <= day]
