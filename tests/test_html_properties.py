"""Properties of the HTML adapter (hypothesis).

1. Any text or bytes, read as HTML, yields a record or raises NewsmetaError.
2. ``parse(render(article))`` recovers the article for pages generated with
   JSON-LD, OpenGraph or both.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html as html_lib
import json

from hypothesis import example, given
from hypothesis import strategies as st

import newsmeta

# --------------------------------------------------------------------------- never anything else

_FRAGMENTS = st.sampled_from(
    [
        "<html>",
        "</html>",
        "<head>",
        "<body>",
        "<meta ",
        "property=",
        "name=",
        "content=",
        '"og:title"',
        '"og:image"',
        '"article:published_time"',
        "<script type=application/ld+json>",
        "</script>",
        '{"@type": "NewsArticle", "headline": ',
        '"@graph": [',
        "]",
        "}",
        "{",
        "<time datetime=",
        "<a rel=author>",
        "<a rel=tag>",
        "<base href=",
        "<link rel=canonical href=",
        "itemscope ",
        "itemprop=",
        "itemtype=https://schema.org/Article ",
        "<h1>",
        "<title>",
        "2020-02-30T25:61:00+99:00",
        "http://",
        "//",
        "&amp;",
        "&#0;",
        "\x00",
        "\ufeff",
        ">",
        "<",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<meta charset=koi8-r>",
        "<meta charset=nonsense>",
    ]
)
_HTMLISH = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join)


@given(st.one_of(st.text(), _HTMLISH))
def test_any_text_yields_a_record_or_a_newsmeta_error(text: str) -> None:
    try:
        a = newsmeta.parse(text, format="html", url="https://example.com/a/")
    except newsmeta.NewsmetaError:
        return
    assert isinstance(a, newsmeta.Article)
    assert newsmeta.Article.from_json(a.to_json()) == a


@given(st.one_of(st.binary(), _HTMLISH.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_yield_a_record_or_a_newsmeta_error(data: bytes) -> None:
    with contextlib.suppress(newsmeta.NewsmetaError):
        newsmeta.parse(data, format="html", content_type="text/html; charset=windows-1251")


@given(_HTMLISH)
def test_detection_never_fails_unexpectedly(text: str) -> None:
    with contextlib.suppress(newsmeta.NewsmetaError):
        newsmeta.parse("<html>" + text)


# --------------------------------------------------------------------------- round trip

_NOT_WORDS = {
    "by",
    "von",
    "vom",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "and",
    "und",
    "et",
    "y",
    "author",
    "autor",
    "staff",
    "writer",
    "editor",
    "desk",
    "senior",
    "chief",
    "name",
    "says",
    "sagt",
    "follow",
    "posted",
    "on",
    "am",
    "share",
    "shares",
    "reply",
    "admin",
    "no",
    "the",
}
_WORD = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True).filter(
    lambda w: w.lower() not in _NOT_WORDS
)
_NAME = st.tuples(_WORD, _WORD).map(" ".join)
_TITLE = st.lists(st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), min_size=1, max_size=8).map(
    " ".join
)
_TAG = st.from_regex(r"[a-z]{2,12}", fullmatch=True)
_OFFSET = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda q: dt.timezone(dt.timedelta(minutes=15 * q))
)
_WHEN = st.builds(
    lambda d, tz: d.replace(tzinfo=tz, microsecond=0),
    st.datetimes(min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2099, 12, 31)),
    _OFFSET,
)
_IMAGE = st.from_regex(r"[a-z0-9]{1,12}(/[a-z0-9]{1,8}){0,2}", fullmatch=True).map(
    lambda p: f"https://img.example.net/{p}.jpg"
)
_LANG = st.sampled_from(["en", "de", "fr", "pt-BR", "ru", "es-MX", "zh-Hant", "uk"])


@st.composite
def articles(draw: st.DrawFn) -> newsmeta.Article:
    published = draw(_WHEN)
    modified = draw(st.none() | _WHEN.filter(lambda m: m != published))
    tags = draw(st.lists(_TAG, max_size=5, unique_by=str.casefold))
    return newsmeta.Article(
        url="https://news.example.com/story/"
        + draw(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)),
        title=draw(_TITLE),
        description=draw(st.none() | _TITLE),
        published=published,
        modified=modified,
        tags=tuple(tags),
        og_image=draw(st.none() | _IMAGE),
        authors=tuple(
            newsmeta.Person(name=n)
            for n in draw(st.lists(_NAME, max_size=3, unique_by=str.casefold))
        ),
        language=draw(_LANG),
    )


def render(a: newsmeta.Article, style: str) -> str:
    """A page stating the article in JSON-LD, OpenGraph, or both."""
    head = [f'<link rel="canonical" href="{a.url}">']
    if style in ("jsonld", "both"):
        obj: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": a.published.isoformat() if a.published else None,
            "author": [{"@type": "Person", "name": p.name} for p in a.authors],
            "keywords": ", ".join(a.tags),
            "inLanguage": a.language,
        }
        if a.description:
            obj["description"] = a.description
        if a.modified:
            obj["dateModified"] = a.modified.isoformat()
        if a.og_image:
            obj["image"] = {"@type": "ImageObject", "url": a.og_image}
        head.append(
            '<script type="application/ld+json">'
            + json.dumps({"@graph": [obj]}).replace("</", "<\\/")
            + "</script>"
        )
    if style in ("og", "both"):

        def meta(prop: str, value: str) -> str:
            return f'<meta property="{prop}" content="{html_lib.escape(value)}">'

        head.append(meta("og:title", a.title or ""))
        if a.description:
            head.append(meta("og:description", a.description))
        if a.og_image:
            head.append(meta("og:image", a.og_image))
        if a.published:
            head.append(meta("article:published_time", a.published.isoformat()))
        if a.modified:
            head.append(meta("article:modified_time", a.modified.isoformat()))
        head.extend(meta("article:tag", t) for t in a.tags)
        head.extend(meta("article:author", p.name) for p in a.authors)
        head.append(meta("og:locale", (a.language or "").replace("-", "_")))
    return f"<!doctype html><html><head>{''.join(head)}</head><body><p>Text.</p></body></html>"


@given(articles(), st.sampled_from(["jsonld", "og", "both"]), st.booleans())
def test_parse_of_render_recovers_the_article(
    a: newsmeta.Article, style: str, as_bytes: bool
) -> None:
    text = render(a, style)
    got = newsmeta.parse(text.encode() if as_bytes else text)
    fields = (
        "url",
        "title",
        "description",
        "published",
        "modified",
        "tags",
        "og_image",
        "authors",
        "language",
    )
    assert {f: getattr(got, f) for f in fields} == {f: getattr(a, f) for f in fields}
    assert got.published is not None and got.published.utcoffset() == a.published.utcoffset()  # type: ignore[union-attr]
    assert not [i for i in got.issues if i.code == "conflicting-values"]


@given(_HTMLISH)
def test_parse_selector_agrees_with_parse(text: str) -> None:
    """A crawler's Selector and the page's text give the same record."""
    import parsel

    page = "<html><head>" + text
    try:
        want = newsmeta.parse(page, format="html", url="https://example.com/a/")
    except newsmeta.NewsmetaError:
        return
    got = newsmeta.parse_selector(parsel.Selector(text=page), url="https://example.com/a/")
    assert got == want


# --------------------------------------------------------------------------- fast paths agree


_SCRIPT_BITS = st.sampled_from(
    [
        '"',
        "'",
        ":",
        " ",
        ",",
        "{",
        "}",
        "2020-01-02",
        "2021-03-04T05:06:07Z",
        "datePublished",
        "published_at",
        "publishedAt",
        "publish_date",
        "publishDate",
        "pub_date",
        "pubDate",
        "firstPublished",
        "date_published",
        "dateCreated",
        "created_at",
        "creationDate",
        "ub",
        "reat",
        "P",
        "p",
        "c",
        "x",
    ]
)


@given(st.lists(_SCRIPT_BITS, max_size=40).map("".join))
@example('x "pubDate": "2020-01-02" "datePublished":"2021-03-04T05:06:07Z"')
@example("'firstPublished' : '2020-01-02''date_published':'2020-01-02'")
@example('"publishedAt":"2020-01-02" "dateCreated": "2021-03-04T05:06:07Z"')
@example('"creationDate":"2020-01-02","created_at":"2020-01-02"')
@example('"datePublished":"bad" "published_at":"2020-01-02"')
def test_keyed_script_date_search_is_the_plain_search(text: str) -> None:
    """The literal-led search finds exactly what the regex's own search finds."""
    from newsmeta.adapters import html as h

    data = text.encode()
    for key, starts, pattern in (
        (h._SCRIPT_DATE_KEY, h._SCRIPT_DATE_STARTS, h._SCRIPT_DATE),
        (h._SCRIPT_CREATED_KEY, h._SCRIPT_CREATED_STARTS, h._SCRIPT_CREATED),
    ):
        fast = h._keyed_search(data, key, starts, pattern)
        plain = pattern.search(data)
        assert (fast and fast.span()) == (plain and plain.span())


