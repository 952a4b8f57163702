"""The tailor's quote: sizes × unit prices, rush, deposit, fabric to buy or bring, days to finish.

See docs/design.md, "Quote arithmetic". Each garment is costed by costing.cost_pattern
(one engine) and priced by pricing.list_price; this module adds the order's
sums, the fabric for the whole order and the time it takes. Ready dates count
calendar days: every day is a working day, nothing is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    sheet: CostSheet
    unit_price: Decimal
    need: Quantity  # the pattern's fabric need for this size, as written

    @property
    def fabric(self) -> CostLine:
        return next(line for line in self.sheet.lines if line.group == "fabric")

    @property
    def unit_cost(self) -> Decimal:
        return self.sheet.unit

    @property
    def metres(self) -> Decimal:
        """Fabric for all garments of this size: qty × need × (1 + waste) (× width ratio)."""
        qty = self.fabric.qty
        assert qty is not None  # a fabric line always says its metres
        return self.qty * qty.amount

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

    @property
    def garments(self) -> int:
        return sum(s.qty for s in self.sizes)

    @property
    def subtotal(self) -> Decimal:
        return sum((s.amount for s in self.sizes), ZERO)

    @property
    def rush(self) -> Decimal:
        return self.subtotal * self.rush_share

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
        return self.workers * self.hours_per_day * SIXTY

    @property
    def days(self) -> int:
        """ceil(Σ qty × labour minutes / (workers × hours_per_day × 60))."""
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
    sizes = []
    for size in (s for s in pattern.sizes if s in order):
        sheet = cost_pattern(product, ctx, size)
        unit_price = price if price is not None else list_price(sheet.unit, settings.pricing)
        sizes.append(SizeQuote(size, order[size], sheet, unit_price, pattern.fabric.need[size]))
    fabric = fabric_use(pattern, ctx, sizes, brought)
    return Quote(
        pattern.name,
        product.path,
        tuple(sizes),
        fabric,
        settings.pricing,
        settings.quote.rush if rush else ZERO,
        settings.quote.deposit,
        settings.labor.workers,
        settings.labor.hours_per_day,
        today,
        settings.labor.wage_per_hour,
        price,
    )


def fabric_use(pattern: Pattern, ctx: Context, sizes: list[SizeQuote], brought: Decimal | None) -> FabricUse:
    """Metres in all; to buy rounded up to the item's step (exact without one); its cost."""
    line = sizes[0].fabric
    item_id = line.item
    assert item_id is not None  # a fabric line always names its item
    item = find_item(ctx.catalog, item_id)
    assert item.width is not None  # costing refused a fabric without one
    metres = sum((s.metres for s in sizes), ZERO)
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
