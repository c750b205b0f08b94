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

from newsmeta.records import Article, Image, Organization, Person

__all__ = ["blocks", "format_datetime", "to_dump"]


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
