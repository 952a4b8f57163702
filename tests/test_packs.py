"""Several packs per item: the cheapest mix that covers a need, and the catalog's pack lists.

Figures are worked by hand in the comments; the property compares the search with a brute
force over every count of every size."""

from __future__ import annotations

import itertools
from decimal import Decimal as D
from math import ceil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.catalog import offers, settle_packs
from planner.errors import InputErrors
from planner.models import Item
from planner.packs import Offer, cheapest_mix
from planner.units import Quantity
from planner.workspace import unit_table

UNITS = unit_table()


def offer(size: str, amount: str, price: int) -> Offer:
    number, unit = size.split()
    return Offer(Quantity(D(number), unit), D(amount), D(price))


KILO = offer("1 kg", "1", 17_000)
QUARTER = offer("250 g", "0.25", 4_500)
BUTIR_16 = offer("1 kg", "1", 29_000)  # telur by the kilo, 16 butir
BUTIR = offer("1 butir", "0.0625", 2_000)  # one of 16 to a kilo


def bought(short: str, *sizes: Offer) -> list[tuple[str, int]]:
    mix = cheapest_mix(D(short), sizes)
    return [(str(o.size), n) for o, n in mix.parts]


def test_a_little_buys_the_small_bag():
    # 0.2 kg of gula: a kilo is Rp17.000, a quarter Rp4.500 -> one quarter
    assert bought("0.2", KILO, QUARTER) == [("250 g", 1)]


def test_the_small_bags_until_the_big_one_is_cheaper():
    # 0.6 kg: 3 quarters = Rp13.500 < a kilo Rp17.000; 0.8 kg: 4 quarters = Rp18.000 > Rp17.000 -> the kilo
    assert bought("0.6", KILO, QUARTER) == [("250 g", 3)]
    assert bought("0.8", KILO, QUARTER) == [("1 kg", 1)]


def test_the_bulk_in_the_big_pack_the_rest_loose():
    # 1.2 kg: 1 kg + 1 × 250 g = Rp21.500 (2 kg = Rp34.000, 5 quarters = Rp22.500)
    assert bought("1.2", KILO, QUARTER) == [("1 kg", 1), ("250 g", 1)]
    mix = cheapest_mix(D("1.2"), [KILO, QUARTER])
    assert (mix.spend, mix.amount, mix.packs) == (D(21_500), D("1.25"), 2)


def test_eggs_by_the_kilo_and_by_the_butir():
    # 3 butir = 0.1875 kg: 3 × Rp2.000 = Rp6.000; 20 butir = 1.25 kg: 1 kg + 4 butir = Rp37.000
    # (2 kg Rp58.000; 20 butir Rp40.000)
    assert bought("0.1875", BUTIR_16, BUTIR) == [("1 butir", 3)]
    assert bought("1.25", BUTIR_16, BUTIR) == [("1 kg", 1), ("1 butir", 4)]


def test_exactly_on_a_size_buys_no_extra_pack():
    # 4 × 0.25 = 1 exactly (fractions, not floats): 0.75 kg is 3 quarters, Rp13.500
    assert bought("0.75", KILO, QUARTER) == [("250 g", 3)]


def test_nothing_short_buys_nothing():
    assert cheapest_mix(D(0), [KILO, QUARTER]).packs == 0
    assert cheapest_mix(D("-1"), [KILO]).spend == 0


def test_one_size_is_whole_packs():
    # 2.1 kg of a 1 kg pack: 3 packs
    assert bought("2.1", KILO) == [("1 kg", 3)]


def test_equal_cost_buys_less():
    # a kilo Rp16.000 and a quarter Rp4.000 cost the same per kilo: 1 kg buys 1 kg, not 4 quarters,
    # and 0.5 kg buys 2 quarters (Rp8.000), not the kilo (Rp16.000)
    kilo, quarter = offer("1 kg", "1", 16_000), offer("250 g", "0.25", 4_000)
    assert bought("1", kilo, quarter) == [("1 kg", 1)]
    assert bought("0.5", kilo, quarter) == [("250 g", 2)]


def brute(short: D, sizes: list[Offer]) -> D:
    """The cheapest cover over every count of every size up to what it alone would take."""
    ranges = [range(ceil(short / o.amount) + 1) for o in sizes]
    return min(
        sum((o.price * n for o, n in zip(sizes, counts)), D(0))
        for counts in itertools.product(*ranges)
        if sum((o.amount * n for o, n in zip(sizes, counts)), D(0)) >= short
    )


sizes = st.lists(
    st.tuples(st.sampled_from(["1", "0.5", "0.25", "0.2", "0.1", "0.0625", "0.3"]), st.integers(500, 20_000)),
    min_size=1,
    max_size=3,
    unique_by=lambda t: t[0],
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(short=st.decimals(min_value=D("0.01"), max_value=D("2.5"), places=2), listed=sizes)
def test_the_search_finds_the_brute_force_cheapest(short, listed):
    sizes_ = [offer(f"{a} kg", a, p) for a, p in listed]
    mix = cheapest_mix(short, sizes_)
    assert mix.amount >= short
    assert mix.spend == brute(short, sizes_)


# ---------------------------------------------------------------- the catalog's pack lists


def item(**entry) -> Item:
    return Item.model_validate(entry)


def test_packs_settle_on_the_largest_size():
    gula = item(packs=[{"pack": "250 g", "price": 4_500}, {"pack": "1 kg", "price": 17_000}])
    settled = settle_packs("gula", gula, UNITS)
    assert (settled.pack, settled.price) == (Quantity(D(1), "kg"), D(17_000))
    assert [str(p.pack) for p in settled.packs] == ["1 kg", "250 g"]
    # the shopping list's sizes in the largest pack's units: 250 g of a 1 kg pack is 0.25
    assert [(o.amount, o.price) for o in offers("gula", settled, UNITS)] == [(D(1), D(17_000)), (D("0.25"), D(4_500))]


def test_sizes_convert_through_the_item_facts():
    # telur by the kilo and by the butir, 62.5 g each: a butir is 0.0625 of the kilo
    telur = item(piece="62.5 g", packs=[{"pack": "1 kg", "price": 29_000}, {"pack": "1 butir", "price": 2_000}])
    assert [o.amount for o in offers("telur", settle_packs("telur", telur, UNITS), UNITS)] == [D(1), D("0.0625")]


def test_set_changes_the_largest_size_only():
    gula = settle_packs(
        "gula", item(packs=[{"pack": "1 kg", "price": 17_000}, {"pack": "250 g", "price": 4_500}]), UNITS
    )
    assert [o.price for o in offers("gula", gula, UNITS, D(18_000))] == [D(18_000), D(4_500)]


def test_the_same_size_twice_is_refused():
    # "1 kg" and "1000 g" are one size
    gula = item(packs=[{"pack": "1 kg", "price": 17_000}, {"pack": "1000 g", "price": 16_000}])
    with pytest.raises(InputErrors) as caught:
        settle_packs("gula", gula, UNITS)
    [err] = caught.value.problems
    assert err.loc == ("packs", 1, "pack")
    assert err.message.params["size"] == "1000 g"


def test_sizes_that_do_not_convert_are_refused():
    gula = item(packs=[{"pack": "1 kg", "price": 17_000}, {"pack": "1 butir", "price": 500}])
    with pytest.raises(InputErrors) as caught:
        settle_packs("gula", gula, UNITS)
    assert [e.loc for e in caught.value.problems] == [("packs", 1, "pack")]
