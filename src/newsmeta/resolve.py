"""Candidates in, one :class:`~newsmeta.records.Article` out.

Strategy: adapters never build records. They report *candidates*: a field
name, a normalised value, its provenance and a rank (lower is stronger). One
resolver, shared by every adapter and by :func:`newsmeta.merge`, groups the
candidates per field and keeps the strongest; equal values seen again are
folded into the winner's provenance and noted as a repeat, different values
are kept as an :class:`~newsmeta.records.Issue`. Nothing an adapter saw is
lost: every candidate ends up in a field, in a provenance, or in an issue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from newsmeta._kit import Candidate, Extraction, FieldName
from newsmeta.recognizers.urls import is_tracking_pixel
from newsmeta.records import (
    Article,
    Image,
    Issue,
    Location,
    Person,
    Provenance,
    Severity,
    Unrecognised,
)

__all__ = ["SCALAR_FIELDS", "Candidate", "Extraction", "resolve"]

#: Fields holding one value; the strongest candidate wins.
SCALAR_FIELDS: tuple[FieldName, ...] = (
    "url",
    "page_kind",
    "title",
    "description",
    "date",
    "published",
    "created",
    "modified",
    "og_image",
    "body",
    "publisher",
    "section",
    "language",
    "copyright_year",
)
#: Scalar fields whose value is a record, merged attribute by attribute.
RECORD_FIELDS: frozenset[str] = frozenset({"publisher"})
#: Fields holding a list; candidates are collected, repeats folded.
LIST_FIELDS: tuple[FieldName, ...] = ("tags", "keywords", "images", "authors")

#: Two dates closer than this are the same date written twice (time zones,
#: rounding); further apart they are a conflict worth a person's attention.
DATE_TOLERANCE = dt.timedelta(days=1)


def _same(field_name: str, a: object, b: object) -> bool:
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a == b
    if isinstance(a, str) and isinstance(b, str) and field_name in ("title", "description"):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def same_key(field_name: str, value: object) -> object:
    """A key under which two values of ``field_name`` are the same value for the
    resolver (titles compare with case and spacing folded, people by name)."""
    if isinstance(value, str) and field_name in ("title", "description"):
        return " ".join(value.split()).casefold()
    if isinstance(value, Person):
        return _person_key(value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _minor(field_name: str, a: object, b: object) -> bool:
    """A difference too small to be a conflict (dates within a day)."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return abs(a - b) <= DATE_TOLERANCE
    return False


def _same_input(provs: Sequence[Provenance]) -> list[Provenance]:
    """The provenances from the first one's input: only those fold together.

    One adapter run has one input, so this keeps them all; when
    :func:`newsmeta.merge` resolves several records, line numbers of
    different inputs never mix and agreement between sources is no repeat.
    """
    first = provs[0].location.input
    return [p for p in provs if p.location.input == first]


def _fold(provs: Sequence[Provenance]) -> Provenance:
    """One provenance for a value seen several times: the first, with all lines."""
    provs = _same_input(provs)
    first = provs[0]
    if len(provs) == 1:
        return first
    # A dict keeps first-seen order and tests membership in O(1): linear in all lines.
    lines = dict.fromkeys(n for p in provs for n in p.location.lines)
    return Provenance(
        adapter=first.adapter, raw=first.raw, location=_with_lines(first.location, tuple(lines))
    )


def _with_lines(loc: Location, lines: tuple[int, ...]) -> Location:
    """``attrs.evolve(loc, lines=lines)``, without its per-call introspection."""
    return Location(lines=lines, path=loc.path, input=loc.input)


def _repeats(provs: Sequence[Provenance]) -> bool:
    return len(_same_input(provs)) > 1


def _repeat_issue(field_path: str, provs: Sequence[Provenance], what: str) -> Issue:
    provs = _same_input(provs)
    lines = tuple(n for p in provs for n in p.location.lines)
    return Issue(
        code="repeated-block",
        severity=Severity.INFO,
        message=f"{what} appears {len(provs)} times; kept once",
        field=field_path,
        location=_with_lines(provs[0].location, lines),
    )


def _conflict_issue(field_path: str, kept: Candidate, other: Candidate, minor: bool) -> Issue:
    code = "minor-disagreement" if minor else "conflicting-values"
    return Issue(
        code=code,
        severity=Severity.INFO if minor else Severity.WARNING,
        message=(
            f"{field_path}: kept {kept.provenance.raw!r} ({kept.provenance.adapter}"
            f" {kept.provenance.location}), another source says {other.provenance.raw!r}"
        ),
        field=field_path,
        location=other.provenance.location,
    )


