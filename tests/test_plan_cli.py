"""planner plan, run as a user would: the shipped kenduri plan worked by hand, FILE=N, stock, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_cli

KENDURI = "plans/pesanan-kenduri.toml"


def plan_json(examples: Path, *args: str) -> dict:
    result = run_cli("plan", *args, "--format", "json", "--today", "2026-12-01", cwd=examples)
    assert result.code == 0, result.err
    return json.loads(result.out)


def by(rows: list[dict], key: str, value: str) -> dict:
    return next(r for r in rows if r[key] == value)


def test_kenduri_table_in_indonesian(examples):
    result = run_cli("plan", KENDURI, "--today", "2026-12-01", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("plan-kenduri.txt", result.out)


def test_kenduri_in_english_with_working_and_a_late_warning(examples):
    result = run_cli("plan", KENDURI, "--today", "2026-12-07", "--lang", "en", "--explain", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("plan-kenduri-en-explain.txt", result.out)
    # 6 working days needed (test_kenduri_totals_by_hand), 12 Dec is 5 days after 7 Dec: 1 day late
    assert "this plan needs 6 working days but December 12, 2026 is 5 days away: 1 day late" in " ".join(
        result.out.split()
    )


def test_kenduri_batches_by_hand(examples):
    products = plan_json(examples, KENDURI)["products"]
    # bingka: 150 / 8 = 18.75 -> 19 batches, 152 made, 2 over
    bingka = by(products, "product", "Bingka kentang")
    assert (bingka["batches"], bingka["made"], bingka["surplus"]) == (19, "152", "2")
    # amparan: 16 × (1 − 0.05) = 15.2 fit to sell; 100 / 15.2 = 6.58 -> 7 batches, 106.4 made, 6.4 over
    amparan = by(products, "product", "Amparan tatak pisang")
    assert (amparan["batches"], amparan["made"], amparan["surplus"]) == (7, "106.4", "6.4")
    # shirts: one garment per batch
    assert [(p["size"], p["batches"]) for p in products if p["size"]] == [("S", 5), ("M", 10), ("L", 5)]
    assert bingka["file"] == "recipes/bingka-kentang.toml"


def test_kenduri_shopping_by_hand(examples):
    shopping = plan_json(examples, KENDURI)["shopping"]
    telur = by(shopping, "item", "telur-itik")
    # 19 batches × 3 butir = 57; 10 at home -> 47 bought × Rp 3.000 = Rp 141.000, nothing left
    assert (
        telur["need"]["amount"],
        telur["stock"]["amount"],
        telur["packs"],
        telur["spend"],
        telur["left"]["amount"],
    ) == ("57", "10", 47, "141000.00", "0")
    # katun-115: (5 × 1.85 + 10 × 2.05 + 5 × 2.20) × 1.07 = 40.75 × 1.07 = 43.6025 m;
    # in 0.25 m steps: ceil(174.41) = 175 steps = 43.75 m × Rp 25.000 = Rp 1.093.750; 0.1475 m left
    katun = by(shopping, "item", "katun-115")
    assert (
        katun["need"]["amount"],
        katun["packs"],
        katun["pack"],
        katun["buy"]["amount"],
        katun["spend"],
        katun["left"]["amount"],
    ) == ("43.6025", 175, {"amount": "0.25", "unit": "m"}, "43.75", "1093750.00", "0.1475")
    # pisang-kepok: 7 batches × 1 sisir, counted as bought (decision 1) = 7 sisir -> 7 bought, none left
    pisang = by(shopping, "item", "pisang-kepok")
    assert (pisang["need"]["amount"], pisang["packs"], pisang["left"]["amount"]) == ("7", 7, "0")
    # santan-kental, shared: 19 × 300 ml (through santan-pandan) + 7 × 500 ml = 9200 ml = 18.4 packs of 500 ml -> 19
    santan = by(shopping, "item", "santan-kental")
    assert (santan["need"]["amount"], santan["packs"], santan["spend"], santan["left"]["amount"]) == (
        "9200",
        19,
        "237500.00",
        "300",
    )
    # kain-keras: 20 shirts × 0.25 m = 5 m, exactly 20 steps: no extra step
    keras = by(shopping, "item", "kain-keras")
    assert (keras["packs"], keras["buy"]["amount"], keras["left"]["amount"]) == (20, "5", "0")


def test_kenduri_totals_by_hand(examples):
    totals = plan_json(examples, KENDURI)["totals"]
    # labour: bingka 19 × (40 + 10 santan-pandan) + amparan 7 × 45 + shirts 20 × (10 + 35 + 7 + 15 + 8)
    #       = 950 + 315 + 1500 = 2765 min = 46.08 h (the shirt's real minutes, efficiency 1)
    assert totals["labor_hours"] == "46.08"
    # oven 19 × 55 / 60 / 2 = 8.71 h; kukusan 7 × 60 / 60 / 1 = 7 h
    assert totals["equipment"] == {"oven": "8.71", "kukusan": "7"}
    assert totals["equipment_hours"] == "8.71"  # the busiest equipment, the one the days depend on
    # days = ceil(max(46.08 / 1, 8.71) / 8) = ceil(5.76) = 6; due 12 Dec from 1 Dec: 11 days, on time
    assert (totals["days"], totals["days_left"], totals["late_days"]) == (6, 11, 0)
    # cash = shopping + embroidery 20 × Rp 5.000
    assert totals["other_cash"] == "100000.00"
    assert totals["cash"] == f"{float(totals['spend']) + 100000:.2f}"
    assert float(totals["profit"]) == pytest.approx(float(totals["revenue"]) - float(totals["cost"]))


def test_packaging_is_bought_for_the_pieces_ordered(examples):
    """Decision 7: 150 bingka ordered = 19 batches of 8 = 152 made, but only 150 are packed: 2 a mika
    -> 75 mika; amparan: 100 ordered (7 batches of 15,2 = 106,4 made) in a mika each -> 100;
    175 mika-kecil (before: 76 + 106,4 = 182,4). Sold as 100 at Rp35.000 and 10 at Rp4.000, the
    cheapest cover is 100 + 8 × 10 = 180 for Rp67.000 (2 × 100 = Rp70.000, 18 × 10 = Rp72.000):
    9 packs, 5 left."""
    mika = by(plan_json(examples, KENDURI)["shopping"], "item", "mika-kecil")
    assert (mika["need"]["amount"], mika["packs"], mika["left"]["amount"]) == ("175", 9, "5")


def test_stock_file_replaces_the_plans_stock(examples):
    (examples / "stok.toml").write_text('telur-itik = "20 butir"\n', encoding="utf-8")
    telur = by(plan_json(examples, KENDURI, "--stock", "stok.toml")["shopping"], "item", "telur-itik")
    # need 57, 20 at home -> 37 bought
    assert (telur["stock"]["amount"], telur["packs"]) == ("20", 37)


def test_recipes_by_pieces_on_the_command_line(examples):
    result = run_cli(
        "plan",
        "recipes/bingka-kentang.toml=16",
        "recipes/amparan-tatak-pisang.toml=10",
        "--today",
        "2026-12-01",
        "--lang",
        "en",
        cwd=examples,
    )
    assert result.code == 0, result.err
    assert_golden("plan-pieces-en.txt", result.out)
    data = plan_json(examples, "recipes/bingka-kentang.toml=16")
    # 16 / 8 = 2 batches; 2 × 3 butir = 6 duck eggs
    assert data["products"][0]["batches"] == 2
    assert by(data["shopping"], "item", "telur-itik")["packs"] == 6
    assert data["plan"] is None and data["totals"]["due"] is None


@pytest.mark.parametrize(
    "target",
    [
        "recipes/bingka-kentang.toml=abc",
        "recipes/bingka-kentang.toml=0",
        "recipes/bingka-kentang.toml=-3",
        "recipes/bingka-kentang.toml=2.5",
    ],
)
def test_a_piece_count_must_be_a_whole_number_above_zero(examples, target):
    result = run_cli("plan", target, "--lang", "en", cwd=examples)
    assert result.code == 1
    assert "is not a number of pieces (hint: write a whole number above zero" in result.err


def test_a_pattern_on_the_command_line_asks_for_a_plan_file(examples):
    result = run_cli("plan", "patterns/kemeja-sekolah.toml=5", "--lang", "en", cwd=examples)
    assert result.code == 1
    assert "a sewing pattern is planned by sizes, not by pieces" in result.err


def test_unknown_size_lists_the_sizes_the_pattern_has(examples):
    plan = examples / "plans" / "xxl.toml"
    plan.write_text(
        'name = "x"\n[[make]]\nproduct = "../patterns/kemeja-sekolah.toml"\nsizes = { XXL = 3 }\n', encoding="utf-8"
    )
    result = run_cli("plan", "plans/xxl.toml", "--lang", "en", cwd=examples)
    assert result.code == 1
    assert (
        result.err == "plans/xxl.toml:4: size 'XXL' is not in the pattern (hint: the pattern has sizes S, M, L, XL)\n"
    )


def test_every_bad_stock_line_is_reported_at_once(examples):
    (examples / "stok.toml").write_text('gulaa = "1 kg"\ngula-pasir = "2 butir"\ntelur-itik = 10\n', encoding="utf-8")
    result = run_cli("plan", KENDURI, "--stock", "stok.toml", "--lang", "en", cwd=examples)
    assert result.code == 1
    lines = result.err.splitlines()
    assert [line.split(":")[:2] for line in lines] == [["stok.toml", "1"], ["stok.toml", "2"], ["stok.toml", "3"]]


def test_a_missing_stock_file_is_an_error(examples):
    result = run_cli("plan", KENDURI, "--stock", "nope.toml", "--lang", "en", cwd=examples)
    assert (result.code, result.err) == (
        1,
        "nope.toml: file not found (hint: check the path 'nope.toml'; paths inside a file are relative to that file)\n",
    )


def test_output_onto_the_plan_itself_is_refused_even_with_force(examples):
    before = (examples / KENDURI).read_bytes()
    result = run_cli("plan", KENDURI, "-o", KENDURI, "--force", cwd=examples)
    assert result.code == 1 and "masukan" in result.err
    assert (examples / KENDURI).read_bytes() == before


def test_output_over_an_existing_file_needs_force(examples):
    target = examples / "rencana.txt"
    target.write_bytes(b"mine\n")
    result = run_cli("plan", KENDURI, "-o", "rencana.txt", "--today", "2026-12-01", cwd=examples)
    assert result.code == 1 and target.read_bytes() == b"mine\n"
    result = run_cli("plan", KENDURI, "-o", "rencana.txt", "--force", "--today", "2026-12-01", cwd=examples)
    assert result.code == 0 and "Daftar belanja" in target.read_text(encoding="utf-8")


def test_plan_help_has_an_example():
    result = run_cli("plan", "--help")
    assert result.code == 0 and "Contoh: planner plan" in result.out
