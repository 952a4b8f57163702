"""CSV: every table's rows with plain numbers, product name first."""

from __future__ import annotations

import csv
import io

from planner.i18n import Formatter
from planner.render import cell_text, heading
from planner.render.inert import CsvWriter
from planner.reports import Report
from planner.texts import Msg, _


def render_csv(reports: list[Report], fmt: Formatter) -> str:
    out = io.StringIO()
    writer = CsvWriter(csv.writer(out, lineterminator="\n"))  # no cell starts a formula
    last_header: list[str] | None = None
    for report in reports:
        for table in report.tables:
            # a table that names its products in its first column (compare) needs no product column before it
            named = [] if table.columns and table.columns[0].key == _("Product") else [fmt.value(report.title)]
            header = [fmt.text(Msg(_("Product")))][: len(named)] + [heading(c, fmt) for c in table.columns]
            if header != last_header:
                if last_header is not None:
                    out.write("\n")
                writer.writerow(header)
                last_header = header
            for row in table.rows:
                writer.writerow(named + [cell_text(v, c, fmt, plain=True) for v, c in zip(row.cells, table.columns)])
    return out.getvalue()
