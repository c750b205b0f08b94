"""newsmeta.spark and ``newsmeta spark`` on a local Spark: the same rows as one process.

The tests marked ``spark`` share one session-scoped ``local[2, 2]`` session
made by :func:`newsmeta.spark.session`, as ``newsmeta spark`` makes it (its
Python workers forked from :mod:`newsmeta.spark_daemon`; two cores; a task
may fail once and be retried, as on a cluster, so the retry test can force a
first-attempt failure). They need Java 17 and skip with a reason when
``java`` is absent.
"""

from __future__ import annotations

import gzip
import io
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsmeta
from newsmeta._convert import record_json_bytes
from newsmeta.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"

#: A mix of every input kind ``newsmeta parse`` reads, kept small (one task per file).
INPUTS = [
    *sorted((FIX / "html").glob("*.html"))[:3],
    FIX / "html" / "flowfx-de-tmux.options.json",  # not an article: an item error
    *sorted((FIX / "dumps").glob("*.txt"))[:2],
    *sorted((FIX / "newsapi").glob("*.json"))[::2][:3],
    FIX / "text" / "sputnik-seed-000.txt",
    FIX / "warc" / "crawl.warc.gz",
    FIX / "warc" / "crawl-cut.warc.gz",
]


def _no_java() -> str | None:
    if shutil.which("java") is None:
        return "java absent: the spark tests need a Java 17 runtime (README, Testing)"
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return 'pyspark absent: pip install -e ".[test]"'
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    why = _no_java()
    if why:
        pytest.skip(why)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from newsmeta import spark as ns

    # The session newsmeta spark makes (workers forked from newsmeta.spark_daemon),
    # on two cores with one retry allowed.
    session = ns.session(
        "local[2, 2]", app_name="newsmeta-tests", config={"spark.sql.shuffle.partitions": "2"}
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The fixture inputs plus a gzipped JSON Lines file of NewsAPI items."""
    d = tmp_path_factory.mktemp("inputs")
    lines = b"".join(
        p.read_bytes().replace(b"\n", b" ").strip() + b"\n"
        for p in sorted((FIX / "newsapi").glob("*.json"))
        if not p.name.endswith(".expected.json")
    )
    jl = d / "items.jsonl.gz"
    jl.write_bytes(gzip.compress(lines + b"not json\n"))
    return [str(p) for p in INPUTS] + [str(jl)]


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _records(table: Any) -> list[newsmeta.Article]:
    """The records of a table read back from Parquet, in a stable order."""
    import pyarrow as pa

    from newsmeta.arrow import arrow_schema, from_record_batch

    # Rebuilt from Python values: a Spark column holds nulls under a null struct,
    # which a cast to the non-null fields of arrow_schema() refuses.
    rows = table.select(arrow_schema().names).to_pylist()
    got = from_record_batch(pa.Table.from_pylist(rows, schema=arrow_schema()))
    return sorted(got, key=lambda a: record_json_bytes(a))


def _types(schema: Any) -> list[tuple[str, str]]:
    """Column names and types, nullability aside (Spark writes every column nullable)."""
    import pyarrow as pa

    def loose(t: pa.DataType) -> pa.DataType:
        if pa.types.is_struct(t):
            return pa.struct([pa.field(f.name, loose(f.type)) for f in t])
        if pa.types.is_map(t):
            return pa.map_(loose(t.key_type), loose(t.item_type))
        if pa.types.is_list(t):
            return pa.list_(loose(t.value_type))
        return t

    return [(f.name, str(loose(f.type))) for f in schema]


# --------------------------------------------------------------------------- no Java needed


def test_cli_without_pyspark_says_so_in_one_line(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyspark'] = None\n"
        "from newsmeta.cli import main\n"
        f"sys.exit(main(['spark', {str(FIX / 'text')!r}, '--output', {str(tmp_path / 'out')!r}]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "newsmeta[spark]" in out.stderr
    assert not (tmp_path / "out").exists()


def test_cli_without_java_says_what_to_install(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "PATH")}
    env["PATH"] = str(tmp_path)  # no java here
    code = (
        "import sys\nfrom newsmeta.cli import main\n"
        f"sys.exit(main(['spark', {str(FIX / 'text')!r}, '--output', {str(tmp_path / 'out')!r}]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "Java 17" in out.stderr and "no java on PATH" in out.stderr
    assert not (tmp_path / "out").exists()


def test_daemon_preload_starts_no_thread() -> None:
    """The daemon forks its workers after preload(): a thread then would be lost
    in every child (and any lock it held with it)."""
    pytest.importorskip("pyspark", reason="pyspark absent")
    if not os.path.isdir("/proc/self/task"):
        pytest.skip("/proc absent: counting threads needs Linux")
    code = (
        "import os, sys\n"
        "from newsmeta.spark_daemon import MODULES, preload\n"
        "preload()\n"
        "print(len(os.listdir('/proc/self/task')))\n"
        "print(' '.join(m for m in ('pyarrow', 'numpy', 'pandas') if m in sys.modules))\n"
        "print(all(m in sys.modules for m in MODULES), 'pyspark.worker' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["1", "", "True True"], out.stderr
    assert "warm-up parse failed" not in out.stderr


def _zip_of(tmp_path: Path, version: str) -> Path:
    """A stand-in for Spark's pyspark.zip holding a pyspark of ``version``."""
    import zipfile

    path = tmp_path / version / "pyspark.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("pyspark/__init__.py", "ZIPPED = True\n")
        zf.writestr("pyspark/version.py", f'__version__: str = "{version}"\n')
    return path


def test_daemon_prefers_the_installed_pyspark_of_the_same_release(tmp_path: Path) -> None:
    pyspark = pytest.importorskip("pyspark", reason="pyspark absent")
    code = (
        "import sys\n"
        "from newsmeta.spark_daemon import prefer_installed_pyspark\n"
        "moved = prefer_installed_pyspark()\n"
        "import pyspark\n"
        "print(moved, hasattr(pyspark, 'ZIPPED'), sys.path[-1].endswith('pyspark.zip'))\n"
    )

    def run(zipped: Path) -> str:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(zipped), *sys.path[1:]])}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        return out.stdout.strip()

    # The same release: the installed copy (bytecode cached) is imported instead.
    assert run(_zip_of(tmp_path, pyspark.__version__)) == "True False True"
    # Another release: Spark's zip stays first and is what is imported.
    assert run(_zip_of(tmp_path, "0.0.1")) == "False True False"


