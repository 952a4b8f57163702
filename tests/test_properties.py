"""Invariants that must hold for any input, checked with hypothesis.

Units convert both ways without loss, costs scale with quantities, a cost
sheet's shown figures add up to its shown totals, a rounded price never falls
below its target, a recipe costs the same however often it is asked for, and
big tables drawn without rich look exactly as rich draws them.

Properties written next to their modules are not repeated here: reconcile
(tests/test_money.py), channel prices and markup/margin (tests/test_pricing.py),
break-even units (tests/test_breakeven.py), whole packs and batches
(tests/test_planning.py), quotes and fabric (tests/test_quoting.py), scaled
recipes (tests/test_scaling.py).
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from planner.costing import Context, cost_recipe
from planner.errors import InputError
from planner.models import Recipe, RecipeProduct
from planner.money import ceil_div, quantize, round_up
from planner.pricing import list_price, target_price
from planner.render.plain import plain_lines
from planner.reports.cost import shown_sheet
from planner.settings import Pricing
from planner.texts import _
from planner.units import Quantity
from planner.workspace import DATA, load_workspace, unit_table

MODEST = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
TOLERANCE = Decimal("1e-20")


def close(a: Decimal, b: Decimal) -> bool:
    """Equal up to the last digits of Decimal's 28-digit precision."""
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), Decimal(1))


def amounts(lo: str = "0.001", hi: str = "100000", places: int = 3) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal(lo), max_value=Decimal(hi), places=places, allow_nan=False, allow_infinity=False
    )


WS = load_workspace(DATA)  # the embedded defaults: settings and the Indonesian catalog
UNITS = unit_table()
BUILT_IN = UNITS.known()


# ---------------------------------------------------------------- units


@MODEST
@given(amount=amounts(), a=st.sampled_from(BUILT_IN), b=st.sampled_from(BUILT_IN))
def test_conversion_round_trips_within_a_dimension(amount, a, b):
    assume(UNITS.dimension(a) == UNITS.dimension(b))
    there = UNITS.convert(Quantity(amount, a), b)
    back = UNITS.convert(Quantity(there, b), a)
    assert close(back, amount)


@MODEST
@given(amount=amounts(), data=st.data())
def test_conversion_round_trips_across_dimensions_through_item_facts(amount, data):
    """Items with a piece weight or a density convert counts/volumes to their pack unit and back."""
    ids = sorted(i for i, item in WS.catalog.items() if item.piece is not None or item.density is not None)
    item_id = data.draw(st.sampled_from(ids))
    item = WS.catalog[item_id]
    unit = data.draw(st.sampled_from(BUILT_IN))
    try:
        there = UNITS.convert(Quantity(amount, unit), item.pack.unit, item, item_id)
    except InputError:
        assume(False)
    back = UNITS.convert(Quantity(there, item.pack.unit), unit, item, item_id)
    assert close(back, amount)


@MODEST
@given(amount=amounts(), a=st.sampled_from(BUILT_IN), b=st.sampled_from(BUILT_IN))
def test_conversion_across_dimensions_without_facts_is_an_error_never_a_guess(amount, a, b):
    assume(UNITS.dimension(a) != UNITS.dimension(b))
    with pytest.raises(InputError) as caught:
        UNITS.convert(Quantity(amount, a), b)
    assert caught.value.message.key == _("cannot convert {item} from {source} to {target}")


# ---------------------------------------------------------------- money


@MODEST
@given(
    value=amounts("0", "10000000", 4),
    step=st.sampled_from([Decimal(1), Decimal(100), Decimal(500), Decimal(1000), Decimal("0.05")]),
)
def test_round_up_is_the_least_multiple_of_the_step_not_below(value, step):
    rounded = round_up(value, step)
    assert rounded >= value
    assert rounded - step < value
    assert rounded % step == 0


@MODEST
@given(a=amounts("0", "1000000", 4), b=amounts("0.0001", "1000", 4))
def test_ceil_div_is_the_least_count_that_covers(a, b):
    n = ceil_div(a, b)
    assert n * b >= a
    assert (n - 1) * b < a or n == 0


# ---------------------------------------------------------------- pricing


@MODEST
@given(
    cost=amounts("0", "5000000", 4),
    markup=st.one_of(st.none(), amounts("0", "5", 3)),
    margin=amounts("0", "0.95", 2),
    round_to=st.sampled_from([Decimal(1), Decimal(100), Decimal(500), Decimal(1000)]),
)
def test_a_rounded_price_is_never_below_its_target(cost, markup, margin, round_to):
    pricing = (
        Pricing(markup=markup, round_to=round_to) if markup is not None else Pricing(margin=margin, round_to=round_to)
    )
    target = target_price(cost, pricing)
    price = list_price(cost, pricing)
    assert price >= target
    assert price - round_to < target
    assert price % round_to == 0


# ---------------------------------------------------------------- costing


def _recipe(lines: list[tuple[str, Quantity]]) -> Recipe:
    # Written as planner writes a scaled recipe: "1.005 l" and "1,005 l" are both refused as ambiguous.
    from planner.scaling import quantity_text

    return Recipe.model_validate(
        {
            "name": "Uji",
            "batch": {"pieces": 10, "minutes": 30},
            "ingredients": [{"item": item_id, "qty": quantity_text(q)} for item_id, q in lines],
        },
        context={"places": 0},
    )


