"""planner breakeven: how many pieces a month pay the fixed costs, a target profit, the start-up capital."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from planner.cli import app
from planner.cli.common import (ExplainOpt, FilesArg, ForceOpt, FormatOpt, LangOpt, OutputOpt, SetOpt,
                                Shared, WorkspaceOpt, run)
from planner.cli.price import SizeOpt, parse_money, placed
from planner.errors import problem
from planner.texts import _


def check_volume(volume: int | None) -> int | None:
    if volume is not None and volume < 0:
        raise problem(_("{option} cannot be negative ({text})"), hint=_("write how many pieces you plan to sell a month, e.g. --volume 600"), option="--volume", text=str(volume))
    return volume


@app.command(help=_("Break-even pieces a month, revenue, pieces per working day, target profit and payback.\n\nExample: planner breakeven recipes/bingka-kentang.toml --price 12000 --target 2000000"))
def breakeven(
    files: FilesArg,
    *,
    channel: Annotated[Optional[str], typer.Option(
        "--channel", "-c", help=_("Sales channel (default: the first in the settings)."))] = None,
    price: Annotated[Optional[str], typer.Option(
        "--price", help=_("Evaluate this shelf price instead of the computed one."))] = None,
    target: Annotated[Optional[str], typer.Option(
        "--target", help=_("Monthly profit wanted: pieces needed to earn it."))] = None,
    volume: Annotated[Optional[int], typer.Option(
        "--volume", help=_("Planned pieces sold a month (profit, and payback with --capital)."))] = None,
    capital: Annotated[Optional[str], typer.Option(
        "--capital", help=_("Start-up capital: months to win it back at --volume."))] = None,
    size: SizeOpt = None,
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
        from planner.pricing import Goals, find_channel
        from planner.reports.breakeven import Ask, breakeven_report

        settings = ws.settings
        goals = Goals(parse_money("--target", target, ws), parse_money("--capital", capital, ws),
                      check_volume(volume))
        chosen = settings.channels[0] if channel is None else find_channel(settings.channels, channel)
        ask = Ask(chosen, settings.pricing, goals, parse_money("--price", price, ws))
        return [placed(ws, breakeven_report(sheets, settings, ask, ws.places, settings_file=ws.settings_file,
                                            defaults=ws.root is None))
                for sheets in cost_sheets(ws, files, shared, size=size)]

    run(shared, files, build)
