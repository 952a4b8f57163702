"""planner sheet: one printable A4 page per product — cost, prices, break-even — for a whole class."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import ExplainOpt, ForceOpt, KeepGoingOpt, LangOpt, OutputOpt, SetOpt, Shared, WorkspaceOpt, run
from planner.cli.common import prices as price_overrides
from planner.cli.compare import ProductsArg
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace

FORMATS = ("html", "json", "md")


@app.command(
    help=_(
        "One printable A4 page per product: its cost, its prices on every channel and its break-even, each "
        "product with its own folder's settings.\n\n"
        "Example: planner sheet examples/kelas -o kelas.html"
    )
)
def sheet(
    files: ProductsArg,
    *,
    size: Annotated[
        str | None,
        typer.Option(
            "--size", "-s", metavar="SIZE", help=_("The size of every pattern's page (default: its middle size).")
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", metavar="DATE", help=_("The date printed on the pages (YYYY-MM-DD); default today.")),
    ] = None,
    keep_going: KeepGoingOpt = False,
    set_: SetOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help=_("html (the pages to print), json or md."))
    ] = "html",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import sheet as sheets

    options.day(today)  # a wrong date is told before anything is worked out
    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def compute(ws: Workspace) -> list[Report]:
        asked = sheets.SheetOptions(size, price_overrides(shared, ws), keep_going)
        return sheets.sheet(ws, files, asked)

    run(shared, files, compute, formats=FORMATS)
