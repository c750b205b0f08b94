"""The command line on WARC files: recognised by their bytes, skipped records counted."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsmeta import parse_warc
from newsmeta.cli import main
from tests.conftest import FIXTURES

WARC = FIXTURES / "warc"
CRAWL = WARC / "crawl.warc.gz"
SKIP_LINE = (
    "skipped 11 WARC records (warcinfo 1, request 4, metadata 1, revisit 1, resource 1,"
    " not-200 2, not-html 1)"
)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    code = main(argv, stdin=inp, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _no_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder so the repository's pyproject.toml is not picked up."""
    monkeypatch.chdir(tmp_path)


def test_parse_jsonl_gives_the_library_records() -> None:
    code, out, err = run(["parse", str(CRAWL), "--jsonl"])
    assert code == 0
    first, last = err.splitlines()
    assert first == f"newsmeta: {CRAWL}: {SKIP_LINE}"
    assert last.startswith("newsmeta: parsed 10 items, 0 failed; inputs: 1 read,")
    assert f"; {SKIP_LINE}; in " in last
    want = [r.unwrap().to_json() for r in parse_warc(CRAWL)]
    assert out.splitlines() == want


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_keep_order_and_records(jobs: str) -> None:
    code, out, _ = run(
        ["parse", str(CRAWL), str(WARC / "crawl-1.0.warc"), "--jsonl", "--jobs", jobs]
    )
    assert code == 0
    inputs = [
        json.loads(line)["provenance"]["fetched"]["location"]["input"] for line in out.splitlines()
    ]
    assert len(inputs) == 12 and inputs[-1] == f"{WARC / 'crawl-1.0.warc'}#8972"
    assert inputs[0] == f"{CRAWL}#639"


def test_recognised_by_bytes_whatever_the_name(tmp_path: Path) -> None:
    odd = tmp_path / "crawl.bin"
    shutil.copy(CRAWL, odd)
    code, out, _ = run(["parse", str(odd), "--jsonl"])
    assert code == 0 and len(out.splitlines()) == 10


def test_a_directory_walk_takes_warc_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CRAWL, folder / "a.warc.gz")
    shutil.copy(WARC / "crawl-1.0.warc", folder / "b.warc")
    shutil.copy(FIXTURES / "html" / "flowfx-de-tmux.html", folder / "c.html")
    code, out, err = run(["parse", str(folder), "--jsonl"])
    assert code == 0
    assert len(out.splitlines()) == 10 + 2 + 1
    per_file = [line for line in err.splitlines() if line.startswith(f"newsmeta: {folder}")]
    assert len(per_file) == 2 and all("WARC record" in line for line in per_file)
    assert "skipped 12 WARC records (warcinfo 2, request 4," in err.splitlines()[-1]


def test_validate_reports_path_and_offset() -> None:
    code, out, err = run(["validate", str(WARC / "crawl-1.0.warc"), "--report", "jsonl"])
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["path"], r["index"], r["verdict"]) for r in rows] == [
        (str(WARC / "crawl-1.0.warc"), 326, "pass"),
        (str(WARC / "crawl-1.0.warc"), 8972, "pass"),
    ]
    assert "skipped 1 WARC record (warcinfo 1)" in err


def test_the_final_summary_counts_skipped_records_by_kind() -> None:
    code, _, err = run(["validate", str(CRAWL), "--report", "jsonl", "--progress"])
    assert code == 0
    last = err.strip().splitlines()[-1]
    assert (
        "validated 10 items, 0 failed; inputs: 1 read, 0 skipped, 0 unreadable; " + SKIP_LINE
        in last
    )


def test_a_file_named_warc_that_is_not(tmp_path: Path) -> None:
    fake = tmp_path / "page.warc"
    fake.write_bytes(b"<html><head><title>Hello</title></head></html>")
    code, out, err = run(["parse", str(fake), str(WARC / "crawl-1.0.warc"), "--jsonl"])
    assert code == 1
    assert len(out.splitlines()) == 2  # the next input is still read
    assert f"newsmeta: {fake}#0: not a WARC file" in err
    assert all(line.count("\n") == 0 for line in err.splitlines())


def test_damage_is_one_line_and_the_rest_is_read(tmp_path: Path) -> None:
    data = bytearray(CRAWL.read_bytes())
    for i in range(10_000, 10_200):
        data[i] ^= 0x55
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    code, out, err = run(["parse", str(bad), "--jsonl"])
    assert code == 1
    assert len(out.splitlines()) == 9
    (line,) = [x for x in err.splitlines() if "damaged" in x]
    assert line == (
        f"newsmeta: {bad}#4007: damaged WARC data at offset 4007"
        " (Gzip decompression error: data error); reading resumes at offset 34581"
    )


def test_without_the_warc_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "fastwarc", None)  # import fails as if not installed
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    with pytest.raises(ImportError, match=r'pip install "newsmeta\[warc\]"'):
        parse_warc(CRAWL)
    code, out, err = run(["parse", str(CRAWL), str(WARC / "crawl-1.0.warc"), "--jsonl"])
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert (
        f'newsmeta: {CRAWL}: newsmeta.parse_warc needs FastWARC: pip install "newsmeta[warc]"'
        in lines
    )


# --------------------------------------------------------------------------- standard input


class Trickle(io.RawIOBase):
    """A pipe: not seekable, and its bytes arrive a few at a time."""

    def __init__(self, data: bytes, step: int = 7) -> None:
        self._data = data
        self._step = step

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        n = min(len(buf), self._step, len(self._data))
        buf[:n] = self._data[:n]
        self._data = self._data[n:]
        return n


