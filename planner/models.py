"""Frozen models of the files the user owns: settings, catalog, recipes,
sewing patterns and production plans (see docs/design.md), validated by
pydantic-core (planner/records.py says how and why not BaseModel)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic_core import PydanticCustomError

from planner.booksettings import Calendar, Group, Member, Shop, Targets
from planner.errors import closest, problem
from planner.fields import (
    Money,
    NonNegative,
    OpenShare,
    Pieces,
    Positive,
    PositiveInt,
    Qty,
    Share,
    Stock,
    UsableShare,
    _wrap,
    in_range,
)
from planner.records import Check, Record, after, field
from planner.texts import _
from planner.units import Quantity


def _fail(key: str, hint: str, **params: Any) -> PydanticCustomError:
    return _wrap(problem(key, hint=hint, **params))


# ---------------------------------------------------------------- settings


class Labor(Record):
    wage_per_hour: Money = Decimal(30_602)
    workers: PositiveInt = 1
    hours_per_day: Positive = Decimal(8)


class Pricing(Record):
    markup: NonNegative | None = None
    margin: OpenShare | None = None
    round_to: Money = Decimal(500)
    revenue_tax: OpenShare = Decimal(0)

    @after
    def _one_of_markup_margin(self) -> Pricing:
        if self.markup is not None and self.margin is not None:
            raise _fail(
                _("[pricing] has both markup and margin"),
                _("keep one: markup is on cost, margin is on price (markup 0.4 = margin 0.2857)"),
            )
        if self.round_to <= 0:
            raise _wrap(
                problem(
                    _("round_to must be more than zero, not {value}"),
                    hint=_("write e.g. round_to = 500"),
                    value=str(self.round_to),
                ).under("round_to")
            )
        return self


class Channel(Record):
    name: str = field(min_length=1)
    commission: OpenShare = Decimal(0)
    fee: Money = Decimal(0)
    sell_through: UsableShare = Decimal(1)
    tax_base: Literal["price", "receipt"] = "price"  # revenue tax on the shelf price, or on what you receive


class Equipment(Record):
    name: str = field(min_length=1)
    price: Money
    life_months: Positive
    salvage: Money = Decimal(0)
    capacity: PositiveInt = 1
    shared: bool = False  # used by every product (a fridge, a stall), so every break-even carries it

    @after
    def _salvage_below_price(self) -> Equipment:
        if self.salvage > self.price:
            raise _fail(
                _("salvage of {name} is more than its price"),
                _("salvage is what it is worth at the end of its life, at most its price"),
                name=self.name,
            )
        return self


HOURS_IN_A_DAY = Decimal(24)
RUSH_PACE = Decimal("1.5")  # a rushed job's hours a day, × hours_per_day, unless rush_hours_per_day says
# Any number here (quotes and the like refused as everywhere); the range is checked below with its own hint.
RushHours = Annotated[
    Decimal,
    Check(
        in_range().function,
        {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 24,
            "description": "Hours a day a rushed job is worked; left out: 1.5 × [labor] hours_per_day",
        },
    ),
]


class QuoteSettings(Record):
    rush: NonNegative = Decimal("0.25")
    deposit: Share = Decimal("0.5")
    rush_hours_per_day: RushHours | None = None  # None: 1.5 × [labor] hours_per_day

    @after
    def _rush_hours_in_a_day(self) -> QuoteSettings:
        hours = self.rush_hours_per_day
        if hours is not None and not 0 < hours <= HOURS_IN_A_DAY:
            raise _wrap(
                problem(
                    _("rush_hours_per_day must be more than 0 and at most 24, not {value}"),
                    hint=_(
                        "write e.g. rush_hours_per_day = 12, the hours a rushed job is worked in a day, or leave it "
                        "out for 1.5 × hours_per_day"
                    ),
                    value=str(hours),
                ).under("rush_hours_per_day")
            )
        return self

    def rush_hours(self, labor: Labor) -> Decimal:
        """The hours a day a rushed job is worked: as set, else 1.5 × hours_per_day (at most 24)."""
        if self.rush_hours_per_day is not None:
            return self.rush_hours_per_day
        return min(RUSH_PACE * labor.hours_per_day, HOURS_IN_A_DAY)


class Settings(Record):
    business: str = ""
    currency: str = field(default="IDR", pattern=r"^[A-Z]{3}$")
    locale: str = "id_ID"
    language: Literal["id", "en"] = "id"
    working_days: PositiveInt = 25
    labor: Labor = Labor()
    pricing: Pricing = Pricing(markup=Decimal("0.40"))
    channels: list[Channel] = field(default_factory=lambda: [Channel(name="langsung")], min_length=1)
    fixed_costs: dict[str, Money] = {}
    equipment: list[Equipment] = []
    quote: QuoteSettings = QuoteSettings()
    units: dict[str, Qty] = {}
    shops: list[Shop] = []
    members: list[Member] = []
    group: Group = Group()
    calendar: Calendar = Calendar()
    targets: Targets = Targets()

    @after
    def _unique_names(self) -> Settings:
        for kind, names in (
            ("channels", [c.name for c in self.channels]),
            ("equipment", [e.name for e in self.equipment]),
            ("shops", [s.name for s in self.shops]),
            ("members", [m.name for m in self.members]),
        ):
            dupes = sorted({n for n in names if names.count(n) > 1})
            if dupes:
                raise _fail(
                    _("the name '{name}' appears twice in {kind}"),
                    _("give each entry its own name"),
                    kind=kind,
                    name=dupes[0],
                )
        return self

    @after
    def _shops_sell_on_channels(self) -> Settings:
        known = [c.name for c in self.channels]
        for i, shop in enumerate(self.shops):
            if shop.channel not in known:
                near = closest(shop.channel, known)
                raise _wrap(
                    problem(
                        _("shop {shop} sells on channel '{channel}', which is not in [[channels]]"),
                        hint=_("did you mean {near}?") if near else _("the settings have {known}"),
                        shop=shop.name,
                        channel=shop.channel,
                        near=", ".join(near),
                        known=", ".join(known),
                    ).under("shops", i, "channel")
                )
        return self


# ---------------------------------------------------------------- catalog


class Item(Record):
    name: str = ""
    pack: Qty
    price: Money
    as_of: date | None = None
    source: str = ""
    units: dict[str, Qty] = {}
    piece: Qty | None = None
    density: Positive | None = None
    yield_: UsableShare = field(default=Decimal(1), alias="yield")
    width: Qty | None = None
    step: Qty | None = None
    note: str = ""

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


class Pattern(Record):
    name: str = field(min_length=1)
    source: str = ""
    notes: str = ""
    sizes: list[str] = field(min_length=1)
    fabric: Fabric
    materials: list[Line] = []
    operations: list[Operation] = []
    services: list[Service] = []
    overhead: list[Overhead] = []
    packaging: Packaging = Packaging()
    equipment: str | None = field(default=None, min_length=1)  # the machine it is sewn on (its break-even)

    @after
    def _need_for_every_size(self) -> Pattern:
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
    return None


__all__ = [
    "MODELS",
    "Item",
    "Pattern",
    "PatternProduct",
    "Plan",
    "Product",
    "Quantity",
    "Recipe",
    "RecipeProduct",
    "Settings",
    "kind_of",
]
