"""A class on the planner: each participant's products costed with their own folder's settings.

The class folder holds the shared settings and catalog; Siti (kue) and Ani (a tailor) hold only what
differs. Every figure below is worked out by hand from the files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

CLASS = """business = "Kelas UMKM"
[labor]
wage_per_hour = 20_000
[pricing]
markup = 0.40
round_to = 500
[[channels]]
name = "langsung"
[fixed_costs]
listrik = 50_000
internet = 25_000
[[equipment]]
name = "oven-kelas"
price = 1_800_000
life_months = 36
shared = true
"""
PRICES = """[gula-pasir]
pack = "1 kg"
price = 17_000
[katun]
pack = "1 m"
price = 20_000
width = "150 cm"
step = "0.5 m"
"""
SITI = """business = "Kue Siti"
[labor]
wage_per_hour = 15_000
[fixed_costs]
listrik = 30_000
[[equipment]]
name = "kukusan-siti"
price = 240_000
life_months = 24
shared = true
"""
KUE = """name = "Kue gula"
[batch]
pieces = 10
minutes = 60
[[ingredients]]
item = "gula-pasir"
qty = "1 kg"
"""
ANI = """business = "Jahit Ani"
[[equipment]]
name = "mesin-ani"
price = 3_000_000
life_months = 60
"""
ROK = """name = "Rok"
sizes = ["S", "M", "L"]
equipment = "mesin-ani"
[fabric]
item = "katun"
width = "150 cm"
need = { S = "1 m", M = "1 m", L = "1.5 m" }
waste = 0
[[operations]]
name = "Jahit"
minutes = 60
"""


@pytest.fixture
def kelas(tmp_path: Path) -> Path:
    files = {
        "kelas/planner.toml": CLASS,
        "kelas/prices.toml": PRICES,
        "kelas/siti/planner.toml": SITI,
        "kelas/siti/kue.toml": KUE,
        "kelas/ani/planner.toml": ANI,
        "kelas/ani/rok.toml": ROK,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def as_json(folder: Path, *args: str) -> object:
    result = run_cli(*args, "-f", "json", cwd=folder)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_a_participant_break_even_carries_her_own_equipment_not_the_class_oven(kelas: Path):
    be = as_json(kelas, "breakeven", "kelas/siti/kue.toml")
    # HPP: 1 kg gula 17.000 (class catalog) + 60 min × Siti's 15.000 an hour = 32.000 a batch / 10 = 3.200
    # price: 3.200 × 1,40 = 4.480 → 4.500 (class rule); contribution 4.500 − 3.200 = 1.300
    # fixed: listrik 30.000 (Siti's, over the class's 50.000) + internet 25.000 (the class's)
    #        + kukusan 240.000 / 24 = 10.000 (Siti's equipment replaces the class's list) = 65.000
    # break-even 65.000 / 1.300 = 50; with the class oven (1.800.000 / 36 = 50.000) leaking it would be 89
    assert (be["unit_cost"], be["price"], be["fixed_costs"], be["units"]) == ("3200.00", "4500.00", "65000.00", 50)
    assert [line["name"] for line in be["fixed_lines"]] == ["listrik", "internet", "kukusan-siti"]


def test_a_tailor_in_the_class_quotes_with_her_own_business_and_machine(kelas: Path):
    be = as_json(kelas, "breakeven", "kelas/ani/rok.toml", "--size", "M")
    # M: 1 m katun × 20.000 + 60 min × the class's 20.000 an hour = 40.000; × 1,40 = 56.000
    # fixed: 50.000 + 25.000 + mesin-ani 3.000.000 / 60 = 50.000 → 125.000; / 16.000 = 7,8 → 8
    assert (be["unit_cost"], be["price"], be["fixed_costs"], be["units"]) == ("40000.00", "56000.00", "125000.00", 8)
    assert "oven-kelas" not in json.dumps(be)
    quote = run_cli("quote", "kelas/ani/rok.toml", "--size", "M", "--qty", "2", "-f", "text", cwd=kelas)
    assert quote.code == 0, quote.err
    assert quote.out.startswith("Jahit Ani — ") and "Kelas UMKM" not in quote.out
    assert "2 × Rp56.000 = Rp112.000" in quote.out
    page = run_cli("quote", "kelas/ani/rok.toml", "--size", "M", "--qty", "2", "-f", "html", cwd=kelas).out
    assert '<div class="business">Jahit Ani</div>' in page and "Kelas UMKM" not in page


def test_one_run_costs_each_product_with_its_own_folder_settings(kelas: Path):
    kue, *rok = as_json(kelas, "cost", "kelas/siti/kue.toml", "kelas/ani/rok.toml")
    assert kue["totals"]["labor"] == "15000.00"  # Siti's own 15.000 an hour
    # Ani writes no wage: the class's 20.000 an hour; S and M 1 m of katun, L 1,5 m
    assert [size["totals"]["labor"] for size in rok] == ["20000.00"] * 3
    assert [size["totals"]["unit"] for size in rok] == ["40000.00", "40000.00", "50000.00"]


def test_compare_across_the_class_prices_each_by_its_own_folder(kelas: Path):
    rows = as_json(kelas, "compare", "kelas", "--sort", "name")
    assert [(r["product"], r["size"], r["unit_cost"], r["price"]) for r in rows] == [
        ("Kue gula", None, "3200.00", "4500.00"),
        # L: 1,5 m × 20.000 + 20.000 = 50.000; × 1,40 = 70.000
        ("Rok", "L", "50000.00", "70000.00"),
        ("Rok", "M", "40000.00", "56000.00"),
        ("Rok", "S", "40000.00", "56000.00"),
    ]


def test_explain_names_the_file_that_set_each_figure(kelas: Path):
    result = run_cli("breakeven", "kelas/siti/kue.toml", "--explain", "--lang", "en", cwd=kelas)
    assert result.code == 0, result.err
    out = result.out
    assert "labor.wage_per_hour Rp15.000 from kelas/siti/planner.toml" in out
    assert "pricing.markup 40% from kelas/planner.toml" in out
    assert "fixed_costs.listrik Rp30.000 from kelas/siti/planner.toml" in out
    assert "fixed_costs.internet Rp25.000 from kelas/planner.toml" in out
    assert "equipment kukusan-siti from kelas/siti/planner.toml" in out
    assert "gula-pasir Rp17.000 per 1 kg from kelas/prices.toml" in out
    assert "working_days 25: planner's default" in out


def test_a_warning_about_a_class_setting_is_told_at_the_class_file(kelas: Path):
    (kelas / "kelas" / "planner.toml").write_text(CLASS.replace("markup = 0.40\n", ""), encoding="utf-8")
    result = run_cli("price", "kelas/siti/kue.toml", "--lang", "en", cwd=kelas)
    assert result.code == 0, result.err
    # [pricing] is the class's, on its line 4, though the run is Siti's
    assert "kelas/planner.toml:4: warning: [pricing] has neither markup nor margin" in result.out


def test_whatif_summary_gives_one_row_per_product_across_the_class(kelas: Path):
    rows = as_json(kelas, "whatif", "kelas/siti/kue.toml", "kelas/ani/rok.toml", "-c", "gula-pasir=+100%", "--summary")
    kue, rok = rows
    # kue: gula 17.000 → 34.000: (34.000 + 15.000) / 10 = 4.900, +1.700 = +53,125% of 3.200
    # at today's 4.500 the margin is (4.500 − 4.900) / 4.500 = −8,89%; break-even 50 today, never after
    assert (kue["unit_cost_today"], kue["unit_cost_after"], kue["change"], kue["change_share"]) == (
        "3200.00",
        "4900.00",
        "1700.00",
        "0.5313",
    )
    assert (kue["margin_after"], kue["units_today"], kue["units_after"]) == ("-0.0889", 50, None)
    # the pattern: its middle size (M of S, M, L), which uses no gula: 16.000 / 56.000 = 28,57%, 8 and 8
    assert (rok["size"], rok["unit_cost_today"], rok["unit_cost_after"], rok["change"]) == (
        "M",
        "40000.00",
        "40000.00",
        "0.00",
    )
    assert (rok["margin_after"], rok["units_today"], rok["units_after"]) == ("0.2857", 8, 8)
    table = run_cli(
        "whatif",
        "kelas/siti/kue.toml",
        "kelas/ani/rok.toml",
        "-c",
        "gula-pasir=+100%",
        "--summary",
        "-f",
        "md",
        cwd=kelas,
    )
    assert table.code == 0, table.err
    assert "| Kue gula | 3.200 | 4.900 | 1.700 | 53,1% | -8,9% | 50 | tidak pernah |" in table.out


def test_a_change_of_an_item_a_participant_catalog_lacks_is_told_at_that_catalog(kelas: Path):
    (kelas / "kelas" / "siti" / "prices.toml").write_text('[santan]\npack = "1 l"\nprice = 12_000\n', encoding="utf-8")
    result = run_cli(
        "whatif",
        "kelas/siti/kue.toml",
        "kelas/ani/rok.toml",
        "-c",
        "santan=+10%",
        "--summary",
        "--lang",
        "en",
        cwd=kelas,
    )
    assert result.code == 1
    assert result.err.startswith("kelas/prices.toml: unknown item 'santan'"), result.err


def test_products_of_two_currencies_are_not_shown_in_one_run(kelas: Path):
    (kelas / "usd").mkdir()
    (kelas / "usd" / "planner.toml").write_text('currency = "USD"\n', encoding="utf-8")
    (kelas / "usd" / "kue.toml").write_text(KUE, encoding="utf-8")
    (kelas / "usd" / "prices.toml").write_text(PRICES.replace("price = 17_000", "price = 1.25"), encoding="utf-8")
    result = run_cli("cost", "kelas/siti/kue.toml", "usd/kue.toml", "--lang", "en", cwd=kelas)
    assert result.code == 1
    assert result.err.startswith("usd/planner.toml:1: this workspace counts money in USD"), result.err


def test_check_of_the_class_checks_every_participant_settings_and_says_where_each_comes_from(kelas: Path):
    (kelas / "kelas" / "rahmah").mkdir()
    (kelas / "kelas" / "rahmah" / "planner.toml").write_text("[labor]\nworkers = 0\n", encoding="utf-8")
    result = run_cli("check", "--explain", "--lang", "en", cwd=kelas / "kelas")
    # a participant folder with no product yet is checked all the same, at its own line
    assert result.err.startswith("rahmah/planner.toml:2: "), result.err
    assert result.code == 1
    out = result.out
    assert ".: every setting from planner.toml, every price from prices.toml\n" in out
    assert "siti: settings from planner.toml + siti/planner.toml, prices from prices.toml\n" in out
    assert "  labor.wage_per_hour Rp15.000 from siti/planner.toml\n" in out
    assert "  pricing.markup 40% from planner.toml\n" in out
    assert "  2 items from prices.toml\n" in out
    assert "rahmah/planner.toml: 1 error\n" in out


def test_checking_a_participant_folder_does_not_call_the_class_items_unused(kelas: Path):
    result = run_cli("check", "--lang", "en", cwd=kelas / "kelas" / "siti")
    assert result.code == 0, result.err
    assert "katun" not in result.err  # Ani uses it; from Siti's folder that cannot be judged
    whole = run_cli("check", "--lang", "en", cwd=kelas / "kelas")
    assert whole.code == 0 and whole.err == ""  # from the class folder: every item is used by someone


# ---------------------------------------------------------------- planner sheet


def test_sheet_gives_each_product_its_cost_prices_and_break_even_in_its_own_settings(kelas: Path):
    rok, kue = as_json(kelas, "sheet", "kelas")
    assert (kue["product"], kue["business"], kue["size"]) == ("Kue gula", "Kue Siti", None)
    assert kue["cost"]["totals"]["unit"] == "3200.00"  # worked out above: 32.000 / 10
    assert [c["price"] for c in kue["price"]["channels"]] == ["4500.00"]
    assert (kue["breakeven"]["fixed_costs"], kue["breakeven"]["units"]) == ("65000.00", 50)
    # a pattern: its middle size (M of S, M, L), and every size's HPP and direct price beside it
    assert (rok["business"], rok["size"], rok["breakeven"]["units"]) == ("Jahit Ani", "M", 8)
    assert rok["sizes"] == [
        {"size": "S", "unit_cost": "40000.00", "price": "56000.00"},
        {"size": "M", "unit_cost": "40000.00", "price": "56000.00"},
        {"size": "L", "unit_cost": "50000.00", "price": "70000.00"},
    ]
    (large,) = as_json(kelas, "sheet", "kelas/ani/rok.toml", "--size", "L")
    assert (large["size"], large["cost"]["totals"]["unit"]) == ("L", "50000.00")


def test_sheet_html_heads_each_page_with_its_own_business(kelas: Path):
    result = run_cli("sheet", "kelas", "--today", "2026-12-01", cwd=kelas, env={"SOURCE_DATE_EPOCH": "1796083200"})
    assert result.code == 0, result.err
    page = result.out
    assert page.count('<section class="report report-sheet">') == 2
    assert page.count('<header class="page-head">') == 2  # one per product, none for the whole page
    assert '<div class="business">Jahit Ani</div>' in page and '<div class="business">Kue Siti</div>' in page
    assert "Kelas UMKM" not in page  # the class's own name is no participant's business
    assert '@bottom-left { content: "1 Desember 2026"; }' in page  # two businesses: the footer dates only


def test_sheet_speaks_html_json_and_markdown_only(kelas: Path):
    assert "| Kue gula" not in run_cli("sheet", "kelas", "-f", "md", cwd=kelas).out  # titles are headings
    assert "## Kue gula" in run_cli("sheet", "kelas", "-f", "md", cwd=kelas).out
    result = run_cli("sheet", "kelas", "-f", "table", "--lang", "en", cwd=kelas)
    assert result.code == 1
    assert result.err == "unknown format 'table' (hint: use one of html, json, md)\n"


def test_a_channel_one_participant_does_not_sell_on_is_told_at_her_settings(kelas: Path):
    (kelas / "kelas" / "siti" / "planner.toml").write_text(
        SITI + '[[channels]]\nname = "langsung"\n[[channels]]\nname = "titip"\ncommission = 0.2\n', encoding="utf-8"
    )
    result = run_cli(
        "price", "kelas/siti/kue.toml", "kelas/ani/rok.toml", "--channel", "titip", "--lang", "en", cwd=kelas
    )
    assert result.code == 1
    # Siti's run has titip; Ani's folder does not write [[channels]], so the class's (line 7) has none
    assert result.err == "kelas/planner.toml:7: unknown sales channel 'titip' (hint: the settings have langsung)\n"
