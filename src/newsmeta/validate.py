"""Validation: is a record fit to load, and if not, why.

Strategy: a *rule* is a small function that looks at one
:class:`~newsmeta.records.Article` and yields findings ``(code, field,
message, location)``. A :class:`Profile` says which codes count and at what
severity; the rules never decide severity themselves. The issues an adapter
already put on the record (``record.issues``) are graded by the same profile,
so ``--error placeholder-leak`` means the same thing whether the flat adapter
saw the leak in a dump or a rule found a template in a title. A rule finding
that repeats an adapter issue (same code, same field) is dropped: the
adapter's has the input line. A record *fails* when any issue reaches the
profile's ``fail_on`` severity.

Every code is listed once, in ``newsmeta/_codes.py`` and ``docs/issues.md``.

>>> import newsmeta
>>> a = newsmeta.Article(url="https://example.com/a", title="{{ title }}")
>>> [(i.code, i.severity.value) for i in validate(a)]
[('placeholder-leak', 'warning')]
>>> [(i.code, i.severity.value) for i in validate(a, profile="strict")]
[('missing-required', 'error'), ('placeholder-leak', 'error')]
>>> fails(validate(a)), fails(validate(a, profile="strict"), profile="strict")
(False, True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple

import attrs
from attrs import field, frozen

from newsmeta._codes import ISSUE_CODES
from newsmeta._kit.titles import site_key, site_keys
from newsmeta.errors import ConfigError, check_argument
from newsmeta.recognizers.contacts import is_email, normalize_phone
from newsmeta.recognizers.dates import parse_date, parse_datetime
from newsmeta.recognizers.lang import normalize_language
from newsmeta.recognizers.people import looks_like_name
from newsmeta.recognizers.placeholders import find_placeholders, find_template_marker
from newsmeta.recognizers.shapes import has_letters, looks_letter_stripped, truncation_marker
from newsmeta.recognizers.urls import is_url
from newsmeta.records import Article, Image, Issue, Location, Severity
from newsmeta.settings import (
    FUTURE_TOLERANCE_SECONDS,
    MAX_IMAGE_SIDE,
    MAX_UTC_OFFSET_MINUTES,
    UTC_OFFSET_STEP_MINUTES,
)

__all__ = [
    "PROFILES",
    "RULES",
    "Profile",
    "fails",
    "get_profile",
    "validate",
]

#: Fields :func:`validate` can require: every record field a value lives in,
#: plus the publisher's own fields as ``publisher.name`` and so on.
REQUIRABLE: tuple[str, ...] = (
    *(
        a.name
        for a in attrs.fields(Article)
        if a.name not in ("placeholders", "truncation", "unrecognised", "issues", "provenance")
    ),
    "publisher.name",
    "publisher.email",
    "publisher.telephone",
    "publisher.url",
    "publisher.logo",
)

_OFF = "off"


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    """Converter: any iterable of strings, stored as a tuple."""
    return tuple(value)


def _severity_or_off(value: object, key: str) -> Severity | None:
    if value == _OFF or value is None:
        return None
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(
            f"{key}: {value!r} is not a severity; use one of info, warning, error, off"
        ) from None


@frozen(kw_only=True)
class Profile:
    """Which rules apply, at what severity, and what makes a record fail.

    ``severities`` maps an issue code to its severity, or to ``None`` to turn
    the code off. A code it does not name keeps the severity its emitter
    gave it. Build one with :func:`~newsmeta.validate.get_profile` and :meth:`evolve`.
    """

    name: str = "default"
    require: tuple[str, ...] = field(default=(), converter=_strings)
    """Fields that must not be empty (``missing-required``)."""
    severities: Mapping[str, Severity | None] = field(factory=dict)
    fail_on: Severity = field(default=Severity.ERROR, converter=Severity)
    """A record fails when any issue is at least this severe."""
    crawl_date: dt.datetime | None = None
    """Reference for ``future-date``; ``None`` means the time of validation."""
    site_names: tuple[str, ...] = field(default=(), converter=_strings)
    """Names an author must not be (besides the publisher's and the URL's host)."""

    def severity(self, code: str, emitted: Severity) -> Severity | None:
        """The severity ``code`` gets under this profile (``None``: off)."""
        return self.severities.get(code, emitted)

    def evolve(
        self,
        *,
        name: str | None = None,
        require: Iterable[str] | None = None,
        severities: Mapping[str, str | Severity | None] | None = None,
        fail_on: str | Severity | None = None,
        crawl_date: dt.datetime | None = None,
        site_names: Iterable[str] | None = None,
    ) -> Profile:
        """A copy with some settings changed; ``severities`` are merged in.

        Codes and field names are checked: a wrong one raises
        :class:`~newsmeta.errors.ConfigError` naming it.
        """
        merged = dict(self.severities)
        for code, sev in (severities or {}).items():
            check_code(code, "severity")
            merged[code] = _severity_or_off(sev, f"severity for {code}")
        req = self.require
        if require is not None:
            req = tuple(require)
            for f in req:
                check_field(f, "require")
        fo = self.fail_on
        if fail_on is not None:
            fo_sev = _severity_or_off(fail_on, "fail-on")
            if fo_sev is None:
                raise ConfigError("fail-on: 'off' is not allowed; use info, warning or error")
            fo = fo_sev
        if crawl_date is not None and crawl_date.tzinfo is None:
            raise ConfigError(f"crawl-date: {crawl_date.isoformat()} needs a UTC offset")
        return attrs.evolve(
            self,
            name=name or self.name,
            require=req,
            severities=merged,
            fail_on=fo,
            crawl_date=crawl_date if crawl_date is not None else self.crawl_date,
            site_names=tuple(site_names) if site_names is not None else self.site_names,
        )


def check_code(code: str, key: str) -> str:
    """``code`` if it is a known issue code, else a :class:`ConfigError` naming ``key``."""
    if code not in ISSUE_CODES:
        raise ConfigError(
            f"{key}: unknown issue code {code!r}; known codes are listed in docs/issues.md"
        )
    return code


def check_field(name: str, key: str) -> str:
    if name not in REQUIRABLE:
        raise ConfigError(f"{key}: unknown field {name!r}; one of: {', '.join(REQUIRABLE)}")
    return name


def _sev(name: str) -> Severity:
    return Severity(name)


#: The lenient default: only what makes a record unusable is an error.
DEFAULT = Profile(
    name="default",
    require=("url", "title"),
    severities={
        code: _sev(row.default) for code, row in ISSUE_CODES.items() if "validate" in row.emitted_by
    },
)

#: For loading into a store that must be clean: more required fields, most
#: findings are errors.
STRICT = Profile(
    name="strict",
    # Not language: aggregator items (NewsAPI) never carry one; add it with --require.
    require=("url", "title", "published"),
    severities={code: _sev(row.strict or row.default) for code, row in ISSUE_CODES.items()},
)

PROFILES: dict[str, Profile] = {"default": DEFAULT, "strict": STRICT}

#: Each code's severity when a profile does not set it.
_DEFAULT_SEVERITY: dict[str, Severity] = {c: _sev(r.default) for c, r in ISSUE_CODES.items()}


def get_profile(profile: str | Profile | None = None) -> Profile:
    """A profile by name (``default``, ``strict``), or the one given."""
    if profile is None:
        return DEFAULT
    if isinstance(profile, Profile):
        return profile
    try:
        return PROFILES[profile]
    except KeyError:
        raise ConfigError(
            f"profile: unknown profile {profile!r}; one of: {', '.join(PROFILES)}"
        ) from None


# --------------------------------------------------------------------------- rules


class Finding(NamedTuple):
    code: str
    field: str | None
    message: str


class Context(NamedTuple):
    profile: Profile
    now: dt.datetime


Rule = Callable[[Article, Context], Iterator[Finding]]


def _empty(value: object) -> bool:
    return value is None or value == "" or value == ()


def _get(record: Article, path: str) -> object:
    value: object = record
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def rule_required(record: Article, ctx: Context) -> Iterator[Finding]:
    for name in ctx.profile.require:
        if _empty(_get(record, name)):
            yield Finding("missing-required", name, f"{name} is required but empty")


def _texts(record: Article) -> Iterator[tuple[str, str]]:
    """``(field path, text)`` for every free-text value in a record."""
    for name in ("title", "description", "body", "section", "url", "og_image"):
        v = getattr(record, name)
        if v:
            yield name, v
    for i, t in enumerate(record.tags):
        yield f"tags[{i}]", t
    for i, k in enumerate(record.keywords):
        yield f"keywords[{i}]", k
    for i, p in enumerate(record.authors):
        yield f"authors[{i}]", p.name
    if record.publisher is not None and record.publisher.name:
        yield "publisher.name", record.publisher.name


def _xpathish(expr: str) -> bool:
    """More than a path: a predicate, an attribute, a function or a document path.
    ``/news/a.html`` is valid XPath too, but it is a relative URL."""
    return expr.startswith(("/html", "//")) or any(c in expr for c in "[@(")


def rule_placeholders(record: Article, ctx: Context) -> Iterator[Finding]:
    # A placeholder filled from its page (fill_placeholders) is resolved, not a leak.
    open_ = [p for p in record.placeholders if not p.filled]
    if open_:
        fields = ", ".join(p.field or p.xpath for p in open_)
        yield Finding(
            "placeholder-leak",
            "placeholders",
            f"{len(open_)} unresolved XPath template(s) in the input: {fields}",
        )
    for path, text in _texts(record):
        marker = find_template_marker(text)
        if marker is None and "/" in text[:3]:
            found = find_placeholders(text)
            marker = found[0].xpath if found and _xpathish(found[0].xpath) else None
        if marker is None and "/html/" in text:
            i = text.index("/html/")
            found = find_placeholders(text[i:].split(None, 1)[0])
            marker = found[0].xpath if found else None
        if marker is not None:
            yield Finding("placeholder-leak", path, f"{path} holds a template: {marker[:100]!r}")


def rule_truncated(record: Article, ctx: Context) -> Iterator[Finding]:
    if record.truncation is not None:
        n = record.truncation.missing_chars
        yield Finding(
            "truncated",
            "truncation",
            "the input was cut short" + (f": {n:,} characters missing" if n is not None else ""),
        )
    for name in ("title", "description", "body"):
        text = getattr(record, name)
        if text and truncation_marker(text) is not None:
            yield Finding("truncated", name, f"{name} ends in a truncation marker")


def rule_letters_stripped(record: Article, ctx: Context) -> Iterator[Finding]:
    for name in ("title", "description", "body"):
        text = getattr(record, name)
        if not text:
            continue
        # Only lines without a letter: has_letters stops at the first letter, so
        # prose costs almost nothing (the partial-stripping scars are the
        # adapters' job, where the raw input is).
        bad = [
            line
            for line in text.splitlines()
            if not has_letters(line) and looks_letter_stripped(line)
        ]
        if bad:
            yield Finding(
                "letters-stripped",
                name,
                f"{name}: {len(bad)} line(s) with only punctuation left, e.g. {bad[0].strip()[:60]!r}",
            )


_DATETIME_FIELDS = ("published", "created", "modified")


def rule_dates(record: Article, ctx: Context) -> Iterator[Finding]:
    pub, mod = record.published, record.modified
    if pub is not None and mod is not None and mod < pub:
        yield Finding(
            "modified-before-published",
            "modified",
            f"modified {mod.isoformat()} is before published {pub.isoformat()}",
        )
    limit = ctx.now + dt.timedelta(seconds=FUTURE_TOLERANCE_SECONDS)
    for name in _DATETIME_FIELDS:
        value = getattr(record, name)
        if value is None:
            continue
        if value > limit:
            yield Finding(
                "future-date",
                name,
                f"{name} {value.isoformat()} is after the crawl date {ctx.now.isoformat()}",
            )
        offset = value.utcoffset()
        if offset is not None:
            minutes = offset.total_seconds() / 60
            if abs(minutes) > MAX_UTC_OFFSET_MINUTES or minutes % UTC_OFFSET_STEP_MINUTES:
                yield Finding(
                    "impossible-timezone",
                    name,
                    f"{name} has UTC offset {value.strftime('%z')}, which no place uses",
                )
    if record.date is not None and record.date > limit.date():
        yield Finding(
            "future-date", "date", f"date {record.date.isoformat()} is after the crawl date"
        )
    if record.copyright_year is not None and record.copyright_year > limit.year:
        yield Finding(
            "future-date",
            "copyright_year",
            f"copyright year {record.copyright_year} is after the crawl date",
        )


def _urls(record: Article) -> Iterator[tuple[str, str]]:
    for name in ("url", "og_image"):
        v = getattr(record, name)
        if v is not None:
            yield name, v
    for path, img in _images(record):
        if img.url is not None:
            yield f"{path}.url", img.url
    for i, p in enumerate(record.authors):
        if p.url is not None:
            yield f"authors[{i}].url", p.url
    if record.publisher is not None and record.publisher.url is not None:
        yield "publisher.url", record.publisher.url


def rule_contacts(record: Article, ctx: Context) -> Iterator[Finding]:
    for path, url in _urls(record):
        if not is_url(url):
            yield Finding(
                "invalid-url", path, f"{path} is not an absolute http(s) URL: {url[:100]!r}"
            )
    pub = record.publisher
    if pub is not None and pub.email is not None and not is_email(pub.email):
        yield Finding(
            "invalid-email", "publisher.email", f"{pub.email[:100]!r} is not an email address"
        )
    if pub is not None and pub.telephone is not None:
        tel = pub.telephone
        if normalize_phone(tel) != tel:
            yield Finding(
                "invalid-phone",
                "publisher.telephone",
                f"{tel[:40]!r} is not a possible telephone number in E.164 form",
            )
    if record.language is not None:
        tag, note = normalize_language(record.language)
        if tag != record.language or note:
            why = note or (f"normalises to {tag!r}" if tag else "not a language tag")
            yield Finding(
                "invalid-language", "language", f"{record.language[:20]!r} is not valid: {why}"
            )


def rule_keywords(record: Article, ctx: Context) -> Iterator[Finding]:
    if not record.tags or not record.keywords:
        return
    tags = {t.casefold() for t in record.tags}
    kws = {k.casefold() for k in record.keywords}
    if tags == kws:
        return
    parts = []
    if tags - kws:
        parts.append(f"tags not in keywords: {sorted(tags - kws)[:5]}")
    if kws - tags:
        parts.append(f"keywords not in tags: {sorted(kws - tags)[:5]}")
    yield Finding("keywords-mismatch", "keywords", "; ".join(parts))


def rule_conflicts(record: Article, ctx: Context) -> Iterator[Finding]:
    """Repeated blocks that disagree: one image URL with two sizes, one author twice."""
    seen: dict[str, tuple[str, Image]] = {}
    for path, img in _images(record):
        if img.url is None:
            continue
        if img.url in seen:
            first_path, first = seen[img.url]
            a, b = (first.width, first.height), (img.width, img.height)
            if None not in a and None not in b and a != b:
                yield Finding(
                    "conflicting-values",
                    path,
                    f"{path} and {first_path} are one image with two sizes: {a} and {b}",
                )
        else:
            seen[img.url] = (path, img)
    names: dict[str, int] = {}
    for i, p in enumerate(record.authors):
        key = " ".join(p.name.split()).casefold()
        if key in names:
            j = names[key]
            yield Finding(
                "conflicting-values",
                f"authors[{i}]",
                f"authors[{j}] and authors[{i}] are both {p.name!r} with different details",
            )
        else:
            names[key] = i


def _images(record: Article) -> Iterator[tuple[str, Image]]:
    for i, img in enumerate(record.images):
        yield f"images[{i}]", img
    if record.publisher is not None and record.publisher.logo is not None:
        yield "publisher.logo", record.publisher.logo
    for i, p in enumerate(record.authors):
        if p.avatar is not None:
            yield f"authors[{i}].avatar", p.avatar


def rule_images(record: Article, ctx: Context) -> Iterator[Finding]:
    for path, img in _images(record):
        if not img.url:
            size = f" ({img.width}x{img.height})" if img.width or img.height else ""
            yield Finding("image-missing-url", path, f"{path} has no URL{size}")
        for side in ("width", "height"):
            v = getattr(img, side)
            if v is not None and not 0 < v <= MAX_IMAGE_SIDE:
                yield Finding("impossible-image-size", f"{path}.{side}", f"{path} has {side} {v}")


_DATEISH = re.compile(
    r"""
    \d{1,4}[-./]\d{1,2}[-./]\d{1,4}   # 2022-01-07, 07.01.2022, 1/7/22
    | \d{1,2}:\d{2}                   # a clock time
    """,
    re.VERBOSE | re.ASCII,
)
_NON_ALNUM = re.compile(r"[\W_]+")


def _site_names(record: Article, profile: Profile) -> frozenset[str]:
    """The site's own names as keys: configured ones and the URL's host and labels
    (the same reader the adapters strip titles by)."""
    return site_keys(profile.site_names, record.url)


#: Words that make a name an outlet's rather than a person's ("Sputnik International").
_OUTLET_WORDS = frozenset(
    [
        "news",
        "today",
        "times",
        "post",
        "daily",
        "weekly",
        "international",
        "tv",
        "radio",
        "sport",
        "sports",
        "press",
        "media",
        "online",
        "journal",
        "herald",
        "tribune",
        "gazette",
        "magazine",
        "network",
        "channel",
        "agency",
        "desk",
        "staff",
        "editorial",
        "team",
        "digital",
        "world",
        "global",
        "review",
        "report",
        "wire",
        "zeitung",
        "presse",
        "nachrichten",
        "noticias",
        "diario",
        "giornale",
        "gazeta",
        "novosti",
        "vesti",
        "info",
        "portal",
        "live",
    ]
)


def _personal(name: str) -> bool:
    """Two to four capitalised words and no outlet word: a person who may be the publisher
    (a personal blog), not a site's name given as an author."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and looks_like_name(name)
        and not any(w.casefold().strip(".") in _OUTLET_WORDS for w in words)
    )


