"""The quote in sentences: the working of every figure (--explain), with the figures as the tables
show them, and the helpers its tables, JSON and chat message share (metres, shown money).

The working follows the arithmetic in its order (docs/quoting.md): the fabric for the
order and what is bought, what one garment (or one batch) costs without fabric, each
size's share of the fabric bought, its HPP, price and amount, then the order's sums,
the hours and the working days. The chat message is planner/reports/quote_message.py.
"""

from __future__ import annotations

from decimal import Decimal

from planner.costing import CostLine
from planner.money import quantize
from planner.pricing import markup_of, target_price
from planner.quoting import Quote, QuoteLine
from planner.reports import BATCHES, ORDERS, PIECES, WORKERS, WORKING_DAYS, counted
from planner.texts import Cash, Msg, Pct, _, msg
from planner.units import Quantity

METRE_PLACES = 3


def metres(value: Decimal) -> Quantity:
    return Quantity(value, "m")


def metres_between(more: Decimal, less: Decimal) -> Quantity:
    """``more − less`` as the difference of the two lengths shown (left over, short by): what a reader
    subtracting the shown figures gets."""
    return metres(quantize(more, METRE_PLACES) - quantize(less, METRE_PLACES))


def shown_money(q: Quote, places: int) -> tuple[list[Decimal], Decimal, Decimal, Decimal]:
    """Amounts, subtotal, rush and total, each rounded on its own (unit prices and the rush are
    rounded to round_to, so in practice they add up exactly)."""
    amounts = [quantize(s.amount, places) for s in q.items]
    return amounts, quantize(q.subtotal, places), quantize(q.rush, places), quantize(q.total, places)


# ---------------------------------------------------------------- --explain


def fabric_explain(q: Quote) -> list[Msg]:
    """Metres per size, in all, to buy (or bring) in the shop's steps, and what the fabric bought costs."""
    f = q.fabric
    if f is None:
        return []
    width = (
        msg(_(" × {pattern} / {fabric} wide (estimate)"), pattern=f.pattern_width, fabric=f.width)
        if f.estimate
        else None
    )
    out = [
        msg(
            _("fabric {size}: {qty} × {need} × (1 + {waste} waste){width} = {qty} × {per} = {metres}"),
            size=s.size,
            qty=s.qty,
            need=s.need,
            waste=Pct(f.waste),
            width=width,
            per=metres(s.per_garment),
            metres=metres(s.metres),
        )
        for s in q.items
    ]
    if f.step is None:
        out.append(
            msg(
                _("fabric: {metres} in all; {item} has no selling step, so exactly that"),
                metres=metres(f.metres),
                item=f.item,
            )
        )
    elif f.customer:
        out.append(
            msg(
                _("to bring: {metres} in all, rounded up to steps of {step} = {buy}"),
                metres=metres(f.metres),
                step=f.step,
                buy=metres(f.buy),
            )
        )
    else:
        out.append(
            msg(
                _("to buy: {metres} in all, rounded up to steps of {step} = {buy}; {left} left over after cutting"),
                metres=metres(f.metres),
                step=f.step,
                buy=metres(f.buy),
                left=metres_between(f.buy, f.metres),
            )
        )
    if f.explain is not None:
        out.append(msg(_("fabric bought: {text}"), text=f.explain))
    return out


def other_lines(s: QuoteLine) -> tuple[CostLine, ...]:
    return tuple(line for line in s.sheet.lines if line.group != "fabric")


def garment_explain(q: Quote) -> list[Msg]:
    """What one garment costs without its fabric, line by line — once when every size has the same lines;
    a recipe's batch, line by line, and its HPP a piece."""
    if q.kind == "recipe":
        return batch_explain(q.items[0])
    first = q.items[0]
    same = all(other_lines(s) == other_lines(first) for s in q.items)
    out: list[Msg] = []
    for s in [first] if same else list(q.items):
        who = msg(_("each garment")) if same else msg(_("size {size}"), size=s.size)
        lines = other_lines(s)
        out += [
            msg(_("{who} — {label}: {text}"), who=who, label=line.label, text=line.explain)
            for line in lines
            if line.explain
        ]
        out.append(
            msg(
                _("{who} without fabric: sum of {parts} = {cost}")
                if q.fabric is not None
                else _("HPP {who}: sum of {parts} = {cost}"),
                who=who,
                parts=tuple(Cash(line.cost) for line in lines),
                cost=Cash(s.other_cost),
            )
        )
    return out


