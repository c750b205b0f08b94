"""Safe markup (issue 6, item 5): HTML parsing never touches the network, never
expands external entities (XXE), survives the billion-laughs pattern and huge or
deep trees, and placeholder XPaths run as XPath 1.0 only, without extension
functions and without work that grows faster than the page.

A ``signal.alarm`` guards the cases that would hang; it is a hang detector, not
a speed test (speed is in ``bench/adversarial.py``).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsmeta
from newsmeta import Article, Placeholder
from newsmeta.adapters._html.fill import check_xpath
from newsmeta.recognizers.placeholders import find_placeholders

HANG_SECONDS = 30


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Any attempt to open a connection fails the test."""
    calls: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield calls
    assert not calls


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    def boom(*_: Any) -> None:
        raise AssertionError(f"took more than {HANG_SECONDS} s: a hang")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(HANG_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-5f3a")
    return path


def xxe_pages(secret: Path) -> list[str]:
    uri = secret.as_uri()
    return [
        f'<!DOCTYPE html [<!ENTITY e SYSTEM "{uri}">]><html><head><title>A &e; B</title>'
        f'<meta property="og:title" content="&e;"></head><body><p>&e;</p></body></html>',
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "{uri}">]>'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>&e;</title></head></html>',
        f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{uri}"> %p;]><html><head><title>x</title></head></html>',
        f'<html><head><title>x</title></head><body><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/></body></html>',
        f'<html><head><script type="application/ld+json">{{"@context": "{uri}", "@type": "NewsArticle", "headline": "x"}}</script></head></html>',
    ]


def test_external_entities_are_never_read(secret: Path) -> None:
    for page in xxe_pages(secret):
        for data in (page, page.encode("utf-8")):
            a = newsmeta.parse(data, format="html")
            assert "TOPSECRET" not in a.to_json()


