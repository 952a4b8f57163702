"""planner.quoting: the tailor's quote, against figures worked out by hand.

The workspace below is our own (so shipped price changes cannot break it):
wage Rp30.000 an hour, 2 workers × 8 h, markup 50%, prices round up to
Rp1.000, rush 25% (rounded up to Rp1.000 too), deposit 50%; a rushed job
works 1,5 × 8 = 12 h a day (rush_hours_per_day left out).

A one-off order pays for the fabric bought (docs/design.md, decision 11): the
fabric is bought in whole steps of the item, and each garment carries its share
of what is bought, in proportion to its metres — its fabric at the exact metres
× metres bought / metres used.

One skirt ("Rok") costs, besides fabric:
  buttons  2 pcs × Rp5.000 / 10 pcs          =  1.000
  Jahit    60 min / 60 × 30.000                = 30.000
  Obras    15 min / 0,5 efficiency / 60 × 30.000 = 15.000   (30 effective minutes)
  Bordir   service                             =  4.000
                                               = 50.000, and 60 + 30 = 90 labour minutes
Fabric need at 150 cm: S 1 m, M 1,2 m, L 1,5 m; waste 10%.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.costing import Context, CostLine, CostSheet
from planner.errors import AmbiguousNumber, InputError, InputErrors
from planner.options import garment_price as parse_price
from planner.options import garments as parse_count
from planner.options import length as parse_length
from planner.options import order as parse_order
from planner.options import sizes as parse_sizes
from planner.quoting import FabricUse, Quote, QuoteLine, quote_pattern
from planner.schedule import Workshop
from planner.settings import Pricing
from planner.texts import _
from planner.units import Quantity
from planner.workspace import load_product, load_workspace, unit_table

D = Decimal
TODAY = date(2026, 3, 2)

SETTINGS = """
business = "Jahit Bu Ani"
language = "en"
[labor]
wage_per_hour = 30_000
workers = 2
hours_per_day = 8
[pricing]
markup = 0.5
round_to = 1_000
[quote]
rush = 0.25
deposit = 0.5
"""

CATALOG = """
[kain-150]
pack = "1 m"
price = 40_000
width = "150 cm"
step = "0.5 m"
[kain-100]
pack = "1 m"
price = 30_000
width = "100 cm"
step = "0.25 m"
[kain-polos]
pack = "1 m"
price = 20_000
width = "150 cm"
[kancing]
pack = "10 pcs"
price = 5_000
[plastik]
pack = "100 pcs"
price = 45_000
"""

PATTERN = """
name = "Rok"
sizes = ["S", "M", "L"]
[fabric]
item = "kain-150"
width = "150 cm"
need = { S = "1 m", M = "1.2 m", L = "1.5 m" }
waste = 0.1
[[materials]]
item = "kancing"
qty = "2 pcs"
[[operations]]
name = "Jahit"
minutes = 60
[[operations]]
name = "Obras"
minutes = 15
efficiency = 0.5
[[services]]
name = "Bordir"
cost = 4_000
"""

RECIPE = """
name = "Kue"
[batch]
pieces = 10
minutes = 30
[[ingredients]]
item = "kancing"
qty = "1 pcs"
"""


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    (tmp_path / "planner.toml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "prices.toml").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "rok.toml").write_text(PATTERN, encoding="utf-8")
    (tmp_path / "kue.toml").write_text(RECIPE, encoding="utf-8")
    return tmp_path


def make_quote(
    shop: Path,
    order: dict[str, int],
    *,
    fabric: str | None = None,
    customer: bool = False,
    file: str = "rok.toml",
    **kw,
) -> Quote:
    ws = load_workspace(shop)
    ctx = Context(ws.settings, ws.catalog, ws.units, {}, fabric, customer)
    return quote_pattern(load_product(ws, shop / file), ctx, order, today=kw.pop("today", TODAY), **kw)


def cents(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"))


def test_size_mix_on_a_narrower_fabric(shop):
    # kain-100 is 100 cm wide, the pattern is drawn for 150 cm: × 150/100 = 1,5 by area.
    # metres per garment: S 1 × 1,1 × 1,5 = 1,65; M 1,2 × 1,1 × 1,5 = 1,98; L 1,5 × 1,1 × 1,5 = 2,475
    # metres 2 × 1,65 + 3 × 1,98 + 1 × 2,475 = 3,3 + 5,94 + 2,475 = 11,715; steps of 0,25 m → 11,75 (0,035 left)
    q = make_quote(shop, {"S": 2, "M": 3, "L": 1}, fabric="kain-100", rush=True)
    f = q.fabric
    assert (f.metres, f.buy, f.leftover, f.estimate, f.customer) == (
        D("11.715"),
        D("11.75"),
        D("0.035"),
        True,
        False,
    )
    # bought: 11,75 m × Rp 30.000 = Rp 352.500
    assert f.cost == D(352500)
    # fabric at the exact metres, Rp 30.000/m: S 49.500, M 59.400, L 74.250; each × 11,75 / 11,715 bought:
    # S 49.647,89, M 59.577,46, L 74.471,83
    assert [cents(s.fabric_cost) for s in q.items] == [D("49647.89"), D("59577.46"), D("74471.83")]
    # C = 50.000 without fabric + that: S 99.647,89, M 109.577,46, L 124.471,83
    assert [cents(s.unit_cost) for s in q.items] == [D("99647.89"), D("109577.46"), D("124471.83")]
    # the order's HPP: 6 garments × 50.000 + the fabric bought 352.500 = 652.500
    assert cents(q.cost) == D("652500.00")
    # × 1,5: S 149.471,83 → 150.000, M 164.366,20 → 165.000, L 186.707,75 → 187.000
    assert [s.unit_price for s in q.items] == [D(150000), D(165000), D(187000)]
    # amounts 2 × 150.000 + 3 × 165.000 + 1 × 187.000 = 300.000 + 495.000 + 187.000 = 982.000
    assert [s.amount for s in q.items] == [D(300000), D(495000), D(187000)]
    assert q.subtotal == D(982000)
    # rush 982.000 × 25% = 245.500 → up to Rp 1.000 = 246.000; total 1.228.000
    assert (q.rush_exact, q.rush, q.total) == (D(245500), D(246000), D(1228000))
    # deposit 1.228.000 × 50% = 614.000 (already a multiple); balance 614.000
    assert q.deposit == D(614000) and q.balance == D(614000)
    # rushed: 6 × 90 = 540 min / (2 workers × 12 h × 60 = 1.440 min a day) = 0,375 → 1 day
    assert (q.day_hours, q.minutes_per_day, q.days) == (D(12), D(1440), 1)


def test_days_from_capacity_and_the_ready_date(shop):
    # 40 garments × 90 min = 3.600 min; a day is 2 workers × 8 h × 60 = 960 min
    # 3.600 / 960 = 3,75 → 4 calendar days; 30 March + 4 = 3 April
    q = make_quote(shop, {"S": 10, "M": 20, "L": 10}, today=date(2026, 3, 30))
    assert (q.minutes, q.minutes_per_day, q.days, q.ready) == (D(3600), D(960), 4, date(2026, 4, 3))
    # fabric at 150 cm: 10 × 1,1 + 20 × 1,32 + 10 × 1,65 = 11 + 26,4 + 16,5 = 53,9 m → steps of 0,5 m → 54
    assert (q.fabric.metres, q.fabric.buy, q.fabric.estimate) == (D("53.9"), D("54.0"), False)


def test_customer_fabric_that_falls_short(shop):
    # metres 2 × 1,1 + 3 × 1,32 + 1 × 1,65 = 2,2 + 3,96 + 1,65 = 7,81; bring 7,81 → steps of 0,5 m = 8
    # the customer has 700 cm = 7 m: short 7,81 − 7 = 0,81 m, which the shop sells as 1 m (0,5 m steps)
    brought = parse_length("700 cm", unit_table())
    q = make_quote(shop, {"S": 2, "M": 3, "L": 1}, customer=True, brought=brought)
    f = q.fabric
    assert (f.metres, f.buy, f.cost, f.brought) == (D("7.81"), D("8.0"), D(0), D(7))
    assert (f.enough, f.short, f.left, f.short_buy) == (False, D("0.81"), D(0), D("1.0"))
    # no fabric in the cost: C = 50.000 for every size, × 1,5 = 75.000 exactly
    assert {s.unit_price for s in q.items} == {D(75000)}


def test_customer_fabric_that_is_enough(shop):
    # 9,5 m against 7,81 m: enough, 1,69 m left over
    q = make_quote(shop, {"S": 2, "M": 3, "L": 1}, customer=True, brought=parse_length("9,5 m", unit_table()))
    assert (q.fabric.enough, q.fabric.short, q.fabric.left) == (True, D(0), D("1.69"))


def test_a_single_garment_pays_for_the_fabric_bought(shop):
    # M at 150 cm: 1,2 × 1,1 = 1,32 m, bought in steps of 0,5 m = 1,5 m × Rp 40.000 = Rp 60.000 (0,18 m left)
    q = make_quote(shop, {"M": 1})
    assert (q.fabric.buy, q.fabric.cost, q.fabric.leftover) == (D("1.5"), D(60000), D("0.18"))
    # the one garment carries all of it: 52.800 at the exact metres × 1,5 / 1,32 = 60.000 (not 52.800)
    # C = 50.000 + 60.000 = 110.000; × 1,5 = 165.000; deposit 82.500 → 83.000; balance 82.000
    (m,) = q.items
    assert (m.fabric.cost, m.fabric_cost, m.unit_cost) == (D(52800), D(60000), D(110000))
    assert (m.unit_price, q.total, q.deposit, q.balance) == (D(165000), D(165000), D(83000), D(82000))
    # 90 min / 960 → 1 day
    assert (q.days, q.ready, q.rush) == (1, date(2026, 3, 3), D(0))


def test_the_cost_of_a_garment_keeps_the_exact_metres(shop):
    # `planner cost` (per garment) is not an order: M costs 52.800 of fabric + 50.000 = 102.800
    from planner.costing import cost_pattern

    ws = load_workspace(shop)
    sheet = cost_pattern(load_product(ws, shop / "rok.toml"), Context(ws.settings, ws.catalog, ws.units), "M")
    assert sheet.unit == D(102800)


@pytest.mark.parametrize("order", [{"S": 1}, {"S": 2, "M": 3, "L": 1}, {"S": 7, "L": 2}, {"M": 13}])
def test_the_shares_add_up_to_the_fabric_bought(shop, order):
    # Σ qty × share = cost × Σ qty × m / Σ qty × m = cost; and so for the metres bought
    q = make_quote(shop, order, fabric="kain-100")
    assert cents(sum(s.qty * s.fabric_cost for s in q.items)) == cents(q.fabric.cost)
    bought = [s.bought for s in q.items]
    assert sum(s.qty * b.qty.amount for s, b in zip(q.items, bought) if b and b.qty) == pytest.approx(q.fabric.buy)


def test_a_price_exactly_on_the_step_is_not_raised(shop):
    # customer fabric: C = 50.000 × 1,5 = 75.000, already a multiple of Rp 1.000
    q = make_quote(shop, {"S": 1}, customer=True)
    assert q.items[0].unit_price == D(75000)


def test_margin_form(shop):
    # margin 20%: M 110.000 (with the 1,5 m bought) / 0,8 = 137.500 → 138.000
    q = make_quote(shop, {"M": 1})
    from planner.pricing import list_price

    assert list_price(q.items[0].unit_cost, Pricing(margin=D("0.2"), round_to=D(1000))) == D(138000)


def test_no_step_buys_the_exact_metres(shop):
    # kain-polos, 150 cm, no step: S 1,1 m, bought exactly: 1,1 × Rp 20.000 = Rp 22.000, nothing left over
    q = make_quote(shop, {"S": 1}, fabric="kain-polos")
    assert (q.fabric.step, q.fabric.buy, q.fabric.cost, q.fabric.estimate) == (None, D("1.1"), D(22000), False)
    # C = 50.000 + 22.000 = 72.000, × 1,5 = 108.000 exactly: not raised to the next Rp 1.000
    assert (q.fabric.leftover, q.items[0].unit_cost, q.items[0].unit_price) == (D(0), D(72000), D(108000))


def settings_with(ws, **quote):
    return ws.settings.copy({"quote": ws.settings.quote.copy({k: D(v) for k, v in quote.items()})})


def test_deposit_never_exceeds_the_total(shop):
    # customer fabric at --price 100.500 (not a multiple of Rp 1.000): rush 100.500 × 30% = 30.150 → 31.000;
    # total 131.500; a deposit of 100% would round up to 132.000: capped at the total, nothing left to pay
    ws = load_workspace(shop)
    ctx = Context(settings_with(ws, rush="0.3", deposit=1), ws.catalog, ws.units, customer_fabric=True)
    q = quote_pattern(load_product(ws, shop / "rok.toml"), ctx, {"M": 1}, today=TODAY, rush=True, price=D(100500))
    assert (q.rush, q.total, q.deposit, q.balance) == (D(31000), D(131500), D(131500), D(0))


def test_rush_buys_time(shop):
    # 40 garments × 90 min = 3.600 min. Normally 2 workers × 8 h × 60 = 960 min a day: 3,75 → 4 days.
    # Rushed, 2 × 12 h (1,5 × 8) × 60 = 1.440 min a day: 2,5 → 3 days; from 30 March ready 2 April
    order = {"S": 10, "M": 20, "L": 10}
    normal = make_quote(shop, order, today=date(2026, 3, 30))
    rushed = make_quote(shop, order, today=date(2026, 3, 30), rush=True)
    assert (normal.days, rushed.days, rushed.minutes_per_day, rushed.ready) == (4, 3, D(1440), date(2026, 4, 2))
    # the rush surcharge is on top, rounded up; the garments' prices do not change
    assert [s.unit_price for s in rushed.items] == [s.unit_price for s in normal.items]
    assert rushed.rush % D(1000) == 0 and rushed.total == normal.total + rushed.rush


def test_rush_hours_per_day_as_set(shop):
    # rush_hours_per_day = 16: 2 × 16 × 60 = 1.920 min a day; 3.600 / 1.920 = 1,875 → 2 days
    ws = load_workspace(shop)
    ctx = Context(settings_with(ws, rush_hours_per_day=16), ws.catalog, ws.units)
    product = load_product(ws, shop / "rok.toml")
    q = quote_pattern(product, ctx, {"S": 10, "M": 20, "L": 10}, today=TODAY, rush=True)
    assert (q.day_hours, q.days) == (D(16), 2)
    # without --rush the setting changes nothing: 4 days
    assert quote_pattern(product, ctx, {"S": 10, "M": 20, "L": 10}, today=TODAY).days == 4


@pytest.mark.parametrize("hours_per_day, rush_hours", [("8", "12"), ("6", "9"), ("16", "24"), ("20", "24")])
def test_the_default_rush_day_is_half_as_long_again_and_at_most_a_day(hours_per_day, rush_hours):
    # 1,5 × hours_per_day: 8 → 12, 6 → 9, 16 → 24; 20 → 30 is more than a day has: 24
    from planner.settings import Labor, QuoteSettings

    assert QuoteSettings().rush_hours(Labor(hours_per_day=D(hours_per_day))) == D(rush_hours)


@pytest.mark.parametrize("value", ["0", "-2", "24.5", "25"])
def test_rush_hours_per_day_outside_a_day_is_refused(shop, value):
    (shop / "planner.toml").write_text(SETTINGS + f"rush_hours_per_day = {value}\n", encoding="utf-8")
    ws = load_workspace(shop)
    (problem,) = ws.diagnostics.errors
    assert problem.message.key == _("rush_hours_per_day must be more than 0 and at most 24, not {value}")
    assert problem.line == 14 and problem.message.params["value"] == value  # the line after deposit
    # the [quote] table gives way to its defaults: rush 25%, deposit 50%, 12 h a rushed day
    assert ws.settings.quote.rush_hours(ws.settings.labor) == D(12)


def test_a_rush_that_buys_no_time_is_told(shop):
    from planner.reports.quote import quote_report

    ws = load_workspace(shop)
    ctx = Context(settings_with(ws, rush_hours_per_day=8), ws.catalog, ws.units)
    q = quote_pattern(load_product(ws, shop / "rok.toml"), ctx, {"M": 1}, today=TODAY, rush=True)
    notes = [n for n in quote_report(q, 0, settings_file="planner.toml").notes if isinstance(n, InputError)]
    key = _("a rushed job works {rush} h a day, no more than the usual {hours} h: the rush buys no time")
    (told,) = [n for n in notes if n.message.key == key]
    # told at [quote] of the settings, with the default's figure to write: 1,5 × 8 = 12
    assert (told.path, told.loc, told.hint.params["suggest"]) == ("planner.toml", ("quote",), "12")


def test_price_check_per_hour(shop):
    # customer fabric, M: C = 50.000 of which labour 45.000; other costs 5.000; 90 min = 1,5 h
    # at 100.000: profit 50.000; (100.000 − 5.000) / 1,5 = 63.333,33 an hour
    q = make_quote(shop, {"M": 1}, customer=True, price=D(100000))
    (c,) = q.checks
    assert (c.profit, c.other_costs, c.hours) == (D(50000), D(5000), D("1.5"))
    assert c.per_hour.quantize(D("0.01")) == D("63333.33")
    assert q.items[0].unit_price == D(100000) and q.below_wage == ()
    # at 50.000: 45.000 / 1,5 = 30.000, exactly the wage: not below
    assert make_quote(shop, {"M": 1}, customer=True, price=D(50000)).below_wage == ()
    # at 45.000: 40.000 / 1,5 = 26.666,67 < 30.000: below
    low = make_quote(shop, {"M": 1}, customer=True, price=D(45000))
    assert [c.size for c in low.below_wage] == ["M"]


def test_unknown_sizes_are_listed(shop):
    with pytest.raises(InputErrors) as caught:
        make_quote(shop, {"S": 1, "XL": 2, "XXL": 1})
    problems = caught.value.problems
    assert [p.message.params["size"] for p in problems] == ["XL", "XXL"]
    assert problems[0].message.params["sizes"] == "S, M, L"


def test_a_recipe_is_quoted_in_pieces_not_sizes(shop):
    from planner.app.quoting import QuoteOptions, quote

    with pytest.raises(InputError) as caught:
        quote(load_workspace(shop), shop / "kue.toml", QuoteOptions(sizes="S=1", today=TODAY))
    assert caught.value.message.key == _("a recipe is quoted in pieces, not in sizes")
    assert caught.value.hint.key == _("write e.g. --pieces 100")


@pytest.mark.parametrize(
    "fabric, key",
    [
        ("plastik", _("{item} is not sold by length (its pack is {pack})")),
        ("kancing", _("{item} is not sold by length (its pack is {pack})")),
    ],
)
def test_fabric_not_sold_by_length(shop, fabric, key):
    with pytest.raises(InputErrors) as caught:
        make_quote(shop, {"S": 1}, fabric=fabric)
    assert caught.value.problems[0].message.key == key


# ---------------------------------------------------------------- parsing the command line


def test_parse_sizes_and_counts():
    assert parse_sizes("S=5,M=10,L=5") == {"S": 5, "M": 10, "L": 5}
    assert parse_sizes(" S = 5 , XL=1") == {"S": 5, "XL": 1}
    assert parse_order("M", "1", None) == {"M": 1}
    assert parse_order(None, None, "M=2") == {"M": 2}


@pytest.mark.parametrize(
    "args, key",
    [
        ((None, None, "S=5,M"), _("--sizes '{text}': '{part}' is not SIZE=COUNT")),
        ((None, None, "S=x"), _("size {size}: '{text}' is not a whole number of garments")),
        (
            (None, None, "S=1,5"),
            _("--sizes '{text}': '{part}' is not SIZE=COUNT"),
        ),  # the comma splits: "5" alone is not SIZE=COUNT
        ((None, None, "S=1.5"), _("size {size}: '{text}' is not a whole number of garments")),
        ((None, None, "S=0"), _("size {size}: {text} garments — the number must be more than zero")),
        ((None, None, "S=-3"), _("size {size}: {text} garments — the number must be more than zero")),
        ((None, None, "S=2,S=3"), _("--sizes '{text}' names size {size} twice")),
        (("M", "1", "S=5"), _("give either --size with --qty, or --sizes, not both")),
        ((None, "1", "S=5"), _("give either --size with --qty, or --sizes, not both")),
        (("M", None, None), _("--size {size} needs a --qty (how many garments)")),
        ((None, "3", None), _("--qty {qty} needs a --size")),
        ((None, None, None), _("say which sizes and how many")),
        (("M", "0", None), _("size {size}: {text} garments — the number must be more than zero")),
        (("M", "2,5", None), _("size {size}: '{text}' is not a whole number of garments")),
    ],
)
def test_bad_orders(args, key):
    with pytest.raises(InputError) as caught:
        parse_order(*args)
    assert caught.value.message.key == key


@pytest.mark.parametrize(
    "text, metres", [("9m", "9"), ("9 m", "9"), ("9,5 m", "9.5"), ("900 cm", "9"), ("2 yard", "1.8288")]
)
def test_parse_length(text, metres):
    assert parse_length(text, unit_table()) == D(metres)


@pytest.mark.parametrize(
    "text, key",
    [
        ("9 kg", _("--customer-fabric {text} is not a length of fabric")),
        ("abc", _("'{text}' is not a quantity")),
        ("9", _("'{text}' has no unit")),
        ("0 m", _("--customer-fabric {text} is not a length of fabric")),
        ("1.500 m", _("'{text}' is ambiguous: the dot may be a decimal point or a thousands separator")),
    ],
)
def test_bad_lengths(text, key):
    with pytest.raises(InputError) as caught:
        parse_length(text, unit_table())
    assert caught.value.message.key == key
    expected_hint = (
        _("write {decimal} or {thousands}")
        if isinstance(caught.value, AmbiguousNumber)
        else _('write how much fabric the customer brings as a length, e.g. 9m, "9,5 m" or 900cm')
    )
    assert caught.value.hint.key == expected_hint


def test_parse_price():
    assert parse_price("85000", 0) == D(85000) and parse_price("85_000", 0) == D(85000)
    for bad in ("0", "-5", "85000,5", "abc"):
        with pytest.raises(InputError):
            parse_price(bad, 0)
    assert parse_price("12,50", 2) == D("12.50")


# ---------------------------------------------------------------- invariants


def sheet(size: str, metres: Decimal, cost: Decimal, minutes: Decimal) -> CostSheet:
    fabric = CostLine("fabric", "kain", cost, "kain", Quantity(metres, "m"))
    return CostSheet("Rok", "rok.toml", "pattern", size, D(1), D(1), (fabric,), minutes)


money = st.integers(min_value=1, max_value=5_000_000).map(D)
counts = st.integers(min_value=1, max_value=200)
shares = st.integers(min_value=0, max_value=100).map(lambda n: D(n) / 100)


@given(
    cost=money,
    qty=counts,
    rush=shares,
    deposit=shares,
    markup=shares,
    round_to=st.sampled_from([D(100), D(500), D(1000), D(5000)]),
    minutes=st.integers(min_value=0, max_value=600).map(D),
    workers=st.integers(1, 5),
)
def test_quote_invariants(cost, qty, rush, deposit, markup, round_to, minutes, workers):
    pricing = Pricing(markup=markup, round_to=round_to)
    from planner.pricing import list_price

    price = list_price(cost, pricing)
    size = QuoteLine("M", qty, sheet("M", D("1.3"), cost, minutes), price, Quantity(D("1.3"), "m"))
    fabric = FabricUse(
        "kain",
        "kain",
        Quantity(D(150), "cm"),
        Quantity(D(150), "cm"),
        size.metres,
        None,
        None,
        size.metres,
        D(0),
        False,
        False,
        D(0),
    )
    shop = Workshop(workers, D(8))
    q = Quote("Rok", "rok.toml", (size,), fabric, pricing, rush, deposit, shop, TODAY, D(30000), None, True, D(12))
    # the price is never below its target, and less than one step above it
    assert cost * (1 + markup) <= price < cost * (1 + markup) + round_to
    # the rush likewise, in whole steps: so the total is a multiple of round_to too
    assert q.rush_exact <= q.rush < q.rush_exact + round_to and q.rush % round_to == 0 and q.total % round_to == 0
    # deposit: at least the share, at most the total, and the balance makes up the rest
    assert min(q.total * deposit, q.total) <= q.deposit <= q.total
    assert q.deposit + q.balance == q.total and q.balance >= 0
    # days cover the work, and one day fewer would not; a rushed job (12 h a day) never takes longer than at 8 h
    assert q.days * q.minutes_per_day >= q.minutes
    assert q.days == 0 or (q.days - 1) * q.minutes_per_day < q.minutes
    # with every day a working day, the job is ready `days` days after today (tomorrow when there is no work)
    assert q.ready == TODAY + timedelta(days=max(q.days, 1))
    assert q.days <= replace(q, rushed=False).days


@given(
    metres=st.decimals(min_value=D("0.01"), max_value=D(500), places=3),
    step=st.sampled_from([D("0.25"), D("0.5"), D(1)]),
    brought=st.decimals(min_value=D("0.01"), max_value=D(500), places=2),
)
def test_fabric_invariants(metres, step, brought):
    from planner.money import round_up

    buy = round_up(metres, step)
    f = FabricUse(
        "kain",
        "kain",
        Quantity(D(150), "cm"),
        Quantity(D(150), "cm"),
        metres,
        Quantity(step, "m"),
        step,
        buy,
        D(0),
        True,
        False,
        D(0),
        brought,
    )
    # bought in whole steps: enough, and less than one step too much
    assert metres <= f.buy < metres + step and (f.buy / step) == (f.buy / step).to_integral_value()
    # enough exactly when nothing is short; what is left minus what is short is the difference
    assert f.enough == (f.short == 0)
    assert f.left - f.short == brought - metres
    assert f.short <= f.short_buy < f.short + step or f.short == 0


@given(st.dictionaries(st.from_regex(r"[A-Z]{1,3}", fullmatch=True), counts, min_size=1, max_size=6))
def test_sizes_round_trip(order):
    text = ",".join(f"{size}={n}" for size, n in order.items())
    assert parse_sizes(text) == order


@given(st.integers(min_value=1, max_value=10_000))
def test_whole_counts_parse(n):
    assert parse_count(str(n), "M") == n


# ---------------------------------------------------------------- a recipe quoted like a tailoring job

OVEN_SETTINGS = (
    SETTINGS
    + """
