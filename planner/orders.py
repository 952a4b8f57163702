"""The open orders and the work queue (pure): what each order makes, its hours, price, payments,
balance due, its place on the working-day calendar, and one shopping list.

docs/design-book.md, "Orders and the work queue"; docs/orders.md. An order is open while it has
no ``done`` date. Its work is what a quote of its lines says (planner/quoting.py): labour hours
``Σ runs × minutes / 60`` (a recipe's runs are its whole batches, a pattern's its garments),
equipment hours ``Σ batches × equipment minutes / 60``, and — when the record names no ``price``
— the quote's total without rush. The open orders are scheduled earliest due first by
planner/schedule.py from the first working day after today; an order is late by the calendar
days from its due date to its finish. The shopping list covers every open order: the book has no
mark of work begun, so none counts as started (docs/orders.md, decisions).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from planner.book.ledger import Entry
from planner.book.records import Order
from planner.errors import InputError, warning
from planner.money import ZERO
from planner.planning import Run, ShoppingLine
from planner.schedule import Job, Scheduled, Workshop, schedule
from planner.texts import Cash, _

PriceFrom = Literal["agreed", "quoted"]


@dataclass(frozen=True)
class MadeLine:
    """One line of an order as the workshop makes it: pieces (garments), and the runs they take."""

    product: str  # the product's file, as the order names it
    name: str  # the product's name: "Bingka kentang", "Kemeja sekolah"
    size: str | None
    pieces: int
    batches: int  # a recipe's whole batches; a pattern's garments


@dataclass(frozen=True)
class Work:
    """What an order's lines take and what a quote of them comes to."""

    lines: tuple[MadeLine, ...]
    hours: Decimal  # labour hours
    equipment: Mapping[str, Decimal] = field(default_factory=dict)  # hours on each equipment, before capacity
    quoted: Decimal = ZERO  # the quote's total of the lines, without rush
    runs: tuple[Run, ...] = ()  # what the shopping list buys for


@dataclass(frozen=True)
class OpenOrder:
    entry: Entry[Order]
    work: Work
    placed: Scheduled
    today: date

    @property
    def record(self) -> Order:
        return self.entry.record

    @property
    def price(self) -> Decimal:
        """The record's agreed ``price``; left out, the quote's computed total."""
        agreed = self.record.price
        return self.work.quoted if agreed is None else agreed

    @property
    def price_from(self) -> PriceFrom:
        return "quoted" if self.record.price is None else "agreed"

    @property
    def paid(self) -> Decimal:
        return self.record.paid(self.today)

    @property
    def deposit(self) -> Decimal:
        """The first payment (the deposit, uang muka), or nothing yet."""
        payments = self.record.payments
        return payments[0].amount if payments else ZERO

    @property
    def balance(self) -> Decimal:
        """What the customer still owes: price − paid, never below zero (paying too much is warned)."""
        return max(ZERO, self.price - self.paid)

    @property
    def late_days(self) -> int:
        late = self.placed.late_days
        return 0 if late is None else late


@dataclass(frozen=True)
class Queue:
    """The open orders in the order they are worked, the workshop, and one shopping list."""

    today: date
    shop: Workshop
    orders: tuple[OpenOrder, ...]
    shopping: tuple[ShoppingLine, ...] = ()
    notes: tuple[InputError, ...] = ()

    @property
    def hours(self) -> Decimal:
        return sum((o.work.hours for o in self.orders), ZERO)

    @property
    def price(self) -> Decimal:
        return sum((o.price for o in self.orders), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((o.paid for o in self.orders), ZERO)

    @property
    def balance(self) -> Decimal:
        return sum((o.balance for o in self.orders), ZERO)

    @property
    def late(self) -> tuple[OpenOrder, ...]:
        return tuple(o for o in self.orders if o.late_days)

    @property
    def spend(self) -> Decimal:
        return sum((line.spend for line in self.shopping), ZERO)

    def days(self) -> list[tuple[date, list[tuple[OpenOrder, Decimal]]]]:
        """Each working day and the hours of it each order takes (the day-by-day work list)."""
        found: dict[date, list[tuple[OpenOrder, Decimal]]] = {}
        for order in self.orders:
            if not order.work.hours and not order.work.equipment:
                continue
            for day, hours in order.placed.work(self.shop):
                found.setdefault(day, []).append((order, hours))
        return sorted(found.items())


def job_of(entry: Entry[Order], work: Work) -> Job:
    return Job(_job_id(entry), work.hours, work.equipment, entry.record.due)


def _job_id(entry: Entry[Order]) -> str:
    return f"{entry.file}#{entry.index}"


def open_entries(orders: Sequence[Entry[Order]]) -> list[Entry[Order]]:
    """The orders not handed over (no ``done``)."""
    return [e for e in orders if e.record.done is None]


def queue_jobs(works: Sequence[tuple[Entry[Order], Work]]) -> list[Job]:
    """The open orders as jobs of the work queue (for a quote to join)."""
    return [job_of(entry, work) for entry, work in works]


def order_queue(works: Sequence[tuple[Entry[Order], Work]], shop: Workshop, today: date) -> Queue:
    """The open orders scheduled earliest due first, each with its price, payments and balance."""
    by_id = {_job_id(entry): (entry, work) for entry, work in works}
    placed = schedule(queue_jobs(works), shop, today)
    orders = tuple(OpenOrder(*by_id[p.job.id], p, today) for p in placed)
    return Queue(today, shop, orders, notes=tuple(n for o in orders for n in overpaid(o)))


def overpaid(order: OpenOrder) -> list[InputError]:
    """A warning at the payment that takes the paid amount above the agreed price."""
    record, total = order.record, ZERO
    for i, payment in enumerate(record.payments):
        if payment.date > order.today:
            break
        total += payment.amount
        if total > order.price:
            return [
                warning(
                    _("the payments come to {paid}, more than the price of {price}"),
                    hint=_("check the amount, or write the agreed price of the order: price = ..."),
                    paid=Cash(total),
                    price=Cash(order.price),
                )
                .under(*order.entry.loc, "payments", i, "amount")
                .at(order.entry.file)
            ]
    return []
