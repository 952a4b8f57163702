"""The orders report: the open orders by due date with what to make, hours, the planned start and
finish on working days and how late; what each customer has paid and still owes; one shopping
list; and, for ``--format text``, the day-by-day work list."""

from __future__ import annotations

import os
from typing import Any

from planner.errors import InputError
from planner.money import quantize
from planner.orders import MadeLine, OpenOrder, Queue
from planner.reports import BATCHES, DAYS, ORDERS, Column, Report, Row, Table, counted, money_json, number_json
from planner.reports.plan import shopping_json, shopping_lines_table
from planner.texts import Cash, Day, Msg, _, msg, p_

WORK_COLUMNS = (
    Column(_("Due")),
    Column(p_("orders.col.order", "Order")),
    Column(_("What to make")),
    Column(_("Hours"), "number"),
    Column(_("Start")),
    Column(_("Finish")),
    Column(_("Late")),
)
MONEY_COLUMNS = (
    Column(p_("orders.col.order", "Order")),
    Column(_("Customer")),
    Column(_("Price"), "money"),
    Column(_("Price from")),
    Column(_("Paid"), "money"),
    Column(_("Balance due"), "money"),
)


def make_text(order: OpenOrder) -> tuple[Msg, ...]:
    """'100 Bingka kentang (13 batches)', '20 Kemeja sekolah (S 5, M 10, L 5)': one part per product."""
    products: dict[str, list[MadeLine]] = {}
    for line in order.work.lines:
        products.setdefault(line.product, []).append(line)
    return tuple(product_text(lines) for lines in products.values())


def product_text(lines: list[MadeLine]) -> Msg:
    first, pieces = lines[0], sum(line.pieces for line in lines)
    if first.size is not None:
        sizes = ", ".join(f"{line.size} {line.pieces}" for line in lines)
        return msg(_("{pieces} {name} ({sizes})"), pieces=pieces, name=first.name, sizes=sizes)
    if first.batches != first.pieces:
        return msg(
            _("{pieces} {name} ({batches})"),
            pieces=pieces,
            name=first.name,
            batches=counted(BATCHES, sum(line.batches for line in lines)),
        )
    return msg(_("{pieces} {name}"), pieces=pieces, name=first.name)


def late_text(order: OpenOrder) -> Msg | None:
    return msg(_("late by {days}"), days=counted(DAYS, order.late_days)) if order.late_days else None


def work_table(queue: Queue) -> Table:
    rows = [
        Row(
            (
                Day(o.record.due),
                o.record.id,
                make_text(o),
                quantize(o.work.hours, 2),
                Day(o.placed.start) if o.work.hours else None,
                Day(o.placed.finish) if o.work.hours else None,
                late_text(o),
            )
        )
        for o in queue.orders
    ]
    rows.append(Row((msg(_("Total")), None, None, quantize(queue.hours, 2), None, None, None), "total"))
    return Table(WORK_COLUMNS, tuple(rows), msg(_("Open orders, earliest due first")))


def money_table(queue: Queue) -> Table:
    """Prices and payments are whole money as written (a quoted price is rounded up to round_to), so the
    totals are the sums shown."""
    rows = [Row((o.record.id, o.record.customer, o.price, price_from(o), o.paid, o.balance)) for o in queue.orders]
    rows.append(Row((msg(_("Total")), None, queue.price, None, queue.paid, queue.balance), "total"))
    return Table(MONEY_COLUMNS, tuple(rows), msg(_("What each customer has paid and still owes")))


def price_from(order: OpenOrder) -> Msg:
    return msg(p_("orders.price", "agreed") if order.price_from == "agreed" else p_("orders.price", "quote"))


