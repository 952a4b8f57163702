"""The period report (docs/design-book.md): what a month, a week or any days made, sold and earned,
and what that left — gross and net profit, the maker's own pay beside it, and the cash.

Per product with HPP ``C`` a piece: ``unsold = made − sold − Δ on_shelf``; ``earned = Σ sold ×
price`` (what each channel hands over: ``× (1 − commission) − fee``; titip at the visit's shelf
price); pieces still on shop shelves are stock, not cost: ``gross = earned − (made − Δ on_shelf) ×
C``. For the business: ``net = gross − Σ spent − depreciation for the days`` (monthly ÷ 30 × days),
``take-home = labour inside the HPP of the pieces made + net``.

Every figure is a sum over the records of the period (depreciation over its days), so the report
of two halves adds up to the report of the whole; the weeks of the chart are worked out in the
same pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from planner.book.ledger import Book, Entry, Period, ProductKey
from planner.book.records import Made, Order, Sold, Titip
from planner.book.titip import shelf_price, shop_channel, visit_earned
from planner.money import ONE, ZERO
from planner.pricing import depreciation
from planner.settings import Channel, Equipment, Settings

ORDERS = "orders"  # the sales key of orders handed over
DAYS_A_MONTH = Decimal(30)


@dataclass(frozen=True)
class Costed:
    """What the book needs of one product's costing (its CostSheet, planner.costing)."""

    key: ProductKey
    name: str
    unit: Decimal  # C: HPP a piece
    labour: Decimal  # the maker's pay inside C, a piece
    needs: Mapping[str, Decimal] = field(default_factory=dict)  # purchase packs of each item a piece uses
    equipment: str | None = None
    direct: Decimal = ZERO  # the direct channel's price (an order without a price)


@dataclass
class Sales:
    """Pieces of one product sold on one channel (or at one shop, or as orders), and what they earned."""

    channel: str
    kind: str  # "sold" | "titip" | "order"
    pieces: int = 0
    earned: Decimal = ZERO
    charged: Decimal = ZERO  # Σ pieces × the price charged (before commission): the average price
    groups: dict[tuple[Decimal, Decimal, Decimal], int] = field(default_factory=dict)  # (price, r, fee) -> pieces

    @property
    def price(self) -> Decimal | None:
        """The average price charged a piece."""
        return None if not self.pieces else self.charged / self.pieces


@dataclass
class ProductPeriod:
    cost: Costed
    made: int = 0
    sales: dict[str, Sales] = field(default_factory=dict)
    returned: int = 0
    opening_shelf: int = 0
    shelf_change: int = 0

    @property
    def key(self) -> ProductKey:
        return self.cost.key

    @property
    def sold(self) -> int:
        return sum(s.pieces for s in self.sales.values())

    @property
    def closing_shelf(self) -> int:
        return self.opening_shelf + self.shelf_change

    @property
    def unsold(self) -> int:
        """Made and not sold nor still on a shelf: eaten, stale, given away."""
        return self.made - self.sold - self.shelf_change

    @property
    def earned(self) -> Decimal:
        return sum((s.earned for s in self.sales.values()), ZERO)

    @property
    def hpp_made(self) -> Decimal:
        return self.made * self.cost.unit

    @property
    def stock(self) -> Decimal:
        """The HPP of the period's change of pieces on shop shelves (stock, not cost)."""
        return self.shelf_change * self.cost.unit

    @property
    def gross(self) -> Decimal:
        return self.earned - (self.made - self.shelf_change) * self.cost.unit

    @property
    def labour(self) -> Decimal:
        return self.made * self.cost.labour

    @property
    def unsold_value(self) -> Decimal:
        return self.unsold * self.cost.unit


@dataclass(frozen=True)
class Depreciation:
    equipment: Equipment
    monthly: Decimal
    days: int

    @property
    def amount(self) -> Decimal:
        return self.monthly / DAYS_A_MONTH * self.days


@dataclass
class Week:
    """One week's money, for the chart (cut to the period)."""

    period: Period
    earned: Decimal = ZERO
    hpp: Decimal = ZERO
    stock: Decimal = ZERO
    spent: Decimal = ZERO
    depreciation: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.earned - self.hpp + self.stock - self.spent - self.depreciation


