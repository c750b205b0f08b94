"""Articles as Arrow record batches and Parquet files (the ``[arrow]`` extra).

>>> import newsmeta, newsmeta.arrow
>>> a = newsmeta.Article(title="Hello", tags=("a", "b"))
>>> batch = newsmeta.arrow.to_record_batch([a])
>>> batch.num_rows, batch.column("title")[0].as_py(), batch.column("tags")[0].as_py()
(1, 'Hello', ['a', 'b'])
>>> newsmeta.arrow.from_record_batch(batch) == [a]
True

Strategy: the schema is derived from the record classes (their ``attrs``
fields and type hints), never inferred from data, so every batch has the same
schema, an empty one too, and a field added to a record gets its column with
no edit here. One row per :class:`~newsmeta.Article`; a nested record is a
struct, a tuple a list, ``provenance`` a map from field path to a struct, a
:class:`~newsmeta.Severity` its string. Every Python type a record field may
have maps to exactly one Arrow type (:func:`arrow_type`); a record field of a
type not in that table fails loudly when the schema is built.

A ``datetime`` keeps its instant *and* the UTC offset it was written with, as
``struct<instant: timestamp[us, tz=UTC], offset_seconds: int32>``: the
instant sorts and compares in any engine, and ``offset_seconds`` (east of
UTC: ``+03:00`` is ``10800``) restores the local time the source wrote, so
``from_record_batch(to_record_batch(articles))`` equals ``articles``, offsets
included. A ``date`` is a ``date32``.

Writing streams: :func:`write_parquet` converts ``batch_size`` records at a
time and writes a row group every ``row_group_size`` rows, so memory is bounded
by a row group whatever the input's length, and the file is written under a
temporary name and renamed at the end (complete or absent).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import enum
import itertools
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError:  # pragma: no cover - exercised in a subprocess by tests/test_arrow.py
    raise ImportError(
        'newsmeta.arrow needs pyarrow, an optional extra: pip install "newsmeta[arrow]"'
    ) from None

from newsmeta._atomic import atomic_path
from newsmeta.errors import InputError
from newsmeta.records import Article

__all__ = [
    "BATCH_SIZE",
    "ROW_GROUP_SIZE",
    "ParquetSink",
    "arrow_schema",
    "arrow_type",
    "from_record_batch",
    "iter_parquet",
    "read_parquet",
    "to_record_batch",
    "write_parquet",
]

#: Records converted to Arrow at a time by :func:`write_parquet` (``bench/bench_parquet.py``).
BATCH_SIZE = 1_000
#: Rows per Parquet row group written by :func:`write_parquet` (``bench/bench_parquet.py``).
ROW_GROUP_SIZE = 20_000

#: Schema metadata key naming what a table holds (``newsmeta.Article``).
_RECORD_KEY = b"newsmeta.record"

#: The struct a ``datetime`` becomes: its instant and the offset it was written with.
DATETIME_TYPE = pa.struct(
    [
        pa.field("instant", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("offset_seconds", pa.int32(), nullable=False),
    ]
)

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    bool: pa.bool_(),
    float: pa.float64(),
    dt.date: pa.date32(),
    dt.datetime: DATETIME_TYPE,
}


def _optional(tp: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, ``(tp, False)`` otherwise."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            return inner[0], True
        raise TypeError(f"no Arrow type for the union {tp!r}")
    return tp, False


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of a record field's Python type (``X | None`` as ``X``, nullable).

    >>> arrow_type(tuple[str, ...])
    ListType(list<item: string not null>)
    >>> arrow_type(int | None)
    DataType(int64)
    """
    tp, _nullable = _optional(tp)
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = typing.get_origin(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"no Arrow type for the fixed-length tuple {tp!r}")
        return pa.list_(_item_field(args[0]))
    if origin in (Mapping, dict):
        key, value = typing.get_args(tp)
        if key is not str:
            raise TypeError(f"no Arrow type for a mapping with {key!r} keys")
        return pa.map_(pa.string(), _item_field(value, name="value"))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if all(isinstance(m.value, str) for m in tp):
            return pa.string()
        raise TypeError(f"no Arrow type for the enum {tp.__name__}")
    if isinstance(tp, type) and attrs.has(tp):
        return pa.struct(_fields(tp))
    raise TypeError(f"no Arrow type for {tp!r}: add it to newsmeta.arrow")


