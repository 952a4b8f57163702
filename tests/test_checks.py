"""Workspace-wide warnings: stale prices and unused items."""

from __future__ import annotations

from datetime import date

from planner.checks import LIST_EACH, stale_prices, unused_items
from planner.models import Item
from planner.texts import _


def item(as_of: date | None = None) -> Item:
    return Item.model_validate({"pack": "1 kg", "price": 10_000, "as_of": as_of})


def test_a_few_unused_items_are_told_one_by_one_at_their_table():
    catalog = {"gula": item(), "garam": item(), "telur": item()}
    found = unused_items(catalog, used={"gula"})
    assert [(w.message.key, w.loc) for w in found] == [
        (_("'{item}' is not used by any recipe, pattern or plan"), ("garam",)),
        (_("'{item}' is not used by any recipe, pattern or plan"), ("telur",)),
    ]
    assert all(w.severity == "warning" for w in found)


def test_many_unused_items_are_one_line_naming_them_all():
    # a fresh copy of the built-in catalog with one recipe: fifty lines would bury the rest
    catalog = {f"barang-{n}": item() for n in range(LIST_EACH + 2)}
    found = unused_items(catalog, used={"barang-0"})
    assert len(found) == 1
    assert found[0].message.key == _("{count} catalog items are not used by any recipe, pattern or plan: {items}")
    assert found[0].message.params["count"] == LIST_EACH + 1
    assert found[0].message.params["items"] == ", ".join(f"barang-{n}" for n in range(1, LIST_EACH + 2))


def test_a_price_is_stale_after_twelve_months_not_at_twelve():
    catalog = {
        "lama": item(date(2025, 1, 15)),
        "pas": item(date(2025, 11, 27)),
        "baru": item(date(2026, 11, 1)),
        "tanpa": item(),
    }
    # 2025-01-15 -> 2026-11-27 is 22 months; 2025-11-27 -> 2026-11-27 is exactly 12 (not more)
    found = stale_prices(catalog, date(2026, 11, 27))
    assert [(w.loc, w.message.params["months"]) for w in found] == [(("lama", "as_of"), 22)]
