"""planner target, run as a user would: a book written by hand whose Mondays are the Done-when
case, the sold-out and few-samples warnings at their lines, the plan -o writes (read by plan and
check), and every format on the shipped example books."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_golden, run_cli

TODAY = ("--today", "2026-12-14")


def _record(kind: str, day: str, **fields: object) -> str:
    lines = [f"[[{kind}]]", f"date = {day}", 'product = "../recipes/bingka-kentang.toml"']
    lines += [f"{k} = {json.dumps(v)}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def _sold(day: str, pieces: int) -> str:
    return _record("sold", day, pieces=pieces, price=10_000)


def _made(day: str, pieces: int) -> str:
    return _record("made", day, pieces=pieces)


def _visit(day: str, **counts: int) -> str:
    return _record("titip", day, shop="Warung Acil", **counts)


# Nine Mondays (2026-12-14 is a Monday): the oldest, 12 October, is the 9th back and left out by
# [targets] history = 8. Demand of a day = home sales + what the shop reported sold on that day's visit:
#   19 Oct made 20, sold 18          -> 18
#   26 Oct sold 22 (no [[made]])     -> 22
#    2 Nov made 30, sold 20, 10 left at Warung Acil                  -> 20
#    9 Nov made 20, sold 18; the shop sold 7, 3 came back            -> 18 + 7 = 25
#   16 Nov made 22, sold 22          -> 22, sold out (all made sold, nothing back)
#   23 Nov sold 19                   -> 19
#   30 Nov made 24, sold 24          -> 24, sold out
#    7 Dec sold 22                   -> 22
# and one Tuesday, 8 Dec, sold 10 (one sample: the average).
BOOK = "".join(
    [
        _sold("2026-10-12", 100),
        _made("2026-10-19", 20),
        _sold("2026-10-19", 18),
        _sold("2026-10-26", 22),
        _made("2026-11-02", 30),
        _sold("2026-11-02", 20),
        _visit("2026-11-02", delivered=10),
        _made("2026-11-09", 20),
        _sold("2026-11-09", 18),
        _visit("2026-11-09", sold=7, returned=3),
        _made("2026-11-16", 22),
        _sold("2026-11-16", 22),
        _sold("2026-11-23", 19),
        _made("2026-11-30", 24),
        _sold("2026-11-30", 24),
        _sold("2026-12-07", 22),
        _sold("2026-12-08", 10),
    ]
)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """Bingka kentang and its sub-recipe, and the hand-written book (embedded settings and catalog)."""
    (tmp_path / "recipes").mkdir()
    for name in ("bingka-kentang.toml", "santan-pandan.toml", "wadai-cincin.toml"):
        shutil.copy(ROOT / "recipes" / name, tmp_path / "recipes" / name)
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "2026.toml").write_text(BOOK, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    return tmp_path


@pytest.fixture
def examples_with_books(tmp_path: Path) -> Path:
    for name in ("recipes", "patterns", "books", "plans"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_done_when_mondays_from_the_book(shop):
    result = run_cli("target", *TODAY, "--format", "json", "--lang", "en", cwd=shop)
    assert result.code == 0, result.err
    product = json.loads(result.out)["products"][0]
    # bingka kentang on the embedded settings: HPP 7.095,81, direct price 10.000 (no commission):
    # c_u = 10.000 − 7.095,81 = 2.904,19; c_o = 7.095,81; r = 2.904,19 / 10.000 = 0,290419
    assert product["unit_cost"] == "7095.81"
    assert product["missed_profit"] == "2904.19"
    assert product["critical_ratio"] == "0.2904"
    monday, tuesday = product["days"]
    # the last 8 Mondays: 18, 22, 20, 25, 22, 19, 24, 22; k = ⌈0,290419 × 8⌉ = ⌈2,32⌉ = 3: sorted 18, 19, 20 -> 20;
    # average 172 / 8 = 21,5; 16 and 30 November sold out
    assert monday == {
        "weekday": "monday",
        "samples": [18, 22, 20, 25, 22, 19, 24, 22],
        "average": "21.5",
        "target": 20,
        "sold_out_days": 2,
    }
    assert tuesday == {"weekday": "tuesday", "samples": [10], "average": "10", "target": 10, "sold_out_days": 0}
    # the week 20 + 10 = 30 pieces; 30 / 8 sellable pieces a batch = 3,75 -> 4 batches
    assert (product["week_pieces"], product["batches"]) == (30, 4)


def test_the_warnings_are_placed_at_the_book(shop):
    result = run_cli("target", *TODAY, "--lang", "en", cwd=shop)
    assert result.code == 0
    err = " ".join(result.out.split())  # a table shows its warnings under it
    # the sold-out warning at the first sale of the latest sold-out Monday (30 Nov: its [[sold]], after its
    # [[made]]), the few-samples one at the Tuesday's [[sold]]
    lines = (shop / "books" / "2026.toml").read_text().splitlines()
    made_30 = next(i for i, line in enumerate(lines, 1) if line == "date = 2026-11-30") - 1
    sold_30 = made_30 + 4
    sold_8 = next(i for i, line in enumerate(lines, 1) if line == "date = 2026-12-08") - 1
    assert lines[sold_30 - 1] == "[[sold]]"
    assert f"books/2026.toml:{sold_30}: warning: Bingka kentang, Monday: sold out on 2 of the 8 days counted" in err
    assert f"books/2026.toml:{sold_8}: warning: Bingka kentang, Tuesday: only 1 day sold so far" in err


def test_the_written_plan_is_read_by_plan_and_passes_check(shop):
    result = run_cli("target", *TODAY, "-o", "plans/minggu-depan.toml", "--lang", "en", cwd=shop)
    assert result.code == 0, result.err
    assert result.out == "Wrote plans/minggu-depan.toml: 1 product, 30 pieces\n"
    text = (shop / "plans" / "minggu-depan.toml").read_text()
    assert text.endswith(
        textwrap.dedent(
            """\
            name = "Target from what sold up to December 14, 2026"

            [[make]]
            product = "../recipes/bingka-kentang.toml"
            pieces = 30
            """
        )
    )
    planned = run_cli("plan", "plans/minggu-depan.toml", "--format", "json", cwd=shop)
    assert planned.code == 0, planned.err
    # 30 pieces at 8 sellable a batch: 4 batches
    made = json.loads(planned.out)["products"][0]
    assert (made["pieces"], made["batches"]) == (30, 4)
    checked = run_cli("check", "plans/minggu-depan.toml", "--lang", "en", cwd=shop)
    assert checked.code == 0, checked.err + checked.out


def test_the_plan_is_never_written_over(shop):
    assert run_cli("target", *TODAY, "-o", "plan.toml", cwd=shop).code == 0
    again = run_cli("target", *TODAY, "-o", "plan.toml", "--lang", "en", cwd=shop)
    assert again.code == 1 and "plan.toml" in again.err and "--force" in again.err
    assert run_cli("target", *TODAY, "-o", "plan.toml", "--force", cwd=shop).code == 0
    onto_book = run_cli("target", *TODAY, "-o", "books/2026.toml", "--force", "--lang", "en", cwd=shop)
    assert onto_book.code == 1 and "Traceback" not in onto_book.err
    assert (shop / "books" / "2026.toml").read_text() == BOOK


def test_a_product_with_no_sales_is_an_error(shop):
    result = run_cli("target", "recipes/wadai-cincin.toml", *TODAY, "--lang", "en", cwd=shop)
    assert result.code == 1
    told = " ".join(result.err.split())
    assert "recipes/wadai-cincin.toml: no sales of Wadai cincin in the books up to December 14, 2026" in told


def test_history_says_how_many_same_weekdays(shop):
    # the embedded settings with [targets] history = 4: the last 4 Mondays 22, 19, 24, 22;
    # k = ⌈0,290419 × 4⌉ = ⌈1,16⌉ = 2: sorted 19, 22, 22, 24 -> 22; 16 and 30 November both sold out
    settings = (ROOT / "planner" / "data" / "planner.toml").read_text(encoding="utf-8")
    (shop / "planner.toml").write_text(settings + "\n[targets]\nhistory = 4\n", encoding="utf-8")
    result = run_cli("target", *TODAY, "--format", "json", cwd=shop)
    assert result.code == 0, result.err
    monday = json.loads(result.out)["products"][0]["days"][0]
    assert (monday["samples"], monday["target"], monday["sold_out_days"]) == ([22, 19, 24, 22], 22, 2)


# ---------------------------------------------------------------- the shipped example books


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        ((), "target-examples.txt"),
        (("--lang", "en", "--explain"), "target-examples-en-explain.txt"),
        (("--format", "json"), "target-examples.json"),
        (("--format", "csv"), "target-examples.csv"),
        (("--format", "md", "--lang", "en"), "target-examples-en.md"),
        (("--format", "html", "--lang", "en"), "target-examples-en.html"),
    ],
)
def test_example_books(examples_with_books, args, golden):
    result = run_cli("target", *TODAY, *args, cwd=examples_with_books)
    assert result.code == 0, result.err
    assert_golden(golden, result.out + result.err)


def test_example_one_product_writes_a_plan(examples_with_books):
    result = run_cli(
        "target", "recipes/bingka-barandam.toml", *TODAY, "-o", "plans/minggu-depan.toml", cwd=examples_with_books
    )
    assert result.code == 0, result.err
    assert_golden("target-plan.toml.txt", (examples_with_books / "plans" / "minggu-depan.toml").read_text())
    assert run_cli("plan", "plans/minggu-depan.toml", cwd=examples_with_books).code == 0


def test_example_samples_count_home_and_shop_sales_of_the_day(examples_with_books):
    result = run_cli("target", "recipes/bingka-kentang.toml", *TODAY, "--format", "json", cwd=examples_with_books)
    monday = json.loads(result.out)["products"][0]["days"][0]
    # books/2026-11.toml, Monday 2 November: 15 sold at home + 6 Warung Acil reported sold on its visit = 21
    assert monday["weekday"] == "monday" and monday["samples"][0] == 21
    # Mondays from 2 November to 14 December: 7 of them, fewer than history = 8
    assert len(monday["samples"]) == 7


def test_a_pattern_is_targeted_per_size_and_planned_by_sizes(tmp_path):
    (tmp_path / "patterns").mkdir()
    shutil.copy(ROOT / "patterns" / "kemeja-sekolah.toml", tmp_path / "patterns")
    (tmp_path / "books").mkdir()
    (tmp_path / "plans").mkdir()
    # four Mondays from 16 November: size M sold 3, 4, 3, 4; size L sold 2 each time
    records = [
        f'[[sold]]\ndate = 2026-{day}\nproduct = "../patterns/kemeja-sekolah.toml"\nsize = "{size}"\n'
        f"pieces = {pieces}\nprice = 95_000\n"
        for day, m in (("11-16", 3), ("11-23", 4), ("11-30", 3), ("12-07", 4))
        for size, pieces in (("M", m), ("L", 2))
    ]
    (tmp_path / "books" / "2026.toml").write_text("\n".join(records), encoding="utf-8")
    result = run_cli("target", *TODAY, "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    found = {p["product"]: p for p in json.loads(result.out)["products"]}
    # M: 3, 3, 4, 4 with r below 1/2 (HPP above half the receipt): k = ⌈r × 4⌉ ≤ 2 -> 3; L: always 2
    assert [found[name]["days"][0]["target"] for name in sorted(found)] == [2, 3]
    assert all(p["batches"] == p["week_pieces"] for p in found.values())  # a garment is its own batch
    wrote = run_cli("target", *TODAY, "-o", "plans/w.toml", cwd=tmp_path)
    assert wrote.code == 0, wrote.err
    assert "sizes = { M = 3, L = 2 }" in (tmp_path / "plans" / "w.toml").read_text()
    assert run_cli("plan", "plans/w.toml", cwd=tmp_path).code == 0


def test_a_folder_names_every_product_of_the_books_in_it(shop):
    result = run_cli("target", "recipes", *TODAY, "--format", "json", cwd=shop)
    assert result.code == 0, result.err
    assert [p["product"] for p in json.loads(result.out)["products"]] == ["Bingka kentang"]
    (shop / "patterns").mkdir()
    nothing = run_cli("target", "patterns", *TODAY, "--lang", "en", cwd=shop)
    assert nothing.code == 1 and "patterns: no product in patterns has sales" in nothing.err
