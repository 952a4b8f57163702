"""planner new (a working, commented recipe, pattern or plan) and planner init (a workspace)."""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from planner.cli import app
from planner.cli.common import ForceOpt, LangOpt, WorkspaceOpt, check_lang, set_error_language
from planner.errors import InputError, InputErrors, problem
from planner.texts import _, msg

SUFFIX = ".toml"
DUE_IN_DAYS = 14


class Kind(str, Enum):
    recipe = "recipe"
    pattern = "pattern"
    plan = "plan"


WRITTEN = {Kind.recipe: _("Wrote {file}; cost it with: planner cost {file}"),
           Kind.pattern: _("Wrote {file}; cost it with: planner cost {file}"),
           Kind.plan: _("Wrote {file}; plan it with: planner plan {file}")}


@app.command(help=_("Write a commented file that works as written, using items of the active catalog.\n\nExample: planner new recipe recipes/kue-lapis"))
def new(
    kind: Annotated[Kind, typer.Argument(help=_("What to write: recipe, pattern or plan."), metavar="KIND",
                                         show_default=False)],
    path: Annotated[Path, typer.Argument(help=_("The new file (.toml is added if missing)."), metavar="PATH",
                                         show_default=False)],
    *,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    today: Annotated[Optional[str], typer.Option("--today", help=_("A plan's due date is two weeks from this date "
                                                 "(YYYY-MM-DD)."))] = None,
) -> None:
    from planner.cli.check import parse_today
    from planner.i18n import formatter_for
    from planner.workspace import load_workspace
    from planner.writing import write_checked

    check_lang(lang)
    if not path.name:  # "", ".", "/"
        raise problem(_("'{path}' names no file to write"), hint=_("give the new file a name, e.g. recipes/kue-lapis"), path=str(path))
    target = path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)
    ws = load_workspace(workspace, target)
    set_error_language(ws.settings.language)
    fmt = formatter_for(ws.settings, lang)
    doc = scaffold(kind, ws, fmt, target, parse_today(today))
    write_checked(target, doc.text(), doc.data, force=force)
    sys.stdout.write(fmt.text(msg(WRITTEN[kind], file=str(target))) + "\n")


def scaffold(kind: Kind, ws: Any, fmt: Any, target: Path, today: Any) -> Any:
    from planner.scaffolds import pattern_doc, plan_doc, recipe_doc

    if kind is Kind.recipe:
        return recipe_doc(fmt, ws.catalog, ws.units, ws.settings, target.stem)
    if kind is Kind.pattern:
        return pattern_doc(fmt, ws.catalog, ws.units, ws.settings, target.stem)
    products = find_products(ws, target)
    if not products:
        raise problem(_("found no recipe or pattern near this plan to put in it"), hint=_("make one first, e.g. planner new recipe recipes/kue, then write the plan next to recipes/ (e.g. plans/pesanan)")).at(str(target))
    refs = [(relative(p.path, target), p.kind, list(getattr(p.model, "sizes", []))) for p in products]
    recipe = next((p.model for p in products if p.kind == "recipe"), None)
    return plan_doc(fmt, target.stem, refs, stock_line(recipe), today + timedelta(days=DUE_IN_DAYS))


def relative(path: str, target: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), target.resolve().parent)).as_posix()


def stock_line(recipe: Any) -> tuple[str, str] | None:
    """The first catalog ingredient of a recipe, at its own amount: an example of opening stock."""
    from planner.scaling import quantity_text

    for ing in getattr(recipe, "ingredients", []):
        if ing.item:
            return ing.item, quantity_text(ing.qty)
    return None


def find_products(ws: Any, target: Path) -> list[Any]:
    """The first recipe and the first pattern near the plan (the workspace, or the folders around it)
    that load and cost without a problem."""
    from planner.cli.common import Shared
    from planner.cli.products import context
    from planner.costing import cost_product
    from planner.workspace import CATALOG_FILE, SETTINGS_FILE, load_product

    ctx = context(ws, Shared())
    found: dict[str, Any] = {}
    for path in candidates(ws, target):
        if path.name in (SETTINGS_FILE, CATALOG_FILE):
            continue
        try:
            product = load_product(ws, path)
            cost_product(product, ctx)
        except (InputError, InputErrors):
            continue
        found.setdefault(product.kind, product)
        if len(found) == 2:
            break
    return [found[k] for k in ("recipe", "pattern") if k in found]


def candidates(ws: Any, target: Path) -> list[Path]:
    roots = [ws.root] if ws.root else [target.parent, target.parent.parent]
    seen: dict[Path, Path] = {}
    for root in roots:
        for folder in (root, root / "recipes", root / "patterns"):
            if folder.is_dir():
                for path in sorted(folder.glob("*" + SUFFIX)):
                    seen.setdefault(path.resolve(), path)
    return [p for key, p in seen.items() if key != target.resolve()]


@app.command(help=_("Write an editable workspace: planner.toml and prices.toml copied from the defaults.\n\nExample: planner init usaha-kue"))
def init(
    folder: Annotated[Optional[Path], typer.Argument(help=_("Folder for the workspace (default: here)."),
                                                     metavar="DIR", show_default=False)] = None,
    *,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    from planner.i18n import Formatter

    check_lang(lang)
    set_error_language("id")  # no settings yet: the defaults' language (reports an unknown --lang)
    root = folder or Path(".")
    written = write_workspace(root, force)
    fmt = Formatter(lang or "id")
    sys.stdout.write(fmt.text(msg(_("Wrote {files}; edit the prices in prices.toml, then: planner new recipe {folder}/recipes/kue"), files=", ".join(str(p) for p in written),
                                  folder=str(root))) + "\n")


def write_workspace(root: Path, force: bool) -> list[Path]:
    """Copy the embedded settings and catalog (comments, sources and all) into ``root``; all or nothing."""
    from planner import tomlfile
    from planner.workspace import CATALOG_FILE, DATA, SETTINGS_FILE
    from planner.writing import write_text

    if root.exists() and not root.is_dir():
        raise problem(_("'{folder}' is a file, not a folder"), hint=_("choose a folder for the workspace"), folder=str(root)).at(str(root))
    targets = [root / SETTINGS_FILE, root / CATALOG_FILE]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise InputErrors([problem(_("'{file}' already exists; nothing was written"), hint=_("choose another name, or add --force to replace it"), file=str(t)).at(str(t)) for t in existing])
    texts = [tomlfile.read_text(DATA / t.name) for t in targets]
    for text, source in zip(texts, targets):
        tomlfile.parse(text, str(DATA / source.name))  # the defaults are valid TOML, as shipped
    root.mkdir(parents=True, exist_ok=True)
    for text, target in zip(texts, targets):
        write_text(target, text, force=force)
    for name in ("recipes", "patterns", "plans"):
        (root / name).mkdir(exist_ok=True)
    return targets
