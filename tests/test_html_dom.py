"""The HTML adapter's tree layer (``adapters/_html/dom.py``) on Lexbor.

Tables of the HTML5 tree-building cases the readers depend on, and
properties of the depth check, the selector helper and the text walks.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmeta
from newsmeta.adapters._html import dom

# --------------------------------------------------------------------------- the tree HTML5 builds

#: (page, selector, what the readers see): where HTML5 and libxml2 differ on
#: real pages (docs/html.md, "The parser"), and the Lexbor behaviours the
#: readers are written for.
TREE_CASES = [
    # A server's warning printed before <html lang>: HTML5 adds the later
    # <html>'s attributes to the root (bibliothek2null.de, development corpus).
    ("<br /><b>Warning</b>: x<br /><html lang='de-DE'><head></head></html>", "html", "lang=de-DE"),
    # <h2> inside <h1> closes the <h1> (biathlon-antholz.it).
    ("<h1 class=t1><h2 class=headline>Wierer jubelt</h2></h1>", "h1", "text="),
    # noscript markup is read as markup (scripting off), as libxml2 did.
    ("<body><p><noscript><img src=x.jpg></noscript>", "noscript img", "src=x.jpg"),
    # A valueless attribute is present, with the value "".
    ("<div hidden class=a>x</div>", "div", "hidden="),
]


@pytest.mark.parametrize(("page", "selector", "want"), TREE_CASES)
def test_the_tree_html5_builds(page: str, selector: str, want: str) -> None:
    tree = dom.parse(page)
    el = tree.css_first(selector)
    assert el is not None
    name, _, value = want.partition("=")
    got = dom.text(el) if name == "text" else dom.attr(el, name)
    assert got == value


def test_nodes_are_compared_by_address_not_by_html() -> None:
    """Two twin elements serialise alike; ``mem_id`` tells them apart."""
    tree = dom.parse("<p>same</p><p>same</p>")
    first, second = tree.css("p")
    assert first.mem_id != second.mem_id
    assert tree.css("p")[0].mem_id == first.mem_id  # a node made again is the same element


def test_select_gives_each_element_once_in_document_order() -> None:
    tree = dom.parse(
        "<div itemscope itemtype=x><span itemprop=a>1</span><div itemprop=b itemscope>2</div></div>"
        "<p itemprop=c>3</p>"
    )
    assert tree.root is not None
    found = dom.select(tree.root, "[itemprop], [itemscope]")
    assert [el.tag for el in found] == ["div", "span", "div", "p"]
    assert len({el.mem_id for el in found}) == 4


def test_ancestors_stop_at_the_root() -> None:
    tree = dom.parse("<div><p><b>x</b></p></div>")
    b = tree.css_first("b")
    assert b is not None
    assert [a.tag for a in dom.ancestors(b)] == ["p", "div", "body", "html"]


@pytest.mark.parametrize(
    ("page", "skip", "want"),
    [
        (
            "<div>a<!-- c -->b<script>s</script>t<nav>n<b>x</b>y</nav>z</div>",
            {"script", "nav"},
            "abtz",
        ),
        ("<div>a<style>s{}</style>b</div>", {"style"}, "ab"),
        ("<div>a<b>b<i>c</i></b>d</div>", set(), "abcd"),
    ],
)
def test_text_nodes_skip_subtrees(page: str, skip: set[str], want: str) -> None:
    p = dom.parse(page).css_first("div")
    assert p is not None
    assert "".join(dom.text_nodes(p, frozenset(skip))) == want


# --------------------------------------------------------------------------- the depth limit


def _nested(n: int, tag: str = "div") -> str:
    return f"<html><body>{f'<{tag}>' * n}x{f'</{tag}>' * n}<meta name=description content=after></body></html>"


@pytest.mark.parametrize(
    ("page", "cut"),
    [
        (_nested(20_000), True),  # past the limit, over the size where it is checked
        (_nested(20_000, "span"), True),
        (_nested(200), False),  # a deep but real page
        (_nested(4_000), False),  # deep, but under 10,000 "<": parsed as it is
        ("<div><p>x<span>y</div>" * 20_000, False),  # unclosed spans closed by their div
        ("<ul>" + "<li>x" * 30_000 + "</ul>", False),  # <li> closes the one before
        ("<div><script>'" + "<div>" * 30_000 + "'</script></div>", False),  # script text
        ("<!--" + "<div>" * 30_000 + "-->", False),  # a comment
        ("<p>" + "<br>" * 30_000, False),  # void elements
    ],
)
def test_depth_check(page: str, cut: bool) -> None:
    for data in (page, page.encode()):
        head, line = dom.cut_deep(data)
        assert (line is not None) == cut
        assert data.startswith(head)  # type: ignore[arg-type]
        if cut:
            assert len(head) < len(data)


def test_a_page_cut_at_the_depth_limit_says_so() -> None:
    a = newsmeta.parse(_nested(20_000), format="html")
    (cut,) = [i for i in a.issues if i.code == "markup-cut"]
    assert "depth" in cut.message and "line 1" in cut.message
    assert a.description is None  # after the cut: not read


_BITS = st.sampled_from(
    ["<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<br>", "<li>", "<!--", "-->", "x"]
)


@given(st.lists(_BITS, max_size=200).map("".join))
def test_depth_check_is_a_prefix_and_never_raises(page: str) -> None:
    """With the limits lowered (every page checked, depth 5), the check gives a
    prefix of the page, cut only where it ran past the depth, and the same
    answer for the text and its bytes."""
    limits = dom.DEPTH_CHECK_TAGS, dom.MAX_DEPTH
    dom.DEPTH_CHECK_TAGS, dom.MAX_DEPTH = 0, 5
    try:
        head, line = dom.cut_deep(page)
        raw_head, raw_line = dom.cut_deep(page.encode())
    finally:
        dom.DEPTH_CHECK_TAGS, dom.MAX_DEPTH = limits
    assert page.startswith(head)
    assert raw_head == head.encode() and raw_line == line
    if line is not None:
        assert head.count("<div>") + head.count("<span>") + head.count("<p>") >= 5
