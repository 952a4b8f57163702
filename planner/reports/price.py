"""The price report: the shelf price on every channel, what a piece sold leaves,
margin and markup side by side, and the working behind each figure."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from planner.costing import CostSheet
from planner.errors import InputError, warning
from planner.money import ONE, quantize
from planner.pricing import ChannelPrice, has_rule, markup_of, price_channel, price_channels
from planner.reports import Chart, Column, Report, Row, Table, money_json, share_json
from planner.settings import Channel, Pricing, Settings
from planner.texts import Cash, Msg, Pct, _, msg, p_

COLUMNS = (
    Column(_("Channel")),
    Column(p_("price.col.price", "Price"), "money"),
    Column(_("Receipt"), "money"),
    Column(_("Profit"), "money"),
    Column(_("Margin"), "share"),
    Column(_("Markup"), "share"),
)
# decision 8: next to the profit per piece sold, per piece delivered (shown when some pieces go unsold)
DELIVERED = Column(_("Profit, delivered"), "money")
FAR_ABOVE = Decimal("0.30")  # a channel's price this far above the direct price may put a shop off


# ---------------------------------------------------------------- formulas with the real inputs


def _paren(term: object, compound: bool) -> object:
    return msg(_("({inner})"), inner=term) if compound else term


def deducts(channel: Channel, tax: Decimal) -> bool:
    """Whether anything is taken off the shelf price before the producer gets it."""
    return bool(channel.commission or channel.fee or tax)


def cost_sold_expr(sale: ChannelPrice) -> object:
    """``C`` or ``C / s``."""
    if sale.channel.sell_through == ONE:
        return Cash(sale.unit_cost)
    return msg(_("{amount} / {share}"), amount=Cash(sale.unit_cost), share=Pct(sale.channel.sell_through))


def target_expr(sale: ChannelPrice, pricing: Pricing) -> Msg:
    """``C / s × (1 + m)`` or ``(C / s) / (1 − g)``."""
    cost = cost_sold_expr(sale)
    if pricing.margin is not None and pricing.markup is None:
        return msg(_("{cost} / (1 − {margin})"), cost=_paren(cost, isinstance(cost, Msg)), margin=Pct(pricing.margin))
    return msg(_("{cost} × (1 + {markup})"), cost=cost, markup=Pct(markup_of(pricing)))


def _kept(sale: ChannelPrice) -> object:
    """``1 − r − t``: the share of the shelf price left after commission and revenue tax."""
    term: object = msg(_("1 − {share}"), share=Pct(sale.channel.commission or sale.tax))
    if sale.channel.commission and sale.tax:
        term = msg(_("{a} − {b}"), a=term, b=Pct(sale.tax))
    return term


def shelf_expr(sale: ChannelPrice) -> object:
    """``(R + f) / (1 − r − t)``, leaving out the terms that are zero; on a channel whose tax base
    is the receipt, ``(R / (1 − t) + f) / (1 − r)``."""
    if sale.channel.tax_base == "receipt":
        return _shelf_on_receipt(sale)
    term: object = Cash(sale.target)
    compound = False
    if sale.channel.fee:
        term, compound = msg(_("{a} + {b}"), a=term, b=Cash(sale.channel.fee)), True
    if sale.channel.commission or sale.tax:
        term = msg(_("{amount} / ({share})"), amount=_paren(term, compound), share=_kept(sale))
    return term


def _shelf_on_receipt(sale: ChannelPrice) -> object:
    term: object = Cash(sale.target)
    compound = False
    if sale.tax:
        term, compound = msg(_("{amount} / (1 − {share})"), amount=term, share=Pct(sale.tax)), True
    if sale.channel.fee:
        term, compound = msg(_("{a} + {b}"), a=term, b=Cash(sale.channel.fee)), True
    if sale.channel.commission:
        term = msg(_("{amount} / (1 − {share})"), amount=_paren(term, compound), share=Pct(sale.channel.commission))
    return term


def receipt_expr(sale: ChannelPrice) -> object:
    """``P × (1 − r − t) − f``, leaving out the terms that are zero; on a channel whose tax base is
    the receipt, ``(P × (1 − r) − f) × (1 − t)``."""
    if sale.channel.tax_base == "receipt":
        return _receipt_on_receipt(sale)
    term: object = Cash(sale.price)
    if sale.channel.commission or sale.tax:
        term = msg(_("{amount} × ({share})"), amount=term, share=_kept(sale))
    if sale.channel.fee:
        term = msg(_("{a} − {b}"), a=term, b=Cash(sale.channel.fee))
    return term


def _receipt_on_receipt(sale: ChannelPrice) -> object:
    term: object = Cash(sale.price)
    compound = False
    if sale.channel.commission:
        term, compound = msg(_("{amount} × (1 − {share})"), amount=term, share=Pct(sale.channel.commission)), True
    if sale.channel.fee:
        term, compound = msg(_("{a} − {b}"), a=term, b=Cash(sale.channel.fee)), True
    if sale.tax:
        term = msg(_("{amount} × (1 − {share})"), amount=_paren(term, compound), share=Pct(sale.tax))
    return term


def shelf_line(sale: ChannelPrice, step: Decimal) -> Msg:
    """ "shelf price = (Rp 2.625 + Rp 1.000) / (1 − 20%) = Rp 4.531 → Rp 5.000"."""
    exact = Cash(sale.exact)
    lhs = msg(_("{expr} = {value}"), expr=shelf_expr(sale), value=exact) if deducts(sale.channel, sale.tax) else exact
    if sale.exact == sale.price:
        return msg(_("shelf price = {lhs}, already a multiple of {step}"), lhs=lhs, step=Cash(step))
    return msg(
        _("shelf price = {lhs} → {price} (rounded up to a multiple of {step})"),
        lhs=lhs,
        price=Cash(sale.price),
        step=Cash(step),
    )


def sale_explain(
    sale: ChannelPrice, pricing: Pricing, last: str = _("profit per piece sold = {receipt} − {cost} = {profit}")
) -> list[Msg]:
    """Target receipt, shelf price, receipt and profit (or contribution) per piece sold."""
    lines = []
    if sale.target is not None:
        lines.append(
            msg(
                _("target receipt per piece sold = {expr} = {target}"),
                expr=target_expr(sale, pricing),
                target=Cash(sale.target),
            )
        )
        lines.append(shelf_line(sale, pricing.round_to))
    else:
        lines.append(msg(_("shelf price {price}, as given with --price"), price=Cash(sale.price)))
    if deducts(sale.channel, sale.tax):
        lines.append(
            msg(
                _("you receive per piece sold = {expr} = {receipt}"),
                expr=receipt_expr(sale),
                receipt=Cash(sale.receipt),
            )
        )
    else:
        lines.append(
            msg(_("nothing is deducted: you receive the whole shelf price, {receipt}"), receipt=Cash(sale.receipt))
        )
    lines.append(msg(last, receipt=Cash(sale.receipt), cost=cost_sold_expr(sale), profit=Cash(sale.profit)))
    if sale.channel.sell_through < ONE:
        lines.append(
            msg(
                _("profit per piece delivered = {receipt} × {share} − {cost} = {profit}"),
                receipt=Cash(sale.receipt),
                share=Pct(sale.channel.sell_through),
                cost=Cash(sale.unit_cost),
                profit=Cash(sale.profit_delivered),
            )
        )
    return lines


def margin_line(sale: ChannelPrice) -> Msg | None:
    if sale.margin is None:
        return None
    if sale.markup is None:
        return msg(
            _("margin = {profit} / {price} = {margin}"),
            profit=Cash(sale.profit),
            price=Cash(sale.price),
            margin=Pct(sale.margin),
        )
    return msg(
        _("margin = {profit} / {price} = {margin}; markup = {margin} / (1 − {margin}) = {markup}"),
        profit=Cash(sale.profit),
        price=Cash(sale.price),
        margin=Pct(sale.margin),
        markup=Pct(sale.markup),
    )


def labelled(label: object, size: str | None, lines: Sequence[Msg]) -> list[Msg]:
    """Each line prefixed with its channel (and size), as "M titip: ..."."""
    if size:
        label = msg(_("size {size}, {label}"), size=size, label=label)
    return [msg(_("{label}: {text}"), label=label, text=line) for line in lines]


# ---------------------------------------------------------------- warnings


def no_profit_warning(sale: ChannelPrice) -> InputError | None:
    """Commission, fees and unsold pieces eat the whole margin: a piece sold brings no profit.

    Only for a price that covers HPP (a lower one is a loss before any channel takes its share).
    """
    takes = deducts(sale.channel, sale.tax) or sale.channel.sell_through < ONE
    if sale.profit > 0 or sale.price < sale.unit_cost or not takes:
        return None
    return warning(
        _(
            "on {channel}, commission, fees and unsold pieces eat the whole margin: a piece sold brings you {receipt} "
            "but costs you {cost}"
        ),
        hint=_("raise the price or the markup for this channel, or bargain for a lower commission"),
        channel=sale.channel.name,
        receipt=Cash(sale.receipt),
        cost=Cash(sale.cost_sold),
    )


def channel_warning(
    sale: ChannelPrice, settings: Settings, settings_file: str, direct: ChannelPrice | None = None
) -> list[InputError]:
    """``no_profit_warning`` and (against the ``direct`` price) ``far_above_warning``, placed at the
    channel's table in the settings."""
    found = [w for w in (no_profit_warning(sale), far_above_warning(sale, direct)) if w is not None]
    index = next((i for i, c in enumerate(settings.channels) if c.name == sale.channel.name), None)
    return [w.at(settings_file, loc=("channels",) if index is None else ("channels", index)) for w in found]