def _item_field(tp: Any, name: str = "item") -> pa.Field:
    inner, nullable = _optional(tp)
    return pa.field(name, arrow_type(inner), nullable=nullable)


def _fields(cls: type) -> list[pa.Field]:
    hints = _hints(cls)
    out = []
    for a in attrs.fields(cls):
        inner, nullable = _optional(hints[a.name])
        out.append(pa.field(a.name, arrow_type(inner), nullable=nullable))
    return out


_SCHEMA: pa.Schema | None = None


def arrow_schema() -> pa.Schema:
    """The Arrow schema of a table of :class:`~newsmeta.Article` records, one row each.

    Built from the record classes, so it is the same for every batch and every
    run of one newsmeta version. Top-level columns are the ``Article`` fields,
    in order.

    >>> arrow_schema().field("publisher").type.field("name").type
    DataType(string)
    >>> str(arrow_schema().field("provenance").type)
    'map<string, struct<adapter: string not null, raw: string not null, location: struct<lines: list<item: int64 not null> not null, path: string, input: string> not null>>'
    """
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = pa.schema(_fields(Article), metadata={_RECORD_KEY: b"newsmeta.Article"})
    return _SCHEMA


# --------------------------------------------------------------------------- records to Arrow
#
# Record by record, into flat lists; then a column at a time, in C. The record
# classes are compiled once into a plan: one :class:`_Node` per Arrow array,
# whose leaves are plain Python lists (a scalar column's values, a datetime's
# instants and offsets, a list's or a map's lengths and keys, a nullable
# value's null flags). A function generated from the plan takes one record,
# walks it depth first and appends each value to its list, in straight-line
# code; when a batch is complete, each list becomes an Arrow array in one
# pyarrow call (a C loop over the list) and the arrays are joined bottom-up
# into structs, lists and maps.
#
# Why record by record: a writer (:class:`ParquetSink`, ``newsmeta parse
# --output x.parquet``) takes each record as it is parsed and lets it go at
# once. The lists hold only strings, numbers and datetimes, which the garbage
# collector does not track, so nothing accumulates for it to trace. Holding a
# batch's records until the batch was converted (the design before this)
# made the collector walk them again and again: measured on NewsAPI items,
# that cost more than the conversion itself (docs/performance.md).
#
# Under a null struct every non-nullable child holds a zero (``""``, ``0``, an
# empty list): Arrow keeps a slot for each child under a null parent, and a
# non-nullable column must hold no null. A column null in a whole batch, and
# the items of a list empty in a whole batch, are made once and reused: every
# pyarrow call costs a few microseconds whatever its length, and NewsAPI
# items leave a third of the columns empty.

#: The leaf lists of a batch, in the plan's order.
_Lists = list[list[Any]]


def _offset_seconds(value: dt.datetime) -> int:
    offset = value.utcoffset()
    if offset is None:
        raise InputError(f"a datetime without a UTC offset cannot be stored: {value.isoformat()}")
    if offset.microseconds:
        raise InputError(f"a UTC offset finer than a second cannot be stored: {value.isoformat()}")
    return offset.days * 86_400 + offset.seconds


_ZEROS: dict[Any, object] = {
    str: "",
    int: 0,
    bool: False,
    float: 0.0,
    dt.date: dt.date(1970, 1, 1),
    dt.datetime: dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc),
}


@attrs.define(eq=False)
class _Node:
    """One Arrow array of the plan and the leaf lists it is built from."""

    kind: str
    """``scalar``, ``datetime``, ``list``, ``map`` or ``struct``."""
    type: pa.DataType
    nullable: bool
    slots: list[int]
    """Its own leaf lists: a scalar's values; a datetime's instants and offsets;
    a list's lengths; a map's lengths and keys."""
    mask: int | None = None
    """The leaf list of its null flags (``True`` for null); nullable non-scalars only."""
    children: list[tuple[str, _Node]] = attrs.Factory(list)
    """A struct's fields (attribute name, node); a list's or a map's item (``""``, node)."""
    zero: object = None
    """A scalar's value under a null parent: ``None`` if nullable, else a zero."""
    enum_value: bool = False
    """A scalar enum whose members are not ``str``: its ``_value_`` is stored."""
    empty: pa.Array | None = None
    """A list's or a map's item array when the batch holds no item at all."""
    nulls: dict[int, pa.Array] = attrs.Factory(dict)
    """Arrays null in every slot, by length (a column null in a whole batch)."""


