"""orders: the open orders of the workspace's books, their work queue on working days, what each
customer still owes, and one shopping list; and the queue a new quote joins.

Each open order's lines are quoted as ``planner quote`` would (planner/quoting.py): a recipe's
pieces in whole batches, a pattern's garments of each size; the quote gives the order's hours,
equipment hours, the price when the record names none, and the runs the shopping list buys for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.app.common import context, finish
from planner.book.ledger import Book, Entry
from planner.book.records import Order
from planner.costing import SIXTY, Context
from planner.models import PatternProduct, RecipeProduct
from planner.money import ZERO
from planner.orders import MadeLine, Queue, Work, open_entries, order_queue, queue_jobs
from planner.planning import Run, shopping_list
from planner.quoting import Quote, quote_pattern, quote_recipe
from planner.reports import Report
from planner.schedule import Job, workshop_of
from planner.workspace import Workspace


@dataclass(frozen=True)
class OrdersOptions:
    today: date = field(default_factory=date.today)
    stock: Path | None = None  # --stock FILE: opening stock in packs
    prices: Mapping[str, Decimal] = field(default_factory=dict)


def orders(ws: Workspace, files: Sequence[Path], options: OrdersOptions) -> list[Report]:
    """The open orders of the books named (default: every book of the workspace)."""
    from planner.app.book import read_book
    from planner.app.planning import stock_of
    from planner.reports.orders import orders_report

    ctx = context(ws, options.prices)
    book = ws.diagnostics.collect(lambda: read_book(ws, files, options.today))
    stock_file = options.stock
    stock = ws.diagnostics.collect(lambda: stock_of(ws, None, stock_file), str(stock_file)) if stock_file else {}
    ws.diagnostics.raise_errors()
    assert book is not None
    queue = open_queue(ws, ctx, book, options.today)
    runs = tuple(run for o in queue.orders for run in o.work.runs)
    shopping = ws.diagnostics.collect(lambda: shopping_list(runs, stock or {}, ws.catalog, ws.units, ctx.prices))
    ws.diagnostics.raise_errors()
    from dataclasses import replace

    queue = replace(queue, shopping=shopping or ())
    return finish(ws, [orders_report(queue, ws.places, ws.settings.business)])


def open_queue(ws: Workspace, ctx: Context, book: Book, today: date) -> Queue:
    """The open orders, each quoted and scheduled (an order that cannot be worked out is told and left out)."""
    works = open_works(ws, ctx, book)
    return order_queue(works, workshop_of(ws.settings), today)


def open_works(ws: Workspace, ctx: Context, book: Book) -> list[tuple[Entry[Order], Work]]:
    found: list[tuple[Entry[Order], Work]] = []
    quotes: dict[tuple[str, tuple[tuple[str | None, int], ...]], Quote] = {}
    for entry in open_entries(book.orders):
        work = ws.diagnostics.collect(lambda: work_of(ctx, book, entry, quotes), entry.file)
        if work is not None:
            found.append((entry, work))
    return found


def work_of(
    ctx: Context,
    book: Book,
    entry: Entry[Order],
    quotes: dict[tuple[str, tuple[tuple[str | None, int], ...]], Quote],
) -> Work:
    """An order's lines quoted product by product (the same product and order quoted once a run)."""
    wanted: dict[str, dict[str | None, int]] = {}
    for key, line in zip(entry.products, entry.record.make):
        sizes = wanted.setdefault(key.path, {})
        sizes[key.size] = sizes.get(key.size, 0) + line.pieces
    made = []
    for path, sizes in wanted.items():
        asked = (path, tuple(sorted(sizes.items(), key=lambda kv: kv[0] or "")))
        if asked not in quotes:
            quotes[asked] = quote_of(ctx, book, path, sizes)
        made.append(quotes[asked])
    return work_of_quotes(made)


def quote_of(ctx: Context, book: Book, path: str, sizes: dict[str | None, int]) -> Quote:
    product = book.products[path]
    if isinstance(product, RecipeProduct):
        return quote_recipe(product, ctx, sizes[None], today=date.min)
    assert isinstance(product, PatternProduct)
    return quote_pattern(product, ctx, sizes, today=date.min)


def work_of_quotes(quotes: Sequence[Quote]) -> Work:
    lines, runs = [], []
    equipment: dict[str, Decimal] = {}
    for made in quotes:
        for item in made.items:
            lines.append(MadeLine(made.file, made.product, item.size, item.qty, item.runs))
            runs.append(Run(item.sheet, item.qty, item.runs, item.unit_price, ZERO))
        for name, hours in made.equipment_hours.items():
            equipment[name] = equipment.get(name, ZERO) + hours
    hours = sum((q.minutes for q in quotes), ZERO) / SIXTY
    quoted = sum((q.subtotal for q in quotes), ZERO)
    return Work(tuple(lines), hours, equipment, quoted, tuple(runs))


def book_of(ws: Workspace, today: date) -> Book | None:
    """The workspace's books, read quietly for a quote: their problems are ``planner check``'s and
    ``planner orders``' to tell; a record they cannot say (dated after --today, a product that
    cannot be found) is left out. None: the workspace has no book."""
    from planner.bookfiles import book_files, load_book

    paths = book_files(ws)
    return load_book(ws, paths, today, quiet=paths) if paths else None


def queue_from(ws: Workspace, ctx: Context, book: Book | None) -> tuple[Job, ...]:
    """The open orders of the books, as the jobs a new quote joins (an order that cannot be costed
    does not join: its problems are told by planner orders)."""
    from planner.diagnostics import Diagnostics

    if book is None:
        return ()
    saved, ws.diagnostics = ws.diagnostics, Diagnostics(ws.place)
    try:
        works = open_works(ws, ctx, book)
    finally:
        ws.diagnostics = saved
    return tuple(queue_jobs(works))
