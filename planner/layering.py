"""Layered settings: a sub-workspace's planner.toml written over its parent's, and where each value came from.

A class folder holds the settings everyone shares; a participant's folder inside it holds
only what differs (docs/class.md). The layers are merged from the top-most down:

- a table (``[labor]``, ``[pricing]``, ``[fixed_costs]``, ...) is merged key by key, the
  nearer layer's keys winning;
- anything else a layer writes, an array (``[[channels]]``, ``[[equipment]]``) or a
  value, replaces what the layers above wrote there;
- ``markup`` and ``margin`` are one choice written two ways: a layer that writes one of
  them drops the other one inherited from above (within one file both stay an error).

``Origins`` remembers, for every key path written, the file that wrote it, so a problem
or a figure can name the file to change. Pure: the files are read by planner.workspace.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Loc = tuple[str | int, ...]
# keys of a table that are one choice: writing one drops the others inherited from above
ALTERNATIVES: dict[Loc, tuple[frozenset[str], ...]] = {("pricing",): (frozenset({"markup", "margin"}),)}


@dataclass
class Origins:
    """The file each written key path came from; ``order`` lists the files from the top-most layer down."""

    fallback: str  # the nearest layer: what a path nobody wrote is blamed on
    order: tuple[str, ...] = ()
    paths: dict[Loc, str] = field(default_factory=dict)

    def source(self, loc: Sequence[str | int]) -> str:
        """The file that set ``loc``: the one that wrote it or a table or array around it, else the
        nearest file that wrote anything inside it, else the nearest layer."""
        loc = tuple(loc)
        for end in range(len(loc), 0, -1):
            found = self.paths.get(loc[:end])
            if found is not None:
                return found
        inside = [file for path, file in self.paths.items() if path[: len(loc)] == loc]
        if inside:
            return max(inside, key=self.rank)
        return self.fallback

    def rank(self, file: str) -> int:
        return self.order.index(file) if file in self.order else len(self.order)

    def written(self, loc: Sequence[str | int]) -> bool:
        """Whether some layer wrote ``loc`` or something inside it."""
        loc = tuple(loc)
        return any(path[: len(loc)] == loc or loc[: len(path)] == path for path in self.paths)

    @property
    def layered(self) -> bool:
        """Whether more than one file set the values."""
        return len(set(self.paths.values())) > 1


def merge_layers(layers: Sequence[tuple[str, Mapping[str, Any]]]) -> tuple[dict[str, Any], Origins]:
    """The layers' data (top-most first) merged into one, and the file each key path came from."""
    merged: dict[str, Any] = {}
    origins = Origins(layers[-1][0] if layers else "", tuple(file for file, _data in layers))
    for file, data in layers:
        _merge_into(merged, data, (), file, origins)
    return merged, origins


def _merge_into(target: dict[str, Any], data: Mapping[str, Any], at: Loc, file: str, origins: Origins) -> None:
    for choice in ALTERNATIVES.get(at, ()):
        written = choice & set(data)
        for key in choice - written if written else ():
            target.pop(key, None)
            _forget(origins, (*at, key))
    for key, value in data.items():
        here = (*at, key)
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge_into(target[key], value, here, file, origins)
        elif isinstance(value, Mapping):
            _forget(origins, here)
            target[key] = {}
            _merge_into(target[key], value, here, file, origins)
            if not value:  # an empty table: it still says which file has the table
                origins.paths[here] = file
        else:
            _forget(origins, here)
            target[key] = value
            origins.paths[here] = file


def _forget(origins: Origins, loc: Loc) -> None:
    for path in [p for p in origins.paths if p[: len(loc)] == loc]:
        del origins.paths[path]


def merge_items(layers: Iterable[tuple[str, Mapping[str, Any]]]) -> tuple[dict[str, Any], dict[str, str]]:
    """Catalog entries, item by item: a nearer layer's entry replaces the whole entry above; the file of each."""
    items: dict[str, Any] = {}
    files: dict[str, str] = {}
    for file, data in layers:
        for item_id, entry in data.items():
            items[item_id] = entry
            files[item_id] = file
    return items, files
