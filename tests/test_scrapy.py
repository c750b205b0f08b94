"""The Scrapy integration: a real crawl against a local server, and unit tests
on Scrapy's own response, exporter and crawler objects."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

scrapy = pytest.importorskip("scrapy", reason="Scrapy absent (pip install -e '.[test]')")

from scrapy.exceptions import DropItem, NotConfigured  # noqa: E402
from scrapy.exporters import JsonLinesItemExporter  # noqa: E402
from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

import newsmeta  # noqa: E402
from newsmeta import Article  # noqa: E402
from newsmeta.scrapy import ArticlePage, ArticlePipeline, RecordAdapter  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

PAGE_URL = "https://football.ua/germany/311510-podolski-zavershil-kareru-v-sbornojj.html"
UTF8_PAGE = (FIXTURES / "html" / "football-ua-podolski.html").read_bytes()
TITLE = "Подольски завершил карьеру в сборной"

# A Windows-1251 page that declares its encoding only where told: in the page
# (<meta charset>) or not at all, so that the HTTP header decides.
CP1251_TEXT = (
    "<html><head>{meta}<title>Новости: Подольски завершил карьеру</title>"
    '<meta property="og:title" content="Подольски завершил карьеру в сборной">'
    '<meta property="article:published_time" content="2016-08-15T12:30:00+03:00">'
    "</head><body><p>Лукас Подольски объявил о завершении карьеры в сборной.</p></body></html>"
)
CP1251_PAGE = CP1251_TEXT.format(meta="").encode("cp1251")
EMPTY_PAGE = b"<html><head></head><body><p>nothing here</p></body></html>"


def response(body: bytes, url: str = PAGE_URL, content_type: str = "text/html") -> HtmlResponse:
    return HtmlResponse(url=url, body=body, headers={"Content-Type": content_type})


# --------------------------------------------------------------------------- parse_selector


def test_parse_selector_takes_the_responses_url() -> None:
    a = newsmeta.parse_selector(response(UTF8_PAGE, url="https://example.com/a/b.html"))
    assert a.title == TITLE
    # The page's canonical wins for url; the response URL resolved the relative links.
    assert a.url == PAGE_URL
    bare = newsmeta.parse_selector(
        response(b"<html><head><title>A title here</title></head></html>", url="https://e.x/p")
    )
    assert bare.url == "https://e.x/p"


def test_parse_selector_and_parse_accept_web_poet_url_objects() -> None:
    from web_poet import HttpResponse, RequestUrl, ResponseUrl

    page = b'<html><head><title>A title here</title><link rel="next" href="2.html"></head></html>'
    for url in (ResponseUrl("https://e.x/news/1.html"), RequestUrl("https://e.x/news/1.html")):
        assert newsmeta.parse_selector(response(page), url=url).url == "https://e.x/news/1.html"
        assert newsmeta.parse(page, url=url).url == "https://e.x/news/1.html"
    wp = HttpResponse(url="https://e.x/news/1.html", body=page)
    assert newsmeta.parse_selector(wp).url == "https://e.x/news/1.html"
    with pytest.raises(newsmeta.InputError, match="url must be of type str"):
        newsmeta.parse(page, url=b"https://e.x/")  # type: ignore[arg-type]


def test_article_page_reads_the_bytes_with_the_header_encoding() -> None:
    from web_poet import HttpResponse

    for headers in ({"Content-Type": "text/html; charset=windows-1251"}, {}):
        page = ArticlePage(
            HttpResponse(url="https://e.x/a.html", body=CP1251_PAGE, headers=headers)
        )
        a = asyncio.run(page.to_item())
        # Told by the header, or (undeclared) by detection: never mojibake.
        assert a.title == TITLE, headers
        assert a.url == "https://e.x/a.html"


# --------------------------------------------------------------------------- pipeline


@pytest.fixture
def crawler() -> Any:
    return get_crawler(settings_dict={})


def pipeline(crawler: Any, **settings: Any) -> ArticlePipeline:
    """The pipeline as Scrapy builds it, for a crawler with these settings."""
    if settings:
        crawler = get_crawler(settings_dict=settings)
    return ArticlePipeline.from_crawler(crawler)


def test_pipeline_counts_issues_and_passes_records(crawler: Any) -> None:
    p = pipeline(crawler)
    a = newsmeta.parse_selector(response(UTF8_PAGE))
    out = p.process_item(a)
    assert out is a
    stats = crawler.stats.get_stats()
    assert stats["newsmeta/articles"] == 1
    expected = {i.code for i in newsmeta.validate(a)}
    assert {k.split("/")[-1] for k in stats if k.startswith("newsmeta/issues/")} == expected


def test_pipeline_drops_at_or_above_the_severity(crawler: Any) -> None:
    p = pipeline(crawler)
    empty = newsmeta.parse_selector(response(EMPTY_PAGE, url="https://e.x/empty"))
    with pytest.raises(DropItem, match="missing-required: title is required"):
        p.process_item(empty)
    assert crawler.stats.get_value("newsmeta/dropped") == 1
    assert crawler.stats.get_value("newsmeta/issues/missing-required") == 1
    keep = pipeline(crawler, NEWSMETA_DROP_SEVERITY="off")
    assert keep.process_item(empty) is empty
    # strict profile: the same page's record drops for a warning-level code too
    strict = pipeline(crawler, NEWSMETA_PROFILE="strict", NEWSMETA_DROP_SEVERITY="warning")
    with pytest.raises(DropItem):
        strict.process_item(newsmeta.parse_selector(response(UTF8_PAGE)))


def test_pipeline_outputs(crawler: Any) -> None:
    a = newsmeta.parse_selector(response(UTF8_PAGE))
    d = pipeline(crawler, NEWSMETA_ITEM_OUTPUT="dict").process_item(a)
    assert isinstance(d, dict) and d == a.to_dict()
    d["title"] = "changed by a later pipeline"  # a plain, mutable dict
    z = pipeline(crawler, NEWSMETA_ITEM_OUTPUT="zyte").process_item(a)
    assert type(z).__name__ == "Article" and type(z).__module__.startswith("zyte_common_items")
    assert z.headline == a.title and z.url == a.url
    assert z.datePublished == (a.published or a.date).isoformat()  # type: ignore[union-attr]


def test_pipeline_passes_other_items_and_reads_record_dicts(crawler: Any) -> None:
    p = pipeline(crawler)
    other = {"name": "a product", "price": 3}
    assert p.process_item(other) is other
    a = newsmeta.parse_selector(response(UTF8_PAGE))
    assert p.process_item(a.to_dict()) == a  # an earlier run's "dict" output


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("NEWSMETA_PROFILE", "nonesuch"),
        ("NEWSMETA_DROP_SEVERITY", "fatal"),
        ("NEWSMETA_ITEM_OUTPUT", "xml"),
    ],
)
def test_bad_settings_are_not_configured_naming_the_setting(setting: str, value: str) -> None:
    with pytest.raises(NotConfigured, match=setting):
        pipeline(get_crawler(settings_dict={}), **{setting: value})


# --------------------------------------------------------------------------- feed exports


def test_records_export_as_their_own_json_with_iso_dates() -> None:
    a = newsmeta.parse(
        (FIXTURES / "dumps" / "sputnik-seed-001.txt").read_bytes(), input_name="seed.txt"
    )
    buf = io.BytesIO()
    exporter = JsonLinesItemExporter(buf)
    exporter.start_exporting()
    exporter.export_item(a)
    exporter.finish_exporting()
    line = json.loads(buf.getvalue())
    assert line == json.loads(a.to_json())
    assert line["published"] == "2022-01-07T08:36:00+00:00"
    assert Article.from_dict(line) == a


def test_the_record_adapter_is_read_only() -> None:
    from itemadapter import ItemAdapter

    adapter = ItemAdapter(Article(title="T"))
    assert isinstance(adapter.adapter, RecordAdapter)
    assert adapter["title"] == "T"
    with pytest.raises(TypeError, match=r"frozen.*NEWSMETA_ITEM_OUTPUT"):
        adapter["title"] = "U"


# --------------------------------------------------------------------------- a real crawl


class _Handler(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[bytes, str]]] = {}

    def do_GET(self) -> None:
        body, content_type = self.pages.get(self.path, (b"not found", "text/plain"))
        self.send_response(200 if self.path in self.pages else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.pages = {
        "/utf8.html": (UTF8_PAGE, "text/html; charset=utf-8"),
        "/cp1251-header.html": (CP1251_PAGE, "text/html; charset=windows-1251"),
        "/cp1251-meta.html": (
            CP1251_TEXT.format(meta='<meta charset="windows-1251">').encode("cp1251"),
            "text/html",
        ),
        "/empty.html": (EMPTY_PAGE, "text/html"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


SPIDER = """
import json
import scrapy
import newsmeta


