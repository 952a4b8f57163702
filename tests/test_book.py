"""The book worked by hand: a shop's account over three visits, a month's period report, a shop with
a commission of its own (the arithmetic is in the comments; every figure to the rupiah)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

SETTINGS = """\
language = "en"
working_days = 25

[labor]
wage_per_hour = 30_000

[pricing]
markup = 0.40
round_to = 500

[[channels]]
name = "langsung"
[[channels]]
name = "titip"
commission = 0.20
sell_through = 0.85

[[equipment]]
name = "oven"
price = 1_800_000
life_months = 36
[[equipment]]
name = "kulkas"
price = 360_000
life_months = 24
shared = true
[[equipment]]
name = "mesin-jahit"
price = 2_400_000
life_months = 60

[[shops]]
name = "Warung Acil"
[[shops]]
name = "Warung Julak"
commission = 0.15

[[members]]
name = "Siti"
"""
CATALOG = """\
[tepung]
pack = "1 kg"
price = 18_750

[gula]
pack = "1 kg"
price = 55_000
"""
# kue: 1 kg tepung 18.750 + 60 min × 30.000 an hour = 48.750 a batch of 10: HPP 4.875, labour 3.000 a piece
KUE = """\
name = "Kue"
[batch]
pieces = 10
minutes = 60
equipment = "oven"
[[ingredients]]
item = "tepung"
qty = "1 kg"
"""
# roti: 1 kg gula 55.000, no minutes: HPP 5.500 a piece
ROTI = """\
name = "Roti"
[batch]
pieces = 10
minutes = 0
[[ingredients]]
item = "gula"
qty = "1 kg"
"""


def workspace(folder: Path, *books: tuple[str, str]) -> Path:
    (folder / "recipes").mkdir(parents=True)
    (folder / "books").mkdir()
    (folder / "planner.toml").write_text(SETTINGS, encoding="utf-8")
    (folder / "prices.toml").write_text(CATALOG, encoding="utf-8")
    (folder / "recipes" / "kue.toml").write_text(KUE, encoding="utf-8")
    (folder / "recipes" / "roti.toml").write_text(ROTI, encoding="utf-8")
    for name, text in books:
        (folder / "books" / name).write_text(text, encoding="utf-8")
    return folder


def visit(day: str, shop: str, product: str, **counts: int) -> str:
    lines = ["[[titip]]", f"date = {day}", f'shop = "{shop}"', f'product = "../recipes/{product}.toml"']
    lines += [f"{key} = {value}" for key, value in counts.items()]
    return "\n".join(lines) + "\n\n"


def titip_json(folder: Path, *args: str) -> dict:
    result = run_cli("titip", "--today", "2026-12-31", "-f", "json", *args, cwd=folder)
    assert result.code == 0, result.err
    return json.loads(result.out)


# ---------------------------------------------------------------- a shop with three visits


THREE_VISITS = (
    visit("2026-12-01", "Warung Acil", "kue", delivered=20)
    + visit("2026-12-03", "Warung Acil", "kue", sold=12, returned=3, delivered=10)
    + visit("2026-12-05", "Warung Acil", "kue", sold=9, returned=2, paid=38_400)
)


def test_a_shop_with_three_visits_owes_what_it_sold_less_what_it_paid(tmp_path: Path) -> None:
    data = titip_json(workspace(tmp_path, ("2026-12.toml", THREE_VISITS)))
    (acil,) = data["shops"]
    (kue,) = acil["products"]
    # shelf price on titip: 4.875 / 0.85 × 1.4 = 8.029,41; / (1 − 20%) = 10.036,76 → 10.500
    assert kue["price"] == "10500.00"
    # on the shelf: 20 + 10 delivered − (12 + 9) sold − (3 + 2) returned = 4
    assert (kue["delivered"], kue["sold"], kue["returned"], kue["on_shelf"]) == (30, 21, 5, 4)
    # earned: 21 × 10.500 × (1 − 20%) = 21 × 8.400 = 176.400; owed = 176.400 − 38.400 = 138.000
    assert (acil["earned"], acil["paid"], acil["owed"]) == ("176400.00", "38400.00", "138000.00")
    # measured sell-through: 21 / (21 + 5) = 0,8077, against the channel's 85%
    assert (acil["sell_through"], acil["assumed_sell_through"]) == ("0.8077", "0.85")
    assert (acil["commission"], acil["last_visit"]) == ("0.2", "2026-12-05")


def test_the_account_up_to_a_day_counts_the_visits_up_to_it(tmp_path: Path) -> None:
    data = titip_json(workspace(tmp_path, ("2026-12.toml", THREE_VISITS)), "--to", "2026-12-03")
    (kue,) = data["shops"][0]["products"]
    # 20 + 10 − 12 − 3 = 15 on the shelf; 12 × 8.400 = 100.800 earned, nothing paid yet
    assert (kue["on_shelf"], kue["earned"], data["shops"][0]["owed"]) == (15, "100800.00", "100800.00")


def test_the_settlement_note_tells_the_shop_what_it_owes(tmp_path: Path) -> None:
    folder = workspace(tmp_path, ("2026-12.toml", THREE_VISITS))
    result = run_cli("titip", "--today", "2026-12-31", "-f", "text", cwd=folder)
    assert result.code == 0, result.err
    assert result.out == (
        "Consignment at Warung Acil, up to December 31, 2026\n"
        "Kue: delivered 30, sold 21, returned 5, on the shelf 4\n"
        "- 21 × Rp10.500 × (1 − 20%) = Rp176.400\n"
        "Earned in all: Rp176.400\n"
        "Paid so far: Rp38.400\n"
        "Still to be paid: Rp138.000\n"
    )


# ---------------------------------------------------------------- a shop with a commission of its own


OWN_COMMISSION = (
    visit("2026-12-01", "Warung Julak", "roti", delivered=10)
    + visit("2026-12-04", "Warung Julak", "roti", sold=8, returned=2, delivered=10, paid=74_800)
    + visit("2026-12-06", "Warung Julak", "roti", sold=5, price=10_000)
)


def test_a_shop_with_its_own_commission_prices_and_earns_with_it(tmp_path: Path) -> None:
    data = titip_json(workspace(tmp_path, ("2026-12.toml", OWN_COMMISSION)))
    (julak,) = data["shops"]
    (roti,) = julak["products"]
    assert (julak["channel"], julak["commission"]) == ("titip", "0.15")
    # shelf price: 5.500 / 0.85 × 1.4 = 9.058,82; / (1 − 15%) = 10.657,44 → 11.000 (20%: 11.323,53 → 11.500)
    # earned: 8 × 11.000 × 0.85 = 74.800 at the planner's price, 5 × 10.000 × 0.85 = 42.500 at the visit's own
    assert roti["earned"] == "117300.00"
    assert roti["price"] == "10000.00"  # the price of the last pieces sold
    # owed: 117.300 − 74.800 = 42.500; on the shelf 10 + 10 − 13 − 2 = 5
    assert (julak["owed"], roti["on_shelf"]) == ("42500.00", 5)


def test_an_overpayment_is_shown_as_such(tmp_path: Path) -> None:
    book = visit("2026-12-01", "Warung Acil", "kue", delivered=5) + visit(
        "2026-12-02", "Warung Acil", "kue", sold=5, paid=50_000
    )
    folder = workspace(tmp_path, ("2026-12.toml", book))
    # earned 5 × 8.400 = 42.000; paid 50.000: owed −8.000
    assert titip_json(folder)["shops"][0]["owed"] == "-8000.00"
    text = run_cli("titip", "--today", "2026-12-31", "-f", "text", cwd=folder).out
    assert "Paid too much: Rp8.000 (we owe you)" in text


# ---------------------------------------------------------------- a month


MONTH = (
    """\
