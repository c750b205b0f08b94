"""The page's tree: selectolax's Lexbor engine, and the few operations the readers share.

Lexbor builds the tree an HTML5 browser builds (with scripting off, so a
``<noscript>``'s markup is read as markup), from UTF-8 bytes or a ``str``,
several times faster than libxml2. Its nodes are made on demand: two
objects for one element are not the same object (``is``), and ``==``
compares two nodes' serialised HTML (costly, and equal for twin elements),
so the readers compare and key nodes by ``mem_id``, the element's address.

Attribute values: ``node.attributes`` is a fresh ``dict`` per call, where an
attribute written without a value (``<div hidden>``) maps to ``None``; the
readers read the dict once per element and test presence with ``in``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import AnyStr

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

__all__ = [
    "MAX_DEPTH",
    "Node",
    "Tree",
    "ancestors",
    "attr",
    "cut_deep",
    "elements",
    "marks",
    "named",
    "parse",
    "select",
    "text",
    "text_nodes",
    "words_upto",
]

Node = LexborNode
Tree = LexborHTMLParser

#: Tags Lexbor gives nodes that are not elements.
TEXT, COMMENT, DOCUMENT = "-text", "-comment", "-document"


def parse(data: str | bytes) -> Tree:
    """The page's tree. ``bytes`` must be UTF-8 (invalid sequences read as
    U+FFFD); other encodings are decoded first (``_html.encoding``).

    Without Lexbor's DOM mutation events (``WO_EVENTS``: the tree as the
    markup wrote it, not a ``<selectedcontent>`` filled in as a browser's
    script would see it), which parses 3-4% faster."""
    return LexborHTMLParser(data, options=_OPTIONS)


_OPTIONS = LexborDocumentOptions.WO_EVENTS.value


#: Deepest nesting read. An HTML5 tree builder checks the stack of open
#: elements at each block start tag, so pages nested tens of thousands deep
#: cost time growing with the square of the depth (20,000 nested ``<div>``:
#: half a second); browsers cap it too (Blink at 512). libxml2 stopped at 256,
#: and so does this adapter: the rest of the page is not read, and the record
#: says so (``markup-cut``).
MAX_DEPTH = 256
#: Pages with fewer ``<`` than this are parsed without the depth check: even
#: nested all the way down they parse in about a tenth of a second.
DEPTH_CHECK_TAGS = 10_000

_TAGS_PATTERN = (
    # raw text to its end tag (or the end of the page, unclosed)
    r"<(?:(script|style|textarea|title|xmp|noembed|noframes|iframe)\b.*?(?:</\1\s*>|\Z)"
    r"|!--.*?(?:-->|\Z)"  # a comment (unclosed: to the end)
    r"|(/?)([a-zA-Z][a-zA-Z0-9-]*))"  # a start or end tag and its name
)
_TAGS = re.compile(_TAGS_PATTERN, re.S | re.I)
_TAGS_BYTES = re.compile(_TAGS_PATTERN.encode(), re.S | re.I)
#: Elements without content.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
#: Where a search of the stack of open elements stops (HTML's "scope").
_SCOPE = frozenset(
    {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"}
)
#: Start tags that close an open ``<p>`` (in button scope) before they open.
_CLOSES_P = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir"}
    | {"div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup"}
    | {"main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "pre"}
    | {"listing", "form", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Start tags that close an open element of their kind (or a related one),
#: searched for up to the given boundaries: ``<li>`` closes the list item
#: open in the same list, ``<tr>`` the row and cell open in the same table,
#: a new ``<a>`` the open link.
_IMPLIED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), _SCOPE | {"ol", "ul", "button"}),
    "dd": (frozenset({"dd", "dt"}), _SCOPE | {"dl", "ol", "ul", "button"}),
    "dt": (frozenset({"dd", "dt"}), _SCOPE | {"dl", "ol", "ul", "button"}),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "template", "html"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table", "template", "html"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table", "template", "html"})),
    "tbody": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "optgroup", "datalist"})),
    "optgroup": (frozenset({"optgroup", "option"}), frozenset({"select"})),
    "a": (frozenset({"a"}), _SCOPE),
    "nobr": (frozenset({"nobr"}), _SCOPE),
    "button": (frozenset({"button"}), _SCOPE),
    "rb": (frozenset({"rb", "rt", "rp", "rtc"}), frozenset({"ruby"})),
    "rt": (frozenset({"rb", "rt", "rp"}), frozenset({"ruby"})),
    "rp": (frozenset({"rb", "rt", "rp"}), frozenset({"ruby"})),
}
_P_SCOPE = _SCOPE | {"button"}


def cut_deep(data: AnyStr) -> tuple[AnyStr, int | None]:
    """``data`` up to the tag that would nest deeper than :data:`MAX_DEPTH`, and
    that tag's line (``None``: not cut). A cheap count of ``<`` decides whether
    the tags are looked at at all; the nesting is then followed as HTML's tree
    builder does, roughly: end tags close what they match in scope, block
    start tags close an open paragraph, a list item, a row or a cell closes
    the one open in the same list or table, void elements, comments and the
    contents of scripts do not count."""
    if isinstance(data, str):
        if data.count("<") < DEPTH_CHECK_TAGS:
            return data, None
        at = _deep_at_str(data)
        return (data, None) if at is None else (data[:at], data.count("\n", 0, at) + 1)
    if data.count(b"<") < DEPTH_CHECK_TAGS:
        return data, None
    at = _deep_at_bytes(data)
    return (data, None) if at is None else (data[:at], data.count(b"\n", 0, at) + 1)


def _deep_at_str(data: str) -> int | None:
    return _deep_at((m[2] == "/", m[3].lower(), m.start()) for m in _TAGS.finditer(data) if m[3])


def _deep_at_bytes(data: bytes) -> int | None:
    return _deep_at(
        (m[2] == b"/", m[3].decode("ascii").lower(), m.start())
        for m in _TAGS_BYTES.finditer(data)
        if m[3]
    )


def _close(stack: list[str], targets: frozenset[str], bounds: frozenset[str]) -> None:
    """Pop up to and including the nearest of ``targets``, if one is open
    before any of ``bounds``."""
    for i in range(len(stack) - 1, -1, -1):
        name = stack[i]
        if name in targets:
            del stack[i:]
            return
        if name in bounds:
            return


def _deep_at(tags: Iterator[tuple[bool, str, int]]) -> int | None:
    """Where the first tag nested deeper than :data:`MAX_DEPTH` starts, if one is."""
    stack: list[str] = []
    for end, tag, at in tags:
        if end:  # an end tag closes the nearest open element it names, in scope
            _close(stack, frozenset((tag,)), _P_SCOPE if tag == "p" else _SCOPE - {tag})
            continue
        if tag in _VOID:
            continue
        if tag in _CLOSES_P:
            _close(stack, _P_ONLY, _P_SCOPE)
            if tag in _HEADINGS and stack and stack[-1] in _HEADINGS:
                stack.pop()
            if tag == "form" and "form" in stack:
                continue  # a form inside a form is ignored
        implied = _IMPLIED.get(tag)
        if implied is not None:
            _close(stack, *implied)
        stack.append(tag)
        if len(stack) > MAX_DEPTH:
            return at
    return None


_P_ONLY = frozenset({"p"})


def select(scope: Node, selector: str) -> list[Node]:
    """The elements under ``scope`` a CSS selector list matches, in document
    order, each once (Lexbor's own list repeats an element for each selector
    of the list it matches)."""
    found = scope.css(selector)
    if "," not in selector:
        return found
    out: list[Node] = []
    seen: set[int] = set()
    for el in found:
        key = el.mem_id
        if key not in seen:
            seen.add(key)
            out.append(el)
    return out


def attr(el: Node, name: str) -> str | None:
    """An attribute's value; ``""`` for one written without a value, ``None`` when absent."""
    attributes = el.attributes
    if name not in attributes:
        return None
    return attributes[name] or ""