def _merge_records(name: str, cands: Sequence[Candidate]) -> tuple[object, Provenance, list[Issue]]:
    """Merge record-valued candidates (a publisher seen in several blocks) field by field.

    Each attribute comes from the strongest candidate that has it; a different
    value in a weaker one is a conflict. Identical blocks are a repeat.
    """
    issues: list[Issue] = []
    first = cands[0].value
    cls = type(first)
    merged: dict[str, object] = {}
    for a_name in _field_names(cls):
        kept: Candidate | None = None
        for c in cands:
            v = getattr(c.value, a_name)
            if v in (None, (), ""):
                continue
            if kept is None:
                kept = c
                merged[a_name] = v
            elif v != merged[a_name]:
                issues.append(
                    Issue(
                        code="conflicting-values",
                        severity=Severity.WARNING,
                        message=(
                            f"{name}.{a_name}: kept {merged[a_name]!r}"
                            f" ({kept.provenance.location}), another block says {v!r}"
                        ),
                        field=f"{name}.{a_name}",
                        location=c.provenance.location,
                    )
                )
    value = cls(**merged)
    provs = [c.provenance for c in cands]
    repeats = [c.provenance for c in cands if c.value == first]
    if len(repeats) > 1 and _repeats(repeats):
        issues.append(_repeat_issue(name, repeats, name))
    # The raw text of the fullest block stands for the field; all lines are kept.
    fullest = max(cands, key=lambda c: len(c.provenance.raw))
    prov = _fold([fullest.provenance, *(p for p in provs if p is not fullest.provenance)])
    issues.extend(_other_paths(name, prov, provs, issues))
    return value, prov, issues


def _keep_folded(
    path: str,
    provs: Sequence[Provenance],
    what: str,
    provenance: dict[str, Provenance],
    issues: list[Issue],
) -> None:
    """One value seen in ``provs``: its folded provenance, a note if it repeats,
    and a note for each further path it came from."""
    if len(provs) == 1:  # the common case: one source, nothing to fold or note
        provenance[path] = provs[0]
        return
    provenance[path] = _fold(provs)
    if _repeats(provs):
        issues.append(_repeat_issue(path, provs, what))
    issues.extend(_other_paths(path, provenance[path], provs, issues))


def _other_paths(
    field_path: str, kept: Provenance, provs: Sequence[Provenance], said: Sequence[Issue]
) -> list[Issue]:
    """Notes for sources at other paths whose value was folded into ``kept``.

    A provenance holds one location, so where equal values came from several
    selector or JSON paths (``html[lang]`` and ``jsonld[0].inLanguage``), each
    path beyond the kept one is named by a ``repeated-block`` note: nothing read
    is dropped. Line-based inputs have no paths; their lines are already folded.
    """
    if all(p.location.path is None or p is kept for p in provs):
        return []  # line-based input, or one source: no other path to name
    named = {kept.location.path} | {i.location.path for i in said}
    out: list[Issue] = []
    for p in provs:
        path = p.location.path
        if path is None or path in named:
            continue
        named.add(path)
        out.append(
            Issue(
                code="repeated-block",
                severity=Severity.INFO,
                message=f"{field_path} also given at {path}: {p.raw[:80]!r}",
                field=field_path,
                location=p.location,
            )
        )
    return out


def _person_key(p: Person) -> str:
    return " ".join(p.name.split()).casefold()


def _is_pixel(value: object) -> bool:
    """An image (or an ``og_image`` URL) that is a tracking pixel or spacer."""
    if isinstance(value, str):
        return is_tracking_pixel(value)
    return isinstance(value, Image) and is_tracking_pixel(value.url, value.width, value.height)


def _image_key(img: Image) -> object:
    if img.url:
        return img.url
    return (img.width, img.height, img.representative, img.caption)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A record class's attribute names (``attrs.fields`` once per class, not per call)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in attrs.fields(cls))
    return names


def _richer(a: object, b: object) -> object:
    """Of two equal-keyed records, the one that says more."""

    def score(x: object) -> int:
        return sum(1 for name in _field_names(type(x)) if getattr(x, name) not in (None, (), ""))

    return b if score(b) > score(a) else a


