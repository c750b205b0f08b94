"""Fast paths against the plain definitions they replace.

Several recognisers were rewritten for speed (a regex scanned in C instead of
a loop per character in Python; a regex instead of ``urllib``). Each keeps the
exact answer of a one-line reference written the obvious way; these properties
hold them to it, on arbitrary text and on alphabets chosen to hit the edges
(numerals that are ``\\w`` but not letters, Unicode white space, brackets).
The reference functions below are the specification.
"""

from __future__ import annotations

import email.utils
import re
import urllib.parse

from hypothesis import example, given
from hypothesis import strategies as st

from newsmeta._decode import split_lines, utf16_without_bom
from newsmeta.adapters import flat
from newsmeta.recognizers import shapes as T
from newsmeta.recognizers.dates import parse_datetime
from newsmeta.recognizers.placeholders import split_expressions
from newsmeta.recognizers.urls import host
from tests.conftest import FIXTURES

# Letters, numerals that are not letters (``²``, ``½``, ``Ⅻ``, Bengali ``৴``), marks,
# ``_``, Unicode white space and the punctuation letter-stripping leaves behind.
_EDGES = "aZЖжßİΣ²½Ⅻ৴٣9_\u0301 \t\n\u00a0\u2028\u3000\x1c\x85,.;:«»\"“”„'’—–-!?()[]/…"
edgy = st.text(st.sampled_from(_EDGES), max_size=30)
anything = st.text(max_size=40)
texts = st.one_of(edgy, anything)


def ref_has_letters(s: str) -> bool:
    return any(c.isalpha() for c in s)


def ref_count_letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def ref_alnum_only(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


def ref_punct_words(s: str) -> list[str]:
    return [tok for tok in s.split() if not tok.strip(T._PUNCT_CHARS)]


def ref_key(s: str, latin1_only: bool) -> str:
    return "".join(c.casefold() for c in s if c.isalnum() and (not latin1_only or ord(c) < 256))


def ref_split_expressions(line: str) -> list[str]:
    parts: list[str] = []
    buf: list[str] = []
    quote = ""
    depth = 0
    for ch in line:
        if quote:
            buf.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])" and depth:
            depth -= 1
        elif ch.isspace() and depth == 0:
            if buf:
                parts.append("".join(buf))
                buf = []
            continue
        buf.append(ch)
    if buf:
        parts.append("".join(buf))
    return parts


def ref_host(url: str) -> str | None:
    try:
        netloc = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    if not netloc:
        return None
    return netloc.removeprefix("www.")


@given(texts)
@example("½ ²")
@example("² a")
def test_letters(s: str) -> None:
    assert T.has_letters(s) == ref_has_letters(s)
    assert T.count_letters(s) == ref_count_letters(s)


@given(texts)
@example("_")
@example("Braindamaged.fr — №1 ½")
def test_alnum(s: str) -> None:
    assert T.alnum_only(s) == ref_alnum_only(s)
    assert T.has_alnum(s) == any(c.isalnum() for c in s)
    assert T._key(s, latin1_only=True) == ref_key(s, True)
    assert T._key(s, latin1_only=False) == ref_key(s, False)


@given(texts)
@example(", , .")
@example("a\u00a0—\u2028!")
def test_punctuation_words(s: str) -> None:
    assert T._PUNCT_WORD.findall(s) == ref_punct_words(s)


def ref_looks_letter_stripped(text: str) -> bool:
    s = text.strip()
    if not s or len(s) > 100_000:
        return False
    if not ref_has_letters(s):
        return any(c in T._PUNCT for c in s) and not s.replace(" ", "").isdigit()
    if len(s) > 2000:
        return False
    scars = len(T._SPACE_BEFORE.findall(s)) + len(T._EMPTY_PAIR.findall(s))
    scars += sum(1 for tok in ref_punct_words(s) if tok not in T._DASHES)
    return scars >= 2


@given(texts)
@example("« » ,")
@example("12 34")
def test_looks_letter_stripped(s: str) -> None:
    assert T.looks_letter_stripped(s) == ref_looks_letter_stripped(s)


@given(st.text(st.sampled_from("ab/@='\"[]() \t\n\u00a0\u2028x"), max_size=30))
@example("/a[@x='1 2'] //b[c d]  ./e")
@example("'open quote never closes ] [")
def test_split_expressions(line: str) -> None:
    assert split_expressions(line) == ref_split_expressions(line)


_URLISH = st.builds(
    lambda pre, rest: pre + rest,
    st.sampled_from(["http://", "https://", "HTTP://", "http:/", "", " http://", "https://WWW."]),
    st.text(st.sampled_from("ab.-:/?#@[]1 \tWw\n\x00é%"), max_size=20),
)


@given(st.one_of(_URLISH, anything))
@example("https://WWW.:?1::\t1.1:")
@example("http://a.com\n/x")
@example("http://[::1]/")
def test_host(url: str) -> None:
    assert host(url) == ref_host(url)


@given(st.text(st.sampled_from("\r\n ab"), max_size=30))
def test_split_lines(text: str) -> None:
    got = split_lines(text)
    assert [t for _n, t in got] == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert [n for n, _t in got] == list(range(1, len(got) + 1))


