"""Placeholders meet pages: evaluate a dump's leftover XPath templates on the page.

Strategy: a dump that leaked ``/html/head/meta[@name='og:title']/@content``
says which value it meant to read; given the page, newsmeta reads it. Each
placeholder's expression is tried as written, then as repaired (the
recogniser's ``suggested``: ``@name`` → ``@property`` for OpenGraph), then
with the other selecting attribute. The first that selects something fills
the record's field, if it is empty, through the same normalisers as the HTML
adapter; the expression that worked is recorded on the placeholder
(``suggested``) and in the field's provenance.

Evaluation is safe: XPath 1.0 only (lxml's libxml2 engine, no EXSLT regular
expressions, no extension functions), every function call checked against the
XPath 1.0 core library, no variables, bounded length, nesting and number of
``//`` steps, and only the first results read. The page itself is bounded by
:class:`~newsmeta.settings.Limits`.

>>> check_xpath("/html/head/meta[@property='og:title']/@content") is None
True
>>> check_xpath("//a[re:test(@href, 'x')]")
"function 're:test' is not an XPath 1.0 core function"
>>> check_xpath("//*[has-class('x')]")
"function 'has-class' is not an XPath 1.0 core function"
>>> check_xpath("$doc//a")
'variables are not allowed'
>>> check_xpath("//meta[@x and contains (@name, 'og')]/descendant-or-self::node()") is None
True
>>> check_xpath("(//meta)[1]/@content") is None
True
>>> check_xpath("//*[count(//*[count(//*) > 0]) > 0]")
'an absolute path inside a predicate (its work multiplies per node)'
>>> check_xpath("//*[.//meta]")
"'//' inside a predicate (its work multiplies per node)"
>>> check_xpath("//*[@a and /html]")
'an absolute path inside a predicate (its work multiplies per node)'
>>> check_xpath("//*/following::*")
'the following axis here makes the work grow with the square of the page'
>>> check_xpath("//div[descendant::meta]")
'the descendant axis here makes the work grow with the square of the page'
>>> check_xpath("/html/head/meta[@name='a/b' or @property='og:title']/@content") is None
True
"""

from __future__ import annotations

from typing import Any

import attrs
from lxml import etree

from newsmeta._kit import Extraction, as_field
from newsmeta._tables import META_FIELD_TO_RECORD
from newsmeta.adapters._html.names import RANK
from newsmeta.adapters._html.page import Page
from newsmeta.records import Article, Issue, Organization, Placeholder, Severity

__all__ = ["check_xpath", "fill"]

#: Longest expression evaluated.
MAX_XPATH_LEN = 1000
#: Most ``//`` steps, and deepest ``[]``/``()`` nesting, in one expression:
#: each ``//`` inside a predicate multiplies the work.
MAX_DESCENDANT_STEPS = 4
MAX_NESTING = 4
#: Most results read from one evaluation.
MAX_RESULTS = 50

#: XPath 1.0 core functions and node tests (https://www.w3.org/TR/xpath-10/).
CORE_FUNCTIONS = frozenset(
    [
        "last",
        "position",
        "count",
        "id",
        "local-name",
        "namespace-uri",
        "name",
        "string",
        "concat",
        "starts-with",
        "contains",
        "substring-before",
        "substring-after",
        "substring",
        "string-length",
        "normalize-space",
        "translate",
        "boolean",
        "not",
        "true",
        "false",
        "lang",
        "number",
        "sum",
        "floor",
        "ceiling",
        "round",
        "node",
        "text",
        "comment",
        "processing-instruction",
    ]
)
#: Axes that visit most of the page from every node (quadratic from ``//*``).
_QUADRATIC_AXES = frozenset(["following", "preceding", "following-sibling", "preceding-sibling"])
#: Axes that visit a subtree: fine once, not once per node inside a predicate.
_DESCENDANT_AXES = frozenset(["descendant", "descendant-or-self"])
#: Words after which a "/" starts a new (absolute) path.
_OPERATOR_WORDS = frozenset(["and", "or", "div", "mod"])
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


def check_xpath(expr: str) -> str | None:
    """Why ``expr`` may not be evaluated, or ``None`` if it may (linear scan)."""
    if len(expr) > MAX_XPATH_LEN:
        return f"longer than {MAX_XPATH_LEN} characters"
    depth = 0
    quote = ""
    name: list[str] = []
    spaced = False  # white space ended the name: a name char after it starts a new one
    brackets: list[str] = []  # open "[" and "(": inside a "[", a path runs once per node
    prev = ""  # the last character outside white space and string literals
    for ch in expr:
        if quote:
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
            name = []
            prev = ch
            continue
        if ch == "$":
            return "variables are not allowed"
        if ch == "/" and "[" in brackets:
            # A predicate runs once per node: an absolute path or a descendant step
            # in it multiplies the work (//*[count(//*[count(//*) > 0]) > 0] is cubic).
            word = "".join(name).strip()
            if prev == "/":
                return "'//' inside a predicate (its work multiplies per node)"
            if prev in "[(,=<>!|+-*" or (spaced and word in _OPERATOR_WORDS):
                return "an absolute path inside a predicate (its work multiplies per node)"
        if ch == ":" and name[-1:] == [":"]:
            axis = "".join(name[:-1]).strip()
            if axis in _QUADRATIC_AXES or (axis in _DESCENDANT_AXES and "[" in brackets):
                return f"the {axis} axis here makes the work grow with the square of the page"
        if ch in "[(":
            if ch == "(":
                fn = "".join(name).rsplit("::", 1)[-1]  # an axis before a node test
                if fn and fn not in CORE_FUNCTIONS:
                    return f"function {fn!r} is not an XPath 1.0 core function"
            depth += 1
            brackets.append(ch)
            if depth > MAX_NESTING:
                return f"nested deeper than {MAX_NESTING}"
        elif ch in "])":
            depth = max(0, depth - 1)
            if brackets:
                brackets.pop()
        if ch not in " \t\r\n":
            prev = ch
        if ch in _NAME_CHARS:
            if spaced:
                name, spaced = [], False
            name.append(ch)
        elif ch in " \t\r\n":
            spaced = bool(name)
        else:
            name, spaced = [], False
    if quote:
        return "an unclosed string literal"
    if expr.count("//") > MAX_DESCENDANT_STEPS:
        return f"more than {MAX_DESCENDANT_STEPS} '//' steps"
    return None


