"""URLs and what their shape says.

>>> is_url("https://sputniknews.com/20220107/x-1092086667.html")
True
>>> is_url("https://")
False
>>> is_url("see https://a.b/")
False
>>> is_image_url("https://cdn25.img.ria.ru/images/1_0:0:1036:583_1036x0_80_0_0_ab.jpg.webp")
True
>>> is_image_url("https://ria.ru/20200417/1570193622.html")
False
>>> is_image_url("https://a[b.example/x.jpg")  # urlsplit raises on it
False
>>> size_from_url("https://cdnn1.img.sputniknews.com/img/07e4/09/07/1080390164_0:0:1440:1440_100x100_80_0_0_46c.jpg")
(100, 100)
>>> size_from_url("https://cdn/1092061383_0:130:3181:1919_1920x0_80_0_0_03d.jpg")
(1920, None)
>>> size_from_url("https://example.com/a.jpg") is None
True
>>> host("https://www.Example.com:8080/a")
'example.com'
"""

from __future__ import annotations

import re
import urllib.parse

__all__ = [
    "best_image_candidate",
    "canonical",
    "date_from_url",
    "host",
    "image_candidates",
    "is_image_url",
    "is_tracking_pixel",
    "is_url",
    "join",
    "size_from_url",
]

#: Longest URL we accept as a value (browsers cap around 2 MB; sitemaps at 2,048).
MAX_URL_LEN = 8192

_URL = re.compile(
    r"""
    https?://
    (?P<host>[^\s/?#]+)   # authority: host, maybe user and port
    (?:[/?#]\S*)?         # path, query, fragment: anything but white space
    """,
    re.VERBOSE | re.IGNORECASE,
)
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:$|[?#])", re.IGNORECASE)
#: Rossiya Segodnya CDN names: ``<id>_<crop x:y:w:h>_<W>x<H>_<quality>_...``
_RS_SIZE = re.compile(r"_\d+:\d+:\d+:\d+_(\d{1,5})x(\d{1,5})_")


def is_url(text: str) -> bool:
    """Is ``text`` exactly one absolute http(s) URL with a host?"""
    if len(text) > MAX_URL_LEN:
        return False
    m = _URL.fullmatch(text)
    if m is None:
        return False
    h = m["host"].rsplit("@", 1)[-1].split(":", 1)[0]
    return "." in h.strip(".") and not h.endswith(".") and "…" not in h


def is_image_url(text: str) -> bool:
    """Does this URL name an image file (by extension, ``.jpg.webp`` included)?"""
    if not is_url(text):
        return False
    try:
        path = urllib.parse.urlsplit(text).path
    except ValueError:  # "Invalid IPv6 URL": a "[" in the host (found by fuzzing)
        return False
    return bool(path) and _IMAGE_EXT.search(path) is not None


def size_from_url(url: str) -> tuple[int | None, int | None] | None:
    """Width and height a CDN URL encodes (``_100x100_``); 0 means "scaled", given as None."""
    m = _RS_SIZE.search(url)
    if m is None:
        return None
    w, h = int(m[1]), int(m[2])
    return (w or None, h or None)


#: A plain http(s) URL's host: ASCII name characters, maybe a port, then the end or
#: a path, query or fragment. What :func:`host` reads without ``urllib``; anything
#: else (user info, IPv6, white space, other characters) goes through ``urlsplit``.
_PLAIN_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)(?::[0-9]*)?(?=[/?#]|\Z)")


def host(url: str) -> str | None:
    """Lower-cased host without ``www.`` and port.

    >>> host("https://WWW.Example.com:8080/a"), host("http://u@b.org"), host("x")
    ('example.com', 'b.org', None)
    """
    m = _PLAIN_HOST.match(url)
    if m is not None:  # the common case; the same answer as urlsplit's, five times faster
        return m[1].lower().removeprefix("www.")
    try:
        netloc = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    if not netloc:
        return None
    return netloc.removeprefix("www.")


#: Query parameters that track a click, not name a page.
_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ncid)$",
    re.IGNORECASE,
)


