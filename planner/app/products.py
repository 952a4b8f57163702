"""cost: one product's HPP line by line, and the costing that price and breakeven start from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from planner.app.common import Contexts, each, finish, load_products, with_origins
from planner.costing import CostSheet, cost_product
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


Costed = tuple[Workspace, list[CostSheet]]  # a product's workspace, and its sheets


def product_sheets(ws: Workspace, files: Sequence[Path], contexts: Contexts, size: str | None) -> list[Costed]:
    """Per file, its workspace and its CostSheets (a pattern gives one per size, or just ``size``)."""

    def sheets(product: Product) -> Costed:
        if size is not None and isinstance(product, RecipeProduct):
            raise problem(
                _("--size applies to patterns, and {file} is a recipe"),
                hint=_("leave out --size for recipes"),
                file=product.path,
            )
        own, ctx = contexts(product.path)
        return own, cost_product(product, ctx, size)

    return each(ws, load_products(ws, files), sheets, lambda product: product.path)


def cost(ws: Workspace, files: Sequence[Path], options: CostOptions) -> list[Report]:
    """HPP per batch (garment) and per piece, line by line."""
    from planner.reports.cost import cost_report

    contexts = Contexts(ws, options.prices, fabric=options.fabric)
    reports = [
        with_origins(cost_report(sheets, own.places), own, sheets, "cost", options.prices)
        for own, sheets in product_sheets(ws, files, contexts, options.size)
    ]
    return finish(ws, reports)
