"""Emails, telephones and a publisher's contact line.

>>> normalize_phone("+7 (495) 645-66-01")
'+74956456601'
>>> normalize_phone("8 495 645 66 01", region="RU")
'+74956456601'
>>> normalize_phone("12") is None
True
>>> is_email("feedback@sputniknews.com"), is_email("feedback@")
(True, False)
>>> c = parse_contact_line("Sputnik International feedback@sputniknews.com +74956456601 MIA „Rosiya Segodnya“ 252 60")
>>> c.name, c.email, c.telephone, c.legal_name, c.logo_width, c.logo_height
('Sputnik International', 'feedback@sputniknews.com', '+74956456601', 'MIA „Rosiya Segodnya“', 252, 60)
>>> parse_contact_line("no email here") is None
True
"""

from __future__ import annotations

import functools
import re

import phonenumbers
from attrs import frozen

from newsmeta.recognizers.urls import is_url

__all__ = ["ContactLine", "is_email", "normalize_phone", "parse_contact_line"]

#: Longest contact line we try to read.
MAX_CONTACT_LEN = 1000
#: Results remembered: a publisher repeats one contact line in every dump
#: (three times in seed 001), and libphonenumber is slow.
CACHE_SIZE = 1024

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}")
_PHONE = re.compile(r"\+?[\d()\-\s.]{7,24}\d")
_SIZE_TAIL = re.compile(r"\s(\d{1,5})\s(\d{1,5})$")


def is_email(text: str) -> bool:
    return len(text) <= 254 and _EMAIL.fullmatch(text) is not None


def normalize_phone(text: str, region: str | None = None) -> str | None:
    """E.164 form of a telephone number, or ``None`` if it is not a valid one.

    Uses Google's libphonenumber rules (``phonenumbers``): numbering plans change,
    and a hand-written pattern would be wrong the day they do.
    """
    if len(text) > 40:
        return None
    return _normalize_phone(text, region)


@functools.lru_cache(maxsize=CACHE_SIZE)  # keys are short: checked above
def _normalize_phone(text: str, region: str | None) -> str | None:
    try:
        num = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


@frozen(kw_only=True)
class ContactLine:
    """A dump's publisher line: ``name email phone legal-name [logo-url] width height``."""

    name: str | None
    email: str
    telephone: str | None
    telephone_raw: str | None
    legal_name: str | None
    logo_url: str | None
    logo_width: int | None
    logo_height: int | None


def parse_contact_line(text: str) -> ContactLine | None:
    """Read a publisher contact line; ``None`` unless it holds an email address."""
    if len(text) > MAX_CONTACT_LEN or "@" not in text:
        return None
    return _parse_contact_line(text)


@functools.lru_cache(maxsize=CACHE_SIZE)  # keys are short: checked above
def _parse_contact_line(text: str) -> ContactLine | None:
    tokens = text.split()
    idx = next((i for i, t in enumerate(tokens) if is_email(t)), None)
    if idx is None:
        return None
    name = " ".join(tokens[:idx]) or None
    rest = " ".join(tokens[idx + 1 :])
    width = height = None
    m = _SIZE_TAIL.search(" " + rest)
    if m is not None:
        width, height = int(m[1]), int(m[2])
        rest = (" " + rest)[: m.start()].strip()
    telephone = telephone_raw = None
    pm = _PHONE.match(rest)
    if pm is not None:
        telephone_raw = pm.group().strip()
        telephone = normalize_phone(telephone_raw)
        rest = rest[pm.end() :].strip()
    logo_url = None
    parts = rest.split()
    urls = [p for p in parts if is_url(p)]
    if urls:
        logo_url = urls[0]
        rest = " ".join(p for p in parts if p != logo_url)
    return ContactLine(
        name=name,
        email=tokens[idx],
        telephone=telephone,
        telephone_raw=telephone_raw,
        legal_name=rest or None,
        logo_url=logo_url,
        logo_width=width,
        logo_height=height,
    )
