"""HTML pages: the same :class:`~newsmeta.records.Article` from the page itself.

Strategy: one parse with selectolax's Lexbor engine (an HTML5 parser, several
times faster than libxml2; ``_html/dom.py``) and one walk that sorts every
meta-like element by kind, in document order. Each syntax has its
own module under ``_html`` (JSON-LD, microdata, meta tags), all writing
candidates to one :class:`~newsmeta.adapters._html.page.Page` sink that
normalises values the same way for every source. Precedence is a rank per
source family (``_html/names.py``, documented in ``docs/html.md``); the
shared resolver picks each field and turns disagreements between sources
into issues. Fallbacks (``<title>``, ``<time>``, dates in the URL) count only
when no stronger source gave the field a value, so they add no noise.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import threading
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any, AnyStr

import attrs
from lxml import etree

from newsmeta._decode import as_text, bom_of, check_size
from newsmeta._kit import Candidate, Extraction
from newsmeta._kit.titles import TITLE_SEPARATORS, corroborates, fold_title, headline_like
from newsmeta.adapters._html import bylines, dom, jsonld, meta, schema
from newsmeta.adapters._html import fill as _fill
from newsmeta.adapters._html import microdata as _microdata
from newsmeta.adapters._html.dom import Node, Tree
from newsmeta.adapters._html.encoding import decode, utf8_plan
from newsmeta.adapters._html.names import HANDLE_AUTHOR, RANK, WEAK
from newsmeta.adapters._html.page import Page, clean_text, to_int
from newsmeta.errors import FormatError, InputError, check_argument, url_argument
from newsmeta.recognizers.dates import (
    BIRTH_LABEL,
    PUBLISHED_LABEL,
    find_date,
    find_date_at,
    find_time,
    from_timestamp,
    local_zone,
    month_first,
    parse_when,
    plausible_day,
)
from newsmeta.recognizers.shapes import has_letters
from newsmeta.recognizers.urls import date_from_url, join
from newsmeta.records import Article, Person
from newsmeta.resolve import resolve, same_key
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = [
    "NAME",
    "extract",
    "extract_root",
    "extract_tree",
    "fill_placeholders",
    "looks_like",
    "looks_like_bytes",
    "parse",
    "parse_selector",
]

NAME = "html"

#: How much of the input format detection looks at.
SNIFF = 4096

_TAG = re.compile(
    r"""
    <(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|article|main|header|section|span|a
      |br|b|i|em|strong|font|center|table|tr|td|ul|ol|li|img|form|iframe|noscript|nav|footer|h[1-6])
    [\s>/]                          # the tag name ends (a page may open with a server's
                                    # warnings, <br /><b>Deprecated</b>..., before <html>)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def looks_like(text: str) -> bool:
    """Does ``text`` start like an HTML document or fragment?"""
    head = text[:SNIFF].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    return _TAG.search(head) is not None


def looks_like_bytes(data: bytes) -> bool:
    """:func:`looks_like` for bytes, without decoding the whole input."""
    mark = bom_of(data)
    if mark is not None and mark[1] != "utf-8":
        bom, codec = mark
        width = 4 if codec.startswith("utf-32") else 2
        return looks_like(data[len(bom) : len(bom) + SNIFF * width].decode(codec, "replace"))
    return looks_like(data[: SNIFF * 2].removeprefix(codecs.BOM_UTF8).decode("latin-1"))


def _parse(text: str, utf8: bytes | None = None) -> etree._Element:
    """Parse as parsel does (``Selector(text=...)``), so both paths agree.

    The same libxml2 parser settings build the same tree; the plain
    ``etree.HTMLParser`` skips lxml.html's per-element class lookup in Python.
    This tree is for evaluating XPath (placeholders), so ``id()`` works on it.
    """
    return _parse_logged(text, utf8, ids=True)[0]


def _parse_logged(
    text: str, utf8: bytes | None = None, *, ids: bool = False
) -> tuple[etree._Element, list[str]]:
    """:func:`_parse`, and why libxml2 stopped early if it did (a resource limit:
    nesting deeper than 256 elements, say), so the cut is reported, not silent."""
    if utf8 is not None and b"\x00" not in utf8:
        body = utf8.strip() or b"<html/>"
    else:
        body = text.strip().replace("\x00", "").encode("utf-8", "replace") or b"<html/>"
    root, cut, _bad = _parse_bytes(body, ids=ids)
    return root, cut


#: Fewer errors than this in libxml2's log means it reported them all (it
#: stops at 100), so a log without an encoding error proves the bytes UTF-8.
COMPLETE_ERROR_LOG = 50


_PARSERS = threading.local()


def _parser(ids: bool) -> etree.HTMLParser:
    """The HTML parser for ``ids`` (see :func:`_parse_bytes`), made once per thread
    and reused (making one costs about 1% of a page's parse). Not shared between
    threads: a parser's error log is its last run's, and the log is read after it."""
    parsers: dict[bool, etree.HTMLParser] = _PARSERS.__dict__.setdefault("by_ids", {})
    parser = parsers.get(ids)
    if parser is None:
        parser = parsers[ids] = etree.HTMLParser(recover=True, encoding="utf-8", collect_ids=ids)
    return parser


