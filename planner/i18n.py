"""Messages in two languages and locale-aware numbers (the edge, not the core).

Every sentence lives in ``messages/*.toml`` as ``["key"] en = "..." id = "..."``;
parameters are formatted by type: Cash as money, Pct as a percentage,
Quantity with its unit, Decimal as a locale number, Msg recursively.
"""

from __future__ import annotations

import marshal
import os
import sys
import tomllib
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from planner.errors import Cash, InputError, Msg, Pct, closest, problem
from planner.money import quantize
from planner.units import Quantity

LANGUAGES = ("id", "en")
MESSAGES = Path(__file__).parent / "messages"
CACHE = MESSAGES / "__pycache__"  # derived data kept between runs, like .pyc files


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """All messages: key -> {language: template}.

    Parsing the TOML takes longer than the rest of a small run's start-up, so the
    merged catalog is kept in ``messages/__pycache__`` (like a .pyc), stamped with
    each file's name, size and time; any change to the files rebuilds it."""
    files = sorted(MESSAGES.glob("*.toml"))
    stamp = tuple((p.name, st.st_mtime_ns, st.st_size) for p, st in ((p, p.stat()) for p in files))
    cache = CACHE / f"catalog.{sys.implementation.cache_tag}.marshal"
    try:
        kept_stamp, merged = marshal.loads(cache.read_bytes())
        if kept_stamp == stamp:
            return merged
    except (OSError, EOFError, ValueError, TypeError):
        pass
    merged = _merge(files)
    _keep(cache, (stamp, merged))
    return merged


