"""The plan report: batches per product, a shopping list in whole packs, time, cash and profit."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from planner.errors import InputError, warning
from planner.money import quantize, shown_parts
from planner.planning import ProductionPlan, Run, ShoppingLine
from planner.reports import (
    BATCHES,
    DAYS,
    WORKERS,
    WORKING_DAYS,
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
from planner.texts import Cash, Msg, _, msg, p_
from planner.units import Quantity

RUN_COLUMNS = (
    Column(_("Product")),
    Column(_("Ordered"), "int"),
    Column(_("Batches"), "int"),
    Column(_("Made"), "number"),
    Column(_("Extra"), "number"),
)
SHOP_COLUMNS = (
    Column(p_("plan.col-item", "Item")),
    Column(_("Need"), "qty"),
    Column(_("In stock"), "qty"),
    Column(_("Buy"), "qty"),
    Column(_("Spend"), "money"),
    Column(_("Left over"), "qty"),
)
MONEY_COLUMNS = (Column(p_("plan.col-figure", "Figure")), Column(p_("plan.col-amount", "Amount"), "money"))
TIME_COLUMNS = (Column(p_("plan.col-figure", "Figure")), Column(_("Hours / days"), "number"))


def product_label(run: Run) -> object:
    sheet = run.sheet
    return msg(_("{product}, size {size}"), product=sheet.product, size=sheet.size) if sheet.size else sheet.product


def runs_table(plan: ProductionPlan) -> Table:
    rows = tuple(Row((product_label(r), r.pieces, r.batches, r.made, r.surplus)) for r in plan.runs)
    return Table(RUN_COLUMNS, rows, msg(_("Batches per product")))


def buy_cell(line: ShoppingLine) -> object:
    """``3 kg``, ``47 butir``, ``9,25 m`` (packs of one, or steps), ``500 g`` (one pack), ``2 × 500 g``,
    or a mix of sizes ``2 kg + 3 butir``; what an item bought by use costs is its used amount."""
    if line.by_use and line.bought:
        return friendly(line.qty(line.bought))
    if line.packs == 0:
        return msg(_("-"))
    parts = [bought_part(offer.size, n, stepped=line.unit != line.pack) for offer, n in line.mix.parts]
    return plus(parts)


def bought_part(size: Quantity, count: int, *, stepped: bool = False) -> object:
    """``count`` packs of ``size``: ``3 kg``, ``47 butir``, ``9,25 m`` (steps), ``500 g`` or ``2 × 500 g``."""
    if size.amount == 1 or stepped or count == 1:
        return Quantity(count * size.amount, size.unit)
    return msg(_("{packs} × {pack}"), packs=count, pack=size)


def friendly(qty: Quantity) -> Quantity:
    """A quantity to about three figures in its own unit (tables stay narrow; JSON keeps four places)."""
    size = abs(qty.amount)
    places = 0 if size >= 100 else 1 if size >= 10 else 2 if size >= 1 else 3
    return Quantity(quantize(qty.amount, places), qty.unit)


def shown(line: ShoppingLine, packs: Decimal) -> Quantity:
    return friendly(line.qty(packs))


def shopping_table(plan: ProductionPlan, places: int) -> Table:
    return shopping_lines_table(plan.shopping, places)


def shopping_lines_table(shopping: tuple[ShoppingLine, ...], places: int) -> Table:
    """A shopping list in whole packs (the plan's, the open orders')."""
    spends, total, rounding = shown_parts([line.spend for line in shopping], places)
    rows = [
        Row(
            (
                line.item,
                shown(line, line.need),
                shown(line, line.stock) if line.stock else None,
                buy_cell(line),
                spend,
                shown(line, line.left),
            )
        )
        for line, spend in zip(shopping, spends)
    ]
    rows += rounding_row(rounding, len(SHOP_COLUMNS), 4)
    rows.append(Row((msg(_("Total shopping")), None, None, None, total, None), "total"))
    return Table(SHOP_COLUMNS, tuple(rows), msg(_("Shopping list (whole packs)")))


def cash_table(plan: ProductionPlan, places: int) -> Table:
    """Cash needed: the shopping list plus plain amounts paid per batch."""
    (spend, other), cash, rounding = shown_parts([plan.spend, plan.other_cash], places)
    rows = [
        Row((msg(_("Shopping list")), spend)),
        Row((msg(_("Other cash (services, plain overhead amounts)")), other)),
        *rounding_row(rounding, 2, 1),
        Row((msg(p_("plan.cash", "Cash needed")), cash), "total"),
    ]
    return Table(MONEY_COLUMNS, tuple(rows), msg(p_("plan.title-cash", "Cash needed")))


def time_table(plan: ProductionPlan) -> Table:
    """Hours of work and of each piece of equipment, working days."""
    rows = [Row((msg(_("Hands-on hours, {workers}"), workers=counted(WORKERS, plan.workers)), hours(plan.labor_hours)))]
    rows += [
        Row(
            (
                msg(_("Hours of {name}, {capacity} at once"), name=e.name, capacity=counted(BATCHES, e.capacity)),
                hours(e.hours),
            )
        )
        for e in plan.equipment
    ]
    rows.append(Row((msg(_("Working days of {per_day} hours"), per_day=plan.hours_per_day), plan.days), "total"))
    return Table(TIME_COLUMNS, tuple(rows), msg(p_("plan.title-time", "Time")))


def profit_table(plan: ProductionPlan, places: int) -> Table:
    """Revenue of the ordered pieces at the direct price, less the HPP of everything made."""
    revenue, cost, deductions, profit = (
        quantize(v, places) for v in (plan.revenue, plan.cost, plan.deductions, plan.profit)
    )
    rows = [
        Row((msg(_("Revenue at the direct price ({channel})"), channel=plan.channel), revenue)),
        Row((msg(_("HPP of everything made")), -cost)),
    ]
    if plan.deductions:
        rows.append(Row((msg(_("Commission, fees and tax ({channel})"), channel=plan.channel), -deductions)))
    rows += rounding_row(profit - (revenue - cost - deductions), 2, 1)
    rows.append(Row((msg(_("Profit")), profit), "total"))
    return Table(MONEY_COLUMNS, tuple(rows), msg(_("Revenue and profit")))


def subtitle(plan: ProductionPlan, file: str | None) -> Msg:
    """Where the plan comes from, and its due date counted from today."""
    if file is None:
        return msg(_("From the command line, counted from {today}"), today=plan.today)
    if plan.due is None:
        return msg(_("{file}, counted from {today}"), file=file, today=plan.today)
    if plan.days_left is not None and plan.days_left < 0:
        return msg(
            _("{file}: due {due}, {days} ago (counted from {today})"),
            file=file,
            due=plan.due,
            days=counted(DAYS, -plan.days_left),
            today=plan.today,
        )
    return msg(
        _("{file}: due {due}, {left} away (counted from {today})"),
        file=file,
        due=plan.due,
        left=counted(DAYS, plan.days_left or 0),
        today=plan.today,
    )


def hours(value: Decimal) -> Decimal:
    return quantize(value, 1)


def explain_run(run: Run) -> Msg:
    sheet = run.sheet
    return msg(
        _(
            "{product}: batches = ceil({pieces} / {sellable} fit to sell) = {batches}; made = {batches} × {sellable} = "
            "{made}, extra {surplus}"
        ),
        product=product_label(run),
        pieces=run.pieces,
        sellable=sheet.sellable,
        batches=run.batches,
        made=run.made,
        surplus=run.surplus,
    )


def explain_line(line: ShoppingLine) -> tuple[Msg, ...]:
    parts = [
        msg(_("{pieces} pieces packed × {per}"), pieces=u.count, per=line.qty(u.per))
        if u.packed
        else msg(_("{batches} × {per}"), batches=u.count, per=line.qty(u.per))
        for u in line.uses
    ]
    need = msg(_("{item}: need = {parts} = {need}"), item=line.item, parts=plus(parts), need=line.qty(line.need))
    return need, explain_buy(line)


def explain_buy(line: ShoppingLine) -> Msg:
    """One size: ``ceil(short / pack) × pack at price``; several: the cheapest mix, each size at its price;
    by use: the amount used at the pack's unit price."""
    short = msg(_("max(0, {need} − {stock})"), need=line.qty(line.need), stock=line.qty(line.stock))
    if line.by_use:
        return msg(
            _("{item}: paid by use, {short} at {price} a {pack} = {spend}; left = {left}"),
            item=line.item,
            short=short,
            price=Cash(line.price),
            pack=line.pack,
            spend=Cash(line.spend),
            left=line.qty(line.left),
        )
    if len(line.offers) == 1:
        offer = line.offers[0]
        return msg(
            _(
                "{item}: buy ceil(max(0, {need} − {stock}) / {unit}) = {packs} × {unit} at {price} = {spend}; "
                "left = {left}"
            ),
            item=line.item,
            need=line.qty(line.need),
            stock=line.qty(line.stock),
            unit=offer.size,
            packs=line.packs,
            price=Cash(offer.price),
            spend=Cash(line.spend),
            left=line.qty(line.left),
        )
    sizes = [msg(_("{pack} at {price}"), pack=o.size, price=Cash(o.price)) for o in line.offers]
    bought = [
        msg(_("{packs} × {pack} at {price}"), packs=n, pack=o.size, price=Cash(o.price)) for o, n in line.mix.parts
    ]
    return msg(
        _("{item}: sold as {sizes}; the cheapest mix covering {short} is {bought} = {spend}; left = {left}"),
        item=line.item,
        sizes=joined(sizes),
        short=short,
        bought=plus(bought) if bought else msg(_("-")),
        spend=Cash(line.spend),
        left=line.qty(line.left),
    )


