"""Reading a TOML file the user wrote, and finding the line a problem is on.

tomllib does not keep line numbers for values, so ``line_of`` scans the text:
it maps every table header and key to its line and picks the longest match
of a location such as ``("ingredients", 2, "qty")``.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.errors import InputError, MissingFile, problem
from planner.texts import _, msg

LineIndex = dict[tuple[str | int, ...], int]  # a location inside a file -> its line
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_\-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""  # bare, "quoted" (any letters) or 'literal'
_KEY = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_INLINE_KEY = re.compile(r"([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


MAX_BYTES = 4 * 1024 * 1024  # the largest file read: a 5,000-item catalog is about 1 MB
MAX_NESTING = 32  # tables and lists inside each other: planner's own files need 4


def read_text(path: Path) -> str:
    """The file's text (a UTF-8 BOM dropped), or an InputError naming what is wrong with the file.

    Only a regular file of at most MAX_BYTES is read: a FIFO, a device (``/dev/zero``) or a
    socket is refused without waiting on it, as is anything larger."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise problem(
            _("the file is not UTF-8 text (byte {byte})"),
            hint=_("save the file as UTF-8 in your editor"),
            byte=f"0x{raw[exc.start]:02x}",
        ).at(str(path), line) from None
    return text.removeprefix("\ufeff")  # Notepad's byte order mark


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; opening never blocks (a FIFO)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        found = problem(
            _("file not found"),
            hint=_("check the path '{file}'; paths inside a file are relative to that file"),
            file=str(path),
        )
        raise MissingFile(found.message, found.hint, str(path)) from None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError) or _is_dir(path):  # Windows cannot open a folder
            raise _folder(path) from None
        raise _unreadable(path, exc) from None
    except ValueError:  # a NUL character in the name
        raise problem(
            _("cannot read the file: {reason}"),
            hint=_("check that '{file}' exists and that you may read it"),
            file=str(path).replace("\0", "\\0"),
            reason=msg(_("its name holds a character no file name can hold")),
        ).at(str(path).replace("\0", "\\0")) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _folder(path)
        if not stat.S_ISREG(info.st_mode):
            raise problem(
                _("this is not a file but a device, a pipe or a socket: it is not read"),
                hint=_("name a .toml file saved on disk"),
            ).at(str(path))
        raw = _read_at_most(fd, MAX_BYTES + 1) if info.st_size <= MAX_BYTES else b""
    except OSError as exc:
        raise _unreadable(path, exc) from None
    finally:
        os.close(fd)
    if info.st_size > MAX_BYTES or len(raw) > MAX_BYTES:
        raise problem(
            _("the file is larger than {limit}, the largest file planner reads"),
            hint=_("a recipe, a plan or a catalog is far smaller: check that this is the right file"),
            limit="4 MB",
        ).at(str(path))
    return raw


def _read_at_most(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _folder(path: Path) -> InputError:
    return problem(_("this is a folder, not a file"), hint=_("name a .toml file inside '{file}'"), file=str(path)).at(
        str(path)
    )


def _unreadable(path: Path, exc: OSError) -> InputError:
    return problem(
        _("cannot read the file: {reason}"),
        hint=_("check that '{file}' exists and that you may read it"),
        file=str(path),
        reason=exc.strerror or str(exc),
    ).at(str(path))


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
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        from planner.tomlhints import syntax_problem

        raise syntax_problem(str(exc), text).at(path) from None
    except RecursionError:
        raise too_deep().at(path, _deep_line(text)) from None
    except (ValueError, ArithmeticError):  # thousands of digits, or an exponent beyond Decimal's range
        raise problem(
            _("a number here is far too long to be a real figure"),
            hint=_("numbers must stay below a trillion (1000000000000): check for extra zeros"),
        ).at(path, _huge_line(text)) from None
    deep = _too_deep(data)
    if deep is not None:
        lines = [line for loc, line in line_index(text).items() if loc[: len(deep)] == deep]
        raise too_deep().at(path, min(lines, default=None) or line_of(text, deep))
    return data


def too_deep() -> InputError:
    return problem(
        _("tables or lists are nested more than {limit} levels deep here"),
        hint=_("planner's files nest a few levels at most: check the [table.names] and brackets"),
        limit=MAX_NESTING,
    )


def _too_deep(data: dict[str, Any]) -> tuple[str | int, ...] | None:
    """The first place nested deeper than MAX_NESTING (walked without recursion), or None."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            return _deep_place(data)
        inner = value.values() if isinstance(value, dict) else value
        stack.extend((v, depth + 1) for v in inner if isinstance(v, (dict, list)))
    return None


def _deep_place(data: dict[str, Any]) -> tuple[str | int, ...]:
    """Where the nesting passes MAX_NESTING: the keys and indexes down to it."""
    value: Any = data
    loc: tuple[str | int, ...] = ()
    while len(loc) <= MAX_NESTING:
        inner = value.items() if isinstance(value, dict) else enumerate(value)
        key, value = next(
            (k, v) for k, v in inner if isinstance(v, (dict, list)) and _depth(v) >= MAX_NESTING - len(loc)
        )
        loc = (*loc, key)
    return loc


def _depth(value: Any) -> int:
    """How deep ``value`` nests (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        found, depth = stack.pop()
        deepest = max(deepest, depth)
        inner = found.values() if isinstance(found, dict) else found
        stack.extend((v, depth + 1) for v in inner if isinstance(v, (dict, list)))
    return deepest


_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')
_HUGE_NUMBER = re.compile(r"[0-9a-fA-F_]{1000,}|[eE][+-]?[0-9_]{6,}")


def _blanked(text: str) -> str:
    """``text`` with strings and comments blanked out (newlines kept), to search for values."""
    return _STRINGS.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _huge_line(text: str) -> int | None:
    """The line of the number too long to read (not a long text or comment before it)."""
    found = _HUGE_NUMBER.search(_blanked(text)) or _HUGE_NUMBER.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _deep_line(text: str) -> int | None:
    """The line where brackets (strings and comments left out) open more than MAX_NESTING deep."""
    depth = 0
    for line, row in enumerate(_blanked(text).split("\n"), start=1):
        for char in row:
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_NESTING:
                return line
    return None


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


_MULTILINE = re.compile(r'"""[\s\S]*?"""(?!")|\'\'\'[\s\S]*?\'\'\'(?!\')|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')


def _without_long_strings(text: str) -> str:
    """``text`` with the inside of multi-line strings blanked (lines kept): a line in one is no key."""

    def blank(found: re.Match[str]) -> str:
        value = found.group()
        return re.sub(r"[^\n]", " ", value) if value[:3] in ('"""', "'''") else value

    return _MULTILINE.sub(blank, text) if ('"""' in text or "'''" in text) else text


def _line_index(text: str) -> LineIndex:
    index: LineIndex = {}
    counts: LineIndex = {}
    table: tuple[str | int, ...] = ()
    array: _Array | None = None  # a multi-line array of inline tables being read
    for number, line in enumerate(_without_long_strings(text).split("\n"), start=1):  # TOML's lines
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
