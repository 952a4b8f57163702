"""check: every problem of every file in one run, and a line per file.

Each file is read, validated, loaded with its sub-recipes and costed (a plan:
planned). A file whose shape is wrong is not given up on: each of its lines
that is right on its own is still costed, so an unknown item or a conversion
that cannot be made shows in the same run as the wrong value beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planner import tomlfile
from planner.app.common import Contexts
from planner.app.planning import PlanOptions, plan_orders, stock_of
from planner.costing import Context, cost_product, cost_recipe, item_line
from planner.diagnostics import Counts
from planner.errors import InputError, InputErrors
from planner.models import Ingredient, Line, Make, Overhead, Plan, kind_of
from planner.planning import plan_production
from planner.records import Record
from planner.units import Quantity
from planner.validation import validate
from planner.workspace import (
    EMBEDDED,
    SETTINGS_FILE,
    Workspace,
    load_file,
    load_product,
    load_sub,
    toml_files,
)


@dataclass(frozen=True)
class CheckOptions:
    today: date = field(default_factory=date.today)  # price ages are judged against this day
    whole: bool = True  # the whole workspace: also tell unused catalog items


@dataclass(frozen=True)
class Checked:
    """What one check found: every problem, and each file's count of them."""

    files: tuple[str, ...]  # the files asked for, in order
    problems: tuple[InputError, ...]
    counts: Mapping[str, Counts]  # per file with problems (settings, catalog and others too)
    workspaces: tuple[Workspace, ...] = ()  # every workspace the files were checked in

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def lines(self) -> list[tuple[str, Counts]]:
        """Each file with its counts: the files checked (settings and catalog first), then any other
        file with problems (a sub-recipe elsewhere, a plan's product, the embedded defaults)."""
        named = set(self.files)  # a set: 1,200 files against 1,200 counts is not 1.4 million comparisons
        order = [*self.files, *(p for p in self.counts if p not in named)]
        return [(path, self.counts.get(path, Counts())) for path in dict.fromkeys(order)]


def check(ws: Workspace, paths: Sequence[Path], options: CheckOptions) -> Checked:
    """Check the files (a folder: its .toml files; nothing: the whole workspace), each in the
    workspace of its own folder; every sub-workspace's settings and catalog are checked too."""
    from planner.bookfiles import is_book_file

    asked = list(paths) or [ws.root or Path(".")]
    files, folders = toml_files(asked)
    contexts = Contexts(ws)
    for folder in folders:  # a sub-workspace's settings and catalog, whether or not a file is checked in it
        ws.for_file(folder / SETTINGS_FILE)
    used: set[str] = set()
    books = {path for path in files if is_book_file(path)}
    books_of: dict[int, tuple[Workspace, list[Path]]] = {}
    for path in files:
        own, ctx = contexts(str(path))
        if path in books:
            books_of.setdefault(id(own), (own, []))[1].append(path)
        else:
            used |= ws.diagnostics.collect(lambda: check_file(own, ctx, path), str(path)) or set()
        used |= mentioned_items(ws.texts.get(str(path)))
    for own, its_books in books_of.values():  # each book against its own workspace's shops and members
        used |= check_books(own, its_books, options.today, named=bool(paths))
    members = list(ws.family.members.values()) or [ws]
    for own in members:
        ws.diagnostics.extend(workspace_warnings(own, used, whole=options.whole and not paths, today=options.today))
    mine = [f for own in members if own.root is not None for f in (*own.layers, *own.catalogs)]
    own_files = [f for f in dict.fromkeys(mine) if not f.startswith(EMBEDDED)]
    return Checked(
        tuple(own_files + [str(p) for p in files]),
        tuple(ws.diagnostics.problems),
        ws.diagnostics.counts(),
        tuple(members),
    )


def check_books(ws: Workspace, books: list[Path], today: date, *, named: bool) -> set[str]:
    """Every record of the books, checked against the workspace and each other; the items bought.

    A book named alone is checked with the other books of the workspace read too (their own
    problems not told), so a visit may count pieces delivered in last month's book."""
    from planner.book.planned import catalog_price_warnings
    from planner.book.share import withdrawal_problems
    from planner.bookfiles import book_files, load_book

    if not books:
        return set()
    history = [p for p in book_files(ws) if p not in books] if named else []
    book = load_book(ws, [*books, *history], today, quiet=history)
    told = {str(p) for p in books}
    _bad, beyond = withdrawal_problems(book.capital)  # what planner share would refuse, told here too
    ws.diagnostics.extend(p for p in beyond if p.path in told)
    if ws.own_catalog:
        ws.diagnostics.extend(
            ws.diagnostics.collect(lambda: catalog_price_warnings(book, ws.catalog, ws.units, ws.catalog_file)) or []
        )
    return {entry.record.item for entry in book.bought}


