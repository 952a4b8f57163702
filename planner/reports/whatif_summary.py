"""``whatif --summary``: one table for a whole class, one row per product (a pattern: one size).

Each row compares today with the last scenario, where every change is made (one step: that step;
several steps: the last; several items: all together at their last steps): HPP today and after,
the change in money and as a share of today's HPP, the margin at today's price after the change,
and break-even (pieces sold a month) today and after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.errors import InputError
from planner.money import quantize
from planner.reports import Column, Report, Row, Table, money_json, share_json
from planner.reports.price import labelled
from planner.reports.whatif import outcome_explain, outcome_json, scenario_label
from planner.scenarios import Change, Outcome, uses
from planner.settings import Pricing
from planner.texts import Msg, _, msg, p_

COLUMNS = (
    Column(_("Product")),
    Column(_("HPP today"), "money"),
    Column(_("HPP after"), "money"),
    Column(p_("whatif.summary", "Change"), "money"),
    Column(p_("whatif.summary", "Change %"), "share"),
    Column(_("Margin after"), "share"),
    Column(_("Break-even today"), "int"),
    Column(_("Break-even after"), "int"),
)


@dataclass(frozen=True)
class Summed:
    """One product (a pattern: one size) under every scenario, with the rule its price is set by."""

    outcomes: Sequence[Outcome]  # today first, the last with every change made
    pricing: Pricing
    packs: Mapping[str, object]  # the changed items' packs in the product's catalog (for the working)


def change_share(before: Decimal, after: Decimal) -> Decimal | None:
    """The change as a share of today's HPP (none when today's is nothing)."""
    return (after - before) / before if before else None


def product_label(outcome: Outcome) -> object:
    sheet = outcome.sheet
    return msg(_("{product} ({size})"), product=sheet.product, size=sheet.size) if sheet.size else sheet.product


def _units(units: int | None) -> object:
    return msg(_("never")) if units is None else units


def summary_row(summed: Summed, places: int) -> Row:
    """The change is the difference of the two HPPs as shown, so the row adds up as a reader checks it."""
    today, after = summed.outcomes[0], summed.outcomes[-1]
    before, now = today.sheet.unit, after.sheet.unit
    return Row(
        (
            product_label(today),
            before,
            now,
            quantize(now, places) - quantize(before, places),
            change_share(before, now),
            after.today.margin,
            _units(today.even.units),
            _units(after.even.units),
        )
    )


def summary_json(summed: Summed) -> dict[str, Any]:
    today, after = summed.outcomes[0], summed.outcomes[-1]
    before, now = today.sheet.unit, after.sheet.unit
    return {
        "product": today.sheet.product,
        "file": today.sheet.file,
        "kind": today.sheet.kind,
        "size": today.sheet.size,
        "channel": today.today.channel.name,
        "today_price": money_json(today.today.price),
        "changes": outcome_json(after)["changes"],
        "unit_cost_today": money_json(before),
        "unit_cost_after": money_json(now),
        "change": money_json(now - before),
        "change_share": share_json(change_share(before, now)),
        "margin_today": share_json(today.today.margin),
        "margin_after": share_json(after.today.margin),
        "units_today": today.even.units,
        "units_after": after.even.units,
    }


def unused_note(rows: Sequence[Summed], item: str) -> Msg | None:
    """The products that do not use a changed item (their rows stay as today), in one note."""
    names = [product_label(r.outcomes[0]) for r in rows if not uses(r.outcomes[0].sheet, item)]
    if not names:
        return None
    return msg(_("not using {item}, so unchanged: {products}"), item=item, products=names)


def summary_explain(summed: Summed) -> list[Msg]:
    today, after = summed.outcomes[0], summed.outcomes[-1]
    lines = outcome_explain(today, today, summed.pricing, summed.packs)
    if after is not today:
        lines += outcome_explain(after, today, summed.pricing, summed.packs)
    return labelled(product_label(today), None, lines)


def summary_report(
    rows: Sequence[Summed], changes: Sequence[Change], places: int, notes: Sequence[InputError | Msg] = ()
) -> Report:
    """Every product in one table; ``notes`` are the warnings of the settings behind them."""
    last = rows[0].outcomes[-1]
    found: list[InputError | Msg] = [n for r in rows for n in r.outcomes[0].sheet.notes]
    found += [note for c in changes if (note := unused_note(rows, c.item)) is not None]
    subtitle = msg(
        _(
            "after: {changes}; margin and break-even (pieces sold a month) at today's price on each product's "
            "first channel"
        ),
        changes=scenario_label(last.scenario),
    )
    return Report(
        "whatif",
        msg(_("If item prices change: every product")),
        (Table(COLUMNS, tuple(summary_row(r, places) for r in rows)),),
        [summary_json(r) for r in rows],
        (*found, *notes),
        subtitle,
        explain=tuple(line for r in rows for line in summary_explain(r)),
    )
