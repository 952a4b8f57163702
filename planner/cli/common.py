"""Options every command shares, and the parse -> call -> render steps of a command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from planner.errors import InputError, InputErrors
from planner.texts import _

if TYPE_CHECKING:
    from planner.i18n import Formatter
    from planner.reports import Report
    from planner.workspace import Workspace

FormatOpt = Annotated[str, typer.Option("--format", "-f", help=_("table, json, csv, md or html."), metavar="FORMAT")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help=_("Write to FILE instead of the screen."))
]
ForceOpt = Annotated[bool, typer.Option("--force", help=_("Overwrite FILE if it exists."))]
LangOpt = Annotated[str | None, typer.Option("--lang", metavar="LANG", help=_("Language of the output: id or en."))]
WorkspaceOpt = Annotated[
    Path | None, typer.Option("--workspace", "-w", metavar="DIR", help=_("Workspace folder (holds planner.toml)."))
]
ExplainOpt = Annotated[bool, typer.Option("--explain", help=_("Show the formula and inputs behind each figure."))]
SetOpt = Annotated[
    list[str] | None, typer.Option("--set", metavar="ITEM=PRICE", help=_("Price override for this run: ITEM=PRICE."))
]
FilesArg = Annotated[
    list[Path], typer.Argument(help=_("Recipe or pattern files."), metavar="FILE...", show_default=False)
]
ChannelOpt = Annotated[
    str | None,
    typer.Option("--channel", "-c", metavar="NAME", help=_("Sales channel (default: the first in the settings).")),
]
KeepGoingOpt = Annotated[
    bool,
    typer.Option(
        "--keep-going",
        help=_(
            "Report broken files and leave them out; work out the rest (the exit code still says something was wrong)."
        ),
    ),
]
TodayOpt = Annotated[
    str | None, typer.Option("--today", metavar="DATE", help=_("Date to judge price ages by (YYYY-MM-DD)."))
]


@dataclass(frozen=True)
class Shared:
    """The shared options of one run, as typed."""

    format: str = "table"
    output: Path | None = None
    force: bool = False
    lang: str | None = None
    workspace: Path | None = None
    explain: bool = False
    set: list[str] | None = None


def load(shared: Shared, files: Sequence[Path], formats: tuple[str, ...] | None = None) -> Workspace:
    """The workspace of the run, once the shared options are known to be right."""
    from planner import options
    from planner.workspace import load_workspace

    options.language(shared.lang)
    options.output_format(shared.format, formats or options.FORMATS)
    return load_workspace(shared.workspace, files[0] if files else None)


def prices(shared: Shared, ws: Workspace) -> dict[str, Any]:
    from planner import options

    return options.price_overrides(shared.set, ws.places)


def run(
    shared: Shared,
    files: Sequence[Path],
    compute: Callable[[Workspace], list[Report]],
    *,
    formats: tuple[str, ...] | None = None,
) -> None:
    """Load the workspace, compute the reports, render them; exit 1 when something was wrong
    (with --keep-going the reports are shown first)."""
    ws = load(shared, files, formats)
    reports = compute(ws)
    emit(reports, ws, shared, [*files, *ws.read_paths()])
    if ws.diagnostics.has_errors:
        raise InputErrors(ws.diagnostics.problems)


def formatter(ws: Workspace, shared: Shared) -> Formatter:
    from planner.i18n import formatter_for

    return formatter_for(ws.settings, shared.lang)


def emit(reports: list[Report], ws: Workspace, shared: Shared, inputs: Sequence[Path] = ()) -> None:
    """Render reports and print them, or write them to --output (their warnings then to stderr)."""
    from planner.render import note_text, render

    fmt = formatter(ws, shared)
    to_terminal = shared.output is None and sys.stdout.isatty()
    color = to_terminal and not os.environ.get("NO_COLOR")
    width = None if to_terminal or os.environ.get("COLUMNS") else 100
    text = render(
        reports,
        shared.format,
        fmt,
        explain=shared.explain,
        width=width,
        color=color,
        business=ws.settings.business,
        today=given_day(),
    )
    if shared.output is None:
        styled = color and shared.format == "table"  # rich's colours; the streams make the rest inert
        write = getattr(sys.stdout, "write_styled", sys.stdout.write) if styled else sys.stdout.write
        write(text)
        return
    from planner.render.inert import printable
    from planner.writing import write_text

    write_text(shared.output, printable(text), force=shared.force, inputs=list(inputs))
    for report in reports:
        for note in report.notes:
            sys.stderr.write(note_text(note, fmt) + "\n")


def given_day() -> date | None:
    """The day --today names, when the running command takes one and it was given: it dates the page.

    Read from the running command's parameters (every command names it ``today``), so the
    commands need not pass it along; typer._click is what planner.cli.helptext uses too."""
    from typer._click.globals import get_current_context

    from planner import options

    context = get_current_context(silent=True)
    text = context.params.get("today") if context is not None else None
    return options.day(text) if isinstance(text, str) else None


def report_failure(exc: BaseException, lang: str) -> int:
    """Print problems as ``FILE:LINE: message (hint: ...)`` in ``lang``; the exit code."""
    from planner.errors import path_problem, problem
    from planner.i18n import Formatter
    from planner.render import problem_text

    if isinstance(exc, InputError):
        problems = [exc]
    elif isinstance(exc, InputErrors):
        problems = exc.problems
    elif _is_overflow(exc):
        problems = [
            problem(
                _("a figure grew too large to compute"),
                hint=_(
                    "look for values that cannot be right: huge amounts, tiny packs or yields, shares very close to 1"
                ),
            )
        ]
    elif isinstance(exc, OSError) and exc.filename is not None:
        problems = [path_problem(exc)]
    elif type(exc).__name__ == "OutputFailed":  # cli.streams: stdout closed, full, or gone (| head)
        problems = [
            problem(
                _("could not write the output: {reason}"),
                hint=_("the output was closed or is full; write to a file instead with --output FILE"),
                reason=getattr(exc, "reason", str(exc)),
            )
        ]
    elif isinstance(exc, (RecursionError, MemoryError)):
        problems = [
            problem(
                _("the files are too big or nested too deeply to work out"),
                hint=_("look for a file that is far bigger than a recipe, or references going very deep"),
            )
        ]
    else:
        sys.stderr.write(
            f"planner: internal error: {type(exc).__name__}: {exc}\n"
            "(this is a bug; run with PLANNER_DEBUG=1 for details)\n"
        )
        return 70
    fmt = Formatter(lang)
    for err in problems:
        sys.stderr.write(problem_text(err, fmt) + "\n")
    return 1 if any(p.severity == "error" for p in problems) else 0


def _is_overflow(exc: BaseException) -> bool:
    """Absurd but individually allowed inputs (huge price, tiny yield, ...) can still
    compound beyond Decimal's 28 digits or a date's range: an input problem, not a bug."""
    from decimal import DecimalException

    return isinstance(exc, (DecimalException, OverflowError))
