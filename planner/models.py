"""Frozen models of the files the user owns: catalog, recipes, sewing patterns and production
plans (see docs/design.md; the settings are planner/settings.py), validated by pydantic-core
(planner/records.py says how and why not BaseModel)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from decimal import Decimal
from typing import ClassVar, Literal

from planner.errors import InputError, problem
from planner.fields import (
    Money,
    NonNegative,
    OpenShare,
    Pieces,
    Positive,
    Qty,
    Stock,
    UsableShare,
    _fail,
    _wrap,
)
from planner.records import Record, after, field
from planner.texts import Msg, _
from planner.units import Quantity

# ---------------------------------------------------------------- catalog


class Pack(Record):
    """One size an item is sold in, and its price: ``{ pack = "250 g", price = 3_500 }``."""

    pack: Qty
    price: Money


class Item(Record):
    """A catalog item, sold in one size (pack and price) or in several (packs: every size with its price, the
    warung's loose sizes too); a recipe costs it at its largest size, a shopping list buys the cheapest mix."""

    # Once the catalog is loaded (catalog.settle_packs), pack and price are the largest size's and
    # packs lists every size, largest first.

    name: str = ""
    pack: Qty = field(default=None)  # None only until the catalog settles an item written with packs
    price: Money = field(default=None)
    packs: list[Pack] | None = field(default=None, min_length=1)
    as_of: date | None = None
    source: str = ""
    units: dict[str, Qty] = {}
    piece: Qty | None = None
    density: Positive | None = None
    yield_: UsableShare = field(default=Decimal(1), alias="yield")
    width: Qty | None = None
    step: Qty | None = None
    by_use: bool = False  # a running stock (the gas tank in use): a plan pays for what is used, not whole packs
    note: str = ""

    @after
    def _one_way_to_buy(self) -> Item:
        if self.packs is None:
            for key in ("pack", "price"):
                if getattr(self, key) is None:
                    raise _wrap(
                        InputError(
                            Msg(_("'{key}' is missing"), {"key": key}),
                            Msg(_("add {key} = ... (see README, file formats)"), {"key": key}),
                        )
                    )
            return self
        if self.pack is not None or self.price is not None:
            raise _fail(
                _("the item has both pack and price and a list of packs"),
                _("keep one: pack and price for one size, or packs = [ ... ] with every size and its price"),
            )
        if self.step is not None:
            raise _wrap(
                problem(
                    _("an item sold in steps has one pack and price, not a list of packs"),
                    hint=_('write pack = "1 m", price = ... and step = "0.25 m"'),
                ).under("step")
            )
        return self

    def label(self, item_id: str) -> str:
        return self.name or item_id


# ---------------------------------------------------------------- recipes


class Batch(Record):
    pieces: Positive
    loss: OpenShare = Decimal(0)
    output: Qty | None = None
    minutes: NonNegative | None = None
    equipment: str | None = field(default=None, min_length=1)
    equipment_minutes: NonNegative = Decimal(0)


class Line(Record):
    """A catalog item and how much of it (notions, packaging)."""

    item: str = field(min_length=1)
    qty: Qty


class Ingredient(Record):
    item: str | None = field(default=None, min_length=1)
    recipe: str | None = field(default=None, min_length=1)
    qty: Qty
    note: str = ""

    @after
    def _item_or_recipe(self) -> Ingredient:
        if (self.item is None) == (self.recipe is None):
            raise _fail(
                _("an ingredient needs exactly one of item or recipe"),
                _('write item = "gula-pasir" or recipe = "santan-pandan"'),
            )
        return self


class Overhead(Record):
    item: str | None = field(default=None, min_length=1)
    qty: Qty | None = None
    name: str | None = field(default=None, min_length=1)
    cost: Money | None = None

    @after
    def _item_or_amount(self) -> Overhead:
        priced = self.item is not None and self.qty is not None and self.cost is None
        plain = self.cost is not None and self.item is None and self.qty is None
        if not (priced or plain):
            raise _fail(
                _("an overhead line needs item and qty, or name and cost"),
                _('write item = "lpg-3kg" with qty = "150 g", or name = "Listrik" with cost = 2_000'),
            )
        return self


class Packaging(Record):
    pieces_per_pack: Positive = Decimal(1)
    items: list[Line] = []


class Recipe(Record):
    name: str = field(min_length=1)
    source: str = ""
    notes: str = ""
    batch: Batch
    ingredients: list[Ingredient] = field(min_length=1)
    overhead: list[Overhead] = []
    packaging: Packaging = Packaging()
    for_sale: bool = True  # false: a sub-recipe (santan pandan), costed where used, never listed as a product


# ---------------------------------------------------------------- patterns


class Fabric(Record):
    item: str = field(min_length=1)
    width: Qty
    need: dict[str, Qty]
    waste: OpenShare = Decimal(0)


class Operation(Record):
    name: str = field(min_length=1)
    minutes: Positive
    efficiency: Positive = Decimal(1)


class Service(Record):
    name: str = field(min_length=1)
    cost: Money


# A garment to sew in sizes, with its fabric; or, without [fabric], an alteration (permak) or any job of
# operations, materials and services only, with sizes or without. (No docstring: the schema says it.)
class Pattern(Record):
    name: str = field(min_length=1)
    source: str = ""
    notes: str = ""
    sizes: list[str] = []
    fabric: Fabric | None = None
    materials: list[Line] = []
    operations: list[Operation] = []
    services: list[Service] = []
    overhead: list[Overhead] = []
    packaging: Packaging = Packaging()
    equipment: str | None = field(default=None, min_length=1)  # the machine it is sewn on (its break-even)

    @after
    def _need_for_every_size(self) -> Pattern:
        if self.fabric is None:
            if not (self.operations or self.materials or self.services):
                raise _fail(
                    _("a pattern without [fabric] needs operations, materials or services"),
                    _(
                        'add [fabric] for a garment, or the work of an alteration: [[operations]] name = "Potong" '
                        "minutes = 15"
                    ),
                )
        elif not self.sizes:
            raise _fail(
                _("a pattern with [fabric] needs its sizes"),
                _('write e.g. sizes = ["S", "M", "L"], with a need for each in [fabric]'),
            )
        else:
            missing = [s for s in self.sizes if s not in self.fabric.need]
            extra = [s for s in self.fabric.need if s not in self.sizes]
            if missing or extra:
                raise _fail(
                    _("fabric need does not match sizes (missing: {missing}; not in sizes: {extra})"),
                    _('give need a length for every size, e.g. need = {{ S = "1.30 m", M = "1.40 m" }}'),
                    missing=", ".join(missing) or "-",
                    extra=", ".join(extra) or "-",
                )
        if len(set(self.sizes)) != len(self.sizes):
            raise _fail(
                _("the name '{name}' appears twice in {kind}"),
                _("give each entry its own name"),
                kind="sizes",
                name=self.sizes[0],
            )
        return self


# ---------------------------------------------------------------- plans


class Make(Record):
    product: str = field(min_length=1)
    pieces: Pieces | None = None
    sizes: dict[str, Pieces] | None = None

    @after
    def _pieces_or_sizes(self) -> Make:
        if (self.pieces is None) == (self.sizes is None):
            raise _fail(
                _("a [[make]] entry needs pieces (a recipe) or sizes (a pattern)"),
                _("write pieces = 120, or sizes = {{ S = 5, M = 10 }}"),
            )
        return self


class Plan(Record):
    name: str = field(min_length=1)
    due: date | None = None
    make: list[Make] = field(min_length=1)
    stock: dict[str, Stock] = {}


Kind = Literal["recipe", "pattern", "plan"]
MODELS: dict[str, type[Record]] = {"recipe": Recipe, "pattern": Pattern, "plan": Plan}


# ---------------------------------------------------------------- loaded products


@dataclass(frozen=True)
class RecipeProduct:
    """A recipe file, loaded with every sub-recipe it names (by the reference as written)."""

    path: str
    model: Recipe
    subs: Mapping[str, RecipeProduct] = dc_field(default_factory=dict)
    kind: ClassVar[Literal["recipe"]] = "recipe"

    @property
    def name(self) -> str:
        return self.model.name


@dataclass(frozen=True)
class PatternProduct:
    """A sewing pattern file, loaded."""

    path: str
    model: Pattern
    kind: ClassVar[Literal["pattern"]] = "pattern"

    @property
    def name(self) -> str:
        return self.model.name


Product = RecipeProduct | PatternProduct


def kind_of(data: Mapping[str, object]) -> Kind | None:
    """Tell a recipe, pattern or plan by its keys."""
    if "make" in data:
        return "plan"
    if "fabric" in data or "sizes" in data:
        return "pattern"
    if "batch" in data or "ingredients" in data:
        return "recipe"
    if "operations" in data or "services" in data or "materials" in data:
        return "pattern"  # an alteration (permak): work without fabric or sizes
    return None


__all__ = [
    "MODELS",
    "Item",
    "Pack",
    "Pattern",
    "PatternProduct",
    "Plan",
    "Product",
    "Quantity",
    "Recipe",
    "RecipeProduct",
    "kind_of",
]