def test_importing_the_daemon_module_imports_nothing_optional() -> None:
    code = (
        "import sys\nimport newsmeta.spark_daemon\n"
        "print(' '.join(m for m in ('pyspark', 'pyarrow', 'lxml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lxml"]  # newsmeta's own core, nothing optional


# --------------------------------------------------------------------------- on Spark


def _worker_state(batches: Iterator[Any]) -> Iterator[Any]:
    """What a Python worker looks like when its task starts: the module it was
    forked from, and whether newsmeta was loaded before the task asked for it."""
    import pyarrow as pa

    daemon = sys.modules["__main__"]
    main_spec = getattr(daemon, "__spec__", None)
    for batch in batches:
        yield pa.RecordBatch.from_pydict(
            {
                "id": batch.column("id"),
                "daemon": [main_spec.name if main_spec else None] * batch.num_rows,
                "warm": ["newsmeta._batch" in getattr(daemon, "LOADED", ())] * batch.num_rows,
                "zipped": [".zip" in (sys.modules["pyspark"].__file__ or "")] * batch.num_rows,
            }
        )


@pytest.mark.spark
def test_session_forks_workers_from_the_newsmeta_daemon(spark: Any) -> None:
    from newsmeta import spark as ns

    conf = spark.sparkContext.getConf()
    assert conf.get("spark.python.daemon.module") == ns.DAEMON_MODULE
    assert conf.get("spark.ui.enabled") == "false"
    assert "-XX:TieredStopAtLevel=1" in (conf.get("spark.driver.extraJavaOptions") or "")
    rows = (
        spark.range(0, 4, 1, numPartitions=2)
        .mapInArrow(_worker_state, "id long, daemon string, warm boolean, zipped boolean")
        .collect()
    )
    # Forked from the newsmeta daemon, with newsmeta loaded, and PySpark from
    # its installed copy (the release of Spark's pyspark.zip here).
    assert {(r["daemon"], r["warm"], r["zipped"]) for r in rows} == {
        ("newsmeta.spark_daemon", True, False)
    }
    assert ns.session() is spark  # the running session, as it is
    with pytest.raises(newsmeta.errors.ConfigError, match="config"):
        ns.session(config={"spark.ui.enabled": False})  # type: ignore[dict-item]