def _dedupe(
    field_name: str,
    cands: Sequence[Candidate],
    key: Callable[[object], object],
    what: Callable[[object], str],
) -> tuple[list[object], dict[str, Provenance], list[Issue]]:
    groups: dict[object, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(key(c.value), []).append(c)
    values: list[object] = []
    provenance: dict[str, Provenance] = {}
    issues: list[Issue] = []
    for i, group in enumerate(groups.values()):
        value = group[0].value
        for c in group[1:]:
            value = _richer(value, c.value)
        values.append(value)
        path = f"{field_name}[{i}]"
        _keep_folded(path, [c.provenance for c in group], what(value), provenance, issues)
    return values, provenance, issues


def resolve(ex: Extraction, *, source: str | None = None) -> Article:
    """Build the record from an adapter's candidates."""
    by_field: dict[str, list[Candidate]] = {}
    for c in ex.candidates:
        by_field.setdefault(c.field, []).append(c)
    for cands in by_field.values():
        cands.sort(key=lambda c: c.rank)  # stable: ties keep input order

    values: dict[str, object] = {}
    provenance: dict[str, Provenance] = {}
    issues: list[Issue] = list(ex.issues)
    unrecognised = list(ex.unrecognised)
    for name in ("og_image", "images"):
        pixels = [c for c in by_field.get(name, ()) if _is_pixel(c.value)]
        if not pixels:
            continue
        # A counter or a spacer is not the article's image: kept, and said.
        by_field[name] = [c for c in by_field[name] if not _is_pixel(c.value)]
        for c in pixels:
            unrecognised.append(Unrecognised(text=c.provenance.raw, location=c.provenance.location))
            issues.append(
                Issue(
                    code="tracking-pixel",
                    severity=Severity.INFO,
                    message=f"{name}: {c.provenance.raw[:100]!r} is a tracking pixel or spacer;"
                    " kept in unrecognised",
                    field=name,
                    location=c.provenance.location,
                )
            )

    for name in SCALAR_FIELDS:
        cands = by_field.pop(name, [])
        if not cands:
            continue
        if name in RECORD_FIELDS:
            value, prov, found = _merge_records(name, cands)
            values[name] = value
            provenance[name] = prov
            issues.extend(found)
            continue
        kept = cands[0]
        if len(cands) == 1:  # the common case: one candidate, kept as it is
            values[name] = kept.value
            provenance[name] = kept.provenance
            continue
        same = [kept]
        for other in cands[1:]:
            if _same(name, kept.value, other.value):
                same.append(other)
            else:
                issues.append(
                    _conflict_issue(name, kept, other, _minor(name, kept.value, other.value))
                )
        values[name] = kept.value
        _keep_folded(name, [c.provenance for c in same], name, provenance, issues)

    # Tags: the strongest group is ``tags``; other distinct groups are kept apart.
    tag_groups = by_field.pop("tags", [])
    # Keyed by the group itself: one dict look-up per group, not a scan of all groups.
    by_group: dict[tuple[str, ...], list[Provenance]] = {}
    for c in tag_groups:
        group = tuple(_unique(c.value))  # type: ignore[arg-type]
        by_group.setdefault(group, []).append(c.provenance)
    groups = list(by_group.items())
    for i, (_group, provs) in enumerate(groups):
        path = "tags" if i == 0 else f"other_tag_groups[{i - 1}]"
        _keep_folded(path, provs, "tag group", provenance, issues)
    if groups:
        values["tags"] = groups[0][0]
        values["other_tag_groups"] = tuple(g for g, _ in groups[1:])

    kw = by_field.pop("keywords", [])
    if kw:
        merged: list[str] = []
        for c in kw:
            assert isinstance(c.value, tuple)
            merged.extend(c.value)
        values["keywords"] = tuple(_unique(merged))
        provenance["keywords"] = _fold([c.provenance for c in kw])
        issues.extend(
            _other_paths("keywords", provenance["keywords"], [c.provenance for c in kw], issues)
        )

    list_keys: tuple[tuple[FieldName, Callable[[Any], object], Callable[[Any], str]], ...] = (
        ("authors", _person_key, lambda v: f"author {v.name!r}"),
        ("images", _image_key, lambda v: "image"),
    )
    for name, key, what in list_keys:
        cands = by_field.pop(name, [])
        if cands:
            vals, list_provs, found = _dedupe(name, cands, key, what)
            values[name] = tuple(vals)
            provenance.update(list_provs)
            issues.extend(found)

    for unknown, cands in by_field.items():  # a field no record has: keep, don't drop
        issues.extend(
            Issue(
                code="unknown-field",
                severity=Severity.INFO,
                message=f"value for unknown field {unknown!r}: {c.provenance.raw!r}",
                field=unknown,
                location=c.provenance.location,
            )
            for c in cands
        )

    return Article(
        **values,  # type: ignore[arg-type]
        placeholders=tuple(ex.placeholders),
        truncation=ex.truncation,
        unrecognised=tuple(unrecognised),
        issues=tuple(issues),
        provenance=provenance,
        source=source or ex.adapter,
    )


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        k = item.casefold()
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