def joined(parts: list[Msg]) -> Msg:
    """``a, b, c`` as nested messages."""
    out = parts[0]
    for part in parts[1:]:
        out = msg(_("{a}, {b}"), a=out, b=part)
    return out


def plus(parts: list[Any]) -> Any:
    """``a + b + c`` as nested messages (each part formats in the user's language)."""
    joined = parts[0]
    for part in parts[1:]:
        joined = msg(_("{a} + {b}"), a=joined, b=part)
    return joined


def explain_totals(plan: ProductionPlan) -> list[Msg]:
    out = [
        msg(
            _("hands-on hours = ({parts}) / 60 = {hours} h"),
            parts=plus(
                [msg(_("{batches} × {minutes} min"), batches=r.batches, minutes=r.sheet.minutes) for r in plan.runs]
            ),
            hours=plan.labor_hours,
        )
    ]
    for e in plan.equipment:
        parts = plus(
            [msg(_("{batches} × {minutes} min"), batches=r.batches, minutes=r.sheet.equipment_minutes) for r in e.runs]
        )
        out.append(
            msg(
                _("{name}: ({parts}) / 60 / {capacity} at once = {hours} h"),
                name=e.name,
                parts=parts,
                capacity=e.capacity,
                hours=e.hours,
            )
        )
    out.append(
        msg(
            _("working days = ceil(max({labor} h / {workers}, {equipment} h of equipment) / {per_day} h) = {days}"),
            labor=plan.labor_hours,
            workers=counted(WORKERS, plan.workers),
            equipment=plan.equipment_hours,
            per_day=plan.hours_per_day,
            days=plan.days,
        )
    )
    out.append(
        msg(
            _("cash needed = {spend} shopping + {other} other = {cash}"),
            spend=Cash(plan.spend),
            other=Cash(plan.other_cash),
            cash=Cash(plan.cash),
        )
    )
    out += [
        msg(
            _(
                "{product}: {pieces} × {price} (the price planner price gives for HPP {unit}) = {revenue}; HPP of what "
                "is made = {batches} × {batch} = {cost}"
            ),
            product=product_label(r),
            pieces=r.pieces,
            unit=Cash(r.sheet.unit),
            price=Cash(r.price),
            revenue=Cash(r.revenue),
            batches=r.batches,
            batch=Cash(r.sheet.batch),
            cost=Cash(r.cost),
        )
        for r in plan.runs
    ]
    out.append(
        msg(
            _("profit = {revenue} − {deductions} commission, fees and tax − {cost} HPP = {profit}"),
            revenue=Cash(plan.revenue),
            deductions=Cash(plan.deductions),
            cost=Cash(plan.cost),
            profit=Cash(plan.profit),
        )
    )
    return out


