"""Scaffolds for `planner new`: commented recipe, pattern and plan files that work as written.

Items come from the active catalog (the workspace's, or the embedded one) and are
checked to convert, so the file passes `planner check` before anyone edits it.
Every value is written by tomli-w and kept in ``Doc.data``: the writer checks that
the text loads back to exactly those values. Comments are messages in the user's
language.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from planner.errors import InputError, problem
from planner.models import Item
from planner.scaling import quantity_text
from planner.settings import Settings
from planner.texts import _, msg
from planner.units import Quantity, UnitTable, parse_quantity
from planner.writing import toml_key, toml_literal

NOTE_COLUMN = 26
INGREDIENTS = (("tepung-terigu", "250 g"), ("gula-pasir", "100 g"), ("telur-ayam", "2 butir"), ("margarin", "2 sdm"))
OVERHEAD = (("lpg-3kg", "100 g"),)
RECIPE_PACKAGING = (("mika-kecil", "1 pcs"),)
FABRICS = ("katun-toyobo", "katun-jepang", "drill")
MATERIALS = (("kancing-kemeja", "7 pcs"), ("benang-jahit", "80 m"))
PATTERN_PACKAGING = (("plastik-baju", "1 pcs"),)
NEED = {"S": "1,30 m", "M": "1,40 m", "L": "1,55 m"}


class Doc:
    """A TOML file written line by line: comments, tables, and values through tomli-w."""

    def __init__(self, fmt: Any):
        self.fmt = fmt
        self.lines: list[str] = []
        self.data: dict[str, Any] = {}
        self._table: dict[str, Any] = self.data

    def say(self, key: str, **params: Any) -> str:
        return str(self.fmt.text(msg(key, **params)))

    def comment(self, key: str, **params: Any) -> None:
        self.lines += ["# " + line for line in textwrap.wrap(self.say(key, **params), 76)]

    def blank(self) -> None:
        self.lines.append("")

    def key(self, key: str, value: Any, note: str | None = None) -> None:
        line = f"{toml_key(key)} = {toml_literal(value)}"
        self.lines.append(line.ljust(NOTE_COLUMN - 1) + " # " + self.say(note) if note else line)
        self._table[key] = value

    def table(self, name: str, note: str | None = None) -> None:
        self.blank()
        self.lines.append(f"[{name}]".ljust(NOTE_COLUMN - 1) + " # " + self.say(note) if note else f"[{name}]")
        self._table = self.data.setdefault(name, {})

    def array(self, name: str) -> None:
        self.blank()
        self.lines.append(f"[[{name}]]")
        self._table = {}
        self.data.setdefault(name, []).append(self._table)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def title_of(stem: str) -> str:
    """``kue-lapis`` -> ``Kue lapis``."""
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() or "Baru"


def usable(catalog: Mapping[str, Item], units: UnitTable, item_id: str, qty: str) -> bool:
    """The item is in the catalog and ``qty`` of it converts to its pack."""
    item = catalog.get(item_id)
    if item is None:
        return False
    try:
        units.convert(parse_quantity(qty), item.pack.unit, item, item_id)
    except InputError:
        return False
    return True


def pick(
    catalog: Mapping[str, Item], units: UnitTable, wanted: tuple[tuple[str, str], ...], fallback: int, taken: set[str]
) -> list[tuple[str, str]]:
    """The wanted lines the catalog can price; else the first ``fallback`` plain items at a quarter pack."""
    chosen = [(i, q) for i, q in wanted if i not in taken and usable(catalog, units, i, q)]
    if not chosen:
        plain = [i for i, item in catalog.items() if item.width is None and i not in taken]
        chosen = [(i, quarter_pack(catalog[i].pack)) for i in plain[:fallback]]
    taken.update(i for i, _ in chosen)
    return chosen


def quarter_pack(pack: Quantity) -> str:
    return quantity_text(pack.scaled(Decimal("0.25")))


def lines(doc: Doc, name: str, chosen: list[tuple[str, str]]) -> None:
    for item_id, qty in chosen:
        doc.array(name)
        doc.key("item", item_id)
        doc.key("qty", qty)


def recipe_doc(fmt: Any, catalog: Mapping[str, Item], units: UnitTable, settings: Settings, stem: str) -> Doc:
    doc = Doc(fmt)
    taken: set[str] = set()
    ingredients = pick(catalog, units, INGREDIENTS, 3, taken)
    if not ingredients:
        raise problem(
            _("the catalog has no items to put in a recipe"),
            hint=_("add items to prices.toml first (or run planner init for the default catalog)"),
        )
    doc.comment(
        _(
            "A new recipe: change the name, the items and the amounts. Item ids are the [tables] of prices.toml; a "
            "batch is what one round of work makes."
        )
    )
    doc.comment(_('Amounts are a number and a unit: "250 g", "1,5 kg", "3 butir", "2 sdm", "1,40 m".'))
    doc.key("name", title_of(stem))
    doc.table("batch")
    doc.key("pieces", 10, _("pieces one batch makes"))
    doc.key("loss", Decimal("0.05"), _("share of pieces lost (broken, tasted)"))
    doc.key("minutes", 60, _("your hands-on minutes per batch"))
    machine = equipment_for(settings, sewing=False)
    if machine is not None:
        doc.key("equipment", machine, _("one of [[equipment]] in planner.toml"))
        doc.key("equipment_minutes", 45, _("minutes it runs per batch"))
    lines(doc, "ingredients", ingredients)
    doc.blank()
    doc.comment(
        _(
            'A sub-recipe is a line too: recipe = "santan-pandan" (a recipe file next to this one) with qty = "300 '
            'ml". Overhead below: gas priced from the catalog, or a plain amount.'
        )
    )
    lines(doc, "overhead", pick(catalog, units, OVERHEAD, 0, taken))
    doc.array("overhead")
    doc.key("name", doc.say(_("Other (banana leaf, etc.)")))
    doc.key("cost", 1000, _("a plain amount per batch"))
    packaging(doc, pick(catalog, units, RECIPE_PACKAGING, 0, taken), per_pack=True)
    return doc


SEWING = ("jahit", "sew", "obras", "overlock")


def equipment_for(settings: Settings, *, sewing: bool) -> str | None:
    """The equipment a new recipe (an oven, not a sewing machine) or pattern names, going by its
    name; None when the settings have none that fits."""
    for equipment in settings.equipment:
        if any(word in equipment.name.lower() for word in SEWING) == sewing and not equipment.shared:
            return equipment.name
    return None


def packaging(doc: Doc, chosen: list[tuple[str, str]], *, per_pack: bool) -> None:
    if not chosen:
        return
    doc.table("packaging")
    if per_pack:
        doc.key("pieces_per_pack", 1, _("pieces in one pack"))
    doc.key("items", [{"item": i, "qty": q} for i, q in chosen])


def fabric_of(catalog: Mapping[str, Item], units: UnitTable) -> str:
    """A fabric of the catalog: sold by length, with a width."""
    fabrics = [i for i, item in catalog.items() if item.width is not None and usable(catalog, units, i, "1 m")]
    for preferred in FABRICS:
        if preferred in fabrics:
            return preferred
    if not fabrics:
        raise problem(
            _("the catalog has no fabric (an item sold by length, with a width)"),
            hint=_(
                'add one to prices.toml, e.g. [katun] pack = "1 m", price = 38000, width = "150 cm", step = "0.25 m"'
            ),
        )
    return fabrics[0]


def pattern_doc(fmt: Any, catalog: Mapping[str, Item], units: UnitTable, settings: Settings, stem: str) -> Doc:
    doc = Doc(fmt)
    fabric = fabric_of(catalog, units)
    taken = {fabric}
    doc.comment(
        _(
            "A new sewing pattern: change the name, the sizes, the fabric need per size, the materials and the minutes "
            "of each operation."
        )
    )
    doc.comment(_('Amounts are a number and a unit: "250 g", "1,5 kg", "3 butir", "2 sdm", "1,40 m".'))
    doc.key("name", title_of(stem))
    doc.key("sizes", list(NEED))
    machine = equipment_for(settings, sewing=True)
    if machine is not None:
        doc.key("equipment", machine, _("its depreciation joins this pattern's break-even"))
    doc.table("fabric")
    doc.key("item", fabric, _("default fabric (catalog id)"))
    doc.key("width", str(catalog[fabric].width), _("width the needs are for"))
    doc.key("need", dict(NEED), _("metres per garment"))
    doc.key("waste", Decimal("0.05"), _("cutting waste share"))
    lines(doc, "materials", pick(catalog, units, MATERIALS, 0, taken))
    for name, minutes in ((_("Cut"), 15), (_("Sew"), 60), (_("Press and fold"), 10)):
        doc.array("operations")
        doc.key("name", doc.say(name))
        doc.key("minutes", minutes, _("your own minutes per garment"))
    doc.blank()
    doc.comment(
        _('Outside work paid per garment (obras, bordir): [[services]] with name = "Bordir logo" and cost = 5000.')
    )
    packaging(doc, pick(catalog, units, PATTERN_PACKAGING, 0, taken), per_pack=False)
    return doc


def plan_doc(
    fmt: Any, stem: str, products: Sequence[tuple[str, str, list[str]]], stock: tuple[str, str] | None, due: date
) -> Doc:
    """``products``: (path relative to the plan, kind, sizes) of files that load and cost."""
    doc = Doc(fmt)
    doc.comment(
        _(
            "A new production plan: what to make by the due date. Product paths are relative to this file; check it "
            "with planner plan on this file."
        )
    )
    doc.key("name", title_of(stem))
    doc.key("due", due, _("ready by (year-month-day)"))
    for ref, kind, sizes in products:
        doc.array("make")
        doc.key("product", ref, _("relative to this file"))
        if kind == "recipe":
            doc.key("pieces", 50, _("pieces of a recipe"))
        elif not sizes:  # an alteration (permak): how many jobs
            doc.key("pieces", 5, _("garments to alter"))
        else:
            doc.key("sizes", dict(zip(sizes[:2], (5, 10))), _("garments per size"))
    if stock is not None:
        doc.table("stock", _("what you have, as bought"))
        doc.key(stock[0], stock[1])
    return doc


@dataclass(frozen=True)
class BookExample:
    """What a new book's example records name: a product that costs, its sizes, and what it sells for."""

    ref: str  # relative to the book
    size: str | None
    pieces: int  # sellable pieces of one batch (one garment of a pattern)
    price: Decimal  # the direct channel's price
    item: str | None  # an item it uses, with its pack and price
    pack: str = ""
    paid: Decimal = Decimal(0)


