"""Flattened dumps: one extracted value per line, labels lost.

Strategy: two passes. First every non-blank line is *classified* by the
shared recognisers alone (a URL, an XPath template, a datetime, a contact
line, ``Name avatar-url``, ``W H true``, a year, a locale, a keywords line,
a tag-like label, prose, punctuation left by letter-stripping). Then fields
are *assigned* from the classes and their order, which is what the layout
(``docs/formats.md``) fixes: the title is the first text before the dates,
the dates come published/created/modified, tag runs before the body are the
tags, the body is the longest run of prose, a lone capitalised label in the
trailer is the section. Every line is claimed by a field, a placeholder, the
truncation or an issue; whatever is left is kept as unrecognised.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from attrs import define, field

from newsmeta._decode import as_text, split_lines
from newsmeta._kit import Extraction, FieldName
from newsmeta.recognizers.contacts import ContactLine, parse_contact_line
from newsmeta.recognizers.dates import MAX_DATE_LEN, ParsedDateTime, parse_date, parse_datetime
from newsmeta.recognizers.lang import looks_like_locale, normalize_language
from newsmeta.recognizers.people import PersonLine, parse_person_line
from newsmeta.recognizers.placeholders import (
    FoundPlaceholder,
    analyse_expression,
    find_placeholders,
    looks_like_xpath,
)
from newsmeta.recognizers.shapes import (
    is_tag_like,
    looks_letter_stripped,
    split_glued,
    split_keywords,
    truncation_marker,
)
from newsmeta.recognizers.urls import host, is_image_url, is_url, size_from_url
from newsmeta.records import Article, Image, Organization, Person, Placeholder
from newsmeta.resolve import resolve
from newsmeta.settings import COPYRIGHT_YEARS, DEFAULT_LIMITS, MIN_BODY_CHARS, Limits

__all__ = ["NAME", "extract", "looks_like", "parse"]

NAME = "flat"

_HEADER = re.compile(r"\s*date\s+(?P<date>\S{1,40})\s+(?P<url>https?://\S+)\s*", re.ASCII)
_DIMS = re.compile(r"(?P<w>\d{1,6})\s+(?P<h>\d{1,6})(?:\s+(?P<rep>true|false))?", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)
_XPATH_START = frozenset("/.")  # what a template line starts with (``/html``, ``.//``)
_MAX_LOCALE_LEN = 16


class Kind(enum.Enum):
    HEADER = "header"
    PLACEHOLDERS = "placeholders"
    URL = "url"
    DATETIME = "datetime"
    CONTACT = "contact"
    PERSON = "person"
    DIMS = "dims"
    YEAR = "year"
    LOCALE = "locale"
    STRIPPED = "stripped"
    KEYWORDS = "keywords"
    LABEL = "label"
    PROSE = "prose"

    # Members are singletons compared by identity, so identity hashing agrees with
    # equality; ``Enum.__hash__`` is a Python function, called for every set test.
    __hash__ = object.__hash__


@define
class Line:
    no: int
    text: str
    kind: Kind
    data: object = None
    claimed: bool = False


@define
class _State:
    ex: Extraction
    lines: list[Line] = field(factory=list)


def _classify(no: int, text: str) -> Line:
    """The line's class. Each recogniser is tried only on lines of a shape it can
    accept (a cheap test on the first character or a substring), in the order
    ``docs/formats.md`` gives; the answer is the same as trying them all."""
    s = text.strip()
    first = s[:1]
    if first == "d":
        m = _HEADER.fullmatch(text)
        if m is not None and (parse_date(m["date"]) or parse_datetime(m["date"])):
            return Line(no, text, Kind.HEADER, m)
    if first in _XPATH_START:
        found = find_placeholders(s)
        if found:
            return Line(no, text, Kind.PLACEHOLDERS, found)
    if first in "hH" and is_url(s):
        return Line(no, text, Kind.URL, s)
    if len(s) <= MAX_DATE_LEN:
        when = parse_datetime(s)
        if when is not None:
            return Line(no, text, Kind.DATETIME, when)
    if "@" in s:
        contact = parse_contact_line(s)
        if contact is not None:
            return Line(no, text, Kind.CONTACT, contact)
    if "http" in s:
        person = parse_person_line(s)
        if person is not None:
            return Line(no, text, Kind.PERSON, person)
    if first.isdigit():
        m = _DIMS.fullmatch(s)
        if m is not None:
            return Line(no, text, Kind.DIMS, m)
        if _YEAR.fullmatch(s) and int(s) in COPYRIGHT_YEARS:
            return Line(no, text, Kind.YEAR, int(s))
    if (
        len(s) <= _MAX_LOCALE_LEN
        and ("_" in s or "-" in s)
        and looks_like_locale(s)
        and normalize_language(s)[0]
    ):
        return Line(no, text, Kind.LOCALE, s)
    if looks_letter_stripped(s):
        return Line(no, text, Kind.STRIPPED)
    if "," in s:
        kw = split_keywords(s)
        if kw is not None:
            return Line(no, text, Kind.KEYWORDS, kw)
    if is_tag_like(s):
        return Line(no, text, Kind.LABEL, s)
    return Line(no, text, Kind.PROSE, s)


def _classify_all(raw_lines: Sequence[tuple[int, str]]) -> list[Line]:
    """Every non-blank line classified; a line repeated in the dump (the publisher
    block, the author, a tag) is classified once. The answer depends on the text
    alone, and what it holds is never changed afterwards, so repeats share it."""
    seen: dict[str, Line] = {}
    out: list[Line] = []
    for no, text in raw_lines:
        if not text.strip():
            continue
        first = seen.get(text)
        if first is None:
            seen[text] = line = _classify(no, text)
        else:
            line = Line(no, text, first.kind, first.data)
        out.append(line)
    return out


def is_header(line: str) -> bool:
    """Is ``line`` a dump's header (`` date 2022-01-07 https://…``)? The one test,
    for detection here and for dumps inside NewsAPI ``content``."""
    return _HEADER.fullmatch(line) is not None


def has_template(head: str) -> bool:
    """Does the start of a text hold a leaked meta XPath template (a dump's mark)?"""
    return "/html/head/meta[" in head


def looks_like(text: str) -> bool:
    """Cheap test used by format detection: does this read as a flattened dump?

    A dump opens with its header line or a URL, perhaps after a line or two of
    leftover text (a stripped rubric), or carries a leaked meta XPath template.
    """
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if has_template(head):
        return True
    opening = [line.strip() for line in re.split(r"\r\n|\n|\r", head)[:8] if line.strip()]
    for line in opening[: MAX_LINES_BEFORE_URL + 1]:
        if is_header(line) or is_url(line):
            return True
        if not (looks_letter_stripped(line) or len(line) < _MAX_OPENING_TEXT):
            return False
    return False


def _truncation(st: _State, lines: list[tuple[int, str]]) -> None:
    """Find ``… [+N chars]`` at the end; the value it cuts is never used."""
    while lines and not lines[-1][1].strip():
        lines.pop()
    if not lines:
        return
    no, last = lines[-1]
    found = truncation_marker(last)
    if found is None:
        return
    start, missing = found
    partial = last[:start]
    lines.pop()
    marker = last[start:].strip()
    kept_partial = partial.strip() or None
    st.ex.cut_short(
        missing,
        marker,
        f"input cut short: {missing:,} characters missing",
        partial=kept_partial,
        lines=[no],
    )
    if kept_partial is not None and looks_like_xpath(kept_partial):
        st.ex.placeholders.append(
            _placeholder(st.ex, analyse_expression(kept_partial), no, truncated=True)
        )
    if kept_partial is not None:
        guess = _classify(no, kept_partial).kind.value
        what = "URL" if kept_partial.startswith(("http", "/html", "//")) else guess
        st.ex.issue(
            "truncated-value",
            f"the last value ({what}) was cut by the truncation and is not used: {kept_partial[:80]!r}",
            field_name="truncation.partial",
            lines=[no],
        )


def extract(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
    within: str | None = None,
) -> Extraction:
    """Candidates from a flattened dump (the first half of :func:`parse`).

    ``url`` and ``content_type`` are part of the adapter contract
    (:class:`~newsmeta.adapters.Adapter`); this adapter does not use them.
    ``within`` is the path of the value the dump sits in, when it is one
    (NewsAPI's ``$.content``): every location starts with it.
    """
    text, notes = as_text(data, limits, mojibake=True)
    ex = Extraction(adapter=NAME, input=input_name, within=within)
    for note in notes:
        ex.issue("lossy-decoding", note)
    st = _State(ex=ex)
    raw_lines = split_lines(text.removeprefix("\ufeff"), limits)
    _truncation(st, raw_lines)
    st.lines = _classify_all(raw_lines)
    _assign(st)
    for line in st.lines:
        if not line.claimed:
            ex.keep(line.text.strip(), lines=[line.no])
    return ex


def parse(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Parse a flattened dump into an :class:`Article`."""
    return resolve(extract(data, input_name=input_name, limits=limits), source=NAME)


# --------------------------------------------------------------------------- assignment


def _assign(st: _State) -> None:
    lines = st.lines
    _header_and_urls(st)
    _placeholders(st)
    _dates(st)
    for line in lines:
        if line.kind is Kind.CONTACT:
            _contact(st, line)
        elif line.kind is Kind.PERSON:
            _person(st, line)
        elif line.kind is Kind.DIMS:
            _dims(st, line)
        elif line.kind is Kind.YEAR:
            st.ex.add("copyright_year", line.data, line.text.strip(), lines=[line.no])
            line.claimed = True
        elif line.kind is Kind.LOCALE:
            _language(st, line)
        elif line.kind is Kind.STRIPPED:
            st.ex.reject(
                "letters-stripped",
                f"only punctuation is left of this line; its letters were stripped upstream: {line.text.strip()[:60]!r}",
                line.text.strip(),
                lines=[line.no],
            )
            line.claimed = True
    _text(st)


def _header_and_urls(st: _State) -> None:
    ex = st.ex
    article_url: str | None = None
    for line in st.lines:
        if line.kind is Kind.HEADER:
            m = line.data
            assert isinstance(m, re.Match)
            ex.add("url", m["url"], m["url"], lines=[line.no], rank=10)
            day = parse_date(m["date"])
            if day is None:
                dt_ = parse_datetime(m["date"])
                day = dt_.value.date() if dt_ else None
            ex.add("date", day, m["date"], lines=[line.no], rank=10)
            article_url = article_url or m["url"]
            line.claimed = True
    # The article URL opens the dump: the first page URL, with at most a line or two
    # of leftover text (a stripped rubric, a sign-up banner) before it.
    opening = _opening_url(st.lines)
    urls = [line for line in st.lines if line.kind is Kind.URL]
    counts: dict[str, int] = {}
    for line in urls:
        counts[str(line.data)] = counts.get(str(line.data), 0) + 1
    og_image_seen = False
    for line in urls:
        url = str(line.data)
        line.claimed = True
        if is_image_url(url):
            if counts[url] > 1 or "/logo" in url.lower():
                logo = Image(url=url)
                ex.add("publisher", Organization(logo=logo), url, lines=[line.no], rank=60)
            elif not og_image_seen:
                og_image_seen = True
                ex.add("og_image", url, url, lines=[line.no])
            else:
                size = size_from_url(url)
                w, h = size if size else (None, None)
                ex.add("images", Image(url=url, width=w, height=h), url, lines=[line.no])
        elif line is opening or (article_url is not None and url == article_url):
            ex.add("url", url, url, lines=[line.no], rank=20)
            article_url = article_url or url
        else:
            same_site = article_url is not None and host(url) == host(article_url)
            ex.reject(
                "unknown-url",
                f"a URL with no role in the layout{' (same site)' if same_site else ''}: {url[:120]}",
                url,
                lines=[line.no],
            )


#: Most lines of leftover text that may stand before the article URL.
MAX_LINES_BEFORE_URL = 2
#: Longest leftover line (a rubric, a sign-up banner) detection lets stand before it.
_MAX_OPENING_TEXT = 120
_OPENING_TEXT = frozenset({Kind.STRIPPED, Kind.LABEL, Kind.PROSE})


def _opening_url(lines: Sequence[Line]) -> Line | None:
    for line in lines[: MAX_LINES_BEFORE_URL + 1]:
        if line.kind is Kind.URL and not is_image_url(str(line.data)):
            return line
        if line.kind not in _OPENING_TEXT:
            return None
    return None


def _placeholder(
    ex: Extraction, p: FoundPlaceholder, line_no: int, *, truncated: bool = False
) -> Placeholder:
    return Placeholder(
        xpath=p.xpath,
        field=p.field,
        attribute=p.attribute,
        selector_attribute=p.selector_attribute,
        compiles=p.compiles,
        hint=p.hint,
        suggested=p.suggested,
        truncated=truncated,
        location=ex.location([line_no]),
    )


def _placeholders(st: _State) -> None:
    for line in st.lines:
        if line.kind is not Kind.PLACEHOLDERS:
            continue
        found = line.data
        assert isinstance(found, list)
        for p in found:
            assert isinstance(p, FoundPlaceholder)
            st.ex.placeholders.append(_placeholder(st.ex, p, line.no))
            st.ex.issue(
                "placeholder-leak",
                f"unresolved XPath template for {p.field or 'a value'} left in the input: {p.xpath[:120]}",
                field_name="placeholders",
                lines=[line.no],
            )
        line.claimed = True


#: Datetime lines in a dump, by how many there are: the layout's order.
_DATE_ORDER: dict[int, tuple[FieldName, ...]] = {
    1: ("published",),
    2: ("published", "modified"),
    3: ("published", "created", "modified"),
}


def _dates(st: _State) -> None:
    dated = [line for line in st.lines if line.kind is Kind.DATETIME]
    if not dated:
        return
    order = _DATE_ORDER[min(len(dated), 3)]
    for line, name in zip(dated, order, strict=False):
        when = line.data
        assert isinstance(when, ParsedDateTime)
        st.ex.add(name, when.value, line.text.strip(), lines=[line.no], tz_assumed=when.tz_assumed)
        if when.tz_assumed:
            st.ex.issue(
                "timezone-assumed",
                f"{name} has no UTC offset; read as UTC",
                field_name=name,
                lines=[line.no],
            )
        line.claimed = True
    for line in dated[3:]:
        st.ex.issue(
            "extra-date",
            "more than three datetimes: the layout gives this one no role",
            lines=[line.no],
        )


def _contact(st: _State, line: Line) -> None:
    c = line.data
    assert isinstance(c, ContactLine)
    logo = None
    if c.logo_url or c.logo_width or c.logo_height:
        logo = Image(url=c.logo_url, width=c.logo_width, height=c.logo_height)
    org = Organization(
        name=c.name,
        legal_name=c.legal_name,
        email=c.email,
        telephone=c.telephone,
        logo=logo,
    )
    st.ex.add("publisher", org, line.text.strip(), lines=[line.no])
    if c.telephone_raw and not c.telephone:
        st.ex.issue(
            "invalid-phone",
            f"{c.telephone_raw!r} is not a possible telephone number",
            field_name="publisher.telephone",
            lines=[line.no],
        )
    line.claimed = True


def _person(st: _State, line: Line) -> None:
    p = line.data
    assert isinstance(p, PersonLine)
    avatar = None
    if p.avatar_url:
        size = size_from_url(p.avatar_url)
        w, h = size if size else (None, None)
        avatar = Image(url=p.avatar_url, width=w, height=h)
    st.ex.add("authors", Person(name=p.name, avatar=avatar), line.text.strip(), lines=[line.no])
    line.claimed = True


def _dims(st: _State, line: Line) -> None:
    m = line.data
    assert isinstance(m, re.Match)
    img = Image(width=int(m["w"]), height=int(m["h"]), representative=m["rep"] == "true")
    st.ex.add("images", img, line.text.strip(), lines=[line.no])
    line.claimed = True


def _language(st: _State, line: Line) -> None:
    raw = line.text.strip()
    tag, note = normalize_language(raw)
    if tag is None:
        st.ex.reject(
            "invalid-language", note or f"{raw!r}", raw, field_name="language", lines=[line.no]
        )
    else:
        st.ex.add("language", tag, raw, lines=[line.no])
        if note:
            st.ex.issue(
                "language-normalised",
                f"{raw!r} → {tag!r}: {note}",
                field_name="language",
                lines=[line.no],
            )
    line.claimed = True


# --------------------------------------------------------------------------- text lines

_TRAILER_KINDS = frozenset({Kind.CONTACT, Kind.PERSON, Kind.YEAR, Kind.DIMS, Kind.LOCALE})
_HEAD_END_KINDS = frozenset({Kind.DATETIME, Kind.PLACEHOLDERS, Kind.KEYWORDS}) | _TRAILER_KINDS


def _runs(lines: Sequence[Line], kind: Kind) -> list[list[Line]]:
    """Maximal runs of consecutive (non-blank) lines of one kind."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.kind is kind and not line.claimed:
            current.append(line)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _could_be_title(kind: Kind, s: str) -> bool:
    """Titles do not end a sentence, are not body-long, and a short one is not lower case
    (dump tags are: ``kazakhstan``, ``csto``)."""
    if s[-1] in ".!?" or (kind is Kind.PROSE and len(s) >= MIN_BODY_CHARS):
        return False
    return kind is Kind.PROSE or not s[0].islower()


def _text(st: _State) -> None:
    ex = st.ex
    lines = st.lines
    # The head: text before the first dated / structural line or image URL.
    head_end = len(lines)
    for i, line in enumerate(lines):
        if line.kind in _HEAD_END_KINDS or (line.kind is Kind.URL and is_image_url(str(line.data))):
            head_end = i
            break

    title: str | None = None
    for line in lines[:head_end]:
        if line.kind in (Kind.LABEL, Kind.PROSE) and not line.claimed:
            s = line.text.strip()
            if title is None and _could_be_title(line.kind, s):
                title = s
            if (
                title is not None
                and " ".join(s.split()).casefold() == " ".join(title.split()).casefold()
            ):
                ex.add("title", s, s, lines=[line.no])
                line.claimed = True

    # The body: the run of prose holding the longest prose line, if long enough.
    prose = [line for line in lines if line.kind is Kind.PROSE and not line.claimed]
    body_run: list[Line] = []
    if prose:
        longest = max(prose, key=lambda line: len(line.text.strip()))
        if len(longest.text.strip()) >= MIN_BODY_CHARS:
            for run in _runs(lines, Kind.PROSE):
                if longest in run:
                    body_run = run
                    break
    if body_run:
        paragraphs: list[str] = []
        for line in body_run:
            paragraphs.extend(p for p in split_glued(line.text.strip()) if p)
            line.claimed = True
        ex.add(
            "body",
            "\n\n".join(paragraphs),
            "\n".join(line.text for line in body_run),
            lines=[line.no for line in body_run],
        )

    # The description: the first remaining prose line before the body.
    body_start = body_run[0].no if body_run else None
    for line in lines:
        if (
            line.kind is Kind.PROSE
            and not line.claimed
            and (body_start is None or line.no < body_start)
        ):
            s = line.text.strip()
            ex.add("description", s, s, lines=[line.no])
            line.claimed = True
            break

    # Labels: runs before the trailer are tag groups; a lone label in the trailer is the section.
    trailer_start = next(
        (
            line.no
            for line in lines
            if line.kind in _TRAILER_KINDS and (body_start is None or line.no > body_start)
        ),
        None,
    )
    section_seen = False
    for run in _runs(lines, Kind.LABEL):
        in_trailer = trailer_start is not None and run[0].no > trailer_start
        if in_trailer and len(run) == 1 and not section_seen:
            s = run[0].text.strip()
            if looks_like_locale(s) and normalize_language(s)[0] and s.islower():
                _language(st, run[0])
                continue
            if s[:1].isupper():
                ex.add("section", s, s, lines=[run[0].no])
                run[0].claimed = True
                section_seen = True
                continue
        tags = tuple(line.text.strip() for line in run)
        ex.add("tags", tags, "\n".join(line.text for line in run), lines=[line.no for line in run])
        for line in run:
            line.claimed = True

    _keywords(st)
    # Prose nobody claimed (a second description, a caption) stays unrecognised.


def _keywords(st: _State) -> None:
    ex = st.ex
    kw_lines = [line for line in st.lines if line.kind is Kind.KEYWORDS]
    if not kw_lines:
        return
    tag_groups = [c for c in ex.candidates if c.field == "tags"]
    for line in kw_lines:
        items = line.data
        assert isinstance(items, list)
        ex.add("keywords", tuple(items), line.text.strip(), lines=[line.no])
        line.claimed = True
        if tag_groups:
            tags = tag_groups[0].value
            assert isinstance(tags, tuple)
            want = [t.casefold() for t in tags]
            got = [k.casefold() for k in items]
            if want != got:
                got_set, want_set = set(got), set(want)  # O(1) look-ups: linear time
                missing = [t for t in want if t not in got_set]
                extra = [k for k in got if k not in want_set]
                detail = []
                if missing:
                    detail.append(f"tags not in keywords: {missing}")
                if extra:
                    detail.append(f"keywords not in tags: {extra}")
                if not detail:
                    detail.append("same items in another order")
                ex.issue(
                    "keywords-mismatch",
                    "the keywords line disagrees with the tags: " + "; ".join(detail),
                    field_name="keywords",
                    lines=[line.no, *tag_groups[0].provenance.location.lines],
                )
