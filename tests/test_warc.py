"""WARC input: ``newsmeta.parse_warc`` on the fixtures ``tests/make_warc_fixtures.py`` writes.

The fixtures are committed (``fixtures/warc/``) so that the command line, the
docs and later work (Spark) can point at real files; the first test checks the
script still writes them byte for byte.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmeta
from newsmeta import Article, InputError, Limits, NewsmetaError, Result, validate
from newsmeta.warc import SKIP_KINDS, looks_like_warc, parse_warc
from tests import make_warc_fixtures as mk
from tests.conftest import FIXTURES

WARC = FIXTURES / "warc"
CRAWL = WARC / "crawl.warc.gz"


def articles(source: object, **kw: object) -> list[Article]:
    return [r.unwrap() for r in parse_warc(source, **kw)]  # type: ignore[arg-type]


def warc_only(article: Article) -> Article:
    """The record without what only the WARC adds (fetch time, truncation)."""
    prov = {k: v for k, v in article.provenance.items() if k != "fetched"}
    issues = [i for i in article.issues if i.code != "warc-truncated"]
    return attrs.evolve(article, fetched=None, provenance=prov, issues=issues)


# ---------------------------------------------------------------------- the fixtures


def test_the_script_writes_the_committed_fixtures() -> None:
    built = mk.build()
    assert sorted(built) == sorted(p.name for p in WARC.glob("*.warc*"))
    for name, data in built.items():
        assert (WARC / name).read_bytes() == data, f"{name}: run python -m tests.make_warc_fixtures"


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl-1.0.warc", "crawl-single-stream.warc.gz"])
def test_recognised_by_bytes(name: str) -> None:
    assert looks_like_warc((WARC / name).read_bytes()[:512])


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"<html>",
        b"WARC/2.0\r\n",
        gzip.compress(b"<html>"),
        b"\x1f\x8b\x08garbage",
        b"WARC/1.1",
    ],
)
def test_not_recognised(head: bytes) -> None:
    assert not looks_like_warc(head)


# ---------------------------------------------------------------------- record kinds


class Kind(NamedTuple):
    name: str
    write: str  # how the record is written, see one_record()
    verdict: str  # "article", "error", or a skip kind


def one_record(write: str) -> bytes:
    """A gzipped WARC holding a warcinfo and the one record ``write`` names."""
    a = mk.Archive(gzip=True, version="1.1")
    a.warcinfo("2024-01-01T00:00:00Z")
    page, ctype = mk.page_bytes("flowfx-de-tmux")
    url = mk.page_url("flowfx-de-tmux")
    date = "2024-01-01T00:00:00Z"
    ok = [("Content-Type", ctype)]
    if write == "html":
        a.response(url, date, mk.http("200 OK", ok, page))
    elif write == "xhtml":
        a.response(url, date, mk.http("200 OK", [("Content-Type", "application/xhtml+xml")], page))
    elif write == "identified":
        a.response(
            url, date, mk.http("200 OK", [], page), {"WARC-Identified-Payload-Type": "text/html"}
        )
    elif write == "identified-pdf":
        a.response(
            url,
            date,
            mk.http("200 OK", [], page),
            {"WARC-Identified-Payload-Type": "application/pdf"},
        )
    elif write == "sniffed":
        a.response(url, date, mk.http("200 OK", [], page))
    elif write == "sniffed-text":
        a.response(url, date, mk.http("200 OK", [], b"just some words\n"))
    elif write == "json":
        a.response(url, date, mk.http("200 OK", [("Content-Type", "application/json")], b"{}"))
    elif write.startswith("status-"):
        a.response(url, date, mk.http(write[7:] + " X", ok, page))
    elif write == "dns":
        a.record(
            "response", "dns:example.com", date, b"example.com. 300 IN A 1.2.3.4\n", "text/dns"
        )
    elif write in ("request", "revisit", "metadata", "resource"):
        if write == "request":
            a.request(url, date)
        elif write == "revisit":
            a.revisit(url, date, date, "sha1:AAAA")
        else:
            a.record(write, url, date, b"x: y\r\n", "application/warc-fields")
    elif write == "conversion":
        a.record("conversion", url, date, b"plain text of the page", "text/plain")
    else:  # pragma: no cover - a typo in the table
        raise AssertionError(write)
    return a.buf.getvalue()


KINDS = {
    "WARC record types that never hold a page": [
        Kind("request", "request", "request"),
        Kind("revisit", "revisit", "revisit"),
        Kind("metadata", "metadata", "metadata"),
        Kind("resource", "resource", "resource"),
        Kind("conversion", "conversion", "conversion"),
    ],
    "responses by HTTP status": [
        Kind("200 html", "html", "article"),
        Kind("404", "status-404", "not-200"),
        Kind("301", "status-301", "not-200"),
        Kind("500", "status-500", "not-200"),
        Kind("206 partial content", "status-206", "not-200"),
    ],
    "responses by payload type": [
        Kind("XHTML by Content-Type", "xhtml", "article"),
        Kind("JSON by Content-Type", "json", "not-html"),
        Kind("HTML by WARC-Identified-Payload-Type", "identified", "article"),
        Kind("PDF by WARC-Identified-Payload-Type", "identified-pdf", "not-html"),
        Kind("HTML sniffed (no type at all)", "sniffed", "article"),
        Kind("text sniffed (no type at all)", "sniffed-text", "not-html"),
        Kind("a dns: response, not HTTP", "dns", "not-http"),
    ],
}


@pytest.mark.parametrize(
    "kind", [k for group in KINDS.values() for k in group], ids=lambda k: k.name
)
def test_record_kind_verdict(kind: Kind) -> None:
    records = parse_warc(io.BytesIO(one_record(kind.write)), input_name="one.warc.gz")
    results = list(records)
    assert records.counts == {"warcinfo": 1, kind.verdict: 1}
    assert len(results) == (kind.verdict in ("article", "error"))


def test_skip_kinds_are_listed() -> None:
    verdicts = {k.verdict for group in KINDS.values() for k in group}
    assert verdicts - {"article", "error"} <= set(SKIP_KINDS)


def test_the_crawl_counts() -> None:
    records = parse_warc(CRAWL)
    got = list(records)
    assert all(r.ok for r in got)
    assert records.counts == {
        "article": 10,
        "warcinfo": 1,
        "request": 4,
        "revisit": 1,
        "metadata": 1,
        "resource": 1,
        "not-200": 2,
        "not-html": 1,
    }
    assert list(records.skipped) == [
        "warcinfo",
        "request",
        "metadata",
        "revisit",
        "resource",
        "not-200",
        "not-html",
    ]


# ---------------------------------------------------------------------- equal to direct parsing


def direct_pages() -> list[tuple[bytes, str, str | None]]:
    """(payload, url, HTTP content type) of each article in ``crawl.warc.gz``, in order,
    as the fixture script built them before wrapping them in HTTP."""
    out: list[tuple[bytes, str, str | None]] = []
    for name, _date in mk.PAGES:
        body, ctype = mk.page_bytes(name)
        out.append((body, mk.page_url(name), ctype))
    out.append((mk.page_bytes("helge-at-mahu")[0], mk.page_url("helge-at-mahu"), None))
    out.append(
        (mk.page_bytes("maescot-de-schafskunde")[0], mk.page_url("maescot-de-schafskunde"), None)
    )
    body, ctype = mk.page_bytes("schweizerjaeger-ch-steinkauz")
    out.append((body, "https://schweizerjaeger.ch/aktuell/vogeldesjahres2021.html?chunked", ctype))
    body, ctype = mk.page_bytes("archiv-krimiblog-de-2895")
    out.append((body, "http://archiv.krimiblog.de/?p=2895&gzip", ctype))
    body, ctype = mk.page_bytes("flowfx-de-tmux")
    out.append(
        (body[:4000], "https://flowfx.de/blog/copy-paste-from-tmux-to-system-clipboard/?cut", ctype)
    )
    out.append(
        (body, "https://flowfx.de/blog/copy-paste-from-tmux-to-system-clipboard/?last", ctype)
    )
    return out


def test_records_equal_direct_parsing() -> None:
    results = list(parse_warc(CRAWL))
    pages = direct_pages()
    assert len(results) == len(pages)
    for result, (payload, url, ctype) in zip(results, pages, strict=False):
        got = result.unwrap()
        want = newsmeta.parse(payload, url=url, content_type=ctype, input_name=result.input)
        assert warc_only(got) == want, url
        assert got.url == want.url


def test_charset_only_in_the_http_header() -> None:
    football = articles(CRAWL)[1]
    assert football.title == "Подольски завершил карьеру в сборной"
    assert not [i for i in football.issues if i.code == "lossy-decoding"]


def test_provenance_and_fetch_time() -> None:
    (result, *_rest) = parse_warc(CRAWL)
    assert result.input == f"{CRAWL}#639"
    art = result.unwrap()
    assert art.fetched is not None and art.fetched.isoformat() == "2024-03-01T10:00:00+00:00"
    prov = art.provenance["fetched"]
    assert prov.raw == "2024-03-01T10:00:00Z"
    assert prov.location.input == f"{CRAWL}#639"
    assert prov.location.path == "<urn:uuid:fda93d8f-99b8-572c-a471-f1fc76aff0a1> WARC-Date"
    assert Article.from_json(art.to_json()) == art


def test_fetch_time_is_the_crawl_date_for_validation() -> None:
    art = articles(CRAWL)[1]  # fetched 2016-08-16T08:30Z
    assert art.fetched is not None
    import datetime as dt

    later = attrs.evolve(art, published=art.fetched + dt.timedelta(days=3))
    earlier = attrs.evolve(art, published=art.fetched - dt.timedelta(days=3))
    assert "future-date" in {i.code for i in validate(later)}
    assert "future-date" not in {i.code for i in validate(earlier)}
    # Without a fetch time the same date is measured against now: not in the future.
    assert "future-date" not in {i.code for i in validate(attrs.evolve(later, fetched=None))}


def test_plain_warc_1_0() -> None:
    got = articles(WARC / "crawl-1.0.warc")
    assert [a.url for a in got] == [
        mk.page_url("flowfx-de-tmux"),
        mk.page_url("archiv-krimiblog-de-2895"),
    ]


def test_single_stream_gzip_reads_the_same_records() -> None:
    one = list(parse_warc(WARC / "crawl-single-stream.warc.gz"))
    per_record = list(parse_warc(CRAWL))
    assert [warc_only(r.unwrap()).title for r in one] == [
        warc_only(r.unwrap()).title for r in per_record
    ]
    assert [r.unwrap().fetched for r in one] == [r.unwrap().fetched for r in per_record]


def test_a_stream_reads_like_a_path() -> None:
    with CRAWL.open("rb") as f:
        from_stream = [r.unwrap() for r in parse_warc(f)]
    assert from_stream == articles(CRAWL)


def test_a_non_seekable_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.inner = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
            data = self.inner.read(min(len(buf), 1000))
            buf[: len(data)] = data
            return len(data)

    got = [r.unwrap() for r in parse_warc(Pipe(CRAWL.read_bytes()), input_name="pipe")]
    assert [a.title for a in got] == [a.title for a in articles(CRAWL)]


# ---------------------------------------------------------------------- cut and damaged files


def test_cut_file_keeps_what_came_before() -> None:
    cut_path = WARC / "crawl-cut.warc.gz"
    got = list(parse_warc(cut_path))
    assert len(got) == 10 and all(r.ok for r in got)
    whole = articles(CRAWL)
    # Everything before the cut is what the whole file gives, but for the file name.
    before = [r.unwrap().to_json().replace(str(cut_path), str(CRAWL)) for r in got[:-1]]
    assert before == [a.to_json() for a in whole[:-1]]
    last = got[-1].unwrap()
    (issue,) = [i for i in last.issues if i.code == "warc-truncated"]
    assert "ends" in issue.message and "8,238" in issue.message
    assert issue.location.input == f"{WARC / 'crawl-cut.warc.gz'}#84196"


def test_warc_truncated_header() -> None:
    cut = articles(CRAWL)[8]
    (issue,) = [i for i in cut.issues if i.code == "warc-truncated"]
    assert "WARC-Truncated: length" in issue.message


def members(data: bytes) -> list[int]:
    """Offsets of the gzip members of a file gzipped per record."""
    out, pos = [], 0
    while pos < len(data):
        out.append(pos)
        d = zlib.decompressobj(31)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
    return out


CRAWL_BYTES = CRAWL.read_bytes()
MEMBERS = members(CRAWL_BYTES)
FOOTBALL = MEMBERS.index(4007)  # the football.ua response


def run(data: bytes) -> tuple[list[Result], dict[str, int]]:
    records = parse_warc(io.BytesIO(data), input_name="bad.warc.gz")
    results = list(records)
    return results, dict(records.counts)


def test_corrupt_gzip_member_is_reported_and_reading_resumes() -> None:
    data = bytearray(CRAWL_BYTES)
    for i in range(10_000, 10_200):  # inside the football.ua response's member
        data[i] ^= 0x55
    results, counts = run(bytes(data))
    errors = [r for r in results if not r.ok]
    assert len(errors) == 1
    message = str(errors[0].error)
    assert "offset" in message and "resumes at offset 34581" in message
    assert "\n" not in message
    assert counts["article"] == 9 and counts["request"] == 4


def test_a_member_that_is_not_gzip() -> None:
    at = MEMBERS[FOOTBALL + 1]
    data = CRAWL_BYTES[:at] + b"this is not gzip at all\n" * 3 + CRAWL_BYTES[at:]
    results, counts = run(data)
    (error,) = [r for r in results if not r.ok]
    assert f"resumes at offset {at + 72}" in str(error.error)
    assert counts["article"] == 10 and counts["request"] == 4


def test_a_malformed_record_header() -> None:
    at = MEMBERS[FOOTBALL + 1]
    bad = gzip.compress(
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\nhello\r\n\r\n", mtime=0
    )
    results, counts = run(CRAWL_BYTES[:at] + bad + CRAWL_BYTES[at:])
    errors = [str(r.error) for r in results if not r.ok]
    assert errors and any(
        f"#{at}: malformed record header: Content-Length 'abc'" in e for e in errors
    )
    assert counts["article"] == 10


def test_a_header_line_without_a_colon() -> None:
    at = MEMBERS[FOOTBALL + 1]
    bad = gzip.compress(
        b"WARC/1.1\r\nWARC-Type: response\r\nno colon here\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n",
        mtime=0,
    )
    _results, counts = run(CRAWL_BYTES[:at] + bad + CRAWL_BYTES[at:])
    assert counts["article"] == 10 and counts["request"] == 4
    assert counts.get("not-http", 0) + counts.get("error", 0) >= 1


def test_broken_chunked_encoding() -> None:
    a = mk.Archive(gzip=True, version="1.1")
    page, ctype = mk.page_bytes("flowfx-de-tmux")
    url = mk.page_url("flowfx-de-tmux")
    a.response(
        url,
        "2024-01-01T00:00:00Z",
        mk.http(
            "200 OK", [("Content-Type", ctype), ("Transfer-Encoding", "chunked")], b"zz\r\n" + page
        ),
    )
    a.response(
        url,
        "2024-01-01T00:00:00Z",
        mk.http(
            "200 OK",
            [("Content-Type", ctype), ("Transfer-Encoding", "chunked")],
            b"ffff\r\n" + page[:100],
        ),
    )
    a.response(url, "2024-01-01T00:00:00Z", mk.http("200 OK", [("Content-Type", ctype)], page))
    results, counts = run(a.buf.getvalue())
    assert counts == {"error": 2, "article": 1}
    first, second = (str(r.error) for r in results[:2])
    assert first.startswith("bad.warc.gz#0: broken chunked transfer-encoding: chunk size b'zz'")
    assert "declares 65,535 bytes, 100 follow" in second


def test_a_file_that_is_not_warc(tmp_path: Path) -> None:
    path = tmp_path / "page.warc"
    path.write_bytes((FIXTURES / "html" / "flowfx-de-tmux.html").read_bytes())
    records = parse_warc(path)
    (result,) = records
    assert not result.ok
    assert str(result.error) == (
        f"{path}#0: not a WARC file: it starts b'<!DOCTYPE html>\\n', not WARC/1.0 or WARC/1.1"
    )
    assert records.counts == {"error": 1}


def test_missing_file_and_wrong_arguments(tmp_path: Path) -> None:
    (missing,) = parse_warc(tmp_path / "nope.warc")
    assert isinstance(missing.error, InputError) and "cannot open" in str(missing.error)
    (text,) = parse_warc(io.StringIO("WARC/1.1"))  # type: ignore[arg-type]
    assert "binary" in str(text.error)
    (number,) = parse_warc(42)  # type: ignore[arg-type]
    assert "path or a binary file object" in str(number.error)


def test_payload_limit() -> None:
    limits = Limits(max_input_bytes=20_000)
    records = parse_warc(CRAWL, limits=limits)
    results = list(records)
    big = [str(r.error) for r in results if not r.ok]
    assert big and all("max_input_bytes=20,000" in e for e in big)
    assert records.counts["article"] == 10 - len(big)


def test_content_encoding_bomb_obeys_the_limit() -> None:
    bomb = gzip.compress(b"<html><body>" + b" " * 5_000_000, mtime=0)
    a = mk.Archive(gzip=True, version="1.1")
    a.response(
        "https://example.com/",
        "2024-01-01T00:00:00Z",
        mk.http("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], bomb),
    )
    (result,) = parse_warc(io.BytesIO(a.buf.getvalue()), limits=Limits(max_input_bytes=1_000_000))
    assert "decoded payload is larger than max_input_bytes=1,000,000" in str(result.error)


# ---------------------------------------------------------------------- properties


def only_results(data: bytes) -> None:
    for result in parse_warc(io.BytesIO(data), input_name="x.warc"):
        assert isinstance(result, Result)
        if result.error is not None:
            assert isinstance(result.error, NewsmetaError)
            assert "\n" not in str(result.error)


@settings(max_examples=60)
@given(st.binary(max_size=600))
def test_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    only_results(data)
    only_results(b"WARC/1.1\r\n" + data)


SMALL = one_record("html")


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    st.integers(0, len(SMALL)),
)
def test_never_crashes_on_mutated_warcs(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(SMALL)
    for at, value in flips:
        data[at] = value
    only_results(bytes(data))
    only_results(bytes(data[:cut]))


@settings(max_examples=40)
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=40))
def test_never_crashes_on_mutated_plain_warcs(at: int, junk: bytes) -> None:
    plain = (WARC / "crawl-1.0.warc").read_bytes()[:12_000]
    only_results(plain[:at] + junk + plain[at:])


def test_pages_parse_anywhere_to_the_same_records() -> None:
    import pickle

    records = parse_warc(CRAWL)
    pages = list(records.pages())
    assert all(not isinstance(p, Result) for p in pages)
    assert "article" not in records.counts and records.counts["request"] == 4
    moved = [pickle.loads(pickle.dumps(p)).result() for p in pages]  # type: ignore[union-attr]
    assert [r.unwrap() for r in moved] == articles(CRAWL)


PLAIN = (WARC / "crawl-1.0.warc").read_bytes()
SECOND = PLAIN.index(b"WARC/1.0", 10)  # the second record's header


def test_plain_warc_resumes_at_the_next_record_line() -> None:
    results, counts = run(PLAIN[:SECOND] + b"garbage line\r\n" + PLAIN[SECOND:])
    (error,) = [str(r.error) for r in results if not r.ok]
    assert error == (
        "bad.warc.gz#0: damaged WARC data after the record at offset 0 (Invalid WARC header);"
        f" reading resumes at offset {SECOND + 14}"
    )
    assert counts["article"] == 2


def test_plain_warc_with_a_malformed_header() -> None:
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\nhello\r\n\r\n"
    results, counts = run(PLAIN[:SECOND] + bad + PLAIN[SECOND:])
    errors = [str(r.error) for r in results if not r.ok]
    assert errors[0] == f"bad.warc.gz#{SECOND}: malformed record header: Content-Length 'zz'"
    assert counts["article"] == 2


def test_single_stream_damage_ends_the_file_but_keeps_what_came_before() -> None:
    data = bytearray((WARC / "crawl-single-stream.warc.gz").read_bytes())
    for i in range(40_000, 40_100):
        data[i] ^= 0x55
    results, counts = run(bytes(data))
    assert not results[-1].ok and str(results[-1].error).endswith("no readable record after it")
    good = [r.unwrap().url for r in results if r.ok]
    assert good == [a.url for a in articles(CRAWL)][: len(good)] and len(good) >= 2
    assert counts["error"] == 1


def test_a_large_record_that_is_no_page_is_skipped_unread() -> None:
    a = mk.Archive(gzip=True, version="1.1")
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(3_000_000)
    a.response(
        "https://example.com/v.mp4",
        "2024-01-01T00:00:00Z",
        mk.http("200 OK", [("Content-Type", "video/mp4")], video),
    )
    a.response(
        "https://example.com/big",
        "2024-01-01T00:00:00Z",
        mk.http("404 Not Found", [("Content-Type", "text/html")], b"<html>" + bytes(3_000_000)),
    )
    records = parse_warc(io.BytesIO(a.buf.getvalue()), limits=Limits(max_input_bytes=100_000))
    assert list(records) == []
    assert records.counts == {"not-html": 1, "not-200": 1}
