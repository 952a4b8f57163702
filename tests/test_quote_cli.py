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
        "leftover": "0.035",
        "cost": "352500.00",
        "customer": False,
        "estimate": True,
        "brought": None,
        "enough": None,
    }
    # M: 50.000 + 59.400 × 11,75 / 11,715 of the fabric bought = 109.577,46
    assert data["sizes"][1] == {
        "size": "M",
        "qty": 3,
        "metres": "5.94",
        "unit_cost": "109577.46",
        "unit_price": "165000.00",
        "amount": "495000.00",
    }
    # the rush 982.000 × 25% = 245.500 rounded up to Rp 1.000
    assert {k: data[k] for k in ("subtotal", "rush", "total", "deposit", "balance", "days", "ready")} == {
        "subtotal": "982000.00",
        "rush": "246000.00",
        "total": "1228000.00",
        "deposit": "614000.00",
        "balance": "614000.00",
        "days": 1,
        "ready": "2026-03-03",
    }
    # the order's cost lines add up to its HPP: 6 garments × 50.000 + the fabric bought 352.500 = 652.500
    assert sum(float(line["cost"]) for line in data["lines"]) == pytest.approx(652500)
    jahit = next(line for line in data["lines"] if line["label"] == "Jahit")
    assert jahit["cost"] == "180000.00"  # 6 garments × 30.000
    # the fabric line is the fabric bought: 11,75 m, Rp 352.500
    fabric = next(line for line in data["lines"] if line["group"] == "fabric")
    assert (fabric["qty"], fabric["cost"]) == ({"amount": "11.75", "unit": "m"}, "352500.00")


def test_customer_fabric_short_in_every_format(shop):
    # 7,81 m needed, the customer has 7 m: 0,81 m short, 1 m more in 0,5 m steps
    args = ("rok.toml", "--sizes", "S=2,M=3,L=1", "--customer-fabric", "7", "m", "--today", "2026-03-02")
    data = json.loads(quote(shop, *args, "-f", "json"))
    assert (data["fabric"]["brought"], data["fabric"]["enough"], data["fabric"]["cost"]) == ("7", False, "0.00")
    table = " ".join(quote(shop, *args).split())  # the locale is id_ID: decimal comma
    assert "Short by │ 0,81 m" in table
    assert "the customer's 7 m of fabric is 0,81 m short of the 7,81 m needed" in table
    text = quote(shop, *args, "-f", "text")
    assert "Your fabric: the 7 m you have is not enough; please add 1 m of the same fabric (150 cm wide)" in text
    assert "at least" not in text  # what to add, not also a length to bring that the 7 m + 1 m would not match


def test_the_width_estimate_is_marked_in_every_format(shop):
    args = ("rok.toml", "--size", "M", "--qty", "1", "--fabric", "kain-100", "--today", "2026-03-02")
    assert json.loads(quote(shop, *args, "-f", "json"))["fabric"]["estimate"] is True
    for fmt in ("table", "csv", "md"):
        assert "Metres needed (estimate)" in quote(shop, *args, "-f", fmt), fmt
    assert "converted by area" in quote(shop, *args)
    assert "(fabric need estimated)" in quote(shop, *args, "-f", "text")
    assert "estimate" not in quote(shop, "rok.toml", "--size", "M", "--qty", "1", "-f", "text")


def test_text_is_a_chat_message(shop):
    # one M with the 1,5 m of fabric bought: 165.000 (test_quoting), deposit 82.500 → 83.000, balance 82.000
    text = quote(shop, "rok.toml", "--size", "M", "--qty", "1", "--today", "2026-03-02", "-f", "text")
    assert text.splitlines() == [
        "Jahit Bu Ani — quote",
        "Rok, 1 garment:",
        "- size M: 1 × Rp165.000 = Rp165.000",
        "Fabric: kain-150, included",
        "Total: Rp165.000",
        "Deposit (50%, rounded up): Rp83.000",
        "Balance on collection: Rp82.000",
        "Ready: March 3, 2026 (1 working day)",
    ]


