"""planner schema: JSON Schemas of every file kind, for editors."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from planner.cli import app
from planner.cli.common import ForceOpt, LangOpt, Shared, WorkspaceOpt, formatter, load
from planner.errors import problem
from planner.texts import _, msg

KindArg = Annotated[
    str | None,
    typer.Argument(
        help=_("One file kind: settings, catalog, recipe, pattern, plan or book (default: all)."),
        metavar="KIND",
        show_default=False,
    ),
]
FolderOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help=_("Write planner-KIND.schema.json files into this folder.")),
]


@app.command(
    help=_(
        "JSON Schemas of settings, catalog, recipe, pattern, plan and book files, for editors.\n\n"
        "Example: planner schema --output schemas"
    )
)
def schema(
    kind: KindArg = None,
    *,
    output: FolderOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    from planner.app.files import schemas
    from planner.schemas import file_name
    from planner.writing import write_all

    shared = Shared(lang=lang, workspace=workspace)
    ws = load(shared, [])
    found = schemas(kind, ws.places)
    if output is None:
        shown = found[kind] if kind else found
        sys.stdout.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
        return
    if output.exists() and not output.is_dir():
        raise problem(
            _("--output needs a folder, and this is a file"),
            hint=_("give --output a folder, e.g. --output schemas"),
            folder=str(output),
        ).at(str(output))
    files = [(output / file_name(k), json.dumps(s, indent=2, ensure_ascii=False) + "\n") for k, s in found.items()]
    write_all(files, force=force, folders=[output])
    fmt = formatter(ws, shared)
    for path, _text in files:
        sys.stdout.write(fmt.text(msg(_("wrote {file}"), file=str(path))) + "\n")
    example = Path(
        os.path.relpath(output / "planner-recipe.schema.json", "recipes" if Path("recipes").is_dir() else ".")
    )
    sys.stdout.write(
        fmt.text(
            msg(
                _(
                    "point your editor at them: put '#:schema {example}' as the first line of a "
                    "recipe (see docs/schemas.md)"
                ),
                example=example.as_posix(),
            )
        )
        + "\n"
    )
