"""The quote's JSON (docs/design.md, "quote"; docs/quoting.md, Output): the maker's, with HPP and
the order's cost lines, or the customer's, without them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.money import quantize
from planner.quoting import FabricUse, Quote, QuoteLine
from planner.reports import money_json, number_json, qty_json
from planner.reports.quote_text import METRE_PLACES, metres_between
from planner.units import Quantity


def size_json(s: QuoteLine, customer: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"size": s.size, "qty": s.qty}
    if s.sheet.kind == "recipe":
        data = {"pieces": s.qty, "batches": s.batches, "made": number_json(s.made, 2)}
    elif s.need is not None:
        data["metres"] = number_json(s.metres, METRE_PLACES)
    if not customer:
        data["unit_cost"] = money_json(s.unit_cost)
    data |= {"unit_price": money_json(s.unit_price), "amount": money_json(s.amount)}
    return data


def fabric_json(f: FabricUse | None, customer: bool = False) -> dict[str, Any] | None:
    if f is None:
        return None
    data = {
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
    if customer:
        del data["leftover"], data["cost"]
    return data


def order_lines(q: Quote) -> list[dict[str, Any]]:
    """The order's cost lines: each garment's lines × its qty (a recipe's: × its batches), summed over
    sizes (cost contract shape)."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s in q.items:
        for line in s.lines:
            key = (line.group, line.item or line.label, line.label)
            entry = merged.setdefault(key, {"cost": Decimal(0), "qty": None})
            entry["cost"] += s.runs * line.cost
            if line.qty is not None:
                before = entry["qty"].amount if entry["qty"] else Decimal(0)
                entry["qty"] = Quantity(before + s.runs * line.qty.amount, line.qty.unit)
    shown = [quantize(e["cost"], 2) for e in merged.values()]
    return [
        {"group": group, "item": item, "label": label, "qty": qty_json(entry["qty"]), "cost": money_json(cost)}
        for (group, item, label), entry, cost in zip(merged, merged.values(), shown)
    ]


def quote_json(q: Quote, customer: str | None = None, business: str = "") -> dict[str, Any]:
    """The contract of docs/design.md ("quote"); ``customer`` (the customer's view, the name or "") leaves
    out what is the maker's: file, cost lines, HPP, the fabric's cost and leftover, the price check."""
    for_customer = customer is not None
    data: dict[str, Any] = {"product": q.product, "kind": q.kind}
    if for_customer:
        data["business"] = business or None
        data["customer"] = customer or None
    else:
        data["file"] = q.file
    data["fabric"] = fabric_json(q.fabric, for_customer)
    data["pieces" if q.kind == "recipe" else "sizes"] = [size_json(s, for_customer) for s in q.items]
    if not for_customer:
        data["lines"] = order_lines(q)
    data |= {
        "subtotal": money_json(q.subtotal),
        "rush": money_json(q.rush),
        "total": money_json(q.total),
        "deposit": money_json(q.deposit),
        "balance": money_json(q.balance),
        "days": q.days,
        "ready": q.ready.isoformat(),
        "due": q.due.isoformat() if q.due else None,
        "due_met": q.due_met,
        "late_days": q.late_days,
    }
    if not for_customer:
        data["queue_hours"] = number_json(q.queue_hours, 2)
    if q.price is not None and not for_customer:
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
