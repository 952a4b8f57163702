"""Layered workspaces: a folder with its own planner.toml inside a workspace layers over its parent.

Settings merge key by key (a table) or are replaced whole (an array, a value); a prices.toml adds
to and overrides the catalog above it item by item; every value remembers the file that set it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planner.layering import merge_layers
from planner.layers import layer_folders
from planner.workspace import load_workspace

D = Decimal

CLASS = """
business = "Kelas UMKM"
[labor]
wage_per_hour = 20_000
hours_per_day = 7
[pricing]
markup = 0.40
round_to = 500
[[channels]]
name = "langsung"
[[channels]]
name = "titip"
commission = 0.20
[fixed_costs]
listrik = 50_000
internet = 25_000
[[equipment]]
name = "oven-kelas"
price = 1_800_000
life_months = 36
shared = true
"""
CLASS_PRICES = """
[gula-pasir]
pack = "1 kg"
price = 17_000
[telur-ayam]
pack = "1 kg"
price = 30_000
"""
SITI = """
business = "Kue Siti"
[labor]
wage_per_hour = 15_000
[fixed_costs]
listrik = 30_000
[[equipment]]
name = "kukusan-siti"
price = 240_000
life_months = 24
"""
SITI_PRICES = """
[gula-pasir]
pack = "1 kg"
price = 18_000
[santan]
pack = "1 l"
price = 12_000
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def kelas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(
        tmp_path,
        {
            "kelas/planner.toml": CLASS,
            "kelas/prices.toml": CLASS_PRICES,
            "kelas/siti/planner.toml": SITI,
            "kelas/siti/prices.toml": SITI_PRICES,
            "kelas/siti/kue.toml": "",
            "kelas/kue-kelas.toml": "",
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path / "kelas"


# ---------------------------------------------------------------- merging


def test_a_table_merges_key_by_key_and_an_array_is_replaced_whole():
    merged, origins = merge_layers(
        [
            ("kelas/planner.toml", {"labor": {"wage_per_hour": 20_000, "workers": 2}, "channels": [{"name": "a"}]}),
            ("kelas/siti/planner.toml", {"labor": {"wage_per_hour": 15_000}, "channels": [{"name": "b"}]}),
        ]
    )
    assert merged == {"labor": {"wage_per_hour": 15_000, "workers": 2}, "channels": [{"name": "b"}]}
    assert origins.source(("labor", "wage_per_hour")) == "kelas/siti/planner.toml"
    assert origins.source(("labor", "workers")) == "kelas/planner.toml"
    assert origins.source(("channels", 0, "name")) == "kelas/siti/planner.toml"
    # a whole table: the nearest file that wrote anything in it
    assert origins.source(("labor",)) == "kelas/siti/planner.toml"
    # a key nobody wrote: the nearest layer
    assert origins.source(("quote", "rush")) == "kelas/siti/planner.toml"


def test_markup_written_below_drops_the_margin_inherited_from_above():
    merged, origins = merge_layers(
        [
            ("a/planner.toml", {"pricing": {"margin": D("0.3"), "round_to": 500}}),
            ("a/b/planner.toml", {"pricing": {"markup": D("0.5")}}),
        ]
    )
    assert merged == {"pricing": {"markup": D("0.5"), "round_to": 500}}
    assert origins.source(("pricing", "margin")) == "a/b/planner.toml"  # not written: the nearest layer
    assert origins.source(("pricing", "round_to")) == "a/planner.toml"


def test_a_value_over_a_table_forgets_what_was_inside_it():
    _merged, origins = merge_layers([("a", {"labor": {"workers": 2}}), ("b", {"labor": 5})])
    assert origins.paths == {("labor",): "b"}


# ---------------------------------------------------------------- loading


def test_a_participant_folder_layers_over_the_class(kelas: Path):
    ws = load_workspace(first=Path("kelas/siti/kue.toml"))
    assert ws.root == Path("kelas/siti")
    assert ws.layers == ("kelas/planner.toml", "kelas/siti/planner.toml") and ws.layered
    s = ws.settings
    assert s.business == "Kue Siti"
    assert (s.labor.wage_per_hour, s.labor.hours_per_day) == (15_000, 7)  # own wage, the class's hours
    assert s.pricing.markup == D("0.40")
    assert [c.name for c in s.channels] == ["langsung", "titip"]
    assert s.fixed_costs == {"listrik": 30_000, "internet": 25_000}  # a table: key by key
    assert [e.name for e in s.equipment] == ["kukusan-siti"]  # an array: replaced, the class's oven is gone
    # the catalog: the class's items, Siti's added and overriding item by item
    assert {k: v.price for k, v in ws.catalog.items()} == {"gula-pasir": 18_000, "telur-ayam": 30_000, "santan": 12_000}
    assert ws.item_source("gula-pasir") == "kelas/siti/prices.toml"
    assert ws.item_source("telur-ayam") == "kelas/prices.toml"
    assert ws.source("labor", "wage_per_hour") == "kelas/siti/planner.toml"
    assert ws.source("pricing", "markup") == "kelas/planner.toml"
    assert ws.source("equipment") == "kelas/siti/planner.toml"
    assert not ws.diagnostics.problems


def test_the_class_folder_alone_is_a_workspace_of_one_layer(kelas: Path):
    ws = load_workspace(first=Path("kelas/kue-kelas.toml"))
    assert ws.layers == ("kelas/planner.toml",) and not ws.layered
    assert ws.settings.business == "Kelas UMKM"
    assert [e.name for e in ws.settings.equipment] == ["oven-kelas"]


def test_layers_stop_at_the_first_folder_above_without_planner_toml(tmp_path: Path, monkeypatch):
    write(tmp_path, {"planner.toml": 'business = "far up"', "a/b/planner.toml": "", "a/b/c/planner.toml": ""})
    monkeypatch.chdir(tmp_path)
    # a/ has no planner.toml: the stray one at the top never joins
    assert layer_folders(Path("a/b/c")) == [Path("a/b"), Path("a/b/c")]
    assert load_workspace(first=Path("a/b/c/x.toml")).settings.business == ""
    # an empty planner.toml in a/ makes it a layer, and the top one joins through it
    write(tmp_path, {"a/planner.toml": ""})
    assert layer_folders(Path("a/b/c")) == [Path("."), Path("a"), Path("a/b"), Path("a/b/c")]
    assert load_workspace(first=Path("a/b/c/x.toml")).settings.business == "far up"


def test_a_problem_in_the_class_settings_is_told_at_the_class_file_and_line(kelas: Path):
    (kelas / "planner.toml").write_text(CLASS.replace("hours_per_day = 7", "hours_per_day = -7"), encoding="utf-8")
    ws = load_workspace(first=Path("kelas/siti/kue.toml"))
    (err,) = ws.diagnostics.problems
    assert (err.path, err.line) == ("kelas/planner.toml", 5)
    # the broken table gives way to its default, as in one workspace; the rest still counts
    assert ws.settings.labor.hours_per_day == 8 and ws.settings.business == "Kue Siti"


def test_a_broken_item_of_the_participant_is_told_at_its_own_prices_toml(kelas: Path):
    (kelas / "siti" / "prices.toml").write_text(SITI_PRICES.replace("price = 12_000", "price = -1"), encoding="utf-8")
    ws = load_workspace(first=Path("kelas/siti/kue.toml"))
    (err,) = ws.diagnostics.problems
    assert (err.path, err.line) == ("kelas/siti/prices.toml", 7)
    assert "santan" in ws.catalog.broken and "santan" not in ws.catalog


def test_a_currency_that_contradicts_the_parent_is_an_error_at_its_line(kelas: Path):
    (kelas / "siti" / "planner.toml").write_text('currency = "USD"\n' + SITI, encoding="utf-8")
    ws = load_workspace(first=Path("kelas/siti/kue.toml"))
    (err,) = ws.diagnostics.problems
    assert (err.path, err.line, err.loc) == ("kelas/siti/planner.toml", 1, ("currency",))
    assert err.message.params == {"currency": "USD", "parent": "IDR", "file": "kelas/planner.toml"}
    assert ws.settings.currency == "IDR" and ws.places == 0  # the class's money still counts


def test_each_product_file_gets_the_workspace_of_its_own_folder(kelas: Path):
    ws = load_workspace(first=Path("kelas/kue-kelas.toml"))
    siti = ws.for_file(Path("kelas/siti/kue.toml"))
    assert siti is not ws and siti.settings.business == "Kue Siti"
    assert ws.for_file(Path("kelas/kue-kelas.toml")) is ws
    assert ws.for_file(Path("kelas/siti/kue.toml")) is siti  # loaded once a run
    assert siti.diagnostics is ws.diagnostics and siti.texts is ws.texts  # one run: one set of problems and files
    assert ws.texts.keys() >= {"kelas/planner.toml", "kelas/siti/planner.toml"}


def test_with_the_workspace_option_every_file_is_costed_in_it(kelas: Path):
    ws = load_workspace(Path("kelas"))
    assert ws.for_file(Path("kelas/siti/kue.toml")) is ws
