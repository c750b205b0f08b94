"""A new user's first hour (issue 13): what a crawler author or a data engineer
meets on the first day, each case reproduced from a real first try.

Tables of cases in price-parser's style; every row failed before its fix.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

import newsmeta
from newsmeta import Article, DecodeError, InputError
from tests.conftest import FIXTURES, SHARED
from tests.test_cli_batch import run

SEED = FIXTURES / "dumps" / "sputnik-seed-001.txt"
TEXT = FIXTURES / "text" / "sputnik-seed-000.txt"


def item_line(i: int) -> str:
    return json.dumps(
        {
            "source": {"id": None, "name": "Example"},
            "title": f"Title {i}",
            "url": f"https://example.com/{i}",
            "publishedAt": "2021-05-08T10:00:00Z",
            "content": "Some text.",
        }
    )


# --------------------------------------------------------------------------- binary junk


class Junk(NamedTuple):
    name: str
    data: bytes
    says: str


_rng = random.Random(13)
BINARY = [
    Junk("random.bin", bytes(_rng.randrange(256) for _ in range(3000)), "binary data"),
    Junk("random-short.bin", bytes(_rng.randrange(256) for _ in range(300)), "binary data"),
    Junk("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "a PNG image"),
    Junk("pixel.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff!", "a GIF image"),
    Junk("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
    Junk("a.out", b"\x7fELF\x02\x01\x01" + bytes(100), "an ELF executable"),
    Junk("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    Junk("x.zip", b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
    Junk("nul.txt", b"title\x00\x00\x00\x00body text", "NUL byte at offset 5"),
]


@pytest.mark.parametrize("junk", BINARY, ids=lambda j: j.name)
def test_binary_junk_is_not_an_article(junk: Junk, tmp_path: Path) -> None:
    with pytest.raises(DecodeError, match="not text") as exc:
        newsmeta.parse(junk.data)
    assert junk.says in str(exc.value)
    results = list(newsmeta.parse_many(junk.data, input_name=junk.name))
    assert len(results) == 1 and isinstance(results[0].error, DecodeError)
    path = tmp_path / junk.name
    path.write_bytes(junk.data)
    code, out, err = run(["parse", str(path)])
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"newsmeta: {path}: not text: {err.split('not text: ')[1].strip()}"]


def test_text_that_looks_odd_is_still_text() -> None:
    """UTF-16 (with and without a mark), legacy encodings and a page with stray
    NULs far from its start are text, not junk."""
    for data in (
        "Заголовок новости\n\nТекст.".encode("utf-16"),
        ("Заголовок новости\n\nТекст. " * 20).encode("utf-16-le"),
        "Заголовок новости\n\nТекст.".encode("cp1251"),
        b"<html><head><title>T</title></head><body>" + b"x" * 2000 + b"\x00" * 10 + b"</body>",
    ):
        newsmeta.parse(data)


def test_a_batch_reports_junk_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(BINARY[0].data)
    code, out, err = run(["parse", "--jsonl", str(tmp_path)])
    assert code == 1 and len(out.splitlines()) == 1
    assert f"newsmeta: {tmp_path / 'b.txt'}: not text:" in err


# --------------------------------------------------------------------------- gzip by its bytes


def test_gzip_on_standard_input_reads_like_the_file() -> None:
    code, out, err = run(["parse", "-"], gzip.compress(SEED.read_bytes()))
    assert (code, err) == (0, "")
    plain = run(["parse", str(SEED)])[1]
    assert json.loads(out)["title"] == json.loads(plain)["title"]


def test_gzip_on_standard_input_through_the_real_command() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "newsmeta", "parse", "-"],
        input=gzip.compress(SEED.read_bytes()),
        capture_output=True,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["title"].startswith("Kazakh President")


def test_gzip_in_a_file_with_another_name_and_in_the_api(tmp_path: Path) -> None:
    odd = tmp_path / "seed.txt"  # gzip inside, no .gz in the name
    odd.write_bytes(gzip.compress(SEED.read_bytes()))
    code, out, _ = run(["parse", str(odd)])
    assert code == 0 and json.loads(out)["title"].startswith("Kazakh President")
    assert newsmeta.parse(odd.read_bytes()).title == newsmeta.parse(SEED.read_bytes()).title
    lines = gzip.compress(("\n".join(item_line(i) for i in range(3)) + "\n").encode())
    assert [r.ok for r in newsmeta.parse_many(lines)] == [True, True, True]


def test_gzip_bombs_and_corrupt_gzip_in_the_api() -> None:
    bomb = gzip.compress(b"a" * 200_000)
    with pytest.raises(newsmeta.LimitError, match="once decompressed"):
        newsmeta.parse(bomb, limits=newsmeta.Limits(max_input_bytes=100_000))
    with pytest.raises(DecodeError, match="gzip data ends early"):
        newsmeta.parse(bomb[:40])


# --------------------------------------------------------------------------- batches say what they skip


def test_a_directory_walk_names_every_file_it_does_not_read(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_bytes(SEED.read_bytes())
    (d / "random.bin").write_bytes(BINARY[0].data)
    (d / "img.png").write_bytes(BINARY[2].data)
    (d / "fake.txt.gz").write_bytes(b"not gzip at all")
    code, out, err = run(["parse", "--jsonl", str(d)])
    assert code == 2  # fake.txt.gz could not be read
    assert len(out.splitlines()) == 1
    lines = err.splitlines()
    assert f"newsmeta: {d / 'img.png'}: skipped: not a known input type" in lines
    assert f"newsmeta: {d / 'random.bin'}: skipped: not a known input type" in lines
    assert any(
        line.startswith(f"newsmeta: {d / 'fake.txt.gz'}: not a valid gzip") for line in lines
    )
    assert "inputs: 1 read, 2 skipped (2 not a known input type), 1 unreadable;" in lines[-1]
    # --quiet: no line per file, the counts stay
    code, _out, err = run(["parse", "--jsonl", "--quiet", str(d)])
    assert code == 2 and len(err.splitlines()) == 1
    assert "2 skipped" in err and "1 unreadable" in err


# --------------------------------------------------------------------------- one output shape


def _shape(out: str) -> str:
    value = json.loads(out)
    return f"array of {len(value)}" if isinstance(value, list) else "object"


def test_one_output_shape(tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_bytes(SEED.read_bytes())
    jsonl1 = tmp_path / "one.jsonl"
    jsonl1.write_text(item_line(1) + "\n")
    jsonl2 = tmp_path / "two.jsonl"
    jsonl2.write_text(item_line(1) + "\n" + item_line(2) + "\n")
    response1 = tmp_path / "response.json"
    response1.write_text(json.dumps({"status": "ok", "articles": [json.loads(item_line(1))]}))
    item = tmp_path / "item.json"
    item.write_text(item_line(1))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    record = newsmeta.parse(SEED.read_bytes())
    own_one = tmp_path / "record.json"
    own_one.write_text(record.to_json())
    own_array = tmp_path / "records.json"
    own_array.write_text("[" + record.to_json() + "]")
    cases = [
        ([str(SEED)], "object"),  # one path, one file, one article
        ([str(item)], "object"),
        (["-"], "object"),
        ([str(one)], "array of 1"),  # a directory
        ([str(one / "*.txt")], "array of 1"),  # a glob
        ([str(SEED), str(TEXT)], "array of 2"),
        ([str(jsonl1)], "array of 1"),  # a multi-record file
        ([str(jsonl2)], "array of 2"),
        ([str(response1)], "array of 1"),
        ([str(empty)], "array of 0"),
        ([str(own_one)], "object"),  # a record newsmeta wrote, read back
        ([str(own_array)], "array of 1"),  # an array holding one record
    ]
    for argv, shape in cases:
        code, out, err = run(["parse", *argv], SEED.read_bytes())
        assert code == 0, (argv, err)
        assert _shape(out) == shape, argv


def test_indent_works_for_one_input_and_for_a_batch(tmp_path: Path) -> None:
    for argv in ([str(SEED)], [str(SEED), str(TEXT)], ["-"]):
        code, out, _ = run(["parse", "--indent", *argv], SEED.read_bytes())
        assert code == 0
        assert '\n  "url": "https://sputniknews.com/' in out, argv


def test_parse_help_states_the_shape_rule() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "newsmeta", "parse", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "prints a JSON array, whatever its size" in " ".join(p.stdout.split())
    assert ".ndjson" in p.stdout


# --------------------------------------------------------------------------- reports include what could not be read


def test_validate_gives_an_unreadable_input_its_line(tmp_path: Path) -> None:
    missing = str(tmp_path / "nonexistent.txt")
    code, out, _err = run(["validate", "--report", "jsonl", str(SEED), missing])
    lines = [json.loads(line) for line in out.splitlines()]
    assert [v["verdict"] for v in lines] in (["fail", "unreadable"], ["pass", "unreadable"])
    assert lines[1]["id"] == missing and "No such file" in lines[1]["error"]
    assert code == 2
    # parse gives the same exit code for the same missing file
    assert run(["parse", str(SEED), missing])[0] == 2
    assert run(["parse", missing])[0] == run(["validate", missing])[0] == 2


def test_validate_summary_counts_unreadable_inputs_and_says_how_many_more(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"s{i}.txt").write_text(SEED.read_text("utf-8") + f"\nextra line {i}\n")
    missing = [str(tmp_path / f"gone{i}.txt") for i in range(5)]
    code, out, _ = run(["validate", "--report", "summary", str(tmp_path), *missing])
    assert code == 2
    assert "5 input(s) could not be read" in out.splitlines()[0]
    assert "could not be read:" in out and "... and 2 more" in out
    # per issue code: three examples, then how many more
    assert "... and 3 more" in out


# --------------------------------------------------------------------------- smaller edges


def test_old_flag_spellings_work_and_say_they_are_deprecated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["parse", "--format", "flat", str(SEED)])
    assert code == 0 and json.loads(out)["title"]
    assert err == "newsmeta parse: --format is deprecated; use --input-format\n"
    code, out, err = run(["validate", "--format", "jsonl", str(SEED)])
    assert json.loads(out.splitlines()[0])["id"] == str(SEED)
    assert err.splitlines()[0] == "newsmeta validate: --format is deprecated; use --report"
    capsys.readouterr()
    assert run(["validate", "--report", "html", str(SEED)])[0] == 2
    assert "argument --report: invalid choice: 'html'" in capsys.readouterr().err
    assert run(["validate", "--input-format", "nope", str(SEED)])[0] == 2
    assert "argument --input-format: invalid choice" in capsys.readouterr().err


def test_url_does_not_break_json_lines(tmp_path: Path) -> None:
    src = tmp_path / "items.jsonl"
    src.write_text(item_line(1) + "\n" + item_line(2) + "\n")
    code, out, err = run(["parse", "--jsonl", "--url", "https://other.example/", str(src)])
    assert (code, err) == (0, "")
    assert [json.loads(line)["url"] for line in out.splitlines()] == [
        "https://example.com/1",
        "https://example.com/2",
    ]
    # and a page given --url is still detected, not forced into a format
    code, out, _ = run(["parse", "--url", "https://sputniknews.com/x.html", str(SEED)])
    assert code == 0 and json.loads(out)["source"] == "flat"


def test_fill_from_the_command_line_and_filled_is_not_a_leak(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(
        " date 2022-01-07 https://example.com/a.html\n\n"
        "/html/head/meta[@name='og:title']/@content\n\nA body line of some length here.\n",
        "utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="og:title" content="The Real Title"></head></html>', "utf-8"
    )
    before = newsmeta.parse(dump.read_bytes())
    assert [i.code for i in newsmeta.validate(before, profile="strict")].count("placeholder-leak")
    code, out, err = run(["fill", str(dump), str(page)])
    assert code == 0, err
    record = Article.from_json(out)
    assert record.title == "The Real Title"
    assert [p.filled for p in record.placeholders] == [True]
    assert "placeholder-leak" not in [i.code for i in newsmeta.validate(record, profile="strict")]
    # the filled record reads back, flag and all
    assert Article.from_json(record.to_json()) == record


def test_detect_takes_text_only() -> None:
    for bad in (b"bytes", None, 5):
        with pytest.raises(InputError, match=r"detect\(\) takes text"):
            newsmeta.detect(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "body",
    [
        {"status": "error", "code": "apiKeyInvalid", "message": "Your API key is invalid."},
        {"code": "rateLimited", "message": "Too many requests.", "status": "error"},
    ],
    ids=["status-first", "code-first"],
)
def test_a_newsapi_error_response_is_an_input_error_naming_its_code(body: dict[str, str]) -> None:
    with pytest.raises(InputError, match=body["code"]):
        newsmeta.parse(json.dumps(body).encode())
    code, _out, err = run(["parse", "-"], json.dumps(body).encode())
    assert code == 1 and body["code"] in err and "could not tell" not in err


# A page written for the purpose: PHP warnings before <html>, as the
# development corpus's colours-of-the-soul.alhelm.net page starts.
PHP_WARNINGS_PAGE = (
    "<br />\n<b>Deprecated</b>:  Assigning the return value of new by reference is deprecated"
    " in <b>/www/htdocs/wp-settings.php</b> on line <b>520</b><br />\n"
    * 60
    + '<!DOCTYPE html><html><head><meta property="og:title" content="A Post">'
    "<title>A Post</title></head><body><p>Text.</p></body></html>"
)


def test_a_page_opening_with_server_warnings_is_html() -> None:
    assert newsmeta.parse(PHP_WARNINGS_PAGE.encode()).source == "html"
    assert newsmeta.detect(PHP_WARNINGS_PAGE) == "html"


def _dev_pages() -> list[Path]:
    unpack = SHARED / "corpora" / "unpack.sh"
    if not unpack.exists():
        return []
    out = subprocess.run([str(unpack)], capture_output=True, text=True, check=False)
    root = Path(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else None
    pages: list[Path] = []
    for gold in sorted(root.glob("*/gold.jsonl")) if root else []:
        pages.extend(gold.parent / json.loads(line)["html"] for line in gold.open(encoding="utf-8"))
    return pages


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "corpora" / "unpack.sh").exists(), reason="shared HTML corpus absent"
)
def test_every_development_page_is_detected_as_html() -> None:
    pages = _dev_pages()
    assert len(pages) > 1000
    missed = []
    for page in pages:
        try:
            results = list(newsmeta.parse_many(page.read_bytes(), input_name=page.name))
        except Exception as exc:  # pragma: no cover - the invariant says never
            missed.append(f"{page.name}: {exc!r}")
            continue
        if not results[0].ok or results[0].unwrap().source != "html":
            missed.append(f"{page.name}: {results[0].error}")
    assert missed == []


def test_a_tracking_pixel_is_not_an_article_image() -> None:
    item = json.loads(item_line(1))
    item["urlToImage"] = "https://stats.example.com/t.gif?id=4"
    a = newsmeta.parse(json.dumps(item).encode())
    assert all("t.gif" not in (i.url or "") for i in a.images)
    assert any(i.code == "tracking-pixel" for i in a.issues)
    assert any("t.gif" in u.text for u in a.unrecognised)  # kept, not lost
    page = (
        '<html><head><meta property="og:title" content="T">'
        '<meta property="og:image" content="https://cdn.example.com/photo.jpg">'
        '<meta property="og:image" content="https://www.facebook.com/tr?id=1&amp;ev=PageView">'
        "</head></html>"
    )
    b = newsmeta.parse(page)
    assert [i.url for i in b.images] == ["https://cdn.example.com/photo.jpg"]


def test_a_web_address_is_refused_with_how_to_pipe_it_in() -> None:
    code, out, err = run(["parse", "https://example.com/news/a.html"])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "reads files and streams, not the network" in err
    assert "| newsmeta parse - --url 'https://example.com/news/a.html'" in err


def test_a_bad_flag_prints_the_subcommands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["parse", "--bogus", str(SEED)])[0] == 2
    err = capsys.readouterr().err  # argparse writes usage errors to sys.stderr
    assert err.startswith("usage: newsmeta parse ")
    assert "unrecognized arguments: --bogus" in err
    assert run(["validate", "--bogus", str(SEED)])[0] == 2
    assert capsys.readouterr().err.startswith("usage: newsmeta validate ")


def test_jobs_zero_is_one_worker_per_core(tmp_path: Path) -> None:
    from newsmeta.cli import parse_args

    assert parse_args(["parse", "--jobs", "0", "x"]).jobs == (os.cpu_count() or 1)
    src = tmp_path / "many.jsonl"
    src.write_text("".join(item_line(i) + "\n" for i in range(300)))
    code, out, _ = run(["parse", "--jsonl", "--jobs", "0", str(src)])
    assert code == 0 and len(out.splitlines()) == 300
