"""The typed records every adapter produces.

Strategy: values are plain Python values (``str``, ``int``, timezone-aware
``datetime``), so ``article.title`` is the title. What a value was before
normalisation, and where it came from, lives beside it in
``Article.provenance``: a mapping from a *field path* (``"title"``,
``"authors[0]"``, ``"publisher"``) to a :class:`Provenance` holding the raw
text, the adapter and the input location. This is the zyte-common-items
``datePublished`` / ``datePublishedRaw`` pairing, generalised to every field.

All records are frozen, slotted and keyword-only. Sequences are tuples.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen

__all__ = [
    "PAGE_KINDS",
    "Article",
    "Image",
    "Issue",
    "Location",
    "Organization",
    "Person",
    "Placeholder",
    "Provenance",
    "Severity",
    "Truncation",
    "Unrecognised",
]


def _tuple(value: Any) -> tuple[Any, ...]:
    """Converter: accept any iterable for a sequence field, store a tuple."""
    if type(value) is tuple:  # the common case, and the cheapest test
        return value
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a sequence, not a bare string: {value!r}")
    return tuple(value)


#: What :attr:`Article.page_kind` may say. ``article`` covers every kind of
#: news or blog article; the others are pages whose subject is not an article
#: (``listing``: a home, section, tag or search page; ``other``: a page that
#: says what it is, none of these).
PAGE_KINDS: tuple[str, ...] = (
    "article",
    "review",
    "recipe",
    "video",
    "audio",
    "event",
    "product",
    "listing",
    "profile",
    "faq",
    "job",
    "other",
)


def _page_kind(inst: Any, attribute: Any, value: Any) -> None:
    """Validator: a page kind is one of :data:`PAGE_KINDS`."""
    if value is not None and value not in PAGE_KINDS:
        raise ValueError(
            f"{attribute.name}: {value!r} is not a page kind; one of {', '.join(PAGE_KINDS)}"
        )


def _aware(inst: Any, attribute: Any, value: Any) -> None:
    """Validator: datetimes must carry a timezone."""
    if value is not None and isinstance(value, dt.datetime) and value.tzinfo is None:
        raise ValueError(f"{attribute.name}: datetime must be timezone-aware, got {value!r}")


class Severity(str, enum.Enum):
    """How much an :class:`Issue` matters. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @classmethod
    def of(cls, value: Severity | str) -> Severity:
        """``Severity(value)``, without the enum machinery when it already is one.

        >>> Severity.of("warning") is Severity.of(Severity.WARNING) is Severity.WARNING
        True
        """
        return value if type(value) is cls else cls(value)

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _severity(value: Severity | str) -> Severity:
    """Converter: :meth:`Severity.of` (a named function, as mypy's attrs plugin wants)."""
    return Severity.of(value)


@frozen(kw_only=True)
class Location:
    """Where something stood in the input.

    ``lines`` are 1-based line numbers (dumps, text). ``path`` is a selector or
    JSON path (HTML, JSON): ``"jsonld[0].headline"``, ``"meta[property=og:title]"``.
    ``input`` names the input (a file path, ``path#3`` for the third item).
    """

    lines: tuple[int, ...] = field(default=(), converter=_tuple)
    """1-based line numbers in the input (line-based formats); empty for others."""
    path: str | None = None
    """Selector or JSON path (``meta[property=og:title]``, ``$.title``), or ``None``."""
    input: str | None = None
    """The input's name (a file path; ``file#3`` for the item on line 3), if given."""

    def __str__(self) -> str:
        parts = []
        if self.input:
            parts.append(self.input)
        if self.lines:
            if len(self.lines) == 1:
                parts.append(f"line {self.lines[0]}")
            else:
                parts.append("lines " + ",".join(str(n) for n in self.lines))
        if self.path:
            parts.append(self.path)
        return ": ".join(parts) if parts else "<unknown>"


@frozen(kw_only=True)
class Provenance:
    """Where a value came from: the adapter, its raw text and its location."""

    adapter: str
    """Adapter that produced the value: ``flat``, ``html``, ``newsapi``, ``text``."""
    raw: str
    """The value's text exactly as it stood in the input."""
    location: Location = field(factory=Location)
    """Where the raw text stood."""


