"""Titles on real pages: which of a page's title sources is the article's (issue 15).

Tables in price-parser's style: named lists of cases grouped by where they
came from. Each case is the few lines of a real page that decide its title
(copied from the development corpora, not read from them), and the title a
reader of the page sees as the article's. ``xfail(strict=True)`` marks known
misses: when one starts passing, the table says so.
"""

from __future__ import annotations

import pytest

import newsmeta


def page(head: str, body: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><meta charset=utf-8>{head}</head>"
        f"<body>{body}<p>The article's text, long enough to be a paragraph.</p></body></html>"
    ).encode()


Case = tuple[str, bytes, str]

#: A metadata title that neither the page's <title> nor its <h1> holds (a
#: section's name in og:title, a tagline in JSON-LD headline, a site-wide
#: prompt) gives way to the strongest title they do back.
UNBACKED: dict[str, list[Case]] = {
    "html-dev: mozilla-readability wikipedia-2 (JSON-LD headline is a tagline)": [
        (
            "wikipedia",
            page(
                "<title>New Zealand - Wikipedia</title>"
                '<script type="application/ld+json">{"@context":"https://schema.org",'
                '"@type":"Article","name":"New Zealand","headline":'
                '"constitutional monarchy in Oceania"}</script>',
                '<h1 id="firstHeading">New Zealand</h1>',
            ),
            "New Zealand",
        ),
    ],
    "html-dev: trafilatura bdzv.de (og:title names the section)": [
        (
            "bdzv",
            page(
                '<meta property="og:title" content="Pressemitteilungen">'
                "<title>BDZV: Olafur Eliasson gestaltet Titelseite für die deutschen Zeitungen"
                "</title>",
                "<h1>Olafur Eliasson gestaltet Titelseite für die deutschen Zeitungen</h1>",
            ),
            "Olafur Eliasson gestaltet Titelseite für die deutschen Zeitungen",
        ),
    ],
    "html-dev: trafilatura biathlonworld.com (og:title is the site's name)": [
        (
            "ibu",
            page(
                '<meta property="og:title" content="International Biathlon Union - IBU">'
                "<title>IBU - PEKING 2022 – EINE GROSSE CHANCE FÜR DEN CHINESISCHEN "
                "BIATHLONSPORT</title>",
                "<h1>Peking 2022 – eine große Chance für den chinesischen Biathlonsport</h1>",
            ),
            # The <title> ranks before the <h1>; the case differs, the words do not.
            "PEKING 2022 – EINE GROSSE CHANCE FÜR DEN CHINESISCHEN BIATHLONSPORT",
        ),
    ],
    "html-dev: trafilatura bdzv.de, with the page's URL (the site's name is cut)": [
        (
            "bdzv with url",
            page(
                '<meta property="og:title" content="Pressemitteilungen">'
                "<title>BDZV: Olafur Eliasson gestaltet Titelseite</title>",
                "<h1>Olafur Eliasson gestaltet Titelseite</h1><h2>Mehr</h2>",
            ),
            "Olafur Eliasson gestaltet Titelseite",
        ),
    ],
    "written for this issue": [
        (
            "orphan itemprop name of a sidebar",
            page(
                "<title>Vom Boden aus gedacht - Ann Cotten verwebt Lokales und Globales"
                " : literaturkritik.de</title>",
                '<div itemprop="name">Literatur und Medizin in Deutschland</div>'
                "<h1>Vom Boden aus gedacht</h1><h1>Ausgabe 3</h1>",
            ),
            "Vom Boden aus gedacht",
        ),
    ],
}

#: The site's name, however the title sets it off, is not the headline's.
SITE_NAMES: dict[str, list[Case]] = {
    "html-dev: trafilatura neues-deutschland.de (the name in parentheses)": [
        (
            "neues deutschland",
            page(
                '<meta property="og:title" content="»Einfach kein Geld mehr, um die Miete zu'
                ' zahlen« (neues deutschland)">'
            ),
            "»Einfach kein Geld mehr, um die Miete zu zahlen«",
        ),
    ],
}

