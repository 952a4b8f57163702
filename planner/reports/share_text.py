"""The share in sentences: the working of every figure (--explain), and the message for the group
chat (--format text): one line per member."""

from __future__ import annotations

from decimal import Decimal

from planner.book.share import MemberShare, Sharing
from planner.money import quantize
from planner.reports import DAYS, counted
from planner.texts import Cash, Msg, Pct, _, msg

EXACT = 2  # places of an exact share before it is rounded


def share_explain(s: Sharing) -> list[Msg]:
    g = s.group
    lines = [
        msg(
            _("net profit of the period (as planner book works it out): {exact}, to the currency: {net}"),
            exact=quantize(s.net_exact, EXACT),
            net=Cash(s.net),
        )
    ]
    if s.loss:
        return [*lines, msg(_("no profit: nothing is kept or shared out")), *capital_explain(s)]
    rest = s.net - s.reserve
    lines += [
        msg(_("reserve = {share} × {net} = {reserve}"), share=Pct(g.reserve), net=Cash(s.net), reserve=Cash(s.reserve)),
        msg(_("shared = {net} − {reserve} = {shared}"), net=Cash(s.net), reserve=Cash(s.reserve), shared=Cash(rest)),
        msg(
            _("by capital = {share} × {shared} = {amount}; by work = {shared} − {amount} = {work}"),
            share=Pct(g.by_capital),
            shared=Cash(rest),
            amount=Cash(s.by_capital),
            work=Cash(s.by_work),
        ),
        *capital_explain(s),
    ]
    lines += [part_explain(s.by_capital, m.capital_days, s.capital_days, m.name, m.by_capital) for m in s.members]
    lines += [hours_explain(s, m) for m in s.members]
    lines.append(
        msg(
            _(
                "each share is its exact part rounded down to the currency; the units left over go one each to the "
                "largest remainders, so the shares add up exactly to {shared}"
            ),
            shared=Cash(s.shared),
        )
    )
    return lines


def capital_explain(s: Sharing) -> list[Msg]:
    """Each capital record as held in the period: amount × days = capital-days."""
    lines = []
    for m in s.members:
        for h in m.holdings:
            lines.append(
                msg(
                    _("{member}: {amount} on {day} × {days} (to {end}) = {capital_days} capital-days"),
                    member=m.name,
                    amount=Cash(h.amount),
                    day=h.entry.date,
                    days=counted(DAYS, h.days),
                    end=s.period.end,
                    capital_days=h.capital_days,
                )
            )
    return lines


def part_explain(pool: Decimal, part: Decimal, whole: Decimal, member: str, shown: Decimal) -> Msg:
    exact = pool * part / whole if whole else Decimal(0)
    return msg(
        _("{member} by capital: {pool} × {part} / {whole} = {exact} → {shown}"),
        member=member,
        pool=Cash(pool),
        part=part,
        whole=whole,
        exact=quantize(exact, EXACT),
        shown=Cash(shown),
    )


def hours_explain(s: Sharing, m: MemberShare) -> Msg:
    exact = s.by_work * m.hours / s.hours if s.hours else Decimal(0)
    return msg(
        _("{member} by work: {pool} × {hours} / {whole} hours = {exact} → {shown}"),
        member=m.name,
        pool=Cash(s.by_work),
        hours=m.hours,
        whole=s.hours,
        exact=quantize(exact, EXACT),
        shown=Cash(m.by_work),
    )


def share_message(s: Sharing, business: str = "") -> list[Msg]:
    """Plain lines for the group chat: the period, the profit, the reserve, a line per member."""
    period = msg(_("{start} to {end}"), start=s.period.start, end=s.period.end)
    lines = [
        msg(_("{business} — profit shared, {period}"), business=business, period=period)
        if business
        else msg(_("Profit shared, {period}"), period=period)
    ]
    if s.loss:
        lines.append(
            msg(_("Loss: {loss}. Nothing is shared out this time."), loss=Cash(-s.net))
            if s.net < 0
            else msg(_("No profit: nothing is shared out this time."))
        )
        lines += [msg(_("- {member}: capital {capital}"), member=m.name, capital=Cash(m.capital)) for m in s.members]
        return lines
    lines += [
        msg(_("Net profit: {net}"), net=Cash(s.net)),
        msg(_("Reserve ({share}): {reserve}"), share=Pct(s.group.reserve), reserve=Cash(s.reserve)),
        msg(_("Shared out: {shared}"), shared=Cash(s.shared)),
    ]
    lines += [
        msg(
            _("- {member}: {total} (capital {capital}, work {work})"),
            member=m.name,
            total=Cash(m.total),
            capital=Cash(m.by_capital),
            work=Cash(m.by_work),
        )
        for m in s.members
    ]
    return lines
