"""HTML tags inside text values: the one tag pattern and stripper.

Values that should be text often carry markup: a NewsAPI ``description`` or
``content`` with ``<p>`` and ``<a>``, an ``og:description`` with ``<b>``.
Every adapter removes it here, by one rule: a block tag (``<p>``, ``<br>``,
``<li>``…) becomes a line break, any other tag a space between two word
characters (``and<a>Read more`` are two words) and nothing elsewhere
(``League</a>,``). Entities are left
alone (the caller decodes them after), so escaped markup (``&lt;meta&gt;``)
stays text. Where the escaping was already undone (an HTML attribute's value
is decoded by the parser), a tag named in a sentence stays text too: an
opening tag without attributes whose name is not one of the elements text is
marked up with (:data:`CONTENT_TAGS`: ``<meta>``, ``<title>``, ``<head>``,
``<Name>``) and whose closing tag does not follow.

>>> strip_tags("<p>First</p><p>Second <b>bold</b>, done</p>")
'\\nFirst\\n\\nSecond bold, done\\n'
>>> strip_tags("and<a href='/x'>Read more</a> &lt;meta&gt;")
'and Read more &lt;meta&gt;'
>>> has_tags("a < b and c > d"), has_tags("a <br/> b")
(False, True)
>>> strip_tags("HTML/XHTML <meta> elements, <title>, and <b>bold</b> <script>x</script>")
'HTML/XHTML <meta> elements, <title>, and bold x'
"""

from __future__ import annotations

import re

__all__ = ["BLOCK_TAGS", "CONTENT_TAGS", "TAG", "has_tags", "strip_tags"]

#: A tag: its name (at most 21 characters), bounded attributes, maybe self-closing.
TAG = re.compile(
    r"""
    <(?P<close>/?)                 # an opening or closing tag
    (?P<name>[A-Za-z][A-Za-z0-9]{0,20})  # its name
    (?P<attrs>\s[^<>]{0,500})?     # its attributes, bounded
    /?>                            # maybe self-closing
    """,
    re.VERBOSE,
)
#: Tags that end a line of text.
BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
)


#: How far after a tag its closing tag is looked for.
CLOSE_SEARCH = 10_000

#: Elements text is marked up with: a tag of one of these is markup even
#: alone. Others (``meta``, ``title``, ``head``, a made-up ``<Name>``) are
#: markup only with attributes or with their closing tag in the same text.
CONTENT_TAGS = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "address",
        "article",
        "aside",
        "audio",
        "b",
        "bdi",
        "bdo",
        "big",
        "blink",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "dir",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "main",
        "mark",
        "marquee",
        "nav",
        "nobr",
        "noscript",
        "object",
        "ol",
        "option",
        "p",
        "picture",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "section",
        "select",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    }
)


def _sub(m: re.Match[str]) -> str:
    name = m["name"].lower()
    if name in BLOCK_TAGS:
        return "\n"
    if name not in CONTENT_TAGS and not m["close"] and not m["attrs"]:
        # "<meta> elements": a tag named in a sentence, unless it is closed after.
        after = m.string[m.end() : m.end() + CLOSE_SEARCH]  # bounded: linear in the text
        if f"</{name}" not in after.lower():
            return m[0]
    text, start, end = m.string, m.start(), m.end()
    # Between two word characters an inline tag parts words ("and<a>Read more");
    # beside a space or punctuation it parts nothing ("League</a>,").
    if start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
        return " "
    return ""


def has_tags(text: str) -> bool:
    """Does ``text`` hold an HTML tag?"""
    return "<" in text and TAG.search(text) is not None


def strip_tags(text: str) -> str:
    """``text`` without its tags (see the module's docstring for the one rule)."""
    return TAG.sub(_sub, text) if "<" in text else text
