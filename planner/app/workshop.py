"""compare and whatif: every product side by side, and the same products under changed prices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from planner.app.common import Contexts, asked, channels_of, each, finish, listed_products
from planner.comparing import DEFAULT_SORT, Comparison
from planner.costing import cost_product
from planner.errors import InputError
from planner.models import PatternProduct, Product
from planner.reports import Report
from planner.scenarios import Change, Outcome
from planner.workspace import Workspace

Outcomes = list[list[Outcome]]  # per size (a recipe: one), every scenario's outcome, today first


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
    summary: bool = False  # one table, one row per product (a pattern: its middle size, or --size)


def _size(product: Product, size: str | None) -> str | None:
    """--size picks a size of each pattern with sizes; recipes and alterations (no sizes) have none."""
    return size if isinstance(product, PatternProduct) and product.model.sizes else None


def compare(ws: Workspace, paths: Sequence[Path], options: CompareOptions) -> list[Report]:
    """One row per product (a pattern: per size): HPP, direct price, margin, profit per batch and per hour."""
    from planner.comparing import compare_products, sort_comparisons, sort_name
    from planner.reports.compare import compare_report

    column = ws.diagnostics.collect(lambda: sort_name(options.sort)) or DEFAULT_SORT
    contexts = Contexts(ws, options.prices)

    def compared(product: Product) -> list[Comparison]:
        own, ctx = contexts(product.path)
        pricing = own.settings.pricing
        picked = (
            asked(ws, own, lambda: channels_of(own, options.channel)[0], ("channels",)) if options.channel else None
        )
        channel = picked or own.settings.channels[0]
        return compare_products(cost_product(product, ctx, _size(product, options.size)), channel, pricing)

    costed = each(ws, listed_products(ws, paths), compared, lambda product: product.path)
    found = [row for product_rows in costed for row in product_rows]
    if not found:
        return finish(ws, [], keep_going=options.keep_going)
    rows = sort_comparisons(found, column, options.reverse)
    report = compare_report(
        rows, ws.settings.pricing, ws.places, sort=column, settings=ws.settings, settings_file=ws.settings_file
    )
    return finish(ws, [report], keep_going=options.keep_going)


def whatif(ws: Workspace, paths: Sequence[Path], options: WhatifOptions) -> list[Report]:
    """One report per product: HPP, the price to set, margin at today's price and break-even per scenario;
    or, with ``summary``, one table of a row per product."""
    from planner.reports.whatif import whatif_report

    per_product = what_ifs(ws, paths, options)
    if options.summary:
        reports = [summary_of(ws, per_product, options)] if per_product else []
        return finish(ws, reports, keep_going=options.keep_going)
    items = [c.item for c in options.changes]
    reports = [
        whatif_report(
            per_size,
            own.settings.pricing,
            items,
            packs(own, items),
            settings_file=own.settings_file,
            defaults=own.defaults,
        )
        for own, per_size in per_product
    ]
    return finish(ws, reports, keep_going=options.keep_going)


def packs(own: Workspace, items: Sequence[str]) -> dict[str, object]:
    return {item: own.catalog[item].pack for item in items if item in own.catalog}


def summary_of(ws: Workspace, per_product: Sequence[tuple[Workspace, Outcomes]], options: WhatifOptions) -> Report:
    """One row per product, with the warnings of each workspace's rule and example fixed costs once."""
    from planner.reports.price import defaults_warning, rule_warnings
    from planner.reports.whatif_summary import Summed, summary_report

    items = [c.item for c in options.changes]
    rows = [
        Summed(outcomes, own.settings.pricing, packs(own, items))
        for own, per_size in per_product
        for outcomes in per_size
    ]
    notes: list[InputError] = []
    for own in {id(own): own for own, _outcomes in per_product}.values():
        notes += rule_warnings(own.settings.pricing, own.settings_file)
        notes += [defaults_warning(own.settings_file)] if own.defaults else []
    return summary_report(rows, options.changes, ws.places, notes)


def what_ifs(ws: Workspace, paths: Sequence[Path], options: WhatifOptions) -> list[tuple[Workspace, Outcomes]]:
    """Every product (each in its own workspace) under every scenario; changes that cannot be made
    in the run's workspace stop the run (no product could be worked out)."""
    from planner.scenarios import check_changes, scenarios_of, what_if

    contexts = Contexts(ws, options.prices)
    before = len(ws.diagnostics.errors)
    ws.diagnostics.collect(lambda: check_changes(options.changes, contexts.run))
    if len(ws.diagnostics.errors) > before:
        ws.diagnostics.raise_errors()
    scenarios = scenarios_of(options.changes)
    checked: set[int] = {id(ws)}
    refused: set[int] = set()  # workspaces where the changes cannot be made (told once, at their catalog)

    def outcomes(product: Product) -> tuple[Workspace, Outcomes] | None:
        own, ctx = contexts(product.path)
        if id(own) not in checked:  # another workspace's catalog: its items and prices
            checked.add(id(own))
            before = len(ws.diagnostics.errors)
            ws.diagnostics.collect(lambda: check_changes(options.changes, ctx), own.catalog_file)
            if len(ws.diagnostics.errors) > before:
                refused.add(id(own))
        if id(own) in refused:
            return None
        size = _size(product, options.size)
        if options.summary and size is None and isinstance(product, PatternProduct):
            size = middle_size(product)
        return own, what_if(product, ctx, size, scenarios)

    found = each(ws, listed_products(ws, paths), outcomes, lambda product: product.path)
    return [entry for entry in found if entry is not None]


def middle_size(product: PatternProduct) -> str:
    """The size in the middle of a pattern's sizes as written (of four, the second): the one a
    one-row summary or a one-page sheet shows when no --size is given."""
    sizes = list(product.model.sizes)
    return sizes[(len(sizes) - 1) // 2]
