"""Plan files and FILE=N targets turned into orders and stock; shared by `plan` and `check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.errors import InputError, InputErrors, problem
from planner.texts import _

def gather(problems: list[InputError], ws: Any, path: str, compute) -> Any:
    """Run ``compute``; its problems are placed in ``path`` (where not already placed) and kept."""
    try:
        return compute()
    except InputError as err:
        problems.append(ws.place(err.at(path)))
    except InputErrors as errs:
        problems.extend(ws.place(e.at(path)) for e in errs.problems)
    return None


def load_plan(ws: Any, path: Path) -> Any:
    """A plan file's model; a recipe or pattern named alone says how to ask for it instead."""
    from planner.workspace import load_file

    kind, model, _data = load_file(ws, path)
    if kind == "recipe":
        raise problem(_("this is a recipe: say how many pieces to make"), hint=_("write {file}=N, e.g. {file}=150"), file=str(path)).at(str(path))
    if kind == "pattern":
        raise problem(_("a sewing pattern is planned by sizes, not by pieces"), hint=_("write a plan file with [[make]] product = \"{file}\" and sizes = {{ S = 5, M = 10 }} (planner new plan ...)"), file=str(path)).at(str(path))
    return model


def make_orders(ws: Any, ctx: Any, plan_path: Path, index: int, make: Any) -> list[Any]:
    """The orders of one [[make]]: a recipe by pieces, a pattern by sizes."""
    from planner.costing import cost_pattern, cost_recipe
    from planner.planning import Order

    product = load_referenced(ws, plan_path, index, make.product)
    if product.kind == "recipe":
        if make.sizes is not None:
            raise problem(_("{file} is a recipe: it is planned by pieces, not by sizes"), hint=_("write pieces = 120 instead of sizes"),
                          file=make.product).under("make", index, "sizes").at(str(plan_path))
        return [Order(cost_recipe(product, ctx), make.pieces)]
    if make.pieces is not None:
        raise problem(_("a sewing pattern is planned by sizes, not by pieces"), hint=_("write a plan file with [[make]] product = \"{file}\" and sizes = {{ S = 5, M = 10 }} (planner new plan ...)"),
                      file=make.product).under("make", index, "pieces").at(str(plan_path))
    for size in make.sizes:
        if size not in product.model.sizes:
            raise problem(_("size '{size}' is not in the pattern"), hint=_("the pattern has sizes {sizes}"), size=size,
                          sizes=", ".join(product.model.sizes)).under("make", index, "sizes", size).at(str(plan_path))
    return [Order(cost_pattern(product, ctx, size), qty) for size, qty in make.sizes.items()]


def load_referenced(ws: Any, plan_path: Path, index: int, ref: str) -> Any:
    """The product a [[make]] names; a missing file is reported on the plan's line that names it."""
    from dataclasses import replace

    from planner.workspace import load_product, resolve_ref

    try:
        return load_product(ws, resolve_ref(ref, str(plan_path)))
    except InputError as err:
        if err.message.key != _("file not found"):
            raise
        raise replace(err, path=None, line=None).under("make", index, "product").at(str(plan_path)) from None


def plan_orders(ws: Any, ctx: Any, path: Path, plan: Any, problems: list[InputError]) -> list[Any]:
    """Every [[make]] of a plan costed into orders; problems are collected, not raised."""
    orders: list[Any] = []
    for i, make in enumerate(plan.make):
        found = gather(problems, ws, str(path), lambda: make_orders(ws, ctx, path, i, make))
        orders.extend(found or [])
    return orders


def target_orders(ws: Any, ctx: Any, targets: list[tuple[Path, int]], problems: list[InputError]) -> list[Any]:
    """``FILE=N`` targets: N pieces of a recipe each."""
    from planner.costing import cost_recipe
    from planner.planning import Order
    from planner.workspace import load_product

    def order(path: Path, pieces: int) -> Any:
        product = load_product(ws, path)
        if product.kind != "recipe":
            raise problem(_("a sewing pattern is planned by sizes, not by pieces"), hint=_("write a plan file with [[make]] product = \"{file}\" and sizes = {{ S = 5, M = 10 }} (planner new plan ...)"), file=str(path))
        return Order(cost_recipe(product, ctx), pieces)

    found = [gather(problems, ws, str(path), lambda: order(path, pieces)) for path, pieces in targets]
    return [o for o in found if o is not None]


def parse_target(text: str) -> tuple[Path, int]:
    """``recipes/bingka.toml=150`` -> (path, 150); N must be a whole number above zero."""
    from planner.planning import whole_pieces

    file, sep, count = text.rpartition("=")
    if not sep or not file:
        raise problem(_("'{text}' is neither a plan file nor FILE=N"), hint=_("write a recipe and a number of pieces, e.g. recipes/bingka.toml=150"), text=text)
    return Path(file), whole_pieces(count)


def stock_of(ws: Any, plan: Any, plan_path: Path | None, stock_file: Path | None) -> dict[str, Decimal]:
    """Opening stock in purchase packs: --stock FILE, else the plan's [stock]."""
    from planner import tomlfile
    from planner.planning import opening_stock

    if stock_file is not None:
        table, text = tomlfile.load(stock_file)
        where, prefix = str(stock_file), ()
    else:
        table = plan.stock if plan is not None else {}
        text, where, prefix = ws.texts.get(str(plan_path)), str(plan_path), ("stock",)
    try:
        return opening_stock(table, ws.catalog, ws.units)
    except InputErrors as errs:
        raise InputErrors([tomlfile.place(e.under(*prefix).at(where), where, text) for e in errs.problems]) from None


def check_plan(ws: Any, ctx: Any, path: Path, plan: Any, problems: list[InputError]) -> set[str]:
    """For `planner check`: every product loads, costs and plans; stock is known. Returns items used."""
    from planner.planning import plan_production

    before = len(problems)
    orders = plan_orders(ws, ctx, path, plan, problems)
    stock = gather(problems, ws, str(path), lambda: stock_of(ws, plan, path, None)) or {}
    if len(problems) == before and orders:
        from datetime import date

        gather(problems, ws, str(path), lambda: plan_production(orders, stock, ws.settings, ws.catalog, ws.units,
                                                                  ctx.prices, today=date.today()))
    used = {item for order in orders for item in order.sheet.needs()}
    return used | set(stock)
