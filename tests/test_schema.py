"""planner schema: the JSON Schemas accept every shipped example and reject broken files.

TOML is read with tomllib (Decimal floats, as planner reads it) and turned into
JSON types for jsonschema: Decimal -> float, dates -> ISO strings, which is what
Taplo hands its validator too.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import InputError
from planner.schemas import KINDS, all_schemas, file_name, schema_for
from planner.units import check_positive, parse_quantity
from tests.conftest import ROOT, assert_golden, run_cli

SHIPPED = [("settings", ROOT / "planner/data/planner.toml"), ("catalog", ROOT / "planner/data/prices.toml")] + [
    (kind, path)
    for kind, folder in (("recipe", "recipes"), ("pattern", "patterns"), ("plan", "plans"), ("book", "books"))
    for path in sorted((ROOT / folder).rglob("*.toml"))
]
SCHEMAS = all_schemas()


def json_value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def load(text: str) -> object:
    return json_value(tomllib.loads(text, parse_float=Decimal))


def problems(kind: str, text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMAS[kind], format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(load(text))]


def test_there_is_an_example_of_every_kind() -> None:
    assert {kind for kind, _ in SHIPPED} == set(KINDS)
    assert len(SHIPPED) >= 2 + 6 + 4 + 1 + 3


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_are_valid_draft_07(kind: str) -> None:
    schema = SCHEMAS[kind]
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    text = json.dumps(schema)
    assert '"null"' not in text, "TOML has no null: optional keys are left out instead"


@pytest.mark.parametrize("kind,path", SHIPPED, ids=lambda x: x if isinstance(x, str) else x.name)
def test_every_shipped_example_is_accepted(kind: str, path: Path) -> None:
    assert problems(kind, path.read_text(encoding="utf-8")) == []


RECIPE = """
name = "Kue"
[batch]
pieces = 8
minutes = 30
[[ingredients]]
item = "gula-pasir"
qty = "250 g"
"""

BROKEN = [
    ("recipe", RECIPE + 'colour = "red"\n', "Additional properties are not allowed ('colour'"),
    ("recipe", RECIPE.replace('qty = "250 g"', "qty = 250"), "250 is not of type 'string'"),
    ("recipe", RECIPE.replace('qty = "250 g"', 'qty = "250"'), "does not match"),
    ("recipe", RECIPE.replace("pieces = 8", "pieces = 0"), "less than or equal to the minimum of 0"),
    (
        "recipe",
        RECIPE + '[[ingredients]]\nitem = "santan"\nrecipe = "santan-pandan"\nqty = "1 l"\n',
        "is valid under each of",
    ),
    ("recipe", RECIPE + '[[overhead]]\nitem = "lpg-3kg"\nqty = "1 kg"\ncost = 500\n', "is not valid under any of"),
    ("recipe", RECIPE.replace("[batch]", "[batch]\nloss = 1.5"), "1.5 is greater than or equal to the maximum of 1"),
    ("settings", "[pricing]\nmarkup = 0.4\nmargin = 0.3\n", "should not be valid under"),
    ("settings", 'language = "jv"\n', "'jv' is not one of ['id', 'en']"),
    ("settings", "[labor]\nwage_per_hour = 30_602.5\n", "30602.5 is not of type 'integer'"),
    ("catalog", '[gula]\npack = "1 kg"\nprice = 14.500\n', "14.5 is not of type 'integer'"),
    ("catalog", '[gula]\npack = "1 kg"\n', "is not valid under any of"),
    ("catalog", '[gula]\npack = "1 kg"\npacks = [ { pack = "250 g", price = 4_500 } ]\n', "is not valid under any of"),
    ("catalog", "[gula]\npacks = []\n", "should be non-empty|is too short"),  # jsonschema 4.18: too short
    ("catalog", '[gula]\npack = "1 kg"\nprice = 14_500\nas_of = "kemarin"\n', "is not a 'date'"),
    ("plan", 'name = "P"\n[[make]]\nproduct = "a.toml"\npieces = 5\nsizes = { S = 2 }\n', "is valid under each of"),
    ("plan", 'name = "P"\n[[make]]\nproduct = "a.toml"\n', "is not valid under any of"),
    (
        "pattern",
        'name = "K"\nsizes = ["S"]\n[fabric]\nitem = "katun"\nwidth = "150 cm"\nneed = { S = 1.3 }\n',
        "1.3 is not of type 'string'",
    ),
]


@pytest.mark.parametrize("kind,text,expected", BROKEN, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BROKEN)])
def test_broken_files_are_rejected(kind: str, text: str, expected: str) -> None:
    found = problems(kind, text)
    assert any(alt in p for alt in expected.split("|") for p in found), found  # "a|b": either wording


def test_a_good_file_is_accepted_so_the_broken_ones_fail_for_their_fault() -> None:
    assert problems("recipe", RECIPE) == []
    assert problems("plan", 'name = "P"\n[[make]]\nproduct = "a.toml"\npieces = 5\n') == []
    assert problems("catalog", '[gula]\npack = "1 kg"\nprice = 14_500\nas_of = 2026-01-15\n') == []
    two_sizes = '[gula]\npacks = [ { pack = "1 kg", price = 17_000 }, { pack = "250 g", price = 4_500 } ]\n'
    assert problems("catalog", two_sizes) == []


def test_planner_rejects_what_the_schema_rejects(examples: Path) -> None:
    """The schema repeats the models' rules: a recipe it flags, planner flags too."""
    for _kind, text, _expected in BROKEN[:7]:
        path = examples / "recipes" / "broken.toml"
        path.write_text(text, encoding="utf-8")
        result = run_cli("check", "recipes/broken.toml", cwd=examples)
        assert result.code == 1, (text, result.err)


