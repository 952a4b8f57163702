"""sheet: one printable page per product (cost, prices, break-even), each with its own folder's settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from planner.app.common import Contexts, each, finish, listed_products, with_origins
from planner.app.pricing import BreakevenOptions, PriceOptions, breakeven_report_of, price_report_of
from planner.app.workshop import middle_size
from planner.costing import cost_product
from planner.models import PatternProduct, Product
from planner.pricing import price_channel
from planner.reports import Report
from planner.workspace import Workspace


@dataclass(frozen=True)
class SheetOptions:
    size: str | None = None  # the size of every pattern's page (default: each pattern's middle size)
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    keep_going: bool = False


def sheet(ws: Workspace, paths: Sequence[Path], options: SheetOptions) -> list[Report]:
    """A page per product named or found in a folder, in the order given."""
    from planner.reports.cost import cost_report
    from planner.reports.sheet import sheet_report

    contexts = Contexts(ws, options.prices)

    def page(product: Product) -> Report:
        own, ctx = contexts(product.path)
        size = None
        sizes = []
        if isinstance(product, PatternProduct):
            size = options.size or middle_size(product)
            channel, pricing = own.settings.channels[0], own.settings.pricing
            sizes = [(s, price_channel(s.unit, channel, pricing)) for s in cost_product(product, ctx)]
        sheets = cost_product(product, ctx, size)
        made = sheet_report(
            cost_report(sheets, own.places),
            price_report_of(ws, own, sheets, PriceOptions()),
            breakeven_report_of(ws, own, sheets, BreakevenOptions()),
            business=own.settings.business,
            sizes=sizes,
        )
        return with_origins(made, own, sheets, "sheet", options.prices)

    reports = each(ws, listed_products(ws, paths), page, lambda product: product.path)
    return finish(ws, reports, keep_going=options.keep_going)
