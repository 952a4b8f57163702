"""The group's profit shared out (``planner share``, docs/share.md): the SHU of a KUBE.

For a period, the net profit of the period report (planner/book/period.py), rounded to the
currency, is ``N``. When ``N`` is above zero: the reserve ``R = N × reserve`` (rounded half-up) is
kept in the group, and the rest ``S = N − R`` is shared — ``S × by_capital`` (rounded half-up) in
proportion to each member's capital-days and the remainder in proportion to the hours worked in the
period. A member's capital-days are ``Σ amount × days`` over their ``[[capital]]`` records up to the
period's last day, each counted from its date (or the period's first day, if earlier) to the last
day, both inclusive; a withdrawal counts negative the same way — the same as the balance held each
day, summed over the days. Each pool is split to the currency unit by the largest remainder, so the
shares add up exactly to the pool, and the pools to ``S``. A loss (``N ≤ 0``) is not shared out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner.book.ledger import Entry, Period
from planner.book.records import Capital, Worked
from planner.booksettings import Group
from planner.errors import InputError, problem
from planner.money import ZERO, largest_remainder, quantize
from planner.texts import Cash, _

CAPITAL, WORK = "capital", "work"  # the two ways of sharing


@dataclass(frozen=True)
class Holding:
    """One capital record as it counts in the period: its amount and the days it is held."""

    entry: Entry[Capital]
    days: int

    @property
    def amount(self) -> Decimal:
        return self.entry.record.amount

    @property
    def capital_days(self) -> Decimal:
        return self.amount * self.days


@dataclass(frozen=True)
class MemberShare:
    name: str
    opening: Decimal  # capital held before the period
    put_in: Decimal  # capital put in during the period
    taken_out: Decimal  # capital taken out during the period (a positive amount)
    holdings: tuple[Holding, ...]
    hours: Decimal
    by_capital: Decimal = ZERO
    by_work: Decimal = ZERO

    @property
    def capital(self) -> Decimal:
        """The balance at the period's end."""
        return self.opening + self.put_in - self.taken_out

    @property
    def capital_days(self) -> Decimal:
        return sum((h.capital_days for h in self.holdings), ZERO)

    @property
    def total(self) -> Decimal:
        return self.by_capital + self.by_work


@dataclass(frozen=True)
class Sharing:
    period: Period
    group: Group
    net_exact: Decimal  # the period report's net profit
    net: Decimal  # rounded to the currency: what is shared or kept
    reserve: Decimal
    by_capital: Decimal  # the capital pool
    by_work: Decimal  # the work pool
    members: tuple[MemberShare, ...]
    moved: str | None = None  # a pool with nothing to weigh it joined the other: CAPITAL or WORK

    @property
    def loss(self) -> bool:
        return self.net <= 0

    @property
    def shared(self) -> Decimal:
        return self.by_capital + self.by_work

    @property
    def capital_days(self) -> Decimal:
        return sum((m.capital_days for m in self.members), ZERO)

    @property
    def hours(self) -> Decimal:
        return sum((m.hours for m in self.members), ZERO)


def member_shares(
    names: Sequence[str], capital: Sequence[Entry[Capital]], worked: Sequence[Entry[Worked]], period: Period
) -> list[MemberShare]:
    """Each member's capital before and during the period, the days each amount is held, and hours."""
    found = []
    for name in names:
        own = [e for e in capital if e.record.member == name and e.date <= period.end]
        during = [e.record.amount for e in own if e.date in period]
        found.append(
            MemberShare(
                name,
                opening=sum((e.record.amount for e in own if e.date < period.start), ZERO),
                put_in=sum((a for a in during if a > 0), ZERO),
                taken_out=-sum((a for a in during if a < 0), ZERO),
                holdings=tuple(Holding(e, (period.end - max(e.date, period.start)).days + 1) for e in own),
                hours=sum((e.record.hours for e in worked if e.record.member == name and e.date in period), ZERO),
            )
        )
    return found


def share(members: Sequence[MemberShare], group: Group, net_profit: Decimal, period: Period, places: int) -> Sharing:
    """The period's net profit kept and shared; a loss (or nothing) is not shared out. Nobody with
    capital-days nor hours while there is a profit to share: an error."""
    net = quantize(net_profit, places)
    if net <= 0:
        return Sharing(period, group, net_profit, net, ZERO, ZERO, ZERO, tuple(members))
    reserve = quantize(net * group.reserve, places)
    rest = net - reserve
    by_capital = quantize(rest * group.by_capital, places)
    days = [max(m.capital_days, ZERO) for m in members]
    hours = [m.hours for m in members]
    moved = None
    if not any(days) and not any(hours):
        raise _nobody(net)
    if not any(days) and by_capital:
        moved, by_capital = CAPITAL, ZERO
    elif not any(hours) and rest - by_capital:
        moved, by_capital = WORK, rest
    by_work = rest - by_capital
    capital_parts = largest_remainder(by_capital, days, places) if any(days) else [ZERO] * len(members)
    work_parts = largest_remainder(by_work, hours, places) if any(hours) else [ZERO] * len(members)
    shared = [
        MemberShare(m.name, m.opening, m.put_in, m.taken_out, m.holdings, m.hours, c, w)
        for m, c, w in zip(members, capital_parts, work_parts, strict=True)
    ]
    return Sharing(period, group, net_profit, net, reserve, by_capital, by_work, tuple(shared), moved)


def _nobody(net: Decimal) -> InputError:
    return problem(
        _("a profit of {profit} to share, but no member put in capital or worked hours in the period"),
        hint=_(
            "write each member's [[capital]] (member, amount, date) and [[worked]] (member, hours, date) in the book"
        ),
        profit=Cash(net),
    )


def withdrawal_problems(capital: Sequence[Entry[Capital]]) -> tuple[set[int], list[InputError]]:
    """Withdrawals (in date order) of more than the member holds at the time: their positions in
    ``capital`` and the problems. Such a withdrawal is left out of the balance."""
    balances: dict[str, Decimal] = {}
    bad: set[int] = set()
    found = []
    for n, entry in enumerate(capital):
        record = entry.record
        held = balances.get(record.member, ZERO)
        if held + record.amount < 0:
            bad.add(n)
            found.append(
                problem(
                    _("{member} takes out {amount} on {day}, but holds only {held} in the group"),
                    hint=_(
                        "a member takes out at most what they put in and did not take out before; check the amount, "
                        "or record when it was put in (with no book named, every book is read)"
                    ),
                    member=record.member,
                    amount=Cash(-record.amount),
                    day=entry.date,
                    held=Cash(held),
                )
                .under(*entry.loc, "amount")
                .at(entry.file)
            )
            continue
        balances[record.member] = held + record.amount
    return bad, found
