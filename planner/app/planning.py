"""plan: batches, time, a shopping list in whole packs and the cash a production target needs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from planner.app.common import context, finish
from planner.costing import Context, cost_pattern, cost_recipe
from planner.errors import InputError, InputErrors, MissingFile, problem
from planner.models import Make, PatternProduct, Plan, RecipeProduct
from planner.planning import Kitchen, Order, ProductionPlan, make_run, merge_orders, opening_stock, plan_runs
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace, load_plan, load_product, pattern_by_sizes

if TYPE_CHECKING:
    from planner.budget import BudgetPlan


@dataclass(frozen=True)
class PlanOptions:
    today: date = field(default_factory=date.today)
    stock: Path | None = None  # a TOML table item = "qty" instead of the plan's [stock]
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    explain: bool = False  # work out the working (a big plan has a lot of it)
    budget: Decimal | None = None  # --budget: the production that fits this money, pieces as upper limits


def plan(
    ws: Workspace, plan_file: Path | None, targets: Sequence[tuple[Path, int]], options: PlanOptions
) -> list[Report]:
    """A plan file, or FILE=N targets (N pieces of a recipe each), planned; with a budget, what it makes."""
    ctx = context(ws, options.prices)
    made = planned(ws, ctx, plan_file, targets, options)
    ws.diagnostics.raise_errors()
    assert made is not None
    file = str(plan_file) if plan_file else None
    if isinstance(made, ProductionPlan):
        from planner.reports.plan import plan_report

        return finish(ws, [plan_report(made, ws.places, file=file, explain=options.explain)])
    from planner.reports.budget import budget_report

    return finish(ws, [budget_report(made, ws.places, file=file, explain=options.explain)])


def planned(
    ws: Workspace, ctx: Context, plan_file: Path | None, targets: Sequence[tuple[Path, int]], options: PlanOptions
) -> ProductionPlan | BudgetPlan | None:
    """The production plan (or what the budget makes), or None with its problems in the run's diagnostics."""
    diag = ws.diagnostics
    model = diag.collect(lambda: load_plan(ws, plan_file), str(plan_file)) if plan_file else None
    if plan_file is not None and model is None:
        return None
    orders = (
        plan_orders(ws, ctx, plan_file, model)
        if model is not None and plan_file is not None
        else target_orders(ws, ctx, targets)
    )
    where = str(options.stock or plan_file)
    stock = diag.collect(lambda: stock_of(ws, model, options.stock), where)
    if diag.has_errors or stock is None:
        return None
    kitchen = Kitchen(
        stock,
        ws.settings,
        ws.catalog,
        ws.units,
        ctx.prices,
        options.today,
        model.due if model else None,
        model.name if model else None,
        (where, () if options.stock else ("stock",)),
    )
    if options.budget is not None:
        budget = options.budget
        return diag.collect(lambda: budgeted(orders, kitchen, budget, plan_file))
    return diag.collect(lambda: plan_runs(tuple(make_run(o, ws.settings) for o in merge_orders(orders)), kitchen))


def budgeted(orders: list[Order], kitchen: Kitchen, budget: Decimal, plan_file: Path | None) -> BudgetPlan:
    """What the budget makes; a problem with the due date is told at the plan's ``due`` line."""
    from planner.budget import plan_budget

    try:
        return plan_budget(orders, kitchen, budget)
    except InputError as err:
        if err.loc and plan_file is not None:
            raise err.at(str(plan_file)) from None
        raise


def plan_orders(ws: Workspace, ctx: Context, path: Path, model: Plan) -> list[Order]:
    """Every [[make]] of a plan costed into orders; the problems of all of them at once."""
    orders: list[Order] = []
    for i, make in enumerate(model.make):
        orders += ws.diagnostics.collect(lambda: make_orders(ws, ctx, path, i, make), str(path)) or []
    return orders


def make_orders(ws: Workspace, ctx: Context, plan_path: Path, index: int, make: Make) -> list[Order]:
    """The orders of one [[make]]: a recipe by pieces, a pattern by sizes."""
    product = load_referenced(ws, plan_path, index, make.product)
    here = ("make", index)
    if isinstance(product, RecipeProduct):
        if make.sizes is not None or make.pieces is None:
            raise (
                problem(
                    _("{file} is a recipe: it is planned by pieces, not by sizes"),
                    hint=_("write pieces = 120 instead of sizes"),
                    file=make.product,
                )
                .under(*here, "sizes")
                .at(str(plan_path))
            )
        return [Order(cost_recipe(product, ctx), make.pieces)]
    if not product.model.sizes:  # an alteration (permak): how many, no sizes
        if make.pieces is None:
            raise (
                problem(
                    _("{file} has no sizes: it is planned by pieces"),
                    hint=_("write pieces = 5 instead of sizes"),
                    file=make.product,
                )
                .under(*here, "sizes")
                .at(str(plan_path))
            )
        return [Order(cost_pattern(product, ctx, None), make.pieces)]
    if make.sizes is None:
        raise pattern_by_sizes(make.product).under(*here, "pieces").at(str(plan_path))
    for size in make.sizes:
        if size not in product.model.sizes:
            raise (
                problem(
                    _("size '{size}' is not in the pattern"),
                    hint=_("the pattern has sizes {sizes}"),
                    size=size,
                    sizes=", ".join(product.model.sizes),
                )
                .under(*here, "sizes", size)
                .at(str(plan_path))
            )
    return [Order(cost_pattern(product, ctx, size), qty) for size, qty in make.sizes.items()]


def load_referenced(ws: Workspace, plan_path: Path, index: int, ref: str) -> RecipeProduct | PatternProduct:
    """The product a [[make]] names; a missing file is told at the plan's line that names it."""
    here = ("make", index, "product")
    try:
        path = ws.reference(ref, str(plan_path))
    except InputError as err:
        raise err.under(*here).at(str(plan_path)) from None
    try:
        return load_product(ws, path)
    except MissingFile as err:
        raise replace(err, path=None, line=None).under(*here).at(str(plan_path)) from None


def target_orders(ws: Workspace, ctx: Context, targets: Sequence[tuple[Path, int]]) -> list[Order]:
    """``FILE=N`` targets: N pieces of a recipe each (or N jobs of a pattern without sizes, an alteration)."""

    def order(path: Path, pieces: int) -> Order:
        product = load_product(ws, path)
        if isinstance(product, PatternProduct) and not product.model.sizes:
            return Order(cost_pattern(product, ctx, None), pieces)
        if not isinstance(product, RecipeProduct):
            raise pattern_by_sizes(str(path))
        return Order(cost_recipe(product, ctx), pieces)

    found = [ws.diagnostics.collect(lambda: order(path, pieces), str(path)) for path, pieces in targets]
    return [o for o in found if o is not None]


def stock_of(ws: Workspace, model: Plan | None, stock_file: Path | None) -> dict[str, Decimal]:
    """Opening stock in purchase packs: --stock FILE, else the plan's [stock]."""
    if stock_file is not None:
        table: Mapping[str, object] = ws.read(stock_file)
        prefix: tuple[str, ...] = ()
    else:
        table, prefix = (model.stock if model is not None else {}), ("stock",)
    try:
        return opening_stock(table, ws.catalog, ws.units)
    except InputErrors as errs:
        raise InputErrors([e.under(*prefix) for e in errs.problems]) from None