# Quantities as people write them: "250 g", "1,5 kg", "½ sdt", "1 1/2 cup", "0.25 m"
NUMBERS = st.one_of(
    st.integers(1, 99_999).map(str),
    st.tuples(st.integers(0, 999), st.integers(1, 99), st.sampled_from(".,")).map(lambda t: f"{t[0]}{t[2]}{t[1]}"),
    st.sampled_from(["½", "¼", "¾", "⅓", "⅔", "1/2", "1 1/2", "2½"]),
)
UNITS = st.sampled_from(
    [
        "g",
        "kg",
        "mg",
        "ons",
        "ml",
        "l",
        "sdt",
        "sdm",
        "cup",
        "gelas",
        "pcs",
        "butir",
        "buah",
        "lembar",
        "m",
        "cm",
        "yard",
        "inch",
        "sisir",
        "ikat",
        "Kg",
    ]
)


@settings(max_examples=300, deadline=None)
@given(NUMBERS, st.sampled_from(["", " ", "  "]), UNITS)
def test_the_schema_never_flags_a_quantity_planner_accepts(number: str, space: str, unit: str) -> None:
    text = f"{number}{space}{unit}"
    try:
        check_positive(parse_quantity(text))
    except InputError:
        return
    assert problems("recipe", RECIPE.replace('"250 g"', json.dumps(text))) == [], text


def test_money_is_whole_in_rupiah_and_decimal_in_a_currency_with_cents() -> None:
    rupiah = schema_for("catalog", places=0)["$defs"]["Item"]["properties"]["price"]
    dollars = schema_for("catalog", places=2)["$defs"]["Item"]["properties"]["price"]
    assert rupiah["type"] == "integer" and dollars["type"] == "number"


def test_defaults_are_written_as_toml_would() -> None:
    labor = SCHEMAS["settings"]["$defs"]["Labor"]["properties"]
    assert labor["wage_per_hour"]["default"] == 30602  # a number, not "30602"
    assert SCHEMAS["settings"]["properties"]["pricing"]["default"] == {"markup": 0.4, "round_to": 500, "revenue_tax": 0}


