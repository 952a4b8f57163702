"""Sentences for people: written in English where they are used, translated when shown.

The code marks every sentence the way gettext does, so ``pybabel extract`` finds
them all (CONTRIBUTING.md, "Messages"): ``_("unknown item '{item}'")`` for a
sentence, ``p_("shopping list", "Item")`` where one English word needs two
translations, ``n_("{count} file", "{count} files")`` where the words depend on a
number. Marking translates nothing: a ``Msg`` keeps the English and its values,
and the edge (planner/i18n.py) translates it into the run's language when it
is shown, so the core never needs to know the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

LANGUAGES = ("id", "en")  # Indonesian first: the default wherever nothing else says


class Text(NamedTuple):
    """A marked sentence that is more than its English: a context, or a plural form."""

    id: str
    context: str | None = None
    plural: str | None = None
    number: str = "count"  # the parameter whose number picks the plural form


Key = str | Text


def _(text: str) -> str:
    """Mark ``text`` for translation (gettext's ``gettext_noop``): it is translated when shown."""
    return text


def p_(context: str, text: str) -> Text:
    """``text`` in a ``context`` (gettext's ``pgettext``): the same English, another translation."""
    return Text(text, context=context)


def n_(singular: str, plural: str, number: str = "count") -> Text:
    """A sentence whose form follows the number in the parameter ``number`` (gettext's ``ngettext``)."""
    return Text(singular, plural=plural, number=number)


@dataclass(frozen=True)
class Msg:
    """A marked sentence and the values to fill into it."""

    key: Key
    params: dict[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, _hashable(v)) for k, v in self.params.items()))))


def _hashable(value: Any) -> Any:
    """The value, or its text when it cannot be hashed (a list, a table, a record holding one)."""
    try:
        hash(value)
    except (TypeError, ValueError):  # ValueError: a signalling NaN
        return repr(value)
    return value


def msg(key: Key, /, **params: Any) -> Msg:
    return Msg(key, params)


@dataclass(frozen=True)
class Cash:
    """A message parameter that is an amount of money (rendered "Rp 3.175")."""

    value: Any


@dataclass(frozen=True)
class Day:
    """A date told short, for a table's narrow column ("16 Des", "16 Dec"): its year is the report's."""

    value: Any


@dataclass(frozen=True)
class Pct:
    """A message parameter that is a share (rendered "20%")."""

    value: Any
