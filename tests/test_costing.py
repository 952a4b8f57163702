"""The one costing engine, against figures worked out by hand.

Each test writes a small workspace (planner.toml, prices.toml and the product
files, inline TOML) into a temporary folder, loads it the way the CLI does and
checks every figure to the rupiah. Prices are round so the arithmetic in the
comments can be followed with pencil and paper. Formulas: docs/design.md.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planner.costing import Context, cost_product
from planner.errors import InputError, InputErrors
from planner.money import quantize
from planner.reports.cost import shown_sheet
from planner.texts import _
from planner.workspace import load_product, load_workspace

D = Decimal

SETTINGS = """\
currency = "IDR"
language = "en"

[labor]
wage_per_hour = 30_000        # Rp500 a minute
"""

CATALOG = """\
[tepung-terigu]
pack = "1 kg"
price = 12_000
units = { sdm = "8 g" }

[gula-pasir]
pack = "1 kg"
price = 18_000

[telur-ayam]
pack = "1 kg"
price = 28_000
piece = "62.5 g"

[santan]
pack = "1 l"
price = 20_000

[pisang-kepok]
pack = "1 sisir"
price = 14_000
units = { sisir = "15 buah" }
yield = 0.7

[lpg-3kg]
pack = "3 kg"
price = 21_000

[mika]
pack = "50 pcs"
price = 25_000

[katun-150]
name = "Katun 150 cm"
pack = "1 m"
price = 40_000
width = "150 cm"

[katun-115]
name = "Katun 115 cm"
pack = "1 m"
price = 30_000
width = "115 cm"

[kancing]
pack = "1 lusin"
price = 6_000
units = { lusin = "12 pcs" }

[benang]
pack = "500 m"
price = 5_000

[plastik-baju]
pack = "100 pcs"
price = 50_000
"""

KUE = """\
name = "Kue uji"

[batch]
pieces = 10
loss = 0.2                 # 2 of 10 break: 8 fit to sell
minutes = 45

[[ingredients]]
item = "tepung-terigu"
qty = "3 ons"
[[ingredients]]
item = "tepung-terigu"
qty = "2 sdm"
[[ingredients]]
item = "telur-ayam"
qty = "4 butir"
[[ingredients]]
item = "santan"
qty = "1 gelas"
[[ingredients]]
item = "pisang-kepok"
qty = "6 buah"

[[overhead]]
item = "lpg-3kg"
qty = "300 g"
[[overhead]]
name = "Daun pisang"
cost = 1_000

[packaging]
pieces_per_pack = 2
items = [ { item = "mika", qty = "1 pcs" } ]
"""

VLA = """\
name = "Vla santan"

[batch]
pieces = 1
output = "500 ml"
minutes = 12

[[ingredients]]
item = "santan"
qty = "400 ml"
[[ingredients]]
item = "gula-pasir"
qty = "100 g"

[packaging]
items = [ { item = "mika", qty = "1 pcs" } ]
"""

ISI = """\
name = "Isi kelapa"

[batch]
pieces = 20
loss = 0.2                 # 16 fit to use
minutes = 16

[[ingredients]]
item = "gula-pasir"
qty = "400 g"
"""

PUDING = """\
name = "Puding"

[batch]
pieces = 4
minutes = 0

[[ingredients]]
recipe = "sub/vla"         # relative to this file, .toml left off
qty = "1 gelas"
[[ingredients]]
recipe = "isi.toml"
qty = "4 pcs"
"""

KEMEJA = """\
name = "Kemeja uji"
sizes = ["S", "M"]

[fabric]
item = "katun-150"
width = "150 cm"
need = { S = "1.20 m", M = "1.50 m" }
waste = 0.1

[[materials]]
item = "kancing"
qty = "6 pcs"
[[materials]]
item = "benang"
qty = "100 m"

[[operations]]
name = "Potong"
minutes = 20
[[operations]]
name = "Jahit"
minutes = 60
efficiency = 0.8

[[services]]
name = "Bordir"
cost = 5_000

