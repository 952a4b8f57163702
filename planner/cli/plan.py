"""planner plan: batches, time, a shopping list in whole packs, cash needed, due date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from planner.cli import app
from planner.cli.common import (ExplainOpt, ForceOpt, FormatOpt, LangOpt, OutputOpt, SetOpt, Shared,
                                WorkspaceOpt, run)
from planner.errors import InputError, InputErrors, problem
from planner.texts import _

TargetsArg = Annotated[list[str], typer.Argument(help=_("A plan file, or FILE=N: N pieces of a recipe (several allowed)."),
                                                 metavar="PLAN | FILE=N...", show_default=False)]


@app.command(help=_("Batches, shopping list in whole packs, cash, working days and profit for a production target.\n\nExample: planner plan plans/pesanan-kenduri.toml --today 2026-12-01"))
def plan(
    targets: TargetsArg,
    *,
    stock: Annotated[Optional[Path], typer.Option("--stock", help=_("Opening stock: a TOML table item = \"qty\" "
                                                  "(replaces the plan's [stock])."))] = None,
    today: Annotated[Optional[str], typer.Option("--today", help=_("Count days to the due date from this date "
                                                 "(YYYY-MM-DD)."))] = None,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner.cli.check import parse_today
    from planner.cli.common import check_lang
    from planner.cli.plans import parse_target

    check_lang(lang)
    shared = Shared(format, output, force, lang, workspace, explain, set_)
    plan_file, pairs = split_targets(targets, parse_target)
    day = parse_today(today)
    files = [plan_file] if plan_file else [path for path, _ in pairs]

    def build(ws: Any) -> list:
        return [build_plan(ws, shared, plan_file, pairs, stock, day)]

    run(shared, files + ([stock] if stock else []), build)


def split_targets(targets: list[str], parse_target: Any) -> tuple[Path | None, list]:
    """One plan file alone, or FILE=N pairs; never both."""
    plans = [t for t in targets if "=" not in t]
    if plans and (len(plans) > 1 or len(targets) > 1):
        raise problem(_("give one plan file, or FILE=N targets, not both"), hint=_("e.g. planner plan plans/pesanan.toml, or planner plan recipes/bingka.toml=150 recipes/amparan.toml=100"))
    if plans:
        return Path(plans[0]), []
    problems, pairs = [], []
    for text in targets:
        try:
            pairs.append(parse_target(text))
        except InputError as err:
            problems.append(err)
    if problems:
        raise InputErrors(problems)
    return None, pairs


def build_plan(ws: Any, shared: Shared, plan_file: Path | None, pairs: list, stock_file: Path | None,
               today: Any) -> Any:
    from planner.cli.plans import gather, load_plan, plan_orders, stock_of, target_orders
    from planner.cli.products import context
    from planner.planning import plan_production
    from planner.reports.plan import plan_report

    ctx = context(ws, shared)
    problems: list = []
    model = load_plan(ws, plan_file) if plan_file else None
    if model is not None:
        orders = plan_orders(ws, ctx, plan_file, model, problems)
    else:
        orders = target_orders(ws, ctx, pairs, problems)
    stock = gather(problems, ws, str(stock_file or plan_file or ""), lambda: stock_of(ws, model, plan_file, stock_file))
    if not problems:
        result = gather(problems, ws, "", lambda: plan_production(
            orders, stock, ws.settings, ws.catalog, ws.units, ctx.prices, today=today,
            due=model.due if model else None, name=model.name if model else None))
    if problems:
        raise InputErrors(problems)
    return plan_report(result, ws.places, file=str(plan_file) if plan_file else None, explain=shared.explain)
