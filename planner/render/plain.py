"""Big tables without colour, drawn directly: exactly what rich would draw.

rich lays out every cell (measure, wrap, pad, crop: about 40 µs a cell), which
is 0.4 s for a plan of 1,000 products. When no cell needs wrapping - one-line
cells, the natural widths fit the screen, the title fits the table - the
layout is simple enough to draw here, the same way rich does (same widths,
padding, box characters and section lines). Anything else returns None and
rich lays the table out; tests compare both on random tables.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text


def plain_lines(table: Table, console: Console) -> list[str] | None:
    """The lines rich would print for ``table`` on ``console`` (no colour), or None."""
    if not _simple(table, console):
        return None
    columns = table.columns
    found = [[_cell(c.header) for c in columns]]
    found += [[_cell(cell) for cell in row] for row in zip(*(list(c.cells) for c in columns))]
    grid = [[cell for cell in row if cell is not None] for row in found]
    if any(len(row) != len(columns) for row in grid):
        return None
    pads = [(0 if i == 0 else 1, 0 if i == len(columns) - 1 else 1) for i in range(len(columns))]
    widths = [max(1, max(cell_len(row[i][1]) + row[i][0] for row in grid) + sum(pads[i])) for i in range(len(columns))]
    if sum(widths) > console.width - (len(columns) - 1):
        return None
    title = _cell(table.title) if table.title else (0, "")
    if title is None or title[0] or cell_len(title[1]) > sum(widths) + len(columns) - 1:
        return None
    return _draw(table, grid, widths, pads, title[1])


def _simple(table: Table, console: Console) -> bool:
    """A table laid out like ours: heavy head, no edge, padding (0, 1), nothing that wraps."""
    plain_table = (
        table.box is not None
        and table.show_header
        and not table.show_edge
        and not table.pad_edge
        and not table.show_footer
        and not table.show_lines
        and not table.leading
        and not table.expand
        and table.width is None
        and not table.collapse_padding
        and tuple(table.padding) == (0, 1, 0, 1)
    )
    plain_console = not (console.is_terminal or console.options.ascii_only or console.legacy_windows)
    plain_columns = all(
        c.justify in ("left", "right")
        and c.width is None
        and c.min_width is None
        and c.max_width is None
        and not c.ratio
        for c in table.columns
    )
    return plain_table and plain_console and plain_columns and bool(table.columns)


def _cell(renderable: Any) -> tuple[int, str] | None:
    """(indent, one-line text) of a cell rich would draw on one line; None for anything else."""
    indent = 0
    if isinstance(renderable, Padding):
        if (renderable.top, renderable.right, renderable.bottom) != (0, 0, 0):
            return None
        indent, renderable = renderable.left, renderable.renderable
    if isinstance(renderable, Text):
        renderable = renderable.plain
    if (
        not isinstance(renderable, str)
        or renderable != renderable.strip()
        or any(ch < " " or "\x7f" <= ch < "\xa0" for ch in renderable)
    ):
        return None
    return indent, renderable


def _draw(
    table: Table, grid: list[list[tuple[int, str]]], widths: list[int], pads: list[tuple[int, int]], title: str
) -> list[str]:
    box = table.box
    assert box is not None

    def line(cells: list[tuple[int, str]], divider: str) -> str:
        parts = []
        for (indent, text), width, (left, right), column in zip(cells, widths, pads, table.columns):
            room = width - left - right
            fill = " " * (room - cell_len(text) - indent)
            body = fill + " " * indent + text if column.justify == "right" else " " * indent + text + fill
            parts.append(" " * left + body + " " * right)
        return divider.join(parts)

    out = [title] if title else []
    out += [line(grid[0], box.head_vertical), box.get_row(widths, "head", edge=False)]
    rows = grid[1:]
    for n, (cells, row) in enumerate(zip(rows, table.rows)):
        last = n == len(rows) - 1
        out.append(line(cells, box.foot_vertical if last else box.mid_vertical))
        if row.end_section and not last:
            out.append(box.get_row(widths, "row", edge=False))
    return out
