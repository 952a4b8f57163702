"""The records a book file holds (docs/design-book.md, "Book files"): what was made, sold, left at a
shop on consignment, bought, spent, put in, worked, and the orders taken.

Each record kind is an array of tables (``[[made]]``, ``[[sold]]``, ...); a book file holds any of
them. A record says what happened on its ``date``; products are paths relative to the book file,
as in plans. These models check each record on its own; what needs the rest of the workspace (a
known product, shop, member or item, a date not after today, what is on a shop's shelf, an order
id used once) is checked in planner/book/validate.py.
"""

from __future__ import annotations

from datetime import date as Date
from decimal import Decimal
from typing import Annotated, Any

from planner.errors import problem
from planner.fields import Money, Positive, Qty, _money, _sized, _wrap
from planner.records import Check, Record, after, field
from planner.texts import _


def _count(value: Any, least: int) -> int:
    """A count of pieces: a whole number, not negative (``least`` 1: above zero)."""
    number = not isinstance(value, bool) and isinstance(value, (int, Decimal)) and Decimal(value).is_finite()
    if not number:
        raise _wrap(
            problem(
                _("'{key}' must be a number of pieces, not {value}"),
                hint=_("write a whole number without quotes, e.g. {key} = 12"),
                value=f'"{value}"' if isinstance(value, str) else str(value),
            )
        )
    if Decimal(value) != Decimal(value).to_integral_value():
        raise _wrap(
            problem(
                _("'{key}' = {value} is not a whole number of pieces"),
                hint=_("count whole pieces, e.g. {key} = 12"),
                value=str(value),
            )
        )
    if value < least:
        raise _wrap(
            problem(
                _("'{key}' = {value}: a count of pieces cannot be negative")
                if value < 0
                else _("'{key}' = {value}: write how many pieces, more than zero"),
                hint=_("write how many pieces, e.g. {key} = 12"),
                value=str(value),
            )
        )
    return int(_sized(Decimal(value), value))


