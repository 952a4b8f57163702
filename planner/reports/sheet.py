"""``planner sheet``: one product's cost, prices and break-even on one printable page.

The page is made of the cost, price and break-even reports themselves (their tables, notes and
working), so a sheet always says what those commands say. A pattern's sheet is of one size (the
middle one, or --size) with a short table of every size's HPP and direct price beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.costing import CostSheet
from planner.errors import InputError
from planner.pricing import ChannelPrice
from planner.reports import Column, Report, Row, Table, money_json
from planner.texts import Msg, _, msg, p_

SIZE_COLUMNS = (Column(_("Size")), Column(_("HPP"), "money"), Column(p_("price.col.price", "Price"), "money"))


def sizes_table(priced: Sequence[tuple[CostSheet, ChannelPrice]], shown: str | None) -> Table:
    """Every size of a pattern: its HPP and its price on the first channel; the size of the page marked."""
    channel = priced[0][1].channel.name
    rows = tuple(
        Row((sheet.size, sheet.unit, sale.price), "total" if sheet.size == shown else "") for sheet, sale in priced
    )
    return Table(SIZE_COLUMNS, rows, msg(_("Every size, on '{channel}'"), channel=channel))


def sheet_report(
    cost: Report,
    price: Report,
    breakeven: Report,
    *,
    business: str,
    sizes: Sequence[tuple[CostSheet, ChannelPrice]] = (),
) -> Report:
    """The three reports of one product as one page: cost, then prices (and a pattern's sizes),
    then break-even; their notes once each, their working in order. No chart: the tables are
    the figures, and a chart beside a long cost table would push the page onto a second sheet
    (``planner breakeven --format html`` draws it)."""
    first = cost.data[0] if isinstance(cost.data, list) else cost.data
    size = first.get("size")
    tables = (*cost.tables, *price.tables, *((sizes_table(sizes, size),) if sizes else ()), *breakeven.tables)
    notes: dict[InputError | Msg, None] = dict.fromkeys((*cost.notes, *price.notes, *breakeven.notes))
    title = msg(_("{product} ({size})"), product=first["product"], size=size) if size else first["product"]
    return Report(
        "sheet",
        title,
        tables,
        [sheet_json(first, price.data, breakeven.data, business, sizes)],
        tuple(notes),
        cost.subtitle,
        explain=(*cost.explain, *price.explain, *breakeven.explain),
        business=business,
    )


def sheet_json(
    cost: Any, price: Any, breakeven: Any, business: str, sizes: Sequence[tuple[CostSheet, ChannelPrice]]
) -> dict[str, Any]:
    """The three reports' JSON of one product, under the product, its file, size and business."""
    data: dict[str, Any] = {
        "product": cost["product"],
        "file": cost["file"],
        "kind": cost["kind"],
        "size": cost.get("size"),
        "business": business,
        "cost": cost,
        "price": price,
        "breakeven": breakeven,
    }
    if sizes:
        data["sizes"] = [
            {"size": sheet.size, "unit_cost": money_json(sheet.unit), "price": money_json(sale.price)}
            for sheet, sale in sizes
        ]
    return data
