"""Production planning: batches, working time, a shopping list in whole packs, cash needed.

docs/design.md, Formulas: ``batches = ceil(pieces / sellable)``; ``made = batches × sellable``;
per catalog item ``need = Σ usable qty × batches / yield`` in purchase packs (from
``CostSheet.needs()``, so sub-recipes and yield are included), ``short = max(0, need −
stock)``, bought as the cheapest mix of the sizes the item is sold in that covers ``short``
(``packs.cheapest_mix``; one size: ``ceil(short / pack)``) — an item with a ``step`` (fabric sold
by length) is bought in steps instead, an item ``by_use`` (the gas tank in use) pays ``short ×
price`` —, ``spend`` = what the mix costs, ``left = stock + bought − need``.
Labour hours ``= Σ batches × minutes / 60``; equipment hours ``= Σ batches ×
equipment_minutes / 60 / capacity``; ``days = ceil(max(labour / workers, equipment) /
hours_per_day)``. A pattern is made one garment per batch (sellable 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from planner.catalog import find_item, offers, pack_units
from planner.costing import SIXTY, CostSheet
from planner.diagnostics import Diagnostics
from planner.errors import InputError, warning
from planner.models import Item
from planner.money import ZERO, ceil_div, quantize
from planner.packs import NOTHING, Mix, Offer, cheapest_mix
from planner.pricing import ChannelPrice, price_channel
from planner.settings import Settings
from planner.texts import _
from planner.units import Quantity, UnitTable, check_positive, parse_quantity

NOISE_PLACES = 9  # needs are rounded to 1e-9 pack so 1/0.7 × 7 is 10 packs, not 10.000…01
CASH_GROUPS = ("overhead", "services")


@dataclass(frozen=True)
class Order:
    """Pieces of one product to make: a recipe, or one size of a pattern."""

    sheet: CostSheet
    pieces: int


@dataclass(frozen=True)
class Run:
    """How one product is made: whole batches, what they yield, what it earns."""

    sheet: CostSheet
    pieces: int
    batches: int
    price: Decimal  # shelf price per piece on the direct channel
    receipt: Decimal  # what a piece sold there leaves (after commission, fee, revenue tax)

    @property
    def made(self) -> Decimal:
        return self.batches * self.sheet.sellable

    @property
    def surplus(self) -> Decimal:
        return self.made - self.pieces

    @property
    def revenue(self) -> Decimal:
        return self.pieces * self.price

    @property
    def received(self) -> Decimal:
        return self.pieces * self.receipt

    @property
    def cost(self) -> Decimal:
        """HPP of everything made, surplus included (labour too)."""
        return self.batches * self.sheet.batch

    @property
    def cash(self) -> Decimal:
        """Plain amounts paid per batch that are not catalog items (daun pisang, bordir)."""
        return self.batches * cash_per_batch(self.sheet)


@dataclass(frozen=True)
class Use:
    """One product's share of an item: ``batches × per`` purchase packs, or for packaging
    ``pieces ordered × per`` (decision 7: the surplus of the last batch is not packed)."""

    run: Run
    per: Decimal  # purchase packs per batch, or per piece packed
    packed: bool = False

    @property
    def count(self) -> int:
        return self.run.pieces if self.packed else self.run.batches

    @property
    def packs(self) -> Decimal:
        return self.count * self.per


@dataclass(frozen=True)
class ShoppingLine:
    """One catalog item: need and stock in purchase packs (its largest size), bought as the
    cheapest mix of the sizes it is sold in; an item bought ``by_use`` is paid for what is used."""

    item: str
    pack: Quantity  # the catalog pack, its largest size (need, stock and left are shown in its unit)
    offers: tuple[Offer, ...]  # what it is bought in: its sizes, or the fabric's step
    price: Decimal  # price of one purchase pack
    need: Decimal
    stock: Decimal
    uses: tuple[Use, ...]
    by_use: bool = False

    @property
    def short(self) -> Decimal:
        return max(ZERO, self.need - self.stock)

    @cached_property
    def mix(self) -> Mix:
        return NOTHING if self.by_use else cheapest_mix(self.short, self.offers)

    @property
    def unit(self) -> Quantity:
        """What one bought pack is when there is one size: the pack, or the fabric's step."""
        return self.offers[0].size

    @property
    def packs(self) -> int:
        return self.mix.packs

    @property
    def bought(self) -> Decimal:
        return self.short if self.by_use else self.mix.amount

    @property
    def spend(self) -> Decimal:
        return self.short * self.price if self.by_use else self.mix.spend

    @property
    def left(self) -> Decimal:
        return self.stock + self.bought - self.need

    def qty(self, packs: Decimal) -> Quantity:
        """An amount of purchase packs in the pack's own unit (``1.65 kg``, ``47 butir``)."""
        return Quantity(packs * self.pack.amount, self.pack.unit)