def far_above_warning(sale: ChannelPrice, direct: ChannelPrice | None) -> InputError | None:
    """Decision 8: a computed shelf price more than 30% above the direct price (a price given with
    --price is the producer's own choice)."""
    if direct is None or sale.target is None or sale.channel.name == direct.channel.name or not direct.price:
        return None
    if sale.price <= direct.price * (ONE + FAR_ABOVE):
        return None
    return warning(
        _(
            "on {channel} the shelf price {price} is {share} above the direct price {direct}: a shop or its "
            "customers may not accept it"
        ),
        hint=_("ask the shop what it sells such pieces for; a lower markup on this channel may sell more"),
        channel=sale.channel.name,
        price=Cash(sale.price),
        share=Pct(sale.price / direct.price - ONE),
        direct=Cash(direct.price),
    )


def rule_warnings(pricing: Pricing, settings_file: str) -> list[InputError]:
    """Neither markup nor margin: every price is set at cost."""
    if has_rule(pricing):
        return []
    return [
        warning(
            _("[pricing] has neither markup nor margin: prices only cover the cost, with no profit beyond rounding"),
            hint=_("add markup = 0.4 (or margin = 0.3) under [pricing]"),
        ).at(settings_file, loc=("pricing",))
    ]


def defaults_warning(settings_file: str) -> InputError:
    """Break-even on the built-in settings counts their example costs, told at their [fixed_costs]."""
    return warning(
        _("the fixed costs and equipment are the examples of the built-in settings, not yours"),
        hint=_("run planner init FOLDER and enter your own [fixed_costs] and [[equipment]] in its planner.toml"),
    ).at(settings_file, loc=("fixed_costs",))


