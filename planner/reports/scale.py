"""The scale report: what to weigh for a recipe made K times as big, in its own units."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.reports import Column, Report, Row, Table, money_json, number_json, qty_json
from planner.reports.plan import friendly
from planner.scaling import ScaledLine, Scaling
from planner.texts import Cash, Key, Msg, _, msg, p_
from planner.units import Quantity

COLUMNS = (Column(p_("col.item", "Item")), Column(_("Recipe"), "qty"), Column(_("Scaled"), "qty"))
GROUPS: dict[str, Key] = {
    "ingredients": _("Ingredients"),
    "overhead": _("Overhead"),
    "time": p_("scale.group-time", "Time"),
}


def label(line: ScaledLine) -> object:
    if line.group != "time":
        return line.label
    return msg(_("Hands-on work")) if line.hands_on else msg(_("{name}"), name=line.item)


def cell(value: object) -> object:
    """A quantity to about three figures, or a plain amount of money."""
    return friendly(value) if isinstance(value, Quantity) else msg(_("{amount}"), amount=Cash(value))


def explain(line: ScaledLine, factor: Decimal) -> Msg:
    qty = line.qty if isinstance(line.qty, Quantity) else Cash(line.qty)
    scaled = line.scaled if isinstance(line.scaled, Quantity) else Cash(line.scaled)
    return msg(_("{label}: {qty} × {factor} = {scaled}"), label=label(line), qty=qty, factor=factor, scaled=scaled)


def scale_table(scaling: Scaling) -> Table:
    rows: list[Row] = []
    for group, group_label in GROUPS.items():
        lines = [line for line in scaling.lines if line.group == group]
        if not lines:
            continue
        rows.append(Row((msg(group_label), None, None), "group"))
        rows += [Row((label(line), cell(line.qty), cell(line.scaled))) for line in lines]
    rows.append(
        Row(
            (
                msg(_("Pieces per batch")),
                Quantity(scaling.pieces, "pcs"),
                friendly(Quantity(scaling.scaled_pieces, "pcs")),
            ),
            "total",
        )
    )
    rows.append(
        Row(
            (
                msg(_("Fit to sell")),
                Quantity(scaling.sellable, "pcs"),
                friendly(Quantity(scaling.scaled_sellable, "pcs")),
            ),
            "total",
        )
    )
    return Table(COLUMNS, tuple(rows), msg(_("What to weigh (× {factor})"), factor=scaling.factor))


def line_json(line: ScaledLine) -> dict[str, Any]:
    if isinstance(line.qty, Quantity):
        return {"group": line.group, "item": line.item, "qty": qty_json(line.qty), "scaled": qty_json(line.scaled)}
    return {"group": line.group, "item": line.item, "cost": money_json(line.qty), "scaled": money_json(line.scaled)}


def scale_json(scaling: Scaling) -> dict[str, Any]:
    return {
        "product": scaling.product,
        "file": scaling.file,
        "factor": number_json(scaling.factor, 6),
        "pieces": number_json(scaling.pieces, 4),
        "scaled_pieces": number_json(scaling.scaled_pieces, 4),
        "sellable": number_json(scaling.sellable, 4),
        "scaled_sellable": number_json(scaling.scaled_sellable, 4),
        "lines": [line_json(line) for line in scaling.lines],
    }


def scale_report(scaling: Scaling, *, asked: int | None = None) -> Report:
    """``asked``: the pieces asked for with --pieces (the factor's working is explained)."""
    why = (
        msg(
            _("factor = {pieces} pieces wanted / {sellable} fit to sell per batch = {factor}"),
            pieces=asked,
            sellable=scaling.sellable,
            factor=scaling.factor,
        )
        if asked is not None
        else msg(_("factor = {factor}, as given"), factor=scaling.factor)
    )
    explain_lines = (why,) + tuple(explain(line, scaling.factor) for line in scaling.lines)
    subtitle = msg(
        _("{file} with new amounts: one batch makes {pieces} pieces, {sellable} fit to sell"),
        file=scaling.file,
        pieces=scaling.scaled_pieces,
        sellable=scaling.scaled_sellable,
    )
    return Report(
        "scale",
        msg(_("{product} × {factor}"), product=scaling.product, factor=scaling.factor),
        (scale_table(scaling),),
        scale_json(scaling),
        subtitle=subtitle,
        explain=explain_lines,
    )
