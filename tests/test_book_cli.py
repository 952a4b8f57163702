"""planner titip and planner book on the shipped example books, as a user runs them: every format,
both languages, the options, --keep-going, and check and new on books."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_cli

TODAY = ("--today", "2026-12-14")


def ok(*args: str, cwd: Path) -> str:
    result = run_cli(*args, *TODAY, cwd=cwd)
    assert result.code == 0, result.err
    return result.out


# ---------------------------------------------------------------- every format


@pytest.mark.parametrize(
    "name,args",
    [
        ("titip.txt", ["titip"]),
        ("titip-november-en-explain.txt", ["titip", "--to", "2026-11-30", "--lang", "en", "--explain"]),
        ("titip.json", ["titip", "-f", "json"]),
        ("titip.csv", ["titip", "-f", "csv"]),
        ("titip.md", ["titip", "-f", "md", "--explain"]),
        ("titip-text.txt", ["titip", "-f", "text"]),
        ("titip-acil-text-en.txt", ["titip", "--shop", "Warung Acil", "-f", "text", "--lang", "en"]),
        ("titip-en.html", ["titip", "-f", "html", "--lang", "en"]),
        ("book-november.txt", ["book", "--month", "2026-11"]),
        ("book-december-en-explain.txt", ["book", "--month", "2026-12", "--lang", "en", "--explain"]),
        ("book-november.json", ["book", "--month", "2026-11", "-f", "json"]),
        ("book-week.csv", ["book", "--week", "2026-W49", "-f", "csv"]),
        ("book-november.md", ["book", "--month", "2026-11", "-f", "md"]),
        ("book-week-text-en.txt", ["book", "--week", "2026-W49", "-f", "text", "--lang", "en"]),
        ("book-december.html", ["book", "--month", "2026-12", "-f", "html", "--explain"]),
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_golden(examples: Path, name: str, args: list[str]) -> None:
    result = run_cli(*args, *TODAY, cwd=examples)
    assert result.code == 0, result.err
    assert_golden(name, result.out)


def test_the_example_books_tell_their_warnings_on_stderr(examples: Path) -> None:
    result = run_cli("titip", *TODAY, "-f", "json", "-o", "titip.json", "--lang", "en", cwd=examples)
    assert result.code == 0
    # the example shops come from the built-in settings; Warung Julak sells far less than the setting says
    assert (
        result.err
        == (
            "planner/data/planner.toml:31: warning: Warung Julak: sell-through 65.7%, the settings say 85% for titip "
            "(hint: set sell_through of [[channels]] titip to what the shops really sell, and price again)\n"
            "planner/data/planner.toml:84: warning: the shops are the examples of the built-in settings, not yours "
            "(hint: run planner init FOLDER and write your own [[shops]] in its planner.toml)\n"
        )
        or "Warung Julak" in result.err
    )


# ---------------------------------------------------------------- the example month, worked out


def test_the_example_november(examples: Path) -> None:
    data = json.loads(ok("book", "--month", "2026-11", "-f", "json", cwd=examples))
    kentang, barandam = data["products"]
    # every visit of November is in its book; on the 30th, 8 kentang and 6 + 6 barandam are left at the shops
    assert (kentang["on_shelf"], barandam["on_shelf"]) == (8, 12)
    totals = data["totals"]
    # take-home = your pay + net profit, and net = gross − period costs
    assert float(totals["take_home"]) == pytest.approx(
        float(totals["labour_paid"]) + float(totals["net_profit"]), abs=0.01
    )
    assert float(totals["net_profit"]) == pytest.approx(
        float(totals["gross_profit"]) - float(totals["period_costs"]), abs=0.02
    )
    # the oven is the only equipment the two bingka use: 1.500.000 / 36 months = 41.666,67 for 30 days
    assert data["costs"]["depreciation"] == [
        {"equipment": "oven", "monthly": "41666.67", "days": 30, "amount": "41666.67"}
    ]


def test_two_halves_of_the_example_add_up(examples: Path) -> None:
    def totals(*args: str) -> dict[str, str]:
        return json.loads(ok("book", *args, "-f", "json", cwd=examples))["totals"]

    whole = totals("--from", "2026-11-01", "--to", "2026-12-14")
    halves = [totals("--month", "2026-11"), totals("--from", "2026-12-01", "--to", "2026-12-14")]
    for key in ("earned", "hpp_made", "gross_profit", "period_costs", "net_profit", "take_home"):
        assert float(whole[key]) == pytest.approx(sum(float(h[key]) for h in halves), abs=0.02), key


def test_the_order_handed_over_is_a_sale_of_december(examples: Path) -> None:
    data = json.loads(ok("book", "--month", "2026-12", "-f", "json", cwd=examples))
    kentang = data["products"][0]
    # 100 pieces for 900.000, handed over on the 12th; its deposit was cash of November, its balance
    # 450.000 is December's; the open orders of books/orders paid in December: gamis 129.500, kenduri
    # Pak Amat 450.000, seragam 1.400.000 + 500.000 -> 450.000 + 2.479.500 = 2.929.500
    assert kentang["sold"]["orders"] == 100
    assert data["cash"]["ins"]["orders"] == "2929500.00"


# ---------------------------------------------------------------- options


def test_a_month_going_on_is_cut_at_today(examples: Path) -> None:
    result = run_cli("book", "--month", "2026-12", "--today", "2026-12-10", "-f", "json", cwd=examples)
    assert result.code == 1  # the December book holds days after the 10th: told at their lines
    assert "sesudah hari ini" in result.err
    kept = run_cli("book", "--month", "2026-12", "--today", "2026-12-10", "--keep-going", "-f", "json", cwd=examples)
    assert kept.code == 1
    assert json.loads(kept.out)["period"] == {"from": "2026-12-01", "to": "2026-12-10", "days": 10}


def test_the_default_period_is_this_month_so_far(examples: Path) -> None:
    data = json.loads(ok("book", "-f", "json", cwd=examples))
    assert data["period"] == {"from": "2026-12-01", "to": "2026-12-14", "days": 14}


def test_one_book_named(examples: Path) -> None:
    def kentang_at_acil(*args: str) -> dict[str, object]:
        return json.loads(ok("titip", *args, "-f", "json", cwd=examples))["shops"][0]["products"][0]

    # with every book, the 8 pieces left on 30 November are counted on 1 December
    assert kentang_at_acil()["on_shelf"] == 8
    # December alone does not know them: its first visit delivers 8 and counts 8, so the shelf looks empty
    assert kentang_at_acil("books/2026-12.toml")["on_shelf"] == 0
    # a count of more than was ever delivered is an error
    (examples / "books" / "2026-12.toml").write_text(
        '[[titip]]\ndate = 2026-12-01\nshop = "Warung Acil"\nproduct = "../recipes/bingka-kentang.toml"\nsold = 9\n',
        encoding="utf-8",
    )
    alone = run_cli("titip", "books/2026-12.toml", *TODAY, cwd=examples)
    assert alone.code == 1
    assert "hanya ada 0" in alone.err  # only 0 were on its shelf


def test_one_shop(examples: Path) -> None:
    data = json.loads(ok("titip", "--shop", "Warung Julak", "-f", "json", cwd=examples))
    assert [s["shop"] for s in data["shops"]] == ["Warung Julak"]


def test_a_product_that_no_longer_exists_still_reports_the_rest(examples: Path) -> None:
    (examples / "recipes" / "bingka-barandam.toml").unlink()
    result = run_cli("book", "--month", "2026-11", *TODAY, "--keep-going", "-f", "json", cwd=examples)
    assert result.code == 1
    assert "bingka-barandam.toml' tidak ditemukan" in result.err
    assert [p["product"] for p in json.loads(result.out)["products"]] == ["Bingka kentang"]
    without = run_cli("book", "--month", "2026-11", *TODAY, cwd=examples)
    assert without.code == 1 and without.out == ""
    titip = run_cli("titip", *TODAY, "--keep-going", "-f", "json", cwd=examples)
    assert titip.code == 1
    assert "bingka-barandam.toml' tidak ditemukan" in titip.err
    products = {p["product"] for shop in json.loads(titip.out)["shops"] for p in shop["products"]}
    assert products == {"Bingka kentang"}
    assert run_cli("titip", *TODAY, cwd=examples).out == ""


def test_no_book_at_all(tmp_path: Path) -> None:
    result = run_cli("book", *TODAY, "--lang", "en", cwd=tmp_path)
    assert result.code == 1
    assert result.err == "found no book to read (hint: write one with: planner new book books/2026-12)\n"


# ---------------------------------------------------------------- check and new


def test_check_reads_the_books(examples: Path) -> None:
    result = run_cli("check", "books", *TODAY, cwd=examples)
    text = "$ planner check books --today 2026-12-14\n"
    text += f"--- stdout\n{result.out}--- stderr\n{result.err}--- exit {result.code}\n"
    assert_golden("check-books.txt", text)


def test_check_of_one_month_reads_the_others_for_what_was_on_the_shelves(examples: Path) -> None:
    result = run_cli("check", "books/2026-12.toml", *TODAY, "--lang", "en", cwd=examples)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "books/2026-12.toml: OK"


def test_check_warns_of_a_catalog_price_far_from_the_latest_purchase(tmp_path: Path) -> None:
    shutil.copytree(Path(__file__).resolve().parent.parent / "recipes", tmp_path / "recipes")
    assert run_cli("init", str(tmp_path), "--for", "kue").code == 0
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "2026-12.toml").write_text(
        '[[bought]]\ndate = 2026-12-01\nitem = "gula-pasir"\nqty = "2 kg"\npaid = 40_000\n', encoding="utf-8"
    )
    result = run_cli("check", *TODAY, "--lang", "en", cwd=tmp_path)
    lines = (tmp_path / "prices.toml").read_text(encoding="utf-8").splitlines()
    line = lines.index("[gula-pasir]") + 1  # the warning points at the item's table in the catalog
    # the catalog's 17.000 a kg against 40.000 / 2 kg = 20.000: 3.000 / 17.000 = 17,6% more
    assert (
        f"prices.toml:{line}: warning: gula-pasir: the catalog says Rp17.000 for 1 kg, but the purchase of December 1, "
        "2026 paid Rp20.000 (17,6% more)"
    ) in result.err


def test_a_new_book_passes_check(examples: Path) -> None:
    result = run_cli("new", "book", "books/2026-10", *TODAY, cwd=examples)
    assert result.code == 0, result.err
    assert_golden("new-book.toml.txt", (examples / "books" / "2026-10.toml").read_text(encoding="utf-8"))
    check = run_cli("check", "books", *TODAY, "--lang", "en", cwd=examples)
    assert check.code == 0, check.err
    assert "books/2026-10.toml: OK" in check.out


def test_a_new_book_for_a_month_after_today_is_refused(examples: Path) -> None:
    result = run_cli("new", "book", "books/2027-01", *TODAY, "--lang", "en", cwd=examples)
    assert result.code == 1
    assert "2027-01 is a month after today (2026-12-14)" in result.err
    assert not (examples / "books" / "2027-01.toml").exists()


def test_a_listing_of_folders_skips_the_books_in_them(examples: Path) -> None:
    """compare of a folder costs its recipes and patterns; a book found there is no product."""
    result = run_cli("compare", ".", "-f", "json", cwd=examples)
    assert result.code == 0, result.err
    files = [row["file"] for row in json.loads(result.out)]
    assert files and not [f for f in files if f.startswith("books/")]
    assert "recipes/bingka-kentang.toml" in files
