"""schema.org objects (from JSON-LD or microdata) to candidates.

Strategy: both syntaxes are first turned into the same plain shape, dicts
with ``@type`` and property lists, so one mapper serves both. All objects in
a document are collected with their paths (``@graph`` members, array items,
nested values); ``@id`` references are resolved against that index. The
page's *own* object (:func:`_main`) is the first top-level article object
(``NewsArticle``, ``BlogPosting``...), else one a top-level object names as
its ``mainEntity``, else the page's subject of another kind (a review, a
recipe, an event, a product...) where ``og:type`` allows; its type gives the
page kind. A video beside an article is embedded, not the article: its values
are fallbacks. Page-typed objects (``WebPage``) and a top-level
``Organization`` give weaker candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsmeta._kit import FieldName
from newsmeta.adapters._html.names import (
    ARTICLE_TYPES,
    MEDIA_KINDS,
    ORGANIZATION_TYPES,
    PAGE_TYPE_KINDS,
    PAGE_TYPES,
    PERSON_TYPES,
    RANK,
    SUBJECT_KINDS,
    WEAK,
)
from newsmeta.adapters._html.page import Page, clean_text, to_int
from newsmeta.recognizers.contacts import is_email, normalize_phone
from newsmeta.records import Image, Organization

__all__ = ["SchemaObject", "collect", "map_objects", "set_aside_fallbacks", "types_of"]

#: Deepest nesting walked in one JSON-LD script or microdata item.
MAX_DEPTH = 24
#: Most objects collected from one page.
MAX_OBJECTS = 2000

SchemaObject = dict[str, object]


def types_of(obj: SchemaObject) -> set[str]:
    """``@type`` as short names: ``schema:NewsArticle``, ``http://schema.org/NewsArticle`` → ``NewsArticle``."""
    raw = obj.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    out: set[str] = set()
    for t in items:
        if isinstance(t, str) and t:
            out.add(t.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].rsplit("#", 1)[-1])
    return out


def collect(
    data: object, path: str, depth: int = 0, top: bool = True
) -> Iterator[tuple[SchemaObject, str, bool]]:
    """Every dict in ``data`` with its path and whether it is top-level
    (the script itself, an array item of it, or a ``@graph`` member)."""
    if depth > MAX_DEPTH:
        return
    if isinstance(data, dict):
        yield data, path, top
        for key, value in data.items():
            if isinstance(value, (dict, list)):
                yield from collect(value, f"{path}.{key}", depth + 1, top and key == "@graph")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, (dict, list)):
                yield from collect(value, f"{path}[{i}]", depth + 1, top)


