"""The settings the book reads (docs/design-book.md): consignment shops, the group's members, how
the group shares its profit, and how far targets look back.

They are tables of planner.toml like the others (``Settings`` holds them); they live here because
they are about what happened and who shares it, not about costing.
"""

from __future__ import annotations

from decimal import Decimal

from planner.errors import problem
from planner.fields import OpenShare, PositiveInt, Share, _wrap
from planner.records import Record, after, field
from planner.texts import _


class Shop(Record):
    """A consignment partner (titip jual): whose channel's price and commission apply."""

    name: str = field(min_length=1)
    channel: str = field(default="titip", min_length=1)
    commission: OpenShare | None = None  # this shop's own share of the shelf price
    note: str = ""


class Member(Record):
    """A member of the group (KUBE): puts in capital and works hours."""

    name: str = field(min_length=1)
    note: str = ""


class Group(Record):
    """How the group's profit is shared (SHU): a reserve first, the rest by capital and by work."""

    reserve: Share = Decimal("0.25")
    by_capital: Share = Decimal("0.40")
    by_work: Share = Decimal("0.60")

    @after
    def _shares_add_up(self) -> Group:
        if self.by_capital + self.by_work != 1:
            raise _wrap(
                problem(
                    _("by_capital {capital} and by_work {work} must add up to 1"),
                    hint=_("the rest after the reserve is shared by capital and by work, e.g. 0.4 and 0.6"),
                    capital=str(self.by_capital),
                    work=str(self.by_work),
                ).under("by_work")
            )
        return self


class Targets(Record):
    history: PositiveInt = 8  # how many past same weekdays a target looks at
