"""The one site-name reader: which names are the site's, and a title without them.

Every place that needs to know the site's name asks here: the HTML adapter
(``<title>``, ``og:title``, JSON-LD ``headline``), the NewsAPI adapter (the
item's ``title`` against ``source.name`` and the URL's host), and
:func:`newsmeta.validate` (an author that is the site's name). So
``"Le titre – AlloCiné"`` from ``allocine.fr`` is stripped the same way in
HTML and in NewsAPI, and merging the two records finds no false conflict.

Names are compared by :func:`site_key`: case-folded, accents removed, only
letters and digits (``AlloCiné`` and ``Allocine.fr``'s label are one key).
The site's names are the page's own (``og:site_name``, ``application-name``,
the publisher, NewsAPI's ``source.name``) and its host, by :func:`site_keys`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from newsmeta.recognizers.shapes import alnum_only, has_letters
from newsmeta.recognizers.urls import host as host_of

__all__ = [
    "GENERIC_LABELS",
    "TITLE_SEPARATORS",
    "host_keys",
    "is_site_name",
    "site_key",
    "site_keys",
    "strip_site",
]

#: Separators between a headline and the site's name in a title, tried in
#: this order (spaced ones first: a bare ``-`` is also a hyphen).
TITLE_SEPARATORS: tuple[str, ...] = (
    " | ",
    " - ",
    " – ",
    " — ",
    " :: ",
    " : ",
    " · ",
    " • ",
    " » ",
    " › ",
    " / ",
    "-",
    "|",
)
#: Shortest key a site's name may have (a two-letter key matches too much).
MIN_KEY = 3
#: Shortest last part of a title matched as a piece of a site's name.
MIN_LOOSE_KEY = 4
#: How much longer than a site's name a title part containing it may be and
#: still be that name (``Krimi-Archiv seit 2005``).
SITE_SLACK = 12

#: Host labels that name a part of any site, not the site (``news.umich.edu``).
GENERIC_LABELS: frozenset[str] = frozenset(
    {"www", "news", "sport", "sports", "mobile", "amp", "edition", "blog", "blogs", "home"}
)

#: ``str.translate`` table deleting every ASCII character that is not a letter or digit.
_ASCII_NOT_ALNUM = {c: None for c in range(128) if not chr(c).isalnum()}

_WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=4096)
def site_key(text: str) -> str:
    """``text`` case-folded, without accents, letters and digits only.

    >>> site_key("AlloCiné"), site_key("Krimi-Archiv"), site_key("7NEWS.com.au")
    ('allocine', 'krimiarchiv', '7newscomau')
    """
    if text.isascii():
        return text.lower().translate(_ASCII_NOT_ALNUM)  # in C, without a regex
    # Accents decompose into combining marks, which are not alphanumeric: the
    # one pass that keeps letters and digits drops them too.
    return alnum_only(unicodedata.normalize("NFKD", text.casefold()))


def host_keys(url: str | None) -> set[str]:
    """Keys for a URL's host: the host, its first label, and any longer label
    before the top-level domain (``7news`` in ``7news.com.au``), leaving out
    the generic subdomain words of :data:`GENERIC_LABELS`.

    >>> sorted(host_keys("https://www.allocine.fr/article/x"))
    ['allocine', 'allocinefr']
    >>> sorted(host_keys("https://news.umich.edu/a"))
    ['newsumichedu', 'umich']
    """
    h = host_of(url) if url else None
    if not h:
        return set()
    labels = h.split(".")
    keys = {site_key(h), site_key(labels[0])}
    keys.update(site_key(label) for label in labels[1:-1] if len(label) > 3)
    return {k for k in keys if len(k) >= MIN_KEY and k not in GENERIC_LABELS}


def site_keys(names: Iterable[str], url: str | None = None) -> frozenset[str]:
    """The keys of the site's names and of ``url``'s host.

    A dotted name (``Allocine.fr``, NewsAPI's usual ``source.name``) counts
    with and without its top-level domain.

    >>> sorted(site_keys(["Allocine.fr", "AlloCiné"]))
    ['allocine', 'allocinefr']
    """
    h = host_of(url) if url else None
    return _site_keys(tuple(names), h)


@functools.lru_cache(maxsize=4096)
def _site_keys(names: tuple[str, ...], h: str | None) -> frozenset[str]:
    """:func:`site_keys` by host: a publisher's items share their names and host."""
    keys = set(host_keys(f"https://{h}/")) if h else set()
    for name in names:
        keys.add(site_key(name))
        if "." in name and " " not in name.strip():
            keys.add(site_key(name.strip().split(".")[0]))
    return frozenset(k for k in keys if len(k) >= MIN_KEY)


def is_site_name(part: str, keys: frozenset[str], *, last: bool = False) -> bool:
    """Is this part of a title the site's name (possibly with a few words more)?

    It is when its key is a site key, or when its first words spell one
    (``Krimi-Archiv | Since 2005``). The ``last`` part of a title, where
    sites put their name, is also the site's when it holds a site key and is
    at most :data:`SITE_SLACK` characters longer (``Krimi-Archiv seit 2005``) or
    ends with it (``Toute l'actualité sportive sur Orange``), or when it is a piece of a site key of :data:`MIN_LOOSE_KEY` characters
    or more (``TGCOM`` of ``Tgcom24.mediaset.it``, ``Mint`` of ``Livemint``).

    >>> keys = site_keys(["Krimi-Archiv", "Livemint"], "https://thethaiger.com/x")
    >>> [is_site_name(p, keys) for p in ("Krimi-Archiv | Since 2005", "The Thaiger", "Archiv")]
    [True, True, False]
    >>> is_site_name("Mint", keys), is_site_name("Mint", keys, last=True)
    (False, True)
    """
    key = site_key(part)
    if len(key) < MIN_KEY:
        return False
    if key in keys:
        return True
    if any(key.startswith(k) for k in keys):  # then its first words may spell one
        prefix = ""
        for w in _WORDS.findall(part)[:-1]:
            prefix += site_key(w)
            if prefix in keys:
                return True
    if not last:
        return False
    return any(
        (k in key and (len(key) <= len(k) + SITE_SLACK or key.endswith(k)))
        or (len(key) >= MIN_LOOSE_KEY and key in k)
        for k in keys
    )


def _may_name_site(title: str, keys: frozenset[str]) -> bool:
    """A cheap test before the full one: the title holds a site key, or its last
    part (after a spaced separator) is a piece of one."""
    whole = site_key(title)
    if any(k in whole for k in keys):
        return True
    for sep in TITLE_SEPARATORS:
        if sep != sep.strip() and sep in title:
            last = site_key(title.rsplit(sep, 1)[1])
            if len(last) >= MIN_LOOSE_KEY and any(last in k for k in keys):
                return True
    return False


def strip_site(title: str, keys: frozenset[str]) -> str:
    """``title`` without the site's name: ``Headline | Site`` loses the name
    and what follows it, ``Site: Headline`` its leading name (only the name
    itself: a leading part with more words is likelier the headline). A title that is
    only the site's name, or would keep no letters, stays whole.

    >>> keys = site_keys(["Krimi-Archiv"], "https://www.allocine.fr/a")
    >>> strip_site("A headline : Krimi-Archiv | Since 2005 | Issue 6", keys)
    'A headline'
    >>> strip_site("Le titre – AlloCiné", keys)
    'Le titre'
    >>> strip_site("AlloCiné - Another headline", keys), strip_site("Krimi-Archiv", keys)
    ('Another headline', 'Krimi-Archiv')
    >>> strip_site("Covid - What we know", keys)
    'Covid - What we know'
    """
    if not keys or not _may_name_site(title, keys):
        return title
    best = len(title)
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        parts = title.split(sep)
        if site_key(parts[0]) in keys and not is_site_name(sep.join(parts[1:]), keys):
            rest = title[len(parts[0]) + len(sep) :].strip()
            if has_letters(rest):
                return rest
        # Loosely matched only when no separator found the name yet, and only
        # after a spaced separator (a bare "-" is also a hyphen).
        loose = best == len(title) and sep != sep.strip()
        at = len(parts[0])
        for i, part in enumerate(parts[1:], 1):
            if at >= best:
                break
            # The rest of the title from here may be the name (a name holding the
            # separator: "Salsa-Figuren - Rueda in Berlin"), or the last part loosely.
            last = i == len(parts) - 1
            key = site_key(part)
            # The rest can spell a name only if this part starts one (or is one
            # and more): a cheap test on the part before the one on the rest.
            starts = bool(key) and any(k.startswith(key) or key.startswith(k) for k in keys)
            if (starts and is_site_name(sep.join(parts[i:]), keys)) or (
                last and loose and is_site_name(part, keys, last=True)
            ):
                best = at
                break
            at += len(sep) + len(part)
    head = title[:best].strip()
    return head if best < len(title) and has_letters(head) else title
