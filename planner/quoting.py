"""The tailor's quote: sizes × unit prices, rush, deposit, fabric to buy or bring, days to finish.

See docs/quoting.md and docs/design.md, "Quote arithmetic" and "Decisions of the second
release" (10, 11). Each garment is costed by costing.cost_pattern (one engine, the fabric
at its exact metres, as `planner cost` has it); this module adds what a one-off order
is: the fabric bought in whole steps, shared out over the garments in proportion to
their metres; each size priced by pricing.list_price on that; the order's sums; a rush
rounded up like the deposit, which also works the job more hours a day. Ready dates
count calendar days: every day is a working day, nothing is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from planner.catalog import find_item
from planner.costing import SIXTY, Context, CostLine, CostSheet, cost_pattern, item_line
from planner.errors import InputErrors, problem
from planner.models import Pattern, PatternProduct, Pricing
from planner.money import ZERO, ceil_div, round_up
from planner.pricing import list_price
from planner.texts import Msg, _
from planner.units import Quantity

# ---------------------------------------------------------------- the quote


@dataclass(frozen=True)
class SizeQuote:
    """One size of the order: how many, what one costs and sells for."""

    size: str
    qty: int
    sheet: CostSheet  # one garment, its fabric at the exact metres (as `planner cost` has it)
    unit_price: Decimal
    need: Quantity  # the pattern's fabric need for this size, as written
    bought: CostLine | None = None  # one garment's share of the fabric bought; None: the sheet's fabric line

    @property
    def fabric(self) -> CostLine:
        return fabric_line(self.sheet)

    @property
    def per_garment(self) -> Decimal:
        """Metres of fabric one garment takes: need × (1 + waste) (× width ratio)."""
        return metres_of(self.sheet)

    @property
    def fabric_cost(self) -> Decimal:
        """The fabric one garment carries in this order."""
        return (self.bought or self.fabric).cost

    @property
    def lines(self) -> tuple[CostLine, ...]:
        """One garment's cost lines in this order: its fabric line is its share of the fabric bought."""
        bought = self.bought
        if bought is None:
            return self.sheet.lines
        return tuple(bought if line.group == "fabric" else line for line in self.sheet.lines)

    @property
    def other_cost(self) -> Decimal:
        """One garment's HPP without its fabric (materials, labour, overhead, services, packaging)."""
        return self.sheet.unit - self.fabric.cost

    @property
    def unit_cost(self) -> Decimal:
        """HPP of one garment of this order: the other costs + its share of the fabric bought."""
        return self.sheet.unit if self.bought is None else self.other_cost + self.bought.cost

    @property
    def metres(self) -> Decimal:
        """Fabric for all garments of this size: qty × need × (1 + waste) (× width ratio)."""
        return self.qty * self.per_garment

    @property
    def amount(self) -> Decimal:
        return self.qty * self.unit_price

    @property
    def minutes(self) -> Decimal:
        return self.qty * self.sheet.minutes


@dataclass(frozen=True)
class FabricUse:
    """The order's fabric: metres in all, what to buy in the shop's steps, or what the customer brings."""

    item: str
    name: str
    width: Quantity
    pattern_width: Quantity
    metres: Decimal
    step: Quantity | None
    step_metres: Decimal | None
    buy: Decimal
    cost: Decimal
    customer: bool
    estimate: bool
    waste: Decimal
    brought: Decimal | None = None
    explain: Msg | None = None

    @property
    def leftover(self) -> Decimal:
        """What is left of the fabric bought (or of the length the customer is asked to bring)."""
        return self.buy - self.metres

    def share(self, line: CostLine) -> CostLine:
        """A garment's part of the fabric bought, for its fabric ``line`` at exact metres m:
        cost × m / all metres, and m × to buy / all metres of cloth (its packs likewise)."""
        assert line.qty is not None  # a fabric line always says its metres
        used, bought = line.qty.amount, self.buy / self.metres
        return replace(
            line,
            cost=self.cost * used / self.metres,
            qty=Quantity(used * bought, "m"),
            explain=None,
            needs=tuple(replace(need, packs=need.packs * bought) for need in line.needs),
        )

    @property
    def enough(self) -> bool | None:
        return None if self.brought is None else self.brought >= self.metres

    @property
    def short(self) -> Decimal:
        return max(ZERO, self.metres - (self.brought or ZERO))

    @property
    def left(self) -> Decimal:
        return max(ZERO, (self.brought or ZERO) - self.metres)

    @property
    def short_buy(self) -> Decimal:
        """What the customer must still buy: the shortfall rounded up to the shop's step."""
        step = self.step_metres
        return self.short if step is None or not self.short else round_up(self.short, step)


@dataclass(frozen=True)
class PriceCheck:
    """A price the tailor already charges, judged per size."""

    size: str
    price: Decimal
    cost: Decimal
    labor: Decimal
    minutes: Decimal

    @property
    def profit(self) -> Decimal:
        return self.price - self.cost

    @property
    def other_costs(self) -> Decimal:
        """Everything but the tailor's own labour."""
        return self.cost - self.labor

    @property
    def hours(self) -> Decimal:
        return self.minutes / SIXTY

    @property
    def per_hour(self) -> Decimal | None:
        """Earnings per hour of work = (price − non-labour costs) / hours of labour."""
        return None if not self.minutes else (self.price - self.other_costs) / self.hours


