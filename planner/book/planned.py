"""Planned against real: the prices actually charged against the planner's, the measured
sell-through against the setting, and what was bought against what the recipes say the pieces
made used (the gap is stock left over, waste or a price change: shown, never hidden). Also the
latest price paid for each item (``--prices-from-book``, and `check`'s warning when the catalog
is far from it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.book.ledger import Book, Entry, Period
from planner.book.period import PeriodReport
from planner.book.records import Bought
from planner.book.titip import shelf_price
from planner.catalog import find_item
from planner.errors import InputError, warning
from planner.models import Item
from planner.money import ZERO
from planner.pricing import price_channel
from planner.settings import Settings
from planner.texts import Cash, Pct, _, msg
from planner.units import Quantity, UnitTable

PRICE_GAP = Decimal("0.10")  # a catalog price this far from the latest purchase is told


@dataclass(frozen=True)
class Gap:
    """One figure as planned and as it really was."""

    what: str  # "price" | "sell_through" | "bought"
    product: str | None  # the product's name (prices)
    channel: str | None  # the channel or shop
    planned: Decimal
    real: Decimal
    kind: str = "money"  # "money" | "share"

    @property
    def gap(self) -> Decimal:
        return self.real - self.planned


def price_gaps(report: PeriodReport, settings: Settings) -> list[Gap]:
    """The average price charged on each channel and at each shop against the planner's price."""
    channels = {c.name: c for c in settings.channels}
    shops = {s.name: s.channel for s in report.shops}
    found = []
    for product in report.products:
        for sales in product.sales.values():
            price = sales.price
            if price is None or sales.kind == "order":
                continue
            if sales.kind == "sold":
                planned = price_channel(product.cost.unit, channels[sales.channel], settings.pricing).price
            else:
                shop = shops.get(sales.channel)
                if shop is None:
                    continue
                planned = shelf_price(product.cost.unit, shop, settings)
            found.append(Gap("price", product.cost.name, sales.channel, planned, price))
    return found


def sell_through_gaps(report: PeriodReport) -> list[Gap]:
    return [
        Gap("sell_through", None, shop.name, shop.channel.sell_through, shop.sell_through, "share")
        for shop in report.shops
        if shop.sell_through is not None
    ]


@dataclass(frozen=True)
class ItemUse:
    """One catalog item in the period: bought (in purchase packs) and paid, against what the
    pieces made used by their recipes, at the price the HPP was worked out with."""

    item: str
    label: str
    pack: Quantity
    bought: Decimal  # packs
    paid: Decimal
    used: Decimal  # packs
    price: Decimal  # a pack

    @property
    def used_value(self) -> Decimal:
        return self.used * self.price

    @property
    def left(self) -> Decimal:
        """Packs bought and not used by the recipes (negative: used from stock bought before)."""
        return self.bought - self.used

    def quantity(self, packs: Decimal) -> Quantity:
        return Quantity(packs * self.pack.amount, self.pack.unit)


def item_uses(
    book: Book,
    report: PeriodReport,
    catalog: Mapping[str, Item],
    units: UnitTable,
    prices: Mapping[str, Decimal],
) -> list[ItemUse]:
    """Every item bought in the period or used by the pieces made, bought ones first."""
    bought: dict[str, tuple[Decimal, Decimal]] = {}
    for entry in book.bought:
        if entry.date in report.period:
            packs = purchase_packs(entry.record, catalog, units)
            had = bought.get(entry.record.item, (ZERO, ZERO))
            bought[entry.record.item] = (had[0] + packs, had[1] + entry.record.paid)
    used: dict[str, Decimal] = {}
    for product in report.products:
        for need, packs in product.cost.needs.items():
            used[need] = used.get(need, ZERO) + product.made * packs
    found = []
    for item_id in dict.fromkeys([*bought, *used]):
        item = catalog.get(item_id)
        if item is None:
            continue
        packs, paid = bought.get(item_id, (ZERO, ZERO))
        price = prices.get(item_id, item.price)
        found.append(ItemUse(item_id, item.label(item_id), item.pack, packs, paid, used.get(item_id, ZERO), price))
    return found


def bought_gap(uses: Sequence[ItemUse]) -> Gap:
    return Gap(
        "bought", None, None, sum((u.used_value for u in uses), ZERO), sum((u.paid for u in uses), ZERO), "money"
    )


def purchase_packs(bought: Bought, catalog: Mapping[str, Item], units: UnitTable) -> Decimal:
    item = find_item(catalog, bought.item)
    return units.convert(bought.qty, item.pack.unit, item, bought.item) / item.pack.amount


def latest_prices(
    book: Book, catalog: Mapping[str, Item], units: UnitTable, until: date | None = None
) -> dict[str, tuple[Decimal, Entry[Bought]]]:
    """The price a purchase pack cost at each item's latest purchase (up to ``until``): paid / packs."""
    found: dict[str, tuple[Decimal, Entry[Bought]]] = {}
    for entry in book.bought:
        if until is not None and entry.date > until:
            continue
        packs = purchase_packs(entry.record, catalog, units)
        if packs:
            found[entry.record.item] = (entry.record.paid / packs, entry)
    return found


def catalog_price_warnings(
    book: Book, catalog: Mapping[str, Item], units: UnitTable, catalog_file: str
) -> list[InputError]:
    """A catalog price more than 10% off what the latest purchase paid for a pack, at its price line."""
    found = []
    for item_id, (paid, entry) in latest_prices(book, catalog, units).items():
        item = catalog[item_id]
        if not item.price or abs(paid - item.price) / item.price <= PRICE_GAP:
            continue
        found.append(
            warning(
                _("{item}: the catalog says {price} for {pack}, but the purchase of {day} paid {paid} ({share} {way})"),
                hint=_("update the price in the catalog, or cost with what you paid: planner book --prices-from-book"),
                item=item_id,
                price=Cash(item.price),
                pack=item.pack,
                day=entry.date,
                paid=Cash(paid),
                share=Pct(abs(paid - item.price) / item.price),
                way=msg(_("more") if paid > item.price else _("less")),
            ).at(catalog_file, loc=(item_id, "price"))
        )
    return found


def in_period(book: Book, period: Period) -> bool:
    """Whether the book holds any record in the period."""
    return any(e.date in period for e in book.entries())
