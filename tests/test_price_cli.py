"""planner price, run as a user would: figures worked by hand, options, warnings, every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_cli

SETTINGS = """\
currency = "IDR"
working_days = 25

[pricing]
{rule}
round_to = 500

[[channels]]
name = "langsung"
[[channels]]
name = "titip"
commission = 0.20
sell_through = 0.85
[[channels]]
name = "gofood"
commission = 0.20
fee = 1_000

[fixed_costs]
sewa = 10_000_000
"""

CATALOG = """\
[tepung]
pack = "1 kg"
price = 18_750

[gula]
pack = "1 kg"
price = 55_000
"""

RECIPE = """\
name = "{name}"

[batch]
pieces = 10
minutes = 0

[[ingredients]]
item = "{item}"
qty = "1 kg"
"""


def make_workspace(folder: Path, rule: str = "markup = 0.40") -> Path:
    """Kue: HPP 18.750 / 10 = 1.875 a piece; Roti: 55.000 / 10 = 5.500 a piece."""
    folder.mkdir(exist_ok=True)
    (folder / "planner.toml").write_text(SETTINGS.format(rule=rule), encoding="utf-8")
    (folder / "prices.toml").write_text(CATALOG, encoding="utf-8")
    (folder / "kue.toml").write_text(RECIPE.format(name="Kue", item="tepung"), encoding="utf-8")
    (folder / "roti.toml").write_text(RECIPE.format(name="Roti", item="gula"), encoding="utf-8")
    return folder


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """Fixed costs: sewa 10.000.000 a month, no equipment; Roti HPP 5.500, Kue HPP 1.875."""
    return make_workspace(tmp_path / "ws")


def cli_json(*args: str, cwd: Path) -> dict:
    """``planner ARGS --format json``, which must succeed, parsed."""
    result = run_cli(*args, "--format", "json", cwd=cwd)
    assert result.code == 0, result.err
    return json.loads(result.out)


def price_json(*args: str, cwd: Path) -> dict:
    return cli_json("price", *args, cwd=cwd)


def test_every_channel_by_hand(ws):
    data = price_json("kue.toml", cwd=ws)
    assert data["product"] == "Kue"
    assert data["unit_cost"] == "1875.00"
    by_name = {c["name"]: c for c in data["channels"]}
    # langsung: 1.875 × 1,4 = 2.625 → 3.000; profit 1.125; margin 1.125 / 3.000 = 0,375;
    # markup 0,375 / 0,625 = 0,6
    assert by_name["langsung"] == {
        "name": "langsung",
        "price": "3000.00",
        "receipt": "3000.00",
        "profit": "1125.00",
        "profit_delivered": "1125.00",  # everything sells: the same
        "margin": "0.375",
        "markup": "0.6",
    }
    # titip: 1.875 / 0,85 = 2.205,88; × 1,4 = 3.088,24; / 0,8 = 3.860,29 → 4.000;
    # receipt 4.000 × 0,8 = 3.200; profit 3.200 − 2.205,88 = 994,12; margin 994,12 / 4.000 = 0,2485
    assert by_name["titip"]["price"] == "4000.00"
    assert by_name["titip"]["receipt"] == "3200.00"
    assert by_name["titip"]["profit"] == "994.12"
    assert by_name["titip"]["margin"] == "0.2485"
    # per piece delivered (decision 8): 3.200 × 0,85 − 1.875 = 2.720 − 1.875 = 845
    assert by_name["titip"]["profit_delivered"] == "845.00"
    # gofood: (2.625 + 1.000) / 0,8 = 4.531,25 → 5.000; receipt 5.000 × 0,8 − 1.000 = 3.000;
    # profit 3.000 − 1.875 = 1.125; margin 0,225; markup 0,225 / 0,775 = 0,2903
    assert by_name["gofood"] == {
        "name": "gofood",
        "price": "5000.00",
        "receipt": "3000.00",
        "profit": "1125.00",
        "profit_delivered": "1125.00",
        "margin": "0.225",
        "markup": "0.2903",
    }


def test_explain_shows_the_real_inputs(ws):
    result = run_cli("price", "kue.toml", "--channel", "gofood", "--explain", cwd=ws)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "(Rp2.625 + Rp1.000) / (1 − 20%) = Rp4.531 → Rp5.000" in text
    assert "Rp5.000 × (1 − 20%) − Rp1.000 = Rp3.000" in text
    assert "Rp1.875 × (1 + 40%) = Rp2.625" in text


def test_explain_in_english_with_sell_through(ws):
    result = run_cli("price", "kue.toml", "--channel", "titip", "--explain", "--lang", "en", cwd=ws)
    text = " ".join(result.out.split())
    assert "target receipt per piece sold = Rp1.875 / 85% × (1 + 40%) = Rp3.088" in text
    assert "profit per piece sold = Rp3.200 − Rp1.875 / 85% = Rp994" in text


def test_one_channel_only(ws):
    data = price_json("kue.toml", "--channel", "titip", cwd=ws)
    assert [c["name"] for c in data["channels"]] == ["titip"]


def test_markup_override(ws):
    # --markup 100%: 1.875 × 2 = 3.750 → 4.000
    data = price_json("kue.toml", "--channel", "langsung", "--markup", "100%", cwd=ws)
    assert data["channels"][0]["price"] == "4000.00"


def test_margin_override(ws):
    # --margin 0,25: 1.875 / 0,75 = 2.500, already on a step
    data = price_json("kue.toml", "--channel", "langsung", "--margin", "0,25", cwd=ws)
    assert data["channels"][0]["price"] == "2500.00"
    assert data["channels"][0]["margin"] == "0.25"


def test_margin_from_the_settings(tmp_path):
    folder = make_workspace(tmp_path / "m", rule="margin = 0.25")
    data = price_json("kue.toml", "--channel", "langsung", cwd=folder)
    assert data["channels"][0]["price"] == "2500.00"


def test_revenue_tax_from_the_settings(tmp_path):
    # roti 5.500 × 1,4 = 7.700; / (1 − 0,5%) = 7.738,69 → 8.000; receipt 8.000 × 0,995 = 7.960
    folder = make_workspace(tmp_path / "t", rule="markup = 0.40\nrevenue_tax = 0.005")
    data = price_json("roti.toml", "--channel", "langsung", cwd=folder)
    assert data["channels"][0]["price"] == "8000.00"
    assert data["channels"][0]["receipt"] == "7960.00"
    assert data["channels"][0]["profit"] == "2460.00"


def test_revenue_tax_is_on_the_shelf_price_and_the_working_says_so(tmp_path):
    """Decision 9: tax on gross turnover, P = (R + f) / (1 − r − t); receipt = P × (1 − r − t) − f."""
    folder = make_workspace(tmp_path / "t", rule="markup = 0.40\nrevenue_tax = 0.005")
    settings = folder / "planner.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + '[[channels]]\nname = "warung"\ncommission = 0.10\ntax_base = "receipt"\n',
        encoding="utf-8",
    )
    result = run_cli("price", "kue.toml", "--explain", "--lang", "en", cwd=folder)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    # gofood: R = 1.875 × 1,4 = 2.625; (2.625 + 1.000) / (1 − 20% − 0,5%) = 3.625 / 0,795 = 4.559,75 → 5.000;
    # receipt 5.000 × 0,795 − 1.000 = 2.975
    assert "gofood: shelf price = (Rp2.625 + Rp1.000) / (1 − 20% − 0,5%) = Rp4.560 → Rp5.000" in text
    assert "gofood: you receive per piece sold = Rp5.000 × (1 − 20% − 0,5%) − Rp1.000 = Rp2.975" in text
    # the shop's own base: 2.625 / 0,995 = 2.638,19; / 0,9 = 2.931,32 → 3.000; (3.000 × 0,9) × 0,995 = 2.686,50
    assert "warung: shelf price = (Rp2.625 / (1 − 0,5%)) / (1 − 10%) = Rp2.931 → Rp3.000" in text
    assert "warung: you receive per piece sold = (Rp3.000 × (1 − 10%)) × (1 − 0,5%) = Rp2.687" in text


def test_a_channel_far_above_the_direct_price_warns_at_its_table(ws):
    """Decision 8: titip 4.000 against langsung 3.000 is 33,3% above (more than 30%); gofood 5.000 is
    66,7% above; the table shows profit per piece delivered, with 85% sold on titip."""
    result = run_cli("price", "kue.toml", "--lang", "en", cwd=ws)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "planner.toml:10: warning: on titip the shelf price Rp4.000 is 33,3% above the direct price Rp3.000" in text
    assert "planner.toml:14: warning: on gofood the shelf price Rp5.000 is 66,7% above" in text
    assert "delivered" in result.out  # the column heading
    # a price of one's own choosing is not judged
    given = run_cli("breakeven", "kue.toml", "-c", "titip", "--price", "4000", "--lang", "en", cwd=ws)
    assert "above the direct price" not in given.out


def test_compare_ranks_titip_by_a_batch_delivered(ws):
    # a batch of 10 left at the shop, 85% sold: 3.200 × 8,5 − 18.750 = 8.450 (= 10 × 845 per piece delivered);
    # roti: 5.500 / 0,85 × 1,4 = 9.058,82 / 0,8 = 11.323,53 → 11.500; 9.200 × 8,5 − 55.000 = 23.200
    data = cli_json("compare", "kue.toml", "roti.toml", "--channel", "titip", "--sort", "profit", cwd=ws)
    assert [(row["product"], row["profit_batch"]) for row in data] == [("Roti", "23200.00"), ("Kue", "8450.00")]
    unknown = run_cli("compare", "kue.toml", "--channel", "titp", "--lang", "en", cwd=ws)
    assert unknown.code == 1 and "did you mean titip?" in unknown.err


def test_no_markup_or_margin_warns_with_the_line(tmp_path):
    folder = make_workspace(tmp_path / "n", rule="")
    result = run_cli("price", "kue.toml", "--lang", "en", cwd=folder)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "planner.toml:4: warning: [pricing] has neither markup nor margin" in text


def test_markup_and_margin_together_is_an_error(ws):
    result = run_cli("price", "kue.toml", "--markup", "0.4", "--margin", "0.3", "--lang", "en", cwd=ws)
    assert result.code == 1
    assert result.err.startswith("--markup and --margin were both given")


@pytest.mark.parametrize("args", [("--margin", "1"), ("--margin", "-0.1"), ("--markup", "12"), ("--markup", "lots")])
def test_bad_overrides_are_errors(ws, args):
    result = run_cli("price", "kue.toml", *args, cwd=ws)
    assert result.code == 1
    assert result.err.startswith(args[0]) and "Traceback" not in result.err


def test_unknown_channel_suggests_the_closest(ws):
    result = run_cli("price", "kue.toml", "--channel", "titp", "--lang", "en", cwd=ws)
    assert result.code == 1
    assert result.err == "unknown sales channel 'titp' (hint: did you mean titip?)\n"


def test_several_files_give_an_array(ws):
    result = run_cli("price", "kue.toml", "roti.toml", "--format", "json", cwd=ws)
    assert [d["product"] for d in json.loads(result.out)] == ["Kue", "Roti"]


# ---------------------------------------------------------------- shipped examples, every format


def test_golden_recipe(examples):
    result = run_cli("price", "recipes/bingka-kentang.toml", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("price-bingka.txt", result.out)


def test_golden_recipe_explained_in_english(examples):
    result = run_cli("price", "recipes/bingka-kentang.toml", "--explain", "--lang", "en", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("price-bingka-explain-en.txt", result.out)


def test_golden_pattern_every_size(examples):
    result = run_cli("price", "patterns/kemeja-sekolah.toml", cwd=examples)
    assert result.code == 0, result.err
    assert_golden("price-kemeja.txt", result.out)


def test_golden_csv_and_markdown(examples):
    for fmt, name in (("csv", "price-kemeja-m.csv"), ("md", "price-kemeja-m.md")):
        result = run_cli("price", "patterns/kemeja-sekolah.toml", "--size", "M", "--format", fmt, cwd=examples)
        assert result.code == 0, result.err
        assert_golden(name, result.out)


def test_pattern_json_has_a_size_per_object(examples):
    data = cli_json("price", "patterns/kemeja-sekolah.toml", cwd=examples)
    assert [d["size"] for d in data] == ["S", "M", "L", "XL"]
    assert list(data[0]) == ["product", "size", "unit_cost", "channels"]
    assert list(data[0]["channels"][0]) == [
        "name",
        "price",
        "receipt",
        "profit",
        "profit_delivered",
        "margin",
        "markup",
    ]


def test_output_file(examples):
    result = run_cli("price", "recipes/bingka-kentang.toml", "--format", "md", "--output", "harga.md", cwd=examples)
    assert result.code == 0, result.err
    assert (examples / "harga.md").read_text(encoding="utf-8").startswith("## Bingka kentang")


def test_html_page(examples):
    result = run_cli("price", "recipes/bingka-kentang.toml", "--format", "html", cwd=examples)
    assert result.code == 0, result.err
    assert "Bingka kentang" in result.out and "titip" in result.out


def test_help_has_an_example():
    result = run_cli("price", "--help")
    assert result.code == 0
    assert "Contoh: planner price" in result.out
