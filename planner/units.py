"""Quantities and units: parsing ``"1,5 kg"``, the unit table (data) and conversions.

The built-in table comes from ``data/units.toml`` (read by the workspace loader);
item facts from the catalog (item-specific units, the weight of a piece, a
density) make conversions across dimensions possible.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Protocol

from planner.errors import InputError, ambiguous, problem
from planner.money import check_size
from planner.texts import _

_ONE = Decimal(1)
DIMENSIONS = ("mass", "volume", "count", "length")
BASE_UNIT = {"mass": "g", "volume": "ml", "count": "pcs", "length": "m"}

_FRACTIONS = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3"}
_QTY = re.compile(
    r"^\s*(?P<num>-?[0-9½¼¾⅓⅔][0-9.,_/ ½¼¾⅓⅔]*?)\s*(?P<unit>(?![½¼¾⅓⅔])[^\W\d_][\w\-]*(?:\s+[^\W\d_][\w\-]*)*)?\s*$"
)  # a unit may be two words: "2 sendok makan"
_AMBIGUOUS = re.compile(r"^[1-9][0-9]{0,2}[.,][0-9]{3}$")  # 1.500 and 1,500: a decimal or a thousand?


@dataclass(frozen=True)
class Quantity:
    amount: Decimal
    unit: str

    def __str__(self) -> str:
        return f"{format_amount(self.amount)} {self.unit}"

    def scaled(self, factor: Decimal) -> Quantity:
        return Quantity(self.amount * factor, self.unit)


def format_amount(amount: Decimal) -> str:
    """Plain decimal text without exponent or needless trailing zeros."""
    text = format(amount.normalize(), "f") if amount == amount.to_integral_value() else format(amount, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def parse_number(text: str) -> Decimal:
    """Parse ``1,5``, ``1.5``, ``1 1/2``, ``½`` or ``2_000``; reject ``1.500``."""
    if text.isascii() and text.isdigit():  # the usual "250", read thousands of times in a big plan
        return check_size(Decimal(text), text)
    raw = text.strip()
    for sym, frac in _FRACTIONS.items():
        raw = raw.replace(sym, f" {frac}")
    parts = raw.split()
    if len(parts) == 2 and "/" in parts[1] and "/" not in parts[0]:
        return _plain_number(parts[0], text) + _fraction(parts[1], text)
    if len(parts) == 1:
        return _fraction(parts[0], text) if "/" in parts[0] else _plain_number(parts[0], text)
    raise problem(_("'{text}' is not a number"), hint=_("write e.g. 250, 1,5 or 1 1/2"), text=text)


def _fraction(part: str, text: str) -> Decimal:
    num, _slash, den = part.partition("/")
    if not (num.isdecimal() and den.isdecimal()):
        raise problem(_("'{text}' is not a number"), hint=_("write e.g. 250, 1,5 or 1 1/2"), text=text)
    top, bottom = check_size(Decimal(num), text), check_size(Decimal(den), text)
    if bottom == 0:
        raise problem(_("'{text}' is not a number"), hint=_("write e.g. 250, 1,5 or 1 1/2"), text=text)
    return top / bottom


def _plain_number(part: str, text: str) -> Decimal:
    if ("." in part and "," in part) or part.count(".") > 1 or part.count(",") > 1:
        raise ambiguous(
            problem(
                _("'{text}' mixes '.' and ',' or repeats them"),
                hint=_("write numbers without thousands separators: 1500 or 1,5"),
                text=text,
            )
        )
    if _AMBIGUOUS.match(part):
        raise two_readings(text, part, "")
    try:
        number = Decimal(part.replace(",", ".").replace("_", ""))
    except InvalidOperation:
        raise problem(_("'{text}' is not a number"), hint=_("write e.g. 250, 1,5 or 1 1/2"), text=text) from None
    if not number.is_finite():  # "nan" or "inf" can come from --set
        raise problem(_("'{text}' is not a number"), hint=_("write e.g. 250, 1,5 or 1 1/2"), text=text)
    return check_size(number, text)


def parse_quantity(text: object) -> Quantity:
    """``"250 g"`` -> Quantity(250, "g"). The unit is checked later, against an item."""
    if not isinstance(text, str):
        raise problem(
            _("a quantity must be text with a unit, not {value}"),
            hint=_('write it in quotes with its unit, e.g. "{value} g"'),
            value=str(text),
        )
    match = _QTY.match(text)
    if not match:
        raise problem(
            _("'{text}' is not a quantity"),
            hint=_('write a number and a unit, e.g. "250 g", "1,5 kg", "3 butir"'),
            text=text,
        )
    if not match.group("unit"):
        raise problem(_("'{text}' has no unit"), hint=_('add a unit, e.g. "{text} g" or "{text} butir"'), text=text)
    number = match.group("num").strip()
    if _AMBIGUOUS.match(number):
        raise two_readings(text, number, match.group("unit"))
    amount = parse_number(match.group("num"))
    return Quantity(amount, " ".join(match.group("unit").lower().split()))


def two_readings(text: str, number: str, unit: str) -> InputError:
    """``1.500`` or ``1,500`` (with an optional unit): a decimal or a thousand? Both readings are
    offered, as Indonesian writes them (decision 2)."""
    whole, frac = re.split(r"[.,]", number)
    decimal = f"{whole},{frac.rstrip('0')}".rstrip(",")
    smaller = _smaller_unit(unit) if unit else None
    thousands = f"{whole}{frac} {smaller}" if smaller else f"{whole}{frac} {unit}".rstrip()
    said = (
        _("'{text}' is ambiguous: the dot may be a decimal point or a thousands separator")
        if "." in number
        else _("'{text}' is ambiguous: the comma may be a decimal comma or a thousands separator")
    )
    return ambiguous(
        problem(
            said,
            hint=_("write {decimal} or {thousands}"),
            text=text,
            decimal=f"{decimal} {unit}".rstrip(),
            thousands=thousands,
        )
    )


def _smaller_unit(unit: str) -> str | None:
    """For the hint on ``1.500 kg``: 1500 g is what a thousands reader meant."""
    return {"kg": "g", "l": "ml", "m": "mm"}.get(unit.lower())


class ItemFacts(Protocol):
    """What the catalog knows about an item that lets units convert."""

    @property
    def units(self) -> Mapping[str, Quantity]: ...
    @property
    def piece(self) -> Quantity | None: ...
    @property
    def density(self) -> Decimal | None: ...


@dataclass(frozen=True)
class NoFacts:
    units: Mapping[str, Quantity] = field(default_factory=dict)
    piece: Quantity | None = None
    density: Decimal | None = None


NO_FACTS = NoFacts()


class UnitTable:
    """The built-in units: unit name -> (dimension, size in the dimension's base unit)."""

    def __init__(self, table: Mapping[str, tuple[str, Decimal]], aliases: Mapping[str, str] | None = None):
        self._table = dict(table)
        self._aliases = dict(aliases or {})  # "gr" -> "g": looked up as its unit, never listed
        self._lowered: dict[
            int, tuple[Mapping[str, Quantity], dict[str, Quantity]]
        ] = {}  # id(item units) -> lower-cased

    @classmethod
    def from_data(cls, data: Mapping[str, Mapping[str, str]]) -> UnitTable:
        """From ``{"mass": {"g": "1", "kg": "1000"}, ..., "aliases": {"gr": "g"}}`` (units.toml)."""
        table = {}
        aliases = {name.lower(): unit.lower() for name, unit in data.get("aliases", {}).items()}
        for dim, units in data.items():
            if dim == "aliases":
                continue
            if dim not in DIMENSIONS:
                raise ValueError(f"unknown dimension {dim!r} in unit table")
            for name, size in units.items():
                table[name.lower()] = (dim, Decimal(str(size)))
        unknown = [alias for alias, unit in aliases.items() if unit not in table]
        if unknown:
            raise ValueError(f"aliases of units not in the table: {unknown}")
        return cls(table, aliases)

    def with_units(self, extra: Mapping[str, Quantity]) -> UnitTable:
        """A copy where some units are redefined (``gelas = "250 ml"`` in settings)."""
        table = dict(self._table)
        for name, qty in extra.items():
            dim, size = self.base(qty)
            table[name.lower()] = (dim, size)
        return UnitTable(table, {a: u for a, u in self._aliases.items() if a not in extra})

    def known(self, dimensions: Collection[str] = DIMENSIONS) -> list[str]:
        """The units (not their aliases) of ``dimensions``."""
        return sorted(name for name, (dim, _size) in self._table.items() if dim in dimensions)

    def _entry(self, unit: str) -> tuple[str, Decimal] | None:
        return self._table.get(self._aliases.get(unit, unit))

    def __contains__(self, unit: str) -> bool:
        return self._entry(unit.lower()) is not None

    def dimension(self, unit: str) -> str | None:
        entry = self._entry(unit.lower())
        return entry[0] if entry else None

    def base(
        self, qty: Quantity, item: ItemFacts = NO_FACTS, item_id: str = "", hint: Collection[str] = DIMENSIONS
    ) -> tuple[str, Decimal]:
        """(dimension, amount in base unit), resolving the item's own units first; an unknown unit's
        hint lists the units of the ``hint`` dimensions (the ones the item can be measured in)."""
        return self._base(qty.amount, qty.unit, item, item_id, hint)

    def _base(
        self, amount: Decimal, written: str, item: ItemFacts, item_id: str, hint: Collection[str] = DIMENSIONS
    ) -> tuple[str, Decimal]:
        unit = written.lower()
        item_units = self._item_units(item)
        chain: list[str] = []
        while unit in item_units:  # item units may refer to each other: a circle or a long chain is an error
            if unit in chain or len(chain) == _MAX_CHAIN:
                raise _unit_chain(item_id, [*chain, unit])
            chain.append(unit)
            defined = item_units[unit]
            amount, unit = amount * defined.amount, defined.unit.lower()
        entry = self._entry(unit)
        if entry is None:
            base = BASE_UNIT[next(iter(hint))] if len(hint) < len(DIMENSIONS) else "g"
            raise problem(
                _("unknown unit '{unit}' for {item}"),
                hint=_('use one of {known}, or define it in the catalog: units = {{ {unit} = "... {base}" }}'),
                unit=written,
                item=item_id,
                known=", ".join(sorted(set(self.known(hint)) | set(item_units))),
                base=base,
                hint_params={
                    "unit": toml_key(written),
                    "known": ", ".join(sorted(set(self.known(hint)) | set(item_units))),
                    "base": base,
                },
            )
        return entry[0], amount * entry[1]

    def _item_units(self, item: ItemFacts) -> Mapping[str, Quantity]:
        """The item's own units by lower-case name, worked out once per item (base() is hot)."""
        units = item.units
        if not units:
            return {}
        found = self._lowered.get(id(units))
        if found is None or found[0] is not units:
            if len(self._lowered) > 10_000:
                self._lowered.clear()
            found = self._lowered[id(units)] = (units, {k.lower(): v for k, v in units.items()})
        return found[1]

    def convert(self, qty: Quantity, unit: str, item: ItemFacts = NO_FACTS, item_id: str = "") -> Decimal:
        """How many ``unit`` are in ``qty`` of this item."""
        dim_to, per_unit = self._base(_ONE, unit, item, item_id)
        dim_from, amount = self.base(qty, item, item_id, hint=self._reachable(dim_to, item, item_id))
        if dim_from != dim_to:
            amount = self._across(amount, dim_from, dim_to, item, item_id, qty.unit, unit)
        return amount / per_unit

    def _across(
        self, amount: Decimal, dim_from: str, dim_to: str, item: ItemFacts, item_id: str, unit_from: str, unit_to: str
    ) -> Decimal:
        """Cross dimensions through the item's piece weight and density (breadth first)."""
        edges = self._edges(item, item_id)
        frontier = {dim_from: amount}
        seen = {dim_from}
        while frontier:
            nxt = {}
            for dim, value in frontier.items():
                for (a, b), factor in edges.items():
                    if a == dim and b not in seen:
                        nxt[b] = value * factor
                        seen.add(b)
            if dim_to in nxt:
                return nxt[dim_to]
            frontier = nxt
        raise problem(
            _("cannot convert {item} from {source} to {target}"),
            hint=_(
                'give [{item}] in prices.toml a piece = "... g", a density, or units = {{ {source} = "... {target}" }}'
            ),
            item=item_id,
            source=unit_from,
            target=unit_to,
            hint_params={"item": item_id, "source": toml_key(unit_from), "target": unit_to},
        )

    def _reachable(self, dim: str, item: ItemFacts, item_id: str) -> list[str]:
        """The dimensions an item of ``dim`` can be measured in: its own, and those its piece weight
        and density reach (a fabric by length: length only, never grams)."""
        found = [dim]
        edges = self._edges(item, item_id) if item.piece is not None or item.density is not None else {}
        for a, b in edges:
            if a in found and b not in found:
                found.append(b)
        return found

    def _edges(self, item: ItemFacts, item_id: str) -> dict[tuple[str, str], Decimal]:
        edges: dict[tuple[str, str], Decimal] = {}
        if item.piece is not None:
            dim, size = self.base(item.piece, NO_FACTS, item_id)
            if dim != "count":
                edges[("count", dim)] = size
                edges[(dim, "count")] = 1 / size
        if item.density is not None:
            edges[("volume", "mass")] = item.density
            edges[("mass", "volume")] = 1 / item.density
        return edges


def toml_key(unit: str) -> str:
    """A unit as a TOML key: ``sdm``, or ``"sendok makan"`` in quotes."""
    return f'"{unit}"' if not re.fullmatch(r"[A-Za-z0-9_\-]+", unit) else unit


_MAX_CHAIN = 8  # an item unit defined by another item unit, and so on


def _unit_chain(item_id: str, chain: list[str]) -> InputError:
    """``units = { g = "2 g" }`` is a circle (not 256 g); a chain past _MAX_CHAIN names the limit."""
    if chain[-1] in chain[:-1]:
        return problem(
            _("the units of {item} refer to each other in a circle: {chain}"),
            hint=_('define each unit by a built-in one, e.g. units = {{ sdm = "8 g" }}'),
            item=item_id,
            chain=" → ".join(chain[chain.index(chain[-1]) :]),
        )
    return problem(
        _("the units of {item} refer to each other more than {limit} deep"),
        hint=_('define each unit by a built-in one, e.g. units = {{ sdm = "8 g" }}'),
        item=item_id,
        limit=_MAX_CHAIN,
    )


def check_positive(qty: Quantity, allow_zero: bool = False) -> Quantity:
    if qty.amount < 0 or (qty.amount == 0 and not allow_zero):
        raise problem(
            _("quantity {text} must be more than zero"),
            hint=_("write a positive amount, or remove the line"),
            text=str(qty),
        )
    return qty


__all__ = ["InputError", "Quantity", "UnitTable", "check_positive", "parse_number", "parse_quantity"]
