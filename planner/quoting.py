"""A quote for an order: a tailor's sizes or a baker's pieces × unit prices, rush, deposit,
fabric to buy or bring, the ready date on working days, and whether a due date is met.

See docs/quoting.md and docs/design.md, "Quote arithmetic" and "Decisions of the second
release" (10, 11). Each garment is costed by costing.cost_pattern (one engine, the fabric
at its exact metres, as `planner cost` has it); this module adds what a one-off order
is: the fabric bought in whole steps, shared out over the garments in proportion to
their metres; each size priced by pricing.list_price on that; the order's sums; a rush
rounded up like the deposit, which also works the job more hours a day. A recipe is made
in whole batches, ``ceil(pieces / sellable)``, and priced per piece as `planner price`
prices the direct channel. A pattern without [fabric] (an alteration, permak) has no
fabric part. The ready date is the job's finish on working days (planner/schedule.py):
the first working day after today, the [calendar]'s closed weekdays and holidays skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Literal

from planner.costing import SIXTY, Context, CostSheet, cost_pattern, cost_recipe
from planner.errors import InputErrors, problem
from planner.fabric_order import FabricUse, fabric_line, fabric_use
from planner.models import Pattern, PatternProduct, RecipeProduct
from planner.money import ZERO, round_up
from planner.planning import batches_for, direct_sale
from planner.pricing import list_price
from planner.quote_line import PriceCheck, QuoteLine
from planner.schedule import Job, Scheduled, Workshop, schedule, workshop_of
from planner.settings import Pricing
from planner.texts import _

DueMet = Literal["normal", "rush", "no"]
QUOTED = "<the quoted job>"  # the new job's id among the open orders' (theirs are FILE#INDEX)
__all__ = ["FabricUse", "PriceCheck", "Quote", "QuoteLine", "quote_pattern", "quote_recipe"]

# ---------------------------------------------------------------- the quote


@dataclass(frozen=True)
class Quote:
    product: str
    file: str
    items: tuple[QuoteLine, ...]
    fabric: FabricUse | None  # None: a recipe, or a pattern without [fabric] (an alteration)
    pricing: Pricing
    rush_share: Decimal  # 0 without --rush
    deposit_share: Decimal
    shop: Workshop  # workers, hours a day, the calendar, equipment capacities
    today: date
    wage: Decimal
    price: Decimal | None = None  # --price: the price per garment (or piece) the producer charges
    rushed: bool = False  # --rush: the job is worked rush_hours_per_day
    rush_hours_per_day: Decimal = ZERO
    due: date | None = None  # --due: the day the customer needs it
    kind: Literal["recipe", "pattern"] = "pattern"
    channel: str = ""  # a recipe's: the channel its price is set for (the direct one)
    queue: tuple[Job, ...] = ()  # the open orders of the books, which the new job joins by its due date

    @property
    def workers(self) -> int:
        return self.shop.workers

    @property
    def hours_per_day(self) -> Decimal:
        return self.shop.hours_per_day

    @property
    def day_hours(self) -> Decimal:
        """Hours a day this job is worked by each worker: rush_hours_per_day when rushed."""
        return self.rush_hours_per_day if self.rushed else self.hours_per_day

    @property
    def count(self) -> int:
        """Garments, or pieces, ordered."""
        return sum(s.qty for s in self.items)

    @property
    def subtotal(self) -> Decimal:
        return sum((s.amount for s in self.items), ZERO)

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
        """HPP of the order: garments × their HPP, or the whole batches' cost."""
        return sum(
            (s.runs * s.sheet.batch if s.sheet.kind == "recipe" else s.qty * s.unit_cost for s in self.items), ZERO
        )

    @property
    def minutes(self) -> Decimal:
        return sum((s.minutes for s in self.items), ZERO)

    @property
    def equipment_hours(self) -> dict[str, Decimal]:
        """Hours on each piece of equipment: Σ batches × equipment minutes / 60 (before its capacity)."""
        hours: dict[str, Decimal] = {}
        for s in self.items:
            name = s.sheet.equipment
            if name is not None and s.equipment_minutes:
                hours[name] = hours.get(name, ZERO) + s.equipment_minutes / SIXTY
        return hours

    @property
    def minutes_per_day(self) -> Decimal:
        return self.workers * self.day_hours * SIXTY

    def job(self, rushed: bool) -> Job:
        return Job(
            QUOTED, self.minutes / SIXTY, self.equipment_hours, self.due, self.rush_hours_per_day if rushed else None
        )

    def placed(self, rushed: bool) -> Scheduled:
        """The job on the calendar from the first working day after today, among the open orders: it joins
        them by its due date (none: after them all); only it is rushed, not the orders ahead."""
        return self._placed[rushed]

    @cached_property
    def _placed(self) -> dict[bool, Scheduled]:
        return {rushed: self._queued[rushed][0] for rushed in (False, True)}

    @cached_property
    def _queued(self) -> dict[bool, tuple[Scheduled, int]]:
        """The job as scheduled among the open orders, and how many of them are worked before it."""
        found = {}
        for rushed in (False, True):
            placed = schedule([*self.queue, self.job(rushed)], self.shop, self.today)
            at = next(i for i, p in enumerate(placed) if p.job.id == QUOTED)
            found[rushed] = (placed[at], at)
        return found

    @property
    def ahead(self) -> int:
        """Open orders worked before this one."""
        return self._queued[self.rushed][1]

    @property
    def scheduled(self) -> Scheduled:
        return self.placed(self.rushed)

    @property
    def has_work(self) -> bool:
        return bool(self.minutes or self.equipment_hours)

    @property
    def days(self) -> int:
        """Working days the job is worked on: ceil(hours it takes / hours a day) with an empty queue."""
        return self.scheduled.days if self.has_work else 0

    @property
    def days_to_ready(self) -> int:
        """Working days from today to the ready date (the orders ahead included): what the customer waits."""
        if not self.has_work:
            return 0
        day, count = self.today, 0
        while day < self.ready:
            day = self.shop.next_working_day(day)
            count += 1
        return count

    @property
    def start(self) -> date:
        return self.scheduled.start

    @property
    def ready(self) -> date:
        return self.scheduled.finish

    @property
    def queue_hours(self) -> Decimal:
        """Labour hours of the open orders worked before this one."""
        return self.scheduled.queue_hours

    @property
    def due_met(self) -> DueMet | None:
        """Whether --due is met at the normal pace, only with --rush, or not at all."""
        if self.due is None:
            return None
        if self.placed(False).finish <= self.due:
            return "normal"
        return "rush" if self.placed(True).finish <= self.due else "no"

    @property
    def late_days(self) -> int | None:
        """Calendar days the ready date (rushed or not, as asked) is after --due."""
        return None if self.due is None else max(0, (self.ready - self.due).days)

    @property
    def checks(self) -> tuple[PriceCheck, ...]:
        if self.price is None:
            return ()
        return tuple(PriceCheck(s.size, self.price, s.unit_cost, s.piece_labor, s.piece_minutes) for s in self.items)

    @property
    def below_wage(self) -> tuple[PriceCheck, ...]:
        return tuple(c for c in self.checks if c.per_hour is not None and c.per_hour < self.wage)


