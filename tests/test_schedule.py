"""The work queue on working days (planner/schedule.py), worked by hand.

December 2026: Tue 1, Wed 2, Thu 3, Fri 4, Sat 5, Sun 6, Mon 7, Tue 8, Wed 9, Thu 10, Fri 11.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from planner.errors import InputError
from planner.schedule import Job, Workshop, queue_order, schedule

D = Decimal
FRIDAY = 4
TODAY = date(2026, 12, 1)  # a Tuesday: work starts on Wednesday 2
HOLIDAY = date(2026, 12, 7)  # a Monday


def shop(**changes: object) -> Workshop:
    """1 worker × 8 h a day, closed on Fridays and on Monday 7 December, one oven."""
    values: dict[str, object] = dict(
        workers=1, hours_per_day=D(8), closed=frozenset({FRIDAY}), holidays=frozenset({HOLIDAY}), capacities={"oven": 1}
    )
    values.update(changes)
    return Workshop(**values)  # type: ignore[arg-type]


# A kenduri (100 bingka: 6 h of work, 10 h in the oven), a gamis (12 h), 20 shirts (20 × 75 min = 25 h).
KENDURI = Job("kenduri", D(6), {"oven": D(10)}, due=date(2026, 12, 5))
GAMIS = Job("gamis", D(12), due=date(2026, 12, 6))
SHIRTS = Job("shirts", D(25), due=date(2026, 12, 7))


def test_three_orders_on_a_calendar_closed_on_fridays_with_a_holiday() -> None:
    """Earliest due first: kenduri (Sat 5), gamis (Sun 6), shirts (Mon 7); given out of order.

    kenduri: the oven sets its pace, max(6 h / 1 worker, 10 h / 1 oven) = 10 h = 10/8 = 1,25 days:
      Wed 2 (1) + Thu 3 (0,25) → ready Thu 3, due Sat 5: on time.
    gamis: 12 h / 8 = 1,5 days: the rest of Thu 3 (0,75), Fri 4 closed, Sat 5 (0,75) → ready Sat 5, due Sun 6.
    shirts: 25 h / 8 = 3,125 days: the rest of Sat 5 (0,25) → 2,875 left; Sun 6 (1) → 1,875; Mon 7 is a
      holiday; Tue 8 (1) → 0,875; Wed 9 (0,875) → ready Wed 9, due Mon 7: 2 days late.
    """
    kenduri, gamis, shirts = schedule([SHIRTS, KENDURI, GAMIS], shop(), TODAY)
    assert [s.job.id for s in (kenduri, gamis, shirts)] == ["kenduri", "gamis", "shirts"]
    assert (kenduri.start, kenduri.finish, kenduri.days, kenduri.late_days) == (
        date(2026, 12, 2),
        date(2026, 12, 3),
        2,
        0,
    )
    assert (gamis.start, gamis.finish, gamis.days, gamis.late_days) == (date(2026, 12, 3), date(2026, 12, 5), 2, 0)
    assert (shirts.start, shirts.finish, shirts.days, shirts.late_days) == (
        date(2026, 12, 5),
        date(2026, 12, 9),
        4,
        2,
    )
    # hours of work ahead of each: 0; the kenduri's 6; 6 + 12 = 18
    assert [s.queue_hours for s in (kenduri, gamis, shirts)] == [0, 6, 18]


def test_the_day_by_day_work_of_a_job() -> None:
    """shirts: Sat 5 0,25 × 8 = 2 h, Sun 6 8 h, Tue 8 8 h, Wed 9 0,875 × 8 = 7 h: 2 + 8 + 8 + 7 = 25 h."""
    workshop = shop()
    shirts = schedule([KENDURI, GAMIS, SHIRTS], workshop, TODAY)[2]
    assert shirts.work(workshop) == [
        (date(2026, 12, 5), 2),
        (date(2026, 12, 6), 8),
        (date(2026, 12, 8), 8),
        (date(2026, 12, 9), 7),
    ]
    assert (shirts.first_share, shirts.last_share) == (Fraction(1, 4), Fraction(7, 8))


def test_without_closed_days_every_day_is_worked() -> None:
    """The same three every day from Wed 2: kenduri 1,25 days → Thu 3; gamis 0,75 + 0,75 → Fri 4;
    shirts 0,25 + 1 + 1 + 0,875 (Sat 5, Sun 6, Mon 7) → Mon 7, due Mon 7: on time."""
    found = schedule([KENDURI, GAMIS, SHIRTS], shop(closed=frozenset(), holidays=frozenset()), TODAY)
    assert [s.finish.day for s in found] == [3, 4, 7]
    assert [s.late_days for s in found] == [0, 0, 0]


def test_a_second_oven_halves_the_oven_hours() -> None:
    """Two ovens: the kenduri's 10 h of baking take 5 h; its 6 h of work now set the pace: 6 / 8 = 0,75 day."""
    kenduri = schedule([KENDURI], shop(capacities={"oven": 2}), TODAY)[0]
    assert (kenduri.finish, kenduri.last_share) == (date(2026, 12, 2), Fraction(3, 4))


