"""planner target: next week's pieces per product and weekday from what sold, printed or written
as a plan with -o."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import (
    ExplainOpt,
    ForceOpt,
    FormatOpt,
    LangOpt,
    SetOpt,
    Shared,
    WorkspaceOpt,
    emit,
    formatter,
    load,
    prices,
)
from planner.texts import _, msg, n_

WROTE = n_("Wrote {file}: {count} product, {pieces} pieces", "Wrote {file}: {count} products, {pieces} pieces")

if TYPE_CHECKING:
    from planner.app.target import TargetOptions
    from planner.workspace import Workspace


@app.command(
    help=_(
        "How many to make next week, per product and weekday, from what sold on the same weekdays before "
        "(the newsvendor quantity, with the average beside it); -o writes the week as a plan.\n\n"
        "Example: planner target recipes/bingka-kentang.toml -o plans/minggu-depan.toml"
    )
)
def target(
    products: Annotated[
        list[Path] | None,
        typer.Argument(
            help=_(
                "Recipe or pattern files, or folders that hold them (default: every product with sales in the books)."
            ),
            metavar="PRODUCT...",
            show_default=False,
        ),
    ] = None,
    *,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", metavar="DATE", help=_("The day it is (YYYY-MM-DD); sales up to it are counted. Default today.")
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_("Write the week's pieces as a plan to FILE (a new .toml plan) instead of printing the report."),
        ),
    ] = None,
    force: ForceOpt = False,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import target as targets_app
    from planner.errors import InputErrors

    files = products or []
    shared = Shared(format, None, force, lang, workspace, explain, set_)
    ws = load(shared, files)
    asked = targets_app.TargetOptions(options.day(today), prices(shared, ws))
    if output is None:
        emit(targets_app.target(ws, files, asked), ws, shared, [*files, *ws.read_paths()])
    else:
        write_plan(ws, shared, files, asked, output)
    if ws.diagnostics.has_errors:
        raise InputErrors(ws.diagnostics.problems)


def write_plan(ws: Workspace, shared: Shared, files: list[Path], asked: TargetOptions, output: Path) -> None:
    """The week's targets as a new plan file; never over an input, never over a file without --force."""
    from planner.app.common import finish
    from planner.app.target import plan_data, targets
    from planner.errors import InputErrors, problem
    from planner.render import note_text
    from planner.reports.target import target_reports
    from planner.writing import write_toml

    fmt = formatter(ws, shared)
    found = targets(ws, files, asked)
    reports = finish(ws, target_reports(found.products, asked.today, ws.settings))
    data = plan_data(found, output, fmt.text(msg(_("Target from what sold up to {day}"), day=asked.today)))
    if not data["make"]:
        raise InputErrors(
            [
                problem(
                    _("every target is 0: there is no plan to write"),
                    hint=_("a target is 0 when nothing sold on those days; write a plan by hand with planner new plan"),
                )
            ]
        )
    header = (
        textwrap.fill(
            fmt.text(
                msg(
                    _(
                        "Written by planner target from the books up to {day}: each product's pieces for a week. "
                        "Change them as you like; planner plan reads this file."
                    ),
                    day=asked.today,
                )
            ),
            78,
            initial_indent="# ",
            subsequent_indent="# ",
        )
        + "\n\n"
    )
    write_toml(output, data, header=header, force=shared.force, inputs=[*files, *ws.read_paths()])
    for report in reports:
        for note in report.notes:
            sys.stderr.write(note_text(note, fmt) + "\n")
    pieces = sum(m.get("pieces", 0) + sum(m.get("sizes", {}).values()) for m in data["make"])
    sys.stdout.write(fmt.text(msg(WROTE, file=str(output), count=len(data["make"]), pieces=pieces)) + "\n")