class _Plan:
    """The conversion of :class:`~newsmeta.Article` records to Arrow arrays,
    derived once from the record classes (their attrs fields and type hints)."""

    def __init__(self) -> None:
        self.initial = 0  # leaf lists
        self.lines: list[str] = []  # the body of the per-record function
        self.namespace: dict[str, Any] = {"_bad_offset": _offset_seconds}
        self._temps = itertools.count()
        hints = _hints(Article)
        self.columns = [(a.name, self._node(hints[a.name])) for a in attrs.fields(Article)]
        for name, node in self.columns:
            self._value(node, f"o.{name}", 2)
        self.adder = self._compile()

    # -- the tree

    def _list(self) -> int:
        self.initial += 1
        return self.initial - 1

    def _node(self, tp: Any) -> _Node:
        tp, nullable = _optional(tp)
        arrow = arrow_type(tp)
        origin = typing.get_origin(tp)
        if tp is dt.datetime:
            node = _Node("datetime", arrow, nullable, [self._list(), self._list()])
        elif origin is tuple:
            item = self._node(typing.get_args(tp)[0])
            node = _Node("list", arrow, nullable, [self._list()], children=[("", item)])
        elif origin in (Mapping, dict):
            item = self._node(typing.get_args(tp)[1])
            node = _Node(
                "map", arrow, nullable, [self._list(), self._list()], children=[("", item)]
            )
        elif isinstance(tp, type) and attrs.has(tp):
            hints = _hints(tp)
            children = [(a.name, self._node(hints[a.name])) for a in attrs.fields(tp)]
            node = _Node("struct", arrow, nullable, [], children=children)
        else:
            node = _Node("scalar", arrow, nullable, [self._list()])
            if isinstance(tp, type) and issubclass(tp, enum.Enum):
                # A str enum (Severity) is its value already: pyarrow reads the str.
                node.enum_value = not all(isinstance(m, str) and m == m.value for m in tp)
                node.zero = None if nullable else next(iter(tp)).value
            else:
                node.zero = None if nullable else _ZEROS[tp]
            return node
        if nullable:
            node.mask = self._list()
        return node

    # -- the code

    def _temp(self) -> str:
        return f"t{next(self._temps)}"

    def _const(self, value: object) -> str:
        if value is None or isinstance(value, (str, int, float)):
            return repr(value)
        name = f"k{next(self._temps)}"
        self.namespace[name] = value
        return name

    def _emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def _value(self, node: _Node, expr: str, depth: int) -> None:
        """Code appending the value ``expr`` of ``node``'s type to its lists."""
        if node.kind == "scalar":
            (slot,) = node.slots
            if not node.enum_value:
                self._emit(depth, f"a{slot}({expr})")
            else:
                v = self._temp()
                self._emit(depth, f"{v} = {expr}")
                self._emit(depth, f"a{slot}(None if {v} is None else {v}._value_)")
            return
        v = self._temp()
        self._emit(depth, f"{v} = {expr}")
        if node.mask is None:
            self._present(node, v, depth)
            return
        self._emit(depth, f"if {v} is None:")
        self._null(node, depth + 1)
        self._emit(depth, "else:")
        self._emit(depth + 1, f"a{node.mask}(False)")
        self._present(node, v, depth + 1)

    def _present(self, node: _Node, v: str, depth: int) -> None:
        """Code for the value ``v`` of a non-scalar ``node``, known not to be ``None``."""
        if node.kind == "datetime":
            instants, offsets = node.slots
            u = self._temp()
            self._emit(depth, f"a{instants}({v})")
            self._emit(depth, f"{u} = {v}.utcoffset()")
            self._emit(depth, f"if {u} is None or {u}.microseconds:")
            self._emit(depth + 1, f"_bad_offset({v})")
            self._emit(depth, f"a{offsets}({u}.days * 86400 + {u}.seconds)")
        elif node.kind in ("list", "map"):
            self._emit(depth, f"a{node.slots[0]}(len({v}))")
            items = v
            if node.kind == "map":
                self._emit(depth, f"e{node.slots[1]}({v})")
                items = f"{v}.values()"
            ((_, item),) = node.children
            if item.kind == "scalar" and not item.enum_value:
                self._emit(depth, f"e{item.slots[0]}({items})")
            else:
                x = self._temp()
                self._emit(depth, f"for {x} in {items}:")
                self._value(item, x, depth + 1)
        else:
            for name, child in node.children:
                self._value(child, f"{v}.{name}", depth)

    def _null(self, node: _Node, depth: int) -> None:
        """Code for ``node`` null, or under a null parent: a null, or zeros."""
        if node.mask is not None:
            self._emit(depth, f"a{node.mask}(True)")
        if node.kind == "scalar":
            self._emit(depth, f"a{node.slots[0]}({self._const(node.zero)})")
        elif node.kind == "datetime":
            instants, offsets = node.slots
            self._emit(depth, f"a{instants}({self._const(_ZEROS[dt.datetime])})")
            self._emit(depth, f"a{offsets}(0)")
        elif node.kind in ("list", "map"):
            self._emit(depth, f"a{node.slots[0]}(0)")
        else:
            for _name, child in node.children:
                self._null(child, depth)

    def _compile(self) -> Callable[..., Callable[[Any], None]]:
        """``adder(*lists)``: the function appending one record's values to ``lists``."""
        names = [f"L{i}" for i in range(self.initial)]
        lines = [f"def adder({', '.join(names)}):"]
        lines += [f"    a{i} = L{i}.append; e{i} = L{i}.extend" for i in range(self.initial)]
        lines += ["    def add(o):", *self.lines, "    return add"]
        code = compile("\n".join(lines), "<newsmeta.arrow: records to Arrow>", "exec")
        exec(code, self.namespace)  # built from attrs field names and list numbers only
        return typing.cast(Callable[..., Callable[[Any], None]], self.namespace["adder"])


