"""A TOML syntax error told in the user's words, with the exact fix for what Indonesians write.

tomllib says where it stopped and why, in English ("Expected newline or end of document"); the
user wrote ``loss = 0,05``, ``minutes = 60 menit``, ``loss = 5%``, ``price = 14,000``, a value in
the curly quotes a phone keyboard types, or pasted a chat message into a table. Each of those gets
the line to write instead (decision 3); other errors get tomllib's reason in plain words.
"""

from __future__ import annotations

import re

from planner.errors import InputError, problem
from planner.texts import Msg, _

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=\s*(.*?)\s*$")
_DECIMAL_COMMA = re.compile(r"^(-?\d+),(\d+)$")
_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(?:,\d{3})+$")
_PERCENT = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*%$")
_NUMBER_AND_WORD = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*([^\W\d_][\w ]*)$")
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})
_CHAT = re.compile(r"^\[?\d{1,2}[./:-]\d{1,2}(?:[./-]\d{2,4})?[ ,]|^[^=\[#]*\b\w+:\s|^[^=\[#]*\s\S+\s\S+\s\S+\s")
# keys whose value is a quantity with its unit, written in quotes
QUANTITY_KEYS = frozenset(("qty", "pack", "output", "width", "step", "piece", "length", "need"))

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


def _comment_free(value: str) -> str:
    """A value without a trailing comment (a # outside quotes)."""
    quoted = False
    for i, char in enumerate(value):
        if char == '"':
            quoted = not quoted
        elif char == "#" and not quoted:
            return value[:i].rstrip()
    return value


def _number(text: str) -> str:
    return text.replace(",", ".")


def value_fix(line: str) -> tuple[str, str, dict[str, str]] | None:
    """(what is wrong, what to write, their values) for the Indonesian ways of writing a value."""
    if any(q in line for q in "\u201c\u201d\u201e\u2018\u2019"):
        return (
            _("a text is in curly quotes (\u201c \u201d), which TOML does not read"),
            _("use straight quotes: {fixed}"),
            {"fixed": line.strip().translate(_CURLY)},
        )
    found = _ASSIGNMENT.match(line)
    if found is None:
        return None
    key, value = found.group(1), _comment_free(found.group(2))
    if _THOUSANDS.match(value):
        plain = value.replace(",", "")
        return (
            _("a comma cannot group the thousands of a number"),
            _("write {key} = {plain} or {key} = {grouped}"),
            {"key": key, "plain": plain, "grouped": value.replace(",", "_")},
        )
    if _DECIMAL_COMMA.match(value):
        return (
            _("a number has a decimal comma"),
            _("write {key} = {fixed}: numbers in the file take a decimal point"),
            {"key": key, "fixed": _number(value)},
        )
    percent = _PERCENT.match(value)
    if percent:
        share = _share(_number(percent.group(1)))
        return (
            _("a share is written with %"),
            _("write {key} = {fixed}: a share is a fraction, {percent} is {fixed}"),
            {"key": key, "fixed": share, "percent": percent.group(1) + "%"},
        )
    unit = _NUMBER_AND_WORD.match(value)
    if unit:
        if key.strip('"') in QUANTITY_KEYS:
            return (
                _("a quantity is not in quotes"),
                _('write {key} = "{value}"'),
                {"key": key, "value": value},
            )
        return (
            _("a number is followed by a word ({word})"),
            _("write {key} = {fixed}: the number alone"),
            {"key": key, "fixed": _number(unit.group(1)), "word": unit.group(2)},
        )
    return None


def _share(percent: str) -> str:
    """``"5"`` -> ``"0.05"``, ``"12.5"`` -> ``"0.125"``: exact, as the file should hold it."""
    from decimal import Decimal

    text = format(Decimal(percent) / 100, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _line(text: str, number: int | None) -> str:
    lines = text.split("\n")
    return lines[number - 1] if number is not None and 0 < number <= len(lines) else ""


def syntax_problem(error: str, text: str) -> InputError:
    """A TOML syntax error in the user's language, with its line and, where it is one of the
    usual mistakes, the exact line to write."""
    found = _TOML_POS.search(error)
    line = int(found.group(1)) if found else None
    if line is None and "at end of document" in error:
        line = max(1, text.count("\n") + (not text.endswith("\n")))
    written = _line(text, line)
    reason = _TOML_POS.sub("", error).replace("(at end of document)", "").strip()
    fix = value_fix(written)
    if fix is not None:
        what, hint, values = fix
        return problem(what, hint=hint, hint_params=values, **values).at(line=line)
    if reason.startswith(("Cannot overwrite a value", "Duplicate inline table key")):
        key = _ASSIGNMENT.match(written)
        if key is not None:
            return problem(
                _("the key '{name}' is written twice in the same table"),
                hint=_("keep one of the two lines with {name} ="),
                name=key.group(1),
            ).at(line=line)
    if "=" not in written and not written.lstrip().startswith(("#", "[[")) and _CHAT.search(written.strip() + " "):
        return problem(
            _("this line looks like text pasted from a chat, not key = value"),
            hint=_('make it a comment with # in front, or keep it as notes = "..."'),
        ).at(line=line)
    for start, (what, hint) in _REASONS:
        if reason.startswith(start):
            return problem(_("TOML syntax error: {reason}"), hint=hint, hint_params={}, reason=Msg(what)).at(line=line)
    return problem(
        _("TOML syntax error: {reason}"),
        hint=_('text values need quotes (qty = "250 g"), each key once per table, tables as [name]'),
        reason=reason,
    ).at(line=line)
