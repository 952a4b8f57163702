"""The consignment report: one per shop — each product's shelf and earnings, what was paid and is
owed, the measured sell-through — and its settlement note for a chat (``--format text``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from planner.book.titip import Account, Shelf
from planner.errors import InputError, warning
from planner.money import ZERO, quantize, shown_parts
from planner.pricing import price_channel
from planner.reports import Column, Report, Row, Table, money_json, rounding_row, share_json
from planner.reports.price import shelf_line, target_expr
from planner.settings import Settings
from planner.texts import Cash, Msg, Pct, _, msg, p_

SHELF_COLUMNS = (
    Column(p_("col.product", "Product")),
    Column(_("Delivered"), "int"),
    Column(p_("titip.col.sold", "Sold"), "int"),
    Column(_("Returned"), "int"),
    Column(_("On shelf"), "int"),
    Column(_("Shelf price"), "money"),
    Column(_("Earned"), "money"),
)
ACCOUNT_COLUMNS = (Column(p_("titip.col.figure", "Account")), Column(p_("titip.col.value", "Amount")))
SELL_THROUGH_GAP = Decimal("0.10")  # measured and assumed sell-through this far apart: told


def shelf_table(account: Account, places: int) -> Table:
    shelves = account.shelves
    earned, total, rounding = shown_parts([s.earned for s in shelves], places)
    rows = [
        Row((s.name, s.delivered, s.sold, s.returned, s.closing, s.price, amount)) for s, amount in zip(shelves, earned)
    ]
    rows += rounding_row(rounding, len(SHELF_COLUMNS), 6)
    rows.append(
        Row(
            (
                msg(_("Total")),
                sum(s.delivered for s in shelves),
                account.sold,
                account.returned,
                account.on_shelf,
                None,
                total,
            ),
            "total",
        )
    )
    return Table(SHELF_COLUMNS, tuple(rows), msg(_("Pieces and earnings at {shop}"), shop=account.shop.name))


def owed_label(owed: Decimal) -> Msg:
    return msg(_("Still to be paid") if owed >= 0 else _("Paid too much (overpayment)"))


def account_table(account: Account, places: int) -> Table:
    """Earned − paid = owed (with a rounding line where the shown figures need one), sell-through."""
    (earned, paid), owed, rounding = shown_parts([account.earned, -account.paid], places)
    rows = [
        Row((msg(_("Earned (your share of the pieces sold)")), Cash(earned))),
        Row((msg(_("Paid by the shop")), Cash(-paid))),
    ]
    rows += [Row((msg(_("Rounding")), Cash(rounding)))] if rounding else []
    rows.append(Row((owed_label(owed), Cash(abs(owed))), "total"))
    if account.sell_through is not None:
        rows.append(Row((msg(_("Sell-through, measured")), Pct(account.sell_through))))
    rows.append(Row((msg(_("Sell-through in the settings")), Pct(account.channel.sell_through))))
    return Table(ACCOUNT_COLUMNS, tuple(rows), msg(_("Account with {shop}"), shop=account.shop.name))


def shelf_json(shelf: Shelf) -> dict[str, Any]:
    return {
        "product": shelf.name,
        "file": shelf.key.path,
        "size": shelf.key.size,
        "delivered": shelf.delivered,
        "sold": shelf.sold,
        "returned": shelf.returned,
        "on_shelf": shelf.closing,
        "price": money_json(shelf.price),
        "earned": money_json(shelf.earned),
    }


def account_json(account: Account) -> dict[str, Any]:
    last = account.last_visit
    return {
        "shop": account.shop.name,
        "channel": account.channel.name,
        "commission": share_json(account.channel.commission),
        "products": [shelf_json(s) for s in account.shelves],
        "earned": money_json(account.earned),
        "paid": money_json(account.paid),
        "owed": money_json(account.owed),
        "sell_through": share_json(account.sell_through),
        "assumed_sell_through": share_json(account.channel.sell_through),
        "last_visit": None if last is None else last.isoformat(),
    }


# ---------------------------------------------------------------- the working


def earned_expr(shelf: Shelf, account: Account) -> object:
    """``9 × Rp12.000 × (1 − 15%) + 4 × Rp14.000 × (1 − 15%)``: the pieces sold at each price."""
    groups: dict[Decimal, int] = {}
    for visit in shelf.visits:
        if visit.record.sold:
            groups[visit.price] = groups.get(visit.price, 0) + visit.record.sold
    channel = account.channel
    expr: object = None
    for price, sold in groups.items():
        term: object = msg(_("{count} × {price}"), count=sold, price=Cash(price))
        if channel.commission:
            term = msg(_("{amount} × (1 − {share})"), amount=term, share=Pct(channel.commission))
        if channel.fee:
            term = msg(_("{a} − {b}"), a=term, b=msg(_("{count} × {price}"), count=sold, price=Cash(channel.fee)))
        expr = term if expr is None else msg(_("{a} + {b}"), a=expr, b=term)
    return expr if expr is not None else Cash(ZERO)


def shelf_explain(shelf: Shelf, account: Account, settings: Settings) -> list[Msg]:
    lines = [
        msg(
            _(
                "{product}: on the shelf = {opening} before + {delivered} delivered − {sold} sold − {returned} "
                "returned = {on_shelf}"
            )
            if shelf.opening
            else _("{product}: on the shelf = {delivered} delivered − {sold} sold − {returned} returned = {on_shelf}"),
            product=shelf.name,
            opening=shelf.opening,
            delivered=shelf.delivered,
            sold=shelf.sold,
            returned=shelf.returned,
            on_shelf=shelf.closing,
        )
    ]
    computed = [v for v in shelf.visits if v.record.price is None and v.record.sold]
    if computed and shelf.cost is not None:
        sale = price_channel(shelf.cost, account.channel, settings.pricing)
        lines += [
            msg(
                _("{product}: the planner's shelf price at {shop}: target receipt {expr} = {target}"),
                product=shelf.name,
                shop=account.shop.name,
                expr=target_expr(sale, settings.pricing),
                target=Cash(sale.target),
            ),
            msg(_("{product}: {line}"), product=shelf.name, line=shelf_line(sale, settings.pricing.round_to)),
        ]
    lines.append(
        msg(
            _("{product}: earned = {expr} = {earned}"),
            product=shelf.name,
            expr=earned_expr(shelf, account),
            earned=Cash(shelf.earned),
        )
    )
    return lines


def account_explain(account: Account, settings: Settings) -> list[Msg]:
    lines = [line for shelf in account.shelves for line in shelf_explain(shelf, account, settings)]
    paid: object = None
    for payment in account.payments:
        amount = Cash(payment.record.paid)
        paid = amount if paid is None else msg(_("{a} + {b}"), a=paid, b=amount)
    lines.append(
        msg(
            _("paid = {parts} = {paid}"),
            parts=paid if paid is not None else Cash(ZERO),
            paid=Cash(account.paid),
        )
    )
    lines.append(
        msg(
            _("owed = earned {earned} − paid {paid} = {owed}"),
            earned=Cash(account.earned),
            paid=Cash(account.paid),
            owed=Cash(account.owed),
        )
    )
    if account.sell_through is not None:
        lines.append(
            msg(
                _("sell-through = {sold} sold / ({sold} sold + {returned} returned) = {share}"),
                sold=account.sold,
                returned=account.returned,
                share=Pct(account.sell_through),
            )
        )
    return lines


# ---------------------------------------------------------------- the settlement note


def settlement(account: Account, end: date, places: int, business: str) -> tuple[Msg, ...]:
    """The note to send the shop: each product's count and earnings, what was paid, what is owed."""
    head = (
        msg(_("{business} — consignment at {shop}, up to {day}"), business=business, shop=account.shop.name, day=end)
        if business
        else msg(_("Consignment at {shop}, up to {day}"), shop=account.shop.name, day=end)
    )
    lines = [head]
    for shelf in account.shelves:
        lines.append(
            msg(
                _("{product}: delivered {delivered}, sold {sold}, returned {returned}, on the shelf {on_shelf}"),
                product=shelf.name,
                delivered=shelf.delivered,
                sold=shelf.sold,
                returned=shelf.returned,
                on_shelf=shelf.closing,
            )
        )
        lines.append(
            msg(
                _("- {expr} = {earned}"),
                expr=earned_expr(shelf, account),
                earned=Cash(quantize(shelf.earned, places)),
            )
        )
    (earned, paid), owed, _rounding = shown_parts([account.earned, -account.paid], places)
    lines += [
        msg(_("Earned in all: {earned}"), earned=Cash(earned)),
        msg(_("Paid so far: {paid}"), paid=Cash(-paid)),
        msg(_("Still to be paid: {owed}"), owed=Cash(owed))
        if owed >= 0
        else msg(_("Paid too much: {over} (we owe you)"), over=Cash(-owed)),
    ]
    return tuple(lines)


