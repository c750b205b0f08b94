"""Dates on real pages: markup names, visible dates, plausibility, local days (issue 15).

Tables in price-parser's style: named lists of cases grouped by where they
came from. Each case is the few lines of a real page that decide its date
(copied from the development corpora, not read from them) or a small page
written for the rule, and the day a reader of the page sees as the article's
(the record's ``date``, else its ``published`` day in its own offset, as
``bench.score`` reads it). ``xfail(strict=True)`` marks known misses: when
one starts passing, the table says so.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmeta
from newsmeta.recognizers.dates import (
    find_date,
    find_date_at,
    find_time,
    from_timestamp,
    local_zone,
    month_first,
    parse_when,
    plausible_day,
)


def page(head: str = "", body: str = "", *, lang: str = "") -> bytes:
    attr = f' lang="{lang}"' if lang else ""
    return (
        f"<!doctype html><html{attr}><head><meta charset=utf-8>{head}</head>"
        f"<body>{body}</body></html>"
    ).encode()


def day_of(a: newsmeta.Article) -> str | None:
    """The article's day as the bench reads it: ``date``, else ``published``'s."""
    if a.date is not None:
        return a.date.isoformat()
    if a.published is not None:
        return a.published.date().isoformat()
    return None


Case = tuple[str, bytes, str | None]


def _cases(table: dict[str, list[Case]], xfail: frozenset[str] = frozenset()) -> list[object]:
    return [
        pytest.param(
            html,
            want,
            id=f"{group}: {name}",
            marks=[pytest.mark.xfail(strict=True, reason=name)] if name in xfail else [],
        )
        for group, rows in table.items()
        for name, html, want in rows
    ]


# --------------------------------------------------------------------------- markup

#: Date markup under names the meta table did not know, or in shapes it did not read.
MARKUP: dict[str, list[Case]] = {
    "html-dev: trafilatura madame.lefigaro.fr dintestin (Dublin Core in RDFa's colon spelling)": [
        (
            "dc:date.created",
            page(
                '<meta property="dc:date.created" content="2017-04-12T18:33:59+02:00" />'
                '<meta property="dc:date.modified" content="2020-02-19T15:24:33+01:00" />'
            ),
            None,  # created and modified only: no published day (checked below)
        ),
    ],
    "html-dev: trafilatura edition.cnn.com royal (og:pubdate)": [
        (
            "og:pubdate",
            page('<meta content="2021-03-08T11:15:28Z" property="og:pubdate">'),
            "2021-03-08",
        ),
    ],
    "html-dev: trafilatura elespectador.com orion (cXense's publish time)": [
        (
            "cXenseParse:publishtime",
            page(
                '<meta name="cXenseParse:publishtime" content="2022-05-06T02:00:00.824-05:00"/>',
                lang="es",
            ),
            "2022-05-06",
        ),
    ],
    "html-dev: trafilatura zahlenzauberin.wordpress.com ferien (hAtom abbr)": [
        (
            "abbr.published",
            page(
                body='<div class="post-meta"><span>Veröffentlicht:</span> '
                '<abbr class="published" title="2012-08-22T09:43:41+0100">'
                '<a href="/2012/08/22/">22. August 2012</a></abbr></div>',
                lang="de",
            ),
            "2012-08-22",
        ),
    ],
    "fixture: archiv-krimiblog-de-2895 (hAtom title in PHP's d-m-Y)": [
        (
            "abbr dd-mm-yyyyT",
            page(
                body='<div class="postDate"><span>Veröffentlicht am:</span> '
                '<abbr class="published" title="06-08-2009T14:12:32+0200">6. August 2009</abbr>'
                "</div>",
                lang="de-DE",
            ),
            "2009-08-06",
        ),
    ],
    "html-dev: mozilla-readability bug-1255978 (a data-* object of Unix times)": [
        (
            "data-microtimes",
            page(
                body="<h1>The seven secrets hotel owners don't want you to know</h1>"
                '<time data-microtimes="{&quot;published&quot;:&quot;1442501820000&quot;,'
                '&quot;changed&quot;:&quot;1462698711000&quot;}">Thursday 17 September 2015</time>'
            ),
            "2015-09-17",
        ),
    ],
    "written for this issue": [
        (
            "DC.Issued",
            page('<meta name="DC.Issued" content="2019-03-04T05:06:07+01:00">'),
            "2019-03-04",
        ),
        (
            "DCTERMS:issued (colon, upper case)",
            page('<meta name="DCTERMS:issued" content="2019-03-04T05:06:07+01:00">'),
            "2019-03-04",
        ),
        (
            "itemprop=datecreated with datetime=",
            page(
                body='<div itemscope itemtype="https://schema.org/NewsArticle">'
                '<time itemprop="datecreated" datetime="2020-01-02T03:04:05+01:00">2. Jan.</time>'
                '<time itemprop="datepublished" datetime="2020-01-02T09:00:00+01:00">2. Jan.</time>'
                "</div>"
            ),
            "2020-01-02",
        ),
        (
            "data-published-at",
            page(body='<h1>Title</h1><div data-published-at="2021-06-07T08:09:10+02:00">x</div>'),
            "2021-06-07",
        ),
        (
            "data-utime (Unix seconds)",
            page(body='<h1>Post</h1><abbr data-utime="1507287600">Freitag</abbr>'),
            "2017-10-06",
        ),
        (
            "a bare data-timestamp is a live blog's, not the article's",
            page(
                body='<h1>Story</h1><aside><span data-timestamp="1582728797">4:53 pm</span></aside>'
                "<article><p>Seit dem 8. Januar 2020 im Amt.</p></article>",
                lang="de",
            ),
            "2020-01-08",
        ),
    ],
}


@pytest.mark.parametrize(("html", "want"), _cases(MARKUP))
def test_markup_dates(html: bytes, want: str | None) -> None:
    assert day_of(newsmeta.parse(html, format="html")) == want


def test_colon_dublin_core_feeds_created_and_modified() -> None:
    a = newsmeta.parse(MARKUP[next(iter(MARKUP))][0][1], format="html")
    assert a.created == dt.datetime(
        2017, 4, 12, 18, 33, 59, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert a.modified is not None and a.modified.date() == dt.date(2020, 2, 19)
    assert a.provenance["created"].location.path == "meta[property=dc:date.created]"


def test_itemprop_datecreated_is_created() -> None:
    a = newsmeta.parse(MARKUP["written for this issue"][2][1], format="html")
    assert a.created is not None and a.created.isoformat() == "2020-01-02T03:04:05+01:00"
    assert a.published is not None and a.published.hour == 9


# --------------------------------------------------------------------------- visible dates

#: Dates a page shows, with words that say what they are, or in a short form.
VISIBLE: dict[str, list[Case]] = {
    "html-dev: trafilatura resonator-podcast.de res158 (a label beats a dateline)": [
        (
            "Veröffentlicht am",
            page(
                body='<h1>RES158 Sternfusion</h1><div class="entry-meta">'
                '<span class="posted-on">24. August 2019 um 03:36 Uhr</span></div>'
                "<p>Veröffentlicht am 16.08.2019<br/> Dauer: 1 Stunde 4 Minuten</p>",
                lang="de-DE",
            ),
            "2019-08-16",
        ),
    ],
    "html-dev: trafilatura caritas.de Präsidentin (a label in its own element)": [
        (
            "Erschienen am: (no meta date)",
            page(
                body="<h1>Eva Welskop-Deffaa zur neuen Caritas-Präsidentin gewählt</h1>"
                '<span class="eventbox__subheadline">Erschienen am:</span> '
                '<h2 class="eventbox-event__headline">  13.10.2021  </h2>',
                lang="de",
            ),
            "2021-10-13",
        ),
        (
            "Erschienen am: beside <meta name=date>",
            page(
                '<meta name="date" content="2021-10-15">',
                "<h1>Eva Welskop-Deffaa zur neuen Caritas-Präsidentin gewählt</h1>"
                '<span class="eventbox__subheadline">Erschienen am:</span> '
                '<h2 class="eventbox-event__headline">  13.10.2021  </h2>',
                lang="de",
            ),
            "2021-10-13",
        ),
    ],
    "html-dev: trafilatura couchstyle.de vintage (two-digit year)": [
        (
            "uploaded-date 23.09.22",
            page(
                body="<h1>Vintage-Flair mit viel Grün</h1><div class='sub-title'>"
                "<div class='uploaded-date'> 23.09.22 </div><div class='separator'> - </div>"
                "</div>",
                lang="de",
            ),
            "2022-09-23",
        ),
    ],
    "html-dev: trafilatura goodnight.at konzert (a teaser's two-digit year)": [
        (
            "Freizeit, 20.11.22 in popular articles",
            page(
                body='<main><h1>Konzert-Highlights im November 2022</h1><div class="sidebar">'
                '<div class="teaser-box popular-articles"><div class="text">'
                '<div class="info">Freizeit, 20.11.22</div> Kuschelige Lokale</div></div></div>'
                "<article><p>02.11.2022 - Placebo - Stadthalle</p></article></main>",
                lang="de",
            ),
            "2022-11-02",
        ),
    ],
    "html-dev: trafilatura tagesschau.de rheinmetall (Stand: beside a meta date)": [
        (
            "Stand:",
            page(
                '<meta name="date" content="2020-04-29T11:52:23"/>',
                '<h1>Daten von Rheinmetall gehackt</h1><p class="text">'
                '<span class="stand">Stand: 28.04.2020 18:00 Uhr</span></p>',
                lang="de",
            ),
            "2020-04-28",
        ),
    ],
    "html-dev: trafilatura petri-heil.ch hechte (day | month | year)": [
        (
            "26 | 01 | 2022",
            page(
                body='<h1>Bielersee-Winterhechte</h1><div class="subline"><table><tr>'
                '<td>26 | 01 | 2022 </td><td class="categories">Schweiz | Praxis</td>'
                "</tr></table></div>",
                lang="de",
            ),
            "2022-01-26",
        ),
    ],
    "written for this issue": [
        (
            "US order on an en-US page",
            page(body='<h1>T</h1><p class="post-date">01/03/2021</p>', lang="en-US"),
            "2021-01-03",
        ),
        (
            "day first on an en-GB page",
            page(body='<h1>T</h1><p class="post-date">01/03/2021</p>', lang="en-GB"),
            "2021-03-01",
        ),
        (
            "a slashed date only one order makes real",
            page(body='<h1>T</h1><p class="post-date">01/23/2021</p>', lang="de"),
            "2021-01-23",
        ),
        (
            "Posted on, US order",
            page(body="<h1>T</h1><p>Posted on 02/05/2020 by admin</p>", lang="en"),
            "2020-02-05",
        ),
        (
            "Publié le",
            page(body="<h1>T</h1><p>Publié le 12/03/2019 à 10h00</p>", lang="fr"),
            "2019-03-12",
        ),
        (
            "a modified label is not a publication",
            page(
                body='<h1>T</h1><div class="date">Last updated: 01/23/2021</div>'
                "<article><p>Posted on January 5, 2021.</p></article>",
                lang="en-US",
            ),
            "2021-01-05",
        ),
        (
            "a full date is read before a two-digit year",
            page(
                body='<h1>T</h1><div class="meta">Freizeit, 20.11.22</div>'
                '<div class="date">02.11.2022</div>',
                lang="de",
            ),
            "2022-11-02",
        ),
    ],
}

VISIBLE_MISSES = frozenset(
    {
        # A labelled visible date does not outrank a <meta name=date>: markup
        # wins over the page's text, and the meta is right more often.
        "Erschienen am: beside <meta name=date>",
        # "Stand:" says "as of", an update label: the meta date (a day later,
        # no offset) wins.
        "Stand:",
        # Day, month and year between bars is not a date shape newsmeta reads.
        "26 | 01 | 2022",
    }
)


@pytest.mark.parametrize(("html", "want"), _cases(VISIBLE, VISIBLE_MISSES))
def test_visible_dates(html: bytes, want: str | None) -> None:
    assert day_of(newsmeta.parse(html, format="html")) == want


# --------------------------------------------------------------------------- plausibility

#: Dates that are on the page but are not when the article appeared.
IMPLAUSIBLE: dict[str, list[Case]] = {
    "html-dev: trafilatura baike.baidu.com tanya (a birth date in a fact box)": [
        (
            "1975年1月28日",
            page(
                body='<dl class="basicInfo-block"><dt>出生日期</dt>'
                '<dd class="basicInfo-item value">1975年1月28日（农历1974年腊月十七）</dd></dl>'
                '<span class="j-modified-time">（2020-02-14）</span>',
                lang="zh",
            ),
            "2020-02-14",
        ),
    ],
    "html-dev: trafilatura falstaff.de burgenland (the article's own 'sidebar' column)": [
        (
            "time in the article's header column",
            page(
                body='<main class="site-main"><article class="post">'
                '<div class="sidebar js-copypaste"><div class="sidebar__item">'
                '<p class="time"><time datetime="2022-01-28">28.01.2022</time></p></div></div>'
                "<p>Text.</p></article></main>"
            ),
            "2022-01-28",
        ),
    ],
    "written for this issue": [
        (
            "a birth date in the text",
            page(
                body="<article><p>Die Sängerin (geboren am 12. Mai 1990) trat auf. "
                "Das Konzert war am 3. Mai 2021.</p></article>",
                lang="de",
            ),
            "2021-05-03",
        ),
        (
            "a date in the future",
            page(
                body="<article><p>Der Vertrag läuft bis 3. Mai 2999.</p>"
                "<p>Unterschrieben am 4. Mai 2021.</p></article>",
                lang="de",
            ),
            "2021-05-04",
        ),
        (
            "a sidebar's <time> outside the article",
            page(
                body='<div class="sidebar"><time datetime="2019-01-01T10:00:00Z">1 Jan</time></div>'
                '<article><p>Text.</p><time datetime="2021-06-01T10:00:00Z">1 June</time></article>'
            ),
            "2021-06-01",
        ),
    ],
}


@pytest.mark.parametrize(("html", "want"), _cases(IMPLAUSIBLE))
def test_implausible_dates_are_passed_over(html: bytes, want: str | None) -> None:
    assert day_of(newsmeta.parse(html, format="html")) == want


def test_a_comments_time_is_not_a_published_candidate() -> None:
    """fixture helge-at-mahu: the page's only unmarked ``<time>`` is a comment's."""
    html = page(
        body='<div class="comments"><article class="comment-body"><footer class="comment-meta">'
        '<a><time datetime="2014-09-21T14:58:59+02:00">21. September 2014</time></a>'
        "</footer></article></div>"
    )
    a = newsmeta.parse(html, format="html")
    assert a.published is None
    assert "time[0]" not in {c.location.path for c in a.provenance.values()}


# --------------------------------------------------------------------------- local day

#: A published time written in UTC whose local day differs: the page's own
#: offset is kept (same instant), so the day is the publisher's.
LOCAL: dict[str, list[Case]] = {
    "html-dev: trafilatura kas.de nordmazedonien (a day stored as local midnight)": [
        (
            "23:00Z on a German page",
            page(
                '<meta property="og:locale" content="de" />'
                '<meta property="article:published_time" content="2021-11-04T23:00Z" />'
            ),
            "2021-11-05",
        ),
    ],
    "html-dev: trafilatura beige.de suedfrankreich (midnight in summer time's absence)": [
        (
            "23:00:00.000Z, html lang=de",
            page(
                '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">',
                lang="de",
            ),
            "2022-11-07",
        ),
    ],
    "html-dev: trafilatura lanacion.com.ar jugada (the page shows the local time)": [
        (
            "3 de mayo de 2022 21:25",
            page(
                '<script type="application/ld+json">{"@type":"NewsArticle",'
                '"datePublished":"Wed, 04 May 2022 00:25:56 GMT"}</script>',
                '<h1>Jugada del oficialismo</h1><span class="mod-date">'
                '<time class="com-date --twoxs" dateTime="3 de mayo de 2022">3 de mayo de 2022</time>'
                '<time class="com-hour --twoxs">21:25</time></span>',
                lang="es",
            ),
            "2022-05-03",
        ),
    ],
    "html-dev: trafilatura eldeber.com.bo autos (a short day and a clock)": [
        (
            "3/5/2022 22:41",
            page(
                '<script type="application/ld+json">{"@type":"NewsArticle",'
                '"datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script>',
                "<h1>Investigador chileno</h1><h6><span>3/5/2022 22:41  </span></h6>",
                lang="es",
            ),
            "2022-05-03",
        ),
    ],
    "written for this issue": [
        (
            "an English page keeps UTC (English spans many clocks)",
            page(
                '<meta property="article:published_time" content="2021-11-04T23:00:00Z">',
                lang="en",
            ),
            "2021-11-04",
        ),
        (
            "not midnight: UTC kept",
            page(
                '<meta property="article:published_time" content="2021-11-04T23:17:00Z">',
                lang="de",
            ),
            "2021-11-04",
        ),
        (
            "pt-BR midnight",
            page(
                '<meta property="article:published_time" content="2022-05-04T03:00:00Z">',
                lang="pt-BR",
            ),
            "2022-05-04",
        ),
    ],
}


@pytest.mark.parametrize(("html", "want"), _cases(LOCAL))
def test_local_day(html: bytes, want: str | None) -> None:
    assert day_of(newsmeta.parse(html, format="html")) == want


def test_the_local_offset_keeps_the_instant_and_says_why() -> None:
    a = newsmeta.parse(LOCAL[next(iter(LOCAL))][0][1], format="html")
    assert a.published is not None
    assert a.published.isoformat() == "2021-11-05T00:00:00+01:00"
    assert a.published == dt.datetime(2021, 11, 4, 23, 0, tzinfo=dt.timezone.utc)
    notes = [i.message for i in a.issues if i.code == "offset-inferred"]
    assert notes and "midnight" in notes[0] and "Europe/Berlin" in notes[0]
    assert a.provenance["published"].raw == "2021-11-04T23:00Z"


def test_the_shown_clock_gives_the_offset() -> None:
    lanacion = LOCAL["html-dev: trafilatura lanacion.com.ar jugada (the page shows the local time)"]
    a = newsmeta.parse(lanacion[0][1], format="html")
    assert a.published is not None and a.published.isoformat() == "2022-05-03T21:25:56-03:00"
    assert any(i.code == "offset-inferred" and "21:25" in i.message for i in a.issues)


# --------------------------------------------------------------------------- recognisers


@pytest.mark.parametrize(
    ("text", "kwargs", "want"),
    [
        ("23.09.22", {"short_years": True}, dt.date(2022, 9, 23)),
        ("23.09.22", {}, None),
        ("Version 1.2.34", {"short_years": True}, None),
        ("01/03/2021", {"month_first": True}, dt.date(2021, 1, 3)),
        ("13/03/2021", {"month_first": True}, dt.date(2021, 3, 13)),
        ("8.5.12", {"short_years": True}, dt.date(2012, 5, 8)),
    ],
    ids=repr,
)
def test_find_date_options(text: str, kwargs: dict[str, bool], want: dt.date | None) -> None:
    assert find_date(text, **kwargs) == want


@pytest.mark.parametrize(
    ("language", "first", "zone"),
    [
        ("en-US", True, None),
        ("en", True, None),
        ("en-GB", False, "Europe/London"),
        ("de", False, "Europe/Berlin"),
        ("pt_BR", False, "America/Sao_Paulo"),
        ("es", False, None),
        ("es-AR", False, "America/Argentina/Buenos_Aires"),
        (None, False, None),
    ],
)
def test_language_order_and_zone(language: str | None, first: bool, zone: str | None) -> None:
    assert month_first(language) is first
    got = local_zone(language)
    assert (str(got) if got is not None else None) == zone


def test_timestamps_and_clocks() -> None:
    stamp = from_timestamp("1507287600")
    assert stamp is not None and stamp.value == dt.datetime(2017, 10, 6, 11, tzinfo=dt.timezone.utc)
    assert from_timestamp("99") is None and from_timestamp("abc1234567") is None
    assert find_time("11:15 PM") == dt.time(23, 15) and find_time("12:05 am") == dt.time(0, 5)
    assert find_time("10:61") is None and find_time("25:00") is None
    assert not plausible_day(dt.date.today() + dt.timedelta(days=3))


@given(st.text(max_size=300), st.booleans(), st.booleans())
def test_find_date_never_crashes(text: str, first: bool, short: bool) -> None:
    found = find_date_at(text, month_first=first, short_years=short)
    if found is not None:
        day, at = found
        assert 0 <= at < max(len(text), 1)
        if short:
            assert plausible_day(day) or day.year >= 1900


@given(st.text(max_size=80))
def test_readers_never_crash(text: str) -> None:
    find_time(text)
    from_timestamp(text)
    parse_when(text)
    month_first(text)
    local_zone(text)


@given(st.from_regex(r"\d{2}-\d{2}-\d{4}T\d{2}:\d{2}:\d{2}[+-]\d{4}", fullmatch=True))
def test_reversed_iso_is_a_real_datetime_or_nothing(text: str) -> None:
    got = parse_when(text)
    assert got is None or hasattr(got, "value") or isinstance(got, dt.date)