@dataclass(frozen=True)
class EquipmentUse:
    name: str
    capacity: int
    hours: Decimal
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ProductionPlan:
    name: str | None
    runs: tuple[Run, ...]
    shopping: tuple[ShoppingLine, ...]
    equipment: tuple[EquipmentUse, ...]
    workers: int
    hours_per_day: Decimal
    today: date
    due: date | None = None
    notes: tuple[InputError, ...] = ()
    channel: str = ""

    @property
    def spend(self) -> Decimal:
        return sum((line.spend for line in self.shopping), ZERO)

    @property
    def packs(self) -> int:
        return sum(line.packs for line in self.shopping)

    @property
    def other_cash(self) -> Decimal:
        return sum((run.cash for run in self.runs), ZERO)

    @property
    def cash(self) -> Decimal:
        """Cash needed: the shopping list plus plain amounts paid per batch (services, fixed overhead lines)."""
        return self.spend + self.other_cash

    @property
    def labor_hours(self) -> Decimal:
        return sum((run.batches * run.sheet.minutes for run in self.runs), ZERO) / SIXTY

    @property
    def equipment_hours(self) -> Decimal:
        return max((e.hours for e in self.equipment), default=ZERO)

    @property
    def days(self) -> int:
        busiest = max(self.labor_hours / self.workers, self.equipment_hours)
        return ceil_div(busiest, self.hours_per_day) if busiest > 0 else 0

    @property
    def revenue(self) -> Decimal:
        return sum((run.revenue for run in self.runs), ZERO)

    @property
    def cost(self) -> Decimal:
        return sum((run.cost for run in self.runs), ZERO)

    @property
    def deductions(self) -> Decimal:
        """Commission, fee and revenue tax on the direct channel (usually nothing)."""
        return self.revenue - sum((run.received for run in self.runs), ZERO)

    @property
    def profit(self) -> Decimal:
        """What the ordered pieces leave after the HPP of everything made."""
        return self.revenue - self.deductions - self.cost

    @property
    def days_left(self) -> int | None:
        return None if self.due is None else (self.due - self.today).days

    @property
    def late_days(self) -> int | None:
        """Days past the due date the work would run (0 when it fits, None with no due date)."""
        return None if self.days_left is None else max(0, self.days - self.days_left)


def batches_for(pieces: int, sellable: Decimal) -> int:
    """``ceil(pieces / sellable)``."""
    return ceil_div(Decimal(pieces), sellable)


def cash_per_batch(sheet: CostSheet) -> Decimal:
    return sum((line.cost for line in sheet.lines if line.item is None and line.group in CASH_GROUPS), ZERO)


def direct_sale(sheet: CostSheet, settings: Settings) -> ChannelPrice:
    """The price on the first channel (the direct sale), as `planner price` computes it."""
    return price_channel(sheet.unit, settings.channels[0], settings.pricing)


def make_run(order: Order, settings: Settings) -> Run:
    sale = direct_sale(order.sheet, settings)
    return Run(order.sheet, order.pieces, batches_for(order.pieces, order.sheet.sellable), sale.price, sale.receipt)


def merge_orders(orders: list[Order]) -> list[Order]:
    """Orders for the same product (and size) become one, so batches are rounded once."""
    merged: dict[tuple[str, str | None], Order] = {}
    for order in orders:
        key = (order.sheet.file, order.sheet.size)
        if key in merged:
            order = Order(merged[key].sheet, merged[key].pieces + order.pieces)
        merged[key] = order
    return list(merged.values())


def opening_stock(table: Mapping[str, object], catalog: Mapping[str, Item], units: UnitTable) -> dict[str, Decimal]:
    """Opening stock (as bought: ``telur-itik = "10 butir"``) in purchase packs.

    Values may be text or already-parsed quantities; every problem is placed under its item id
    and all are reported together.
    """

    def packs_of(item_id: str, value: object) -> Decimal:
        qty = value if isinstance(value, Quantity) else check_positive(parse_quantity(value), allow_zero=True)
        return pack_units(catalog, units, item_id, qty)

    found = Diagnostics()
    packs = {
        item_id: found.collect(lambda: packs_of(item_id, value), under=(item_id,)) for item_id, value in table.items()
    }
    found.raise_errors()
    return {item_id: n for item_id, n in packs.items() if n is not None}