#: A URL or a path is not a title; the page's next title is.
NOT_TITLES: dict[str, list[Case]] = {
    "html-dev: trafilatura bundesfeuerwehrverband.at (og:title is the page's URL)": [
        (
            "url",
            page(
                '<meta property="og:title" content="https://www.bundesfeuerwehrverband.at/2021/10/'
                'zentrum-am-berg-offiziell-eroeffnet/">'
                "<title>„Zentrum am Berg“ offiziell eröffnet</title>"
            ),
            "„Zentrum am Berg“ offiziell eröffnet",
        ),
    ],
    "html-dev: mozilla-readability 001 (a path)": [
        (
            "path",
            page(
                '<meta property="og:title" content="/code/2013/get-your-frontend-javascript/">'
                "<title>Get your Frontend JavaScript Code Covered | Code</title>"
            ),
            "Get your Frontend JavaScript Code Covered | Code",
        ),
    ],
}

#: The strongest title stays where the page backs it, or where nothing backs
#: a better one: the rule must not undo a good metadata title.
KEPT: dict[str, list[Case]] = {
    "html-dev: mozilla-readability dropbox-blog (the same headline written twice)": [
        (
            "dropbox",
            page(
                '<meta property="og:title" content="How we designed Dropbox’s ATF - an async'
                ' task framework">'
                "<title>How we designed Dropbox ATF: an async task framework - Dropbox</title>",
                "<h1>How we designed Dropbox ATF: an async task framework</h1>",
            ),
            "How we designed Dropbox’s ATF - an async task framework",
        ),
    ],
    "html-dev: trafilatura royalroad.com (the og:title is the fiction's name)": [
        (
            "royalroad",
            page(
                '<meta property="og:title" content="Melas">'
                '<meta name="twitter:title" content="Chapter 1: Prologue - Murdered - Melas">'
                "<title>Chapter 1: Prologue - Murdered - Melas | Royal Road</title>",
                "<h1>Chapter 1: Prologue - Murdered</h1>",
            ),
            "Chapter 1: Prologue - Murdered",
        ),
    ],
    "written for this issue": [
        (
            "og:title differs and no <h1> or <title> backs anything",
            page(
                '<meta property="og:title" content="The headline the publisher chose">'
                "<title>A different SEO title</title>"
            ),
            "The headline the publisher chose",
        ),
        (
            "a two-word heading never replaces a title",
            page(
                '<meta property="og:title" content="Mit Hilfe des Chefs für die Rente sparen">'
                "<title>Betriebliche Altersvorsorge (bAV) - Wann lohnt die Betriebsrente?</title>",
                "<h1>Betriebliche Altersvorsorge</h1>",
            ),
            "Mit Hilfe des Chefs für die Rente sparen",
        ),
    ],
}


def _cases(table: dict[str, list[Case]]) -> list[object]:
    return [
        pytest.param(html, want, id=f"{group}: {name}")
        for group, rows in table.items()
        for name, html, want in rows
    ]


@pytest.mark.parametrize(
    ("html", "want"), _cases(UNBACKED) + _cases(SITE_NAMES) + _cases(NOT_TITLES) + _cases(KEPT)
)
def test_title(html: bytes, want: str) -> None:
    url = "https://www.bdzv.de/a/1" if b"BDZV" in html else None
    if b"neues deutschland" in html:
        url = "https://www.neues-deutschland.de/artikel/1.html"
    assert newsmeta.parse(html, format="html", url=url).title == want


def test_a_url_title_is_reported_and_kept() -> None:
    a = newsmeta.parse(NOT_TITLES[next(iter(NOT_TITLES))][0][1], format="html")
    assert any(i.code == "invalid-value" and i.field == "title" for i in a.issues)
    assert any("bundesfeuerwehrverband" in u.text for u in a.unrecognised)


def test_the_title_that_gives_way_is_kept_as_a_conflict() -> None:
    a = newsmeta.parse(UNBACKED[next(iter(UNBACKED))][0][1], format="html")
    assert any(
        i.code == "conflicting-values" and "constitutional monarchy" in i.message for i in a.issues
    )
