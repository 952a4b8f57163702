"""Decimal helpers: one way to make a number, round up to a step, and round for
display: each figure on its own, with the rounding that makes a table's shown
parts add up to its shown total told as a line of its own."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from planner.errors import problem
from planner.texts import _

ZERO = Decimal(0)
ONE = Decimal(1)


def D(value: object) -> Decimal:
    """The one place numbers become Decimal. Floats are refused: they are inexact."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)):
        raise TypeError(f"refusing to make money from {type(value).__name__} {value!r}")
    try:
        return Decimal(value)  # type: ignore[arg-type]
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


# Limits on a number the user writes: beyond them it is a typo, and exact
# arithmetic on it would overflow Decimal's 28 digits (or hang on huge exponents).
LARGEST = Decimal(10) ** 12
FINEST_PLACES = 9


def check_size(value: Decimal, text: str) -> Decimal:
    """``value`` if it is a plausible figure; a trillion or more, or more than 9 decimals, is an error."""
    if not value.is_finite() or not value:
        return value
    if abs(value) >= LARGEST:
        raise problem(
            _("{value} is too large to be a real figure"),
            hint=_("numbers must stay below a trillion (1000000000000): check for extra zeros"),
            value=text,
        )
    if int(value.normalize().as_tuple().exponent) < -FINEST_PLACES:
        raise problem(
            _("{value} has more decimal places than any real measure"),
            hint=_("use at most {places} decimal places, or a smaller unit"),
            value=text,
            places=FINEST_PLACES,
        )
    return value


def ceil_div(a: Decimal, b: Decimal) -> int:
    """Smallest integer n with n * b >= a (b > 0)."""
    return int((a / b).to_integral_value(rounding=ROUND_CEILING))


NOISE = Decimal("1e-18")  # of a step: what division leaves past the 28th digit, not a real amount


def round_up(value: Decimal, step: Decimal) -> Decimal:
    """Round ``value`` up to a multiple of ``step`` (a price never falls below its target).

    A value a hair above a multiple only by the noise of dividing ($7.25 × 40 / 60 / 10 × 1,5 =
    0.9500…0001) is that multiple: it is rounded to a billionth of a billionth of a step first."""
    if step <= 0:
        raise ValueError("step must be positive")
    with localcontext() as ctx:
        ctx.prec = 40
        steps = (value / step).quantize(NOISE, rounding=ROUND_HALF_EVEN)
        return int(steps.to_integral_value(rounding=ROUND_CEILING)) * step


def quantize(value: Decimal, places: int) -> Decimal:
    """Half-up rounding to ``places`` decimals: the one rounding done for display."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def shown_parts(
    parts: list[Decimal], places: int, total: Decimal | None = None
) -> tuple[list[Decimal], Decimal, Decimal]:
    """Each part and the total rounded half-up on its own, and the rounding that makes the shown
    parts add up to the shown total (shown in a table as a "pembulatan" line, never hidden by
    moving a unit between parts). ``total`` is the exact total when it is not the parts' sum."""
    shown = [quantize(p, places) for p in parts]
    whole = quantize(sum(parts, ZERO) if total is None else total, places)
    return shown, whole, whole - sum(shown, ZERO)


def markup_to_margin(markup: Decimal) -> Decimal:
    """g = m / (1 + m)."""
    return markup / (ONE + markup)


def margin_to_markup(margin: Decimal) -> Decimal:
    """m = g / (1 - g)."""
    return margin / (ONE - margin)


def largest_remainder(total: Decimal, weights: Sequence[Decimal], places: int) -> list[Decimal]:
    """``total`` (a whole number of units of ``places``) split in proportion to ``weights`` (none
    negative, not all zero) so the parts are whole units and add up to it exactly: each part its
    exact share rounded down, and the units left over one each to the largest remainders (the first
    written first on a tie)."""
    unit = Decimal(1).scaleb(-places)
    whole = sum(weights, ZERO)
    exact = [total * w / whole for w in weights]
    parts = [(e / unit).to_integral_value(rounding=ROUND_FLOOR) * unit for e in exact]
    left = int((total - sum(parts, ZERO)) / unit)
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += unit
    return parts
