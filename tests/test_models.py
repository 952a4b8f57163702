"""The file models: what a valid settings, catalog item, recipe, pattern and
plan look like, and the problem (message key and location) for what is not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner.errors import InputErrors
from planner.models import Item, Pattern, Plan, Recipe, kind_of
from planner.settings import Settings
from planner.texts import _
from planner.units import Quantity
from planner.validation import validate

D = Decimal
IDR = {"places": 0}


def problems(model, data, context=IDR) -> list[tuple[str, tuple]]:
    """(message key, location) of every problem validating ``data``."""
    with pytest.raises(InputErrors) as caught:
        validate(model, data, context)
    return [(p.message.key, p.loc) for p in caught.value.problems]


RECIPE = {
    "name": "Bingka kentang",
    "batch": {"pieces": 8, "loss": D("0.0"), "minutes": 40},
    "ingredients": [{"item": "kentang", "qty": "250 g"}, {"recipe": "santan-pandan", "qty": "1,5 gelas"}],
    "overhead": [{"item": "lpg-3kg", "qty": "150 g"}, {"name": "Daun pisang", "cost": 1_000}],
    "packaging": {"pieces_per_pack": 2, "items": [{"item": "mika-kecil", "qty": "1 pcs"}]},
}

PATTERN = {
    "name": "Kemeja sekolah",
    "sizes": ["S", "M"],
    "fabric": {"item": "katun-toyobo", "width": "150 cm", "need": {"S": "1.30 m", "M": "1.40 m"}, "waste": D("0.05")},
    "operations": [{"name": "Jahit", "minutes": 75, "efficiency": D("0.5")}],
    "services": [{"name": "Bordir logo", "cost": 5_000}],
}


def with_(data: dict, path: tuple, value) -> dict:
    """A deep copy of ``data`` with one value replaced (or removed when value is ...)."""
    import copy

    out = copy.deepcopy(data)
    target = out
    for part in path[:-1]:
        target = target[part]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


# ---------------------------------------------------------------- settings


def test_default_settings_are_indonesian_with_the_banjarmasin_wage():
    settings = Settings()
    assert (settings.currency, settings.locale, settings.language) == ("IDR", "id_ID", "id")
    assert settings.labor.wage_per_hour == 30_602  # UMK Banjarmasin 2026 Rp3.855.894 / 126
    assert settings.pricing.markup == D("0.40") and settings.pricing.margin is None
    assert [c.name for c in settings.channels] == ["langsung"]


def test_settings_take_markup_or_margin_not_both():
    found = problems(Settings, {"pricing": {"markup": D("0.4"), "margin": D("0.3")}})
    assert found == [(_("[pricing] has both markup and margin"), ("pricing",))]


def test_settings_units_redefine_the_gelas():
    settings = validate(Settings, {"units": {"gelas": "250 ml"}}, IDR)
    assert settings.units["gelas"] == Quantity(D(250), "ml")


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"language": "jv"}, (_("'{key}' cannot be {value}"), ("language",))),
        ({"working_days": 0}, (_("'{key}' = {value} is outside the allowed range: {range}"), ("working_days",))),
        (
            {"labor": {"wage_per_hour": "30602"}},
            (_("'{key}' must be an amount of money, not {value}"), ("labor", "wage_per_hour")),
        ),
        (
            {"channels": [{"name": "titip", "commission": 20}]},
            (_("'{key}' = {value} is outside the allowed range: {range}"), ("channels", 0, "commission")),
        ),
        ({"channels": [{"name": "a"}, {"name": "a"}]}, (_("the name '{name}' appears twice in {kind}"), ())),
        ({"currency": "rupiah"}, (_("'{key}' has a wrong value {value}: {reason}"), ("currency",))),
        ({"pricing": {"markup": D("0.4"), "rounding": 500}}, (_("unknown key '{key}'"), ("pricing", "rounding"))),
    ],
)
def test_bad_settings_name_the_problem_and_where(data, expected):
    assert problems(Settings, data) == [expected]


# ---------------------------------------------------------------- catalog items


def test_an_item_reads_its_yield_width_and_units():
    item = validate(Item, {"pack": "1 sisir", "price": 15_000, "yield": D("0.7"), "units": {"sisir": "15 buah"}}, IDR)
    assert item.yield_ == D("0.7")
    assert item.units["sisir"] == Quantity(D(15), "buah")
    assert item.label("pisang-kepok") == "pisang-kepok"  # no name: the id


def test_a_price_written_with_a_thousands_dot_is_refused_with_both_spellings():
    # TOML reads 14.000 as the number 14 (Decimal("14.000")): an Indonesian writer meant 14000
    with pytest.raises(InputErrors) as caught:
        validate(Item, {"pack": "1 kg", "price": D("14.000")}, IDR)
    (err,) = caught.value.problems
    assert err.message.key == _("'{key}' = {value} is read as {whole}: TOML takes the dot as a decimal point")
    assert err.loc == ("price",)
    assert (err.hint.params["plain"], err.hint.params["underscored"]) == ("14000", "14_000")


def test_a_fractional_rupiah_price_is_refused_but_cents_are_fine_in_dollars():
    assert problems(Item, {"pack": "1 kg", "price": D("17.5")}) == [
        (_("'{key}' = {value}: amounts in this currency are whole numbers"), ("price",))
    ]
    item = validate(Item, {"pack": "1 kg", "price": D("17.50")}, {"places": 2})
    assert item.price == D("17.50")


@pytest.mark.parametrize(
    "data, key",
    [
        ({"pack": "1 kg", "price": -5}, _("'{key}' = {value}: an amount of money cannot be negative")),
        (
            {"pack": "1 kg", "price": 100, "yield": 0},
            _("'{key}' = {value} is outside the allowed range: {range}"),
        ),  # 0 < yield ≤ 1
        (
            {"pack": "1 kg", "price": 100, "yield": D("1.2")},
            _("'{key}' = {value} is outside the allowed range: {range}"),
        ),
        (
            {"pack": "1.500 kg", "price": 100},
            _("'{text}' is ambiguous: the dot may be a decimal point or a thousands separator"),
        ),
        ({"pack": "0 kg", "price": 100}, _("quantity {text} must be more than zero")),
        ({"pack": "1 kg"}, _("'{key}' is missing")),
        ({"pack": "1 kg", "price": 100, "density": 0}, _("'{key}' = {value} is outside the allowed range: {range}")),
    ],
)
def test_bad_items_are_refused(data, key):
    assert [k for k, _where in problems(Item, data)] == [key]


# ---------------------------------------------------------------- recipes


def test_a_recipe_reads_items_sub_recipes_overhead_and_packaging():
    recipe = validate(Recipe, RECIPE, IDR)
    assert recipe.batch.pieces == 8 and recipe.batch.loss == 0
    assert recipe.ingredients[1].recipe == "santan-pandan"
    assert recipe.ingredients[1].qty == Quantity(D("1.5"), "gelas")
    assert recipe.overhead[1].cost == 1_000
    assert recipe.packaging.pieces_per_pack == 2


@pytest.mark.parametrize(
    "path, value, expected",
    [
        (
            ("batch", "loss"),
            D("1.5"),
            (_("'{key}' = {value} is outside the allowed range: {range}"), ("batch", "loss")),
        ),
        (
            ("batch", "loss"),
            D("1"),
            (_("'{key}' = {value} is outside the allowed range: {range}"), ("batch", "loss")),
        ),  # loss < 1: something must sell
        (("batch", "pieces"), 0, (_("'{key}' = {value} is outside the allowed range: {range}"), ("batch", "pieces"))),
        (("batch", "pieces"), "8", (_("'{key}' must be a number, not {value}"), ("batch", "pieces"))),
        (("batch", "minuts"), 40, (_("unknown key '{key}'"), ("batch", "minuts"))),
        (("batch", "pieces"), ..., (_("'{key}' is missing"), ("batch", "pieces"))),
        (("ingredients", 0, "qty"), "-250 g", (_("quantity {text} must be more than zero"), ("ingredients", 0, "qty"))),
        (("ingredients", 0, "qty"), "250", (_("'{text}' has no unit"), ("ingredients", 0, "qty"))),
        (
            ("ingredients", 0, "qty"),
            250,
            (_("a quantity must be text with a unit, not {value}"), ("ingredients", 0, "qty")),
        ),
        (
            ("ingredients", 0, "recipe"),
            "x",
            (_("an ingredient needs exactly one of item or recipe"), ("ingredients", 0)),
        ),
        (
            ("overhead", 1, "qty"),
            "1 lembar",
            (_("an overhead line needs item and qty, or name and cost"), ("overhead", 1)),
        ),
        (("ingredients",), [], (_("'{key}' is empty"), ("ingredients",))),
        (("name",), 5, (_("'{key}' must be a {expected}, not {value}"), ("name",))),
    ],
)
def test_bad_recipes_name_the_problem_and_where(path, value, expected):
    assert problems(Recipe, with_(RECIPE, path, value)) == [expected]


def test_every_problem_of_a_recipe_is_reported_at_once():
    data = with_(with_(RECIPE, ("batch", "loss"), D("2")), ("ingredients", 0, "qty"), "0 g")
    assert set(problems(Recipe, data)) == {
        (_("quantity {text} must be more than zero"), ("ingredients", 0, "qty")),
        (_("'{key}' = {value} is outside the allowed range: {range}"), ("batch", "loss")),
    }


def test_an_unknown_key_suggests_the_closest():
    with pytest.raises(InputErrors) as caught:
        validate(Recipe, with_(RECIPE, ("batch", "minuts"), 40), IDR)
    assert caught.value.problems[0].hint.params["near"].startswith("minutes")


# ---------------------------------------------------------------- patterns and plans


def test_a_pattern_has_a_fabric_need_for_every_size():
    pattern = validate(Pattern, PATTERN, IDR)
    assert pattern.fabric.need["M"] == Quantity(D("1.40"), "m")
    assert pattern.operations[0].efficiency == D("0.5")
    found = problems(Pattern, with_(PATTERN, ("sizes",), ["S", "M", "L"]))
    assert found == [(_("fabric need does not match sizes (missing: {missing}; not in sizes: {extra})"), ())]


def test_a_plan_makes_pieces_of_a_recipe_or_sizes_of_a_pattern():
    plan = validate(
        Plan,
        {
            "name": "Kenduri",
            "make": [{"product": "a.toml", "pieces": 120}, {"product": "b.toml", "sizes": {"S": 5}}],
            "stock": {"telur-itik": "0 butir"},
        },
        IDR,
    )
    assert plan.make[1].sizes == {"S": 5}
    assert plan.stock["telur-itik"].amount == 0  # stock may be zero
    found = problems(Plan, {"name": "x", "make": [{"product": "a.toml"}]})
    assert found == [(_("a [[make]] entry needs pieces (a recipe) or sizes (a pattern)"), ("make", 0))]


@pytest.mark.parametrize(
    "data, kind",
    [
        (RECIPE, "recipe"),
        (PATTERN, "pattern"),
        ({"name": "x", "make": []}, "plan"),
        ({"name": "x"}, None),
    ],
)
def test_a_file_tells_its_kind_by_its_keys(data, kind):
    assert kind_of(data) == kind
