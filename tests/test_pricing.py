"""Selling prices per channel, worked by hand (docs/design.md, "Selling price on channel k")."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.errors import InputError
from planner.money import margin_to_markup, markup_to_margin
from planner.pricing import at_price, find_channel, list_price, markup_of, override, price_channel, target_price
from planner.settings import Channel, Pricing
from planner.texts import _

DIRECT = Channel(name="langsung")
TITIP = Channel(name="titip", commission=D("0.20"), sell_through=D("0.85"))
GOFOOD = Channel(name="gofood", commission=D("0.20"), fee=D(1000))
MARKUP = Pricing(markup=D("0.40"), round_to=D(500))


def test_markup_on_cost():
    # C 7.000, markup 40%: R = 7.000 × 1,4 = 9.800 → up to 500s: 10.000
    sale = price_channel(D(7000), DIRECT, MARKUP)
    assert sale.target == D(9800)
    assert sale.price == D(10000)
    # nothing deducted: receipt = 10.000; profit 10.000 − 7.000 = 3.000
    assert sale.receipt == D(10000)
    assert sale.profit == D(3000)
    # margin 3.000 / 10.000 = 0,3; markup 0,3 / 0,7 = 0,428571…
    assert sale.margin == D("0.3")
    assert sale.markup == D("0.3") / D("0.7")


def test_margin_on_price():
    # C 7.000, margin 30%: R = 7.000 / 0,7 = 10.000, already a multiple of 500
    sale = price_channel(D(7000), DIRECT, Pricing(margin=D("0.30"), round_to=D(500)))
    assert sale.target == D(10000)
    assert sale.price == D(10000)
    assert sale.margin == D("0.3")


def test_a_price_already_on_a_rounding_step_stays():
    # C 8.000, markup 25%: 8.000 × 1,25 = 10.000 exactly → stays 10.000, not 10.500
    sale = price_channel(D(8000), DIRECT, Pricing(markup=D("0.25"), round_to=D(500)))
    assert sale.exact == D(10000)
    assert sale.price == D(10000)
    assert list_price(D(8000), Pricing(markup=D("0.25"), round_to=D(500))) == D(10000)


def test_consignment_with_sell_through():
    # C 7.000, 85% sell: a piece sold costs 7.000 / 0,85 = 8.235,29
    # R = 8.235,29 × 1,4 = 11.529,41; shelf = 11.529,41 / (1 − 0,2) = 14.411,76 → 14.500
    sale = price_channel(D(7000), TITIP, MARKUP)
    assert round(sale.cost_sold, 2) == D("8235.29")
    assert round(sale.target, 2) == D("11529.41")
    assert round(sale.exact, 2) == D("14411.76")
    assert sale.price == D(14500)
    # receipt 14.500 × 0,8 = 11.600; profit 11.600 − 8.235,29 = 3.364,71
    assert sale.receipt == D(11600)
    assert round(sale.profit, 2) == D("3364.71")
    # margin 3.364,71 / 14.500 = 0,2320
    assert round(sale.margin, 4) == D("0.2320")


def test_per_piece_fee():
    # The example: C 1.875, markup 40% → R = 2.625;
    # (2.625 + 1.000) / (1 − 0,2) = 4.531,25 → 5.000
    sale = price_channel(D(1875), GOFOOD, MARKUP)
    assert sale.target == D(2625)
    assert sale.exact == D("4531.25")
    assert sale.price == D(5000)
    # receipt 5.000 × 0,8 − 1.000 = 3.000; profit 3.000 − 1.875 = 1.125; margin 1.125 / 5.000 = 0,225
    assert sale.receipt == D(3000)
    assert sale.profit == D(1125)
    assert sale.margin == D("0.225")


def test_revenue_tax():
    # C 7.000, markup 40%, tax 0,5%: 9.800 / 0,995 = 9.849,25 → 10.000
    taxed = Pricing(markup=D("0.40"), round_to=D(500), revenue_tax=D("0.005"))
    sale = price_channel(D(7000), DIRECT, taxed)
    assert round(sale.exact, 2) == D("9849.25")
    assert sale.price == D(10000)
    # receipt 10.000 × 0,995 = 9.950; profit 9.950 − 7.000 = 2.950
    assert sale.receipt == D(9950)
    assert sale.profit == D(2950)


def test_tax_fee_and_commission_together():
    """Decision 9: revenue tax is on the shelf price (gross turnover, as PPh final UMKM is levied)."""
    # C 1.875 → R 2.625; P = (2.625 + 1.000) / (1 − 0,2 − 0,005) = 3.625 / 0,795 = 4.559,75 → 5.000
    taxed = Pricing(markup=D("0.40"), round_to=D(500), revenue_tax=D("0.005"))
    sale = price_channel(D(1875), GOFOOD, taxed)
    assert round(sale.exact, 2) == D("4559.75")
    assert sale.price == D(5000)
    # receipt 5.000 × (1 − 0,2 − 0,005) − 1.000 = 3.975 − 1.000 = 2.975; profit 2.975 − 1.875 = 1.100
    assert sale.receipt == D(2975)
    assert sale.profit == D(1100)


def test_tax_on_what_the_producer_receives_where_she_sells_to_the_shop():
    # tax_base = "receipt": (2.625 / 0,995 + 1.000) / 0,8 = (2.638,19 + 1.000) / 0,8 = 4.547,74 → 5.000;
    # receipt (5.000 × 0,8 − 1.000) × 0,995 = 3.000 × 0,995 = 2.985; profit 2.985 − 1.875 = 1.110
    taxed = Pricing(markup=D("0.40"), round_to=D(500), revenue_tax=D("0.005"))
    sale = price_channel(D(1875), GOFOOD.copy({"tax_base": "receipt"}), taxed)
    assert round(sale.exact, 2) == D("4547.74")
    assert (sale.price, sale.receipt, sale.profit) == (D(5000), D(2985), D(1110))


def test_a_given_price():
    # "I sell at Rp 12.000" on titip: receipt 12.000 × 0,8 = 9.600; cost sold 5.100 / 0,85 = 6.000
    sale = at_price(D(5100), TITIP, MARKUP, D(12000))
    assert sale.target is None and sale.exact is None
    assert sale.receipt == D(9600)
    assert sale.profit == D(3600)


def test_neither_markup_nor_margin_prices_at_cost():
    # no rule: markup 0 → R = C = 7.000 → 7.000 (on a step): profit 0
    bare = Pricing(round_to=D(500))
    assert markup_of(bare) == 0
    assert price_channel(D(7000), DIRECT, bare).profit == 0


def test_zero_price_has_no_margin():
    sale = at_price(D(0), DIRECT, MARKUP, D(0))
    assert sale.margin is None and sale.markup is None


def test_override_replaces_the_settings_rule():
    margin = override(MARKUP, margin=D("0.3"))
    assert margin.markup is None and margin.margin == D("0.3")
    assert override(MARKUP) is MARKUP
    with pytest.raises(InputError) as err:
        override(MARKUP, markup=D("0.5"), margin=D("0.3"))
    assert err.value.message.key == _("--markup and --margin were both given")


def test_unknown_channel_suggests_the_closest():
    with pytest.raises(InputError) as err:
        find_channel([DIRECT, TITIP, GOFOOD], "gofod")
    assert err.value.message.key == _("unknown sales channel '{channel}'")
    assert err.value.hint.key == _("did you mean {near}?")
    assert err.value.hint.params["near"] == "gofood"
    with pytest.raises(InputError) as err:
        find_channel([DIRECT, TITIP, GOFOOD], "xyz")
    assert err.value.hint.key == _("the settings have {known}")
    assert err.value.hint.params["known"] == "langsung, titip, gofood"


def test_existing_helpers_keep_their_behaviour():
    # target_price: 7.000 × 1,4 = 9.800; with margin 0,3: 7.000 / 0,7 = 10.000
    assert target_price(D(7000), MARKUP) == D(9800)
    assert target_price(D(7000), Pricing(margin=D("0.3"))) == D(10000)
    assert list_price(D(7000), MARKUP) == D(10000)


# ---------------------------------------------------------------- properties

money = st.integers(min_value=0, max_value=10_000_000).map(D)
shares = st.integers(min_value=0, max_value=90).map(lambda n: D(n) / 100)
sell = st.integers(min_value=5, max_value=100).map(lambda n: D(n) / 100)
steps = st.sampled_from([D(1), D(100), D(500), D(1000)])


@st.composite
def channels(draw):
    return Channel(name="k", commission=draw(shares), fee=draw(st.integers(0, 5000).map(D)), sell_through=draw(sell))


@st.composite
def pricings(draw):
    tax = draw(st.integers(0, 10).map(lambda n: D(n) / 1000))
    if draw(st.booleans()):
        return Pricing(
            markup=draw(st.integers(0, 300).map(lambda n: D(n) / 100)), round_to=draw(steps), revenue_tax=tax
        )
    return Pricing(margin=draw(shares), round_to=draw(steps), revenue_tax=tax)


@given(money, channels(), pricings())
def test_a_rounded_price_is_never_below_its_target(cost, channel, pricing):
    sale = price_channel(cost, channel, pricing)
    assert sale.price >= sale.exact
    assert sale.price - sale.exact < pricing.round_to
    assert sale.price % pricing.round_to == 0
    # so what is received per piece sold is at least the target receipt
    assert sale.receipt >= sale.target - D("1e-15")


@given(st.integers(min_value=0, max_value=100_000).map(lambda n: D(n) / 1000))
def test_markup_and_margin_convert_both_ways(markup):
    margin = markup_to_margin(markup)
    assert abs(margin_to_markup(margin) - markup) < D("1e-20")


@given(shares)
def test_margin_and_markup_convert_back(margin):
    assert abs(markup_to_margin(margin_to_markup(margin)) - margin) < D("1e-20")


@given(money.filter(lambda c: c > 0), channels(), pricings())
def test_shown_margin_and_markup_are_the_same_profit(cost, channel, pricing):
    sale = price_channel(cost, channel, pricing)
    if sale.margin is not None and sale.markup is not None:
        assert abs(markup_to_margin(sale.markup) - sale.margin) < D("1e-20")
