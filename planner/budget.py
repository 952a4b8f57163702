"""What can I make with Rp 50.000? The production that fits the money (docs/planning.md, "plan --budget").

Each product's pieces is an upper limit; batches are whole, so a product is made in at most
``ceil(pieces / sellable)`` batches (the batches ``plan`` would make for those pieces) and sells
at most its pieces: ``sold = min(pieces, floor(batches × sellable))``. What is spent is the
plan's cash: the cheapest mix of whole packs of every item short after stock, what an item
bought by use burns, and the plain amounts paid per batch.

- One product: the most batches whose cash fits the budget and whose hours fit until ``due``
  (cash and hours only grow with batches: a bisection finds it, no solver).
- Several: the mix of batches with the largest expected profit ``Σ sold × receipt − batches ×
  HPP of a batch`` (receipt on the direct channel, as ``planner price`` gives it), solved as a
  mixed-integer program by HiGHS (``planner.mip``): whole batches and whole packs of each size,
  packs covering the need after stock, cash ≤ budget, hands-on hours ≤ workers × hours_per_day
  × days until due, each equipment's hours ≤ hours_per_day × days. The objective charges a
  batch its HPP (ingredients at the largest pack's unit cost): what is left in a pack bought is
  stock, not cost, so packs count against the money, not against the profit.

HiGHS works in floating point: its batches are checked again in exact arithmetic (a batch is
taken off, the least profitable first, while the cash or the hours do not fit), and the plan
is then worked out exactly as ``plan`` does, with the cheapest mix of packs for those batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from math import floor

from planner.catalog import find_item, offers
from planner.costing import SIXTY
from planner.errors import problem
from planner.money import ZERO, ceil_div, quantize, round_up
from planner.packs import Offer, cheapest_mix
from planner.planning import (
    NOISE_PLACES,
    Kitchen,
    Order,
    ProductionPlan,
    Run,
    cash_per_batch,
    direct_sale,
    merge_orders,
    plan_runs,
)
from planner.reports import DAYS, counted
from planner.texts import Cash, _

MONEY, HOURS, PIECES, PROFIT = "money", "hours", "pieces", "profit"
EQUIPMENT = "equipment:"  # + the equipment's name


@dataclass(frozen=True)
class Limits:
    """The budget, and the hours until due (None: the plan has no due date)."""

    budget: Decimal
    days: int | None = None
    labor_hours: Decimal | None = None  # workers × hours_per_day × days
    equipment_hours: Decimal | None = None  # hours_per_day × days, for each piece of equipment


def limits_of(budget: Decimal, kitchen: Kitchen) -> Limits:
    if kitchen.due is None:
        return Limits(budget)
    days = max(0, (kitchen.due - kitchen.today).days)
    labor = kitchen.settings.labor
    return Limits(budget, days, labor.workers * labor.hours_per_day * days, labor.hours_per_day * days)


@dataclass(frozen=True)
class Choice:
    """One product the budget may make: at most ``most`` batches, selling at most ``limit`` pieces."""

    order: Order
    most: int
    price: Decimal
    receipt: Decimal
    needs: dict[str, Decimal]  # purchase packs of each item per batch
    cash: Decimal  # plain amounts paid per batch
    equipment: str | None  # the equipment whose hours it uses, if it books any
    equipment_hours: Decimal  # per batch, over the equipment's capacity

    @property
    def limit(self) -> int:
        return self.order.pieces

    @property
    def labor_hours(self) -> Decimal:
        return self.order.sheet.minutes / SIXTY

    def sold(self, batches: int) -> int:
        return min(self.limit, floor(batches * self.order.sheet.sellable))

    def profit(self, batches: int) -> Decimal:
        return self.sold(batches) * self.receipt - batches * self.order.sheet.batch


def choices_of(orders: list[Order], kitchen: Kitchen) -> tuple[Choice, ...]:
    known = {e.name: e for e in kitchen.settings.equipment}
    found = []
    for order in merge_orders(orders):
        sheet = order.sheet
        sale = direct_sale(sheet, kitchen.settings)
        machine = sheet.equipment if sheet.equipment in known and sheet.equipment_minutes else None
        per = sheet.equipment_minutes / SIXTY / known[machine].capacity if machine else ZERO
        most = ceil_div(Decimal(order.pieces), sheet.sellable)
        found.append(Choice(order, most, sale.price, sale.receipt, sheet.needs(), cash_per_batch(sheet), machine, per))
    return tuple(found)


@dataclass
class Shopper:
    """What a set of batches costs, item by item, exactly as the plan's shopping list buys it."""

    choices: tuple[Choice, ...]
    kitchen: Kitchen
    offers: dict[str, tuple[Offer, ...]] = field(default_factory=dict)
    price: dict[str, Decimal] = field(default_factory=dict)
    by_use: dict[str, bool] = field(default_factory=dict)
    _kept: dict[tuple[str, Decimal], Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        k = self.kitchen
        for item_id in {i for c in self.choices for i in c.needs}:
            item = find_item(k.catalog, item_id)
            price = k.prices.get(item_id, item.price)
            self.offers[item_id], self.price[item_id] = offers(item_id, item, k.units, price), price
            self.by_use[item_id] = item.by_use

    def item_spend(self, item_id: str, need: Decimal) -> Decimal:
        key = (item_id, quantize(need, NOISE_PLACES))
        if key not in self._kept:
            short = max(ZERO, key[1] - self.kitchen.stock.get(item_id, ZERO))
            spend = (
                short * self.price[item_id] if self.by_use[item_id] else cheapest_mix(short, self.offers[item_id]).spend
            )
            self._kept[key] = spend
        return self._kept[key]

    def needs(self, batches: Sequence[int]) -> dict[str, Decimal]:
        total: dict[str, Decimal] = {}
        for choice, n in zip(self.choices, batches):
            for item_id, per in choice.needs.items():
                total[item_id] = total.get(item_id, ZERO) + n * per
        return total

    def cash(self, batches: Sequence[int]) -> Decimal:
        shopping = sum((self.item_spend(i, need) for i, need in self.needs(batches).items()), ZERO)
        return shopping + sum((c.cash * n for c, n in zip(self.choices, batches)), ZERO)

    def spends(self, batches: Sequence[int]) -> dict[str, Decimal]:
        return {i: self.item_spend(i, need) for i, need in self.needs(batches).items()}


def over(batches: Sequence[int], shopper: Shopper, limits: Limits) -> tuple[str, ...]:
    """The limits ``batches`` break: money, hours, equipment:NAME."""
    choices = shopper.choices
    broken = []
    if shopper.cash(batches) > limits.budget:
        broken.append(MONEY)
    if limits.labor_hours is not None:
        if sum((c.labor_hours * n for c, n in zip(choices, batches)), ZERO) > limits.labor_hours:
            broken.append(HOURS)
        for name in dict.fromkeys(c.equipment for c in choices if c.equipment):
            used = sum((c.equipment_hours * n for c, n in zip(choices, batches) if c.equipment == name), ZERO)
            if limits.equipment_hours is not None and used > limits.equipment_hours:
                broken.append(EQUIPMENT + name)
    return tuple(broken)


@dataclass(frozen=True)
class BudgetPlan:
    """The production that fits the money: the plan of the chosen batches and why it stops there."""

    plan: ProductionPlan
    limits: Limits
    choices: tuple[Choice, ...]
    batches: tuple[int, ...]
    binding: tuple[str, ...]  # money, hours, equipment:NAME, pieces (all made), profit (one more earns nothing)
    solver: str | None = None  # the solver's name for a mix; None for one product
    status: str = "optimal"  # or "time limit": the best mix HiGHS found in its time, at most ``gap`` below the best
    gap: float = 0.0

    @property
    def spent(self) -> Decimal:
        return self.plan.cash

    @property
    def left(self) -> Decimal:
        return self.limits.budget - self.spent

    @property
    def profit(self) -> Decimal:
        return self.plan.profit


def plan_budget(orders: list[Order], kitchen: Kitchen, budget: Decimal) -> BudgetPlan:
    """The most batches of one product, or the most profitable mix of several, that the budget buys."""
    choices = choices_of(orders, kitchen)
    limits = limits_of(budget, kitchen)
    shopper = Shopper(choices, kitchen)
    solver, status, gap = None, "optimal", 0.0
    if len(choices) == 1:
        batches = most_batches(shopper, limits)
    else:
        from planner.budget_mix import best_mix

        batches, solution = best_mix(shopper, limits)
        solver, status, gap = solution.solver, solution.status, solution.gap
    if not any(batches):
        raise nothing_fits(shopper, limits)
    runs = tuple(Run(c.order.sheet, c.sold(n), n, c.price, c.receipt) for c, n in zip(choices, batches))
    binding = binding_limits(batches, shopper, limits)
    return BudgetPlan(plan_runs(runs, kitchen), limits, choices, tuple(batches), binding, solver, status, gap)


def most_batches(shopper: Shopper, limits: Limits) -> list[int]:
    """One product: the most batches within its limit that break no limit (bisection)."""
    low, high = 0, shopper.choices[0].most
    while low < high:
        mid = (low + high + 1) // 2
        if over([mid], shopper, limits):
            high = mid - 1
        else:
            low = mid
    return [low]


def binding_limits(batches: Sequence[int], shopper: Shopper, limits: Limits) -> tuple[str, ...]:
    """What stops one more batch of each product that could make more: the limits it would break,
    or "profit" when it would break none (one more would not pay); "pieces" when all are made."""
    found: list[str] = []
    room = [j for j, c in enumerate(shopper.choices) if batches[j] < c.most]
    for j in room:
        more = [n + (k == j) for k, n in enumerate(batches)]
        found += over(more, shopper, limits) or (PROFIT,)
    return tuple(dict.fromkeys(found)) if room else (PIECES,)


def nothing_fits(shopper: Shopper, limits: Limits) -> Exception:
    """Not one batch of any product fits: say what one batch needs, and which limit stops it."""
    choices = shopper.choices
    one = [[int(k == j) for k in range(len(choices))] for j in range(len(choices))]
    cheapest = min(range(len(choices)), key=lambda j: shopper.cash(one[j]))
    cash = shopper.cash(one[cheapest])
    choice = choices[cheapest]
    if cash > limits.budget:
        spends = shopper.spends(one[cheapest])
        item = max(spends, key=lambda i: spends[i])  # the first of the dearest, in the recipe's order
        return problem(
            _(
                "--budget {budget} does not buy one batch: one batch of {product} needs {cash}, most of it for "
                "{item} ({spend})"
            ),
            hint=_(
                "give a --budget of at least {least}, or list smaller packs of {item} in prices.toml (packs = [ ... ])"
            ),
            hint_params={"least": Cash(round_up(cash, Decimal(1))), "item": item},
            budget=Cash(limits.budget),
            product=choice.order.sheet.product,
            cash=Cash(cash),
            item=item,
            spend=Cash(spends[item]),
        )
    stopped = [over(one[j], shopper, limits) for j in range(len(choices))]
    if all(stopped):
        return too_little_time(stopped, limits)
    return problem(
        _("no batch of {products} earns a profit at the direct price, so the budget makes nothing"),
        hint=_("check the prices with planner price, or plan one product at a time for the most batches"),
        products=", ".join(dict.fromkeys(c.order.sheet.product for c in choices)),
    )


def too_little_time(stopped: list[tuple[str, ...]], limits: Limits) -> Exception:
    """Every product's first batch needs more hours (or oven hours) than there are until due."""
    reasons = [r for rs in stopped for r in rs if r != MONEY] or [HOURS]
    first = reasons[0]
    if first == HOURS:
        return problem(
            _("not one batch fits in the {hours} hands-on hours until the due date ({days})"),
            hint=_("agree a later due date, or add workers (labor.workers) or hours a day (labor.hours_per_day)"),
            hours=limits.labor_hours,
            days=counted(DAYS, limits.days or 0),
        ).under("due")
    return problem(
        _("not one batch fits in the {hours} hours of {name} until the due date ({days})"),
        hint=_("agree a later due date, or give {name} a larger capacity in planner.toml"),
        hours=limits.equipment_hours,
        name=first.removeprefix(EQUIPMENT),
        days=counted(DAYS, limits.days or 0),
    ).under("due")
