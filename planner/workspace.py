"""Find and load a workspace: settings, catalog, recipes, patterns and plans.

The only module that reads the user's files. With no ``planner.toml`` above the
first file (or the current folder) the embedded defaults in ``planner/data``
apply, so a new user can cost a recipe with no set-up.

Loading the settings and the catalog never stops at a problem: each problem
goes into the run's Diagnostics, a broken settings table is replaced by its
default and a broken catalog item is left out (and remembered as broken), so a
run still checks every file that does not depend on what is broken.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from planner import tomlfile
from planner.catalog import Catalog, check_catalog
from planner.diagnostics import Diagnostics
from planner.errors import InputError, InputErrors, path_problem, problem
from planner.locales import currency_places
from planner.models import MODELS, Item, Kind, PatternProduct, Plan, Product, RecipeProduct, Settings, kind_of
from planner.records import Record
from planner.texts import _
from planner.units import UnitTable
from planner.validation import validate

DATA = Path(__file__).parent / "data"
SETTINGS_FILE = "planner.toml"
CATALOG_FILE = "prices.toml"
SUFFIX = ".toml"
DEFAULT_CURRENCY = "IDR"
EMBEDDED = "planner/data"  # how problems in the embedded defaults name their files, wherever planner is installed


def shown(path: Path) -> str:
    """A file as problems name it: as given, or ``planner/data/NAME`` for an embedded default."""
    return f"{EMBEDDED}/{path.name}" if path.parent == DATA else str(path)


@dataclass
class Workspace:
    """A loaded workspace, and what one run has read from it (each file is read once)."""

    root: Path | None
    settings: Settings
    catalog: Catalog
    units: UnitTable
    settings_file: str
    catalog_file: str
    places: int = 0  # decimal places of money in the currency
    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[Kind, Record, dict[str, Any], str]] = field(default_factory=dict)
    reals: dict[str, str] = field(default_factory=dict)  # real_path by spelling
    diagnostics: Diagnostics = field(init=False)
    # keys of planner.toml replaced by their defaults because they are wrong (every key when the
    # file cannot be read): what depends on them (a product's equipment, --channel) is not judged
    settings_broken: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.diagnostics = Diagnostics(self.place)

    @property
    def defaults(self) -> bool:
        """Whether the run uses the embedded settings (no planner.toml was found)."""
        return self.root is None

    def real(self, path: Path) -> str:
        """``real_path`` of ``path``, once per spelling (it costs a system call per folder)."""
        found = self.reals.get(str(path))
        if found is None:
            found = self.reals[str(path)] = str(real_path(path))
        return found

    def place(self, err: InputError) -> InputError:
        """Put a line number on a problem, from the text of the file it names."""
        return tomlfile.place(err, err.path or "", self.texts.get(err.path or ""))

    def read(self, path: Path) -> dict[str, Any]:
        data, text = tomlfile.load(path)
        self.texts[shown(path)] = text
        return data

    @property
    def own_catalog(self) -> bool:
        """Whether the catalog is the user's (not the embedded one)."""
        return not self.catalog_file.startswith(EMBEDDED + "/")

    def validate(self, model: type[Record], data: Any, path: str) -> Any:
        try:
            return validate(model, data, {"places": self.places})
        except InputErrors as errs:
            raise InputErrors([self.place(e.at(path)) for e in errs.problems]) from None

    def read_paths(self) -> list[Path]:
        """Every file of the user's this run has read (never to be written over)."""
        return [Path(p) for p in self.texts if not p.startswith(EMBEDDED + "/")]


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
    data, _text = tomlfile.load(DATA / "units.toml")
    return UnitTable.from_data(data)


def workspace_root(workspace: Path | None, first: Path | None) -> Path | None:
    """``--workspace DIR`` (which must hold planner.toml), else the folder above ``first``."""
    if workspace is None:
        return find_root(first if first is not None else Path.cwd())
    if not (workspace / SETTINGS_FILE).is_file():
        raise problem(
            _("'{folder}' is not a workspace (no planner.toml there)"),
            hint=_("create one with: planner init {folder}"),
            folder=str(workspace),
        ).at(str(workspace))
    return workspace


