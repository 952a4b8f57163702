"""planner whatif: the same products under changed item prices, one row per scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import (
    ExplainOpt,
    ForceOpt,
    FormatOpt,
    KeepGoingOpt,
    LangOpt,
    OutputOpt,
    SetOpt,
    Shared,
    WorkspaceOpt,
    prices,
    run,
)
from planner.cli.compare import PatternSizeOpt, ProductsArg
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace

ChangeOpt = Annotated[
    list[str],
    typer.Option(
        "--change",
        "-c",
        show_default=False,
        metavar="ITEM=STEP[,STEP...]",
        help=_(
            "A catalog item's new pack price: a share (+20%, -10%), an amount (+2000, -500) or the new price "
            "(15000); several steps with commas (gula-pasir=+20%,+40%); repeat --change for more items."
        ),
    ),
]


@app.command(
    help=_(
        "What if item prices change: HPP, the price to set, margin at today's price and break-even, per "
        "scenario.\n\nExample: planner whatif recipes/bingka-kentang.toml --change gula-pasir=+20%,+40% "
        "--change telur-itik=3500"
    )
)
def whatif(
    files: ProductsArg,
    *,
    change: ChangeOpt,
    size: PatternSizeOpt = None,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help=_(
                "One table, one row per product (a pattern: its middle size, or --size): HPP today and after every "
                "change, the change, margin at today's price and break-even today and after."
            ),
        ),
    ] = False,
    keep_going: KeepGoingOpt = False,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import workshop

    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def compute(ws: Workspace) -> list[Report]:
        changes = options.changes(change, ws.places)
        asked = workshop.WhatifOptions(changes, size, prices(shared, ws), keep_going, summary)
        return workshop.whatif(ws, files, asked)

    run(shared, files, compute)
