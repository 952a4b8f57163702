"""monitor: each group of a class, from its own books, month by month (planner/book/monitor.py).

Each group is a sub-workspace of the class (a folder below it with its own planner.toml): it is
opened once in the run's family (``Workspace.for_file``), its books read once, each product they
name costed once, and the period report worked out for each month asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from planner.app.common import Contexts, finish
from planner.book.ledger import Period
from planner.book.monitor import (
    DEFAULT_SORT,
    GroupMonths,
    MonthFigures,
    month_of,
    months_back,
    ranked,
    same_days,
    sort_name,
)
from planner.errors import problem
from planner.layers import layer_folders
from planner.reports import Report
from planner.texts import _
from planner.workspace import SETTINGS_FILE, Workspace

MONTHS = 6  # months of the trend, this one included


@dataclass(frozen=True)
class MonitorOptions:
    today: date = field(default_factory=date.today)
    month: Period | None = None  # this month (default: the month of today)
    months: int = MONTHS
    sort: str = DEFAULT_SORT
    reverse: bool = False
    keep_going: bool = False


def group_folders(ws: Workspace, folders: Sequence[Path]) -> list[tuple[Path, str]]:
    """The groups of the folders named (default: the workspace's own folder), each with its name:
    a class gives the folders below it holding a planner.toml and no deeper one (a folder that only
    groups others is a layer, not a group), named by their path inside the class (``siti``, or
    ``pagi/siti`` further down); a folder that is itself a sub-workspace is one group."""
    asked = list(folders) or ([ws.root] if ws.root is not None else [Path(".")])
    found: dict[Path, str] = {}
    for folder in asked:
        for group in ws.diagnostics.collect(lambda: _groups_in(folder), str(folder)) or []:
            name = group.name if group == folder else group.relative_to(folder).as_posix()
            found.setdefault(group, name)
    return list(found.items())


def _groups_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise problem(
            _("this is not a folder"),
            hint=_("name a class's folder, which holds a folder for each group"),
            folder=str(folder),
        )
    below = sorted(
        p.parent
        for p in folder.rglob(SETTINGS_FILE)
        if p.parent != folder and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    leaves = [p for p in below if not any(q != p and q.is_relative_to(p) for q in below)]
    if leaves:
        return leaves
    if (folder / SETTINGS_FILE).is_file() and len(layer_folders(folder)) > 1:
        return [folder]  # a group named on its own
    raise problem(
        _("this folder is not a class: no folder in it holds a planner.toml of its own"),
        hint=_("name the class's folder, which holds one folder with a planner.toml for each group (docs/class.md)"),
    )


def group_months(
    ws: Workspace, contexts: Contexts, group: tuple[Path, str], window: list[Period], today: date, *, cut: bool
) -> GroupMonths:
    """One group's months of the window, from the first with a record of its books (with
    --workspace, costed in that workspace, and still from the books in the group's folder)."""
    from planner.app.book import costed
    from planner.book.monitor import month_figures, month_records
    from planner.book.period import period_report
    from planner.bookfiles import book_files, load_book

    folder, name = group
    own = ws.for_file(folder / SETTINGS_FILE)
    business = own.settings.business
    paths = book_files(own, [folder]) if own.pinned else book_files(own)
    if not paths:
        return GroupMonths(name, str(folder), business, has_books=False)
    book = load_book(own, paths, today)
    costs = costed(own, book, contexts.of(own))  # each product once, for every month

    def figures(period: Period) -> MonthFigures:
        return month_figures(book, period_report(month_records(book, period), own.settings, costs, period))

    first = book.first_day
    start = month_of(first).start if first is not None else window[-1].end + timedelta(days=1)
    months = tuple(figures(p) for p in window if p.end >= start)
    compared = None
    if cut and len(months) > 1:  # this month goes on: last month up to the same day
        compared = figures(same_days(month_of(window[-2].start), window[-1]))
    return GroupMonths(name, str(folder), business, months, same_days=compared)


def monitor(ws: Workspace, folders: Sequence[Path], options: MonitorOptions) -> list[Report]:
    """One row per group: this month and last, the change; the trend of every month asked."""
    from planner.reports.monitor import MonitorInputs, monitor_report

    diag = ws.diagnostics
    column = diag.collect(lambda: sort_name(options.sort)) or DEFAULT_SORT
    this = options.month or month_of(options.today)
    cut = options.today if this.start <= options.today < this.end else None
    window = months_back(this, options.months)
    if cut is not None:  # a month still going on: up to today, as planner book --month shows it
        window[-1] = Period(this.start, cut)
    contexts = Contexts(ws)
    found = [
        g
        for group in group_folders(ws, folders)
        if (
            g := diag.collect(
                lambda: group_months(ws, contexts, group, window, options.today, cut=cut is not None), str(group[0])
            )
        )
    ]
    if diag.has_errors and not options.keep_going:
        return finish(ws, [])
    inputs = MonitorInputs(tuple(ranked(found, column, options.reverse)), tuple(window), column, options.reverse, cut)
    return finish(ws, [monitor_report(inputs, ws.places)], keep_going=options.keep_going)
