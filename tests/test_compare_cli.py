"""planner compare, run as a user would: the shipped examples in every format and
both languages, folders, sorting, sizes, and its bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, assert_golden, run_cli
from tests.test_compare import write_workspace


def test_recipes_and_patterns_of_the_examples(examples: Path) -> None:
    result = run_cli("compare", "recipes", "patterns", "--size", "M", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("compare-examples.txt", result.out)


def test_in_english_with_every_size_and_the_working(examples: Path) -> None:
    result = run_cli(
        "compare", "recipes/bingka-kentang.toml", "patterns/rok-sekolah.toml", "--lang", "en", "--explain", cwd=examples
    )
    assert result.code == 0, result.err
    assert_golden("compare-en-explain.txt", result.out)


def test_markdown_and_csv(examples: Path) -> None:
    args = ("compare", "recipes", "--sort", "margin")
    md, csv = run_cli(*args, "-f", "md", cwd=examples), run_cli(*args, "-f", "csv", "--lang", "en", cwd=examples)
    assert md.code == csv.code == 0
    assert_golden("compare-recipes-margin.md", md.out)
    assert_golden("compare-recipes-margin.csv", csv.out)


def test_no_line_is_wider_than_the_screen(examples: Path) -> None:
    for lang in ("id", "en"):
        result = run_cli("compare", "recipes", "patterns", "--lang", lang, cwd=examples)
        assert max(len(line) for line in result.out.splitlines()) <= 80
        # the bar is never broken over two lines: every row with a figure ends with it
        # five recipes for sale, four sizes of three patterns, five of gamis, four alterations
        bars = [line for line in result.out.splitlines() if "█" in line]
        assert len(bars) == 5 + 3 * 4 + 5 + 4
        assert all(line.rstrip()[-1].isdigit() for line in bars)


workspace = write_workspace


def test_json_by_hand(tmp_path: Path) -> None:
    folder = workspace(tmp_path)
    result = run_cli("compare", ".", "-f", "json", cwd=folder)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    # per hour: Baju M 45.000, Kue B 36.000, Baju S 35.000, Kue A 24.500, Kue C none (tests/test_compare.py)
    assert [(d["product"], d["size"], d["profit_hour"]) for d in data] == [
        ("Baju", "M", "45000.00"),
        ("Kue B", None, "36000.00"),
        ("Baju", "S", "35000.00"),
        ("Kue A", None, "24500.00"),
        ("Kue C", None, None),
    ]
    assert data[1] == {
        "product": "Kue B",
        "file": "kue-b.toml",
        "kind": "recipe",
        "size": None,
        "unit_cost": "2700.00",
        "price": "4500.00",
        "margin": "0.4",
        "profit_batch": "18000.00",
        "profit_hour": "36000.00",
    }


def test_one_product_is_still_a_list(tmp_path: Path) -> None:
    result = run_cli("compare", "kue-a.toml", "-f", "json", cwd=workspace(tmp_path))
    data = json.loads(result.out)
    assert isinstance(data, list) and data[0]["profit_batch"] == "24500.00"


def test_a_folder_skips_its_plans_but_a_named_plan_is_an_error(examples: Path) -> None:
    folder = run_cli("compare", ".", "-f", "json", cwd=examples)
    assert folder.code == 0, folder.err
    # 5 recipes for sale (santan pandan says for_sale = false), 3 patterns of 4 sizes, gamis of 5, 4 alterations
    assert len(json.loads(folder.out)) == 5 + 3 * 4 + 5 + 4  # and the four alterations in patterns/permak
    assert "Santan pandan" not in folder.out
    named = run_cli("compare", "recipes/santan-pandan.toml", "-f", "json", cwd=examples)
    assert [row["product"] for row in json.loads(named.out)] == ["Santan pandan"]  # named: asked for
    named = run_cli("compare", "plans/pesanan-kenduri.toml", cwd=examples)
    assert named.code == 1 and "rencana produksi" in named.err
    empty = run_cli("compare", "plans", "--lang", "en", cwd=examples)
    assert empty.code == 1
    assert (
        empty.err == "no recipe or pattern found in plans (hint: name recipe or pattern files, or folders "
        "that hold them)\n"
    )


def test_no_minutes_leaves_profit_per_hour_blank_with_a_note(tmp_path: Path) -> None:
    result = run_cli("compare", "kue-a.toml", "kue-c.toml", "--lang", "en", cwd=workspace(tmp_path))
    assert result.code == 0, result.err
    kue_c = next(line for line in result.out.splitlines() if line.startswith("Kue C"))
    assert kue_c.rstrip().endswith("│")
    assert "no profit per hour for Kue C: no hands-on minutes" in result.out


def test_sort_in_either_language_and_reversed(tmp_path: Path) -> None:
    folder = workspace(tmp_path)
    names = [
        d["product"]
        for d in json.loads(
            run_cli(
                "compare", "kue-a.toml", "kue-b.toml", "kue-c.toml", "--sort", "nama", "-r", "-f", "json", cwd=folder
            ).out
        )
    ]
    assert names == ["Kue C", "Kue B", "Kue A"]
    result = run_cli("compare", "kue-a.toml", "--sort", "laba", "--lang", "id", cwd=folder)
    assert "diurutkan menurut laba sekali produksi" in result.out.replace("\n", " ")


def test_an_unknown_sort_column_in_the_chosen_language(tmp_path: Path) -> None:
    folder = workspace(tmp_path)  # language = "en" in its settings
    en = run_cli("compare", "kue-a.toml", "--sort", "profit-hour", cwd=folder)
    assert en.code == 1
    assert en.err.startswith("cannot sort by 'profit-hour' (hint: did you mean per-hour, profit? Sort by one of")
    idn = run_cli("compare", "kue-a.toml", "--sort", "untung", "--lang", "id", cwd=folder)
    assert idn.code == 1
    assert idn.err == (
        "tidak bisa mengurutkan menurut 'untung' (saran: pilih salah satu: per-jam, laba, margin, "
        "harga, hpp, nama, atau dalam bahasa Inggris: per-hour, profit, margin, price, hpp, name)\n"
    )


def test_a_size_a_pattern_lacks(examples: Path) -> None:
    result = run_cli("compare", "patterns", "--size", "XXL", cwd=examples)
    assert result.code == 1
    assert "ukuran 'XXL'" in result.err or "XXL" in result.err


def test_help_has_an_example() -> None:
    result = run_cli("compare", "--help")
    assert result.code == 0 and "Contoh: planner compare" in result.out


def test_a_thousand_recipes_give_a_thousand_rows(tmp_path: Path) -> None:
    """A class's worth of files in one run (its speed is measured by bench/, not here)."""
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    sources = sorted(p for p in (ROOT / "recipes").glob("*.toml") if "for_sale = false" not in p.read_text("utf-8"))
    for i in range(1000):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8").replace('name = "', f'name = "{i} ', 1)
        (recipes / (source.stem if i < len(sources) else f"r{i:04d}")).with_suffix(".toml").write_text(
            text, encoding="utf-8"
        )
    shutil.copy(ROOT / "recipes" / "santan-pandan.toml", recipes)  # their sub-recipe, not for sale: no row
    for name in ("planner.toml", "prices.toml"):
        shutil.copy(ROOT / "planner" / "data" / name, tmp_path / name)
    result = run_cli("compare", "recipes", "-f", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == 1000
