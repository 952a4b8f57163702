"""planner cost: HPP breakdown per batch / garment and per piece."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from planner.cli import app
from planner.cli.common import (ExplainOpt, FilesArg, ForceOpt, FormatOpt, LangOpt, OutputOpt, SetOpt,
                                Shared, WorkspaceOpt, run)
from planner.texts import _


@app.command(help=_("HPP breakdown per batch (or garment) and per piece.\n\nExample: planner cost recipes/bingka-kentang.toml --explain"))
def cost(
    files: FilesArg,
    *,
    size: Annotated[Optional[str], typer.Option("--size", "-s", help=_("Cost one size of a pattern."))] = None,
    fabric: Annotated[Optional[str], typer.Option("--fabric", help=_("Use this catalog fabric instead of the pattern's."))] = None,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def build(ws):
        from planner.cli.products import cost_sheets
        from planner.reports.cost import cost_report

        return [cost_report(sheets, ws.places)
                for sheets in cost_sheets(ws, files, shared, size=size, fabric=fabric)]

    run(shared, files, build)