# ---------------------------------------------------------------- the report


def channel_explain(sale: ChannelPrice, pricing: Pricing) -> list[Msg]:
    """The working of one channel's row, from target receipt to margin and markup."""
    return [x for x in (*sale_explain(sale, pricing), margin_line(sale)) if x is not None]


def columns_of(priced: list[tuple[CostSheet, list[ChannelPrice]]]) -> tuple[Column, ...]:
    unsold = any(s.channel.sell_through < ONE for _sheet, sales in priced for s in sales)
    return (*COLUMNS[:4], DELIVERED, *COLUMNS[4:]) if unsold else COLUMNS


def channel_rows(sales: list[ChannelPrice], delivered: bool) -> list[Row]:
    return [
        Row(
            (s.channel.name, s.price, s.receipt, s.profit, *((s.profit_delivered,) if delivered else ()))
            + (s.margin, s.markup)
        )
        for s in sales
    ]


def size_row(sheet: CostSheet, width: int, places: int) -> Row:
    """The group row heading one size of a pattern: "M: HPP 143.267" (money as in the columns)."""
    label = msg(_("{size}: HPP {cost}"), size=sheet.size, cost=quantize(sheet.unit, places))
    return Row((label, *([None] * (width - 1))), "group")


def price_table(priced: list[tuple[CostSheet, list[ChannelPrice]]], places: int) -> Table:
    """One row per channel; a pattern's sizes as groups of rows."""
    first = priced[0][0]
    columns = columns_of(priced)
    delivered = len(columns) > len(COLUMNS)
    if first.size is None:  # a recipe, or a pattern without sizes (an alteration)
        return Table(
            columns,
            tuple(channel_rows(priced[0][1], delivered)),
            msg(_("Prices — {product} (HPP {cost} per piece)"), product=first.product, cost=Cash(first.unit)),
        )
    rows: list[Row] = []
    for sheet, sales in priced:
        rows += [size_row(sheet, len(columns), places), *channel_rows(sales, delivered)]
    return Table(columns, tuple(rows), msg(_("Prices — {product}, per size"), product=first.product))


