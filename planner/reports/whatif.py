"""The what-if report: one row per scenario (today first) with HPP, the price the
settings would now set, the margin at today's price and break-even units."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from planner.errors import InputError, warning
from planner.money import quantize
from planner.pricing import ChannelPrice
from planner.reports import Column, Report, Row, Table, money_json, share_json
from planner.reports.price import (
    cost_sold_expr,
    deducts,
    defaults_warning,
    labelled,
    receipt_expr,
    rule_warnings,
    shelf_line,
    target_expr,
)
from planner.scenarios import Outcome, Scenario, Step, uses
from planner.settings import Pricing
from planner.texts import Cash, Msg, Pct, _, msg, p_

COLUMNS = (
    Column(_("Scenario")),
    Column(_("HPP"), "money"),
    Column(_("New price"), "money"),
    Column(_("Margin"), "share"),
    Column(p_("whatif.col.units", "Break-even"), "int"),
)


# ---------------------------------------------------------------- labels


def step_msg(step: Step) -> Msg:
    """ "+20%", "−Rp 500" or "jadi Rp 15.000", formatted for the locale."""
    sign = "−" if step.value < 0 else "+"
    if step.kind == "percent":
        return msg(_("{sign}{share}"), sign=sign, share=Pct(abs(step.value)))
    if step.kind == "amount":
        return msg(_("{sign}{amount}"), sign=sign, amount=Cash(abs(step.value)))
    return msg(_("at {price}"), price=Cash(step.value))


def scenario_label(scenario: Scenario) -> Msg:
    """ "today", "gula-pasir +20%", or "gula-pasir +40%, telur-itik +10%"."""
    if not scenario.changes:
        return msg(_("Today"))
    parts = [msg(_("{item} {step}"), item=item, step=step_msg(step)) for item, step in scenario.changes]
    return msg(_("all together: {changes}"), changes=parts) if len(parts) > 1 else parts[0]


# ---------------------------------------------------------------- rows and working


def outcome_row(outcome: Outcome) -> Row:
    units = outcome.even.units
    return Row(
        (
            scenario_label(outcome.scenario),
            outcome.sheet.unit,
            outcome.listed.price,
            outcome.today.margin,
            msg(_("never")) if units is None else units,
        )
    )


def price_lines(
    prices: Mapping[str, tuple[Decimal, Decimal]], scenario: Scenario, packs: Mapping[str, object]
) -> list[Msg]:
    """Each changed pack price with its working."""
    lines = []
    for item, step in scenario.changes:
        before, after = prices[item]
        key = {
            "percent": _("{item}: {before} per {pack} × (1 {sign} {share}) = {after}"),
            "amount": _("{item}: {before} per {pack} {step} = {after}"),
        }.get(step.kind, _("{item}: {before} per {pack} → {after}"))
        lines.append(
            msg(
                key,
                item=item,
                pack=packs.get(item),
                before=Cash(before),
                step=step_msg(step),
                sign="−" if step.value < 0 else "+",
                share=Pct(abs(step.value)),
                after=Cash(after),
            )
        )
    return lines


def today_lines(sale: ChannelPrice) -> list[Msg]:
    """Profit and margin per piece sold at today's price with the new cost."""
    lines = []
    if deducts(sale.channel, sale.tax):
        lines.append(
            msg(
                _("you receive per piece sold = {expr} = {receipt}"),
                expr=receipt_expr(sale),
                receipt=Cash(sale.receipt),
            )
        )
    lines.append(
        msg(
            _("at today's price, profit per piece sold = {receipt} − {cost} = {profit}"),
            receipt=Cash(sale.receipt),
            cost=cost_sold_expr(sale),
            profit=Cash(sale.profit),
        )
    )
    if sale.margin is not None:
        lines.append(
            msg(
                _("margin = {profit} / {price} = {margin}"),
                profit=Cash(sale.profit),
                price=Cash(sale.price),
                margin=Pct(sale.margin),
            )
        )
    return lines


