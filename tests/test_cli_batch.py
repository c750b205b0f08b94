"""The command line: exit codes, batch inputs, config errors, order under --jobs."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsmeta import Article
from newsmeta.cli import main
from tests.conftest import FIXTURES

SEED = FIXTURES / "dumps" / "sputnik-seed-001.txt"


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    code = main(argv, stdin=inp, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def record_line(i: int, **extra: object) -> str:
    a = Article(url=f"https://example.com/{i}", title=f"Title {i}", **extra)  # type: ignore[arg-type]
    return a.to_json()


@pytest.fixture(autouse=True)
def _no_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder so the repository's pyproject.toml is not picked up."""
    monkeypatch.chdir(tmp_path)


# --------------------------------------------------------------------------- parse


def test_parse_one_file_prints_one_indented_object() -> None:
    code, out, err = run(["parse", str(SEED)])
    assert code == 0 and err == ""
    assert out.startswith("{\n") and json.loads(out)["title"].startswith("Kazakh President")


def test_parse_two_files_prints_an_array(tmp_path: Path) -> None:
    code, out, _ = run(["parse", str(SEED), str(SEED)])
    assert code == 0
    assert [r["source"] for r in json.loads(out)] == ["flat", "flat"]


def test_parse_stdin() -> None:
    code, out, _ = run(["parse", "-"], SEED.read_bytes())
    assert code == 0 and json.loads(out)["provenance"]["url"]["location"]["input"] == "<stdin>"


@pytest.mark.parametrize("jsonl", [True, False])
def test_parse_writes_utf8_whatever_the_stream_encoding(jsonl: bool) -> None:
    # A stdout that cannot encode the record's text (PYTHONIOENCODING=ascii, a
    # Windows console) still gets the record: JSON is UTF-8, written as bytes.
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    text = "Prince Harry’s “surprise” video – Москва"
    item = json.dumps({"title": text, "url": "https://example.com/a"}).encode()
    inp = io.TextIOWrapper(io.BytesIO(item), encoding="utf-8")
    argv = ["parse", "--input-format", "newsapi", "-"] + (["--jsonl"] if jsonl else [])
    code = main(argv, stdin=inp, stdout=out, stderr=io.StringIO())
    out.flush()
    assert code == 0
    assert json.loads(raw.getvalue().decode("utf-8"))["title"] == text


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "--input-format", "newsapi", "--merge", "-"],
        ["validate", "--input-format", "newsapi", "--report", "jsonl", "-"],
        ["validate", "--input-format", "newsapi", "--report", "json", "-"],
        ["validate", "--input-format", "newsapi", "--report", "summary", "-"],
    ],
)
def test_every_command_writes_to_an_ascii_stdout(argv: list[str]) -> None:
    # JSON goes out as UTF-8 bytes; the human summary escapes what the stream
    # cannot encode. Neither raises UnicodeEncodeError.
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    item = {"title": "Москва – “today”", "url": "https://example.com/a", "publishedAt": "вчера"}
    inp = io.TextIOWrapper(io.BytesIO(json.dumps(item).encode()), encoding="utf-8")
    code = main(argv, stdin=inp, stdout=out, stderr=io.StringIO())
    out.flush()
    text = raw.getvalue().decode("utf-8")
    assert code == 0
    if argv[-2] == "summary":
        assert "publishedAt is not a date: \\u0432\\u0447\\u0435\\u0440\\u0430" in text
    elif argv[0] == "parse":
        assert json.loads(text)["title"] == item["title"]
    else:
        got = json.loads(text)
        report = got[0] if isinstance(got, list) else got
        assert "вчера" in report["issues"][0]["message"]


