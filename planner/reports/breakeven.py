"""The break-even report: monthly fixed costs, contribution per piece sold, the
pieces a month that cover them, and profit at volumes around that point."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.costing import CostSheet
from planner.errors import InputError, warning
from planner.money import ZERO, quantize, shown_parts
from planner.pricing import BreakEven, ChannelPrice, FixedCost, Goals, at_price, break_even, fixed_costs, price_channel
from planner.reports import Chart, Column, Figure, Report, Row, Table, money_json, number_json, rounding_row
from planner.reports.price import channel_warning, deducts, defaults_warning, labelled, rule_warnings, sale_explain
from planner.settings import Channel, Pricing, Settings
from planner.texts import Cash, Msg, Pct, _, msg, p_

SHARES = (Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2))
FIXED_COLUMNS = (Column(_("Fixed cost")), Column(_("Per month"), "money"))
FIGURE_COLUMNS = (Column(p_("breakeven.col.figure", "Figure")), Column(p_("breakeven.col.value", "Amount")))
VOLUME_COLUMNS = (Column(_("Volume")), Column(_("Pieces a month"), "int"), Column(_("Profit a month"), "bar"))


@dataclass(frozen=True)
class Ask:
    """The question: which channel, which pricing rule, what goals, and maybe a given price."""

    channel: Channel
    pricing: Pricing
    goals: Goals = Goals()
    price: Decimal | None = None


# ---------------------------------------------------------------- fixed costs


def _fixed_label(line: FixedCost) -> object:
    return msg(_("Depreciation of {name}"), name=line.name) if line.equipment else line.name


def fixed_table(lines: list[FixedCost], places: int) -> Table:
    """Each fixed cost a month and their total (with a rounding line where the shown ones need it)."""
    shown, total, rounding = shown_parts([line.amount for line in lines], places)
    rows = [Row((_fixed_label(line), amount)) for line, amount in zip(lines, shown)]
    rows += rounding_row(rounding, 2, 1)
    rows.append(Row((msg(_("Total fixed costs")), total), "total"))
    return Table(FIXED_COLUMNS, tuple(rows), msg(_("Fixed costs a month")))


def _fixed_explain(line: FixedCost) -> tuple[Msg, ...]:
    eq = line.equipment
    if eq is None:
        return ()
    return (
        msg(
            _("({price} − {salvage} salvage) / {months} months = {amount} a month"),
            price=Cash(eq.price),
            salvage=Cash(eq.salvage),
            months=eq.life_months,
            amount=Cash(line.amount),
        ),
    )


def fixed_explain(lines: list[FixedCost], total: Decimal) -> list[Msg]:
    out = [
        msg(_("{label}: {text}"), label=_fixed_label(line), text=text)
        for line in lines
        for text in _fixed_explain(line)
    ]
    parts: object = None
    for line in lines:
        parts = Cash(line.amount) if parts is None else msg(_("{a} + {b}"), a=parts, b=Cash(line.amount))
    out.append(msg(_("fixed costs a month = {parts} = {total}"), parts=parts or Cash(ZERO), total=Cash(total)))
    return out


# ---------------------------------------------------------------- one product (size)


def _pieces(units: int | None) -> Figure:
    text = msg(_("never breaks even at this price")) if units is None else msg(_("{units} pieces a month"), units=units)
    return Figure(units, text)


def figure_rows(be: BreakEven, emphasis: str = "total") -> list[Row]:
    """Price, cost, contribution, fixed costs, break-even and the goals, as label/value rows."""
    sale = be.sale
    price_label = _("Shelf price (computed)") if sale.target is not None else _("Shelf price (given)")
    rows = [Row((msg(price_label), Cash(sale.price))), Row((msg(_("HPP per piece")), Cash(sale.unit_cost)))]
    if sale.cost_sold != sale.unit_cost:
        rows.append(
            Row(
                (
                    msg(_("HPP per piece sold ({share} sell)"), share=Pct(sale.channel.sell_through)),
                    Cash(sale.cost_sold),
                )
            )
        )
    if deducts(sale.channel, sale.tax):
        rows.append(Row((msg(_("You receive per piece sold")), Cash(sale.receipt))))
    rows += [
        Row((msg(_("Contribution per piece sold")), Cash(be.contribution))),
        Row((msg(_("Fixed costs a month")), Cash(be.fixed))),
        Row((msg(p_("breakeven.label.units", "Break-even")), _pieces(be.units)), emphasis),
    ]
    if be.units is not None:
        rows += [
            Row((msg(_("Revenue at break-even")), Cash(be.revenue))),
            Row(
                (
                    msg(_("Per working day ({days} a month)"), days=be.working_days),
                    Figure(be.per_day, msg(_("{pieces} pieces"), pieces=quantize(be.per_day or ZERO, 1))),
                )
            ),
        ]
    return rows + goal_rows(be)


def goal_rows(be: BreakEven) -> list[Row]:
    """Pieces for the target profit, profit at the planned volume, months to win back the capital."""
    goals, rows = be.goals, []
    if goals.target is not None:
        rows.append(
            Row((msg(_("For a profit of {target} a month"), target=Cash(goals.target)), _pieces(be.target_units)))
        )
    if goals.volume is not None:
        rows.append(Row((msg(_("Profit at {volume} pieces a month"), volume=goals.volume), Cash(be.volume_profit))))
    if goals.capital is not None:
        months = Figure(
            be.payback,
            msg(_("never at this volume (no profit)"))
            if be.payback is None
            else msg(_("{months} months"), months=quantize(be.payback, 1)),
        )
        rows.append(Row((msg(_("Capital {capital} paid back in"), capital=Cash(goals.capital)), months)))
    return rows


def _group(sheet: CostSheet, width: int) -> list[Row]:
    """The row heading one size of a pattern (nothing for a recipe)."""
    if sheet.size is None:
        return []
    return [Row((msg(_("Size {size}"), size=sheet.size), *([None] * (width - 1))), "group")]


def figures_table(results: list[tuple[CostSheet, BreakEven]], channel: str) -> Table:
    """The figures of a recipe; of a pattern, one group of rows per size."""
    sized = results[0][0].size is not None
    rows = [row for sheet, be in results for row in (*_group(sheet, 2), *figure_rows(be, "" if sized else "total"))]
    title = msg(_("Break-even on {channel}, per size") if sized else _("Break-even on {channel}"), channel=channel)
    return Table(FIGURE_COLUMNS, tuple(rows), title)


def volumes_table(results: list[tuple[CostSheet, BreakEven]], places: int) -> Table | None:
    """Profit a month at 50%, 100%, 150% and 200% of break-even, drawn as bars."""
    rows: list[Row] = []
    for sheet, be in results:
        points = be.around(SHARES)
        if points:
            rows += _group(sheet, 3)
            rows += [
                Row((msg(_("{share} of break-even"), share=Pct(share)), volume, quantize(profit, places)))
                for share, volume, profit in points
            ]
    return Table(VOLUME_COLUMNS, tuple(rows), msg(_("Profit a month around break-even"))) if rows else None


def volumes_chart(be: BreakEven, sheet: CostSheet) -> Chart | None:
    """Profit against volume, for the HTML page."""
    points = be.around(SHARES)
    if not points:
        return None
    title = (
        msg(_("Profit a month around break-even, size {size}"), size=sheet.size)
        if sheet.size
        else msg(_("Profit a month around break-even"))
    )
    return Chart(
        "line",
        title,
        tuple(v for _share, v, _profit in points),
        ((msg(_("Profit a month")), tuple(p for _share, _volume, p in points)),),
        x_title=msg(_("Pieces sold a month")),
        y_title=msg(_("Profit a month")),
    )


def goal_explain(be: BreakEven) -> list[Msg]:
    """Break-even, revenue, per day, target, profit at the volume and payback, with their inputs."""
    c, f, goals = Cash(be.contribution), Cash(be.fixed), be.goals
    if be.units is None:
        return [
            msg(
                _("the contribution {contribution} is not above zero: no number of pieces sold covers the fixed costs"),
                contribution=c,
            )
        ]
    lines = [
        msg(
            _("break-even = {fixed} / {contribution} = {ratio} → {units} pieces sold a month (rounded up)"),
            fixed=f,
            contribution=c,
            ratio=_ratio(be.fixed, be.contribution),
            units=be.units,
        ),
        msg(
            _("revenue at break-even = {units} × {price} = {revenue}"),
            units=be.units,
            price=Cash(be.sale.price),
            revenue=Cash(be.revenue),
        ),
        msg(
            _("per working day = {units} / {days} = {pieces} pieces"),
            units=be.units,
            days=be.working_days,
            pieces=quantize(be.per_day or ZERO, 2),
        ),
    ]
    if goals.target is not None:
        lines.append(
            msg(
                _("for the target profit = ({fixed} + {target}) / {contribution} = {ratio} → {units} pieces a month"),
                fixed=f,
                target=Cash(goals.target),
                contribution=c,
                ratio=_ratio(be.fixed + goals.target, be.contribution),
                units=be.target_units,
            )
        )
    if goals.volume is not None:
        lines.append(
            msg(
                _("profit at {volume} pieces = {volume} × {contribution} − {fixed} = {profit}"),
                volume=goals.volume,
                contribution=c,
                fixed=f,
                profit=Cash(be.volume_profit),
            )
        )
    if goals.capital is not None:
        key = (
            _("payback: the profit at that volume is {profit}, so the capital {capital} never comes back")
            if be.payback is None
            else _("payback = {capital} / {profit} profit a month = {months} months")
        )
        lines.append(
            msg(
                key,
                capital=Cash(goals.capital),
                profit=Cash(be.volume_profit),
                months=None if be.payback is None else quantize(be.payback, 2),
            )
        )
    return lines


def _ratio(a: Decimal, b: Decimal) -> Decimal:
    return quantize(a / b, 2)


def breakeven_json(be: BreakEven, sheet: CostSheet, lines: list[FixedCost]) -> dict[str, Any]:
    """One object of the breakeven JSON contract (``size`` for patterns), with the monthly fixed
    costs it counts in ``fixed_lines`` (which equipment, decision 6)."""
    data: dict[str, Any] = {"product": sheet.product}
    if sheet.kind == "pattern":
        data["size"] = sheet.size
    data.update(
        channel=be.sale.channel.name,
        price=money_json(be.sale.price),
        unit_cost=money_json(sheet.unit),
        contribution=money_json(be.contribution),
        fixed_costs=money_json(be.fixed),
        fixed_lines=[{"name": line.name, "amount": money_json(line.amount)} for line in lines],
        units=be.units,
        revenue=money_json(be.revenue),
        units_per_day=number_json(be.per_day),
        target_units=be.target_units,
        payback_months=number_json(be.payback),
    )
    return data


# ---------------------------------------------------------------- warnings and the report


def price_warnings(
    sale: ChannelPrice, sheet: CostSheet, ask: Ask, settings: Settings, settings_file: str
) -> list[InputError]:
    """A given price below HPP (told at the product); or commission and fees eating the whole margin,
    or a computed price far above the direct one."""
    if sale.price < sale.unit_cost:
        return [
            warning(
                _("the price {price} is below the cost (HPP) of {cost}: every piece sold loses money"),
                hint=_("a price must at least cover HPP; planner price shows a price that does"),
                price=Cash(sale.price),
                cost=Cash(sale.unit_cost),
            ).at(sheet.file, loc=("name",))
        ]
    direct = price_channel(sheet.unit, settings.channels[0], ask.pricing)
    return channel_warning(sale, settings, settings_file, direct)


def sale_of(sheet: CostSheet, ask: Ask) -> ChannelPrice:
    if ask.price is not None:
        return at_price(sheet.unit, ask.channel, ask.pricing, ask.price)
    return price_channel(sheet.unit, ask.channel, ask.pricing)


def breakeven_report(
    sheets: list[CostSheet], settings: Settings, ask: Ask, places: int, *, settings_file: str, defaults: bool = False
) -> Report:
    """One product (a recipe, or a pattern at one or every size) on one channel."""
    lines = fixed_costs(settings, sheets[0].equipment)
    results = [(sheet, break_even(sale_of(sheet, ask), settings, ask.goals, sheet.equipment)) for sheet in sheets]
    explain = fixed_explain(lines, sum((line.amount for line in lines), ZERO))
    notes: list[InputError | Msg] = [n for s in sheets for n in s.notes]
    for sheet, be in results:
        steps = sale_explain(
            be.sale, ask.pricing, _("contribution per piece sold = {receipt} − {cost} = {profit}")
        ) + goal_explain(be)
        explain += labelled(ask.channel.name, sheet.size, steps)
        notes += price_warnings(be.sale, sheet, ask, settings, settings_file)
    if ask.price is None:
        notes += rule_warnings(ask.pricing, settings_file)
    if defaults:
        notes.append(defaults_warning(settings_file))
    tables = (fixed_table(lines, places), figures_table(results, ask.channel.name), volumes_table(results, places))
    charts = tuple(c for c in (volumes_chart(be, sheet) for sheet, be in results) if c is not None)
    data = [breakeven_json(be, sheet, lines) for sheet, be in results]
    return Report(
        "breakeven",
        sheets[0].product,
        tuple(t for t in tables if t is not None),
        data[0] if len(data) == 1 else data,
        tuple(notes),
        msg(_("{file}: pieces to sell a month to cover the monthly fixed costs"), file=sheets[0].file),
        charts,
        tuple(explain),
    )
