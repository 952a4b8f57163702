"""planner cost: HPP breakdown per batch / garment and per piece."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli import app
from planner.cli.common import (
    ExplainOpt,
    FilesArg,
    ForceOpt,
    FormatOpt,
    LangOpt,
    OutputOpt,
    SetOpt,
    Shared,
    WorkspaceOpt,
    prices,
    run,
)
from planner.texts import _


@app.command(
    help=_(
        "HPP breakdown per batch (or garment) and per piece.\n\n"
        "Example: planner cost recipes/bingka-kentang.toml --explain"
    )
)
def cost(
    files: FilesArg,
    *,
    size: Annotated[
        str | None, typer.Option("--size", "-s", metavar="SIZE", help=_("Cost one size of a pattern."))
    ] = None,
    fabric: Annotated[
        str | None,
        typer.Option("--fabric", metavar="ITEM", help=_("Use this catalog fabric instead of the pattern's.")),
    ] = None,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner.app import products

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    run(shared, files, lambda ws: products.cost(ws, files, products.CostOptions(size, fabric, prices(shared, ws))))
