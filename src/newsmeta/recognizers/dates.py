"""Dates and datetimes, timezone kept.

>>> parse_datetime("2022-01-07T08:36+0000").value.isoformat()
'2022-01-07T08:36:00+00:00'
>>> parse_datetime("2020-04-17T12:44:39Z").value.isoformat()
'2020-04-17T12:44:39+00:00'
>>> parse_datetime("2021-03-04 10:00:00+03:00").value.isoformat()
'2021-03-04T10:00:00+03:00'
>>> r = parse_datetime("2021-03-04T10:00:00")
>>> r.value.isoformat(), r.tz_assumed
('2021-03-04T10:00:00+00:00', True)
>>> parse_datetime("2022-01-07") is None
True
>>> parse_date("2022-01-07")
datetime.date(2022, 1, 7)
>>> parse_datetime("2022-13-07T08:36+0000") is None
True
>>> parse_datetime("12345678901234567890") is None
True
>>> parse_datetime("Fri, 07 Jan 2022 08:36:00 +0000").value.isoformat()
'2022-01-07T08:36:00+00:00'
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

from attrs import frozen

from newsmeta._tables import ENGLISH_MONTHS

__all__ = [
    "MONTH_NAMES",
    "ParsedDateTime",
    "find_date",
    "parse_date",
    "parse_datetime",
    "parse_when",
]

#: Longest string we try to read as a date; longer input is not a date.
MAX_DATE_LEN = 64

_ISO = re.compile(
    r"""
    (?P<date>\d{4}-\d{2}-\d{2})              # calendar date
    [T\ ]                                    # separator
    (?P<h>\d{2}):(?P<m>\d{2})                # hours and minutes
    (?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)? # optional seconds and fraction
    \s?
    (?P<tz>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?  # offset, maybe absent
    """,
    re.VERBOSE | re.ASCII,
)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
#: Any digit (``email.utils`` reads none of a date without one).
_DIGIT = re.compile(r"\d")
#: RFC 2822 parsing (``email.utils``) needs an English month name, and every
#: one starts with one of these: a cheap test that skips it for other text.
_MONTH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)


@frozen(kw_only=True)
class ParsedDateTime:
    value: dt.datetime
    """Always timezone-aware."""
    tz_assumed: bool = False
    """True when the input had no offset and UTC was assumed."""


def _offset(tz: str | None) -> dt.tzinfo | None:
    if tz is None:
        return None
    return _offset_of(tz)


@functools.lru_cache(maxsize=256)  # a few offsets recur in every feed; the cache is bounded
def _offset_of(tz: str) -> dt.tzinfo | None:
    if tz in ("Z", "z", "UTC", "GMT"):
        return dt.timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 23 or minutes > 59:
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_datetime(text: str) -> ParsedDateTime | None:
    """Read an ISO 8601 or RFC 2822 datetime; ``None`` if ``text`` is not one.

    A missing offset is read as UTC and reported through ``tz_assumed``;
    an impossible offset (``+25:00``) makes the whole value unreadable.
    """
    s = text.strip()
    if not s or len(s) > MAX_DATE_LEN:
        return None
    if _PLAIN_ISO.fullmatch(s) is not None:
        # The commonest shape, with its offset: read in C. A value the calendar,
        # the clock or the offset refuses goes the long way, which refuses it too.
        try:
            return ParsedDateTime(value=dt.datetime.fromisoformat(s))
        except ValueError:
            pass
    return _parse_datetime(s)


#: ``2020-04-17T12:44:39Z``, ``2022-01-07T08:36+0000``, ``…:39.123+03:00``: the
#: shapes feeds and meta tags use, every one of which ``datetime.fromisoformat``
#: reads as :data:`_ISO` does (``tests/test_fast_paths.py`` holds them equal).
_PLAIN_ISO = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?[0-5]\d)", re.ASCII
)


def _parse_datetime(s: str) -> ParsedDateTime | None:
    """:func:`parse_datetime` of stripped text, the general way."""
    m = _ISO.fullmatch(s)
    if m is not None:
        h, mi, sec, frac, d = m.group("h", "m", "s", "f", "date")
        try:  # the groups are ASCII digits: only the calendar and the clock can refuse
            day = dt.date(int(d[:4]), int(d[5:7]), int(d[8:10]))
            t = dt.time(int(h), int(mi), int(sec or 0), int((frac or "0").ljust(6, "0")[:6]))
        except ValueError:
            return None
        tzinfo = _offset(m["tz"])
        if m["tz"] is not None and tzinfo is None:
            return None
        value = dt.datetime.combine(day, t, tzinfo or dt.timezone.utc)
        return ParsedDateTime(value=value, tz_assumed=tzinfo is None)
    if (
        ("," in s or any(c.isalpha() for c in s[:3]))
        and _DIGIT.search(s) is not None  # an RFC 2822 date has a day and a year
        and _MONTH.search(s) is not None
    ):
        try:
            value = email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if value is None:
            return None
        if value.tzinfo is None:
            return ParsedDateTime(value=value.replace(tzinfo=dt.timezone.utc), tz_assumed=True)
        return ParsedDateTime(value=value)
    return None


def parse_date(text: str) -> dt.date | None:
    """Read a ``YYYY-MM-DD`` day; ``None`` if it is not a real calendar day."""
    m = _DAY.fullmatch(text.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# --------------------------------------------------------------------------- page dates

_ISO_PREFIX = re.compile(
    r"""
    (?P<day>\d{4}-\d{2}-\d{2})                 # calendar date first
    (?P<rest>[T\ ]\d{2}:\d{2}[^\s]{0,30})?     # maybe a time and offset, no spaces
    """,
    re.VERBOSE | re.ASCII,
)
_SLASHED = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", re.ASCII)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_WORDY = re.compile(
    r"""
    (?:(?P<d1>\d{1,2})\.?\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>\d{4})   # 7 January 2022
    |(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))  # Jan 7, 2022
    """,
    re.VERBOSE | re.ASCII,
)
_MONTHS = ENGLISH_MONTHS


def _ymd(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_when(text: str) -> ParsedDateTime | dt.date | None:
    """A datetime if ``text`` says the time, a day if it says only the day.

    Looser than :func:`parse_datetime`, for the values pages put in
    ``<meta>``, JSON-LD and ``<time datetime>``: a date alone, slashes,
    ``20220107``, ``7 January 2022``, ``Jan 7, 2022``. A time without an
    offset is read as UTC and flagged ``tz_assumed``.

    >>> parse_when("2022-01-07T08:36:00.000+0100").value.isoformat()
    '2022-01-07T08:36:00+01:00'
    >>> parse_when("2022-01-07")
    datetime.date(2022, 1, 7)
    >>> parse_when("2022/01/07"), parse_when("20220107")
    (datetime.date(2022, 1, 7), datetime.date(2022, 1, 7))
    >>> parse_when("Jan 7th, 2022"), parse_when("7 January 2022")
    (datetime.date(2022, 1, 7), datetime.date(2022, 1, 7))
    >>> parse_when("2022-01-07T08:36:00+02:00[Europe/Kiev]").value.isoformat()
    '2022-01-07T08:36:00+02:00'
    >>> parse_when("2022-01-07 08:36 CET")
    datetime.date(2022, 1, 7)
    >>> parse_when("yesterday") is None, parse_when("2022-02-30") is None
    (True, True)
    """
    s = text.strip()
    if not s or len(s) > MAX_DATE_LEN:
        return None
    full = parse_datetime(s)
    if full is not None:
        return full
    m = _ISO_PREFIX.match(s)
    if m is not None:
        head, bracket, _zone = s.partition("[")
        if m["rest"] and bracket and m.end() >= len(head):
            # A "[Europe/Kiev]" zone name after a full ISO datetime: the offset
            # before it says the same, so the name can go.
            again = parse_datetime(head)
            if again is not None:
                return again
        # Anything else after the day (an unknown zone name like "CET") would
        # make the time a guess: keep the day only.
        return parse_date(m["day"])
    m = _SLASHED.fullmatch(s) or _COMPACT.fullmatch(s)
    if m is not None:
        return _ymd(m[1], m[2], m[3])
    m = _WORDY.fullmatch(s)
    if m is not None:
        month = _MONTHS.get((m["m1"] or m["m2"]).lower())
        if month is None:
            return None
        return _ymd(m["y1"] or m["y2"], str(month), m["d1"] or m["d2"])
    return None


#: Month names (lower case, no dots) in the languages of the html-dev corpus:
#: English, German, French, Spanish, Italian, Dutch, Portuguese, and Russian
#: and Ukrainian in the genitive ("15 августа 2016").
# One row a month reads better than one name a line.
# fmt: off
MONTH_NAMES: dict[str, int] = {
    **_MONTHS,
    **{
        name: i
        for i, names in enumerate(
            (
                ("januar", "jänner", "janvier", "enero", "gennaio", "januari", "janeiro", "января", "січня"),
                ("februar", "feber", "février", "fevrier", "febrero", "febbraio", "februari", "fevereiro", "февраля", "лютого"),
                ("märz", "maerz", "mars", "marzo", "maart", "março", "марта", "березня"),
                ("avril", "abril", "aprile", "апреля", "квітня"),
                ("mai", "mayo", "maggio", "mei", "maio", "мая", "травня"),
                ("juni", "juin", "junio", "giugno", "junho", "июня", "червня"),
                ("juli", "juillet", "julio", "luglio", "julho", "июля", "липня"),
                ("août", "aout", "agosto", "augustus", "августа", "серпня"),
                ("septembre", "septiembre", "settembre", "setembro", "сентября", "вересня"),
                ("oktober", "octobre", "octubre", "ottobre", "outubro", "октября", "жовтня"),
                ("novembre", "noviembre", "novembro", "ноября", "листопада"),
                ("dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "декабря", "грудня"),
            ),
            start=1,
        )
        for name in names
    },
}
# fmt: on

_TEXT_DATE = re.compile(
    r"""
    (?<![\d.])
    (?:
      (?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})            # 2020-02-05
    | (?P<ky>(?:19|20)\d{2})\s?[年.]\s?(?P<km>\d{1,2})\s?[月.]\s?(?P<kd>\d{1,2})(?![\d.]\d)日?  # 2018年6月19日, 2023.11.02
    | (?P<dd>\d{1,2})\.\s?(?P<dm>\d{1,2})\.\s?(?P<dy>(?:19|20)\d{2}) # 5.2.2020, 05. 02. 2020
    | (?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>(?:19|20)\d{2})         # 05/02/2020 (day first)
    | (?P<wd>\d{1,2})(?:\.|er|st|nd|rd|th)?\s(?:de\s)?(?P<wm>[^\W\d_]{3,10})\.?,?\s(?:de\s)?(?P<wy>(?:19|20)\d{2})  # 5. Februar 2020
    | (?P<vm>[^\W\d_]{3,10})\.?\s(?P<vd>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<vy>(?:19|20)\d{2})  # February 5, 2020
    )
    (?![\d])
    """,
    re.VERBOSE,
)


def find_date(text: str) -> dt.date | None:
    """The first calendar day written in a short text (a byline, a dateline).

    Numeric dates are read day first (``05/02/2020`` is 5 February), as in
    most of the world; ISO dates are unambiguous.

    >>> find_date("Veröffentlicht am 5. Februar 2020 von Anna")
    datetime.date(2020, 2, 5)
    >>> find_date("Posted on February 5th, 2020 by admin")
    datetime.date(2020, 2, 5)
    >>> find_date("Stand: 28.04.2020 14:33 Uhr"), find_date("le 12 mars 2019")
    (datetime.date(2020, 4, 28), datetime.date(2019, 3, 12))
    >>> find_date("2018年6月19日 10時"), find_date("기사입력 2023.11.02. 오후 3:12")
    (datetime.date(2018, 6, 19), datetime.date(2023, 11, 2))
    >>> find_date("15 августа 2016, 10:15")
    datetime.date(2016, 8, 15)
    >>> find_date("Tel. 030 1234 5678") is None, find_date("31.02.2020") is None
    (True, True)
    """
    if len(text) > 2000:
        text = text[:2000]
    if "20" not in text and "19" not in text:
        return None  # every form has a year 19xx or 20xx: skip the regex
    for m in _TEXT_DATE.finditer(text):
        if m["iy"]:
            day = _ymd(m["iy"], m["im"], m["id"])
        elif m["ky"]:
            day = _ymd(m["ky"], m["km"], m["kd"])
        elif m["dy"]:
            day = _ymd(m["dy"], m["dm"], m["dd"])
        elif m["sy"]:
            day = _ymd(m["sy"], m["sm"], m["sd"])
        else:
            name = (m["wm"] or m["vm"]).lower().rstrip(".")
            month = MONTH_NAMES.get(name)
            if month is None:
                continue
            day = _ymd(m["wy"] or m["vy"], str(month), m["wd"] or m["vd"])
        if day is not None:
            return day
    return None
