"""titip and book: the consignment accounts and the period report, from the books of the workspace.

Both read every book (or the ones named), cost each product the records name with today's
catalog (``--prices-from-book``: with the latest price paid for each item), and leave out what
cannot be worked out, told at its line: with ``--keep-going`` the rest is still reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.app.common import context, finish
from planner.book.ledger import Book, Period, ProductKey
from planner.book.period import Costed
from planner.costing import Context, cost_product
from planner.errors import closest, problem
from planner.pricing import price_channel
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace


@dataclass(frozen=True)
class TitipOptions:
    today: date = field(default_factory=date.today)
    to: date | None = None  # accounts up to this day (default today)
    shop: str | None = None  # one shop only
    keep_going: bool = False
    prices: Mapping[str, Decimal] = field(default_factory=dict)  # --set item=price


@dataclass(frozen=True)
class BookOptions:
    period: Period
    today: date = field(default_factory=date.today)
    cut: bool = False  # the period was cut at today (a month still going on)
    prices_from_book: bool = False  # HPP with the latest price paid for each item
    keep_going: bool = False
    prices: Mapping[str, Decimal] = field(default_factory=dict)


def read_book(ws: Workspace, files: Sequence[Path], today: date) -> Book:
    """Every book named (a folder: the books in it), or every book of the workspace."""
    from planner.bookfiles import book_files, load_book

    paths = book_files(ws, files)
    if not paths:
        raise problem(
            _("found no book to read"),
            hint=_("write one with: planner new book books/{month}"),
            month=today.strftime("%Y-%m"),
        )
    return load_book(ws, paths, today)


def costed(ws: Workspace, book: Book, ctx: Context) -> dict[ProductKey, Costed]:
    """Each product the records name, costed (a problem is told in the product's file)."""
    direct = ws.settings.channels[0]
    found = {}
    for key in book.product_keys():
        product = book.products[key.path]
        sheets = ws.diagnostics.collect(lambda: cost_product(product, ctx, key.size), key.path)
        if not sheets:
            continue
        sheet = sheets[0]
        ws.diagnostics.extend(sheet.notes)
        labour = sheet.minutes / 60 * ctx.wage / sheet.sellable
        needs = {item: packs / sheet.sellable for item, packs in sheet.needs().items()}
        price = price_channel(sheet.unit, direct, ws.settings.pricing).price
        found[key] = Costed(key, book.name(key), sheet.unit, labour, needs, sheet.equipment, price)
    return found


def known_shop(ws: Workspace, name: str | None) -> list[str] | None:
    """The shop --shop names (None: every shop), or an error naming the closest."""
    if name is None:
        return None
    names = [s.name for s in ws.settings.shops]
    if name in names:
        return [name]
    near = closest(name, names)
    raise problem(
        _("unknown shop '{name}'"),
        hint=_("did you mean {near}?") if near else _("the shops in the settings are: {known}"),
        name=name,
        near=", ".join(near),
        known=", ".join(names) or "-",
    )


def titip(ws: Workspace, files: Sequence[Path], options: TitipOptions) -> list[Report]:
    """Per shop and product: on the shelf, sold, returned, earned; paid and owed; sell-through."""
    from planner.book.titip import accounts
    from planner.reports.titip import titip_reports

    diag = ws.diagnostics
    shops = diag.collect(lambda: known_shop(ws, options.shop))
    end = options.to or options.today
    book = diag.collect(lambda: read_book(ws, files, options.today))
    if book is None:
        return finish(ws, [], keep_going=options.keep_going)
    ctx = context(ws, options.prices)
    costs = {key: c.unit for key, c in costed(ws, book, ctx).items()}
    found = [
        a
        for a in accounts(book, ws.settings, costs, end, shops=shops)
        if a.shelves or a.payments or options.shop is not None
    ]
    reports = titip_reports(found, end, ws.places, ws.settings, ws.settings_file, ws.defaults)
    return finish(ws, reports, keep_going=options.keep_going)


def book(ws: Workspace, files: Sequence[Path], options: BookOptions) -> list[Report]:
    """The period report: pieces, money, profit, the maker's pay, cash, planned against real."""
    from planner.book.cash import cash_flow
    from planner.book.period import period_report
    from planner.book.planned import bought_gap, item_uses, latest_prices, price_gaps, sell_through_gaps
    from planner.reports.book import BookInputs, book_report

    diag = ws.diagnostics
    found = diag.collect(lambda: read_book(ws, files, options.today))
    if found is None:
        return finish(ws, [], keep_going=options.keep_going)
    prices = dict(options.prices)
    if options.prices_from_book:
        paid = diag.collect(lambda: latest_prices(found, ws.catalog, ws.units, options.period.end)) or {}
        prices = {**{item: price for item, (price, _entry) in paid.items()}, **prices}
    ctx = context(ws, prices)
    costs = costed(ws, found, ctx)
    report = period_report(found, ws.settings, costs, options.period)
    uses = item_uses(found, report, ws.catalog, ws.units, ctx.prices)
    inputs = BookInputs(
        report,
        cash_flow(found, ws.settings, options.period),
        [*price_gaps(report, ws.settings), *sell_through_gaps(report), *([bought_gap(uses)] if uses else [])],
        uses,
        options.cut,
        options.prices_from_book,
    )
    reports = [book_report(inputs, ws.places, ws.settings, ws.settings_file, ws.defaults)]
    return finish(ws, reports, keep_going=options.keep_going)