_BYTE_BITS = st.sampled_from(
    [
        b"<html><head>",
        b'<meta charset="utf-8">',
        b"<meta charset=windows-1251>",
        b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
        b"<meta charset=nonsense>",
        b"<meta charset=utf-16>",
        b"<title>",
        b"</title>",
        b'<meta property="og:title" content="',
        b'">',
        b"<body><p>",
        b"</x>",
        b"<!-- ",
        b" -->",
        b"caf\xc3\xa9 ",
        "Привет".encode("cp1251"),
        "Привет".encode(),
        b"\xe9",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"\xed\xa0\x80",
        b"\xc0\xaf",
        b"\x00",
        b"x" * 50,
    ]
)


@given(
    st.one_of(st.binary(), st.lists(_BYTE_BITS, max_size=30).map(b"".join)),
    st.sampled_from([None, "text/html; charset=utf-8", "text/html; charset=windows-1251"]),
)
@example(b"<title>caf\xe9</title>" + b"</x>" * 200, None)  # the error log is cut at 100
@example(b"<p>" + "Привет".encode() + b"</p>", "text/html; charset=windows-1251")
def test_bytes_read_by_libxml2_as_utf8_give_the_python_decoding_record(
    data: bytes, content_type: str | None
) -> None:
    """Bytes handed to libxml2 as UTF-8 (checked by its error log) give the
    record that decoding them in Python first gives."""
    from newsmeta.adapters import html as h

    def parse() -> object:
        try:
            return h.parse(data, content_type=content_type)
        except newsmeta.NewsmetaError as exc:
            return repr(exc)

    fast = parse()
    plan = h.utf8_plan
    h.utf8_plan = lambda data, content_type=None: None  # type: ignore[assignment]
    try:
        slow = parse()
    finally:
        h.utf8_plan = plan
    assert fast == slow


