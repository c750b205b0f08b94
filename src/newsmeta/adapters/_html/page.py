"""The candidate sink every HTML source writes to, with the value normalisers.

Strategy: each source (JSON-LD, microdata, meta tags) hands raw strings to a
:class:`Page` method named after the kind of value (``text``, ``when``,
``url``, ``image``, ``authors``, ``tags``, ``language``, ``publisher``). The
method normalises once, the same way for every source, and adds a candidate
with the source's rank and a provenance path (``jsonld[0].headline``,
``meta[property=og:title]``). Sources never normalise on their own.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable

from attrs import define, field

from newsmeta._kit import Extraction, FieldName
from newsmeta._kit.titles import site_key, site_keys, strip_site
from newsmeta.adapters._html.names import HANDLE_AUTHOR, ORG_AUTHOR, SITE_AUTHOR
from newsmeta.recognizers.dates import ParsedDateTime, find_date, parse_when
from newsmeta.recognizers.lang import normalize_language
from newsmeta.recognizers.markup import strip_tags
from newsmeta.recognizers.people import clean_author, looks_like_name, organisation_credit
from newsmeta.recognizers.urls import best_image_candidate, is_url, join
from newsmeta.records import Image, Organization, Person

__all__ = ["Page", "clean_text", "to_int"]

#: Longest text value kept (a description, a title); longer values are prose
#: bodies put in the wrong place and are cut.
MAX_TEXT = 5000
#: Longest value read as a date written in words.
MAX_WRITTEN_DATE = 64
#: Longest raw value copied into a provenance record.
MAX_RAW = 2000

#: Longest text compared with the site's names.
MAX_SITE_NAME = 100
#: Articles a site's name may start with ("Die FURCHE", "The Local").
_ARTICLES = frozenset(
    ("the", "die", "der", "das", "le", "la", "les", "el", "los", "las", "il", "lo")
)

_INT = re.compile(r"\s*(\d{1,6})(?:\.0+)?\s*(?:px)?\s*", re.ASCII)


def clean_text(raw: str) -> str:
    """Entities decoded (pages double-escape them), white space collapsed.

    >>> clean_text("  Tom &amp;amp; Jerry\\n  go   west ")
    'Tom & Jerry go west'
    """
    text = raw
    if "&" in text:
        text = html.unescape(html.unescape(text))
    return " ".join(text.split())  # what re.sub(r"\s+", " ", text).strip() gives, in C


def to_int(value: object) -> int | None:
    """A pixel size from ``1200``, ``"1200"``, ``"1200px"``; else ``None``.

    >>> to_int("1200px"), to_int(630), to_int("wide"), to_int(True)
    (1200, 630, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 1_000_000 else None
    if isinstance(value, float):
        return int(value) if 0 < value < 1_000_000 else None
    if isinstance(value, str):
        m = _INT.fullmatch(value)
        if m is not None and int(m[1]) > 0:
            return int(m[1])
    return None


@define
class Page:
    """Where the sources put what they find."""

    ex: Extraction
    base: str | None = None
    """URL relative links resolve against (``<base href>``, else the page URL)."""
    site_names: list[str] = field(factory=list)
    """Known names of the site (``og:site_name``, the publisher), for cleaning."""
    author_urls: list[str] = field(factory=list)
    """``<link rel=author href>``: an author's page, without a name."""
    headings: list[str] = field(factory=list)
    """The page's first ``<h1>`` and ``<h2>`` texts, to tell a headline from a site name."""
    title_evidence: list[tuple[str, str]] = field(factory=list)
    """``(text, path)`` of the page's ``<title>`` and ``<h1>`` elements: what
    backs one title source over another (:func:`newsmeta._kit.titles.corroborates`)."""
    month_first: bool = False
    """The page's language writes ``01/02/2021`` month first (American English)."""
    under_headline: bytes | None = None
    """The bytes after the page's first ``<h1>``, where datelines stand (read once, when needed)."""
    og_kind: str | None = None
    """The page kind ``og:type`` says (``article``, ``video``...), or ``None``."""
    main_kind: str | None = None
    """The kind of the page's own schema.org object, once a syntax found one."""
    # A page repeats its dates and URLs from source to source (og:url, the
    # canonical link, JSON-LD's url): each raw value is read once.
    _dates: dict[str, ParsedDateTime | dt.date | None] = field(
        factory=dict, init=False, repr=False, eq=False
    )
    _urls: dict[tuple[str | None, str], str | None] = field(
        factory=dict, init=False, repr=False, eq=False
    )

    def _raw(self, raw: str) -> str:
        return raw if len(raw) <= MAX_RAW else raw[:MAX_RAW] + "…"

    # ------------------------------------------------------------------ scalars

    def text(self, name: FieldName, raw: object, path: str, rank: int) -> None:
        """A text field: title, description, section (markup inside is dropped)."""
        self._text(name, raw, path, rank, strip_site=False)

    def title(self, raw: object, path: str, rank: int) -> None:
        """A title, without the site's name (:meth:`strip_site`); the provenance
        keeps the raw text, site name and all."""
        self._text("title", raw, path, rank, strip_site=True)

    def _text(
        self, name: FieldName, raw: object, path: str, rank: int, *, strip_site: bool
    ) -> None:
        if not isinstance(raw, str):
            return
        value = clean_text(strip_tags(raw))
        if "<" in value:
            # Markup escaped once more (a JSON-LD "&lt;p&gt;Text&lt;/p&gt;") is markup
            # still; a tag named in a sentence ("&lt;meta&gt; elements") stays text.
            value = clean_text(strip_tags(value))
        if strip_site:
            value = self.strip_site(value)
            if _URL_LIKE.match(value):
                self.ex.reject(
                    "invalid-value",
                    f"title: {value[:80]!r} is a URL or a path, not a title",
                    self._raw(raw),
                    field_name=name,
                    path=path,
                )
                return
        if not value:
            return
        if len(value) > MAX_TEXT:
            value = value[:MAX_TEXT]
        self.ex.add(name, value, self._raw(raw), path=path, rank=rank)

    def when(self, name: FieldName, raw: object, path: str, rank: int) -> None:
        """A date for ``published``, ``modified`` or ``created``.

        A day without a time goes to ``date`` when it is the published day,
        and is reported otherwise: a time is never made up.
        """
        if not isinstance(raw, str) or not raw.strip():
            return
        if raw in self._dates:
            got = self._dates[raw]
        else:
            got = parse_when(raw)
            if got is None and len(raw) <= MAX_WRITTEN_DATE:
                # "3 de mayo de 2022", "15. August 2016", "03/01/2020": a day, in
                # words or in the order of the page's language
                got = find_date(raw, month_first=self.month_first)
            self._dates[raw] = got
        if got is None:
            self.ex.reject(
                "invalid-date",
                f"{name}: {raw[:80]!r} is not a date newsmeta reads",
                self._raw(raw),
                field_name=name,
                path=path,
            )
            return
        if isinstance(got, ParsedDateTime):
            self.ex.add(
                name, got.value, self._raw(raw), path=path, rank=rank, tz_assumed=got.tz_assumed
            )
            if got.tz_assumed:
                self.ex.issue(
                    "timezone-assumed",
                    f"{name}: {raw!r} has no UTC offset; read as UTC",
                    field_name=name,
                    path=path,
                )
            return
        if name == "published":
            self.ex.add("date", got, self._raw(raw), path=path, rank=rank)
            return
        self.ex.reject(
            "date-without-time",
            f"{name}: {raw[:80]!r} gives the day {got.isoformat()} but no time newsmeta reads;"
            " none is made up",
            self._raw(raw),
            field_name=name,
            path=path,
        )

    def day(self, value: dt.date, raw: str, path: str, rank: int) -> None:
        self.ex.add("date", value, self._raw(raw), path=path, rank=rank)

    def url(self, name: FieldName, raw: object, path: str, rank: int) -> str | None:
        """A URL, resolved against the base; not-URLs are dropped."""
        if not isinstance(raw, str):
            return None
        value = self.resolve_url(raw)
        if value is None:
            return None
        self.ex.add(name, value, self._raw(raw), path=path, rank=rank)
        return value

    def resolve_url(self, raw: str) -> str | None:
        key = (self.base, raw)
        if key in self._urls:
            return self._urls[key]
        value = self._resolve_url(raw)
        self._urls[key] = value
        return value

    def _resolve_url(self, raw: str) -> str | None:
        text = raw.strip()
        if not text or text.startswith(("data:", "javascript:", "#")):
            return None
        if text.startswith(("http://", "https://")):
            value = text  # absolute already: joining would change nothing
        else:
            if text.startswith("//"):
                text = "https:" + text if not self.base else text
            value = join(self.base, text)
        return value if is_url(value) else None

    def language(self, raw: object, path: str, rank: int) -> None:
        if not isinstance(raw, str) or not raw.strip():
            return
        tag, note = normalize_language(raw)
        if tag is None:
            self.ex.issue("invalid-language", note or f"{raw!r}", field_name="language", path=path)
            return
        self.ex.add("language", tag, self._raw(raw), path=path, rank=rank)
        if note:
            self.ex.issue("language-normalised", note, field_name="language", path=path)

    def copyright_year(self, raw: object, path: str, rank: int) -> None:
        year = to_int(raw)
        if year is not None and 1900 <= year <= 2100:
            self.ex.add("copyright_year", year, str(raw), path=path, rank=rank)

    # ------------------------------------------------------------------ lists and records

    def image(
        self,
        raw: str,
        path: str,
        rank: int,
        *,
        width: object = None,
        height: object = None,
        caption: object = None,
        representative: bool = False,
        primary: bool = True,
        primary_rank: int | None = None,
    ) -> None:
        """An image; the first of a source also stands for ``og_image``
        (at ``primary_rank`` when given: ``og:image`` is what ``og_image`` names).

        A ``srcset``-like list (``a.jpg 600w, b.jpg 1200w``) gives its best
        candidate (``image-candidates``); a value with white space that is
        not such a list (``Photo: AP``) is kept and reported (``invalid-url``),
        never mangled into one URL.
        """
        value = self.resolve_url(raw)
        if value is None:
            text = raw.strip()
            if not any(c.isspace() for c in text):
                return  # empty, data:, or a relative path with no base to resolve it

            picked = best_image_candidate(text)
            if picked is None:
                # One URL after all: an <img> tag's src, or a path with spaces
                # left unencoded (browsers encode them; so does this).
                tag = _IMG_SRC.match(text)
                spaced = tag[1] if tag is not None else text
                if _SPACED_IMAGE_URL.match(spaced):
                    picked = (spaced.replace(" ", "%20"), None)
            value = self.resolve_url(picked[0]) if picked is not None else None
            if picked is None or value is None:
                self.ex.reject(
                    "invalid-url",
                    f"{path}: {text[:80]!r} is not one image URL; not used",
                    self._raw(raw),
                    field_name="images",
                    path=path,
                )
                return
            width = width if width is not None else picked[1]
            if best_image_candidate(text) is not None:
                self.ex.issue(
                    "image-candidates",
                    f"{path}: a list of image candidates; the best, {picked[0][:80]!r}, is used",
                    field_name="images",
                    path=path,
                )
        elif _ENCODED_LIST.search(value):
            picked = best_image_candidate(value)
            if picked is not None and (best := self.resolve_url(picked[0])) is not None:
                value, width = best, width if width is not None else picked[1]
                self.ex.issue(
                    "image-candidates",
                    f"{path}: a percent-encoded list of image candidates; the best,"
                    f" {picked[0][:80]!r}, is used",
                    field_name="images",
                    path=path,
                )
        img = Image(
            url=value,
            width=to_int(width),
            height=to_int(height),
            representative=representative,
            caption=clean_text(caption)[:MAX_TEXT] or None if isinstance(caption, str) else None,
        )
        self.ex.add("images", img, self._raw(raw), path=path, rank=rank)
        if primary:
            self.ex.add("og_image", value, self._raw(raw), path=path, rank=primary_rank or rank)

    def authors(
        self,
        raws: Iterable[tuple[str, str | None]],
        path: str,
        rank: int,
        *,
        persons: bool = False,
        organisation: bool = False,
    ) -> None:
        """Authors from ``(name text, profile URL)`` pairs, cleaned and split.

        Each name gets the source's ``rank``, but for three kinds that are
        the answer only when no source writes a person's name:

        - a user name (``gnaddrig``), and a schema.org ``Person`` named as
          the site is (``persons``: a one-person blog, or a site that types
          itself so): ``HANDLE_AUTHOR`` more;
        - a text that names no person but credits an organisation (an
          agency, a desk, the site; any name when ``organisation`` says the
          markup typed it so): kept as that organisation, ``ORG_AUTHOR`` more
          (and ``SITE_AUTHOR`` more again when it is the site itself).
        """
        for i, (raw, url) in enumerate(raws):
            text = clean_text(raw)
            where = f"{path}[{i}]" if i else path
            link = self.resolve_url(url) if url else None
            names: list[str] = []
            if not organisation:
                sites = () if persons else self.site_names
                names = clean_author(text, site_names=sites, markup=True)
            credit: str | None = None
            for name in names:
                penalty = 0
                if not looks_like_name(name, strict=True):
                    penalty = HANDLE_AUTHOR  # a user name, not a name as written
                if self.is_site(name):  # "Die FURCHE" on furche.at
                    if not persons:
                        credit = credit or name
                        continue
                    penalty = HANDLE_AUTHOR
                self.ex.add(
                    "authors",
                    Person(name=name, url=link),
                    self._raw(raw),
                    path=where,
                    rank=rank + penalty,
                )
            if names and credit is None:
                continue
            if credit is None:
                credit = organisation_credit(
                    text, site_names=self.site_names, organisation=organisation
                )
            if credit is None and self.is_site(text):
                credit = text
            if credit is not None:
                org = Person(name=credit, url=link)
                # The site as its own author says least: after any other organisation.
                extra = SITE_AUTHOR if self.is_site(credit) else 0
                self.ex.add(
                    "authors", org, self._raw(raw), path=where, rank=rank + ORG_AUTHOR + extra
                )

    def tags(self, name: FieldName, raw: object, path: str, rank: int) -> None:
        """Tags or keywords: a comma list or a list of strings, split, in order."""
        items: list[str] = []
        if isinstance(raw, str):
            items = _split_tags(raw)
        elif isinstance(raw, list):
            for r in raw:
                if isinstance(r, str):
                    items.extend(_split_tags(r))
        seen: set[str] = set()
        out: list[str] = []
        for item in items:
            key = item.casefold()
            if key not in seen:
                seen.add(key)
                out.append(item)
        if out:
            shown = raw if isinstance(raw, str) else ", ".join(out)
            self.ex.add(name, tuple(out), self._raw(shown), path=path, rank=rank)

    def kind(self, kind: str, raw: str, path: str, rank: int) -> None:
        """The page kind (``newsmeta.records.PAGE_KINDS``) a source says."""
        self.ex.add("page_kind", kind, self._raw(raw), path=path, rank=rank)

    def publisher(
        self, org: Organization, raw: str, path: str, rank: int, *, site_name: bool = True
    ) -> None:
        """A publisher. ``site_name``: its name also names the site, and cleans
        titles and author lists (not so for ``<meta name=publisher>``, which a
        one-person site fills with the author's own name)."""
        if org.name and site_name:
            self.site_names.append(org.name)
        if (
            any(
                v not in (None, "")
                for v in (org.name, org.legal_name, org.email, org.telephone, org.url)
            )
            or org.logo
        ):
            self.ex.add("publisher", org, self._raw(raw), path=path, rank=rank)

    def is_site(self, text: str) -> bool:
        """Does ``text`` name the site (its ``og:site_name``, publisher or host),
        with or without a leading article ("Die FURCHE" on ``furche.at``)?

        >>> p = Page(ex=Extraction(adapter="html"), base="https://www.furche.at/a")
        >>> p.is_site("Die FURCHE"), p.is_site("furche.at"), p.is_site("Jane Doe")
        (True, True, False)
        """
        if not text or len(text) > MAX_SITE_NAME:
            return False
        keys = site_keys(self.site_names, self.base)
        if site_key(text) in keys:
            return True
        words = text.split()
        if len(words) > 1 and words[0].casefold() in _ARTICLES:
            return site_key(" ".join(words[1:])) in keys
        return False

    # ------------------------------------------------------------------ titles

    def strip_site(self, title: str) -> str:
        """``title`` without the site's name (:func:`newsmeta._kit.titles.strip_site`),
        the names being the page's own so far and the host of :attr:`base`.

        >>> p = Page(ex=Extraction(adapter="html"), base="https://www.example.com/a")
        >>> p.site_names.append("Krimi-Archiv")
        >>> p.strip_site("A headline : Krimi-Archiv | Since 2005 | Issue 6")
        'A headline'
        >>> p.strip_site("Example - Another headline"), p.strip_site("Krimi-Archiv")
        ('Another headline', 'Krimi-Archiv')
        """
        return strip_site(title, site_keys(self.site_names, self.base))


#: A candidate list percent-encoded into one URL: ``a.jpg%20600w,%20https://…``.
_ENCODED_LIST = re.compile(r"%20\d+(?:\.\d+)?[wx](?:,|%2C)", re.IGNORECASE)

#: An ``<img>`` tag where a URL should be (a CMS pasted the tag): its ``src``.
_IMG_SRC = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*["']([^"'<>]+)["']""", re.IGNORECASE)
#: One image URL whose path has spaces left unencoded (``/Umwelt und Klima/a.jpg``).
_SPACED_IMAGE_URL = re.compile(
    r"(?:https?://[^\s/]+/|/|\.{0,2}/)[^<>\"'\n]*?\.(?:jpe?g|png|gif|webp|avif)(?:[?#][^\s]*)?$",
    re.IGNORECASE,
)

_TAG_SPLIT = re.compile(r"\s*[,;]\s*")


#: A title that is a URL or a path (``https://…``, ``www.…``, ``/code/2013/…``).
_URL_LIKE = re.compile(r"(?:https?://|www\.|/)\S*$", re.I)


def _split_tags(raw: str) -> list[str]:
    """A tag list split at its commas, each tag without quotes or a
    ``Category:`` prefix; the CMS's own tokens left out (:func:`system_token`).
    A hashtag keeps its ``#`` (``#nichtMeinErbe`` is the tag's name as the
    markup writes it); the readers of visible links drop it, a display habit.

    >>> _split_tags('"Energy", Category: Climate, #nichtMeinErbe, 0c7e0d5a-1b8e-4a5c-9c1e-2a3b4c5d6e7f')
    ['Energy', 'Climate', '#nichtMeinErbe']
    >>> _split_tags("#, # Climate")  # a bare # is no hashtag
    ['Climate']
    """
    text = clean_text(raw)
    if not text:
        return []
    out = []
    for part in _TAG_SPLIT.split(text):
        tag = _TAG_PREFIX.sub("", part.strip(" \"'“”„«»")).strip()
        if tag.startswith("#") and not tag[1:2].isalnum():
            tag = tag.lstrip("# ")
        if tag and len(tag) <= MAX_TAG and not system_token(tag):
            out.append(tag)
    return out


#: The longest tag kept.
MAX_TAG = 100
#: A prefix a CMS writes before a tag's name.
_TAG_PREFIX = re.compile(r"^(?:category|tag|topic|keyword|kategorie|rubrik)\s*:\s*", re.I)
#: A CMS's own tokens, not tags for a reader: a path or URL, a UUID or hex
#: id, a number of five digits or more, an identifier (``cat_neurology``).
_SYSTEM_TOKEN = re.compile(
    r"""^(?:
        /\S*|\w+://\S*
      | [0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}
      | [0-9a-f]{16,}
      | \d{5,}
      | [a-z][a-z0-9]*_[a-z0-9_-]+
    )$""",
    re.I | re.X,
)


#: A link into a site's category (section) pages: WordPress themes mark these
#: ``rel="tag"`` too (the default is ``rel="category tag"``), but a category
#: is the site's filing, not one of the article's tags. The singular only:
#: WordPress's category base is ``/category/``, while Nikola files its tags
#: under ``/categories/``.
_CATEGORY_HREF = re.compile(r"/(?:category|kategorie|categorie|categoria)/", re.I)


def category_href(href: str) -> bool:
    """A link into the site's category pages (``/category/sport/``), not its tag pages.

    >>> category_href("https://example.com/category/radtouren/"), category_href("/tag/berlin/")
    (True, False)
    >>> category_href("../../categories/linux/")  # Nikola's tag pages
    False
    """
    return _CATEGORY_HREF.search(href) is not None


def system_token(tag: str) -> bool:
    """A CMS's own token in a tag list, not a tag.

    >>> [t for t in ["/article", "cat_neurology", "123456", "Apple", "covid-19", "1541"]
    ...  if system_token(t)]
    ['/article', 'cat_neurology', '123456']
    """
    return _SYSTEM_TOKEN.match(tag) is not None
