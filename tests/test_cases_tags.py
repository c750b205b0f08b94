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