def check_file(ws: Workspace, ctx: Context, path: Path) -> set[str]:
    """Load and cost (a plan: plan) one file; the catalog items it uses."""
    try:
        _kind, model, _data = load_file(ws, path)
    except InputErrors as errs:
        ws.diagnostics.extend(errs.problems, str(path))
        return salvage(ws, ctx, path)
    if isinstance(model, Plan):
        return check_plan(ws, ctx, path, model)
    used: set[str] = set()
    for sheet in cost_product(load_product(ws, path), ctx):
        ws.diagnostics.extend(sheet.notes)
        used |= {line.item for line in sheet.lines if line.item} | set(sheet.needs())
    return used


def check_plan(ws: Workspace, ctx: Context, path: Path, model: Plan) -> set[str]:
    """Every product of the plan loads and costs, its stock is known, and it plans."""
    diag = ws.diagnostics
    before = diag.error_count
    orders = plan_orders(ws, ctx, path, model)
    stock = diag.collect(lambda: stock_of(ws, model, None), str(path)) or {}
    if diag.error_count == before and orders:
        options = PlanOptions()
        made = diag.collect(
            lambda: plan_production(
                orders,
                stock,
                ws.settings,
                ws.catalog,
                ws.units,
                ctx.prices,
                today=options.today,
                stock_at=(str(path), ("stock",)),
            ),
            str(path),
        )
        diag.extend(made.notes if made else ())
    return {item for order in orders for item in order.sheet.needs()} | set(stock)


# ---------------------------------------------------------------- a file whose shape is wrong

LINES: dict[str, tuple[tuple[tuple[str, ...], type[Record]], ...]] = {
    "recipe": ((("ingredients",), Ingredient), (("overhead",), Overhead), (("packaging", "items"), Line)),
    "pattern": ((("materials",), Line), (("overhead",), Overhead), (("packaging", "items"), Line)),
    "plan": ((("make",), Make),),
}


def salvage(ws: Workspace, ctx: Context, path: Path) -> set[str]:
    """Cost every line of an invalid file that is right on its own; the items they use."""
    text = ws.texts.get(str(path))
    data = tomlfile.parse(text, str(path)) if text is not None else {}
    kind = kind_of(data)
    used: set[str] = set()
    for where, model in LINES.get(kind or "", ()):
        for i, line in enumerate(_entries(data, where)):
            found = _valid(model, line, ws.places)
            if found is not None:
                used |= salvage_line(ws, ctx, path, (*where, i), found)
    return used


def _entries(data: Mapping[str, Any], where: tuple[str, ...]) -> list[Any]:
    value: Any = data
    for key in where:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value if isinstance(value, list) else []


def _valid(model: type[Record], value: Any, places: int) -> Any:
    try:
        return validate(model, value, {"places": places})
    except InputErrors:  # told already, by the whole file's validation
        return None


def salvage_line(ws: Workspace, ctx: Context, path: Path, loc: tuple[str | int, ...], line: Any) -> set[str]:
    """One line of a broken file: its item priced, its sub-recipe loaded, its plan product loaded."""
    diag = ws.diagnostics
    if isinstance(line, Make):
        diag.collect(
            lambda: cost_product(load_product(ws, ws.reference(line.product, str(path))), ctx),
            str(path),
            under=(*loc, "product"),
        )
        return set()
    if isinstance(line, Ingredient) and line.recipe is not None:
        ref = line.recipe
        sub = diag.collect(lambda: load_sub(ws, ref, path, (ws.real(path),)), str(path), under=(*loc, "recipe"))
        if sub is not None:
            diag.collect(lambda: cost_recipe(sub, ctx))
        return set()
    item, qty = getattr(line, "item", None), getattr(line, "qty", None)
    if item is None or not isinstance(qty, Quantity):
        return set()
    diag.collect(lambda: item_line(ctx, "check", item, qty), str(path), under=(*loc, "item"))
    return {item}


# ---------------------------------------------------------------- the workspace as a whole


def mentioned_items(text: str | None) -> set[str]:
    """Every ``item = "..."`` a file names, even when the file has errors (for 'unused item')."""

    def walk(value: Any) -> Iterable[str]:
        if isinstance(value, dict):
            if isinstance(value.get("item"), str):
                yield value["item"]
            for inner in value.values():
                yield from walk(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from walk(inner)

    try:
        return set(walk(tomlfile.parse(text, ""))) if text else set()
    except InputError:
        return set()


def workspace_warnings(ws: Workspace, used: set[str], *, whole: bool, today: date) -> list[InputError]:
    """Stale prices and unused items, for a catalog the user owns. Only the items of the workspace's
    own prices.toml can be unused: a class's item may be used by another participant's folder."""
    from planner.checks import stale_prices, unused_items

    if not ws.own_catalog:
        return []
    warnings = stale_prices(ws.catalog, today)
    if whole and ws.root is not None and Path(ws.catalog_file).parent == ws.root:
        mine = {item: entry for item, entry in ws.catalog.items() if ws.item_source(item) == ws.catalog_file}
        warnings += unused_items(mine, used)
    return [w.at(ws.catalog_file) for w in warnings]