def _struct(
    struct_type: pa.StructType, children: list[pa.Array], isnull: list[bool] | None
) -> pa.Array:
    """A struct array of ``children``, null where ``isnull`` says.

    The validity bitmap is a boolean array's own bits: ``StructArray.from_arrays(
    mask=...)`` inverts the mask with ``pyarrow.compute``, whose import alone
    costs 0.1-0.3 s of CPU in every process that converts records."""
    if isnull is None:
        return pa.StructArray.from_arrays(children, fields=list(struct_type))
    valid = pa.array([not null for null in isnull], pa.bool_())
    return pa.Array.from_buffers(struct_type, len(isnull), [valid.buffers()[1]], children=children)


def _build(node: _Node, lists: _Lists) -> pa.Array:
    """The Arrow array of ``node`` from the leaf lists of a batch."""
    isnull = None
    if node.mask is not None:
        flags = lists[node.mask]
        if True in flags:
            isnull = flags
            if False not in flags and node.kind in ("struct", "datetime"):
                # Null in the whole batch (``created`` in NewsAPI items): made once per length.
                got = node.nulls.get(len(flags))
                return got if got is not None else _build_null(node, flags, lists)
    if node.kind == "scalar":
        return pa.array(lists[node.slots[0]], node.type)
    if node.kind == "datetime":
        instants, offsets = node.slots
        children = [
            pa.array(lists[instants], DATETIME_TYPE.field(0).type),
            pa.array(lists[offsets], pa.int32()),
        ]
        return _struct(node.type, children, isnull)
    if node.kind == "struct":
        return _struct(node.type, [_build(child, lists) for _name, child in node.children], isnull)
    ends = list(itertools.accumulate(lists[node.slots[0]], initial=0))
    ((_, item),) = node.children
    if ends[-1] == 0:  # no item in the whole batch: one empty array, made once
        if node.empty is None:
            node.empty = _build(item, [[] for _ in lists])
        items = node.empty
    else:
        items = _build(item, lists)
    offsets_array = pa.array(ends, pa.int32())
    mask = None if isnull is None else pa.array(isnull, pa.bool_())
    if node.kind == "list":
        return pa.ListArray.from_arrays(offsets_array, items, type=node.type, mask=mask)
    keys = pa.array(lists[node.slots[1]], pa.string())
    return pa.MapArray.from_arrays(offsets_array, keys, items, type=node.type, mask=mask)


def _build_null(node: _Node, flags: list[bool], lists: _Lists) -> pa.Array:
    """A struct ``node``'s array when every slot of the batch is null, kept by length."""
    saved, node.mask = node.mask, None
    try:
        zeros = _build(node, lists)  # the zeros the nulls hold, as if they were values
    finally:
        node.mask = saved
    got = _struct(node.type, [zeros.field(i) for i in range(node.type.num_fields)], flags)
    if len(node.nulls) >= 4:  # batches come in one or two lengths; the last one is shorter
        node.nulls.clear()
    node.nulls[len(flags)] = got
    return got


