"""planner new and init: scaffolds that pass check as written, a workspace the other commands use."""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal as D
from pathlib import Path

import pytest

from planner.workspace import DATA
from tests.conftest import assert_golden, run_cli


def written(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def checks_clean(path: Path, cwd: Path) -> None:
    result = run_cli("check", str(path), "--lang", "en", cwd=cwd)
    assert result.code == 0 and result.err == "", result.err
    assert "0 errors, 0 warnings" in result.out


def test_a_new_recipe_uses_the_catalog_and_passes_check(examples):
    result = run_cli("new", "recipe", "recipes/kue-lapis", cwd=examples)
    assert result.code == 0, result.err
    path = examples / "recipes" / "kue-lapis.toml"  # .toml added
    assert_golden("new-recipe.toml.txt", written(path))
    checks_clean(path, examples)
    cost = json.loads(run_cli("cost", "recipes/kue-lapis.toml", "-f", "json", cwd=examples).out)
    assert [line["item"] for line in cost["lines"] if line["group"] == "ingredients"] == [
        "tepung-terigu",
        "gula-pasir",
        "telur-ayam",
        "margarin",
    ]


def test_a_new_pattern_in_english_passes_check(examples):
    result = run_cli("new", "pattern", "patterns/kemeja.toml", "--lang", "en", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("new-pattern-en.toml.txt", written(examples / "patterns" / "kemeja.toml"))
    checks_clean(examples / "patterns" / "kemeja.toml", examples)


def test_a_new_plan_uses_products_near_it_and_plans(examples):
    result = run_cli("new", "plan", "plans/pesanan-baru", "--today", "2026-12-01", cwd=examples)
    assert result.code == 0, result.err
    path = examples / "plans" / "pesanan-baru.toml"
    assert_golden("new-plan.toml.txt", written(path))
    data = tomllib.loads(written(path))
    # the first recipe and pattern found, by paths relative to the plan; due two weeks after --today
    assert [m["product"] for m in data["make"]] == [
        "../recipes/amparan-tatak-pisang.toml",
        "../patterns/celana-panjang.toml",
    ]
    assert str(data["due"]) == "2026-12-15"
    checks_clean(path, examples)
    assert run_cli("plan", "plans/pesanan-baru.toml", "--today", "2026-12-01", cwd=examples).code == 0


def test_scaffolds_pick_items_of_the_workspace_catalog(tmp_path: Path):
    (tmp_path / "planner.toml").write_text('language = "en"\n', encoding="utf-8")
    (tmp_path / "prices.toml").write_text(
        '[beras]\npack = "5 kg"\nprice = 70_000\n[kain-batik]\npack = "1 m"\nprice = 40_000\nwidth = "115 cm"\n',
        encoding="utf-8",
    )
    assert run_cli("new", "recipe", "lemang", cwd=tmp_path).code == 0
    recipe = tomllib.loads(written(tmp_path / "lemang.toml"), parse_float=D)
    # none of the usual items exist: the first plain item at a quarter of its pack, 5 kg / 4
    assert recipe["ingredients"] == [{"item": "beras", "qty": "1,25 kg"}]
    assert "equipment" not in recipe["batch"] and "packaging" not in recipe
    assert run_cli("new", "pattern", "baju", cwd=tmp_path).code == 0
    pattern = tomllib.loads(written(tmp_path / "baju.toml"))
    assert (pattern["fabric"]["item"], pattern["fabric"]["width"]) == ("kain-batik", "115 cm")
    for name in ("lemang.toml", "baju.toml"):
        checks_clean(tmp_path / name, tmp_path)


def test_a_pattern_needs_a_fabric_in_the_catalog(tmp_path: Path):
    (tmp_path / "planner.toml").write_text('language = "en"\n', encoding="utf-8")
    (tmp_path / "prices.toml").write_text('[beras]\npack = "5 kg"\nprice = 70_000\n', encoding="utf-8")
    result = run_cli("new", "pattern", "baju", cwd=tmp_path)
    assert result.code == 1 and "the catalog has no fabric" in result.err
    assert not (tmp_path / "baju.toml").exists()


def test_a_plan_needs_a_product_to_plan(tmp_path: Path):
    result = run_cli("new", "plan", "plans/x", "--lang", "en", cwd=tmp_path)
    assert result.code == 1 and "found no recipe or pattern near this plan" in result.err


def test_new_refuses_to_overwrite_and_leaves_the_file_untouched(examples):
    target = examples / "recipes" / "bingka-kentang.toml"
    before = target.read_bytes()
    result = run_cli("new", "recipe", "recipes/bingka-kentang", "--lang", "en", cwd=examples)
    assert result.code == 1 and "already exists; nothing was written" in result.err
    assert target.read_bytes() == before
    assert run_cli("new", "recipe", "recipes/bingka-kentang", "--force", cwd=examples).code == 0
    assert target.read_bytes() != before


def test_an_unknown_kind_is_a_usage_error(examples):
    assert run_cli("new", "resep", "x", cwd=examples).code == 2


# ---------------------------------------------------------------- init


def test_init_writes_the_defaults_then_commands_inside_use_them(tmp_path: Path):
    result = run_cli("init", "usaha", cwd=tmp_path)
    assert result.code == 0, result.err
    assert_golden("init.txt", result.out.replace(str(tmp_path), "TMP"))
    ws = tmp_path / "usaha"
    for name in ("planner.toml", "prices.toml"):
        assert (ws / name).read_bytes() == (DATA / name).read_bytes()
    assert all((ws / d).is_dir() for d in ("recipes", "patterns", "plans"))
    assert run_cli("new", "recipe", "recipes/kue", cwd=ws).code == 0

    def batch() -> D:
        out = run_cli("cost", "recipes/kue.toml", "-f", "json", cwd=ws).out
        return D(json.loads(out)["totals"]["batch"])

    before = batch()
    # the scaffold uses 2 butir telur-ayam at 62.5 g each = 0.125 of a 1 kg pack; the workspace's price of
    # its largest pack goes from Rp 29.000 to Rp 37.000: the batch costs 0.125 × 8.000 = Rp 1.000 more
    prices = ws / "prices.toml"
    prices.write_text(
        re.sub(r"(\[telur-ayam\].*?price = )29_000", r"\g<1>37_000", written(prices), flags=re.S), encoding="utf-8"
    )
    assert batch() - before == D(1000)


def test_init_twice_refuses_and_changes_nothing(tmp_path: Path):
    assert run_cli("init", cwd=tmp_path).code == 0
    settings = tmp_path / "planner.toml"
    settings.write_text('language = "en"\n', encoding="utf-8")
    result = run_cli("init", cwd=tmp_path)
    assert result.code == 1
    assert result.err.count("already exists; nothing was written") == 2  # in the language found there
    assert written(settings) == 'language = "en"\n'
    assert run_cli("init", "--force", cwd=tmp_path).code == 0
    assert settings.read_bytes() == (DATA / "planner.toml").read_bytes()


def fixed_cost_names(ws: Path, product: str) -> list[str]:
    data = json.loads(run_cli("breakeven", product, "-f", "json", "--lang", "en", cwd=ws).out)
    first = data[0] if isinstance(data, list) else data  # a pattern: one object per size
    return [line["name"] for line in first["fixed_lines"]]


def test_init_for_kue_writes_no_sewing_machine(tmp_path: Path, examples: Path):
    """Decision 6: a baker's workspace has no sewing machine, and a kue's break-even never carries one."""
    assert run_cli("init", "usaha", "--for", "kue", cwd=tmp_path).code == 0
    ws = tmp_path / "usaha"
    settings = tomllib.loads(written(ws / "planner.toml"))
    assert [e["name"] for e in settings["equipment"]] == ["oven", "kukusan"]
    assert "quote" not in settings
    (ws / "recipes" / "bingka-kentang.toml").write_bytes((examples / "recipes" / "bingka-kentang.toml").read_bytes())
    (ws / "recipes" / "santan-pandan.toml").write_bytes((examples / "recipes" / "santan-pandan.toml").read_bytes())
    # listrik 50.000 + internet 25.000 + oven (1.500.000 − 0) / 36 months = Rp 41.666,67
    assert fixed_cost_names(ws, "recipes/bingka-kentang.toml") == ["listrik", "internet", "oven"]
    assert run_cli("new", "pattern", "patterns/baju", cwd=ws).code == 0
    assert "equipment" not in tomllib.loads(written(ws / "patterns" / "baju.toml"))


def test_init_for_jahit_keeps_the_machine_and_the_quote(tmp_path: Path):
    assert run_cli("init", "--for", "jahit", cwd=tmp_path).code == 0
    settings = tomllib.loads(written(tmp_path / "planner.toml"))
    assert [e["name"] for e in settings["equipment"]] == ["mesin-jahit"]
    assert settings["quote"]["deposit"] == D("0.5")
    assert run_cli("new", "pattern", "patterns/baju", cwd=tmp_path).code == 0
    pattern = tomllib.loads(written(tmp_path / "patterns" / "baju.toml"))
    assert pattern["equipment"] == "mesin-jahit"
    assert fixed_cost_names(tmp_path, "patterns/baju.toml") == ["listrik", "internet", "mesin-jahit"]


def test_init_for_an_unknown_trade_is_a_usage_error(tmp_path: Path):
    result = run_cli("init", "--for", "roti", cwd=tmp_path)
    assert result.code == 2 and not (tmp_path / "planner.toml").exists()


def test_init_into_a_file_is_an_error(tmp_path: Path):
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    result = run_cli("init", "berkas", "--lang", "en", cwd=tmp_path)
    assert result.code == 1 and "is a file, not a folder" in result.err


@pytest.mark.parametrize("command", ["new", "init"])
def test_help_has_an_example(command):
    result = run_cli(command, "--help")
    assert result.code == 0 and f"Contoh: planner {command}" in result.out
