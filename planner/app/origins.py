"""Which file set a figure: for a product of a sub-workspace, the settings and catalog items its
figures used, each with the planner.toml or prices.toml it came from (``--explain``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from planner.costing import CostSheet
from planner.reports import Report
from planner.texts import Cash, Msg, Pct, _, msg, n_
from planner.workspace import Workspace

Loc = tuple[str | int, ...]
MONEY = {"wage_per_hour", "round_to", "fee", "price", "salvage"}
ITEMS = n_("{count} item from {file}", "{count} items from {file}")
OTHER_ITEMS = n_("{count} other item from {file}", "{count} other items from {file}")
SHARES = {"markup", "margin", "revenue_tax", "commission", "sell_through", "rush", "deposit"}


def with_origins(
    report: Report, own: Workspace, sheets: Sequence[CostSheet], command: str, prices: Mapping[str, Decimal] = {}
) -> Report:
    """``report`` with, at the end of its working, where the settings and prices it used came from
    (only for a sub-workspace: in a workspace of one folder everything comes from its two files)."""
    if not own.layered:
        return report
    return replace(report, explain=(*report.explain, *origin_lines(own, sheets, command, prices)))


def origin_lines(
    own: Workspace, sheets: Sequence[CostSheet], command: str, prices: Mapping[str, Decimal] = {}
) -> list[Msg]:
    """One line per settings key and catalog item behind the figures of ``command``."""
    lines = [msg(_("where the figures come from ({layers}):"), layers=" + ".join(own.layers))]
    lines += [setting_line(own, loc) for loc in used_settings(own, sheets, command)]
    lines += [item_line(own, item, prices) for item in used_items(sheets)]
    return lines


def used_settings(own: Workspace, sheets: Sequence[CostSheet], command: str) -> list[Loc]:
    """The settings keys a command's figures of these sheets depend on."""
    settings = own.settings
    found: list[Loc] = [("business",)]
    if any(line.group == "labor" for sheet in sheets for line in sheet.lines):
        found.append(("labor", "wage_per_hour"))
    if command in ("price", "breakeven", "sheet"):
        pricing = settings.pricing
        found.append(("pricing", "markup") if pricing.markup is not None else ("pricing", "margin"))
        found += [("pricing", "round_to")] + [("pricing", "revenue_tax")] * bool(pricing.revenue_tax)
        found.append(("channels",))
    if command in ("breakeven", "sheet"):
        found.append(("working_days",))
        found += [("fixed_costs", name) for name in settings.fixed_costs]
        if settings.equipment:
            found.append(("equipment",))
    return found


def used_items(sheets: Iterable[CostSheet]) -> list[str]:
    """The catalog items the sheets priced, sub-recipes' included, in the order first used."""
    found: dict[str, None] = {}
    for sheet in sheets:
        for line in sheet.lines:
            if line.item:
                found.setdefault(line.item)
            for need in line.needs:
                found.setdefault(need.item)
    return list(found)


def setting_line(own: Workspace, loc: Loc) -> Msg:
    key, value = ".".join(map(str, loc)), value_of(own, loc)
    if own.origins is None or not own.origins.written(loc):
        return msg(_("{key} {value}: planner's default (no layer writes it)"), key=key, value=value)
    return msg(_("{key} {value} from {file}"), key=key, value=value, file=own.source(*loc))


def value_of(own: Workspace, loc: Loc) -> object:
    """The value the settings hold at ``loc``, as a reader wants it: money, a share, names."""
    value: object = own.settings
    for key in loc:
        value = value.get(str(key)) if isinstance(value, dict) else getattr(value, str(key), None)
    if isinstance(value, list):
        return ", ".join(getattr(entry, "name", str(entry)) for entry in value)
    if isinstance(value, Decimal):
        name = str(loc[-1])
        if name in SHARES:
            return Pct(value)
        if name in MONEY or loc[0] == "fixed_costs":
            return Cash(value)
    return "" if value is None else value


def item_line(own: Workspace, item: str, prices: Mapping[str, Decimal]) -> Msg:
    entry = own.catalog.get(item)
    if entry is None:
        return msg(_("{item} from {file}"), item=item, file=own.item_source(item))
    if item in prices:
        return msg(_("{item} {price} per {pack} from --set"), item=item, price=Cash(prices[item]), pack=entry.pack)
    return msg(
        _("{item} {price} per {pack} from {file}"),
        item=item,
        price=Cash(entry.price),
        pack=entry.pack,
        file=own.item_source(item),
    )


def workspace_lines(own: Workspace) -> list[Msg]:
    """For ``check --explain``: which file sets each setting of a workspace, and where its prices are.

    A workspace of one folder in one line; a sub-workspace key by key (the values a layer beneath
    wrote and planner's defaults left out), then its own items and the count of the others."""
    if not own.layered:
        return [msg(_("{folder}: every setting from {settings}, every price from {catalog}"), **_names(own))]
    lines = [msg(_("{folder}: settings from {layers}, prices from {catalogs}"), **_names(own))]
    written = own.origins.paths if own.origins is not None else {}
    lines += [setting_line(own, loc) for loc in sorted(written, key=_settings_order)]
    first = own.catalogs[0]
    mine = [item_line(own, item, {}) for item in own.catalog if own.item_source(item) != first]
    others = sum(own.item_source(item) == first for item in own.catalog)
    if others:
        counted = OTHER_ITEMS if mine else ITEMS
        mine.append(msg(counted, count=others, file=first))
    return lines + mine


def _names(own: Workspace) -> dict[str, object]:
    return {
        "folder": str(own.root),
        "settings": own.settings_file,
        "catalog": own.catalog_file,
        "layers": " + ".join(own.layers),
        "catalogs": " + ".join(own.catalogs),
    }


def _settings_order(loc: Loc) -> tuple[int, str]:
    from planner.settings import Settings

    fields = list(Settings.fields())
    return (fields.index(str(loc[0])) if loc[0] in fields else len(fields), ".".join(map(str, loc)))
