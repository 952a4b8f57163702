"""The shipped tailoring defaults are real (docs/design.md, decision 12), and `planner price`
takes --fabric and --customer-fabric like `cost` and `quote`.

A small tailor's own minutes are real minutes: efficiency defaults to 1 and the
shipped patterns carry no efficiency of 0.5. On the embedded defaults (wage
Rp30.602 an hour, markup 40%, prices rounded up to Rp500) the sewing-only
prices of the shipped shirt and trousers fall within the market's ongkos jahit.
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from planner.models import Operation
from tests.conftest import ROOT, run_cli
from tests.test_quoting import CATALOG, PATTERN, SETTINGS

D = Decimal
PATTERNS = sorted((ROOT / "patterns").glob("*.toml"))

# docs/sources.md, "Garments": market sewing fees (ongkos jahit) [≈], sewing only — shirt Rp50.000–90.000,
# trousers Rp70.000–100.000 (tenun.in; timesindonesia.co.id; antaranews 2024).
MARKET = {
    "patterns/kemeja-sekolah.toml": (D(50000), D(90000)),
    "patterns/celana-panjang.toml": (D(70000), D(100000)),
}


def test_efficiency_defaults_to_one():
    assert Operation(name="Jahit", minutes=D(35)).efficiency == D(1)


@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.name)
def test_the_shipped_patterns_are_real_minutes(path: Path):
    """No efficiency of 0.5 on top of a tailor's own minutes; each file says where its minutes come from."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert all("efficiency" not in op for op in data["operations"]), path.name
    header = path.read_text(encoding="utf-8").split("\nname = ")[0]
    assert "Minutes:" in header and "docs/sources.md" in header and "efficiency is 1" in header


def test_a_uniform_set_takes_about_160_minutes():
    # docs/sources.md, "Garments": a solo tailor in Ponorogo makes 3 uniform sets a day, about 160 min a set;
    # the shirt 10 + 35 + 7 + 15 + 8 = 75 and the trousers 12 + 40 + 8 + 15 + 10 = 85 make one set
    def minutes(name: str) -> int:
        data = tomllib.loads((ROOT / "patterns" / name).read_text(encoding="utf-8"))
        return sum(op["minutes"] for op in data["operations"])

    assert (minutes("kemeja-sekolah.toml"), minutes("celana-panjang.toml")) == (75, 85)
    assert minutes("kemeja-sekolah.toml") + minutes("celana-panjang.toml") == 160


def sewing_only_prices(examples: Path, pattern: str, command: str) -> set[Decimal]:
    """Every size's price with the customer's fabric, from `quote` or from `price` (the direct channel)."""
    if command == "quote":
        sizes = tomllib.loads((examples / pattern).read_text(encoding="utf-8"))["sizes"]
        order = ",".join(f"{size}=1" for size in sizes)
        result = run_cli("quote", pattern, "--sizes", order, "--customer-fabric", "-f", "json", cwd=examples)
        assert result.code == 0, result.err
        return {D(s["unit_price"]) for s in json.loads(result.out)["sizes"]}
    result = run_cli("price", pattern, "--customer-fabric", "-c", "langsung", "-f", "json", cwd=examples)
    assert result.code == 0, result.err
    return {D(size["channels"][0]["price"]) for size in json.loads(result.out)}


@pytest.mark.parametrize("command", ["quote", "price"])
@pytest.mark.parametrize("pattern", sorted(MARKET))
def test_sewing_only_prices_are_within_the_market(examples, pattern, command):
    low, high = MARKET[pattern]
    prices = sewing_only_prices(examples, pattern, command)
    assert prices and all(low <= p <= high for p in prices), (pattern, prices)


def test_the_sewing_only_prices_by_hand(examples):
    # Shirt, embedded catalog: buttons 7/12 lusin × 3.000 = 1.750; thread 50/500 × 6.000 = 600;
    # overlock 22 m = 24,0595 yard × 15.000 / 5.000 = 72,18; interfacing 0,25 × 12.000 = 3.000; label 600;
    # 75 min / 60 × 30.602 = 38.252,50; embroidery 5.000; bag 450 → 49.724,68; × 1,4 = 69.614,55 → 70.000.
    # Trousers: zip 2.500; button 500; hook 583,33; interfacing 3.000; thread 90/500 × 6.000 = 1.080;
    # overlock 60 m = 65,6168 yard × 3 = 196,85; label 600; 85 min = 43.352,83; bag 450 → 52.263,01;
    # × 1,4 = 73.168,22 → 73.500.
    assert sewing_only_prices(examples, "patterns/kemeja-sekolah.toml", "quote") == {D(70000)}
    assert sewing_only_prices(examples, "patterns/celana-panjang.toml", "price") == {D(73500)}


# ---------------------------------------------------------------- price --fabric / --customer-fabric


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """The hand-worked workspace of tests/test_quoting.py."""
    for name, text in (("planner.toml", SETTINGS), ("prices.toml", CATALOG), ("rok.toml", PATTERN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def price_json(cwd: Path, *args: str) -> list[dict[str, object]]:
    result = run_cli("price", "rok.toml", "-c", "langsung", "-f", "json", *args, cwd=cwd)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    return data if isinstance(data, list) else [data]


def test_price_with_the_customers_fabric_is_the_sewing_only(shop):
    # tests/test_quoting.py: without fabric a skirt costs 50.000; × 1,5 = 75.000 for every size
    sizes = price_json(shop, "--customer-fabric")
    assert [(s["size"], s["unit_cost"], s["channels"][0]["price"]) for s in sizes] == [
        ("S", "50000.00", "75000.00"),
        ("M", "50000.00", "75000.00"),
        ("L", "50000.00", "75000.00"),
    ]


def test_price_on_another_fabric_keeps_the_exact_metres(shop):
    # kain-100 at Rp 30.000/m, converted by width × 150/100: S 1,65 m = 49.500 → C 99.500 → × 1,5 = 149.250
    # → 150.000 (a price list is per garment: no fabric bought in steps, unlike a quote)
    (s,) = price_json(shop, "--fabric", "kain-100", "--size", "S")
    assert (s["unit_cost"], s["channels"][0]["price"]) == ("99500.00", "150000.00")
    # both together: the customer brings kain-100, so it costs nothing
    (s,) = price_json(shop, "--fabric", "kain-100", "--customer-fabric", "--size", "S")
    assert s["unit_cost"] == "50000.00"


def test_price_refuses_an_unknown_fabric(shop):
    result = run_cli("price", "rok.toml", "--fabric", "kain-200", "--lang", "en", cwd=shop)
    assert result.code == 1 and "unknown item 'kain-200'" in result.err
