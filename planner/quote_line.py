"""One line of a quote (a size of a pattern, or a recipe's pieces in whole batches) and a price
the producer already charges, judged per line (planner/quoting.py builds both)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.costing import SIXTY, CostLine, CostSheet
from planner.fabric_order import fabric_line, metres_of
from planner.money import ZERO
from planner.units import Quantity


@dataclass(frozen=True)
class QuoteLine:
    """One line of the order: a size of a pattern (or the one line of a pattern without sizes),
    or a recipe's pieces, made in whole batches."""

    size: str | None
    qty: int  # garments of this size, or pieces ordered
    sheet: CostSheet  # one garment (its fabric at the exact metres), or one batch of the recipe
    unit_price: Decimal
    need: Quantity | None = None  # the pattern's fabric need for this size, as written
    bought: CostLine | None = None  # one garment's share of the fabric bought; None: the sheet's fabric line
    batches: int = 0  # a recipe's whole batches; a pattern makes one garment a batch

    @property
    def runs(self) -> int:
        """How many times the sheet is made: batches of a recipe, garments of a pattern."""
        return self.batches if self.sheet.kind == "recipe" else self.qty

    @property
    def fabric(self) -> CostLine | None:
        return fabric_line(self.sheet)

    @property
    def per_garment(self) -> Decimal:
        """Metres of fabric one garment takes: need × (1 + waste) (× width ratio); 0 without fabric."""
        return metres_of(self.sheet)

    @property
    def fabric_cost(self) -> Decimal:
        """The fabric one garment carries in this order."""
        line = self.bought or self.fabric
        return ZERO if line is None else line.cost

    @property
    def lines(self) -> tuple[CostLine, ...]:
        """One garment's cost lines in this order: its fabric line is its share of the fabric bought."""
        bought = self.bought
        if bought is None:
            return self.sheet.lines
        return tuple(bought if line.group == "fabric" else line for line in self.sheet.lines)

    @property
    def other_cost(self) -> Decimal:
        """One garment's (or piece's) HPP without its fabric (materials, labour, overhead, services, packaging)."""
        fabric = self.fabric
        return self.sheet.unit - (ZERO if fabric is None else fabric.cost)

    @property
    def unit_cost(self) -> Decimal:
        """HPP of one garment of this order: the other costs + its share of the fabric bought; a piece's HPP."""
        return self.sheet.unit if self.bought is None else self.other_cost + self.bought.cost

    @property
    def metres(self) -> Decimal:
        """Fabric for all garments of this size: qty × need × (1 + waste) (× width ratio)."""
        return self.qty * self.per_garment

    @property
    def amount(self) -> Decimal:
        return self.qty * self.unit_price

    @property
    def minutes(self) -> Decimal:
        """Labour minutes: garments × a garment's minutes, or batches × a batch's."""
        return self.runs * self.sheet.minutes

    @property
    def equipment_minutes(self) -> Decimal:
        return self.runs * self.sheet.equipment_minutes

    @property
    def made(self) -> Decimal:
        """Pieces the whole batches make (garments: as many as ordered)."""
        return self.runs * self.sheet.sellable

    @property
    def surplus(self) -> Decimal:
        return self.made - self.qty

    @property
    def piece_minutes(self) -> Decimal:
        """Labour minutes of one garment or one sellable piece."""
        return self.sheet.minutes / self.sheet.sellable

    @property
    def piece_labor(self) -> Decimal:
        return self.sheet.total("labor") / self.sheet.sellable


@dataclass(frozen=True)
class PriceCheck:
    """A price the producer already charges, judged per size (or per piece)."""

    size: str | None
    price: Decimal
    cost: Decimal
    labor: Decimal
    minutes: Decimal

    @property
    def profit(self) -> Decimal:
        return self.price - self.cost

    @property
    def other_costs(self) -> Decimal:
        """Everything but the producer's own labour."""
        return self.cost - self.labor

    @property
    def hours(self) -> Decimal:
        return self.minutes / SIXTY

    @property
    def per_hour(self) -> Decimal | None:
        """Earnings per hour of work = (price − non-labour costs) / hours of labour."""
        return None if not self.minutes else (self.price - self.other_costs) / self.hours