@dataclass
class ShopPeriod:
    """A shop's counts in the period: its measured sell-through."""

    name: str
    channel: Channel
    sold: int = 0
    returned: int = 0

    @property
    def sell_through(self) -> Decimal | None:
        counted = self.sold + self.returned
        return None if not counted else Decimal(self.sold) / counted


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    products: tuple[ProductPeriod, ...]
    spent: tuple[tuple[str, Decimal], ...]  # by what, in the order first spent
    depreciation: tuple[Depreciation, ...]
    weeks: tuple[Week, ...]
    shops: tuple[ShopPeriod, ...]

    @property
    def earned(self) -> Decimal:
        return sum((p.earned for p in self.products), ZERO)

    @property
    def hpp_made(self) -> Decimal:
        return sum((p.hpp_made for p in self.products), ZERO)

    @property
    def stock(self) -> Decimal:
        return sum((p.stock for p in self.products), ZERO)

    @property
    def gross(self) -> Decimal:
        return sum((p.gross for p in self.products), ZERO)

    @property
    def spent_total(self) -> Decimal:
        return sum((amount for _what, amount in self.spent), ZERO)

    @property
    def depreciation_total(self) -> Decimal:
        return sum((d.amount for d in self.depreciation), ZERO)

    @property
    def period_costs(self) -> Decimal:
        return self.spent_total + self.depreciation_total

    @property
    def net(self) -> Decimal:
        return self.gross - self.period_costs

    @property
    def labour(self) -> Decimal:
        return sum((p.labour for p in self.products), ZERO)

    @property
    def take_home(self) -> Decimal:
        return self.labour + self.net

    @property
    def unsold_value(self) -> Decimal:
        return sum((p.unsold_value for p in self.products), ZERO)


def period_report(book: Book, settings: Settings, costed: Mapping[ProductKey, Costed], period: Period) -> PeriodReport:
    """The period's report; records of products not in ``costed`` (their HPP unknown) are left out."""
    tally = _Tally(book, settings, costed, period)
    for entry in book.made:
        tally.made(entry)
    for sold in book.sold:
        tally.sold(sold)
    for visit in book.titip:
        tally.visit(visit)
    for order in book.orders:
        tally.order(order)
    for spent in book.spent:
        if spent.date in period:
            tally.spend(spent.record.what, spent.record.amount, tally.week(spent.date))
    return tally.report()


