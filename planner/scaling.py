"""Scaling a recipe by a factor K, in the recipe's own units (grams stay grams, butir stay butir).

Everything a batch holds is multiplied by K: pieces, output, hands-on and equipment
minutes, ingredient and overhead quantities, plain overhead amounts. Packaging is
per pack of pieces, so it follows the pieces by itself and is left as written.
``--pieces N`` asks for N pieces fit to sell: ``K = N / sellable``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.errors import InputError, warning
from planner.models import Item, Recipe
from planner.money import quantize
from planner.texts import _
from planner.units import Quantity, format_amount, parse_quantity

WRITE_PLACES = 4  # quantities written to a scaled file: at most four decimals


@dataclass(frozen=True)
class ScaledLine:
    group: str  # "ingredients" | "overhead" | "time"
    item: str  # catalog id, sub-recipe reference, or a plain name
    label: Any  # what people read
    qty: Any  # Quantity, or a plain amount of money
    scaled: Any
    hands_on: bool = False  # the recipe's own minutes (an equipment may be called "minutes" too)


@dataclass(frozen=True)
class Scaling:
    product: str
    file: str
    factor: Decimal
    pieces: Decimal
    sellable: Decimal
    lines: tuple[ScaledLine, ...]

    @property
    def scaled_pieces(self) -> Decimal:
        return self.pieces * self.factor

    @property
    def scaled_sellable(self) -> Decimal:
        return self.sellable * self.factor


def factor_for_pieces(pieces: int, sellable: Decimal) -> Decimal:
    """``K = N / sellable``: the batch that gives N pieces fit to sell."""
    return Decimal(pieces) / sellable


def scale_recipe(
    recipe: Recipe, file: str, factor: Decimal, catalog: Mapping[str, Item], sub_names: Mapping[str, str]
) -> Scaling:
    """What to weigh for K batches' worth in one batch, line by line."""
    lines = []
    for ing in recipe.ingredients:
        ref = ing.item or ing.recipe or ""
        label = _label(ing.item, catalog) if ing.item else sub_names.get(ref, ref)
        lines.append(ScaledLine("ingredients", ref, label, ing.qty, ing.qty.scaled(factor)))
    for oh in recipe.overhead:
        if oh.item is not None and oh.qty is not None:
            lines.append(ScaledLine("overhead", oh.item, _label(oh.item, catalog), oh.qty, oh.qty.scaled(factor)))
        elif oh.cost is not None:
            lines.append(ScaledLine("overhead", oh.name or "-", oh.name or "-", oh.cost, oh.cost * factor))
    batch = recipe.batch
    minutes = batch.minutes if batch.minutes is not None else Decimal(0)
    lines.append(
        ScaledLine("time", "minutes", "minutes", Quantity(minutes, "min"), Quantity(minutes * factor, "min"), True)
    )
    if batch.equipment:
        lines.append(
            ScaledLine(
                "time",
                batch.equipment,
                batch.equipment,
                Quantity(batch.equipment_minutes, "min"),
                Quantity(batch.equipment_minutes * factor, "min"),
            )
        )
    sellable = batch.pieces * (1 - batch.loss)
    return Scaling(recipe.name, file, factor, batch.pieces, sellable, tuple(lines))


def _label(item_id: str, catalog: Mapping[str, Item]) -> str:
    item = catalog.get(item_id)
    return item.label(item_id) if item else item_id


# ---------------------------------------------------------------- the file written by -o


def scaled_recipe_data(
    data: Mapping[str, Any], factor: Decimal, places: int, rebase: Callable[[str], str] = lambda ref: ref
) -> tuple[dict[str, Any], list[InputError]]:
    """The recipe's own TOML data with every per-batch amount times ``factor``.

    Sub-recipe references go through ``rebase`` (the new file may live elsewhere).
    Plain money amounts are rounded to the currency's places; each rounding is a note.
    """
    notes: list[InputError] = []
    out = dict(data)
    batch = dict(data["batch"])
    for key in ("pieces", "minutes", "equipment_minutes"):
        if key in batch:
            batch[key] = written_number(Decimal(batch[key]) * factor)
    if "output" in batch:
        batch["output"] = scaled_text(batch["output"], factor)
    out["batch"] = batch
    out["ingredients"] = [_scaled_entry(e, factor, rebase) for e in data["ingredients"]]
    if "overhead" in data:
        out["overhead"] = [_scaled_overhead(e, factor, places, notes) for e in data["overhead"]]
    return out, notes


def _scaled_entry(entry: Mapping[str, Any], factor: Decimal, rebase: Callable[[str], str]) -> dict[str, Any]:
    new = dict(entry)
    new["qty"] = scaled_text(entry["qty"], factor)
    if "recipe" in new:
        new["recipe"] = rebase(new["recipe"])
    return new


def _scaled_overhead(entry: Mapping[str, Any], factor: Decimal, places: int, notes: list[InputError]) -> dict[str, Any]:
    new = dict(entry)
    if "qty" in new:
        new["qty"] = scaled_text(entry["qty"], factor)
    if "cost" in new:
        exact = Decimal(entry["cost"]) * factor
        rounded = quantize(exact, places)
        if rounded != exact:
            notes.append(
                warning(
                    _("the plain amount '{name}' × factor is {exact}; written as {rounded}"),
                    hint=_("money is written in whole units of the currency; adjust it by hand if needed"),
                    name=entry.get("name", "-"),
                    exact=exact.normalize(),
                    rounded=rounded,
                )
            )
        new["cost"] = written_number(rounded)
    return new


def scaled_text(text: str, factor: Decimal) -> str:
    """``"3 butir"`` × 1,5 -> ``"4,5 butir"`` (decimal comma: never read as thousands)."""
    qty = parse_quantity(text)
    return quantity_text(Quantity(quantize(qty.amount * factor, WRITE_PLACES), qty.unit))


def quantity_text(qty: Quantity) -> str:
    """``Quantity(1.25, "kg")`` -> ``"1,25 kg"``, written so it reads one way only: ``1,125`` could be
    a thousand and a quarter (decision 2), so three decimals after a whole part get a fourth,
    ``"1,1250 kg"``, the same amount."""
    text = format_amount(qty.amount).replace(".", ",")
    whole, comma, fraction = text.partition(",")
    if comma and len(fraction) == 3 and whole.lstrip("-") not in ("", "0"):
        text += "0"
    return f"{text} {qty.unit}"


def written_number(value: Decimal) -> int | Decimal:
    """A whole number as an int (``pieces = 12``), else a short decimal."""
    value = quantize(value, WRITE_PLACES)
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