@pytest.mark.parametrize("kind", KINDS)
def test_golden_schema(kind: str) -> None:
    assert_golden(f"schema-{kind}.json", json.dumps(SCHEMAS[kind], indent=2, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- the command


def test_schema_prints_every_kind(tmp_path: Path) -> None:
    result = run_cli("schema", cwd=tmp_path)
    assert result.code == 0, result.err
    assert json.loads(result.out) == SCHEMAS


def test_schema_prints_one_kind(tmp_path: Path) -> None:
    result = run_cli("schema", "recipe", cwd=tmp_path)
    assert result.code == 0, result.err
    assert json.loads(result.out) == SCHEMAS["recipe"]


def test_schema_output_writes_a_file_per_kind_and_never_overwrites(tmp_path: Path) -> None:
    result = run_cli("schema", "--output", "schemas", "--lang", "en", cwd=tmp_path)
    assert result.code == 0, result.err
    for kind in KINDS:
        assert json.loads((tmp_path / "schemas" / file_name(kind)).read_text(encoding="utf-8")) == SCHEMAS[kind]
    assert "wrote schemas/planner-recipe.schema.json" in result.out
    assert "#:schema schemas/planner-recipe.schema.json" in result.out
    (tmp_path / "schemas" / file_name("plan")).write_text("mine", encoding="utf-8")
    (tmp_path / "schemas" / file_name("recipe")).unlink()
    again = run_cli("schema", "--output", "schemas", "--lang", "en", cwd=tmp_path)
    assert again.code == 1
    assert again.err.count("already exists") == len(KINDS) - 1, again.err
    assert not (tmp_path / "schemas" / file_name("recipe")).exists(), "nothing is written when one file is taken"
    assert (tmp_path / "schemas" / file_name("plan")).read_text(encoding="utf-8") == "mine"
    forced = run_cli("schema", "--output", "schemas", "--force", cwd=tmp_path)
    assert forced.code == 0, forced.err
    assert json.loads((tmp_path / "schemas" / file_name("plan")).read_text(encoding="utf-8")) == SCHEMAS["plan"]


def test_schema_hint_points_from_the_recipes_folder(tmp_path: Path) -> None:
    (tmp_path / "recipes").mkdir()
    result = run_cli("schema", "--output", "schemas", cwd=tmp_path)
    assert "'#:schema ../schemas/planner-recipe.schema.json'" in result.out


def test_schema_follows_the_workspace_currency(tmp_path: Path) -> None:
    (tmp_path / "planner.toml").write_text('currency = "USD"\nlocale = "en_US"\nlanguage = "en"\n', encoding="utf-8")
    result = run_cli("schema", "catalog", cwd=tmp_path)
    assert result.code == 0, result.err
    assert json.loads(result.out)["$defs"]["Item"]["properties"]["price"]["type"] == "number"


def test_unknown_kind_is_an_error_in_both_languages(tmp_path: Path) -> None:
    english = run_cli("schema", "resep", "--lang", "en", cwd=tmp_path)
    indonesian = run_cli("schema", "resep", cwd=tmp_path)
    assert english.code == indonesian.code == 1
    kinds = "settings, catalog, recipe, pattern, plan, book"
    assert english.err == f"unknown file kind 'resep' (hint: use one of {kinds})\n"
    assert indonesian.err.startswith("jenis berkas 'resep' tidak dikenal")


# ---------------------------------------------------------------- the #:schema line


def test_a_schema_directive_does_not_change_what_planner_reads(examples: Path) -> None:
    recipe = examples / "recipes" / "bingka-kentang.toml"
    plain = run_cli("cost", "recipes/bingka-kentang.toml", cwd=examples)
    recipe.write_text(
        "#:schema ../schemas/planner-recipe.schema.json\n" + recipe.read_text(encoding="utf-8"), encoding="utf-8"
    )
    directed = run_cli("cost", "recipes/bingka-kentang.toml", cwd=examples)
    assert directed.code == 0 and directed.out == plain.out and directed.err == plain.err


def test_errors_after_a_schema_directive_keep_their_line(tmp_path: Path) -> None:
    text = RECIPE.lstrip().replace("pieces = 8", "pieces = -8")
    line = text.splitlines().index("pieces = -8") + 1
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    (tmp_path / "b.toml").write_text("#:schema ./planner-recipe.schema.json\n" + text, encoding="utf-8")
    first = run_cli("cost", "a.toml", "--lang", "en", cwd=tmp_path)
    second = run_cli("cost", "b.toml", "--lang", "en", cwd=tmp_path)
    assert first.code == second.code == 1
    assert first.err.startswith(f"a.toml:{line}: "), first.err
    assert second.err.startswith(f"b.toml:{line + 1}: "), second.err
    assert first.err.split(": ", 1)[1] == second.err.split(": ", 1)[1]


# ---------------------------------------------------------------- in a real editor's checker


def test_taplo_accepts_the_examples_and_flags_a_broken_recipe(tmp_path: Path) -> None:
    """Taplo (Even Better TOML's engine) reads the schemas through #:schema lines.

    Runs when a ``taplo`` is on PATH (e.g. ``npm install -g @taplo/cli``); the
    jsonschema tests above cover the same ground without it.
    """
    import shutil
    import subprocess

    taplo = shutil.which("taplo")
    if taplo is None:
        pytest.skip("taplo is not installed (npm install -g @taplo/cli)")
    assert run_cli("schema", "--output", "schemas", cwd=tmp_path).code == 0
    (tmp_path / "recipes").mkdir()
    good = (ROOT / "recipes" / "bingka-kentang.toml").read_text(encoding="utf-8")
    (tmp_path / "recipes" / "good.toml").write_text(
        "#:schema ../schemas/planner-recipe.schema.json\n" + good, encoding="utf-8"
    )
    (tmp_path / "recipes" / "bad.toml").write_text(
        "#:schema ../schemas/planner-recipe.schema.json\n" + RECIPE.replace('qty = "250 g"', "qty = 250"),
        encoding="utf-8",
    )
    checked = subprocess.run([taplo, "check", "recipes/good.toml"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    flagged = subprocess.run([taplo, "check", "recipes/bad.toml"], cwd=tmp_path, capture_output=True, text=True)
    assert flagged.returncode != 0 and 'is not of type "string"' in flagged.stderr
