"""Selling prices per channel and break-even (see docs/design.md, Formulas).

Pure arithmetic on Decimals and settings: no printing, no files. A channel
takes commission r of the shelf price and a fee f per piece sold; only a share
s of the pieces delivered sells; revenue tax t is paid on what is received.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner.errors import closest, problem
from planner.money import ONE, ZERO, ceil_div, margin_to_markup, round_up
from planner.settings import Channel, Equipment, Pricing, Settings
from planner.texts import _


def markup_of(pricing: Pricing) -> Decimal:
    """The markup the settings ask for (a margin converted: m = g / (1 - g)); 0 when neither."""
    if pricing.markup is not None:
        return pricing.markup
    if pricing.margin is not None:
        return margin_to_markup(pricing.margin)
    return Decimal(0)


def target_price(cost: Decimal, pricing: Pricing) -> Decimal:
    """``C × (1 + m)`` — or ``C / (1 − g)`` with a margin — before rounding."""
    if pricing.margin is not None and pricing.markup is None:
        return cost / (ONE - pricing.margin)
    return cost * (ONE + markup_of(pricing))


def list_price(cost: Decimal, pricing: Pricing) -> Decimal:
    """The target price rounded UP to ``round_to`` (never below the target)."""
    return round_up(target_price(cost, pricing), pricing.round_to)


def has_rule(pricing: Pricing) -> bool:
    """Whether the settings say how much to add to cost (markup or margin)."""
    return pricing.markup is not None or pricing.margin is not None


def override(pricing: Pricing, *, markup: Decimal | None = None, margin: Decimal | None = None) -> Pricing:
    """The settings with a markup or margin given for this run (not both)."""
    if markup is not None and margin is not None:
        raise problem(
            _("--markup and --margin were both given"),
            hint=_("give one: markup is on cost, margin is on price (markup 0.4 = margin 0.2857)"),
        )
    if markup is None and margin is None:
        return pricing
    return pricing.copy({"markup": markup, "margin": margin})


def find_channel(channels: Sequence[Channel], name: str) -> Channel:
    """The channel called ``name``, or an error naming the closest ones."""
    for channel in channels:
        if channel.name == name:
            return channel
    names = [c.name for c in channels]
    near = closest(name, names)
    hint = _("did you mean {near}?") if near else _("the settings have {known}")
    raise problem(
        _("unknown sales channel '{channel}'"),
        hint=hint,
        hint_params={"near": ", ".join(near), "known": ", ".join(names)},
        channel=name,
    )


# ---------------------------------------------------------------- one channel


@dataclass(frozen=True)
class ChannelPrice:
    """A product's price on one channel, and what a piece sold leaves the producer."""

    channel: Channel
    unit_cost: Decimal  # C: HPP per piece made
    tax: Decimal  # t: revenue tax share
    price: Decimal  # P: the shelf price
    target: Decimal | None  # R: receipt the markup/margin asks for (None: price given)
    exact: Decimal | None  # (R / (1 − t) + f) / (1 − r): the price before rounding

    @property
    def cost_sold(self) -> Decimal:
        """``C / s``: what one piece sold costs when only a share s sells."""
        return self.unit_cost / self.channel.sell_through

    @property
    def receipt(self) -> Decimal:
        """``(P × (1 − r) − f) × (1 − t)``, per piece sold."""
        return receipt_at(self.price, self.channel, self.tax)

    @property
    def profit(self) -> Decimal:
        """``receipt − C / s`` per piece sold; also the contribution to fixed costs."""
        return self.receipt - self.cost_sold

    @property
    def profit_delivered(self) -> Decimal:
        """``receipt × s − C`` per piece delivered (decision 8): what a piece left at the shop earns,
        the unsold ones' cost included; equal to ``profit`` when everything sells."""
        return self.receipt * self.channel.sell_through - self.unit_cost

    @property
    def margin(self) -> Decimal | None:
        """``profit / P``; None for a price of zero."""
        return None if self.price == 0 else self.profit / self.price

    @property
    def markup(self) -> Decimal | None:
        """``g / (1 − g)``: profit over everything else the price covers."""
        margin = self.margin
        return None if margin is None or margin >= ONE else margin_to_markup(margin)


def exact_price(receipt: Decimal, channel: Channel, tax: Decimal) -> Decimal:
    """The shelf price that leaves ``receipt`` per piece sold. Revenue tax is on the shelf price
    (gross turnover, decision 9): ``(R + f) / (1 − r − t)``; on a channel whose tax base is what the
    producer receives (she sells to the shop): ``(R / (1 − t) + f) / (1 − r)``."""
    if channel.tax_base == "receipt":
        return (receipt / (ONE - tax) + channel.fee) / (ONE - channel.commission)
    return (receipt + channel.fee) / (ONE - channel.commission - tax)


def receipt_at(price: Decimal, channel: Channel, tax: Decimal) -> Decimal:
    """What the producer keeps of a piece sold at ``price``: ``P × (1 − r − t) − f``, or
    ``(P × (1 − r) − f) × (1 − t)`` when the tax base is the receipt."""
    if channel.tax_base == "receipt":
        return (price * (ONE - channel.commission) - channel.fee) * (ONE - tax)
    return price * (ONE - channel.commission - tax) - channel.fee


