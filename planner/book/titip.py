"""Consignment accounts (titip jual): per shop and product, what was left on the shelf, reported
sold, taken back, what the shop owes for it and what it has paid (docs/design-book.md).

``on_shelf = Σ delivered − Σ sold − Σ returned``; a visit's pieces sold earn ``sold × price ×
(1 − commission)`` (less the channel's fee a piece), at the price the visit writes or else the
planner's shelf price for the shop's channel with the shop's own commission; ``owed = earned −
paid`` for the shop; measured sell-through ``Σ sold / (Σ sold + Σ returned)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.book.ledger import Book, Entry, Period, ProductKey
from planner.book.records import Titip
from planner.booksettings import Shop
from planner.money import ONE, ZERO
from planner.pricing import find_channel, price_channel
from planner.settings import Channel, Settings


def shop_channel(shop: Shop, channels: Sequence[Channel]) -> Channel:
    """The shop's channel, with the shop's own commission when it has one."""
    channel = find_channel(channels, shop.channel)
    return channel if shop.commission is None else channel.copy({"commission": shop.commission})


def shelf_price(cost: Decimal, channel: Channel, settings: Settings) -> Decimal:
    """The planner's shelf price for HPP ``cost`` on the shop's channel."""
    return price_channel(cost, channel, settings.pricing).price


@dataclass(frozen=True)
class Visit:
    """One visit's count of one product, at the shelf price it was sold at."""

    entry: Entry[Titip]
    price: Decimal  # the visit's own price, or the planner's
    earned: Decimal  # sold × price × (1 − commission) − sold × fee

    @property
    def record(self) -> Titip:
        return self.entry.record


@dataclass(frozen=True)
class Shelf:
    """One product at one shop: the visits of a period, and what was on the shelf before and after."""

    key: ProductKey
    name: str
    cost: Decimal | None  # its HPP a piece (None: it could not be worked out)
    computed: Decimal | None  # the planner's shelf price
    visits: tuple[Visit, ...]
    opening: int  # on the shelf before the period
    closing: int  # on the shelf at its end

    @property
    def delivered(self) -> int:
        return sum(v.record.delivered for v in self.visits)

    @property
    def sold(self) -> int:
        return sum(v.record.sold for v in self.visits)

    @property
    def returned(self) -> int:
        return sum(v.record.returned for v in self.visits)

    @property
    def earned(self) -> Decimal:
        return sum((v.earned for v in self.visits), ZERO)

    @property
    def price(self) -> Decimal | None:
        """The shelf price at the last visit that counted pieces sold (else the planner's)."""
        selling = [v for v in self.visits if v.record.sold]
        return selling[-1].price if selling else self.computed


@dataclass(frozen=True)
class Account:
    """One shop's account: its products, and the money it has paid."""

    shop: Shop
    index: int  # its place in [[shops]]
    channel: Channel  # with the shop's commission
    shelves: tuple[Shelf, ...]
    payments: tuple[Entry[Titip], ...]  # visits that paid money
    period: Period | None  # None: from the first record

    @property
    def earned(self) -> Decimal:
        return sum((s.earned for s in self.shelves), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((p.record.paid for p in self.payments), ZERO)

    @property
    def owed(self) -> Decimal:
        """What the shop still owes; negative when it paid more (an overpayment)."""
        return self.earned - self.paid

    @property
    def sold(self) -> int:
        return sum(s.sold for s in self.shelves)

    @property
    def returned(self) -> int:
        return sum(s.returned for s in self.shelves)

    @property
    def on_shelf(self) -> int:
        return sum(s.closing for s in self.shelves)

    @property
    def sell_through(self) -> Decimal | None:
        """``Σ sold / (Σ sold + Σ returned)``; None before anything came back or sold."""
        counted = self.sold + self.returned
        return None if not counted else Decimal(self.sold) / counted

    @property
    def last_visit(self) -> date | None:
        days = [v.entry.date for s in self.shelves for v in s.visits] + [p.date for p in self.payments]
        return max(days) if days else None


def visit_earned(visit: Titip, price: Decimal, channel: Channel) -> Decimal:
    return visit.sold * (price * (ONE - channel.commission) - channel.fee)


def accounts(
    book: Book,
    settings: Settings,
    costs: Mapping[ProductKey, Decimal],
    end: date,
    start: date | None = None,
    shops: Sequence[str] | None = None,
) -> list[Account]:
    """Every shop's account from ``start`` (None: the first record) to ``end``; only ``shops`` when
    given. A visit without a price whose product's HPP is not in ``costs`` is left out."""
    found = []
    for index, shop in enumerate(settings.shops):
        if shops is not None and shop.name not in shops:
            continue
        channel = shop_channel(shop, settings.channels)
        visits = [e for e in book.titip if e.record.shop == shop.name and e.date <= end]
        found.append(_account(book, settings, costs, shop, index, channel, visits, end, start))
    return found


def _account(
    book: Book,
    settings: Settings,
    costs: Mapping[ProductKey, Decimal],
    shop: Shop,
    index: int,
    channel: Channel,
    visits: list[Entry[Titip]],
    end: date,
    start: date | None,
) -> Account:
    period = None if start is None else Period(start, end)
    keys = list(dict.fromkeys(e.product for e in visits if e.product is not None))
    shelves = []
    for key in keys:
        cost = costs.get(key)
        computed = None if cost is None else shelf_price(cost, channel, settings)
        mine = [e for e in visits if e.product == key]
        before = [e for e in mine if start is not None and e.date < start]
        inside = [e for e in mine if start is None or e.date >= start]
        counted = [
            Visit(e, price, visit_earned(e.record, price, channel))
            for e in inside
            for price in [e.record.price if e.record.price is not None else computed]
            if price is not None
        ]
        shelves.append(Shelf(key, book.name(key), cost, computed, tuple(counted), _on_shelf(before), _on_shelf(mine)))
    payments = tuple(e for e in visits if e.record.paid and (start is None or e.date >= start))
    return Account(shop, index, channel, tuple(shelves), payments, period)


def _on_shelf(visits: Sequence[Entry[Titip]]) -> int:
    return sum(e.record.delivered - e.record.sold - e.record.returned for e in visits)


def on_shelf(book: Book, key: ProductKey, day: date) -> int:
    """Pieces of ``key`` on every shop's shelf at the end of ``day``."""
    return _on_shelf([e for e in book.titip if e.product == key and e.date <= day])
