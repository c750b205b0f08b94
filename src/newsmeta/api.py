"""The library's entry points. The CLI is a thin layer over these."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator

from newsmeta._text import GZIP_MAGIC, as_text, gunzip, refuse_binary
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
    # A format given is not checked here: the adapter decodes (and size-checks)
    # the input itself; HTML is sniffed from its first bytes without decoding.
    name = _format(data, format, limits)
    adapter = get(name)
    extra = {
        k: v
        for k, v in (("url", url), ("content_type", content_type))
        if v is not None and _accepts(name, k)
    }
    # Pass the original bytes on so the adapter reports lossy decoding itself.
    return adapter.parse(data, input_name=input_name, limits=limits, **extra)


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


@functools.lru_cache(maxsize=64)
def _accepts(name: str, keyword: str) -> bool:
    """Does the named adapter's ``parse`` take this keyword?"""
    fn = getattr(get(name), "parse", None)
    try:
        return fn is not None and keyword in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _format(data: str | bytes, format: str | None, limits: Limits) -> str:
    """The adapter's name: ``format``, else sniffed from HTML bytes or detected."""
    if format is not None:
        return format
    if isinstance(data, bytes) and html.looks_like_bytes(data):
        return html.NAME
    text, _notes = as_text(data, limits)
    return detect(text)


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
    """
    try:
        url = url_argument("url", url)
        _check_options(input_name=input_name, limits=limits, url=url, content_type=content_type)
        data = _unwrap(data, limits)
        name = _format(data, format, limits)
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
