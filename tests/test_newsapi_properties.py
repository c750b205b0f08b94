"""Properties of the NewsAPI adapter.

- Generated items, written as an object, a list, a response or JSON Lines,
  come back with the values they were built from.
- Arbitrary JSON (and arbitrary values in the envelope's fields) never raises
  anything but :class:`newsmeta.NewsmetaError`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmeta
from tests.strategies import DUMP_FIELDS, Dump, dumps

# Words from a plain alphabet: no sentence glue, no stripped-letter scars.
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüéñ", min_size=2, max_size=9)
capitalised = words.map(str.capitalize)
sentence = st.lists(words, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
title = st.lists(capitalised, min_size=2, max_size=8).map(" ".join)
names = st.lists(capitalised, min_size=2, max_size=3).map(" ".join)
# Real-looking bylines (generated words can spell a role such as "Editor").
authors = st.builds(
    "{} {}".format,
    st.sampled_from(["Anna", "Kirill", "José", "Ngozi", "Wei", "Élodie", "Tomasz"]),
    st.sampled_from(["Schmidt", "Kurevlev", "Martínez", "Okafor", "Zhang", "Dubois", "Nowak"]),
)
slug = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=30)
hosts = st.sampled_from(["example.com", "news.example.org", "www.example.net"])
urls = st.builds(lambda h, s: f"https://{h}/{s}.html", hosts, slug)
image_urls = st.builds(lambda h, s: f"https://img.{h}/{s}.jpg", hosts, slug)
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)
when = st.datetimes(
    min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2035, 1, 1), timezones=offsets
).map(lambda d: d.replace(microsecond=0))


@st.composite
def items(draw: st.DrawFn) -> dict[str, Any]:
    published = draw(when)
    paragraphs = draw(st.lists(sentence, min_size=1, max_size=4))
    return {
        "source": {"id": draw(st.none() | slug), "name": draw(names)},
        "author": draw(st.none() | authors),
        "title": draw(title),
        "description": draw(sentence),
        "url": draw(urls),
        "urlToImage": draw(st.none() | image_urls),
        "publishedAt": published.isoformat(),
        "content": "\r\n".join(paragraphs),
    }


def _shape(shape: str, batch: list[dict[str, Any]]) -> str:
    if shape == "list":
        return json.dumps(batch, ensure_ascii=False)
    if shape == "response":
        return json.dumps({"status": "ok", "totalResults": len(batch), "articles": batch})
    return "\n".join(json.dumps(i, ensure_ascii=False) for i in batch)


@given(
    batch=st.lists(items(), min_size=1, max_size=4),
    shape=st.sampled_from(["list", "response", "jsonl"]),
)
def test_generated_items_round_trip(batch: list[dict[str, Any]], shape: str) -> None:
    records = newsmeta.parse_all(_shape(shape, batch), format="newsapi")
    assert len(records) == len(batch)
    for item, a in zip(batch, records, strict=True):
        assert a.url == item["url"]
        assert a.title == item["title"]
        assert a.description == item["description"]
        assert a.published == dt.datetime.fromisoformat(item["publishedAt"])
        assert a.og_image == item["urlToImage"]
        assert a.publisher is not None and a.publisher.name == item["source"]["name"]
        assert [p.name for p in a.authors] == ([item["author"]] if item["author"] else [])
        assert a.provenance["url"].location.path.endswith(".url")
        assert a.body == "\n\n".join(item["content"].split("\r\n"))
        assert a.truncation is None
        # The record itself round-trips through JSON.
        assert newsmeta.Article.from_json(a.to_json()) == a


@given(item=items(), missing=st.integers(min_value=1, max_value=10**6), cut=st.integers(1, 30))
def test_truncated_content_is_flagged(item: dict[str, Any], missing: int, cut: int) -> None:
    content = item["content"]
    item["content"] = content[: max(1, len(content) - cut)] + f"… [+{missing} chars]"
    a = newsmeta.parse(json.dumps(item), format="newsapi")
    assert a.truncation is not None and a.truncation.missing_chars == missing
    assert a.body is None or "[+" not in a.body


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
envelope_keys = st.sampled_from(
    ["source", "author", "title", "description", "url", "urlToImage", "publishedAt", "content"]
)


def _only_newsmeta_errors(text: str | bytes) -> None:
    with contextlib.suppress(newsmeta.NewsmetaError):
        newsmeta.parse(text, format="newsapi")
    for r in newsmeta.parse_many(text, format="newsapi"):
        assert (r.article is None) != (r.error is None)


@given(value=json_values)
def test_arbitrary_json_only_raises_newsmeta_errors(value: object) -> None:
    _only_newsmeta_errors(json.dumps(value))


@given(fields=st.dictionaries(envelope_keys, json_values, min_size=1))
def test_arbitrary_envelope_values_only_raise_newsmeta_errors(fields: dict[str, Any]) -> None:
    _only_newsmeta_errors(json.dumps(fields))
    _only_newsmeta_errors(json.dumps({"status": "ok", "articles": [fields, fields]}))


@given(data=st.binary(max_size=200) | st.text(max_size=200))
def test_arbitrary_bytes_only_raise_newsmeta_errors(data: str | bytes) -> None:
    _only_newsmeta_errors(data)


@given(
    content=st.text(
        alphabet=st.sampled_from(list("ab .,\r\n…[+]0123456789/:htpsw@'\"«»<>")), max_size=120
    ),
    url=st.none() | urls,
)
def test_arbitrary_content_only_raises_newsmeta_errors(content: str, url: str | None) -> None:
    _only_newsmeta_errors(json.dumps({"url": url, "content": content}))


# --------------------------------------------------------------------------- dumps in content


@settings(max_examples=min(25, settings.default.max_examples))  # two parses per example
@given(dump=dumps(reorder=False))
def test_a_dump_in_content_reads_as_the_flat_adapter_reads_it(dump: Dump) -> None:
    """An item whose content is a dump (and whose envelope says only its url)
    gets every field the flat adapter finds in that dump, and nothing else."""
    from hypothesis import assume

    from newsmeta.adapters import flat, newsapi

    url = dump.article.url
    assume(url is not None)
    # A header line makes it a dump whichever blocks the strategy kept.
    text = f" date 2022-01-07 {url}\n\n{dump.text}"
    assert newsapi.is_dump(text, url)
    item = newsmeta.parse(json.dumps({"url": url, "content": text}), format="newsapi")
    alone = flat.parse(text)
    for name in DUMP_FIELDS:
        assert getattr(item, name) == getattr(alone, name), name
    assert item.placeholders == tuple(
        attrs.evolve(p, location=attrs.evolve(p.location, path="$.content"))
        for p in alone.placeholders
    )
