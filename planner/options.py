"""Every value a command line gives, read from its text: numbers, shares, money, ``--set``,
``--change``, sizes, dates, lengths, targets.

One number parser serves them all (``units.parse_number``: ``1,5``, ``1 1/2``,
``2_000``; ``1.500`` refused as ambiguous), and each option says in its own
words what to write instead. Pure functions of text (and the currency's
decimal places or the unit table where a value needs them): the command line
calls them, and so may anyone using planner as a library.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from planner.errors import AmbiguousNumber, InputError, InputErrors, closest, problem
from planner.money import check_size
from planner.texts import LANGUAGES, Msg, Pct, _
from planner.units import UnitTable, format_amount, parse_number, parse_quantity

if TYPE_CHECKING:  # what-if changes are read here, made of scenarios' values (imported only for --change)
    from planner.scenarios import Change, Step

FORMATS = ("table", "json", "csv", "md", "html", "text")
MAX_MARKUP = Decimal(10)
HUNDRED = Decimal(100)
_GROUPED_STEP = re.compile(r"(?:^|,)[+-]?([1-9]\d{0,2},\d{3})(?=,|$)")
_DECIMAL_COMMA = re.compile(r"[+-]\d+,\d+%")  # "+12,5%": a decimal comma where commas separate steps
T = TypeVar("T")


def every(texts: Sequence[str], read: Callable[[str], T]) -> list[T]:
    """``read(text)`` for each text; every problem of every text at once."""
    found: list[T] = []
    problems: list[InputError] = []
    for text in texts:
        try:
            found.append(read(text))
        except InputError as err:
            problems.append(err)
    if problems:
        raise InputErrors(problems)
    return found


def _with_hint(err: InputError, hint: str) -> InputError:
    """A parse error with this option's hint (an ambiguous number's hint already says what to write)."""
    return err if isinstance(err, AmbiguousNumber) else replace(err, hint=Msg(hint))


# ---------------------------------------------------------------- run-wide options


def language(text: str | None) -> str | None:
    """``--lang``: id or en."""
    if text is None or text in LANGUAGES:
        return text
    raise problem(_("unknown language '{lang}'"), hint=_("use one of {known}"), lang=text, known=", ".join(LANGUAGES))


def output_format(text: str, formats: tuple[str, ...] = FORMATS) -> str:
    """``--format``: table, json, csv, md, html (and text for some commands)."""
    if text not in formats:
        raise problem(
            _("unknown format '{format}'"), hint=_("use one of {known}"), format=text, known=", ".join(formats)
        )
    return text


def day(text: str | None) -> date:
    """``--today 2026-12-01``; today when not given."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise problem(
            _("'{text}' is not a date"), hint=_("write it as YYYY-MM-DD, e.g. 2026-12-12"), text=text
        ) from None


# ---------------------------------------------------------------- numbers, shares, money


def number(option: str, text: str, hint: str) -> Decimal:
    """A number given to ``option``; what is not a number names its option."""
    try:
        return parse_number(text)
    except AmbiguousNumber:
        raise
    except InputError:
        raise problem(_("{option} '{text}' is not a number"), hint=hint, option=option, text=text) from None


def share(option: str, text: str | None, *, below_one: bool) -> Decimal | None:
    """``0.4``, ``0,4`` or ``40%`` -> 0.4; a margin must be below 1, a markup below 10 (1000%)."""
    if text is None:
        return None
    raw = text.strip()
    percent = raw.endswith("%")
    value = number(option, raw.rstrip("%").strip(), _("write e.g. {option} 0.4 or {option} 40%")) / (
        HUNDRED if percent else 1
    )
    limit = Decimal(1) if below_one else MAX_MARKUP
    if value < 0 or value >= limit:
        raise problem(
            _("{option} {text} is out of range: it must be at least 0% and below {limit}"),
            hint=_("write a decimal or a percentage: 40% is 0.4 or 40%"),
            option=option,
            text=text,
            limit=Pct(limit),
        )
    return value


