"""The quote report: price per size, rush, deposit and balance; fabric; time; a chat message.

One Report for every format: tables for people, ``data`` for the JSON contract
(docs/design.md, "quote"), ``notes`` for warnings, ``explain`` for --explain and
``message`` for --format text (a quote to paste into a chat); the last two are
written in planner/reports/quote_text.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.errors import InputError, warning
from planner.models import HOURS_IN_A_DAY, RUSH_PACE
from planner.money import ZERO, quantize
from planner.quoting import FabricUse, Quote, SizeQuote
from planner.reports import (
    CALENDAR_DAYS,
    GARMENTS,
    WORKERS,
    Column,
    Report,
    Row,
    Table,
    counted,
    money_json,
    number_json,
    qty_json,
    rounding_row,
)
from planner.reports.quote_text import (
    METRE_PLACES,
    metres,
    metres_between,
    quote_explain,
    quote_message,
    shown_money,
)
from planner.texts import Cash, Msg, Pct, _, msg, p_
from planner.units import Quantity

SIZE_COLUMNS = (
    Column(_("Size")),
    Column(p_("quote.col.qty", "Qty"), "int"),
    Column(_("Fabric"), "qty"),
    Column(_("HPP"), "money"),
    Column(p_("quote.col.price", "Price"), "money"),
    Column(p_("quote.col.amount", "Amount"), "money"),
)
FACT_COLUMNS = (Column(p_("col.item", "Item")), Column(p_("quote.col.value", "Figure")))
CHECK_COLUMNS = (
    Column(_("Size")),
    Column(_("HPP"), "money"),
    Column(_("Profit"), "money"),
    Column(_("Hours"), "number"),
    Column(_("Earned an hour"), "money"),
)


def sizes_table(q: Quote, places: int) -> Table:
    """One row per size, then subtotal, rush, total, deposit and balance."""
    amounts, subtotal, rush, total = shown_money(q, places)
    shown_metres = [quantize(s.metres, METRE_PLACES) for s in q.sizes]
    all_metres = quantize(sum((s.metres for s in q.sizes), ZERO), METRE_PLACES)
    rows = [
        Row((s.size, s.qty, metres(m), quantize(s.unit_cost, places), s.unit_price, amount))
        for s, m, amount in zip(q.sizes, shown_metres, amounts)
    ]
    rows += rounding_row(subtotal - sum(amounts, ZERO), len(SIZE_COLUMNS), 5)
    rows.append(Row((msg(_("Subtotal")), q.garments, metres(all_metres), None, None, subtotal), "total"))
    if q.rush_share:
        rows.append(
            Row((msg(_("Rush surcharge ({share})"), share=Pct(q.rush_share)), None, None, None, None, rush), "total")
        )
    rows.append(Row((msg(_("Total")), None, None, None, None, total), "total"))
    rows.append(
        Row((msg(_("Deposit ({share})"), share=Pct(q.deposit_share)), None, None, None, None, q.deposit), "total")
    )
    rows.append(Row((msg(_("Balance on collection")), None, None, None, None, total - q.deposit), "total"))
    return Table(SIZE_COLUMNS, tuple(rows), msg(_("Price per size")))


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


def time_table(q: Quote) -> Table:
    """Hours of work, capacity a day (a rushed job's longer days), days to finish and the ready date."""
    capacity = msg(
        _("{workers} × {hours} h = {total} hours, rushed (normally {normal} h a day)")
        if q.rushed
        else _("{workers} × {hours} h = {total} hours"),
        workers=counted(WORKERS, q.workers),
        hours=q.day_hours,
        total=q.minutes_per_day / 60,
        normal=q.hours_per_day,
    )
    rows = (
        Row((msg(_("Work")), msg(_("{hours} hours"), hours=q.minutes / 60))),
        Row((msg(_("Work a day")), capacity)),
        Row((msg(_("Days to finish")), msg(_("{days}, from tomorrow"), days=counted(CALENDAR_DAYS, q.days)))),
        Row((msg(_("Ready on")), q.ready)),
    )
    return Table(FACT_COLUMNS, rows, msg(p_("quote.title.time", "Time")))


def check_table(q: Quote, places: int) -> Table:
    """--price: profit per garment and what an hour of work earns, per size."""
    rows = tuple(
        Row(
            (
                c.size,
                quantize(c.cost, places),
                quantize(c.profit, places),
                quantize(c.hours, 2),
                None if c.per_hour is None else quantize(c.per_hour, places),
            )
        )
        for c in q.checks
    )
    return Table(
        CHECK_COLUMNS,
        rows,
        msg(_("Price check at {price} a garment (wage {wage} an hour)"), price=Cash(q.price), wage=Cash(q.wage)),
    )


def quote_notes(
    q: Quote, catalog_file: str | None = None, settings_file: str | None = None
) -> tuple[InputError | Msg, ...]:
    """Width estimate, no selling step, customer fabric short or enough, a rush that buys no time, a price
    below the wage."""
    notes: list[InputError | Msg] = []
    for note in (n for s in q.sizes for n in s.sheet.notes):
        if note not in notes:
            notes.append(note)
    f = q.fabric
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
                ),
                hint=_("raise the price, or cut minutes or costs; see the price check table"),
                price=Cash(q.price),
                sizes=", ".join(c.size for c in q.below_wage),
                per_hour=Cash(worst.per_hour),
                wage=Cash(q.wage),
            ).at(q.file, loc=("operations",))
        )
    return tuple(notes)