@st.composite
def recipe_lines(draw, catalog):
    """Catalog items with quantities in a unit each item can be bought by."""
    ids = sorted(catalog)
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=8, unique=True))
    lines = []
    for item_id in chosen:
        item = catalog[item_id]
        unit = draw(st.sampled_from([item.pack.unit, *sorted(item.units)]))
        lines.append((item_id, Quantity(draw(amounts("0.01", "5000", 2)), unit)))
    return lines


@MODEST
@given(
    data=st.data(),
    k=st.sampled_from(
        [Decimal(2), Decimal(3), Decimal("0.5"), Decimal("1.25"), Decimal(7), Decimal("0.1"), Decimal(40)]
    ),
)
def test_scaling_a_recipe_by_k_scales_its_ingredient_cost_by_k(data, k):
    lines = data.draw(recipe_lines(WS.catalog))
    ctx = Context(WS.settings, WS.catalog, WS.units)
    base = _ingredients(ctx, lines)
    scaled = _ingredients(ctx, [(i, q.scaled(k)) for i, q in lines])
    assert close(scaled, base * k)


def _ingredients(ctx: Context, lines: list[tuple[str, Quantity]]) -> Decimal:
    recipe = _recipe(lines)
    sheet = cost_recipe(RecipeProduct("uji.toml", recipe), ctx)
    return sheet.total("ingredients")


@MODEST
@given(data=st.data(), places=st.sampled_from([0, 2]))
def test_a_cost_sheets_shown_lines_add_up_to_groups_and_groups_to_the_batch(data, places):
    """With their rounding lines, each line rounded on its own (half-up, as --explain shows it)."""
    lines = data.draw(recipe_lines(WS.catalog))
    ctx = Context(WS.settings, WS.catalog, WS.units)
    sheet = cost_recipe(RecipeProduct("uji.toml", _recipe(lines)), ctx)
    shown = shown_sheet(sheet, places)
    for group in sheet.groups:
        costs = [line.cost for line in sheet.lines if line.group == group]
        assert shown.lines[group] == [quantize(c, places) for c in costs]
        assert sum(shown.lines[group], Decimal(0)) + shown.group_rounding[group] == shown.totals[group]
    assert sum(shown.totals.values(), Decimal(0)) + shown.rounding == shown.batch == quantize(sheet.batch, places)


@MODEST
@given(data=st.data(), raise_by=st.sampled_from([Decimal(1), Decimal(2), Decimal("1.5")]))
def test_a_recipe_costs_the_same_asked_again_and_anew_under_other_prices(data, raise_by):
    """cost_recipe keeps each sheet for its context: asking again (by another path spelling too)
    gives the same figures as a fresh context; a context with other prices works them out anew."""
    from dataclasses import replace

    lines = data.draw(recipe_lines(WS.catalog))
    recipe = _recipe(lines)
    ctx = Context(WS.settings, WS.catalog, WS.units)
    first = cost_recipe(RecipeProduct("uji.toml", recipe), ctx)
    again = cost_recipe(RecipeProduct("./uji.toml", recipe), ctx)
    fresh = cost_recipe(RecipeProduct("./uji.toml", recipe), Context(WS.settings, WS.catalog, WS.units))
    assert (
        (again.file, again.batch, again.lines)
        == (fresh.file, fresh.batch, fresh.lines)
        == ("./uji.toml", first.batch, first.lines)
    )
    item_id = lines[0][0]
    dearer = replace(ctx, prices={item_id: WS.catalog[item_id].price * raise_by})
    assert close(
        cost_recipe(RecipeProduct("uji.toml", recipe), dearer).batch, first.batch + first.lines[0].cost * (raise_by - 1)
    )


# ---------------------------------------------------------------- rendering

_WORDS = st.text(alphabet=st.sampled_from(list("abcxyzÉé0129.,-%() █░━│宽") + [" "]), min_size=0, max_size=14)


@st.composite
def rich_tables(draw):
    """Tables shaped like render/table.py's, with cells of every kind it adds."""
    n = draw(st.integers(1, 5))
    title = draw(st.one_of(st.none(), _WORDS))
    table = RichTable(
        title=title or None,
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    for _column in range(n):
        table.add_column(
            draw(_WORDS), justify=draw(st.sampled_from(["left", "right"])), overflow="fold", no_wrap=draw(st.booleans())
        )
    for _row in range(draw(st.integers(0, 6))):
        cells = [
            draw(st.one_of(_WORDS, _WORDS.map(Text), _WORDS.map(lambda t: Padding(t, (0, 0, 0, 2)))))
            for _cell in range(n)
        ]
        table.add_row(*cells, end_section=draw(st.booleans()))
    return table


@settings(max_examples=150, deadline=None, derandomize=True)
@given(table=rich_tables(), width=st.integers(10, 100))
def test_big_tables_drawn_directly_look_exactly_as_rich_draws_them(table, width):
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False, emoji=False, markup=False)
    lines = plain_lines(table, console)
    event("drawn directly" if lines is not None else "left to rich")
    if lines is None:
        return
    console.print(table)
    drawn = console.file.getvalue().splitlines()
    assert [line.rstrip() for line in lines] == [line.rstrip() for line in drawn]
