"""planner monitor: each group of a class from its own books, this month against last.

The class below is small enough to work out by hand; every figure in the comments is the period
report's arithmetic (docs/design-book.md) on these files. bench/make_class.py's class (the one the
benchmark times) checks the shape of a bigger run."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_golden, run_cli

sys.path.insert(0, str(ROOT / "bench"))
from make_class import make_class

CLASS = """business = "Kelas UMKM"
[labor]
wage_per_hour = 20_000
[pricing]
markup = 0.40
round_to = 500
[[channels]]
name = "langsung"
[[channels]]
name = "titip"
commission = 0.20
[[shops]]
name = "Warung Acil"
"""
PRICES = """[gula-pasir]
pack = "1 kg"
price = 17_000
"""
KUE = """name = "Kue gula"
[batch]
pieces = 10
minutes = 60
[[ingredients]]
item = "gula-pasir"
qty = "1 kg"
"""
# kue-a: HPP a piece = (Rp17.000 sugar + 1 h × Rp20.000) / 10 = Rp3.700, of which Rp2.000 her pay
A_NOVEMBER = """[[made]]
date = 2026-11-02
product = "../resep/kue.toml"
pieces = 20

[[sold]]
date = 2026-11-02
product = "../resep/kue.toml"
pieces = 15
price = 5_000

[[titip]]
date = 2026-11-03
shop = "Warung Acil"
product = "../resep/kue.toml"
delivered = 5
price = 6_000

[[spent]]
date = 2026-11-05
what = "listrik"
amount = 10_000
"""
A_DECEMBER = """[[made]]
date = 2026-12-01
product = "../resep/kue.toml"
pieces = 30

[[sold]]
date = 2026-12-01
product = "../resep/kue.toml"
pieces = 20
price = 5_000

[[titip]]
date = 2026-12-02
shop = "Warung Acil"
product = "../resep/kue.toml"
delivered = 0
sold = 4
returned = 1
price = 6_000

[[spent]]
date = 2026-12-03
what = "listrik"
amount = 20_000

[[orders]]
id = "arisan"
date = 2026-12-01
customer = "Bu RT"
due = 2026-12-10
done = 2026-12-10
price = 60_000
make = [ { product = "../resep/kue.toml", pieces = 10 } ]
"""
# kue-b pays herself Rp10.000 an hour: HPP (17.000 + 10.000) / 10 = Rp2.700, her pay Rp1.000
B_DECEMBER = """[[made]]
date = 2026-12-05
product = "../resep/kue.toml"
pieces = 10