@dataclass(frozen=True)
class Quote:
    product: str
    file: str
    sizes: tuple[SizeQuote, ...]
    fabric: FabricUse
    pricing: Pricing
    rush_share: Decimal  # 0 without --rush
    deposit_share: Decimal
    workers: int
    hours_per_day: Decimal
    today: date
    wage: Decimal
    price: Decimal | None = None  # --price: the price per garment the tailor charges
    rushed: bool = False  # --rush: the job is worked rush_hours_per_day
    rush_hours_per_day: Decimal = ZERO

    @property
    def day_hours(self) -> Decimal:
        """Hours a day this job is worked by each worker: rush_hours_per_day when rushed."""
        return self.rush_hours_per_day if self.rushed else self.hours_per_day

    @property
    def garments(self) -> int:
        return sum(s.qty for s in self.sizes)

    @property
    def subtotal(self) -> Decimal:
        return sum((s.amount for s in self.sizes), ZERO)

    @property
    def rush_exact(self) -> Decimal:
        return self.subtotal * self.rush_share

    @property
    def rush(self) -> Decimal:
        """subtotal × rush, rounded up to round_to (like the deposit)."""
        return round_up(self.rush_exact, self.pricing.round_to)

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.rush

    @property
    def deposit_exact(self) -> Decimal:
        return self.total * self.deposit_share

    @property
    def deposit(self) -> Decimal:
        """Rounded up to round_to, but never more than the total."""
        return min(round_up(self.deposit_exact, self.pricing.round_to), self.total)

    @property
    def balance(self) -> Decimal:
        return self.total - self.deposit

    @property
    def cost(self) -> Decimal:
        return sum((s.qty * s.unit_cost for s in self.sizes), ZERO)

    @property
    def minutes(self) -> Decimal:
        return sum((s.minutes for s in self.sizes), ZERO)

    @property
    def minutes_per_day(self) -> Decimal:
        return self.workers * self.day_hours * SIXTY

    @property
    def days(self) -> int:
        """ceil(Σ qty × labour minutes / (workers × hours a day × 60)); a rushed job's hours are the rush's."""
        return ceil_div(self.minutes, self.minutes_per_day)

    @property
    def ready(self) -> date:
        return self.today + timedelta(days=self.days)

    @property
    def checks(self) -> tuple[PriceCheck, ...]:
        if self.price is None:
            return ()
        return tuple(
            PriceCheck(s.size, self.price, s.unit_cost, s.sheet.total("labor"), s.sheet.minutes) for s in self.sizes
        )

    @property
    def below_wage(self) -> tuple[PriceCheck, ...]:
        return tuple(c for c in self.checks if c.per_hour is not None and c.per_hour < self.wage)


def quote_pattern(
    product: PatternProduct,
    ctx: Context,
    order: dict[str, int],
    *,
    today: date,
    rush: bool = False,
    brought: Decimal | None = None,
    price: Decimal | None = None,
) -> Quote:
    """Cost each ordered size, price it, and add up the order."""
    pattern = product.model
    unknown = [s for s in order if s not in pattern.sizes]
    if unknown:
        raise InputErrors(
            [
                problem(
                    _("size '{size}' is not in the pattern"),
                    hint=_("the pattern has sizes {sizes}"),
                    size=s,
                    sizes=", ".join(pattern.sizes),
                )
                for s in unknown
            ]
        )
    settings = ctx.settings
    sheets = [cost_pattern(product, ctx, size) for size in pattern.sizes if size in order]
    fabric = fabric_use(pattern, ctx, sheets, order, brought)
    sizes = tuple(size_quote(sheet, order, fabric, pattern, settings.pricing, price) for sheet in sheets)
    return Quote(
        pattern.name,
        product.path,
        sizes,
        fabric,
        settings.pricing,
        settings.quote.rush if rush else ZERO,
        settings.quote.deposit,
        settings.labor.workers,
        settings.labor.hours_per_day,
        today,
        settings.labor.wage_per_hour,
        price,
        rush,
        settings.quote.rush_hours(settings.labor),
    )


def size_quote(
    sheet: CostSheet,
    order: dict[str, int],
    fabric: FabricUse,
    pattern: Pattern,
    pricing: Pricing,
    price: Decimal | None,
) -> SizeQuote:
    """One size priced on its HPP for this order: its share of the fabric bought (none when the customer brings it)."""
    size = str(sheet.size)
    bought = None if fabric.customer else fabric.share(fabric_line(sheet))
    quoted = SizeQuote(size, order[size], sheet, ZERO, pattern.fabric.need[size], bought)
    return replace(quoted, unit_price=price if price is not None else list_price(quoted.unit_cost, pricing))


def fabric_use(
    pattern: Pattern, ctx: Context, sheets: list[CostSheet], order: dict[str, int], brought: Decimal | None
) -> FabricUse:
    """Metres in all; to buy rounded up to the item's step (exact without one); its cost."""
    line = fabric_line(sheets[0])
    item_id = line.item
    assert item_id is not None  # a fabric line always names its item
    item = find_item(ctx.catalog, item_id)
    assert item.width is not None  # costing refused a fabric without one
    metres = sum((order[str(sheet.size)] * metres_of(sheet) for sheet in sheets), ZERO)
    step = None if item.step is None else ctx.units.convert(item.step, "m", item, item_id)
    buy = metres if step is None else round_up(metres, step)
    bought = None if ctx.customer_fabric else item_line(ctx, "fabric", item_id, Quantity(buy, "m"))
    return FabricUse(
        item_id,
        line.label,
        item.width,
        pattern.fabric.width,
        metres,
        item.step,
        step,
        buy,
        bought.cost if bought else ZERO,
        ctx.customer_fabric,
        line.estimate,
        pattern.fabric.waste,
        brought,
        bought.explain if bought else None,
    )


def fabric_line(sheet: CostSheet) -> CostLine:
    return next(line for line in sheet.lines if line.group == "fabric")


def metres_of(sheet: CostSheet) -> Decimal:
    """Metres of fabric one garment takes: need × (1 + waste) (× width ratio)."""
    qty = fabric_line(sheet).qty
    assert qty is not None  # a fabric line always says its metres
    return qty.amount
