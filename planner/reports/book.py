"""The period report (``planner book``): pieces made and sold per channel and shop, the money they
earned and what they cost, gross and net profit with the maker's own pay beside them, the cash,
and planned against real. Each shown figure is rounded on its own; where shown parts make a shown
total, a rounding line makes them add up (decision 13). The working is in book_explain.py, the
JSON in book_json.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.book.cash import CashFlow
from planner.book.period import ORDERS, PeriodReport, ProductPeriod
from planner.book.planned import Gap, ItemUse
from planner.errors import InputError, warning
from planner.money import shown_parts
from planner.reports import DAYS, Chart, Column, Report, Row, Table, counted, rounding_row
from planner.settings import Settings
from planner.texts import Cash, Msg, Pct, _, msg, p_

AMOUNT = (Column(p_("book.col.figure", "Figure")), Column(_("Amount"), "money"))
CHECK_COLUMNS = (
    Column(p_("book.col.check", "What")),
    Column(_("Planned")),
    Column(_("Real")),
    Column(_("Difference")),
)
USE_COLUMNS = (
    Column(p_("col.item", "Item")),
    Column(_("Bought"), "qty"),
    Column(_("Used by the recipes"), "qty"),
    Column(_("Paid"), "money"),
    Column(_("Used, at the HPP's prices"), "money"),
    Column(_("Difference"), "money"),
)
MONEY_COLUMNS = (
    Column(p_("col.product", "Product")),
    Column(_("Earned"), "money"),
    Column(_("HPP of pieces made"), "money"),
    Column(_("Gross profit"), "money"),
    Column(_("Unsold, at HPP"), "money"),
    Column(_("Your pay"), "money"),
)
CASH_LABELS = {
    ("in", "sales"): _("Sales paid on the spot"),
    ("in", "shops"): _("Paid by the shops"),
    ("in", "orders"): _("Order payments"),
    ("in", "capital"): _("Capital put in"),
    ("out", "bought"): _("Bought"),
    ("out", "spent"): _("Other costs"),
    ("out", "capital"): _("Capital taken out"),
}


@dataclass(frozen=True)
class BookInputs:
    report: PeriodReport
    cash: CashFlow
    gaps: Sequence[Gap]
    uses: Sequence[ItemUse]
    cut: bool = False  # the period was cut at today
    prices_from_book: bool = False


# ---------------------------------------------------------------- pieces and money per product


def sales_order(report: PeriodReport, settings: Settings) -> list[str]:
    """The channels, shops and orders anything was sold on, in the settings' order."""
    sold = {name for p in report.products for name, s in p.sales.items() if s.pieces}
    order = [c.name for c in settings.channels] + [s.name for s in settings.shops] + [ORDERS]
    return [name for name in order if name in sold]


PIECES_COLUMNS = (
    Column(p_("col.product", "Product")),
    Column(_("Made"), "int"),
    Column(p_("book.col.sold", "Sold"), "int"),
    Column(_("Returned"), "int"),
    Column(_("On shelf"), "int"),
    Column(_("Unsold"), "int"),
)
SALES_COLUMNS = (
    Column(p_("col.product", "Product")),
    Column(_("Sold on")),
    Column(_("Pieces"), "int"),
    Column(_("Earned"), "money"),
)


def pieces_table(report: PeriodReport) -> Table:
    def cells(p: ProductPeriod) -> tuple[int, ...]:
        return (p.made, p.sold, p.returned, p.closing_shelf, p.unsold)

    rows = [Row((p.cost.name, *cells(p))) for p in report.products]
    sums = [sum(column) for column in zip(*(cells(p) for p in report.products))] or [0] * 5
    rows.append(Row((msg(_("Total")), *sums), "total"))
    return Table(PIECES_COLUMNS, tuple(rows), msg(_("Pieces")))


def sales_name(name: str) -> Any:
    return msg(_("orders")) if name == ORDERS else name


