"""new, init and schema: the files planner writes for the user (the command line writes them)."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner import tomlfile
from planner.app.common import for_sale
from planner.costing import Context, cost_product
from planner.errors import InputError, InputErrors, problem
from planner.models import Product, Recipe, RecipeProduct
from planner.scaffolds import Doc
from planner.texts import _
from planner.workspace import CATALOG_FILE, DATA, SETTINGS_FILE, SUFFIX, Workspace, load_product

KINDS = ("recipe", "pattern", "plan", "book")
DUE_IN_DAYS = 14


def new_file(ws: Workspace, kind: str, target: Path, today: date, fmt: Any) -> Doc:
    """A commented file of ``kind`` for ``target`` that passes `planner check` as written
    (``fmt`` says its comments in the user's language)."""
    from planner.scaffolds import pattern_doc, plan_doc, recipe_doc

    if kind == "recipe":
        return recipe_doc(fmt, ws.catalog, ws.units, ws.settings, target.stem)
    if kind == "pattern":
        return pattern_doc(fmt, ws.catalog, ws.units, ws.settings, target.stem)
    if kind == "book":
        return book_file(ws, target, today, fmt)
    products = products_near(ws, target)
    if not products:
        raise problem(
            _("found no recipe or pattern near this plan to put in it"),
            hint=_(
                "make one first, e.g. planner new recipe recipes/kue, then write the plan next to "
                "recipes/ (e.g. plans/pesanan)"
            ),
        ).at(str(target))
    refs = [
        (relative(p.path, target), p.kind, [] if isinstance(p, RecipeProduct) else list(p.model.sizes))
        for p in products
    ]
    recipe = next((p.model for p in products if isinstance(p, RecipeProduct)), None)
    return plan_doc(fmt, target.stem, refs, stock_line(recipe), today + timedelta(days=DUE_IN_DAYS))


def book_file(ws: Workspace, target: Path, today: date, fmt: Any) -> Doc:
    """A month's book whose examples name a product near it, dated today (or the first day of the
    earlier month the file is named after: books/2026-11)."""
    from planner.pricing import price_channel
    from planner.scaffolds import BookExample, book_doc
    from planner.scaling import quantity_text

    day = book_day(target, today)
    products = products_near(ws, target)
    if not products:
        raise problem(
            _("found no recipe or pattern near this book for its examples"),
            hint=_("make one first, e.g. planner new recipe recipes/kue, then write the book next to recipes/"),
        ).at(str(target))
    product = products[0]
    sheet = cost_product(product, Context(ws.settings, ws.catalog, ws.units))[0]
    price = price_channel(sheet.unit, ws.settings.channels[0], ws.settings.pricing).price
    line = next((line for line in sheet.lines if line.item and line.item in ws.catalog), None)
    item = ws.catalog[line.item] if line is not None and line.item else None
    example = BookExample(
        relative(product.path, target),
        sheet.size,
        max(1, int(sheet.sellable)),
        price,
        line.item if line is not None else None,
        quantity_text(item.pack) if item is not None else "",
        item.price if item is not None else Decimal(0),
    )
    return book_doc(fmt, day, example, ws.settings)


def book_day(target: Path, today: date) -> date:
    """The day of a new book's examples: today, or the first day of the earlier month it is named after."""
    found = re.fullmatch(r"(\d{4})-(\d{2})", target.stem)
    if found is None or not 1 <= int(found.group(2)) <= 12:
        return today
    first = date(int(found.group(1)), int(found.group(2)), 1)
    if first > today:
        raise problem(
            _("{month} is a month after today ({today}): a book records what has happened"),
            hint=_("write a month's book once it has begun, or give the day it is with --today"),
            month=target.stem,
            today=today.isoformat(),
        ).at(str(target))
    return first if (first.year, first.month) < (today.year, today.month) else today


def relative(path: str, target: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), target.resolve().parent)).as_posix()


def stock_line(recipe: Recipe | None) -> tuple[str, str] | None:
    """The first catalog ingredient of a recipe, at its own amount: an example of opening stock."""
    from planner.scaling import quantity_text

    for ing in recipe.ingredients if recipe is not None else []:
        if ing.item:
            return ing.item, quantity_text(ing.qty)
    return None


def products_near(ws: Workspace, target: Path) -> list[Product]:
    """The first recipe and the first pattern near the plan (the workspace, or the folders around it)
    that load and cost without a problem."""
    ctx = Context(ws.settings, ws.catalog, ws.units)
    found: dict[str, Product] = {}
    for path in candidates(ws, target):
        if path.name in (SETTINGS_FILE, CATALOG_FILE):
            continue
        try:
            product = load_product(ws, path)
            cost_product(product, ctx)
        except (InputError, InputErrors):
            continue
        if not for_sale(product):
            continue
        found.setdefault(product.kind, product)
        if len(found) == 2:
            break
    return [found[k] for k in ("recipe", "pattern") if k in found]


def candidates(ws: Workspace, target: Path) -> list[Path]:
    roots = [ws.root] if ws.root else [target.parent, target.parent.parent]
    seen: dict[Path, Path] = {}
    for root in roots:
        for folder in (root, root / "recipes", root / "patterns"):
            if folder.is_dir():
                for path in sorted(folder.glob("*" + SUFFIX)):
                    seen.setdefault(path.resolve(), path)
    return [p for key, p in seen.items() if key != target.resolve()]


TRADES = ("kue", "jahit")
_FOR = re.compile(r"^\[.*#\s*for (\w+)")


def for_trade(text: str, trade: str | None) -> str:
    """The settings ``text`` without the tables marked ``# for`` another trade (decision 6: no
    sewing machine in a baker's workspace); all of it when ``trade`` is None."""
    kept: list[str] = []
    keep = True
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            marked = _FOR.match(line)
            keep = trade is None or marked is None or marked.group(1) == trade
        if keep:
            kept.append(line)
    return "".join(kept).rstrip("\n") + "\n"


def workspace_files(root: Path, trade: str | None = None) -> list[tuple[Path, str]]:
    """The files of a new workspace at ``root``: the embedded settings (for ``trade``) and catalog,
    comments, sources and all (each checked to be valid TOML, as shipped)."""
    if root.exists() and not root.is_dir():
        raise problem(
            _("'{folder}' is a file, not a folder"), hint=_("choose a folder for the workspace"), folder=str(root)
        ).at(str(root))
    files = []
    for name in (SETTINGS_FILE, CATALOG_FILE):
        text = tomlfile.read_text(DATA / name)
        if name == SETTINGS_FILE:
            text = for_trade(text, trade)
        tomlfile.parse(text, str(DATA / name))
        files.append((root / name, text))
    return files


SUBFOLDERS = ("recipes", "patterns", "plans")


def schemas(kind: str | None, places: int) -> dict[str, dict[str, Any]]:
    """The JSON Schema of one file kind, or of every kind."""
    from planner.schemas import KINDS as SCHEMA_KINDS
    from planner.schemas import all_schemas, schema_for

    if kind is not None and kind not in SCHEMA_KINDS:
        raise problem(
            _("unknown file kind '{kind}'"), hint=_("use one of {known}"), kind=kind, known=", ".join(SCHEMA_KINDS)
        )
    return {kind: schema_for(kind, places)} if kind else all_schemas(places)
