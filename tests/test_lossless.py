"""Lossless and idempotent, as properties over hostile inputs (issue 6).

* Every non-blank line of a line-based input (dumps, text) is accounted for by
  its record: a field's provenance, a placeholder, the truncation, an issue or
  an unrecognised entry names its line number. ``tests/test_flat_properties.py``
  checks this on rendered records; here the inputs are the hostile ones.
* (A record rendered as a dump parses back to itself: the lead's
  ``tests/test_flat_properties.py::test_full_rendering_round_trips``.)
* The JSON of every record reads back to the same record.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmeta
from newsmeta._decode import as_text, split_lines
from newsmeta.adapters import ADAPTERS
from newsmeta.errors import NewsmetaError
from newsmeta.records import Article
from tests import strategies as S

#: Adapters whose input is lines, so ``Article.accounted_lines`` applies.
LINE_FORMATS = [name for name in ("flat", "text") if name in ADAPTERS]

budget = settings(max_examples=max(10, settings.default.max_examples // 4))


def nonblank_lines(data: str | bytes) -> set[int]:
    text, _ = as_text(data)
    return {n for n, line in split_lines(text.removeprefix("\ufeff")) if line.strip()}


@pytest.mark.parametrize("name", LINE_FORMATS)
@budget
@given(data=st.data())
def test_every_nonblank_line_is_accounted_for(name: str, data: st.DataObject) -> None:
    own = S.BY_FORMAT[name]()
    value = data.draw(st.one_of(own, S.tricky_text, S.encoded(own)))
    try:
        article = ADAPTERS[name].parse(value)
    except NewsmetaError:
        return
    missing = nonblank_lines(value) - article.accounted_lines()
    assert not missing, f"lines {sorted(missing)} are in no field, issue or unrecognised entry"


@budget
@given(S.hostile_inputs())
def test_record_json_round_trip(value: str | bytes) -> None:
    try:
        article = newsmeta.parse(value)
    except NewsmetaError:
        return
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(article.to_dict()) == article


def _has_value(value: object) -> bool:
    if isinstance(value, dict):
        return any(_has_value(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_value(v) for v in value)
    return value is not None and not (isinstance(value, str) and not value.strip())


def _paths(article: Article) -> set[str]:
    locs = [p.location for p in article.provenance.values()]
    locs += [i.location for i in article.issues] + [u.location for u in article.unrecognised]
    locs += [p.location for p in article.placeholders]
    if article.truncation is not None:
        locs.append(article.truncation.location)
    return {loc.path for loc in locs if loc.path}


@pytest.mark.skipif("newsapi" not in ADAPTERS, reason="the newsapi adapter is not registered")
@budget
@given(S.newsapi_items())
def test_every_consumed_json_value_is_accounted_for(item: dict[str, object]) -> None:
    """Each top-level key of a NewsAPI item with a value is named by a JSON path
    (``$.key``) in a provenance, an issue, an unrecognised entry or the truncation."""
    import json

    try:
        article = ADAPTERS["newsapi"].parse(json.dumps(item))
    except NewsmetaError:
        return
    paths = _paths(article)
    missing = [
        key
        for key, value in item.items()
        if _has_value(value)
        and not any(p == f"$.{key}" or p.startswith((f"$.{key}.", f"$.{key}[")) for p in paths)
        and not any(p.startswith(f"$[{json.dumps(key)}]") for p in paths)
    ]
    assert not missing, f"keys {missing} are in no field, issue or unrecognised entry: {paths}"


def test_a_merged_publisher_keeps_the_envelope_path() -> None:
    import json

    item = {
        "source": {"id": None, "name": "Sputnik International"},
        "title": "A Title Of Some Length",
        "url": "https://sputniknews.com/20220107/a-1.html",
        "content": "https://sputniknews.com/20220107/a-1.html\r\nA Title Of Some Length\r\n"
        "Sputnik International feedback@sputniknews.com +74956456601 MIA 252 60",
    }
    article = newsmeta.parse(json.dumps(item), format="newsapi")
    assert article.publisher is not None and article.publisher.name == "Sputnik International"
    assert "$.source" in _paths(article)


def test_a_content_line_repeating_the_envelope_is_accounted_for() -> None:
    import json

    url = "https://sputniknews.com/20000101/a-1.html"
    item = {"url": url, "publishedAt": "2000-01-01T00:00:00+00:00", "content": url}
    article = newsmeta.parse(json.dumps(item), format="newsapi")
    assert "$.content" in _paths(article) or article.accounted_lines() >= {1}


@pytest.mark.skipif("html" not in ADAPTERS, reason="the html adapter is not registered")
@budget
@given(S.BY_FORMAT["html"]() if "html" in S.BY_FORMAT else st.nothing())
def test_every_consumed_html_value_is_accounted_for(page: str) -> None:
    """Every value the HTML adapter read from the page (each candidate, named by its
    selector or JSON-LD path) is in the record: a field's provenance, an issue
    (a repeat, a conflict) or an unrecognised entry names its path."""
    from newsmeta.resolve import resolve

    adapter = ADAPTERS["html"]
    try:
        ex = adapter.extract(page, url="https://example.com/a/")
    except NewsmetaError:
        return
    consumed = {c.provenance.location.path for c in ex.candidates if c.provenance.location.path}
    article = resolve(ex, source="html")
    missing = consumed - _paths(article)
    assert not missing, (
        f"read from the page but in no field, issue or unrecognised entry: {missing}"
    )


@pytest.mark.skipif("html" not in ADAPTERS, reason="the html adapter is not registered")
@budget
@given(S.BY_FORMAT["html"]() if "html" in S.BY_FORMAT else st.nothing())
def test_every_html_value_ever_read_is_accounted_for(page: str) -> None:
    """Lossless before resolution, not only after it: every candidate the HTML
    adapter *added* (including those its own passes later set aside as weaker
    fallbacks) is named by the record's provenance, an issue or an unrecognised
    entry. The previous test sees only what survived to ``resolve``."""
    from newsmeta._kit import Extraction
    from newsmeta.resolve import resolve

    added: set[str] = set()
    original = Extraction.add

    def spy(self: Extraction, *args: object, **kwargs: object) -> None:
        path = kwargs.get("path")
        if isinstance(path, str):
            added.add(path)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Extraction, "add", spy)
        try:
            ex = ADAPTERS["html"].extract(page, url="https://example.com/a/")
        except NewsmetaError:
            return
    article = resolve(ex, source="html")
    missing = added - _paths(article)
    assert not missing, f"read from the page, then lost: {missing}"