def _parse_bytes(
    body: bytes, *, ids: bool = False
) -> tuple[etree._Element, list[str], bool | None]:
    """Parse UTF-8 bytes: the root, why libxml2 stopped early if it did, and
    whether the bytes were not valid UTF-8 (``None``: the log cannot tell).

    ``ids``: build libxml2's table of ``id`` attributes (for XPath ``id()``).
    The readers never use it; without it the parse is about 6% cheaper and
    the log has no "ID already defined" entries. The tree is the same.
    """
    parser = _parser(ids)
    try:
        root = etree.fromstring(body, parser=parser)
        log = parser.error_log
        cut = [
            f"line {e.line}: {e.message}"
            for e in log
            if e.type_name == "ERR_RESOURCE_LIMIT" or e.level_name == "FATAL"
        ]
        bad = any(e.type_name == "ERR_INVALID_ENCODING" for e in log)
        if root is None:
            root = etree.fromstring(b"<html/>", parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from None
    return root, cut, True if bad else (None if cut or len(log) >= COMPLETE_ERROR_LOG else False)


def extract(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Extraction:
    """Candidates from an HTML page (the first half of :func:`parse`).

    ``url`` is where the page was fetched: relative links resolve against it
    (or the page's ``<base href>``). ``content_type`` is the HTTP header, used
    for bytes the page itself does not declare an encoding for.
    """
    ex = Extraction(adapter=NAME, input=input_name)
    if isinstance(data, str):
        text, notes = as_text(data, limits)  # the size check; lone surrogates replaced
        for note in notes:
            ex.issue("lossy-decoding", note)
        return extract_tree(_tree(ex, text), url=url, ex=ex, probe=text)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"expected str or bytes, got {type(data).__name__}")
    raw = bytes(data)
    check_size(raw, limits)
    # Bytes that will be read as UTF-8 if they are UTF-8 (declared so, or not
    # declared at all) go to Lexbor as they are, once checked (ASCII, the
    # commonest case, in one C-level test). Only when not is the page decoded
    # in Python first.
    plan = utf8_plan(raw, content_type=content_type) if b"\x00" not in raw else None
    if plan is not None and _is_utf8(raw):
        if plan[1]:
            ex.issue("encoding-mismatch", "; ".join(plan[1]))
        return extract_tree(_tree(ex, raw), url=url, ex=ex, probe=raw)
    decoded = decode(raw, content_type=content_type)
    if decoded.notes:
        ex.issue(
            "lossy-decoding" if decoded.lossy else "encoding-mismatch",
            "; ".join(decoded.notes),
        )
    text = decoded.text
    if decoded.encoding == "utf-8" and decoded.source != "bom":
        # The bytes are UTF-8 after all (with a NUL, or a stray byte replaced):
        # the probes search the undecoded bytes, as on the path above.
        return extract_tree(_tree(ex, text), url=url, ex=ex, probe=raw)
    return extract_tree(_tree(ex, text), url=url, ex=ex, probe=text)


def _is_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _tree(ex: Extraction, data: str | bytes) -> Tree:
    """Lexbor's tree of the page, cut where it nests deeper than
    :data:`~newsmeta.adapters._html.dom.MAX_DEPTH` (reported, not silent)."""
    if isinstance(data, str):
        data, line = dom.cut_deep(data)
    else:
        data, line = dom.cut_deep(data)
    if line is not None:
        ex.issue(
            "markup-cut",
            f"the nesting depth passes {dom.MAX_DEPTH} elements at line {line};"
            " what follows is not read",
        )
    return dom.parse(data)


def _probe_has(probe: str | bytes, text: re.Pattern[str], raw: re.Pattern[bytes]) -> bool:
    """Does the page's text, or its undecoded bytes, hold ``text``'s (``raw``'s) pattern?"""
    if isinstance(probe, bytes):
        return raw.search(probe) is not None
    return text.search(probe) is not None


def extract_root(
    root: etree._Element,
    *,
    url: str | None = None,
    input_name: str | None = None,
) -> Extraction:
    """Candidates from a document lxml has parsed (a ``parsel.Selector``'s ``root``).

    The tree is serialised and read again with Lexbor, which costs less than
    walking lxml's tree (``docs/performance.md``); :func:`parse_selector`
    reads the selector's own text when it has it.
    """
    ex = Extraction(adapter=NAME, input=input_name)
    text = etree.tostring(root, method="html", encoding="unicode", with_tail=False)
    return extract_tree(_tree(ex, text), url=url, ex=ex, probe=text)


def extract_tree(
    tree: Tree,
    *,
    url: str | None = None,
    input_name: str | None = None,
    ex: Extraction | None = None,
    probe: str | bytes | None = None,
) -> Extraction:
    """Candidates from a page Lexbor has parsed.

    ``probe`` is the page's text or bytes when the caller has them: cheap
    string tests then skip readers the page gives nothing to.
    """
    if ex is None:
        ex = Extraction(adapter=NAME, input=input_name)
    page = Page(ex=ex, base=url)
    root = tree.root
    if root is None:  # (Lexbor always builds <html>; a guard for the type checker)
        raise InputError("HTML could not be parsed")
    found = meta.collect(page, root)
    if found.base:
        page.base = join(url, found.base) if url else found.base
    html_attrs = root.attributes
    lang = html_attrs.get("lang") or html_attrs.get("xml:lang")
    page_language = lang or _meta_language(found)
    page.month_first = month_first(page_language)

    objects: list[tuple[schema.SchemaObject, str, bool]] = []
    salvaged: list[tuple[schema.SchemaObject, str, bool]] = []
    for n, el in enumerate(found.scripts):
        path = f"jsonld[{n}]"
        value, note, lost = jsonld.load(dom.text(el))
        if value is None:
            ex.issue("bad-embedded-json", f"{path}: {note}; the script was skipped", path=path)
            continue
        if lost:
            # Salvaged: the members that could be read are used; the others are kept.
            where = ", ".join(w or "(after the value)" for w, _raw in lost[:5])
            ex.issue(
                "embedded-json-salvaged",
                f"{path}: {note} ({where}); the rest of the script was read,"
                " what could not be is kept in unrecognised",
                path=path,
            )
            for w, raw in lost:
                ex.keep(raw, path=f"{path}.{w}" if w else path)
            salvaged.extend(schema.collect(value, path))  # after the whole scripts' objects
            continue
        if note:
            ex.issue("embedded-json-repaired", f"{path}: {note}", path=path)
        objects.extend(schema.collect(value, path))
    objects.extend(salvaged)
    if objects:
        schema.map_objects(page, "jsonld", objects)

    if found.microdata:
        top, orphans = _microdata.items(found.microdata)
        md: list[tuple[schema.SchemaObject, str, bool]] = []
        for i, item in enumerate(top):
            md.extend(schema.collect(item, f"microdata[{i}]"))
        if md:
            schema.map_objects(page, "microdata", md)
        if orphans:
            orphans.setdefault("@type", "WebPage")
            schema.map_objects(page, "microdata", [(orphans, schema.ORPHAN_PATH, True)])

    meta.emit(page, found)
    bylines.rel_authors(page, found.anchors)
    _fallbacks(page, tree, found.main, probe)
    schema.set_aside_fallbacks(page)
    if lang:
        page.language(lang, "html[lang]", RANK["html-lang"])
    if url:
        page.url("url", url, "url=", RANK["page-url"])
    _url_date(page)
    _headline_segments(page)
    _backed_title(page)
    _local_offsets(ex, page, probe, page_language)
    _prune(ex)
    _author_link(page)
    return ex


#: Meta keys that say the page's language, in the order they are trusted.
_LANGUAGE_KEYS = (
    "og:locale",
    "content-language",
    "http-equiv:content-language",
    "language",
    "dc.language",
)


def _meta_language(found: meta.Collected) -> str | None:
    """The page's language as its meta tags say, when ``<html lang>`` does not."""
    said = {k: v for k, v, _path in found.metas if k in _LANGUAGE_KEYS and v.strip()}
    return next((said[k].split(",")[0].strip() for k in _LANGUAGE_KEYS if k in said), None)


#: Words in a class or id (lower-cased) that mark a dateline: the date itself
#: (date, datum, time, zeit, fecha), the line that says when (publish,
#: posted, byline), the line under a headline ("entry-meta", "post-info").
DATELINE_WORDS = (
    "date",
    "datum",
    "time",
    "zeit",
    "fecha",
    "publish",
    "posted",
    "byline",
    "meta",
    "info",
)


# The test below runs once per element with a class or id; written out, the
# `in` tests cost half of a regex search.
def _dateline_marks(marks: str) -> bool:
    """Does a lower-cased class/id hold one of :data:`DATELINE_WORDS`?"""
    return (
        "date" in marks
        or "time" in marks
        or "meta" in marks
        or "info" in marks
        or "publish" in marks
        or "posted" in marks
        or "byline" in marks
        or "zeit" in marks
        or "fecha" in marks
        or "datum" in marks
    )


def _marked(scope: Node, marked: Callable[[str], bool]) -> Iterator[Node]:
    """Elements whose class or id matches, in document order, found lazily:
    the walk stops as soon as the caller has what it wants."""
    for el in scope.traverse():
        marks = dom.marks(el.attributes)
        if marks and marked(marks.lower()):
            yield el


#: Elements whose text is not the article's: the date search skips what they hold.
_NOT_PROSE = frozenset({"script", "style", "nav"})


def _text_nodes(scope: Node) -> Iterator[str]:
    """The text nodes under ``scope`` in document order, but for those inside
    a script, a style or a navigation, found lazily: the search stops early,
    and the skipped subtrees are not walked at all."""
    if scope.tag in _NOT_PROSE or any(a.tag in _NOT_PROSE for a in dom.ancestors(scope)):
        return
    yield from dom.text_nodes(scope, _NOT_PROSE)


#: How much of the article's text the last-resort date search reads.
MAX_TEXT_SEARCH = 20000
#: Most byline or dateline elements read; the first ones are the article's.
MAX_LINES = 12
#: Longest byline or dateline text read.
MAX_LINE_TEXT = 200


def _mentions_author(probe: str | bytes | None) -> bool:
    """Could the page have a byline class or an author link at all?"""
    if probe is None:
        return True
    # "uthor": author and Author in one scan of the page.
    if isinstance(probe, bytes):
        return b"uthor" in probe or b"byline" in probe
    return "uthor" in probe or "byline" in probe


def _fallbacks(
    page: Page,
    tree: Tree,
    main: Node | None,
    probe: str | bytes | None = None,
) -> None:
    """Visible bylines and datelines, read only when no markup gave authors or dates.

    They are looked for in the article (the first ``<article>`` or ``<main>``)
    when the page marks one, then in the whole page; each search walks the
    tree only until it finds what it wants, and runs only when needed.
    """
    root = tree.root
    assert root is not None  # (extract_tree checked)
    fields = {c.field for c in page.ex.candidates}
    scopes = [main, root] if main is not None else [root]
    if "og_image" not in fields:
        _lead_image(page, main if main is not None else root)
    if "description" not in fields:
        _standfirst(page, main if main is not None else root)
    if "tags" not in fields and (probe is None or _probe_has(probe, _TAG_PAGES, _TAG_PAGES_BYTES)):
        _tag_links(page, root)
    named = any(c.field == "authors" and c.rank < HANDLE_AUTHOR for c in page.ex.candidates)
    if not named and _mentions_author(probe):
        for scope in scopes:
            if bylines.find_byline(page, scope, main if scope is root else None):
                break
    if not named and not any(
        c.field == "authors" and c.rank < HANDLE_AUTHOR for c in page.ex.candidates
    ):
        bylines.text_byline(page, main if main is not None else root)
    dated = {c.field for c in page.ex.candidates if c.rank < WEAK} & {"published", "date"}
    if not dated:
        # No date from markup. A <time> element may stand as a weak
        # `published`; the visible day is still looked for, as `date`: on the
        # corpus it is right more often than an unmarked <time>.
        meta.hatom(page, [el for el in root.css("abbr[title]") if meta.is_hatom_date(el)])
        if probe is not None and _data_date(page, probe):
            return
        if probe is not None and _labelled_date(page, probe):
            return
        for scope in scopes:
            if _dateline(page, scope):
                return
        if _image_date(page):
            return
        if probe is not None and _script_date(page, probe):
            return
        body = tree.body
        if not _text_date(page, main if main is not None else body) and main is not None:
            _text_date(page, body)  # the first <article> may be a teaser


_SCRIPT_DATE = re.compile(
    rb"""
    ["'](?:datePublished|published_?[aA]t|publish_?[dD]ate|pub_?[dD]ate|firstPublished|date_published)["']
    \s*:\s*["']                                   # a JSON key and its colon
    (\d{4}-\d{2}-\d{2}(?:[T\ ][0-9:.+\-Z]{0,30})?)  # an ISO date or datetime
    ["']
    """,
    re.VERBOSE,
)


_SCRIPT_CREATED = re.compile(
    rb"""
    ["'](?:dateCreated|created_?[aA]t|creationDate)["']   # when no key says published
    \s*:\s*["']
    (\d{4}-\d{2}-\d{2}(?:[T\ ][0-9:.+\-Z]{0,30})?)
    ["']
    """,
    re.VERBOSE,
)


#: The keys' common parts, found with a literal-led search, and where the
#: opening quote stands before each part (``"datePublished"``: 6 before ``ub``).
_SCRIPT_DATE_KEY = re.compile(rb"ub(?:lish|_?[dD]ate)")  # datePublished, pubDate, ...
_SCRIPT_DATE_STARTS = (2, 6, 7)  # "published_at / "datePublished / "firstPublished
_SCRIPT_CREATED_KEY = re.compile(rb"reat")  # dateCreated, created_at, creationDate
_SCRIPT_CREATED_STARTS = (2, 6)  # "created_at / "dateCreated


def _keyed_search(
    data: bytes, key: re.Pattern[bytes], starts: tuple[int, ...], pattern: re.Pattern[bytes]
) -> re.Match[bytes] | None:
    """``pattern.search(data)``, found faster: ``pattern`` starts with a quote,
    which HTML is full of, so it is tried only where ``key`` (a part every one
    of its keys has) occurs, at the quote positions ``starts`` before it.

    >>> page = b'<a href="x">x</a><script>{"title": "t", "pubDate": "2020-01-02"}</script>'
    >>> _keyed_search(page, _SCRIPT_DATE_KEY, _SCRIPT_DATE_STARTS, _SCRIPT_DATE)[1]
    b'2020-01-02'
    >>> _SCRIPT_DATE.search(page)[1]
    b'2020-01-02'
    """
    for hit in key.finditer(data):
        at = hit.start()
        for back in starts:
            if at >= back:
                m = pattern.match(data, at - back)
                if m is not None:
                    return m
    return None


#: A date in a ``data-*`` attribute whose name says it is the article's
#: (``data-published-at``, ``data-publish-date``, ``data-article-publish-unix``,
#: Facebook's ``data-utime``), or the ``published`` member of a JSON object of
#: times in one (``data-microtimes="{&quot;published&quot;:…``). Not a bare
#: ``data-timestamp``: a live blog's sidebar stamps every entry with one.
_DATA_DATE = re.compile(
    rb"""
    data-(?:
      (?:article-)?(?:first-)?(?:publish(?:ed)?(?:-?(?:at|date|time|unix|at-date))?|utime)
      \s*=\s*["']([^"'<>]{6,64})["']
    | [a-z-]*times\s*=\s*["']\{(?:&quot;|")published(?:&quot;|")\s*:\s*(?:&quot;|")?(\d{10,13})
    )
    """,
    re.VERBOSE,  # case-sensitive, so the search runs from the literal "data-"
)


def _data_date(page: Page, probe: str | bytes) -> bool:
    """The first article date in a ``data-*`` attribute (:data:`_DATA_DATE`) under the headline:
    a Unix time, an ISO datetime or a day, as a weak ``published`` (or ``date``)."""
    data = _under_headline(page, probe)
    if b"data-" not in data:
        return False
    for n, m in enumerate(_DATA_DATE.finditer(data)):
        if n >= MAX_LINES:
            break
        raw = (m[1] or m[2]).decode("utf-8", "replace")
        stamp = from_timestamp(raw)
        if stamp is not None:
            if plausible_day(stamp.value.date()):
                page.ex.add(
                    "published", stamp.value, raw, path="data-*(unix time)", rank=RANK["data-date"]
                )
                return True
            continue
        when = parse_when(unescape(raw))
        if when is None:
            continue
        day = when if isinstance(when, dt.date) else when.value.date()
        if plausible_day(day):
            page.when("published", unescape(raw), "data-*", RANK["data-date"])
            return True
    return False


def _image_date(page: Page) -> bool:
    """The day in the page image's URL (``/files/2016/05/04/…``): the upload day."""
    return _day_in_url(page, "og_image", RANK["image-date"])


def _day_in_url(page: Page, field: str, rank: int) -> bool:
    """The first real calendar day spelled out in ``field``'s URLs, strongest first,
    as a ``date`` candidate of ``rank``; whether there was one."""
    urls = (c for c in page.ex.candidates if c.field == field and isinstance(c.value, str))
    for c in sorted(urls, key=lambda c: c.rank):
        assert isinstance(c.value, str)  # for mypy: the filter above
        ymd = date_from_url(c.value)
        if ymd is None:
            continue
        try:
            day = dt.date(*ymd)
        except ValueError:
            continue
        page.day(day, c.value, f"{c.provenance.location.path}(date)", rank)
        return True
    return False


def _script_date(page: Page, probe: str | bytes) -> bool:
    """A published date in a page's application state (``"published_at": "…"``
    inside a script), before reading dates off the text."""
    data = probe.encode("utf-8", "replace") if isinstance(probe, str) else probe
    m = _keyed_search(data, _SCRIPT_DATE_KEY, _SCRIPT_DATE_STARTS, _SCRIPT_DATE) or _keyed_search(
        data, _SCRIPT_CREATED_KEY, _SCRIPT_CREATED_STARTS, _SCRIPT_CREATED
    )
    if m is None:
        return False
    raw = m[1].decode("ascii", "replace")
    when = parse_when(raw)
    if when is None:
        return False
    day = when if isinstance(when, dt.date) else when.value.date()
    page.day(day, raw, "script", RANK["script-date"])
    return True


_STYLE_WIDTH = re.compile(r"(?<![-\w])width\s*:\s*(\d{2,5})px", re.IGNORECASE)  # CSS width
_STYLE_HEIGHT = re.compile(r"(?<![-\w])height\s*:\s*(\d{2,5})px", re.IGNORECASE)  # CSS height
#: Narrowest image taken as a page's lead image (icons and avatars are smaller).
MIN_LEAD_IMAGE_WIDTH = 300


#: Class or id words of a standfirst: the summary under a headline.
_STANDFIRST = re.compile(
    r"(?:^|[\s_-])(?:dek|standfirst|stand-first|subtitle|sub-title|subheadline|subhead|deck"
    r"|teaser|lede|lead|intro|summary|excerpt|abstract|article-description|chapo|chapeau"
    r"|vorspann|anriss)(?:$|[\s_-])",
    re.I,
)
#: Where a paragraph is not the article's: navigation, page furniture, forms.
_FURNITURE = frozenset(
    {
        "nav",
        "header",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "form",
        "address",
        "blockquote",
        "li",
        "td",
        "th",
    }
)
#: A standfirst's length in characters: a label is shorter, a container longer.
MIN_STANDFIRST, MAX_STANDFIRST = 40, 600
#: Fewest characters of a first paragraph taken as the description.
MIN_FIRST_PARAGRAPH = 80
#: Elements looked at for a standfirst before giving up (the article's head).
MAX_STANDFIRST_ELEMENTS = 400


#: Elements a standfirst or a first paragraph stands in.
_STANDFIRST_TAGS = frozenset({"p", "div", "h2", "span", "section"})


def _standfirst(page: Page, scope: Node) -> None:
    """No description in the markup: the article's visible standfirst (an
    element whose class says dek, standfirst, teaser, lead…, or
    ``itemprop=description`` on text), else its first paragraph of prose,
    as readability's excerpt is; both weaker than any markup. Hidden
    elements, page furniture and copyright lines are passed over."""
    first: str | None = None
    for n, el in enumerate(dom.named(scope, _STANDFIRST_TAGS)):
        if n > MAX_STANDFIRST_ELEMENTS:
            break
        attributes = el.attributes
        marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        marked = (marks.strip() and _STANDFIRST.search(marks)) or attributes.get(
            "itemprop"
        ) == "description"
        if marked and _el_text_upto(el, MAX_STANDFIRST) is not None and not _hidden(el, scope):
            text = _prose(el)
            if len(text) >= MIN_STANDFIRST:
                page.text("description", text, "standfirst", RANK["standfirst"])
                return
        if first is None and el.tag == "p":
            text = _prose(el)
            if (
                len(text) >= MIN_FIRST_PARAGRAPH
                and not _COPYRIGHT.match(text)
                and not _in_furniture(el, scope)
                and not _hidden(el, scope)
            ):
                first = text
    if first is not None:
        page.text("description", first, "p", RANK["first-paragraph"])


#: A paragraph that is the site's small print.
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\)\s)", re.I)
#: Inline styles that hide an element.
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


