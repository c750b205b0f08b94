"""Articles on Apache Spark (the ``[spark]`` extra).

Three entry points, all giving the rows :func:`newsmeta.arrow.to_record_batch`
gives on one machine, with the Spark type of :func:`newsmeta.arrow.arrow_schema`:

- :func:`parse_column` adds a struct column holding the record parsed from
  each value of a string or binary column (pages or JSON you already have in
  a DataFrame).
- :func:`read` reads input files, one Spark task per file, each executor
  streaming its file through the same reader as ``newsmeta parse``: WARC,
  JSON Lines, dumps, HTML, NewsAPI JSON, gzipped or not. What it could not
  read, skipped or failed to parse is counted in a :class:`Tally`.
- :func:`write` (``newsmeta spark``) reads files as :func:`read` does into a
  Parquet dataset, each task writing its own file with pyarrow, and returns
  the job's :class:`Counts`.

Strategy: each runs a module-level function with ``DataFrame.mapInArrow``, so
rows cross between the JVM and Python as Arrow record batches (no per-row
pickling), and the record columns are built by :func:`newsmeta.arrow.to_record_batch`
column by column. What is shipped to executors is that function plus plain
options (strings, numbers, a :class:`~newsmeta.settings.Limits`, the list of
file paths); parsers,
selectors and lxml trees are made on the executor, per value, and never sit in
a closure. ``docs/dependencies.md`` says why ``mapInArrow``.

Importing this module needs PySpark (``pip install "newsmeta[spark]"``);
importing ``newsmeta`` never imports it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

try:
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyspark.accumulators import Accumulator, AccumulatorParam
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema, from_arrow_type
    from pyspark.sql.types import StringType, StructField, StructType
except ImportError:  # pragma: no cover - exercised in a subprocess by tests/test_spark.py
    raise ImportError(
        'newsmeta.spark needs PySpark, an optional extra: pip install "newsmeta[spark]"'
    ) from None

from newsmeta.arrow import arrow_schema, to_record_batch
from newsmeta.errors import ConfigError, NewsmetaError, check_argument
from newsmeta.records import Article
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = [
    "DAEMON_MODULE",
    "LOCAL_CONFIG",
    "MAX_MESSAGES",
    "SESSION_CONFIG",
    "Counts",
    "Tally",
    "parse_column",
    "read",
    "session",
    "spark_schema",
    "write",
]

#: Failure messages a :class:`Tally` keeps (the counts are always complete).
MAX_MESSAGES = 1_000

#: The worker daemon :func:`session` names in ``spark.python.daemon.module``:
#: PySpark's daemon with newsmeta loaded before it forks (:mod:`newsmeta.spark_daemon`).
DAEMON_MODULE = "newsmeta.spark_daemon"

#: What :func:`session` sets unless told otherwise: workers forked warm from
#: :data:`DAEMON_MODULE`, and no progress bar on the console.
SESSION_CONFIG: Mapping[str, str] = {
    "spark.python.daemon.module": DAEMON_MODULE,
    "spark.ui.showConsoleProgress": "false",
}

#: What :func:`session` adds for a ``local`` master, which starts its own JVM
#: for one job: no web UI, and the JVM's quick (C1) compiler only. In a local
#: job of :func:`write` the JVM only schedules tasks and hands out file
#: indexes; the parsing and the Parquet writing are in the Python workers, so
#: the optimising compiler's start-up CPU buys nothing (docs/scaling.md).
LOCAL_CONFIG: Mapping[str, str] = {
    "spark.ui.enabled": "false",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
}


def spark_schema() -> StructType:
    """The Spark type of a row of :func:`newsmeta.arrow.arrow_schema`: a ``StructType``
    with one field per :class:`~newsmeta.Article` field, in order."""
    return from_arrow_schema(arrow_schema())


def _loose(t: pa.DataType) -> pa.DataType:
    """``t`` with every nested field nullable: a record struct column holds
    nulls (a value that did not parse), and Spark mishandles non-null children
    under a null parent."""
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _loose(f.type)) for f in t])
    if pa.types.is_map(t):
        return pa.map_(_loose(t.key_type), _loose(t.item_type))
    if pa.types.is_list(t):
        return pa.list_(_loose(t.value_type))
    return t


def _record_type() -> pa.DataType:
    """The Arrow type of :func:`parse_column`'s record column."""
    return _loose(pa.struct(list(arrow_schema())))


