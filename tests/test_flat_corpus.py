"""The flat adapter on the ``content`` of every real aggregator dump.

Skipped when ``../shared/corpora/newsapi/dumps.jsonl`` is absent. Expected values
are computed from the raw text with plain string operations, not the adapter.
"""

from __future__ import annotations

import json
import re

import pytest

from newsmeta.adapters import flat
from tests.conftest import SHARED

DUMPS = SHARED / "corpora" / "newsapi" / "dumps.jsonl"
pytestmark = pytest.mark.skipif(not DUMPS.exists(), reason="shared NewsAPI corpus absent")
MARKER = re.compile(r"… \[\+(\d+) chars\]\Z")
IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)


def _items() -> list[dict[str, object]]:
    return [json.loads(line) for line in DUMPS.read_text(encoding="utf-8").splitlines()]


def test_every_dump_parses_with_url_truncation_and_nothing_lost() -> None:
    wrong: list[str] = []
    for item in _items():
        content = item["content"]
        assert isinstance(content, str)
        a = flat.parse(content)
        lines = re.split(r"\r\n|\n|\r", content)
        first = lines[0].strip()
        m = MARKER.search(content)
        if m is None:
            ok_trunc = a.truncation is None
        else:
            ok_trunc = a.truncation is not None and a.truncation.missing_chars == int(m[1])
        # A first line that is a whole page URL (not an image, not cut) is the article URL.
        whole_page_url = (
            first.startswith("http")
            and " " not in first
            and len(lines) > 1
            and IMAGE.search(first) is None
        )
        ok_url = a.url == first if whole_page_url else True
        nonblank = {n for n, line in enumerate(lines, 1) if line.strip()}
        if not (ok_trunc and ok_url and nonblank <= a.accounted_lines()):
            wrong.append(str(item["url"]))
    assert wrong == []


def test_cut_values_are_never_reported_as_good_values() -> None:
    cut = 0
    for item in _items():
        a = flat.parse(str(item["content"]))
        if a.truncation is None or not a.truncation.partial:
            continue
        cut += 1
        (line,) = a.truncation.location.lines
        for path, prov in a.provenance.items():
            assert line not in prov.location.lines, (item["url"], path)
        assert any(i.code == "truncated-value" for i in a.issues)
    assert cut > 500


def test_ria_logo_is_the_publisher_logo_not_an_article_image() -> None:
    for item in _items():
        if item["_dump_kind"] != "url_list_dump":
            continue
        a = flat.parse(str(item["content"]))
        logos = {i.url for i in a.images} | {a.og_image}
        assert not any(u and "/logo" in u for u in logos), item["url"]
