"""planner price: the shelf price on every sales channel, margin and markup side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

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

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace

SizeOpt = Annotated[str | None, typer.Option("--size", "-s", metavar="SIZE", help=_("Only this size of a pattern."))]
MarkupOpt = Annotated[
    str | None,
    typer.Option(
        "--markup", metavar="SHARE", help=_("Markup on cost for this run, e.g. 0.5 or 50% (instead of the settings).")
    ),
]
FabricOpt = Annotated[
    str | None,
    typer.Option("--fabric", metavar="ITEM", help=_("Use this catalog fabric instead of the pattern's.")),
]
CustomerFabricOpt = Annotated[
    bool,
    typer.Option(
        "--customer-fabric",
        help=_("The customer brings the fabric: price the sewing only (the fabric costs you nothing)."),
    ),
]
MarginOpt = Annotated[
    str | None,
    typer.Option(
        "--margin", metavar="SHARE", help=_("Margin on price for this run, e.g. 0.3 or 30% (instead of the settings).")
    ),
]


@app.command(
    help=_(
        "Shelf price on every sales channel, with what a piece sold leaves you, margin and markup.\n\n"
        "Example: planner price recipes/bingka-kentang.toml --channel titip --explain"
    )
)
def price(
    files: FilesArg,
    *,
    channel: Annotated[
        str | None, typer.Option("--channel", "-c", metavar="NAME", help=_("Only this sales channel."))
    ] = None,
    markup: MarkupOpt = None,
    margin: MarginOpt = None,
    size: SizeOpt = None,
    fabric: FabricOpt = None,
    customer_fabric: CustomerFabricOpt = False,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import pricing

    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def compute(ws: Workspace) -> list[Report]:
        asked = pricing.PriceOptions(
            channel,
            options.share("--markup", markup, below_one=False),
            options.share("--margin", margin, below_one=True),
            size,
            prices(shared, ws),
            fabric,
            customer_fabric,
        )
        return pricing.price(ws, files, asked)

    run(shared, files, compute)