#: Elements whose text a reader does not see as prose.
_NOT_TEXT = frozenset({"script", "style"})


def _prose(el: Node) -> str:
    """An element's text as a reader sees it (scripts and styles left out)."""
    return clean_text("".join(dom.text_nodes(el, _NOT_TEXT)))


def _hidden(el: Node, scope: Node) -> bool:
    """Hidden from readers: ``hidden``, ``aria-hidden``, or an inline style
    saying so, on the element or an ancestor within the scope."""
    node: Node | None = el
    while node is not None and node.tag != dom.DOCUMENT:
        attributes = node.attributes
        if (
            "hidden" in attributes
            or attributes.get("aria-hidden") == "true"
            or _HIDING_STYLE.search(attributes.get("style") or "")
        ):
            return True
        if node.mem_id == scope.mem_id:
            break
        node = node.parent
    return False


def _in_furniture(el: Node, scope: Node) -> bool:
    """Inside navigation, a header or footer, a caption, a form, a list or a quote."""
    stop = scope.mem_id
    for parent in dom.ancestors(el):
        if parent.mem_id == stop:
            return False
        if parent.tag in _FURNITURE:
            return True
    return False


#: A link into a site's tag pages: ``/tag/x``, ``/schlagworte/x``, ``/motcle/x``…
#: The path words of a site's tag pages: ``/tag/…``, ``/schlagworte/…``, ``/motcle/…``.
_TAG_PAGE_WORDS = (
    r"(?:tags?|tagged|schlagw(?:ort|orte)|stichw(?:ort|orte)|mot-?cle|mots-?cles|them(?:a|en?)"
    r"|topics?|labels?|aiheet|etiquetas?|etichette|keywords?)/"
)
#: A link into the site's tag pages.
_TAG_HREF = re.compile(rf"/{_TAG_PAGE_WORDS}[^/?#]", re.I)
#: The same at the start of a relative ``href`` (``tags/justice``).
_TAG_HREF_START = re.compile(rf"{_TAG_PAGE_WORDS}[^/?#]", re.I)
#: Class or id words of a list of the article's tags (each a whole word of
#: the class: :func:`_says_tags` checks what stands around it). Written
#: without a leading assertion, so the search skips ahead by its first letters.
_TAG_LIST = re.compile(
    r"(?:tags?|tag-?links|tags-?list|tags-?items|keywords|schlagworte|stichworte"
    r"|mots-?cles|mots|topics|related-topics|labels)",
    re.I,
)
_CLASS_SEPARATORS = frozenset(" \t\n_-")