def _evaluate(root: etree._Element, expr: str) -> list[str] | str:
    """Strings the expression selects, or why it was not evaluated."""
    why = check_xpath(expr)
    if why is not None:
        return why
    try:
        compiled = etree.XPath(expr, regexp=False, smart_strings=False)
        result: Any = compiled(root)
    except (etree.XPathError, ValueError, TypeError) as exc:
        return f"not valid XPath 1.0: {exc}"
    if isinstance(result, (str, float, bool)):
        text = str(result) if not isinstance(result, bool) else ("true" if result else "false")
        return [text] if text else []
    out: list[str] = []
    for item in result[:MAX_RESULTS] if isinstance(result, list) else []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, etree._Element):
            out.append("".join(t for t in item.itertext() if isinstance(t, str)))
    return [s for s in out if s.strip()]


def _alternatives(ph: Placeholder) -> list[str]:
    """The expression, its suggested repair, then the other selecting attribute."""
    exprs = [ph.xpath]
    if ph.suggested:
        exprs.append(ph.suggested)
    if ph.selector_attribute in ("name", "property"):
        other = "property" if ph.selector_attribute == "name" else "name"
        swapped = ph.xpath.replace(f"@{ph.selector_attribute}=", f"@{other}=")
        exprs.append(swapped)
    seen: list[str] = []
    for e in exprs:
        if e not in seen:
            seen.append(e)
    return seen


def _candidates(page: Page, field: str, values: list[str], path: str) -> None:
    rank = RANK["og"]
    first = values[0]
    if field in ("title", "description", "section"):
        page.text(as_field(field), first, path, rank)
    elif field in ("published", "modified", "created"):
        page.when(as_field(field), first, path, rank)
    elif field == "url":
        page.url("url", first, path, rank)
    elif field == "og_image":
        page.image(first, path, rank)
    elif field in ("tags", "keywords"):
        page.tags(as_field(field), values, path, rank)
    elif field == "language":
        page.language(first, path, rank)
    elif field == "publisher":
        page.publisher(Organization(name=" ".join(first.split())), first, path, rank)


def fill(article: Article, root: etree._Element, *, url: str | None = None) -> Article:
    """The article with its placeholders evaluated on the page (see the module docstring)."""
    if not article.placeholders:
        return article
    ex = Extraction(adapter="html", input=None)
    page = Page(ex=ex, base=url or article.url)
    placeholders: list[Placeholder] = []
    issues: list[Issue] = list(article.issues)
    for ph in article.placeholders:
        used = None
        values: list[str] = []
        notes: list[str] = []
        for expr in _alternatives(ph):
            got = _evaluate(root, expr)
            if isinstance(got, str):
                notes.append(f"{expr}: {got}")
                continue
            if got:
                used, values = expr, got
                break
        if used is None:
            hint = "evaluated on the page: nothing selected" + (
                f" ({'; '.join(notes)})" if notes else ""
            )
            placeholders.append(attrs.evolve(ph, hint=hint))
            continue
        field = META_FIELD_TO_RECORD.get(ph.field or "")
        placeholders.append(
            attrs.evolve(
                ph,
                filled=True,
                suggested=used if used != ph.xpath else ph.suggested,
                hint=(
                    f"evaluated on the page with {used}"
                    + ("" if used == ph.xpath else f" (repaired from {ph.xpath})")
                ),
            )
        )
        if field is not None:
            _candidates(page, field, values, used)
    updates: dict[str, object] = {}
    provenance = dict(article.provenance)
    images = list(article.images)
    for c in ex.candidates:
        name = c.field
        if name == "images":
            if all(getattr(i, "url", None) != getattr(c.value, "url", None) for i in images):
                provenance[f"images[{len(images)}]"] = c.provenance
                images.append(c.value)  # type: ignore[arg-type]
            continue
        current = updates.get(name, getattr(article, name, None))
        if current in (None, (), ""):
            updates[name] = c.value
            provenance[name] = c.provenance
            issues.append(
                Issue(
                    code="placeholder-filled",
                    severity=Severity.INFO,
                    message=f"{name} filled from the page with {c.provenance.location.path}",
                    field=name,
                    location=c.provenance.location,
                )
            )
        elif current != c.value and name not in updates:
            issues.append(
                Issue(
                    code="conflicting-values",
                    severity=Severity.WARNING,
                    message=(
                        f"{name}: kept {current!r}; the page, read with"
                        f" {c.provenance.location.path}, says {c.provenance.raw!r}"
                    ),
                    field=name,
                    location=c.provenance.location,
                )
            )
    issues.extend(ex.issues)
    # A filled template is resolved: the adapter's leak report for it goes
    # (the placeholder itself stays, marked filled, with what filled it).
    filled = {p.location for p in placeholders if p.filled}
    issues = [i for i in issues if not (i.code == "placeholder-leak" and i.location in filled)]
    return attrs.evolve(
        article,
        **updates,  # type: ignore[arg-type]
        images=tuple(images),
        placeholders=tuple(placeholders),
        issues=tuple(issues),
        provenance=provenance,
    )
