"""Report values: computed once by a command, rendered by every format.

A Report holds tables for people (table, csv, md, html) and ``data`` for
machines (the JSON contract of docs/design.md, already made of JSON types).
Headings and labels are message keys, so every format speaks the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.errors import InputError
from planner.money import quantize
from planner.texts import Key, Msg, Text, _, n_
from planner.units import Quantity, format_amount

# Counted words, said as the number asks (gettext plurals): msg(DAYS, count=n)
DAYS = n_("{count} day", "{count} days")
CALENDAR_DAYS = n_("{count} calendar day", "{count} calendar days")
WORKING_DAYS = n_("{count} working day", "{count} working days")
WORKERS = n_("{count} worker", "{count} workers")
GARMENTS = n_("{count} garment", "{count} garments")
PIECES = n_("{count} piece", "{count} pieces")
BATCHES = n_("{count} batch", "{count} batches")
ORDERS = n_("{count} order", "{count} orders")


ROUNDING = _("Rounding")  # the line that makes shown parts add up to their shown total


def rounding_row(amount: Decimal, width: int, at: int) -> list[Row]:
    """A "Rounding" row with ``amount`` in column ``at``, when there is anything to round."""
    if not amount:
        return []
    cells: list[Any] = [None] * width
    cells[0], cells[at] = Msg(ROUNDING), amount
    return [Row(tuple(cells))]


def counted(phrase: Text, count: int) -> Msg:
    """``count`` with its word: "1 day", "3 days"."""
    return Msg(phrase, {"count": count})


COLUMN_KINDS = ("text", "money", "qty", "share", "number", "int", "bar", "date")


@dataclass(frozen=True)
class Column:
    key: Key  # the heading, a marked sentence: _("Item")
    kind: str = "text"  # one of COLUMN_KINDS
    values: tuple[tuple[str, Any], ...] = ()  # the heading's values: Column(_("Sold: {channel}"), values=...)


@dataclass(frozen=True)
class Figure:
    """A cell that reads as words for people ("59 pieces a month") and is a number for machines:
    CSV gets ``value`` (a plain decimal), every other format ``text``."""

    value: Decimal | int | None
    text: Msg


@dataclass(frozen=True)
class Row:
    cells: tuple[Any, ...]
    style: str = ""  # "" | "group" | "subtotal" | "total"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    title: Msg | None = None


@dataclass(frozen=True)
class Chart:
    """A chart for the HTML page: bars or lines over labels."""

    kind: str  # "bar" | "stacked" | "line" | "pie"
    title: Msg
    labels: tuple[Any, ...]
    series: tuple[tuple[Msg, tuple[Decimal, ...]], ...]
    values: str = "money"  # a Column kind: how values are shown ("money", "number", "int", "share")
    x_title: Msg | None = None  # axis titles (line and bar charts)
    y_title: Msg | None = None


@dataclass(frozen=True)
class Report:
    command: str
    title: Any  # Msg or a product name
    tables: tuple[Table, ...]
    data: Any  # JSON-ready object (dict) per the contract
    notes: tuple[InputError | Msg, ...] = ()
    subtitle: Any = None
    charts: tuple[Chart, ...] = ()
    explain: tuple[Msg, ...] = ()  # shown with --explain
    message: tuple[Msg, ...] = ()  # a short plain-text message (--format text), e.g. a chat quote
    audience: str = "maker"  # "customer": a page to hand over (no maker's footer), e.g. a quote --for customer
    business: str = ""  # whose report it is, when one run holds several businesses' (a class's sheets)


# ---- JSON helpers: the contract's shapes, built from exact values


def money_json(value: Decimal | None) -> str | None:
    """Money as a two-place decimal string ("3175.00", never "-0.00"); None stays null."""
    if value is None:
        return None
    shown = quantize(value, 2)
    return str(shown if shown else abs(shown))


def share_json(value: Decimal | None) -> str | None:
    """A share as a decimal string ("0.35"), at most four places."""
    if value is None:
        return None
    return format_amount(quantize(value, 4))


def number_json(value: Decimal | None, places: int = 2) -> str | None:
    return None if value is None else format_amount(quantize(value, places))


def qty_json(qty: Quantity | None, places: int = 4) -> dict[str, Any] | None:
    if qty is None:
        return None
    return {"amount": format_amount(quantize(qty.amount, places)), "unit": qty.unit}