# ---------------------------------------------------------------- the reports


def sell_through_warning(account: Account, settings: Settings, settings_file: str) -> InputError | None:
    """Measured and assumed sell-through more than 10 points apart, at the channel's setting."""
    measured, assumed = account.sell_through, account.channel.sell_through
    if measured is None or abs(measured - assumed) <= SELL_THROUGH_GAP:
        return None
    return warning(
        _("{shop}: sell-through {measured}, the settings say {assumed} for {channel}"),
        hint=_("set sell_through of [[channels]] {channel} to what the shops really sell, and price again"),
        shop=account.shop.name,
        measured=Pct(measured),
        assumed=Pct(assumed),
        channel=account.channel.name,
    ).at(settings_file, loc=channel_loc(account.channel.name, settings))


def channel_loc(name: str, settings: Settings) -> tuple[str | int, ...]:
    """Where a channel's sell_through is set (or would be) in planner.toml."""
    index = next((i for i, c in enumerate(settings.channels) if c.name == name), None)
    return ("channels",) if index is None else ("channels", index, "sell_through")


def subtitle(account: Account, end: date) -> Msg:
    own = account.shop.commission is not None
    return msg(
        _("channel {channel}, the shop's own commission {commission}; up to {day}, last visit {last}")
        if own
        else _("channel {channel}, commission {commission}; up to {day}, last visit {last}"),
        channel=account.channel.name,
        commission=Pct(account.channel.commission),
        day=end,
        last=account.last_visit or msg(_("none")),
    )


