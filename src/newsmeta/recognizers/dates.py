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
import zoneinfo

from attrs import frozen

from newsmeta._tables import ENGLISH_MONTHS

__all__ = [
    "BIRTH_LABEL",
    "MODIFIED_LABEL",
    "MONTH_NAMES",
    "PUBLISHED_LABEL",
    "ParsedDateTime",
    "find_date",
    "find_date_at",
    "find_time",
    "from_timestamp",
    "local_zone",
    "month_first",
    "parse_date",
    "parse_datetime",
    "parse_when",
    "plausible_day",
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
_REVERSED_ISO = re.compile(
    r"(?P<a>\d{2})-(?P<b>\d{2})-(?P<y>\d{4})(?P<rest>T\d{2}:\d{2}\S{0,30})", re.ASCII
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
    >>> parse_when("06-08-2009T14:12:32+0200").value.isoformat()
    '2009-08-06T14:12:32+02:00'
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
    m = _REVERSED_ISO.fullmatch(s)
    if m is not None:
        # "06-08-2009T14:12:32+0200": a theme's ISO with the day written first
        # (PHP's d-m-Y); read in that order, month first only if it must be.
        first, second = int(m["a"]), int(m["b"])
        mm, dd = (first, second) if second > 12 else (second, first)
        return parse_when(f"{m['y']}-{mm:02d}-{dd:02d}{m['rest']}")
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
    | (?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>(?:19|20)\d{2})         # 05/02/2020 (day first unless told)
    | (?P<wd>\d{1,2})(?:\.|er|st|nd|rd|th)?\s(?:de\s)?(?P<wm>[^\W\d_]{3,10})\.?,?\s(?:de\s)?(?P<wy>(?:19|20)\d{2})  # 5. Februar 2020
    | (?P<vm>[^\W\d_]{3,10})\.?\s(?P<vd>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<vy>(?:19|20)\d{2})  # February 5, 2020
    )
    (?![\d])
    """,
    re.VERBOSE,
)
#: A numeric day with a two-digit year (``23.09.22``, ``8.5.12``, ``01/23/21``),
#: read only where the caller knows the text is a dateline: elsewhere such
#: numbers are versions, scores or prices as often as dates.
_SHORT_DATE = re.compile(
    r"(?<![\d.,/:])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2})(?![\d.,/:]?\d)",
    re.ASCII,
)

#: The first web news sites date from 1994: a day read off a page's text
#: (not its markup) before this is a date the text talks about.
EARLIEST_WEB_YEAR = 1994
#: Days after today by more than this are not a publication day (a time zone
#: ahead of the reader's is at most one day ahead).
FUTURE_SLACK = dt.timedelta(days=1)


def plausible_day(
    day: dt.date, *, today: dt.date | None = None, floor: int = EARLIEST_WEB_YEAR
) -> bool:
    """Could ``day`` be when a web page appeared? Not before ``floor`` and
    not in the future (``today`` is the reader's clock unless given).

    >>> plausible_day(dt.date(2020, 2, 5)), plausible_day(dt.date(2999, 1, 1))
    (True, False)
    >>> plausible_day(dt.date(1975, 1, 28)), plausible_day(dt.date(1975, 1, 28), floor=1)
    (False, True)
    """
    today = today or dt.date.today()
    return floor <= day.year and day <= today + FUTURE_SLACK


def _short_year(yy: str, today: dt.date) -> int:
    """``22`` is 2022; a two-digit year past next year's is the last century's."""
    year = 2000 + int(yy)
    return year if year <= today.year + 1 else year - 100  # (a 19xx year is then refused)


#: Regions that write a numeric date month first (``01/23/2021``): the United
#: States and the few places that follow its usage.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "um", "vi"})


def month_first(language: str | None) -> bool:
    """Does a page in ``language`` (a BCP 47 tag) write ``01/02/2021`` month first?

    American English does; English without a region is read the same way (the
    web's unmarked English is American more often than not); every other
    language and region writes the day first.

    >>> month_first("en-US"), month_first("en"), month_first("en-GB"), month_first("de")
    (True, True, False, False)
    """
    if not language:
        return False
    parts = language.replace("_", "-").lower().split("-")
    if parts[0] != "en":
        return False
    regions = [p for p in parts[1:] if len(p) == 2 and p.isalpha()]
    return not regions or regions[0] in _MONTH_FIRST_REGIONS


def find_date(
    text: str, *, month_first: bool = False, short_years: bool = False, today: dt.date | None = None
) -> dt.date | None:
    """The first calendar day written in a short text (a byline, a dateline).

    Numeric dates are read day first (``05/02/2020`` is 5 February), as in
    most of the world, unless ``month_first`` (an American page: see
    :func:`month_first`); a slashed date that only one order makes a real day
    is read in that order. Dotted dates are always day first; ISO dates are
    unambiguous. ``short_years``: also read a two-digit year (``23.09.22``),
    for text known to be a dateline.

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
    >>> find_date("Last updated: 01/03/2021", month_first=True), find_date("01/03/2021")
    (datetime.date(2021, 1, 3), datetime.date(2021, 3, 1))
    >>> find_date("Updated 01/23/2021"), find_date("23.09.22", short_years=True)
    (datetime.date(2021, 1, 23), datetime.date(2022, 9, 23))
    >>> find_date("Version 1.2.34", short_years=True) is None
    True
    """
    found = find_date_at(text, month_first=month_first, short_years=short_years, today=today)
    return found[0] if found is not None else None


def find_date_at(
    text: str, *, month_first: bool = False, short_years: bool = False, today: dt.date | None = None
) -> tuple[dt.date, int] | None:
    """:func:`find_date`, and where in ``text`` the date starts (for reading
    the words before it: a label, a birth).

    >>> find_date_at("Veröffentlicht am 16.08.2019")
    (datetime.date(2019, 8, 16), 18)
    """
    if len(text) > 2000:
        text = text[:2000]
    if "20" in text or "19" in text:  # every long form has a year 19xx or 20xx
        for m in _TEXT_DATE.finditer(text):
            if m["iy"]:
                day = _ymd(m["iy"], m["im"], m["id"])
            elif m["ky"]:
                day = _ymd(m["ky"], m["km"], m["kd"])
            elif m["dy"]:
                day = _ymd(m["dy"], m["dm"], m["dd"])
            elif m["sy"]:
                day = _slashed(m["sy"], m["sd"], m["sm"], month_first=month_first)
            else:
                name = (m["wm"] or m["vm"]).lower().rstrip(".")
                month = MONTH_NAMES.get(name)
                if month is None:
                    continue
                day = _ymd(m["wy"] or m["vy"], str(month), m["wd"] or m["vd"])
            if day is not None:
                return day, m.start()
    if short_years:
        today = today or dt.date.today()
        for m in _SHORT_DATE.finditer(text):
            year = str(_short_year(m["y"], today))
            if m["sep"] == "/":
                day = _slashed(year, m["a"], m["b"], month_first=month_first)
            else:
                day = _ymd(year, m["b"], m["a"])
            if day is not None and plausible_day(day, today=today):
                return day, m.start()
    return None


def _slashed(year: str, first: str, second: str, *, month_first: bool) -> dt.date | None:
    """``first/second/year`` in the page's order, else the only order that is a day."""
    if month_first:
        return _ymd(year, first, second) or _ymd(year, second, first)
    return _ymd(year, second, first) or _ymd(year, first, second)


_CLOCK_TIME = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)(?![\d.]?\d)(?:\s?(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?",
    re.IGNORECASE,
)


def find_time(text: str) -> dt.time | None:
    """The first clock time written in a dateline (``21:25``, ``9.30``, ``2:05 pm``).

    >>> find_time("3 de mayo de 2022 21:25"), find_time("Jan 5, 2020 2:05 PM")
    (datetime.time(21, 25), datetime.time(14, 5))
    >>> find_time("19.2.2020 klo 14.00"), find_time("5. Februar 2020") is None
    (datetime.time(14, 0), True)
    """
    for m in _CLOCK_TIME.finditer(text):
        hour, minute = int(m["h"]), int(m["m"])
        ampm = (m["ampm"] or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        return dt.time(hour, minute)
    return None


#: Seconds since 1970 in a plausible range for a web page (2001 to 2286), or
#: milliseconds (13 digits).
_EPOCH = re.compile(r"\s*(\d{10}|\d{13})(?:\.\d+)?\s*", re.ASCII)


def from_timestamp(text: str) -> ParsedDateTime | None:
    """A Unix timestamp (seconds, or milliseconds with 13 digits) as a UTC datetime.

    >>> from_timestamp("1442501820000").value.isoformat()
    '2015-09-17T14:57:00+00:00'
    >>> from_timestamp("1507287600").value.isoformat(), from_timestamp("12345") is None
    ('2017-10-06T11:00:00+00:00', True)
    """
    m = _EPOCH.fullmatch(text)
    if m is None:
        return None
    seconds = int(m[1]) / (1000 if len(m[1]) == 13 else 1)
    try:
        value = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return ParsedDateTime(value=value)


#: Words that say the date after them is when the article appeared, in the
#: languages of the html-dev corpus. A label ends the match: the date follows.
PUBLISHED_LABEL = re.compile(
    r"""
    (?:\b(?:first\ )?published(?:\ on)?|\bposted(?:\ on)?|\bpublication\ date|\bdate\ of\ publication
    |\bveröffentlicht(?:\ am)?|\berschienen(?:\ am)?|\berscheinungsdatum|\bpubliziert(?:\ am)?
    |\bpubliée?\ le|\bmis\ en\ ligne\ le|\bparu\ le
    |\bpublicad[oa](?:\ el|\ em|\ a\ las)?|\bfecha\ de\ publicación
    |\bpubblicato(?:\ il)?|\bgepubliceerd(?:\ op)?|\bopublikowano
    |\bопубликовано|\bопубліковано)
    \s*:?\s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Words that say the date after them is when the article last changed.
MODIFIED_LABEL = re.compile(
    r"""
    (?:\blast\ (?:updated|modified|changed)(?:\ on)?|\bupdated(?:\ on)?|\bmodified(?:\ on)?|\brevised(?:\ on)?
    |\bzuletzt\ (?:geändert|aktualisiert)(?:\ am)?|\baktualisiert(?:\ am)?|\bletzte\ änderung|\bgeändert(?:\ am)?|\bstand
    |\bmis\ à\ jour(?:\ le)?|\bmodifié\ le|\bactualizad[oa](?:\ el)?|\baggiornat[oa](?:\ il)?|\bbijgewerkt(?:\ op)?
    |\batualizad[oa](?:\ em)?|\bобновлено)
    \s*:?\s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Words that say the date after them is someone's birth (or death), not the page's.
BIRTH_LABEL = re.compile(
    r"""
    (?:\bborn(?:\ on)?|\bb\.|\bgeboren(?:\ am)?|\bgeb\.|\bgestorben(?:\ am)?|\bné(?:e)?\ le|\bnacid[oa](?:\ el)?
    |\bnat[oa]\ il|\bdied(?:\ on)?|\bdeceased|\bобит|\bродил(?:ся|ась)|出生|生于|\(\s*\*|^\s*\*)
    [\s:,]*$
    """,
    re.IGNORECASE | re.VERBOSE,
)


# --------------------------------------------------------------------------- local time

#: The time zone of a region (ISO 3166) that keeps one clock, or whose capital's
#: clock nearly everyone in it keeps (Brazil, Mexico, Spain): where a page in
#: that region's language variant (``pt-BR``, ``es_AR``) is published.
REGION_ZONES: dict[str, str] = {
    "ar": "America/Argentina/Buenos_Aires", "bo": "America/La_Paz", "br": "America/Sao_Paulo",
    "cl": "America/Santiago", "co": "America/Bogota", "cr": "America/Costa_Rica",
    "cu": "America/Havana", "do": "America/Santo_Domingo", "ec": "America/Guayaquil",
    "gt": "America/Guatemala", "hn": "America/Tegucigalpa", "mx": "America/Mexico_City",
    "ni": "America/Managua", "pa": "America/Panama", "pe": "America/Lima", "py": "America/Asuncion",
    "sv": "America/El_Salvador", "uy": "America/Montevideo", "ve": "America/Caracas",
    "es": "Europe/Madrid", "pt": "Europe/Lisbon", "gb": "Europe/London", "ie": "Europe/Dublin",
    "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "li": "Europe/Vaduz",
    "lu": "Europe/Luxembourg", "fr": "Europe/Paris", "be": "Europe/Brussels", "nl": "Europe/Amsterdam",
    "it": "Europe/Rome", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo",
    "fi": "Europe/Helsinki", "pl": "Europe/Warsaw", "cz": "Europe/Prague", "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest", "ro": "Europe/Bucharest", "bg": "Europe/Sofia", "gr": "Europe/Athens",
    "tr": "Europe/Istanbul", "ua": "Europe/Kiev", "il": "Asia/Jerusalem", "in": "Asia/Kolkata",
    "pk": "Asia/Karachi", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei", "hk": "Asia/Hong_Kong", "sg": "Asia/Singapore", "my": "Asia/Kuala_Lumpur",
    "ph": "Asia/Manila", "th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh", "za": "Africa/Johannesburg",
    "ng": "Africa/Lagos", "ke": "Africa/Nairobi", "eg": "Africa/Cairo", "nz": "Pacific/Auckland",
}  # fmt: skip
#: The time zone of a language spoken (nearly) only on one clock: a page in it
#: without a region is published there. English, Spanish, Portuguese, Arabic,
#: Russian and French (Canada, Africa) span many clocks and are not here.
LANGUAGE_ZONES: dict[str, str] = {
    "de": "Europe/Berlin", "it": "Europe/Rome", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
    "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm", "nb": "Europe/Oslo", "nn": "Europe/Oslo", "no": "Europe/Oslo",
    "fi": "Europe/Helsinki", "et": "Europe/Tallinn", "lv": "Europe/Riga", "lt": "Europe/Vilnius",
    "el": "Europe/Athens", "ro": "Europe/Bucharest", "bg": "Europe/Sofia", "hr": "Europe/Zagreb",
    "sl": "Europe/Ljubljana", "sr": "Europe/Belgrade", "uk": "Europe/Kiev", "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem", "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "th": "Asia/Bangkok",
    "vi": "Asia/Ho_Chi_Minh", "ca": "Europe/Madrid", "eu": "Europe/Madrid", "gl": "Europe/Madrid",
}  # fmt: skip


def local_zone(language: str | None) -> dt.tzinfo | None:
    """The time zone a page in ``language`` (a BCP 47 tag or a locale such as
    ``pt_BR``) is published in, when the tag says it (:data:`REGION_ZONES`,
    :data:`LANGUAGE_ZONES`); ``None`` when it does not, or when this Python has
    no time zone data (``pip install tzdata`` supplies it where the system has none).

    >>> str(local_zone("pt-BR")), str(local_zone("de")), local_zone("en"), local_zone("es")
    ('America/Sao_Paulo', 'Europe/Berlin', None, None)
    """
    if not language:
        return None
    parts = language.replace("_", "-").lower().split("-")
    regions = [p for p in parts[1:] if len(p) == 2 and p.isalpha()]
    name = REGION_ZONES.get(regions[0]) if regions else LANGUAGE_ZONES.get(parts[0])
    return _zone(name) if name else None


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> dt.tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None