def batch_explain(s: QuoteLine) -> list[Msg]:
    """The batches to make, one batch's cost line by line, and the HPP of a piece."""
    sheet = s.sheet
    out = [
        msg(
            _("batches: {pieces} / {sellable} sellable a batch = {ratio} → {batches}, making {made}"),
            pieces=counted(PIECES, s.qty),
            sellable=sheet.sellable,
            ratio=s.qty / sheet.sellable,
            batches=counted(BATCHES, s.batches),
            made=s.made,
        )
    ]
    who = msg(_("one batch"))
    out += [
        msg(_("{who} — {label}: {text}"), who=who, label=line.label, text=line.explain)
        for line in sheet.lines
        if line.explain
    ]
    out.append(
        msg(
            _("HPP a piece: sum of {parts} = {batch} a batch / {sellable} sellable = {cost}"),
            parts=tuple(Cash(line.cost) for line in sheet.lines),
            batch=Cash(sheet.batch),
            sellable=sheet.sellable,
            cost=Cash(sheet.unit),
        )
    )
    return out


def hpp_explain(q: Quote, s: QuoteLine) -> list[Msg]:
    """A garment's share of the fabric bought (cost × its metres / all metres) and its HPP for this order."""
    f = q.fabric
    if f is None:
        return []
    if f.customer:
        return [
            msg(
                _("HPP {size}: {cost}, without fabric (the customer brings it)"),
                size=s.size,
                cost=Cash(s.unit_cost),
            )
        ]
    return [
        msg(
            _("fabric {size}: {exact} for the metres it takes × {buy} bought / {metres} used = {share} a garment"),
            size=s.size,
            exact=Cash(s.fabric.cost if s.fabric is not None else None),
            buy=metres(f.buy),
            metres=metres(f.metres),
            share=Cash(s.fabric_cost),
        ),
        msg(
            _("HPP {size}: {other} without fabric + {fabric} fabric = {cost}"),
            size=s.size,
            other=Cash(s.other_cost),
            fabric=Cash(s.fabric_cost),
            cost=Cash(s.unit_cost),
        ),
    ]


def price_explain(q: Quote, s: QuoteLine) -> Msg:
    """C × (1 + m) — or C / (1 − g) — rounded up to round_to; or the price given with --price."""
    if q.price is not None:
        return msg(
            _("price {size}: {price}, the price given with --price"), size=s.size or q.product, price=Cash(q.price)
        )
    if q.kind == "recipe":
        return msg(
            _("price a piece: {price}, as planner price sets it for {channel} on the HPP of {cost}"),
            price=Cash(s.unit_price),
            channel=q.channel,
            cost=Cash(s.unit_cost),
        )
    p, target = q.pricing, target_price(s.unit_cost, q.pricing)
    common = dict(
        size=s.size or q.product,
        cost=Cash(s.unit_cost),
        target=Cash(target),
        price=Cash(s.unit_price),
        round_to=Cash(p.round_to),
    )
    if p.margin is not None and p.markup is None:
        return msg(
            _("price {size}: {cost} / (1 − {margin} margin) = {target} → {price} (rounded up to {round_to})"),
            margin=Pct(p.margin),
            **common,
        )
    return msg(
        _("price {size}: {cost} × (1 + {markup} markup) = {target} → {price} (rounded up to {round_to})"),
        markup=Pct(markup_of(p)),
        **common,
    )


def size_explain(q: Quote, s: QuoteLine) -> list[Msg]:
    amount = msg(
        _("amount {size}: {qty} × {price} = {amount}"),
        size=s.size or q.product,
        qty=s.qty,
        price=Cash(s.unit_price),
        amount=Cash(s.amount),
    )
    return [*hpp_explain(q, s), price_explain(q, s), amount]