class Pages(scrapy.Spider):
    name = "pages"
    custom_settings = {{
        "ITEM_PIPELINES": {{"newsmeta.scrapy.ArticlePipeline": 300}},
        "FEEDS": {{{out!r}: {{"format": "jsonlines", "encoding": "utf-8"}}}},
        "ROBOTSTXT_OBEY": False,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
    }}
    start_urls = {urls!r}

    def parse(self, response):
        yield newsmeta.parse_selector(response)

    def closed(self, reason):
        with open({stats!r}, "w", encoding="utf-8") as fh:
            json.dump({{k: v for k, v in self.crawler.stats.get_stats().items()
                       if k.startswith(("newsmeta/", "item_"))}}, fh)
"""


def test_a_real_crawl_exports_records_counts_issues_and_drops(server: str, tmp_path: Path) -> None:
    out, stats = tmp_path / "items.jsonl", tmp_path / "stats.json"
    paths = ["/utf8.html", "/cp1251-header.html", "/cp1251-meta.html", "/empty.html"]
    spider = tmp_path / "spider.py"
    spider.write_text(
        textwrap.dedent(
            SPIDER.format(out=str(out), stats=str(stats), urls=[server + p for p in paths])
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "runspider", str(spider)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    records = [Article.from_dict(i) for i in items]  # exported lines read back as records
    by_title = {r.title for r in records}
    assert len(records) == 3  # the empty page was dropped
    assert by_title == {TITLE}  # every encoding came out right
    assert all(r.published is not None or r.date is not None for r in records)
    stamps = [i["published"] for i in items if i["published"]]
    assert stamps and all(s[10] == "T" and s[-6] in "+-" for s in stamps)  # ISO, with offset
    got = json.loads(stats.read_text("utf-8"))
    assert got["newsmeta/articles"] == 4
    assert got["newsmeta/dropped"] == 1
    assert got["newsmeta/issues/missing-required"] == 1
    assert got["item_dropped_count"] == 1 and got["item_scraped_count"] == 3