def test_two_workers_share_the_labour() -> None:
    """2 workers: the gamis's 12 h take 6 h of the day, 6 / 8 = 0,75 day, ready Wed 2."""
    gamis = schedule([GAMIS], shop(workers=2), TODAY)[0]
    assert (gamis.finish, gamis.days) == (date(2026, 12, 2), 1)


def test_a_rushed_job_works_its_own_longer_days() -> None:
    """Shirts alone at 12 h a day: 25 / 12 = 2,083 days: Wed 2, Thu 3, (Fri 4 closed) Sat 5 → Sat 5;
    at 8 h a day 3,125 days: Wed 2, Thu 3, Sat 5, Sun 6 → Sun 6."""
    rushed = Job("shirts", D(25), due=date(2026, 12, 5), hours_per_day=D(12))
    assert schedule([rushed], shop(), TODAY)[0].finish == date(2026, 12, 5)
    assert schedule([SHIRTS], shop(), TODAY)[0].finish == date(2026, 12, 6)


def test_only_the_rushed_job_works_longer_days() -> None:
    """The gamis (8 h days) ahead of rushed shirts (12 h days): gamis Wed 2 (1) + Thu 3 (0,5) → Thu 3;
    the shirts get the other half of Thu 3 at 12 h: 6 h, then 19 h left = 1,583 days: Sat 5 (12 h),
    Sun 6 (7 h) → Sun 6."""
    rushed = Job("shirts", D(25), due=date(2026, 12, 9), hours_per_day=D(12))
    gamis, shirts = schedule([GAMIS, rushed], shop(), TODAY)
    assert gamis.finish == date(2026, 12, 3)
    assert shirts.work(shop()) == [(date(2026, 12, 3), 6), (date(2026, 12, 5), 12), (date(2026, 12, 6), 7)]


def test_work_starts_on_the_first_working_day_after_today() -> None:
    """Today Thu 3: Fri 4 is closed, so an hour's job is done on Sat 5."""
    done = schedule([Job("hem", D(1))], shop(), date(2026, 12, 3))[0]
    assert (done.start, done.finish, done.late_days) == (date(2026, 12, 5), date(2026, 12, 5), None)


def test_thirds_of_a_day_fill_exactly_one_day() -> None:
    """3 workers: a job of 8 h of work takes 8 / 3 h, a third of Wed 2; three of them fill Wed 2 exactly
    (no rounding spills into Thu 3), and a fourth is done on Thu 3."""
    jobs = [Job(f"j{n}", D(8)) for n in range(4)]
    assert [s.finish.day for s in schedule(jobs, shop(workers=3), TODAY)] == [2, 2, 2, 3]


def test_jobs_without_a_due_date_go_last_and_ties_keep_their_order() -> None:
    first, second = Job("a", D(1), due=date(2026, 12, 9)), Job("b", D(1), due=date(2026, 12, 9))
    assert [j.id for j in queue_order([Job("none", D(1)), first, second])] == ["a", "b", "none"]


def test_closing_every_weekday_is_an_error() -> None:
    with pytest.raises(InputError) as err:
        shop(closed=frozenset(range(7)))
    assert "no day is left to work" in err.value.message.key


def test_jumping_whole_weeks_counts_like_walking_day_by_day() -> None:
    """add_working_days jumps weeks; it must land where stepping one working day at a time does."""
    chance = random.Random(15)
    for _ in range(200):
        closed = frozenset(chance.sample(range(7), chance.randrange(0, 6)))
        holidays = frozenset(date(2026, 1, 1) + timedelta(days=chance.randrange(0, 400)) for _ in range(20))
        workshop = Workshop(1, D(8), closed, holidays)
        start = workshop.next_working_day(date(2025, 12, 31) + timedelta(days=chance.randrange(0, 30)))
        count = chance.randrange(0, 120)
        walked = start
        for _step in range(count):
            walked = workshop.next_working_day(walked)
        assert workshop.add_working_days(start, count) == walked, (closed, start, count)


def test_two_hundred_orders_are_scheduled() -> None:
    """200 shirts orders of 25 h each, due a day apart: 25 / 8 = 3,125 days each, 625 days of work."""
    jobs = [Job(f"o{n}", D(25), due=TODAY + timedelta(days=n)) for n in range(200)]
    placed = schedule(jobs, shop(closed=frozenset(), holidays=frozenset()), TODAY)
    # every day worked from Wed 2: 200 × 3,125 = 625 days, the last ready on day 625 = 2 Dec + 624 days
    assert placed[-1].finish == date(2026, 12, 2) + timedelta(days=624)
    assert placed[-1].queue_hours == 199 * 25
