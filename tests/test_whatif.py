"""What-if scenarios, against figures worked out by hand.

The workspace of tests/test_compare.py: Rp500 a minute, markup 50%, prices
rounded up to Rp500, fixed costs Rp300.000 a month. Kue A: tepung 500 g
(Rp6.000) + gula 250 g (Rp4.500) + 60 min (Rp30.000), 10 pieces.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.costing import Context
from planner.errors import InputError, InputErrors
from planner.options import change as parse_change
from planner.reports.whatif import whatif_report
from planner.scenarios import Change, Scenario, Step, check_changes, scenarios_of, what_if
from planner.texts import _
from planner.workspace import load_product, load_workspace
from tests.conftest import ROOT
from tests.test_compare import write_workspace

D = Decimal


@pytest.fixture
def ws(tmp_path: Path):
    return load_workspace(write_workspace(tmp_path))


def product(ws, name: str):
    return load_product(ws, Path(ws.settings_file).parent / name)


def context(ws, **prices) -> Context:
    return Context(ws.settings, ws.catalog, ws.units, {k: D(v) for k, v in prices.items()})


def run(ws, name: str, *texts: str, **prices):
    changes = [parse_change(t, 0) for t in texts]
    ctx = context(ws, **prices)
    check_changes(changes, ctx)
    return what_if(product(ws, name), ctx, None, scenarios_of(changes))


# ---------------------------------------------------------------- reading --change


@pytest.mark.parametrize(
    "text,kind,value",
    [
        ("+20%", "percent", D("0.2")),
        ("-10%", "percent", D("-0.1")),
        ("+12.5%", "percent", D("0.125")),
        ("+2000", "amount", D(2000)),
        ("-500", "amount", D(-500)),
        ("15000", "price", D(15000)),
        ("15_000", "price", D(15000)),
        ("0", "price", D(0)),
    ],
)
def test_steps(text, kind, value):
    (step,) = parse_change(f"gula={text}", 0).steps
    assert (step.kind, step.value, step.text) == (kind, value, text)


def test_several_steps_and_spaces():
    change = parse_change(" gula = +20%, +40% ,18000", 0)
    assert change.item == "gula"
    assert [(s.kind, s.value) for s in change.steps] == [
        ("percent", D("0.2")),
        ("percent", D("0.4")),
        ("price", D(18000)),
    ]


@pytest.mark.parametrize(
    "text,key",
    [
        ("gula", _("--change '{text}' is not ITEM=CHANGE")),
        ("=+20%", _("--change '{text}' is not ITEM=CHANGE")),
        ("gula=", _("--change '{text}' is not ITEM=CHANGE")),
        ("gula=+abc", _("'{step}' in --change {text} is not a price change")),
        ("gula=+", _("'{step}' in --change {text} is not a price change")),
        ("gula=++20%", _("'{step}' in --change {text} is not a price change")),
        ("gula=+20%,", _("'{step}' in --change {text} is not a price change")),
        ("gula=20%", _("'{step}' in --change {text} has no sign: a rise or a fall?")),
        ("gula=+12,5%", _("'{step}' in --change {text}: the comma separates steps")),
        ("gula=1000.5", _("'{step}' in --change {text} is not a whole amount of money")),
        ("gula=15.000", _("'{text}' is ambiguous: the dot may be a decimal point or a thousands separator")),
    ],
)
def test_malformed_changes(text, key):
    with pytest.raises(InputError) as caught:
        parse_change(text, 0)
    assert caught.value.message.key == key


def test_cents_where_the_currency_has_them():
    (step,) = parse_change("gula=+0.25", 2).steps
    assert step.value == D("0.25")
    with pytest.raises(InputError) as caught:
        parse_change("gula=+0.125", 2)
    assert caught.value.message.key == _("'{step}' in --change {text} has more than {places} decimal places")


def test_unknown_items_repeated_items_and_negative_prices_are_reported_together(ws):
    changes = [parse_change(t, 0) for t in ("gulaa=+5%", "gula=-150%", "gula=+5%", "tepung=-13000")]
    with pytest.raises(InputErrors) as caught:
        check_changes(changes, context(ws))
    problems = caught.value.problems
    assert [p.message.key for p in problems] == [
        _("unknown item '{item}'"),
        _("{item} {step} makes the price fall below zero"),
        _("{item} has more than one --change"),
        _("{item} {step} makes the price fall below zero"),
    ]
    assert problems[0].hint.params["near"].startswith("gula")
    # tepung costs 12.000 a pack: 12.000 − 13.000 is below zero
    assert problems[3].hint.params["price"].value == D(12000)


def test_scenarios_today_each_step_then_all_together():
    gula = Change("gula", (Step("+20%", "percent", D("0.2")), Step("+40%", "percent", D("0.4"))), "")
    telur = Change("telur", (Step("3500", "price", D(3500)),), "")
    assert scenarios_of([gula]) == [
        Scenario(),
        Scenario((("gula", gula.steps[0]),)),
        Scenario((("gula", gula.steps[1]),)),
    ]
    # several items: each step alone, then each item at its last step together
    assert scenarios_of([gula, telur])[1:] == [
        Scenario((("gula", gula.steps[0]),)),
        Scenario((("gula", gula.steps[1]),)),
        Scenario((("telur", telur.steps[0]),)),
        Scenario((("gula", gula.steps[1]), ("telur", telur.steps[0]))),
    ]


# ---------------------------------------------------------------- outcomes by hand


def test_doubling_gula_by_hand(ws):
    (outcomes,) = run(ws, "kue-a.toml", "gula=+100%")
    today, doubled = outcomes
    # today: HPP (6.000 + 4.500 + 30.000) / 10 = 4.050; price roundup(6.075, 500) = 6.500
    assert (today.sheet.unit, today.listed.price, today.today.price) == (D(4050), D(6500), D(6500))
    # break-even 300.000 / (6.500 − 4.050 = 2.450) = 122,4 -> 123 pieces a month
    assert today.even.units == 123
    # gula 18.000 -> 36.000 a kg: its line 4.500 -> 9.000; HPP (6.000 + 9.000 + 30.000) / 10 = 4.500
    assert doubled.prices == {"gula": (D(18000), D(36000))}
    assert doubled.sheet.unit == D(4500)
    # the settings would now ask roundup(4.500 × 1,5 = 6.750, 500) = 7.000
    assert doubled.listed.price == D(7000)
    # at today's 6.500: margin (6.500 − 4.500) / 6.500 = 30,77%; break-even 300.000 / 2.000 = 150
    assert doubled.today.price == D(6500)
    assert doubled.today.margin == D(2000) / D(6500)
    assert doubled.even.units == 150


def test_plus_100_percent_raises_ingredients_by_exactly_that_items_line():
    """Done when: +100% on one item raises the ingredient cost by exactly that item's line."""
    ws = load_workspace(None, ROOT / "recipes" / "bingka-kentang.toml")  # embedded defaults
    ctx = Context(ws.settings, ws.catalog, ws.units)
    scenarios = scenarios_of([parse_change("gula-pasir=+100%", 0)])
    (outcomes,) = what_if(load_product(ws, ROOT / "recipes" / "bingka-kentang.toml"), ctx, None, scenarios)
    before, after = outcomes[0].sheet, outcomes[1].sheet
    (line,) = [x for x in before.lines if x.item == "gula-pasir"]
    # 1 gelas of sugar = 180 g at Rp 17.000 a kg = Rp 3.060
    assert line.cost == D(3060)
    assert after.total("ingredients") == before.total("ingredients") + line.cost
    for group in ("labor", "overhead", "packaging"):
        assert after.total(group) == before.total(group)
    # HPP rises by 3.060 / 8 pieces = 382,5
    assert after.unit - before.unit == D("382.5")


