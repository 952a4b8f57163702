"""Output is inert (design decision 19): user text can never drive a terminal, a spreadsheet or a page.

A name in a file may hold anything: ``"\\x1b]0;pwned\\x07"`` (an OSC escape that retitles the
terminal, or worse), ``=HYPERLINK("http://…")`` (a formula a spreadsheet runs when the CSV is
opened), ``<img onerror=…>`` or a newline (a Markdown heading broken in two). Each renderer passes
user text through one of these:

- ``printable``: control characters (C0 but tab and newline, DEL, C1: ESC, BEL, CR, …) become
  U+FFFD. Formatter.value applies it to every value it turns into text, and the CLI's streams
  apply it to everything written, except the styles rich draws for a terminal.
- ``csv_cell`` / ``CsvWriter``: a cell starting with ``= + - @``, a tab or CR gets a leading ``'``
  (OWASP, "CSV Injection"); plain numbers, negative ones too, stay numbers.
- ``markdown``: HTML escaped, one line (a newline becomes a space), ``|`` escaped for tables.
- ``json_text``: DEL and C1 written as ``\\u`` escapes (json.dumps already escapes C0), so the
  data stays exact.

HTML stays autoescaped by jinja2.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

REPLACEMENT = "\ufffd"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_CONTROL = re.compile("[\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline replaced by U+FFFD."""
    return _CONTROL.sub(REPLACEMENT, text) if _CONTROL.search(text) else text


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run: a formula start gets a leading ``'``."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class CsvWriter:
    """A ``csv.writer`` whose rows go through ``csv_cell``."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[str]) -> Any:
        return self._writer.writerow([csv_cell(cell) for cell in row])


def markdown(text: str) -> str:
    """User text for Markdown: HTML escaped, on one line, ``|`` escaped (tables)."""
    one_line = " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
    return html.escape(one_line, quote=False).replace("|", "\\|")


def json_text(text: str) -> str:
    """JSON text with DEL and C1 characters escaped as ``\\u00XX`` (the same data, inert)."""
    return _JSON_CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
