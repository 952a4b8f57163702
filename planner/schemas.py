"""JSON Schemas of the files the user writes, generated from the models in
planner/models.py, so an editor (Taplo / Even Better TOML) checks and completes
settings, catalog, recipe, pattern and plan files while they are typed.

The schemas say draft-07, the newest draft Taplo's validator reads. TOML has no
null, so optional fields are simply absent; defaults are shown as TOML would
write them (numbers, not strings).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from planner.book.records import BookFile
from planner.fields import MONEY_SCHEMA
from planner.models import Item, Pattern, Plan, Recipe
from planner.records import Record
from planner.settings import Settings
from planner.units import Quantity

DIALECT = "http://json-schema.org/draft-07/schema#"
KINDS = ("settings", "catalog", "recipe", "pattern", "plan", "book")
MODELS: dict[str, type[Record]] = {
    "settings": Settings,
    "catalog": Item,
    "recipe": Recipe,
    "pattern": Pattern,
    "plan": Plan,
    "book": BookFile,
}
TITLES = {
    "settings": ("planner settings", "planner.toml: currency, language, labour, pricing, channels, fixed costs"),
    "catalog": ("planner catalog", "prices.toml: one table per item id, e.g. [tepung-terigu] with pack and price"),
    "recipe": ("planner recipe", "A recipe: [batch], [[ingredients]], [[overhead]], [packaging]"),
    "pattern": (
        "planner sewing pattern",
        "A pattern: sizes, [fabric], [[materials]], [[operations]], [[services]]; permak: no [fabric]",
    ),
    "plan": ("planner production plan", "A plan: [[make]] products and pieces (or sizes), opening [stock]"),
    "book": (
        "planner book",
        "A book: [[made]], [[sold]], [[titip]], [[bought]], [[spent]], [[capital]], [[worked]], [[orders]] records",
    ),
}

# What the models check in validators, said again for editors (keep in step with planner/models.py).
RULES: dict[str, dict[str, Any]] = {
    "Pricing": {"not": {"required": ["markup", "margin"]}},
    "Ingredient": {"oneOf": [{"required": ["item"]}, {"required": ["recipe"]}]},
    "Overhead": {
        "oneOf": [
            {"required": ["item", "qty"], "not": {"required": ["cost"]}},
            {"required": ["cost"], "not": {"anyOf": [{"required": ["item"]}, {"required": ["qty"]}]}},
        ]
    },
    "Make": {"oneOf": [{"required": ["pieces"]}, {"required": ["sizes"]}]},
    "Item": {
        "oneOf": [
            {"required": ["pack", "price"], "not": {"required": ["packs"]}},
            {"required": ["packs"], "not": {"anyOf": [{"required": ["pack"]}, {"required": ["price"]}]}},
        ]
    },
}


def file_name(kind: str) -> str:
    return f"planner-{kind}.schema.json"


def _plain(value: Any) -> Any:
    """A default as TOML writes it: Decimal -> number, Quantity -> "250 g", models -> tables."""
    if isinstance(value, Record):
        return {
            f.key: _plain(getattr(value, name))
            for name, f in type(value).fields().items()
            if getattr(value, name) is not None
        }
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Quantity):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Generator(GenerateJsonSchema):
    def encode_default(self, dft: Any) -> Any:
        return _plain(dft)

    def function_plain_schema(self, schema: Any) -> dict[str, Any]:
        """A value checked by a function (planner/fields.py) says its own JSON Schema."""
        return dict(schema["metadata"]["json"])


def _money(places: int) -> dict[str, Any]:
    if places == 0:
        return dict(MONEY_SCHEMA)
    return {"type": "number", "minimum": 0, "description": f"Amount of money, at most {places} decimal places"}


def _tidy(node: Any, places: int) -> Any:
    """Drop null branches (TOML has none) and null defaults; money per the currency."""
    if isinstance(node, list):
        return [_tidy(n, places) for n in node]
    if not isinstance(node, dict):
        return node
    if node.get("description") == MONEY_SCHEMA["description"]:
        node = {**node, **_money(places)}
    out = {k: _tidy(v, places) for k, v in node.items() if not (k == "default" and v is None)}
    if "anyOf" in out:
        branches = [b for b in out["anyOf"] if b != {"type": "null"}]
        if len(branches) == 1:
            del out["anyOf"]
            out = {**branches[0], **out}
        else:
            out["anyOf"] = branches
    return out


def schema_for(kind: str, places: int = 0) -> dict[str, Any]:
    """The JSON Schema of one file kind; money is whole when the currency has no minor unit."""
    raw = _Generator(by_alias=True).generate(MODELS[kind].core_schema(), mode="validation")
    defs = raw.pop("$defs", {})
    if kind == "catalog":
        defs["Item"] = raw
        raw = {"type": "object", "additionalProperties": {"$ref": "#/$defs/Item"}}
    for name, rule in RULES.items():
        if name in defs:
            defs[name] = {**defs[name], **rule}
    title, description = TITLES[kind]
    body = {k: v for k, v in raw.items() if k not in ("title", "description")}
    schema = {"$schema": DIALECT, "title": title, "description": description, **body}
    if defs:
        schema["$defs"] = defs
    tidy: dict[str, Any] = _tidy(schema, places)
    return tidy


def all_schemas(places: int = 0) -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind, places) for kind in KINDS}
