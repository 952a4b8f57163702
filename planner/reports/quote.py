"""The quote report: price per size, rush, deposit and balance; fabric; time; a chat message.

One Report for every format: tables for people, ``data`` for the JSON contract
(DESIGN.md, "quote"), ``notes`` for warnings, ``explain`` for --explain and
``message`` for --format text (a quote to paste into a chat).
"""

from __future__ import annotations

from decimal import Decimal

from planner.errors import Cash, InputError, Msg, Pct, msg, warning
from planner.money import quantize, reconcile
from planner.pricing import markup_of, target_price
from planner.quoting import FabricUse, Quote, SizeQuote
from planner.reports import Column, Report, Row, Table, money_json, number_json, qty_json
from planner.units import Quantity

SIZE_COLUMNS = (Column("col.size"), Column("quote.col.qty", "int"), Column("quote.col.metres", "qty"),
                Column("col.unit-cost", "money"), Column("quote.col.price", "money"),
                Column("quote.col.amount", "money"))
FACT_COLUMNS = (Column("col.item"), Column("quote.col.value"))
CHECK_COLUMNS = (Column("col.size"), Column("col.unit-cost", "money"), Column("quote.col.profit", "money"),
                 Column("quote.col.hours", "number"), Column("quote.col.per-hour", "money"))
METRE_PLACES = 3


def metres(value: Decimal) -> Quantity:
    return Quantity(value, "m")


def shown_money(q: Quote, places: int) -> tuple[list[Decimal], Decimal, Decimal, Decimal]:
    """Amounts, subtotal, rush and total rounded so that the shown parts add up."""
    amounts, subtotal = reconcile([s.amount for s in q.sizes], places)
    (_, rush), total = reconcile([subtotal, q.rush], places)
    return amounts, subtotal, rush, total


def sizes_table(q: Quote, places: int) -> Table:
    """One row per size, then subtotal, rush, total, deposit and balance."""
    amounts, subtotal, rush, total = shown_money(q, places)
    shown_metres, all_metres = reconcile([s.metres for s in q.sizes], METRE_PLACES)
    rows = [Row((s.size, s.qty, metres(m), quantize(s.unit_cost, places), s.unit_price, amount))
            for s, m, amount in zip(q.sizes, shown_metres, amounts)]
    rows.append(Row((msg("quote.label.subtotal"), q.garments, metres(all_metres), None, None, subtotal), "total"))
    if q.rush_share:
        rows.append(Row((msg("quote.label.rush", share=Pct(q.rush_share)), None, None, None, None, rush), "total"))
    rows.append(Row((msg("quote.label.total"), None, None, None, None, total), "total"))
    rows.append(Row((msg("quote.label.deposit", share=Pct(q.deposit_share)), None, None, None, None, q.deposit),
                    "total"))
    rows.append(Row((msg("quote.label.balance"), None, None, None, None, total - q.deposit), "total"))
    return Table(SIZE_COLUMNS, tuple(rows), msg("quote.title.sizes"))


def width_value(f: FabricUse) -> object:
    if f.estimate:
        return msg("quote.value.width-estimate", width=f.width, pattern=f.pattern_width)
    return f.width


def fabric_table(f: FabricUse) -> Table:
    """The fabric for the whole order: what to buy, or what the customer must bring."""
    rows = [Row((msg("quote.label.fabric"), f.name)),
            Row((msg("quote.label.width"), width_value(f))),
            Row((msg("quote.label.metres-estimate" if f.estimate else "quote.label.metres"), metres(f.metres))),
            Row((msg("quote.label.step"), f.step or msg("quote.value.no-step")))]
    if not f.customer:
        rows += [Row((msg("quote.label.buy"), metres(f.buy))),
                 Row((msg("quote.label.fabric-cost"), Cash(f.cost)))]
        return Table(FACT_COLUMNS, tuple(rows), msg("quote.title.fabric"))
    rows.append(Row((msg("quote.label.bring"), metres(f.buy))))
    if f.brought is not None:
        rows.append(Row((msg("quote.label.brought"), metres(f.brought))))
        rows.append(Row((msg("quote.label.short"), metres(f.short))) if not f.enough else
                    Row((msg("quote.label.left"), metres(f.left))))
    return Table(FACT_COLUMNS, tuple(rows), msg("quote.title.customer-fabric"))


def time_table(q: Quote) -> Table:
    """Hours of work, capacity a day, days to finish and the ready date."""
    rows = (Row((msg("quote.label.labour"), msg("quote.value.hours", hours=q.minutes / 60))),
            Row((msg("quote.label.capacity"), msg("quote.value.capacity", workers=q.workers,
                                                  hours=q.hours_per_day, total=q.minutes_per_day / 60))),
            Row((msg("quote.label.days"), msg("quote.value.days", days=q.days))),
            Row((msg("quote.label.ready"), q.ready)))
    return Table(FACT_COLUMNS, rows, msg("quote.title.time"))


