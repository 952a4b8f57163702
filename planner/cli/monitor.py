"""planner monitor: a mentor follows the groups of a class month by month, from their own books."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import ExplainOpt, ForceOpt, KeepGoingOpt, LangOpt, OutputOpt, Shared, WorkspaceOpt, run
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace


@app.command(
    help=_(
        "Each group of a class, from its own books: earned, net profit, take-home, sell-through and orders done, "
        "this month against last, the groups ranked; net profit month by month (a chart in HTML).\n\n"
        "Example: planner monitor examples/kelas --sort growth"
    )
)
def monitor(
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            help=_(
                "Class folders (default: the workspace's folder); each folder in it with a planner.toml is a group."
            ),
            metavar="FOLDER...",
            show_default=False,
        ),
    ] = None,
    *,
    month: Annotated[
        str | None,
        typer.Option(
            "--month", metavar="YYYY-MM", help=_("This month, compared with the one before (default: today's).")
        ),
    ] = None,
    months: Annotated[
        int,
        typer.Option("--months", metavar="N", help=_("How many months of net profit to show (default 6).")),
    ] = 6,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="FIGURE",
            help=_(
                "Rank the groups by profit (default), earned, take-home, sell-through, orders, growth (of net profit "
                "from last month) or name; in Indonesian laba, penjualan, penghasilan, laku, pesanan, "
                "pertumbuhan, nama."
            ),
        ),
    ] = "profit",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help=_("Reverse the order."))] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DATE",
            help=_("The day it is (YYYY-MM-DD); no record may be dated after it. Default today."),
        ),
    ] = None,
    keep_going: KeepGoingOpt = False,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help=_("table, json, csv, md or html (with a chart)."))
    ] = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options, periods
    from planner.app import monitor as monitoring

    shared = Shared(format, output, force, lang, workspace, explain, None)
    named = folders or []

    def compute(ws: Workspace) -> list[Report]:
        day = options.day(today)
        periods.period(month, None, None, None, day)  # a month after today is told as planner book tells it
        this = periods.month(month) if month is not None else None
        asked = monitoring.MonitorOptions(day, this, periods.month_count(months), sort, reverse, keep_going)
        return monitoring.monitor(ws, named, asked)

    run(shared, named, compute, formats=("table", "json", "csv", "md", "html"))
