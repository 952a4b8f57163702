"""Reading a TOML file the user wrote, and finding the line a problem is on.

tomllib does not keep line numbers for values, so ``line_of`` scans the text:
it maps every table header and key to its line and picks the longest match
of a location such as ``("ingredients", 2, "qty")``.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.errors import InputError, MissingFile, problem
from planner.texts import Msg, _

LineIndex = dict[tuple[str | int, ...], int]  # a location inside a file -> its line
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_INLINE_KEY = re.compile(r"([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


def read_text(path: Path) -> str:
    """The file's text, or an InputError naming what is wrong with the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        found = problem(
            _("file not found"),
            hint=_("check the path '{file}'; paths inside a file are relative to that file"),
            file=str(path),
        )
        raise MissingFile(found.message, found.hint, str(path)) from None
    except IsADirectoryError:
        raise problem(
            _("this is a folder, not a file"), hint=_("name a .toml file inside '{file}'"), file=str(path)
        ).at(str(path)) from None
    except OSError as exc:
        raise problem(
            _("cannot read the file: {reason}"),
            hint=_("check that '{file}' exists and that you may read it"),
            file=str(path),
            reason=exc.strerror or str(exc),
        ).at(str(path)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise problem(
            _("the file is not UTF-8 text (byte {byte})"),
            hint=_("save the file as UTF-8 in your editor"),
            byte=f"0x{raw[exc.start]:02x}",
        ).at(str(path), line) from None


_PARSED: dict[str, dict[str, Any]] = {}  # text -> data; `check` reads a file's items again after costing it


def parse(text: str, path: str) -> dict[str, Any]:
    """Parse TOML with exact decimals (once per text: treat the result as read-only)."""
    data = _PARSED.get(text)
    if data is None:
        if len(_PARSED) >= 4096:
            _PARSED.clear()
        data = _PARSED[text] = _parse(text, path)
    return data


def _parse(text: str, path: str) -> dict[str, Any]:
    """Parse TOML with exact decimals; a syntax error names its line."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_problem(str(exc), text).at(path) from None
    except RecursionError:
        raise problem(
            _("TOML syntax error: {reason}"),
            hint=_('text values need quotes (qty = "250 g"), each key once per table, tables as [name]'),
            reason="nested too deeply",
        ).at(path) from None
    except (ValueError, ArithmeticError):  # thousands of digits, or an exponent beyond Decimal's range
        huge = _HUGE_NUMBER.search(text)
        line = text.count("\n", 0, huge.start()) + 1 if huge else None
        raise problem(
            _("a number here is far too long to be a real figure"),
            hint=_("numbers must stay below a trillion (1000000000000): check for extra zeros"),
        ).at(path, line) from None


_HUGE_NUMBER = re.compile(r"[0-9_]{1000,}|[eE][+-]?[0-9_]{6,}")


_KEY_TWICE = (_("a key is written twice in the same table"), _("keep one of the two lines"))
_UNCLOSED_STRING = (_("a text is not closed with a quote"), _('end the text with " on the same line'))
_UNCLOSED_HEADER = (_("a table name is not closed with ]"), _("write [batch], or [[ingredients]] for a repeated entry"))

# tomllib's reasons (English) -> (what is wrong, what to write instead) in our words.
_REASONS = (
    (
        "Invalid value",
        (
            _("a value is not valid TOML"),
            _(
                'text goes in quotes (name = "Bingka", qty = "250 g"), numbers without (pieces = 8), dates as '
                "2026-01-15"
            ),
        ),
    ),
    ("Cannot overwrite a value", _KEY_TWICE),
    ("Duplicate inline table key", _KEY_TWICE),
    (
        "Cannot declare",
        (
            _("a table is declared twice"),
            _("merge the two [tables]; repeated entries such as ingredients are written [[ingredients]]"),
        ),
    ),
    (
        "Expected '=' after a key",
        (
            _("a key has no '=' after it"),
            _('write key = value, e.g. qty = "250 g"; table names go in brackets: [batch]'),
        ),
    ),
    (
        "Expected newline or end of document",
        (
            _("something follows a value on the same line"),
            _("one key = value per line; put the whole text in quotes and comments after #"),
        ),
    ),
    ("Unterminated string", _UNCLOSED_STRING),
    ("Illegal character '\\n'", _UNCLOSED_STRING),
    (
        "Unclosed array",
        (
            _("a list is not closed with ]"),
            _('separate entries with commas and end the list with ], e.g. sizes = ["S", "M"]'),
        ),
    ),
    (
        "Unclosed inline table",
        (
            _("a { ... } table is not closed, or spans several lines"),
            _('write it on one line with commas between keys: { item = "mika-kecil", qty = "1 pcs" }'),
        ),
    ),
    ("Expected ']' at the end", _UNCLOSED_HEADER),
    ("Expected ']]' at the end", _UNCLOSED_HEADER),
    ("Invalid date", (_("a date is not valid"), _("write dates as YYYY-MM-DD, e.g. as_of = 2026-01-15"))),
    (
        "Invalid statement",
        (
            _("this line is neither key = value nor a [table]"),
            _("write key = value, a [table] name, or a comment after #"),
        ),
    ),
    (
        "Invalid initial character for a key",
        (
            _("a key starts with a character keys cannot start with"),
            _("keys are letters, digits, - and _; a { ... } table must stay on one line"),
        ),
    ),
)


def syntax_problem(error: str, text: str) -> InputError:
    """A TOML syntax error in the user's language, with its line."""
    found = _TOML_POS.search(error)
    line = int(found.group(1)) if found else None
    if line is None and "at end of document" in error:
        line = max(1, len(text.splitlines()))
    reason = _TOML_POS.sub("", error).replace("(at end of document)", "").strip()
    for start, (what, hint) in _REASONS:
        if reason.startswith(start):
            return problem(_("TOML syntax error: {reason}"), hint=hint, hint_params={}, reason=Msg(what)).at(line=line)
    return problem(
        _("TOML syntax error: {reason}"),
        hint=_('text values need quotes (qty = "250 g"), each key once per table, tables as [name]'),
        reason=reason,
    ).at(line=line)


def load(path: Path) -> tuple[dict[str, Any], str]:
    text = read_text(path)
    return parse(text, str(path)), text


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(r'"[^"]*"|\'[^\']*\'|[^.\s]+', key)
    return tuple(p.strip("\"'") for p in parts)


_INDEXES: dict[str, LineIndex] = {}  # text -> line_index: placing 500 warnings
#                                                      in one catalog must not index it 500 times


def line_index(text: str) -> LineIndex:
    """Every table, array-of-tables element and key path -> its (first) line number (read-only)."""
    index = _INDEXES.get(text)
    if index is None:
        if len(_INDEXES) >= 256:
            _INDEXES.clear()
        index = _INDEXES[text] = _line_index(text)
    return index


def _line_index(text: str) -> LineIndex:
    index: LineIndex = {}
    counts: LineIndex = {}
    table: tuple[str | int, ...] = ()
    array: _Array | None = None  # a multi-line array of inline tables being read
    for number, line in enumerate(text.splitlines(), start=1):
        if array is not None:
            array = array.read(line, number, index)
            continue
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("#"):
            path = _split_key(header.group(2))
            if header.group(1) == "[[":
                n = counts.get(path, 0)
                counts[path] = n + 1
                table = path + (n,)
                index.setdefault(path, number)
            else:
                table = _resolve(path, counts)
            index.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key and not line.lstrip().startswith("#"):
            full = table + _split_key(key.group(1))
            index.setdefault(full, number)
            rest = line[key.end() :]
            if rest.lstrip().startswith("["):  # an array: its inline tables are its elements
                array = _Array(full).read(rest, number, index)
            elif "{" in rest:  # keys of an inline table on the same line
                for inner in _INLINE_KEY.finditer(rest):
                    index.setdefault(full + (inner.group(1).strip('"'),), number)
    return index


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


class _Array:
    """An array value, possibly over several lines: ``packs = [`` then ``{ pack = "1 kg", ... },``
    lines; each inline table is element n, placed at its line with its keys."""

    def __init__(self, key: tuple[str | int, ...]) -> None:
        self.key, self.depth, self.count = key, 0, 0

    def read(self, line: str, number: int, index: LineIndex) -> _Array | None:
        plain = _QUOTED.sub('""', line).split("#", 1)[0]
        for part in re.split(r"(?=\{)", plain):
            if part.startswith("{") and self.depth == 1:
                element = (*self.key, self.count)
                index.setdefault(element, number)
                for inner in _INLINE_KEY.finditer(part):
                    index.setdefault((*element, inner.group(1).strip('"')), number)
                self.count += 1
            self.depth += part.count("[") + part.count("{") - part.count("]") - part.count("}")
        return self if self.depth > 0 else None


def _resolve(path: tuple[str, ...], counts: LineIndex) -> tuple[str | int, ...]:
    """``[a.b]`` under ``[[a]]`` refers to the last element of a."""
    out: tuple[str | int, ...] = ()
    for part in path:
        out = out + (part,)
        if out in counts:
            out = out + (counts[out] - 1,)
    return out


def line_of(text: str | None, loc: tuple[str | int, ...], index: LineIndex | None = None) -> int | None:
    """The line of ``loc`` in ``text``, or of its closest enclosing key."""
    if not text:
        return None
    index = index if index is not None else line_index(text)
    for end in range(len(loc), 0, -1):
        if loc[:end] in index:
            return index[loc[:end]]
    return None


def place(err: InputError, path: str, text: str | None, index: LineIndex | None = None) -> InputError:
    """Give a problem its file and, from its location, its line."""
    line = err.line or line_of(text, err.loc, index)
    return err.at(path, line)
