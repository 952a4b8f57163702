"""Comparing products, against figures worked out by hand.

A small workspace with round prices (Rp500 a minute of work, markup 50%,
prices rounded up to Rp500) so every figure can be checked with pencil and
paper. Formulas: docs/design.md; profit per hour = profit per batch / hours of work.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.comparing import Comparison, compare_products, sort_comparisons, sort_name
from planner.costing import Context, CostLine, CostSheet, cost_product
from planner.errors import InputError
from planner.reports.compare import compare_report, row_json
from planner.settings import Channel, Pricing
from planner.texts import _
from planner.workspace import load_product, load_workspace

D = Decimal

SETTINGS = """\
currency = "IDR"
language = "en"

[labor]
wage_per_hour = 30_000        # Rp500 a minute

[pricing]
markup = 0.5
round_to = 500

[[channels]]
name = "langsung"
[[channels]]
name = "titip"
commission = 0.2

[fixed_costs]
sewa = 300_000
"""

CATALOG = """\
[tepung]
pack = "1 kg"
price = 12_000

[gula]
pack = "1 kg"
price = 18_000

[kain]
pack = "1 m"
price = 40_000
width = "150 cm"
"""

FILES = {
    # ingredients 6.000 + 4.500, labour 60 min × 500 = 30.000; 10 pieces
    "kue-a.toml": """\
name = "Kue A"
[batch]
pieces = 10
minutes = 60
[[ingredients]]
item = "tepung"
qty = "500 g"
[[ingredients]]
item = "gula"
qty = "250 g"
""",
    # tepung 12.000, labour 30 min = 15.000; 20 pieces, half lost: 10 sellable
    "kue-b.toml": """\
name = "Kue B"
[batch]
pieces = 20
loss = 0.5
minutes = 30
[[ingredients]]
item = "tepung"
qty = "1 kg"
""",
    # gula 18.000 over 4 pieces, and no minutes at all
    "kue-c.toml": """\
name = "Kue C"
[batch]
pieces = 4
[[ingredients]]
item = "gula"
qty = "1 kg"
""",
    # fabric 1 m (S) or 1,5 m (M) at Rp 40.000, sewing 60 min = 30.000
    "baju.toml": """\
