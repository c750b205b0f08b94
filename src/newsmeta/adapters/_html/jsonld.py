"""JSON-LD: each ``<script type="application/ld+json">`` on its own.

Strategy: try strict JSON first (orjson); nearly every script passes. On
failure, take off what wraps the JSON (HTML comment and CDATA wrappers, a
trailing ``;``) and read it again with a forgiving reader (:class:`_Reader`)
that repairs the defects real pages have and says which: raw control
characters in strings, trailing or missing commas, ``//`` and ``/* */``
comments, single-quoted strings and bare keys, quotes left unescaped inside a
string (``"Biden de "incapacitado""``), a stray character after a value
(``"2023-06-14".,``), several objects one after another, a script cut short.
What even that cannot read is *salvaged*: the member whose value is broken is
skipped up to the next member, and its raw text is returned as lost, so the
other fields of the object are still read. A script with nothing readable
costs only itself: the caller reports it and reads the other scripts.

>>> load('{"a": 1}')
Loaded(value={'a': 1}, note=None, lost=())
>>> load('<!-- {"a": 1,} -->;').note
'repaired: comment wrapper, trailing semicolon, trailing comma'
>>> load('{"a": "line\\nbreak"}').value
{'a': 'line\\nbreak'}
>>> load('{"a": 1}{"b": 2}')[:2]
([{'a': 1}, {'b': 2}], 'repaired: several objects in one script')
>>> load('{"d": "2023-06-14".,\\n // a comment\\n "h": \\'He said "no"\\'}')[:2]
({'d': '2023-06-14', 'h': 'He said "no"'}, 'repaired: stray characters, comments, single quotes')
>>> load('{"a": 2022/05/10 17:36, "b": {{ b }}, "c": 3}')
Loaded(value={'a': '2022/05/10 17:36', 'c': 3}, note='salvaged: 1 part not read; repaired: unquoted values', lost=(('b', '"b": {{ b }}'),))
>>> load('{"a": ').value is None, load('plain text').value is None
(True, True)
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

import orjson

__all__ = ["Loaded", "load"]

#: Largest script read; bigger ones are data dumps, not metadata.
MAX_SCRIPT = 2_000_000
#: Deepest nesting the forgiving reader follows.
MAX_NESTING = 200
#: Characters the forgiving reader may look at, per character of the script.
WORK_PER_CHAR = 20
#: Longest lost fragment returned (its start; the rest is cut with "…").
MAX_LOST = 2000

_WRAPPER = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_ERRORS = (ValueError, RecursionError, TypeError)
#: Where the next member of an object starts: a comma, then a key and its colon.
_NEXT_MEMBER = re.compile(
    r"""
    ,\s*                                   # the comma before the member
    (?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|[A-Za-z_$@][\w$@:-]{0,100})  # its key
    \s*:                                   # and the colon after it
    """,
    re.VERBOSE,
)
#: What may follow a comma after a value: another value, a key, or the container's end.
_AFTER_COMMA = re.compile(
    r""",\s*(?:$|["'{\[}\]\d-]|//|/\*|(?:true|false|null)\b|[A-Za-z_$@][\w$@-]*\s*:)"""
)
#: A value written without quotes (a date, a word), up to the end of its line or member.
_BARE_VALUE = re.compile(r"[^,{}\[\]\n\"']{1,200}(?=\s*[,}\]\n])")
#: What ends a number: a separator, a closing bracket, a comment, the end.
_VALUE_END = re.compile(r"\s*(?:[,}\]\n]|//|/\*|$)")
_BARE_KEY = re.compile(r"[A-Za-z_$@][\w$@-]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|-?\.\d+|-?\d+\.?")
_LITERALS = {"true": True, "false": False, "null": None, "undefined": None, "NaN": None}
_ESCAPES = {
    '"': '"',
    "'": "'",
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}


class Loaded(NamedTuple):
    """What one script held."""

    value: object
    """The JSON value, or ``None`` when nothing could be read."""
    note: str | None
    """``repaired: ...`` or ``salvaged: ...``; why nothing was read; ``None`` for clean JSON."""
    lost: tuple[tuple[str, str], ...]
    """``(where, raw text)`` of each part that could not be read (``image.url``)."""


class _Broken(Exception):
    """The reader cannot go on at ``at``."""

    def __init__(self, at: int, why: str) -> None:
        super().__init__(why)
        self.at = at


class _GiveUp(Exception):
    """The script costs more to salvage than it is worth."""


class _Reader:
    """A forgiving JSON reader: repairs what it can and notes each repair;
    salvages object members and array items it cannot read."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.n = len(text)
        self.repairs: list[str] = []
        self.lost: list[tuple[str, str]] = []
        # Salvage re-reads text; a budget keeps a hostile script linear.
        self.budget = WORK_PER_CHAR * len(text) + 10_000

    def spend(self, amount: int) -> None:
        self.budget -= amount
        if self.budget < 0:
            raise _GiveUp("too many defects to salvage")

    def note(self, repair: str) -> None:
        if repair not in self.repairs:
            self.repairs.append(repair)

    def space(self, i: int) -> int:
        """Skip white space and comments from ``i``."""
        s, n = self.s, self.n
        while i < n:
            c = s[i]
            if c in " \t\r\n\ufeff\xa0":
                i += 1
            elif c == "/" and s.startswith("//", i):
                end = s.find("\n", i)
                i = n if end < 0 else end + 1
                self.note("comments")
            elif c == "/" and s.startswith("/*", i):
                end = s.find("*/", i + 2)
                i = n if end < 0 else end + 2
                self.note("comments")
            else:
                break
        return i

    def value(self, i: int, where: str, depth: int) -> tuple[object, int]:
        i = self.space(i)
        if i >= self.n:
            raise _Broken(i, "the script ends where a value should be")
        c = self.s[i]
        if c == "{":
            return self.obj(i, where, depth + 1)
        if c == "[":
            return self.array(i, where, depth + 1)
        if c in "\"'":
            return self.string(i)
        m = _NUMBER.match(self.s, i)
        if m is not None and _VALUE_END.match(self.s, m.end()):
            text = m[0]
            try:
                return (float(text) if any(x in text for x in ".eE") else int(text)), m.end()
            except ValueError:
                raise _Broken(i, f"not a number: {text!r}") from None
        m = _BARE_KEY.match(self.s, i)
        if m is not None and m[0] in _LITERALS:
            return _LITERALS[m[0]], m.end()
        m = _BARE_VALUE.match(self.s, i)
        if m is not None and m[0].strip():
            self.note("unquoted values")  # "dateModified": 2022/05/10 17:36:11,
            return m[0].strip(), m.end()
        raise _Broken(i, f"unexpected {c!r}")

    def _ends_string(self, j: int, newline_ok: bool) -> bool:
        """Does the quote just before ``j`` end the string? Yes when what
        follows is what follows a value: ``, } ] :``, the end, a new line and
        the next key (a missing comma), or a stray ``.`` or ``;`` and then one
        of those. Otherwise it is a quote left unescaped inside the text."""
        s, n = self.s, self.n
        k = j
        while k < n and s[k] in " \t\r\n":
            k += 1
        if k >= n or s[k] in "}]:":
            return True
        if s[k] == ",":  # a comma, then what may follow one: "a", indicó el senador" is text
            return _AFTER_COMMA.match(s, k) is not None
        if s[k] in "\"'" and newline_ok and "\n" in s[j:k]:
            return True
        if s[k] in ".;":
            while k < n and s[k] in ".; \t\r\n":
                k += 1
            return k >= n or s[k] in ",}]"
        return False

    def string(self, i: int) -> tuple[str, int]:
        s, n = self.s, self.n
        quote = s[i]
        if quote == "'":
            self.note("single quotes")
        out: list[str] = []
        j = i + 1
        while j < n:
            k = j
            while k < n and s[k] != quote and s[k] != "\\":
                k += 1
            self.spend(k - j + 1)
            out.append(s[j:k])
            if k >= n:
                break
            if s[k] == "\\":
                e = s[k + 1 : k + 2]
                if e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", s[k + 2 : k + 6]):
                    out.append(chr(int(s[k + 2 : k + 6], 16)))
                    j = k + 6
                else:
                    out.append(_ESCAPES.get(e, e))
                    j = k + 2
                continue
            if self._ends_string(k + 1, newline_ok=True):
                return _surrogates("".join(out)), k + 1
            self.note("unescaped quotes")
            out.append(quote)
            j = k + 1
        raise _Broken(i, "a string is not closed")

    def after_value(self, i: int, close: str) -> tuple[int, bool]:
        """Past the separator after a member or item: the position and whether
        the container ends there."""
        i = self.space(i)
        if i >= self.n:
            self.note("cut short")
            return i, True
        c = self.s[i]
        if c in ".;" and c != close:
            while i < self.n and self.s[i] in ".;":
                i += 1
            self.note("stray characters")
            i = self.space(i)
            if i >= self.n:
                self.note("cut short")
                return i, True
            c = self.s[i]
        if c == ",":
            j = self.space(i + 1)
            while j < self.n and self.s[j] == ",":
                j = self.space(j + 1)  # ",," : an empty member
            if j < self.n and self.s[j] == close:
                self.note("trailing comma")
                return j + 1, True
            return j, False
        if c == close:
            return i + 1, True
        if c in "\"'{[" or (close == "}" and _BARE_KEY.match(self.s, i)):
            self.note("missing comma")
            return i, False
        raise _Broken(i, f"unexpected {c!r} after a value")

    def obj(self, i: int, where: str, depth: int) -> tuple[dict[str, object], int]:
        if depth > MAX_NESTING:
            raise _Broken(i, "nested too deep")
        out: dict[str, object] = {}
        i = self.space(i + 1)
        if i < self.n and self.s[i] == "}":
            return out, i + 1
        while True:
            start = i
            key: str | None = None
            try:
                if i >= self.n:
                    self.note("cut short")
                    return out, i
                if self.s[i] in "\"'":
                    key, i = self.string(i)
                else:
                    m = _BARE_KEY.match(self.s, i)
                    if m is None:
                        raise _Broken(i, f"unexpected {self.s[i]!r} where a key should be")
                    key, i = m[0], m.end()
                    self.note("bare keys")
                i = self.space(i)
                if i >= self.n or self.s[i] != ":":
                    raise _Broken(i, "a key without a colon")
                inner = f"{where}.{key}" if where else key
                value, i = self.value(i + 1, inner, depth)
                out[key] = value
                i, done = self.after_value(i, "}")
            except _Broken as exc:
                if not out and key is None and depth > 1:
                    raise  # not an object at all ({{ template }}): the member holding it is lost
                end, i, done = self.skip(start, exc.at, "}")
                name = key if key is not None else "?"
                self.lost.append((f"{where}.{name}" if where else name, _cut(self.s[start:end])))
            if done:
                return out, i

    def skip(self, start: int, at: int, close: str) -> tuple[int, int, bool]:
        """Salvage: from a member (or item) at ``start`` that broke at ``at``,
        the end of its raw text, where reading resumes, and whether the
        container ends there. Brackets are counted and strings skipped, so the
        next member is one of this container, not of a value nested in it."""
        s, n = self.s, self.n
        depth = 0
        i = start
        while i < n:
            self.spend(1)
            c = s[i]
            if c in "\"'":
                j = i + 1
                while j < n:
                    if s[j] == "\\":
                        j += 2
                        continue
                    if s[j] == c and self._ends_string(j + 1, newline_ok=True):
                        break
                    j += 1
                i = j + 1
                continue
            if c in "{[":
                depth += 1
            elif c in "}]":
                depth -= 1
                if depth < 0:
                    return i, i + 1, True
            elif c == "," and depth == 0 and i >= at and (close == "]" or _NEXT_MEMBER.match(s, i)):
                return i, self.space(i + 1), False
            i += 1
        return n, n, True

    def array(self, i: int, where: str, depth: int) -> tuple[list[object], int]:
        if depth > MAX_NESTING:
            raise _Broken(i, "nested too deep")
        out: list[object] = []
        i = self.space(i + 1)
        if i < self.n and self.s[i] == "]":
            return out, i + 1
        while True:
            if i >= self.n:
                self.note("cut short")
                return out, i
            start = i
            inner = f"{where}[{len(out)}]"
            try:
                value, i = self.value(i, inner, depth)
                out.append(value)
                i, done = self.after_value(i, "]")
            except _Broken as exc:
                end, i, done = self.skip(start, exc.at, "]")
                self.lost.append((inner, _cut(self.s[start:end])))
            if done:
                return out, i

    def document(self) -> object:
        """Every value in the text: one, or a list when there are several."""
        values: list[object] = []
        i = self.space(0)
        while i < self.n:
            if self.s[i] not in "{[":
                if not values:
                    raise _Broken(i, f"unexpected {self.s[i]!r}")
                self.lost.append(("", _cut(self.s[i:].strip())))
                break
            value, i = self.value(i, "", 0)
            values.append(value)
            while i < self.n and self.s[i] in " \t\r\n;,":
                i += 1
            i = self.space(i)
        if not values:
            raise _Broken(0, "empty")
        if len(values) > 1:
            self.note("several objects in one script")
            return values
        return values[0]


def _cut(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_LOST else text[:MAX_LOST] + "…"


def _surrogates(text: str) -> str:
    """A string with lone surrogates (``\\ud83d`` without its pair) made valid."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def load(text: str) -> Loaded:
    """The script's value, a note on the repairs made, and the parts lost.

    ``value`` is ``None`` (and ``note`` says why) when nothing could be read.
    """
    if len(text) > MAX_SCRIPT:
        return Loaded(None, f"script larger than {MAX_SCRIPT:,} characters; skipped", ())
    try:
        return Loaded(orjson.loads(text), None, ())
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
    if not s:
        return Loaded(None, "the script is empty", ())
    try:  # the standard library's reader in C: control characters in strings
        return Loaded(json.loads(s, strict=False), _note(repairs), ())
    except _ERRORS:
        pass
    reader = _Reader(s)
    try:
        value = reader.document()
    except (_Broken, _GiveUp, RecursionError) as exc:
        at = f" at character {exc.at}" if isinstance(exc, _Broken) else ""
        return Loaded(None, f"invalid JSON: {str(exc)[:120]}{at}", ())
    if reader.lost:
        if not _has_content(value):
            raw = reader.lost[0][1]
            return Loaded(None, f"invalid JSON: nothing readable ({raw[:60]!r})", ())
        n = len(reader.lost)
        note = f"salvaged: {n} part{'s' if n > 1 else ''} not read"
        repaired = _note([*repairs, *reader.repairs])
        return Loaded(value, f"{note}; {repaired}" if repaired else note, tuple(reader.lost))
    return Loaded(value, _note([*repairs, *reader.repairs]), ())


def _has_content(value: object) -> bool:
    """Does a salvaged value hold anything but ``@context``?"""
    if isinstance(value, dict):
        return any(k != "@context" for k in value)
    if isinstance(value, list):
        return any(_has_content(v) for v in value)
    return False


def _note(repairs: list[str]) -> str | None:
    return "repaired: " + ", ".join(repairs) if repairs else None
