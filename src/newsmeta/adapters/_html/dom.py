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
    "descendants",
    "elements",
    "marks",
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
    r"<(?:(script|style|textarea|title|xmp|noembed|noframes|iframe)\b.*?</\1\s*>"  # raw text
    r"|!--.*?-->"  # a comment
    r"|(/?)([a-zA-Z][a-zA-Z0-9-]*))"  # a start or end tag and its name
)
_TAGS = re.compile(_TAGS_PATTERN, re.S | re.I)
_TAGS_BYTES = re.compile(_TAGS_PATTERN.encode(), re.S | re.I)
#: Elements without content, and those HTML closes by themselves when the
#: next of their kind starts (``<p>a<p>b``, ``<li>``, table cells).
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_SELF_CLOSING = frozenset(
    {"p", "li", "dd", "dt", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp"}
)
_VOID_BYTES = frozenset(t.encode() for t in _VOID)
_SELF_CLOSING_BYTES = frozenset(t.encode() for t in _SELF_CLOSING)


def cut_deep(data: AnyStr) -> tuple[AnyStr, int | None]:
    """``data`` up to the tag that would nest deeper than :data:`MAX_DEPTH`, and
    that tag's line (``None``: not cut). A cheap count of ``<`` decides whether
    the tags are looked at at all; the nesting is then followed as a tree
    builder would, roughly (end tags close what they match, void elements and
    the contents of scripts and comments do not count)."""
    if isinstance(data, str):
        if data.count("<") < DEPTH_CHECK_TAGS:
            return data, None
        at = _deep_at(_TAGS.finditer(data), _VOID, _SELF_CLOSING)
        return (data, None) if at is None else (data[:at], data.count("\n", 0, at) + 1)
    if data.count(b"<") < DEPTH_CHECK_TAGS:
        return data, None
    at = _deep_at(_TAGS_BYTES.finditer(data), _VOID_BYTES, _SELF_CLOSING_BYTES)
    return (data, None) if at is None else (data[:at], data.count(b"\n", 0, at) + 1)


def _deep_at(
    tags: Iterator[re.Match[AnyStr]], void: frozenset[AnyStr], closing: frozenset[AnyStr]
) -> int | None:
    """Where the first tag nested deeper than :data:`MAX_DEPTH` starts, if one is."""
    stack: list[AnyStr] = []
    for m in tags:
        name = m[3]
        if not name:
            continue  # raw text or a comment
        tag = name.lower()
        if m[2]:  # an end tag closes the nearest open element it names
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == tag:
                    del stack[i:]
                    break
            continue
        if tag in void:
            continue
        if tag in closing and tag in stack[-3:]:
            i = len(stack) - 1 - stack[::-1].index(tag)
            del stack[i:]
        stack.append(tag)
        if len(stack) > MAX_DEPTH:
            return m.start()
    return None


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


def descendants(scope: Node) -> Iterator[Node]:
    """The elements under ``scope`` (not ``scope`` itself), in document order, lazily."""
    walk = scope.traverse()
    next(walk, None)
    for node in walk:
        if node.tag != COMMENT:
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
