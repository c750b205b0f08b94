"""Records back to a flattened dump: the inverse of the flat adapter.

Strategy: write the blocks in the order of the seed layout
(``docs/formats.md``), one value per line, blank lines between. Values are
written from the record, not from provenance, so ``parse(to_dump(a))``
recovers ``a``'s fields whenever ``a`` could have come from a dump. The body's
paragraphs are glued back together the way scrapers glue them
(``warning.According``); the flat adapter splits them again.
"""

from __future__ import annotations

import datetime as dt
import itertools

from newsmeta.errors import check_argument
from newsmeta.recognizers.shapes import is_tag_like, split_glued
from newsmeta.recognizers.urls import is_image_url, size_from_url
from newsmeta.records import Article, Image, Organization, Person
from newsmeta.settings import MIN_BODY_CHARS

__all__ = ["blocks", "dump_losses", "format_datetime", "to_dump"]


def format_datetime(value: dt.datetime) -> str:
    """The dump's datetime form: ``2022-01-07T08:36+0000`` (seconds only when set)."""
    fmt = "%Y-%m-%dT%H:%M:%S%z" if value.second or value.microsecond else "%Y-%m-%dT%H:%M%z"
    return value.strftime(fmt)


def _contact(org: Organization) -> str | None:
    if not org.email:
        return None  # the layout's contact line is anchored on its email address
    parts = [org.name, org.email, org.telephone, org.legal_name]
    logo = org.logo
    if logo is not None:
        parts.append(logo.url)
        if logo.width is not None and logo.height is not None:
            parts += [str(logo.width), str(logo.height)]
    return " ".join(p for p in parts if p)


def _person(p: Person) -> str | None:
    if p.avatar is None or not p.avatar.url:
        return None
    return f"{p.name} {p.avatar.url}"


def _image(img: Image) -> str | None:
    if img.url:
        return img.url
    if img.width is None or img.height is None:
        return None
    return f"{img.width} {img.height} {'true' if img.representative else 'false'}"


def blocks(article: Article) -> list[tuple[str, str]]:
    """The dump's blocks for ``article`` as ``(field, text)`` pairs, in layout order.

    ``field`` names the record field a block carries (``"tags"`` for each tag line);
    tests drop and reorder blocks by it.
    """
    check_argument("article", article, Article, optional=False)
    out: list[tuple[str, str]] = []
    if article.url and article.date:
        out.append(("url", f" date {article.date.isoformat()} {article.url}"))
    elif article.url:
        out.append(("url", article.url))
    if article.title:
        out.append(("title", article.title))
    if article.description:
        out.append(("description", article.description))
    for name, when in (
        ("published", article.published),
        ("created", article.created),
        ("modified", article.modified),
    ):
        if when is not None:
            out.append((name, format_datetime(when)))
    out.extend(("tags", tag) for tag in article.tags)
    live = [p.xpath for p in article.placeholders if not p.truncated]
    if live:
        out.append(("placeholders", " ".join(live)))
    if article.og_image:
        out.append(("og_image", article.og_image))
    if article.body:
        out.append(("body", "".join(article.body.split("\n\n"))))
    for i, group in enumerate(article.other_tag_groups):
        out.extend((f"other_tag_groups[{i}]", tag) for tag in group)
    if article.publisher is not None:
        contact = _contact(article.publisher)
        if contact:
            out.append(("publisher", contact))
    if article.copyright_year is not None:
        out.append(("copyright_year", str(article.copyright_year)))
    for i, person in enumerate(article.authors):
        line = _person(person)
        if line:
            out.append((f"authors[{i}]", line))
    if article.section:
        out.append(("section", article.section))
    if article.language:
        raw = article.provenance.get("language")
        out.append(("language", raw.raw if raw is not None else article.language))
    for i, img in enumerate(article.images):
        line = _image(img)
        if line:
            out.append((f"images[{i}]", line))
    if article.keywords:
        out.append(("keywords", ", ".join(article.keywords)))
    if article.truncation is not None:
        out.append(("truncation", (article.truncation.partial or "") + article.truncation.marker))
    return out


def to_dump(article: Article, *, separator: str = "\n\n") -> str:
    """Render ``article`` as a flattened dump (blank-line separated by default)."""
    return separator.join(text for _field, text in blocks(article))


#: Block fields whose lines are short labels: two of them side by side read as one run.
_LABEL_FIELDS = frozenset({"tags", "other_tag_groups", "section"})
#: Blocks that open a dump's trailer, after which a lone capitalised label is the section.
_TRAILER_FIELDS = frozenset({"publisher", "copyright_year", "authors"})
#: Blocks that end a dump's head, where the title is looked for.
_HEAD_END = (
    frozenset({"published", "created", "modified", "placeholders", "og_image", "keywords"})
    | _TRAILER_FIELDS
)
#: Which dates the layout can say, by position (``docs/formats.md``).
_DATE_SETS: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({"published"}),
    frozenset({"published", "modified"}),
    frozenset({"published", "created", "modified"}),
)


