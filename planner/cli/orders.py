"""planner orders: the open orders, their work queue on working days, balances, one shopping list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.book import BooksArg, TodayOpt
from planner.cli.common import ExplainOpt, ForceOpt, LangOpt, OutputOpt, SetOpt, Shared, WorkspaceOpt, prices, run
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace


@app.command(
    help=_(
        "The open orders by due date: what to make, hours, the planned finish on working days and how late, "
        "what each customer paid and still owes, and one shopping list; --format text gives the work list "
        "day by day.\n\n"
        "Example: planner orders --today 2026-12-14 --format text"
    )
)
def orders(
    books: BooksArg = None,
    *,
    today: TodayOpt = None,
    stock: Annotated[
        Path | None,
        typer.Option("--stock", metavar="FILE", help=_('Opening stock: a TOML table item = "qty".')),
    ] = None,
    set_: SetOpt = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=_("table, json, csv, md, html, or text (the work list day by day)."),
        ),
    ] = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import orders as orders_app

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    files = books or []

    def compute(ws: Workspace) -> list[Report]:
        asked = orders_app.OrdersOptions(options.day(today), stock, prices(shared, ws))
        return orders_app.orders(ws, files, asked)

    run(shared, files + ([stock] if stock else []), compute)
