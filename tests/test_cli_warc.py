"""The command line on WARC files: recognised by their bytes, skipped records counted."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

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
