"""planner scale: a recipe for N pieces (or K times the batch), printed or written with -o."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from planner.cli import app
from planner.cli.common import ExplainOpt, ForceOpt, FormatOpt, LangOpt, Shared, WorkspaceOpt, emit, load
from planner.errors import problem
from planner.texts import _


@app.command(help=_("What to weigh for a bigger or smaller batch, in the recipe's own units.\n\nExample: planner scale recipes/bingka-kentang.toml --pieces 24 -o recipes/bingka-24.toml"))
def scale(
    file: Annotated[Path, typer.Argument(help=_("The recipe to scale."), metavar="FILE", show_default=False)],
    *,
    pieces: Annotated[Optional[str], typer.Option("--pieces", "-n", help=_("Pieces fit to sell wanted: "
                                                  "factor = N / sellable pieces of one batch."))] = None,
    factor: Annotated[Optional[str], typer.Option("--factor", "-k", help=_("Multiply the batch by K (1,5 or 1/2)."))] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=_("Write the scaled recipe to FILE "
                                                   "(a new .toml recipe) instead of printing it."))] = None,
    force: ForceOpt = False,
    format: FormatOpt = "table",
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner.cli.common import check_lang

    check_lang(lang)
    if (pieces is None) == (factor is None):
        raise usage(_("give exactly one of --pieces N or --factor K"), lang)
    shared = Shared(format, None, force, lang, workspace, explain)
    ws = load(shared, [file])
    from planner.cli.common import set_error_language

    set_error_language(ws.settings.language)
    product, raw = load_recipe(ws, file)
    asked = whole(pieces) if pieces is not None else None
    k = scale_factor(product, asked, factor)
    if output is None:
        from planner.reports.scale import scale_report
        from planner.scaling import scale_recipe

        subs = {ref: sub.model.name for ref, sub in product.subs.items()}
        emit([scale_report(scale_recipe(product.model, str(file), k, ws.catalog, subs), asked=asked)], ws, shared)
        return
    write_scaled(ws, shared, file, raw, k, output)


def usage(key: str, lang: str | None) -> Exception:
    """A command-line mistake (exit 2), in the user's language (--lang, else Indonesian)."""
    from planner.texts import msg
    from planner.i18n import Formatter

    return typer.BadParameter(Formatter(lang or "id").text(msg(key)), param_hint="--pieces / --factor")


def whole(text: str) -> int:
    from planner.planning import whole_pieces

    return whole_pieces(text)


def load_recipe(ws: Any, file: Path) -> tuple[Any, dict]:
    from planner.workspace import load_file, load_product

    product = load_product(ws, file)
    if product.kind != "recipe":
        raise problem(_("this is not a recipe; only recipes can be scaled"), hint=_("for garments use planner quote with --sizes, or a plan file with sizes")).at(str(file))
    _kind, _model, raw = load_file(ws, file)
    return product, raw


def scale_factor(product: Any, asked: int | None, factor: str | None) -> Any:
    from planner.scaling import factor_for_pieces, parse_factor

    if asked is not None:
        batch = product.model.batch
        return factor_for_pieces(asked, batch.pieces * (1 - batch.loss))
    return parse_factor(factor or "")


def write_scaled(ws: Any, shared: Shared, file: Path, raw: dict, k: Any, output: Path) -> None:
    """The scaled recipe as a new TOML file; never over an input, never over a file without --force."""
    from planner.texts import msg
    from planner.i18n import formatter_for
    from planner.render import note_text
    from planner.scaling import scaled_recipe_data
    from planner.workspace import resolve_ref
    from planner.writing import write_toml

    def rebase(ref: str) -> str:
        if output.resolve().parent == file.resolve().parent:
            return ref
        target = resolve_ref(ref, str(file)).resolve()
        return Path(os.path.relpath(target, output.resolve().parent)).as_posix()

    fmt = formatter_for(ws.settings, shared.lang)
    data, notes = scaled_recipe_data(raw, k, ws.places, rebase)
    data["name"] = fmt.text(msg(_("{name} × {factor}"), name=raw["name"], factor=k))
    header = textwrap.fill(fmt.text(msg(_("Scaled × {factor} from {file} by planner scale. Check the times by hand: a bigger batch does not always take proportionally longer."), file=str(file), factor=k)), 78,
                           initial_indent="# ", subsequent_indent="# ") + "\n\n"
    inputs = [Path(p) for p in ws.texts] + [file]
    write_toml(output, data, header=header, force=shared.force, inputs=inputs)
    for note in notes:
        sys.stderr.write(note_text(note.at(str(output)), fmt) + "\n")
    sys.stdout.write(fmt.text(msg(_("Wrote {file} (× {factor})"), file=str(output), factor=k)) + "\n")