@given(
    st.lists(
        st.sampled_from(["Jan", "May", "Dec", "Mon,", " ", ",", ":", "+", "GMT", "x"]), max_size=8
    ).map("".join)
)
def test_no_date_without_a_digit(s: str) -> None:
    """parse_datetime skips email.utils for digit-free text: it reads no date from one."""
    assert parse_datetime(s) is None
    try:
        value = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError, OverflowError):
        value = None
    assert value is None


_SEED_LINES = [
    line
    for line in (FIXTURES / "dumps" / "sputnik-seed-001.txt").read_text("utf-8").splitlines()
    if line.strip()
]


@given(st.lists(st.one_of(st.sampled_from(_SEED_LINES), anything), max_size=20))
def test_repeated_lines_classified_once(texts: list[str]) -> None:
    """A dump's repeated lines share one classification: the same as classifying each."""
    raw = list(enumerate(texts + texts[::2], 1))
    shared = flat._classify_all(raw)
    each = [flat._classify(n, t) for n, t in raw if t.strip()]
    assert [_view(x) for x in shared] == [_view(x) for x in each]


def _view(line: flat.Line) -> tuple[object, ...]:
    data = line.data
    if isinstance(data, re.Match):  # matches compare by identity: compare what they hold
        data = (data[0], data.groupdict())
    return (line.no, line.text, line.kind, data)


def ref_utf16_without_bom(raw: bytes) -> str | None:
    """The definition: shares of bytes 0x00-0x07 on the two sides of the pairs of the probe."""
    probe = raw[:4096]
    if len(probe) < 8 or (len(probe) % 2 and len(raw) == len(probe)):
        return None
    even, odd = probe[0::2], probe[1::2]
    e = sum(b < 8 for b in even) / len(even)
    o = sum(b < 8 for b in odd) / len(odd)
    codec = "utf-16-le" if o >= 0.9 and e < 0.1 else None
    if e >= 0.9 and o < 0.1:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        raw[: len(raw) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


# Text that UTF-16 makes mostly low bytes (Latin, Cyrillic), some that it does not (CJK),
# and bytes near the gate's edges: 0x00-0x07, 0x08, ASCII, high bytes.
_UTF16_TEXT = st.text(st.sampled_from("ab Жж\u05d0\u4e2d<>\n"), max_size=40)
_EDGE_BYTES = st.binary(max_size=40) | st.lists(
    st.sampled_from([0, 1, 4, 7, 8, 0x20, 0x41, 0x80, 0xD8, 0xFF]), max_size=40
).map(bytes)


@given(
    st.one_of(
        _UTF16_TEXT.map(lambda t: t.encode("utf-16-le")),
        _UTF16_TEXT.map(lambda t: t.encode("utf-16-be")),
        _EDGE_BYTES,
    ),
    st.sampled_from([0, 1, 4088, 4095, 4096]),
    st.sampled_from([b"", b"a", b"\x00", b"\x04a"]),
)
@example(b"a\x00" * 4, 0, b"")
@example(b"", 4095, b"\x00")
def test_utf16_without_bom(head: bytes, pad: int, tail: bytes) -> None:
    """The memchr gate gives the definition's answer, low bytes inside or just past the probe."""
    raw = head + b"x" * pad + tail
    assert utf16_without_bom(raw) == ref_utf16_without_bom(raw)
    raw = b"x" * pad + head + tail
    assert utf16_without_bom(raw) == ref_utf16_without_bom(raw)


# --------------------------------------------------------------------------- ISO datetimes


def _two(hi: int) -> st.SearchStrategy[str]:
    return st.integers(0, hi).map(lambda n: f"{n:02d}")


# Every position of the fast path's shape, with values past each field's range
# (month 19, day 39, hour 29, second 69, offset +29:69) and year 0000.
plain_iso = st.builds(
    lambda y, mo, d, h, mi, sec, frac, tz: f"{y:04d}-{mo}-{d}T{h}:{mi}{sec}{frac}{tz}",
    st.integers(0, 9999),
    _two(19),
    _two(39),
    _two(29),
    _two(69),
    st.one_of(st.just(""), _two(69).map(lambda s: ":" + s)),
    st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=6).map(lambda f: "." + f)),
    st.one_of(
        st.just("Z"),
        st.builds(
            lambda sign, hh, colon, mm: f"{sign}{hh}{colon}{mm}",
            st.sampled_from("+-"),
            _two(29),
            st.sampled_from(["", ":"]),
            _two(69),
        ),
    ),
)


def _read(s: str) -> tuple[str, object, bool] | None:
    from newsmeta.recognizers import dates

    got = dates._parse_datetime(s.strip())
    return None if got is None else (got.value.isoformat(), got.value.tzinfo, got.tz_assumed)


@given(plain_iso)
@example("2020-04-17T12:44:39Z")
@example("2022-01-07T08:36+0000")
@example("2020-02-29T23:59:59.5-00:00")
@example("2021-02-29T10:00+03:00")
@example("2020-01-01T24:00Z")
@example("2020-01-01T10:00:60Z")
@example("2020-01-01T10:00+24:00")
@example("2020-01-01T10:00+23:60")
@example("0000-01-01T10:00Z")
@example("0001-01-01T00:00+0060")  # fromisoformat reads minute 60 of an offset
def test_parse_datetime_iso_fast_path(s: str) -> None:
    """The fromisoformat fast path reads exactly what the general path reads."""
    got = parse_datetime(s)
    want = _read(s)
    assert (
        None if got is None else (got.value.isoformat(), got.value.tzinfo, got.tz_assumed)
    ) == want
