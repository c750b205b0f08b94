"""Plain article text: a title maybe, paragraphs, photo captions and credits.

Strategy: split the text into paragraphs (blocks between blank lines, lines
of a block joined; or one paragraph a line when the text has no blank
lines), then label each paragraph by its shape with the shared recognisers:

- a credit line (``© REUTERS / PAVEL MIKHEYEV``) is an image's credit, and
  the paragraph just before it is that image's caption (just after it when the
  line ends with a caption label, ``Image copyrightAFPImage caption``), neither
  is body; a line of page furniture (``Skip to content``) is not body either;
- a short first line without a sentence end, followed by more text, is the
  title;
- a dateline opening the first body paragraph (``MOSCOW, Jan 7, 2022
  (Reuters) -``) gives the date when it names one with its year;
- everything else is body, in order. A truncation marker at the end is
  honoured (``… [+N chars]``).
"""

from __future__ import annotations

import re

from attrs import define

from newsmeta._decode import as_text, split_lines
from newsmeta._kit import Extraction
from newsmeta.recognizers.prose import parse_dateline, prose_roles
from newsmeta.recognizers.shapes import has_letters, looks_letter_stripped
from newsmeta.recognizers.truncation import find_marker
from newsmeta.recognizers.urls import is_url
from newsmeta.records import Article, Image
from newsmeta.resolve import resolve
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = ["NAME", "extract", "looks_like", "parse"]

NAME = "text"

#: Longest line taken for a title; longer opening lines are body.
MAX_TITLE_CHARS = 200
#: Fewest words a title has (a lone word is a label, not a headline).
MIN_TITLE_WORDS = 2

_SENTENCE_END = re.compile(r"[.!?:;,…\"”»’)]\s*\Z")


def looks_like(text: str) -> bool:
    """The last resort of detection: text with letters that is not markup or JSON."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if not head or head[0] in "<{[":
        return False
    return has_letters(head)


@define
class _Para:
    lines: list[int]
    text: str
    raw: str


def _paragraphs(text: str, limits: Limits) -> list[_Para]:
    lines = list(split_lines(text, limits))
    blank_separated = any(not t.strip() for _n, t in lines[:-1]) and any(
        t.strip() for _n, t in lines
    )
    paras: list[_Para] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block:
            joined = " ".join(t.strip() for _n, t in block)
            paras.append(
                _Para(
                    [n for n, _t in block],
                    " ".join(joined.split()),
                    "\n".join(t for _n, t in block),
                )
            )
            block.clear()

    for no, line in lines:
        if not line.strip():
            flush()
            continue
        block.append((no, line))
        if not blank_separated:
            flush()
    flush()
    return paras


def _is_title(p: _Para, following: int) -> bool:
    words = p.text.split()
    return (
        following > 0
        and len(p.text) <= MAX_TITLE_CHARS
        and len(words) >= MIN_TITLE_WORDS
        and _SENTENCE_END.search(p.text) is None
        and not is_url(p.text)
    )


def extract(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Extraction:
    """Candidates from plain article text (the first half of :func:`parse`).

    ``url`` and ``content_type`` are part of the adapter contract
    (:class:`~newsmeta.adapters.Adapter`); this adapter does not use them.
    """
    text, notes = as_text(data, limits, mojibake=True)
    ex = Extraction(adapter=NAME, input=input_name)
    for note in notes:
        ex.issue("lossy-decoding", note)
    text = text.removeprefix("\ufeff")
    mark = find_marker(text)
    if mark is not None:
        text = mark.text
        last = sum(1 for _ in split_lines(text, limits))
        ex.cut_short(
            mark.missing_chars,
            mark.marker,
            f"text cut short: {mark.missing_chars:,} characters missing",
            lines=[last],
        )
    paras = _paragraphs(text, limits)
    body: list[_Para] = []
    roles = prose_roles([p.text for p in paras])
    role: dict[int, str] = dict.fromkeys(roles.claimed(), "picture")
    pictures = {pic.credit_at: pic for pic in roles.pictures}
    for i, p in enumerate(paras):  # in input order, so kept text stays in order
        if i in roles.boilerplate:
            ex.reject(
                "boilerplate", f"page furniture, not the story: {p.text!r}", p.text, lines=p.lines
            )
            continue
        pic = pictures.get(i)
        if pic is None:
            continue
        caption = paras[pic.caption_at] if pic.caption_at is not None else None
        label = paras[pic.credit_at]
        if caption is None and pic.credit is None:
            ex.keep(label.text, lines=label.lines)  # a caption label with no caption
            continue
        parts = sorted([label, *([caption] if caption else [])], key=lambda q: q.lines[0])
        ex.add(
            "images",
            Image(caption=caption.text if caption else None, credit=pic.credit),
            "\n".join(q.raw for q in parts),
            lines=[n for q in parts for n in q.lines],
        )
    first = next((i for i in range(len(paras)) if i not in role), None)
    if first is not None:
        p = paras[first]
        if _is_title(p, following=len(paras) - first - 1):
            ex.add("title", p.text, p.raw, lines=p.lines)
            role[first] = "title"
    for i, p in enumerate(paras):
        if i in role:
            continue
        if looks_letter_stripped(p.text):
            ex.reject(
                "letters-stripped",
                f"only punctuation is left of this paragraph: {p.text[:60]!r}",
                p.text,
                lines=p.lines,
            )
            continue
        body.append(p)
    if body:
        dateline = parse_dateline(body[0].text)
        if dateline is not None and dateline.date is not None:
            ex.add("date", dateline.date, dateline.raw, lines=body[0].lines[:1])
        ex.add(
            "body",
            "\n\n".join(p.text for p in body),
            "\n".join(p.raw for p in body),
            lines=[n for p in body for n in p.lines],
        )
    return ex


def parse(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Parse plain article text into an :class:`Article`."""
    return resolve(extract(data, input_name=input_name, limits=limits), source=NAME)
