"""Tags on real pages (issue 15): the article's visible tag links when the
markup names none, and what is not a tag.

Cases in price-parser's style, grouped by where they came from; each is the
few lines of a real page that decide it (copied, not read from the corpora).
"""

from __future__ import annotations

import pytest

import newsmeta


def page(body: str, head: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>A headline here</title>{head}"
        f"</head><body>{body}</body></html>"
    ).encode()


Case = tuple[str, bytes, "list[str]"]

CASES: dict[str, list[Case]] = {
    "html-dev: trafilatura hackernoon.com (links into /tagged/)": [
        (
            "hackernoon",
            page(
                '<article><p>Text.</p><div class="archive-tags">'
                '<a class="tag" href="https://hackernoon.com/tagged/google-search">Google Search</a>'
                '<a class="tag" href="https://hackernoon.com/tagged/python">#Python</a></div></article>'
            ),
            ["Google Search", "Python"],
        ),
    ],
    "html-dev: trafilatura verfassungsblog.de (a post's footer lists its tags)": [
        (
            "verfassungsblog",
            page(
                '<article><p>Text.</p><footer class="entry-meta"><span class="tag-links">'
                '<a href="https://verfassungsblog.de/tag/coronavirus/">Coronavirus</a>, '
                '<a href="https://verfassungsblog.de/tag/rechtswissenschaft/">Rechtswissenschaft</a>'
                "</span></footer></article>"
            ),
            ["Coronavirus", "Rechtswissenschaft"],
        ),
    ],
    "html-dev: trafilatura fivethirtyeight.com (counts after the tags)": [
        (
            "fivethirtyeight",
            page(
                '<div class="single-metadata">'
                '<a class="term" href="https://fivethirtyeight.com/tag/2020-election/">'
                "2020 Election (611 posts)</a>"
                '<a class="term" href="https://fivethirtyeight.com/tag/joe-biden/">Joe Biden (233)</a>'
                "</div>"
            ),
            ["2020 Election", "Joe Biden"],
        ),
    ],
    "html-dev: trafilatura hpd.de (a tag list in the article's aside)": [
        (
            "hpd",
            page(
                '<article><aside class="meta"><p class="field-items tags-items">'
                '<a href="/schlagworte/homophobie">Homophobie</a> '
                '<a href="/schlagworte/islam">Islam</a></p></aside></article>'
            ),
            ["Homophobie", "Islam"],
        ),
    ],
    "html-dev: trafilatura unterwegsinberlin.de (a category link marked rel=tag)": [
        (
            "unterwegsinberlin",
            page(
                '<span class="cat-links"><a href="https://www.unterwegsinberlin.de/category/'
                'radtouren-berlin/" rel="tag">Radtouren Berlin</a></span>'
                '<span class="tag-links"><a href="https://www.unterwegsinberlin.de/tag/berlin/"'
                ' rel="tag">berlin</a>, <a href="https://www.unterwegsinberlin.de/tag/radtour/"'
                ' rel="tag">radtour</a>.</span>'
            ),
            ["berlin", "radtour"],
        ),
    ],
    "fixture: flowfx.de (Nikola files its tags under /categories/)": [
        (
            "flowfx",
            page(
                '<aside class="postpromonav"><nav><ul class="tags">'
                '<li><a class="tag p-category" href="../../categories/linux/" rel="tag">linux</a></li>'
                '<li><a class="tag p-category" href="../../categories/tmux/" rel="tag">tmux</a></li>'
                "</ul></nav></aside>"
            ),
            ["linux", "tmux"],
        ),
    ],
    "html-dev: trafilatura anchor.ch (categories and tags, both rel=tag)": [
        (
            "anchor",
            page(
                '<footer class="entry-footer"><span class="taxonomy-term-list">'
                '<a href="https://www.anchor.ch/category/gesellschaft/" rel="tag">Gesellschaft</a>,'
                ' und <a href="https://www.anchor.ch/category/sri-lanka/" rel="tag">Sri Lanka</a>.'
                '</span><br /><span class="taxonomy-label">Schlagwörter:</span>'
                ' <span class="taxonomy-term-list"><a href="https://www.anchor.ch/tag/alltag/"'
                ' rel="tag">Alltag</a>, <a href="https://www.anchor.ch/tag/sri-lanka/"'
                ' rel="tag">Sri Lanka</a></span></footer>'
            ),
            ["Alltag", "Sri Lanka"],
        ),
    ],
    "html-dev: trafilatura ledevoir.com (a keyword box in an aside)": [
        (
            "ledevoir",
            page(
                '<aside class="suggested-content category"><div class="stories-keywords">'
                '<section class="mots-cles dodger-blue"><strong>Mots clés</strong>'
                ' <a href="/motcle/valerie-plante">Valérie Plante</a>,'
                ' <a href="/motcle/trottinette">trottinette</a></section></div></aside>'
            ),
            ["Valérie Plante", "trottinette"],
        ),
    ],
    "html-dev: trafilatura timesofisrael.com (a topic list in a sidebar-classed column)": [
        (
            "timesofisrael",
            page(
                '<div class="article-content sticky-sidebar-relative"><p>Text.</p>'
                '<div class="article-topics"><div>read more:</div><ul>'
                '<li><a href="https://www.timesofisrael.com/jewish-times/">Jewish Times</a></li>'
                '<li><a href="https://www.timesofisrael.com/topic/supreme-court/">Supreme Court</a>'
                '</li><li><a href="https://www.timesofisrael.com/topic/judges/">judges</a></li>'
                "</ul></div></div>"
            ),
            ["Jewish Times", "Supreme Court", "judges"],
        ),
    ],
    "html-dev: trafilatura abc13.com (a tag list with a place page among tag pages)": [
        (
            "abc13",
            page(
                '<div data-testid="prism-tags"><div class="QOIi">Related Topics</div>'
                '<ul class="VZTD UeCO"><li class=" "><a class="mLAS" href="/place/harris-county/">'
                '<span class="QXDK"> HARRIS COUNTY</span></a></li><li class=" ">'
                '<a class="mLAS" href="/tag/lewdness/"><span class="QXDK"> LEWDNESS</span></a></li>'
                "</ul></div>"
            ),
            ["HARRIS COUNTY", "LEWDNESS"],
        ),
    ],
    "html-dev: trafilatura industriemagazin.at (/thema/ pages)": [
        (
            "industriemagazin",
            page(
                '<div class="article-meta__field article-meta__tags" data-tags="4"><ul>'
                '<li><a href="https://industriemagazin.at/thema/maschinenbau/"> <em>#</em>Maschinenbau'
                ' </a></li><li><a href="https://industriemagazin.at/thema/facc-ag/"> <em>#</em>FACC AG'
                " </a></li></ul></div>"
            ),
            ["Maschinenbau", "FACC AG"],
        ),
    ],
    "html-dev: trafilatura flawlessfood.co.uk (a recipe post: the Recipe's keywords)": [
        (
            "flawlessfood",
            page(
                "<p>Text.</p>",
                '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
                '{"@type":"Article","headline":"Olive & Herb Focaccia Bread"},'
                '{"@context":"http://schema.org/","@type":"Recipe","name":"Olive & Herb Focaccia'
                ' Bread","keywords":"Focaccia, Focaccia Bread, Olive Bread"}]}</script>',
            ),
            ["Focaccia", "Focaccia Bread", "Olive Bread"],
        ),
        (
            "the article's own keywords win",
            page(
                "<p>Text.</p>",
                '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
                '{"@type":"Article","headline":"A headline","keywords":["Bread"]},'
                '{"@type":"Recipe","name":"Focaccia","keywords":"Focaccia"}]}</script>',
            ),
            ["Bread"],
        ),
    ],
    "html-dev: trafilatura piratenpartei-marburg.de, silvias.net (hashtags)": [
        (
            "article:tag keeps the tag as written",
            page(
                "<p>Text.</p>",
                '<meta property="article:tag" content="#AlleFuersKlima" />'
                '<meta property="article:tag" content="#nichtMeinErbe" />',
            ),
            ["#AlleFuersKlima", "#nichtMeinErbe"],
        ),
        (
            "a tag link's # is the site's display",
            page(
                '<span class="tags"><a href="http://www.silvias.net/blog/tag/elenao/" rel="tag">'
                '#elenão</a>, <a href="http://www.silvias.net/blog/tag/wahlen2018/" rel="tag">'
                "wahlen2018</a></span>"
            ),
            ["elenão", "wahlen2018"],
        ),
    ],
    "written for this issue: not tags": [
        (
            "links in the article's prose",
            page(
                '<article><p><a href="/topic/turkey" class="body-link">Turkey</a> and'
                ' <a href="/topic/poland">Poland</a> were added.</p></article>'
            ),
            [],
        ),
        (
            "the site's menu and tag cloud",
            page(
                '<nav><a href="/tags/bitcoin">Bitcoin</a></nav>'
                '<div class="tagcloud"><a href="/tag/politik">Politik</a></div>'
                '<ul class="menu-desktop-sub"><li><a href="/tags/business">Business</a></li></ul>'
            ),
            [],
        ),
        (
            "a tag list in a sidebar widget (the site's, even when its class says tags)",
            page(
                '<aside class="sidebar"><div class="widget"><ul class="tags">'
                '<li><a href="/tag/politik">Politik</a></li></ul></div></aside>'
            ),
            [],
        ),
        (
            "labels, calls to action, headlines and an A-Z index",
            page(
                '<div class="tags"><a href="#">Themen:</a>'
                '<a href="/petition">Jetzt Petition unterzeichnen!</a>'
                '<a href="/a/1">Hamburger Polizei zählt 1.025 Messerdelikte in neun Monaten</a>'
                '<a href="/az/0-9">0-9</a><a href="/tag/1541">1541</a></div>'
            ),
            ["1541"],
        ),
    ],
    "written for this issue: the markup's tags win": [
        (
            "article:tag",
            page(
                '<div class="tags"><a href="/tag/visible">Visible</a></div>',
                '<meta property="article:tag" content="From the markup">',
            ),
            ["From the markup"],
        ),
    ],
}


