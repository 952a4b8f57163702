"""The compare report: one row per product (a pattern: per size) with HPP, the direct
price, margin, profit per batch and profit per hour of work drawn as a bar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.comparing import Comparison
from planner.errors import InputError, warning
from planner.money import quantize
from planner.pricing import price_channel
from planner.reports import Column, Report, Row, Table, money_json, share_json
from planner.reports.price import FAR_ABOVE, far_above_warning, labelled, rule_msg, rule_warnings, sale_explain
from planner.settings import Channel, Pricing, Settings
from planner.texts import Cash, Msg, Pct, _, msg, n_, p_

SORT_NAMES = {
    "per-hour": _("profit per hour of work"),
    "profit": _("profit per batch"),
    "margin": _("margin"),
    "price": _("price"),
    "hpp": _("HPP"),
    "name": _("name"),
}
COLUMNS = (
    Column(_("Product")),
    Column(_("HPP"), "money"),
    Column(p_("compare.col.price", "Price"), "money"),
    Column(_("Margin"), "share"),
    Column(_("Profit per batch"), "money"),
    Column(_("Profit per hour"), "bar"),
)


def product_label(row: Comparison) -> object:
    """The product's name; a pattern's size after it: "Kemeja sekolah (M)"."""
    sheet = row.sheet
    return msg(_("{product} ({size})"), product=sheet.product, size=sheet.size) if sheet.size else sheet.product


def table_row(row: Comparison, places: int) -> Row:
    hour = row.profit_hour
    return Row(
        (
            product_label(row),
            row.sheet.unit,
            row.sale.price,
            row.sale.margin,
            row.profit_batch,
            None if hour is None else quantize(hour, places),
        )
    )


def row_explain(row: Comparison, pricing: Pricing) -> list[Msg]:
    """Price, profit per piece sold, margin, profit per batch and per hour, with their inputs."""
    sale = row.sale
    lines = [
        line
        for line in sale_explain(sale, row.pricing or pricing)
        if line.key != _("nothing is deducted: you receive the whole shelf price, {receipt}")
    ]
    if sale.margin is not None:
        lines.append(
            msg(
                _("margin = {profit} / {price} = {margin}"),
                profit=Cash(sale.profit),
                price=Cash(sale.price),
                margin=Pct(sale.margin),
            )
        )
    if row.sheet.kind == "pattern" and row.sold == 1:
        lines.append(msg(_("a batch is one garment: profit per batch = {batch}"), batch=Cash(row.profit_batch)))
    else:
        lines.append(
            msg(
                _("profit per batch = {profit} a piece sold × {sold} sold from a batch = {batch}"),
                profit=Cash(sale.profit),
                sold=quantize(row.sold, 2),
                batch=Cash(row.profit_batch),
            )
        )
    if row.hours is None:
        lines.append(msg(_("no hands-on minutes given, so no profit per hour")))
    else:
        lines.append(
            msg(
                _("profit per hour = {batch} / ({minutes} min of work / 60) = {hour}"),
                batch=Cash(row.profit_batch),
                minutes=quantize(row.sheet.minutes, 1),
                hour=Cash(row.profit_hour),
            )
        )
    return labelled(product_label(row), None, lines)


def row_json(row: Comparison) -> dict[str, Any]:
    """One object of the compare JSON contract."""
    sheet = row.sheet
    return {
        "product": sheet.product,
        "file": sheet.file,
        "kind": sheet.kind,
        "size": sheet.size,
        "unit_cost": money_json(sheet.unit),
        "price": money_json(row.sale.price),
        "margin": share_json(row.sale.margin),
        "profit_batch": money_json(row.profit_batch),
        "profit_hour": money_json(row.profit_hour),
    }


def compare_notes(rows: Sequence[Comparison]) -> list[InputError | Msg]:
    """Each product's own warnings (the run tells each once), and the products with no profit per hour."""
    notes: list[InputError | Msg] = [note for row in rows for note in row.sheet.notes]
    for row in rows:
        if row.hours is None:
            where = ("batch",) if row.sheet.kind == "recipe" else ("operations",)
            notes.append(
                warning(
                    _("no profit per hour for {products}: no hands-on minutes"),
                    hint=_("give a recipe minutes = ... in [batch], a pattern its [[operations]] with minutes"),
                    products=[product_label(row)],
                ).at(row.sheet.file, loc=where)
            )
    return notes


FAR_ABOVE_MANY = n_(
    "on {channel} the shelf price of {count} product is more than {limit} above its direct price, e.g. {product}: "
    "{price} against {direct}; a shop or its customers may not accept it",
    "on {channel} the shelf prices of {count} products are more than {limit} above their direct price, e.g. {product}: "
    "{price} against {direct}; a shop or its customers may not accept them",
)


def far_above_note(rows: Sequence[Comparison], direct: Channel, pricing: Pricing) -> InputError | None:
    """Decision 8, once for the whole table: how many prices on a channel are far above the direct ones."""
    far = [
        (row, sale)
        for row in rows
        if far_above_warning(row.sale, sale := price_channel(row.sheet.unit, direct, pricing)) is not None
    ]
    if not far:
        return None
    row, sale = far[0]
    return warning(
        FAR_ABOVE_MANY,
        hint=_("ask the shop what it sells such pieces for; a lower markup on this channel may sell more"),
        channel=row.sale.channel.name,
        count=len(far),
        limit=Pct(FAR_ABOVE),
        product=product_label(row),
        price=Cash(row.sale.price),
        direct=Cash(sale.price),
    )


def compare_report(
    rows: Sequence[Comparison],
    pricing: Pricing,
    places: int,
    *,
    sort: str,
    settings: Settings,
    settings_file: str,
) -> Report:
    """All products in one table, in the order given (already sorted)."""
    channel = rows[0].sale.channel
    table = Table(COLUMNS, tuple(table_row(row, places) for row in rows))
    explain = [line for row in rows for line in row_explain(row, pricing)]
    notes = compare_notes(rows) + rule_warnings(pricing, settings_file)
    alike = all(row.sale.channel.name == channel.name and row.pricing in (None, pricing) for row in rows)
    far = far_above_note(rows, settings.channels[0], pricing) if alike else None
    if far is not None:
        index = next((i for i, c in enumerate(settings.channels) if c.name == channel.name), None)
        notes.append(far.at(settings_file, loc=("channels",) if index is None else ("channels", index)))
    subtitle = (
        msg(
            _("prices on the '{channel}' channel ({rule}, rounded up to a multiple of {step}); sorted by {sort}"),
            channel=channel.name,
            rule=rule_msg(pricing),
            step=Cash(pricing.round_to),
            sort=msg(SORT_NAMES[sort]),
        )
        if alike
        else msg(
            _("each product priced on the first channel of its own folder's settings, by their rule; sorted by {sort}"),
            sort=msg(SORT_NAMES[sort]),
        )
    )
    if channel.sell_through < 1:  # decision 8: a batch left at the shop, its unsold pieces included
        subtitle = msg(
            _("{subtitle}; profit per batch is for a batch delivered, of which {share} sells"),
            subtitle=subtitle,
            share=Pct(channel.sell_through),
        )
    return Report(
        "compare",
        msg(_("Products compared"), count=len(rows)),
        (table,),
        [row_json(row) for row in rows],
        tuple(notes),
        subtitle,
        explain=tuple(explain),
    )
