"""What every command shares: the costing context, loading products, finishing a run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from planner.bookfiles import is_book_file
from planner.catalog import find_item
from planner.costing import Context, CostSheet
from planner.errors import InputError, problem
from planner.models import Product, RecipeProduct
from planner.pricing import find_channel
from planner.reports import Report
from planner.settings import Channel
from planner.texts import Msg, _
from planner.workspace import Workspace, expand_paths, load_product

T = TypeVar("T")
U = TypeVar("U")


def context(
    ws: Workspace,
    prices: Mapping[str, Decimal] = {},
    *,
    fabric: str | None = None,
    customer_fabric: bool = False,
    where: str | None = None,
) -> Context:
    """The costing context of a run: settings, catalog, units and the run's overrides.

    Each ``--set`` item and the ``--fabric`` must be in the catalog (a problem of the command line,
    or of the catalog ``where`` for a product of another workspace of the run)."""
    diag = ws.diagnostics
    known = {item: price for item, price in prices.items() if diag.collect(lambda: find_item(ws.catalog, item), where)}
    if fabric is not None:
        diag.collect(lambda: find_item(ws.catalog, fabric), where)
    return Context(ws.settings, ws.catalog, ws.units, known, fabric, customer_fabric, ws.settings_broken)


class Contexts:
    """The workspace of each product of a run and its costing context, each context made once.

    A product is costed in the workspace of its own folder (a participant's, over the class's),
    so one run can hold the products of a whole class; with --workspace, all in that one."""

    def __init__(
        self,
        ws: Workspace,
        prices: Mapping[str, Decimal] = {},
        *,
        fabric: str | None = None,
        customer_fabric: bool = False,
    ) -> None:
        self.ws = ws
        self._asked = (prices, fabric, customer_fabric)
        self._made: dict[int, Context] = {}
        self.run = self.of(ws)  # the run's own first: a wrong --set is told as the command line's

    def of(self, own: Workspace) -> Context:
        found = self._made.get(id(own))
        if found is None:
            prices, fabric, customer = self._asked
            where = None if own is self.ws else own.catalog_file
            found = self._made[id(own)] = context(own, prices, fabric=fabric, customer_fabric=customer, where=where)
        return found

    def __call__(self, path: str) -> tuple[Workspace, Context]:
        """The workspace the product at ``path`` is costed in, and its context."""
        own = self.ws.for_file(Path(path))
        return own, self.of(own)


def with_origins(
    report: Report, own: Workspace, sheets: Sequence[CostSheet], command: str, prices: Mapping[str, Decimal] = {}
) -> Report:
    """``report`` with, for a product of a sub-workspace, where its settings and prices came from
    at the end of its working (``planner.app.origins``, imported only then)."""
    if not own.layered:
        return report
    from planner.app import origins

    return origins.with_origins(report, own, sheets, command, prices)


def asked(ws: Workspace, own: Workspace, compute: Callable[[], T], under: tuple[str | int, ...] = ()) -> T | None:
    """A command-line value judged in a product's own workspace (``--channel titip``): a problem is
    the command line's in the run's workspace, and told at ``under`` in another one's settings."""
    if own is ws:
        return ws.diagnostics.collect(compute)
    return ws.diagnostics.collect(compute, own.settings_file, under=under)


def each(ws: Workspace, items: Iterable[T], compute: Callable[[T], U], path_of: Callable[[T], str]) -> list[U]:
    """``compute(item)`` for every item; what fails is kept in the run's diagnostics, placed in
    the item's file, and left out."""
    results = []
    for item in items:
        found = ws.diagnostics.collect(lambda: compute(item), path_of(item))
        if found is not None:
            results.append(found)
    return results


def load_products(ws: Workspace, files: Sequence[Path]) -> list[Product]:
    """Every file as a product (sub-recipes loaded); the problems of all of them at once."""
    return each(ws, files, lambda path: load_product(ws, path), str)


def listed_products(ws: Workspace, paths: Sequence[Path]) -> list[Product]:
    """Every recipe and pattern named, or found in a named folder (a plan or a book in a folder is
    skipped, and so is a recipe with ``for_sale = false``: a sub-recipe is costed where it is used)."""
    found = [(file, path.is_dir()) for path in paths for file in expand_paths([path])]

    def load(entry: tuple[Path, bool]) -> Product | None:
        file, in_folder = entry
        if in_folder and (is_book_file(file) or _is_plan(ws, file)):
            return None
        product = load_product(ws, file)
        return None if in_folder and not for_sale(product) else product

    products = [p for p in each(ws, found, load, lambda entry: str(entry[0])) if p is not None]
    if not products and not ws.diagnostics.has_errors:
        raise problem(
            _("no recipe or pattern found in {paths}"),
            hint=_("name recipe or pattern files, or folders that hold them"),
            paths=", ".join(str(p) for p in paths),
        )
    return products


def for_sale(product: Product) -> bool:
    """Whether a product is sold (a sub-recipe saying ``for_sale = false`` is not)."""
    return not isinstance(product, RecipeProduct) or product.model.for_sale


def _is_plan(ws: Workspace, file: Path) -> bool:
    from planner.workspace import load_file

    found = ws.diagnostics.collect(lambda: load_file(ws, file)[0], str(file))
    return found == "plan"


def finish(ws: Workspace, reports: list[Report], *, keep_going: bool = False) -> list[Report]:
    """The run's reports with their warnings placed at their file and line and each told once;
    every problem at once (InputErrors) when there is an error, unless ``keep_going``."""
    if not keep_going:
        ws.diagnostics.raise_errors()
    seen: set[InputError] = set()
    done = []
    for report in reports:
        notes: list[InputError | Msg] = []
        for note in report.notes:
            if isinstance(note, InputError):
                note = ws.diagnostics.place(note)
                if note in seen:
                    continue
                seen.add(note)
            notes.append(note)
        done.append(replace(report, notes=tuple(notes)))
    return done


def channels_of(ws: Workspace, name: str | None) -> list[Channel]:
    """Every channel, or the one named (not judged when [[channels]] is broken: that is reported)."""
    channels = list(ws.settings.channels)
    return channels if name is None or "channels" in ws.settings_broken else [find_channel(channels, name)]