[[equipment]]
name = "oven"
price = 1_500_000
life_months = 60
capacity = 1
"""
)

OVEN_RECIPE = RECIPE.replace("minutes = 30", 'minutes = 30\nequipment = "oven"\nequipment_minutes = 240')


def quote_kue(shop: Path, pieces: int, settings: str = SETTINGS, recipe: str = RECIPE, **kw) -> Quote:
    from planner.quoting import quote_recipe

    (shop / "planner.toml").write_text(settings, encoding="utf-8")
    (shop / "kue.toml").write_text(recipe, encoding="utf-8")
    ws = load_workspace(shop)
    ctx = Context(ws.settings, ws.catalog, ws.units)
    return quote_recipe(load_product(ws, shop / "kue.toml"), ctx, pieces, today=kw.pop("today", TODAY), **kw)


def test_a_kenduri_order_is_quoted_in_whole_batches(shop):
    """Kue: a batch of 10 pieces costs 1 kancing (Rp5.000 / 10 = Rp500) + 30 min × Rp30.000 / 60 = Rp15.000:
    Rp15.500, Rp1.550 a piece; × 1,5 markup = Rp2.325 → Rp3.000 (Rp1.000 steps), the direct channel's price.
    25 pieces: ceil(25 / 10) = 3 batches making 30, 5 over; 25 × Rp3.000 = Rp75.000; deposit Rp37.500 →
    Rp38.000, balance Rp37.000. Work 3 × 30 = 90 min = 1,5 h, 2 workers: 0,75 h, one working day: from
    Monday 2 March ready Tuesday 3 March."""
    q = quote_kue(shop, 25)
    (line,) = q.items
    assert (line.batches, line.made, line.surplus, line.unit_cost, line.unit_price) == (3, 30, 5, D(1550), D(3000))
    assert (q.total, q.deposit, q.balance, q.cost) == (D(75000), D(38000), D(37000), D(46500))  # 3 × 15.500
    assert (q.minutes, q.days, q.start, q.ready) == (D(90), 1, date(2026, 3, 3), date(2026, 3, 3))
    assert q.fabric is None and q.kind == "recipe" and q.channel == "langsung"


def test_a_kenduri_order_waits_for_the_oven(shop):
    """With 240 min in the oven a batch and one oven: 3 × 240 = 720 min = 12 h of baking, more than the
    0,75 h of work: 12 h / 8 h a day = 1,5 → 2 working days, Tue 3 and Wed 4 March. Rushed at 12 h a day:
    12 / 12 = 1 day, Tue 3 March (the oven works the longer day too)."""
    q = quote_kue(shop, 25, OVEN_SETTINGS, OVEN_RECIPE)
    assert (q.equipment_hours, q.days, q.ready) == ({"oven": D(12)}, 2, date(2026, 3, 4))
    assert quote_kue(shop, 25, OVEN_SETTINGS, OVEN_RECIPE, rush=True).ready == date(2026, 3, 3)


def test_the_ready_date_skips_closed_days_and_holidays(shop):
    """Closed on Tuesdays, Wednesday 4 March a holiday: the kenduri's 2 days of baking (above) start on the
    first working day after Monday 2 March, Thursday 5, and end on Friday 6 March."""
    closed = OVEN_SETTINGS + '[calendar]\nclosed = ["tuesday"]\nholidays = [2026-03-04]\n'
    q = quote_kue(shop, 25, closed, OVEN_RECIPE)
    assert (q.start, q.ready, q.days) == (date(2026, 3, 5), date(2026, 3, 6), 2)


# ---------------------------------------------------------------- --due


@pytest.mark.parametrize(
    "due, met, late, late_rushed",
    [
        # 40 skirts × 90 min = 60 h of work, 2 workers: 30 h. From Tue 31 March: at 8 h a day 3,75 → 4 days,
        # ready Fri 3 April; rushed at 12 h a day 2,5 → 3 days, ready Thu 2 April.
        (date(2026, 4, 3), "normal", 0, 0),
        (date(2026, 4, 2), "rush", 1, 0),  # met only with the rush; a day late at the normal pace
        (date(2026, 4, 1), "no", 2, 1),  # not even rushed: 2 days late, rushed 1
    ],
)
def test_a_due_date_is_met_at_normal_pace_only_with_rush_or_not(shop, due, met, late, late_rushed):
    order = {"S": 10, "M": 20, "L": 10}
    normal = make_quote(shop, order, today=date(2026, 3, 30), due=due)
    rushed = make_quote(shop, order, today=date(2026, 3, 30), due=due, rush=True)
    assert (normal.ready, rushed.ready) == (date(2026, 4, 3), date(2026, 4, 2))
    assert (normal.due_met, normal.late_days) == (met, late)
    assert (rushed.due_met, rushed.late_days) == (met, late_rushed)
    assert normal.queue_hours == 0  # an empty queue until the book's open orders join it


def test_a_due_date_before_today_is_refused(shop):
    from planner.app.quoting import QuoteOptions, quote

    with pytest.raises(InputErrors) as caught:
        quote(load_workspace(shop), shop / "rok.toml", QuoteOptions("M", "1", today=TODAY, due=date(2026, 3, 1)))
    assert caught.value.problems[0].message.key == _("--due {due} is before today ({today})")
