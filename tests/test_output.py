"""``newsmeta parse --output FILE``: the format told by the extension; complete or absent."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsmeta import Article
from newsmeta.cli import main
from tests.conftest import FIXTURES

pq = pytest.importorskip("pyarrow.parquet")
from newsmeta.arrow import arrow_schema, read_parquet  # noqa: E402

NEWSAPI = sorted((FIXTURES / "newsapi").glob("*.json"))
INPUTS = [str(p) for p in NEWSAPI if not p.name.endswith(".expected.json")]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder (no pyproject.toml is picked up, no file left behind)."""
    monkeypatch.chdir(tmp_path)


def stdout_records(argv: list[str]) -> list[Article]:
    code, out, _err = run(["parse", "--jsonl", *argv])
    assert code == 0
    return [Article.from_json(line) for line in out.splitlines()]


def test_there_are_inputs() -> None:
    assert len(INPUTS) >= 4


def test_output_parquet(tmp_path: Path) -> None:
    code, out, err = run(["parse", *INPUTS, "--output", "out.parquet"])
    assert code == 0, err
    assert out == ""  # nothing on standard output
    assert os.listdir(tmp_path) == ["out.parquet"]
    assert pq.ParquetFile("out.parquet").schema_arrow.equals(arrow_schema())
    assert read_parquet("out.parquet") == stdout_records(INPUTS)


def test_output_parquet_of_one_input_is_still_a_table() -> None:
    assert run(["parse", INPUTS[0], "-o", "one.parquet"])[0] == 0
    assert read_parquet("one.parquet") == stdout_records(INPUTS[:1])


def test_output_parquet_of_no_record_is_an_empty_table(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    code, _out, _err = run(["parse", "empty.jsonl", "--output", "none.parquet"])
    assert code == 0
    assert read_parquet("none.parquet") == []


@pytest.mark.parametrize(
    ("name", "flags"), [("out.jsonl", ["--jsonl"]), ("out.json", []), ("OUT.JSON", ["--indent"])]
)
def test_output_json_is_what_stdout_gets(name: str, flags: list[str]) -> None:
    _code, expected, _err = run(["parse", *INPUTS, *flags])
    code, out, err = run(["parse", *INPUTS, *flags, "--output", name])
    assert code == 0, err
    assert out == ""
    assert Path(name).read_text(encoding="utf-8") == expected


def test_output_jsonl_without_the_flag() -> None:
    _code, expected, _err = run(["parse", *INPUTS, "--jsonl"])
    assert run(["parse", *INPUTS, "--output", "out.jsonl"])[0] == 0
    assert Path("out.jsonl").read_text(encoding="utf-8") == expected


def test_output_json_of_one_file_is_an_object() -> None:
    assert run(["parse", INPUTS[0], "--output", "one.json"])[0] == 0
    data = json.loads(Path("one.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)


def test_output_dash_is_stdout(tmp_path: Path) -> None:
    code, out, _err = run(["parse", *INPUTS, "--jsonl", "--output", "-"])
    assert code == 0
    assert len(out.splitlines()) == len(INPUTS)
    assert os.listdir(tmp_path) == []


def test_merge_to_an_output_file() -> None:
    page = FIXTURES / "html" / "flowfx-de-tmux.html"
    assert run(["parse", "--merge", str(page), str(page), "-o", "m.parquet"])[0] == 0
    assert len(read_parquet("m.parquet")) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--output", "out.csv"], "use .parquet, .jsonl or .json"),
        (["--output", "out"], "the extension names no output format"),
        (["--jsonl", "--output", "out.parquet"], "--jsonl writes JSON Lines"),
        (["--output", "no/such/folder/out.parquet"], "cannot write no/such/folder/out.parquet"),
    ],
)
def test_output_usage_errors(tmp_path: Path, argv: list[str], message: str) -> None:
    code, _out, err = run(["parse", *INPUTS, *argv])
    assert code == 2
    assert message in err and len(err.splitlines()) == 1
    assert os.listdir(tmp_path) == []


def test_a_failed_item_is_reported_and_the_file_still_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"articles": [1, 2]}', encoding="utf-8")
    code, _out, err = run(["parse", *INPUTS, str(bad), "--output", "out.parquet"])
    assert code == 1
    assert "bad.json" in err
    assert len(read_parquet("out.parquet")) == len(INPUTS)