def _says_tags(marks: str) -> bool:
    """A class or id naming a list of tags: one of :data:`_TAG_LIST`'s words,
    set off by spaces, ``-`` or ``_`` (``tag-links``, ``post_tags``)."""
    for m in _TAG_LIST.finditer(marks):
        start, end = m.span()
        if (start == 0 or marks[start - 1] in _CLASS_SEPARATORS) and (
            end == len(marks) or marks[end] in _CLASS_SEPARATORS
        ):
            return True
    return False


#: A link into the site's tag pages somewhere in the page's bytes: the cheap
#: test (a literal ``/`` first and no case folding, so the search skips ahead;
#: sites write these paths in lower case) before the walk
#: over every link.
_TAG_PAGES = re.compile(rf"/{_TAG_PAGE_WORDS}[^/?#\"'\s>]")
_TAG_PAGES_BYTES = re.compile(_TAG_PAGES.pattern.encode())  # case-sensitive: twice as fast


def _tag_href(href: str) -> bool:
    return _TAG_HREF.search(href) is not None or _TAG_HREF_START.match(href) is not None


#: Class or id words of the site's navigation, not the article's tags.
_NAVIGATION_WORDS = r"menu|menus|nav|navbar|navigation|breadcrumbs?|widget|tagcloud|cloud"
_NAVIGATION = re.compile(rf"(?:^|[\s_-])(?:{_NAVIGATION_WORDS})(?:$|[\s_-])", re.I)
#: The same (group 1) or a word of a region of the page (group 2: its header,
#: footer, sidebar; the site's links, unless a list whose class says tags
#: stands nearer the link), in one search.
_SITE_MARKS = re.compile(
    rf"(?:^|[\s_-])(?:({_NAVIGATION_WORDS})|(footer|header|sidebar))(?:$|[\s_-])", re.I
)
#: How far up a link's ancestors navigation is looked for.
MAX_NAVIGATION_DEPTH = 6
#: How far up a link's ancestors a list whose class says tags is looked for
#: (the link's ``<li>``, its ``<ul>``, the box around them).
MAX_TAG_LIST_DEPTH = 3
#: A count after a tag: ``2020 Election (611 posts)``.
_TAG_COUNT = re.compile(r"\s*\(\d[\d,.]*(?:\s+\w+)?\)$")
#: Tag links read before giving up, and the longest tag text.
MAX_TAG_LINKS, MAX_TAG_CHARS = 60, 60
#: A tag has a few words (a related story's headline has more), letters or digits.
MAX_TAG_WORDS, MIN_TAG_LETTERS = 5, 2
#: An entry of an A-Z index (``0-9``, ``A-C``), not a tag.
_INDEX_ENTRY = re.compile(r"^\w\s*[-–]\s*\w$")


