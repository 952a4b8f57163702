"""Reading a workspace's settings and catalog, layer by layer.

A workspace is the nearest folder holding planner.toml; every folder right above
it that holds one too is a layer beneath it (the class beneath the participant),
up to the first folder without one (docs/class.md says why it stops there).
Each layer's planner.toml is read once and merged (planner.layering); each
layer's prices.toml adds to and overrides the catalog above it, item by item.

Loading never stops at a problem: each goes into the run's Diagnostics at the
file and line that wrote it, a broken settings table gives way to its default and
a broken catalog item is left out (and remembered as broken).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.catalog import Catalog, check_catalog, settle_packs
from planner.errors import InputError, InputErrors, problem
from planner.locales import currency_places
from planner.models import Item
from planner.records import Record
from planner.settings import Settings
from planner.texts import _
from planner.validation import validate
from planner.workspace import (
    CATALOG_FILE,
    DATA,
    SETTINGS_FILE,
    Workspace,
    real_path,
    shown,
    shown_path,
    unit_table,
)

DEFAULT_CURRENCY = "IDR"


def open_workspace(root: Path | None, *, pinned: bool = False, kin: Workspace | None = None) -> Workspace:
    """The workspace at ``root`` with its layers beneath it; ``kin`` shares the run's files and problems."""
    folders = layer_folders(root)
    settings_paths = [f / SETTINGS_FILE for f in folders] or [DATA / SETTINGS_FILE]
    catalog_paths = [f / CATALOG_FILE for f in folders if (f / CATALOG_FILE).is_file()] or [DATA / CATALOG_FILE]
    ws = Workspace(root, Settings(), Catalog(), unit_table(), shown(settings_paths[-1]), shown(catalog_paths[-1]))
    ws.pinned, ws.layers = pinned, tuple(shown(p) for p in settings_paths) if folders else ()
    ws.catalogs = tuple(shown(p) for p in catalog_paths)
    if kin is not None:
        ws.texts, ws.files, ws.reals, ws.family = kin.texts, kin.files, kin.reals, kin.family
        ws.diagnostics, ws.opened, ws.boundary = kin.diagnostics, kin.opened, kin.boundary
    ws.settings = load_settings(ws, settings_paths, shown)
    if ws.settings.units:
        ws.units = ws.units.with_units(ws.settings.units)
    ws.catalog = load_catalog(ws, catalog_paths, shown)
    return ws


def layer_folders(root: Path | None) -> list[Path]:
    """``root`` and the folders right above it that hold planner.toml too, the top-most first.

    The layers stop at the first folder without planner.toml: a stray planner.toml further up
    (in a home folder, say) never changes a workspace's figures, and a folder that groups
    sub-workspaces joins the layers by holding a planner.toml, even an empty one."""
    if root is None:
        return []
    folders = [root]
    here = real_path(root)
    for above in here.parents:
        if not (above / SETTINGS_FILE).is_file():
            break
        folders.insert(0, shown_path(above))
    return folders


def load_settings(ws: Workspace, paths: list[Path], shown: Any) -> Settings:
    """The layers' settings merged and validated with their own currency; a broken table gives way
    to its default, and a layer that cannot be read leaves every key unjudged."""
    layers: list[Layer] = []
    unread = False
    for path in paths:
        where = shown(path)
        data = ws.diagnostics.collect(lambda: ws.read(path), where)
        if data is None:
            unread = True
            continue
        layers.append((where, _agreeing(ws, data, where, layers)))
    data = _merged(ws, layers)
    if not layers:
        ws.settings_broken = frozenset(Settings.fields())
        return Settings()
    ws.places = currency_places(data.get("currency", DEFAULT_CURRENCY))
    settings, broken = validate_partly(ws, Settings, data, ws.settings_file)
    wrong = _money_problem(settings)
    if wrong is not None:
        key, err = wrong
        ws.diagnostics.add(err.under(key), ws.settings_file)
        settings = settings.copy({key: getattr(Settings(), key)})
        broken |= {key}
    ws.settings_broken = frozenset(Settings.fields()) if unread else frozenset(broken)
    assert isinstance(settings, Settings)
    ws.places = currency_places(settings.currency)
    return settings


Layer = tuple[str, dict[str, Any]]


def _merged(ws: Workspace, layers: list[Layer]) -> dict[str, Any]:
    """The layers' settings as one; a sub-workspace remembers the file of each key (and problems
    placed at its planner.toml go to the layer that wrote their key)."""
    if len(layers) <= 1:  # one folder: nothing to merge or to trace (and nothing more to import)
        return layers[0][1] if layers else {}
    from planner.layering import merge_layers

    data: dict[str, Any]
    data, ws.origins = merge_layers(layers)
    ws.origins.fallback = ws.settings_file
    ws.family.redirects[ws.settings_file] = ws.origins.source
    return data


def _agreeing(ws: Workspace, data: dict[str, Any], where: str, above: list[Layer]) -> dict[str, Any]:
    """A layer's data without a ``currency`` that contradicts the layers above it (that is an error):
    a sub-workspace counts money as its parent does, whose catalog it shares."""
    mine = data.get("currency")
    if not above or not isinstance(mine, str):
        return data
    theirs, file = DEFAULT_CURRENCY, above[-1][0]
    for layer_file, layer in above:
        if isinstance(layer.get("currency"), str):
            theirs, file = layer["currency"], layer_file
    if mine == theirs:
        return data
    ws.diagnostics.add(
        problem(
            _("currency '{currency}' differs from '{parent}', the currency of {file} above this folder"),
            hint=_(
                "a folder inside a workspace counts money as the workspace does: remove currency here, or write "
                'currency = "{parent}"'
            ),
            currency=mine,
            parent=theirs,
            file=file,
        ).under("currency"),
        where,
    )
    return {key: value for key, value in data.items() if key != "currency"}


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


def load_catalog(ws: Workspace, paths: list[Path], shown: Any) -> Catalog:
    """Every item that validates and whose units work, the nearest layer's entry of an item winning
    whole; the others are reported at their own file and kept as broken."""
    items: dict[str, Item] = {}
    broken: set[str] = set()
    files = ws.item_files
    for path in paths:
        where = shown(path)
        data = ws.diagnostics.collect(lambda: ws.read(path), where) or {}
        for item_id, entry in data.items():
            files[item_id] = where
            found = _item(ws, item_id, entry, where)
            if found is None:
                broken.add(item_id)
                items.pop(item_id, None)
            else:
                broken.discard(item_id)
                items[item_id] = found
    if len(paths) > 1:
        ws.family.redirects[ws.catalog_file] = lambda loc: files.get(str(loc[0]), ws.catalog_file)
    for err in check_catalog(items, ws.units):
        item_id = str(err.loc[0])
        ws.diagnostics.add(err, files.get(item_id, ws.catalog_file))
        broken.add(item_id)
    return Catalog.of({k: v for k, v in items.items() if k not in broken}, broken)


def _item(ws: Workspace, item_id: str, entry: Any, where: str) -> Item | None:
    if not isinstance(entry, dict):
        ws.diagnostics.add(
            problem(
                _("'{item}' must be a table of the item's facts"),
                hint=_('write [{item}] then pack = "1 kg" and price = 12_700 on their own lines'),
                item=item_id,
            ).under(item_id),
            where,
        )
        return None
    try:
        found = settle_packs(item_id, validate(Item, entry, {"places": ws.places}), ws.units)
    except InputErrors as errs:
        ws.diagnostics.extend((e.under(item_id) for e in errs.problems), where)
        return None
    assert isinstance(found, Item)
    return found