def rule_authors(record: Article, ctx: Context) -> Iterator[Finding]:
    if not record.authors:
        return
    sites: frozenset[str] | None = None
    publisher = record.publisher.name if record.publisher is not None else None
    publisher_key = site_key(publisher) if publisher else None
    for i, p in enumerate(record.authors):
        name = p.name.strip()
        why = None
        if parse_date(name) or parse_datetime(name) or _DATEISH.search(name):
            why = "a date"
        elif is_url(name) or "://" in name or name.lower().startswith("www."):
            why = "a URL"
        elif is_email(name):
            why = "an email address"
        else:
            if sites is None:
                sites = _site_names(record, ctx.profile)
            key = site_key(name)
            if key and key in sites:
                why = "the site's name"
            elif key and key == publisher_key and not _personal(name):
                why = "the publisher's name"
        if why:
            yield Finding(
                "suspicious-author", f"authors[{i}]", f"author {name[:80]!r} looks like {why}"
            )


def rule_page_kind(record: Article, ctx: Context) -> Iterator[Finding]:
    """A record read from a page that says it is not an article."""
    kind = record.page_kind
    if kind is not None and kind != "article":
        yield Finding("not-an-article", "page_kind", f"the page is a {kind} page, not an article")


#: Every rule, in the order their issues are listed.
RULES: tuple[Rule, ...] = (
    rule_required,
    rule_placeholders,
    rule_truncated,
    rule_letters_stripped,
    rule_dates,
    rule_contacts,
    rule_keywords,
    rule_conflicts,
    rule_images,
    rule_authors,
    rule_page_kind,
)


