"""Sort newsmeta's misses on the scored pages into classes of error.

Used by ``python -m bench.score`` (the table "newsmeta's misses by class").
This is a tool for the people improving the library, not part of it: it
looks at the gold value, newsmeta's value and the page, and names the *kind*
of mistake, so that work goes to the class that costs the most pages and a
change is judged by the classes it moves, not by single pages.

The classes follow the accuracy issue's list. Every miss gets exactly one
class, tried in the order written below for its field; ``other`` is what
none of the rules describes. ``gold-not-on-page`` marks misses no extractor
could fix from the page's own text (the gold was written by hand, or comes
from elsewhere); it is tried late, so a more specific class wins.

>>> classify("title", "A story", "A story | The Daily", b"")
'title: site name left in'
>>> classify("date", "2021-03-04", "2021-03-05T01:00:00+00:00", b"")
'date: one day off'
>>> classify("authors", ["Ann Lee"], ["Ann Lee", "Bo Chen"], b"")
'authors: extra names'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bench._common import norm_text

#: Separators a site name is joined to a title with.
_SEPARATORS = re.compile(r"\s[-|–—:·•»/]\s|\s[|–—·•»]|[|–—·•»]\s")


def _norm(value: object) -> str:
    return norm_text(value) or ""


def _loose(value: str) -> str:
    """Letters and digits only: a page's markup and the gold differ in punctuation."""
    return re.sub(r"[\W_]+", "", value)


@lru_cache(maxsize=4)
def _page_text(data: bytes) -> str:
    """The page's text and attribute values, normalised (for "is the gold on the page?")."""
    text = data.decode("utf-8", "replace")
    return _loose(_norm(re.sub(r"<[^>]*?>", " ", text)) + " " + _norm(text))


@lru_cache(maxsize=4)
def _page_titles(data: bytes) -> dict[str, str]:
    """The page's title candidates by source (og:title, <title>, first <h1>, headline)."""
    text = data.decode("utf-8", "replace")
    out: dict[str, str] = {}
    patterns = {
        "og:title": r"<meta[^>]+property=[\"']og:title[\"'][^>]*content=[\"']([^\"']*)",
        "og:title ": r"<meta[^>]+content=[\"']([^\"']*)[\"'][^>]*property=[\"']og:title",
        "<title>": r"<title[^>]*>(.*?)</title>",
        "<h1>": r"<h1[^>]*>(.*?)</h1>",
        "headline": r"\"headline\"\s*:\s*\"((?:[^\"\\]|\\.)*)\"",
    }
    for name, pattern in patterns.items():
        m = re.search(pattern, text, re.I | re.S)
        if m:
            out.setdefault(name.strip(), _norm(re.sub(r"<[^>]+>", " ", m.group(1))))
    return out


def _on_page(gold: str, data: bytes) -> bool:
    g = _loose(_norm(gold))
    return bool(g) and g in _page_text(data)


# --------------------------------------------------------------------------- per field


def _after_separator(rest: str) -> bool:
    """``rest`` (what one title has beyond the other) starts with a separator."""
    rest = rest.lstrip()
    return bool(rest) and (rest[0] in "|-–—:·•»/_(" or rest.startswith(("::", "(")))


def _title(gold: Any, got: Any, data: bytes) -> str:
    g, t = _norm(gold), _norm(got)
    if not t:
        return "no answer"
    if t.startswith(g) and len(t) > len(g):
        return "site name left in" if _after_separator(t[len(g) :]) else "words added at the end"
    if t.endswith(g) and len(t) > len(g):
        return (
            "kicker or site name left before"
            if _after_separator(t[: -len(g)][::-1])
            else "words added before"
        )
    if g.startswith(t) and len(g) > len(t):
        return (
            "gold keeps the site name after a separator"
            if _after_separator(g[len(t) :])
            else "cut too much"
        )
    if g.endswith(t) and len(g) > len(t):
        return (
            "gold keeps a kicker or site name before"
            if _after_separator(g[: -len(t)][::-1])
            else "cut too much"
        )
    segments = [_norm(s) for s in _SEPARATORS.split(got)]
    if len(segments) > 1 and g in segments:
        return "wrong part of a split title"
    if t.startswith("http") or ("/" in t and " " not in t):
        return "a URL as title"
    titles = _page_titles(data)
    for source in ("og:title", "<h1>", "headline", "<title>"):
        if titles.get(source) == g:
            return f"gold is the page's {source}"
    if len(t.split()) <= 2:
        return "a section word or name as title"
    if not _on_page(gold, data):
        return "gold-not-on-page"
    return "other"


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _date(gold: Any, got: Any, data: bytes) -> str:
    g, t = _day(gold), _day(got)
    if t is None:
        return "no answer"
    if g is None:
        return "other"
    days = (t - g).days
    if abs(days) == 1:
        return "one day off"
    if t.month == g.day and t.day == g.month and t.year == g.year:
        return "day and month swapped"
    if t > dt.date.today():
        return "in the future"
    if days > 0 and days <= 3 * 365:
        return "later date (modified, crawl, sidebar)"
    if days < 0 and -days <= 3 * 365:
        return "earlier date (sidebar, history)"
    return "years off (wrong date on the page)"


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [n for n in (_norm(v) for v in value) if n]


def _authors(gold: Any, got: Any, data: bytes) -> str:
    g, t = set(_names(gold)), set(_names(got))
    if not t:
        return "no answer"
    if g < t:
        return "extra names"
    if t < g:
        return "names missing"
    junk = [n for n in t if any(x in n and x != n for x in g)]
    if junk and len(t) == len(g):
        return "junk around a name"
    if any(n in x and n != x for n in t for x in g):
        return "part of a name"
    if g & t:
        return "some right, some wrong"
    if (
        len(g) == 1
        and len(t) == 1
        and " ".join(sorted(next(iter(g)).split())) == " ".join(sorted(next(iter(t)).split()))
    ):
        return "name order"
    if not any(_on_page(n, data) for n in g):
        return "gold-not-on-page"
    return "wrong people"


def _description(gold: Any, got: Any, data: bytes) -> str:
    g, t = _norm(gold), _norm(got)
    if not t:
        return "no answer (standfirst?)" if _on_page(gold, data) else "no answer, gold-not-on-page"
    if g.startswith(t.rstrip(".… ")):
        return "cut short"
    if t.startswith(g.rstrip(".… ")):
        return "too long"
    if not _on_page(gold, data):
        return "gold-not-on-page"
    return "another text on the page"


def _tags(gold: Any, got: Any, data: bytes) -> str:
    g, t = set(_names(gold)), set(_names(got))
    if not t:
        return "no answer"
    if g < t:
        return "extra tags (site-wide, system)"
    if t < g:
        return "tags missing"
    if g & t:
        return "overlap"
    if not any(_on_page(n, data) for n in g):
        return "gold-not-on-page"
    return "other tags"


def _image(gold: Any, got: Any, data: bytes) -> str:
    if not got:
        return "no answer"
    if isinstance(got, str) and (" " in got.strip() or "%20" in got):
        return "not one URL"
    return "another image"


def _language(gold: Any, got: Any, data: bytes) -> str:
    return "no answer" if not got else "other language"


_CLASSIFIERS: dict[str, Callable[[Any, Any, bytes], str]] = {
    "title": _title,
    "date": _date,
    "authors": _authors,
    "description": _description,
    "tags": _tags,
    "image": _image,
    "language": _language,
}


def classify(field: str, gold: Any, got: Any, data: bytes) -> str:
    """The class of one miss, as ``"<field>: <class>"``."""
    return f"{field}: {_CLASSIFIERS[field](gold, got, data)}"
