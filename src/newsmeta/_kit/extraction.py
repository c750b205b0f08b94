"""What an adapter reports: candidates per record field, issues, kept text.

Adapters never build records. They fill an :class:`Extraction` through its
methods, and :func:`newsmeta.resolve.resolve` turns it into the
:class:`~newsmeta.records.Article`. Three rules hold here, so that no adapter
has to remember them:

- a candidate names its field with a :data:`FieldName`, so a misspelt field
  is a mypy error, not an ``unknown-field`` issue at run time;
- an issue's severity comes from the code table
  (:data:`newsmeta._codes.ISSUE_CODES`), so one code has one severity in every
  adapter and in :func:`newsmeta.validate`;
- text an adapter reports and does not use is kept (:meth:`Extraction.reject`
  does both in one call), so nothing read is lost.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Literal, cast, get_args

from attrs import define, field

from newsmeta._codes import ISSUE_CODES
from newsmeta.records import (
    Issue,
    Location,
    Placeholder,
    Provenance,
    Severity,
    Truncation,
    Unrecognised,
)

__all__ = ["FIELD_NAMES", "Candidate", "Extraction", "FieldName", "as_field", "severity_of"]

#: The :class:`~newsmeta.records.Article` fields an adapter can give values for.
FieldName = Literal[
    "url",
    "page_kind",
    "title",
    "description",
    "date",
    "published",
    "created",
    "modified",
    "tags",
    "keywords",
    "og_image",
    "images",
    "body",
    "authors",
    "publisher",
    "section",
    "language",
    "copyright_year",
]
#: :data:`FieldName`'s values, for run-time checks.
FIELD_NAMES: frozenset[str] = frozenset(get_args(FieldName))


def as_field(name: str) -> FieldName:
    """``name`` as a :data:`FieldName`, for names read from a data table.

    >>> as_field("title")
    'title'
    """
    if name not in FIELD_NAMES:
        raise ValueError(f"{name!r} is not a record field an adapter can fill")
    return cast("FieldName", name)


@functools.cache
def severity_of(code: str) -> Severity:
    """The severity ``code`` is emitted at: its ``default`` column in the code table.

    >>> severity_of("truncated").value
    'info'

    An unknown code is a programming error (``tests/test_codes.py`` checks
    every emitted code is in the table).
    """
    return Severity.of(ISSUE_CODES[code].default)


@define(kw_only=True)
class Candidate:
    """One value an adapter found for one field.

    Not frozen, unlike the records: candidates live only inside one
    :func:`~newsmeta.resolve.resolve` call, and a frozen attrs instance costs
    three times as much to build (``object.__setattr__`` per attribute), once
    per value read.
    """

    field: FieldName
    """The record field the value is for."""
    value: object
    """The normalised value (a ``str``, a ``datetime``, a record…)."""
    provenance: Provenance
    """Where the value was read and its raw text."""
    rank: int = 100
    """Precedence: lower wins. Ties keep input order."""
    tz_assumed: bool = False
    """A datetime written without a UTC offset and read as UTC: a guess, which
    a source that gives the offset should beat."""


@define(kw_only=True)
class Extraction:
    """What an adapter found, before a record is built."""

    adapter: str
    """The adapter's name (``html``, ``flat``…), put in every provenance."""
    input: str | None = None
    """The input's name, put in every location."""
    candidates: list[Candidate] = field(factory=list)
    """Values for the record's fields, in the order they were read."""
    placeholders: list[Placeholder] = field(factory=list)
    """Unresolved templates found where values should be."""
    unrecognised: list[Unrecognised] = field(factory=list)
    """Input no rule claimed, kept with its location."""
    issues: list[Issue] = field(factory=list)
    """What the adapter noticed on the way."""
    truncation: Truncation | None = None
    """Where the input was cut short, if it was."""
    within: str | None = None
    """The path of the value this input sits inside, when it is one value of a
    larger input (a dump inside NewsAPI's ``$.content``): every location
    starts with it, so the locations are right when made, not rewritten."""

    def location(self, lines: Iterable[int] = (), path: str | None = None) -> Location:
        """A location within this extraction's input."""
        if self.within is not None:
            path = self.within if path is None else f"{self.within}/{path}"
        return Location(lines=tuple(lines), path=path, input=self.input)

    def add(
        self,
        field_name: FieldName,
        value: object,
        raw: str,
        *,
        lines: Iterable[int] = (),
        path: str | None = None,
        rank: int = 100,
        tz_assumed: bool = False,
    ) -> None:
        """Record a candidate value for ``field_name``."""
        loc = self.location(lines, path)
        prov = Provenance(adapter=self.adapter, raw=raw, location=loc)
        self.candidates.append(
            Candidate(
                field=field_name, value=value, provenance=prov, rank=rank, tz_assumed=tz_assumed
            )
        )

    def issue(
        self,
        code: str,
        message: str,
        *,
        field_name: str | None = None,
        lines: Iterable[int] = (),
        path: str | None = None,
    ) -> None:
        """Report an issue; its severity is the code's (:func:`severity_of`)."""
        self.issues.append(
            Issue(
                code=code,
                severity=severity_of(code),
                message=message,
                field=field_name,
                location=self.location(lines, path),
            )
        )

    def cut_short(
        self,
        missing_chars: int | None,
        marker: str,
        message: str,
        *,
        partial: str | None = None,
        lines: Iterable[int] = (),
        path: str | None = None,
    ) -> None:
        """The input (or its text field) was cut short (``… [+N chars]``): the
        :class:`~newsmeta.records.Truncation` and its ``truncated`` issue, built
        here for every adapter."""
        lines = tuple(lines)
        self.truncation = Truncation(
            missing_chars=missing_chars,
            marker=marker,
            partial=partial,
            location=self.location(lines, path),
        )
        self.issue("truncated", message, field_name="truncation", lines=lines, path=path)

    def keep(self, text: str, *, lines: Iterable[int] = (), path: str | None = None) -> None:
        """Keep input nobody recognised."""
        self.unrecognised.append(Unrecognised(text=text, location=self.location(lines, path)))

    def reject(
        self,
        code: str,
        message: str,
        text: str,
        *,
        field_name: str | None = None,
        lines: Iterable[int] = (),
        path: str | None = None,
    ) -> None:
        """Report an issue about ``text`` and keep the text: input read, not used."""
        self.issue(code, message, field_name=field_name, lines=lines, path=path)
        self.keep(text, lines=lines, path=path)
