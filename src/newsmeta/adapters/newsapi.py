"""Aggregator items in NewsAPI's shape.

An item is an object with ``source`` (``{"id", "name"}``), ``author``,
``title``, ``description``, ``url``, ``urlToImage``, ``publishedAt`` and
``content``. The input may be one item, a list of items, a whole response
(``{"status", "totalResults", "articles"}``) or JSON Lines (one item a line).

Strategy: the envelope's labelled fields become candidates first, stronger
than anything read from ``content`` (:data:`ENVELOPE_RANK`). ``content`` is
then read one of two ways. When it is a flattened dump (it opens with the
item's own URL, or holds an XPath template or a dump header) it goes through
the flat adapter, whose candidates join the same extraction with their
line numbers counted within ``content``. Otherwise it is a text snippet: the
body, cut short. Either way the truncation marker ``… [+N chars]`` is
honoured, and the envelope serves as the reference that exposes the
aggregator's letter-stripping: a content line that reads like the title with
its Russian words gone is reported, never taken for a value. A value the dump
merely repeats from the envelope (its first line is the item's URL) is not
taken twice; text decoded wrongly upstream (mojibake) is repaired and noted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from newsmeta._convert import dumps, loads
from newsmeta._decode import as_text, split_lines
from newsmeta._kit import Candidate, Extraction
from newsmeta._kit.titles import site_keys, strip_site
from newsmeta.adapters import flat
from newsmeta.errors import FormatError, InputError, NewsmetaError
from newsmeta.recognizers.dates import parse_datetime
from newsmeta.recognizers.markup import has_tags, strip_tags
from newsmeta.recognizers.mojibake import repair_mojibake
from newsmeta.recognizers.people import clean_author, organisation_credit
from newsmeta.recognizers.placeholders import find_placeholders
from newsmeta.recognizers.prose import Picture, prose_roles
from newsmeta.recognizers.shapes import (
    count_letters,
    has_alnum,
    is_stripped_copy,
    letters_beyond_latin1,
    looks_letter_stripped,
)
from newsmeta.recognizers.truncation import find_marker
from newsmeta.recognizers.urls import host, is_image_url, is_url, join, size_from_url
from newsmeta.records import Article, Image, Location, Organization, Person
from newsmeta.resolve import resolve
from newsmeta.results import Result
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = ["ENVELOPE_KEYS", "NAME", "extract", "iter_results", "looks_like", "parse"]

NAME = "newsapi"

#: The keys of a NewsAPI article object, in the order the API writes them.
ENVELOPE_KEYS: tuple[str, ...] = (
    "source",
    "author",
    "title",
    "description",
    "url",
    "urlToImage",
    "publishedAt",
    "content",
)
#: Keys that mark an object as a NewsAPI article (``source`` alone is too common).
_ARTICLE_KEYS = frozenset(ENVELOPE_KEYS) - {"source"}
#: Rank of envelope values: labelled fields beat what the flat adapter reads from
#: ``content`` (its ranks are 10 and up), so a disagreement keeps the envelope's.
ENVELOPE_RANK = 5
#: How far into the input format detection looks for NewsAPI's keys.
_SNIFF_CHARS = 65_536
#: Fewest letters beyond Latin-1 the title and description must have before a
#: content without any is called stripped.
_MIN_LOST_LETTERS = 3
#: Fewest letters the content must have for that comparison to mean anything.
_MIN_CONTENT_LETTERS = 20
#: Longest value shown in an issue message.
_SHOW = 120

_SNIFF_KEYS = re.compile(
    r"""
    "(?:publishedAt|urlToImage|totalResults|articles)"\s*:  # an article's or a response's keys
    | "status"\s*:\s*"error"                           # an error response (read to say so)
    """,
    re.VERBOSE,
)


def looks_like(text: str) -> bool:
    """JSON (an object, an array or JSON Lines) that names NewsAPI's keys."""
    head = text.lstrip("\ufeff \t\r\n")[:_SNIFF_CHARS]
    return head[:1] in ("{", "[") and _SNIFF_KEYS.search(head) is not None