def work_list(queue: Queue, business: str) -> tuple[Msg, ...]:
    """The day-by-day work list: each working day, what to work on and for how many hours."""
    lines = [msg(_("Work list of {business} from {today}"), business=business, today=queue.today)]
    for day, shares in queue.days():
        lines.append(msg(_("{day}:"), day=day))
        for order, hours in shares:
            done = order.placed.finish == day
            lines.append(
                msg(
                    _("- {order} ({customer}): {hours} h, {make} — finish, due {due}")
                    if done
                    else _("- {order} ({customer}): {hours} h, {make}"),
                    order=order.record.id,
                    customer=order.record.customer,
                    hours=quantize(hours, 2),
                    make=make_text(order),
                    due=order.record.due,
                )
            )
    if not queue.orders:
        lines.append(msg(_("No open orders.")))
    for order in queue.late:
        lines.append(
            msg(
                _("{order} is late by {days}: due {due}, ready {finish}"),
                order=order.record.id,
                days=counted(DAYS, order.late_days),
                due=order.record.due,
                finish=order.placed.finish,
            )
        )
    lines.append(msg(_("Still to be paid by the customers: {owed}"), owed=Cash(queue.balance)))
    return tuple(lines)


def orders_json(queue: Queue) -> dict[str, Any]:
    """docs/design-book.md, "Orders and the work queue"; the extra keys in docs/orders.md."""
    return {
        "today": queue.today.isoformat(),
        "orders": [order_json(o) for o in queue.orders],
        "shopping": shopping_json(queue.shopping),
        "totals": {
            "orders": len(queue.orders),
            "hours": number_json(queue.hours),
            "price": money_json(queue.price),
            "paid": money_json(queue.paid),
            "balance": money_json(queue.balance),
            "late": len(queue.late),
            "spend": money_json(queue.spend),
        },
    }


def order_json(o: OpenOrder) -> dict[str, Any]:
    record, worked = o.record, bool(o.work.hours or o.work.equipment)
    return {
        "id": record.id,
        "customer": record.customer,
        "date": record.date.isoformat(),
        "due": record.due.isoformat(),
        "file": os.path.normpath(o.entry.file),
        "line": o.entry.line,
        "make": [
            {"product": line.product, "size": line.size, "pieces": line.pieces, "batches": line.batches}
            for line in o.work.lines
        ],
        "hours": number_json(o.work.hours),
        "equipment_hours": {name: number_json(hours) for name, hours in o.work.equipment.items()},
        "start": o.placed.start.isoformat() if worked else None,
        "finish": o.placed.finish.isoformat() if worked else None,
        "late_days": o.late_days,
        "price": money_json(o.price),
        "price_from": o.price_from,
        "deposit": money_json(o.deposit),
        "payments": [{"date": p.date.isoformat(), "amount": money_json(p.amount)} for p in record.payments],
        "paid": money_json(o.paid),
        "balance": money_json(o.balance),
    }


TOLD_ONE_BY_ONE = 5  # more late orders than this are told in one warning (the table marks each)


def late_notes(queue: Queue) -> tuple[InputError, ...]:
    """Each late order at its due line; many at once in one warning, naming them."""
    from planner.errors import warning

    late = queue.late
    hint = _("agree a later day with the customer, work longer days, or add a worker")
    if len(late) > TOLD_ONE_BY_ONE:
        return (
            warning(
                _("{count} orders will be late: {orders}"),
                hint=hint,
                count=len(late),
                orders=", ".join(o.record.id for o in late),
            ),
        )
    return tuple(
        warning(
            _("order '{order}' will be late by {days}: due {due}, ready {finish}"),
            hint=hint,
            order=o.record.id,
            days=counted(DAYS, o.late_days),
            due=o.record.due,
            finish=o.placed.finish,
        )
        .under(*o.entry.loc, "due")
        .at(o.entry.file)
        for o in late
    )


def subtitle(queue: Queue) -> Msg:
    shop = queue.shop
    return msg(
        _("{orders} open on {today}; work from {first}, {workers} × {hours} h a day"),
        orders=counted(ORDERS, len(queue.orders)),
        today=queue.today,
        first=shop.next_working_day(queue.today),
        workers=shop.workers,
        hours=shop.hours_per_day,
    )


def orders_report(queue: Queue, places: int, business: str) -> Report:
    tables = [work_table(queue), money_table(queue)]
    if queue.shopping:
        table = shopping_lines_table(queue.shopping, places)
        tables.append(Table(table.columns, table.rows, msg(_("Shopping list for the open orders (whole packs)"))))
    return Report(
        "orders",
        msg(_("Orders")),
        tuple(tables),
        orders_json(queue),
        queue.notes + late_notes(queue),
        subtitle(queue),
        message=work_list(queue, business),
    )