@frozen(kw_only=True)
class Issue:
    """Something about the input or the record worth a person's attention."""

    code: str
    """Stable, documented code (``docs/issues.md``), e.g. ``placeholder-leak``."""
    severity: Severity = field(converter=_severity)
    """``info``, ``warning`` or ``error``: one per code everywhere (``docs/issues.md``)."""
    message: str
    """One line saying what was found and what was done about it."""
    field: str | None = None
    """Record field the issue is about, as a field path (``"tags"``, ``"images[1]"``)."""
    location: Location = attrs.field(factory=Location)
    """Where in the input the issue is."""


@frozen(kw_only=True)
class Image:
    """An image: the URL (when known), its size and its role."""

    url: str | None = None
    """Absolute URL of the image, or ``None`` when only a caption or credit was read."""
    width: int | None = None
    """Width in pixels, when the source gives it (markup, a size in the URL)."""
    height: int | None = None
    """Height in pixels, when the source gives it."""
    representative: bool = False
    """True for an image that represents the page (schema.org ``representativeOfPage``)."""
    caption: str | None = None
    """The photo's caption (``A burned car is seen in …``)."""
    credit: str | None = None
    """The photo's credit, cleaned of its label (``REUTERS / PAVEL MIKHEYEV``)."""


@frozen(kw_only=True)
class Person:
    """An author."""

    name: str
    """The name as written, cleaned of bylines and roles (``Jane Doe``)."""
    avatar: Image | None = None
    """The person's picture, when the source gives one."""
    url: str | None = None
    """The person's page (an author page, a profile)."""


@frozen(kw_only=True)
class Organization:
    """A publisher and its contact details."""

    name: str | None = None
    """The publisher's name (``og:site_name``, JSON-LD ``publisher.name``, NewsAPI ``source.name``)."""
    legal_name: str | None = None
    """The registered name, when given apart from the name."""
    email: str | None = None
    """A contact email address."""
    telephone: str | None = None
    """Normalised to E.164 (``+74956456601``); the raw text is in provenance."""
    logo: Image | None = None
    """The publisher's logo."""
    url: str | None = None
    """The publisher's home page."""


@frozen(kw_only=True)
class Placeholder:
    """An unresolved XPath template left where a value should be.

    ``/html/head/meta[@name='og:title']/@content`` is a placeholder for the
    ``og:title`` field, read from the ``content`` attribute of a ``meta`` element
    selected by its ``name`` attribute.
    """

    xpath: str
    """The expression as it stood in the input."""
    field: str | None
    """The meta field it was meant to read (``og:title``), when it names one."""
    attribute: str | None
    """The attribute it reads (``content``), or ``None`` for a text or element path."""
    selector_attribute: str | None = None
    """The attribute used to select the element (``name`` in ``@name='og:title'``)."""
    compiles: bool = True
    """Whether lxml compiles it as XPath 1.0."""
    hint: str | None = None
    """Why it probably found nothing, and what would work."""
    suggested: str | None = None
    """A repaired expression (``@name`` → ``@property`` for OpenGraph)."""
    truncated: bool = False
    """True when the input's truncation cut this expression short."""
    filled: bool = False
    """True once :func:`newsmeta.fill_placeholders` evaluated it on its page and
    it selected a value: the template is resolved, no longer a leak. It stays in
    the record so that what the input held is not lost."""
    location: Location = attrs.field(factory=Location)
    """Where the template stood in the input."""


@frozen(kw_only=True)
class Truncation:
    """The input was cut short, typically by an aggregator (``… [+672 chars]``)."""

    missing_chars: int | None
    """How many characters the marker says are missing (``None`` if unknown)."""
    marker: str
    """The marker as it stood (``… [+672 chars]``)."""
    partial: str | None = None
    """The value cut by the truncation, never used as a field value."""
    location: Location = attrs.field(factory=Location)
    """Where the marker stood."""


@frozen(kw_only=True)
class Unrecognised:
    """An input line or value no recogniser claimed. Kept, never dropped."""

    text: str
    """The text as it stood (a line, a value, a set-aside fallback)."""
    location: Location = attrs.field(factory=Location)
    """Where it stood."""


