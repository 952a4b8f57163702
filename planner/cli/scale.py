"""planner scale: a recipe for N pieces (or K times the batch), printed or written with -o."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import ExplainOpt, ForceOpt, FormatOpt, LangOpt, Shared, WorkspaceOpt, emit, formatter, load
from planner.texts import _, msg

if TYPE_CHECKING:
    from planner.app.scaling import ScaleOptions
    from planner.workspace import Workspace


@app.command(
    help=_(
        "What to weigh for a bigger or smaller batch, in the recipe's own units.\n\n"
        "Example: planner scale recipes/bingka-kentang.toml --pieces 24 -o recipes/bingka-24.toml"
    )
)
def scale(
    file: Annotated[Path, typer.Argument(help=_("The recipe to scale."), metavar="FILE", show_default=False)],
    *,
    pieces: Annotated[
        str | None,
        typer.Option(
            "--pieces",
            "-n",
            metavar="N",
            help=_("Pieces fit to sell wanted: factor = N / sellable pieces of one batch."),
        ),
    ] = None,
    factor: Annotated[
        str | None, typer.Option("--factor", "-k", metavar="K", help=_("Multiply the batch by K (1,5 or 1/2)."))
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_("Write the scaled recipe to FILE (a new .toml recipe) instead of printing it."),
        ),
    ] = None,
    force: ForceOpt = False,
    format: FormatOpt = "table",
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import scaling

    if (pieces is None) == (factor is None):
        raise usage(_("give exactly one of --pieces N or --factor K"), lang)
    shared = Shared(format, None, force, lang, workspace, explain)
    ws = load(shared, [file])
    asked = scaling.ScaleOptions(
        None if pieces is None else options.pieces(pieces), None if factor is None else options.factor(factor)
    )
    if output is None:
        emit([scaling.scale(ws, file, asked)], ws, shared)
    else:
        write_scaled(ws, shared, file, asked, output)


def usage(key: str, lang: str | None) -> Exception:
    """A command-line mistake (exit 2), in the user's language (--lang, else Indonesian)."""
    from planner.i18n import Formatter

    return typer.BadParameter(Formatter(lang or "id").text(msg(key)), param_hint="--pieces / --factor")


def write_scaled(ws: Workspace, shared: Shared, file: Path, asked: ScaleOptions, output: Path) -> None:
    """The scaled recipe as a new TOML file; never over an input, never over a file without --force."""
    from planner.app.scaling import scaled_recipe
    from planner.render import note_text
    from planner.writing import write_toml

    fmt = formatter(ws, shared)
    data, k, notes = scaled_recipe(ws, file, asked, output)
    data["name"] = fmt.text(msg(_("{name} × {factor}"), name=data["name"], factor=k))
    header = (
        textwrap.fill(
            fmt.text(
                msg(
                    _(
                        "Scaled × {factor} from {file} by planner scale. Check the times by hand: a bigger batch does "
                        "not always "
                        "take proportionally longer."
                    ),
                    file=str(file),
                    factor=k,
                )
            ),
            78,
            initial_indent="# ",
            subsequent_indent="# ",
        )
        + "\n\n"
    )
    write_toml(output, data, header=header, force=shared.force, inputs=[*ws.read_paths(), file])
    for note in notes:
        sys.stderr.write(note_text(note, fmt) + "\n")
    sys.stdout.write(fmt.text(msg(_("Wrote {file} (× {factor})"), file=str(output), factor=k)) + "\n")