def titip_reports(
    accounts: Sequence[Account], end: date, places: int, settings: Settings, settings_file: str, defaults: bool
) -> list[Report]:
    """One report per shop; the first carries the JSON of them all."""
    data = {"to": end.isoformat(), "shops": [account_json(a) for a in accounts]}
    reports = []
    for n, account in enumerate(accounts):
        notes: list[InputError | Msg] = []
        found = sell_through_warning(account, settings, settings_file)
        notes += [found] if found is not None else []
        if defaults:
            notes.append(
                warning(
                    _("the shops are the examples of the built-in settings, not yours"),
                    hint=_("run planner init FOLDER and write your own [[shops]] in its planner.toml"),
                ).at(settings_file, loc=("shops",))
            )
        reports.append(
            Report(
                "titip",
                msg(_("Consignment at {shop}"), shop=account.shop.name),
                (shelf_table(account, places), account_table(account, places)),
                data if n == 0 else None,
                tuple(notes),
                subtitle(account, end),
                explain=tuple(account_explain(account, settings)),
                message=settlement(account, end, places, settings.business),
            )
        )
    if not reports:
        reports.append(
            Report(
                "titip",
                msg(_("Consignment")),
                (),
                data,
                (msg(_("no shop has a consignment visit up to {day}"), day=end),),
            )
        )
    return reports
