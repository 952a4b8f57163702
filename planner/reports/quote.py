"""The quote report: price per size (or per piece), rush, deposit and balance; fabric; time and the due
date; a chat message — for the maker, or only what the customer sees (--for customer).

One Report for every format: tables for people, ``data`` for the JSON contract
(docs/design.md, "quote": planner/reports/quote_json.py), ``notes`` for warnings,
``explain`` for --explain (planner/reports/quote_text.py) and ``message`` for
--format text (a quote to paste into a chat: planner/reports/quote_message.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from planner.errors import InputError, warning
from planner.money import ZERO, quantize
from planner.quoting import FabricUse, Quote, QuoteLine
from planner.reports import (
    BATCHES,
    DAYS,
    GARMENTS,
    PIECES,
    WORKERS,
    WORKING_DAYS,
    Column,
    Report,
    Row,
    Table,
    counted,
    rounding_row,
)
from planner.reports.quote_json import quote_json
from planner.reports.quote_message import fabric_message, quote_message
from planner.reports.quote_text import (
    METRE_PLACES,
    metres,
    metres_between,
    quote_explain,
    shown_money,
)
from planner.settings import HOURS_IN_A_DAY, RUSH_PACE
from planner.texts import Cash, Msg, Pct, _, msg, n_, p_

ITEM = Column(p_("col.item", "Item"))
SIZE = Column(_("Size"))
QTY = Column(p_("quote.col.qty", "Qty"), "int")
PIECES_COLUMN = Column(p_("quote.col.pieces", "Pieces"), "int")
BATCHES_COLUMN = Column(p_("quote.col.batches", "Batches"), "int")
FABRIC = Column(_("Fabric"), "qty")
HPP = Column(_("HPP"), "money")
PRICE = Column(p_("quote.col.price", "Price"), "money")
AMOUNT = Column(p_("quote.col.amount", "Amount"), "money")
FACT_COLUMNS = (Column(p_("col.item", "Item")), Column(p_("quote.col.value", "Figure")))
CHECK_COLUMNS = (
    Column(_("Size")),
    Column(_("HPP"), "money"),
    Column(_("Profit"), "money"),
    Column(_("Hours"), "number"),
    Column(_("Earned an hour"), "money"),
)


def counted_order(q: Quote) -> Msg:
    """ "20 garments", "100 pieces"."""
    return counted(PIECES if q.kind == "recipe" else GARMENTS, q.count)


def item_columns(q: Quote, customer: bool) -> tuple[Column, ...]:
    """Size (or the product), how many (and a recipe's batches), fabric, HPP, price and amount; the
    customer sees no batches, fabric metres or HPP."""
    first = SIZE if q.items[0].size is not None else ITEM
    if q.kind == "recipe":
        return (
            (ITEM, PIECES_COLUMN, PRICE, AMOUNT)
            if customer
            else (ITEM, PIECES_COLUMN, BATCHES_COLUMN, HPP, PRICE, AMOUNT)
        )
    if customer:
        return (first, QTY, PRICE, AMOUNT)
    return (first, QTY, FABRIC, HPP, PRICE, AMOUNT) if q.fabric is not None else (first, QTY, HPP, PRICE, AMOUNT)


def item_cells(q: Quote, s: QuoteLine, columns: tuple[Column, ...], places: int, amount: Decimal) -> Row:
    values = {
        SIZE: s.size,
        ITEM: q.product,
        QTY: s.qty,
        PIECES_COLUMN: s.qty,
        BATCHES_COLUMN: s.batches,
        FABRIC: metres(quantize(s.metres, METRE_PLACES)),
        HPP: quantize(s.unit_cost, places),
        PRICE: s.unit_price,
        AMOUNT: amount,
    }
    return Row(tuple(values[c] for c in columns))


def total_row(label: Msg, width: int, amount: Decimal, count: int | None = None) -> Row:
    cells: list[Any] = [label] + [None] * (width - 1)
    cells[-1] = amount
    if count is not None:
        cells[1] = count
    return Row(tuple(cells), "total")


def sizes_table(q: Quote, places: int, customer: bool = False) -> Table:
    """One row per size (or the recipe's pieces), then subtotal, rush, total, deposit and balance."""
    columns = item_columns(q, customer)
    width = len(columns)
    amounts, subtotal, rush, total = shown_money(q, places)
    rows = [item_cells(q, s, columns, places, amount) for s, amount in zip(q.items, amounts)]
    rows += rounding_row(subtotal - sum(amounts, ZERO), width, width - 1)
    subtotal_row = list(total_row(msg(_("Subtotal")), width, subtotal, q.count).cells)
    if FABRIC in columns:
        subtotal_row[2] = metres(quantize(sum((s.metres for s in q.items), ZERO), METRE_PLACES))
    rows.append(Row(tuple(subtotal_row), "total"))
    if q.rush_share:
        rows.append(total_row(msg(_("Rush surcharge ({share})"), share=Pct(q.rush_share)), width, rush))
    rows.append(total_row(msg(_("Total")), width, total))
    rows.append(total_row(msg(_("Deposit ({share})"), share=Pct(q.deposit_share)), width, q.deposit))
    rows.append(total_row(msg(_("Balance on collection")), width, total - q.deposit))
    title = msg(_("Price per size")) if q.items[0].size is not None else msg(p_("quote.title.price", "Price"))
    return Table(columns, tuple(rows), title)


def width_value(f: FabricUse) -> object:
    if f.estimate:
        return msg(
            _("{width} (pattern drawn for {pattern}: metres converted by area, an estimate)"),
            width=f.width,
            pattern=f.pattern_width,
        )
    return f.width


def fabric_table(f: FabricUse) -> Table:
    """The fabric for the whole order: what to buy, or what the customer must bring."""
    rows = [
        Row((msg(_("Fabric")), f.name)),
        Row((msg(_("Width")), width_value(f))),
        Row((msg(_("Metres needed (estimate)") if f.estimate else _("Metres needed")), metres(f.metres))),
        Row((msg(_("Sold in steps of")), f.step or msg(_("no step given: buy the exact metres")))),
    ]
    if not f.customer:
        rows += [
            Row((msg(_("To buy")), metres(f.buy))),
            Row((msg(_("Left over after cutting")), metres_between(f.buy, f.metres))),
            Row((msg(_("Fabric bought")), Cash(f.cost))),
        ]
        return Table(FACT_COLUMNS, tuple(rows), msg(_("Fabric (the tailor buys it)")))
    if f.brought is None:
        rows.append(Row((msg(_("Customer brings at least")), metres(f.buy))))
    elif f.enough:
        rows += [
            Row((msg(_("Customer has")), metres(f.brought))),
            Row((msg(_("Left over")), metres_between(f.brought, f.metres))),
        ]
    else:
        rows += [
            Row((msg(_("Customer has")), metres(f.brought))),
            Row((msg(_("Short by")), metres_between(f.metres, f.brought))),
            Row((msg(_("Customer adds")), metres(f.short_buy))),
        ]
    return Table(FACT_COLUMNS, tuple(rows), msg(_("Fabric (the customer brings it)")))


def closed_days(q: Quote) -> tuple[date, ...]:
    """The days from the start to the ready date that are not worked (closed weekdays, holidays)."""
    days, day = [], q.start
    while day < q.ready:
        day += timedelta(days=1)
        if not q.shop.is_working(day):
            days.append(day)
    return tuple(days)


def due_text(q: Quote) -> Msg | None:
    """Whether --due is met: at the normal pace, only with --rush, or not (late by how many days)."""
    met = q.due_met
    if met is None:
        return None
    if met == "normal":
        return msg(_("met"))
    if met == "rush" and q.rushed:
        return msg(_("met with the rush"))
    if met == "rush":
        return msg(
            _("met only with --rush (ready {rushed}); {late} late at the normal pace"),
            rushed=q.placed(True).finish,
            late=counted(DAYS, q.late_days or 0),
        )
    return msg(
        _("not met: ready {late} late, even with the rush")
        if q.rushed
        else _("not met: ready {late} late; with --rush {rush_late} late"),
        late=counted(DAYS, q.late_days or 0),
        rush_late=counted(DAYS, max(0, (q.placed(True).finish - q.due).days) if q.due else 0),
    )


ORDERS_AHEAD = n_("{count} order, {hours} hours of work", "{count} orders, {hours} hours of work")


def time_table(q: Quote) -> Table:
    """Hours of work (and on equipment), capacity a day (a rushed job's longer days), the working days,
    the days not worked, the ready date and whether --due is met."""
    capacity = msg(
        _("{workers} × {hours} h = {total} hours, rushed (normally {normal} h a day)")
        if q.rushed
        else _("{workers} × {hours} h = {total} hours"),
        workers=counted(WORKERS, q.workers),
        hours=q.day_hours,
        total=q.minutes_per_day / 60,
        normal=q.hours_per_day,
    )
    rows = [Row((msg(_("Work")), msg(_("{hours} hours"), hours=q.minutes / 60)))]
    rows += [
        Row(
            (
                msg(_("Equipment: {name}"), name=name),
                msg(
                    _("{hours} hours / {capacity} at a time = {each} hours"),
                    hours=hours,
                    capacity=q.shop.capacities.get(name, 1),
                    each=hours / q.shop.capacities.get(name, 1),
                ),
            )
        )
        for name, hours in q.equipment_hours.items()
    ]
    rows.append(Row((msg(_("Work a day")), capacity)))
    if q.ahead:
        rows.append(Row((msg(_("Open orders first")), Msg(ORDERS_AHEAD, {"count": q.ahead, "hours": q.queue_hours}))))
    rows.append(
        Row(
            (
                msg(_("Days to finish")),
                msg(_("{days}, from {start}"), days=counted(WORKING_DAYS, q.days), start=q.start),
            )
        )
    )
    closed = closed_days(q)
    if closed:
        rows.append(Row((msg(_("Closed (not counted)")), closed)))
    rows.append(Row((msg(_("Ready on")), q.ready)))
    verdict = due_text(q)
    if verdict is not None:
        rows.append(Row((msg(_("Due")), msg(_("{due}: {verdict}"), due=q.due, verdict=verdict))))
    return Table(FACT_COLUMNS, tuple(rows), msg(p_("quote.title.time", "Time")))


def check_table(q: Quote, places: int) -> Table:
    """--price: profit per garment and what an hour of work earns, per size."""
    rows = tuple(
        Row(
            (
                c.size or q.product,
                quantize(c.cost, places),
                quantize(c.profit, places),
                quantize(c.hours, 2),
                None if c.per_hour is None else quantize(c.per_hour, places),
            )
        )
        for c in q.checks
    )
    columns = CHECK_COLUMNS if q.items[0].size is not None else (ITEM, *CHECK_COLUMNS[1:])
    return Table(
        columns,
        rows,
        msg(
            _("Price check at {price} a piece (wage {wage} an hour)")
            if q.kind == "recipe"
            else _("Price check at {price} a garment (wage {wage} an hour)"),
            price=Cash(q.price),
            wage=Cash(q.wage),
        ),
    )


def quote_notes(
    q: Quote, catalog_file: str | None = None, settings_file: str | None = None
) -> tuple[InputError | Msg, ...]:
    """Width estimate, no selling step, customer fabric short or enough, a recipe's extra pieces, a rush
    that buys no time, a price below the wage."""
    notes: list[InputError | Msg] = []
    for note in (n for s in q.items for n in s.sheet.notes):
        if note not in notes:
            notes.append(note)
    if q.fabric is not None:
        notes += fabric_notes(q, q.fabric, catalog_file)
    made = q.items[0]
    if q.kind == "recipe" and made.surplus:
        notes.append(
            msg(
                _("{batches} make {made}: {surplus} more than ordered, to sell or share"),
                batches=counted(BATCHES, made.batches),
                made=counted(PIECES, int(made.made)) if made.made == int(made.made) else made.made,
                surplus=made.surplus,
            )
        )
    if q.rushed and q.rush_hours_per_day <= q.hours_per_day:
        notes.append(
            warning(
                _("a rushed job works {rush} h a day, no more than the usual {hours} h: the rush buys no time"),
                hint=_("write rush_hours_per_day = {suggest} in [quote], or leave it out for 1.5 × hours_per_day"),
                rush=q.rush_hours_per_day,
                hours=q.hours_per_day,
                suggest=str(min(RUSH_PACE * q.hours_per_day, HOURS_IN_A_DAY).normalize()),
            ).at(settings_file, loc=("quote",))
        )
    if q.below_wage:
        worst = min(q.below_wage, key=lambda c: c.per_hour or ZERO)
        notes.append(
            warning(
                _(
                    "at {price} a garment, size {sizes} earns you less than the wage of {wage} an hour (as little as "
                    "{per_hour})"
                )
                if q.items[0].size is not None
                else _("at {price} each, {product} earns you less than the wage of {wage} an hour ({per_hour})"),
                hint=_("raise the price, or cut minutes or costs; see the price check table"),
                price=Cash(q.price),
                sizes=", ".join(str(c.size) for c in q.below_wage),
                product=q.product,
                per_hour=Cash(worst.per_hour),
                wage=Cash(q.wage),
            ).at(q.file, loc=("batch",) if q.kind == "recipe" else ("operations",))
        )
    return tuple(notes)


def fabric_notes(q: Quote, f: FabricUse, catalog_file: str | None) -> list[InputError | Msg]:
    notes: list[InputError | Msg] = []
    if f.step is None:
        notes.append(
            warning(
                _("{item} has no selling step: buy exactly {buy}"),
                hint=_('if the shop sells it by the quarter metre, add step = "0.25 m" to [{item}] in prices.toml'),
                item=f.item,
                buy=metres(f.buy),
            ).at(catalog_file, loc=(f.item,))
        )
    if f.brought is not None and not f.enough:
        notes.append(
            warning(
                _("the customer's {brought} of fabric is {short} short of the {need} needed"),
                hint=_("ask the customer to bring {more} more of the same fabric"),
                brought=metres(f.brought),
                need=metres(f.metres),
                short=metres_between(f.metres, f.brought),
                more=metres(f.short_buy),
            ).at(q.file, loc=("fabric",))
        )
    elif f.brought is not None:
        notes.append(
            msg(
                _("the customer's {brought} of fabric is enough for the {need} needed; {left} left over"),
                brought=metres(f.brought),
                need=metres(f.metres),
                left=metres_between(f.brought, f.metres),
            )
        )
    return notes


def customer_facts(q: Quote, business: str, customer: str) -> Table:
    """What the customer is told besides the prices: from whom, for whom, the fabric, the ready date."""
    rows = [Row((msg(_("From")), business))] if business else []
    rows += [Row((msg(_("For")), customer))] if customer else []
    rows += [Row((msg(_("Fabric")), line)) for line in fabric_message(q.fabric, short=True)] if q.fabric else []
    rows.append(Row((msg(_("Ready on")), q.ready)))
    return Table(FACT_COLUMNS, tuple(rows), msg(_("Details")))


def quote_report(
    q: Quote,
    places: int,
    business: str = "",
    *,
    catalog_file: str | None = None,
    settings_file: str | None = None,
    audience: str = "maker",
    customer: str = "",
) -> Report:
    """The maker's report (every table, the working, the warnings) or the customer's (prices, total,
    deposit, balance, fabric to bring, ready date: never HPP, file paths or notes meant for the maker)."""
    message = quote_message(q, places, business, customer)
    if audience == "customer":
        return Report(
            "quote",
            msg(_("Quote: {product}"), product=q.product),
            (sizes_table(q, places, customer=True), customer_facts(q, business, customer)),
            quote_json(q, customer, business),
            message=message,
            audience="customer",
        )
    tables = [sizes_table(q, places)]
    if q.fabric is not None:
        tables.append(fabric_table(q.fabric))
    tables.append(time_table(q))
    if q.price is not None:
        tables.append(check_table(q, places))
    return Report(
        "quote",
        q.product,
        tuple(tables),
        quote_json(q),
        quote_notes(q, catalog_file, settings_file),
        msg(_("{file}: quote for {garments}"), file=q.file, garments=counted_order(q)),
        explain=quote_explain(q),
    )