def check_table(q: Quote, places: int) -> Table:
    """--price: profit per garment and what an hour of work earns, per size."""
    rows = tuple(Row((c.size, quantize(c.cost, places), quantize(c.profit, places), quantize(c.hours, 2),
                      None if c.per_hour is None else quantize(c.per_hour, places)))
                 for c in q.checks)
    return Table(CHECK_COLUMNS, rows, msg("quote.title.check", price=Cash(q.price), wage=Cash(q.wage)))


def quote_notes(q: Quote) -> tuple[InputError | Msg, ...]:
    """Width estimate, no selling step, customer fabric short or enough, a price below the wage."""
    notes: list[InputError | Msg] = []
    for note in (n for s in q.sizes for n in s.sheet.notes):
        if note not in notes:
            notes.append(note)
    f = q.fabric
    if f.step is None:
        notes.append(warning("quote-no-step", hint="quote-no-step-hint", item=f.item, buy=metres(f.buy)))
    if f.brought is not None and not f.enough:
        notes.append(warning("quote-fabric-short", hint="quote-fabric-short-hint", brought=metres(f.brought),
                             need=metres(f.metres), short=metres(f.short), more=metres(f.short_buy)))
    elif f.brought is not None:
        notes.append(msg("quote-fabric-enough", brought=metres(f.brought), need=metres(f.metres),
                         left=metres(f.left)))
    if q.below_wage:
        worst = min(q.below_wage, key=lambda c: c.per_hour)
        notes.append(warning("quote-below-wage", hint="quote-below-wage-hint", price=Cash(q.price),
                             sizes=", ".join(c.size for c in q.below_wage), per_hour=Cash(worst.per_hour),
                             wage=Cash(q.wage)))
    return tuple(notes)


def size_json(s: SizeQuote) -> dict:
    return {"size": s.size, "qty": s.qty, "metres": number_json(s.metres, METRE_PLACES),
            "unit_cost": money_json(s.unit_cost), "unit_price": money_json(s.unit_price),
            "amount": money_json(s.amount)}


def fabric_json(f: FabricUse) -> dict:
    return {"item": f.item, "width": qty_json(f.width), "metres": number_json(f.metres, METRE_PLACES),
            "buy": number_json(f.buy, METRE_PLACES), "cost": money_json(f.cost), "customer": f.customer,
            "estimate": f.estimate, "brought": number_json(f.brought, METRE_PLACES), "enough": f.enough}


def order_lines(q: Quote) -> list[dict]:
    """The order's cost lines: each garment's lines × its qty, summed over sizes (cost contract shape)."""
    merged: dict[tuple, dict] = {}
    for s in q.sizes:
        for line in s.sheet.lines:
            key = (line.group, line.item or line.label, line.label)
            entry = merged.setdefault(key, {"cost": Decimal(0), "qty": None})
            entry["cost"] += s.qty * line.cost
            if line.qty is not None:
                before = entry["qty"].amount if entry["qty"] else Decimal(0)
                entry["qty"] = Quantity(before + s.qty * line.qty.amount, line.qty.unit)
    shown, _ = reconcile([e["cost"] for e in merged.values()], 2, q.cost)
    return [{"group": group, "item": item, "label": label, "qty": qty_json(entry["qty"]), "cost": money_json(cost)}
            for (group, item, label), entry, cost in zip(merged, merged.values(), shown)]


def quote_json(q: Quote) -> dict:
    data = {"product": q.product, "file": q.file, "fabric": fabric_json(q.fabric),
            "sizes": [size_json(s) for s in q.sizes], "lines": order_lines(q),
            "subtotal": money_json(q.subtotal), "rush": money_json(q.rush), "total": money_json(q.total),
            "deposit": money_json(q.deposit), "balance": money_json(q.balance), "days": q.days,
            "ready": q.ready.isoformat()}
    if q.price is not None:
        data["price_check"] = [{"size": c.size, "price": money_json(c.price), "profit": money_json(c.profit),
                                "hours": number_json(c.hours, 4), "per_hour": money_json(c.per_hour),
                                "below_wage": c in q.below_wage} for c in q.checks]
    return data


def quote_report(q: Quote, places: int, business: str = "") -> Report:
    tables = [sizes_table(q, places), fabric_table(q.fabric), time_table(q)]
    if q.price is not None:
        tables.append(check_table(q, places))
    return Report("quote", q.product, tuple(tables), quote_json(q), quote_notes(q),
                  msg("quote.subtitle", file=q.file, garments=q.garments),
                  explain=quote_explain(q), message=quote_message(q, places, business))


# ---------------------------------------------------------------- --explain


