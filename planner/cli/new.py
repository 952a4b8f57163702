"""planner new (a working, commented recipe, pattern or plan) and planner init (a workspace)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planner.cli import app
from planner.cli.common import ForceOpt, LangOpt, Shared, WorkspaceOpt, formatter, load
from planner.errors import problem
from planner.texts import _, msg

SUFFIX = ".toml"


class Trade(StrEnum):
    kue = "kue"
    jahit = "jahit"


class Kind(StrEnum):
    recipe = "recipe"
    pattern = "pattern"
    plan = "plan"
    book = "book"


WRITTEN = {
    Kind.recipe: _("Wrote {file}; cost it with: planner cost {file}"),
    Kind.pattern: _("Wrote {file}; cost it with: planner cost {file}"),
    Kind.plan: _("Wrote {file}; plan it with: planner plan {file}"),
    Kind.book: _("Wrote {file}; change its examples to what happened, then: planner book"),
}


@app.command(
    help=_(
        "Write a commented file that works as written, using items of the active catalog.\n\n"
        "Example: planner new recipe recipes/kue-lapis"
    )
)
def new(
    kind: Annotated[
        Kind,
        typer.Argument(help=_("What to write: recipe, pattern, plan or book."), metavar="KIND", show_default=False),
    ],
    path: Annotated[
        Path, typer.Argument(help=_("The new file (.toml is added if missing)."), metavar="PATH", show_default=False)
    ],
    *,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DATE",
            help=_("A plan's due date is two weeks from this date, a book's examples are dated on it (YYYY-MM-DD)."),
        ),
    ] = None,
) -> None:
    from planner import options
    from planner.app.files import new_file
    from planner.writing import write_checked

    if not path.name:  # "", ".", "/"
        raise problem(
            _("'{path}' names no file to write"),
            hint=_("give the new file a name, e.g. recipes/kue-lapis"),
            path=str(path),
        )
    target = path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)
    shared = Shared(lang=lang, workspace=workspace)
    day = options.day(today)
    ws = load(shared, [target])
    ws.diagnostics.raise_errors()
    fmt = formatter(ws, shared)
    doc = new_file(ws, kind.value, target, day, fmt)
    write_checked(target, doc.text(), doc.data, force=force, inputs=ws.read_paths())  # never the catalog
    sys.stdout.write(fmt.text(msg(WRITTEN[kind], file=str(target))) + "\n")


@app.command(
    help=_(
        "Write an editable workspace: planner.toml and prices.toml copied from the defaults.\n\n"
        "Example: planner init usaha-kue --for kue"
    )
)
def init(
    folder: Annotated[
        Path | None,
        typer.Argument(help=_("Folder for the workspace (default: here)."), metavar="DIR", show_default=False),
    ] = None,
    *,
    trade: Annotated[
        Trade | None,
        typer.Option(
            "--for",
            metavar="TRADE",
            help=_("kue or jahit: keep only the equipment of that trade (without it, both)."),
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    from planner import options
    from planner.app.files import SUBFOLDERS, workspace_files
    from planner.i18n import Formatter
    from planner.writing import write_all

    options.language(lang)
    root = folder or Path(".")
    files = workspace_files(root, trade.value if trade else None)
    write_all(files, force=force, folders=[root / name for name in SUBFOLDERS])
    fmt = Formatter(lang or "id")
    sys.stdout.write(
        fmt.text(
            msg(
                _("Wrote {files}; edit the prices in prices.toml, then: planner new recipe {folder}/recipes/kue"),
                files=", ".join(str(p) for p, _text in files),
                folder=str(root),
            )
        )
        + "\n"
    )