def outcome_explain(outcome: Outcome, base: Outcome, pricing: Pricing, packs: Mapping[str, object]) -> list[Msg]:
    """The new prices, HPP, the price the settings set, margin at today's price, break-even."""
    lines = price_lines(outcome.prices, outcome.scenario, packs)
    if outcome.scenario.changes:
        lines.append(
            msg(
                _("HPP per piece {before} → {after} ({change})"),
                before=Cash(base.sheet.unit),
                after=Cash(outcome.sheet.unit),
                change=_signed(outcome.sheet.unit - base.sheet.unit),
            )
        )
    else:
        lines.append(msg(_("HPP per piece today {cost}"), cost=Cash(outcome.sheet.unit)))
    listed = outcome.listed
    lines.append(
        msg(
            _("target receipt per piece sold = {expr} = {target}"),
            expr=target_expr(listed, pricing),
            target=Cash(listed.target),
        )
    )
    lines.append(shelf_line(listed, pricing.round_to))
    lines += today_lines(outcome.today)
    even = outcome.even
    if even.units is None:
        lines.append(
            msg(
                _("the contribution {contribution} is not above zero: no number of pieces sold covers the fixed costs"),
                contribution=Cash(even.contribution),
            )
        )
    else:
        lines.append(
            msg(
                _("break-even = {fixed} / {contribution} = {ratio} → {units} pieces sold a month (rounded up)"),
                fixed=Cash(even.fixed),
                contribution=Cash(even.contribution),
                ratio=quantize(even.fixed / even.contribution, 2),
                units=even.units,
            )
        )
    several = len(outcome.scenario.changes) > 1
    label = msg(_("all together")) if several else scenario_label(outcome.scenario)
    return labelled(label, outcome.sheet.size, lines)


def _signed(amount: Decimal) -> Msg:
    return msg(_("{sign}{amount}"), sign="−" if amount < 0 else "+", amount=Cash(abs(amount)))


# ---------------------------------------------------------------- JSON and notes


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    changes = [
        {
            "item": item,
            "change": step.text,
            "before": money_json(outcome.prices[item][0]),
            "after": money_json(outcome.prices[item][1]),
        }
        for item, step in outcome.scenario.changes
    ]
    return {
        "changes": changes,
        "unit_cost": money_json(outcome.sheet.unit),
        "price": money_json(outcome.listed.price),
        "margin": share_json(outcome.today.margin),
        "units": outcome.even.units,
    }


def size_json(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """One object per product (a pattern: per size): today's price and every scenario."""
    sheet, today = outcomes[0].sheet, outcomes[0].today
    return {
        "product": sheet.product,
        "file": sheet.file,
        "kind": sheet.kind,
        "size": sheet.size,
        "channel": today.channel.name,
        "today_price": money_json(today.price),
        "fixed_costs": money_json(outcomes[0].even.fixed),
        "scenarios": [outcome_json(o) for o in outcomes],
    }


def unused_notes(outcomes: Sequence[Outcome], items: Sequence[str]) -> list[InputError]:
    """An item the product does not use: its rows are today's."""
    sheet = outcomes[0].sheet
    return [
        warning(
            _("{product} does not use {item}: its rows are the same as today"),
            hint=_("change an item the recipe or pattern uses; planner cost lists them"),
            item=item,
            product=sheet.product,
        ).at(sheet.file, loc=("name",))
        for item in items
        if not uses(sheet, item)
    ]


# ---------------------------------------------------------------- the report


def whatif_table(per_size: Sequence[Sequence[Outcome]]) -> Table:
    """A recipe: one row per scenario; a pattern: a group of rows per size."""
    if per_size[0][0].sheet.size is None:
        return Table(COLUMNS, tuple(outcome_row(o) for o in per_size[0]), msg(_("If item prices change")))
    rows: list[Row] = []
    for outcomes in per_size:
        head = outcomes[0]
        label = msg(_("{size}: today's price {price}"), size=head.sheet.size, price=Cash(head.today.price))
        rows += [Row((label, *([None] * (len(COLUMNS) - 1))), "group"), *(outcome_row(o) for o in outcomes)]
    return Table(COLUMNS, tuple(rows), msg(_("If item prices change")))


def whatif_report(
    per_size: Sequence[Sequence[Outcome]],
    pricing: Pricing,
    items: Sequence[str],
    packs: Mapping[str, object],
    *,
    settings_file: str,
    defaults: bool = False,
) -> Report:
    """One product under every scenario (a pattern: every size, or the one asked for)."""
    first = per_size[0][0]
    explain: list[Msg] = []
    for outcomes in per_size:
        explain += [line for o in outcomes for line in outcome_explain(o, outcomes[0], pricing, packs)]
    notes: list[InputError | Msg] = [*first.sheet.notes, *unused_notes(per_size[0], items)]
    notes += rule_warnings(pricing, settings_file)
    if defaults:
        notes.append(defaults_warning(settings_file))
    subtitle = msg(
        _(
            "{file}; margin and break-even (pieces sold a month) at today's price, {price} on '{channel}', against "
            "fixed costs of {fixed} a month"
        )
        if first.sheet.size is None
        else _(
            "{file}; margin and break-even (pieces sold a month) at each size's price today on '{channel}', against "
            "fixed costs of {fixed} a month"
        ),
        file=first.sheet.file,
        price=Cash(first.today.price),
        channel=first.today.channel.name,
        fixed=Cash(first.even.fixed),
    )
    return Report(
        "whatif",
        first.sheet.product,
        (whatif_table(per_size),),
        [size_json(o) for o in per_size],
        tuple(notes),
        subtitle,
        explain=tuple(explain),
    )