def _signed_money(value: Any, info: Any) -> Decimal:
    """Capital: put in (+) or taken out (−), never zero; whole in a currency without cents."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value < 0:
        return -_money(-value, info)
    amount = _money(value, info)
    if not amount:
        raise _wrap(
            problem(
                _("'{key}' = 0 puts nothing in and takes nothing out"),
                hint=_("write the amount put in, e.g. 50_000, or taken out, e.g. -50_000"),
            )
        )
    return amount


COUNT_SCHEMA = {"type": "integer", "minimum": 0, "description": "Whole pieces, e.g. 12"}
Count = Annotated[int, Check(lambda v: _count(v, 0), COUNT_SCHEMA)]
PieceCount = Annotated[int, Check(lambda v: _count(v, 1), {**COUNT_SCHEMA, "minimum": 1})]
SignedMoney = Annotated[
    Decimal,
    Check(
        _signed_money,
        {"type": "integer", "description": "Money put in (e.g. 50_000) or taken out (e.g. -50_000)"},
        info=True,
    ),
]


class Made(Record):
    """What came out of the kitchen or off the machine: sellable pieces, after loss."""

    date: Date
    product: str = field(min_length=1)
    size: str | None = field(default=None, min_length=1)
    pieces: PieceCount
    note: str = ""


class Sold(Record):
    """A sale paid on the spot (home, market, online), at the price really charged per piece."""

    date: Date
    product: str = field(min_length=1)
    size: str | None = field(default=None, min_length=1)
    pieces: PieceCount
    price: Money
    channel: str | None = field(default=None, min_length=1)  # default: the first channel (the direct sale)
    note: str = ""


class Titip(Record):
    """One visit to a consignment shop, for one product: left there, reported sold, taken back, paid."""

    date: Date
    shop: str = field(min_length=1)
    product: str | None = field(default=None, min_length=1)
    size: str | None = field(default=None, min_length=1)
    delivered: Count = 0
    sold: Count = 0
    returned: Count = 0
    paid: Money = Decimal(0)  # money received on this visit, for any product
    price: Money | None = None  # the shelf price of the pieces sold, when not the planner's
    note: str = ""

    @after
    def _says_something(self) -> Titip:
        counted = self.delivered or self.sold or self.returned
        if counted and self.product is None:
            raise _wrap(
                problem(
                    _("a visit that counts pieces needs the product"),
                    hint=_('add product = "../recipes/bingka-kentang.toml" (relative to this file)'),
                ).under("product")
            )
        if not counted and not self.paid:
            raise _wrap(
                problem(
                    _("this visit records nothing"),
                    hint=_("write what was delivered, sold or returned, or what the shop paid"),
                )
            )
        return self


class Bought(Record):
    """A purchase at the price really paid, in any unit the item converts to."""

    date: Date
    item: str = field(min_length=1)
    qty: Qty
    paid: Money
    note: str = ""


class Spent(Record):
    """Any other cost: electricity, transport, repairs."""

    date: Date
    what: str = field(min_length=1)
    amount: Money
    note: str = ""


class Capital(Record):
    """Money a member puts in (+) or takes out (−)."""

    date: Date
    member: str = field(min_length=1)
    amount: SignedMoney
    note: str = ""


class Worked(Record):
    """Hours a member worked (for sharing by work)."""

    date: Date
    member: str = field(min_length=1)
    hours: Positive
    note: str = ""


class OrderLine(Record):
    """What an order asks to make: pieces of a recipe, or garments of one size of a pattern."""

    product: str = field(min_length=1)
    size: str | None = field(default=None, min_length=1)
    pieces: PieceCount


class Payment(Record):
    date: Date
    amount: Money


class Order(Record):
    """An order taken (kenduri, school uniforms): what to make by when, the price, what was paid."""

    id: str = field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    date: Date  # when it was taken
    customer: str = field(min_length=1)
    due: Date
    make: list[OrderLine] = field(min_length=1)
    price: Money | None = None  # the agreed total; left out: the direct channel's price of each line
    payments: list[Payment] = []
    done: Date | None = None  # handed over; absent while open
    note: str = ""

    @after
    def _dates_in_order(self) -> Order:
        if self.due < self.date:
            raise _before(
                _("due {due} is before the order was taken on {taken}"), ("due",), due=self.due, taken=self.date
            )
        if self.done is not None and self.done < self.date:
            raise _before(
                _("done {done} is before the order was taken on {taken}"), ("done",), done=self.done, taken=self.date
            )
        for i, payment in enumerate(self.payments):
            if payment.date < self.date:
                raise _before(
                    _("a payment on {paid} is before the order was taken on {taken}"),
                    ("payments", i, "date"),
                    paid=payment.date,
                    taken=self.date,
                )
        return self

    def paid(self, until: Date | None = None) -> Decimal:
        """What the customer has paid (up to ``until``)."""
        return sum((p.amount for p in self.payments if until is None or p.date <= until), Decimal(0))


def _before(message: str, loc: tuple[str | int, ...], **params: Any) -> Any:
    """An order's date that comes before the day it was taken, placed at its key."""
    hint = _("an order is taken first, then paid, made and handed over: check the dates (year-month-day)")
    return _wrap(problem(message, hint=hint, **params).under(*loc))


KINDS = ("made", "sold", "titip", "bought", "spent", "capital", "worked", "orders")
MODELS: dict[str, type[Record]] = {
    "made": Made,
    "sold": Sold,
    "titip": Titip,
    "bought": Bought,
    "spent": Spent,
    "capital": Capital,
    "worked": Worked,
    "orders": Order,
}
BookRecord = Made | Sold | Titip | Bought | Spent | Capital | Worked | Order


class BookFile(Record):
    """A book: any of the record arrays (one a month by convention, books/2026-12.toml)."""

    made: list[Made] = []
    sold: list[Sold] = []
    titip: list[Titip] = []
    bought: list[Bought] = []
    spent: list[Spent] = []
    capital: list[Capital] = []
    worked: list[Worked] = []
    orders: list[Order] = []


def holds_records(data: Any) -> bool:
    """Whether parsed TOML holds any record array (so it is a book)."""
    return isinstance(data, dict) and any(kind in data for kind in KINDS)
