"""The work queue on working days: each job's start, finish and lateness (pure, no files).

docs/design-book.md, "Orders and the work queue". Jobs are worked one after another,
earliest due date first (jobs without one last, ties in the order given), from the
first working day after today. A working day is a day whose weekday is not closed
and that is not a holiday ([calendar] in planner.toml). A job takes

    wall-clock hours W = max(labour hours / workers, equipment hours / capacity for each equipment)

as ``plan`` counts a product's days: the workers and the oven (or machine) work side by
side on it, and the slower of them sets its pace. A day gives a job its own hours a day
(a rushed job: ``rush_hours_per_day``; every other job: ``hours_per_day``), so a job takes
``W / its hours a day`` of a working day; what one job leaves of a day goes to the next
job. A job finishes on the working day its last share is worked and is late by the
calendar days from its due date to that day.

The arithmetic is exact (fractions of a day), so 3 jobs of a third of a day fill one day,
not a day and a rounding error.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from planner.errors import problem
from planner.settings import Settings
from planner.texts import _

WEEK = 7
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Workshop:
    """Who works when: closed weekdays (Monday 0), holidays, workers × hours a day, equipment capacities."""

    workers: int
    hours_per_day: Decimal
    closed: frozenset[int] = frozenset()
    holidays: frozenset[date] = frozenset()
    capacities: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.closed) >= WEEK:
            raise problem(
                _("[calendar] closes every day of the week: no day is left to work"),
                hint=_('keep at least one weekday open, e.g. closed = ["Friday"]'),
            ).under("calendar", "closed")

    def is_working(self, day: date) -> bool:
        return day.weekday() not in self.closed and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day after ``day``."""
        day += ONE_DAY
        while not self.is_working(day):
            day += ONE_DAY
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself when count is 0).

        Whole weeks are jumped at once (each holds 7 − closed working days, less the holidays
        that fall on open weekdays in it), so a job of years costs no more than one of days."""
        per_week = WEEK - len(self.closed)
        holidays = self._open_holidays
        while count > 2 * per_week:
            weeks = count // per_week - 1
            end = day + timedelta(days=WEEK * weeks)
            skipped = bisect.bisect_right(holidays, end) - bisect.bisect_right(holidays, day)
            day, count = end, count - weeks * per_week + skipped
        for _day in range(count):
            day = self.next_working_day(day)
        return day

    @property
    def _open_holidays(self) -> list[date]:
        return sorted(d for d in self.holidays if d.weekday() not in self.closed)


@dataclass(frozen=True)
class Job:
    """Something to make: labour hours, hours on each piece of equipment, a due date, its own pace."""

    id: str
    labor_hours: Decimal
    equipment_hours: Mapping[str, Decimal] = field(default_factory=dict)
    due: date | None = None
    hours_per_day: Decimal | None = None  # a rushed job's hours a day; None: the workshop's

    def wall_hours(self, shop: Workshop) -> Fraction:
        """max(labour / workers, equipment hours / capacity): the hours the job takes, start to end."""
        labour = Fraction(self.labor_hours) / shop.workers
        machines = [Fraction(hours) / shop.capacities.get(name, 1) for name, hours in self.equipment_hours.items()]
        return max([labour, *machines])

    def pace(self, shop: Workshop) -> Decimal:
        return shop.hours_per_day if self.hours_per_day is None else self.hours_per_day


@dataclass(frozen=True)
class Scheduled:
    """A job placed on the calendar."""

    job: Job
    start: date  # the working day its work begins
    finish: date  # the working day its work ends: ready at the end of it
    days: int  # working days it is worked on (start and finish included)
    queue_hours: Decimal  # labour hours of the jobs worked before it
    first_share: Fraction  # of the start day it takes
    last_share: Fraction  # of the finish day it takes (the whole of it when start is finish)

    @property
    def late_days(self) -> int | None:
        """Calendar days from the due date to the finish; 0 when on time, None without a due date."""
        due = self.job.due
        return None if due is None else max(0, (self.finish - due).days)

    def work(self, shop: Workshop) -> list[tuple[date, Decimal]]:
        """Each working day the job is worked and the hours of that day it takes (the day-by-day list)."""
        pace = Fraction(self.job.pace(shop))
        shares = [self.first_share] + [Fraction(1)] * (self.days - 2) + [self.last_share] * (self.days > 1)
        days, day = [], self.start
        for n, share in enumerate(shares):
            if n:
                day = shop.next_working_day(day)
            days.append((day, as_decimal(share * pace)))
        return days


def as_decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def queue_order(jobs: Iterable[Job]) -> list[Job]:
    """Earliest due date first; jobs without one last; ties in the order given."""
    return sorted(jobs, key=lambda job: (job.due is None, job.due or date.min))


def schedule(jobs: Sequence[Job], shop: Workshop, today: date) -> tuple[Scheduled, ...]:
    """Work ``jobs`` earliest-due first from the first working day after ``today``."""
    day, used = shop.next_working_day(today), Fraction(0)  # the day being filled, and how much of it is taken
    queue_hours = Decimal(0)
    placed = []
    for job in queue_order(jobs):
        need = job.wall_hours(shop) / Fraction(job.pace(shop))  # working days it takes at its pace
        if used == 1:
            day, used = shop.next_working_day(day), Fraction(0)
        start, first = day, min(1 - used, need)
        used, need = used + first, need - first
        days, last = 1, first
        if need > 0:
            more = math.ceil(need)
            day = shop.add_working_days(day, more)
            last = need - (more - 1)
            used, days = last, 1 + more
        placed.append(Scheduled(job, start, day, days, queue_hours, first, last))
        queue_hours += job.labor_hours
    return tuple(placed)


def workshop_of(settings: Settings) -> Workshop:
    """The settings' workers, hours a day, [calendar] and equipment capacities."""
    calendar = settings.calendar
    return Workshop(
        settings.labor.workers,
        settings.labor.hours_per_day,
        calendar.closed_weekdays,
        frozenset(calendar.holidays),
        {e.name: e.capacity for e in settings.equipment},
    )
