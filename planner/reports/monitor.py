"""The mentor's monitor (``planner monitor``): the groups ranked, each with this month, last month
and the change of every figure; net profit month by month, as a table and (HTML) a line chart.
The figures are planner/book/monitor.py's; the JSON is described in docs/class.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from planner.book.ledger import Period
from planner.book.monitor import GroupMonths, MonthFigures, change, growth, points, same_days
from planner.money import ZERO, quantize
from planner.reports import Chart, Column, Report, Row, Table, money_json, share_json
from planner.texts import Cash, Key, Msg, Pct, _, msg, p_

CHART_LINES = 6  # the palette's colours and dashes stay apart up to six lines: the first six ranked

SORTED_BY: dict[str, Key] = {  # the figure a ranking is by, inside its title
    "earned": p_("monitor.sort", "earned"),
    "profit": p_("monitor.sort", "net profit"),
    "take-home": p_("monitor.sort", "take-home"),
    "sell-through": p_("monitor.sort", "sell-through"),
    "orders": p_("monitor.sort", "orders done"),
    "growth": p_("monitor.sort", "growth of net profit"),
    "name": p_("monitor.sort", "name"),
}
COLUMNS = (
    Column(p_("monitor.col.group", "Group")),
    Column(_("Earned"), "money"),
    Column(_("Net profit"), "money"),
    Column(_("Take-home"), "money"),
    Column(p_("monitor.col.sell", "Sold (titip)"), "share"),  # the shops' measured sell-through
    Column(p_("monitor.col.orders", "Orders"), "int"),
)
LAST_MONTH = p_("monitor.row", "last month")
CHANGE = p_("monitor.row", "change")
UP, DOWN, SAME = _("▲ {share}"), _("▼ {share}"), _("= {share}")
SAME_POINTS = _("= {count} pt")
POINTS_UP, POINTS_DOWN = _("▲ {count} pt"), _("▼ {count} pt")  # a share's change, in points
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class MonitorInputs:
    groups: tuple[GroupMonths, ...]  # ranked
    window: tuple[Period, ...]  # the months asked, the oldest first; the last is this month
    sort: str
    reverse: bool
    cut: date | None  # this month goes on after today: its figures are up to this day


def _change_cell(share: Decimal | None) -> Msg | None:
    """▲ 12,5% (words in every format: in CSV too, the change row is read, not summed)."""
    if share is None:
        return None
    key = UP if share > 0 else DOWN if share < 0 else SAME
    return msg(key, share=Pct(abs(share)))


def _points_cell(diff: Decimal | None) -> Msg | None:
    if diff is None:
        return None
    count = int(quantize(abs(diff) * HUNDRED, 0))
    if not count:
        return msg(SAME_POINTS, count=0)
    return msg(POINTS_UP if diff > 0 else POINTS_DOWN, count=count)


def _cells(m: MonthFigures) -> tuple[Any, ...]:
    return (m.earned, m.net, m.take_home, m.sell_through, m.orders)


def _changes(this: MonthFigures, last: MonthFigures) -> tuple[Any, ...]:
    return (
        _change_cell(change(this.earned, last.earned)),
        _change_cell(change(this.net, last.net)),
        _change_cell(change(this.take_home, last.take_home)),
        _points_cell(points(this.sell_through, last.sell_through)),
        _change_cell(change(this.orders, last.orders)),
    )


def group_rows(group: GroupMonths) -> list[Row]:
    """The group's row (this month, in bold: the rows are in the ranking's order, its rank is in the
    JSON), then last month's and the change."""
    label = group.name
    this, last = group.this, group.last
    if this is None:
        return [Row((label, None, None, None, None, None), "group")]
    rows = [Row((label, *_cells(this)), "group")]
    if last is not None:
        rows += [Row((msg(LAST_MONTH), *_cells(last))), Row((msg(CHANGE), *_changes(this, last)))]
    return rows


def ranking_table(inputs: MonitorInputs) -> Table:
    rows = [row for group in inputs.groups for row in group_rows(group)]
    this = inputs.window[-1]
    figure = msg(SORTED_BY[inputs.sort])
    title = (
        msg(
            _("The groups in {month} against {last}, by {figure}"),
            month=_month(this),
            last=_month(inputs.window[-2]),
            figure=figure,
        )
        if len(inputs.window) > 1
        else msg(_("The groups in {month}, by {figure}"), month=_month(this), figure=figure)
    )
    return Table(COLUMNS, tuple(rows), title)


def trend_table(inputs: MonitorInputs, months: Sequence[Period]) -> Table:
    columns = (
        Column(p_("monitor.col.group", "Group")),
        *(Column(p_("monitor.col.month", "{month}"), "money", values=(("month", _month(p)),)) for p in months),
    )
    rows = []
    for group in inputs.groups:
        net = {m.month: m.net for m in group.months}
        rows.append(Row((group.name, *(net.get(_month(p)) for p in months))))
    return Table(columns, tuple(rows), msg(_("Net profit month by month")))


def trend_chart(inputs: MonitorInputs, months: Sequence[Period], places: int) -> Chart:
    drawn = [g for g in inputs.groups if g.months][:CHART_LINES]
    series = []
    for group in drawn:
        net = {m.month: m.net for m in group.months}
        series.append(
            (
                msg(p_("monitor.chart.line", "{group}"), group=group.name),
                tuple(quantize(net.get(_month(p), ZERO), places) for p in months),
            )
        )
    title = (
        msg(_("Net profit month by month: the first {count} groups"), count=len(drawn))
        if len(drawn) < len([g for g in inputs.groups if g.months])
        else msg(_("Net profit month by month"))
    )
    return Chart("line", title, tuple(_month(p) for p in months), tuple(series), y_title=msg(_("Net profit")))