_GROUPED = re.compile(r"[1-9]\d{0,2}(\.\d{3})+|[1-9]\d{0,2}(,\d{3})+")


def ungrouped(text: str, places: int) -> str:
    """``85.000`` or ``1,250,000`` as an amount of money in a currency without minor units can
    only mean 85000 and 1250000: its separators go (decision 2). Any other text stays as it is."""
    raw = text.strip().replace("_", "")
    return re.sub(r"[.,]", "", raw) if places == 0 and _GROUPED.fullmatch(raw) else raw


def money(option: str, text: str | None, places: int, currency: str) -> Decimal | None:
    """A non-negative amount given to ``option`` (whole in a currency without cents; 85.000 is 85000)."""
    if text is None:
        return None
    value = number(option, ungrouped(text, places), _("write a whole amount without dots, e.g. {option} 12000"))
    if value < 0:
        raise problem(
            _("{option} cannot be negative ({text})"),
            hint=_("write the amount without a minus sign, e.g. {option} 12000"),
            option=option,
            text=text,
        )
    if value % Decimal(1).scaleb(-places):
        raise problem(
            _("{option} {text} has more decimal places than {currency} uses ({places})"),
            hint=_("write a whole amount without a thousands dot, e.g. 12000"),
            option=option,
            text=text,
            currency=currency,
            places=places,
        )
    return value


def garment_price(text: str | None, places: int) -> Decimal | None:
    """``quote --price 85000``: a positive amount, whole in a currency without cents."""
    if text is None:
        return None
    hint = _("write the price of one garment without Rp or dots, e.g. --price 85000")
    try:
        price = parse_number(ungrouped(text, places))
    except InputError as err:
        raise _with_hint(err, hint) from None
    if price <= 0 or price != round(price, places):
        raise problem(
            _("--price {text} must be an amount above zero, without cents in this currency"), hint=hint, text=text
        )
    return price


def volume(value: int | None) -> int | None:
    """``breakeven --volume``: pieces a month, not below zero."""
    if value is not None and value < 0:
        raise problem(
            _("{option} cannot be negative ({text})"),
            hint=_("write how many pieces you plan to sell a month, e.g. --volume 600"),
            option="--volume",
            text=str(value),
        )
    return value


def price_overrides(texts: list[str] | None, places: int) -> dict[str, Decimal]:
    """``--set gula-pasir=18000`` -> {"gula-pasir": 18000} (whether the item exists is the catalog's to say)."""
    prices: dict[str, Decimal] = {}
    for text in texts or []:
        item_id, sep, value = text.partition("=")
        if not sep or not item_id.strip():
            raise problem(_("--set '{text}' is not ITEM=PRICE"), hint=_("write e.g. --set gula-pasir=18000"), text=text)
        amount = parse_number(value.replace("_", ""))
        if amount < 0 or amount != round(amount, places):
            raise problem(
                _("--set '{text}' needs a whole, non-negative price"),
                hint=_("write e.g. --set gula-pasir=18000"),
                text=text,
            )
        prices[item_id.strip()] = amount
    return prices


# ---------------------------------------------------------------- counts and sizes


def pieces(text: str) -> int:
    """A piece count typed on the command line: a whole number above zero (``1_000`` allowed)."""
    digits = text.strip().replace("_", "")
    if not (digits.isascii() and digits.isdigit()) or Decimal(digits) < 1:  # "²" is a digit to isdigit
        raise problem(
            _("'{value}' is not a number of pieces"),
            hint=_("write a whole number above zero, e.g. pieces = 150 or recipes/bingka.toml=150"),
            value=text,
        )
    return int(check_size(Decimal(digits), text))  # a trillion or more is refused, not read (4,301 digits)


