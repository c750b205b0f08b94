"""Unresolved XPath templates left in place of values.

Strategy: a placeholder line is one or more XPath expressions separated by
white space. We split it with a linear scanner that respects quotes and
brackets (never a backtracking regex), compile each part with lxml to prove
it is XPath, and read the meta field it selects to explain why it failed.

>>> [p.field for p in find_placeholders("/html/head/meta[@name='og:title']/@content /html/head/meta[@name='og:description']/@content")]
['og:title', 'og:description']
>>> p = find_placeholders("/html/head/meta[@name='og:title']/@content")[0]
>>> p.attribute, p.selector_attribute, p.compiles
('content', 'name', True)
>>> p.suggested
"/html/head/meta[@property='og:title']/@content"
>>> find_placeholders("kazakhstan") == []
True
>>> find_placeholders("/html/head/meta[@name='og:title']/@content and more") == []
True
>>> find_template_marker("Read {{ article.title }} now")
'{{ article.title }}'
>>> find_template_marker("costs ${price}"), find_template_marker("a {b} c") is None
('${price}', True)
"""

from __future__ import annotations

import functools
import re

from attrs import frozen
from lxml import etree

from newsmeta._tables import META_SELECTOR_ATTRIBUTE

__all__ = [
    "FoundPlaceholder",
    "analyse_expression",
    "find_placeholders",
    "find_template_marker",
    "looks_like_xpath",
    "split_expressions",
]

#: Longest expression we try to compile: real templates are under 200 characters.
MAX_XPATH_LEN = 1000
#: Analyses remembered: the same few templates leak into thousands of dumps,
#: and compiling one with lxml costs more than parsing the rest of a dump.
ANALYSIS_CACHE_SIZE = 1024

_META = re.compile(
    r"""
    meta\[\s*@(?P<sel>name|property|itemprop|http-equiv)\s*=\s*   # selecting attribute
    (?P<q>['"])(?P<field>[^'"\]]{1,100})(?P=q)\s*\]             # quoted field name
    (?:/@(?P<attr>[\w:-]{1,50}))?                                # attribute read
    """,
    re.VERBOSE,
)
_ATTR_TAIL = re.compile(r"/@([\w:-]{1,50})$")
_START = re.compile(r"^(?:/|\.//|//)[A-Za-z*@(]")


@frozen(kw_only=True)
class FoundPlaceholder:
    xpath: str
    field: str | None
    attribute: str | None
    selector_attribute: str | None
    compiles: bool
    hint: str | None
    suggested: str | None


#: The tokens :func:`split_expressions` walks: a quoted string (an open one runs
#: to the end), an opening or closing bracket, a run of white space, a run of
#: anything else. Each alternative starts on a different character: no backtracking.
_TOKEN = re.compile(
    r"""
    '[^']*(?:'|\Z)          # a single-quoted string
    | "[^"]*(?:"|\Z)        # a double-quoted string
    | [\[(]                 # an opening bracket
    | [\])]                 # a closing bracket
    | \s+                   # white space
    | [^'"\[\]()\s]+        # anything else
    """,
    re.VERBOSE,
)


def split_expressions(line: str) -> list[str]:
    """Split on white space outside quotes and brackets (linear time).

    >>> split_expressions("/a[@x='1 2'] //b[c d]  ./e")
    ["/a[@x='1 2']", '//b[c d]', './e']
    """
    parts: list[str] = []
    buf: list[str] = []
    depth = 0
    for tok in _TOKEN.findall(line):  # a token at a time, not a character at a time
        first = tok[0]
        if first in "[(":
            depth += 1
        elif first in "])":
            depth = max(depth - 1, 0)
        elif depth == 0 and first.isspace():
            if buf:
                parts.append("".join(buf))
                buf = []
            continue
        buf.append(tok)
    if buf:
        parts.append("".join(buf))
    return parts


def looks_like_xpath(text: str) -> bool:
    return len(text) <= MAX_XPATH_LEN and _START.match(text) is not None


def _compiles(expr: str) -> bool:
    try:
        etree.XPath(expr)
    except (etree.XPathSyntaxError, etree.XPathError, ValueError):
        return False
    return True


def analyse_expression(expr: str) -> FoundPlaceholder:
    """What one XPath template reads, whether it compiles, and why it found nothing."""
    if len(expr) <= MAX_XPATH_LEN:
        return _analyse_cached(expr)
    return _analyse(expr)


@functools.lru_cache(maxsize=ANALYSIS_CACHE_SIZE)  # keys are short: checked above
def _analyse_cached(expr: str) -> FoundPlaceholder:
    return _analyse(expr)


def _analyse(expr: str) -> FoundPlaceholder:
    m = _META.search(expr)
    field = sel = attr = hint = suggested = None
    if m is not None:
        field, sel, attr = m["field"], m["sel"], m["attr"]
        for prefix, wanted in META_SELECTOR_ATTRIBUTE.items():
            if field.lower().startswith(prefix) and sel != wanted:
                hint = (
                    f"{field} is declared with {wanted}=, not {sel}=, on real pages "
                    f'(e.g. <meta {wanted}="{field}" content="…">), so @{sel} selects nothing'
                )
                suggested = expr[: m.start("sel")] + wanted + expr[m.end("sel") :]
                break
        else:
            hint = (
                "the template was written out instead of its value: the scraper did not evaluate it"
            )
    else:
        tail = _ATTR_TAIL.search(expr)
        attr = tail[1] if tail else None
        hint = "the template was written out instead of its value: the scraper did not evaluate it"
    ok = _compiles(expr)
    if not ok:
        hint = "not valid XPath 1.0; " + (hint or "")
    return FoundPlaceholder(
        xpath=expr,
        field=field,
        attribute=attr,
        selector_attribute=sel,
        compiles=ok,
        hint=hint,
        suggested=suggested,
    )


def find_placeholders(line: str) -> list[FoundPlaceholder]:
    """All XPath templates on ``line``, or ``[]`` unless every part of it is one."""
    stripped = line.strip()
    if not stripped.startswith(("/", ".//")) or len(stripped) > 20 * MAX_XPATH_LEN:
        return []
    parts = split_expressions(stripped)
    if not parts or not all(looks_like_xpath(p) for p in parts):
        return []
    return [analyse_expression(p) for p in parts]


#: Template syntax a renderer should have replaced: Jinja/Mustache, shell/JS.
_TEMPLATE = re.compile(
    r"""
    \{\{[^{}]{1,200}\}\}           # {{ field }}  (Jinja, Mustache, Handlebars)
    | \{%[^{}]{1,200}%\}            # {% tag %}    (Jinja, Liquid)
    | \$\{[A-Za-z_][\w.]{0,100}\}   # ${field}     (shell, JS template literals)
    """,
    re.VERBOSE,
)


def find_template_marker(text: str) -> str | None:
    """The first unrendered template expression in ``text`` (``{{ title }}``), if any."""
    if "{" not in text:
        return None
    m = _TEMPLATE.search(text)
    return m.group() if m else None
