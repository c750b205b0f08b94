"""The library's entry points. The CLI is a thin layer over these."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeGuard

import attrs

from newsmeta._convert import loads
from newsmeta._decode import GZIP_MAGIC, as_text, check_size, gunzip, refuse_binary
from newsmeta.adapters import ADAPTERS, get, html
from newsmeta.errors import FormatError, InputError, NewsmetaError, check_argument, url_argument
from newsmeta.records import Article
from newsmeta.results import Result
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = ["detect", "parse", "parse_all", "parse_many"]


def detect(text: str) -> str:
    """Name of the adapter for ``text`` (see :data:`newsmeta.adapters.ADAPTERS`).

    >>> detect(b"bytes")
    Traceback (most recent call last):
    ...
    newsmeta.errors.InputError: detect() takes text (str), not bytes; decode it first, or call newsmeta.parse(), which detects bytes too
    """
    if not isinstance(text, str):
        hint = (
            "; decode it first, or call newsmeta.parse(), which detects bytes too"
            if isinstance(text, (bytes, bytearray, memoryview))
            else ""
        )
        raise InputError(f"detect() takes text (str), not {type(text).__name__}{hint}")
    if not text.strip(" \t\r\n\ufeff"):
        raise FormatError("the input is empty (or only white space): nothing to tell its format by")
    for name, adapter in ADAPTERS.items():
        if adapter.looks_like(text):
            return name
    raise FormatError(
        "could not tell the input's format; pass format= (--format on the command line), one of: "
        + ", ".join(ADAPTERS)
    )


def parse(
    data: str | bytes,
    *,
    format: str | None = None,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Parse one input into an :class:`Article`.

    ``format`` names an adapter (``"flat"``); by default it is detected.
    ``url`` (where a page was fetched) and ``content_type`` (its HTTP header)
    go to the adapters that take them (``html``); others ignore them.
    Any input yields a record or raises :class:`~newsmeta.errors.NewsmetaError`.
    An input holding several articles (a NewsAPI response, JSON Lines) raises
    :class:`~newsmeta.errors.InputError` saying how many: read those with
    :func:`parse_all` or :func:`parse_many`.
    """
    url = url_argument("url", url)
    _check_options(input_name=input_name, limits=limits, url=url, content_type=content_type)
    data = _unwrap(data, limits)
    records = own_records(data, format, limits)
    if records is not None:
        if len(records) != 1:
            raise InputError(
                f"{input_name or 'input'}: holds {len(records)} newsmeta records;"
                " newsmeta.parse_all() or newsmeta.parse_many() reads them all"
            )
        return records[0]
    # A format given is not checked here: the adapter decodes (and size-checks)
    # the input itself; HTML is sniffed from its first bytes without decoding.
    name, data = _format(data, format, limits)
    return get(name).parse(
        data, input_name=input_name, limits=limits, url=url, content_type=content_type
    )


