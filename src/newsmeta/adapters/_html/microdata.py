"""schema.org microdata: ``itemscope``/``itemtype``/``itemprop`` to plain objects.

Strategy: one XPath query (C speed) returns every element that has
``itemscope`` or ``itemprop``, in document order. Each property's owner is
its nearest ``itemscope`` ancestor, found by walking up parents (a few steps)
against the set of scope elements, so no subtree is walked in Python. Items
come out in the same shape as JSON-LD (``{"@type": ..., "prop": [values]}``)
for the shared schema.org mapper. Properties with no item around them
(orphan ``<meta itemprop>``) are gathered into one untyped object.
"""

from __future__ import annotations

from lxml import etree

from newsmeta.adapters._html.schema import SchemaObject

__all__ = ["items"]

#: Most microdata elements read from one page.
MAX_NODES = 5000
#: Longest text value taken from an element's text content.
MAX_TEXT = 2000
#: Properties whose value is the article body: not needed, costly to read.
SKIP = frozenset({"articleBody", "text", "reviewBody", "articlebody"})

#: The attribute holding each element's URL value. (Attribute names are
#: given to lxml as bytes throughout: it then skips encoding them per call.)
_URL_ATTR = {
    "a": b"href",
    "area": b"href",
    "link": b"href",
    "img": b"src",
    "audio": b"src",
    "video": b"src",
    "source": b"src",
    "embed": b"src",
    "iframe": b"src",
    "track": b"src",
    "object": b"data",
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

# Attribute steps are faster in libxml2 than an element test with a predicate.
_FIND = etree.XPath("//@itemprop/.. | //@itemscope/..")


def _text(el: etree._Element) -> str:
    """An element's text content (lxml's stubs type ``itertext`` loosely)."""
    return "".join(t for t in el.itertext() if isinstance(t, str))


def _value(el: etree._Element) -> str:
    tag = el.tag
    tag = tag if isinstance(tag, str) else ""
    content = el.get(b"content")
    if content is not None:
        return content
    attr = _URL_ATTR.get(tag)
    if attr is not None:
        return el.get(attr) or ""
    if el.get(b"datetime") is not None:  # <time datetime>, and any element misusing it
        return el.get(b"datetime") or ""
    if tag in ("data", "meter") and el.get(b"value") is not None:
        return el.get(b"value") or ""
    text = _text(el)
    return text[:MAX_TEXT]


def items(root: etree._Element) -> tuple[list[SchemaObject], SchemaObject]:
    """Top-level items and the object of orphan properties."""
    found = _FIND(root)
    if not isinstance(found, list) or not found:
        return [], {}
    nodes = [n for n in found if isinstance(n, etree._Element)][:MAX_NODES]
    objects: dict[etree._Element, SchemaObject] = {}
    for n in nodes:
        if n.get(b"itemscope") is not None:
            obj: SchemaObject = {}
            itemtype = (n.get(b"itemtype") or "").split()
            if itemtype:
                obj["@type"] = itemtype if len(itemtype) > 1 else itemtype[0]
            ident = n.get(b"itemid")
            if ident:
                obj["@id"] = ident
            objects[n] = obj
    top: list[SchemaObject] = []
    orphans: SchemaObject = {}
    for n in nodes:
        names = (n.get(b"itemprop") or "").split()
        if not names:
            if n in objects:
                top.append(objects[n])
            continue
        owner = None
        parent = n.getparent()
        while parent is not None:
            if parent in objects:
                owner = objects[parent]
                break
            parent = parent.getparent()
        if owner is None:
            owner = orphans
            if n in objects:  # an item with itemprop but no owner is also top-level
                top.append(objects[n])
        value: object
        if n in objects:
            value = objects[n]
        elif any(name in SKIP for name in names):
            continue
        else:
            value = _value(n)
        for name in names:
            if name in _DATE_NAMES:
                name = _DATE_NAMES[name]
            bucket = owner.setdefault(name, [])
            if isinstance(bucket, list):
                bucket.append(value)
    return top, orphans
