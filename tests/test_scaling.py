"""scaling: K× a recipe in its own units; the scaled data costs exactly K× the ingredients."""

from __future__ import annotations

import tomllib
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.costing import Context, cost_recipe
from planner.errors import InputError
from planner.models import Recipe, RecipeProduct
from planner.options import factor as parse_factor
from planner.scaling import factor_for_pieces, scale_recipe, scaled_recipe_data, scaled_text, written_number
from planner.texts import _
from planner.workspace import load_product, load_workspace

ROOT = Path(__file__).resolve().parent.parent
AMPARAN = ROOT / "recipes" / "amparan-tatak-pisang.toml"


WS = load_workspace(None, ROOT / "tests")  # no planner.toml above tests/: the embedded defaults
EXACT = D("1e-18")  # the only difference allowed: the last digits of Decimal's 28-digit division


@pytest.fixture
def ws():
    return WS


def context(ws) -> Context:
    return Context(ws.settings, ws.catalog, ws.units)


def test_amounts_keep_their_units_and_are_written_with_a_decimal_comma():
    assert scaled_text("3 butir", D("1.5")) == "4,5 butir"
    assert scaled_text("2 sdm", D("1.5")) == "3 sdm"
    # never "1.125 kg" nor "1,125 kg", which both read as 1125 too (decision 2): a fourth decimal
    assert scaled_text("0,75 kg", D("1.5")) == "1,1250 kg"
    assert scaled_text("250 g", D(1) / 3) == "83,3333 g"  # at most four decimals


def test_numbers_are_whole_when_they_can_be():
    assert written_number(D("12.000")) == 12 and isinstance(written_number(D("12.0")), int)
    assert written_number(D("82.50")) == D("82.5")


def test_pieces_wanted_are_pieces_fit_to_sell():
    # 12 wanted / 8 a batch = 1.5; 30 wanted / (16 × 0.95 = 15.2) = 1.973…
    assert factor_for_pieces(12, D(8)) == D("1.5")
    assert factor_for_pieces(30, D("15.2")) * D("15.2") == pytest.approx(D(30))


@pytest.mark.parametrize("text, value", [("2", D(2)), ("1,5", D("1.5")), ("1.5", D("1.5")), ("1/2", D("0.5"))])
def test_factors_may_be_written_as_people_write_them(text, value):
    assert parse_factor(text) == value


@pytest.mark.parametrize("text", ["0", "-1", "abc", "", "1.500"])
def test_a_factor_must_be_a_number_above_zero(text):
    with pytest.raises(InputError) as caught:
        parse_factor(text)
    assert caught.value.message.key == _("'{text}' is not a factor above zero")


def test_every_per_batch_amount_is_scaled_and_packaging_is_left_alone():
    data = {
        "name": "Kue",
        "batch": {
            "pieces": 8,
            "loss": D("0.0"),
            "minutes": 40,
            "equipment": "oven",
            "equipment_minutes": 55,
            "output": "1,2 kg",
        },
        "ingredients": [{"item": "telur-itik", "qty": "3 butir"}, {"recipe": "santan-pandan", "qty": "1,5 gelas"}],
        "overhead": [{"item": "lpg-3kg", "qty": "180 g"}, {"name": "Daun pisang", "cost": 1000}],
        "packaging": {"pieces_per_pack": 2, "items": [{"item": "mika-kecil", "qty": "1 pcs"}]},
    }
    out, notes = scaled_recipe_data(data, D("1.5"), 0, rebase=lambda ref: "../resep/" + ref)
    # 8 × 1.5 = 12 pieces; 40 × 1.5 = 60 min; 55 × 1.5 = 82.5 min; 1.2 kg × 1.5 = 1.8 kg
    assert out["batch"] == {
        "pieces": 12,
        "loss": D("0.0"),
        "minutes": 60,
        "equipment": "oven",
        "equipment_minutes": D("82.5"),
        "output": "1,8 kg",
    }
    assert out["ingredients"] == [
        {"item": "telur-itik", "qty": "4,5 butir"},
        {"recipe": "../resep/santan-pandan", "qty": "2,25 gelas"},
    ]
    # Rp 1.000 × 1.5 = Rp 1.500, exact: no note
    assert out["overhead"] == [{"item": "lpg-3kg", "qty": "270 g"}, {"name": "Daun pisang", "cost": 1500}]
    assert out["packaging"] == data["packaging"] and notes == []
    assert data["batch"]["pieces"] == 8  # the original is not changed


def test_a_plain_amount_that_is_not_whole_money_is_rounded_with_a_note():
    data = {
        "name": "Kue",
        "batch": {"pieces": 9},
        "ingredients": [{"item": "garam", "qty": "1 sdt"}],
        "overhead": [{"name": "Daun pisang", "cost": 1000}],
    }
    out, notes = scaled_recipe_data(data, D(1) / 3, 0)
    # Rp 1.000 / 3 = Rp 333,33… -> Rp 333
    assert out["overhead"][0]["cost"] == 333
    assert [n.message.key for n in notes] == [_("the plain amount '{name}' × factor is {exact}; written as {rounded}")]


def test_scale_report_lines_use_the_recipes_own_units(ws):
    product = load_product(ws, ROOT / "recipes" / "bingka-kentang.toml")
    scaling = scale_recipe(
        product.model, product.path, D("1.5"), ws.catalog, {ref: sub.model.name for ref, sub in product.subs.items()}
    )
    lines = {line.item: str(line.scaled) for line in scaling.lines}
    assert lines["telur-itik"] == "4.5 butir" and lines["margarin"] == "3 sdm"
    assert lines["santan-pandan"] == "2.25 gelas" and lines["minutes"] == "60 min" and lines["oven"] == "82.5 min"
    assert (scaling.scaled_pieces, scaling.scaled_sellable) == (12, 12)


@settings(max_examples=40, deadline=None)
@given(factor=st.decimals(min_value=D("0.25"), max_value=D(5), places=2))
def test_a_scaled_recipe_costs_k_times_the_ingredients(factor):
    # amparan's amounts have at most one decimal: × a two-place factor stays within four places, so exact
    raw = tomllib.loads(AMPARAN.read_text(encoding="utf-8"), parse_float=D)
    data, _ = scaled_recipe_data(raw, factor, WS.places)
    original = cost_recipe(RecipeProduct(str(AMPARAN), Recipe.model_validate(raw, context={"places": 0})), context(WS))
    scaled = cost_recipe(RecipeProduct("x.toml", Recipe.model_validate(data, context={"places": 0})), context(WS))
    for group in ("ingredients", "labor", "overhead", "packaging"):
        assert abs(scaled.total(group) - factor * original.total(group)) < EXACT, group
    assert scaled.sellable == factor * original.sellable
