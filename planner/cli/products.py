"""Loading products and costing them, shared by the commands that need HPP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.errors import InputError, InputErrors


def context(ws: Any, shared: Any, *, fabric: str | None = None, customer_fabric: bool = False,
            prices: dict | None = None) -> Any:
    from planner.catalog import find_item
    from planner.cli.common import parse_price_overrides
    from planner.costing import Context

    overrides = parse_price_overrides(shared.set, ws)
    overrides.update(prices or {})
    if fabric is not None:
        find_item(ws.catalog, fabric)
    return Context(ws.settings, ws.catalog, ws.units, overrides, fabric, customer_fabric)


def load_products(ws: Any, files: list[Path]) -> list[Any]:
    """Every file loaded; all problems of all files reported together."""
    from planner.workspace import load_product

    products, problems = [], []
    for path in files:
        try:
            products.append(load_product(ws, path))
        except InputError as err:
            problems.append(ws.place(err.at(str(path))))
        except InputErrors as errs:
            problems.extend(ws.place(e) for e in errs.problems)
    if problems:
        raise InputErrors(problems)
    return products


def cost_sheets(ws: Any, files: list[Path], shared: Any, *, size: str | None = None,
                fabric: str | None = None, customer_fabric: bool = False) -> list[list[Any]]:
    """One list of CostSheets per file (a pattern gives one per size)."""
    from planner.costing import cost_product

    ctx = context(ws, shared, fabric=fabric, customer_fabric=customer_fabric)
    out, problems = [], []
    for product in load_products(ws, files):
        try:
            if size is not None and product.kind == "recipe":
                from planner.errors import problem
                raise problem("size-on-recipe", hint="size-on-recipe-hint", file=product.path)
            out.append(cost_product(product, ctx, size))
        except InputError as err:
            problems.append(ws.place(err.at(product.path)))
        except InputErrors as errs:
            problems.extend(ws.place(e) for e in errs.problems)
    if problems:
        raise InputErrors(problems)
    return out