def _merge(files: list[Path]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in files:
        with path.open("rb") as handle:
            for key, entry in tomllib.load(handle).items():
                if key in merged:
                    raise RuntimeError(f"message {key!r} defined twice ({path.name})")
                merged[key] = entry
    return merged


def _keep(cache: Path, value: object) -> None:
    """Write the cache atomically and readable by every user, like a .pyc; a read-only
    install simply goes without it, and a failed write leaves no temporary file."""
    import tempfile

    tmp = None
    try:
        cache.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=cache.name, dir=cache.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.chmod(tmp, 0o644)
        os.replace(tmp, cache)
    except OSError:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def money_problem(locale: str, currency: str) -> tuple[str, InputError] | None:
    """None when Babel can write money in ``currency`` the way ``locale`` does, else the
    settings key at fault and its problem (with the closest name Babel knows)."""
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    try:
        Locale.parse(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        near = closest(locale, [n for n in locale_identifiers() if "_" in n]) or ["id_ID"]
        return "locale", problem("unknown-locale", hint="unknown-locale-hint", hint_params={"near": near[0]},
                                 locale=locale)
    known = _number_tables(locale)[1]["currencies"]
    if currency not in known:
        swapped = [code for code in known if sorted(code) == sorted(currency.upper())]  # IRD -> IDR
        near = swapped + closest(currency, known) + ["IDR"]
        return "currency", problem("unknown-currency", hint="unknown-currency-hint",
                                   hint_params={"near": near[0]}, currency=currency)
    return None


# What Babel reads from a locale to format numbers and money (NumberPattern.apply,
# get_currency_symbol); tests/test_i18n_numbers.py checks the kept copy formats alike.
_NUMBER_KEYS = ("number_symbols", "default_numbering_system", "currency_symbols")


@lru_cache(maxsize=None)
def _locale(name: str) -> Any:
    """Babel's Locale for ``name``, holding only the tables numbers and money read.

    Babel unpickles and merges a whole CLDR locale (root, id, id_ID) the first
    time it formats a number: 8 ms, a fifth of a small run."""
    from babel import Locale

    class Numbers(Locale):
        def __init__(self, parts: list, data: dict) -> None:
            super().__init__(*parts)
            self._numbers = data

        @property
        def _data(self) -> Any:  # where Locale looks its tables up
            return self._numbers

    parts, data = _number_tables(name)
    return Numbers(parts, {**data, "decimal_formats": {None: _pattern(data["decimal_formats"][None])}})


@lru_cache(maxsize=None)
def _number_tables(name: str) -> tuple[list, dict]:
    """The locale's identity and number tables, and the currencies Babel knows, kept per
    Babel version in ``CACHE`` (Babel's list of currencies alone takes 3 ms to load)."""
    from babel import Locale, __version__
    from babel.numbers import list_currencies

    safe = "".join(c if c.isalnum() or c == "_" else "-" for c in name)  # a file name, whatever the settings say
    cache = CACHE / f"numbers.{safe}.babel-{__version__}.marshal"
    try:
        parts, data = marshal.loads(cache.read_bytes())
        if isinstance(data["decimal_formats"][None], str) and data["currencies"]:
            return parts, data
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        pass
    full = Locale.parse(name)
    parts = [full.language, full.territory, full.script, full.variant]
    data = {key: _plain(full._data[key]) for key in _NUMBER_KEYS}
    data["decimal_formats"] = {None: full.decimal_formats[None].pattern}
    data["currencies"] = sorted(list_currencies())
    _keep(cache, (parts, data))
    return parts, data


def _plain(table: Any) -> Any:
    """Babel's nested locale tables (aliases resolved) as plain dicts marshal can keep."""
    if hasattr(table, "items"):
        return {key: _plain(value) for key, value in table.items()}
    return table


@lru_cache(maxsize=None)
def _pattern(pattern: str) -> Any:
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


class Formatter:
    """Turns values and messages into text for one language and locale."""

    def __init__(self, lang: str = "id", locale: str = "id_ID", currency: str = "IDR", places: int = 0):
        self.lang = lang
        self.locale = locale
        self.currency = currency
        self.places = places

    # ---- numbers
    # Babel's format_decimal/format_currency parse the locale and the pattern at every
    # call; a table of 1,000 rows formats thousands of cells, so both are parsed once.
    def number(self, value: Decimal | int, places: int = 2) -> str:
        value = Decimal(value)
        shown = quantize(value, places).normalize() if value != value.to_integral_value() else value
        locale = _locale(self.locale)
        return locale.decimal_formats[None].apply(shown, locale, decimal_quantization=False,
                                                  group_separator=True)

    def money(self, value: Decimal, symbol: bool = True) -> str:
        shown = quantize(Decimal(value), self.places)
        digits = "." + "0" * self.places if self.places else ""
        if not symbol:
            return _pattern("#,##0" + digits).apply(shown, _locale(self.locale))
        # Babel leaves "¤" when given no currency (given one, it would also look up the
        # currency's name, a table _locale leaves out)
        text = _pattern("¤ #,##0" + digits).apply(shown, _locale(self.locale))
        return text.replace("¤", self.currency_symbol())

    def share(self, value: Decimal) -> str:
        return self.number(Decimal(value) * 100, 1) + "%"

    def qty(self, qty: Quantity) -> str:
        unit = self.unit(qty.unit)
        return f"{self.number(qty.amount, 3)} {unit}"

    def unit(self, unit: str) -> str:
        entry = catalog().get(f"unit.{unit}")
        return entry[self.lang] if entry else unit

    def currency_symbol(self) -> str:
        from babel.numbers import get_currency_symbol

        return get_currency_symbol(self.currency, locale=_locale(self.locale))

    def date(self, value: date) -> str:
        from babel.dates import format_date

        return format_date(value, format="long", locale=self.locale if self.lang == "id" or
                           not self.locale.startswith("id") else "en_US")

    # ---- messages
    def value(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Msg):
            return self.text(value)
        if isinstance(value, Cash):
            return "-" if value.value is None else self.money(value.value)
        if isinstance(value, Pct):
            return self.share(value.value)
        if isinstance(value, Quantity):
            return self.qty(value)
        if isinstance(value, bool):
            return self.text(Msg("word.yes" if value else "word.no"))
        if isinstance(value, (Decimal, int)):
            return self.number(value)
        if isinstance(value, date):
            return self.date(value)
        if isinstance(value, (list, tuple)):
            return ", ".join(self.value(v) for v in value)
        return str(value)

    def text(self, message: Msg | str) -> str:
        if not isinstance(message, Msg):
            return str(message)
        entry = catalog().get(message.key)
        if entry is None:
            return message.key
        template = entry.get(self.lang) or entry.get("en") or message.key
        params = {k: self.value(v) for k, v in message.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


def formatter_for(settings: Any, lang: str | None = None) -> Formatter:
    from planner.money import minor_places

    return Formatter(lang or settings.language, settings.locale, settings.currency,
                     minor_places(settings.currency))