def size_json(s: SizeQuote) -> dict[str, Any]:
    return {
        "size": s.size,
        "qty": s.qty,
        "metres": number_json(s.metres, METRE_PLACES),
        "unit_cost": money_json(s.unit_cost),
        "unit_price": money_json(s.unit_price),
        "amount": money_json(s.amount),
    }


def fabric_json(f: FabricUse) -> dict[str, Any]:
    return {
        "item": f.item,
        "width": qty_json(f.width),
        "metres": number_json(f.metres, METRE_PLACES),
        "buy": number_json(f.buy, METRE_PLACES),
        "leftover": number_json(metres_between(f.buy, f.metres).amount, METRE_PLACES),  # buy − metres, as shown
        "cost": money_json(f.cost),
        "customer": f.customer,
        "estimate": f.estimate,
        "brought": number_json(f.brought, METRE_PLACES),
        "enough": f.enough,
    }


def order_lines(q: Quote) -> list[dict[str, Any]]:
    """The order's cost lines: each garment's lines × its qty, summed over sizes (cost contract shape)."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s in q.sizes:
        for line in s.lines:
            key = (line.group, line.item or line.label, line.label)
            entry = merged.setdefault(key, {"cost": Decimal(0), "qty": None})
            entry["cost"] += s.qty * line.cost
            if line.qty is not None:
                before = entry["qty"].amount if entry["qty"] else Decimal(0)
                entry["qty"] = Quantity(before + s.qty * line.qty.amount, line.qty.unit)
    shown = [quantize(e["cost"], 2) for e in merged.values()]
    return [
        {"group": group, "item": item, "label": label, "qty": qty_json(entry["qty"]), "cost": money_json(cost)}
        for (group, item, label), entry, cost in zip(merged, merged.values(), shown)
    ]


def quote_json(q: Quote) -> dict[str, Any]:
    data = {
        "product": q.product,
        "file": q.file,
        "fabric": fabric_json(q.fabric),
        "sizes": [size_json(s) for s in q.sizes],
        "lines": order_lines(q),
        "subtotal": money_json(q.subtotal),
        "rush": money_json(q.rush),
        "total": money_json(q.total),
        "deposit": money_json(q.deposit),
        "balance": money_json(q.balance),
        "days": q.days,
        "ready": q.ready.isoformat(),
    }
    if q.price is not None:
        data["price_check"] = [
            {
                "size": c.size,
                "price": money_json(c.price),
                "profit": money_json(c.profit),
                "hours": number_json(c.hours, 4),
                "per_hour": money_json(c.per_hour),
                "below_wage": c in q.below_wage,
            }
            for c in q.checks
        ]
    return data


def quote_report(
    q: Quote, places: int, business: str = "", *, catalog_file: str | None = None, settings_file: str | None = None
) -> Report:
    tables = [sizes_table(q, places), fabric_table(q.fabric), time_table(q)]
    if q.price is not None:
        tables.append(check_table(q, places))
    return Report(
        "quote",
        q.product,
        tuple(tables),
        quote_json(q),
        quote_notes(q, catalog_file, settings_file),
        msg(_("{file}: quote for {garments}"), file=q.file, garments=counted(GARMENTS, q.garments)),
        explain=quote_explain(q),
        message=quote_message(q, places, business),
    )