def late_note(plan: ProductionPlan, file: str | None) -> tuple[InputError, ...]:
    if not plan.late_days:
        return ()
    key = (
        _("this plan needs {days} and {due} has already passed: {late} late")
        if (plan.days_left or 0) < 0
        else _("this plan needs {days} but {due} is {left} away: {late} late")
    )
    return (
        warning(
            key,
            hint=_(
                "add workers (labor.workers), work more hours a day (labor.hours_per_day), make fewer pieces, or agree "
                "a later date"
            ),
            days=counted(WORKING_DAYS, plan.days),
            due=plan.due,
            left=counted(DAYS, plan.days_left or 0),
            late=counted(DAYS, plan.late_days),
        ).at(file, loc=("due",)),
    )


def plan_json(plan: ProductionPlan, file: str | None) -> dict[str, Any]:
    """The plan JSON contract (docs/design.md), plus price/revenue per product and cash, profit, due."""
    products = [
        {
            "product": r.sheet.product,
            "size": r.sheet.size,
            "file": os.path.normpath(r.sheet.file),
            "pieces": r.pieces,
            "batches": r.batches,
            "made": number_json(r.made, 4),
            "surplus": number_json(r.surplus, 4),
            "price": money_json(r.price),
            "revenue": money_json(r.revenue),
        }
        for r in plan.runs
    ]
    shopping = shopping_json(plan.shopping)
    totals = {
        "spend": money_json(plan.spend),
        "packs": plan.packs,
        "labor_hours": number_json(plan.labor_hours),
        "equipment_hours": number_json(plan.equipment_hours),
        "equipment": {e.name: number_json(e.hours) for e in plan.equipment},
        "days": plan.days,
        "other_cash": money_json(plan.other_cash),
        "cash": money_json(plan.cash),
        "revenue": money_json(plan.revenue),
        "cost": money_json(plan.cost),
        "deductions": money_json(plan.deductions),
        "profit": money_json(plan.profit),
        "due": plan.due.isoformat() if plan.due else None,
        "days_left": plan.days_left,
        "late_days": plan.late_days,
    }
    return {"plan": plan.name, "file": file, "products": products, "shopping": shopping, "totals": totals}


