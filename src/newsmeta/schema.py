"""The JSON Schema (draft 2020-12) of a record's JSON, for loaders that check what they load.

>>> from newsmeta.schema import json_schema
>>> s = json_schema()
>>> s["$schema"], s["$id"].startswith("urn:newsmeta:schema:article:")
('https://json-schema.org/draft/2020-12/schema', True)
>>> s["properties"]["title"]["type"], s["properties"]["title"]["description"][:12]
(['string', 'null'], 'The headline')
>>> s["$defs"]["Issue"]["properties"]["severity"]["$ref"]
'#/$defs/Severity'

Strategy: like :mod:`newsmeta._convert` and :mod:`newsmeta.arrow`, the schema
is derived from the record classes (their ``attrs`` fields and type hints), so
it describes exactly what :meth:`~newsmeta.Article.to_json` emits and follows
a field added to a record with no edit here. It is tight: every field is
required (``to_json`` writes them all, ``null`` and ``[]`` included), no other
property is allowed, a ``datetime`` must carry its UTC offset, a ``date`` is a
bare ``YYYY-MM-DD`` and a severity one of its three values. Class docstrings
and the docstrings under fields become ``description``.

A copy is committed as ``newsmeta/article.schema.json`` (package data: find it
with ``importlib.resources``); ``tests/test_schema.py`` fails when it drifts
from :func:`json_schema`. Its ``$id`` carries the newsmeta version, so two
schemas with one ``$id`` are the same schema.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import itertools
import json
import textwrap
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from newsmeta._version import __version__
from newsmeta.records import Article

__all__ = ["DATETIME_PATTERN", "DATE_PATTERN", "SCHEMA_ID", "json_schema", "json_schema_text"]

#: The schema's ``$id``: a URN, versioned with newsmeta (no host to resolve).
SCHEMA_ID = f"urn:newsmeta:schema:article:{__version__}"

#: ``date.isoformat()``.
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#: ``datetime.isoformat()`` of an aware datetime: the offset is required
#: (``+00:00`` for UTC; seconds only when the offset has them).
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?"
    r"[+-][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?$"
)

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    dt.date: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
    dt.datetime: {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN},
}


def _field_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's fields (``name: str`` then ``\"\"\"...\"\"\"``)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # pragma: no cover - no source (a frozen build)
        return {}
    (node,) = ast.parse(source).body
    assert isinstance(node, ast.ClassDef)
    docs = {}
    body = node.body
    for stmt, after in itertools.pairwise(body):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[stmt.target.id] = inspect.cleandoc(after.value.value)
    return docs


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of Python type ``tp``."""
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            args = typing.get_args(tp)
            inner = [a for a in args if a is not type(None)]
            if len(inner) != 1 or len(args) != 2:
                raise TypeError(f"no JSON Schema for the union {tp!r}")
            schema = self.of(inner[0])
            if isinstance(schema.get("type"), str):
                return {**schema, "type": [schema["type"], "null"]}
            return {"anyOf": [schema, {"type": "null"}]}
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        origin = typing.get_origin(tp)
        if origin is tuple:
            args = typing.get_args(tp)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"no JSON Schema for the fixed-length tuple {tp!r}")
            return {"type": "array", "items": self.of(args[0])}
        if origin in (Mapping, dict):
            key, value = typing.get_args(tp)
            if key is not str:
                raise TypeError(f"no JSON Schema for a mapping with {key!r} keys")
            return {"type": "object", "additionalProperties": self.of(value)}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {
                    "title": tp.__name__,
                    "description": inspect.cleandoc(tp.__doc__ or ""),
                    "type": "string",
                    "enum": [m.value for m in tp],
                }
            return {"$ref": f"#/$defs/{tp.__name__}"}
        if isinstance(tp, type) and attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # reserve the name: records may nest
                self.defs[tp.__name__] = self.record(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise TypeError(f"no JSON Schema for {tp!r}: add it to newsmeta.schema")

    def record(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        properties = {}
        for a in attrs.fields(cls):
            prop = self.of(hints[a.name])
            if a.name in docs:
                prop = {**prop, "description": docs[a.name]}
            properties[a.name] = prop
        return {
            "title": cls.__name__,
            "description": inspect.cleandoc(cls.__doc__ or ""),
            "type": "object",
            "properties": properties,
            "required": [a.name for a in attrs.fields(cls)],
            "additionalProperties": False,
        }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Article.to_json() <newsmeta.Article.to_json>`.

    A new dict each call; ``newsmeta schema`` prints it. The root is the
    ``Article`` object; the records inside it are under ``$defs``.
    """
    builder = _Builder()
    article = builder.record(Article)
    defs = {name: builder.defs[name] for name in sorted(builder.defs)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **article,
        "title": "newsmeta Article",
        "$defs": defs,
    }


def json_schema_text() -> str:
    """:func:`json_schema` as ``newsmeta schema`` prints it and ``article.schema.json`` holds it:
    indented by two, non-ASCII kept, one trailing newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
