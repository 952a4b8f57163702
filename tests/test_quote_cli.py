"""planner quote from the command line: hand-worked figures in every format, golden outputs.

The hand-worked workspace is the one of tests/test_quoting.py (our own prices);
the golden files run the shipped patterns/kemeja-sekolah.toml with the embedded
defaults, at a fixed --today.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_cli
from tests.test_quoting import CATALOG, PATTERN, SETTINGS

KEMEJA = "patterns/kemeja-sekolah.toml"
MIX = ("--sizes", "S=5,M=10,L=5", "--today", "2026-03-02")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    (tmp_path / "planner.toml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "prices.toml").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "rok.toml").write_text(PATTERN, encoding="utf-8")
    return tmp_path


def quote(cwd: Path, *args: str) -> str:
    result = run_cli("quote", *args, cwd=cwd)
    assert result.code == 0, result.err
    return result.out


def test_json_follows_the_contract_with_hand_worked_figures(shop):
    # see test_quoting.test_size_mix_on_a_narrower_fabric for the arithmetic
    data = json.loads(
        quote(
            shop,
            "rok.toml",
            "--sizes",
            "S=2,M=3,L=1",
            "--fabric",
            "kain-100",
            "--rush",
            "--today",
            "2026-03-02",
            "-f",
            "json",
        )
    )
    assert data["fabric"] == {
        "item": "kain-100",
        "width": {"amount": "100", "unit": "cm"},
        "metres": "11.715",
        "buy": "11.75",
        "cost": "352500.00",
        "customer": False,
        "estimate": True,
        "brought": None,
        "enough": None,
    }
    assert data["sizes"][1] == {
        "size": "M",
        "qty": 3,
        "metres": "5.94",
        "unit_cost": "109400.00",
        "unit_price": "165000.00",
        "amount": "495000.00",
    }
    assert {k: data[k] for k in ("subtotal", "rush", "total", "deposit", "balance", "days", "ready")} == {
        "subtotal": "982000.00",
        "rush": "245500.00",
        "total": "1227500.00",
        "deposit": "614000.00",
        "balance": "613500.00",
        "days": 1,
        "ready": "2026-03-03",
    }
    # the order's cost lines add up to its HPP: 2 × 99.500 + 3 × 109.400 + 1 × 124.250 = 651.450
    assert sum(float(line["cost"]) for line in data["lines"]) == pytest.approx(651450)
    jahit = next(line for line in data["lines"] if line["label"] == "Jahit")
    assert jahit["cost"] == "180000.00"  # 6 garments × 30.000


def test_customer_fabric_short_in_every_format(shop):
    # 7,81 m needed, the customer has 7 m: 0,81 m short, 1 m more in 0,5 m steps
    args = ("rok.toml", "--sizes", "S=2,M=3,L=1", "--customer-fabric", "7", "m", "--today", "2026-03-02")
    data = json.loads(quote(shop, *args, "-f", "json"))
    assert (data["fabric"]["brought"], data["fabric"]["enough"], data["fabric"]["cost"]) == ("7", False, "0.00")
    table = " ".join(quote(shop, *args).split())  # the locale is id_ID: decimal comma
    assert "Short by │ 0,81 m" in table
    assert "the customer's 7 m of fabric is 0,81 m short of the 7,81 m needed" in table
    text = quote(shop, *args, "-f", "text")
    assert "please bring at least 8 m, 150 cm wide" in text
    assert "The 7 m you have is not enough: please add 1 m" in text


def test_the_width_estimate_is_marked_in_every_format(shop):
    args = ("rok.toml", "--size", "M", "--qty", "1", "--fabric", "kain-100", "--today", "2026-03-02")
    assert json.loads(quote(shop, *args, "-f", "json"))["fabric"]["estimate"] is True
    for fmt in ("table", "csv", "md"):
        assert "Metres needed (estimate)" in quote(shop, *args, "-f", fmt), fmt
    assert "converted by area" in quote(shop, *args)
    assert "(fabric need estimated)" in quote(shop, *args, "-f", "text")
    assert "estimate" not in quote(shop, "rok.toml", "--size", "M", "--qty", "1", "-f", "text")


def test_text_is_a_chat_message(shop):
    # one M: 155.000, deposit 78.000, balance 77.000, ready the next day
    text = quote(shop, "rok.toml", "--size", "M", "--qty", "1", "--today", "2026-03-02", "-f", "text")
    assert text.splitlines() == [
        "Jahit Bu Ani — quote",
        "Rok, 1 garment:",
        "- size M: 1 × Rp155.000 = Rp155.000",
        "Fabric: kain-150, included",
        "Total: Rp155.000",
        "Deposit (50%): Rp78.000",
        "Balance on collection: Rp77.000",
        "Ready: March 3, 2026 (1 day)",
    ]


def test_price_check_warns_below_the_wage(shop):
    # customer fabric, M at Rp 45.000: (45.000 − 5.000) / 1,5 h = 26.667 an hour < 30.000
    out = " ".join(
        quote(shop, "rok.toml", "--size", "M", "--qty", "1", "--customer-fabric", "--price", "45000").split()
    )
    assert "│ 26.667" in out
    assert "earns you less than the wage of Rp30.000 an hour" in out
    ok = quote(shop, "rok.toml", "--size", "M", "--qty", "1", "--customer-fabric", "--price", "100000")
    assert "less than the wage" not in ok
    data = json.loads(
        quote(shop, "rok.toml", "--size", "M", "--qty", "1", "--customer-fabric", "--price", "100000", "-f", "json")
    )
    assert data["price_check"] == [
        {
            "size": "M",
            "price": "100000.00",
            "profit": "50000.00",
            "hours": "1.5",
            "per_hour": "63333.33",
            "below_wage": False,
        }
    ]


def test_pattern_may_follow_the_length(shop):
    first = quote(shop, "--customer-fabric", "9m", "rok.toml", "--size", "M", "--qty", "1", "-f", "json")
    assert json.loads(first)["fabric"]["brought"] == "9"


def test_the_length_may_follow_an_equals_sign(shop):
    spaced = quote(shop, "rok.toml", "--customer-fabric", "9m", "--size", "M", "--qty", "1", "-f", "json")
    joined = quote(shop, "rok.toml", "--customer-fabric=9m", "--size", "M", "--qty", "1", "-f", "json")
    assert joined == spaced and json.loads(joined)["fabric"]["brought"] == "9"


def test_ready_date_defaults_to_today(shop):
    from datetime import date, timedelta

    data = json.loads(quote(shop, "rok.toml", "--size", "M", "--qty", "1", "-f", "json"))
    assert data["ready"] == (date.today() + timedelta(days=1)).isoformat()


def test_help_has_an_example():
    result = run_cli("quote", "--help")
    assert result.code == 0 and "Contoh: planner quote" in result.out


# ---------------------------------------------------------------- golden outputs (shipped pattern)


@pytest.mark.parametrize(
    "name, args",
    [
        ("quote-kemeja.txt", MIX),
        ("quote-kemeja-customer-en.txt", (*MIX, "--customer-fabric", "40m", "--rush", "--lang", "en", "--explain")),
        ("quote-kemeja-estimate.md", (*MIX, "--fabric", "katun-toyobo", "-f", "md")),
        ("quote-kemeja-estimate.csv", (*MIX, "--fabric", "katun-toyobo", "-f", "csv")),
        ("quote-kemeja-one.json", ("--size", "M", "--qty", "1", "--today", "2026-03-02", "-f", "json")),
        ("quote-kemeja-text.txt", (*MIX, "--customer-fabric", "40m", "--rush", "-f", "text")),
        ("quote-kemeja-text-en.txt", (*MIX, "--lang", "en", "-f", "text")),
        (
            "quote-kemeja-price.txt",
            ("--size", "M", "--qty", "1", "--today", "2026-03-02", "--customer-fabric", "--price", "85000"),
        ),
    ],
)
def test_golden(examples, name, args):
    assert_golden(name, quote(examples, KEMEJA, *args))