def test_without_pyarrow_parquet_output_names_the_extra(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from newsmeta.cli import main\n"
        f"sys.exit(main(['parse', {INPUTS[0]!r}, '--output', 'out.parquet']))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert res.returncode == 2
    assert 'pip install "newsmeta[arrow]"' in res.stderr
    assert os.listdir(tmp_path) == []


# --------------------------------------------------------------------------- killed half-way

ITEM = json.loads((FIXTURES / "newsapi" / "ordinary-en.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60,000 NewsAPI items: about ten seconds of parsing, long enough to stop half-way."""
    path = tmp_path_factory.mktemp("big") / "items.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(60_000):
            item = dict(ITEM, url=f"https://example.com/news/{i}", title=f"{ITEM['title']} {i}")
            fh.write(json.dumps(item) + "\n")
    return path


def start(big_input: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsmeta", "parse", str(big_input), "--output", str(out)],
        cwd=out.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for_writing(proc: subprocess.Popen[bytes], folder: Path, grown: int) -> Path:
    """The temporary file, once it holds ``grown`` bytes: the run is half-way."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be stopped"
        temps = [p for p in folder.iterdir() if p.name.endswith(".part")]
        if temps and temps[0].stat().st_size >= grown:
            return temps[0]
        time.sleep(0.05)
    raise AssertionError("the run never started writing")


@pytest.mark.parametrize(("name", "grown"), [("out.parquet", 4), ("out.jsonl", 100_000)])
def test_sigkill_half_way_leaves_no_output(
    big_input: Path, tmp_path: Path, name: str, grown: int
) -> None:
    out = tmp_path / name
    proc = start(big_input, out)
    wait_for_writing(proc, tmp_path, grown)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert not out.exists()  # only the hidden temporary file may be left


@pytest.mark.parametrize(("name", "grown"), [("out.parquet", 4), ("out.json", 100_000)])
def test_sigterm_half_way_leaves_nothing(
    big_input: Path, tmp_path: Path, name: str, grown: int
) -> None:
    out = tmp_path / name
    out.write_bytes(b"an earlier run's file")
    proc = start(big_input, out)
    wait_for_writing(proc, tmp_path, grown)
    time.sleep(0.2)  # well into the run
    proc.send_signal(signal.SIGTERM)
    _stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert b"terminated" in stderr
    assert out.read_bytes() == b"an earlier run's file"  # untouched
    assert sorted(os.listdir(tmp_path)) == [name]  # and no temporary file


def test_the_same_run_left_alone_finishes(big_input: Path, tmp_path: Path) -> None:
    """The runs above were stopped half-way, not after the end: this one, on a
    tenth of the input, writes its file."""
    small = tmp_path / "small.jsonl"
    with open(big_input, encoding="utf-8") as src, open(small, "w", encoding="utf-8") as dst:
        for _ in range(6_000):
            dst.write(src.readline())
    out = tmp_path / "out.parquet"
    proc = start(small, out)
    _stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert pq.ParquetFile(out).metadata.num_rows == 6_000
    assert sorted(os.listdir(tmp_path)) == ["out.parquet", "small.jsonl"]


def test_jobs_2_writes_the_same_table(tmp_path: Path) -> None:
    lines = tmp_path / "items.jsonl"
    with open(lines, "w", encoding="utf-8") as fh:
        for i in range(700):  # a few tasks' worth
            fh.write(json.dumps(dict(ITEM, url=f"https://example.com/{i}")) + "\n")
    assert run(["parse", str(lines), "-o", "one.parquet"])[0] == 0
    assert run(["parse", str(lines), "--jobs", "2", "-o", "two.parquet"])[0] == 0
    one, two = read_parquet("one.parquet"), read_parquet("two.parquet")
    assert len(one) == 700 and one == two
    assert [a.url for a in two][:3] == [f"https://example.com/{i}" for i in range(3)]


def test_a_record_arrow_cannot_hold_is_reported_and_the_rest_written(tmp_path: Path) -> None:
    lines = tmp_path / "records.jsonl"
    good = [Article(title=f"t{i}").to_json() for i in range(3)]
    bad = json.dumps(dict(json.loads(good[0]), title="huge", copyright_year=2**70))
    lines.write_text("\n".join([good[0], bad, *good[1:]]) + "\n", encoding="utf-8")
    code, _out, err = run(["parse", str(lines), "-o", "out.parquet"])
    assert code == 1
    assert "records.jsonl#2" in err and "copyright_year" in err
    assert [a.title for a in read_parquet("out.parquet")] == ["t0", "t1", "t2"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_warc_in_parquet_out(jobs: str) -> None:
    """The crawl-scale path end to end: a WARC file's pages, one row each."""
    pytest.importorskip("fastwarc")
    warc = str(FIXTURES / "warc" / "crawl.warc.gz")
    code, _out, err = run(["parse", warc, "--jobs", jobs, "--output", "crawl.parquet"])
    assert code == 0, err
    records = read_parquet("crawl.parquet")
    assert len(records) == 10
    assert records == stdout_records([warc])
    assert all(a.fetched is not None for a in records)


def test_a_record_parquet_cannot_hold_is_named_and_the_rest_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A parse task puts each record into its Arrow batch as it is parsed; one
    Arrow cannot hold (an integer beyond 64 bits; no adapter makes one, and
    JSON input cannot carry one) makes the task parse again holding its
    records, to name that one: an error outcome, the others in the batch."""
    from newsmeta import _batch

    made = [Article(title="a"), Article(title="b", copyright_year=2**64), Article(title="c")]
    parsed: list[str] = []

    def results_of(data: bytes, name: str, *args: object, **kw: object) -> list[tuple[str, object]]:
        parsed.append(name)
        return [(f"{name}#{i}", a) for i, a in enumerate(made, 1)]

    monkeypatch.setattr(_batch, "results_of", results_of)
    monkeypatch.setattr(_batch, "_OPTIONS", _batch.TaskOptions(records=True))
    out = _batch.parse_task(("items", [("in.jsonl", b"{}", False)]))
    assert parsed == ["in.jsonl", "in.jsonl"]  # streamed, then again holding the records
    (error,) = [o for o in out if o[0] == "error"]
    assert error[1] == "in.jsonl#2" and "column copyright_year" in error[2]
    (batch,) = [o[2] for o in out if o[0] == "batch"]
    assert batch.column("title").to_pylist() == ["a", "c"]
    # Without one, a task is parsed once and its batch holds every record.
    made[1] = Article(title="b")
    parsed.clear()
    out = _batch.parse_task(("items", [("in.jsonl", b"{}", False)]))
    assert parsed == ["in.jsonl"]
    assert [o[0] for o in out] == ["batch"] and out[0][1] == "in.jsonl#1"
    assert out[0][2].column("title").to_pylist() == ["a", "b", "c"]