class _Spy(pickle.Unpickler):
    """An unpickler that records every class or function the pickle names."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self.names: list[str] = []

    def find_class(self, module: str, name: str) -> Any:
        self.names.append(f"{module}.{name}")
        return super().find_class(module, name)


@pytest.mark.spark
def test_shipped_functions_hold_no_parser_objects(spark: Any) -> None:
    import pyarrow as pa
    from pyspark import cloudpickle

    from newsmeta import spark as ns

    tally = ns.Tally(spark)
    page_file = (0, str(FIX / "html" / "flowfx-de-tmux.html"), "p", False)
    read_fn = ns._read_function("html", newsmeta.Limits(), "strict", tally, [page_file])
    parse_fn = ns._parse_function("data", "url", None, "record", None, newsmeta.Limits())
    # Run them here first, so any parser or tree they made would be reachable if it were kept.
    page = (FIX / "html" / "flowfx-de-tmux.html").read_bytes()
    batch = pa.RecordBatch.from_pydict({"data": [page], "url": ["https://flowfx.de/"]})
    assert next(iter(parse_fn([batch]))).column("record_error").to_pylist() == [None]
    ids = pa.RecordBatch.from_pydict({"id": pa.array([0], pa.int64())})
    assert sum(b.num_rows for b in read_fn([ids])) == 1
    write_fn = ns._write_function(str(FIX), "html", newsmeta.Limits(), None, [page_file])
    for fn in (read_fn, parse_fn, write_fn):
        spy = _Spy(cloudpickle.dumps(fn))
        spy.load()
        named = spy.names
        assert any(n.startswith("newsmeta.spark._") for n in named), named
        bad = [n for n in named if n.split(".")[0] in ("lxml", "parsel", "cssselect")]
        bad += [n for n in named if n.endswith(("Selector", "_Element", "HtmlElement"))]
        assert not bad, bad


@pytest.mark.spark
def test_job_rows_equal_one_process_parquet(spark: Any, inputs: list[str], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newsmeta import spark as ns
    from newsmeta.arrow import arrow_schema

    code, _out, _err = _cli("parse", *inputs, "--output", str(tmp_path / "one.parquet"))
    assert code == 1  # the options file and the bad JSON line are item errors
    counts = ns.write(spark, inputs, tmp_path / "ds")
    one = pq.read_table(tmp_path / "one.parquet")
    many = pq.read_table(tmp_path / "ds")
    assert one.num_rows > 20
    assert many.num_rows == one.num_rows == counts.records
    assert _types(many.schema) == _types(arrow_schema()) == _types(one.schema)
    assert _records(many) == _records(one)
    # Every file read by one task, which writes one Parquet file with the very schema.
    parts = sorted((tmp_path / "ds").glob("part-*.parquet"))
    assert len(parts) == len(inputs)
    assert all(pq.read_schema(p).equals(arrow_schema()) for p in parts)
    assert counts.errors == 2 and counts.unreadable == 0
    assert counts.skipped["warc request"] >= 4
    assert counts.issues["warc-truncated"] >= 1


@pytest.mark.spark
def test_cli_counts_and_a_corrupt_input_fails_only_its_rows(spark: Any, tmp_path: Path) -> None:
    good = FIX / "newsapi" / "ordinary-en.json"
    cut = tmp_path / "cut.jsonl.gz"
    items = (
        b"".join(
            (FIX / "newsapi" / n).read_bytes().replace(b"\n", b" ") + b"\n"
            for n in ("ordinary-en.json", "rs-boilerplate.json")
        )
        * 200
    )
    whole = gzip.compress(items)
    cut.write_bytes(whole[: len(whole) // 2])  # a gzip stream cut half-way
    missing = tmp_path / "missing.json"
    out = tmp_path / "ds"
    code, stdout, stderr = _cli(
        "spark", str(good), str(cut), str(missing), "--output", str(out), "--validate", "strict"
    )
    assert code == 2, stderr  # inputs could not be read
    assert "cut.jsonl.gz: gzip stream ends early" in stderr
    assert "missing.json: cannot read" in stderr
    assert "failed: 2 inputs unreadable, 0 items not parsed" in stdout
    assert "validation:" in stdout and "issues: " in stdout
    import pyarrow.parquet as pq

    n = pq.read_table(out).num_rows
    records = int(stdout.split("records: ")[1].split()[0].replace(",", ""))
    # As many rows as one process keeps: the good file's, and whatever came before the cut.
    one = _cli("parse", str(good), str(cut), str(missing), "--output", str(tmp_path / "x.parquet"))
    assert one[0] == 2
    assert n == records == pq.read_table(tmp_path / "x.parquet").num_rows >= 1
    assert spark.sparkContext._jsc is not None  # the test session is left running
    again = _cli("spark", str(good), "--output", str(out))
    assert again[0] == 2 and "already exists" in again[2]


@pytest.mark.spark
def test_parse_column_adds_a_record_struct(spark: Any) -> None:
    from newsmeta import spark as ns

    pages = sorted((FIX / "html").glob("*.html"))[:3]
    rows = [(str(p), p.read_bytes(), f"https://example.org/{p.stem}") for p in pages]
    rows.append(("bad", b'{"title": ', None))
    rows.append(("none", None, None))
    df = spark.createDataFrame(rows, "name string, data binary, url string")
    out = ns.parse_column(df, "data", url_column="url", input_column="name", format=None)
    assert out.columns == ["name", "data", "url", "record", "record_error"]
    got = {r["name"]: r for r in out.select("name", "record_error", "record.title").collect()}
    assert got["bad"]["record_error"] and got["bad"]["title"] is None
    assert got["none"]["record_error"] is None and got["none"]["title"] is None
    table = out.where("record is not null").orderBy("name").select("record.*").toArrow()
    want = [
        newsmeta.parse(data, url=url, input_name=name) for name, data, url in rows[: len(pages)]
    ]
    assert _records(table) == _records_of(want)
    with pytest.raises(newsmeta.errors.ConfigError, match="no column"):
        ns.parse_column(df, "nope")


def _records_of(articles: list[newsmeta.Article]) -> list[newsmeta.Article]:
    from newsmeta.arrow import to_record_batch

    return _records(to_record_batch(articles))


def _fail_first_attempt(batches: Iterator[Any]) -> Iterator[Any]:
    """Pass the rows through, but fail the first attempt of partition 0 after its first batch."""
    from pyspark import TaskContext

    ctx = TaskContext.get()
    assert ctx is not None
    for batch in batches:
        yield batch
        if ctx.partitionId() == 0 and ctx.attemptNumber() == 0:
            raise RuntimeError("forced failure of a first attempt")


@pytest.mark.spark
def test_a_retried_task_writes_no_duplicate_rows(spark: Any, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newsmeta import spark as ns

    src = tmp_path / "items.jsonl"
    item = (FIX / "newsapi" / "ordinary-en.json").read_bytes().replace(b"\n", b" ")
    src.write_bytes((item + b"\n") * 5000)  # several Arrow batches from one file
    other = FIX / "text" / "sputnik-seed-000.txt"
    tally = ns.Tally(spark)
    df = ns.read(spark, [str(src), str(other)], tally=tally)
    df.mapInArrow(_fail_first_attempt, df.schema).write.parquet(str(tmp_path / "ds"))
    assert pq.read_table(tmp_path / "ds").num_rows == 5001
    assert tally.value.records == 5001  # the failed attempt's counts were dropped


def test_a_write_task_run_twice_leaves_one_whole_file(tmp_path: Path) -> None:
    """What a retried (or speculative) task does: the same file, written whole, once."""
    pytest.importorskip("pyspark", reason="pyspark absent")
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsmeta import spark as ns

    files = [(7, str(FIX / "warc" / "crawl.warc.gz"), "crawl.warc.gz", False)]
    ids = pa.RecordBatch.from_pydict({"id": pa.array([0], pa.int64())})
    write = ns._write_function(str(tmp_path), None, newsmeta.Limits(), None, files)
    first = next(iter(write([ids])))
    second = next(iter(write([ids])))
    assert first.to_pylist() == second.to_pylist()
    assert sorted(os.listdir(tmp_path)) == ["part-00007.parquet"]
    assert (
        pq.read_table(tmp_path / "part-00007.parquet").num_rows == first["records"][0].as_py() > 0
    )