_PLAN: _Plan | None = None


def _plan() -> _Plan:
    global _PLAN
    if _PLAN is None:
        _PLAN = _Plan()
    return _PLAN


class _BatchBuilder:
    """Records added one at a time, a record batch when asked (:meth:`finish`).

    A record that cannot be added (not an ``Article``, a value of the wrong
    shape) raises :class:`~newsmeta.errors.InputError` and leaves the builder
    unusable: its lists may hold part of that record."""

    def __init__(self) -> None:
        plan = _plan()
        self._lists: _Lists = [[] for _ in range(plan.initial)]
        self._add = plan.adder(*self._lists)
        self.count = 0
        """Records added since the last :meth:`finish`."""
        self._broken: str | None = None

    def add(self, article: Article) -> None:
        """Append one record's values (the record itself is not kept)."""
        if self._broken is not None:
            raise InputError(f"no more records: {self._broken}")
        if type(article) is not Article:
            raise InputError(f"item {self.count} is a {type(article).__name__}, not an Article")
        try:
            self._add(article)
        except (AttributeError, TypeError, InputError) as exc:
            self._broken = f"item {self.count} is not a valid Article: {exc}"
            raise InputError(self._broken) from None
        self.count += 1

    def finish(self) -> pa.RecordBatch:
        """The records added so far as a record batch; the builder starts afresh."""
        if self._broken is not None:
            raise InputError(f"no batch: {self._broken}")
        lists, self._lists = self._lists, [[] for _ in self._lists]
        self._add = _plan().adder(*self._lists)
        self.count = 0
        arrays = []
        for name, node in _plan().columns:
            try:
                arrays.append(_build(node, lists))
            except (  # noqa: PERF203 - the column is named in the error
                pa.ArrowInvalid,
                pa.ArrowTypeError,
                OverflowError,
            ) as exc:
                raise InputError(f"column {name}: {exc}") from None
        return pa.RecordBatch.from_arrays(arrays, schema=arrow_schema())


def to_record_batch(articles: Iterable[Article]) -> pa.RecordBatch:
    """An Arrow record batch of ``articles``, one row each, with :func:`arrow_schema`.

    Raises :class:`~newsmeta.errors.InputError` for an item that is not an
    ``Article`` (or holds a value of the wrong shape), naming the item, and for
    a value Arrow cannot hold (an integer beyond 64 bits), naming the column.
    """
    builder = _BatchBuilder()
    for a in articles:
        builder.add(a)
    return builder.finish()


# --------------------------------------------------------------------------- Arrow to records

_Convert = Callable[[Any], Any]

_EPOCH = dt.datetime(1970, 1, 1)


def _physical(t: pa.DataType) -> pa.DataType:
    """``t`` with every timestamp as int64 (read back without a trip through UTC
    datetimes, which cannot hold 0001-01-01T00:30+01:00)."""
    if pa.types.is_timestamp(t):
        return pa.int64()
    if pa.types.is_struct(t):
        return pa.struct([f.with_type(_physical(f.type)) for f in t])
    if pa.types.is_list(t):
        return pa.list_(t.value_field.with_type(_physical(t.value_type)))
    if pa.types.is_map(t):
        return pa.map_(t.key_field, t.item_field.with_type(_physical(t.item_type)))
    return t


def _datetime_from(value: Mapping[str, int]) -> dt.datetime:
    offset = dt.timedelta(seconds=value["offset_seconds"])
    local = _EPOCH + (dt.timedelta(microseconds=value["instant"]) + offset)
    return local.replace(tzinfo=dt.timezone.utc if not offset else dt.timezone(offset))


def _from_arrow(tp: Any) -> _Convert | None:
    """A function making a record value of ``as_py`` output for type ``tp``."""
    tp, nullable = _optional(tp)
    convert = _from_arrow_nonnull(tp)
    if convert is None or not nullable:
        return convert
    inner = convert
    return lambda v: None if v is None else inner(v)


