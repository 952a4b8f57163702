"""Field types for the file models: quantities, money and shares, each checked
with a message that says what to write instead (never a silent guess)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ValidationInfo

from planner.errors import InputError, problem
from planner.money import check_size
from planner.records import Check
from planner.texts import Msg, _, msg
from planner.units import Quantity, check_positive, parse_quantity


def _wrap(err: InputError) -> PydanticCustomError:
    """Carry our own problem through pydantic so the loader can place it."""
    return PydanticCustomError("planner", "{key}", {"key": err.message.key, "err": err})


def _fail(key: str, hint: str, **params: Any) -> PydanticCustomError:
    """A problem of a value, as pydantic raises it (``key`` a marked sentence)."""
    return _wrap(problem(key, hint=hint, **params))


def _quantity(value: Any, *, allow_zero: bool = False) -> Quantity:
    if isinstance(value, Quantity):
        return value
    try:
        return check_positive(parse_quantity(value), allow_zero=allow_zero)
    except InputError as err:
        raise _wrap(err) from None


def _money(value: Any, info: ValidationInfo) -> Decimal:
    places = (info.context or {}).get("places", 0)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _wrap(
            problem(
                _("'{key}' must be an amount of money, not {value}"),
                hint=_("write it without quotes or Rp, e.g. 12_700"),
                value=str(value),
            )
        )
    amount = Decimal(value)
    if not amount.is_finite():
        raise _wrap(problem(_("{value} is not a usable number"), hint=_("write an ordinary number"), value=str(value)))
    if isinstance(value, Decimal) and int(value.as_tuple().exponent) < -places:
        raise _wrap(_fractional_money(value, places))
    if amount < 0:
        raise _wrap(
            problem(
                _("'{key}' = {value}: an amount of money cannot be negative"),
                hint=_("write the amount without a minus sign"),
                value=str(value),
            )
        )
    return _sized(amount, value)


def _fractional_money(value: Decimal, places: int) -> InputError:
    digits = -value.as_tuple().exponent  # type: ignore[operator]
    if places == 0 and digits == 3:
        thousands = str(value).replace(".", "")
        return problem(
            _("'{key}' = {value} is read as {whole}: TOML takes the dot as a decimal point"),
            hint=_("write {plain} or {underscored}"),
            value=str(value),
            whole=str(int(value)),
            plain=thousands.lstrip("0") or "0",
            underscored=f"{int(value):,}_{str(value).split('.')[1]}".replace(",", "_"),
        )
    if places == 0:
        lower = value.to_integral_value(rounding="ROUND_FLOOR")
        return problem(
            _("'{key}' = {value}: amounts in this currency are whole numbers"),
            hint=_("write {lower} or {upper}"),
            value=str(value),
            lower=str(lower),
            upper=str(lower + 1),
        )
    return problem(
        _("'{key}' = {value} has more than {places} decimals"),
        hint=_("round it to a whole amount"),
        value=str(value),
        places=places,
    )


def _number(
    value: Any, lo: Decimal | None, hi: Decimal | None, lo_open: bool, hi_open: bool, integer: bool
) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _wrap(_not_a_number(value))
    amount = Decimal(value)
    if not amount.is_finite():
        raise _wrap(problem(_("{value} is not a usable number"), hint=_("write an ordinary number"), value=str(value)))
    if integer and amount != amount.to_integral_value():
        raise _wrap(
            problem(
                _("'{key}' = {value} must be a whole number"),
                hint=_("write it without a decimal point"),
                value=str(value),
            )
        )
    too_low = lo is not None and (amount < lo or (lo_open and amount == lo))
    too_high = hi is not None and (amount > hi or (hi_open and amount == hi))
    if too_low or too_high:
        share = lo == 0 and hi == 1
        raise _wrap(
            problem(
                _("'{key}' = {value} is outside the allowed range: {range}"),
                hint=_("shares are written as decimals: 20% is 0.2") if share else _("write a number in that range"),
                hint_params={},
                value=str(value),
                range=_range(lo, hi, lo_open, hi_open),
            )
        )
    amount = _sized(amount, value)
    return int(amount) if integer else amount


def _sized(amount: Decimal, value: Any) -> Decimal:
    """Refuse figures too large or too fine to be real (they would overflow the arithmetic)."""
    try:
        return check_size(amount, str(value))
    except InputError as err:
        raise _wrap(err) from None


def _range(lo: Decimal | None, hi: Decimal | None, lo_open: bool, hi_open: bool) -> Msg:
    """The allowed range in words: "0 to less than 1", "more than 0"."""
    if hi is None:
        return msg(_("more than {lo}") if lo_open else _("{lo} or more"), lo=str(lo))
    words = {
        (False, False): _("{lo} to {hi}"),
        (False, True): _("{lo} to less than {hi}"),
        (True, False): _("more than {lo}, up to {hi}"),
        (True, True): _("more than {lo} and less than {hi}"),
    }
    return msg(words[lo_open, hi_open], lo=str(lo), hi=str(hi))


def _not_a_number(value: Any) -> InputError:
    """Quoted numbers are the usual slip: say so, and show it without quotes."""
    if isinstance(value, str):
        try:
            plain = str(Decimal(value.strip().replace(",", ".").replace("_", "")))
            return problem(
                _("'{key}' must be a number, not {value}"),
                hint=_("leave out the quotes: {plain}"),
                hint_params={"plain": plain},
                value=f'"{value}"',
            )
        except ArithmeticError:
            pass
        return problem(
            _("'{key}' must be a number, not {value}"),
            hint=_("write a number without quotes, e.g. 8 or 0.2"),
            value=f'"{value}"',
        )
    return problem(
        _("'{key}' must be a number, not {value}"),
        hint=_("write a number without quotes, e.g. 8 or 0.2"),
        value=str(value),
    )


def in_range(
    lo: float | int | None = None,
    hi: float | int | None = None,
    *,
    lo_open: bool = False,
    hi_open: bool = False,
    integer: bool = False,
) -> Check:
    """``Annotated`` metadata: a number (whole with ``integer``) checked against a range."""
    lo_d = None if lo is None else Decimal(str(lo))
    hi_d = None if hi is None else Decimal(str(hi))
    schema: dict[str, Any] = {"type": "integer" if integer else "number"}
    if lo_d is not None:
        schema["exclusiveMinimum" if lo_open else "minimum"] = lo
    if hi_d is not None:
        schema["exclusiveMaximum" if hi_open else "maximum"] = hi
    return Check(lambda v: _number(v, lo_d, hi_d, lo_open, hi_open, integer), schema)


_QTY_SCHEMA = {
    "type": "string",
    "pattern": r"^\s*[0-9½¼¾⅓⅔][0-9.,_/ ½¼¾⅓⅔]*\s*[A-Za-z][A-Za-z0-9_-]*\s*$",
    "description": 'A number and a unit, e.g. "250 g", "1,5 kg", "3 butir", "2 sdm"',
}

Qty = Annotated[Quantity, Check(_quantity, _QTY_SCHEMA)]
Stock = Annotated[Quantity, Check(lambda v: _quantity(v, allow_zero=True), _QTY_SCHEMA)]
MONEY_SCHEMA = {
    "type": "integer",
    "minimum": 0,
    "description": "Whole amount of money, e.g. 12_700 (no decimal point in IDR)",
}
Money = Annotated[Decimal, Check(_money, MONEY_SCHEMA, info=True)]
Share = Annotated[Decimal, in_range(0, 1)]  # 0 ≤ x ≤ 1
OpenShare = Annotated[Decimal, in_range(0, 1, hi_open=True)]  # 0 ≤ x < 1
UsableShare = Annotated[Decimal, in_range(0, 1, lo_open=True)]  # 0 < x ≤ 1
NonNegative = Annotated[Decimal, in_range(0)]
Positive = Annotated[Decimal, in_range(0, lo_open=True)]
PositiveInt = Annotated[int, in_range(1, integer=True)]


def _pieces(value: Any) -> int:
    """A count of pieces to make: a whole number above zero, said in words about pieces."""
    ok = (
        not isinstance(value, bool)
        and isinstance(value, (int, Decimal))
        and Decimal(value).is_finite()
        and Decimal(value) == Decimal(value).to_integral_value()
        and value >= 1
    )
    if not ok:
        raise _wrap(
            problem(
                _("'{value}' is not a number of pieces"),
                hint=_("write a whole number above zero, e.g. pieces = 150 or recipes/bingka.toml=150"),
                value=str(value),
            )
        )
    return int(_sized(Decimal(value), value))


Pieces = Annotated[int, Check(_pieces, {"type": "integer", "minimum": 1})]
