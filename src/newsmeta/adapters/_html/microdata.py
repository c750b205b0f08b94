"""schema.org microdata: ``itemscope``/``itemtype``/``itemprop`` to plain objects.

Strategy: the adapter's one selector list (``meta.collect``, Lexbor's, in C)
returns every element that has ``itemscope`` or ``itemprop``, in document
order, with its attributes. Each property's owner is
its nearest ``itemscope`` ancestor, found by walking up parents (a few steps)
against the set of scope elements, so no subtree is walked in Python. Items
come out in the same shape as JSON-LD (``{"@type": ..., "prop": [values]}``)
for the shared schema.org mapper. Properties with no item around them
(orphan ``<meta itemprop>``) are gathered into one untyped object.
"""

from __future__ import annotations

from newsmeta.adapters._html import dom
from newsmeta.adapters._html.dom import Node
from newsmeta.adapters._html.schema import SchemaObject

__all__ = ["items"]

#: Longest text value taken from an element's text content.
MAX_TEXT = 2000
#: Properties whose value is the article body: not needed, costly to read.
SKIP = frozenset({"articleBody", "text", "reviewBody", "articlebody"})

#: The attribute holding each element's URL value.
_URL_ATTR = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "iframe": "src",
    "track": "src",
    "object": "data",
}

#: schema.org's date properties as pages misspell them (``itemprop="datecreated"``):
#: property names are case-sensitive, but no other property shares these letters.
_DATE_NAMES = {
    "datepublished": "datePublished",
    "datecreated": "dateCreated",
    "datemodified": "dateModified",
    "DatePublished": "datePublished",
    "DateCreated": "dateCreated",
    "DateModified": "dateModified",
}


def _value(el: Node, attributes: dict[str, str | None]) -> str:
    tag = el.tag or ""
    if "content" in attributes:
        return attributes["content"] or ""
    attr = _URL_ATTR.get(tag)
    if attr is not None:
        return attributes.get(attr) or ""
    if "datetime" in attributes:  # <time datetime>, and any element misusing it
        return attributes["datetime"] or ""
    if tag in ("data", "meter") and "value" in attributes:
        return attributes["value"] or ""
    return dom.text(el)[:MAX_TEXT]


def items(
    nodes: list[tuple[Node, dict[str, str | None]]],
) -> tuple[list[SchemaObject], SchemaObject]:
    """Top-level items and the object of orphan properties, from the page's
    microdata elements and their attributes in document order."""
    if not nodes:
        return [], {}
    objects: dict[int, SchemaObject] = {}  # by node (mem_id: nodes compare by their HTML)
    for n, attributes in nodes:
        if "itemscope" in attributes:
            obj: SchemaObject = {}
            itemtype = (attributes.get("itemtype") or "").split()
            if itemtype:
                obj["@type"] = itemtype if len(itemtype) > 1 else itemtype[0]
            ident = attributes.get("itemid")
            if ident:
                obj["@id"] = ident
            objects[n.mem_id] = obj
    top: list[SchemaObject] = []
    orphans: SchemaObject = {}
    for n, attributes in nodes:
        names = (attributes.get("itemprop") or "").split()
        if not names:
            if n.mem_id in objects:
                top.append(objects[n.mem_id])
            continue
        owner = None
        for parent in dom.ancestors(n):
            if parent.mem_id in objects:
                owner = objects[parent.mem_id]
                break
        if owner is None:
            owner = orphans
            if n.mem_id in objects:  # an item with itemprop but no owner is also top-level
                top.append(objects[n.mem_id])
        value: object
        if n.mem_id in objects:
            value = objects[n.mem_id]
        elif any(name in SKIP for name in names):
            continue
        else:
            value = _value(n, attributes)
        for name in names:
            if name in _DATE_NAMES:
                name = _DATE_NAMES[name]
            bucket = owner.setdefault(name, [])
            if isinstance(bucket, list):
                bucket.append(value)
    return top, orphans
