"""``<meta>`` (OpenGraph, ``article:*``, Twitter, plain names, Dublin Core,
``citation_*``, ``parsely-*``, ``sailthru.*``), ``<link rel>``, ``<time>``,
``<title>`` and ``<html lang>``.

Strategy: one walk over the document (:func:`collect`) sorts the elements
these readers want by kind, in document order. Meta keys are looked up, lower-cased, in
:data:`~newsmeta.adapters._html.names.META` whether they stand in
``property=`` or ``name=``. Repeated keys (``article:tag``, several
``author`` metas) are gathered into one candidate per key, so a list keeps
its order and counts as one source. ``og:image:width``/``height``/``alt``
belong to the ``og:image`` before them (ogp.me "structured properties").
"""

from __future__ import annotations

import re

import orjson
from attrs import define, field

from newsmeta._kit import FieldName, as_field
from newsmeta.adapters._html import dom
from newsmeta.adapters._html.dom import Node
from newsmeta.adapters._html.names import DC_COLON, HTTP_EQUIV, META, OG_TYPE_KINDS, RANK
from newsmeta.adapters._html.page import Page, category_href, clean_text
from newsmeta.records import Organization

__all__ = ["Collected", "collect", "emit", "hatom", "is_hatom_date", "is_site_heading", "og_kind"]

#: Most ``<h1>`` headings read: one is the headline, many are a layout.
MAX_H1 = 3
_PUB_HINTS = ("publish", "posted", "pubdate", "created", "date-time", "entry-date", "dateline")
_MOD_HINTS = ("updated", "modified")


_text = dom.text


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
    links: list[Node] = field(factory=list)
    times: list[Node] = field(factory=list)
    anchors: list[Node] = field(factory=list)
    scripts: list[Node] = field(factory=list)
    """JSON-LD scripts."""
    h1s: list[Node] = field(factory=list)
    h2s: list[Node] = field(factory=list)
    title: Node | None = None
    base: str | None = None
    main: Node | None = None
    microdata: list[tuple[Node, dict[str, str | None]]] = field(factory=list)
    """Elements with ``itemprop`` or ``itemscope`` and their attributes, in document order."""
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


_LINK = frozenset({"a"})


def is_site_heading(el: Node) -> bool:
    """A heading that names the site, not the article: marked as the site's
    title, or all of its text a link to the home page (``rel=home``, ``href=/``)."""
    attributes = el.attributes
    marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    if any(m in marks for m in _SITE_MARKS):
        return True
    text: str | None = None
    for a in dom.named(el, _LINK):
        link = a.attributes
        href = (link.get("href") or "").strip()
        if "home" in (link.get("rel") or "").lower() or _HOME.match(href):
            if text is None:
                text = _text(el).strip()
            if _text(a).strip() == text:
                return True
    return False


def _dc_dotted(key: str) -> str:
    """``dc:date.created`` as ``dc.date.created`` (Dublin Core in RDFa's spelling)."""
    for colon, dot in DC_COLON:
        if key.startswith(colon):
            return dot + key[len(colon) :]
    return key


#: The elements :func:`collect` sorts, as one selector list: Lexbor finds
#: them in one walk in C, in document order (an element that matches two of
#: the selectors, a ``<meta itemprop content>``, comes twice in a row).
INDEX = (
    "meta[content], a[rel], link[rel], script[type], time[datetime],"
    " title, base, h1, h2, article, main, [itemprop], [itemscope]"
)
#: Most microdata elements read from one page.
MAX_MICRODATA = 5000


def collect(page: Page, root: Node) -> Collected:
    """Sort the elements the readers want; note the site's names at once,
    since they clean titles and author lists in every source."""
    c = Collected()
    previous = -1
    for el in root.css(INDEX):
        node_id = el.mem_id
        if node_id == previous:
            continue  # the same element again, for another selector of the list
        previous = node_id
        attributes = el.attributes
        if ("itemprop" in attributes or "itemscope" in attributes) and len(
            c.microdata
        ) < MAX_MICRODATA:
            c.microdata.append((el, attributes))
        tag = el.tag
        if tag == "a":  # most elements are links, nearly all without rel
            rel = attributes.get("rel")
            if rel and ("author" in rel.lower() or "tag" in rel.lower()):
                c.anchors.append(el)
        elif tag == "meta":
            content = attributes.get("content")
            if content is None:
                if "content" not in attributes:
                    continue
                content = ""
            key = attributes.get("property")
            attr = "property"
            if not key:
                key, attr = attributes.get("name"), "name"
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
            equiv = attributes.get("http-equiv")
            if equiv:
                e = equiv.strip().lower()
                if e in HTTP_EQUIV:
                    c.metas.append(
                        ("http-equiv:" + e, content, f"meta[http-equiv={equiv.strip()}]")
                    )
        elif tag == "script":
            kind = attributes.get("type")
            if kind and kind.strip().lower() in _LD_TYPES:
                c.scripts.append(el)
        elif tag == "link":
            rel = attributes.get("rel")
            if rel:
                rel = rel.lower()
                if "canonical" in rel or "image_src" in rel or "author" in rel:
                    c.links.append(el)
        elif tag == "time":
            if attributes.get("datetime"):
                c.times.append(el)
        elif tag == "h1":
            if _HIDDEN.search(attributes.get("class") or ""):
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
            c.base = attributes.get("href")
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