[[capital]]
date = 2026-10-31
member = "Siti"
amount = 100_000

[[bought]]
date = 2026-10-30
item = "tepung"
qty = "1 kg"
paid = 20_000

[[bought]]
date = 2026-11-01
item = "tepung"
qty = "6000 g"
paid = 115_000

[[made]]
date = 2026-11-02
product = "../recipes/kue.toml"
pieces = 40

[[made]]
date = 2026-11-16
product = "../recipes/kue.toml"
pieces = 20

[[sold]]
date = 2026-11-02
product = "../recipes/kue.toml"
pieces = 25
price = 7_000

[[sold]]
date = 2026-11-16
product = "../recipes/kue.toml"
pieces = 15
price = 7_000

[[spent]]
date = 2026-11-20
what = "listrik"
amount = 50_000

"""
    + visit("2026-11-02", "Warung Acil", "kue", delivered=10)
    + visit("2026-11-09", "Warung Acil", "kue", sold=7, returned=1)
    + visit("2026-11-16", "Warung Acil", "kue", delivered=5, paid=58_800)
)


def book_json(folder: Path, *args: str) -> dict:
    result = run_cli("book", "--today", "2026-12-31", "-f", "json", *args, cwd=folder)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_a_month_of_home_sales_titip_purchases_a_cost_and_depreciation(tmp_path: Path) -> None:
    data = book_json(workspace(tmp_path, ("2026-11.toml", MONTH)), "--month", "2026-11")
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-30", "days": 30}
    (kue,) = data["products"]
    # made 40 + 20 = 60; sold at home 25 + 15 = 40 and at the shop 7; returned 1; on the shelf 10 − 7 − 1 + 5 = 7
    assert (kue["made"], kue["sold"], kue["returned"], kue["on_shelf"]) == (
        60,
        {"langsung": 40, "Warung Acil": 7},
        1,
        7,
    )
    # unsold = 60 made − 47 sold − 7 more on shelves = 6, at HPP 4.875 = 29.250
    assert (kue["unsold"], kue["unsold_value"]) == (6, "29250.00")
    totals = data["totals"]
    # earned = 40 × 7.000 + 7 × 10.500 × (1 − 20%) = 280.000 + 58.800 = 338.800
    assert totals["earned"] == "338800.00"
    # HPP of the pieces made = 60 × 4.875 = 292.500; 7 on shelves are stock: gross = 338.800 − 53 × 4.875 = 80.425
    assert (totals["hpp_made"], totals["stock"], totals["gross_profit"]) == ("292500.00", "34125.00", "80425.00")
    # period costs: listrik 50.000 + oven 1.800.000 / 36 / 30 × 30 = 50.000 + kulkas (shared) 360.000 / 24 = 15.000;
    # the sewing machine is used by no product of the month: not counted
    assert [d["equipment"] for d in data["costs"]["depreciation"]] == ["oven", "kulkas"]
    assert (totals["depreciation"], totals["period_costs"]) == ("65000.00", "115000.00")
    # net = 80.425 − 115.000 = −34.575; your pay = 60 × 3.000 = 180.000; take-home = 180.000 − 34.575 = 145.425
    assert (totals["net_profit"], totals["labour_paid"], totals["take_home"]) == ("-34575.00", "180000.00", "145425.00")
    # cash: before the month 100.000 put in − 20.000 bought = 80.000; in 280.000 + 58.800; out 115.000 + 50.000
    cash = data["cash"]
    assert (cash["opening"], cash["in"], cash["out"], cash["closing"]) == (
        "80000.00",
        "338800.00",
        "165000.00",
        "253800.00",
    )


def test_planned_against_real(tmp_path: Path) -> None:
    data = book_json(workspace(tmp_path, ("2026-11.toml", MONTH)), "--month", "2026-11")
    checks = {(c["what"], c["channel"]): (c["planned"], c["real"]) for c in data["checks"]}
    # at home: planned 4.875 × 1.4 = 6.825 → 7.000, charged 7.000; at the shop 10.500 both
    assert checks["price", "langsung"] == ("7000.00", "7000.00")
    assert checks["price", "Warung Acil"] == ("10500.00", "10500.00")
    # sell-through at the shop: 7 / (7 + 1) = 87,5%
    assert checks["sell_through", "Warung Acil"] == ("0.85", "0.875")
    # bought 115.000 in the month; the 60 pieces used 6 kg of tepung at 18.750 = 112.500
    assert checks["bought", None] == ("112500.00", "115000.00")
    (tepung,) = data["items"]
    assert tepung["bought"] == tepung["used"] == {"amount": "6", "unit": "kg"}


def test_prices_from_the_book_cost_the_latest_purchase(tmp_path: Path) -> None:
    data = book_json(workspace(tmp_path, ("2026-11.toml", MONTH)), "--month", "2026-11", "--prices-from-book")
    # the latest tepung: 115.000 for 6 kg = 19.166,67 a kg; HPP (19.166,67 + 30.000) / 10 = 4.916,67
    assert data["products"][0]["unit_cost"] == "4916.67"
    # the shop's price stays the catalog's (what it was sold at): earned is the same 338.800
    assert data["totals"]["earned"] == "338800.00"


def test_two_weeks_of_orders_handed_over_are_sales(tmp_path: Path) -> None:
    order = """\