class _Tally:
    """One pass over the records: per product, per shop and per week."""

    def __init__(self, book: Book, settings: Settings, costed: Mapping[ProductKey, Costed], period: Period) -> None:
        self.book, self.settings, self.costed, self.period = book, settings, costed, period
        self.products: dict[ProductKey, ProductPeriod] = {}
        self.shops = {s.name: ShopPeriod(s.name, shop_channel(s, settings.channels)) for s in settings.shops}
        self.weeks = [Week(w) for w in period.weeks()]
        self.spent: dict[str, Decimal] = {}
        self._prices: dict[tuple[str, ProductKey], Decimal] = {}

    def week(self, day: date) -> Week:
        return self.weeks[_week_index(self.period, day)]

    def product(self, key: ProductKey | None) -> ProductPeriod | None:
        if key is None or key not in self.costed:
            return None
        if key not in self.products:
            self.products[key] = ProductPeriod(self.costed[key])
        return self.products[key]

    def made(self, entry: Entry[Made]) -> None:
        found = self.product(entry.product) if entry.date in self.period else None
        if found is not None:
            found.made += entry.record.pieces
            self.week(entry.date).hpp += entry.record.pieces * found.cost.unit

    def sold(self, entry: Entry[Sold]) -> None:
        found = self.product(entry.product) if entry.date in self.period else None
        if found is None:
            return
        sale = entry.record
        channel = sold_channel(sale, self.settings.channels)
        earned = sale_earned(sale, channel)
        _add(found, channel.name, "sold", sale.pieces, sale.price, channel, earned)
        self.week(entry.date).earned += earned

    def visit(self, entry: Entry[Titip]) -> None:
        visit, key = entry.record, entry.product
        shop = self.shops.get(visit.shop)
        if key is None or shop is None or key not in self.costed:
            return
        change = visit.delivered - visit.sold - visit.returned
        if entry.date < self.period.start:
            if key in self.products or change:
                self.product(key).opening_shelf += change  # type: ignore[union-attr]
            return
        if entry.date > self.period.end:
            return
        found = self.product(key)
        assert found is not None
        price = visit.price if visit.price is not None else self._shelf(shop, key)
        earned = visit_earned(visit, price, shop.channel)
        _add(found, visit.shop, "titip", visit.sold, price, shop.channel, earned)
        found.returned += visit.returned
        found.shelf_change += change
        shop.sold += visit.sold
        shop.returned += visit.returned
        week = self.week(entry.date)
        week.earned += earned
        week.stock += change * found.cost.unit

    def _shelf(self, shop: ShopPeriod, key: ProductKey) -> Decimal:
        if (shop.name, key) not in self._prices:
            self._prices[shop.name, key] = shelf_price(self.costed[key].unit, shop.channel, self.settings)
        return self._prices[shop.name, key]

    def order(self, entry: Entry[Order]) -> None:
        """An order handed over in the period is a sale; its price is shared over its lines by their
        pieces at the direct price."""
        order = entry.record
        if order.done is None or order.done not in self.period:
            return
        lines = [(key, line.pieces) for key, line in zip(entry.products, order.make)]
        if any(key not in self.costed for key, _pieces in lines):
            return
        worth = [pieces * self.costed[key].direct for key, pieces in lines]
        total = order.price if order.price is not None else sum(worth, ZERO)
        whole = sum(worth, ZERO)
        week = self.week(order.done)
        for (key, pieces), value in zip(lines, worth):
            share = total * value / whole if whole else total / len(lines)
            found = self.product(key)
            assert found is not None
            _add(found, ORDERS, "order", pieces, share / pieces, None, share)
            week.earned += share

    def spend(self, what: str, amount: Decimal, week: Week) -> None:
        self.spent[what] = self.spent.get(what, ZERO) + amount
        week.spent += amount

    def report(self) -> PeriodReport:
        products = tuple(p for p in self.products.values() if p.made or p.sales or p.shelf_change or p.returned)
        used = {p.cost.equipment for p in products}
        kit = tuple(
            Depreciation(eq, depreciation(eq), self.period.days)
            for eq in self.settings.equipment
            if eq.shared or eq.name in used
        )
        for week in self.weeks:
            week.depreciation = sum((d.monthly / DAYS_A_MONTH * week.period.days for d in kit), ZERO)
        shops = tuple(s for s in self.shops.values() if s.sold or s.returned)
        return PeriodReport(self.period, products, tuple(self.spent.items()), kit, tuple(self.weeks), shops)


def _add(
    found: ProductPeriod,
    name: str,
    kind: str,
    pieces: int,
    price: Decimal,
    channel: Channel | None,
    earned: Decimal,
) -> None:
    sales = found.sales.get(name)
    if sales is None:
        sales = found.sales[name] = Sales(name, kind)
    sales.pieces += pieces
    sales.earned += earned
    sales.charged += pieces * price
    terms = (price, channel.commission, channel.fee) if channel is not None else (price, ZERO, ZERO)
    if pieces:
        sales.groups[terms] = sales.groups.get(terms, 0) + pieces


def sold_channel(sale: Sold, channels: Sequence[Channel]) -> Channel:
    """The channel of a sale: as written, else the first (the direct sale)."""
    return next((c for c in channels if c.name == sale.channel), channels[0])


def sale_earned(sale: Sold, channel: Channel) -> Decimal:
    """What the channel hands over for a sale: ``pieces × (price × (1 − commission) − fee)``."""
    return sale.pieces * (sale.price * (ONE - channel.commission) - channel.fee)


def _week_index(period: Period, day: date) -> int:
    first_monday = period.start.toordinal() - period.start.weekday()
    return (day.toordinal() - first_monday) // 7
