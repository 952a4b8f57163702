"""The cheapest mix of packs that covers a need: the one shopping function every list uses.

A warung sells telur by the kilo and by the butir, mika by a hundred and by ten. Buying
``short`` (in the item's purchase packs, its largest size) is a small integer problem:
minimise ``Σ n_k × price_k`` subject to ``Σ n_k × size_k ≥ short``, ``n_k`` whole. With the
usual two to four sizes an exact search is quick (no solver):

- the size with the lowest price per unit (ties: the larger) buys the bulk; the count of
  every other size is searched;
- another size k is never bought ``lcm(size_k, size_e) / size_k`` times or more: that many
  make a whole number of the cheapest-per-unit size e, which costs no more (so a cheapest
  mix exists within these bounds), nor more often than it alone would cover ``short``;
- a branch stops when what it has spent plus the rest at the best unit price is more than
  the cheapest mix found.

Of mixes that cost the same, the one buying less (less left over), then fewer packs, wins.
Sizes and prices are exact (Decimal, searched as fractions): 4 × 250 g covers 1 kg exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import ceil, gcd

from planner.money import ZERO
from planner.units import Quantity


@dataclass(frozen=True)
class Offer:
    """One size on sale: ``size`` as the catalog writes it, ``amount`` of the item's purchase
    packs it holds (1 for the largest size, 0.25 for 250 g of a 1 kg item), its price."""

    size: Quantity
    amount: Decimal
    price: Decimal


@dataclass(frozen=True)
class Mix:
    """Whole packs bought: each size with its count, largest first, only sizes bought."""

    parts: tuple[tuple[Offer, int], ...] = ()

    @property
    def packs(self) -> int:
        return sum(n for _offer, n in self.parts)

    @property
    def amount(self) -> Decimal:
        """Purchase packs bought (in units of the item's largest size)."""
        return sum((offer.amount * n for offer, n in self.parts), ZERO)

    @property
    def spend(self) -> Decimal:
        return sum((offer.price * n for offer, n in self.parts), ZERO)


NOTHING = Mix()


def cheapest_mix(short: Decimal, offers: Sequence[Offer]) -> Mix:
    """The cheapest whole packs of ``offers`` whose amounts add up to at least ``short``."""
    if short <= 0 or not offers:
        return NOTHING
    if len(offers) == 1:
        return _mix(offers, [ceil(Fraction(short) / Fraction(offers[0].amount))])
    need = Fraction(short)
    sizes = [Fraction(o.amount) for o in offers]
    prices = [Fraction(o.price) for o in offers]
    best_at = min(range(len(offers)), key=lambda k: (prices[k] / sizes[k], -sizes[k]))
    others = [k for k in range(len(offers)) if k != best_at]
    bounds = [min(_replaced_after(sizes[k], sizes[best_at]) - 1, ceil(need / sizes[k])) for k in others]
    rate = prices[best_at] / sizes[best_at]
    found: list[tuple[tuple[Fraction, Fraction, int], list[int]]] = []

    def search(depth: int, counts: list[int], spent: Fraction, covered: Fraction) -> None:
        rest = max(Fraction(0), need - covered)
        if found and spent + rest * rate > found[0][0][0]:
            return
        if depth == len(others):
            n_best = ceil(rest / sizes[best_at])
            key = (spent + n_best * prices[best_at], covered + n_best * sizes[best_at], sum(counts) + n_best)
            if not found or key < found[0][0]:
                found[:] = [(key, [*counts, n_best])]
            return
        k = others[depth]
        for n in range(bounds[depth] + 1):
            search(depth + 1, [*counts, n], spent + n * prices[k], covered + n * sizes[k])
            if covered + n * sizes[k] >= need:
                break  # more of this size only adds to what is spent

    search(0, [], Fraction(0), Fraction(0))
    chosen = found[0][1]
    counts = [0] * len(offers)
    for k, n in zip([*others, best_at], chosen):
        counts[k] = n
    return _mix(offers, counts)


def _replaced_after(size: Fraction, best: Fraction) -> int:
    """How many of ``size`` make a whole number of ``best``: lcm(size, best) / size."""
    denominator = size.denominator * best.denominator // gcd(size.denominator, best.denominator)
    a, b = int(size * denominator), int(best * denominator)
    return b // gcd(a, b)


def _mix(offers: Sequence[Offer], counts: Sequence[int]) -> Mix:
    parts = sorted(((o, n) for o, n in zip(offers, counts) if n), key=lambda part: -part[0].amount)
    return Mix(tuple(parts))
