"""The compare report: one row per product (a pattern: per size) with HPP, the direct
price, margin, profit per batch and profit per hour of work drawn as a bar."""

from __future__ import annotations

from typing import Sequence

from planner.comparing import Comparison
from planner.errors import Cash, InputError, Msg, Pct, msg, warning
from planner.models import Pricing
from planner.money import quantize
from planner.reports import Column, Report, Row, Table, money_json, share_json
from planner.reports.price import labelled, rule_msg, rule_warnings, sale_explain

COLUMNS = (Column("col.product"), Column("col.unit-cost", "money"), Column("compare.col.price", "money"),
           Column("price.col.margin", "share"), Column("compare.col.profit-batch", "money"),
           Column("compare.col.profit-hour", "bar"))


def product_label(row: Comparison) -> object:
    """The product's name; a pattern's size after it: "Kemeja sekolah (M)"."""
    sheet = row.sheet
    return msg("compare.label.sized", product=sheet.product, size=sheet.size) if sheet.size else sheet.product


def table_row(row: Comparison, places: int) -> Row:
    hour = row.profit_hour
    return Row((product_label(row), row.sheet.unit, row.sale.price, row.sale.margin, row.profit_batch,
                None if hour is None else quantize(hour, places)))


def row_explain(row: Comparison, pricing: Pricing) -> list[Msg]:
    """Price, profit per piece sold, margin, profit per batch and per hour, with their inputs."""
    sale = row.sale
    lines = [line for line in sale_explain(sale, pricing) if line.key != "price.explain.receipt-whole"]
    if sale.margin is not None:
        lines.append(msg("price.explain.margin-only", profit=Cash(sale.profit), price=Cash(sale.price),
                         margin=Pct(sale.margin)))
    if row.sheet.kind == "pattern" and row.sold == 1:
        lines.append(msg("compare.explain.garment", batch=Cash(row.profit_batch)))
    else:
        lines.append(msg("compare.explain.batch", profit=Cash(sale.profit), sold=quantize(row.sold, 2),
                         batch=Cash(row.profit_batch)))
    if row.hours is None:
        lines.append(msg("compare.explain.no-hours"))
    else:
        lines.append(msg("compare.explain.hour", batch=Cash(row.profit_batch), minutes=quantize(row.sheet.minutes, 1),
                         hour=Cash(row.profit_hour)))
    return labelled(product_label(row), None, lines)


def row_json(row: Comparison) -> dict:
    """One object of the compare JSON contract."""
    sheet = row.sheet
    return {"product": sheet.product, "file": sheet.file, "kind": sheet.kind, "size": sheet.size,
            "unit_cost": money_json(sheet.unit), "price": money_json(row.sale.price),
            "margin": share_json(row.sale.margin), "profit_batch": money_json(row.profit_batch),
            "profit_hour": money_json(row.profit_hour)}


def compare_notes(rows: Sequence[Comparison]) -> list[InputError | Msg]:
    """Each product's own warnings once, and which products have no profit per hour."""
    notes: list[InputError | Msg] = []
    by_file: dict[str, list[InputError]] = {}
    for row in rows:
        seen = by_file.setdefault(row.sheet.file, [])
        for note in row.sheet.notes:
            if note not in seen:  # a pattern's width warning once, not once per size
                seen.append(note)
                notes.append(note)
    no_hours = [row for row in rows if row.hours is None]
    if no_hours:
        names = [product_label(row) for row in no_hours]
        notes.append(warning("compare-no-hours", hint="compare-no-hours-hint", products=names))
    return notes


def compare_report(rows: Sequence[Comparison], pricing: Pricing, places: int, *, sort: str,
                   settings_file: str) -> Report:
    """All products in one table, in the order given (already sorted)."""
    channel = rows[0].sale.channel.name
    table = Table(COLUMNS, tuple(table_row(row, places) for row in rows))
    explain = [line for row in rows for line in row_explain(row, pricing)]
    notes = compare_notes(rows) + rule_warnings(pricing, settings_file)
    subtitle = msg("compare.subtitle", channel=channel, rule=rule_msg(pricing), step=Cash(pricing.round_to),
                   sort=msg(f"compare.sort.{sort}"))
    return Report("compare", msg("compare.title", count=len(rows)), (table,), [row_json(row) for row in rows],
                  tuple(notes), subtitle, explain=tuple(explain))