def _from_arrow_nonnull(tp: Any) -> _Convert | None:
    if tp is dt.datetime:
        return _datetime_from
    if tp in _SCALARS:
        return None
    origin = typing.get_origin(tp)
    if origin is tuple:
        item = _from_arrow(typing.get_args(tp)[0])
        if item is None:
            return tuple
        return lambda v: tuple([item(x) for x in v])
    if origin in (Mapping, dict):
        value = _from_arrow(typing.get_args(tp)[1])
        if value is None:
            return dict
        return lambda v: {k: value(x) for k, x in v}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if isinstance(tp, type) and attrs.has(tp):
        return _record_from_dict(tp)
    raise TypeError(
        f"no Arrow conversion for {tp!r}"
    )  # pragma: no cover - arrow_type refuses first


def _record_from_dict(cls: type) -> _Convert:
    hints = _hints(cls)
    namespace: dict[str, Any] = {"cls": cls}
    parts = []
    for a in attrs.fields(cls):
        convert = _from_arrow(hints[a.name])
        if convert is None:
            parts.append(f"{a.name}=d[{a.name!r}]")
        else:
            namespace[f"c_{a.name}"] = convert
            parts.append(f"{a.name}=c_{a.name}(d[{a.name!r}])")
    return typing.cast(_Convert, eval(f"lambda d: cls({', '.join(parts)})", namespace))


_READER: _Convert | None = None


def _check_schema(schema: pa.Schema) -> None:
    expected = arrow_schema()
    if schema.equals(expected):
        return
    have, want = set(schema.names), set(expected.names)
    if have != want:
        parts = []
        if want - have:
            parts.append("missing column(s) " + ", ".join(sorted(want - have)))
        if have - want:
            parts.append("unknown column(s) " + ", ".join(sorted(have - want)))
        raise InputError("not a table of newsmeta Articles: " + "; ".join(parts))
    for f in expected:
        other = schema.field(f.name)
        if not other.type.equals(f.type):
            raise InputError(
                f"not a table of newsmeta Articles: column {f.name} is {other.type}, not {f.type}"
            )
    if schema.names != expected.names:
        raise InputError("not a table of newsmeta Articles: the columns are in another order")


def from_record_batch(batch: pa.RecordBatch | pa.Table) -> list[Article]:
    """The :class:`~newsmeta.Article` records of a batch (or table) with :func:`arrow_schema`.

    The inverse of :func:`to_record_batch`: ``from_record_batch(to_record_batch(a)) == a``,
    every value and every datetime's offset kept. A batch with another schema
    raises :class:`~newsmeta.errors.InputError` naming the first difference.
    """
    global _READER
    _check_schema(batch.schema)
    if _READER is None:
        _READER = _record_from_dict(Article)
    physical = pa.schema([f.with_type(_physical(f.type)) for f in arrow_schema()])
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    table = table.cast(physical)
    read = _READER
    try:
        return [read(row) for row in table.to_pylist()]
    except (TypeError, ValueError) as exc:
        raise InputError(f"a row is not a valid Article: {exc}") from None


def iter_parquet(
    path: str | os.PathLike[str], *, batch_size: int = BATCH_SIZE
) -> Iterator[Article]:
    """The records of a Parquet file written by :func:`write_parquet`, streamed a batch at a time."""
    try:
        pf = pq.ParquetFile(os.fspath(path))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{os.fspath(path)}: not a readable Parquet file: {exc}") from None
    with pf:
        _check_schema(pf.schema_arrow)
        for batch in pf.iter_batches(batch_size=batch_size):
            yield from from_record_batch(batch)


def read_parquet(path: str | os.PathLike[str]) -> list[Article]:
    """Every record of a Parquet file written by :func:`write_parquet`, in order."""
    return list(iter_parquet(path))


# --------------------------------------------------------------------------- Parquet out


