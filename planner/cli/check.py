"""planner check: validate the workspace and every file in it; every problem at once, a line per file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from planner.cli import app
from planner.cli.common import LangOpt, Shared, TodayOpt, WorkspaceOpt, formatter, load
from planner.texts import _, msg, n_

FILES = n_("{count} file", "{count} files")
ERRORS = n_("{count} error", "{count} errors")
WARNINGS = n_("{count} warning", "{count} warnings")


@app.command(
    help=_(
        "Validate settings, catalog and every recipe, pattern and plan; report every problem.\n\n"
        "Example: planner check recipes patterns plans"
    )
)
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=_("Files or folders (default: the workspace)."), metavar="PATH...", show_default=False),
    ] = None,
    *,
    errors_only: Annotated[bool, typer.Option("--errors-only", help=_("Show errors only, not warnings."))] = False,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going",
            help=_(
                "Check every file whatever is broken (check always does: accepted for scripts that pass it everywhere)."
            ),
        ),
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help=_("Say which file sets each setting and price of every workspace."))
    ] = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    today: TodayOpt = None,
) -> None:
    from planner import options
    from planner.app.checking import CheckOptions
    from planner.app.checking import check as check_files
    from planner.render import problem_text

    shared = Shared(lang=lang, workspace=workspace)
    day = options.day(today)
    ws = load(shared, paths or [])
    checked = check_files(ws, paths or [], CheckOptions(day))
    fmt = formatter(ws, shared)
    shown = [p for p in checked.problems if p.severity == "error" or not errors_only]
    for err in shown:
        sys.stderr.write(problem_text(err, fmt) + "\n")
    if explain:
        from planner.app.origins import workspace_lines

        for own in checked.workspaces:
            if own.root is not None:
                lines = workspace_lines(own)
                sys.stdout.write("".join(fmt.text(line) + "\n" for line in lines[:1]))
                sys.stdout.write("".join("  " + fmt.text(line) + "\n" for line in lines[1:]))
    for path, counts in checked.lines():
        parts = [msg(ERRORS, count=counts.errors)] * bool(counts.errors)
        parts += [msg(WARNINGS, count=counts.warnings)] * bool(counts.warnings and not errors_only)
        line = msg(_("{file}: {problems}"), file=path, problems=parts) if parts else msg(_("{file}: OK"), file=path)
        sys.stdout.write(fmt.text(line) + "\n")
    total = [msg(ERRORS, count=checked.errors)]
    total += [] if errors_only else [msg(WARNINGS, count=checked.warnings)]
    sys.stdout.write(
        fmt.text(msg(_("checked {files}: {problems}"), files=msg(FILES, count=len(checked.files)), problems=total))
        + "\n"
    )
    if checked.errors:
        raise typer.Exit(1)
