"""Visible bylines: the article's authors as the page shows them.

Strategy: read only when no markup named a person (``html._fallbacks``).
Three readers, strongest first:

1. ``<a rel=author>`` links (:func:`rel_authors`), read with the meta tags.
2. Elements whose class or id says ``author`` or ``byline``
   (:func:`find_byline`): in each, the names it marks (links to an author
   page, ``fn``/``*name*`` elements) before its whole text; a label alone
   ("By", "Autor:") is read with the text after it, a split byline; then
   links to an author page.
3. Labelled lines in the article's text (:func:`text_byline`): "Von Jane
   Doe", "Autor: Jane Doe", "Text von Jane Doe", and a dateline's agency
   credit ("Hamburg (dpa/lno) – ...").

Names found in another part of the page (comments, related stories,
sidebars and widgets, menus, figure captions) are not the article's and are
refused (:func:`elsewhere`). A byline that names no person but credits an
organisation (an agency, a desk, the site) is kept as that organisation
only when no element names a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsmeta.adapters._html import dom
from newsmeta.adapters._html.dom import Node
from newsmeta.adapters._html.meta import is_site_heading
from newsmeta.adapters._html.names import RANK
from newsmeta.adapters._html.page import Page
from newsmeta.recognizers.people import (
    agency_credit,
    clean_author,
    lead_only,
    organisation_credit,
)

__all__ = ["elsewhere", "find_byline", "rel_authors", "text_byline"]

#: Most byline elements (or author links) read; the first ones are the article's.
MAX_LINES = 12
#: Longest byline text read.
MAX_LINE_TEXT = 200
#: Most elements looked at inside one byline element for the names it marks.
MAX_BYLINE_ELEMENTS = 60
#: Most elements the labelled-line reader looks at, and most text it reads.
MAX_TEXT_ELEMENTS = 600
MAX_TEXT_SEARCH = 20000
#: Longest labelled line read in the text, in characters and in words
#: ("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR").
MAX_TEXT_LINE = 100
MAX_TEXT_LINE_WORDS = 12
#: Paragraphs at the article's start where a dateline's agency credit is looked for.
MAX_DATELINE_PARAGRAPHS = 5

#: Words in a class or id (lower-cased) of a part of the page that is not the
#: article: a name found there is not the article's author.
ELSEWHERE_MARKS = (
    "comment",
    "related",
    "sidebar",
    "widget",
    "menu",
    "dropdown",
    "navbar",
    "wp-caption",
    "image-caption",
    "img-caption",
    "photo-caption",
    "media-caption",
    "recommend",
    "popular",
    "trending",
    "newsletter",
    "breadcrumb",
)
#: One search for them all, case-insensitive; ``hentry`` (hAtom's entry: the
#: article) stops the search up the tree.
_ELSEWHERE = re.compile("|".join(("hentry", *ELSEWHERE_MARKS)), re.IGNORECASE)
#: Elements whose content is not the article's byline.
ELSEWHERE_TAGS = frozenset({"nav", "aside", "figcaption", "figure", "blockquote", "cite"})
#: Links to an author's page (all hold ``/aut``).
AUTHOR_HREF = ("/author/", "/autor/", "/authors/", "/autoren/", "/auteur/")


def elsewhere(el: Node) -> bool:
    """Is ``el`` (or an element around it) a comment, a related story, a
    sidebar, a widget, a menu or a figure caption?"""
    node: Node | None = el
    while node is not None:
        tag = node.tag
        if tag in ELSEWHERE_TAGS:
            return True
        if tag in ("body", "article", "main", dom.DOCUMENT):
            return False  # the article's own container: not elsewhere
        marks = dom.marks(node.attributes)
        if marks:
            m = _ELSEWHERE.search(marks)
            if m is not None:
                return m[0].lower() != "hentry"  # hAtom's entry (Blogger's post in a "widget")
        node = node.parent
    return False


def _line(el: Node, limit: int = MAX_LINE_TEXT) -> str | None:
    """The element's words joined by one space, or ``None`` as soon as they
    are longer than ``limit`` (a container marked ``author-…`` can hold the
    whole page)."""
    return dom.words_upto(el, limit)


def _author_link(el: Node, attributes: dict[str, str | None]) -> bool:
    if el.tag != "a":
        return False
    if "author" in (attributes.get("rel") or "").lower():
        return True
    href = attributes.get("href") or ""
    return "/aut" in href and any(h in href for h in AUTHOR_HREF)


def _is_name_element(el: Node, attributes: dict[str, str | None]) -> bool:
    """A link to an author's page, or an element whose class says name (hCard ``fn``)."""
    if _author_link(el, attributes):
        return True
    cls = (attributes.get("class") or "").lower()
    return "name" in cls or "fn" in cls.split()


