"""quote: a tailor's quote for sizes of one pattern — price, deposit, fabric, ready date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.app.common import context, finish, load_products
from planner.errors import problem
from planner.models import PatternProduct
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace


@dataclass(frozen=True)
class QuoteOptions:
    order: Mapping[str, int] = field(default_factory=dict)  # size -> how many garments
    fabric: str | None = None  # a catalog fabric instead of the pattern's
    customer_fabric: bool = False  # the customer brings the fabric
    brought: Decimal | None = None  # ... this many metres of it
    rush: bool = False
    price: Decimal | None = None  # a price per garment to judge (ongkos jahit)
    today: date = field(default_factory=date.today)
    prices: Mapping[str, Decimal] = field(default_factory=dict)


def quote(ws: Workspace, pattern: Path, options: QuoteOptions) -> list[Report]:
    """The quote for ``options.order`` of the pattern ``pattern``."""
    from planner.quoting import quote_pattern
    from planner.reports.quote import quote_report

    ctx = context(ws, options.prices, fabric=options.fabric, customer_fabric=options.customer_fabric)
    products = load_products(ws, [pattern])
    ws.diagnostics.raise_errors()
    product = products[0]
    if not isinstance(product, PatternProduct):
        raise problem(
            _("this is a recipe; a quote needs a sewing pattern"),
            hint=_("give a pattern file (it has sizes and [fabric]); for a recipe use planner price {file}"),
            file=product.path,
        ).at(product.path)
    made = ws.diagnostics.collect(
        lambda: quote_pattern(
            product,
            ctx,
            dict(options.order),
            today=options.today,
            rush=options.rush,
            brought=options.brought,
            price=options.price,
        ),
        product.path,
    )
    ws.diagnostics.raise_errors()
    assert made is not None
    return finish(
        ws,
        [
            quote_report(
                made, ws.places, ws.settings.business, catalog_file=ws.catalog_file, settings_file=ws.settings_file
            )
        ],
    )
