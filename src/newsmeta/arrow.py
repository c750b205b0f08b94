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
# Column by column, never row by row: a builder takes the list of one field's
# values over the batch and returns its Arrow array, recursing into structs,
# lists and maps with flattened child lists. No dict or tuple per row is built
# (that costs more than parsing in allocations and garbage collection), and
# pyarrow converts each list of strings or integers in one C loop. A record
# class's field lists come from one generated function of comprehensions
# (:func:`_field_lists`), whose slot loads the interpreter specialises. A
# column null in a whole batch, and the items of a list empty in a whole
# batch, are made once and reused: every pyarrow call costs a few
# microseconds whatever its length, and NewsAPI items leave a third of the
# columns empty.
#
# What is left (NewsAPI items, ~120 values a record, ~20 µs): about half is
# pyarrow reading the values (a string beyond ASCII is encoded to UTF-8 on the
# way), half the Python passes, most of it the first touch of each value of a
# freshly parsed record (its reference count is written, so its memory is
# fetched). Tried and slower or no faster (docs/performance.md): rows of
# tuples handed to one ``pa.array(rows, struct_type)`` (2-3x: a tuple per
# record and per nested value, which the collector then traces); generated
# code appending each record's values to flat lists in one pass (no faster on
# fresh records, twice as slow on records in cache); gathering 64 records at
# a time so that later passes find them in the CPU's caches, and smaller
# batches (no faster: the fixed cost per batch grows).

_Build = Callable[[list[Any]], pa.Array]


def _offset_seconds(value: dt.datetime) -> int:
    offset = value.utcoffset()
    assert offset is not None  # records hold aware datetimes only
    if offset.microseconds:
        raise InputError(f"a UTC offset finer than a second cannot be stored: {value.isoformat()}")
    return offset.days * 86_400 + offset.seconds


def _offsets_seconds(values: list[dt.datetime]) -> list[int]:
    """:func:`_offset_seconds` of each value, without a Python call per value."""
    offsets = [v.utcoffset() for v in values]
    if None in offsets or any(o.microseconds for o in offsets):  # type: ignore[union-attr]
        return [_offset_seconds(v) for v in values]  # raises, naming the value
    return [o.days * 86_400 + o.seconds for o in offsets]  # type: ignore[union-attr]


def _nulls(values: list[Any]) -> list[bool] | None:
    """Which of ``values`` are ``None`` (``None`` when none is), in one C loop."""
    isnull = [v is None for v in values]
    return isnull if True in isnull else None


def _all_null(n: int, made: dict[int, pa.Array], build: Callable[[int], pa.Array]) -> pa.Array:
    """``build(n)``, ``n`` null values, kept in ``made`` by length (Arrow arrays
    are immutable): a column null in every record (``created`` in NewsAPI
    items) costs nothing after the first batch of that length."""
    got = made.get(n)
    if got is None:
        got = build(n)
        if len(made) >= 4:  # batches come in one or two lengths; the last one is shorter
            made.clear()
        made[n] = got
    return got


def _build_datetimes(values: list[Any]) -> pa.Array:
    isnull = _nulls(values)
    if isnull is not None:  # the children are not nullable: zeros under the nulls
        if False not in isnull:
            return _all_null(len(values), _NULL_DATETIMES, _null_datetimes)
        values = [_ZERO_DATETIME if v is None else v for v in values]
    return _datetimes(values, isnull)


def _null_datetimes(n: int) -> pa.Array:
    return _datetimes([_ZERO_DATETIME] * n, [True] * n)


def _datetimes(values: list[dt.datetime], isnull: list[bool] | None) -> pa.Array:
    children = [
        pa.array(values, DATETIME_TYPE.field(0).type),
        pa.array(_offsets_seconds(values), pa.int32()),
    ]
    return _struct(DATETIME_TYPE, children, isnull)


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


def _null_of(tp: Any) -> object:
    """What stands in a null struct's slot of a child: a zero value of the child's
    type (``""``, ``0``, ``False``, ``()``, ``{}``, a null record), or ``None`` for
    a nullable child. It is never read (its parent is null), but a non-nullable
    child array must hold no null, and a list child needs no ``None`` check."""
    tp, nullable = _optional(tp)
    if nullable:
        return None
    if tp in _ZEROS:
        return _ZEROS[tp]
    origin = typing.get_origin(tp)
    if origin is tuple:
        return ()
    if origin in (Mapping, dict):
        return {}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp))
    if isinstance(tp, type) and attrs.has(tp):
        return _null_record(tp)
    raise TypeError(
        f"no Arrow conversion for {tp!r}"
    )  # pragma: no cover - arrow_type refuses first


_ZEROS: dict[Any, object] = {
    str: "",
    int: 0,
    bool: False,
    float: 0.0,
    dt.date: dt.date(1970, 1, 1),
    dt.datetime: dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc),
}
_ZERO_DATETIME = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_NULL_DATETIMES: dict[int, pa.Array] = {}


_NULLS: dict[type, object] = {}


def _null_record(cls: type) -> object:
    null = _NULLS.get(cls)
    if null is None:
        hints = _hints(cls)
        null = types.SimpleNamespace(**{a.name: _null_of(hints[a.name]) for a in attrs.fields(cls)})
        _NULLS[cls] = null
    return null


