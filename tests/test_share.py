"""planner share: the group's profit kept and shared by capital-days and by hours (docs/share.md).

Every figure is worked out by hand in the comments, from the files written here: one recipe with
HPP Rp1.000 a piece (1 kg gula at Rp10.000 makes 10, no labour, no equipment)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.book.ledger import Entry, Period
from planner.book.records import Capital, Worked
from planner.book.share import member_shares, share
from planner.booksettings import Group
from planner.money import largest_remainder
from tests.conftest import ROOT, assert_golden, run_cli

TODAY = ("--today", "2026-12-14")

FILES = {
    "books/2026-11.toml": """[[capital]]
date = 2026-11-01
member = "Siti"
amount = 100_000

[[capital]]
date = 2026-11-11
member = "Rina"
amount = 50_000

[[capital]]
date = 2026-11-21
member = "Wati"
amount = 150_000

[[capital]]
date = 2026-11-26
member = "Rina"
amount = -20_000

[[made]]
date = 2026-11-02
product = "../kue.toml"
pieces = 100

[[sold]]
date = 2026-11-02
product = "../kue.toml"
pieces = 100
price = 3_000

[[spent]]
date = 2026-11-30
what = "listrik"
amount = 19_999

[[worked]]
date = 2026-11-02
member = "Siti"
hours = 10

[[worked]]
date = 2026-11-02
member = "Rina"
hours = 7

[[worked]]
date = 2026-11-03
member = "Wati"
hours = 4
""",
    "books/2026-12.toml": """[[made]]
date = 2026-12-01
product = "../kue.toml"
pieces = 20

[[sold]]
date = 2026-12-01
product = "../kue.toml"
pieces = 5
price = 3_000

[[spent]]
date = 2026-12-10
what = "listrik"
amount = 10_000

[[worked]]
date = 2026-12-01
member = "Siti"
hours = 3
""",
    "kue.toml": """name = "Kue gula"
[batch]
pieces = 10
minutes = 0
[[ingredients]]
item = "gula-pasir"
qty = "1 kg"
""",
    "planner.toml": """business = "Kelompok Uji"
currency = "IDR"
locale = "id_ID"
[labor]
wage_per_hour = 0
[pricing]
markup = 0.5
round_to = 500
[[channels]]
name = "langsung"
[[members]]
name = "Siti"
[[members]]
name = "Rina"
[[members]]
name = "Wati"
[group]
reserve = 0.25
by_capital = 0.40
by_work = 0.60
""",
    "prices.toml": """[gula-pasir]
