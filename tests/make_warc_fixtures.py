"""Write the WARC fixtures under ``fixtures/warc/`` from the HTML pages in ``fixtures/html/``.

Run ``python -m tests.make_warc_fixtures`` (needs warcio, in the ``test`` extra)
after a deliberate change; ``tests/test_warc.py`` checks that this script
writes the committed files byte for byte, so they cannot drift from it.

Every record id and date is fixed (uuid5 of the record's name, dates from the
table below), so the output is the same on every run. What is written:

``crawl.warc.gz``
    WARC/1.1, gzip per record: a ``warcinfo``; a ``request``/``response`` pair per
    page; a non-HTML response (PNG), a 404, a 301, a ``revisit``, a ``metadata``
    and a ``resource`` record; an HTML page with no HTTP Content-Type but a
    ``WARC-Identified-Payload-Type``, one with no type at all (sniffed), one sent
    with chunked transfer-encoding, one gzip content-encoded, and one the
    crawler cut (``WARC-Truncated: length``). ``football-ua-podolski`` is stored
    re-encoded as windows-1251 with its ``<meta>`` charset removed, so the
    charset is only in the HTTP header.
``crawl-1.0.warc``
    Plain (uncompressed) WARC/1.0: a ``warcinfo`` and two pages.
``crawl-single-stream.warc.gz``
    ``crawl.warc.gz``'s records as one gzip stream (what warcio refuses to read).
``crawl-cut.warc.gz``
    ``crawl.warc.gz`` cut in the middle of its last HTML page (a download cut short).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import sys
import uuid
from pathlib import Path

from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "fixtures" / "html"
OUT = ROOT / "fixtures" / "warc"

#: The pages stored as 200 responses, in order: (fixture name, WARC-Date).
PAGES = [
    ("flowfx-de-tmux", "2024-03-01T10:00:00Z"),
    ("football-ua-podolski", "2016-08-16T08:30:00Z"),
    ("schweizerjaeger-ch-steinkauz", "2021-02-01T12:00:00Z"),
    ("archiv-krimiblog-de-2895", "2015-06-01T09:15:00Z"),
]
NAMESPACE = uuid.UUID("7f1c6c1e-5a3b-4a57-9a43-6e1f3b1d2c00")


def page_url(name: str) -> str:
    """The page URL ``fixtures/html/<name>.options.json`` gives."""
    text = (HTML / f"{name}.options.json").read_text(encoding="utf-8")
    match = re.search(r'"url":\s*"([^"]+)"', text)
    assert match, name
    return match.group(1)


def page_bytes(name: str) -> tuple[bytes, str]:
    """A page's bytes as stored in the WARC, and its HTTP Content-Type."""
    raw = (HTML / f"{name}.html").read_bytes()
    if name == "football-ua-podolski":
        # The charset only in the HTTP header: re-encode, drop the <meta> declaration.
        text = raw.decode("utf-8")
        text = re.sub(r'<meta http-equiv="Content-Type"[^>]*>\s*', "", text, count=1)
        return text.encode("windows-1251", "xmlcharrefreplace"), "text/html; charset=windows-1251"
    return raw, "text/html; charset=utf-8"


def http(status: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    """An HTTP/1.1 response as a crawler stores it (headers as sent, body as received)."""
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def chunked(body: bytes, size: int = 1000) -> bytes:
    """``body`` in chunked transfer-encoding."""
    parts = [
        b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size])
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


