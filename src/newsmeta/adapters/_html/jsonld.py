"""JSON-LD: each ``<script type="application/ld+json">`` on its own.

Strategy: try strict JSON first (orjson). On failure, repair the defects real
pages have, in order, and try again after each: HTML comment and CDATA
wrappers, a trailing ``;``, raw control characters inside strings (the
standard library's non-strict mode), trailing commas, several objects one
after another. A script that still fails costs only itself: it becomes an
issue, the other scripts are read as usual.

>>> load('{"a": 1}')
({'a': 1}, None)
>>> load('<!-- {"a": 1,} -->;')
({'a': 1}, 'repaired: comment wrapper, trailing semicolon, trailing comma')
>>> load('{"a": "line\\nbreak"}')[0]
{'a': 'line\\nbreak'}
>>> load('{"a": 1}{"b": 2}')
([{'a': 1}, {'b': 2}], 'repaired: several objects in one script')
>>> load('{"a": ')[0] is None
True
"""

from __future__ import annotations

import json
import re

import orjson

__all__ = ["load"]

#: Largest script read; bigger ones are data dumps, not metadata.
MAX_SCRIPT = 2_000_000

_WRAPPER = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_TRAILING_COMMA = re.compile(
    r"""
    ,(?=\s*[}\]])     # a comma with only white space before a closing bracket
    """,
    re.VERBOSE,
)

_ERRORS = (ValueError, RecursionError, TypeError)


def _strict(text: str) -> object:
    return orjson.loads(text)


def _lenient(text: str) -> object:
    return json.loads(text, strict=False)


def _several(text: str) -> object:
    decoder = json.JSONDecoder(strict=False)
    out: list[object] = []
    i = 0
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n;,":
            i += 1
        if i >= n:
            break
        value, i = decoder.raw_decode(text, i)
        out.append(value)
    if len(out) < 2:
        raise ValueError("not several objects")
    return out


def load(text: str) -> tuple[object, str | None]:
    """The script's value and a note on the repairs made, or ``(None, reason)``."""
    if len(text) > MAX_SCRIPT:
        return None, f"script larger than {MAX_SCRIPT:,} characters; skipped"
    try:
        return _strict(text), None
    except _ERRORS:
        pass
    repairs: list[str] = []
    s = text.strip()
    for _ in range(2):  # "<!-- {...} -->;" needs both, in either order
        unwrapped = _WRAPPER.sub("", s).strip()
        if unwrapped != s:
            if "comment wrapper" not in repairs:
                repairs.append("comment wrapper")
            s = unwrapped
        if s.endswith(";"):
            repairs.append("trailing semicolon")
            s = s.rstrip(";").strip()
    try:
        return _lenient(s), _note(repairs, None)
    except _ERRORS:
        pass
    fixed = _TRAILING_COMMA.sub("", s)
    if fixed != s:
        repairs.append("trailing comma")
        try:
            return _lenient(fixed), _note(repairs, None)
        except _ERRORS:
            pass
        s = fixed
    try:
        return _several(s), _note(repairs, "several objects in one script")
    except _ERRORS as exc:
        return None, f"invalid JSON: {str(exc)[:120]}"


def _note(repairs: list[str], extra: str | None) -> str | None:
    parts = [*repairs, *([extra] if extra else [])]
    return "repaired: " + ", ".join(parts) if parts else None
