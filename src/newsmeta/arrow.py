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

import datetime as dt
import enum
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
    "arrow_schema",
    "arrow_type",
    "from_record_batch",
    "iter_parquet",
    "read_parquet",
    "to_record_batch",
    "write_parquet",
]

#: Records converted to Arrow at a time by :func:`write_parquet` (``bench/bench_parquet.py``).
BATCH_SIZE = 2_000
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

_Convert = Callable[[Any], Any]


def _offset_seconds(value: dt.datetime) -> int:
    offset = value.utcoffset()
    assert offset is not None  # records hold aware datetimes only
    if offset.microseconds:
        raise InputError(f"a UTC offset finer than a second cannot be stored: {value.isoformat()}")
    return offset.days * 86_400 + offset.seconds


def _datetime(value: dt.datetime) -> dict[str, object]:
    return {"instant": value, "offset_seconds": _offset_seconds(value)}


def _to_arrow(tp: Any) -> _Convert | None:
    """A function making ``pa.array`` input of a value of type ``tp`` (``None``: as it is)."""
    tp, nullable = _optional(tp)
    convert = _to_arrow_nonnull(tp)
    if convert is None or not nullable:
        return convert
    inner = convert
    return lambda v: None if v is None else inner(v)


def _to_arrow_nonnull(tp: Any) -> _Convert | None:
    if tp is dt.datetime:
        return _datetime
    if tp in _SCALARS:
        return None
    origin = typing.get_origin(tp)
    if origin is tuple:
        item = _to_arrow(typing.get_args(tp)[0])
        if item is None:
            return None  # pyarrow reads a tuple as a list
        return lambda v: [item(x) for x in v]
    if origin in (Mapping, dict):
        value = _to_arrow(typing.get_args(tp)[1])
        if value is None:
            return lambda v: list(v.items())
        return lambda v: [(k, value(x)) for k, x in v.items()]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return lambda v: v.value
    if isinstance(tp, type) and attrs.has(tp):
        return _record_to_dict(tp)
    raise TypeError(
        f"no Arrow conversion for {tp!r}"
    )  # pragma: no cover - arrow_type refuses first


def _record_to_dict(cls: type) -> _Convert:
    """``lambda o: {"name": o.name, "avatar": c1(o.avatar), ...}``, written out once per class."""
    hints = _hints(cls)
    namespace: dict[str, Any] = {}
    parts = []
    for a in attrs.fields(cls):
        assert a.name.isidentifier()
        convert = _to_arrow(hints[a.name])
        if convert is None:
            parts.append(f"{a.name!r}: o.{a.name}")
        else:
            namespace[f"c_{a.name}"] = convert
            parts.append(f"{a.name!r}: c_{a.name}(o.{a.name})")
    return typing.cast(_Convert, eval(f"lambda o: {{{', '.join(parts)}}}", namespace))


_COLUMNS: list[tuple[str, pa.Field, _Convert | None]] | None = None


def _columns() -> list[tuple[str, pa.Field, _Convert | None]]:
    global _COLUMNS
    if _COLUMNS is None:
        hints = _hints(Article)
        schema = arrow_schema()
        _COLUMNS = [
            (a.name, schema.field(a.name), _to_arrow(hints[a.name])) for a in attrs.fields(Article)
        ]
    return _COLUMNS


def to_record_batch(articles: Iterable[Article]) -> pa.RecordBatch:
    """An Arrow record batch of ``articles``, one row each, with :func:`arrow_schema`.

    Raises :class:`~newsmeta.errors.InputError` for an item that is not an
    ``Article`` and for a value Arrow cannot hold (an integer beyond 64 bits),
    naming the column.
    """
    rows = articles if isinstance(articles, (list, tuple)) else list(articles)
    for i, a in enumerate(rows):
        if type(a) is not Article:
            raise InputError(f"item {i} is a {type(a).__name__}, not an Article")
    arrays = []
    for name, fld, convert in _columns():
        if convert is None:
            values = [getattr(a, name) for a in rows]
        else:
            values = [convert(getattr(a, name)) for a in rows]
        try:
            arrays.append(pa.array(values, type=fld.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
            raise InputError(f"column {name}: {exc}") from None
    return pa.RecordBatch.from_arrays(arrays, schema=arrow_schema())


# --------------------------------------------------------------------------- Arrow to records

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


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_parquet(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    *,
    batch_size: int = BATCH_SIZE,
    row_group_size: int = ROW_GROUP_SIZE,
    compression: str = "zstd",
) -> int:
    """Write ``articles`` to a Parquet file at ``path``; return how many were written.

    ``articles`` may be any iterable, a generator over a crawl included: records
    are converted ``batch_size`` at a time and a row group is written every
    ``row_group_size`` rows, so memory stays bounded. The file is complete or
    absent: it is written under a temporary name in the same folder and renamed
    to ``path`` at the end; if writing fails or is interrupted, the temporary
    file is removed and an existing file at ``path`` is left as it was.
    """
    if batch_size < 1 or row_group_size < 1:
        raise InputError("batch_size and row_group_size must be at least 1")
    schema = arrow_schema()
    count = 0
    with (
        atomic_path(path) as temp,
        pq.ParquetWriter(temp, schema, compression=compression) as writer,
    ):
        pending: list[pa.RecordBatch] = []
        rows = 0
        for chunk in _chunks(articles, batch_size):
            batch = to_record_batch(chunk)
            pending.append(batch)
            rows += batch.num_rows
            count += batch.num_rows
            if rows >= row_group_size:
                writer.write_table(
                    pa.Table.from_batches(pending, schema=schema), row_group_size=rows
                )
                pending, rows = [], 0
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema), row_group_size=rows)
    return count
