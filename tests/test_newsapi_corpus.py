"""Every real NewsAPI item parses; xpath_placeholder items are read exactly.

Uses ``../shared/corpora/newsapi/{dumps,ordinary}.jsonl`` and is skipped when the
shared corpus is absent. The expected values are computed here from the raw
``content`` with plain string tests, independently of the adapter.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import newsmeta
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "newsapi"
DUMPS = CORPUS / "dumps.jsonl"
ORDINARY = CORPUS / "ordinary.jsonl"

pytestmark = pytest.mark.skipif(not DUMPS.exists(), reason="shared NewsAPI corpus absent")

_COMPLETE = re.compile(r"/html/head/meta\[@name='(og:[a-z]+)'\]/@content")
_CUT = re.compile(r"/html/head/meta\[@name='(og:[a-z]+)'\]")
_MARKER = re.compile(r"… \[\+(\d+) chars\]\Z")


def _items(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("path", [DUMPS, ORDINARY], ids=lambda p: p.name)
def test_every_item_parses(path: Path) -> None:
    results = list(newsmeta.parse_many(path.read_bytes(), input_name=path.name))
    assert len(results) == len(_items(path))
    errors = [str(r.error) for r in results if r.error is not None]
    assert errors == []


def _expected_placeholders(content: str) -> tuple[set[tuple[str, bool]], int]:
    m = _MARKER.search(content)
    assert m is not None
    found: set[tuple[str, bool]] = set()
    lines = re.split(r"\r\n|\r|\n", content[: m.start()])
    for i, line in enumerate(lines):
        if (full := _COMPLETE.fullmatch(line)) is not None:
            found.add((full[1], False))
        elif i == len(lines) - 1 and (cut := _CUT.match(line)) is not None:
            found.add((cut[1], True))
    return found, int(m[1])


def test_xpath_placeholder_items_exactly() -> None:
    items = [i for i in _items(DUMPS) if i["_dump_kind"] == "xpath_placeholder"]
    assert len(items) > 400
    wrong = []
    for item in items:
        a = newsmeta.parse(json.dumps(item))
        placeholders, missing = _expected_placeholders(item["content"])
        got = {(p.field, p.truncated) for p in a.placeholders}
        if (
            a.url != item["url"]
            or got != placeholders
            or a.truncation is None
            or a.truncation.missing_chars != missing
        ):
            wrong.append(item["url"])
    assert wrong == []


def test_borderline_items_are_not_claimed_as_dumps() -> None:
    items = [i for i in _items(DUMPS) if i["_dump_kind"] == "borderline_other_url_first_line"]
    assert items
    for item in items:
        a = newsmeta.parse(json.dumps(item))
        assert {p.adapter for p in a.provenance.values()} <= {"newsapi"}, item["url"]


def test_url_list_logo_is_the_publisher_logo() -> None:
    items = [i for i in _items(DUMPS) if i["_dump_kind"] == "url_list_dump"]
    for item in items:
        a = newsmeta.parse(json.dumps(item))
        logos = {u for u in re.split(r"\r\n|\r|\n", item["content"]) if u.endswith("/logo.png")}
        assert not {img.url for img in a.images} & logos, item["url"]
        if logos:
            assert a.publisher is not None and a.publisher.logo is not None
            assert a.publisher.logo.url in logos
