"""CSV: every table's rows as plain numbers, in one sheet a spreadsheet or a script can read.

One header for the whole file: a "table" column when the reports hold several tables (which
table a row belongs to), the product, then every table's columns; a quantity's unit has a column
of its own. Numbers are plain decimals (decision 15): "." as the decimal mark, no thousands
separator, no currency sign.
"""

from __future__ import annotations

import csv
import io

from planner.i18n import Formatter
from planner.render import heading, plain_cell
from planner.render.inert import csv_cell
from planner.reports import Column, Report, Table
from planner.texts import Msg, _

TABLE = _("Table")
UNIT = _("{heading}: unit")


def headings(column: Column, fmt: Formatter) -> list[str]:
    """A column's heading, and the heading of its unit column for a quantity."""
    name = heading(column, fmt)
    return [name, fmt.text(Msg(UNIT, {"heading": name}))] if column.kind == "qty" else [name]


def cells(row_cells: tuple[object, ...], table: Table, fmt: Formatter) -> dict[str, str]:
    found: dict[str, str] = {}
    for value, column in zip(row_cells, table.columns):
        names = headings(column, fmt)
        found[names[0]] = plain_cell(value, column, fmt)
        if len(names) > 1:
            found[names[1]] = getattr(value, "unit", "") if value is not None else ""
    return found


def render_csv(reports: list[Report], fmt: Formatter) -> str:
    several = (
        sum(len(report.tables) for report in reports) > len(reports)
        or len({tuple(c.key for c in t.columns) for r in reports for t in r.tables}) > 1
    )
    product = fmt.text(Msg(_("Product")))
    header: list[str] = [fmt.text(Msg(TABLE))] if several else []
    rows: list[dict[str, str]] = []
    for report in reports:
        for table in report.tables:
            # a table that names its products in its first column (compare) needs no product column before it
            named = not (table.columns and table.columns[0].key == _("Product"))
            base = {header[0]: fmt.text(table.title) if table.title else ""} if several else {}
            if named:
                base[product] = fmt.value(report.title)
            for name in [*([product] if named else []), *(n for c in table.columns for n in headings(c, fmt))]:
                if name not in header:
                    header.append(name)
            rows += [{**base, **cells(row.cells, table, fmt)} for row in table.rows]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")  # no cell starts a formula (planner.render.inert)
    writer.writerow([csv_cell(name) for name in header])
    writer.writerows([csv_cell(row.get(name, "")) for name in header] for row in rows)
    return out.getvalue()
