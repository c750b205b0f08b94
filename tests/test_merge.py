"""newsmeta.merge: one record from several sources of one article."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmeta
from newsmeta import Article, Image, InputError, Location, Person, Provenance
from newsmeta.cli import main
from tests.conftest import FIXTURES

TEXT = FIXTURES / "text" / "sputnik-seed-000.txt"
DUMP = FIXTURES / "dumps" / "sputnik-seed-001.txt"
NEWSAPI = FIXTURES / "newsapi" / "rs-url-first-line.json"


@pytest.fixture(scope="module")
def seeds() -> tuple[Article, Article]:
    text = newsmeta.parse(TEXT.read_bytes(), input_name="000.txt")
    dump = newsmeta.parse(DUMP.read_bytes(), input_name="001.txt")
    return text, dump


def test_seeds_merge_fields_and_provenance(seeds: tuple[Article, Article]) -> None:
    text, dump = seeds
    m = newsmeta.merge(text, dump)
    assert m.source == "merge"
    # Metadata from the dump, the body from the later, fuller plain text.
    assert m.title == dump.title and m.url == dump.url and m.published == dump.published
    assert m.body == text.body
    assert m.provenance["title"].adapter == "flat"
    assert m.provenance["title"].location.input == "001.txt"
    assert m.provenance["body"].adapter == "text"
    assert m.provenance["body"].location.input == "000.txt"
    # The caption and credit join the dump's images.
    assert any(i.credit == "REUTERS / PAVEL MIKHEYEV" for i in m.images)
    assert len(m.images) == len(dump.images) + 1
    # Every field's provenance names its source.
    assert all(p.location.input in ("000.txt", "001.txt") for p in m.provenance.values())


def test_seed_bodies_differ_and_the_issue_names_paragraphs(
    seeds: tuple[Article, Article],
) -> None:
    m = newsmeta.merge(*seeds)
    (issue,) = [i for i in m.issues if i.code == "body-differs"]
    assert issue.severity == newsmeta.Severity.WARNING
    assert "kept text (000.txt) with 10 paragraphs, flat (001.txt) has 6; 3 are the same" in (
        issue.message
    )
    # ¶2 (the quote), ¶4 (napping) and ¶5 (foreign actors) are new in the later edit;
    # ¶7 "Additionally, he stressed" was ¶4 "He also stressed" of the dump.
    assert "only in the kept body: ¶2, ¶4, ¶5" in issue.message
    assert "¶7~¶4" in issue.message and "¶10~¶6" in issue.message
    assert issue.location.input == "001.txt"
    assert not [i for i in m.issues if i.code == "conflicting-values" and i.field == "body"]


def test_precedence_can_be_overridden(seeds: tuple[Article, Article]) -> None:
    text, dump = seeds
    m = newsmeta.merge(text, dump, precedence={"body": ["flat", "text"]})
    assert m.body == dump.body
    assert newsmeta.merge(dump, text, precedence="order").body == dump.body
    assert newsmeta.merge(text, dump, precedence="order").body == text.body


def test_bad_precedence_is_a_config_error(seeds: tuple[Article, Article]) -> None:
    with pytest.raises(newsmeta.ConfigError, match="not a record field"):
        newsmeta.merge(*seeds, precedence={"headline": ["flat"]})
    with pytest.raises(newsmeta.ConfigError):
        newsmeta.merge(*seeds, precedence="flat")  # type: ignore[arg-type]


def test_merge_needs_records() -> None:
    with pytest.raises(newsmeta.InputError):
        newsmeta.merge()
    with pytest.raises(newsmeta.InputError, match="argument 2"):
        newsmeta.merge(Article(), "x")  # type: ignore[arg-type]


def test_envelope_beats_dump_and_dump_beats_text() -> None:
    item = newsmeta.parse(NEWSAPI.read_bytes(), input_name="item.json")
    text = newsmeta.parse(
        "Scientists Confirm a Black Hole\n\nThe black hole sits in a dust cloud.\n",
        input_name="t.txt",
    )
    m = newsmeta.merge(text, item)
    assert m.title == item.title and m.provenance["title"].location.input == "item.json"
    assert m.body == text.body  # the item has no body of its own
    assert any(i.code == "conflicting-values" and i.field == "title" for i in m.issues)


def test_disagreeing_dates_are_an_issue() -> None:
    a = Article(published=dt.datetime(2022, 1, 7, tzinfo=dt.timezone.utc), source="flat")
    b = Article(published=dt.datetime(2022, 3, 1, tzinfo=dt.timezone.utc), source="html")
    m = newsmeta.merge(a, b)
    assert m.published == b.published  # html ranks first
    assert any(i.code == "conflicting-values" and i.field == "published" for i in m.issues)


def test_cli_merge(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["parse", "--merge", str(TEXT), str(DUMP)], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    record = json.loads(out.getvalue())
    assert record["source"] == "merge"
    assert any(i["code"] == "body-differs" for i in record["issues"])


# --------------------------------------------------------------------------- properties

adapters = st.sampled_from(["flat", "html", "newsapi", "text"])
small = st.text(alphabet="abc XY.", min_size=1, max_size=12)


@st.composite
def records(draw: st.DrawFn) -> Article:
    adapter = draw(adapters)
    name = draw(st.sampled_from(["a.txt", "b.json", "c.html", None]))
    values: dict[str, object] = {}
    provenance: dict[str, Provenance] = {}

    def prov(path: str, raw: str) -> None:
        provenance[path] = Provenance(
            adapter=draw(st.sampled_from([adapter, "flat"])),
            raw=raw,
            location=Location(lines=(draw(st.integers(1, 40)),), input=name),
        )

    for field_name in ("title", "url", "description", "body"):
        if draw(st.booleans()):
            value = draw(small)
            values[field_name] = value
            prov(field_name, value)
    if draw(st.booleans()):
        when = dt.datetime(2022, 1, draw(st.integers(1, 28)), tzinfo=dt.timezone.utc)
        values["published"] = when
        prov("published", when.isoformat())
    images = draw(
        st.lists(st.builds(Image, url=st.none() | small, caption=st.none() | small), max_size=2)
    )
    for j, image in enumerate(images):
        prov(f"images[{j}]", str(image.url))
    authors = draw(
        st.lists(st.builds(Person, name=small), max_size=2, unique_by=lambda p: p.name.casefold())
    )
    for j, person in enumerate(authors):
        prov(f"authors[{j}]", person.name)
    tags = tuple(draw(st.lists(small, max_size=3, unique_by=str.casefold)))
    if tags:
        prov("tags", ",".join(tags))
    return Article(
        **values,  # type: ignore[arg-type]
        images=images,
        authors=authors,
        tags=tags,
        provenance=provenance,
        source=adapter,
    )


@given(a=records(), b=records(), c=records())
def test_merge_is_commutative_without_precedence(a: Article, b: Article, c: Article) -> None:
    m = newsmeta.merge(a, b, c, force=True)
    assert newsmeta.merge(c, a, b, force=True) == m
    assert newsmeta.merge(b, c, a, force=True) == m


@given(a=records(), b=records())
def test_merge_is_idempotent(a: Article, b: Article) -> None:
    m = newsmeta.merge(a, b, force=True)
    assert newsmeta.merge(m) == m
    assert newsmeta.merge(m, m) == m
    assert newsmeta.merge(a, b, a, b, force=True) == m


@given(a=records())
def test_merge_of_one_record_keeps_its_values(a: Article) -> None:
    m = newsmeta.merge(a)
    for name in ("title", "url", "description", "body", "published", "tags"):
        assert getattr(m, name) == getattr(a, name)
    assert Article.from_json(m.to_json()) == m


def test_a_truncated_body_yields_to_a_whole_one() -> None:
    cut = newsmeta.parse("One paragraph.\nAnother that is cu… [+99 chars]", input_name="t.txt")
    whole = Article(body="One paragraph.\n\nAnother that is whole.", source="newsapi")
    m = newsmeta.merge(cut, whole)
    assert m.body == whole.body and m.truncation is None
    assert any(i.code == "body-differs" for i in m.issues)


# --------------------------------------------------------------------------- different articles

SAME_ARTICLE = [  # URLs that name one page, as crawlers and aggregators write them
    ("https://sputniknews.com/20220107/x.html", "http://www.sputniknews.com/20220107/x.html"),
    ("https://example.com/news/a/", "https://example.com/news/a?utm_source=rss&utm_medium=feed"),
    ("https://example.com/news/a", "https://m.example.com/news/a/amp/#comments"),
]
DIFFERENT_ARTICLES = [
    ("https://sputniknews.com/20220107/x.html", "https://sputniknews.com/20220108/y.html"),
    ("https://example.com/news?id=1", "https://example.com/news?id=2"),
    ("https://a.example/news/1", "https://b.example/news/1"),
]


@pytest.mark.parametrize(("u1", "u2"), SAME_ARTICLE)
def test_records_of_one_page_merge(u1: str, u2: str) -> None:
    m = newsmeta.merge(Article(url=u1, source="flat"), Article(url=u2, source="html"))
    assert m.url == u2  # html ranks first


@pytest.mark.parametrize(("u1", "u2"), DIFFERENT_ARTICLES)
def test_records_of_different_pages_are_refused_unless_forced(u1: str, u2: str) -> None:
    a, b = Article(url=u1, source="flat"), Article(url=u2, source="html")
    with pytest.raises(InputError, match=r"different articles.*force=True"):
        newsmeta.merge(a, b)
    m = newsmeta.merge(a, b, force=True)
    assert any(i.code == "conflicting-values" and i.field == "url" for i in m.issues)


def test_cli_merge_of_different_articles_fails_unless_forced(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    two = tmp_path / "two.json"
    one.write_text(Article(url="https://a.example/1", title="One").to_json(), "utf-8")
    two.write_text(Article(url="https://a.example/2", title="Two").to_json(), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["parse", "--merge", str(one), str(two)], stdout=out, stderr=err) == 1
    assert "different articles" in err.getvalue() and "--force" in err.getvalue()
    assert out.getvalue() == ""
    out, err = io.StringIO(), io.StringIO()
    assert main(["parse", "--merge", "--force", str(one), str(two)], stdout=out, stderr=err) == 0
    assert json.loads(out.getvalue())["source"] == "merge"