def money_explain(q: Quote) -> list[Msg]:
    out = [
        msg(
            _("subtotal: sum of {parts} = {subtotal}"),
            parts=tuple(Cash(s.amount) for s in q.items),
            subtotal=Cash(q.subtotal),
        )
    ]
    if q.rush_share:
        out.append(
            msg(
                _("rush: {subtotal} × {share} = {exact} → {rush} (rounded up to {round_to})"),
                subtotal=Cash(q.subtotal),
                share=Pct(q.rush_share),
                exact=Cash(q.rush_exact),
                rush=Cash(q.rush),
                round_to=Cash(q.pricing.round_to),
            )
        )
    out += [
        msg(
            _("total: {subtotal} + {rush} rush = {total}"),
            subtotal=Cash(q.subtotal),
            rush=Cash(q.rush),
            total=Cash(q.total),
        ),
        msg(
            _("deposit: {total} × {share} = {exact} → {deposit} (rounded up to {round_to}, at most the total)"),
            total=Cash(q.total),
            share=Pct(q.deposit_share),
            exact=Cash(q.deposit_exact),
            round_to=Cash(q.pricing.round_to),
            deposit=Cash(q.deposit),
        ),
        msg(
            _("balance: {total} − {deposit} = {balance}"),
            total=Cash(q.total),
            deposit=Cash(q.deposit),
            balance=Cash(q.balance),
        ),
    ]
    return out


def time_explain(q: Quote) -> list[Msg]:
    """Hours of work (and on equipment), the days they take at this job's hours a day, the ready date."""
    parts = tuple(msg(_("{qty} × {minutes} min"), qty=s.runs, minutes=s.sheet.minutes) for s in q.items)
    out = [msg(_("work: {parts} = {minutes} min = {hours} h"), parts=parts, minutes=q.minutes, hours=q.minutes / 60)]
    spans = [msg(_("{hours} h of work / {workers}"), hours=q.minutes / 60, workers=counted(WORKERS, q.workers))]
    for name, hours in q.equipment_hours.items():
        capacity = q.shop.capacities.get(name, 1)
        out.append(
            msg(
                _("{name}: {minutes} min = {hours} h"),
                name=name,
                minutes=sum((s.equipment_minutes for s in q.items), Decimal(0)),
                hours=hours,
            )
        )
        spans.append(msg(_("{hours} h on {name} / {capacity} at a time"), hours=hours, name=name, capacity=capacity))
    took = q.job(q.rushed).wall_hours(q.shop)
    hours = Decimal(took.numerator) / Decimal(took.denominator)
    out.append(
        msg(
            _("days: {spans} = {hours} h / {day} h a day, rushed = {ratio} → {days}")
            if q.rushed
            else _("days: {spans} = {hours} h / {day} h a day = {ratio} → {days}"),
            spans=tuple(spans) if len(spans) > 1 else spans[0],
            hours=hours,
            day=q.day_hours,
            ratio=hours / q.day_hours,
            days=counted(WORKING_DAYS, q.days),
        )
    )
    out.append(
        msg(
            _("ready: {days} from {start}, after {hours} h of work on {ahead} ahead of it = {ready}")
            if q.ahead
            else _("ready: {days} from {start}, the first working day after {today} = {ready}"),
            days=counted(WORKING_DAYS, q.days),
            start=q.start,
            today=q.today,
            ready=q.ready,
            hours=q.queue_hours,
            ahead=counted(ORDERS, q.ahead),
        )
    )
    return out


def check_explain(q: Quote) -> list[Msg]:
    return [
        msg(
            _("earned an hour {size}: ({price} − {other} costs other than your work) / {hours} h of work = {per_hour}"),
            size=c.size or q.product,
            price=Cash(c.price),
            other=Cash(c.other_costs),
            hours=c.hours,
            per_hour=Cash(c.per_hour),
        )
        for c in q.checks
        if c.per_hour is not None
    ]


def quote_explain(q: Quote) -> tuple[Msg, ...]:
    out = fabric_explain(q) + garment_explain(q)
    for s in q.items:
        out += size_explain(q, s)
    return tuple(out + money_explain(q) + time_explain(q) + check_explain(q))
