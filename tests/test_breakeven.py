"""Break-even, worked by hand (docs/design.md, "Break-even with monthly fixed costs F")."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.errors import InputError
from planner.pricing import (
    Goals,
    at_price,
    break_even,
    break_even_units,
    depreciation,
    fixed_costs,
    payback_months,
    price_channel,
    profit_at,
)
from planner.reports.breakeven import Ask, breakeven_report
from planner.settings import Channel, Equipment, Pricing, Settings
from planner.texts import _

DIRECT = Channel(name="langsung")
TITIP = Channel(name="titip", commission=D("0.20"), sell_through=D("0.85"))
PRICING = Pricing(markup=D("0.40"), round_to=D(500))
TEXTBOOK = Settings(fixed_costs={"sewa": D(10_000_000)}, channels=[DIRECT], pricing=PRICING)


def textbook(goals: Goals = Goals()):
    # fixed Rp 10.000.000, price 12.000, variable cost 5.500 (direct sale: nothing deducted)
    return break_even(at_price(D(5500), DIRECT, PRICING, D(12000)), TEXTBOOK, goals)


def test_textbook_break_even():
    be = textbook()
    # c = 12.000 − 5.500 = 6.500; 10.000.000 / 6.500 = 1.538,46 → 1.539
    assert be.contribution == D(6500)
    assert be.units == 1539
    # revenue 1.539 × 12.000 = 18.468.000; per day 1.539 / 25 = 61,56
    assert be.revenue == D(18_468_000)
    assert be.per_day == D("61.56")


def test_a_products_equipment_and_the_shared_equipment_join_its_fixed_costs():
    """Decision 6: a product's break-even counts the fixed costs, the depreciation of the equipment it
    uses and of equipment marked shared — not every machine of the workspace."""
    settings = Settings(
        fixed_costs={"listrik": D(50_000), "internet": D(25_000)},
        equipment=[
            Equipment(name="oven", price=D(1_500_000), life_months=D(36)),
            Equipment(name="kukusan", price=D(250_000), life_months=D(24)),
            Equipment(name="mesin-jahit", price=D(2_500_000), life_months=D(60), salvage=D(500_000)),
            Equipment(name="kulkas", price=D(1_200_000), life_months=D(48), shared=True),
        ],
    )
    # oven 1.500.000 / 36 = 41.666,67; kulkas (shared) 1.200.000 / 48 = 25.000; no kukusan, no mesin-jahit
    assert [(line.name, round(line.amount, 2)) for line in fixed_costs(settings, "oven")] == [
        ("listrik", D(50000)),
        ("internet", D(25000)),
        ("oven", D("41666.67")),
        ("kulkas", D(25000)),
    ]
    # a garment on the sewing machine: (2.500.000 − 500.000) / 60 = 33.333,33, and the shared kulkas
    assert [line.name for line in fixed_costs(settings, "mesin-jahit")] == [
        "listrik",
        "internet",
        "mesin-jahit",
        "kulkas",
    ]
    # F = 50.000 + 25.000 + 41.666,67 + 25.000 = 141.666,67
    be = break_even(at_price(D(5000), DIRECT, PRICING, D(7500)), settings, uses="oven")
    assert round(be.fixed, 2) == D("141666.67")
    # c = 7.500 − 5.000 = 2.500; 141.666,67 / 2.500 = 56,67 → 57
    assert be.units == 57
    # a product with no equipment carries the fixed costs and the shared kulkas only: 100.000 / 2.500 = 40
    assert break_even(at_price(D(5000), DIRECT, PRICING, D(7500)), settings).units == 40


def test_depreciation_with_salvage():
    # (1.500.000 − 300.000) / 36 = 33.333,33
    oven = Equipment(name="oven", price=D(1_500_000), life_months=D(36), salvage=D(300_000))
    assert round(depreciation(oven), 2) == D("33333.33")


def test_target_profit():
    # (10.000.000 + 3.000.000) / 6.500 = 2.000 exactly → 2.000 (not 2.001)
    assert textbook(Goals(target=D(3_000_000))).target_units == 2000
    # (10.000.000 + 2.000.000) / 6.500 = 1.846,15 → 1.847
    assert textbook(Goals(target=D(2_000_000))).target_units == 1847


def test_payback():
    # at 2.000 a month: 2.000 × 6.500 − 10.000.000 = 3.000.000 profit; 5.000.000 / 3.000.000 = 1,67 months
    be = textbook(Goals(capital=D(5_000_000), volume=2000))
    assert be.volume_profit == D(3_000_000)
    assert round(be.payback, 2) == D("1.67")
    # at 1.500 a month: 9.750.000 − 10.000.000 = −250.000: no profit, never paid back
    assert textbook(Goals(capital=D(5_000_000), volume=1500)).payback is None


def test_capital_needs_a_volume():
    with pytest.raises(InputError) as err:
        textbook(Goals(capital=D(5_000_000)))
    assert err.value.message.key == _("--capital needs --volume: payback depends on how many pieces you sell a month")


def test_a_price_that_never_breaks_even():
    # price 5.000 < variable cost 5.500: c = −500 → no break-even, no revenue, no target
    be = break_even(at_price(D(5500), DIRECT, PRICING, D(5000)), TEXTBOOK, Goals(target=D(1)))
    assert be.contribution == D(-500)
    assert be.units is None and be.revenue is None and be.per_day is None and be.target_units is None
    assert be.around([D(1)]) == []


def test_consignment_break_even_at_the_computed_price():
    # C 7.000 on titip: price 14.500, receipt 11.600, c = 11.600 − 7.000 / 0,85 = 3.364,71
    be = break_even(price_channel(D(7000), TITIP, PRICING), TEXTBOOK)
    assert round(be.contribution, 2) == D("3364.71")
    # 10.000.000 / 3.364,71 = 2.972,03 → 2.973
    assert be.units == 2973


def test_profit_around_break_even():
    # 50% of 1.539 = 769,5 → 770: 770 × 6.500 − 10.000.000 = −4.995.000
    # 200%: 3.078 × 6.500 − 10.000.000 = 10.007.000
    rows = textbook().around([D("0.5"), D(1), D(2)])
    assert rows == [(D("0.5"), 770, D(-4_995_000)), (D(1), 1539, D(3500)), (D(2), 3078, D(10_007_000))]


def test_no_fixed_costs_break_even_at_zero():
    assert break_even_units(D(0), D(100)) == 0


def test_the_report_json_follows_the_contract():
    sheet = _sheet(D(5500))
    report = breakeven_report(
        [sheet], TEXTBOOK, Ask(DIRECT, PRICING, Goals(target=D(3_000_000)), D(12000)), 0, settings_file="planner.toml"
    )
    assert report.data == {
        "product": "Kue",
        "channel": "langsung",
        "price": "12000.00",
        "unit_cost": "5500.00",
        "contribution": "6500.00",
        "fixed_costs": "10000000.00",
        "fixed_lines": [{"name": "sewa", "amount": "10000000.00"}],
        "units": 1539,
        "revenue": "18468000.00",
        "units_per_day": "61.56",
        "target_units": 2000,
        "payback_months": None,
    }


def test_the_report_says_never_plainly():
    report = breakeven_report(
        [_sheet(D(5500))], TEXTBOOK, Ask(DIRECT, PRICING, price=D(5000)), 0, settings_file="planner.toml"
    )
    assert report.data["units"] is None and report.data["revenue"] is None
    figures = report.tables[1]
    assert any(
        getattr(cell, "text", cell).key == _("never breaks even at this price")
        for row in figures.rows
        for cell in row.cells
        if hasattr(getattr(cell, "text", cell), "key")
    )
    assert [n.message.key for n in report.notes] == [
        _("the price {price} is below the cost (HPP) of {cost}: every piece sold loses money")
    ]


def _sheet(unit_cost: D):
    from planner.costing import CostLine, CostSheet

    return CostSheet("Kue", "kue.toml", "recipe", None, D(1), D(1), (CostLine("ingredients", "x", unit_cost),), D(0))


# ---------------------------------------------------------------- properties

amounts = st.integers(min_value=0, max_value=100_000_000).map(D)
contributions = st.integers(min_value=1, max_value=1_000_000).map(lambda n: D(n) / 100)


@given(amounts, contributions)
def test_break_even_units_cover_fixed_costs_and_one_fewer_does_not(fixed, contribution):
    units = break_even_units(fixed, contribution)
    assert units * contribution >= fixed
    if units > 0:
        assert (units - 1) * contribution < fixed


@given(amounts, contributions, amounts)
def test_target_units_earn_the_target(fixed, contribution, target):
    units = break_even_units(fixed, contribution, target)
    assert profit_at(units, contribution, fixed) >= target
    if units > 0:
        assert profit_at(units - 1, contribution, fixed) < target


@given(amounts, st.integers(min_value=0, max_value=1_000_000), contributions, amounts)
def test_payback_only_with_a_profit(capital, volume, contribution, fixed):
    months = payback_months(capital, volume, contribution, fixed)
    profit = profit_at(volume, contribution, fixed)
    assert (months is None) == (profit <= 0)
    if months is not None:
        assert abs(months * profit - capital) < D("1e-10")
