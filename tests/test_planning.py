"""planning: batches, the shopping list in whole packs, stock, fabric steps, time, cash, due dates.

CostSheets are built by hand here, so every figure below is worked from the
numbers in the test itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.costing import CostLine, CostSheet, Need
from planner.errors import InputError, InputErrors
from planner.models import Item
from planner.options import pieces as whole_pieces
from planner.packs import Offer, cheapest_mix
from planner.planning import Order, ShoppingLine, opening_stock, plan_production
from planner.settings import Settings
from planner.texts import _
from planner.units import Quantity
from planner.workspace import unit_table

UNITS = unit_table()
CATALOG = {
    "gula": Item.model_validate({"pack": "1 kg", "price": 17_000}),
    "telur": Item.model_validate({"pack": "1 butir", "price": 3_000, "piece": "70 g"}),
    "kain": Item.model_validate({"pack": "1 m", "price": 25_000, "width": "115 cm", "step": "0.25 m"}),
    "mika": Item.model_validate({"pack": "100 pcs", "price": 35_000}),
}
TODAY = date(2026, 12, 1)


def settings(**labor) -> Settings:
    return Settings.model_validate(
        {
            "labor": {"wage_per_hour": 30_000, **labor},
            "equipment": [
                {"name": "oven", "price": 1_500_000, "life_months": 36, "capacity": 2},
                {"name": "kukusan", "price": 250_000, "life_months": 24, "capacity": 1},
            ],
        }
    )


def sheet(
    needs: dict[str, str],
    *,
    name: str = "Kue",
    sellable: str = "8",
    minutes: str = "40",
    equipment: str | None = None,
    equipment_minutes: str = "0",
    cost: str = "56000",
    plain: str = "0",
    size: str | None = None,
) -> CostSheet:
    """A batch using ``needs`` (purchase packs per batch); its lines add up to ``cost``."""
    lines = [
        CostLine("ingredients", item, D(0), item, None, None, (Need(item, D(packs)),)) for item, packs in needs.items()
    ]
    lines.append(CostLine("labor", "labor", D(cost) - D(plain)))
    if D(plain):
        lines.append(CostLine("services", "Bordir", D(plain)))
    kind = "pattern" if size else "recipe"
    return CostSheet(
        name,
        f"{name}.toml",
        kind,
        size,
        D(sellable),
        D(sellable),
        tuple(lines),
        D(minutes),
        equipment,
        D(equipment_minutes),
    )


def plan(orders, stock=None, **kw):
    return plan_production(orders, stock or {}, kw.pop("settings", settings()), CATALOG, UNITS, {}, today=TODAY, **kw)


def line(result, item: str) -> ShoppingLine:
    return next(s for s in result.shopping if s.item == item)


# ---------------------------------------------------------------- batches and whole packs


def test_a_need_exactly_on_a_pack_boundary_buys_no_extra_pack():
    # 32 pieces / 8 a batch = 4 batches; 4 × 250 g = 1000 g = exactly one 1 kg pack
    result = plan([Order(sheet({"gula": "0.25"}), 32)])
    gula = line(result, "gula")
    assert (result.runs[0].batches, result.runs[0].made, result.runs[0].surplus) == (4, 8 * 4, 0)
    assert (gula.need, gula.packs, gula.spend, gula.left) == (D(1), 1, D(17_000), D(0))


def test_a_need_just_above_a_pack_buys_one_more():
    # 4 batches × 251 g = 1004 g: one 1 kg pack is 4 g short, so 2 packs; left 2000 − 1004 = 996 g
    gula = line(plan([Order(sheet({"gula": "0.251"}), 32)]), "gula")
    assert (gula.packs, gula.spend) == (2, D(34_000))
    assert gula.qty(gula.left) == Quantity(D("0.996"), "kg")


def test_one_piece_more_than_whole_batches_makes_a_whole_extra_batch():
    # 33 / 8 = 4.125 -> 5 batches, 40 made, 7 over; 5 × 250 g = 1.25 kg -> 2 packs
    result = plan([Order(sheet({"gula": "0.25"}), 33)])
    run = result.runs[0]
    assert (run.batches, run.made, run.surplus) == (5, 40, 7)
    assert line(result, "gula").packs == 2


def test_stock_larger_than_need_buys_nothing_and_leaves_the_difference():
    # 4 batches × 3 butir = 12 butir; 20 in stock: nothing bought, 20 − 12 = 8 left
    result = plan([Order(sheet({"telur": "3"}), 32)], {"telur": D(20)})
    telur = line(result, "telur")
    assert (telur.need, telur.packs, telur.spend, telur.left) == (D(12), 0, D(0), D(8))


def test_stock_below_need_buys_only_the_shortfall():
    # need 12 butir, 10 in stock: 2 butir bought at Rp 3.000 = Rp 6.000, nothing left
    telur = line(plan([Order(sheet({"telur": "3"}), 32)], {"telur": D(10)}), "telur")
    assert (telur.packs, telur.spend, telur.left) == (2, D(6_000), D(0))


def test_fabric_is_bought_in_its_step():
    # 10 garments × 2.1935 m = 21.935 m; steps of 0.25 m: ceil(21.935 / 0.25) = ceil(87.74) = 88
    # steps = 22 m, 22 × Rp 25.000 = Rp 550.000, 22 − 21.935 = 0.065 m left
    kain = line(plan([Order(sheet({"kain": "2.1935"}, sellable="1", size="M"), 10)]), "kain")
    assert (kain.packs, kain.unit, kain.bought, kain.spend) == (88, Quantity(D("0.25"), "m"), D(22), D(550_000))
    assert kain.left == D("0.065")


def test_packs_of_many_pieces_are_counted_in_packs():
    # 4 batches × 4 mika = 16 mika = 0.16 of a 100-pcs pack -> 1 pack, 84 left
    mika = line(plan([Order(sheet({"mika": "0.04"}), 32)]), "mika")
    assert (mika.packs, mika.qty(mika.left)) == (1, Quantity(D(84), "pcs"))


def test_shared_items_are_combined_before_stock_is_subtracted():
    # A: 1 batch × 0.6 kg, B: 1 batch × 0.6 kg -> 1.2 kg; stock 0.3 kg: short 0.9 kg -> 1 pack, 0.1 kg left.
    # (Apart they would buy ceil(0.6 − 0.3) + ceil(0.6) = 2 packs.)
    result = plan(
        [Order(sheet({"gula": "0.6"}, name="A"), 8), Order(sheet({"gula": "0.6"}, name="B"), 8)], {"gula": D("0.3")}
    )
    gula = line(result, "gula")
    assert (gula.need, gula.packs, gula.left) == (D("1.2"), 1, D("0.1"))
    assert len(result.shopping) == 1


def test_the_same_product_twice_is_planned_as_one_order():
    # 4 + 4 pieces of one recipe = 8 -> ceil(8 / 8) = 1 batch (rounded apart: 1 + 1 = 2 batches)
    kue = sheet({"gula": "0.25"})
    result = plan([Order(kue, 4), Order(kue, 4)])
    assert [(r.pieces, r.batches) for r in result.runs] == [(8, 1)]


# ---------------------------------------------------------------- time


def test_equipment_hours_follow_capacity_and_days_follow_the_busiest():
    # 19 batches × 55 oven minutes / 60 / capacity 2 = 8.7083 h; labour 19 × 10 / 60 = 3.1667 h;
    # days = ceil(max(3.1667 / 1, 8.7083) / 8) = ceil(1.09) = 2
    result = plan([Order(sheet({}, minutes="10", equipment="oven", equipment_minutes="55"), 150)])
    (oven,) = result.equipment
    assert result.runs[0].batches == 19  # 150 / 8 = 18.75
    assert oven.hours == D(19 * 55) / 60 / 2
    assert result.labor_hours == D(190) / 60
    assert result.days == 2


def test_a_single_capacity_takes_twice_as_long():
    # kukusan, capacity 1: 19 × 55 / 60 = 17.4167 h -> ceil(17.4167 / 8) = 3 days
    result = plan([Order(sheet({}, minutes="10", equipment="kukusan", equipment_minutes="55"), 150)])
    assert result.equipment[0].hours == D(19 * 55) / 60
    assert result.days == 3


def test_workers_share_the_labour():
    # 20 garments × 150 min = 50 h; 2 workers at 8 h: ceil(50 / 2 / 8) = ceil(3.125) = 4 days (1 worker: 7)
    shirts = [Order(sheet({}, sellable="1", minutes="150", size="M"), 20)]
    assert plan(shirts).days == 7
    assert plan(shirts, settings=settings(workers=2)).days == 4


def test_equipment_without_minutes_books_no_hours():
    # a pattern names its sewing machine for its break-even; its sewing time is labour, not machine hours
    result = plan([Order(sheet({}, sellable="1", minutes="150", size="M", equipment="oven"), 2)])
    assert result.equipment == ()


def test_due_date_too_close_is_late_by_the_difference():
    # 20 × 150 min = 50 h / 8 = 6.25 -> 7 days; due in 5 days -> 2 days late; due in 7 days -> on time
    shirts = [Order(sheet({}, sellable="1", minutes="150", size="M"), 20)]
    late = plan(shirts, due=date(2026, 12, 6))
    assert (late.days, late.days_left, late.late_days) == (7, 5, 2)
    assert plan(shirts, due=date(2026, 12, 8)).late_days == 0
    assert plan(shirts).late_days is None


# ---------------------------------------------------------------- money


def test_cash_is_the_shopping_list_plus_plain_amounts():
    # 20 garments × Rp 5.000 embroidery = Rp 100.000; fabric 22 m × Rp 25.000 = Rp 550.000 -> Rp 650.000
    result = plan([Order(sheet({"kain": "1.1"}, sellable="1", size="M", cost="100000", plain="5000"), 20)])
    assert (result.spend, result.other_cash, result.cash) == (D(550_000), D(100_000), D(650_000))


def test_revenue_and_profit_at_the_direct_price():
    # HPP 56.000 / 8 = 7.000; × 1.4 = 9.800 -> rounded up to Rp 500: 10.000 a piece.
    # 32 ordered: revenue 320.000; 4 batches × 56.000 = 224.000 made; profit 96.000
    result = plan([Order(sheet({}), 32)])
    assert result.runs[0].price == D(10_000)
    assert (result.revenue, result.cost, result.deductions, result.profit) == (D(320_000), D(224_000), 0, D(96_000))


def test_surplus_pieces_cost_but_earn_nothing():
    # 33 pieces -> 5 batches × 56.000 = 280.000; revenue 33 × 10.000 = 330.000; profit 50.000
    result = plan([Order(sheet({}), 33)])
    assert (result.cost, result.profit) == (D(280_000), D(50_000))


# ---------------------------------------------------------------- stock and piece counts


def test_stock_converts_to_packs_with_the_items_facts():
    # 1 kg gula = 1 pack; 700 g of telur at 70 g a piece = 10 butir; 2,5 m kain = 2.5 packs of 1 m
    stock = opening_stock({"gula": "1 kg", "telur": "700 g", "kain": "2,5 m"}, CATALOG, UNITS)
    assert stock == {"gula": D(1), "telur": D(10), "kain": D("2.5")}


def test_every_bad_stock_line_is_an_error_under_its_item():
    with pytest.raises(InputErrors) as caught:
        opening_stock({"gulaa": "1 kg", "gula": "2 butir", "telur": 10, "kain": "-2 m"}, CATALOG, UNITS)
    keys = [(e.message.key, e.loc) for e in caught.value.problems]
    assert keys == [
        (_("unknown item '{item}'"), ("gulaa",)),
        (_("cannot convert {item} from {source} to {target}"), ("gula",)),
        (_("a quantity must be text with a unit, not {value}"), ("telur",)),
        (_("quantity {text} must be more than zero"), ("kain",)),
    ]


def test_unused_stock_is_a_warning():
    result = plan([Order(sheet({"gula": "0.25"}), 8)], {"telur": D(5)})
    assert [(n.message.key, n.severity) for n in result.notes] == [
        (_("the stock of '{item}' is not used by any product in this plan"), "warning")
    ]


@pytest.mark.parametrize("text", ["0", "-3", "2.5", "1,5", "abc", ""])
def test_piece_counts_must_be_whole_and_above_zero(text):
    with pytest.raises(InputError) as caught:
        whole_pieces(text)
    assert caught.value.message.key == _("'{value}' is not a number of pieces")


def test_piece_counts_may_group_thousands_with_underscores():
    assert whole_pieces("1_000") == 1000 and whole_pieces(" 150 ") == 150


# ---------------------------------------------------------------- invariants

amounts = st.decimals(min_value=D("0.001"), max_value=D(10_000), places=3)


@given(
    need=amounts,
    stock=st.decimals(min_value=D(0), max_value=D(10_000), places=3),
    per_unit=st.sampled_from([D(1), D("0.25"), D("0.5"), D("2"), D("0.1")]),
)
def test_whole_packs_always_cover_need_and_one_fewer_does_not(need, stock, per_unit):
    short = max(D(0), need - stock)
    packs = cheapest_mix(short, [Offer(Quantity(per_unit, "kg"), per_unit, D(1_000))]).packs
    assert stock + packs * per_unit >= need
    if short > 0:
        assert stock + (packs - 1) * per_unit < need
    else:
        assert packs == 0


@given(
    pieces=st.integers(min_value=1, max_value=5000), sellable=st.decimals(min_value=D("0.5"), max_value=D(50), places=2)
)
def test_batches_make_at_least_what_is_ordered_and_one_fewer_would_not(pieces, sellable):
    result = plan([Order(sheet({}, sellable=str(sellable)), pieces)])
    run = result.runs[0]
    assert run.made >= pieces > (run.batches - 1) * sellable
    assert run.surplus == run.made - pieces >= 0


def test_a_note_shared_by_the_sizes_of_a_pattern_is_shown_once():
    from dataclasses import replace

    from planner.errors import warning

    note = warning(
        _("fabric {item} has another width than the pattern: its metres are converted by area, an estimate"),
        hint=_("check with a trial layout before buying"),
        item="kain",
    )
    sizes = [replace(sheet({}, sellable="1", size=s), notes=(note,)) for s in ("S", "M")]
    assert plan([Order(sizes[0], 2), Order(sizes[1], 3)]).notes == (note,)