class ParquetSink:
    """A Parquet file of :class:`~newsmeta.Article` records, written as they come.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> with ParquetSink(os.path.join(folder, "out.parquet")) as sink:
    ...     sink.write(Article(title="one"))
    ...     sink.write(Article(title="two"))
    >>> sink.count, os.listdir(folder)
    (2, ['out.parquet'])

    Each record's values go into flat lists as it is written, and the record
    is not kept; every ``batch_size`` records the lists become an Arrow record
    batch (see the notes in this module's source); a row group is written each
    ``row_group_size`` rows, in a background thread (pyarrow encodes and
    compresses without holding the GIL, so on a free core the writing overlaps
    the parsing of the next records), with at most one row group waiting, so
    memory is bounded by about two row groups whatever the input's length.

    The file is written under a temporary name in the destination's folder and
    renamed to ``path`` by :meth:`close` (or the end of a ``with`` block); a
    block left by an exception, or :meth:`abort`, removes the temporary file
    and leaves an existing file at ``path`` as it was.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        batch_size: int = BATCH_SIZE,
        row_group_size: int = ROW_GROUP_SIZE,
        compression: str = "zstd",
    ) -> None:
        if batch_size < 1 or row_group_size < 1:
            raise InputError("batch_size and row_group_size must be at least 1")
        self.path = os.fspath(path)
        self.count = 0
        """Records written so far."""
        self._batch_size = batch_size
        self._row_group_size = row_group_size
        self._builder = _BatchBuilder()
        self._batches: list[pa.RecordBatch] = []
        self._rows = 0
        self._atomic = atomic_path(self.path)
        temp = self._atomic.__enter__()
        try:
            self._writer = pq.ParquetWriter(temp, arrow_schema(), compression=compression)
        except BaseException as exc:
            self._atomic.__exit__(type(exc), exc, exc.__traceback__)
            raise
        self._pool = concurrent.futures.ThreadPoolExecutor(1, "newsmeta-parquet")
        self._writing: concurrent.futures.Future[None] | None = None
        self._closed = False

    def write(self, article: Article) -> None:
        """Add one record."""
        self._builder.add(article)
        if self._builder.count >= self._batch_size:
            self._convert()

    def write_batch(self, batch: pa.RecordBatch) -> None:
        """Add the rows of a record batch made by :func:`to_record_batch` (in another
        process, say), after the records written before it."""
        if not batch.schema.equals(arrow_schema()):
            raise InputError("the batch's schema is not arrow_schema()")
        if self._builder.count:
            self._convert()
        self._batches.append(batch)
        self._rows += batch.num_rows
        self.count += batch.num_rows
        if self._rows >= self._row_group_size:
            self._flush()

    def write_all(self, articles: Iterable[Article]) -> None:
        """Add every record of ``articles``."""
        for a in articles:
            self.write(a)

    def _convert(self) -> None:
        batch = self._builder.finish()
        self._batches.append(batch)
        self._rows += batch.num_rows
        self.count += batch.num_rows
        if self._rows >= self._row_group_size:
            self._flush()

    def _flush(self) -> None:
        table = pa.Table.from_batches(self._batches, schema=arrow_schema())
        rows = self._rows
        self._batches, self._rows = [], 0
        self._wait()
        self._writing = self._pool.submit(self._writer.write_table, table, row_group_size=rows)

    def _wait(self) -> None:
        if self._writing is not None:
            writing, self._writing = self._writing, None
            writing.result()

    def close(self) -> None:
        """Write what is left, finish the file and rename it to ``path``."""
        if self._closed:
            return
        try:
            if self._builder.count:
                self._convert()
            if self._batches:
                self._flush()
            self._wait()
            self._pool.shutdown()
            self._writer.close()
        except BaseException as exc:
            self.abort(exc)
            raise
        self._closed = True
        self._atomic.__exit__(None, None, None)

    def abort(self, exc: BaseException | None = None) -> None:
        """Stop without a file: remove the temporary file; ``path`` is left as it was."""
        if self._closed:
            return
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        with contextlib.suppress(Exception):
            self._writer.close()
        exc = exc if exc is not None else InputError("aborted")
        with contextlib.suppress(BaseException):
            self._atomic.__exit__(type(exc), exc, exc.__traceback__)

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            self.close()
        else:
            self.abort(exc)


def write_parquet(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    *,
    batch_size: int = BATCH_SIZE,
    row_group_size: int = ROW_GROUP_SIZE,
    compression: str = "zstd",
) -> int:
    """Write ``articles`` to a Parquet file at ``path``; return how many were written.

    ``articles`` may be any iterable, a generator over a crawl included: see
    :class:`ParquetSink` for the streaming (``batch_size`` records converted at
    a time, a row group each ``row_group_size`` rows, bounded memory) and for
    the rule that the file is complete or absent (written under a temporary
    name, renamed at the end; removed if writing fails or is interrupted).
    """
    with ParquetSink(
        path, batch_size=batch_size, row_group_size=row_group_size, compression=compression
    ) as sink:
        sink.write_all(articles)
    return sink.count