def sales_table(report: PeriodReport, settings: Settings, places: int) -> Table:
    """Each product's sales on each channel, at each shop and as orders, and what they earned."""
    order = sales_order(report, settings)
    lines = [(p, p.sales[n]) for p in report.products for n in order if n in p.sales and p.sales[n].pieces]
    earned, total, rounding = shown_parts([s.earned for _p, s in lines], places)
    rows = [Row((p.cost.name, sales_name(s.channel), s.pieces, amount)) for (p, s), amount in zip(lines, earned)]
    rows += rounding_row(rounding, len(SALES_COLUMNS), 3)
    rows.append(Row((msg(_("Total")), None, sum(s.pieces for _p, s in lines), total), "total"))
    return Table(SALES_COLUMNS, tuple(rows), msg(_("Sold, per channel and shop")))


FIGURES: tuple[Callable[[ProductPeriod], Decimal], ...] = (
    lambda p: p.earned,
    lambda p: p.hpp_made,
    lambda p: p.gross,
    lambda p: p.unsold_value,
    lambda p: p.labour,
)


def money_table(report: PeriodReport, places: int) -> Table:
    """Each product's money, each column's total, and a rounding line where a column needs one."""
    products = report.products
    columns = [shown_parts([figure(p) for p in products], places) for figure in FIGURES]
    rows = [Row((p.cost.name, *(shown[i] for shown, _total, _r in columns))) for i, p in enumerate(products)]
    if any(rounding for _shown, _total, rounding in columns):
        rows.append(Row((msg(_("Rounding")), *(rounding or None for _shown, _total, rounding in columns))))
    rows.append(Row((msg(_("Total")), *(total for _shown, total, _r in columns)), "total"))
    return Table(MONEY_COLUMNS, tuple(rows), msg(_("Money per product")))


# ---------------------------------------------------------------- statements


def statement(parts: list[tuple[Any, Decimal]], total: tuple[Any, Decimal], places: int) -> list[Row]:
    """Parts and their total, each rounded on its own, with a rounding line where they need one."""
    shown, whole, rounding = shown_parts([amount for _label, amount in parts], places, total[1])
    rows = [Row((label, amount)) for (label, _amount), amount in zip(parts, shown)]
    rows += [Row((msg(_("Rounding")), rounding))] if rounding else []
    return [*rows, Row((total[0], whole), "total")]


def carried(
    above: tuple[Any, Decimal], parts: list[tuple[Any, Decimal]], total: tuple[Any, Decimal], places: int
) -> list[Row]:
    """A statement that goes on from the total above it (not shown again)."""
    return statement([above, *parts], total, places)[1:]


def profit_table(report: PeriodReport, places: int) -> Table:
    """Earned − HPP of the pieces made + stock left on shelves = gross; − the period's costs = net;
    the maker's pay + net = take-home."""
    parts: list[tuple[Any, Decimal]] = [
        (msg(_("Earned")), report.earned),
        (msg(_("HPP of the pieces made")), -report.hpp_made),
    ]
    if report.stock:
        parts.append((msg(_("Change of pieces on shop shelves, at HPP (stock, not cost)")), report.stock))
    gross = (msg(_("Gross profit")), report.gross)
    costs: list[tuple[Any, Decimal]] = [(msg(_("Spent: {what}"), what=what), -amount) for what, amount in report.spent]
    costs += [
        (msg(_("Depreciation of {name} for {days}"), name=d.equipment.name, days=counted(DAYS, d.days)), -d.amount)
        for d in report.depreciation
    ]
    net = (msg(_("Net profit")), report.net)
    pay = (msg(_("Your pay: the labour inside the HPP of the pieces made")), report.labour)
    rows = statement(parts, gross, places) + carried(gross, costs, net, places)
    rows += carried(net, [pay], (msg(_("Take-home: your pay and the profit")), report.take_home), places)
    return Table(AMOUNT, tuple(rows), msg(_("Profit, and your pay beside it")))


def cash_table(cash: CashFlow, places: int) -> Table:
    parts: list[tuple[Any, Decimal]] = [(msg(_("Cash at the start")), cash.opening)]
    parts += [(msg(CASH_LABELS["in", what]), amount) for what, amount in cash.ins if amount]
    parts += [(msg(CASH_LABELS["out", what]), -amount) for what, amount in cash.outs if amount]
    rows = statement(parts, (msg(_("Cash at the end")), cash.closing), places)
    return Table(AMOUNT, tuple(rows), msg(_("Cash (not profit)")))


# ---------------------------------------------------------------- planned against real