def test_records_reach_a_terminal_one_by_one(tmp_path: Path) -> None:
    # Bytes bypass the text layer's line buffering, so on a terminal each
    # record is flushed as it is written, not in 8 KiB bursts.
    flushed: list[int] = []

    class Buffer(io.BytesIO):
        def flush(self) -> None:
            flushed.append(len(self.getvalue()))

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    raw = Buffer()
    out = Terminal(raw, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(record_line(1) + "\n" + record_line(2) + "\n")
    code = main(["parse", "--jsonl", str(tmp_path / "in.jsonl")], stdout=out, stderr=io.StringIO())
    assert code == 0
    lines = raw.getvalue().decode().splitlines()
    assert [json.loads(x)["title"] for x in lines] == ["Title 1", "Title 2"]
    first = len(lines[0]) + 1
    assert first in flushed and len(raw.getvalue()) in flushed


def test_closed_standard_streams_are_an_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The shell's ``>&-`` / ``<&-`` / ``2>&-`` leave sys.stdout / stdin / stderr None.
    monkeypatch.setattr("sys.stdout", None)
    monkeypatch.setattr("sys.stdin", None)
    err = io.StringIO()
    assert main(["parse", str(SEED)], stderr=err) == 2
    assert err.getvalue() == "newsmeta: standard output is closed; nowhere to write\n"
    monkeypatch.setattr("sys.stderr", None)
    out = io.StringIO()
    assert main(["parse", "--jsonl", "-"], stdout=out) == 1  # stdin closed: nothing to read
    assert out.getvalue() == ""


def test_a_file_name_that_is_not_utf8_is_written_escaped(tmp_path: Path) -> None:
    # Linux file names are bytes; Python keeps undecodable ones as lone
    # surrogates, which JSON cannot hold. The id shows them as \\xff.
    name = os.fsdecode(b"seed-\xff\xfe.txt")
    (tmp_path / name).write_bytes(SEED.read_bytes())
    code, out, err = run(["parse", "--jsonl", str(tmp_path)])
    assert (code, err) == (0, "")
    assert json.loads(out)["provenance"]["url"]["location"]["input"].endswith("seed-\\xff\\xfe.txt")
    code, out, err = run(["validate", "--report", "jsonl", str(tmp_path)])
    assert (code, err) == (0, "") and json.loads(out)["id"].endswith("seed-\\xff\\xfe.txt")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_json_lines_with_a_utf16_or_utf32_bom_are_transcoded(tmp_path: Path, codec: str) -> None:
    # PowerShell's `>` writes UTF-16 with a byte-order mark; split on b"\n" as
    # UTF-8 every line after the first began with a NUL and failed.
    items = [
        json.dumps({"title": f"Заголовок {i}", "publishedAt": "2020-05-10T00:17:14Z"})
        for i in range(3)
    ]
    text = "\n".join(items) + "\n"
    data = text.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + text.encode(codec)
    (tmp_path / "items.jsonl").write_bytes(data)
    code, out, err = run(["parse", "--jsonl", str(tmp_path / "items.jsonl")])
    assert (code, err) == (0, "")
    assert [json.loads(x)["title"] for x in out.splitlines()] == [
        f"Заголовок {i}" for i in range(3)
    ]
    code, out, err = run(["parse", "--jsonl", "--input-format", "newsapi", "-"], data)
    assert (code, err) == (0, "") and len(out.splitlines()) == 3


def test_parse_missing_file_is_one_line_and_the_rest_goes_on() -> None:
    code, out, err = run(["parse", "--jsonl", "nothere.txt", str(SEED)])
    assert code == 2  # an input that cannot be read: 2, as validate says
    first, final = err.splitlines()
    assert first == "newsmeta: nothere.txt: cannot read: No such file or directory"
    assert "inputs: 1 read, 0 skipped, 1 unreadable;" in final
    assert len(out.splitlines()) == 1


def test_usage_error_exits_2() -> None:
    assert run(["parse"])[0] == 2
    assert run(["validate", str(SEED), "--jobs", "-1"])[0] == 2
    assert run(["frobnicate"])[0] == 2


def test_batch_goes_on_past_a_corrupt_gzip_and_an_undecodable_file(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(SEED.read_bytes())
    good = gzip.compress(("\n".join(record_line(i) for i in range(5)) + "\n").encode())
    (d / "b.jsonl.gz").write_bytes(good[: len(good) // 2])  # cut in the middle
    (d / "c.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\xd8")  # UTF-16 BOM, lone surrogates
    (d / "d.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage, not deflate")
    (d / "e.jsonl").write_text(record_line(1) + "\n" + record_line(2) + "\n")
    (d / "f.txt").write_bytes(SEED.read_bytes())
    code, out, err = run(["parse", "--jsonl", "--progress", str(d)])
    assert code == 2  # two inputs could not be read
    lines = err.splitlines()
    assert any(
        line.startswith(f"newsmeta: {d / 'b.jsonl.gz'}: gzip stream ends early") for line in lines
    )
    assert any(line.startswith(f"newsmeta: {d / 'c.txt'}: bad UTF-16") for line in lines)
    assert any(line.startswith(f"newsmeta: {d / 'd.jsonl.gz'}:") for line in lines)
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["source"] == "flat" and records[-1]["source"] == "flat"
    assert [r["title"] for r in records[1:-1] if r["source"] is None] == ["Title 1", "Title 2"]
    # the final line counts items and failures: c.txt failed; b and d could not be read
    final = lines[-1]
    assert final.startswith(f"newsmeta: parsed {len(records) + 1} items, 1 failed;")
    assert "inputs: 4 read, 0 skipped, 2 unreadable;" in final
    assert final.endswith("items/s)")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_order_is_kept_under_jobs(tmp_path: Path, jobs: str) -> None:
    n = 700  # several chunks
    src = tmp_path / "many.jsonl"
    src.write_text("".join(record_line(i) + "\n" for i in range(n)))
    code, out, _ = run(["parse", "--jsonl", "--jobs", jobs, str(src)])
    assert code == 0
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        f"Title {i}" for i in range(n)
    ]


def test_glob_and_directory_inputs(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "sub/x3.txt", ".hidden/x4.txt", "x5.bin"):
        p = tmp_path / "g" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(SEED.read_bytes())
    code, out, _ = run(["parse", "--jsonl", str(tmp_path / "g" / "x*.txt")])
    assert code == 0 and len(out.splitlines()) == 2
    code, out, err = run(["parse", "--jsonl", str(tmp_path / "g")])
    assert code == 0  # skipping is not failing; each skipped file is named, and counted
    assert err.splitlines() == [
        f"newsmeta: {tmp_path / 'g' / '.hidden'}: skipped: hidden folder",
        f"newsmeta: {tmp_path / 'g' / 'x5.bin'}: skipped: not a known input type",
        err.splitlines()[-1],
    ]
    assert "inputs: 3 read, 2 skipped (1 hidden folder, 1 not a known input type)," in err
    inputs = [
        json.loads(line)["provenance"]["url"]["location"]["input"] for line in out.splitlines()
    ]
    assert [Path(i).name for i in inputs] == ["x1.txt", "x2.txt", "x3.txt"]
    code, _, err = run(["parse", str(tmp_path / "none*.txt")])
    assert code == 2 and "no file matches" in err


# --------------------------------------------------------------------------- validate


def test_validate_exit_0_when_all_pass() -> None:
    code, out, _ = run(["validate", "--report", "jsonl", str(SEED)])
    assert code == 0
    row = json.loads(out)
    assert row["id"] == str(SEED) and row["verdict"] == "pass"
    assert (row["path"], row["index"]) == (str(SEED), 1)
    assert {i["code"] for i in row["issues"]} >= {"placeholder-leak", "image-missing-url"}


def test_validate_exit_1_when_any_fails(tmp_path: Path) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text(record_line(1) + "\n" + Article(url="https://e.com/x").to_json() + "\n")
    code, out, _ = run(["validate", "--report", "jsonl", str(src)])
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["verdict"]) for r in rows] == [(f"{src}#1", "pass"), (f"{src}#2", "fail")]
    assert [(r["path"], r["index"]) for r in rows] == [(str(src), 1), (str(src), 2)]
    assert rows[1]["issues"][0]["code"] == "missing-required"


def test_validate_exit_1_when_an_item_cannot_be_parsed(tmp_path: Path) -> None:
    src = tmp_path / "junk.txt"
    src.write_text('{"just": "some JSON, no format at all"}\n')  # plain words are text now
    code, out, err = run(["validate", "--report", "jsonl", str(src)])
    assert code == 1 and json.loads(out)["verdict"] == "error"
    assert "could not tell the input's format" in err


def test_validate_exit_2_on_io_error() -> None:
    code, _, err = run(["validate", "--report", "jsonl", str(SEED), "nothere.txt"])
    assert code == 2 and "nothere.txt: cannot read" in err


def test_validate_json_report_is_an_array_one_line_per_record() -> None:
    code, out, _ = run(["validate", "--report", "json", str(SEED), str(SEED)])
    assert code == 0
    assert len(json.loads(out)) == 2 and len(out.splitlines()) == 2


def test_validate_summary_counts_codes_with_examples() -> None:
    code, out, _ = run(["validate", "--report", "summary", "--profile", "strict", str(SEED)])
    assert code == 1
    assert out.startswith("1 records checked (profile strict): 0 pass, 1 fail")
    assert "  error    placeholder-leak" in out
    assert f"{SEED} (placeholders): unresolved XPath template" in out


def test_validate_flags(tmp_path: Path) -> None:
    assert run(["validate", "--report", "jsonl", "--error", "placeholder-leak", str(SEED)])[0] == 1
    assert run(["validate", "--report", "jsonl", "--require", "title,published", str(SEED)])[0] == 0
    assert (
        run(
            [
                "validate",
                "--report",
                "jsonl",
                "--require",
                "title,body,section,copyright_year",
                str(SEED),
            ]
        )[0]
        == 0
    )
    assert run(["validate", "--report", "jsonl", "--require", "video", str(SEED)])[0] == 2
    code, out, _ = run(
        [
            "validate",
            "--report",
            "jsonl",
            "--profile",
            "strict",
            "--ignore",
            "placeholder-leak",
            "--warning",
            "image-missing-url",
            str(SEED),
        ]
    )
    assert code == 0, out
    assert "placeholder-leak" not in out
    code, _, _ = run(["validate", "--report", "jsonl", "--fail-on", "info", str(SEED)])
    assert code == 1
    code, _, _ = run(
        [
            "validate",
            "--report",
            "jsonl",
            "--crawl-date",
            "2021-12-31",
            "--error",
            "future-date",
            str(SEED),
        ]
    )
    assert code == 1


def test_validate_reads_tool_newsmeta_walking_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.newsmeta]\nerror = ["placeholder-leak"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert run(["validate", "--report", "jsonl", str(SEED)])[0] == 1
    # the command line wins over the file
    assert (
        run(["validate", "--report", "jsonl", "--warning", "placeholder-leak", str(SEED)])[0] == 0
    )


def test_validate_config_file(tmp_path: Path) -> None:
    cfg = tmp_path / "newsmeta.toml"
    cfg.write_text(
        'profile = "strict"\nignore = ["placeholder-leak"]\nwarning = ["image-missing-url"]\n'
    )
    code, out, err = run(["validate", "--report", "jsonl", "--config", str(cfg), str(SEED)])
    assert code == 0, (out, err)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.newsmeta]\nrequires = ["title"]\n', "[tool.newsmeta]: unknown key 'requires'"),
        ('[tool.newsmeta]\nrequire = ["titel"]\n', "require: unknown field 'titel'"),
        (
            '[tool.newsmeta]\nerror = ["placeholder-leek"]\n',
            "error: unknown issue code 'placeholder-leek'",
        ),
        (
            '[tool.newsmeta]\nerror = "placeholder-leak"\nignore = ["placeholder-leak"]\n',
            "ignore: 'placeholder-leak' is also given",
        ),
        ('[tool.newsmeta]\nfail-on = "fatal"\n', "fail-on: 'fatal' is not a severity"),
        ('[tool.newsmeta]\nprofile = "lax"\n', "profile: unknown profile 'lax'"),
        ('[tool.newsmeta]\ncrawl-date = "yesterday"\n', "crawl-date: expected a date"),
        ("[tool.newsmeta]\nrequire = 3\n", "require: expected a list of strings, got 3"),
        ("[tool.newsmeta\n", "not valid TOML"),
    ],
)
def test_config_errors_name_the_key(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(toml)
    code, out, err = run(["validate", "--report", "jsonl", str(SEED)])
    assert code == 2 and out == ""
    assert err.startswith("newsmeta: ") and message in err and len(err.splitlines()) == 1


def test_config_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe[tool.newsmeta]\n")
    code, out, err = run(["validate", "--config", str(tmp_path / "bad.toml"), str(SEED)])
    assert (code, out) == (2, "")
    assert err == f"newsmeta: {tmp_path / 'bad.toml'}: not valid TOML: not UTF-8 (byte 0xff at 0)\n"


def test_config_flag_errors_name_the_flag() -> None:
    code, _, err = run(["validate", "--error", "nope", str(SEED)])
    assert code == 2 and err == (
        "newsmeta: command line: error: unknown issue code 'nope'; known codes are listed in docs/issues.md\n"
    )
    code, _, err = run(["validate", "--config", "missing.toml", str(SEED)])
    assert code == 2 and "missing.toml: cannot read" in err


def test_validate_jobs_keeps_order(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(record_line(i) + "\n" for i in range(600)))
    code, out, _ = run(["validate", "--report", "jsonl", "--jobs", "2", str(src)])
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [
        f"{src}#{i}" for i in range(1, 601)
    ]


# --------------------------------------------------------------------------- NewsAPI items


def _newsapi_items() -> list[bytes]:
    paths = sorted((FIXTURES / "newsapi").glob("*.json"))
    return [
        json.dumps(json.loads(p.read_bytes())).encode()
        for p in paths
        if not p.name.endswith(".expected.json")
    ]


def test_jsonl_gz_of_newsapi_items_with_bad_lines(tmp_path: Path) -> None:
    items = _newsapi_items()
    assert len(items) >= 5
    lines = [*items[:2], b"{not json", b'{"just": "an object"}', *items[2:]]
    src = tmp_path / "items.jsonl.gz"
    src.write_bytes(gzip.compress(b"\r\n".join(lines) + b"\n"))
    code, out, err = run(["parse", "--jsonl", "--progress", str(src)])
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(items) and all(r["source"] == "newsapi" for r in records)
    inputs = [r["provenance"]["url"]["location"]["input"] for r in records]
    assert inputs[:3] == [f"{src}#1", f"{src}#2", f"{src}#5"]
    errors = [line.strip() for line in err.splitlines() if line.strip().startswith("newsmeta:")]
    assert errors[0].startswith(f"newsmeta: {src}#3: ") and "invalid JSON" in errors[0]
    assert errors[1].startswith(f"newsmeta: {src}#4: ") and "not a NewsAPI article" in errors[1]
    assert errors[0].count(f"{src}#3") == 1  # the id is not repeated
    assert errors[-1].startswith(f"newsmeta: parsed {len(items) + 2} items, 2 failed;")


def test_a_response_file_gives_one_record_per_article(tmp_path: Path) -> None:
    articles = [json.loads(i) for i in _newsapi_items()[:3]]
    src = tmp_path / "response.json"
    src.write_text(json.dumps({"status": "ok", "totalResults": 3, "articles": [*articles, 7]}))
    code, out, _ = run(["validate", "--report", "jsonl", str(src)])
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [f"{src}#{i}" for i in range(1, 5)]
    assert [(r["path"], r["index"]) for r in rows] == [(str(src), i) for i in range(1, 5)]
    assert [r["verdict"] for r in rows][-1] == "error" and code == 1
    assert "a NewsAPI article is an object" in rows[-1]["error"]


@pytest.mark.parametrize("size", [1, 3, 7, 64, 1 << 20])
def test_blocks_split_only_between_lines(size: int) -> None:
    from newsmeta._batch import _blocks, task_items

    data = b'{"a": 1}\r\n\n{"b": "' + b"x" * 50 + b'"}\n  \n{"c": 3}'
    items = []
    for no, block in _blocks(io.BytesIO(data), size):
        items += task_items(("lines", ("f", no, block)))
    assert [(name, line.strip()) for name, line, _ in items] == [
        ("f#1", b'{"a": 1}'),
        ("f#3", b'{"b": "' + b"x" * 50 + b'"}'),
        ("f#5", b'{"c": 3}'),
    ]


def test_stdin_as_json_lines() -> None:
    stdin = (record_line(1) + "\n" + record_line(2) + "\n").encode()
    code, out, _ = run(["parse", "--lines", "--jsonl", "-"], stdin)
    assert code == 0
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Title 1", "Title 2"]


# --------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402 - kept with the tests that use it
from hypothesis import strategies as st  # noqa: E402

_LINE = st.one_of(
    st.integers(0, 10_000).map(lambda i: record_line(i).encode()),  # a record: passes through
    st.binary(max_size=40).filter(lambda b: b"\n" not in b),  # anything at all
    st.sampled_from([b"", b"   ", b"\r", b"{", b"[]", b'{"title": 3}', b"null"]),
)


def _record_title(line: bytes) -> object:
    """The title of a line that is a record (``record_line``), else ``None``.

    Not just ``b'"provenance"' in line``: hypothesis draws that very string as
    a line of its own, which is JSON but no record."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("title") if isinstance(obj, dict) and "provenance" in obj else None


# A quarter of the profile's examples: each one may start a worker pool.
@settings(max_examples=max(20, (settings.default.max_examples or 100) // 4))
@given(lines=st.lists(_LINE, max_size=12), gz=st.booleans(), jobs=st.sampled_from(["1", "2"]))
def test_every_line_is_a_record_or_an_error_in_order(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], gz: bool, jobs: str
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    raw = b"\n".join(lines) + b"\n"
    src = folder / ("in.jsonl.gz" if gz else "in.jsonl")
    src.write_bytes(gzip.compress(raw) if gz else raw)
    code, out, err = run(["parse", "--jsonl", "--progress", "--jobs", jobs, str(src)])
    expected = [f"{src}#{no}" for no, line in enumerate(raw.split(b"\n"), 1) if line.strip()]
    got = [json.loads(line)["title"] for line in out.splitlines()]
    titles = [t for t in map(_record_title, lines) if t is not None]
    assert [t for t in got if str(t).startswith("Title ")] == titles  # in input order
    errors = [line for line in err.splitlines() if line.startswith(f"newsmeta: {src}#")]
    assert len(got) + len(errors) == len(expected)
    failed_ids = [e.removeprefix("newsmeta: ").split(": ", 1)[0] for e in errors]
    assert set(failed_ids) <= set(expected)
    assert code == (1 if errors else 0)
    final = [line for line in err.splitlines() if line.startswith("newsmeta: parsed ")]
    assert final and final[-1].startswith(
        f"newsmeta: parsed {len(expected)} items, {len(errors)} failed"
    )


def _die_on(task: str) -> str:
    if task == "die":
        import os

        os._exit(3)  # what the kernel's OOM killer does to a worker, near enough
    return task.upper()


def test_a_dead_worker_stops_the_batch_instead_of_hanging() -> None:
    from concurrent.futures.process import BrokenProcessPool

    from newsmeta._batch import ordered_map

    assert list(ordered_map(_die_on, ["a", "b", "c"], jobs=2)) == ["A", "B", "C"]
    with pytest.raises(BrokenProcessPool):
        list(ordered_map(_die_on, ["a", "die", "b"], jobs=2))
