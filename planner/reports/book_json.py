"""The JSON of the period report (docs/book.md): every figure to two places on its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.book.period import PeriodReport, ProductPeriod
from planner.book.planned import Gap, ItemUse
from planner.reports import money_json, qty_json, share_json

if TYPE_CHECKING:
    from planner.reports.book import BookInputs


def product_json(p: ProductPeriod) -> dict[str, Any]:
    return {
        "product": p.cost.name,
        "file": p.key.path,
        "size": p.key.size,
        "made": p.made,
        "sold": {name: s.pieces for name, s in p.sales.items() if s.pieces},
        "returned": p.returned,
        "on_shelf": p.closing_shelf,
        "on_shelf_before": p.opening_shelf,
        "unsold": p.unsold,
        "unit_cost": money_json(p.cost.unit),
        "earned": money_json(p.earned),
        "hpp_made": money_json(p.hpp_made),
        "stock": money_json(p.stock),
        "gross_profit": money_json(p.gross),
        "unsold_value": money_json(p.unsold_value),
        "labour_paid": money_json(p.labour),
    }


def totals_json(r: PeriodReport) -> dict[str, Any]:
    return {
        "earned": money_json(r.earned),
        "hpp_made": money_json(r.hpp_made),
        "stock": money_json(r.stock),
        "gross_profit": money_json(r.gross),
        "spent": money_json(r.spent_total),
        "depreciation": money_json(r.depreciation_total),
        "period_costs": money_json(r.period_costs),
        "net_profit": money_json(r.net),
        "labour_paid": money_json(r.labour),
        "take_home": money_json(r.take_home),
    }


def gap_json(g: Gap) -> dict[str, Any]:
    shown = share_json if g.kind == "share" else money_json
    return {
        "what": g.what,
        "product": g.product,
        "channel": g.channel,
        "planned": shown(g.planned),
        "real": shown(g.real),
    }


def use_json(u: ItemUse) -> dict[str, Any]:
    return {
        "item": u.item,
        "bought": qty_json(u.quantity(u.bought)),
        "used": qty_json(u.quantity(u.used)),
        "paid": money_json(u.paid),
        "used_value": money_json(u.used_value),
    }


def book_json(inputs: BookInputs) -> dict[str, Any]:
    r, cash = inputs.report, inputs.cash
    return {
        "period": {"from": r.period.start.isoformat(), "to": r.period.end.isoformat(), "days": r.period.days},
        "products": [product_json(p) for p in r.products],
        "totals": totals_json(r),
        "costs": {
            "spent": [{"what": what, "amount": money_json(amount)} for what, amount in r.spent],
            "depreciation": [
                {
                    "equipment": d.equipment.name,
                    "monthly": money_json(d.monthly),
                    "days": d.days,
                    "amount": money_json(d.amount),
                }
                for d in r.depreciation
            ],
        },
        "cash": {
            "opening": money_json(cash.opening),
            "in": money_json(cash.money_in),
            "out": money_json(cash.money_out),
            "closing": money_json(cash.closing),
            "ins": {what: money_json(amount) for what, amount in cash.ins},
            "outs": {what: money_json(amount) for what, amount in cash.outs},
        },
        "checks": [gap_json(g) for g in inputs.gaps],
        "items": [use_json(u) for u in inputs.uses],
        "weeks": [
            {
                "from": w.period.start.isoformat(),
                "to": w.period.end.isoformat(),
                "earned": money_json(w.earned),
                "net_profit": money_json(w.net),
            }
            for w in r.weeks
        ],
    }
