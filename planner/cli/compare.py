"""planner compare: every product side by side — HPP, direct price, margin, profit per batch and per hour."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import (
    ChannelOpt,
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
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace

ProductsArg = Annotated[
    list[Path],
    typer.Argument(
        help=_("Recipe and pattern files, or folders (their .toml files; plans in them are skipped)."),
        metavar="PATH...",
        show_default=False,
    ),
]
PatternSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--size",
        "-s",
        metavar="SIZE",
        help=_("Only this size of each pattern (default: every size); recipes are not affected."),
    ),
]


@app.command(
    help=_(
        "One row per product: HPP, direct price, margin, profit per batch and per hour of work.\n\n"
        "Example: planner compare recipes patterns --sort margin"
    )
)
def compare(
    files: ProductsArg,
    *,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="COLUMN",
            help=_(
                "Order rows by per-hour (default), profit, margin, price, hpp (largest first) or name (A to Z); in "
                "Indonesian per-jam, laba, margin, harga, hpp, nama."
            ),
        ),
    ] = "per-hour",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help=_("Reverse the order."))] = False,
    channel: ChannelOpt = None,
    size: PatternSizeOpt = None,
    keep_going: KeepGoingOpt = False,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner.app import workshop

    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def compute(ws: Workspace) -> list[Report]:
        asked = workshop.CompareOptions(sort, reverse, size, prices(shared, ws), keep_going, channel)
        return workshop.compare(ws, files, asked)

    run(shared, files, compute)
