"""Options every command shares, and the load -> compute -> render steps."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from planner.errors import InputError, InputErrors, path_problem, problem
from planner.texts import _

FormatOpt = Annotated[str, typer.Option("--format", "-f", help=_("table, json, csv, md or html."),
                                        metavar="FORMAT")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help=_("Write to FILE instead of the screen."))]
ForceOpt = Annotated[bool, typer.Option("--force", help=_("Overwrite FILE if it exists."))]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help=_("Language of the output: id or en."))]
WorkspaceOpt = Annotated[Optional[Path], typer.Option("--workspace", "-w", help=_("Workspace folder (holds planner.toml)."))]
ExplainOpt = Annotated[bool, typer.Option("--explain", help=_("Show the formula and inputs behind each figure."))]
SetOpt = Annotated[Optional[list[str]], typer.Option("--set", help=_("Price override for this run: ITEM=PRICE."))]
FilesArg = Annotated[list[Path], typer.Argument(help=_("Recipe or pattern files."), metavar="FILE...",
                                                                            show_default=False)]


@dataclass
class Shared:
    """The shared options of one run."""

    format: str = "table"
    output: Path | None = None
    force: bool = False
    lang: str | None = None
    workspace: Path | None = None
    explain: bool = False
    set: list[str] | None = None


# The languages of this run: --lang (when known), an unknown --lang still to report,
# and the settings' language once they are read (errors before then: Indonesian).
_RUN: dict[str, str | None] = {"lang": None, "unknown": None, "settings": "id"}


def check_lang(lang: str | None) -> str | None:
    """Remember --lang. An unknown one is reported by set_error_language, once the settings are
    loaded, in their language: we cannot speak the language asked for."""
    from planner.i18n import LANGUAGES

    known = lang is None or lang in LANGUAGES
    _RUN["lang"] = lang if known else None
    _RUN["unknown"] = None if known else lang
    return _RUN["lang"]


def check_format(name: str) -> str:
    from planner.render import FORMATS

    if name not in FORMATS:
        raise problem(_("unknown format '{format}'"), hint=_("use one of {known}"), format=name, known=", ".join(FORMATS))
    return name


def parse_price_overrides(items: list[str] | None, ws: Any) -> dict[str, Decimal]:
    """``--set gula-pasir=18000`` -> {"gula-pasir": 18000}; unknown items and bad prices are errors."""
    from planner.catalog import find_item
    from planner.units import parse_number

    prices: dict[str, Decimal] = {}
    for text in items or []:
        item_id, sep, value = text.partition("=")
        if not sep or not item_id.strip():
            raise problem(_("--set '{text}' is not ITEM=PRICE"), hint=_("write e.g. --set gula-pasir=18000"), text=text)
        find_item(ws.catalog, item_id.strip())
        amount = parse_number(value.replace("_", ""))
        if amount < 0 or (ws.places == 0 and amount != amount.to_integral_value()):
            raise problem(_("--set '{text}' needs a whole, non-negative price"), hint=_("write e.g. --set gula-pasir=18000"), text=text)
        prices[item_id.strip()] = amount
    return prices


def load(shared: Shared, files: list[Path]) -> Any:
    from planner.workspace import load_workspace

    check_lang(shared.lang)
    check_format(shared.format)
    return load_workspace(shared.workspace, files[0] if files else None,
                          on_settings=lambda settings: set_error_language(settings.language))


def emit(reports: list, ws: Any, shared: Shared, inputs: list[Path] = ()) -> None:
    """Render reports and print them, or write them to --output."""
    from planner.i18n import formatter_for
    from planner.render import render

    fmt = formatter_for(ws.settings, shared.lang)
    to_terminal = shared.output is None and sys.stdout.isatty()
    width = None if to_terminal or os.environ.get("COLUMNS") else 100
    text = render(reports, shared.format, fmt, explain=shared.explain, width=width,
                  color=to_terminal and not os.environ.get("NO_COLOR"), business=ws.settings.business)
    if shared.output is None:
        sys.stdout.write(text)
        return
    from planner.writing import write_text

    write_text(shared.output, text, force=shared.force, inputs=list(inputs))
    for report in reports:
        for note in report.notes:
            sys.stderr.write(_note(note, fmt) + "\n")


def _note(note: Any, fmt: Any) -> str:
    from planner.render import note_text

    return note_text(note, fmt)


def report_failure(exc: BaseException) -> int:
    """Print problems as ``FILE:LINE: message (hint: ...)``; return the exit code."""
    from planner.i18n import Formatter

    fmt = Formatter(_RUN["lang"] or _RUN["settings"])
    if isinstance(exc, InputError):
        problems = [exc]
    elif isinstance(exc, InputErrors):
        problems = exc.problems
    elif _is_overflow(exc):
        problems = [problem(_("a figure grew too large to compute"), hint=_("look for values that cannot be right: huge amounts, tiny packs or yields, shares very close to 1"))]
    elif isinstance(exc, OSError) and exc.filename is not None:
        problems = [path_problem(exc)]
    else:
        sys.stderr.write(f"planner: internal error: {type(exc).__name__}: {exc}\n"
                         "(this is a bug; run with PLANNER_DEBUG=1 for details)\n")
        return 70
    from planner.render import problem_text

    for err in problems:
        sys.stderr.write(problem_text(err, fmt) + "\n")
    return 1 if any(p.severity == "error" for p in problems) else 0


def _is_overflow(exc: BaseException) -> bool:
    """Absurd but individually allowed inputs (huge price, tiny yield, ...) can still
    compound beyond Decimal's 28 digits or a date's range: an input problem, not a bug."""
    from decimal import DecimalException

    return isinstance(exc, (DecimalException, OverflowError))


def reset() -> None:
    """Forget the languages of a previous run (tests run many in one process)."""
    _RUN.update(lang=None, unknown=None, settings="id")


def set_error_language(lang: str) -> None:
    """Errors after the settings are loaded speak the settings' language; an unknown --lang is one of them."""
    from planner.i18n import LANGUAGES

    _RUN["settings"] = lang
    unknown, _RUN["unknown"] = _RUN["unknown"], None
    if unknown is not None:
        raise problem(_("unknown language '{lang}'"), hint=_("use one of {known}"), lang=unknown, known=", ".join(LANGUAGES))


def run(shared: Shared, files: list[Path], build: Callable[[Any], list]) -> None:
    """Load the workspace, build reports, render them."""
    ws = load(shared, files)
    set_error_language(ws.settings.language)
    emit(build(ws), ws, shared, files)
