"""The settings (planner.toml, see docs/design.md): labour, pricing, channels, equipment, quotes,
the working calendar and the tables the book reads (planner/booksettings.py), validated by
pydantic-core like the other files (planner/records.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from planner.booksettings import Group, Member, Shop, Targets
from planner.errors import closest, problem
from planner.fields import (
    Money,
    NonNegative,
    OpenShare,
    Positive,
    PositiveInt,
    Qty,
    Share,
    UsableShare,
    _fail,
    _wrap,
    in_range,
)
from planner.records import Check, Record, after, field
from planner.texts import _


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


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Indonesian weekday names, so "Jumat" is told to write Friday (the file's names are English, any case)
HARI = {
    "senin": "Monday",
    "selasa": "Tuesday",
    "rabu": "Wednesday",
    "kamis": "Thursday",
    "jumat": "Friday",
    "jum'at": "Friday",
    "sabtu": "Saturday",
    "minggu": "Sunday",
    "ahad": "Sunday",
}


def _weekday(value: Any) -> str:
    """A weekday's English name, any case; an Indonesian name or a misspelling is told the right one."""
    if not isinstance(value, str):
        raise _fail(_("'{key}' must be a weekday's name"), _('write e.g. closed = ["Friday"]'))
    key = value.strip().lower()
    if key in WEEKDAYS:
        return value
    near = [HARI[key]] if key in HARI else [d.title() for d in closest(key, WEEKDAYS, 1)]
    raise _fail(
        _("'{name}' is not a weekday"),
        _("did you mean {near}?") if near else _('write English weekday names, e.g. closed = ["Friday"]'),
        name=value,
        near=", ".join(near),
    )


Weekday = Annotated[
    str, Check(_weekday, {"type": "string", "description": "An English weekday name, any case: Friday"})
]


class Calendar(Record):
    """[calendar]: the weekdays the workshop is closed (English names, any case) and its holidays."""

    closed: list[Weekday] = []
    holidays: list[date] = []

    @after
    def _a_day_to_work(self) -> Calendar:
        if len(self.closed_weekdays) == len(WEEKDAYS):
            raise _wrap(
                problem(
                    _("[calendar] closes every day of the week: no day is left to work"),
                    hint=_('keep at least one weekday open, e.g. closed = ["Friday"]'),
                ).under("closed")
            )
        return self

    @property
    def closed_weekdays(self) -> frozenset[int]:
        """The closed days as date.weekday() numbers (Monday 0)."""
        return frozenset(WEEKDAYS.index(d.strip().lower()) for d in self.closed)


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
