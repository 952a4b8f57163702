"""Find and read the books of a workspace into one ``Book`` (planner/book/ledger.py).

A book is any TOML file holding record arrays (``[[made]]``, ``[[sold]]``, ``[[titip]]``, ...):
by convention ``books/2026-12.toml``, one a month, and ``books/orders/ID.toml`` holding one
``[[orders]]`` each. With no book named, every book of the workspace is read: each file under
``books/``, and any other TOML file of the workspace that holds record arrays; with no workspace
(the embedded defaults), the ``books/`` folder here.

Each record is validated on its own and against the workspace (planner/book/validate.py); a wrong
record is told at its line and left out, the others are kept, so a report can go on with what is
right (``--keep-going``). The records are only ever read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from planner import tomlfile
from planner.book.ledger import Book, Entry, ProductKey
from planner.book.records import KINDS, MODELS, BookFile, Order
from planner.book.validate import Known, in_book_words, order_ids, record_problems, shelf_problems
from planner.diagnostics import Diagnostics
from planner.errors import InputError, InputErrors, closest, problem
from planner.models import PatternProduct, Product, RecipeProduct
from planner.records import Record
from planner.texts import _
from planner.validation import validate
from planner.workspace import CATALOG_FILE, SETTINGS_FILE, SUFFIX, Workspace, is_file, load_product, resolve_ref

BOOKS = "books"
_KINDS = "|".join(KINDS)
_HOLDS = re.compile(rf"^[ \t]*(?:\[\[[ \t]*(?:{_KINDS})[ \t]*\]\]|(?:{_KINDS})[ \t]*=)", re.M)
_HEADER = re.compile(rf"^[ \t]*\[\[[ \t]*({_KINDS})[ \t]*\]\][ \t]*(?:#.*)?$", re.M)


def holds_records(text: str) -> bool:
    """Whether a file's text has a record array (cheap: no TOML parsing)."""
    return _HOLDS.search(text) is not None


def book_files(ws: Workspace, paths: Sequence[Path] = ()) -> list[Path]:
    """The books named (a folder: the books in it), or every book of the workspace."""
    if paths:
        found: list[Path] = []
        for path in paths:
            found += _books_in(path, everything=False) if path.is_dir() else [path]
        return list(dict.fromkeys(found))
    if ws.root is None:
        return _books_in(Path(BOOKS), everything=True) if Path(BOOKS).is_dir() else []
    books = ws.root / BOOKS
    named = _books_in(books, everything=True) if books.is_dir() else []
    return list(dict.fromkeys([*named, *_books_in(ws.root, everything=False)]))


def is_book_file(path: Path) -> bool:
    """Whether ``path`` is a book: it holds record arrays, or it lies under a books/ folder and is no
    recipe, pattern or plan (an empty month's book)."""
    try:
        text = tomlfile.read_text(path)
    except InputError:
        return False  # reading it again tells what is wrong
    return holds_records(text) or (BOOKS in path.parts[:-1] and not _other_kind(text))


def _books_in(folder: Path, *, everything: bool) -> list[Path]:
    """The .toml files below ``folder`` (not in hidden folders) that are books; ``everything``: every
    one that is not a recipe, pattern or plan (an empty file under books/ is a book with no records)."""
    found = []
    for path in sorted(folder.rglob("*" + SUFFIX)):
        parts = path.relative_to(folder).parts
        if path.name in (SETTINGS_FILE, CATALOG_FILE) or any(p.startswith(".") for p in parts) or not path.is_file():
            continue
        try:
            text = tomlfile.read_text(path)
        except InputError:
            found += [path] if everything else []  # reading it again tells what is wrong
            continue
        if holds_records(text) or (everything and not _other_kind(text)):
            found.append(path)
    return found


def _other_kind(text: str) -> bool:
    """A recipe, pattern or plan kept under books/ is not a book."""
    from planner.models import kind_of

    try:
        return kind_of(tomlfile.parse(text, "")) is not None
    except InputError:
        return False