# --------------------------------------------------------------------------- session


def session(
    master: str | None = None,
    *,
    app_name: str = "newsmeta",
    config: Mapping[str, str] | None = None,
) -> SparkSession:
    """A SparkSession set up for newsmeta's jobs (what ``newsmeta spark`` runs on).

    ``master`` is a Spark master URL; by default ``local[*]`` (every core of
    this machine), or, under ``spark-submit``, the master it was given. The
    session's Python workers are forked from :data:`DAEMON_MODULE`, which has
    newsmeta loaded, so they start warm; :data:`SESSION_CONFIG` lists what is
    set, and for a ``local`` master also :data:`LOCAL_CONFIG` (no web UI, a
    quicker-starting JVM). ``config`` adds or overrides settings; a setting
    already given to ``spark-submit`` (``--conf``) is kept. Executors run this
    interpreter (``PYSPARK_PYTHON``) unless the environment names another.

    A session already running in this process is returned as it is (Spark has
    one per process): its settings are not changed.
    """
    import sys

    check_argument("master", master, str)
    check_argument("app_name", app_name, str, optional=False)
    if config is not None and not all(
        isinstance(k, str) and isinstance(v, str) for k, v in config.items()
    ):
        raise ConfigError("config: a mapping of setting names to strings")
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # run by spark-submit: its JVM is up
    if master is None and not submitted:
        master = "local[*]"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    wanted = dict(SESSION_CONFIG)
    if master is not None and master.startswith("local") and not submitted:
        wanted.update(LOCAL_CONFIG)
    given: set[str] = set()
    if submitted:
        from pyspark import SparkConf, SparkContext

        SparkContext._ensure_initialized()  # connects to spark-submit's JVM
        given = {k for k, _v in SparkConf().getAll()}
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    for key, value in wanted.items():
        if key not in given:
            builder = builder.config(key, value)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


# --------------------------------------------------------------------------- counts