def marks(attributes: dict[str, str | None]) -> str:
    """An element's ``class`` and ``id``, one string (``""`` without either)."""
    cls = attributes.get("class")
    ident = attributes.get("id")
    if ident:
        return f"{cls} {ident}" if cls else ident
    return cls or ""


def elements(scope: Node) -> Iterator[Node]:
    """``scope`` and the elements under it, in document order, lazily (as lxml's ``iter()``)."""
    for node in scope.traverse():
        if node.tag != COMMENT:
            yield node


def named(scope: Node, tags: frozenset[str]) -> Iterator[Node]:
    """``scope`` and the elements under it whose tag is one of ``tags``, in
    document order, lazily (as lxml's ``iter(*tags)``): a search can stop
    early, where a selector list would find them all."""
    for node in scope.traverse():
        if node.tag in tags:
            yield node


def ancestors(el: Node) -> Iterator[Node]:
    """The elements around ``el``, nearest first, up to ``<html>``."""
    node = el.parent
    while node is not None and node.tag != DOCUMENT:
        yield node
        node = node.parent


def text(el: Node, separator: str = "") -> str:
    """The text under ``el`` (scripts' and styles' included, comments' not)."""
    return el.text(deep=True, separator=separator)


def text_nodes(scope: Node, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """The text nodes under ``scope`` in document order, but for those inside an
    element whose tag is in ``skip`` (whose subtree is not walked at all),
    found lazily, so a search can stop early."""
    node = scope.child
    stack: list[Node] = []
    while node is not None:
        tag = node.tag
        if tag == TEXT:
            value = node.text_content
            if value:
                yield value
        elif tag not in skip and tag != COMMENT:
            child = node.child
            if child is not None:
                stack.append(node)
                node = child
                continue
        nxt = node.next
        while nxt is None and stack:
            nxt = stack.pop().next
        node = nxt


def words_upto(el: Node, limit: int) -> str | None:
    """The words under ``el`` joined by one space, or ``None`` when that is
    longer than ``limit`` characters (a container marked ``author-…`` can hold
    the whole page)."""
    line = " ".join(el.text(deep=True, separator=" ").split())
    return line if len(line) <= limit else None