[packaging]
items = [ { item = "plastik-baju", qty = "1 pcs" } ]
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    files = {
        "planner.toml": SETTINGS,
        "prices.toml": CATALOG,
        "kue.toml": KUE,
        "sub/vla.toml": VLA,
        "isi.toml": ISI,
        "puding.toml": PUDING,
        "kemeja.toml": KEMEJA,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def cost(folder: Path, name: str, size: str | None = None, **context):
    ws = load_workspace(folder)
    ctx = Context(ws.settings, ws.catalog, ws.units, **context)
    return cost_product(load_product(ws, folder / name), ctx, size)


def line_costs(sheet) -> dict[str, Decimal]:
    return {f"{line.group}:{line.item or line.label}:{line.qty}": line.cost for line in sheet.lines}


# ---------------------------------------------------------------- a recipe, line by line


def test_each_ingredient_line_is_priced_from_its_pack(workspace):
    (sheet,) = cost(workspace, "kue.toml")
    costs = [line.cost for line in sheet.lines if line.group == "ingredients"]
    assert costs == [
        D(3600),  # 3 ons = 300 g = 0,3 kg × Rp 12.000 / 1 kg
        D(192),  # item sdm: 2 sdm × 8 g = 16 g = 0,016 kg × Rp 12.000
        D(7000),  # butir by piece weight: 4 × 62,5 g = 250 g = 0,25 kg × Rp 28.000
        D(4000),  # gelas 200 ml = 0,2 l × Rp 20.000
        D(5600),  # 6 buah / 15 a sisir = 0,4 sisir × Rp 14.000: counted as bought, no yield (decision 1)
    ]
    assert sheet.total("ingredients") == 20_392  # 3.600 + 192 + 7.000 + 4.000 + 5.600


def test_labour_is_minutes_at_the_hourly_wage(workspace):
    (sheet,) = cost(workspace, "kue.toml")
    assert sheet.total("labor") == 22_500  # 45 min / 60 × Rp 30.000
    assert sheet.minutes == 45


def test_overhead_lines_from_the_catalog_and_plain_amounts(workspace):
    (sheet,) = cost(workspace, "kue.toml")
    assert [line.cost for line in sheet.lines if line.group == "overhead"] == [
        D(2100),  # 300 g LPG = 0,1 of a 3 kg tube × Rp 21.000
        D(1000),  # Daun pisang, a plain amount
    ]


def test_loss_leaves_fewer_pieces_to_sell_and_packaging_follows_them(workspace):
    (sheet,) = cost(workspace, "kue.toml")
    assert sheet.sellable == 8  # 10 × (1 − 0,2)
    # one mika (Rp 25.000 / 50 = Rp 500) holds 2 pieces: Rp 250 a piece, × 8 sellable = Rp 2.000
    assert sheet.total("packaging") == 2000
    (mika,) = [line for line in sheet.lines if line.group == "packaging"]
    assert mika.qty.amount == 4  # 8 pieces / 2 a pack = 4 mika


def test_hpp_per_piece_spreads_the_batch_over_the_sellable_pieces(workspace):
    (sheet,) = cost(workspace, "kue.toml")
    # batch = 20.392 + 22.500 + 3.100 + 2.000 = 47.992
    assert sheet.batch == 47_992
    # C = (20.392 + 22.500 + 3.100) / 8 + 250 = 5.749 + 250 = 5.999 = 47.992 / 8
    assert sheet.unit == 5_999


def test_yield_is_the_usable_share_of_what_is_weighed_not_of_what_is_counted(tmp_path: Path):
    """Decision 1: the shipped amparan tatak charged a Rp15.000 sisir of bananas as Rp21.429
    (15.000 / 0,7). A sisir, a buah or a butir is what was bought, peel and all; grams weighed
    out of a recipe are the usable part, so they cost more of what is bought."""
    (tmp_path / "planner.toml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "prices.toml").write_text(
        '[pisang]\npack = "1 sisir"\nprice = 15_000\nunits = { sisir = "15 buah" }\npiece = "100 g"\nyield = 0.7\n'
        '[kentang]\npack = "1 kg"\nprice = 20_000\nyield = 0.8\n',
        encoding="utf-8",
    )
    lines = "".join(
        f'[[ingredients]]\nitem = "{item}"\nqty = "{qty}"\n'
        for item, qty in [("pisang", "1 sisir"), ("pisang", "6 buah"), ("pisang", "300 g"), ("kentang", "400 g")]
    )
    (tmp_path / "kue.toml").write_text(f'name = "Kue"\n[batch]\npieces = 10\nminutes = 0\n{lines}', encoding="utf-8")
    (sheet,) = cost(tmp_path, "kue.toml")
    assert [line.cost for line in sheet.lines if line.group == "ingredients"] == [
        D(15_000),  # 1 sisir as bought = Rp 15.000
        D(6_000),  # 6 buah / 15 a sisir = 0,4 sisir × Rp 15.000
        D(15_000) * 3 / 15 / D("0.7"),  # 300 g / 100 g a piece = 3 buah = 0,2 sisir, / 0,7 usable = 4.285,71
        D(10_000),  # 400 g usable / 0,8 = 500 g bought = 0,5 kg × Rp 20.000
    ]


def test_a_run_price_override_replaces_the_catalog_price(workspace):
    (sheet,) = cost(workspace, "kue.toml", prices={"telur-ayam": D(32_000)})
    eggs = next(line for line in sheet.lines if line.item == "telur-ayam")
    assert eggs.cost == 8000  # 0,25 kg × Rp 32.000
    assert sheet.batch == 47_992 + 1000  # one line up by 8.000 − 7.000


def test_needs_are_purchase_packs_before_yield(workspace):
    (sheet,) = cost(workspace, "kue.toml")
    needs = sheet.needs()
    assert needs["tepung-terigu"] == D("0.316")  # 0,3 kg + 0,016 kg
    assert needs["pisang-kepok"] == D("0.4")  # 6 buah counted: 0,4 sisir, as bought
    assert needs["mika"] == D("0.08")  # 4 mika of a 50-pack


# ---------------------------------------------------------------- sub-recipes


def test_a_sub_recipe_costs_its_batch_without_packaging_times_used_over_output(workspace):
    (sheet,) = cost(workspace, "puding.toml")
    vla, isi = [line for line in sheet.lines if line.group == "ingredients"]
    # Vla: santan 0,4 l × 20.000 = 8.000; gula 0,1 kg × 18.000 = 1.800; 12 min × 500 = 6.000
    # batch without its mika = 15.800; 1 gelas = 200 ml of 500 ml: 15.800 × 200 / 500 = 6.320
    assert vla.cost == 6320
    # Isi by the piece: gula 0,4 kg × 18.000 = 7.200 + 16 min × 500 = 8.000 -> 15.200
    # for 16 sellable pieces; 4 pcs: 15.200 × 4 / 16 = 3.800
    assert isi.cost == 3800
    assert sheet.batch == 10_120  # 6.320 + 3.800, no labour or packaging of its own
    assert sheet.unit == 2530  # / 4 pieces
    # the sub-recipes' labour counts in planning: 12 × 200/500 + 16 × 4/16 = 4,8 + 4 minutes
    assert sheet.minutes == D("8.8")


def test_a_sub_recipe_used_by_volume_needs_its_output(workspace):
    (workspace / "isi.toml").write_text(ISI, encoding="utf-8")
    (workspace / "puding.toml").write_text(PUDING.replace('"4 pcs"', '"100 g"'), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        cost(workspace, "puding.toml")
    assert [p.message.key for p in caught.value.problems] == [
        _("cannot tell how much of {recipe} one batch makes in {unit}")
    ]


def test_sub_recipes_that_use_each_other_are_a_cycle(workspace):
    (workspace / "isi.toml").write_text(ISI + '[[ingredients]]\nrecipe = "puding"\nqty = "1 pcs"\n')
    with pytest.raises(InputErrors) as caught:
        cost(workspace, "puding.toml")
    (err,) = caught.value.problems
    assert err.message.key == _("sub-recipes refer to each other in a circle: {chain}")
    assert err.message.params["chain"] == "puding.toml → isi.toml → puding.toml"
    assert err.path.endswith("isi.toml") and err.line == 12  # recipe = "puding", line 12 of isi.toml


# ---------------------------------------------------------------- patterns


def test_a_pattern_costs_one_garment_per_size(workspace):
    sheets = {s.size: s for s in cost(workspace, "kemeja.toml")}
    m = sheets["M"]
    assert m.sellable == 1
    assert m.total("fabric") == 66_000  # 1,50 m × (1 + 0,1) = 1,65 m × Rp 40.000
    assert m.total("materials") == 4000  # kancing 6/12 lusin × 6.000 = 3.000; benang 100/500 × 5.000 = 1.000
    # Potong 20 min × 500 = 10.000; Jahit 60 min / 0,8 = 75 min × 500 = 37.500
    assert m.total("labor") == 47_500
    assert m.total("services") == 5000
    assert m.total("packaging") == 500  # 50.000 / 100 plastik
    assert m.unit == m.batch == 123_000  # 66.000 + 4.000 + 47.500 + 5.000 + 500
    assert m.minutes == 95  # 20 + 75
    # size S: 1,20 × 1,1 = 1,32 m × 40.000 = 52.800; 52.800 + 57.000 = 109.800
    assert sheets["S"].total("fabric") == 52_800 and sheets["S"].unit == 109_800
    assert not m.estimate


def test_one_size_only(workspace):
    (sheet,) = cost(workspace, "kemeja.toml", size="S")
    assert sheet.size == "S" and sheet.unit == 109_800


def test_an_unknown_size_lists_the_sizes(workspace):
    with pytest.raises(InputError) as caught:
        cost(workspace, "kemeja.toml", size="XL")
    assert caught.value.message.params == {"size": "XL", "sizes": "S, M"}


def test_another_fabric_width_converts_by_area_and_is_an_estimate(workspace):
    (sheet,) = cost(workspace, "kemeja.toml", size="M", fabric="katun-115")
    (fabric,) = [line for line in sheet.lines if line.group == "fabric"]
    # need × pattern width / fabric width: 1,65 m × 150 / 115 = 2,1521739... m
    metres = D("1.65") * 150 / 115
    assert fabric.qty.amount == metres and fabric.qty.unit == "m"
    # × Rp 30.000 = 64.565,217... -> Rp 64.565 shown
    assert fabric.cost == metres * 30_000
    assert quantize(fabric.cost, 0) == 64_565
    assert fabric.estimate and sheet.estimate
    assert [n.message.key for n in sheet.notes] == [
        _("fabric {item} has another width than the pattern: its metres are converted by area, an estimate")
    ]


def test_a_narrower_pattern_on_a_wider_fabric_needs_fewer_metres(workspace):
    (workspace / "kemeja.toml").write_text(KEMEJA.replace('"150 cm"', '"115 cm"'), encoding="utf-8")
    (sheet,) = cost(workspace, "kemeja.toml", size="M")
    (fabric,) = [line for line in sheet.lines if line.group == "fabric"]
    # 1,65 m at 115 cm on a 150 cm fabric: 1,65 × 115 / 150 = 1,265 m × 40.000 = 50.600
    assert fabric.qty.amount == D("1.265")
    assert fabric.cost == 50_600


def test_customer_fabric_costs_nothing_but_its_metres_are_reported(workspace):
    (sheet,) = cost(workspace, "kemeja.toml", size="M", customer_fabric=True)
    (fabric,) = [line for line in sheet.lines if line.group == "fabric"]
    assert fabric.cost == 0 and fabric.qty.amount == D("1.65")
    assert sheet.unit == 57_000  # 123.000 − 66.000


def test_a_fabric_needs_a_width(workspace):
    catalog = CATALOG.replace('width = "115 cm"\n', "")
    (workspace / "prices.toml").write_text(catalog, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        cost(workspace, "kemeja.toml", size="M", fabric="katun-115")
    assert [p.message.key for p in caught.value.problems] == [_("fabric {item} has no width")]


# ---------------------------------------------------------------- problems are collected


def test_every_bad_line_is_reported_with_its_place(workspace):
    broken = KUE.replace('"telur-ayam"', '"telur"').replace('qty = "6 buah"', 'qty = "6 sdm"')
    (workspace / "kue.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        cost(workspace, "kue.toml")
    found = [(p.message.key, p.loc) for p in caught.value.problems]
    assert found == [
        (_("unknown item '{item}'"), ("ingredients", 2, "item")),
        (_("cannot convert {item} from {source} to {target}"), ("ingredients", 4, "item")),
    ]
    assert caught.value.problems[0].hint.params["near"] == "telur-ayam"


def test_a_recipe_without_minutes_costs_no_labour_and_warns(workspace):
    (workspace / "kue.toml").write_text(KUE.replace("minutes = 45\n", ""), encoding="utf-8")
    (sheet,) = cost(workspace, "kue.toml")
    assert sheet.total("labor") == 0
    assert [(n.message.key, n.severity) for n in sheet.notes] == [
        (_("{product} has no minutes: your own work is counted as free"), "warning")
    ]


def test_a_sub_recipe_without_minutes_warns_in_the_recipe_that_uses_it(workspace):
    """Decision 5: not only in check — cost, price, plan of the parent tell it, at the sub-recipe's [batch]."""
    (workspace / "isi.toml").write_text(ISI.replace("minutes = 16\n", ""), encoding="utf-8")
    (sheet,) = cost(workspace, "puding.toml")
    assert [(n.message.key, n.message.params["product"], n.path, n.loc) for n in sheet.notes] == [
        (
            _("{product} has no minutes: your own work is counted as free"),
            "Isi kelapa",
            str(workspace / "isi.toml"),
            ("batch",),
        )
    ]


# ---------------------------------------------------------------- what the table shows


def test_shown_lines_and_their_rounding_add_up_to_shown_groups_and_groups_to_the_batch(workspace):
    (sheet,) = cost(workspace, "kemeja.toml", size="M", fabric="katun-115")
    shown = shown_sheet(sheet, 0)
    assert sum(shown.totals.values()) + shown.rounding == shown.batch
    for group, costs in shown.lines.items():
        assert sum(costs, D(0)) + shown.group_rounding[group] == shown.totals[group]
    # fabric 64.565,22 + 4.000 + 47.500 + 5.000 + 500 = 121.565,22 -> 121.565
    assert shown.batch == 121_565


def test_each_line_is_rounded_on_its_own_and_the_rest_is_a_rounding_line():
    """Three lines of Rp 1,40 + 1,40 + 1,20 = Rp 4: shown 1 + 1 + 1, and a rounding of 1 — not a
    silent 2 + 1 + 1 that a participant's calculator disagrees with (decision 13)."""
    from planner.money import shown_parts

    assert shown_parts([D("1.4"), D("1.4"), D("1.2")], 0) == ([D(1), D(1), D(1)], D(4), D(1))
    assert shown_parts([D("0.5"), D("0.5")], 0) == ([D(1), D(1)], D(1), D(-1))  # half-up, each on its own
