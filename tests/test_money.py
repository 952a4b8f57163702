"""Money: exact Decimals, rounding up to a step, and display rounding whose
shown parts add up to the shown total."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.money import D, ceil_div, margin_to_markup, markup_to_margin, quantize, round_up, shown_parts


def test_money_is_never_made_from_a_float():
    with pytest.raises(TypeError):
        D(0.1)
    with pytest.raises(TypeError):
        D(True)
    assert D("0.1") + D("0.2") == D("0.3")
    assert D(12_700) == Decimal(12700)


def test_rupiah_has_no_minor_unit():
    from planner.locales import currency_places

    assert (currency_places("IDR"), currency_places("USD"), currency_places("KWD")) == (0, 2, 3)  # from Babel


@pytest.mark.parametrize(
    "value, step, expected",
    [
        ("4531.25", "500", "5000"),  # 4531,25 / 500 = 9,06 -> 10 × 500
        ("5000", "500", "5000"),  # already a multiple: unchanged
        ("5000.01", "500", "5500"),
        ("0.1", "1000", "1000"),
        ("12.345", "0.05", "12.35"),  # 246,9 -> 247 × 0,05
    ],
)
def test_prices_round_up_to_a_step(value, step, expected):
    assert round_up(D(value), D(step)) == D(expected)


def test_the_noise_of_dividing_does_not_push_a_price_a_step_up():
    # $7.25 × 40 / 60 = 4.8333…; + 1.50 flour = 6.3333…; / 10 pieces × 1,5 = 0.95 exactly, but Decimal's
    # 28 digits leave 0.9500…0001: rounded up to $0.05 it is $0.95, not $1.00
    assert round_up(D("0.9500000000000000000000000001"), D("0.05")) == D("0.95")
    assert round_up(D("0.9500000000001"), D("0.05")) == D("1.00")  # a real amount above: the next step
    assert round_up(D("9933.999999999999999999999999"), D(500)) == D(10000)


def test_round_up_needs_a_positive_step():
    with pytest.raises(ValueError):
        round_up(D(100), D(0))


def test_ceil_div_counts_whole_packs():
    assert ceil_div(D(1538), D(1)) == 1538
    assert ceil_div(D("10000000"), D("6500")) == 1539  # 1538,46 -> 1539 (REFERENCE break-even check)
    assert ceil_div(D(750), D(1000)) == 1  # 750 g from 1 kg packs: one pack


def test_display_rounding_is_half_up_once():
    assert quantize(D("2.5"), 0) == 3
    assert quantize(D("3175.005"), 2) == D("3175.01")
    assert quantize(D("7095.75"), 0) == 7096


def test_shown_parts_are_each_rounded_and_the_rest_is_a_rounding():
    # 1,4 + 1,4 + 1,2 = 4,0. Each rounded alone: 1 + 1 + 1 = 3; the table shows a rounding of 1.
    assert shown_parts([D("1.4"), D("1.4"), D("1.2")], 0) == ([1, 1, 1], 4, 1)
    # a total that is not the parts' sum (revenue − costs = profit): the exact one is given
    assert shown_parts([D("20401.33")], 0, D("20401.6")) == ([20401], 20402, 1)
    assert shown_parts([], 0) == ([], 0, 0)


parts_strategy = st.lists(
    st.decimals(min_value=-10_000_000, max_value=10_000_000, places=4, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(parts=parts_strategy, places=st.sampled_from([0, 2]))
def test_shown_parts_and_their_rounding_add_up_to_the_shown_total(parts, places):
    shown, total, rounding = shown_parts(parts, places)
    unit = Decimal(1).scaleb(-places)
    assert sum(shown, Decimal(0)) + rounding == total  # the table adds up, visibly
    assert total == quantize(sum(parts, Decimal(0)), places)  # and shows the true total
    for exact, rounded in zip(parts, shown):
        assert abs(rounded - exact) <= unit / 2  # each part is its own half-up rounding
    assert abs(rounding) <= len(parts) * unit / 2 + unit / 2


@pytest.mark.parametrize(
    "markup, margin",
    [
        ("0.5", Decimal(1) / 3),  # cost 100.000, price 150.000: markup 50%, margin 33,3% (kalkulink.id)
        ("0.4", Decimal(2) / 7),  # 0,4 / 1,4 = 0,2857...
        ("1", "0.5"),  # doubling the cost keeps half the price
    ],
)
def test_markup_and_margin_convert_both_ways(markup, margin):
    assert markup_to_margin(D(markup)) == D(margin)
    assert abs(margin_to_markup(D(margin)) - D(markup)) < D("1e-25")