def load_book(ws: Workspace, paths: Sequence[Path], today: date, *, quiet: Iterable[Path] = ()) -> Book:
    """Every valid record of the books at ``paths``, checked against the workspace; problems go
    into the run's diagnostics, except those of the ``quiet`` books (read only for what they say
    about the others: what was on a shop's shelf before)."""
    silent = {str(p) for p in quiet}
    found = Diagnostics(ws.place)
    known = Known(ws.settings, ws.catalog, ws.units, today, ws.settings_broken)
    resolver = _Resolver(ws, found)
    by_kind: dict[str, list[tuple[tuple[Any, ...], Entry[Record]]]] = {kind: [] for kind in KINDS}
    files = [str(p) for p in paths]
    for order, path in enumerate(paths):
        for read, ok in _read_book(ws, path, found):
            entry = resolver.products_of(read)
            if entry is None:
                continue
            problems = record_problems(entry, known)
            found.extend(problems, entry.file)
            if problems or not ok:
                continue
            by_kind[entry.kind].append(((entry.date, order, entry.index), entry))
    entries = {kind: [e for _key, e in sorted(found_, key=lambda pair: pair[0])] for kind, found_ in by_kind.items()}
    book = Book(tuple(files), resolver.products, **{kind: tuple(e) for kind, e in entries.items()})  # type: ignore[arg-type]
    book = _checked_across(book, found)
    for err in found.problems:
        if err.path not in silent:
            ws.diagnostics.add(err)
    return book


def _checked_across(book: Book, found: Diagnostics) -> Book:
    """What needs every record: an order id once, a shelf never below zero (such records left out)."""
    from dataclasses import replace

    orders = [e for e in book.orders if isinstance(e.record, Order)]
    twice = order_ids(orders, lambda e: f"{e.file}:{e.line}" if e.line else e.file)
    found.extend(twice)
    bad_ids = {(err.path, err.loc[1]) for err in twice}
    bad, problems = shelf_problems(book.titip, book.name)
    found.extend(problems)
    return replace(
        book,
        orders=tuple(e for e in book.orders if (e.file, e.index) not in bad_ids),
        titip=tuple(e for n, e in enumerate(book.titip) if n not in bad),
    )


def _read_book(ws: Workspace, path: Path, found: Diagnostics) -> list[tuple[Entry[Record], bool]]:
    """The records of one book file, each with whether it is valid on its own (the problems told). A
    record with a wrong value is still checked with that key left out, so an unknown product beside
    a fractional count is told in the same run; such a record is not kept."""
    where = str(path)
    data = found.collect(lambda: ws.read(path), where)
    if data is None:
        return []
    try:
        model = ws.validate(BookFile, data, where)
        records = {k: [(i, r, True) for i, r in enumerate(getattr(model, k))] for k in KINDS}
    except InputErrors as errs:
        found.extend((in_book_words(e) for e in errs.problems), where)
        records = {kind: list(_salvaged(ws, kind, data.get(kind), errs.problems)) for kind in KINDS}
    lines = header_lines(ws.texts.get(where, ""))
    return [
        (Entry(record, kind, where, i, _nth(lines.get(kind, []), i)), ok)
        for kind in KINDS
        for i, record, ok in records[kind]
    ]


def _salvaged(
    ws: Workspace, kind: str, value: Any, problems: Sequence[InputError]
) -> Iterable[tuple[int, Record, bool]]:
    """Each entry of a record array as valid on its own, or with its wrong keys left out (not ok)."""
    for i, raw in enumerate(value if isinstance(value, list) else []):
        record = validated(ws, kind, raw)
        if record is not None:
            yield i, record, True
            continue
        wrong = {e.loc[2] for e in problems if e.loc[:2] == (kind, i) and len(e.loc) > 2}
        rest = validated(ws, kind, {k: v for k, v in raw.items() if k not in wrong}) if isinstance(raw, dict) else None
        if rest is not None:
            yield i, rest, False


def header_lines(text: str) -> dict[str, list[int]]:
    """The line of every ``[[kind]]`` header, in order, per kind (one regular expression over the text:
    a year of daily records must not be indexed key by key)."""
    lines: dict[str, list[int]] = {}
    last, line = 0, 1
    for match in _HEADER.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        lines.setdefault(match.group(1), []).append(line)
    return lines


def _nth(lines: list[int], index: int) -> int | None:
    return lines[index] if index < len(lines) else None


