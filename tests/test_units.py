"""Units and quantities: parsing what Indonesian cooks and tailors write, and
converting it, worked by hand (the arithmetic is in the comments)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import AmbiguousNumber, InputError
from planner.texts import _
from planner.units import NO_FACTS, Quantity, UnitTable, check_positive, parse_number, parse_quantity
from planner.workspace import unit_table

D = Decimal
UNITS = unit_table()  # the built-in table, read from planner/data/units.toml


class Facts:
    """What the catalog knows about one item (the ItemFacts protocol)."""

    def __init__(self, units: dict[str, str] | None = None, piece: str | None = None, density: str | None = None):
        self.units = {k: parse_quantity(v) for k, v in (units or {}).items()}
        self.piece = parse_quantity(piece) if piece else None
        self.density = D(density) if density else None


def q(text: str) -> Quantity:
    return parse_quantity(text)


def convert(text: str, unit: str, item=NO_FACTS, item_id: str = "") -> Decimal:
    return UNITS.convert(q(text), unit, item, item_id)


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    "text, amount, unit",
    [
        ("1,5 kg", "1.5", "kg"),  # comma as the decimal mark
        ("1.5 kg", "1.5", "kg"),  # dot as the decimal mark
        ("½ sdt", "0.5", "sdt"),  # a fraction character
        ("1 1/2 gelas", "1.5", "gelas"),  # 1 + 1/2
        ("1½ gelas", "1.5", "gelas"),  # 1 + ½ written together
        ("¾ sdm", "0.75", "sdm"),
        ("0.250 kg", "0.25", "kg"),  # integer part 0: not a thousands separator
        ("250 g", "250", "g"),
        ("2_000 g", "2000", "g"),  # TOML-style digit separator
        ("3 butir", "3", "butir"),
        ("  80 m ", "80", "m"),
        ("1.75 m", "1.75", "m"),
        ("2 SDM", "2", "sdm"),  # units are case-insensitive
    ],
)
def test_a_quantity_is_a_number_and_a_unit(text, amount, unit):
    assert parse_quantity(text) == Quantity(D(amount), unit)


def test_a_dot_before_exactly_three_digits_is_ambiguous_and_the_hint_gives_both_readings():
    with pytest.raises(InputError) as caught:
        parse_quantity("1.500 kg")
    err = caught.value
    assert err.message.key == _("'{text}' is ambiguous: the dot may be a decimal point or a thousands separator")
    assert err.hint.params["decimal"] == "1,5 kg"  # 1.500 read as a decimal: 1,5 kg
    assert err.hint.params["thousands"] == "1500 g"  # read as thousands: 1500 kg, meant 1500 g


def test_a_plain_number_with_a_thousands_dot_is_ambiguous_too():
    with pytest.raises(InputError) as caught:
        parse_number("18.000")
    assert caught.value.message.key == _(
        "'{text}' is ambiguous: the dot may be a decimal point or a thousands separator"
    )
    assert caught.value.hint.params["thousands"] == "18000"


@pytest.mark.parametrize(
    "text, key",
    [
        ("250", _("'{text}' has no unit")),
        ("g", _("'{text}' is not a quantity")),
        ("dua sdm", _("'{text}' is not a quantity")),
        ("1.2.3 kg", _("'{text}' mixes '.' and ',' or repeats them")),
        ("1,5.0 kg", _("'{text}' mixes '.' and ',' or repeats them")),
        ("1/0 sdt", _("'{text}' is not a number")),
    ],
)
def test_what_is_not_a_quantity_is_rejected_by_name(text, key):
    with pytest.raises(InputError) as caught:
        parse_quantity(text)
    assert caught.value.message.key == key


def test_a_quantity_must_be_text():
    with pytest.raises(InputError) as caught:
        parse_quantity(250)
    assert caught.value.message.key == _("a quantity must be text with a unit, not {value}")


@pytest.mark.parametrize("text", ["-1 kg", "0 g", "0,0 sdm"])
def test_negative_and_zero_quantities_are_refused(text):
    with pytest.raises(InputError) as caught:
        check_positive(parse_quantity(text))
    assert caught.value.message.key == _("quantity {text} must be more than zero")


def test_zero_is_allowed_where_it_means_none_left():
    assert check_positive(parse_quantity("0 butir"), allow_zero=True).amount == 0


@settings(max_examples=50, deadline=None, derandomize=True)
@given(whole=st.integers(0, 99), frac=st.integers(0, 99))
def test_comma_and_dot_mean_the_same_decimal(whole, frac):
    # two decimals are never ambiguous, so "w,ff" and "w.ff" are the same amount
    comma, dot = f"{whole},{frac:02d} kg", f"{whole}.{frac:02d} kg"
    assert parse_quantity(comma) == parse_quantity(dot) == Quantity(D(f"{whole}.{frac:02d}"), "kg")


# ---------------------------------------------------------------- built-in units


@pytest.mark.parametrize(
    "text, unit, expected",
    [
        ("3 ons", "g", "300"),  # 3 × 100 g
        ("1,5 kg", "ons", "15"),  # 1500 g / 100 g
        ("250 mg", "g", "0.25"),
        ("2 sdm", "ml", "30"),  # 2 × 15 ml
        ("½ sdt", "ml", "2.5"),  # 0.5 × 5 ml
        ("3 sdt", "sdm", "1"),  # 15 ml / 15 ml
        ("1 cup", "ml", "250"),
        ("1 1/2 gelas", "ml", "300"),  # gelas belimbing: 1.5 × 200 ml
        ("1 l", "gelas", "5"),  # 1000 ml / 200 ml
        ("2 yard", "m", "1.8288"),  # 2 × 0.9144 m
        ("10 inch", "cm", "25.4"),  # 10 × 0.0254 m = 0.254 m = 25.4 cm
        ("150 cm", "m", "1.5"),
        ("1 m", "inch", D(1) / D("0.0254")),
        ("12 butir", "pcs", "12"),  # every count word is one piece
        ("2 set", "buah", "2"),
    ],
)
def test_built_in_units_convert_within_their_dimension(text, unit, expected):
    assert convert(text, unit) == D(expected)


def test_the_gelas_is_settable():
    # planner.toml [units] gelas = "250 ml": 1 1/2 gelas = 1.5 × 250 = 375 ml
    bigger = UNITS.with_units({"gelas": q("250 ml")})
    assert bigger.convert(q("1 1/2 gelas"), "ml") == 375
    assert UNITS.convert(q("1 1/2 gelas"), "ml") == 300  # the built-in table is untouched


@pytest.mark.parametrize(
    "written, unit, amount",
    [  # decision 3: how Indonesians write units, each meaning its unit
        ("250 gr", "g", 250),
        ("250 gram", "g", 250),
        ("1,5 kilo", "g", 1500),
        ("2 gls", "ml", 400),  # 2 × gelas 200 ml
        ("2 sendok makan", "ml", 30),  # 2 × sdm 15 ml
        ("1 Sendok  Teh", "ml", 5),
        ("3 btr", "pcs", 3),
        ("2 bh", "pcs", 2),
        ("1 bks", "pcs", 1),
        ("4 lbr", "pcs", 4),
        ("1 pc", "pcs", 1),
        ("2,5 meter", "cm", 250),
    ],
)
def test_the_aliases_indonesians_write(written, unit, amount):
    assert UNITS.convert(q(written), unit) == amount


def test_an_alias_follows_its_unit_redefined():
    # gelas = "250 ml" in planner.toml: 2 gls = 500 ml
    assert UNITS.with_units({"gelas": q("250 ml")}).convert(q("2 gls"), "ml") == 500


def test_an_unknown_unit_of_a_fabric_lists_lengths_never_grams():
    with pytest.raises(InputError) as caught:
        UNITS.convert(q("3 depa"), "m", NO_FACTS, "katun")
    assert caught.value.hint.params["known"] == "cm, inch, m, mm, yard"
    assert caught.value.hint.params["base"] == "m"


def test_the_unit_table_is_data():
    table = UnitTable.from_data({"mass": {"g": "1", "kati": "600"}})
    assert table.convert(q("2 kati"), "g") == 1200  # 2 × 600 g
    with pytest.raises(ValueError):
        UnitTable.from_data({"time": {"jam": "60"}})


def test_a_unit_nobody_defined_names_the_unit_and_the_item():
    with pytest.raises(InputError) as caught:
        convert("2 kati", "g", NO_FACTS, "gula-pasir")
    err = caught.value
    assert err.message.key == _("unknown unit '{unit}' for {item}")
    assert err.message.params["unit"] == "kati" and err.message.params["item"] == "gula-pasir"
    assert "kg" in err.message.params["known"]


# ---------------------------------------------------------------- item facts

TERIGU = Facts(units={"sdm": "8 g", "cup": "140 g"})
TELUR = Facts(piece="62.5 g")
PANDAN = Facts(units={"ikat": "10 lembar"})
PISANG = Facts(units={"sisir": "15 buah"}, piece="100 g")
SANTAN = Facts(density="1.03")


def test_an_item_unit_wins_over_the_built_in_one():
    # a sdm of flour weighs 8 g (not 15 ml): 2 sdm = 16 g = 0.016 kg
    assert convert("2 sdm", "kg", TERIGU, "tepung-terigu") == D("0.016")
    # 1 cup of flour = 140 g
    assert convert("1 cup", "g", TERIGU, "tepung-terigu") == 140


def test_eggs_counted_by_the_piece_convert_through_their_weight():
    # 4 butir × 62.5 g = 250 g = 0.25 kg; and a kg is 1000 / 62.5 = 16 eggs
    assert convert("4 butir", "kg", TELUR, "telur-ayam") == D("0.25")
    assert convert("1 kg", "butir", TELUR, "telur-ayam") == 16


def test_an_ikat_of_pandan_is_ten_leaves():
    # 4 lembar / 10 lembar an ikat = 0.4 ikat
    assert convert("4 lembar", "ikat", PANDAN, "daun-pandan") == D("0.4")
    assert convert("2 ikat", "lembar", PANDAN, "daun-pandan") == 20


def test_a_sisir_of_bananas_is_fifteen():
    # 6 buah / 15 buah a sisir = 0.4 sisir; by weight 6 × 100 g = 600 g
    assert convert("6 buah", "sisir", PISANG, "pisang-kepok") == D("0.4")
    assert convert("1 sisir", "g", PISANG, "pisang-kepok") == 1500  # 15 × 100 g


def test_density_turns_volume_into_weight_and_back():
    # 100 ml × 1.03 g/ml = 103 g; 206 g / 1.03 = 200 ml = 1 gelas
    assert convert("100 ml", "g", SANTAN, "santan") == 103
    assert convert("206 g", "gelas", SANTAN, "santan") == 1


def test_piece_weight_and_density_chain_count_to_volume():
    # 2 pcs × 51.5 g = 103 g; 103 g / 1.03 g/ml = 100 ml
    item = Facts(piece="51.5 g", density="1.03")
    assert convert("2 pcs", "ml", item, "x") == 100


def test_a_conversion_the_catalog_cannot_make_names_the_item_and_both_units():
    with pytest.raises(InputError) as caught:
        convert("2 butir", "kg", TERIGU, "tepung-terigu")
    err = caught.value
    assert err.message.key == _("cannot convert {item} from {source} to {target}")
    assert err.message.params == {"item": "tepung-terigu", "source": "butir", "target": "kg"}


def test_without_facts_there_is_no_crossing_dimensions():
    with pytest.raises(InputError):
        convert("1 sdm", "g")  # a spoon of what? no density, no guess


@pytest.mark.parametrize(
    "text, decimal, thousands",
    [("1,500 kg", "1,5 kg", "1500 g"), ("2,000 l", "2 l", "2000 ml"), ("12,750 m", "12,75 m", "12750 mm")],
)
def test_a_comma_before_exactly_three_digits_is_as_ambiguous_as_a_dot(text, decimal, thousands):
    """Decision 2: Indonesian writes 1,5 for one and a half, but 1,500 also reads as 1500 (many
    phones and spreadsheets group thousands with commas); neither reading is guessed."""
    with pytest.raises(AmbiguousNumber) as caught:
        parse_quantity(text)
    assert caught.value.message.key == _(
        "'{text}' is ambiguous: the comma may be a decimal comma or a thousands separator"
    )
    assert (caught.value.hint.params["decimal"], caught.value.hint.params["thousands"]) == (decimal, thousands)


def test_a_comma_with_other_than_three_digits_is_a_decimal_comma():
    assert parse_quantity("1,5 kg") == Quantity(D("1.5"), "kg")
    assert parse_quantity("0,500 kg") == Quantity(D("0.5"), "kg")  # no thousand starts with 0
    assert parse_quantity("1,25 m") == Quantity(D("1.25"), "m")
