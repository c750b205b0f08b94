"""``<meta>`` (OpenGraph, ``article:*``, Twitter, plain names, Dublin Core,
``citation_*``, ``parsely-*``, ``sailthru.*``), ``<link rel>``, ``<time>``,
``<title>`` and ``<html lang>``.

Strategy: the caller runs one XPath union over the document and hands the
elements here in document order. Meta keys are looked up, lower-cased, in
:data:`~newsmeta.adapters._html.names.META` whether they stand in
``property=`` or ``name=``. Repeated keys (``article:tag``, several
``author`` metas) are gathered into one candidate per key, so a list keeps
its order and counts as one source. ``og:image:width``/``height``/``alt``
belong to the ``og:image`` before them (ogp.me "structured properties").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import orjson
from attrs import define, field
from lxml import etree

from newsmeta._kit import FieldName, as_field
from newsmeta.adapters._html.names import DC_COLON, HTTP_EQUIV, META, OG_TYPE_KINDS, RANK
from newsmeta.adapters._html.page import Page, category_href, clean_text
from newsmeta.records import Organization

__all__ = ["Collected", "collect", "emit", "hatom", "is_hatom_date", "is_site_heading", "og_kind"]

#: Most ``<h1>`` headings read: one is the headline, many are a layout.
MAX_H1 = 3
_PUB_HINTS = ("publish", "posted", "pubdate", "created", "date-time", "entry-date", "dateline")
_MOD_HINTS = ("updated", "modified")


def _text(el: etree._Element) -> str:
    """An element's text content (lxml's stubs type ``itertext`` loosely)."""
    return "".join(t for t in el.itertext() if isinstance(t, str))


@define
class _Img:
    url: str
    path: str
    rank: int
    width: str | None = None
    height: str | None = None
    alt: str | None = None


@define
class _Lists:
    """Repeated keys gathered before they become candidates."""

    values: dict[tuple[str, str], list[str]] = field(factory=dict)
    paths: dict[tuple[str, str], str] = field(factory=dict)

    def add(self, kind: str, family: str, value: str, path: str) -> None:
        key = (kind, family)
        self.values.setdefault(key, []).append(value)
        self.paths.setdefault(key, path)


def _attr_path(tag: str, attr: str, key: str) -> str:
    return f"{tag}[{attr}={key}]"


@define
class Collected:
    """Meta-like elements, sorted by kind, in document order."""

    metas: list[tuple[str, str, str]] = field(factory=list)
    """``(key, content, path)``: keys lower-cased, ``http-equiv:`` prefixed for those."""
    links: list[etree._Element] = field(factory=list)
    times: list[etree._Element] = field(factory=list)
    anchors: list[etree._Element] = field(factory=list)
    scripts: list[etree._Element] = field(factory=list)
    """JSON-LD scripts."""
    h1s: list[etree._Element] = field(factory=list)
    h2s: list[etree._Element] = field(factory=list)
    title: etree._Element | None = None
    base: str | None = None
    main: etree._Element | None = None
    """The first ``<article>`` or ``<main>``: where bylines and datelines are looked for."""


_LD_TYPES = ("application/ld+json", "application/json+ld")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")


_HOME = re.compile(
    r"""
    ^(?:https?://[^/?#]+)?   # maybe a scheme and host
    /?(?:index\.\w{2,5})?    # the root, or its index page
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)
_SITE_MARKS = ("site-title", "site-name", "site-description", "blog-title", "logo", "branding")


#: Classes that hide an element from sight and keep it for screen readers:
#: such a heading labels a region of the page, not the article.
_HIDDEN = re.compile(
    r"sr-only|screen-?reader|visually-?hidden|hide-accessible|a11y-hidden|offscreen"
    r"|element-invisible|(?<![\w-])(?:hidden|invisible)(?![\w-])",
    re.I,
)


def is_site_heading(el: etree._Element) -> bool:
    """A heading that names the site, not the article: marked as the site's
    title, or all of its text a link to the home page (``rel=home``, ``href=/``)."""
    marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if any(m in marks for m in _SITE_MARKS):
        return True
    text = _text(el).strip()
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if ("home" in (a.get("rel") or "").lower() or _HOME.match(href)) and _text(
            a
        ).strip() == text:
            return True
    return False