def quote_of(
    product: PatternProduct | RecipeProduct,
    ctx: Context,
    items: tuple[QuoteLine, ...],
    fabric: FabricUse | None,
    *,
    today: date,
    rush: bool,
    price: Decimal | None,
    due: date | None,
) -> Quote:
    settings = ctx.settings
    return Quote(
        product.name,
        product.path,
        items,
        fabric,
        settings.pricing,
        settings.quote.rush if rush else ZERO,
        settings.quote.deposit,
        workshop_of(settings),
        today,
        settings.labor.wage_per_hour,
        price,
        rush,
        settings.quote.rush_hours(settings.labor),
        due,
        product.kind,
    )


def quote_recipe(
    product: RecipeProduct,
    ctx: Context,
    pieces: int,
    *,
    today: date,
    rush: bool = False,
    price: Decimal | None = None,
    due: date | None = None,
) -> Quote:
    """``pieces`` of a recipe: batches = ceil(pieces / sellable), each piece at the direct channel's price."""
    sheet = cost_recipe(product, ctx)
    unit_price = price if price is not None else direct_sale(sheet, ctx.settings).price
    line = QuoteLine(None, pieces, sheet, unit_price, batches=batches_for(pieces, sheet.sellable))
    made = quote_of(product, ctx, (line,), None, today=today, rush=rush, price=price, due=due)
    return replace(made, channel=ctx.settings.channels[0].name)


def quote_pattern(
    product: PatternProduct,
    ctx: Context,
    order: dict[str | None, int],
    *,
    today: date,
    rush: bool = False,
    brought: Decimal | None = None,
    price: Decimal | None = None,
    due: date | None = None,
) -> Quote:
    """Cost each ordered size, price it, and add up the order (a pattern without sizes: the key None)."""
    pattern = product.model
    check_sizes(pattern, order)
    sheets = [cost_pattern(product, ctx, size) for size in pattern_sizes(pattern) if size in order]
    fabric = None if pattern.fabric is None else fabric_use(pattern, ctx, sheets, order, brought)
    items = tuple(size_quote(sheet, order, fabric, pattern, ctx.settings.pricing, price) for sheet in sheets)
    return quote_of(product, ctx, items, fabric, today=today, rush=rush, price=price, due=due)


def pattern_sizes(pattern: Pattern) -> list[str | None]:
    """The pattern's sizes; a pattern without sizes (an alteration) is one line, size None."""
    return list(pattern.sizes) or [None]


def check_sizes(pattern: Pattern, order: dict[str | None, int]) -> None:
    """Every ordered size is one the pattern lists (a pattern without sizes takes a count alone)."""
    if not pattern.sizes:
        if any(size is not None for size in order):
            raise problem(
                _("this pattern has no sizes"),
                hint=_("say only how many: --qty {qty}"),
                qty=sum(order.values()),
            )
        return
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
                if s is not None
                else problem(
                    _("say which size: the pattern has sizes {sizes}"),
                    hint=_("write e.g. --size {first} --qty {qty}"),
                    sizes=", ".join(pattern.sizes),
                    first=pattern.sizes[0],
                    qty=order[s],
                )
                for s in unknown
            ]
        )


def size_quote(
    sheet: CostSheet,
    order: dict[str | None, int],
    fabric: FabricUse | None,
    pattern: Pattern,
    pricing: Pricing,
    price: Decimal | None,
) -> QuoteLine:
    """One size priced on its HPP for this order: its share of the fabric bought (none when the customer brings it)."""
    size = sheet.size
    line = fabric_line(sheet)
    bought = None if fabric is None or fabric.customer or line is None else fabric.share(line)
    need = None if pattern.fabric is None or size is None else pattern.fabric.need[size]
    quoted = QuoteLine(size, order[size], sheet, ZERO, need, bought)
    return replace(quoted, unit_price=price if price is not None else list_price(quoted.unit_cost, pricing))
