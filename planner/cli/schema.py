"""planner schema: JSON Schemas of every file kind, for editors."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from planner.cli import app
from planner.cli.common import ForceOpt, LangOpt, WorkspaceOpt, check_lang, set_error_language
from planner.texts import _

KindArg = Annotated[Optional[str], typer.Argument(
    help=_("One file kind: settings, catalog, recipe, pattern or plan (default: all)."), metavar="KIND",
    show_default=False)]
FolderOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help=_("Write planner-KIND.schema.json files into this folder."))]


@app.command(help=_("JSON Schemas of settings, catalog, recipe, pattern and plan files, for editors.\n\nExample: planner schema --output schemas"))
def schema(
    kind: KindArg = None,
    *,
    output: FolderOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    from planner.i18n import formatter_for
    from planner.schemas import KINDS, all_schemas, schema_for
    from planner.workspace import load_workspace

    check_lang(lang)
    ws = load_workspace(workspace, None)
    set_error_language(ws.settings.language)
    if kind is not None and kind not in KINDS:
        from planner.errors import problem

        raise problem(_("unknown file kind '{kind}'"), hint=_("use one of {known}"), kind=kind, known=", ".join(KINDS))
    schemas = {kind: schema_for(kind, ws.places)} if kind else all_schemas(ws.places)
    if output is None:
        shown = schemas[kind] if kind else schemas
        sys.stdout.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
        return
    fmt = formatter_for(ws.settings, lang)
    for path in write_schemas(schemas, output, force=force):
        sys.stdout.write(fmt.text(_msg(_("wrote {file}"), file=str(path))) + "\n")
    example = Path(os.path.relpath(output / "planner-recipe.schema.json",
                                   "recipes" if Path("recipes").is_dir() else "."))
    sys.stdout.write(fmt.text(_msg(_("point your editor at them: put '#:schema {example}' as the first line of a recipe (see docs/schemas.md)"), example=example.as_posix())) + "\n")


def write_schemas(schemas: dict[str, dict], folder: Path, *, force: bool) -> list[Path]:
    """Write every schema, or none: all existing files are reported before anything is written."""
    from planner.errors import InputErrors, problem
    from planner.schemas import file_name
    from planner.writing import write_text

    if folder.exists() and not folder.is_dir():
        raise problem(_("--output needs a folder, and this is a file"), hint=_("give --output a folder, e.g. --output schemas"),
                      folder=str(folder)).at(str(folder))
    targets = {kind: folder / file_name(kind) for kind in schemas}
    taken = [path for path in targets.values() if path.exists() and not force]
    if taken:
        raise InputErrors([problem(_("'{file}' already exists; nothing was written"), hint=_("choose another name, or add --force to replace it"), file=str(p)).at(str(p)) for p in taken])
    folder.mkdir(parents=True, exist_ok=True)
    for kind, path in targets.items():
        write_text(path, json.dumps(schemas[kind], indent=2, ensure_ascii=False) + "\n", force=force)
    return list(targets.values())


def _msg(key: str, **params: object):
    from planner.texts import msg

    return msg(key, **params)