def _unwrap(data: object, limits: Limits) -> str | bytes:
    """Bytes as the adapters take them: gzip data decompressed (told by its
    magic number, not a file name), and bytes that are not text at all (an
    image, an executable, random bytes) refused with a
    :class:`~newsmeta.errors.DecodeError`. Text passes as it is."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if raw.startswith(GZIP_MAGIC):
            raw = gunzip(raw, limits)
        refuse_binary(raw)
        return raw
    if isinstance(data, str):
        return data
    raise InputError(f"expected str or bytes, got {type(data).__name__}")


#: The keys of a record's JSON (``Article.to_dict``).
_RECORD_KEYS = frozenset(a.name for a in attrs.fields(Article))


def _is_record(obj: object) -> TypeGuard[dict[str, object]]:
    return isinstance(obj, dict) and "provenance" in obj and set(obj) <= _RECORD_KEYS


def own_records(data: str | bytes, format: str | None, limits: Limits) -> list[Article] | None:
    """The records in ``data`` if it is JSON newsmeta wrote (one record, or an
    array of them), read back as they are; ``None`` for any other input.

    A record's JSON is never read as a dump or a NewsAPI item (its keys are
    the record's own, with ``provenance``). A format given turns this off.
    """
    if format is not None:
        return None
    head = data[:4096].lstrip()[:1]
    if head not in ("{", "[", b"{", b"[") or (
        b'"provenance"' not in data if isinstance(data, bytes) else '"provenance"' not in data
    ):
        return None
    check_size(data, limits)
    try:
        obj = loads(data)
    except NewsmetaError:  # not JSON after all: the adapters decide
        return None
    if _is_record(obj):
        return [Article.from_dict(obj)]
    if isinstance(obj, list) and obj and all(_is_record(o) for o in obj):
        return [Article.from_dict(o) for o in obj]
    return None


#: How far into an input JSON Lines is looked for.
_JSONL_PROBE = 65_536


def _json_lines(data: str | bytes) -> bool:
    """Is ``data`` JSON Lines: two or more non-blank lines, the first a JSON object?"""
    probe = data[:_JSONL_PROBE]
    text = probe.decode("utf-8", "replace") if isinstance(probe, bytes) else probe
    lines = [t for t in text.lstrip("\ufeff").splitlines() if t.strip()][:2]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
        return False
    try:
        loads(lines[0])
    except NewsmetaError:
        return False
    return True


def _check_options(
    *,
    input_name: object,
    limits: object,
    url: object = None,
    content_type: object = None,
) -> None:
    check_argument("input_name", input_name, str)
    check_argument("limits", limits, Limits, optional=False)
    check_argument("url", url, str)
    check_argument("content_type", content_type, str)


def _format(data: str | bytes, format: str | None, limits: Limits) -> tuple[str, str | bytes]:
    """The adapter's name (``format``, else sniffed from HTML bytes or detected)
    and the input to hand it: bytes decoded to detect the format are handed on
    decoded, so they are not decoded twice, unless decoding them was lossy or
    guessed (the adapter then decodes them itself and reports how) or the
    adapter is HTML's (its decoder reads the page's own declaration)."""
    if format is not None:
        return format, data
    if isinstance(data, bytes) and html.looks_like_bytes(data):
        return html.NAME, data
    text, notes = as_text(data, limits)
    name = detect(text)
    return name, (text if not notes and name != html.NAME else data)


def parse_many(
    data: str | bytes,
    *,
    format: str | None = None,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    content_type: str | None = None,
) -> Iterator[Result]:
    """One :class:`~newsmeta.results.Result` per article in one input; never raises
    :class:`~newsmeta.errors.NewsmetaError`.

    A malformed item (a bad line in JSON Lines, a non-object in ``articles``)
    yields a ``Result`` whose ``error`` says what and where, and the items after
    it are still read. An input that cannot be read at all yields one error
    ``Result``. Single-article formats yield one ``Result``, read as
    :func:`parse` reads them (``url`` and ``content_type`` go to the adapters
    that take them; a multi-article format has its own URLs and ignores them).

    The input rules are the command line's too (it reads through this):
    records newsmeta wrote (its JSON, one or an array) are read back as they
    are, one ``Result`` each; JSON Lines is read as NewsAPI items unless a
    format is given, one ``Result`` per line, a line that is a record read
    back as that record.
    """
    try:
        url = url_argument("url", url)
        _check_options(input_name=input_name, limits=limits, url=url, content_type=content_type)
        data = _unwrap(data, limits)
        records = own_records(data, format, limits)
        if records is not None:
            many = len(records) > 1
            for i, record in enumerate(records):
                where = f"{input_name or 'input'}[{i}]" if many else input_name
                yield Result(index=i, input=where, article=record)
            return
        if format is None and _json_lines(data):
            yield from _lines(data, input_name=input_name, limits=limits)
            return
        name, data = _format(data, format, limits)
        multi = getattr(get(name), "iter_results", None)
        if multi is None:
            yield Result(
                index=0,
                input=input_name,
                article=parse(
                    data,
                    format=name,
                    input_name=input_name,
                    limits=limits,
                    url=url,
                    content_type=content_type,
                ),
            )
            return
        yield from multi(data, input_name=input_name, limits=limits)
    except NewsmetaError as exc:
        yield Result(index=0, input=input_name, error=exc)


def _lines(data: str | bytes, *, input_name: str | None, limits: Limits) -> Iterator[Result]:
    """JSON Lines: each line a record newsmeta wrote (read back) or a NewsAPI item."""
    text, _notes = as_text(data, limits)
    from newsmeta.adapters import newsapi

    lines = text.lstrip("\ufeff").split("\n")
    if not any(own_records(t, None, limits) is not None for t in lines[:1]):
        # Not records: the NewsAPI adapter reads JSON Lines itself (its line numbers).
        yield from newsapi.iter_results(data, input_name=input_name, limits=limits)
        return
    index = 0
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{input_name or '<input>'}#{no}"
        try:
            records = own_records(line, None, limits)
            if records is None or len(records) != 1:
                article = newsapi.parse(line, input_name=where, limits=limits)
            else:
                article = records[0]
        except NewsmetaError as exc:
            yield Result(index=index, input=where, error=exc)
        else:
            yield Result(index=index, input=where, article=article)
        index += 1


def parse_all(
    data: str | bytes,
    *,
    format: str | None = None,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Article]:
    """Every article in one input, in order; the first bad item raises its error.

    For a single-article format this is ``[parse(data)]``.
    """
    return [
        r.unwrap() for r in parse_many(data, format=format, input_name=input_name, limits=limits)
    ]
