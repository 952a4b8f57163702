"""Terminal tables with rich: the only renderer that imports rich."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from planner.i18n import Formatter
from planner.render import WORKING, cell_text, heading, note_text
from planner.render.plain import plain_lines
from planner.reports import Report, Table
from planner.texts import Msg

BAR_WIDTH = 16
MIN_BAR = 4
TEXT_SHARE = 16  # when fitting bars, count at most this much of a text column (it wraps)
HEADING_SHARE = 12  # ... and of a long heading (it wraps)


def _bar(value: Decimal, top: Decimal, fmt: Formatter, length: int = BAR_WIDTH) -> Text:
    n = 0 if not top else int(abs(value) / top * length + Decimal("0.5"))
    label = fmt.number(value, 0)
    if value < 0:
        return Text("░" * n + " " + label, style="red")
    return Text("█" * n + " " + label, style="green")


def bar_length(table: Table, fmt: Formatter, width: int | None) -> int:
    """BAR_WIDTH, or shorter when the other columns leave less room on a ``width``-wide screen."""
    if width is None or not any(c.kind == "bar" for c in table.columns):
        return BAR_WIDTH
    used, labels = 3 * (len(table.columns) - 1), 0
    for i, column in enumerate(table.columns):
        longest = max((len(cell_text(r.cells[i], column, fmt)) for r in table.rows), default=0)
        if column.kind == "bar":
            labels = max(labels, longest)
            continue
        if column.kind == "text":
            used += min(longest, TEXT_SHARE)
        else:  # rich wraps only the widest headings
            used += max(longest, min(len(heading(column, fmt)), HEADING_SHARE))
    return max(MIN_BAR, min(BAR_WIDTH, width - used - labels - 1))


def rich_table(table: Table, fmt: Formatter, width: int | None = None) -> RichTable:
    length = bar_length(table, fmt, width)
    out = RichTable(
        title=fmt.text(table.title) if table.title else None,
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    for column in table.columns:
        out.add_column(
            heading(column, fmt),
            justify="left" if column.kind in ("text", "bar") else "right",
            overflow="fold",
            no_wrap=column.kind == "bar",
        )  # a bar never breaks: others wrap
    tops = {
        i: max((abs(r.cells[i]) for r in table.rows if r.cells[i] is not None), default=Decimal(0))
        for i, c in enumerate(table.columns)
        if c.kind == "bar"
    }
    first_total = True
    grouped = any(r.style == "group" for r in table.rows)
    for row in table.rows:
        cells: list[Any] = []
        for i, (value, column) in enumerate(zip(row.cells, table.columns)):
            if column.kind == "bar" and value is not None:
                cells.append(_bar(value, tops[i], fmt, length))
            else:
                text = cell_text(value, column, fmt)
                if row.style == "" and i == 0 and grouped:
                    cells.append(Padding(text, (0, 0, 0, 2)))  # a long name wraps indented too
                else:
                    cells.append(text)
        if row.style == "total" and first_total:
            if out.rows:
                out.rows[-1].end_section = True
            first_total = False
        out.add_row(*cells, style="bold" if row.style in ("group", "total") else None)
    return out


def render_table(
    reports: list[Report], fmt: Formatter, *, explain: bool = False, width: int | None = None, color: bool = False
) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )  # "[est]" or "[/]" in a name is text, not a style
    for n, report in enumerate(reports):
        if n:
            console.print()
        console.print(Text(fmt.value(report.title), style="bold underline"))
        if report.subtitle is not None:
            console.print(Text(fmt.value(report.subtitle), style="dim"))
        for table in report.tables:
            console.print()
            drawn = rich_table(table, fmt, console.width)
            lines = None if color else plain_lines(drawn, console)  # big tables: rich is slow
            if lines is None:
                console.print(drawn)
            else:
                buffer.write("".join(line + "\n" for line in lines))
        if explain and report.explain:
            console.print()
            console.print(Text(fmt.text(Msg(WORKING)), style="bold"))
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
