"""Values read from the command line (planner/options.py), one number parser under them all."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner import options
from planner.errors import AmbiguousNumber, InputError

D = Decimal


@pytest.mark.parametrize(
    "text, amount",
    [
        ("85000", 85000),
        ("85_000", 85000),
        ("85.000", 85000),
        ("85,000", 85000),
        ("1.250.000", 1250000),
        ("1,250,000", 1250000),
    ],
)
def test_an_idr_amount_with_thousands_separators_can_only_mean_thousands(text, amount):
    """Decision 2: in a currency without cents, --price 85.000 can only mean 85000."""
    assert options.money("--price", text, 0, "IDR") == amount
    assert options.garment_price(text, 0) == amount


@pytest.mark.parametrize("text", ["85.000", "85,000"])
def test_in_a_currency_with_cents_the_same_text_is_ambiguous(text):
    with pytest.raises(AmbiguousNumber):
        options.money("--price", text, 2, "USD")


@pytest.mark.parametrize("texts", [["gula-pasir=17,000"], ["gula-pasir=17.000"]])
def test_set_and_change_refuse_both_separators_alike(texts):
    """--set and --change name pack prices, but 1,500 reads two ways there as in a file."""
    with pytest.raises(AmbiguousNumber) as caught:
        options.price_overrides(texts, 0)
    assert caught.value.hint.params["thousands"] == "17000" and caught.value.hint.params["decimal"] == "17"
    with pytest.raises(AmbiguousNumber):
        options.change(texts[0].replace("=", "=+"), 0)


def test_a_money_option_still_refuses_what_is_not_money():
    with pytest.raises(InputError):
        options.money("--price", "85.000,50", 0, "IDR")
    assert options.money("--price", "7.25", 2, "USD") == D("7.25")
