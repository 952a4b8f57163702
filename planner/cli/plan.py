"""planner plan: batches, time, a shopping list in whole packs, cash needed, due date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import (
    ExplainOpt,
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
from planner.errors import problem
from planner.texts import _

if TYPE_CHECKING:
    from planner.reports import Report
    from planner.workspace import Workspace

TargetsArg = Annotated[
    list[str],
    typer.Argument(
        help=_("A plan file, or FILE=N: N pieces of a recipe (several allowed)."),
        metavar="PLAN | FILE=N...",
        show_default=False,
    ),
]


@app.command(
    help=_(
        "Batches, shopping list in whole packs, cash, working days and profit for a production target; with "
        "--budget, what the money makes."
        "\n\nExample: planner plan plans/pesanan-kenduri.toml --today 2026-12-01 --budget 500000"
    )
)
def plan(
    targets: TargetsArg,
    *,
    stock: Annotated[
        Path | None,
        typer.Option(
            "--stock",
            metavar="FILE",
            help=_('Opening stock: a TOML table item = "qty" (replaces the plan\'s [stock]).'),
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", metavar="DATE", help=_("Count days to the due date from this date (YYYY-MM-DD).")),
    ] = None,
    budget: Annotated[
        str | None,
        typer.Option(
            "--budget",
            metavar="AMOUNT",
            help=_(
                "Make what this money buys: each product's pieces become an upper limit; one product gets the most "
                "batches, several the most profitable mix (solved by HiGHS)."
            ),
        ),
    ] = None,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import planning

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    plan_file, pairs = split_targets(targets)
    day = options.day(today)
    files = [plan_file] if plan_file else [path for path, _count in pairs]

    def compute(ws: Workspace) -> list[Report]:
        money = options.money("--budget", budget, ws.places, ws.settings.currency)
        asked = planning.PlanOptions(day, stock, prices(shared, ws), explain, money)
        return planning.plan(ws, plan_file, pairs, asked)

    run(shared, files + ([stock] if stock else []), compute)


def split_targets(targets: list[str]) -> tuple[Path | None, list[tuple[Path, int]]]:
    """One plan file alone, or FILE=N pairs; never both."""
    from planner import options

    plans = [t for t in targets if "=" not in t]
    if plans and (len(plans) > 1 or len(targets) > 1):
        raise problem(
            _("give one plan file, or FILE=N targets, not both"),
            hint=_(
                "e.g. planner plan plans/pesanan.toml, or planner plan recipes/bingka.toml=150 recipes/amparan.toml=100"
            ),
        )
    if plans:
        return Path(plans[0]), []
    return None, options.every(targets, options.target)