def load_workspace(workspace: Path | None = None, first: Path | None = None) -> Workspace:
    """Settings and catalog from ``workspace``, or the one above ``first``, or the defaults.

    Their problems are in ``ws.diagnostics``; what is broken is replaced by defaults."""
    root = workspace_root(workspace, first)
    folder = root if root is not None else DATA
    catalog_path = folder / CATALOG_FILE
    if root is not None and not catalog_path.is_file():
        catalog_path = DATA / CATALOG_FILE
    ws = Workspace(root, Settings(), Catalog(), unit_table(), shown(folder / SETTINGS_FILE), shown(catalog_path))
    ws.settings = _load_settings(ws, folder / SETTINGS_FILE)
    if ws.settings.units:
        ws.units = ws.units.with_units(ws.settings.units)
    ws.catalog = _load_catalog(ws, catalog_path)
    return ws


def _load_settings(ws: Workspace, path: Path) -> Settings:
    """The settings, validated with their own currency; a broken table gives way to its default."""
    data = ws.diagnostics.collect(lambda: ws.read(path), shown(path))
    if data is None:
        ws.settings_broken = frozenset(Settings.fields())
        return Settings()
    ws.places = currency_places(data.get("currency", DEFAULT_CURRENCY))
    settings, broken = validate_partly(ws, Settings, data, shown(path))
    wrong = _money_problem(settings)
    if wrong is not None:
        key, err = wrong
        ws.diagnostics.add(err.under(key), shown(path))
        settings = settings.copy({key: getattr(Settings(), key)})
        broken |= {key}
    ws.settings_broken = frozenset(broken)
    assert isinstance(settings, Settings)
    ws.places = currency_places(settings.currency)
    return settings


def _money_problem(settings: Settings) -> tuple[str, InputError] | None:
    """The settings' locale and currency must be ones Babel can write money in."""
    from planner.i18n import money_problem

    return money_problem(settings.locale, settings.currency)


def validate_partly(ws: Workspace, model: type[Record], data: dict[str, Any], path: str) -> tuple[Any, set[str]]:
    """``model`` from ``data``, and the keys that were wrong; with problems, they are kept and the
    keys they are in are left out (their defaults apply), so what is right still counts. The
    defaults (every key wrong) when nothing is left."""
    everything = set(model.fields())
    try:
        return ws.validate(model, data, path), set()
    except InputErrors as errs:
        ws.diagnostics.extend(errs.problems, path)
        wrong = {str(e.loc[0]) for e in errs.problems if e.loc}
        if len(wrong) < len({e.loc[:1] for e in errs.problems}):  # a problem of the whole file
            return model.model_validate({}, context={"places": ws.places}), everything
        kept = {key: value for key, value in data.items() if key not in wrong}
    try:
        return ws.validate(model, kept, path), wrong
    except InputErrors as errs:  # what was left depended on what was taken out
        ws.diagnostics.extend(errs.problems, path)
        return model.model_validate({}, context={"places": ws.places}), everything


def _load_catalog(ws: Workspace, path: Path) -> Catalog:
    """Every item that validates and whose units work; the others are reported and kept as broken."""
    where = shown(path)
    data = ws.diagnostics.collect(lambda: ws.read(path), where) or {}
    items: dict[str, Item] = {}
    broken: set[str] = set()
    for item_id, entry in data.items():
        if not isinstance(entry, dict):
            ws.diagnostics.add(
                problem(
                    _("'{item}' must be a table of the item's facts"),
                    hint=_('write [{item}] then pack = "1 kg" and price = 12_700 on their own lines'),
                    item=item_id,
                ).under(item_id),
                where,
            )
            broken.add(item_id)
            continue
        try:
            items[item_id] = validate(Item, entry, {"places": ws.places})
        except InputErrors as errs:
            ws.diagnostics.extend((e.under(item_id) for e in errs.problems), where)
            broken.add(item_id)
    for err in check_catalog(items, ws.units):
        ws.diagnostics.add(err, where)
        broken.add(str(err.loc[0]))
    return Catalog.of({k: v for k, v in items.items() if k not in broken}, broken)


def resolve_ref(ref: str, base: str) -> Path:
    """A path written inside a file is relative to that file; ``.toml`` may be left off."""
    path = Path(os.path.normpath(Path(base).parent / ref))
    if path.suffix != SUFFIX and not is_file(path):
        path = path.with_name(path.name + SUFFIX)
    return path


