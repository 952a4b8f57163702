"""quote: a quote for an order — a tailor's sizes of a pattern, an alteration, or a baker's pieces of a
recipe — its price, deposit, fabric, ready date on working days, and whether a due date is met."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.app.common import context, finish, load_products
from planner.book.ledger import Book
from planner.costing import Context
from planner.errors import InputError, problem
from planner.models import PatternProduct, Product, RecipeProduct
from planner.quoting import Quote, quote_pattern, quote_recipe
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace

AUDIENCES = ("customer", "maker")


@dataclass(frozen=True)
class QuoteOptions:
    size: str | None = None  # --size, with --qty
    qty: str | None = None  # --qty: garments of --size, or of a pattern without sizes
    sizes: str | None = None  # --sizes S=5,M=10
    pieces: str | None = None  # --pieces: a recipe's pieces
    fabric: str | None = None  # a catalog fabric instead of the pattern's
    customer_fabric: bool = False  # the customer brings the fabric
    brought: Decimal | None = None  # ... this many metres of it
    rush: bool = False
    price: Decimal | None = None  # a price per garment (or piece) to judge
    today: date = field(default_factory=date.today)
    due: date | None = None  # --due: the day the customer needs it
    audience: str = "maker"  # --for customer|maker
    customer: str = ""  # --customer NAME
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    save: str | None = None  # --save ID: write the order as books/orders/ID.toml
    deposit_paid: bool = False  # --deposit-paid: the deposit was paid on --today (a first payment)


@dataclass(frozen=True)
class SavedOrder:
    """The order a quote is taken as: the new book file and its one [[orders]] record."""

    path: Path
    data: dict[str, Any]


def audience(text: str | None, fmt: str) -> str:
    """--for customer|maker; left out, the customer's view for --format text and the maker's otherwise."""
    if text is None:
        return "customer" if fmt == "text" else "maker"
    if text.strip().lower() not in AUDIENCES:
        raise problem(
            _("--for {value}: say customer or maker"),
            hint=_("--for customer shows what the customer sees; --for maker adds HPP, fabric bought and the working"),
            value=text,
        )
    return text.strip().lower()


def due_date(due: date | None, today: date) -> date | None:
    if due is not None and due < today:
        raise problem(
            _("--due {due} is before today ({today})"),
            hint=_("give the day the customer needs the order, on or after --today"),
            due=due.isoformat(),
            today=today.isoformat(),
        )
    return due


def quote(ws: Workspace, file: Path, options: QuoteOptions) -> list[Report]:
    """The quote for the order ``options`` asks, of the pattern or recipe ``file``."""
    return quote_and_order(ws, file, options)[0]


def quote_and_order(ws: Workspace, file: Path, options: QuoteOptions) -> tuple[list[Report], SavedOrder | None]:
    """The quote, and with --save the order to write (its problems told with the quote's)."""
    from planner.app.orders import book_of, queue_from
    from planner.reports.quote import quote_report

    ctx = context(ws, options.prices, fabric=options.fabric, customer_fabric=options.customer_fabric)
    due = ws.diagnostics.collect(lambda: due_date(options.due, options.today))
    products = load_products(ws, [file])
    ws.diagnostics.raise_errors()
    product = products[0]
    order = recipe_pieces(options) if isinstance(product, RecipeProduct) else pattern_order(product, options)
    made = ws.diagnostics.collect(lambda: quote_product(product, ctx, order, options, due), product.path)
    ws.diagnostics.raise_errors()
    assert made is not None
    book = book_of(ws, options.today)
    made = replace(made, queue=queue_from(ws, ctx, book))
    saved = None
    if options.save is not None:
        saved = ws.diagnostics.collect(lambda: order_of(ws, made, options, book))
        ws.diagnostics.raise_errors()
    report = quote_report(
        made,
        ws.places,
        ws.settings.business,
        catalog_file=ws.catalog_file,
        settings_file=ws.settings_file,
        audience=options.audience,
        customer=options.customer,
    )
    return finish(ws, [report]), saved


def order_of(ws: Workspace, made: Quote, options: QuoteOptions, book: Book | None) -> SavedOrder:
    """--save ID: the quote as one [[orders]] record in books/orders/ID.toml (docs/orders.md)."""
    import os
    import re

    from planner.bookfiles import BOOKS

    assert options.save is not None
    order_id = options.save.strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", order_id):
        raise problem(
            _("--save {id}: an order id is letters, digits, '-', '_' or '.', starting with a letter or digit"),
            hint=_("e.g. --save seragam-sdn-7"),
            id=options.save,
        )
    if not options.customer:
        raise problem(_("--save needs the customer's name"), hint=_("add --customer NAME"))
    taken = [e for e in (book.orders if book else ()) if e.record.id == order_id]
    if taken:
        raise problem(
            _("order id '{id}' is already used in {file}"),
            hint=_("choose another id for --save"),
            id=order_id,
            file=taken[0].file,
        )
    folder = (ws.root or Path(".")) / BOOKS / "orders"
    path = folder / f"{order_id}.toml"
    if path.exists():
        raise problem(
            _("'{file}' already exists: an order file is written once"),
            hint=_("choose another id for --save"),
            file=str(path),
        )
    product = Path(os.path.relpath(made.file, folder)).as_posix()
    make = [
        {"product": product, **({"size": item.size} if item.size is not None else {}), "pieces": item.qty}
        for item in made.items
    ]
    record: dict[str, Any] = {
        "id": order_id,
        "date": options.today,
        "customer": options.customer,
        "due": made.due or made.ready,
        "make": make,
        "price": whole(made.total),
    }
    if options.deposit_paid:
        record["payments"] = [{"date": options.today, "amount": whole(made.deposit)}]
    return SavedOrder(path, {"orders": [record]})


def whole(amount: Decimal) -> int | Decimal:
    """Money as TOML writes it best: an integer when it is whole."""
    return int(amount) if amount == amount.to_integral_value() else amount


def quote_product(
    product: Product, ctx: Context, order: int | dict[str | None, int], options: QuoteOptions, due: date | None
) -> Quote:
    """A recipe's ``order`` is its pieces; a pattern's, its sizes and how many of each."""
    if isinstance(product, RecipeProduct):
        assert isinstance(order, int)
        return quote_recipe(product, ctx, order, today=options.today, rush=options.rush, price=options.price, due=due)
    assert isinstance(order, dict)
    return quote_pattern(
        product,
        ctx,
        order,
        today=options.today,
        rush=options.rush,
        brought=options.brought,
        price=options.price,
        due=due,
    )


def recipe_pieces(options: QuoteOptions) -> int:
    """--pieces N; sizes and fabric are a pattern's, not a recipe's."""
    if options.size is not None or options.sizes is not None or options.qty is not None:
        raise problem(
            _("a recipe is quoted in pieces, not in sizes"),
            hint=_("write e.g. --pieces 100"),
        )
    if options.fabric is not None or options.customer_fabric:
        raise problem(
            _("a recipe has no fabric: --fabric and --customer-fabric are for patterns"),
            hint=_("leave them out, and say how many pieces: --pieces 100"),
        )
    if options.pieces is None:
        raise problem(_("say how many pieces"), hint=_("write e.g. --pieces 100"))
    return count("--pieces", options.pieces)


def count(option: str, text: str) -> int:
    """A count on the command line (--pieces 100, --qty 2): a whole number above zero."""
    from planner import options

    try:
        return options.pieces(text)
    except InputError:
        raise problem(
            _("{option} {value}: write a whole number above zero"),
            hint=_("e.g. {option} 2"),
            option=option,
            value=text,
        ) from None


def pattern_order(product: PatternProduct, options: QuoteOptions) -> dict[str | None, int]:
    """--size with --qty, or --sizes; a pattern without sizes: --qty alone. An alteration has no fabric."""
    from planner import options as read

    pattern = product.model
    if options.pieces is not None:
        raise problem(
            _("--pieces is for recipes; a pattern is quoted in garments"),
            hint=_("write e.g. --qty {qty}") if not pattern.sizes else _("write e.g. --size {size} --qty {qty}"),
            qty=options.pieces,
            size=pattern.sizes[0] if pattern.sizes else "",
        )
    if pattern.fabric is None and (options.fabric is not None or options.customer_fabric):
        raise problem(
            _("{product} has no [fabric]: --fabric and --customer-fabric do not apply"),
            hint=_("leave them out: the customer brings the garment, and the quote has no fabric part"),
            product=pattern.name,
        )
    if pattern.sizes or options.size is not None or options.sizes is not None:
        sized: dict[str | None, int] = {k: n for k, n in read.order(options.size, options.qty, options.sizes).items()}
        return sized
    if options.qty is None:
        raise problem(_("say how many"), hint=_("write e.g. --qty 1"))
    return {None: count("--qty", options.qty)}
