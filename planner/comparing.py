"""Products side by side: HPP, the direct price, margin, profit per batch and per hour of work.

Pure arithmetic on CostSheets (see docs/design.md, Formulas). Every product is
priced on the direct channel (the first in the settings), the one price the
workshop compares. A pattern's batch is one garment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner.costing import SIXTY, CostSheet
from planner.errors import named_sort
from planner.pricing import ChannelPrice, price_channel
from planner.settings import Channel, Pricing


@dataclass(frozen=True)
class Comparison:
    """One product (a pattern: one size) priced on the direct channel."""

    sheet: CostSheet
    sale: ChannelPrice
    pricing: Pricing | None = None  # the rule the price was set by (each workspace of a class has its own)

    @property
    def sold(self) -> Decimal:
        """Pieces sold from one batch: ``sellable × s`` (s is 1 on a direct sale)."""
        return self.sheet.sellable * self.sale.channel.sell_through

    @property
    def profit_batch(self) -> Decimal:
        """Profit per piece sold × pieces sold from one batch, worked out without dividing by s:
        ``receipt × sold − batch cost``."""
        return self.sale.receipt * self.sold - self.sheet.batch

    @property
    def hours(self) -> Decimal | None:
        """Hands-on hours of one batch (sub-recipes' share included); None when no minutes are given."""
        return self.sheet.minutes / SIXTY if self.sheet.minutes > 0 else None

    @property
    def profit_hour(self) -> Decimal | None:
        """``profit per batch / hours``: what an hour of work on this product earns."""
        hours = self.hours
        return None if hours is None else self.profit_batch / hours


def compare_products(sheets: Sequence[CostSheet], channel: Channel, pricing: Pricing) -> list[Comparison]:
    """Each sheet priced once on ``channel``."""
    return [Comparison(sheet, price_channel(sheet.unit, channel, pricing), pricing) for sheet in sheets]


# Sort keys by the name a user gives to --sort; figures sort largest first, names A to Z.
SORTS: dict[str, Callable[[Comparison], object]] = {
    "per-hour": lambda c: c.profit_hour,
    "profit": lambda c: c.profit_batch,
    "margin": lambda c: c.sale.margin,
    "price": lambda c: c.sale.price,
    "hpp": lambda c: c.sheet.unit,
    "name": lambda c: (c.sheet.product.casefold(), c.sheet.size or ""),
}
DEFAULT_SORT = "per-hour"
# The same columns in Indonesian, in the same order.
ALIASES = {"per-jam": "per-hour", "laba": "profit", "margin": "margin", "harga": "price", "hpp": "hpp", "nama": "name"}


def sort_name(column: str) -> str:
    """The sort column a user named (English or Indonesian), or an error listing the valid ones."""
    return named_sort(column, SORTS, ALIASES)


def sort_comparisons(rows: Sequence[Comparison], column: str = DEFAULT_SORT, reverse: bool = False) -> list[Comparison]:
    """Rows by ``column``: figures largest first, names A to Z (``reverse`` flips); blanks always last.

    Ties keep the order the files were given in.
    """
    column = sort_name(column)
    key = SORTS[column]
    present = [row for row in rows if key(row) is not None]
    blank = [row for row in rows if key(row) is None]
    descending = column != "name"
    return sorted(present, key=key, reverse=descending != reverse) + blank  # type: ignore[arg-type]
