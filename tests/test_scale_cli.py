"""planner scale, run as a user would: printed amounts, the written recipe, refused writes."""

from __future__ import annotations

import tomllib
from decimal import Decimal as D
from pathlib import Path

import pytest

from planner.costing import Context, cost_recipe
from planner.workspace import load_product, load_workspace
from tests.conftest import assert_golden, run_cli

BINGKA = "recipes/bingka-kentang.toml"


def sheet(path: Path):
    ws = load_workspace(None, path)
    return cost_recipe(load_product(ws, path), Context(ws.settings, ws.catalog, ws.units))


def test_bingka_for_twelve_pieces_in_indonesian(examples):
    result = run_cli("scale", BINGKA, "--pieces", "12", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("scale-bingka-12.txt", result.out)
    # 12 wanted / 8 a batch = 1.5: 3 duck eggs become 4,5 butir, 2 sdm margarine 3 sdm
    assert "4,5 butir" in result.out and "3 sdm" in result.out


def test_amparan_halved_in_english_with_working(examples):
    result = run_cli(
        "scale", "recipes/amparan-tatak-pisang.toml", "--factor", "1/2", "--lang", "en", "--explain", cwd=examples
    )
    assert result.code == 0, result.err
    assert_golden("scale-amparan-half-en.txt", result.out)


@pytest.mark.parametrize("target, k", [("recipes/bingka-15x.toml", "1,5"), ("lain/bingka-3x.toml", "3")])
def test_the_written_recipe_costs_k_times_the_ingredients(examples, target, k):
    (examples / "lain").mkdir()
    result = run_cli("scale", BINGKA, "--factor", k, "-o", target, cwd=examples)
    assert result.code == 0, result.err
    factor = D(k.replace(",", "."))
    original, scaled = sheet(examples / BINGKA), sheet(examples / target)
    # bingka's ingredients include the santan-pandan sub-recipe, found from the new file's folder too
    assert abs(scaled.total("ingredients") - factor * original.total("ingredients")) < D("1e-18")
    assert scaled.sellable == factor * original.sellable
    check = run_cli("check", target, cwd=examples)
    assert check.code == 0, check.err


def test_the_written_recipe_keeps_what_was_not_scaled(examples):
    run_cli("scale", BINGKA, "--pieces", "12", "-o", "recipes/b12.toml", cwd=examples)
    original = tomllib.loads((examples / BINGKA).read_text(encoding="utf-8"), parse_float=D)
    written = tomllib.loads((examples / "recipes/b12.toml").read_text(encoding="utf-8"), parse_float=D)
    assert written["name"] == "Bingka kentang × 1,5"
    assert written["source"] == original["source"] and written["packaging"] == original["packaging"]
    assert written["batch"]["pieces"] == 12 and written["ingredients"][4] == {
        "recipe": "santan-pandan",
        "qty": "2,25 gelas",
    }


def test_a_refused_write_leaves_the_file_untouched(examples):
    target = examples / "recipes" / "punya-saya.toml"
    target.write_bytes(b"# mine\n")
    result = run_cli("scale", BINGKA, "--factor", "2", "-o", "recipes/punya-saya.toml", "--lang", "en", cwd=examples)
    assert result.code == 1 and "already exists; nothing was written" in result.err
    assert target.read_bytes() == b"# mine\n"
    assert run_cli("scale", BINGKA, "--factor", "2", "-o", "recipes/punya-saya.toml", "--force", cwd=examples).code == 0
    assert b"Bingka kentang" in target.read_bytes()


@pytest.mark.parametrize("target", [BINGKA, "recipes/santan-pandan.toml"])
def test_output_onto_an_input_is_refused_even_with_force(examples, target):
    before = (examples / target).read_bytes()
    result = run_cli("scale", BINGKA, "--factor", "2", "-o", target, "--force", "--lang", "en", cwd=examples)
    assert result.code == 1 and "is one of the input files" in result.err
    assert (examples / target).read_bytes() == before


def test_pieces_and_factor_go_alone(examples):
    assert run_cli("scale", BINGKA, cwd=examples).code == 2
    both = run_cli("scale", BINGKA, "--pieces", "12", "--factor", "2", "--lang", "en", cwd=examples)
    assert both.code == 2 and "give exactly one of --pieces N or --factor K" in both.err


@pytest.mark.parametrize(
    "args, text",
    [(("--factor", "0"), "'0' is not a factor above zero"), (("--pieces", "2.5"), "'2.5' is not a number of pieces")],
)
def test_bad_numbers_are_bad_input(examples, args, text):
    result = run_cli("scale", BINGKA, *args, "--lang", "en", cwd=examples)
    assert result.code == 1 and text in result.err


def test_only_recipes_scale(examples):
    result = run_cli("scale", "patterns/kemeja-sekolah.toml", "--factor", "2", "--lang", "en", cwd=examples)
    assert result.code == 1 and "only recipes can be scaled" in result.err


def test_scale_help_has_an_example():
    result = run_cli("scale", "--help")
    assert result.code == 0 and "Contoh: planner scale" in result.out
