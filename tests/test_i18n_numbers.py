"""Numbers and money are formatted from a few Babel locale tables (planner/locales.py),
shipped for the usual locales or read from Babel: either way they must read exactly
as Babel formats them from the whole locale."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_currency, get_currency_symbol, parse_pattern
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import i18n, locales
from planner.i18n import Formatter

LOCALES = ["id_ID", "en_US", "de_DE", "fr_FR", "en_IN", "ms_MY", "ar_EG"]
CURRENCIES = [("IDR", 0), ("USD", 2), ("EUR", 2), ("MYR", 2)]
AMOUNTS = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False)


@pytest.fixture(autouse=True, params=["shipped", "babel"])
def tables(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Each test runs with the tables shipped in planner/locale_tables.py, and with Babel's own."""
    if request.param == "babel":
        monkeypatch.setattr(locales, "shipped", lambda: {})
    forget()
    yield request.param
    forget()


def forget() -> None:
    """Forget the tables read in this process."""
    i18n._locale.cache_clear()


def babel_number(value: Decimal, name: str) -> str:
    full = Locale.parse(name)
    return full.decimal_formats[None].apply(value, full, decimal_quantization=False, group_separator=True)


def expected(fmt: Formatter, value: Decimal) -> dict[str, str]:
    """What Babel itself says, from the whole locale: money in the locale's own currency pattern
    (de_DE 1.234,50 €, id_ID Rp12.500) with the currency's places."""
    shown = i18n.quantize(value, fmt.places)
    number = i18n.quantize(value, 2)
    number = number.normalize() if value != value.to_integral_value() else value
    full = Locale.parse(fmt.locale)
    money = full.currency_formats["standard"].pattern
    return {
        "number": babel_number(number, fmt.locale),
        "money": format_currency(
            shown, fmt.currency, format=i18n.with_places(money, fmt.places), locale=full, currency_digits=False
        ),
        "plain": parse_pattern(i18n.with_places(full.decimal_formats[None].pattern, fmt.places)).apply(shown, full),
        "symbol": get_currency_symbol(fmt.currency, locale=fmt.locale),
    }


def test_money_follows_the_locales_own_pattern() -> None:
    assert Formatter("en", "de_DE", "EUR", 2).money(Decimal("1234.5")) == "1.234,50\xa0€"
    assert Formatter("en", "en_US", "USD", 2).money(Decimal("1234.5")) == "$1,234.50"
    assert Formatter("id", "id_ID", "IDR", 0).money(Decimal("12500")) == "Rp12.500"  # indonesiabaik.id


def shown(fmt: Formatter, value: Decimal) -> dict[str, str]:
    return {
        "number": fmt.number(value),
        "money": fmt.money(value),
        "plain": fmt.money(value, symbol=False),
        "symbol": fmt.currency_symbol(),
    }


@settings(max_examples=60, deadline=None)
@given(value=AMOUNTS, name=st.sampled_from(LOCALES), currency=st.sampled_from(CURRENCIES))
def test_the_tables_format_as_babel_does(value: Decimal, name: str, currency: tuple[str, int]) -> None:
    fmt = Formatter("en", name, currency[0], currency[1])
    assert shown(fmt, value) == expected(fmt, value)


def test_the_shipped_tables_are_what_babel_says_now() -> None:
    """Made by scripts/make_locale_tables.py; a Babel upgrade makes them unused until they are made again."""
    from babel import __version__

    from planner.locale_tables import TABLES as kept

    if kept["babel"] != __version__:
        pytest.skip(f"tables made with Babel {kept['babel']}, installed {__version__}: Babel's own are used")
    assert kept == locales.make()
    assert set(kept["locales"]) == set(locales.SHIPPED) and "id_ID" in kept["locales"]


def test_money_and_numbers_read_as_in_indonesian() -> None:
    fmt = Formatter("id", "id_ID", "IDR", 0)
    assert fmt.money(Decimal(12_700)) == "Rp12.700"
    assert fmt.money(Decimal(-3_175_000)) == "-Rp3.175.000"
    assert fmt.number(Decimal("1234.5")) == "1.234,5"


def test_currency_places_come_from_babel() -> None:
    digits = locales.currency_digits()
    assert (digits["IDR"], digits["USD"], digits["KWD"], digits["JPY"]) == (0, 2, 3, 0)