def price_channel(cost: Decimal, channel: Channel, pricing: Pricing) -> ChannelPrice:
    """The shelf price on ``channel`` for HPP ``cost``, rounded up to ``round_to``."""
    target = target_price(cost / channel.sell_through, pricing)
    exact = exact_price(target, channel, pricing.revenue_tax)
    price = round_up(exact, pricing.round_to)
    return ChannelPrice(channel, cost, pricing.revenue_tax, price, target, exact)


def at_price(cost: Decimal, channel: Channel, pricing: Pricing, price: Decimal) -> ChannelPrice:
    """A given shelf price on ``channel`` (the workshop's "I sell at Rp 12.000")."""
    return ChannelPrice(channel, cost, pricing.revenue_tax, price, None, None)


def price_channels(cost: Decimal, channels: Sequence[Channel], pricing: Pricing) -> list[ChannelPrice]:
    return [price_channel(cost, channel, pricing) for channel in channels]


# ---------------------------------------------------------------- break-even


@dataclass(frozen=True)
class FixedCost:
    """One monthly fixed cost: a line of [fixed_costs], or an equipment's depreciation."""

    name: str
    amount: Decimal
    equipment: Equipment | None = None


def depreciation(equipment: Equipment) -> Decimal:
    """Straight line: ``(price − salvage) / life_months`` a month."""
    return (equipment.price - equipment.salvage) / equipment.life_months


def fixed_costs(settings: Settings, uses: str | None = None) -> list[FixedCost]:
    """A product's monthly fixed costs: [fixed_costs], the depreciation of the equipment it uses
    and of equipment marked ``shared`` (decision 6: a baker's break-even carries no sewing machine)."""
    lines = [FixedCost(name, amount) for name, amount in settings.fixed_costs.items()]
    lines += [FixedCost(eq.name, depreciation(eq), eq) for eq in settings.equipment if eq.shared or eq.name == uses]
    return lines


def break_even_units(fixed: Decimal, contribution: Decimal, target: Decimal = ZERO) -> int | None:
    """``ceil((F + T) / c)`` pieces sold a month; None when c ≤ 0 (never breaks even)."""
    if contribution <= 0:
        return None
    return max(ceil_div(fixed + target, contribution), 0)


def profit_at(volume: int | Decimal, contribution: Decimal, fixed: Decimal) -> Decimal:
    """Monthly profit selling ``volume`` pieces: ``V × c − F``."""
    return volume * contribution - fixed


def payback_months(capital: Decimal, volume: int, contribution: Decimal, fixed: Decimal) -> Decimal | None:
    """``K / (V × c − F)`` months; None when that volume makes no profit."""
    profit = profit_at(volume, contribution, fixed)
    return None if profit <= 0 else capital / profit


@dataclass(frozen=True)
class Goals:
    """What the producer asks of break-even besides the units (all optional)."""

    target: Decimal | None = None  # T: monthly profit wanted
    capital: Decimal | None = None  # K: start-up capital to win back
    volume: int | None = None  # V: planned pieces sold a month


@dataclass(frozen=True)
class BreakEven:
    sale: ChannelPrice
    fixed: Decimal
    working_days: int
    goals: Goals = Goals()

    @property
    def contribution(self) -> Decimal:
        return self.sale.profit

    @property
    def units(self) -> int | None:
        return break_even_units(self.fixed, self.contribution)

    @property
    def revenue(self) -> Decimal | None:
        return None if self.units is None else self.units * self.sale.price

    @property
    def per_day(self) -> Decimal | None:
        return None if self.units is None else Decimal(self.units) / self.working_days

    @property
    def target_units(self) -> int | None:
        if self.goals.target is None:
            return None
        return break_even_units(self.fixed, self.contribution, self.goals.target)

    @property
    def volume_profit(self) -> Decimal | None:
        return None if self.goals.volume is None else profit_at(self.goals.volume, self.contribution, self.fixed)

    @property
    def payback(self) -> Decimal | None:
        if self.goals.capital is None or self.goals.volume is None:
            return None
        return payback_months(self.goals.capital, self.goals.volume, self.contribution, self.fixed)

    def around(self, shares: Sequence[Decimal]) -> list[tuple[Decimal, int, Decimal]]:
        """(share of break-even, pieces, monthly profit) at volumes around break-even."""
        if not self.units:
            return []
        rows = []
        for share in shares:
            volume = ceil_div(self.units * share, ONE)
            rows.append((share, volume, profit_at(volume, self.contribution, self.fixed)))
        return rows


def break_even(sale: ChannelPrice, settings: Settings, goals: Goals = Goals(), uses: str | None = None) -> BreakEven:
    """Break-even of one product (using the equipment ``uses``) on one channel, against its monthly
    fixed costs."""
    if goals.capital is not None and goals.volume is None:
        raise problem(
            _("--capital needs --volume: payback depends on how many pieces you sell a month"),
            hint=_("add e.g. --volume 600 (pieces sold a month)"),
        )
    fixed = sum((line.amount for line in fixed_costs(settings, uses)), ZERO)
    return BreakEven(sale, fixed, settings.working_days, goals)