def run_stdin(argv: list[str], data: bytes, *, pipe: bool) -> tuple[int, str, str]:
    raw: Any = Trickle(data) if pipe else io.BytesIO(data)
    buffered = io.BufferedReader(raw) if pipe else raw
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.TextIOWrapper(buffered), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("pipe", [False, True], ids=["file", "pipe"])
@pytest.mark.parametrize(
    "name", ["crawl.warc.gz", "crawl-1.0.warc", "crawl-single-stream.warc.gz", "crawl-cut.warc.gz"]
)
def test_warc_on_standard_input_is_told_by_its_bytes(name: str, pipe: bool) -> None:
    """``newsmeta parse - < crawl.warc.gz``: the records of the file given by
    path, named ``<stdin>#offset``; a pipe that trickles gives the same."""
    path = WARC / name
    code, out, err = run_stdin(["parse", "-", "--jsonl"], path.read_bytes(), pipe=pipe)
    want_code, want, want_err = run(["parse", str(path), "--jsonl"])
    assert (code, err.replace("<stdin>", str(path)).split(" in ")[0]) == (
        want_code,
        want_err.split(" in ")[0],
    )
    assert out.splitlines() and out.replace("<stdin>", str(path)) == want


@pytest.mark.parametrize("flag", ["--input-format", "--format"])
def test_input_format_warc_reads_standard_input_as_warc(flag: str) -> None:
    code, out, err = run_stdin(
        ["parse", "-", flag, "warc", "--jsonl"], CRAWL.read_bytes(), pipe=True
    )
    assert code == 0 and len(out.splitlines()) == 10
    assert json.loads(out.splitlines()[0])["provenance"]["fetched"]["location"]["input"] == (
        "<stdin>#639"
    )
    if flag == "--format":  # the old spelling works, and says what to write instead
        assert "--format is deprecated; use --input-format" in err


def test_input_format_warc_names_input_that_is_not_warc() -> None:
    page = (FIXTURES / "html" / "flowfx-de-tmux.html").read_bytes()
    code, out, err = run_stdin(["parse", "-", "--input-format", "warc"], page, pipe=True)
    assert code == 1 and out in ("", "[]\n")
    (line,) = [x for x in err.splitlines() if "not a WARC file" in x]
    assert line.startswith("newsmeta: <stdin>#0: not a WARC file: it starts b'<!DOCTYPE")
    # Without the flag, the same bytes on standard input are a page, as before.
    code, out, _ = run_stdin(["parse", "-"], page, pipe=True)
    assert code == 0 and json.loads(out)["title"]


def test_input_format_warc_reads_a_file_of_any_name_as_warc(tmp_path: Path) -> None:
    odd = tmp_path / "crawl.jsonl"  # a name that would make it JSON Lines
    shutil.copy(CRAWL, odd)
    code, out, _ = run(["parse", str(odd), "--input-format", "warc", "--jsonl"])
    assert code == 0 and len(out.splitlines()) == 10


def test_input_format_warc_with_lines_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["parse", "-", "--lines", "--input-format", "warc"])
    assert code == 2 and out == ""
    assert "--lines reads JSON Lines and --input-format warc reads WARC" in capsys.readouterr().err


def test_damage_on_standard_input() -> None:
    """A file redirected in can be sought: reading resumes after the damage, as
    for a path. A pipe cannot: the records before the damage are kept, and the
    one line says nothing more could be read."""
    data = bytearray(CRAWL.read_bytes())
    for i in range(10_000, 10_200):
        data[i] ^= 0x55
    code, out, err = run_stdin(["parse", "-", "--jsonl"], bytes(data), pipe=False)
    assert code == 1 and len(out.splitlines()) == 9
    assert (
        "newsmeta: <stdin>#4007: damaged WARC data at offset 4007"
        " (Gzip decompression error: data error); reading resumes at offset 34581"
    ) in err.splitlines()
    code, out, err = run_stdin(["parse", "-", "--jsonl"], bytes(data), pipe=True)
    assert code == 1 and len(out.splitlines()) == 1
    (line,) = [x for x in err.splitlines() if "damaged" in x]
    assert line.startswith("newsmeta: <stdin>#") and line.endswith("no readable record after it")


def test_validate_reads_warc_on_standard_input() -> None:
    code, out, err = run_stdin(
        ["validate", "-", "--report", "jsonl"], (WARC / "crawl-1.0.warc").read_bytes(), pipe=True
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["path"], r["index"], r["verdict"]) for r in rows] == [
        ("<stdin>", 326, "pass"),
        ("<stdin>", 8972, "pass"),
    ]
    assert "newsmeta: <stdin>: skipped 1 WARC record (warcinfo 1)" in err


@pytest.mark.parametrize("how", ["redirect", "pipe"])
def test_a_real_standard_input(how: str) -> None:
    """The process's own standard input, a file redirected in and a pipe."""
    import subprocess
    import sys

    argv = [sys.executable, "-m", "newsmeta", "parse", "-", "--jsonl"]
    if how == "redirect":
        with CRAWL.open("rb") as fh:
            done = subprocess.run(argv, stdin=fh, capture_output=True, check=False)
    else:
        done = subprocess.run(argv, input=CRAWL.read_bytes(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    want = [r.unwrap().to_json() for r in parse_warc(CRAWL, input_name="<stdin>")]
    assert done.stdout.decode().splitlines() == want
