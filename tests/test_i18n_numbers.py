"""Numbers and money are formatted from a kept copy of a few Babel locale tables
(planner/i18n.py ``_locale``): they must read exactly as Babel formats them from
the whole locale, when the copy is first made and when it is read back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import format_currency, get_currency_symbol, parse_pattern
from hypothesis import given, settings, strategies as st

from planner import i18n
from planner.i18n import Formatter

LOCALES = ["id_ID", "en_US", "de_DE", "fr_FR", "en_IN", "ms_MY", "ar_EG"]
CURRENCIES = [("IDR", 0), ("USD", 2), ("EUR", 2), ("MYR", 2)]
AMOUNTS = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False)


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each test starts with no kept locale data, in its own folder."""
    monkeypatch.setattr(i18n, "CACHE", tmp_path / "cache")
    forget()
    yield
    forget()


def forget() -> None:
    """Forget the tables read in this process (the kept copy stays)."""
    i18n._locale.cache_clear()
    i18n._number_tables.cache_clear()


def babel_number(value: Decimal, name: str) -> str:
    full = Locale.parse(name)
    return full.decimal_formats[None].apply(value, full, decimal_quantization=False, group_separator=True)


def expected(fmt: Formatter, value: Decimal) -> dict[str, str]:
    """What Babel itself says, from the whole locale."""
    digits = "." + "0" * fmt.places if fmt.places else ""
    shown = i18n.quantize(value, fmt.places)
    number = i18n.quantize(value, 2)
    number = number.normalize() if value != value.to_integral_value() else value
    return {
        "number": babel_number(number, fmt.locale),
        "money": format_currency(shown, fmt.currency, format="¤ #,##0" + digits, locale=fmt.locale,
                                 currency_digits=False),
        "plain": parse_pattern("#,##0" + digits).apply(shown, Locale.parse(fmt.locale)),
        "symbol": get_currency_symbol(fmt.currency, locale=fmt.locale),
    }


def shown(fmt: Formatter, value: Decimal) -> dict[str, str]:
    return {"number": fmt.number(value), "money": fmt.money(value), "plain": fmt.money(value, symbol=False),
            "symbol": fmt.currency_symbol()}


@settings(max_examples=60, deadline=None)
@given(value=AMOUNTS, name=st.sampled_from(LOCALES), currency=st.sampled_from(CURRENCIES))
def test_kept_locale_data_formats_as_babel_does(value: Decimal, name: str, currency: tuple[str, int]) -> None:
    fmt = Formatter("en", name, currency[0], currency[1])
    assert shown(fmt, value) == expected(fmt, value)      # the copy just made
    forget()
    assert shown(fmt, value) == expected(fmt, value)      # the copy read back


def test_the_copy_is_kept_and_read_back() -> None:
    fmt = Formatter("id", "id_ID", "IDR", 0)
    assert fmt.money(Decimal(12_700)) == "Rp 12.700"
    (kept,) = i18n.CACHE.glob("numbers.id_ID.babel-*.marshal")
    forget()
    assert fmt.money(Decimal(-3_175_000)) == "-Rp 3.175.000"
    assert kept.stat().st_size < 20_000        # a few tables, not the whole locale


def test_an_unwritable_cache_still_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(i18n, "CACHE", blocked / "cache")
    assert Formatter("en", "en_US", "USD", 2).money(Decimal("1234.5")) == "$ 1,234.50"


def test_a_damaged_copy_is_made_again() -> None:
    Formatter("id", "id_ID").number(Decimal(1))
    (kept,) = i18n.CACHE.glob("numbers.id_ID.*")
    kept.write_bytes(b"\x00garbage")
    forget()
    assert Formatter("id", "id_ID").number(Decimal("1234.5")) == "1.234,5"


def test_the_copy_is_readable_by_every_user_like_a_pyc() -> None:
    Formatter("id", "id_ID").number(Decimal(1))
    (kept,) = i18n.CACHE.glob("numbers.id_ID.*")
    assert kept.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_no_temporary_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(i18n.os, "replace", full_disk)
    assert Formatter("id", "id_ID").number(Decimal("1234.5")) == "1.234,5"
    assert list(i18n.CACHE.iterdir()) == []
