"""Issue 15, the acc-jsonld classes: broken JSON-LD, images, escaped markup,
publisher order, pages that are not articles.

Tables of real cases in price-parser's style: named lists grouped by where
each case came from. A case is a small page (the few relevant lines of the
real page, copied in: nothing here reads ``../shared``), the field read, and
the value expected. Known misses are ``xfail(strict=True)``, so a fix shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmeta
from newsmeta.adapters._html import jsonld
from newsmeta.cli import main
from newsmeta.records import PAGE_KINDS
from newsmeta.validate import fails, get_profile


class Example(NamedTuple):
    html: str
    field: str
    expected: Any
    note: str = ""


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _ld(script: str) -> str:
    return f'<script type="application/ld+json">{script}</script>'


def _get(article: newsmeta.Article, field: str) -> Any:
    value: Any = article
    for part in field.split("."):
        if part.isdigit():
            value = value[int(part)] if len(value) > int(part) else None
        else:
            value = getattr(value, part) if value is not None else None
    return value


def _id(e: Example) -> str:
    return f"{e.field}={str(e.expected)[:40]}"


def _check(e: Example) -> None:
    article = newsmeta.parse(e.html, url="https://example.com/a")
    assert _get(article, e.field) == e.expected, e.note


# --------------------------------------------------------------------------- broken JSON-LD

JSONLD_HTML_DEV = [
    # html-dev: trafilatura corpus eluniversal.com-senador.html (quotes not escaped)
    Example(
        _page(
            _ld(
                '{"@context": "http://schema.org", "@type": "NewsArticle",\n'
                '"headline": "Senador republicano califica a Biden de "incapacitado"",\n'
                '"description": ""Seamos honestos. Joe Biden no está bien", indicó el senador",\n'
                '"datePublished": "2022-05-10T17:22:00-04:00"}'
            )
        ),
        "title",
        'Senador republicano califica a Biden de "incapacitado"',
    ),
    Example(
        _page(
            _ld(
                '{"@type": "NewsArticle", "headline": "H",\n'
                '"description": ""Seamos honestos. Joe Biden no está bien", indicó el senador",\n'
                '"dateModified": 2022/05/10 17:36:11}'
            )
        ),
        "description",
        '"Seamos honestos. Joe Biden no está bien", indicó el senador',
    ),
    # html-dev: htmldate corpus sports.ndtv.com-Cricket-World-Cup.html (// comments)
    Example(
        _page(
            _ld(
                '{"@context": "https://schema.org", "@type": "LiveBlogPosting",\n'
                '  "headline": "India vs Sri Lanka Live Score",\n'
                '  "url": "https://sports.ndtv.com/cricket/india-vs-sri-lanka-4537334",\n'
                '  // "mainEntityOfPage": {\n'
                '  // "@type": "WebPage",\n'
                "  // },\n"
                '  "datePublished": "2023-11-02T13:30:00+05:30"}'
            )
        ),
        "published",
        newsmeta.parse(
            _page('<meta property="article:published_time" content="2023-11-02T13:30:00+05:30">')
        ).published,
    ),
    # html-dev: htmldate corpus reuters.com.parasite.html (a single-quoted string)
    Example(
        _page(
            _ld(
                '{"@type": "NewsArticle", "headline": "Parasite wins",\n'
                "\"description\": 'South Korean thriller &quot;Parasite&quot; was the upset winner',\n"
                '"datePublished": "2020-01-20T04:49:32Z"}'
            )
        ),
        "description",
        'South Korean thriller "Parasite" was the upset winner',
    ),
    # html-dev: trafilatura corpus aoc.media.archaisme.html (an <img> tag as the image URL)
    Example(
        _page(
            _ld(
                '{"@type":"NewsArticle","headline":"Pour le néolibéralisme, la retraite est un archaïsme",'
                '"image":{"@type":"ImageObject","url":"<img width="300" height="150" '
                'src="https://aoc.media/wp-content/uploads/2019/12/capture-300x150.png" '
                'class="attachment-medium" alt="" />","width":300}}'
            )
        ),
        "og_image",
        "https://aoc.media/wp-content/uploads/2019/12/capture-300x150.png",
    ),
]

JSONLD_WRITTEN = [
    # written for this issue: the defect the issue names
    Example(
        _page(_ld('{"@type": "NewsArticle", "headline": "A", "datePublished":"2023-06-14".,}')),
        "date",
        newsmeta.parse(_page('<meta name="date" content="2023-06-14">')).date,
    ),
    Example(
        _page(
            _ld(
                '{"@type": "NewsArticle",\n "headline": "Missing comma"\n "author": {"name": "Ann Lee"}}'
            )
        ),
        "authors.0.name",
        "Ann Lee",
    ),
    Example(
        _page(_ld("{@type: 'NewsArticle', headline: 'Bare keys'}")),
        "title",
        "Bare keys",
    ),
    # salvage: one member cannot be read, the others are
    Example(
        _page(_ld('{"@type": "NewsArticle", "image": {{ post.image }}, "headline": "Salvaged"}')),
        "title",
        "Salvaged",
    ),
    Example(
        _page(_ld('{"@type": "NewsArticle", "headline": "Cut short", "author": {"name": "Jo Ma')),
        "title",
        "Cut short",
    ),
    pytest.param(
        # html-dev: mozilla-readability telegraph (entities mangled in the script: "& #34;")
        Example(
            _page(
                _ld(
                    "{ & #34;@type&# 34;: & #34;NewsArticle&# 34;, & #34;headline&# 34;: & #34;WTA&# 34;}"
                )
            ),
            "title",
            "WTA",
        ),
        marks=pytest.mark.xfail(strict=True, reason="mangled entities are not JSON; not guessed"),
    ),
]


@pytest.mark.parametrize("example", JSONLD_HTML_DEV + JSONLD_WRITTEN, ids=_id)
def test_broken_jsonld(example: Example) -> None:
    _check(example)


def test_a_salvaged_script_says_what_was_lost() -> None:
    a = newsmeta.parse(
        _page(_ld('{"@type": "NewsArticle", "image": {{ post.image }}, "headline": "Salvaged"}'))
    )
    (issue,) = [i for i in a.issues if i.code == "embedded-json-salvaged"]
    assert issue.severity is newsmeta.Severity.WARNING and "image" in issue.message
    lost = [u for u in a.unrecognised if u.location.path == "jsonld[0].image"]
    assert lost and "{{ post.image }}" in lost[0].text


def test_repairs_are_named() -> None:
    a = newsmeta.parse(_page(_ld('{"@type": "NewsArticle", // a note\n "headline": \'T\',}')))
    (issue,) = [i for i in a.issues if i.code == "embedded-json-repaired"]
    assert "comments" in issue.message and "single quotes" in issue.message
    assert "trailing comma" in issue.message


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_json)
def test_valid_json_reads_as_json(value: object) -> None:
    assert jsonld.load(json.dumps(value)) == (value, None, ())


@given(st.text(alphabet="{}[]\",:'/ \n\\abc1-.*<!>", max_size=200))
def test_the_forgiving_reader_never_crashes(text: str) -> None:
    got = jsonld.load(text)
    assert got.value is not None or got.note


# --------------------------------------------------------------------------- pages that are not articles

KINDS_HTML_DEV = [
    # html-dev: trafilatura corpus instyle.com.cancer.html (an Article and an embedded VideoObject)
    Example(
        _page(
            _ld(
                '[{"@type": "VideoObject", "name": "Breast Cancer Symptoms That Aren\'t Lumps"},'
                ' {"@type": "Article", "headline": "Black Women Battling Breast Cancer Deserve More Wig Options"}]'
            )
        ),
        "title",
        "Black Women Battling Breast Cancer Deserve More Wig Options",
    ),
    # html-dev: trafilatura corpus giga.de.chrome.html (only a VideoObject, og:type article)
    Example(
        _page(
            '<meta property="og:type" content="article">'
            '<meta property="og:title" content="Google Chrome exportieren und alles sichern">'
            + _ld('{"@type": "VideoObject", "name": "Your Chrome Browser, Everywhere"}')
        ),
        "title",
        "Google Chrome exportieren und alles sichern",
    ),
    # html-dev: trafilatura corpus djz.de-amoklauf.html (a sidebar's events on an article page)
    Example(
        _page(
            '<meta property="og:type" content="article">'
            '<meta property="og:title" content="Amoklauf in Heidelberg: Rufe nach schneller Aufklärung">'
            + _ld(
                '[{"@context":"http://schema.org","@type":"Event","name":"Erstverkaufstag DJZ 2/2022"}]'
            )
        ),
        "title",
        "Amoklauf in Heidelberg: Rufe nach schneller Aufklärung",
    ),
    # html-dev: trafilatura corpus pcgamer.com.darkest.html (a Product and its review)
    Example(
        _page(
            '<meta property="og:type" content="article">'
            + _ld(
                '{"@type": "Product", "name": "Darkest Dungeon 2",'
                ' "review": {"@type": "Review", "name": "Darkest Dungeon 2 review",'
                ' "author": {"@type": "Person", "name": "Robin Valentine"},'
                ' "datePublished": "2023-05-15T13:00:00Z"}}'
            )
        ),
        "page_kind",
        "review",
    ),
    # html-dev: trafilatura corpus parallels.com.desktop.html (a product box, og:type article)
    Example(
        _page(
            '<meta property="og:type" content="article">'
            '<meta property="og:title" content="Parallels Desktop 15 for Mac">'
            + _ld('{"@type": "Product", "name": "Parallels Desktop for Mac"}')
        ),
        "title",
        "Parallels Desktop 15 for Mac",
    ),
    # html-dev: trafilatura corpus chefkoch.de.mandarinen.html (a recipe page)
    Example(
        _page(
            '<meta property="og:type" content="article">'
            + _ld('{"@type": "Recipe", "name": "Mandarinen-Schmand-Kuchen"}')
        ),
        "page_kind",
        "recipe",
    ),
    # html-dev: trafilatura corpus minusl.de.joghurt.html (a CollectionPage, no article)
    Example(
        _page(
            _ld(
                '{"@graph": [{"@type": "WebSite", "name": "MinusL"}, {"@type": "CollectionPage", "name": "Joghurt"}]}'
            )
        ),
        "page_kind",
        "listing",
    ),
    # html-dev: trafilatura corpus stackoverflow.com.rust.html (microdata teasers after the post)
    Example(
        _page(
            "",
            '<article itemscope itemtype="https://schema.org/BlogPosting"><h1>What is Rust</h1></article>'
            '<div itemscope itemtype="https://schema.org/BlogPosting"><h2 itemprop="headline">Another post</h2></div>',
        ),
        "title",
        "What is Rust",
    ),
]

KINDS_HTML_DEV += [
    # html-dev: trafilatura corpus sports.fr.lorient.html (the WebPage names the site)
    Example(
        _page(
            '<meta property="og:type" content="article">'
            '<meta property="og:title" content="Lorient vs Olympique Lyonnais">'
            + _ld('{"@context": "https://schema.org", "@type": "WebPage", "name": "Sports.fr"}')
        ),
        "title",
        "Lorient vs Olympique Lyonnais",
    ),
]

KINDS_WRITTEN = [
    # written for this issue
    Example(_page('<meta property="og:type" content="video.movie">'), "page_kind", "video"),
    Example(_page('<meta property="og:type" content="website">'), "page_kind", None),
    Example(
        _page(_ld('{"@type": "MusicEvent", "name": "Concert", "startDate": "2030-05-01T20:00"}')),
        "page_kind",
        "event",
    ),
    # a concert's <time> is not a publication date
    Example(
        _page(
            _ld('{"@type": "MusicEvent", "name": "Concert"}'),
            '<main><time datetime="2030-05-01T20:00:00+02:00">1 May, 8 pm</time></main>',
        ),
        "published",
        None,
    ),
    # an ItemList's articles are not the page's
    Example(
        _page(
            "<title>Latest news</title>"
            + _ld(
                '{"@type": "ItemList", "itemListElement": [{"@type": "ListItem",'
                ' "item": {"@type": "NewsArticle", "headline": "A teaser"}}]}'
            )
        ),
        "title",
        "Latest news",
    ),
    Example(
        _page(
            _ld('{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Main"}}')
        ),
        "title",
        "Main",
    ),
    # a review's item is not the page
    Example(
        _page(
            _ld(
                '{"@type": "Review", "name": "A fine film",'
                ' "itemReviewed": {"@type": "Movie", "name": "The Film"}}'
            )
        ),
        "title",
        "A fine film",
    ),
]


@pytest.mark.parametrize("example", KINDS_HTML_DEV + KINDS_WRITTEN, ids=_id)
def test_page_kinds(example: Example) -> None:
    _check(example)


def test_event_page_sets_aside_text_dates_and_validate_reports_it() -> None:
    a = newsmeta.parse(
        _page(
            _ld('{"@type": "MusicEvent", "name": "Concert"}'),
            '<main><time datetime="2030-05-01T20:00:00+02:00">1 May</time></main>',
        )
    )
    assert a.page_kind == "event" and a.published is None
    assert any(u.text == "2030-05-01T20:00:00+02:00" for u in a.unrecognised)
    codes = {i.code: i for i in newsmeta.validate(a)}
    assert codes["not-an-article"].severity is newsmeta.Severity.INFO
    strict = newsmeta.validate(a, "strict")
    assert any(i.code == "not-an-article" and i.severity.value == "warning" for i in strict)
    reject = get_profile().evolve(severities={"not-an-article": "error"})
    assert fails(newsmeta.validate(a, reject), reject)


def test_the_command_line_rejects_non_articles_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "event.html"
    page.write_text(
        _page(
            '<link rel="canonical" href="https://example.com/concert">'
            + _ld('{"@type": "MusicEvent", "name": "Concert"}'),
            "<main><p>Doors at 8</p></main>",
        ),
        encoding="utf-8",
    )
    assert main(["validate", str(page)]) == 0
    assert main(["validate", str(page), "--error", "not-an-article"]) == 1
    assert '"code":"not-an-article","severity":"error"' in capsys.readouterr().out


def test_page_kind_is_checked() -> None:
    assert set(PAGE_KINDS) >= {"article", "listing", "review", "event", "product"}
    with pytest.raises(ValueError, match="page_kind"):
        newsmeta.Article(page_kind="blogpost")


# --------------------------------------------------------------------------- images

IMAGES_WRITTEN = [
    # written for this issue: the value the issue names
    Example(
        _page(
            '<meta property="og:image" content="https://x.example/a.jpg 600w, https://x.example/b.jpg 320w">'
        ),
        "og_image",
        "https://x.example/a.jpg",
    ),
    Example(
        _page(
            '<meta property="og:image" content="https://x.example/a.jpg 600w, https://x.example/b.jpg 320w">'
        ),
        "images.0.width",
        600,
    ),
    Example(
        _page(
            '<meta property="og:image" content="https://x.example/a.jpg%20600w,%20https://x.example/b.jpg%201200w">'
        ),
        "og_image",
        "https://x.example/b.jpg",
    ),
    Example(
        _page('<meta property="og:image" content="/img/a.jpg 1x, /img/a@2x.jpg 2x">'),
        "og_image",
        "https://example.com/img/a@2x.jpg",
    ),
    # a URL with commas inside stays whole
    Example(
        _page('<meta property="og:image" content="https://res.example/c/w_300,h_200/a.jpg">'),
        "og_image",
        "https://res.example/c/w_300,h_200/a.jpg",
    ),
    # a counter's host
    Example(
        _page(
            '<meta property="og:image" content="https://sb.scorecardresearch.com/p?c1=2&amp;c2=6035">'
        ),
        "og_image",
        None,
    ),
]

IMAGES_HTML_DEV = [
    # html-dev: trafilatura corpus propellets.at.energie.html (spaces left in the path)
    Example(
        _page(
            '<meta property="og:image" content="https://www.propellets.at/assets/upload/Umwelt und Klima/energiearmut.jpg">'
        ),
        "og_image",
        "https://www.propellets.at/assets/upload/Umwelt%20und%20Klima/energiearmut.jpg",
    ),
    # html-dev: trafilatura corpus jagdleben.de-waldwege.html (a credit where the image should be)
    Example(
        _page("", '<div><meta itemprop="image" content="© Kathrin Führes"></div>'),
        "og_image",
        None,
    ),
    # html-dev: trafilatura corpus nationalrail.co.uk.disruptions.html (an ad server's image)
    Example(
        _page(
            '<meta property="og:image" content="https://securepubads.g.doubleclick.net/gampad/ad?iu=/7369/nre">'
        ),
        "og_image",
        None,
    ),
]


@pytest.mark.parametrize("example", IMAGES_WRITTEN + IMAGES_HTML_DEV, ids=_id)
def test_images(example: Example) -> None:
    _check(example)


def test_a_value_that_is_not_a_url_is_kept_and_said() -> None:
    a = newsmeta.parse(_page('<meta property="og:image" content="Photo: AP / Jane Doe">'))
    assert a.og_image is None and not a.images
    assert any(i.code == "invalid-url" for i in a.issues)
    assert any(u.text == "Photo: AP / Jane Doe" for u in a.unrecognised)


# --------------------------------------------------------------------------- publisher order

PUBLISHER_WRITTEN = [
    # written for this issue: one order, strongest first
    Example(
        _page(
            '<meta property="og:site_name" content="FAZ">'
            '<meta name="Publisher" content="Frankfurter Allgemeine Zeitung GmbH">'
        ),
        "publisher.name",
        "Frankfurter Allgemeine Zeitung GmbH",
    ),
    Example(
        _page(
            '<meta name="PUBLISHER" content="Heise Medien">'
            + _ld(
                '{"@type": "NewsArticle", "headline": "H", "publisher": {"@type": "Organization", "name": "heise online"}}'
            )
        ),
        "publisher.name",
        "heise online",
    ),
    Example(
        _page(
            '<meta property="article:publisher" content="https://www.facebook.com/tagesspiegel">'
            '<meta property="og:site_name" content="Der Tagesspiegel">'
        ),
        "publisher.name",
        "Der Tagesspiegel",
    ),
    Example(
        _page('<meta property="article:publisher" content="287321157949050">'),
        "publisher",
        None,
    ),
    # html-dev: trafilatura corpus (meta name="article:publisher" content="News Limited")
    Example(
        _page('<meta name="article:publisher" content="News Limited">'),
        "publisher.name",
        "News Limited",
    ),
    Example(
        _page(
            '<meta property="og:site_name" content="Site">'
            '<meta property="article:publisher" content="Named Publisher">'
        ),
        "publisher.name",
        "Site",
    ),
]


@pytest.mark.parametrize("example", PUBLISHER_WRITTEN, ids=_id)
def test_publisher_order(example: Example) -> None:
    _check(example)


def test_a_meta_publisher_does_not_remove_the_author() -> None:
    # a one-person site names its author as publisher
    a = newsmeta.parse(
        _page(
            '<meta name="publisher" content="Andreas Jaeck"><meta name="author" content="Andreas Jaeck">'
        )
    )
    assert [p.name for p in a.authors] == ["Andreas Jaeck"]


# --------------------------------------------------------------------------- escaped markup

MARKUP_WRITTEN = [
    # written for this issue: the text the issue names
    Example(
        _page(
            '<meta name="description" content="Use HTML/XHTML &lt;meta&gt; elements to describe a page.">'
        ),
        "description",
        "Use HTML/XHTML <meta> elements to describe a page.",
    ),
    Example(
        _page(_ld('{"@type": "TechArticle", "headline": "The &lt;title&gt; element"}')),
        "title",
        "The <title> element",
    ),
    pytest.param(
        Example(
            _page('<meta name="description" content="Wrap it in a &lt;div&gt; element.">'),
            "description",
            "Wrap it in a <div> element.",
        ),
        marks=pytest.mark.xfail(
            strict=True, reason="<div> is markup text is written with; once decoded, not told apart"
        ),
    ),
]

MARKUP_HTML_DEV = [
    # html-dev: trafilatura corpus djz.de-amoklauf.html (markup escaped inside JSON-LD)
    Example(
        _page(
            _ld(
                '{"@type": "NewsArticle", "headline": "H", "description":'
                ' "&lt;p&gt;Ab zum Kiosk: die neue DJZ erscheint heute im Handel!&lt;/p&gt;\\n"}'
            )
        ),
        "description",
        "Ab zum Kiosk: die neue DJZ erscheint heute im Handel!",
    ),
    # html-dev: trafilatura corpus vipflash.de-Ehezoff.html (escaped <p> is real markup)
    Example(
        _page(
            '<meta property="og:description" content="&lt;p&gt;Die Situation im Pocher-Ehedrama ist angespannt.&lt;/p&gt;">'
        ),
        "description",
        "Die Situation im Pocher-Ehedrama ist angespannt.",
    ),
    # html-dev: trafilatura corpus mannschaft.com-katar.html (an escaped link with attributes)
    Example(
        _page(
            '<meta property="og:description" content="Ein Zeichen setzen. '
            '&lt;a class=&quot;g1-link&quot; href=&quot;/x&quot;&gt;Weiterlesen&lt;/a&gt;">'
        ),
        "description",
        "Ein Zeichen setzen. Weiterlesen",
    ),
]


@pytest.mark.parametrize("example", MARKUP_WRITTEN + MARKUP_HTML_DEV, ids=_id)
def test_escaped_markup(example: Example) -> None:
    _check(example)
