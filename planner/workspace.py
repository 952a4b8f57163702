"""Find and load a workspace: settings, catalog, recipes, patterns and plans.

The only module that reads the user's files. With no ``planner.toml`` above the
first file (or the current folder) the embedded defaults in ``planner/data``
apply, so a new user can cost a recipe with no set-up.
"""

from __future__ import annotations

import os

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from planner import tomlfile
from planner.catalog import check_catalog
from planner.errors import InputError, InputErrors, path_problem, problem
from planner.models import MODELS, Item, Settings, kind_of
from planner.money import minor_places
from planner.units import UnitTable
from planner.validation import validate
from planner.texts import _

DATA = Path(__file__).parent / "data"
SETTINGS_FILE = "planner.toml"
CATALOG_FILE = "prices.toml"
SUFFIX = ".toml"


@dataclass(frozen=True)
class Product:
    """A recipe or pattern file, with its sub-recipes loaded (by reference as written)."""

    kind: str
    path: str
    model: Any
    subs: dict[str, "Product"] = field(default_factory=dict)


@dataclass
class Workspace:
    root: Path | None
    settings: Settings
    catalog: dict[str, Item]
    units: UnitTable
    settings_file: str
    catalog_file: str
    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, Any, dict[str, Any], str]] = field(default_factory=dict)  # load_file's
    reals: dict[str, str] = field(default_factory=dict)  # real_path by spelling

    def real(self, path: Path) -> str:
        """``real_path`` of ``path``, once per spelling (it costs a system call per folder)."""
        found = self.reals.get(str(path))
        if found is None:
            found = self.reals[str(path)] = str(real_path(path))
        return found

    @property
    def places(self) -> int:
        return minor_places(self.settings.currency)

    def place(self, err: InputError) -> InputError:
        """Put a line number on a problem, from the text of the file it names."""
        return tomlfile.place(err, err.path or "", self.texts.get(err.path or ""))

    def read(self, path: Path) -> tuple[dict[str, Any], str]:
        data, text = tomlfile.load(path)
        self.texts[str(path)] = text
        return data, text

    def validate(self, model: type, data: Any, path: str) -> Any:
        try:
            return validate(model, data, {"places": self.places})
        except InputErrors as errs:
            raise InputErrors([self.place(e.at(path)) for e in errs.problems]) from None


def find_root(start: Path) -> Path | None:
    """The first folder at or above ``start`` holding planner.toml."""
    start = real_path(start)
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / SETTINGS_FILE).is_file():
            return shown_path(candidate)
    return None


def real_path(path: Path) -> Path:
    """The absolute path with links followed; a link loop stays as written (reading it fails later)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def shown_path(folder: Path) -> Path:
    """``folder`` as a user would name it from the current folder: "." or "..",
    a path below it, or the absolute path when it lies elsewhere."""
    here = Path.cwd().resolve()
    if folder == here or folder in here.parents:
        return Path(*([".."] * (len(here.parts) - len(folder.parts)))) if folder != here else Path(".")
    try:
        return folder.relative_to(here)
    except ValueError:
        return folder


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    data, _ = tomlfile.load(DATA / "units.toml")
    return UnitTable.from_data(data)


def load_workspace(workspace: Path | None = None, first: Path | None = None,
                   on_settings: Callable[[Settings], None] | None = None) -> Workspace:
    """Load settings and catalog from ``workspace``, or the one above ``first``, or defaults.

    ``on_settings`` sees the settings before the catalog loads (so its errors speak their language).
    """
    if workspace is not None:
        if not (workspace / SETTINGS_FILE).is_file():
            raise problem(_("'{folder}' is not a workspace (no planner.toml there)"), hint=_("create one with: planner init {folder}"), folder=str(workspace)).at(str(workspace))
        root = workspace
    else:
        root = find_root(first if first is not None else Path.cwd())
    folder = root if root is not None else DATA
    ws = Workspace(root, Settings(), {}, unit_table(), str(folder / SETTINGS_FILE), "")
    ws.settings = _load_settings(ws, folder / SETTINGS_FILE)
    if on_settings is not None:
        on_settings(ws.settings)
    _check_money(ws)
    catalog_path = folder / CATALOG_FILE
    if root is not None and not catalog_path.is_file():
        catalog_path = DATA / CATALOG_FILE
    ws.catalog_file = str(catalog_path)
    ws.catalog = _load_catalog(ws, catalog_path)
    if ws.settings.units:
        ws.units = ws.units.with_units(ws.settings.units)
    return ws


def _load_settings(ws: Workspace, path: Path) -> Settings:
    data, _ = ws.read(path)
    return ws.validate(Settings, data, str(path))


def _check_money(ws: Workspace) -> None:
    """The settings' locale and currency must be ones Babel can write money in."""
    from planner.i18n import money_problem

    wrong = money_problem(ws.settings.locale, ws.settings.currency)
    if wrong is not None:
        key, err = wrong
        raise ws.place(err.at(ws.settings_file, loc=(key,)))


