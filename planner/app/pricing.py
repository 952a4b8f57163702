"""price and breakeven: a product's prices on every channel, and its break-even."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from planner.app.common import Contexts, asked, channels_of, finish, with_origins
from planner.app.products import product_sheets
from planner.costing import CostSheet
from planner.errors import problem
from planner.pricing import Goals, override
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace


@dataclass(frozen=True)
class PriceOptions:
    channel: str | None = None  # only this channel
    markup: Decimal | None = None  # instead of the settings' pricing rule
    margin: Decimal | None = None
    size: str | None = None
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    fabric: str | None = None  # a catalog fabric instead of the pattern's
    customer_fabric: bool = False  # the customer brings the fabric: sewing only


@dataclass(frozen=True)
class BreakevenOptions:
    channel: str | None = None  # default: the first (the direct sale)
    price: Decimal | None = None  # a shelf price to judge instead of the computed one
    goals: Goals = Goals()  # target profit, start-up capital, planned volume
    size: str | None = None
    prices: Mapping[str, Decimal] = field(default_factory=dict)


def price(ws: Workspace, files: Sequence[Path], options: PriceOptions) -> list[Report]:
    """The shelf price on every channel (or one), what a piece sold leaves, margin and markup."""
    contexts = Contexts(ws, options.prices, fabric=options.fabric, customer_fabric=options.customer_fabric)
    reports = [
        with_origins(price_report_of(ws, own, sheets, options), own, sheets, "price", options.prices)
        for own, sheets in product_sheets(ws, files, contexts, options.size)
    ]
    return finish(ws, reports)


def price_report_of(ws: Workspace, own: Workspace, sheets: list[CostSheet], options: PriceOptions) -> Report:
    """One product's price report, with the settings of its own workspace."""
    from planner.reports.price import price_report

    diag, settings = ws.diagnostics, own.settings
    pricing = diag.collect(lambda: override(settings.pricing, markup=options.markup, margin=options.margin))
    channels = asked(ws, own, lambda: channels_of(own, options.channel), ("channels",)) or list(settings.channels)
    return price_report(
        sheets, channels, pricing or settings.pricing, own.places, settings=settings, settings_file=own.settings_file
    )


def breakeven(ws: Workspace, files: Sequence[Path], options: BreakevenOptions) -> list[Report]:
    """Pieces a month that pay the fixed costs (and the goals) on one channel."""
    goals = options.goals
    if goals.capital is not None and goals.volume is None:
        ws.diagnostics.add(
            problem(
                _("--capital needs --volume: payback depends on how many pieces you sell a month"),
                hint=_("add e.g. --volume 600 (pieces sold a month)"),
            )
        )
        options = replace(options, goals=Goals(goals.target))
    contexts = Contexts(ws, options.prices)
    reports = [
        with_origins(breakeven_report_of(ws, own, sheets, options), own, sheets, "breakeven", options.prices)
        for own, sheets in product_sheets(ws, files, contexts, options.size)
    ]
    return finish(ws, reports)


def breakeven_report_of(ws: Workspace, own: Workspace, sheets: list[CostSheet], options: BreakevenOptions) -> Report:
    """One product's break-even, with the settings (fixed costs, equipment) of its own workspace."""
    from planner.reports.breakeven import Ask, breakeven_report

    settings = own.settings
    channel = asked(ws, own, lambda: channels_of(own, options.channel)[0], ("channels",)) or settings.channels[0]
    ask = Ask(channel, settings.pricing, options.goals, options.price)
    return breakeven_report(sheets, settings, ask, own.places, settings_file=own.settings_file, defaults=own.defaults)