def price_explain(q: Quote, s: SizeQuote) -> Msg:
    """C × (1 + m) — or C / (1 − g) — rounded up to round_to; or the price given with --price."""
    if q.price is not None:
        return msg("quote.explain.given-price", size=s.size, price=Cash(q.price))
    p, target = q.pricing, target_price(s.unit_cost, q.pricing)
    common = dict(size=s.size, cost=Cash(s.unit_cost), target=Cash(target), price=Cash(s.unit_price),
                  round_to=Cash(p.round_to))
    if p.margin is not None and p.markup is None:
        return msg("quote.explain.price-margin", margin=Pct(p.margin), **common)
    return msg("quote.explain.price-markup", markup=Pct(markup_of(p)), **common)


def fabric_explain(q: Quote) -> list[Msg]:
    f = q.fabric
    width = msg("explain.width", pattern=f.pattern_width, fabric=f.width) if f.estimate else None
    out = [msg("quote.explain.metres", size=s.size, qty=s.qty, need=s.need, waste=Pct(f.waste), width=width,
               per=s.fabric.qty, metres=metres(s.metres)) for s in q.sizes]
    if f.step is None:
        out.append(msg("quote.explain.buy-exact", metres=metres(f.metres), item=f.item))
    else:
        out.append(msg("quote.explain.bring" if f.customer else "quote.explain.buy", metres=metres(f.metres),
                       step=f.step, buy=metres(f.buy)))
    if f.explain is not None:
        out.append(msg("quote.explain.fabric-cost", text=f.explain))
    return out


def money_explain(q: Quote) -> list[Msg]:
    out = [msg("quote.explain.subtotal", parts=tuple(Cash(s.amount) for s in q.sizes), subtotal=Cash(q.subtotal))]
    if q.rush_share:
        out.append(msg("quote.explain.rush", subtotal=Cash(q.subtotal), share=Pct(q.rush_share), rush=Cash(q.rush)))
    out += [msg("quote.explain.total", subtotal=Cash(q.subtotal), rush=Cash(q.rush), total=Cash(q.total)),
            msg("quote.explain.deposit", total=Cash(q.total), share=Pct(q.deposit_share),
                exact=Cash(q.deposit_exact), round_to=Cash(q.pricing.round_to), deposit=Cash(q.deposit)),
            msg("quote.explain.balance", total=Cash(q.total), deposit=Cash(q.deposit), balance=Cash(q.balance))]
    return out


def time_explain(q: Quote) -> list[Msg]:
    parts = tuple(msg("quote.explain.times", qty=s.qty, minutes=s.sheet.minutes) for s in q.sizes)
    return [msg("quote.explain.days", parts=parts, minutes=q.minutes, workers=q.workers, hours=q.hours_per_day,
                ratio=q.minutes / q.minutes_per_day, days=q.days),
            msg("quote.explain.ready", today=q.today, days=q.days, ready=q.ready)]


def quote_explain(q: Quote) -> tuple[Msg, ...]:
    out: list[Msg] = []
    for s in q.sizes:
        out += [price_explain(q, s), msg("quote.explain.amount", size=s.size, qty=s.qty,
                                         price=Cash(s.unit_price), amount=Cash(s.amount))]
    out += money_explain(q) + fabric_explain(q) + time_explain(q)
    out += [msg("quote.explain.per-hour", size=c.size, price=Cash(c.price), other=Cash(c.other_costs),
                hours=c.hours, per_hour=Cash(c.per_hour)) for c in q.checks if c.per_hour is not None]
    return tuple(out)


# ---------------------------------------------------------------- --format text


def fabric_message(f: FabricUse) -> list[Msg]:
    estimate = msg("quote.text.estimate") if f.estimate else None
    if not f.customer:
        return [msg("quote.text.fabric", name=f.name, estimate=estimate)]
    lines = [msg("quote.text.bring", buy=metres(f.buy), width=f.width, estimate=estimate)]
    if f.brought is not None and not f.enough:
        lines.append(msg("quote.text.brought-short", brought=metres(f.brought), more=metres(f.short_buy)))
    elif f.brought is not None:
        lines.append(msg("quote.text.brought-enough", brought=metres(f.brought)))
    return lines


def quote_message(q: Quote, places: int, business: str = "") -> tuple[Msg, ...]:
    """A short quote to paste into a chat: garment, sizes, total, deposit, balance, ready date."""
    amounts, _, rush, total = shown_money(q, places)
    lines = [msg("quote.text.heading", business=business) if business else msg("quote.text.heading-plain"),
             msg("quote.text.garment", product=q.product, garments=q.garments)]
    lines += [msg("quote.text.size", size=s.size, qty=s.qty, price=Cash(s.unit_price), amount=Cash(amount))
              for s, amount in zip(q.sizes, amounts)]
    lines += fabric_message(q.fabric)
    if q.rush_share:
        lines.append(msg("quote.text.rush", share=Pct(q.rush_share), rush=Cash(rush)))
    lines += [msg("quote.text.total", total=Cash(total)),
              msg("quote.text.deposit", share=Pct(q.deposit_share), deposit=Cash(q.deposit)),
              msg("quote.text.balance", balance=Cash(total - q.deposit)),
              msg("quote.text.ready", ready=q.ready, days=q.days)]
    return tuple(lines)
