"""plan --budget: what Rp 50.000 makes, the most profitable mix of several products, which limit binds.

The baker's case (docs/design-book.md, "What can I make with Rp 50.000?"): one batch of her bolu
came to Rp 166.700 when the planner could only buy whole 1 kg bags, a 100-pack of mika and a whole
LPG tank. With the warung's loose sizes in the shipped catalog the same batch costs Rp 48.250.
The mixes are checked against a brute force over every whole number of batches.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.budget import Shopper, choices_of, limits_of, over, plan_budget
from planner.catalog import settle_packs
from planner.errors import InputError
from planner.models import Item
from planner.planning import Kitchen, Order
from tests.conftest import ROOT, run_cli
from tests.test_planning import UNITS, sheet
from tests.test_planning import settings as make_settings

BOLU = """\
name = "Bolu pandan kukus"

[batch]
pieces = 16
minutes = 60
equipment = "kukusan"
equipment_minutes = 30

[[ingredients]]
item = "tepung-terigu"
qty = "200 g"
[[ingredients]]
item = "tepung-maizena"
qty = "25 g"
[[ingredients]]
item = "gula-pasir"
qty = "150 g"
[[ingredients]]
item = "telur-ayam"
qty = "4 butir"
[[ingredients]]
item = "margarin"
qty = "100 g"
[[ingredients]]
item = "vanili-bubuk"
qty = "1 g"
[[ingredients]]
item = "garam"
qty = "1 g"
[[ingredients]]
item = "daun-pandan"
qty = "5 lembar"

[[overhead]]
item = "lpg-3kg"
qty = "150 g"

