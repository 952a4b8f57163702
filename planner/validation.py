"""Turn pydantic-core's validation errors into the planner's own problems."""

from __future__ import annotations

import typing
from dataclasses import replace
from typing import Any

from pydantic_core import ErrorDetails, ValidationError

from planner.errors import InputError, InputErrors, closest
from planner.records import R, Record
from planner.texts import Msg, _, msg

_TEXT, _TABLE, _DATE, _WHOLE, _NUMBER = _("text"), _("table"), _("date"), _("whole number"), _("number")
_TYPE_NAMES = {
    "string_type": _TEXT,
    "list_type": _("list"),
    "dict_type": _TABLE,
    "model_type": _TABLE,
    "model_attributes_type": _TABLE,
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "int_type": _WHOLE,
    "int_parsing": _WHOLE,
    "bool_type": _("true or false"),
    "decimal_type": _NUMBER,
    "decimal_parsing": _NUMBER,
}


# What to write for a key that is missing, or has a wrong value: an example, never "see README".
EXAMPLES = {
    "name": 'name = "Bingka kentang"',
    "batch": "[batch] with pieces = 8 and minutes = 40",
    "pieces": "pieces = 8",
    "minutes": "minutes = 40",
    "ingredients": '[[ingredients]] with item = "gula-pasir" and qty = "250 g"',
    "item": 'item = "gula-pasir"',
    "recipe": 'recipe = "santan-pandan"',
    "qty": 'qty = "250 g"',
    "pack": 'pack = "1 kg"',
    "price": "price = 14_000",
    "cost": "cost = 1_000",
    "sizes": 'sizes = ["S", "M", "L"]',
    "fabric": '[fabric] with item = "katun-115", width = "115 cm" and need = { M = "1.50 m" }',
    "width": 'width = "115 cm"',
    "need": 'need = { M = "1.50 m" }',
    "operations": '[[operations]] with name = "Jahit" and minutes = 45',
    "make": '[[make]] with product = "../recipes/bingka-kentang.toml" and pieces = 100',
    "product": 'product = "../recipes/bingka-kentang.toml"',
    "life_months": "life_months = 36",
    "equipment_minutes": "equipment_minutes = 45",
    "pieces_per_pack": "pieces_per_pack = 2",
    "items": 'items = [ { item = "mika-kecil", qty = "1 pcs" } ]',
}


def example_hint(key: str) -> Msg:
    """ "add pieces = 8" for a missing key; "add pieces = ..." where no example is known."""
    example = EXAMPLES.get(key)
    if example is None:
        return Msg(_("add {key} = ...: planner schema shows what it holds"), {"key": key})
    return Msg(_("add {example}"), {"example": example})


def validate(model: type[R], data: Any, context: dict[str, Any] | None = None) -> R:
    """Validate ``data`` or raise InputErrors (with locations, not yet lines)."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise InputErrors([convert(e, model) for e in exc.errors()]) from None


def convert(error: ErrorDetails, model: type[Record]) -> InputError:
    loc = tuple(error["loc"])
    kind = error["type"]
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "planner":
        err: InputError = error["ctx"]["err"]
        filled = err.hint if err.hint is None else Msg(err.hint.key, {"key": key, **err.hint.params})
        return replace(err, message=Msg(err.message.key, {"key": key, **err.message.params}), hint=filled).under(*loc)
    if kind == "extra_forbidden":
        known = allowed_keys(model, loc[:-1])
        near = closest(key, known)
        hint = _("did you mean {near}?") if near else _("allowed here: {known}")
        return _problem(_("unknown key '{key}'"), hint, loc, key=key, near=", ".join(near), known=", ".join(known))
    if kind == "missing":
        return InputError(Msg(_("'{key}' is missing"), {"key": key}), example_hint(key), loc=loc)
    if kind == "too_short":
        return _problem(_("'{key}' is empty"), _("add at least one entry"), loc, key=key)
    if kind == "string_too_short":
        return _problem(_("'{key}' is empty"), _("write it between the quotes"), loc, key=key)
    if kind == "literal_error":
        return _problem(
            _("'{key}' cannot be {value}"),
            _("write one of {allowed}"),
            loc,
            key=key,
            value=str(error.get("input")),
            allowed=str(error.get("ctx", {}).get("expected", "")),
        )
    if kind in _TYPE_NAMES:
        return _problem(
            _("'{key}' must be a {expected}, not {value}"),
            _("text is written in quotes, numbers without, dates as 2026-01-15"),
            loc,
            key=key,
            expected=msg(_TYPE_NAMES[kind]),
            value=_short(error.get("input")),
        )
    example = EXAMPLES.get(key)
    return InputError(
        Msg(
            _("'{key}' has a wrong value {value}: {reason}"),
            {"key": key, "reason": error.get("msg", kind), "value": _short(error.get("input"))},
        ),
        Msg(_("write it like {example}"), {"example": example})
        if example
        else Msg(_("planner schema shows what {key} holds"), {"key": key}),
        loc=loc,
    )


def _problem(message: str, hint: str, loc: tuple[str | int, ...], **params: Any) -> InputError:
    """Like errors.problem, which cannot take a parameter called ``key``."""
    return InputError(Msg(message, params), Msg(hint, params), loc=loc)


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def allowed_keys(model: type[Record], loc: tuple[str | int, ...]) -> list[str]:
    """The keys a table at ``loc`` inside ``model`` may hold."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, Record):
        return sorted(f.key for f in current.fields().values())
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Optional / Annotated down to a model class, list or dict type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if args else tp
            if len(args) <= 1:
                continue
            return tp
        else:
            return tp


def _step(tp: Any, part: Any) -> Any:
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if origin in (list, tuple) and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict:
        return typing.get_args(tp)[1]
    if isinstance(tp, type) and issubclass(tp, Record):
        for name, field in tp.fields().items():
            if part in (name, field.alias):
                return field.type
    return None
