"""One answer in every adapter (issue 14, "Done when").

The same fact read from different formats must come out the same: a title
with the site's name in it, a photo caption and credit, a page's bytes, the
severity of a truncation. Tables in price-parser's style: named lists grouped
by where the case came from; every row of a group must give the group's one
answer.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from typing import Any

import pytest

import newsmeta
from newsmeta import Severity
from newsmeta._codes import ISSUE_CODES

Parse = Callable[[], newsmeta.Article]


def _html(title: str, *, site_name: str | None = None, url: str) -> Parse:
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    page = (
        f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title>{meta}"
        "</head><body><p>Body text of the article.</p></body></html>"
    ).encode()
    return lambda: newsmeta.parse(page, url=url)


def _newsapi(**item: Any) -> Parse:
    text = json.dumps({**item, "publishedAt": "2022-01-07T10:00:00Z"}, ensure_ascii=False)
    return lambda: newsmeta.parse(text)


# --------------------------------------------------------------------------- titles

#: Titles with the site's name, by where the case came from; each group's rows
#: are one article read from different formats, and all give the expected title.
TITLES: dict[str, tuple[str, list[tuple[str, Parse]]]] = {
    # The issue's own example: accents fold ("AlloCiné" is allocine.fr's name).
    "issue 14: AlloCiné": (
        "Le titre",
        [
            ("html", _html("Le titre – AlloCiné", url="https://www.allocine.fr/article/1.html")),
            (
                "newsapi",
                _newsapi(
                    source={"id": None, "name": "Allocine.fr"},
                    title="Le titre – AlloCiné",
                    url="https://www.allocine.fr/article/1.html",
                ),
            ),
        ],
    ),
    # fixtures/html/archiv-krimiblog-de-2895: the name, then a tagline after it.
    "issue 14: Krimi-Archiv": (
        "A headline",
        [
            (
                "html",
                _html(
                    "A headline : Krimi-Archiv | Since 2005",
                    site_name="Krimi-Archiv",
                    url="https://archiv.krimiblog.de/2895",
                ),
            ),
            (
                "newsapi",
                _newsapi(
                    source={"id": None, "name": "Krimi-Archiv"},
                    title="A headline : Krimi-Archiv | Since 2005",
                    url="https://archiv.krimiblog.de/2895",
                ),
            ),
        ],
    ),
}

_TITLE_ROWS = [
    pytest.param(want, run, id=f"{group}/{name}")
    for group, (want, rows) in TITLES.items()
    for name, run in rows
]


@pytest.mark.parametrize(("want", "run"), _TITLE_ROWS)
def test_title_is_read_the_same_in_every_adapter(want: str, run: Parse) -> None:
    assert run().title == want


@pytest.mark.parametrize("group", list(TITLES))
def test_merging_the_formats_finds_no_title_conflict(group: str) -> None:
    records = [run() for _name, run in TITLES[group][1]]
    merged = newsmeta.merge(*records)
    assert merged.title == TITLES[group][0]
    assert not [i for i in merged.issues if i.field == "title" and i.code == "conflicting-values"]


# --------------------------------------------------------------------------- prose roles

#: fixtures/text/sputnik-seed-000.txt: a Reuters photo's caption, then its credit.
REUTERS_CAPTION = (
    "A burned car is seen in front of the mayor's office building which was torched"
    " during protests triggered by fuel price increase in Almaty, Kazakhstan January 6, 2022"
)
REUTERS_LINES = [
    "Kazakh President Kassym-Jomart Tokayev stated on Friday that he has ordered the military.",
    REUTERS_CAPTION,
    "© REUTERS / PAVEL MIKHEYEV",
    "The president also blasted so-called independent media for igniting the violence.",
]

#: The same lines in each format that carries prose: one answer for caption and credit.
PROSE: dict[str, list[tuple[str, Parse]]] = {
    "sputnik seed (Reuters photo)": [
        ("text", lambda: newsmeta.parse("\n".join(REUTERS_LINES), format="text")),
        ("text, blank lines", lambda: newsmeta.parse("\n\n".join(REUTERS_LINES), format="text")),
        (
            "newsapi content",
            _newsapi(
                source={"id": "rt", "name": "Sputnik"},
                title="Tokayev orders lethal force",
                url="https://sputniknews.com/20220107/1092092121.html",
                content="\r\n".join(REUTERS_LINES) + "… [+2400 chars]",
            ),
        ),
    ],
}

_PROSE_ROWS = [
    pytest.param(run, id=f"{group}/{name}") for group, rows in PROSE.items() for name, run in rows
]


@pytest.mark.parametrize("run", _PROSE_ROWS)
def test_caption_and_credit_are_an_image_in_every_adapter(run: Parse) -> None:
    a = run()
    assert [(i.caption, i.credit) for i in a.images] == [
        (REUTERS_CAPTION, "REUTERS / PAVEL MIKHEYEV")
    ]
    assert a.body is not None
    assert a.body.startswith("Kazakh President")
    assert "burned car" not in a.body and "REUTERS" not in a.body


# --------------------------------------------------------------------------- bytes

_PAGE = (
    "<!doctype html><html lang=de><head><title>Größe zählt – Ein Titel über Übergrößen"
    "</title></head><body><p>Text.</p></body></html>"
)

#: One page in every Unicode encoding with a byte-order mark: one title.
BOM_PAGES = [
    pytest.param(codecs.BOM_UTF8 + _PAGE.encode("utf-8"), id="utf-8"),
    pytest.param(codecs.BOM_UTF16_LE + _PAGE.encode("utf-16-le"), id="utf-16-le"),
    pytest.param(codecs.BOM_UTF16_BE + _PAGE.encode("utf-16-be"), id="utf-16-be"),
    pytest.param(codecs.BOM_UTF32_LE + _PAGE.encode("utf-32-le"), id="utf-32-le"),
    # The issue's case: the HTML decoder lacked this mark, and the title was garbage.
    pytest.param(codecs.BOM_UTF32_BE + _PAGE.encode("utf-32-be"), id="utf-32-be"),
]


@pytest.mark.parametrize("data", BOM_PAGES)
@pytest.mark.parametrize("fmt", [None, "html"])
def test_a_page_with_a_byte_order_mark_reads_the_same(data: bytes, fmt: str | None) -> None:
    a = newsmeta.parse(data, format=fmt)
    assert a.source == "html"
    assert a.title == "Größe zählt – Ein Titel über Übergrößen"
    assert a.language == "de"
    assert not [i for i in a.issues if i.code in ("lossy-decoding", "encoding-mismatch")]


# --------------------------------------------------------------------------- severities

_CUT = "… [+1200 chars]"
#: One cut text in each adapter that reads a truncation marker.
TRUNCATED = [
    pytest.param(" date 2022-01-07 https://a.example/x.html\nA Title Here\nBody" + _CUT, id="flat"),
    pytest.param("A line of text that goes on.\n\nThe second paragraph" + _CUT, id="text"),
    pytest.param(
        json.dumps(
            {
                "title": "A title",
                "url": "https://a.example/x",
                "publishedAt": "2022-01-07T10:00:00Z",
                "content": "Body" + _CUT,
            }
        ),
        id="newsapi",
    ),
]


@pytest.mark.parametrize("data", TRUNCATED)
def test_truncated_has_one_severity_in_parse_and_validate(data: str) -> None:
    want = Severity.of(ISSUE_CODES["truncated"].default)
    a = newsmeta.parse(data)
    assert a.truncation is not None
    parsed = {i.severity for i in a.issues if i.code == "truncated"}
    validated = {i.severity for i in newsmeta.validate(a) if i.code == "truncated"}
    assert parsed == {want}
    assert validated == {want}


def test_validate_gives_truncated_the_same_severity_on_its_own() -> None:
    bare = newsmeta.Article(truncation=newsmeta.Truncation(missing_chars=5, marker="… [+5 chars]"))
    (issue,) = [i for i in newsmeta.validate(bare) if i.code == "truncated"]
    assert issue.severity is Severity.of(ISSUE_CODES["truncated"].default)
