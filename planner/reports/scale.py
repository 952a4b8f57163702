"""The scale report: what to weigh for a recipe made K times as big, in its own units."""

from __future__ import annotations

from decimal import Decimal

from planner.errors import Cash, Msg, msg
from planner.reports import Column, Report, Row, Table, money_json, number_json, qty_json
from planner.reports.plan import friendly
from planner.scaling import ScaledLine, Scaling
from planner.units import Quantity

COLUMNS = (Column("col.item"), Column("scale.col-original", "qty"), Column("scale.col-scaled", "qty"))
GROUPS = ("ingredients", "overhead", "time")


def label(line: ScaledLine) -> object:
    if line.group != "time":
        return line.label
    return msg("scale.minutes") if line.item == "minutes" else msg("scale.equipment", name=line.item)


def cell(value: object) -> object:
    """A quantity to about three figures, or a plain amount of money."""
    return friendly(value) if isinstance(value, Quantity) else msg("plan.money", amount=Cash(value))


def explain(line: ScaledLine, factor: Decimal) -> Msg:
    qty = line.qty if isinstance(line.qty, Quantity) else Cash(line.qty)
    scaled = line.scaled if isinstance(line.scaled, Quantity) else Cash(line.scaled)
    return msg("scale.explain-line", label=label(line), qty=qty, factor=factor, scaled=scaled)


def scale_table(scaling: Scaling) -> Table:
    rows: list[Row] = []
    for group in GROUPS:
        lines = [line for line in scaling.lines if line.group == group]
        if not lines:
            continue
        rows.append(Row((msg(f"scale.group-{group}"), None, None), "group"))
        rows += [Row((label(line), cell(line.qty), cell(line.scaled)))
                 for line in lines]
    rows.append(Row((msg("scale.pieces"), Quantity(scaling.pieces, "pcs"), friendly(Quantity(scaling.scaled_pieces, "pcs"))),
                    "total"))
    rows.append(Row((msg("scale.sellable"), Quantity(scaling.sellable, "pcs"),
                     friendly(Quantity(scaling.scaled_sellable, "pcs"))), "total"))
    return Table(COLUMNS, tuple(rows), msg("scale.title-table", factor=scaling.factor))


def line_json(line: ScaledLine) -> dict:
    if isinstance(line.qty, Quantity):
        return {"group": line.group, "item": line.item, "qty": qty_json(line.qty), "scaled": qty_json(line.scaled)}
    return {"group": line.group, "item": line.item, "cost": money_json(line.qty), "scaled": money_json(line.scaled)}


def scale_json(scaling: Scaling) -> dict:
    return {"product": scaling.product, "file": scaling.file, "factor": number_json(scaling.factor, 6),
            "pieces": number_json(scaling.pieces, 4), "scaled_pieces": number_json(scaling.scaled_pieces, 4),
            "sellable": number_json(scaling.sellable, 4), "scaled_sellable": number_json(scaling.scaled_sellable, 4),
            "lines": [line_json(line) for line in scaling.lines]}


def scale_report(scaling: Scaling, *, asked: int | None = None) -> Report:
    """``asked``: the pieces asked for with --pieces (the factor's working is explained)."""
    why = msg("scale.explain-pieces", pieces=asked, sellable=scaling.sellable, factor=scaling.factor) \
        if asked is not None else msg("scale.explain-factor", factor=scaling.factor)
    explain_lines = (why,) + tuple(explain(line, scaling.factor) for line in scaling.lines)
    subtitle = msg("scale.subtitle", file=scaling.file, pieces=scaling.scaled_pieces,
                   sellable=scaling.scaled_sellable)
    return Report("scale", msg("scale.title", product=scaling.product, factor=scaling.factor),
                  (scale_table(scaling),), scale_json(scaling), subtitle=subtitle, explain=explain_lines)