def dump_losses(article: Article) -> tuple[str, ...]:
    """Fields the dump layout cannot carry for ``article``: ``parse(to_dump(a))``
    gives back every field of ``a`` except these (and never ``unrecognised``,
    ``issues`` or ``provenance``, which describe an input, not the article).

    Each rule is one of the layout's ambiguities (``docs/formats.md``).

    >>> dump_losses(Article(url="https://example.com/a", section="News"))
    ('section',)
    """

    lost: list[str] = []
    if article.page_kind is not None:
        lost.append("page_kind")  # a dump has no line that says what kind of page it was
    seq = [f.split("[")[0] for f, _t in blocks(article)]
    # Label blocks of two fields side by side merge into one run.
    for a, b in itertools.pairwise(seq):
        if a != b and a in _LABEL_FIELDS and b in _LABEL_FIELDS:
            lost += [a, b]
    if len(article.other_tag_groups) > 1 or (article.other_tag_groups and not article.tags):
        lost.append("other_tag_groups")
    if article.section and (
        not article.section[:1].isupper() or not _TRAILER_FIELDS & set(seq[: seq.index("section")])
    ):
        lost.append("section")
    body_len = len(article.body.replace("\n\n", "")) if article.body else 0
    if article.body and (
        body_len < MIN_BODY_CHARS
        or split_glued(article.body.replace("\n\n", "")) != article.body.split("\n\n")
    ):
        lost.append("body")  # too short to be the body, or a paragraph join glue cannot mark
    if not article.title:
        # With no title, the first capitalised label of the head reads as the title.
        for name in seq[: next((i for i, f in enumerate(seq) if f in _HEAD_END), len(seq))]:
            values: tuple[str, ...] = article.tags if name == "tags" else ()
            if name == "other_tag_groups":
                values = tuple(t for g in article.other_tag_groups for t in g)
            if any(not v[:1].islower() for v in values):
                lost.append(name)
    if article.title:
        # A label equal to the title reads as the title written again.
        key = " ".join(article.title.split()).casefold()
        if any(" ".join(t.split()).casefold() == key for t in article.tags):
            lost.append("tags")
    for name in ("title", "description"):
        value = getattr(article, name)
        if not value:
            continue
        sentence = value[-1] in ".!?"
        label = is_tag_like(value)
        if len(value) >= max(MIN_BODY_CHARS, body_len):
            lost.append(name)  # reads as the body
        elif name == "title" and (sentence or (label and value[0].islower())):
            lost.append(name)  # reads as a description or a tag
        elif name == "description" and (label or (not article.title and not sentence)):
            lost.append(name)  # reads as a tag or the title
    if "description" in seq and seq[seq.index("description") + 1 :][:1] == ["body"]:
        lost.append("description")  # prose next to the body joins it
    dates = frozenset(n for n in ("published", "created", "modified") if getattr(article, n))
    if dates not in _DATE_SETS:
        lost += sorted(dates)
    if article.date and not article.url:
        lost.append("date")
    if article.url and not article.date and is_image_url(article.url):
        lost.append("url")
    if article.og_image and not is_image_url(article.og_image):
        lost.append("og_image")
    if len(article.keywords) == 1:
        lost.append("keywords")
    for i, img in enumerate(article.images):
        if _image_lost(img, first=i == 0, og_image=article.og_image):
            lost.append(f"images[{i}]")
    for i, p in enumerate(article.authors):
        avatar = p.avatar
        if p.url or avatar is None or not avatar.url or not _sized_by_url(avatar, avatar.url):
            lost.append(f"authors[{i}]")
    org = article.publisher
    if org is not None and (not org.email or org.url):
        lost.append("publisher")
    if article.language:
        raw = article.provenance.get("language")
        shown = raw.raw if raw is not None else article.language
        if "_" not in shown and "-" not in shown:
            lost.append("language")  # a bare "en" line is a label
    return tuple(dict.fromkeys(lost))


def _sized_by_url(img: Image, url: str) -> bool:
    """A URL-only line carries the size its URL encodes, and no other."""

    return (img.width, img.height) == (size_from_url(url) or (None, None))


def _image_lost(img: Image, *, first: bool, og_image: str | None) -> bool:

    if img.caption or img.credit:
        return True
    if img.url is None:
        return None in (img.width, img.height)  # a size line needs both numbers
    # An image URL line is an image only after the og:image, and carries no other size.
    return not is_image_url(img.url) or not _sized_by_url(img, img.url) or (first and not og_image)