def target(text: str) -> tuple[Path, int]:
    """``recipes/bingka.toml=150`` -> (path, 150)."""
    file, sep, count = text.rpartition("=")
    if not sep or not file:
        raise problem(
            _("'{text}' is neither a plan file nor FILE=N"),
            hint=_("write a recipe and a number of pieces, e.g. recipes/bingka.toml=150"),
            text=text,
        )
    return Path(file), pieces(count)


def factor(text: str) -> Decimal:
    """``scale --factor``: ``1,5``, ``1.5`` or ``1/2``, above zero."""
    try:
        value: Decimal | None = parse_number(text)
    except InputError:
        value = None
    if value is None or value <= 0:
        raise problem(
            _("'{text}' is not a factor above zero"), hint=_("write a number such as 2, 1,5 or 1/2"), text=text
        )
    return value


_COUNT_HINT = _("write how many garments as a whole number, e.g. --size M --qty 10 or --sizes S=5,M=10")
_ORDER_HINT = _("one size: --size M --qty 1; several: --sizes S=5,M=10,L=5")
_SIZES_HINT = _("write each size with its count, separated by commas: --sizes S=5,M=10,L=5")


def garments(text: str, size: str) -> int:
    """A number of garments of one size: a whole number above zero."""
    try:
        count = parse_number(text)
    except InputError:
        raise problem(
            _("size {size}: '{text}' is not a whole number of garments"), hint=_COUNT_HINT, size=size, text=text
        ) from None
    if count != count.to_integral_value():
        raise problem(
            _("size {size}: '{text}' is not a whole number of garments"), hint=_COUNT_HINT, size=size, text=text
        )
    if count <= 0:
        raise problem(
            _("size {size}: {text} garments — the number must be more than zero"),
            hint=_COUNT_HINT,
            size=size,
            text=text,
        )
    return int(count)


def sizes(text: str) -> dict[str, int]:
    """``"S=5,M=10,L=5"`` -> {"S": 5, "M": 10, "L": 5}."""
    order: dict[str, int] = {}
    for part in text.split(","):
        size, sep, count = (p.strip() for p in part.partition("="))
        if not sep or not size or not count:
            raise problem(
                _("--sizes '{text}': '{part}' is not SIZE=COUNT"), hint=_SIZES_HINT, part=part.strip(), text=text
            )
        if size in order:
            raise problem(_("--sizes '{text}' names size {size} twice"), hint=_SIZES_HINT, size=size, text=text)
        order[size] = garments(count, size)
    return order


def order(size: str | None, qty: str | None, sizes_text: str | None) -> dict[str, int]:
    """Sizes and counts from ``--size S --qty N`` or ``--sizes S=5,M=10``."""
    if sizes_text is not None and (size is not None or qty is not None):
        raise problem(_("give either --size with --qty, or --sizes, not both"), hint=_ORDER_HINT)
    if sizes_text is not None:
        return sizes(sizes_text)
    if size is None and qty is None:
        raise problem(_("say which sizes and how many"), hint=_ORDER_HINT)
    if size is None:
        raise problem(_("--qty {qty} needs a --size"), hint=_ORDER_HINT, qty=qty)
    if qty is None:
        raise problem(
            _("--size {size} needs a --qty (how many garments)"), hint=_("write e.g. --size {size} --qty 1"), size=size
        )
    return {size.strip(): garments(qty, size.strip())}