def _first(value: object) -> object:
    """The first item of a list, or the value itself."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text_of(value: object) -> str | None:
    """A string value, or the ``name``/``@value`` of an object."""
    value = _first(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("@value", "name", "text"):
            inner = value.get(key)
            if isinstance(inner, str):
                return inner
    return None


class _Mapper:
    def __init__(
        self, page: Page, syntax: str, objects: list[tuple[SchemaObject, str, bool]]
    ) -> None:
        self.page = page
        self.syntax = syntax
        self.objects = objects
        self.by_id: dict[str, SchemaObject] = {}
        for obj, _path, _top in objects:
            ident = obj.get("@id")
            if isinstance(ident, str) and len(obj) > 1 and ident not in self.by_id:
                self.by_id[ident] = obj

    def deref(self, value: object) -> object:
        """Follow an ``{"@id": ...}`` reference to its object."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            ident = value.get("@id")
            if isinstance(ident, str):
                return self.by_id.get(ident, value)
        return value

    def run(self) -> None:
        p = self.page
        strong = RANK[self.syntax]
        weak = RANK["jsonld-other"]
        main = _main(self.objects, p.og_kind)
        kind = None
        if main is not None:
            obj, path, kind = main
            if p.main_kind == "article" and kind != "article":
                # JSON-LD named the article; a microdata review or product is another object.
                self.article(obj, path, RANK["jsonld-embedded"])
                main, kind = None, None
            else:
                p.main_kind = kind
                self.kind(kind, obj, path, strong)
                self.article(obj, path, strong)
                if kind == "article" and "keywords" not in obj:
                    self.recipe_tags()
        else:
            media = _first_of(self.objects, MEDIA_KINDS)
            if media is not None:
                obj, path, media_kind = media
                if p.og_kind in (None, media_kind) and p.main_kind is None:
                    kind = p.main_kind = media_kind  # a video page: the video is its subject
                    self.kind(kind, obj, path, strong)
                    self.article(obj, path, strong)
                else:  # a video embedded in an article: not the article's own object
                    self.article(obj, path, RANK["jsonld-embedded"])
        page_obj = _pick(self.objects, PAGE_TYPES)
        if page_obj is not None and (main is None or page_obj[0] is not main[0]):
            self.article(page_obj[0], page_obj[1], weak)
        if kind is None and p.main_kind is None and p.og_kind != "article":
            listing = _first_of(self.objects, PAGE_TYPE_KINDS)
            if listing is not None:
                self.kind(listing[2], listing[0], listing[1], weak)
        if main is None or "publisher" not in main[0]:
            org = _pick(self.objects, ORGANIZATION_TYPES, top_only=True)
            if org is not None:
                self.publisher(org[0], org[1], weak)

    def recipe_tags(self) -> None:
        """A recipe blog's post: the article object names no keywords, the
        ``Recipe`` it holds does (its tags: dish, cuisine, occasion); they
        are the post's tags, weaker than any the article gives."""
        recipe = _first_of(self.objects, _RECIPE_KINDS)
        if recipe is not None:
            obj, path, _kind = recipe
            self.page.tags("tags", obj.get("keywords"), f"{path}.keywords", RANK["jsonld-embedded"])

    def kind(self, kind: str, obj: SchemaObject, path: str, rank: int) -> None:
        """The page kind the main object's type says."""
        raw = obj.get("@type")
        shown = ", ".join(t for t in raw if isinstance(t, str)) if isinstance(raw, list) else raw
        self.page.kind(kind, shown if isinstance(shown, str) else kind, f"{path}.@type", rank)

    def article(self, obj: SchemaObject, path: str, rank: int) -> None:
        p = self.page
        # The publisher first: its name helps clean the title and the authors.
        if "publisher" in obj:
            pub = self.deref(_first(obj["publisher"]))
            if isinstance(pub, dict):
                self.publisher(pub, f"{path}.publisher", rank)
            elif isinstance(pub, str):
                p.publisher(Organization(name=clean_text(pub)), pub, f"{path}.publisher", rank)
        if rank == RANK["jsonld-other"] and path != ORPHAN_PATH:
            # The WebPage around the article names the page (often the site), not the article.
            title_rank = RANK["og"] + 2
        else:
            title_rank = rank
        headline = _text_of(obj.get("headline"))
        if headline:
            p.title(headline, f"{path}.headline", title_rank)
        else:
            name = _text_of(obj.get("name"))
            if name:
                # An orphan ``itemprop="name"`` (no item around it) names anything on
                # the page (an author card, a product): a fallback after the meta tags.
                name_rank = RANK["orphan-name"] if path == ORPHAN_PATH else title_rank + 1
                p.title(name, f"{path}.name", name_rank)
        p.text(
            "description", _text_of(obj.get("description")), f"{path}.description", RANK["og"] + 1
        )
        dates: tuple[tuple[str, FieldName], ...] = (
            ("datePublished", "published"),
            ("dateCreated", "created"),
            ("dateModified", "modified"),
        )
        for key, name in dates:
            p.when(name, _text_of(obj.get(key)), f"{path}.{key}", rank)
        authors: list[tuple[str, str | None]] = []
        persons = True
        for key in ("author", "creator"):
            # An Organization as the author (an agency, the newsroom): the
            # answer when no source names a person (Page.authors ranks it so).
            orgs: list[tuple[str, str | None]] = []
            for a in _as_list(obj.get(key)):
                a = self.deref(a)
                if isinstance(a, str):
                    authors.append((a, None))
                    persons = False
                elif isinstance(a, dict):
                    types = types_of(a)
                    name = _text_of(a.get("name"))
                    if types & ORGANIZATION_TYPES and not types & PERSON_TYPES:
                        if name:
                            orgs.append((name, _text_of(a.get("url"))))
                        continue
                    persons = persons and bool(types & PERSON_TYPES)
                    if name is None and isinstance(a.get("givenName"), str):
                        name = f"{a['givenName']} {a.get('familyName') or ''}".strip()
                    if name:
                        url = _text_of(a.get("url"))
                        authors.append((name, url))
            if orgs:
                p.authors(orgs, f"{path}.{key}", rank, organisation=True)
            if authors:
                p.authors(authors, f"{path}.{key}", rank, persons=persons)
            if authors or orgs:
                break
        p.tags("tags", obj.get("keywords"), f"{path}.keywords", rank)
        section = obj.get("articleSection")
        p.text("section", _text_of(section), f"{path}.articleSection", rank)
        lang = obj.get("inLanguage")
        if isinstance(lang, dict):
            lang = lang.get("alternateName") or lang.get("name")
        p.language(_text_of(lang), f"{path}.inLanguage", rank + 2)
        for key in ("url", "mainEntityOfPage"):
            v = obj.get(key)
            if isinstance(v, dict):
                v = v.get("@id") or v.get("url")
            url = _text_of(v)
            if url and p.url("url", url, f"{path}.{key}", rank + 5):
                break
        first = True
        for key in ("image", "thumbnailUrl"):
            for i, img in enumerate(_as_list(obj.get(key))[:20]):
                self.image(self.deref(img), f"{path}.{key}[{i}]", rank, primary=first)
                first = False
        p.copyright_year(obj.get("copyrightYear"), f"{path}.copyrightYear", rank)

    def image(self, value: object, path: str, rank: int, *, primary: bool) -> None:
        if isinstance(value, str):
            self.page.image(value, path, rank, primary=primary)
        elif isinstance(value, dict):
            url = _text_of(value.get("url")) or _text_of(value.get("contentUrl"))
            if url:
                self.page.image(
                    url,
                    path,
                    rank,
                    width=_size(value.get("width")),
                    height=_size(value.get("height")),
                    caption=_text_of(value.get("caption")),
                    representative=value.get("representativeOfPage") in (True, "true", "True"),
                    primary=primary,
                )

    def publisher(self, obj: SchemaObject, path: str, rank: int) -> None:
        logo = self.deref(_first(obj.get("logo")))
        image = None
        if isinstance(logo, str):
            url = self.page.resolve_url(logo)
            image = Image(url=url) if url else None
        elif isinstance(logo, dict):
            raw = _text_of(logo.get("url")) or _text_of(logo.get("contentUrl"))
            url = self.page.resolve_url(raw) if raw else None
            if url:
                image = Image(
                    url=url,
                    width=to_int(_size(logo.get("width"))),
                    height=to_int(_size(logo.get("height"))),
                )
        email = _text_of(obj.get("email"))
        if email:
            email = email.removeprefix("mailto:").strip()
            if not is_email(email):
                email = None
        phone = _text_of(obj.get("telephone"))
        contact = self.deref(_first(obj.get("contactPoint")))
        if isinstance(contact, dict):
            phone = phone or _text_of(contact.get("telephone"))
            if not email:
                e = _text_of(contact.get("email"))
                email = (
                    e.removeprefix("mailto:").strip()
                    if e and is_email(e.removeprefix("mailto:").strip())
                    else None
                )
        url = _text_of(obj.get("url"))
        name = _text_of(obj.get("name"))
        legal = _text_of(obj.get("legalName"))
        org = Organization(
            name=clean_text(name) or None if name else None,
            legal_name=clean_text(legal) or None if legal else None,
            email=email or None,
            telephone=normalize_phone(phone) if phone else None,
            logo=image,
            url=self.page.resolve_url(url) if url else None,
        )
        self.page.publisher(org, name or legal or url or "", path, rank)