# Customer fabric for S=2,M=3,L=1: 7,81 m needed; the shop sells 0,5 m steps, so bring 8 m.
CUSTOMER = ("rok.toml", "--sizes", "S=2,M=3,L=1", "--today", "2026-03-02", "--rush", "-f", "text", "--customer-fabric")
# 6 × 75.000 = 450.000; rush 112.500 → 113.000 (Rp 1.000 steps); total 563.000; deposit 281.500 → 282.000;
# balance 281.000; 540 min rushed at 2 × 12 h: 1 day
MONEY_EN = [
    "Rush surcharge (25%, rounded up): Rp113.000",
    "Total: Rp563.000",
    "Deposit (50%, rounded up): Rp282.000",
    "Balance on collection: Rp281.000",
    "Ready: March 3, 2026 (1 working day)",
]
MONEY_ID = [
    "Biaya kilat (25%, dibulatkan ke atas): Rp113.000",
    "Total: Rp563.000",
    "Uang muka/DP (50%, dibulatkan ke atas): Rp282.000",
    "Pelunasan saat diambil: Rp281.000",
    "Selesai: 3 Maret 2026 (1 hari kerja)",
]
SIZES_EN = ["- size S: 2 × Rp75.000 = Rp150.000", "- size M: 3 × Rp75.000 = Rp225.000"]
SIZES_EN.append("- size L: 1 × Rp75.000 = Rp75.000")
SIZES_ID = [line.replace("size", "ukuran") for line in SIZES_EN]


@pytest.mark.parametrize(
    "length, english, indonesian",
    [
        (
            (),
            "Your fabric: please bring at least 8 m, 150 cm wide",
            "Kain dari Bapak/Ibu: mohon bawa minimal 8 m, lebar 150 cm",
        ),
        (
            # 7,9 m ≥ 7,81 m: enough — and not "bring at least 8 m" next to it
            ("7,9m",),
            "Your fabric: the 7,9 m you have is enough (150 cm wide)",
            "Kain dari Bapak/Ibu: kain 7,9 m yang ada sudah cukup (lebar 150 cm)",
        ),
        (
            # 7 m: 0,81 m short, 1 m to buy in 0,5 m steps
            ("7", "m"),
            "Your fabric: the 7 m you have is not enough; please add 1 m of the same fabric (150 cm wide)",
            "Kain dari Bapak/Ibu: kain 7 m yang ada belum cukup; mohon tambah 1 m dari kain yang sama (lebar 150 cm)",
        ),
    ],
)
def test_the_chat_text_is_one_consistent_message(shop, length, english, indonesian):
    """Every line, in both languages: one length told once, rounded as the shop sells it."""
    en = quote(shop, *CUSTOMER, *length, "--lang", "en").splitlines()
    assert en == ["Jahit Bu Ani — quote", "Rok, 6 garments:", *SIZES_EN, english, *MONEY_EN]
    id_ = quote(shop, *CUSTOMER, *length, "--lang", "id").splitlines()
    assert id_ == ["Jahit Bu Ani — penawaran harga", "Rok, 6 potong:", *SIZES_ID, indonesian, *MONEY_ID]


def test_the_explain_keeps_sizes_and_labels_apart(shop):
    out = " ".join(quote(shop, "rok.toml", "--sizes", "S=1,M=1", "--explain").split())
    # the lines every size shares are told once, "each garment — LABEL", never "M Jahit"
    assert "each garment — Jahit: 60 min / 60 × Rp30.000 an hour = Rp30.000" in out
    assert "each garment without fabric: sum of Rp1.000, Rp30.000, Rp15.000, Rp4.000 = Rp50.000" in out
    assert "M Jahit" not in out and "S Jahit" not in out
    # the fabric bought, shared: 1,1 + 1,32 = 2,42 m → 2,5 m × Rp 40.000 = Rp 100.000;
    # S: 44.000 × 2,5 / 2,42 = 45.454,55; M: 52.800 × 2,5 / 2,42 = 54.545,45
    assert "to buy: 2,42 m in all, rounded up to steps of 0,5 m = 2,5 m; 0,08 m left over after cutting" in out
    assert "fabric S: Rp44.000 for the metres it takes × 2,5 m bought / 2,42 m used = Rp45.455 a garment" in out
    assert "HPP M: Rp50.000 without fabric + Rp54.545 fabric = Rp104.545" in out


def test_a_rushed_job_says_so_in_the_time_table(shop):
    out = " ".join(quote(shop, "rok.toml", "--size", "M", "--qty", "1", "--rush").split())
    assert "2 workers × 12 h = 24 hours, rushed (normally 8 h a day)" in out


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


# ---------------------------------------------------------------- what the customer sees

