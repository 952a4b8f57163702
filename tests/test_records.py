"""Records (planner/records.py): the file models' base, checked by pydantic-core."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Literal

import pytest
from pydantic_core import ValidationError

from planner.fields import Money, Qty
from planner.records import Record, after, field
from planner.units import Quantity


class Part(Record):
    qty: Qty
    note: str = ""


class Thing(Record):
    name: str = field(min_length=1)
    price: Money = Decimal(0)
    kind: Literal["a", "b"] = "a"
    when: date | None = None
    parts: list[Part] = []
    extra: dict[str, Qty] = {}
    yield_: int = field(default=1, alias="yield")

    @after
    def _named_not_x(self) -> Thing:
        if self.name == "x":
            raise ValueError("x is not a name")
        return self


def errors(data: dict) -> list[tuple[str, tuple]]:
    with pytest.raises(ValidationError) as caught:
        Thing.model_validate(data, context={"places": 0})
    return [(e["type"], e["loc"]) for e in caught.value.errors()]


def test_fields_are_checked_and_converted() -> None:
    thing = Thing.model_validate(
        {"name": "kue", "price": 12_700, "parts": [{"qty": "250 g"}], "when": date(2026, 1, 2), "yield": 3},
        context={"places": 0},
    )
    assert thing.price == Decimal(12_700) and thing.parts[0].qty == Quantity(Decimal(250), "g")
    assert (thing.kind, thing.when, thing.yield_, thing.extra) == ("a", date(2026, 1, 2), 3, {})


def test_pydantic_core_reports_each_problem_with_its_place() -> None:
    found = errors({"name": "", "kind": "c", "parts": [{"qty": "250 g", "colour": "red"}], "size": 1})
    assert found == [
        ("string_too_short", ("name",)),
        ("literal_error", ("kind",)),
        ("extra_forbidden", ("parts", 0, "colour")),
        ("extra_forbidden", ("size",)),
    ]
    assert errors({"price": 1}) == [("missing", ("name",))]


def test_a_check_across_fields_runs_once_the_fields_are_valid() -> None:
    assert errors({"name": "x"})[0][0] == "value_error"


def test_the_alias_and_the_name_are_both_accepted() -> None:
    assert Thing(name="a", yield_=2).yield_ == Thing(name="a", **{"yield": 2}).yield_ == 2


def test_records_are_frozen_values() -> None:
    a, b = Thing(name="kue"), Thing(name="kue")
    assert a == b and hash(Part(qty="1 g")) == hash(Part(qty="1 g"))
    with pytest.raises(AttributeError):
        a.name = "roti"  # type: ignore[misc]
    assert a != Thing(name="roti")


def test_copy_changes_only_what_it_is_told() -> None:
    thing = Thing(name="kue", price=Decimal(5))
    changed = thing.copy({"price": Decimal(7)})
    assert (changed.name, changed.price, thing.price) == ("kue", Decimal(7), Decimal(5))
    assert copy.deepcopy(thing) == thing


def test_mutable_defaults_are_not_shared() -> None:
    assert Thing(name="a").parts is not Thing(name="b").parts


def test_a_record_inherits_its_parents_fields() -> None:
    class Priced(Part):
        price: Money

    priced = Priced.model_validate({"qty": "1 kg", "price": 500}, context={"places": 0})
    assert (priced.qty, priced.price, priced.note) == (Quantity(Decimal(1), "kg"), Decimal(500), "")


def test_a_field_type_without_a_schema_is_a_programming_error() -> None:
    class Odd(Record):
        value: complex

    with pytest.raises(TypeError, match="no schema"):
        Odd(value=1j)
