"""Bytes to text for HTML pages.

Strategy: the order the issue fixes: a byte-order mark; then the page's own
declaration (``<meta charset>`` or ``<meta http-equiv=Content-Type>``, in the
first :data:`PRESCAN` bytes); then the HTTP ``Content-Type`` the caller
passes; then detection (``charset-normalizer``). A declaration is trusted only
if the bytes decode under it without error; otherwise the next step is
tried and the wrong declaration is reported. Labels are mapped as browsers
map them (WHATWG): ``iso-8859-1`` and ``ascii`` mean ``windows-1252``. When
nothing decodes cleanly, UTF-8 with replacement characters is used and the
loss is reported: never silent.

>>> decode("<meta charset=windows-1251><p>Привет".encode("cp1251")).encoding
'cp1251'
>>> d = decode(b"<p>caf\\xe9", content_type="text/html; charset=ISO-8859-1")
>>> d.text, d.encoding, d.source
('<p>café', 'cp1252', 'content-type')
>>> decode(b"\\xef\\xbb\\xbf<p>x").source
'bom'
>>> decode("<p>naïve".encode()).encoding
'utf-8'
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from attrs import frozen

from newsmeta._decode import bom_of, detect_encoding, mostly_utf8, utf16_without_bom

__all__ = ["Decoded", "declared_charset", "decode", "utf8_plan"]

#: How far into the bytes the page's own declaration is looked for (browsers: 1024).
PRESCAN = 4096
#: How many bytes detection looks at.
DETECT_BYTES = 200_000

_META_CHARSET = re.compile(
    rb"""
    <meta\s[^>]{0,512}?          # a meta tag, its attributes bounded
    charset\s*=\s*["']?\s*       # charset= (also inside content="text/html; charset=...")
    (?P<cs>[A-Za-z0-9._:\-]{1,40})  # the label
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]{1,40})", re.IGNORECASE)

#: WHATWG label remappings that differ from Python's codecs.
_WHATWG = {
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
}


@frozen(kw_only=True)
class Decoded:
    text: str
    encoding: str
    """Python codec name used."""
    source: str
    """How it was chosen: ``bom``, ``meta``, ``content-type``, ``utf-8``, ``detected``, ``fallback``."""
    notes: tuple[str, ...] = ()
    """Anything lossy or wrong: a declaration that did not fit, replacement characters."""
    lossy: bool = False


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    name = _WHATWG.get(name, name)
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # a byte stream that declares UTF-16 without a BOM is read as UTF-8 (WHATWG)
    return name


def declared_charset(data: bytes) -> str | None:
    """The label a page declares in its first bytes, if any."""
    m = _META_CHARSET.search(data[:PRESCAN])
    return m["cs"].decode("ascii") if m else None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def utf8_plan(
    data: bytes, *, content_type: str | None = None
) -> tuple[str, tuple[str, ...]] | None:
    """What :func:`decode` says of these bytes *if* they are valid UTF-8, decided
    without decoding them: its ``source`` and ``notes``. ``None`` when
    :func:`decode` must look at the bytes themselves: a byte-order mark,
    UTF-16 without one, or a declared legacy encoding (tried before UTF-8 on
    ASCII bytes, and usually right on the others).

    The HTML adapter lets libxml2 decode (and check) the bytes in C, and calls
    :func:`decode` only when they turn out not to be UTF-8.

    >>> utf8_plan(b"<meta charset=utf-8><p>x")
    ('meta', ())
    >>> utf8_plan(b"<p>x"), utf8_plan(b"<meta charset=windows-1251><p>x")
    (('utf-8', ()), None)
    >>> utf8_plan(b"<meta charset=nonsense><p>x")
    ('utf-8', ("the page's <meta charset> names an unknown encoding 'nonsense'",))
    """
    if bom_of(data) is not None or utf16_without_bom(data) is not None:
        return None
    notes: list[str] = []
    for source, _label, _what, codec in _declarations(data, content_type, notes):
        if codec != "utf-8":
            return None
        return source, tuple(notes)
    return "utf-8", tuple(notes)


