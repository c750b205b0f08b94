"""Several records of one article in, one record out.

Strategy: no second resolver. Each record is turned back into the candidates
an adapter would have reported (value, provenance, rank), the rank taken from
a precedence table by the adapter that read the value (``provenance.adapter``),
and the shared :func:`~newsmeta.resolve.resolve` picks the winners. So every
field of the merged record carries the provenance of the source that supplied
it, and every disagreement between sources becomes an issue the same way a
disagreement between blocks of one dump does. Bodies get a closer look: when
they differ, the issue names the paragraphs that differ.

Order of the records never matters unless asked for (``precedence="order"``):
candidates of equal rank are ordered by a canonical key of the record they came
from, and the lists of issues, placeholders and unrecognised text are sorted.
Identical candidates are folded, so merging a record with itself changes
nothing.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from newsmeta._convert import unstructure
from newsmeta._kit import FieldName
from newsmeta.errors import ConfigError, InputError
from newsmeta.recognizers.urls import canonical
from newsmeta.records import (
    Article,
    Issue,
    Location,
    Provenance,
    Severity,
    Truncation,
)
from newsmeta.resolve import LIST_FIELDS, SCALAR_FIELDS, Candidate, Extraction, resolve

__all__ = ["BODY_PRECEDENCE", "DEFAULT_PRECEDENCE", "Precedence", "body_difference", "merge"]

NAME = "merge"

#: Adapters in order of trust for every field but the body: labelled,
#: structured sources (HTML metadata, an aggregator's envelope) before values
#: recovered by position from a dump, before plain text.
DEFAULT_PRECEDENCE: tuple[str, ...] = ("html", "newsapi", "flat", "text")
#: For the body, the fullest text wins: plain article text, then the page,
#: then a dump's body line, then an aggregator's 200-character snippet.
BODY_PRECEDENCE: tuple[str, ...] = ("text", "html", "flat", "newsapi")
#: Rank step between two adapters in a precedence list; room for the
#: within-source ranks below it.
_STEP = 1000
#: Added to a body that its source says was cut short: after every whole body.
_TRUNCATED_PENALTY = 100 * _STEP
#: Other tag groups follow the main tags of the same source.
_OTHER_GROUP = 100
#: Most paragraph numbers listed in one issue message.
_MAX_LISTED = 12

Precedence = Sequence[str] | Mapping[str, Sequence[str]] | Literal["order"]


def _record_key(record: Article) -> str:
    """A key for a record that depends on its content only (ties between equal ranks)."""
    from newsmeta._convert import dumps

    return hashlib.sha256(dumps(record.to_dict()).encode("utf-8")).hexdigest()


def _order_for(field_name: str, precedence: Precedence | None) -> Sequence[str] | None:
    if precedence == "order":
        return None
    if precedence is None:
        return BODY_PRECEDENCE if field_name == "body" else DEFAULT_PRECEDENCE
    if isinstance(precedence, Mapping):
        default = BODY_PRECEDENCE if field_name == "body" else DEFAULT_PRECEDENCE
        return precedence.get(field_name, precedence.get("*", default))
    return precedence


def _check(precedence: Precedence | None) -> None:
    if precedence is None or precedence == "order":
        return
    if isinstance(precedence, str):
        raise ConfigError(f"precedence: expected 'order', a list or a mapping, got {precedence!r}")
    orders: Iterable[object]
    if isinstance(precedence, Mapping):
        known = set(SCALAR_FIELDS) | set(LIST_FIELDS) | {"*", "other_tag_groups"}
        for key in precedence:
            if key not in known:
                raise ConfigError(f"precedence: {key!r} is not a record field")
        orders = precedence.values()
    else:
        orders = [precedence]
    for order in orders:
        if isinstance(order, str) or not all(isinstance(a, str) for a in order):  # type: ignore[attr-defined]
            raise ConfigError(f"precedence: expected a list of adapter names, got {order!r}")


def _rank(field_name: str, adapter: str, position: int, precedence: Precedence | None) -> int:
    order = _order_for(field_name, precedence)
    if order is None:  # "order": the records' order decides
        return position * _STEP
    try:
        return list(order).index(adapter) * _STEP
    except ValueError:
        return len(order) * _STEP  # adapters not named come last


def _provenance(record: Article, path: str, value: object, label: str) -> Provenance:
    prov = record.provenance.get(path)
    if prov is None:
        raw = value if isinstance(value, str) else str(unstructure(value))
        return Provenance(
            adapter=record.source or "unknown", raw=raw, location=Location(input=label)
        )
    if prov.location.input is None:
        return attrs.evolve(prov, location=attrs.evolve(prov.location, input=label))
    return prov


def _candidates(
    record: Article, position: int, label: str, precedence: Precedence | None
) -> list[Candidate]:
    out: list[Candidate] = []

    def add(field_name: FieldName, path: str, value: object, extra: int = 0) -> None:
        prov = _provenance(record, path, value, label)
        rank = _rank(field_name, prov.adapter, position, precedence) + extra
        out.append(Candidate(field=field_name, value=value, provenance=prov, rank=rank))

    for name in SCALAR_FIELDS:
        value = getattr(record, name)
        if value is None:
            continue
        extra = _TRUNCATED_PENALTY if name == "body" and record.truncation is not None else 0
        add(name, name, value, extra)
    if record.tags:
        add("tags", "tags", record.tags)
    for k, group in enumerate(record.other_tag_groups):
        add("tags", f"other_tag_groups[{k}]", group, _OTHER_GROUP + k)
    if record.keywords:
        add("keywords", "keywords", record.keywords)
    for name in ("images", "authors"):
        for j, item in enumerate(getattr(record, name)):
            add(name, f"{name}[{j}]", item)
    return out


def _paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]


def _numbers(start: int, end: int) -> list[int]:
    return list(range(start + 1, end + 1))


def _listed(numbers: Sequence[int]) -> str:
    shown = ", ".join(f"¶{n}" for n in numbers[:_MAX_LISTED])
    return shown + (f" and {len(numbers) - _MAX_LISTED} more" if len(numbers) > _MAX_LISTED else "")


#: Two paragraphs this similar (difflib ratio over words) are one paragraph edited.
_SIMILAR = 0.5


def _pairs(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[str]:
    """``¶7~¶4`` for each kept paragraph of a changed run and its closest other one."""
    out: list[str] = []
    unmatched: list[int] = []
    for i in range(i1, i2):
        words = a[i].split()
        best, best_j = 0.0, -1
        for j in range(j1, j2):
            ratio = difflib.SequenceMatcher(a=words, b=b[j].split(), autojunk=False).ratio()
            if ratio > best:
                best, best_j = ratio, j
        if best >= _SIMILAR:
            out.append(f"¶{i + 1}~¶{best_j + 1}")
        else:
            unmatched.append(i + 1)
    if unmatched:
        out.append(f"{_listed(unmatched)} rewritten")
    return out


def _where(prov: Provenance) -> str:
    return f"{prov.adapter} ({prov.location.input or 'unnamed input'})"


def body_difference(kept: str, kept_prov: Provenance, other: str, other_prov: Provenance) -> Issue:
    """An issue naming the paragraphs in which two bodies differ."""
    a, b = _paragraphs(kept), _paragraphs(other)
    only_kept: list[int] = []
    only_other: list[int] = []
    changed: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            only_kept += _numbers(i1, i2)
        elif tag == "insert":
            only_other += _numbers(j1, j2)
        elif tag == "replace":
            changed += _pairs(a, b, i1, i2, j1, j2)
    same = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in matcher.get_opcodes() if tag == "equal")
    parts = [
        f"the bodies differ (a later edit?): kept {_where(kept_prov)} with {len(a)} paragraphs,"
        f" {_where(other_prov)} has {len(b)}; {same} are the same"
    ]
    if only_kept:
        parts.append(f"only in the kept body: {_listed(only_kept)}")
    if only_other:
        parts.append(f"only in the other: {_listed(only_other)}")
    if changed:
        shown = changed[:_MAX_LISTED]
        more = f" and {len(changed) - _MAX_LISTED} more" if len(changed) > _MAX_LISTED else ""
        parts.append("edited (kept ~ other): " + ", ".join(shown) + more)
    return Issue(
        code="body-differs",
        severity=Severity.WARNING,
        message="; ".join(parts),
        field="body",
        location=other_prov.location,
    )


def _sort_key(item: object) -> str:
    from newsmeta._convert import dumps

    return dumps(unstructure(item))


def _unique_sorted(items: Iterable[object]) -> list[object]:
    seen: dict[str, object] = {}
    for item in items:
        seen.setdefault(_sort_key(item), item)
    return [seen[k] for k in sorted(seen)]


def merge(*records: Article, precedence: Precedence | None = None, force: bool = False) -> Article:
    """One record from several records of the same article.

    Each field comes from the source ranked first for it (see
    ``docs/merge.md``): by default :data:`~newsmeta.merge.DEFAULT_PRECEDENCE` (``html``,
    ``newsapi``, ``flat``, ``text``) and, for the body,
    :data:`~newsmeta.merge.BODY_PRECEDENCE` (``text``, ``html``, ``flat``, ``newsapi``; a
    body its source says was truncated comes after every whole one). The adapter is
    the one that read the value (``provenance.adapter``), so a NewsAPI item's
    envelope and the dump inside its ``content`` rank apart.

    ``precedence`` overrides this: a list of adapter names for every field, a
    mapping from field name (or ``"*"``) to such a list, or ``"order"`` to let
    the records' order decide. With the default, the result does not depend on
    the order of ``records``.

    Every field's provenance names the source that supplied it; each
    disagreement is an issue (``conflicting-values``, ``minor-disagreement``,
    ``body-differs`` naming the paragraphs). Issues, placeholders and
    unrecognised text of all records are kept.

    Records of different articles are refused: when two records' URLs differ
    once reduced to what names a page (scheme, ``www.``, tracking parameters
    and a trailing slash aside; :func:`newsmeta.recognizers.urls.canonical`),
    :class:`~newsmeta.errors.InputError` names both. ``force=True`` merges them
    anyway, with the disagreement reported as a ``conflicting-values`` issue.
    """
    if not records:
        raise InputError("merge() needs at least one record")
    for i, r in enumerate(records):
        if not isinstance(r, Article):
            raise InputError(f"merge(): argument {i + 1} is a {type(r).__name__}, not an Article")
    if not force:
        _check_same_article(records)
    _check(precedence)
    keys = [_record_key(r) for r in records]
    candidates: dict[str, tuple[tuple[int, str, int, int], Candidate]] = {}
    for position, (record, key) in enumerate(zip(records, keys, strict=True)):
        label = f"{record.source or 'record'}#{key[:8]}"
        for n, c in enumerate(_candidates(record, position, label, precedence)):
            ident = _sort_key((c.field, c.value, c.provenance))
            sort = (c.rank, key if precedence != "order" else "", position, n)
            if ident not in candidates or sort < candidates[ident][0]:
                candidates[ident] = (sort, c)
    ex = Extraction(adapter=NAME)
    ex.candidates = [c for _s, c in sorted(candidates.values(), key=lambda sc: sc[0])]
    merged = resolve(ex, source=NAME)

    issues = [*merged.issues]
    bodies = [c for c in ex.candidates if c.field == "body"]
    if bodies and merged.body is not None:
        kept = merged.provenance["body"]
        replaced = [
            body_difference(merged.body, kept, c.value, c.provenance)
            for c in bodies
            if c.value != merged.body and isinstance(c.value, str)
        ]
        if replaced:
            issues = [
                i for i in issues if not (i.field == "body" and i.code == "conflicting-values")
            ]
            issues += replaced

    truncation = _truncation(records, merged)
    return attrs.evolve(
        merged,
        issues=_unique_sorted([*issues, *(i for r in records for i in r.issues)]),
        placeholders=_unique_sorted(p for r in records for p in r.placeholders),
        unrecognised=_unique_sorted(u for r in records for u in r.unrecognised),
        truncation=truncation,
    )


def _check_same_article(records: Sequence[Article]) -> None:
    """An :class:`InputError` when two records name different pages."""
    first: tuple[int, str, str] | None = None
    for i, r in enumerate(records, 1):
        if not r.url:
            continue
        key = canonical(r.url)
        if first is None:
            first = (i, r.url, key)
        elif key != first[2]:
            raise InputError(
                f"merge(): the records are of different articles: record {first[0]} is"
                f" {first[1]} and record {i} is {r.url}; pass force=True (--force on the"
                " command line) to merge them anyway"
            )


def _truncation(records: Sequence[Article], merged: Article) -> Truncation | None:
    """The truncation of the source that supplied the body, else of any source."""
    body = merged.provenance.get("body")
    cut: list[Truncation] = [r.truncation for r in records if r.truncation is not None]
    if body is not None:
        for r in records:
            prov = r.provenance.get("body")
            if (
                prov is not None
                and prov.adapter == body.adapter
                and prov.raw == body.raw
                and prov.location.lines == body.location.lines
                and prov.location.path == body.location.path
            ):
                return r.truncation
        return None
    found = _unique_sorted(cut)
    first = found[0] if found else None
    assert first is None or isinstance(first, Truncation)
    return first