def shown_months(inputs: MonitorInputs) -> list[Period]:
    """The months of the window from the first with a record of any group."""
    held = {m.month for g in inputs.groups for m in g.months}
    first = next((n for n, p in enumerate(inputs.window) if _month(p) in held), len(inputs.window) - 1)
    return list(inputs.window[first:])


def _month(period: Period) -> str:
    return period.start.strftime("%Y-%m")


def monitor_report(inputs: MonitorInputs, places: int) -> Report:
    months = shown_months(inputs)
    with_books = [g for g in inputs.groups if g.months]
    return Report(
        "monitor",
        msg(_("Monitor: the groups' books")),
        (ranking_table(inputs), trend_table(inputs, months)),
        monitor_json(inputs, months),
        notes=tuple(monitor_notes(inputs)),
        charts=(trend_chart(inputs, months, places),) if with_books else (),
        explain=tuple(line for g in with_books for line in group_explain(g)),
    )


def monitor_notes(inputs: MonitorInputs) -> list[Msg]:
    notes = []
    if inputs.cut is not None:
        this = inputs.window[-1]
        last = same_days(inputs.window[-2], this).end if len(inputs.window) > 1 else None
        notes.append(
            msg(
                _(
                    "{month} goes on after today: its figures are up to {day}, compared with last month up to "
                    "{last_day} (the net profit of each month is its whole month)"
                )
                if last is not None
                else _("{month} goes on after today: its figures are up to {day}"),
                month=_month(this),
                day=inputs.cut,
                last_day=last,
            )
        )
    for group in inputs.groups:
        if not group.has_books:
            notes.append(
                msg(
                    _("{group}: no books yet (write one with: planner new book {folder}/books/{month})"),
                    group=group.name,
                    folder=group.folder,
                    month=_month(inputs.window[-1]),
                )
            )
        elif not group.months:
            notes.append(
                msg(
                    _("{group}: the books hold no record up to {month}"),
                    group=group.name,
                    month=_month(inputs.window[-1]),
                )
            )
    return notes


# ---------------------------------------------------------------- the JSON


def figures_json(m: MonthFigures | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "month": m.month,
        "from": m.period.start.isoformat(),
        "to": m.period.end.isoformat(),
        "earned": money_json(m.earned),
        "net_profit": money_json(m.net),
        "take_home": money_json(m.take_home),
        "sell_through": share_json(m.sell_through),
        "orders_done": m.orders,
    }


def change_json(group: GroupMonths) -> dict[str, Any] | None:
    this, last = group.this, group.last
    if this is None or last is None:
        return None
    return {
        "earned": share_json(change(this.earned, last.earned)),
        "net_profit": share_json(change(this.net, last.net)),
        "take_home": share_json(change(this.take_home, last.take_home)),
        "sell_through_points": share_json(points(this.sell_through, last.sell_through)),
        "orders_done": share_json(change(this.orders, last.orders)),
        "net_profit_growth": money_json(growth(group)),
    }


def monitor_json(inputs: MonitorInputs, months: Sequence[Period]) -> dict[str, Any]:
    this = inputs.window[-1]
    return {
        "month": _month(this),
        "last_month": _month(inputs.window[-2]) if len(inputs.window) > 1 else None,
        "to": this.end.isoformat(),
        "sort": inputs.sort,
        "reverse": inputs.reverse,
        "months": [_month(p) for p in months],
        "groups": [
            {
                "rank": n,
                "group": g.name,
                "folder": g.folder,
                "business": g.business,
                "books": g.has_books,
                "this_month": figures_json(g.this),
                "last_month": figures_json(g.last),
                "change": change_json(g),
                "months": [figures_json(m) for m in g.months],
            }
            for n, g in enumerate(inputs.groups, 1)
        ],
    }


# ---------------------------------------------------------------- the working


CHANGE_LINES = {
    "earned": _("{group}: change of earned = ({this} − {last}) / {base} = {change}"),
    "net": _("{group}: change of net profit = ({this} − {last}) / {base} = {change}"),
}


def _change_line(group: str, which: str, this: Decimal, last: Decimal) -> Msg | None:
    share = change(this, last)
    if share is None:
        return None
    return msg(
        CHANGE_LINES[which], group=group, this=Cash(this), last=Cash(last), base=Cash(abs(last)), change=Pct(share)
    )


def group_explain(group: GroupMonths) -> list[Msg]:
    """How this month's figures of a group were worked out, and their change from last month."""
    this, last = group.this, group.last
    assert this is not None
    lines = [
        msg(
            _(
                "{group}, {month}: each figure is the period report's (planner book --month {month} --explain in "
                "{folder})"
            ),
            group=group.name,
            month=this.month,
            folder=group.folder,
        ),
        msg(
            _("{group}, {month}: take-home = your pay {pay} + net profit {net} = {take_home}"),
            group=group.name,
            month=this.month,
            pay=Cash(this.take_home - this.net),
            net=Cash(this.net),
            take_home=Cash(this.take_home),
        ),
    ]
    if this.sell_through is not None:
        lines.append(
            msg(
                _("{group}: sell-through = {sold} sold / ({sold} sold + {returned} returned) = {share}"),
                group=group.name,
                sold=this.titip_sold,
                returned=this.titip_returned,
                share=Pct(this.sell_through),
            )
        )
    if last is not None:
        for which, a, b in (("earned", this.earned, last.earned), ("net", this.net, last.net)):
            line = _change_line(group.name, which, a, b)
            if line is not None:
                lines.append(line)
    return lines
