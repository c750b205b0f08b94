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
import html
import re
import unicodedata
from collections.abc import Iterable

from newsmeta.recognizers.shapes import alnum_only, has_letters
from newsmeta.recognizers.urls import host as host_of

__all__ = [
    "GENERIC_LABELS",
    "TITLE_SEPARATORS",
    "corroborates",
    "fold_title",
    "headline_like",
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


def site_key(text: str) -> str:
    """``text`` case-folded, without accents, letters and digits only.

    >>> site_key("AlloCiné"), site_key("Krimi-Archiv"), site_key("7NEWS.com.au")
    ('allocine', 'krimiarchiv', '7newscomau')
    """
    if text.isascii():
        # In C, without a regex, and not cached: titles and their parts are
        # nearly all unique, and a cache's bookkeeping costs more than this.
        return text.lower().translate(_ASCII_NOT_ALNUM)
    return _folded_key(text)


@functools.lru_cache(maxsize=4096)
def _folded_key(text: str) -> str:
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
    >>> strip_site("AlloCiné: Another headline", keys), strip_site("Covid: What we know", keys)
    ('Another headline', 'Covid: What we know')
    >>> strip_site("A headline (AlloCiné)", keys), strip_site("A headline (2021)", keys)
    ('A headline', 'A headline (2021)')
    """
    if not keys or not _may_name_site(title, keys):
        return title
    lead, colon, rest = title.partition(": ")  # "BDZV: Headline", the colon unspaced before
    if colon and site_key(lead) in keys and has_letters(rest) and not is_site_name(rest, keys):
        return rest.strip()
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
    if best < len(title) and has_letters(head):
        return head
    if title.endswith(")") and " (" in title:  # "Headline (Site)", when nothing else named it
        head, _, inner = title[:-1].rpartition(" (")
        if site_key(inner) in keys and has_letters(head):
            return head.strip()
    return title


#: Typographic quotes and dashes, folded to ASCII when titles are compared:
#: a page's ``<h1>`` and its ``og:title`` often differ only in these.
_TYPOGRAPHY = str.maketrans(
    {c: "'" for c in "‘’‚‛′"} | {c: '"' for c in "“”„‟″«»"} | {c: "-" for c in "–—‒―"}
)
#: A separator's mark, once folded: what sets a site's or a section's name off
#: a headline (a colon sets off a kicker before the headline instead).
_SEPARATOR_MARKS = frozenset("|-·•»›/_")
#: Fewest words an ``<h1>`` inside a longer title needs to back it (a one-word
#: heading is a section's or a site's name as often as a headline).
MIN_BACKING_WORDS = 3
#: Two titles with at least this many words each that share this share of the
#: shorter one's words are one headline written twice.
MIN_NEAR_WORDS = 4
NEAR_SHARE = 0.8
_TOKENS = re.compile(r"\w+")


@functools.lru_cache(maxsize=1024)
def fold_title(text: str) -> str:
    """A title as compared: entities decoded, NFKC, typographic quotes and
    dashes folded, case-folded, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", html.unescape(text)).translate(_TYPOGRAPHY)
    return " ".join(folded.casefold().split())


#: Fewest words, or characters in a script written without spaces, of a
#: headline: a one- or two-word heading names a section as often.
MIN_HEADLINE_WORDS = 3
MIN_HEADLINE_CHARS = 8
#: Letters of the scripts written without spaces between words (Chinese,
#: Japanese kana, Thai, Lao, Khmer, Myanmar); Korean has spaces.
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
)


def headline_like(text: str) -> bool:
    """Words enough for a headline (a script without spaces counts characters).

    >>> headline_like("Literatur"), headline_like("Lagen-Pyramide mit GA2"), headline_like("宇航员在太空中喝酒")
    (False, True, True)
    """
    return len(text.split()) >= MIN_HEADLINE_WORDS or (
        len(_UNSPACED.findall(text)) >= MIN_HEADLINE_CHARS
    )


def _substantial(part: str, whole: str) -> bool:
    """A part with words enough of its own to back a longer title."""
    return len(part.split()) >= MIN_BACKING_WORDS or 2 * len(part) >= len(whole)


def _near(a: str, b: str) -> bool:
    """Two titles of some length that share nearly all their words (a
    possessive, a colon for a dash: the same headline written twice)."""
    ta, tb = set(_TOKENS.findall(a)), set(_TOKENS.findall(b))
    small = min(len(ta), len(tb))
    return small >= MIN_NEAR_WORDS and len(ta & tb) >= NEAR_SHARE * small


def corroborates(value: str, evidence: str) -> bool:
    """Does ``evidence`` (the page's ``<title>`` or an ``<h1>``) back ``value``
    as the article's title?

    It does when one holds the other as whole words (case, spacing, entities,
    typographic quotes and dashes aside), or both share nearly all their
    words, except where ``value`` is only a part of the evidence after a
    separator: a title ends with the site's and the section's names, so such
    a part names one (``Melas`` in ``Chapter 1 - Murdered - Melas | Royal Road``). A heading
    inside a longer value backs it only with words enough of its own.

    >>> corroborates("Bohren, bis es heiß wird", "Klimaschutz: Bohren, bis es heiß wird")
    True
    >>> corroborates("Melas", "Chapter 1: Prologue - Murdered - Melas | Royal Road")
    False
    >>> corroborates("Pressemitteilungen", "BDZV: Olafur Eliasson gestaltet Titelseite")
    False
    >>> corroborates("detail", "Projekt-Details")
    False
    >>> corroborates("How we designed Dropbox’s ATF - an async task framework",
    ...              "How we designed Dropbox ATF: an async task framework - Dropbox")
    True
    """
    v, e = fold_title(value), fold_title(evidence)
    if not v or not e:
        return False
    if v == e:
        return True
    at = _find_words(v, e)
    if at >= 0:
        before, after = e[:at].rstrip(), e[at + len(v) :].lstrip()
        trailing = bool(before) and before[-1] in _SEPARATOR_MARKS
        return headline_like(v) or not (trailing and (not after or after[0] in _SEPARATOR_MARKS))
    if _find_words(e, v) >= 0 and _substantial(e, v):
        return True
    return _near(v, e)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _find_words(needle: str, hay: str) -> int:
    """Where ``needle`` stands in ``hay`` as whole words (``\\b`` at both ends,
    without compiling a pattern per title), or -1."""
    start = 0
    while (at := hay.find(needle, start)) >= 0:
        end = at + len(needle)
        if (at == 0 or not _is_word_char(hay[at - 1])) and (
            end == len(hay) or not _is_word_char(hay[end])
        ):
            return at
        start = at + 1
    return -1