def _link(page: Page, el: Node) -> None:
    attributes = el.attributes
    rels = (attributes.get("rel") or "").lower().split()
    href = attributes.get("href")
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


def _classes(el: Node) -> str:
    attributes = el.attributes
    parts = [
        attributes.get("class") or "",
        attributes.get("itemprop") or "",
        attributes.get("id") or "",
    ]
    parent = el.parent
    if parent is not None and parent.tag != dom.DOCUMENT:
        parts.append(parent.attributes.get("class") or "")
    return " ".join(parts).lower()


def _times(page: Page, times: list[Node], main: Node | None = None) -> None:
    """``<time datetime>``: marked published (``pubdate``, a class saying so)
    first, then the first one in the article (else on the page) as a weak fallback."""
    rank = RANK["time"]
    published = modified = False
    for i, el in enumerate(times[:200]):
        raw = el.attributes.get("datetime")
        if not raw:
            continue
        path = f"time[{i}]"
        hints = _classes(el)
        if not published and ("pubdate" in el.attributes or any(h in hints for h in _PUB_HINTS)):
            page.when("published", raw, path, rank)
            published = True
        elif not modified and any(h in hints for h in _MOD_HINTS):
            page.when("modified", raw, path, rank)
            modified = True
    if not published:
        unmarked = [
            (i, el)
            for i, el in enumerate(times[:200])
            if el.attributes.get("datetime") and not any(h in _classes(el) for h in _MOD_HINTS)
        ]
        inside = [
            (i, el)
            for i, el in unmarked
            if main is not None and any(a.mem_id == main.mem_id for a in dom.ancestors(el))
        ]
        for i, el in inside or unmarked:
            if _aside(el, main if inside else None):
                continue  # a sidebar's, a teaser's or a comment's time, not the article's
            page.when("published", el.attributes.get("datetime"), f"time[{i}]", rank + 1)
            break


#: Elements whose content is beside the article, not the article's own.
_ASIDE_TAGS = frozenset({"aside", "nav", "footer"})
#: Words in a class or id (lower-cased) that mark content beside the article,
#: inside it (a comment, a related story) or anywhere.
_INNER_ASIDE_MARKS = ("related", "teaser", "comment", "recommend")
_ASIDE_MARKS = (*_INNER_ASIDE_MARKS, "sidebar", "widget", "popular", "most-read")


def _aside(el: Node, article: Node | None = None) -> bool:
    """Is ``el`` inside a sidebar, a navigation, a footer, a related-stories
    list, a teaser or a comment? Inside ``article`` (the page's ``<article>``
    or ``<main>``), only what stands between ``el`` and it counts, and a
    "sidebar" there is the article's own header column."""
    marks_of = _INNER_ASIDE_MARKS if article is not None else _ASIDE_MARKS
    for a in dom.ancestors(el):
        if article is not None and a.mem_id == article.mem_id:
            return False
        if a.tag in _ASIDE_TAGS:
            return True
        attributes = a.attributes
        marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
        if marks.strip() and any(m in marks for m in marks_of):
            return True
    return False


def is_hatom_date(el: Node) -> bool:
    """``<abbr class="published" title="…">`` (or ``updated``): an hAtom date."""
    attributes = el.attributes
    marks = attributes.get("class")
    return bool(marks and attributes.get("title") and ("published" in marks or "updated" in marks))


#: hAtom's date classes and the fields they feed.
_HATOM: tuple[tuple[str, FieldName], ...] = (("published", "published"), ("updated", "modified"))


def hatom(page: Page, abbrs: list[Node]) -> None:
    """hAtom's ``<abbr class="published" title="2012-08-22T09:43:41+0100">``
    (and ``updated``): the first of each, as strong as a marked ``<time>``.
    Read when no markup gave a date (the adapter's fallbacks)."""
    done: set[str] = set()
    for el in abbrs[:50]:
        attributes = el.attributes
        classes = (attributes.get("class") or "").split()
        for mark, name in _HATOM:
            if mark in classes and name not in done:
                done.add(name)
                page.when(name, attributes.get("title"), f"abbr.{mark}@title", RANK["time"])
                break


def _rel_tags(page: Page, anchors: list[Node]) -> None:
    """``<a rel=tag>`` links (WordPress and others): the article's tags.
    ``rel="category tag"`` marks categories, which are not tags; so does a
    ``rel=tag`` link into the site's category pages (:func:`category_href`)."""
    tags: list[str] = []
    for el in anchors[:200]:
        attributes = el.attributes
        rels = (attributes.get("rel") or "").lower().split()
        if (
            "tag" in rels
            and "category" not in rels
            and not category_href(attributes.get("href") or "")
        ):
            text = clean_text(_text(el)).lstrip("#").strip()  # "#elenão": the link's display
            if text:
                tags.append(text)
    if tags:
        page.tags("tags", tags, "a[rel=tag]", RANK["rel-tag"])
