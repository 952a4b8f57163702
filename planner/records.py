"""Frozen records checked by pydantic-core, pydantic's validation engine.

The file models (planner/models.py) are written like pydantic models: a class
with annotated fields, defaults, ``field(...)`` for constraints and ``@after``
for checks across fields. Each class compiles, the first time it validates,
to a pydantic-core schema (``SchemaValidator``), so the errors, their types and
locations are pydantic's own, and ``planner schema`` has pydantic's JSON Schema
generator turn the same schema into editor schemas.

Why not ``pydantic.BaseModel``: importing its machinery and building twenty
models costs about 60 ms at every start, half of the whole budget of
``planner cost FILE`` (docs/performance.md). Here a class is an ordinary class
until it is used, and compiling a schema takes a fraction of a millisecond.

Field types: str, int, date, Literal[...], X | None, list[X], dict[str, X],
another Record, and ``Annotated[T, Check(...)]`` for a value checked by a
function (money, quantities, shares: planner/fields.py).
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, TypeVar

from pydantic_core import SchemaValidator
from pydantic_core import core_schema as cs

_UNSET: Any = object()
R = TypeVar("R", bound="Record")


class Check:
    """``Annotated`` metadata: the value is checked (and converted) by ``function``.

    ``json`` is the JSON Schema an editor sees for it; ``info`` passes the
    validation context (e.g. the currency's decimal places) as a second argument."""

    __slots__ = ("function", "info", "json")

    def __init__(self, function: Callable[..., Any], json: dict[str, Any], *, info: bool = False) -> None:
        self.function, self.json, self.info = function, json, info

    def schema(self) -> cs.CoreSchema:
        make = cs.with_info_plain_validator_function if self.info else cs.no_info_plain_validator_function
        return make(self.function, metadata={"json": self.json})


class Field:
    """A field's default and constraints, as ``field(...)`` writes them."""

    __slots__ = ("alias", "default", "factory", "min_length", "name", "pattern", "type")

    def __init__(
        self,
        default: Any = _UNSET,
        *,
        default_factory: Callable[[], Any] | None = None,
        alias: str | None = None,
        min_length: int | None = None,
        pattern: str | None = None,
    ):
        self.name, self.type = "", None
        self.default, self.factory, self.alias = default, default_factory, alias
        self.min_length, self.pattern = min_length, pattern

    @property
    def key(self) -> str:
        """The key a file writes: the alias (``yield``) or the name."""
        return self.alias or self.name


def field(default: Any = _UNSET, **options: Any) -> Any:
    """Constraints on a field: ``name: str = field(min_length=1)``."""
    return Field(default, **options)


def after(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Mark a method that checks the whole record once its fields are valid; it returns the record."""
    check.__record_after__ = True  # type: ignore[attr-defined]
    return check


class Record:
    """A frozen record: ``Cls(**values)`` and ``Cls.model_validate(data)`` validate,
    ``copy(update)`` makes a changed copy without validating (like pydantic's model_copy)."""

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")
    model_config: ClassVar[dict[str, Any]] = {"extra": "forbid"}  # read by pydantic's JSON Schema generator
    __pydantic_fields_set__: set[str]
    _declared: ClassVar[dict[str, Any]]
    _fields: ClassVar[dict[str, Field] | None]
    _checks: ClassVar[tuple[Callable[[Any], Any], ...]]
    _validator: ClassVar[SchemaValidator | None]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = inspect.get_annotations(cls)  # this class's own, also where they are evaluated lazily
        inherited = getattr(cls, "_declared", {})
        cls._declared = {
            **inherited,
            **{name: cls.__dict__.get(name, _UNSET) for name in names if not name.startswith("_")},
        }
        cls._checks = tuple(f for f in cls.__dict__.values() if getattr(f, "__record_after__", False))
        cls._fields, cls._validator = None, None

    def __init__(self, **values: Any) -> None:
        type(self).validator().validate_python(values, self_instance=self)

    @classmethod
    def model_validate(cls: type[R], data: Any, *, context: dict[str, Any] | None = None) -> R:
        found: R = cls.validator().validate_python(data, context=context)
        return found

    @classmethod
    def validator(cls) -> SchemaValidator:
        if cls._validator is None:
            cls._validator = SchemaValidator(cls.core_schema())
        return cls._validator

    @classmethod
    def fields(cls) -> dict[str, Field]:
        """Every field with its resolved type, in the order written."""
        if cls._fields is None:
            hints = typing.get_type_hints(cls, include_extras=True)
            found: dict[str, Field] = {}
            for name, declared in cls._declared.items():
                spec = declared if isinstance(declared, Field) else Field(declared)
                spec.name, spec.type = name, hints[name]
                found[name] = spec
            cls._fields = found
        return cls._fields

    @classmethod
    def core_schema(cls) -> cs.CoreSchema:
        """This record's pydantic-core schema; the records it holds are shared definitions."""
        definitions: dict[str, cs.CoreSchema] = {}
        main = _record_schema(cls, definitions)
        return cs.definitions_schema(main, list(definitions.values())) if definitions else main

    def copy(self: R, update: dict[str, Any] | None = None) -> R:
        made: R = _made(
            type(self), {**self.__dict__, **(update or {})}, self.__pydantic_fields_set__ | set(update or {})
        )
        return made

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:  # pydantic-core copies a default that is not hashable
        from copy import deepcopy

        return _made(type(self), deepcopy(self.__dict__, memo), set(self.__pydantic_fields_set__))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: use .copy(update)")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:  # tables and lists inside (units, sizes) are hashed by their contents
        return hash((type(self), *map(_frozen, self.__dict__.values())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a value, equal where the values are equal (a dict in any order)."""
    if isinstance(value, dict):
        return frozenset((k, _frozen(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_frozen(v) for v in value)
    return value


def _made(cls: type[Record], values: dict[str, Any], fields_set: set[str]) -> Any:
    new = object.__new__(cls)
    object.__setattr__(new, "__dict__", values)
    object.__setattr__(new, "__pydantic_fields_set__", fields_set)
    object.__setattr__(new, "__pydantic_extra__", None)
    return new


def _ref(cls: type[Record]) -> str:
    return f"{cls.__module__}.{cls.__qualname__}:{id(cls)}"


def _record_schema(cls: type[Record], definitions: dict[str, cs.CoreSchema]) -> cs.CoreSchema:
    fields = {name: _field_schema(spec, definitions) for name, spec in cls.fields().items()}
    config = cs.CoreConfig(
        title=cls.__name__, extra_fields_behavior="forbid", validate_by_name=True, validate_by_alias=True
    )
    schema: cs.CoreSchema = cs.model_schema(cls, cs.model_fields_schema(fields, model_name=cls.__name__), config=config)
    for check in cls._checks:
        schema = cs.no_info_after_validator_function(check, schema)
    schema["ref"] = _ref(cls)  # type: ignore[index]  # outermost, as pydantic does: it names the record in JSON Schema $defs
    return schema


def _field_schema(spec: Field, definitions: dict[str, cs.CoreSchema]) -> cs.ModelField:
    schema = _type_schema(spec.type, definitions, spec)
    if spec.factory is not None:
        schema = cs.with_default_schema(schema, default_factory=spec.factory)
    elif spec.default is not _UNSET:
        schema = cs.with_default_schema(schema, default=spec.default)
    return cs.model_field(schema, validation_alias=spec.alias, serialization_alias=spec.alias)


def _type_schema(tp: Any, definitions: dict[str, cs.CoreSchema], spec: Field | None = None) -> cs.CoreSchema:
    """The pydantic-core schema of a field type; constraints in ``spec`` apply to the outer type."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    least = spec.min_length if spec is not None else None
    if origin is typing.Annotated:
        check = next((m for m in args[1:] if isinstance(m, Check)), None)
        return check.schema() if check is not None else _type_schema(args[0], definitions, spec)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1 or len(args) != 2:
            raise TypeError(f"only X | None is supported, not {tp}")
        return cs.nullable_schema(_type_schema(rest[0], definitions, spec))
    if origin is list:
        return cs.list_schema(_type_schema(args[0], definitions), min_length=least)
    if origin is dict:
        return cs.dict_schema(_type_schema(args[0], definitions), _type_schema(args[1], definitions), min_length=least)
    if origin is typing.Literal:
        return cs.literal_schema(list(args))
    if isinstance(tp, type) and issubclass(tp, Record):
        ref = _ref(tp)
        if ref not in definitions:
            definitions[ref] = cs.any_schema()  # placeholder while it builds (a record may hold itself)
            definitions[ref] = _record_schema(tp, definitions)
        return cs.definition_reference_schema(ref)
    if tp is str:
        return cs.str_schema(pattern=spec.pattern if spec else None, min_length=least)
    if tp is date:
        return cs.date_schema()
    if tp is bool:
        return cs.bool_schema(strict=True)
    if tp is int:
        return cs.int_schema()
    raise TypeError(f"no schema for the field type {tp!r}")