def price_json(sheet: CostSheet, sales: list[ChannelPrice]) -> dict[str, Any]:
    """One object of the price JSON contract (``size`` for patterns)."""
    data: dict[str, Any] = {"product": sheet.product}
    if sheet.kind == "pattern":
        data["size"] = sheet.size
    data["unit_cost"] = money_json(sheet.unit)
    data["channels"] = [
        {
            "name": s.channel.name,
            "price": money_json(s.price),
            "receipt": money_json(s.receipt),
            "profit": money_json(s.profit),
            "profit_delivered": money_json(s.profit_delivered),
            "margin": share_json(s.margin),
            "markup": share_json(s.markup),
        }
        for s in sales
    ]
    return data


def price_chart(sheet: CostSheet, sales: list[ChannelPrice], places: int) -> Chart:
    """Where each channel's shelf price goes: cost of a piece sold, the channel's cut, profit."""
    shown = [[s.cost_sold, s.price - s.receipt, s.profit] for s in sales]  # each label rounded on its own
    names = (_("HPP per piece sold"), _("Commission, fees and tax"), _("Profit"))
    series = tuple((msg(name), tuple(row[i] for row in shown)) for i, name in enumerate(names))
    title = (
        msg(_("Where the shelf price goes, per piece sold, size {size}"), size=sheet.size)
        if sheet.size
        else msg(_("Where the shelf price goes, per piece sold"))
    )
    return Chart("stacked", title, tuple(s.channel.name for s in sales), series)


def rule_msg(pricing: Pricing) -> Msg:
    """ "markup 40%", "margin 30%" or "no markup" (with the revenue tax, if any)."""
    tax = msg(_(", revenue tax {tax}"), tax=Pct(pricing.revenue_tax)) if pricing.revenue_tax else None
    if pricing.markup is not None:
        return msg(_("markup {markup} on cost{tax}"), markup=Pct(pricing.markup), tax=tax)
    if pricing.margin is not None:
        return msg(_("margin {margin} of the price{tax}"), margin=Pct(pricing.margin), tax=tax)
    return msg(_("no markup or margin set{tax}"), tax=tax)


def price_report(
    sheets: list[CostSheet],
    channels: Sequence[Channel],
    pricing: Pricing,
    places: int,
    *,
    settings: Settings,
    settings_file: str,
) -> Report:
    """One product (a recipe, or a pattern at one or every size) priced on ``channels``."""
    priced = [(sheet, price_channels(sheet.unit, channels, pricing)) for sheet in sheets]
    explain: list[Msg] = []
    notes: list[InputError | Msg] = [n for s in sheets for n in s.notes]
    for sheet, sales in priced:
        direct = price_channel(sheet.unit, settings.channels[0], pricing)
        for sale in sales:
            explain += labelled(sale.channel.name, sheet.size, channel_explain(sale, pricing))
            notes += channel_warning(sale, settings, settings_file, direct)
    notes += rule_warnings(pricing, settings_file)
    subtitle = msg(
        _("{rule}; shelf prices rounded up to a multiple of {step}; receipt and profit are per piece sold"),
        rule=rule_msg(pricing),
        step=Cash(pricing.round_to),
    )
    if any(s.channel.sell_through < ONE for s in priced[0][1]):
        subtitle = msg(
            _("{subtitle}; profit, delivered: per piece left at the shop, the unsold ones included"),
            subtitle=subtitle,
        )
    data = [price_json(sheet, sales) for sheet, sales in priced]
    charts = tuple(price_chart(sheet, sales, places) for sheet, sales in priced)
    return Report(
        "price",
        sheets[0].product,
        (price_table(priced, places),),
        data[0] if len(data) == 1 else data,
        tuple(notes),
        subtitle,
        charts,
        tuple(explain),
    )