def _names_in(page: Page, el: Node) -> list[tuple[str, str | None]]:
    """The names a byline element marks inside it: links to author pages,
    ``fn`` and ``*name*`` elements (outermost only)."""
    found: list[tuple[str, str | None]] = []
    taken: set[int] = set()
    for k, inner in enumerate(el.traverse()):
        if k > MAX_BYLINE_ELEMENTS:
            break  # a container marked "author-…" (a page's <body>) is no byline
        if k == 0 or inner.tag in _NOT_ELEMENTS:
            continue
        attributes = inner.attributes
        if not _is_name_element(inner, attributes):
            continue
        if taken and any(t.mem_id in taken for t in dom.ancestors(inner)):
            continue  # inside a name element already read
        text = _line(inner)
        if text and clean_author(text, site_names=page.site_names, markup=True):
            href = attributes.get("href") if inner.tag == "a" else None
            found.append((text, href))
            taken.add(inner.mem_id)
    return found


#: Lexbor's tags of nodes that are not elements.
_NOT_ELEMENTS = frozenset({dom.TEXT, dom.COMMENT})


def _after(el: Node) -> str | None:
    """The text after a label ("By", "Autor:"): its tail, else the next element's."""
    nxt = el.next
    if nxt is not None and nxt.tag == dom.TEXT:
        tail = " ".join((nxt.text_content or "").split())
        if tail:
            return tail[:MAX_LINE_TEXT]
        nxt = nxt.next
    if nxt is None or nxt.tag in _NOT_ELEMENTS:
        return None
    return _line(nxt)


#: "Autor: Jane Doe" inside a longer line ("Datum: 19.11.2021 Autor: Jane Doe Quelle: X").
_LABELLED = re.compile(
    r"\b(?:autor(?:in|en)?|author|auteur|autore|verfasser(?:in)?|von|by)\s*:\s*"
    r"(?P<name>.{2,80}?)\s*(?=\b[^\W\d_]{3,20}\s*:|$)",
    re.IGNORECASE,
)


def _labelled(text: str) -> str | None:
    m = _LABELLED.search(text)
    return m["name"] if m is not None and m.start() > 0 else None


#: Elements whose class or id says author or byline (any case), as one
#: selector list: Lexbor tests every element in C.
_BYLINE_SELECTOR = '[class*="author" i], [id*="author" i], [class*="byline" i], [id*="byline" i]'


def _byline_elements(scope: Node) -> Iterator[Node]:
    """Elements whose class or id says author or byline, in document order
    (``scope`` itself first, when it does)."""
    low = dom.marks(scope.attributes).lower()
    if "author" in low or "byline" in low:
        yield scope
    yield from dom.select(scope, _BYLINE_SELECTOR)


def _within(el: Node, ancestor: Node) -> bool:
    target = ancestor.mem_id
    return any(a.mem_id == target for a in dom.ancestors(el))


def _word_list(names: list[str]) -> bool:
    """Three or more "names", most of them one word: a line of categories or
    tags ("CSP / International / Photovoltaik"), not a byline."""
    return len(names) >= 3 and 2 * sum(" " not in n for n in names) > len(names)


def find_byline(page: Page, scope: Node, searched: Node | None = None) -> bool:
    """The first byline element (class or id says author or byline) that names
    a person; else the first link to an author page that does; else the first
    organisation a byline credits. Whether one was found.

    ``searched``: a part of ``scope`` searched already (the article, before the
    whole page): what it holds is passed over.
    """
    credit: tuple[str, str] | None = None
    n = 0
    for el in _byline_elements(scope):
        if n >= MAX_LINES:
            break
        if searched is not None and _within(el, searched):
            continue
        if elsewhere(el) or is_site_heading(el):
            continue  # a comment's author, a related story's; the site's name
        n += 1
        names = _names_in(page, el)
        if names:
            page.authors(names, "byline", RANK["byline"])
            return True
        text = _line(el)
        if text is None:
            continue
        if lead_only(text):  # a split byline: "By" here, the name after it
            text = _after(el) or ""
        elif not clean_author(text, site_names=page.site_names, markup=True):
            text = _labelled(text) or text
        if not text:
            continue
        names_here = clean_author(text, site_names=page.site_names, markup=True)
        if names_here and not _word_list(names_here):
            page.authors([(text, None)], "byline", RANK["byline"])
            return True
        if credit is None and organisation_credit(text, site_names=page.site_names):
            credit = (text, "byline")
    n = 0
    for el in scope.css('a[href*="/aut"]'):
        href = el.attributes.get("href")
        if not href or "/aut" not in href or not any(h in href for h in AUTHOR_HREF):
            continue  # (one C-level test turns away nearly every link)
        if elsewhere(el) or (searched is not None and _within(el, searched)):
            continue
        n += 1
        if n > MAX_LINES:
            break
        text = _line(el)
        if text and clean_author(text, site_names=page.site_names, markup=True):
            page.authors([(text, href)], "a[href*=/author/]", RANK["byline"])
            return True
    if credit is not None:
        page.authors([(credit[0], None)], credit[1], RANK["byline"])
        return True
    return False


