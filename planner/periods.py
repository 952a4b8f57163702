"""Command-line periods of the book: --month, --week, --from/--to and --to, each refused after
--today; the month count of monitor. Values parsed here, as planner/options.py does the others."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.errors import problem
from planner.options import day
from planner.texts import _

if TYPE_CHECKING:
    from planner.book.ledger import Period


MAX_MONTHS = 120  # monitor --months: ten years of books
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_WEEK = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")


def month(text: str) -> Period:
    """``--month 2026-12``: its first to its last day."""
    from planner.book.ledger import Period

    found = _MONTH.match(text)
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise problem(_("'{text}' is not a month"), hint=_("write it as YYYY-MM, e.g. --month 2026-12"), text=text)
    year, number = int(found.group(1)), int(found.group(2))
    first = date(year, number, 1)
    following = date(year + number // 12, number % 12 + 1, 1)
    return Period(first, following - timedelta(days=1))


def week(text: str) -> Period:
    """``--week 2026-W49``: that ISO week, Monday to Sunday."""
    from planner.book.ledger import Period

    found = _WEEK.match(text)
    try:
        if found is None:
            raise ValueError(text)
        monday = date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
    except ValueError:
        raise problem(
            _("'{text}' is not a week"),
            hint=_("write the year and the ISO week number, e.g. --week 2026-W49"),
            text=text,
        ) from None
    return Period(monday, monday + timedelta(days=6))


def period(
    month_text: str | None, week_text: str | None, start: str | None, end: str | None, today: date
) -> tuple[Period, bool]:
    """The period of ``--month``, ``--week`` or ``--from``/``--to`` (default: this month so far), and
    whether it was cut at today (a month or week still going on)."""
    from planner.book.ledger import Period

    given = [name for name, text in (("--month", month_text), ("--week", week_text)) if text is not None]
    if start is not None or end is not None:
        given.append("--from/--to")
    if len(given) > 1:
        raise problem(
            _("{first} and {second} were both given: say the period one way"),
            hint=_("give --month 2026-12, or --week 2026-W49, or --from 2026-12-01 --to 2026-12-15"),
            first=given[0],
            second=given[1],
        )
    if start is not None or end is not None:
        last = until_today("--to", end, today)
        first = day(start) if start is not None else last.replace(day=1)
        if first > last:
            raise problem(
                _("--from {start} is after --to {end}"),
                hint=_("the period starts on --from and ends on --to"),
                start=first.isoformat(),
                end=last.isoformat(),
            )
        return Period(first, last), False
    asked = month(month_text) if month_text else week(week_text) if week_text else month(today.strftime("%Y-%m"))
    if asked.start > today:
        raise problem(
            _("{period} begins after today ({today}): the book has nothing for it yet"),
            hint=_("choose a period up to today, or give the day it is with --today"),
            period=month_text or week_text or "",
            today=today.isoformat(),
        )
    return (Period(asked.start, today), True) if asked.end > today else (asked, False)


def until_today(option: str, text: str | None, today: date) -> date:
    """A last day given to ``option`` (default today); after today is an error."""
    if text is None:
        return today
    found = day(text)
    if found > today:
        raise problem(
            _("{option} {day} is after today ({today})"),
            hint=_("the book holds what has happened: give a day up to today, or the day it is with --today"),
            option=option,
            day=found.isoformat(),
            today=today.isoformat(),
        )
    return found


def month_count(value: int) -> int:
    """``monitor --months``: how many months to show, from 1 to 120 (ten years)."""
    if not 1 <= value <= MAX_MONTHS:
        raise problem(
            _("{option} must be from 1 to {most} ({text})"),
            hint=_("write how many months to show, this one included, e.g. --months 6"),
            option="--months",
            most=MAX_MONTHS,
            text=str(value),
        )
    return value
