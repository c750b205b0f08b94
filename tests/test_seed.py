"""Issue 2's specification of seed 001, field by field (independent of the golden file)."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

import newsmeta
from tests.conftest import FIXTURES

SEED = FIXTURES / "dumps" / "sputnik-seed-001.txt"
UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def article() -> newsmeta.Article:
    return newsmeta.parse(SEED.read_bytes())


def test_url_and_date_from_header(article: newsmeta.Article) -> None:
    assert article.url == (
        "https://sputniknews.com/20220107/kazakh-president-tokayev-orders-to-open-fire"
        "-on-terrorists-without-any-warning-1092086667.html"
    )
    assert article.date == dt.date(2022, 1, 7)
    assert article.provenance["url"].location.lines == (1,)
    assert article.provenance["date"].location.lines == (1,)


def test_title_once_with_repeat_noted(article: newsmeta.Article) -> None:
    assert article.title == (
        "Kazakh President Tokayev Orders to Open Fire on Terrorists Without Any Warning"
    )
    assert article.provenance["title"].location.lines == (3, 5)
    repeats = [i for i in article.issues if i.code == "repeated-block" and i.field == "title"]
    assert len(repeats) == 1


def test_description(article: newsmeta.Article) -> None:
    assert article.description is not None
    assert article.description.startswith("According to Kazakh authorities")


def test_dates(article: newsmeta.Article) -> None:
    assert article.published == dt.datetime(2022, 1, 7, 8, 36, tzinfo=UTC)
    assert article.created == dt.datetime(2022, 1, 7, 8, 36, tzinfo=UTC)
    assert article.modified == dt.datetime(2022, 1, 7, 9, 6, tzinfo=UTC)
    for d in (article.published, article.created, article.modified):
        assert d is not None and d.utcoffset() == dt.timedelta(0)
    assert article.provenance["modified"].raw == "2022-01-07T09:06+0000"


def test_tags_in_order_and_checked_against_keywords(article: newsmeta.Article) -> None:
    want = (
        "kazakhstan",
        "kassym-jomart tokayev",
        "collective security treaty organization (csto)",
        "almaty",
        "csto",
    )
    assert article.tags == want
    assert article.keywords == want
    assert not [i for i in article.issues if i.code == "keywords-mismatch"]


def test_keywords_mismatch_is_an_issue() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "collective security treaty organization (csto), almaty, csto",
        "almaty, csto, nato",
    )
    a = newsmeta.parse(text)
    (issue,) = [i for i in a.issues if i.code == "keywords-mismatch"]
    assert "nato" in issue.message and "collective security" in issue.message


def test_second_tag_group_kept_apart(article: newsmeta.Article) -> None:
    assert article.other_tag_groups == (("kazakhstan", "almaty"),)


def test_two_placeholders_from_one_line(article: newsmeta.Article) -> None:
    ph = article.placeholders
    assert [p.field for p in ph] == ["og:title", "og:description"]
    for p in ph:
        etree.XPath(p.xpath)  # compiles with lxml
        assert p.compiles and p.attribute == "content" and p.selector_attribute == "name"
        assert p.hint is not None and "property=" in p.hint
        assert p.suggested == p.xpath.replace("@name", "@property")
        assert p.location.lines == (25,)


def test_og_image(article: newsmeta.Article) -> None:
    assert article.og_image is not None
    assert article.og_image.endswith("_1920x0_80_0_0_03d00ce6b1127044c316f7bd47f09093.jpg")


def test_body_paragraphs_repaired_and_nothing_else_changed(article: newsmeta.Article) -> None:
    assert article.body is not None
    raw_line = SEED.read_text(encoding="utf-8").splitlines()[28]
    paragraphs = article.body.split("\n\n")
    assert "".join(paragraphs) == raw_line
    assert paragraphs[0].endswith("to open fire without warning.")
    assert paragraphs[1].startswith("According to Tokayev")
    assert len(paragraphs) == 6


def test_publisher(article: newsmeta.Article) -> None:
    org = article.publisher
    assert org is not None
    assert org.name == "Sputnik International"
    assert org.email == "feedback@sputniknews.com"
    assert org.telephone == "+74956456601"
    assert org.legal_name == "MIA „Rosiya Segodnya“"
    assert org.logo is not None and (org.logo.width, org.logo.height) == (252, 60)
    assert article.provenance["publisher"].location.lines == (35, 47, 55)


def test_copyright_section_language(article: newsmeta.Article) -> None:
    assert article.copyright_year == 2022
    assert article.section == "News"
    assert article.language == "en"
    assert article.provenance["language"].raw == "en_EN"


def test_one_author_with_avatar(article: newsmeta.Article) -> None:
    (author,) = article.authors
    assert author.name == "Evgeny Mikhaylov"
    assert author.avatar is not None
    assert author.avatar.url is not None and author.avatar.url.endswith(
        "46c187f2ab0908f86849a7d09a7def57.jpg"
    )
    assert (author.avatar.width, author.avatar.height) == (100, 100)
    assert article.provenance["authors[0]"].location.lines == (39, 41, 57)


def test_three_representative_images(article: newsmeta.Article) -> None:
    assert [(i.width, i.height, i.representative) for i in article.images] == [
        (1920, 1080, True),
        (1920, 1440, True),
        (1920, 1920, True),
    ]


def test_every_line_accounted_for(article: newsmeta.Article) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    nonblank = {n for n, line in enumerate(lines, 1) if line.strip()}
    assert nonblank <= article.accounted_lines()
    assert article.unrecognised == ()
    assert article.truncation is None