class Archive:
    """A WARC being written, with fixed record ids."""

    def __init__(self, *, gzip: bool, version: str) -> None:
        self.buf = io.BytesIO()
        self.writer = WARCWriter(self.buf, gzip=gzip, warc_version=version)
        self.count = 0

    def _headers(self, name: str, date: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        self.count += 1
        rid = uuid.uuid5(NAMESPACE, f"{self.count}:{name}")
        return {"WARC-Record-ID": f"<urn:uuid:{rid}>", "WARC-Date": date, **(extra or {})}

    def warcinfo(self, date: str) -> None:
        info = {"software": "newsmeta tests/make_warc_fixtures.py", "format": "WARC File Format"}
        rec = self.writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO("".join(f"{k}: {v}\r\n" for k, v in info.items()).encode()),
            warc_content_type="application/warc-fields",
            warc_headers_dict=self._headers("warcinfo", date),
        )
        self.writer.write_record(rec)

    def request(self, url: str, date: str) -> None:
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        msg = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: newsmeta-fixtures\r\n\r\n"
        rec = self.writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(msg.encode("latin-1")),
            warc_headers_dict=self._headers("request " + url, date),
        )
        self.writer.write_record(rec)

    def response(
        self, url: str, date: str, message: bytes, extra: dict[str, str] | None = None
    ) -> None:
        rec = self.writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(message),
            length=len(message),
            warc_headers_dict=self._headers("response " + url, date, extra),
        )
        self.writer.write_record(rec)

    def record(
        self,
        kind: str,
        url: str,
        date: str,
        body: bytes,
        content_type: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        rec = self.writer.create_warc_record(
            url,
            kind,
            payload=io.BytesIO(body),
            length=len(body),
            warc_content_type=content_type,
            warc_headers_dict=self._headers(kind + " " + url, date, extra),
        )
        rec.http_headers = None
        self.writer.write_record(rec)

    def revisit(self, url: str, date: str, refers_to_date: str, digest: str) -> None:
        rec = self.writer.create_revisit_record(
            url,
            digest,
            url,
            refers_to_date,
            warc_headers_dict=self._headers("revisit " + url, date),
        )
        self.writer.write_record(rec)


def crawl(*, gzip: bool, version: str = "1.1") -> tuple[bytes, int]:
    """The main crawl, and the offset where its last HTML page's record starts."""
    a = Archive(gzip=gzip, version=version)
    a.warcinfo("2024-03-01T09:59:00Z")
    for name, date in PAGES:
        url = page_url(name)
        body, ctype = page_bytes(name)
        a.request(url, date)
        a.response(
            url,
            date,
            http("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))], body),
        )
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
    a.response(
        "https://flowfx.de/static/logo.png",
        "2024-03-01T10:00:01Z",
        http("200 OK", [("Content-Type", "image/png"), ("Content-Length", str(len(png)))], png),
    )
    missing = b"<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>404</h1></body></html>"
    a.response(
        "https://flowfx.de/blog/gone/",
        "2024-03-01T10:00:02Z",
        http("404 Not Found", [("Content-Type", "text/html; charset=utf-8")], missing),
    )
    a.response(
        "http://flowfx.de/blog/copy-paste-from-tmux-to-system-clipboard/",
        "2024-03-01T09:59:59Z",
        http(
            "301 Moved Permanently",
            [("Location", page_url("flowfx-de-tmux")), ("Content-Length", "0")],
            b"",
        ),
    )
    first, _ = page_bytes(PAGES[0][0])
    digest = "sha1:" + __import__("base64").b32encode(hashlib.sha1(first).digest()).decode()
    a.revisit(page_url(PAGES[0][0]), "2024-03-02T10:00:00Z", PAGES[0][1], digest)
    a.record(
        "metadata",
        page_url(PAGES[0][0]),
        PAGES[0][1],
        b"via: https://flowfx.de/\r\nfetchTimeMs: 120\r\n",
        "application/warc-fields",
    )
    a.record(
        "resource",
        "file:///robots.txt",
        "2024-03-01T10:00:03Z",
        b"User-agent: *\nAllow: /\n",
        "text/plain",
    )
    # An HTML page known only by the WARC-Identified-Payload-Type header.
    body, _ = page_bytes("helge-at-mahu")
    a.response(
        page_url("helge-at-mahu"),
        "2014-03-10T07:00:00Z",
        http("200 OK", [("Content-Length", str(len(body)))], body),
        {"WARC-Identified-Payload-Type": "text/html"},
    )
    # An HTML page with no type at all: sniffed from its bytes.
    body, _ = page_bytes("maescot-de-schafskunde")
    a.response(page_url("maescot-de-schafskunde"), "2019-05-01T00:00:00Z", http("200 OK", [], body))
    # Chunked transfer-encoding, as the server sent it.
    body, ctype = page_bytes("schweizerjaeger-ch-steinkauz")
    a.response(
        "https://schweizerjaeger.ch/aktuell/vogeldesjahres2021.html?chunked",
        "2021-02-01T12:00:01Z",
        http("200 OK", [("Content-Type", ctype), ("Transfer-Encoding", "chunked")], chunked(body)),
    )
    # gzip content-encoding, as the server sent it.
    body, ctype = page_bytes("archiv-krimiblog-de-2895")
    packed = _gzip(body)
    a.response(
        "http://archiv.krimiblog.de/?p=2895&gzip",
        "2015-06-01T09:15:01Z",
        http(
            "200 OK",
            [
                ("Content-Type", ctype),
                ("Content-Encoding", "gzip"),
                ("Content-Length", str(len(packed))),
            ],
            packed,
        ),
    )
    # The crawler stopped reading after 4000 bytes and said so.
    body, ctype = page_bytes("flowfx-de-tmux")
    a.response(
        "https://flowfx.de/blog/copy-paste-from-tmux-to-system-clipboard/?cut",
        "2024-03-01T10:00:04Z",
        http("200 OK", [("Content-Type", ctype)], body[:4000]),
        {"WARC-Truncated": "length"},
    )
    last = a.buf.tell()
    body, ctype = page_bytes("flowfx-de-tmux")
    a.response(
        "https://flowfx.de/blog/copy-paste-from-tmux-to-system-clipboard/?last",
        "2024-03-01T10:00:05Z",
        http("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))], body),
    )
    return a.buf.getvalue(), last


def _gzip(data: bytes) -> bytes:
    """gzip with a fixed header (no file name, mtime 0), so the output is reproducible."""
    return gzip.compress(data, mtime=0)


def small(version: str = "1.0") -> bytes:
    """A plain WARC/1.0 file with two pages."""
    a = Archive(gzip=False, version=version)
    a.warcinfo("2016-08-16T08:00:00Z")
    for name, date in (PAGES[0], PAGES[3]):
        body, ctype = page_bytes(name)
        a.response(
            page_url(name),
            date,
            http("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))], body),
        )
    return a.buf.getvalue()


def build() -> dict[str, bytes]:
    """Every fixture file's name and bytes."""
    packed, _ = crawl(gzip=True)
    plain, _ = crawl(gzip=False)
    _, last = crawl(gzip=True)
    # Cut in the middle of the last record's member: that page is lost, the rest is kept.
    cut = packed[: last + (len(packed) - last) // 2]
    return {
        "crawl.warc.gz": packed,
        "crawl-1.0.warc": small(),
        "crawl-single-stream.warc.gz": _gzip(plain),
        "crawl-cut.warc.gz": cut,
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, data in build().items():
        (out / name).write_bytes(data)
        print(f"{out / name}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
