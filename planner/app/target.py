"""target: next week's pieces per product and weekday, from what sold (planner/targets.py).

Reads every book of the workspace, costs each product the records name (planner.app.book's
costing: today's catalog and ``--set``), counts the sample days, and works out each weekday's
newsvendor quantity. ``-o FILE`` turns the week into a plan ``planner plan`` reads (``plan_data``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.app.book import costed, read_book
from planner.app.common import context, finish, for_sale
from planner.book.ledger import Book, ProductKey
from planner.costing import cost_product
from planner.errors import InputError, closest, problem
from planner.pricing import price_channel
from planner.reports import Report
from planner.targets import ProductTarget, product_target, samples_of
from planner.texts import _
from planner.workspace import Workspace, is_file, load_product


@dataclass(frozen=True)
class TargetOptions:
    today: date = field(default_factory=date.today)
    prices: Mapping[str, Decimal] = field(default_factory=dict)  # --set item=price


@dataclass(frozen=True)
class Targets:
    """What a run worked out: each product's target, and the book it came from."""

    book: Book | None
    products: tuple[ProductTarget, ...]


def targets(ws: Workspace, files: Sequence[Path], options: TargetOptions) -> Targets:
    """The target of every product named (default: every product for sale with sales)."""
    diag = ws.diagnostics
    book = diag.collect(lambda: read_book(ws, [], options.today))
    if book is None:
        return Targets(book, ())
    asked = [p for p in (diag.collect(lambda: _asked(ws, book, f), str(f)) for f in files) if p is not None]
    if files and not asked:
        return Targets(book, ())
    ctx = context(ws, options.prices)
    costs = costed(ws, book, ctx)
    samples = samples_of(book, ws.settings, costs, options.today)
    keys = _keys(ws, book, samples, asked, files, options.today)
    found = []
    for key in keys:
        sheets = diag.collect(lambda: cost_product(book.products[key.path], ctx, key.size), key.path)
        if not sheets:
            continue
        sheet = sheets[0]
        receipt = price_channel(sheet.unit, ws.settings.channels[0], ws.settings.pricing).receipt
        found.append(product_target(costs[key], receipt, sheet.sellable, samples[key], ws.settings.targets.history))
    if not found and not files and not diag.has_errors:
        diag.collect(lambda: _no_sales_at_all(options.today), book.files[-1] if book.files else None)
    return Targets(book, tuple(found))


def target(ws: Workspace, files: Sequence[Path], options: TargetOptions) -> list[Report]:
    from planner.reports.target import target_reports

    found = targets(ws, files, options)
    return finish(ws, target_reports(found.products, options.today, ws.settings))


def _asked(ws: Workspace, book: Book, path: Path) -> tuple[str, str | None]:
    """A PRODUCT named on the command line: its file as the book resolves products, and its name
    (a folder: its path and no name — every product of the books inside it)."""
    if path.is_dir():
        return os.path.normpath(path), None
    if not is_file(path):
        known = sorted({k.path for k in book.product_keys()})
        near = closest(str(path), known)
        raise problem(
            _("unknown product '{product}': there is no such file"),
            hint=_("did you mean {near}?") if near else _("the products in the books are: {known}"),
            product=str(path),
            near=", ".join(near),
            known=", ".join(known) or "-",
        )
    product = load_product(ws, path)  # a broken file is told as such
    return os.path.normpath(product.path), product.name


def _keys(
    ws: Workspace,
    book: Book,
    samples: Mapping[ProductKey, Any],
    asked: Sequence[tuple[str, str | None]],
    files: Sequence[Path],
    today: date,
) -> list[ProductKey]:
    """The products to target, in the book's order: the ones asked (each must have sales), or every
    product for sale that has."""
    if not files:
        return [k for k in book.product_keys() if k in samples and for_sale(book.products[k.path])]
    found = []
    for path, name in asked:
        if name is None:
            keys = [k for k in book.product_keys() if k in samples and _inside(k.path, path)]
            keys = [k for k in keys if for_sale(book.products[k.path])]
        else:
            keys = [k for k in book.product_keys() if _same(k.path, path) and k in samples]
        if not keys:
            ws.diagnostics.add(_no_sales_in(path, today) if name is None else _no_sales(name, today), path)
        found += keys
    return list(dict.fromkeys(found))


def _same(a: str, b: str) -> bool:
    return os.path.normpath(a) == os.path.normpath(b) or os.path.realpath(a) == os.path.realpath(b)


RECORD_SALES = _("record what sold each day in a book under books/: [[sold]] with date, product, pieces and price")


def _no_sales(name: str, today: date) -> InputError:
    return problem(
        _("no sales of {product} in the books up to {day}: a target needs what sold before"),
        hint=RECORD_SALES,
        product=name,
        day=today,
    )


def _inside(path: str, folder: str) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def _no_sales_in(folder: str, today: date) -> InputError:
    return problem(
        _("no product in {folder} has sales in the books up to {day}: a target needs what sold before"),
        hint=RECORD_SALES,
        folder=folder,
        day=today,
    )


def _no_sales_at_all(today: date) -> None:
    raise problem(
        _("no product has sales in the books up to {day}: a target needs what sold before"),
        hint=RECORD_SALES,
        day=today,
    )


def plan_data(found: Targets, output: Path, name: str) -> dict[str, Any]:
    """The week's targets as a plan: a ``[[make]]`` per product (a pattern: its sizes), paths
    relative to the plan file, as ``planner plan`` reads them."""
    makes: dict[str, dict[str, Any]] = {}
    for t in found.products:
        if not t.week_pieces:
            continue
        ref = Path(os.path.relpath(t.key.path, output.parent)).as_posix()
        if t.key.size is None:
            makes[ref] = {"product": ref, "pieces": t.week_pieces}
        else:
            makes.setdefault(ref, {"product": ref, "sizes": {}})["sizes"][t.key.size] = t.week_pieces
    return {"name": name, "make": list(makes.values())}