class _Resolver:
    """The products records name, resolved from their book file and loaded once each."""

    def __init__(self, ws: Workspace, found: Diagnostics) -> None:
        self.ws, self.found = ws, found
        self.products: dict[str, Product] = {}
        self._keys: dict[tuple[str, str], str | InputError | None] = {}
        self._resolved: dict[tuple[str, tuple[tuple[str, str | None], ...]], tuple[ProductKey, ...]] = {}

    def products_of(self, entry: Entry[Record]) -> Entry[Record] | None:
        """The entry with its products resolved; None (its problems told) when one cannot be."""
        refs = _refs(entry.record)
        seen = (entry.file, tuple((ref, size) for _loc, ref, size in refs))
        known = self._resolved.get(seen)  # a year of daily records names the same few products
        if known is None:
            found = self._resolve(entry, refs)
            if found is None:
                return None
            known = self._resolved[seen] = found
        return Entry(entry.record, entry.kind, entry.file, entry.index, entry.line, known)

    def _resolve(
        self, entry: Entry[Record], refs: list[tuple[tuple[str | int, ...], str, str | None]]
    ) -> tuple[ProductKey, ...] | None:
        keys: list[ProductKey] = []
        ok = True
        for loc, ref, size in refs:
            key = self._key(entry.file, ref, (*entry.loc, *loc))
            if key is None:
                ok = False
                continue
            err = _size_problem(self.products[key], size, ref)
            if err is not None:
                self.found.add(err.under(*entry.loc, *loc[:-1], "size" if size else "product"), entry.file)
                ok = False
                continue
            keys.append(ProductKey(key, size))
        return tuple(keys) if ok else None

    def _key(self, file: str, ref: str, loc: tuple[str | int, ...]) -> str | None:
        known = self._keys.get((file, ref))
        if (file, ref) not in self._keys:
            known = self._keys[file, ref] = self._load(file, ref)
        if isinstance(known, InputError):
            self.found.add(known.under(*loc), file)
            return None
        return known

    def _load(self, file: str, ref: str) -> str | InputError | None:
        path = resolve_ref(ref, file)
        try:
            exists = is_file(path)
        except InputError as err:
            return err
        if not exists:
            return _missing(self.ws, file, ref, path)
        product = self.found.collect(lambda: load_product(self.ws, path), str(path))
        if product is None:
            return None  # its own problems are told in its file
        self.products[str(path)] = product
        return str(path)


def _refs(record: Record) -> list[tuple[tuple[str | int, ...], str, str | None]]:
    """(place of the product key, product as written, size) of each product a record names."""
    if isinstance(record, Order):
        return [(("make", i, "product"), line.product, line.size) for i, line in enumerate(record.make)]
    product = getattr(record, "product", None)
    return [(("product",), product, getattr(record, "size", None))] if isinstance(product, str) else []


def _size_problem(product: Product, size: str | None, ref: str) -> InputError | None:
    if isinstance(product, RecipeProduct) and size is not None:
        return problem(
            _("{file} is a recipe: its pieces have no size"), hint=_("leave out size for a recipe"), file=ref
        )
    if isinstance(product, PatternProduct) and size is None:
        return problem(
            _("{file} is a sewing pattern: say which size"),
            hint=_('add size = "{size}" (the pattern has {sizes})'),
            file=ref,
            size=product.model.sizes[0],
            sizes=", ".join(product.model.sizes),
        )
    if isinstance(product, PatternProduct) and size not in product.model.sizes:
        return problem(
            _("size '{size}' is not in the pattern"),
            hint=_("the pattern has sizes {sizes}"),
            size=size,
            sizes=", ".join(product.model.sizes),
        )
    return None


def _missing(ws: Workspace, file: str, ref: str, path: Path) -> InputError:
    """A product that is not there, with the closest product files near the book."""
    import os

    near_files = _product_files(ws, Path(file))
    refs = [Path(os.path.relpath(p, Path(file).parent)).as_posix() for p in near_files]
    near = closest(ref, refs)
    return problem(
        _("product '{ref}' not found (looked for {file})"),
        hint=_("did you mean {near}?") if near else _("the path is relative to this book file; .toml may be left off"),
        hint_params={"near": ", ".join(near)},
        ref=ref,
        file=str(path),
    )


def _product_files(ws: Workspace, book: Path) -> list[Path]:
    roots = [ws.root] if ws.root else [book.parent.parent, book.parent, Path(".")]
    found: dict[Path, None] = {}
    for root in roots:
        for folder in (root, root / "recipes", root / "patterns"):
            if folder.is_dir():
                found.update(dict.fromkeys(sorted(folder.glob("*" + SUFFIX))))
    return [path for path in found if path.name not in (SETTINGS_FILE, CATALOG_FILE) and not is_book_file(path)]


def validated(ws: Workspace, kind: str, raw: Any) -> Record | None:
    try:
        model: Record = validate(MODELS[kind], raw, {"places": ws.places})
    except InputErrors:
        return None
    return model
