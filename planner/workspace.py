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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import tomlfile
from planner.catalog import Catalog
from planner.diagnostics import Diagnostics
from planner.errors import InputError, InputErrors, path_problem, problem
from planner.models import MODELS, Kind, PatternProduct, Plan, Product, RecipeProduct, kind_of
from planner.records import Record
from planner.settings import Settings
from planner.texts import _
from planner.units import UnitTable
from planner.validation import validate

if TYPE_CHECKING:
    from planner.layering import Origins

DATA = Path(__file__).parent / "data"
SETTINGS_FILE = "planner.toml"
CATALOG_FILE = "prices.toml"
SUFFIX = ".toml"
EMBEDDED = "planner/data"  # how problems in the embedded defaults name their files, wherever planner is installed
MAX_DEPTH = 16  # sub-recipes inside sub-recipes: a real recipe has two or three levels


def shown(path: Path) -> str:
    """A file as problems name it: as given, or ``planner/data/NAME`` for an embedded default."""
    return f"{EMBEDDED}/{path.name}" if path.parent == DATA else str(path)


class Family:
    """What the workspaces of one run share: the run's first workspace finds the others.

    (A plain class: a dataclass costs its creation at every start, and this needs no fields' magic.)"""

    def __init__(self) -> None:
        self.members: dict[str, Workspace] = {}  # by root as shown ("None": the defaults)
        self.roots: dict[str, Path | None] = {}  # a real folder -> the workspace root above it
        # a file problems are placed in -> the file that really wrote a location (a layered workspace's
        # settings and catalog: a key its planner.toml did not write was set by a layer beneath)
        self.redirects: dict[str, Callable[[tuple[str | int, ...]], str]] = {}


@dataclass
class Workspace:
    """A loaded workspace, and what one run has read from it (each file is read once)."""

    root: Path | None
    settings: Settings
    catalog: Catalog
    units: UnitTable
    settings_file: str  # the nearest planner.toml (the embedded one without a workspace)
    catalog_file: str  # the nearest prices.toml of the layers (the embedded one when none has one)
    places: int = 0  # decimal places of money in the currency
    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[Kind, Record, dict[str, Any], str]] = field(default_factory=dict)
    reals: dict[str, str] = field(default_factory=dict)  # real_path by spelling
    opened: dict[str, Path] = field(default_factory=dict)  # every file of the user's opened, even if broken
    boundary: Path | None = None  # the folder references must stay inside (real path), None: anywhere
    diagnostics: Diagnostics = field(init=False)
    # keys of planner.toml replaced by their defaults because they are wrong (every key when the
    # file cannot be read): what depends on them (a product's equipment, --channel) is not judged
    settings_broken: frozenset[str] = frozenset()
    layers: tuple[str, ...] = ()  # the planner.toml files, the top-most first (none: the embedded defaults)
    catalogs: tuple[str, ...] = ()  # the prices.toml files read, the top-most first
    origins: Origins | None = None  # settings key path -> its layer's file (a sub-workspace's only)
    item_files: dict[str, str] = field(default_factory=dict)  # catalog item -> the prices.toml it came from
    pinned: bool = False  # --workspace: every file of the run is costed in this workspace
    family: Family = field(default_factory=Family)

    def __post_init__(self) -> None:
        self.diagnostics = Diagnostics(self.place)

    @property
    def defaults(self) -> bool:
        """Whether the run uses the embedded settings (no planner.toml was found)."""
        return self.root is None

    @property
    def layered(self) -> bool:
        """Whether this is a sub-workspace: settings or catalog come from more than one folder."""
        return len(self.layers) > 1

    def real(self, path: Path) -> str:
        """``real_path`` of ``path``, once per spelling (it costs a system call per folder)."""
        found = self.reals.get(str(path))
        if found is None:
            found = self.reals[str(path)] = str(real_path(path))
        return found

    def place(self, err: InputError) -> InputError:
        """Put a line number on a problem, from the text of the file it names (for a layered
        workspace's settings or catalog: the layer that wrote the key it is about)."""
        path = err.path or ""
        redirect = self.family.redirects.get(path)
        if redirect is not None and err.loc and err.line is None:
            path = redirect(err.loc)
            err = replace(err, path=path)
        return tomlfile.place(err, path, self.texts.get(path))

    def read(self, path: Path) -> dict[str, Any]:
        if path.parent != DATA:
            self.opened.setdefault(str(path), path)  # before reading: a file that fails to parse was read too
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
        """Every file of the user's this run has read or tried to (never to be written over)."""
        found = {p: Path(p) for p in self.texts if not p.startswith(EMBEDDED + "/")}
        return list((found | self.opened).values())

    def reference(self, ref: str, base: str) -> Path:
        """The file a reference written in ``base`` names; it must lie inside the boundary."""
        path = resolve_ref(ref, base)
        if self.boundary is not None and not inside(Path(self.real(path)), self.boundary):
            raise problem(
                _("'{ref}' lies outside '{folder}', the folder this run's files may refer to"),
                hint=_(
                    "a file may refer only to files inside its workspace: copy the file in, or run planner "
                    "from a folder that holds both"
                ),
                ref=ref,
                folder=str(shown_path(self.boundary)),
            )
        return path

    def source(self, *loc: str | int) -> str:
        """The file that set a settings key (``source("labor", "wage_per_hour")``)."""
        return self.origins.source(loc) if self.origins is not None else self.settings_file

    def item_source(self, item: str) -> str:
        """The prices.toml an item of the catalog came from."""
        return self.item_files.get(item, self.catalog_file)

    def for_file(self, path: Path) -> Workspace:
        """The workspace a product file is costed in: the one above it (each loaded once a run,
        sharing this run's files and problems), or this one with ``--workspace``."""
        if self.pinned:
            return self
        family = self.family
        folder = str(Path(self.real(path)).parent)
        if folder not in family.roots:
            try:
                family.roots[folder] = root_above(Path(folder))
            except OSError:  # a path the system will not look at: reading the file says what is wrong
                family.roots[folder] = self.root
        key = str(family.roots[folder])
        if key == str(self.root):
            return self
        found = family.members.get(key)
        if found is None:
            from planner.layers import open_workspace

            found = family.members[key] = open_workspace(family.roots[folder], kin=self)
            self._same_money(found)
        return found

    def _same_money(self, other: Workspace) -> None:
        """Products of one run are shown in one currency: the run's first workspace's."""
        first = next(iter(self.family.members.values()))
        if other.settings.currency != first.settings.currency:
            self.diagnostics.add(
                problem(
                    _("this workspace counts money in {currency}, the other products of this run in {first}"),
                    hint=_("run planner on the products of each currency apart"),
                    currency=other.settings.currency,
                    first=first.settings.currency,
                ).under("currency"),
                other.settings_file,
            )


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it (both real paths)."""
    text, top = str(path), str(folder)
    return text == top or text.startswith(top if top.endswith(os.sep) else top + os.sep)


def boundary(root: Path | None, first: Path | None) -> Path:
    """The workspace; with none, the current folder when the first file lies in it, else the folder
    above the first file's (a plan in plans/ names ../recipes/; docs/performance.md, Robustness)."""
    if root is not None:
        return real_path(root)
    here = real_path(Path.cwd())
    if first is None:
        return here
    named = real_path(first)
    return here if inside(named, here) else named.parent.parent