@dataclass(frozen=True)
class Kitchen:
    """What a plan is worked out with besides its products: stock (purchase packs), settings,
    catalog, units, ``--set`` prices, the dates, and where the stock is written (file, table)."""

    stock: Mapping[str, Decimal]
    settings: Settings
    catalog: Mapping[str, Item]
    units: UnitTable
    prices: Mapping[str, Decimal]
    today: date
    due: date | None = None
    name: str | None = None
    stock_at: tuple[str | None, tuple[str | int, ...]] = (None, ())


def plan_production(
    orders: list[Order],
    stock: Mapping[str, Decimal],
    settings: Settings,
    catalog: Mapping[str, Item],
    units: UnitTable,
    prices: Mapping[str, Decimal],
    *,
    today: date,
    due: date | None = None,
    name: str | None = None,
    stock_at: tuple[str | None, tuple[str | int, ...]] = (None, ()),
) -> ProductionPlan:
    """The whole plan: runs, shopping list, equipment time (``stock`` in purchase packs, written
    in the file and under the table ``stock_at`` names)."""
    kitchen = Kitchen(stock, settings, catalog, units, prices, today, due, name, stock_at)
    return plan_runs(tuple(make_run(o, settings) for o in merge_orders(orders)), kitchen)


def plan_runs(runs: tuple[Run, ...], kitchen: Kitchen) -> ProductionPlan:
    """The plan of runs whose batches are chosen: shopping list, equipment time, notes."""
    settings, stock, stock_at = kitchen.settings, kitchen.stock, kitchen.stock_at
    shopping = shopping_list(runs, stock, kitchen.catalog, kitchen.units, kitchen.prices)
    notes: tuple[InputError, ...] = ()
    for note in (n for run in runs for n in run.sheet.notes):  # sizes of one pattern share their notes
        notes += (note,) if note not in notes else ()
    used = {item for run in runs for item in run.sheet.needs()}
    notes += tuple(
        warning(
            _("the stock of '{item}' is not used by any product in this plan"),
            hint=_("check the item id, or leave it out of the stock list"),
            item=item_id,
        ).at(stock_at[0], loc=(*stock_at[1], item_id))
        for item_id in stock
        if item_id not in used
    )
    return ProductionPlan(
        kitchen.name,
        runs,
        shopping,
        equipment_use(runs, settings),
        settings.labor.workers,
        settings.labor.hours_per_day,
        kitchen.today,
        kitchen.due,
        notes,
        settings.channels[0].name,
    )


def shopping_list(
    runs: tuple[Run, ...],
    stock: Mapping[str, Decimal],
    catalog: Mapping[str, Item],
    units: UnitTable,
    prices: Mapping[str, Decimal],
) -> tuple[ShoppingLine, ...]:
    """Every item the runs use, combined across products before stock is subtracted."""
    uses: dict[str, list[Use]] = {}
    for run in (r for r in runs if r.batches):  # a product the budget makes none of buys nothing
        for item_id, per_batch in run.sheet.needs(exclude=("packaging",)).items():
            uses.setdefault(item_id, []).append(Use(run, per_batch))
        for item_id, per_batch in run.sheet.needs(only="packaging").items():
            uses.setdefault(item_id, []).append(Use(run, per_batch / run.sheet.sellable, packed=True))
    lines = []
    for item_id, item_uses in uses.items():
        item = find_item(catalog, item_id)
        need = quantize(sum((u.packs for u in item_uses), ZERO), NOISE_PLACES)
        price = prices.get(item_id, item.price)
        lines.append(
            ShoppingLine(
                item_id,
                item.pack,
                offers(item_id, item, units, price),
                price,
                need,
                stock.get(item_id, ZERO),
                tuple(item_uses),
                item.by_use,
            )
        )
    return tuple(lines)


def equipment_use(runs: tuple[Run, ...], settings: Settings) -> tuple[EquipmentUse, ...]:
    """Hours each piece of equipment runs: ``Σ batches × equipment_minutes / 60 / capacity``.
    Costing has already refused equipment the settings do not list; a product that names its
    equipment without minutes (a pattern's sewing machine, for its break-even) books no hours."""
    known = {e.name: e for e in settings.equipment}
    by_name: dict[str, list[Run]] = {}
    for run in runs:
        name = run.sheet.equipment
        if name is not None and name in known and run.sheet.equipment_minutes and run.batches:
            by_name.setdefault(name, []).append(run)
    return tuple(
        EquipmentUse(
            name,
            known[name].capacity,
            sum((r.batches * r.sheet.equipment_minutes for r in rs), ZERO) / SIXTY / known[name].capacity,
            tuple(rs),
        )
        for name, rs in by_name.items()
    )
