"""The group's profit shared (``planner share``): what was kept and shared, each member's capital and
hours, and their shares by capital and by work; the working (--explain) and a message for the group
chat (--format text). The shares are whole currency units that add up exactly (planner/book/share.py),
so no rounding line is needed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.book.share import CAPITAL, MemberShare, Sharing
from planner.reports import Column, Report, Row, Table, money_json, number_json, share_json
from planner.texts import Cash, Msg, Pct, _, msg, p_

AMOUNT = (Column(p_("book.col.figure", "Figure")), Column(_("Amount"), "money"))
MEMBER = Column(p_("col.member", "Member"))
CAPITAL_COLUMNS = (
    MEMBER,
    Column(_("Before"), "money"),
    Column(p_("share.col", "Put in"), "money"),
    Column(p_("share.col", "Taken out"), "money"),
    Column(_("At the end"), "money"),
    Column(_("Capital-days"), "number"),
)
SHARE_COLUMNS = (
    MEMBER,
    Column(_("Hours"), "number"),
    Column(_("By capital"), "money"),
    Column(_("By work"), "money"),
    Column(_("Share"), "money"),
)


def profit_table(s: Sharing) -> Table:
    g = s.group
    if s.loss:
        rows = [
            Row((msg(_("Net profit of the period")), s.net), "total"),
            Row((msg(_("Shared out")), Decimal(0))),
        ]
        return Table(AMOUNT, tuple(rows), msg(_("Profit")))
    rows = [
        Row((msg(_("Net profit of the period")), s.net), "subtotal"),
        Row((msg(_("Reserve kept in the group ({share})"), share=Pct(g.reserve)), s.reserve)),
        Row((msg(_("Shared out")), s.shared), "total"),
        Row((msg(_("of it, by capital ({share})"), share=Pct(g.by_capital)), s.by_capital)),
        Row((msg(_("of it, by work ({share})"), share=Pct(g.by_work)), s.by_work)),
    ]
    return Table(AMOUNT, tuple(rows), msg(_("Profit")))


def capital_table(s: Sharing) -> Table:
    def cells(m: MemberShare) -> tuple[Decimal, ...]:
        return (m.opening, m.put_in, m.taken_out, m.capital, m.capital_days)

    rows = [Row((m.name, *cells(m))) for m in s.members]
    sums = [sum(column, Decimal(0)) for column in zip(*(cells(m) for m in s.members), strict=True)]
    rows.append(Row((msg(_("Total")), *sums), "total"))
    return Table(CAPITAL_COLUMNS, tuple(rows), msg(_("Capital")))


def shares_table(s: Sharing) -> Table:
    def cells(m: MemberShare) -> tuple[Decimal, ...]:
        return (m.hours, m.by_capital, m.by_work, m.total)

    rows = [Row((m.name, *cells(m))) for m in s.members]
    sums = [sum(column, Decimal(0)) for column in zip(*(cells(m) for m in s.members), strict=True)]
    rows.append(Row((msg(_("Total")), *sums), "total"))
    return Table(SHARE_COLUMNS, tuple(rows), msg(_("Shares")))


def share_notes(s: Sharing, cut: bool) -> list[Msg]:
    notes = []
    if cut:
        notes.append(msg(_("the period goes on after today: it is shown up to {day}"), day=s.period.end))
    if s.loss and s.net < 0:
        notes.append(
            msg(
                _(
                    "a loss of {loss}: nothing is shared out and no reserve is set aside; the loss is covered from "
                    "the reserve kept in earlier periods, and what it cannot cover is carried to the next period"
                ),
                loss=Cash(-s.net),
            )
        )
    elif s.loss:
        notes.append(msg(_("no profit in the period: nothing is shared out")))
    if s.moved is not None:
        notes.append(
            msg(_("nobody put in capital during the period: the share by capital goes to the work"))
            if s.moved == CAPITAL
            else msg(_("nobody recorded hours worked in the period: the share by work goes to the capital"))
        )
    return notes


def sharing_json(s: Sharing) -> dict[str, Any]:
    return {
        "period": {"from": s.period.start.isoformat(), "to": s.period.end.isoformat()},
        "net_profit": money_json(s.net_exact),
        "net_profit_shown": money_json(s.net),
        "loss": s.loss,
        "reserve_share": share_json(s.group.reserve),
        "by_capital_share": share_json(s.group.by_capital),
        "by_work_share": share_json(s.group.by_work),
        "reserve": money_json(s.reserve),
        "shared": money_json(s.shared),
        "by_capital": money_json(s.by_capital),
        "by_work": money_json(s.by_work),
        "capital_days": number_json(s.capital_days),
        "hours": number_json(s.hours),
        "members": [member_json(m) for m in s.members],
    }


def member_json(m: MemberShare) -> dict[str, Any]:
    return {
        "member": m.name,
        "opening": money_json(m.opening),
        "put_in": money_json(m.put_in),
        "taken_out": money_json(m.taken_out),
        "capital": money_json(m.capital),
        "capital_days": number_json(m.capital_days),
        "hours": number_json(m.hours),
        "by_capital": money_json(m.by_capital),
        "by_work": money_json(m.by_work),
        "total": money_json(m.total),
    }


def share_report(s: Sharing, cut: bool, business: str = "") -> Report:
    from planner.reports.share_text import share_explain, share_message

    period = s.period
    return Report(
        "share",
        msg(_("Profit shared: {start} to {end}"), start=period.start, end=period.end),
        (profit_table(s), capital_table(s), shares_table(s)),
        sharing_json(s),
        tuple(share_notes(s, cut)),
        msg(
            _("reserve {reserve}, the rest by capital {capital} and by work {work}; the shares add up exactly"),
            reserve=Pct(s.group.reserve),
            capital=Pct(s.group.by_capital),
            work=Pct(s.group.by_work),
        ),
        explain=tuple(share_explain(s)),
        message=tuple(share_message(s, business)),
    )
