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
import re

from attrs import frozen

__all__ = ["ParsedDateTime", "parse_date", "parse_datetime"]

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


@frozen(kw_only=True)
class ParsedDateTime:
    value: dt.datetime
    """Always timezone-aware."""
    tz_assumed: bool = False
    """True when the input had no offset and UTC was assumed."""


def _offset(tz: str | None) -> dt.tzinfo | None:
    if tz is None:
        return None
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
    m = _ISO.fullmatch(s)
    if m is not None:
        day = parse_date(m["date"])
        if day is None:
            return None
        try:
            t = dt.time(
                int(m["h"]),
                int(m["m"]),
                int(m["s"] or 0),
                int((m["f"] or "0").ljust(6, "0")[:6]),
            )
        except ValueError:
            return None
        tzinfo = _offset(m["tz"])
        if m["tz"] is not None and tzinfo is None:
            return None
        value = dt.datetime.combine(day, t, tzinfo or dt.timezone.utc)
        return ParsedDateTime(value=value, tz_assumed=tzinfo is None)
    if "," in s or any(c.isalpha() for c in s[:3]):
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
