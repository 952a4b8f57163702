"""planner check: validate the workspace and every file in it; all problems at once."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from planner.cli import app
from planner.cli.common import LangOpt, WorkspaceOpt, check_lang, set_error_language
from planner.errors import InputError, InputErrors
from planner.texts import _

TodayOpt = Annotated[Optional[str], typer.Option("--today", help=_("Date to judge price ages by (YYYY-MM-DD)."))]


@app.command(help=_("Validate settings, catalog and every recipe, pattern and plan; report every problem.\n\nExample: planner check recipes patterns plans"))
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_("Files or folders (default: the workspace)."),
                                                          metavar="PATH...", show_default=False)] = None,
    *,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    today: TodayOpt = None,
) -> None:
    from planner.i18n import formatter_for
    from planner.render import problem_text
    from planner.workspace import expand_paths, load_workspace

    check_lang(lang)
    ws = load_workspace(workspace, paths[0] if paths else None,
                        on_settings=lambda settings: set_error_language(settings.language))
    set_error_language(ws.settings.language)
    fmt = formatter_for(ws.settings, lang)
    files = expand_paths(paths or [ws.root or Path(".")])
    problems, used = check_files(ws, files)
    problems += workspace_warnings(ws, used, whole=not paths, today=parse_today(today))
    lines = {problem_text(err, fmt): err for err in problems}  # a file reached twice tells once
    problems = list(lines.values())
    for line in lines:
        sys.stderr.write(line + "\n")
    errors = sum(p.severity == "error" for p in problems)
    from planner.texts import msg

    sys.stdout.write(fmt.text(msg(_("checked {files} file(s): {errors} error(s), {warnings} warning(s)"), files=len(files), errors=errors,
                                  warnings=len(problems) - errors)) + "\n")
    if errors:
        raise typer.Exit(1)


def parse_today(text: str | None) -> date:
    from planner.errors import problem

    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise problem(_("'{text}' is not a date"), hint=_("write it as YYYY-MM-DD, e.g. 2026-12-12"), text=text) from None


def check_files(ws: Any, files: list[Path]) -> tuple[list[InputError], set[str]]:
    """Load and cost every file; gather problems and the catalog items in use."""
    from planner.cli.products import context
    from planner.cli.common import Shared

    ctx = context(ws, Shared())
    problems: list[InputError] = []
    used: set[str] = set()
    for path in files:
        try:
            used |= check_file(ws, ctx, path, problems)
        except InputError as err:
            problems.append(ws.place(err.at(str(path))))
        except InputErrors as errs:
            problems.extend(ws.place(e.at(str(path))) for e in errs.problems)
        used |= mentioned_items(ws.texts.get(str(path)))
    return problems, used


def mentioned_items(text: str | None) -> set[str]:
    """Every ``item = "..."`` a file names, even when the file has errors (for 'unused item')."""
    from planner.tomlfile import parse

    def walk(value: Any) -> set[str]:
        if isinstance(value, dict):
            found = {value["item"]} if isinstance(value.get("item"), str) else set()
            return found.union(*(walk(v) for v in value.values()))
        if isinstance(value, list):
            return set().union(*(walk(v) for v in value))
        return set()

    try:
        return walk(parse(text, "")) if text else set()
    except InputError:
        return set()


def check_file(ws: Any, ctx: Any, path: Path, problems: list[InputError]) -> set[str]:
    from planner.costing import cost_product
    from planner.workspace import load_file, load_product

    kind, model, _ = load_file(ws, path)
    if kind == "plan":
        from planner.cli.plans import check_plan

        return check_plan(ws, ctx, path, model, problems)
    used: set[str] = set()
    for sheet in cost_product(load_product(ws, path), ctx):
        problems.extend(ws.place(n) for n in sheet.notes if n not in problems)
        used |= {line.item for line in sheet.lines if line.item} | set(sheet.needs())
    return used


def workspace_warnings(ws: Any, used: set[str], *, whole: bool, today: date) -> list[InputError]:
    """Stale prices and unused items, for a catalog the user owns."""
    from planner.checks import stale_prices, unused_items
    from planner.workspace import DATA

    if Path(ws.catalog_file).parent == DATA:
        return []
    warnings = stale_prices(ws.catalog, today)
    if whole:
        warnings += unused_items(ws.catalog, used)
    return [ws.place(w.at(ws.catalog_file)) for w in warnings]
