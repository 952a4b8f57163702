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

from planner.errors import InputError, Msg, problem

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_INLINE_KEY = re.compile(r"([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


def read_text(path: Path) -> str:
    """The file's text, or an InputError naming what is wrong with the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise problem("file-missing", hint="file-missing-hint", file=str(path)).at(str(path)) from None
    except IsADirectoryError:
        raise problem("file-is-folder", hint="file-is-folder-hint", file=str(path)).at(str(path)) from None
    except OSError as exc:
        raise problem("file-unreadable", hint="file-unreadable-hint", file=str(path),
                      reason=exc.strerror or str(exc)).at(str(path)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise problem("not-utf8", hint="not-utf8-hint", byte=f"0x{raw[exc.start]:02x}").at(str(path), line) from None


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
        raise problem("toml-syntax", hint="toml-syntax-hint", reason="nested too deeply").at(path) from None
    except (ValueError, ArithmeticError):  # thousands of digits, or an exponent beyond Decimal's range
        huge = _HUGE_NUMBER.search(text)
        line = text.count("\n", 0, huge.start()) + 1 if huge else None
        raise problem("toml-huge-number", hint="number-too-large-hint").at(path, line) from None


_HUGE_NUMBER = re.compile(r"[0-9_]{1000,}|[eE][+-]?[0-9_]{6,}")


# tomllib's reasons (English) -> our message keys; each key has a "-hint" too.
_REASONS = (
    ("Invalid value", "toml.invalid-value"),
    ("Cannot overwrite a value", "toml.key-twice"),
    ("Duplicate inline table key", "toml.key-twice"),
    ("Cannot declare", "toml.table-twice"),
    ("Expected '=' after a key", "toml.expected-equals"),
    ("Expected newline or end of document", "toml.one-per-line"),
    ("Unterminated string", "toml.unclosed-string"),
    ("Illegal character '\\n'", "toml.unclosed-string"),
    ("Unclosed array", "toml.unclosed-array"),
    ("Unclosed inline table", "toml.unclosed-inline-table"),
    ("Expected ']' at the end", "toml.unclosed-header"),
    ("Expected ']]' at the end", "toml.unclosed-header"),
    ("Invalid date", "toml.invalid-date"),
    ("Invalid statement", "toml.invalid-statement"),
    ("Invalid initial character for a key", "toml.bad-key"),
)


def syntax_problem(error: str, text: str) -> InputError:
    """A TOML syntax error in the user's language, with its line."""
    found = _TOML_POS.search(error)
    line = int(found.group(1)) if found else None
    if line is None and "at end of document" in error:
        line = max(1, len(text.splitlines()))
    reason = _TOML_POS.sub("", error).replace("(at end of document)", "").strip()
    for start, key in _REASONS:
        if reason.startswith(start):
            return problem("toml-syntax", hint=f"{key}-hint", hint_params={},
                           reason=Msg(key)).at(line=line)
    return problem("toml-syntax", hint="toml-syntax-hint", reason=reason).at(line=line)


def load(path: Path) -> tuple[dict[str, Any], str]:
    text = read_text(path)
    return parse(text, str(path)), text


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(r'"[^"]*"|\'[^\']*\'|[^.\s]+', key)
    return tuple(p.strip("\"'") for p in parts)


_INDEXES: dict[str, dict[tuple[str | int, ...], int]] = {}  # text -> line_index: placing 500 warnings
#                                                      in one catalog must not index it 500 times


def line_index(text: str) -> dict[tuple[str | int, ...], int]:
    """Every table, array-of-tables element and key path -> its (first) line number (read-only)."""
    index = _INDEXES.get(text)
    if index is None:
        if len(_INDEXES) >= 256:
            _INDEXES.clear()
        index = _INDEXES[text] = _line_index(text)
    return index


def _line_index(text: str) -> dict[tuple[str | int, ...], int]:
    index: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str | int, ...], int] = {}
    table: tuple[str | int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
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
            rest = line[key.end():]
            if "{" in rest:  # keys of an inline table on the same line
                for inner in _INLINE_KEY.finditer(rest):
                    index.setdefault(full + (inner.group(1).strip('"'),), number)
    return index


def _resolve(path: tuple[str, ...], counts: dict) -> tuple[str | int, ...]:
    """``[a.b]`` under ``[[a]]`` refers to the last element of a."""
    out: tuple[str | int, ...] = ()
    for part in path:
        out = out + (part,)
        if out in counts:
            out = out + (counts[out] - 1,)
    return out


def line_of(text: str | None, loc: tuple[str | int, ...],
            index: dict | None = None) -> int | None:
    """The line of ``loc`` in ``text``, or of its closest enclosing key."""
    if not text:
        return None
    index = index if index is not None else line_index(text)
    for end in range(len(loc), 0, -1):
        if loc[:end] in index:
            return index[loc[:end]]
    return None


def place(err: InputError, path: str, text: str | None, index: dict | None = None) -> InputError:
    """Give a problem its file and, from its location, its line."""
    line = err.line or line_of(text, err.loc, index)
    return err.at(path, line)
