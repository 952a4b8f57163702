"""planner compare: every product side by side — HPP, direct price, margin, profit per batch and per hour."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from planner.cli import app
from planner.cli.common import (ExplainOpt, ForceOpt, FormatOpt, LangOpt, OutputOpt, SetOpt, Shared,
                                WorkspaceOpt, run)
from planner.errors import InputError, problem
from planner.texts import _

ProductsArg = Annotated[list[Path], typer.Argument(
    help=_("Recipe and pattern files, or folders (their .toml files; plans in them are skipped)."),
    metavar="PATH...", show_default=False)]
PatternSizeOpt = Annotated[Optional[str], typer.Option(
    "--size", "-s", help=_("Only this size of each pattern (default: every size); recipes are not affected."))]


def product_files(paths: list[Path]) -> list[tuple[Path, bool]]:
    """(file, found in a folder) for every argument; a folder gives its .toml files."""
    from planner.workspace import expand_paths

    return [(found, path.is_dir()) for path in paths for found in expand_paths([path])]


def load_listed(ws: Any, paths: list[Path]) -> list[Any]:
    """Every recipe and pattern named or found in a folder (plans in a folder are skipped);
    all problems of all files reported together."""
    from planner.cli.products import collect
    from planner.workspace import load_product

    def load(found: tuple[Path, bool]) -> Any:
        path, in_folder = found
        try:
            return load_product(ws, path)
        except InputError as err:
            if in_folder and err.message.key == _("this is a production plan, not a recipe or pattern"):
                return None
            raise

    products = [p for p in collect(ws, product_files(paths), load, lambda found: str(found[0])) if p]
    if not products:
        raise problem(_("no recipe or pattern found in {paths}"), hint=_("name recipe or pattern files, or folders that hold them"),
                      paths=", ".join(str(p) for p in paths))
    return products


def each_product(ws: Any, paths: list[Path], compute: Callable[[Any], Any]) -> list[Any]:
    """``compute(product)`` for every product named or found; all problems of all files at once."""
    from planner.cli.products import collect

    return collect(ws, load_listed(ws, paths), compute, lambda product: product.path)


def product_sheets(ws: Any, shared: Shared, paths: list[Path], size: str | None) -> list[Any]:
    """Each product costed once: a recipe's batch, each size of a pattern (or just ``size``)."""
    from planner.cli.products import context
    from planner.costing import cost_product

    ctx = context(ws, shared)
    costed = each_product(ws, paths, lambda p: cost_product(p, ctx, size if p.kind == "pattern" else None))
    return [sheet for sheets in costed for sheet in sheets]


@app.command(help=_("One row per product: HPP, direct price, margin, profit per batch and per hour of work.\n\nExample: planner compare recipes patterns --sort margin"))
def compare(
    files: ProductsArg,
    *,
    sort: Annotated[str, typer.Option(
        "--sort", help=_("Order rows by per-hour (default), profit, margin, price, hpp (largest first) or name "
                       "(A to Z); in Indonesian per-jam, laba, margin, harga, hpp, nama."))] = "per-hour",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help=_("Reverse the order."))] = False,
    size: PatternSizeOpt = None,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def build(ws: Any) -> list:
        from planner.cli.price import placed
        from planner.comparing import compare_products, sort_comparisons, sort_name
        from planner.reports.compare import compare_report

        column = sort_name(sort)  # an unknown column is an error before any costing
        sheets = product_sheets(ws, shared, files, size)
        rows = sort_comparisons(compare_products(sheets, ws.settings.channels[0], ws.settings.pricing),
                                column, reverse)
        return [placed(ws, compare_report(rows, ws.settings.pricing, ws.places, sort=column,
                                          settings_file=ws.settings_file))]

    run(shared, files, build)