def canonical(url: str) -> str:
    """A page's URL reduced to what names the page, for telling whether two
    records are of the same article: no scheme, lower-cased host without
    ``www.``, ``m.``/``amp.`` or the default port, no fragment, no tracking
    parameters (``utm_*``, ``fbclid``...), no trailing slash or ``/amp`` and no
    ``index.html``.

    >>> canonical("https://WWW.Example.com/News/a.html?utm_source=x&id=3#top")
    'example.com/News/a.html?id=3'
    >>> canonical("http://m.example.com/news/a/amp/") == canonical("https://example.com/news/a")
    True
    >>> canonical("https://example.com/news/index.html")
    'example.com/news'
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        netloc = (parts.hostname or "").lower()
    except ValueError:
        return url.strip()
    for prefix in ("www.", "m.", "amp."):
        netloc = netloc.removeprefix(prefix)
    query = "&".join(
        q for q in parts.query.split("&") if q and not _TRACKING_PARAMS.match(q.split("=", 1)[0])
    )
    path = parts.path
    for suffix in ("/index.html", "/index.htm", "/index.php", "/amp", "/amp/"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    path = path.rstrip("/")
    return netloc + path + (f"?{query}" if query else "")


#: Image names that tracking pixels and spacers use.
_PIXEL_NAME = re.compile(
    r"""
    /(?:pixel|spacer|blank|transparent|clear|1x1|beacon|track(?:ing)?)\.(?:gif|png|jpe?g|webp)(?:$|[?#])
                                        # a counter's or spacer's whole file name
    | /(?:t|tr|p|px|pix)\.(?:gif|png)(?:$|[?#])
                                        # one- or two-letter counters (t.gif), GIF/PNG only
    | [/_.-](?:1x1|pixel|spacer)\.(?:gif|png)(?:$|[?#])
                                        # img_1x1.gif, blog-pixel.png
    | /(?:pixel|beacon|track|tr)(?:$|[?#])
                                        # a counter endpoint: facebook.com/tr?id=...
    """,
    re.IGNORECASE | re.VERBOSE,
)


#: Hosts (and their subdomains) that serve counters and ad beacons, never a picture.
PIXEL_HOSTS: frozenset[str] = frozenset(
    {
        "scorecardresearch.com",
        "doubleclick.net",
        "google-analytics.com",
        "quantserve.com",
        "pixel.wp.com",
        "stats.wp.com",
        "bat.bing.com",
        "adnxs.com",
        "statcounter.com",
        "alexametrics.com",
        "ads.linkedin.com",
        "analytics.twitter.com",
        "ioam.de",
    }
)


def _pixel_host(url: str) -> bool:
    h = host(url) if not url.startswith("//") else host("https:" + url)
    if h is None:
        return False
    # The host and each parent domain: sb.scorecardresearch.com, scorecardresearch.com.
    while "." in h:
        if h in PIXEL_HOSTS:
            return True
        h = h.split(".", 1)[1]
    return False


def is_tracking_pixel(url: str | None, width: int | None = None, height: int | None = None) -> bool:
    """A 1×1 counter or spacer loaded from ``url``, not a picture: a side of one
    pixel, or a name that tracking pixels use (``t.gif``, ``pixel.png``,
    ``/pixel?...``). A size with no URL (a dump's ``og:image:width``) is not one.

    >>> is_tracking_pixel("https://a.example/t.gif?id=1"), is_tracking_pixel("https://x/img.jpg", 1, 1)
    (True, True)
    >>> is_tracking_pixel("https://www.facebook.com/tr?id=1&ev=PageView&noscript=1")
    True
    >>> is_tracking_pixel("https://cdn.example/photos/portrait.jpg", 1200, 800)
    False
    >>> is_tracking_pixel("https://rs.n1info.com/wp-content/uploads/2021/07/2C6A3778_b.jpg")
    False
    >>> is_tracking_pixel("https://sb.scorecardresearch.com/p?c1=2&c2=1234&cv=2.0&cj=1")
    True
    """
    if not url:
        return False
    return width == 1 or height == 1 or _PIXEL_NAME.search(url) is not None or _pixel_host(url)


#: A candidate list percent-encoded into one URL (``a.jpg%20600w,%20https://…``).
_ENCODED_CANDIDATES = re.compile(r"%20\d+(?:\.\d+)?[wx](?:,|%2C)", re.IGNORECASE)
_DESCRIPTOR = re.compile(r"(\d+(?:\.\d+)?)([wxh])", re.IGNORECASE)


def image_candidates(text: str) -> list[tuple[str, str]]:
    """The ``(url, descriptor)`` pairs of a ``srcset``-like list, as the HTML
    standard splits them: a URL runs to white space (commas ending it are the
    separator), its descriptors to the next comma; a URL with commas inside
    (``w_300,h_200``) stays whole.

    >>> image_candidates("https://x/a.jpg 600w, https://x/b.jpg 320w")
    [('https://x/a.jpg', '600w'), ('https://x/b.jpg', '320w')]
    >>> image_candidates("/c/w_300,h_200/a.jpg 1x,/c/w_600,h_400/a.jpg 2x")
    [('/c/w_300,h_200/a.jpg', '1x'), ('/c/w_600,h_400/a.jpg', '2x')]
    """
    out: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and (text[i].isspace() or text[i] == ","):
            i += 1
        j = i
        while j < n and not text[j].isspace():
            j += 1
        url = text[i:j]
        i = j
        desc = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            k = text.find(",", i)
            k = n if k < 0 else k
            desc = text[i:k].strip()
            i = k + 1
        if url:
            out.append((url, desc))
    return out


def best_image_candidate(text: str) -> tuple[str, int | None] | None:
    """The best image of a value holding a candidate list, and its width when
    a ``w`` descriptor gives it; ``None`` when ``text`` is not such a list.

    The widest candidate (``600w``) wins, else the densest (``2x``), else the
    first. A list percent-encoded into one URL is decoded first.

    >>> best_image_candidate("https://x/a.jpg 600w, https://x/b.jpg 1200w")
    ('https://x/b.jpg', 1200)
    >>> best_image_candidate("https://x/a.jpg%20600w,%20https://x/b.jpg%20320w")
    ('https://x/a.jpg', 600)
    >>> best_image_candidate("/a.jpg 1x, /a@2x.jpg 2x")
    ('/a@2x.jpg', None)
    >>> best_image_candidate("https://x/a.jpg"), best_image_candidate("Photo: John Doe")
    (None, None)
    """
    value = text.strip()
    if _ENCODED_CANDIDATES.search(value):
        value = urllib.parse.unquote(value)
    if not any(c.isspace() for c in value):
        return None
    candidates = image_candidates(value)
    scored: list[tuple[float, float, int, str, int | None]] = []
    for n, (url, desc) in enumerate(candidates):
        width = density = 0.0
        for m in _DESCRIPTOR.finditer(desc):
            if m[2].lower() == "w":
                width = float(m[1])
            elif m[2].lower() == "x":
                density = float(m[1])
        if desc and not width and not density:
            return None  # words after a URL, not descriptors: not a candidate list
        if not _IMAGE_URLISH.match(url):
            return None
        scored.append((width, density, -n, url, int(width) if width else None))
    if len(scored) < 2 and not (scored and scored[0][0] + scored[0][1]):
        return None
    best = max(scored)
    return best[3], best[4]


#: What a candidate URL looks like: absolute, protocol-relative or a path.
_IMAGE_URLISH = re.compile(r"(?:https?:)?//[^\s/]+|/|\.{0,2}/?[\w%.-]+/", re.IGNORECASE)


def join(base: str | None, url: str) -> str:
    """Resolve ``url`` against ``base``; a bad base leaves ``url`` as it is."""
    if not base:
        return url
    try:
        return urllib.parse.urljoin(base, url)
    except ValueError:
        return url


_URL_DAY = re.compile(
    r"""
    (?<![0-9])
    (?P<y>(?:19|20)\d{2})          # year
    (?P<sep>[/_-]?)                # separator, or none (20220107)
    (?P<m>0[1-9]|1[0-2])           # month
    (?P=sep)
    (?P<d>0[1-9]|[12]\d|3[01])     # day
    (?![0-9])
    """,
    re.VERBOSE | re.ASCII,
)


_URL_DAY_SLASHED = re.compile(
    r"""
    /(?P<y>(?:19|20)\d{2})       # /year
    /(?P<m>0?[1-9]|1[0-2])       # /month, maybe without its zero
    /(?P<d>0?[1-9]|[12]\d|3[01]) # /day
    (?:/|$)
    """,
    re.VERBOSE | re.ASCII,
)
_URL_DAY_FIRST = re.compile(
    r"""
    (?<![0-9])
    (?P<d>0[1-9]|[12]\d|3[01])    # day first, as most of the world writes it
    (?P<sep>[._-])
    (?P<m>0[1-9]|1[0-2])
    (?P=sep)
    (?P<y>(?:19|20)\d{2})         # a four-digit year: never a bare ID
    (?![0-9])
    """,
    re.VERBOSE | re.ASCII,
)


def date_from_url(url: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` a URL's path spells out, if it does.

    >>> date_from_url("https://www.befifty.de/home/2017/7/12/unter-uns-montauk")
    (2017, 7, 12)
    >>> date_from_url("https://example.it/newsroom/23-01-2022-dorothea-wierer/17-378.html")
    (2022, 1, 23)

    >>> date_from_url("https://example.com/2019/08/02/simdjson/")
    (2019, 8, 2)
    >>> date_from_url("https://sputniknews.com/20220107/x-1092086667.html")
    (2022, 1, 7)
    >>> date_from_url("https://example.com/news/2019-08-02-title")
    (2019, 8, 2)
    >>> date_from_url("https://example.com/article/1092086667.html") is None
    True
    """
    if len(url) > MAX_URL_LEN:
        return None
    try:
        path = urllib.parse.urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DAY.search(path) or _URL_DAY_SLASHED.search(path) or _URL_DAY_FIRST.search(path)
    if m is None:
        return None
    return int(m["y"]), int(m["m"]), int(m["d"])
