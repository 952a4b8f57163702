"""Alterations (permak): a pattern without [fabric] — operations, materials and services only — is valid,
and the shipped ones under patterns/permak/ make a price list at market fees (docs/sources.md,
"Alterations (permak)"). Embedded defaults: wage Rp30.602 an hour, markup 40%, prices rounded up to Rp500.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.app.quoting import QuoteOptions, quote
from planner.errors import InputError, InputErrors
from planner.models import Pattern, kind_of
from planner.texts import _
from planner.workspace import load_workspace
from tests.conftest import ROOT, run_cli

D = Decimal
ALTERATIONS = sorted((ROOT / "patterns" / "permak").glob("*.toml"))

# docs/sources.md, "Alterations (permak)": the market's fees, lowest to highest seen
MARKET = {
    "potong-celana.toml": (D(10000), D(20000)),
    "ganti-resleting.toml": (D(15000), D(25000)),  # Rp20.000 seen, ± a quarter
    "kecilkan-pinggang.toml": (D(15000), D(25000)),  # Rp20.000 seen twice, ± a quarter
    "pasang-bet.toml": (D(7500), D(12500)),  # Rp10.000 seen, ± a quarter
}


@pytest.mark.parametrize("path", ALTERATIONS, ids=lambda p: p.name)
def test_the_shipped_alterations_have_no_fabric_and_no_sizes(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "fabric" not in data and "sizes" not in data and data["operations"]
    assert kind_of(data) == "pattern"
    header = path.read_text(encoding="utf-8").split("\nname = ")[0]
    assert "docs/sources.md" in header and "[est]" in header


def test_the_alterations_are_a_price_list_at_market_fees(examples: Path) -> None:
    files = [f"patterns/permak/{p.name}" for p in ALTERATIONS]
    result = run_cli("price", *files, "-f", "json", cwd=examples)
    assert result.code == 0, result.err
    prices = {p.name: D(entry["channels"][0]["price"]) for p, entry in zip(ALTERATIONS, json.loads(result.out))}
    assert prices.keys() == MARKET.keys()
    for name, (low, high) in MARKET.items():
        assert low <= prices[name] <= high, (name, prices[name])


def test_hemming_trousers_worked_by_hand(examples: Path) -> None:
    """Potong celana: thread 5 m × Rp6.000 / 500 m = Rp60; overlock 28 m = 30,621 yard × Rp15.000 / 5.000 yard
    = Rp91,86; work 3 + 4 + 6 + 2 = 15 min / 60 × Rp30.602 = Rp7.650,50; HPP Rp7.802,36;
    × 1,4 = Rp10.923,30 → Rp11.000. Three pairs: Rp33.000, deposit 50% Rp16.500, balance Rp16.500;
    45 min of work: one working day, ready the day after today."""
    result = run_cli(
        "quote", "patterns/permak/potong-celana.toml", "--qty", "3", "--today", "2026-12-01", "-f", "json", cwd=examples
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["fabric"] is None and data["kind"] == "pattern"
    assert data["sizes"] == [
        {"size": None, "qty": 3, "unit_cost": "7802.36", "unit_price": "11000.00", "amount": "33000.00"}
    ]
    assert (data["total"], data["deposit"], data["balance"]) == ("33000.00", "16500.00", "16500.00")
    assert (data["days"], data["ready"]) == (1, "2026-12-02")


def test_an_alteration_quote_says_no_fabric_and_takes_no_size(examples: Path) -> None:
    text = run_cli(
        "quote",
        "patterns/permak/pasang-bet.toml",
        "--qty",
        "2",
        "--today",
        "2026-12-01",
        "-f",
        "text",
        "--lang",
        "en",
        cwd=examples,
    )
    assert text.code == 0, text.err
    # 12 min / 60 × 30.602 = 6.120,40 + thread 2 m = 24: 6.144,40 × 1,4 = 8.602,16 → 9.000
    assert text.out.splitlines()[1:3] == ["Pasang bet, 2 garments:", "- 2 × Rp9.000 = Rp18.000"]
    assert "abric" not in text.out
    sized = run_cli(
        "quote", "patterns/permak/pasang-bet.toml", "--size", "M", "--qty", "2", "--lang", "en", cwd=examples
    )
    assert sized.code == 1 and "this pattern has no sizes (hint: say only how many: --qty 2)" in sized.err
    fabric = run_cli("quote", "patterns/permak/pasang-bet.toml", "--qty", "2", "--customer-fabric", cwd=examples)
    assert fabric.code == 1 and "--customer-fabric tidak berlaku" in fabric.err


def test_alterations_are_planned_by_pieces(examples: Path) -> None:
    """5 hems (15 min) and 3 badges (12 min): 75 + 36 = 111 min = 1,85 h of work."""
    result = run_cli(
        "plan", "patterns/permak/potong-celana.toml=5", "patterns/permak/pasang-bet.toml=3", "-f", "json", cwd=examples
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [(p["pieces"], p["batches"]) for p in data["products"]] == [(5, 5), (3, 3)]
    assert data["totals"]["labor_hours"] == "1.85"


def test_compare_with_a_size_passes_over_the_alterations(examples: Path) -> None:
    """--size M picks a size of the patterns that have sizes; an alteration has none, like a recipe."""
    result = run_cli("compare", "patterns", "--size", "M", "-f", "json", cwd=examples)
    assert result.code == 0, result.err
    assert sum(1 for row in json.loads(result.out) if row["size"] is None) == len(ALTERATIONS)


def test_a_pattern_with_fabric_needs_sizes_and_one_without_needs_work() -> None:
    fabric = {"item": "katun", "width": "115 cm", "need": {}}
    with pytest.raises(Exception) as no_sizes:
        Pattern.model_validate({"name": "Rok", "fabric": fabric})
    assert _("a pattern with [fabric] needs its sizes") in str(no_sizes.value)
    with pytest.raises(Exception) as nothing:
        Pattern.model_validate({"name": "Kosong"})
    assert _("a pattern without [fabric] needs operations, materials or services") in str(nothing.value)
    assert Pattern.model_validate({"name": "Jasa", "services": [{"name": "Bordir", "cost": 5000}]}).fabric is None


def test_the_app_refuses_pieces_for_a_pattern(examples: Path) -> None:
    ws = load_workspace(None, examples / "patterns" / "permak" / "potong-celana.toml")
    asked = QuoteOptions(pieces="3", today=date(2026, 12, 1))
    with pytest.raises((InputError, InputErrors)) as caught:
        quote(ws, examples / "patterns" / "permak" / "potong-celana.toml", asked)
    assert caught.value.message.key == _("--pieces is for recipes; a pattern is quoted in garments")  # type: ignore[union-attr]
