"""What a record must agree with besides itself: the settings' shops, members and channels, the
catalog's items, today, the other records (an order id once; a shop never reporting more sold and
returned than was on its shelf). Each problem is placed at the record's key, ready for its line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from planner.book.ledger import Entry, ProductKey
from planner.book.records import KINDS, MODELS, Bought, Capital, Order, Sold, Titip, Worked
from planner.catalog import find_item
from planner.errors import InputError, closest, problem
from planner.models import Item
from planner.pricing import find_channel
from planner.records import Record
from planner.settings import Settings
from planner.texts import Msg, _
from planner.units import UnitTable


@dataclass(frozen=True)
class Known:
    """What records are checked against."""

    settings: Settings
    catalog: Mapping[str, Item]
    units: UnitTable
    today: date
    settings_broken: frozenset[str] = frozenset()  # keys of planner.toml that are wrong: not judged


def record_problems(entry: Entry[Record], known: Known) -> list[InputError]:
    """Every problem of one record with the workspace, each under its place in the file."""
    found = [*_dates(entry, known.today), *_names(entry.record, known)]
    return [err.under(*entry.loc) for err in found]


def _future(day: date, today: date, *loc: str | int) -> InputError:
    return problem(
        _("{day} is after today ({today}): a book records what has happened"),
        hint=_("write the day it happened, or give the day it is with --today"),
        day=day,
        today=today,
    ).under(*loc)


def _dates(entry: Entry[Record], today: date) -> list[InputError]:
    record = entry.record
    found = [_future(entry.date, today, "date")] if entry.date > today else []
    if isinstance(record, Order):
        if record.done is not None and record.done > today:
            found.append(_future(record.done, today, "done"))
        late = [(i, p.date) for i, p in enumerate(record.payments) if p.date > today]
        found += [_future(day, today, "payments", i, "date") for i, day in late]
    return found


def _names(record: Record, known: Known) -> list[InputError]:
    settings, broken = known.settings, known.settings_broken
    if isinstance(record, Titip) and "shops" not in broken:
        return _known_name(record.shop, [s.name for s in settings.shops], "shop")
    if isinstance(record, (Capital, Worked)) and "members" not in broken:
        return _known_name(record.member, [m.name for m in settings.members], "member")
    if isinstance(record, Sold) and record.channel is not None and "channels" not in broken:
        try:
            find_channel(settings.channels, record.channel)
        except InputError as err:
            return [err.under("channel")]
    if isinstance(record, Bought):
        return _bought(record, known)
    return []


UNKNOWN = {
    "shop": (_("unknown shop '{name}'"), _('add it to planner.toml: [[shops]] with name = "{name}"')),
    "member": (_("unknown member '{name}'"), _('add them to planner.toml: [[members]] with name = "{name}"')),
}


def _known_name(name: str, known: Sequence[str], what: str) -> list[InputError]:
    if name in known:
        return []
    message, add = UNKNOWN[what]
    near = closest(name, list(known))
    hint = _("did you mean {near}?") if near else add
    return [problem(message, hint=hint, hint_params={"near": ", ".join(near), "name": name}, name=name).under(what)]


def _bought(record: Bought, known: Known) -> list[InputError]:
    try:
        item = find_item(known.catalog, record.item)
    except InputError as err:
        return [err.under("item")]
    try:
        known.units.convert(record.qty, item.pack.unit, item, record.item)
    except InputError as err:
        return [err.under("qty")]
    return []


def order_ids(orders: Iterable[Entry[Order]], where: Callable[[Entry[Order]], str]) -> list[InputError]:
    """An order id is the order's name in the whole workspace: the second use of one is an error."""
    first: dict[str, Entry[Order]] = {}
    found = []
    for entry in orders:
        seen = first.setdefault(entry.record.id, entry)
        if seen is not entry:
            found.append(
                problem(
                    _("order id '{id}' is used twice"),
                    hint=_("the first is at {first}; give this order its own id"),
                    id=entry.record.id,
                    first=where(seen),
                )
                .under(*entry.loc, "id")
                .at(entry.file)
            )
    return found


def shelf_problems(
    visits: Sequence[Entry[Titip]], name: Callable[[ProductKey], str]
) -> tuple[set[int], list[InputError]]:
    """Visits (in date order) whose shop reports more sold and returned than was on its shelf:
    their positions in ``visits`` and the problems. Such a visit is left out of the balance."""
    shelves: dict[tuple[str, ProductKey], int] = {}
    bad: set[int] = set()
    found = []
    for n, entry in enumerate(visits):
        visit, key = entry.record, entry.product
        if key is None:
            continue
        before = shelves.get((visit.shop, key), 0)
        after = before + visit.delivered - visit.sold - visit.returned
        if after < 0:
            bad.add(n)
            found.append(
                problem(
                    _(
                        "{shop} reports {sold} sold and {returned} returned of {product}, but only {shelf} were on its "
                        "shelf"
                    ),
                    hint=_(
                        "on the shelf is what was delivered less what was reported sold or returned before; check "
                        "the counts, or record the visit that delivered them (with no book named, every book is read)"
                    ),
                    shop=visit.shop,
                    sold=visit.sold,
                    returned=visit.returned,
                    product=name(key),
                    shelf=before + visit.delivered,
                )
                .under(*entry.loc, "sold")
                .at(entry.file)
            )
            continue
        shelves[visit.shop, key] = after
    return bad, found


# ---------------------------------------------------------------- problems of the shape, in the book's words


def kinds_with(key: str) -> list[str]:
    """The record kinds that have ``key``."""
    return [kind for kind in KINDS if any(f.key == key for f in MODELS[kind].fields().values())]


def in_book_words(err: InputError) -> InputError:
    """A validation problem said for a book: a key of another record kind is two kinds mixed in one
    table; a missing date says how to write one; a wrong top-level key lists the record kinds."""
    loc, key = err.loc, err.message.params.get("key")
    if err.message.key == _("unknown key '{key}'") and len(loc) >= 3 and isinstance(loc[0], str):
        owners = [k for k in kinds_with(str(key)) if k != loc[0]]
        if owners and isinstance(loc[1], int):
            return replace(
                err,
                message=Msg(
                    _("'{key}' belongs to [[{other}]], not to [[{kind}]]: two kinds of record in one table"),
                    {"key": key, "other": owners[0], "kind": loc[0]},
                ),
                hint=Msg(
                    _("a table holds one kind of record: start a [[{other}]] for it, or leave '{key}' out"),
                    {"key": key, "other": owners[0]},
                ),
            )
    if err.message.key == _("'{key}' is missing") and key == "date":
        return replace(err, hint=Msg(_("add date = 2026-12-01, the day it happened (year-month-day)")))
    return err


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
