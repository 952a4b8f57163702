"""planner whatif: the same products under changed item prices, one row per scenario."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from planner.cli import app
from planner.cli.common import (ExplainOpt, ForceOpt, FormatOpt, LangOpt, OutputOpt, SetOpt, Shared,
                                WorkspaceOpt, run)
from planner.cli.compare import PatternSizeOpt, ProductsArg, each_product
from planner.errors import InputError, InputErrors
from planner.texts import _

ChangeOpt = Annotated[list[str], typer.Option(
    "--change", "-c", show_default=False, metavar="ITEM=STEP[,STEP...]",
    help=_("A catalog item's new pack price: a share (+20%, -10%), an amount (+2000, -500) or the new price "
           "(15000); several steps with commas (gula-pasir=+20%,+40%); repeat --change for more items."))]


def parse_changes(texts: list[str], ws: Any, ctx: Any) -> list[Any]:
    """Every --change read and checked against the catalog; all problems at once."""
    from planner.scenarios import check_changes, parse_change

    changes, problems = [], []
    for text in texts:
        try:
            changes.append(parse_change(text, ws.places))
        except InputError as err:
            problems.append(err)
    if problems:
        raise InputErrors(problems)
    check_changes(changes, ctx)
    return changes


@app.command(help=_("What if item prices change: HPP, the price to set, margin at today's price and break-even, per scenario.\n\nExample: planner whatif recipes/bingka-kentang.toml --change gula-pasir=+20%,+40% --change telur-itik=3500"))
def whatif(
    files: ProductsArg,
    *,
    change: ChangeOpt,
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
        from planner.cli.products import context
        from planner.reports.whatif import whatif_report
        from planner.scenarios import scenarios_of, what_if

        ctx = context(ws, shared)
        changes = parse_changes(change, ws, ctx)
        scenarios = scenarios_of(changes)
        items = [c.item for c in changes]
        packs = {item: ws.catalog[item].pack for item in items}

        def outcomes(product: Any) -> list:
            return what_if(product, ctx, size if product.kind == "pattern" else None, scenarios)

        return [placed(ws, whatif_report(per_size, ws.settings.pricing, items, packs, settings_file=ws.settings_file,
                                         defaults=ws.root is None))
                for per_size in each_product(ws, files, outcomes)]

    run(shared, files, build)
