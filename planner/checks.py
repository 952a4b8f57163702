"""Workspace-wide warnings: stale prices and catalog items nothing uses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from planner.errors import InputError, warning
from planner.models import Item
from planner.texts import _

STALE_MONTHS = 12


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def stale_prices(catalog: Mapping[str, Item], today: date) -> list[InputError]:
    """A price seen more than 12 months ago is probably wrong today."""
    return [
        warning(
            _("the price of {item} was seen {months} months ago ({as_of})"),
            hint=_("check today's price and update price and as_of"),
            item=item_id,
            as_of=item.as_of,
            months=months_between(item.as_of, today),
        ).under(item_id, "as_of")
        for item_id, item in catalog.items()
        if item.as_of is not None and months_between(item.as_of, today) > STALE_MONTHS
    ]


LIST_EACH = 3  # more unused items than this are told in one line, not one line each


def unused_items(catalog: Mapping[str, Item], used: Iterable[str]) -> list[InputError]:
    """Items nothing uses; a fresh copy of a whole catalog gets one line, not fifty."""
    used_set = set(used)
    unused = [item_id for item_id in catalog if item_id not in used_set]
    if len(unused) > LIST_EACH:
        return [
            warning(
                _("{count} catalog items are not used by any recipe, pattern or plan: {items}"),
                hint=_("remove those you no longer buy; the rest may wait for later recipes"),
                count=len(unused),
                items=", ".join(unused),
            )
        ]
    return [
        warning(
            _("'{item}' is not used by any recipe, pattern or plan"),
            hint=_("remove it if you no longer buy it"),
            item=item_id,
        ).under(item_id)
        for item_id in unused
    ]