pack = "1 kg"
price = 10_000
""",
}


@pytest.fixture
def group(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def shared(folder: Path, *args: str) -> dict:
    result = run_cli("share", *args, *TODAY, "-f", "json", cwd=folder)
    assert result.code == 0, result.err
    data: dict = json.loads(result.out)
    return data


def test_three_members_with_capital_in_on_different_days_and_different_hours(group: Path):
    data = shared(group, "--month", "2026-11")
    # net profit: earned 100 × Rp3.000 = 300.000; HPP 100 × Rp1.000 = 100.000; listrik 19.999
    #   net = 300.000 − 100.000 − 19.999 = 180.001
    assert data["net_profit"] == "180001.00"
    # reserve 25% × 180.001 = 45.000,25 → 45.000; shared 180.001 − 45.000 = 135.001
    assert (data["reserve"], data["shared"]) == ("45000.00", "135001.00")
    # by capital 40% × 135.001 = 54.000,4 → 54.000; by work 135.001 − 54.000 = 81.001
    assert (data["by_capital"], data["by_work"]) == ("54000.00", "81001.00")
    # capital-days to 30 November: Siti 100.000 × 30 (from 1 Nov) = 3.000.000
    #   Rina 50.000 × 20 (from 11 Nov) − 20.000 × 5 (from 26 Nov) = 900.000; Wati 150.000 × 10 (from 21 Nov)
    #   = 1.500.000; total 5.400.000
    members = {m["member"]: m for m in data["members"]}
    assert [members[n]["capital_days"] for n in ("Siti", "Rina", "Wati")] == ["3000000", "900000", "1500000"]
    assert [members[n]["capital"] for n in ("Siti", "Rina", "Wati")] == ["100000.00", "30000.00", "150000.00"]
    assert (members["Rina"]["put_in"], members["Rina"]["taken_out"]) == ("50000.00", "20000.00")
    # by capital: 54.000 × 3.000.000 / 5.400.000 = 30.000; × 900.000 / … = 9.000; × 1.500.000 / … = 15.000
    assert [members[n]["by_capital"] for n in ("Siti", "Rina", "Wati")] == ["30000.00", "9000.00", "15000.00"]
    # by work, 21 hours: 81.001 × 10/21 = 38.571,90; × 7/21 = 27.000,33; × 4/21 = 15.428,76
    #   rounded down 38.571 + 27.000 + 15.428 = 80.999: the 2 rupiah left go to the largest remainders
    #   (Siti ,90 and Wati ,76): 38.572, 27.000, 15.429
    assert [members[n]["by_work"] for n in ("Siti", "Rina", "Wati")] == ["38572.00", "27000.00", "15429.00"]
    # totals: 68.572 + 36.000 + 30.429 = 135.001, the amount shared, to the rupiah
    assert [members[n]["total"] for n in ("Siti", "Rina", "Wati")] == ["68572.00", "36000.00", "30429.00"]


def test_the_net_profit_is_the_period_report_s(group: Path):
    book = run_cli("book", "--month", "2026-11", *TODAY, "-f", "json", cwd=group)
    assert shared(group, "--month", "2026-11")["net_profit"] == json.loads(book.out)["totals"]["net_profit"]


def test_a_loss_month_shares_nothing_and_shows_each_member_s_capital(group: Path):
    data = shared(group, "--month", "2026-12")
    # earned 5 × 3.000 = 15.000; HPP of the 20 made 20.000; listrik 10.000: net 15.000 − 20.000 − 10.000 = −15.000
    assert (data["net_profit"], data["loss"]) == ("-15000.00", True)
    assert (data["reserve"], data["shared"]) == ("0.00", "0.00")
    # capital carried into December: Siti 100.000, Rina 50.000 − 20.000 = 30.000, Wati 150.000
    assert [(m["opening"], m["capital"], m["total"]) for m in data["members"]] == [
        ("100000.00", "100000.00", "0.00"),
        ("30000.00", "30000.00", "0.00"),
        ("150000.00", "150000.00", "0.00"),
    ]
    text = run_cli("share", "--month", "2026-12", *TODAY, "-f", "text", "--lang", "en", cwd=group).out
    assert "Loss: Rp15.000. Nothing is shared out this time." in text


def test_the_chat_text_gives_one_line_per_member(group: Path):
    result = run_cli("share", "--month", "2026-11", *TODAY, "-f", "text", cwd=group)
    assert result.out.splitlines()[1:] == [
        "Laba bersih: Rp180.001",
        "Dana cadangan (25%): Rp45.000",
        "Dibagikan: Rp135.001",
        "- Siti: Rp68.572 (jasa modal Rp30.000, jasa kerja Rp38.572)",
        "- Rina: Rp36.000 (jasa modal Rp9.000, jasa kerja Rp27.000)",
        "- Wati: Rp30.429 (jasa modal Rp15.000, jasa kerja Rp15.429)",
    ]


def test_nobody_with_capital_gives_the_capital_share_to_the_work(group: Path):
    book = group / "books" / "2026-11.toml"
    book.write_text(book.read_text(encoding="utf-8").split("[[made]]", 1)[1].join(["[[made]]", ""]), encoding="utf-8")
    data = shared(group, "--month", "2026-11")
    # no capital: all of 135.001 by work over 21 hours: 64.286,19, 45.000,33, 25.714,48
    #   rounded down 64.286 + 45.000 + 25.714 = 135.000; the 1 left to Wati (,48): 25.715
    assert (data["by_capital"], data["by_work"]) == ("0.00", "135001.00")
    assert [m["total"] for m in data["members"]] == ["64286.00", "45000.00", "25715.00"]


# ---------------------------------------------------------------- the core


def test_largest_remainder_gives_the_unit_left_to_the_first_of_equal_remainders():
    # 100 in three equal parts: 33,33 each; rounded down 99; the 1 left goes to the first
    assert largest_remainder(Decimal(100), [Decimal(1)] * 3, 0) == [34, 33, 33]
    # 10,00 by 1 : 2 : 3 at two places: 1,666…, 3,333…, 5,00 → 1,66 + 3,33 + 5,00 = 9,99; 0,01 to the ,666…
    assert largest_remainder(Decimal(10), [Decimal(1), Decimal(2), Decimal(3)], 2) == [
        Decimal("1.67"),
        Decimal("3.33"),
        Decimal("5.00"),
    ]


def capital(day: date, member: str, amount: int) -> Entry[Capital]:
    record = Capital.model_validate({"date": day, "member": member, "amount": amount}, context={"places": 0})
    return Entry(record, "capital", "b.toml", 0)


def worked(day: date, member: str, hours: Decimal) -> Entry[Worked]:
    record = Worked.model_validate({"date": day, "member": member, "hours": hours}, context={"places": 0})
    return Entry(record, "worked", "b.toml", 0)


NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_capital_put_in_before_the_period_counts_every_day_of_it():
    # 80.000 put in on 15 October: held all 30 days of November = 2.400.000; taken out 30.000 on
    # 30 November: −30.000 × 1 day; balance 50.000
    entries = [capital(date(2026, 10, 15), "Siti", 80_000), capital(date(2026, 11, 30), "Siti", -30_000)]
    (siti,) = member_shares(["Siti"], entries, [], NOVEMBER)
    assert (siti.opening, siti.taken_out, siti.capital) == (80_000, 30_000, 50_000)
    assert siti.capital_days == 80_000 * 30 - 30_000 * 1


MEMBERS = ("Siti", "Rina", "Wati", "Ani", "Nur")


@st.composite
def groups(draw: st.DrawFn) -> tuple[list[str], list[Entry[Capital]], list[Entry[Worked]]]:
    """Members with deposits and withdrawals (never beyond the balance) and hours, in November."""
    names = list(MEMBERS[: draw(st.integers(1, 5))])
    entries, hours = [], []
    for name in names:
        held = 0
        for day in sorted(draw(st.lists(st.integers(1, 30), max_size=4))):
            amount = draw(st.integers(-held, 500_000).filter(lambda a: a != 0))
            held += amount
            entries.append(capital(date(2026, 11, day), name, amount))
        for day in draw(st.lists(st.integers(1, 30), max_size=3)):
            hours.append(worked(date(2026, 11, day), name, Decimal(draw(st.integers(1, 24))) / 2))
    return names, entries, hours


shares = st.integers(0, 100).map(lambda n: Decimal(n) / 100)


@settings(max_examples=200, deadline=None)
@given(groups(), st.integers(-(10**8), 10**9).map(lambda n: Decimal(n) / 100), shares, shares)
def test_the_shares_add_up_to_what_is_shared_exactly_and_are_never_negative(
    members: tuple[list[str], list[Entry[Capital]], list[Entry[Worked]]],
    net: Decimal,
    reserve: Decimal,
    by_capital: Decimal,
) -> None:
    names, entries, hours = members
    found = member_shares(names, entries, hours, NOVEMBER)
    if net.quantize(Decimal(1)) > 0 and not any(m.capital_days for m in found) and not any(m.hours for m in found):
        return  # nobody to share with: an error (tested through the command line)
    group = Group.model_validate({"reserve": reserve, "by_capital": by_capital, "by_work": 1 - by_capital})
    s = share(found, group, net, NOVEMBER, 0)
    assert all(m.capital_days >= 0 and m.by_capital >= 0 and m.by_work >= 0 for m in s.members)
    assert sum(m.total for m in s.members) == s.shared
    assert sum(m.by_capital for m in s.members) == s.by_capital
    assert all(m.total == m.total.to_integral_value() for m in s.members)
    if s.loss:
        assert s.shared == s.reserve == 0
    else:
        assert s.reserve + s.shared == net.quantize(Decimal(1), rounding="ROUND_HALF_UP")


# ---------------------------------------------------------------- the shipped class example, every format

KELAS = ROOT / "examples" / "kelas"
GOLDENS = [
    ("share-kue-siti-2026-11.txt", "kue-siti", ("--month", "2026-11")),
    ("share-kue-siti-2026-11-explain-en.txt", "kue-siti", ("--month", "2026-11", "--explain", "--lang", "en")),
    ("share-kue-siti-2026-11.json", "kue-siti", ("--month", "2026-11", "-f", "json")),
    ("share-kue-siti-2026-11.csv", "kue-siti", ("--month", "2026-11", "-f", "csv")),
    ("share-kue-siti-2026-11.md", "kue-siti", ("--month", "2026-11", "-f", "md")),
    ("share-kue-siti-2026-11.html", "kue-siti", ("--month", "2026-11", "-f", "html")),
    ("share-kue-siti-2026-12-text.txt", "kue-siti", ("--month", "2026-12", "-f", "text")),
    ("share-roti-rahmah-2026-12.txt", "roti-rahmah", ("--month", "2026-12")),
    ("share-roti-rahmah-2026-12-explain.txt", "roti-rahmah", ("--month", "2026-12", "--explain")),
    ("share-roti-rahmah-2026-12-text-en.txt", "roti-rahmah", ("--month", "2026-12", "-f", "text", "--lang", "en")),
]


@pytest.mark.parametrize(("name", "folder", "args"), GOLDENS, ids=[g[0] for g in GOLDENS])
def test_golden_share_of_the_class_example(name: str, folder: str, args: tuple[str, ...]):
    result = run_cli("share", *args, *TODAY, cwd=KELAS / folder)
    assert result.code == 0, result.err
    assert_golden(name, result.out)


def test_the_class_example_s_kue_group_shares_its_november_profit_exactly():
    data = shared(KELAS / "kue-siti", "--month", "2026-11")
    # Siti 150.000 × 30 days, Rina 100.000 × 22 (from 9 November), Wati 50.000 × 15 (from 16 November)
    assert [m["capital_days"] for m in data["members"]] == ["4500000", "2200000", "750000"]
    assert sum(Decimal(m["total"]) for m in data["members"]) == Decimal(data["shared"])
    assert Decimal(data["reserve"]) + Decimal(data["shared"]) == Decimal(data["net_profit"]).quantize(Decimal(1))
