"""compare and whatif: every product side by side, and the same products under changed prices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from planner.app.common import channels_of, context, each, finish, listed_products
from planner.comparing import DEFAULT_SORT
from planner.costing import cost_product
from planner.models import PatternProduct, Product
from planner.reports import Report
from planner.scenarios import Change
from planner.workspace import Workspace


@dataclass(frozen=True)
class CompareOptions:
    sort: str = DEFAULT_SORT  # per-hour, profit, margin, price, hpp, name (or Indonesian)
    reverse: bool = False
    size: str | None = None  # one size of each pattern
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    keep_going: bool = False  # broken files are reported and left out
    channel: str | None = None  # priced on this channel (default: the first, the direct sale)


@dataclass(frozen=True)
class WhatifOptions:
    changes: Sequence[Change] = ()  # read by planner.options.changes
    size: str | None = None
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    keep_going: bool = False


def _size(product: Product, size: str | None) -> str | None:
    """--size picks a size of each pattern with sizes; recipes and alterations (no sizes) have none."""
    return size if isinstance(product, PatternProduct) and product.model.sizes else None


def compare(ws: Workspace, paths: Sequence[Path], options: CompareOptions) -> list[Report]:
    """One row per product (a pattern: per size): HPP, direct price, margin, profit per batch and per hour."""
    from planner.comparing import compare_products, sort_comparisons, sort_name
    from planner.reports.compare import compare_report

    column = ws.diagnostics.collect(lambda: sort_name(options.sort)) or DEFAULT_SORT
    channel = ws.diagnostics.collect(lambda: channels_of(ws, options.channel)[0]) or ws.settings.channels[0]
    ctx = context(ws, options.prices)
    costed = each(
        ws,
        listed_products(ws, paths),
        lambda p: cost_product(p, ctx, _size(p, options.size)),
        lambda product: product.path,
    )
    sheets = [sheet for product_sheets in costed for sheet in product_sheets]
    if not sheets:
        return finish(ws, [], keep_going=options.keep_going)
    settings = ws.settings
    rows = sort_comparisons(compare_products(sheets, channel, settings.pricing), column, options.reverse)
    report = compare_report(
        rows, settings.pricing, ws.places, sort=column, settings=settings, settings_file=ws.settings_file
    )
    return finish(ws, [report], keep_going=options.keep_going)


def whatif(ws: Workspace, paths: Sequence[Path], options: WhatifOptions) -> list[Report]:
    """One report per product: HPP, the price to set, margin at today's price and break-even per scenario."""
    from planner.reports.whatif import whatif_report
    from planner.scenarios import check_changes, scenarios_of, what_if

    ctx = context(ws, options.prices)
    before = ws.diagnostics.error_count
    ws.diagnostics.collect(lambda: check_changes(options.changes, ctx))
    if ws.diagnostics.error_count > before:
        ws.diagnostics.raise_errors()  # no product can be worked out under changes that cannot be made
    scenarios = scenarios_of(options.changes)
    items = [c.item for c in options.changes]
    packs = {item: ws.catalog[item].pack for item in items if item in ws.catalog}
    per_product = each(
        ws,
        listed_products(ws, paths),
        lambda p: what_if(p, ctx, _size(p, options.size), scenarios),
        lambda product: product.path,
    )
    reports = [
        whatif_report(per_size, ws.settings.pricing, items, packs, settings_file=ws.settings_file, defaults=ws.defaults)
        for per_size in per_product
    ]
    return finish(ws, reports, keep_going=options.keep_going)
