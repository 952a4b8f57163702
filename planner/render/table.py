"""Terminal tables with rich: the only renderer that imports rich."""

from __future__ import annotations

import io
from decimal import Decimal

from rich.console import Console
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from planner.errors import Msg
from planner.i18n import Formatter
from planner.render import cell_text, heading, note_text
from planner.reports import Report, Table

BAR_WIDTH = 16


def _bar(value: Decimal, top: Decimal, fmt: Formatter) -> Text:
    n = 0 if not top else int(abs(value) / top * BAR_WIDTH + Decimal("0.5"))
    label = fmt.number(value, 0)
    if value < 0:
        return Text("░" * n + " " + label, style="red")
    return Text("█" * n + " " + label, style="green")


def rich_table(table: Table, fmt: Formatter) -> RichTable:
    out = RichTable(title=fmt.text(table.title) if table.title else None, title_justify="left",
                    title_style="bold", show_edge=False, pad_edge=False, header_style="bold")
    for column in table.columns:
        out.add_column(heading(column, fmt), justify="left" if column.kind in ("text", "bar") else "right",
                       overflow="fold")
    tops = {i: max((abs(r.cells[i]) for r in table.rows if r.cells[i] is not None), default=Decimal(0))
            for i, c in enumerate(table.columns) if c.kind == "bar"}
    first_total = True
    for row in table.rows:
        cells: list = []
        for i, (value, column) in enumerate(zip(row.cells, table.columns)):
            if column.kind == "bar" and value is not None:
                cells.append(_bar(value, tops[i], fmt))
            else:
                text = cell_text(value, column, fmt)
                if row.style == "" and i == 0 and any(r.style == "group" for r in table.rows):
                    cells.append(Padding(text, (0, 0, 0, 2)))  # a long name wraps indented too
                else:
                    cells.append(text)
        if row.style == "total" and first_total:
            out.rows and out.rows[-1].__setattr__("end_section", True)
            first_total = False
        out.add_row(*cells, style="bold" if row.style in ("group", "total") else None)
    return out


def render_table(reports: list[Report], fmt: Formatter, *, explain: bool = False,
                 width: int | None = None, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="auto" if color else None, highlight=False, emoji=False)
    for n, report in enumerate(reports):
        if n:
            console.print()
        console.print(Text(fmt.value(report.title), style="bold underline"))
        if report.subtitle is not None:
            console.print(Text(fmt.value(report.subtitle), style="dim"))
        for table in report.tables:
            console.print()
            console.print(rich_table(table, fmt))
        if explain and report.explain:
            console.print()
            console.print(Text(fmt.text(Msg("heading.working")), style="bold"))
            console.print(_hanging("  -", [fmt.text(line) for line in report.explain]))
        if report.notes:
            console.print()
            console.print(_hanging("!", [note_text(note, fmt) for note in report.notes], "yellow"))
    # rich pads titles and wrapped lines to the table's width: drop the trailing blanks
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _hanging(marker: str, lines: list[str], style: str | None = None) -> RichTable:
    """Lines after a marker; a long line wraps under its own text, not under the marker."""
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row(marker, Text(line), style=style)
    return grid
