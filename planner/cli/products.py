"""Loading products and costing them, shared by the commands that need HPP."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from planner.errors import InputError, InputErrors, problem
from planner.texts import _


def collect(ws: Any, items: Iterable[Any], compute: Callable[[Any], Any],
            path_of: Callable[[Any], str] = str) -> list[Any]:
    """``compute(item)`` for every item; every problem of every item at once, placed in its file."""
    results, problems = [], []
    for item in items:
        try:
            results.append(compute(item))
        except InputError as err:
            problems.append(ws.place(err.at(path_of(item))))
        except InputErrors as errs:
            problems.extend(ws.place(e.at(path_of(item))) for e in errs.problems)
    if problems:
        raise InputErrors(problems)
    return results


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

    return collect(ws, files, lambda path: load_product(ws, path))


def cost_sheets(ws: Any, files: list[Path], shared: Any, *, size: str | None = None,
                fabric: str | None = None, customer_fabric: bool = False) -> list[list[Any]]:
    """One list of CostSheets per file (a pattern gives one per size)."""
    from planner.costing import cost_product

    ctx = context(ws, shared, fabric=fabric, customer_fabric=customer_fabric)

    def sheets(product: Any) -> list[Any]:
        if size is not None and product.kind == "recipe":
            raise problem(_("--size applies to patterns, and {file} is a recipe"), hint=_("leave out --size for recipes"), file=product.path)
        return cost_product(product, ctx, size)

    return collect(ws, load_products(ws, files), sheets, lambda product: product.path)