_LINK = frozenset({"a"})


def _tag_links(page: Page, root: Node) -> None:
    """No tags in the markup: the article's visible tag links, as a weak
    ``tags`` list. A link counts when it points into the site's tag pages
    (``/tag/…``, ``/schlagworte/…``, ``/motcle/…``), is not in navigation, a
    menu, a footer or a tag cloud (the site's, not the article's:
    :func:`_in_navigation`) and not in a paragraph of prose; then every link
    of the ``<ul>``/``<ol>`` around its ``<li>`` counts with it, in order (a
    site files some tags under other paths: ``/place/harris-county/``)."""
    tags: list[str] = []
    lists: set[int] = set()  # the lists read, by mem_id
    for a in root.css("a[href]"):
        if not _tag_href(a.attributes.get("href") or ""):
            continue
        parent = a.parent
        if parent is None or parent.tag == dom.DOCUMENT:
            continue
        grand = parent.parent if parent.tag == "li" else None
        if grand is not None and grand.mem_id in lists:
            continue  # read with its list
        if _in_navigation(a):
            continue
        if parent.tag == "p" and not _says_tags(parent.attributes.get("class") or ""):
            continue  # a link in the article's prose, not a list of tags
        links = [a]
        if grand is not None and grand.tag in ("ul", "ol"):
            lists.add(grand.mem_id)
            links = list(dom.named(grand, _LINK))
        for link in links:
            text = _TAG_COUNT.sub("", clean_text(_el_text(link))).lstrip("#").strip()
            if _tag_like(text):
                tags.append(text)
        if len(tags) >= MAX_TAG_LINKS:
            del tags[MAX_TAG_LINKS:]
            break
    if tags:
        page.tags("tags", tags, "a[href*=/tag/]", RANK["tag-links"])


def _tag_like(text: str) -> bool:
    """A tag's text: a few words with letters, not a headline, a label
    (``Themen:``) or a call to action (``Jetzt unterzeichnen!``)."""
    return (
        0 < len(text) <= MAX_TAG_CHARS
        and len(text.split()) <= MAX_TAG_WORDS
        and sum(c.isalnum() for c in text) >= MIN_TAG_LETTERS
        and not text.endswith((":", "!", "?", "…"))
        and not _INDEX_ENTRY.match(text)
    )


def _in_navigation(el: Node) -> bool:
    """In navigation, or an element near the link whose class says menu,
    navigation, widget or tag cloud; in a header, footer, aside or sidebar
    of the page, not of the article (a post's footer lists its tags). A list
    whose class says tags (:func:`_says_tags`) within three levels of the link
    is the article's own: a header, footer, aside or sidebar around it does
    not make it the site's (a keyword box set beside the article)."""
    furniture = False
    near: list[str] = []  # the marks within MAX_TAG_LIST_DEPTH, read only when needed
    for depth, anc in enumerate(dom.ancestors(el)):
        tag = anc.tag
        if tag == "nav":
            return True
        if tag in ("footer", "header", "aside"):
            furniture = True
        elif tag == "article":
            return False
        if depth < MAX_NAVIGATION_DEPTH:
            attributes = anc.attributes
            cls, ident = attributes.get("class"), attributes.get("id")
            if not cls and not ident:
                continue
            marks = f"{cls or ''} {ident or ''}"
            if depth < MAX_TAG_LIST_DEPTH:
                near.append(marks)
            m = _SITE_MARKS.search(marks)
            if m is not None and (
                m[1] is not None
                or _NAVIGATION.search(marks, m.end() - 1) is not None
                or not any(_says_tags(n) for n in near)
            ):
                return True
    return furniture and not any(_says_tags(m) for m in near)


def _lead_image(page: Page, scope: Node) -> None:
    """No image in the markup: the article's first image wide enough to lead it
    (a ``width`` attribute or a CSS width of at least 300 pixels)."""
    for el in scope.css("img[src]"):
        attributes = el.attributes
        src = attributes.get("src")
        if not src or src.startswith("data:"):
            continue
        width = to_int(attributes.get("width"))
        if width is None:
            m = _STYLE_WIDTH.search(attributes.get("style") or "")
            width = int(m[1]) if m else None
        if width is not None and width >= MIN_LEAD_IMAGE_WIDTH:
            height = to_int(attributes.get("height"))
            if height is None:
                m = _STYLE_HEIGHT.search(attributes.get("style") or "")
                height = int(m[1]) if m else None
            page.image(src, "img", RANK["lead-image"], width=width, height=height)
            return


def _el_text(el: Node) -> str:
    return dom.text(el, " ")


def _el_text_upto(el: Node, limit: int) -> str | None:
    """:func:`_el_text`, or ``None`` when it is longer than ``limit``
    (a container marked ``meta`` or ``author-…`` can hold the whole page)."""
    text = _el_text(el)
    return text if len(text) <= limit else None


#: Attributes that may hold a dateline's date (hAtom: ``<abbr class=published title=...>``).
_DATE_ATTRS = ("datetime", "content", "title")


def _dateline(page: Page, scope: Node) -> bool:
    """The first element whose class says date (or time, meta...) with a date in its text."""
    short: tuple[dt.date, str] | None = None  # a day with a two-digit year, if nothing better
    for n, el in enumerate(_marked(scope, _dateline_marks)):
        if n >= MAX_LINES * 2:
            break
        attributes = el.attributes
        for attr in _DATE_ATTRS:
            value = attributes.get(attr)
            when = parse_when(value) if value else None
            if when is not None:
                day = when if isinstance(when, dt.date) else when.value.date()
                page.day(day, value or "", f"dateline@{attr}", RANK["text-date"])
                return True
        text = _el_text_upto(el, MAX_LINE_TEXT * 2)
        if not text:
            continue
        found = find_date_at(text, month_first=page.month_first)
        if found is None:
            if short is None and (found := _short_day(text, page)) is not None and not _teaser(el):
                short = (found[0], text)
            continue
        if _CLOCK.search(text) or _MODIFIED_LABEL.search(text[:80]):
            continue
        day, at = found
        if not plausible_day(day) or BIRTH_LABEL.search(text[max(0, at - 40) : at]):
            continue  # a date the line talks about (a birth, a year before the web)
        # A dateline inside this one that says the same day is the tighter source.
        for inner in _marked(el, _dateline_marks):
            if inner.mem_id != el.mem_id and _day_of(_el_text(inner), page) == day:
                text = _el_text(inner)
        page.day(day, " ".join(text.split())[:MAX_LINE_TEXT], "dateline", RANK["text-date"])
        return True
    if short is not None:
        page.day(
            short[0], " ".join(short[1].split())[:MAX_LINE_TEXT], "dateline", RANK["text-date"]
        )
        return True
    return False


#: Words in a class (lower-cased) that mark a list of other articles.
_TEASER_MARKS = ("teaser", "related", "recommend", "popular", "most-read")


def _teaser(el: Node) -> bool:
    """Is ``el`` a teaser, or in one or in a list of other articles (related, popular)?"""
    for a in (el, *dom.ancestors(el)):
        marks = a.attributes.get("class")
        if marks and any(m in marks.lower() for m in _TEASER_MARKS):
            return True
    return False