def test_an_item_in_a_sub_recipe_moves_its_share_of_the_sub_recipe_too():
    ws = load_workspace(None, ROOT / "recipes" / "bingka-kentang.toml")
    ctx = Context(ws.settings, ws.catalog, ws.units)
    (outcomes,) = what_if(
        load_product(ws, ROOT / "recipes" / "bingka-kentang.toml"),
        ctx,
        None,
        scenarios_of([parse_change("lpg-3kg=+100%", 0)]),
    )
    before, after = outcomes[0].sheet, outcomes[1].sheet
    # lpg is in the overhead and inside santan-pandan: the batch rises by every pack it buys × the price
    packs = before.needs()["lpg-3kg"]
    assert abs(after.batch - before.batch - packs * ws.catalog["lpg-3kg"].price) < D("1e-20")


def test_set_prices_are_today(ws):
    (outcomes,) = run(ws, "kue-a.toml", "gula=+2000", gula=20000)
    # --set gula=20000 is today's price; +2000 makes it 22.000: line 250 g × 22 = 5.500
    assert outcomes[1].prices == {"gula": (D(20000), D(22000))}
    assert outcomes[1].sheet.total("ingredients") == D(6000 + 5500)


def test_a_pattern_gives_outcomes_per_size(ws):
    per_size = run(ws, "baju.toml", "kain=30000")
    assert [o[0].sheet.size for o in per_size] == ["S", "M"]
    # M: 1,5 m at 30.000 = 45.000 + 30.000 labour = 75.000; today's price stays 135.000
    _m_today, m_cheaper = per_size[1]
    assert (m_cheaper.sheet.unit, m_cheaper.today.price, m_cheaper.listed.price) == (D(75000), D(135000), D(112500))


def test_the_report(ws):
    per_size = run(ws, "kue-a.toml", "gula=+100%", "kain=+5%")
    report = whatif_report(per_size, ws.settings.pricing, ["gula", "kain"], {}, settings_file="planner.toml")
    (data,) = report.data
    assert (data["product"], data["today_price"], data["fixed_costs"]) == ("Kue A", "6500.00", "300000.00")
    assert data["scenarios"][0] == {
        "changes": [],
        "unit_cost": "4050.00",
        "price": "6500.00",
        "margin": "0.3769",
        "units": 123,
    }
    assert data["scenarios"][1]["changes"] == [
        {"item": "gula", "change": "+100%", "before": "18000.00", "after": "36000.00"}
    ]
    assert len(data["scenarios"]) == 4  # today, gula, kain, both
    # Kue A does not use kain: a warning says its rows are today's
    (unused,) = [
        n for n in report.notes if n.message.key == _("{product} does not use {item}: its rows are the same as today")
    ]
    assert unused.message.params["item"] == "kain"


def test_never_breaks_even_is_none(ws):
    (outcomes,) = run(ws, "kue-a.toml", "gula=1000000")
    # gula at a million a kg: HPP far above today's 6.500, so no contribution
    assert outcomes[1].even.units is None
    assert outcomes[1].today.margin < 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=-100, max_value=300))
def test_a_percent_change_moves_the_batch_by_that_share_of_the_items_cost(ws, percent):
    # the workspace is only read, so sharing it between examples is safe
    (outcomes,) = run(ws, "kue-a.toml", f"gula={percent:+d}%")
    before, after = outcomes[0].sheet, outcomes[-1].sheet
    # gula's cost in a batch is 4.500; a change of p% moves the batch by 4.500 × p / 100
    assert after.batch - before.batch == D(4500) * percent / 100