def rel_authors(page: Page, anchors: list[Node]) -> None:
    """``<a rel=author>`` links, but for those in comments, related stories,
    sidebars and menus."""
    found: list[tuple[str, str | None]] = []
    for el in anchors[:50]:
        attributes = el.attributes
        if "author" in (attributes.get("rel") or "").lower().split() and not elsewhere(el):
            text = _line(el, MAX_LINE_TEXT)
            if text:
                found.append((text, attributes.get("href")))
    if found:
        page.authors(found, "a[rel=author]", RANK["rel-author"])


#: Elements a labelled byline line stands in.
_LINE_TAGS = (
    "p",
    "div",
    "span",
    "em",
    "strong",
    "b",
    "i",
    "small",
    "address",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "font",
    "byline",
)
_LINE_TAG_SET = frozenset(_LINE_TAGS)
_PARAGRAPH = frozenset({"p"})


def _head(el: Node) -> str:
    """The text an element starts with, before its first child element (lxml's ``.text``)."""
    child = el.child
    return (child.text_content or "") if child is not None and child.tag == dom.TEXT else ""


#: A line that starts with a byline's lead-in ("Von Jane Doe", "Autor: Jane Doe",
#: "Text von Jane Doe", "Eine Kolumne von Jane Doe").
_TEXT_LEAD = re.compile(
    r"""
    (?:[-–—•|]\s*)?                                                  # a dash or a bullet before it
    (?:
      (?:by|von|por|par)\s                                           # a bare "by"
    | (?:autor(?:in|en)?|author|auteur|autore|verfasser(?:in)?|text|texte|texto|von|by
        |redaktion)\s*:                                                # a label
    | (?:(?:eine?|un|une)\s+)?(?:text|texte|kolumne|kommentar|gastbeitrag|gastkommentar|beitrag
        |blog\s?beitrag|analyse|bericht|reportage|interview|essay|column|story|words|written|posted
        |reported|publié|écrit|escrito|publicado)\s+(?:von|by|par|por)\s  # "Text von", "Eine Kolumne von"
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: "Hamburg (dpa/lno) – ...": a dateline and its agency credit at the start of a story.
_DATELINE_CREDIT = re.compile(r"[^\W\d][^()]{1,40}\s\(([^()]{2,40})\)\s*[-–—:]")


#: The letters a lead-in starts with (a cheap test before the regex).
_LEAD_FIRST = frozenset("BbVvPpAaTtEeKkGgIiSsWwRrCcUuÉéFf-–—•|")


def _strip_lead(line: str) -> str:
    m = _TEXT_LEAD.match(line)
    return line[m.end() :].lstrip(" :") if m is not None else line


def text_byline(page: Page, scope: Node) -> bool:
    """A labelled byline line in the article's text ("Von Jane Doe", "Autor:
    Jane Doe"), else the agency a dateline credits ("Hamburg (dpa/lno) – ...")."""
    for n, p in enumerate(dom.named(scope, _PARAGRAPH)):
        if n >= MAX_DATELINE_PARAGRAPHS:
            break
        m = _DATELINE_CREDIT.match(_head(p).lstrip())
        if m is not None and organisation_credit(m[1]) and not elsewhere(p):
            page.authors([(m[1], None)], "text(dateline)", RANK["text-byline"])
            return True
    size = 0
    for n, el in enumerate(dom.named(scope, _LINE_TAG_SET)):
        if n >= MAX_TEXT_ELEMENTS or size > MAX_TEXT_SEARCH:
            break
        head = _head(el)
        if not head or head.isspace():  # (most are: the indentation before a child)
            continue
        size += len(head)
        # The first letter, then the lead-in: a regex starting with \s* would
        # retry every alternative at every position of a run of spaces.
        if head[0].isspace():
            head = head.lstrip()
        if head[0] not in _LEAD_FIRST or not _TEXT_LEAD.match(head):
            continue
        line = _line(el, MAX_TEXT_LINE)
        if line is None:  # a long block: its first line only ("Von Jane Doe<br>...")
            line = " ".join(head.split())
            if len(line) > MAX_TEXT_LINE:
                continue
        if len(line.split()) > MAX_TEXT_LINE_WORDS or elsewhere(el):
            continue  # a sentence that starts with "By", not a byline
        rest = _strip_lead(line)
        if agency_credit(rest):  # "Von: det/dpa"
            page.authors([(rest, None)], "text", RANK["text-byline"])
            return True
        if not rest[:1].isupper():
            continue  # "Von der Ringform zur Kastenform": a name starts capitalised
        if clean_author(line, site_names=page.site_names, markup=True):
            page.authors([(line, None)], "text", RANK["text-byline"])
            return True
    return False