def _short_day(text: str, page: Page) -> tuple[dt.date, int] | None:
    """A day with a two-digit year (``23.09.22``) in a dateline that is not a
    clock, a comment or a modified note: read only when no dateline has a full date."""
    found = find_date_at(text, month_first=page.month_first, short_years=True)
    if found is None or _CLOCK.search(text) or _MODIFIED_LABEL.search(text[:80]):
        return None
    return found


def _day_of(text: str, page: Page) -> dt.date | None:
    """The day a dateline's text says, in the page's numeric order."""
    return find_date(text, month_first=page.month_first, short_years=True)


_CLOCK = re.compile(
    r"""
    current\ time|aktuelle\ zeit|heure\ actuelle|hora\ actual   # a page's clock, not a dateline
    |\bantwort(?:en)?\b|\breply\b|\brépondre\b|\bresponder\b   # a reader's comment and its reply link
    """,
    re.IGNORECASE | re.VERBOSE,
)


_MODIFIED_LABEL = re.compile(
    r"last\ modified|last\ updated|zuletzt\ (?:geändert|aktualisiert)|letzte\ änderung|mis\ à\ jour\ le",
    re.IGNORECASE | re.VERBOSE,  # a dateline that says when the page changed, not when it appeared
)


_UPDATED = re.compile(
    r"""
    (?:updated|update|modified|last\ change|geändert|änderung|aktualisiert|stand|mis\ à\ jour
    |actualizado|aggiornato|bijgewerkt|copyright|©)   # words that say a date is not the publication's
    [^\n]{0,25}$                                        # shortly before the date's year
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _text_date(page: Page, scope: Node | None) -> bool:
    """The last resort: the first date written in the article's text (or the
    body's), passing over dates labelled as updates or copyright, births, and
    days before the web or in the future."""
    if scope is None:
        return False
    size = 0
    previous = ""
    first: tuple[dt.date, str] | None = None
    for t in _text_nodes(scope):
        if not t.strip():
            continue
        found = find_date_at(t, month_first=page.month_first)
        if found is not None:
            for day, at in _dates_in(t, page, found):
                # What stands before the date: in this text node, or the one before.
                before = (previous + " " + t[:at])[-60:]
                if plausible_day(day) and not BIRTH_LABEL.search(before[-40:]):
                    shown = " ".join(t.split())[:MAX_LINE_TEXT]
                    if not _UPDATED.search(before):
                        page.day(day, shown, "text", RANK["body-date"])
                        return True
                    first = first or (day, shown)
        previous = t
        size += len(t)
        if size > MAX_TEXT_SEARCH:
            break
    if first is not None:
        page.day(first[0], first[1], "text", RANK["body-date"])
        return True
    return False


#: The stems of the commonest :data:`~newsmeta.recognizers.dates.PUBLISHED_LABEL`
#: words, as lower-cased UTF-8 (``publi`` stands for published, publié,
#: publicado, gepubliceerd, opublikowano...): each is looked for with a C-level
#: search, and only where one stands is :data:`_LABEL_AT` tried.
_LABEL_STEMS = tuple(
    w.encode("utf-8")
    for w in ("publi", "pubblicato", "posted", "veröffentlicht", "erschien", "опубл")
)  # fmt: skip
#: A whole label word at a stem, then what may stand between it and its date: a
#: preposition, a colon, and the tags that close the label's element and open the date's.
_LABEL_AT = re.compile(
    rb"""
    (?:published|posted|publication\ date|ver\xc3\xb6ffentlicht|erschienen
    |publiziert|publi\xc3\xa9e?|publicad[oa]|pubblicato|gepubliceerd|opublikowano
    |\xd0\xbe\xd0\xbf\xd1\x83\xd0\xb1\xd0\xbb)
    [^<>]{0,24}(?:\s*</?[a-zA-Z][^<>]{0,200}>)*\s*
    """,
    re.VERBOSE,
)
_MARKUP_TAG = re.compile(r"<[^<>]*>")
#: The ends of tags a window of bytes cut through: the window's start, up to
#: a ``>`` before any ``<``; its end, from a ``<`` after the last ``>``.
_CUT_TAG = re.compile(r"^[^<>]*>|<[^<>]*$")
#: Most places one label stem is looked at on one page.
MAX_LABELS = 8
#: How much of the page after its first ``<h1>`` (else after ``<body>``) is
#: searched for labels, datelines and data-* dates: on the corpus every labelled
#: date stands within 6 KB of it.
LABEL_WINDOW = 12288


def _labelled_date(page: Page, probe: str | bytes) -> bool:
    """A day the page labels as its publication (``Veröffentlicht am 16.08.2019``,
    ``Published on: …``, ``Erschienen am:</span><h2>13.10.2021``) in its body,
    read before datelines: the words say what the date is."""
    data = _under_headline(page, probe)
    low = data.lower()
    for stem in _LABEL_STEMS:
        at = low.find(stem)
        n = 0
        while at >= 0 and n < MAX_LABELS:
            n += 1
            # ("datepublished" is a key, not a label; "gepubliceerd" is one word)
            begin = at - 2 if stem == b"publi" and low[at - 2 : at] in (b"ge", b"op") else at
            label = _LABEL_AT.match(low, begin) if not low[begin - 1 : begin].isalpha() else None
            if label is not None:
                window = data[begin : label.end() + 40].decode("utf-8", "replace")
                text = " ".join(_MARKUP_TAG.sub(" ", _CUT_TAG.sub(" ", window)).split())
                found = find_date_at(text, month_first=page.month_first, short_years=True)
                if found is not None and PUBLISHED_LABEL.search(text[: found[1]].rstrip()):
                    day = found[0]
                    if plausible_day(day):
                        page.day(day, text[:MAX_LINE_TEXT], "text(labelled)", RANK["labelled-date"])
                        return True
            at = low.find(stem, at + len(stem))
    return False


#: Most dates read from one text node.
MAX_DATES_IN_TEXT = 4


def _dates_in(text: str, page: Page, first: tuple[dt.date, int]) -> Iterator[tuple[dt.date, int]]:
    """The first few days written in ``text`` (the ``first`` already found),
    with where each starts."""
    found: tuple[dt.date, int] | None = first
    pos = 0
    for _ in range(MAX_DATES_IN_TEXT):
        if found is None:
            return
        yield found[0], pos + found[1]
        pos += found[1] + 1
        found = find_date_at(text[pos:], month_first=page.month_first)


def _headline_segments(page: Page) -> None:
    """``Headline | Site`` where the page's ``<h1>`` is one of the parts: keep that part.

    The site name is often unknown to the markup; the heading shows which
    part of a composed title is the article's.
    """
    if not page.headings:
        return
    heads = {" ".join(h.split()).casefold() for h in page.headings}
    for i, c in enumerate(page.ex.candidates):
        if c.field != "title" or not isinstance(c.value, str):
            continue
        for sep in TITLE_SEPARATORS:
            if sep not in c.value:
                continue
            parts = [p.strip() for p in c.value.split(sep)]
            # The longest part that is a heading: a blog's <h1> is often its name.
            match = max((p for p in parts if p.casefold() in heads), key=len, default=None)
            if match is not None:
                page.ex.candidates[i] = attrs.evolve(c, value=match)
                break


def _backed_title(page: Page) -> None:
    """The strongest title that the page's ``<title>`` or ``<h1>`` backs.

    A metadata title that neither the document's title nor its visible
    heading holds (an ``og:title`` that names a section, a JSON-LD
    ``headline`` that is a tagline, an orphan ``itemprop=name``) gives way to
    the strongest title one of them does back, when there is one. A source
    never backs itself: the ``<title>`` candidate needs an ``<h1>``, the
    ``<h1>`` the ``<title>``. The title that takes the place has words enough
    for a headline, or is the whole text of the ``<h1>`` or the ``<title>``;
    where it ends with the title that gave way, that part names the site or the
    work and is cut. The value that gives way stays in the record as
    a conflicting value.
    """
    titles = [c for c in page.ex.candidates if c.field == "title" and isinstance(c.value, str)]
    if len(titles) < 2 or not page.title_evidence:
        return

    def backed(c: Candidate) -> bool:
        own = c.provenance.location.path
        return any(
            corroborates(str(c.value), text) for text, path in page.title_evidence if path != own
        )

    best = min(titles, key=lambda c: c.rank)
    if backed(best):
        return

    def shown(c: Candidate) -> bool:
        own, value = c.provenance.location.path, fold_title(str(c.value))
        return any(value == fold_title(t) for t, path in page.title_evidence if path != own)

    alts = [
        c
        for c in titles
        if c is not best and (headline_like(str(c.value)) or shown(c)) and backed(c)
    ]
    if alts:
        alt = min(alts, key=lambda c: c.rank)
        alt.rank = best.rank - 1
        # The title that gave way names the site or the work when the new one
        # ends with it ("Chapter 1 - Murdered - Melas" beside og:title "Melas").
        name = str(best.value)
        for sep in TITLE_SEPARATORS:
            head = str(alt.value)
            if sep.strip() and head.endswith(sep + name) and has_letters(head[: -len(sep + name)]):
                alt.value = head[: -len(sep + name)].strip()
                break


def _url_date(page: Page) -> None:
    """The day spelled out in the best URL, as a weak ``date``."""
    _day_in_url(page, "url", RANK["url-date"])


#: Largest UTC offset in use (Kiribati, +14:00).
MAX_OFFSET = dt.timedelta(hours=14)


def _local_offsets(
    ex: Extraction,
    page: Page | None = None,
    probe: str | bytes | None = None,
    language: str | None = None,
) -> None:
    """Keep the publisher's own UTC offset when the strongest source wrote UTC.

    Of two sources giving the same instant, the one with the local offset
    (``21:25-03:00`` over ``00:25Z``) wins: the offset, and the local calendar
    day, are information the UTC value lost. Failing that, the offset is
    inferred (same instant, reported as ``offset-inferred``) from, in order:
    a source that wrote the local wall time without an offset (``2023-11-08
    22:35:29`` beside ``2023-11-09T06:35:29Z``); the page's visible dateline
    (``3 de mayo de 2022 21:25`` beside ``2022-05-04T00:25:56Z``); the clock of
    the page's language or region (``de``, ``pt-BR``) when the UTC value is
    that clock's midnight (``2021-11-04T23:00Z``: a day stored as local midnight).
    """
    for name in ("published", "modified", "created"):
        cands = [c for c in ex.candidates if c.field == name]
        if not cands or (len(cands) < 2 and name != "published"):
            continue
        best = min(cands, key=lambda c: c.rank)
        value = best.value
        if not isinstance(value, dt.datetime) or value.utcoffset() != dt.timedelta(0):
            continue
        if best.tz_assumed:
            continue  # the best value is itself a guess
        if not any(
            isinstance(c.value, dt.datetime) and c.value == value and c.value.utcoffset()
            for c in cands
        ):
            if (
                not _infer_offset(ex, name, best, cands)
                and name == "published"
                and page is not None
                and not _shown_offset(ex, page, best, probe)
            ):
                _midnight_offset(ex, best, language)
            continue
        for i, c in enumerate(ex.candidates):
            v = c.value
            if (
                c.field == name
                and isinstance(v, dt.datetime)
                and v == value
                and v.utcoffset() != dt.timedelta(0)
            ):
                ex.candidates[i] = attrs.evolve(c, rank=best.rank - 1)
                break


def _infer_offset(ex: Extraction, name: str, best: Candidate, cands: list[Candidate]) -> bool:
    value = best.value
    assert isinstance(value, dt.datetime)
    for c in cands:
        wall = c.value
        if c is best or not c.tz_assumed:
            continue
        if not isinstance(wall, dt.datetime):
            continue
        offset = _wall_offset(wall, value)
        if offset is None:
            continue
        _keep_offset(
            ex,
            name,
            best,
            offset,
            f"{c.provenance.raw!r} ({c.provenance.location.path}) is the same instant in local time",
        )
        return True
    return False


def _wall_offset(wall: dt.datetime, utc: dt.datetime) -> dt.timedelta | None:
    """The UTC offset that makes ``utc`` read as the wall time ``wall``, if one
    in use does (whole quarter hours, at most 14 hours)."""
    offset = wall.replace(tzinfo=None, second=0, microsecond=0) - utc.replace(
        tzinfo=None, second=0, microsecond=0
    )
    if not offset or abs(offset) > MAX_OFFSET or offset % dt.timedelta(minutes=15):
        return None
    return offset


def _keep_offset(
    ex: Extraction, name: str, best: Candidate, offset: dt.timedelta | dt.tzinfo, why: str
) -> None:
    """Write ``best`` (a UTC datetime) in the local offset, same instant; say why."""
    value = best.value
    assert isinstance(value, dt.datetime)
    zone = dt.timezone(offset) if isinstance(offset, dt.timedelta) else offset
    local = value.astimezone(zone)
    # A fixed offset, not the zone: records hold offsets (the zone is a guess).
    local = local.replace(tzinfo=dt.timezone(local.utcoffset() or dt.timedelta(0)))
    i = ex.candidates.index(best)
    ex.candidates[i] = attrs.evolve(best, value=local)
    ex.issue(
        "offset-inferred",
        f"{name}: {best.provenance.raw!r} is UTC; {why}, so the offset {local.strftime('%z')} is kept",
        field_name=name,
        path=best.provenance.location.path,
    )


#: Most clock times under the headline read for the local offset.
MAX_CLOCKS = 4


def _shown_offset(ex: Extraction, page: Page, best: Candidate, probe: str | bytes | None) -> bool:
    """The page shows the published time on its own clock, under its headline
    (``3 de mayo de 2022 21:25`` beside ``2022-05-04T00:25:56Z``): keep that offset.

    Only clock times with the UTC value's minutes are looked at (a C-level
    search for ``:25``), and each only with a day beside it that is the UTC
    day or one either side."""
    value = best.value
    assert isinstance(value, dt.datetime)
    if probe is None:
        return False
    window = _under_headline(page, probe)
    minutes = b":%02d" % value.minute
    at = window.find(minutes)
    n = 0
    while at >= 0 and n < MAX_CLOCKS:
        n += 1
        if window[at - 1 : at].isdigit() and not window[at + 3 : at + 4].isdigit():
            around = window[max(0, at - 120) : at + 40].decode("utf-8", "replace")
            text = " ".join(_MARKUP_TAG.sub(" ", _CUT_TAG.sub(" ", around)).split())
            found = find_date_at(text, month_first=page.month_first, short_years=True)
            clock = find_time(text[found[1] :]) if found is not None else None
            if (
                found is not None
                and clock is not None
                and clock.minute == value.minute
                and abs(found[0] - value.date()) <= dt.timedelta(days=1)
            ):
                offset = _wall_offset(dt.datetime.combine(found[0], clock), value)
                if offset is not None:
                    _keep_offset(
                        ex,
                        "published",
                        best,
                        offset,
                        f"the page shows it as {text[:MAX_LINE_TEXT]!r}",
                    )
                    return True
        at = window.find(minutes, at + 3)
    return False


def _under_headline(page: Page, probe: str | bytes) -> bytes:
    """The part of the page after its first ``<h1>`` (else after ``<body>``)
    where bylines, datelines and their labels stand: :data:`LABEL_WINDOW` bytes
    (empty when the page has no body). Found once per page."""
    if page.under_headline is None:
        # The same search in str or bytes; only the window is encoded.
        if isinstance(probe, str):
            start = _headline_start(probe, "<body", "<BODY", "<h1")
            window = probe[start : start + LABEL_WINDOW] if start >= 0 else ""
            page.under_headline = window.encode("utf-8", "replace")
        else:
            start = _headline_start(probe, b"<body", b"<BODY", b"<h1")
            page.under_headline = probe[start : start + LABEL_WINDOW] if start >= 0 else b""
    return page.under_headline


def _headline_start(probe: AnyStr, body: AnyStr, upper: AnyStr, h1: AnyStr) -> int:
    """Where the first ``<h1>`` after ``<body>`` starts (else ``<body>``); -1 without a body."""
    at = probe.find(body)
    if at < 0:
        at = probe.find(upper)
    if at < 0:
        return -1
    head = probe.find(h1, at)
    return head if head >= 0 else at


def _midnight_offset(ex: Extraction, best: Candidate, language: str | None) -> bool:
    """A UTC value that is exactly midnight on the clock of the page's language
    or region (``2021-11-04T23:00:00Z`` on a German page) is a day stored as
    local midnight: keep the local offset, so the day is the page's own."""
    value = best.value
    assert isinstance(value, dt.datetime)
    if value.second or value.microsecond or value.minute % 15:
        return False
    zone = local_zone(language)
    if zone is None:
        return False
    local = value.astimezone(zone)
    if local.time() != dt.time(0) or not local.utcoffset():
        return False
    _keep_offset(
        ex,
        "published",
        best,
        zone,
        f"it is midnight on the clock of the page's language ({language}, {zone})",
    )
    return True


