"""planner breakeven, run as a user would: the textbook case, goals, warnings, every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_cli
from tests.test_price_cli import cli_json, ws  # noqa: F401  (ws: the shared workspace fixture)


def breakeven_json(*args: str, cwd: Path) -> dict:
    return cli_json("breakeven", *args, cwd=cwd)


def test_textbook_break_even(ws):
    data = breakeven_json(
        "roti.toml", "--price", "12000", "--target", "3000000", "--volume", "2000", "--capital", "5000000", cwd=ws
    )
    assert data == {
        "product": "Roti",
        "channel": "langsung",
        "price": "12000.00",
        "unit_cost": "5500.00",
        # c = 12.000 − 5.500 = 6.500; F = 10.000.000
        "contribution": "6500.00",
        "fixed_costs": "10000000.00",
        "fixed_lines": [{"name": "sewa", "amount": "10000000.00"}],
        # 10.000.000 / 6.500 = 1.538,46 → 1.539; revenue 1.539 × 12.000; per day 1.539 / 25 = 61,56
        "units": 1539,
        "revenue": "18468000.00",
        "units_per_day": "61.56",
        # (10.000.000 + 3.000.000) / 6.500 = 2.000
        "target_units": 2000,
        # 5.000.000 / (2.000 × 6.500 − 10.000.000) = 5.000.000 / 3.000.000 = 1,67
        "payback_months": "1.67",
    }


def test_at_the_computed_price_of_a_channel(ws):
    # roti on titip: 5.500 / 0,85 = 6.470,59; × 1,4 = 9.058,82; / 0,8 = 11.323,53 → 11.500
    # c = 11.500 × 0,8 − 6.470,59 = 9.200 − 6.470,59 = 2.729,41; 10.000.000 / 2.729,41 = 3.663,79 → 3.664
    data = breakeven_json("roti.toml", "--channel", "titip", cwd=ws)
    assert data["channel"] == "titip"
    assert data["price"] == "11500.00"
    assert data["contribution"] == "2729.41"
    assert data["units"] == 3664


def test_a_price_that_never_breaks_even(ws):
    result = run_cli("breakeven", "roti.toml", "--price", "5000", "--lang", "en", cwd=ws)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "never breaks even at this price" in text
    assert "warning: the price Rp5.000 is below the cost (HPP) of Rp5.500" in text
    assert "Profit a month around break-even" not in text
    data = breakeven_json("roti.toml", "--price", "5000", "--target", "1", cwd=ws)
    assert data["units"] is None and data["revenue"] is None and data["target_units"] is None


def test_commission_and_fee_eat_the_margin(ws):
    # kue at 2.000 on gofood: receipt 2.000 × 0,8 − 1.000 = 600 < HPP 1.875, though 2.000 > 1.875
    result = run_cli("breakeven", "kue.toml", "--channel", "gofood", "--price", "2000", "--lang", "en", cwd=ws)
    text = " ".join(result.out.split())
    assert "on gofood, commission, fees and unsold pieces eat the whole margin" in text
    assert "a piece sold brings you Rp600 but costs you Rp1.875" in text


def test_payback_at_a_volume_without_profit(ws):
    # 1.500 × 6.500 − 10.000.000 = −250.000: never paid back
    data = breakeven_json("roti.toml", "--price", "12000", "--volume", "1500", "--capital", "5000000", cwd=ws)
    assert data["payback_months"] is None
    result = run_cli(
        "breakeven", "roti.toml", "--price", "12000", "--volume", "1500", "--capital", "5000000", "--lang", "en", cwd=ws
    )
    text = " ".join(result.out.split())
    assert "Capital Rp5.000.000 paid back in │ never at this volume (no profit)" in text
    assert "Profit at 1.500 pieces a month │ -Rp250.000" in text


def test_explain_with_goals(ws):
    result = run_cli(
        "breakeven",
        "roti.toml",
        "--price",
        "12000",
        "--target",
        "2000000",
        "--volume",
        "2000",
        "--capital",
        "5000000",
        "--explain",
        "--lang",
        "en",
        cwd=ws,
    )
    text = " ".join(result.out.split())
    assert "break-even = Rp10.000.000 / Rp6.500 = 1.538,46 → 1.539 pieces sold a month" in text
    assert "revenue at break-even = 1.539 × Rp12.000 = Rp18.468.000" in text
    assert "(Rp10.000.000 + Rp2.000.000) / Rp6.500 = 1.846,15 → 1.847 pieces a month" in text
    assert "payback = Rp5.000.000 / Rp3.000.000 profit a month = 1,67 months" in text
    assert "fixed costs a month = Rp10.000.000 = Rp10.000.000" in text


def test_an_idr_price_with_a_thousands_dot_is_read_as_thousands(ws):
    """Decision 2: in rupiah, --price 12.000 can only mean 12000."""
    dotted = run_cli("breakeven", "roti.toml", "--price", "12.000", "-f", "json", cwd=ws)
    plain = run_cli("breakeven", "roti.toml", "--price", "12000", "-f", "json", cwd=ws)
    assert dotted.code == 0 and dotted.out == plain.out


@pytest.mark.parametrize(
    "args, start",
    [
        (("--price", "-5"), "--price tidak boleh negatif (-5)"),
        (("--target", "-100"), "--target tidak boleh negatif (-100)"),
        (("--capital", "-1", "--volume", "10"), "--capital tidak boleh negatif (-1)"),
        (("--volume", "-3"), "--volume tidak boleh negatif (-3)"),
        (("--price", "12.5"), "--price 12.5 punya angka desimal"),
        (("--price", "12,50"), "--price 12,50 punya angka desimal"),
        (("--capital", "1000000"), "--capital perlu --volume"),
        (("--channel", "gofod"), "saluran penjualan 'gofod' tidak ada di pengaturan (saran: maksudnya gofood?)"),
    ],
)
def test_bad_options_are_clear_errors(ws, args, start):
    result = run_cli("breakeven", "roti.toml", *args, cwd=ws)
    assert result.code == 1
    assert result.err.startswith(start), result.err


# ---------------------------------------------------------------- shipped examples, every format


def test_golden_recipe(examples):
    result = run_cli("breakeven", "recipes/bingka-kentang.toml", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("breakeven-bingka.txt", result.out)


def test_golden_recipe_explained_in_english_with_goals(examples):
    result = run_cli(
        "breakeven",
        "recipes/bingka-kentang.toml",
        "--channel",
        "titip",
        "--target",
        "1000000",
        "--volume",
        "400",
        "--capital",
        "2000000",
        "--explain",
        "--lang",
        "en",
        cwd=examples,
    )
    assert result.code == 0, result.err
    assert_golden("breakeven-bingka-titip-explain-en.txt", result.out)


def test_golden_pattern_one_size(examples):
    result = run_cli("breakeven", "patterns/kemeja-sekolah.toml", "--size", "M", "--price", "150000", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("breakeven-kemeja-m.txt", result.out)


def test_golden_csv_and_markdown(examples):
    for fmt, name in (("csv", "breakeven-bingka.csv"), ("md", "breakeven-bingka.md")):
        result = run_cli("breakeven", "recipes/bingka-kentang.toml", "--format", fmt, cwd=examples)
        assert result.code == 0, result.err
        assert_golden(name, result.out)


def test_pattern_json_has_a_size_per_object(examples):
    data = cli_json("breakeven", "patterns/kemeja-sekolah.toml", cwd=examples)
    assert [d["size"] for d in data] == ["S", "M", "L", "XL"]
    assert list(data[0]) == [
        "product",
        "size",
        "channel",
        "price",
        "unit_cost",
        "contribution",
        "fixed_costs",
        "fixed_lines",
        "units",
        "revenue",
        "units_per_day",
        "target_units",
        "payback_months",
    ]


def test_defaults_warn_that_fixed_costs_are_examples(examples):
    result = run_cli("breakeven", "recipes/bingka-kentang.toml", "--lang", "en", cwd=examples)
    assert "the fixed costs and equipment are the examples of the built-in settings" in " ".join(result.out.split())


def test_own_workspace_has_no_defaults_warning(ws):
    result = run_cli("breakeven", "roti.toml", "--lang", "en", cwd=ws)
    assert "built-in settings" not in result.out


def test_html_page_with_its_chart(examples):
    result = run_cli("breakeven", "recipes/bingka-kentang.toml", "--format", "html", cwd=examples)
    assert result.code == 0, result.err
    assert "<svg" in result.out


def test_help_has_an_example():
    result = run_cli("breakeven", "--help")
    assert result.code == 0
    assert "Contoh: planner breakeven" in result.out