def _declarations(
    data: bytes, content_type: str | None, notes: list[str]
) -> Iterator[tuple[str, str, str, str]]:
    """The declared encodings :func:`decode` tries, in order, as ``(source, label,
    what, codec)``; a label naming no known encoding is added to ``notes`` instead."""
    steps: list[tuple[str, str | None, str]] = [
        ("meta", declared_charset(data), "the page's <meta charset>"),
    ]
    if content_type:
        m = _CT_CHARSET.search(content_type)
        steps.append(("content-type", m[1] if m else None, "the Content-Type header"))
    for source, label, what in steps:
        if label is None:
            continue
        codec = _codec(label)
        if codec is None:
            notes.append(f"{what} names an unknown encoding {label!r}")
            continue
        yield source, label, what, codec


def decode(data: bytes, *, content_type: str | None = None) -> Decoded:
    """Decode a page's bytes; see the module docstring for the order."""
    mark = bom_of(data)
    if mark is not None:
        bom, codec = mark
        body = data[len(bom) :]
        text = _try(body, codec)
        if text is not None:
            return Decoded(text=text, encoding=codec, source="bom")
        return Decoded(
            text=body.decode(codec, "replace"),
            encoding=codec,
            source="bom",
            notes=(f"bytes after the {codec} byte-order mark do not decode; replaced with U+FFFD",),
            lossy=True,
        )
    codec16 = utf16_without_bom(data)  # before UTF-8: ASCII in UTF-16 is "valid UTF-8"
    if codec16 is not None:
        return Decoded(
            text=data.decode(codec16, "replace"),
            encoding=codec16,
            source="detected",
            notes=(f"no byte-order mark; read as {codec16.upper()} from its byte pattern",),
        )
    notes: list[str] = []
    for source, label, what, codec in _declarations(data, content_type, notes):
        if codec != "utf-8" and not data.isascii():
            # Valid multi-byte UTF-8 almost never happens by chance in legacy
            # text, while templates declaring a legacy charset over UTF-8 are common.
            utf8 = _try(data, "utf-8")
            if utf8 is not None:
                notes.append(f"{what} says {label!r} but the bytes are valid UTF-8; read as UTF-8")
                return Decoded(text=utf8, encoding="utf-8", source="utf-8", notes=tuple(notes))
        declared = _try(data, codec)
        if declared is not None:
            return Decoded(text=declared, encoding=codec, source=source, notes=tuple(notes))
        notes.append(f"{what} says {label!r} but the bytes are not {codec}")
    plain = _try(data, "utf-8")
    if plain is not None:
        return Decoded(text=plain, encoding="utf-8", source="utf-8", notes=tuple(notes))
    mixed = mostly_utf8(data)
    if mixed is not None:
        text, stray = mixed
        notes.append(
            f"mixed encodings: UTF-8 with {stray} stray byte sequence(s) not UTF-8,"
            " read as windows-1252"
        )
        return Decoded(text=text, encoding="utf-8", source="utf-8", notes=tuple(notes), lossy=True)
    # charset-normalizer's guess, checked against the usual legacy encodings for
    # plausibility (alone it reads undeclared KOI8-R as Shift JIS).
    found = detect_encoding(data[:DETECT_BYTES])
    if found is not None:
        guess = _codec(found)
        if guess is not None:
            detected = _try(data, guess)
            if detected is not None:
                notes.append(f"encoding not declared correctly; detected {guess}")
                return Decoded(text=detected, encoding=guess, source="detected", notes=tuple(notes))
    notes.append("no encoding decodes these bytes cleanly; read as UTF-8 with U+FFFD replacements")
    return Decoded(
        text=data.decode("utf-8", "replace"),
        encoding="utf-8",
        source="fallback",
        notes=tuple(notes),
        lossy=True,
    )
