"""Properties of the book, on generated records: a shop owes what it earned less what it paid; a
valid book never has a shop's shelf below zero; the period report of two halves adds up to the
report of the whole (each figure exactly, before rounding)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.book.cash import cash_flow
from planner.book.ledger import Book, Entry, Period, ProductKey
from planner.book.period import Costed, PeriodReport, period_report
from planner.book.records import Capital, Made, Sold, Spent, Titip
from planner.book.titip import accounts
from planner.book.validate import shelf_problems
from planner.booksettings import Shop
from planner.settings import Channel, Equipment, Settings

KUE, ROTI = ProductKey("recipes/kue.toml"), ProductKey("recipes/roti.toml")
COSTED = {
    KUE: Costed(KUE, "Kue", Decimal("4875"), Decimal("3000"), {}, "oven", Decimal("7000")),
    ROTI: Costed(ROTI, "Roti", Decimal("5500"), Decimal("0"), {}, None, Decimal("8000")),
}
SETTINGS = Settings(
    channels=[
        Channel(name="langsung"),
        Channel(name="titip", commission=Decimal("0.20"), sell_through=Decimal("0.85")),
        Channel(name="gofood", commission=Decimal("0.20"), fee=Decimal(1000)),
    ],
    equipment=[Equipment(name="oven", price=Decimal(1_800_000), life_months=Decimal(36))],
    shops=[Shop(name="Acil"), Shop(name="Julak", commission=Decimal("0.15"))],
)
START = date(2026, 11, 1)
DAYS = 45

days = st.integers(0, DAYS - 1).map(lambda n: START + timedelta(days=n))
keys = st.sampled_from([KUE, ROTI])
counts = st.integers(0, 30)


def entry(record: object, kind: str, index: int, key: ProductKey | None = None) -> Entry:  # type: ignore[type-arg]
    return Entry(record, kind, "books/x.toml", index, None, (key,) if key else ())  # type: ignore[arg-type]


visit_values = st.tuples(
    days, st.sampled_from(["Acil", "Julak"]), keys, counts, counts, counts, st.integers(0, 200_000), st.booleans()
)


def visits_of(values: list[tuple]) -> list[Entry]:  # type: ignore[type-arg]
    found = []
    for n, (day, shop, key, delivered, sold, returned, paid, priced) in enumerate(sorted(values, key=lambda v: v[0])):
        if not (delivered or sold or returned or paid):
            continue
        visit = Titip(
            date=day,
            shop=shop,
            product=key.path,
            delivered=delivered,
            sold=sold,
            returned=returned,
            paid=paid,
            price=9_000 if priced else None,
        )
        found.append(entry(visit, "titip", n, key))
    return found


def valid(visits: list[Entry]) -> tuple[Entry, ...]:  # type: ignore[type-arg]
    bad, _problems = shelf_problems(visits, lambda key: key.path)
    return tuple(v for n, v in enumerate(visits) if n not in bad)


@settings(max_examples=60, deadline=None)
@given(st.lists(visit_values, max_size=30))
def test_owed_is_earned_less_paid(values: list[tuple]) -> None:  # type: ignore[type-arg]
    book = Book(titip=valid(visits_of(values)))
    for account in accounts(book, SETTINGS, {k: c.unit for k, c in COSTED.items()}, START + timedelta(days=DAYS)):
        assert account.owed == account.earned - account.paid
        assert account.paid == sum(v.record.paid for v in book.titip if v.record.shop == account.shop.name)


@settings(max_examples=60, deadline=None)
@given(st.lists(visit_values, max_size=30))
def test_on_shelf_is_never_negative_in_a_valid_book(values: list[tuple]) -> None:  # type: ignore[type-arg]
    visits = valid(visits_of(values))
    shelves: dict[tuple[str, ProductKey], int] = {}
    for visit in visits:
        key = (visit.record.shop, visit.product)
        shelves[key] = shelves.get(key, 0) + visit.record.delivered - visit.record.sold - visit.record.returned
        assert shelves[key] >= 0
    # and the shelf check takes out exactly the visits that would take a shelf below zero
    assert not shelf_problems(list(visits), lambda key: key.path)[1]


made_values = st.lists(st.tuples(days, keys, st.integers(1, 40)), max_size=20)
sold_values = st.lists(
    st.tuples(
        days,
        keys,
        st.integers(1, 30),
        st.integers(1, 30).map(lambda n: n * 500),
        st.sampled_from(["langsung", "gofood", None]),
    ),
    max_size=20,
)
spent_values = st.lists(st.tuples(days, st.integers(1, 100_000)), max_size=5)


def book_of(made: list[tuple], sold: list[tuple], visits: list[tuple], spent: list[tuple]) -> Book:  # type: ignore[type-arg]
    return Book(
        made=tuple(
            entry(Made(date=d, product=k.path, pieces=n), "made", i, k) for i, (d, k, n) in enumerate(sorted(made))
        ),
        sold=tuple(
            entry(Sold(date=d, product=k.path, pieces=n, price=p, channel=c), "sold", i, k)
            for i, (d, k, n, p, c) in enumerate(sorted(sold, key=lambda v: v[0]))
        ),
        titip=valid(visits_of(visits)),
        spent=tuple(
            entry(Spent(date=d, what="listrik", amount=a), "spent", i) for i, (d, a) in enumerate(sorted(spent))
        ),
    )


FIGURES = ("earned", "hpp_made", "stock", "gross", "spent_total", "labour")
TINY = Decimal("1e-15")  # Decimal keeps 28 digits: a third of a rupiah a day is cut somewhere down there


def adds_up(whole: Decimal, one: Decimal, two: Decimal) -> bool:
    return abs(whole - (one + two)) < TINY


def before_depreciation(report: PeriodReport) -> tuple[Decimal, Decimal]:
    return report.net + report.depreciation_total, report.take_home + report.depreciation_total


def product_figures(report: PeriodReport) -> dict[ProductKey, tuple[int, int, int, int]]:
    return {p.key: (p.made, p.sold, p.returned, p.shelf_change) for p in report.products}


@settings(max_examples=60, deadline=None)
@given(made_values, sold_values, st.lists(visit_values, max_size=25), spent_values, st.integers(0, DAYS - 2))
def test_two_halves_add_up_to_the_whole(
    made: list[tuple],  # type: ignore[type-arg]
    sold: list[tuple],  # type: ignore[type-arg]
    visits: list[tuple],  # type: ignore[type-arg]
    spent: list[tuple],  # type: ignore[type-arg]
    cut: int,
) -> None:
    book = book_of(made, sold, visits, spent)
    whole = Period(START, START + timedelta(days=DAYS - 1))
    first, second = whole.split(START + timedelta(days=cut))
    total, one, two = (period_report(book, SETTINGS, COSTED, p) for p in (whole, first, second))
    for name in FIGURES:
        assert adds_up(getattr(total, name), getattr(one, name), getattr(two, name)), name
    for a, b, c in zip(before_depreciation(total), before_depreciation(one), before_depreciation(two)):
        assert adds_up(a, b, c)
    # depreciation is of the equipment of the period's products: it adds up when both halves use the oven
    if all(any(p.key == KUE for p in r.products) for r in (one, two)):
        assert adds_up(total.depreciation_total, one.depreciation_total, two.depreciation_total)
        assert adds_up(total.net, one.net, two.net)
    halves: dict[ProductKey, list[int]] = {}
    for report in (one, two):
        for key, figures in product_figures(report).items():
            halves[key] = [a + b for a, b in zip(halves.get(key, [0, 0, 0, 0]), figures)]
    assert {k: tuple(v) for k, v in halves.items() if any(v)} == {
        k: v for k, v in product_figures(total).items() if any(v)
    }
    cash = [cash_flow(book, SETTINGS, p) for p in (whole, first, second)]
    assert cash[1].closing == cash[2].opening
    assert cash[0].closing == cash[2].closing
    assert adds_up(cash[0].money_in, cash[1].money_in, cash[2].money_in)
    assert abs(sum(w.net for w in total.weeks) - total.net) < TINY


def test_a_sale_whose_fee_is_above_its_price_brings_in_less_than_nothing() -> None:
    """Worked by hand: 2 pieces on gofood at Rp1.000 hand over 2 × (1.000 × (1 − 20%) − 1.000 fee) = −400;
    it stays a (negative) sale, not a cost, and capital taken out (−50.000) is money out."""
    day = date(2026, 11, 3)
    book = Book(
        sold=(entry(Sold(date=day, product=KUE.path, pieces=2, price=1_000, channel="gofood"), "sold", 0, KUE),),
        capital=(entry(Capital(date=day, member="Siti", amount=-50_000), "capital", 0),),
    )
    cash = cash_flow(book, SETTINGS, Period(START, START + timedelta(days=DAYS - 1)))
    assert dict(cash.ins)["sales"] == Decimal(-400)
    assert dict(cash.outs) == {"bought": 0, "spent": 0, "capital": Decimal(50_000)}
    # closing = 0 opening − 400 in − 50.000 out = −50.400
    assert (cash.money_in, cash.money_out, cash.closing) == (Decimal(-400), Decimal(50_000), Decimal(-50_400))
