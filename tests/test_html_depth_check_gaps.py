"""Where the depth check (``_html.dom.cut_deep``) and Lexbor's tree disagree (issue 19).

The check follows the tags roughly, to stop pages whose tree would nest deeper
than :data:`~newsmeta.adapters._html.dom.MAX_DEPTH` before Lexbor, whose tree
builder is quadratic in the depth, builds it. The oracle here is the tree
Lexbor itself builds from the whole page (``dom.parse``, no cut): the check
should cut exactly the pages whose tree is deeper than the limit.

Found by the adversarial bench and these probes on the Lexbor engine; the
disagreements found first (now followed by the check, each a row below) were of two kinds:

* **missed**: the tree nests tens of thousands deep but the check sees a
  shallow page (an end tag the tree builder ignores, such as ``</div>`` with an
  ``<object>`` between; a ``<li>`` or ``<p>`` that the check closes but the tree
  builder does not), so Lexbor's quadratic time is reached: 40,000 ``<ul><li>``
  (320 KB) take 8 s, 40,000 ``<div><p>`` 2.4 s (``python -m bench.adversarial
  --only html``). A deep tree also reaches the readers: 40,000 ``<object><p>``
  (440 KB) take 10 s, nearly all of it the standfirst reader reading the text
  of each of the first 400 paragraphs, each holding the rest of the page.
* **false cut**: the tree is shallow but the check counts elements the tree
  builder closes by itself (``<a>``, ``<nobr>``, ``<button>``, ``<form>``,
  headings, formatting elements inside an unclosed ``<p>``) or text it never
  reads as tags (an unclosed ``<script>`` or comment), so the rest of a
  legitimate page is dropped with a ``markup-cut`` warning.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from typing import Any

import pytest

from newsmeta.adapters._html import dom


def lexbor_depth(page: str) -> int:
    """How deep the tree Lexbor builds from the whole page nests (the document is 1)."""
    node: dom.Node | None = dom.parse(page).root
    stack: list[dom.Node] = []
    deepest = 1
    while node is not None:
        deepest = max(deepest, len(stack) + 1)
        child = node.child
        if child is not None:
            stack.append(node)
            node = child
            continue
        nxt = node.next
        while nxt is None and stack:
            nxt = stack.pop().next
        node = nxt
    return deepest


def _page(body: str) -> str:
    return "<html><head><title>T</title></head><body>" + body + "</body></html>"


def _gap(page: str, why: str) -> Any:
    """A case the first depth check got wrong (``why``); the check now follows
    these rules of the tree builder."""
    return pytest.param(page)


@pytest.mark.parametrize(
    "page",
    [
        # agreeing today (deep and cut, or shallow and not cut)
        _page("<div>" * 12_000),
        _page("<b>x" * 12_000),  # formatting elements do nest
        _page("<ul>" + "<li>x" * 12_000 + "</ul>"),
        _page("<p><font><span>x" * 4_000),
        _page("<select>" + "<option>x" * 12_000),
        # missed: deep trees the check sees as shallow
        _gap(_page("<ul><li>x" * 6_000), "missed: <li> in a new list does not close the outer one"),
        _gap(_page("<dl><dd>" * 6_000), "missed: <dd> in a new list does not close the outer one"),
        _gap(
            _page("<div><p>x" * 6_000), "missed: <div> closes the <p>, the check closes the <div>"
        ),
        _gap(_page("<div><object></div>" * 6_000), "missed: </div> out of scope is ignored"),
        _gap(_page("<object><p>" * 6_000), "missed: <p> does not close a <p> outside <object>"),
        _gap(_page("<table><tr><td>" * 4_000), "missed: nested tables, tbody implied"),
        # false cuts: shallow trees the check cuts
        _gap(_page('<a href="/a">x ' * 12_000), "false cut: a new <a> closes the open one"),
        _gap(_page("<nobr>x" * 12_000), "false cut: a new <nobr> closes the open one"),
        _gap(_page("<button>x" * 12_000), "false cut: a new <button> closes the open one"),
        _gap(_page("<form>x" * 12_000), "false cut: <form> inside a form is ignored"),
        _gap(_page("<h1>x" * 12_000), "false cut: a heading closes an open heading"),
        _gap(_page("<p><b><i><u>x" * 3_000), "false cut: <p> closes the formatting in it"),
        _gap(_page("<script>" * 12_000), "false cut: an unclosed script is text to the end"),
        _gap(_page("<!--" + "<div>" * 12_000), "false cut: an unclosed comment runs to the end"),
    ],
    ids=lambda page: page[41:71],
)
def test_the_check_cuts_exactly_the_trees_deeper_than_the_limit(page: str) -> None:
    assert page.count("<") >= dom.DEPTH_CHECK_TAGS
    deep = lexbor_depth(page) > dom.MAX_DEPTH
    for data in (page, page.encode()):
        _, line = dom.cut_deep(data)
        assert (line is not None) == deep


#: A hang detector, not a timer: a linear pass over these 160 KB takes milliseconds.
HANG_SECONDS = 3


@pytest.fixture
def hang_guard() -> Iterator[None]:
    def boom(*_: Any) -> None:
        raise AssertionError(f"took more than {HANG_SECONDS} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.usefixtures("hang_guard")
def test_unclosed_comments_are_checked_in_linear_time() -> None:
    """An unclosed comment or script runs to the end of the page in one match
    (it once made the search rescan the rest of the page at each one)."""
    page = _page("<p>x</p>" + "<!--" * 40_000)
    for data in (page, page.encode()):
        dom.cut_deep(data)
