"""A one-off order's fabric: the metres of all its garments, what is bought in the shop's whole steps
(or what the customer brings), and each garment's share of the fabric bought (docs/design.md,
decision 11; docs/quoting.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from planner.catalog import find_item
from planner.costing import Context, CostLine, CostSheet, item_line
from planner.models import Pattern
from planner.money import ZERO, round_up
from planner.texts import Msg
from planner.units import Quantity


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


def fabric_use(
    pattern: Pattern, ctx: Context, sheets: list[CostSheet], order: dict[str | None, int], brought: Decimal | None
) -> FabricUse:
    """Metres in all; to buy rounded up to the item's step (exact without one); its cost."""
    assert pattern.fabric is not None
    line = fabric_line(sheets[0])
    assert line is not None and line.item is not None  # a fabric line always names its item
    item_id = line.item
    item = find_item(ctx.catalog, item_id)
    assert item.width is not None  # costing refused a fabric without one
    metres = sum((order[sheet.size] * metres_of(sheet) for sheet in sheets), ZERO)
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


def fabric_line(sheet: CostSheet) -> CostLine | None:
    return next((line for line in sheet.lines if line.group == "fabric"), None)


def metres_of(sheet: CostSheet) -> Decimal:
    """Metres of fabric one garment takes: need × (1 + waste) (× width ratio); 0 without fabric."""
    line = fabric_line(sheet)
    if line is None:
        return ZERO
    assert line.qty is not None  # a fabric line always says its metres
    return line.qty.amount