#: Known misses: what the page says, and what newsmeta does not get yet.
KNOWN_MISSES: dict[str, list[Case]] = {
    "html-dev: trafilatura deutsche-wirtschafts-nachrichten.de (a topic bar by id only)": [
        (
            "dwn",
            page(
                '<div id="teme"><a href="https://deutsche-wirtschafts-nachrichten.de/tag/7953/'
                'Geopolitik">Geopolitik</a></div><div class="article"><div class="radaritems">'
                '<span class="item"><span class="link"><a href="/tag/200145?src=top">Industrie</a>'
                "</span></span></div></div>"
            ),
            ["Industrie"],
        ),
    ],
    "html-dev: trafilatura wevolver.com (a dash before the tag's name)": [
        (
            "wevolver",
            page(
                '<article><div id="tag-top"><a href="https://www.wevolver.com/tag/machine-learning">'
                "- machine learning</a></div></article>"
            ),
            ["machine learning"],
        ),
    ],
    "html-dev: trafilatura regards.fr (relative tag links only: the byte test looks for /tags/)": [
        (
            "regards",
            page(
                '<div class="categories"><a href="mot/la-republique-en-marche" title="Tous les'
                ' articles de la catégorie&nbsp;La République en marche">La République en marche</a>,'
                ' <a href="tags/justice">Justice</a>, <a href="mot/emmanuel-macron">Emmanuel Macron'
                "</a></div>"
            ),
            ["La République en marche", "Justice", "Emmanuel Macron"],
        ),
    ],
    "written for this issue: another site's tag page": [
        (
            "an Instagram hashtag link",
            page(
                '<span class="wprm-call-to-action-text">Please mention <a href="https://www.'
                'instagram.com/flawlessfooduk">@flawlessfooduk</a> or tag <a href="https://www.'
                'instagram.com/explore/tags/flawlessfooduk">#flawlessfooduk</a>!</span>',
                '<link rel="canonical" href="https://flawlessfood.co.uk/olive-herb-focaccia-bread/">',
            ),
            [],
        ),
    ],
}


@pytest.mark.parametrize(
    ("html", "want"),
    [
        pytest.param(html, want, id=f"{group}: {name}")
        for group, rows in CASES.items()
        for name, html, want in rows
    ],
)
def test_tags(html: bytes, want: list[str]) -> None:
    assert list(newsmeta.parse(html, format="html").tags) == want


@pytest.mark.parametrize(
    ("html", "want"),
    [
        pytest.param(html, want, id=f"{group}: {name}", marks=pytest.mark.xfail(strict=True))
        for group, rows in KNOWN_MISSES.items()
        for name, html, want in rows
    ],
)
def test_known_tag_misses(html: bytes, want: list[str]) -> None:
    assert list(newsmeta.parse(html, format="html").tags) == want
