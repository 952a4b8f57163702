"""Cash: the money that came in and went out, a cash figure and not a profit (docs/design-book.md).

In: sales paid on the spot (what the channel hands over), shop payments, order payments, capital
put in; out: purchases, other costs, capital taken out. ``opening`` is every record's cash before
the period, so the closing of one period is the opening of the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.book.ledger import Book, Period
from planner.book.period import sale_earned, sold_channel
from planner.money import ZERO
from planner.settings import Settings

INS = ("sales", "shops", "orders", "capital")
OUTS = ("bought", "spent", "capital")


@dataclass(frozen=True)
class CashFlow:
    opening: Decimal
    ins: tuple[tuple[str, Decimal], ...]  # by INS, each even when nothing came in
    outs: tuple[tuple[str, Decimal], ...]  # by OUTS

    @property
    def money_in(self) -> Decimal:
        return sum((amount for _what, amount in self.ins), ZERO)

    @property
    def money_out(self) -> Decimal:
        return sum((amount for _what, amount in self.outs), ZERO)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.money_in - self.money_out


def movements(book: Book, settings: Settings) -> Iterator[tuple[date, str, Decimal]]:
    """Every movement of cash: (day, what, amount), money in positive, money out negative."""
    for sale in book.sold:
        yield sale.date, "sales", sale_earned(sale.record, sold_channel(sale.record, settings.channels))
    for visit in book.titip:
        if visit.record.paid:
            yield visit.date, "shops", visit.record.paid
    for order in book.orders:
        for payment in order.record.payments:
            yield payment.date, "orders", payment.amount
    for capital in book.capital:
        yield capital.date, "capital", capital.record.amount
    for bought in book.bought:
        yield bought.date, "bought", -bought.record.paid
    for spent in book.spent:
        yield spent.date, "spent", -spent.record.amount


def cash_flow(book: Book, settings: Settings, period: Period) -> CashFlow:
    opening = ZERO
    ins = dict.fromkeys(INS, ZERO)
    outs = dict.fromkeys(OUTS, ZERO)
    for day, what, amount in movements(book, settings):
        if day < period.start:
            opening += amount
        elif day <= period.end:
            if what in ins and (what != "capital" or amount >= 0):
                ins[what] += amount  # a sale on a channel whose fee is above its price brings in less than nothing
            else:
                outs[what] -= amount
    return CashFlow(opening, tuple(ins.items()), tuple(outs.items()))
