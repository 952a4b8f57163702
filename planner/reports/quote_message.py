"""The quote a producer pastes into a chat (--format text, and what the customer sees): one message,
each length told once, as the shop sells it — what to bring is the need rounded up to the fabric's
step; with the length the customer has, only whether it is enough, or what to add."""

from __future__ import annotations

from decimal import Decimal

from planner.quoting import FabricUse, Quote, QuoteLine
from planner.reports import GARMENTS, PIECES, WORKING_DAYS, counted
from planner.reports.quote_text import metres, shown_money
from planner.texts import Cash, Msg, Pct, _, msg


def fabric_message(f: FabricUse, *, short: bool = False) -> list[Msg]:
    """Included; or what to bring; or whether the customer's length is enough, and what to add.
    ``short``: without the leading "Fabric:" / "Your fabric:" (a table's row says it)."""
    estimate = msg(_(" (fabric need estimated)")) if f.estimate else None
    values = dict(
        name=f.name,
        buy=metres(f.buy),
        width=f.width,
        estimate=estimate,
        more=metres(f.short_buy),
        brought=metres(f.brought) if f.brought is not None else None,
    )
    if not f.customer:
        text = _("{name}, included{estimate}") if short else _("Fabric: {name}, included{estimate}")
    elif f.brought is None:
        text = (
            _("please bring at least {buy}, {width} wide{estimate}")
            if short
            else _("Your fabric: please bring at least {buy}, {width} wide{estimate}")
        )
    elif f.enough:
        text = (
            _("the {brought} you have is enough ({width} wide){estimate}")
            if short
            else _("Your fabric: the {brought} you have is enough ({width} wide){estimate}")
        )
    else:
        text = (
            _("the {brought} you have is not enough; please add {more} of the same fabric ({width} wide){estimate}")
            if short
            else _(
                "Your fabric: the {brought} you have is not enough; please add {more} of the same fabric "
                "({width} wide){estimate}"
            )
        )
    return [msg(text, **values)]


def item_message(q: Quote, s: QuoteLine, amount: Decimal) -> Msg:
    values = dict(size=s.size, qty=s.qty, price=Cash(s.unit_price), amount=Cash(amount))
    if s.size is None:
        return msg(_("- {qty} × {price} = {amount}"), **values)
    return msg(_("- size {size}: {qty} × {price} = {amount}"), **values)


def quote_message(q: Quote, places: int, business: str = "", customer: str = "") -> tuple[Msg, ...]:
    """A short quote to paste into a chat: for whom, what, each size (or the pieces) with its price, the
    fabric, rush, total, deposit, balance and the ready date."""
    amounts, _subtotal, rush, total = shown_money(q, places)
    lines = [msg(_("{business} — quote"), business=business) if business else msg(_("Quote"))]
    if customer:
        lines.append(msg(_("For: {customer}"), customer=customer))
    lines.append(
        msg(
            _("{product}, {garments}:"),
            product=q.product,
            garments=counted(PIECES if q.kind == "recipe" else GARMENTS, q.count),
        )
    )
    lines += [item_message(q, s, amount) for s, amount in zip(q.items, amounts)]
    lines += fabric_message(q.fabric) if q.fabric is not None else []
    if q.rush_share:
        lines.append(
            msg(
                _("Rush surcharge ({share}): {rush}")
                if q.rush == q.rush_exact
                else _("Rush surcharge ({share}, rounded up): {rush}"),
                share=Pct(q.rush_share),
                rush=Cash(rush),
            )
        )
    lines += [
        msg(_("Total: {total}"), total=Cash(total)),
        msg(
            _("Deposit ({share}): {deposit}")
            if q.deposit == q.deposit_exact
            else _("Deposit ({share}, rounded up): {deposit}"),
            share=Pct(q.deposit_share),
            deposit=Cash(q.deposit),
        ),
        msg(_("Balance on collection: {balance}"), balance=Cash(total - q.deposit)),
        msg(_("Ready: {ready} ({days})"), ready=q.ready, days=counted(WORKING_DAYS, q.days_to_ready)),
    ]
    return tuple(lines)
