"""The cost report: HPP breakdown per batch (garment) and per piece."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from planner.costing import CostLine, CostSheet
from planner.errors import InputError
from planner.money import quantize, shown_parts
from planner.reports import ROUNDING, Chart, Column, Report, Row, Table, money_json, number_json, qty_json, rounding_row
from planner.texts import Cash, Msg, Pct, _, msg, p_
from planner.units import Quantity

GROUP_LABELS = {
    "ingredients": _("Ingredients"),
    "fabric": _("Fabric"),
    "materials": _("Materials"),
    "labor": _("Labour"),
    "overhead": _("Overhead"),
    "services": _("Services"),
    "packaging": _("Packaging"),
}
LINE_COLUMNS = (Column(p_("col.item", "Item")), Column(p_("col.qty", "Qty"), "qty"), Column(_("Cost"), "money"))


@dataclass(frozen=True)
class Shown:
    """A cost sheet as shown: every line and total rounded on its own, and the roundings that make
    each group's lines add up to the group, and the groups to the batch."""

    lines: dict[str, list[Decimal]]
    totals: dict[str, Decimal]
    batch: Decimal
    group_rounding: dict[str, Decimal]
    rounding: Decimal


def shown_sheet(sheet: CostSheet, places: int) -> Shown:
    groups = list(sheet.groups)
    totals, batch, rounding = shown_parts([sheet.total(g) for g in groups], places)
    lines, group_rounding = {}, {}
    for group in groups:
        costs = [line.cost for line in sheet.lines if line.group == group]
        lines[group], _total, group_rounding[group] = shown_parts(costs, places)
    return Shown(lines, dict(zip(groups, totals)), batch, group_rounding, rounding)


def _line_label(line: CostLine) -> object:
    return msg(_("Hands-on work")) if line.hands_on else line.label


def _line_qty(line: CostLine, sheet: CostSheet) -> Quantity | None:
    """The line's own quantity; labour shows its own minutes (a sub-recipe's are in its line)."""
    return line.qty


def sheet_table(sheet: CostSheet, places: int) -> Table:
    """Groups with their lines (and a rounding line where their shown figures need one), the batch
    total and HPP per piece."""
    shown = shown_sheet(sheet, places)
    rows: list[Row] = []
    for group in sheet.groups:
        lines = [line for line in sheet.lines if line.group == group]
        if not lines:
            continue
        rows.append(Row((msg(GROUP_LABELS[group]), None, shown.totals[group]), "group"))
        for line, cost in zip(lines, shown.lines[group]):
            rows.append(Row((_line_label(line), _line_qty(line, sheet), cost)))
        rows += rounding_row(shown.group_rounding[group], 3, 2)
    rows += [replace(row, style="group") for row in rounding_row(shown.rounding, 3, 2)]
    per = _("Total per batch") if sheet.kind == "recipe" else _("Total per garment")
    rows.append(Row((msg(per), Quantity(sheet.sellable, "pcs"), shown.batch), "total"))
    rows.append(Row((msg(_("HPP per piece")), None, quantize(sheet.unit, places)), "total"))
    title = (
        msg(_("Cost (HPP) — {product}, size {size}"), product=sheet.product, size=sheet.size)
        if sheet.size
        else msg(_("Cost (HPP) — {product}"), product=sheet.product)
    )
    return Table(LINE_COLUMNS, tuple(rows), title)


def sheet_json(sheet: CostSheet) -> dict[str, Any]:
    """One object of the cost JSON contract: each figure to two places on its own."""
    shown = shown_sheet(sheet, 2)
    lines = []
    for group in sheet.groups:
        group_lines = [line for line in sheet.lines if line.group == group]
        for line, cost in zip(group_lines, shown.lines[group]):
            lines.append(
                {
                    "group": group,
                    "item": line.item or line.label,
                    "label": line.label,
                    "qty": qty_json(_line_qty(line, sheet)),
                    "cost": money_json(cost),
                }
            )
    totals = {g: money_json(shown.totals[g]) for g in sheet.groups}
    totals.update(batch=money_json(shown.batch), unit=money_json(sheet.unit))
    data: dict[str, Any] = {"product": sheet.product, "file": sheet.file, "kind": sheet.kind}
    if sheet.kind == "pattern":
        data["size"] = sheet.size
        data["estimate"] = sheet.estimate
    data.update(sellable=number_json(sheet.sellable, 4), lines=lines, totals=totals)
    return data