def load_file(ws: Workspace, path: Path) -> tuple[Kind, Record, dict[str, Any]]:
    """(kind, validated model, raw data) of a recipe, pattern or plan file.

    Read, parsed and validated once a run: a plan of 1,000 recipes, or `check`
    costing every file and then every plan, asks for the same files again."""
    key = ws.real(path)
    if key not in ws.files:
        data = ws.read(path)
        kind = kind_of(data)
        if kind is None and _is_book(data):
            raise problem(
                _("this is a book of records, not a recipe, a pattern or a plan"),
                hint=_("read it with: planner book {file}, or planner titip {file}"),
                file=str(path),
            ).at(str(path), 1)
        if kind is None:
            raise problem(
                _("cannot tell whether this is a recipe, a pattern or a plan"),
                hint=_(
                    "a recipe has [batch] and [[ingredients]], a pattern has sizes and [fabric], a plan has [[make]]"
                ),
                file=str(path),
            ).at(str(path), 1)
        ws.files[key] = (kind, ws.validate(MODELS[kind], data, str(path)), data, ws.texts[str(path)])
    kind, model, data, text = ws.files[key]
    ws.texts.setdefault(str(path), text)
    return kind, model, data


def _is_book(data: dict[str, Any]) -> bool:
    from planner.book.records import holds_records

    return holds_records(data)


def load_plan(ws: Workspace, path: Path) -> Plan:
    """A plan file's model; a recipe or pattern named alone says how to ask for it instead."""
    kind, model, _data = load_file(ws, path)
    if kind == "recipe":
        raise problem(
            _("this is a recipe: say how many pieces to make"),
            hint=_("write {file}=N, e.g. {file}=150"),
            file=str(path),
        ).at(str(path))
    if kind == "pattern":
        raise pattern_by_sizes(str(path)).at(str(path))
    assert isinstance(model, Plan)
    return model


def pattern_by_sizes(file: str) -> InputError:
    return problem(
        _("a sewing pattern is planned by sizes, not by pieces"),
        hint=_(
            'write a plan file with [[make]] product = "{file}" and sizes = {{ S = 5, M = 10 }} (planner new plan ...)'
        ),
        file=file,
    )


def load_product(ws: Workspace, path: Path, _stack: tuple[str, ...] = ()) -> Product:
    """A recipe or pattern with every sub-recipe loaded; a cycle is an error."""
    from planner.models import Pattern, Recipe

    key = ws.real(path)
    if key in _stack:
        chain = " → ".join(Path(p).name for p in (*_stack[_stack.index(key) :], key))
        raise problem(
            _("sub-recipes refer to each other in a circle: {chain}"),
            hint=_("a recipe cannot use itself, directly or through others"),
            chain=chain,
        )
    _kind, model, _data = load_file(ws, path)
    if isinstance(model, Pattern):
        return PatternProduct(str(path), model)
    if not isinstance(model, Recipe):
        raise problem(
            _("this is a production plan, not a recipe or pattern"), hint=_("use: planner plan {file}"), file=str(path)
        ).at(str(path), 1)
    subs: dict[str, RecipeProduct] = {}
    found = Diagnostics(ws.place, str(path))
    for i, ingredient in enumerate(model.ingredients):
        ref = ingredient.recipe
        if ref and ref not in subs:
            sub = found.collect(lambda: load_sub(ws, ref, path, (*_stack, key)), under=("ingredients", i, "recipe"))
            if sub is not None:
                subs[ref] = sub
    found.raise_errors()
    return RecipeProduct(str(path), model, subs)


def load_sub(ws: Workspace, ref: str, parent: Path, stack: tuple[str, ...]) -> RecipeProduct:
    """The sub-recipe ``ref`` names; a missing file or a non-recipe is the parent's problem."""
    path = resolve_ref(ref, str(parent))
    if not is_file(path):
        raise problem(
            _("sub-recipe '{recipe}' not found (looked for {file})"),
            hint=_("the path is relative to this file; .toml may be left off"),
            recipe=ref,
            file=str(path),
        )
    sub = load_product(ws, path, stack)
    if not isinstance(sub, RecipeProduct):
        raise problem(
            _("'{recipe}' is not a recipe, so it cannot be used as an ingredient"),
            hint=_("point recipe = at a recipe file (one with [batch])"),
            recipe=ref,
        )
    return sub


def is_file(path: Path) -> bool:
    """``path.is_file()``; a path the system refuses to look at (too long) is an input problem."""
    try:
        return path.is_file()
    except OSError as exc:
        raise path_problem(exc) from None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders become the .toml files below them (not settings or catalog)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p for p in path.rglob("*" + SUFFIX) if p.is_file() and p.name not in (SETTINGS_FILE, CATALOG_FILE)
                )
            )
        else:
            found.append(path)
    return found