SHORT = ("rok.toml", "--sizes", "S=2,M=3,L=1", "--today", "2026-03-02", "--customer-fabric", "7m")  # 0,81 m short


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md", "html", "text"])
def test_the_customer_sees_no_hpp_path_or_maker_warning(shop, fmt):
    """--for customer in every format: prices, total, deposit, balance, fabric to add, ready date — never the
    HPP, the file's path or the maker's warnings (the customer's 7 m is 0,81 m short: told as what to add)."""
    result = run_cli(
        "quote", *SHORT, "--for", "customer", "--customer", "Ibu Sari", "-f", fmt, "--lang", "en", cwd=shop
    )
    assert result.code == 0, result.err
    for secret in ("HPP", "unit_cost", "rok.toml", "warning: ", 'class="notes"', "Made with planner", "short of"):
        assert secret not in result.out, (fmt, secret)
    assert result.err == ""
    assert "Ibu Sari" in result.out and "Jahit Bu Ani" in result.out
    # 6 × Rp75.000 = Rp450.000; deposit Rp225.000; add 1 m (the 0,81 m short in 0,5 m steps)
    assert ("450000" if fmt in ("json", "csv") else "450.000") in result.out
    assert "1 m" in result.out or '"brought": "7"' in result.out


def test_the_text_is_for_the_customer_unless_the_maker_asks(shop):
    customer = quote(shop, *SHORT, "-f", "text", "--lang", "en", "--customer", "Ibu Sari")
    assert customer.splitlines()[:2] == ["Jahit Bu Ani — quote", "For: Ibu Sari"]
    maker = quote(shop, *SHORT, "-f", "text", "--lang", "en", "--for", "maker")
    assert "HPP" in maker and "warning" in maker and "rok.toml" in maker


def test_the_customer_json_leaves_out_the_makers_figures(shop):
    data = json.loads(quote(shop, *SHORT, "-f", "json", "--for", "customer", "--customer", "Ibu Sari"))
    assert data["customer"] == "Ibu Sari" and "file" not in data and "lines" not in data
    assert "queue_hours" not in data and "cost" not in data["fabric"] and "leftover" not in data["fabric"]
    assert all("unit_cost" not in size for size in data["sizes"])
    # the maker's view keeps them all
    maker = json.loads(quote(shop, *SHORT, "-f", "json"))
    assert "customer" not in maker and maker["file"] == "rok.toml" and "unit_cost" in maker["sizes"][0]


def test_a_due_date_met_only_with_rush(shop):
    """40 skirts × 90 min / 2 workers = 30 h: 4 days at 8 h (ready Fri 3 April), 3 rushed at 12 h (Thu 2 April);
    due Thu 2 April is met only with --rush, a day late at the normal pace (see test_quoting)."""
    args = ("rok.toml", "--sizes", "S=10,M=20,L=10", "--today", "2026-03-30", "--due", "2026-04-02", "--lang", "en")
    data = json.loads(quote(shop, *args, "-f", "json"))
    assert (data["due"], data["due_met"], data["late_days"], data["ready"]) == ("2026-04-02", "rush", 1, "2026-04-03")
    assert "met only with --rush (ready April 2, 2026); 1 day late at the normal pace" in quote(shop, *args, "-f", "md")
    rushed = json.loads(quote(shop, *args, "--rush", "-f", "json"))
    assert (rushed["due_met"], rushed["late_days"], rushed["ready"]) == ("rush", 0, "2026-04-02")


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
        ("quote-kemeja-for-customer-en.txt", (*MIX, "--customer-fabric", "--for", "customer", "--lang", "en")),
    ],
)
def test_golden(examples, name, args):
    assert_golden(name, quote(examples, KEMEJA, *args))


KENDURI = ("recipes/bingka-kentang.toml", "--pieces", "100", "--today", "2026-12-01")


@pytest.mark.parametrize(
    "name, args",
    [
        ("quote-bingka-kenduri-en.txt", (*KENDURI, "--due", "2026-12-03", "--lang", "en", "--explain")),
        ("quote-bingka-kenduri-text.txt", (*KENDURI, "--customer", "Haji Ali", "-f", "text")),
        ("quote-bingka-kenduri.json", (*KENDURI, "-f", "json")),
        (
            "quote-permak-potong-text.txt",
            ("patterns/permak/potong-celana.toml", "--qty", "3", "-f", "text", "--today", "2026-12-01"),
        ),
    ],
)
def test_golden_recipe_and_alteration(examples, name, args):
    assert_golden(name, quote(examples, *args))