def shopping_json(shopping: tuple[ShoppingLine, ...]) -> list[dict[str, Any]]:
    return [
        {
            "item": s.item,
            "need": qty_json(s.qty(s.need)),
            "stock": qty_json(s.qty(s.stock)),
            "packs": s.packs,
            "pack": qty_json(s.unit),
            "buy": qty_json(s.qty(s.bought)),
            "spend": money_json(s.spend),
            "left": qty_json(s.qty(s.left)),
            "mix": [
                {"pack": qty_json(o.size), "packs": n, "price": money_json(o.price), "spend": money_json(o.price * n)}
                for o, n in s.mix.parts
            ],
        }
        for s in shopping
    ]


def plan_report(
    plan: ProductionPlan,
    places: int,
    *,
    file: str | None = None,
    explain: bool = True,
    explain_runs: Callable[[Run], Msg] = explain_run,
) -> Report:
    """The plan's tables and JSON; the working only when asked (a 1,000-product plan has a lot of it)."""
    title = plan.name or msg(_("Production plan"))
    working = (
        (
            tuple(explain_runs(r) for r in plan.runs)
            + tuple(m for line in plan.shopping for m in explain_line(line))
            + tuple(explain_totals(plan))
        )
        if explain
        else ()
    )
    tables = (
        runs_table(plan),
        shopping_table(plan, places),
        cash_table(plan, places),
        time_table(plan),
        profit_table(plan, places),
    )
    return Report(
        "plan",
        title,
        tables,
        plan_json(plan, file),
        plan.notes + late_note(plan, file),
        subtitle(plan, file),
        explain=working,
    )
