"""scale: a recipe for N pieces (or K times the batch), to print or to write as a new recipe."""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.errors import InputError, problem
from planner.models import RecipeProduct
from planner.reports import Report
from planner.scaling import factor_for_pieces
from planner.texts import _
from planner.workspace import Workspace, load_file, load_product, resolve_ref


@dataclass(frozen=True)
class ScaleOptions:
    pieces: int | None = None  # pieces fit to sell wanted (K = N / sellable) ...
    factor: Decimal | None = None  # ... or K itself


def recipe_of(ws: Workspace, file: Path) -> tuple[RecipeProduct, dict[str, Any]]:
    """The recipe (with its sub-recipes) and its TOML data as written."""
    product = load_product(ws, file)
    if not isinstance(product, RecipeProduct):
        raise problem(
            _("this is not a recipe; only recipes can be scaled"),
            hint=_("for garments use planner quote with --sizes, or a plan file with sizes"),
        ).at(str(file))
    return product, load_file(ws, file)[2]


def factor_of(product: RecipeProduct, options: ScaleOptions) -> Decimal:
    if options.pieces is not None:
        batch = product.model.batch
        return factor_for_pieces(options.pieces, batch.pieces * (1 - batch.loss))
    assert options.factor is not None
    return options.factor


def scale(ws: Workspace, file: Path, options: ScaleOptions) -> Report:
    """What to weigh, line by line, in the recipe's own units."""
    from planner.reports.scale import scale_report
    from planner.scaling import scale_recipe

    product, _raw = recipe_of(ws, file)
    subs = {ref: sub.model.name for ref, sub in product.subs.items()}
    scaling = scale_recipe(product.model, str(file), factor_of(product, options), ws.catalog, subs)
    return scale_report(scaling, asked=options.pieces)


def scaled_recipe(
    ws: Workspace, file: Path, options: ScaleOptions, output: Path
) -> tuple[dict[str, Any], Decimal, list[InputError]]:
    """The scaled recipe's TOML data for ``output`` (sub-recipe paths made relative to it), its
    factor, and warnings about what it leaves as written."""
    from planner.scaling import scaled_recipe_data

    product, raw = recipe_of(ws, file)
    k = factor_of(product, options)

    def rebase(ref: str) -> str:
        if output.resolve().parent == file.resolve().parent:
            return ref
        target = resolve_ref(ref, str(file)).resolve()
        return Path(os.path.relpath(target, output.resolve().parent)).as_posix()

    data, notes = scaled_recipe_data(raw, k, ws.places, rebase)
    return data, k, [n.at(str(output)) for n in notes]
