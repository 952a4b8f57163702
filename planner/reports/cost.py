"""The cost report: HPP breakdown per batch (garment) and per piece."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.costing import CostLine, CostSheet
from planner.errors import InputError
from planner.money import quantize, reconcile
from planner.reports import Chart, Column, Report, Row, Table, money_json, number_json, qty_json
from planner.texts import Cash, Msg, _, msg, p_
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


def shown_sheet(sheet: CostSheet, places: int) -> tuple[dict[str, list[Decimal]], dict[str, Decimal], Decimal]:
    """Line costs and group totals rounded so that lines add up to groups and groups to the batch."""
    groups = [g for g in sheet.groups]
    totals, batch = reconcile([sheet.total(g) for g in groups], places)
    shown_totals = dict(zip(groups, totals))
    shown_lines = {}
    for group in groups:
        costs = [line.cost for line in sheet.lines if line.group == group]
        shown_lines[group], _ = reconcile(costs, places, shown_totals[group])
    return shown_lines, shown_totals, batch


def _line_label(line: CostLine) -> object:
    return msg(_("Hands-on work")) if line.hands_on else line.label


def _line_qty(line: CostLine, sheet: CostSheet) -> Quantity | None:
    """The line's own quantity; labour shows its own minutes (a sub-recipe's are in its line)."""
    return line.qty


def sheet_table(sheet: CostSheet, places: int) -> Table:
    """Groups with their lines, the batch total and HPP per piece."""
    shown_lines, shown_totals, batch = shown_sheet(sheet, places)
    rows: list[Row] = []
    for group in sheet.groups:
        lines = [line for line in sheet.lines if line.group == group]
        if not lines:
            continue
        rows.append(Row((msg(GROUP_LABELS[group]), None, shown_totals[group]), "group"))
        for line, shown in zip(lines, shown_lines[group]):
            rows.append(Row((_line_label(line), _line_qty(line, sheet), shown)))
    per = _("Total per batch") if sheet.kind == "recipe" else _("Total per garment")
    rows.append(Row((msg(per), Quantity(sheet.sellable, "pcs"), batch), "total"))
    rows.append(Row((msg(_("HPP per piece")), None, quantize(sheet.unit, places)), "total"))
    title = (
        msg(_("Cost (HPP) — {product}, size {size}"), product=sheet.product, size=sheet.size)
        if sheet.size
        else msg(_("Cost (HPP) — {product}"), product=sheet.product)
    )
    return Table(LINE_COLUMNS, tuple(rows), title)


def sheet_json(sheet: CostSheet) -> dict[str, Any]:
    """One object of the cost JSON contract."""
    shown_lines, shown_totals, batch = shown_sheet(sheet, 2)
    lines = []
    for group in sheet.groups:
        group_lines = [line for line in sheet.lines if line.group == group]
        for line, shown in zip(group_lines, shown_lines[group]):
            lines.append(
                {
                    "group": group,
                    "item": line.item or line.label,
                    "label": line.label,
                    "qty": qty_json(_line_qty(line, sheet)),
                    "cost": money_json(shown),
                }
            )
    totals = {g: money_json(shown_totals[g]) for g in sheet.groups}
    totals.update(batch=money_json(batch), unit=money_json(sheet.unit))
    data: dict[str, Any] = {"product": sheet.product, "file": sheet.file, "kind": sheet.kind}
    if sheet.kind == "pattern":
        data["size"] = sheet.size
        data["estimate"] = sheet.estimate
    data.update(sellable=number_json(sheet.sellable, 4), lines=lines, totals=totals)
    return data


def sizes_table(sheets: list[CostSheet], places: int) -> Table:
    """A pattern without --size: one row per size, a column per cost group that is used."""
    groups = [g for g in sheets[0].groups if any(s.total(g) for s in sheets)]
    columns = (Column(_("Size")), *(Column(GROUP_LABELS[g], "money") for g in groups), Column(_("HPP"), "money"))
    rows = []
    for sheet in sheets:
        shown, total = reconcile([sheet.total(g) for g in groups], places)
        rows.append(Row((sheet.size, *shown, total)))
    return Table(columns, tuple(rows), msg(_("Cost (HPP) per garment — {product}"), product=sheets[0].product))


def _explain(sheet: CostSheet) -> list[Msg]:
    def label(line: CostLine) -> object:
        return msg(_("{size} {label}"), size=sheet.size, label=_line_label(line)) if sheet.size else _line_label(line)

    lines = [msg(_("{label}: {text}"), label=label(line), text=line.explain) for line in sheet.lines if line.explain]
    if sheet.kind == "recipe":  # a garment's HPP is its total: nothing to divide
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
        shown = [reconcile([s.total(g) for g in groups], places)[0] for s in sheets]
        series = tuple((msg(GROUP_LABELS[g]), tuple(row[i] for row in shown)) for i, g in enumerate(groups))
        return Chart(
            "stacked",
            msg(_("Cost of one garment by size")),
            tuple(msg(_("Size {size}"), size=s.size) for s in sheets),
            series,
        )
    sheet = sheets[0]
    _lines, totals, _batch = shown_sheet(sheet, places)
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