class NetworkGuard:
    """Fails a test that opens the network, at both levels that could: a
    listening socket on 127.0.0.1 that the test's pages point at (libxml2 or
    any C code connecting to it shows up in its backlog), and Python's own
    ``socket`` connect calls, which raise while the guard is on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.server.settimeout(0.2)
        self.base = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.attempts: list[str] = []

        def refuse(*args: Any, **kwargs: Any) -> Any:
            self.attempts.append(repr(args[:2]))
            raise OSError("network access during a parse")

        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(socket.socket, "connect_ex", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        monkeypatch.setattr(socket, "getaddrinfo", refuse)

    def connections(self) -> list[str]:
        """Python-level attempts, and connections that reached the listener."""
        got = list(self.attempts)
        while True:
            try:
                conn, addr = self.server.accept()
            except (TimeoutError, OSError):
                break
            conn.close()
            got.append(f"connection from {addr}")
        return got

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkGuard]:
    g = NetworkGuard(monkeypatch)
    yield g
    g.close()


def network_pages(base: str) -> list[str]:
    return [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        "<html><head><title>T</title></head></html>",
        f'<!DOCTYPE html [<!ENTITY e SYSTEM "{base}/e">]><html><head><title>&e;</title></head></html>',
        f'<?xml version="1.0"?><!DOCTYPE x SYSTEM "{base}/x.dtd"><html><head><title>T</title></head></html>',
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY % p SYSTEM "{base}/p"> %p;]><html><head><title>T</title></head></html>',
        f'<html><head><link rel="stylesheet" href="{base}/a.css"><base href="{base}/">'
        f'<script type="application/ld+json">{{"@context": "{base}/ctx", "@type": "NewsArticle"}}</script>'
        f'</head><body><img src="{base}/a.jpg"><iframe src="{base}/"></iframe>'
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{base}/inc"/></body></html>',
    ]


def test_parsing_never_touches_the_network(guard: NetworkGuard) -> None:
    for page in network_pages(guard.base):
        newsmeta.parse(page, format="html")
        newsmeta.parse(page.encode("utf-8"))  # detection too
        newsmeta.parse(page, format="html", url=guard.base + "/article")
    assert guard.connections() == []


def test_the_network_guard_sees_a_connection(guard: NetworkGuard) -> None:
    """The guard is not vacuous: a connection made below Python's ``socket``
    module (the C socket type, as libxml2 or any extension would) reaches the
    listener, and one through ``socket`` is refused and recorded."""
    import _socket

    port = int(guard.base.rsplit(":", 1)[1])
    raw = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    raw.connect(("127.0.0.1", port))
    with contextlib.suppress(OSError):
        socket.create_connection(("127.0.0.1", port))
    seen = guard.connections()
    raw.close()
    assert any(s.startswith("connection from") for s in seen), seen
    assert len(seen) == 2, seen


def billion_laughs(levels: int = 10) -> str:
    ents = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{ents}]>'
        f"<html><head><title>&lol{levels - 1};</title>"
        f'<meta property="og:title" content="&lol{levels - 1};"></head><body>&lol{levels - 1};</body></html>'
    )


def test_billion_laughs_survives() -> None:
    page = billion_laughs()
    for data in (page, page.encode("utf-8")):
        a = newsmeta.parse(data, format="html")
        assert len(a.to_json()) < 100_000  # nothing was expanded
        assert "lollollol" not in a.to_json()


def test_deep_tree_is_read_up_to_the_parser_limit_and_the_cut_reported() -> None:
    n = 100_000
    page = (
        "<html><head><title>Top</title></head><body>"
        + "<div>" * n
        + "<h1>Deep</h1>"
        + "</div>" * n
        + '<meta property="og:title" content="After"></body></html>'
    )
    a = newsmeta.parse(page, format="html")
    assert a.title == "Top"
    (cut,) = [i for i in a.issues if i.code == "markup-cut"]
    assert "depth" in cut.message.lower()


def test_ordinary_pages_are_not_reported_cut() -> None:
    page = (
        "<html><head><title>T</title></head><body>"
        + "<div><p>x</p></div>" * 1000
        + "</body></html>"
    )
    assert not [i for i in newsmeta.parse(page, format="html").issues if i.code == "markup-cut"]


def test_pages_read_at_once_in_threads_give_their_own_records() -> None:
    """Pages parsed at once in threads give the records they give alone, and
    the cut report is each page's own (Lexbor's parser is made per page)."""
    deep = "<html><head><title>Deep</title></head><body>" + "<div>" * 20_000 + "</body></html>"
    flat = "<html><head><title>Flat</title></head><body>" + "<p>x</p>" * 2000 + "</body></html>"
    pages = [deep.encode(), flat.encode()] * 8
    alone = [newsmeta.parse(p, format="html").to_json() for p in pages]
    assert ["markup-cut" in j for j in alone] == [True, False] * 8
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda p: newsmeta.parse(p, format="html").to_json(), pages))
    assert together == alone


def test_each_thread_has_its_own_parser() -> None:
    """The adapter's parser is reused within a thread and never shared between
    threads: its error log (read after the parse for the cut report) is then
    always its own page's. (The test above can hardly catch a shared parser:
    lxml locks a parser while it parses, so the race is only between the end
    of one parse and the reading of its log.)"""
    import threading

    from newsmeta.adapters import html as html_adapter

    here = html_adapter._parser(False)
    assert html_adapter._parser(False) is here
    assert html_adapter._parser(True) is not here  # one per ``ids`` setting
    others: list[object] = []
    threads = [
        threading.Thread(target=lambda: others.append(html_adapter._parser(False)))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(here), *map(id, others)}) == 3


def test_huge_tree_within_the_limit() -> None:
    page = (
        "<html><head><title>Wide</title></head><body>"
        + "<p>paragraph</p>" * 200_000
        + "<p>"
        + "x" * 12_000_000
        + "</p></body></html>"  # one text node past libxml2's 10 MB
    )
    a = newsmeta.parse(page, format="html")
    assert a.title == "Wide"
    with pytest.raises(newsmeta.LimitError, match="max_input_bytes"):
        newsmeta.parse(page, format="html", limits=newsmeta.Limits(max_input_bytes=1_000_000))


PAGE = (
    "<html><head><meta property='og:title' content='Real Title'></head><body>"
    + "<div><p>x</p></div>" * 2_000
    + "</body></html>"
)


@pytest.mark.parametrize(
    "xpath",
    [
        "//meta[re:test(@property, 'og:.*')]/@content",  # EXSLT regular expressions
        "//meta[php:function('system', 'id')]/@content",  # an extension function
        "document('/etc/passwd')",  # XSLT, not XPath
        "//meta[exsl:node-set(.)]/@content",
        "//meta[system-property('xsl:vendor')]/@content",
        "//meta[@property=$name]/@content",  # variables
        "//*[count(//*[count(//*) > 0]) > 0]/@content",  # cubic in the page
        "//*[.//*[.//*]]/@content",
        "//*/following::*/@content",  # quadratic
        "//meta[starts-with(@property, 'og:')]/@content" + " | //x" * 400,  # too long
    ],
)
def test_placeholders_run_as_xpath_1_only_and_bounded(xpath: str) -> None:
    assert check_xpath(xpath) is not None
    article = Article(
        placeholders=(Placeholder(xpath=xpath, field="og:title", attribute="content"),)
    )
    start = time.process_time()
    filled = newsmeta.fill_placeholders(article, PAGE)
    assert filled.title is None
    assert time.process_time() - start < HANG_SECONDS


def test_a_plain_placeholder_still_fills() -> None:
    # @name: repaired to @property, as the recogniser suggests
    (p,) = find_placeholders("/html/head/meta[@name='og:title']/@content")
    ph = Placeholder(xpath=p.xpath, field=p.field, attribute=p.attribute, suggested=p.suggested)
    assert newsmeta.fill_placeholders(Article(placeholders=(ph,)), PAGE).title == "Real Title"


def test_lone_surrogates_in_a_page_are_reported() -> None:
    a = newsmeta.parse("<html><head><title>A\ud800B</title></head></html>", format="html")
    assert a.title == "A\ufffdB"
    assert [i.code for i in a.issues] == ["lossy-decoding"]