name = "Baju"
sizes = ["S", "M"]
[fabric]
item = "kain"
width = "150 cm"
need = { S = "1 m", M = "1.5 m" }
[[operations]]
name = "Jahit"
minutes = 60
""",
}


def write_workspace(folder: Path) -> Path:
    """The settings, catalog and FILES above, written into ``folder``."""
    (folder / "planner.toml").write_text(SETTINGS, encoding="utf-8")
    (folder / "prices.toml").write_text(CATALOG, encoding="utf-8")
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def ws(tmp_path: Path):
    return load_workspace(write_workspace(tmp_path))


def sheets_of(ws, *names: str) -> list[CostSheet]:
    ctx = Context(ws.settings, ws.catalog, ws.units)
    root = Path(ws.settings_file).parent
    return [s for name in names for s in cost_product(load_product(ws, root / name), ctx)]


def rows_of(ws, *names: str) -> list[Comparison]:
    return compare_products(sheets_of(ws, *names), ws.settings.channels[0], ws.settings.pricing)


def by_name(rows: list[Comparison]) -> dict[str, Comparison]:
    return {r.sheet.product + (f" {r.sheet.size}" if r.sheet.size else ""): r for r in rows}


def test_a_recipe_row_by_hand(ws):
    (a,) = rows_of(ws, "kue-a.toml")
    # HPP = (6.000 + 4.500 + 30.000) / 10 = 4.050
    assert a.sheet.unit == D(4050)
    # price = roundup(4.050 × 1,5 = 6.075, 500) = 6.500 on the first channel (langsung)
    assert a.sale.channel.name == "langsung" and a.sale.price == D(6500)
    # profit per piece 6.500 − 4.050 = 2.450; margin 2.450 / 6.500 = 0,3769...
    assert a.sale.profit == D(2450)
    assert row_json(a)["margin"] == "0.3769"
    # per batch 2.450 × 10 = 24.500; per hour 24.500 / (60 / 60) = 24.500
    assert a.profit_batch == D(24500)
    assert a.profit_hour == D(24500)


def test_lost_pieces_and_half_an_hour(ws):
    (b,) = rows_of(ws, "kue-b.toml")
    # sellable 20 × (1 − 0,5) = 10; HPP = (12.000 + 15.000) / 10 = 2.700
    assert b.sheet.unit == D(2700)
    # price roundup(2.700 × 1,5 = 4.050, 500) = 4.500; profit 1.800; margin 1.800 / 4.500 = 40%
    assert (b.sale.price, b.sale.profit, b.sale.margin) == (D(4500), D(1800), D("0.4"))
    # per batch 1.800 × 10 = 18.000; per hour 18.000 / 0,5 h = 36.000
    assert b.profit_batch == D(18000)
    assert b.profit_hour == D(36000)


def test_no_minutes_means_no_profit_per_hour(ws):
    (c,) = rows_of(ws, "kue-c.toml")
    # HPP 18.000 / 4 = 4.500 -> price roundup(6.750, 500) = 7.000; profit 2.500 × 4 = 10.000
    assert (c.sheet.unit, c.sale.price, c.profit_batch) == (D(4500), D(7000), D(10000))
    assert c.hours is None and c.profit_hour is None
    assert row_json(c)["profit_hour"] is None


def test_a_pattern_gives_a_row_per_size(ws):
    rows = by_name(rows_of(ws, "baju.toml"))
    # S: fabric 1 m × 40.000 + labour 30.000 = 70.000 -> price 105.000 (already on a step)
    s, m = rows["Baju S"], rows["Baju M"]
    assert (s.sheet.unit, s.sale.price, s.profit_batch, s.profit_hour) == (D(70000), D(105000), D(35000), D(35000))
    # M: fabric 1,5 m × 40.000 = 60.000 + 30.000 = 90.000 -> 135.000; one garment is the batch
    assert (m.sheet.unit, m.sale.price, m.profit_batch, m.profit_hour) == (D(90000), D(135000), D(45000), D(45000))
    assert row_json(m)["size"] == "M" and row_json(m)["kind"] == "pattern"


def test_default_sort_is_profit_per_hour_largest_first_blanks_last(ws):
    rows = sort_comparisons(rows_of(ws, "kue-a.toml", "kue-b.toml", "kue-c.toml", "baju.toml"))
    # per hour: Baju M 45.000, Kue B 36.000, Baju S 35.000, Kue A 24.500, Kue C none
    assert [r.sheet.product + (r.sheet.size or "") for r in rows] == ["BajuM", "Kue B", "BajuS", "Kue A", "Kue C"]


def test_other_sorts(ws):
    rows = rows_of(ws, "kue-a.toml", "kue-b.toml", "kue-c.toml")

    def names(column: str, reverse: bool = False) -> list[str]:
        return [r.sheet.product for r in sort_comparisons(rows, column, reverse)]

    # profit per batch: A 24.500, B 18.000, C 10.000
    assert names("profit") == ["Kue A", "Kue B", "Kue C"]
    # margin: B 40%, C 2.500 / 7.000 = 35,7%, A 37,7%
    assert names("margin") == ["Kue B", "Kue A", "Kue C"]
    # HPP: C 4.500, A 4.050, B 2.700; reversed: cheapest first
    assert names("hpp") == ["Kue C", "Kue A", "Kue B"]
    assert names("hpp", reverse=True) == ["Kue B", "Kue A", "Kue C"]
    assert names("name", reverse=True) == ["Kue C", "Kue B", "Kue A"]
    # a blank stays last in either direction
    assert names("per-hour", reverse=True) == ["Kue A", "Kue B", "Kue C"]
    # Indonesian names of the columns
    assert names("harga") == names("price") == ["Kue C", "Kue A", "Kue B"]


def test_an_unknown_sort_column_lists_the_valid_ones():
    with pytest.raises(InputError) as caught:
        sort_name("margn")
    err = caught.value
    assert err.message.key == _("cannot sort by '{column}'") and err.message.params == {"column": "margn"}
    assert err.hint.key == _("did you mean {near}? Sort by one of {known} (in Indonesian: {aliases})")
    assert err.hint.params["near"] == "margin, harga"
    assert err.hint.params["known"] == "per-hour, profit, margin, price, hpp, name"
    with pytest.raises(InputError) as caught:
        sort_name("zzz")
    assert caught.value.hint.key == _("sort by one of {known} (in Indonesian: {aliases})")


def test_sell_through_on_the_direct_channel_counts_pieces_sold(ws):
    (a,) = sheets_of(ws, "kue-a.toml")
    channel = Channel(name="pasar", sell_through=D("0.8"))
    (row,) = compare_products([a], channel, ws.settings.pricing)
    # cost of a piece sold 4.050 / 0,8 = 5.062,5; price roundup(5.062,5 × 1,5 = 7.593,75, 500) = 8.000
    assert row.sale.price == D(8000)
    # 8 of 10 sell: 8 × 8.000 = 64.000 in, the batch cost 40.500 out: 23.500 = (8.000 − 5.062,5) × 8
    assert row.sold == D(8) and row.profit_batch == D(23500)


def test_the_report_json_and_notes(ws):
    rows = sort_comparisons(rows_of(ws, "kue-a.toml", "kue-c.toml"))
    report = compare_report(
        rows, ws.settings.pricing, 0, sort="per-hour", settings=ws.settings, settings_file="planner.toml"
    )
    assert report.data == [
        {
            "product": "Kue A",
            "file": report.data[0]["file"],
            "kind": "recipe",
            "size": None,
            "unit_cost": "4050.00",
            "price": "6500.00",
            "margin": "0.3769",
            "profit_batch": "24500.00",
            "profit_hour": "24500.00",
        },
        {
            "product": "Kue C",
            "file": report.data[1]["file"],
            "kind": "recipe",
            "size": None,
            "unit_cost": "4500.00",
            "price": "7000.00",
            "margin": "0.3571",
            "profit_batch": "10000.00",
            "profit_hour": None,
        },
    ]
    keys = [n.message.key for n in report.notes]
    assert keys == [
        _("{product} has no minutes: your own work is counted as free"),
        _("no profit per hour for {products}: no hands-on minutes"),
    ]
    assert report.notes[-1].message.params["products"] == ["Kue C"]
    # the bar column holds profit per hour rounded once for display; none for Kue C
    assert [row.cells[-1] for row in report.tables[0].rows] == [D(24500), None]
    assert report.tables[0].columns[-1].kind == "bar"


# ---------------------------------------------------------------- properties

money = st.integers(min_value=1, max_value=5_000_000).map(D)
shares = st.integers(min_value=1, max_value=100).map(lambda n: D(n) / 100)


def sheet(batch: Decimal, sellable: int, minutes: int, name: str = "x") -> CostSheet:
    return CostSheet(
        name,
        f"{name}.toml",
        "recipe",
        None,
        D(sellable),
        D(sellable),
        (CostLine("ingredients", name, batch),),
        D(minutes),
    )


@given(
    money,
    st.integers(min_value=1, max_value=200),
    st.integers(min_value=0, max_value=600),
    shares,
    st.integers(min_value=0, max_value=2000).map(lambda n: D(n) / 1000),
)
def test_profit_per_batch_is_profit_per_piece_times_pieces_sold(batch, sellable, minutes, sold_share, markup):
    channel = Channel(name="x", sell_through=sold_share)
    (row,) = compare_products([sheet(batch, sellable, minutes)], channel, Pricing(markup=markup, round_to=D(100)))
    # profit per piece sold × pieces sold (up to Decimal's 28 digits: C / s is inexact)
    assert close(row.profit_batch, row.sale.profit * sellable * sold_share)
    if minutes:
        assert close(row.profit_hour * minutes / 60, row.profit_batch)
    else:
        assert row.profit_hour is None


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= D("1e-18") * max(D(1), abs(b))


@given(
    st.lists(
        st.tuples(money, st.integers(min_value=1, max_value=50), st.integers(min_value=0, max_value=300)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["per-hour", "profit", "margin", "price", "hpp"]),
    st.booleans(),
)
def test_sorting_keeps_every_row_and_orders_the_figures(specs, column, reverse):
    sheets = [sheet(b, n, m, name=f"p{i}") for i, (b, n, m) in enumerate(specs)]
    rows = compare_products(sheets, Channel(name="x"), Pricing(markup=D("0.4"), round_to=D(500)))
    ordered = sort_comparisons(rows, column, reverse)
    assert sorted(r.sheet.product for r in ordered) == sorted(r.sheet.product for r in rows)
    key = {
        "per-hour": lambda r: r.profit_hour,
        "profit": lambda r: r.profit_batch,
        "margin": lambda r: r.sale.margin,
        "price": lambda r: r.sale.price,
        "hpp": lambda r: r.sheet.unit,
    }[column]
    values = [key(r) for r in ordered]
    present = [v for v in values if v is not None]
    assert values[: len(present)] == present, "blanks come last"
    assert present == sorted(present, reverse=not reverse)