@attrs.frozen
class Counts:
    """What a Spark job read: records, failures and skips, summed over its tasks."""

    records: int = 0
    """Records written (rows)."""
    errors: int = 0
    """Items that could not be parsed (a line that is not JSON, a page over the size limit)."""
    unreadable: int = 0
    """Inputs that could not be read at all (missing, a corrupt gzip, a directory with no inputs)."""
    skipped: Mapping[str, int] = attrs.field(factory=dict)
    """Things passed over on purpose, by reason: files a directory walk left out
    (``not an input file``…), WARC records by kind (``warc request``, ``warc not-200``…)."""
    issues: Mapping[str, int] = attrs.field(factory=dict)
    """Issues by code over all records (with a validation profile: the profile's issues)."""
    passed: int = 0
    """Records that pass the validation profile (0 without one)."""
    failed: int = 0
    """Records that fail the validation profile (0 without one)."""
    messages: tuple[str, ...] = ()
    """One line per unreadable input and per item error, the first :data:`MAX_MESSAGES`."""

    def __add__(self, other: Counts) -> Counts:
        def add(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
            out = dict(a)
            for k, v in b.items():
                out[k] = out.get(k, 0) + v
            return out

        return Counts(
            records=self.records + other.records,
            errors=self.errors + other.errors,
            unreadable=self.unreadable + other.unreadable,
            skipped=add(self.skipped, other.skipped),
            issues=add(self.issues, other.issues),
            passed=self.passed + other.passed,
            failed=self.failed + other.failed,
            messages=(self.messages + other.messages)[:MAX_MESSAGES],
        )


class _CountsParam(AccumulatorParam):  # type: ignore[type-arg]
    def zero(self, value: Counts) -> Counts:
        return Counts()

    def addInPlace(self, value1: Counts, value2: Counts) -> Counts:
        return value1 + value2


class Tally:
    """Counts of a Spark job, summed over its tasks by an accumulator.

    Pass one to :func:`read`; read :attr:`value` after the action that ran the
    job (a write, ``count()``). A task that fails and is retried adds its counts
    once: Spark drops a failed attempt's accumulator updates, and counts
    updated in the single stage of a write are applied once per task. A
    DataFrame evaluated twice counts twice; run one action per tally.
    """

    def __init__(self, spark: SparkSession) -> None:
        self._acc: Accumulator[Counts] = spark.sparkContext.accumulator(Counts(), _CountsParam())

    @property
    def value(self) -> Counts:
        """The counts so far."""
        return self._acc.value

    def add(self, counts: Counts) -> None:
        """Add counts (on the driver, or inside a task)."""
        self._acc.add(counts)


# --------------------------------------------------------------------------- parse_column


def _check_format(format: str | None) -> None:
    check_argument("format", format, str)
    if format is not None:
        from newsmeta.adapters import get

        get(format)  # an unknown name raises ConfigError here, on the driver


def _parse_values(
    column: str,
    url_column: str | None,
    input_column: str | None,
    output_column: str,
    format: str | None,
    limits: Limits,
    batches: Iterable[pa.RecordBatch],
) -> Iterator[pa.RecordBatch]:
    """The executor side of :func:`parse_column`: each batch with two columns added."""
    from newsmeta.api import parse

    for batch in batches:
        values = batch.column(column).to_pylist()
        urls = batch.column(url_column).to_pylist() if url_column else [None] * len(values)
        names = batch.column(input_column).to_pylist() if input_column else [None] * len(values)
        articles: list[Article | None] = []
        errors: list[str | None] = []
        for value, url, name in zip(values, urls, names, strict=False):
            if value is None:
                articles.append(None)
                errors.append(None)
                continue
            try:
                articles.append(
                    parse(value, format=format, url=url, input_name=name, limits=limits)
                )
                errors.append(None)
            except NewsmetaError as exc:
                articles.append(None)
                errors.append(str(exc))
        yield _with_records(batch, articles, errors, output_column)


def _with_records(
    batch: pa.RecordBatch, articles: list[Any], errors: list[str | None], output_column: str
) -> pa.RecordBatch:
    """``batch`` plus the records as one struct column (null where there is none)
    and their errors; a record Arrow cannot hold becomes an error."""
    kept = [a for a in articles if a is not None]
    try:
        table = to_record_batch(kept)
    except NewsmetaError:
        for i, a in enumerate(articles):
            if a is None:
                continue
            try:
                to_record_batch([a])
            except NewsmetaError as exc:
                articles[i], errors[i] = None, str(exc)
        kept = [a for a in articles if a is not None]
        table = to_record_batch(kept)
    struct = pa.StructArray.from_arrays(table.columns, fields=list(table.schema))
    struct = struct.cast(_record_type())
    present = pa.array([a is not None for a in articles], pa.bool_())
    # Spread the rows of the kept records over the batch, nulls where none.
    index = pa.array(_positions(articles), pa.int64())
    spread = struct.take(index)
    spread = pc.if_else(present, spread, pa.nulls(len(articles), spread.type))
    return pa.RecordBatch.from_arrays(
        [*batch.columns, spread, pa.array(errors, pa.string())],
        names=[*batch.schema.names, output_column, f"{output_column}_error"],
    )


def _positions(articles: list[Any]) -> list[int | None]:
    out: list[int | None] = []
    n = 0
    for a in articles:
        if a is None:
            out.append(None)
        else:
            out.append(n)
            n += 1
    return out


def parse_column(
    df: DataFrame,
    column: str,
    *,
    format: str | None = None,
    url_column: str | None = None,
    input_column: str | None = None,
    output_column: str = "record",
    limits: Limits = DEFAULT_LIMITS,
) -> DataFrame:
    """``df`` with the record parsed from each value of ``column`` as a struct column.

    ``column`` holds strings or bytes: a page, a dump, a NewsAPI item (one
    article each; see :func:`newsmeta.parse`). ``format`` names an adapter
    (detected per value by default); ``url_column`` holds where each page was
    fetched, ``input_column`` how each value is named in provenance.

    Two columns are added: ``output_column`` (``record`` by default), a struct
    with the fields of :func:`spark_schema` (all nullable), and ``<output_column>_error``, the one-line
    error of a value that could not be parsed (whose record is null). A null
    value gives a null record and no error. ``df.select("record.*")`` has the
    columns of ``newsmeta parse --output x.parquet``.
    """
    check_argument("column", column, str, optional=False)
    check_argument("output_column", output_column, str, optional=False)
    check_argument("url_column", url_column, str)
    check_argument("input_column", input_column, str)
    check_argument("limits", limits, Limits, optional=False)
    _check_format(format)
    names = set(df.columns)
    for what, name in (
        ("column", column),
        ("url_column", url_column),
        ("input_column", input_column),
    ):
        if name is not None and name not in names:
            raise ConfigError(f"{what}: the DataFrame has no column {name!r}")
    for new in (output_column, f"{output_column}_error"):
        if new in names:
            raise ConfigError(f"output_column: the DataFrame already has a column {new!r}")
    out = StructType(
        [
            *df.schema.fields,
            StructField(output_column, from_arrow_type(_record_type())),
            StructField(f"{output_column}_error", StringType()),
        ]
    )
    func = _parse_function(column, url_column, input_column, output_column, format, limits)
    return df.mapInArrow(func, out)


def _parse_function(
    column: str,
    url_column: str | None,
    input_column: str | None,
    output_column: str,
    format: str | None,
    limits: Limits,
) -> functools.partial[Iterator[pa.RecordBatch]]:
    """What :func:`parse_column` ships to executors: a module function and plain options."""
    return functools.partial(
        _parse_values, column, url_column, input_column, output_column, format, limits
    )


# --------------------------------------------------------------------------- read


def _counts_of(batch: pa.RecordBatch) -> dict[str, int]:
    """Issues per code in a batch of records."""
    codes = pc.list_flatten(batch.column("issues")).field("code")
    out: dict[str, int] = {}
    for row in pc.value_counts(codes).to_pylist():
        out[str(row["values"])] = int(row["counts"])
    return out


def _parse_file(
    path: str, name: str, lines: bool, format: str | None, limits: Limits, profile: str | None
) -> Iterator[pa.RecordBatch | Counts]:
    """One input read and parsed as ``newsmeta parse`` does: its records as
    Arrow batches, then, last, its :class:`Counts` (a failure to read it is
    counted there; what was read before it is kept)."""
    from newsmeta._batch import (
        READ_ERRORS,
        UNREADABLE,
        Source,
        TaskOptions,
        describe_read_error,
        init_task,
        iter_tasks,
        parse_task,
    )

    init_task(TaskOptions(format=format, limits=limits, records=True))
    counts = Counts()
    skipped: dict[str, int] = {}

    def note(_name: str, kinds: dict[str, int]) -> None:
        for kind, n in kinds.items():
            skipped[f"warc {kind}"] = skipped.get(f"warc {kind}", 0) + n

    tasks = iter_tasks(Source(path, name, lines), None, limits.max_input_bytes, note)  # type: ignore[arg-type]
    while True:
        try:
            task = next(tasks)
        except StopIteration:
            break
        except READ_ERRORS as exc:
            task = (UNREADABLE, (name, describe_read_error(exc)))
        for kind, _rid, payload in parse_task(task):
            if kind == "batch":
                counts += _batch_counts(payload, profile)
                yield payload
            elif kind == UNREADABLE:
                counts += Counts(unreadable=1, messages=(str(payload),))
            elif kind == "skipped":
                counts += Counts(skipped={str(payload): 1})
            else:  # error
                counts += Counts(errors=1, messages=(str(payload),))
        if task[0] == UNREADABLE:
            break
    yield counts + Counts(skipped=skipped)


#: An input file as the driver lists it: ``(index, path, name, read as JSON Lines)``.
_File = tuple[int, str, str, bool]


def _files_of(files: Sequence[_File], batches: Iterable[pa.RecordBatch]) -> Iterator[_File]:
    """The files whose indexes (column ``id``) a task was given."""
    for batch in batches:
        for i in batch.column("id").to_pylist():
            yield files[i]


def _read_files(
    format: str | None,
    limits: Limits,
    profile: str | None,
    tally: Tally | None,
    files: Sequence[_File],
    batches: Iterable[pa.RecordBatch],
) -> Iterator[pa.RecordBatch]:
    """The executor side of :func:`read`: every input named in ``batches``
    read and parsed, its records yielded as batches, its counts added to ``tally``."""
    for _index, path, name, lines in _files_of(files, batches):
        for got in _parse_file(path, name, lines, format, limits, profile):
            if isinstance(got, Counts):
                if tally is not None:
                    tally.add(got)
            else:
                yield got


#: The rows :func:`write`'s tasks return: one per input file.
_WRITTEN = "index long, records long, counts string"


def _write_files(
    folder: str,
    format: str | None,
    limits: Limits,
    profile: str | None,
    files: Sequence[_File],
    batches: Iterable[pa.RecordBatch],
) -> Iterator[pa.RecordBatch]:
    """The executor side of :func:`write`: each input's records written to
    ``folder/part-INDEX.parquet`` (whole, then renamed into place); one small
    row per input with its counts."""
    import json

    from newsmeta.arrow import ParquetSink

    for index, path, name, lines in _files_of(files, batches):
        target = os.path.join(folder, f"part-{index:05d}.parquet")
        counts = Counts()
        with ParquetSink(target) as sink:
            for got in _parse_file(path, name, lines, format, limits, profile):
                if isinstance(got, Counts):
                    counts = got
                else:
                    sink.write_batch(got)
        yield pa.RecordBatch.from_pydict(
            {
                "index": pa.array([index], pa.int64()),
                "records": pa.array([sink.count], pa.int64()),
                "counts": pa.array([json.dumps(attrs.asdict(counts))], pa.string()),
            }
        )


def _batch_counts(batch: pa.RecordBatch, profile: str | None) -> Counts:
    if profile is None:
        return Counts(records=batch.num_rows, issues=_counts_of(batch))
    from newsmeta.arrow import from_record_batch
    from newsmeta.validate import fails, validate

    issues: dict[str, int] = {}
    passed = failed = 0
    for article in from_record_batch(batch):
        found = validate(article, profile)
        for issue in found:
            issues[issue.code] = issues.get(issue.code, 0) + 1
        if fails(found, profile):
            failed += 1
        else:
            passed += 1
    return Counts(records=batch.num_rows, issues=issues, passed=passed, failed=failed)


def read(
    spark: SparkSession,
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    validate: str | None = None,
    tally: Tally | None = None,
) -> DataFrame:
    """A DataFrame of the records in input files, one row per :class:`~newsmeta.Article`.

    ``paths`` are files, directories (walked as ``newsmeta parse`` walks them)
    and glob patterns, expanded on the driver; every file must be readable at
    the same path on the executors (a shared or mounted file system). Each
    file is one partition, read by one task that streams it through the
    reader of ``newsmeta parse``, so the rows equal ``newsmeta parse --output
    x.parquet``'s (order aside): WARC (needs ``[warc]``), JSON Lines, NewsAPI
    JSON, dumps, HTML, each maybe gzipped. The columns are :func:`spark_schema`'s.

    With a ``tally`` (a :class:`Tally`), the job's :class:`Counts` are summed
    into it when an action runs the DataFrame: files passed over, inputs that
    could not be read (a corrupt file fails its own rows, never the job), items
    that could not be parsed, and issues per code; ``validate`` names a
    validation profile (``default``, ``strict``) whose issues and verdicts are
    counted instead of the records' own issues.
    """
    ids, files, driver = _files(spark, paths, format, limits, validate)
    if tally is not None:
        tally.add(driver)
    return ids.mapInArrow(_read_function(format, limits, validate, tally, files), spark_schema())


def _files(
    spark: SparkSession,
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    format: str | None,
    limits: Limits,
    validate: str | None,
) -> tuple[DataFrame, tuple[_File, ...], Counts]:
    """The input files: a DataFrame of their indexes, one per partition, the
    files themselves (shipped to the tasks with the function), and the driver's counts
    (files a directory walk skipped, arguments that name nothing readable)."""
    from newsmeta._batch import InputFailure, Skipped, expand_inputs

    check_argument("limits", limits, Limits, optional=False)
    _check_format(format)
    if validate is not None:
        from newsmeta.validate import get_profile

        check_argument("validate", validate, str)
        get_profile(validate)  # an unknown name raises ConfigError here
    args = (
        [os.fspath(paths)]
        if isinstance(paths, (str, os.PathLike))
        else [os.fspath(p) for p in paths]
    )
    rows: list[tuple[int, str, str, bool]] = []
    driver = Counts()
    for source in expand_inputs(args):
        if isinstance(source, Skipped):
            driver += Counts(skipped={source.reason.removeprefix("skipped: "): 1})
        elif isinstance(source, InputFailure):
            driver += Counts(unreadable=1, messages=(f"{source.name}: {source.reason}",))
        elif source.path == "-":
            raise ConfigError("paths: a Spark job reads files, not standard input")
        else:
            rows.append((len(rows), os.path.abspath(source.path), source.name, source.lines))
    # One file per partition, and no Python on the way: ``range`` with as many
    # partitions as files gives each task exactly one index, built in the JVM
    # (a DataFrame of the paths made from Python rows would need a Python
    # worker per task just to hand them over; a repartition, a shuffle).
    ids = spark.range(0, len(rows), 1, numPartitions=max(len(rows), 1))
    return ids, tuple(rows), driver


def _read_function(
    format: str | None,
    limits: Limits,
    validate: str | None,
    tally: Tally | None,
    files: Sequence[_File],
) -> functools.partial[Iterator[pa.RecordBatch]]:
    """What :func:`read` ships to executors: a module function, plain options
    and the tally's accumulator (the file paths come as rows)."""
    return functools.partial(_read_files, format, limits, validate, tally, tuple(files))


def write(
    spark: SparkSession,
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    validate: str | None = None,
) -> Counts:
    """Parse ``paths`` (as :func:`read`) into a Parquet dataset at ``output``; the job's counts.

    The dataset is a directory with one ``part-NNNNN.parquet`` file per input
    file, each with exactly the schema of ``newsmeta parse --output x.parquet``
    (:func:`newsmeta.arrow.arrow_schema`). Each task writes its file with
    pyarrow (as one process does) and hands back one row of counts; no record
    passes through the JVM. A file is written under a temporary name and
    renamed into place, and its name depends on the input alone, so a task
    that fails half-way leaves nothing and its retry (or a speculative copy)
    writes the same file whole: no duplicate rows. The job writes under a
    temporary directory beside ``output`` and renames it at the end, so
    ``output`` is complete or absent. ``output`` must be on a file system the
    executors share with the driver; an existing ``output`` is a
    :class:`~newsmeta.errors.ConfigError`.
    """
    import json
    import shutil
    import uuid

    target = os.path.abspath(os.fspath(output))
    if os.path.exists(target):
        raise ConfigError(f"{os.fspath(output)}: already exists; name a new directory")
    tmp = os.path.join(
        os.path.dirname(target), f".{os.path.basename(target)}.tmp-{uuid.uuid4().hex[:8]}"
    )
    ids, files, counts = _files(spark, paths, format, limits, validate)
    os.mkdir(tmp)
    try:
        func = _write_function(tmp, format, limits, validate, files)
        rows = ids.mapInArrow(func, _WRITTEN).collect()
        for row in sorted(rows, key=lambda r: r["index"]):
            got = json.loads(row["counts"])
            got["messages"] = tuple(got["messages"])
            counts += Counts(**got)
        if not rows:  # no input at all: still a dataset with the schema
            from newsmeta.arrow import write_parquet

            write_parquet([], os.path.join(tmp, "part-00000.parquet"))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
    return counts


def _write_function(
    folder: str,
    format: str | None,
    limits: Limits,
    validate: str | None,
    files: Sequence[_File],
) -> functools.partial[Iterator[pa.RecordBatch]]:
    """What :func:`write` ships to executors: a module function and plain options."""
    return functools.partial(_write_files, folder, format, limits, validate, tuple(files))
