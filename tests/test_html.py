"""The HTML adapter: sources, precedence, field quality, encodings, entry points.

Cases are small pages written to show one behaviour each; the real pages are
the golden pairs under ``fixtures/html``.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import parsel
import pytest

import newsmeta
from newsmeta.adapters import html as html_adapter
from newsmeta.cli import main


def page(head: str = "", body: str = "", *, lang: str = "") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<!doctype html><html{attr}><head>{head}</head><body>{body}</body></html>"


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def codes(a: newsmeta.Article) -> list[str]:
    return [i.code for i in a.issues]


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (page("<title>x</title>"), "html"),
        ("  \n<html><body><p>hi</p></body></html>", "html"),
        ("<div class=a>fragment</div>", "html"),
        ("\ufeff<!DOCTYPE HTML PUBLIC>\n<HTML><HEAD>", "html"),
        (" date 2022-01-07 https://example.com/a.html\n\nTitle", "flat"),
        ("https://example.com/a.html\n/html/head/meta[@name='og:title']/@content", "flat"),
    ],
    ids=["doctype", "leading-space", "fragment", "bom-upper", "dump-header", "dump-url"],
)
def test_detect(text: str, expected: str) -> None:
    assert newsmeta.detect(text) == expected


def test_html_is_not_claimed_for_json_or_prose() -> None:
    assert not html_adapter.looks_like('{"title": "<b>x</b>"}')
    assert not html_adapter.looks_like("Plain prose that mentions <html> later.")
    assert html_adapter.looks_like_bytes("<html><p>x".encode("utf-16"))


# --------------------------------------------------------------------------- JSON-LD


def test_jsonld_graph_with_references() -> None:
    a = newsmeta.parse(
        page(
            ld(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "WebSite", "@id": "#site", "name": "Example"},
                        {
                            "@type": "Organization",
                            "@id": "#org",
                            "name": "Example News",
                            "legalName": "Example News Ltd",
                            "email": "desk@example.com",
                            "telephone": "+44 20 7946 0958",
                            "logo": {
                                "@type": "ImageObject",
                                "url": "/logo.png",
                                "width": 600,
                                "height": 60,
                            },
                        },
                        {
                            "@type": "NewsArticle",
                            "headline": "The headline",
                            "datePublished": "2020-04-17T12:44:39+02:00",
                            "dateModified": "2020-04-18T09:00:00+02:00",
                            "author": [{"@id": "#p1"}, {"@type": "Person", "name": "Ann Lee"}],
                            "publisher": {"@id": "#org"},
                            "image": {
                                "@type": "ImageObject",
                                "url": "/a.jpg",
                                "width": "1200",
                                "height": "675px",
                            },
                        },
                        {"@type": "Person", "@id": "#p1", "name": "By John Smith"},
                    ],
                }
            )
        ),
        url="https://example.com/news/a.html",
    )
    assert a.title == "The headline"
    assert a.published == dt.datetime(
        2020, 4, 17, 12, 44, 39, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert a.modified is not None and a.modified.day == 18
    assert a.created is None
    assert [p.name for p in a.authors] == ["John Smith", "Ann Lee"]
    assert a.publisher is not None
    assert (a.publisher.name, a.publisher.legal_name, a.publisher.email, a.publisher.telephone) == (
        "Example News",
        "Example News Ltd",
        "desk@example.com",
        "+442079460958",
    )
    assert a.publisher.logo == newsmeta.Image(
        url="https://example.com/logo.png", width=600, height=60
    )
    assert a.images[0] == newsmeta.Image(url="https://example.com/a.jpg", width=1200, height=675)
    assert a.provenance["title"].location.path == "jsonld[0].@graph[2].headline"


def test_a_broken_script_costs_only_itself() -> None:
    a = newsmeta.parse(
        page(
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
            '<script type="application/ld+json"><!-- {"@type": "NewsArticle", "headline": "Second",} --></script>'
        )
    )
    assert a.title == "Second"
    # The first script is salvaged (its @type read, its headline lost); a whole
    # script's object is the stronger witness.
    assert "embedded-json-salvaged" in codes(a) and "embedded-json-repaired" in codes(a)
    assert a.provenance["title"].location.path == "jsonld[1].headline"
    b = newsmeta.parse(page('<script type="application/ld+json">{{ article | json }}</script>'))
    assert "bad-embedded-json" in codes(b)


def test_jsonld_arrays_and_nesting() -> None:
    a = newsmeta.parse(
        page(
            ld(
                [
                    {"@type": "BreadcrumbList"},
                    {
                        "@type": ["BlogPosting"],
                        "name": "Named",
                        "keywords": ["a, b", "B", "c"],
                        "inLanguage": "pt_BR",
                        "mainEntityOfPage": {"@id": "https://example.com/p"},
                    },
                ]
            )
        )
    )
    assert (a.title, a.tags, a.language, a.url) == (
        "Named",
        ("a", "b", "c"),
        "pt-BR",
        "https://example.com/p",
    )


def test_control_characters_inside_strings_are_tolerated() -> None:
    raw = '<script type="application/ld+json">{"@type":"Article","headline":"Two\nlines"}</script>'
    assert newsmeta.parse(page(raw)).title == "Two lines"


# --------------------------------------------------------------------------- microdata


def test_microdata_nested_items() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Micro headline</h1>'
        '<time itemprop="datePublished" datetime="2021-03-04T10:00:00+03:00">4 March</time>'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Jane Roe</span></span>'
        '<meta itemprop="dateModified" content="2021-03-05T10:00:00+03:00">'
        '<img itemprop="image" src="/m.jpg">'
        '<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
        '<meta itemprop="name" content="Micro Times"></div>'
        "</article>"
    )
    a = newsmeta.parse(page(body=body), url="https://example.org/x/")
    assert a.title == "Micro headline"
    assert a.published is not None and a.published.utcoffset() == dt.timedelta(hours=3)
    assert a.modified is not None and a.modified.day == 5
    assert [p.name for p in a.authors] == ["Jane Roe"]
    assert a.og_image == "https://example.org/m.jpg"
    assert a.publisher is not None and a.publisher.name == "Micro Times"
    assert a.provenance["title"].location.path == "microdata[0].headline"


@pytest.mark.parametrize("as_bytes", [False, True])
def test_microdata_attribute_names_in_any_case(as_bytes: bool) -> None:
    """``itemScope``/``itemProp`` (React's spelling) is microdata too: HTML attribute
    names are case-insensitive. The cheap probe that skips the walk must agree."""
    body = (
        '<article itemScope itemType="https://schema.org/NewsArticle">'
        '<h1 itemProp="headline">Camel headline</h1></article>'
    )
    text = page(body=body)
    a = newsmeta.parse(text.encode() if as_bytes else text)
    assert a.title == "Camel headline"
    assert a.provenance["title"].location.path == "microdata[0].headline"


def test_orphan_itemprop_name_is_a_title_fallback_only() -> None:
    """A ``name`` outside any item names anything (an author card, a site): the
    meta tags' title wins; with nothing else, it is still the title."""
    card = '<span itemprop="name">Vadim Smyslov</span>'
    a = newsmeta.parse(page('<meta property="og:title" content="The real headline">', card))
    assert a.title == "The real headline"
    b = newsmeta.parse(page(body=card))
    assert b.title == "Vadim Smyslov"
    assert b.provenance["title"].location.path == "microdata[itemprop].name"


def test_orphan_itemprops_count_as_page_values() -> None:
    a = newsmeta.parse(page('<meta itemprop="datePublished" content="2019-08-02T10:00:00Z">'))
    assert a.published == dt.datetime(2019, 8, 2, 10, tzinfo=dt.timezone.utc)


# --------------------------------------------------------------------------- meta tags


def test_opengraph_by_name_or_property_and_image_sizes() -> None:
    head = (
        '<meta name="og:title" content="OG title">'
        '<meta property="og:image" content="/one.jpg">'
        '<meta property="og:image:width" content="800"><meta property="og:image:height" content="600">'
        '<meta property="og:image" content="https://cdn.example.com/two.jpg">'
        '<meta property="article:tag" content="Politics"><meta property="article:tag" content="politics, Economy">'
        '<meta property="og:locale" content="en_GB">'
    )
    a = newsmeta.parse(page(head), url="https://example.com/a/b.html")
    assert a.title == "OG title"
    assert a.og_image == "https://example.com/one.jpg"
    assert a.images == (
        newsmeta.Image(url="https://example.com/one.jpg", width=800, height=600),
        newsmeta.Image(url="https://cdn.example.com/two.jpg"),
    )
    assert a.tags == ("Politics", "Economy")
    assert a.language == "en-GB"
    assert a.provenance["title"].location.path == "meta[name=og:title]"


@pytest.mark.parametrize(
    ("meta", "field", "expected"),
    [
        ('<meta name="twitter:title" content="Tw">', "title", "Tw"),
        (
            '<meta name="description" content="Plain &amp;amp; simple">',
            "description",
            "Plain & simple",
        ),
        ('<meta name="DC.title" content="Dublin">', "title", "Dublin"),
        ('<meta name="citation_title" content="Cited">', "title", "Cited"),
        ('<meta name="parsely-title" content="Parsed">', "title", "Parsed"),
        ('<meta name="sailthru.title" content="Sailed">', "title", "Sailed"),
        ('<meta name="parsely-section" content="World">', "section", "World"),
        ('<meta name="news_keywords" content="a; b ,c">', "keywords", ("a", "b", "c")),
        ('<meta name="keywords" content="x, y, x">', "keywords", ("x", "y")),
        ('<meta http-equiv="content-language" content="de-AT">', "language", "de-AT"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None,
)
def test_meta_families(meta: str, field: str, expected: object) -> None:
    assert getattr(newsmeta.parse(page(meta)), field) == expected


@pytest.mark.parametrize(
    ("meta", "field"),
    [
        (
            '<meta property="article:published_time" content="2022-01-07T08:36:00+01:00">',
            "published",
        ),
        ('<meta name="pubdate" content="2022-01-07T08:36:00+01:00">', "published"),
        ('<meta name="parsely-pub-date" content="2022-01-07T08:36:00+01:00">', "published"),
        ('<meta name="sailthru.date" content="2022-01-07T08:36:00+01:00">', "published"),
        ('<meta name="dc.date.issued" content="2022-01-07T08:36:00+01:00">', "published"),
        (
            '<meta name="citation_publication_date" content="2022-01-07T08:36:00+01:00">',
            "published",
        ),
        ('<meta property="article:modified_time" content="2022-01-07T08:36:00+01:00">', "modified"),
        ('<meta property="og:updated_time" content="2022-01-07T08:36:00+01:00">', "modified"),
        ('<meta name="dcterms.created" content="2022-01-07T08:36:00+01:00">', "created"),
    ],
)
def test_date_variants_keep_their_meaning_and_offset(meta: str, field: str) -> None:
    a = newsmeta.parse(page(meta))
    want = dt.datetime(2022, 1, 7, 8, 36, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    got = {f: getattr(a, f) for f in ("published", "modified", "created")}
    assert got == {f: (want if f == field else None) for f in got}
    assert got[field].utcoffset() == dt.timedelta(hours=1)


def test_a_day_without_time_is_not_given_a_time() -> None:
    a = newsmeta.parse(page('<meta property="article:published_time" content="2022-01-07">'))
    assert (a.published, a.date) == (None, dt.date(2022, 1, 7))


def test_a_missing_offset_is_reported() -> None:
    a = newsmeta.parse(page('<meta property="article:published_time" content="2022-01-07T08:36">'))
    assert a.published == dt.datetime(2022, 1, 7, 8, 36, tzinfo=dt.timezone.utc)
    assert "timezone-assumed" in codes(a)


# --------------------------------------------------------------------------- precedence and conflicts


def test_jsonld_beats_opengraph_and_a_far_date_is_a_conflict() -> None:
    head = (
        ld({"@type": "NewsArticle", "headline": "LD", "datePublished": "2020-01-01T00:00:00Z"})
        + '<meta property="og:title" content="OG">'
        + '<meta property="article:published_time" content="2020-01-05T00:00:00Z">'
    )
    a = newsmeta.parse(page(head))
    assert a.title == "LD"
    assert a.published == dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    conflicts = [i for i in a.issues if i.code == "conflicting-values" and i.field == "published"]
    assert len(conflicts) == 1
    assert conflicts[0].location.path == "meta[property=article:published_time]"


def test_dates_within_a_day_are_a_minor_disagreement() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2020-01-01T00:00:00Z"}) + (
        '<meta property="article:published_time" content="2020-01-01T02:00:00+01:00">'
    )
    a = newsmeta.parse(page(head))
    assert [i.code for i in a.issues if i.field == "published"] == ["minor-disagreement"]


def test_fallbacks_are_set_aside_not_dropped_when_markup_speaks() -> None:
    head = '<title>Headline | Example</title><meta property="og:title" content="Headline">'
    a = newsmeta.parse(page(head, "<h1>Other</h1><time datetime='2001-01-01'>x</time>"))
    assert a.title == "Headline"
    # No conflict for a fallback, but the <h1> is kept where a user finds it.
    assert [i.code for i in a.issues if i.field == "title"] == ["set-aside"]
    assert [(u.text, u.location.path) for u in a.unrecognised if u.text == "Other"] == [
        ("Other", "h1")
    ]


def test_title_tag_without_site_name() -> None:
    head = '<title>Big news – Example Daily</title><meta property="og:site_name" content="Example Daily">'
    assert newsmeta.parse(page(head)).title == "Big news"


def test_title_segment_that_is_the_heading() -> None:
    a = newsmeta.parse(
        page("<title>Blog Archiv » Podcasts in Plex</title>", "<h1>Podcasts in Plex</h1>")
    )
    assert a.title == "Podcasts in Plex"


# --------------------------------------------------------------------------- field quality


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("jane@example.com", []),
        ("2022-01-07", []),
        # The site as the author, no person named: the organisation is the author.
        ("Example News", ["Example News"]),
        ("Jane Doe | Example News", ["Jane Doe"]),
        ("Von Anna Schmidt und Karl Meier", ["Anna Schmidt", "Karl Meier"]),
    ],
)
def test_authors_are_cleaned(author: str, names: list[str]) -> None:
    head = f'<meta name="author" content="{author}"><meta property="og:site_name" content="Example News">'
    assert [p.name for p in newsmeta.parse(page(head)).authors] == names


def test_relative_urls_resolve_against_base_href() -> None:
    head = (
        '<base href="https://static.example.net/root/">'
        '<link rel="canonical" href="/canon"><meta property="og:image" content="img/a.png">'
    )
    a = newsmeta.parse(page(head), url="https://example.com/page")
    assert a.url == "https://static.example.net/canon"
    assert a.og_image == "https://static.example.net/root/img/a.png"


def test_language_from_html_lang_keeps_the_raw_value() -> None:
    a = newsmeta.parse(page(lang="en_US"))
    assert a.language == "en-US"
    assert a.provenance["language"].raw == "en_US"


def test_time_element_and_url_date_fallbacks() -> None:
    a = newsmeta.parse(
        page(
            body='<span class="posted-on"><time datetime="2019-08-02T10:00:00+02:00">2 Aug</time></span>'
        ),
        url="https://example.com/2019/08/01/post/",
    )
    assert a.published is not None and a.published.isoformat() == "2019-08-02T10:00:00+02:00"
    assert a.date == dt.date(2019, 8, 1)


def test_visible_byline_and_dateline_fallbacks() -> None:
    body = (
        '<div class="entry-meta"><span class="date">Veröffentlicht am 5. Februar 2020</span>'
        '<span class="author vcard">von Anna Schmidt</span></div>'
    )
    a = newsmeta.parse(page(body=body))
    assert a.date == dt.date(2020, 2, 5)
    assert [p.name for p in a.authors] == ["Anna Schmidt"]


def test_rel_tag_links_are_tags_and_categories_are_not() -> None:
    body = '<a rel="tag" href="/t/a">Alpha</a><a rel="category tag" href="/c">News</a><a rel="tag">Beta</a>'
    assert newsmeta.parse(page(body=body)).tags == ("Alpha", "Beta")


# --------------------------------------------------------------------------- encodings


def test_windows_1251_declared_in_meta() -> None:
    data = page('<meta charset="windows-1251"><title>Привет, мир</title>').encode("cp1251")
    a = newsmeta.parse(data)
    assert a.title == "Привет, мир"
    assert "lossy-decoding" not in codes(a)


def test_windows_1251_from_content_type_argument() -> None:
    data = page("<title>Новости дня</title>").encode("cp1251")
    a = newsmeta.parse(data, content_type="text/html; charset=windows-1251")
    assert a.title == "Новости дня"


def test_windows_1251_undeclared_is_detected() -> None:
    text = "Министерство иностранных дел сообщило сегодня о переговорах в Москве"
    data = page(f"<title>{text}</title>", f"<p>{text}. {text}.</p>").encode("cp1251")
    a = newsmeta.parse(data)
    assert a.title == text
    assert "encoding-mismatch" in codes(a)


def test_meta_wins_over_content_type_and_bom_over_both() -> None:
    data = page('<meta charset="koi8-r"><title>Тест</title>').encode("koi8-r")
    assert newsmeta.parse(data, content_type="text/html; charset=utf-8").title == "Тест"
    bom = b"\xef\xbb\xbf" + page('<meta charset="koi8-r"><title>Тест</title>').encode("utf-8")
    assert newsmeta.parse(bom).title == "Тест"


def test_lossy_decoding_is_an_issue() -> None:
    data = b"\xef\xbb\xbf<html><title>ok \xff\xfe bad</title></html>"
    a = newsmeta.parse(data)
    assert "lossy-decoding" in codes(a)


# --------------------------------------------------------------------------- entry points


def test_parse_selector_reads_the_same_tree() -> None:
    text = page('<meta property="og:title" content="Sel"><link rel="canonical" href="/c">')
    sel = parsel.Selector(text=text)
    a = newsmeta.parse_selector(sel, url="https://example.com/x")
    assert (a.title, a.url) == ("Sel", "https://example.com/c")
    assert a == newsmeta.parse(text, url="https://example.com/x")


def test_parse_selector_takes_a_response_like_object() -> None:
    class Response:
        url = "https://example.com/r"
        selector = parsel.Selector(text=page('<meta property="og:image" content="/i.jpg">'))

    assert newsmeta.parse_selector(Response()).og_image == "https://example.com/i.jpg"


def test_parse_selector_refuses_json_selectors() -> None:
    with pytest.raises(newsmeta.FormatError):
        newsmeta.parse_selector(parsel.Selector(text='{"a": 1}', type="json"))


def test_url_keyword_is_ignored_by_adapters_without_it() -> None:
    dump = " date 2022-01-07 https://example.com/a.html\n\nA Title Of Some Length Here\n"
    assert newsmeta.parse(dump, url="https://other.example/").url == "https://example.com/a.html"


def test_cli_url(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    f = tmp_path / "page.html"
    f.write_text(page('<meta property="og:image" content="/i.jpg">'), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["parse", str(f), "--url", "https://example.com/a/"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert json.loads(out.getvalue())["og_image"] == "https://example.com/i.jpg"


# --------------------------------------------------------------------------- placeholders meet pages

PLACEHOLDER_ITEM = "fixtures/newsapi/xpath-placeholder.json"


def _leaky() -> newsmeta.Article:
    import attrs

    from tests.conftest import ROOT

    a = newsmeta.parse((ROOT / PLACEHOLDER_ITEM).read_bytes())
    assert [p.selector_attribute for p in a.placeholders] == ["name", "name"]
    return attrs.evolve(a, title=None, description=None)


def test_fill_repairs_name_to_property() -> None:
    html = page(
        '<meta property="og:title" content="Page title">'
        '<meta property="og:description" content="Page &amp; description">'
    )
    b = newsmeta.fill_placeholders(_leaky(), html)
    assert (b.title, b.description) == ("Page title", "Page & description")
    assert [p.suggested for p in b.placeholders] == [
        "/html/head/meta[@property='og:title']/@content",
        "/html/head/meta[@property='og:description']/@content",
    ]
    assert b.provenance["title"].location.path == "/html/head/meta[@property='og:title']/@content"
    assert codes(b).count("placeholder-filled") == 2


def test_fill_keeps_the_expression_that_works_as_written() -> None:
    html = page('<meta name="og:title" content="Declared with name">')
    b = newsmeta.fill_placeholders(_leaky(), parsel.Selector(text=html))
    assert b.title == "Declared with name"
    assert b.placeholders[0].suggested == "/html/head/meta[@property='og:title']/@content"
    assert "evaluated on the page with /html/head/meta[@name='og:title']" in (
        b.placeholders[0].hint or ""
    )
    assert "nothing selected" in (b.placeholders[1].hint or "")


def test_fill_never_overwrites_and_reports_a_difference() -> None:
    import attrs

    a = attrs.evolve(_leaky(), title="Kept")
    b = newsmeta.fill_placeholders(a, page('<meta property="og:title" content="Other">'))
    assert b.title == "Kept"
    assert "conflicting-values" in codes(b)


@pytest.mark.parametrize(
    "expr",
    [
        "//a[re:test(@href, 'x')]",
        "//*[has-class('x')]",
        "//a[php:function('system', 'ls')]",
        "$x",
        "//a//b//c//d//e//f",
        "//a[" * 6 + "1" + "]" * 6,
        "x" * 2000,
    ],
    ids=[
        "exslt-regexp",
        "parsel-has-class",
        "php-function",
        "variable",
        "many-descendants",
        "deep",
        "long",
    ],
)
def test_unsafe_expressions_are_not_evaluated(expr: str) -> None:
    from newsmeta.adapters._html.fill import check_xpath

    assert check_xpath(expr) is not None


def test_fill_rejects_what_is_not_a_page() -> None:
    with pytest.raises(newsmeta.FormatError):
        newsmeta.fill_placeholders(_leaky(), 42)


def test_a_utc_value_takes_the_offset_a_local_wall_time_shows() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2023-11-09T06:35:29+00:00"}) + (
        '<meta name="sailthru.date" content="2023-11-08 22:35:29">'
    )
    a = newsmeta.parse(page(head))
    assert a.published is not None
    assert a.published.isoformat() == "2023-11-08T22:35:29-08:00"
    assert a.published == dt.datetime(2023, 11, 9, 6, 35, 29, tzinfo=dt.timezone.utc)
    assert "offset-inferred" in codes(a)


def test_the_local_offset_wins_for_one_instant() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2022-05-04T00:25:56Z"}) + (
        '<meta property="article:published_time" content="2022-05-03T21:25:56-03:00">'
    )
    a = newsmeta.parse(page(head))
    assert a.published is not None and a.published.isoformat() == "2022-05-03T21:25:56-03:00"


def test_lead_image_when_the_markup_has_none() -> None:
    body = (
        '<article><img src="/icon.png" width="24"><p>x</p>'
        '<img src="/lead.jpg" style="width: 600px; height: 313px;"></article>'
    )
    a = newsmeta.parse(page(body=body), url="https://example.com/a/")
    assert a.og_image == "https://example.com/lead.jpg"
    assert a.images == (newsmeta.Image(url="https://example.com/lead.jpg", width=600, height=313),)


def test_link_rel_author_is_the_one_authors_page() -> None:
    head = '<link rel="author" href="/people/jane"><meta name="author" content="Jane Doe">'
    a = newsmeta.parse(page(head), url="https://example.com/a")
    assert a.authors == (newsmeta.Person(name="Jane Doe", url="https://example.com/people/jane"),)


def test_placeholder_trees_keep_the_id_table() -> None:
    """The extraction's own parse skips libxml2's id table; the tree that
    placeholders are evaluated on keeps it, so XPath ``id()`` works there."""
    body = '<html><body><p id="lead">x</p></body></html>'
    assert [e.text for e in html_adapter._parse(body).xpath("id('lead')")] == ["x"]
    root, _cut, _bad = html_adapter._parse_bytes(body.encode())
    assert root.xpath("id('lead')") == [] and root.xpath("//*[@id='lead']")[0].text == "x"


def test_a_modified_day_without_a_time_is_kept_and_noted_not_dropped() -> None:
    page = (
        b'<html><head><title>T</title><meta property="article:published_time"'
        b' content="2019-09-30T08:00:00+02:00">'
        b'<meta property="article:modified_time" content="2019-10-01"></head></html>'
    )
    a = newsmeta.parse(page, format="html")
    assert a.modified is None  # no time is made up
    assert [u.text for u in a.unrecognised] == ["2019-10-01"]
    (note,) = [i for i in a.issues if i.code == "date-without-time"]
    assert note.field == "modified" and note.severity == "info"
    assert note.location.path == "meta[property=article:modified_time]"
