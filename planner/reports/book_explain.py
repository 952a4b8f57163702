"""The working of the period report (``--explain``): every figure with the numbers it comes from,
in the order the report shows them (docs/book.md has the formulas)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planner.book.period import ORDERS, PeriodReport, ProductPeriod, Sales
from planner.money import quantize, shown_parts
from planner.texts import Cash, Msg, Pct, _, msg

if TYPE_CHECKING:
    from planner.reports.book import BookInputs


def _sum(terms: Iterable[Any]) -> Any:
    """``a + b + c`` (nothing: 0)."""
    found: Any = None
    for term in terms:
        found = term if found is None else msg(_("{a} + {b}"), a=found, b=term)
    return found if found is not None else 0


def _result(total: Decimal, parts: Iterable[Decimal], places: int) -> Any:
    """``total``, and the rounding when the parts as shown do not add up to it as shown (each figure is
    rounded on its own, as in the tables' rounding rows)."""
    _shown, _whole, rounding = shown_parts(list(parts), places, total)
    if not rounding:
        return Cash(total)
    return msg(
        _("{total} (with {rounding} of rounding: each figure is rounded on its own)"),
        total=Cash(total),
        rounding=Cash(rounding),
    )


def _channel_name(name: str) -> Any:
    return msg(_("orders")) if name == ORDERS else name


def sales_expr(sales: Sales) -> Any:
    """``208 × Rp10.000`` or ``180 × Rp12.000 × (1 − 15%)``, a term for each price."""
    if sales.kind == "order":
        return msg(_("{channel} {amount}"), channel=_channel_name(sales.channel), amount=Cash(sales.earned))
    terms = []
    for (price, commission, fee), pieces in sales.groups.items():
        term: Any = msg(_("{count} × {price}"), count=pieces, price=Cash(price))
        if commission:
            term = msg(_("{amount} × (1 − {share})"), amount=term, share=Pct(commission))
        if fee:
            term = msg(_("{a} − {b}"), a=term, b=msg(_("{count} × {price}"), count=pieces, price=Cash(fee)))
        terms.append(term)
    return msg(_("{channel}: {terms}"), channel=sales.channel, terms=_sum(terms))


def exact_unit(p: ProductPeriod, places: int) -> list[Msg]:
    """When the HPP or the labour a piece is not a whole amount, what it is exactly: the figures
    multiply the exact amount and round once, so "420 × Rp7.096" may show Rp81 less."""
    unit, labour = p.cost.unit, p.cost.labour
    if quantize(unit, places) == unit and quantize(labour, places) == labour:
        return []
    return [
        msg(
            _(
                "{product}: HPP a piece {unit} is exactly {exact}, of it labour {labour} exactly {labour_exact}; "
                "the figures below multiply the exact amounts and are rounded once"
            ),
            product=p.cost.name,
            unit=Cash(unit),
            exact=quantize(unit, places + 2),
            labour=Cash(labour),
            labour_exact=quantize(labour, places + 2),
        )
    ]


def product_explain(p: ProductPeriod, places: int) -> list[Msg]:
    name, unit = p.cost.name, Cash(p.cost.unit)
    sold = _sum(
        msg(_("{channel} {count}"), channel=_channel_name(s.channel), count=s.pieces)
        for s in p.sales.values()
        if s.pieces
    )
    lines = [
        msg(
            _("{product}: made {made}, sold {sold} = {total}, returned {returned}"),
            product=name,
            made=p.made,
            sold=sold,
            total=p.sold,
            returned=p.returned,
        ),
        *exact_unit(p, places),
        msg(
            _("{product}: on shop shelves {opening} at the start and {closing} at the end, a change of {change}"),
            product=name,
            opening=p.opening_shelf,
            closing=p.closing_shelf,
            change=p.shelf_change,
        ),
        msg(
            _(
                "{product}: unsold = {made} made − {sold} sold − {change} change on shelves = {unsold}; at HPP "
                "{unit} a piece = {value}"
            ),
            product=name,
            made=p.made,
            sold=p.sold,
            change=p.shelf_change,
            unsold=p.unsold,
            unit=unit,
            value=Cash(p.unsold_value),
        ),
        msg(
            _("{product}: earned = {expr} = {earned}"),
            product=name,
            expr=_sum(sales_expr(s) for s in p.sales.values() if s.pieces),
            earned=Cash(p.earned),
        ),
        msg(
            _("{product}: HPP of the pieces made = {made} × {unit} = {hpp}"),
            product=name,
            made=p.made,
            unit=unit,
            hpp=Cash(p.hpp_made),
        ),
        msg(
            _("{product}: gross profit = {earned} − ({made} made − {change} change on shelves) × {unit} = {gross}"),
            product=name,
            earned=Cash(p.earned),
            made=p.made,
            change=p.shelf_change,
            unit=unit,
            gross=Cash(p.gross),
        ),
        msg(
            _("{product}: your pay = {made} × {labour} of labour a piece = {pay}"),
            product=name,
            made=p.made,
            labour=Cash(p.cost.labour),
            pay=Cash(p.labour),
        ),
    ]
    return lines


def business_explain(r: PeriodReport, places: int) -> list[Msg]:
    lines = [
        msg(
            _("gross profit = {parts} = {gross}"),
            parts=_sum(Cash(p.gross) for p in r.products),
            gross=_result(r.gross, (p.gross for p in r.products), places),
        )
    ]
    if r.spent:
        lines.append(
            msg(
                _("spent = {parts} = {spent}"),
                parts=_sum(msg(_("{what} {amount}"), what=what, amount=Cash(a)) for what, a in r.spent),
                spent=Cash(r.spent_total),
            )
        )
    for d in r.depreciation:
        eq = d.equipment
        lines.append(
            msg(
                _(
                    "depreciation of {name} = ({price} − {salvage} salvage) / {months} months / 30 × {days} days = "
                    "{amount}"
                ),
                name=eq.name,
                price=Cash(eq.price),
                salvage=Cash(eq.salvage),
                months=eq.life_months,
                days=d.days,
                amount=Cash(d.amount),
            )
        )
    lines += [
        msg(
            _("net profit = gross profit {gross} − spent {spent} − depreciation {depreciation} = {net}"),
            gross=Cash(r.gross),
            spent=Cash(r.spent_total),
            depreciation=Cash(r.depreciation_total),
            net=_result(r.net, (r.gross, -r.spent_total, -r.depreciation_total), places),
        ),
        msg(
            _("your pay = {parts} = {labour}"),
            parts=_sum(Cash(p.labour) for p in r.products),
            labour=_result(r.labour, (p.labour for p in r.products), places),
        ),
        msg(
            _("take-home = your pay {labour} + net profit {net} = {home}"),
            labour=Cash(r.labour),
            net=Cash(r.net),
            home=_result(r.take_home, (r.labour, r.net), places),
        ),
    ]
    return lines


def checks_explain(inputs: BookInputs) -> list[Msg]:
    lines = []
    shops = {s.name: s for s in inputs.report.shops}
    for p in inputs.report.products:
        for s in p.sales.values():
            if s.kind != "order" and s.pieces:
                lines.append(
                    msg(
                        _("average price of {product} at {channel} = {charged} / {count} pieces = {price}"),
                        product=p.cost.name,
                        channel=s.channel,
                        charged=Cash(s.charged),
                        count=s.pieces,
                        price=Cash(s.price),
                    )
                )
    for gap in inputs.gaps:
        if gap.what == "sell_through" and gap.channel in shops:
            shop = shops[gap.channel]
            lines.append(
                msg(
                    _(
                        "sell-through at {shop} = {sold} sold / ({sold} sold + {returned} returned) = {share}; the "
                        "settings say {assumed}"
                    ),
                    shop=shop.name,
                    sold=shop.sold,
                    returned=shop.returned,
                    share=Pct(gap.real),
                    assumed=Pct(gap.planned),
                )
            )
    for use in inputs.uses:
        lines.append(
            msg(
                _("{item}: used by the pieces made = {packs} packs of {pack} × {price} = {value}; bought {paid}"),
                item=use.label,
                packs=Decimal(round(use.used, 2)),
                pack=use.pack,
                price=Cash(use.price),
                value=Cash(use.used_value),
                paid=Cash(use.paid),
            )
        )
    return lines


def cash_explain(inputs: BookInputs, places: int) -> list[Msg]:
    cash = inputs.cash
    return [
        msg(
            _("cash at the end = {opening} at the start + {money_in} in − {money_out} out = {closing}"),
            opening=Cash(cash.opening),
            money_in=Cash(cash.money_in),
            money_out=Cash(cash.money_out),
            closing=_result(cash.closing, (cash.opening, cash.money_in, -cash.money_out), places),
        )
    ]


def book_explain(inputs: BookInputs, places: int) -> list[Msg]:
    report = inputs.report
    lines = [line for p in report.products for line in product_explain(p, places)]
    return lines + business_explain(report, places) + cash_explain(inputs, places) + checks_explain(inputs)