def _dc_dotted(key: str) -> str:
    """``dc:date.created`` as ``dc.date.created`` (Dublin Core in RDFa's spelling)."""
    for colon, dot in DC_COLON:
        if key.startswith(colon):
            return dot + key[len(colon) :]
    return key


def collect(page: Page, elements: Iterable[etree._Element]) -> Collected:
    """Sort the elements; note the site's names at once, since they clean
    titles and author lists in every source."""
    c = Collected()
    # Attribute names as bytes: lxml then skips encoding the name on every get().
    for el in elements:
        tag = el.tag
        if tag == "a":  # most elements are links, nearly all without rel
            rel = el.get(b"rel")
            if rel and ("author" in rel.lower() or "tag" in rel.lower()):
                c.anchors.append(el)
        elif tag == "meta":
            content = el.get(b"content")
            if content is None:
                continue
            key = el.get(b"property")
            attr = "property"
            if not key:
                key, attr = el.get(b"name"), "name"
            if key:
                k = key.strip().lower()
                if k not in META and k.startswith("dc"):
                    k = _dc_dotted(k)
                if k in META:
                    c.metas.append((k, content, f"meta[{attr}={key.strip()}]"))
                    if k == "og:type" and page.og_kind is None:
                        page.og_kind = og_kind(content)
                if k in _SITE_KEYS and content.strip():
                    name = clean_text(content).lstrip("@")
                    if name and name not in page.site_names:
                        page.site_names.append(name)
                continue
            equiv = el.get(b"http-equiv")
            if equiv:
                e = equiv.strip().lower()
                if e in HTTP_EQUIV:
                    c.metas.append(
                        ("http-equiv:" + e, content, f"meta[http-equiv={equiv.strip()}]")
                    )
        elif tag == "script":
            kind = el.get(b"type")
            if kind and kind.strip().lower() in _LD_TYPES:
                c.scripts.append(el)
        elif tag == "link":
            rel = el.get(b"rel")
            if rel:
                rel = rel.lower()
                if "canonical" in rel or "image_src" in rel or "author" in rel:
                    c.links.append(el)
        elif tag == "time":
            if el.get(b"datetime"):
                c.times.append(el)
        elif tag == "h1":
            if _HIDDEN.search(el.get(b"class") or ""):
                continue  # for screen readers only ("Navigation", "detail")
            if is_site_heading(el):
                name = clean_text(_text(el))
                if name and name not in page.site_names:
                    page.site_names.append(name)
            elif len(c.h1s) < MAX_H1:
                c.h1s.append(el)
        elif tag in ("article", "main"):
            if c.main is None:
                c.main = el
        elif tag == "h2":
            if len(c.h2s) < MAX_H1 and not is_site_heading(el):
                c.h2s.append(el)
        elif tag == "title":
            if c.title is None:
                c.title = el
        elif tag == "base" and c.base is None:
            c.base = el.get(b"href")
    return c


def emit(page: Page, c: Collected) -> None:
    """Candidates from the collected meta-like elements."""
    for el in c.links:
        _link(page, el)
    _metas(page, c.metas)
    _times(page, c.times, c.main)
    _rel_tags(page, c.anchors)
    h1s = [t for t in (clean_text(_text(h)) for h in c.h1s) if t]
    page.headings = h1s + [t for t in (clean_text(_text(h)) for h in c.h2s) if t]
    page.title_evidence = [(h, "h1") for h in h1s]
    if len(h1s) == 1:
        page.text("title", h1s[0], "h1", RANK["h1"])
    if c.title is not None:
        raw = _text(c.title)
        page.title_evidence.append((raw, "title"))
        page.title(raw, "title", RANK["title-tag"])


