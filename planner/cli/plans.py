"""Plan files: checks shared by `check` (and, later, `plan`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.errors import InputError, InputErrors, problem


def check_plan(ws: Any, ctx: Any, path: Path, plan: Any, problems: list[InputError]) -> set[str]:
    """Every product of a plan loads and costs, its sizes exist, its stock is known."""
    from planner.catalog import find_item
    from planner.workspace import load_product, resolve_ref

    used: set[str] = set()
    for i, make in enumerate(plan.make):
        try:
            product = load_product(ws, resolve_ref(make.product, str(path)))
            for size in (make.sizes or {}):
                if product.kind != "pattern" or size not in product.model.sizes:
                    sizes = ", ".join(getattr(product.model, "sizes", [])) or "-"
                    raise problem("unknown-size", hint="unknown-size-hint", size=size, sizes=sizes).under(
                        "make", i, "sizes", size)
        except InputError as err:
            problems.append(ws.place(err.at(str(path), loc=("make", i, "product"))))
        except InputErrors as errs:
            problems.extend(ws.place(e) for e in errs.problems)
    for item_id, qty in plan.stock.items():
        try:
            item = find_item(ws.catalog, item_id)
            ws.units.convert(qty, item.pack.unit, item, item_id)
            used.add(item_id)
        except InputError as err:
            problems.append(ws.place(err.under("stock", item_id).at(str(path))))
    return used
