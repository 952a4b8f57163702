"""What if prices change: the same product costed and priced under changed item prices.

A change names a catalog item and one or more steps (``gula-pasir=+20%,+40%``):

- ``+20%`` / ``-10%``: the pack price rises or falls by that share (the sign is required);
- ``+2000`` / ``-500``: the pack price rises or falls by that amount;
- ``15000``: the pack price becomes that amount.

Scenarios: today (baseline) first, then each step of each item on its own, then,
when several items change, all of them together at their last step. Each
scenario costs the product with the new prices (costing.Context overrides) and
reads the price the settings would now set on the direct channel, the margin
at today's price (today's direct price with the new cost) and break-even units.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from planner.costing import Context, CostSheet, cost_product
from planner.diagnostics import Diagnostics
from planner.errors import problem
from planner.money import ONE, ZERO
from planner.pricing import BreakEven, ChannelPrice, at_price, break_even, price_channel
from planner.texts import Cash, _

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Step:
    """One change of a pack price: ``kind`` is "percent", "amount" or "price"."""

    text: str
    kind: str
    value: Decimal

    def apply(self, price: Decimal) -> Decimal:
        if self.kind == "percent":
            return price * (ONE + self.value)
        if self.kind == "amount":
            return price + self.value
        return self.value


@dataclass(frozen=True)
class Change:
    item: str
    steps: tuple[Step, ...]
    text: str


@dataclass(frozen=True)
class Scenario:
    """Item prices changed together; none for today (the baseline)."""

    changes: tuple[tuple[str, Step], ...] = ()


# ---------------------------------------------------------------- checking changes


def check_changes(changes: Sequence[Change], ctx: Context) -> None:
    """Every item is in the catalog, changed by one --change only, to a price not below zero;
    all problems at once."""
    found = Diagnostics()
    seen: set[str] = set()
    for change in changes:
        found.collect(lambda: [changed_price(change.item, step, ctx.price(change.item)) for step in change.steps])
        if change.item in seen:
            found.add(
                problem(
                    _("{item} has more than one --change"),
                    hint=_("give all its steps in one --change, e.g. {item}=+20%,+40%"),
                    item=change.item,
                )
            )
        seen.add(change.item)
    found.raise_errors()


def scenarios_of(changes: Sequence[Change]) -> list[Scenario]:
    """Today, each step on its own, and all items together at their last step (when several)."""
    out = [Scenario()]
    out += [Scenario(((change.item, step),)) for change in changes for step in change.steps]
    if len(changes) > 1:
        out.append(Scenario(tuple((change.item, change.steps[-1]) for change in changes)))
    return out


def new_prices(scenario: Scenario, ctx: Context) -> dict[str, tuple[Decimal, Decimal]]:
    """item -> (pack price today, pack price in the scenario); a price below zero is an error."""
    prices = {}
    for item, step in scenario.changes:
        before = ctx.price(item)
        prices[item] = (before, changed_price(item, step, before))
    return prices


def changed_price(item: str, step: Step, before: Decimal) -> Decimal:
    """The pack price after ``step``; below zero is an error."""
    after = step.apply(before)
    if after < 0:
        raise problem(
            _("{item} {step} makes the price fall below zero"),
            hint=_("a pack of {item} costs {price} today; a price can fall by 100% at most"),
            item=item,
            step=step.text,
            price=Cash(before),
        )
    return after


# ---------------------------------------------------------------- costing each scenario


@dataclass(frozen=True)
class Outcome:
    """One scenario for one product (a pattern: one size)."""

    scenario: Scenario
    prices: Mapping[str, tuple[Decimal, Decimal]]
    sheet: CostSheet
    listed: ChannelPrice  # the price the settings would now set, on the direct channel
    today: ChannelPrice  # today's direct price with the new cost
    even: BreakEven  # break-even at today's price with the new cost


def what_if(product: Any, ctx: Context, size: str | None, scenarios: Sequence[Scenario]) -> list[list[Outcome]]:
    """Per size (a recipe: one), the outcome of every scenario, today first."""
    settings = ctx.settings
    channel, pricing = settings.channels[0], settings.pricing
    baseline: list[CostSheet] = []
    per_size: list[list[Outcome]] = []
    for scenario in scenarios:
        prices = new_prices(scenario, ctx)
        changed = replace(ctx, prices={**ctx.prices, **{item: after for item, (_, after) in prices.items()}})
        sheets = cost_product(product, changed, size)
        baseline = baseline or sheets
        if not per_size:
            per_size = [[] for _ in sheets]
        for outcomes, sheet, base in zip(per_size, sheets, baseline):
            today = at_price(sheet.unit, channel, pricing, price_channel(base.unit, channel, pricing).price)
            outcomes.append(
                Outcome(
                    scenario,
                    prices,
                    sheet,
                    price_channel(sheet.unit, channel, pricing),
                    today,
                    break_even(today, settings, uses=sheet.equipment),
                )
            )
    return per_size


def uses(sheet: CostSheet, item: str) -> bool:
    """Whether costing the product buys any of ``item`` (sub-recipes included)."""
    return sheet.needs().get(item, ZERO) > 0
