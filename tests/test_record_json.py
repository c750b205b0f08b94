"""``Article.to_json`` (orjson with a default hook) writes exactly what
``dumps(unstructure(record))`` writes, for every golden record and for odd values."""

from __future__ import annotations

import datetime as dt

import pytest

import newsmeta
from newsmeta import Article, Image, Issue, Location, Organization, Person, Provenance
from newsmeta._convert import dumps, unstructure
from tests.test_golden import golden_pairs, parse_fixture

ODD = Article(
    published=dt.datetime(
        2020, 1, 1, 1, 2, 3, 4500, tzinfo=dt.timezone(dt.timedelta(hours=-5, seconds=13))
    ),
    modified=dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc),
    date=dt.date(2020, 1, 2),
    tags=("ä", "\u2028", '"'),
    images=[Image(width=3, representative=True)],
    authors=[Person(name="X", avatar=Image(url="https://e.com/a.jpg"))],
    publisher=Organization(name="P", logo=Image(height=1)),
    issues=[Issue(code="truncated", severity="info", message="m", location=Location(lines=(1, 2)))],
    provenance={"title": Provenance(adapter="flat", raw="r", location=Location(path="$.x"))},
)


@pytest.mark.parametrize("indent", [False, True])
def test_same_text_as_the_generic_walker(indent: bool) -> None:
    records = [parse_fixture(src) for src, _ in golden_pairs()] + [ODD, Article()]
    for record in records:
        assert record.to_json(indent=indent) == dumps(unstructure(record), indent=indent)
        assert newsmeta.Article.from_json(record.to_json()) == record
