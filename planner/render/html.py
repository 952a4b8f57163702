"""A printable HTML page: Jinja2 template, print CSS for A4, inline SVG charts.

The page is self-contained (inline CSS and SVG, no scripts, no network) and
every text is escaped by Jinja2's autoescape. This module turns Reports into
plain view values (strings, numbers); the template only lays them out.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from planner.errors import InputError
from planner.i18n import Formatter
from planner.render import WORKING, cell_text, heading, note_text
from planner.reports import Report, Row, Table
from planner.texts import Msg, _, msg

TEMPLATES = Path(__file__).parent / "templates"
NUMERIC = ("money", "qty", "share", "number", "int", "bar")
SHORT = 12  # rows: a table this short is never split across printed pages


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


def css_string(text: str) -> Markup:
    """A CSS string literal, safe inside <style> (quotes, backslashes, '<' escaped)."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,-_·/()" else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(f'"{escaped}"')


def _bar_tops(table: Table) -> dict[int, Decimal]:
    return {
        i: max((abs(r.cells[i]) for r in table.rows if r.cells[i] is not None), default=Decimal(0))
        for i, column in enumerate(table.columns)
        if column.kind == "bar"
    }


def _cell(value: Any, index: int, table: Table, tops: dict[int, Decimal], fmt: Formatter) -> dict[str, Any]:
    column = table.columns[index]
    view = {"text": cell_text(value, column, fmt), "kind": column.kind, "numeric": column.kind in NUMERIC, "bar": None}
    if column.kind == "bar" and value is not None and not isinstance(value, (Msg, str)):
        top = tops[index]
        share = abs(Decimal(value)) / top if top else Decimal(0)
        view["bar"] = {"width": f"{share * 100:.1f}", "negative": value < 0}
    return view


def _row(row: Row, table: Table, tops: dict[int, Decimal], fmt: Formatter, grouped: bool) -> dict[str, Any]:
    cells = [_cell(v, i, table, tops, fmt) for i, v in enumerate(row.cells)]
    style = row.style or ("line" if grouped else "")
    return {"style": style, "cells": cells}


def table_view(table: Table, fmt: Formatter) -> dict[str, Any]:
    tops = _bar_tops(table)
    grouped = any(r.style == "group" for r in table.rows)
    columns = [{"heading": heading(c, fmt), "kind": c.kind, "numeric": c.kind in NUMERIC} for c in table.columns]
    return {
        "title": fmt.text(table.title) if table.title is not None else "",
        "columns": columns,
        "rows": [_row(r, table, tops, fmt, grouped) for r in table.rows],
        "short": len(table.rows) <= SHORT,
        "pairs": len(columns) <= 2 and len(table.rows) <= SHORT,  # a label and a value: half the width does
    }


def blocks(tables: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The tables in page order; two short ones of a label and a value in a row share it, side by side."""
    shown: list[list[dict[str, Any]]] = []
    for table in tables:
        if table["pairs"] and shown and len(shown[-1]) == 1 and shown[-1][0]["pairs"]:
            shown[-1].append(table)
        else:
            shown.append([table])
    return shown


def _note(note: InputError | Msg, fmt: Formatter) -> dict[str, Any]:
    warning = isinstance(note, InputError) and note.severity == "warning"
    return {"text": note_text(note, fmt), "warning": warning}


def report_view(report: Report, fmt: Formatter, explain: bool, first_chart: int) -> dict[str, Any]:
    from planner.render.charts import draw_chart

    charts = [
        {"title": fmt.text(c.title), "svg": Markup(draw_chart(c, fmt, first_chart + n))}
        for n, c in enumerate(report.charts)
    ]
    return {
        "command": report.command,
        "business": report.business,
        "title": fmt.value(report.title),
        "subtitle": fmt.value(report.subtitle) if report.subtitle is not None else "",
        "blocks": blocks([table_view(t, fmt) for t in report.tables]),
        "charts": charts,
        "notes": [_note(n, fmt) for n in report.notes],
        "explain": [fmt.text(m) for m in report.explain] if explain else [],
    }


def page_date() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible pages, as in reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 12:  # odd values: today (never a crash)
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return date.today()


def render_html(
    reports: list[Report], fmt: Formatter, *, explain: bool = False, business: str = "", today: date | None = None
) -> str:
    """The whole page for one run: heading, then each report with its charts."""
    views, charts = [], 1
    for report in reports:
        views.append(report_view(report, fmt, explain, charts))
        charts += len(report.charts)
    shown_date = fmt.date(today or page_date())
    first = views[0]["title"] if views else ""
    own = sorted({report.business for report in reports if report.business})
    if own:  # each report names its own business (a class's sheets): the print footer only one they all share
        business = own[0] if len(own) == 1 else ""
    labels = {"notes": fmt.text(msg(_("Notes"))), "page": fmt.text(msg(_("Page"))), "of": fmt.text(msg(_("of")))}
    labels["working"] = fmt.text(msg(WORKING))
    customer = bool(reports) and all(r.audience == "customer" for r in reports)
    labels["made"] = (
        ""
        if customer
        else fmt.text(
            msg(
                _(
                    "Made with planner on {date}. Figures are worked out from the prices in your catalog: check them "
                    "before you quote."
                ),
                date=shown_date,
            )
        )
    )
    return (
        environment()
        .get_template("page.html.j2")
        .render(
            lang=fmt.lang,
            business=business,
            date=shown_date,
            reports=views,
            own_heads=bool(own),
            labels=labels,
            page_title=" — ".join(t for t in (business, first) if t),
            customer=customer,
        )
    )
