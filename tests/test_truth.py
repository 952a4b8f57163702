"""Truth cases: published worked examples from outside the project, worked by planner.

Each case puts a published example's inputs into planner's files (or its core) and checks
planner's figure against the example's result, with the source in a comment (docs/sources.md
lists them). Where a source is wrong, the test holds the correct figure and says why. Garment
costing has its own file, tests/test_truth_garments.py.
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

from planner.money import margin_to_markup, markup_to_margin, quantize
from planner.pricing import at_price, price_channel
from planner.settings import Channel, Pricing
from planner.workspace import DATA
from tests.conftest import run_cli

D = Decimal

RECIPE = """\
name = "{name}"

[batch]
pieces = {pieces}
minutes = 0

[[ingredients]]
item = "{item}"
qty = "{qty}"
"""


def workspace(folder: Path, settings: str, catalog: str, recipes: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "planner.toml").write_text(settings, encoding="utf-8")
    (folder / "prices.toml").write_text(catalog, encoding="utf-8")
    for name, text in recipes.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def json_of(*args: str, cwd: Path) -> dict:
    result = run_cli(*args, "--format", "json", cwd=cwd)
    assert result.code == 0, result.err
    return json.loads(result.out)


# ---------------------------------------------------------------- HPP


def test_one_ingredient_is_used_over_pack_times_pack_price(tmp_path: Path) -> None:
    # SajianSedap (docs/sources.md, "How UMKM costing is taught"): 120 g of a 1 kg pack at
    # Rp15.000 = 120 / 1000 × 15.000 = Rp1.800
    folder = workspace(
        tmp_path,
        "[pricing]\nmarkup = 0\nround_to = 1\n",
        '[tepung]\npack = "1 kg"\nprice = 15_000\n',
        {"kue.toml": RECIPE.format(name="Kue", pieces=1, item="tepung", qty="120 g")},
    )
    data = json_of("cost", "kue.toml", cwd=folder)
    assert [line["cost"] for line in data["lines"] if line["group"] == "ingredients"] == ["1800.00"]


def test_the_hourly_wage_is_the_umk_over_126_hours() -> None:
    # UMK Banjarmasin 2026 Rp3.855.894 (kanalkalimantan.com; wartabanjar.com), an hour = a month's
    # wage / 126 for a six-day week (PP 36/2021): 3.855.894 / 126 = 30.602,33 → Rp30.602
    settings = tomllib.loads((DATA / "planner.toml").read_text(encoding="utf-8"), parse_float=Decimal)
    assert settings["labor"]["wage_per_hour"] == 30_602 == quantize(D(3_855_894) / 126, 0)


# ---------------------------------------------------------------- markup and margin


def test_markup_50_is_margin_33_3() -> None:
    # kalkulink.id: cost 100.000, price 150.000 → markup 50.000 / 100.000 = 50%, margin
    # 50.000 / 150.000 = 33,3%; g = m / (1 + m), m = g / (1 − g)
    assert quantize(markup_to_margin(D("0.5")), 4) == D("0.3333")
    assert quantize(margin_to_markup(D(1) / 3), 4) == D("0.5")
    sale = at_price(D(100_000), Channel(name="langsung"), Pricing(markup=D("0.5")), D(150_000))
    assert (sale.profit, quantize(sale.margin, 3), quantize(sale.markup, 3)) == (D(50_000), D("0.333"), D("0.5"))


def test_roti_unyil_at_25_percent(tmp_path: Path) -> None:
    # docs/sources.md, markups seen: roti unyil 25%, Rp1.600 → Rp2.000 (1.600 × 1,25 = 2.000,
    # already a multiple of Rp500: no rounding up)
    folder = workspace(
        tmp_path,
        "[pricing]\nmarkup = 0.25\nround_to = 500\n",
        '[adonan]\npack = "1 kg"\nprice = 16_000\n',
        {"roti.toml": RECIPE.format(name="Roti unyil", pieces=10, item="adonan", qty="1 kg")},
    )
    data = json_of("price", "roti.toml", cwd=folder)
    assert data["unit_cost"] == "1600.00"
    assert (data["channels"][0]["price"], data["channels"][0]["margin"]) == ("2000.00", "0.2")


def test_a_warung_selling_at_1000_leaves_800(tmp_path: Path) -> None:
    # jaringan-anak-negeri.blogspot.com 2016/04: the shop sells at Rp1.000, the producer gets
    # Rp800, i.e. the shop keeps 20% of the shelf price: 1.000 × (1 − 20%) = 800
    titip = Channel(name="titip", commission=D("0.20"))
    assert at_price(D(500), titip, Pricing(markup=D("0.4")), D(1000)).receipt == 800


def test_gofood_20_percent_and_1000_a_transaction() -> None:
    # GoFood: 20% + Rp1.000 a transaction (katadata; duniaku.id). A Rp10.000 dish leaves
    # 10.000 × 0,8 − 1.000 = 7.000; to keep Rp7.000 the price is (7.000 + 1.000) / 0,8 = 10.000
    gofood = Channel(name="gofood", commission=D("0.20"), fee=D(1000))
    pricing = Pricing(markup=D(0), round_to=D(500))
    assert at_price(D(7000), gofood, pricing, D(10_000)).receipt == 7000
    assert price_channel(D(7000), gofood, pricing).price == 10_000


# ---------------------------------------------------------------- break-even


def test_textbook_break_even_rounds_up(tmp_path: Path) -> None:
    # kompasiana; universityku.com: fixed 10.000.000, price 12.000, variable cost 5.500 →
    # 10.000.000 / 6.500 = 1.538,46 → 1.539 units (a part of a piece is a whole one more)
    folder = workspace(
        tmp_path,
        "[pricing]\nmarkup = 0\nround_to = 1\n[fixed_costs]\nsewa = 10_000_000\n",
        '[adonan]\npack = "1 kg"\nprice = 55_000\n',
        {"roti.toml": RECIPE.format(name="Roti", pieces=10, item="adonan", qty="1 kg")},
    )
    data = json_of("breakeven", "roti.toml", "--price", "12000", cwd=folder)
    assert (data["unit_cost"], data["contribution"], data["units"]) == ("5500.00", "6500.00", 1539)


# ---------------------------------------------------------------- other currencies (decision 4)


def test_a_usd_workspace_with_a_wage_in_cents_prices_a_product(tmp_path: Path) -> None:
    # The US federal minimum wage, $7.25 an hour (the Fair Labor Standards Act, since 2009):
    # 40 minutes = 7.25 × 40 / 60 = $4.8333; flour 0,5 × $3.00 = $1.50; a batch of 10 costs
    # $6.3333, $0.6333 a piece; markup 50%: 0.95 → rounded up to $0.05: $0.95
    folder = workspace(
        tmp_path,
        'currency = "USD"\nlocale = "en_US"\nlanguage = "en"\n'
        "[labor]\nwage_per_hour = 7.25\n[pricing]\nmarkup = 0.5\nround_to = 0.05\n",
        '[flour]\npack = "1 kg"\nprice = 3.00\n',
        {
            "cookie.toml": RECIPE.format(name="Cookie", pieces=10, item="flour", qty="500 g").replace(
                "0\n\n[[", "40\n\n[["
            )
        },
    )
    data = json_of("price", "cookie.toml", cwd=folder)
    assert data["unit_cost"] == "0.63"
    assert data["channels"][0]["price"] == "0.95"
    shown = run_cli("price", "cookie.toml", cwd=folder)
    assert shown.code == 0 and "$0.63" in shown.out
