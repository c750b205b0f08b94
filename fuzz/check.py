"""The fuzzing oracle, apart from atheris so the unit tests can replay crashes.

:func:`check` feeds one input to one adapter and raises ``AssertionError`` (or
lets the escaping exception through) when the invariant breaks: anything but a
record or a :class:`~newsmeta.errors.NewsmetaError` with a message, or a record
that does not survive its JSON round trip.
"""

from __future__ import annotations

import newsmeta
from newsmeta.adapters import get

#: Inputs past this many bytes are cut (libFuzzer's -max_len is set too).
MAX_LEN = 1 << 20


def check(adapter: str, data: bytes) -> None:
    """The first byte picks how the rest is fed: 0 raw bytes to the adapter; 1 text
    with undecodable bytes as lone surrogates; 2 text through format detection;
    3 bytes through format detection."""
    if not data:
        return
    parse = get(adapter).parse
    mode, body = data[0] % 4, data[1:MAX_LEN]
    try:
        if mode == 0:
            article = parse(body, input_name="fuzz")
        elif mode == 1:
            article = parse(body.decode("utf-8", "surrogateescape"), input_name="fuzz")
        elif mode == 2:
            text = body.decode("utf-8", "replace")
            newsmeta.detect(text)
            article = newsmeta.parse(text, input_name="fuzz")
        else:
            article = newsmeta.parse(body, input_name="fuzz")
    except newsmeta.NewsmetaError as exc:
        if not str(exc).strip():
            raise AssertionError(f"{type(exc).__name__} without a message") from None
        return
    if not isinstance(article, newsmeta.Article):
        raise AssertionError(f"returned {type(article).__name__}")
    if newsmeta.Article.from_json(article.to_json()) != article:
        raise AssertionError("record does not survive its JSON round trip")