def gap_label(gap: Gap) -> Msg:
    if gap.what == "price":
        return msg(_("Price of {product} at {channel}"), product=gap.product, channel=gap.channel)
    if gap.what == "sell_through":
        return msg(_("Sell-through at {shop}"), shop=gap.channel)
    return msg(_("Bought, against what the recipes used"))


def _value(amount: Decimal, kind: str) -> Any:
    return Pct(amount) if kind == "share" else Cash(amount)


def checks_table(gaps: Sequence[Gap]) -> Table:
    rows = [Row((gap_label(g), _value(g.planned, g.kind), _value(g.real, g.kind), _value(g.gap, g.kind))) for g in gaps]
    return Table(CHECK_COLUMNS, tuple(rows), msg(_("Planned and real")))


def uses_table(uses: Sequence[ItemUse], places: int) -> Table:
    paid, paid_total, paid_rounding = shown_parts([u.paid for u in uses], places)
    used, used_total, used_rounding = shown_parts([u.used_value for u in uses], places)
    gaps, gap_total, gap_rounding = shown_parts([u.paid - u.used_value for u in uses], places)
    rows = [
        Row((u.label, u.quantity(u.bought), u.quantity(u.used), p, v, g)) for u, p, v, g in zip(uses, paid, used, gaps)
    ]
    if paid_rounding or used_rounding or gap_rounding:
        roundings = (paid_rounding or None, used_rounding or None, gap_rounding or None)
        rows.append(Row((msg(_("Rounding")), None, None, *roundings)))
    rows.append(Row((msg(_("Total")), None, None, paid_total, used_total, gap_total), "total"))
    return Table(USE_COLUMNS, tuple(rows), msg(_("Bought, and used by the pieces made")))


# ---------------------------------------------------------------- the report


def weekly_chart(report: PeriodReport, places: int) -> Chart:
    from planner.money import quantize

    weeks = report.weeks
    return Chart(
        "bar",
        msg(_("Earned and net profit, week by week")),
        tuple(msg(_("Week {number}"), number=w.period.start.isocalendar().week) for w in weeks),
        (
            (msg(_("Earned")), tuple(quantize(w.earned, places) for w in weeks)),
            (msg(_("Net profit")), tuple(quantize(w.net, places) for w in weeks)),
        ),
    )


def book_notes(inputs: BookInputs, settings: Settings, settings_file: str, defaults: bool) -> list[InputError | Msg]:
    report = inputs.report
    notes: list[InputError | Msg] = []
    if inputs.cut:
        notes.append(msg(_("the period goes on after today: it is shown up to {day}"), day=report.period.end))
    if not report.products and not report.spent:
        notes.append(msg(_("the books hold nothing made, sold or spent in this period")))
    if inputs.prices_from_book:
        notes.append(msg(_("HPP is worked out with the latest price paid for each item bought (--prices-from-book)")))
    for product in report.products:
        if product.unsold < 0:
            notes.append(
                msg(
                    _(
                        "{product}: {count} more pieces sold than made in the period (made before it, or a [[made]] "
                        "missing)"
                    ),
                    product=product.cost.name,
                    count=-product.unsold,
                )
            )
    if defaults:
        notes.append(
            warning(
                _("the shops, fixed costs and equipment are the examples of the built-in settings, not yours"),
                hint=_("run planner init FOLDER and enter your own [[shops]] and [[equipment]] in its planner.toml"),
            ).at(settings_file, loc=("shops",))
        )
    return notes


def book_report(inputs: BookInputs, places: int, settings: Settings, settings_file: str, defaults: bool) -> Report:
    from planner.reports.book_explain import book_explain
    from planner.reports.book_json import book_json

    report = inputs.report
    tables = [
        pieces_table(report),
        sales_table(report, settings, places),
        money_table(report, places),
        profit_table(report, places),
        cash_table(inputs.cash, places),
    ]
    if inputs.gaps:
        tables.append(checks_table(inputs.gaps))
    if inputs.uses:
        tables.append(uses_table(inputs.uses, places))
    period = report.period
    return Report(
        "book",
        msg(_("Book: {start} to {end}"), start=period.start, end=period.end),
        tuple(tables),
        book_json(inputs),
        tuple(book_notes(inputs, settings, settings_file, defaults)),
        msg(_("{days}; the HPP is today's costing of each product"), days=counted(DAYS, period.days)),
        (weekly_chart(report, places),),
        tuple(book_explain(inputs, places)),
    )
