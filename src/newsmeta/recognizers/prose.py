"""Shapes inside plain article text: photo credits, captions, page furniture
and datelines; and :func:`prose_roles`, the one reader of paragraph roles the
text adapter and NewsAPI's ``content`` share.

>>> parse_credit("© REUTERS / PAVEL MIKHEYEV")
'REUTERS / PAVEL MIKHEYEV'
>>> parse_credit("Photo: Jane Doe/AFP")
'Jane Doe/AFP'
>>> parse_credit("REUTERS / PAVEL MIKHEYEV")
'REUTERS / PAVEL MIKHEYEV'
>>> parse_credit("(Image credit: Getty Images)")
'Getty Images'
>>> parse_credit("He said the photo was taken by Reuters.") is None
True
>>> parse_credit("Image of the day") is None
True
>>> parse_credit("USA / CANADA") is None
True
>>> parse_credit("Image copyrightGetty ImagesImage caption"), parse_credit("Image source, Reuters")
('Getty Images', 'Reuters')
>>> announces_caption("Image copyrightAFPImage caption"), announces_caption("Image caption")
(True, True)
>>> announces_caption("Image copyrightAFP"), parse_credit("Image caption") is None
(False, True)
>>> parse_credit("© HT Media Limited All rights reserved") is None
True
>>> parse_credit("© , / 7712108141/771501001, 1027739124775, . , . , 3 1, I, 2") is None
True
>>> is_copyright_notice("Copyright © 2022 Living Media India Limited. For reprint rights: Syndications Today")
True
>>> is_copyright_notice("© REUTERS / PAVEL MIKHEYEV")
False
>>> d = parse_dateline("MOSCOW, Jan 7, 2022 (Reuters) - Kazakh President Kassym-Jomart Tokayev said")
>>> d.place, d.date, d.agency, d.raw
('MOSCOW', datetime.date(2022, 1, 7), 'Reuters', 'MOSCOW, Jan 7, 2022 (Reuters) -')
>>> d = parse_dateline("WASHINGTON (AP) — The Senate voted")
>>> d.place, d.date, d.agency
('WASHINGTON', None, 'AP')
>>> parse_dateline("NATO and the EU said on Friday") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from attrs import frozen

from newsmeta._tables import BOILERPLATE_LINES, ENGLISH_MONTHS
from newsmeta.recognizers.shapes import count_letters, looks_letter_stripped

__all__ = [
    "MAX_CAPTION_CHARS",
    "Dateline",
    "Picture",
    "Roles",
    "announces_caption",
    "is_copyright_notice",
    "parse_credit",
    "parse_dateline",
    "prose_roles",
]

#: Longest credit line: real ones name an agency and a photographer or two.
MAX_CREDIT_LEN = 120

_CREDIT_MARK = re.compile(
    r"""
    \(?                                     # maybe wrapped in brackets
    (?:(?:©|\(c\)|copyright\b)\s*:?           # a copyright sign, maybe a colon
      |(?:(?:photo|image|picture)\s+credit|photo(?:graph)?s?|fotos?|bild|image
         |credit|source)\s*:                   # or a label and a colon
      |photo(?:graph)?s?\s+by\b)              # or "photo by"
    \s*(?P<who>[^()]{2,120}?)                # who
    \)?\s*\Z                                 # the closing bracket, the end
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "REUTERS / PAVEL MIKHEYEV", "AFP/Getty Images": an agency, a slash, a name.
_AGENCY_SLASH = re.compile(
    r"""
    (?P<who>[A-Z][A-Z.&'\-]{1,20}(?:\ [A-Z][A-Z.&'\-]{1,20}){0,3}  # an upper-case agency
    \s?/\s?                                                      # a slash
    [A-Z][\w.&'\-]{1,25}(?:\ [A-Z][\w.&'\-]{1,25}){0,3})\s*\Z     # a name or second agency
    """,
    re.VERBOSE,
)
# BBC's "Image copyrightGetty ImagesImage caption" (the label glued to the credit,
# the caption on the next line) and "Image source, Reuters".
_LABELLED_CREDIT = re.compile(
    r"""
    (?:image|photo|picture)\s?                 # the picture label
    (?:copyright|source[,:]?|credit[,:]?)\s?   # what follows it, glued or spaced
    (?P<who>.{2,100}?)                         # who
    (?:(?:image|photo|picture)\s?caption)?     # the caption label glued after it
    \s*\Z
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(r"(?:image|photo|picture)\s?caption:?\s*\Z", re.IGNORECASE)
#: Photo and wire agencies whose names stand alone as a picture's credit
#: (``REUTERS``, ``Getty``): the credits of the seeds and of the NewsAPI pool's
#: captions. Picture credits, not authors: the author agencies are
#: ``recognizers._people_words.AGENCIES``.
PHOTO_AGENCIES: frozenset[str] = frozenset(
    {"REUTERS", "AFP", "AP", "EPA", "GETTY", "SPUTNIK", "RIA", "TASS", "ANADOLU", "XINHUA"}
)


# A site's copyright notice: a year, or the words of a rights statement.
_NOTICE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|rights|reserved|reprint|all\s+rechte|tous\s+droits|derechos",
    re.IGNORECASE,
)
_NOTICE_START = re.compile(r"\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def is_copyright_notice(line: str) -> bool:
    """A site's copyright notice (``© 2022 Living Media India Limited. For reprint
    rights: …``): page furniture, not a photo credit."""
    s = line.strip()
    return (
        len(s) <= 2 * MAX_CREDIT_LEN
        and _NOTICE_START.match(s) is not None
        and _NOTICE.search(s) is not None
    )


def announces_caption(line: str) -> bool:
    """Does the line end with a caption label (``Image caption``), so that the
    caption follows on the next line?"""
    return len(line) <= MAX_CREDIT_LEN + 20 and _CAPTION_LABEL.search(line.strip()) is not None


def parse_credit(line: str) -> str | None:
    """Who a photo-credit line credits, or ``None`` if the line is not one."""
    s = line.strip()
    if not s or len(s) > MAX_CREDIT_LEN or s.endswith(("!", "?")) or is_copyright_notice(s):
        return None
    m = _CREDIT_MARK.match(s) or _LABELLED_CREDIT.match(s)
    if m is not None:
        who = m["who"].strip(" :.-–—,")
        # Someone is named: letters, and not what letter-stripping leaves behind.
        if count_letters(who) < 2 or looks_letter_stripped(who):
            return None
        return who
    m = _AGENCY_SLASH.match(s)
    if m is not None:
        first = re.split(r"[\s/]", s, maxsplit=1)[0].strip(".").upper()
        if first in PHOTO_AGENCIES:
            return m["who"]
    return None


@frozen(kw_only=True)
class Dateline:
    place: str
    date: dt.date | None
    """The day, when the dateline gives one with its year."""
    agency: str | None
    raw: str
    """The dateline as it stood, up to and including its dash."""


_MONTHS = ENGLISH_MONTHS
_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][A-Z'.\-]{1,25}(?:\ [A-Z][A-Z'.\-]{1,25}){0,3})   # PLACE in capitals
    (?:,\ (?P<region>[A-Z][A-Za-z.]{1,20}))?                         # maybe ", Region"
    (?:,\ (?P<month>[A-Z][a-z]{2,8})\.?\ (?P<day>\d{1,2})            # maybe ", Jan 7"
       (?:,\ (?P<year>\d{4}))?)?                                     # maybe ", 2022"
    \s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{0,30})\))?                # maybe "(Reuters)"
    \s*[-–—]\s                                                       # the dash
    """,
    re.VERBOSE,
)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a news paragraph (``MOSCOW, Jan 7 (Reuters) -``)."""
    m = _DATELINE.match(paragraph[:200])
    if m is None:
        return None
    if m["agency"] is None and m["month"] is None and m["region"] is None:
        return None  # a capitalised word and a dash is not enough
    day: dt.date | None = None
    if m["month"] and m["year"]:
        month = _MONTHS.get(m["month"].lower())
        if month is not None:
            try:
                day = dt.date(int(m["year"]), month, int(m["day"]))
            except ValueError:
                day = None
    return Dateline(place=m["place"], date=day, agency=m["agency"], raw=m.group().strip())


#: Longest paragraph taken for a caption.
MAX_CAPTION_CHARS = 400
#: Fewest letters a caption has (a time such as ``17:38`` beside a credit is none).
MIN_CAPTION_LETTERS = 3


@frozen
class Picture:
    """A photo named by the text: a credit line (or a caption label) and its caption."""

    credit_at: int
    """Index of the credit line (or the lone ``Image caption`` label)."""
    caption_at: int | None
    """Index of the caption paragraph, if one was found."""
    credit: str | None
    """The credit, cleaned (``REUTERS / PAVEL MIKHEYEV``); ``None`` for a bare label."""


@frozen
class Roles:
    """What each paragraph of a text is, by index; the rest is body."""

    boilerplate: frozenset[int]
    """Page furniture (``Skip to content``, a copyright notice): not the story."""
    pictures: tuple[Picture, ...]
    """Credits and their captions, in the order of the credits."""

    def claimed(self) -> frozenset[int]:
        """Indexes that are not body: furniture, credits and captions."""
        out = set(self.boilerplate)
        for p in self.pictures:
            out.add(p.credit_at)
            if p.caption_at is not None:
                out.add(p.caption_at)
        return frozenset(out)


def prose_roles(paragraphs: Sequence[str], *, max_caption: int = MAX_CAPTION_CHARS) -> Roles:
    """The roles of a text's paragraphs (or of a snippet's lines).

    A line of page furniture is boilerplate. A credit line (``© REUTERS /
    PAVEL MIKHEYEV``) is a photo's credit and claims the paragraph just before
    it as the caption; a line ending in a caption label (``Image
    copyrightAFPImage caption``) claims the paragraph just after it. A
    paragraph already claimed, longer than ``max_caption`` or with fewer than
    :data:`MIN_CAPTION_LETTERS` letters, is no caption.

    >>> r = prose_roles(["A burned car is seen in Almaty", "© REUTERS / PAVEL MIKHEYEV", "Body."])
    >>> r.pictures
    (Picture(credit_at=1, caption_at=0, credit='REUTERS / PAVEL MIKHEYEV'),)
    >>> prose_roles(["Skip to content", "Body."]).boilerplate
    frozenset({0})
    """
    boilerplate: set[int] = set()
    pictures: list[Picture] = []
    taken: set[int] = set()
    for i, text in enumerate(paragraphs):
        if i in taken:
            continue
        if text.casefold() in BOILERPLATE_LINES or is_copyright_notice(text):
            boilerplate.add(i)
            taken.add(i)
            continue
        credit = parse_credit(text)
        follows = announces_caption(text)
        if credit is None and not follows:
            continue
        taken.add(i)
        j = i + 1 if follows else i - 1
        caption = None
        if (
            0 <= j < len(paragraphs)
            and j not in taken
            and len(paragraphs[j]) <= max_caption
            and count_letters(paragraphs[j]) >= MIN_CAPTION_LETTERS
        ):
            caption = j
            taken.add(j)
        pictures.append(Picture(credit_at=i, caption_at=caption, credit=credit))
    return Roles(boilerplate=frozenset(boilerplate), pictures=tuple(pictures))