def _location(record: Article, field_path: str | None) -> Location:
    if field_path:
        prov = record.provenance.get(field_path)
        if prov is None and "." in field_path:
            prov = record.provenance.get(field_path.split(".", 1)[0])
        if prov is not None:
            return prov.location
    return Location()


def validate(
    record: Article,
    profile: str | Profile | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[Issue]:
    """The issues that count for ``record`` under ``profile``, worst first.

    These are the record's own issues (from its adapter and the resolver),
    regraded by the profile, plus what the validation rules find. Codes the
    profile turns off are left out. The reference for future dates is the
    profile's ``crawl_date``, else the record's ``fetched`` time (a WARC
    record's ``WARC-Date``), else ``now``, else the current time.
    """
    check_argument("record", record, Article, optional=False)
    check_argument("now", now, dt.datetime)
    prof = get_profile(profile)
    ref = prof.crawl_date or record.fetched or now or dt.datetime.now(dt.timezone.utc)
    ctx = Context(prof, ref)
    out: list[Issue] = []
    seen: set[tuple[str, str | None]] = set()
    for issue in record.issues:
        sev = prof.severity(issue.code, issue.severity)
        if sev is None:
            continue
        seen.add((issue.code, issue.field))
        out.append(issue if sev is issue.severity else attrs.evolve(issue, severity=sev))
    for rule in RULES:
        for code, field_path, message in rule(record, ctx):
            sev = prof.severity(code, _DEFAULT_SEVERITY[code])
            if sev is None or (code, field_path) in seen:
                continue
            seen.add((code, field_path))
            out.append(
                Issue(
                    code=code,
                    severity=sev,
                    message=message,
                    field=field_path,
                    location=_location(record, field_path),
                )
            )
    out.sort(key=lambda i: -i.severity.rank)  # stable: same severity keeps rule order
    return out


def fails(issues: Iterable[Issue], profile: str | Profile | None = None) -> bool:
    """Does a record with these issues fail ``profile`` (any issue at ``fail_on`` or worse)?"""
    threshold = get_profile(profile).fail_on.rank
    return any(i.severity.rank >= threshold for i in issues)