def _metas(page: Page, metas: list[tuple[str, str, str]]) -> None:
    lists = _Lists()
    images: list[_Img] = []
    for key, content, path in metas:
        if key.startswith("http-equiv:"):
            what = HTTP_EQUIV.get(key.removeprefix("http-equiv:"))
            if what == "language":
                page.language(content.split(",")[0], path, RANK["meta"])
            elif what == "modified":
                page.when("modified", content, path, RANK["meta"])
            continue
        entry = META.get(key)
        if entry is None:
            continue
        kind, family = entry
        rank = RANK[family]
        if kind == "title":
            page.title(content, path, rank)
        elif kind in ("description", "section"):
            page.text(as_field(kind), content, path, rank)
        elif kind in ("published", "modified", "created"):
            page.when(as_field(kind), content, path, rank)
        elif kind == "url":
            page.url("url", content, path, rank)
        elif kind == "language":
            page.language(content, path, rank)
        elif kind == "image":
            if content.strip():
                images.append(_Img(url=content, path=path, rank=rank))
        elif kind == "image:secure":
            if images and images[-1].rank == rank and images[-1].url.startswith("http:"):
                images[-1].url = content
            elif not images and content.strip():
                images.append(_Img(url=content, path=path, rank=rank))
        elif kind in ("image:width", "image:height", "image:alt"):
            if images and images[-1].rank == rank:
                setattr(images[-1], kind.split(":")[1], content)
        elif kind == "site_name":
            name = clean_text(content)
            if name:
                page.publisher(Organization(name=name), content, path, rank)
        elif kind == "publisher":
            # <meta name=publisher>, article:publisher: a name; not a URL (a
            # Facebook page, a Google+ profile) or a number (a Facebook id).
            name = clean_text(content)
            if name and not _NOT_A_PUBLISHER.match(name):
                page.publisher(Organization(name=name), content, path, rank, site_name=False)
        elif kind == "page_kind":
            # og:type says the kind only when no schema.org object did.
            if (
                page.main_kind is None
                and page.og_kind is not None
                and not any(c.field == "page_kind" for c in page.ex.candidates)
            ):
                page.kind(page.og_kind, content, path, rank)
        elif kind in ("author", "tags", "keywords"):
            lists.add(kind, family, content, path)
        elif kind == "parsely-page":
            _parsely_page(page, content, path, rank)
    for (kind, family), values in lists.values.items():
        path = lists.paths[(kind, family)]
        rank = RANK[family]
        if kind == "author":
            named = [
                (v, None) for v in values if not v.strip().startswith(("http://", "https://", "@"))
            ]
            page.authors(named, path, rank)
        else:
            page.tags(as_field(kind), values, path, rank)
    seen_ranks: set[int] = set()
    for img in images:
        page.image(
            img.url,
            img.path,
            img.rank,
            width=img.width,
            height=img.height,
            caption=img.alt,
            primary=img.rank not in seen_ranks,
            primary_rank=RANK["og-image"] if img.rank == RANK["og"] else None,
        )
        seen_ranks.add(img.rank)


#: A publisher meta value that is no name: a URL, or only digits (a Facebook id).
_NOT_A_PUBLISHER = re.compile(r"https?://|www\.facebook\.|\d+$", re.IGNORECASE)


def og_kind(content: str) -> str | None:
    """The page kind an ``og:type`` value says (:data:`~newsmeta.adapters._html.names.OG_TYPE_KINDS`).

    >>> og_kind("article"), og_kind("video.movie"), og_kind("website"), og_kind("Article")
    ('article', 'video', None, 'article')
    """
    value = content.strip().lower()
    return OG_TYPE_KINDS.get(value) or OG_TYPE_KINDS.get(value.split(".", 1)[0])


def _parsely_page(page: Page, content: str, path: str, rank: int) -> None:
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError:
        page.ex.issue("bad-embedded-json", "parsely-page is not valid JSON", path=path)
        return
    if not isinstance(data, dict):
        return
    page.text("title", data.get("title"), f"{path}.title", rank)
    page.url("url", data.get("link"), f"{path}.link", rank)
    page.when("published", data.get("pub_date"), f"{path}.pub_date", rank)
    page.text("section", data.get("section"), f"{path}.section", rank)
    image = data.get("image_url")
    if isinstance(image, str):
        page.image(image, f"{path}.image_url", rank)
    authors = data.get("authors", data.get("author"))
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list):
        page.authors([(a, None) for a in authors if isinstance(a, str)], f"{path}.authors", rank)
    page.tags("tags", data.get("tags"), f"{path}.tags", rank)


def _link(page: Page, el: etree._Element) -> None:
    rels = (el.get("rel") or "").lower().split()
    href = el.get("href")
    if not href:
        return
    if "canonical" in rels:
        page.url("url", href, "link[rel=canonical]", RANK["canonical"])
    elif "image_src" in rels:
        page.image(href, "link[rel=image_src]", RANK["meta"])
    elif "author" in rels:
        url = page.resolve_url(href)
        if url and url not in page.author_urls:
            page.author_urls.append(url)