@frozen(kw_only=True)
class Article:
    """One article, whatever shape it came in.

    Every field is optional: what the input did not say stays ``None`` or empty.
    ``provenance`` maps field paths to where each value came from.
    """

    url: str | None = None
    """The article's canonical URL (absolute http(s))."""
    page_kind: str | None = field(default=None, validator=_page_kind)
    """What kind of page the record was read from, when the page says: ``article``,
    ``review``, ``recipe``, ``video``, ``audio``, ``event``, ``product``, ``listing``,
    ``profile``, ``faq``, ``job`` or ``other`` (``newsmeta.records.PAGE_KINDS``); ``None``
    when the input does not say (dumps, aggregator items, pages without markup)."""
    title: str | None = None
    """The headline, with the site's name cut off when the title carried it."""
    description: str | None = None
    """The standfirst or summary (``og:description``, NewsAPI ``description``)."""
    date: dt.date | None = None
    """Day-precision date the source files the article under (dump header, URL)."""
    published: dt.datetime | None = field(default=None, validator=_aware)
    """When the article was first published, with its UTC offset."""
    created: dt.datetime | None = field(default=None, validator=_aware)
    """When the article was created, if the source says so apart from ``published``."""
    modified: dt.datetime | None = field(default=None, validator=_aware)
    """When the article was last changed."""
    fetched: dt.datetime | None = field(default=None, validator=_aware)
    """When the page was fetched (a WARC record's ``WARC-Date``): the crawl date
    validation's ``future-date`` rule measures against. ``None`` when unknown."""
    tags: tuple[str, ...] = field(default=(), converter=_tuple)
    """The article's tags, in order, without repeats."""
    other_tag_groups: tuple[tuple[str, ...], ...] = field(default=(), converter=_tuple)
    """Further tag lists (a dump's shorter group after the body), each kept on its own."""
    keywords: tuple[str, ...] = field(default=(), converter=_tuple)
    """A comma-separated keywords line (``<meta name=keywords>``, a dump's last line)."""
    og_image: str | None = None
    """The image that represents the page when shared (``og:image``, NewsAPI ``urlToImage``)."""
    images: tuple[Image, ...] = field(default=(), converter=_tuple)
    """Other images of the article: URLs, sizes, captions and credits."""
    body: str | None = None
    """Paragraphs separated by a blank line (``"\\n\\n"``)."""
    authors: tuple[Person, ...] = field(default=(), converter=_tuple)
    """The article's authors, in order, without repeats."""
    publisher: Organization | None = None
    """Who published the article, with contact details when given."""
    section: str | None = None
    """The site's section the article is filed under (``article:section``)."""
    language: str | None = None
    """BCP 47 tag (``en``, ``pt-BR``); the raw value (``en_EN``) is in provenance."""
    copyright_year: int | None = None
    """The year of the copyright notice."""
    placeholders: tuple[Placeholder, ...] = field(default=(), converter=_tuple)
    """Unresolved templates (XPath) found where values should be."""
    truncation: Truncation | None = None
    """Where the input was cut short, if it was."""
    unrecognised: tuple[Unrecognised, ...] = field(default=(), converter=_tuple)
    """Input no rule claimed, and values set aside: kept, never dropped."""
    issues: tuple[Issue, ...] = field(default=(), converter=_tuple)
    """What newsmeta noticed, most severe first after :func:`newsmeta.validate`."""
    provenance: Mapping[str, Provenance] = field(factory=dict)
    """Field path (``title``, ``authors[0]``) to where that value came from."""
    source: str | None = None
    """The adapter (or ``merge``) that built this record."""

    @property
    def truncated(self) -> bool:
        return self.truncation is not None

    def to_dict(self) -> dict[str, object]:
        """A plain, JSON-ready dict. ``Article.from_dict`` reverses it exactly."""
        from newsmeta._convert import unstructure

        out = unstructure(self)
        assert isinstance(out, dict)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Article:
        from newsmeta._convert import structure

        return structure(data, cls)

    def to_json(self, *, indent: bool = False) -> str:
        from newsmeta._convert import record_json

        return record_json(self, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        from newsmeta._convert import loads

        data = loads(text)
        if not isinstance(data, dict):
            from newsmeta.errors import InputError

            raise InputError("an Article's JSON must be an object")
        return cls.from_dict(data)

    def accounted_lines(self) -> frozenset[int]:
        """Input line numbers this record accounts for (fields, placeholders,
        truncation, unrecognised, issues)."""
        seen: set[int] = set()
        for prov in self.provenance.values():
            seen.update(prov.location.lines)
        for ph in self.placeholders:
            seen.update(ph.location.lines)
        if self.truncation is not None:
            seen.update(self.truncation.location.lines)
        for un in self.unrecognised:
            seen.update(un.location.lines)
        for issue in self.issues:
            seen.update(issue.location.lines)
        return frozenset(seen)