def _size(value: object) -> object:
    """Width or height: a number, a string, or a ``QuantitativeValue``."""
    if isinstance(value, dict):
        return value.get("value")
    return _first(value)


def _pick(
    objects: list[tuple[SchemaObject, str, bool]],
    wanted: frozenset[str],
    *,
    top_only: bool = False,
) -> tuple[SchemaObject, str] | None:
    """The first object of a wanted type, top-level ones first."""
    fallback = None
    for obj, path, top in objects:
        if types_of(obj) & wanted:
            if top:
                return obj, path
            if fallback is None and not top_only:
                fallback = (obj, path)
    return fallback


#: Keys that hold a page's own object inside another one (``WebPage.mainEntity``).
#: Objects nested under other keys are other things: a list's items, related
#: links, what a review reviews, an author.
_OWN_KEY = re.compile(r"\.(?:mainEntity|mainEntityOfPage)(?:\[\d+\])?$")


def _own(path: str, top: bool) -> bool:
    """Can the object at ``path`` be the page's own? Top-level ones can, and
    those a top-level object names as its ``mainEntity``."""
    return top or _OWN_KEY.search(path) is not None


#: Page kinds whose object can be an article page's own (``og:type`` article):
#: a review or a recipe is written like an article. An event or a product on
#: an article page is a sidebar's or an advertisement's.
ARTICLE_LIKE_KINDS = frozenset({"review", "recipe"})


