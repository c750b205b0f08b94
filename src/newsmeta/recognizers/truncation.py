"""The aggregator's truncation marker: ``… [+N chars]`` at the very end.

Finding the marker is :func:`newsmeta.recognizers.shapes.truncation_marker`; this
adds what a reader of ``content`` needs around it (the lone ``\\r``, the cut line).

NewsAPI cuts ``content`` at about 200 characters and appends U+2026, one
space and ``[+N chars]``. When the cut falls inside a ``\\r\\n`` it leaves a
lone ``\\r`` just before the marker: the line before it is then complete.

>>> m = find_marker("first line\\r\\nsecond li… [+672 chars]")
>>> m.missing_chars, m.marker, m.text, m.partial
(672, '… [+672 chars]', 'first line\\r\\nsecond li', 'second li')
>>> m = find_marker("https://a.example/logo.png\\r… [+350 chars]")
>>> m.text, m.partial, m.split_newline
('https://a.example/logo.png', None, True)
>>> find_marker("no marker here") is None
True
>>> find_marker("three dots too... [+5 chars]").missing_chars
5
>>> find_marker("… [+5 chars] and more") is None
True
"""

from __future__ import annotations

from attrs import frozen

from newsmeta.recognizers.shapes import truncation_marker

__all__ = ["TruncationMarker", "find_marker"]


@frozen(kw_only=True)
class TruncationMarker:
    missing_chars: int
    marker: str
    """The marker as it stood, without surrounding white space."""
    text: str
    """Everything before the marker (a lone ``\\r`` left by the cut removed)."""
    partial: str | None
    """The last line's text cut by the marker, or ``None`` if the cut fell between lines."""
    split_newline: bool
    """True when the cut split a ``\\r\\n``, leaving a lone ``\\r``."""


def find_marker(text: str) -> TruncationMarker | None:
    """The truncation marker at the end of ``text``, or ``None``."""
    found = truncation_marker(text)
    if found is None:
        return None
    start, missing = found
    before = text[:start]
    split_newline = before.endswith("\r")
    if split_newline:
        before = before[:-1]
    last_break = max(before.rfind("\n"), before.rfind("\r"))
    partial: str | None = before[last_break + 1 :]
    if split_newline or not (partial or "").strip():
        partial = None
    return TruncationMarker(
        missing_chars=missing,
        marker=text[start:].strip(),
        text=before,
        partial=partial,
        split_newline=split_newline,
    )