[packaging]
pieces_per_pack = 2
items = [ { item = "mika-kecil", qty = "1 pcs" } ]
"""

# The same items sold only in their largest pack, LPG by the tank: what the planner could buy before.
WHOLE_PACKS = """\
[tepung-terigu]
pack = "1 kg"
price = 12_700
[tepung-maizena]
pack = "100 g"
price = 5_500
[gula-pasir]
pack = "1 kg"
price = 17_000
[telur-ayam]
pack = "1 kg"
price = 29_000
piece = "62.5 g"
[margarin]
pack = "1 kg"
price = 27_000
[vanili-bubuk]
pack = "20 g"
price = 8_000
[garam]
pack = "500 g"
price = 5_000
[daun-pandan]
pack = "1 ikat"
price = 2_500
units = { ikat = "10 lembar" }
[lpg-3kg]
pack = "3 kg"
price = 25_000
[mika-kecil]
pack = "100 pcs"
price = 35_000
"""


def budget_json(cwd: Path, *args: str) -> dict:
    result = run_cli("plan", *args, "--format", "json", "--today", "2026-12-01", cwd=cwd)
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.fixture
def bolu(tmp_path: Path) -> Path:
    (tmp_path / "bolu.toml").write_text(BOLU, encoding="utf-8")
    return tmp_path


def test_one_batch_in_whole_packs_came_to_166_700(bolu: Path):
    # 12.700 + 5.500 + 17.000 + 29.000 + 27.000 + 8.000 + 5.000 + 2.500 + 25.000 (a tank) + 35.000 (100 mika)
    # = Rp166.700, the figure the baker was given
    (bolu / "planner.toml").write_text(
        'language = "en"\n[[equipment]]\nname = "kukusan"\nprice = 250_000\nlife_months = 24\n', encoding="utf-8"
    )
    (bolu / "prices.toml").write_text(WHOLE_PACKS, encoding="utf-8")
    assert budget_json(bolu, "bolu.toml=16")["totals"]["cash"] == "166700.00"


def test_fifty_thousand_buys_a_real_batch_with_loose_packs(bolu: Path):
    """The shipped catalog: flour and sugar by the 1/4 kg, eggs by the butir, margarin by the 200 g
    sachet, mika by ten, LPG by what the batch burns."""
    found = budget_json(bolu, "bolu.toml=48", "--budget", "50000")
    spends = {line["item"]: line["spend"] for line in found["shopping"]}
    # 250 g terigu 3.500, 100 g maizena 5.500, 250 g gula 4.500, 4 butir × 2.000 = 8.000, 200 g margarin 8.000,
    # 20 g vanili 8.000, 250 g garam 3.000, 1 ikat pandan 2.500, LPG 150 g × 25.000 / 3.000 g = 1.250,
    # 10 mika 4.000 (8 needed: 16 pieces / 2 a mika)
    assert spends == {
        "tepung-terigu": "3500.00",
        "tepung-maizena": "5500.00",
        "gula-pasir": "4500.00",
        "telur-ayam": "8000.00",
        "margarin": "8000.00",
        "vanili-bubuk": "8000.00",
        "garam": "3000.00",
        "daun-pandan": "2500.00",
        "lpg-3kg": "1250.00",
        "mika-kecil": "4000.00",
    }
    telur = next(line for line in found["shopping"] if line["item"] == "telur-ayam")
    assert telur["mix"] == [
        {"pack": {"amount": "1", "unit": "butir"}, "packs": 4, "price": "2000.00", "spend": "8000.00"}
    ]
    # Σ = 48.250: one batch; a second would need 69.500 (2 × 250 g terigu 7.000, maizena 5.500, 2 × 250 g gula
    # 9.000, 8 butir 16.000, 200 g margarin 8.000, vanili 8.000, garam 3.000, 1 ikat 2.500, LPG 2.500,
    # 2 × 10 mika 8.000)
    [product] = found["products"]
    assert (product["batches"], product["pieces"], product["limit"]) == (1, 16, 48)
    # HPP of a batch: 2.540 + 1.375 + 2.550 + 7.250 + 2.700 + 400 + 10 + 1.250 (ingredients at the largest
    # pack's unit cost) + 30.602 (60 min of work) + 1.250 (LPG) + 2.800 (8 mika at 350) = 52.727; a piece
    # 52.727 / 16 = 3.295,44, × 1.4 = 4.613,6, rounded up to 5.000: profit 16 × 5.000 − 52.727 = 27.273
    assert found["budget"] == {
        "amount": "50000.00",
        "spent": "48250.00",
        "left": "1750.00",
        "binding": ["money"],
        "profit": "27273.00",
        "solver": None,
        "status": "optimal",
        "gap": "0",
    }


def test_a_larger_budget_stops_at_the_pieces(bolu: Path):
    # 3 batches make the 48 pieces asked for; Rp 500.000 buys them with money left over
    found = budget_json(bolu, "bolu.toml=48", "--budget", "500000")
    assert found["products"][0]["batches"] == 3
    assert found["budget"]["binding"] == ["pieces"]


def test_the_table_says_which_limit_binds(bolu: Path):
    result = run_cli("plan", "bolu.toml=48", "--budget", "50000", "--today", "2026-12-01", cwd=bolu)
    assert result.code == 0, result.err
    assert "Modal Rp50.000: uang habis" in result.out
    assert "Sisa uang" in result.out and "1.750" in result.out
    english = run_cli("plan", "bolu.toml=48", "--budget", "50000", "--lang", "en", "--explain", cwd=bolu)
    assert "Budget Rp50.000: money ran out" in english.out
    assert "most batches of Bolu pandan kukus (at most ceil(48 / 16) = 3)" in english.out


# ---------------------------------------------------------------- several products, hand-worked


CATALOG = {
    "a": Item.model_validate({"pack": "1 kg", "price": 40_000}),
    "b": Item.model_validate({"pack": "1 kg", "price": 15_000}),
    "c": Item.model_validate({"packs": [{"pack": "1 kg", "price": 16_000}, {"pack": "250 g", "price": 5_000}]}),
}
CATALOG["c"] = settle_packs("c", CATALOG["c"], UNITS)


def kitchen(*, due: date | None = None, stock: dict | None = None, **labor) -> Kitchen:
    return Kitchen(stock or {}, make_settings(**labor), CATALOG, UNITS, {}, date(2026, 12, 1), due)


def test_the_best_mix_is_not_all_of_the_more_profitable_product():
    # A: HPP 50.000 a batch of 10, 5.000 a piece × 1.4 = 7.000 -> profit 70.000 − 50.000 = 20.000 a batch, and
    # its batch needs 1 kg of a (Rp40.000). B: HPP 25.000 for 10, 2.500 × 1.4 = 3.500 -> profit 10.000 a batch,
    # 1 kg of b (Rp15.000). With Rp45.000: A alone makes 1 batch (profit 20.000, Rp5.000 left); B makes 3
    # batches for exactly Rp45.000, profit 30.000; A + B would need Rp55.000. The best is 3 × B.
    orders = [
        Order(sheet({"a": "1"}, name="A", sellable="10", cost="50000"), 30),
        Order(sheet({"b": "1"}, name="B", sellable="10", cost="25000"), 50),
    ]
    found = plan_budget(orders, kitchen(), D(45_000))
    assert found.batches == (0, 3)
    assert (found.profit, found.spent, found.left) == (D(30_000), D(45_000), D(0))
    assert found.binding == ("money",)
    assert found.solver and found.solver.startswith("HiGHS")


def test_hours_bind_before_the_money():
    # the same two products, 120 hands-on minutes a batch each, 1 worker × 8 h × 1 day = 8 h: 4 batches at
    # most. Rp200.000 buys 13 batches of B, but the best 4 are A (4 × 20.000 = 80.000, Rp160.000 spent):
    # 3 A + 1 B = 70.000, 4 B = 40.000
    orders = [
        Order(sheet({"a": "1"}, name="A", sellable="10", cost="50000", minutes="120"), 100),
        Order(sheet({"b": "1"}, name="B", sellable="10", cost="25000", minutes="120"), 100),
    ]
    found = plan_budget(orders, kitchen(due=date(2026, 12, 2)), D(200_000))
    assert found.batches == (4, 0)
    assert found.binding == ("hours",)
    assert found.left == D(40_000)


def test_the_oven_binds():
    # an oven of capacity 2: 60 min a batch is 0.5 h of it; 8 h × 1 day = 8 h -> 16 batches; hands-on 15 min
    orders = [
        Order(
            sheet(
                {"b": "1"},
                name="B",
                sellable="10",
                cost="25000",
                minutes="15",
                equipment="oven",
                equipment_minutes="60",
            ),
            500,
        ),
        Order(
            sheet(
                {"b": "1"},
                name="B2",
                sellable="10",
                cost="25000",
                minutes="15",
                equipment="oven",
                equipment_minutes="60",
            ),
            500,
        ),
    ]
    found = plan_budget(orders, kitchen(due=date(2026, 12, 2)), D(1_000_000))
    assert sum(found.batches) == 16
    assert found.binding == ("equipment:oven",)


def test_the_last_partial_batch_sells_only_the_pieces_asked_for():
    # 25 pieces of a batch of 10: at most 3 batches, the third sells 5 of its 10; 3 × 10.000 HPP... B's
    # third batch earns 5 × 3.500 − 25.000 < 0, so with money for all three the best is 2 batches (20 pieces)
    orders = [
        Order(sheet({"b": "1"}, name="B", sellable="10", cost="25000"), 25),
        Order(sheet({"a": "1"}, name="A", sellable="10", cost="50000"), 10),
    ]
    found = plan_budget(orders, kitchen(), D(1_000_000))
    assert found.batches == (2, 1)
    assert [run.pieces for run in found.plan.runs] == [20, 10]
    assert found.binding == ("profit",)


def test_stock_and_loose_packs_count_in_the_mix():
    # C needs 0.6 kg of c a batch; 0.5 kg in stock. 2 batches: 1.2 − 0.5 = 0.7 kg short -> 3 × 250 g = 15.000
    # (1 kg costs 16.000). Profit of C: HPP 14.000 for 10, 1.400 × 1.4 = 1.960 -> 2.000: 20.000 − 14.000 = 6.000
    orders = [
        Order(sheet({"c": "0.6"}, name="C", sellable="10", cost="14000"), 20),
        Order(sheet({"b": "1"}, name="B", sellable="10", cost="25000"), 10),
    ]
    found = plan_budget(orders, kitchen(stock={"c": D("0.5")}), D(15_000))
    assert found.batches == (2, 0)
    assert found.spent == D(15_000)


def test_not_one_batch_fits_the_money():
    orders = [Order(sheet({"a": "1"}, name="A", sellable="10", cost="50000"), 30)]
    with pytest.raises(InputError) as caught:
        plan_budget(orders, kitchen(), D(30_000))
    assert caught.value.message.params["item"] == "a"
    assert caught.value.message.params["cash"].value == D(40_000)


def test_not_one_batch_fits_the_hours():
    orders = [
        Order(sheet({"b": "1"}, name="B", sellable="10", cost="25000", minutes="600"), 30),
        Order(sheet({"a": "1"}, name="A", sellable="10", cost="50000", minutes="600"), 30),
    ]
    with pytest.raises(InputError) as caught:
        plan_budget(orders, kitchen(due=date(2026, 12, 2)), D(100_000))
    assert caught.value.loc == ("due",)
    assert caught.value.message.params["hours"] == D(8)


# ---------------------------------------------------------------- against a brute force


def brute_profit(orders: list[Order], where: Kitchen, budget: D) -> D:
    """The best profit over every whole number of batches of every product that fits every limit."""
    choices = choices_of(orders, where)
    shopper, limits = Shopper(choices, where), limits_of(budget, where)
    return max(
        sum((c.profit(n) for c, n in zip(choices, batches)), D(0))
        for batches in itertools.product(*(range(c.most + 1) for c in choices))
        if not over(batches, shopper, limits)
    )


product = st.tuples(
    st.dictionaries(st.sampled_from(["a", "b", "c"]), st.sampled_from(["0.3", "0.5", "1", "1.5"]), min_size=1),
    st.sampled_from(["10000", "25000", "50000", "70000"]),
    st.integers(1, 40),  # pieces
    st.sampled_from(["30", "120", "240"]),  # minutes
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    products=st.lists(product, min_size=2, max_size=3),
    budget=st.integers(0, 200).map(lambda k: D(k * 1_000)),
    due=st.sampled_from([None, date(2026, 12, 2), date(2026, 12, 3)]),
    stock=st.sampled_from([{}, {"c": D("0.5")}, {"a": D(1)}]),
)
def test_the_mix_is_the_brute_force_best(products, budget, due, stock):
    orders = [
        Order(sheet(needs, name=f"P{i}", sellable="10", cost=cost, minutes=minutes), pieces)
        for i, (needs, cost, pieces, minutes) in enumerate(products)
    ]
    where = kitchen(due=due, stock=stock)
    best = brute_profit(orders, where, budget)
    try:
        found = plan_budget(orders, where, budget)
    except InputError:
        assert best <= 0  # nothing fits, or nothing that fits earns anything
        return
    assert abs(found.profit - best) < D("0.01")
    assert found.left >= 0


# ---------------------------------------------------------------- highspy only where it is needed


def test_plan_without_budget_does_not_import_highspy():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planner", "plan", "plans/pesanan-kenduri.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert "planner.budget" not in done.stderr and "highspy" not in done.stderr