def _main(
    objects: list[tuple[SchemaObject, str, bool]], og_kind: str | None
) -> tuple[SchemaObject, str, str] | None:
    """The page's own object and the page kind it makes, or ``None``.

    The first top-level article object, else the first one a top-level
    object names as its ``mainEntity``. Otherwise the first
    top-level subject that is not an article (a review, a recipe, an event, a
    product...), then a nested one; on a page whose ``og:type`` says article,
    only a review or a recipe (:data:`ARTICLE_LIKE_KINDS`), and a product
    whose one review the page is gives that review. Media objects are not
    considered here (:data:`MEDIA_KINDS`).
    """
    ranked: list[tuple[int, int, SchemaObject, str, str]] = []
    for n, (obj, path, top) in enumerate(objects):
        types = types_of(obj)
        if not types or not _own(path, top):
            continue
        if types & ARTICLE_TYPES:
            if top:
                return obj, path, "article"  # the best there can be: no need to look further
            ranked.append((1, n, obj, path, "article"))
            continue
        kind = next((SUBJECT_KINDS[t] for t in sorted(types) if t in SUBJECT_KINDS), None)
        tier = 2 if top else 3
        if kind == "product" and og_kind == "article":
            review = _first_review(obj.get("review"))
            if review is not None:  # an article page reviewing a product
                ranked.append((tier, n, review, f"{path}.review", "review"))
        elif kind is not None and (og_kind != "article" or kind in ARTICLE_LIKE_KINDS):
            ranked.append((tier, n, obj, path, kind))
    if not ranked:
        return None
    _tier, _n, obj, path, kind = min(ranked, key=lambda r: (r[0], r[1]))
    return obj, path, kind


def _first_review(value: object) -> SchemaObject | None:
    """The one review of a product (a list of several is readers' reviews)."""
    items = value if isinstance(value, list) else [value]
    if len(items) == 1 and isinstance(items[0], dict) and "Review" in types_of(items[0]):
        return items[0]
    return None


def _first_of(
    objects: list[tuple[SchemaObject, str, bool]], kinds: dict[str, str]
) -> tuple[SchemaObject, str, str] | None:
    """The first top-level object with a type in ``kinds``, and its kind."""
    for obj, path, top in objects:
        if top:
            for t in sorted(types_of(obj)):
                if t in kinds:
                    return obj, path, kinds[t]
    return None


#: A recipe's type, for :meth:`_Mapper.recipe_tags`.
_RECIPE_KINDS = {"Recipe": "recipe"}

#: The path of the untyped object gathered from orphan ``itemprop`` elements.
ORPHAN_PATH = "microdata[itemprop]"


def map_objects(page: Page, syntax: str, objects: list[tuple[SchemaObject, str, bool]]) -> None:
    """Add the candidates of one syntax's objects (``syntax`` is ``jsonld`` or ``microdata``)."""
    _Mapper(page, syntax, objects[:MAX_OBJECTS]).run()


#: Page kinds whose visible dates and names are someone else's: an event's
#: ``<time>`` is when it takes place, a listing's bylines are its teasers'.
#: (A product or FAQ page often reads like a blog post, dated and signed.)
UNDATED_KINDS = frozenset({"event", "listing"})
#: Fields whose fallbacks (visible text, ``<time>``) are set aside on other pages.
_TEXT_FIELDS = frozenset({"published", "created", "date", "authors"})


def set_aside_fallbacks(page: Page) -> None:
    """On a page that says it is an event or a listing (:data:`UNDATED_KINDS`), set aside what the fallbacks read off its text for the dates and
    the authors (a concert's ``<time>``, a teaser's byline): kept in
    ``unrecognised``, said in one ``not-an-article`` issue."""
    ex = page.ex
    kinds = [c for c in ex.candidates if c.field == "page_kind"]
    if not kinds:
        return
    best = min(kinds, key=lambda c: c.rank)
    if best.value not in UNDATED_KINDS:
        return
    aside = [c for c in ex.candidates if c.field in _TEXT_FIELDS and c.rank >= WEAK]
    if not aside:
        return
    dropped = {id(c) for c in aside}
    ex.candidates = [c for c in ex.candidates if id(c) not in dropped]
    for c in aside:
        ex.keep(c.provenance.raw, path=c.provenance.location.path)
    fields = sorted({c.field for c in aside})
    ex.issue(
        "not-an-article",
        f"the page is {_a(str(best.value))} page ({best.provenance.location.path}"
        f" {best.provenance.raw!r}); what its text gave for {', '.join(fields)} is not"
        " an article's: kept in unrecognised",
        field_name="page_kind",
        path=best.provenance.location.path,
    )


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"