def sizes_table(sheets: list[CostSheet], places: int) -> Table:
    """A pattern without --size: one row per size, a column per cost group that is used."""
    groups = [g for g in sheets[0].groups if any(s.total(g) for s in sheets)]
    figures = [shown_parts([sheet.total(g) for g in groups], places) for sheet in sheets]
    rounded = any(rounding for _parts, _total, rounding in figures)
    columns = (
        Column(_("Size")),
        *(Column(GROUP_LABELS[g], "money") for g in groups),
        *([Column(ROUNDING, "money")] if rounded else []),
        Column(_("HPP"), "money"),
    )
    rows = [
        Row((sheet.size, *parts, *([rounding or None] if rounded else []), total))
        for sheet, (parts, total, rounding) in zip(sheets, figures)
    ]
    return Table(columns, tuple(rows), msg(_("Cost (HPP) per garment — {product}"), product=sheets[0].product))


def _explain(sheet: CostSheet) -> list[Msg]:
    def label(line: CostLine) -> object:
        if sheet.size is None:
            return _line_label(line)
        return msg(_("size {size}, {label}"), size=sheet.size, label=_line_label(line))

    lines = [msg(_("{label}: {text}"), label=label(line), text=line.explain) for line in sheet.lines if line.explain]
    if sheet.kind == "recipe":  # a garment's HPP is its total: nothing to divide
        if sheet.sellable != sheet.pieces:  # school arithmetic (decision 14): 16 × (1 − 5%) = 15,2
            fit = msg(
                _("{pieces} × (1 − {loss}) = {sellable}"),
                pieces=sheet.pieces,
                loss=Pct(1 - sheet.sellable / sheet.pieces),
                sellable=sheet.sellable,
            )
            lines.append(msg(_("{label}: {text}"), label=msg(_("pieces fit to sell")), text=fit))
        unit = msg(
            _("{batch} / {sellable} fit to sell = {unit}"),
            batch=Cash(sheet.batch),
            sellable=sheet.sellable,
            unit=Cash(sheet.unit),
        )
        lines.append(msg(_("{label}: {text}"), label=msg(_("HPP per piece")), text=unit))
    return lines


def cost_report(sheets: list[CostSheet], places: int) -> Report:
    """One product: a recipe, a pattern at one size, or a pattern at every size."""
    first = sheets[0]
    notes: list[InputError] = []
    for note in (n for s in sheets for n in s.notes):
        if note not in notes:  # a width warning once, not once per size
            notes.append(note)
    if len(sheets) == 1:
        tables: tuple[Table, ...] = (sheet_table(first, places),)
        data: object = sheet_json(first)
    else:
        tables = (sizes_table(sheets, places),)
        data = [sheet_json(s) for s in sheets]
    subtitle = _subtitle(first)
    explain = tuple(m for s in sheets for m in _explain(s))
    return Report("cost", first.product, tables, data, tuple(notes), subtitle, (cost_chart(sheets, places),), explain)


def cost_chart(sheets: list[CostSheet], places: int) -> Chart:
    """Where the money goes: a pie of the cost groups, or stacked bars per size (shown figures)."""
    groups = [g for g in sheets[0].groups if any(s.total(g) for s in sheets)]
    if len(sheets) > 1:
        shown = [shown_parts([s.total(g) for g in groups], places)[0] for s in sheets]
        series = tuple((msg(GROUP_LABELS[g]), tuple(row[i] for row in shown)) for i, g in enumerate(groups))
        return Chart(
            "stacked",
            msg(_("Cost of one garment by size")),
            tuple(msg(_("Size {size}"), size=s.size) for s in sheets),
            series,
        )
    sheet = sheets[0]
    totals = shown_sheet(sheet, places).totals
    title = (
        msg(_("Where the money goes: cost of one batch"))
        if sheet.kind == "recipe"
        else msg(_("Where the money goes: cost of one garment, size {size}"), size=sheet.size)
        if sheet.size
        else msg(_("Where the money goes: cost of one garment"))
    )
    return Chart(
        "pie", title, tuple(msg(GROUP_LABELS[g]) for g in groups), ((msg(_("Cost")), tuple(totals[g] for g in groups)),)
    )


def _subtitle(sheet: CostSheet) -> Msg:
    if sheet.kind == "recipe":
        return msg(
            _("{file}: a batch of {pieces}, {sellable} fit to sell"),
            pieces=sheet.pieces,
            sellable=sheet.sellable,
            file=sheet.file,
        )
    return msg(_("{file}: cost of one garment"), file=sheet.file)
