"""planner breakeven: how many pieces a month pay the fixed costs, a target profit, the start-up capital."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import (
    ChannelOpt,
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
from planner.cli.price import SizeOpt
from planner.texts import _

if TYPE_CHECKING:
    from decimal import Decimal

    from planner.reports import Report
    from planner.workspace import Workspace


@app.command(
    help=_(
        "Break-even pieces a month, revenue, pieces per working day, target profit and payback.\n\n"
        "Example: planner breakeven recipes/bingka-kentang.toml --price 12000 --target 2000000"
    )
)
def breakeven(
    files: FilesArg,
    *,
    channel: ChannelOpt = None,
    price: Annotated[
        str | None,
        typer.Option("--price", metavar="PRICE", help=_("Evaluate this shelf price instead of the computed one.")),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", metavar="AMOUNT", help=_("Monthly profit wanted: pieces needed to earn it.")),
    ] = None,
    volume: Annotated[
        int | None,
        typer.Option(
            "--volume", metavar="N", help=_("Planned pieces sold a month (profit, and payback with --capital).")
        ),
    ] = None,
    capital: Annotated[
        str | None,
        typer.Option("--capital", metavar="AMOUNT", help=_("Start-up capital: months to win it back at --volume.")),
    ] = None,
    size: SizeOpt = None,
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
    from planner.pricing import Goals

    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def compute(ws: Workspace) -> list[Report]:
        def money(option: str, text: str | None) -> Decimal | None:
            return options.money(option, text, ws.places, ws.settings.currency)

        goals = Goals(money("--target", target), money("--capital", capital), options.volume(volume))
        asked = pricing.BreakevenOptions(channel, money("--price", price), goals, size, prices(shared, ws))
        return pricing.breakeven(ws, files, asked)

    run(shared, files, compute)