def _load_catalog(ws: Workspace, path: Path) -> dict[str, Item]:
    data, text = ws.read(path)
    index = tomlfile.line_index(text)
    catalog: dict[str, Item] = {}
    problems: list[InputError] = []
    for item_id, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(problem(_("'{item}' must be a table of the item's facts"), hint=_("write [{item}] then pack = \"1 kg\" and price = 12_700 on their own lines"),
                                    item=item_id).under(item_id))
            continue
        try:
            catalog[item_id] = validate(Item, entry, {"places": ws.places})
        except InputErrors as errs:
            problems.extend(e.under(item_id) for e in errs.problems)
    problems.extend(check_catalog(catalog, ws.units))
    errors = [tomlfile.place(e.at(str(path)), str(path), text, index) for e in problems]
    if any(e.severity == "error" for e in errors):
        raise InputErrors(errors)
    return catalog


def resolve_ref(ref: str, base: str) -> Path:
    """A path written inside a file is relative to that file; ``.toml`` may be left off."""
    path = Path(os.path.normpath(Path(base).parent / ref))
    if path.suffix != SUFFIX and not is_file(path):
        path = path.with_name(path.name + SUFFIX)
    return path


def load_file(ws: Workspace, path: Path) -> tuple[str, Any, dict[str, Any]]:
    """(kind, validated model, raw data) of a recipe, pattern or plan file.

    Read, parsed and validated once a run: a plan of 1,000 recipes, or `check`
    costing every file and then every plan, asks for the same files again."""
    key = ws.real(path)
    if key not in ws.files:
        data, text = ws.read(path)
        kind = kind_of(data)
        if kind is None:
            raise problem(_("cannot tell whether this is a recipe, a pattern or a plan"), hint=_("a recipe has [batch] and [[ingredients]], a pattern has sizes and [fabric], a plan has [[make]]"), file=str(path)).at(str(path), 1)
        ws.files[key] = (kind, ws.validate(MODELS[kind], data, str(path)), data, text)
    kind, model, data, text = ws.files[key]
    ws.texts.setdefault(str(path), text)
    return kind, model, data


def load_product(ws: Workspace, path: Path, _stack: tuple[str, ...] = ()) -> Product:
    """A recipe or pattern with every sub-recipe loaded; a cycle is an error."""
    key = ws.real(path)
    if key in _stack:
        chain = " → ".join(Path(p).name for p in (*_stack[_stack.index(key):], key))
        raise problem(_("sub-recipes refer to each other in a circle: {chain}"), hint=_("a recipe cannot use itself, directly or through others"), chain=chain)
    kind, model, _data = load_file(ws, path)
    if kind == "plan":
        raise problem(_("this is a production plan, not a recipe or pattern"), hint=_("use: planner plan {file}"), file=str(path)).at(str(path), 1)
    subs: dict[str, Product] = {}
    problems: list[InputError] = []
    for i, ingredient in enumerate(getattr(model, "ingredients", [])):
        if ingredient.recipe and ingredient.recipe not in subs:
            try:
                subs[ingredient.recipe] = _load_sub(ws, ingredient.recipe, path, (*_stack, key))
            except InputError as err:
                problems.append(ws.place(err.at(str(path), loc=("ingredients", i, "recipe"))))
            except InputErrors as errs:
                problems.extend(errs.problems)
    if problems:
        raise InputErrors(problems)
    return Product(kind, str(path), model, subs)


def _load_sub(ws: Workspace, ref: str, parent: Path, stack: tuple[str, ...]) -> Product:
    """The sub-recipe ``ref`` names; a missing file or a non-recipe is the parent's problem."""
    path = resolve_ref(ref, str(parent))
    if not is_file(path):
        raise problem(_("sub-recipe '{recipe}' not found (looked for {file})"), hint=_("the path is relative to this file; .toml may be left off"), recipe=ref, file=str(path))
    sub = load_product(ws, path, stack)
    if sub.kind != "recipe":
        raise problem(_("'{recipe}' is not a recipe, so it cannot be used as an ingredient"), hint=_("point recipe = at a recipe file (one with [batch])"), recipe=ref)
    return sub


def is_file(path: Path) -> bool:
    """``path.is_file()``; a path the system refuses to look at (too long) is an input problem."""
    try:
        return path.is_file()
    except OSError as exc:
        raise path_problem(exc) from None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders become the .toml files below them (not settings or catalog)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*" + SUFFIX)
                                if p.is_file() and p.name not in (SETTINGS_FILE, CATALOG_FILE)))
        else:
            found.append(path)
    return found
