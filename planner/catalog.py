"""The catalog: items by id, the ids whose entries are broken, and looking items up
with helpful misses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from planner.errors import InputError, InputErrors, closest, problem
from planner.models import Item
from planner.packs import Offer
from planner.texts import _
from planner.units import Quantity, UnitTable


class Catalog(dict[str, Item]):
    """Items by id. ``broken`` are the ids whose entries have errors of their own: a recipe
    using one is told so, not that the item is unknown."""

    broken: frozenset[str] = frozenset()

    @classmethod
    def of(cls, items: Mapping[str, Item], broken: Iterable[str] = ()) -> Catalog:
        catalog = cls(items)
        catalog.broken = frozenset(broken)
        return catalog


def settle_packs(item_id: str, item: Item, units: UnitTable) -> Item:
    """An item written with ``packs``: ``pack`` and ``price`` become its largest size's (the one a
    recipe's unit cost uses), ``packs`` every size, largest first. Each size must convert to the
    others and be listed once; every problem is raised at once, placed at its size."""
    if item.packs is None:
        return item
    first = item.packs[0].pack
    sizes: list[Decimal | None] = []
    problems: list[InputError] = []
    for i, offered in enumerate(item.packs):
        try:
            sizes.append(units.convert(offered.pack, first.unit, item, item_id))
        except InputError as err:
            problems.append(err.under("packs", i, "pack"))
            sizes.append(None)
    for i, size in enumerate(sizes):
        if size is not None and size in sizes[:i]:
            problems.append(
                problem(
                    _("{item} lists one size twice in packs: {size} is {same}"),
                    hint=_("give each size once, with its price"),
                    item=item_id,
                    size=str(item.packs[i].pack),
                    same=str(item.packs[sizes.index(size)].pack),
                ).under("packs", i, "pack")
            )
    if problems:
        raise InputErrors(problems)
    ordered = [p for _size, p in sorted(zip(sizes, item.packs), key=lambda pair: -(pair[0] or 0))]
    return item.copy({"pack": ordered[0].pack, "price": ordered[0].price, "packs": ordered})


def offers(item_id: str, item: Item, units: UnitTable, price: Decimal | None = None) -> tuple[Offer, ...]:
    """What the item is bought in, with the amount of purchase packs each holds: every size of
    ``packs``, else the one pack, or the fabric's ``step``. ``price`` (``--set``) is the largest
    size's price; the other sizes keep theirs."""
    main = item.price if price is None else price
    if item.step is not None:
        per = units.convert(item.step, item.pack.unit, item, item_id) / item.pack.amount
        return (Offer(item.step, per, main * per),)
    if not item.packs:
        return (Offer(item.pack, Decimal(1), main),)
    found = [Offer(item.pack, Decimal(1), main)]
    for offered in item.packs[1:]:
        amount = units.convert(offered.pack, item.pack.unit, item, item_id) / item.pack.amount
        found.append(Offer(offered.pack, amount, offered.price))
    return tuple(found)


def check_catalog(catalog: Mapping[str, Item], units: UnitTable) -> list[InputError]:
    """Each item's pack, width and step must be units the planner can use."""
    problems: list[InputError] = []
    for item_id, item in catalog.items():
        for name in ("pack", "piece", "width", "step"):
            qty = getattr(item, name)
            if qty is None:
                continue
            try:
                dim, _size = units.base(qty, item, item_id)
            except InputError as err:
                problems.append(err.under(item_id, name))
                continue
            if name in ("width", "step") and dim != "length":
                problems.append(
                    problem(
                        _("{field} of {item} must be a length, not {value}"),
                        hint=_('write e.g. "150 cm" or "0.25 m"'),
                        item=item_id,
                        field=name,
                        value=str(qty),
                    ).under(item_id, name)
                )
        for unit, qty in item.units.items():
            try:
                units.base(qty, item, item_id)
            except InputError as err:
                problems.append(err.under(item_id, "units", unit))
    return problems


def find_item(catalog: Mapping[str, Item], item_id: str) -> Item:
    """The item, or an error suggesting the closest known ids."""
    item = catalog.get(item_id)
    if item is not None:
        return item
    if item_id in getattr(catalog, "broken", ()):
        raise problem(
            _("item '{item}' cannot be used: its entry in the catalog has errors"),
            hint=_("correct [{item}] in the catalog first"),
            item=item_id,
        )
    near = closest(item_id, list(catalog))
    hint = _("did you mean {near}?") if near else _("add [{item}] with pack and price to prices.toml")
    raise problem(
        _("unknown item '{item}'"), hint=hint, hint_params={"near": ", ".join(near), "item": item_id}, item=item_id
    )


def pack_units(catalog: Mapping[str, Item], units: UnitTable, item_id: str, qty: Quantity) -> Decimal:
    """How many purchase packs ``qty`` of the item is (before yield)."""
    item = find_item(catalog, item_id)
    return units.convert(qty, item.pack.unit, item, item_id) / item.pack.amount