def find_root(start: Path) -> Path | None:
    """The first folder at or above ``start`` holding planner.toml."""
    start = real_path(start)
    return root_above(start if start.is_dir() else start.parent)


def root_above(folder: Path) -> Path | None:
    """The first folder at or above the real folder ``folder`` holding planner.toml, as shown."""
    for candidate in (folder, *folder.parents):
        if (candidate / SETTINGS_FILE).is_file():
            return shown_path(candidate)
    return None


def real_path(path: Path) -> Path:
    """The absolute path with links followed; a link loop stays as written (reading it fails later)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # ValueError: a NUL in the name (read_text says so)
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

    Their problems are in ``ws.diagnostics``; what is broken is replaced by defaults. With
    ``--workspace`` every file of the run is costed in it (``pinned``); otherwise each file in
    the workspace above it (``for_file``)."""
    from planner.layers import open_workspace

    root = workspace_root(workspace, first)
    ws = open_workspace(root, pinned=workspace is not None)
    ws.boundary = boundary(root, first)
    ws.family.members[str(root)] = ws
    return ws


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
        if not data:
            only_comments = bool(ws.texts.get(str(path), "").strip())
            raise problem(
                _("the file holds only comments: it is empty") if only_comments else _("the file is empty"),
                hint=_("planner new recipe PATH (or pattern, plan) writes a file that works, to start from"),
            ).at(str(path), 1)
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
    if len(_stack) >= MAX_DEPTH:
        raise problem(
            _("sub-recipes go more than {limit} levels deep here"),
            hint=_("a sub-recipe may use another, but not {limit} deep: check the chain of recipe = lines"),
            limit=MAX_DEPTH,
        )
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
    path = ws.reference(ref, str(parent))
    if not exists(path):  # a FIFO or a device is there, and reading it says so
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


def exists(path: Path) -> bool:
    """``path.exists()``; a path the system refuses to look at is an input problem."""
    try:
        return path.exists()
    except OSError as exc:
        raise path_problem(exc) from None


def is_file(path: Path) -> bool:
    """``path.is_file()``; a path the system refuses to look at (too long) is an input problem."""
    try:
        return path.is_file()
    except OSError as exc:
        raise path_problem(exc) from None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders become the .toml files below them (not settings or catalog)."""
    return toml_files(paths)[0]


def toml_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """``expand_paths``, and the folders below the named folders that hold a planner.toml (one walk)."""
    found: list[Path] = []
    settings: list[Path] = []
    for path in paths:
        if path.is_dir():
            below = sorted(p for p in path.rglob("*" + SUFFIX) if p.is_file())
            found.extend(p for p in below if p.name not in (SETTINGS_FILE, CATALOG_FILE))
            settings.extend(p.parent for p in below if p.name == SETTINGS_FILE)
        else:
            found.append(path)
    return found, settings