[[sold]]
date = 2026-12-05
product = "../resep/kue.toml"
pieces = 10
price = 5_000
"""


@pytest.fixture
def kelas(tmp_path: Path) -> Path:
    root = tmp_path / "kelas"
    files = {
        "planner.toml": CLASS,
        "prices.toml": PRICES,
        "kue-a/planner.toml": 'business = "Kue A"\n',
        "kue-a/resep/kue.toml": KUE,
        "kue-a/books/2026-11.toml": A_NOVEMBER,
        "kue-a/books/2026-12.toml": A_DECEMBER,
        "kue-b/planner.toml": 'business = "Kue B"\n[labor]\nwage_per_hour = 10_000\n',
        "kue-b/resep/kue.toml": KUE,
        "kue-b/books/2026-12.toml": B_DECEMBER,
        "jahit-c/planner.toml": 'business = "Jahit C"\n',
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def monitor_json(*args: str, cwd: Path | None = None) -> dict:
    result = run_cli("monitor", *args, "-f", "json", cwd=cwd)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_figures_worked_out_by_hand(kelas: Path) -> None:
    data = monitor_json(str(kelas), "--today", "2026-12-31")
    assert data["month"] == "2026-12" and data["last_month"] == "2026-11"
    assert [g["group"] for g in data["groups"]] == ["kue-a", "kue-b", "jahit-c"]  # by net profit
    a, b, c = data["groups"]
    # November: earned 15 × 5.000 = 75.000; 5 pieces on the shelf are stock:
    # gross = 75.000 − (20 − 5) × 3.700 = 19.500; net = 19.500 − 10.000 listrik = 9.500;
    # take-home = 20 × 2.000 + 9.500 = 49.500; no titip piece sold or returned yet: no sell-through
    assert a["last_month"] == {
        "month": "2026-11",
        "from": "2026-11-01",
        "to": "2026-11-30",
        "earned": "75000.00",
        "net_profit": "9500.00",
        "take_home": "49500.00",
        "sell_through": None,
        "orders_done": 0,
    }
    # December: earned 20 × 5.000 + 4 × 6.000 × (1 − 20%) + the order's 60.000 = 179.200;
    # the shelf went down by 5: gross = 179.200 − (30 + 5) × 3.700 = 49.700; net = 49.700 − 20.000
    # = 29.700; take-home = 30 × 2.000 + 29.700 = 89.700; sell-through 4 / (4 + 1) = 80%
    assert a["this_month"]["earned"] == "179200.00"
    assert a["this_month"]["net_profit"] == "29700.00"
    assert a["this_month"]["take_home"] == "89700.00"
    assert a["this_month"]["sell_through"] == "0.8"
    assert a["this_month"]["orders_done"] == 1
    # (179.200 − 75.000) / 75.000 = 1,3893; (29.700 − 9.500) / 9.500 = 2,1263; growth 20.200
    assert a["change"] == {
        "earned": "1.3893",
        "net_profit": "2.1263",
        "take_home": "0.8121",  # (89.700 − 49.500) / 49.500
        "sell_through_points": None,
        "orders_done": None,  # none done last month: nothing to compare with
        "net_profit_growth": "20200.00",
    }
    # kue-b: earned 10 × 5.000 = 50.000; net = 50.000 − 10 × 2.700 = 23.000; take-home + 10 × 1.000
    assert (b["this_month"]["net_profit"], b["this_month"]["take_home"]) == ("23000.00", "33000.00")
    assert b["last_month"] is None and b["change"] is None
    assert c["books"] is False and c["months"] == [] and c["this_month"] is None


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("earned", ["kue-a", "kue-b", "jahit-c"]),
        ("growth", ["kue-a", "kue-b", "jahit-c"]),  # kue-b has no last month: after, in the order found
        ("pertumbuhan", ["kue-a", "kue-b", "jahit-c"]),
        ("name", ["jahit-c", "kue-a", "kue-b"]),
        ("sell-through", ["kue-a", "kue-b", "jahit-c"]),  # kue-b sold no titip
    ],
)
def test_sort(kelas: Path, sort: str, order: list[str]) -> None:
    data = monitor_json(str(kelas), "--today", "2026-12-31", "--sort", sort)
    assert [g["group"] for g in data["groups"]] == order


def test_reverse_keeps_groups_without_books_last(kelas: Path) -> None:
    data = monitor_json(str(kelas), "--today", "2026-12-31", "--reverse")
    assert [g["group"] for g in data["groups"]] == ["kue-b", "kue-a", "jahit-c"]


def test_last_month_as_this_month(kelas: Path) -> None:
    data = monitor_json(str(kelas), "--today", "2026-12-31", "--month", "2026-11", "--sort", "name")
    assert data["month"] == "2026-11"
    a = data["groups"][1]
    assert a["this_month"]["net_profit"] == "9500.00" and a["last_month"] is None
    assert data["groups"][2]["months"] == []  # kue-b's books begin in December


def test_run_from_inside_the_class(kelas: Path) -> None:
    data = monitor_json("--today", "2026-12-31", cwd=kelas)
    assert [g["folder"] for g in data["groups"]] == ["kue-a", "kue-b", "jahit-c"]


def test_a_group_named_alone(kelas: Path) -> None:
    data = monitor_json(str(kelas / "kue-b"), "--today", "2026-12-31")
    assert [g["group"] for g in data["groups"]] == ["kue-b"]


def test_a_class_with_no_books_yet(tmp_path: Path) -> None:
    """The shipped class without its books: each group says so, exit 0."""
    kelas = tmp_path / "kelas"
    shutil.copytree(ROOT / "examples" / "kelas", kelas, ignore=shutil.ignore_patterns("books"))
    result = run_cli("monitor", str(kelas), "--today", "2026-12-14", "--lang", "en")
    assert result.code == 0, result.err
    for group in ("jahit-ani", "kue-siti", "roti-rahmah"):
        assert f"{group}: no books yet" in result.out


def test_the_shipped_class_agrees_with_each_groups_book() -> None:
    """Every month of every group of examples/kelas is what `planner book --month` says in the group's
    folder (Roti Rahmah loses December: the oven's repair), and the table is kept as a golden."""
    kelas = ROOT / "examples" / "kelas"
    data = monitor_json(str(kelas), "--today", "2026-12-14")
    assert [g["group"] for g in data["groups"]] == ["kue-siti", "jahit-ani", "roti-rahmah"]  # by net profit
    for group in data["groups"]:
        for month in group["months"]:
            book = run_cli(
                "book", "--month", month["month"], "--today", "2026-12-14", "-f", "json", cwd=kelas / group["group"]
            )
            assert book.code == 0, book.err
            assert month["net_profit"] == json.loads(book.out)["totals"]["net_profit"], (group["group"], month)
    roti = next(g for g in data["groups"] if g["group"] == "roti-rahmah")
    assert roti["months"][-1]["net_profit"].startswith("-")
    table = run_cli("monitor", "examples/kelas", "--today", "2026-12-14", cwd=ROOT)
    assert table.code == 0, table.err
    assert_golden("monitor-kelas.txt", table.out)


def test_the_generated_class(tmp_path: Path) -> None:
    """bench/make_class.py: every group, every month, each month's orders as written."""
    make_class(tmp_path / "kelas", groups=4, months=3, end=date(2026, 12, 1), days=10)
    data = monitor_json(str(tmp_path / "kelas"), "--today", "2026-12-31", "--months", "3")
    assert data["months"] == ["2026-10", "2026-11", "2026-12"]
    assert len(data["groups"]) == 4
    for group in data["groups"]:
        assert [m["orders_done"] for m in group["months"]] == [0, 1, 0]  # one order every other month
        # each visit on day 1, 4, 7, 10 takes back (n + month index + day) % 3 = n % 3 of the 5 roti
        # delivered before (day ≡ 1 mod 3): sell-through (5 − n % 3) / 5
        n = int(group["group"][-2:])
        assert group["this_month"]["sell_through"] == {0: "1", 1: "0.8", 2: "0.6"}[n % 3]


# ---------------------------------------------------------------- every format (golden files)

GOLDENS = [
    ("monitor.txt", []),
    ("monitor-en-explain.txt", ["--lang", "en", "--explain"]),
    ("monitor-growth.json", ["-f", "json", "--sort", "growth"]),
    ("monitor.csv", ["-f", "csv"]),
    ("monitor-en.md", ["-f", "md", "--lang", "en"]),
]


@pytest.mark.parametrize(("name", "args"), GOLDENS, ids=[g[0] for g in GOLDENS])
def test_golden(kelas: Path, name: str, args: list[str]) -> None:
    """December cut at the 14th (a month still going on); jahit-c has no books yet."""
    result = run_cli("monitor", "kelas", "--today", "2026-12-14", *args, cwd=kelas.parent)
    assert result.code == 0, result.err
    assert_golden(name, result.out)


def test_golden_html(kelas: Path) -> None:
    from tests.test_html import without_charts

    result = run_cli("monitor", "kelas", "--today", "2026-12-14", "-f", "html", cwd=kelas.parent)
    assert result.code == 0, result.err
    assert result.out.count('class="pygal-chart"') == 1
    assert_golden("monitor.html", without_charts(result.out))


def test_the_chart_draws_the_first_six_groups(tmp_path: Path) -> None:
    make_class(tmp_path / "kelas", groups=8, months=3, end=date(2026, 12, 1), days=4)
    result = run_cli("monitor", "kelas", "--today", "2026-12-31", "-f", "html", "--lang", "en", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "Net profit month by month: the first 6 groups" in result.out
    assert result.out.count("kelompok-0") == 8 * 2 + 6  # two tables, and the chart's legend


def test_tables_fit_80_columns(kelas: Path) -> None:
    for lang in ("id", "en"):
        result = run_cli("monitor", "kelas", "--today", "2026-12-14", "--lang", lang, cwd=kelas.parent)
        assert max(len(line) for line in result.out.splitlines()) <= 80


def test_each_month_is_the_period_report(tmp_path: Path) -> None:
    """Each month of monitor is what planner book --month says in the group's folder (the same
    period report; monitor hands it only the month's records, which must change nothing)."""
    make_class(tmp_path / "kelas", groups=2, months=4, end=date(2026, 12, 1), days=9)
    data = monitor_json(str(tmp_path / "kelas"), "--today", "2026-12-31", "--months", "4", "--sort", "name")
    for group in data["groups"]:
        for month in group["months"]:
            folder = tmp_path / "kelas" / group["group"]
            result = run_cli("book", "--month", month["month"], "--today", "2026-12-31", "-f", "json", cwd=folder)
            assert result.code == 0, result.err
            totals = json.loads(result.out)["totals"]
            assert (month["earned"], month["net_profit"], month["take_home"]) == (
                totals["earned"],
                totals["net_profit"],
                totals["take_home"],
            )


def test_broken_records_of_two_groups_told_at_once(kelas: Path) -> None:
    broken = '\n[[sold]]\ndate = 2026-12-06\nproduct = "../resep/kue-ubi.toml"\npieces = 2\nprice = 5_000\n'
    with (kelas / "kue-a" / "books" / "2026-12.toml").open("a", encoding="utf-8") as book:
        book.write(broken)
    with (kelas / "kue-b" / "books" / "2026-12.toml").open("a", encoding="utf-8") as book:
        book.write('\n[[made]]\ndate = 2026-12-07\nproduct = "../resep/kue.toml"\npieces = -3\n')
    result = run_cli("monitor", str(kelas), "--today", "2026-12-31", "--lang", "en")
    assert result.code == 1 and result.out == ""
    assert "kue-a/books/2026-12.toml:" in result.err and "kue-b/books/2026-12.toml:" in result.err
    assert "Traceback" not in result.err
    # --keep-going: the report of what is right (the broken records left out), and still exit 1
    going = run_cli("monitor", str(kelas), "--today", "2026-12-31", "-f", "json", "--keep-going")
    assert going.code == 1
    a = next(g for g in json.loads(going.out)["groups"] if g["group"] == "kue-a")
    assert a["this_month"]["earned"] == "179200.00"  # as before: the sale of an unknown product is left out


def test_workspace_pins_the_settings_not_the_books(kelas: Path) -> None:
    """--workspace kelas: every group costed with the class's settings, each from its own books."""
    data = monitor_json(str(kelas), "--today", "2026-12-31", "--workspace", str(kelas))
    b = next(g for g in data["groups"] if g["group"] == "kue-b")
    # the class's wage Rp20.000: HPP 3.700 a piece; net = 50.000 − 10 × 3.700 = 13.000
    assert b["this_month"]["net_profit"] == "13000.00"
    assert len(data["groups"]) == 3


def test_groups_further_down_are_named_by_their_path(kelas: Path) -> None:
    """A folder that only groups others (pagi/, with its own planner.toml) is a layer, not a group."""
    (kelas / "pagi" / "kue-a").mkdir(parents=True)
    (kelas / "pagi" / "planner.toml").write_text("", encoding="utf-8")
    (kelas / "pagi" / "kue-a" / "planner.toml").write_text('business = "Kue A pagi"\n', encoding="utf-8")
    data = monitor_json(str(kelas), "--today", "2026-12-31", "--sort", "name")
    assert [g["group"] for g in data["groups"]] == ["jahit-c", "kue-a", "kue-b", "pagi/kue-a"]


def test_sell_through_changes_in_whole_points() -> None:
    from decimal import Decimal

    from planner.reports.monitor import POINTS_DOWN, POINTS_UP, SAME_POINTS, _points_cell

    # 76,7% against 76,4%: 0,3 points, shown as no change; 60% against 80%: 20 points down
    same, down, up = (_points_cell(Decimal(d)) for d in ("0.003", "-0.2", "0.055"))
    assert same is not None and (same.key, same.params["count"]) == (SAME_POINTS, 0)
    assert down is not None and (down.key, down.params["count"]) == (POINTS_DOWN, 20)
    assert up is not None and (up.key, up.params["count"]) == (POINTS_UP, 6)  # 5,5 points round half up


def test_a_month_going_on_is_compared_with_the_same_days_of_last_month(kelas: Path) -> None:
    with (kelas / "kue-a" / "books" / "2026-11.toml").open("a", encoding="utf-8") as book:
        book.write('\n[[spent]]\ndate = 2026-11-20\nwhat = "gas"\namount = 4_000\n')
    data = monitor_json(str(kelas), "--today", "2026-12-14")
    a = data["groups"][0]
    # 1-14 November: the gas of the 20th not yet spent, net 9.500 as before; the whole of November:
    # 9.500 − 4.000 = 5.500. The change compares 1-14 December with 1-14 November.
    assert (a["last_month"]["to"], a["last_month"]["net_profit"]) == ("2026-11-14", "9500.00")
    assert a["months"][0]["net_profit"] == "5500.00"
    assert a["change"]["net_profit_growth"] == "20200.00"  # 29.700 − 9.500
    whole = monitor_json(str(kelas), "--today", "2026-12-31")["groups"][0]
    assert whole["change"]["net_profit_growth"] == "24200.00"  # 29.700 − 5.500