def length(text: str, units: UnitTable) -> Decimal:
    """The customer's fabric, ``"9m"``, ``"9,5 m"`` or ``"900 cm"`` -> metres."""
    hint = _('write how much fabric the customer brings as a length, e.g. 9m, "9,5 m" or 900cm')
    try:
        qty = parse_quantity(text)
    except InputError as err:
        raise _with_hint(err, hint) from None
    if qty.unit not in units:
        lengths = [u for u in units.known() if units.dimension(u) == "length"]
        near = closest(qty.unit.lower(), lengths, 1)
        raise problem(
            _("--customer-fabric {text}: '{unit}' is not a unit of length"),
            hint=_("did you mean {text_near}?") if near else _("write the length in one of {units}, e.g. 25 m"),
            text=text,
            unit=qty.unit,
            text_near=f"{format_amount(qty.amount)} {near[0]}" if near else "",
            units=", ".join(lengths),
        )
    if units.dimension(qty.unit) != "length" or qty.amount <= 0:
        raise problem(_("--customer-fabric {text} is not a length of fabric"), hint=hint, text=text)
    return units.convert(qty, "m")


# ---------------------------------------------------------------- what-if changes


def changes(texts: list[str], places: int) -> list[Change]:
    """Every ``--change``; all problems at once."""
    return every(texts, lambda text: change(text, places))


def change(text: str, places: int) -> Change:
    """``ITEM=STEP[,STEP...]`` -> Change; a malformed one is an error naming what to write."""
    from planner.scenarios import Change

    item, sep, steps = text.partition("=")
    if not sep or not item.strip() or not steps.strip():
        raise problem(
            _("--change '{text}' is not ITEM=CHANGE"),
            hint=_(
                "write e.g. --change gula-pasir=+20%, --change gula-pasir=+20%,+40% (two steps), "
                "--change gula-pasir=18000"
            ),
            text=text,
        )
    grouped = _GROUPED_STEP.search(steps)
    if grouped:  # "18,000": commas separate steps, but this one reads as a thousand (decision 2)
        from planner.units import two_readings

        raise two_readings(grouped.group(1), grouped.group(1), "")
    comma = _DECIMAL_COMMA.search(steps)
    if comma:
        raise problem(
            _("'{step}' in --change {text}: the comma separates steps"),
            hint=_("write decimals with a dot: {dotted}"),
            step=comma.group(0),
            text=text,
            dotted=comma.group(0).replace(",", "."),
        )
    return Change(item.strip(), tuple(step(part.strip(), text, places) for part in steps.split(",")), text)


_STEP_HINT = _(
    "write a share (+20%, -10%), an amount to add to the pack price (+2000, -500) or a new pack price "
    "(18000); steps are separated by commas, so write decimals with a dot: +12.5%"
)


def step(text: str, change_text: str, places: int) -> Step:
    """``+20%``, ``-10%``, ``+2000``, ``-500`` or ``15000`` (decimals with a dot: ``+12.5%``)."""
    from planner.scenarios import Step

    signed = text[:1] in "+-" and text != ""
    percent = text.endswith("%")
    digits = text[1:] if signed else text
    digits = digits[:-1] if percent else digits
    if percent and not signed:
        raise problem(
            _("'{step}' in --change {text} has no sign: a rise or a fall?"),
            hint=_("write +{step} for a rise or -{step} for a fall"),
            step=text,
            text=change_text,
        )
    if not digits.strip() or digits.strip()[:1] in "+-":
        raise problem(
            _("'{step}' in --change {text} is not a price change"), hint=_STEP_HINT, step=text, text=change_text
        )
    try:
        value = parse_number(digits.replace("_", ""))
    except AmbiguousNumber:
        raise
    except InputError:
        raise problem(
            _("'{step}' in --change {text} is not a price change"), hint=_STEP_HINT, step=text, text=change_text
        ) from None
    if text.startswith("-"):
        value = -value
    if percent:
        return Step(text, "percent", value / HUNDRED)
    if value != value.quantize(Decimal(1).scaleb(-places)):
        wrong = (
            _("'{step}' in --change {text} is not a whole amount of money")
            if places == 0
            else _("'{step}' in --change {text} has more than {places} decimal places")
        )
        raise problem(
            wrong,
            hint=_("write an amount of money as prices are written, e.g. 18000 or +2000"),
            step=text,
            text=change_text,
            places=places,
        )
    return Step(text, "amount" if signed else "price", value)