def _builder(tp: Any) -> _Build:
    """The function turning a list of values of type ``tp`` into an Arrow array."""
    tp, nullable = _optional(tp)
    arrow = arrow_type(tp)
    if tp is dt.datetime:
        return _build_datetimes
    if tp in _SCALARS:
        return lambda values: pa.array(values, arrow)
    origin = typing.get_origin(tp)
    if origin is tuple:
        item = _builder(typing.get_args(tp)[0])
        no_items = _no_items(item)

        def build_list(values: list[Any]) -> pa.Array:
            isnull = _nulls(values) if nullable else None
            if isnull is not None:
                values = [() if v is None else v for v in values]
            offsets = pa.array(list(itertools.accumulate(map(len, values), initial=0)), pa.int32())
            flat = list(itertools.chain.from_iterable(values))
            mask = None if isnull is None else pa.array(isnull, pa.bool_())
            items = item(flat) if flat else no_items()
            return pa.ListArray.from_arrays(offsets, items, type=arrow, mask=mask)

        return build_list
    if origin in (Mapping, dict):
        value = _builder(typing.get_args(tp)[1])
        no_values = _no_items(value)

        def build_map(values: list[Any]) -> pa.Array:
            isnull = _nulls(values) if nullable else None
            if isnull is not None:
                values = [{} if v is None else v for v in values]
            offsets = pa.array(list(itertools.accumulate(map(len, values), initial=0)), pa.int32())
            flat = list(itertools.chain.from_iterable(values))
            keys = pa.array(flat, pa.string())
            items = value([x for v in values for x in v.values()]) if flat else no_values()
            mask = None if isnull is None else pa.array(isnull, pa.bool_())
            return pa.MapArray.from_arrays(offsets, keys, items, type=arrow, mask=mask)

        return build_map
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if all(isinstance(m, str) and m == m.value for m in tp):
            return lambda values: pa.array(values, arrow)  # a str enum (Severity) is its value
        return lambda values: pa.array([None if v is None else v._value_ for v in values], arrow)
    if isinstance(tp, type) and attrs.has(tp):
        hints = _hints(tp)
        children = [_builder(hints[a.name]) for a in attrs.fields(tp)]
        field_lists = _field_lists(tp)
        null = _null_record(tp)
        made: dict[int, pa.Array] = {}  # all-null columns by length

        def build_struct(values: list[Any], isnull: list[bool] | None = None) -> pa.Array:
            if isnull is None and nullable:
                isnull = _nulls(values)
                if isnull is not None:
                    if False not in isnull:
                        return _all_null(len(values), made, null_structs)
                    values = [null if v is None else v for v in values]
            arrays = [build(col) for build, col in zip(children, field_lists(values), strict=True)]
            return _struct(arrow, arrays, isnull)

        def null_structs(n: int) -> pa.Array:
            """``n`` null structs: the null record's zeros under an all-true mask."""
            return build_struct([null] * n, [True] * n)

        return build_struct
    raise TypeError(f"no Arrow conversion for {tp!r}")  # pragma: no cover


def _no_items(build: _Build) -> Callable[[], pa.Array]:
    """The empty array of ``build``'s type, made on first need and kept: a list
    column empty in a whole batch (``placeholders``, ``images``) then costs no
    call per field of its items."""
    made: list[pa.Array] = []

    def empty() -> pa.Array:
        if not made:
            made.append(build([]))
        return made[0]

    return empty


def _field_lists(cls: type) -> Callable[[list[Any]], list[list[Any]]]:
    """``lambda vs: [[v.url for v in vs], [v.title for v in vs], ...]`` for an
    attrs class, written out once per class: a comprehension's attribute load
    is specialised by the interpreter for a slot, about twice as fast as
    ``map(operator.attrgetter(name), vs)``, which looks the name up each time."""
    names = [a.name for a in attrs.fields(cls)]
    assert all(n.isidentifier() for n in names)
    body = ", ".join(f"[v.{n} for v in vs]" for n in names)
    return typing.cast(
        Callable[[list[Any]], list[list[Any]]],
        eval(f"lambda vs: [{body}]"),  # built from attrs field names only
    )


_COLUMNS: list[tuple[str, _Build]] | None = None
_ARTICLE_LISTS = _field_lists(Article)


def _columns() -> list[tuple[str, _Build]]:
    global _COLUMNS
    if _COLUMNS is None:
        hints = _hints(Article)
        _COLUMNS = [(a.name, _builder(hints[a.name])) for a in attrs.fields(Article)]
    return _COLUMNS


def to_record_batch(articles: Iterable[Article]) -> pa.RecordBatch:
    """An Arrow record batch of ``articles``, one row each, with :func:`arrow_schema`.

    Raises :class:`~newsmeta.errors.InputError` for an item that is not an
    ``Article`` and for a value Arrow cannot hold (an integer beyond 64 bits),
    naming the column.
    """
    rows = articles if isinstance(articles, list) else list(articles)
    if rows and set(map(type, rows)) != {Article}:
        for i, a in enumerate(rows):
            if type(a) is not Article:
                raise InputError(f"item {i} is a {type(a).__name__}, not an Article")
    arrays = []
    for (name, build), values in zip(_columns(), _ARTICLE_LISTS(rows), strict=True):
        try:
            arrays.append(build(values))
        except (  # noqa: PERF203 - the column is named in the error
            pa.ArrowInvalid,
            pa.ArrowTypeError,
            OverflowError,
        ) as exc:
            raise InputError(f"column {name}: {exc}") from None
    return pa.RecordBatch.from_arrays(arrays, schema=arrow_schema())


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

    Records are converted ``batch_size`` at a time; a row group is written each
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
        self._records: list[Article] = []
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
        self._records.append(article)
        if len(self._records) >= self._batch_size:
            self._convert()

    def write_batch(self, batch: pa.RecordBatch) -> None:
        """Add the rows of a record batch made by :func:`to_record_batch` (in another
        process, say), after the records written before it."""
        if not batch.schema.equals(arrow_schema()):
            raise InputError("the batch's schema is not arrow_schema()")
        if self._records:
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
        batch = to_record_batch(self._records)
        self._records = []
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
            if self._records:
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