def _author_link(page: Page) -> None:
    """``<link rel=author href>`` names no one; with exactly one author and one
    such link, the link is that author's page."""
    authors = [c for c in page.ex.candidates if c.field == "authors"]
    names = {c.value.name for c in authors if isinstance(c.value, Person)}
    if len(page.author_urls) != 1 or len(names) != 1:
        return
    for i, c in enumerate(page.ex.candidates):
        if c.field == "authors" and isinstance(c.value, Person) and c.value.url is None:
            page.ex.candidates[i] = attrs.evolve(
                c, value=attrs.evolve(c.value, url=page.author_urls[0])
            )


def _prune(ex: Extraction) -> None:
    """Set fallbacks aside where a strong source spoke, and weaker author lists.

    Authors are a list field, so the resolver would merge every source's
    names; one source's clean list is better than a union with another's
    noise, so only the strongest source's authors are kept. Nothing set aside
    is lost: each value's raw text is kept in ``unrecognised`` with its
    location, and one ``set-aside`` note per field says so.
    """
    best: dict[str, int] = {}
    for c in ex.candidates:
        best[c.field] = min(best.get(c.field, c.rank), c.rank)
    # A fallback day (<time>, dateline) says less than a published datetime from
    # markup; the URL's day is kept beside it, as the day the site files it under.
    strong_published = best.get("published", WEAK) < WEAK
    kept: list[Candidate] = []
    weaker: list[Candidate] = []
    for c in ex.candidates:
        if (
            (c.rank >= WEAK and best[c.field] < WEAK)
            or (c.field == "authors" and c.rank != best["authors"])
            or (c.field == "date" and strong_published and WEAK <= c.rank != RANK["url-date"])
        ):
            weaker.append(c)
        else:
            kept.append(c)
    # A weaker source that repeats a kept value stays: the resolver folds it in
    # as a repeat. Only different values are set aside.
    if not weaker:
        return
    fields = {c.field for c in weaker}
    kept_keys = {(c.field, same_key(c.field, c.value)) for c in kept if c.field in fields}
    aside: dict[str, list[Candidate]] = {}
    dropped: set[int] = set()
    for c in weaker:
        if (c.field, same_key(c.field, c.value)) not in kept_keys:
            aside.setdefault(c.field, []).append(c)
            dropped.add(id(c))
    ex.candidates = [c for c in ex.candidates if id(c) not in dropped]  # input order kept
    for name, cands in aside.items():
        seen: set[tuple[str, str | None]] = set()
        for c in cands:
            loc = c.provenance.location
            if (c.provenance.raw, loc.path) not in seen:  # one author list, one entry
                seen.add((c.provenance.raw, loc.path))
                ex.keep(c.provenance.raw, lines=loc.lines, path=loc.path)
        ex.issue(
            "set-aside",
            f"{name}: {len(seen)} value(s) from weaker sources set aside, a stronger"
            " source gave this field; kept in unrecognised",
            field_name=name,
        )