def _classes(el: etree._Element) -> str:
    parts = [el.get("class") or "", el.get("itemprop") or "", el.get("id") or ""]
    parent = el.getparent()
    if parent is not None:
        parts.append(parent.get("class") or "")
    return " ".join(parts).lower()


def _times(page: Page, times: list[etree._Element], main: etree._Element | None = None) -> None:
    """``<time datetime>``: marked published (``pubdate``, a class saying so)
    first, then the first one in the article (else on the page) as a weak fallback."""
    rank = RANK["time"]
    published = modified = False
    for i, el in enumerate(times[:200]):
        raw = el.get("datetime")
        if not raw:
            continue
        path = f"time[{i}]"
        hints = _classes(el)
        if not published and (el.get("pubdate") is not None or any(h in hints for h in _PUB_HINTS)):
            page.when("published", raw, path, rank)
            published = True
        elif not modified and any(h in hints for h in _MOD_HINTS):
            page.when("modified", raw, path, rank)
            modified = True
    if not published:
        unmarked = [
            (i, el)
            for i, el in enumerate(times[:200])
            if el.get("datetime") and not any(h in _classes(el) for h in _MOD_HINTS)
        ]
        inside = [(i, el) for i, el in unmarked if main is not None and main in el.iterancestors()]
        for i, el in inside or unmarked:
            if _aside(el, main if inside else None):
                continue  # a sidebar's, a teaser's or a comment's time, not the article's
            page.when("published", el.get("datetime"), f"time[{i}]", rank + 1)
            break


#: Elements whose content is beside the article, not the article's own.
_ASIDE_TAGS = frozenset({"aside", "nav", "footer"})
#: Words in a class or id (lower-cased) that mark content beside the article,
#: inside it (a comment, a related story) or anywhere.
_INNER_ASIDE_MARKS = ("related", "teaser", "comment", "recommend")
_ASIDE_MARKS = (*_INNER_ASIDE_MARKS, "sidebar", "widget", "popular", "most-read")


def _aside(el: etree._Element, article: etree._Element | None = None) -> bool:
    """Is ``el`` inside a sidebar, a navigation, a footer, a related-stories
    list, a teaser or a comment? Inside ``article`` (the page's ``<article>``
    or ``<main>``), only what stands between ``el`` and it counts, and a
    "sidebar" there is the article's own header column."""
    marks_of = _INNER_ASIDE_MARKS if article is not None else _ASIDE_MARKS
    for a in el.iterancestors():
        if a is article:
            return False
        if a.tag in _ASIDE_TAGS:
            return True
        marks = f"{a.get('class') or ''} {a.get('id') or ''}".lower()
        if marks.strip() and any(m in marks for m in marks_of):
            return True
    return False


def is_hatom_date(el: etree._Element) -> bool:
    """``<abbr class="published" title="…">`` (or ``updated``): an hAtom date."""
    marks = el.get(b"class")
    return bool(marks and el.get(b"title") and ("published" in marks or "updated" in marks))


#: hAtom's date classes and the fields they feed.
_HATOM: tuple[tuple[str, FieldName], ...] = (("published", "published"), ("updated", "modified"))


def hatom(page: Page, abbrs: list[etree._Element]) -> None:
    """hAtom's ``<abbr class="published" title="2012-08-22T09:43:41+0100">``
    (and ``updated``): the first of each, as strong as a marked ``<time>``.
    Read when no markup gave a date (the adapter's fallbacks)."""
    done: set[str] = set()
    for el in abbrs[:50]:
        classes = (el.get("class") or "").split()
        for mark, name in _HATOM:
            if mark in classes and name not in done:
                done.add(name)
                page.when(name, el.get("title"), f"abbr.{mark}@title", RANK["time"])
                break


def _rel_tags(page: Page, anchors: list[etree._Element]) -> None:
    """``<a rel=tag>`` links (WordPress and others): the article's tags.
    ``rel="category tag"`` marks categories, which are not tags; so does a
    ``rel=tag`` link into the site's category pages (:func:`category_href`)."""
    tags: list[str] = []
    for el in anchors[:200]:
        rels = (el.get("rel") or "").lower().split()
        if "tag" in rels and "category" not in rels and not category_href(el.get("href") or ""):
            text = clean_text(_text(el)).lstrip("#").strip()  # "#elenão": the link's display
            if text:
                tags.append(text)
    if tags:
        page.tags("tags", tags, "a[rel=tag]", RANK["rel-tag"])
