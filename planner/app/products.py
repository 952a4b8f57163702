"""cost: one product's HPP line by line, and the costing that price and breakeven start from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from planner.app.common import context, each, finish, load_products
from planner.costing import Context, CostSheet, cost_product
from planner.errors import problem
from planner.models import Product, RecipeProduct
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace


@dataclass(frozen=True)
class CostOptions:
    size: str | None = None  # one size of a pattern
    fabric: str | None = None  # a catalog fabric instead of the pattern's
    prices: Mapping[str, Decimal] = field(default_factory=dict)  # --set item=price for this run


def product_sheets(ws: Workspace, files: Sequence[Path], ctx: Context, size: str | None) -> list[list[CostSheet]]:
    """One list of CostSheets per file (a pattern gives one per size, or just ``size``)."""

    def sheets(product: Product) -> list[CostSheet]:
        if size is not None and isinstance(product, RecipeProduct):
            raise problem(
                _("--size applies to patterns, and {file} is a recipe"),
                hint=_("leave out --size for recipes"),
                file=product.path,
            )
        return cost_product(product, ctx, size)

    return each(ws, load_products(ws, files), sheets, lambda product: product.path)


def cost(ws: Workspace, files: Sequence[Path], options: CostOptions) -> list[Report]:
    """HPP per batch (garment) and per piece, line by line."""
    from planner.reports.cost import cost_report

    ctx = context(ws, options.prices, fabric=options.fabric)
    return finish(ws, [cost_report(sheets, ws.places) for sheets in product_sheets(ws, files, ctx, options.size)])
