"""price and breakeven: a product's prices on every channel, and its break-even."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from planner.app.common import channels_of, context, finish
from planner.app.products import product_sheets
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
    from planner.reports.price import price_report

    diag, settings = ws.diagnostics, ws.settings
    pricing = diag.collect(lambda: override(settings.pricing, markup=options.markup, margin=options.margin))
    channels = diag.collect(lambda: channels_of(ws, options.channel)) or list(settings.channels)
    ctx = context(ws, options.prices, fabric=options.fabric, customer_fabric=options.customer_fabric)
    reports = [
        price_report(
            sheets, channels, pricing or settings.pricing, ws.places, settings=settings, settings_file=ws.settings_file
        )
        for sheets in product_sheets(ws, files, ctx, options.size)
    ]
    return finish(ws, reports)


def breakeven(ws: Workspace, files: Sequence[Path], options: BreakevenOptions) -> list[Report]:
    """Pieces a month that pay the fixed costs (and the goals) on one channel."""
    from planner.reports.breakeven import Ask, breakeven_report

    diag, settings, goals = ws.diagnostics, ws.settings, options.goals
    channel = diag.collect(lambda: channels_of(ws, options.channel)[0]) or settings.channels[0]
    if goals.capital is not None and goals.volume is None:
        diag.add(
            problem(
                _("--capital needs --volume: payback depends on how many pieces you sell a month"),
                hint=_("add e.g. --volume 600 (pieces sold a month)"),
            )
        )
        goals = Goals(goals.target)
    ask = Ask(channel, settings.pricing, goals, options.price)
    ctx = context(ws, options.prices)
    reports = [
        breakeven_report(sheets, settings, ask, ws.places, settings_file=ws.settings_file, defaults=ws.defaults)
        for sheets in product_sheets(ws, files, ctx, options.size)
    ]
    return finish(ws, reports)
