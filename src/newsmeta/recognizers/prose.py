"""Shapes inside plain article text: photo credits and datelines.

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

from attrs import frozen

from newsmeta._tables import ENGLISH_MONTHS
from newsmeta.recognizers.text import count_letters, looks_letter_stripped

__all__ = [
    "Dateline",
    "announces_caption",
    "is_copyright_notice",
    "parse_credit",
    "parse_dateline",
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
_KNOWN_AGENCIES = frozenset(
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
        if first in _KNOWN_AGENCIES:
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
