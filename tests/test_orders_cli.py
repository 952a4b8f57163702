"""planner orders and the queue a quote joins: hand-worked figures on our own workspace, goldens on
the shipped example books (books/orders/*.toml at --today 2026-12-14).

The workspace: one worker, 8 hours a day, closed on Fridays, a holiday on Wednesday 9 December
2026; today Monday 7 December, so work starts on Tuesday 8 December. The days after it:
Wed 9 holiday, Thu 10, Fri 11 closed, Sat 12, Sun 13, Mon 14, Tue 15.

Work of each product (tests/test_quoting.py): Kue, a batch of 10 pieces in 30 minutes; Rok,
Jahit 60 min + Obras 15 min at efficiency 0,5 = 30 min, so 90 min a garment.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_golden, run_cli
from tests.test_quoting import CATALOG, PATTERN, RECIPE

SETTINGS = """
business = "Dapur & Jahit Bu Ani"
language = "en"
[labor]
wage_per_hour = 30_000
workers = 1
hours_per_day = 8
[pricing]
markup = 0.5
round_to = 1_000
[quote]
rush = 0.25
deposit = 0.5
rush_hours_per_day = 12
[calendar]
closed = ["Friday"]
holidays = [2026-12-09]
"""

BOOK = """
[[orders]]
id = "kenduri"
date = 2026-12-01
customer = "Hj. Salmah"
due = 2026-12-08
make = [ { product = "../kue.toml", pieces = 100 } ]
price = 800_000
payments = [ { date = 2026-12-01, amount = 400_000 }, { date = 2026-12-05, amount = 250_000 } ]

[[orders]]
id = "seragam"
date = 2026-12-02
customer = "SDN 7"
due = 2026-12-12
make = [ { product = "../rok.toml", size = "S", pieces = 20 } ]
price = 2_000_000

[[orders]]
id = "gamis"
date = 2026-12-03
customer = "Bu Rina"
due = 2026-12-10
make = [ { product = "../rok.toml", size = "M", pieces = 1 } ]

