"""new, init and schema: the files planner writes for the user (the command line writes them)."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
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

KINDS = ("recipe", "pattern", "plan")
DUE_IN_DAYS = 14


def new_file(ws: Workspace, kind: str, target: Path, today: date, fmt: Any) -> Doc:
    """A commented file of ``kind`` for ``target`` that passes `planner check` as written
    (``fmt`` says its comments in the user's language)."""
    from planner.scaffolds import pattern_doc, plan_doc, recipe_doc

    if kind == "recipe":
        return recipe_doc(fmt, ws.catalog, ws.units, ws.settings, target.stem)
    if kind == "pattern":
        return pattern_doc(fmt, ws.catalog, ws.units, ws.settings, target.stem)
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
