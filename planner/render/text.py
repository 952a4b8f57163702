"""Plain text to paste into a chat (WhatsApp): the report's message, or its tables as short lines.

A report with a ``message`` (a quote) prints just that, in the chosen language,
with no table rules and no warnings meant for the producer. Any other report
prints its title and one line per table row: ``first cell: the other cells``.
"""

from __future__ import annotations

from planner.i18n import Formatter
from planner.render import cell_text, note_text
from planner.reports import Report, Row, Table
from planner.texts import Msg


def render_text(reports: list[Report], fmt: Formatter) -> str:
    blocks = []
    for report in reports:
        lines = [fmt.text(m) for m in report.message] if report.message else plain_lines(report, fmt)
        blocks.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(blocks) + "\n"


def plain_lines(report: Report, fmt: Formatter) -> list[str]:
    lines = [fmt.value(report.title)]
    for table in report.tables:
        lines.append("")
        if table.title is not None:
            lines.append(fmt.text(table.title))
        lines += [row_line(row, table, fmt) for row in table.rows]
    if report.notes:
        lines.append("")
        lines += ["! " + note_text(note, fmt) for note in report.notes]
    return lines


def row_line(row: Row, table: Table, fmt: Formatter) -> str:
    """``Label: Heading value, Heading value`` with money shown with its symbol."""
    first, *rest = zip(row.cells, table.columns)
    parts = []
    for value, column in rest:
        if value is None:
            continue
        text = fmt.money(value) if column.kind == "money" else cell_text(value, column, fmt)
        parts.append(text if column.kind == "text" else f"{fmt.text(Msg(column.key, dict(column.values)))} {text}")
    return f"{cell_text(first[0], first[1], fmt)}: {', '.join(parts)}"
