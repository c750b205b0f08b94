"""Descriptions when the page's markup gives none (issue 15).

A visible standfirst (a dek, a teaser, ``itemprop=description`` on text) is
the description; failing that, the article's first paragraph of prose, as
readability's excerpt is. Both are weaker than any description in the
markup. Cases in price-parser's style, grouped by where they came from; each
is the few lines of a real page that decide it.
"""

from __future__ import annotations

import pytest

import newsmeta

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua."
)


def page(body: str, head: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>A headline here</title>{head}"
        f"</head><body>{body}</body></html>"
    ).encode()


Case = tuple[str, bytes, "str | None"]

CASES: dict[str, list[Case]] = {
    "html-dev: mozilla-readability mozilla-1 (a lead paragraph)": [
        (
            "p.lead",
            page(
                '<div class="container"><h1>Make Firefox your own</h1>'
                '<p class="lead">It’s easier than ever to personalize Firefox and make it work'
                " the way you do.</p><p>" + LOREM + "</p></div>"
            ),
            "It’s easier than ever to personalize Firefox and make it work the way you do.",
        ),
    ],
    "html-dev: mozilla-readability (the article's first paragraph)": [
        (
            "first paragraph",
            page(f"<article><h1>Title</h1><p>{LOREM}</p><p>More.</p></article>"),
            LOREM,
        ),
        (
            "hidden paragraphs are passed over (remove-aria-hidden)",
            page(
                f'<article><p aria-hidden="true">**WRONG** {LOREM}</p>'
                f'<p style="display: none">{LOREM} hidden</p><p>{LOREM}</p></article>'
            ),
            LOREM,
        ),
        (
            "a style inside the paragraph is not text (idw-online.de)",
            page(f"<article><p><style>.flipboard {{ width: 20px }}</style>{LOREM}</p></article>"),
            LOREM,
        ),
    ],
    "written for this issue": [
        (
            "a dek under the headline",
            page(
                '<h1>Headline</h1><p class="article-dek">The summary the page shows under'
                f" its headline, in one sentence.</p><p>{LOREM}</p>"
            ),
            "The summary the page shows under its headline, in one sentence.",
        ),
        (
            "itemprop=description on body text",
            page(
                '<div itemscope itemtype="https://schema.org/Article"><div itemprop="description">'
                "A summary given as microdata on visible text, not in a meta element.</div>"
                f"<p>{LOREM}</p></div>"
            ),
            "A summary given as microdata on visible text, not in a meta element.",
        ),
        (
            "the markup's description wins",
            page(
                f'<p class="dek">The visible dek of the article, long enough.</p><p>{LOREM}</p>',
                '<meta name="description" content="From the markup">',
            ),
            "From the markup",
        ),
        (
            "navigation, lists and the site's small print are not the article",
            page(
                f"<nav><p>{LOREM} nav</p></nav><ul><li><p>{LOREM} list</p></li></ul>"
                "<p>Copyright © 2024 The Example Company, all rights reserved, and more words.</p>"
            ),
            None,
        ),
        (
            "a short paragraph is not a description",
            page("<article><p>Too short.</p></article>"),
            None,
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
def test_description(html: bytes, want: str | None) -> None:
    assert newsmeta.parse(html, format="html").description == want


def test_the_fallback_says_where_it_read() -> None:
    a = newsmeta.parse(CASES["written for this issue"][0][1], format="html")
    assert a.provenance["description"].location.path == "standfirst"
    b = newsmeta.parse(page(f"<article><p>{LOREM}</p></article>"), format="html")
    assert b.provenance["description"].location.path == "p"
