"""share: the group's profit of a period kept and shared by capital and by work, from the books.

The net profit is the period report's (planner/book/period.py), worked out as ``planner book``
does; the members are the settings' ``[[members]]``, the capital and hours their book records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.app.book import costed, read_book
from planner.app.common import context, finish
from planner.book.ledger import Book, Period
from planner.errors import problem
from planner.reports import Report
from planner.texts import _
from planner.workspace import Workspace


@dataclass(frozen=True)
class ShareOptions:
    period: Period
    today: date = field(default_factory=date.today)
    cut: bool = False  # the period was cut at today (a month still going on)
    keep_going: bool = False
    prices: Mapping[str, Decimal] = field(default_factory=dict)  # --set item=price


def members_of(ws: Workspace) -> list[str]:
    """The group's members, or an error at the settings when there are none."""
    names = [m.name for m in ws.settings.members]
    if not names:
        raise problem(
            _("the settings name no [[members]]: there is no group to share among"),
            hint=_('add each member to planner.toml: [[members]] with name = "Siti"'),
        ).at(ws.settings_file)
    return names


def checked_capital(ws: Workspace, book: Book) -> Book:
    """The book without withdrawals of more than a member holds (each told at its line)."""
    from planner.book.share import withdrawal_problems

    bad, problems = withdrawal_problems(book.capital)
    ws.diagnostics.extend(problems)
    return replace(book, capital=tuple(e for n, e in enumerate(book.capital) if n not in bad))


def share(ws: Workspace, files: Sequence[Path], options: ShareOptions) -> list[Report]:
    """The period's net profit, the reserve, and each member's share by capital and by work."""
    from planner.book.period import period_report
    from planner.book.share import member_shares
    from planner.book.share import share as share_out
    from planner.reports.share import share_report

    diag = ws.diagnostics
    names = diag.collect(lambda: members_of(ws))
    found = diag.collect(lambda: read_book(ws, files, options.today))
    if found is None or names is None:
        return finish(ws, [], keep_going=options.keep_going)
    book = checked_capital(ws, found)
    costs = costed(ws, book, context(ws, options.prices))
    net = period_report(book, ws.settings, costs, options.period).net
    members = member_shares(names, book.capital, book.worked, options.period)
    sharing = diag.collect(lambda: share_out(members, ws.settings.group, net, options.period, ws.places))
    reports = [] if sharing is None else [share_report(sharing, options.cut, ws.settings.business)]
    return finish(ws, reports, keep_going=options.keep_going)
