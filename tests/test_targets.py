"""The newsvendor target (planner/targets.py), worked by hand: the quantile, ties, few samples,
the costs' edge cases, the week in whole batches; and a property: the target is always one of the
samples and never falls when a missed sale is worth more."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planner.book.ledger import Entry, ProductKey
from planner.book.period import Costed
from planner.book.records import Sold
from planner.targets import Sample, critical_ratio, day_target, newsvendor, product_target

D = Decimal


def test_the_done_when_case_eight_mondays():
    # c_u = 2.904 (a missed sale), c_o = 7.096 (an unsold piece): r = 2.904 / (2.904 + 7.096) = 2.904 / 10 = 0.2904.
    # Sorted: 18, 19, 20, 22, 22, 22, 24, 25; F(18) = 1/8 = 0.125, F(19) = 2/8 = 0.25 < 0.2904,
    # F(20) = 3/8 = 0.375 ≥ 0.2904: the smallest q with F(q) ≥ r is 20 (k = ⌈0.2904 × 8⌉ = ⌈2.3232⌉ = 3rd).
    ratio = critical_ratio(D("2.904"), D("7.096"))
    assert ratio == D("0.2904")
    assert newsvendor([18, 22, 20, 25, 22, 19, 24, 22], ratio) == 20


def test_ties_count_together():
    # 18, 19, 20, 22, 22, 22, 24, 25 at r = 0.5: k = ⌈4⌉ = 4th = 22 (F(22) = 6/8); r = 0.76: k = ⌈6.08⌉ = 7th = 24;
    # r = 0.75 exactly: k = 6th = 22 (F(22) = 6/8 = 0.75 ≥ 0.75, and F(20) = 3/8 < 0.75).
    samples = [18, 22, 20, 25, 22, 19, 24, 22]
    assert newsvendor(samples, D("0.5")) == 22
    assert newsvendor(samples, D("0.75")) == 22
    assert newsvendor(samples, D("0.76")) == 24
    assert newsvendor(samples, D("1")) == 25


def test_a_sale_at_a_loss_asks_for_the_fewest_and_a_free_leftover_for_the_most():
    assert critical_ratio(D("-500"), D("7000")) == 0
    assert critical_ratio(D("0"), D("7000")) == 0
    assert critical_ratio(D("3000"), D("0")) == 1
    assert newsvendor([5, 3, 9], D(0)) == 3  # k = ⌈0⌉ → at least the 1st
    assert newsvendor([5, 3, 9], D(1)) == 9


def _sample(day: date, sold: int, made: int | None = None, returned: int = 0) -> Sample:
    record = Sold(date=day, product="kue.toml", pieces=max(sold, 1), price=D(10_000))
    return Sample(day, sold, made, returned, Entry(record, "sold", "books/b.toml", 0))


def test_sold_out_needs_what_was_made_all_sold_and_nothing_back():
    day = date(2026, 12, 7)
    assert _sample(day, 22, made=22).sold_out
    assert _sample(day, 23, made=22).sold_out  # sold some of yesterday's too
    assert not _sample(day, 21, made=22).sold_out
    assert not _sample(day, 22, made=22, returned=1).sold_out
    assert not _sample(day, 22).sold_out  # no [[made]]: nothing says what was on offer


def test_fewer_than_four_samples_take_the_average_rounded_up():
    # 10, 11, 13: average 34 / 3 = 11.33 → 12, whatever the ratio
    days = [_sample(date(2026, 12, d), n) for d, n in ((1, 10), (8, 11), (15, 13))]
    found = day_target(1, days, D("0.1"))
    assert found.few and found.target == 12
    assert found.average == D(34) / 3
    # four samples: the quantile again: 10, 11, 13, 40 at r = 0.1: k = ⌈0.4⌉ = 1st = 10
    four = day_target(1, [*days, _sample(date(2026, 12, 22), 40)], D("0.1"))
    assert not four.few and four.target == 10


def test_the_week_in_whole_batches_from_the_last_history_days():
    cost = Costed(ProductKey("kue.toml"), "Kue", D("7096"), D("1000"))
    mondays = [_sample(date(2026, 10, 5), 100)] + [
        _sample(date(2026, 10, 12) + timedelta(weeks=i), n) for i, n in enumerate([18, 22, 20, 25, 22, 19, 24, 22])
    ]
    tuesdays = [_sample(date(2026, 12, 1), 9), _sample(date(2026, 12, 8), 10)]
    # receipt 10.000: c_u = 10.000 − 7.096 = 2.904, c_o = 7.096, r = 0.2904; the 100 of 5 Oct is the 9th Monday
    # back, left out by history = 8. Monday 20 (as above); Tuesday: 2 samples, (9 + 10) / 2 = 9.5 → 10.
    # Week 20 + 10 = 30 pieces; 30 / 8 sellable = 3.75 → 4 batches.
    found = product_target(cost, D(10_000), D(8), sorted(mondays + tuesdays, key=lambda s: s.day), 8)
    assert [(d.weekday, d.target) for d in found.days] == [(0, 20), (1, 10)]
    assert found.missed_profit == D(2904) and found.ratio == D("0.2904")
    assert found.week_pieces == 30 and found.batches == 4


samples_st = st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=30)
ratio_st = st.decimals(min_value=0, max_value=1, places=4)


@given(samples_st, ratio_st, ratio_st)
def test_the_target_is_a_sample_and_grows_with_the_ratio(samples, a, b):
    low, high = sorted((a, b))
    q_low, q_high = newsvendor(samples, low), newsvendor(samples, high)
    assert q_low in samples and q_high in samples
    assert q_low <= q_high
    # and it is the smallest sample whose share at or below reaches the ratio
    at_or_below = sum(1 for s in samples if s <= q_high)
    assert at_or_below >= high * len(samples)
    assert all(sum(1 for s in samples if s <= x) < high * len(samples) for x in samples if x < q_high)


@given(st.decimals(min_value=1, max_value=100_000, places=2), st.decimals(min_value=1, max_value=100_000, places=2))
def test_the_ratio_grows_with_the_missed_sale(missed, unsold):
    assert 0 < critical_ratio(missed, unsold) < 1
    assert critical_ratio(missed + 1, unsold) >= critical_ratio(missed, unsold)