[[orders]]
id = "selesai"
date = 2026-11-20
customer = "Pak Amat"
due = 2026-11-28
make = [ { product = "../kue.toml", pieces = 50 } ]
price = 150_000
done = 2026-11-28
"""
TODAY = ("--today", "2026-12-07")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    for name, text in (
        ("planner.toml", SETTINGS),
        ("prices.toml", CATALOG),
        ("rok.toml", PATTERN),
        ("kue.toml", RECIPE),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "2026-12.toml").write_text(BOOK, encoding="utf-8")
    return tmp_path


def json_of(cwd: Path, *args: str) -> dict:
    result = run_cli(*args, "-f", "json", cwd=cwd)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_three_open_orders_on_a_calendar_closed_on_fridays_with_a_holiday(shop):
    data = json_of(shop, "orders", *TODAY)
    orders = {o["id"]: o for o in data["orders"]}
    # the done order is not open; the open ones are worked earliest due first
    assert [o["id"] for o in data["orders"]] == ["kenduri", "gamis", "seragam"]
    # kenduri: 100 pieces = ceil(100 / 10) = 10 batches × 30 min = 300 min = 5 h: Tue 8, 5 of its 8 hours
    assert orders["kenduri"]["hours"] == "5"
    assert orders["kenduri"]["make"] == [{"product": "kue.toml", "size": None, "pieces": 100, "batches": 10}]
    assert (orders["kenduri"]["start"], orders["kenduri"]["finish"], orders["kenduri"]["late_days"]) == (
        "2026-12-08",
        "2026-12-08",
        0,
    )
    # gamis: 1 × 90 min = 1,5 h, still on Tue 8 (5 + 1,5 = 6,5 of 8 hours): due Thu 10, on time
    assert orders["gamis"]["hours"] == "1.5"
    assert (orders["gamis"]["start"], orders["gamis"]["finish"], orders["gamis"]["late_days"]) == (
        "2026-12-08",
        "2026-12-08",
        0,
    )
    # seragam: 20 × 90 min = 30 h: 1,5 h left on Tue 8 (28,5 to go), Wed 9 a holiday, Thu 10 8 h (20,5),
    # Fri 11 closed, Sat 12 8 h (12,5), Sun 13 8 h (4,5), Mon 14 the last 4,5 h: finish Mon 14,
    # due Sat 12: late by 14 − 12 = 2 days
    assert orders["seragam"]["hours"] == "30"
    assert (orders["seragam"]["start"], orders["seragam"]["finish"], orders["seragam"]["late_days"]) == (
        "2026-12-08",
        "2026-12-14",
        2,
    )
    assert data["totals"]["hours"] == "36.5"  # 5 + 1,5 + 30
    assert data["totals"]["late"] == 1


def test_the_late_order_is_told_at_its_due_line(shop):
    result = run_cli("orders", *TODAY, cwd=shop)
    assert result.code == 0, result.err
    # the second [[orders]] starts on line 11 of the book (a blank first line): its due is line 15
    out = " ".join(result.out.split())
    assert "books/2026-12.toml:15: warning: order 'seragam' will be late by 2 days" in out
    assert "late by 2" in result.out.split("What each")[0]


def test_balances_after_two_payments_and_a_price_from_the_quote(shop):
    orders = {o["id"]: o for o in json_of(shop, "orders", *TODAY)["orders"]}
    kenduri = orders["kenduri"]
    # agreed 800.000; paid 400.000 + 250.000 = 650.000; still owed 800.000 − 650.000 = 150.000
    assert (kenduri["price"], kenduri["price_from"], kenduri["deposit"]) == ("800000.00", "agreed", "400000.00")
    assert (kenduri["paid"], kenduri["balance"]) == ("650000.00", "150000.00")
    # gamis has no price: the quote's, a Rok M: fabric 1,2 m × 1,1 = 1,32 m bought as 1,5 m (steps of
    # 0,5 m) × 40.000 = 60.000; 2 kancing × 500 = 1.000; 1,5 h × 30.000 = 45.000; bordir 4.000:
    # HPP 110.000 × 1,5 = 165.000 (a multiple of 1.000)
    gamis = orders["gamis"]
    assert (gamis["price"], gamis["price_from"], gamis["paid"], gamis["balance"]) == (
        "165000.00",
        "quoted",
        "0.00",
        "165000.00",
    )


def test_payments_above_the_price_are_a_warning_at_the_payment(shop):
    (shop / "books" / "2026-12.toml").write_text(BOOK.replace("amount = 250_000", "amount = 450_000"), encoding="utf-8")
    result = run_cli("orders", *TODAY, cwd=shop)
    assert result.code == 0, result.err
    # 400.000 + 450.000 = 850.000 > 800.000: told at the second payment (line 9), the balance is 0
    out = " ".join(result.out.split())
    assert "books/2026-12.toml:9: warning: the payments come to Rp850.000, more than the price of" in out
    kenduri = json_of(shop, "orders", *TODAY)["orders"][0]
    assert kenduri["balance"] == "0.00"


def test_the_work_list_day_by_day(shop):
    result = run_cli("orders", *TODAY, "-f", "text", cwd=shop)
    assert result.code == 0, result.err
    days = [line for line in result.out.splitlines() if line.endswith(":")]
    # the working days of the queue: Tue 8, Thu 10, Sat 12, Sun 13, Mon 14 (Wed 9 holiday, Fri 11 closed)
    assert days == [f"December {d}, 2026:" for d in (8, 10, 12, 13, 14)]
    assert "- seragam (SDN 7): 4,5 h, 20 Rok (S 20) — finish, due December 12, 2026" in result.out
    assert "Still to be paid by the customers: Rp2.315.000" in result.out  # 150.000 + 165.000 + 2.000.000


def test_a_quote_joins_the_queue_and_its_due_is_met_only_with_rush(shop):
    args = ("quote", "kue.toml", "--pieces", "100", *TODAY, "--due", "2026-12-14")
    data = json_of(shop, *args)
    # 36,5 h of open orders first; they end on Mon 14 after 4,5 h, leaving 3,5 h of it: the kue's 5 h
    # go 3,5 h on Mon 14 and 1,5 h on Tue 15 — late by 1 day at the normal pace
    assert (data["queue_hours"], data["ready"], data["due_met"], data["late_days"]) == ("36.5", "2026-12-15", "rush", 1)
    # rushed it works 12 h a day: the 3,5/8 of Mon 14 left hold 3,5/8 × 12 = 5,25 h ≥ 5 h: ready Mon 14
    rushed = json_of(shop, *args, "--rush")
    assert (rushed["ready"], rushed["due_met"], rushed["late_days"]) == ("2026-12-14", "rush", 0)
    # 100 × 3.000 (HPP 1.550 a piece × 1,5 = 2.325, rounded up to 3.000) = 300.000; rush 25% = 75.000
    assert (rushed["subtotal"], rushed["rush"], rushed["total"]) == ("300000.00", "75000.00", "375000.00")


def test_a_quote_with_an_earlier_due_goes_before_the_later_orders(shop):
    data = json_of(shop, "quote", "rok.toml", "--size", "M", "--qty", "2", *TODAY, "--due", "2026-12-11")
    # due Fri 11: after kenduri (8) and gamis (10), before seragam (12): 5 + 1,5 = 6,5 h ahead,
    # its 3 h go 1,5 h on Tue 8 and 1,5 h on Thu 10
    assert (data["queue_hours"], data["ready"], data["due_met"]) == ("6.5", "2026-12-10", "normal")


def test_a_quote_without_a_due_date_waits_for_every_open_order(shop):
    data = json_of(shop, "quote", "rok.toml", "--size", "M", "--qty", "1", *TODAY)
    # 36,5 h first (ending Mon 14 with 3,5 h left), then its 1,5 h: ready Mon 14
    assert (data["queue_hours"], data["ready"]) == ("36.5", "2026-12-14")


def test_quote_save_takes_the_order(shop):
    args = ("quote", "rok.toml", "--sizes", "S=2,M=1", *TODAY, "--due", "2026-12-20", "--customer", "Bu Sari")
    result = run_cli(*args, "--save", "rok-bu-sari", "--deposit-paid", "-f", "json", cwd=shop)
    assert result.code == 0, result.err
    quoted = json.loads(result.out)
    saved = shop / "books" / "orders" / "rok-bu-sari.toml"
    assert "Saved the order as books/orders/rok-bu-sari.toml" in result.err
    text = saved.read_text(encoding="utf-8")
    assert 'product = "../../rok.toml", size = "S", pieces = 2' in text
    assert f"price = {int(float(quoted['total']))}" in text
    assert f"amount = {int(float(quoted['deposit']))}" in text
    assert run_cli("check", str(saved), *TODAY, cwd=shop).code == 0
    orders = {o["id"]: o for o in json_of(shop, "orders", *TODAY)["orders"]}
    mine = orders["rok-bu-sari"]
    assert (mine["customer"], mine["due"], mine["price"], mine["paid"]) == (
        "Bu Sari",
        "2026-12-20",
        quoted["total"],
        quoted["deposit"],
    )
    assert mine["finish"] == quoted["ready"]  # the order is worked where the quote said


def test_quote_save_refuses_an_existing_order(shop):
    args = ("quote", "rok.toml", "--size", "M", "--qty", "1", *TODAY, "--customer", "Bu Sari")
    assert run_cli(*args, "--save", "baru", cwd=shop).code == 0
    again = run_cli(*args, "--save", "baru", cwd=shop)
    assert again.code == 1
    assert "order id 'baru' is already used in books/orders/baru.toml" in again.err
    taken = run_cli(*args, "--save", "kenduri", cwd=shop)
    assert taken.code == 1
    assert "order id 'kenduri' is already used in books/2026-12.toml" in taken.err


def test_without_open_orders_the_list_says_so(shop):
    (shop / "books" / "2026-12.toml").write_text("", encoding="utf-8")
    result = run_cli("orders", *TODAY, "-f", "text", cwd=shop)
    assert result.code == 0, result.err
    assert "No open orders." in result.out


def test_two_hundred_open_orders_are_listed(shop):
    lines = [BOOK]
    for n in range(200):
        lines.append(
            f'[[orders]]\nid = "o{n}"\ndate = 2026-12-01\ncustomer = "C{n}"\ndue = 2027-01-{1 + n % 28:02d}\n'
            f'make = [ {{ product = "../rok.toml", size = "M", pieces = {1 + n % 3} }} ]\n'
        )
    (shop / "books" / "2026-12.toml").write_text("\n".join(lines), encoding="utf-8")
    data = json_of(shop, "orders", *TODAY)
    assert len(data["orders"]) == 203


# ---- goldens: the shipped example books


@pytest.fixture
def example(tmp_path: Path) -> Path:
    for name in ("recipes", "patterns", "books"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


EXAMPLE = ("orders", "--today", "2026-12-14")


@pytest.mark.parametrize(
    "name, args",
    [
        ("orders.txt", ()),
        ("orders-en.txt", ("--lang", "en")),
        ("orders.json", ("-f", "json")),
        ("orders.csv", ("-f", "csv")),
        ("orders.md", ("-f", "md")),
        ("orders.html", ("-f", "html", "--lang", "en")),
        ("orders-text.txt", ("-f", "text")),
        ("orders-text-en.txt", ("-f", "text", "--lang", "en")),
    ],
)
def test_golden_orders(example, name, args):
    result = run_cli(*EXAMPLE, *args, cwd=example)
    assert result.code == 0, result.err
    assert_golden(name, result.out)


def test_help_has_an_example():
    result = run_cli("orders", "--help")
    assert result.code == 0
    assert "planner orders --today" in result.out


def test_the_customer_text_counts_the_wait_behind_the_open_orders(shop):
    result = run_cli(
        "quote", "rok.toml", "--size", "M", "--qty", "1", *TODAY, "--customer", "Bu Sari", "-f", "text", cwd=shop
    )
    assert result.code == 0, result.err
    # ready Mon 14 behind 36,5 h of open orders: the working days after Mon 7 are Tue 8, Thu 10, Sat 12,
    # Sun 13, Mon 14 (Wed 9 a holiday, Fri 11 closed) = 5
    assert result.out.splitlines()[-1] == "Ready: December 14, 2026 (5 working days)"
    assert "HPP" not in result.out and "110.000" not in result.out  # the HPP of a Rok M is Rp110.000
    assert "rok.toml" not in result.out and "kenduri" not in result.out  # no paths, no other customers


def test_the_maker_sees_the_orders_ahead(shop):
    result = run_cli("quote", "rok.toml", "--size", "M", "--qty", "1", *TODAY, "--for", "maker", cwd=shop)
    assert result.code == 0, result.err
    assert "Open orders first │ 3 orders, 36,5 hours of work" in result.out
