"""planner titip (consignment accounts per shop) and planner book (the period report)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
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

BooksArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help=_("Book files or folders (default: every book of the workspace)."), metavar="BOOK...", show_default=False
    ),
]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today", metavar="DATE", help=_("The day it is (YYYY-MM-DD); no record may be dated after it. Default today.")
    ),
]
# The period of a report of the book (planner.periods reads them): book and share.
MonthOpt = Annotated[
    str | None, typer.Option("--month", metavar="YYYY-MM", help=_("One month (default: this month so far)."))
]
WeekOpt = Annotated[str | None, typer.Option("--week", metavar="YYYY-Www", help=_("One ISO week, e.g. 2026-W49."))]
FromOpt = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help=_("The first day of the period (YYYY-MM-DD)."))
]
ToOpt = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help=_("The last day of the period (default: today)."))
]


@app.command(
    help=_(
        "Consignment accounts per shop and product: on the shelf, sold, returned, earned, paid, owed, and the "
        "sell-through measured against the one assumed; --format text gives a settlement note per shop.\n\n"
        "Example: planner titip --shop 'Warung Acil' --format text"
    )
)
def titip(
    books: BooksArg = None,
    *,
    shop: Annotated[
        str | None, typer.Option("--shop", metavar="NAME", help=_("One shop only (a name from [[shops]])."))
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help=_("The accounts up to this day (default: today)."))
    ] = None,
    today: TodayOpt = None,
    keep_going: KeepGoingOpt = False,
    set_: SetOpt = None,
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=_("table, json, csv, md, html, or text (a note per shop).")
        ),
    ] = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options, periods
    from planner.app import book as books_app

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    files = books or []

    def compute(ws: Workspace) -> list[Report]:
        day = options.day(today)
        asked = books_app.TitipOptions(day, periods.until_today("--to", to, day), shop, keep_going, prices(shared, ws))
        return books_app.titip(ws, files, asked)

    run(shared, files, compute)


@app.command(
    help=_(
        "The period report: pieces made, sold per channel and shop, returned, unsold; earned, HPP, gross and net "
        "profit, your pay beside the profit, cash, and planned against real.\n\n"
        "Example: planner book --month 2026-11"
    )
)
def book(
    books: BooksArg = None,
    *,
    month: MonthOpt = None,
    week: WeekOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    today: TodayOpt = None,
    prices_from_book: Annotated[
        bool,
        typer.Option(
            "--prices-from-book", help=_("Work out HPP with the latest price paid for each item in [[bought]].")
        ),
    ] = False,
    keep_going: KeepGoingOpt = False,
    set_: SetOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help=_("table, json, csv, md, html or text."))
    ] = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options, periods
    from planner.app import book as books_app

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    files = books or []

    def compute(ws: Workspace) -> list[Report]:
        day = options.day(today)
        period, cut = periods.period(month, week, start, end, day)
        asked = books_app.BookOptions(period, day, cut, prices_from_book, keep_going, prices(shared, ws))
        return books_app.book(ws, files, asked)

    run(shared, files, compute)
