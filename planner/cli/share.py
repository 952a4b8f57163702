"""planner share: the group's profit of a period kept and shared by capital and by work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.book import BooksArg, FromOpt, MonthOpt, TodayOpt, ToOpt, WeekOpt
from planner.cli.common import (
    ExplainOpt,
    ForceOpt,
    KeepGoingOpt,
    LangOpt,
    OutputOpt,
    SetOpt,
    Shared,
    WorkspaceOpt,
    prices,
    run,
)
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace


@app.command(
    help=_(
        "The group's profit shared (SHU): the period's net profit, the reserve kept, and each member's share by "
        "capital (day-weighted) and by hours worked, adding up exactly; --format text for the group chat.\n\n"
        "Example: planner share --month 2026-11 --format text"
    )
)
def share(
    books: BooksArg = None,
    *,
    month: MonthOpt = None,
    week: WeekOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    today: TodayOpt = None,
    keep_going: KeepGoingOpt = False,
    set_: SetOpt = None,
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=_("table, json, csv, md, html, or text (for the group chat).")
        ),
    ] = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options, periods
    from planner.app import share as share_app

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    files = books or []

    def compute(ws: Workspace) -> list[Report]:
        day = options.day(today)
        period, cut = periods.period(month, week, start, end, day)
        asked = share_app.ShareOptions(period, day, cut, keep_going, prices(shared, ws))
        return share_app.share(ws, files, asked)

    run(shared, files, compute)
