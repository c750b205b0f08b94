"""HTML tags inside text values: the one tag pattern and stripper.

Values that should be text often carry markup: a NewsAPI ``description`` or
``content`` with ``<p>`` and ``<a>``, an ``og:description`` with ``<b>``.
Every adapter removes it here, by one rule: a block tag (``<p>``, ``<br>``,
``<li>``…) becomes a line break, any other tag a space between two word
characters (``and<a>Read more`` are two words) and nothing elsewhere
(``League</a>,``). Entities are left
alone (the caller decodes them after), so escaped markup (``&lt;meta&gt;``)
stays text.

>>> strip_tags("<p>First</p><p>Second <b>bold</b>, done</p>")
'\\nFirst\\n\\nSecond bold, done\\n'
>>> strip_tags("and<a href='/x'>Read more</a> &lt;meta&gt;")
'and Read more &lt;meta&gt;'
>>> has_tags("a < b and c > d"), has_tags("a <br/> b")
(False, True)
"""

from __future__ import annotations

import re

__all__ = ["BLOCK_TAGS", "TAG", "has_tags", "strip_tags"]

#: A tag: its name (at most 21 characters), bounded attributes, maybe self-closing.
TAG = re.compile(
    r"""
    <(?P<close>/?)                 # an opening or closing tag
    (?P<name>[A-Za-z][A-Za-z0-9]{0,20})  # its name
    (?:\s[^<>]{0,500})?            # its attributes, bounded
    /?>                            # maybe self-closing
    """,
    re.VERBOSE,
)
#: Tags that end a line of text.
BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
)


def _sub(m: re.Match[str]) -> str:
    if m["name"].lower() in BLOCK_TAGS:
        return "\n"
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
