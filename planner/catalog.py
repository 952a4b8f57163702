"""Checks on the catalog as a whole, and looking items up with helpful misses."""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping

from planner.errors import InputError, closest, problem
from planner.models import Item
from planner.units import UnitTable
from planner.texts import _


def check_catalog(catalog: Mapping[str, Item], units: UnitTable) -> list[InputError]:
    """Each item's pack, width and step must be units the planner can use."""
    problems: list[InputError] = []
    for item_id, item in catalog.items():
        for field in ("pack", "piece", "width", "step"):
            qty = getattr(item, field)
            if qty is None:
                continue
            try:
                dim, _size = units.base(qty, item, item_id)
            except InputError as err:
                problems.append(err.under(item_id, field))
                continue
            if field in ("width", "step") and dim != "length":
                problems.append(problem(_("{field} of {item} must be a length, not {value}"), hint=_("write e.g. \"150 cm\" or \"0.25 m\""), item=item_id,
                                        field=field, value=str(qty)).under(item_id, field))
        for name, qty in item.units.items():
            try:
                units.base(qty, item, item_id)
            except InputError as err:
                problems.append(err.under(item_id, "units", name))
    return problems


def find_item(catalog: Mapping[str, Item], item_id: str) -> Item:
    """The item, or an error suggesting the closest known ids."""
    item = catalog.get(item_id)
    if item is None:
        near = closest(item_id, list(catalog))
        hint = _("did you mean {near}?") if near else _("add [{item}] with pack and price to prices.toml")
        raise problem(_("unknown item '{item}'"), hint=hint, hint_params={"near": ", ".join(near), "item": item_id},
                      item=item_id)
    return item


def pack_units(catalog: Mapping[str, Item], units: UnitTable, item_id: str, qty) -> Decimal:
    """How many purchase packs ``qty`` of the item is (before yield)."""
    item = find_item(catalog, item_id)
    return units.convert(qty, item.pack.unit, item, item_id) / item.pack.amount
