"""Markdown: headings, pipe tables, the working and the notes."""

from __future__ import annotations

from planner.i18n import Formatter
from planner.render import WORKING, cell_text, heading, note_text
from planner.render.inert import markdown
from planner.reports import Report, Table
from planner.texts import Msg


def _escape(text: str) -> str:
    return markdown(text)  # HTML escaped, one line, | escaped


def table_md(table: Table, fmt: Formatter) -> list[str]:
    lines = []
    if table.title is not None:
        lines += [f"### {_escape(fmt.text(table.title))}", ""]
    lines.append("| " + " | ".join(_escape(heading(c, fmt)) for c in table.columns) + " |")
    lines.append("|" + "|".join("---" if c.kind == "text" else "---:" for c in table.columns) + "|")
    for row in table.rows:
        cells = [_escape(cell_text(v, c, fmt)) for v, c in zip(row.cells, table.columns)]
        if row.style in ("group", "total") and cells and cells[0]:
            cells[0] = f"**{cells[0]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def render_markdown(reports: list[Report], fmt: Formatter, explain: bool = False) -> str:
    lines: list[str] = []
    for report in reports:
        lines += [f"## {_escape(fmt.value(report.title))}", ""]
        if report.subtitle is not None:
            lines += [f"_{_escape(fmt.value(report.subtitle))}_", ""]
        for table in report.tables:
            lines += table_md(table, fmt)
        if explain and report.explain:
            lines += ["**" + fmt.text(Msg(WORKING)) + "**", ""]
            lines += [f"- {_escape(fmt.text(m))}" for m in report.explain] + [""]
        for note in report.notes:
            lines += [f"> ⚠ {_escape(note_text(note, fmt))}", ""]
    return "\n".join(lines).rstrip() + "\n"