def parse(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Parse an HTML page into an :class:`Article`."""
    ex = extract(data, input_name=input_name, limits=limits, url=url, content_type=content_type)
    return resolve(ex, source=NAME)


def _root_of(page: Any, *, content_type: str | None, limits: Limits) -> etree._Element:
    if isinstance(page, (str, bytes, bytearray, memoryview)):
        if isinstance(page, str):
            check_size(page, limits)
            return _parse(page)
        raw = bytes(page)
        check_size(raw, limits)
        return _parse(decode(raw, content_type=content_type).text)
    if not hasattr(page, "root") and hasattr(page, "selector"):
        page = page.selector
    root = getattr(page, "root", None)
    if not isinstance(root, etree._Element):
        raise FormatError(
            f"expected HTML as str or bytes, a parsel.Selector or a Scrapy response; got {type(page).__name__}"
        )
    return root


def fill_placeholders(
    article: Article,
    page: Any,
    *,
    url: str | None = None,
    content_type: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Evaluate a record's leftover XPath placeholders on the page they came from.

    ``page`` is the HTML (``str`` or ``bytes``), a ``parsel.Selector`` or a
    Scrapy response. Empty fields are filled; the expression that worked
    (``@name`` repaired to ``@property``) is recorded on each placeholder and
    in the field's provenance. Evaluation is XPath 1.0 only, with bounded work
    (``newsmeta.adapters._html.fill``).
    """
    check_argument("article", article, Article, optional=False)
    url = url_argument("url", url)
    check_argument("content_type", content_type, str)
    check_argument("limits", limits, Limits, optional=False)
    root = _root_of(page, content_type=content_type, limits=limits)
    return _fill.fill(article, root, url=url)


def parse_selector(
    selector: Any, *, url: str | None = None, input_name: str | None = None
) -> Article:
    """An :class:`Article` from a ``parsel.Selector`` (or a Scrapy response).

    A Scrapy ``Response`` (or a web-poet ``HttpResponse``) works too: its
    ``.selector`` is used and its ``.url`` is the default ``url``. ``url`` may be
    a ``str`` or a URL object (web-poet's ``ResponseUrl``).

    The page is read again with Lexbor from the text the selector was made
    from (a response's ``.text``), which costs less than walking lxml's tree
    (``docs/performance.md``); a selector made from a tree alone is serialised
    first. Either way the record is the one :func:`parse` gives for that text.
    """
    url = url_argument("url", url)
    check_argument("input_name", input_name, str)
    text: object = None
    if not hasattr(selector, "root") and hasattr(selector, "selector"):
        if url is None:  # a Scrapy response's str, a web-poet response's ResponseUrl
            try:
                url = url_argument("url", getattr(selector, "url", None))
            except InputError:
                url = None
        text = getattr(selector, "text", None)  # a response's decoded body
        selector = selector.selector
    root = getattr(selector, "root", None)
    if not isinstance(root, etree._Element):
        raise FormatError(
            f"parse_selector needs an HTML parsel.Selector (or Scrapy response), got {type(selector).__name__}"
        )
    if url is None:
        base = getattr(root.getroottree().docinfo, "URL", None)
        url = base if isinstance(base, str) and base.startswith(("http://", "https://")) else None
    if not isinstance(text, str):
        # parsel keeps the text a Selector was made from (``Selector(text=...)``),
        # and a selector over a part of a page has its own root: use the text only
        # for the whole document's selector.
        own = getattr(selector, "_text", None)
        text = own if isinstance(own, str) and root.getparent() is None else None
    if isinstance(text, str):
        return resolve(extract(text, input_name=input_name, url=url), source=NAME)
    return resolve(extract_root(root, url=url, input_name=input_name), source=NAME)
