"""One Report, many formats: table (rich), json, csv, md (and html)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from planner.errors import InputError
from planner.i18n import Formatter
from planner.reports import Column, Figure, Report
from planner.texts import Cash, Day, Msg, Pct, _
from planner.units import Quantity

FORMATS = ("table", "json", "csv", "md", "html", "text")
WORKING = _("How each figure was worked out")  # the heading of --explain


def cell_text(value: Any, column: Column, fmt: Formatter) -> str:
    """A cell as people read it, in the run's language and locale."""
    if value is None:
        return ""
    if isinstance(value, Figure):
        return fmt.text(value.text)
    if column.kind == "text" or isinstance(value, (Msg, str)):
        return fmt.value(value)
    if column.kind == "money":
        return fmt.money(value, symbol=False)
    if column.kind == "share":
        return fmt.share(value)
    if column.kind in ("int", "bar"):
        return fmt.number(value, 0)
    return fmt.value(value)


def plain_cell(value: Any, column: Column, fmt: Formatter) -> str:
    """A cell for machines (CSV): a number as a plain decimal ("." decimal mark, no thousands
    separator, no currency sign), money in the currency's places, a quantity without its unit
    (the unit has a column of its own), words as words."""
    from planner.money import quantize
    from planner.units import format_amount

    if isinstance(value, Figure):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, Cash) or (column.kind == "money" and isinstance(value, (Decimal, int))):
        amount = quantize(Decimal(value.value if isinstance(value, Cash) else value), fmt.places)
        return str(amount if amount else abs(amount))
    if isinstance(value, Pct) or (column.kind == "share" and isinstance(value, (Decimal, int))):
        return format_amount(quantize(Decimal(value.value if isinstance(value, Pct) else value), 4))
    if isinstance(value, Quantity):
        return format_amount(value.amount)
    if isinstance(value, Day):
        return str(value.value.isoformat())  # a date for machines: 2026-12-16
    if isinstance(value, (bool, Msg, str)) or not isinstance(value, (Decimal, int)):
        return fmt.value(value)
    return str(value) if isinstance(value, int) else format_amount(value)


def heading(column: Column, fmt: Formatter) -> str:
    text = fmt.text(Msg(column.key, dict(column.values)))
    if column.kind == "money":
        return f"{text} ({fmt.currency_symbol()})"
    return text


def problem_text(err: InputError, fmt: Formatter) -> str:
    """``FILE:LINE: message (hint: ...)`` in the chosen language."""
    where = ""
    if err.path:
        where = f"{err.path}:{err.line}: " if err.line else f"{err.path}: "
    level = fmt.text(Msg(_("warning"))) + ": " if err.severity == "warning" else ""
    return where + level + with_hint(err.message, err.hint, fmt)


def with_hint(message: Msg, hint: Msg | None, fmt: Formatter) -> str:
    """``message (hint: ...)``, the way every problem is told."""
    text = fmt.text(message)
    if hint is None:
        return text
    return text + " (" + fmt.text(Msg(_("hint"))) + ": " + fmt.text(hint) + ")"


def note_text(note: InputError | Msg, fmt: Formatter) -> str:
    if isinstance(note, InputError):
        return problem_text(note, fmt)
    return fmt.text(note)


def render(
    reports: list[Report],
    fmt_name: str,
    fmt: Formatter,
    *,
    explain: bool = False,
    width: int | None = None,
    color: bool = False,
    business: str = "",
    today: date | None = None,
) -> str:
    """Render reports to text in the named format; ``today`` dates the HTML page (--today)."""
    if fmt_name == "json":
        from planner.render.json import render_json

        return render_json(reports)
    if fmt_name == "csv":
        from planner.render.csv import render_csv

        return render_csv(reports, fmt)
    if fmt_name == "text":
        from planner.render.text import render_text

        return render_text(reports, fmt)
    if fmt_name == "md":
        from planner.render.markdown import render_markdown

        return render_markdown(reports, fmt, explain=explain)
    if fmt_name == "html":
        from planner.render.html import render_html

        return render_html(reports, fmt, explain=explain, business=business, today=today)
    from planner.render.table import render_table

    return render_table(reports, fmt, explain=explain, width=width, color=color)