# --------------------------------------------------------------------------- items


@attrs.frozen
class _Item:
    index: int
    value: object
    prefix: str
    """JSON path of the item: ``$``, ``$[3]``, ``$.articles[3]``."""
    input: str | None
    error: NewsmetaError | None = None

    @property
    def where(self) -> str:
        loc = Location(path=self.prefix, input=self.input)
        return str(loc)


def _items(text: str, input_name: str | None) -> Iterator[_Item]:
    """The article objects in ``text``, each with its JSON path, in order."""
    stripped = text.lstrip("\ufeff \t\r\n")
    try:
        doc = loads(stripped)
    except InputError as exc:
        # Line numbers count from the input's first line, blank lines included.
        lines = [(n, t) for n, t in split_lines(text.removeprefix("\ufeff")) if t.strip()]
        if len(lines) < 2 or not _parses(lines[0][1]):
            # JSON Lines only when the first line is JSON on its own.
            raise InputError(f"{input_name or 'input'}: {exc}") from None
        yield from _jsonl(lines, input_name)
        return
    if isinstance(doc, Mapping):
        if "articles" in doc or doc.get("status") in ("ok", "error"):
            yield from _response(doc, input_name)
        else:
            yield _Item(0, doc, "$", input_name)
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield _Item(i, value, f"$[{i}]", input_name)
    else:
        raise FormatError(
            f"{input_name or 'input'}: expected a NewsAPI article, a list of them or a"
            f" response object, got JSON {type(doc).__name__}"
        )


def _parses(line: str) -> bool:
    try:
        loads(line)
    except InputError:
        return False
    return True


def _response(doc: Mapping[str, Any], input_name: str | None) -> Iterator[_Item]:
    where = input_name or "input"
    if doc.get("status") == "error":
        raise InputError(
            f"{where}: the aggregator answered with an error:"
            f" {doc.get('code')!s}: {str(doc.get('message'))[:_SHOW]}"
        )
    articles = doc.get("articles")
    if not isinstance(articles, list):
        raise FormatError(f"{where}: $.articles should be a list, got {type(articles).__name__}")
    for i, value in enumerate(articles):
        yield _Item(i, value, f"$.articles[{i}]", input_name)


def _jsonl(lines: Sequence[tuple[int, str]], input_name: str | None) -> Iterator[_Item]:
    for i, (no, line) in enumerate(lines):
        item_input = f"{input_name or '<input>'}#{no}"
        try:
            value = loads(line)
        except InputError as exc:
            yield _Item(i, None, "$", item_input, error=InputError(f"{item_input}: {exc}"))
            continue
        yield _Item(i, value, "$", item_input)


# --------------------------------------------------------------------------- one item


@attrs.define
class _Ctx:
    ex: Extraction
    prefix: str
    limits: Limits
    url: str | None = None
    site: str | None = None
    references: list[str] = attrs.field(factory=list)
    """Envelope texts (title, description) that expose letter-stripping."""
    _lost: tuple[int, int] | None = attrs.field(default=None, init=False)

    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}"

    def lost_letters(self) -> int:
        """Letters beyond Latin-1 in the references (what stripping would delete);
        counted once per set of references, not once per content line."""
        n = len(self.references)
        if self._lost is None or self._lost[0] != n:
            self._lost = (n, sum(letters_beyond_latin1(r) for r in self.references))
        return self._lost[1]


def _show(value: object) -> str:
    text = value if isinstance(value, str) else dumps(value)
    return text if len(text) <= _SHOW else text[: _SHOW - 1] + "…"