def book_doc(fmt: Any, day: date, example: BookExample, settings: Settings) -> Doc:
    """A month's book with one example of each kind of record the settings allow, dated ``day``."""
    doc = Doc(fmt)
    doc.comment(
        _(
            "A book: what really happened, one record for each thing. These are examples: change them to what "
            "happened, or delete them. Dates are year-month-day and never after today; products are paths relative "
            "to this file. Read it with planner book and planner titip."
        )
    )
    sold = max(1, example.pieces // 2)
    product(doc, "made", day, example)
    doc.key("pieces", example.pieces, _("sellable pieces made"))
    product(doc, "sold", day, example)
    doc.key("pieces", sold, _("sold and paid on the spot"))
    doc.key("price", whole(example.price), _("per piece, as really charged"))
    if settings.shops:
        doc.array("titip")
        doc.key("date", day)
        doc.key("shop", settings.shops[0].name, _("a name from [[shops]]"))
        doc.key("product", example.ref, _("relative to this file"))
        if example.size:
            doc.key("size", example.size)
        doc.key("delivered", example.pieces - sold, _("left at the shop on this visit"))
        doc.key("sold", 0, _("what the shop reports sold since the last count"))
        doc.key("returned", 0, _("taken back (unsold, stale)"))
        doc.key("paid", 0, _("money the shop paid on this visit"))
    else:
        doc.blank()
        doc.comment(_("Consignment visits ([[titip]]) need the shops in planner.toml: [[shops]] with a name."))
    if example.item is not None:
        doc.array("bought")
        doc.key("date", day)
        doc.key("item", example.item, _("a catalog id"))
        doc.key("qty", example.pack, _("in any unit the item converts to"))
        doc.key("paid", whole(example.paid), _("what you really paid"))
    doc.array("spent")
    doc.key("date", day)
    doc.key("what", doc.say(_("transport")))
    doc.key("amount", 10000, _("any other cost"))
    if settings.members:
        doc.array("capital")
        doc.key("date", day)
        doc.key("member", settings.members[0].name, _("a name from [[members]]"))
        doc.key("amount", 50000, _("put in; a minus takes it out"))
    return doc


def whole(amount: Decimal) -> Decimal | int:
    """Money as TOML should write it: 7000, not 7000.0 (a currency without cents refuses that)."""
    return int(amount) if amount == amount.to_integral_value() else amount


def product(doc: Doc, kind: str, day: date, example: BookExample) -> None:
    doc.array(kind)
    doc.key("date", day, _("the day it happened (year-month-day)"))
    doc.key("product", example.ref, _("relative to this file"))
    if example.size:
        doc.key("size", example.size)
