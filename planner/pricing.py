"""Selling prices: markup and margin, rounding up to a step (see DESIGN.md, Formulas)."""

from __future__ import annotations

from decimal import Decimal

from planner.models import Pricing
from planner.money import ONE, margin_to_markup, round_up


def markup_of(pricing: Pricing) -> Decimal:
    """The markup the settings ask for (a margin converted: m = g / (1 - g)); 0 when neither."""
    if pricing.markup is not None:
        return pricing.markup
    if pricing.margin is not None:
        return margin_to_markup(pricing.margin)
    return Decimal(0)


def target_price(cost: Decimal, pricing: Pricing) -> Decimal:
    """``C × (1 + m)`` — or ``C / (1 − g)`` with a margin — before rounding."""
    if pricing.margin is not None and pricing.markup is None:
        return cost / (ONE - pricing.margin)
    return cost * (ONE + markup_of(pricing))


def list_price(cost: Decimal, pricing: Pricing) -> Decimal:
    """The target price rounded UP to ``round_to`` (never below the target)."""
    return round_up(target_price(cost, pricing), pricing.round_to)