_TREE_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<nav>",
        "</nav>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!-- c -->",
        "<?pi x?>",
        "<br>",
        "<b>",
        "</b>",
        "<article>",
        "</article>",
        "text ",
        "5. Mai 2020 ",
        "&amp;",
        "<![CDATA[x]]>",
        "<textarea>",
        "</textarea>",
    ]
)


@given(st.lists(_TREE_BITS, max_size=40).map("".join))
@example("<nav><article><p>in a nav</p></article></nav>")
@example("<p>a<!-- c -->b<script>s</script>t<nav>n<b>x</b>y</nav>z</p>end")
def test_text_nodes_walk_is_the_xpath(body: str) -> None:
    """The lazy walk yields exactly the prose text nodes (XPath's ``descendant::text()
    [not(ancestor::script) and not(ancestor::style) and not(ancestor::nav)]``),
    found here the slow way over Lexbor's tree, for any scope."""
    from newsmeta.adapters import html as h
    from newsmeta.adapters._html import dom

    def prose(scope: dom.Node) -> list[str]:
        return [
            t.text_content or ""
            for t in scope.traverse(include_text=True)
            if t.tag == dom.TEXT
            and t.text_content
            and not any(a.tag in ("script", "style", "nav") for a in dom.ancestors(t))
        ]

    root = dom.parse(f"<html><body>{body}</body></html>").root
    assert root is not None
    for scope in dom.elements(root):
        assert list(h._text_nodes(scope)) == prose(scope)


@given(st.lists(_TREE_BITS, max_size=40).map("".join), st.integers(0, 60))
def test_bounded_element_texts_are_the_texts_or_none(body: str, limit: int) -> None:
    """The early-exit text readers give the full reading when it fits, else None."""
    from newsmeta.adapters import html as h
    from newsmeta.adapters._html import dom

    root = dom.parse(f"<html><body>{body}</body></html>").root
    assert root is not None
    for el in dom.elements(root):
        text = h._el_text(el)
        assert h._el_text_upto(el, limit) == (text if len(text) <= limit else None)


@given(
    st.lists(
        st.sampled_from(["author", "byline", "date", "datum", "time", "zeit", "fecha"])
        | st.sampled_from(["publish", "posted", "meta", "info", "-", " ", "x", "aut", "da", "t"]),
        max_size=8,
    ).map("".join)
)
def test_mark_tests_are_the_word_lists(marks: str) -> None:
    """The written-out class/id test says exactly: one of the listed words is in it."""
    from newsmeta.adapters import html as h

    assert h._dateline_marks(marks) == any(w in marks for w in h.DATELINE_WORDS)


@given(
    st.text(
        alphabet=st.characters(max_codepoint=0x3100) | st.sampled_from(" \t\n\x1c\x85\xa0\u2028&")
    )
)
def test_clean_text_collapses_space_as_the_regex_did(text: str) -> None:
    """``str.split`` and ``\\s`` agree on what white space is (the entity step aside)."""
    import re

    from newsmeta.adapters._html.page import clean_text

    if "&" not in text:
        assert clean_text(text) == re.sub(r"\s+", " ", text).strip()
