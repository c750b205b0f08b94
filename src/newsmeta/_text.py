"""Text plumbing shared by the line-based adapters: decoding, limits, lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsmeta.errors import DecodeError, InputError, LimitError
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = ["as_text", "check_size", "split_lines"]

_NEWLINE = re.compile(r"\r\n|\n|\r")


def check_size(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    size = len(data)
    # A str's UTF-8 size is at most 4x its length and at least its length:
    # compare the cheap bound first, encode only when it matters.
    if size > limits.max_input_bytes or (
        isinstance(data, str)
        and 4 * size > limits.max_input_bytes
        and len(data.encode("utf-8", "surrogatepass")) > limits.max_input_bytes
    ):
        raise LimitError(
            f"input is larger than max_input_bytes={limits.max_input_bytes:,}"
            " (raise it with Limits(max_input_bytes=...))"
        )


def as_text(data: object, limits: Limits = DEFAULT_LIMITS) -> tuple[str, list[str]]:
    """Text from ``str`` or ``bytes``, and notes on anything lossy.

    Bytes are read as UTF-8 (a BOM is honoured); bytes that are not UTF-8 are
    decoded by detection (``charset-normalizer``), and failing that with
    replacement characters, which is reported, never silent.
    """
    if isinstance(data, str):
        check_size(data, limits)
        if not data.isascii():
            try:
                data.encode("utf-8")
            except UnicodeEncodeError as exc:
                # Lone surrogates (from a bad ``\\ud800`` escape or a lax decoder) cannot be
                # written as UTF-8 or JSON. Pairs are joined, the rest replaced, and said so.
                fixed = data.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                return fixed, [
                    f"text holds lone surrogate code points (first at character {exc.start});"
                    " replaced with U+FFFD"
                ]
        return data, []
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        check_size(raw, limits)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return raw.decode("utf-16"), []
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"bad UTF-16 after its byte-order mark: {exc.reason} at byte {exc.start}"
                ) from None
        try:
            return raw.decode("utf-8"), []
        except UnicodeDecodeError as exc:
            first_bad = exc.start
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:200_000]).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            try:
                return raw.decode(best.encoding), [
                    f"not UTF-8 (bad byte at {first_bad}); decoded as {best.encoding} by detection"
                ]
            except (UnicodeDecodeError, LookupError):
                pass
        return raw.decode("utf-8", "replace"), [
            f"not valid UTF-8 (first bad byte at {first_bad}); undecodable bytes replaced with U+FFFD"
        ]
    raise InputError(f"expected str or bytes, got {type(data).__name__}")


def split_lines(text: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` pairs, 1-based, splitting on CRLF, LF and lone CR."""
    n = 0
    start = 0
    for m in _NEWLINE.finditer(text):
        n += 1
        if n > limits.max_lines:
            raise LimitError(f"input has more than max_lines={limits.max_lines:,} lines")
        yield n, text[start : m.start()]
        start = m.end()
    yield n + 1, text[start:]
