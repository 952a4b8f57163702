"""The few tables of a Babel locale that numbers and money read, without loading the locale.

Babel unpickles and merges a whole CLDR locale (root, id, id_ID) the first time
it formats a number, and loads its list of currencies to know one: 13 ms, a
tenth of a small run. ``planner/locale_tables.py`` holds those tables for the
locales planner is mostly used in (a module, so Python keeps it compiled), made
by ``scripts/make_locale_tables.py`` from the Babel version it names; with
another Babel, or another locale, the tables come from Babel itself. Nothing is
ever written at run time.
tests/test_i18n_numbers.py checks both ways format exactly as Babel does.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

TABLES = Path(__file__).parent / "locale_tables.py"
# What Babel reads from a locale to format numbers and money (NumberPattern.apply,
# get_currency_symbol)
KEYS = ("number_symbols", "default_numbering_system", "currency_symbols")
SHIPPED = ("id_ID", "en_US", "en_GB", "ms_MY", "de_DE", "fr_FR", "nl_NL", "en_IN", "ar_EG")


@lru_cache(maxsize=1)
def shipped() -> dict[str, Any]:
    """The kept tables, if they were made by the Babel installed now."""
    from babel import __version__

    from planner import locale_tables

    kept: dict[str, Any] = locale_tables.TABLES
    return kept if kept.get("babel") == __version__ else {}


def tables(name: str) -> dict[str, Any]:
    """``name``'s identity (``parts``), number tables and decimal and currency patterns."""
    found = shipped().get("locales", {}).get(name)
    return found if found is not None else from_babel(name)


def from_babel(name: str) -> dict[str, Any]:
    from babel import Locale

    full = Locale.parse(name)
    data: dict[str, Any] = {key: _plain(full._data[key]) for key in KEYS}
    data["parts"] = [full.language, full.territory, full.script, full.variant]
    data["decimal"] = full.decimal_formats[None].pattern
    data["currency"] = full.currency_formats["standard"].pattern
    return data


def currency_digits() -> dict[str, int]:
    """Every currency Babel knows -> its decimal places (IDR 0, USD 2, KWD 3)."""
    kept = shipped().get("currencies")
    return dict(kept) if kept is not None else _babel_digits()


def _plain(table: Any) -> Any:
    """Babel's nested locale tables (aliases resolved) as plain dicts."""
    if hasattr(table, "items"):
        return {key: _plain(value) for key, value in table.items()}
    return table


def make() -> dict[str, Any]:
    """The file's contents: the shipped locales and every currency, from the Babel installed now."""
    from babel import __version__

    return {
        "babel": __version__,
        "locales": {name: from_babel(name) for name in SHIPPED},
        "currencies": _babel_digits(),
    }


def _babel_digits() -> dict[str, int]:
    """Each currency's decimals for cash (CLDR's cashDigits): what a price is paid in. Older CLDR
    gives the rupiah two digits for accounts but none for cash; the producers planner is for
    deal in cash."""
    from babel.core import get_global
    from babel.numbers import list_currencies

    fractions = get_global("currency_fractions")
    default = fractions["DEFAULT"]
    return {code: int(fractions.get(code, default)[2]) for code in sorted(list_currencies())}


def currency_places(currency: object, default: str = "IDR") -> int:
    """Decimal places of money in ``currency``, as Babel knows them (IDR 0, USD 2, KWD 3); an
    unknown one has the places of ``default`` (its problem is told elsewhere)."""
    digits = currency_digits()
    return digits.get(currency, digits[default]) if isinstance(currency, str) else digits[default]