[[orders]]
id = "kenduri"
date = 2026-11-20
customer = "Haji Ali"
due = 2026-11-28
make = [ { product = "../recipes/kue.toml", pieces = 30 }, { product = "../recipes/roti.toml", pieces = 10 } ]
price = 300_000
payments = [ { date = 2026-11-20, amount = 100_000 }, { date = 2026-11-28, amount = 200_000 } ]
done = 2026-11-28
"""
    data = book_json(workspace(tmp_path, ("2026-11.toml", order)), "--month", "2026-11")
    kue, roti = data["products"]
    # the price is shared by the lines' worth at the direct price: kue 30 × 7.000 (4.875 × 1.4 = 6.825 → 7.000)
    # = 210.000, roti 10 × 8.000 (5.500 × 1.4 = 7.700 → 8.000) = 80.000; kue earns 300.000 × 210.000 / 290.000
    # = 217.241,38 and roti 300.000 × 80.000 / 290.000 = 82.758,62
    assert (kue["sold"], kue["earned"]) == ({"orders": 30}, "217241.38")
    assert (roti["sold"], roti["earned"]) == ({"orders": 10}, "82758.62")
    assert data["cash"]["ins"]["orders"] == "300000.00"
    # nothing was recorded as made: 30 more sold than made, told in a note
    assert kue["unsold"] == -30


def test_a_week_and_dates_from_to(tmp_path: Path) -> None:
    folder = workspace(tmp_path, ("2026-11.toml", MONTH))
    week = book_json(folder, "--week", "2026-W47")  # Monday 16 to Sunday 22 November
    assert week["period"] == {"from": "2026-11-16", "to": "2026-11-22", "days": 7}
    # made 20, sold 15 at home; the visit of the 16th delivers 5: on the shelf 2 before, 7 after
    (kue,) = week["products"]
    assert (kue["made"], kue["sold"], kue["on_shelf_before"], kue["on_shelf"]) == (20, {"langsung": 15}, 2, 7)
    days = book_json(folder, "--from", "2026-11-01", "--to", "2026-11-15")
    assert days["products"][0]["made"] == 40
    assert days["totals"]["depreciation"] == "32500.00"  # (50.000 + 15.000) / 30 × 15 days