def _string(ctx: _Ctx, obj: Mapping[str, Any], key: str, field_name: str) -> str | None:
    """A string field's value, or ``None``; a value of another type is an issue."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        ctx.ex.reject(
            "invalid-value",
            f"{key} should be a string, got {type(value).__name__}: {_show(value)}",
            _show(value),
            field_name=field_name,
            path=ctx.path(key),
        )
        return None
    return value if value.strip() else None


def _repair(ctx: _Ctx, key: str, field_name: str, value: str) -> str:
    """``value`` with mojibake undone (UTF-8 read as Latin-1 upstream), filed as an issue.

    The truncation marker is left out of the repair: its ``…`` after a letter
    such as ``Ä`` would read as one UTF-8 character (``ą``).
    """
    if value.isascii():  # mojibake needs characters above U+00BF: nothing to repair
        return value
    mark = find_marker(value)
    body, tail = value, ""
    if mark is not None:
        cut = value.rfind(mark.marker)
        body, tail = value[:cut], value[cut:]
    repaired_body = repair_mojibake(body)
    repaired = None if repaired_body is None else repaired_body + tail
    if repaired is None:
        return value
    ctx.ex.issue(
        "mojibake-repaired",
        f"{key} was UTF-8 decoded as Latin-1 upstream; repaired: {_show(value)!r} → {_show(repaired)!r}",
        field_name=field_name,
        path=ctx.path(key),
    )
    return repaired


def _html_to_text(text: str) -> str:
    """Tags dropped (block tags become line breaks) and entities decoded."""
    return html.unescape(strip_tags(text))


def _bad_url(ctx: _Ctx, key: str, field_name: str, raw: str, what: str) -> None:
    """An envelope URL that is not one: an ``invalid-url`` issue, the text kept."""
    ctx.ex.reject(
        "invalid-url", f"{key} {what}: {_show(raw)}", raw, field_name=field_name, path=ctx.path(key)
    )


def _envelope(ctx: _Ctx, obj: Mapping[str, Any]) -> None:
    ex = ctx.ex
    src = obj.get("source")
    site: str | None = None
    if isinstance(src, Mapping):
        name = src.get("name")
        sid = src.get("id")
        if isinstance(name, str) and name.strip():
            site = name.strip()
            ex.add(
                "publisher",
                Organization(name=site),
                dumps(src),
                path=ctx.path("source"),
                rank=ENVELOPE_RANK,
            )
        elif sid is not None:
            ex.keep(_show(sid), path=ctx.path("source.id"))
        for key in src:
            if key not in ("id", "name"):
                ex.keep(f"{key}: {_show(src[key])}", path=ctx.path(f"source.{key}"))
    elif src is not None:
        ex.reject(
            "invalid-value",
            f"source should be an object with id and name, got {_show(src)}",
            _show(src),
            field_name="publisher",
            path=ctx.path("source"),
        )
    ctx.site = site

    url = _string(ctx, obj, "url", "url")
    if url is not None:
        u = url.strip()
        if is_url(u):
            ctx.url = u
            ex.add("url", u, url, path=ctx.path("url"), rank=ENVELOPE_RANK)
        else:
            _bad_url(ctx, "url", "url", url, "is not an absolute URL")

    title = _string(ctx, obj, "title", "title")
    if title is not None:
        clean = " ".join(html.unescape(_repair(ctx, "title", "title", title)).split())
        ctx.references.append(clean)
        ex.add(
            "title",
            strip_site(clean, site_keys([site] if site else [], ctx.url)),
            title,
            path=ctx.path("title"),
            rank=ENVELOPE_RANK,
        )

    desc = _string(ctx, obj, "description", "description")
    if desc is not None:
        clean = " ".join(_html_to_text(_repair(ctx, "description", "description", desc)).split())
        if clean:
            ctx.references.append(clean)
            ex.add("description", clean, desc, path=ctx.path("description"), rank=ENVELOPE_RANK)

    image = _string(ctx, obj, "urlToImage", "og_image")
    if image is not None:
        img = image.strip()
        if not is_url(img) and img.startswith("/") and ctx.url:
            img = join(ctx.url, img)
        if is_url(img):
            ex.add("og_image", img, image, path=ctx.path("urlToImage"), rank=ENVELOPE_RANK)
        else:
            _bad_url(ctx, "urlToImage", "og_image", image, "is not a URL")

    published = _string(ctx, obj, "publishedAt", "published")
    if published is not None:
        when = parse_datetime(published)
        if when is None:
            ex.reject(
                "invalid-date",
                f"publishedAt is not a date: {_show(published)}",
                published,
                field_name="published",
                path=ctx.path("publishedAt"),
            )
        else:
            ex.add(
                "published",
                when.value,
                published,
                path=ctx.path("publishedAt"),
                rank=ENVELOPE_RANK,
                tz_assumed=when.tz_assumed,
            )
            if when.tz_assumed:
                ex.issue(
                    "timezone-assumed",
                    "publishedAt has no UTC offset; read as UTC",
                    field_name="published",
                    path=ctx.path("publishedAt"),
                )

    author = _string(ctx, obj, "author", "authors")
    if author is not None:
        repaired = _repair(ctx, "author", "authors", author)
        people = clean_author(repaired, site_names=[n for n in (site,) if n])
        for name in people:
            ex.add(
                "authors", Person(name=name), author, path=ctx.path("author"), rank=ENVELOPE_RANK
            )
        # No person named: an agency or a desk credited is the author (the
        # source's own name given as the author stays a "not-a-name" note).
        credit = None if people else organisation_credit(repaired)
        if credit is not None:
            ex.add(
                "authors", Person(name=credit), author, path=ctx.path("author"), rank=ENVELOPE_RANK
            )
        elif not people:
            ex.reject(
                "not-a-name",
                f"author names no person: {_show(author)}",
                author,
                field_name="authors",
                path=ctx.path("author"),
            )

    for key, value in obj.items():
        if key not in ENVELOPE_KEYS:
            ex.keep(f"{key}: {_show(value)}", path=ctx.path(str(key)))


# --------------------------------------------------------------------------- content


#: Shortest last path segment that identifies a page on its own (a slug, an id).
_MIN_PAGE_SEGMENT = 8


def _same_page(a: str, b: str) -> bool:
    """Two URLs for one page: scheme, ``www.``, a trailing slash and case of host aside.

    A CDN copy of the site's URL (``cdn2.img.crimea.ria.ru/images//society/…/slug.html``
    for ``crimea.ria.ru/society/…/slug.html``) is the same page too: the same
    site (last two host labels) and the same, long enough, last path segment.

    >>> _same_page("http://www.ria.ru/a/1570193622.html/", "https://ria.ru/a/1570193622.html")
    True
    >>> _same_page("https://cdn2.img.crimea.ria.ru/images//society/1118231425/slug-of-it.html",
    ...            "https://crimea.ria.ru/society/20200501/1118231425/slug-of-it.html")
    True
    >>> _same_page("https://www.unian.net/", "https://sm-news.ru/story-58015/")
    False
    """
    ha, hb = host(a), host(b)
    if ha is None or hb is None:
        return False
    pa = a.split("://", 1)[-1].split("/", 1)[-1].rstrip("/")
    pb = b.split("://", 1)[-1].split("/", 1)[-1].rstrip("/")
    if ha == hb and pa == pb:
        return True
    site_a, site_b = ha.split(".")[-2:], hb.split(".")[-2:]
    last_a, last_b = pa.rsplit("/", 1)[-1], pb.rsplit("/", 1)[-1]
    return site_a == site_b and last_a == last_b and len(last_a) >= _MIN_PAGE_SEGMENT


def is_dump(content: str, item_url: str | None) -> bool:
    """Is ``content`` a flattened dump rather than a text snippet?

    A dump holds an XPath template or a dump header, or opens (within its first
    few lines) with the item's own URL. Content that merely starts with a URL
    of another page is text that begins with a link.

    >>> is_dump("https://a.example/x.html\\r\\nhttps://cdn.example/i.jpg", "https://a.example/x.html")
    True
    >>> is_dump("https://www.unian.net/\\r\\n, . , .", "https://sm-news.ru/story-58015/")
    False
    >>> is_dump("Said this.\\r\\nhttps://www.kare11.com/article/news/a...", "https://www.youtube.com/watch?v=G8A")
    False
    >>> is_dump(" date 2022-01-07 https://a.example/x.html\\r\\nTitle", None)
    True
    >>> is_dump("Sky Sports \\r\\n/MMA/UFC\\r\\n/\\r\\n//", "https://www.sports.ru/football/1.html")
    False
    """
    text = content.removeprefix("\ufeff")
    first_lines = [t.strip() for _n, t in split_lines(text[:4096]) if t.strip()]
    if not first_lines:
        return False
    if flat.has_template(text[:4096]) or flat.is_header(first_lines[0]):
        return True  # an XPath template or a dump header
    # An XPath template for a meta field; a stripped menu ("/MMA/UFC") is no template.
    if any(
        p.field for t in first_lines[: flat.MAX_LINES_BEFORE_URL + 4] for p in find_placeholders(t)
    ):
        return True
    for line in first_lines[: flat.MAX_LINES_BEFORE_URL + 1]:
        if is_url(line) and not is_image_url(line):
            if item_url is not None:
                return _same_page(line, item_url)
            # No envelope URL to compare with: an image URL must follow.
            return any(is_url(t) and is_image_url(t) for t in first_lines[1:])
    return False


def _key(value: object) -> object:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


_TEXT_FIELDS = frozenset({"title", "description", "section", "body"})


def _stripped_against(ctx: _Ctx, text: str) -> str | None:
    for ref in ctx.references:
        if is_stripped_copy(text, ref):
            return ref
    return None


def _dump(ctx: _Ctx, content: str) -> None:
    """Run ``content`` through the flat adapter and take its candidates in."""
    ex = ctx.ex
    # The flat reader makes its locations under $.content itself: nothing is
    # rewritten afterwards.
    sub = flat.extract(content, input_name=ex.input, limits=ctx.limits, within=ctx.path("content"))
    envelope_image = next((c for c in ex.candidates if c.field == "og_image"), None)
    envelope = {(c.field, _key(c.value)) for c in ex.candidates}
    for c in sub.candidates:
        prov = c.provenance
        if (c.field, _key(c.value)) in envelope:
            # The dump repeats the envelope (its first line is the item's URL by
            # construction): the envelope's value and provenance stand, and the
            # repeat is noted so the content line stays accounted for.
            ex.issue(
                "repeated-block",
                f"{c.field} also given in the content: {_show(c.provenance.raw)!r}",
                field_name=c.field,
                lines=prov.location.lines,
                path=prov.location.path,
            )
            continue
        lines = prov.location.lines
        if c.field in _TEXT_FIELDS and isinstance(c.value, str):
            ref = _stripped_against(ctx, c.value)
            if ref is not None:
                ex.reject(
                    "letters-stripped",
                    f"this content line is the envelope's {_show(ref)!r} with its letters"
                    f" beyond Latin-1 deleted upstream; not used as the {c.field}:"
                    f" {_show(c.value)!r}",
                    c.provenance.raw,
                    lines=lines,
                    path=prov.location.path,
                )
                continue
        if (
            c.field == "og_image"
            and envelope_image is not None
            and c.value != envelope_image.value
            and isinstance(c.value, str)
        ):
            # urlToImage is the og:image; the dump's own image is an article image.
            size = size_from_url(c.value)
            w, h = size if size else (None, None)
            c = Candidate(
                field="images",
                value=Image(url=c.value, width=w, height=h),
                provenance=prov,
                rank=c.rank,
            )
        ex.candidates.append(c)
    ex.placeholders.extend(sub.placeholders)
    ex.unrecognised.extend(sub.unrecognised)
    ex.issues.extend(sub.issues)
    if sub.truncation is not None:
        ex.truncation = sub.truncation


def _snippet_line(ctx: _Ctx, no: int, plain: str) -> bool:
    """Is this snippet line body text? A URL or a stripped line is reported instead."""
    ex = ctx.ex
    path = ctx.path("content")
    if is_url(plain) or (plain.startswith(("http://", "https://")) and " " not in plain):
        # A URL, or the start of one the cut left.
        ex.reject(
            "unknown-url",
            f"a URL line in a text snippet: {_show(plain)}",
            plain,
            lines=[no],
            path=path,
        )
        return False
    alnum = has_alnum(plain)
    if not alnum or (_stripping_possible(ctx) and looks_letter_stripped(plain)):
        if _stripping_possible(ctx):
            ex.issue(
                "letters-stripped",
                f"its letters were stripped upstream; not used in the body: {_show(plain)!r}",
                lines=[no],
                path=path,
            )
        ex.keep(plain, lines=[no], path=path)  # a lone separator (",") is no body either
        return False
    return True


def _stripping_possible(ctx: _Ctx) -> bool:
    """Could the aggregator have stripped letters here?

    Only letters beyond Latin-1 are deleted, so when the envelope's title and
    description have none, a line's spaced punctuation is the language's own
    typography (French ``« Je … »``, ``Article By : Name``), not a scar.
    """
    if not ctx.references:
        return True
    return ctx.lost_letters() >= _MIN_LOST_LETTERS


def _picture(ctx: _Ctx, pieces: Sequence[tuple[int, str, str]], pic: Picture, path: str) -> None:
    """A photo credit in a snippet, with its caption: an image, not body."""
    at = sorted([pic.credit_at, *([pic.caption_at] if pic.caption_at is not None else [])])
    if pic.caption_at is None and pic.credit is None:
        no, plain, _line = pieces[pic.credit_at]
        ctx.ex.keep(plain, lines=[no], path=path)  # a caption label with no caption
        return
    caption = pieces[pic.caption_at][1] if pic.caption_at is not None else None
    ctx.ex.add(
        "images",
        Image(caption=caption, credit=pic.credit),
        "\n".join(pieces[k][1] for k in at),
        lines=[pieces[k][0] for k in at],
        path=path,
    )


def _snippet(ctx: _Ctx, content: str) -> None:
    """``content`` as the start of the body: paragraphs a line each, cut short."""
    ex = ctx.ex
    path = ctx.path("content")
    text = content.removeprefix("\ufeff")
    mark = find_marker(text)
    if mark is not None:
        text = mark.text
        last_no = sum(1 for _ in split_lines(text))
        ex.cut_short(
            mark.missing_chars,
            mark.marker,
            f"content cut short by the aggregator: {mark.missing_chars:,} characters missing;"
            " the body is only its start",
            lines=[last_no],
            path=path,
        )
    if has_tags(text):
        ex.issue(
            "html-in-content",
            "content holds HTML tags; read as text",
            field_name="body",
            path=path,
        )
    # Each line's pieces (block tags split a line) are the snippet's paragraphs.
    pieces: list[tuple[int, str, str]] = []  # line number, plain text, raw line
    for no, line in split_lines(text, ctx.limits):
        if line.strip():
            pieces.extend(
                (no, plain, line)
                for plain in (" ".join(p.split()) for p in _html_to_text(line).split("\n"))
                if plain
            )
    roles = prose_roles([plain for _no, plain, _line in pieces])
    pictures = {pic.credit_at: pic for pic in roles.pictures}
    captions = {pic.caption_at for pic in roles.pictures if pic.caption_at is not None}
    paragraphs: list[str] = []
    raw: list[str] = []
    used: list[int] = []
    for i, (no, plain, line) in enumerate(pieces):
        if i in roles.boilerplate:
            ex.reject(
                "boilerplate",
                f"page furniture, not the story: {plain!r}",
                plain,
                lines=[no],
                path=path,
            )
            continue
        if i in captions:
            continue  # taken with its credit
        pic = pictures.get(i)
        if pic is not None:
            _picture(ctx, pieces, pic, path)
            continue
        if _snippet_line(ctx, no, plain):
            paragraphs.append(plain)
            if not used or used[-1] != no:
                raw.append(line)
                used.append(no)
    if not paragraphs:
        return
    body = "\n\n".join(paragraphs)
    ex.add("body", body, "\n".join(raw), lines=used, path=path)
    lost = ctx.lost_letters()
    if (
        lost >= _MIN_LOST_LETTERS
        and count_letters(body) >= _MIN_CONTENT_LETTERS
        and letters_beyond_latin1(body) == 0
    ):
        ex.issue(
            "letters-stripped",
            "the title and description have letters beyond Latin-1 and the content has none:"
            " they were probably deleted upstream, so the body reads with gaps",
            field_name="body",
            lines=used,
            path=path,
        )


def _content(ctx: _Ctx, obj: Mapping[str, Any]) -> None:
    content = _string(ctx, obj, "content", "body")
    if content is None:
        return
    content = _repair(ctx, "content", "body", content)
    if is_dump(content, ctx.url):
        _dump(ctx, content)
    else:
        _snippet(ctx, content)


def extract_item(
    value: object,
    *,
    prefix: str = "$",
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Extraction:
    """Candidates from one decoded article object."""
    if not isinstance(value, Mapping):
        where = Location(path=prefix, input=input_name)
        raise FormatError(f"{where}: a NewsAPI article is an object, got {_show(value)}")
    if not any(k in value for k in _ARTICLE_KEYS):
        where = Location(path=prefix, input=input_name)
        raise FormatError(
            f"{where}: not a NewsAPI article: none of {', '.join(sorted(_ARTICLE_KEYS))}"
        )
    ex = Extraction(adapter=NAME, input=input_name)
    ctx = _Ctx(ex=ex, prefix=prefix, limits=limits)
    _envelope(ctx, value)
    _content(ctx, value)
    return ex


# --------------------------------------------------------------------------- entry points


def iter_results(
    data: str | bytes, *, input_name: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Result]:
    """One :class:`~newsmeta.results.Result` per item; a bad item yields its error.

    An input that cannot be read at all (undecodable, not JSON, an error
    response) raises :class:`~newsmeta.errors.NewsmetaError`.
    """
    text, notes = as_text(data, limits)
    for item in _items(text, input_name):
        if item.error is not None:
            yield Result(index=item.index, input=item.where, error=item.error)
            continue
        try:
            ex = extract_item(item.value, prefix=item.prefix, input_name=item.input, limits=limits)
        except NewsmetaError as exc:
            yield Result(index=item.index, input=item.where, error=exc)
            continue
        for note in notes:
            ex.issue("lossy-decoding", note)
        yield Result(index=item.index, input=item.where, article=resolve(ex, source=NAME))


def extract(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Extraction:
    """Candidates from an input holding exactly one article.

    ``url`` and ``content_type`` are part of the adapter contract
    (:class:`~newsmeta.adapters.Adapter`); this adapter does not use them.
    """
    text, notes = as_text(data, limits)
    items = list(_items(text, input_name))
    item = _only(items, input_name)
    ex = extract_item(item.value, prefix=item.prefix, input_name=item.input, limits=limits)
    for note in notes:
        ex.issue("lossy-decoding", note)
    return ex


def _only(items: Sequence[_Item], input_name: str | None) -> _Item:
    where = input_name or "input"
    if not items:
        raise InputError(f"{where}: holds no articles")
    if len(items) > 1:
        raise InputError(
            f"{where}: holds {len(items)} articles; newsmeta.parse_all() or"
            " newsmeta.parse_many() reads them all (--jsonl on the command line)"
        )
    if items[0].error is not None:
        raise items[0].error
    return items[0]


def parse(
    data: str | bytes,
    *,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Parse an input holding exactly one article; several raise :class:`InputError`."""
    return resolve(extract(data, input_name=input_name, limits=limits), source=NAME)
