"""Messages in two languages and locale-aware numbers (the edge, not the core).

Sentences are written in English in the code (planner/texts.py) and translated
from the gettext catalogue compiled into planner/locale/LANG/LC_MESSAGES/planner.mo;
parameters are formatted by type: Cash as money, Pct as a percentage,
Quantity with its unit, Decimal as a locale number, Msg recursively.
"""

from __future__ import annotations

import gettext
import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from planner.errors import InputError, closest, problem
from planner.money import quantize
from planner.texts import Cash, Day, Key, Msg, Pct, _, p_
from planner.units import Quantity

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "planner"
UNIT_NAMES = {"min": p_("unit", "min"), "pcs": p_("unit", "pcs")}


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (planner/locale/LANG/LC_MESSAGES/planner.mo).

    English is the language the code is written in: its sentences need no catalogue."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def template(key: Key, lang: str, params: dict[str, Any]) -> str:
    """The sentence ``key`` in ``lang``: its context and plural form looked up the gettext way."""
    found = translations(lang)
    if isinstance(key, str):
        return found.gettext(key)
    if key.plural is None:
        return found.pgettext(key.context or "", key.id)
    count = params.get(key.number, 0)
    n = int(count) if isinstance(count, (int, Decimal)) and Decimal(count) == int(count) else 2
    if key.context is not None:
        return found.npgettext(key.context, key.id, key.plural, n)
    return found.ngettext(key.id, key.plural, n)


def money_problem(locale: str, currency: str) -> tuple[str, InputError] | None:
    """None when Babel can write money in ``currency`` the way ``locale`` does, else the
    settings key at fault and its problem (with the closest name Babel knows)."""
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    try:
        Locale.parse(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        near = closest(locale, [n for n in locale_identifiers() if "_" in n]) or ["id_ID"]
        return "locale", problem(
            _("unknown locale '{locale}': numbers and money cannot be written in it"),
            hint=_('write a language and a country, e.g. locale = "{near}"'),
            hint_params={"near": near[0]},
            locale=locale,
        )
    from planner.locales import currency_digits

    known = list(currency_digits())
    if currency not in known:
        swapped = [code for code in known if sorted(code) == sorted(currency.upper())]  # IRD -> IDR
        near = swapped + closest(currency, known) + ["IDR"]
        return "currency", problem(
            _("unknown currency '{currency}'"),
            hint=_('write its three-letter ISO code, e.g. currency = "{near}"'),
            hint_params={"near": near[0]},
            currency=currency,
        )
    return None


@cache
def _locale(name: str) -> Any:
    """Babel's Locale for ``name``, holding only the tables numbers and money read
    (planner/locales.py: the whole locale costs 8 ms to load)."""
    from babel import Locale

    from planner.locales import tables

    class Numbers(Locale):
        def __init__(self, parts: list[Any], data: dict[str, Any]) -> None:
            super().__init__(*parts)
            self._numbers = data

        @property
        def _data(self) -> Any:  # where Locale looks its tables up
            return self._numbers

    data = tables(name)
    return Numbers(data["parts"], {**data, "decimal_formats": {None: _pattern(data["decimal"])}})


def tables(name: str) -> dict[str, Any]:
    from planner.locales import tables as of

    return of(name)


@cache
def with_places(pattern: str, places: int) -> str:
    """A number pattern (``#,##0.###``, ``¤#,##0.00``) showing exactly ``places`` decimals."""
    fraction = "." + "0" * places if places else ""
    return ";".join(
        re.sub(r"(?<=0)\.[0#]+|(?<=0)(?=[^0#,.]|$)", fraction, part, count=1) for part in pattern.split(";")
    )


@cache
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
        from planner.render.inert import printable  # (here: planner.render imports this module)

        self.printable = printable  # user text is printed inert: no ESC, BEL, ... (design decision 19)

    # ---- numbers
    # Babel's format_decimal/format_currency parse the locale and the pattern at every
    # call; a table of 1,000 rows formats thousands of cells, so both are parsed once.
    def number(self, value: Decimal | int, places: int = 2) -> str:
        value = Decimal(value)
        shown = quantize(value, places).normalize() if value != value.to_integral_value() else value
        locale = _locale(self.locale)
        text: str = locale.decimal_formats[None].apply(shown, locale, decimal_quantization=False, group_separator=True)
        return text

    def money(self, value: Decimal, symbol: bool = True) -> str:
        """An amount in the currency's places, the way the locale writes money: ``Rp12.500`` in
        id_ID, ``1.234,50 €`` in de_DE, ``$1,234.50`` in en_US; without the symbol, the locale's
        plain number with those places (table cells, whose heading names the currency)."""
        shown = quantize(Decimal(value), self.places)
        locale = _locale(self.locale)
        if not symbol:
            return str(_pattern(with_places(tables(self.locale)["decimal"], self.places)).apply(shown, locale))
        # Babel leaves "¤" when given no currency (given one, it would also look up the
        # currency's name, a table _locale leaves out)
        text = str(_pattern(with_places(tables(self.locale)["currency"], self.places)).apply(shown, locale))
        return text.replace("¤", self.currency_symbol())

    def share(self, value: Decimal) -> str:
        return self.number(Decimal(value) * 100, 1) + "%"

    def qty(self, qty: Quantity) -> str:
        unit = self.unit(qty.unit)
        return f"{self.number(qty.amount, 3)} {unit}"

    def unit(self, unit: str) -> str:
        name = UNIT_NAMES.get(unit)
        return unit if name is None else template(name, self.lang, {})

    def currency_symbol(self) -> str:
        from babel.numbers import get_currency_symbol

        return get_currency_symbol(self.currency, locale=_locale(self.locale))

    def date(self, value: date, *, short: bool = False) -> str:
        from babel.dates import format_date

        return format_date(
            value,
            format="d MMM" if short else "long",
            locale=self.locale if self.lang == "id" or not self.locale.startswith("id") else "en_US",
        )

    # ---- messages
    def value(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Msg):
            return self.text(value)
        if isinstance(value, Cash):
            return "-" if value.value is None else self.money(value.value)
        if isinstance(value, Day):
            return self.date(value.value, short=True)
        if isinstance(value, Pct):
            return self.share(value.value)
        if isinstance(value, Quantity):
            return self.qty(value)
        if isinstance(value, bool):
            return self.text(Msg(_("yes") if value else _("no")))
        if isinstance(value, (Decimal, int)):
            return self.number(value)
        if isinstance(value, date):
            return self.date(value)
        if isinstance(value, (list, tuple)):
            return ", ".join(self.value(v) for v in value)
        return self.printable(str(value))

    def text(self, message: Msg | str) -> str:
        if not isinstance(message, Msg):
            return self.printable(str(message))
        params = {k: self.value(v) for k, v in message.params.items()}
        sentence = template(message.key, self.lang, message.params)
        try:
            return sentence.format(**params)
        except (KeyError, IndexError, ValueError):
            return sentence


def formatter_for(settings: Any, lang: str | None = None) -> Formatter:
    from planner.locales import currency_places

    return Formatter(lang or settings.language, settings.locale, settings.currency, currency_places(settings.currency))
